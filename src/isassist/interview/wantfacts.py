"""What a company takes in (section wants) as facts the rules reason over.

A want ("gips als bindtijdregelaar 40000 ton per jaar") is classified like a stream and becomes
a ``Stream`` fact with ``role="want"`` (ids w1, w2, ...) plus its properties, so rules written
for wants (``stream: {role: want}``) raise the receiver's own routes, barriers (permit, input
specification) and knowledge gaps, and no rule about the company's own streams fires on it.
"""

from __future__ import annotations

import re

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
_NAME_MAX = 200
# "gips 40000 ton per jaar" -> the name is "gips"; the amount becomes a property
_AMOUNT = re.compile(
    r"\s+(ca\.?\s*|about\s+|ongeveer\s+)?\d[\d.,\s]*\s*(ton|t|kg|m3|m³|mwh|kwh|gwh|gj|nm3)\b.*$",
    re.IGNORECASE,
)


def want_facts(state: State, services: Services, company: Company, lang: str) -> list[Fact]:
    """One want stream (and its properties) per item the company listed as an input."""
    facts: list[Fact] = []
    number = 0
    for question, listed_kind in WANT_QUESTIONS.items():
        answer = state.answers.get((question, None))
        if answer is None or answer.status != "known" or not isinstance(answer.value, str):
            continue
        for item in stream_names(answer.value):
            if _NOTHING.fullmatch(item.strip()):
                continue
            number += 1
            want = f"w{number}"
            kind = listed_kind or _kind_of(item)
            name = _AMOUNT.sub("", item).strip() or item
            facts.append(Stream(id=want, name=name[:_NAME_MAX], kind=kind, role="want"))
            props = _properties(item, kind, services, company, lang)
            facts += [
                Property(id=f"{want}.{name}", stream=want, name=name, value=value)
                for name, value in props.items()
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
