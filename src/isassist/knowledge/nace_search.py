"""Find a company's NACE code from the words a broker uses for it.

Official NACE titles name activities ("Vervaardiging van bier"); people name businesses
("brouwerij", "brewery", "zuivelbedrijf"). A fuzzy match over titles alone lands "brouwerij" on
"Bouwrijp maken van terreinen" because the letters look alike. So the evidence is ranked by how
much it can be trusted:

1. a business word from ``knowledge/nace_terms.csv`` typed as is, or inside a sentence;
2. the same word with another business suffix or a typo ("zuivelbedrijf" ~ "zuivelfabriek");
3. words shared with such a term ("houten paletten" ~ "paletten maken");
4. words shared with the official Dutch or English titles, rarer words weighing more;
5. letter-level fuzzy matching over the titles, for whatever is left.

Each hit says which term or which title words made it. The index is built once per loaded
knowledge base (a few tens of milliseconds); a query then takes about a millisecond.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from isassist.knowledge.base import Knowledge
from isassist.knowledge.codes import fold
from isassist.knowledge.models import NaceItem, NaceTerm

if TYPE_CHECKING:
    from isassist.text_analysis import Analyzer

# Words that say "a business" without saying which: "zuivelbedrijf" and "zuivelfabriek" are
# the same business, so both reduce to the core "zuivel".
_BUSINESS_WORDS_NL = (
    "bedrijfje",
    "bedrijven",
    "bedrijf",
    "fabrieken",
    "fabriek",
    "fabrikant",
    "firma",
    "onderneming",
    "producent",
    "houderij",
    "kwekerij",
    "uitbating",
)
_BUSINESS_WORDS_EN = (
    "company",
    "factory",
    "plant",
    "works",
    "firm",
    "business",
    "manufacturer",
    "producer",
    "operator",
    "facility",
)
# Saying that a company makes something does not say what it makes.
# "ten" ("ten behoeve van") is a preposition the stop list misses; as a compound part it
# glued "frieten" to "paletten".
_MAKING_WORDS = ("maken", "maakt", "make", "makes", "making", "produceren", "produce", "ten")
_MAX_NGRAM = 4

# Score bands: a stronger kind of evidence always outranks a weaker one.
EXACT_TERM = 100.0
TERM_IN_SENTENCE = 96.0
SAME_CORE = 94.0
NEAR_TERM = 90.0  # top of the typo band
TERM_WORDS = 86.0  # top of the shared-words-with-a-term band
TITLE_WORDS = 80.0  # top of the shared-words-with-a-title band
FUZZY = 60.0  # top of the letter-level band


@dataclass(frozen=True)
class NaceMatch:
    """One NACE item, its score and the evidence for it, in words a broker can check."""

    item: NaceItem
    score: float
    matched: str
    why: str
    words: frozenset[str] = frozenset()  # the query's stems a title match rests on


def core(word: str) -> str:
    """The folded text without a trailing business word: "zuivelbedrijf" -> "zuivel"."""
    text = fold(word)
    parts = text.split()
    if len(parts) > 1 and parts[-1] in (*_BUSINESS_WORDS_NL, *_BUSINESS_WORDS_EN):
        return " ".join(parts[:-1])
    for suffix in _BUSINESS_WORDS_NL:
        if text.endswith(suffix) and len(text) - len(suffix) >= 3:
            stem = text[: -len(suffix)]
            return stem[:-1] if stem.endswith("s") and len(stem) > 4 else stem
    return text


MAX_QUERY_CHARS = 200


class NaceIndex:
    """The term and title indexes of one loaded knowledge base."""

    def __init__(self, knowledge: Knowledge) -> None:
        from isassist.text_analysis import Analyzer, stem, words

        self.knowledge = knowledge
        self.by_text: dict[str, list[NaceTerm]] = defaultdict(list)
        self.by_core: dict[str, list[NaceTerm]] = defaultdict(list)
        for term in knowledge.nace_terms:
            self.by_text[fold(term.term)].append(term)
            self.by_core[core(term.term)].append(term)
        self.term_texts = list(self.by_text)
        vocabulary = {stem(w) for t in self.term_texts for w in words(t)}
        vocabulary |= {c for c in self.by_core if " " not in c}
        # a group with one class repeats the class's title; listing both only adds noise
        child_titles = {(i.parent, i.title_en) for i in knowledge.nace.values()}
        titled = [
            i
            for i in knowledge.nace.values()
            if i.level >= 2 and (i.code, i.title_en) not in child_titles
        ]
        for item in titled:
            vocabulary |= {stem(w) for w in words(f"{item.title_nl} {item.title_en}")}
        self.analyzer: Analyzer = Analyzer(vocabulary)
        self.generic = frozenset(
            stem(w) for w in (*_BUSINESS_WORDS_NL, *_BUSINESS_WORDS_EN, *_MAKING_WORDS)
        )
        self.term_tokens: dict[str, frozenset[str]] = {}
        self.terms_by_token: dict[str, list[str]] = defaultdict(list)
        for text in self.term_texts:
            tokens = self._tokens(text) or frozenset(self.analyzer.tokens(text))
            self.term_tokens[text] = tokens
            for token in tokens:
                self.terms_by_token[token].append(text)
        self.items_by_token: dict[str, list[NaceItem]] = defaultdict(list)
        for item in titled:
            for token in self._tokens(f"{item.title_nl} {item.title_en}"):
                self.items_by_token[token].append(item)
        count = len(titled)
        self.weight = {
            token: math.log(1 + count / len(items)) for token, items in self.items_by_token.items()
        }
        self.titles = [fold(t) for i in titled for t in (i.title_nl, i.title_en) if t]
        self.title_owners = [i for i in titled for t in (i.title_nl, i.title_en) if t]

    def _tokens(self, text: str) -> frozenset[str]:
        """Stems and compound parts that say something: "bedrijf" or "plant" do not."""
        return frozenset(t for t in self.analyzer.tokens(text) if t not in self.generic)

    def search(self, query: str, top: int) -> list[NaceMatch]:
        # bounded work: a description of an activity never needs more than this
        needle = fold(query[:MAX_QUERY_CHARS])
        if not needle:
            return []
        found: dict[str, NaceMatch] = {}
        for match in (
            *self._terms(needle),
            *self._term_words(needle),
            *self._title_words(needle),
            *self._fuzzy_titles(needle),
        ):
            best = found.get(match.item.code)
            if best is None or match.score > best.score:
                found[match.item.code] = match
        self._refine(found)
        ranked = sorted(found.values(), key=lambda m: (-m.score, -m.item.level, m.item.code))
        return ranked[:top]

    def _refine(self, found: dict[str, NaceMatch]) -> None:
        """A term naming a group ("gieterij": 24.5) plus title words naming one of its classes
        ("gietijzer": 24.51) is evidence for that class, so the class goes just above."""
        for parent in list(found.values()):
            if parent.item.level == 4 or parent.score < SAME_CORE - 2:
                continue
            explained = self.term_tokens.get(fold(parent.matched), frozenset())
            children = [
                m
                for m in found.values()
                if m.item.level > parent.item.level
                and m.item.code.startswith(parent.item.code)
                and m.words - explained
            ]
            if children:
                child = max(children, key=lambda m: m.score)
                found[child.item.code] = NaceMatch(
                    child.item, parent.score + 0.5, parent.matched, f"{parent.why}; {child.why}"
                )

    def _hits(self, terms: list[NaceTerm], score: float, why: str) -> list[NaceMatch]:
        out = []
        for term in terms:
            item = self.knowledge.nace.get(term.nace)
            if item is not None:
                out.append(NaceMatch(item, score, term.term, why.format(term=term.term)))
        return out

    def _terms(self, needle: str) -> list[NaceMatch]:
        """Whole terms: the query itself, a run of its words, the same core, a typo."""
        out = self._hits(self.by_text.get(needle, []), EXACT_TERM, "term '{term}'")
        if core(needle) != needle:
            same = self.by_core.get(core(needle), [])
            out += self._hits(same, SAME_CORE, "like term '{term}'")
        tokens = needle.split()
        for size in range(min(_MAX_NGRAM, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                gram = " ".join(tokens[start : start + size])
                if gram == needle:
                    continue
                found = self.by_text.get(gram, [])
                out += self._hits(found, TERM_IN_SENTENCE, "term '{term}' in the text")
                if not found and core(gram) != gram:
                    similar = self.by_core.get(core(gram), [])
                    out += self._hits(similar, SAME_CORE - 2, "like term '{term}' in the text")
        typos = process.extract(
            needle, self.term_texts, scorer=fuzz.ratio, limit=5, score_cutoff=84.0
        )
        for text, score, _ in typos:
            scaled = NEAR_TERM - (100.0 - float(score)) / 2
            out += self._hits(self.by_text[text], scaled, "close to term '{term}'")
        return out

    def _term_words(self, needle: str) -> list[NaceMatch]:
        """Terms sharing words (or compound parts) with the query."""
        tokens = self._tokens(needle)
        if not tokens:
            return []
        shared: dict[str, int] = defaultdict(int)
        for token in tokens:
            for text in self.terms_by_token.get(token, ()):
                shared[text] += 1
        out = []
        for text, count in shared.items():
            term_tokens = self.term_tokens[text]
            cover = count / len(term_tokens) * math.sqrt(count / len(tokens))
            score = TERM_WORDS - 20.0 * (1.0 - cover)
            common = tokens & term_tokens
            why = "words " + ", ".join(sorted(common)) + " of term '{term}'"
            out += [
                NaceMatch(m.item, m.score, m.matched, m.why, common)
                for m in self._hits(self.by_text[text], score, why)
            ]
        return out

    def _title_words(self, needle: str) -> list[NaceMatch]:
        """Official titles sharing words with the query; a rare word counts for more."""
        tokens = self._tokens(needle)
        total = sum(self.weight.get(t, 1.0) for t in tokens)
        if not total:
            return []
        gained: dict[str, float] = defaultdict(float)
        words: dict[str, list[str]] = defaultdict(list)
        owners: dict[str, NaceItem] = {}
        for token in tokens:
            for item in self.items_by_token.get(token, ()):
                gained[item.code] += self.weight[token]
                words[item.code].append(token)
                owners[item.code] = item
        out = []
        for code, weight in gained.items():
            score = TITLE_WORDS - 25.0 * (1.0 - weight / total)
            why = "title words " + ", ".join(sorted(words[code]))
            matched = frozenset(words[code])
            out.append(NaceMatch(owners[code], score, owners[code].title_nl, why, matched))
        return out

    def _fuzzy_titles(self, needle: str) -> list[NaceMatch]:
        results = process.extract(
            needle, self.titles, scorer=fuzz.WRatio, limit=10, score_cutoff=70.0
        )
        return [
            NaceMatch(
                self.title_owners[index],
                FUZZY * float(score) / 100.0,
                text,
                "title looks like the text",
            )
            for text, score, index in results
        ]


_INDEXES: dict[int, tuple[Knowledge, NaceIndex]] = {}


def nace_index(knowledge: Knowledge) -> NaceIndex:
    """The index of ``knowledge``, built on first use and kept while the process runs."""
    entry = _INDEXES.get(id(knowledge))
    if entry is None or entry[0] is not knowledge:
        entry = (knowledge, NaceIndex(knowledge))
        _INDEXES[id(knowledge)] = entry
    return entry[1]


def search_nace(knowledge: Knowledge, query: str, top: int = 10) -> list[NaceMatch]:
    """NACE items for a free-text description of a business, best first, each with a reason."""
    return nace_index(knowledge).search(query, top)
