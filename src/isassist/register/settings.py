"""How far and how strict matching is: limits a broker can change without touching code.

The defaults follow the rules of thumb in the team's domain notes: heat travels a few
kilometres unless the flow is tens of megawatts (Rotterdam's 105 MW line runs 26 km), water
and gases stay local, materials move regionally (the median NISP synergy spans about 33 km)
and further when they are hazardous, because few plants may take them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from isassist.register.models import NewStream


class MatchSettings(BaseModel):
    """Distance limits in km and tolerances for one matching run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    material_km: float = Field(default=50.0, gt=0)
    hazardous_material_km: float = Field(default=100.0, gt=0)
    water_km: float = Field(default=5.0, gt=0)
    gas_km: float = Field(default=10.0, gt=0)
    energy_km: float = Field(default=20.0, gt=0)
    capacity_km: float = Field(default=30.0, gt=0)
    heat_base_km: float = Field(default=2.0, gt=0, description="reach of a small heat source")
    heat_km_per_mw: float = Field(default=0.25, ge=0, description="extra reach per MW")
    heat_max_km: float = Field(default=30.0, gt=0)
    heat_exchanger_dt_k: float = Field(
        default=5.0, ge=0, description="a source must be this much hotter than the need"
    )
    heat_pump_lift_k: float = Field(
        default=40.0, ge=0, description="largest gap a heat pump is assumed to bridge"
    )
    min_score: float = Field(default=20.0, ge=0, le=100)

    def limit_km(self, supply: NewStream) -> float:
        """How far the supplier's stream may travel, from its kind, hazard and power."""
        return self.limit_for(supply.kind, supply.hazardous, supply.power_kw)

    def limit_for(self, kind: str, hazardous: str | None, power_kw: float | None) -> float:
        """``limit_km`` from the three figures it depends on, so a database row can be
        judged before a stream record is built from it."""
        if kind == "heat":
            megawatts = (power_kw or 0.0) / 1000.0
            return min(self.heat_max_km, self.heat_base_km + self.heat_km_per_mw * megawatts)
        if kind == "material":
            return self.hazardous_material_km if hazardous == "yes" else self.material_km
        return {
            "water": self.water_km,
            "gas": self.gas_km,
            "energy": self.energy_km,
            "capacity": self.capacity_km,
        }[kind]

    def hazard_bands(self, kind: str) -> list[tuple[float, bool | None]]:
        """(radius, hazardous or not; None: either) a want of ``kind`` must search.

        A material want looks for hazardous supplies as far as they may travel but for the
        ordinary ones only within the ordinary limit: searching the widest circle for all of
        them made the worst single look-ups ten times slower.
        """
        if kind == "material":
            return [(self.material_km, False), (self.hazardous_material_km, True)]
        return [(self.reach_km(kind), None)]

    def reach_km(self, kind: str) -> float:
        """The largest limit any supply of ``kind`` can get: how far a want must look."""
        if kind == "material":
            return max(self.material_km, self.hazardous_material_km)
        if kind == "heat":
            return self.heat_max_km
        return self.limit_for(kind, None, None)
