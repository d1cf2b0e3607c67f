#!/usr/bin/env python3
"""Adds up the summary lines of every test runner in a `make test` log and prints one closing line:
`total: N passed, N failed, N skipped`. Exits non-zero if any runner reported a failure.

Recognised: cargo test, node --test (TAP), pytest, minitest, Maven Surefire, and the plain
`N passed, N failed` line of our own checkers (tests/peers, the Swift shape check).
"""
import re
import sys

PATTERNS = [
    # cargo test
    (re.compile(r"^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored"), (1, 2, 3)),
    # minitest
    (re.compile(r"^(\d+) runs, \d+ assertions, (\d+) failures, (\d+) errors, (\d+) skips"), "minitest"),
    # Maven Surefire aggregate line (not the per-class "-- in" lines)
    (re.compile(r"^\[\w+\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$"), "surefire"),
    # our own checkers: "label: N passed, N failed" / "N passed, N failed"
    (re.compile(r"^(?:[\w .-]+: )?(\d+) passed, (\d+) failed$"), (1, 2, None)),
]
PYTEST = re.compile(r"^=*\s*((?:\d+ \w+(?:, )?)+) in [\d.]+s")
NODE = re.compile(r"^# (pass|fail|skipped) (\d+)$")


def main(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            m = NODE.match(line)
            if m:
                n = int(m.group(2))
                if m.group(1) == "pass":
                    passed += n
                elif m.group(1) == "fail":
                    failed += n
                else:
                    skipped += n
                continue
            m = PYTEST.match(line)
            if m and ("passed" in line or "failed" in line):
                for count, word in re.findall(r"(\d+) (\w+)", m.group(1)):
                    if word == "passed":
                        passed += int(count)
                    elif word in ("failed", "errors", "error"):
                        failed += int(count)
                    elif word == "skipped":
                        skipped += int(count)
                continue
            for pat, kind in PATTERNS:
                m = pat.match(line)
                if not m:
                    continue
                if kind == "minitest":
                    runs, fails, errors, skips = map(int, m.groups())
                    passed += runs - fails - errors - skips
                    failed += fails + errors
                    skipped += skips
                elif kind == "surefire":
                    runs, fails, errors, skips = map(int, m.groups())
                    passed += runs - fails - errors - skips
                    failed += fails + errors
                    skipped += skips
                else:
                    p, fl, s = kind
                    passed += int(m.group(p))
                    failed += int(m.group(fl))
                    if s:
                        skipped += int(m.group(s))
                break
    print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
