"""`isassist import-inventory FILE.xlsx [--interview ID]`: load a filled-in inventory sheet.

Without ``--interview`` a new saved interview is started in the sheet's language; with it,
the rows are added to (or update) that interview's streams. Bad cells are listed one per line
with sheet, row and column, and nothing is stored: the sheet is checked whole first, then its
events are written in one transaction (a new interview together with them), so a refused or
interrupted import leaves the store exactly as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _fail(message: str) -> None:
    click.echo(f"isassist import-inventory: {message}", err=True)
    sys.exit(1)


@click.command("import-inventory")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--interview", "interview_id", help="Add to this saved interview (default: a new one)."
)
def import_inventory(file: Path, interview_id: str | None) -> None:
    """Read an inventory sheet (XLSX) into a new or an existing interview."""
    from isassist.intake.inventory import InventoryImportError, plan_import, read_inventory
    from isassist.interview.engine import Interview
    from isassist.interview.persistence import DIALOG_VERSION, resume, to_store
    from isassist.lang import Lang
    from isassist.root import root
    from isassist.store import InterviewMeta, StoreError

    if not file.is_file():
        _fail(f"{file}: no such file")
    try:
        store = root().store()
        services = root().interview_services
        if interview_id is None:
            sheet = read_inventory(file)
            interview = Interview.start(root().dialog, services, language=sheet.lang)
            plan = plan_import(sheet, interview)
            meta = InterviewMeta(
                title=f"inventory {file.name}"[:200],
                mode="broker",
                language="en" if sheet.lang == "en" else "nl",
                dialog_version=DIALOG_VERSION,
            )
            events = [to_store(e) for e in [*interview.log, *plan.events]]
            interview.close()
            target = store.create_interview_with_events(meta, events)
        else:
            interview = resume(store, interview_id, services)
            lang: Lang = "en" if interview.lang == "en" else "nl"
            plan = plan_import(read_inventory(file, lang), interview)
            interview.close()
            store.add_events(
                interview_id, [to_store(e) for e in plan.events], after=len(interview.log)
            )
            target = interview_id
    except InventoryImportError as error:
        for problem in error.problems:
            click.echo(f"  - {problem}", err=True)
        _fail(f"{file}: {len(error.problems)} problem(s); nothing was imported")
        return
    except StoreError as error:
        _fail(str(error))
        return
    for note in plan.notes:
        click.echo(f"  (note) {note}", err=True)
    click.echo(
        f"Imported {len(plan.streams_added)} new stream(s) and {plan.answers} answer(s) "
        f"into interview {target}"
    )
