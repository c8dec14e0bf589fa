"""``isassist db upgrade`` / ``isassist db current``: the database schema, by the migrations
that ship with isassist (see ``isassist.store.migrations``)."""

from __future__ import annotations

import click


def _url(given: str | None) -> str:
    from isassist.config import active

    return given or active().db_url


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.group("db")
def db() -> None:
    """The database schema: upgrade it, or show its revision."""


_db_option = click.option(
    "--db", "url", default=None, help="Database URL (default: the `db_url` setting)."
)


@db.command("upgrade")
@_db_option
def upgrade(url: str | None) -> None:
    """Create or upgrade the database to this isassist's newest schema."""
    from sqlalchemy.exc import SQLAlchemyError

    from isassist.store.errors import StoreError
    from isassist.store.migrations import upgrade as run_upgrade

    target = _url(url)
    try:
        done = run_upgrade(target)
    except (StoreError, SQLAlchemyError) as error:
        raise click.ClickException(f"{_shown(target)}: {error}") from error
    if done.stamped_old_way:
        click.echo(f"{_shown(target)}: made by an earlier isassist; recognised and stamped.")
    if done.before == done.after:
        click.echo(f"{_shown(target)}: already at revision {done.after}.")
    else:
        click.echo(f"{_shown(target)}: upgraded to revision {done.after}.")


@db.command("current")
@_db_option
def current(url: str | None) -> None:
    """Show the database's schema revision and the newest this isassist ships."""
    from sqlalchemy.exc import SQLAlchemyError

    from isassist.store.migrations import head, revision_of

    target = _url(url)
    try:
        found = revision_of(target)
    except SQLAlchemyError as error:
        raise click.ClickException(f"{_shown(target)}: {error}") from error
    shown = found or "none (empty, or made by an isassist before migrations)"
    click.echo(f"{_shown(target)}: revision {shown}; newest shipped: {head()}")
