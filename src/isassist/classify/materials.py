"""Metal words imply the class the List of Waste sorts metals by: ferrous or non-ferrous.

Nobody in a workshop says "non-ferrous filings"; they say "alu spanen" or "koperkrullen". The
official texts only say "ferrous" / "non-ferrous" (Dutch "ferro" / "non-ferro"), so a named
metal has to be turned into its class before the texts can decide between 12 01 01 and
12 01 03, or 19 12 02 and 19 12 03.
"""

from __future__ import annotations

from isassist.text_analysis import stem, word_set

_FERROUS = frozenset(stem(w) for w in word_set("staal ijzer gietijzer steel iron cast"))
_NON_FERROUS = frozenset(
    stem(w)
    for w in word_set("""
        alu aluminium aluminum koper copper messing brass zink zinc brons bronze nikkel
        nickel tin
        """)
)
FERROUS_TOKENS = ("ferrou", "ferro")  # what the official texts call ferrous
_CLASS_WEIGHT = 0.8
# Words naming a solid object or a solid mineral: with one of them (or a metal) and no word for a
# liquid, an entry for a liquid ("water-based offset plate developer solutions", "phosphoric
# acid") cannot be the stream (review R75: aluminium printing plates are scrap, not their
# developer; review3 R85: phosphogypsum is calcium sulphate, not the acid it was filtered from).
_SOLID_OBJECTS = word_set("""
    plaat platen plaatjes plate plates sheet sheets krul krullen spanen draaisel turnings
    filings shavings schroot scrap blok blokken blocks staven bars profielen profiles draad
    wire kabels cables buizen pipes onderdelen parts stukken pieces
    gips gypsum fosfogips phosphogypsum filterkoek koek cake korrels pellets granulaat
    granulate poeder powder zand sand
    """)
_LIQUID_WORDS = word_set("""
    vloeistof vloeistoffen oplossing oplossingen bad baden loog water waswater spoelwater
    emulsie emulsies slib slurry vloeibaar vloeibare ontwikkelaar ontwikkelvloeistof fixeer
    liquid liquids solution solutions bath baths liquor water sludge emulsion emulsions
    developer fixer
    """)
# Catalyst metals the List of Waste counts as transition metals (footnote to 16 08 02): a
# "NiMo" or "cobalt-molybdenum" catalyst is 16 08 02*/03 by its metals, before 16 08 07*.
_TRANSITION = frozenset(
    stem(w)
    for w in word_set("""
        nikkel nickel molybdeen molybdenum kobalt cobalt vanadium wolfraam tungsten nimo como
        """)
)
_TRANSITION_TOKENS = tuple(stem(w) for w in word_set("transition overgangsmetalen overgangsmetaal"))


def metal_class(tokens: dict[str, float]) -> tuple[dict[str, float], frozenset[str]]:
    """Tokens to add for a ferrous metal or a catalyst's transition metal, and tokens a
    non-ferrous metal denies."""
    implied = (
        dict.fromkeys(_TRANSITION_TOKENS, _CLASS_WEIGHT) if tokens.keys() & _TRANSITION else {}
    )
    if tokens.keys() & _NON_FERROUS:
        return implied, frozenset(FERROUS_TOKENS)
    if tokens.keys() & _FERROUS:
        return implied | dict.fromkeys(FERROUS_TOKENS, _CLASS_WEIGHT), frozenset()
    return implied, frozenset()


_PHRASE_BREAKS = word_set("""
    van uit met in op voor na bij die dat waarin zonder from of with after in on for at by
    which that without
    """)


def solid_named(folded_words: list[str]) -> bool:
    """Whether the stream is a solid by the first phrase that names a solid object, a solid
    mineral or a metal and no liquid ("fosfogips ... van het fosforzuur", "aluminium
    offsetplaten"; not "fosforzuur met wat gips", "offset plate developer", "spoelwater met
    zink"). The first phrase is the stream; later ones often say where it came from, and in
    English the head noun comes last ("plate developer"), so a whole phrase is read at once."""
    liquid_tails = ("vloeistof", "water", "oplossing", "zuur", "zuren", "acid", "acids", "loog")
    solid_tails = tuple(w for w in _SOLID_OBJECTS if len(w) >= 4)
    phrase: list[str] = []
    for word in [*folded_words, ""]:
        if word and word not in _PHRASE_BREAKS:
            phrase.append(word)
            continue
        if any(w in _LIQUID_WORDS or w.endswith(liquid_tails) for w in phrase):
            return False
        if any(
            w in _SOLID_OBJECTS or w.endswith(solid_tails) or stem(w) in _FERROUS | _NON_FERROUS
            for w in phrase
        ):
            return True
        phrase = []
    return False
