"""Turning a typed answer into tokens, and digits into numbers, the way Flemish users write.

Dutch writes "1.200,50" where English writes "1,200.50". A lone separator followed by exactly
three digits ("1,200", "1.200") is the ambiguous case: the language hint decides, because the
same keystrokes mean 1.2 to a Dutch speaker and 1200 to an English one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from isassist.units.errors import Lang, quantity_error
from isassist.units.vocabulary import (
    HALF_WORDS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    VAGUE_OF,
    VAGUE_WORDS,
)

_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("\u00a0", " "),
    ("\u202f", " "),
    ("³", "3"),
    ("^3", "3"),
    ("**3", "3"),
    ("’", "'"),
    ("−", "-"),
    ("–", "-"),
    ("—", "-"),
    ("+/-", " ca "),
    ("+-", " ca "),
    ("±", " ca "),
    ("~", " ca "),
    ("×", " x "),
    ("24/7", " continu "),
)

# Multi-word names that read as one unit or marker.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bnormaal\s+kubieke\s+meters?\b", "nm3"),
    (r"\bnormale?\s+kubieke\s+meters?\b", "nm3"),
    (r"\bnormal\s+cubic\s+met(?:er|re)s?\b", "nm3"),
    (r"\bkubieke\s+meters?\b", "m3"),
    (r"\bcubic\s+met(?:er|re)s?\b", "m3"),
    (r"\bmetric\s+tons?\b", "t"),
    (r"\bbig\s*-?\s*bags?\b", "bigbag"),
    (r"\boperating\s+hours\b", "draaiuren"),
    (r"\bfull[- ]load\s+hours\b", "vollasturen"),
    (r"\bper\s+annum\b", "per jaar"),
    (r"\bdon'?t\s+know\b", "unknown"),
    (r"\bweet\s+(?:ik\s+)?(?:het\s+)?niet\b", "unknown"),
)

# "1e30", "2,5E3": scientific notation is one number token (an exponent needs its digits,
# so "2e ploeg" stays "2" and "e")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:e[+-]?\d+)?|[^\W\d_][\w']*|[/\-,;+%€$]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:e[+-]?\d+)?")
_EXPONENT = re.compile(r"e([+-]?\d+)$")
# A space between digit groups is a thousands separator ("1 200 kg").
_SPACE_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?![\d.,]))")
# A dot right after a letter ends an abbreviation ("ca.", "p.j.", "n.v.t.").
_ABBREVIATION_DOT = re.compile(r"(?<=[^\W\d_])\.")


def normalise(text: str) -> str:
    """Lower-case and simplify a typed answer so the vocabulary tables can stay small."""
    text = text.lower()
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    text = _ABBREVIATION_DOT.sub("", text)
    for pattern, new in _PHRASES:
        text = re.sub(pattern, new, text)
    return _SPACE_THOUSANDS.sub("", text)


def tokenize(text: str) -> list[str]:
    """Numbers, words and the few punctuation marks that carry meaning."""
    return _TOKEN.findall(normalise(text))


def is_number_token(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))


def read_digits(token: str, lang: Lang) -> float:
    """Read "1.200,50", "1,200.50", "2,5", "2.5", "1,200" or "1e30" as the user meant it."""
    exponent = _EXPONENT.search(token)
    if exponent is not None:
        power = int(exponent.group(1))
        if abs(power) > 300:
            raise quantity_error("absurd", lang, amount=token, limit="10^300")
        mantissa = read_digits(token[: exponent.start()], lang)
        return _finite(mantissa * 10.0**power, token, lang)
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        whole, _, fraction = token.rpartition(decimal)
        if fraction.count(grouping) or not _grouped(whole, grouping):
            raise quantity_error("not_a_number", lang, text=token)
        return _finite(float(whole.replace(grouping, "") + "." + fraction), token, lang)
    if not dots and not commas:
        return _finite(float(token), token, lang)
    separator = "." if dots else ","
    parts = token.split(separator)
    if len(parts) > 2:
        if not _grouped(token, separator):
            raise quantity_error("not_a_number", lang, text=token)
        return _finite(float(token.replace(separator, "")), token, lang)
    head, tail = parts
    lang_grouping = "." if lang == "nl" else ","
    if len(tail) == 3 and head != "0" and separator == lang_grouping:
        return _finite(float(head + tail), token, lang)
    return _finite(float(head + "." + tail), token, lang)


def tidy(value: float) -> float:
    """Drop binary-fraction noise (14.399999999999999) that no unit conversion means."""
    return float(f"{value:.12g}")


def _grouped(number: str, separator: str) -> bool:
    groups = number.split(separator)
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def _finite(value: float, token: str, lang: Lang) -> float:
    if not math.isfinite(value):
        raise quantity_error("absurd", lang, amount=token, limit="10^300")
    return value


@dataclass(frozen=True)
class NumberPhrase:
    """A number read from one or more tokens, and where reading stopped.

    ``high`` is set for a vague amount ("een paar", "honderden"): ``value`` is then the low
    end of the range it usually means and ``vague`` the words typed.
    """

    value: float
    end: int
    high: float | None = None
    vague: str | None = None


def read_number_phrase(
    tokens: list[str], start: int, lang: Lang, *, multipliers: bool = True
) -> NumberPhrase | None:
    """Read digits or number words at ``start``: "2,5", "een halve", "anderhalf", "3 duizend"."""
    token = tokens[start]
    position = start + 1
    if token in VAGUE_WORDS or (token in ("een", "a") and _at(tokens, position) in VAGUE_WORDS):
        return _vague(tokens, start, multipliers)
    if is_number_token(token):
        value = read_digits(token, lang)
    elif token in ("een", "a", "één") and _at(tokens, position) in HALF_WORDS:
        value, position = 0.5, position + 1
    elif token in HALF_WORDS:
        value = 0.5
        if _at(tokens, position) in ("a", "een"):
            position += 1
    elif token in NUMBER_WORDS and token != "a":
        value = NUMBER_WORDS[token]
    else:
        return None
    if multipliers:
        while _at(tokens, position) in MULTIPLIER_WORDS:
            value *= MULTIPLIER_WORDS[tokens[position]]
            position += 1
    return NumberPhrase(value, position)


def _vague(tokens: list[str], start: int, multipliers: bool) -> NumberPhrase:
    """ "een paar kuub", "several hundred t/day", "honderdduizenden", "tens of thousands"."""
    position = start + 1 if tokens[start] in ("een", "a") else start
    low, high = VAGUE_WORDS[tokens[position]]
    position += 1
    scales = {**MULTIPLIER_WORDS, "honderd": 100.0, "hundred": 100.0, "thousands": 1e3}
    if _at(tokens, position) in VAGUE_OF and _at(tokens, position + 1) in scales:
        position += 1  # "tens of thousands": the multiplier follows "of"
    scale = 1.0
    while multipliers and _at(tokens, position) in scales:
        scale *= scales[tokens[position]]
        position += 1
    if _at(tokens, position) in VAGUE_OF:
        position += 1  # "een paar honderd van die big bags", "a couple of tonnes"
    typed = " ".join(tokens[start:position])
    return NumberPhrase(low * scale, position, high * scale, typed)


def _at(tokens: list[str], index: int) -> str:
    return tokens[index] if index < len(tokens) else ""
