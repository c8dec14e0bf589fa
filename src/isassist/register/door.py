"""The register's door: what a file or a form hands in is read within limits and checked
against the knowledge base before anything is stored.

A broker's CSV comes from Excel (Windows-1252 and semicolons in Belgium as often as UTF-8 and
commas), a register JSON may be hand-edited or hostile (huge, deeply nested, NaN), and a code
that passes its pattern may still not exist (EWC 999999, NACE 99.99, postcode 0000). Each of
those gets a message naming the line and what would be right; nothing reaches the store.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from isassist.knowledge import Knowledge
from isassist.register.errors import RegisterError
from isassist.register.models import NewCompany, NewStream
from isassist.strictjson import StrictJsonError, loads_strict

MAX_FILE_BYTES = 50_000_000
"""Largest register file read (a 200,000-row CSV is about 30 MB)."""
MAX_ROWS = 200_000
"""Most streams one file may hold."""
MAX_REPORTED = 20
"""Problems listed in one message; the count says how many more."""


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused above MAX_FILE_BYTES before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RegisterError(
                f"{path} is {size:,} bytes; the register imports files up to "
                f"{MAX_FILE_BYTES:,} bytes. Split it into smaller files."
            )
        return path.read_bytes()
    except OSError as error:
        raise RegisterError(f"Could not read {path}: {error.strerror or error}.") from error


def csv_text(raw: bytes, source: str) -> tuple[str, str | None]:
    """The CSV as text and, when it was not UTF-8, a note naming the encoding used.

    Excel on Windows saves "CSV" in Windows-1252; a file that is neither UTF-8 nor that is
    refused with the way to save it as UTF-8."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return raw.decode("cp1252"), f"{source} is not UTF-8; read as Windows-1252 (Excel)."
    except UnicodeDecodeError:
        raise RegisterError(
            f"{source} is not UTF-8 text (byte {utf8_error.start + 1} cannot be read) nor "
            "Windows-1252. Save it from Excel as 'CSV UTF-8 (comma delimited)'."
        ) from None


def csv_rows(text: str, source: str) -> list[dict[str, Any]]:
    """The rows of a CSV with a header line; ',' ';' or tab as delimiter, whichever it uses."""
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample.partition("\n")[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    rows: list[dict[str, Any]] = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise RegisterError(
                    f"{source} has more than {MAX_ROWS:,} rows; the register imports at most "
                    f"{MAX_ROWS:,} per file. Split it into smaller files."
                )
            rows.append(row)
    except csv.Error as error:
        raise RegisterError(
            f"{source}:{reader.line_num}: the CSV cannot be read ({error}). One row per "
            "stream, values separated by ',' or ';', text with quotes if it holds them."
        ) from error
    return rows


def json_document(raw: bytes, source: str) -> Any:
    """Parse a JSON file: UTF-8, finite numbers only, bounded nesting."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterError(
            f"{source} is not UTF-8 text (byte {error.start + 1}); JSON files are UTF-8."
        ) from None
    try:
        return loads_strict(text)
    except json.JSONDecodeError as error:
        raise RegisterError(
            f"{source} is neither CSV nor valid JSON ({error.msg}, line {error.lineno}). Give a "
            ".csv with one row per stream, or a JSON register or interview export."
        ) from error
    except StrictJsonError as error:
        raise RegisterError(f"{source} is not valid JSON: {error}.") from None


def register_rows(document: dict[str, Any], source: str) -> list[dict[str, Any]]:
    """The stream rows of a register JSON ({"companies": [{..., "streams": [...]}]}), its
    shape checked first so a wrong file gets a message and not a traceback."""
    companies = document.get("companies")
    expected = (
        'A register file is {"format": "isassist.register", "companies": [{"name": ..., '
        '"streams": [{"side": "have", "name": ...}]}]}.'
    )
    if not isinstance(companies, list):
        raise RegisterError(f'{source}: "companies" must be a list. {expected}')
    rows: list[dict[str, Any]] = []
    for number, company in enumerate(companies):
        if not isinstance(company, dict):
            raise RegisterError(f"{source}: companies[{number}] must be an object. {expected}")
        streams = company.get("streams", [])
        if not isinstance(streams, list) or not all(isinstance(s, dict) for s in streams):
            raise RegisterError(
                f"{source}: companies[{number}].streams must be a list of objects. {expected}"
            )
        head = {k: v for k, v in company.items() if k not in ("streams", "name")}
        rows += [{**head, "company": company.get("name"), **stream} for stream in streams]
        if len(rows) > MAX_ROWS:
            raise RegisterError(f"{source} has more than {MAX_ROWS:,} streams; split the file.")
    return rows


def code_problems(
    knowledge: Knowledge, company: NewCompany | None, stream: NewStream | None
) -> list[str]:
    """Codes that have the right form but do not exist: NACE, Belgian postcode, EWC entry."""
    problems: list[str] = []
    if company is not None:
        if company.nace and company.nace not in knowledge.nace:
            problems.append(
                f"NACE code {company.nace} does not exist (look it up with "
                "`isassist lookup nace WORDS`)"
            )
        if (
            company.postcode
            and company.country == "BE"
            and company.postcode.strip() not in knowledge.postcodes_by_code
        ):
            problems.append(
                f"{company.postcode} is not a Belgian postcode (four digits, e.g. 9000)"
            )
    if stream is not None:
        for code in stream.ewc:
            item = knowledge.ewc.get(code)
            if item is None or item.level != 3:
                problems.append(
                    f"EWC code {code} is not an entry of the European waste list (six digits; "
                    "look it up with `isassist lookup ewc WORDS`)"
                )
    return problems


def summary(problems: list[str], source: str) -> str:
    """Several problems as one message: the first MAX_REPORTED, then how many more."""
    shown = problems[:MAX_REPORTED]
    more = len(problems) - len(shown)
    tail = f"\n  ... and {more} more" if more > 0 else ""
    return (
        f"{source}: {len(problems)} problem(s); nothing was imported:\n  "
        + "\n  ".join(shown)
        + tail
    )
