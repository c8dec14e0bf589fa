"""Which waste-water sludge entry fits a producer: its own chapter's, an urban plant's, or 19 08.

The List of Waste (Decision 2000/532/EC as amended by 2014/955/EU) has "sludges from on-site
effluent treatment" in the chapters of many industries (02 02 04, 04 02 20, 07 01 12 ...), and in
19 08 the sludges of waste-water treatment plants: 19 08 05 "sludges from treatment of urban
waste water" (the public sewage works, NACE 37) and 19 08 11*/12 (biological) and 19 08 13*/14
(other) "treatment of industrial waste water". A laundry's flotation sludge is no urban sludge and
no food plant's sludge; where the producer's own chapter has no on-site effluent entry, its own
effluent sludge is industrial waste-water sludge (review3 R113).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from isassist.text_analysis import word_set

_URBAN_WORDS = word_set("""
    stedelijk stedelijke rwzi rwzis gemeentelijk gemeentelijke municipal urban riool
    rioolwater rioolslib rioolwaterzuivering sewage sewer sewers huishoudelijk huishoudelijke
    domestic
    """)
_URBAN_PREFIXES = ("riool", "rwzi")
_BIOLOGICAL = word_set("""
    biologisch biologische biological actief actiefslib activated aeroob aerobe anaeroob
    anaerobe aerobic anaerobic
    """)
URBAN_PLANT_NACE = "37"
URBAN_ONLY = 0.4  # the urban entry for a producer that is no sewage works and says nothing urban
OTHER_INDUSTRY = 0.5  # another industry's on-site effluent entry for a known producer

_EFFLUENT = re.compile(r"\bon-site effluent treatment\b", re.I)
_URBAN = re.compile(r"\burban waste water\b", re.I)
_INDUSTRIAL = re.compile(r"\btreatment of industrial waste water\b", re.I)
_BIOLOGICAL_ENTRY = re.compile(r"\bbiological\b", re.I)
_PROCESS_SLUDGE = re.compile(r"\bsludges and filter cakes\b(?! from (flue-)?gas)", re.I)


@dataclass(frozen=True)
class SludgeEntries:
    """The entries of the three kinds, from their official English texts."""

    on_site: frozenset[str]
    urban: frozenset[str]
    industrial: frozenset[str]
    biological: frozenset[str]
    # a producer's chapter with one of these has its own entry for its effluent sludge: the
    # on-site ones and the platers' "sludges and filter cakes" (11 01 09*/10)
    own_effluent: frozenset[str]


def sludge_entries(texts_en: dict[str, str]) -> SludgeEntries:
    """Sort entries (code -> English text) into on-site, urban and industrial sludge entries."""
    return SludgeEntries(
        on_site=frozenset(c for c, t in texts_en.items() if _EFFLUENT.search(t)),
        urban=frozenset(c for c, t in texts_en.items() if _URBAN.search(t)),
        industrial=frozenset(c for c, t in texts_en.items() if _INDUSTRIAL.search(t)),
        biological=frozenset(c for c, t in texts_en.items() if _BIOLOGICAL_ENTRY.search(t)),
        own_effluent=frozenset(
            c for c, t in texts_en.items() if _EFFLUENT.search(t) or _PROCESS_SLUDGE.search(t)
        ),
    )


def says_urban(folded_words: list[str]) -> bool:
    """Whether the words say the water was urban sewage ("rwzi", "stedelijk", "rioolslib")."""
    return any(w in _URBAN_WORDS or w.startswith(_URBAN_PREFIXES) for w in folded_words)


def says_biological(folded_words: list[str]) -> bool:
    """Whether the words say the treatment was biological ("actief slib", "biologische")."""
    return any(w in _BIOLOGICAL for w in folded_words)


def urban_plant(sector: str | None) -> bool:
    """Whether the producer is a sewage works (NACE 37), or unknown."""
    return sector is None or sector.startswith(URBAN_PLANT_NACE)
