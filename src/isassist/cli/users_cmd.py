"""``isassist users ...``: accounts and invitation links of the team server (``isassist serve``).

Passwords are never taken from the command line (they would end up in the shell history and
the process list): they are asked for twice on a terminal, or read as the first line of
standard input when it is a pipe (``printf '%s\\n' "$PW" | isassist users add jan``).
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from isassist.server.accounts import Accounts

_DURATION = re.compile(r"^\s*(\d{1,4})\s*([dhm])\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_duration(text: str) -> timedelta:
    """'7d', '12h', '30m' -> timedelta; click.BadParameter names the form that works."""
    found = _DURATION.match(text.lower())
    if found is None:
        raise click.BadParameter(f"{text!r}: give a number with d, h or m, e.g. 7d, 12h or 30m.")
    return timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})


def _accounts(url: str | None) -> Accounts:
    from isassist.server.accounts import Accounts
    from isassist.store import StoreError, default_url

    try:
        return Accounts(url or default_url())
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def _password() -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line.strip():
            raise click.ClickException("No password on standard input (one line expected).")
        return line.rstrip("\r\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise click.ClickException("The two passwords differ; nothing was changed.")
    return first


def _run(url: str | None, action: str, *args: object) -> None:
    from isassist.server.accounts import AccountError

    accounts = _accounts(url)
    try:
        getattr(accounts, action)(*args)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    finally:
        accounts.close()


_db = click.option("--db", "url", default=None, help="Database URL (default: `db_url` setting).")


@click.group("users")
def users() -> None:
    """Broker accounts and self-assessment invitations for `isassist serve`."""


@users.command("add")
@click.argument("name")
@_db
def add(name: str, url: str | None) -> None:
    """Add a broker account (the password is asked for, or read from standard input)."""
    _run(url, "add_user", name, _password())
    click.echo(f"Account {name.strip().lower()} added.")


@users.command("reset-password")
@click.argument("name")
@_db
def reset_password(name: str, url: str | None) -> None:
    """Give an account a new password; its open sessions end."""
    _run(url, "reset_password", name, _password())
    click.echo(f"New password set for {name}; its sessions were ended.")


@users.command("disable")
@click.argument("name")
@_db
def disable(name: str, url: str | None) -> None:
    """Stop an account from logging in; its open sessions end."""
    _run(url, "set_disabled", name, True)
    click.echo(f"Account {name} disabled.")


@users.command("enable")
@click.argument("name")
@_db
def enable(name: str, url: str | None) -> None:
    """Let a disabled account log in again."""
    _run(url, "set_disabled", name, False)
    click.echo(f"Account {name} enabled.")


@users.command("list")
@_db
def list_users(url: str | None) -> None:
    """The accounts and whether they may log in."""
    accounts = _accounts(url)
    try:
        rows = accounts.list_users()
    finally:
        accounts.close()
    if not rows:
        click.echo("No accounts yet: add one with `isassist users add NAME`.")
    for row in rows:
        state = "disabled" if row.disabled else "active"
        click.echo(f"{row.name}\t{state}\tsince {row.created_at:%Y-%m-%d}")


@users.command("invite")
@click.argument("company")
@click.option("--expires", default="7d", show_default=True, help="Valid for: 7d, 12h, 30m.")
@click.option("--lang", "language", type=click.Choice(["nl", "en"]), default=None)
@click.option("--by", default=None, help="The broker account that invites (recorded).")
@click.option(
    "--base-url",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="The server's public address, to print the whole link.",
)
@_db
def invite(
    company: str,
    expires: str,
    language: str | None,
    by: str | None,
    base_url: str,
    url: str | None,
) -> None:
    """Create a self-assessment link for COMPANY (shown once; only its hash is stored)."""
    from isassist.config import active
    from isassist.server.accounts import AccountError

    accounts = _accounts(url)
    try:
        number, token = accounts.invite(
            company,
            language=language or active().language,
            expires=parse_duration(expires),
            by=by,
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    finally:
        accounts.close()
    click.echo(f"Invitation {number} for {' '.join(company.split())}:")
    click.echo(f"{base_url.rstrip('/')}/invite/{token}")


@users.command("invites")
@_db
def invites(url: str | None) -> None:
    """The invitations: number, company, state, interview."""
    accounts = _accounts(url)
    try:
        rows = accounts.list_invites()
    finally:
        accounts.close()
    now = datetime.now(UTC)
    for row in rows:
        interview = row.interview_id or "-"
        click.echo(
            f"{row.id}\t{row.state(now)}\tuntil {row.expires_at:%Y-%m-%d %H:%M}\t"
            f"{row.language}\t{interview}\t{row.company}"
        )


@users.command("revoke-invite")
@click.argument("number", type=int)
@_db
def revoke_invite(number: int, url: str | None) -> None:
    """Revoke invitation NUMBER (see `isassist users invites`); its sessions end."""
    _run(url, "revoke_invite", number)
    click.echo(f"Invitation {number} revoked.")
