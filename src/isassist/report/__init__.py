"""Reports and exports of an interview: what a broker leaves behind after the visit.

``render_report(dossier, format, lang, anonymise)`` is the one entry point the CLI and the TUI
call: Markdown and HTML come back as ``str``, XLSX as ``bytes``, JSON as the versioned dossier
schema. With ``anonymise`` the dossier is stripped of names, contacts, exact location and
exact costs *before* any format sees it.
"""

from __future__ import annotations

import json
from typing import Literal, get_args

from isassist.dossier import Dossier
from isassist.interview.dialog import Dialog
from isassist.knowledge import Knowledge
from isassist.report.anonymise import anonymise as anonymise_dossier
from isassist.report.labels import Lang

ReportFormat = Literal["md", "html", "xlsx", "json"]
FORMATS: tuple[str, ...] = get_args(ReportFormat)


class ReportError(ValueError):
    """A report that cannot be made as asked; the message says what would work."""


def render_report(
    dossier: Dossier,
    format: str,  # noqa: A002 - the issue's name for it
    lang: str | None = None,
    anonymise: bool = False,
    *,
    dialog: Dialog | None = None,
    knowledge: Knowledge | None = None,
) -> bytes | str:
    """The report of ``dossier`` in ``format`` (md, html, xlsx, json) and ``lang`` (nl, en).

    ``lang`` defaults to the interview's language. ``dialog`` and ``knowledge`` default to
    the shipped ones; tests and experts may pass their own.
    """
    if format not in FORMATS:
        raise ReportError(f"unknown report format {format!r}; use one of {', '.join(FORMATS)}")
    chosen = lang or dossier.language
    if chosen not in ("nl", "en"):
        raise ReportError(f"unknown report language {chosen!r}; use nl or en")
    language: Lang = "en" if chosen == "en" else "nl"
    if anonymise:
        dossier = anonymise_dossier(dossier, language)
    if format == "json":
        return json.dumps(dossier.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    from isassist.report.view import build_view

    if dialog is None:
        from isassist.interview.loader import shipped_dialog

        dialog = shipped_dialog()
    if knowledge is None:
        from isassist.knowledge import get_knowledge

        knowledge = get_knowledge()
    view = build_view(dossier, dialog, knowledge, language, anonymise)
    if format == "xlsx":
        from isassist.report.xlsx import render_xlsx

        return render_xlsx(view)
    from isassist.report.text import render_html, render_markdown

    return render_html(view) if format == "html" else render_markdown(view)


__all__ = ["FORMATS", "ReportError", "ReportFormat", "render_report"]
