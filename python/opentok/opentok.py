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

from . import _native
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

# Loaded on first use to keep `import opentok` fast.
if TYPE_CHECKING:
    from datetime import datetime

    from ._native import OperationName  # the operation names of the core's manifest (generated stub)
    from ._response import Response

    from .callbacks import Callback
    from .captions import Captions, CaptionStatus
    from .connection import ConnectionList
    from .endpoints import Endpoints

_PY_VERSION = "%d.%d.%d" % sys.version_info[:3]


# Errors and the host transport are loaded on first use (they are not needed to import the package).
def from_native(op: str, exc: BaseException) -> OpenTokException:
    from ._errors import from_native as f

    return f(op, exc)


def invalid(op: str, field: str, reason: str, also: Optional[type] = None) -> OpenTokException:
    from ._errors import invalid as f

    return f(op, field, reason, also)


def make_error(op: str, info: Dict[str, Any]) -> OpenTokException:
    from ._errors import make_error as f

    return f(op, info)


#: Calls sent through each transport in this process (tests assert on it; also ``opentok._host.counters``).
_counters = {"native": 0, "host": 0}
_MOCK_MODULES = ("responses", "requests_mock", "httpretty", "vcr")


def _mock_active() -> bool:
    """True while a known HTTP mocking library is active: a few dict lookups when none is imported."""
    mods = sys.modules
    for name in _MOCK_MODULES:
        if name in mods:
            from ._host import mock_active

            return mock_active()
    return False
PY3 = True

# ``logger`` (``logging.getLogger("opentok")``, as in the official package) is created on first use so
# that ``import opentok`` does not import ``logging``; each request logs one DEBUG line (method, URL,
# body; never the auth header).
_logger: Any = None


def _get_logger() -> Any:
    global _logger
    if _logger is None:
        import logging

        _logger = logging.getLogger("opentok")
    return _logger


def __getattr__(name: str) -> Any:
    if name == "logger":
        return _get_logger()
    if name == "Endpoints":
        from .endpoints import Endpoints

        return Endpoints
    if name == "Captions":
        from .captions import Captions

        return Captions
    raise AttributeError(f"module 'opentok.opentok' has no attribute {name!r}")


_fork_gen = 0


def _after_fork_in_child() -> None:
    global _fork_gen
    _fork_gen += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _debug_enabled() -> bool:
    # Nobody can have configured logging before it is imported: one dict lookup on the usual path.
    if _logger is None and "logging" not in sys.modules:
        return False
    return bool(_get_logger().isEnabledFor(10))


def _log_request(native: Any, op: str, args_json: str, proxies: Any) -> None:
    try:
        req = _loads(_native.build_request(op, args_json, native.project_id))
    except Exception:  # the call itself reports bad arguments
        return
    url = native.api_url + req.get("path", "")
    if req.get("query"):
        url += "?" + req["query"]
    body = req.get("body")
    _get_logger().debug("%s to %r with params %r, proxies %r", req.get("method"), url, body, proxies)

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

DEFAULT_API_URL = "https://api.opentok.com"
VONAGE_API_URL = "https://video.api.vonage.com"

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_loads = json.loads
_ROLE_VALUES = {"subscriber", "publisher", "publisheronly", "publisher_only", "moderator"}
# role (a Roles member or one of the strings above) -> the string the native module takes: one dict lookup
# on the token path.
_ROLE_STR: Dict[Any, str] = {**{r: r.value for r in Roles}, **{v: v for v in _ROLE_VALUES}}
_MEDIA = {MediaModes.routed: "routed", MediaModes.relayed: "relayed"}
_MEDIA_BY_VALUE = {"routed": MediaModes.routed, "disabled": MediaModes.routed, "relayed": MediaModes.relayed,
                   "enabled": MediaModes.relayed}
_ARCHIVE_BY_VALUE = {"manual": ArchiveModes.manual, "always": ArchiveModes.always}


def _enum_value(v: Any) -> Any:
    return v.value if isinstance(v, Enum) else v


def _media_mode(v: Any) -> Any:
    if isinstance(v, MediaModes):
        return _MEDIA[v]
    if v == "disabled":
        return "routed"
    if v == "enabled":
        return "relayed"
    return v


def _bad_field(value: Any, path: str = "") -> Optional[str]:
    """The dotted name of the first value JSON/UTF-8 cannot carry (for the error message)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                return f"{path}{k}"
            f = _bad_field(v, f"{path}{k}.")
            if f:
                return f
        return None
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            f = _bad_field(v, f"{path}{i}.")
            if f:
                return f
        return None
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path.rstrip(".")
        return None
    if value is None or isinstance(value, (bool, int, float)):
        return None
    return path.rstrip(".")


def _is_key_path(secret: Any) -> bool:
    import re

    return isinstance(secret, (str, bytes)) and re.search("[.][a-zA-Z0-9_]+$", secret if isinstance(secret, str) else secret.decode("latin-1")) is not None


def _clean(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}




class _Base(abc.ABC):
    """Settings, credentials and the argument/result conversions shared by Client and AsyncClient."""

    TOKEN_SENTINEL = "T1=="
    """Prefix of legacy (T1) client tokens."""

    def __init__(
        self,
        api_key: Union[str, int],
        api_secret: Union[str, bytes],
        api_url: Optional[str] = None,
        timeout: Union[None, float, Tuple[float, float]] = None,
        app_version: Optional[str] = None,
        *,
        proxies: Optional[Dict[str, str]] = None,
        max_retries: Optional[int] = None,
        transport: Optional[str] = None,
        ca_bundle: Optional[str] = None,
        max_response_bytes: Optional[int] = None,
    ) -> None:
        self.api_key = str(api_key)
        if transport is None:
            transport = os.environ.get("OPENTOK_TRANSPORT") or None
        if transport not in (None, "native", "host", "auto"):
            raise invalid("client", "transport", f"{transport!r} is not 'native', 'host' or 'auto'")
        self._transport: Optional[str] = None if transport == "auto" else transport
        self._using_vonage = False
        secret: Union[str, bytes] = api_secret
        if isinstance(api_secret, bytes) and api_secret.lstrip().startswith(b"-----BEGIN"):
            self._using_vonage = True
        elif isinstance(api_secret, str) and api_secret.lstrip().startswith("-----BEGIN"):
            self._using_vonage = True
        elif _is_key_path(api_secret):
            # As in the official SDK: a secret that looks like a file name is a Vonage private key file.
            self._using_vonage = True
            with open(api_secret, "rb") as key_file:
                secret = key_file.read()
        self.api_secret = secret
        if api_url is None or (self._using_vonage and api_url == DEFAULT_API_URL):
            api_url = VONAGE_API_URL if self._using_vonage else DEFAULT_API_URL
        self._api_url: str = api_url
        self._timeout = timeout
        self._proxies = proxies
        self._max_retries = max_retries
        self._max_body = max_response_bytes
        # Extra trusted CAs (PEM text or a file/directory path); like requests, REQUESTS_CA_BUNDLE and
        # CURL_CA_BUNDLE are honoured.
        self._ca_explicit = ca_bundle is not None
        self._ca_bundle = ca_bundle or os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None
        self._app_version = __version__ if app_version is None else app_version
        self._ua_addendum = ""
        self._jwt_livetime: Union[int, float] = 3
        self._endpoints: Optional["Endpoints"] = None
        self._lock = threading.Lock()
        self._native_client: Optional[_native.Client] = None
        self._fork_gen = _fork_gen
        self._native()  # validate the credentials and settings now

    # ---- settings (changing one rebuilds the native client on next use) ----

    def _invalidate(self) -> None:
        with self._lock:
            self._native_client = None

    def _options(self) -> Dict[str, Any]:
        o: Dict[str, Any] = {"api_url": self._api_url, "language": "python/" + _PY_VERSION}
        if self._using_vonage:
            key = self.api_secret.decode() if isinstance(self.api_secret, bytes) else self.api_secret
            o["application_id"] = self.api_key
            o["private_key"] = key
        else:
            o["api_key"] = self.api_key
            o["api_secret"] = self.api_secret
        t = self._timeout
        if isinstance(t, tuple):
            o["connect_timeout"], o["timeout"] = float(t[0]), float(t[1])
        elif t is not None:
            o["timeout"] = float(t)
        if self._proxies:
            scheme = "https" if self._api_url.startswith("https") else "http"
            proxy = self._proxies.get(scheme) or self._proxies.get("all") or next(iter(self._proxies.values()))
            o["proxy"] = proxy
        o["ua_addendum"] = f"OpenTok-Python-SDK/{self._app_version}{self._ua_addendum}"
        if self._max_retries is not None:
            o["max_retries"] = self._max_retries
        if self._ca_bundle:
            o["ca_bundle"] = self._ca_bundle
        if self._max_body is not None:
            o["max_response_bytes"] = self._max_body
        o["auth_ttl_secs"] = float(self._jwt_livetime) * 60
        return o

    def _native(self) -> "_native.Client":
        c = self._native_client
        if self._fork_gen != _fork_gen:  # a forked child: fresh connection pool (and runtime, in the core)
            self._fork_gen = _fork_gen
            c = self._native_client = None
        if c is None:
            with self._lock:
                c = self._native_client
                if c is None:
                    opts = self._options()
                    try:
                        try:
                            c = _native.Client(_dumps(opts))
                        except _native.NativeError as e:
                            if "ca_bundle" not in opts or self._ca_explicit or "unknown field `ca_bundle`" not in str(e):
                                raise
                            del opts["ca_bundle"]  # a core without the option: the environment's bundle is not applied
                            c = _native.Client(_dumps(opts))
                    except _native.NativeError as e:
                        raise from_native("client", e) from None
                    self._native_client = c
        return c

    @property
    def endpoints(self) -> "Endpoints":
        """REST endpoint URLs (the official SDK's ``Endpoints`` helper; assignable as there, but requests
        are always built by the core from ``api_url``)."""
        if self._endpoints is None:
            from .endpoints import Endpoints

            self._endpoints = Endpoints(self._api_url, self.api_key)
        return self._endpoints

    @endpoints.setter
    def endpoints(self, value: "Endpoints") -> None:
        self._endpoints = value

    @property
    def api_url(self) -> str:
        """The base URL of the REST API."""
        return self._api_url

    @property
    def timeout(self) -> Union[None, float, Tuple[float, float]]:
        """Request timeout in seconds (``None`` = the core's default of 20 s); a ``(connect, read)`` tuple works too."""
        return self._timeout

    @timeout.setter
    def timeout(self, value: Union[None, float, Tuple[float, float]]) -> None:
        self._timeout = value
        self._invalidate()

    @property
    def proxies(self) -> Optional[Dict[str, str]]:
        """Proxies in the ``requests`` format, e.g. ``{"https": "http://user:pass@proxy:3128"}``."""
        return self._proxies

    @proxies.setter
    def proxies(self, proxies: Optional[Dict[str, str]]) -> None:
        self._proxies = proxies
        self._invalidate()

    @property
    def app_version(self) -> str:
        return self._app_version

    @app_version.setter
    def app_version(self, value: str) -> None:
        self._app_version = value
        self._invalidate()

    @property
    def user_agent(self) -> str:
        """The User-Agent sent with every request:
        ``OpenTok-Rust-SDK/<core> python/<v> OpenTok-Python-SDK/<app_version>`` + what was appended."""
        return f"OpenTok-Rust-SDK/{_native.CORE_VERSION} python/{_PY_VERSION} {self._options()['ua_addendum']}"

    def append_to_user_agent(self, value: str) -> None:
        """Appends ``value`` to the User-Agent as given (as in the official SDK: no separator added)."""
        self._ua_addendum += value
        self._invalidate()

    @property
    def jwt_livetime(self) -> Union[int, float]:
        """Lifetime in minutes of the REST-auth JWT (``exp - iat``; default 3). The service accepts at
        most 5 minutes, so a longer one (or one under a second) raises InvalidArgumentError here."""
        return self._jwt_livetime

    @jwt_livetime.setter
    def jwt_livetime(self, minutes: Union[int, float]) -> None:
        ok = isinstance(minutes, (int, float)) and not isinstance(minutes, bool)
        if not ok or not (1 <= float(minutes) * 60 <= 300):
            raise invalid("client", "jwt_livetime", f"{minutes!r} is not a number of minutes between 1/60 and 5 (the service's limit)")
        self._jwt_livetime = minutes
        self._invalidate()

    # ---- request headers (the official SDK's helpers; the core builds the same ones for each request) ----

    def get_headers(self) -> Dict[str, str]:
        """The headers of a request: ``User-Agent``, the auth header (``X-OPENTOK-AUTH`` with a fresh
        JWT, or ``Authorization: Bearer`` for Vonage credentials) and ``Accept``."""
        try:
            name, value = self._native().auth_header()
        except _native.NativeError as e:
            raise from_native("client", e) from None
        return {"User-Agent": self.user_agent, name: value, "Accept": "application/json"}

    def get_json_headers(self) -> Dict[str, str]:
        """:meth:`get_headers` plus ``Content-Type: application/json``."""
        h = self.get_headers()
        h["Content-Type"] = "application/json"
        return h

    def headers(self) -> Dict[str, str]:
        """Deprecated: use :meth:`get_headers`."""
        import warnings

        warnings.warn("opentok.headers is deprecated (use opentok.get_headers instead).", DeprecationWarning, stacklevel=2)
        return self.get_headers()

    def json_headers(self) -> Dict[str, str]:
        """Deprecated: use :meth:`get_json_headers`."""
        import warnings

        warnings.warn(
            "opentok.json_headers is deprecated (use opentok.get_json_headers instead).", DeprecationWarning, stacklevel=2
        )
        return self.get_json_headers()

    def __repr__(self) -> str:
        # Never raises, even on an object whose constructor failed early (traceback renderers call it).
        d = self.__dict__
        url = d.get("_api_url")
        if isinstance(url, str):
            try:  # credentials written into the URL are not shown
                url = _native.display_url(url)
            except Exception:
                url = "[unprintable]"
        return f"<{type(self).__name__} api_key={d.get('api_key')!r} api_url={url!r}>"

    # ---- transports ----

    def _use_host(self) -> bool:
        t = self._transport
        if t is None:
            return _mock_active()
        return t == "host"

    def _args_json(self, op: str, args: Dict[str, Any]) -> str:
        try:
            s = _dumps(args)
            s.encode("utf-8")  # lone surrogates cannot cross into the core
            return s
        except (TypeError, ValueError) as e:  # arguments JSON cannot represent
            raise invalid(op, _bad_field(args) or "args", str(e)) from None

    def _host_call(self, native: Any, op: str, args_json: str, all_pages: bool, http: bool) -> str:
        if not all_pages:
            from . import _host

            return _host.send(native, op, args_json, self._proxies, http, self._max_body, self._ca_bundle)
        from . import _host

        args = _loads(args_json)
        size = args.get("count") or 1000
        offset = args.get("offset") or 0
        items: List[Any] = []
        while True:
            args["offset"], args["count"] = offset, size
            page = _loads(_host.send(native, op, _dumps(args), self._proxies, False, self._max_body, self._ca_bundle))
            got = page.get("items") or []
            items.extend(got)
            offset += len(got)
            if not got or len(got) < size or offset >= (page.get("count") or 0):
                return _dumps(items)

    # ---- the execution hook (sync here, coroutine in AsyncClient) ----

    @abc.abstractmethod
    def _run(self, op: "OperationName", args: Dict[str, Any], conv: Callable[[Any], Any], all_pages: bool = False, http: bool = False) -> Any:
        """Runs one operation: blocking in :class:`Client`, a future in ``AsyncClient``."""

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
        if native is None or self._fork_gen != _fork_gen:
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

    # ---- archives ----

    def _archive(self, r: Dict[str, Any]) -> Archive:
        return Archive(self, r)

    def start_archive(
        self,
        session_id: str,
        has_audio: bool = True,
        has_video: bool = True,
        name: Optional[str] = None,
        output_mode: Union[OutputModes, str] = OutputModes.composed,
        stream_mode: Union[StreamModes, str] = StreamModes.auto,
        resolution: Optional[str] = None,
        layout: Optional[Dict[str, Any]] = None,
        multi_archive_tag: Optional[str] = None,
        max_bitrate: Optional[int] = None,
        quantization_parameter: Optional[int] = None,
        has_transcription: bool = False,
        transcription_properties: Optional[Dict[str, Any]] = None,
    ) -> Archive:
        """Starts recording a session; returns the :class:`Archive`."""
        # The checks the official package makes (each an OpenTokException there).
        if resolution and (output_mode is OutputModes.individual or output_mode == "individual"):
            raise invalid("start_archive", "resolution", "cannot be supplied for individual output mode")
        if quantization_parameter is not None:
            if not isinstance(quantization_parameter, (int, float)) or isinstance(quantization_parameter, bool):
                raise invalid("start_archive", "quantization_parameter", "must be a number")
            if not 15 <= quantization_parameter <= 40:
                raise invalid("start_archive", "quantization_parameter", "must be between 15 and 40")
        args = _clean({
            "session_id": session_id,
            "name": name,
            "has_audio": has_audio,
            "has_video": has_video,
            "output_mode": _enum_value(output_mode),
            "stream_mode": _enum_value(stream_mode),
            "resolution": resolution,
            "layout": layout,
            "multi_archive_tag": multi_archive_tag,
            "max_bitrate": max_bitrate,
            "quantization_parameter": quantization_parameter,
            "has_transcription": True if has_transcription else None,
            "transcription_properties": transcription_properties,
        })
        return self._run("start_archive", args, self._archive)  # type: ignore[no-any-return]

    def stop_archive(self, archive_id: str) -> Archive:
        """Stops an archive; returns it."""
        return self._run("stop_archive", {"archive_id": archive_id}, self._archive)  # type: ignore[no-any-return]

    def delete_archive(self, archive_id: str) -> None:
        """Deletes an archive (status ``available``, ``uploaded`` or ``deleted``)."""
        return self._run("delete_archive", {"archive_id": archive_id}, _none)  # type: ignore[no-any-return]

    def get_archive(self, archive_id: str) -> Archive:
        """The :class:`Archive` with this id."""
        return self._run("get_archive", {"archive_id": archive_id}, self._archive)  # type: ignore[no-any-return]

    def get_archives(self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None) -> ArchiveList:
        """A page of archives (newest first) as an :class:`ArchiveList`."""
        args = _clean({"offset": offset, "count": count, "session_id": session_id})
        return self._run("list_archives", args, lambda r: ArchiveList(self, r))  # type: ignore[no-any-return]

    def list_archives(self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None) -> ArchiveList:
        """Same as :meth:`get_archives`."""
        return self.get_archives(offset, count, session_id)

    def list_all_archives(self, session_id: Optional[str] = None) -> List[Archive]:
        """Every archive, walking all pages (not in the official SDK)."""
        args = _clean({"session_id": session_id})
        return self._run("list_archives", args, lambda r: [Archive(self, a) for a in r], True)  # type: ignore[no-any-return]

    def set_archive_layout(self, archive_id: str, layout_type: str, stylesheet: Optional[str] = None, screenshare_type: Optional[str] = None) -> None:
        """Changes the layout of a composed archive (``stylesheet`` is sent only with the ``custom`` type, as
        the official SDK does)."""
        layout = _clean({"type": layout_type, "stylesheet": stylesheet if layout_type == "custom" else None,
                         "screenshare_type": screenshare_type})
        return self._run("set_archive_layout", {"archive_id": archive_id, "layout": layout}, _none)  # type: ignore[no-any-return]

    def add_archive_stream(self, archive_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True) -> None:
        """Adds a stream to an archive whose stream mode is manual."""
        args = {"archive_id": archive_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}
        return self._run("add_archive_stream", args, _none)  # type: ignore[no-any-return]

    def remove_archive_stream(self, archive_id: str, stream_id: str) -> None:
        """Removes a stream from an archive whose stream mode is manual."""
        return self._run("remove_archive_stream", {"archive_id": archive_id, "stream_id": stream_id}, _none)  # type: ignore[no-any-return]

    # ---- broadcasts ----

    def start_broadcast(self, session_id: str, options: Dict[str, Any], stream_mode: Union[BroadcastStreamModes, str] = BroadcastStreamModes.auto) -> Broadcast:
        """Starts a live-streaming broadcast. ``options`` uses the REST names: ``outputs``
        (``hls`` {``dvr``, ``lowLatency``}, ``rtmp`` [{``id``, ``serverUrl``, ``streamName``}]),
        ``layout``, ``maxDuration``, ``maxBitrate``, ``resolution``, ``multiBroadcastTag``,
        ``hasAudio``, ``hasVideo`` (snake_case names work too)."""
        if not isinstance(options, dict):
            raise invalid("start_broadcast", "options", "must be a dict")
        # The checks the official package makes.
        if "outputs" not in options:  # the official package fails with KeyError('outputs') here: ours is also one
            raise invalid("start_broadcast", "outputs", "is required", KeyError)
        outputs = options.get("outputs")
        hls = outputs.get("hls") if isinstance(outputs, dict) else None
        # (the snake_case spellings ours also accepts are checked the same way)
        if isinstance(hls, dict) and hls.get("dvr") is True and (hls.get("lowLatency") is True or hls.get("low_latency") is True):
            raise invalid("start_broadcast", "outputs.hls", 'HLS options "lowLatency" and "dvr" cannot both be true')
        for key in ("maxBitrate", "max_bitrate", "maxBitRate"):
            if key in options and options[key] is not None:
                mb = options[key]
                if type(mb) is not int or not 100000 <= mb <= 6000000:
                    raise invalid("start_broadcast", key, "must be an integer between 100000 and 6000000")
        # Options are sent as given (unknown keys too); as in the official package they override
        # sessionId/streamMode.
        args: Dict[str, Any] = {k: _enum_value(v) for k, v in options.items()}
        if "sessionId" not in args and "session_id" not in args:
            args["session_id"] = session_id
        if "streamMode" not in args and "stream_mode" not in args:
            args["stream_mode"] = _enum_value(stream_mode)
        return self._run("start_broadcast", args, Broadcast)  # type: ignore[no-any-return]

    def stop_broadcast(self, broadcast_id: str) -> Broadcast:
        """Stops a broadcast; returns it."""
        return self._run("stop_broadcast", {"broadcast_id": broadcast_id}, Broadcast)  # type: ignore[no-any-return]

    def get_broadcast(self, broadcast_id: str) -> Broadcast:
        """The :class:`Broadcast` with this id."""
        return self._run("get_broadcast", {"broadcast_id": broadcast_id}, Broadcast)  # type: ignore[no-any-return]

    def list_broadcasts(self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None) -> BroadcastList:
        """A page of broadcasts (not in the official Python SDK)."""
        args = _clean({"offset": offset, "count": count, "session_id": session_id})
        return self._run("list_broadcasts", args, BroadcastList)  # type: ignore[no-any-return]

    def set_broadcast_layout(self, broadcast_id: str, layout_type: str, stylesheet: Optional[str] = None, screenshare_type: Optional[str] = None) -> None:
        """Changes the layout of a broadcast (``stylesheet`` is sent only with the ``custom`` type, as the
        official SDK does)."""
        layout = _clean({"type": layout_type, "stylesheet": stylesheet if layout_type == "custom" else None,
                         "screenshare_type": screenshare_type})
        return self._run("set_broadcast_layout", {"broadcast_id": broadcast_id, "layout": layout}, _none)  # type: ignore[no-any-return]

    def add_broadcast_stream(self, broadcast_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True) -> None:
        """Adds a stream to a broadcast whose stream mode is manual."""
        args = {"broadcast_id": broadcast_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}
        return self._run("add_broadcast_stream", args, _none)  # type: ignore[no-any-return]

    def remove_broadcast_stream(self, broadcast_id: str, stream_id: str) -> None:
        """Removes a stream from a broadcast whose stream mode is manual."""
        return self._run("remove_broadcast_stream", {"broadcast_id": broadcast_id, "stream_id": stream_id}, _none)  # type: ignore[no-any-return]

    # ---- streams, connections, signals, moderation ----

    def get_stream(self, session_id: str, stream_id: str) -> Stream:
        """The :class:`Stream` with this id."""
        return self._run("get_stream", {"session_id": session_id, "stream_id": stream_id}, Stream)  # type: ignore[no-any-return]

    def list_streams(self, session_id: str) -> StreamList:
        """The streams of a session (an empty list when the session is unknown, as in the official SDK)."""
        return self._run("list_streams", {"session_id": session_id}, StreamList)  # type: ignore[no-any-return]

    def set_stream_class_lists(self, session_id: str, payload: List[Dict[str, Any]]) -> None:
        """Sets layout classes of several streams: ``payload`` is ``[{"id": ..., "layoutClassList": [...]}]``."""
        return self._run("set_stream_class_lists", {"session_id": session_id, "items": payload}, _none)  # type: ignore[no-any-return]

    def set_stream_class_list(self, session_id: str, stream_id: str, layout_class_list: List[str]) -> None:
        """Sets one stream's layout classes (not in the official Python SDK)."""
        args = {"session_id": session_id, "stream_id": stream_id, "layout_class_list": layout_class_list}
        return self._run("set_stream_class_list", args, _none)  # type: ignore[no-any-return]

    def list_connections(self, session_id: str) -> "ConnectionList":
        """The connections of a session (not in the official Python SDK)."""
        from .connection import ConnectionList

        return self._run("list_connections", {"session_id": session_id}, ConnectionList)  # type: ignore[no-any-return]

    def send_signal(self, session_id: str, payload: Dict[str, Any], connection_id: Optional[str] = None) -> None:
        """Sends a signal (``payload`` = ``{"type": ..., "data": ...}``) to a session or one connection."""
        if not isinstance(payload, dict):
            raise invalid("send_signal", "payload", "must be a dict with `type` and `data`")
        args = dict(payload)
        args["session_id"] = session_id
        if connection_id is not None:
            args["connection_id"] = connection_id
        return self._run("send_signal", args, _none)  # type: ignore[no-any-return]

    def signal(self, session_id: str, payload: Dict[str, Any], connection_id: Optional[str] = None) -> None:
        """Deprecated: use :meth:`send_signal`."""
        import warnings

        warnings.warn("opentok.signal is deprecated (use opentok.send_signal instead).", DeprecationWarning, stacklevel=2)
        return self.send_signal(session_id, payload, connection_id)

    def force_disconnect(self, session_id: str, connection_id: str) -> None:
        """Disconnects a client from a session."""
        return self._run("force_disconnect", {"session_id": session_id, "connection_id": connection_id}, _none)  # type: ignore[no-any-return]

    def mute_stream(self, session_id: str, stream_id: str) -> "Response":
        """Force-mutes one stream's audio; returns the HTTP :class:`~opentok._response.Response`."""
        return self._run("mute_stream", {"session_id": session_id, "stream_id": stream_id}, _http, http=True)  # type: ignore[no-any-return]

    def mute_all(self, session_id: str, excludedStreamIds: Optional[List[str]] = None) -> "Response":
        """Force-mutes every stream except ``excludedStreamIds`` (sent as ``excludedStreamIds``, as the REST
        docs say); returns the HTTP :class:`~opentok._response.Response`."""
        args: Dict[str, Any] = {"session_id": session_id, "excluded_stream_ids": list(excludedStreamIds or [])}
        return self._run("mute_all", args, _http, http=True)  # type: ignore[no-any-return]

    def disable_force_mute(self, session_id: str) -> "Response":
        """Ends a mute-all; returns the HTTP :class:`~opentok._response.Response`."""
        return self._run("disable_force_mute", {"session_id": session_id}, _http, http=True)  # type: ignore[no-any-return]

    # ---- SIP and DTMF ----

    def dial(self, session_id: str, token: str, sip_uri: str, options: Dict[str, Any] = {}) -> SipCall:
        """Dials a SIP endpoint into the session. ``options``: ``from``, ``headers``, ``auth``
        {``username``, ``password``}, ``secure``, ``video``, ``observeForceMute``, ``streams``."""
        if not isinstance(options, dict):
            raise invalid("dial", "options", "must be a dict")
        args: Dict[str, Any] = dict(options)  # sent as given: unknown keys go into `sip`, as in the official package
        args.update({"session_id": session_id, "token": token})
        if "uri" not in args:
            args["uri"] = sip_uri
        return self._run("dial", args, SipCall)  # type: ignore[no-any-return]

    def play_dtmf(self, session_id: str, connection_id: Optional[str], digits: str, options: Dict[str, Any] = {}) -> "Response":
        """Plays DTMF digits (``0-9``, ``*``, ``#``, ``p``) to a session or one connection; returns the HTTP
        :class:`~opentok._response.Response`."""
        args = _clean({"session_id": session_id, "connection_id": connection_id or None, "digits": digits})
        return self._run("play_dtmf", args, _http, http=True)  # type: ignore[no-any-return]

    # ---- Experience Composer ----

    def start_render(
        self,
        session_id: str,
        opentok_token: str,
        url: str,
        max_duration: int = 7200,
        resolution: str = "1280x720",
        properties: Optional[Dict[str, Any]] = None,
        *,
        status_callback_url: Optional[str] = None,
    ) -> Render:
        """Starts an Experience Composer render; returns the :class:`Render`."""
        args = _clean({
            "session_id": session_id,
            "token": opentok_token,
            "url": url,
            "max_duration": max_duration,
            "resolution": resolution,
            "properties": properties,
            "status_callback_url": status_callback_url,
        })
        return self._run("start_render", args, Render)  # type: ignore[no-any-return]

    def get_render(self, render_id: str) -> Render:
        """The :class:`Render` with this id."""
        return self._run("get_render", {"render_id": render_id}, Render)  # type: ignore[no-any-return]

    def stop_render(self, render_id: str) -> "Response":
        """Stops a render; returns the HTTP :class:`~opentok._response.Response` (the API answers 204)."""
        return self._run("stop_render", {"render_id": render_id}, _http, http=True)  # type: ignore[no-any-return]

    def list_renders(self, offset: int = 0, count: int = 50) -> RenderList:
        """A page of renders."""
        return self._run("list_renders", {"offset": offset, "count": count}, lambda r: RenderList(self, r))  # type: ignore[no-any-return]

    # ---- Audio Connector ----

    def validate_websocket_options(self, options: Dict[str, Any]) -> None:
        """The checks the official SDK makes on ``connect_audio_to_websocket`` options; raises
        :class:`InvalidWebSocketOptionsError` naming the field."""
        if type(options) is not dict:
            raise invalid("connect_audio", "websocket_options", "must be a dict")
        if "uri" not in options:
            raise invalid("connect_audio", "uri", "is required")
        if "bidirectional" in options and not isinstance(options["bidirectional"], bool):
            raise invalid("connect_audio", "bidirectional", "must be a boolean if provided")
        if "audio_transport" in options:
            at = options["audio_transport"]
            if not isinstance(at, dict):
                raise invalid("connect_audio", "audio_transport", "must be a dictionary if provided")
            if "transport" not in at:
                raise invalid("connect_audio", "audio_transport.transport", "is required")
            if at["transport"] not in ("binary", "json"):
                raise invalid("connect_audio", "audio_transport.transport", "must be one of ('binary', 'json')")

    def connect_audio_to_websocket(self, session_id: str, opentok_token: str, websocket_options: Dict[str, Any]) -> WebSocketAudioConnection:
        """Sends session audio to a WebSocket. ``websocket_options``: ``uri`` (required),
        ``streams``, ``headers``, ``audioRate``, ``bidirectional``, ``audio_transport``."""
        self.validate_websocket_options(websocket_options)
        args: Dict[str, Any] = dict(websocket_options)  # sent as given (unknown keys go into `websocket`)
        at = args.get("audio_transport")
        if isinstance(at, dict):
            args["audio_transport"] = _clean(at)  # the official package drops None members
        args.update({"session_id": session_id, "token": opentok_token})
        return self._run("connect_audio", args, WebSocketAudioConnection)  # type: ignore[no-any-return]

    def stop_audio_connector(self, connection_id: str) -> None:
        """Stops an Audio Connector connection (not in the official Python SDK)."""
        return self._run("stop_audio_connector", {"connection_id": connection_id}, _none)  # type: ignore[no-any-return]

    # ---- live captions ----

    def start_captions(
        self,
        session_id: str,
        opentok_token: str,
        language_code: str = "en-US",
        max_duration: int = 14400,
        partial_captions: bool = True,
        status_callback_url: Optional[str] = None,
    ) -> "Captions":
        """Starts live captions; returns :class:`Captions` (``captions_id``)."""
        from .captions import Captions

        args = _clean({
            "session_id": session_id,
            "token": opentok_token,
            "language_code": language_code,
            "max_duration": max_duration,
            "partial_captions": partial_captions,
            "status_callback_url": status_callback_url,
        })
        return self._run("start_captions", args, Captions)  # type: ignore[no-any-return]

    def stop_captions(self, captions_id: str) -> None:
        """Stops live captions."""
        return self._run("stop_captions", {"captions_id": captions_id}, _none)  # type: ignore[no-any-return]

    def get_captions(self, captions_id: str) -> "CaptionStatus":
        """Status of live captions (not in the official Python SDK)."""
        from .captions import CaptionStatus

        return self._run("get_captions", {"captions_id": captions_id}, CaptionStatus)  # type: ignore[no-any-return]

    # ---- project callbacks (not in the official Python SDK) ----

    def register_callback(self, group: str, event: str, url: str) -> "Callback":
        """Registers a project callback URL for ``group``/``event``."""
        from .callbacks import Callback

        return self._run("register_callback", {"group": group, "event": event, "url": url}, Callback)  # type: ignore[no-any-return]

    def list_callbacks(self) -> List["Callback"]:
        """The registered project callbacks."""
        from .callbacks import Callback

        return self._run("list_callbacks", {}, lambda r: [Callback(c) for c in r])  # type: ignore[no-any-return]

    def unregister_callback(self, callback_id: str) -> None:
        """Removes a project callback."""
        return self._run("unregister_callback", {"callback_id": callback_id}, _none)  # type: ignore[no-any-return]


def _none(_: Any) -> None:
    return None


def _http(r: Dict[str, Any]) -> "Response":
    from ._response import Response

    body = r.get("body_text")
    return Response(int(r.get("status") or 200), r.get("headers") or {}, (body or "").encode("utf-8"), r.get("url") or "",
                    r.get("method") or "")


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
        if _logger is not None or "logging" in sys.modules:
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
