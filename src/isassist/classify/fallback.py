"""What a broker gets when not one word of the description is recognised.

An empty answer leaves the broker stuck. With the producer's sector known, the usual entries
of that sector's process sub-chapters are still a useful start: they are shown with a low
score, a reason that says no word was recognised, and a note asking for the material and the
process. Which entries: the ones whose wording is generic for the sector's processes (the
entries the List of Waste repeats in sibling sub-chapters, such as effluent sludge or
material unsuitable for use, then the shortest texts), and the "99" entry last, as the List of
Waste procedure keeps it for when nothing else fits. Without a sector there is no ground for
any code, so none is invented.
"""

from __future__ import annotations

from isassist.classify.engine import confidence, make_suggestion
from isassist.classify.index import ClassifierIndex
from isassist.classify.result import Suggestion
from isassist.classify.sectors import sector_rows

_FALLBACK_RAW = 0.06  # far below any real match (one covering term is about 1.0)
_FALLBACK_STEP = 0.005  # keeps the order visible in the scores


def sector_fallback(
    index: ClassifierIndex, sector: str | None, lang: str, top: int
) -> tuple[list[Suggestion], str]:
    """The sector's common entries and the note that goes with them (no entries without a
    sector, or for a sector the map does not cover)."""
    if sector is None:
        return [], _nothing_note(lang, ask_sector=True)
    rows = sector_rows(index.catalogue.sector_map, sector)
    if not rows:
        return [], _nothing_note(lang, ask_sector=False)
    prefixes = rows[0][1]
    codes = [c for c in index.catalogue.entries if c.startswith(prefixes)]
    codes.sort(
        key=lambda c: (c.endswith("99"), -len(index.parallels.get(c, ())), _mass(index, c), c)
    )
    why = (
        f"geen woord herkend; een gangbare code van sector {sector}"
        if lang == "nl"
        else f"no word recognised; a common code of sector {sector}"
    )
    suggestions = [
        make_suggestion(index, code, confidence(_FALLBACK_RAW - _FALLBACK_STEP * rank), why, lang)
        for rank, code in enumerate(codes[:top])
    ]
    return suggestions, _more_words_note(_sector_label(index, sector, lang), lang)


def _mass(index: ClassifierIndex, code: str) -> float:
    return index.entry_mass.get(code, 0.0)


def _sector_label(index: ClassifierIndex, sector: str, lang: str) -> str:
    en, nl = index.catalogue.nace_titles.get(sector, ("", ""))
    title = (nl or en) if lang == "nl" else (en or nl)
    return f"{sector} ({title})" if title else sector


def _more_words_note(label: str, lang: str) -> str:
    if lang == "nl":
        return (
            f"Geen enkel woord van de beschrijving werd herkend; dit zijn de gangbare codes "
            f"van sector {label}. Voeg een paar woorden toe: welk materiaal het is en uit "
            "welk proces het komt."
        )
    return (
        f"No word of the description was recognised; these are the common codes of sector "
        f"{label}. Add a few words: what the material is and which process it comes from."
    )


def _nothing_note(lang: str, ask_sector: bool) -> str:
    if lang == "nl":
        return (
            "Niets in de beschrijving werd herkend, dus er is geen code voorgesteld. Beschrijf "
            "het materiaal (bv. slib, hout, kunststof) en de activiteit waaruit het komt"
            + (", of geef de NACE-code van de producent." if ask_sector else ".")
        )
    return (
        "Nothing in the description was recognised, so no code is suggested. Describe the "
        "material (e.g. sludge, wood, plastic) and the activity it comes from"
        + (", or give the producer's NACE code." if ask_sector else ".")
    )
