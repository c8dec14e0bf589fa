"""The life of an opportunity: idea → contacted → feasibility → agreed → implemented, or dropped.

Every move is an event with a date and a note, never an edit, so a broker can show a funder
when each step happened and why a deal fell through. Moving forward may skip a stage (a
company that says yes on the first call goes from idea to agreed); moving back is refused
because it usually means a typo, and a dropped opportunity can only be revived as a new idea.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, insert, select, update

from isassist.register import tables as t
from isassist.register.errors import RegisterError
from isassist.register.impact import Co2Factors, Impact, impact_of, load_co2_factors
from isassist.register.matching import Match
from isassist.register.store import Register, now

Stage = Literal["idea", "contacted", "feasibility", "agreed", "implemented", "dropped"]
STAGES: tuple[Stage, ...] = ("idea", "contacted", "feasibility", "agreed", "implemented")
DROPPED: Stage = "dropped"
ALL_STAGES: tuple[Stage, ...] = (*STAGES, DROPPED)


class Opportunity(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    supply_id: int
    demand_id: int | None
    receiver_id: int | None
    stage: Stage
    amount_per_year: float | None
    distance_km: float | None
    score: float | None
    created_at: datetime
    updated_at: datetime


class PipelineEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    seq: int
    at: datetime
    stage: Stage
    note: str


def move_problem(current: Stage, wanted: str) -> str | None:
    """Why ``current`` cannot move to ``wanted``, or None when it can."""
    if wanted not in ALL_STAGES:
        return f"{wanted!r} is not a stage; stages are {', '.join(ALL_STAGES)}"
    if current == "implemented":
        return "the opportunity is implemented; that is final"
    if current == DROPPED:
        return None if wanted == "idea" else "a dropped opportunity can only be revived as 'idea'"
    if wanted == DROPPED:
        return None
    if STAGES.index(wanted) <= STAGES.index(current):
        return f"it is at '{current}' already; a stage can only move forward (or to 'dropped')"
    return None


def _moment(on: date | datetime | None) -> datetime:
    if on is None:
        return now()
    if isinstance(on, datetime):
        return on if on.tzinfo else on.replace(tzinfo=UTC)
    return datetime(on.year, on.month, on.day, 12, tzinfo=UTC)


class Pipeline:
    """Opportunities of one register and their history."""

    def __init__(self, register: Register) -> None:
        self.register = register

    def open(self, match: Match, note: str = "") -> Opportunity:
        """Record a match as a new idea."""
        a = match.assessment
        return self.open_pair(
            match.supply.stream.id,
            match.demand.stream.id,
            amount_per_year=a.amount,
            distance_km=a.distance_km,
            score=a.score,
            note=note,
        )

    def open_pair(
        self,
        supply_id: int,
        demand_id: int | None,
        *,
        amount_per_year: float | None = None,
        distance_km: float | None = None,
        score: float | None = None,
        note: str = "",
        on: date | datetime | None = None,
    ) -> Opportunity:
        supply = self.register.stream(supply_id)
        if supply.side != "have":
            raise RegisterError(f"Stream {supply_id} is a want; an opportunity starts from a have.")
        receiver = None
        if demand_id is not None:
            demand = self.register.stream(demand_id)
            if demand.side != "want":
                raise RegisterError(f"Stream {demand_id} is a have; give the receiver's want.")
            receiver = demand.company_id
        stamp = _moment(on)
        with self.register.writing() as conn:
            # one pair, one opportunity: opening it again is refused, not duplicated
            same = t.opportunities.c.demand_id
            already = conn.execute(
                select(t.opportunities.c.id, t.opportunities.c.stage).where(
                    t.opportunities.c.supply_id == supply_id,
                    same.is_(None) if demand_id is None else same == demand_id,
                    t.opportunities.c.stage != DROPPED,
                )
            ).first()
            if already is not None:
                raise RegisterError(
                    f"Opportunity {already.id} already pairs stream {supply_id} with "
                    f"{demand_id if demand_id is not None else 'no want'} (stage "
                    f"'{already.stage}'); follow it up with `isassist register move "
                    f"{already.id} STAGE`."
                )
            new_id = conn.execute(
                insert(t.opportunities)
                .values(
                    supply_id=supply_id,
                    demand_id=demand_id,
                    receiver_id=receiver,
                    stage="idea",
                    amount_per_year=amount_per_year,
                    distance_km=distance_km,
                    score=score,
                    created_at=stamp,
                    updated_at=stamp,
                )
                .returning(t.opportunities.c.id)
            ).scalar_one()
            conn.execute(
                insert(t.pipeline_events).values(
                    opportunity_id=new_id, seq=1, at=stamp, stage="idea", note=note
                )
            )
        return self.get(new_id)

    def get(self, opportunity_id: int) -> Opportunity:
        with self.register.reading() as conn:
            row = (
                conn.execute(select(t.opportunities).where(t.opportunities.c.id == opportunity_id))
                .mappings()
                .first()
            )
        if row is None:
            raise RegisterError(
                f"There is no opportunity {opportunity_id}; "
                "`isassist register pipeline` lists them."
            )
        return Opportunity.model_validate(dict(row))

    def opportunities(self, stage: str | None = None) -> list[Opportunity]:
        query = select(t.opportunities).order_by(t.opportunities.c.id)
        if stage is not None:
            query = query.where(t.opportunities.c.stage == stage)
        with self.register.reading() as conn:
            return [Opportunity.model_validate(dict(r)) for r in conn.execute(query).mappings()]

    def move(
        self, opportunity_id: int, stage: str, note: str = "", on: date | datetime | None = None
    ) -> Opportunity:
        """Move to ``stage`` with a note; the date defaults to now."""
        current = self.get(opportunity_id)
        problem = move_problem(current.stage, stage)
        if problem:
            raise RegisterError(
                f"Opportunity {opportunity_id} cannot move to {stage!r}: {problem}."
            )
        self._event(opportunity_id, stage, note, _moment(on))
        return self.get(opportunity_id)

    def note(self, opportunity_id: int, text: str, on: date | datetime | None = None) -> None:
        """A note without a change of stage (a call, a sample sent, ...)."""
        current = self.get(opportunity_id)
        self._event(opportunity_id, current.stage, text, _moment(on))

    def _event(self, opportunity_id: int, stage: str, note: str, at: datetime) -> None:
        with self.register.writing() as conn:
            seq = conn.execute(
                select(func.coalesce(func.max(t.pipeline_events.c.seq), 0)).where(
                    t.pipeline_events.c.opportunity_id == opportunity_id
                )
            ).scalar_one()
            conn.execute(
                insert(t.pipeline_events).values(
                    opportunity_id=opportunity_id, seq=int(seq) + 1, at=at, stage=stage, note=note
                )
            )
            conn.execute(
                update(t.opportunities)
                .where(t.opportunities.c.id == opportunity_id)
                .values(stage=stage, updated_at=at)
            )

    def history(self, opportunity_id: int) -> list[PipelineEvent]:
        self.get(opportunity_id)
        with self.register.reading() as conn:
            rows = conn.execute(
                select(t.pipeline_events)
                .where(t.pipeline_events.c.opportunity_id == opportunity_id)
                .order_by(t.pipeline_events.c.seq)
            ).mappings()
            return [
                PipelineEvent.model_validate({k: v for k, v in r.items() if k != "opportunity_id"})
                for r in rows
            ]

    # -- impact ------------------------------------------------------------------------------

    def impact(self, opportunity: Opportunity, factors: Co2Factors | None = None) -> Impact:
        supply = self.register.stream(opportunity.supply_id)
        demand = (
            self.register.stream(opportunity.demand_id)
            if opportunity.demand_id is not None
            else None
        )
        return impact_of(
            supply,
            demand,
            opportunity.amount_per_year,
            opportunity.distance_km or 0.0,
            factors or load_co2_factors(),
        )

    def register_impact(self) -> dict[str, Any]:
        """Per opportunity and summed: 'realised' (implemented) and 'potential' (open ones)."""
        factors = load_co2_factors()
        realised, potential = Impact(), Impact()
        rows = []
        for opportunity in self.opportunities():
            if opportunity.stage == DROPPED:
                continue
            found = self.impact(opportunity, factors)
            (realised if opportunity.stage == "implemented" else potential).add(found)
            rows.append(
                {"opportunity": opportunity.id, "stage": opportunity.stage, **found.as_json()}
            )
        return {
            "opportunities": rows,
            "realised": realised.as_json(),
            "potential": potential.as_json(),
        }
