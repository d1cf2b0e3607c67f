"""SIP/DTMF, Experience Composer, Audio Connector, live captions and project callback operations of
:class:`opentok.Client` (mixed into ``opentok.opentok._Base``)."""

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ._core import _ClientCore
from ._plumbing import _clean, _http, _none, invalid
from .render import Render, RenderList
from .sip_call import SipCall
from .websocket_audio_connection import WebSocketAudioConnection

if TYPE_CHECKING:
    from ._response import Response
    from .callbacks import Callback
    from .captions import Captions, CaptionStatus


class _IntegrationOps(_ClientCore):
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
