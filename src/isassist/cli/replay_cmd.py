"""`isassist replay FILE... [--json] [--save]`: run scripted interviews and check them.

Exit 0 only when every expectation in every file holds; otherwise exit 1 with a readable
diff per failure. ``--json`` prints one object per file for other tools; ``--save`` writes
each replayed interview to the interview store so it can be listed, resumed or exported.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@click.option("--save", is_flag=True, help="Store each replayed interview.")
def replay(files: tuple[Path, ...], as_json: bool, save: bool) -> None:
    """Run scripted interview replays (dialogs/replays/*.yaml)."""
    from isassist.interview.engine import Interview
    from isassist.interview.loader import DataFileError
    from isassist.interview.replay import Replay, run_replay
    from isassist.root import root

    try:
        dialog = root().dialog
        services = root().interview_services
    except (DataFileError, ValueError, OSError) as error:
        click.echo(f"isassist replay: cannot start: {error}", err=True)
        sys.exit(1)
    from isassist.store import StoreError

    store = None
    if save:
        try:
            store = root().store()
        except StoreError as error:
            click.echo(f"isassist replay: {error}", err=True)
            sys.exit(1)

    def make(spec: Replay) -> Interview:
        if store is not None:
            from isassist.interview.persistence import start_saved

            return start_saved(store, services, spec.mode, spec.language, spec.title, dialog)
        return Interview.start(dialog, services, mode=spec.mode, language=spec.language)

    failed = 0
    for path in files:
        try:
            result = run_replay(path, make)
        except StoreError as error:  # a full disk, a locked or changed store
            click.echo(f"isassist replay: {path}: {error}", err=True)
            sys.exit(1)
        failed += not result.passed
        if as_json:
            click.echo(json.dumps(result.as_json(with_id=save), ensure_ascii=False))
            continue
        status = "PASS" if result.passed else "FAIL"
        saved = f" -> saved as {result.interview_id}" if save else ""
        click.echo(f"{status} {path} ({result.title}; {result.answers} answers){saved}")
        for failure in result.failures:
            click.echo("  - " + failure.replace("\n", "\n    "))
        for note in result.notes:
            click.echo("  (optional) " + note.replace("\n", "\n    "))
    if not as_json:
        click.echo(f"{len(files) - failed} of {len(files)} replays passed")
    sys.exit(1 if failed else 0)
