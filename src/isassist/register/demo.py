"""A synthetic but realistic register for demos and benchmarks.

Companies get a NACE sector and streams from the MAESTRI exchanges (a sector that donates a
stream in a documented exchange offers it here; a sector that receives one wants it), and a
Belgian postcode drawn from knowledge/postcodes.csv. Amounts, temperatures and prices are
drawn from plausible ranges. The same seed gives the same register, so benchmark figures
can be compared between runs.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from isassist.facts import StreamKind
from isassist.knowledge import Exchange, Knowledge
from isassist.register.models import Availability, NewCompany, NewStream, Side

_KIND_BY_CPA = (("35.30", "heat"), ("36.00", "water"), ("35.11", "energy"), ("35.2", "gas"))
_ROUTES = ("landfill", "incineration", "recycling", "recovery", "sold")
_AVAILABILITY: tuple[Availability, ...] = ("year_round", "year_round", "seasonal", "irregular")


@dataclass(frozen=True)
class _Template:
    kind: StreamKind
    name: str
    ewc: tuple[str, ...]
    cpa: tuple[str, ...]
    hazardous: bool


def _kind(exchange: Exchange) -> StreamKind:
    for prefix, kind in _KIND_BY_CPA:
        if any(code.startswith(prefix) for code in exchange.cpa):
            return kind  # type: ignore[return-value]
    text = exchange.description.lower()
    if any(word in text for word in ("steam", "heat", "stoom")):
        return "heat"
    return "material"


def _templates(
    knowledge: Knowledge,
) -> tuple[dict[str, list[_Template]], dict[str, list[_Template]]]:
    """Per NACE division: what its companies offer and what they want."""
    offers: dict[str, list[_Template]] = defaultdict(list)
    wants: dict[str, list[_Template]] = defaultdict(list)
    for exchange in knowledge.exchanges:
        kind = _kind(exchange)
        ewc = tuple(c for c in exchange.ewc if len(c) == 6 and c in knowledge.ewc)
        if kind == "material" and not ewc and not exchange.cpa:
            continue
        template = _Template(
            kind=kind,
            name=exchange.description[:80] or "residual stream",
            ewc=ewc if kind == "material" else (),
            cpa=tuple(exchange.cpa) if kind == "material" and not ewc else (),
            hazardous=exchange.ewc_hazardous,
        )
        for nace in exchange.donor_nace:
            offers[nace[:2]].append(template)
        for nace in exchange.receiver_nace:
            wants[nace[:2]].append(template)
    return offers, wants


def demo_entries(
    knowledge: Knowledge, companies: int, streams_per_company: float = 5.0, seed: int = 7
) -> Iterator[tuple[NewCompany, list[NewStream]]]:
    """``companies`` synthetic companies with on average ``streams_per_company`` streams."""
    rng = random.Random(seed)
    offers, wants = _templates(knowledge)
    divisions = sorted(set(offers) | set(wants))
    sectors = {
        d: [code for code in knowledge.nace if code.startswith(d + ".") and len(code) == 5] or [d]
        for d in divisions
    }
    places = list(knowledge.postcodes)
    for number in range(1, companies + 1):
        division = rng.choice(divisions)
        place = rng.choice(places)
        sector = knowledge.nace[division].title_en[:40] if division in knowledge.nace else division
        company = NewCompany(
            name=f"{sector} {place.locality} #{number}",
            nace=rng.choice(sectors[division]),
            postcode=place.postcode,
            lat=place.lat + rng.uniform(-0.01, 0.01),
            lon=place.lon + rng.uniform(-0.015, 0.015),
        )
        count = max(1, round(rng.gauss(streams_per_company, 1.5)))
        streams: list[NewStream] = []
        for _ in range(count):
            side: Side = "have" if (rng.random() < 0.55 or not wants.get(division)) else "want"
            pool = (offers if side == "have" else wants).get(division) or offers.get(division)
            if not pool:
                side, pool = "want", wants[division]
            streams.append(_stream(rng, rng.choice(pool), side))
        yield company, streams


def _stream(rng: random.Random, template: _Template, side: Side) -> NewStream:
    amount = round(math.exp(rng.gauss(math.log(400), 1.2)), 1)
    heat = template.kind == "heat"
    power_kw = round(rng.uniform(200, 20000)) if heat and side == "have" else None
    if heat:
        amount = round((power_kw or rng.uniform(200, 5000)) * rng.uniform(2000, 7000) / 1000, 1)
    temperature = (
        round(rng.uniform(35, 350) if side == "have" else rng.uniform(30, 120)) if heat else None
    )
    return NewStream(
        side=side,
        kind=template.kind,
        name=template.name,
        ewc=template.ewc,
        cpa=template.cpa,
        hazardous="yes" if template.hazardous else "no",
        amount_per_year=amount,
        temperature_c=temperature,
        power_kw=power_kw,
        availability=rng.choice(_AVAILABILITY),
        current_route=rng.choice(_ROUTES) if side == "have" else None,
        disposal_cost_eur_per_t=round(rng.uniform(20, 180)) if side == "have" else None,
        market_price_eur_per_t=round(rng.uniform(10, 300)) if side == "want" else None,
        origin="demo",
    )
