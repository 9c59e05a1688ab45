#!/usr/bin/env python3
"""List every text of a questionnaire that has no version in a language (default: ru).

    scripts/i18n/missing.py questionnaires/archive/cbm-core-2026.1.yaml
    scripts/i18n/missing.py --lang kk questionnaires/*.yaml

Prints one line per text: file:line:column: path: the start of the English text.
Ends with a count per file. Exit status 1 when any text is missing, 0 when none is.
"""
import argparse
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qtext  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="ru", help="language code to look for (default: ru)")
    ap.add_argument("--quiet", action="store_true", help="print only the counts")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    total = 0
    for path in args.files:
        root = qtext.compose(path, qtext.read(path))
        all_texts = qtext.texts(root)
        missing = [t for t in all_texts if args.lang not in t.languages()]
        if not args.quiet:
            for t in missing:
                english = (t.english() or next(iter(t.languages().values()), "")).replace("\n", " ")
                if len(english) > 60:
                    english = english[:57] + "..."
                print(f"{path}:{t.line}:{t.column}: {t.path}: {english}")
        print(f"{path}: {len(missing)} of {len(all_texts)} texts lack `{args.lang}`", file=sys.stderr)
        total += len(missing)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
