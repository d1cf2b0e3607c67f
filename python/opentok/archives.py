"""Archives: :class:`Archive`, :class:`ArchiveList` and the archive enums."""

from enum import Enum
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

from ._model import dthandler, attrs_of, repr_of, to_json
from .exceptions import ArchiveError

if TYPE_CHECKING:
    from datetime import datetime


class OutputModes(Enum):
    """Values of the ``output_mode`` parameter of ``start_archive()``."""

    composed = "composed"
    """All streams in the archive are recorded to a single (composed) file."""
    individual = "individual"
    """Each stream in the archive is recorded to an individual file."""


class StreamModes(Enum):
    """Values of the ``stream_mode`` parameter of ``start_archive()``."""

    auto = "auto"
    """Streams are added to the archive automatically."""
    manual = "manual"
    """Streams are added with ``add_archive_stream()`` / ``remove_archive_stream()``."""


def _ms_to_datetime(ms: Any) -> Optional["datetime"]:
    if ms is None:
        return None
    from datetime import datetime, timezone

    return datetime.fromtimestamp(int(ms) // 1000, timezone.utc)


class Archive(object):
    """An archive of an OpenTok session.

    Attributes (as in the official SDK): ``id``, ``name``, ``status``, ``session_id``, ``partner_id``,
    ``created_at`` (an aware UTC ``datetime``), ``size``, ``duration``, ``has_audio``, ``has_video``,
    ``output_mode`` (:class:`OutputModes`), ``stream_mode``, ``streams``, ``url``, ``resolution``,
    ``max_bitrate``, ``quantization_parameter``, ``has_transcription``, ``transcription_properties``;
    and also ``reason``, ``project_id``, ``updated_at``, ``multi_archive_tag``, ``transcription``.
    """

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        self.sdk = sdk
        self._update(values)

    def _update(self, values: Dict[str, Any]) -> None:
        self.id: str = values.get("id")  # type: ignore[assignment]
        self.name: Optional[str] = values.get("name")
        self.status: Optional[str] = values.get("status")
        self.session_id: Optional[str] = values.get("sessionId")
        self.partner_id: Any = values.get("partnerId")
        self.project_id: Any = values.get("projectId", values.get("partnerId"))
        self.created_at: Optional["datetime"] = _ms_to_datetime(values.get("createdAt"))
        self.updated_at: Optional[int] = values.get("updatedAt")
        self.size: Optional[int] = values.get("size")
        self.duration: Optional[int] = values.get("duration")
        self.has_audio: Optional[bool] = values.get("hasAudio")
        self.has_video: Optional[bool] = values.get("hasVideo")
        mode = values.get("outputMode") or "composed"
        self.output_mode: OutputModes = OutputModes(mode) if mode in ("composed", "individual") else OutputModes.composed
        self.stream_mode: Any = values.get("streamMode", StreamModes.auto)
        self.streams: Optional[List[Dict[str, Any]]] = values.get("streams")
        self.url: Optional[str] = values.get("url")
        self.resolution: Optional[str] = values.get("resolution")
        self.max_bitrate: Optional[int] = values.get("maxBitrate")
        self.quantization_parameter: Optional[int] = values.get("quantizationParameter")
        self.has_transcription: bool = values.get("hasTranscription", False)
        self.transcription_properties: Optional[Dict[str, Any]] = values.get("transcriptionProperties")
        self.transcription: Optional[Dict[str, Any]] = values.get("transcription")
        self.reason: Optional[str] = values.get("reason")
        self.multi_archive_tag: Optional[str] = values.get("multiArchiveTag")

    def stop(self) -> Any:
        """Stops the archive and refreshes this object (a coroutine when it came from an AsyncClient)."""
        result = self.sdk.stop_archive(self.id)
        if hasattr(result, "__await__"):
            return self._await_update(result)
        self.__dict__.update(result.attrs())
        return None

    async def _await_update(self, pending: Any) -> None:
        archive = await pending
        self.__dict__.update(archive.attrs())

    def delete(self) -> Any:
        """Deletes the archive (a coroutine when it came from an AsyncClient)."""
        return self.sdk.delete_archive(self.id)

    def attrs(self) -> Dict[str, Any]:
        """The archive's attributes as a dictionary."""
        return attrs_of(self)

    def json(self) -> str:
        """The archive as JSON."""
        return to_json(self.attrs())

    def __repr__(self) -> str:
        return repr_of(self, "id", "status", "session_id", "name")


class ArchiveList(object):
    """A page of archives: ``count`` is the total number, ``items`` this page's :class:`Archive` objects."""

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        self.count: Optional[int] = values.get("count")
        self.items: List[Archive] = [Archive(sdk, x) for x in values.get("items", [])]

    def __iter__(self) -> Iterator[Archive]:
        return iter(self.items)

    def attrs(self) -> Dict[str, Any]:
        return {"count": self.count, "items": [a.attrs() for a in self.items]}

    def json(self) -> str:
        return to_json(self.attrs())

    def __getitem__(self, key: int) -> Archive:
        return self.items[key]

    def __setitem__(self, key: Any, item: Any) -> None:
        raise ArchiveError("Cannot set item {0} for key {1} in Archive object".format(item, key))

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"<ArchiveList count={self.count} items={len(self.items)}>"
