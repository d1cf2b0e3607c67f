"""Typed, verified callbacks (webhooks) from the OpenTok / Vonage Video service.

No official SDK has this. Works with any web framework: pass the raw body bytes and the request's
headers (a mapping such as Flask's ``request.headers``, Django's ``request.headers`` or
``request.META``, Starlette's ``request.headers``; or a list of pairs)::

    from opentok.webhooks import parse_event, ArchiveEvent, WebhookVerificationError

    @app.post("/opentok/events")
    def events():
        try:
            event = parse_event(request.get_data(), request.headers, secret=SIGNATURE_SECRET)
        except WebhookVerificationError:
            return "", 401
        if isinstance(event, ArchiveEvent) and event.status == "available":
            save_recording(event.id, event.url)
        return "", 200

Verification (when ``secret`` is given): the ``Authorization`` header's JWT must be HS256-signed with
the signature secret, within ``exp``/``iat`` (with ``leeway`` seconds of skew), and its
``payload_hash`` (when present) must be the SHA-256 of the body. Parsing is lenient: absent fields are
``None``, unknown fields are kept in ``extra``, and an unknown kind is an :class:`UnknownEvent`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Type, Union

from . import _native
from .exceptions import OpenTokException

__all__ = [
    "parse_event", "verify_event", "WebhookError", "WebhookVerificationError", "Event",
    "ConnectionInfo", "StreamInfo", "SipCallInfo", "ConnectionEvent", "StreamEvent", "SessionEvent",
    "ArchiveEvent", "BroadcastEvent", "SipCallEvent", "RenderEvent", "CaptionsEvent",
    "AudioConnectorEvent", "UnknownEvent",
]

Headers = Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None]


class WebhookError(OpenTokException):
    """A callback could not be read (its body is not JSON)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


class WebhookVerificationError(WebhookError):
    """A signed callback was refused. ``code`` is one of ``missing_signature``, ``malformed_token``,
    ``bad_signature``, ``expired``, ``not_yet_valid``, ``body_altered``."""


@dataclass
class ConnectionInfo:
    id: Optional[str] = None
    created_at: Optional[int] = None
    data: Optional[str] = None


@dataclass
class StreamInfo:
    id: Optional[str] = None
    connection: Optional[ConnectionInfo] = None
    created_at: Optional[int] = None
    name: Optional[str] = None
    video_type: Optional[str] = None


@dataclass
class SipCallInfo:
    id: Optional[str] = None
    created_at: Optional[int] = None
    sip_uri: Optional[str] = None
    connection_id: Optional[str] = None


@dataclass
class Event:
    """Common part of every event: the kind, the body as received, unknown fields, the claims."""

    type: str = "unknown"
    raw: Any = None
    extra: Dict[str, Any] = field(default_factory=dict)
    claims: Optional[Dict[str, Any]] = None
    verified: bool = False


@dataclass
class ConnectionEvent(Event):
    """``connectionCreated`` / ``connectionDestroyed``."""

    event: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    timestamp: Optional[int] = None
    reason: Optional[str] = None
    connection: Optional[ConnectionInfo] = None


@dataclass
class StreamEvent(Event):
    """``streamCreated`` / ``streamDestroyed``."""

    event: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    timestamp: Optional[int] = None
    reason: Optional[str] = None
    stream: Optional[StreamInfo] = None


@dataclass
class SessionEvent(Event):
    """``sessionCreated`` / ``sessionDestroyed``."""

    event: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    timestamp: Optional[int] = None
    reason: Optional[str] = None


@dataclass
class ArchiveEvent(Event):
    """Archive status: ``started``, ``paused``, ``stopped``, ``uploaded``, ``available``, ``failed``, …"""

    id: Optional[str] = None
    event: Optional[str] = None
    status: Optional[str] = None
    name: Optional[str] = None
    reason: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    partner_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    size: Optional[int] = None
    duration: Optional[int] = None
    output_mode: Optional[str] = None
    stream_mode: Optional[str] = None
    has_audio: Optional[bool] = None
    has_video: Optional[bool] = None
    resolution: Optional[str] = None
    sha256sum: Optional[str] = None
    url: Optional[str] = None


@dataclass
class BroadcastEvent(Event):
    """Broadcast status."""

    id: Optional[str] = None
    event: Optional[str] = None
    status: Optional[str] = None
    reason: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    partner_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    resolution: Optional[str] = None
    stream_mode: Optional[str] = None
    max_duration: Optional[int] = None
    has_audio: Optional[bool] = None
    has_video: Optional[bool] = None
    broadcast_urls: Optional[Dict[str, Any]] = None


@dataclass
class SipCallEvent(Event):
    """SIP call: ``callCreated``, ``callUpdated``, ``callDestroyed``."""

    event: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    timestamp: Optional[int] = None
    reason: Optional[str] = None
    state: Optional[str] = None
    call: Optional[SipCallInfo] = None
    connection: Optional[ConnectionInfo] = None


@dataclass
class RenderEvent(Event):
    """Experience Composer status."""

    id: Optional[str] = None
    event: Optional[str] = None
    status: Optional[str] = None
    reason: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    application_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    name: Optional[str] = None
    url: Optional[str] = None
    resolution: Optional[str] = None
    stream_id: Optional[str] = None


@dataclass
class CaptionsEvent(Event):
    """Live-captions status."""

    caption_id: Optional[str] = None
    group: Optional[str] = None
    status: Optional[str] = None
    reason: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    application_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    duration: Optional[int] = None
    language_code: Optional[str] = None
    provider: Optional[str] = None


@dataclass
class AudioConnectorEvent(Event):
    """Audio Connector (WebSocket) status."""

    id: Optional[str] = None
    group: Optional[str] = None
    event: Optional[str] = None
    status: Optional[str] = None
    reason: Optional[str] = None
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    connection_id: Optional[str] = None
    timestamp: Optional[int] = None


@dataclass
class UnknownEvent(Event):
    """A body of a kind this version does not know (see ``raw``)."""


_KINDS: Dict[str, Type[Event]] = {
    "connection": ConnectionEvent, "stream": StreamEvent, "session": SessionEvent,
    "archive": ArchiveEvent, "broadcast": BroadcastEvent, "sip_call": SipCallEvent,
    "render": RenderEvent, "captions": CaptionsEvent, "audio_connector": AudioConnectorEvent,
}


def _connection(v: Any) -> Optional[ConnectionInfo]:
    if not isinstance(v, dict):
        return None
    return ConnectionInfo(id=v.get("id"), created_at=v.get("created_at"), data=v.get("data"))


def _nested(name: str, v: Any) -> Any:
    if name == "connection":
        return _connection(v)
    if name == "stream" and isinstance(v, dict):
        return StreamInfo(id=v.get("id"), connection=_connection(v.get("connection")),
                          created_at=v.get("created_at"), name=v.get("name"),
                          video_type=v.get("video_type"))
    if name == "call" and isinstance(v, dict):
        return SipCallInfo(id=v.get("id"), created_at=v.get("created_at"), sip_uri=v.get("sip_uri"),
                           connection_id=v.get("connection_id"))
    return v


def _header_pairs(headers: Headers) -> List[List[str]]:
    if headers is None:
        return []
    items: Iterable[Tuple[Any, Any]]
    if isinstance(headers, Mapping):
        items = headers.items()
    else:
        items = headers
    out: List[List[str]] = []
    for k, v in items:
        name = k.decode("latin-1") if isinstance(k, bytes) else str(k)
        value = v.decode("latin-1") if isinstance(v, bytes) else str(v)
        if name.upper() == "HTTP_AUTHORIZATION":  # Django's request.META / WSGI environ
            name = "Authorization"
        out.append([name, value])
    return out


def _build(answer: Dict[str, Any]) -> Event:
    kind = answer.get("type", "unknown")
    cls = _KINDS.get(kind, UnknownEvent)
    fields: Dict[str, Any] = dict(answer.get("fields") or {})
    extra = fields.pop("extra", {}) or {}
    names = set(cls.__dataclass_fields__)
    kwargs = {k: _nested(k, v) for k, v in fields.items() if k in names}
    return cls(type=kind, raw=answer.get("raw"), extra=extra, claims=answer.get("claims"),
               verified=bool(answer.get("verified")), **kwargs)


def parse_event(body: Union[bytes, bytearray, memoryview, str], headers: Headers = None, *,
                secret: Optional[str] = None, leeway: float = 60.0,
                now: Optional[float] = None) -> Event:
    """Parses a callback body into a typed event; verifies it first when ``secret`` is given.

    Raises :class:`WebhookVerificationError` when a signed callback does not verify, and
    :class:`WebhookError` when the body is not JSON. ``now`` (Unix seconds) overrides the clock.
    """
    data = body.encode() if isinstance(body, str) else bytes(body)
    answer = json.loads(_native.parse_webhook(data, json.dumps(_header_pairs(headers)), secret,
                                              float(leeway), now))
    if not answer.get("ok"):
        err = answer.get("error") or {}
        code = str(err.get("code", "error"))
        message = str(err.get("message", "callback refused"))
        if code == "invalid_body":
            raise WebhookError(message, code)
        raise WebhookVerificationError(message, code)
    return _build(answer)


def verify_event(body: Union[bytes, bytearray, memoryview, str], headers: Headers, secret: str, *,
                 leeway: float = 60.0, now: Optional[float] = None) -> Event:
    """Like :func:`parse_event`, with the secret required."""
    if not secret:
        raise WebhookVerificationError("a signature secret is required", "missing_secret")
    return parse_event(body, headers, secret=secret, leeway=leeway, now=now)
