"""Solvent words decide between the aqueous, halogenated and other-organic entries.

Every sub-chapter 07 01 to 07 07 of the List of Waste (Decision 2000/532/EC as amended by
2014/955/EU) has the same three liquids: x1 "aqueous washing liquids and mother liquors", x3
"organic halogenated solvents, washing liquids and mother liquors" and x4 "other organic solvents,
washing liquids and mother liquors"; chapter 14 06 splits solvents the same way (14 06 02*
halogenated, 14 06 03* other). A broker names the solvent ("moederloog met methanol en aceton",
"DCM-houdende wasvloeistof"), not the class, so the named solvent must pick the entry: an
organic solvent is no aqueous liquid unless the words say water ("waterig", "spoelwater",
"water"), and methanol is no halogenated solvent (review3 R112).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from isassist.text_analysis import stem, word_set

_ORGANIC = word_set("""
    methanol ethanol propanol isopropanol ipa butanol aceton acetone tolueen toluene xyleen
    xylene hexaan hexane heptaan heptane cyclohexaan cyclohexane ethylacetaat butylacetaat
    methylethylketon mek thf tetrahydrofuraan tetrahydrofuran dmf dimethylformamide dmso
    acetonitril acetonitrile nmp benzeen benzene styreen styrene diethylether mtbe wasbenzine
    petroleumether thinner verdunner oplosmiddel oplosmiddelen solvent solvents
    oplosmiddelhoudend oplosmiddelhoudende solventhoudend solventhoudende
    """)
_HALOGENATED = word_set("""
    dcm methyleenchloride methylenechloride chloroform perc gechloreerd gechloreerde
    gehalogeneerd gehalogeneerde chlorinated halogenated
    """)
# "dichloormethaan", "trichloorethyleen", "perchloroethylene", "chloorbenzeen": a halogen
# prefix on a solvent's name
_HALOGEN_NAME = re.compile(
    r"(chloor|chloro|chlor|broom|bromo|fluor|jood|iodo)"
    r".*(methaan|methane|ethaan|ethane|ethyleen|ethylene|etheen|ethene|benzeen|benzene"
    r"|propaan|propane|form)$"
)
_AQUEOUS = word_set("waterig waterige aqueous waterbasis watergedragen waterbased")
_WATER_BASED = (("water", "based"), ("op", "waterbasis"))
_CONTRADICTS = 0.4  # an aqueous entry for a named organic solvent; a halogenated one for methanol
_MIXED = 0.7  # "other organic" when a halogenated solvent is named too: the mixture is halogenated


class Liquid(Enum):
    """What an entry's text says its liquid is."""

    AQUEOUS = "aqueous"
    HALOGENATED = "halogenated"
    OTHER_ORGANIC = "other organic"


_ENTRY_AQUEOUS = re.compile(r"\baqueous\b", re.I)
_ENTRY_HALOGENATED = re.compile(r"(?<!non-)\bhalogenated\b.*\bsolvents?\b", re.I)
_ENTRY_OTHER = re.compile(r"\bother (organic )?solvents?\b", re.I)


def entry_liquid(text_en: str) -> Liquid | None:
    """The liquid an official English text names, for the entries the solvent words decide."""
    if _ENTRY_AQUEOUS.search(text_en):
        return Liquid.AQUEOUS
    if _ENTRY_HALOGENATED.search(text_en):
        return Liquid.HALOGENATED
    if _ENTRY_OTHER.search(text_en):
        return Liquid.OTHER_ORGANIC
    return None


@dataclass(frozen=True)
class SolventWords:
    """Which kinds of liquid the description names (denied words left out)."""

    organic: bool = False
    halogenated: bool = False
    aqueous: bool = False

    def agreement(self, liquid: Liquid | None) -> float:
        """A multiplier for an entry of kind ``liquid``: below 1 when the words contradict it."""
        if liquid is None or not (self.organic or self.halogenated):
            return 1.0
        if liquid is Liquid.AQUEOUS:
            return 1.0 if self.aqueous else _CONTRADICTS
        if liquid is Liquid.HALOGENATED:
            return 1.0 if self.halogenated else _CONTRADICTS
        return _MIXED if self.halogenated else 1.0


def read_solvents(folded_words: list[str], negated: frozenset[str]) -> SolventWords:
    """The solvent and water words of a description; "zonder DCM" names no DCM."""
    named = [w for w in folded_words if w not in negated and stem(w) not in negated]
    halogenated = any(w in _HALOGENATED or _HALOGEN_NAME.search(w) for w in named)
    organic = any(w in _ORGANIC for w in named)
    pairs = set(pairwise(named))
    aqueous = any(w in _AQUEOUS or w.endswith("water") for w in named) or any(
        p in pairs for p in _WATER_BASED
    )
    return SolventWords(organic=organic, halogenated=halogenated, aqueous=aqueous)
