#!/usr/bin/env python3
"""The /_emulator/ page in a real headless browser (Debian's chromium).

Starts the emulator with a callback URL pointing at a receiver in this script (127.0.0.1), drives a
session (a client joins and publishes, an archive and a broadcast start and stop, an Experience
Composer render and live captions start), then loads the page with `chromium --headless --dump-dom`
and asserts on the rendered DOM; a screenshot is kept under target/ui/. Exits 0 and prints a clear
"skipped" line only when chromium cannot run at all.
"""

import base64
import hashlib
import hmac
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KEY = "123456"
SECRET = "0123456789abcdef0123456789abcdef01234567"
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt() -> str:
    now = int(time.time())
    h = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    c = b64(json.dumps({"iss": KEY, "ist": "project", "iat": now, "exp": now + 180, "jti": "ui"}).encode())
    sig = hmac.new(SECRET.encode(), f"{h}.{c}".encode(), hashlib.sha256).digest()
    return f"{h}.{c}.{b64(sig)}"


def call(base: str, method: str, path: str, body=None, auth=False):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if auth:
        req.add_header("X-OPENTOK-AUTH", jwt())
    with OPENER.open(req, timeout=10) as r:
        raw = r.read()
    return json.loads(raw) if raw else None


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return ""


def browser(binary: str, *args: str) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="opentok-ui-")
    try:
        return subprocess.run(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-proxy-server", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    binary = chromium()
    if not binary:
        print("ui_chromium: skipped: chromium is not installed (apt-get install chromium)")
        return 0
    probe = browser(binary, "--dump-dom", "data:text/html,<p id=probe>ok</p>")
    if "probe" not in probe.stdout:
        print(f"ui_chromium: skipped: chromium cannot run here ({probe.stderr.strip()[-300:]})")
        return 0

    got = []

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            got.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *a) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hook = f"http://127.0.0.1:{server.server_address[1]}/events"
    emu_bin = os.environ.get("OPENTOK_EMULATOR_BIN") or os.path.join(ROOT, "target", "release", "opentok-emulator")
    emu = subprocess.Popen([emu_bin, "--port", "0", "--callback-url", hook, "--signature-secret", "ui-secret"],
                           stdout=subprocess.PIPE, text=True)
    try:
        base = emu.stdout.readline().strip()
        page = emu.stdout.readline().strip()
        assert page == base + "/_emulator/", page
        sid = call(base, "POST", "/_emulator/sessions", {})["sessionId"]
        conn = call(base, "POST", f"/_emulator/sessions/{sid}/connections", {"data": "name=<alice>"})
        call(base, "POST", f"/_emulator/sessions/{sid}/streams", {"connectionId": conn["connectionId"], "name": "cam"})
        archive = call(base, "POST", f"/v2/project/{KEY}/archive", {"sessionId": sid, "name": "ui-archive"}, auth=True)
        call(base, "POST", f"/v2/project/{KEY}/archive/{archive['id']}/stop", {}, auth=True)
        b = call(base, "POST", f"/v2/project/{KEY}/broadcast", {"sessionId": sid, "outputs": {"hls": {}}}, auth=True)
        call(base, "POST", f"/v2/project/{KEY}/broadcast/{b['id']}/stop", {}, auth=True)
        render = call(base, "POST", f"/v2/project/{KEY}/render",
                      {"sessionId": sid, "token": "t", "url": "https://example.invalid/page"}, auth=True)
        call(base, "POST", f"/v2/project/{KEY}/captions", {"sessionId": sid, "token": "t"}, auth=True)
        deadline = time.monotonic() + 15
        while len(got) < 9 and time.monotonic() < deadline:
            time.sleep(0.02)
        log = call(base, "GET", "/_emulator/callbacks")
        delivered = [d for d in log["deliveries"] if d["status"] == "delivered"]
        assert len(delivered) >= 9, log

        dom = browser(binary, "--dump-dom", page)
        html = dom.stdout
        checks = {
            "title": "<h1>OpenTok emulator</h1>" in html,
            "auto-refresh": 'http-equiv="refresh"' in html,
            "session id": sid in html,
            "connection data escaped": "name=&lt;alice&gt;" in html,
            "stream": "cam" in html,
            "archive": archive["id"] in html and "ui-archive" in html,
            "broadcast": b["id"] in html,
            "render": render["id"] in html,
            "captions section": 'id="captions"' in html,
            "request log": f"/v2/project/{KEY}/archive" in html,
            "deliveries": "connectionCreated" in html and "delivered" in html and ">signed<" in html,
            "secret not shown": "ui-secret" not in html,
        }
        failed = [k for k, ok in checks.items() if not ok]
        out_dir = os.path.join(ROOT, "target", "ui")
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, "emulator-page.html"), "w") as f:
            f.write(html)
        shot = os.path.join(out_dir, "emulator-page.png")
        browser(binary, f"--screenshot={shot}", "--window-size=1400,2000", "--hide-scrollbars", page)
        if failed:
            print(f"ui_chromium: FAILED: {failed} (DOM kept in target/ui/emulator-page.html)")
            return 1
        size = os.path.getsize(shot) if os.path.exists(shot) else 0
        if size == 0:
            print("ui_chromium: FAILED: no screenshot written")
            return 1
        print(f"ui_chromium: {len(checks)} passed, 0 failed (screenshot target/ui/emulator-page.png, {size} bytes)")
        return 0
    finally:
        emu.kill()
        emu.wait()
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
