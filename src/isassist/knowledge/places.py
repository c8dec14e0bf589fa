"""Where a company is: country (and Belgian region) from a postcode with its country, a place
name or coordinates, offline.

Why: the law the assistant cites follows the company's location (Flemish, Walloon, Brussels,
Dutch or only EU law), so a location answer must give the right country, never a silent
"Belgium". Towns come from knowledge/places.csv (GeoNames point set, see SOURCES.md) and
Belgian localities from knowledge/postcodes.csv; the nearest town of some size tells the
country of coordinates, which is right except within a few kilometres of a border, so the
answer always names the town it went by and the broker can correct it.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from isassist.facts import Jurisdiction
from isassist.knowledge.codes import fold
from isassist.knowledge.models import Postcode

EU_MEMBER_STATES = frozenset(
    {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"}
    | {"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
)
# Farther than this from any known town, coordinates tell no country (open sea, a typo).
MAX_NEAREST_KM = 40.0

# Country names as a Flemish broker or a foreign contact types them (nl, en, fr, de, own).
COUNTRY_NAMES: dict[str, str] = {
    "belgie": "BE",
    "belgië": "BE",
    "belgium": "BE",
    "belgique": "BE",
    "belgien": "BE",
    "nederland": "NL",
    "netherlands": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "pays-bas": "NL",
    "niederlande": "NL",
    "luxemburg": "LU",
    "luxembourg": "LU",
    "duitsland": "DE",
    "germany": "DE",
    "deutschland": "DE",
    "allemagne": "DE",
    "frankrijk": "FR",
    "france": "FR",
    "frankreich": "FR",
    "denemarken": "DK",
    "denmark": "DK",
    "danmark": "DK",
    "danemark": "DK",
    "dänemark": "DK",
    "spanje": "ES",
    "spain": "ES",
    "espana": "ES",
    "españa": "ES",
    "italie": "IT",
    "italië": "IT",
    "italy": "IT",
    "italia": "IT",
    "oostenrijk": "AT",
    "austria": "AT",
    "osterreich": "AT",
    "österreich": "AT",
    "zweden": "SE",
    "sweden": "SE",
    "sverige": "SE",
    "finland": "FI",
    "polen": "PL",
    "poland": "PL",
    "polska": "PL",
    "tsjechie": "CZ",
    "tsjechië": "CZ",
    "czechia": "CZ",
    "czech republic": "CZ",
    "ierland": "IE",
    "ireland": "IE",
    "portugal": "PT",
    "verenigd koninkrijk": "GB",
    "united kingdom": "GB",
    "uk": "GB",
    "engeland": "GB",
    "england": "GB",
    "groot-brittannie": "GB",
    "groot-brittannië": "GB",
    "zwitserland": "CH",
    "switzerland": "CH",
    "schweiz": "CH",
    "suisse": "CH",
    "noorwegen": "NO",
    "norway": "NO",
    "norge": "NO",
}
# Country prefixes written before a postcode ("B-4000", "NL-4791", "D-52062", "DK-8000").
POSTCODE_PREFIXES: dict[str, str] = {
    "B": "BE",
    "BE": "BE",
    "NL": "NL",
    "D": "DE",
    "DE": "DE",
    "F": "FR",
    "FR": "FR",
    "L": "LU",
    "LU": "LU",
    "DK": "DK",
    "A": "AT",
    "AT": "AT",
    "CH": "CH",
    "I": "IT",
    "IT": "IT",
    "E": "ES",
    "ES": "ES",
    "S": "SE",
    "SE": "SE",
    "PL": "PL",
    "GB": "GB",
}
_PREFIXED = re.compile(r"(?<![A-Za-z])([A-Z]{1,2})(?:\s?-\s?|)(\d{4,5})(?!\d)", re.IGNORECASE)
_DUTCH = re.compile(r"(?<!\d)([1-9]\d{3})\s?([A-Z]{2})(?![A-Za-z])")
_FOUR = re.compile(r"(?<![\d-])([1-9]\d{3})(?!\d)")
_FIVE = re.compile(r"(?<![\d-])(\d{5})(?!\d)")


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    alternates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Located:
    """What a location answer told: the country (None when it cannot be told), for Belgium the
    province and region, and how it was found (``by``: postcode, place or coordinates)."""

    country: str | None
    by: str
    postcode: str | None = None
    locality: str | None = None
    province: str | None = None
    region_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    nearest_km: float | None = None

    @property
    def jurisdiction(self) -> Jurisdiction:
        return jurisdiction(self.country, self.region_en)


# Belgian provinces (Dutch names, as knowledge/postcodes.csv and Company.region write them)
PROVINCE_REGIONS: dict[str, str] = {
    "Antwerpen": "Flanders",
    "Limburg": "Flanders",
    "Oost-Vlaanderen": "Flanders",
    "West-Vlaanderen": "Flanders",
    "Vlaams-Brabant": "Flanders",
    "Henegouwen": "Wallonia",
    "Luik": "Wallonia",
    "Luxemburg": "Wallonia",
    "Namen": "Wallonia",
    "Waals-Brabant": "Wallonia",
    "Brussel": "Brussels-Capital",
}


def jurisdiction_of(country: object, province: object) -> Jurisdiction:
    """The law area from what an interview saved (country code, Belgian province in Dutch);
    answers saved before the law area was recorded get it this way."""
    if not isinstance(country, str) or not country:
        return "unknown"
    region = PROVINCE_REGIONS.get(province) if isinstance(province, str) else None
    return jurisdiction(country, region)


def jurisdiction(country: str | None, region_en: str | None = None) -> Jurisdiction:
    """The law area of a company: a Belgian region, the Netherlands, another EU member state,
    outside the EU, or unknown (Belgium without a known region is unknown too: the three
    regions have different waste law)."""
    if not country:
        return "unknown"
    if country == "BE":
        return {
            "Flanders": "flanders",
            "Wallonia": "wallonia",
            "Brussels-Capital": "brussels",
        }.get(region_en or "", "unknown")  # type: ignore[return-value]
    if country == "NL":
        return "netherlands"
    return "eu_other" if country in EU_MEMBER_STATES else "non_eu"


@cache
def towns(path: Path) -> tuple[Town, ...]:
    """The towns of knowledge/places.csv (read once, only when a location is asked)."""
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Town(
                name=row["name"],
                country=row["country"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                population=int(row["population"] or 0),
                alternates=tuple(a for a in row["alternates"].split(" | ") if a),
            )
            for row in csv.DictReader(handle)
        )


@cache
def _names(path: Path) -> dict[str, tuple[Town, ...]]:
    index: dict[str, list[Town]] = {}
    for town in towns(path):
        for name in (town.name, *town.alternates):
            index.setdefault(fold(name), []).append(town)
    return {key: tuple(sorted(found, key=lambda t: -t.population)) for key, found in index.items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


class Places:
    """Location look-ups over the Belgian postcodes and the town point set."""

    def __init__(self, postcodes: Iterable[Postcode], places_csv: Path) -> None:
        self.postcodes = tuple(postcodes)
        self.by_postcode: dict[str, list[Postcode]] = {}
        self.by_locality: dict[str, list[Postcode]] = {}
        for p in self.postcodes:
            self.by_postcode.setdefault(p.postcode, []).append(p)
            self.by_locality.setdefault(fold(p.locality), []).append(p)
        self.places_csv = places_csv

    # ---------------------------------------------------------------- coordinates
    def at(self, lat: float, lon: float) -> Located:
        """The country of a point: the nearest Belgian locality or town decides."""
        best: tuple[float, str, str | None] | None = None  # km, country, name
        for p in self.postcodes:
            d = distance_km(lat, lon, p.lat, p.lon)
            if best is None or d < best[0]:
                best = (d, "BE", p.locality)
        for t in towns(self.places_csv):
            if abs(t.lat - lat) > 2 or abs(t.lon - lon) > 3:
                continue  # cheap box before the exact distance
            d = distance_km(lat, lon, t.lat, t.lon)
            if best is None or d < best[0]:
                best = (d, t.country, t.name)
        if best is None or best[0] > MAX_NEAREST_KM:
            far = self._far(lat, lon)
            if far is None:
                return Located(country=None, by="coordinates", lat=lat, lon=lon)
            best = far
        km, country, name = best
        if country == "BE":
            local = self.nearest_locality(lat, lon)
            return Located(
                country="BE",
                by="coordinates",
                locality=local.locality if local else name,
                province=local.province_nl if local else None,
                region_en=local.region_en if local else None,
                lat=lat,
                lon=lon,
                nearest_km=round(km, 1),
            )
        return Located(
            country=country,
            by="coordinates",
            locality=name,
            lat=lat,
            lon=lon,
            nearest_km=round(km, 1),
        )

    def _far(self, lat: float, lon: float) -> tuple[float, str, str | None] | None:
        """Outside Europe towns are sparse (>= 100 000 people): allow a wider radius there."""
        best: tuple[float, str, str | None] | None = None
        for t in towns(self.places_csv):
            d = distance_km(lat, lon, t.lat, t.lon)
            if best is None or d < best[0]:
                best = (d, t.country, t.name)
        in_europe = 34 <= lat <= 72 and -25 <= lon <= 45
        if best is None or best[0] > (MAX_NEAREST_KM if in_europe else 300):
            return None
        return best

    def nearest_locality(self, lat: float, lon: float) -> Postcode | None:
        return min(
            self.postcodes,
            key=lambda p: distance_km(lat, lon, p.lat, p.lon),
            default=None,
        )

    # ---------------------------------------------------------------- text
    def in_text(self, text: str) -> Located | None:
        """A postcode with or without country, a Dutch postcode, or a place name; None when
        nothing in the text names a place."""
        country = self._country_named(text)
        prefixed = _PREFIXED.search(text)
        if prefixed and prefixed.group(1).upper() in POSTCODE_PREFIXES:
            code_country = POSTCODE_PREFIXES[prefixed.group(1).upper()]
            name = _rest(text, prefixed.group(0))
            if code_country == "BE":
                return self._belgian(prefixed.group(2), name)
            return self._foreign(code_country, prefixed.group(2), name)
        dutch = _DUTCH.search(text)
        if dutch and country in (None, "NL"):
            return self._foreign(
                "NL", f"{dutch.group(1)} {dutch.group(2)}", _rest(text, dutch.group(0))
            )
        code = _FOUR.search(text) or _FIVE.search(text)
        name = _rest(text, code.group(0)) if code else _rest(text, "")
        if code and country not in (None, "BE"):
            return self._foreign(country, code.group(1), name)
        if code and len(code.group(1)) == 4:
            return self._belgian(code.group(1), name)  # country None: postcode unknown
        found = self._named(name, country) if name else None
        if found is None and country:
            # "PE33 9QG Wissington, United Kingdom": the country is all we can be sure of
            return Located(country=country, by="country", locality=_strip_country(name) or None)
        return found

    def _country_named(self, text: str) -> str | None:
        folded = fold(text)
        for name in sorted(COUNTRY_NAMES, key=len, reverse=True):
            if re.search(rf"(?<![a-z]){re.escape(fold(name))}(?![a-z])", folded):
                return COUNTRY_NAMES[name]
        return None

    def _belgian(self, code: str, name: str) -> Located:
        """A four-digit postcode: Belgian when Belgium has it and the place name (if any) is
        not a town of another country ("8000 Aarhus" is Denmark, not Bruges)."""
        found = self.by_postcode.get(code, [])
        named = fold(_strip_country(name))
        other = None
        if not found:
            other = self._named(named, None) if named else None
        elif named and not any(fold(p.locality) == named for p in found):
            other = self._named(named, None, belgian=False)
            if other is not None and other.country is None:
                other = None  # a town we cannot place in a country does not outweigh Belgium's
        if other is not None and other.country != "BE":
            return Located(
                country=other.country,
                by="postcode",
                postcode=code,
                locality=other.locality,
                lat=other.lat,
                lon=other.lon,
            )
        if not found:
            return Located(country=None, by="postcode", postcode=code)
        pick = next((p for p in found if fold(p.locality) == named), found[0])
        return Located(
            country="BE",
            by="postcode",
            postcode=code,
            locality=pick.locality,
            province=pick.province_nl,
            region_en=pick.region_en,
            lat=pick.lat,
            lon=pick.lon,
        )

    def _foreign(self, country: str, code: str, name: str) -> Located:
        town = self._named(name, country) if name else None
        return Located(
            country=country,
            by="postcode",
            postcode=code,
            locality=town.locality if town else (_strip_country(name) or None),
            lat=town.lat if town else None,
            lon=town.lon if town else None,
        )

    def _named(self, name: str, country: str | None, belgian: bool = True) -> Located | None:
        key = fold(_strip_country(name))
        if not key:
            return None
        if belgian and country in (None, "BE"):
            local = self.by_locality.get(key)
            if local:
                p = local[0]
                return Located(
                    country="BE",
                    by="place",
                    postcode=p.postcode,
                    locality=p.locality,
                    province=p.province_nl,
                    region_en=p.region_en,
                    lat=p.lat,
                    lon=p.lon,
                )
        for town in _names(self.places_csv).get(key, ()):
            if country is None or town.country == country:
                if town.country == "BE":
                    return replace(self.at(town.lat, town.lon), by="place")
                return Located(
                    country=town.country,
                    by="place",
                    locality=town.name,
                    lat=town.lat,
                    lon=town.lon,
                )
        return None


def _rest(text: str, used: str) -> str:
    """The text left after the postcode: usually the place name."""
    rest = text.replace(used, " ", 1) if used else text
    return re.sub(r"\s+", " ", rest).strip(" ,;-")


def _strip_country(name: str) -> str:
    folded = fold(name)
    for country in sorted(COUNTRY_NAMES, key=len, reverse=True):
        folded = re.sub(rf"(?<![a-z]){re.escape(fold(country))}(?![a-z])", " ", folded)
    return re.sub(r"\s+", " ", folded).strip(" ,;-()")
