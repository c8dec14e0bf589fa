"""The dossier: the result of an interview as a versioned JSON document.

Reports, the TUI and exports read this schema, never the engine's internals, so it is
versioned: ``schema_version`` changes when a field changes meaning; fields are only ever
*added* (optional, with a default) within one version, so a version-1 reader still reads a
newer version-1 dossier and an older file still validates. The export file of
isassist.store carries the dossier next to the answer log, so an imported interview can be
resumed, not just read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from isassist.facts import Value

SCHEMA_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when first used


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
    worked_out: bool = True
    """False for a stream the 4-quadrant funnel left at step 1 ("not worked out")."""
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


class RankedGapOut(_Out):
    """A knowledge gap that matters now, ranked within its stream (``top``: shown first)."""

    rule_id: str
    stream: str | None = None
    question: str | None = None
    severity: str = ""
    title: dict[str, str] = {}
    unlocks: int = 0
    rank: int
    top: bool


class SharedOut(_Out):
    """A conclusion drawn alike for several streams, to be said once."""

    rule_id: str
    title: dict[str, str] = {}
    streams: list[str]


class ProgressOut(_Out):
    """The one progress measure: applicable questions answered (or skipped) of all."""

    done: int
    total: int


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
    ranked_gaps: list[RankedGapOut] = []
    """The knowledge gaps that matter, best first per stream; ``top`` ones shown by default."""
    shared_conclusions: list[SharedOut] = []
    progress: ProgressOut | None = None
