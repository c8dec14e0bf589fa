"""Look-ups a broker types: a code in any spelling, or a word in Dutch or English.

A code query is answered exactly (and a CAS number with a wrong check digit is refused with the
digit that was expected, because a mistyped number would otherwise silently find nothing or the
wrong substance). A text query is answered by fuzzy matching over the Dutch and English texts,
so "asbest", "asbestos" and small typos all find the same entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from isassist.knowledge.base import Knowledge
from isassist.knowledge.codes import (
    cas_check_digit_ok,
    compact_ewc,
    dotted_cpa,
    dotted_nace,
    fold,
    looks_like_cas,
    normalise_cas,
)
from isassist.knowledge.models import CasSubstance, CpaItem, EwcItem, NaceItem
from isassist.knowledge.nace_search import search_nace

__all__ = [
    "Hit",
    "cas_check_digit_ok",
    "lookup_cas",
    "lookup_cpa",
    "lookup_ewc",
    "lookup_nace",
]

T = TypeVar("T")
MIN_SCORE = 60.0
_CLOSE_SPELLING = 85.0  # fuzz.ratio of a typo of a whole substance name


@dataclass(frozen=True)
class Hit(Generic[T]):
    """One answer: the record, how well it matched (0-100), the text that matched and, where
    the evidence is not plain from ``matched``, why it was chosen."""

    item: T
    score: float
    matched: str
    why: str = ""


_CHOICES: dict[tuple[int, str], tuple[list[str], list[object]]] = {}


def _choices(
    knowledge: Knowledge, kind: str, items: Iterable[T], texts: Callable[[T], Iterable[str]]
) -> tuple[list[str], list[T]]:
    """Folded texts per record, computed once per loaded knowledge base and kind."""
    key = (id(knowledge), kind)
    if key not in _CHOICES:
        choices: list[str] = []
        owners: list[object] = []
        for item in items:
            for text in texts(item):
                if text:
                    choices.append(fold(text))
                    owners.append(item)
        _CHOICES[key] = (choices, owners)
    choices, owners = _CHOICES[key]
    return choices, owners  # type: ignore[return-value]


def _word_bonus(needle: str, text: str) -> float:
    """Reward texts whose words start with the query's words ("scrap" in "waste and scrap")."""
    words = text.split()
    tokens = needle.split()
    found = sum(1 for t in tokens if any(w.startswith(t) for w in words))
    return 10.0 * found / len(tokens)


def _fuzzy(
    query: str, choices: list[str], owners: list[T], top: int, cutoff: float = MIN_SCORE
) -> list[Hit[T]]:
    """Best-scoring records for a free-text query; each record scores by its best text."""
    needle = fold(query)
    if not needle:
        return []
    results = process.extract(
        needle, choices, scorer=fuzz.WRatio, limit=max(50, top * 20), score_cutoff=cutoff
    )
    scored = {index: float(score) for _, score, index in results}
    # WRatio punishes a short word inside a long title; a literal hit must still surface
    for index, text in enumerate(choices):
        if needle in text:
            scored[index] = max(scored.get(index, 0.0), 90.0)
    best: dict[int, Hit[T]] = {}
    for index, score in scored.items():
        owner = owners[index]
        bonus = _word_bonus(needle, choices[index])
        hit = Hit(owner, min(100.0, score + bonus), choices[index])
        if id(owner) not in best or hit.score > best[id(owner)].score:
            best[id(owner)] = hit
    return sorted(best.values(), key=lambda h: (-h.score, len(h.matched)))[:top]


def lookup_ewc(knowledge: Knowledge, query: str, top: int = 10) -> list[Hit[EwcItem]]:
    """By code ("17 06 05*", "170605", "1706" lists the sub-chapter and its entries) or text."""
    code = compact_ewc(query)
    if code is not None:
        item = knowledge.ewc.get(code)
        if item is None:
            return []
        hits = [Hit(item, 100.0, item.code)]
        children = knowledge.ewc_children.get(code, ())
        hits += [Hit(knowledge.ewc[c], 100.0, c) for c in children]
        return hits[: max(top, 1 + len(children))] if len(code) < 6 else hits
    entries = (i for i in knowledge.ewc.values() if i.level == 3)
    choices, owners = _choices(knowledge, "ewc", entries, lambda i: (i.text_nl, i.text_en))
    return _fuzzy(query, choices, owners, top)


def lookup_nace(knowledge: Knowledge, query: str, top: int = 10) -> list[Hit[NaceItem]]:
    """By code ("38.11", "3811", "C") or by words for the business ("brouwerij", "sawmill")
    and for its activity (see ``isassist.knowledge.nace_search``)."""
    code = dotted_nace(query)
    if code is not None:
        item = knowledge.nace.get(code)
        return [Hit(item, 100.0, item.code, "code")] if item else []
    return [Hit(m.item, m.score, m.matched, m.why) for m in search_nace(knowledge, query, top)]


def lookup_cpa(knowledge: Knowledge, query: str, top: int = 10) -> list[Hit[CpaItem]]:
    """By code ("38.11.51", "381151") or by English title."""
    code = dotted_cpa(query)
    if code is not None:
        item = knowledge.cpa.get(code)
        return [Hit(item, 100.0, item.code)] if item else []
    choices, owners = _choices(knowledge, "cpa", knowledge.cpa.values(), lambda i: (i.title_en,))
    return _fuzzy(query, choices, owners, top)


def lookup_cas(knowledge: Knowledge, query: str, top: int = 10) -> list[Hit[CasSubstance]]:
    """By CAS number (check digit enforced: raises CodeError) or by name or NL/EN synonym."""
    if looks_like_cas(query):
        number = normalise_cas(query)
        found = [s for s in knowledge.substances if s.cas == number]
        return [Hit(s, 100.0, number) for s in found]
    exact = knowledge.cas_by_name.get(fold(query), ())
    hits = [Hit(s, 100.0, fold(query)) for s in exact]
    if len(hits) >= top:
        return hits[:top]
    seen = {id(h.item) for h in hits}
    choices, owners = _choices(
        knowledge,
        "cas",
        knowledge.substances,
        lambda s: (s.name, s.name_nl, *s.synonyms_nl, *s.synonyms_en),
    )
    # names are short and many: demand a closer match than for long EWC texts
    fuzzy = _fuzzy(query, choices, owners, top, cutoff=85.0)
    needle = fold(query)
    hits += [h for h in fuzzy if id(h.item) not in seen and not _fragment_of(h.matched, needle)]
    return hits[:top]


def _fragment_of(name: str, needle: str) -> bool:
    """Whether ``name`` only matched as a piece of a word of the query: "fluor" inside
    "fluorsiliciumzuur" is another substance (fluorine, H270 H330) whose CAS number would carry
    wrong hazards into a dossier (review3 R99). A name that is whole words of the query
    ("natriumhydroxide" in "natriumhydroxide oplossing") and a close spelling of the whole
    query (a typo) still count."""
    if len(name) >= len(needle) or fuzz.ratio(name, needle) >= _CLOSE_SPELLING:
        return False
    return not set(name.split()) <= set(needle.split())
