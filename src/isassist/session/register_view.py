"""The broker register as a chat face words it: companies, matches, network, pipeline, impact.

The register package computes; this module only chooses words in Dutch or English and reads
what a broker types to move an opportunity ("gecontacteerd belde Jan" or "contacted called
Jan"), so the Textual screen stays a renderer and every wording is testable headless.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from isassist.register import Match, NetworkView, Opportunity, RegisterCompany, RegisterStream
from isassist.register.texts import km_text
from isassist.units.display import format_amount

STAGE_LABELS: dict[str, tuple[str, str]] = {
    "idea": ("idee", "idea"),
    "contacted": ("gecontacteerd", "contacted"),
    "feasibility": ("haalbaarheid", "feasibility"),
    "agreed": ("akkoord", "agreed"),
    "implemented": ("gerealiseerd", "implemented"),
    "dropped": ("afgevallen", "dropped"),
}
# every word a broker may type for a stage, either language
STAGE_WORDS: dict[str, str] = {
    word: stage for stage, labels in STAGE_LABELS.items() for word in (stage, *labels)
} | {"contact": "contacted", "uitgevoerd": "implemented", "gestopt": "dropped"}

RELATION_LABELS: dict[str, tuple[str, str]] = {
    "same": ("zelfde stroom in de buurt", "same stream nearby"),
    "complementary": ("aanvullend", "complementary"),
    "interested": ("geïnteresseerd", "interested"),
}
SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "low": ("klein", "low"),
    "medium": ("middelgroot", "medium"),
    "high": ("groot", "high"),
}
IMPACT_LABELS = (
    ("realised", ("gerealiseerd", "realised")),
    ("potential", ("potentieel", "potential")),
)


def _pick(labels: tuple[str, str], lang: str) -> str:
    return labels[1] if lang == "en" else labels[0]


def stage_label(stage: str, lang: str) -> str:
    return _pick(STAGE_LABELS.get(stage, (stage, stage)), lang)


def parse_move(text: str, lang: str) -> tuple[str, str]:
    """(stage, note) from "stage note..."; ValueError says which stage words exist."""
    head, _, note = text.strip().partition(" ")
    stage = STAGE_WORDS.get(head.lower())
    if stage is None:
        words = ", ".join(stage_label(s, lang) for s in STAGE_LABELS)
        if lang == "en":
            raise ValueError(f"'{head}' is not a stage. Type a stage and a note: {words}.")
        raise ValueError(f"'{head}' is geen fase. Typ een fase en een notitie: {words}.")
    return stage, note.strip()


def _amount(value: float | None, unit: str, lang: str) -> str:
    return format_amount(value, unit, lang, per_year=True) if value is not None else "?"


def company_line(company: RegisterCompany, streams: Sequence[RegisterStream], lang: str) -> str:
    """'Brouwerij X (11.05, 9000): heeft bostel; zoekt warmte'."""
    haves = ", ".join(s.name for s in streams if s.side == "have") or "-"
    wants = ", ".join(s.name for s in streams if s.side == "want") or "-"
    where = ", ".join(p for p in (company.nace, company.postcode) if p)
    has, seeks = ("has", "wants") if lang == "en" else ("heeft", "zoekt")
    return f"{company.name} ({where}): {has} {haves}; {seeks} {wants}"


def match_line(match: Match, own_company: int, lang: str) -> str:
    """Score, the partner and its stream, distance, reason and barriers of one match."""
    partner = match.demand if match.supply.company.id == own_company else match.supply
    a = match.assessment
    own = match.supply if partner is match.demand else match.demand
    arrow = "->" if partner is match.demand else "<-"
    supplied = match.supply.stream
    head = (
        f"{a.score:.0f}  {own.stream.name} {arrow} {partner.company.name}: "
        f"{partner.stream.name}, {km_text(a.distance_km, lang)}, "
        f"{_amount(a.amount or supplied.amount_per_year, supplied.counted_in, lang)}"
    )
    lines = [head, f"    {match.reason.get(lang) or match.reason.get('nl', '')}"]
    word = "barrier" if lang == "en" else "drempel"
    lines += [
        f"    {word} ({_pick(SEVERITY_LABELS.get(b.severity, (b.severity,) * 2), lang)}): "
        f"{b.text.get(lang, '')}"
        for b in match.barriers
    ]
    return "\n".join(lines)


def network_lines(view: NetworkView, lang: str) -> list[str]:
    """One line per neighbour, grouped by relation; an empty network says so."""
    lines: list[str] = []
    for relation, labels in RELATION_LABELS.items():
        for n in view.of(relation):  # type: ignore[arg-type]
            what = f" ({n.stream})" if n.stream else ""
            lines.append(
                f"{_pick(labels, lang)}: {n.company.name}{what}, {km_text(n.distance_km, lang)}. "
                f"{n.why.get(lang, '')}"
            )
    if not lines:
        lines.append("No neighbours in range." if lang == "en" else "Geen buren binnen bereik.")
    return lines


def opportunity_line(opportunity: Opportunity, names: dict[int, str], lang: str) -> str:
    """'#3 bostel -> voeder [gecontacteerd]' with the streams' names."""
    supply = names.get(opportunity.supply_id, str(opportunity.supply_id))
    demand = names.get(opportunity.demand_id or -1, "?")
    return f"#{opportunity.id} {supply} -> {demand} [{stage_label(opportunity.stage, lang)}]"


def impact_line(totals: dict[str, Any], lang: str) -> str:
    """Realised and potential tonnes, CO2e and euros of the whole register."""
    parts = []
    for key, labels in IMPACT_LABELS:
        figures = totals.get(key, {})
        # figures as the reader writes them: "1.234,5 t", "12.000 €" (review R83)
        tonnes = format_amount(float(figures.get("tonnes_diverted", 0)), "t", lang)
        co2 = format_amount(float(figures.get("co2e_avoided_t", 0)), "t", lang)
        euros = format_amount(round(float(figures.get("eur_saved", 0))), "EUR", lang)
        parts.append(f"{_pick(labels, lang)}: {tonnes}, {co2} CO2e, {euros}")
    return "Impact: " + "; ".join(parts)
