"""``isassist tui`` (and bare ``isassist``): start the interactive assistant."""

from __future__ import annotations

import click


@click.command("tui")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the start screen and of new interviews.",
)
@click.option("--resume", "interview_id", default=None, help="Open this saved interview at once.")
@click.option(
    "--db", "store_url", default=None, help="SQLAlchemy URL of the interview store (tests)."
)
def tui(lang: str, interview_id: str | None, store_url: str | None) -> None:
    """Start the interactive assistant (Textual)."""
    from isassist.tui.app import make_app

    make_app(store_url=store_url, lang=lang, interview_id=interview_id).run()
