"""Inverted indexes over the official entry texts and the plant terms, built once per process.

A query touches only the entries and terms that share a token with it, which keeps one
classification well under the 5 ms budget. Token weights use inverse document frequency over
the entries, so "afval"/"waste" (in almost every text) count for little and "walshuid" or
"bostel" (in one) count for a lot.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from isassist.classify.catalogue import Catalogue, CatalogueTerm, Entry
from isassist.classify.effluent import SludgeEntries, sludge_entries
from isassist.classify.parallels import Parallels, find_parallels
from isassist.classify.procedure import free_of, read_cues
from isassist.classify.solvents import Liquid, entry_liquid
from isassist.text_analysis import Analyzer, fold, stem, words

# How much a word in the sub-chapter or chapter heading counts, relative to the entry's own text.
_SUBCHAPTER_WEIGHT = 0.5
_CHAPTER_WEIGHT = 0.2
# An entry for a liquid ("developer solutions", "rinsing liquids", "tanning liquor", the acids of
# 06 01: waste acids are liquids as the list means them); one that
# also names a solid or excludes liquids ("solid salts and solutions", "except emulsions and
# solutions", "without a liquid phase") is not one.
_LIQUID = re.compile(r"\b(solutions?|liquids?|liquors?|baths?|emulsions?|leachate|acids?)\b", re.I)
_NOT_ONLY_LIQUID = re.compile(r"\b(solid|except|neither|without|sludges?)\b", re.I)


@dataclass(frozen=True)
class IndexedTerm:
    term: CatalogueTerm
    tokens: frozenset[str]
    codes: tuple[str, ...]  # six-digit entries the term points at
    broad: bool  # the term names a chapter or sub-chapter, not an entry


class ClassifierIndex:
    """Tokenised entries and terms with their inverted indexes."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        vocabulary: set[str] = set()
        for entry in catalogue.entries.values():
            for w in words(f"{entry.text_en} {entry.text_nl}"):
                vocabulary.add(stem(w))
        for en, nl in catalogue.headings.values():
            vocabulary.update(stem(w) for w in words(f"{en} {nl}"))
        for term in catalogue.terms:
            vocabulary.update(stem(w) for w in words(term.term))
        self.analyzer = Analyzer(vocabulary)
        self.vocabulary = sorted(self.analyzer.vocabulary)
        self.lang_words: dict[str, frozenset[str]] = {
            "en": frozenset(w for e in catalogue.entries.values() for w in words(e.text_en))
            | frozenset(w for t in catalogue.terms if t.lang == "en" for w in words(t.term)),
            "nl": frozenset(w for e in catalogue.entries.values() for w in words(e.text_nl))
            | frozenset(w for t in catalogue.terms if t.lang == "nl" for w in words(t.term)),
        }
        self._index_entries(catalogue)
        self._index_terms(catalogue)

    # -- entries -------------------------------------------------------------------------
    def _index_entries(self, catalogue: Catalogue) -> None:
        docs: dict[str, dict[str, float]] = {}
        own: dict[str, set[str]] = {}
        heading_tokens: dict[str, set[str]] = {}
        # What an entry's own text denies ("free of halogens", "niet-gechloreerde"), so a
        # query that denies the same thing can prefer it.
        self.entry_denies: dict[str, frozenset[str]] = {}
        # What an entry's text says is absent by a "free" word ("free of chromium"), exactly.
        self.entry_free_of: dict[str, frozenset[str]] = {}
        for code, (en, nl) in catalogue.headings.items():
            heading_tokens[code] = set(self.analyzer.tokens(en, dutch=False))
            heading_tokens[code].update(self.analyzer.tokens(nl))
        for code, entry in catalogue.entries.items():
            tokens = set(self.analyzer.tokens(entry.text_en, dutch=False))
            tokens.update(self.analyzer.tokens(entry.text_nl))
            own[code] = tokens
            self.entry_denies[code] = self._denied(entry.text_en) | self._denied(entry.text_nl)
            self.entry_free_of[code] = free_of(fold(entry.text_en).split()) | free_of(
                fold(entry.text_nl).split()
            )
            doc: dict[str, float] = dict.fromkeys(heading_tokens.get(code[:2], ()), _CHAPTER_WEIGHT)
            for t in heading_tokens.get(code[:4], ()):
                doc[t] = _SUBCHAPTER_WEIGHT
            for t in tokens:
                doc[t] = 1.0
            docs[code] = doc
        n = len(docs) or 1
        df: dict[str, int] = defaultdict(int)
        for doc in docs.values():
            for t in doc:
                df[t] += 1
        self.idf: dict[str, float] = {t: math.log(1 + n / c) for t, c in df.items()}
        self.max_idf = math.log(1 + n)
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for code, doc in docs.items():
            for t, w in doc.items():
                self.postings[t].append((code, w))
        self.entry_tokens: dict[str, frozenset[str]] = {c: frozenset(t) for c, t in own.items()}
        self.liquid_entries: frozenset[str] = frozenset(
            code
            for code, entry in catalogue.entries.items()
            if _LIQUID.search(entry.text_en) and not _NOT_ONLY_LIQUID.search(entry.text_en)
        )
        # aqueous / halogenated / other-organic liquids the solvent words decide between
        self.entry_liquids: dict[str, Liquid] = {
            code: liquid
            for code, entry in catalogue.entries.items()
            if (liquid := entry_liquid(entry.text_en)) is not None
        }
        self.sludge: SludgeEntries = sludge_entries(
            {code: entry.text_en for code, entry in catalogue.entries.items()}
        )
        self.entry_mass: dict[str, float] = {
            code: sum(self.token_idf(t) for t in tokens) or 1.0 for code, tokens in own.items()
        }
        self.parallels: Parallels = find_parallels(catalogue.entries, self.entry_tokens, self.idf)

    def _denied(self, text: str) -> frozenset[str]:
        """Stems the text denies, with the parts of denied compounds ("non-ferrometalen")."""
        denied = read_cues(fold(text).split()).negated
        return denied | {p for w in denied for p in self.analyzer.split(w)}

    def token_idf(self, token: str) -> float:
        """Rarity of ``token``; unseen tokens count as rare, since they are specific words."""
        return self.idf.get(token, self.max_idf)

    # -- terms ---------------------------------------------------------------------------
    def _index_terms(self, catalogue: Catalogue) -> None:
        entries = catalogue.entries
        self.terms: list[IndexedTerm] = []
        self.term_postings: dict[str, list[int]] = defaultdict(list)
        for term in catalogue.terms:
            tokens = frozenset(self.analyzer.tokens(term.term, dutch=term.lang == "nl"))
            if not tokens:
                continue
            codes: list[str] = []
            broad = False
            for ref in term.ewc:
                if len(ref) == 6:
                    if ref in entries:
                        codes.append(ref)
                else:
                    broad = True
                    codes.extend(c for c in entries if c.startswith(ref))
            item = IndexedTerm(term, tokens, tuple(dict.fromkeys(codes)), broad)
            position = len(self.terms)
            self.terms.append(item)
            for t in tokens:
                self.term_postings[t].append(position)

    def entry(self, code: str) -> Entry:
        return self.catalogue.entries[code]
