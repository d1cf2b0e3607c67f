#!/usr/bin/env python3
"""Copy the Rust sources one binding crate needs into DEST as a self-contained cargo workspace.

    rust_src.py DEST CRATE_DIR...      e.g. rust_src.py gem/ext/opentok_native bindings/ruby

DEST gets the root Cargo.toml with `members` narrowed to the given crates (path dependencies inside DEST
join the workspace by themselves), Cargo.lock (pins the same dependency versions), and the git-tracked files
of those crates plus core/ and emulator/ (core's dev-dependency; cargo reads its manifest). Used for the
source gem; the sdist gets the same from `maturin sdist`.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from version import ROOT  # noqa: E402

ALWAYS = ["core/Cargo.toml", "core/src", "core/benches", "emulator/Cargo.toml", "emulator/src"]


def tracked(paths: list[str]) -> list[str]:
    out = subprocess.run(["git", "ls-files", "--", *paths], cwd=ROOT, check=True, capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    dest, crates = Path(argv[1]), argv[2:]
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    files = tracked(ALWAYS + crates)
    for rel in files:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    manifest = (ROOT / "Cargo.toml").read_text()
    members = ", ".join(f'"{c}"' for c in crates)
    manifest, n = re.subn(r"(?m)^members\s*=\s*\[[^\]]*\]", f"members = [{members}]", manifest)
    if n != 1:
        raise SystemExit("rust_src: no `members = [...]` line in Cargo.toml")
    (dest / "Cargo.toml").write_text(manifest)
    shutil.copy2(ROOT / "Cargo.lock", dest / "Cargo.lock")
    print(f"rust_src: {len(files)} files of {', '.join(ALWAYS + crates)} -> {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
