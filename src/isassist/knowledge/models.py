"""Typed, immutable records of the knowledge base, one class per kind of file in knowledge/.

Rules, classification and the interview all reason over these records; making them frozen
pydantic models means a record read once can be shared (and cached) without anyone mutating
it, and a data file that does not fit the documented shape is caught at load time, not in the
middle of an interview.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from isassist.knowledge.codes import display_ewc

Codes = tuple[str, ...]


class _Record(BaseModel):
    # defer_build: a start reads the knowledge base from its cache (isassist.knowledge.cache);
    # the validators are built only when knowledge/ files are read.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class EwcItem(_Record):
    """A chapter (level 1), sub-chapter (2) or entry (3) of the European List of Waste."""

    code: str = Field(pattern=r"^\d{2}(\d{2}){0,2}$")
    level: Literal[1, 2, 3]
    parent: str = ""
    text_en: str = Field(min_length=1)
    text_nl: str = Field(min_length=1)
    hazardous: bool | None = None
    entry_type: Literal["absolute", "mirror"] | None = None
    mirror_partners: Codes = ()
    nl_note: str = ""

    @property
    def display(self) -> str:
        return display_ewc(self.code, bool(self.hazardous))


class NaceItem(_Record):
    """A NACE Rev. 2 section, division, group or class (dotted code)."""

    code: str = Field(pattern=r"^([A-U]|\d{2}(\.\d{1,2})?)$")
    level: Literal[1, 2, 3, 4]
    parent: str = ""
    section: str
    title_en: str = Field(min_length=1)
    title_nl: str = ""
    isic_rev4: str = ""


class CpaItem(_Record):
    """A CPA 2.1 product item (six levels, dotted code); titles are English only."""

    code: str = Field(pattern=r"^([A-U]|\d{2}(\.\d{1,2}(\.\d{1,2})?)?)$")
    level: Literal[1, 2, 3, 4, 5, 6]
    parent: str = ""
    section: str
    title_en: str = Field(min_length=1)
    nace: str = ""


class CasSubstance(_Record):
    """A substance or material; ``cas`` is None for a mixture without a single CAS number."""

    cas: str | None = Field(default=None, pattern=r"^\d{2,7}-\d{2}-\d$")
    name: str = Field(min_length=1)
    name_nl: str = ""
    formula: str = ""
    ec_number: str = Field(default="", pattern=r"^(\d{3}-\d{3}-\d)?$")
    hazard_classes: Codes = ()
    hazard_statements: Codes = ()
    synonyms_en: Codes = ()
    synonyms_nl: Codes = ()
    kind: Literal["substance", "polymer", "mineral", "uvcb", "mixture"] = "substance"
    no_single_cas: bool = False
    curated: bool = False
    note: str = ""


class Term(_Record):
    """A colloquial word as people in plants say it, and the codes it stands for."""

    term: str = Field(min_length=1)
    lang: Literal["nl", "en"]
    ewc: Codes = ()
    cpa: Codes = ()
    cas: Codes = ()
    sectors: Codes = ()
    family: str = ""
    source: str = Field(pattern=r"^(hand|seed|maestri:\S+|ewc:\d{2,6})$")
    note: str = ""
    file: str = ""


class NaceTerm(_Record):
    """A word people use for a kind of business ("brouwerij", "sawmill") and its NACE code.

    Official NACE titles name activities ("Vervaardiging van bier"); brokers name the business.
    The code may be a class, group or division: where no single class fits, a coarser code is
    more honest than a guess.
    """

    term: str = Field(min_length=1)
    lang: Literal["nl", "en"]
    nace: str = Field(pattern=r"^\d{2}(\.\d{1,2})?$")
    note: str = ""


class SectorMapEntry(_Record):
    """The EWC sub-chapters (or chapters) where a NACE sector's process waste lives."""

    nace: str
    ewc: Codes = Field(min_length=1)
    note: str = ""


class Family(_Record):
    """A material family; ``ewc`` holds full EWC codes or chapter/sub-chapter prefixes."""

    family: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_nl: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    ewc: Codes = ()

    def covers(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.ewc)


class Exchange(_Record):
    """A documented industrial-symbiosis exchange from the MAESTRI database."""

    exchange_id: str = Field(pattern=r"^\d+-\d+-\d+$")
    case_id: str
    donor_business: str = ""
    donor_nace: Codes = ()
    receiver_business: str = ""
    receiver_nace: Codes = ()
    description: str = ""
    ewc: Codes = ()
    ewc_hazardous: bool = False
    cpa: Codes = ()
    cas: Codes = ()
    final_use: str = ""
    treatment_owner: str = ""
    treatment: str = ""
    third_party_business: str = ""
    third_party_nace: Codes = ()
    status: Literal["implemented", "planned", "feasibility_study"]
    quantities_in_source: bool = False


class Case(_Record):
    """Structured facts about one published MAESTRI case (no prose)."""

    case_id: str = Field(pattern=r"^\d+-\d+$")
    authors: str = ""
    year: int | None = None
    title: str = ""
    link: str = ""
    country: str = ""
    typology: str = ""
    benefit_types: Codes = ()
    completion: Literal["completed", "to_be_confirmed", "feasibility_study", ""] = ""
    barrier_categories: Codes = ()
    sectors: Codes = ()
    exchanges: int = 0
    implemented: int = 0


class Postcode(_Record):
    """A Belgian locality with its postcode, centroid and province/region."""

    postcode: str = Field(pattern=r"^\d{4}$")
    locality: str
    lon: float
    lat: float
    province_nl: str
    province_en: str
    region_nl: str
    region_en: str


class WasteOperation(_Record):
    """A recovery (R) or disposal (D) operation of Directive 2008/98/EC."""

    code: str = Field(pattern=r"^[RD]\d{1,2}$")
    type: Literal["recovery", "disposal"]
    name_en: str
    text_nl: str
    text_en: str


class GlossaryEntry(_Record):
    """A word of the IS/waste vocabulary explained for users without IS background."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    term_nl: str = Field(min_length=1)
    term_en: str = Field(min_length=1)
    aliases_nl: Codes = ()
    aliases_en: Codes = ()
    definition_nl: str = Field(min_length=1)
    definition_en: str = Field(min_length=1)
    related: Codes = ()
    source: str = ""


class Density(_Record):
    """Typical bulk density of a material (with its usual range), to turn m³ into tonnes.

    ``family`` is the material family the row is one form of; the first row of a family is
    its most common form as a producer holds it (see ``isassist.units.densities``).
    """

    material: str = Field(min_length=2)
    family: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    density_t_m3: float = Field(gt=0, le=25)
    low: float = Field(gt=0, le=25)
    high: float = Field(gt=0, le=25)
    note: str = ""
    source: str = Field(min_length=3)
