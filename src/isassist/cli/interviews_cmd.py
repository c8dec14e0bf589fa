"""`isassist interviews list|show ID|export ID|import FILE|delete ID`: saved interviews.

Every mistake a user can make (unknown id, broken file) is answered with one line saying what
is wrong, and exit code 1; nothing prints a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from isassist.store import Store


def _store() -> Store:
    from isassist.store import Store

    return Store()


def _fail(error: Exception) -> None:
    click.echo(f"isassist interviews: {error}", err=True)
    sys.exit(1)


@click.group()
def interviews() -> None:
    """List, show, export, import and delete saved interviews."""


@interviews.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(as_json: bool) -> None:
    """Saved interviews, most recently changed first."""
    from isassist.store import StoreError
    from isassist.terminal import visible

    try:
        found = _store().list_interviews()
    except StoreError as error:
        _fail(error)
        return
    if as_json:
        click.echo(json.dumps([s.model_dump(mode="json") for s in found], ensure_ascii=False))
        return
    if not found:
        click.echo("No saved interviews.")
    for s in found:
        changed = s.updated_at.strftime("%Y-%m-%d %H:%M")
        label = visible(s.company or s.title or "-")
        click.echo(f"{s.id}  {changed}  {s.mode:6} {s.language}  {s.event_count:4} events  {label}")


def _dossier_json(interview_id: str) -> dict[str, object]:
    from isassist.interview.adapters import live_services
    from isassist.interview.persistence import resume

    interview = resume(_store(), interview_id, live_services())
    return interview.dossier().model_dump(mode="json")


@interviews.command()
@click.argument("interview_id")
def show(interview_id: str) -> None:
    """The dossier of one interview, as JSON."""
    from isassist.store import StoreError

    try:
        click.echo(json.dumps(_dossier_json(interview_id), ensure_ascii=False, indent=2))
    except StoreError as error:
        _fail(error)


@interviews.command()
@click.argument("interview_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
def export(interview_id: str, output: Path | None, force: bool) -> None:
    """Write one interview (answer log and dossier) as a JSON file or to stdout."""
    from isassist.store import StoreError, dumps_export, write_export

    if output is not None and not force and output.exists():
        _fail(ValueError(f"{output} already exists; add --force to replace it"))
    try:
        exported = _store().export_interview(interview_id)
        exported = exported.model_copy(update={"dossier": _dossier_json(interview_id)})
        if output is None:
            click.echo(dumps_export(exported))
        else:
            write_export(exported, output, force=force)
            click.echo(f"Exported {interview_id} to {output}")
    except StoreError as error:
        _fail(error)


@interviews.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def import_cmd(file: Path) -> None:
    """Store an exported interview; prints its id here."""
    from isassist.store import StoreError, read_export

    try:
        exported = read_export(file)
        new_id = _store().import_interview(exported)
    except StoreError as error:
        _fail(error)
        return
    if new_id != exported.interview.id:
        click.echo(f"Imported as {new_id} ({exported.interview.id} already exists here)")
    else:
        click.echo(f"Imported {new_id}")


@interviews.command()
@click.argument("interview_id")
def delete(interview_id: str) -> None:
    """Delete one interview and its answers for good."""
    from isassist.store import StoreError

    try:
        _store().delete(interview_id)
    except StoreError as error:
        _fail(error)
        return
    click.echo(f"Deleted {interview_id}")
