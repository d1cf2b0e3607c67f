#!/usr/bin/env python3
"""Import time and peak RSS of the INSTALLED wheel, each in fresh interpreters (run with the venv's python).

    measure_python.py [RUNS]

Prints: the median wall time of `python -c "import opentok"` minus that of `python -c "pass"` over RUNS runs,
the cumulative `-X importtime` figure for `opentok` (median), and the peak RSS (VmHWM) of a child that imports opentok
and builds a Client, next to the same child that imports nothing.
"""
import os
import re
import statistics
import subprocess
import sys
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
PY = sys.executable
CLIENT = "import opentok; c = opentok.Client('123456', '0123456789abcdef0123456789abcdef01234567')"


def wall(code: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([PY, "-c", code], check=True)
    return time.perf_counter() - t0


def importtime() -> float:
    r = subprocess.run([PY, "-X", "importtime", "-c", "import opentok"], check=True, capture_output=True, text=True)
    for line in r.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*opentok$", line)
        if m:
            return int(m.group(1)) / 1e6
    raise SystemExit("no `opentok` line in -X importtime output")


def maxrss_kib(code: str) -> int:
    """Peak RSS of a fresh interpreter running `code`: VmHWM of its own address space, read at exit.
    (ru_maxrss of a forked child would also count the pages it inherited from this parent before exec.)"""
    probe = code + "\nprint([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])"
    r = subprocess.run([PY, "-c", probe], check=True, capture_output=True, text=True)
    return int(r.stdout.split()[-1])


def main() -> int:
    where = subprocess.run([PY, "-c", "import opentok; print(opentok.__file__)"], check=True, capture_output=True, text=True)
    print(f"measured: {where.stdout.strip()} ({PY})")
    base = statistics.median(wall("pass") for _ in range(RUNS))
    imp = statistics.median(wall("import opentok") for _ in range(RUNS))
    cum = statistics.median(importtime() for _ in range(RUNS))
    rss_base = statistics.median(maxrss_kib("pass") for _ in range(5))
    rss_imp = statistics.median(maxrss_kib("import opentok") for _ in range(5))
    rss_cli = statistics.median(maxrss_kib(CLIENT) for _ in range(5))
    print(f"import time (wall, median of {RUNS}): {1000 * (imp - base):.1f} ms over a bare interpreter "
          f"({1000 * imp:.1f} ms vs {1000 * base:.1f} ms)")
    print(f"import time (-X importtime cumulative for opentok, median of {RUNS}): {1000 * cum:.1f} ms")
    print(f"peak RSS (VmHWM): bare python {rss_base / 1024:.1f} MiB, after import opentok "
          f"{rss_imp / 1024:.1f} MiB (+{(rss_imp - rss_base) / 1024:.1f}), with a Client {rss_cli / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
