"""Reading and writing interview export files, and their committed JSON Schema.

An export file travels by mail between brokers and may come back from a newer or older
isassist, cut short by a failed download, or hand-edited. Each of those cases gets its own
message saying what is wrong and what a good file looks like, instead of a traceback. The
JSON Schema (``interview_export.schema.json``, next to this module) documents the format for
other tools; a test fails when the models drift from it. Regenerate it with
``uv run python -m isassist.store.regenerate_schema``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from isassist.safefile import OutputError, write_file
from isassist.store.errors import StoreError
from isassist.store.models import EXPORT_FORMAT, EXPORT_VERSION, InterviewExport
from isassist.strictjson import StrictJsonError, loads_strict

SCHEMA_PATH = Path(__file__).with_name("interview_export.schema.json")
_MAX_REPORTED_ERRORS = 5
MAX_EXPORT_BYTES = 50_000_000
"""Largest export file read (a long interview is well under 1 MB)."""


def export_json_schema() -> dict[str, Any]:
    """The JSON Schema of the export file as the models define it today."""
    schema = InterviewExport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://isassist.invalid/schemas/{EXPORT_FORMAT}/{EXPORT_VERSION}.json"
    return schema


def dumps_export(export: InterviewExport) -> str:
    """The export as indented JSON text (UTF-8, non-ASCII kept readable)."""
    return json.dumps(export.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def write_export(export: InterviewExport, path: Path, *, force: bool = False) -> None:
    """Write the export to ``path`` (complete or not at all, an existing file replaced only
    with ``force``); a StoreError says why if that is not possible."""
    try:
        write_file(path, dumps_export(export), force=force)
    except OutputError as error:
        raise StoreError(str(error)) from error


def read_export(path: Path) -> InterviewExport:
    """Read and validate an export file."""
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise StoreError(
                f"{path} is {size:,} bytes; an interview export is far smaller (the limit is "
                f"{MAX_EXPORT_BYTES:,} bytes). Is it the right file?"
            )
        data = path.read_bytes()
    except OSError as error:
        raise StoreError(
            f"Could not read {path}: {error.strerror or error}. "
            "Give the path of a .json file made by `isassist interviews export`."
        ) from error
    return loads_export(data, source=str(path))


def loads_export(text: str | bytes, source: str = "the export") -> InterviewExport:
    """Parse and validate export JSON; StoreError names the problem and the expected form."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise StoreError(
                f"{source} is not UTF-8 text (byte {error.start} cannot be decoded). "
                "An interview export is a UTF-8 JSON file made by `isassist interviews export`."
            ) from error
    document = _parse_json(text, source)
    _check_header(document, source)
    try:
        return InterviewExport.model_validate(document)
    except ValidationError as error:
        raise StoreError(_describe(error, source)) from error


def _parse_json(text: str, source: str) -> Any:
    if not text.strip():
        raise StoreError(
            f"{source} is empty. An interview export is a JSON object with "
            f'"format": "{EXPORT_FORMAT}", "version", "interview" and "events".'
        )
    try:
        return loads_strict(text)
    except StrictJsonError as error:
        raise StoreError(f"{source} is not valid JSON: {error}.") from None
    except json.JSONDecodeError as error:
        if _ends_early(text):
            raise StoreError(
                f"{source} ends in the middle of the JSON (line {error.lineno}): the file is "
                "truncated, probably by an interrupted copy or download. Export the interview "
                "again or fetch the complete file."
            ) from error
        raise StoreError(
            f"{source} is not valid JSON: {error.msg} (line {error.lineno}, column "
            f"{error.colno}). An interview export is the JSON written by "
            "`isassist interviews export`; fix the file there or export it again."
        ) from error


def _ends_early(text: str) -> bool:
    """Whether the JSON stops inside a string or with brackets still open (a cut-off file)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


def _check_header(document: Any, source: str) -> None:
    """Refuse other kinds of JSON and other format versions before field-by-field checks."""
    if not isinstance(document, dict):
        raise StoreError(
            f"{source} holds a JSON {type(document).__name__}, not an object. An interview "
            f'export is a JSON object with "format": "{EXPORT_FORMAT}".'
        )
    found_format = document.get("format")
    if found_format != EXPORT_FORMAT:
        raise StoreError(
            f"{source} is not an isassist interview export: its format is "
            f"{found_format!r}, expected {EXPORT_FORMAT!r}."
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(
            f"{source} has no valid format version (found {version!r}); this isassist reads "
            f"version {EXPORT_VERSION}."
        )
    if version > EXPORT_VERSION:
        raise StoreError(
            f"{source} is format version {version}, written by a newer isassist; this one "
            f"reads version {EXPORT_VERSION}. Upgrade isassist to import it."
        )
    if version != EXPORT_VERSION:
        raise StoreError(
            f"{source} is format version {version}; this isassist reads version "
            f"{EXPORT_VERSION} only."
        )


def _describe(error: ValidationError, source: str) -> str:
    problems = error.errors(include_url=False)
    lines = []
    for problem in problems[:_MAX_REPORTED_ERRORS]:
        where = _location(problem["loc"]) or "the file"
        lines.append(f"  {where}: {problem['msg']} (found {_shorten(problem.get('input'))})")
    more = len(problems) - _MAX_REPORTED_ERRORS
    if more > 0:
        lines.append(f"  ... and {more} more")
    return (
        f"{source} is not a valid interview export ({len(problems)} problem"
        f"{'s' if len(problems) != 1 else ''}):\n" + "\n".join(lines) + "\n"
        f"The fields are described in {SCHEMA_PATH.name}."
    )


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _shorten(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
