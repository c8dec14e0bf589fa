"""The words of a match: its reason and its barriers, in Dutch and English.

Kept apart from the scoring so a broker's wording can be improved without touching the
arithmetic, and so the scoring loop never formats strings for pairs that are thrown away.
Barrier categories follow the rule base's taxonomy (regulatory, technical, economic,
informational, geographic, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from babel.numbers import format_percent

from isassist.facts import value_label
from isassist.knowledge import get_knowledge
from isassist.knowledge.codes import display_ewc, display_ewc_codes
from isassist.register.fit import words
from isassist.register.routes import default_catalogue
from isassist.units.display import format_amount, format_number, locale_of

if TYPE_CHECKING:
    from isassist.register.assessment import Assessment, Party
    from isassist.register.models import RegisterStream


@dataclass(frozen=True)
class Barrier:
    """Something that stands between a match and a working exchange."""

    code: str
    category: str
    severity: str
    text: dict[str, str]

    def heading(self, lang: str) -> str:
        """ "regelgeving, groot": what kind of barrier and how hard, in the reader's words."""
        category = _CATEGORY_NAMES.get(self.category, (self.category, self.category))
        weight = _SEVERITY_NAMES.get(self.severity, (self.severity, self.severity))
        pick = 1 if lang == "en" else 0
        return f"{category[pick]}, {weight[pick]}"

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "text": self.text,
        }


_CATEGORY_NAMES = {
    "regulatory": ("regelgeving", "regulatory"),
    "technical": ("technisch", "technical"),
    "economic": ("economisch", "economic"),
    "informational": ("informatie", "informational"),
    "geographic": ("geografisch", "geographic"),
}
_SEVERITY_NAMES = {
    "low": ("klein", "low"),
    "medium": ("middelgroot", "medium"),
    "high": ("groot", "high"),
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
    "abp_milk": (
        "regulatory",
        "medium",
        "Melkproducten zijn dierlijke bijproducten van categorie 3 (Verordening (EG) nr. "
        "1069/2009, art. 10, e) en f)): als voeder voor landbouwdieren gelden de voorwaarden "
        "van Verordening (EU) nr. 142/2011, bijlage X, hoofdstuk II, afdeling 4 (behandeling, "
        "of een afwijking die de bevoegde overheid toestaat); {receiver} moet als gebruiker "
        "geregistreerd zijn (Verordening (EG) nr. 1069/2009, art. 23) en elke vracht reist met "
        "een handelsdocument (art. 21). Vraag na bij {feed_authority} wat nodig is.",
        "Milk products are category 3 animal by-products (Regulation (EC) No 1069/2009, "
        "art. 10(e) and (f)): as feed for farmed animals the conditions of Regulation (EU) "
        "No 142/2011, Annex X, Chapter II, Section 4 apply (treatment, or a derogation the "
        "competent authority grants); {receiver} must be registered as a user (Regulation (EC) "
        "No 1069/2009, art. 23) and every load travels with a commercial document (art. 21). "
        "Check with {feed_authority} what is needed.",
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
        "moet {lift} K opkrikken ({gap} K verschil plus {approach} K voor de warmtewisselaar; "
        "COP ≈ {cop}, ≈ {electricity} MWh elektriciteit per jaar; schatting: half de "
        "Carnot-COP).",
        "The heat ({supply_t} °C) is too cold for the need ({demand_t} °C): a heat pump has to "
        "lift it {lift} K ({gap} K difference plus {approach} K for the heat exchanger; "
        "COP ≈ {cop}, ≈ {electricity} MWh of electricity a year; estimate: half the Carnot "
        "COP).",
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


def _number(value: float | None, lang: str, digits: int = 0) -> str:
    """A figure as the reader of ``lang`` writes it ("1.200" or "1,200"), "?" when unknown."""
    if value is None:
        return "?"
    return format_number(value, lang, digits=digits)


@lru_cache(maxsize=4096)
def _percent(share: float, lang: str) -> str:
    """ "100%" or "42%": most matches cover the whole need, so the figure is kept."""
    return str(format_percent(share, locale=locale_of(lang)))


def km_text(value: float, lang: str) -> str:
    """ "39,3 km" (nl) or "39.3 km" (en)."""
    return f"{format_number(round(value, 1), lang, digits=1)} km"


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
_FEED_AUTHORITY_EN = {
    "flanders": "the FASFC (FAVV)",
    "wallonia": "the FASFC (AFSCA)",
    "brussels": "the FASFC (FAVV)",
    "netherlands": "the NVWA",
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
    gap = approach = None
    if heat is not None and heat.supply_c is not None and heat.demand_c is not None:
        gap = heat.demand_c - heat.supply_c
        approach = (heat.lift_k or 0.0) - gap

    def values(lang: str) -> dict[str, str]:
        unknown = "EWC-code nog onbekend" if lang == "nl" else "EWC code not known yet"
        return {
            "stream": s.name,
            "supplier": supply.company.name,
            "receiver": demand.company.name,
            "codes": display_ewc_codes(s.ewc) if s.ewc else unknown,
            "region_nl": permit[0],
            "region_en": permit[1],
            "region_name_nl": _REGION_NAME[region][0],
            "region_name_en": _REGION_NAME[region][1],
            "category_nl": f" categorie {abp}" if abp else "",
            "category_en": f" category {abp}" if abp else "",
            "feed_authority": _FEED_AUTHORITY.get(region, "de bevoegde overheid")
            if lang == "nl"
            else _FEED_AUTHORITY_EN.get(region, "the competent authority"),
            "from_country": supply.company.country,
            "to_country": demand.company.country,
            "supply_t": _number(heat.supply_c if heat else s.temperature_c, lang),
            "demand_t": _number(heat.demand_c if heat else d.temperature_c, lang),
            "lift": _number(heat.lift_k if heat else None, lang),
            "gap": _number(gap, lang),
            "approach": _number(approach, lang),
            "cop": _number(heat.cop if heat and heat.cop else None, lang, digits=1),
            "electricity": _number(heat.electricity_mwh if heat else None, lang),
            "distance": _number(a.distance_km, lang),
            "limit": _number(a.limit_km, lang),
            "mode_nl": f", {a.mode.name_nl}" if a.mode else "",
            "mode_en": f", {a.mode.name_en}" if a.mode else "",
        }

    text = {"nl": nl.format(**values("nl")), "en": en.format(**values("en"))}
    return Barrier(code, category, severity, text)


_LEVEL_TEXT = {
    "same": ("Zelfde materiaal: {shared}.", "Same material: {shared}."),
    "use": (
        "De vraag noemt het gebruik {route}; de regelbank kent die route voor {families} "
        "naar deze sector.",
        "The want names the use {route}; the rule base has that route for {families} into "
        "this sector.",
    ),
    "route": (
        "Beide zijn {shared}; de regelbank kent voor {shared} een route naar deze sector: {route}.",
        "Both are {shared}; the rule base has a route for {shared} into this sector: {route}.",
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
    "specification": ("specificatie", "specification"),
    "evidence": ("bewijs", "evidence"),
    "distance": ("afstand", "distance"),
    "volume": ("volume", "volume"),
    "timing": ("timing", "timing"),
    "legal": ("wettelijk/drempels", "legal/barriers"),
}


def family_label(family: str, lang: str) -> str:
    """A material family as a reader says it ("bostel (brouwersgraan)"), never its slug."""
    found = get_knowledge().families.get(family)
    if found is None:
        return family.replace("_", " ")
    return found.name_nl if lang == "nl" else found.name_en


def _and(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'en' if lang == 'nl' else 'and'} {items[-1]}"


def _shared(shared: tuple[str, ...], lang: str) -> str:
    """What two streams share, in words: "EWC 02 07 02", "both say 'bostel'", a family."""
    codes = [f"EWC {display_ewc(c)}" for c in shared if c.isdigit()]
    terms = [f"'{c[len('term:') :]}'" for c in shared if c.startswith("term:")]
    families = [family_label(c, lang) for c in shared if not c.isdigit() and ":" not in c]
    said = []
    if codes:
        said.append(_and(codes, lang))
    if terms:
        said.append(("beide noemen " if lang == "nl" else "both name ") + _and(terms, lang))
    if families:
        said.append(_and(families, lang))
    return "; ".join(said)


def _route_name(a: Assessment, lang: str) -> str:
    """The route by its name ("diervoeder"): a rule's title may name another material of the
    same rule (tyres go by the rule titled for mixed plastic)."""
    return value_label(a.route.route, lang) if a.route is not None else "-"


def _fit_sentences(supply: Party, demand: Party, a: Assessment, lang: str) -> list[str]:
    """Why the material fits, only what is true of this pair."""
    if a.fit is None:
        return []
    level_nl, level_en = _LEVEL_TEXT[a.fit.level]
    route = _route_name(a, lang)
    by_family = default_catalogue().by_family
    carried = [
        f
        for f in supply.stream.families
        if a.route is not None and any(r.route == a.route.route for r in by_family.get(f, ()))
    ]
    families = _and([family_label(f, lang) for f in carried], lang) or supply.stream.name
    shared = _shared(a.fit.shared, lang)
    said = [
        (level_nl if lang == "nl" else level_en).format(
            shared=shared, route=route, families=families
        )
    ]
    if a.fit.level == "same" and a.route is not None:
        said.append(
            f"De regelbank kent de route {route} naar deze sector."
            if lang == "nl"
            else f"The rule base has the route {route} into this sector."
        )
    if a.spec is not None:
        label = a.spec.label_nl if lang == "nl" else a.spec.label_en
        said.append(
            f"{supply.stream.name} voldoet aan wat de vraag vraagt: {label}."
            if lang == "nl"
            else f"{supply.stream.name} meets what the want asks for: {label}."
        )
    return said


def _heat_sentences(s: RegisterStream, d: RegisterStream, a: Assessment, lang: str) -> list[str]:
    if a.heat is None:
        return []
    supply_t, demand_t = _number(a.heat.supply_c, lang), _number(a.heat.demand_c, lang)
    if a.heat.fit == "fits":
        if lang == "nl":
            phase = "stoom" if a.heat.steam else "warmte"
            return [f"De {phase} ({supply_t} °C) is warm genoeg voor de vraag ({demand_t} °C)."]
        phase = "steam" if a.heat.steam else "heat"
        return [f"The {phase} ({supply_t} °C) is hot enough for the need ({demand_t} °C)."]
    if a.heat.fit == "heat_pump":
        lift = _number(a.heat.lift_k, lang)
        return [
            f"Met een warmtepomp: {lift} K optillen."
            if lang == "nl"
            else f"With a heat pump: lift {lift} K."
        ]
    return []


_OIL = ("olie", "oliën", "olierijk", "olierijke", "oil", "oily", "vet", "vetrijk", "vetrijke")
_OIL_CARRIERS = (
    "bleekaarde",
    "bleekklei",
    "bleaching",
    "filterkoek",
    "filterklei",
    "kiezelgoer",
    "poetsdoeken",
    "poetsvodden",
    "vodden",
    "rags",
    "absorptiemiddel",
    "absorbent",
    "zaagsel",
    "sawdust",
)


def self_heating(name: str) -> bool:
    """Whether a stream is a solid carrying oil (spent bleaching earth, oily filter cake or
    rags): its oil film oxidises and can ignite the heap (AOCS Inform, May 2015, on spent
    bleaching earth) — a handling note, not perishability (review R74)."""
    said = set(words(name))
    oily = any(w in said for w in _OIL) or any(w.startswith("olie") for w in said)
    return oily and any(w.startswith(c) for w in said for c in _OIL_CARRIERS)


def _describe(supply: Party, demand: Party, a: Assessment, lang: str) -> str:
    s, d = supply.stream, demand.stream
    nl = lang == "nl"
    have = (
        format_amount(s.amount_per_year, s.counted_in, lang, per_year=True)
        if s.amount_per_year is not None
        else ("hoeveelheid onbekend" if nl else "amount unknown")
    )
    need = (
        format_amount(d.amount_per_year, d.counted_in, lang, per_year=True)
        if d.amount_per_year is not None
        else ("hoeveelheid onbekend" if nl else "amount unknown")
    )
    how = f" ({a.mode.name_nl if nl else a.mode.name_en})" if a.mode else ""
    limit = f"{_number(a.limit_km, lang)} km"
    if nl:
        said = [
            f"{supply.company.name} biedt {s.name} aan ({have}) op {km_text(a.distance_km, lang)} "
            f"van {demand.company.name}, dat {d.name} zoekt ({need}); binnen {limit}{how}."
        ]
    else:
        said = [
            f"{supply.company.name} offers {s.name} ({have}) {km_text(a.distance_km, lang)} from "
            f"{demand.company.name}, which wants {d.name} ({need}); within {limit}{how}."
        ]
    said += _fit_sentences(supply, demand, a, lang)
    said += _heat_sentences(s, d, a, lang)
    if self_heating(s.name):
        said.append(
            "Vaste stof met olie kan zelf opwarmen en ontbranden: afgedekt of bevochtigd "
            "opslaan en vervoeren, niet warm storten."
            if nl
            else "An oil-laden solid can self-heat and ignite: store and carry it covered or "
            "moistened, never tip it hot."
        )
    if a.evidence:
        count = _number(a.evidence, lang)
        if nl:
            many = "uitwisseling brengt" if a.evidence == 1 else "uitwisselingen brengen"
            said.append(f"{count} MAESTRI-{many} zo'n stroom naar deze sector.")
        else:
            many = "exchange takes" if a.evidence == 1 else "exchanges take"
            said.append(f"{count} MAESTRI {many} such a stream into this sector.")
    if a.density is not None:
        typical, low, high = (
            _number(v, lang, digits=2)
            for v in (a.density.density_t_m3, a.density.low, a.density.high)
        )
        said.append(
            f"Tonnen en m³ vergeleken met een gangbare dichtheid van {typical} t/m³ "
            f"(bereik {low}–{high}); vraag de echte na."
            if nl
            else f"Tonnes and m³ compared at a typical density of {typical} t/m³ "
            f"(range {low}–{high}); ask for the real one."
        )
    if a.coverage is not None:
        share = _percent(max(a.coverage, 0.01), lang)
        if a.coverage < 0.01:
            share = ("minder dan " if nl else "less than ") + share
        said.append(f"Dekt {share} van de behoefte." if nl else f"Covers {share} of the need.")
    if a.mode is not None and a.mode.eur_per_t_km and a.amount:
        cost = _number(a.mode.eur_per_t_km * a.distance_km, lang)
        guide = "richtwaarde" if nl else "rough guide"
        said.append(f"Transport ≈ {cost} €/t ({guide}).")
    names = {k: v[0] if nl else v[1] for k, v in _PART_NAMES.items()}
    parts = [
        f"{names[k]} {'+' if v >= 0 else '−'}{_number(abs(v), lang, digits=1)}"
        for k, v in a.parts
        if round(v, 1) or k not in ("specification", "evidence")
    ]
    said.append("Score: " + ", ".join(parts) + ".")
    return " ".join(said)


def describe(supply: Party, demand: Party, a: Assessment) -> dict[str, str]:
    """One readable paragraph per language saying why this pair is worth a phone call.

    Every sentence is about this pair: the reason it was kept, the transport that carries it,
    the share of the need it covers and the score's named parts. Figures are written as the
    reader of each language writes them; families and routes by their names, never a slug.
    """
    return {lang: _describe(supply, demand, a, lang) for lang in ("nl", "en")}


_REFUSALS = {
    "kind": (
        "Geen aanbod en vraag van dezelfde soort (materiaal, warmte, water, ...).",
        "Not a supply and a need of the same kind (material, heat, water, ...).",
    ),
    "same_company": (
        "Beide stromen zijn van hetzelfde bedrijf.",
        "Both streams are of one company.",
    ),
    "far": (
        "Te ver: {distance} km, meer dan de {limit} km die zo'n stroom redelijk reist.",
        "Too far: {distance} km, more than the {limit} km such a stream reasonably travels.",
    ),
    "no_reason": (
        "Geen reden om ze te koppelen: andere materialen, en de vraag noemt geen gebruik dat "
        "de regelbank voor dit aanbod kent.",
        "No reason to pair them: different materials, and the want names no use the rule base "
        "has for this supply.",
    ),
    "weak": (
        "Enkel dezelfde brede materiaalfamilie: dat is nog niet hetzelfde materiaal.",
        "Only the same broad material family: that is not yet the same material.",
    ),
    "heat": (
        "De warmte past niet bij de vraag (temperatuur of fase).",
        "The heat does not fit the need (temperature or phase).",
    ),
    "banned": (
        "Uitgesloten door de regels voor dierlijke bijproducten en voeder ({ban}); vraag de "
        "bevoegde overheid (in België het FAVV) wat wel mag.",
        "Excluded by the rules on animal by-products and feed ({ban}); ask the competent "
        "authority (in Belgium the FASFC) what is allowed.",
    ),
    "low_score": (
        "De score blijft onder {minimum} (afstand, volume, timing en drempels samen).",
        "The score stays below {minimum} (distance, volume, timing and barriers together).",
    ),
}


_BANS = {
    "catering_to_feed": ("keukenafval als voeder", "catering waste as feed"),
    "abp_to_feed": (
        "dierlijke bijproducten als voeder voor landbouwdieren",
        "animal by-products as feed for farmed animals",
    ),
    "abp_category_to_petfood": (
        "materiaal van categorie 1 of 2 in petfood",
        "category 1 or 2 material in pet food",
    ),
}


def refusal_text(code: str, **values: float | str) -> dict[str, str]:
    """Why a pair is no match, in both languages, figures as each reader writes them and a
    ban by its words, never its slug."""
    nl, en = _REFUSALS[code]

    def said(lang: str) -> dict[str, str]:
        pick = 1 if lang == "en" else 0
        return {
            k: _BANS.get(v, (v, v))[pick] if isinstance(v, str) else _number(v, lang, digits=0)
            for k, v in values.items()
        }

    return {"nl": nl.format(**said("nl")), "en": en.format(**said("en"))}
