"""Answer "wat is een spiegelcode?" from the glossary while the open question stays open.

A line ending in "?" is ambiguous: a bare "?" or "weet niet?" means "I don't know" (a
knowledge gap for the engine), while "what is end-of-waste?" asks for an explanation. The
decision lives here, in one tested place, so the chat face never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from isassist.knowledge import GlossaryEntry
from isassist.units import is_unknown_answer

LineKind = Literal["command", "unknown", "glossary", "answer"]

# Question openings stripped before the term is looked up (longest first).
_OPENINGS = (
    r"wat (?:is|zijn|betekent|betekenen|bedoel je met|bedoelt u met|wil zeggen) "
    r"|wat houdt |wat wordt bedoeld met |leg (?:eens )?uit:? |uitleg over |wie is "
    r"|what (?:is|are|does|do|is meant by|'?s) |what's |explain:? |define:? |meaning of "
)
_OPENING = re.compile(rf"^(?:{_OPENINGS})", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:een|de|het|'n|a|an|the)\s+", re.IGNORECASE)
_TRAILING = re.compile(
    r"\s+(?:mean|means|stand for|in|inhouden|betekenen|betekent|zeggen|voor)$", re.IGNORECASE
)
_QUESTION_START = re.compile(
    r"^(?:wat|wie|welke?|hoe|waarom|waar|wanneer|what|who|which|how|why|where|when|explain"
    r"|leg|uitleg|define|meaning)\b",
    re.IGNORECASE,
)
MATCH_THRESHOLD = 85.0


@dataclass(frozen=True)
class GlossaryHit:
    """The entry a question landed on and how sure the match is (0-100)."""

    entry: GlossaryEntry
    score: float
    asked: str

    def term(self, lang: str) -> str:
        return self.entry.term_nl if lang == "nl" else self.entry.term_en

    def definition(self, lang: str) -> str:
        return self.entry.definition_nl if lang == "nl" else self.entry.definition_en


def _normal(text: str) -> str:
    return re.sub(r"[\s\-_]+", " ", text.strip().lower()).strip(" .,:;!\"'")


def asked_term(text: str) -> str:
    """The term a question is about: "Wat is een spiegelcode?" -> "spiegelcode"."""
    core = text.strip().rstrip("?").strip()
    core = _OPENING.sub("", core)
    core = _ARTICLE.sub("", core.strip())
    core = _TRAILING.sub("", core.strip())
    return _normal(core)


def kind_of_line(text: str) -> LineKind:
    """What a typed line is, before the engine sees it.

    Commands start with "/"; a line that ends in "?" but, without its question marks, says
    "don't know" (or nothing) is an unknown answer; any other line ending in "?" is a
    question to the glossary. Everything else is an answer.
    """
    stripped = text.strip()
    if stripped.startswith("/"):
        return "command"
    if not stripped.endswith("?"):
        return "answer"
    bare = stripped.rstrip("?").strip()
    if not bare or is_unknown_answer(bare) or is_unknown_answer(stripped):
        return "unknown"
    return "glossary"


def looks_like_question(text: str) -> bool:
    """A glossary question that found no entry is still a question when it opens like one."""
    return bool(_QUESTION_START.match(text.strip()))


def _names(entry: GlossaryEntry) -> Iterable[str]:
    yield entry.term_nl
    yield entry.term_en
    yield from entry.aliases_nl
    yield from entry.aliases_en
    yield entry.id.replace("_", " ")


def look_up(text: str, entries: Iterable[GlossaryEntry]) -> GlossaryHit | None:
    """The glossary entry meant by ``text`` (a question or a bare term), or None.

    Names and aliases are compared with rapidfuzz so "spiegelcodes", "end of waste" and small
    typos still land; a weak best match returns None rather than a wrong explanation.
    """
    term = asked_term(text)
    if len(term) < 2:
        return None
    best: GlossaryHit | None = None
    for entry in entries:
        for name in _names(entry):
            candidate = _normal(name)
            score = 100.0 if candidate == term else fuzz.ratio(term, candidate)
            if best is None or score > best.score:
                best = GlossaryHit(entry=entry, score=score, asked=term)
    if best is None or best.score < MATCH_THRESHOLD:
        return None
    return best
