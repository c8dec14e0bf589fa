"""`isassist network COMPANY`: who nearby has the same stream, a complementary one, or wants it."""

from __future__ import annotations

import sys

import click

from isassist.cli.register_cmd import db_option, echo_json, open_register, sync_interviews_of
from isassist.register import RegisterError
from isassist.register.network import Relation
from isassist.terminal import for_stream


def _say(text: str) -> None:
    """A line for a person: control characters from register names are shown as escapes on
    a terminal (a company name must not retitle the window or hide a link)."""
    click.echo(for_stream(text, sys.stdout))


_TITLES = {
    "same": {"nl": "Zelfde stroom (bundelen)", "en": "Same stream (bundle volumes)"},
    "complementary": {"nl": "Aanvullende stroom", "en": "Complementary stream"},
    "interested": {"nl": "Mogelijke afnemers", "en": "Possible receivers"},
}


@click.command("network")
@db_option
@click.argument("company")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def network(url: str | None, company: str, as_json: bool, lang: str) -> None:
    """Organisation network analysis for COMPANY."""
    from isassist.register import network as analyse

    reg = open_register(url)
    try:
        sync_interviews_of(reg)
        view = analyse(reg, company)
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()
    if as_json:
        echo_json(view.as_json())
        return
    if view.company.lat is None:
        _say(f"{view.company.name} has no place: add a postcode to see its neighbours.")
        return
    relations: tuple[Relation, ...] = ("same", "complementary", "interested")
    for relation in relations:
        found = view.partners(relation)
        _say(f"{_TITLES[relation][lang]}: {len(found)}")
        for partner in found:
            streams = "; ".join(partner.streams)
            _say(
                f"  {partner.distance_km:5.1f} km  {partner.company.name}"
                + (f" [{streams}]" if streams else "")
                + f": {partner.neighbours[0].why[lang]}"
            )
