#!/usr/bin/env python3
"""Print, as JSON, the English texts of questionnaires that lack a language (default: ru).

    scripts/i18n/extract.py questionnaires/archive/cbm-core-2024.1.yaml > todo.json
    scripts/i18n/extract.py --memory scripts/i18n/memory/cbm-core.ru.json FILE > todo.json
    scripts/i18n/extract.py --under dimensions[ict] FILE > todo.json   # one dimension only

The output is a JSON object {English text: ""} in file order, each English text once.
Fill in the translations and pass the file to apply.py with --memory, or merge it into the
translation memory with merge.py. With --memory, texts the memory already translates are left out.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qtext  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--memory", action="append", default=[], help="translation memory to skip (repeatable)")
    ap.add_argument("--under", help="only texts whose path starts with this, e.g. dimensions[ict]")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    known = {}
    for m in args.memory:
        with open(m, encoding="utf-8") as f:
            known.update(json.load(f))
    todo = {}
    for path in args.files:
        root = qtext.compose(path, qtext.read(path))
        for t in qtext.lacking(root, args.lang):
            if args.under and not t.path.startswith(args.under):
                continue
            english = t.english()
            if english is None or english in known or english in todo:
                continue
            todo[english] = ""
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    print(f"{len(todo)} texts to translate", file=sys.stderr)


if __name__ == "__main__":
    main()
