"""Type stubs of the native module ``opentok._native`` (Rust, pyo3)."""

from typing import Any, Dict, List, Optional, Tuple

CORE_VERSION: str

class NativeError(Exception):
    """args[0] is the JSON of the core's Error::to_json()."""

class Completions:
    def __init__(self) -> None: ...
    def take_reader_fd(self) -> int: ...
    def drain(self) -> List[Tuple[int, bool, str]]: ...

class CallHandle:
    def abort(self) -> None: ...

class Client:
    def __init__(self, options_json: str) -> None: ...
    @property
    def api_url(self) -> str: ...
    @property
    def display_url(self) -> str: ...
    @property
    def project_id(self) -> str: ...
    def call(self, op: OperationName, args_json: str) -> str: ...
    def call_all(self, op: str, args_json: str) -> str: ...
    def submit(self, op: str, args_json: str, queue: Completions, id: int) -> CallHandle: ...
    def submit_all(self, op: str, args_json: str, queue: Completions, id: int) -> CallHandle: ...
    def call_http(self, op: str, args_json: str) -> str: ...
    def submit_http(self, op: str, args_json: str, queue: Completions, id: int) -> CallHandle: ...
    def auth_header(self) -> Tuple[str, str]: ...
    def prepare(self, op: str, args_json: str) -> Dict[str, Any]: ...
    def finish(self, op: str, args_json: str, status: int, headers: List[Tuple[str, str]], body: bytes, http: bool = False) -> str: ...
    def retry_delay(self, method: str, retry: int, status: Optional[int], retry_after: Optional[str], elapsed: float) -> Optional[float]: ...
    def host_settings(self) -> str: ...
    def generate_token(
        self,
        session_id: str,
        role: str,
        expire_time: Optional[int],
        data: Optional[str],
        initial_layout_class_list: List[str],
        token_type: str,
        now: float,
        nonce: Optional[int] = None,
    ) -> str: ...

def build_request(op: str, args_json: str, project_id: str) -> str: ...
def decode_response(op: str, args_json: str, body: bytes) -> str: ...
def error_from_response(status: int, body: bytes, request_id: Optional[str] = None, retry_after: Optional[int] = None) -> str: ...
def decode_session_id(session_id: str) -> Tuple[str, str, str]: ...
def display_url(url: str) -> str: ...
def operations() -> List[str]: ...
def parse_webhook(body: bytes, headers_json: str, secret: Optional[str] = None, leeway: float = 0.0, now: Optional[float] = None) -> str: ...

# BEGIN GENERATED: raw result types (from the core's manifest by scripts/gen/gen_types.py; do not edit, run `make generate`).
# The service's JSON for each operation as the native core hands it over (wire member names;
# members the core does not name pass through), one TypedDict per result type of the core.
from typing_extensions import Literal, Required, TypedDict

OperationName = Literal[
    "create_session",
    "start_archive",
    "stop_archive",
    "get_archive",
    "list_archives",
    "delete_archive",
    "set_archive_layout",
    "add_archive_stream",
    "remove_archive_stream",
    "start_broadcast",
    "stop_broadcast",
    "get_broadcast",
    "list_broadcasts",
    "set_broadcast_layout",
    "add_broadcast_stream",
    "remove_broadcast_stream",
    "get_stream",
    "list_streams",
    "set_stream_class_lists",
    "set_stream_class_list",
    "list_connections",
    "send_signal",
    "force_disconnect",
    "mute_stream",
    "mute_all",
    "disable_force_mute",
    "dial",
    "play_dtmf",
    "start_render",
    "get_render",
    "stop_render",
    "list_renders",
    "connect_audio",
    "stop_audio_connector",
    "start_captions",
    "stop_captions",
    "get_captions",
    "register_callback",
    "list_callbacks",
    "unregister_callback",
]
"""Every operation the native core runs by name."""

class Results(TypedDict):
    """The raw result of each operation (None: the answer is ignored)."""
    create_session: CreatedSessions
    start_archive: Archive
    stop_archive: Archive
    get_archive: Archive
    list_archives: ArchiveList
    delete_archive: None
    set_archive_layout: None
    add_archive_stream: None
    remove_archive_stream: None
    start_broadcast: Broadcast
    stop_broadcast: Broadcast
    get_broadcast: Broadcast
    list_broadcasts: BroadcastList
    set_broadcast_layout: None
    add_broadcast_stream: None
    remove_broadcast_stream: None
    get_stream: StreamInfo
    list_streams: StreamList
    set_stream_class_lists: None
    set_stream_class_list: None
    list_connections: ConnectionList
    send_signal: None
    force_disconnect: None
    mute_stream: None
    mute_all: None
    disable_force_mute: None
    dial: SipCall
    play_dtmf: None
    start_render: Render
    get_render: Render
    stop_render: None
    list_renders: RenderList
    connect_audio: AudioConnection
    stop_audio_connector: None
    start_captions: Captions
    stop_captions: None
    get_captions: CaptionStatus
    register_callback: ProjectCallback
    list_callbacks: Array_of_ProjectCallback
    unregister_callback: None

# The raw answer of `/session/create`: a one-element array.
CreatedSessions = List[CreatedSession]

class CreatedSession(TypedDict, total=False):
    """One element of the service's JSON answer."""
    create_dt: Optional[str]
    media_server_url: Optional[str]
    partner_id: Any
    project_id: Any
    session_id: Required[str]

class Archive(TypedDict, total=False):
    """An archive as the API reports it."""
    applicationId: Optional[str]
    createdAt: Optional[int]
    duration: Optional[int]
    event: Optional[str]
    hasAudio: Optional[bool]
    hasTranscription: Optional[bool]
    hasVideo: Optional[bool]
    id: Required[str]
    maxBitrate: Optional[int]
    multiArchiveTag: Optional[str]
    name: Optional[str]
    outputMode: Optional[str]
    partnerId: Any
    password: Optional[str]
    projectId: Any
    quantizationParameter: Optional[int]
    reason: Optional[str]
    resolution: Optional[str]
    sessionId: Optional[str]
    sha256sum: Optional[str]
    size: Optional[int]
    status: Optional[str]
    streamMode: Optional[str]
    streams: Optional[List[StreamSelection]]
    transcription: Optional[Transcription]
    updatedAt: Optional[int]
    url: Optional[str]

class StreamSelection(TypedDict, total=False):
    """A stream included in an archive or broadcast."""
    hasAudio: Optional[bool]
    hasVideo: Optional[bool]
    streamId: Optional[str]

class Transcription(TypedDict, total=False):
    """Transcription state of an archive."""
    hasSummary: Optional[bool]
    primaryLanguageCode: Optional[str]
    reason: Optional[str]
    status: Optional[str]
    url: Optional[str]

class ArchiveList(TypedDict, total=False):
    """A page of archives; `total_count` counts every page."""
    count: Optional[int]
    items: List[Archive]

class Broadcast(TypedDict, total=False):
    """A broadcast as the API reports it."""
    applicationId: Optional[str]
    broadcastUrls: Optional[BroadcastUrls]
    createdAt: Optional[int]
    event: Optional[str]
    hasAudio: Optional[bool]
    hasVideo: Optional[bool]
    id: Required[str]
    maxBitrate: Optional[int]
    maxDuration: Optional[int]
    multiBroadcastTag: Optional[str]
    partnerId: Any
    projectId: Any
    resolution: Optional[str]
    sessionId: Optional[str]
    settings: Optional[BroadcastSettings]
    status: Optional[str]
    streamMode: Optional[str]
    streams: Optional[List[StreamSelection]]
    updatedAt: Optional[int]

class BroadcastUrls(TypedDict, total=False):
    """Where a broadcast can be watched."""
    hls: Optional[str]
    hlsStatus: Optional[str]
    rtmp: Optional[List[RtmpStatus]]

class RtmpStatus(TypedDict, total=False):
    """An RTMP output's state."""
    id: Optional[str]
    serverUrl: Optional[str]
    status: Optional[str]
    streamName: Optional[str]

class BroadcastSettings(TypedDict, total=False):
    """Settings a broadcast runs with."""
    hls: Optional[HlsSettings]

class HlsSettings(TypedDict, total=False):
    """HLS settings a broadcast runs with."""
    dvr: Optional[bool]
    lowLatency: Optional[bool]

class BroadcastList(TypedDict, total=False):
    """A page of broadcasts."""
    count: Optional[int]
    items: List[Broadcast]

class StreamInfo(TypedDict, total=False):
    """A stream in a session (not `Stream`, which would clash with Foundation's `Stream` in Swift)."""
    id: Required[str]
    layoutClassList: Optional[List[str]]
    name: Optional[str]
    videoType: Optional[str]

class StreamList(TypedDict, total=False):
    """The streams of a session."""
    count: Optional[int]
    items: List[StreamInfo]

class ConnectionList(TypedDict, total=False):
    """The connections of a session."""
    applicationId: Optional[str]
    count: Optional[int]
    items: List[Connection]
    projectId: Any
    sessionId: Optional[str]

class Connection(TypedDict, total=False):
    """A client connection."""
    connectionId: Required[str]
    connectionState: Optional[str]
    createdAt: Optional[int]

class SipCall(TypedDict, total=False):
    """A SIP call's connection in the session."""
    connectionId: Optional[str]
    createdAt: Optional[int]
    id: Required[str]
    projectId: Any
    sessionId: Optional[str]
    streamId: Optional[str]
    updatedAt: Optional[int]

class Render(TypedDict, total=False):
    """An Experience Composer render."""
    applicationId: Optional[str]
    callbackUrl: Optional[str]
    createdAt: Optional[int]
    id: Required[str]
    name: Optional[str]
    projectId: Any
    reason: Optional[str]
    resolution: Optional[str]
    sessionId: Optional[str]
    status: Optional[str]
    streamId: Optional[str]
    updatedAt: Optional[int]
    url: Optional[str]

class RenderList(TypedDict, total=False):
    """A page of renders."""
    count: Optional[int]
    items: List[Render]

class AudioConnection(TypedDict, total=False):
    """A running Audio Connector."""
    bidirectional: Optional[bool]
    connectionId: Optional[str]
    id: Required[str]

class Captions(TypedDict, total=False):
    """Started live captions."""
    captionsId: Required[str]

class CaptionStatus(TypedDict, total=False):
    """Live caption status as the API reports it."""
    applicationId: Optional[str]
    captionId: Required[str]
    createdAt: Optional[int]
    duration: Optional[int]
    languageCode: Optional[str]
    provider: Optional[str]
    reason: Optional[str]
    sessionId: Optional[str]
    status: Optional[str]
    updatedAt: Optional[int]

class ProjectCallback(TypedDict, total=False):
    """A registered project callback (not `Callback`, which would clash with JNA's `Callback`)."""
    createdAt: Optional[int]
    event: Optional[str]
    group: Optional[str]
    id: Required[str]
    url: Optional[str]

Array_of_ProjectCallback = List[ProjectCallback]
# END GENERATED: raw result types
