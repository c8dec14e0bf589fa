"""Reading the YAML that domain experts write (rules/, dialogs/, replays).

One reader for all of them, so every data file follows the same rules:
- YAML 1.2 booleans: only true/false. In YAML 1.1 an unquoted `yes`, `no`, `on` or `off`
  silently becomes a boolean, so a rule testing `hazardous: yes` or an answer "no" would never
  match the text the interview records.
- The node tree is kept next to the data, so an error can name the line of the item it concerns.
- libyaml's parser when installed: about fifteen times faster than the pure-Python one on rules/.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def read_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse ``text`` once into its node tree (for line numbers) and the data built from it."""
    loader = Yaml12Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data
