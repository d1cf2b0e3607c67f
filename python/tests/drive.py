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
        sid = a.pop("session_id")
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
