#!/usr/bin/env python3
"""Add filled-in translations (from extract.py's output) to a translation memory.

    scripts/i18n/merge.py scripts/i18n/memory/cbm-core.ru.json todo.json

Empty translations are skipped. An English text that the memory already translates
differently is reported and left as it is, unless --replace is given.
The memory is rewritten atomically, sorted by nothing: new entries are appended.
"""
import argparse
import json
import os
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--replace", action="store_true", help="let new translations replace old ones")
    ap.add_argument("memory")
    ap.add_argument("new", nargs="+")
    args = ap.parse_args()
    memory = {}
    if os.path.exists(args.memory):
        with open(args.memory, encoding="utf-8") as f:
            memory = json.load(f)
    added = conflicts = 0
    for path in args.new:
        with open(path, encoding="utf-8") as f:
            new = json.load(f)
        for en, ru in new.items():
            if not isinstance(ru, str) or not ru.strip():
                continue
            ru = " ".join(ru.split()) if "\n" not in en else ru
            if en in memory and memory[en] != ru and not args.replace:
                print(f"{path}: kept the memory's translation of: {en[:60]}", file=sys.stderr)
                conflicts += 1
                continue
            if memory.get(en) != ru:
                added += 1
            memory[en] = ru
    directory = os.path.dirname(os.path.abspath(args.memory))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False) as f:
        json.dump(memory, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(f.name, args.memory)
    print(f"{args.memory}: {added} added or changed, {conflicts} conflicts, {len(memory)} entries", file=sys.stderr)
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
