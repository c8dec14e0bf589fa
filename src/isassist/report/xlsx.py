"""The report as a workbook: the inventory in the characterisation layout plus sheets for
barriers, gaps, options and canvas.

Companies live in spreadsheets, and a spreadsheet runs formulas: a stream called
``=HYPERLINK(...)`` or ``=cmd|...`` must arrive as text. Every text cell is therefore written
as a string cell, and text that a spreadsheet would read as a formula when a user re-enters it
(leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading apostrophe, which
:func:`unguard` strips again on import.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from isassist.report.inventory import COLUMNS, Cell
from isassist.report.view import ReportView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="DDE8EC")


def guard(text: str) -> str:
    """Text that no spreadsheet will evaluate, even after the user edits the cell."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard(text: str) -> str:
    """Undo :func:`guard` on a cell read back from a sheet."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, float):
        cell.value = int(value) if value.is_integer() else value
        return
    cell.value = guard(value)
    cell.data_type = "s"  # never "f": a formula is not a value we write
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _table(sheet: Worksheet, header: list[str], rows: list[list[Cell]], widths: list[int]) -> None:
    for j, label in enumerate(header, 1):
        _put(sheet, 1, j, label)
        sheet.cell(row=1, column=j).font = Font(bold=True)
        sheet.cell(row=1, column=j).fill = _HEADER_FILL
    for i, values in enumerate(rows, 2):
        for j, value in enumerate(values, 1):
            _put(sheet, i, j, value)
    for j, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(j)].width = width
    sheet.freeze_panes = "A2"


def render_xlsx(view: ReportView) -> bytes:
    """The workbook as bytes (deterministic content; openpyxl stamps the save time)."""
    book = Workbook()
    inventory = book.active
    assert inventory is not None
    inventory.title = view.word("sheet_inventory")
    _table(
        inventory,
        [c.label(view.lang) for c in COLUMNS],
        [[row.get(c.key) for c in COLUMNS] for row in view.raw_rows],
        [
            8,
            24,
            11,
            14,
            36,
            12,
            30,
            14,
            24,
            10,
            12,
            8,
            10,
            12,
            11,
            14,
            11,
            10,
            10,
            10,
            14,
            16,
            14,
            14,
            30,
        ],
    )
    w = view.word
    barrier_rows: list[list[Cell]] = [
        [g.title, i.title, i.stream, i.text, i.extra, i.source]
        for g in view.barriers
        for i in g.items
    ]
    barrier_rows += [[i.category, i.title, i.stream, i.text, "", i.source] for i in view.legal]
    _table(
        book.create_sheet(w("sheet_barriers")),
        [w("category"), w("subject"), w("stream"), w("reason"), w("mitigation"), w("source")],
        barrier_rows,
        [18, 30, 22, 70, 40, 40],
    )
    _table(
        book.create_sheet(w("sheet_gaps")),
        [w("stream"), w("research_question"), w("how_to_close")],
        [[g.stream, g.question, g.how] for g in [*view.gaps, *view.more_gaps]],
        [22, 70, 60],
    )
    _table(
        book.create_sheet(w("sheet_options")),
        [
            w("stream"),
            w("subject"),
            w("route"),
            w("hierarchy"),
            w("text"),
            w("receivers"),
            w("evidence"),
            w("example_exchanges"),
            w("source"),
        ],
        [
            [
                o.stream,
                o.title,
                o.route,
                o.hierarchy,
                o.text,
                "; ".join(o.receivers),
                o.evidence,
                "\n".join(f"{x.text} [{x.reference}]" for x in o.examples),
                o.source,
            ]
            for o in view.options
        ],
        [22, 30, 18, 14, 60, 30, 22, 70, 40],
    )
    _table(
        book.create_sheet(w("sheet_canvas")),
        [w("stream"), w("block"), w("text"), w("status")],
        [
            [c.stream, b.label, b.text, b.status_label]
            for c in view.canvases
            for b in c.blocks.values()
        ],
        [22, 24, 70, 14],
    )
    company = book.create_sheet(w("xlsx_company"))
    _table(company, [w("company"), ""], [[k, v] for k, v in view.company], [24, 60])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
