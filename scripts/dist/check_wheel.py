#!/usr/bin/env python3
"""Check the wheel's tags: one abi3 wheel for CPython >= 3.9, tagged manylinux2014 (manylinux_2_17) or at
worst manylinux_2_28; then let `auditwheel show` confirm the policy from the symbols the library uses.

    check_wheel.py WHEEL [AUDITWHEEL]
"""
import re
import subprocess
import sys
import zipfile
from pathlib import Path

OK_PLATFORMS = ("manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_28_x86_64")


def main(argv: list[str]) -> int:
    whl = Path(argv[1])
    auditwheel = argv[2] if len(argv) > 2 else "auditwheel"
    problems = []
    # name-version-python-abi-platform.whl; platform may be a dotted set
    m = re.match(r"^(?P<name>[^-]+)-(?P<ver>[^-]+)-(?P<py>[^-]+)-(?P<abi>[^-]+)-(?P<plat>[^-]+)\.whl$", whl.name)
    if not m:
        print(f"not a wheel file name: {whl.name}")
        return 1
    plats = m["plat"].split(".")
    print(f"wheel {whl.name}: python={m['py']} abi={m['abi']} platforms={plats}")
    if m["py"] != "cp39" or m["abi"] != "abi3":
        problems.append(f"expected cp39-abi3 (one wheel for CPython >= 3.9), got {m['py']}-{m['abi']}")
    if not any(p in OK_PLATFORMS for p in plats):
        problems.append(f"expected a manylinux2014 or manylinux_2_28 tag, got {plats}")
    with zipfile.ZipFile(whl) as z:
        wheel_meta = next(n for n in z.namelist() if n.endswith(".dist-info/WHEEL"))
        tags = re.findall(r"^Tag: (.+)$", z.read(wheel_meta).decode(), re.M)
        natives = [n for n in z.namelist() if n.endswith(".so")]
    print(f"WHEEL tags: {tags}; native files: {natives}")
    if not tags or any("-abi3-" not in t for t in tags):
        problems.append(f"WHEEL metadata tags are not all abi3: {tags}")
    if natives != ["opentok/_native.abi3.so"]:
        problems.append(f"expected exactly opentok/_native.abi3.so, found {natives}")
    r = subprocess.run([auditwheel, "show", str(whl)], capture_output=True, text=True)
    print(r.stdout.strip() or r.stderr.strip())
    shown = re.search(r'consistent with the following platform tag:\s*"([^"]+)"', " ".join(r.stdout.split()))
    if r.returncode != 0 or not shown or shown.group(1) not in OK_PLATFORMS:
        problems.append("auditwheel show does not find it manylinux2014/manylinux_2_28 consistent")
    for p in problems:
        print(f"FAIL {p}")
    if not problems:
        print(f"wheel check: abi3, {shown.group(1) if shown else '?'} (auditwheel agrees)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
