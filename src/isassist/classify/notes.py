"""Tell the broker when a stream may not be waste at all, before anyone codes it as waste.

Heat, steam and warm water are energy: the List of Waste has no code for them and the product
classification (CPA 35.30) applies. A stream that is certain to be used, needs no processing
beyond normal industrial practice and is produced as an integral part of production may be a
by-product (Waste Framework Directive art. 5), which is classified with CPA, not EWC. The
words that trigger these notes are matched on folded whole words or compound parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from isassist.text_analysis import word_set

StreamNature = Literal["energy", "water", "gas", "material"]

_ENERGY = word_set("""
    warmte restwarmte afvalwarmte proceswarmte stoom heat steam condensaat condensate
    rookgaswarmte warm heet hot
    """)
_ENERGY_STRONG = word_set("warmte restwarmte afvalwarmte heat steam stoom")
# Words that make "heat" or "steam" describe a material: heat-treatment salts, potato steam
# peel, a scrapped heat exchanger, insulation from steam pipes. Without them such streams would
# lose their EWC suggestions to the "energy has no EWC code" note.
_MATERIAL_CUES = word_set("""
    treatment behandeling warmtebehandeling hardingszout hardingszouten zout zouten salt salts
    slib sludge as ash assen ashes schil schillen peel peelings isolatie insulation
    wisselaar warmtewisselaar exchanger exchangers pomp pump buis buizen pipe pipes leiding
    leidingen ketel boiler ketelsteen scale resistant bestendig
    treated behandeld behandelde verhit verhitte verhitting inactivated geinactiveerd
    geinactiveerde pasteurised pasteurized gepasteuriseerd sterilised sterilized gesteriliseerd
    ispm
    """)
_WATER = word_set("koelwater cooling spoelwater proceswater regenwater hemelwater")
_GAS = word_set("co2 koolzuurgas kooldioxide dioxide waterstof hydrogen biogas")
_BY_PRODUCT = word_set("""
    bijproduct bijproducten nevenproduct nevenproducten coproduct byproduct byproducts
    veevoeder diervoeder fodder grondstofverklaring
    """)


@dataclass(frozen=True)
class NatureReading:
    nature: StreamNature
    by_product_hint: bool


def read_nature(folded_words: list[str], parts: list[str]) -> NatureReading:
    """Decide whether the wording describes energy, water, a gas or a material."""
    vocabulary = set(folded_words) | set(parts)
    by_product = (
        bool(vocabulary & _BY_PRODUCT)
        or {"by", "product"} <= vocabulary
        or {"animal", "feed"} <= vocabulary
    )
    carrier = vocabulary & {"water", "lucht", "air", "gas", "gassen", "gases", "rookgas"}
    # Whole words only, or a compound whose head is an energy word ("restwarmte"), so that a
    # compound that merely contains one ("aardappelstoomschillen") stays a material.
    energy_heads = {w for w in folded_words if w.endswith(tuple(_ENERGY_STRONG))}
    energy = bool(set(folded_words) & _ENERGY_STRONG or energy_heads) or bool(
        set(folded_words) & _ENERGY and carrier
    )
    if energy and not vocabulary & _MATERIAL_CUES:
        return NatureReading("energy", by_product)
    if vocabulary & _GAS:
        return NatureReading("gas", by_product)
    if vocabulary & _WATER:
        return NatureReading("water", by_product)
    return NatureReading("material", by_product)


_KIND_NATURE: dict[str, StreamNature] = {
    "heat": "energy",
    "energy": "energy",
    "gas": "gas",
    "water": "water",
    "material": "material",
}
_SLUDGE = re.compile(r"\b(sludges?|slurr(y|ies)|faeces|manure)\b", re.IGNORECASE)


def with_kind(reading: NatureReading, kind: str | None) -> NatureReading:
    """The interview's stream kind overrides what the words suggest: an answer "material"
    keeps a heat-treated material a material; "gas" makes it a gas whatever its words."""
    nature = _KIND_NATURE.get(kind or "")
    return reading if nature is None else NatureReading(nature, reading.by_product_hint)


def fits_water(entry_text: str) -> bool:
    """Whether a List-of-Waste entry can describe a water stream: never a sludge, slurry or
    manure."""
    return not _SLUDGE.search(entry_text)


def notes_for(reading: NatureReading, lang: str) -> list[str]:
    nl = lang == "nl"
    notes: list[str] = []
    if reading.nature == "energy":
        notes.append(
            "Warmte en stoom zijn energie, geen afval: er is geen EWC-code; gebruik CPA 35.30 "
            "(stoom en warm water)."
            if nl
            else "Heat and steam are energy, not waste: there is no EWC code; use CPA 35.30 "
            "(steam and hot water)."
        )
    elif reading.nature == "gas":
        notes.append(
            "Een gas dat wordt opgevangen en gebruikt is meestal geen afval; CPA 20.11 "
            "(industriële gassen) beschrijft het beter dan een EWC-code."
            if nl
            else "A gas that is captured and used is usually not waste; CPA 20.11 (industrial "
            "gases) describes it better than an EWC code."
        )
    elif reading.nature == "water":
        notes.append(
            "Water dat geloosd of hergebruikt wordt valt onder de waterregels, niet onder de "
            "afvalstoffenlijst; als product: CPA 36.00."
            if nl
            else "Water that is discharged or reused falls under water rules, not the List of "
            "Waste; as a product: CPA 36.00."
        )
    if reading.by_product_hint:
        notes.append(
            "Mogelijk een bijproduct (art. 5 Kaderrichtlijn afvalstoffen): zeker gebruik, geen "
            "verdere verwerking buiten normale industriële praktijk, integraal deel van de "
            "productie en wettig gebruik. Dan geldt een CPA-code in plaats van een EWC-code."
            if nl
            else "Possibly a by-product (Waste Framework Directive art. 5): certain use, no "
            "processing beyond normal industrial practice, produced as an integral part of "
            "production and lawful use. Then a CPA code applies instead of an EWC code."
        )
    return notes
