"""Read an inventory sheet back into an interview: a company fills it in, the broker loads it.

Nothing bypasses validation: every cell is first parsed by the interview's own answer parser
(so a bad cell is reported with sheet, row and column before anything is stored), and then
entered through the engine as a ``/revise`` plus an answer, exactly as if the broker had typed
it. Either the whole sheet goes in or nothing does.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from isassist.interview.dialog import Question
from isassist.interview.engine import Interview
from isassist.interview.parsing import AnswerProblem, parse_answer
from isassist.interview.services import Services
from isassist.report.inventory import COLUMNS, Column
from isassist.report.labels import Lang, word
from isassist.report.xlsx import unguard

HEAT_KINDS = ("heat", "energy")
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
class ImportResult:
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
    return unguard(str(value).strip())


def _find_sheet(path: Path, lang: Lang) -> Worksheet:
    try:
        book = load_workbook(path, read_only=False, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InventoryImportError(
            [word("not_a_workbook", lang, file=path, reason=str(error) or type(error).__name__)]
        ) from None
    for sheet in book.worksheets:
        headers = {str(c.value).strip().lower() for c in sheet[1] if c.value is not None}
        if {"stroom", "stream"} & headers:
            return sheet
    raise InventoryImportError(
        [word("no_inventory_sheet", lang, sheets=", ".join(book.sheetnames))]
    )


def read_inventory(path: Path, lang: Lang = "nl") -> InventorySheet:
    """The filled-in rows of the inventory sheet of ``path`` (texts not yet validated)."""
    sheet = _find_sheet(path, lang)
    columns: dict[int, Column] = {}
    skipped: list[str] = []
    votes = {"nl": 0, "en": 0}
    for cell in sheet[1]:
        if cell.value is None:
            continue
        letter = get_column_letter(cell.column)
        label = str(cell.value).strip()
        found = _BY_LABEL.get(label.lower())
        if found is None:
            skipped.append(
                word("unknown_header", lang, sheet=sheet.title, column=letter, label=label)
            )
            continue
        columns[cell.column] = found[0]
        if found[0].nl != found[0].en:
            votes[found[1]] += 1
    rows: list[SheetRow] = []
    for values in sheet.iter_rows(min_row=2):
        cells = {
            cell.column: _text(cell.value)
            for cell in values
            if cell.column in columns and _text(cell.value)
        }
        if not cells:
            continue
        number = values[0].row
        keyed = {columns[i].key: text for i, text in cells.items()}
        rows.append(
            SheetRow(
                number=number if isinstance(number, int) else 0,
                name=keyed.get("name", ""),
                stream_id=keyed.get("id"),
                unit=keyed.get("unit", ""),
                cells=[
                    CellText(columns[i], get_column_letter(i), text)
                    for i, text in sorted(cells.items())
                    if columns[i].questions
                ],
            )
        )
    sheet_lang: Lang = "en" if votes["en"] > votes["nl"] else "nl"
    return InventorySheet(sheet.title, sheet_lang, rows, skipped)


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

    def validate(self) -> None:
        for row in self.sheet.rows:
            if not row.name:
                self.problem(row.number, None, word("empty_name", self.lang), "houtafval")
                continue
            for cell, question, text in self.answers(row):
                try:
                    parse_answer(question, text, self.lang, self.services)
                except AnswerProblem as problem:
                    self.problem(row.number, cell, problem.message, problem.example)

    def apply(self) -> tuple[list[str], int]:
        added: list[str] = []
        count = 0
        for row in self.sheet.rows:
            sid = self.existing(row)
            if sid is None:
                # "stroom" in front keeps a name that starts with that word whole
                self.interview.command("add", f"stroom {row.name}")
                sid = self.interview.state.active_streams[-1].id
                added.append(sid)
            for cell, question, text in self.answers(row):
                turn = self.interview.command("revise", f"{question.id} {sid}")
                if turn.accepted:
                    turn = self.interview.answer(text)
                if not turn.accepted:
                    self.problem(row.number, cell, turn.problem or "?", turn.example or "")
                    continue
                count += 1
        return added, count


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def import_inventory(path: Path, interview: Interview) -> ImportResult:
    """Enter the inventory sheet of ``path`` into ``interview``; all cells valid, or none."""
    lang: Lang = "en" if interview.lang == "en" else "nl"
    sheet = read_inventory(path, lang)
    importer = _Importer(interview, sheet)
    importer.validate()
    if importer.problems:
        raise InventoryImportError(importer.problems)
    added, count = importer.apply()
    if importer.problems:
        raise InventoryImportError(importer.problems)
    return ImportResult(interview.id, added, count, sheet.skipped_headers)
