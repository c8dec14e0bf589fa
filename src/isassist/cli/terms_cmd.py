"""`isassist terms learned [--export FILE] [--forget WORDING | --forget-all]`.

The codes a broker chose instead of the first suggestion are remembered in the user's data
folder (``isassist.classify.learned``). This command shows them, writes them in the
knowledge/terms CSV format for a domain expert to review and share with a team, and forgets
them. A mistake (unreadable file, existing export) gets one line and exit code 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _fail(message: object) -> None:
    click.echo(f"isassist terms: {message}", err=True)
    sys.exit(1)


@click.group()
def terms() -> None:
    """Colloquial words and the codes they stand for."""


@terms.command("learned")
@click.option(
    "--export",
    "export_to",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write them as a knowledge/terms CSV file (for review; never overwrites).",
)
@click.option("--forget", "forget_wording", metavar="WORDING", help="Forget one wording.")
@click.option("--forget-all", is_flag=True, help="Forget every learned choice.")
def learned(export_to: Path | None, forget_wording: str | None, forget_all: bool) -> None:
    """List the codes learned from your earlier choices (most recent last)."""
    from isassist.classify.learned import LEARNED_FILE, LearnedTerms, LearnedTermsError
    from isassist.store.location import data_home

    memory = LearnedTerms(data_home() / LEARNED_FILE)
    try:
        if forget_all or forget_wording is not None:
            gone = memory.forget(None if forget_all else forget_wording)
            click.echo(f"Forgot {gone} learned choice(s).")
            return
        if export_to is not None:
            if export_to.exists():
                _fail(f"{export_to} exists; choose another file name")
            export_to.write_text(memory.export_csv(), encoding="utf-8")
            click.echo(f"Wrote {len(memory.all())} learned term(s) to {export_to}")
            return
        found = memory.all()
    except (LearnedTermsError, OSError) as error:
        _fail(error)
        return
    if not found:
        click.echo("Nothing learned yet: choices appear here when you pick another code.")
    for t in found:
        sector = f"NACE {t.sector}" if t.sector else "any sector"
        click.echo(
            f"{t.wording}  ->  {t.system.upper()} {t.code}  ({sector}, {t.times}x, {t.last[:10]})"
        )
