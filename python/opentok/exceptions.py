"""Exception classes of the ``opentok`` package.

The official package's classes keep their names and hierarchy (every one derives from
:class:`OpenTokException`). Every exception raised by this package also carries the structured
details the Rust core reports:

``kind``           ``invalid_argument``, ``auth``, ``not_found``, ``conflict``, ``rate_limited``,
                   ``api``, ``timeout``, ``network`` or ``decode`` (``None`` for errors raised in Python)
``status``         HTTP status of the server's answer (``status_code`` is an alias), or ``None``
``server_message`` the ``message`` of the server's error body
``code``           the ``code`` of the server's error body
``request_id``     the request id the server attached
``field``/``reason`` for argument errors: the offending argument and why
``retry_after``    for 429 answers: the seconds the server asked to wait
"""

from typing import Any, Dict, Optional, Tuple, Type

__all__ = [
    "OpenTokException",
    "RequestError",
    "AuthError",
    "NotFoundError",
    "ArchiveError",
    "SignalingError",
    "GetStreamError",
    "ForceDisconnectError",
    "SipDialError",
    "SetStreamClassError",
    "BroadcastError",
    "DTMFError",
    "ArchiveStreamModeError",
    "BroadcastStreamModeError",
    "BroadcastHLSOptionsError",
    "BroadcastOptionsError",
    "InvalidWebSocketOptionsError",
    "InvalidMediaModeError",
    "CaptioningAlreadyInProgressError",
    "InvalidArgumentError",
    "RateLimitError",
    "RequestTimeoutError",
    "NetworkError",
    "InvalidResponseError",
]


class OpenTokException(Exception):
    """Base class of every exception raised by the OpenTok SDK."""

    kind: Optional[str] = None
    status: Optional[int] = None
    server_message: Optional[str] = None
    code: Optional[str] = None
    request_id: Optional[str] = None
    field: Optional[str] = None
    reason: Optional[str] = None
    retry_after: Optional[int] = None

    @property
    def status_code(self) -> Optional[int]:
        """Alias of :attr:`status` (the HTTP status code)."""
        return self.status


class RequestError(OpenTokException):
    """The request failed: an unexpected answer from the OpenTok API or no answer at all."""


class AuthError(OpenTokException):
    """The credentials were rejected (HTTP 401/403): check the API key and secret."""


class NotFoundError(OpenTokException):
    """The requested resource does not exist (HTTP 404)."""


class ArchiveError(OpenTokException):
    """An archive-specific problem, e.g. the archive is not in a state that allows the request."""


class SignalingError(OpenTokException):
    """A signal could not be sent: invalid property, client not connected, or too large."""


class GetStreamError(OpenTokException):
    """Invalid stream request: the session id or stream id is invalid."""


class ForceDisconnectError(OpenTokException):
    """A force-disconnect failed: invalid argument, or the client is not connected."""


class SipDialError(OpenTokException):
    """A SIP dial failed: invalid or unknown session, or a session that is not routed."""


class SetStreamClassError(OpenTokException):
    """Invalid stream class list request (invalid JSON or layout options)."""


class BroadcastError(OpenTokException):
    """A broadcast-specific problem (invalid options, already started, not found, ...)."""


class DTMFError(OpenTokException):
    """Invalid DTMF request (digits, session id or connection id)."""


class ArchiveStreamModeError(OpenTokException):
    """The archive's stream mode does not allow adding or removing streams."""


class BroadcastStreamModeError(OpenTokException):
    """The broadcast's stream mode does not allow adding or removing streams."""


class BroadcastHLSOptionsError(OpenTokException):
    """HLS options are invalid (``dvr`` and ``lowLatency`` cannot both be true)."""


class BroadcastOptionsError(OpenTokException):
    """Broadcast options are invalid."""


class InvalidWebSocketOptionsError(OpenTokException):
    """Audio Connector WebSocket options are invalid."""


class InvalidMediaModeError(OpenTokException):
    """The session's media mode does not allow the request (it must be routed)."""


class CaptioningAlreadyInProgressError(OpenTokException):
    """Live captions have already started for this session."""


# ---- classes this package adds (all are OpenTokException subclasses) ----


class InvalidArgumentError(OpenTokException, ValueError):
    """An argument failed validation before anything was sent; ``field`` names it."""


class RateLimitError(RequestError):
    """HTTP 429 after the automatic retries; ``retry_after`` is the wait the server asked for."""


class RequestTimeoutError(RequestError):
    """The request did not complete within the client's timeout."""


class NetworkError(RequestError):
    """The connection failed (refused, reset, DNS, TLS or proxy)."""


class InvalidResponseError(RequestError, ValueError):
    """The server's answer could not be decoded (also a ``ValueError``, like the JSON error the official
    package lets through)."""


_combined: Dict[Tuple[type, type], type] = {}


def _combine(primary: Type[OpenTokException], secondary: Type[OpenTokException]) -> Type[OpenTokException]:
    """A class that is both ``primary`` (the official SDK's class for the situation) and
    ``secondary`` (the class for the kind of failure), so either ``except`` clause catches it."""
    if issubclass(primary, secondary):
        return primary
    if issubclass(secondary, primary):
        return secondary
    key = (primary, secondary)
    cls = _combined.get(key)
    if cls is None:
        cls = type(primary.__name__, (primary, secondary), {"__module__": __name__, "__doc__": primary.__doc__})
        _combined[key] = cls
    return cls


def _populate(exc: OpenTokException, info: Dict[str, Any]) -> OpenTokException:
    exc.kind = info.get("kind")
    exc.status = info.get("status")
    exc.server_message = info.get("server_message")
    code = info.get("code")
    exc.code = None if code is None else str(code)
    exc.request_id = info.get("request_id")
    exc.field = info.get("field")
    exc.reason = info.get("reason")
    exc.retry_after = info.get("retry_after")
    return exc
