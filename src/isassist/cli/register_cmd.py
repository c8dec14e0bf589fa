"""`isassist register`: list the register, add wants, import files, follow the pipeline.

Every sub-command takes ``--db URL`` (default: the interview store), so a team can point all
of them at one shared PostgreSQL register.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from isassist.register import Register, RegisterError


def db_option(function: Any) -> Any:
    """The ``--db`` option every register command shares."""
    return click.option(
        "--db",
        "url",
        default=None,
        metavar="URL",
        help="Database URL (sqlite:///file or postgresql+psycopg://...); default: the store.",
    )(function)


MAX_NOTE_CHARS = 2_000


def note_text(value: str) -> str:
    """A --note as stored: control characters stripped, refused above MAX_NOTE_CHARS."""
    from isassist.terminal import strip_controls

    if len(value) > MAX_NOTE_CHARS:
        raise click.BadParameter(
            f"{len(value):,} characters; keep a note under {MAX_NOTE_CHARS:,} characters"
        )
    return strip_controls(value)


def open_register(url: str | None) -> Register:
    try:
        return Register(url)
    except RegisterError as error:
        raise click.ClickException(str(error)) from error


def sync_interviews_of(reg: Register) -> None:
    """Bring saved interviews changed since the last run into the register, saying so on
    stderr (stdout stays the command's own output, e.g. JSON)."""
    from isassist.register.sync import sync_interviews

    try:
        done = sync_interviews(reg)
    except RegisterError as error:
        click.echo(f"Interviews not synced: {error}", err=True)
        return
    for item in done:
        if item.problem:
            click.echo(f"Interview {item.interview_id} not synced: {item.problem}", err=True)
            continue
        click.echo(
            f"Interview {item.interview_id} ({item.company}): {item.streams} streams in the "
            "register"
            + (
                f"; without a quantity (matched, flagged): {', '.join(item.without_quantity)}"
                if item.without_quantity
                else ""
            ),
            err=True,
        )


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group()
def register() -> None:
    """The broker register: companies with their haves (offers) and wants (needs)."""


@register.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(url: str | None, as_json: bool) -> None:
    """List the companies with their haves and wants."""
    from isassist.terminal import visible

    reg = open_register(url)
    try:
        sync_interviews_of(reg)
        streams_by_company: dict[int, list[Any]] = {}
        for stream in reg.streams():
            streams_by_company.setdefault(stream.company_id, []).append(stream)
        companies = reg.companies()
        if as_json:
            echo_json(
                [
                    {
                        **c.model_dump(mode="json"),
                        "streams": [
                            s.model_dump(mode="json") for s in streams_by_company.get(c.id, [])
                        ],
                    }
                    for c in companies
                ]
            )
            return
        counts = reg.counts()
        click.echo(
            f"{counts['companies']} companies, {counts['haves']} haves, {counts['wants']} wants,"
            f" {counts['opportunities']} opportunities"
        )
        for company in companies:
            place = company.postcode or (
                f"{company.lat:.3f},{company.lon:.3f}" if company.lat is not None else "no place"
            )
            click.echo(
                f"[{company.id}] {visible(company.name)} (NACE {company.nace or '?'}, "
                f"{visible(place)})"
            )
            for s in streams_by_company.get(company.id, []):
                amount = f" {s.amount_per_year:g} {s.counted_in}/yr" if s.amount_per_year else ""
                families = f" [{' '.join(s.families)}]" if s.families else ""
                click.echo(f"    #{s.id} {s.side:4} {s.kind:8} {visible(s.name)}{amount}{families}")
    finally:
        reg.close()


@register.command("add-want")
@db_option
@click.argument("company")
@click.argument("name")
@click.option("--family", "families", multiple=True, help="Material family (repeatable).")
@click.option("--ewc", "ewc", multiple=True, help="EWC code, six digits (repeatable).")
@click.option(
    "--kind",
    type=click.Choice(["material", "heat", "water", "energy", "gas", "capacity"]),
    default="material",
    show_default=True,
)
@click.option("--amount", type=float, help="Amount needed per year.")
@click.option("--unit", type=click.Choice(["t", "m3", "MWh", "Nm3", "h"]))
@click.option("--temperature", type=float, help="Temperature needed, °C (heat).")
@click.option("--price", type=float, help="What the virgin input costs now, EUR/t.")
@click.option("--nace", help="NACE code of a new company, e.g. 10.91.")
@click.option("--postcode", help="Postcode of a new company.")
def add_want(
    url: str | None,
    company: str,
    name: str,
    families: tuple[str, ...],
    ewc: tuple[str, ...],
    kind: str,
    amount: float | None,
    unit: str | None,
    temperature: float | None,
    price: float | None,
    nace: str | None,
    postcode: str | None,
) -> None:
    """Record that COMPANY needs NAME (created with --nace/--postcode if new)."""
    from pydantic import ValidationError

    from isassist.register import NewCompany, NewStream
    from isassist.register.door import code_problems

    reg = open_register(url)
    try:
        try:
            want = NewStream.model_validate(
                {
                    "side": "want",
                    "kind": kind,
                    "name": name,
                    "families": families,
                    "ewc": ewc,
                    "amount_per_year": amount,
                    "unit": unit,
                    "temperature_c": temperature,
                    "market_price_eur_per_t": price,
                }
            )
            try:
                found = reg.company(company)
                new_company = None
            except RegisterError:
                if not (nace or postcode):
                    raise
                new_company = NewCompany(name=company, nace=nace, postcode=postcode)
            from isassist.register.naming import classify_name_only

            read = classify_name_only(want, None, reg.knowledge)
            if read.changed:
                click.echo(read.summary("en"))
            want = read.stream
            problems = code_problems(reg.knowledge, new_company, want)
            if problems:
                raise RegisterError("; ".join(problems) + "; nothing was added.")
            if new_company is not None:
                # company and want in one transaction: a refused want leaves no company
                found, (stored,) = reg.add_company_with_streams(new_company, [want])
            else:
                stored = reg.add_stream(found.id, want)
        except ValidationError as error:
            problem = error.errors()[0]
            field = ".".join(str(p) for p in problem["loc"])
            raise click.ClickException(f"{field}: {problem['msg']}") from error
        except RegisterError as error:
            raise click.ClickException(str(error)) from error
        click.echo(
            f"Want #{stored.id} added to {found.name}: {stored.name} "
            f"[{' '.join(stored.families) or 'no family'}]"
        )
    finally:
        reg.close()


@register.command("import")
@db_option
@click.argument("file", type=click.Path(path_type=Path))
def import_cmd(url: str | None, file: Path) -> None:
    """Import companies and streams from a CSV or register JSON file, or an interview export."""
    from isassist.register.importing import import_file

    reg = open_register(url)
    try:
        result = import_file(reg, file)
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()
    for note in result.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(f"Imported {result.companies} companies and {result.streams} streams from {file}.")
    for entry in result.not_understood:
        click.echo(
            f"Want not understood, so not imported: {entry!r}. Add it with `isassist register "
            "add-want` and a material family, or name the material more precisely."
        )


@register.command("pipeline")
@db_option
@click.option("--stage", help="Only opportunities at this stage.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def pipeline_cmd(url: str | None, stage: str | None, as_json: bool) -> None:
    """List the opportunities and the stage each has reached."""
    from isassist.register import Pipeline

    reg = open_register(url)
    try:
        found = Pipeline(reg).opportunities(stage)
        if as_json:
            echo_json([o.model_dump(mode="json") for o in found])
            return
        for o in found:
            click.echo(
                f"[{o.id}] {o.stage:12} have #{o.supply_id} -> want #{o.demand_id} "
                f"(since {o.updated_at:%Y-%m-%d})"
            )
        if not found:
            click.echo("No opportunities yet; open one with `isassist register open HAVE WANT`.")
    finally:
        reg.close()


@register.command("open")
@db_option
@click.argument("have", type=int)
@click.argument("want", type=int)
@click.option(
    "--note", default="", callback=lambda _c, _p, v: note_text(v), help="Why it is worth pursuing."
)
def open_cmd(url: str | None, have: int, want: int, note: str) -> None:
    """Open an opportunity between stream HAVE and stream WANT, scored as a match."""
    from isassist.register import Pipeline
    from isassist.register.search import matcher_for

    reg = open_register(url)
    try:
        supply, demand = reg.party(have), reg.party(want)
        from isassist.register.geo import great_circle_km

        distance = great_circle_km(supply.lat, supply.lon, demand.lat, demand.lon)
        matcher = matcher_for()
        assessed = matcher.assess(supply, demand, distance)
        pipeline = Pipeline(reg)
        opportunity = pipeline.open_pair(
            have,
            want,
            amount_per_year=assessed.amount if assessed else None,
            distance_km=distance,
            score=assessed.score if assessed else None,
            note=note,
        )
        click.echo(f"Opportunity {opportunity.id} opened as 'idea'.")
        if assessed is None:
            why = matcher.refusal(supply, demand, distance) or {}
            click.echo(
                "Note: the matcher does not see these two streams as a match"
                + (f": {why['en']}" if why else ".")
            )
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()


@register.command("move")
@db_option
@click.argument("opportunity", type=int)
@click.argument(
    "stage",
    type=click.Choice(["idea", "contacted", "feasibility", "agreed", "implemented", "dropped"]),
)
@click.option("--note", default="", callback=lambda _c, _p, v: note_text(v), help="What happened.")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), help="Date (YYYY-MM-DD).")
def move_cmd(url: str | None, opportunity: int, stage: str, note: str, on: Any) -> None:
    """Move OPPORTUNITY to STAGE, with a note and a date."""
    from isassist.register import Pipeline

    reg = open_register(url)
    try:
        when: date | None = on.date() if on is not None else None
        moved = Pipeline(reg).move(opportunity, stage, note, when)
        click.echo(f"Opportunity {moved.id} is now at '{moved.stage}'.")
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()


@register.command("impact")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def impact_cmd(url: str | None, as_json: bool) -> None:
    """Tonnes diverted, CO2e avoided and euros saved, realised and potential."""
    from isassist.register import Pipeline

    reg = open_register(url)
    try:
        report = Pipeline(reg).register_impact()
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()
    if as_json:
        echo_json(report)
        return
    for label in ("realised", "potential"):
        part = report[label]
        click.echo(
            f"{label:9}: {part['tonnes_diverted']:>10} t diverted, "
            f"{part['co2e_avoided_t']:>10} t CO2e avoided, EUR {part['eur_saved']:>10} saved"
        )
