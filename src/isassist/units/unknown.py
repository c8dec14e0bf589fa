"""Recognising "I don't know" in its many forms, so it becomes a knowledge gap, not an error.

An unknown answer is information: the rules turn it into a knowledge gap with a follow-up
question. Reading "weet niet" as a failed number would instead nag the user to retype.
"""

from __future__ import annotations

import re

_UNKNOWN = frozenset(
    {
        "weet niet",
        "weet ik niet",
        "weet het niet",
        "ik weet het niet",
        "ik weet niet",
        "k weet het niet",
        "geen idee",
        "geen flauw idee",
        "geen flauw benul",
        "onbekend",
        "nog onbekend",
        "niet bekend",
        "nog niet bekend",
        "niet gekend",
        "ongekend",
        "nvt",
        "niet van toepassing",
        "geen gegevens",
        "geen data",
        "navragen",
        "moet ik navragen",
        "na te vragen",
        "nog na te vragen",
        "te bepalen",
        "nog te bepalen",
        "unknown",
        "not known",
        "n/a",
        "na",
        "dont know",
        "do not know",
        "i dont know",
        "no idea",
        "idk",
        "not applicable",
        "no data",
        "tbd",
        "to be determined",
        "to be checked",
        "not sure",
        "unsure",
        "niet zeker",
        "-",
        "--",
        "?",
    }
)


def is_unknown_answer(text: str) -> bool:
    """True when ``text`` says the answer is not known (Dutch or English), not a value."""
    simple = text.strip().lower().replace("’", "'").replace("'", "")
    simple = re.sub(r"(?<=[a-z])\.", "", simple)  # "n.v.t." -> "nvt"
    simple = re.sub(r"[!.,;:]+$", "", simple).strip()
    simple = re.sub(r"\s+", " ", simple)
    if simple and set(simple) <= {"?", " "}:
        return True
    return simple in _UNKNOWN
