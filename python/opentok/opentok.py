"""The client: :class:`Client` (alias :class:`OpenTok`) and the session/token enums.

Every REST method converts its arguments to the core's snake_case JSON, runs the operation in
Rust (the GIL is released while it waits) and wraps the camelCase result in the official result
objects. Argument checking is done by the core, which names the offending field.
"""

import abc
import json
import os
import sys
import threading
import time
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple, Union

from . import _native, _plumbing
from .exceptions import (  # importable from opentok.opentok, as in the official package
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
    InvalidMediaModeError,
    InvalidWebSocketOptionsError,
    NotFoundError,
    OpenTokException,
    RequestError,
    SetStreamClassError,
    SignalingError,
    SipDialError,
)
from .archives import Archive, ArchiveList, OutputModes, StreamModes
from .broadcast import Broadcast, BroadcastList, BroadcastStreamModes
from .render import Render, RenderList
from .session import Session
from .sip_call import SipCall
from .stream import Stream
from .streamlist import StreamList
from .version import __version__
from .websocket_audio_connection import WebSocketAudioConnection
from ._core import _ClientCore
from ._ops_archives import _ArchiveOps
from ._ops_broadcasts import _BroadcastOps
from ._ops_integrations import _IntegrationOps
from ._ops_streams import _StreamOps
# Moved to ._plumbing; importable from opentok.opentok as before (the same objects). `_logger` and
# `_fork_gen` are rebound at run time there: this module's __getattr__ forwards them.
from ._plumbing import (
    DEFAULT_API_URL,
    VONAGE_API_URL,
    _MOCK_MODULES,
    _PY_VERSION,
    _after_fork_in_child,
    _bad_field,
    _clean,
    _counters,
    _debug_enabled,
    _dumps,
    _enum_value,
    _get_logger,
    _http,
    _is_key_path,
    _loads,
    _log_request,
    _mock_active,
    _none,
    from_native,
    invalid,
    make_error,
)

if TYPE_CHECKING:
    from datetime import datetime

    from ._native import OperationName  # the operation names of the core's manifest (generated stub)
    from ._response import Response

    from .callbacks import Callback
    from .captions import Captions, CaptionStatus
    from .connection import ConnectionList
    from .endpoints import Endpoints

PY3 = True


def __getattr__(name: str) -> Any:
    if name == "logger":
        return _get_logger()
    if name == "Endpoints":
        from .endpoints import Endpoints

        return Endpoints
    if name == "Captions":
        from .captions import Captions

        return Captions
    if name == "_logger" or name == "_fork_gen":
        return getattr(_plumbing, name)
    raise AttributeError(f"module 'opentok.opentok' has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted([*globals(), "_logger", "_fork_gen"])


__all__ = ["Client", "OpenTok", "Roles", "MediaModes", "ArchiveModes", "valid_archive_resolutions"]


class Roles(Enum):
    """Roles of a client token (``generate_token(role=...)``)."""

    subscriber = "subscriber"
    """Can only subscribe to streams."""
    publisher = "publisher"
    """Can publish and subscribe to streams, and signal (the default)."""
    publisher_only = "publisheronly"
    """Can publish streams but not subscribe to other clients' streams."""
    moderator = "moderator"
    """A publisher that can also moderate (force disconnect, force unpublish, mute)."""


class MediaModes(Enum):
    """Media modes of ``create_session()`` (the values are the wire's ``p2p.preference``)."""

    routed = "disabled"
    """Streams go through the OpenTok Media Router (needed for archiving, broadcasts, ...)."""
    relayed = "enabled"
    """Clients send streams to each other directly when possible (the default)."""


class ArchiveModes(Enum):
    """Archive modes of ``create_session()``."""

    manual = "manual"
    """Archives are started by calling ``start_archive()`` (the default)."""
    always = "always"
    """An archive starts automatically when the session starts (needs routed media)."""


valid_archive_resolutions = {"640x480", "480x640", "1280x720", "720x1280", "1920x1080", "1080x1920"}
_ROLE_VALUES = {"subscriber", "publisher", "publisheronly", "publisher_only", "moderator"}
# role (a Roles member or one of the strings above) -> the string the native module takes: one dict lookup
# on the token path.
_ROLE_STR: Dict[Any, str] = {**{r: r.value for r in Roles}, **{v: v for v in _ROLE_VALUES}}
_MEDIA = {MediaModes.routed: "routed", MediaModes.relayed: "relayed"}
_MEDIA_BY_VALUE = {"routed": MediaModes.routed, "disabled": MediaModes.routed, "relayed": MediaModes.relayed,
                   "enabled": MediaModes.relayed}
_ARCHIVE_BY_VALUE = {"manual": ArchiveModes.manual, "always": ArchiveModes.always}


def _media_mode(v: Any) -> Any:
    if isinstance(v, MediaModes):
        return _MEDIA[v]
    if v == "disabled":
        return "routed"
    if v == "enabled":
        return "relayed"
    return v


class _Base(_ArchiveOps, _BroadcastOps, _StreamOps, _IntegrationOps, _ClientCore):
    """Settings, credentials and the argument/result conversions shared by Client and AsyncClient."""

    TOKEN_SENTINEL = "T1=="
    """Prefix of legacy (T1) client tokens."""

    # The operations of each area are in the mixins (._ops_*.py); settings and transports in ._core.

    # ---- tokens (no I/O: the same in Client and AsyncClient) ----

    def generate_token(
        self,
        session_id: str,
        role: Union[Roles, str] = Roles.publisher,
        expire_time: Union[None, int, float, "datetime"] = None,
        data: Optional[str] = None,
        initial_layout_class_list: List[str] = [],
        use_jwt: bool = True,
    ) -> str:
        """A client token for ``session_id``.

        :param role: a :class:`Roles` member (or its string value); default publisher.
        :param expire_time: Unix seconds (int) or a ``datetime``; default 24 h from now, at most 30 days.
        :param data: connection data (at most 1000 characters).
        :param initial_layout_class_list: layout classes for the client's streams.
        :param use_jwt: ``True`` (default) for a JWT, ``False`` for a legacy ``T1==`` token.
        """
        try:
            role_s: str = _ROLE_STR[role]
        except (KeyError, TypeError):
            raise invalid("generate_token", "role", f"{role!r} is not a valid role (use opentok.Roles)") from None
        if expire_time is not None and expire_time.__class__ is not int:
            if hasattr(expire_time, "utctimetuple"):
                import calendar

                expire_time = calendar.timegm(expire_time.utctimetuple())
            elif isinstance(expire_time, bool):
                raise invalid("generate_token", "expire_time", "must be Unix seconds or a datetime")
            else:
                try:
                    expire_time = int(expire_time)
                except (ValueError, TypeError, OverflowError):
                    raise invalid("generate_token", "expire_time", f"{expire_time!r} is not Unix seconds or a datetime") from None
        if data is not None and data.__class__ is not str:
            raise invalid("generate_token", "data", "must be a string")
        if initial_layout_class_list.__class__ is list and not initial_layout_class_list:
            pass  # the default: nothing to check
        elif initial_layout_class_list is None or not isinstance(initial_layout_class_list, (list, tuple, str)):
            # the official package fails with a TypeError here: ours is also one
            raise invalid("generate_token", "initial_layout_class_list", "must be a list of strings", TypeError)
        elif initial_layout_class_list:
            if isinstance(initial_layout_class_list, str):
                initial_layout_class_list = initial_layout_class_list.split()
            elif not all(isinstance(c, str) for c in initial_layout_class_list):
                raise invalid("generate_token", "initial_layout_class_list", "items must be strings")
        if session_id.__class__ is not str:
            raise invalid("generate_token", "session_id", "must be a string")
        native = self._native_client
        if native is None or self._fork_gen != _plumbing._fork_gen:
            native = self._native()
        try:
            return native.generate_token(
                session_id,
                role_s,
                expire_time,
                data,
                initial_layout_class_list,
                "JWT" if use_jwt else "T1",
                time.time(),
            )
        except _native.NativeError as e:
            raise from_native("generate_token", e) from None
        except OverflowError:
            raise invalid("generate_token", "expire_time", "is out of range") from None

    # ---- sessions ----

    def create_session(
        self,
        location: Optional[str] = None,
        media_mode: MediaModes = MediaModes.relayed,
        archive_mode: ArchiveModes = ArchiveModes.manual,
        archive_name: Optional[str] = None,
        archive_resolution: Optional[str] = None,
        e2ee: bool = False,
    ) -> Session:
        """Creates a session; returns a :class:`Session`."""
        # The checks the official package makes (each an OpenTokException there).
        always = _enum_value(archive_mode) == "always"
        if always and _enum_value(media_mode) not in ("routed", "disabled"):
            raise invalid("create_session", "archive_mode", "a session with always archive mode must also have the routed media mode")
        if archive_name is not None:
            if not always:
                raise invalid("create_session", "archive_name", "cannot be given with archive mode manual")
            if not 1 <= len(archive_name) <= 80:
                raise invalid("create_session", "archive_name", "must be between 1 and 80 characters in length")
        if archive_resolution is not None:
            if not always:
                raise invalid("create_session", "archive_resolution", "cannot be given with archive mode manual")
            if archive_resolution not in valid_archive_resolutions:
                raise invalid("create_session", "archive_resolution", f"must be one of {sorted(valid_archive_resolutions)}")
        if location:
            import socket

            try:
                socket.inet_aton(location)
            except (OSError, TypeError, ValueError):
                raise invalid("create_session", "location", f"must be None or a valid IPv4 address, not {location!r}") from None
        args = _clean({
            "location": location or None,
            "media_mode": _media_mode(media_mode),
            "archive_mode": _enum_value(archive_mode),
            "archive_name": archive_name,
            "archive_resolution": archive_resolution,
            "e2ee": e2ee,
        })

        mm = _MEDIA_BY_VALUE.get(media_mode, media_mode) if isinstance(media_mode, str) else media_mode
        am = _ARCHIVE_BY_VALUE.get(archive_mode, archive_mode) if isinstance(archive_mode, str) else archive_mode

        def conv(r: Any) -> Session:
            # The answer is the service's array (the legacy XML answer arrives in the same shape); the
            # Session keeps the caller's options, as the official package does.
            try:
                session_id = r[0]["session_id"]
            except (LookupError, TypeError):
                raise make_error("create_session", {"kind": "decode", "message": f"Failed to generate session: unexpected answer {r!r:.200}"}) from None
            return Session(self, session_id, location=location, media_mode=mm, archive_mode=am, e2ee=e2ee)

        return self._run("create_session", args, conv)  # type: ignore[no-any-return]


class Client(_Base):
    """The OpenTok client (blocking). Safe to share between threads: calls release the GIL and
    run on one shared Rust runtime with a pooled HTTP connection.

    ``Client(api_key, api_secret, api_url=None, timeout=None, app_version=None)``; with Vonage
    credentials pass the application id as ``api_key`` and the private key (PEM text or a key file
    path) as ``api_secret``.
    """

    def _run(self, op: "OperationName", args: Dict[str, Any], conv: Callable[[Any], Any], all_pages: bool = False, http: bool = False) -> Any:
        native = self._native()
        args_json = self._args_json(op, args)
        if _plumbing._logger is not None or "logging" in sys.modules:
            if _debug_enabled():
                _log_request(native, op, args_json, self._proxies)
        try:
            if self._use_host():
                out = self._host_call(native, op, args_json, all_pages, http)
            else:
                _counters["native"] += 1
                if http:
                    out = native.call_http(op, args_json)
                elif all_pages:
                    out = native.call_all(op, args_json)
                else:
                    out = native.call(op, args_json)
        except _native.NativeError as e:
            err = from_native(op, e)
            if op == "list_streams" and err.status == 404:
                return StreamList({"count": 0, "items": []})
            raise err from None
        return conv(_loads(out))


class OpenTok(Client):
    """Deprecated alias of :class:`Client` (the official SDK's older name; warns as it does)."""

    def __init__(
        self,
        api_key: Union[str, int],
        api_secret: Union[str, bytes],
        api_url: Optional[str] = None,
        timeout: Union[None, float, Tuple[float, float]] = None,
        app_version: Optional[str] = None,
        **kwargs: Any,
    ) -> None:
        import warnings

        warnings.warn("OpenTok class is deprecated (Use Client class instead)", DeprecationWarning, stacklevel=2)
        super().__init__(api_key, api_secret, api_url, timeout, app_version, **kwargs)
