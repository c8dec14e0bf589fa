"""The loaded knowledge base: records plus the in-memory indexes every look-up needs.

Indexes are built once, at load time, so the interview and the rules ask "which families does
170101 belong to" or "which MAESTRI exchanges used 100202" in a dictionary access instead of a
scan; the whole object is what the cache pickles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from isassist.knowledge.codes import fold
from isassist.knowledge.models import (
    Case,
    CasSubstance,
    CpaItem,
    Density,
    EwcItem,
    Exchange,
    Family,
    GlossaryEntry,
    NaceItem,
    NaceTerm,
    Postcode,
    SectorMapEntry,
    Term,
    WasteOperation,
)

K = TypeVar("K")
V = TypeVar("V")


def _group(pairs: Iterable[tuple[K, V]]) -> dict[K, tuple[V, ...]]:
    grouped: dict[K, list[V]] = defaultdict(list)
    for key, value in pairs:
        if value not in grouped[key]:
            grouped[key].append(value)
    return {key: tuple(values) for key, values in grouped.items()}


@dataclass(frozen=True)
class Knowledge:
    """Everything in knowledge/, validated and indexed."""

    root: Path
    ewc: dict[str, EwcItem]
    nace: dict[str, NaceItem]
    cpa: dict[str, CpaItem]
    crosswalk: tuple[tuple[str, str], ...]
    substances: tuple[CasSubstance, ...]
    exchanges: tuple[Exchange, ...]
    cases: dict[str, Case]
    postcodes: tuple[Postcode, ...]
    waste_operations: dict[str, WasteOperation]
    terms: tuple[Term, ...] = ()
    sector_map: tuple[SectorMapEntry, ...] = ()
    nace_terms: tuple[NaceTerm, ...] = ()
    families: dict[str, Family] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    densities: dict[str, Density] = field(default_factory=dict)
    # derived indexes, filled by __post_init__
    ewc_children: dict[str, tuple[str, ...]] = field(init=False)
    cpa_for_nace: dict[str, tuple[str, ...]] = field(init=False)
    nace_for_cpa: dict[str, tuple[str, ...]] = field(init=False)
    cas: dict[str, CasSubstance] = field(init=False)
    cas_by_name: dict[str, tuple[CasSubstance, ...]] = field(init=False)
    terms_by_word: dict[str, tuple[Term, ...]] = field(init=False)
    sector_map_by_nace: dict[str, tuple[SectorMapEntry, ...]] = field(init=False)
    exchanges_by_ewc: dict[str, tuple[Exchange, ...]] = field(init=False)
    exchanges_by_cpa: dict[str, tuple[Exchange, ...]] = field(init=False)
    exchanges_by_nace: dict[str, tuple[Exchange, ...]] = field(init=False)
    postcodes_by_code: dict[str, tuple[Postcode, ...]] = field(init=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "ewc_children", _group((i.parent, i.code) for i in self.ewc.values() if i.parent))
        put(self, "cpa_for_nace", _group(self.crosswalk))
        put(self, "nace_for_cpa", _group((cpa, nace) for nace, cpa in self.crosswalk))
        by_number: dict[str, CasSubstance] = {}
        for substance in self.substances:
            # cas.csv comes first: its record carries the CLP data, a curated one only names
            if substance.cas and substance.cas not in by_number:
                by_number[substance.cas] = substance
        put(self, "cas", by_number)
        put(
            self,
            "cas_by_name",
            _group(
                (fold(name), s)
                for s in self.substances
                for name in (s.name, s.name_nl, *s.synonyms_en, *s.synonyms_nl)
                if name
            ),
        )
        put(self, "terms_by_word", _group((fold(t.term), t) for t in self.terms))
        put(self, "sector_map_by_nace", _group((e.nace, e) for e in self.sector_map))
        put(self, "exchanges_by_ewc", _group((c, x) for x in self.exchanges for c in x.ewc))
        put(self, "exchanges_by_cpa", _group((c, x) for x in self.exchanges for c in x.cpa))
        put(
            self,
            "exchanges_by_nace",
            _group(
                (c, x)
                for x in self.exchanges
                for c in (*x.donor_nace, *x.receiver_nace, *x.third_party_nace)
            ),
        )
        put(self, "postcodes_by_code", _group((p.postcode, p) for p in self.postcodes))

    def families_for_ewc(self, code: str) -> list[Family]:
        """Families whose EWC codes or prefixes cover ``code`` (a six-digit entry)."""
        return [family for family in self.families.values() if family.covers(code)]

    def exchanges_for_nace(self, code: str) -> list[Exchange]:
        """Exchanges whose donor, receiver or third party sits in ``code`` or below it."""
        seen: dict[str, Exchange] = {}
        for nace, exchanges in self.exchanges_by_nace.items():
            if nace == code or nace.startswith(code + ".") or code.startswith(nace + "."):
                seen.update((x.exchange_id, x) for x in exchanges)
        return sorted(seen.values(), key=lambda x: [int(p) for p in x.exchange_id.split("-")])

    def stats(self) -> dict[str, int]:
        """Counts computed from the loaded records (what `isassist knowledge stats` shows)."""
        entries = [item for item in self.ewc.values() if item.level == 3]
        mirror_pairs = {
            tuple(sorted((item.code, partner)))
            for item in entries
            for partner in item.mirror_partners
        }
        return {
            "ewc_chapters": sum(1 for i in self.ewc.values() if i.level == 1),
            "ewc_subchapters": sum(1 for i in self.ewc.values() if i.level == 2),
            "ewc_entries": len(entries),
            "ewc_hazardous": sum(1 for i in entries if i.hazardous),
            "ewc_mirror_entries": sum(1 for i in entries if i.entry_type == "mirror"),
            "ewc_mirror_pairs": len(mirror_pairs),
            "ewc_nl_mended": sum(1 for i in self.ewc.values() if i.nl_note),
            "nace_items": len(self.nace),
            "cpa_items": len(self.cpa),
            "nace_cpa_links": len(self.crosswalk),
            "cas_substances": sum(1 for s in self.substances if not s.curated),
            "cas_curated": sum(1 for s in self.substances if s.curated),
            "terms": len(self.terms),
            "sector_map": len(self.sector_map),
            "nace_terms": len(self.nace_terms),
            "families": len(self.families),
            "glossary": len(self.glossary),
            "densities": len(self.densities),
            "exchanges": len(self.exchanges),
            "cases": len(self.cases),
            "postcodes": len(self.postcodes_by_code),
            "waste_operations": len(self.waste_operations),
        }
