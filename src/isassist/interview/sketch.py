"""Step 1 in the contact's own words: "bierdraf, ca. 3000 ton per jaar; warm koelwater 35 °C".

When the streams are listed, people say how much there is and how warm it is in the same
breath. This module splits one listed entry into the stream's name, the amount and the
temperature as typed, and a kind when the words leave no doubt. The session then answers
the stream's step-1 questions with those parts through the normal answer parser, so what
was said once is carried forward instead of asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from isassist.interview.dialog import Question

_DEGREES = re.compile(
    r"(?:\b(?:van|op|bij|at|of|ca\.?|circa|ongeveer|about|around)\s+)*"
    r"[-+]?\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:°\s*[CF]?|graden(?:\s+celsius)?\b"
    r"|degrees?(?:\s+celsius)?\b|deg\s*C\b|\bC\b)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+|^)(?:van|op|bij|met|at|of|with|ca\.?|circa|ongeveer|about|around|±|~)\s*$",
    re.IGNORECASE,
)
_ENERGY_UNIT = re.compile(r"\b(?:[kMG]Wh|GJ|TJ|kW|MW)\b")
_AMOUNT_WORDS = re.compile(
    r"\b(?:ton|tonnen|tonne|tonnes|kg|kilo|liter|litre|liters|litres|m3|m³|kuub|kubieke"
    r"|MWh|kWh|kW|MW|GJ)\b",
    re.IGNORECASE,
)
"""A unit word: after a comma it makes the rest an amount even without a figure, so a vague
amount ("oud frituurvet, honderdduizenden liter") never becomes part of the stream's name."""
_MASS_UNIT = re.compile(r"\b(?:t|ton|tonnen|tonne|tonnes|kg|kilo)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sketch:
    """One listed stream taken apart: name, and the amount and temperature as typed."""

    name: str
    amount: str | None = None
    temperature: str | None = None
    energy: bool = False
    mass: bool = False

    @property
    def said(self) -> bool:
        return self.amount is not None or self.temperature is not None


def sketch(entry: str) -> Sketch:
    """Split ``entry``: the name is the text before the first figure, the rest is data."""
    text = " ".join(entry.split())
    degrees = _DEGREES.search(text)
    temperature = degrees.group(0).strip() if degrees else None
    rest = _DEGREES.sub(" ", text, count=1) if degrees else text
    first_digit = re.search(r"(?<![^\W\d_])\d", rest)
    head, comma, tail = rest.partition(",")
    if first_digit is None and comma and _AMOUNT_WORDS.search(tail):
        # an amount in words after the name: "honderdduizenden liter", "een paar kuub"
        name, amount = head, tail
    elif first_digit is None or not re.search(r"[^\W\d_]", rest[first_digit.start() :]):
        # no figure, or a figure without a unit ("lijn 2"): it is part of the name
        name, amount = rest, None
    else:
        start = first_digit.start()
        if rest[start - 1 : start] == "-" and rest[start - 2 : start - 1] in ("", " ", ",", ";"):
            start -= 1  # "-200 ton": the sign stays with the figure, which is then refused
        name, amount = rest[:start], rest[start:]
    name = name.strip()
    if amount is not None or degrees is not None:
        # only what stood between the name and the figures goes: "bostel, ca." -> "bostel"
        name = name.rstrip(" ,;:-(")
        while (trimmed := _TRAILING.sub("", name).rstrip(" ,;:-(")) != name:
            name = trimmed
    if not name:
        return Sketch(name=text)
    amount = amount.strip(" ,;)") if amount else None
    return Sketch(
        name=name,
        amount=amount or None,
        temperature=_number_only(temperature),
        energy=bool(amount and _ENERGY_UNIT.search(amount)),
        mass=bool(amount and _MASS_UNIT.search(amount)),
    )


def _number_only(found: str | None) -> str | None:
    if found is None:
        return None
    match = re.search(r"[-+]?\d.*", found)
    return match.group(0) if match else None


def kind_from(words: Sketch, kind_question: Question | None) -> str | None:
    """The stream's kind when the words leave no doubt; None means: ask.

    A temperature or an energy unit says heat; a mass unit says material, unless one of the
    kind question's own synonyms in the name says gas or water (tonnes of CO2). A name alone
    is never enough.
    """
    if words.energy or (words.temperature is not None and not words.mass):
        return "heat"
    if kind_question is None:
        return "material" if words.mass else None
    tokens = set(re.findall(r"[\w-]+", words.name.lower()))
    lowered = f" {words.name.lower()} "
    found: set[str] = set()
    for option in kind_question.options:
        names = {option.value, option.label.nl.lower(), option.label.en.lower(), *option.synonyms}
        for name in names:
            name = name.lower()
            if (" " in name and f" {name} " in lowered) or name in tokens:
                found.add(option.value)
    if not words.mass:
        return None  # a name alone ("warm koelwater": heat or water?) is asked, never guessed
    # tonnes of CO2 are gas and tonnes of sludge water are water; tonnes of heat are nothing
    found -= {"heat", "energy", "capacity"}
    return "material" if not found else (found.pop() if len(found) == 1 else None)
