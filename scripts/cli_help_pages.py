#!/usr/bin/env python3
"""Writes the `--help` (and `-h`) page of `opentok` and of every subcommand, recursively, into a directory
(one file per command path), so the CLI's help can be diffed before/after a refactor.

usage: cli_help_pages.py BINARY OUTDIR
"""
import os
import re
import subprocess
import sys


def help_page(binary, path, flag="--help"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENTOK_")}
    env["COLUMNS"] = "100"
    p = subprocess.run([binary, *path, flag], capture_output=True, text=True, env=env)
    return f"exit={p.returncode}\n--stdout--\n{p.stdout}--stderr--\n{p.stderr}"


def subcommands(page):
    out, inside = [], False
    for line in page.splitlines():
        if line.strip() == "Commands:":
            inside = True
            continue
        if inside:
            m = re.match(r"^  ([a-z][a-z0-9-]*)(\s|$)", line)
            if m:
                if m.group(1) != "help":
                    out.append(m.group(1))
            elif line.strip() == "" or not line.startswith(" "):
                inside = False
    return out


def main():
    binary, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    todo, n = [[]], 0
    while todo:
        path = todo.pop(0)
        page = help_page(binary, path)
        name = "opentok" + "".join("_" + p for p in path)
        with open(os.path.join(outdir, name + ".txt"), "w") as f:
            f.write(page)
        with open(os.path.join(outdir, name + ".short.txt"), "w") as f:
            f.write(help_page(binary, path, "-h"))
        n += 1
        todo.extend(path + [c] for c in subcommands(page))
    print(f"{n} commands, {2 * n} help pages (--help and -h) written to {outdir}")


if __name__ == "__main__":
    main()
