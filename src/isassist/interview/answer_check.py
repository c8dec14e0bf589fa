"""The answer check: what a typed line means for the open question, said back as a person would.

The engine calls it to record an answer, the chat calls it while the user types; both get the
same reading. It sits on top of the parsers in ``isassist.interview.parsing`` and adds what
needs the question's context: a yes/no reading where one is natural ("nee" to the CAS question
means none), a name where a code is asked ("cellulose" is CAS 9004-34-6), a quantity that fits
the stream's kind ("300 kW" is no amount of a solid), vague amounts read as a range and said so,
revenue as a negative cost, a nuance as "other", and the echo in the reader's language and
number format ("8 m3 per maand" reads back as "96 m³/jaar"). Pure: no state, no events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from isassist.facts import Scalar
from isassist.interview.canvas_review import REVIEW_TYPE, parse_review
from isassist.interview.dialog import Option, Question
from isassist.interview.messages import say
from isassist.interview.parsing import (
    NO_WORDS,
    YES_WORDS,
    AnswerProblem,
    Parsed,
    check_input,
    is_unknown,
    match_option,
    parse_answer,
    parse_choice,
)
from isassist.interview.services import (
    NamedSubstance,
    Number,
    QuantityProblem,
    Services,
    UnitDisplay,
    UnitReading,
    Units,
)

# per-year unit of a quantity -> the stream kinds it can describe
FITS_KIND: dict[str, frozenset[str]] = {
    "t": frozenset({"material", "water", "gas"}),
    "m3": frozenset({"material", "water", "gas", "heat"}),
    "Nm3": frozenset({"gas", "heat"}),
    # a fuel gas (blast-furnace gas, biogas, syngas) is usually counted by its energy content
    "MWh": frozenset({"heat", "energy", "gas"}),
    "kW": frozenset({"heat", "energy", "gas"}),
    "h": frozenset(),
}
STREAM_KINDS = ("material", "heat", "water", "energy", "gas")
NONE_WORDS = frozenset({"geen", "none", "niets", "nothing", "geen enkele", "geen idee van"})
REVENUE_WORDS = re.compile(
    r"\b(opbrengst|inkomsten|krijgen|ontvangen|verdienen|brengt\s+op|levert\s+op|"
    r"revenue|income|we\s+get|receive|earn|paid\s+to\s+us|sold\s+for|verkocht\s+voor)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass(frozen=True)
class AnswerContext:
    """What the check needs to know beyond the question: the interview's state around it."""

    suggestions: Sequence[str] = ()
    sector: str | None = None
    stream_kind: str | None = None
    stream_name: str | None = None
    tonnes_per_year: float | None = None


@dataclass(frozen=True)
class Checked:
    """One typed line read as an answer, or why not.

    ``echo`` is the answer as read back ("96 m³/jaar", "cellulose → CAS 9004-34-6");
    ``notes`` are said after it (a range that was read, a name that was resolved);
    ``problem`` with ``example`` says what is wrong; ``follow_up`` asks a question back: with
    no ``parsed`` the answer is not recorded until it is answered ("ja" to the CAS question:
    which?), with one it is recorded and the question is said after it ("iets anders": what?).
    """

    parsed: Parsed | None
    echo: str = ""
    notes: tuple[str, ...] = ()
    problem: str | None = None
    example: str | None = None
    follow_up: str | None = None

    @property
    def ok(self) -> bool:
        return self.parsed is not None


@dataclass
class _Reading:
    parsed: Parsed
    echo: str | None = None
    notes: list[str] = field(default_factory=list)
    follow_up: str | None = None


class _AskBack(Exception):
    """Not wrong, but not enough: a question goes back to the user."""

    def __init__(self, question: str, example: str) -> None:
        super().__init__(question)
        self.question = question
        self.example = example


def check_answer(
    question: Question,
    text: str,
    lang: str,
    services: Services,
    context: AnswerContext | None = None,
) -> Checked:
    """Read ``text`` as an answer to ``question``; never raises for bad input."""
    context = context or AnswerContext()
    try:
        reading = _read(question, text, lang, services, context)
    except AnswerProblem as problem:
        return Checked(parsed=None, problem=problem.message, example=problem.example)
    except _AskBack as back:
        return Checked(parsed=None, follow_up=back.question, example=back.example)
    echo = reading.echo
    if echo is None:
        echo = echo_of(question, reading.parsed, lang, services)
    return Checked(
        parsed=reading.parsed, echo=echo, notes=tuple(reading.notes), follow_up=reading.follow_up
    )


def _read(
    question: Question, text: str, lang: str, services: Services, context: AnswerContext
) -> _Reading:
    cleaned = check_input(text, lang)
    if is_unknown(cleaned, services):
        return _Reading(Parsed(value=None, status="unknown"))
    kind = question.type
    if kind == REVIEW_TYPE:
        return _Reading(parse_review(cleaned, lang))
    if kind == "code" and question.code == "cas":
        return _cas(question, cleaned, lang, services, context)
    if kind == "quantity":
        return _quantity(question, cleaned, lang, services, context)
    if kind == "number" and (question.unit or "").startswith("EUR"):
        return _money(question, cleaned, lang, services, context)
    if kind == "choice":
        return _choice(question, cleaned, lang)
    if kind == "location":
        parsed = parse_answer(question, cleaned, lang, services)
        return _Reading(parsed, echo=_place_echo(parsed, lang))
    if kind == "multi" and _says_none(question, cleaned):
        return _Reading(Parsed(value=[]))
    if kind == "text" and _words(cleaned) in YES_WORDS:
        # "ja" to an open question ("which materials does the company look for?") says
        # nothing yet: asked back, never kept as a want or a description called "ja"
        raise _AskBack(say("yes_what", lang), _text_example(question, lang))
    parsed = parse_answer(question, cleaned, lang, services, context.suggestions, context.sector)
    return _Reading(parsed)


def _place_echo(parsed: Parsed, lang: str) -> str:
    """ "1070 Anderlecht (Brussels Hoofdstedelijk Gewest)": the town and the law area read,
    so a broker sees which region's law the dossier will cite."""
    extra = parsed.extra
    town = " ".join(str(extra[k]) for k in ("postcode", "locality") if k in extra)
    area = str(extra.get("jurisdiction", "unknown"))
    if area in ("flanders", "wallonia", "brussels", "netherlands"):
        where = say(f"area_{area}", lang)
    else:
        where = str(extra.get("country", ""))
    shown = town or str(parsed.value)
    return f"{shown} ({where})" if where else shown


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".!")


def _says_none(question: Question, text: str) -> bool:
    """ "geen", "geen bijzondere", "niets speciaals", "none in particular": none of the
    options, as long as the words name none of them."""
    words = _words(text)
    if words in NO_WORDS | NONE_WORDS:
        return True
    first = words.split(" ")[0].strip(",;:")
    if first not in NO_WORDS | NONE_WORDS:
        return False
    return _option_in_words(question.options, text) is None


def _text_example(question: Question, lang: str) -> str:
    if question.example is not None:
        return question.example.get(lang)
    return "houtsnippers 500 ton per jaar" if lang == "nl" else "wood chips 500 tonnes a year"


# --- CAS: yes/no and names ------------------------------------------------------------------


def _cas(
    question: Question, text: str, lang: str, services: Services, context: AnswerContext
) -> _Reading:
    words = _words(text)
    first = words.split(" ")[0].strip(",")
    if words in NO_WORDS | NONE_WORDS or (first in NO_WORDS and not _has_code(words)):
        return _Reading(Parsed(value=[]), echo=say("none_known", lang))
    if words in YES_WORDS:
        raise _AskBack(say("cas_which", lang), "cellulose; 7778-18-9")
    pieces = [p.strip() for p in re.split(r"\s*[;,]\s*|\s+en\s+|\s+and\s+", text) if p.strip()]
    codes: list[str] = []
    shown: list[str] = []
    named: list[str] = []
    notes: list[str] = []
    for piece in pieces:
        if services.looks_like_cas(piece) or re.fullmatch(r"\d{1,2}", piece):
            parsed = parse_answer(
                question, piece, lang, services, context.suggestions, context.sector
            )
            code = str(parsed.value[0] if isinstance(parsed.value, list) else parsed.value)
            if code not in codes:
                codes.append(code)
                shown.append(f"CAS {code}")
            continue
        substance = _one_substance(piece, lang, services)
        if substance.cas is None:
            named.append(substance.name)
            shown.append(substance.name)
            notes.append(say("cas_mixture", lang, name=substance.name, note=substance.note))
        elif substance.cas not in codes:
            codes.append(substance.cas)
            shown.append(f"{substance.name} → CAS {substance.cas}")
            notes.append(say("cas_resolved", lang, name=piece, cas=substance.cas))
    extra: dict[str, Scalar] = {"named": "; ".join(named)} if named else {}
    return _Reading(Parsed(value=codes, extra=extra), echo=", ".join(shown), notes=notes)


def _has_code(words: str) -> bool:
    return bool(re.search(r"\d", words))


def _one_substance(piece: str, lang: str, services: Services) -> NamedSubstance:
    found = services.substances_named(piece, lang)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        options = "; ".join(f"{s.name} ({s.cas or '-'})" for s in found[:4])
        first = next((s.cas for s in found if s.cas), found[0].name)
        raise AnswerProblem(say("cas_several", lang, text=piece, options=options), first)
    suggestions = services.search_codes("cas", piece, lang, None)[:3]
    message = say("cas_unknown_name", lang, text=piece)
    example = "7778-18-9"
    if suggestions:
        listed = "; ".join(f"{s.code} {s.label}" for s in suggestions)
        message += " " + say("did_you_mean", lang, options=listed)
        example = suggestions[0].code
    raise AnswerProblem(message, example)


# --- quantities ------------------------------------------------------------------------------


def _quantity(
    question: Question, text: str, lang: str, services: Services, context: AnswerContext
) -> _Reading:
    parsed = parse_answer(question, text, lang, services)
    quantity = services.parse_quantity(text, lang)
    measured = quantity.per_year_unit or quantity.unit
    fits = FITS_KIND.get(measured)
    kind = context.stream_kind
    if kind in STREAM_KINDS and fits is not None and kind not in fits:
        raise AnswerProblem(
            say(
                "quantity_kind",
                lang,
                amount=f"{services.format_number(quantity.value, lang)} "
                f"{services.unit_name(quantity.unit, lang)}",
                what=say(f"measure_{_measure(measured)}", lang),
                stream=context.stream_name or say("this_stream", lang),
                kind=say(f"kind_{kind}", lang),
                units=say(f"units_{kind}", lang),
            ),
            say(f"example_{kind}", lang),
        )
    extra = dict(parsed.extra)
    notes: list[str] = []
    per_year = quantity.per_year_value is not None
    unit = parsed.unit or quantity.unit
    if quantity.low is not None and quantity.high is not None:
        extra["range_low"] = quantity.low
        extra["range_high"] = quantity.high
        if quantity.vague:
            extra["vague"] = quantity.vague
    if quantity.note:
        notes.append(quantity.note)
    value = float(parsed.value) if isinstance(parsed.value, int | float) else 0.0
    echo = services.format_amount(value, unit, lang, per_year=per_year)
    if quantity.vague and quantity.low is not None and quantity.high is not None:
        scale = value / quantity.value if quantity.value else 1.0
        echo = services.format_range(
            quantity.low * scale, quantity.high * scale, unit, lang, per_year=per_year
        )
        echo += " " + say(
            "range_mid", lang, mid=services.format_amount(value, unit, lang, per_year=per_year)
        )
    return _Reading(Parsed(value=parsed.value, unit=parsed.unit, extra=extra), echo, notes)


def _measure(unit: str) -> str:
    return {"t": "mass", "m3": "volume", "Nm3": "volume", "MWh": "energy", "kW": "power"}.get(
        unit, "time"
    )


# --- money: prices, costs and revenue -------------------------------------------------------


def _money(
    question: Question, text: str, lang: str, units: Units, context: AnswerContext
) -> _Reading:
    """A cost or price; a negative one, or one said as income, is revenue."""
    try:
        number = units.parse_number(text, lang)
    except QuantityProblem as problem:
        clause = _money_clause(text, question.unit or "EUR", lang, units)
        if clause is None:
            # the message alone: its own example is about tonnes, the question's about euros
            raise AnswerProblem(problem.message, _money_example(question, lang)) from None
        number = clause[1]
    if number.vague:
        raise AnswerProblem(
            say("money_vague", lang, text=number.vague), _money_example(question, lang)
        )
    value = number.value
    revenue = value < 0 or bool(REVENUE_WORDS.search(text))
    if revenue and value > 0:
        value = -value
    wanted = question.unit or "EUR"
    typed = number.unit
    notes: list[str] = []
    if wanted == "EUR/year" and typed == "EUR/t":
        if context.tonnes_per_year is None:
            raise AnswerProblem(say("money_per_tonne_needs_amount", lang), "12000 euro per jaar")
        per_tonne = value
        value = per_tonne * context.tonnes_per_year
        notes.append(
            say(
                "money_from_tonnes",
                lang,
                price=units.format_amount(per_tonne, "EUR/t", lang),
                tonnes=units.format_amount(context.tonnes_per_year, "t", lang, per_year=True),
                total=units.format_amount(value, "EUR/year", lang),
            )
        )
    elif typed not in (None, "EUR", wanted, "EUR/year" if wanted == "EUR" else None):
        raise AnswerProblem(
            say(
                "wrong_unit",
                lang,
                unit=units.unit_name(typed, lang),
                expected=units.unit_name(wanted, lang),
            ),
            _money_example(question, lang),
        )
    limit = question.max
    if limit is not None and abs(value) > limit:
        raise AnswerProblem(
            say(
                "above_max",
                lang,
                value=units.format_number(abs(value), lang),
                max=units.format_number(limit, lang),
            ),
            _money_example(question, lang),
        )
    extra: dict[str, Scalar] = {"revenue": True} if revenue else {}
    echo = units.format_amount(abs(value), wanted, lang)
    if revenue:
        echo = say("revenue_echo", lang, amount=echo)
    return _Reading(Parsed(value=value, unit=wanted, extra=extra), echo, notes)


_CLAUSES = re.compile(r"\s*(?:[,;]|\bdus\b|\bso\b|\bofwel\b|\bthat is\b)\s*", re.IGNORECASE)


def _money_clause(
    text: str, wanted: str, lang: str, units: UnitReading
) -> tuple[str, Number] | None:
    """The one clause of a sentence with several figures that gives the amount asked for:
    "we krijgen 2 euro per m3, dus ongeveer 50000 euro opbrengst per jaar" answers a yearly
    cost with its second clause. None when no single clause does."""
    found: list[tuple[str, Number]] = []
    for clause in _CLAUSES.split(text):
        try:
            number = units.parse_number(clause, lang)
        except QuantityProblem:
            continue
        if number.unit == wanted:
            found.append((clause, number))
    return found[0] if len(found) == 1 else None


def _money_example(question: Question, lang: str) -> str:
    if question.example is not None:
        return question.example.get(lang)
    return "120 euro per ton" if lang == "nl" else "120 euro per tonne"


# --- choices: a nuance is "other" -----------------------------------------------------------


def _choice(question: Question, text: str, lang: str) -> _Reading:
    option = match_option(question.options, text)
    other = next((o for o in question.options if o.value == "other"), None)
    if option is not None and option is other:
        # read as "other", with the question what then: the session asks it back once and
        # takes the same words again as they are (older replays say "iets anders" once)
        return _Reading(Parsed(value=other.value), follow_up=say("other_what", lang))
    if option is not None:
        return _Reading(Parsed(value=option.value))
    within = _option_in_words(question.options, text)
    if within is not None:
        return _Reading(
            Parsed(value=within.value, extra={"nuance": text}),
            echo=f"{within.label.get(lang)} ({text})",
        )
    if other is not None and len(text) >= 3:
        return _Reading(
            Parsed(value=other.value, extra={"nuance": text}),
            echo=f"{other.label.get(lang)}: {text}",
        )
    _yes_to_levels(question, text, lang)
    return _Reading(parse_choice(question, text, lang))


def _yes_to_levels(question: Question, text: str, lang: str) -> None:
    """ "ja, in zakken in de hal" to a question whose options are a "no" and its degrees
    (niet / beperkt / ruim): not wrong, so the degrees are asked back instead of a refusal."""
    first = re.split(r"[\s,;:.!]+", text.strip().lower(), maxsplit=1)[0]
    if first not in YES_WORDS:
        return
    no = [o for o in question.options if NO_WORDS & {o.value, o.label.nl, *o.synonyms}]
    degrees = [o.label.get(lang) for o in question.options if o not in no]
    if len(no) != 1 or len(degrees) < 2:
        return
    listed = ", ".join(degrees[:-1]) + say("or", lang) + degrees[-1]
    raise _AskBack(say("yes_which", lang, options=listed), degrees[0])


def _option_in_words(options: Sequence[Option], text: str) -> Option | None:
    """The one option named by a whole word of a longer answer ("gaat naar vergisting")."""
    words = {w.lower() for w in _WORD.findall(text)}
    hits = []
    for option in options:
        if option.value == "other":
            continue
        names = {option.value, option.label.nl, option.label.en, *option.synonyms}
        if any(" " not in n and n.lower() in words for n in names):
            hits.append(option)
    return hits[0] if len(hits) == 1 else None


# --- the echo --------------------------------------------------------------------------------


def echo_of(question: Question, parsed: Parsed, lang: str, display: UnitDisplay) -> str:
    """An answer read back in the reader's language: labels, yes/no, numbers with units."""
    if parsed.status != "known":
        return say("unknown_echo", lang)
    value = parsed.value
    labels = {o.value: o.label.get(lang) for o in question.options}
    if question.type == "yesno":
        said = say("yes_echo" if value == "yes" else "no_echo", lang)
        detail = parsed.extra.get("detail")
        return f"{said} ({detail})" if detail else said
    if question.type == "canvas_review":
        return say("canvas_reviewed_echo" if value == "reviewed" else f"canvas_{value}_echo", lang)
    if question.type == "canvas":
        if value == "edited":
            return say("canvas_edited_echo", lang, text=str(parsed.extra.get("text", "")))
        return say(f"canvas_{value}_echo", lang)
    if isinstance(value, list):
        if not value:
            return say("none_known", lang)
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(value, str) and value in labels:
        return labels[value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        if parsed.unit:
            amount = display.format_amount(float(value), parsed.unit, lang)
            said_as = parsed.extra.get("said_as")
            return f"{amount} ({said_as})" if said_as else amount
        return display.format_number(float(value), lang)
    return str(value) if value is not None else ""
