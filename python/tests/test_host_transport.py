"""Users' HTTP mocks keep working (issue 11): tests written the way users write them, with `responses`,
`requests-mock`, `httpretty` and `vcrpy` (test-only dependencies), plus the transport switch and a
vector-driven check that both transports send byte-identical requests and give identical results."""

import asyncio
import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
import textwrap
import urllib.parse
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import API_KEY, API_SECRET, load_vectors

import opentok
from opentok import _host

requests = pytest.importorskip("requests")
PY_DIR = Path(__file__).resolve().parents[1]
URL = f"https://api.opentok.com/v2/project/{API_KEY}/archive"
SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
ARCHIVE = {"id": "b40ef09b-3811-4726-b508-e41a0f96c68f", "status": "started", "name": "n", "sessionId": SID,
           "createdAt": 1384221730000, "size": 0, "duration": 0, "hasAudio": True, "hasVideo": True,
           "outputMode": "composed", "projectId": 123456, "somethingNew": 1}


def check_auth(headers: Any) -> None:
    token = headers["X-OPENTOK-AUTH"]
    head, payload, sig = token.split(".")
    mac = hmac.new(API_SECRET.encode(), f"{head}.{payload}".encode(), hashlib.sha256).digest()
    assert base64.urlsafe_b64encode(mac).rstrip(b"=").decode() == sig
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["iss"] == API_KEY and claims["ist"] == "project" and 0 < claims["exp"] - claims["iat"] <= 300
    try:
        import jwt  # PyJWT, when installed: the same check by the library users know

        jwt.decode(token, API_SECRET, algorithms=["HS256"])
    except ImportError:
        pass


def check_archive(a: Any) -> None:
    assert a.id == ARCHIVE["id"] and a.status == "started" and a.session_id == SID and a.name == "n"
    assert a.stream_mode == opentok.StreamModes.auto and a.streams is None  # official defaults


def test_responses() -> None:
    responses = pytest.importorskip("responses")

    @responses.activate
    def user_test() -> None:
        responses.add(responses.POST, URL, json=ARCHIVE, status=200)
        c = opentok.Client(API_KEY, API_SECRET)
        before = dict(_host.counters)
        check_archive(c.start_archive(SID, name="n"))
        assert _host.counters["host"] == before["host"] + 1 and _host.counters["native"] == before["native"]
        req = responses.calls[0].request
        check_auth(req.headers)
        assert json.loads(req.body) == {"sessionId": SID, "name": "n", "hasAudio": True, "hasVideo": True,
                                        "outputMode": "composed", "streamMode": "auto"}
        with pytest.raises(requests.exceptions.ConnectionError) as ei:  # unstubbed: responses refuses it
            c.get_archive("unstubbed")
        assert isinstance(ei.value, opentok.exceptions.RequestError)
        assert len(responses.calls) == 2  # refused once, not retried

    user_test()


def test_responses_async_client() -> None:
    responses = pytest.importorskip("responses")

    @responses.activate
    def user_test() -> None:
        responses.add(responses.POST, URL, json=ARCHIVE, status=200)
        responses.add(responses.GET, URL + "/missing", json={"code": 404, "message": "nope"}, status=404)

        async def main() -> None:
            async with opentok.AsyncClient(API_KEY, API_SECRET) as c:
                check_archive(await c.start_archive(SID, name="n"))
                with pytest.raises(opentok.exceptions.NotFoundError):
                    await c.get_archive("missing")

        asyncio.run(main())
        check_auth(responses.calls[0].request.headers)

    user_test()


def test_requests_mock() -> None:
    requests_mock = pytest.importorskip("requests_mock")
    with requests_mock.Mocker() as m:
        m.post(URL, json=ARCHIVE)
        c = opentok.Client(API_KEY, API_SECRET)
        check_archive(c.start_archive(SID, name="n"))
        check_auth(m.last_request.headers)
        assert m.last_request.json()["sessionId"] == SID
        with pytest.raises(requests_mock.exceptions.NoMockAddress):
            c.get_archive("unstubbed")


def test_httpretty() -> None:
    httpretty = pytest.importorskip("httpretty")
    httpretty.enable(allow_net_connect=False)
    try:
        httpretty.register_uri(httpretty.POST, URL, body=json.dumps(ARCHIVE), content_type="application/json")
        c = opentok.Client(API_KEY, API_SECRET)
        check_archive(c.start_archive(SID, name="n"))
        last = httpretty.last_request()
        check_auth(last.headers)
        assert json.loads(last.body)["name"] == "n"
        with pytest.raises(Exception) as ei:
            c.get_archive("unstubbed")
        assert "httpretty" in type(ei.value).__module__ or "UnmockedError" in repr(ei.value) or isinstance(
            ei.value, opentok.exceptions.RequestError)
    finally:
        httpretty.disable()
        httpretty.reset()


def test_vcrpy_cassette_recorded_against_the_emulator_and_replayed(emulator: Any, tmp_path: Any) -> None:
    vcr = pytest.importorskip("vcr")
    sid = emulator.session()
    emulator.stream(sid)
    cassette = str(tmp_path / "archive.yaml")
    c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url)
    with vcr.use_cassette(cassette, record_mode="once"):
        recorded = c.start_archive(sid, name="vcr")
    n = len(emulator.requests())
    assert n == 1 and Path(cassette).exists()
    with vcr.use_cassette(cassette, record_mode="none"):
        replayed = c.start_archive(sid, name="vcr")  # from the cassette: the emulator sees nothing
        assert replayed.id == recorded.id and replayed.status == "started"
        with pytest.raises(Exception) as ei:
            c.get_archive("not-in-the-cassette")
        assert "CannotOverwriteExistingCassette" in type(ei.value).__name__ or "vcr" in type(ei.value).__module__
    assert len(emulator.requests()) == n


def _subprocess(code: str, env: Dict[str, str]) -> Dict[str, Any]:
    script = f"import sys, json; sys.path.insert(0, {str(PY_DIR)!r})\n" + textwrap.dedent(code)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                       env={**os.environ, **env})
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_native_transport_without_mocks_and_the_switch(emulator: Any) -> None:
    code = f"""
        import opentok
        from opentok import _host
        c = opentok.Client({API_KEY!r}, {API_SECRET!r}, api_url={emulator.url!r})
        try:
            c.get_archive("x")
        except opentok.exceptions.NotFoundError:
            pass
        mods = [m for m in ("responses", "requests_mock", "httpretty", "vcr") if m in sys.modules]
        print(json.dumps({{"counters": _host.counters, "mods": mods}}))
    """
    env = {k: v for k, v in os.environ.items() if k != "OPENTOK_TRANSPORT"}
    out = _subprocess(code, {**env, "OPENTOK_TRANSPORT": ""})
    assert out == {"counters": {"native": 1, "host": 0}, "mods": []}
    out = _subprocess(code, {"OPENTOK_TRANSPORT": "host"})
    assert out["counters"] == {"native": 0, "host": 1}
    responses = pytest.importorskip("responses")
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        # forced native: the mock is bypassed and the emulator answers
        c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, transport="native")
        with pytest.raises(opentok.exceptions.NotFoundError):
            c.get_archive("x")
        assert emulator.requests()[-1]["path"].endswith("/archive/x")
    os.environ["OPENTOK_TRANSPORT"] = "native"
    try:
        assert opentok.Client(API_KEY, API_SECRET)._use_host() is False
    finally:
        del os.environ["OPENTOK_TRANSPORT"]
    with pytest.raises(opentok.exceptions.InvalidArgumentError):
        opentok.Client(API_KEY, API_SECRET, transport="carrier-pigeon")


def _comparable(rec: Dict[str, Any]) -> Dict[str, Any]:
    h = dict(rec["headers"])
    h.pop("x-opentok-auth", None)  # fresh JWT per request (iat/jti)
    for k in ("host", "content-length", "connection", "accept-encoding"):
        h.pop(k, None)
    return {"method": rec["method"], "path": rec["path"], "query": rec["query"], "body": rec["body"], "headers": h}


def test_both_transports_send_identical_requests_and_give_identical_results(emulator: Any) -> None:
    from drive import drive, expressible

    vectors: List[Dict[str, Any]] = [v for v in load_vectors("requests")["requests"] if expressible(v["op"], v["args"])]
    assert vectors
    outcomes: Dict[str, Any] = {}
    for transport in ("native", "host"):
        c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, transport=transport, max_retries=0)
        for v in vectors:
            emulator.reset()  # same state for both transports
            try:
                res = drive(c, v["op"], v["args"])
                out: Any = ("ok", json.dumps(_plain(res), sort_keys=True, default=str))
            except opentok.exceptions.OpenTokException as e:
                out = ("error", type(e).__name__, sorted(c.__name__ for c in type(e).__mro__), e.status, e.kind)
            recs = [_comparable(r) for r in emulator.requests()]
            outcomes.setdefault(v["name"], []).append((out, recs))
    bad = []
    for name, ((n_out, n_recs), (h_out, h_recs)) in outcomes.items():
        for r in n_recs + h_recs:  # User-Agent is the same; it is checked here once per vector
            assert r["headers"].get("user-agent", "").startswith("OpenTok-Rust-SDK/")
        if n_recs != h_recs:
            bad.append(f"{name}: requests differ\n  native {n_recs}\n  host   {h_recs}")
        if n_out != h_out and not name.startswith("create_session"):  # created ids differ per call
            bad.append(f"{name}: results differ\n  native {n_out}\n  host   {h_out}")
    assert not bad, "\n".join(bad)


def _plain(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "status_code") and hasattr(v, "text"):
        return {"status_code": v.status_code, "text": v.text}
    if hasattr(v, "__dict__"):
        return {k: _plain(x) for k, x in vars(v).items() if k not in ("sdk", "session_id", "sessionId", "id")
                and not k.startswith("_") and k not in ("createdAt", "created_at", "updatedAt", "updated_at")}
    return v


def test_host_transport_applies_timeout(emulator: Any) -> None:
    emulator.fault(latencyMs=3000, count=1)
    c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, transport="host", timeout=0.5, max_retries=0)
    with pytest.raises(opentok.exceptions.RequestTimeoutError) as ei:
        c.get_archive("slow")
    assert isinstance(ei.value, requests.exceptions.Timeout)  # also the class the official lets through


def test_query_string_is_kept(emulator: Any) -> None:
    c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, transport="host")
    c.list_archives(offset=2, count=3, session_id=SID)
    q = urllib.parse.parse_qs(emulator.requests()[-1]["query"])
    assert q == {"offset": ["2"], "count": ["3"], "sessionId": [SID]}


@pytest.mark.parametrize("transport", ["native", "host"])
def test_answer_body_is_capped(emulator: Any, transport: str) -> None:
    emulator.fault(status=200, body='{"id": "' + "x" * 300_000 + '"}', count=1)
    c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, transport=transport, max_response_bytes=100_000)
    with pytest.raises(opentok.exceptions.InvalidResponseError):
        c.get_archive("big")
    emulator.fault(status=200, body='{"id": "small", "createdAt": 1}', count=1)
    assert c.get_archive("small").id == "small"


def _private_ca_server(tmp_path: Any) -> Any:
    """An HTTPS server on 127.0.0.1 whose certificate is signed by a CA made here (trusted nowhere)."""
    pytest.importorskip("cryptography")
    import datetime
    import http.server
    import ipaddress
    import ssl
    import threading

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "opentok-rs test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    ca_pem = ca.public_bytes(serialization.Encoding.PEM).decode()
    (tmp_path / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (tmp_path / "ca.pem").write_text(ca_pem)
    body = json.dumps(ARCHIVE).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a: Any) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(tmp_path / "server.pem"))
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, ca_pem, str(tmp_path / "ca.pem")


@pytest.mark.parametrize("transport", ["native", "host"])
def test_private_ca_via_ca_bundle_and_requests_ca_bundle(tmp_path: Any, monkeypatch: Any, transport: str) -> None:
    srv, ca_pem, ca_path = _private_ca_server(tmp_path)
    url = f"https://127.0.0.1:{srv.server_address[1]}"
    try:
        monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
        monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
        untrusted = opentok.Client(API_KEY, API_SECRET, api_url=url, transport=transport, max_retries=0)
        with pytest.raises(opentok.exceptions.RequestError):  # the private CA is trusted nowhere
            untrusted.get_archive("x")
        for ca in (ca_pem, ca_path):  # PEM text or a path
            c = opentok.Client(API_KEY, API_SECRET, api_url=url, transport=transport, ca_bundle=ca)
            check_archive(c.get_archive("x"))
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_path)  # as requests users configure it
        check_archive(opentok.Client(API_KEY, API_SECRET, api_url=url, transport=transport).get_archive("x"))
    finally:
        srv.shutdown()
        srv.server_close()


def test_host_timeout_bounds_the_whole_call(emulator: Any) -> None:
    import time

    emulator.fault(latencyMs=700, status=503, count=20)  # every attempt is slow and retryable
    c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, transport="host", timeout=1.5)
    t0 = time.monotonic()
    with pytest.raises(opentok.exceptions.RequestError):
        c.get_archive("slow")
    assert time.monotonic() - t0 < 2.5
