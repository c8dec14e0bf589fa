"""The closed word lists of the rule format: kinds, categories per kind, levels, operators.

They live apart from the pydantic models so that the loader, the compiler, the CLI and the
README generator agree on one spelling, and so a typo anywhere can be answered with a
"did you mean" drawn from the same list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Literal, get_args

Kind = Literal[
    "classification",
    "barrier",
    "knowledge_gap",
    "legal",
    "heat",
    "valorisation",
    "canvas",
    "follow_up",
]
KINDS: tuple[str, ...] = get_args(Kind)

Level = Literal["low", "medium", "high"]

# Barrier taxonomy after Golev, Corder & Giurco 2015 (J. Ind. Ecol. 19(1):141) and
# Kosmol & Leyh 2019 (LNBIP 380).
BarrierCategory = Literal[
    "regulatory",
    "technical",
    "economic",
    "informational",
    "organisational",
    "social",
    "geographic",
]
# Knowledge gaps follow MAESTRI step 2 sub-steps B-F and the three step-3 sources.
GapCategory = Literal[
    "classification",
    "operational",
    "health_safety",
    "current_management",
    "properties",
    "treatment",
    "market",
    "network",
]
ClassificationCategory = Literal[
    "chapter_order",
    "packaging",
    "municipal",
    "sludge",
    "mirror",
    "hazardous",
    "by_product",
    "energy",
    "unspecified",
    "chemical",
]
LegalCategory = Literal[
    "waste_status",
    "by_product",
    "end_of_waste",
    "animal_by_products",
    "feed",
    "fertiliser",
    "shipment",
    "transport",
    "permit",
    "reach",
]
HeatCategory = Literal["temperature", "dew_point", "distance", "season", "storage"]
# Waste-hierarchy level of the route (WFD art. 4) a valorisation rule proposes.
ValorisationCategory = Literal["prevention", "reuse", "recycling", "recovery", "energy_recovery"]
# The nine Business Model Canvas blocks (Osterwalder & Pigneur).
CanvasBlock = Literal[
    "value_proposition",
    "customer_segments",
    "customer_relationships",
    "channels",
    "key_activities",
    "key_resources",
    "key_partners",
    "cost_structure",
    "revenue_streams",
]
# MAESTRI Toolkit-4 steps a follow-up question belongs to.
FollowUpCategory = Literal["identify", "characterise", "value", "valorise"]

CATEGORIES: dict[str, tuple[str, ...]] = {
    "classification": get_args(ClassificationCategory),
    "barrier": get_args(BarrierCategory),
    "knowledge_gap": get_args(GapCategory),
    "legal": get_args(LegalCategory),
    "heat": get_args(HeatCategory),
    "valorisation": get_args(ValorisationCategory),
    "canvas": get_args(CanvasBlock),
    "follow_up": get_args(FollowUpCategory),
}

# Operator spelling in rule files -> canonical name. Unicode and ASCII spellings both work
# because experts type "≥" as often as ">=".
OPERATOR_SPELLINGS: dict[str, str] = {
    "=": "=",
    "==": "=",
    "≠": "!=",
    "!=": "!=",
    "<": "<",
    "≤": "<=",
    "<=": "<=",
    ">": ">",
    "≥": ">=",
    ">=": ">=",
    "in": "in",
    "matches": "matches",
    "exists": "exists",
    "missing": "missing",
}
OPERATORS: tuple[str, ...] = ("=", "!=", "<", "<=", ">", ">=", "in", "matches", "exists", "missing")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest choice, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
