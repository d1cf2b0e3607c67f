"""Maps the core's error payload (kind, status) and the operation to the official exception classes."""

import json
from typing import Any, Dict, Optional, Type

from .exceptions import (
    ArchiveError,
    ArchiveStreamModeError,
    AuthError,
    BroadcastError,
    BroadcastHLSOptionsError,
    BroadcastOptionsError,
    BroadcastStreamModeError,
    CaptioningAlreadyInProgressError,
    DTMFError,
    ForceDisconnectError,
    GetStreamError,
    InvalidArgumentError,
    InvalidMediaModeError,
    InvalidResponseError,
    InvalidWebSocketOptionsError,
    NetworkError,
    NotFoundError,
    OpenTokException,
    RateLimitError,
    RequestError,
    RequestTimeoutError,
    SetStreamClassError,
    SignalingError,
    SipDialError,
    _combine,
    _populate,
)

_E = Type[OpenTokException]

# Class for each kind of failure when the operation has nothing more specific.
_BY_KIND: Dict[str, _E] = {
    "invalid_argument": InvalidArgumentError,
    "auth": AuthError,
    "not_found": NotFoundError,
    "conflict": RequestError,
    "rate_limited": RateLimitError,
    "api": RequestError,
    "timeout": RequestTimeoutError,
    "network": NetworkError,
    "decode": InvalidResponseError,
}

_ARCHIVE: Dict[str, _E] = {"400": RequestError, "404": NotFoundError, "409": ArchiveError}
_ARCHIVE_STREAMS: Dict[str, _E] = {"400": RequestError, "404": NotFoundError, "405": ArchiveStreamModeError, "409": ArchiveError}
_BROADCAST: Dict[str, _E] = {"400": BroadcastError, "404": BroadcastError, "409": BroadcastError, "invalid": BroadcastOptionsError}
_BROADCAST_STREAMS: Dict[str, _E] = {"400": BroadcastError, "404": BroadcastError, "405": BroadcastStreamModeError, "409": BroadcastError}
_STREAMS: Dict[str, _E] = {"400": GetStreamError, "408": GetStreamError}
_MUTE: Dict[str, _E] = {"400": GetStreamError, "404": NotFoundError}

# What the official SDK raises per operation and status ("invalid" = client-side argument errors).
_BY_OP: Dict[str, Dict[str, _E]] = {
    "start_archive": _ARCHIVE,
    "stop_archive": _ARCHIVE,
    "delete_archive": {"404": NotFoundError, "409": ArchiveError},
    "get_archive": {"404": NotFoundError},
    "list_archives": {"404": NotFoundError},
    "set_archive_layout": {"400": ArchiveError},
    "add_archive_stream": _ARCHIVE_STREAMS,
    "remove_archive_stream": _ARCHIVE_STREAMS,
    "start_broadcast": _BROADCAST,
    "stop_broadcast": _BROADCAST,
    "get_broadcast": _BROADCAST,
    "set_broadcast_layout": {"400": BroadcastError, "404": BroadcastError},
    "add_broadcast_stream": _BROADCAST_STREAMS,
    "remove_broadcast_stream": _BROADCAST_STREAMS,
    "get_stream": _STREAMS,
    "list_streams": _STREAMS,
    "set_stream_class_lists": {"400": SetStreamClassError},
    "set_stream_class_list": {"400": SetStreamClassError},
    "send_signal": {"400": SignalingError, "404": SignalingError, "413": SignalingError},
    "force_disconnect": {"400": ForceDisconnectError, "404": ForceDisconnectError},
    "mute_stream": _MUTE,
    "mute_all": _MUTE,
    "disable_force_mute": _MUTE,
    "dial": {"400": SipDialError, "404": SipDialError, "409": SipDialError},
    "play_dtmf": {"400": DTMFError, "404": NotFoundError, "invalid": DTMFError},
    "get_render": {"404": NotFoundError},
    "stop_render": {"404": NotFoundError},
    "connect_audio": {"409": InvalidMediaModeError, "invalid": InvalidWebSocketOptionsError},
    "start_captions": {"409": CaptioningAlreadyInProgressError},
    "stop_captions": {"404": NotFoundError},
}

# Broadcast option fields with their own official class.
_FIELD_CLASS: Dict[str, Dict[str, _E]] = {
    "start_broadcast": {"outputs.hls": BroadcastHLSOptionsError},
}


def error_class(op: str, info: Dict[str, Any]) -> _E:
    kind = info.get("kind") or "api"
    base = _BY_KIND.get(kind, RequestError)
    table = _BY_OP.get(op)
    if table is None:
        return base
    if kind == "invalid_argument":
        field = info.get("field") or ""
        specific: Optional[_E] = _FIELD_CLASS.get(op, {}).get(field) or table.get("invalid")
    else:
        status = info.get("status")
        specific = table.get(str(status)) if status is not None else None
    return _combine(specific, base) if specific is not None else base


def make_error(op: str, info: Dict[str, Any]) -> OpenTokException:
    cls = error_class(op, info)
    return _populate(cls(info.get("message") or "OpenTok request failed"), info)


def from_native(op: str, exc: BaseException) -> OpenTokException:
    payload = exc.args[0] if exc.args else "{}"
    try:
        info = json.loads(payload)
    except ValueError:
        info = {"kind": "api", "message": str(payload)}
    return make_error(op, info)


def invalid(op: str, field: str, reason: str) -> OpenTokException:
    return make_error(
        op,
        {"kind": "invalid_argument", "field": field, "reason": reason,
         "message": f"invalid argument `{field}`: {reason}"},
    )
