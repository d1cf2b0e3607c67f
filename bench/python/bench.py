"""Python benchmark: opentok-rs (this repo) vs the official `opentok` 3.x, same run, same emulator.

The official package is installed into a throw-away venv (target/bench-venv); it is never a dependency.
Both provide the module `opentok`, so each measurement runs in a fresh interpreter: the official one in
the venv, ours with PYTHONPATH=python. Writes bench/results/python.md.

`python3 bench/python/bench.py tokens` runs only the token measurement (same workers, best of
BENCH_ROUNDS, default 3) and prints its row without writing the results file.
"""

import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker.py")
VENV = ROOT / "target" / "bench-venv"
OFFICIAL_PY = VENV / "bin" / "python"
OURS_PY = sys.executable
API_KEY = "123456"
API_SECRET = "0123456789abcdef0123456789abcdef01234567"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def ensure_official() -> str:
    if not OFFICIAL_PY.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(OFFICIAL_PY), "-c", "import opentok; print(opentok.__version__)"],
                           capture_output=True, text=True, cwd="/")
    if probe.returncode != 0:
        subprocess.run([str(OFFICIAL_PY), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "opentok>=3.15,<4"], check=True)
        probe = subprocess.run([str(OFFICIAL_PY), "-c", "import opentok; print(opentok.__version__)"],
                               capture_output=True, text=True, cwd="/", check=True)
    return probe.stdout.strip()


def run(impl: str, *args: str) -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if impl == "ours":
        env["PYTHONPATH"] = str(ROOT / "python")
        py = OURS_PY
    else:
        py = str(OFFICIAL_PY)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1"
    r = subprocess.run([py, str(WORKER), *args], capture_output=True, text=True, env=env, cwd="/", timeout=600)
    if r.returncode != 0:
        raise SystemExit(f"{impl} {args[0]} failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    official_version = ensure_official()
    emu_bin = os.environ.get("OPENTOK_EMULATOR_BIN") or str(ROOT / "target" / "release" / "opentok-emulator")
    emu = subprocess.Popen([emu_bin, "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        assert emu.stdout is not None
        url = emu.stdout.readline().strip()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

        def admin(path: str, body: dict) -> dict:
            req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            return json.loads(opener.open(req).read() or b"{}")

        sid = admin("/_emulator/sessions", {"mediaMode": "routed"})["sessionId"]
        admin(f"/_emulator/sessions/{sid}/streams", {})
        sys.path.insert(0, str(ROOT / "python"))
        import opentok

        archive_id = opentok.Client(API_KEY, API_SECRET, api_url=url).start_archive(sid).id

        rows = []
        res = {}
        # The machine is shared: each throughput figure is the best of 3 rounds, ours and official alternating.
        def best(impl: str, *args: str) -> dict:
            return max((run(impl, *args) for _ in range(ROUNDS)), key=lambda r: r["per_second"])

        res["tokens"] = {"ours": best("ours", "tokens", url, "50000"), "official": best("official", "tokens", url, "5000")}
        if sys.argv[1:] == ["tokens"]:
            o, x = res["tokens"]["ours"]["per_second"], res["tokens"]["official"]["per_second"]
            print(f"generate_token (JWT), calls/s: opentok-rs {o:,.0f}, official {x:,.0f}, ratio {o / x:.1f}x "
                  f"(best of {ROUNDS}; load average {os.getloadavg()[0]:.1f})")
            return
        res["rest"] = {"ours": best("ours", "rest", url, "3000", archive_id),
                       "official": best("official", "rest", url, "1000", archive_id)}
        res["async"] = {"ours": best("ours", "async", url, "12800", archive_id)}
        imports = {impl: [run(impl, "import", url, "0") for _ in range(11)] for impl in ("ours", "official")}
    finally:
        emu.terminate()
        emu.wait(5)

    def f(x: float) -> str:
        return f"{x:,.0f}"

    tok_o, tok_x = res["tokens"]["ours"]["per_second"], res["tokens"]["official"]["per_second"]
    rest_o, rest_x = res["rest"]["ours"]["per_second"], res["rest"]["official"]["per_second"]
    async_o = res["async"]["ours"]["per_second"]
    imp = {k: statistics.median(r["seconds"] for r in v) * 1000 for k, v in imports.items()}
    imp_min = {k: min(r["seconds"] for r in v) * 1000 for k, v in imports.items()}
    rss = {k: statistics.median(r["rss_kib"] for r in v) / 1024 for k, v in imports.items()}
    rss0 = {k: statistics.median(r["rss_before_kib"] for r in v) / 1024 for k, v in imports.items()}
    rows = [
        ("generate_token (JWT), calls/s", f(tok_o), f(tok_x), f"{tok_o / tok_x:.1f}x", ">= 10x"),
        ("sequential get_archive, calls/s", f(rest_o), f(rest_x), f"{rest_o / rest_x:.1f}x", ">= 2x"),
        ("AsyncClient get_archive, 64 in flight, calls/s", f(async_o), f"{f(rest_x)} (sequential)",
         f"{async_o / rest_x:.1f}x", ">= 10x official sequential"),
        ("`import opentok`, ms: median (min) of 11 fresh interpreters", f"{imp['ours']:.1f} ({imp_min['ours']:.1f})",
         f"{imp['official']:.1f} ({imp_min['official']:.1f})",
         f"{imp['official'] / imp['ours']:.1f}x faster", "< 30 ms"),
        ("RSS after `import opentok`, MiB (interpreter alone)", f"{rss['ours']:.1f} ({rss0['ours']:.1f})",
         f"{rss['official']:.1f} ({rss0['official']:.1f})", "", "reported"),
    ]
    cmd = "make bench-python   # = python3 bench/python/bench.py"
    md = [
        "# Python: opentok-rs vs official opentok",
        "",
        f"Command: `{cmd}`",
        "",
        f"Official package: `opentok` {official_version} from PyPI in `target/bench-venv`; ours: this checkout "
        f"(`PYTHONPATH=python`, native module from `target/release`). Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, both against the same `opentok-emulator` on 127.0.0.1 in the same run; every "
        "measurement in a fresh interpreter; throughput = best of 3 runs of each (the 2-core machine is shared).",
        "",
        "| measurement | opentok-rs | official | ratio | target |",
        "|---|---|---|---|---|",
    ] + [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows] + ["", f"Load average (1 min) at the end of the run: {os.getloadavg()[0]:.1f} on a shared 2-core machine.", ""]
    text = "\n".join(md)
    print(text)
    out = ROOT / "bench" / "results" / "python.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)


if __name__ == "__main__":
    main()
