"""Narrow the loaded knowledge base (``isassist.knowledge``) to the classifier's catalogue."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from isassist.classify.catalogue import Catalogue, CatalogueTerm, Entry

if TYPE_CHECKING:
    from isassist.knowledge.base import Knowledge


def catalogue_from_knowledge(knowledge: Knowledge | None = None) -> Catalogue:
    """Build the catalogue from ``knowledge`` (default: the process-wide, cached one)."""
    if knowledge is None:
        from isassist.knowledge import get_knowledge

        knowledge = get_knowledge()
    entries: dict[str, Entry] = {}
    headings: dict[str, tuple[str, str]] = {}
    for item in knowledge.ewc.values():
        if item.level == 3:
            entries[item.code] = Entry(
                code=item.code,
                text_en=item.text_en,
                text_nl=item.text_nl,
                hazardous=bool(item.hazardous),
                entry_type=item.entry_type or "",
                mirror_partners=tuple(item.mirror_partners),
            )
        else:
            headings[item.code] = (item.text_en, item.text_nl)
    terms = [
        CatalogueTerm(
            term=t.term,
            lang=t.lang,
            ewc=tuple(t.ewc),
            cpa=tuple(t.cpa),
            sectors=tuple(t.sectors),
            family=t.family,
            source=t.source,
            note=t.note,
            file=t.file,
        )
        for t in knowledge.terms
    ]
    sector_map: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for row in knowledge.sector_map:
        sector_map[row.nace] = tuple(dict.fromkeys((*sector_map[row.nace], *row.ewc)))
    return Catalogue(
        entries=entries,
        headings=headings,
        terms=tuple(terms),
        sector_map=dict(sector_map),
        nace_titles={c: (n.title_en, n.title_nl) for c, n in knowledge.nace.items() if n.level > 1},
        nace_cpa=dict(knowledge.cpa_for_nace),
        cpa_titles={c: i.title_en for c, i in knowledge.cpa.items() if i.level > 1},
    )
