"""Build the dossier from an interview's read model (``InterviewRecord``).

One way: answers -> facts -> rules -> dossier. The builders read only the record, so the same
dossier comes out of a live interview, a resumed one or a test's hand-made record.
"""

from __future__ import annotations

from collections.abc import Callable

from isassist.dossier.schema import (
    NETWORK_QUESTIONS,
    CompanyOut,
    ConclusionOut,
    Dossier,
    GapOut,
    Location,
    NetworkOut,
    QuantityOut,
    StreamOut,
)
from isassist.dossier.source import AnswerRecord, InterviewRecord
from isassist.facts import Stream, Value

WANTS_SECTION = "wants"


def _strings(value: Value | None) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _company(record: InterviewRecord) -> CompanyOut:
    company = record.company
    location = Location(country=company.country, region=company.region)
    for answer in record.answers.values():
        if answer.stream is None and answer.sets == "company.location":
            extra = answer.extra
            location = Location(
                postcode=company.postcode,
                locality=str(extra["locality"]) if "locality" in extra else None,
                region=company.region,
                country=company.country,
                lat=float(extra["lat"]) if isinstance(extra.get("lat"), int | float) else None,
                lon=float(extra["lon"]) if isinstance(extra.get("lon"), int | float) else None,
            )
    activity = record.answers.get(("activity", None))
    known = activity is not None and activity.status == "known" and activity.value is not None
    return CompanyOut(
        name=company.name,
        activity=str(activity.value) if known and activity is not None else None,
        nace=company.nace,
        location=location,
        mode=record.mode,
        language=record.language,
    )


def _unset_answers(record: InterviewRecord, stream: str) -> dict[str, Value]:
    """Known answers of ``stream`` that no property carries: without this the dossier would
    drop the description, the network and deal answers and every free text of step 2-4."""
    found: dict[str, Value] = {}
    for answer in record.answers.values():
        if (
            answer.stream != stream
            or answer.status != "known"
            or answer.value is None
            or answer.section is None
            or answer.sets is not None
            or answer.canvas
        ):
            continue
        found[answer.question] = answer.value
    return found


def _network(answers: dict[str, Value]) -> NetworkOut | None:
    given = {f: answers[q] for f, q in NETWORK_QUESTIONS.items() if q in answers}
    if not given:
        return None
    interest = given.pop("exchange_interest", None)
    return NetworkOut(
        exchange_interest=interest in (True, "yes") if interest is not None else None,
        **{f: v if isinstance(v, str) else str(v) for f, v in given.items()},
    )


def _stream(record: InterviewRecord, stream: Stream) -> StreamOut:
    sid = stream.id
    props = dict(record.properties.get(sid, {}))
    props.pop("kind", None)
    quantity = props.get("quantity_per_year")
    unit = props.get("quantity_unit")
    tonnes = props.get("tonnes_per_year")
    hazardous = props.get("hazardous")
    mirror = props.get("mirror")
    answers = _unset_answers(record, sid)
    description = answers.get("description")
    return StreamOut(
        id=sid,
        name=stream.name,
        kind=stream.kind,
        description=str(description) if description is not None else None,
        ewc=_strings(props.get("ewc")),
        cpa=_strings(props.get("cpa")),
        cas=_strings(props.get("cas")),
        family=_strings(props.get("family")),
        hazardous=str(hazardous) if hazardous is not None else None,
        mirror=mirror if isinstance(mirror, bool) else None,
        quantity_per_year=QuantityOut(value=float(quantity), unit=str(unit))
        if isinstance(quantity, int | float) and unit
        else None,
        tonnes_per_year=float(tonnes) if isinstance(tonnes, int | float) else None,
        properties=props,
        path=list(record.paths.get(sid, ())),
        canvas=list(record.canvas.get(sid, ())),
        network=_network(answers),
        worked_out=sid in record.worked_out,
        answers=answers,
    )


def _company_answers(
    record: InterviewRecord, keep: Callable[[AnswerRecord], bool]
) -> dict[str, str]:
    """Known company-level answers that ``keep`` selects, as text."""
    return {
        answer.question: "; ".join(answer.value)
        if isinstance(answer.value, list)
        else str(answer.value)
        for answer in record.answers.values()
        if answer.stream is None
        and answer.status == "known"
        and answer.section is not None
        and keep(answer)
    }


def build_dossier(record: InterviewRecord) -> Dossier:
    """The dossier of the interview ``record`` describes, as it stands now."""
    active = {s.id for s in record.streams}
    gaps = [
        GapOut(question=answer.question, stream=answer.stream)
        for answer in record.answers.values()
        if answer.status == "unknown" and (answer.stream is None or answer.stream in active)
    ]
    return Dossier(
        interview_id=record.id,
        created=record.created,
        updated=record.updated,
        mode=record.mode,
        language=record.language,
        company=_company(record),
        value_map=_company_answers(record, lambda answer: answer.step == 1),
        wants=_company_answers(record, lambda answer: answer.section == WANTS_SECTION),
        streams=[_stream(record, s) for s in record.streams],
        conclusions=[
            ConclusionOut(
                rule_id=c.rule_id,
                kind=c.kind,
                category=c.category,
                severity=c.severity,
                priority=c.priority,
                title=c.title,
                text=c.text,
                source=c.source,
                stream_id=c.stream_id,
                data=c.data,
            )
            for c in record.conclusions
        ],
        knowledge_gaps=gaps,
        notes=list(record.notes),
        ranked_gaps=list(record.ranked_gaps),
        shared_conclusions=list(record.shared_conclusions),
        progress=record.progress,
    )
