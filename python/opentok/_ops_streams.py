"""Stream, connection, signal and moderation operations of :class:`opentok.Client` (mixed into
``opentok.opentok._Base``)."""

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ._core import _ClientCore
from ._plumbing import _http, _none, invalid
from .stream import Stream
from .streamlist import StreamList

if TYPE_CHECKING:
    from ._response import Response
    from .connection import ConnectionList


class _StreamOps(_ClientCore):
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
