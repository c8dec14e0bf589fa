"""`isassist interviews list|show ID|export ID|import FILE|delete ID`: saved interviews.

Every mistake a user can make (unknown id, broken file) is answered with one line saying what
is wrong, and exit code 1; nothing prints a traceback.
"""

from __future__ import annotations

import json
import math
import reprlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from isassist.interview.dialog import Question
    from isassist.store import InterviewExport, Store


def _store() -> Store:
    from isassist.root import root

    return root().store()


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
        store = _store()
        found = store.list_interviews()
    except StoreError as error:
        _fail(error)
        return
    if not found and not as_json:
        click.echo("No saved interviews.")
        return
    from isassist.interview.messages import progress_words
    from isassist.interview.persistence import progress_of
    from isassist.root import root

    services = root().interview_services
    # the one progress measure (as in the start list and the dossier), saved with each
    # interview; only one saved before that is rebuilt, once
    counted = {s.id: progress_of(store, s, services) for s in found}
    if as_json:
        rows = [
            s.model_dump(mode="json")
            | {"progress_done": counted[s.id].done, "progress_total": counted[s.id].total}
            for s in found
        ]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    for s in found:
        changed = s.updated_at.strftime("%Y-%m-%d %H:%M")
        label = visible(s.company or s.title or "-")
        done = progress_words(counted[s.id].done, counted[s.id].total, "en")
        click.echo(f"{s.id}  {changed}  {s.mode:6} {s.language}  {done:>16}  {label}")


def _dossier_json(interview_id: str) -> dict[str, object]:
    from isassist.interview.persistence import resume
    from isassist.root import root

    interview = resume(_store(), interview_id, root().interview_services)
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
        exported = _checked(read_export(file))
        new_id = _store().import_interview(exported)
    except StoreError as error:
        _fail(error)
        return
    if new_id != exported.interview.id:
        click.echo(f"Imported as {new_id} ({exported.interview.id} already exists here)")
    else:
        click.echo(f"Imported {new_id}")


_NUMBER_TYPES = ("number", "quantity", "score")
_OPTION_TYPES = ("choice", "yesno")


def _shape_problem(question: Question, value: object) -> str | None:
    """What is wrong with an answer value for ``question``, or None when it fits."""
    if value is None:
        return None
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if question.type in _NUMBER_TYPES:
        if not number or not math.isfinite(float(value)):  # type: ignore[arg-type]
            return f"expected a finite number, found {reprlib.repr(value)}"
        return None
    if question.type in _OPTION_TYPES:
        # the shape, not the option list: a newer dialog may have added options
        if not isinstance(value, str | bool):
            return f"expected one of the question's options, found {reprlib.repr(value)}"
        return None
    is_list = isinstance(value, list) and all(isinstance(v, str) for v in value)
    if question.type in ("multi", "code") or question.creates_streams:
        return (
            None
            if is_list or isinstance(value, str)
            else f"expected a list of texts, found {reprlib.repr(value)}"
        )
    if not isinstance(value, str | int | float | bool):
        return f"expected a text, found {reprlib.repr(value)}"
    return None


def _checked(exported: InterviewExport) -> InterviewExport:
    """The export with control characters stripped from its texts, after checking that every
    answer has the shape its question expects and that the interview can be rebuilt, so an
    imported file never stores an interview that `show` or `report` then cannot open."""
    from isassist.interview.engine import Interview
    from isassist.interview.persistence import from_store
    from isassist.root import root
    from isassist.store import StoreError
    from isassist.terminal import strip_controls

    dialog = root().dialog
    problems: list[str] = []
    for event in exported.events:
        question = dialog.question(event.question_id) if event.question_id else None
        if event.kind != "answer" or question is None:
            continue
        packed = event.value if isinstance(event.value, dict) else {"value": event.value}
        problem = _shape_problem(question, packed.get("value"))
        if problem:
            problems.append(f"event {event.seq} (question {event.question_id}): {problem}")
    if problems:
        raise StoreError(
            "The export holds answers of the wrong shape; nothing was imported:\n  "
            + "\n  ".join(problems[:10])
        )
    header = exported.interview
    cleaned = exported.model_copy(
        update={
            "interview": header.model_copy(
                update={
                    "title": strip_controls(header.title),
                    "company": strip_controls(header.company) if header.company else header.company,
                }
            ),
            "events": [
                e.model_copy(update={"raw_text": strip_controls(e.raw_text)})
                for e in exported.events
            ],
        }
    )
    services = root().interview_services
    try:
        trial = Interview(dialog, services, "import-check", [from_store(e) for e in cleaned.events])
        trial.dossier()
        trial.close()
    except Exception as error:  # any failure means the file cannot be used
        raise StoreError(
            f"The export cannot be rebuilt into an interview ({type(error).__name__}: "
            f"{reprlib.repr(str(error))}); nothing was imported. Export it again."
        ) from error
    return cleaned


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
