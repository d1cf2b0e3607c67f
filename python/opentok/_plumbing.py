"""Module-level plumbing of the clients (moved out of ``opentok.opentok``, which re-exports every name).

Error constructors, JSON helpers, transport counters and mock detection, the ``opentok`` logger and
the fork generation. ``_logger`` and ``_fork_gen`` are rebound at run time: read them as attributes
of this module (``opentok.opentok`` forwards its own ``_logger``/``_fork_gen`` here).
"""

import json
import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Any, Dict, Optional

from . import _native
from .exceptions import OpenTokException

if TYPE_CHECKING:
    from ._response import Response

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


DEFAULT_API_URL = "https://api.opentok.com"
VONAGE_API_URL = "https://video.api.vonage.com"

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_loads = json.loads


def _enum_value(v: Any) -> Any:
    return v.value if isinstance(v, Enum) else v


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


def _none(_: Any) -> None:
    return None


def _http(r: Dict[str, Any]) -> "Response":
    from ._response import Response

    body = r.get("body_text")
    return Response(int(r.get("status") or 200), r.get("headers") or {}, (body or "").encode("utf-8"), r.get("url") or "",
                    r.get("method") or "")
