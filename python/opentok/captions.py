"""Live captions: :class:`Captions` (start result) and :class:`CaptionStatus` (status)."""

from typing import Any, Dict, Optional

from ._model import to_json


class Captions:
    """A captioning session: ``captions_id``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.captions_id: str = kwargs.get("captionsId")  # type: ignore[assignment]

    def json(self) -> str:
        return to_json(dict(self.__dict__))

    def __repr__(self) -> str:
        return f"<Captions captions_id={self.captions_id!r}>"


class CaptionStatus:
    """Status of a captioning session (``get_captions()``; not in the official Python SDK):
    ``captionId``, ``applicationId``, ``sessionId``, ``status``, ``createdAt``, ``updatedAt``,
    ``duration``, ``languageCode``, ``provider``, ``reason``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.captionId: str = kwargs.get("captionId")  # type: ignore[assignment]
        self.applicationId: Optional[str] = kwargs.get("applicationId")
        self.sessionId: Optional[str] = kwargs.get("sessionId")
        self.status: Optional[str] = kwargs.get("status")
        self.createdAt: Optional[int] = kwargs.get("createdAt")
        self.updatedAt: Optional[int] = kwargs.get("updatedAt")
        self.duration: Optional[int] = kwargs.get("duration")
        self.languageCode: Optional[str] = kwargs.get("languageCode")
        self.provider: Optional[str] = kwargs.get("provider")
        self.reason: Optional[str] = kwargs.get("reason")

    def json(self) -> str:
        return to_json(dict(self.__dict__))
