"""CPA 2.1 suggestions: products, by-products, energy and water have CPA codes, not EWC codes.

Three sources, strongest first: plant terms that carry a CPA code (the only Dutch route, since
CPA titles exist in English only), the producer's own products through the NACE-CPA crosswalk
(a by-product usually sits next to the main product), and word overlap with the English CPA
titles at the category and sub-category levels.
"""

from __future__ import annotations

from collections import defaultdict

from isassist.classify.index import ClassifierIndex, IndexedTerm
from isassist.classify.notes import NatureReading
from isassist.classify.result import CpaSuggestion

_MIN_OVERLAP = 0.34
_NATURE_CPA = {"energy": "35.30.11", "gas": "20.11.12", "water": "36.00.12"}


class CpaIndex:
    """Inverted index over CPA titles of levels 4-6 (class, category, sub-category)."""

    def __init__(self, index: ClassifierIndex) -> None:
        self.titles = index.catalogue.cpa_titles
        self.postings: dict[str, list[str]] = defaultdict(list)
        for code, title in self.titles.items():
            if code.count(".") >= 1 and len(code) >= 5:
                for token in set(index.analyzer.tokens(title, dutch=False)):
                    if not token.isdigit():  # "> 6 mm" in a title says nothing about "6 bar"
                        self.postings[token].append(code)


def suggest(
    index: ClassifierIndex,
    cpa_index: CpaIndex,
    weights: dict[str, float],
    terms: list[IndexedTerm],
    sector: str | None,
    nature: NatureReading,
    top: int,
) -> list[CpaSuggestion]:
    scores: dict[str, float] = defaultdict(float)
    why: dict[str, str] = {}
    fixed = _NATURE_CPA.get(nature.nature)
    if fixed:
        scores[fixed] += 2.0
        why[fixed] = f"stream is {nature.nature}, not a material"
    for item in terms:
        for code in item.term.cpa:
            scores[code] += 1.0
            why.setdefault(code, f'term "{item.term.term}"')
    mass = sum(index.token_idf(t) * w for t, w in weights.items()) or 1.0
    overlap: dict[str, float] = defaultdict(float)
    for token, weight in weights.items():
        for code in cpa_index.postings.get(token, ()):
            overlap[code] += index.token_idf(token) * weight / mass
    # one shared common word is noise, not a suggestion
    overlap = {c: v for c, v in overlap.items() if v >= _MIN_OVERLAP or c in scores}
    for code, value in overlap.items():
        scores[code] += 0.8 * value
        why.setdefault(code, "words in the CPA title")
    if sector:
        for nace, cpas in index.catalogue.nace_cpa.items():
            if nace.startswith(sector) or sector.startswith(nace):
                for cpa in cpas:
                    scores[cpa] += 0.3
                    why.setdefault(cpa, f"products of sector {nace}")
                    for code in list(overlap):
                        if code.startswith(cpa):
                            scores[code] += 0.3
    ranked = sorted(scores, key=lambda c: (-scores[c], c))[:top]
    best = max(scores.values(), default=1.0)
    return [
        CpaSuggestion(
            code, cpa_index.titles.get(code, ""), round(min(1.0, scores[code] / best), 3), why[code]
        )
        for code in ranked
        if code in cpa_index.titles
    ]
