"""Writing a report from the assistant to a file the broker can attach to an e-mail.

The face only chooses a format and whether to anonymise; where the file goes and what it is
called is decided here, so it is the same every time and testable without a terminal. Files
land in the user's documents folder (``$ISASSIST_EXPORT_DIR`` moves them), are named after the
company and the day, and never replace an earlier export: a broker who sent yesterday's
version must still find it. An anonymised report is meant for a partner who must not learn
who the company is, so its file name leaves the company out too.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from isassist.dossier import Dossier
from isassist.session.i18n import ui

EXPORT_DIR_ENV = "ISASSIST_EXPORT_DIR"
# report format -> file extension
EXTENSIONS: dict[str, str] = {"md": "md", "html": "html", "xlsx": "xlsx", "json": "json"}
_MAX_TRIES = 1000
_NAME_LENGTH = 40


class ExportError(Exception):
    """The report could not be written; the message says why, in the user's language."""


def export_dir() -> Path:
    """``$ISASSIST_EXPORT_DIR`` if set, else the platform's documents folder + ``isassist``."""
    override = os.environ.get(EXPORT_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "isassist"


def _slug(text: str) -> str:
    """``text`` as a portable file-name part: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:_NAME_LENGTH].strip("-")


def report_file_name(
    company: str | None, day: date, fmt: str, anonymise: bool, lang: str = "nl"
) -> str:
    """``zagerij-hout-2026-01-15.html``; anonymised ``isassist-anoniem-2026-01-15.html``."""
    if fmt not in EXTENSIONS:
        raise ExportError(ui("export_bad_format", lang, fmt=fmt, formats=", ".join(EXTENSIONS)))
    if anonymise:
        stem = f"isassist-{ui('export_anonymous_word', lang)}"
    else:
        stem = _slug(company or "") or "isassist-dossier"
    return f"{stem}-{day.isoformat()}.{EXTENSIONS[fmt]}"


def write_new(folder: Path, name: str, content: bytes) -> Path:
    """Write ``content`` to ``folder/name``, or ``name-2``, ``name-3``... if that exists.

    The file is created exclusively, so two exports in the same second cannot overwrite each
    other either. A half-written file (disk full) is removed before the error is raised.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    for n in range(1, _MAX_TRIES + 1):
        candidate = folder / (name if n == 1 else f"{stem}-{n}{dot}{suffix}")
        try:
            handle = candidate.open("xb")
        except FileExistsError:
            continue
        try:
            with handle:
                handle.write(content)
        except OSError:
            candidate.unlink(missing_ok=True)
            raise
        return candidate
    raise FileExistsError(f"{_MAX_TRIES} files named {name} already exist in {folder}")


def export_report(
    dossier: Dossier,
    fmt: str,
    lang: str,
    anonymise: bool,
    *,
    folder: Path | None = None,
    day: date | None = None,
) -> Path:
    """Render ``dossier`` as ``fmt`` in ``lang`` and write it to a new file; return its path.

    Every failure (unknown format, folder not writable, disk full) is an ``ExportError`` whose
    message names the folder and the reason, so the face can show it instead of crashing.
    """
    from isassist.report import ReportError, render_report

    target = folder if folder is not None else export_dir()
    name = report_file_name(dossier.company.name, day or date.today(), fmt, anonymise, lang)
    try:
        rendered = render_report(dossier, fmt, lang, anonymise)
    except ReportError as error:
        raise ExportError(str(error)) from error
    content = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    try:
        return write_new(target, name, content)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(ui("export_failed", lang, folder=target, error=reason)) from error
