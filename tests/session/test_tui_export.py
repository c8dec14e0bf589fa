"""Saving the report from the assistant: where files land, what they are called, that nothing is
overwritten or leaked, and that every format opens in the program a broker would use."""

from __future__ import annotations

import errno
import json
from datetime import date
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from isassist.dossier import Dossier
from isassist.session import export
from isassist.session.export import ExportError, export_report, report_file_name, write_new

DAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def dossier(brewery_dossier: Dossier) -> Dossier:
    return brewery_dossier


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "exports"
    monkeypatch.setenv(export.EXPORT_DIR_ENV, str(target))
    return target


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("Brouwerij Zwanenhals", "brouwerij-zwanenhals-2026-01-15.html"),
        ("Café Ça Va & Zonen n.v.", "cafe-ca-va-zonen-n-v-2026-01-15.html"),
        ("../../etc/passwd", "etc-passwd-2026-01-15.html"),
        ("<script>", "script-2026-01-15.html"),
        ("", "isassist-dossier-2026-01-15.html"),
        (None, "isassist-dossier-2026-01-15.html"),
    ],
)
def test_file_is_named_after_company_and_day(company: str | None, expected: str) -> None:
    assert report_file_name(company, DAY, "html", anonymise=False) == expected


def test_anonymised_file_name_leaves_the_company_out() -> None:
    assert report_file_name("Brouwerij Zwanenhals", DAY, "xlsx", True, "nl") == (
        "isassist-anoniem-2026-01-15.xlsx"
    )
    assert report_file_name("Brouwerij Zwanenhals", DAY, "md", True, "en") == (
        "isassist-anonymous-2026-01-15.md"
    )


def test_export_goes_to_the_env_folder_and_never_overwrites(dossier: Dossier, folder: Path) -> None:
    first = export_report(dossier, "md", "nl", False, day=DAY)
    assert first == folder / "brouwerij-zwanenhals-2026-01-15.md"
    first.write_text("what the broker sent yesterday", encoding="utf-8")
    second = export_report(dossier, "md", "nl", False, day=DAY)
    third = export_report(dossier, "md", "nl", False, day=DAY)
    assert [second.name, third.name] == [
        "brouwerij-zwanenhals-2026-01-15-2.md",
        "brouwerij-zwanenhals-2026-01-15-3.md",
    ]
    assert first.read_text(encoding="utf-8") == "what the broker sent yesterday"
    assert "Zwanenhals" in third.read_text(encoding="utf-8")


def test_default_folder_is_isassist_in_the_documents_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(export.EXPORT_DIR_ENV, raising=False)
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "Docs"))
    assert export.export_dir() == tmp_path / "Docs" / "isassist"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


def _opened(path: Path) -> str:
    """The file as the program a broker would open it with reads it, as text to search."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(BytesIO(path.read_bytes()), read_only=True)
        cells = [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        book.close()
        return "\n".join(cells)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data: Any = json.loads(text)
        return json.dumps(data, ensure_ascii=False)
    if path.suffix == ".html":
        tags = _Tags()
        tags.feed(text)
        assert "html" in tags.tags and "script" not in tags.tags
        assert "<script" not in text.lower()
    return text


@pytest.mark.parametrize("fmt", ["html", "md", "xlsx", "json"])
def test_every_format_is_written_and_readable(dossier: Dossier, folder: Path, fmt: str) -> None:
    plain = export_report(dossier, fmt, "nl", False, day=DAY)
    hidden = export_report(dossier, fmt, "en", True, day=DAY)
    assert plain.suffix == hidden.suffix == f".{fmt}"
    assert "Zwanenhals" in _opened(plain)
    assert "bostel" in _opened(hidden)  # the stream is what a partner needs to see
    assert "zwanenhals" not in _opened(hidden).lower()
    assert "zwanenhals" not in hidden.name.lower()


def test_unknown_format_says_which_formats_exist(dossier: Dossier, folder: Path) -> None:
    with pytest.raises(ExportError, match="html, xlsx, json"):
        export_report(dossier, "pdf", "nl", False, day=DAY)
    assert not folder.exists()


def test_unwritable_folder_is_a_message_naming_it(dossier: Dossier, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        export_report(dossier, "html", "en", False, folder=blocked / "reports", day=DAY)
    assert str(blocked / "reports") in str(caught.value)
    assert "ISASSIST_EXPORT_DIR" in str(caught.value)


def test_full_disk_leaves_no_half_file(
    dossier: Dossier, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_open(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        return FullDisk(real_open(path, mode, *args, **kwargs))

    monkeypatch.setattr(Path, "open", full_open)
    with pytest.raises(ExportError, match="No space left on device"):
        export_report(dossier, "md", "nl", False, day=DAY)
    assert list(folder.iterdir()) == []


def test_write_new_numbers_names_without_extension_too(tmp_path: Path) -> None:
    assert write_new(tmp_path, "notes", b"1").name == "notes"
    assert write_new(tmp_path, "notes", b"2").name == "notes-2"
    assert (tmp_path / "notes").read_bytes() == b"1"
