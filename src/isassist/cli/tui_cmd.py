"""``isassist tui`` (and bare ``isassist``): start the interactive assistant."""

from __future__ import annotations

import click


@click.command("tui")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of the start screen and of new interviews (default: the `language` setting).",
)
@click.option("--resume", "interview_id", default=None, help="Open this saved interview at once.")
@click.option(
    "--db", "store_url", default=None, help="SQLAlchemy URL of the interview store (tests)."
)
def tui(lang: str | None, interview_id: str | None, store_url: str | None) -> None:
    """Start the interactive assistant (Textual)."""
    from isassist.config import active
    from isassist.tui.app import make_app

    make_app(store_url=store_url, lang=lang or active().language, interview_id=interview_id).run()
