"""The :class:`WebSocketAudioConnection` returned by ``connect_audio_to_websocket()``."""

from typing import Any, Dict, Optional

from ._model import to_json


class WebSocketAudioConnection:
    """An Audio Connector connection: ``id``, ``connectionId``, ``bidirectional``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.id: str = kwargs.get("id")  # type: ignore[assignment]
        self.connectionId: Optional[str] = kwargs.get("connectionId")
        self.bidirectional: Optional[bool] = kwargs.get("bidirectional")

    def json(self) -> str:
        return to_json(self.attrs())

    def attrs(self) -> Dict[str, Any]:
        return dict(self.__dict__)

    def __repr__(self) -> str:
        return f"<WebSocketAudioConnection id={self.id!r} connectionId={self.connectionId!r}>"
