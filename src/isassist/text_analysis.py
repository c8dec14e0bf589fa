"""Turn free plant wording and official List-of-Waste texts into comparable tokens.

Brokers type "houtafval", "bouw- en sloopafval" or "slibkoek"; the official texts say "hout",
"afval van ..." and "filterkoek". Matching only works when both sides go through the same
normalisation: accents and case folded, punctuation dropped, a light suffix stripper shared by
Dutch and English (so "slakken" meets "slak" and "sludges" meets "sludge"), and Dutch compounds
split into the known words they are glued from. The stripper is deliberately crude: it only has
to map both sides onto the same key, not produce real stems.

Shared below isassist.knowledge (the NACE term search) and isassist.classify, so neither
reaches into the other for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def word_set(spaced: str) -> frozenset[str]:
    """A set of words written as one spaced string, the readable form for word lists."""
    return frozenset(spaced.split())


_NON_WORD = re.compile(r"[^a-z0-9]+")
_CODE_LIKE = re.compile(r"\b\d{2}\s?\d{2}\s?\d{2}\b\*?")

STOP_WORDS_NL = word_set("""
    de het een en van uit met voor op in aan bij door te dat die dit deze is zijn was wordt
    worden werd of ons onze we wij er naar als ook nog na om tot over onder zo zoals al wel
    per ter hun hij zij ze je u ik men hier daar waar wat welke wie bv enz etc elders genoemd
    vallend vallende vallen overig overige ander andere anders onze waarin waarbij daarvan
    nadat zonder niet geen vrij vrije oud oude
    """)

STOP_WORDS_EN = word_set("""
    the a an and of from with for on in at by to that which is are was were be been being or
    our we us it its as also after into onto than those mentioned other others their there
    this these such some any per via off out up about including included except e g eg etc
    otherwise specified not no without free old
    """)

STOP_WORDS = STOP_WORDS_NL | STOP_WORDS_EN

# Dutch linking sounds between compound parts ("afval-s-water", "kip-pen-mest").
_LINKERS = ("en", "s", "e")
_MIN_PART = 3
_MIN_AFFIX = 4  # a lone known part must be longer, or "ver-", "ont-" would split everything
# Short words that still end a compound: "bodemas", "vliegas", "ketelas" are kinds of ash.
_SHORT_TAILS = frozenset({"as"})
_SHORTEST_TAIL = min(_MIN_PART, *(len(t) for t in _SHORT_TAILS))


def fold(text: str) -> str:
    """Lowercase, strip accents and turn every non-alphanumeric run into one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", ascii_only.lower()).strip()


def strip_code_references(text: str) -> str:
    """Drop "01 04 07"-style references so mirror texts do not match on their numbers."""
    return _CODE_LIKE.sub(" ", text)


def stem(word: str) -> str:
    """Map Dutch and English inflections of one word onto a shared key."""
    if len(word) <= 3 or word.isdigit():
        return word
    base = word
    if base.endswith("ies") and len(base) > 5:
        base = base[:-3] + "y"
    elif base.endswith(("en", "es")) and len(base) > 4:
        base = base[:-2]
    elif base.endswith(("s", "e")) and not base.endswith("ss"):
        base = base[:-1]
    # Dutch plurals double the final consonant ("slakken" -> "slakk" -> "slak").
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiou":
        base = base[:-1]
    return base


# Shorthand brokers type in forms and e-mails, written out as the official texts say it.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "afgw": ("afgewerkt",),
    "afgew": ("afgewerkt",),
    "gebr": ("gebruikt",),
    "verontr": ("verontreinigd",),
    "kws": ("koolwaterstof",),
    "awzi": ("afvalwater", "zuivering"),
    "rwzi": ("afvalwater", "zuivering"),
    "wzi": ("water", "zuivering"),
    "rvs": ("roestvrij", "staal"),
    "alu": ("aluminium",),
    "pe": ("polyethyleen",),
    "pp": ("polypropyleen",),
}


def words(text: str, lang: str | None = None) -> list[str]:
    """Folded words of ``text`` without stop words or code references, shorthand written out.

    With ``lang="nl"`` only Dutch stop words go: English "as" is a stop word, Dutch "as" is
    ash ("zink as", "as van de ketel").
    """
    stop = STOP_WORDS_NL if lang == "nl" else STOP_WORDS
    out: list[str] = []
    for w in fold(strip_code_references(text)).split():
        out.extend(_ABBREVIATIONS.get(w, (w,)))
    # A lone "s" is left over from "foto's" or "PCB's" and means nothing.
    return [w for w in out if w not in stop and w != "s"]


class Analyzer:
    """Tokenises text into stems, splitting Dutch compounds against a known vocabulary.

    The vocabulary (stems seen in the official texts and the term lists) decides which splits
    are real: "houtafval" splits because "hout" and "afval" are known, "beton" does not split
    because "bet" is not. Splits are memoised; the analyser is built once per process.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = frozenset(v for v in vocabulary if len(v) >= _MIN_PART)
        self._splits: dict[str, tuple[str, ...]] = {}

    @property
    def vocabulary(self) -> frozenset[str]:
        return self._vocabulary

    def tokens(self, text: str, dutch: bool = True) -> list[str]:
        """Stems of ``text`` in order; compounds contribute the whole word and its parts.

        English is not split at all ("alkaline" is not "alkal" + "line"); ``dutch=False``
        also suits a query whose language is unsure, since it still splits a word glued
        entirely from known parts. A part that is a compound itself ("gipsplaat" in
        "gipsplaatresten") is split too, so the query meets terms naming the inner words.
        """
        out: list[str] = []
        for word in words(text, "nl" if dutch else None):
            out.append(stem(word))
            if len(word) >= 2 * _MIN_PART:
                whole = out[-1]
                for part in self.split(word, dutch):
                    if part == whole:
                        continue
                    out.append(part)
                    if len(part) >= 2 * _MIN_PART:
                        out.extend(self.split(part, dutch))
        return out

    def split(self, word: str, dutch: bool = True) -> tuple[str, ...]:
        """Stems of the known parts ``word`` is glued from, or () when it is not a compound.

        With ``dutch`` a single known head or tail word is enough ("varkensmest" -> "mest");
        without it every part must be known.
        """
        key = word if dutch else f"!{word}"
        cached = self._splits.get(key)
        if cached is None:
            cached = (self._split(word) if dutch else self._split_known(word)) or ()
            self._splits[key] = cached
        return cached

    def _known(self, part: str) -> bool:
        return len(part) >= _MIN_PART and (
            part in self._vocabulary or stem(part) in self._vocabulary
        )

    def _split(self, word: str) -> tuple[str, ...] | None:
        full = self._split_known(word)
        if full is not None:
            return full
        # A known head word at the end carries the meaning ("varkensmest" -> "mest"); a
        # known material at the start often names the stuff ("glasscherven" -> "glas").
        for cut in range(_MIN_PART, len(word) - _MIN_AFFIX + 1):
            tail = word[cut:]
            if len(tail) >= _MIN_AFFIX and self._known(tail):
                return (stem(tail),)
        for cut in range(len(word) - _MIN_PART, _MIN_AFFIX - 1, -1):
            head = word[:cut]
            if self._known(head):
                return (stem(head),)
        return None

    def _split_known(self, word: str) -> tuple[str, ...] | None:
        # Longest known head first: "kunststofkrullen" -> "kunststof" + "krullen".
        for cut in range(len(word) - _SHORTEST_TAIL, _MIN_PART - 1, -1):
            head, rest = word[:cut], word[cut:]
            if not self._known(head):
                continue
            tail = self._split_tail(rest)
            if tail is not None:
                return (stem(head), *tail)
        return None

    def _split_tail(self, rest: str) -> tuple[str, ...] | None:
        if rest in _SHORT_TAILS:
            return (rest,)
        candidates = [rest] + [rest[len(k) :] for k in _LINKERS if rest.startswith(k)]
        for candidate in candidates:
            if self._known(candidate):
                return (stem(candidate),)
        for candidate in candidates:
            if len(candidate) >= 2 * _MIN_PART:
                deeper = self._split_known(candidate)
                if deeper is not None:
                    return deeper
        return None
