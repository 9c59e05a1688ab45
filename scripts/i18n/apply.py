#!/usr/bin/env python3
"""Add translations from a translation memory to a questionnaire, in place.

    scripts/i18n/apply.py --memory scripts/i18n/memory/cbm-core.ru.json FILE
    scripts/i18n/apply.py --memory TM.json --dry-run FILE     # only count

The memory is a JSON object {English text: translation}. Each text of FILE whose English is
in the memory and that has no version in the language yet becomes a language map:

    title: Border agency cooperation
becomes
    title:
      en: Border agency cooperation
      ru: Сотрудничество пограничных ведомств

The English is kept byte for byte (a folded `>-` block stays folded, only indented two more
spaces); list items (`evidence`) become `- en: ...` / `  ru: ...`; a text inside `{...}` or
`[...]` becomes `{en: ..., ru: "..."}`; a language map without the language gets a `ru:` line.
Ids, numbers, references, respondents and comments are not touched. With --update, translations
already in the file that differ from the memory are replaced too. Running it twice changes
nothing the second time. The file is checked after the change (every English text unchanged,
every added translation read back exactly) and written atomically; on any doubt nothing is written.
"""
import argparse
import json
import os
import sys
import tempfile
import textwrap

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qtext  # noqa: E402

WIDTH = 96  # longest line we write, as in the bundled questionnaires


def plain_ok(s):
    """Whether s can be written as a plain (unquoted) YAML scalar and read back unchanged."""
    if not s or s != s.strip() or "\n" in s or "\t" in s:
        return False
    if s[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in s or " #" in s or s.endswith(":"):
        return False
    try:
        return yaml.safe_load("k: " + s) == {"k": s}
    except yaml.YAMLError:
        return False


def render(lang, s, col):
    """`lang: s` for a key at column col, as plain, quoted or folded text."""
    quoted = json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar
    if "\n" in s or "\t" in s or "  " in s or s != s.strip():
        return f"{lang}: {quoted}"
    if plain_ok(s) and col + len(lang) + 2 + len(s) <= WIDTH:
        return f"{lang}: {s}"
    if col + len(lang) + 2 + len(quoted) <= WIDTH:
        return f"{lang}: {quoted}"
    lines = textwrap.wrap(s, width=max(40, WIDTH - col - 2), break_long_words=False, break_on_hyphens=False)
    pad = " " * (col + 2)
    return f"{lang}: >-\n" + "\n".join(pad + line for line in lines)


def reindent(text, n):
    lines = text.split("\n")
    return "\n".join([lines[0]] + [(" " * n + l) if l.strip() else l for l in lines[1:]])


def stripped_end(source, index):
    while index > 0 and source[index - 1] in " \t\r\n":
        index -= 1
    return index


def edits_for(source, t, lang, translation):
    """(start, end, replacement) edits that add `translation` to text t."""
    node, parent = t.node, t.parent
    if isinstance(node, yaml.ScalarNode):
        start, end = node.start_mark.index, stripped_end(source, node.end_mark.index)
        orig = source[start:end]
        if parent.flow_style:
            en = orig if "\n" not in orig else json.dumps(node.value, ensure_ascii=False)
            return [(start, end, f"{{en: {en}, {lang}: {json.dumps(translation, ensure_ascii=False)}}}")]
        if t.key_node is not None:  # `key: value` in a block map
            col = t.key_node.start_mark.column + 2
            key_end = t.key_node.end_mark.index
            return [(key_end, end, ":\n" + " " * col + "en: " + reindent(orig, 2) + "\n" + " " * col
                     + render(lang, translation, col))]
        col = node.start_mark.column  # `- value` in a block list
        return [(start, end, "en: " + reindent(orig, 2) + "\n" + " " * col + render(lang, translation, col))]
    if isinstance(node, yaml.MappingNode) and node.value:
        if node.flow_style:
            close = stripped_end(source, node.end_mark.index) - 1
            if source[close] != "}":
                return []
            at = stripped_end(source, close)
            return [(at, at, f", {lang}: {json.dumps(translation, ensure_ascii=False)}")]
        col = node.start_mark.column
        at = stripped_end(source, node.value[-1][1].end_mark.index)
        return [(at, at, "\n" + " " * col + render(lang, translation, col))]
    return []


def replacement_for(source, t, lang, translation):
    """The edit that replaces the existing `lang` entry of a language map with `translation`."""
    for k, v in t.node.value:
        if k.value == lang:
            end = stripped_end(source, v.end_mark.index)
            if t.node.flow_style:
                return [(v.start_mark.index, end, json.dumps(translation, ensure_ascii=False))]
            return [(k.start_mark.index, end, render(lang, translation, k.start_mark.column))]
    return []


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--memory", action="append", required=True, help="translation memory (JSON); repeatable")
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--dry-run", action="store_true", help="count what would change, write nothing")
    ap.add_argument("--update", action="store_true",
                    help="also replace translations already in the file that differ from the memory")
    ap.add_argument("file")
    args = ap.parse_args()

    memory = {}
    for m in args.memory:
        with open(m, encoding="utf-8") as f:
            memory.update({k: v for k, v in json.load(f).items() if isinstance(v, str) and v.strip()})

    source = qtext.read(args.file)
    root = qtext.compose(args.file, source)
    before = qtext.texts(root)
    todo = [t for t in before if args.lang not in t.languages() and t.english() in memory]
    stale = [t for t in before if args.update and args.lang in t.languages() and t.english() in memory
             and t.languages()[args.lang] != memory[t.english()]]
    edits = []
    for t in stale:
        edits.extend(replacement_for(source, t, args.lang, memory[t.english()]))
    for t in todo:
        e = edits_for(source, t, args.lang, memory[t.english()])
        if not e:
            print(f"{args.file}:{t.line}:{t.column}: {t.path}: left alone (unusual form)", file=sys.stderr)
        edits.extend(e)
    still = sum(1 for t in before if args.lang not in t.languages()) - len(todo)
    print(f"{args.file}: {len(todo)} texts translated now, {still} still lack `{args.lang}`"
          + (f", {len(stale)} translations replaced" if args.update else ""), file=sys.stderr)
    if args.dry_run or not edits:
        return 0

    result = source
    for start, end, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        result = result[:start] + replacement + result[end:]

    # Check: same texts in the same order, English unchanged, translations read back exactly,
    # and nothing but texts changed (the whole document, minus texts, is identical).
    after = qtext.texts(qtext.compose(args.file, result))
    if len(after) != len(before):
        sys.exit(f"{args.file}: internal error: {len(before)} texts before, {len(after)} after; nothing written")
    done = {id(t.node) for t in todo + stale}
    for b, a in zip(before, after):
        if b.path != a.path or b.english() != a.english():
            sys.exit(f"{args.file}:{b.line}: internal error: {b.path} changed; nothing written")
        if id(b.node) in done and a.languages().get(args.lang) != memory[b.english()]:
            sys.exit(f"{args.file}:{b.line}: internal error: {b.path} reads back differently; nothing written")
    if _skeleton(yaml.safe_load(source)) != _skeleton(yaml.safe_load(result)):
        sys.exit(f"{args.file}: internal error: something other than a text changed; nothing written")

    directory = os.path.dirname(os.path.abspath(args.file))
    mode = os.stat(args.file).st_mode & 0o777
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False,
                                     prefix=".apply-", suffix=".yaml") as f:
        f.write(result)
    os.chmod(f.name, mode)
    os.replace(f.name, args.file)
    return 0


def _skeleton(value, key=None):
    """The document with every text reduced to its English, for comparing before and after."""
    if key in qtext.TEXT_KEYS or key == "_text":
        return value.get("en") if isinstance(value, dict) else value
    if isinstance(value, dict):
        if key in qtext.LEVEL_KEYS:
            return {k: _skeleton(v, "_text") for k, v in value.items()}
        return {k: _skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_skeleton(v, "_text" if key in qtext.LIST_KEYS else None) for v in value]
    return value


if __name__ == "__main__":
    sys.exit(main())
