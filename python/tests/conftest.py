"""Shared fixtures: one emulator per test session (reset before each test that uses it)."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
API_KEY = "123456"
API_SECRET = "0123456789abcdef0123456789abcdef01234567"

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def load_vectors(name: str) -> Any:
    with open(VECTORS / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


class Emulator:
    """A running `opentok-emulator --port 0` and helpers for its admin routes."""

    def __init__(self) -> None:
        binary = os.environ.get("OPENTOK_EMULATOR_BIN") or str(ROOT / "target" / "release" / "opentok-emulator")
        if not Path(binary).exists():
            pytest.exit(f"emulator binary not found at {binary} (run `make build`)", returncode=2)
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--api-key", API_KEY, "--api-secret", API_SECRET],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http"):
            self.proc.kill()
            raise RuntimeError(f"emulator did not print its URL: {line!r}")
        self.url = line
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def admin(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with self._opener.open(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def reset(self) -> None:
        self.admin("POST", "/_emulator/reset")

    def session(self, media_mode: str = "routed", **extra: Any) -> str:
        return self.admin("POST", "/_emulator/sessions", {"mediaMode": media_mode, **extra})["sessionId"]  # type: ignore[no-any-return]

    def connection(self, session_id: str, **body: Any) -> Dict[str, Any]:
        return self.admin("POST", f"/_emulator/sessions/{session_id}/connections", body)  # type: ignore[no-any-return]

    def stream(self, session_id: str, **body: Any) -> Dict[str, Any]:
        return self.admin("POST", f"/_emulator/sessions/{session_id}/streams", body)  # type: ignore[no-any-return]

    def state(self, session_id: str) -> Dict[str, Any]:
        return self.admin("GET", f"/_emulator/sessions/{session_id}")  # type: ignore[no-any-return]

    def fault(self, **body: Any) -> None:
        self.admin("POST", "/_emulator/faults", body)

    def requests(self) -> List[Dict[str, Any]]:
        return self.admin("GET", "/_emulator/requests")  # type: ignore[no-any-return]

    def clear_requests(self) -> None:
        self.admin("DELETE", "/_emulator/requests")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def emulator_process() -> Iterator[Emulator]:
    emu = Emulator()
    yield emu
    emu.stop()


@pytest.fixture
def emulator(emulator_process: Emulator) -> Emulator:
    emulator_process.reset()
    return emulator_process


@pytest.fixture
def client(emulator: Emulator) -> Any:
    import opentok

    return opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, timeout=10)


def poll(predicate: Any, timeout: float = 5.0) -> Any:
    """Polls `predicate` until it returns a truthy value or the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        v = predicate()
        if v:
            return v
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        time.sleep(0.01)
