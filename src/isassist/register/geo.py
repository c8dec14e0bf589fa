"""Where companies are and how far apart: great-circle distance and a coarse spatial grid.

Brokers give a postcode far more often than coordinates, so a company without coordinates is
placed at its postcode's centroid (knowledge/postcodes.csv); the error of a few kilometres is
small next to the tens of kilometres that decide a material match. The grid cuts whole-register
matching from every pair to the neighbouring cells of each stream.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from isassist.knowledge import Knowledge

EARTH_RADIUS_KM = 6371.0088
CELL_DEG = 0.1
"""Grid cell height in degrees of latitude (about 11 km); width is scaled to stay square."""

T = TypeVar("T")


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the mean Earth radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that contains the circle of ``km``."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def postcode_place(
    knowledge: Knowledge, postcode: str | None, country: str = "BE"
) -> tuple[float, float] | None:
    """The centroid (lat, lon) of a Belgian postcode, or None when it is not known."""
    if not postcode or country != "BE":
        return None
    found = knowledge.postcodes_by_code.get(postcode.strip())
    if not found:
        return None
    return found[0].lat, found[0].lon


def _lon_step(lat: float) -> float:
    return CELL_DEG / max(math.cos(math.radians(lat)), 0.01)


@dataclass
class Grid(Generic[T]):
    """Items bucketed by grid cell; ``near`` yields those in the cells a circle touches."""

    reference_lat: float = 50.8  # Belgium; cells keep their width over the small region
    cells: dict[tuple[int, int], list[tuple[float, float, T]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / CELL_DEG), math.floor(lon / _lon_step(self.reference_lat))

    def add(self, lat: float, lon: float, item: T) -> None:
        self.cells[self._cell(lat, lon)].append((lat, lon, item))

    def extend(self, items: Iterable[tuple[float, float, T]]) -> None:
        for lat, lon, item in items:
            self.add(lat, lon, item)

    def near(self, lat: float, lon: float, km: float) -> Iterator[tuple[float, T]]:
        """(distance_km, item) for every item within ``km`` of the point."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
        row0, col0 = self._cell(min_lat, min_lon)
        row1, col1 = self._cell(max_lat, max_lon)
        if (row1 - row0 + 1) * (col1 - col0 + 1) > len(self.cells):
            # a wide circle over a sparse grid: visit the filled cells, not every cell
            cells = [
                items
                for (row, col), items in self.cells.items()
                if row0 <= row <= row1 and col0 <= col <= col1
            ]
        else:
            cells = [
                self.cells.get((row, col), [])
                for row in range(row0, row1 + 1)
                for col in range(col0, col1 + 1)
            ]
        for items in cells:
            for other_lat, other_lon, item in items:
                # the box test is cheap and drops the corners before the trigonometry
                if not (min_lat <= other_lat <= max_lat and min_lon <= other_lon <= max_lon):
                    continue
                distance = great_circle_km(lat, lon, other_lat, other_lon)
                if distance <= km:
                    yield distance, item
