#!/usr/bin/env python3
"""Unit tests of gen_types.py on the hand-written sample manifest (sample_manifest.json, in the
manifest contract's format). Run: python3 -m unittest discover -s scripts/gen -p 'test_*.py'"""
import ast
import copy
import json
import pathlib
import sys
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen_types  # noqa: E402

SAMPLE = json.loads((HERE / "sample_manifest.json").read_text(encoding="utf-8"))


def block(text, begin, end):
    return text[text.index(begin):text.index(end)]


class GenTypesTest(unittest.TestCase):
    def render(self, doc=SAMPLE):
        files = gen_types.render(doc)
        ts = block(files[gen_types.NODE_DTS], gen_types.TS_BEGIN, gen_types.TS_END)
        py = files[gen_types.PYI]
        return ts, py

    def test_typescript_records_are_open_and_use_wire_names(self):
        ts, _ = self.render()
        self.assertIn("namespace Raw {", ts)
        arch = ts[ts.index("interface Archive {"):]
        arch = arch[:arch.index("    }\n")]
        self.assertIn("      id: string;", arch)  # required
        self.assertIn("      sessionId?: string | null;", arch)  # optional, wire name
        self.assertIn("      transcription?: Transcription | null;", arch)
        self.assertIn("      streams?: ArchiveStream[];", arch)
        self.assertIn("      [key: string]: unknown;", arch)
        self.assertIn("      | 'delete_archive'", ts)
        self.assertIn("      delete_archive: null;", ts)
        self.assertIn("    type CreatedSessions = CreatedSession[];", ts)
        self.assertIn("    type CaptionState = 'started' | 'stopped' | 'paused' | 'failed';", ts)
        self.assertIn("      headers?: { [key: string]: string };", ts)

    def test_only_result_schemas_and_their_references(self):
        ts, py = self.render()
        for arg in ("StartArchive", "ListArchives", "CreateSession", "MediaMode"):
            self.assertNotIn(f" {arg} ", ts)
            self.assertNotIn(f"class {arg}(", py)

    def test_python_stub_is_valid_and_typed(self):
        _, py = self.render()
        tree = ast.parse(py)
        classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
        self.assertIn("Archive", classes)
        self.assertIn("total=False", ast.unparse(classes["Archive"]))
        self.assertIn("id: Required[str]", py)
        self.assertIn("transcription: Optional[Transcription]", py)
        self.assertIn('CaptionState = Literal["started", "stopped", "paused", "failed"]', py)
        self.assertIn("    delete_archive: None", py)
        self.assertIn("def call(self, op: OperationName, args_json: str) -> str: ...", py)

    def test_keys_that_are_not_identifiers_use_the_functional_form(self):
        doc = copy.deepcopy(SAMPLE)
        doc["schemas"]["Callback"]["properties"]["from"] = {"type": "string"}
        doc["schemas"]["Callback"]["properties"]["x-y"] = {"type": "string"}
        ts, py = self.render(doc)
        ast.parse(py)
        self.assertIn('Callback = TypedDict(', py)
        self.assertIn('"x-y": str,', py)
        self.assertIn("      'x-y'?: string;", ts)
        self.assertIn("      from?: string;", ts)

    def test_errors_are_named(self):
        doc = copy.deepcopy(SAMPLE)
        doc["operations"][1]["result"] = "Nope"
        with self.assertRaisesRegex(gen_types.GenError, "Nope"):
            gen_types.render(doc)
        doc = copy.deepcopy(SAMPLE)
        doc["schemas"]["Archive"]["properties"]["transcription"] = {"$ref": "#/schemas/Missing"}
        with self.assertRaisesRegex(gen_types.GenError, "Missing"):
            gen_types.render(doc)
        with self.assertRaisesRegex(gen_types.GenError, "BEGIN GENERATED"):
            gen_types.splice("no markers\n", gen_types.PY_BEGIN, gen_types.PY_END, "x\n", "f.pyi")

    def test_splice_keeps_the_hand_written_rest(self):
        text = "a\n" + gen_types.PY_BEGIN + " old\nold\n" + gen_types.PY_END + "\nb\n"
        self.assertEqual(gen_types.splice(text, gen_types.PY_BEGIN, gen_types.PY_END, "NEW\n", "f"), "a\nNEW\nb\n")

    def test_output_is_stable(self):
        self.assertEqual(gen_types.render(SAMPLE), gen_types.render(copy.deepcopy(SAMPLE)))


if __name__ == "__main__":
    unittest.main()
