"""Turn the folded answers into the facts of isassist.facts (one way: answers -> facts).

Derived properties (EWC chapters, families, hazardous, mirror, tonnes per year) are computed
here from the codes and quantities the user gave, so rules never need to know how a question
was worded or which unit was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isassist.facts import (
    STREAM_PROPERTIES,
    Answer,
    Company,
    Fact,
    Property,
    Stream,
    StreamKind,
    Value,
)
from isassist.interview.dialog import Dialog, Question
from isassist.interview.events import Answered
from isassist.interview.services import Services
from isassist.interview.state import Slot, State
from isassist.interview.wantfacts import want_facts

_KINDS: tuple[StreamKind, ...] = ("material", "heat", "water", "energy", "gas", "capacity")
_ENERGY_TO_MWH = {"MWh": 1.0, "kWh": 0.001, "GJ": 1 / 3.6, "GWh": 1000.0}
_POWER_TO_KW = {"W": 0.001, "kW": 1.0, "MW": 1000.0, "GW": 1_000_000.0}
"""A heat stream listed as "35 °C, 400 kW" gives a power, not an amount per year: it is the
stream's power (confirmed at the power question), never "400 kW/jaar"."""


@dataclass
class FactSet:
    """The facts of one moment plus per-stream property maps for conditions and the dossier."""

    facts: list[Fact] = field(default_factory=list)
    company: Company = field(default_factory=Company)
    properties: dict[str, dict[str, Value]] = field(default_factory=dict)
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    streams: dict[str, Stream] = field(default_factory=dict)


def _property_value(question: Question, name: str, answer: Answered) -> Value | None:
    value = answer.value
    kind = STREAM_PROPERTIES.get(name, ("str", ""))[0]
    if answer.status == "unknown":
        # a "weet niet" that is itself a finding (the dialog says which: legal status)
        if question.unknown_value is not None:
            return question.unknown_value
        return "unknown" if kind == "str" and question.type == "yesno" else None
    if value is None:
        return None
    if kind == "bool":
        return value == "yes" if isinstance(value, str) else bool(value)
    if kind == "number":
        return float(value) if isinstance(value, int | float) else None
    if kind == "list":
        return list(value) if isinstance(value, list) else [str(value)]
    return value if isinstance(value, str) else str(value)


def _company(state: State, dialog: Dialog, services: Services) -> Company:
    fields: dict[str, object] = {}
    for (qid, stream), answer in state.answers.items():
        question = dialog.question(qid)
        if stream is not None or question is None or answer.status != "known":
            continue
        target = (question.sets or "").removeprefix("company.")
        if not (question.sets or "").startswith("company."):
            continue
        if target == "location":
            # the parser wrote what the answer told: postcode, country (None when it could
            # not be told: no silent "Belgium"), province and the law area
            extra = answer.extra
            old_postcode = isinstance(answer.value, str) and answer.value.isdigit()
            fields["postcode"] = extra.get("postcode", answer.value if old_postcode else None)
            fields["region"] = extra.get("region")
            fields["country"] = extra.get("country")
            fields["jurisdiction"] = extra.get("jurisdiction") or services.law_area(
                extra.get("country"), extra.get("region")
            )
        elif target == "nace" and isinstance(answer.value, str):
            fields["nace"] = answer.value
            fields["nace_division"] = answer.value[:2]
        else:
            fields[target] = answer.value
    return Company.model_validate({k: v for k, v in fields.items() if v is not None})


def _ewc_properties(codes: list[str], services: Services, props: dict[str, Value]) -> None:
    props["ewc_chapter"] = sorted({c[:2] for c in codes})
    props["ewc_subchapter"] = sorted({c[:4] for c in codes})
    families = services.families(codes)
    if families:
        props["family"] = families
    flags = [services.ewc_flags(code) for code in codes]
    mirror = any(m for _, m in flags)
    props["mirror"] = mirror
    if any(h for h, _ in flags):
        # an asterisk entry is hazardous by definition, mirror entry or not
        props["hazardous"] = "yes"
    elif not mirror:
        props["hazardous"] = "no"


def _derived_power(kind: str, props: dict[str, Value], units: dict[str, str]) -> None:
    """Heat power from the yearly energy and the hours, or the yearly energy from the power
    and the hours: the interview asks the power only when the energy is not known, the heat
    rules reason on kW and the register on MWh/jaar. An energy worked out from the power is
    marked ``energy_estimated`` (the hours are the contact's estimate)."""
    energy = props.get("energy_mwh_per_year")
    hours = props.get("hours_per_year")
    power = props.get("power_kw")
    if kind != "heat" or not isinstance(hours, int | float) or hours <= 0:
        return
    if "power_kw" not in props and isinstance(energy, int | float):
        props["power_kw"] = round(float(energy) * 1000 / float(hours), 1)
        units["power_kw"] = "kW"
    elif energy is None and isinstance(power, int | float):
        props["energy_mwh_per_year"] = round(float(power) * float(hours) / 1000, 1)


def build_facts(
    dialog: Dialog, state: State, services: Services, parked: frozenset[str] = frozenset()
) -> FactSet:
    """All facts of the interview as it stands; cheap enough to run after every answer."""
    result = FactSet(company=_company(state, dialog, services))
    result.facts.append(result.company)
    per_stream: dict[str, list[tuple[Question, Answered]]] = {}
    for (qid, owner), answer in state.answers.items():
        question = dialog.question(qid)
        if question is not None and owner is not None:
            per_stream.setdefault(owner, []).append((question, answer))
    for entry in state.active_streams:
        props: dict[str, Value] = {}
        units: dict[str, str] = {}
        kind: StreamKind = "material"
        answered = per_stream.get(entry.id, [])
        # codes first so that explicit answers (e.g. hazardous for a mirror entry) win
        answered.sort(key=lambda qa: qa[0].type != "code")
        for question, answer in answered:
            name = question.sets
            if name is None or name.startswith("company."):
                continue
            if name == "kind":
                kind = next((k for k in _KINDS if k == answer.value), kind)
                continue
            value = _property_value(question, name, answer)
            if value is None:
                continue
            power = _POWER_TO_KW.get(answer.unit or "") if question.type == "quantity" else None
            if power is not None and isinstance(value, float):
                if "power_kw" not in props:
                    props["power_kw"] = round(value * power, 3)
                    units["power_kw"] = "kW"
                continue
            if name == "hazardous" and props.get("hazardous") == "yes":
                continue
            props[name] = value
            if name == "ewc" and isinstance(value, list):
                _ewc_properties(value, services, props)
            if question.type == "quantity" and answer.unit:
                props["quantity_unit"] = answer.unit
                tonnes = answer.extra.get("tonnes_per_year")
                if isinstance(tonnes, int | float):
                    props["tonnes_per_year"] = float(tonnes)
                factor = _ENERGY_TO_MWH.get(answer.unit)
                if factor is not None and isinstance(value, float):
                    props["energy_mwh_per_year"] = value * factor
            elif question.unit:
                units[name] = question.unit
        _derived_power(kind, props, units)
        if entry.id in parked:
            # a stream left at step 1 gets no code question: its name gives its families and
            # so its routes; a stream still to be worked out waits for its code (no routes,
            # and no gaps waiting on them, the moment it is named)
            _families_from_name(entry.name, kind, props, result.company, services)
        _cross_border(props, result.company.country)
        _catering_waste(props, result.company.nace_division)
        stream = Stream(id=entry.id, name=entry.name, kind=kind)
        result.streams[entry.id] = stream
        result.properties[entry.id] = {"kind": kind, **props}
        result.units[entry.id] = units
        result.facts.append(stream)
        for name, value in props.items():
            result.facts.append(
                Property(
                    id=f"{entry.id}.{name}",
                    stream=entry.id,
                    name=name,
                    value=value,
                    unit=units.get(name),
                )
            )
    result.facts.extend(want_facts(state, services, result.company, result.company.language))
    result.facts.extend(_answer_facts(state))
    return result


def _families_from_name(
    name: str, kind: StreamKind, props: dict[str, Value], company: Company, services: Services
) -> None:
    """A material stream without an EWC code that stopped at step 1 takes its material
    families from the classifier's first code for its name, so the routes of its family are
    proposed; the code itself is not set (the broker decides it)."""
    if kind != "material" or "family" in props or "ewc" in props:
        return
    found = services.search_codes("ewc", name, company.language, company.nace, kind)
    families = services.families([found[0].code]) if found else []
    if families:
        props["family"] = families


# destination_country offers these countries by name; "other" is none of them
_NAMED_DESTINATIONS = frozenset({"BE", "NL", "FR", "DE", "LU"})


def _cross_border(props: dict[str, Value], country: str | None) -> None:
    """Whether the receiver is abroad, seen from where the company is (not from Belgium):
    shipment rules follow the border, so a Dutch company sending to Belgium crosses one."""
    destination = props.get("destination_country")
    if not isinstance(destination, str) or country is None:
        return
    if destination == "other":
        if country in _NAMED_DESTINATIONS:
            props["cross_border"] = True
        return
    props["cross_border"] = destination != country


_FOOD_FAMILIES = frozenset({"food_waste", "vegetable_residue", "edible_oil"})


def _catering_waste(props: dict[str, Value], nace_division: str | None) -> None:
    """Food residues of a hotel, restaurant or caterer (NACE 55, 56) are catering waste
    (Reg. 142/2011 Annex I point 22), which may never be fed to farmed animals
    (Reg. 1069/2009 art. 11(1)(b)); rules test this property's absence before offering feed."""
    families = props.get("family")
    food = isinstance(families, list) and bool(_FOOD_FAMILIES.intersection(families))
    if nace_division in ("55", "56") and food:
        props["catering_waste"] = True


def _answer_facts(state: State) -> list[Answer]:
    active = {s.id for s in state.active_streams}
    facts: list[Answer] = []
    slots: list[Slot] = [*state.answers, *sorted(state.skipped, key=str)]
    for qid, stream in slots:
        if stream is not None and stream not in active:
            continue
        answer = state.answers.get((qid, stream))
        facts.append(
            Answer(
                id=f"{qid}.{stream}" if stream else qid,
                question=qid,
                stream=stream,
                value=answer.value if answer is not None else None,
                status=answer.status if answer is not None else "skipped",
            )
        )
    return facts
