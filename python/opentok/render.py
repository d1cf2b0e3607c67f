"""Experience Composer renders: :class:`Render` and :class:`RenderList`."""

from typing import Any, Dict, Iterator, List, Optional

from ._model import to_json


class Render:
    """An Experience Composer render: ``id``, ``sessionId``, ``projectId``, ``createdAt``,
    ``updatedAt``, ``url``, ``resolution``, ``status``, ``streamId``, ``reason``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.id: str = kwargs.get("id")  # type: ignore[assignment]
        self.sessionId: Optional[str] = kwargs.get("sessionId")
        self.projectId: Any = kwargs.get("projectId")
        self.createdAt: Optional[int] = kwargs.get("createdAt")
        self.updatedAt: Optional[int] = kwargs.get("updatedAt")
        self.url: Optional[str] = kwargs.get("url")
        self.resolution: Optional[str] = kwargs.get("resolution")
        self.status: Optional[str] = kwargs.get("status")
        self.streamId: Optional[str] = kwargs.get("streamId") or None
        self.reason: Optional[str] = kwargs.get("reason") or None

    def json(self) -> str:
        return to_json(self.attrs())

    def attrs(self) -> Dict[str, Any]:
        """The render's attributes as a dictionary."""
        return dict(self.__dict__)

    def __repr__(self) -> str:
        return f"<Render id={self.id!r} status={self.status!r}>"


class RenderList:
    """A page of renders: ``count`` and ``items``."""

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        self.count: Optional[int] = values.get("count")
        self.items: List[Render] = [Render(x) for x in values.get("items", [])]

    def __iter__(self) -> Iterator[Render]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def attrs(self) -> Dict[str, Any]:
        return {"count": self.count, "items": [r.attrs() for r in self.items]}

    def json(self) -> str:
        return to_json(self.attrs())
