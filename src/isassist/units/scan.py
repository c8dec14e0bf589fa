"""Finding the amounts in a typed answer: number (or range), unit and period, per group.

"500 kW, 6000 h/j" holds two groups (a power and the hours); "2 containers van 30 m³ per week"
holds a count and a size. The scanner only finds groups; ``quantity`` decides what they mean
together.
"""

from __future__ import annotations

from dataclasses import dataclass

from isassist.units.errors import Lang
from isassist.units.tokens import is_number_token, read_number_phrase
from isassist.units.vocabulary import (
    APPROXIMATE_WORDS,
    ARTICLES,
    CONTINUOUS_WORDS,
    HALF_WORDS,
    NUMBER_WORDS,
    PERIOD_ADVERBS,
    PERIOD_CONNECTORS,
    PERIOD_WORDS,
    RANGE_AND,
    RANGE_OPENERS,
    RANGE_WORDS,
    UNIT_PERIOD_WORDS,
    UNITS,
    Period,
    UnitSpec,
)

_KNOWN_WORDS = (
    APPROXIMATE_WORDS
    | CONTINUOUS_WORDS
    | RANGE_OPENERS
    | RANGE_AND
    | RANGE_WORDS
    | PERIOD_CONNECTORS
    | set(PERIOD_WORDS)
    | set(PERIOD_ADVERBS)
    | ARTICLES
)


@dataclass
class Group:
    """One amount as typed: "10-20 t/j" is low 10, high 20, unit t, period year."""

    low: float
    high: float | None
    unit: UnitSpec | None
    unit_word: str | None
    period: Period | None
    periods_per_count: float  # "om de 2 weken" -> 2
    negative: bool

    @property
    def value(self) -> float:
        return self.low if self.high is None else (self.low + self.high) / 2


@dataclass
class Scan:
    groups: list[Group]
    approximate: bool
    continuous: bool
    vague: list[str]
    """The vague words read as a range ("een paar", "several hundred"), as typed."""


def scan(tokens: list[str], lang: Lang, *, multipliers: bool = True) -> Scan:
    """All amount groups in ``tokens``, plus whether the answer said "about" or "continuous"."""
    groups: list[Group] = []
    vague: list[str] = []
    range_opened = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in RANGE_OPENERS:
            range_opened = True
        phrase = read_number_phrase(tokens, index, lang, multipliers=multipliers)
        if phrase is None:
            index += 1
            continue
        negative = _negative(tokens, index)
        end = phrase.end
        high = phrase.high
        if phrase.vague is not None:
            vague.append(phrase.vague)
        separator = _at(tokens, end)
        if (high is None and separator in RANGE_WORDS) or (range_opened and separator in RANGE_AND):
            second = (
                read_number_phrase(tokens, end + 1, lang, multipliers=multipliers)
                if end + 1 < len(tokens)
                else None
            )
            if second is not None:
                high, end = second.value, second.end
        low = phrase.value
        if high is not None and high < low:
            low, high = high, low
        unit, unit_word, period, end = _read_unit(tokens, end)
        count = 1.0
        if period is None:
            period, count, end = _read_period(tokens, end, lang)
        groups.append(Group(low, high, unit, unit_word, period, count, negative))
        range_opened = False
        index = max(end, index + 1)
    return Scan(
        groups,
        approximate=any(t in APPROXIMATE_WORDS for t in tokens) or bool(vague),
        continuous=any(t in CONTINUOUS_WORDS for t in tokens),
        vague=vague,
    )


def _negative(tokens: list[str], index: int) -> bool:
    if index == 0 or tokens[index - 1] != "-":
        return False
    before = _at(tokens, index - 2)
    return index == 1 or before in APPROXIMATE_WORDS or before in (",", ";", "€", "$")


def _read_unit(
    tokens: list[str], index: int
) -> tuple[UnitSpec | None, str | None, Period | None, int]:
    word = _at(tokens, index)
    if word in UNIT_PERIOD_WORDS:
        symbol, period = UNIT_PERIOD_WORDS[word]
        return UNITS[symbol], word, period, index + 1
    if word in UNITS:
        return UNITS[word], word, None, index + 1
    if not word.isalpha() or word in _KNOWN_WORDS:
        return None, None, None, index
    # One descriptive word may sit between number and unit: "200 natte ton".
    following = _at(tokens, index + 1)
    if following in UNITS:
        return UNITS[following], following, None, index + 2
    return None, word, None, index + 1


def _read_period(tokens: list[str], index: int, lang: Lang) -> tuple[Period | None, float, int]:
    """The first period after a unit, before the next number starts a new group."""
    position = index
    while position < len(tokens):
        token = tokens[position]
        if token in PERIOD_ADVERBS:
            return PERIOD_ADVERBS[token], 1.0, position + 1
        if token in PERIOD_CONNECTORS:
            found = _period_after_connector(tokens, position + 1, lang)
            if found is not None:
                return found
        elif is_number_token(token) or token in NUMBER_WORDS or token in HALF_WORDS:
            break
        position += 1
    return None, 1.0, index


def _period_after_connector(
    tokens: list[str], position: int, lang: Lang
) -> tuple[Period, float, int] | None:
    word = _at(tokens, position)
    if word in PERIOD_WORDS:
        return PERIOD_WORDS[word], 1.0, position + 1
    while _at(tokens, position) in ARTICLES:
        position += 1
    count = 1.0
    if position < len(tokens):
        phrase = read_number_phrase(tokens, position, lang, multipliers=False)
        if phrase is not None:
            count, position = phrase.value, phrase.end
    word = _at(tokens, position)
    if word in PERIOD_WORDS and count > 0:
        return PERIOD_WORDS[word], count, position + 1
    return None


def _at(tokens: list[str], index: int) -> str:
    return tokens[index] if 0 <= index < len(tokens) else ""
