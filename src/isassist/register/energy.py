"""Heat matched by temperature, phase and season; a heat pump proposed with its lift and power.

A steam demand needs steam: hot water of 90 °C does not raise steam, however much of it there
is. A colder source can serve a warm-water need through a heat pump when the lift is one a
mature industrial heat pump makes (up to 40 K, supply up to 100 °C: IEA Heat Pumping
Technologies Annex 58, technology readiness of high-temperature heat pumps); its electricity is
estimated from a coefficient of performance of half the Carnot value, a usual rule of thumb for
real machines (COP = 0.5 · T_sink / (T_sink - T_source), temperatures in kelvin).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from isassist.register.models import NewStream
from isassist.register.settings import MatchSettings
from isassist.register.transport import heat_mwh, is_steam

CARNOT_SHARE = 0.5
"""Share of the Carnot COP a real heat pump reaches [rule of thumb, see module docstring]."""
_WATER = ("water", "koelwater", "warm")

HeatFit = Literal["fits", "heat_pump", "unknown"]


@dataclass(frozen=True)
class Heat:
    """How a heat supply meets a heat need."""

    fit: HeatFit
    steam: bool
    lift_k: float | None = None
    cop: float | None = None
    electricity_mwh: float | None = None

    @property
    def points(self) -> float:
        return {"fits": 50.0, "heat_pump": 35.0, "unknown": 25.0}[self.fit]


def heat_fit(supply: NewStream, demand: NewStream, settings: MatchSettings) -> Heat | None:
    """How ``supply`` heat meets ``demand``, or None when it cannot."""
    steam_needed = is_steam(demand)
    steam_given = is_steam(supply)
    if steam_needed and not steam_given:
        return None
    have_t, need_t = supply.temperature_c, demand.temperature_c
    if have_t is None or need_t is None:
        return Heat("unknown", steam_needed)
    if have_t >= need_t + settings.heat_exchanger_dt_k:
        return Heat("fits", steam_needed)
    if steam_needed:
        return None
    lift = need_t + settings.heat_exchanger_dt_k - have_t
    if lift > settings.heat_pump_lift_k or need_t > settings.heat_pump_max_c:
        return None
    sink, source = need_t + settings.heat_exchanger_dt_k + 273.15, have_t - 5.0 + 273.15
    cop = CARNOT_SHARE * sink / (sink - source)
    delivered = heat_mwh(demand)
    supplied = heat_mwh(supply)
    if delivered is not None and supplied is not None:
        # the pump delivers the source heat plus its own work: Q_out = Q_in * COP / (COP - 1)
        delivered = min(delivered, supplied * cop / (cop - 1))
    electricity = None if delivered is None else delivered / cop
    return Heat("heat_pump", False, lift, cop, electricity)
