#!/usr/bin/env python3
"""Writes tests/vectors/callbacks.json: callback bodies, their typed values, and signed variants.

Standard library only (json, hmac, hashlib, base64), so the vectors are independent of the Rust core.
The bodies are written fresh for this project from the documented field names (see README.md,
"Callbacks"); ids and values are made up.

Signed callbacks: `Authorization: <JWT>` (a `Bearer ` prefix is accepted too), HS256 over the
project's signature secret, claims `iat`, `exp`, `jti`, `iss`, `api_key` and `payload_hash`
(lowercase hex SHA-256 of the raw body bytes).
"""

import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SECRET = "callback-signature-secret-0123456789"
WRONG_SECRET = "not-the-signature-secret"
NOW = 1767225600  # 2026-01-01T00:00:00Z
API_KEY = "123456"
SESSION = "1_MX4xMjM0NTZ-fjE3NjcyMjU1MDAwMDB-dGVzdHNlc3Npb24-fg"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims: dict, secret: str) -> str:
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode()
    sig = hmac.new(secret.encode(), signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{b64url(sig)}"


def body_text(obj: dict) -> str:
    # Compact, key order as written: the hash covers these exact bytes.
    return json.dumps(obj, separators=(",", ":"))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


CONN = {"id": "7b8e1f2c-0d44-4c1b-9a0e-2f5d6c7a8b90", "createdAt": 1767225500123, "data": "name=alice"}
STREAM = {
    "id": "4d3c2b1a-aaaa-4bbb-8ccc-123456789abc",
    "connection": CONN,
    "createdAt": 1767225510456,
    "name": "alice-camera",
    "videoType": "camera",
}

# (name, type, body, expected typed values in snake_case; dotted paths for nested values)
EVENTS = [
    (
        "connection_created", "connection",
        {"sessionId": SESSION, "projectId": API_KEY, "event": "connectionCreated",
         "timestamp": 1767225500200, "connection": CONN},
        {"event": "connectionCreated", "session_id": SESSION, "project_id": API_KEY,
         "timestamp": 1767225500200, "connection.id": CONN["id"],
         "connection.created_at": CONN["createdAt"], "connection.data": "name=alice"},
    ),
    (
        "connection_destroyed", "connection",
        {"sessionId": SESSION, "projectId": 123456, "event": "connectionDestroyed",
         "reason": "clientDisconnected", "timestamp": 1767225590000,
         "connection": {"id": CONN["id"], "createdAt": CONN["createdAt"]}},
        {"event": "connectionDestroyed", "project_id": API_KEY, "reason": "clientDisconnected",
         "connection.id": CONN["id"], "connection.data": None},
    ),
    (
        "stream_created", "stream",
        {"sessionId": SESSION, "projectId": API_KEY, "event": "streamCreated",
         "timestamp": 1767225510500, "stream": STREAM},
        {"event": "streamCreated", "session_id": SESSION, "stream.id": STREAM["id"],
         "stream.name": "alice-camera", "stream.video_type": "camera",
         "stream.created_at": STREAM["createdAt"], "stream.connection.id": CONN["id"]},
    ),
    (
        "stream_destroyed", "stream",
        {"sessionId": SESSION, "projectId": API_KEY, "event": "streamDestroyed",
         "reason": "clientDisconnected", "timestamp": 1767225589000, "stream": STREAM},
        {"event": "streamDestroyed", "reason": "clientDisconnected", "stream.id": STREAM["id"]},
    ),
    (
        "archive_started", "archive",
        {"id": "a1b2c3d4-1111-4222-8333-444455556666", "event": "archive", "status": "started",
         "name": "weekly", "reason": "", "sessionId": SESSION, "projectId": 123456,
         "partnerId": 123456, "createdAt": 1767225520000, "updatedAt": 1767225520100, "size": 0,
         "duration": 0, "outputMode": "composed", "streamMode": "auto", "hasAudio": True,
         "hasVideo": True, "resolution": "1280x720", "sha256sum": "", "password": "",
         "url": None},
        {"id": "a1b2c3d4-1111-4222-8333-444455556666", "status": "started", "name": "weekly",
         "session_id": SESSION, "project_id": API_KEY, "size": 0, "duration": 0,
         "output_mode": "composed", "has_audio": True, "has_video": True, "url": None,
         "resolution": "1280x720"},
    ),
    (
        "archive_available", "archive",
        {"id": "a1b2c3d4-1111-4222-8333-444455556666", "event": "archive", "status": "available",
         "name": "weekly", "reason": "user initiated", "sessionId": SESSION, "projectId": 123456,
         "partnerId": 123456, "createdAt": 1767225520000, "updatedAt": 1767225590000,
         "size": 18234567, "duration": 70, "outputMode": "composed", "streamMode": "auto",
         "hasAudio": True, "hasVideo": True, "resolution": "1280x720",
         "sha256sum": "q3Jx1vR0n8c6m4Yb0mD0VQ3tq9q1sFh0b6b1q8pYw2A=", "password": "",
         "url": "https://archives.example.invalid/123456/a1b2c3d4/archive.mp4?sig=abc",
         "storageRegion": "eu-west-1"},
        {"status": "available", "reason": "user initiated", "size": 18234567, "duration": 70,
         "url": "https://archives.example.invalid/123456/a1b2c3d4/archive.mp4?sig=abc",
         "updated_at": 1767225590000, "extra.storageRegion": "eu-west-1"},
    ),
    (
        "archive_failed", "archive",
        {"id": "b2c3d4e5-2222-4333-8444-555566667777", "event": "archive", "status": "failed",
         "name": "", "reason": "upload failure", "sessionId": SESSION, "projectId": 123456,
         "createdAt": 1767225530000, "size": 0, "duration": 0, "outputMode": "individual"},
        {"status": "failed", "reason": "upload failure", "output_mode": "individual",
         "has_audio": None, "url": None, "updated_at": None},
    ),
    (
        "broadcast_started", "broadcast",
        {"id": "c3d4e5f6-3333-4444-8555-666677778888", "event": "broadcast", "status": "started",
         "sessionId": SESSION, "projectId": 123456, "createdAt": 1767225540000,
         "updatedAt": 1767225541000, "resolution": "1280x720", "streamMode": "auto",
         "maxDuration": 7200, "hasAudio": True, "hasVideo": True,
         "broadcastUrls": {"hls": "https://hls.example.invalid/c3d4e5f6/index.m3u8",
                           "rtmp": [{"id": "main", "serverUrl": "rtmps://live.example.invalid/app",
                                     "streamName": "key1", "status": "live"}]}},
        {"id": "c3d4e5f6-3333-4444-8555-666677778888", "status": "started",
         "session_id": SESSION, "resolution": "1280x720", "max_duration": 7200,
         "broadcast_urls.hls": "https://hls.example.invalid/c3d4e5f6/index.m3u8"},
    ),
    (
        "broadcast_stopped", "broadcast",
        {"id": "c3d4e5f6-3333-4444-8555-666677778888", "event": "broadcast", "status": "stopped",
         "sessionId": SESSION, "projectId": 123456, "createdAt": 1767225540000,
         "updatedAt": 1767225599000, "reason": "user initiated"},
        {"status": "stopped", "reason": "user initiated", "broadcast_urls": None},
    ),
    (
        "sip_call_created", "sip_call",
        {"sessionId": SESSION, "projectId": API_KEY, "event": "callCreated",
         "timestamp": 1767225550000,
         "connection": {"id": "d4e5f6a7-4444-4555-8666-777788889999", "createdAt": 1767225549900,
                        "data": "sip-caller"},
         "call": {"id": "e5f6a7b8-5555-4666-8777-88889999aaaa", "createdAt": 1767225549800,
                  "sipUri": "sip:user@sip.example.invalid;transport=tls"}},
        {"event": "callCreated", "call.id": "e5f6a7b8-5555-4666-8777-88889999aaaa",
         "call.sip_uri": "sip:user@sip.example.invalid;transport=tls",
         "connection.id": "d4e5f6a7-4444-4555-8666-777788889999"},
    ),
    (
        "sip_call_destroyed", "sip_call",
        {"sessionId": SESSION, "projectId": API_KEY, "event": "callDestroyed",
         "timestamp": 1767225560000, "reason": "bye",
         "call": {"id": "e5f6a7b8-5555-4666-8777-88889999aaaa", "createdAt": 1767225549800}},
        {"event": "callDestroyed", "reason": "bye", "connection": None},
    ),
    (
        "render_started", "render",
        {"id": "f6a7b8c9-6666-4777-8888-9999aaaabbbb", "sessionId": SESSION,
         "applicationId": "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d", "createdAt": 1767225570000,
         "updatedAt": 1767225571000, "name": "composer", "url": "https://app.example.invalid/view",
         "resolution": "1280x720", "status": "started",
         "streamId": "0a1b2c3d-7777-4888-8999-aaaabbbbcccc"},
        {"id": "f6a7b8c9-6666-4777-8888-9999aaaabbbb", "status": "started",
         "application_id": "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d",
         "stream_id": "0a1b2c3d-7777-4888-8999-aaaabbbbcccc", "url": "https://app.example.invalid/view",
         "reason": None},
    ),
    (
        "render_failed", "render",
        {"id": "f6a7b8c9-6666-4777-8888-9999aaaabbbb", "sessionId": SESSION, "projectId": "123456",
         "createdAt": 1767225570000, "updatedAt": 1767225580000, "url": "https://app.example.invalid/view",
         "status": "failed", "reason": "could not load the page"},
        {"status": "failed", "reason": "could not load the page", "project_id": API_KEY,
         "stream_id": None},
    ),
    (
        "captions_started", "captions",
        {"captionId": "1b2c3d4e-8888-4999-8aaa-bbbbccccdddd", "group": "captions",
         "applicationId": "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d", "sessionId": SESSION,
         "status": "started", "createdAt": 1767225575000, "updatedAt": 1767225575100,
         "duration": 0, "languageCode": "en-US", "provider": "aws-transcribe"},
        {"caption_id": "1b2c3d4e-8888-4999-8aaa-bbbbccccdddd", "status": "started",
         "language_code": "en-US", "provider": "aws-transcribe", "duration": 0},
    ),
    (
        "captions_stopped", "captions",
        {"captionId": "1b2c3d4e-8888-4999-8aaa-bbbbccccdddd", "group": "captions",
         "sessionId": SESSION, "projectId": 123456, "status": "stopped",
         "createdAt": 1767225575000, "updatedAt": 1767225595000, "duration": 20,
         "languageCode": "en-US", "reason": "stopped by the user"},
        {"status": "stopped", "duration": 20, "reason": "stopped by the user"},
    ),
    (
        "audio_connector_connected", "audio_connector",
        {"id": "2c3d4e5f-9999-4aaa-8bbb-ccccddddeeee", "group": "audioConnector",
         "event": "websocketConnected", "sessionId": SESSION, "projectId": 123456,
         "connectionId": "3d4e5f6a-aaaa-4bbb-8ccc-ddddeeeeffff", "status": "connected",
         "timestamp": 1767225580000},
        {"id": "2c3d4e5f-9999-4aaa-8bbb-ccccddddeeee", "status": "connected",
         "connection_id": "3d4e5f6a-aaaa-4bbb-8ccc-ddddeeeeffff", "event": "websocketConnected"},
    ),
    (
        "unknown_event", "unknown",
        {"event": "somethingNew", "sessionId": SESSION, "detail": {"x": 1}},
        {},
    ),
]


def signed_variants():
    archive = next(e for e in EVENTS if e[0] == "archive_available")
    body = body_text(archive[2])
    base = {"iss": "Vonage", "api_key": API_KEY, "iat": NOW - 5, "exp": NOW + 295,
            "jti": "0f0e0d0c-0b0a-4908-8706-050403020100", "payload_hash": sha256_hex(body)}
    out = []

    def add(name, body_, headers, outcome, secret=SECRET, leeway=0, now=NOW):
        out.append({"name": name, "body": body_, "headers": headers, "secret": secret,
                    "now": now, "leeway": leeway, "outcome": outcome,
                    "type": "archive" if outcome == "ok" else None})

    tok = sign(base, SECRET)
    add("valid", body, {"Authorization": tok}, "ok")
    add("valid_bearer_prefix_and_header_case", body, {"authorization": "Bearer " + tok}, "ok")
    no_hash = {k: v for k, v in base.items() if k != "payload_hash"}
    add("valid_without_payload_hash", body, {"Authorization": sign(no_hash, SECRET)}, "ok")
    add("wrong_secret", body, {"Authorization": sign(base, WRONG_SECRET)}, "bad_signature")
    expired = dict(base, iat=NOW - 900, exp=NOW - 600)
    add("expired", body, {"Authorization": sign(expired, SECRET)}, "expired")
    add("expired_within_leeway", body, {"Authorization": sign(dict(base, exp=NOW - 30), SECRET)},
        "ok", leeway=60)
    add("issued_in_the_future", body, {"Authorization": sign(dict(base, iat=NOW + 600, exp=NOW + 900), SECRET)},
        "not_yet_valid")
    altered = body.replace('"size":18234567', '"size":18234568')
    assert altered != body
    add("altered_body", altered, {"Authorization": tok}, "body_altered")
    add("missing_header", body, {"Content-Type": "application/json"}, "missing_signature")
    add("not_a_jwt", body, {"Authorization": "Bearer not-a-token"}, "malformed_token")
    none_alg = b64url(b'{"alg":"none","typ":"JWT"}') + "." + tok.split(".")[1] + "."
    add("alg_none_refused", body, {"Authorization": none_alg}, "malformed_token")
    return out


def main(out_dir=HERE):
    events = []
    for name, typ, body, expect in EVENTS:
        events.append({"name": name, "type": typ, "body": body_text(body), "expect": expect})
    doc = {
        "_comment": "Written by make_callbacks.py (stdlib only). Bodies are exact bytes; expect keys are "
                    "snake_case typed values, dotted for nested ones, extra.<key> for unknown fields kept raw.",
        "signature_secret": SECRET,
        "now": NOW,
        "outcomes": ["ok", "missing_signature", "malformed_token", "bad_signature", "expired",
                     "not_yet_valid", "body_altered"],
        "events": events,
        "signed": signed_variants(),
    }
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "callbacks.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    print(f"wrote {path}: {len(events)} events, {len(doc['signed'])} signed variants")


if __name__ == "__main__":
    import argparse

    cli = argparse.ArgumentParser(description="Writes callbacks.json.")
    cli.add_argument("--out-dir", default=HERE, help="folder to write callbacks.json into (default: this folder)")
    main(cli.parse_args().out_dir)
