"""Differential suite: the official PyPI `opentok` (3.15.0) and ours make the same calls with the same
arguments against one emulator seeded with the same answers; results are compared attribute by
attribute, errors class by class, and the requests sent (the emulator's request log) field by field.

Driver:  python3 diff_python.py <emulator-url> <official-python> <ours-python>
         (run by tests/peers/run.sh; each side runs in its own interpreter/venv as a subprocess)
Side:    <python> diff_python.py --side <emulator-url> <sid>   (prints one JSON line per case)
Vectors: <official-python> diff_python.py --fidelity tests/vectors/responses.json tests/vectors/fidelity/python.json
         (in target/peers/venv with `responses` installed: feeds every response vector to the official
         package and writes the attribute values it exposes; python/tests/test_fidelity.py asserts ours)

Every difference is either fixed or listed in KNOWN below with its reason (the same list is in the
Python section of docs/compatibility.md); the run ends with `N passed, N failed`.
"""

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Optional, Tuple

KEY = "123456"
SECRET = "0123456789abcdef0123456789abcdef01234567"
P = f"/v2/project/{KEY}"
AID = "b40ef09b-3811-4726-b508-e41a0f96c68f"
BID = "1748b7070a81464c9759c46ad10d3734"
RID = "80abaf0d-25a3-4efc-968f-6268d620668d"
STID = "8b732909-0a06-46a2-8ea8-074e64d43422"
CID = "d2b1e6d8-2b1e-4f4b-9c63-1d3b0b1b8a11"

ARCHIVE = {
    "id": AID, "name": "n", "status": "started", "sessionId": "$SID", "projectId": 123456, "createdAt": 1384221730000,
    "size": 0, "duration": 0, "hasAudio": True, "hasVideo": True, "outputMode": "composed", "streamMode": "auto",
    "resolution": "640x480", "url": None, "reason": "", "streams": [],
}
ARCHIVE_MIN = {"id": AID, "status": "started", "sessionId": "$SID", "createdAt": 1384221730000}
ARCHIVE_UNKNOWN = dict(ARCHIVE, futureField={"a": 1}, anotherOne=[1, 2])
ARCHIVE_DUP = (
    '{"id":"%s","status":"started","status":"stopped","createdAt":1384221730000,"size":1,"size":2}' % AID
)
ARCHIVE_FLOATS = dict(ARCHIVE, size=1.0, duration=2.5, createdAt=1384221730000.0)
BROADCAST = {
    "id": BID, "sessionId": "$SID", "projectId": 123456, "createdAt": 1437676551000, "updatedAt": 1437676551000,
    "resolution": "640x480", "status": "started", "maxDuration": 5400, "maxBitrate": 2000000,
    "broadcastUrls": {"hls": "http://server/fakepath/playlist.m3u8",
                      "rtmp": [{"id": "foo", "serverUrl": "rtmp://myfooserver/myfooapp", "streamName": "x",
                                "status": "live"}]},
    "streamMode": "auto", "streams": [], "hasAudio": True, "hasVideo": True,
}
BROADCAST_MIN = {"id": BID, "sessionId": "$SID", "status": "started", "createdAt": 1437676551000}
BROADCAST_RTMP_OBJ = dict(BROADCAST, broadcastUrls={"rtmp": {"foo": {"serverUrl": "rtmp://a/b", "streamName": "x"}}})
STREAM = {"id": STID, "videoType": "camera", "name": "", "layoutClassList": ["full"]}
RENDER = {"id": RID, "sessionId": "$SID", "projectId": "123456", "createdAt": 1437676551000,
          "updatedAt": 1437676551000, "url": "https://webapp.customer.com", "resolution": "1280x720",
          "status": "started", "streamId": "e32445b743678c98230f238"}
XML_SESSION = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session>'
               '<session_id>$SID</session_id><partner_id>123456</partner_id>'
               '<create_dt>Mon Mar 17 00:41:31 PDT 2014</create_dt></Session></sessions>')


def ans(path: str, status: int, body: Any = None, method: Optional[str] = None, count: int = 1) -> Dict[str, Any]:
    f: Dict[str, Any] = {"path": path, "status": status, "count": count}
    if method:
        f["method"] = method
    if body is not None:
        f["body"] = body if isinstance(body, str) else json.dumps(body)
    return f


def err(code: int) -> Dict[str, Any]:
    return {"code": code, "message": f"seeded error {code}"}


# name, seeded answers, call [method, args, kwargs], client kwargs
CASES: List[Tuple[str, List[Dict[str, Any]], List[Any]]] = [
    ("create_session (emulator)", [], ["create_session", [], {"media_mode": "$routed"}]),
    ("create_session XML answer", [ans("/session/create", 200, XML_SESSION)], ["create_session", [], {}]),
    ("create_session XML answer (application/xml)", [dict(ans("/session/create", 200, XML_SESSION), contentType="application/xml")],
     ["create_session", [], {}]),
    ("create_session JSON answer", [ans("/session/create", 200, [{"session_id": "$SID", "project_id": KEY, "partner_id": KEY,
                                                                  "create_dt": "Mon Mar 17 00:41:31 PDT 2014",
                                                                  "media_server_url": ""}])], ["create_session", [], {}]),
    ("create_session empty JSON array", [ans("/session/create", 200, [])], ["create_session", [], {}]),
    ("create_session 403", [ans("/session/create", 403, err(403))], ["create_session", [], {}]),
    ("create_session 500", [ans("/session/create", 500, err(500))], ["create_session", [], {}]),
    ("start_archive full", [ans(P + "/archive", 200, ARCHIVE)],
     ["start_archive", ["$SID"], {"name": "n", "has_audio": True, "has_video": False, "output_mode": "$composed",
                                  "resolution": "640x480", "layout": {"type": "custom", "stylesheet": "s{}", "future": 1},
                                  "multi_archive_tag": "t", "max_bitrate": 300000}]),
    ("start_archive defaults", [ans(P + "/archive", 200, ARCHIVE)], ["start_archive", ["$SID"], {}]),
    ("start_archive transcription", [ans(P + "/archive", 200, ARCHIVE)],
     ["start_archive", ["$SID"], {"has_transcription": True, "transcription_properties": {"partialCaptions": True, "x": 1}}]),
    ("start_archive 400", [ans(P + "/archive", 400, err(400))], ["start_archive", ["$SID"], {}]),
    ("start_archive 403", [ans(P + "/archive", 403, err(403))], ["start_archive", ["$SID"], {}]),
    ("start_archive 404", [ans(P + "/archive", 404, err(404))], ["start_archive", ["$SID"], {}]),
    ("start_archive 409", [ans(P + "/archive", 409, err(409))], ["start_archive", ["$SID"], {}]),
    ("start_archive 500", [ans(P + "/archive", 500, err(500))], ["start_archive", ["$SID"], {}]),
    ("get_archive full", [ans(P + "/archive", 200, ARCHIVE)], ["get_archive", [AID], {}]),
    ("get_archive absent fields", [ans(P + "/archive", 200, ARCHIVE_MIN)], ["get_archive", [AID], {}]),
    ("get_archive unknown fields", [ans(P + "/archive", 200, ARCHIVE_UNKNOWN)], ["get_archive", [AID], {}]),
    ("get_archive duplicate keys", [ans(P + "/archive", 200, ARCHIVE_DUP)], ["get_archive", [AID], {}]),
    ("get_archive floats", [ans(P + "/archive", 200, ARCHIVE_FLOATS)], ["get_archive", [AID], {}]),
    ("get_archive 403", [ans(P + "/archive", 403, err(403))], ["get_archive", [AID], {}]),
    ("get_archive 404", [ans(P + "/archive", 404, err(404))], ["get_archive", [AID], {}]),
    ("get_archive 400", [ans(P + "/archive", 400, err(400))], ["get_archive", [AID], {}]),
    ("get_archive not JSON", [ans(P + "/archive", 200, "<html>oops</html>")], ["get_archive", [AID], {}]),
    ("stop_archive", [ans(P + "/archive", 200, dict(ARCHIVE, status="stopped"))], ["stop_archive", [AID], {}]),
    ("stop_archive 409", [ans(P + "/archive", 409, err(409))], ["stop_archive", [AID], {}]),
    ("delete_archive", [ans(P + "/archive", 204)], ["delete_archive", [AID], {}]),
    ("delete_archive 409", [ans(P + "/archive", 409, err(409))], ["delete_archive", [AID], {}]),
    ("get_archives", [ans(P + "/archive", 200, {"count": 2, "items": [ARCHIVE, ARCHIVE_MIN]})],
     ["get_archives", [], {"offset": 1, "count": 2, "session_id": "$SID"}]),
    ("list_archives no count", [ans(P + "/archive", 200, {"items": [ARCHIVE]})], ["list_archives", [], {}]),
    ("set_archive_layout", [ans(P + "/archive", 200)], ["set_archive_layout", [AID, "custom"], {"stylesheet": "s{}"}]),
    ("set_archive_layout screenshare", [ans(P + "/archive", 200)],
     ["set_archive_layout", [AID, "bestFit"], {"screenshare_type": "pip"}]),
    ("set_archive_layout 400", [ans(P + "/archive", 400, err(400))], ["set_archive_layout", [AID, "pip"], {}]),
    ("set_archive_layout 404", [ans(P + "/archive", 404, err(404))], ["set_archive_layout", [AID, "pip"], {}]),
    ("add_archive_stream", [ans(P + "/archive", 204)], ["add_archive_stream", [AID, STID], {"has_video": False}]),
    ("add_archive_stream 405", [ans(P + "/archive", 405, err(405))], ["add_archive_stream", [AID, STID], {}]),
    ("remove_archive_stream 404", [ans(P + "/archive", 404, err(404))], ["remove_archive_stream", [AID, STID], {}]),
    ("start_broadcast", [ans(P + "/broadcast", 200, BROADCAST)],
     ["start_broadcast", ["$SID", {"layout": {"type": "bestFit", "screenshareType": "pip"}, "maxDuration": 5400,
                                   "outputs": {"hls": {"lowLatency": True},
                                               "rtmp": [{"id": "foo", "serverUrl": "rtmp://a/b", "streamName": "x"}]},
                                   "resolution": "640x480", "futureOption": {"k": "v"}}], {}]),
    ("start_broadcast 400", [ans(P + "/broadcast", 400, err(400))], ["start_broadcast", ["$SID", {"outputs": {"hls": {}}}], {}]),
    ("start_broadcast 409", [ans(P + "/broadcast", 409, err(409))], ["start_broadcast", ["$SID", {"outputs": {"hls": {}}}], {}]),
    ("start_broadcast hls dvr+lowLatency", [], ["start_broadcast", ["$SID", {"outputs": {"hls": {"dvr": True, "lowLatency": True}}}], {}]),
    ("get_broadcast", [ans(P + "/broadcast", 200, BROADCAST)], ["get_broadcast", [BID], {}]),
    ("get_broadcast absent fields", [ans(P + "/broadcast", 200, BROADCAST_MIN)], ["get_broadcast", [BID], {}]),
    ("get_broadcast rtmp object", [ans(P + "/broadcast", 200, BROADCAST_RTMP_OBJ)], ["get_broadcast", [BID], {}]),
    ("get_broadcast 404", [ans(P + "/broadcast", 404, err(404))], ["get_broadcast", [BID], {}]),
    ("stop_broadcast", [ans(P + "/broadcast", 200, dict(BROADCAST, status="stopped"))], ["stop_broadcast", [BID], {}]),
    ("stop_broadcast 409", [ans(P + "/broadcast", 409, err(409))], ["stop_broadcast", [BID], {}]),
    ("set_broadcast_layout", [ans(P + "/broadcast", 200)], ["set_broadcast_layout", [BID, "pip"], {}]),
    ("add_broadcast_stream", [ans(P + "/broadcast", 204)], ["add_broadcast_stream", [BID, STID], {}]),
    ("add_broadcast_stream 405", [ans(P + "/broadcast", 405, err(405))], ["add_broadcast_stream", [BID, STID], {}]),
    ("remove_broadcast_stream", [ans(P + "/broadcast", 204)], ["remove_broadcast_stream", [BID, STID], {}]),
    ("get_stream", [ans(P + "/session", 200, STREAM)], ["get_stream", ["$SID", STID], {}]),
    ("get_stream 404", [ans(P + "/session", 404, err(404))], ["get_stream", ["$SID", STID], {}]),
    ("get_stream 400", [ans(P + "/session", 400, err(400))], ["get_stream", ["$SID", STID], {}]),
    ("list_streams", [ans(P + "/session", 200, {"count": 1, "items": [STREAM]})], ["list_streams", ["$SID"], {}]),
    ("list_streams 404", [ans(P + "/session", 404, err(404))], ["list_streams", ["$SID"], {}]),
    ("set_stream_class_lists", [ans(P + "/session", 200)],
     ["set_stream_class_lists", ["$SID", [{"id": STID, "layoutClassList": ["a", "b"]}]], {}]),
    ("set_stream_class_lists 400", [ans(P + "/session", 400, err(400))],
     ["set_stream_class_lists", ["$SID", [{"id": STID, "layoutClassList": ["a"]}]], {}]),
    ("send_signal", [ans(P + "/session", 204)], ["send_signal", ["$SID", {"type": "chat", "data": "hi"}], {}]),
    ("send_signal connection", [ans(P + "/session", 204)],
     ["send_signal", ["$SID", {"type": "chat", "data": "hi"}], {"connection_id": CID}]),
    ("send_signal 404", [ans(P + "/session", 404, err(404))], ["send_signal", ["$SID", {"type": "t", "data": "d"}], {}]),
    ("send_signal 413", [ans(P + "/session", 413, err(413))], ["send_signal", ["$SID", {"type": "t", "data": "d"}], {}]),
    ("force_disconnect", [ans(P + "/session", 204)], ["force_disconnect", ["$SID", CID], {}]),
    ("force_disconnect 404", [ans(P + "/session", 404, err(404))], ["force_disconnect", ["$SID", CID], {}]),
    ("mute_stream", [ans(P + "/session", 200, {"applicationId": KEY, "status": "ACTIVE"})], ["mute_stream", ["$SID", STID], {}]),
    ("mute_stream 404", [ans(P + "/session", 404, err(404))], ["mute_stream", ["$SID", STID], {}]),
    ("mute_all", [ans(P + "/session", 200, {"status": "ok"})], ["mute_all", ["$SID", [STID]], {}]),
    ("mute_all 403", [ans(P + "/session", 403, err(403))], ["mute_all", ["$SID", None], {}]),
    ("disable_force_mute", [ans(P + "/session", 200, {"status": "ok"})], ["disable_force_mute", ["$SID"], {}]),
    ("play_dtmf", [ans(P + "/session", 200)], ["play_dtmf", ["$SID", None, "1p2#*"], {}]),
    ("play_dtmf connection", [ans(P + "/session", 200)], ["play_dtmf", ["$SID", CID, "9"], {}]),
    ("play_dtmf 400", [ans(P + "/session", 400, err(400))], ["play_dtmf", ["$SID", None, "1"], {}]),
    ("dial", [ans(P + "/dial", 200, {"id": "sip1", "connectionId": CID, "streamId": STID})],
     ["dial", ["$SID", "T1==tok", "sip:a@b.c"], {"options": {"from": "x@y.z", "headers": {"X-A": "1"},
                                                          "auth": {"username": "u", "password": "p"}, "secure": True,
                                                          "video": True, "observeForceMute": True, "streams": [STID]}}]),
    ("dial 409", [ans(P + "/dial", 409, err(409))], ["dial", ["$SID", "T1==tok", "sip:a@b.c"], {}]),
    ("start_render", [ans(P + "/render", 202, RENDER)],
     ["start_render", ["$SID", "T1==tok", "https://webapp.customer.com"], {"max_duration": 1800, "resolution": "1280x720",
                                                                          "properties": {"name": "composer"}}]),
    ("start_render 400", [ans(P + "/render", 400, err(400))], ["start_render", ["$SID", "T1==tok", "https://webapp.example.com/x"], {}]),
    ("get_render", [ans(P + "/render", 200, RENDER)], ["get_render", [RID], {}]),
    ("get_render 404", [ans(P + "/render", 404, err(404))], ["get_render", [RID], {}]),
    ("stop_render 200", [ans(P + "/render", 200)], ["stop_render", [RID], {}]),
    ("stop_render 204", [ans(P + "/render", 204)], ["stop_render", [RID], {}]),
    ("list_renders", [ans(P + "/render", 200, {"count": 1, "items": [RENDER]})], ["list_renders", [], {"offset": 0, "count": 10}]),
    ("connect_audio_to_websocket", [ans(P + "/connect", 200, {"id": "ws1", "connectionId": CID})],
     ["connect_audio_to_websocket", ["$SID", "T1==tok", {"uri": "wss://s.example.com/ws", "streams": [STID],
                                                         "headers": {"h": "v"}, "audioRate": 16000}], {}]),
    ("connect_audio_to_websocket audio_transport", [ans(P + "/connect", 200, {"id": "ws1", "connectionId": CID})],
     ["connect_audio_to_websocket", ["$SID", "T1==tok", {"uri": "wss://s.example.com/ws", "bidirectional": True,
                                                         "audio_transport": {"transport": "json", "encoding": "base64"}}], {}]),
    ("connect_audio_to_websocket no uri", [], ["connect_audio_to_websocket", ["$SID", "T1==tok", {"streams": []}], {}]),
    ("connect_audio_to_websocket bad transport", [],
     ["connect_audio_to_websocket", ["$SID", "T1==tok", {"uri": "wss://a", "audio_transport": {"transport": "x"}}], {}]),
    ("connect_audio_to_websocket 409", [ans(P + "/connect", 409, err(409))],
     ["connect_audio_to_websocket", ["$SID", "T1==tok", {"uri": "wss://s.example.com/ws"}], {}]),
    ("start_captions", [ans(P + "/captions", 202, {"captionsId": "cap1"})], ["start_captions", ["$SID", "T1==tok"], {}]),
    ("start_captions options", [ans(P + "/captions", 202, {"captionsId": "cap1"})],
     ["start_captions", ["$SID", "T1==tok"], {"language_code": "en-US", "max_duration": 3600, "partial_captions": False,
                                              "status_callback_url": "https://cb.example.com/cc"}]),
    ("start_captions 409", [ans(P + "/captions", 409, err(409))], ["start_captions", ["$SID", "T1==tok"], {}]),
    ("stop_captions", [ans(P + "/captions", 202)], ["stop_captions", ["cap1"], {}]),
    ("stop_captions 404", [ans(P + "/captions", 404, err(404))], ["stop_captions", ["cap1"], {}]),
    ("create_session always needs routed", [], ["create_session", [], {"archive_mode": "$always"}]),
    ("create_session archive_name with manual", [], ["create_session", [], {"archive_name": "x"}]),
    ("create_session location not IPv4", [], ["create_session", [], {"location": "nowhere"}]),
    ("create_session archive options", [],
     ["create_session", [], {"media_mode": "$routed", "archive_mode": "$always", "archive_name": "n",
                             "archive_resolution": "1280x720", "location": "10.1.2.3"}]),
    ("start_archive resolution with individual", [], ["start_archive", ["$SID"], {"output_mode": "$individual", "resolution": "640x480"}]),
    ("start_archive quantization out of range", [], ["start_archive", ["$SID"], {"quantization_parameter": 50}]),
    ("start_archive unchecked values are sent", [ans(P + "/archive", 200, ARCHIVE)],
     ["start_archive", ["$SID"], {"resolution": "7x7", "max_bitrate": 1, "layout": {"nope": True}}]),
    ("start_broadcast no outputs", [], ["start_broadcast", ["$SID", {}], {}]),
    ("start_broadcast bitrate too high", [], ["start_broadcast", ["$SID", {"outputs": {"hls": {}}, "maxBitrate": 9000000}], {}]),
    ("set_archive_layout stylesheet dropped", [ans(P + "/archive", 200)], ["set_archive_layout", [AID, "pip"], {"stylesheet": "s{}"}]),
    ("send_signal unchecked type", [ans(P + "/session", 204)], ["send_signal", ["$SID", {"type": "bad type!", "data": "x", "extra": 1}], {}]),
    ("play_dtmf unchecked digits", [ans(P + "/session", 200)], ["play_dtmf", ["$SID", None, "12a"], {}]),
    ("get_archive id with a space", [ans(P + "/archive", 200, ARCHIVE)], ["get_archive", ["a b"], {}]),
    ("generate_token bad role", [], ["generate_token", ["$SID"], {"role": "$bogus"}]),
    ("generate_token expired", [], ["generate_token", ["$SID"], {"expire_time": 1}]),
    ("generate_token data too long", [], ["generate_token", ["$SID"], {"data": "x" * 1001}]),
    ("generate_token wrong session", [], ["generate_token", ["not-a-session"], {}]),
    ("surface", [], ["$surface", [], {}]),
]

# Differences kept on purpose: case -> (what differs, reason). Same list as docs/compatibility.md.
KNOWN: Dict[str, Tuple[str, str]] = {
    "mute_all": ("request body", "ours sends the documented `excludedStreamIds` (official: `excludedStreams`, ignored by the service)"),
    "mute_all 403": ("request body", "as mute_all"),
    "stop_render 204": ("result", "the service answers 204: official raises RequestError, ours returns the response"),
    "connect_audio_to_websocket audio_transport": ("request body", "ours sends `audioTransport` as a JSON object (official: a JSON string)"),
    "get_archive not JSON": ("error class", "official lets requests' JSONDecodeError through; ours raises InvalidResponseError, "
                             "a RequestError and ValueError (and requests' JSONDecodeError when the app imported requests)"),
}


def subst(v: Any, sid: str) -> Any:
    if isinstance(v, str):
        return v.replace("$SID", sid)
    if isinstance(v, list):
        return [subst(x, sid) for x in v]
    if isinstance(v, dict):
        return {k: subst(x, sid) for k, x in v.items()}
    return v


# ---------------------------------------------------------------- side (runs inside one package's venv)


def _admin(url: str, method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=10) as r:
        raw = r.read()
    return json.loads(raw) if raw else None


def norm(v: Any, depth: int = 0) -> Any:
    from datetime import datetime
    from enum import Enum

    if depth > 8:
        return "<deep>"
    if v is None or isinstance(v, (bool, int, float, str)):
        return {"t": type(v).__name__, "v": v}
    if isinstance(v, Enum):
        return {"t": "enum", "v": f"{type(v).__name__}.{v.name}"}
    if isinstance(v, datetime):
        return {"t": "datetime", "v": v.isoformat()}
    if isinstance(v, dict):
        return {"t": "dict", "v": {str(k): norm(x, depth + 1) for k, x in v.items()}}
    if isinstance(v, (list, tuple)):
        return {"t": "list", "v": [norm(x, depth + 1) for x in v]}
    if isinstance(v, map):
        return {"t": "map", "v": [norm(x, depth + 1) for x in v]}
    if hasattr(v, "status_code") and hasattr(v, "json") and hasattr(v, "text"):
        try:
            body = v.json()
        except Exception:
            body = None
        return {"t": "response", "v": {"status_code": norm(v.status_code), "ok": norm(bool(v.ok)), "text": norm(v.text),
                                        "json": norm(body), "bool": norm(bool(v))}}
    if hasattr(v, "__dict__"):
        attrs = {k: norm(x, depth + 1) for k, x in vars(v).items() if k != "sdk" and not k.startswith("_")}
        return {"t": "object", "cls": type(v).__name__, "v": attrs}
    return {"t": type(v).__name__, "v": repr(v)}


def side(url: str, sid: str) -> None:
    import warnings

    import opentok
    from opentok import ArchiveModes, MediaModes, OutputModes, Roles  # noqa: F401

    enums = {"$routed": MediaModes.routed, "$composed": OutputModes.composed, "$bogus": "bogus",
             "$always": ArchiveModes.always, "$individual": OutputModes.individual}
    client = opentok.Client(KEY, SECRET, api_url=url)
    for name, seeds, (method, args, kwargs) in CASES:
        _admin(url, "POST", "/_emulator/reset")
        for f in seeds:
            _admin(url, "POST", "/_emulator/faults", subst(f, sid))
        a = [enums.get(x, x) if isinstance(x, str) else x for x in subst(args, sid)]
        k = {kk: enums.get(x, x) if isinstance(x, str) else x for kk, x in subst(kwargs, sid).items()}
        out: Dict[str, Any] = {"case": name}
        try:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                if method == "$surface":
                    res = surface(opentok, client)
                else:
                    res = getattr(client, method)(*a, **k)
            out["result"] = norm(res)
            out["warnings"] = sorted({x.category.__name__ for x in w})
        except BaseException as e:  # noqa: BLE001
            out["error"] = {"cls": type(e).__name__, "mro": [c.__name__ for c in type(e).__mro__],
                            "status": getattr(e, "status", None)}
        out["requests"] = _admin(url, "GET", "/_emulator/requests")
        print(json.dumps(out), flush=True)


def surface(opentok: Any, client: Any) -> Any:
    import warnings

    import opentok.opentok as oo

    h = client.get_headers()
    jh = client.get_json_headers()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        opentok.OpenTok(KEY, SECRET)
        client.headers()
        client.json_headers()
    return {
        "TOKEN_SENTINEL": client.TOKEN_SENTINEL,
        "__version__": opentok.__version__,
        "app_version": client.app_version,
        "jwt_livetime": client.jwt_livetime,
        "headers": sorted(h),
        "json_headers": sorted(jh),
        "json_content_type": jh.get("Content-Type"),
        "deprecations": len([x for x in w if issubclass(x.category, DeprecationWarning)]),
        "logger": oo.logger.name,
        "names_in_opentok_opentok": sorted(n for n in ["RequestError", "NotFoundError", "AuthError", "ArchiveError",
                                                       "SignalingError", "GetStreamError", "DTMFError", "Endpoints",
                                                       "Captions", "Client", "OpenTok", "Roles"] if hasattr(oo, n)),
        "endpoints_url": client.endpoints.get_archive_url("x"),
        "endpoints_assignable": _assign_endpoints(client),
    }


def _assign_endpoints(client: Any) -> bool:
    try:
        client.endpoints = client.endpoints
        return True
    except Exception:
        return False


# ---------------------------------------------------------------- driver


def run_side(python: str, url: str, sid: str, env: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    p = subprocess.run([python, __file__, "--side", url, sid], capture_output=True, text=True, timeout=600, env=env)
    out = {}
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            d = json.loads(line)
            out[d["case"]] = d
    if p.returncode != 0 or not out:
        sys.stderr.write(p.stderr[-3000:])
    return out


def cmp_value(a: Any, b: Any, path: str, diffs: List[str], extras: List[str]) -> None:
    """a = official, b = ours (normalized)."""
    if a.get("t") != b.get("t"):
        diffs.append(f"{path}: official {a.get('t')} {a.get('v')!r:.80} / ours {b.get('t')} {b.get('v')!r:.80}")
        return
    t = a["t"]
    if t in ("object", "dict", "response"):
        if t == "object" and a.get("cls") != b.get("cls"):
            diffs.append(f"{path}: class official {a.get('cls')} / ours {b.get('cls')}")
        av, bv = a["v"], b["v"]
        for k in av:
            if k not in bv:
                diffs.append(f"{path}.{k}: missing in ours")
            else:
                cmp_value(av[k], bv[k], f"{path}.{k}", diffs, extras)
        extras.extend(f"{path}.{k}" for k in bv if k not in av)
    elif t in ("list", "map"):
        if len(a["v"]) != len(b["v"]):
            diffs.append(f"{path}: length official {len(a['v'])} / ours {len(b['v'])}")
        for i, (x, y) in enumerate(zip(a["v"], b["v"])):
            cmp_value(x, y, f"{path}[{i}]", diffs, extras)
    elif a["v"] != b["v"]:
        diffs.append(f"{path}: official {a['v']!r:.80} / ours {b['v']!r:.80}")


# Wire differences applied to every request before comparing (each printed once with its count when it
# fired; listed in docs/compatibility.md): (rule, reason).
RULES = {
    "null": "the official package sends optional fields it was not given as JSON null; ours omits them "
            "(the service reads both as absent)",
    "e2ee": "create_session: the official package always sends the form field e2ee=false; ours sends e2ee only when true",
    "empty": "stop_archive/stop_broadcast/stop_captions: the official package POSTs no body; ours sends `{}`",
}
fired: Dict[str, int] = {}


def _drop_nulls(v: Any) -> Any:
    if isinstance(v, dict):
        out = {k: _drop_nulls(x) for k, x in v.items() if x is not None}
        if len(out) != len(v):
            fired["null"] = fired.get("null", 0) + 1
        return out
    if isinstance(v, list):
        return [_drop_nulls(x) for x in v]
    return v


def parse_body(r: Dict[str, Any]) -> Any:
    body = r.get("body") or ""
    if not body:
        return None
    try:
        v = _drop_nulls(json.loads(body))
        if v == {}:
            fired["empty"] = fired.get("empty", 0) + 1
            return None
        return v
    except ValueError:
        form = urllib.parse.parse_qs(body)
        if form.get("e2ee") == ["false"]:
            del form["e2ee"]
            fired["e2ee"] = fired.get("e2ee", 0) + 1
        return form


def cmp_requests(a: List[Dict[str, Any]], b: List[Dict[str, Any]], diffs: List[str]) -> None:
    if not a and not b:
        return
    if len(a) != len(b):
        diffs.append(f"requests: official sent {len(a)} / ours {len(b)}")
    for i, (x, y) in enumerate(zip(a, b)):
        for f in ("method", "path"):
            if x[f] != y[f]:
                diffs.append(f"request[{i}].{f}: official {x[f]} / ours {y[f]}")
        qa, qb = urllib.parse.parse_qs(x.get("query") or ""), urllib.parse.parse_qs(y.get("query") or "")
        if qa != qb:
            diffs.append(f"request[{i}].query: official {qa} / ours {qb}")
        ba, bb = parse_body(x), parse_body(y)
        if ba != bb:
            diffs.append(f"request[{i}].body: official {ba!r:.200} / ours {bb!r:.200}")
        ha, hb = x.get("headers", {}), y.get("headers", {})
        for h in ("x-opentok-auth", "accept"):
            if (h in ha) != (h in hb):
                diffs.append(f"request[{i}].header {h}: official {'present' if h in ha else 'absent'} / ours {'present' if h in hb else 'absent'}")
        ca = (ha.get("content-type") or "").split(";")[0]
        cb = (hb.get("content-type") or "").split(";")[0]
        if ca != cb and (ba is not None or bb is not None):
            diffs.append(f"request[{i}].content-type: official {ca!r} / ours {cb!r}")


def driver(url: str, official_py: str, ours_py: str) -> int:
    sid = _admin(url, "POST", "/_emulator/sessions", {"mediaMode": "routed"})["sessionId"]
    off = run_side(official_py, url, sid)
    ours = run_side(ours_py, url, sid)
    passed = failed = 0
    for name, _, _ in CASES:
        a, b = off.get(name), ours.get(name)
        if a is None or b is None:
            print(f"FAIL python-diff {name} — no output from {'official' if a is None else 'ours'}")
            failed += 1
            continue
        diffs: List[str] = []
        extras: List[str] = []
        if "error" in a:
            if "error" not in b:
                diffs.append(f"official raises {a['error']['cls']} / ours returns {str(b.get('result'))[:120]}")
            elif a["error"]["cls"] not in b["error"]["mro"]:
                diffs.append(f"official raises {a['error']['cls']} / ours {b['error']['cls']} (mro {b['error']['mro'][:5]})")
        elif "error" in b:
            diffs.append(f"official returns / ours raises {b['error']['cls']}")
        else:
            cmp_value(a["result"], b["result"], "result", diffs, extras)
            if a.get("warnings") != b.get("warnings"):
                diffs.append(f"warnings: official {a.get('warnings')} / ours {b.get('warnings')}")
        if name.startswith("create_session"):  # the emulator makes a new session id each time
            diffs = [d for d in diffs if "session_id" not in d]
        cmp_requests(a["requests"], b["requests"], diffs)
        known = KNOWN.get(name)
        if diffs and known:
            print(f"KNOWN python-diff {name} — {known[0]}: {known[1]} ({'; '.join(diffs)[:300]})")
            passed += 1
        elif diffs:
            print(f"FAIL python-diff {name} — " + "; ".join(diffs)[:1500])
            failed += 1
        else:
            passed += 1
            print(f"PASS python-diff {name}" + (f" (ours also has {', '.join(extras)[:200]})" if extras else ""))
    for rule, n in sorted(fired.items()):
        print(f"KNOWN python-diff wire rule `{rule}` applied {n}x — {RULES[rule]}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def response_vectors(path: str) -> List[Dict[str, Any]]:
    """Every response vector with a name: the `passthrough` list, and `responses` as `<op> #<i>`."""
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    out = []
    for i, v in enumerate(d.get("responses", [])):
        out.append(dict(v, name=v.get("name") or f"{v['op']} #{i}"))
    for v in d.get("passthrough", []):
        out.append(v)
    return out


def make_fidelity(vectors_path: str, out_path: str) -> None:
    import re
    import warnings
    from pathlib import Path

    import opentok
    import responses

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python" / "tests"))
    from drive import drive

    client = opentok.Client(KEY, SECRET)
    result: Dict[str, Any] = {
        "_about": "Attribute values the official opentok 3.15.0 exposes for each response vector (generated by "
                  "tests/peers/diff_python.py --fidelity; python/tests/test_fidelity.py asserts ours exposes the same)",
    }
    for v in response_vectors(vectors_path):
        name = v["name"]
        if not hasattr(opentok.Client, {"connect_audio": "connect_audio_to_websocket",
                                        "list_archives": "get_archives"}.get(v["op"], v["op"])):
            result[name] = {"skip": f"`{v['op']}` is not in the official package"}
            continue
        body = v.get("body_text")
        if body is None:
            body = "" if v.get("body") is None else json.dumps(v["body"])
        ctype = v.get("content_type") or "application/json"
        with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
            for m in ("GET", "POST", "PUT", "PATCH", "DELETE"):
                rsps.add(m, re.compile(".*"), body=body, status=v.get("status", 200), content_type=ctype)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    res = drive(client, v["op"], json.loads(json.dumps(v["args"])))
                entry: Dict[str, Any] = {"result": norm(res)}
            except Exception as e:  # noqa: BLE001
                entry = {"error": type(e).__name__, "mro": [c.__name__ for c in type(e).__mro__]}
        result[name] = entry
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--fidelity":
        make_fidelity(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "--side":
        side(sys.argv[2], sys.argv[3])
    else:
        sys.exit(driver(sys.argv[1], sys.argv[2], sys.argv[3]))
