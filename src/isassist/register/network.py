"""Organisation network analysis for one company (MAESTRI step 3, third information source).

Around the company, per stream it has, three kinds of neighbours matter to a broker:

- **same**: companies nearby with the same stream, whose volumes can be bundled to reach the
  scale a receiver or a processor needs;
- **complementary**: companies nearby with a *different* stream that the same receiving sector
  takes by a route of the rule base (ash and slag both feed a cement works), so together they
  make one offer;
- **interested**: companies nearby that want the stream, or whose sector runs a valorisation
  route for it (a want nobody typed in yet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from isassist.facts import value_label
from isassist.register.assessment import Party
from isassist.register.fit import match_keys, material_fit
from isassist.register.legal import abp_category, is_catering_waste, is_milk_product
from isassist.register.models import RegisterCompany
from isassist.register.routes import RouteCatalogue, default_catalogue
from isassist.register.settings import MatchSettings
from isassist.register.store import Register
from isassist.register.texts import km_text

Relation = Literal["same", "complementary", "interested"]


@dataclass(frozen=True)
class Neighbour:
    relation: Relation
    for_stream: int
    company: RegisterCompany
    distance_km: float
    stream_id: int | None
    stream: str | None
    why: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "for_stream": self.for_stream,
            "company": self.company.name,
            "company_id": self.company.id,
            "nace": self.company.nace,
            "distance_km": round(self.distance_km, 1),
            "stream_id": self.stream_id,
            "stream": self.stream,
            "why": self.why,
        }


@dataclass(frozen=True)
class Partner:
    """One neighbouring company, listed once with every stream that makes it one."""

    relation: Relation
    company: RegisterCompany
    distance_km: float
    neighbours: tuple[Neighbour, ...]

    @property
    def streams(self) -> list[str]:
        return list(dict.fromkeys(n.stream for n in self.neighbours if n.stream))

    def as_json(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "company": self.company.name,
            "company_id": self.company.id,
            "nace": self.company.nace,
            "distance_km": round(self.distance_km, 1),
            "streams": self.streams,
            "for_streams": sorted({n.for_stream for n in self.neighbours}),
            "why": self.neighbours[0].why,
        }


@dataclass
class NetworkView:
    company: RegisterCompany
    neighbours: list[Neighbour] = field(default_factory=list)

    def of(self, relation: Relation) -> list[Neighbour]:
        return [n for n in self.neighbours if n.relation == relation]

    def partners(self, relation: Relation) -> list[Partner]:
        """The neighbours of one relation, one entry per company, nearest first."""
        grouped: dict[int, list[Neighbour]] = {}
        for neighbour in self.of(relation):
            grouped.setdefault(neighbour.company.id, []).append(neighbour)
        found = [
            Partner(relation, found[0].company, min(n.distance_km for n in found), tuple(found))
            for found in grouped.values()
        ]
        return sorted(found, key=lambda p: (p.distance_km, p.company.name))

    def as_json(self) -> dict[str, Any]:
        return {
            "company": self.company.name,
            "company_id": self.company.id,
            **{
                rel: [p.as_json() for p in self.partners(rel)]
                for rel in ("same", "complementary", "interested")
            },
        }


def complementary_families(catalogue: RouteCatalogue, families: tuple[str, ...]) -> set[str]:
    """Other families that a sector taking these families also takes, by some route."""
    sectors = catalogue.receiver_sectors(families)
    return {
        family
        for family, routes in catalogue.by_family.items()
        if family not in families
        and any(code in sectors for route in routes for code in route.receiver_nace)
    }


def network(
    register: Register,
    company: str | int,
    settings: MatchSettings | None = None,
    limit: int = 15,
) -> NetworkView:
    """The neighbours of ``company`` for each of its haves, nearest first, ``limit`` per kind."""
    settings = settings or MatchSettings()
    catalogue = default_catalogue()
    found = register.company(company)
    view = NetworkView(found)
    if found.lat is None:
        return view
    for stream in register.streams(company_id=found.id, side="have"):
        centre = register.party(stream.id)
        radius = settings.limit_km(stream)
        view.neighbours += _same(register, centre, radius)[:limit]
        view.neighbours += _complementary(register, catalogue, centre, radius)[:limit]
        view.neighbours += _interested(register, catalogue, centre, radius)[:limit]
    return view


def _neighbour(
    relation: Relation, centre: Party, distance: float, other: Party, nl: str, en: str
) -> Neighbour:
    return Neighbour(
        relation=relation,
        for_stream=centre.stream.id,
        company=other.company,
        distance_km=distance,
        stream_id=other.stream.id,
        stream=other.stream.name,
        why={"nl": nl, "en": en},
    )


def _others(found: list[tuple[float, Party]], centre: Party) -> list[tuple[float, Party]]:
    return sorted(
        ((d, p) for d, p in found if p.company.id != centre.company.id), key=lambda x: x[0]
    )


def _same(register: Register, centre: Party, radius: float) -> list[Neighbour]:
    found = [
        (d, p)
        for d, p in register.nearby(centre, radius, "have", match_keys(centre.stream))
        if _same_material(centre, p)
    ]
    return [
        _neighbour(
            "same",
            centre,
            d,
            p,
            f"Heeft ook {p.stream.name} op {km_text(d, 'nl')}: samen bundelen voor een grotere "
            "afnemer.",
            f"Also has {p.stream.name} {km_text(d, 'en')} away: bundle them for a larger receiver.",
        )
        for d, p in _others(found, centre)
    ]


def _same_material(centre: Party, other: Party) -> bool:
    """Whether another have is the same material (a shared code, narrow family or word)."""
    as_want = other.stream.model_copy(update={"side": "want"})
    fit = material_fit(centre.stream, as_want, None)
    return fit is not None and fit.level == "same"


def _one_offer(centre: Party, other: Party) -> bool:
    """Whether two haves whose receivers are of one sector could be offered together: only
    under the same law. Raw slaughter by-products, catering waste or milk never ride in one
    offer with plain plant residues, nor feed-grade whey or bread with board dust or sewage
    sludge that only shares the receiver's sector code."""
    return _regime(centre) == _regime(other)


def _routes(party: Party) -> frozenset[str]:
    return frozenset(r.route for r in default_catalogue().routes(party.stream.families))


def _regime(party: Party) -> tuple[object, ...]:
    s = party.stream
    return (
        abp_category(s),
        is_catering_waste(s, party.company.nace),
        is_milk_product(s),
        s.hazardous == "yes",
        "animal_feed" in _routes(party),
    )


def _complementary(
    register: Register, catalogue: RouteCatalogue, centre: Party, radius: float
) -> list[Neighbour]:
    families = complementary_families(catalogue, centre.stream.families)
    keys = [f"family:{family}" for family in sorted(families)]
    found = [
        (d, p) for d, p in register.nearby(centre, radius, "have", keys) if _one_offer(centre, p)
    ]
    return [
        _neighbour(
            "complementary",
            centre,
            d,
            p,
            f"{p.stream.name} op {km_text(d, 'nl')} gaat naar dezelfde soort afnemer als "
            f"{centre.stream.name}: samen één aanbod.",
            f"{p.stream.name} {km_text(d, 'en')} away goes to the same kind of receiver as "
            f"{centre.stream.name}: together one offer.",
        )
        for d, p in _others(found, centre)
    ]


def _interested(
    register: Register, catalogue: RouteCatalogue, centre: Party, radius: float
) -> list[Neighbour]:
    wanting = _others(register.nearby(centre, radius, "want", centre.stream.keys), centre)
    entries = [
        _neighbour(
            "interested",
            centre,
            d,
            p,
            f"Zoekt {p.stream.name} op {km_text(d, 'nl')}.",
            f"Wants {p.stream.name} {km_text(d, 'en')} away.",
        )
        for d, p in wanting
    ]
    asked = {p.company.id for _, p in wanting} | {centre.company.id}
    routes = catalogue.routes(centre.stream.families)
    for distance, company in sorted(
        register.companies_near(centre, radius), key=lambda item: item[0]
    ):
        if company.id in asked:
            continue
        route = next((r for r in routes if r.serves(company.nace)), None)
        if route is None:
            continue
        entries.append(
            Neighbour(
                relation="interested",
                for_stream=centre.stream.id,
                company=company,
                distance_km=distance,
                stream_id=None,
                stream=None,
                why={
                    "nl": f"Sector {company.nace} past bij de route "
                    f"'{value_label(route.route, 'nl')}' ({km_text(distance, 'nl')}); "
                    "nog geen vraag geregistreerd.",
                    "en": f"Sector {company.nace} fits the route "
                    f"'{value_label(route.route, 'en')}' ({km_text(distance, 'en')}); "
                    "no want recorded yet.",
                },
            )
        )
    return entries
