"""Every vector in tests/vectors: native functions (exact bytes) and the public API."""

import base64
import re
import json
import time
import urllib.parse
from typing import Any, Dict
from unittest import mock

import pytest

import opentok
from opentok import _native
from opentok.exceptions import InvalidArgumentError, OpenTokException

from conftest import API_KEY, API_SECRET, VECTORS, load_vectors
from drive import OFFICIAL_DEFAULTS, drive, expressible

TOKENS = load_vectors("tokens")
SESSION_IDS = load_vectors("session_ids")
REQUESTS = load_vectors("requests")
RESPONSES = load_vectors("responses")


def jwt_claims(token: str) -> Dict[str, Any]:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))  # type: ignore[no-any-return]


def native_client(**extra: Any) -> Any:
    return _native.Client(json.dumps({"api_key": API_KEY, "api_secret": API_SECRET, **extra}))


def opts(o: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "role": o.get("role", "publisher"),
        "expire_time": o.get("expire_time"),
        "data": o.get("data"),
        "initial_layout_class_list": o.get("initial_layout_class_list", []),
        "token_type": o.get("token_type", "JWT"),
    }


def public_kwargs(o: Dict[str, Any]) -> Dict[str, Any]:
    kw: Dict[str, Any] = {}
    if "role" in o:
        kw["role"] = o["role"]
    for k in ("expire_time", "data", "initial_layout_class_list"):
        if k in o:
            kw[k] = o[k]
    if o.get("token_type") in ("T1", "t1"):
        kw["use_jwt"] = False
    return kw


# ---------------------------------------------------------------- tokens


@pytest.mark.parametrize("v", TOKENS["valid"] + TOKENS["valid_edges"], ids=lambda v: v["name"])
def test_token_exact_native(v: Dict[str, Any]) -> None:
    o = opts(v["options"])
    tok = native_client().generate_token(v["session_id"], o["role"], o["expire_time"], o["data"],
                                         o["initial_layout_class_list"], o["token_type"],
                                         v.get("now", 1700000000), v.get("nonce"))
    if "now" not in v:  # edge cases: must be accepted, also through the public API
        assert opentok.Client(API_KEY, API_SECRET).generate_token(v["session_id"], **public_kwargs(v["options"]))
    elif "token" in v:
        assert tok == v["token"]
    else:
        assert jwt_claims(tok) == v["claims"]


@pytest.mark.parametrize("v", TOKENS["valid"], ids=lambda v: v["name"])
def test_token_claims_public_api_with_frozen_clock(v: Dict[str, Any]) -> None:
    c = opentok.Client(API_KEY, API_SECRET)
    with mock.patch("time.time", return_value=float(v["now"]) + 0.25):
        tok = c.generate_token(v["session_id"], **public_kwargs(v["options"]))
    if tok.startswith("T1=="):
        inner = base64.b64decode(tok[4:]).decode()
        fields = dict(urllib.parse.parse_qsl(inner.split(":", 1)[1], keep_blank_values=True))
        expected = dict(urllib.parse.parse_qsl(base64.b64decode(v["token"][4:]).decode().split(":", 1)[1], keep_blank_values=True))
        fields.pop("nonce"), expected.pop("nonce")
        assert fields == expected
    else:
        claims = jwt_claims(tok)
        expected = dict(v.get("claims") or jwt_claims(v["token"]))
        claims.pop("nonce"), expected.pop("nonce")
        assert claims == expected


@pytest.mark.parametrize("v", TOKENS["invalid"], ids=lambda v: v["name"])
def test_token_invalid(v: Dict[str, Any]) -> None:
    o = opts(v["options"])
    now = v.get("now", 1700000000)
    with pytest.raises(_native.NativeError) as ei:
        native_client().generate_token(v["session_id"], o["role"], o["expire_time"], o["data"],
                                       o["initial_layout_class_list"], o["token_type"], now, None)
    assert json.loads(ei.value.args[0])["field"] == v["field"]
    c = opentok.Client(API_KEY, API_SECRET)
    with mock.patch("time.time", return_value=float(now)):
        with pytest.raises(InvalidArgumentError) as pe:
            c.generate_token(v["session_id"], **public_kwargs(v["options"]))
    assert pe.value.field == v["field"]
    assert isinstance(pe.value, OpenTokException)


def _app_client(public: bool = False) -> Any:
    creds = TOKENS["credentials"]
    key = (VECTORS / creds["private_key_file"]).read_text()
    if public:
        return opentok.Client(creds["application_id"], key)
    return _native.Client(json.dumps({"application_id": creds["application_id"], "private_key": key}))


@pytest.mark.parametrize("v", TOKENS["application"], ids=lambda v: v["name"])
def test_application_token(v: Dict[str, Any]) -> None:
    o = opts(v["options"])
    tok = _app_client().generate_token(v["session_id"], o["role"], o["expire_time"], o["data"],
                                       o["initial_layout_class_list"], o["token_type"], v["now"], None)
    header = json.loads(base64.urlsafe_b64decode(tok.split(".")[0] + "=="))
    assert header == v["header"]
    claims = jwt_claims(tok)
    claims.pop("jti")
    assert claims == v["claims_without_jti"]
    with mock.patch("time.time", return_value=float(v["now"])):
        tok2 = _app_client(public=True).generate_token(v["session_id"], **public_kwargs(v["options"]))
    c2 = jwt_claims(tok2)
    c2.pop("jti")
    assert c2 == v["claims_without_jti"]


@pytest.mark.parametrize("v", TOKENS["application_invalid"], ids=lambda v: v["name"])
def test_application_token_invalid(v: Dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError) as ei:
        _app_client(public=True).generate_token(v["session_id"], **public_kwargs(v["options"]))
    assert ei.value.field == v["field"]


# ---------------------------------------------------------------- session ids


@pytest.mark.parametrize("v", SESSION_IDS["valid"], ids=lambda v: v["session_id"][:20])
def test_session_id_decode(v: Dict[str, Any]) -> None:
    assert _native.decode_session_id(v["session_id"]) == (v["api_key"], v["location"], v["create_time"])


@pytest.mark.parametrize("sid", SESSION_IDS["malformed"])
def test_session_id_malformed(sid: str) -> None:
    with pytest.raises(_native.NativeError):
        _native.decode_session_id(sid)
    with pytest.raises(InvalidArgumentError) as ei:
        opentok.Client(API_KEY, API_SECRET).generate_token(sid)
    assert ei.value.field == "session_id"


# ---------------------------------------------------------------- requests


@pytest.mark.parametrize("v", REQUESTS["requests"], ids=lambda v: v["name"])
def test_request_native(v: Dict[str, Any]) -> None:
    got = json.loads(_native.build_request(v["op"], json.dumps(v["args"]), REQUESTS["api_key"]))
    assert got["method"] == v["request"]["method"]
    assert got["path"] == v["request"]["path"]
    assert got["query"] == v["request"]["query"]
    assert got["body"] == v["request"]["body"]


def _recorded_body(rec: Dict[str, Any], expected: Any) -> Any:
    raw = rec["body"]
    if isinstance(expected, dict) and "form" in expected:
        return {"form": dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))}
    if expected is None:
        return None if raw in ("", "{}") else json.loads(raw)
    return json.loads(raw) if raw else None


@pytest.mark.parametrize("v", REQUESTS["requests"], ids=lambda v: v["name"])
def test_request_public_api_against_emulator(v: Dict[str, Any], emulator: Any, client: Any) -> None:
    if "passthrough" in v.get("tags", []) and not expressible(v["op"], v["args"]):
        pytest.skip("core-level arguments the official Python signature cannot spell (checked by test_request_native)")
    try:
        drive(client, v["op"], v["args"])
    except OpenTokException as e:
        assert e.kind != "invalid_argument", e  # the emulator may refuse unknown ids; the request is what counts
    recs = emulator.requests()
    assert len(recs) == 1, recs
    rec = recs[0]
    exp = v["request"]
    assert rec["method"] == exp["method"]
    assert rec["path"] == exp["path"]
    assert dict(urllib.parse.parse_qsl(rec["query"])) == exp["query"]
    body = _recorded_body(rec, exp["body"])
    if isinstance(body, dict) and isinstance(exp["body"], dict):
        for k, dv in OFFICIAL_DEFAULTS.get(v["op"], {}).items():
            if k not in exp["body"] and body.get(k) == dv:
                body.pop(k)
    assert body == exp["body"]
    assert rec["headers"]["user-agent"].startswith("OpenTok-Rust-SDK/")
    assert "x-opentok-auth" in rec["headers"]


@pytest.mark.parametrize("v", REQUESTS["invalid"], ids=lambda v: f'{v["op"]}:{v["field"]}')
def test_invalid_native(v: Dict[str, Any]) -> None:
    if "core" not in v.get("checked_by", ["core"]):
        # checked by the language packages whose official SDK checks it: the core builds the request
        got = json.loads(_native.build_request(v["op"], json.dumps(v["args"]), REQUESTS["api_key"]))
        if "request" in v:
            assert {k: got[k] for k in ("method", "path", "query", "body")} == {
                k: v["request"][k] for k in ("method", "path", "query", "body")}
        return
    with pytest.raises(_native.NativeError) as ei:
        _native.build_request(v["op"], json.dumps(v["args"]), REQUESTS["api_key"])
    info = json.loads(ei.value.args[0])
    assert info["kind"] == "invalid_argument"
    assert info["field"] == v["field"]


# Checks where the official Python package does something else than refuse (docs/compatibility.md).
_PYTHON_DIFFERS = {
    ("set_archive_layout", "stylesheet"): "the official Python package drops `stylesheet` unless the type is custom (ours too)",
}

# Vectors whose arguments cannot be spelled through the official method signatures.
_NOT_PUBLIC = {"no_such_operation", "unexpected"}


@pytest.mark.parametrize("v", REQUESTS["invalid"], ids=lambda v: f'{v["op"]}:{v["field"]}')
def test_invalid_public_api(v: Dict[str, Any], emulator: Any, client: Any) -> None:
    if v["op"] in _NOT_PUBLIC or v["field"] in _NOT_PUBLIC or (v["op"] == "start_archive" and "session_id" not in v["args"]):
        pytest.skip("not expressible through the official signatures (Python raises TypeError)")
    if (v["op"], v["field"]) in _PYTHON_DIFFERS:
        pytest.skip(_PYTHON_DIFFERS[(v["op"], v["field"])])
    checked_by = v.get("checked_by")
    if checked_by is not None and not {"core", "python"} & set(checked_by):
        # the official Python package does not check this: ours must send it
        try:
            drive(client, v["op"], v["args"])
        except OpenTokException as e:
            assert e.kind != "invalid_argument", f"refused client-side although the official Python sends it: {e}"
        assert len(emulator.requests()) == 1
        return
    with pytest.raises(OpenTokException) as ei:
        drive(client, v["op"], v["args"])
    assert ei.value.kind == "invalid_argument"
    assert isinstance(ei.value, InvalidArgumentError)
    assert ei.value.field == v["field"]
    assert emulator.requests() == []  # nothing was sent


# ---------------------------------------------------------------- responses

def _result_object(op: str, data: Any) -> Any:
    c = opentok.Client(API_KEY, API_SECRET)
    from opentok.async_client import AsyncClient  # noqa: F401  (same converters)
    conv = {
        "start_archive": c._archive, "stop_archive": c._archive, "get_archive": c._archive,
        "list_archives": lambda r: opentok.ArchiveList(c, r),
        "start_broadcast": opentok.Broadcast, "stop_broadcast": opentok.Broadcast, "get_broadcast": opentok.Broadcast,
        "list_broadcasts": opentok.broadcast.BroadcastList,
        "get_stream": opentok.Stream, "list_streams": opentok.StreamList,
        "dial": opentok.SipCall, "start_render": opentok.Render, "get_render": opentok.Render,
        "list_renders": lambda r: opentok.RenderList(c, r),
        "connect_audio": opentok.WebSocketAudioConnection,
        "start_captions": opentok.captions.Captions, "get_captions": opentok.captions.CaptionStatus,
        "list_connections": opentok.connection.ConnectionList,
    }.get(op)
    return conv(data) if conv else None


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def _path(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if part == "length":
            obj = len(obj)
        elif isinstance(obj, list):
            obj = obj[int(part)]
        elif isinstance(obj, dict):
            obj = obj[part]
        elif hasattr(obj, part):
            obj = getattr(obj, part)
        elif hasattr(obj, _snake(part)):
            obj = getattr(obj, _snake(part))
        elif part == "items" or part.isdigit():
            obj = obj[int(part)] if part.isdigit() else obj.items
        else:
            raise KeyError(part)
    return obj


@pytest.mark.parametrize("v", RESPONSES["responses"], ids=lambda v: v["op"])
def test_response_decode(v: Dict[str, Any]) -> None:
    body = json.dumps(v["body"]).encode() if "body" in v else v.get("body_text", "").encode()
    got = json.loads(_native.decode_response(v["op"], json.dumps(v["args"]), body))
    exp = v["expect"]

    obj = _result_object(v["op"], got)
    for key, value in exp.items():
        assert _path(got, key) == value, key
        if obj is not None and not key.startswith("project"):
            try:
                attr = _path(obj, key)
            except (KeyError, AttributeError, IndexError, TypeError):
                continue  # not an attribute of the official object
            if key == "createdAt" and hasattr(attr, "timestamp"):
                attr = int(attr.timestamp()) * 1000
            if hasattr(attr, "value") and not isinstance(attr, (str, int)):
                attr = attr.value
            assert attr == value, key


@pytest.mark.parametrize("v", RESPONSES["malformed"], ids=lambda v: v["name"])
def test_response_malformed(v: Dict[str, Any]) -> None:
    with pytest.raises(_native.NativeError) as ei:
        _native.decode_response(v["op"], json.dumps(v["args"]), v["body_text"].encode())
    assert json.loads(ei.value.args[0])["kind"] == v["kind"]


@pytest.mark.parametrize("v", RESPONSES["status_mapping"], ids=lambda v: str(v["status"]))
def test_status_mapping(v: Dict[str, Any]) -> None:
    info = json.loads(_native.error_from_response(v["status"], json.dumps(v["body"]).encode()))
    assert info["kind"] == v["kind"]
    assert info["status"] == v["status"]
    assert info["server_message"] == v["body"]["message"]
    from opentok._errors import make_error

    err = make_error("get_archive", info)
    assert isinstance(err, OpenTokException)
    assert err.status == v["status"]
    assert err.server_message == v["body"]["message"]
    expected_cls = {
        "auth": opentok.exceptions.AuthError,
        "not_found": opentok.exceptions.NotFoundError,
        "rate_limited": opentok.exceptions.RateLimitError,
        "api": opentok.exceptions.RequestError,
        "conflict": opentok.exceptions.RequestError,
    }[v["kind"]]
    assert isinstance(err, expected_cls)
