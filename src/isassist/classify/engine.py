"""Score candidate entries for one description: terms, official texts, then the procedure.

Evidence comes from two places. Plant terms ("bostel", "walshuid", "boorwater") are curated and
point straight at entries, so a term that covers the description is strong evidence. The
official NL/EN texts catch everything the terms miss. The List-of-Waste procedure
(``procedure.order``) then re-weights the candidates, and mirror entries pull in their partner
so the broker always sees both sides and the question that decides between them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from isassist.classify import effluent
from isassist.classify.catalogue import Entry
from isassist.classify.index import ClassifierIndex, IndexedTerm
from isassist.classify.materials import FERROUS_TOKENS, metal_class, solid_named
from isassist.classify.mirror import deciding_question
from isassist.classify.procedure import Cues, HazardHint, order, read_cues, waste_or_water_plant
from isassist.classify.result import Suggestion
from isassist.classify.solvents import SolventWords, read_solvents
from isassist.knowledge.codes import display_ewc
from isassist.text_analysis import fold, stem, strip_code_references, word_set

_PART_WEIGHT = 0.8  # a compound part counts a little less than a word typed on its own
_TYPO_WEIGHT = 0.7
_TYPO_CUTOFF = 86
_MIN_TYPO_TAIL = 5  # shorter tails match too many words at one letter's distance
_MIN_HEAD = 3
_TEXT_WEIGHT = 0.8
_CANDIDATES = 40
_TERM_COVER_MIN = 0.6
_DENIAL_AGREES = 1.3
_DENIAL_CONTRADICTS = 0.6
_CLASS_CONTRADICTS = 0.35  # "stalen" (steel) against "non-ferrous" (review R33)
_SPREAD_PENALTY = 0.3  # a term meaning many entries is weaker evidence for each
_QUALIFIER_WEIGHT = 0.5  # a word after "met"/"with": what clings to the stream
_TAIL_FLOOR = 0.27  # candidates below this share of the first one's score are not shown
_FILLER_SHARE = 0.5  # a hazardous text-only candidate from another chapter needs this share
_PLACE_WEIGHT = 0.3  # "van de verpakkingslijn": where it arises, not what it is
_PLACE_TAILS = ("lijn", "afdeling", "installatie", "hal", "zaal", "straat")
_PLACES = word_set("line lines lijn department hall room area")
_LIQUID_FOR_SOLID = 0.4  # a liquid's entry ("developer solutions") for a named solid (plates)
# Words that say what happened to a stream, not what it is: an official text sharing only one of
# them ("basen gebruikt voor beitsen", "met teer behandelde producten") is no evidence at all
# (review R38: used kieselguhr got foundry cores, heat-treated yeast got coal tar; review3 R90:
# "calcium-zink gestabiliseerd" PVC got 19 03 05 stabilised waste).
_STATE_WORDS = frozenset(
    stem(w)
    for w in word_set("""
        gebruikt gebruikte behandeld behandelde afgewerkt afgewerkte verwerkt verwerkte
        gestabiliseerd gestabiliseerde used treated spent processed stabilised stabilized
        """)
)
# What a product was made with ("calcium-zink gestabiliseerd" PVC, "gecoat", "geimpregneerd"):
# with the generic "afval"/"waste" it is no evidence for a waste-TREATMENT entry of chapter 19
# ("gestabiliseerd afval" 19 03 05) for a producer that is no waste or water plant (review3 R90).
_ADDITIVE_WORDS = frozenset(
    stem(w)
    for w in word_set("""
        gestabiliseerd gestabiliseerde geimpregneerd geimpregneerde gecoat gecoate coated
        impregnated stabilised stabilized
        """)
)
_GENERIC_WORDS = frozenset(stem(w) for w in word_set("afval waste wastes"))


@dataclass
class _Evidence:
    term: float = 0.0
    term_label: str = ""
    text: float = 0.0
    matched_words: tuple[str, ...] = ()
    twin_of: str = ""  # the parallel entry whose evidence this one borrowed
    solvent_decides: bool = False  # borrowed from an aqueous/halogenated sibling (R112)
    industrial_sludge: bool = False  # borrowed from an on-site or urban sludge entry (R113)
    term_tokens: frozenset[str] = frozenset()  # the words of the best term found in the query


_NO_SOLVENT = SolventWords()


@dataclass(frozen=True)
class Query:
    """A description reduced to weighted tokens and procedure cues."""

    weights: dict[str, float]
    cues: Cues
    typos: dict[str, str]
    asserted: frozenset[str] = frozenset()
    solid: bool = False  # the words name a solid object or metal and no liquid
    solvents: SolventWords = _NO_SOLVENT
    urban: bool = False  # the words say urban sewage ("rwzi", "stedelijk")
    biological: bool = False  # the words say biological treatment


def read_query(index: ClassifierIndex, text: str, lang: str = "nl") -> Query:
    """Weighted tokens of ``text``; words nobody knows still count, so coverage stays honest."""
    folded = fold(strip_code_references(text)).split()
    cues = read_cues(folded)
    weights: dict[str, float] = {}
    typos: dict[str, str] = {}
    for position, word in enumerate(folded):
        token = stem(word)
        if (
            token in cues.negated
            or word in cues.negated
            or word in cues.carriers
            or word in cues.consumed
        ):
            continue
        scale = _QUALIFIER_WEIGHT if word in cues.qualifiers else 1.0
        place = _place_word(folded, position)
        if place:
            scale *= _PLACE_WEIGHT
        for part in index.analyzer.tokens(word, dutch=lang == "nl"):
            weight = scale * (1.0 if part == token else _PART_WEIGHT)
            if (
                not place
                and part not in index.idf
                and part not in index.term_postings
                and len(part) >= 5
            ):
                fixed = _nearest(index, part) or _nearest_tail(index, part)
                if fixed is not None:
                    typos[part] = fixed
                    part, weight = fixed, scale * _TYPO_WEIGHT
            weights[part] = max(weights.get(part, 0.0), weight)
    if "stalen" in folded:  # the adjective ("stalen krullen") stems to "stal", a stable
        weights.setdefault(stem("staal"), 1.0)
    implied, denied = metal_class(weights)
    for token, weight in implied.items():
        weights.setdefault(token, weight)
    if denied:
        cues = replace(cues, negated=cues.negated | denied)
    # a named ferrous metal contradicts the entries that exclude it ("non-ferrous filings")
    asserted = frozenset(t for t in FERROUS_TOKENS if t in implied)
    solvents = read_solvents(folded, cues.negated)
    return Query(
        weights,
        cues,
        typos,
        asserted,
        solid_named(folded),
        solvents,
        effluent.says_urban(folded),
        effluent.says_biological(folded),
    )


def _place_word(folded: list[str], position: int) -> bool:
    """Whether the word names where the stream arises, not what it is: a compound ending in a
    place ("verpakkingslijn", "afvullijn", "productiehal") or the word before one ("packaging
    line"). Such words count little and are never typo-corrected into a material (review3
    R111: pharma tablets "van de verpakkingslijn" got 15 01 02 plastic packaging)."""
    word = folded[position]
    if word.endswith(_PLACE_TAILS) and word not in _PLACE_TAILS:
        return True
    following = folded[position + 1 : position + 2]
    return bool(following) and following[0] in _PLACES


def _nearest(index: ClassifierIndex, token: str) -> str | None:
    found = process.extractOne(
        token, index.vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF
    )
    return None if found is None else str(found[0])


def _nearest_tail(index: ClassifierIndex, token: str) -> str | None:
    """A typo in the tail of a compound whose head is known: "bier-borstel" is "bostel".

    The longest known head is taken, so the tail that is compared is the shortest candidate.
    """
    for cut in range(len(token) - _MIN_TYPO_TAIL, _MIN_HEAD - 1, -1):
        head = token[:cut]
        if head in index.idf or head in index.term_postings:
            return _nearest(index, token[cut:])
    return None


def _sector_term_factor(term: IndexedTerm, sector: str | None) -> float:
    if not term.term.sectors:
        return 1.0
    if sector is None:
        return 0.85
    return 1.15 if any(sector.startswith(s) for s in term.term.sectors) else 0.35


def _term_evidence(
    index: ClassifierIndex, query: Query, sector: str | None, evidence: dict[str, _Evidence]
) -> list[IndexedTerm]:
    mass = sum(index.token_idf(t) * w for t, w in query.weights.items()) or 1.0
    seen: set[int] = set()
    matched: list[IndexedTerm] = []
    # Several terms of one entry together explain more of a long description than any one
    # ("pressed beet pulp ... exhausted cossettes": "beet pulp" + "cossettes" + "pressed pulp").
    explained: dict[str, set[str]] = defaultdict(set)
    quality: dict[str, tuple[float, str]] = {}
    candidates: list[tuple[IndexedTerm, list[str], float]] = []
    for token in query.weights:
        for position in index.term_postings.get(token, ()):
            if position in seen:
                continue
            seen.add(position)
            item = index.terms[position]
            present = [t for t in item.tokens if t in query.weights]
            # Missing generic words ("afval", "waste") hardly matter; missing specific ones do.
            term_cover = sum(index.token_idf(t) for t in present) / sum(
                index.token_idf(t) for t in item.tokens
            )
            if term_cover >= _TERM_COVER_MIN and not set(present) <= _STATE_WORDS:
                # "behandeld" alone is not "behandeld hout" (R38: heat-treated yeast)
                candidates.append((item, present, term_cover))
    for item, present, term_cover in candidates:
        matched.append(item)
        grade = term_cover**2 * _sector_term_factor(item, sector)
        grade *= (
            0.6 if item.broad else 1.0 / (1.0 + _SPREAD_PENALTY * math.log(len(item.codes) or 1))
        )
        covered = sum(index.token_idf(t) * query.weights[t] for t in present) / mass
        for code in item.codes:
            ev = evidence[code]
            if min(1.0, covered) * grade > ev.term:
                ev.term, ev.term_label = min(1.0, covered) * grade, item.term.term
                ev.term_tokens = frozenset(present)
            if len(present) == len(item.tokens):  # only whole terms add up
                explained[code].update(present)
                if grade > quality.get(code, (0.0, ""))[0]:
                    quality[code] = (grade, item.term.term)
    for code, tokens in explained.items():
        covered = sum(index.token_idf(t) * query.weights[t] for t in tokens) / mass
        grade, label = quality[code]
        ev = evidence[code]
        if min(1.0, covered) * grade > ev.term:
            ev.term, ev.term_label = min(1.0, covered) * grade, label
    return matched


def _text_evidence(index: ClassifierIndex, query: Query, evidence: dict[str, _Evidence]) -> None:
    mass = sum(index.token_idf(t) * w for t, w in query.weights.items()) or 1.0
    acc: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)
    hits: dict[str, list[str]] = defaultdict(list)
    telling: set[str] = set()  # codes sharing a word that says what the stream is
    for token, weight in query.weights.items():
        idf = index.token_idf(token)
        for code, doc_weight in index.postings.get(token, ()):
            if token in FERROUS_TOKENS and token in index.entry_denies.get(code, ()):
                continue  # "non-ferrous" is no match for "ferrous" (review R33)
            if token not in _STATE_WORDS:
                telling.add(code)
            acc[code] += idf * weight * doc_weight
            if doc_weight == 1.0:
                own[code] += idf * weight
                hits[code].append(token)
    for code, value in acc.items():
        if code not in telling or (hits[code] and set(hits[code]) <= _STATE_WORDS):
            continue  # only "gebruikt"/"behandeld" in its own text: no evidence (review R38)
        coverage_query = value / mass
        coverage_entry = own[code] / index.entry_mass[code]
        ev = evidence[code]
        ev.text = min(1.0, 0.65 * coverage_query + 0.35 * coverage_entry)
        ev.matched_words = tuple(hits[code])


def confidence(raw: float) -> float:
    """Squash a raw score onto [0, 1]: one fully covering term is about 0.85."""
    return round(1.0 - math.exp(-1.9 * max(raw, 0.0)), 3)


def rank(
    index: ClassifierIndex,
    query: Query,
    sector: str | None,
    sector_prefixes: tuple[tuple[str, float], ...],
    hazard: HazardHint,
    lang: str,
    top: int,
) -> tuple[list[Suggestion], list[IndexedTerm]]:
    evidence: dict[str, _Evidence] = defaultdict(_Evidence)
    terms = _term_evidence(index, query, sector, evidence)
    _text_evidence(index, query, evidence)
    _lend_to_sector_twins(index, sector_prefixes, evidence)
    _lend_to_named_liquid(index, query.solvents, evidence)
    own_sludge_entry = _lend_to_industrial_sludge(index, query, sector, sector_prefixes, evidence)
    effective_hazard = hazard if hazard != "unknown" else query.cues.hazard
    scored: dict[str, tuple[float, tuple[str, ...]]] = {}
    for code, ev in evidence.items():
        raw = ev.term + _TEXT_WEIGHT * ev.text
        if raw <= 0.0:
            continue
        if _only_how_it_was_made(code, ev, sector):
            continue
        entry = index.entry(code)
        ordering = order(code, entry.hazardous, sector_prefixes, query.cues, effective_hazard, lang)
        agreement, reasons = _negation_agreement(index, code, query.cues.negated, lang)
        if query.asserted & index.entry_denies.get(code, frozenset()):
            agreement *= _CLASS_CONTRADICTS
        if query.solid and code in index.liquid_entries:
            agreement *= _LIQUID_FOR_SOLID
        agreement *= query.solvents.agreement(index.entry_liquids.get(code))
        if not query.urban and not effluent.urban_plant(sector):
            if code in index.sludge.urban:
                agreement *= effluent.URBAN_ONLY
                reasons += (
                    ("stedelijk afvalwater: enkel voor een rwzi (NACE 37)",)
                    if lang == "nl"
                    else ("urban waste water: only for a sewage works (NACE 37)",)
                )
            elif code in index.sludge.on_site and not own_sludge_entry:
                agreement *= effluent.OTHER_INDUSTRY
        named = (query.weights.keys() | query.typos.keys()) - query.cues.negated
        if named & index.entry_free_of.get(code, frozenset()):
            agreement *= _DENIAL_CONTRADICTS  # "met chroom" against "chroomvrij" (review3 R88)
        scored[code] = (raw * ordering.factor * agreement, ordering.reasons + reasons)
    # on an exact tie (a term naming both sides of a mirror pair) the non-hazardous side first:
    # the hazardous one applies only once a hazardous property is shown (LoW Annex point 2)
    best = sorted(scored, key=lambda c: (-scored[c][0], index.entry(c).hazardous, c))[:_CANDIDATES]
    chosen = _with_mirror_partners(index, best, scored)[:top]
    if chosen:
        # a far weaker candidate after a strong one is noise a broker laughs at ("zure wei":
        # whey first, then "acids"); a mirror partner stays only behind its own entry, never
        # after a dropped one (R38's "gietkernen" after kieselguhr, 09 01 99 after a dropped
        # 09 01 06*)
        chosen = [c for c in chosen if not _filler(index, query, c, evidence[c], 0.0, ())]
        floor = _TAIL_FLOOR * scored[chosen[0]][0] if chosen else 0.0
        kept: list[str] = []
        for code in chosen:
            score, reasons = scored.get(code, (0.0, ()))
            ev = evidence[code]
            if ev.term == 0.0 and ev.text == 0.0:  # brought in only as a mirror partner
                if any(p in kept for p in index.entry(code).mirror_partners):
                    kept.append(code)
                continue
            strong = score >= floor and not (
                sector_prefixes
                and _filler(index, query, code, ev, score / scored[chosen[0]][0], reasons)
            )
            if strong or (kept and code in index.entry(kept[-1]).mirror_partners):
                kept.append(code)
        chosen = kept
    suggestions = [
        _suggestion(index, code, scored.get(code, (0.0, ()))[0], evidence[code], scored, lang)
        for code in chosen
    ]
    return suggestions, terms


def _only_how_it_was_made(code: str, ev: _Evidence, sector: str | None) -> bool:
    """Whether a chapter-19 (waste-treatment) entry rests only on words saying how a product was
    made or treated, for a producer that is no waste or water plant (review3 R90)."""
    if not code.startswith("19") or sector is None or waste_or_water_plant(sector):
        return False
    words = (ev.term_tokens | set(ev.matched_words)) - _GENERIC_WORDS
    return words <= _STATE_WORDS | _ADDITIVE_WORDS


def _filler(
    index: ClassifierIndex,
    query: Query,
    code: str,
    ev: _Evidence,
    share: float,
    reasons: tuple[str, ...],
) -> bool:
    """A hazardous entry the words do not really point at: shown, it is a GEVAARLIJK code a
    broker laughs at (review R38, R75).

    Always filler: a liquid's entry (developer solutions, phosphoric acid) while the words name
    a solid and no liquid (aluminium plates; phosphogypsum "van de fosforzuurfilters"). (Words
    that only say what happened to the stream, "gebruikt", "behandeld", are no evidence at
    all: see _STATE_WORDS.) With a ``share`` above 0
    (the producer's sector known), also an entry from outside the producer's chapters that only
    shares a word of its text ("stengels" ~ "stenen") and scores under half the first.
    """
    if not index.entry(code).hazardous:
        return False
    if query.solid and code in index.liquid_entries:
        return True  # a term can only have come from a compound part ("fosforzuurfilters")
    if ev.term > 0.0:
        return False
    if share <= 0.0:
        return False
    sector_backed = any(r.startswith("sector") for r in reasons)
    return not sector_backed and share < _FILLER_SHARE


def _lend_to_sector_twins(
    index: ClassifierIndex,
    sector_prefixes: tuple[tuple[str, float], ...],
    evidence: dict[str, _Evidence],
) -> None:
    """Give the twin in the producer's own sub-chapter the evidence of its parallel entries.

    "Filterkoek" may be a term for 07 01 10 only, yet a pesticide maker's filter cake is
    07 04 10: the wording is the same, so only the sector can decide, and it can only do so
    when both twins carry the same evidence.
    """
    if not sector_prefixes:
        return

    def boost(code: str) -> float:
        return max((f for p, f in sector_prefixes if code.startswith(p)), default=0.0)

    for code, ev in list(evidence.items()):
        own_boost = boost(code)
        for twin, likeness in index.parallels.get(code, ()):
            if boost(twin) <= own_boost:
                continue
            lent = evidence[twin]
            if ev.term * likeness > lent.term:
                lent.term, lent.term_label = ev.term * likeness, ev.term_label
                lent.twin_of = code
            if ev.text * likeness > lent.text:
                lent.text, lent.matched_words = ev.text * likeness, ev.matched_words
                lent.twin_of = code


def _lend_to_named_liquid(
    index: ClassifierIndex, solvents: SolventWords, evidence: dict[str, _Evidence]
) -> None:
    """Give a term's evidence to the sibling whose liquid the named solvent is.

    "Moederloog" and "wasvloeistof" are in all three liquids of a 07 sub-chapter (aqueous,
    halogenated, other organic); a term for the aqueous one plus "methanol" means the other
    organic one of the same sub-chapter (review3 R112)."""
    if not (solvents.organic or solvents.halogenated):
        return
    fits = {
        code for code, liquid in index.entry_liquids.items() if solvents.agreement(liquid) == 1.0
    }
    for code, ev in list(evidence.items()):
        liquid = index.entry_liquids.get(code)
        if ev.term == 0.0 or code in fits or liquid is None:
            continue
        for sibling in fits:
            lent = evidence[sibling]
            if sibling[:4] == code[:4] and ev.term > lent.term:
                lent.term, lent.term_label = ev.term, ev.term_label
                lent.solvent_decides = True


def _lend_to_industrial_sludge(
    index: ClassifierIndex,
    query: Query,
    sector: str | None,
    sector_prefixes: tuple[tuple[str, float], ...],
    evidence: dict[str, _Evidence],
) -> bool:
    """Whether the producer's own chapter has an effluent sludge entry; if not (and the
    producer is no sewage works and says nothing urban), lend the evidence of the on-site
    effluent and urban sludge entries to 19 08's industrial waste-water sludges (review3 R113:
    a laundry's flotation sludge got 19 08 05 urban sewage sludge)."""
    own = any(
        code.startswith(prefix)
        for prefix, _ in sector_prefixes
        for code in index.sludge.own_effluent
    )
    if own or query.urban or effluent.urban_plant(sector):
        return True
    donors = [
        ev
        for code, ev in evidence.items()
        if code in index.sludge.on_site or code in index.sludge.urban
    ]
    targets = [
        c for c in index.sludge.industrial if (c in index.sludge.biological) == query.biological
    ]
    for ev in donors:
        for code in targets:
            lent = evidence[code]
            if ev.term > lent.term:  # the donor's term ("rwzi-slib") does not name this entry
                lent.term, lent.term_label = ev.term, ""
                lent.industrial_sludge = True
            if ev.text > lent.text:
                lent.text, lent.matched_words = ev.text, ev.matched_words
                lent.industrial_sludge = True
    return False


def _negation_agreement(
    index: ClassifierIndex, code: str, denied: frozenset[str], lang: str
) -> tuple[float, tuple[str, ...]]:
    """Prefer the entry that denies what the description denies ("PCB-free" -> not the PCB
    entry; "zonder halogenen" -> "free of halogens")."""
    if not denied:
        return 1.0, ()
    if denied & index.entry_denies.get(code, frozenset()):
        return _DENIAL_AGREES, (
            ("sluit uit wat de beschrijving uitsluit",)
            if lang == "nl"
            else ("excludes what the description excludes",)
        )
    if denied & index.entry_tokens.get(code, frozenset()):
        return _DENIAL_CONTRADICTS, (
            ("bevat wat de beschrijving uitsluit",)
            if lang == "nl"
            else ("contains what the description excludes",)
        )
    return 1.0, ()


def _with_mirror_partners(
    index: ClassifierIndex, best: list[str], scored: dict[str, tuple[float, tuple[str, ...]]]
) -> list[str]:
    """Put the strongest partner of each mirror entry right behind it, if not already ranked."""
    out: list[str] = []
    for code in best:
        if code in out:
            continue
        out.append(code)
        entry = index.entry(code)
        if not entry.is_mirror:
            continue
        partners = [p for p in entry.mirror_partners if p in index.catalogue.entries]
        if not partners or any(p in out for p in partners):
            continue
        partner = max(partners, key=lambda p: (scored.get(p, (0.0, ()))[0], -partners.index(p)))
        own = scored.get(partner, (0.0, ()))[0]
        scored[partner] = (max(own, scored[code][0] * 0.97), scored.get(partner, (0.0, ()))[1])
        out.append(partner)
    return out


def _suggestion(
    index: ClassifierIndex,
    code: str,
    raw: float,
    ev: _Evidence,
    scored: dict[str, tuple[float, tuple[str, ...]]],
    lang: str,
) -> Suggestion:
    score = confidence(scored[code][0] if code in scored else raw)
    why = _why(index.entry(code), ev, scored.get(code, (0.0, ()))[1], lang)
    return make_suggestion(index, code, score, why, lang)


def make_suggestion(
    index: ClassifierIndex, code: str, score: float, why: str, lang: str
) -> Suggestion:
    """A suggestion for ``code``; a mirror entry brings its partners and deciding question."""
    entry = index.entry(code)
    partners = [index.entry(p) for p in entry.mirror_partners if p in index.catalogue.entries]
    return Suggestion(
        code=code,
        hazardous=entry.hazardous,
        score=score,
        description=entry.text(lang),
        why=why,
        mirror_partners=tuple(p.code for p in partners) if entry.is_mirror else (),
        deciding_question=deciding_question(entry, partners, lang) if entry.is_mirror else "",
    )


def _why(entry: Entry, ev: _Evidence, reasons: tuple[str, ...], lang: str) -> str:
    nl = lang == "nl"
    parts: list[str] = []
    if ev.term_label:
        parts.append(
            f'term "{ev.term_label}"' + (" wijst naar deze code" if nl else " points here")
        )
    if ev.matched_words:
        words = ", ".join(ev.matched_words)
        parts.append(
            f"woorden in de officiële tekst: {words}"
            if nl
            else f"words in the official text: {words}"
        )
    if not ev.term_label and not ev.matched_words:
        parts.append(
            "spiegelpartner van een voorgestelde code"
            if nl
            else "mirror partner of a suggested code"
        )
    if ev.solvent_decides:
        parts.append(
            "het genoemde oplosmiddel kiest tussen waterig, gehalogeneerd en overig organisch"
            if nl
            else "the named solvent decides between aqueous, halogenated and other organic"
        )
    if ev.industrial_sludge:
        parts.append(
            "eigen afvalwaterzuivering zonder eigen code in het hoofdstuk van de activiteit: "
            "slib van industrieel afvalwater"
            if nl
            else "own effluent treatment with no entry in the activity's chapter: sludge of "
            "industrial waste water"
        )
    if ev.twin_of:
        twin = display_ewc(ev.twin_of)
        parts.append(
            f"zelfde tekst als {twin}; de sector kiest de subrubriek"
            if nl
            else f"same wording as {twin}; the sector picks the sub-chapter"
        )
    parts.extend(reasons)
    return "; ".join(parts)
