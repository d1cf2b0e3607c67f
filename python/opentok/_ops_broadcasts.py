"""Broadcast operations of :class:`opentok.Client` (mixed into ``opentok.opentok._Base``)."""

from typing import Any, Dict, Optional, Union

from ._core import _ClientCore
from ._plumbing import _clean, _enum_value, _none, invalid
from .broadcast import Broadcast, BroadcastList, BroadcastStreamModes


class _BroadcastOps(_ClientCore):
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
