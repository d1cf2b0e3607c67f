// Types of require('opentok-rs').webhooks (typed, verified callbacks).
/// <reference types="node" />

export interface ParseOptions {
  /** The project's signature secret: when set, the callback must verify. */
  secret?: string | null;
  /** Allowed clock skew for the token's exp/iat, in seconds (default 60). */
  leeway?: number;
  /** Check against this time (Unix seconds) instead of the clock. */
  now?: number;
}

export interface MiddlewareOptions extends ParseOptions {
  /** Pass refusals to next(err) instead of answering 401/400. */
  passErrors?: boolean;
}

export type HeadersLike =
  | Record<string, string | string[] | undefined>
  | Array<[string, string]>
  | string[]
  | { forEach(cb: (value: string, key: string) => void): void; get(name: string): string | null };

export type RawBody = Buffer | Uint8Array | ArrayBuffer | string;

export class WebhookError extends Error {
  /** invalid_body, or a verification code (see WebhookVerificationError). */
  code: string;
}
export class WebhookVerificationError extends WebhookError {
  code: 'missing_signature' | 'malformed_token' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'body_altered' | 'missing_secret';
}

export interface ConnectionInfo { id: string | null; createdAt: number | null; data: string | null }
export interface StreamInfo {
  id: string | null; connection: ConnectionInfo | null; createdAt: number | null; name: string | null;
  videoType: string | null;
}
export interface SipCallInfo { id: string | null; createdAt: number | null; sipUri: string | null; connectionId: string | null }

export class WebhookEvent {
  type: 'connection' | 'stream' | 'session' | 'archive' | 'broadcast' | 'sip_call' | 'render' | 'captions' | 'audio_connector' | 'unknown';
  /** The body as received. */
  raw: unknown;
  /** Top-level fields this version does not name, as received. */
  extra: Record<string, unknown>;
  /** The token's claims (null when not verified). */
  claims: Record<string, unknown> | null;
  verified: boolean;
}
export class ConnectionEvent extends WebhookEvent {
  event: string | null; sessionId: string | null; projectId: string | null; timestamp: number | null;
  reason: string | null; connection: ConnectionInfo | null;
}
export class StreamEvent extends WebhookEvent {
  event: string | null; sessionId: string | null; projectId: string | null; timestamp: number | null;
  reason: string | null; stream: StreamInfo | null;
}
export class SessionEvent extends WebhookEvent {
  event: string | null; sessionId: string | null; projectId: string | null; timestamp: number | null; reason: string | null;
}
export class ArchiveEvent extends WebhookEvent {
  id: string | null; event: string | null; status: string | null; name: string | null; reason: string | null;
  sessionId: string | null; projectId: string | null; partnerId: string | null; createdAt: number | null;
  updatedAt: number | null; size: number | null; duration: number | null; outputMode: string | null;
  streamMode: string | null; hasAudio: boolean | null; hasVideo: boolean | null; resolution: string | null;
  sha256sum: string | null; url: string | null;
}
export class BroadcastEvent extends WebhookEvent {
  id: string | null; event: string | null; status: string | null; reason: string | null; sessionId: string | null;
  projectId: string | null; partnerId: string | null; createdAt: number | null; updatedAt: number | null;
  resolution: string | null; streamMode: string | null; maxDuration: number | null; hasAudio: boolean | null;
  hasVideo: boolean | null; broadcastUrls: Record<string, unknown> | null;
}
export class SipCallEvent extends WebhookEvent {
  event: string | null; sessionId: string | null; projectId: string | null; timestamp: number | null;
  reason: string | null; state: string | null; call: SipCallInfo | null; connection: ConnectionInfo | null;
}
export class RenderEvent extends WebhookEvent {
  id: string | null; event: string | null; status: string | null; reason: string | null; sessionId: string | null;
  projectId: string | null; applicationId: string | null; createdAt: number | null; updatedAt: number | null;
  name: string | null; url: string | null; resolution: string | null; streamId: string | null;
}
export class CaptionsEvent extends WebhookEvent {
  captionId: string | null; group: string | null; status: string | null; reason: string | null;
  sessionId: string | null; projectId: string | null; applicationId: string | null; createdAt: number | null;
  updatedAt: number | null; duration: number | null; languageCode: string | null; provider: string | null;
}
export class AudioConnectorEvent extends WebhookEvent {
  id: string | null; group: string | null; event: string | null; status: string | null; reason: string | null;
  sessionId: string | null; projectId: string | null; connectionId: string | null; timestamp: number | null;
}
export class UnknownEvent extends WebhookEvent {}

export type AnyEvent =
  | ConnectionEvent | StreamEvent | SessionEvent | ArchiveEvent | BroadcastEvent | SipCallEvent
  | RenderEvent | CaptionsEvent | AudioConnectorEvent | UnknownEvent;

export function parseEvent(body: RawBody, headers?: HeadersLike | null, options?: ParseOptions): AnyEvent;
export function verifyEvent(body: RawBody, headers: HeadersLike | null, secret: string, options?: Omit<ParseOptions, 'secret'>): AnyEvent;
export function middleware(options?: MiddlewareOptions): (req: any, res: any, next: (err?: unknown) => void) => void;
