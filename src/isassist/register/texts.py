"""The words of a match: its reason and its barriers, in Dutch and English.

Kept apart from the scoring so a broker's wording can be improved without touching the
arithmetic, and so the scoring loop never formats strings for pairs that are thrown away.
Barrier categories follow the rule base's taxonomy (regulatory, technical, economic,
informational, geographic, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from isassist.knowledge.codes import display_ewc_codes

if TYPE_CHECKING:
    from isassist.register.matching import Assessment, Party


@dataclass(frozen=True)
class Barrier:
    """Something that stands between a match and a working exchange."""

    code: str
    category: str
    severity: str
    text: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "text": self.text,
        }


_BARRIERS: dict[str, tuple[str, str, str, str]] = {
    # code: (category, severity, nl, en)
    "hazardous_permit": (
        "regulatory",
        "high",
        "Gevaarlijk afval ({codes}): enkel naar een ontvanger wiens omgevingsvergunning die "
        "code(s) dekt; {region_nl}. Controleer de vergunning van {receiver} voor je belt.",
        "Hazardous waste ({codes}): only to a receiver whose environmental permit covers that "
        "code; {region_en}. Check {receiver}'s permit before calling.",
    ),
    "hazard_unknown": (
        "informational",
        "medium",
        "Nog onbekend of {stream} gevaarlijk is; dat bepaalt welke vergunningen nodig zijn.",
        "Whether {stream} is hazardous is still unknown; it decides which permits are needed.",
    ),
    "abp": (
        "regulatory",
        "high",
        "Dierlijke bijproducten{category_nl} (Verordening (EG) nr. 1069/2009, art. 8-10): "
        "{receiver} moet voor dit gebruik geregistreerd of erkend zijn (art. 23-24) en elke "
        "vracht reist met een handelsdocument; vraag de bevoegde overheid wat nodig is.",
        "Animal by-products{category_en} (Regulation (EC) No 1069/2009, art. 8-10): "
        "{receiver} must be registered or approved for this use (art. 23-24) and every load "
        "travels with a commercial document; ask the competent authority what is needed.",
    ),
    "feed_registration": (
        "regulatory",
        "medium",
        "Diervoeder: {supplier} moet als levensmiddelen-/diervoederbedrijf geregistreerd zijn "
        "(Verordening (EG) nr. 183/2005, art. 9) en de stroom mag geen afval zijn; "
        "vraag na bij {feed_authority}.",
        "Feed: {supplier} must be registered as a feed business operator (Regulation (EC) "
        "No 183/2005, art. 9) and the stream must not be waste; check with {feed_authority}.",
    ),
    "border": (
        "regulatory",
        "high",
        "De stroom gaat over de grens ({from_country} → {to_country}): als het afval is, geldt "
        "Verordening (EU) 2024/1157 (overbrenging van afvalstoffen, van toepassing sinds "
        "21 mei 2026): kennisgeving en toestemming, of voor niet-gevaarlijk afval voor nuttige "
        "toepassing de informatieplicht. Wat nodig is, beslissen de bevoegde overheden.",
        "The stream crosses a border ({from_country} → {to_country}): if it is waste, "
        "Regulation (EU) 2024/1157 on shipments of waste applies (since 21 May 2026): "
        "notification and consent, or for non-hazardous waste sent for recovery the "
        "information requirements. The competent authorities decide what applies.",
    ),
    "region": (
        "regulatory",
        "low",
        "De ontvanger ligt in {region_name_nl}: daar geldt het afvalrecht van dat gewest "
        "(vergunning, registratie); vraag na wat nodig is.",
        "The receiver is in {region_name_en}: that region's waste law applies (permit, "
        "registration); check what is needed.",
    ),
    "heat_pump": (
        "technical",
        "medium",
        "De warmte ({supply_t} °C) is te koud voor de vraag ({demand_t} °C): een warmtepomp "
        "moet {lift} K opkrikken (COP ≈ {cop}, ≈ {electricity} MWh elektriciteit per jaar; "
        "schatting: half de Carnot-COP).",
        "The heat ({supply_t} °C) is too cold for the need ({demand_t} °C): a heat pump has to "
        "lift it {lift} K (COP ≈ {cop}, ≈ {electricity} MWh of electricity a year; estimate: "
        "half the Carnot COP).",
    ),
    "temperature_unknown": (
        "informational",
        "medium",
        "De temperatuur van aanbod of vraag is onbekend; vraag ze na voor je de warmte aanbiedt.",
        "The temperature of the supply or the need is unknown; ask for it before offering the "
        "heat.",
    ),
    "season": (
        "technical",
        "medium",
        "{stream} is er alleen in een seizoen, de ontvanger heeft het hele jaar nodig: "
        "opslag of een tweede bron is nodig.",
        "{stream} is available in one season only while the receiver needs it all year: "
        "storage or a second source is needed.",
    ),
    "irregular": (
        "technical",
        "low",
        "Aanbod en vraag lopen niet gelijk in de tijd; bekijk opslag en levertermijnen.",
        "Supply and need do not run at the same times; look at storage and delivery terms.",
    ),
    "volume_unknown": (
        "informational",
        "low",
        "De hoeveelheid per jaar van aanbod of vraag is onbekend.",
        "The amount per year of the supply or the need is unknown.",
    ),
    "units_differ": (
        "informational",
        "medium",
        "Aanbod en vraag zijn in verschillende eenheden opgegeven; zet ze om voor je vergelijkt.",
        "Supply and need are given in different units; convert them before comparing.",
    ),
    "small_supply": (
        "economic",
        "low",
        "{stream} dekt minder dan de helft van de behoefte; bundel met andere leveranciers.",
        "{stream} covers less than half of the need; bundle it with other suppliers.",
    ),
    "far": (
        "geographic",
        "low",
        "De afstand ({distance} km) is groot voor dit soort stroom (grens {limit} km{mode_nl}); "
        "transportkosten wegen zwaar.",
        "The distance ({distance} km) is long for this kind of stream (limit {limit} km"
        "{mode_en}); transport costs weigh heavily.",
    ),
}


def barrier_codes() -> tuple[str, ...]:
    return tuple(_BARRIERS)


def severity(code: str) -> str:
    """How hard a barrier weighs on the score: low, medium or high."""
    return _BARRIERS[code][1]


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}".replace(",", " ") if value >= 100 else f"{value:g}"


_REGION_NAME = {
    "flanders": ("het Vlaams Gewest", "Flanders"),
    "wallonia": ("het Waals Gewest", "Wallonia"),
    "brussels": ("het Brussels Hoofdstedelijk Gewest", "the Brussels-Capital Region"),
    "netherlands": ("Nederland", "the Netherlands"),
    "eu_other": ("een andere EU-lidstaat", "another EU member state"),
    "non_eu": ("een land buiten de EU", "a country outside the EU"),
    "unknown": ("een onbekende regio", "an unknown region"),
}
_PERMIT = {
    "flanders": (
        "in Vlaanderen de omgevingsvergunning, met VLAREMA voor het afvalbeheer",
        "in Flanders the omgevingsvergunning, with VLAREMA for waste management",
    ),
    "wallonia": (
        "in Wallonië de permis d'environnement",
        "in Wallonia the permis d'environnement",
    ),
    "brussels": (
        "in Brussel de milieuvergunning van Leefmilieu Brussel",
        "in Brussels the environmental permit of Brussels Environment",
    ),
    "netherlands": (
        "in Nederland de omgevingsvergunning (Omgevingswet)",
        "in the Netherlands the omgevingsvergunning (Environment and Planning Act)",
    ),
}
_FEED_AUTHORITY = {
    "flanders": "het FAVV",
    "wallonia": "l'AFSCA",
    "brussels": "het FAVV",
    "netherlands": "de NVWA",
}


def barrier(code: str, supply: Party, demand: Party, a: Assessment) -> Barrier:
    """The barrier ``code`` of a match, its text filled with the pair's figures."""
    from isassist.register.legal import abp_category, jurisdiction

    category, severity, nl, en = _BARRIERS[code]
    s, d = supply.stream, demand.stream
    region = jurisdiction(demand.company)
    permit = _PERMIT.get(
        region,
        (
            "vraag de bevoegde overheid welke vergunning geldt",
            "ask the competent authority which permit applies",
        ),
    )
    abp = abp_category(s)
    heat = a.heat
    values = {
        "stream": s.name,
        "supplier": supply.company.name,
        "receiver": demand.company.name,
        "codes": display_ewc_codes(s.ewc) if s.ewc else "EWC-code nog onbekend",
        "region_nl": permit[0],
        "region_en": permit[1],
        "region_name_nl": _REGION_NAME[region][0],
        "region_name_en": _REGION_NAME[region][1],
        "category_nl": f" categorie {abp}" if abp else "",
        "category_en": f" category {abp}" if abp else "",
        "feed_authority": _FEED_AUTHORITY.get(region, "de bevoegde overheid"),
        "from_country": supply.company.country,
        "to_country": demand.company.country,
        "supply_t": _number(s.temperature_c),
        "demand_t": _number(d.temperature_c),
        "lift": _number(heat.lift_k if heat else None),
        "cop": f"{heat.cop:.1f}" if heat and heat.cop else "?",
        "electricity": _number(heat.electricity_mwh if heat else None),
        "distance": f"{a.distance_km:.0f}",
        "limit": f"{a.limit_km:.0f}",
        "mode_nl": f", {a.mode.name_nl}" if a.mode else "",
        "mode_en": f", {a.mode.name_en}" if a.mode else "",
    }
    return Barrier(code, category, severity, {"nl": nl.format(**values), "en": en.format(**values)})


_LEVEL_TEXT = {
    "same": ("Zelfde materiaal ({shared}).", "Same material ({shared})."),
    "use": (
        "De vraag noemt het gebruik '{use}'; de regelbank kent die route voor {stream} naar "
        "deze sector: {route}.",
        "The want names the use '{use}'; the rule base has that route for {stream} into this "
        "sector: {route}.",
    ),
    "route": (
        "Route van de regelbank naar deze sector: {route}.",
        "Rule-base route into this sector: {route}.",
    ),
    "family": (
        "Zwakke hint: enkel dezelfde brede materiaalfamilie ({shared}); controleer of het "
        "echt hetzelfde materiaal is.",
        "Weak hint: only the same broad material family ({shared}); check that it really is "
        "the same material.",
    ),
}
_PART_NAMES = {
    "material": ("materiaal", "material"),
    "temperature": ("temperatuur", "temperature"),
    "evidence": ("bewijs", "evidence"),
    "distance": ("afstand", "distance"),
    "volume": ("volume", "volume"),
    "timing": ("timing", "timing"),
    "legal": ("wettelijk/drempels", "legal/barriers"),
}


def _shared(codes: tuple[str, ...]) -> str:
    return ", ".join(f"EWC {c}" if c.isdigit() else c for c in codes)


def describe(supply: Party, demand: Party, a: Assessment) -> dict[str, str]:
    """One readable paragraph per language saying why this pair is worth a phone call.

    Every sentence is about this pair: the reason it was kept, the transport that carries it,
    the share of the need it covers and the score's named parts.
    """
    s, d = supply.stream, demand.stream
    unit = s.counted_in
    have = f"{_number(s.amount_per_year)} {unit}" if s.amount_per_year is not None else None
    need = f"{_number(d.amount_per_year)} {d.counted_in}" if d.amount_per_year is not None else None
    how_nl = f" ({a.mode.name_nl})" if a.mode else ""
    how_en = f" ({a.mode.name_en})" if a.mode else ""
    nl = [
        f"{supply.company.name} biedt {s.name} aan"
        + (f" ({have}/jaar)" if have else " (hoeveelheid onbekend)")
        + f" op {a.distance_km:.1f} km van {demand.company.name}, dat {d.name} zoekt"
        + (f" ({need}/jaar)" if need else " (hoeveelheid onbekend)")
        + f"; binnen {a.limit_km:.0f} km{how_nl}."
    ]
    en = [
        f"{supply.company.name} offers {s.name}"
        + (f" ({have}/year)" if have else " (amount unknown)")
        + f" {a.distance_km:.1f} km from {demand.company.name}, which wants {d.name}"
        + (f" ({need}/year)" if need else " (amount unknown)")
        + f"; within {a.limit_km:.0f} km{how_en}."
    ]
    if a.fit is not None:
        route_nl = f"{a.route.title_nl} ({a.route.rule_id})" if a.route else "-"
        route_en = f"{a.route.title_en} ({a.route.rule_id})" if a.route else "-"
        values = {
            "shared": _shared(a.fit.shared),
            "use": a.fit.shared[0],
            "stream": s.name,
        }
        text_nl, text_en = _LEVEL_TEXT[a.fit.level]
        nl.append(text_nl.format(route=route_nl, **values))
        en.append(text_en.format(route=route_en, **values))
        if a.fit.level == "same" and a.route is not None:
            nl.append(f"Route: {route_nl}.")
            en.append(f"Route: {route_en}.")
    if a.heat is not None:
        phase_nl = "stoom" if a.heat.steam else "warmte"
        phase_en = "steam" if a.heat.steam else "heat"
        if a.heat.fit == "fits":
            nl.append(
                f"De {phase_nl} ({_number(s.temperature_c)} °C) is warm genoeg voor de vraag "
                f"({_number(d.temperature_c)} °C)."
            )
            en.append(
                f"The {phase_en} ({_number(s.temperature_c)} °C) is hot enough for the need "
                f"({_number(d.temperature_c)} °C)."
            )
        elif a.heat.fit == "heat_pump":
            nl.append(f"Met een warmtepomp: {_number(a.heat.lift_k)} K optillen.")
            en.append(f"With a heat pump: lift {_number(a.heat.lift_k)} K.")
    if a.evidence:
        nl.append(f"{a.evidence} MAESTRI-uitwisselingen brengen zo'n stroom naar deze sector.")
        en.append(f"{a.evidence} MAESTRI exchanges take such a stream into this sector.")
    if a.coverage is not None:
        nl.append(f"Dekt {a.coverage:.0%} van de behoefte.")
        en.append(f"Covers {a.coverage:.0%} of the need.")
    if a.mode is not None and a.mode.eur_per_t_km and a.amount:
        cost = a.mode.eur_per_t_km * a.distance_km
        nl.append(f"Transport ≈ {cost:.0f} EUR/t (richtwaarde).")
        en.append(f"Transport ≈ {cost:.0f} EUR/t (rough guide).")
    nl.append("Score: " + ", ".join(f"{_PART_NAMES[k][0]} {v:+.0f}" for k, v in a.parts) + ".")
    en.append("Score: " + ", ".join(f"{_PART_NAMES[k][1]} {v:+.0f}" for k, v in a.parts) + ".")
    return {"nl": " ".join(nl), "en": " ".join(en)}
