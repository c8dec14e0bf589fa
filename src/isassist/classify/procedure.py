"""The List-of-Waste procedure, as ordering rules over candidate entries.

The Commission's introduction to the list says how to pick a code: first the chapter of the
activity that produced the waste (01-12, 17-20), then chapters 13-15 (oils, solvents,
packaging), then chapter 16, and a "99" code only when nothing else fits. Packaging belongs in
15 01 whatever the sector, and office and canteen waste of any company in chapter 20. These
rules are applied as multipliers on a candidate's match score, so strong word evidence can still
win, and each applied rule is reported in the candidate's "why".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from isassist.text_analysis import stem, word_set

SOURCE_CHAPTERS = frozenset(f"{n:02d}" for n in (*range(1, 13), 17, 18, 19, 20))

HazardHint = Literal["yes", "no", "unknown"]

# Words (folded, before stemming) that mark a stream as packaging or as office/canteen waste.
_PACKAGING = word_set("""
    verpakking verpakkingen verpakkingsafval emballage packaging packagings krimpfolie
    stretchfolie wikkelfolie rekfolie stretch wrapping shrink
    """)
# Containers are packaging waste only when they themselves are thrown away ("lege vaten");
# named as the unit or the carrier of another material ("3 big bags zaagsel", "in vaten",
# "volle paletten") they say nothing about the material.
_CONTAINERS = word_set("""
    pallet pallets palet paletten ibc ibcs drum drums vat vaten jerrycan jerrycans bigbag
    bigbags flessen bottles blikken cans bokalen dozen boxes kratten crates zakken sacks bags
    containers container
    """)
# A tank or silo the stream is kept in names where it is, never what it is ("in een tank van
# 200 m3 opgevangen"); unlike a drum it is not packaging when it is thrown away.
_VESSELS = word_set("tank tanks silo silos opslagtank buffertank bassin vijver pond")
_CARRIER_MARKERS = word_set("""
    in per op met vol volle gevuld gevulde full filled into by een twee drie vier vijf zes
    tien paar enkele aantal one two three four five six ten few several
    """)
# "IBC's met snijolie", "big bags vol zand", "drums containing oil": the contents follow.
_CONTENT_MARKERS = word_set("met vol volle gevuld gevulde with containing full filled of")
_EMPTY = word_set("leeg lege geledigd geledigde empty emptied")  # the container is the waste
_CONTAINER_REACH = 2  # "3 big bags": the number sits two words before the container
_OFFICE = word_set("""
    kantoor kantoren kantoorafval bureel burelen kantine kantineafval refter bedrijfskantine
    bedrijfsrestaurant personeelsrestaurant keuken keukenafval office offices canteen kitchen
    cafeteria staff restaurant huishoudelijk huishoudelijke huisvuil bedrijfsafval
    recyclagepark containerpark household households municipal
    """)
_CONTAMINATED = word_set("""
    verontreinigd verontreinigde vervuild vervuilde besmet gevaarlijk gevaarlijke giftig
    contaminated polluted hazardous toxic dangerous
    oplosmiddelhoudend oplosmiddelhoudende solventhoudend solventhoudende solventbased
    """)  # solvent-bearing ink or paint: the hazardous side of its mirror pair first (R76)
_CLEAN = word_set("""
    ongevaarlijk onbehandeld onbehandelde untreated schoon clean gedepollueerd gedepollueerde
    depolluted gereinigd gereinigde cleaned ontmanteld ontmantelde
    """)
_NEGATORS = word_set("niet geen zonder not no without non un")
# Wording for a batch that failed its specification or its date. The List of Waste puts it in
# the producer's own chapter first; 16 03 is for a trader's stock or when that chapter has no
# fitting entry. "niet conform" is an off-spec phrase, not a denial of "conform".
_OFF_SPEC = word_set("""
    offspec afgekeurd afgekeurde vervallen verlopen mislukt mislukte uitval productieuitval
    expired rejected spec
    """)
_OFF_SPEC_AFTER_NOT = word_set("conform conforme compliant")
_OFF_SPEC_PHRASES = (("over", "datum"), ("out", "of", "date"), ("past", "date"))
_OFF_SPEC_PRODUCER = 0.5  # 16 03 behind the producer's own chapter
_OFF_SPEC_TRADER = 1.4  # a trader's off-spec stock: 16 03 is the place
_FREE = word_set("vrij vrije free")  # "vrij van olie", "PCB-free", "olievrij"
_FREE_LINKS = word_set("van of from")
_NOT_DENIALS = word_set("roestvrij roestvrije")
# Dutch "vrij" before a degree word means "rather" ("vrij veel olie", "vrij nat"), not "free of"
_RATHER_NEXT = word_set("""
    veel weinig groot grote klein kleine vaak zelden goed slecht sterk hoog hoge laag lage
    nat natte droog droge fijn fijne grof grove zwaar zware licht lichte zuiver schoon vuil
    vervuild vuile dik dikke dun dunne constant stabiel wisselend onregelmatig regelmatig
    """)  # stainless: a kind of steel, not "no rust"
_NEGATION_REACH = 2
# "gips uit de neutralisatie van zwavelzuur": the acid is used up; the stream is what it became,
# so the reagent's words must not pull in the reagent's own entry (06 01 01* sulphuric acid).
_NEUTRALISING = word_set("""
    neutralisatie neutralisering neutraliseren neutralisation neutralization neutralising
    neutralizing ontzuring
    """)
_CONSUMED_REACH = 2
# "vliegas uit de ketel die schors en houtafval stookt": the fuel a boiler burns says where an
# ash comes from, not what it is (the bark is 03 03 01, its ash 10 01 03), so a Dutch relative
# clause ending in a firing verb is read like a used-up reagent.
_FIRING = word_set("stookt stoken stookte verstookt verstoken verbrandt verbranden")
# "glycerine uit de biodieselproductie", "crude glycerol from biodiesel production": the product
# a process makes says where the stream comes from, not what it is (glycerine is no diesel).
_PRODUCING = ("productie", "production", "fabricage", "manufacture", "manufacturing")
_ORIGIN_LINKS = word_set("uit van bij from of in")
_RELATIVE = word_set("die dat waarin waar")
# "stalen draaikrullen met snijolie", "tapijtranden met latexrug", "turnings with cutting oil":
# the words before "met"/"with" name the stream, the words after it what clings to it. They
# still count (an oily sludge is oily), but less, so the contaminant's own entry (12 01 07*
# machining oil) does not outrank the stream's (12 01 01 turnings) ...
_QUALIFIER_MARKERS = word_set("met with containing bevattend incl inclusief including")
# ... unless what comes before is a carrier the contaminant defines (water, sludge, soil, rags:
# "waswater met olie" is oily water), a participle that names the contamination
# ("impregnated with creosote") or the contents are said to be all there is ("met enkel").
_MATRIX_HEADS = word_set("""
    water waswater afvalwater spoelwater proceswater slib slibs sludge sludges drab loog
    moederloog emulsie emulsies grond aarde soil soils earth doeken poetsdoeken rags wipes
    absorbents absorbentia filters mengsel mixture residu residue inhoud contents digestaat
    """)
_MARKED_PARTICIPLES = word_set("""
    impregnated treated contaminated polluted soaked mixed geimpregneerd geimpregneerde
    behandeld behandelde verontreinigd verontreinigde vervuild vervuilde doordrenkt
    doordrenkte gemengd gemengde vermengd vermengde
    """)
_ONLY = word_set("enkel alleen uitsluitend only solely pure puur zuiver")
_MIN_HEAD = 3
# Denying chlorine or fluorine denies a halogen: "no chlorine" meets "free of halogens".
_HALOGENS = ("chlor", "fluor", "broom", "brom", "halog")
_HALOGEN_STEMS = frozenset(stem(w) for w in word_set("halogen halogens halogeen halogenen"))
_LAST_RESORT = 0.6  # multiplier for "99" codes: only when nothing else fits
_OTHER_SOURCE = 0.7  # a source chapter that is not the producer's
_AFTER_SOURCE = frozenset({"13", "14"})
_AFTER_SOURCE_FACTOR = 0.85
_MUNICIPAL_ONLY = 0.5  # chapter 20 for a producer whose own chapter is elsewhere
_WASTE_PLANT_ONLY = 0.55  # chapter 19 for a producer that is no waste or water plant
# 19 08 (waste-water plants) and 19 09 (water for human consumption or industrial use) can arise
# at any plant that treats its own water; the other sub-chapters only at a waste-treatment
# facility (incineration, physico-chemical treatment, stabilisation, composting, landfill,
# shredding, sorting, remediation), so for any other producer they rank lower still (review3
# R90: a plater's own effluent sludge is 11 01 09*/10, not 19 02 05*/06).
_WATER_SUB_CHAPTERS = ("1908", "1909")
_TREATMENT_PLANT_ONLY = 0.35


# NACE divisions of water supply (36), sewerage (37), waste collection and treatment (38) and
# remediation (39): the producers chapter 19 is written for.
_WASTE_AND_WATER_NACE = ("36", "37", "38", "39")


def waste_or_water_plant(sector: str) -> bool:
    """Whether the producer's NACE code is a water, sewage, waste or remediation activity."""
    return sector.startswith(_WASTE_AND_WATER_NACE)


@dataclass(frozen=True)
class Cues:
    """What the wording itself says about the procedure and the hazard."""

    packaging: bool = False
    office: bool = False
    hazard: HazardHint = "unknown"
    negated: frozenset[str] = field(default_factory=frozenset)
    carriers: frozenset[str] = field(default_factory=frozenset)
    off_spec: bool = False
    consumed: frozenset[str] = field(default_factory=frozenset)
    qualifiers: frozenset[str] = field(default_factory=frozenset)


def read_cues(folded_words: list[str]) -> Cues:
    """Find procedure cues and negated words ("zonder teer", "not contaminated")."""
    negated = _negated_words(folded_words)
    hazard: HazardHint = "unknown"
    if negated:
        # "zonder asbest", "PCB-free" deny a hazard; "niet gedepollueerd" denies the cleaning.
        hazard = "yes" if any(stem(w) in negated for w in _CLEAN) else "no"
    if hazard == "unknown" and any(
        w in _CONTAMINATED and stem(w) not in negated for w in folded_words
    ):
        hazard = "yes"
    if hazard == "unknown" and any(w in _CLEAN for w in folded_words):
        hazard = "no"
    discarded, carriers = _containers(folded_words)
    return Cues(
        packaging=discarded or any(w in _PACKAGING for w in folded_words),
        office=any(w in _OFFICE for w in folded_words),
        hazard=hazard,
        negated=frozenset(negated),
        carriers=carriers,
        off_spec=_off_spec(folded_words),
        consumed=_consumed(folded_words),
        qualifiers=_qualifiers(folded_words, carriers),
    )


def _qualifiers(folded_words: list[str], carriers: frozenset[str]) -> frozenset[str]:
    """Words after the first "met"/"with" that follows the stream's own name: what the stream
    carries, not what it is. After a container ("IBC's met snijolie") the contents are the
    stream, so nothing is a qualifier; a head word must come first ("met olie vervuild")."""
    for i, word in enumerate(folded_words):
        if word not in _QUALIFIER_MARKERS:
            continue
        before = [w for w in folded_words[:i] if not w.isdigit()]
        after = folded_words[i + 1 : i + 2]
        if (
            not before
            or before[-1] in carriers
            or before[-1] in _CONTAINERS
            or any(w in _MATRIX_HEADS or w in _MARKED_PARTICIPLES for w in before)
            or (after and after[0] in _ONLY)
        ):
            return frozenset()
        return frozenset(w for w in folded_words[i + 1 :] if w not in _QUALIFIER_MARKERS)
    return frozenset()


def _consumed(folded_words: list[str]) -> frozenset[str]:
    """Reagents a process used up: the words after "neutralisatie van" / "neutralisation of"
    up to "met"/"with" name what went in, not what the stream is; so does the fuel in a
    clause "die ... stookt" (see _FIRING)."""
    consumed: set[str] = set()
    for i, word in enumerate(folded_words):
        if word.endswith(_PRODUCING) and i > 0:
            if word not in _PRODUCING:  # a compound: "biodieselproductie"
                consumed.add(word)
                continue
            back = i - 1
            while back >= 0 and folded_words[back] not in _ORIGIN_LINKS and i - back <= 2:
                back -= 1
            if back >= 0 and folded_words[back] in _ORIGIN_LINKS:
                consumed.update(folded_words[back + 1 : i])
            continue
        if word in _FIRING:
            starts = [j for j in range(i) if folded_words[j] in _RELATIVE]
            if starts:
                consumed.update(folded_words[starts[-1] + 1 : i])
            continue
        if word not in _NEUTRALISING or folded_words[i + 1 : i + 2] not in (["van"], ["of"]):
            continue
        for following in folded_words[i + 2 : i + 2 + _CONSUMED_REACH]:
            if following in _CONTENT_MARKERS or following in ("met", "with", "by", "door"):
                break
            consumed.add(following)
    return frozenset(consumed)


def _off_spec(folded_words: list[str]) -> bool:
    if any(w in _OFF_SPEC for w in folded_words):
        return True
    for i, word in enumerate(folded_words):
        following = folded_words[i + 1 : i + 2]
        if word in _NEGATORS and following and following[0] in _OFF_SPEC_AFTER_NOT:
            return True
        if any(tuple(folded_words[i : i + len(p)]) == p for p in _OFF_SPEC_PHRASES):
            return True
    return False


def _negated_words(folded_words: list[str]) -> set[str]:
    """Stems a negation denies, plus whole "olievrij"-style words so they are not read as
    their parts: "zonder teer", "not contaminated", "vrij van asbest", "PCB-free",
    "halogeenvrije"."""
    negated: set[str] = set()
    for i, word in enumerate(folded_words):
        if word in _NEGATORS:
            if folded_words[i + 1 : i + 2] and folded_words[i + 1] in _OFF_SPEC_AFTER_NOT:
                continue
            negated.update(stem(t) for t in folded_words[i + 1 : i + 1 + _NEGATION_REACH])
        elif word in _FREE:
            following = folded_words[i + 1 : i + 2]
            if following and following[0] in _RATHER_NEXT:
                continue
            if following and following[0] in _FREE_LINKS:
                negated.update(stem(t) for t in folded_words[i + 2 : i + 3])
            elif i > 0:
                negated.add(stem(folded_words[i - 1]))
        else:
            head = _free_compound_head(word)
            if head:
                negated.update((stem(head), word))
    if any(h in w for w in negated for h in _HALOGENS):
        negated |= _HALOGEN_STEMS
    return negated


def free_of(folded_words: list[str]) -> frozenset[str]:
    """Stems an official text says are absent by a "free" word only ("free of chromium",
    "chroomvrij", "halogen-free"): unlike "non"/"niet", whose reach is two words and so loose,
    these name exactly one material, so a description naming that material contradicts the
    entry (review3 R88: "slib met chroom" is not "chroomvrij slib")."""
    absent: set[str] = set()
    for i, word in enumerate(folded_words):
        if word in _FREE:
            following = folded_words[i + 1 : i + 2]
            if following and following[0] in _FREE_LINKS:
                absent.update(stem(t) for t in folded_words[i + 2 : i + 3])
            elif i > 0 and not (following and following[0] in _RATHER_NEXT):
                absent.add(stem(folded_words[i - 1]))
        else:
            head = _free_compound_head(word)
            if head:
                absent.add(stem(head))
    return frozenset(absent)


def _free_compound_head(word: str) -> str:
    """The material an "olievrij"/"halogeenvrije"/"leadfree" word denies, or ""."""
    if word in _NOT_DENIALS:
        return ""
    for suffix in ("vrije", "vrij", "free"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_HEAD:
            return word[: -len(suffix)]
    return ""


def _containers(folded_words: list[str]) -> tuple[bool, frozenset[str]]:
    """Whether a container word names the waste itself, and the container words that only
    name the unit or carrier of another material (those should not steer the match)."""
    discarded = False
    carriers: set[str] = set()
    for i, word in enumerate(folded_words):
        if word in _VESSELS:
            before = folded_words[max(0, i - _CONTAINER_REACH) : i]
            if any(w in _CARRIER_MARKERS or w.isdigit() for w in before):
                carriers.add(word)
            continue
        if word not in _CONTAINERS:
            continue
        before = folded_words[max(0, i - _CONTAINER_REACH) : i]
        after = folded_words[i + 1 : i + 1 + _CONTAINER_REACH]
        if any(w in _EMPTY for w in before):
            discarded = True
        elif any(w in _CARRIER_MARKERS or w.isdigit() for w in before) or any(
            w in _CONTENT_MARKERS for w in after
        ):
            carriers.add(word)
        else:
            discarded = True
    return discarded, frozenset(carriers)


@dataclass(frozen=True)
class Ordering:
    """A multiplier and the rules that produced it, for one candidate."""

    factor: float
    reasons: tuple[str, ...]


def order(
    code: str,
    hazardous: bool,
    sector_prefixes: tuple[tuple[str, float], ...],
    cues: Cues,
    hazard: HazardHint,
    lang: str,
) -> Ordering:
    """Weigh one candidate by the List-of-Waste procedure.

    ``sector_prefixes`` pairs the EWC prefixes of the producer's sector with their boost (the
    most specific NACE level boosts most); it is empty when no sector is known.
    """
    nl = lang == "nl"
    factor = 1.0
    reasons: list[str] = []
    chapter, sub = code[:2], code[:4]
    if sector_prefixes:
        boost = max((f for p, f in sector_prefixes if code.startswith(p)), default=0.0)
        if boost:
            factor *= boost
            reasons.append(
                "sector: hoofdstuk van de activiteit" if nl else "sector: the activity's chapter"
            )
        elif chapter == "20" and not cues.office:
            # Chapter 20 is municipal and similar commercial waste; a plant's bare "plastic"
            # or "staalschroot" is its own process waste first.
            factor *= _MUNICIPAL_ONLY
        elif chapter == "19":
            # Chapter 19 is for waste-management facilities, off-site waste-water treatment
            # and water preparation; a producer's own effluent sludge is its own chapter's
            # (04 02 20, 07 01 12 ...), List of Waste introduction point 3.1 (review R64).
            factor *= _WASTE_PLANT_ONLY if sub in _WATER_SUB_CHAPTERS else _TREATMENT_PLANT_ONLY
        elif chapter in SOURCE_CHAPTERS and chapter != "20":
            factor *= _OTHER_SOURCE
        elif chapter in _AFTER_SOURCE:
            # Oils and solvents (13, 14) come after the producer's own chapter.
            factor *= _AFTER_SOURCE_FACTOR
        elif sub == "1501" and not cues.packaging:
            # Packaging is the waste only when the wording says so; a bare "plastic" from a
            # plant is the plant's own plastic first.
            factor *= _OTHER_SOURCE
    if chapter == "16":
        factor *= 0.9
    if sub == "1603" and cues.off_spec:
        # A producer's failed batch is its own chapter's waste; a trader (no process chapter
        # in the sector map) has only 16 03 for stock it cannot sell.
        factor *= _OFF_SPEC_PRODUCER if sector_prefixes else _OFF_SPEC_TRADER
        if not sector_prefixes:
            reasons.append(
                "afgekeurde partij van een handelaar: 16 03"
                if nl
                else "a trader's off-spec batch: 16 03"
            )
    if code.endswith("99"):
        factor *= _LAST_RESORT
        reasons.append(
            "99-code: alleen als niets anders past"
            if nl
            else "99 code: only when nothing else fits"
        )
    if cues.packaging:
        if sub == "1501":
            factor *= 1.6
            reasons.append(
                "verpakking gaat naar 15 01, ongeacht de sector"
                if nl
                else "packaging goes to 15 01 whatever the sector"
            )
        elif chapter in SOURCE_CHAPTERS:
            factor *= 0.75
    if cues.office:
        if chapter == "20":
            factor *= 1.6
            reasons.append(
                "kantoor- en kantineafval gaat naar hoofdstuk 20"
                if nl
                else "office and canteen waste goes to chapter 20"
            )
        elif chapter in SOURCE_CHAPTERS and sub != "1501":
            factor *= 0.8
    if hazard == "yes":
        factor *= 1.2 if hazardous else 0.85
    elif hazard == "no":
        factor *= 1.15 if not hazardous else 0.8
    return Ordering(factor, tuple(reasons))
