"""The :class:`SipCall` result object."""

from typing import Any, Dict, Optional

from ._model import to_json


class SipCall(object):
    """A SIP call: ``id``, ``connectionId``, ``streamId``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.id: str = kwargs.get("id")  # type: ignore[assignment]
        self.connectionId: Optional[str] = kwargs.get("connectionId")
        self.streamId: Optional[str] = kwargs.get("streamId")

    def json(self) -> str:
        return to_json(dict(self.__dict__))

    def __repr__(self) -> str:
        return f"<SipCall id={self.id!r} connectionId={self.connectionId!r}>"
