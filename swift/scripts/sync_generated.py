#!/usr/bin/env python3
"""Copies freshly generated UniFFI Swift output (argument: the uniffi-bindgen --out-dir) into the
SwiftPM package: the .swift file into Sources/OpenTok/, the C header and the modulemap (as
module.modulemap, with a `link` line so SwiftPM links libopentok_uniffi) into
Sources/opentok_uniffiFFI/. Prints which files changed."""
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent.parent
gen = pathlib.Path(sys.argv[1])

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
        print(f"updated {dst.relative_to(here.parent)}")
print(f"swift: generated bindings {'refreshed' if changed else 'already up to date'} ({changed} file(s) changed)")
