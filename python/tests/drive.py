"""Drives the public API from a vector's (op, core args): the official method and parameter names."""

from typing import Any, Dict

import opentok

_UNSET = object()


def _pop(a: Dict[str, Any], key: str, default: Any = _UNSET) -> Any:
    if key in a:
        return a.pop(key)
    return default


def drive(c: Any, op: str, args: Dict[str, Any]) -> Any:
    a = dict(args)
    kw: Dict[str, Any]
    if op == "create_session":
        kw = {}
        if "media_mode" in a:
            mm = a.pop("media_mode")
            kw["media_mode"] = {"routed": opentok.MediaModes.routed, "relayed": opentok.MediaModes.relayed}.get(mm, mm)
        if "archive_mode" in a:
            am = a.pop("archive_mode")
            kw["archive_mode"] = {"manual": opentok.ArchiveModes.manual, "always": opentok.ArchiveModes.always}.get(am, am)
        kw.update(a)
        return c.create_session(**kw)
    if op == "start_archive":
        sid = a.pop("session_id", None)
        if "layout" in a and a["layout"] is None:
            a.pop("layout")
        return c.start_archive(sid, **a) if sid is not None else c.start_archive(**a)
    if op in ("stop_archive", "get_archive", "delete_archive"):
        return getattr(c, op)(a["archive_id"])
    if op == "list_archives":
        return c.list_archives(**a)
    if op == "set_archive_layout":
        lay = dict(a["layout"])
        return c.set_archive_layout(a["archive_id"], lay.pop("type"), lay.get("stylesheet"),
                                    lay.get("screenshare_type", lay.get("screenshareType")))
    if op == "set_broadcast_layout":
        lay = dict(a["layout"])
        return c.set_broadcast_layout(a["broadcast_id"], lay.pop("type"), lay.get("stylesheet"),
                                      lay.get("screenshare_type", lay.get("screenshareType")))
    if op == "add_archive_stream":
        return c.add_archive_stream(**a)
    if op == "remove_archive_stream":
        return c.remove_archive_stream(a["archive_id"], a["stream_id"])
    if op == "start_broadcast":
        sid = a.pop("session_id", None) or a.get("sessionId")  # options override sessionId, as official
        sm = a.pop("stream_mode", "auto")
        return c.start_broadcast(sid, a, stream_mode=sm)
    if op in ("stop_broadcast", "get_broadcast"):
        return getattr(c, op)(a["broadcast_id"])
    if op == "list_broadcasts":
        return c.list_broadcasts(**a)
    if op == "add_broadcast_stream":
        return c.add_broadcast_stream(**a)
    if op == "remove_broadcast_stream":
        return c.remove_broadcast_stream(a["broadcast_id"], a["stream_id"])
    if op == "get_stream":
        return c.get_stream(a["session_id"], a["stream_id"])
    if op == "list_streams":
        return c.list_streams(a["session_id"])
    if op == "set_stream_class_lists":
        return c.set_stream_class_lists(a["session_id"], a["items"])
    if op == "set_stream_class_list":
        return c.set_stream_class_list(a["session_id"], a["stream_id"], a["layout_class_list"])
    if op == "list_connections":
        return c.list_connections(a["session_id"])
    if op == "send_signal":
        sid = a.pop("session_id")
        conn = a.pop("connection_id", None)
        return c.send_signal(sid, a, conn)
    if op == "force_disconnect":
        return c.force_disconnect(a["session_id"], a["connection_id"])
    if op == "mute_stream":
        return c.mute_stream(a["session_id"], a["stream_id"])
    if op == "mute_all":
        ex = a.get("excluded_stream_ids", a.get("excluded_streams"))
        return c.mute_all(a["session_id"], ex)
    if op == "disable_force_mute":
        return c.disable_force_mute(a["session_id"])
    if op == "dial":
        sid, tok, uri = a.pop("session_id"), a.pop("token"), a.pop("uri")
        if "observe_force_mute" in a:
            a["observeForceMute"] = a.pop("observe_force_mute")
        return c.dial(sid, tok, uri, a)
    if op == "play_dtmf":
        return c.play_dtmf(a["session_id"], a.get("connection_id"), a["digits"])
    if op == "start_render":
        sid, tok, url = a.pop("session_id"), a.pop("token"), a.pop("url")
        return c.start_render(sid, tok, url, **a)
    if op in ("get_render", "stop_render"):
        return getattr(c, op)(a["render_id"])
    if op == "list_renders":
        return c.list_renders(**a)
    if op == "connect_audio":
        sid, tok = a.pop("session_id"), a.pop("token")
        if "audio_rate" in a:
            a["audioRate"] = a.pop("audio_rate")
        return c.connect_audio_to_websocket(sid, tok, a)
    if op == "stop_audio_connector":
        return c.stop_audio_connector(a["connection_id"])
    if op == "start_captions":
        sid, tok = a.pop("session_id"), a.pop("token")
        return c.start_captions(sid, tok, **a)
    if op in ("stop_captions", "get_captions"):
        return getattr(c, op)(a["captions_id"])
    if op == "register_callback":
        return c.register_callback(**a)
    if op == "list_callbacks":
        return c.list_callbacks()
    if op == "unregister_callback":
        return c.unregister_callback(a["callback_id"])
    raise AssertionError(f"no public method is mapped for operation {op!r}")


# Values the official SDK always sends for these operations (its signature defaults); our
# methods send them too, so the recorded body may hold them on top of the vector's body.
OFFICIAL_DEFAULTS: Dict[str, Dict[str, Any]] = {
    "start_archive": {"hasAudio": True, "hasVideo": True, "outputMode": "composed", "streamMode": "auto"},
    "start_broadcast": {"streamMode": "auto"},
    "start_render": {"maxDuration": 7200, "resolution": "1280x720"},
    "start_captions": {"languageCode": "en-US", "maxDuration": 14400, "partialCaptions": True},
}


# The argument names each official method can spell (its parameters, by the core's snake_case names). A
# vector whose top-level arguments fall outside them (camelCase ids, unknown top-level keys) cannot be
# driven through the official signature; the operations that take an options dict accept any key.
_OPTIONS_DICT = {"start_broadcast", "dial", "connect_audio", "send_signal"}
_ARCHIVE_START = {"session_id", "has_audio", "has_video", "name", "output_mode", "stream_mode", "resolution", "layout",
                  "multi_archive_tag", "max_bitrate", "quantization_parameter", "has_transcription",
                  "transcription_properties"}
_LAYOUT_KEYS = {"type", "stylesheet", "screenshare_type", "screenshareType"}
_KEYS: Dict[str, Any] = {
    "create_session": {"location", "media_mode", "archive_mode", "archive_name", "archive_resolution", "e2ee"},
    "start_archive": _ARCHIVE_START,
    "stop_archive": {"archive_id"}, "get_archive": {"archive_id"}, "delete_archive": {"archive_id"},
    "list_archives": {"offset", "count", "session_id"}, "list_broadcasts": {"offset", "count", "session_id"},
    "set_archive_layout": {"archive_id", "layout"}, "set_broadcast_layout": {"broadcast_id", "layout"},
    "add_archive_stream": {"archive_id", "stream_id", "has_audio", "has_video"},
    "remove_archive_stream": {"archive_id", "stream_id"},
    "add_broadcast_stream": {"broadcast_id", "stream_id", "has_audio", "has_video"},
    "remove_broadcast_stream": {"broadcast_id", "stream_id"},
    "stop_broadcast": {"broadcast_id"}, "get_broadcast": {"broadcast_id"},
    "get_stream": {"session_id", "stream_id"}, "list_streams": {"session_id"},
    "set_stream_class_lists": {"session_id", "items"},
    "set_stream_class_list": {"session_id", "stream_id", "layout_class_list"},
    "list_connections": {"session_id"}, "force_disconnect": {"session_id", "connection_id"},
    "mute_stream": {"session_id", "stream_id"}, "mute_all": {"session_id", "excluded_stream_ids", "excluded_streams"},
    "disable_force_mute": {"session_id"}, "play_dtmf": {"session_id", "connection_id", "digits"},
    "start_render": {"session_id", "token", "url", "max_duration", "resolution", "properties", "status_callback_url"},
    "get_render": {"render_id"}, "stop_render": {"render_id"}, "list_renders": {"offset", "count"},
    "stop_audio_connector": {"connection_id"},
    "start_captions": {"session_id", "token", "language_code", "max_duration", "partial_captions", "status_callback_url"},
    "stop_captions": {"captions_id"}, "get_captions": {"captions_id"},
    "register_callback": {"group", "event", "url"}, "list_callbacks": set(), "unregister_callback": {"callback_id"},
}


_POSITIONAL = {"dial": {"session_id", "token", "uri"}, "connect_audio": {"session_id", "token"},
               "send_signal": {"session_id"}}


def expressible(op: str, args: Dict[str, Any]) -> bool:
    """Whether the official Python signature of ``op`` can pass ``args`` (see ``_KEYS``)."""
    if op in _POSITIONAL:
        # positional ids must be there by their snake_case names; camelCase ones would land in the options
        return _POSITIONAL[op] <= set(args) and not {"sessionId", "connectionId"} & set(args)
    if op in _OPTIONS_DICT or op not in _KEYS:
        return True
    if not set(args) <= _KEYS[op]:
        return False
    layout = args.get("layout")
    if op in ("set_archive_layout", "set_broadcast_layout") and isinstance(layout, dict):
        return set(layout) <= _LAYOUT_KEYS
    return True
