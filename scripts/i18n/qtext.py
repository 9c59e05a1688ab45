"""Shared helpers for the i18n scripts: find every translatable text of a questionnaire.

A "text" is a field of type *text* in docs/questionnaire-format.md: `title`, `summary`,
`notes`, `question`, `guidance`, `requirement`, `name` (of a scale level or an instrument),
each entry of `levels` and `next_steps`, and each item of `evidence`. Its value is either a
plain scalar (English only) or a map of language codes (`{en: ..., ru: ...}`).

We use PyYAML's composer (not the loader), so every text comes with its position in the file.
"""
import sys
import yaml

TEXT_KEYS = {"title", "summary", "notes", "question", "guidance", "requirement", "name"}
LEVEL_KEYS = {"levels", "next_steps"}
LIST_KEYS = {"evidence"}
MAX_BYTES = 10 * 1024 * 1024  # the same bound cbm applies to questionnaire files


class Text:
    """One translatable text: its node, the node's parent and the path to it."""

    def __init__(self, path, node, parent, key_node):
        self.path = path          # e.g. "dimensions[ict].indicators[ict.single-window].levels.3"
        self.node = node          # ScalarNode (English only) or MappingNode (language map)
        self.parent = parent      # MappingNode or SequenceNode holding it
        self.key_node = key_node  # the key's ScalarNode, or None for a list item

    @property
    def line(self):
        return self.node.start_mark.line + 1

    @property
    def column(self):
        return self.node.start_mark.column + 1

    def languages(self):
        if isinstance(self.node, yaml.ScalarNode):
            return {"en": self.node.value}
        if isinstance(self.node, yaml.MappingNode):
            return {k.value: v.value for k, v in self.node.value
                    if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
        return {}

    def english(self):
        return self.languages().get("en")


def read(path):
    """The file's text, refusing files that are too large or not UTF-8 (a BOM is dropped)."""
    with open(path, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        sys.exit(f"{path}: larger than 10 MB; this is not a questionnaire")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"{path}: not UTF-8 (byte {e.start}); save it as UTF-8")
    return text[1:] if text.startswith("\ufeff") else text


def compose(path, source):
    try:
        return yaml.compose(source)
    except yaml.YAMLError as e:
        sys.exit(f"{path}: {e}")


def _name(node):
    """A readable name for a list entry: its id when it has one."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value in ("id", "level") and isinstance(v, yaml.ScalarNode):
                return v.value
    return None


def texts(root):
    """Every translatable text under root, in file order."""
    found = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if not isinstance(k, yaml.ScalarNode):
                    continue
                here = f"{path}.{k.value}" if path else k.value
                if k.value in TEXT_KEYS and not _is_null(v):
                    found.append(Text(here, v, node, k))
                elif k.value in LEVEL_KEYS and isinstance(v, yaml.MappingNode):
                    for lk, lv in v.value:
                        if not _is_null(lv):
                            found.append(Text(f"{here}.{lk.value}", lv, v, lk))
                elif k.value in LIST_KEYS and isinstance(v, yaml.SequenceNode):
                    for i, item in enumerate(v.value):
                        if not _is_null(item):
                            found.append(Text(f"{here}[{i}]", item, v, None))
                else:
                    walk(v, here)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                name = _name(item)
                walk(item, f"{path}[{name if name is not None else i}]")

    walk(root, "")
    return found


def _is_null(node):
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def lacking(root, lang):
    """The texts that have no version in `lang`."""
    return [t for t in texts(root) if lang not in t.languages()]
