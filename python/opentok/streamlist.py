"""The :class:`StreamList` result object."""

from typing import Any, Dict, Iterator, List, Optional

from ._model import to_json
from .exceptions import GetStreamError
from .stream import Stream


class StreamList(object):
    """The streams of a session: ``count`` and ``items`` (:class:`Stream` objects)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.count: Optional[int] = values.get("count")
        self.items: List[Stream] = [Stream(x) for x in values.get("items", [])]

    def __iter__(self) -> Iterator[Stream]:
        return iter(self.items)

    def json(self) -> str:
        return to_json({"count": self.count, "items": [s.attrs() for s in self.items]})

    def __getitem__(self, key: int) -> Stream:
        return self.items[key]

    def __setitem__(self, key: Any, item: Any) -> None:
        raise GetStreamError("Cannot set item {0} for key {1} in StreamList object".format(item, key))

    def __len__(self) -> int:
        return len(self.items)
