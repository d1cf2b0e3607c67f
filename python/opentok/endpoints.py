"""REST endpoint URLs (the official SDK's ``Endpoints`` helper; requests themselves are built by the core)."""

from typing import Optional


def _deprecated(old: str, new: str) -> None:
    import warnings

    warnings.warn(f"endpoints.{old} is deprecated (use endpoints.{new} instead).", DeprecationWarning, stacklevel=3)


class Endpoints(object):
    """URLs of the OpenTok REST API for one API key (or Vonage application id)."""

    def __init__(self, api_url: str, api_key: str) -> None:
        self.api_url = api_url  # as given (the official helper does not strip a trailing "/")
        self.api_key = api_key

    def _project(self, rest: str) -> str:
        return f"{self.api_url}/v2/project/{self.api_key}{rest}"

    def get_session_url(self) -> str:
        return self.api_url + "/session/create"

    def session_url(self) -> str:
        """Deprecated: use :meth:`get_session_url`."""
        _deprecated("session_url", "get_session_url")
        return self.get_session_url()

    def get_archive_url(self, archive_id: Optional[str] = None) -> str:
        return self._project("/archive" + (f"/{archive_id}" if archive_id else ""))

    def archive_url(self, archive_id: Optional[str] = None) -> str:
        """Deprecated: use :meth:`get_archive_url`."""
        _deprecated("archive_url", "get_archive_url")
        return self.get_archive_url(archive_id)

    def get_signaling_url(self, session_id: str, connection_id: Optional[str] = None) -> str:
        conn = f"/connection/{connection_id}" if connection_id else ""
        return self._project(f"/session/{session_id}{conn}/signal")

    def signaling_url(self, session_id: str, connection_id: Optional[str] = None) -> str:
        """Deprecated: use :meth:`get_signaling_url`."""
        _deprecated("signaling_url", "get_signaling_url")
        return self.get_signaling_url(session_id, connection_id)

    def get_stream_url(self, session_id: str, stream_id: Optional[str] = None) -> str:
        return self._project(f"/session/{session_id}/stream" + (f"/{stream_id}" if stream_id else ""))

    def force_disconnect_url(self, session_id: str, connection_id: str) -> str:
        return self._project(f"/session/{session_id}/connection/{connection_id}")

    def set_archive_layout_url(self, archive_id: str) -> str:
        return self._project(f"/archive/{archive_id}/layout")

    def dial_url(self) -> str:
        return self._project("/dial")

    def set_stream_class_lists_url(self, session_id: str) -> str:
        return self._project(f"/session/{session_id}/stream")

    def get_broadcast_url(self, broadcast_id: Optional[str] = None, stop: bool = False, layout: bool = False) -> str:
        url = self._project("/broadcast" + (f"/{broadcast_id}" if broadcast_id else ""))
        if broadcast_id and stop:
            url += "/stop"
        if broadcast_id and layout:
            url += "/layout"
        return url

    def broadcast_url(self, broadcast_id: Optional[str] = None, stop: bool = False, layout: bool = False) -> str:
        """Deprecated: use :meth:`get_broadcast_url`."""
        _deprecated("broadcast_url", "get_broadcast_url")
        return self.get_broadcast_url(broadcast_id, stop, layout)

    def get_mute_all_url(self, session_id: str) -> str:
        return self._project(f"/session/{session_id}/mute")

    def get_dtmf_all_url(self, session_id: str) -> str:
        return self._project(f"/session/{session_id}/play-dtmf")

    def get_dtmf_specific_url(self, session_id: str, connection_id: str) -> str:
        return self._project(f"/session/{session_id}/connection/{connection_id}/play-dtmf")

    def get_archive_stream(self, archive_id: Optional[str] = None) -> str:
        return self._project(f"/archive/{archive_id}/streams")

    def get_broadcast_stream(self, broadcast_id: Optional[str] = None) -> str:
        return self._project(f"/broadcast/{broadcast_id}/streams")

    def get_render_url(self, render_id: Optional[str] = None) -> str:
        return self._project("/render" + (f"/{render_id}" if render_id else ""))

    def get_audio_connector_url(self) -> str:
        return self._project("/connect")

    def get_captions_url(self, captions_id: Optional[str] = None) -> str:
        return self._project("/captions" + (f"/{captions_id}/stop" if captions_id else ""))
