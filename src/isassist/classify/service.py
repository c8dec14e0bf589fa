"""The classifier behind ``isassist.classify``: one index per process, inputs checked once.

Building the indexes takes a few tens of milliseconds, so it happens on the first call and is
reused; every public function validates its inputs and raises ``ClassifyInputError`` with a
user-facing message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from isassist.classify.catalogue import Catalogue
from isassist.classify.cpa import CpaIndex, suggest
from isassist.classify.engine import rank, read_query
from isassist.classify.fallback import sector_fallback
from isassist.classify.index import ClassifierIndex, IndexedTerm
from isassist.classify.inputs import check_hazard, check_lang, check_sector, check_text
from isassist.classify.language import detect_language
from isassist.classify.notes import fits_water, notes_for, read_nature, with_kind
from isassist.classify.result import ClassificationResult, CpaSuggestion, Suggestion
from isassist.classify.sectors import sector_rows
from isassist.text_analysis import fold, strip_code_references

# Boost by NACE level found, most specific first: a copper smelter (24.44) is 10 06 before the
# rest of the metals division's chapter 10.
_LEVEL_BOOSTS = (1.45, 1.25, 1.1)
_FRAGMENT_SCORE = 0.2  # confidence of a text match on one fragment, far below a real match


class Classifier:
    """Free text to ranked EWC and CPA suggestions over one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.index = ClassifierIndex(catalogue)
        self._cpa_index: CpaIndex | None = None

    @property
    def cpa_index(self) -> CpaIndex:
        if self._cpa_index is None:
            self._cpa_index = CpaIndex(self.index)
        return self._cpa_index

    def sector_prefixes(self, sector: str | None) -> tuple[tuple[str, float], ...]:
        """EWC prefixes of the sector's own process waste, with a boost per NACE level.

        The class or group row of the sector map names the sub-chapters of that activity and
        boosts most; the division row names the sector's chapter and boosts less, so a
        demolition firm's scrap (17 04) still counts as its own chapter.
        """
        if sector is None:
            return ()
        sector_map = self.index.catalogue.sector_map
        rows = sector_rows(sector_map, sector)
        pairs: dict[str, float] = {}
        for depth, (code, prefixes) in enumerate(rows):
            others = _siblings_own(sector_map, code, rows[0][0]) if depth else frozenset()
            for prefix in prefixes:
                if prefix in others and prefix not in rows[0][1]:
                    continue  # a brick maker's division lists glass (10 11) for 23.1, not 23.3
                pairs.setdefault(prefix, _LEVEL_BOOSTS[min(depth, len(_LEVEL_BOOSTS) - 1)])
        return tuple(pairs.items())

    def language(self, text: str) -> str:
        return detect_language(text, self.index.lang_words)

    def classify(
        self,
        text: str,
        sector: str | None = None,
        lang: str | None = None,
        top: int = 5,
        hazardous: str | bool | None = None,
        state: str | None = None,
        kind: str | None = None,
    ) -> ClassificationResult:
        """``kind`` is what the interview already knows the stream is (material, heat, water,
        gas, energy, capacity); it decides the stream's nature over its words, so that
        "heat-treated yeast" stays a material and a captured gas never gets a sludge code."""
        description = check_text(text)
        nace = check_sector(sector, self.index.catalogue.nace_titles)
        language = check_lang(lang) or self.language(description)
        hazard = check_hazard(hazardous)
        if top < 1:
            raise ValueError("top must be at least 1")
        query = read_query(self.index, f"{description} {state or ''}", language)
        folded = fold(strip_code_references(description)).split()
        nature = with_kind(read_nature(folded, list(query.weights)), kind)
        notes = notes_for(nature, language)
        suggestions, terms = rank(
            self.index, query, nace, self.sector_prefixes(nace), hazard, language, top + 5
        )
        # energy has no code; a gas that is captured and used is told so (the note), not coded
        if nature.nature == "energy" or kind == "gas":
            suggestions = []
        elif kind == "water":
            # water is told it falls under water law (the note); a sludge code never fits it
            suggestions = [
                s for s in suggestions if fits_water(self.index.entry(s.code).text("en"))
            ][:top]
        elif not suggestions or self._only_fragments(suggestions[:top], terms, nace):
            suggestions, note = sector_fallback(self.index, nace, language, top)
            notes.append(note)
        suggestions = suggestions[:top]
        cpa = suggest(self.index, self.cpa_index, query.weights, terms, nace, nature, 3)
        return ClassificationResult(
            description, language, nace, tuple(suggestions), tuple(notes), tuple(cpa)
        )

    def _only_fragments(
        self, suggestions: list[Suggestion], terms: list[IndexedTerm], nace: str | None
    ) -> bool:
        """Whether a known sector's producer got only weak text fragments from other chapters
        ("brand" of branden -> fuels 13 07 03*, "zilver" of zilvervlies -> photographic silver):
        no plant term, every score under _FRAGMENT_SCORE and none in the sector's chapters. The
        sector's common codes are then the honest start, as for a word nobody knows (review3
        R101)."""
        if nace is None or terms:
            return False
        prefixes = tuple(p for p, _ in self.sector_prefixes(nace))
        return bool(prefixes) and all(
            s.score < _FRAGMENT_SCORE and not s.code.startswith(prefixes) for s in suggestions
        )

    def suggest_cpa(
        self, text: str, sector: str | None = None, top: int = 5
    ) -> list[CpaSuggestion]:
        description = check_text(text)
        nace = check_sector(sector, self.index.catalogue.nace_titles)
        query = read_query(self.index, description)
        folded = fold(strip_code_references(description)).split()
        nature = read_nature(folded, list(query.weights))
        _, terms = rank(self.index, query, nace, (), "unknown", "en", 1)
        return suggest(self.index, self.cpa_index, query.weights, terms, nace, nature, top)


def _siblings_own(
    sector_map: Mapping[str, tuple[str, ...]], upper: str, own: str
) -> frozenset[str]:
    """Sub-chapters that rows below ``upper`` give to other activities than ``own``'s line.

    A division row lists the sub-chapters of all its groups (23: glass 10 11, bricks 10 12,
    cement 10 13); once the producer's own group or class has a row, a sub-chapter another
    group claims is that group's, not the producer's (review3 R93: a brick works' scrubber
    lime got the glass chapter's 10 11 16)."""
    claimed: set[str] = set()
    for code, prefixes in sector_map.items():
        below = code.startswith(upper) and code != upper
        if below and not own.startswith(code) and not code.startswith(own):
            claimed.update(p for p in prefixes if len(p) == 4)
    return frozenset(claimed)


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    """The process-wide classifier over the installed knowledge base.

    Indexing every entry and term takes over a second, longer than a whole `isassist classify`
    may, so the built classifier is pickled in the cache folder, keyed by the knowledge files
    and this package's source; a start with the cache warm loads neither the knowledge base
    nor pydantic.
    """
    from isassist.classify.cache import cached_classifier

    return cached_classifier(Classifier, _build_default)


def _build_default() -> Classifier:
    from isassist.classify.source import catalogue_from_knowledge

    classifier = Classifier(catalogue_from_knowledge())
    classifier.cpa_index  # noqa: B018  (built now, so the cached copy carries it)
    return classifier
