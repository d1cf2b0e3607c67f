"""The settings, credentials, request headers and transports of a client: the base class of the
operation mixins (``_ops_*.py``) that ``opentok.opentok._Base`` combines."""

import abc
import os
import threading
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple, Union

from . import _native, _plumbing
from ._plumbing import (
    DEFAULT_API_URL,
    VONAGE_API_URL,
    _PY_VERSION,
    _bad_field,
    _dumps,
    _is_key_path,
    _loads,
    _mock_active,
    from_native,
    invalid,
)
from .version import __version__

if TYPE_CHECKING:
    from ._native import OperationName  # the operation names of the core's manifest (generated stub)
    from .endpoints import Endpoints


class _ClientCore(abc.ABC):
    """Settings, credentials, headers and transports; ``_run`` is the execution hook (see ``_Base``)."""

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
        self._fork_gen = _plumbing._fork_gen
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
        if self._fork_gen != _plumbing._fork_gen:  # a forked child: fresh connection pool (and runtime, in the core)
            self._fork_gen = _plumbing._fork_gen
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
