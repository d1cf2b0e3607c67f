#!/usr/bin/env python3
"""Writes the result-type declarations that follow the core's shape, from the core's manifest.

The manifest is what `cargo run --release -q -p opentok-core --features schema --example manifest`
prints (format: /work/coord/PLAN.md, "The manifest contract"): every operation with its name, area,
method, path template, argument and result schema. From it this script writes two generated blocks,
each between BEGIN/END marker comments, leaving the hand-written rest of the file as it is:

* node/index.d.ts: `OpenTok.Raw`, a namespace with one interface per result record (wire member
  names, optional where the schema does not require them, `[key: string]: unknown` because unknown
  members pass through), `OperationName` (the union of the operation names) and `Results` (operation
  name -> raw result type, `null` where the answer is ignored);
* python/opentok/_native.pyi: the same as TypedDicts, `OperationName` (a Literal, used in the
  signature of the native `Client.call`) and `Results`.

Usage:
  gen_types.py --manifest FILE              rewrite the blocks in place
  gen_types.py --manifest FILE --out-dir D  write the two files, with fresh blocks, under D (same
                                            relative paths); the tree is not touched
Python 3 standard library only.
"""
import argparse
import json
import keyword
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
NODE_DTS = "node/index.d.ts"
PYI = "python/opentok/_native.pyi"
REGEN = "make generate"

TS_BEGIN = "  // BEGIN GENERATED: raw result types"
TS_END = "  // END GENERATED: raw result types"
PY_BEGIN = "# BEGIN GENERATED: raw result types"
PY_END = "# END GENERATED: raw result types"
HEADER = "from the core's manifest by scripts/gen/gen_types.py; do not edit, run `{}`".format(REGEN)

# Names the hand-written part of _native.pyi (or its imports) already uses.
PY_RESERVED = {
    "Any", "Dict", "List", "Optional", "Tuple", "Union", "Literal", "TypedDict", "Required",
    "CORE_VERSION", "NativeError", "Completions", "CallHandle", "Client", "OperationName", "Results",
}
TS_RESERVED = {"OperationName", "Results"}

IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


class GenError(Exception):
    pass


def type_name(name):
    """A schema name as an identifier (`Page<Archive>` -> `Page_Archive`)."""
    n = re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_")
    if not n or n[0].isdigit():
        n = "T_" + n
    return n


def ref_name(ref):
    # "#/schemas/Name" as the contract says; "#/$defs/Name" and "#/definitions/Name" (schemars) too.
    return ref.rsplit("/", 1)[-1]


def one_line(text):
    text = " ".join((text or "").split())
    return text.replace("*/", "*\\/")


class Manifest:
    def __init__(self, doc):
        if not isinstance(doc, dict) or doc.get("version") != 1:
            raise GenError("manifest: expected a JSON object with \"version\": 1")
        self.ops = doc.get("operations")
        self.schemas = doc.get("schemas")
        if not isinstance(self.ops, list) or not isinstance(self.schemas, dict):
            raise GenError("manifest: expected \"operations\" (a list) and \"schemas\" (an object)")
        names = [op.get("name") for op in self.ops]
        if len(set(names)) != len(names) or not all(isinstance(n, str) and n for n in names):
            raise GenError("manifest: operation names must be unique non-empty strings")
        for op in self.ops:
            r = op.get("result")
            if r is not None and r not in self.schemas:
                raise GenError(f"manifest: result schema {r!r} of {op['name']} is not in \"schemas\"")
        self.order = self._reachable()
        idents = {}
        for n in self.order:
            t = type_name(n)
            if t in idents:
                raise GenError(f"manifest: schemas {idents[t]!r} and {n!r} give the same name {t}")
            idents[t] = n

    def resolve(self, ref):
        name = ref_name(ref)
        if name not in self.schemas:
            raise GenError(f"manifest: $ref {ref!r} names no schema")
        return name

    def _reachable(self):
        """Result schemas and what they reference, in order of first appearance (operations in
        manifest order, each schema before the ones it references)."""
        order, seen = [], set()

        def refs(s, out):
            if isinstance(s, dict):
                for k, v in s.items():
                    if k == "$ref" and isinstance(v, str):
                        out.append(self.resolve(v))
                    else:
                        refs(v, out)
            elif isinstance(s, list):
                for v in s:
                    refs(v, out)

        queue = [op["result"] for op in self.ops if op.get("result")]
        while queue:
            name = queue.pop(0)
            if name in seen:
                continue
            seen.add(name)
            order.append(name)
            found = []
            refs(self.schemas[name], found)
            queue[0:0] = [f for f in found if f not in seen]
        return order


def is_record(schema):
    return isinstance(schema, dict) and ("properties" in schema) and schema.get("type") in ("object", None)


def split_null(variants):
    """(variants without null, whether null was one of them)."""
    rest = [v for v in variants if not (isinstance(v, dict) and v.get("type") == "null")]
    return rest, len(rest) != len(variants)


# ------------------------------------------------------------------------------------- TypeScript
def ts_str(v):
    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"


def ts_key(k):
    return k if IDENT.match(k) else ts_str(k)


def ts_literal(v):
    if isinstance(v, str):
        return ts_str(v)
    return json.dumps(v)


def ts_type(m, s, indent):
    if s is True or s == {} or s is None:
        return "unknown"
    if s is False:
        return "never"
    if not isinstance(s, dict):
        return "unknown"
    if "$ref" in s:
        return type_name(m.resolve(s["$ref"]))
    if "const" in s:
        return ts_literal(s["const"])
    if "enum" in s:
        return " | ".join(ts_literal(v) for v in s["enum"])
    for key in ("anyOf", "oneOf"):
        if key in s:
            parts = []
            for v in s[key]:
                t = ts_type(m, v, indent)
                if t not in parts:
                    parts.append(t)
            return " | ".join(parts) if parts else "unknown"
    if "allOf" in s and len(s["allOf"]) == 1:
        return ts_type(m, s["allOf"][0], indent)
    t = s.get("type")
    if isinstance(t, list):
        parts = []
        for one in t:
            x = ts_type(m, dict(s, type=one), indent)
            if x not in parts:
                parts.append(x)
        return " | ".join(parts)
    if t == "string":
        return "string"
    if t in ("integer", "number"):
        return "number"
    if t == "boolean":
        return "boolean"
    if t == "null":
        return "null"
    if t == "array":
        item = ts_type(m, s.get("items", True), indent)
        return f"Array<{item}>" if " " in item else f"{item}[]"
    if t == "object" or "properties" in s:
        if s.get("properties"):
            return "{ " + "; ".join(mem for _, mem in ts_members(m, s, indent, inline=True)) + " }"
        extra = s.get("additionalProperties", True)
        return "{ [key: string]: " + ts_type(m, extra if extra is not False else True, indent) + " }"
    return "unknown"


def ts_members(m, s, indent, inline=False):
    req = set(s.get("required", []))
    out = []
    for k, v in s.get("properties", {}).items():
        member = f"{ts_key(k)}{'' if k in req else '?'}: {ts_type(m, v, indent)}"
        desc = one_line(v.get("description")) if isinstance(v, dict) and not inline else ""
        out.append((desc, member))
    out.append(("", "[key: string]: unknown"))
    return out


def ts_block(m):
    i1, i2 = "  ", "    "
    lines = [f"{TS_BEGIN} ({HEADER})."]
    lines.append(f"{i1}/**")
    lines.append(f"{i1} * The service's JSON for each operation as the native core hands it over (wire member names;")
    lines.append(f"{i1} * members the core does not name pass through), one declaration per result type of the core.")
    lines.append(f"{i1} */")
    lines.append(f"{i1}namespace Raw {{")
    lines.append(f"{i2}/** Every operation the native core runs by name. */")
    lines.append(f"{i2}type OperationName =")
    for n, op in enumerate(m.ops):
        end = ";" if n == len(m.ops) - 1 else ""
        lines.append(f"{i2}  | {ts_str(op['name'])}{end}")
    lines.append(f"{i2}/** The raw result of each operation (`null`: the answer is ignored). */")
    lines.append(f"{i2}interface Results {{")
    for op in m.ops:
        r = type_name(op["result"]) if op.get("result") else "null"
        lines.append(f"{i2}  {ts_key(op['name'])}: {r};")
    lines.append(f"{i2}}}")
    for name in m.order:
        s = m.schemas[name]
        t = type_name(name)
        if t in TS_RESERVED:
            raise GenError(f"manifest: schema name {name!r} clashes with a generated name")
        desc = one_line(s.get("description")) if isinstance(s, dict) else ""
        if desc:
            lines.append(f"{i2}/** {desc} */")
        if is_record(s):
            lines.append(f"{i2}interface {t} {{")
            for desc, member in ts_members(m, s, i2 + "  "):
                if desc:
                    lines.append(f"{i2}  /** {desc} */")
                lines.append(f"{i2}  {member};")
            lines.append(f"{i2}}}")
        else:
            lines.append(f"{i2}type {t} = {ts_type(m, s, i2)};")
    lines.append(f"{i1}}}")
    lines.append(TS_END)
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------- Python
def py_literal(v):
    return json.dumps(v) if isinstance(v, str) else repr(v)


def py_type(m, s):
    if s is True or s == {} or s is None or not isinstance(s, dict):
        return "Any"
    if "$ref" in s:
        return type_name(m.resolve(s["$ref"]))
    if "const" in s:
        return f"Literal[{py_literal(s['const'])}]" if s["const"] is not None else "None"
    if "enum" in s:
        vals = [v for v in s["enum"] if v is not None]
        lit = f"Literal[{', '.join(py_literal(v) for v in vals)}]" if vals else "None"
        return f"Optional[{lit}]" if vals and None in s["enum"] else lit
    for key in ("anyOf", "oneOf"):
        if key in s:
            rest, nullable = split_null(s[key])
            if all(isinstance(v, dict) and "const" in v and v["const"] is not None for v in rest) and rest:
                inner = f"Literal[{', '.join(py_literal(v['const']) for v in rest)}]"
            else:
                parts = []
                for v in rest:
                    t = py_type(m, v)
                    if t not in parts:
                        parts.append(t)
                inner = parts[0] if len(parts) == 1 else (f"Union[{', '.join(parts)}]" if parts else "None")
            return f"Optional[{inner}]" if nullable and inner not in ("None", "Any") else inner
    if "allOf" in s and len(s["allOf"]) == 1:
        return py_type(m, s["allOf"][0])
    t = s.get("type")
    if isinstance(t, list):
        nullable = "null" in t
        parts = []
        for one in t:
            if one == "null":
                continue
            x = py_type(m, dict(s, type=one))
            if x not in parts:
                parts.append(x)
        inner = parts[0] if len(parts) == 1 else (f"Union[{', '.join(parts)}]" if parts else "None")
        return f"Optional[{inner}]" if nullable and inner not in ("None", "Any") else inner
    if t == "string":
        return "str"
    if t == "integer":
        return "int"
    if t == "number":
        return "float"
    if t == "boolean":
        return "bool"
    if t == "null":
        return "None"
    if t == "array":
        return f"List[{py_type(m, s.get('items', True))}]"
    if t == "object" or "properties" in s:
        extra = s.get("additionalProperties", True)
        if s.get("properties") or extra in (True, False, None):
            return "Dict[str, Any]"
        return f"Dict[str, {py_type(m, extra)}]"
    return "Any"


def py_block(m):
    lines = [f"{PY_BEGIN} ({HEADER})."]
    lines.append("# The service's JSON for each operation as the native core hands it over (wire member names;")
    lines.append("# members the core does not name pass through), one TypedDict per result type of the core.")
    lines.append("from typing_extensions import Literal, Required, TypedDict")
    lines.append("")
    lines.append("OperationName = Literal[")
    for op in m.ops:
        lines.append(f"    {py_literal(op['name'])},")
    lines.append("]")
    lines.append('"""Every operation the native core runs by name."""')
    lines.append("")
    results = [(op["name"], type_name(op["result"]) if op.get("result") else "None") for op in m.ops]
    if all(n.isidentifier() and not keyword.iskeyword(n) for n, _ in results):
        lines.append("class Results(TypedDict):")
        lines.append('    """The raw result of each operation (None: the answer is ignored)."""')
        lines += [f"    {n}: {r}" for n, r in results]
    else:
        lines.append("# The raw result of each operation (None: the answer is ignored).")
        lines.append('Results = TypedDict("Results", {')
        lines += [f"    {py_literal(n)}: {r}," for n, r in results]
        lines.append("})")
    for name in m.order:
        s = m.schemas[name]
        t = type_name(name)
        if t in PY_RESERVED or keyword.iskeyword(t):
            raise GenError(f"manifest: schema name {name!r} clashes with a name of _native.pyi")
        desc = one_line(s.get("description")) if isinstance(s, dict) else ""
        lines.append("")
        if is_record(s):
            req = set(s.get("required", []))
            fields = []
            for k, v in s["properties"].items():
                ty = py_type(m, v)
                fields.append((k, f"Required[{ty}]" if k in req else ty))
            if all(k.isidentifier() and not keyword.iskeyword(k) for k, _ in fields):
                lines.append(f"class {t}(TypedDict, total=False):")
                lines.append(f'    """{desc.replace(chr(34) * 3, "")}"""' if desc else '    """(generated)"""')
                for k, ty in fields:
                    lines.append(f"    {k}: {ty}")
            else:
                if desc:
                    lines.append(f"# {desc}")
                lines.append(f"{t} = TypedDict(")
                lines.append(f"    {py_literal(t)},")
                lines.append("    {")
                for k, ty in fields:
                    lines.append(f"        {py_literal(k)}: {ty},")
                lines.append("    },")
                lines.append("    total=False,")
                lines.append(")")
        else:
            if desc:
                lines.append(f"# {desc}")
            lines.append(f"{t} = {py_type(m, s)}")
    lines.append(PY_END)
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------------------------- splicing
def splice(text, begin, end, block, path):
    """Replaces the lines from the BEGIN marker line through the END marker line with `block`."""
    lines = text.splitlines(keepends=True)
    b = [i for i, line in enumerate(lines) if line.startswith(begin)]
    e = [i for i, line in enumerate(lines) if line.startswith(end)]
    if len(b) != 1 or len(e) != 1 or e[0] < b[0]:
        raise GenError(f"{path}: expected one line starting with {begin.strip()!r} and, after it, one "
                       f"starting with {end.strip()!r} (the generated block goes between them)")
    return "".join(lines[: b[0]]) + block + "".join(lines[e[0] + 1:])


def render(manifest_doc, root=ROOT):
    """{relative path: new full text} for both files."""
    m = Manifest(manifest_doc)
    out = {}
    for rel, begin, end, block in ((NODE_DTS, TS_BEGIN, TS_END, ts_block(m)), (PYI, PY_BEGIN, PY_END, py_block(m))):
        text = (root / rel).read_text(encoding="utf-8")
        out[rel] = splice(text, begin, end, block, rel)
    return out


def main(argv=None):
    cli = argparse.ArgumentParser(description="Writes the generated blocks of node/index.d.ts and "
                                              "python/opentok/_native.pyi from the core's manifest.")
    cli.add_argument("--manifest", required=True, help="the manifest JSON file ('-' for stdin)")
    cli.add_argument("--out-dir", help="write the files under this folder instead of in place")
    opts = cli.parse_args(argv)
    try:
        raw = sys.stdin.read() if opts.manifest == "-" else pathlib.Path(opts.manifest).read_text(encoding="utf-8")
        doc = json.loads(raw)
        files = render(doc)
    except (OSError, ValueError, GenError) as e:
        print(f"gen_types: {e}", file=sys.stderr)
        return 1
    dest = pathlib.Path(opts.out_dir) if opts.out_dir else ROOT
    for rel, text in files.items():
        p = dest / rel
        old = p.read_text(encoding="utf-8") if p.exists() else None
        if old != text:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text, encoding="utf-8")
            print(f"gen_types: wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
