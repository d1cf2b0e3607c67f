"""Project callbacks (legacy ``/callback`` routes; not in the official Python SDK)."""

from typing import Any, Dict, Optional


class Callback:
    """A registered callback: ``id``, ``group``, ``event``, ``url``, ``createdAt``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.id: str = kwargs.get("id")  # type: ignore[assignment]
        self.group: Optional[str] = kwargs.get("group")
        self.event: Optional[str] = kwargs.get("event")
        self.url: Optional[str] = kwargs.get("url")
        self.createdAt: Optional[int] = kwargs.get("createdAt")

    def __repr__(self) -> str:
        return f"<Callback id={self.id!r} group={self.group!r} event={self.event!r}>"
