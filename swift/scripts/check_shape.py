#!/usr/bin/env python3
"""Shape check of the Swift package (no Swift toolchain exists on these machines).

Verifies that
  * the generated bindings in Sources/ are identical to a fresh `uniffi-bindgen` run
    (target/uniffi-swift, written by `make uniffi-swift`);
  * the generated Swift declares every operation listed in tests/vectors/requests.json as an
    `async throws` method of `OpenTokClient` (plus its `…Blocking` twin);
  * the wrapper Sources/OpenTok/OpenTok.swift calls each one from a public `async throws` method;
  * the wrapper has a Swift Error enum, option defaults, and the token/session-id helpers.
Prints `N passed, N failed` and exits non-zero on any failure.
"""
import json
import pathlib
import re
import sys

here = pathlib.Path(__file__).resolve().parent.parent
root = here.parent
fresh = root / "target" / "uniffi-swift"
generated = (here / "Sources/OpenTok/opentok_uniffi.swift").read_text()
wrapper = (here / "Sources/OpenTok/OpenTok.swift").read_text()
ops = []
for r in json.loads((root / "tests/vectors/requests.json").read_text())["requests"]:
    if r["op"] not in ops:
        ops.append(r["op"])

passed = failed = 0


def check(ok: bool, what: str) -> None:
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")


def camel(op: str) -> str:
    head, *rest = op.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


# 1. committed generated files == fresh generation
if fresh.exists():
    mm = (fresh / "opentok_uniffiFFI.modulemap").read_text()
    check((fresh / "opentok_uniffi.swift").read_text() == generated, "Sources/OpenTok/opentok_uniffi.swift is stale")
    check((fresh / "opentok_uniffiFFI.h").read_text() == (here / "Sources/opentok_uniffiFFI/opentok_uniffiFFI.h").read_text(),
          "Sources/opentok_uniffiFFI/opentok_uniffiFFI.h is stale")
    module = (here / "Sources/opentok_uniffiFFI/module.modulemap").read_text()
    check(all(line in module for line in mm.splitlines() if line.strip() not in ("", "}")), "module.modulemap is stale")
    check('link "opentok_uniffi"' in module, "module.modulemap links libopentok_uniffi")
else:
    check(False, f"{fresh} missing: run `make uniffi-swift` first")

# 2. the client class of the generated code
# (the generated code is not indented consistently: take everything up to the class's FFI converter)
cls = re.search(r"open class OpenTokClient\b.*?(?=\npublic struct FfiConverterTypeOpenTokClient\b)", generated, re.S)
check(cls is not None, "generated Swift declares `open class OpenTokClient`")
body = cls.group(0) if cls else ""
check("import opentok_uniffiFFI" in generated, "generated Swift imports the FFI module")

# 3. every operation: generated declaration + wrapper call
for op in ops:
    name = camel(op)
    check(re.search(rf"open func {name}\([^)]*\)\s*async throws", body) is not None,
          f"generated `OpenTokClient.{name}(…) async throws` for `{op}`")
    check(re.search(rf"open func {name}Blocking\([^)]*\)\s*throws", body) is not None,
          f"generated `OpenTokClient.{name}Blocking(…) throws` for `{op}`")
    call = re.search(rf"try await client\.{name}\(", wrapper)
    check(call is not None, f"wrapper calls `client.{name}(…)` for `{op}`")
    if call:
        # the enclosing wrapper method is public and async throws
        start = wrapper.rfind("public func ", 0, call.start())
        sig = wrapper[start: wrapper.find("{", start)]
        check(start >= 0 and "async throws" in sig, f"wrapper method around `client.{name}` is `public func … async throws` ({sig.strip()[:60]})")

# 4. idiomatic surface
check(re.search(r"public enum OpenTokError: Error", wrapper) is not None, "wrapper declares `public enum OpenTokError: Error`")
for case in ["invalidArgument", "authentication", "notFound", "conflict", "rateLimited", "api", "timeout", "network", "decode"]:
    check(f"case {case}" in wrapper, f"OpenTokError has case `{case}`")
check("public final class OpenTok" in wrapper, "wrapper declares `public final class OpenTok`")
check("public func generateToken(sessionId: String, options: TokenOptions = TokenOptions()) throws -> String" in wrapper,
      "wrapper generateToken with default options and the host clock")
check("client.generateToken(" in wrapper and "nowSeconds: now" in wrapper, "wrapper passes the host clock to token generation")
for rec in ["SessionProperties", "ArchiveProperties", "BroadcastProperties", "TokenOptions", "CaptionProperties"]:
    m = re.search(rf"public struct {rec}\b.*?public init\((.*?)\)\s*\{{", generated, re.S)
    check(m is not None and "= nil" in m.group(1), f"option struct `{rec}` has defaults")
    check(f"{rec}()" in wrapper or rec in ("BroadcastProperties",), f"wrapper defaults `{rec}()` where the SDKs do")

print(f"swift shape check: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
