"""Archive operations of :class:`opentok.Client` (mixed into ``opentok.opentok._Base``)."""

from typing import Any, Dict, List, Optional, Union

from ._core import _ClientCore
from ._plumbing import _clean, _enum_value, _none, invalid
from .archives import Archive, ArchiveList, OutputModes, StreamModes


class _ArchiveOps(_ClientCore):
    # ---- archives ----

    def _archive(self, r: Dict[str, Any]) -> Archive:
        return Archive(self, r)

    def start_archive(
        self,
        session_id: str,
        has_audio: bool = True,
        has_video: bool = True,
        name: Optional[str] = None,
        output_mode: Union[OutputModes, str] = OutputModes.composed,
        stream_mode: Union[StreamModes, str] = StreamModes.auto,
        resolution: Optional[str] = None,
        layout: Optional[Dict[str, Any]] = None,
        multi_archive_tag: Optional[str] = None,
        max_bitrate: Optional[int] = None,
        quantization_parameter: Optional[int] = None,
        has_transcription: bool = False,
        transcription_properties: Optional[Dict[str, Any]] = None,
    ) -> Archive:
        """Starts recording a session; returns the :class:`Archive`."""
        # The checks the official package makes (each an OpenTokException there).
        if resolution and (output_mode is OutputModes.individual or output_mode == "individual"):
            raise invalid("start_archive", "resolution", "cannot be supplied for individual output mode")
        if quantization_parameter is not None:
            if not isinstance(quantization_parameter, (int, float)) or isinstance(quantization_parameter, bool):
                raise invalid("start_archive", "quantization_parameter", "must be a number")
            if not 15 <= quantization_parameter <= 40:
                raise invalid("start_archive", "quantization_parameter", "must be between 15 and 40")
        args = _clean({
            "session_id": session_id,
            "name": name,
            "has_audio": has_audio,
            "has_video": has_video,
            "output_mode": _enum_value(output_mode),
            "stream_mode": _enum_value(stream_mode),
            "resolution": resolution,
            "layout": layout,
            "multi_archive_tag": multi_archive_tag,
            "max_bitrate": max_bitrate,
            "quantization_parameter": quantization_parameter,
            "has_transcription": True if has_transcription else None,
            "transcription_properties": transcription_properties,
        })
        return self._run("start_archive", args, self._archive)  # type: ignore[no-any-return]

    def stop_archive(self, archive_id: str) -> Archive:
        """Stops an archive; returns it."""
        return self._run("stop_archive", {"archive_id": archive_id}, self._archive)  # type: ignore[no-any-return]

    def delete_archive(self, archive_id: str) -> None:
        """Deletes an archive (status ``available``, ``uploaded`` or ``deleted``)."""
        return self._run("delete_archive", {"archive_id": archive_id}, _none)  # type: ignore[no-any-return]

    def get_archive(self, archive_id: str) -> Archive:
        """The :class:`Archive` with this id."""
        return self._run("get_archive", {"archive_id": archive_id}, self._archive)  # type: ignore[no-any-return]

    def get_archives(self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None) -> ArchiveList:
        """A page of archives (newest first) as an :class:`ArchiveList`."""
        args = _clean({"offset": offset, "count": count, "session_id": session_id})
        return self._run("list_archives", args, lambda r: ArchiveList(self, r))  # type: ignore[no-any-return]

    def list_archives(self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None) -> ArchiveList:
        """Same as :meth:`get_archives`."""
        return self.get_archives(offset, count, session_id)

    def list_all_archives(self, session_id: Optional[str] = None) -> List[Archive]:
        """Every archive, walking all pages (not in the official SDK)."""
        args = _clean({"session_id": session_id})
        return self._run("list_archives", args, lambda r: [Archive(self, a) for a in r], True)  # type: ignore[no-any-return]

    def set_archive_layout(self, archive_id: str, layout_type: str, stylesheet: Optional[str] = None, screenshare_type: Optional[str] = None) -> None:
        """Changes the layout of a composed archive (``stylesheet`` is sent only with the ``custom`` type, as
        the official SDK does)."""
        layout = _clean({"type": layout_type, "stylesheet": stylesheet if layout_type == "custom" else None,
                         "screenshare_type": screenshare_type})
        return self._run("set_archive_layout", {"archive_id": archive_id, "layout": layout}, _none)  # type: ignore[no-any-return]

    def add_archive_stream(self, archive_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True) -> None:
        """Adds a stream to an archive whose stream mode is manual."""
        args = {"archive_id": archive_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}
        return self._run("add_archive_stream", args, _none)  # type: ignore[no-any-return]

    def remove_archive_stream(self, archive_id: str, stream_id: str) -> None:
        """Removes a stream from an archive whose stream mode is manual."""
        return self._run("remove_archive_stream", {"archive_id": archive_id, "stream_id": stream_id}, _none)  # type: ignore[no-any-return]
