"""Rewrite the committed JSON Schema after a deliberate change to the export models.

Kept out of ``exchange`` so the package never writes into itself at import time; run it with
``uv run python -m isassist.store.regenerate_schema`` and commit the result.
"""

from __future__ import annotations

import json

from isassist.store.exchange import SCHEMA_PATH, export_json_schema


def main() -> None:
    SCHEMA_PATH.write_text(json.dumps(export_json_schema(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
