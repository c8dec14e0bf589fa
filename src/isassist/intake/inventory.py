"""Read an inventory sheet back into an interview: a company fills it in, the broker loads it.

Nothing bypasses validation: every cell is first parsed by the interview's own answer parser
(so a bad cell is reported with sheet, row and column before anything is stored). Either the
whole sheet goes in or nothing does: ``plan_import`` turns the valid sheet into the events the
engine would have logged (a stream added, an answer given), and the caller stores them in one
transaction (``Store.add_events`` / ``Store.create_interview_with_events``), so Ctrl-C or a
refused sheet leaves the store as it was and never an empty "inventory X.xlsx" interview.

Bounded work: the workbook arrives from outside and may be a zip bomb or a million rows. The
zip's declared sizes are checked before it is opened, the sheet is read once and streamed
(openpyxl read-only), and rows and cells are counted while reading, so an oversized sheet is
refused after MAX_ROWS rows whatever its size. Planning is linear: the rules run once, on the
finished interview, not after every cell.
"""

from __future__ import annotations

import copy
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from isassist.interview.dialog import Question
from isassist.interview.engine import Interview
from isassist.interview.events import Answered, StreamAdded, event_to_json
from isassist.interview.parsing import AnswerProblem, parse_answer
from isassist.interview.services import Services
from isassist.interview.state import apply
from isassist.lang import Lang
from isassist.report.inventory import COLUMNS, Column
from isassist.report.labels import word
from isassist.report.xlsx import unguard
from isassist.terminal import strip_controls

HEAT_KINDS = ("heat", "energy")
MAX_ROWS = 5_000
"""Most filled-in rows read from one sheet (a company's inventory has tens)."""
MAX_CELLS = 200_000
"""Most cells read from one sheet, empty ones included."""
MAX_UNCOMPRESSED_BYTES = 50_000_000
"""Most bytes the workbook's zip may declare once unpacked (a 2,000-row sheet is ~1 MB)."""
MAX_ZIP_ENTRIES = 1_000
MAX_CELL_CHARS = 2_000
"""Longest cell text taken over (the engine keeps at most this much of an answer)."""

_TEXTS: dict[str, tuple[str, str]] = {
    "too_big": (
        "{file} pakt uit tot {size:,} bytes; de grens is {limit:,} bytes. Is dit echt een "
        "inventarisblad? Sla alleen het blad 'Inventaris' op in een nieuw bestand.",
        "{file} unpacks to {size:,} bytes; the limit is {limit:,} bytes. Is this really an "
        "inventory sheet? Save just the inventory sheet in a new file.",
    ),
    "too_many_entries": (
        "{file} bevat {count:,} onderdelen; een werkmap heeft er hoogstens {limit:,}.",
        "{file} holds {count:,} parts; a workbook has at most {limit:,}.",
    ),
    "too_many_rows": (
        "blad '{sheet}' heeft meer dan {limit:,} ingevulde rijen (grens voor één import); "
        "verdeel de stromen over meer bladen of bestanden.",
        "sheet '{sheet}' has more than {limit:,} filled-in rows (the limit for one import); "
        "split the streams over several sheets or files.",
    ),
    "too_many_cells": (
        "blad '{sheet}' heeft meer dan {limit:,} cellen (grens voor één import); verwijder "
        "lege of overbodige kolommen en rijen.",
        "sheet '{sheet}' has more than {limit:,} cells (the limit for one import); remove "
        "empty or unused columns and rows.",
    ),
    "duplicate_name": (
        "blad '{sheet}', rijen {first} en {second}: beide noemen de stroom '{name}'. Geef elke "
        "stroom een eigen naam of voeg de rijen samen.",
        "sheet '{sheet}', rows {first} and {second}: both name the stream '{name}'. Give each "
        "stream its own name or merge the rows.",
    ),
    "cell_too_long": (
        "{length:,} tekens; houd het onder {limit:,}",
        "{length:,} characters; keep it under {limit:,}",
    ),
}


def _say(key: str, lang: Lang, **values: object) -> str:
    return _TEXTS[key][1 if lang == "en" else 0].format(**values)


_BY_LABEL: dict[str, tuple[Column, Lang]] = {
    **{c.nl.strip().lower(): (c, "nl") for c in COLUMNS},
    **{c.en.strip().lower(): (c, "en") for c in COLUMNS},
}


class InventoryImportError(ValueError):
    """The sheet cannot be imported; ``problems`` names every bad cell."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CellText:
    column: Column
    letter: str
    text: str


@dataclass
class SheetRow:
    number: int
    name: str
    stream_id: str | None
    unit: str = ""
    cells: list[CellText] = field(default_factory=list)


@dataclass
class InventorySheet:
    title: str
    lang: Lang
    rows: list[SheetRow]
    skipped_headers: list[str]


@dataclass
class InventoryImport:
    interview_id: str
    streams_added: list[str]
    answers: int
    notes: list[str]


def _text(value: object) -> str:
    """A cell as the words a user would type: integral numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unguard(strip_controls(str(value)))


def _check_zip(path: Path, lang: Lang) -> None:
    """Refuse a workbook whose zip declares too much before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InventoryImportError(
            [word("not_a_workbook", lang, file=path, reason=str(error) or type(error).__name__)]
        ) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InventoryImportError(
            [_say("too_many_entries", lang, file=path, count=len(entries), limit=MAX_ZIP_ENTRIES)]
        )
    size = sum(entry.file_size for entry in entries)
    if size > MAX_UNCOMPRESSED_BYTES:
        raise InventoryImportError(
            [_say("too_big", lang, file=path, size=size, limit=MAX_UNCOMPRESSED_BYTES)]
        )


def _open_book(path: Path, lang: Lang) -> Any:
    _check_zip(path, lang)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InventoryImportError(
            [word("not_a_workbook", lang, file=path, reason=str(error) or type(error).__name__)]
        ) from None


def _header(sheet: Any) -> tuple[object, ...]:
    for values in sheet.iter_rows(min_row=1, max_row=1, values_only=True):
        return tuple(values)
    return ()


def read_inventory(path: Path, lang: Lang = "nl") -> InventorySheet:
    """The filled-in rows of the inventory sheet of ``path`` (texts not yet validated).

    The workbook is read once, streaming, within MAX_ROWS/MAX_CELLS; duplicate stream names
    are refused with both rows named."""
    book = _open_book(path, lang)
    try:
        return _read_book(book, lang)
    except InventoryImportError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError) as error:
        raise InventoryImportError(
            [word("not_a_workbook", lang, file=path, reason=str(error) or type(error).__name__)]
        ) from None
    finally:
        book.close()


def _read_book(book: Any, lang: Lang) -> InventorySheet:
    sheet = None
    header: tuple[object, ...] = ()
    for candidate in book.worksheets:
        header = _header(candidate)
        labels = {str(v).strip().lower() for v in header if v is not None}
        if {"stroom", "stream"} & labels:
            sheet = candidate
            break
    if sheet is None:
        raise InventoryImportError(
            [word("no_inventory_sheet", lang, sheets=", ".join(book.sheetnames))]
        )
    columns: dict[int, Column] = {}
    skipped: list[str] = []
    votes = {"nl": 0, "en": 0}
    for index, value in enumerate(header, start=1):
        if value is None:
            continue
        letter = get_column_letter(index)
        label = str(value).strip()
        found = _BY_LABEL.get(label.lower())
        if found is None:
            skipped.append(
                word("unknown_header", lang, sheet=sheet.title, column=letter, label=label[:80])
            )
            continue
        columns[index] = found[0]
        if found[0].nl != found[0].en:
            votes[found[1]] += 1
    rows: list[SheetRow] = []
    first_row: dict[str, int] = {}
    problems: list[str] = []
    cells_seen = 0
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells_seen += len(values)
        if cells_seen > MAX_CELLS:
            raise InventoryImportError(
                [_say("too_many_cells", lang, sheet=sheet.title, limit=MAX_CELLS)]
            )
        cells = {
            index: text
            for index, value in enumerate(values, start=1)
            if index in columns and (text := _text(value))
        }
        if not cells:
            continue
        if len(rows) >= MAX_ROWS:
            raise InventoryImportError(
                [_say("too_many_rows", lang, sheet=sheet.title, limit=MAX_ROWS)]
            )
        keyed = {columns[i].key: text for i, text in cells.items()}
        name = keyed.get("name", "")
        if name:
            seen = first_row.setdefault(name.strip().lower(), number)
            if seen != number:
                problems.append(
                    _say(
                        "duplicate_name",
                        lang,
                        sheet=sheet.title,
                        first=seen,
                        second=number,
                        name=name[:80],
                    )
                )
        rows.append(
            SheetRow(
                number=number,
                name=name,
                stream_id=keyed.get("id"),
                unit=keyed.get("unit", ""),
                cells=[
                    CellText(columns[i], get_column_letter(i), text)
                    for i, text in sorted(cells.items())
                    if columns[i].questions
                ],
            )
        )
    if problems:
        raise InventoryImportError(problems)
    sheet_lang: Lang = "en" if votes["en"] > votes["nl"] else "nl"
    return InventorySheet(sheet.title, sheet_lang, rows, skipped)


@dataclass
class ImportPlan:
    """What a valid sheet adds to an interview: the events to store, in order."""

    events: list[dict[str, Any]]
    streams_added: list[str]
    answers: int
    notes: list[str]


class _Importer:
    def __init__(self, interview: Interview, sheet: InventorySheet) -> None:
        self.interview = interview
        self.sheet = sheet
        self.lang: Lang = "en" if interview.lang == "en" else "nl"
        self.problems: list[str] = []

    def problem(self, row: int, cell: CellText | None, message: str, example: str) -> None:
        column = cell.letter if cell else "B"
        label = cell.column.label(self.sheet.lang) if cell else word("stream", self.lang)
        self.problems.append(
            word(
                "cell_problem",
                self.lang,
                sheet=self.sheet.title,
                row=row,
                column=column,
                label=label,
                message=message,
                example=example,
            )
        )

    def existing(self, row: SheetRow) -> str | None:
        """The stream the row describes, by name (ids differ between interviews)."""
        found = self.interview.state.stream_by_name(row.name)
        return found.id if found is not None else None

    def kind_of(self, row: SheetRow) -> str:
        for cell in row.cells:
            if cell.column.key == "kind":
                kind = self.question("kind")
                if kind is not None:
                    try:
                        return str(parse_answer(kind, cell.text, self.lang, self.services).value)
                    except AnswerProblem:
                        return "material"
        sid = self.existing(row)
        props = self.interview.facts.properties.get(sid, {}) if sid else {}
        return str(props.get("kind", "material"))

    @property
    def services(self) -> Services:
        return self.interview.services

    def question(self, qid: str) -> Question | None:
        return self.interview.dialog.question(qid)

    def answers(self, row: SheetRow) -> list[tuple[CellText, Question, str]]:
        """The row's cells as (cell, question, typed text), the quantity with its unit."""
        unit = row.unit
        heat = self.kind_of(row) in HEAT_KINDS
        found: list[tuple[CellText, Question, str]] = []
        for cell in row.cells:
            qids = cell.column.questions
            if cell.column.key == "quantity":
                qids = tuple(q for q in qids if (q == "heat_energy") == heat)
            question = next((q for qid in qids if (q := self.question(qid))), None)
            if question is None:
                continue
            text = cell.text
            if cell.column.key == "quantity" and _is_number(text):
                text = f"{text} {unit or 't'} {word('per_year', self.lang)}"
            found.append((cell, question, text))
        return found

    def plan(self) -> ImportPlan:
        """Check every cell, then (when all are valid) the events that enter the sheet."""
        state = copy.deepcopy(self.interview.state)
        creates = frozenset(
            q.id for s in self.interview.dialog.sections for q in s.questions if q.creates_streams
        )
        events: list[dict[str, Any]] = []
        added: list[str] = []
        for row in self.sheet.rows:
            if not row.name:
                self.problem(row.number, None, word("empty_name", self.lang), "houtafval")
                continue
            sid = self.existing(row)
            if sid is None:
                sid = state.new_stream_id()
                new = StreamAdded(stream=sid, name=row.name[:200])
                apply(state, new, creates)
                events.append(event_to_json(new))
                added.append(sid)
            for cell, question, text in self.answers(row):
                if len(text) > MAX_CELL_CHARS:
                    message = _say(
                        "cell_too_long", self.lang, length=len(text), limit=MAX_CELL_CHARS
                    )
                    self.problem(row.number, cell, message, "")
                    continue
                try:
                    parsed = parse_answer(question, text, self.lang, self.services)
                except AnswerProblem as problem:
                    self.problem(row.number, cell, problem.message, problem.example)
                    continue
                answered = Answered(
                    question=question.id,
                    stream=sid,
                    text=text,
                    value=parsed.value,
                    status="unknown" if parsed.status == "unknown" else "known",
                    unit=parsed.unit,
                    extra=parsed.extra,
                )
                events.append(event_to_json(answered))
        if self.problems:
            raise InventoryImportError(self.problems)
        answers = sum(1 for e in events if e["kind"] == "answer")
        return ImportPlan(events, added, answers, self.sheet.skipped_headers)


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def plan_import(sheet: InventorySheet, interview: Interview) -> ImportPlan:
    """The events that enter ``sheet`` into ``interview``, all cells checked first
    (InventoryImportError lists every bad cell). Nothing is changed or stored."""
    return _Importer(interview, sheet).plan()


def import_inventory(path: Path, interview: Interview) -> InventoryImport:
    """Enter the inventory sheet of ``path`` into ``interview``; all cells valid, or none.

    For an interview in memory. A saved interview is imported by storing ``plan_import``'s
    events in one transaction (see ``isassist import-inventory``)."""
    lang: Lang = "en" if interview.lang == "en" else "nl"
    plan = plan_import(read_inventory(path, lang), interview)
    for event in plan.events:
        if event["kind"] == "add_stream":
            interview.command("add", f"stroom {event['name']}")
        else:
            interview.command("revise", f"{event['question']} {event['stream']}")
            interview.answer(event["text"])
    return InventoryImport(interview.id, plan.streams_added, plan.answers, plan.notes)
