"""The dossier: the result of an interview as a versioned JSON document.

Reports, the TUI and exports read this schema, never the engine's internals, so it is
versioned: ``schema_version`` changes when a field changes meaning; fields are only ever
*added* (optional, with a default) within one version, so a version-1 reader still reads a
newer version-1 dossier and an older file still validates. The export file of
isassist.store carries the dossier next to the answer log, so an imported interview can be
resumed, not just read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from isassist.facts import Value
from isassist.interview.conditions import holds

if TYPE_CHECKING:
    from isassist.interview.dialog import Section
    from isassist.interview.engine import Interview

SCHEMA_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Location(_Out):
    postcode: str | None = None
    locality: str | None = None
    region: str | None = None
    country: str | None = None  # None: the location did not tell the country
    jurisdiction: str = "unknown"  # the law area the dossier's legal conclusions follow
    lat: float | None = None
    lon: float | None = None


class CompanyOut(_Out):
    name: str = ""
    activity: str | None = None
    nace: str | None = None
    location: Location = Location()
    mode: str = "broker"
    language: str = "nl"


class QuantityOut(_Out):
    value: float
    unit: str


class PathStep(_Out):
    """One node of the valorisation flowchart: where the path went and why."""

    node: str
    title: str
    outcome: Literal["pass", "attention", "stop", "open"]
    why: str


class CanvasBlock(_Out):
    block: str
    status: Literal["confirmed", "edited", "rejected", "pending"]
    text: str


class NetworkOut(_Out):
    """With whom a stream could be exchanged (step 3) and on what terms (step 4), as answered.

    Choice answers keep their option value (``who_pays: receiver``); a report words them with
    the dialog's option labels.
    """

    own_use: str | None = None
    exchange_interest: bool | None = None
    same: str | None = None
    complementary: str | None = None
    interest: str | None = None
    who_pays: str | None = None
    partner: str | None = None


# NetworkOut field -> the dialog question that fills it
NETWORK_QUESTIONS: dict[str, str] = {
    "own_use": "own_use",
    "exchange_interest": "exchange_interest",
    "same": "network_same",
    "complementary": "network_complementary",
    "interest": "network_interest",
    "who_pays": "who_pays",
    "partner": "partner",
}


class StreamOut(_Out):
    id: str
    name: str
    kind: str
    description: str | None = None
    ewc: list[str] = []
    cpa: list[str] = []
    cas: list[str] = []
    family: list[str] = []
    hazardous: str | None = None
    mirror: bool | None = None
    quantity_per_year: QuantityOut | None = None
    tonnes_per_year: float | None = None
    properties: dict[str, Value] = {}
    path: list[PathStep] = []
    canvas: list[CanvasBlock] = []
    network: NetworkOut | None = None
    answers: dict[str, Value] = Field(
        default={},
        description="known answers to this stream's questions that fill no stream property "
        "(canvas blocks excepted), keyed by question id",
    )


class ConclusionOut(_Out):
    rule_id: str
    kind: str
    category: str
    severity: str = ""
    priority: str = ""
    title: dict[str, str] = {}
    text: dict[str, str]
    source: str
    stream_id: str | None = None
    data: dict[str, Any] = {}


class GapOut(_Out):
    question: str
    stream: str | None = None


class NoteOut(_Out):
    question: str
    stream: str | None = None
    text: str


class Dossier(_Out):
    schema_version: Literal[1] = 1
    interview_id: str
    created: datetime | None = None
    updated: datetime | None = None
    mode: str
    language: str
    company: CompanyOut
    value_map: dict[str, str] = {}
    wants: dict[str, str] = {}
    """What the company itself looks for (section ``wants``): the other side of an exchange,
    read by the broker register."""
    streams: list[StreamOut] = []
    conclusions: list[ConclusionOut] = []
    knowledge_gaps: list[GapOut] = []
    notes: list[NoteOut] = []


def _strings(value: Value | None) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _company(interview: Interview) -> CompanyOut:
    company = interview.facts.company
    location = Location(
        country=company.country, region=company.region, jurisdiction=company.jurisdiction
    )
    for (qid, stream), answer in interview.state.answers.items():
        question = interview.dialog.question(qid)
        if stream is None and question is not None and question.sets == "company.location":
            extra = answer.extra
            location = Location(
                postcode=company.postcode,
                locality=str(extra["locality"]) if "locality" in extra else None,
                region=company.region,
                country=company.country,
                jurisdiction=company.jurisdiction,
                lat=float(extra["lat"]) if isinstance(extra.get("lat"), int | float) else None,
                lon=float(extra["lon"]) if isinstance(extra.get("lon"), int | float) else None,
            )
    activity = interview.state.answers.get(("activity", None))
    known = activity is not None and activity.status == "known" and activity.value is not None
    return CompanyOut(
        name=company.name,
        activity=str(activity.value) if known and activity is not None else None,
        nace=company.nace,
        location=location,
        mode=interview.mode,
        language=interview.lang,
    )


def flowchart_path(interview: Interview, stream: str) -> list[PathStep]:
    """Walk the step-4 nodes for ``stream``: the first outcome that holds decides each node."""
    lang = interview.lang
    scope = interview.scope(stream)
    steps: list[PathStep] = []
    for section in interview.dialog.sections:
        for node in section.flowchart:
            outcome = next((o for o in node.outcomes if holds(o.when, scope)), None)
            steps.append(
                PathStep(
                    node=node.id,
                    title=node.title.get(lang),
                    outcome=outcome.go if outcome else "open",
                    why=outcome.why.get(lang)
                    if outcome
                    else ("nog niet beantwoord" if lang == "nl" else "not answered yet"),
                )
            )
    return steps


def _canvas(interview: Interview, stream: str) -> list[CanvasBlock]:
    blocks: list[CanvasBlock] = []
    for section in interview.dialog.sections:
        for question in section.questions:
            if question.type != "canvas" or question.block is None:
                continue
            draft = interview.canvas_draft(question.block, stream) or ""
            answer = interview.state.answers.get((question.id, stream))
            status: Literal["confirmed", "edited", "rejected", "pending"] = "pending"
            text = draft
            if answer is not None and answer.value in ("confirmed", "rejected", "edited"):
                status = answer.value  # type: ignore[assignment]
                text = str(answer.extra.get("text", draft))
            if draft or answer is not None:
                blocks.append(CanvasBlock(block=question.block, status=status, text=text))
    return blocks


def _unset_answers(interview: Interview, stream: str) -> dict[str, Value]:
    """Known answers of ``stream`` that no property carries: without this the dossier would
    drop the description, the network and deal answers and every free text of step 2-4."""
    found: dict[str, Value] = {}
    for (qid, sid), answer in interview.state.answers.items():
        question = interview.dialog.question(qid)
        if (
            sid != stream
            or answer.status != "known"
            or answer.value is None
            or question is None
            or question.sets is not None
            or question.type == "canvas"
        ):
            continue
        found[qid] = answer.value
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


def _stream(interview: Interview, sid: str) -> StreamOut:
    stream = interview.facts.streams[sid]
    props = dict(interview.facts.properties.get(sid, {}))
    props.pop("kind", None)
    quantity = props.get("quantity_per_year")
    unit = props.get("quantity_unit")
    tonnes = props.get("tonnes_per_year")
    hazardous = props.get("hazardous")
    mirror = props.get("mirror")
    answers = _unset_answers(interview, sid)
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
        path=flowchart_path(interview, sid),
        canvas=_canvas(interview, sid),
        network=_network(answers),
        answers=answers,
    )


WANTS_SECTION = "wants"


def _company_answers(interview: Interview, keep: Callable[[Section], bool]) -> dict[str, str]:
    """Known company-level answers of the sections ``keep`` selects, as text."""
    return {
        qid: "; ".join(answer.value) if isinstance(answer.value, list) else str(answer.value)
        for (qid, stream), answer in interview.state.answers.items()
        if stream is None
        and answer.status == "known"
        and (section := interview.dialog.section_of(qid)) is not None
        and keep(section)
    }


def build_dossier(interview: Interview) -> Dossier:
    """The dossier of ``interview`` as it stands now."""
    state = interview.state
    value_map = _company_answers(interview, lambda section: section.step == 1)
    wants = _company_answers(interview, lambda section: section.id == WANTS_SECTION)
    active = {s.id for s in state.active_streams}
    gaps = [
        GapOut(question=qid, stream=stream)
        for (qid, stream), answer in state.answers.items()
        if answer.status == "unknown" and (stream is None or stream in active)
    ]
    return Dossier(
        interview_id=interview.id,
        created=interview.created_at,
        updated=interview.updated_at,
        mode=interview.mode,
        language=interview.lang,
        company=_company(interview),
        value_map=value_map,
        wants=wants,
        streams=[_stream(interview, s.id) for s in state.active_streams],
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
            for c in interview.conclusions
        ],
        knowledge_gaps=gaps,
        notes=[NoteOut(question=n.question, stream=n.stream, text=n.text) for n in state.notes],
    )
