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


def _register_names() -> list[str]:
    """The company names of the register in the default store, to hide them from an
    anonymised report (an empty list when there is no register)."""
    from isassist.register import RegisterError
    from isassist.root import root

    try:
        register = root().register()
    except RegisterError:
        return []
    try:
        return [company.name for company in register.companies()]
    except RegisterError:
        return []
    finally:
        register.close()


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
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
def report(
    interview_id: str,
    fmt: str | None,
    lang: str | None,
    anonymise: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Write the report of one saved interview."""
    from isassist.cli.progress import Steps
    from isassist.interview.persistence import resume
    from isassist.report import ReportError, render_report
    from isassist.root import root
    from isassist.safefile import OutputError, write_file
    from isassist.store import StoreError
    from isassist.terminal import for_stream

    chosen = fmt or (_SUFFIXES.get(output.suffix.lower(), "md") if output else "md")
    if chosen == "xlsx" and output is None:
        _fail("an XLSX report needs a file: add -o report.xlsx")
    if output is not None and not force and output.exists():
        _fail(f"{output} already exists; add --force to replace it")
    steps = Steps(3, output_streams=output is None)
    steps.step(f"Reading the answers of {interview_id}")
    try:
        interview = resume(root().store(), interview_id, root().interview_services)
    except StoreError as error:
        steps.finish()
        _fail(str(error))
        return
    try:
        names = _register_names() if anonymise else []
        steps.step("Deriving the dossier")
        dossier = interview.dossier()
        steps.step(f"Writing the {chosen} report")
        rendered = render_report(dossier, chosen, lang, anonymise, known_names=names)
    except ReportError as error:
        _fail(str(error))
        return
    finally:
        steps.finish()
        interview.close()
    if output is None:
        text = rendered if isinstance(rendered, str) else rendered.decode("utf-8")
        click.echo(for_stream(text, sys.stdout), nl=False)
        return
    try:
        write_file(output, rendered, force=force)
    except OutputError as error:
        _fail(str(error))
    click.echo(f"Wrote {chosen} report of {interview_id} to {output}", err=True)
