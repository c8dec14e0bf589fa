"""A demo register that looks like Flanders, for demos, the README and benchmarks.

Sectors, their streams and their wants come from knowledge/demo_profiles.csv (a sector offers
what such a company has and wants what it would take, in broker wording, with sane amounts,
units and temperatures); places from knowledge/demo_clusters.csv: most companies of a sector
sit in its industrial cluster (the ports of Antwerp and Gent, the Kempen, Limburg, the
West-Vlaanderen food cluster), the rest anywhere in Flanders. Stream names are typed as brokers
type them and classified like any name-only row when the register stores them.

The first companies are always the same small showcase (a brewery with its spent grain, the
farms and the digester around it, ...), so the README's examples work whatever the size;
the rest is drawn from the profiles. The same seed gives the same register.
"""

from __future__ import annotations

import csv
import math
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from isassist.facts import StreamKind
from isassist.knowledge import Knowledge, Postcode
from isassist.paths import data_dir
from isassist.register.errors import RegisterError
from isassist.register.models import Availability, NewCompany, NewStream, Side, Unit
from isassist.register.transport import FULL_LOAD_HOURS

IN_CLUSTER = 0.75
"""Share of a sector's companies that sit in its cluster; the rest anywhere in Flanders."""


class Profile(BaseModel):
    """One stream a company of a sector has or wants."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nace: str = Field(pattern=r"^\d{2}\.\d{2}$")
    label: str = Field(min_length=1)
    weight: float = Field(gt=0)
    cluster: str
    side: Side
    kind: StreamKind
    name: str = Field(min_length=1)
    ewc: str = ""
    amount_low: float = Field(gt=0)
    amount_high: float = Field(gt=0)
    unit: Unit
    temp_low: float | None = None
    temp_high: float | None = None
    availability: Availability
    hazardous: str = ""

    @field_validator("temp_low", "temp_high", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        return None if value == "" else value


@dataclass(frozen=True)
class Sector:
    nace: str
    label: str
    weight: float
    cluster: str
    profiles: tuple[Profile, ...]


SHOWCASE: tuple[tuple[str, str, str, tuple[tuple[str, float], ...]], ...] = (
    ("Brouwerij De Klok", "11.05", "9300", (("bostel", 3200.0), ("overtollige biergist", 120.0))),
    (
        "Varkensbedrijf Vandamme",
        "01.46",
        "9280",
        (("natte bijproducten voor brijvoedering varkens", 2000.0),),
    ),
    ("Rundveebedrijf t Hof", "01.41", "9300", (("bostel of perspulp voor rundvee", 1500.0),)),
    (
        "Biogas Denderstreek",
        "35.21",
        "9300",
        (("organisch-biologisch afval als co-substraat voor vergisting", 20000.0),),
    ),
    ("Restaurant De Gouden Lepel", "56.10", "9300", (("keukenafval en etensresten", 25.0),)),
)
"""Companies every demo register starts with (README examples); streams by profile name."""


def _read(name: str) -> list[dict[str, str]]:
    path = data_dir("knowledge") / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as error:
        raise RegisterError(f"Could not read {path}: {error.strerror or error}.") from error


def load_sectors() -> list[Sector]:
    """The sector profiles, validated (a wrong row names its line)."""
    grouped: dict[str, list[Profile]] = defaultdict(list)
    for line, row in enumerate(_read("demo_profiles.csv"), start=2):
        try:
            grouped[row["nace"]].append(Profile.model_validate(row))
        except ValidationError as error:
            problem = error.errors()[0]
            column = ".".join(str(p) for p in problem["loc"])
            raise RegisterError(
                f"demo_profiles.csv:{line}: column {column}: {problem['msg']}"
            ) from error
    return [
        Sector(nace, found[0].label, found[0].weight, found[0].cluster, tuple(found))
        for nace, found in grouped.items()
    ]


def load_clusters(knowledge: Knowledge) -> dict[str, list[Postcode]]:
    """Postcodes per cluster; ``*`` is every Flemish postcode."""
    flemish = [p for p in knowledge.postcodes if p.region_en == "Flanders"]
    clusters: dict[str, list[Postcode]] = {}
    for row in _read("demo_clusters.csv"):
        if row["postcodes"].strip() == "*":
            clusters[row["cluster"]] = flemish
            continue
        codes = row["postcodes"].split()
        clusters[row["cluster"]] = [
            knowledge.postcodes_by_code[c][0] for c in codes if c in knowledge.postcodes_by_code
        ]
    return clusters


def _stream(rng: random.Random, profile: Profile, amount: float | None = None) -> NewStream:
    if amount is None:
        low, high = math.log(profile.amount_low), math.log(profile.amount_high)
        amount = float(f"{math.exp(rng.uniform(low, high)):.3g}")
    temperature = None
    if profile.temp_low is not None and profile.temp_high is not None:
        temperature = round(rng.uniform(profile.temp_low, profile.temp_high))
    power = None
    if profile.kind == "heat" and profile.side == "have":
        power = round(amount * 1000 / FULL_LOAD_HOURS)
    return NewStream(
        side=profile.side,
        kind=profile.kind,
        name=profile.name,
        ewc=tuple(profile.ewc.split()),
        amount_per_year=amount,
        unit=profile.unit,
        temperature_c=temperature,
        power_kw=power,
        availability=profile.availability,
        hazardous="yes"
        if profile.hazardous == "yes"
        else "no"
        if profile.hazardous == "no"
        else "unknown",
        origin="demo",
    )


def demo_entries(
    knowledge: Knowledge, companies: int, streams_per_company: float = 2.0, seed: int = 7
) -> Iterator[tuple[NewCompany, list[NewStream]]]:
    """``companies`` companies: the showcase first, then drawn from the sector profiles.

    ``streams_per_company`` scales how many of its sector's streams a company gets (each
    profile stream is taken with that probability over the sector's mean, at least one).
    """
    rng = random.Random(seed)
    sectors = load_sectors()
    clusters = load_clusters(knowledge)
    by_name = {p.name: p for s in sectors for p in s.profiles}
    made = 0
    names: dict[str, int] = defaultdict(int)
    for name, nace, postcode, streams in SHOWCASE[:companies]:
        made += 1
        names[name] += 1
        yield (
            NewCompany(name=name, nace=nace, postcode=postcode),
            [_stream(rng, by_name[s], amount) for s, amount in streams],
        )
    weights = [s.weight for s in sectors]
    mean = sum(len(s.profiles) for s in sectors) / len(sectors)
    while made < companies:
        sector = rng.choices(sectors, weights)[0]
        places = clusters.get(sector.cluster) if rng.random() < IN_CLUSTER else None
        place = rng.choice(places or clusters["flanders"])
        base = f"{sector.label} {place.locality}"
        names[base] += 1
        name = base if names[base] == 1 else f"{base} {names[base]}"
        share = min(1.0, streams_per_company / mean)
        chosen = [p for p in sector.profiles if rng.random() < share] or [
            rng.choice(sector.profiles)
        ]
        made += 1
        yield (
            NewCompany(
                name=name,
                nace=sector.nace,
                postcode=place.postcode,
                lat=place.lat + rng.uniform(-0.01, 0.01),
                lon=place.lon + rng.uniform(-0.015, 0.015),
            ),
            [_stream(rng, p) for p in chosen],
        )
