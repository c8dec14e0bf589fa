"""Heat matched by temperature, phase and season; a heat pump proposed with its lift and power.

A steam demand needs steam: hot water of 90 °C does not raise steam, however much of it there
is. A colder source can serve a warm-water need through a heat pump when the lift is one a
mature industrial heat pump makes (up to 40 K, supply up to 100 °C: IEA Heat Pumping
Technologies Annex 58, technology readiness of high-temperature heat pumps); its electricity is
estimated from a coefficient of performance of half the Carnot value, a usual rule of thumb for
real machines (COP = 0.5 · T_sink / (T_sink - T_source), temperatures in kelvin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from isassist.register.models import NewStream
from isassist.register.settings import MatchSettings
from isassist.register.transport import heat_mwh, is_steam

CARNOT_SHARE = 0.5
"""Share of the Carnot COP a real heat pump reaches [rule of thumb, see module docstring]."""
_WATER = ("water", "koelwater", "warm")

HeatFit = Literal["fits", "heat_pump", "unknown"]

_BAR = re.compile(r"(\d+(?:[.,]\d+)?)\s*bar\b", re.IGNORECASE)
SATURATION_C: tuple[tuple[float, float], ...] = (
    *((1, 100), (2, 120), (3, 134), (4, 144), (5, 152), (6, 159), (8, 170), (10, 180)),
    *((12, 188), (15, 198), (20, 212), (30, 234), (40, 250), (60, 276), (80, 295)),
)
"""Saturated steam: pressure (bar, absolute) and its temperature (°C), IAPWS-IF97 steam
tables rounded; a header at N bar needs steam of at least N bar (no recompression assumed)."""


def steam_bar(stream: NewStream) -> float | None:
    """The steam pressure a name states ("stoom 8 bar"), or None."""
    found = _BAR.search(stream.name)
    return float(found.group(1).replace(",", ".")) if found else None


def saturation_c(bar: float) -> float:
    """The temperature of saturated steam at ``bar`` (linear between table rows)."""
    low = SATURATION_C[0]
    for high in SATURATION_C:
        if bar <= high[0]:
            if high[0] == low[0]:
                return high[1]
            share = (bar - low[0]) / (high[0] - low[0])
            return low[1] + share * (high[1] - low[1])
        low = high
    return SATURATION_C[-1][1]


@dataclass(frozen=True)
class Heat:
    """How a heat supply meets a heat need."""

    fit: HeatFit
    steam: bool
    lift_k: float | None = None
    cop: float | None = None
    electricity_mwh: float | None = None
    supply_c: float | None = None
    demand_c: float | None = None
    """Temperatures compared: as given, or of saturated steam at the pressure a name states."""

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
    have_bar, need_bar = steam_bar(supply), steam_bar(demand)
    if steam_needed and have_bar is not None and need_bar is not None and have_bar < need_bar:
        return None  # 4 bar steam does not feed a 10 bar header
    if have_t is None and steam_given and have_bar is not None:
        have_t = saturation_c(have_bar)
    if need_t is None and steam_needed and need_bar is not None:
        need_t = saturation_c(need_bar)
    if have_t is None or need_t is None:
        return Heat("unknown", steam_needed, supply_c=have_t, demand_c=need_t)
    if have_t >= need_t + settings.heat_exchanger_dt_k:
        return Heat("fits", steam_needed, supply_c=have_t, demand_c=need_t)
    if steam_needed:
        return None
    lift = need_t + settings.heat_exchanger_dt_k - have_t
    if lift > settings.heat_pump_lift_k or need_t > settings.heat_pump_max_c:
        return None
    sink, source = need_t + settings.heat_exchanger_dt_k + 273.15, have_t - 5.0 + 273.15
    cop = CARNOT_SHARE * sink / (sink - source)
    delivered = heat_mwh(demand)
    supplied = heat_mwh(supply)
    if supplied is not None:
        # the pump delivers the source heat plus its own work: Q_out = Q_in * COP / (COP - 1)
        most = supplied * cop / (cop - 1)
        delivered = most if delivered is None else min(delivered, most)
    electricity = None if delivered is None else delivered / cop
    return Heat("heat_pump", False, lift, cop, electricity, have_t, need_t)
