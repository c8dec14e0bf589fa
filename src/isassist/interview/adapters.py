"""The real services behind the interview seam: knowledge, classifier, units and rules.

Each method is a thin translation; the packages themselves do the work. Look-ups that the
engine repeats on every turn (suggestions for the same words) are memoised per process, which
keeps one answer well under the 30 ms budget even with ten streams. The units' and the code
spellings' errors become the seam's own (``QuantityProblem``, ``CodeProblem``), in the
interview's language, so nothing above this module knows the packages' exception types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from isassist.dossier import CodeSuggestion, ConclusionView
from isassist.facts import Fact, Jurisdiction
from isassist.interview.services import (
    CodeProblem,
    NamedSubstance,
    Number,
    Place,
    Quantity,
    QuantityProblem,
    SimilarExchange,
)
from isassist.knowledge import Knowledge, get_knowledge
from isassist.knowledge import codes as code_shapes
from isassist.knowledge.places import Located, Places
from isassist.units import QuantityError, is_unknown_answer
from isassist.units import display as unit_display
from isassist.units import numbers as unit_numbers
from isassist.units import quantity as unit_quantity

NACE_PLAUSIBLE = 0.8
"""A NACE hit is offered only when it scores at least this share of the best hit."""


def _place(found: Located) -> Place:
    return Place(
        postcode=found.postcode,
        locality=found.locality,
        region=found.province,
        country=found.country,
        lat=found.lat,
        lon=found.lon,
        jurisdiction=found.jurisdiction,
        by=found.by,
        nearest_km=found.nearest_km,
    )


if TYPE_CHECKING:
    from isassist.classify.learned import LearnedTerms
    from isassist.rules.engine import RuleEngine


def _lang(lang: str) -> Literal["nl", "en"]:
    return "en" if lang == "en" else "nl"


def _problem(error: QuantityError, lang: str) -> QuantityProblem:
    """The units' error in the interview language, with the units' own example."""
    return QuantityProblem(error.message_nl if lang == "nl" else error.message_en, error.example)


def _number(
    read: Callable[[str, Literal["nl", "en"]], unit_numbers.ParsedNumber], text: str, lang: str
) -> Number:
    """A number read by the units (plain or a temperature), as the seam's ``Number``."""
    try:
        number = read(text, _lang(lang))
    except QuantityError as error:
        raise _problem(error, lang) from None
    return Number(number.value, number.unit, number.vague, number.said_as)


class LiveUnits:
    """Reading and showing numbers and quantities: isassist.units, its errors translated."""

    def says_unknown(self, text: str) -> bool:
        return is_unknown_answer(text)

    def parse_number(self, text: str, lang: str) -> Number:
        return _number(unit_numbers.parse_number, text, lang)

    def parse_temperature(self, text: str, lang: str) -> Number:
        return _number(unit_numbers.parse_temperature, text, lang)

    def parse_duration(self, text: str, lang: str) -> Number:
        return _number(unit_numbers.parse_duration, text, lang)

    def parse_quantity(self, text: str, lang: str) -> Quantity:
        try:
            parsed = unit_quantity.parse_quantity(text, _lang(lang))
        except QuantityError as error:
            raise _problem(error, lang) from None
        return Quantity(
            value=parsed.value,
            unit=parsed.unit,
            per_year_value=parsed.per_year_value,
            per_year_unit=parsed.per_year_unit,
            tonnes_per_year=parsed.tonnes_per_year,
            note=parsed.note,
            low=parsed.low,
            high=parsed.high,
            vague=parsed.vague,
            power_kw=parsed.power_kw,
        )

    def unit_name(self, unit: str, lang: str) -> str:
        return unit_display.unit_name(unit, lang)

    def format_number(self, value: float, lang: str) -> str:
        return unit_display.format_number(value, lang)

    def format_amount(self, value: float, unit: str, lang: str, *, per_year: bool = False) -> str:
        return unit_display.format_amount(value, unit, lang, per_year=per_year)

    def format_range(
        self, low: float, high: float, unit: str, lang: str, *, per_year: bool = False
    ) -> str:
        return unit_display.format_range(low, high, unit, lang, per_year=per_year)


class LiveCodeSpelling:
    """The shapes of codes (isassist.knowledge.codes), its error translated."""

    def spell_code(self, system: str, text: str) -> str | None:
        if system == "ewc":
            return code_shapes.compact_ewc(text)
        if system == "nace":
            return code_shapes.dotted_nace(text)
        if system == "cpa":
            return code_shapes.dotted_cpa(text)
        if not code_shapes.looks_like_cas(text):
            return None
        try:
            return code_shapes.normalise_cas(text)
        except code_shapes.CodeError as error:
            raise CodeProblem(str(error)) from None

    def looks_like_cas(self, text: str) -> bool:
        return code_shapes.looks_like_cas(text)


class LiveServices(LiveUnits, LiveCodeSpelling):
    """Services backed by the installed knowledge base, classifier, units and rule base
    (reading and showing units and spelling codes need no state: the two parts above)."""

    def __init__(
        self,
        knowledge: Knowledge | None = None,
        engine: Callable[[], RuleEngine] | None = None,
    ) -> None:
        self._knowledge = knowledge
        self._engine = engine
        """Gives the rule engine (compiled on first use); default: the installed rules'."""
        self._search = lru_cache(maxsize=512)(self._search_uncached)
        self._place_index: Places | None = None
        self.learned: LearnedTerms | None = None
        """The broker's earlier choices (set by the face that has a data folder)."""

    @property
    def knowledge(self) -> Knowledge:
        """The knowledge base, loaded on first use: an interview starts (and its first
        question shows) without it; the TUI loads it in its warm-up."""
        if self._knowledge is None:
            self._knowledge = get_knowledge()
        return self._knowledge

    def code_label(self, system: str, code: str, lang: str) -> str | None:
        k = self.knowledge
        if system == "ewc":
            item = k.ewc.get(code)
            if item is None or item.level != 3:
                return None
            return f"{item.display} {item.text_nl if lang == 'nl' else item.text_en}"
        if system == "nace":
            nace = k.nace.get(code)
            if nace is None:
                return None
            return (nace.title_nl or nace.title_en) if lang == "nl" else nace.title_en
        if system == "cpa":
            cpa = k.cpa.get(code)
            return cpa.title_en if cpa is not None else None
        substance = k.cas.get(code)
        return substance.name if substance is not None else f"CAS {code}"

    def search_codes(
        self, system: str, text: str, lang: str, sector: str | None, kind: str | None = None
    ) -> list[CodeSuggestion]:
        found = list(self._search(system, text, lang, sector, kind))
        if self.learned is None or system not in ("ewc", "cpa"):
            return found
        return self._learned_first(system, text, lang, sector, found)

    def _learned_first(
        self, system: str, text: str, lang: str, sector: str | None, found: list[CodeSuggestion]
    ) -> list[CodeSuggestion]:
        """Codes the broker chose earlier for these words come first, saying so."""
        from isassist.classify.learned import WHY, LearnedTermsError

        assert self.learned is not None
        try:
            codes = self.learned.codes_for(text, system, sector)
        except LearnedTermsError:
            return found  # a damaged file must not stop the interview; the CLI reports it
        first: list[CodeSuggestion] = []
        why = WHY["en" if lang == "en" else "nl"]
        for code in codes:
            label = self.code_label(system, code, lang)
            if label is not None:
                first.append(CodeSuggestion(code, label, why))
        chosen = {s.code for s in first}
        return first + [s for s in found if s.code not in chosen]

    def _search_uncached(
        self, system: str, text: str, lang: str, sector: str | None, kind: str | None = None
    ) -> tuple[CodeSuggestion, ...]:
        from isassist.classify import ClassifyInputError, classify, suggest_cpa
        from isassist.knowledge.lookup import lookup_cas, lookup_nace

        try:
            if system == "ewc":
                result = classify(text, sector=sector, lang=_lang(lang), top=5, kind=kind)
                return tuple(
                    CodeSuggestion(s.code, f"{s.display_code} {s.description}", s.why)
                    for s in result.suggestions
                )
            if system == "cpa":
                return tuple(
                    CodeSuggestion(c.code, c.title, c.why)
                    for c in suggest_cpa(text, sector=sector, top=5)
                    if not _company_product_for_utility(c.code, sector, kind)
                )
        except ClassifyInputError:
            return ()
        if system == "nace":
            hits = [h for h in lookup_nace(self.knowledge, text, top=12) if h.item.level >= 3]
            # only plausible candidates: a list padded with weak look-alikes ("kaas en boter"
            # -> 10.51 and then rice, tobacco and fibre crops) is worse than a short one
            hits = [h for h in hits if h.score >= NACE_PLAUSIBLE * hits[0].score] if hits else []
            return tuple(
                CodeSuggestion(
                    h.item.code,
                    (h.item.title_nl or h.item.title_en) if lang == "nl" else h.item.title_en,
                    h.why,
                )
                for h in hits[:5]
            )
        try:
            found = lookup_cas(self.knowledge, text, top=5)
        except ValueError:
            return ()
        return tuple(CodeSuggestion(h.item.cas, h.item.name) for h in found if h.item.cas)

    def law_area(self, country: object, province: object) -> Jurisdiction:
        from isassist.knowledge.places import jurisdiction_of

        return jurisdiction_of(country, province)

    def ewc_flags(self, code: str) -> tuple[bool, bool]:
        item = self.knowledge.ewc.get(code)
        if item is None:
            return (False, False)
        return (bool(item.hazardous), item.entry_type == "mirror")

    def families(self, ewc_codes: Sequence[str]) -> list[str]:
        found: list[str] = []
        for code in ewc_codes:
            for family in self.knowledge.families_for_ewc(code):
                if family.family not in found:
                    found.append(family.family)
        return found

    def exchanges(
        self, ewc: Sequence[str], cpa: Sequence[str], families: Sequence[str]
    ) -> list[SimilarExchange]:
        k = self.knowledge
        seen: dict[str, SimilarExchange] = {}
        candidates = [x for code in ewc for x in k.exchanges_by_ewc.get(code, ())]
        candidates += [x for code in cpa for x in k.exchanges_by_cpa.get(code, ())]
        covering = [k.families[f] for f in families if f in k.families]
        candidates += [x for x in k.exchanges if any(f.covers(c) for f in covering for c in x.ewc)]
        for x in candidates:
            if x.exchange_id not in seen:
                use = f" -> {x.final_use}" if x.final_use else ""
                text = (
                    f"{x.donor_business or '?'} -> {x.receiver_business or '?'}: "
                    f"{x.description}{use} [MAESTRI {x.exchange_id}, {x.status}]"
                )
                seen[x.exchange_id] = SimilarExchange(x.exchange_id, text)
        return list(seen.values())

    def locate(self, text: str) -> Place | None:
        found = self._places().in_text(text)
        return _place(found) if found is not None else None

    def locate_point(self, lat: float, lon: float) -> Place:
        return _place(self._places().at(lat, lon))

    def _places(self) -> Places:
        if self._place_index is None:
            self._place_index = Places(self.knowledge.postcodes, self.knowledge.root / "places.csv")
        return self._place_index

    def substances_named(self, text: str, lang: str) -> list[NamedSubstance]:
        from isassist.knowledge.codes import fold

        found: dict[str | None, NamedSubstance] = {}
        for item in self.knowledge.cas_by_name.get(fold(text), ()):
            key = item.cas or item.name
            name = (item.name_nl or item.name) if lang == "nl" else item.name
            if key not in found or item.curated:  # the hand-written row has the Dutch name
                found[key] = NamedSubstance(item.cas or None, name, item.note or "")
        return list(found.values())

    def rule_engine(self) -> RuleEngine:
        if self._engine is not None:
            return self._engine()
        from isassist.rules import get_engine

        return get_engine()

    def derive(self, interview_id: str, facts: Sequence[Fact]) -> list[ConclusionView]:
        return [
            ConclusionView(
                rule_id=c.rule_id,
                kind=c.kind,
                category=c.category,
                text={"nl": c.text.nl, "en": c.text.en},
                source=c.source,
                stream_id=c.stream_id,
                data=dict(c.data),
                severity=c.severity or "",
                priority=c.priority or "",
                title={"nl": c.title.nl, "en": c.title.en},
            )
            for c in self.rule_engine().derive(interview_id, facts)
        ]

    def close(self, interview_id: str) -> None:
        self.rule_engine().close(interview_id)


@lru_cache(maxsize=1)
def live_services() -> LiveServices:
    """One set of live services per process (the knowledge base is loaded once)."""
    return LiveServices()


_UTILITY_KINDS = frozenset({"heat", "energy", "water", "gas"})


def _company_product_for_utility(code: str, sector: str | None, kind: str | None) -> bool:
    """True for the company's own product code offered as the CPA of its heat, water or gas:
    a dairy's waste heat is no "dairy and cheese product" (review R6). A material stream may
    well be a product of the sector (whey is CPA 10.51.55), so it keeps them."""
    if kind not in _UTILITY_KINDS or not sector:
        return False
    return code == sector or code.startswith(f"{sector}.") or sector.startswith(f"{code}.")
