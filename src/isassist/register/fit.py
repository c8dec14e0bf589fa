"""Why a have could serve a want: the material first, then the use, then the route.

A broker follows up a pair only for a reason: the same material (a shared EWC entry, or a
shared family narrow enough to be one material such as FGD gypsum or sawdust), a use the want
names ("veevoeder", "vergisting") that a valorisation route of the rule base runs for the
supplier's material and the receiver's sector, or a route of the rule base whose receiving
sectors include the receiver. A broad family alone (packaging, food waste, ash) is only a weak
hint. What the want specifies (EN 450, dry, untreated wood, a polymer) is read from
knowledge/want_specs.csv; a supply that cannot meet it is no candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from isassist.knowledge import get_knowledge
from isassist.knowledge.codes import fold
from isassist.register.matchdata import MatchData, NameFamilyRow, SpecRow, match_data
from isassist.register.models import NewStream
from isassist.register.routes import Route, RouteCatalogue, default_catalogue

Level = Literal["same", "use", "route", "family"]
POINTS: dict[Level, float] = {"same": 50.0, "use": 42.0, "route": 35.0, "family": 10.0}
"""Score points of the material part per kind of reason; a weak hint stays below any reason."""
SAME_TERM_POINTS = 48.0
"""A material word both names share ("bostel", "walshuid"): the broker's own word for it."""
SAME_FAMILY_POINTS = 45.0
"""A shared narrow family (sawdust, gypsum) is the same material, ranked below a shared code."""
SPEC_POINTS = 8.0
"""A supply that says it is what the want specifies ("natte" pulp for wet feed, "droog"
bread for a dry-feed mill) is a better fit than one that only does not contradict it."""
_MIN_COMPOUND = 4
"""Terms this long also match inside Dutch compounds ("zuur" in "zwavelzuur")."""
GENERIC = frozenset(
    [
        "afval",
        "resten",
        "restanten",
        "reststoffen",
        "bijproducten",
        "co-producten",
        "producten",
        "materiaal",
        "grondstof",
        "grondstoffen",
        "gebroken",
        "nat",
        "natte",
        "vloeibaar",
        "vloeibare",
        "vast",
        "vaste",
        "secundair",
        "secundaire",
        "droog",
        "droge",
        "oud",
        "oude",
        "gebruikt",
        "gebruikte",
        "afgewerkt",
        "afgewerkte",
        "afgekeurd",
        "afgekeurde",
        "onverkochte",
        "zuiver",
        "zuivere",
        "schoon",
        "schone",
        "gemengd",
        "gemengde",
        "voor",
        "van",
        "als",
        "uit",
        "met",
        "een",
        "het",
        "de",
        "en",
        "of",
        "categorie",
        "kwaliteit",
        "overschot",
        "productieafval",
        "recyclage",
        "waste",
        "residues",
        "residue",
        "used",
        "spent",
        "mixed",
        "clean",
        "onbehandeld",
        "onbehandelde",
        "behandeld",
        "behandelde",
        "organisch",
        "organische",
        "granulaat",
        "granulaten",
        "gerecycleerd",
        "gerecycleerde",
        "afgedankt",
        "afgedankte",
        "overtollig",
        "overtollige",
        "biologisch",
        "biologische",
        "afbreekbaar",
        "afbreekbare",
        "bijproduct",
        "restproducten",
        "reststromen",
        "nevenstromen",
        "stromen",
        "organic",
        "biodegradable",
        "by-products",
        "products",
    ]
)
"""Words that name no material, so sharing them says nothing."""
_WORD = re.compile(r"[\w.]+(?:-[\w.]+)*")
_MIN_PREFIX = 5


@dataclass(frozen=True)
class Fit:
    """The material reason of one pair."""

    level: Level
    shared: tuple[str, ...]
    route: Route | None

    @property
    def points(self) -> float:
        if self.level == "same" and not any(c.isdigit() for c in self.shared):
            if any(c.startswith("term:") for c in self.shared):
                return SAME_TERM_POINTS
            return SAME_FAMILY_POINTS
        return POINTS[self.level]


_PURPOSE = re.compile(r"\s(?:voor|als|for|as|om)\s", re.IGNORECASE)
_PARTS = re.compile(r"\s(?:of|en|or|and)\s|[,;/()]", re.IGNORECASE)
_CATEGORY = re.compile(r"\b(?:categorie|category|cat\.?)\s*\d\b", re.IGNORECASE)


def material_phrases(name: str) -> list[str]:
    """The material a name names: the words before "voor"/"als", split at "of"/"en"/commas.

    "bostel of perspulp voor rundvee" names bostel and perspulp; the use after "voor" is read
    by ``isassist.register.fit.uses_of``.
    """
    head = _PURPOSE.split(f" {name} ", maxsplit=1)[0]
    head = _CATEGORY.sub(" ", re.split(r"\d", head, maxsplit=1)[0])
    parts = [p.strip(" .-") for p in _PARTS.split(head)]
    return [p for p in parts if len(p) >= 3] or [name]


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Lower-case words, hyphenated ones both whole and split ("co-substraat", "pe-folie")."""
    found: list[str] = []
    for word in _WORD.findall(text.casefold()):
        found.append(word)
        if "-" in word:
            found.extend(part for part in word.split("-") if part)
    return tuple(found)


@lru_cache(maxsize=8192)
def named_families(name: str) -> tuple[str, ...]:
    """Families the words of a name give besides its codes (knowledge/name_families.csv):
    "PP-garenafval" is textile by its code and plastic by the polymer it names, "ijzerslib" a
    mineral sludge and an iron salt a sewage works doses, "bleekaarde" a spent adsorbent
    whatever food code it is filed under, "fosfogips" gypsum.

    A word takes the family of the longest term it is or holds (a head-only term only at its
    end): "vetzuren" are fats by their own term, not acids because they end in "zuren"."""
    said = words(name)
    folded = f" {' '.join(said)} "
    found: list[str] = []
    for row in match_data().name_families:
        phrase = words(row.term)
        if len(phrase) > 1 and f" {' '.join(phrase)} " in folded:
            found.append(row.family)
    for word in said:
        best = _longest_term(word)
        if best is not None:
            found.append(best.family)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=65536)
def _longest_term(word: str) -> NameFamilyRow | None:
    """The longest one-word term of name_families.csv that ``word`` is, or holds at its end
    (or, unless the term is head-only, at its start). A word the term lists know as another
    material is not read by a part of it: "walshuid" is mill scale, not a hide."""
    best: NameFamilyRow | None = None
    own = {t.family for t in get_knowledge().terms_by_word.get(fold(word), ()) if t.family}
    for row in match_data().name_families:
        term = row.term
        if len(words(term)) > 1 or (best is not None and len(term) <= len(best.term)):
            continue
        inside = (
            len(term) >= _MIN_COMPOUND
            and (word.endswith(term) or (not row.head_only and word.startswith(term)))
            and (not own or row.family in own)
        )
        if word == term or inside:
            best = row
    return best


@lru_cache(maxsize=65536)
def _names(text: str, terms: tuple[str, ...], compounds: bool = False) -> bool:
    """Whether ``text`` names one of ``terms`` (a term of several words as a phrase); with
    ``compounds`` a one-word term also counts at the start or end of a longer word."""
    said = words(text)
    folded = f" {' '.join(said)} "
    for term in terms:
        if f" {' '.join(words(term))} " in folded:
            return True
        compound = compounds and len(term) >= _MIN_COMPOUND and " " not in term
        if compound and any(w.startswith(term) or w.endswith(term) for w in said):
            return True
    return False


STEM = 5
"""Material words are looked up by their first five letters (an index key, as short as the
shortest material word so "fruit" meets "fruitresten"); whether two words
name the same material is then decided by ``same_word``."""
_TAILS = GENERIC | {"snippers", "schroot", "krullen", "stukken", "scherven", "plaat", "platen"}


def _material_words(stream: NewStream) -> tuple[str, ...]:
    return _material_words_of(stream.name, stream.side == "want")


@lru_cache(maxsize=65536)
def _material_words_of(name: str, want: bool) -> tuple[str, ...]:
    text = " ".join(material_phrases(name)) if want else name
    found = [
        w
        for w in words(text)
        if len(w) > _MIN_COMPOUND
        and w not in GENERIC
        and not ("-" in w and all(p in GENERIC for p in w.split("-") if p))
    ]
    return tuple(dict.fromkeys(found))


def same_word(a: str, b: str) -> bool:
    """Whether two words name one material: equal, or a compound of the other and a word that
    names no material ("katoen" and "katoenresten"); "papierslib" is sludge, not paper, since
    a Dutch compound is what its last part is."""
    short, long = sorted((a, b), key=len)
    if short == long:
        return True
    if not long.startswith(short):
        return False
    tail = long[len(short) :]
    return tail in _TAILS or tail in _PLURAL or (tail[:1] in _PLURAL and tail[1:] in _TAILS)


_PLURAL = frozenset(["n", "en", "s"])
"""Dutch plural endings: "groente" and "groenten" are one material."""


def stems(stream: NewStream) -> tuple[str, ...]:
    """Index keys of the material words of a stream's name (a want's: before "voor")."""
    return tuple(dict.fromkeys(w[:STEM] for w in _material_words(stream)))


def shared_terms(supply: NewStream, want: NewStream) -> tuple[str, ...]:
    """Material words the want names that the supply names too ("katoen", "frituurolie")."""
    have = _material_words(supply)
    return tuple(f"term:{w}" for w in _material_words(want) if any(same_word(w, h) for h in have))


@lru_cache(maxsize=4096)
def uses_of(name: str) -> frozenset[str]:
    """The rule-base routes a want's name asks for ("voor veevoeder" -> animal_feed).

    A word counts when it is a use term or starts with one (Dutch compounds such as
    "veevoederfabriek"), never when it only ends with one ("meststofpellets" is no pellet).
    """
    data = match_data()
    found = set()
    for word in words(name):
        for use in data.uses:
            if word == use.term or (len(use.term) >= _MIN_PREFIX and word.startswith(use.term)):
                found.add(use.route)
    return frozenset(found)


def specs_of(want: NewStream, data: MatchData | None = None) -> tuple[SpecRow, ...]:
    """The specifications a want's name states."""
    if data is None:
        return _specs_named(want.name)
    return tuple(spec for spec in data.specs if _names(want.name, spec.want_terms))


@lru_cache(maxsize=65536)
def _specs_named(name: str) -> tuple[SpecRow, ...]:
    return tuple(spec for spec in match_data().specs if _names(name, spec.want_terms))


def spec_met(supply: NewStream, want: NewStream, data: MatchData | None = None) -> SpecRow | None:
    """The first specification of ``want`` that ``supply`` says it meets, or None."""
    for spec in specs_of(want, data):
        said = spec.met_have_terms or spec.want_terms
        if _names(supply.name, said, compounds=bool(spec.met_have_terms)):
            return spec
    return None


def spec_gap(supply: NewStream, want: NewStream, data: MatchData | None = None) -> SpecRow | None:
    """The first specification of ``want`` that ``supply`` cannot meet, or None."""
    specs = specs_of(want, data)
    if not specs:
        return None
    data = data or match_data()
    for spec in specs:
        if spec.allowed_ewc and not (supply.ewc and set(supply.ewc) <= set(spec.allowed_ewc)):
            return spec
        if (
            spec.required_have_terms
            and not _names(supply.name, spec.required_have_terms, compounds=True)
            and not set(supply.families) & set(spec.families_meet)
        ):
            return spec
        said = spec.met_have_terms or spec.want_terms
        if _names(supply.name, said, compounds=bool(spec.met_have_terms)):
            continue  # the supply itself says it meets it ("droog", "onbehandeld", "zemelen")
        if (
            spec.required_families
            and supply.families
            and not set(supply.families) & set(spec.required_families)
        ):
            return spec  # a stream of unknown family is judged by its words, not refused
        if spec.excluded_have_terms and _names(
            supply.name, spec.excluded_have_terms, compounds=True
        ):
            return spec
        states = {data.families[f].state for f in supply.families if f in data.families}
        if spec.excluded_states and states & set(spec.excluded_states):
            return spec
        if spec.excluded_ewc_words and any(
            _code_says(code, spec.excluded_ewc_words) for code in supply.ewc
        ):
            return spec
    return None


@lru_cache(maxsize=65536)
def _code_says(code: str, said: tuple[str, ...]) -> bool:
    """Whether the official English text of an EWC entry says one of ``said``
    ("tanning liquor containing chromium")."""
    item = get_knowledge().ewc.get(code)
    return item is not None and any(s in item.text_en.casefold() for s in said)


def _narrow(family: str, data: MatchData) -> bool:
    row = data.families.get(family)
    return row is not None and row.breadth == "narrow"


def route_uses(stream: NewStream, catalogue: RouteCatalogue | None = None) -> set[str]:
    """The route names the rule base has for a supplier's stream (its families and codes, as
    far as the rule's conditions on name, codes and hazard allow)."""
    return {r.route for r in _routes_of(stream, catalogue or default_catalogue())}


def _routes_of(stream: NewStream, catalogue: RouteCatalogue) -> tuple[Route, ...]:
    """The routes the interview would give this stream: those of its families and codes whose
    rules it meets (the oleochemistry route is for soapstock, not for every plant residue)."""
    return catalogue.routes_for((stream.name, stream.families, stream.ewc, stream.hazardous))


def match_keys(stream: NewStream) -> tuple[str, ...]:
    """What a have and a want must share to be compared: codes, families and uses.

    A have carries ``use:<route>`` for every route of its families, a want for every use its
    name asks for, so a pig farm's "natte bijproducten voor brijvoedering" meets the brewery's
    spent grain through the feed route although they share no code.
    """
    keys = list(stream.keys)
    if stream.kind == "material":
        keys += [f"term:{stem}" for stem in stems(stream)]
        if stream.side == "have":
            keys += [f"use:{u}" for u in sorted(route_uses(stream))]
        else:
            keys += [f"use:{u}" for u in sorted(uses_of(stream.name))]
    return tuple(dict.fromkeys(keys))


def search_keys(
    want: NewStream, receiver_nace: str | None, weak_hints: bool = False
) -> tuple[str, ...]:
    """The keys under which a want looks for supplies: a broad family only when a route of
    the rule base takes that family into the receiver's sector (else sharing it could only
    be a weak hint, which is not proposed unless asked for)."""
    data = match_data()
    catalogue = default_catalogue()
    keys = []
    for key in match_keys(want):
        if not weak_hints and key.startswith("family:"):
            family = key[len("family:") :]
            broad = family in data.families and not _narrow(family, data)
            if broad and catalogue.best_route((family,), receiver_nace) is None:
                continue
        keys.append(key)
    return tuple(keys)


def _names_material(want: NewStream) -> bool:
    """Whether a want's name says which material it takes, beyond the use it names: words
    before "voor" that are neither generic ("natte bijproducten") nor a use ("alternatieve")."""
    uses = {u.term for u in match_data().uses}
    return any(
        not any(w == u or (len(u) >= _MIN_PREFIX and w.startswith(u)) for u in uses)
        for w in _material_words(want)
    )


def _catch_all(code: str) -> bool:
    """An EWC entry that names no material ("materials unsuitable for consumption or
    processing", "wastes not otherwise specified"): two streams filed under it may be
    anything from wheat bran to vegetables."""
    return code in _catch_all_codes()


@lru_cache(maxsize=1)
def _catch_all_codes() -> frozenset[str]:
    said = ("unsuitable for consumption", "not otherwise specified")
    return frozenset(
        code
        for code, item in get_knowledge().ewc.items()
        if any(words in item.text_en.casefold() for words in said)
    )


def _partial(
    shared: tuple[str, ...], supply: NewStream, want: NewStream, data: MatchData
) -> tuple[str, ...]:
    """Shared narrow families that are the same material: a want for sawdust (sawdust, part
    of wood) is not met by bark because both are wood; the supply must share the part too.
    A residue of sorting (RDF, shredder residue) is not the material it was sorted from."""
    asked = set(want.families) - set(supply.families)
    residue = any(
        data.families[f].sorting_residue
        for f in set(supply.families) - set(want.families)
        if f in data.families
    )
    if residue:
        return ()  # "rejects uit oudpapierverwerking" is what sorting took out of the paper
    return tuple(
        f
        for f in shared
        if not any(data.families[c].part_of == f for c in asked if c in data.families)
    )


def material_fit(
    supply: NewStream,
    want: NewStream,
    receiver_nace: str | None,
    catalogue: RouteCatalogue | None = None,
) -> Fit | None:
    """The strongest reason ``supply`` could serve ``want`` at this receiver, or None."""
    data = match_data()
    catalogue = catalogue or default_catalogue()
    shared = tuple(sorted(set(supply.families) & set(want.families)))
    terms = shared_terms(supply, want)
    named = None if terms else _named_apart(supply, want, data)
    if named is not None:
        # the names say two different materials ("biergist" is no "bostel"): no code or
        # family they were filed under makes them one; only the families both names fall
        # under are shared (both are beverage residues)
        shared = tuple(f for f in shared if f in named)
    else:
        codes = _same_codes(supply, want) or terms
        if codes:
            return Fit("same", codes, _route_for(supply, None, want, receiver_nace, catalogue))
        narrow = _partial(tuple(f for f in shared if _narrow(f, data)), supply, want, data)
        if narrow:
            return Fit("same", narrow, _route_for(supply, None, want, receiver_nace, catalogue))
    wanted = uses_of(want.name) if want.kind == "material" else frozenset()
    if wanted and not _names_material(want):
        # a want that names its material ("vliegas voor klinker") takes that material; one
        # that names only a use ("organisch-biologisch afval voor vergisting", "natte
        # bijproducten voor brijvoedering") takes any material the rule base runs that use for
        for route in _routes_of(supply, catalogue):
            if route.route in wanted and (receiver_nace is None or route.serves(receiver_nace)):
                return Fit("use", (route.route,), route)
    if shared:
        best = _route_for(supply, shared, want, receiver_nace, catalogue)
        if best is not None and not _other_codes(supply, want):
            return Fit("route", shared, best)
        return Fit("family", shared, None)
    return None


def _named_apart(supply: NewStream, want: NewStream, data: MatchData) -> frozenset[str] | None:
    """When both names name a known material (a word of the term lists with a narrow family:
    "biergist", "bostel", "zaagsel") and these are different materials, the families both
    named materials fall under; None when they may be one material.

    They are one material when the supply's named material is the want's or a part of it (a
    want for wood takes sawdust); a want for spent grain is not met by yeast, although a
    classifier may file yeast under spent grain too and both are beverage residues.
    """
    have = _named_families(supply.name, False)
    asked = _named_families(want.name, True)
    if not have or not asked:
        return None
    if any(h == w or data.families[h].part_of == w for h in have for w in asked):
        return None
    return _with_wholes(have, data) & _with_wholes(asked, data)


def _with_wholes(families: frozenset[str], data: MatchData) -> frozenset[str]:
    """Families and the families they are part of (spent grain: a beverage residue)."""
    return families | {data.families[f].part_of for f in families if data.families[f].part_of}


@lru_cache(maxsize=65536)
def _named_families(name: str, want: bool) -> frozenset[str]:
    """The narrow families of the known materials a name names, word by word or as a whole
    phrase (a want's: before "voor")."""
    data = match_data()
    by_word = get_knowledge().terms_by_word
    phrases = material_phrases(name) if want else [name]
    said = [*_material_words_of(name, want), *phrases]
    return frozenset(
        term.family
        for word in said
        for term in by_word.get(fold(word), ())
        if term.family in data.families and _narrow(term.family, data)
    )


def _same_codes(supply: NewStream, want: NewStream) -> tuple[str, ...]:
    """The EWC entries both streams are filed under that say they are one material.

    A catch-all entry names no material. The hazardous side of a mirror pair is evidence only
    when both streams may be hazardous: a classifier files untreated oak under 03 01 04* and
    03 01 05 alike, and "same material: 03 01 04*" would tell the broker the oak is hazardous
    (review R72); where the non-hazardous side is shared too, that one is the evidence.
    """
    shared = sorted(c for c in set(supply.ewc) & set(want.ewc) if not _catch_all(c))
    plain = [c for c in shared if not _hazardous_mirror(c)]
    if supply.hazardous == "no" or want.hazardous == "no" or plain:
        return tuple(plain)
    return tuple(shared)


@lru_cache(maxsize=4096)
def _hazardous_mirror(code: str) -> bool:
    item = get_knowledge().ewc.get(code)
    return item is not None and bool(item.hazardous) and item.entry_type == "mirror"


def _route_for(
    supply: NewStream,
    families: tuple[str, ...] | None,
    want: NewStream,
    receiver_nace: str | None,
    catalogue: RouteCatalogue,
) -> Route | None:
    """The supply's route into the receiver's sector (through ``families`` only, when given),
    the one the want names first ("A-hout voor spaanplaat" goes by the particleboard route,
    not by pellets, though a board plant is in both routes' sectors)."""
    routes = [
        r
        for r in _routes_of(supply, catalogue)
        if families is None or set(r.families) & set(families)
    ]
    named = uses_of(want.name) if want.kind == "material" else frozenset()
    if named:
        for route in routes:
            if route.route in named and route.serves(receiver_nace):
                return route
    return next((r for r in routes if r.serves(receiver_nace)), None)


def _other_codes(supply: NewStream, want: NewStream) -> bool:
    """Whether both sides name a material by its own EWC entry and the entries differ: a want
    for fly ash (10 01 02) is not met by bottom ash (10 01 01) because both are ash."""
    have = {c for c in supply.ewc if not _catch_all(c)}
    asked = {c for c in want.ewc if not _catch_all(c)}
    return bool(have and asked and not have & asked)
