#!/usr/bin/env python3
"""Writes the JSON test vectors in this folder.

Expected values are computed here with the Python standard library only (hmac, hashlib, base64,
urllib) from the wire contract (shared/reference/sdk-census.md) -- an implementation independent of
the Rust core, so the vectors check the core rather than echo it. Run: python3 tests/vectors/make_vectors.py
(`--out-dir DIR` writes the files into DIR instead of this folder; `make check-generated` diffs them).
"""
import argparse, base64, hashlib, hmac, json, os, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
_cli = argparse.ArgumentParser(description="Writes the JSON test vectors.")
_cli.add_argument("--out-dir", default=HERE, help="folder to write the vectors into (default: this folder)")
OUT = _cli.parse_args().out_dir
API_KEY = "123456"
API_SECRET = "0123456789abcdef0123456789abcdef01234567"
APP_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
NOW = 1700000000
NONCE = 424242


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def session_id(api_key, location, created, rnd):
    return "1_" + b64url(f"1~{api_key}~{location}~{created}~{rnd}~".encode())


SID = session_id(API_KEY, "127.0.0.1", "Tue Nov 14 22:13:20 UTC 2023", "0.7602962")
OTHER_SID = session_id("654321", "", "Tue Nov 14 22:13:20 UTC 2023", "0.11")
NODE_SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAzODAyNzk3OTY5MjYyfg"

# ---------------------------------------------------------------- session ids
session_ids = {
    "valid": [
        {"session_id": SID, "api_key": API_KEY, "location": "127.0.0.1", "create_time": "Tue Nov 14 22:13:20 UTC 2023"},
        {"session_id": NODE_SID, "api_key": API_KEY, "location": "", "create_time": "Sat Mar 15 14:42:23 PDT 2014"},
        {"session_id": OTHER_SID, "api_key": "654321", "location": "", "create_time": "Tue Nov 14 22:13:20 UTC 2023"},
    ],
    "malformed": ["", "1_", "abc", "3_MX4xMjM0NTZ-", "1_!!!!", "1_a", "1_" + b64url(b"no tildes here"), "1_\u00e9\u00e9\u00e9\u00e9"],
}

# ---------------------------------------------------------------- tokens
JWT_HEADER = b64url(b'{"alg":"HS256","typ":"JWT"}')


def jwt_hs256(claims):
    payload = json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode()
    signing = JWT_HEADER + "." + b64url(payload)
    sig = hmac.new(API_SECRET.encode(), signing.encode(), hashlib.sha256).digest()
    return signing + "." + b64url(sig)


def project_claims(role, expire, data, layout):
    c = {"iss": API_KEY, "ist": "project", "iat": NOW, "exp": expire, "session_id": SID, "create_time": NOW,
         "nonce": NONCE, "role": role, "expire_time": expire, "initial_layout_class_list": " ".join(layout),
         "scope": "session.connect"}
    if data is not None:
        c["connection_data"] = data
    return c


def q(s):
    return urllib.parse.quote(s, safe="-_.!~*'()")


def t1(role, expire, data, layout):
    parts = [("session_id", SID), ("create_time", str(NOW)), ("nonce", str(NONCE)), ("role", role),
             ("expire_time", str(expire))]
    if data is not None:
        parts.append(("connection_data", data))
    parts += [("initial_layout_class_list", " ".join(layout)), ("scope", "session.connect")]
    ds = "&".join(f"{k}={q(v)}" for k, v in parts)
    sig = hmac.new(API_SECRET.encode(), ds.encode(), hashlib.sha1).hexdigest()
    inner = f"partner_id={API_KEY}&sig={sig}:{ds}"
    return "T1==" + base64.b64encode(inner.encode()).decode(), ds


token_cases = []
for name, opts, role, expire, data, layout in [
    ("default publisher", {}, "publisher", NOW + 86400, None, []),
    ("moderator with data, layout and expiry", {"role": "moderator", "expire_time": NOW + 3600,
     "data": "name=Jo Ann & co/é", "initial_layout_class_list": ["focus", "inactive"]},
     "moderator", NOW + 3600, "name=Jo Ann & co/é", ["focus", "inactive"]),
    ("subscriber, quotes in data", {"role": "subscriber", "data": 'say "hi"\\n'}, "subscriber", NOW + 86400, 'say "hi"\\n', []),
    ("publisheronly, 30 days exactly", {"role": "publisheronly", "expire_time": NOW + 30 * 86400},
     "publisheronly", NOW + 30 * 86400, None, []),
]:
    claims = project_claims(role, expire, data, layout)
    token_cases.append({"name": name + " (JWT)", "session_id": SID, "options": dict(opts, token_type="JWT"),
                        "now": NOW, "nonce": NONCE, "claims": claims, "token": jwt_hs256(claims)})
    tok, ds = t1(role, expire, data, layout)
    token_cases.append({"name": name + " (T1)", "session_id": SID, "options": dict(opts, token_type="T1"),
                        "now": NOW, "nonce": NONCE, "t1_data": ds, "token": tok})

token_errors = [
    {"name": "unknown role", "session_id": SID, "options": {"role": "admin"}, "field": "role"},
    {"name": "expiry in the past", "session_id": SID, "options": {"expire_time": NOW - 1}, "field": "expire_time"},
    {"name": "expiry equal to now", "session_id": SID, "options": {"expire_time": NOW}, "field": "expire_time"},
    {"name": "expiry over 30 days", "session_id": SID, "options": {"expire_time": NOW + 30 * 86400 + 1}, "field": "expire_time",
     "accepted_by": ["node"]},
    {"name": "data over 1000 chars", "session_id": SID, "options": {"data": "x" * 1001}, "field": "data",
     "accepted_by": ["node"]},
    {"name": "layout over 1000 chars", "session_id": SID, "options": {"initial_layout_class_list": ["a" * 500, "b" * 500]}, "field": "initial_layout_class_list"},
    {"name": "session of another api key", "session_id": OTHER_SID, "options": {}, "field": "session_id"},
    {"name": "malformed session id", "session_id": "not-a-session", "options": {}, "field": "session_id"},
    {"name": "empty session id", "session_id": "", "options": {}, "field": "session_id"},
]
# "accepted_by" (invalid) / "refused_by" (valid_edges): the language packages whose official SDK
# has a different limit (Node: data up to 1024, no expiry cap; Ruby: data shorter than 1000).
token_ok_edges = [
    {"name": "data of exactly 1000 chars", "session_id": SID, "options": {"data": "é" * 1000}, "refused_by": ["ruby"], "field": "data"},
    {"name": "layout of exactly 1000 chars", "session_id": SID, "options": {"initial_layout_class_list": ["a" * 499, "b" * 500]}},
]
application_tokens = [
    {"name": "application token (RS256)", "session_id": SID, "options": {"role": "moderator", "data": "d", "initial_layout_class_list": ["focus"]},
     "now": NOW, "header": {"alg": "RS256", "typ": "JWT"},
     "claims_without_jti": {"application_id": APP_ID, "iat": NOW, "exp": NOW + 86400, "sub": "video",
                            "acl": {"paths": {"/session/**": {}}}, "scope": "session.connect", "session_id": SID,
                            "role": "moderator", "initial_layout_class_list": "focus", "connection_data": "d"}},
]
tokens = {"credentials": {"api_key": API_KEY, "api_secret": API_SECRET, "application_id": APP_ID,
                          "private_key_file": "keys/application_private_key.pem",
                          "public_key_file": "keys/application_public_key.pem"},
          "valid": token_cases, "invalid": token_errors, "valid_edges": token_ok_edges,
          "application": application_tokens,
          "application_invalid": [{"name": "T1 with application credentials", "session_id": SID,
                                   "options": {"token_type": "T1"}, "field": "token_type"}]}

# ---------------------------------------------------------------- requests
P = f"/v2/project/{API_KEY}"
R = []


def req(op, args, method, path, body=None, query=None, name=None):
    R.append({"name": name or op, "op": op, "args": args,
              "request": {"method": method, "path": path, "query": query or {}, "body": body}})


req("create_session", {}, "POST", "/session/create", {"form": {"p2p.preference": "enabled", "archiveMode": "manual"}}, name="create_session defaults (relayed, manual)")
req("create_session", {"media_mode": "routed", "archive_mode": "always", "location": "10.1.200.30", "archive_name": "Daily", "archive_resolution": "1280x720"},
    "POST", "/session/create", {"form": {"location": "10.1.200.30", "p2p.preference": "disabled", "archiveMode": "always", "archiveName": "Daily", "archiveResolution": "1280x720"}}, name="create_session always-archived")
req("create_session", {"media_mode": "routed", "e2ee": True}, "POST", "/session/create", {"form": {"p2p.preference": "disabled", "archiveMode": "manual", "e2ee": "true"}}, name="create_session e2ee")
req("start_archive", {"session_id": SID}, "POST", P + "/archive", {"sessionId": SID}, name="start_archive minimal")
req("start_archive", {"session_id": SID, "name": "Class", "has_audio": True, "has_video": False, "output_mode": "composed", "resolution": "1920x1080",
                      "layout": {"type": "bestFit", "screenshare_type": "pip"}, "stream_mode": "manual", "multi_archive_tag": "tag-1", "max_bitrate": 2000000,
                      "has_transcription": True, "transcription_properties": {"primary_language_code": "en-US", "has_summary": True}},
    "POST", P + "/archive", {"sessionId": SID, "name": "Class", "hasAudio": True, "hasVideo": False, "outputMode": "composed", "resolution": "1920x1080",
                             "layout": {"type": "bestFit", "screenshareType": "pip"}, "streamMode": "manual", "multiArchiveTag": "tag-1", "maxBitrate": 2000000,
                             "hasTranscription": True, "transcriptionProperties": {"primaryLanguageCode": "en-US", "hasSummary": True}}, name="start_archive every option")
req("start_archive", {"session_id": SID, "output_mode": "individual", "quantization_parameter": 25, "layout": None},
    "POST", P + "/archive", {"sessionId": SID, "outputMode": "individual", "quantizationParameter": 25}, name="start_archive individual with quantization")
req("start_archive", {"session_id": SID, "layout": {"type": "custom", "stylesheet": "stream.instructor {width: 100%;}"}},
    "POST", P + "/archive", {"sessionId": SID, "layout": {"type": "custom", "stylesheet": "stream.instructor {width: 100%;}"}}, name="start_archive custom layout")
req("stop_archive", {"archive_id": "b40ef09b-3811-4726-b508-e41a0f96c68f"}, "POST", P + "/archive/b40ef09b-3811-4726-b508-e41a0f96c68f/stop", {})
req("get_archive", {"archive_id": "b40ef09b-3811-4726-b508-e41a0f96c68f"}, "GET", P + "/archive/b40ef09b-3811-4726-b508-e41a0f96c68f")
req("list_archives", {}, "GET", P + "/archive", name="list_archives no filter")
req("list_archives", {"offset": 10, "count": 50, "session_id": SID}, "GET", P + "/archive", query={"offset": "10", "count": "50", "sessionId": SID}, name="list_archives paged by session")
req("delete_archive", {"archive_id": "ARCHIVEID"}, "DELETE", P + "/archive/ARCHIVEID")
req("set_archive_layout", {"archive_id": "ARCHIVEID", "layout": {"type": "horizontalPresentation"}}, "PUT", P + "/archive/ARCHIVEID/layout", {"type": "horizontalPresentation"})
req("set_archive_layout", {"archive_id": "ARCHIVEID", "layout": {"type": "bestFit", "screenshareType": "verticalPresentation"}}, "PUT", P + "/archive/ARCHIVEID/layout",
    {"type": "bestFit", "screenshareType": "verticalPresentation"}, name="set_archive_layout screenshare (camelCase alias accepted)")
req("add_archive_stream", {"archive_id": "ARCHIVEID", "stream_id": "STREAMID"}, "PATCH", P + "/archive/ARCHIVEID/streams", {"addStream": "STREAMID", "hasAudio": True, "hasVideo": True})
req("add_archive_stream", {"archive_id": "ARCHIVEID", "stream_id": "STREAMID", "has_video": False}, "PATCH", P + "/archive/ARCHIVEID/streams",
    {"addStream": "STREAMID", "hasAudio": True, "hasVideo": False}, name="add_archive_stream audio only")
req("remove_archive_stream", {"archive_id": "ARCHIVEID", "stream_id": "STREAMID"}, "PATCH", P + "/archive/ARCHIVEID/streams", {"removeStream": "STREAMID"})
req("start_broadcast", {"session_id": SID, "outputs": {"hls": {}}}, "POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {}}}, name="start_broadcast hls only")
req("start_broadcast", {"session_id": SID, "layout": {"type": "pip"}, "max_duration": 5400, "maxBitRate": 1000000, "resolution": "1280x720",
                        "stream_mode": "manual", "multi_broadcast_tag": "b-1", "has_audio": True, "has_video": True,
                        "outputs": {"hls": {"low_latency": True}, "rtmp": [{"id": "foo", "server_url": "rtmps://myfooserver/myfooapp", "stream_name": "myfoostream"},
                                                                           {"serverUrl": "rtmp://mybarserver/mybarapp", "streamName": "mybarstream"}]}},
    "POST", P + "/broadcast", {"sessionId": SID, "layout": {"type": "pip"}, "maxDuration": 5400, "maxBitrate": 1000000,
                               "outputs": {"hls": {"lowLatency": True}, "rtmp": [{"id": "foo", "serverUrl": "rtmps://myfooserver/myfooapp", "streamName": "myfoostream"},
                                                                                 {"serverUrl": "rtmp://mybarserver/mybarapp", "streamName": "mybarstream"}]},
                               "resolution": "1280x720", "streamMode": "manual", "multiBroadcastTag": "b-1", "hasAudio": True, "hasVideo": True},
    name="start_broadcast every option (Ruby's maxBitRate alias sends maxBitrate)")
req("start_broadcast", {"session_id": SID, "outputs": {"hls": {"dvr": True}}}, "POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {"dvr": True}}}, name="start_broadcast dvr")
req("stop_broadcast", {"broadcast_id": "BROADCASTID"}, "POST", P + "/broadcast/BROADCASTID/stop", {})
req("get_broadcast", {"broadcast_id": "BROADCASTID"}, "GET", P + "/broadcast/BROADCASTID")
req("list_broadcasts", {"offset": 0, "count": 5, "session_id": SID}, "GET", P + "/broadcast", query={"offset": "0", "count": "5", "sessionId": SID})
req("set_broadcast_layout", {"broadcast_id": "BROADCASTID", "layout": {"type": "custom", "stylesheet": "s {}"}}, "PUT", P + "/broadcast/BROADCASTID/layout", {"type": "custom", "stylesheet": "s {}"})
req("add_broadcast_stream", {"broadcast_id": "BROADCASTID", "stream_id": "STREAMID", "has_audio": False}, "PATCH", P + "/broadcast/BROADCASTID/streams",
    {"addStream": "STREAMID", "hasAudio": False, "hasVideo": True})
req("remove_broadcast_stream", {"broadcast_id": "BROADCASTID", "stream_id": "STREAMID"}, "PATCH", P + "/broadcast/BROADCASTID/streams", {"removeStream": "STREAMID"})
req("get_stream", {"session_id": SID, "stream_id": "STREAMID"}, "GET", P + f"/session/{SID}/stream/STREAMID")
req("list_streams", {"session_id": SID}, "GET", P + f"/session/{SID}/stream")
req("set_stream_class_lists", {"session_id": SID, "items": [{"id": "S1", "layout_class_list": ["full", "focus"]}, {"id": "S2", "layoutClassList": []}]},
    "PUT", P + f"/session/{SID}/stream", {"items": [{"id": "S1", "layoutClassList": ["full", "focus"]}, {"id": "S2", "layoutClassList": []}]})
req("set_stream_class_list", {"session_id": SID, "stream_id": "S1", "layout_class_list": ["focus"]}, "PUT", P + f"/session/{SID}/stream/S1", {"layoutClassList": ["focus"]})
req("list_connections", {"session_id": SID}, "GET", P + f"/session/{SID}/connection")
req("send_signal", {"session_id": SID, "type": "chat", "data": "hello"}, "POST", P + f"/session/{SID}/signal", {"type": "chat", "data": "hello"}, name="send_signal to all")
req("send_signal", {"session_id": SID, "connection_id": "CONNID", "type": "chat", "data": "hi"}, "POST", P + f"/session/{SID}/connection/CONNID/signal", {"type": "chat", "data": "hi"}, name="send_signal to one connection")
req("force_disconnect", {"session_id": SID, "connection_id": "CONNID"}, "DELETE", P + f"/session/{SID}/connection/CONNID")
req("mute_stream", {"session_id": SID, "stream_id": "STREAMID"}, "POST", P + f"/session/{SID}/stream/STREAMID/mute")
req("mute_all", {"session_id": SID, "excluded_stream_ids": ["S1", "S2"]}, "POST", P + f"/session/{SID}/mute", {"active": True, "excludedStreamIds": ["S1", "S2"]})
req("mute_all", {"session_id": SID, "excluded_streams": ["S3"]}, "POST", P + f"/session/{SID}/mute", {"active": True, "excludedStreamIds": ["S3"]}, name="mute_all with the official excluded_streams alias")
req("mute_all", {"session_id": SID}, "POST", P + f"/session/{SID}/mute", {"active": True, "excludedStreamIds": []}, name="mute_all nothing excluded")
req("disable_force_mute", {"session_id": SID}, "POST", P + f"/session/{SID}/mute", {"active": False})
req("dial", {"session_id": SID, "token": "TOKEN", "uri": "sip:user@sip.partner.com;transport=tls"}, "POST", P + "/dial",
    {"sessionId": SID, "token": "TOKEN", "sip": {"uri": "sip:user@sip.partner.com;transport=tls"}}, name="dial minimal")
req("dial", {"session_id": SID, "token": "TOKEN", "uri": "sip:user@sip.partner.com", "from": "from@example.com", "headers": {"X-Foo": "bar"},
             "auth": {"username": "u", "password": "p"}, "secure": True, "video": True, "observe_force_mute": True, "streams": ["S1"]},
    "POST", P + "/dial", {"sessionId": SID, "token": "TOKEN", "sip": {"uri": "sip:user@sip.partner.com", "from": "from@example.com", "headers": {"X-Foo": "bar"},
                                                                      "auth": {"username": "u", "password": "p"}, "secure": True, "video": True, "observeForceMute": True, "streams": ["S1"]}},
    name="dial every option")
req("play_dtmf", {"session_id": SID, "digits": "1p2#*"}, "POST", P + f"/session/{SID}/play-dtmf", {"digits": "1p2#*"}, name="play_dtmf to session")
req("play_dtmf", {"session_id": SID, "connection_id": "CONNID", "digits": "9"}, "POST", P + f"/session/{SID}/connection/CONNID/play-dtmf", {"digits": "9"}, name="play_dtmf to connection")
req("start_render", {"session_id": SID, "token": "TOKEN", "url": "https://webapp.customer.com", "max_duration": 1800, "resolution": "1280x720",
                     "status_callback_url": "https://hooks.customer.com/ec", "properties": {"name": "Composed stream"}},
    "POST", P + "/render", {"sessionId": SID, "token": "TOKEN", "url": "https://webapp.customer.com", "maxDuration": 1800, "resolution": "1280x720",
                            "statusCallbackUrl": "https://hooks.customer.com/ec", "properties": {"name": "Composed stream"}})
req("get_render", {"render_id": "RENDERID"}, "GET", P + "/render/RENDERID")
req("stop_render", {"render_id": "RENDERID"}, "DELETE", P + "/render/RENDERID")
req("list_renders", {"offset": 0, "count": 50}, "GET", P + "/render", query={"offset": "0", "count": "50"})
req("connect_audio", {"session_id": SID, "token": "TOKEN", "uri": "wss://service.com/ws-endpoint", "streams": ["S1"], "headers": {"X-Id": "1"}, "audio_rate": 16000,
                      "bidirectional": True, "audio_transport": {"transport": "json", "encoding": "base64", "audio_field": "a", "receive_audio_field": "r", "static_fields": {"k": 1}}},
    "POST", P + "/connect", {"sessionId": SID, "token": "TOKEN", "websocket": {"uri": "wss://service.com/ws-endpoint", "streams": ["S1"], "headers": {"X-Id": "1"}, "audioRate": 16000,
                                                                              "bidirectional": True, "audioTransport": {"transport": "json", "encoding": "base64", "audio_field": "a", "receive_audio_field": "r", "static_fields": {"k": 1}}}})
req("stop_audio_connector", {"connection_id": "CONNID"}, "POST", P + "/connect/CONNID/stop", {})
req("start_captions", {"session_id": SID, "token": "TOKEN", "language_code": "en-US", "max_duration": 1800, "partial_captions": False, "status_callback_url": "https://hooks.customer.com/cap"},
    "POST", P + "/captions", {"sessionId": SID, "token": "TOKEN", "languageCode": "en-US", "maxDuration": 1800, "partialCaptions": False, "statusCallbackUrl": "https://hooks.customer.com/cap"})
req("stop_captions", {"captions_id": "CAPTIONSID"}, "POST", P + "/captions/CAPTIONSID/stop", {})
req("get_captions", {"captions_id": "CAPTIONSID"}, "GET", P + "/captions/CAPTIONSID")
req("register_callback", {"group": "archive", "event": "status", "url": "https://hooks.customer.com/archive"}, "POST", P + "/callback",
    {"group": "archive", "event": "status", "url": "https://hooks.customer.com/archive"})
req("list_callbacks", {}, "GET", P + "/callback")
req("unregister_callback", {"callback_id": "CALLBACKID"}, "DELETE", P + "/callback/CALLBACKID")

# -- pass-through (issue 10): unknown keys at every level are sent as given, known keys are accepted in
# snake_case and camelCase, known keys given null are absent, ids are percent-encoded (RFC 3986
# unreserved characters stay). These carry "tags": ["passthrough"] or ["id_safety"].
def enc(i):
    return urllib.parse.quote(i, safe="")


def req_t(tag, *a, **k):
    req(*a, **k)
    R[-1]["tags"] = [tag]


PT = "passthrough"
req_t(PT, "create_session", {"media_mode": "routed", "futureOption": "x", "count": 2}, "POST", "/session/create",
      {"form": {"p2p.preference": "disabled", "archiveMode": "manual", "futureOption": "x", "count": "2"}}, name="create_session unknown options go into the form")
req_t(PT, "create_session", {"mediaMode": "routed", "archiveMode": "always", "archiveName": "N", "archiveResolution": "640x480"}, "POST", "/session/create",
      {"form": {"p2p.preference": "disabled", "archiveMode": "always", "archiveName": "N", "archiveResolution": "640x480"}}, name="create_session camelCase known keys")
req_t(PT, "create_session", {"media_mode": None, "archive_mode": None, "location": None, "e2ee": None}, "POST", "/session/create",
      {"form": {"p2p.preference": "enabled", "archiveMode": "manual"}}, name="create_session null known keys are absent")
req_t(PT, "start_archive", {"session_id": SID, "futureOption": {"a": [1, 2]}, "future_null": None, "layout": {"type": "bestFit", "layoutExtra": 1},
                            "has_transcription": True, "transcription_properties": {"primary_language_code": "en-US", "newKey": True}},
      "POST", P + "/archive", {"sessionId": SID, "futureOption": {"a": [1, 2]}, "future_null": None, "layout": {"type": "bestFit", "layoutExtra": 1},
                               "hasTranscription": True, "transcriptionProperties": {"primaryLanguageCode": "en-US", "newKey": True}},
      name="start_archive unknown keys at every level")
req_t(PT, "start_archive", {"sessionId": SID, "hasAudio": True, "hasVideo": True, "outputMode": "composed", "streamMode": "auto", "multiArchiveTag": "t",
                            "maxBitrate": 300000, "hasTranscription": True, "transcriptionProperties": {"primaryLanguageCode": "en-GB", "hasSummary": False}},
      "POST", P + "/archive", {"sessionId": SID, "hasAudio": True, "hasVideo": True, "outputMode": "composed", "streamMode": "auto", "multiArchiveTag": "t",
                               "maxBitrate": 300000, "hasTranscription": True, "transcriptionProperties": {"primaryLanguageCode": "en-GB", "hasSummary": False}},
      name="start_archive camelCase known keys")
req_t(PT, "start_archive", {"session_id": SID, "name": None, "has_audio": None, "has_video": None, "output_mode": None, "resolution": None, "layout": None,
                            "stream_mode": None, "multi_archive_tag": None, "max_bitrate": None, "quantization_parameter": None, "has_transcription": None,
                            "transcription_properties": None},
      "POST", P + "/archive", {"sessionId": SID}, name="start_archive null known keys are absent")
req_t(PT, "set_archive_layout", {"archiveId": "ARCHIVEID", "layout": {"type": "pip", "future": "y"}}, "PUT", P + "/archive/ARCHIVEID/layout",
      {"type": "pip", "future": "y"}, name="set_archive_layout unknown layout key")
req_t(PT, "add_archive_stream", {"archive_id": "ARCHIVEID", "streamId": "STREAMID", "futureFlag": 1}, "PATCH", P + "/archive/ARCHIVEID/streams",
      {"addStream": "STREAMID", "hasAudio": True, "hasVideo": True, "futureFlag": 1}, name="add_archive_stream unknown key")
req_t(PT, "get_archive", {"archive_id": "ARCHIVEID", "futureOption": 1}, "GET", P + "/archive/ARCHIVEID", name="get_archive ignores unknown keys (no body)")
req_t(PT, "list_archives", {"futureOption": 1, "offset": None, "count": None}, "GET", P + "/archive", name="list_archives ignores unknown keys, null paging absent")
req_t(PT, "start_broadcast", {"session_id": SID, "future": True, "outputs": {"hls": {"dvr": False, "hlsExtra": 1}, "outputsExtra": "o",
                                                                          "rtmp": [{"serverUrl": "rtmp://a/b", "streamName": "s", "rtmpExtra": [1]}]}},
      "POST", P + "/broadcast", {"sessionId": SID, "future": True, "outputs": {"hls": {"dvr": False, "hlsExtra": 1}, "outputsExtra": "o",
                                                                                 "rtmp": [{"serverUrl": "rtmp://a/b", "streamName": "s", "rtmpExtra": [1]}]}},
      name="start_broadcast unknown keys at every level")
req_t(PT, "start_broadcast", {"sessionId": SID, "outputs": {"hls": {"lowLatency": True}}, "maxDuration": 3600, "maxBitrate": 200000, "streamMode": "manual",
                              "multiBroadcastTag": "m", "hasAudio": True, "hasVideo": False},
      "POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {"lowLatency": True}}, "maxDuration": 3600, "maxBitrate": 200000, "streamMode": "manual",
                                 "multiBroadcastTag": "m", "hasAudio": True, "hasVideo": False}, name="start_broadcast camelCase known keys")
req_t(PT, "start_broadcast", {"session_id": SID, "outputs": {"hls": {"dvr": None, "low_latency": None}, "rtmp": None}, "layout": None, "max_duration": None,
                              "max_bitrate": None, "resolution": None, "stream_mode": None, "multi_broadcast_tag": None, "has_audio": None, "has_video": None},
      "POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {}}}, name="start_broadcast null known keys are absent")
req_t(PT, "set_stream_class_lists", {"sessionId": SID, "items": [{"id": "S1", "layoutClassList": ["a"], "itemExtra": 2}]}, "PUT", P + f"/session/{SID}/stream",
      {"items": [{"id": "S1", "layoutClassList": ["a"], "itemExtra": 2}]}, name="set_stream_class_lists unknown item key")
req_t(PT, "set_stream_class_list", {"session_id": SID, "streamId": "S1", "layoutClassList": ["b"], "extra": "e"}, "PUT", P + f"/session/{SID}/stream/S1",
      {"layoutClassList": ["b"], "extra": "e"}, name="set_stream_class_list unknown key")
req_t(PT, "send_signal", {"sessionId": SID, "connectionId": "CONNID", "type": "chat", "data": "d", "retry": 3}, "POST", P + f"/session/{SID}/connection/CONNID/signal",
      {"type": "chat", "data": "d", "retry": 3}, name="send_signal unknown key, camelCase ids")
req_t(PT, "send_signal", {"session_id": SID, "connection_id": None, "type": None, "data": "d"}, "POST", P + f"/session/{SID}/signal", {"data": "d"},
      name="send_signal null known keys are absent")
req_t(PT, "mute_all", {"session_id": SID, "excludedStreamIds": ["S1"], "futureFlag": False}, "POST", P + f"/session/{SID}/mute",
      {"active": True, "excludedStreamIds": ["S1"], "futureFlag": False}, name="mute_all unknown key")
req_t(PT, "mute_all", {"session_id": SID, "excluded_stream_ids": None}, "POST", P + f"/session/{SID}/mute", {"active": True, "excludedStreamIds": []},
      name="mute_all null excluded list")
req_t(PT, "dial", {"sessionId": SID, "token": "TOKEN", "sipUri": "sip:a@b", "observeForceMute": True, "futureSip": "f", "headers": None, "streams": None,
                   "auth": {"username": "u", "password": "p", "realm": "r"}},
      "POST", P + "/dial", {"sessionId": SID, "token": "TOKEN", "sip": {"uri": "sip:a@b", "observeForceMute": True, "futureSip": "f",
                                                                      "auth": {"username": "u", "password": "p", "realm": "r"}}},
      name="dial unknown options go into sip, unknown auth keys stay in auth")
req_t(PT, "play_dtmf", {"sessionId": SID, "connectionId": "CONNID", "digits": "1", "future": 1}, "POST", P + f"/session/{SID}/connection/CONNID/play-dtmf",
      {"digits": "1", "future": 1}, name="play_dtmf unknown key")
req_t(PT, "start_render", {"sessionId": SID, "token": "TOKEN", "url": "https://webapp.customer.com", "maxDuration": 60, "statusCallbackUrl": "https://hooks.customer.com/x",
                           "properties": {"name": "n", "propExtra": 1}, "renderExtra": "r"},
      "POST", P + "/render", {"sessionId": SID, "token": "TOKEN", "url": "https://webapp.customer.com", "maxDuration": 60, "statusCallbackUrl": "https://hooks.customer.com/x",
                              "properties": {"name": "n", "propExtra": 1}, "renderExtra": "r"}, name="start_render unknown keys, camelCase known keys")
req_t(PT, "connect_audio", {"sessionId": SID, "token": "TOKEN", "uri": "wss://a.b/c", "audioRate": 8000, "wsExtra": 1, "headers": None, "streams": None,
                            "audioTransport": {"transport": "binary", "trExtra": 2}},
      "POST", P + "/connect", {"sessionId": SID, "token": "TOKEN", "websocket": {"uri": "wss://a.b/c", "audioRate": 8000, "wsExtra": 1,
                                                                              "audioTransport": {"transport": "binary", "trExtra": 2}}},
      name="connect_audio unknown options go into websocket")
req_t(PT, "start_captions", {"sessionId": SID, "token": "TOKEN", "languageCode": "en-US", "partialCaptions": True, "provider": "x"}, "POST", P + "/captions",
      {"sessionId": SID, "token": "TOKEN", "languageCode": "en-US", "partialCaptions": True, "provider": "x"}, name="start_captions unknown key, camelCase known keys")
req_t(PT, "register_callback", {"group": "archive", "event": "status", "url": "https://hooks.customer.com/a", "secret": "s"}, "POST", P + "/callback",
      {"group": "archive", "event": "status", "url": "https://hooks.customer.com/a", "secret": "s"}, name="register_callback unknown key")

IDS = "id_safety"
WEIRD = "a b/c%d?e#f\\g\u00e9"
req_t(IDS, "get_archive", {"archive_id": WEIRD}, "GET", P + "/archive/" + enc(WEIRD), name="archive id percent-encoded")
req_t(IDS, "force_disconnect", {"session_id": "%2e%2e", "connection_id": "..."}, "DELETE", P + "/session/" + enc("%2e%2e") + "/connection/...",
      name="encoded dots and three dots are plain ids")
req_t(IDS, "start_archive", {"session_id": "a/b"}, "POST", P + "/archive", {"sessionId": "a/b"}, name="session id with slash is sent as given in the body")
req_t(IDS, "send_signal", {"session_id": "not a real session", "data": "d"}, "POST", P + "/session/" + enc("not a real session") + "/signal", {"data": "d"},
      name="a session id that does not decode is sent")
req_t(IDS, "get_stream", {"session_id": SID, "stream_id": "s?x=1"}, "GET", P + f"/session/{SID}/stream/" + enc("s?x=1"), name="stream id with a query is encoded")

E = []


def bad(op, args, field, name):
    E.append({"name": name, "op": op, "args": args, "field": field})


bad("create_session", {"archive_mode": "always"}, "archive_mode", "always-archive needs routed")
bad("create_session", {"e2ee": True}, "e2ee", "e2ee needs routed")
bad("create_session", {"media_mode": "routed", "archive_mode": "always", "e2ee": True}, "e2ee", "e2ee not with always-archive")
bad("create_session", {"media_mode": "routed", "archive_name": "x"}, "archive_name", "archive name only with always")
bad("create_session", {"media_mode": "routed", "archive_resolution": "1280x720"}, "archive_resolution", "archive resolution only with always")
bad("create_session", {"media_mode": "routed", "archive_mode": "always", "archive_name": "x" * 81}, "archive_name", "archive name over 80")
bad("create_session", {"location": "not-an-ip"}, "location", "location must be IPv4")
bad("create_session", {"location": "::1"}, "location", "location IPv6 rejected")
bad("create_session", {"media_mode": "p2p"}, "media_mode", "unknown media mode")
bad("start_archive", {}, "session_id", "session id required")
bad("start_archive", {"session_id": ""}, "session_id", "session id empty")
bad("start_archive", {"session_id": SID, "output_mode": "individual", "resolution": "640x480"}, "resolution", "resolution with individual")
bad("start_archive", {"session_id": SID, "resolution": "800x600"}, "resolution", "unknown resolution")
bad("start_archive", {"session_id": SID, "layout": {"type": "pip", "stylesheet": "x"}}, "layout.stylesheet", "stylesheet only with custom")
bad("start_archive", {"session_id": SID, "layout": {"type": "custom"}}, "layout.stylesheet", "custom needs stylesheet")
bad("start_archive", {"session_id": SID, "layout": {"type": "pip", "screenshare_type": "pip"}}, "layout.screenshare_type", "screenshare only with bestFit")
bad("start_archive", {"session_id": SID, "layout": {"type": "grid"}}, "layout.type", "unknown layout type")
bad("start_archive", {"session_id": SID, "max_bitrate": 99999}, "max_bitrate", "archive bitrate too low")
bad("start_archive", {"session_id": SID, "max_bitrate": 200000, "quantization_parameter": 20}, "quantization_parameter", "bitrate and quantization together")
bad("start_archive", {"session_id": SID, "quantization_parameter": 41}, "quantization_parameter", "quantization out of range")
bad("start_archive", {"session_id": SID, "has_audio": "yes"}, "has_audio", "wrong type")
bad("list_archives", {"count": 1001}, "count", "count over 1000")
bad("list_archives", {"offset": -1}, "offset", "negative offset")
bad("set_archive_layout", {"archive_id": "A", "layout": {"type": "bestFit", "stylesheet": "x"}}, "stylesheet", "layout stylesheet only with custom")
bad("start_broadcast", {"session_id": SID, "outputs": {}}, "outputs", "broadcast needs an output")
bad("start_broadcast", {"session_id": SID, "outputs": {"hls": {"dvr": True, "low_latency": True}}}, "outputs.hls", "dvr and low latency")
bad("start_broadcast", {"session_id": SID, "outputs": {"rtmp": [{"server_url": "rtmp://a/b", "stream_name": str(i)} for i in range(6)]}}, "outputs.rtmp", "six rtmp targets")
bad("start_broadcast", {"session_id": SID, "outputs": {"hls": {}}, "max_duration": 59}, "max_duration", "broadcast duration too short")
bad("start_broadcast", {"session_id": SID, "outputs": {"hls": {}}, "max_duration": 36001}, "max_duration", "broadcast duration too long")
bad("start_broadcast", {"session_id": SID, "outputs": {"hls": {}}, "max_bitrate": 6000001}, "max_bitrate", "broadcast bitrate too high")
bad("list_broadcasts", {"count": 5000}, "count", "broadcast count over 1000")
bad("send_signal", {"session_id": SID, "type": "x" * 129, "data": "d"}, "type", "signal type too long")
bad("send_signal", {"session_id": SID, "type": "bad type!", "data": "d"}, "type", "signal type characters")
bad("send_signal", {"session_id": SID, "type": "t", "data": "x" * 8193}, "data", "signal data too large")
bad("play_dtmf", {"session_id": SID, "digits": "12a"}, "digits", "dtmf digits")
bad("play_dtmf", {"session_id": SID, "digits": ""}, "digits", "dtmf empty")
bad("dial", {"session_id": SID, "token": "T", "uri": "http://x"}, "uri", "sip uri scheme")
bad("dial", {"session_id": SID, "token": "T", "uri": "sip:a@b", "headers": {"Foo": "x"}}, "headers.Foo", "sip header without X-")
bad("dial", {"session_id": SID, "token": "", "uri": "sip:a@b"}, "token", "dial token required")
bad("start_render", {"session_id": SID, "token": "T", "url": "https://a.b"}, "url", "render url too short")
bad("start_render", {"session_id": SID, "token": "T", "url": "https://example.com/" + "x" * 2040}, "url", "render url too long")
bad("start_render", {"session_id": SID, "token": "T", "url": "https://example.com/app", "max_duration": 36001}, "max_duration", "render duration")
bad("connect_audio", {"session_id": SID, "token": "T", "uri": "wss://a.b/c", "audio_rate": 44100}, "audio_rate", "audio rate")
bad("connect_audio", {"session_id": SID, "token": "T", "uri": "https://a.b/c"}, "uri", "websocket scheme")
bad("start_captions", {"session_id": SID, "token": "T", "max_duration": 299}, "max_duration", "caption duration too short")
bad("start_captions", {"session_id": SID, "token": "T", "max_duration": 14401}, "max_duration", "caption duration too long")
bad("start_captions", {"session_id": SID, "token": "T", "language_code": "english"}, "language_code", "caption language format")
bad("register_callback", {"group": "archive", "event": "status", "url": "ftp://x.y/z"}, "url", "callback url scheme")
bad("no_such_operation", {}, "operation", "unknown operation")

# Who refuses each invalid vector (issue 10 stage 2): "core" (every language, the core refuses it),
# or the languages whose official SDK checks it client-side (their packages refuse it with the
# official class; see /work/coord/CHECKS.md). A vector the core does not refuse carries the exact
# "request" the core sends for it (a language not in checked_by must send it).
F = lambda form: {"form": form}
WHO = {
    "always-archive needs routed": (["python", "node", "ruby"], ("POST", "/session/create", F({"p2p.preference": "enabled", "archiveMode": "always"}))),
    "e2ee needs routed": (["ruby"], ("POST", "/session/create", F({"p2p.preference": "enabled", "archiveMode": "manual", "e2ee": "true"}))),
    "e2ee not with always-archive": (["ruby"], ("POST", "/session/create", F({"p2p.preference": "disabled", "archiveMode": "always", "e2ee": "true"}))),
    "archive name only with always": (["python", "ruby"], ("POST", "/session/create", F({"p2p.preference": "disabled", "archiveMode": "manual", "archiveName": "x"}))),
    "archive resolution only with always": (["python", "ruby"], ("POST", "/session/create", F({"p2p.preference": "disabled", "archiveMode": "manual", "archiveResolution": "1280x720"}))),
    "archive name over 80": (["python"], ("POST", "/session/create", F({"p2p.preference": "disabled", "archiveMode": "always", "archiveName": "x" * 81}))),
    "location must be IPv4": (["python", "node", "ruby"], ("POST", "/session/create", F({"location": "not-an-ip", "p2p.preference": "enabled", "archiveMode": "manual"}))),
    "location IPv6 rejected": (["python", "node", "ruby"], ("POST", "/session/create", F({"location": "::1", "p2p.preference": "enabled", "archiveMode": "manual"}))),
    "unknown media mode": (["core"], None),
    "session id required": (["core"], None),
    "session id empty": (["core"], None),
    "resolution with individual": (["python", "ruby"], ("POST", P + "/archive", {"sessionId": SID, "outputMode": "individual", "resolution": "640x480"})),
    "unknown resolution": ([], ("POST", P + "/archive", {"sessionId": SID, "resolution": "800x600"})),
    "stylesheet only with custom": ([], ("POST", P + "/archive", {"sessionId": SID, "layout": {"type": "pip", "stylesheet": "x"}})),
    "custom needs stylesheet": ([], ("POST", P + "/archive", {"sessionId": SID, "layout": {"type": "custom"}})),
    "screenshare only with bestFit": ([], ("POST", P + "/archive", {"sessionId": SID, "layout": {"type": "pip", "screenshareType": "pip"}})),
    "unknown layout type": ([], ("POST", P + "/archive", {"sessionId": SID, "layout": {"type": "grid"}})),
    "archive bitrate too low": ([], ("POST", P + "/archive", {"sessionId": SID, "maxBitrate": 99999})),
    "bitrate and quantization together": ([], ("POST", P + "/archive", {"sessionId": SID, "maxBitrate": 200000, "quantizationParameter": 20})),
    "quantization out of range": (["python"], ("POST", P + "/archive", {"sessionId": SID, "quantizationParameter": 41})),
    "wrong type": (["core"], None),
    "count over 1000": (["ruby"], ("GET", P + "/archive", None, {"count": "1001"})),
    "negative offset": ([], ("GET", P + "/archive", None, {"offset": "-1"})),
    "layout stylesheet only with custom": (["ruby"], ("PUT", P + "/archive/A/layout", {"type": "bestFit", "stylesheet": "x"})),
    "broadcast needs an output": ([], ("POST", P + "/broadcast", {"sessionId": SID, "outputs": {}})),
    "dvr and low latency": (["python", "node"], ("POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {"dvr": True, "lowLatency": True}}})),
    "six rtmp targets": ([], ("POST", P + "/broadcast", {"sessionId": SID, "outputs": {"rtmp": [{"serverUrl": "rtmp://a/b", "streamName": str(i)} for i in range(6)]}})),
    "broadcast duration too short": ([], ("POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {}}, "maxDuration": 59})),
    "broadcast duration too long": ([], ("POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {}}, "maxDuration": 36001})),
    "broadcast bitrate too high": (["python"], ("POST", P + "/broadcast", {"sessionId": SID, "outputs": {"hls": {}}, "maxBitrate": 6000001})),
    "broadcast count over 1000": (["ruby"], ("GET", P + "/broadcast", None, {"count": "5000"})),
    "signal type too long": ([], ("POST", P + f"/session/{SID}/signal", {"type": "x" * 129, "data": "d"})),
    "signal type characters": ([], ("POST", P + f"/session/{SID}/signal", {"type": "bad type!", "data": "d"})),
    "signal data too large": ([], ("POST", P + f"/session/{SID}/signal", {"type": "t", "data": "x" * 8193})),
    "dtmf digits": (["ruby"], ("POST", P + f"/session/{SID}/play-dtmf", {"digits": "12a"})),
    "dtmf empty": (["ruby"], ("POST", P + f"/session/{SID}/play-dtmf", {"digits": ""})),
    "sip uri scheme": ([], ("POST", P + "/dial", {"sessionId": SID, "token": "T", "sip": {"uri": "http://x"}})),
    "sip header without X-": ([], ("POST", P + "/dial", {"sessionId": SID, "token": "T", "sip": {"uri": "sip:a@b", "headers": {"Foo": "x"}}})),
    "dial token required": (["node"], ("POST", P + "/dial", {"sessionId": SID, "token": "", "sip": {"uri": "sip:a@b"}})),
    "render url too short": ([], ("POST", P + "/render", {"sessionId": SID, "token": "T", "url": "https://a.b"})),
    "render url too long": ([], ("POST", P + "/render", {"sessionId": SID, "token": "T", "url": "https://example.com/" + "x" * 2040})),
    "render duration": ([], ("POST", P + "/render", {"sessionId": SID, "token": "T", "url": "https://example.com/app", "maxDuration": 36001})),
    "audio rate": ([], ("POST", P + "/connect", {"sessionId": SID, "token": "T", "websocket": {"uri": "wss://a.b/c", "audioRate": 44100}})),
    "websocket scheme": ([], ("POST", P + "/connect", {"sessionId": SID, "token": "T", "websocket": {"uri": "https://a.b/c"}})),
    "caption duration too short": ([], ("POST", P + "/captions", {"sessionId": SID, "token": "T", "maxDuration": 299})),
    "caption duration too long": ([], ("POST", P + "/captions", {"sessionId": SID, "token": "T", "maxDuration": 14401})),
    "caption language format": ([], ("POST", P + "/captions", {"sessionId": SID, "token": "T", "languageCode": "english"})),
    "callback url scheme": ([], ("POST", P + "/callback", {"group": "archive", "event": "status", "url": "ftp://x.y/z"})),
    "unknown operation": (["core"], None),
}
for e in E:
    who, wire = WHO[e["name"]]
    e["checked_by"] = who
    if wire is not None:
        method, path, body = wire[:3]
        query = wire[3] if len(wire) > 3 else {}
        e["request"] = {"method": method, "path": path, "query": query, "body": body}

# ids that would change the path: refused by the core in every language.
for op, args, field in [
    ("get_archive", {"archive_id": "."}, "archive_id"),
    ("delete_archive", {"archive_id": ".."}, "archive_id"),
    ("stop_archive", {"archive_id": ""}, "archive_id"),
    ("get_broadcast", {"broadcast_id": ".."}, "broadcast_id"),
    ("send_signal", {"session_id": SID, "connection_id": "..", "data": "d"}, "connection_id"),
    ("play_dtmf", {"session_id": SID, "connection_id": ".", "digits": "1"}, "connection_id"),
    ("force_disconnect", {"session_id": "..", "connection_id": "C"}, "session_id"),
    ("get_stream", {"session_id": SID, "stream_id": ".."}, "stream_id"),
    ("mute_stream", {"session_id": SID, "stream_id": ""}, "stream_id"),
    ("get_render", {"render_id": ".."}, "render_id"),
    ("stop_captions", {"captions_id": "."}, "captions_id"),
    ("unregister_callback", {"callback_id": ".."}, "callback_id"),
    ("stop_audio_connector", {"connection_id": ".."}, "connection_id"),
    ("remove_archive_stream", {"archive_id": "A", "stream_id": ".."}, "stream_id"),
]:
    bad(op, args, field, f"{op} {field}={args[field]!r} would change the path")
    E[-1]["checked_by"] = ["core"]
    E[-1]["tags"] = ["id_safety"]

# api keys / application ids that would change the path (the client is built with `project_id`).
PROJECT_ID_INVALID = [{"name": f"project id {k!r}", "project_id": k, "op": "get_archive", "args": {"archive_id": "A"}, "field": "api_key", "checked_by": ["core"]}
                      for k in ["123456#frag", "12/34", "12?x=1", "12%2F34", "12\\34", ".", "..", "", "12 34", "12\n34", "12\t34"]]

requests = {"api_key": API_KEY, "api_secret": API_SECRET, "session_id": SID, "requests": R, "invalid": E,
            "project_id_invalid": PROJECT_ID_INVALID}

# ---------------------------------------------------------------- responses
ARCHIVE = {"createdAt": 1384221730000, "duration": 5049, "hasAudio": True, "hasVideo": True, "id": "b40ef09b-3811-4726-b508-e41a0f96c68f",
           "name": "Foo", "outputMode": "composed", "projectId": 123456, "reason": "", "resolution": "640x480", "sessionId": SID, "size": 247748791,
           "status": "available", "streamMode": "auto", "streams": [], "url": "https://tokbox.com.archive2.s3.amazonaws.com/123456/b40ef09b/archive.mp4"}
BROADCAST = {"id": "1748b7070a81464c9759c46ad10d3734", "sessionId": SID, "projectId": 100, "createdAt": 1437676551000, "updatedAt": 1437676551000,
             "resolution": "640x480", "status": "started", "broadcastUrls": {"hls": "http://server/fakepath/playlist.m3u8", "rtmp": [{"id": "foo", "serverUrl": "rtmp://myfooserver/myfooapp", "streamName": "myfoostream", "status": "live"}]},
             "maxDuration": 5400, "streamMode": "auto", "hasAudio": True, "hasVideo": True, "settings": {"hls": {"lowLatency": False, "dvr": False}}}
RESP = [
    {"op": "create_session", "args": {"media_mode": "routed"}, "status": 200,
     "body": [{"session_id": SID, "project_id": "123456", "partner_id": "123456", "create_dt": "Tue Nov 14 22:13:20 PST 2023", "media_server_url": ""}],
     "expect": {"length": 1, "0.session_id": SID, "0.project_id": "123456", "0.create_dt": "Tue Nov 14 22:13:20 PST 2023"}},
    {"op": "get_archive", "args": {"archive_id": ARCHIVE["id"]}, "status": 200, "body": ARCHIVE,
     "expect": {"id": ARCHIVE["id"], "status": "available", "name": "Foo", "sessionId": SID, "size": 247748791, "duration": 5049, "createdAt": 1384221730000,
                "outputMode": "composed", "hasAudio": True, "hasVideo": True, "url": ARCHIVE["url"], "projectId": 123456, "resolution": "640x480"}},
    {"op": "list_archives", "args": {}, "status": 200, "body": {"count": 3, "items": [ARCHIVE, dict(ARCHIVE, id="a2", status="started", url=None)]},
     "expect": {"count": 3, "items.length": 2, "items.0.id": ARCHIVE["id"], "items.1.status": "started"}},
    {"op": "start_broadcast", "args": {"session_id": SID, "outputs": {"hls": {}}}, "status": 200, "body": BROADCAST,
     "expect": {"id": BROADCAST["id"], "status": "started", "broadcastUrls.hls": "http://server/fakepath/playlist.m3u8", "broadcastUrls.rtmp.0.status": "live", "maxDuration": 5400}},
    {"op": "get_stream", "args": {"session_id": SID, "stream_id": "8b732909-0a06-46a2-8ea8-074e64d43422"}, "status": 200,
     "body": {"id": "8b732909-0a06-46a2-8ea8-074e64d43422", "videoType": "camera", "name": "", "layoutClassList": ["full"]},
     "expect": {"id": "8b732909-0a06-46a2-8ea8-074e64d43422", "videoType": "camera", "name": "", "layoutClassList": ["full"]}},
    {"op": "list_streams", "args": {"session_id": SID}, "status": 200,
     "body": {"count": 1, "items": [{"id": "S1", "videoType": "screen", "name": "share", "layoutClassList": []}]},
     "expect": {"count": 1, "items.0.videoType": "screen"}},
    {"op": "list_connections", "args": {"session_id": SID}, "status": 200,
     "body": {"count": 1, "projectId": "123456", "sessionId": SID, "items": [{"connectionId": "C1", "connectionState": "Connected", "createdAt": 1384221730555}]},
     "expect": {"count": 1, "items.0.connectionId": "C1", "items.0.connectionState": "Connected"}},
    {"op": "dial", "args": {"session_id": SID, "token": "T", "uri": "sip:a@b"}, "status": 200,
     "body": {"id": "b0a5a8c7-dc38-459f-a48d-a7f2008da853", "connectionId": "e9f8c166-6c67-440d-994a-04fb6dfed007", "streamId": "482bce73-f882-40fd-8ca5-cb74ff416036"},
     "expect": {"id": "b0a5a8c7-dc38-459f-a48d-a7f2008da853", "connectionId": "e9f8c166-6c67-440d-994a-04fb6dfed007", "streamId": "482bce73-f882-40fd-8ca5-cb74ff416036"}},
    {"op": "start_render", "args": {"session_id": SID, "token": "T", "url": "https://webapp.customer.com"}, "status": 202,
     "body": {"id": "1248e7070b81464c9789f46ad10e7764", "sessionId": SID, "projectId": "123456", "createdAt": 1437676551000, "updatedAt": 1437676551000, "url": "https://webapp.customer.com", "resolution": "1280x720", "status": "started", "streamId": "e32445b743678c98230f238"},
     "expect": {"id": "1248e7070b81464c9789f46ad10e7764", "status": "started", "streamId": "e32445b743678c98230f238"}},
    {"op": "connect_audio", "args": {"session_id": SID, "token": "T", "uri": "wss://a.b/c"}, "status": 200,
     "body": {"id": "b0a5a8c7-dc38-459f-a48d-a7f2008da853", "connectionId": "e9f8c166-6c67-440d-994a-04fb6dfed007"},
     "expect": {"id": "b0a5a8c7-dc38-459f-a48d-a7f2008da853", "connectionId": "e9f8c166-6c67-440d-994a-04fb6dfed007"}},
    {"op": "start_captions", "args": {"session_id": SID, "token": "T"}, "status": 202, "body": {"captionsId": "7c0680fc-6274-4de5-a66f-d0648e8d3ac2"},
     "expect": {"captionsId": "7c0680fc-6274-4de5-a66f-d0648e8d3ac2"}},
    {"op": "get_captions", "args": {"captions_id": "C"}, "status": 200,
     "body": {"captionId": "C", "applicationId": "A", "sessionId": SID, "status": "started", "createdAt": 1, "updatedAt": 2, "duration": 30, "languageCode": "en-US", "provider": "aws-transcribe", "reason": None},
     "expect": {"captionId": "C", "status": "started", "languageCode": "en-US", "duration": 30}},
    {"op": "list_callbacks", "args": {}, "status": 200, "body": [{"id": "CB1", "group": "archive", "event": "status", "url": "https://x.y/z", "createdAt": 1}],
     "expect": {"length": 1, "0.id": "CB1", "0.group": "archive"}},
    {"op": "stop_render", "args": {"render_id": "R"}, "status": 204, "body": None, "expect": {}},
]
RESP_BAD = [
    {"name": "archive body that is not JSON", "op": "get_archive", "args": {"archive_id": "A"}, "body_text": "<html>oops</html>", "kind": "decode"},
    {"name": "truncated JSON", "op": "get_archive", "args": {"archive_id": "A"}, "body_text": "{\"id\": \"A\"", "kind": "decode"},
    {"name": "session create answer that is neither JSON nor the legacy XML", "op": "create_session", "args": {}, "body_text": "<html>oops</html>", "kind": "decode"},
]

# Bodies every language must pass through unchanged: "json" is the raw JSON the core returns
# (decode_response / call) for "body_text" — absent fields stay absent, unknown fields stay, duplicate
# keys resolve last-wins, numbers stay as sent (floats stay floats). "rust_typed": "ok" or
# "decode_error" says what the Rust typed API (Operation::decode) does with it.
PASS = []


def passthrough(name, op, args, body_text, json_value, rust_typed="ok", content_type="application/json", status=200):
    PASS.append({"name": name, "op": op, "args": args, "status": status, "content_type": content_type, "body_text": body_text,
                 "json": json_value, "rust_typed": rust_typed})


def pj(name, op, args, value, **k):
    passthrough(name, op, args, json.dumps(value), value, **k)


pj("archive with absent optional fields", "get_archive", {"archive_id": "A1"}, {"id": "A1", "status": "started", "sessionId": SID})
pj("archive with unknown fields", "get_archive", {"archive_id": "A1"}, dict(ARCHIVE, futureField={"x": [1, 2]}, anotherFlag=True, newStatus=None))
pj("broadcast with rtmp as an object keyed by id", "get_broadcast", {"broadcast_id": "B1"},
   {"id": "B1", "status": "started", "broadcastUrls": {"hls": "http://h/p.m3u8", "rtmp": {"foo": {"serverUrl": "rtmp://a/b", "streamName": "s", "status": "live"}}}})
pj("broadcast with absent broadcastUrls members", "get_broadcast", {"broadcast_id": "B1"}, {"id": "B1", "status": "started", "broadcastUrls": {"hls": "http://h/p.m3u8"}})
pj("floats where integers are documented", "get_archive", {"archive_id": "A1"},
   {"id": "A1", "size": 1024.0, "duration": 5049.5, "createdAt": 1384221730000.0, "streams": []})
pj("list with floats for count", "list_archives", {}, {"count": 2.0, "items": [{"id": "A1"}, {"id": "A2", "duration": 1.5}]})
pj("list without items", "list_archives", {}, {"count": 0})
pj("archive without id (the official SDKs keep it)", "get_archive", {"archive_id": "A"}, {"status": "started"}, rust_typed="decode_error")
pj("archive with a field of another type", "get_archive", {"archive_id": "A"}, {"id": "A", "size": "big"}, rust_typed="decode_error")
pj("list whose items is not a list", "list_archives", {}, {"items": 5}, rust_typed="decode_error")
pj("session create empty array", "create_session", {}, [], rust_typed="decode_error")
pj("stream with unknown fields", "get_stream", {"session_id": SID, "stream_id": "S1"}, {"id": "S1", "videoType": "camera", "layoutClassList": ["a"], "audioOnly": False})
pj("connections with unknown fields", "list_connections", {"session_id": SID},
   {"count": 1, "applicationId": "app", "items": [{"connectionId": "C1", "connectionState": "Connected", "createdAt": 1.0, "clientData": "x"}]})
passthrough("archive with duplicate keys (last wins)", "get_archive", {"archive_id": "A1"},
            '{"id": "A1", "status": "started", "duration": 1, "status": "stopped", "duration": 2, "streams": [], "streams": [{"streamId": "S"}]}',
            {"id": "A1", "status": "stopped", "duration": 2, "streams": [{"streamId": "S"}]})
passthrough("nested duplicate keys (last wins)", "get_broadcast", {"broadcast_id": "B1"},
            '{"id": "B1", "broadcastUrls": {"hls": "x", "hls": "y"}, "id": "B2"}', {"id": "B2", "broadcastUrls": {"hls": "y"}})
XML_CREATED = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session><session_id>' + SID +
               '</session_id><partner_id>123456</partner_id><create_dt>Tue Nov 14 22:13:20 PST 2023</create_dt></Session></sessions>')
passthrough("legacy XML create-session answer", "create_session", {"media_mode": "routed"}, XML_CREATED,
            [{"session_id": SID, "partner_id": "123456", "create_dt": "Tue Nov 14 22:13:20 PST 2023"}], content_type="application/xml")
passthrough("legacy XML create-session answer with media_server_url and whitespace", "create_session", {}, 
            "<sessions>\n  <Session>\n    <session_id>" + SID + "</session_id>\n    <partner_id>123456</partner_id>\n    <create_dt>Tue Nov 14 22:13:20 PST 2023</create_dt>\n"
            "    <media_server_url></media_server_url>\n  </Session>\n</sessions>\n",
            [{"session_id": SID, "partner_id": "123456", "create_dt": "Tue Nov 14 22:13:20 PST 2023", "media_server_url": ""}], content_type="text/xml")
passthrough("empty body of an operation that answers nothing", "stop_render", {"render_id": "R"}, "", None, status=204)
passthrough("JSON body of an operation that answers nothing is kept", "mute_stream", {"session_id": SID, "stream_id": "S"}, '{"id": "P", "status": "ACTIVE"}',
            {"id": "P", "status": "ACTIVE"})
passthrough("non-JSON body of an operation that answers nothing is null", "delete_archive", {"archive_id": "A"}, "OK", None)
STATUS = [
    {"status": 400, "body": {"code": 400, "message": "Invalid request"}, "kind": "api"},
    {"status": 401, "body": {"code": -1, "message": "Invalid signature"}, "kind": "auth"},
    {"status": 403, "body": {"code": -1, "message": "Invalid issuer format"}, "kind": "auth"},
    {"status": 404, "body": {"code": 404, "message": "Archive not found"}, "kind": "not_found"},
    {"status": 405, "body": {"code": 405, "message": "Stream mode is auto"}, "kind": "api"},
    {"status": 409, "body": {"code": 409, "message": "Session is already being recorded"}, "kind": "conflict"},
    {"status": 413, "body": {"code": 413, "message": "Signal too large"}, "kind": "api"},
    {"status": 429, "body": {"code": 429, "message": "Too many requests"}, "kind": "rate_limited"},
    {"status": 500, "body": {"code": 500, "message": "Server error"}, "kind": "api"},
    {"status": 503, "body": {"code": 503, "message": "Unavailable"}, "kind": "api"},
]
responses = {"session_id": SID, "responses": RESP, "malformed": RESP_BAD, "status_mapping": STATUS, "passthrough": PASS}


def dump(name, obj):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")


dump("session_ids.json", session_ids)
dump("tokens.json", tokens)
dump("requests.json", requests)
dump("responses.json", responses)
print(f"{len(R)} requests, {len(E)} invalid, {len(token_cases)} tokens, {len(RESP)} responses, {len(PASS)} passthrough")
