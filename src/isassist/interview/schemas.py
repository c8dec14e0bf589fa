"""JSON Schemas of the dialog, replay and dossier formats, committed next to the code.

Editors validate dialog and replay files against them while a domain expert types; readers of
exported dossiers know what to expect. A test fails when a model changes without the schema
being regenerated: ``uv run python -m isassist.interview.schemas``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from isassist.dossier import Dossier
from isassist.interview.dialog import Section
from isassist.interview.loader import SCHEMA_DIR, schema_of
from isassist.interview.replay_format import Replay

SCHEMAS: dict[str, type[BaseModel]] = {
    "dialog_section.schema.json": Section,
    "replay.schema.json": Replay,
    "dossier.schema.json": Dossier,
}


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Regenerate every schema file; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_of(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_schemas():
        print(written_path)
