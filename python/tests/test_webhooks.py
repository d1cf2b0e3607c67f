"""opentok.webhooks: the shared callback vectors, and end to end with an emulator that calls a receiver."""

import http.server
import json
import os
import subprocess
import threading
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from conftest import API_KEY, API_SECRET, ROOT, load_vectors, poll

import opentok
from opentok import webhooks
from opentok.webhooks import (
    ArchiveEvent, BroadcastEvent, ConnectionEvent, StreamEvent, UnknownEvent, WebhookError,
    WebhookVerificationError, parse_event,
)

VECTORS = load_vectors("callbacks")


def lookup(event: Any, path: str) -> Any:
    cur: Any = event
    for part in path.split("."):
        if part == "extra" and cur is event:
            cur = event.extra
        elif isinstance(cur, dict):
            cur = cur.get(part)
        else:
            cur = getattr(cur, part, None)
        if cur is None:
            return None
    if hasattr(cur, "__dataclass_fields__"):
        return cur
    return cur


@pytest.mark.parametrize("v", VECTORS["events"], ids=lambda v: v["name"])
def test_event_vectors(v: Dict[str, Any]) -> None:
    e = parse_event(v["body"].encode())
    assert e.type == v["type"]
    assert e.raw == json.loads(v["body"])
    for path, want in v["expect"].items():
        if path.startswith("extra."):
            assert e.extra.get(path[6:]) == want, path
        else:
            assert lookup(e, path) == want, path
    if v["type"] == "unknown":
        assert isinstance(e, UnknownEvent)


@pytest.mark.parametrize("v", VECTORS["signed"], ids=lambda v: v["name"])
def test_signed_vectors(v: Dict[str, Any]) -> None:
    call = lambda: parse_event(v["body"].encode(), v["headers"], secret=v["secret"], leeway=v["leeway"],
                               now=v["now"])
    if v["outcome"] == "ok":
        e = call()
        assert isinstance(e, ArchiveEvent)
        assert e.verified and e.claims is not None and e.claims["iss"] == "Vonage"
        assert e.status == "available"
    else:
        with pytest.raises(WebhookVerificationError) as info:
            call()
        assert info.value.code == v["outcome"]
        assert isinstance(info.value, opentok.OpenTokException)
        assert v["secret"] not in str(info.value)


def test_header_shapes_of_common_frameworks() -> None:
    v = VECTORS["signed"][0]
    token = v["headers"]["Authorization"]
    for headers in (
        {"Authorization": token},  # Flask / Starlette / Django request.headers
        [("authorization", token.encode())],  # ASGI raw headers
        {"HTTP_AUTHORIZATION": "Bearer " + token, "CONTENT_TYPE": "application/json"},  # request.META
    ):
        e = parse_event(v["body"], headers, secret=v["secret"], now=v["now"], leeway=0)
        assert isinstance(e, ArchiveEvent)


def test_not_json_is_a_webhook_error() -> None:
    with pytest.raises(WebhookError) as info:
        parse_event(b"{not json")
    assert info.value.code == "invalid_body"
    assert not isinstance(info.value, WebhookVerificationError)


class _Receiver(http.server.BaseHTTPRequestHandler):
    got: List[Tuple[Dict[str, str], bytes]] = []

    def do_POST(self) -> None:  # noqa: N802
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        type(self).got.append((dict(self.headers.items()), body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Tuple[str, List[Tuple[Dict[str, str], bytes]]]]:
    got: List[Tuple[Dict[str, str], bytes]] = []
    handler = type("Handler", (_Receiver,), {"got": got})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/opentok/events", got
    server.shutdown()
    server.server_close()


SECRET = "python-e2e-signature-secret"


def test_end_to_end_emulator_calls_a_receiver(receiver: Any) -> None:
    url, got = receiver
    binary = os.environ.get("OPENTOK_EMULATOR_BIN") or str(ROOT / "target" / "release" / "opentok-emulator")
    proc = subprocess.Popen(
        [binary, "--port", "0", "--api-key", API_KEY, "--api-secret", API_SECRET, "--callback-url", url,
         "--signature-secret", SECRET],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        assert proc.stdout.readline().strip() == base + "/_emulator/"
        ot = opentok.Client(API_KEY, API_SECRET, api_url=base, timeout=10)
        session = ot.create_session(media_mode=opentok.MediaModes.routed)
        sid = session.session_id
        import urllib.request

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

        def admin(path: str, body: Dict[str, Any]) -> Any:
            req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            with opener.open(req, timeout=10) as r:
                return json.loads(r.read() or b"null")

        conn = admin(f"/_emulator/sessions/{sid}/connections", {"data": "name=py"})
        admin(f"/_emulator/sessions/{sid}/streams", {"connectionId": conn["connectionId"], "name": "cam"})
        archive = ot.start_archive(sid, name="e2e")
        ot.stop_archive(archive.id)
        broadcast = ot.start_broadcast(sid, {"outputs": {"hls": {}}})
        ot.stop_broadcast(broadcast.id)

        poll(lambda: len(got) >= 7, timeout=15)
        events = [parse_event(body, headers, secret=SECRET) for headers, body in got]
        kinds = [(type(e).__name__, getattr(e, "event", None) if isinstance(e, (ConnectionEvent, StreamEvent))
                  else getattr(e, "status", None)) for e in events]
        assert kinds == [
            ("ConnectionEvent", "connectionCreated"), ("StreamEvent", "streamCreated"),
            ("ArchiveEvent", "started"), ("ArchiveEvent", "stopped"), ("ArchiveEvent", "available"),
            ("BroadcastEvent", "started"), ("BroadcastEvent", "stopped"),
        ]
        assert all(e.verified for e in events)
        first = events[0]
        assert isinstance(first, ConnectionEvent) and first.connection is not None
        assert first.connection.data == "name=py" and first.session_id == sid
        available = events[4]
        assert isinstance(available, ArchiveEvent)
        assert available.id == archive.id and available.url and available.size and available.size > 0
        assert isinstance(events[5], BroadcastEvent) and events[5].id == broadcast.id

        headers, body = got[4]
        tampered = body.replace(b'"available"', b'"failed"')
        with pytest.raises(WebhookVerificationError) as info:
            parse_event(tampered, headers, secret=SECRET)
        assert info.value.code == "body_altered"
        with pytest.raises(WebhookVerificationError) as info:
            parse_event(body, headers, secret="another-secret")
        assert info.value.code == "bad_signature"
    finally:
        proc.kill()
        proc.wait()


def test_module_exports() -> None:
    for name in webhooks.__all__:
        assert hasattr(webhooks, name), name
