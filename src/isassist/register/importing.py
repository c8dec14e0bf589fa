"""Bringing companies into the register: a broker's spreadsheet, a register file, an interview.

Brokers keep lists in Excel, so CSV (one row per stream, company columns repeated) is the main
door; a row that does not fit is refused with its line, column and what would be right, and
nothing of the file is stored (one transaction). Interviews enter through their export: the
company and each characterised stream of the dossier become haves, the answers to the wants
questions wants, replacing what an earlier import of the same interview put in.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from isassist.dossier import Dossier
from isassist.register import door
from isassist.register import tables as t
from isassist.register.errors import RegisterError
from isassist.register.models import NewCompany, NewStream
from isassist.register.store import Register, name_key
from isassist.register.wants import WANT_QUESTIONS, wants_answers_from_log, wants_from_answers
from isassist.terminal import strip_controls

REGISTER_FORMAT = "isassist.register"
COMPANY_COLUMNS = ("company", "nace", "postcode", "country", "lat", "lon")
_NUMBERS = {"lat", "lon", "amount_per_year", "temperature_c", "power_kw"}
_NUMBERS |= {"disposal_cost_eur_per_t", "market_price_eur_per_t"}


@dataclass(frozen=True)
class RegisterImport:
    companies: int
    streams: int
    not_understood: tuple[str, ...] = ()
    """Wants typed in an interview that named nothing the register can match on."""
    notes: tuple[str, ...] = ()
    """What the user should know about how the file was read (its encoding)."""


def import_file(register: Register, path: Path) -> RegisterImport:
    """Import ``path`` by its kind: .csv, a register JSON or an interview export.

    The file is read within limits and checked whole (shape, values, codes) before one
    transaction stores all of it; any problem leaves the register as it was."""
    raw = door.read_bytes(path)
    if path.suffix.lower() == ".csv":
        text, note = door.csv_text(raw, str(path))
        result = import_rows(register, door.csv_rows(text, str(path)), str(path))
        return replace(result, notes=(note,)) if note else result
    document = door.json_document(raw, str(path))
    kind = document.get("format") if isinstance(document, dict) else None
    if isinstance(document, dict) and kind == "isassist.interview":
        dossier = document.get("dossier")
        if not isinstance(dossier, dict):
            raise RegisterError(
                f"{path} is an interview export without a dossier; export it again with "
                "`isassist interviews export`, which includes the dossier."
            )
        try:
            typed = Dossier.model_validate(dossier)
        except ValidationError as error:
            problem = error.errors()[0]
            raise RegisterError(
                f"{path}: dossier.{'.'.join(str(p) for p in problem['loc'])}: {problem['msg']}; "
                "export the interview again with `isassist interviews export`."
            ) from error
        events = document.get("events")
        answers = wants_answers_from_log(events if isinstance(events, list) else [])
        try:
            return import_dossier(register, typed, answers)
        except (AttributeError, TypeError, KeyError) as error:
            raise RegisterError(
                f"{path}: the dossier of this interview export does not have the expected "
                f"shape ({type(error).__name__}); export the interview again with "
                "`isassist interviews export`."
            ) from None
    if isinstance(document, dict) and kind == REGISTER_FORMAT:
        return import_rows(register, door.register_rows(document, str(path)), str(path))
    raise RegisterError(
        f"{path}: unknown JSON format {reprlib.repr(kind)}; expected {REGISTER_FORMAT!r} or "
        "'isassist.interview'."
    )


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in row.items():
        if key is None:
            continue
        if isinstance(value, str):
            value = strip_controls(value)
            if value == "":
                continue
            if key in _NUMBERS:
                value = value.replace(",", ".")
        cleaned[strip_controls(str(key))] = value
    return cleaned


def import_rows(register: Register, rows: list[dict[str, Any]], source: str) -> RegisterImport:
    """Validate every row first (values, then codes against the knowledge base), then store
    all of them or none."""
    companies: dict[str, tuple[NewCompany, list[NewStream]]] = {}
    problems: list[str] = []
    for line, raw in enumerate(rows, start=2):
        row = _clean(raw)
        name = row.get("company")
        if not name:
            problems.append(f"{source}:{line}: the company column is empty; name the company.")
            continue
        try:
            company = NewCompany.model_validate(
                {"name": name, **{k: row[k] for k in COMPANY_COLUMNS[1:] if k in row}}
            )
            stream = NewStream.model_validate(
                {**{k: v for k, v in row.items() if k not in COMPANY_COLUMNS}, "origin": "import"}
            )
        except ValidationError as error:
            problem = error.errors()[0]
            column = ".".join(str(p) for p in problem["loc"])
            problems.append(
                f"{source}:{line}: column {column}: {problem['msg']} "
                f"(found {reprlib.repr(problem.get('input'))})"
            )
            continue
        problems += [
            f"{source}:{line}: {problem}"
            for problem in door.code_problems(register.knowledge, company, stream)
        ]
        key = name_key(company.name)
        companies.setdefault(key, (company, []))[1].append(stream)
    if len(problems) == 1:
        raise RegisterError(problems[0])
    if problems:
        raise RegisterError(door.summary(problems, source))
    added = streams = 0
    with register.writing() as conn:
        for company, new in companies.values():
            existing = conn.execute(
                select(t.companies.c.id).where(t.companies.c.name_key == name_key(company.name))
            ).scalar_one_or_none()
            company_id = existing
            if company_id is None:
                company_id = register.insert_company(conn, company).id
                added += 1
            streams += len(register.insert_streams(conn, company_id, new))
    return RegisterImport(added, streams)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


AVAILABILITY = ("year_round", "seasonal", "irregular")
_REGISTER_UNITS = ("t", "m3", "MWh", "Nm3", "h")


def _choice(value: object, allowed: tuple[str, ...], default: str | None) -> str | None:
    """``value`` if the register knows it, else ``default`` (the dossier keeps free answers)."""
    return value if isinstance(value, str) and value in allowed else default


def dossier_streams(dossier: Dossier) -> list[NewStream]:
    """The haves an interview's dossier describes (its wants come from the answer log)."""
    found: list[NewStream] = []
    for stream in dossier.streams:
        props = stream.properties
        quantity = stream.quantity_per_year
        amount = _number(stream.tonnes_per_year)
        unit: str | None = "t" if amount is not None else None
        if amount is None and stream.kind != "material":
            energy = _number(props.get("energy_mwh_per_year"))
            amount = energy or (quantity.value if quantity is not None else None)
            wh = props.get("energy_mwh_per_year")
            unit = "MWh" if wh else (quantity.unit if quantity is not None else None)
        elif amount is None and quantity is not None and quantity.unit in _REGISTER_UNITS:
            # a material given in m³ (whey, slurry) whose tonnes are not known: its own figure
            amount, unit = quantity.value, quantity.unit
        found.append(
            NewStream.model_validate(
                {
                    "side": "have",
                    "kind": stream.kind,
                    "name": stream.name or stream.id,
                    "families": stream.family,
                    "ewc": stream.ewc,
                    "cpa": stream.cpa,
                    "hazardous": _choice(stream.hazardous, ("yes", "no"), "unknown"),
                    "amount_per_year": amount,
                    "unit": _choice(unit, _REGISTER_UNITS, None),
                    "temperature_c": _number(props.get("temperature_c")),
                    "power_kw": _number(props.get("power_kw")),
                    "availability": _choice(
                        props.get("availability"),
                        ("year_round", "seasonal", "irregular"),
                        "unknown",
                    ),
                    "current_route": props.get("current_route"),
                    "disposal_cost_eur_per_t": _number(props.get("disposal_cost_eur_per_t")),
                    "market_price_eur_per_t": _number(props.get("market_price_eur_per_t")),
                    "origin": "interview",
                    "source_ref": stream.id,
                }
            )
        )
    return found


@dataclass(frozen=True)
class InterviewEntry:
    """What one interview puts in the register: its company, haves and wants."""

    interview_id: str
    company: NewCompany
    streams: tuple[NewStream, ...]
    not_understood: tuple[str, ...] = ()


def interview_entry(
    dossier: Dossier, wants_answers: Mapping[str, str] | None = None
) -> InterviewEntry:
    """The company, the streams as haves and the wants (the answers to ``WANT_QUESTIONS``:
    given, or else from the dossier's value map) an interview's dossier describes."""
    interview_id = dossier.interview_id
    company = dossier.company
    location = company.location
    name = company.name.strip()
    if not name:
        raise RegisterError(
            f"Interview {interview_id} has no company name yet; answer that question first."
        )
    try:
        new_company = NewCompany(
            name=name,
            nace=company.nace,
            postcode=location.postcode,
            country=location.country or "BE",
            lat=location.lat,
            lon=location.lon,
            interview_id=interview_id or None,
        )
        haves = dossier_streams(dossier)
        # dossiers written before the `wants` field carried these answers in the value map
        answered = dossier.wants or dossier.value_map
        if wants_answers is None:
            wants_answers = {q: str(answered[q]) for q in WANT_QUESTIONS if q in answered}
        wants = wants_from_answers(wants_answers, dossier.language or "nl", new_company.nace)
    except ValidationError as error:
        problem = error.errors()[0]
        raise RegisterError(
            f"Interview {interview_id}: {'.'.join(str(p) for p in problem['loc'])}: "
            f"{problem['msg']}"
        ) from error
    return InterviewEntry(
        interview_id, new_company, (*haves, *wants.wants), tuple(wants.not_understood)
    )


def import_dossier(
    register: Register, dossier: Dossier, wants_answers: Mapping[str, str] | None = None
) -> RegisterImport:
    """Put an interview's company, haves and wants in the register (``interview_entry``),
    updating what an earlier import put in."""
    return store_entry(register, interview_entry(dossier, wants_answers))


def store_entry(register: Register, entry: InterviewEntry) -> RegisterImport:
    """Store an interview's entry: its company found by interview or name (and its sector and
    place updated), its streams updated in place, new ones added, removed ones deleted."""
    added = 0
    with register.writing() as conn:
        existing = conn.execute(
            select(t.companies.c.id).where(
                (t.companies.c.interview_id == entry.interview_id)
                | (t.companies.c.name_key == name_key(entry.company.name))
            )
        ).scalar()
        if existing is None:
            existing = register.insert_company(conn, entry.company).id
            added = 1
        else:
            register.update_company(conn, existing, entry.company)
        written = register.replace_interview_streams(conn, existing, entry.streams)
    return RegisterImport(added, written, entry.not_understood)
