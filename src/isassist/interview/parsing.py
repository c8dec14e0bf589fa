"""Understand answers as people type them, or say what is wrong and what would be right.

Every parser returns a ``Parsed`` value or raises ``AnswerProblem`` carrying a message and an
example in the interview language; the engine then asks the same question again, so a typo
never costs an earlier answer. "weet niet", "unknown", "?" and friends are accepted by every
question type and become knowledge gaps.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from isassist.facts import Scalar, Value
from isassist.interview.dialog import Option, Question
from isassist.interview.messages import say
from isassist.interview.services import (
    CodeProblem,
    CodeSpelling,
    Place,
    QuantityProblem,
    Services,
    UnitReading,
    Units,
)

MAX_ANSWER_CHARS = 2000

YES_WORDS = frozenset(
    {"ja", "j", "yes", "y", "jawel", "zeker", "klopt", "true", "wel", "yep", "ja hoor"}
)
NO_WORDS = frozenset(
    {"nee", "neen", "n", "no", "niet", "false", "geen", "nope", "nee hoor", "none", "niets"}
)
CONFIRM_WORDS = frozenset({"ok", "oké", "oke", "bevestig", "confirm", "goed", "akkoord"})
CONFIRM_WORDS = CONFIRM_WORDS | YES_WORDS
REJECT_WORDS = frozenset({"verwerp", "reject", "weg", "schrap", "remove"}) | NO_WORDS
_SPLIT = re.compile(r"\s*(?:[,;/]|\s+en\s+|\s+and\s+|\s+&\s+)\s*", re.IGNORECASE)

# the unit of a number question -> the units isassist.units may read from the answer
ACCEPTED_UNITS: dict[str, frozenset[str]] = {
    "EUR/year": frozenset({"EUR", "EUR/year"}),
    "EUR/t": frozenset({"EUR/t", "EUR"}),
    "h/year": frozenset({"h", "h/year"}),
}


class AnswerProblem(ValueError):
    """An answer that cannot be used; ``message`` says why, ``example`` shows a right one."""

    def __init__(self, message: str, example: str) -> None:
        super().__init__(message)
        self.message = message
        self.example = example


@dataclass(frozen=True)
class Parsed:
    """What an answer means. ``value`` is None for knowledge gaps."""

    value: Value | None
    status: str = "known"
    unit: str | None = None
    extra: dict[str, Scalar] = field(default_factory=dict)

    @property
    def display(self) -> str:
        if self.status != "known":
            return self.status
        shown = ", ".join(self.value) if isinstance(self.value, list) else str(self.value)
        return f"{shown} {self.unit}" if self.unit else shown


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".!")


def check_input(text: str, lang: str) -> str:
    """Refuse pastes and control characters before any parsing sees them."""
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerProblem(
            say("too_long", lang, n=len(text), limit=MAX_ANSWER_CHARS),
            "ongeveer 200 ton per jaar" if lang == "nl" else "about 200 tonnes a year",
        )
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in text):
        raise AnswerProblem(say("control_chars", lang), "houtafval" if lang == "nl" else "wood")
    cleaned = " ".join(text.split())
    if not cleaned:
        raise AnswerProblem(say("empty", lang), "weet niet" if lang == "nl" else "unknown")
    return cleaned


def is_unknown(text: str, units: UnitReading) -> bool:
    return _words(text) in {"?", "??"} or units.says_unknown(text)


def _example(question: Question, lang: str, fallback: str) -> str:
    return question.example.get(lang) if question.example is not None else fallback


def _format_number(value: float) -> str:
    return f"{value:g}"


def parse_fixed_number(question: Question, text: str, lang: str, units: Units) -> Parsed:
    """A number in the question's fixed unit; another unit typed with it is refused."""
    unit = question.unit
    example = _example(question, lang, f"{_format_number(question.min or 10)} {unit or ''}")
    try:
        if unit == "°C":
            number = units.parse_temperature(text, lang)
            typed_unit = None
        elif unit == "days":
            # "2 weken" is 14 days: a duration's own unit is read, never dropped
            number = units.parse_duration(text, lang)
            typed_unit = number.unit
        else:
            number = units.parse_number(text, lang)
            typed_unit = number.unit
    except QuantityProblem as problem:
        raise AnswerProblem(problem.message, example) from None
    accepted = ACCEPTED_UNITS.get(unit or "", frozenset({unit}))
    if typed_unit is not None and typed_unit not in accepted:
        # units as the reader says them: "€/jaar", never "EUR/year" on a Dutch screen
        shown = units.unit_name(typed_unit, lang)
        expected = units.unit_name(unit, lang) if unit else "-"
        raise AnswerProblem(say("wrong_unit", lang, unit=shown, expected=expected), example)
    _check_range(question, number.value, lang, example)
    said_as: dict[str, Scalar] = {"said_as": number.said_as} if number.said_as else {}
    return Parsed(value=number.value, unit=unit, extra=said_as)


def _check_range(question: Question, value: float, lang: str, example: str) -> None:
    if question.min is not None and value < question.min:
        raise AnswerProblem(
            say("below_min", lang, value=_format_number(value), min=_format_number(question.min)),
            example,
        )
    if question.max is not None and value > question.max:
        raise AnswerProblem(
            say("above_max", lang, value=_format_number(value), max=_format_number(question.max)),
            example,
        )


def parse_quantity_answer(question: Question, text: str, lang: str, units: UnitReading) -> Parsed:
    example = _example(
        question, lang, "ongeveer 200 ton per jaar" if lang == "nl" else "about 200 tonnes a year"
    )
    try:
        quantity = units.parse_quantity(text, lang)
    except QuantityProblem as problem:
        raise AnswerProblem(problem.message, problem.example or example) from None
    value = quantity.per_year_value if quantity.per_year_value is not None else quantity.value
    unit = quantity.per_year_unit or quantity.unit
    if value <= 0:
        raise AnswerProblem(say("below_min", lang, value=_format_number(value), min=">0"), example)
    _check_range(question, value, lang, example)
    extra: dict[str, Scalar] = {"typed_value": quantity.value, "typed_unit": quantity.unit}
    if quantity.tonnes_per_year is not None:
        extra["tonnes_per_year"] = quantity.tonnes_per_year
    return Parsed(value=value, unit=unit, extra=extra)


def parse_score(question: Question, text: str, lang: str) -> Parsed:
    example = _example(question, lang, "4")
    candidate = re.sub(r"\s*/\s*5$", "", text.strip())
    if not re.fullmatch(r"[1-5]", candidate):
        raise AnswerProblem(say("bad_score", lang), example)
    return Parsed(value=int(candidate))


_NUANCED_YES = re.compile(
    r"^(?:soms|af en toe|occasioneel|geregeld|regelmatig|zelden|een beetje|beetje|weinig|"
    r"wat sporen|sporen|enkele|meestal|niet altijd|"
    r"sometimes|occasionally|now and then|regularly|rarely|a little|a bit|some|traces|"
    r"usually|mostly|not always)\b"
)
"""How people say a qualified yes ("soms wat reinigingsmiddel bij het spoelen"): a yes, with
the words kept as its detail, never refused."""


def parse_yesno(question: Question, text: str, lang: str) -> Parsed:
    """Yes or no; the words after it ("ja, droge stof 6 %, pH 4,6") or a qualified yes ("soms
    wat reinigingsmiddel") are kept as ``extra['detail']``, so nothing said is thrown away."""
    words = _words(text)
    first = words.split(" ")[0].strip(",;:.")
    if words in YES_WORDS:
        return Parsed(value="yes")
    if words in NO_WORDS:
        return Parsed(value="no")
    typed = " ".join(text.split())
    if _NUANCED_YES.match(words):
        return Parsed(value="yes", extra={"detail": typed[:500]})
    rest = typed.split(" ", 1)[1].strip(" ,;:-") if " " in typed else ""
    if first in YES_WORDS:
        return Parsed(value="yes", extra={"detail": rest[:500]} if rest else {})
    if first in NO_WORDS:
        return Parsed(value="no", extra={"detail": rest[:500]} if rest else {})
    raise AnswerProblem(say("bad_yesno", lang), "ja" if lang == "nl" else "yes")


def _option_names(option: Option) -> set[str]:
    return {
        _words(option.value.replace("_", " ")),
        _words(option.value),
        _words(option.label.nl),
        _words(option.label.en),
        *(_words(s) for s in option.synonyms),
    }


def match_option(options: Sequence[Option], text: str) -> Option | None:
    """The option meant by ``text``: its number, value, label, a synonym or a near spelling."""
    words = _words(text)
    if words.isdigit() and 1 <= int(words) <= len(options):
        return options[int(words) - 1]
    for option in options:
        if words in _option_names(option):
            return option
    starts = [o for o in options if any(n.startswith(words) for n in _option_names(o))]
    if len(words) >= 3 and len(starts) == 1:
        return starts[0]
    scored = sorted(
        ((max(_ratio(words, n) for n in _option_names(o)), i) for i, o in enumerate(options)),
        reverse=True,
    )
    if scored and scored[0][0] >= 85 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return options[scored[0][1]]
    # an answer as people give it: "de varkensboer betaalt ons 2 euro per kuub" holds the
    # phrase "betaalt ons" of one option (phrases of two words or more, one option only)
    padded = " " + " ".join(re.findall(r"\w+", words)) + " "
    holding = [
        o
        for o in options
        if any(len(n.split()) >= 2 and f" {n} " in padded for n in _option_names(o))
    ]
    return holding[0] if len(holding) == 1 else None


def _options_text(options: Sequence[Option], lang: str) -> str:
    return ", ".join(f"{i}) {o.label.get(lang)}" for i, o in enumerate(options, 1))


def parse_choice(question: Question, text: str, lang: str) -> Parsed:
    option = match_option(question.options, text)
    if option is None:
        raise AnswerProblem(
            say("bad_choice", lang, text=text, options=_options_text(question.options, lang)),
            _example(question, lang, question.options[0].label.get(lang)),
        )
    return Parsed(value=option.value)


def parse_multi(question: Question, text: str, lang: str) -> Parsed:
    if _words(text) in {"geen", "none", "niets", "nothing", "geen enkele"}:
        return Parsed(value=[])
    chosen: list[str] = []
    for piece in _SPLIT.split(text):
        if not piece.strip():
            continue
        option = match_option(question.options, piece)
        if option is None:
            raise AnswerProblem(
                say("bad_choice", lang, text=piece, options=_options_text(question.options, lang)),
                _example(
                    question,
                    lang,
                    ", ".join(o.label.get(lang) for o in question.options[:2]),
                ),
            )
        if option.value not in chosen:
            chosen.append(option.value)
    return Parsed(value=chosen)


def parse_text(question: Question, text: str, lang: str) -> Parsed:
    minimum = int(question.min or 1)
    if len(text) < minimum:
        raise AnswerProblem(say("short_text", lang, n=minimum), _example(question, lang, "-"))
    return Parsed(value=text)


# "aanpassen: ..." says what to do with the draft; only the words after it are the block
_EDIT_PREFIX = re.compile(
    r"^\s*(?:aanpassen|aanpassing|wijzig(?:en)?|vervang(?:en)?|edit|change|replace)\s*[:\-]\s*",
    re.IGNORECASE,
)


def parse_canvas(question: Question, text: str, lang: str) -> Parsed:
    words = _words(text)
    if words in CONFIRM_WORDS:
        return Parsed(value="confirmed")
    if words in REJECT_WORDS:
        return Parsed(value="rejected")
    edited = _EDIT_PREFIX.sub("", text).strip()
    if not edited:
        raise AnswerProblem(say("short_text", lang, n=3), "aanpassen: boeren in de regio")
    return Parsed(value="edited", extra={"text": edited})


# --- codes ---------------------------------------------------------------------------------

_CODE_EXAMPLE = {"ewc": "17 02 01", "nace": "11.05", "cpa": "38.11.51", "cas": "7440-50-8"}


def normalise_code(system: str, text: str, codes: CodeSpelling) -> str | None:
    """The canonical spelling of a code (EWC compact, NACE/CPA dotted), or None if not one;
    "EWC 17 02 01" and "CAS: 7440-50-8" lose the system's name first.

    A CAS number with a wrong check digit raises CodeProblem naming the expected digit.
    """
    raw = text.strip()
    for prefix in ("EWC", "NACE", "CPA", "CAS"):
        if raw.upper().startswith(prefix):
            raw = raw[len(prefix) :].strip(" :")
    return codes.spell_code(system, raw)


def parse_code(
    question: Question,
    text: str,
    lang: str,
    services: Services,
    suggestions: Sequence[str],
    sector: str | None,
) -> Parsed:
    """One or more codes: typed in any spelling, or picked by suggestion number."""
    system = question.code or "ewc"
    example = _example(question, lang, _CODE_EXAMPLE[system])
    pieces = [p for p in _SPLIT.split(text) if p.strip()] if question.multiple else [text]
    codes: list[str] = []
    for piece in pieces:
        code = _one_code(system, piece.strip(), lang, services, suggestions, sector, example)
        if code not in codes:
            codes.append(code)
    return Parsed(value=codes if question.multiple else codes[0])


def _one_code(
    system: str,
    piece: str,
    lang: str,
    services: Services,
    suggestions: Sequence[str],
    sector: str | None,
    example: str,
) -> str:
    label = system.upper()
    if suggestions and re.fullmatch(r"\d{1,2}", piece) and (len(piece) == 1 or system != "nace"):
        number = int(piece)
        if not 1 <= number <= len(suggestions):
            raise AnswerProblem(say("bad_pick", lang, n=number, count=len(suggestions)), "1")
        return suggestions[number - 1]
    try:
        code = normalise_code(system, piece, services)
    except CodeProblem as problem:
        raise AnswerProblem(str(problem), example) from None
    if code is not None:
        if services.code_label(system, code, lang) is None:
            raise AnswerProblem(say("unknown_code", lang, system=label, code=piece), example)
        return code
    found = services.search_codes(system, piece, lang, sector)[:3]
    message = say("bad_code", lang, text=piece, system=label)
    if found:
        options = "; ".join(f"{s.code} {s.label}" for s in found)
        message += " " + say("did_you_mean", lang, options=options)
        example = found[0].code
    raise AnswerProblem(message, example)


_LATLON = re.compile(
    r"^(-?\d{1,2}(?:[.,]\d+)?)\s*°?\s*([NS])?\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)\s*°?\s*([EOW])?$",
    re.IGNORECASE,
)


def parse_location(question: Question, text: str, lang: str, services: Services) -> Parsed:
    """A postcode with its country ("9000 Gent", "NL-4791 Klundert", "5928 PN Venlo",
    "B-4000 Liège"), a place name ("Venlo") or coordinates; the country is found, never
    assumed (the law the dossier cites follows it)."""
    example = _example(question, lang, "9000 Gent" if lang == "nl" else "9000 Ghent")
    coords = _LATLON.match(text.strip())
    if coords and ("." in text or "," in text.strip()[3:]):
        lat = float(coords.group(1).replace(",", "."))
        lon = float(coords.group(3).replace(",", "."))
        lat = -lat if (coords.group(2) or "").upper() == "S" else lat
        lon = -lon if (coords.group(4) or "").upper() == "W" else lon
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise AnswerProblem(say("bad_location", lang, text=text), example)
        place = services.locate_point(lat, lon)
        return Parsed(value=f"{lat:.5f},{lon:.5f}", extra=_place_extra(place))
    found = services.locate(text)
    if found is None:
        raise AnswerProblem(say("bad_location", lang, text=text), example)
    if found.country is None:
        raise AnswerProblem(say("unknown_postcode", lang, code=found.postcode or text), example)
    if found.by == "postcode" and found.country == "BE" and found.postcode:
        value = found.postcode  # as before: a Belgian postcode is its own answer
    else:
        value = f"{found.postcode or found.locality or text} ({found.country})"
    return Parsed(value=value, extra=_place_extra(found))


def _place_extra(place: Place) -> dict[str, Scalar]:
    extra: dict[str, Scalar] = {"jurisdiction": place.jurisdiction, "located_by": place.by}
    for key in ("postcode", "country", "locality", "region", "lat", "lon", "nearest_km"):
        value = getattr(place, key)
        if value is not None:
            extra[key] = value
    return extra


def parse_answer(
    question: Question,
    text: str,
    lang: str,
    services: Services,
    suggestions: Sequence[str] = (),
    sector: str | None = None,
) -> Parsed:
    """Understand ``text`` as an answer to ``question`` or raise AnswerProblem."""
    cleaned = check_input(text, lang)
    if is_unknown(cleaned, services):
        return Parsed(value=None, status="unknown")
    kind = question.type
    if kind == "text":
        return parse_text(question, cleaned, lang)
    if kind == "number":
        return parse_fixed_number(question, cleaned, lang, services)
    if kind == "quantity":
        return parse_quantity_answer(question, cleaned, lang, services)
    if kind == "choice":
        return parse_choice(question, cleaned, lang)
    if kind == "multi":
        return parse_multi(question, cleaned, lang)
    if kind == "yesno":
        return parse_yesno(question, cleaned, lang)
    if kind == "score":
        return parse_score(question, cleaned, lang)
    if kind == "code":
        return parse_code(question, cleaned, lang, services, suggestions, sector)
    if kind == "location":
        return parse_location(question, cleaned, lang, services)
    return parse_canvas(question, cleaned, lang)


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's similarity, imported with the first option typed rather than at start-up."""
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))
