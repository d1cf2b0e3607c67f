#!/usr/bin/env python3
"""`make check-generated` / `make generate`: every generated file of the tree, regenerated into
target/generated/ and compared with the committed one.

Artifacts (each counted once in the closing `N passed, N failed` line):
  * tests/vectors/{session_ids,tokens,requests,responses}.json  <- tests/vectors/make_vectors.py
    tests/vectors/callbacks.json                                <- tests/vectors/make_callbacks.py
    (stdlib only, independent of the core on purpose). Not covered: tests/vectors/fidelity/python.json
    (written by tests/peers/diff_python.py --fidelity, which needs the official `opentok` package)
    and fidelity/node.json, fidelity/ruby.json (written by hand, no generator).
  * swift/Sources/OpenTok/opentok_uniffi.swift, swift/Sources/opentok_uniffiFFI/{opentok_uniffiFFI.h,
    module.modulemap}  <- target/release/uniffi-bindgen on target/release/libopentok_uniffi.so, then
    swift/scripts/sync_generated.py --dest (uses the release build that `make build` made; nothing
    is rebuilt here).
  * the generated blocks of node/index.d.ts and python/opentok/_native.pyi  <- scripts/gen/gen_types.py
    from the manifest the core emits (`cargo run --release -q -p opentok-core --features schema
    --example manifest`, run once).

Default: check (prints a unified diff of each difference and the command that regenerates; exit 1 on
any difference; the tree is never modified). `--write`: copy the fresh files over the committed
ones (`make generate`).
"""
import argparse
import difflib
import os
import pathlib
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "target" / "generated"
REGEN = "make generate"
MAX_DIFF_LINES = 80
PY = sys.executable or "python3"

VECTORS = ["session_ids.json", "tokens.json", "requests.json", "responses.json"]
SWIFT = [
    "swift/Sources/OpenTok/opentok_uniffi.swift",
    "swift/Sources/opentok_uniffiFFI/opentok_uniffiFFI.h",
    "swift/Sources/opentok_uniffiFFI/module.modulemap",
]
TYPES = ["node/index.d.ts", "python/opentok/_native.pyi"]
MANIFEST_CMD = ["run", "--release", "-q", "-p", "opentok-core", "--features", "schema", "--example", "manifest"]


def run(cmd, **kw):
    """Runs cmd (list) from the root; returns (ok, combined output)."""
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    return p.returncode == 0, p.stdout


def fresh_dir(path):
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


class Runner:
    def __init__(self, write):
        self.write = write
        self.passed = 0
        self.failed = 0
        self.skipped = []

    def fail(self, rel, why, detail=""):
        self.failed += 1
        print(f"FAIL {rel}: {why}")
        if detail:
            print(detail.rstrip("\n"))

    def compare(self, rel, fresh):
        """Compares the fresh copy `fresh` with the committed ROOT/rel (or writes it with --write)."""
        committed = ROOT / rel
        new = fresh.read_text(encoding="utf-8")
        old = committed.read_text(encoding="utf-8") if committed.exists() else None
        if old == new:
            self.passed += 1
            print(f"ok   {rel}")
            return
        if self.write:
            committed.parent.mkdir(parents=True, exist_ok=True)
            committed.write_text(new, encoding="utf-8")
            self.passed += 1
            print(f"wrote {rel}")
            return
        diff = list(difflib.unified_diff((old or "").splitlines(keepends=True), new.splitlines(keepends=True),
                                         f"a/{rel} (committed)", f"b/{rel} (regenerated)", n=2))
        shown = "".join(diff[:MAX_DIFF_LINES])
        if not shown.endswith("\n"):
            shown += "\n"
        if len(diff) > MAX_DIFF_LINES:
            shown += f"... {len(diff) - MAX_DIFF_LINES} more diff lines (full copy: {fresh.relative_to(ROOT)})\n"
        self.fail(rel, "differs from a fresh generation" if old is not None else "missing", shown)

    # ---------------------------------------------------------------------------------- vectors
    def vectors(self):
        out = OUT / "tests" / "vectors"
        fresh_dir(out)
        steps = [("tests/vectors/make_vectors.py", VECTORS), ("tests/vectors/make_callbacks.py", ["callbacks.json"])]
        for script, files in steps:
            ok, log = run([PY, script, "--out-dir", str(out)])
            if not ok:
                for f in files:
                    self.fail(f"tests/vectors/{f}", f"{script} failed", log)
                continue
            for f in files:
                self.compare(f"tests/vectors/{f}", out / f)

    # ------------------------------------------------------------------------------------ swift
    def swift(self):
        lib = ROOT / "target/release/libopentok_uniffi.so"
        bindgen = ROOT / "target/release/uniffi-bindgen"
        missing = [p for p in (lib, bindgen) if not p.exists()]
        if missing:
            for rel in SWIFT:
                self.fail(rel, "no release build to generate from (" + ", ".join(str(p.relative_to(ROOT)) for p in missing)
                          + " missing): run `make build` first")
            return
        built = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(lib.stat().st_mtime))
        print(f"swift: from {lib.relative_to(ROOT)} (built {built}; `make build` refreshes it, `make test` builds first)")
        gen = OUT / "uniffi-swift"
        pkg = OUT / "swift"
        fresh_dir(gen)
        fresh_dir(pkg)
        ok, log = run([str(bindgen), "generate", "--library", str(lib), "--language", "swift", "--out-dir", str(gen),
                       "--no-format"])
        if ok:
            ok, log2 = run([PY, "swift/scripts/sync_generated.py", str(gen), "--dest", str(pkg)])
            log += log2
        if not ok:
            for rel in SWIFT:
                self.fail(rel, "uniffi-bindgen / sync_generated.py failed", log)
            return
        for rel in SWIFT:
            self.compare(rel, pkg / pathlib.Path(rel).relative_to("swift"))

    # -------------------------------------------------------------------- node / python types
    def types(self, manifest_arg, cargo):
        manifest = OUT / "manifest.json"
        if manifest_arg:
            src = pathlib.Path(manifest_arg)
            print(f"manifest: {src}")
            manifest.parent.mkdir(parents=True, exist_ok=True)
            if src.resolve() != manifest.resolve():
                shutil.copyfile(src, manifest)
        elif not (ROOT / "core/examples/manifest.rs").exists():
            self.skipped += TYPES
            print("skip " + ", ".join(TYPES) + ": this tree has no core/examples/manifest.rs (the manifest the "
                  "generated blocks come from)")
            return
        else:
            cmd = [cargo] + MANIFEST_CMD
            print("manifest: " + " ".join(cmd))
            p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if p.returncode != 0:
                for rel in TYPES:
                    self.fail(rel, "the manifest example failed", p.stderr[-4000:])
                return
            manifest.parent.mkdir(parents=True, exist_ok=True)
            manifest.write_text(p.stdout, encoding="utf-8")
        out = OUT / "types"
        fresh_dir(out)
        ok, log = run([PY, "scripts/gen/gen_types.py", "--manifest", str(manifest), "--out-dir", str(out)])
        if not ok:
            for rel in TYPES:
                self.fail(rel, "scripts/gen/gen_types.py failed", log)
            return
        for rel in TYPES:
            self.compare(rel, out / rel)


def main():
    cli = argparse.ArgumentParser(description="Regenerates every generated file into target/generated/ and "
                                              "compares (or, with --write, updates the tree).")
    cli.add_argument("--write", action="store_true", help="copy fresh files over the committed ones")
    cli.add_argument("--manifest", help="use this manifest JSON instead of running the core's example")
    cli.add_argument("--only", choices=["vectors", "swift", "types"], action="append",
                     help="check only these groups (repeatable)")
    opts = cli.parse_args()
    cargo = os.environ.get("CARGO", "cargo")
    r = Runner(opts.write)
    groups = opts.only or ["vectors", "swift", "types"]
    print(("generate" if opts.write else "check-generated") + ": fresh copies under "
          + str(OUT.relative_to(ROOT)) + "/")
    if "vectors" in groups:
        r.vectors()
    if "swift" in groups:
        r.swift()
    if "types" in groups:
        r.types(opts.manifest, cargo)
    print("not covered: tests/vectors/fidelity/python.json (needs the official `opentok` package: "
          "tests/peers/diff_python.py --fidelity); fidelity/node.json and fidelity/ruby.json are written by hand")
    if r.failed:
        print(f"generated files differ from the tree; to regenerate them run: {REGEN}  (then review `git diff`)")
    print(f"{r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
