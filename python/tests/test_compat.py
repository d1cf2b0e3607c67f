"""The compatibility scenario (tests/compat/scenario.py, official API only) against this package,
and against the official package when a throw-away environment with it exists (target/peers/venv, made by
the faithfulness check that `make test` runs first, or target/bench-venv from `make bench-python`)."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

SCENARIO = Path(__file__).parent / "compat" / "scenario.py"
PKG = Path(__file__).resolve().parents[1]


def _run(python: str, env_path: str, url: str) -> "subprocess.CompletedProcess[str]":
    env = dict(os.environ, PYTHONPATH=env_path)
    return subprocess.run([python, str(SCENARIO), url], capture_output=True, text=True, env=env, timeout=60)


def test_scenario_against_this_package(emulator: Any) -> None:
    r = _run(sys.executable, str(PKG), emulator.url)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "scenario passed" in r.stdout


def test_scenario_against_official_package(emulator: Any) -> None:
    candidates = [ROOT / "target" / d / "bin" / "python" for d in ("peers/venv", "bench-venv")]
    venv_python = next((p for p in candidates if p.exists()), None)
    if venv_python is None:
        pytest.skip("no throw-away venv with the official package (tests/peers/run.sh or make bench-python creates it)")
    probe = subprocess.run([str(venv_python), "-c", "import opentok, sys; sys.exit(0 if hasattr(opentok, 'Client') and not hasattr(opentok, 'AsyncClient') else 1)"],
                           capture_output=True, cwd="/")
    if probe.returncode != 0:
        pytest.skip(f"{venv_python} does not hold the official package")
    r = _run(str(venv_python), "", emulator.url)
    assert r.returncode == 0, r.stdout + r.stderr
