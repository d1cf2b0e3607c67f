"""The :class:`Stream` result object."""

from typing import Any, Dict, List, Optional

from ._model import dthandler, to_json


class Stream(object):
    """A stream in a session: ``id``, ``videoType``, ``name``, ``layoutClassList``."""

    def __init__(self, kwargs: Dict[str, Any]) -> None:
        self.id: str = kwargs.get("id")  # type: ignore[assignment]
        self.videoType: Optional[str] = kwargs.get("videoType")
        self.name: Optional[str] = kwargs.get("name")
        self.layoutClassList: Optional[List[str]] = kwargs.get("layoutClassList")

    def attrs(self) -> Dict[str, Any]:
        """The stream's attributes as a dictionary."""
        return dict(self.__dict__)

    def json(self) -> str:
        return to_json(self.attrs())

    def __repr__(self) -> str:
        return f"<Stream id={self.id!r} videoType={self.videoType!r}>"
