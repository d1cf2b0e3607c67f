"""Maps the core's error payload (kind, status) and the operation to the official exception classes.

The rule: for each operation and HTTP status, the class raised is an instance of the class the official
``opentok`` 3.15.0 package raises in that situation (``_OFFICIAL``; a status it does not name falls into
its ``RequestError``), combined with the class for the kind of failure (``AuthError`` for 401/403,
``NotFoundError`` for 404, ``RateLimitError`` for 429, ...), so ``except`` clauses written for either
keep firing. The table is docs/compatibility.md's Python error table.
"""

import json
import sys
from typing import Any, Dict, Optional, Tuple, Type

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

# Class for each kind of failure (the "more specific" part of what is raised).
_BY_KIND: Dict[str, Optional[_E]] = {
    "invalid_argument": InvalidArgumentError,
    "auth": AuthError,
    "not_found": NotFoundError,
    "conflict": None,
    "rate_limited": RateLimitError,
    "api": None,
    "timeout": RequestTimeoutError,
    "network": NetworkError,
    "decode": InvalidResponseError,
}

_A = AuthError
_ALL_REQUEST: Dict[int, _E] = {}  # every failing status is a RequestError (official dead branches)

# What the official package raises per operation and status; other statuses: ``_DEFAULT[op]``.
_OFFICIAL: Dict[str, Dict[int, _E]] = {
    "create_session": {},  # everything re-wrapped into RequestError, 403 included
    "start_archive": {403: _A, 400: RequestError, 404: NotFoundError, 409: ArchiveError},
    "stop_archive": {403: _A, 404: NotFoundError, 409: ArchiveError},
    "delete_archive": {403: _A, 404: NotFoundError},
    "get_archive": {403: _A, 404: NotFoundError},
    "list_archives": {403: _A, 404: NotFoundError},
    "add_archive_stream": _ALL_REQUEST,
    "remove_archive_stream": _ALL_REQUEST,
    "send_signal": _ALL_REQUEST,
    "get_stream": {400: GetStreamError, 403: _A, 408: GetStreamError},
    "list_streams": {400: GetStreamError, 403: _A},
    "force_disconnect": {400: ForceDisconnectError, 403: _A, 404: ForceDisconnectError},
    "set_archive_layout": {400: ArchiveError, 403: _A},
    "dial": {400: SipDialError, 403: _A, 404: SipDialError, 409: SipDialError},
    "set_stream_class_lists": {400: SetStreamClassError, 403: _A},
    "start_broadcast": {400: BroadcastError, 403: _A, 409: BroadcastError},
    "stop_broadcast": {400: BroadcastError, 403: _A, 409: BroadcastError},
    "get_broadcast": {400: BroadcastError, 403: _A, 409: BroadcastError},
    "set_broadcast_layout": {400: BroadcastError, 403: _A},
    "add_broadcast_stream": _ALL_REQUEST,
    "remove_broadcast_stream": _ALL_REQUEST,
    "start_render": {400: RequestError, 403: _A},
    "get_render": {400: RequestError, 403: _A, 404: NotFoundError},
    "stop_render": {400: RequestError, 403: _A, 404: NotFoundError},
    "list_renders": {400: RequestError, 403: _A},
    "connect_audio": {400: RequestError, 403: _A, 409: InvalidMediaModeError},
    "start_captions": {400: RequestError, 403: _A, 409: CaptioningAlreadyInProgressError},
    "stop_captions": {403: _A, 404: NotFoundError},
    # The official package re-wraps every failure of these into a plain OpenTokException; the class
    # it raised inside is kept as the more specific one.
    "mute_stream": {400: GetStreamError, 403: _A, 404: NotFoundError},
    "mute_all": {400: GetStreamError, 403: _A, 404: NotFoundError},
    "disable_force_mute": {400: GetStreamError, 403: _A, 404: NotFoundError},
    "play_dtmf": {400: DTMFError, 403: _A, 404: NotFoundError},
    # Not in the official package: the same pattern as its neighbours.
    "list_broadcasts": {400: BroadcastError, 403: _A},
    "set_stream_class_list": {400: SetStreamClassError, 403: _A},
    "list_connections": {403: _A},
    "stop_audio_connector": {403: _A},
    "get_captions": {403: _A},
    "register_callback": {403: _A},
    "list_callbacks": {403: _A},
    "unregister_callback": {403: _A},
}

# Classes the official code names for a situation but never reaches (its ``if response:`` guard is
# false for every error status, or the status falls to its generic branch): added as more specific
# classes, so both the official class and the documented one catch the error.
_STREAMS_EXTRA = {400: RequestError, 403: AuthError, 404: NotFoundError}
_EXTRA: Dict[str, Dict[int, _E]] = {
    "create_session": {403: AuthError},
    "add_archive_stream": {**_STREAMS_EXTRA, 405: ArchiveStreamModeError, 409: ArchiveError},
    "remove_archive_stream": {**_STREAMS_EXTRA, 405: ArchiveStreamModeError, 409: ArchiveError},
    "add_broadcast_stream": {**_STREAMS_EXTRA, 400: BroadcastError, 405: BroadcastStreamModeError, 409: BroadcastError},
    "remove_broadcast_stream": {**_STREAMS_EXTRA, 400: BroadcastError, 405: BroadcastStreamModeError, 409: BroadcastError},
    "send_signal": {400: SignalingError, 403: AuthError, 404: SignalingError, 413: SignalingError},
    "delete_archive": {409: ArchiveError},
    "stop_broadcast": {404: BroadcastError},
    "get_broadcast": {404: BroadcastError},
    "set_broadcast_layout": {404: BroadcastError},
    "set_archive_layout": {404: ArchiveError},
    "get_stream": {404: GetStreamError},
}

# Class for a client-side argument error: what the official package raises for its own checks, or
# (for checks it leaves to the service) the class of the service's 400 answer.
_INVALID: Dict[str, _E] = {
    "generate_token": OpenTokException,
    "start_broadcast": BroadcastOptionsError,
    "connect_audio": InvalidWebSocketOptionsError,
    "play_dtmf": DTMFError,
}

# Argument fields with their own official class.
_FIELD_CLASS: Dict[Tuple[str, str], _E] = {
    ("start_broadcast", "outputs.hls"): BroadcastHLSOptionsError,
}

_cache: Dict[Tuple[str, str, Optional[int]], _E] = {}


def error_class(op: str, info: Dict[str, Any]) -> _E:
    kind = info.get("kind") or "api"
    status = info.get("status")
    key = (op, kind, status if kind != "invalid_argument" else None)
    field = info.get("field") or ""
    special = _FIELD_CLASS.get((op, field)) if kind == "invalid_argument" else None
    if special is None:
        cls = _cache.get(key)
        if cls is not None:
            return cls
    specific = _BY_KIND.get(kind)
    if kind == "invalid_argument":
        table = _OFFICIAL.get(op, {})
        official: _E = special or _INVALID.get(op) or table.get(400) or RequestError
        cls = _combine(specific or InvalidArgumentError, official)
    elif status is not None and status >= 300:
        official = _OFFICIAL.get(op, {}).get(status, RequestError)
        extra = _EXTRA.get(op, {}).get(status)
        cls = _combine(official, extra) if extra is not None else official
        cls = _combine(cls, specific) if specific is not None else cls
    else:
        # no answer (timeout, network) or an answer that cannot be decoded
        cls = specific or RequestError
    if special is None:
        _cache[key] = cls
    return cls


def _with_host_class(exc: OpenTokException) -> OpenTokException:
    """When the application uses ``requests``, timeouts and connection errors are also the
    ``requests`` exceptions the official package lets through, so handlers for those keep firing."""
    requests_exc = sys.modules.get("requests.exceptions")
    if requests_exc is None:
        return exc
    extra: Optional[type] = None
    if isinstance(exc, RequestTimeoutError):
        extra = getattr(requests_exc, "ReadTimeout", None)
    elif isinstance(exc, NetworkError):
        extra = getattr(requests_exc, "ConnectionError", None)
    elif isinstance(exc, InvalidResponseError):
        extra = getattr(requests_exc, "JSONDecodeError", None)
    if extra is None or isinstance(exc, extra):
        return exc
    try:
        cls = _combine(type(exc), extra)
        new = cls(*exc.args)
    except TypeError:
        return exc
    new.__dict__.update(exc.__dict__)
    return new


def make_error(op: str, info: Dict[str, Any]) -> OpenTokException:
    cls = error_class(op, info)
    exc = _populate(cls(info.get("message") or "OpenTok request failed"), info)
    if exc.kind in ("timeout", "network", "decode"):
        exc = _with_host_class(exc)
    return exc


def from_native(op: str, exc: BaseException) -> OpenTokException:
    payload = exc.args[0] if exc.args else "{}"
    try:
        info = json.loads(payload)
    except ValueError:
        info = {"kind": "api", "message": str(payload)}
    return make_error(op, info)


def invalid(op: str, field: str, reason: str, also: Optional[type] = None) -> OpenTokException:
    """The invalid-argument error of ``op`` naming ``field``; ``also`` adds a builtin class the official
    package raises there (e.g. ``TypeError``)."""
    info = {"kind": "invalid_argument", "field": field, "reason": reason,
            "message": f"invalid argument `{field}`: {reason}"}
    if also is None:
        return make_error(op, info)
    cls = _combine(error_class(op, info), also)
    return _populate(cls(info["message"]), info)
