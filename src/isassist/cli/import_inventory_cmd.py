"""`isassist import-inventory FILE.xlsx [--interview ID]`: load a filled-in inventory sheet.

Without ``--interview`` a new saved interview is started in the sheet's language; with it,
the rows are added to (or update) that interview's streams. Bad cells are listed one per line
with sheet, row and column, and nothing is stored.
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
    from isassist.intake.inventory import InventoryImportError, import_inventory, read_inventory
    from isassist.interview.adapters import live_services
    from isassist.interview.persistence import resume, start_saved
    from isassist.store import Store, StoreError

    if not file.is_file():
        _fail(f"{file}: no such file")
    try:
        store = Store()
        services = live_services()
        if interview_id is None:
            sheet = read_inventory(file)
            interview = start_saved(
                store, services, language=sheet.lang, title=f"inventory {file.name}"
            )
        else:
            interview = resume(store, interview_id, services)
        result = import_inventory(file, interview)
    except InventoryImportError as error:
        for problem in error.problems:
            click.echo(f"  - {problem}", err=True)
        _fail(f"{file}: {len(error.problems)} problem(s); nothing was imported")
        return
    except StoreError as error:
        _fail(str(error))
        return
    interview.close()
    for note in result.notes:
        click.echo(f"  (note) {note}", err=True)
    click.echo(
        f"Imported {len(result.streams_added)} new stream(s) and {result.answers} answer(s) "
        f"into interview {result.interview_id}"
    )
