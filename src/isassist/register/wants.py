"""A company's wants as the interview asks them: typed lists, read into register streams.

The interview asks two company questions (dialogs/45_wants.yaml): materials the company could
take, and heat, water or gas it needs. Brokers type them the way they speak ("houtsnippers
500 ton per jaar; warmte 80 °C"), so each entry is read here: heat, water and gas by their
words, a material by the classifier (its EWC code gives the family that matching needs), the
amount by the unit parser and a temperature by its degrees. An entry that names nothing the
register can match on is returned as not understood instead of becoming a want that can
never match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from isassist.classify import classify
from isassist.facts import StreamKind
from isassist.register.models import NewStream, Unit
from isassist.units.quantity import parse_quantity

WANT_QUESTIONS = ("wants_materials", "wants_utilities")
"""The interview's company questions whose answers are wants, in the order asked."""

_NONE = {"geen", "niets", "nee", "none", "no", "nothing", "n.v.t.", "-", "neen", "nvt"}
_KIND_WORDS: tuple[tuple[StreamKind, tuple[str, ...]], ...] = (
    ("heat", ("warmte", "stoom", "heat", "steam", "verwarming", "heating")),
    ("water", ("water",)),
    ("gas", ("gas", "co2", "stikstof", "nitrogen", "waterstof", "hydrogen", "perslucht")),
)
_DEGREES = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c\b|°|graden|degrees|deg\b)", re.IGNORECASE)
_UNITS: tuple[Unit, ...] = ("t", "m3", "MWh", "Nm3", "h")
_MIN_SCORE = 0.2
"""Below this classifier score an entry's EWC guess is too weak to match on."""


@dataclass(frozen=True)
class ReadWants:
    """The wants read from the answers, and the entries that could not be placed."""

    wants: list[NewStream]
    not_understood: list[str]


def _entries(text: str) -> list[str]:
    entries = [e.strip(" .") for e in re.split(r"[;\n]", text)]
    return [e for e in entries if e and e.casefold() not in _NONE]


def _kind(entry: str) -> StreamKind:
    words = re.findall(r"\w+", entry.casefold())
    for kind, markers in _KIND_WORDS:
        if any(
            word.endswith(marker) or word.startswith(marker) for word in words for marker in markers
        ):
            return kind
    return "material"


def _amount(entry: str, lang: str) -> tuple[float | None, Unit | None]:
    """The yearly amount in the entry, when one is typed (a missing one is no error)."""
    without_degrees = _DEGREES.sub(" ", entry)
    if not re.search(r"\d", without_degrees):
        return None, None
    try:
        found = parse_quantity(without_degrees, "en" if lang == "en" else "nl")
    except ValueError:
        return None, None
    if found.tonnes_per_year is not None:
        return found.tonnes_per_year, "t"
    unit = found.per_year_unit or found.unit
    value = found.per_year_value if found.per_year_value is not None else found.value
    return (value, unit) if unit in _UNITS else (None, None)


def _temperature(entry: str) -> float | None:
    found = _DEGREES.search(entry)
    return float(found.group(1).replace(",", ".")) if found else None


def _material_codes(entry: str, lang: str) -> tuple[str, ...]:
    words = re.split(r"\d", entry, maxsplit=1)[0].strip() or entry
    # the wanting company receives the material; its own NACE is not the producer's sector,
    # which is what the classifier's sector means
    result = classify(words, lang=lang if lang in ("nl", "en") else None, top=1)
    return tuple(s.code for s in result.suggestions[:1] if s.score >= _MIN_SCORE)


def wants_from_answers(
    answers: Mapping[str, str], lang: str = "nl", nace: str | None = None
) -> ReadWants:
    """Register wants from the text answers to ``WANT_QUESTIONS`` (keyed by question id)."""
    wants: list[NewStream] = []
    not_understood: list[str] = []
    for question in WANT_QUESTIONS:
        for entry in _entries(answers.get(question, "")):
            kind = _kind(entry)
            ewc = _material_codes(entry, lang) if kind == "material" else ()
            if kind == "material" and not ewc:
                not_understood.append(entry)
                continue
            amount, unit = _amount(entry, lang)
            wants.append(
                NewStream(
                    side="want",
                    kind=kind,
                    name=entry[:200],
                    ewc=ewc,
                    amount_per_year=amount,
                    unit=unit,
                    temperature_c=_temperature(entry) if kind == "heat" else None,
                    origin="interview",
                    source_ref=question,
                    note=entry if kind == "water" else "",
                )
            )
    return ReadWants(wants, not_understood)


def wants_answers_from_log(events: list[dict[str, object]]) -> dict[str, str]:
    """The current text answers to ``WANT_QUESTIONS`` in an exported answer log.

    The log is what an export is restored from, so it is read first (the dossier's value map
    holds the same answers): the last answer to each question counts, unless it was
    withdrawn or skipped later.
    """
    found: dict[str, str] = {}
    for event in events:
        question = event.get("question_id")
        if question not in WANT_QUESTIONS or event.get("stream_id") is not None:
            continue
        kind = event.get("kind")
        if kind == "answer" and event.get("status") == "known":
            found[str(question)] = str(event.get("raw_text") or "")
        elif kind in ("answer", "skip", "withdraw"):
            found.pop(str(question), None)
    return found
