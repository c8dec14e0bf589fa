"""`isassist report INTERVIEW_ID --format md|html|xlsx|json [--lang nl|en] [--anonymise] -o FILE`.

The format defaults to the extension of ``-o`` (``.md``, ``.html``, ``.xlsx``, ``.json``) so a
broker types the file name once; text formats go to stdout without ``-o``. Every mistake (an
unknown id, a format that needs a file) is one line on stderr and exit code 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xlsx": "xlsx"}
_SUFFIXES[".json"] = "json"


def _fail(message: str) -> None:
    click.echo(f"isassist report: {message}", err=True)
    sys.exit(1)


@click.command()
@click.argument("interview_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "xlsx", "json"]),
    help="Report format (default: from the -o extension, else md).",
)
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), help="Report language (default: the interview's)."
)
@click.option(
    "--anonymise", is_flag=True, help="Leave out names, contacts, exact location; band costs."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
def report(
    interview_id: str, fmt: str | None, lang: str | None, anonymise: bool, output: Path | None
) -> None:
    """Write the report of one saved interview."""
    from isassist.interview.adapters import live_services
    from isassist.interview.persistence import resume
    from isassist.report import ReportError, render_report
    from isassist.store import Store, StoreError

    chosen = fmt or (_SUFFIXES.get(output.suffix.lower(), "md") if output else "md")
    if chosen == "xlsx" and output is None:
        _fail("an XLSX report needs a file: add -o report.xlsx")
    try:
        interview = resume(Store(), interview_id, live_services())
    except StoreError as error:
        _fail(str(error))
        return
    try:
        rendered = render_report(interview.dossier(), chosen, lang, anonymise)
    except ReportError as error:
        _fail(str(error))
        return
    finally:
        interview.close()
    if output is None:
        click.echo(rendered, nl=False)
        return
    try:
        if isinstance(rendered, bytes):
            output.write_bytes(rendered)
        else:
            output.write_text(rendered, encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {output}: {error.strerror or error}")
    click.echo(f"Wrote {chosen} report of {interview_id} to {output}", err=True)
