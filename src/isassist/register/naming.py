"""Rows as brokers type them: a stream with only a name is classified like an interview stream.

A CSV row or an ``add-want`` that says "bostel" or "warm water 60 °C" and nothing else used to
be stored without a family or code and could never match. Here such a stream gets its kind
(heat, steam, gas, water from its words), its EWC codes from the classifier (the same
``isassist.classify`` the interview uses) and the families those codes belong to; the result
is returned with a warning when the classifier is unsure, so the importer and the CLI can show
what was understood. Importers call ``classify_name_only`` before storing a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from isassist.classify import ClassifyInputError, Suggestion, classify
from isassist.facts import StreamKind, value_label
from isassist.knowledge import Knowledge, get_knowledge
from isassist.knowledge.codes import display_ewc_codes, fold
from isassist.register.fit import GENERIC, material_phrases, named_families, uses_of, words
from isassist.register.matchdata import match_data
from isassist.register.models import NewStream
from isassist.register.texts import family_label

SURE = 0.6
"""Classifier score from which a name's code is taken without a warning."""
TIE = 0.03
"""Codes within this score of the best are kept too: "vliegas" is coal or biomass fly ash."""
FLOOR = 0.35
"""Below this score nothing is taken from the classifier."""
_HEAT = ("warmte", "stoom", "koelwater", "heat", "steam", "verwarming")
_HEAT_TAILS = ("", "overschot", "levering", "vraag", "net", "afvoer", "productie", "condensaat")
"""A heat word names heat alone, at the end of a compound ("restwarmte") or before one of
these ("stoomoverschot"); "stoomschillen" are potato peels, not steam."""
_GAS = ("co2", "kooldioxide", "koolzuur", "gas", "stikstof", "waterstof", "biogas", "perslucht")
_DEGREES = re.compile(r"-?\d+(?:[.,]\d+)?\s*(?:°\s*c\b|°|graden)", re.IGNORECASE)


@dataclass(frozen=True)
class Classified:
    """What a name-only stream was read as, and whether to warn."""

    stream: NewStream
    changed: bool
    confidence: float | None
    warning: dict[str, str] | None

    def summary(self, lang: str = "nl") -> str:
        """One line to show after the row was read."""
        s = self.stream
        codes = display_ewc_codes(s.ewc) if s.ewc else "-"
        families = ", ".join(family_label(f, lang) for f in s.families) or "-"
        kind = value_label(s.kind, lang)
        text = (
            f"{s.name!r} gelezen als {kind}, EWC {codes}, familie {families}"
            if lang == "nl"
            else f"{s.name!r} read as {kind}, EWC {codes}, family {families}"
        )
        return text + (f" — {self.warning[lang]}" if self.warning else "")


def _with(stream: NewStream, **changes: object) -> NewStream:
    """A validated copy (``model_copy`` would keep cached keys of the old values)."""
    return NewStream.model_validate({**stream.model_dump(), **changes})


_ORIGIN = frozenset(
    [
        "stedelijk",
        "huishoudelijk",
        "bedrijfsafval",
        "restafval",
        "industrieel",
        "initiatief",
        "recyclage-initiatief",
        "ophalen",
    ]
)
"""Words that say where waste comes from or what is done with it, not what it is."""
_ABP_WORDS = ("slachtbijproducten", "slachtafval", "dierlijke", "dierlijk", "bloed", "kadavers")


@lru_cache(maxsize=8192)
def _classified_once(
    name: str, sector: str | None, want: bool = False
) -> tuple[tuple[str, ...], list[str], float]:
    """``_classified`` with the installed knowledge, once per name and sector: a demo or
    imported register repeats the same names thousands of times."""
    return _classified(name, sector, get_knowledge(), want)


_PAREN = re.compile(r"\([^)]*\)?")
_WITH = re.compile(r"\s(?:met|with)\s", re.IGNORECASE)
_OF = re.compile(r"\s(?:van|of)\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def _use_words() -> frozenset[str]:
    """Words by which a want names a use ("co-substraat", "veevoeder"): no material."""
    return frozenset(w for u in match_data().uses for w in words(u.term))


def _says_nothing(word: str, want: bool) -> bool:
    """A word that names no material: generic, an origin, a use (in a want), or a compound
    of such words ("organisch-biologisch")."""
    if word in GENERIC or word in _ORIGIN or len(word) < 3 or (want and word in _use_words()):
        return True
    parts = [p for p in word.split("-") if p]
    return len(parts) > 1 and all(_says_nothing(p, want) for p in parts)


def _cores(phrase: str) -> list[str]:
    """What to classify of one phrase: its words that name something (no "natte",
    "afgekeurde"), and before "van" the material alone ("zetmeelpulp" of "zetmeelpulp
    van aardappelen"), last: ``_best_of`` lets it decide the material."""

    def named(text: str) -> str:
        return " ".join(w for w in text.split() if w.casefold().strip(".,") not in GENERIC)

    kept = named(phrase)
    if not kept or kept.endswith("-"):
        return []  # "appel-" in "appel- en perenpulp" is half a word
    head = named(_OF.split(f" {phrase} ", maxsplit=1)[0])
    return [kept] if head in (kept, "") or head.endswith("-") else [kept, head]


def _suggested(core: str, sector: str | None) -> list[Suggestion]:
    try:
        result = classify(core, sector=sector, top=5)
    except ClassifyInputError:
        return []
    return [s for s in result.suggestions if len(s.code) == 6]


def _best_of(cores: list[str], sector: str | None, knowledge: Knowledge) -> list[Suggestion]:
    """The suggestions of the best-scoring core; the material before "van" decides what
    the stream is when the whole phrase reads as another material.

    The words after "van" say where the stream comes from: they may refine its code (fly ash
    "van de kolencentrale" is coal fly ash) but never change its material — "fosfogips van de
    fosforzuurfilters" is gypsum, not the phosphoric acid its origin names (review R100).
    """
    found = [_suggested(core, sector) for core in cores]
    best = max((f for f in found if f), key=lambda f: f[0].score, default=[])
    head = found[-1] if len(found) > 1 else []
    material = _one_material(cores[-1], knowledge) if head else None
    if best and head and head[0].score >= FLOOR and best is not head and material is not None:
        said = {f.family for f in knowledge.families_for_ewc(head[0].code)}
        if material in said and not said & {
            f.family for f in knowledge.families_for_ewc(best[0].code)
        }:
            return head
    return best


def _one_material(core: str, knowledge: Knowledge) -> str | None:
    """The family of a one-word material term that means one material wherever it is said
    ("fosfogips": gypsum); None for a word of many ("slib" is paper, food or sewage sludge
    by its origin, which then decides)."""
    families = {t.family for t in knowledge.terms_by_word.get(fold(core), ()) if t.family}
    return next(iter(families)) if len(families) == 1 else None


def _classified(
    name: str, sector: str | None, knowledge: Knowledge, want: bool = False
) -> tuple[tuple[str, ...], list[str], float]:
    """(codes, families, best score) over the material phrases of a name.

    Codes that tie with a phrase's best code are kept (fly ash may be coal or biomass ash),
    but families come from each phrase's best code only: a tie with "glass, plastic and wood"
    must not make flat glass a wood. In a have's name what a material carries ("met snijolie")
    and what is said in brackets ("staalschroot (snijresten)") describe it: the brackets are
    read only when the name outside them says nothing, the carried material never. A want's
    brackets list what it takes ("alternatieve brandstoffen (banden, solventen)"): all read.
    """
    if want:
        plain, inside = name, ""
    else:
        plain = _WITH.split(f" {_PAREN.sub(' ', name)} ", maxsplit=1)[0].strip()
        inside = " , ".join(_PAREN.findall(name)).replace("(", " ").replace(")", " ")
    codes: list[str] = []
    families: set[str] = set()
    best_overall = 0.0
    for text in (plain, inside):
        if not text.strip(" ,"):
            continue
        for phrase in material_phrases(text):
            if all(_says_nothing(w, want) for w in words(phrase)):
                continue  # "stedelijk afval" names where waste comes from, "co-substraat" a use
            found = _best_of(_cores(phrase), sector, knowledge)
            if not found or found[0].score < FLOOR:
                continue
            best = found[0].score
            best_overall = max(best_overall, best)
            top = {f.family for f in knowledge.families_for_ewc(found[0].code)}
            codes += [
                s.code
                for s in found[:3]
                if s.score >= best - TIE
                and {f.family for f in knowledge.families_for_ewc(s.code)} == top
            ]
            families.update(top)
        if codes:
            break
    if any(w in _ABP_WORDS or w.startswith("slacht") for w in words(name)):
        families.add("animal_byproduct")
    return tuple(sorted(set(codes))), sorted(families), best_overall


def _is_narrow(family: str) -> bool:
    row = match_data().families.get(family)
    return row is not None and row.breadth == "narrow"


def guess_kind(name: str) -> StreamKind:
    """Heat, gas or water from the words of a name; material otherwise."""
    said = words(name)
    heat_word = any(
        w.endswith(h) or any(w == h + tail for tail in _HEAT_TAILS) for w in said for h in _HEAT
    )
    if heat_word or _DEGREES.search(name):
        return "heat"
    if "warm" in said and "water" in said:
        return "heat"
    if any(w in _GAS for w in said):
        return "gas"
    if "water" in said or "proceswater" in said:
        return "water"
    return "material"


def classify_name_only(
    stream: NewStream, nace: str | None = None, knowledge: Knowledge | None = None
) -> Classified:
    """Fill kind, EWC codes and families of a stream that carries only a name.

    A stream with families or codes is returned unchanged: what the broker typed wins. The
    producer's sector steers the classifier for a have only; a want's company receives the
    material, so its sector says nothing about where the material comes from.
    """
    if stream.families or stream.ewc or stream.cpa:
        return Classified(stream, False, None, None)
    knowledge = knowledge or get_knowledge()
    kind = stream.kind if stream.kind != "material" else guess_kind(stream.name)
    if kind == "gas":
        named_co2 = any(w in ("co2", "kooldioxide", "koolzuur") for w in words(stream.name))
        gas = ("co2",) if named_co2 else ()
        return Classified(_with(stream, kind=kind, families=gas), True, None, None)
    if kind != "material":
        degrees = _DEGREES.search(stream.name)
        temperature = stream.temperature_c
        if temperature is None and degrees is not None and kind == "heat":
            temperature = float(re.sub(r"[^\d,.-]", "", degrees.group(0)).replace(",", "."))
        return Classified(_with(stream, kind=kind, temperature_c=temperature), True, None, None)
    sector = nace if stream.side == "have" else None
    if knowledge is get_knowledge():
        codes, families, best = _classified_once(stream.name, sector, stream.side == "want")
    else:
        codes, families, best = _classified(stream.name, sector, knowledge, stream.side == "want")
    warning = None
    if not codes and stream.side == "want" and uses_of(stream.name):
        pass  # "bijproducten voor veevoeder" asks for a use: any material on that route fits
    elif not codes:
        warning = {
            "nl": "niet herkend: geef een familie (--family) of EWC-code, anders vindt "
            "matching niets",
            "en": "not recognised: give a family (--family) or an EWC code, or matching finds "
            "nothing",
        }
    elif best < SURE or len(codes) > 1:
        warning = {
            "nl": f"onzeker (score {best:.2f}{', meerdere codes' if len(codes) > 1 else ''}): "
            "controleer de code",
            "en": f"unsure (score {best:.2f}{', several codes' if len(codes) > 1 else ''}): "
            "check the code",
        }
    named = named_families(stream.name)
    other = {f for f in set(families) - set(named) if _is_narrow(f)}
    if named and stream.side == "want" and (other or not families):
        # what a want's words name beats a code that also files it under another material
        # (a narrow family the words do not name; a broad one such as packaging may stay):
        # a sewage works asking for "ijzerchloride" wants an iron salt, not the acid the
        # pickling-acid code also stands for (R71); an "ijzerhoudend middel" is no scrap iron
        codes, families, warning = (), list(named), None
    updated = _with(stream, ewc=codes, families=tuple(families))
    return Classified(updated, True, best or None, warning)
