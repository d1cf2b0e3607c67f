#!/usr/bin/env python3
"""Stage the napi-rs layout of the npm package and `npm pack` it (what `napi prepublish` does on release).

    npm_layout.py NATIVE_LIB STAGE_DIR OUT_DIR [TRIPLE]

- main package `opentok-rs`: node/package.json with the workspace version, no install script (nothing
  compiles on install), no native file, and `optionalDependencies` on every platform package of node/npm/;
- platform package `opentok-rs-<TRIPLE>` (default linux-x64-gnu): node/npm/<TRIPLE>/package.json with the
  workspace version and NATIVE_LIB copied in as opentok_rs.<TRIPLE>.node.
Both tarballs are written to OUT_DIR; their file names are printed.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from version import ROOT, workspace_version  # noqa: E402

NODE = ROOT / "node"
# Files of node/package.json "files" that belong to a source build only.
SOURCE_ONLY = {"native/*.node", "scripts/install.js"}


def pack(folder: Path, out: Path) -> str:
    r = subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(out)], cwd=folder,
                       check=True, capture_output=True, text=True)
    return r.stdout.strip().splitlines()[-1]


def stage_main(stage: Path, version: str) -> Path:
    pkg = json.loads((NODE / "package.json").read_text())
    dest = stage / "opentok-rs"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    files = [f for f in pkg.get("files", []) if f not in SOURCE_ONLY]
    for entry in files:
        src = NODE / entry.rstrip("/")
        if src.is_dir():
            shutil.copytree(src, dest / entry.rstrip("/"), ignore=shutil.ignore_patterns("*.node", "node_modules"))
        elif src.is_file():
            (dest / entry).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / entry)
        else:
            raise SystemExit(f"npm_layout: node/package.json lists {entry!r}, which does not exist")
    for extra in ("README.md", "LICENSE"):
        if (NODE / extra).is_file():
            shutil.copy2(NODE / extra, dest / extra)
    pkg["version"] = version
    pkg["files"] = files
    # Nothing compiles on install: the native module comes from the platform package.
    pkg.pop("scripts", None)
    pkg.pop("devDependencies", None)
    platforms = sorted(p.name for p in (NODE / "npm").iterdir() if (p / "package.json").is_file())
    pkg["optionalDependencies"] = {f"opentok-rs-{t}": version for t in platforms}
    (dest / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    leftovers = [p for p in dest.rglob("*") if p.suffix == ".node" or p.name == "install.js"]
    if leftovers:
        raise SystemExit(f"npm_layout: the main package must not carry {leftovers}")
    return dest


def stage_platform(stage: Path, version: str, triple: str, native: Path) -> Path:
    src = NODE / "npm" / triple
    if not (src / "package.json").is_file():
        raise SystemExit(f"npm_layout: no platform package template node/npm/{triple}")
    dest = stage / f"opentok-rs-{triple}"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(src, dest)
    pkg = json.loads((dest / "package.json").read_text())
    pkg["version"] = version
    (dest / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    shutil.copy2(native, dest / pkg["main"])
    return dest


def main(argv: list[str]) -> int:
    if len(argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    native, stage, out = Path(argv[1]), Path(argv[2]), Path(argv[3])
    triple = argv[4] if len(argv) == 5 else "linux-x64-gnu"
    version = workspace_version()
    stage.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    for folder in (stage_platform(stage, version, triple, native), stage_main(stage, version)):
        print(pack(folder, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
