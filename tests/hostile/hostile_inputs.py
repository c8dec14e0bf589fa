"""Hostile inputs made on the fly, for tests/hostile/ and benchmarks/hostile_bench.py.

Each function writes one input that once caused a defect (issue 15): an alias bomb, a zip
bomb, an oversized sheet, a Windows-1252 CSV. Made here rather than committed as files, so
the repository holds no multi-megabyte blobs and the sizes can be turned up for a benchmark.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook

ALIAS_BOMB = """\
title: bomb
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
steps: *i
"""
"""The 367-byte "billion laughs": 9**9 (387 million) strings once expanded."""

HEADER_NL = ("Stroom", "Soort", "Hoeveelheid per jaar", "Eenheid", "Frequentie")


def inventory_sheet(path: Path, rows: int, *, duplicate: bool = False) -> Path:
    """A Dutch inventory sheet with ``rows`` material streams (the last repeats the first
    stream's name when ``duplicate``)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Inventaris"
    sheet.append(HEADER_NL)
    for number in range(1, rows + 1):
        name = "stroom 1" if duplicate and number == rows else f"stroom {number}"
        sheet.append((name, "materiaal", 10 + number, "t", "maandelijks"))
    book.save(path)
    return path


def _sheet_xml_rows(first: int, count: int) -> bytes:
    return b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>s%d</t></is></c></row>' % (n, n, n)
        for n in range(first, first + count)
    )


def big_sheet(path: Path, template: Path, rows: int) -> Path:
    """``template`` (a real inventory workbook) with its sheet replaced by one of ``rows``
    rows, written straight into the zip so a million rows take seconds, not minutes."""
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item))
                continue
            with target.open(item.filename, "w", force_zip64=True) as out:
                out.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
                    b'<c r="A1" t="inlineStr"><is><t>Stroom</t></is></c></row>'
                )
                done = 0
                while done < rows:
                    step = min(10_000, rows - done)
                    out.write(_sheet_xml_rows(2 + done, step))
                    done += step
                out.write(b"</sheetData></worksheet>")
    return path


def zip_bomb(path: Path, template: Path, megabytes: int = 200) -> Path:
    """``template`` (a real workbook) with its sheet padded to ``megabytes`` MB of spaces:
    a valid-looking .xlsx of ~1 kB per MB that unpacks to the full size."""
    chunk = b" " * 1_000_000
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item))
                continue
            sheet = source.read(item)
            head, _, tail = sheet.partition(b"<sheetData>")
            with target.open(item.filename, "w", force_zip64=True) as out:
                out.write(head + b"<sheetData>")
                for _ in range(megabytes):
                    out.write(chunk)
                out.write(tail)
    return path


def latin1_csv(path: Path) -> Path:
    """A register CSV as Excel on Windows saves it: Windows-1252, semicolons."""
    text = (
        "company;nace;postcode;side;name;families;amount_per_year\n"
        "Brasserie Café;11.05;9000;have;drêf;spent_grain;3000\n"
    )
    path.write_bytes(text.encode("cp1252"))
    return path
