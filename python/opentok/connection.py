"""Connections of a session (``list_connections()``; not in the official Python SDK)."""

from typing import Any, Dict, Iterator, List, Optional


class Connection:
    """A client connection: ``connectionId``, ``connectionState``, ``createdAt``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.connectionId: str = kwargs.get("connectionId")  # type: ignore[assignment]
        self.connectionState: Optional[str] = kwargs.get("connectionState")
        self.createdAt: Optional[int] = kwargs.get("createdAt")

    def __repr__(self) -> str:
        return f"<Connection connectionId={self.connectionId!r} connectionState={self.connectionState!r}>"


class ConnectionList:
    """``count``, ``sessionId``, ``projectId`` and ``items`` (:class:`Connection` objects)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.count: int = values.get("count") or 0
        self.sessionId: Optional[str] = values.get("sessionId")
        self.projectId: Any = values.get("projectId", values.get("applicationId"))
        self.items: List[Connection] = [Connection(x) for x in values.get("items", [])]

    def __iter__(self) -> Iterator[Connection]:
        return iter(self.items)

    def __getitem__(self, key: int) -> Connection:
        return self.items[key]

    def __len__(self) -> int:
        return len(self.items)
