#!/usr/bin/env python3
"""The one version every artifact carries: `[workspace.package] version` in the root Cargo.toml.

    version.py                  print it
    version.py sync             write it into the package files below (after bumping Cargo.toml)
    version.py check-sources    fail if a package file states another version (node/package.json,
                                node/npm/*/package.json, ruby/lib/opentok/version.rb, kotlin/pom.xml)
    version.py check-dist DIR   fail if any artifact in DIR (wheel, sdist, npm tarballs, gems, jar and
                                pom in DIR/m2, CLI tarball) carries another version, or one is missing
"""
from __future__ import annotations

import json
import re
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def workspace_version() -> str:
    with open(ROOT / "Cargo.toml", "rb") as f:
        return str(tomllib.load(f)["workspace"]["package"]["version"])


def ruby_version_rb(text: str) -> str | None:
    m = re.search(r'^\s*VERSION\s*=\s*"([^"]+)"', text, re.M)
    return m.group(1) if m else None


def pom_version(text: str) -> str | None:
    # the project's own <version>: the first one after </parent> or the artifactId at the top level
    body = re.sub(r"<parent>.*?</parent>", "", text, flags=re.S)
    body = re.sub(r"<(dependencies|build|dependencyManagement|profiles|properties)>.*?</\1>", "", body, flags=re.S)
    m = re.search(r"<version>([^<]+)</version>", body)
    return m.group(1).strip() if m else None


def source_versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for p in [ROOT / "node/package.json", *sorted((ROOT / "node/npm").glob("*/package.json"))]:
        found[str(p.relative_to(ROOT))] = json.loads(p.read_text())["version"]
    rb = ROOT / "ruby/lib/opentok/version.rb"
    found[str(rb.relative_to(ROOT))] = ruby_version_rb(rb.read_text())
    pom = ROOT / "kotlin/pom.xml"
    found[str(pom.relative_to(ROOT))] = pom_version(pom.read_text())
    return found


def sync(want: str) -> None:
    for p in [ROOT / "node/package.json", *sorted((ROOT / "node/npm").glob("*/package.json"))]:
        text = p.read_text()
        p.write_text(re.sub(r'^(  "version": )"[^"]*"', rf'\g<1>"{want}"', text, count=1, flags=re.M))
    rb = ROOT / "ruby/lib/opentok/version.rb"
    rb.write_text(re.sub(r'^(\s*VERSION\s*=\s*)"[^"]*"', rf'\g<1>"{want}"', rb.read_text(), count=1, flags=re.M))
    pom = ROOT / "kotlin/pom.xml"
    pom.write_text(re.sub(r"(<artifactId>opentok-rs</artifactId>\s*<version>)[^<]*(</version>)", rf"\g<1>{want}\g<2>",
                          pom.read_text(), count=1))


def gem_version(path: Path) -> tuple[str, str]:
    """(version, platform) from a .gem's metadata.gz (YAML; read with a regex to need no YAML parser)."""
    import gzip

    with tarfile.open(path) as t:
        member = t.extractfile("metadata.gz")
        assert member is not None
        meta = gzip.decompress(member.read()).decode()
    v = re.search(r"^version: !ruby/object:Gem::Version\s*\n\s*version: ['\"]?([^'\"\n]+)", meta, re.M)
    p = re.search(r"^platform: (\S+)", meta, re.M)
    return (v.group(1) if v else "?"), (p.group(1) if p else "?")


def dist_versions(dist: Path) -> dict[str, str]:
    found: dict[str, str] = {}

    def one(pattern: str) -> list[Path]:
        hits = sorted(dist.glob(pattern))
        if not hits:
            found[pattern] = "MISSING"
        return hits

    for whl in one("*.whl"):
        with zipfile.ZipFile(whl) as z:
            meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
            found[whl.name] = re.search(r"^Version: (.+)$", z.read(meta).decode(), re.M).group(1).strip()  # type: ignore[union-attr]
    for sdist in one("opentok_rs-*.tar.gz"):
        with tarfile.open(sdist) as t:
            pkg = next(m for m in t.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))
            f = t.extractfile(pkg)
            assert f is not None
            found[sdist.name] = re.search(r"^Version: (.+)$", f.read().decode(), re.M).group(1).strip()  # type: ignore[union-attr]
    for tgz in one("opentok-rs-*.tgz"):
        with tarfile.open(tgz) as t:
            f = t.extractfile("package/package.json")
            assert f is not None
            pj = json.load(f)
            found[tgz.name] = pj["version"]
            for dep, v in pj.get("optionalDependencies", {}).items():
                found[f"{tgz.name} optionalDependencies.{dep}"] = v
    for gem in one("opentok-rs-*.gem"):
        v, platform = gem_version(gem)
        found[f"{gem.name} ({platform})"] = v
    for pom in one("m2/com/opentokrs/opentok-rs/*/opentok-rs-*.pom"):
        found[str(pom.relative_to(dist))] = pom_version(pom.read_text()) or "?"
    for jar in one("m2/com/opentokrs/opentok-rs/*/opentok-rs-*.jar"):
        with zipfile.ZipFile(jar) as z:
            props = [n for n in z.namelist() if n.endswith("pom.properties")]
            text = z.read(props[0]).decode() if props else ""
            m = re.search(r"^version=(.+)$", text, re.M)
            found[f"{jar.relative_to(dist)} pom.properties"] = m.group(1).strip() if m else "?"
    for cli in one("opentok-cli-*.tar.gz"):
        with tarfile.open(cli) as t:
            f = next((t.extractfile(m) for m in t.getmembers() if m.name.endswith("/VERSION")), None)
            found[cli.name] = f.read().decode().strip() if f else "?"
    return found


def report(found: dict[str, object], want: str) -> int:
    bad = {k: v for k, v in found.items() if v != want}
    for k, v in found.items():
        print(f"  {'ok ' if v == want else 'BAD'} {k}: {v}")
    if bad:
        print(f"version check FAILED: {len(bad)} of {len(found)} disagree with the workspace version {want}")
        return 1
    print(f"version check: {len(found)} artifacts/files all carry the workspace version {want}")
    return 0


def main(argv: list[str]) -> int:
    want = workspace_version()
    if len(argv) == 1:
        print(want)
        return 0
    if argv[1] == "sync":
        sync(want)
        return report(dict(source_versions()), want)
    if argv[1] == "check-sources":
        return report(dict(source_versions()), want)
    if argv[1] == "check-dist" and len(argv) == 3:
        return report(dict(dist_versions(Path(argv[2]))), want)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
