// Type definitions for opentok-rs (drop-in for the `opentok` 2.x npm package).
// Every REST method takes the official trailing Node-style callback; without one it returns a Promise.

declare namespace OpenTok {
  /** Typed, verified callbacks (webhooks); beyond the official SDK. */
  const webhooks: typeof import('./lib/webhooks');
  type ResultCallback<T> = (err: OpenTokError | null, result?: T) => void;
  type VoidCallback = (err: OpenTokError | null) => void;
  type ListCallback<T> = (err: OpenTokError | null, items?: T[], totalCount?: number) => void;

  type Role = 'subscriber' | 'publisher' | 'publisheronly' | 'moderator';
  type MediaMode = 'routed' | 'relayed';
  type ArchiveMode = 'manual' | 'always';
  type OutputMode = 'composed' | 'individual';
  type StreamMode = 'auto' | 'manual';
  type LayoutType = 'bestFit' | 'pip' | 'verticalPresentation' | 'horizontalPresentation' | 'focus' | 'custom';
  type Resolution = '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';

  /** Third constructor argument: the API URL, or these options (all applied, unlike the official package). */
  interface ClientOptions {
    /** Base URL of the REST API (default https://api.opentok.com, or https://video.api.vonage.com for application credentials). */
    apiUrl?: string;
    /** Request timeout in milliseconds (default 20000). */
    timeout?: number;
    /** Connect timeout in milliseconds (default 5000). */
    connectTimeout?: number;
    /** Proxy URL, e.g. http://user:pass@proxy:3128. */
    proxy?: string;
    /** Appended to the User-Agent. */
    uaAddendum?: string;
    /** Retries of idempotent requests (GET, DELETE) on 429/502/503/504 and connection errors. */
    maxRetries?: number;
    /**
     * Which HTTP stack carries requests: 'native' (the Rust core), 'host' (Node's http/https, which
     * HTTP mocks such as nock see) or 'auto' (host while nock is active; the default, overridden by
     * the OPENTOK_TRANSPORT environment variable).
     */
    transport?: 'native' | 'host' | 'auto';
    /** Extra trusted CA certificates (PEM text or file path); defaults to NODE_EXTRA_CA_CERTS. */
    caBundle?: string;
    /** Largest response body accepted, bytes (default 32 MiB); a larger answer is a RequestError. */
    maxResponseBytes?: number;
  }

  /** `opentok.client`: the configuration the official package keeps in `client.c`. */
  interface Client {
    c: {
      apiKey: string;
      readonly apiSecret: string;
      apiUrl: string;
      callVonage: boolean;
      uaAddendum?: string;
      request: { timeout: number; proxy?: string };
      auth: { expire: number };
      [key: string]: unknown;
    };
    config(c: Record<string, unknown>): Client['c'];
  }

  /** A fetch Response (status, headers.get(), json(), text()): the third argument of render callbacks. */
  type HttpResponse = Response;
  type RenderCallback<T> = (err: OpenTokError | null, body?: T, response?: HttpResponse) => void;

  interface SessionOptions {
    mediaMode?: MediaMode;
    archiveMode?: ArchiveMode;
    location?: string;
    e2ee?: boolean;
    archiveName?: string;
    archiveResolution?: Resolution;
    /** Any other key is sent as given. */
    [key: string]: unknown;
  }

  interface TokenOptions {
    role?: Role;
    /** Unix seconds (in the future). */
    expireTime?: number;
    /** Connection data, at most 1024 characters. */
    data?: string;
    initialLayoutClassList?: string[] | string;
  }

  interface Layout {
    type: LayoutType;
    stylesheet?: string;
    screenshareType?: LayoutType;
  }

  interface ArchiveOptions {
    name?: string;
    hasAudio?: boolean;
    hasVideo?: boolean;
    outputMode?: OutputMode;
    resolution?: Resolution;
    layout?: Layout;
    streamMode?: StreamMode;
    multiArchiveTag?: string;
    maxBitrate?: number;
    quantizationParameter?: number;
    hasTranscription?: boolean;
    transcriptionProperties?: { primaryLanguageCode?: string; hasSummary?: boolean };
  }

  interface ListOptions {
    offset?: number;
    count?: number;
    sessionId?: string;
  }

  interface StreamOptions {
    hasAudio?: boolean;
    hasVideo?: boolean;
  }

  interface ArchiveStream { streamId: string; hasAudio?: boolean; hasVideo?: boolean }

  class Archive {
    id: string;
    status: 'available' | 'expired' | 'failed' | 'paused' | 'started' | 'stopped' | 'uploaded' | 'deleted' | string;
    name?: string | null;
    reason?: string | null;
    sessionId: string;
    projectId?: number | string | null;
    partnerId?: number | string | null;
    createdAt: number;
    updatedAt?: number | null;
    size?: number | null;
    duration?: number | null;
    outputMode?: OutputMode;
    streamMode?: StreamMode;
    hasAudio?: boolean;
    hasVideo?: boolean;
    hasTranscription?: boolean;
    resolution?: string | null;
    url?: string | null;
    password?: string | null;
    sha256sum?: string | null;
    streams?: ArchiveStream[];
    multiArchiveTag?: string | null;
    maxBitrate?: number | null;
    quantizationParameter?: number | null;
    [key: string]: unknown;
    stop(callback: ResultCallback<Archive>): void;
    stop(): Promise<Archive>;
    delete(callback: VoidCallback): void;
    delete(): Promise<void>;
    addStream(streamId: string, options?: StreamOptions): Promise<void>;
    addStream(streamId: string, options: StreamOptions, callback: VoidCallback): void;
    removeStream(streamId: string): Promise<void>;
    removeStream(streamId: string, callback: VoidCallback): void;
  }

  interface RtmpOutput { id?: string; serverUrl: string; streamName: string }
  interface BroadcastOptions {
    outputs: { hls?: { dvr?: boolean; lowLatency?: boolean }; rtmp?: RtmpOutput[] };
    layout?: Layout;
    maxDuration?: number;
    maxBitrate?: number;
    resolution?: Resolution;
    streamMode?: StreamMode;
    multiBroadcastTag?: string;
    hasAudio?: boolean;
    hasVideo?: boolean;
  }

  class Broadcast {
    id: string;
    sessionId: string;
    projectId?: number | string | null;
    createdAt: number;
    updatedAt?: number | null;
    resolution?: string;
    status: 'started' | 'stopped' | string;
    maxDuration?: number;
    maxBitrate?: number | null;
    streamMode?: StreamMode;
    broadcastUrls?: { hls?: string; hlsStatus?: string; rtmp?: Array<RtmpOutput & { status?: string }> };
    settings?: { hls?: { lowLatency?: boolean; dvr?: boolean } };
    hasAudio?: boolean;
    hasVideo?: boolean;
    multiBroadcastTag?: string | null;
    [key: string]: unknown;
    stop(callback: ResultCallback<Broadcast>): void;
    stop(): Promise<Broadcast>;
  }

  class Session {
    sessionId: string;
    mediaMode?: MediaMode;
    archiveMode?: ArchiveMode;
    location?: string;
    readonly ot: OpenTok;
    [key: string]: unknown;
    generateToken(opts?: TokenOptions, generateT1Token?: boolean): string;
  }

  interface Stream { id: string; videoType: 'camera' | 'screen' | string; name: string; layoutClassList: string[] }
  interface Connection { connectionId: string; connectionState: 'Connecting' | 'Connected' | 'Disconnected' | string; createdAt: number }
  interface SipInterconnect { id: string; connectionId: string; streamId: string; [key: string]: unknown }
  interface SignalPayload { type?: string; data?: string }
  interface ClassListItem { id: string; layoutClassList: string[] }
  interface ForceMuteAllOptions { excludedStreamIds?: string[] }

  interface DialOptions {
    headers?: Record<string, string>;
    auth?: { username: string; password: string };
    secure?: boolean;
    from?: string;
    video?: boolean;
    observeForceMute?: boolean;
    streams?: string[];
  }

  interface RenderOptions {
    sessionId: string;
    token: string;
    url: string;
    /** Default 1800, as the official package. */
    maxDuration?: number;
    /** Default '1280x720', as the official package. */
    resolution?: Resolution;
    statusCallbackUrl?: string;
    /** Accepted but not sent: the official package sends only the keys above. */
    properties?: { name?: string };
  }
  interface Render {
    id: string;
    sessionId: string;
    projectId?: number | string | null;
    createdAt: number;
    updatedAt?: number | null;
    url: string;
    resolution?: string;
    status: 'starting' | 'started' | 'stopped' | 'failed' | string;
    streamId?: string | null;
    reason?: string | null;
    [key: string]: unknown;
  }
  interface RenderList { count: number; items: Render[] }

  interface WebsocketOptions {
    streams?: string[];
    headers?: Record<string, string>;
    /** Accepted but not sent: the official package forwards only streams, headers and bidirectional. */
    audioRate?: 8000 | 16000 | 24000;
    bidirectional?: boolean;
    /** Accepted but not sent (as audioRate). */
    audioTransport?: { transport?: 'binary' | 'json'; encoding?: 'base64'; audioField?: string; receiveAudioField?: string; staticFields?: Record<string, unknown> };
  }
  interface AudioConnection { id: string; connectionId: string; [key: string]: unknown }

  /** Defaults as the official package: 'en-US', 14400, true. `statusCallbackUrl` is accepted but not sent (as the official package). */
  interface CaptionsOptions { languageCode?: string; maxDuration?: number; partialCaptions?: boolean; statusCallbackUrl?: string }
  interface CaptionStatus {
    captionId: string; sessionId: string; status: 'started' | 'stopped' | 'paused' | 'failed' | string;
    createdAt?: number; updatedAt?: number; duration?: number; languageCode?: string; provider?: string; reason?: string | null;
    [key: string]: unknown;
  }

  interface CallbackOptions { group: 'archive' | 'connection' | 'stream' | 'session' | string; event: string; url: string }
  class Callback {
    id: string;
    group: string;
    event: string;
    url: string;
    createdAt?: number;
    [key: string]: unknown;
    unregister(callback: VoidCallback): void;
    unregister(): Promise<void>;
  }

  type ArchiveList = Archive[] & { totalCount: number };
  type BroadcastList = Broadcast[] & { totalCount: number };
  type StreamList = Stream[] & { totalCount: number };
  type ConnectionList = Connection[] & { totalCount: number };

  /** Base of every error class below (all are real Error subclasses). */
  class OpenTokError extends Error {
    /** invalid_argument, auth, not_found, conflict, rate_limited, api, timeout, network, decode */
    kind?: string;
    status?: number;
    serverMessage?: string;
    serverCode?: string;
    requestId?: string;
    /** For argument errors: the option or argument name. */
    field?: string;
    reason?: string;
    retryAfter?: number;
    operation?: string;
    constructor(message?: string, details?: object);
  }
  class ArgumentError extends OpenTokError {}
  class AuthError extends OpenTokError {}
  class ArchiveError extends OpenTokError {}
  class CaptionsError extends OpenTokError {}
  class SipError extends OpenTokError {}
  class SignalError extends OpenTokError {}
  class ForceDisconnectError extends OpenTokError {}
  class CallbackError extends OpenTokError {}
  class RequestError extends OpenTokError {}
  class NotFoundError extends OpenTokError {}
  class TimeoutError extends RequestError {}

  // BEGIN GENERATED: raw result types (from the core's manifest by scripts/gen/gen_types.py; do not edit, run `make generate`).
  /**
   * The service's JSON for each operation as the native core hands it over (wire member names;
   * members the core does not name pass through), one declaration per result type of the core.
   */
  namespace Raw {
    /** Every operation the native core runs by name. */
    type OperationName =
      | 'create_session'
      | 'start_archive'
      | 'stop_archive'
      | 'get_archive'
      | 'list_archives'
      | 'delete_archive'
      | 'set_archive_layout'
      | 'add_archive_stream'
      | 'remove_archive_stream'
      | 'start_broadcast'
      | 'stop_broadcast'
      | 'get_broadcast'
      | 'list_broadcasts'
      | 'set_broadcast_layout'
      | 'add_broadcast_stream'
      | 'remove_broadcast_stream'
      | 'get_stream'
      | 'list_streams'
      | 'set_stream_class_lists'
      | 'set_stream_class_list'
      | 'list_connections'
      | 'send_signal'
      | 'force_disconnect'
      | 'mute_stream'
      | 'mute_all'
      | 'disable_force_mute'
      | 'dial'
      | 'play_dtmf'
      | 'start_render'
      | 'get_render'
      | 'stop_render'
      | 'list_renders'
      | 'connect_audio'
      | 'stop_audio_connector'
      | 'start_captions'
      | 'stop_captions'
      | 'get_captions'
      | 'register_callback'
      | 'list_callbacks'
      | 'unregister_callback';
    /** The raw result of each operation (`null`: the answer is ignored). */
    interface Results {
      create_session: CreatedSessions;
      start_archive: Archive;
      stop_archive: Archive;
      get_archive: Archive;
      list_archives: ArchiveList;
      delete_archive: null;
      set_archive_layout: null;
      add_archive_stream: null;
      remove_archive_stream: null;
      start_broadcast: Broadcast;
      stop_broadcast: Broadcast;
      get_broadcast: Broadcast;
      list_broadcasts: BroadcastList;
      set_broadcast_layout: null;
      add_broadcast_stream: null;
      remove_broadcast_stream: null;
      get_stream: StreamInfo;
      list_streams: StreamList;
      set_stream_class_lists: null;
      set_stream_class_list: null;
      list_connections: ConnectionList;
      send_signal: null;
      force_disconnect: null;
      mute_stream: null;
      mute_all: null;
      disable_force_mute: null;
      dial: SipCall;
      play_dtmf: null;
      start_render: Render;
      get_render: Render;
      stop_render: null;
      list_renders: RenderList;
      connect_audio: AudioConnection;
      stop_audio_connector: null;
      start_captions: Captions;
      stop_captions: null;
      get_captions: CaptionStatus;
      register_callback: ProjectCallback;
      list_callbacks: Array_of_ProjectCallback;
      unregister_callback: null;
    }
    /** The raw answer of `/session/create`: a one-element array. */
    type CreatedSessions = CreatedSession[];
    /** One element of the service's JSON answer. */
    interface CreatedSession {
      /** Creation date. */
      create_dt?: string | null;
      /** Media server URL. */
      media_server_url?: string | null;
      /** Partner id (older name of the project id). */
      partner_id?: unknown;
      /** Project id (may be a number or a string on the wire). */
      project_id?: unknown;
      /** The new session id. */
      session_id: string;
      [key: string]: unknown;
    }
    /** An archive as the API reports it. */
    interface Archive {
      /** Vonage application id. */
      applicationId?: string | null;
      /** Creation time (ms since epoch). */
      createdAt?: number | null;
      /** Duration in seconds. */
      duration?: number | null;
      /** Callback event name, when read from a callback. */
      event?: string | null;
      /** Audio recorded. */
      hasAudio?: boolean | null;
      /** Transcription requested. */
      hasTranscription?: boolean | null;
      /** Video recorded. */
      hasVideo?: boolean | null;
      /** Archive id. */
      id: string;
      /** Maximum bitrate. */
      maxBitrate?: number | null;
      /** Multi-archive tag. */
      multiArchiveTag?: string | null;
      /** Name. */
      name?: string | null;
      /** `composed` or `individual`. */
      outputMode?: string | null;
      /** Partner id (older name of the project id). */
      partnerId?: unknown;
      /** Encryption password, if any. */
      password?: string | null;
      /** Project id (a number on the wire is read as its JSON text). */
      projectId?: unknown;
      /** Quantization parameter. */
      quantizationParameter?: number | null;
      /** Why it stopped or failed. */
      reason?: string | null;
      /** Resolution. */
      resolution?: string | null;
      /** Session id. */
      sessionId?: string | null;
      /** SHA-256 of the file. */
      sha256sum?: string | null;
      /** Size in bytes. */
      size?: number | null;
      /** `available`, `expired`, `failed`, `paused`, `started`, `stopped`, `uploaded` or `deleted`. */
      status?: string | null;
      /** `auto` or `manual`. */
      streamMode?: string | null;
      /** Streams in the archive (`None` when the answer has no `streams`). */
      streams?: StreamSelection[] | null;
      /** Transcription state. */
      transcription?: Transcription | null;
      /** Last update (ms since epoch). */
      updatedAt?: number | null;
      /** Download URL once available. */
      url?: string | null;
      [key: string]: unknown;
    }
    /** A stream included in an archive or broadcast. */
    interface StreamSelection {
      /** Audio included. */
      hasAudio?: boolean | null;
      /** Video included. */
      hasVideo?: boolean | null;
      /** Stream id. */
      streamId?: string | null;
      [key: string]: unknown;
    }
    /** Transcription state of an archive. */
    interface Transcription {
      /** Whether a summary was requested. */
      hasSummary?: boolean | null;
      /** Language. */
      primaryLanguageCode?: string | null;
      /** Failure reason. */
      reason?: string | null;
      /** Status. */
      status?: string | null;
      /** Download URL. */
      url?: string | null;
      [key: string]: unknown;
    }
    /** A page of archives; `total_count` counts every page. */
    interface ArchiveList {
      /** Total number of items (across pages; `None` when the answer has no `count`). */
      count?: number | null;
      /** This page. */
      items?: Archive[];
      [key: string]: unknown;
    }
    /** A broadcast as the API reports it. */
    interface Broadcast {
      /** Vonage application id. */
      applicationId?: string | null;
      /** Output URLs. */
      broadcastUrls?: BroadcastUrls | null;
      /** Creation time (ms). */
      createdAt?: number | null;
      /** Callback event name. */
      event?: string | null;
      /** Audio included. */
      hasAudio?: boolean | null;
      /** Video included. */
      hasVideo?: boolean | null;
      /** Broadcast id. */
      id: string;
      /** Maximum bitrate. */
      maxBitrate?: number | null;
      /** Maximum duration (s). */
      maxDuration?: number | null;
      /** Multi-broadcast tag. */
      multiBroadcastTag?: string | null;
      /** Partner id (older name of the project id). */
      partnerId?: unknown;
      /** Project id (a number on the wire is read as its JSON text). */
      projectId?: unknown;
      /** Resolution. */
      resolution?: string | null;
      /** Session id. */
      sessionId?: string | null;
      /** Settings (`{"hls": {"lowLatency", "dvr"}}`). */
      settings?: BroadcastSettings | null;
      /** `started` or `stopped`. */
      status?: string | null;
      /** `auto` or `manual`. */
      streamMode?: string | null;
      /** Streams in the broadcast (`None` when the answer has no `streams`). */
      streams?: StreamSelection[] | null;
      /** Last update (ms). */
      updatedAt?: number | null;
      [key: string]: unknown;
    }
    /** Where a broadcast can be watched. */
    interface BroadcastUrls {
      /** HLS URL. */
      hls?: string | null;
      /** HLS state. */
      hlsStatus?: string | null;
      /** RTMP targets (an array, or an object keyed by id, on the wire). */
      rtmp?: RtmpStatus[] | null;
      [key: string]: unknown;
    }
    /** An RTMP output's state. */
    interface RtmpStatus {
      /** Your id for it. */
      id?: string | null;
      /** Server URL. */
      serverUrl?: string | null;
      /** `connecting`, `live`, `offline` or `error`. */
      status?: string | null;
      /** Stream name. */
      streamName?: string | null;
      [key: string]: unknown;
    }
    /** Settings a broadcast runs with. */
    interface BroadcastSettings {
      /** HLS settings. */
      hls?: HlsSettings | null;
      [key: string]: unknown;
    }
    /** HLS settings a broadcast runs with. */
    interface HlsSettings {
      /** DVR. */
      dvr?: boolean | null;
      /** Low-latency HLS. */
      lowLatency?: boolean | null;
      [key: string]: unknown;
    }
    /** A page of broadcasts. */
    interface BroadcastList {
      /** Total number of items (across pages; `None` when the answer has no `count`). */
      count?: number | null;
      /** This page. */
      items?: Broadcast[];
      [key: string]: unknown;
    }
    /** A stream in a session (not `Stream`, which would clash with Foundation's `Stream` in Swift). */
    interface StreamInfo {
      /** Stream id. */
      id: string;
      /** Layout classes (`None` when the answer has none). */
      layoutClassList?: string[] | null;
      /** Name given by the publisher. */
      name?: string | null;
      /** `camera` or `screen` (or `custom`). */
      videoType?: string | null;
      [key: string]: unknown;
    }
    /** The streams of a session. */
    interface StreamList {
      /** Total number of items (across pages; `None` when the answer has no `count`). */
      count?: number | null;
      /** This page. */
      items?: StreamInfo[];
      [key: string]: unknown;
    }
    /** The connections of a session. */
    interface ConnectionList {
      /** Vonage application id. */
      applicationId?: string | null;
      /** Number of connections (`None` when the answer has no `count`). */
      count?: number | null;
      /** The connections. */
      items?: Connection[];
      /** Project id (a number on the wire is read as its JSON text). */
      projectId?: unknown;
      /** Session id. */
      sessionId?: string | null;
      [key: string]: unknown;
    }
    /** A client connection. */
    interface Connection {
      /** Connection id. */
      connectionId: string;
      /** `Connecting`, `Connected` or `Disconnected`. */
      connectionState?: string | null;
      /** When it connected (ms). */
      createdAt?: number | null;
      [key: string]: unknown;
    }
    /** A SIP call's connection in the session. */
    interface SipCall {
      /** Its connection id. */
      connectionId?: string | null;
      /** Creation time (ms). */
      createdAt?: number | null;
      /** Call id. */
      id: string;
      /** Project id (a number on the wire is read as its JSON text). */
      projectId?: unknown;
      /** Session id. */
      sessionId?: string | null;
      /** Its stream id. */
      streamId?: string | null;
      /** Last update (ms). */
      updatedAt?: number | null;
      [key: string]: unknown;
    }
    /** An Experience Composer render. */
    interface Render {
      /** Vonage application id. */
      applicationId?: string | null;
      /** Status callback URL. */
      callbackUrl?: string | null;
      /** Creation time (ms). */
      createdAt?: number | null;
      /** Render id. */
      id: string;
      /** Name of the composed stream. */
      name?: string | null;
      /** Project id (a number on the wire is read as its JSON text). */
      projectId?: unknown;
      /** Why it stopped. */
      reason?: string | null;
      /** Resolution. */
      resolution?: string | null;
      /** Session id. */
      sessionId?: string | null;
      /** `starting`, `started`, `stopped` or `failed`. */
      status?: string | null;
      /** The composed stream's id. */
      streamId?: string | null;
      /** Last update (ms). */
      updatedAt?: number | null;
      /** Rendered page. */
      url?: string | null;
      [key: string]: unknown;
    }
    /** A page of renders. */
    interface RenderList {
      /** Total number of items (across pages; `None` when the answer has no `count`). */
      count?: number | null;
      /** This page. */
      items?: Render[];
      [key: string]: unknown;
    }
    /** A running Audio Connector. */
    interface AudioConnection {
      /** Whether it is bidirectional, when reported. */
      bidirectional?: boolean | null;
      /** Its connection id in the session (pass it to `stop_audio_connector`). */
      connectionId?: string | null;
      /** Audio Connector id. */
      id: string;
      [key: string]: unknown;
    }
    /** Started live captions. */
    interface Captions {
      /** Captions id. */
      captionsId: string;
      [key: string]: unknown;
    }
    /** Live caption status as the API reports it. */
    interface CaptionStatus {
      /** Vonage application id. */
      applicationId?: string | null;
      /** Captions id. */
      captionId: string;
      /** Creation time (ms). */
      createdAt?: number | null;
      /** Duration (s). */
      duration?: number | null;
      /** Language. */
      languageCode?: string | null;
      /** Provider. */
      provider?: string | null;
      /** Why it stopped. */
      reason?: string | null;
      /** Session id. */
      sessionId?: string | null;
      /** `started`, `stopped`, `paused` or `failed`. */
      status?: string | null;
      /** Last update (ms). */
      updatedAt?: number | null;
      [key: string]: unknown;
    }
    /** A registered project callback (not `Callback`, which would clash with JNA's `Callback`). */
    interface ProjectCallback {
      /** Creation time (ms). */
      createdAt?: number | null;
      /** Event (`created`, `destroyed`, `status`, …). */
      event?: string | null;
      /** Event group (`connection`, `stream`, `archive`, …). */
      group?: string | null;
      /** Callback id. */
      id: string;
      /** URL called. */
      url?: string | null;
      [key: string]: unknown;
    }
    type Array_of_ProjectCallback = ProjectCallback[];
  }
  // END GENERATED: raw result types
}

declare class OpenTok {
  /** `new OpenTok(apiKey, apiSecret[, apiUrl | options])`; application credentials: (applicationId, privateKeyPem). */
  constructor(apiKey: string | number, apiSecret: string, env?: string | OpenTok.ClientOptions);
  static readonly version: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly apiUrl: string;
  /** The official `opentok.client` (configuration in `client.c`). */
  readonly client: OpenTok.Client;
  /** Transport counters: how many calls each transport carried (tests, debugging). */
  static readonly transport: { native: number; host: number; reset(): void };

  /** The REST-auth JWT (X-OPENTOK-AUTH value), as the official `generateJwt()`. */
  generateJwt(): string;

  createSession(callback: OpenTok.ResultCallback<OpenTok.Session>): void;
  createSession(options: OpenTok.SessionOptions, callback: OpenTok.ResultCallback<OpenTok.Session>): void;
  createSession(options?: OpenTok.SessionOptions): Promise<OpenTok.Session>;

  /** Synchronous; throws ArgumentError. JWT by default, legacy T1 when `generateT1Token` is true. */
  generateToken(sessionId: string, options?: OpenTok.TokenOptions, generateT1Token?: boolean): string;

  startArchive(sessionId: string, callback: OpenTok.ResultCallback<OpenTok.Archive>): void;
  startArchive(sessionId: string, options: OpenTok.ArchiveOptions, callback: OpenTok.ResultCallback<OpenTok.Archive>): void;
  startArchive(sessionId: string, options?: OpenTok.ArchiveOptions): Promise<OpenTok.Archive>;
  stopArchive(archiveId: string, callback: OpenTok.ResultCallback<OpenTok.Archive>): void;
  stopArchive(archiveId: string): Promise<OpenTok.Archive>;
  getArchive(archiveId: string, callback: OpenTok.ResultCallback<OpenTok.Archive>): void;
  getArchive(archiveId: string): Promise<OpenTok.Archive>;
  deleteArchive(archiveId: string, callback: OpenTok.VoidCallback): void;
  deleteArchive(archiveId: string): Promise<void>;
  listArchives(callback: OpenTok.ListCallback<OpenTok.Archive>): void;
  listArchives(options: OpenTok.ListOptions, callback: OpenTok.ListCallback<OpenTok.Archive>): void;
  listArchives(options?: OpenTok.ListOptions): Promise<OpenTok.ArchiveList>;
  /** Extra: walks every page. */
  listAllArchives(options?: OpenTok.ListOptions): Promise<OpenTok.Archive[]>;
  listAllArchives(options: OpenTok.ListOptions, callback: OpenTok.ResultCallback<OpenTok.Archive[]>): void;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, callback: OpenTok.VoidCallback): void;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, stylesheet: string | null | undefined, callback: OpenTok.VoidCallback): void;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, stylesheet: string | null | undefined, screenshareType: OpenTok.LayoutType | null | undefined, callback: OpenTok.VoidCallback): void;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, stylesheet?: string | null, screenshareType?: OpenTok.LayoutType | null): Promise<void>;
  addArchiveStream(archiveId: string, streamId: string, callback: OpenTok.VoidCallback): void;
  addArchiveStream(archiveId: string, streamId: string, options: OpenTok.StreamOptions, callback: OpenTok.VoidCallback): void;
  addArchiveStream(archiveId: string, streamId: string, options?: OpenTok.StreamOptions): Promise<void>;
  removeArchiveStream(archiveId: string, streamId: string, callback: OpenTok.VoidCallback): void;
  removeArchiveStream(archiveId: string, streamId: string): Promise<void>;

  startBroadcast(sessionId: string, options: OpenTok.BroadcastOptions, callback: OpenTok.ResultCallback<OpenTok.Broadcast>): void;
  startBroadcast(sessionId: string, options: OpenTok.BroadcastOptions): Promise<OpenTok.Broadcast>;
  stopBroadcast(broadcastId: string, callback: OpenTok.ResultCallback<OpenTok.Broadcast>): void;
  stopBroadcast(broadcastId: string): Promise<OpenTok.Broadcast>;
  getBroadcast(broadcastId: string, callback: OpenTok.ResultCallback<OpenTok.Broadcast>): void;
  getBroadcast(broadcastId: string): Promise<OpenTok.Broadcast>;
  listBroadcasts(callback: OpenTok.ListCallback<OpenTok.Broadcast>): void;
  listBroadcasts(options: OpenTok.ListOptions, callback: OpenTok.ListCallback<OpenTok.Broadcast>): void;
  listBroadcasts(options?: OpenTok.ListOptions): Promise<OpenTok.BroadcastList>;
  listAllBroadcasts(options?: OpenTok.ListOptions): Promise<OpenTok.Broadcast[]>;
  listAllBroadcasts(options: OpenTok.ListOptions, callback: OpenTok.ResultCallback<OpenTok.Broadcast[]>): void;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, callback: OpenTok.VoidCallback): void;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, stylesheet: string | null | undefined, callback: OpenTok.VoidCallback): void;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, stylesheet: string | null | undefined, screenshareType: OpenTok.LayoutType | null | undefined, callback: OpenTok.VoidCallback): void;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, stylesheet?: string | null, screenshareType?: OpenTok.LayoutType | null): Promise<void>;
  addBroadcastStream(broadcastId: string, streamId: string, callback: OpenTok.VoidCallback): void;
  addBroadcastStream(broadcastId: string, streamId: string, options: OpenTok.StreamOptions, callback: OpenTok.VoidCallback): void;
  addBroadcastStream(broadcastId: string, streamId: string, options?: OpenTok.StreamOptions): Promise<void>;
  removeBroadcastStream(broadcastId: string, streamId: string, callback: OpenTok.VoidCallback): void;
  removeBroadcastStream(broadcastId: string, streamId: string): Promise<void>;

  getStream(sessionId: string, streamId: string, callback: OpenTok.ResultCallback<OpenTok.Stream>): void;
  getStream(sessionId: string, streamId: string): Promise<OpenTok.Stream>;
  listStreams(sessionId: string, callback: OpenTok.ResultCallback<OpenTok.StreamList>): void;
  listStreams(sessionId: string): Promise<OpenTok.StreamList>;
  setStreamClassLists(sessionId: string, classListArray: OpenTok.ClassListItem[], callback: OpenTok.VoidCallback): void;
  setStreamClassLists(sessionId: string, classListArray: OpenTok.ClassListItem[]): Promise<void>;
  /** Extra: one stream's layout class list. */
  setStreamClassList(sessionId: string, streamId: string, layoutClassList: string[], callback: OpenTok.VoidCallback): void;
  setStreamClassList(sessionId: string, streamId: string, layoutClassList: string[]): Promise<void>;
  /** Extra (not in the official package). */
  listConnections(sessionId: string, callback: OpenTok.ResultCallback<OpenTok.ConnectionList>): void;
  listConnections(sessionId: string): Promise<OpenTok.ConnectionList>;

  signal(sessionId: string, connectionId: string | null, payload: OpenTok.SignalPayload, callback: OpenTok.VoidCallback): void;
  signal(sessionId: string, connectionId: string | null, payload: OpenTok.SignalPayload): Promise<void>;
  forceDisconnect(sessionId: string, connectionId: string, callback: OpenTok.VoidCallback): void;
  forceDisconnect(sessionId: string, connectionId: string): Promise<void>;
  forceMuteStream(sessionId: string, streamId: string, callback: OpenTok.VoidCallback): void;
  forceMuteStream(sessionId: string, streamId: string): Promise<void>;
  forceMuteAll(sessionId: string, callback: OpenTok.VoidCallback): void;
  forceMuteAll(sessionId: string, options: OpenTok.ForceMuteAllOptions, callback: OpenTok.VoidCallback): void;
  forceMuteAll(sessionId: string, options?: OpenTok.ForceMuteAllOptions): Promise<void>;
  disableForceMute(sessionId: string, callback: OpenTok.VoidCallback): void;
  disableForceMute(sessionId: string): Promise<void>;

  dial(sessionId: string, token: string, sipUri: string, callback: OpenTok.ResultCallback<OpenTok.SipInterconnect>): void;
  dial(sessionId: string, token: string, sipUri: string, options: OpenTok.DialOptions, callback: OpenTok.ResultCallback<OpenTok.SipInterconnect>): void;
  dial(sessionId: string, token: string, sipUri: string, options?: OpenTok.DialOptions): Promise<OpenTok.SipInterconnect>;
  playDTMF(sessionId: string, connectionId: string | null, digits: string, callback: OpenTok.VoidCallback): void;
  playDTMF(sessionId: string, connectionId: string | null, digits: string): Promise<void>;

  /** As the official package: callbacks receive (err, body, response); the Promise resolves the body. */
  startRender(options: OpenTok.RenderOptions, callback: OpenTok.RenderCallback<OpenTok.Render>): void;
  startRender(options: OpenTok.RenderOptions): Promise<OpenTok.Render>;
  getRender(renderId: string, callback: OpenTok.RenderCallback<OpenTok.Render>): void;
  getRender(renderId: string): Promise<OpenTok.Render>;
  /** The body is '' for the service's 204. */
  stopRender(renderId: string, callback: OpenTok.RenderCallback<string>): void;
  stopRender(renderId: string): Promise<string>;
  listRenders(callback: OpenTok.RenderCallback<OpenTok.RenderList>): void;
  listRenders(options: { offset?: number; count?: number }, callback: OpenTok.RenderCallback<OpenTok.RenderList>): void;
  listRenders(options?: { offset?: number; count?: number }): Promise<OpenTok.RenderList>;
  listAllRenders(options?: { offset?: number; count?: number }): Promise<OpenTok.Render[]>;
  listAllRenders(options: { offset?: number; count?: number }, callback: OpenTok.ResultCallback<OpenTok.Render[]>): void;

  websocketConnect(sessionId: string, token: string, websocketUri: string, callback: OpenTok.ResultCallback<OpenTok.AudioConnection>): void;
  websocketConnect(sessionId: string, token: string, websocketUri: string, options: OpenTok.WebsocketOptions, callback: OpenTok.ResultCallback<OpenTok.AudioConnection>): void;
  websocketConnect(sessionId: string, token: string, websocketUri: string, options?: OpenTok.WebsocketOptions): Promise<OpenTok.AudioConnection>;
  /** Extra: stops an Audio Connector (by its id or connection id). Alias: stopAudioConnector. */
  websocketDisconnect(connectionId: string, callback: OpenTok.VoidCallback): void;
  websocketDisconnect(connectionId: string): Promise<void>;
  stopAudioConnector(connectionId: string, callback: OpenTok.VoidCallback): void;
  stopAudioConnector(connectionId: string): Promise<void>;

  startCaptions(sessionId: string, token: string, callback: OpenTok.ResultCallback<string>): void;
  startCaptions(sessionId: string, token: string, options: OpenTok.CaptionsOptions, callback: OpenTok.ResultCallback<string>): void;
  /** Resolves with the captions id. */
  startCaptions(sessionId: string, token: string, options?: OpenTok.CaptionsOptions): Promise<string>;
  stopCaptions(captionsId: string, callback: OpenTok.ResultCallback<true>): void;
  stopCaptions(captionsId: string): Promise<true>;
  /** Extra: caption status. Alias: getCaptionStatus. */
  getCaptions(captionsId: string, callback: OpenTok.ResultCallback<OpenTok.CaptionStatus>): void;
  getCaptions(captionsId: string): Promise<OpenTok.CaptionStatus>;
  getCaptionStatus(captionsId: string): Promise<OpenTok.CaptionStatus>;

  registerCallback(options: OpenTok.CallbackOptions, callback: OpenTok.ResultCallback<OpenTok.Callback>): void;
  registerCallback(options: OpenTok.CallbackOptions): Promise<OpenTok.Callback>;
  listCallbacks(callback: OpenTok.ResultCallback<OpenTok.Callback[]>): void;
  listCallbacks(options: object, callback: OpenTok.ResultCallback<OpenTok.Callback[]>): void;
  listCallbacks(options?: object): Promise<OpenTok.Callback[]>;
  unregisterCallback(callbackId: string, callback: OpenTok.VoidCallback): void;
  unregisterCallback(callbackId: string): Promise<void>;
}

export = OpenTok;
