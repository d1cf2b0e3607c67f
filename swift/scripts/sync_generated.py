#!/usr/bin/env python3
"""Copies freshly generated UniFFI Swift output (argument: the uniffi-bindgen --out-dir) into the
SwiftPM package: the .swift file into Sources/OpenTok/, the C header and the modulemap (as
module.modulemap, with a `link` line so SwiftPM links libopentok_uniffi) into
Sources/opentok_uniffiFFI/. Prints which files changed.

`--dest DIR` writes the same files under DIR (DIR/Sources/...) instead of the package, leaving swift/
untouched: `make check-generated` diffs that copy against swift/Sources."""
import argparse
import os
import pathlib

cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
cli.add_argument("gen", help="the uniffi-bindgen --out-dir of a Swift run")
cli.add_argument("--dest", help="package root to write Sources/ under (default: swift/ itself)")
opts = cli.parse_args()
here = pathlib.Path(opts.dest).resolve() if opts.dest else pathlib.Path(__file__).resolve().parent.parent
gen = pathlib.Path(opts.gen)

LINK = '    link "opentok_uniffi"\n'


def modulemap(text: str) -> str:
    lines = text.splitlines(keepends=True)
    if LINK in lines:
        return text
    # insert the link directive before the closing brace of the module
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() == "}":
            lines.insert(i, LINK)
            break
    return "".join(lines)


targets = {
    gen / "opentok_uniffi.swift": (here / "Sources/OpenTok/opentok_uniffi.swift", None),
    gen / "opentok_uniffiFFI.h": (here / "Sources/opentok_uniffiFFI/opentok_uniffiFFI.h", None),
    gen / "opentok_uniffiFFI.modulemap": (here / "Sources/opentok_uniffiFFI/module.modulemap", modulemap),
}
changed = 0
for src, (dst, transform) in targets.items():
    text = src.read_text()
    if transform:
        text = transform(text)
    old = dst.read_text() if dst.exists() else None
    if old != text:
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(text)
        changed += 1
        print(f"updated {os.path.relpath(dst)}")
print(f"swift: generated bindings {'refreshed' if changed else 'already up to date'} ({changed} file(s) changed)")
