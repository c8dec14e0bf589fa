"""How far and how strict matching is: tolerances a broker can change without touching code.

How far each kind of stream travels is knowledge (knowledge/transport_modes.csv, read by
``isassist.register.transport``); a run can only scale those limits, e.g. 0.5 for a broker
who wants nearby partners first.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from isassist.register.models import NewStream
from isassist.register.transport import reach_of, widest_reach_km


class MatchSettings(BaseModel):
    """Tolerances for one matching run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    distance_scale: float = Field(
        default=1.0, gt=0, le=10, description="multiplies every distance limit of the knowledge"
    )
    heat_exchanger_dt_k: float = Field(
        default=5.0, ge=0, description="a source must be this much hotter than the need"
    )
    heat_pump_lift_k: float = Field(
        default=40.0, ge=0, description="largest gap a heat pump is assumed to bridge"
    )
    heat_pump_max_c: float = Field(
        default=100.0,
        ge=0,
        description="hottest supply a mature industrial heat pump delivers (IEA HPT Annex 58)",
    )
    weak_hints: bool = Field(
        default=False, description="also propose pairs that share only a broad material family"
    )
    min_score: float = Field(default=20.0, ge=0, le=100)

    def limit_km(self, supply: NewStream, demand: NewStream | None = None) -> float:
        """How far the supplier's stream may travel (to this receiver, for heat)."""
        return reach_of(supply, demand, self.distance_scale).limit_km

    def reach_km(self, kind: str) -> float:
        """The largest limit any supply of ``kind`` can get: how far a want must look."""
        return widest_reach_km(kind, self.distance_scale)
