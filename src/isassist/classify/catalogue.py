"""The slice of the knowledge base the classifier reasons over, in the shape it needs.

The classifier never reads files: ``isassist.knowledge`` loads and validates them. This module
only narrows the loaded knowledge to plain, frozen records (entries, headings, terms, the
sector map, NACE and CPA look-ups) so that the scoring code does not depend on how the loader
names its models, and so tests can build a tiny catalogue by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """One six-digit List-of-Waste entry."""

    code: str
    text_en: str
    text_nl: str
    hazardous: bool
    entry_type: str = ""
    mirror_partners: tuple[str, ...] = ()

    @property
    def is_mirror(self) -> bool:
        return self.entry_type.startswith("mirror") and bool(self.mirror_partners)

    def text(self, lang: str) -> str:
        """Official text in ``lang``, falling back to English where the Dutch list has none."""
        return (self.text_nl or self.text_en) if lang == "nl" else (self.text_en or self.text_nl)


@dataclass(frozen=True)
class CatalogueTerm:
    """A colloquial word people in plants use for a stream, with the entries it means."""

    term: str
    lang: str
    ewc: tuple[str, ...]
    cpa: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    family: str = ""
    source: str = ""
    note: str = ""
    file: str = ""


@dataclass(frozen=True)
class Catalogue:
    """Everything classification needs, already loaded and validated."""

    entries: Mapping[str, Entry]
    headings: Mapping[str, tuple[str, str]]  # chapter or sub-chapter code -> (en, nl)
    terms: Sequence[CatalogueTerm] = ()
    sector_map: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    nace_titles: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # dotted -> (en, nl)
    nace_cpa: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # NACE class -> CPA
    cpa_titles: Mapping[str, str] = field(default_factory=dict)  # dotted CPA -> English title

    def heading(self, code: str, lang: str) -> str:
        en, nl = self.headings.get(code, ("", ""))
        return (nl or en) if lang == "nl" else (en or nl)
