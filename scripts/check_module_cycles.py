#!/usr/bin/env python3
"""Fails when a crate's modules import each other in a cycle.

usage: check_module_cycles.py SRC_DIR [SRC_DIR ...]
       check_module_cycles.py --self-test

The graph has one node per file module (`lib.rs`/`main.rs` is `crate`, `foo.rs` or `foo/mod.rs` is
`crate::foo`; inline `mod x { … }` blocks belong to their file). An edge A -> B is written by
- a `use` of `crate::…`, `super::…` or `self::…` (every branch of a `{…}` group),
- a `use` whose first segment is a module declared in A (`use child::X` in a `mod.rs` or `lib.rs`),
- a `crate::…` or `super::…` path anywhere in the code (`crate::x::f()`, `impl crate::x::T`).
A path names the deepest file module it goes through. A re-export (`pub use x::Name`) is an alias,
not an edge: a path to `Name` through it is an edge to the module that defines `Name` (so a `mod.rs`
facade that re-exports its children is no cycle, but a child using a helper its `mod.rs` defines
while the `mod.rs` uses the child is one). Comments, string literals and
`#[cfg(test)]` modules (inline or in their own file) are ignored. Exits 1 and prints each cycle (with the line that makes each edge) when there is one.
"""
import os
import re
import sys
import tempfile

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_code(text):
    """Blanks comments, strings and char literals (keeping newlines and offsets)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(i, j)
            i = j
        elif re.match(r'b?r(#*)"', text[i:i + 40]) and (i == 0 or not re.match(r"\w", text[i - 1])):
            m = re.match(r'b?r(#*)"', text[i:])
            end = '"' + m.group(1)
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            blank(i, j)
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            blank(i, j + 1)
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:  # a char literal, not a lifetime
                blank(i, i + m.end())
                i += m.end()
            else:
                i += 1
        else:
            i += 1
    return "".join(out)


def expand_use(tree):
    """`a::{b, c::{d, e as f}, self}` -> [[a, b], [a, c, d], [a, c, e], [a]]."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def split_top(s):
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        return parts

    def walk(prefix, s):
        brace = s.find("{")
        if brace >= 0 and s.endswith("}"):
            head = [p for p in s[:brace].split("::") if p]
            for part in split_top(s[brace + 1:-1]):
                walk(prefix + head, part)
            return
        segs = [p for p in s.split("::") if p]
        if segs and segs[-1] == "self":
            segs = segs[:-1]
        out.append(prefix + segs)

    walk([], tree)
    return out


def parse_use_body(body):
    # `use a::b as c` -> whitespace matters for `as`; normalise it before expanding.
    body = re.sub(r"\s+as\s+" + IDENT, "", body)
    return expand_use(body)


class Crate:
    def __init__(self, src):
        self.src = os.path.abspath(src)
        root = None
        for name in ("lib.rs", "main.rs"):
            if os.path.isfile(os.path.join(self.src, name)):
                root = os.path.join(self.src, name)
                break
        if root is None:
            raise SystemExit(f"{src}: no lib.rs or main.rs")
        self.files = {}  # module path (tuple) -> file
        self.code = {}  # module path -> stripped text
        self.raw = {}
        self.children = {}  # module path -> set of child names (file modules)
        self.inline = {}  # module path -> [(start, end, name)]
        self.test_spans = {}  # module path -> [(start, end)] of `#[cfg(test)] mod x { … }`
        self._load((), root, os.path.dirname(root))

    def _load(self, path, file, child_dir):
        with open(file, encoding="utf-8") as f:
            raw = f.read()
        code = strip_code(raw)
        self.files[path], self.code[path], self.raw[path] = file, code, raw
        self.children[path] = set()
        spans = []
        for m in re.finditer(r"\bmod\s+(" + IDENT + r")\s*([;{])", code):
            name = m.group(1)
            attrs = code[max(code.rfind(";", 0, m.start()), code.rfind("}", 0, m.start())) + 1:m.start()]
            test_only = re.search(r"#\[\s*cfg\s*\(\s*test\s*\)\s*\]", attrs) is not None
            if m.group(2) == "{":
                depth, j = 1, m.end()
                while j < len(code) and depth:
                    depth += {"{": 1, "}": -1}.get(code[j], 0)
                    j += 1
                spans.append((m.start(), j, name))
                if test_only:
                    self.test_spans.setdefault(path, []).append((m.start(), j))
                continue
            if test_only or any(a <= m.start() < b for a, b, _ in spans):
                continue  # a test-only module, or `mod x;` inside an inline module: not followed
            for cand in (os.path.join(child_dir, name + ".rs"), os.path.join(child_dir, name, "mod.rs")):
                if os.path.isfile(cand):
                    self.children[path].add(name)
                    sub = os.path.join(child_dir, name)
                    self._load(path + (name,), cand, sub)
                    break
        self.inline[path] = spans

    def inline_path(self, mod, pos):
        """Inline module names enclosing `pos` in `mod`'s file, outermost first."""
        names = []
        for a, b, name in sorted(self.inline[mod]):
            if a <= pos < b:
                names.append(name)
        return names

    def reexports(self, mod):
        """name -> absolute segment list, for `pub use` in `mod`."""
        out = {}
        for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", self.code[mod]):
            for segs in parse_use_body(m.group(1)):
                if segs and segs[-1] != "*":
                    abs_segs = self.absolute(mod, [], segs, relative_children=True)
                    if abs_segs is not None:
                        out[segs[-1]] = abs_segs
        return out

    def absolute(self, mod, inline, segs, relative_children):
        """Absolute segments (from the crate root) of a path written in `mod` (+ inline mods)."""
        here = list(mod) + list(inline)
        if not segs:
            return None
        if segs[0] == "crate":
            return segs[1:]
        if segs[0] in ("super", "self"):
            cur = list(here)
            i = 0
            while i < len(segs) and segs[i] in ("super", "self"):
                if segs[i] == "super":
                    if not cur:
                        return None
                    cur.pop()
                i += 1
            return cur + segs[i:]
        if relative_children and not inline and segs[0] in self.children[mod]:
            return list(mod) + segs
        return None

    def target(self, abs_segs, seen=None):
        """The file module an absolute path ends in (following re-exports)."""
        seen = seen or set()
        mod = ()
        i = 0
        while i < len(abs_segs) and abs_segs[i] in self.children.get(mod, ()):
            mod = mod + (abs_segs[i],)
            i += 1
        if i < len(abs_segs):
            name = abs_segs[i]
            key = (mod, name)
            if key not in seen:
                seen.add(key)
                alias = self.reexports(mod).get(name)
                if alias is not None:
                    return self.target(alias, seen)
        return mod

    def edges(self):
        """{(from, to): (file, line, text)}."""
        out = {}

        def add(mod, pos, abs_segs, what):
            if abs_segs is None:
                return
            if any(a <= pos < b for a, b in self.test_spans.get(mod, ())):
                return  # test code may import anything
            to = self.target(abs_segs)
            if to != mod and (mod, to) not in out:
                line = self.code[mod].count("\n", 0, pos) + 1
                out[(mod, to)] = (self.files[mod], line, what.strip())

        for mod, code in self.code.items():
            use_spans = []
            for m in re.finditer(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;{]*(?:\{[^;]*\})?[^;]*);", code):
                use_spans.append((m.start(), m.end()))
                if m.group(1):
                    continue  # a re-export: an alias (see `reexports`), not an edge
                inline = self.inline_path(mod, m.start())
                for segs in parse_use_body(m.group(2)):
                    if segs and segs[-1] == "*":
                        segs = segs[:-1]
                    add(mod, m.start(), self.absolute(mod, inline, segs, True), "use " + m.group(2))
            for m in re.finditer(r"(?<![\w:])((?:crate|super)(?:::" + IDENT + ")+)", code):
                if any(a <= m.start() < b for a, b in use_spans):
                    continue
                inline = self.inline_path(mod, m.start())
                segs = m.group(1).split("::")
                add(mod, m.start(), self.absolute(mod, inline, segs, False), m.group(1))
        return out


def find_cycles(nodes, edges):
    """Strongly connected components with more than one node (Tarjan), each as a cycle path."""
    graph = {n: sorted({b for (a, b) in edges if a == n}) for n in nodes}
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            strong(v)
    cycles = []
    for comp in comps:
        members = set(comp)
        start = min(comp)
        # shortest cycle through `start` inside the component (BFS)
        prev, queue, found = {start: None}, [start], None
        while queue and found is None:
            v = queue.pop(0)
            for w in graph[v]:
                if w not in members:
                    continue
                if w == start:
                    found = v
                    break
                if w not in prev:
                    prev[w] = v
                    queue.append(w)
        path, v = [], found
        while v is not None:
            path.append(v)
            v = prev[v]
        path.reverse()
        cycles.append((path + [start], comp))
    return cycles


def name(mod):
    return "::".join(("crate",) + tuple(mod))


def check(src):
    crate = Crate(src)
    edges = crate.edges()
    cycles = find_cycles(list(crate.code), edges)
    if not cycles:
        print(f"{src}: {len(crate.code)} modules, {len(edges)} import edges, no cycle")
        return True
    for cyc, comp in cycles:
        print(f"{src}: import cycle: " + " -> ".join(name(m) for m in cyc))
        if len(comp) > len(cyc) - 1:
            print(f"    (one of the cycles among: {', '.join(sorted(name(m) for m in comp))})")
        for a, b in zip(cyc, cyc[1:]):
            file, line, what = edges[(a, b)]
            print(f"    {name(a)} -> {name(b)}: {os.path.relpath(file)}:{line}: {what[:100]}")
    return False


def self_test():
    """The checker finds a planted cycle (through a re-export and a `super::` path) and passes its
    acyclic twin."""
    files = {
        "lib.rs": "pub mod a;\npub mod b;\npub mod m;\npub use m::Thing;\n",
        "a.rs": "use crate::b::{self, Other as O};\n// use crate::m; (a comment)\n",
        "b.rs": 'pub struct Other;\nconst S: &str = "crate::a::x";\nfn f() -> crate::Thing { todo!() }\n',
        "m/mod.rs": "mod inner;\npub use inner::Thing;\n#[cfg(test)]\nmod tests { use super::*; }\n",
        "m/inner.rs": "pub struct Thing;\nfn g() { super::super::a::h() }\n",
    }
    ok = True
    with tempfile.TemporaryDirectory() as d:
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
            with open(os.path.join(d, rel), "w") as f:
                f.write(text)
        crate = Crate(d)
        cycles = find_cycles(list(crate.code), crate.edges())
        want = [["a"], ["b"], ["m", "inner"], ["a"]]
        got = [[list(m) for m in c] for c, _ in cycles]
        if [[tuple(x) for x in w] for w in [want]] != [[tuple(x) for x in g] for g in got]:
            print(f"self-test: expected the cycle a -> b -> m::inner -> a, got {got}")
            ok = False
        # break the cycle: m::inner no longer calls back into `a`
        with open(os.path.join(d, "m/inner.rs"), "w") as f:
            f.write("pub struct Thing;\n#[cfg(test)]\nmod tests {\n    use crate::a::h;\n}\n")
        crate = Crate(d)
        cycles = find_cycles(list(crate.code), crate.edges())
        if cycles:
            print(f"self-test: expected no cycle, got {cycles}")
            ok = False
    print("self-test: " + ("the checker finds a planted cycle and passes its fix" if ok else "FAILED"))
    return ok


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    if argv == ["--self-test"]:
        return 0 if self_test() else 1
    results = [check(src) for src in argv]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
