"""Load YAML data files into pydantic models with errors a domain expert can act on.

A broken dialog or replay file must say which file, which item (and its line) and what is
wrong: "dialogs/30_step2.yaml, line 41, questions[3] (id: temperature) -> options: Field
required". YAML nodes keep their line numbers, so the pydantic error location is walked through
the composed node tree to find the line. The YAML parser is imported when a file is read:
a start with a valid dialog cache reads none.
"""

from __future__ import annotations

import json
import reprlib
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from isassist import facts, lang
from isassist.cachefile import cache_file, content_key, read_cached, write_cached
from isassist.interview import dialog as dialog_module
from isassist.interview.dialog import Dialog, Section
from isassist.paths import data_dir

if TYPE_CHECKING:
    import yaml

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A dialog or replay file that cannot be used; the message names file, item and problem."""


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    import yaml

    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if getattr(k, "value", None) == part]
            if not match:
                break
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _item_name(data: Any, loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{part}]"]
            if isinstance(data, list) and part < len(data):
                data = data[part]
                if isinstance(data, dict) and "id" in data:
                    parts[-1] += f" (id: {data['id']})"
            continue
        parts.append(str(part))
        data = data.get(part) if isinstance(data, dict) else None
    return " -> ".join(parts) or "(top level)"


def load_model(path: Path, model: type[M]) -> M:
    """Read one YAML file into ``model`` or raise DataFileError naming file, item and problem."""
    import yaml

    from isassist.yamlfile import read_yaml_file

    try:
        node, data = read_yaml_file(path)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(f"{path}{where}: not valid YAML ({problem})") from exc
    if not isinstance(data, dict):
        raise DataFileError(
            f"{path}: expected a mapping of keys at the top, found {reprlib.repr(data)}"
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            loc = tuple(p for p in error["loc"] if not str(p).startswith("function-"))
            line = _line_of(node, loc)
            where = f", line {line}" if line else ""
            lines.append(f"{path}{where}, {_item_name(data, loc)}: {error['msg']}")
        raise DataFileError("\n".join(lines)) from exc


def load_dialog(folder: Path | None = None) -> Dialog:
    """Read every ``NN_*.yaml`` section file of ``folder`` (default: the shipped dialogs/)."""
    folder = folder if folder is not None else data_dir("dialogs")
    files = sorted(p for p in folder.glob("*.yaml") if p.name[:2].isdigit())
    if not files:
        raise DataFileError(f"{folder}: no section files (named like 10_intake.yaml) found")
    sections = [load_model(path, Section) for path in files]
    try:
        return Dialog(sections=sections)
    except ValidationError as exc:
        problems = "; ".join(str(e["msg"]) for e in exc.errors())
        raise DataFileError(f"{folder}: the sections do not fit together: {problems}") from exc


# what a dialog is made from besides its files: the models, this reader and what they import
_SOURCES = tuple(
    Path(name or "").resolve()
    for name in (
        __file__,
        dialog_module.__file__,
        facts.__file__,
        lang.__file__,
        getattr(find_spec("isassist.yamlfile"), "origin", None),  # found, not imported
    )
)


def dialog_cache_path(folder: Path) -> Path:
    """Where the validated dialog of ``folder`` is cached: keyed by the content of its files
    and of the source that reads and validates them (``isassist.cachefile``)."""
    key = content_key(
        f"dialog|{folder.resolve()}",
        [(folder, ("*.yaml",))] + [(path.parent, (path.name,)) for path in _SOURCES],
    )
    return cache_file("dialog", key)


def cached_dialog(folder: Path | None = None) -> Dialog:
    """``load_dialog(folder)``, read from the cache when nothing changed.

    Reading and validating the thirteen section files costs every start ~50-90 ms; the
    pickled copy a fraction. A dialog that does not load raises from the files, as without the
    cache, and only a dialog that loaded is written."""
    folder = folder if folder is not None else data_dir("dialogs")
    path = dialog_cache_path(folder)
    cached = read_cached(path, Dialog)
    if cached is not None:
        return cached
    dialog = load_dialog(folder)
    write_cached(path, dialog)
    return dialog


@cache
def shipped_dialog() -> Dialog:
    """The shipped interview, loaded once per process (from the cache when nothing changed)."""
    return cached_dialog()


SCHEMA_DIR = Path(__file__).resolve().parent / "schema"


def schema_of(model: type[BaseModel]) -> str:
    """The JSON Schema text committed next to the code so editors can validate dialog files."""
    return json.dumps(model.model_json_schema(by_alias=True), indent=2, sort_keys=True) + "\n"
