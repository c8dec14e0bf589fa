"""Reading the YAML that domain experts write (rules/, dialogs/, replays).

One reader for all of them, so every data file follows the same rules:
- YAML 1.2 booleans: only true/false. In YAML 1.1 an unquoted `yes`, `no`, `on` or `off`
  silently becomes a boolean, so a rule testing `hazardous: yes` or an answer "no" would never
  match the text the interview records.
- The node tree is kept next to the data, so an error can name the line of the item it concerns.
- libyaml's parser when installed: about fifteen times faster than the pure-Python one on rules/.
- Bounded work: a file handed in by a user (a replay, an edited rule) may be an alias bomb
  ("billion laughs": 367 bytes that expand to hundreds of millions of items) or deeply nested.
  The node tree is measured before anything is built from it, counting every alias as the
  whole subtree it stands for (memoised, so the count itself is linear), and a file over the
  limits is refused with a message naming the limit. Nothing later (an error message, a
  replay's dump) can then be asked to walk an expanded structure.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_YAML_BYTES = 5_000_000
"""Largest YAML file read (the biggest shipped rule file is about 50 kB)."""
MAX_YAML_NODES = 1_000_000
"""Most items a document may stand for once every alias is expanded."""
MAX_YAML_DEPTH = 200
"""Deepest nesting of lists and mappings."""


class YamlLimitError(yaml.YAMLError):
    """The document is over one of the limits above; the message names which and why."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = None


class Yaml12Loader(_Base):  # type: ignore[misc]
    """A safe loader (never constructs Python objects) with YAML 1.2 booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    Yaml12Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), [_first]
    )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def expanded_size(node: yaml.Node) -> int:
    """How many nodes ``node`` stands for with every alias written out (YamlLimitError if over
    MAX_YAML_NODES, deeper than MAX_YAML_DEPTH, or recursive)."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    # iterative post-order walk: (node, depth, children done?)
    stack: list[tuple[yaml.Node, int, bool]] = [(node, 1, False)]
    while stack:
        current, depth, done = stack.pop()
        key = id(current)
        if done:
            on_path.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _children(current))
            if total > MAX_YAML_NODES:
                raise YamlLimitError(
                    f"the document expands to more than {MAX_YAML_NODES:,} items (anchors and "
                    "aliases repeat parts of it); write the items out or split the file"
                )
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise YamlLimitError("an alias refers to the item that contains it (a loop)")
        if depth > MAX_YAML_DEPTH:
            raise YamlLimitError(f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep")
        on_path.add(key)
        stack.append((current, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(current))
    return sizes[id(node)]


def read_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse ``text`` once into its node tree (for line numbers) and the data built from it."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlLimitError(
            f"the file has {len(text):,} characters; the limit is {MAX_YAML_BYTES:,}"
        )
    loader = Yaml12Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlLimitError(
                f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep"
            ) from None
        if node is None:
            return None, None
        expanded_size(node)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return node, data


def read_yaml_file(path: Path) -> tuple[yaml.Node | None, Any]:
    """Read and parse the YAML file ``path``: OSError when it cannot be read, YAMLError (with
    a message saying what is wrong) when it is too big, not UTF-8 or not valid YAML."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_YAML_BYTES + 1)
    if len(raw) > MAX_YAML_BYTES:
        raise YamlLimitError(f"the file is larger than {MAX_YAML_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlLimitError(
            f"the file is not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8"
        ) from None
    return read_yaml(text)
