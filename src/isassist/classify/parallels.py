"""Parallel entries: the same wording repeated in several sub-chapters of one chapter.

Every 07 sub-chapter has "other filter cakes and spent absorbents", every 02 sub-chapter
"sludges from on-site effluent treatment", most 10 sub-chapters "particulates and dust". The
words of a description cannot choose between such twins: only the producer's activity can. So
the evidence one twin collects is lent to the twin in the producer's own sub-chapter, and the
sector boost decides. Twins must agree on the hazard, or lending would cross a mirror.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from isassist.classify.catalogue import Entry

# Share of rare-word weight two texts must have in common to count as the same wording: high
# enough that "slags" and "dross and skimmings" from the same production stay apart.
_SAME_WORDING = 0.8

Parallels = dict[str, tuple[tuple[str, float], ...]]


def find_parallels(
    entries: Mapping[str, Entry],
    tokens: Mapping[str, frozenset[str]],
    idf: Mapping[str, float],
) -> Parallels:
    """For each entry, its twins in other sub-chapters of the chapter with their likeness.

    ``tokens`` are the entries' own word tokens (both languages, code references dropped).
    """
    default_idf = max(idf.values(), default=1.0)
    mass = {c: sum(idf.get(t, default_idf) for t in tokens[c]) for c in entries}
    by_chapter: dict[str, list[str]] = defaultdict(list)
    for code in sorted(entries, key=lambda c: mass[c]):
        by_chapter[code[:2]].append(code)
    twins: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for codes in by_chapter.values():
        for i, one in enumerate(codes):
            for other in codes[i + 1 :]:
                # Sorted by mass: once the heavier text outweighs too much, none further fits.
                if mass[one] < _SAME_WORDING * mass[other]:
                    break
                if one[:4] == other[:4] or entries[one].hazardous != entries[other].hazardous:
                    continue
                shared = sum(idf.get(t, default_idf) for t in tokens[one] & tokens[other])
                union = mass[one] + mass[other] - shared
                likeness = shared / union if union else 0.0
                if likeness >= _SAME_WORDING:
                    twins[one].append((other, round(likeness, 3)))
                    twins[other].append((one, round(likeness, 3)))
    return {code: tuple(sorted(found)) for code, found in twins.items()}
