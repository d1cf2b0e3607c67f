"""The host transport (issue 11): the core builds each request and decodes each answer, and only the
bytes travel through Python's own HTTP stack — ``requests`` when it is importable (the official
package's dependency), else ``urllib`` — so that the HTTP mocking libraries users test with
(``responses``, ``requests-mock``, ``httpretty``, ``vcrpy``) see every call.

It is chosen per call while such a library is active (:func:`mock_active`), or always/never with the
``transport=`` keyword of the client or ``OPENTOK_TRANSPORT=host|native``.
"""

import sys
import time
from typing import Any, Dict, List, Optional, Tuple

from .exceptions import NetworkError, RequestTimeoutError, _combine

from ._plumbing import _counters as counters  # calls sent through each transport (tests assert on it)


def mock_active() -> bool:
    """True while a known HTTP mocking library is active. Looks only at modules already imported
    (never imports them): a few dict lookups when none is loaded."""
    mods = sys.modules
    if "responses" in mods or "requests_mock" in mods:
        adapters = mods.get("requests.adapters")
        if adapters is not None and getattr(adapters.HTTPAdapter.send, "__module__", None) != "requests.adapters":
            return True  # responses (@responses.activate, responses.start(), RequestsMock())
        sessions = mods.get("requests.sessions")
        if sessions is not None and getattr(sessions.Session.send, "__module__", None) != "requests.sessions":
            return True  # requests_mock.Mocker
    if "httpretty" in mods:
        try:
            if mods["httpretty"].is_enabled():
                return True
        except Exception:
            pass
    if "vcr" in mods:
        client = mods.get("http.client")
        if client is not None and client.HTTPConnection.__module__ != "http.client":
            return True  # a cassette is in use (vcr patches the connection classes)
    return False


def _httpretty_enabled() -> bool:
    h = sys.modules.get("httpretty")
    try:
        return h is not None and bool(h.is_enabled())
    except Exception:
        return False


def _host_error(exc: BaseException, cls: type) -> BaseException:
    """The host library's exception, made also an instance of ``cls`` (a RequestError subclass), so
    handlers written for the official package (which lets these through) and for ours both fire."""
    if isinstance(exc, cls):
        return exc
    try:
        combined = _combine(type(exc), cls)  # type: ignore[arg-type]
        new = combined.__new__(combined)
        new.args = exc.args
        new.__dict__.update(getattr(exc, "__dict__", {}))
        kind = "timeout" if issubclass(cls, RequestTimeoutError) else "network"
        new.kind = kind
        return new
    except Exception:
        return exc


_MOCK_MODULES = ("responses", "requests_mock", "httpretty", "vcr")


def _mock_refusal(exc: BaseException) -> bool:
    """True when a mocking library refused the request (nothing is stubbed for it): retrying cannot help."""
    seen = 0
    e: Any = exc
    while e is not None and seen < 6:
        if type(e).__module__.split(".")[0] in _MOCK_MODULES:
            return True
        if "responses" in sys.modules and "Connection refused by Responses" in str(e):
            return True
        nxt = e.__cause__ or e.__context__
        if nxt is None and e.args and isinstance(e.args[0], BaseException):
            nxt = e.args[0]
        e = nxt
        seen += 1
    return False


#: Largest answer body read (the core's default; ``max_response_bytes=`` changes both transports).
DEFAULT_MAX_BODY = 32 * 1024 * 1024


class _TooLarge(Exception):
    pass


def _read_capped(chunks: Any, declared: Optional[str], cap: int) -> bytes:
    if declared and declared.strip().isdigit() and int(declared) > cap:
        raise _TooLarge(f"the answer declares {declared} bytes, more than the {cap} allowed")
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > cap:
            raise _TooLarge(f"the answer is larger than the {cap} bytes allowed")
    return bytes(out)


class _Answer:
    __slots__ = ("status", "headers", "body")

    def __init__(self, status: int, headers: List[Tuple[str, str]], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body


def _send_requests(requests: Any, req: Dict[str, Any], timeout: Tuple[float, float], proxies: Optional[Dict[str, str]], verify: Any,
                   cap: int) -> _Answer:
    r = requests.request(
        req["method"],
        req["url"],
        headers=dict(req["headers"]),
        data=req.get("body"),
        timeout=timeout,
        proxies=proxies,
        allow_redirects=False,  # never send credentials on to another host; a redirect is an error
        verify=verify,
        stream=True,
    )
    raw = getattr(r, "raw", None)
    headers: List[Tuple[str, str]]
    try:
        headers = list(raw.headers.items()) if raw is not None and hasattr(raw, "headers") else list(r.headers.items())
    except Exception:
        headers = list(r.headers.items())
    try:
        body = _read_capped(r.iter_content(65536), r.headers.get("Content-Length"), cap)
    finally:
        r.close()
    return _Answer(r.status_code, headers, body)


def _send_urllib(req: Dict[str, Any], timeout: Tuple[float, float], proxies: Optional[Dict[str, str]], cafile: Optional[str],
                 cap: int) -> _Answer:
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a: Any, **k: Any) -> None:
            return None

    handlers: List[Any] = [NoRedirect()]
    if proxies is not None:
        handlers.append(urllib.request.ProxyHandler(proxies))
    if cafile:
        import ssl

        handlers.append(urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=cafile)))
    opener = urllib.request.build_opener(*handlers)
    r = urllib.request.Request(req["url"], data=req.get("body"), method=req["method"])
    for k, v in req["headers"]:
        r.add_header(k, v)
    try:
        with opener.open(r, timeout=timeout[1]) as resp:
            body = _read_capped(iter(lambda: resp.read(65536), b""), resp.headers.get("Content-Length"), cap)
            return _Answer(resp.status, list(resp.headers.items()), body)
    except urllib.error.HTTPError as e:
        body = _read_capped(iter(lambda: e.read(65536), b""), e.headers.get("Content-Length"), cap)
        return _Answer(e.code, list(e.headers.items()), body)


_ca_files: Dict[str, str] = {}


def _ca_path(ca: Optional[str]) -> Optional[str]:
    """A file path for the client's CA bundle (PEM text is written once to a private temporary file)."""
    if not ca or "-----BEGIN" not in ca:
        return ca or None
    path = _ca_files.get(ca)
    if path is None:
        import tempfile

        fd, path = tempfile.mkstemp(prefix="opentok-ca-", suffix=".pem")
        with open(fd, "w", encoding="ascii") as f:
            f.write(ca)
        _ca_files[ca] = path
    return path


def send(native: Any, op: str, args_json: str, proxies: Optional[Dict[str, str]], http: bool,
         max_body: Optional[int] = None, ca_bundle: Optional[str] = None) -> str:
    """Runs one operation over the host stack; returns the result JSON as the native call does."""
    import json

    counters["host"] += 1
    settings = json.loads(native.host_settings())
    timeout = (float(settings["connect_timeout"]), float(settings["timeout"]))
    if proxies is None and settings.get("proxy"):
        proxies = {"http": settings["proxy"], "https": settings["proxy"]}
    req = native.prepare(op, args_json)
    requests: Any = None
    if not _httpretty_enabled():  # requests + urllib3 2.x fail under httpretty(allow_net_connect=False); urllib works
        try:
            import requests
        except ImportError:
            pass
    ca = _ca_path(ca_bundle or settings.get("ca_bundle"))
    cap = max_body or DEFAULT_MAX_BODY
    start = time.monotonic()
    budget = timeout[1]  # the user's timeout bounds the whole call, retries included (as on the native transport)
    attempt = 0

    def fits(delay: Optional[float]) -> Optional[float]:
        if delay is None:
            return None
        return delay if time.monotonic() - start + delay < budget else None

    while True:
        remaining = max(budget - (time.monotonic() - start), 0.001)
        attempt_timeout = (min(timeout[0], remaining), remaining)
        try:
            if requests is not None:
                ans = _send_requests(requests, req, attempt_timeout, proxies, ca if ca else True, cap)
            else:
                ans = _send_urllib(req, attempt_timeout, proxies, ca, cap)
        except _TooLarge as e:  # final, as on the native transport
            from ._errors import make_error

            raise make_error(op, {"kind": "decode", "message": f"decode error: {e}"}) from None
        except Exception as e:  # the host stack's own failure (or the mocking library's refusal)
            is_timeout = "timeout" in type(e).__name__.lower() or isinstance(e, TimeoutError)
            delay = None if _mock_refusal(e) else fits(native.retry_delay(req["method"], attempt, None, None, time.monotonic() - start))
            if delay is None:
                raise _host_error(e, RequestTimeoutError if is_timeout else NetworkError) from e
            attempt += 1
            time.sleep(delay)
            continue
        if ans.status >= 300:
            retry_after = None
            for k, v in ans.headers:
                if k.lower() == "retry-after":
                    retry_after = v
            delay = fits(native.retry_delay(req["method"], attempt, ans.status, retry_after, time.monotonic() - start))
            if delay is not None:
                attempt += 1
                time.sleep(delay)
                continue
        return native.finish(op, args_json, ans.status, ans.headers, ans.body, http)  # type: ignore[no-any-return]
