"""Quantities, numbers and temperatures typed in Dutch or English, read into typed values.

Brokers type what the company contact says ("ongeveer 200 ton per jaar", "500 kW, 6000 h/j",
"2 containers per week"); the rules need one per-year figure in a known unit. This package is
headless and imports pint only when a conversion first runs.
"""

from __future__ import annotations

from isassist.units.densities import (
    Density,
    DensityFileError,
    DensityRow,
    density_for,
    load_densities,
)
from isassist.units.display import unit_name
from isassist.units.errors import QuantityError
from isassist.units.numbers import ParsedNumber, parse_duration, parse_number, parse_temperature
from isassist.units.quantity import ParsedQuantity, parse_quantity
from isassist.units.unknown import is_unknown_answer

__all__ = [
    "Density",
    "DensityFileError",
    "DensityRow",
    "ParsedNumber",
    "ParsedQuantity",
    "QuantityError",
    "density_for",
    "is_unknown_answer",
    "load_densities",
    "parse_duration",
    "parse_number",
    "parse_quantity",
    "parse_temperature",
    "unit_name",
]
