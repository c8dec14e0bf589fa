"""Why a typed quantity was refused, in both interview languages.

The interview shows the message in the user's language and offers the example as a model answer,
so every refusal names what is wrong *and* what a right answer looks like. ``kind`` lets the
dialog react (ask for hours, ask for a container size) without parsing the message text.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from isassist.lang import Lang

ErrorKind = Literal[
    "empty",
    "too_long",
    "control_characters",
    "unknown_answer",
    "not_a_number",
    "missing_unit",
    "unknown_unit",
    "negative",
    "absurd",
    "missing_period",
    "count_without_size",
    "needs_shifts",
    "power_with_period",
    "ambiguous",
]

MAX_ANSWER_CHARS = 500
"""Longer than any quantity a person types; anything beyond is a paste gone wrong."""

# kind -> (Dutch message, English message, Dutch example, English example)
_MESSAGES: dict[ErrorKind, tuple[str, str, str, str]] = {
    "empty": (
        "Er is niets ingevuld.",
        "Nothing was entered.",
        "200 ton per jaar",
        "200 t per year",
    ),
    "too_long": (
        "Dit antwoord is te lang ({length} tekens) voor een hoeveelheid; "
        "houd het bij één getal met eenheid.",
        "This answer is too long ({length} characters) for a quantity; "
        "keep it to one number with a unit.",
        "200 ton per jaar",
        "200 t per year",
    ),
    "control_characters": (
        "Het antwoord bevat onzichtbare stuurtekens; typ de hoeveelheid opnieuw.",
        "The answer contains invisible control characters; please type the quantity again.",
        "200 ton per jaar",
        "200 t per year",
    ),
    "unknown_answer": (
        "'{text}' is geen hoeveelheid. Kies 'onbekend' als de hoeveelheid niet gekend is; "
        "een ruwe schatting helpt al.",
        "'{text}' is not a quantity. Choose 'unknown' if nobody knows it; "
        "a rough estimate already helps.",
        "ongeveer 200 ton per jaar",
        "about 200 t per year",
    ),
    "not_a_number": (
        "Ik vind geen getal in '{text}'.",
        "I cannot find a number in '{text}'.",
        "200 ton per jaar",
        "200 t per year",
    ),
    "missing_unit": (
        "Bij {value} staat geen eenheid: gaat het om ton, m³, MWh of kW?",
        "{value} has no unit: is it tonnes, m³, MWh or kW?",
        "{value} ton per jaar",
        "{value} t per year",
    ),
    "unknown_unit": (
        "De eenheid '{unit}' ken ik niet. Gebruik ton, kg, m³, liter, MWh, GJ, kW of Nm³.",
        "I do not know the unit '{unit}'. Use tonnes, kg, m³, litres, MWh, GJ, kW or Nm³.",
        "200 ton per jaar",
        "200 t per year",
    ),
    "negative": (
        "Een hoeveelheid kan niet negatief zijn ({value}).",
        "A quantity cannot be negative ({value}).",
        "200 ton per jaar",
        "200 t per year",
    ),
    "absurd": (
        "{amount} is onwaarschijnlijk groot (meer dan {limit}); kijk het getal en de eenheid na.",
        "{amount} is implausibly large (more than {limit}); please check the number and the unit.",
        "200 ton per jaar",
        "200 t per year",
    ),
    "missing_period": (
        "Per welke periode is dat: per dag, per week, per maand of per jaar?",
        "Over which period is that: per day, per week, per month or per year?",
        "{value} {unit} per jaar",
        "{value} {unit} per year",
    ),
    "count_without_size": (
        "Hoe groot is één {unit}? Geef de hoeveelheid in ton of m³, of zeg hoeveel er in "
        "één {unit} gaat.",
        "How big is one {unit}? Give the amount in tonnes or m³, or say how much one {unit} holds.",
        "{value} {unit} van 30 m³ per week",
        "{value} {unit} of 30 m³ per week",
    ),
    "needs_shifts": (
        "Hoeveel ploegen (shifts) draait het bedrijf per jaar? Of geef de hoeveelheid per "
        "dag of per week.",
        "How many shifts a year does the plant run? Or give the amount per day or per week.",
        "{value} {unit} per dag",
        "{value} {unit} per day",
    ),
    "power_with_period": (
        "Vermogen (kW, MW) geldt al per tijdseenheid. Geef het vermogen met de draaiuren, "
        "of de energie per jaar in MWh.",
        "Power (kW, MW) is already a rate. Give the power with the operating hours, or the "
        "energy per year in MWh.",
        "500 kW, 6000 h/j",
        "500 kW, 6000 h/year",
    ),
    "ambiguous": (
        "Ik lees meer dan één hoeveelheid ({amounts}); geef er één.",
        "I read more than one amount ({amounts}); please give one.",
        "200 ton per jaar",
        "200 t per year",
    ),
}


def fmt(value: float, lang: Lang) -> str:
    """A number written the way a reader of ``lang`` expects ("1.200,5" or "1,200.5")."""
    text = f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:.3g}"
    if lang == "nl":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def both(value: float) -> tuple[str, str]:
    """``value`` written for a Dutch and for an English message."""
    return fmt(value, "nl"), fmt(value, "en")


class QuantityError(ValueError):
    """A typed answer that cannot be read as the quantity asked for."""

    def __init__(
        self, message_nl: str, message_en: str, example: str, kind: ErrorKind = "not_a_number"
    ) -> None:
        super().__init__(message_en)
        self.message_nl = message_nl
        self.message_en = message_en
        self.example = example
        self.kind: ErrorKind = kind

    def message(self, lang: Lang = "nl") -> str:
        """The message in ``lang`` followed by the model answer, ready to show."""
        text = self.message_nl if lang == "nl" else self.message_en
        label = "Bijvoorbeeld" if lang == "nl" else "For example"
        return f"{text} {label}: {self.example}"


def quantity_error(kind: ErrorKind, lang: Lang, **values: object) -> QuantityError:
    """Build the error of ``kind`` with its placeholders filled in.

    A value given as a ``(dutch, english)`` pair fills each message in its own language
    ("1.200 t/jaar" and "1,200 t/year"); any other value fills both as it is.
    """
    nl, en, example_nl, example_en = _MESSAGES[kind]
    fields_nl = _Defaults({key: _pick(value, 0) for key, value in values.items()})
    fields_en = _Defaults({key: _pick(value, 1) for key, value in values.items()})
    example = example_nl.format_map(fields_nl) if lang == "nl" else example_en.format_map(fields_en)
    return QuantityError(nl.format_map(fields_nl), en.format_map(fields_en), example, kind)


def _pick(value: object, index: int) -> str:
    if isinstance(value, tuple) and len(value) == 2:
        return str(value[index])
    return str(value)


class _Defaults(dict[str, str]):
    """Leaves a placeholder readable instead of raising when a caller omitted it."""

    def __missing__(self, key: str) -> str:
        return "…"


def check_text(text: str, lang: Lang) -> str:
    """Refuse empty answers, pastes and control characters before any parsing happens."""
    if len(text) > MAX_ANSWER_CHARS:
        raise quantity_error("too_long", lang, length=len(text))
    for char in text:
        if char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cs", "Co"):
            raise quantity_error("control_characters", lang)
    # Zero-width spaces and byte-order marks ride along with copied text; they carry nothing.
    stripped = "".join(c for c in text if unicodedata.category(c) != "Cf").strip()
    if not stripped:
        raise quantity_error("empty", lang)
    return stripped
