"""`isassist match COMPANY | --all`: matches with their score, reason and barriers."""

from __future__ import annotations

from typing import Any

import click

from isassist.cli.register_cmd import db_option, echo_json, open_register
from isassist.register import Match, RegisterError


def _show(match: Match, lang: str) -> None:
    click.echo(f"  {match.score:5.1f}  {match.reason[lang]}")
    for barrier in match.barriers:
        click.echo(f"         ! [{barrier.category}/{barrier.severity}] {barrier.text[lang]}")


@click.command("match")
@db_option
@click.argument("company", required=False)
@click.option("--all", "everything", is_flag=True, help="Match the whole register.")
@click.option("--top", default=20, show_default=True, help="Matches per stream.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def match(
    url: str | None, company: str | None, everything: bool, top: int, as_json: bool, lang: str
) -> None:
    """Find receivers for COMPANY's haves and suppliers for its wants (or --all)."""
    from isassist.register import match_all, match_company

    if everything == (company is not None):
        raise click.UsageError("Give a COMPANY (name or id) or --all, not both and not neither.")
    reg = open_register(url)
    try:
        if everything:
            result = match_all(reg, per_stream=min(top, 20))
            if as_json:
                echo_json(result.as_json())
                return
            click.echo(f"{len(result.matches)} matches ({result.pairs_assessed} pairs assessed)")
            for best in result.matches[: top * 5]:
                _show(best, lang)
            return
        by_stream = match_company(reg, company or "", top=top)
        if as_json:
            data: dict[str, Any] = {
                str(sid): [m.as_json() for m in found] for sid, found in by_stream.items()
            }
            echo_json(data)
            return
        for sid, found in by_stream.items():
            stream = reg.stream(sid)
            click.echo(f"#{sid} {stream.side} {stream.name}: {len(found)} matches")
            for item in found:
                _show(item, lang)
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()
