"""The JSON Schema of rule files, generated from the pydantic models.

Editors (VS Code with the YAML extension) use it to complete and check rule files while an
expert types. It is committed in the package and regenerated with
``uv run python -m isassist.rules.schema``; a test fails when it drifts from the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from isassist.rules.model import RuleFile

SCHEMA_PATH = Path(__file__).with_name("rules.schema.json")


def rule_file_schema() -> dict[str, Any]:
    """The schema of one rule file, as the models define it today."""
    schema = RuleFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "isassist rule file"
    return schema


def render_schema() -> str:
    """The schema as the committed file should read (stable key order, trailing newline)."""
    return json.dumps(rule_file_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
