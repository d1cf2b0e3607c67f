"""Live-streaming broadcasts: :class:`Broadcast`, :class:`BroadcastList`, :class:`BroadcastStreamModes`."""

from enum import Enum
from typing import Any, Dict, Iterator, List, Optional

from ._model import repr_of, to_json


class BroadcastStreamModes(Enum):
    """Values of the ``stream_mode`` parameter of ``start_broadcast()``."""

    auto = "auto"
    """Streams are added to the broadcast automatically."""
    manual = "manual"
    """Streams are added with ``add_broadcast_stream()`` / ``remove_broadcast_stream()``."""


class Broadcast(object):
    """A live-streaming broadcast. Attribute names follow the official SDK (camelCase):
    ``id``, ``sessionId``, ``projectId``, ``createdAt``, ``updatedAt``, ``hasAudio``, ``hasVideo``,
    ``maxBitrate``, ``maxDuration``, ``resolution``, ``status``, ``broadcastUrls``, ``stream_mode``,
    ``streams``; also ``multiBroadcastTag`` and ``settings``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.id: str = kwargs.get("id")  # type: ignore[assignment]
        self.sessionId: Optional[str] = kwargs.get("sessionId")
        self.projectId: Any = kwargs.get("projectId")
        self.createdAt: Optional[int] = kwargs.get("createdAt")
        self.updatedAt: Optional[int] = kwargs.get("updatedAt")
        self.hasAudio: Optional[bool] = kwargs.get("hasAudio")
        self.hasVideo: Optional[bool] = kwargs.get("hasVideo")
        self.maxBitrate: Optional[int] = kwargs.get("maxBitrate")
        self.maxDuration: Optional[int] = kwargs.get("maxDuration")
        self.resolution: Optional[str] = kwargs.get("resolution")
        self.status: Optional[str] = kwargs.get("status")
        self.broadcastUrls: Optional[Dict[str, Any]] = kwargs.get("broadcastUrls")
        self.stream_mode: Any = kwargs.get("streamMode", BroadcastStreamModes.auto)
        self.streams: Optional[List[Any]] = kwargs.get("streams")
        self.multiBroadcastTag: Optional[str] = kwargs.get("multiBroadcastTag")
        self.settings: Optional[Dict[str, Any]] = kwargs.get("settings")

    def attrs(self) -> Dict[str, Any]:
        return dict(self.__dict__)

    def json(self) -> str:
        """The broadcast as JSON."""
        return to_json(self.attrs())

    def __repr__(self) -> str:
        return repr_of(self, "id", "status", "sessionId")


class BroadcastList(object):
    """A page of broadcasts (``count`` total, ``items``). Not in the official Python SDK."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.count: int = values.get("count") or 0
        self.items: List[Broadcast] = [Broadcast(x) for x in values.get("items", [])]

    def __iter__(self) -> Iterator[Broadcast]:
        return iter(self.items)

    def __getitem__(self, key: int) -> Broadcast:
        return self.items[key]

    def __len__(self) -> int:
        return len(self.items)

    def json(self) -> str:
        return to_json({"count": self.count, "items": [b.attrs() for b in self.items]})
