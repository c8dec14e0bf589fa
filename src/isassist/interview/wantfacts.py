"""What a company takes in (section wants) as facts the rules reason over.

A want ("gips als bindtijdregelaar 40000 ton per jaar") is classified like a stream and becomes
a ``Stream`` fact with ``role="want"`` (ids w1, w2, ...) plus its properties, so rules written
for wants (``stream: {role: want}``) raise the receiver's own routes, barriers (permit, input
specification) and knowledge gaps, and no rule about the company's own streams fires on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from isassist.facts import Company, Fact, Property, Stream, StreamKind, Value
from isassist.interview.services import QuantityProblem, Services
from isassist.interview.state import State, stream_names

# question id -> kind of what it lists (None: read the kind from the words)
WANT_QUESTIONS: dict[str, StreamKind | None] = {
    "wants_materials": "material",
    "wants_utilities": None,
}
_NOTHING = re.compile(r"(geen|niets|nee|none|nothing|no|n\.?v\.?t\.?|-)\.?", re.IGNORECASE)
_UTILITY_KINDS: tuple[tuple[re.Pattern[str], StreamKind], ...] = (
    (re.compile(r"warmte|heat|stoom|steam|koude|cold", re.IGNORECASE), "heat"),
    (
        re.compile(
            r"co2|co₂|koolzuur|gas|waterstof|hydrogen|stikstof|nitrogen|lucht\b|air\b",
            re.IGNORECASE,
        ),
        "gas",
    ),
    (re.compile(r"water", re.IGNORECASE), "water"),
    (re.compile(r"stroom|elektriciteit|electricity|power", re.IGNORECASE), "energy"),
)
_YES = re.compile(r"(ja|yes|jawel|zeker|klopt|ok)\.?", re.IGNORECASE)
_NAME_MAX = 200
# "gips 40000 ton per jaar" -> the name is "gips"; the amount becomes a property
_AMOUNT = re.compile(
    r"\s+(ca\.?\s*|about\s+|ongeveer\s+)?\d[\d.,\s]*\s*"
    r"(tonnes|tonne|tonnen|tons|ton|t|kg|m3|m³|mwh|kwh|gwh|gj|nm3)\b.*$",
    re.IGNORECASE,
)


def listed_wants(answers: Mapping[str, str]) -> list[tuple[str, str, str, StreamKind]]:
    """(id, name, item as typed, kind) of every want in the wants answers (question id ->
    text): the ids w1, w2, ... the rules' conclusions name, so a report can name them too."""
    found: list[tuple[str, str, str, StreamKind]] = []
    for question, listed_kind in WANT_QUESTIONS.items():
        text = answers.get(question)
        if not text:
            continue
        for item in stream_names(text):
            if _NOTHING.fullmatch(item.strip()) or _YES.fullmatch(item.strip()):
                continue  # "geen" is no want, and neither is a bare "ja" (review R77)
            # "jute zakken hergebruiken, 5 ton per jaar": the comma before the amount goes too
            name = _AMOUNT.sub("", item).strip().rstrip(" ,;:-(") or item
            kind = listed_kind or _kind_of(item)
            found.append((f"w{len(found) + 1}", name[:_NAME_MAX], item, kind))
    return found


def want_facts(state: State, services: Services, company: Company, lang: str) -> list[Fact]:
    """One want stream (and its properties) per item the company listed as an input."""
    facts: list[Fact] = []
    answers = {
        question: answer.value
        for question in WANT_QUESTIONS
        if (answer := state.answers.get((question, None))) is not None
        and answer.status == "known"
        and isinstance(answer.value, str)
    }
    for want, name, item, kind in listed_wants(answers):
        facts.append(Stream(id=want, name=name, kind=kind, role="want"))
        props = _properties(item, kind, services, company, lang)
        facts += [
            Property(id=f"{want}.{prop}", stream=want, name=prop, value=value)
            for prop, value in props.items()
        ]
    return facts


def _kind_of(item: str) -> StreamKind:
    return next((kind for words, kind in _UTILITY_KINDS if words.search(item)), "material")


def _properties(
    item: str, kind: StreamKind, services: Services, company: Company, lang: str
) -> dict[str, Value]:
    props: dict[str, Value] = {}
    if kind == "material":
        found = services.search_codes("ewc", item, lang, company.nace, kind)
        if found:
            codes = [found[0].code]
            props["ewc"] = codes
            props["ewc_chapter"] = [codes[0][:2]]
            props["ewc_subchapter"] = [codes[0][:4]]
            families = services.families(codes)
            if families:
                props["family"] = families
    try:
        amount = services.parse_quantity(item, lang)
    except (QuantityProblem, ValueError):
        return props
    if amount.tonnes_per_year is not None:
        props["tonnes_per_year"] = float(amount.tonnes_per_year)
    if amount.per_year_value is not None and amount.per_year_unit:
        props["quantity_per_year"] = float(amount.per_year_value)
        props["quantity_unit"] = amount.per_year_unit
    return props
