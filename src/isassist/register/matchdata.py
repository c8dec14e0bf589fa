"""The hand-written knowledge matching reads: family breadth and transport, uses, want specs.

Five CSV files in knowledge/ (recorded in knowledge/SOURCES.md), so a domain expert changes how
far slag may travel or what "A-hout" excludes without touching code:

- ``match_families.csv``: per material family whether it is narrow (sharing it means the same
  material) or broad (packaging, food waste: a weak hint), how it travels, and its usual state;
- ``transport_modes.csv``: per way of travelling the modes, their reach and cost, with basis;
- ``want_uses.csv``: words in a want that name a use ("veevoeder") and the rule-base route;
- ``want_specs.csv``: what a want can specify (EN 450, dry, untreated wood, a polymer) and
  which supplies cannot meet it;
- ``name_families.csv``: words in a name that give a stream a family its codes do not (a
  polymer named makes yarn plastic, iron chloride and iron sludge are iron salts).

Every row is validated; a wrong row names its file, line and problem.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from isassist.paths import data_dir
from isassist.register.errors import RegisterError

Breadth = Literal["narrow", "broad"]
State = Literal["wet", "liquid", "unknown"]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


T = TypeVar("T", bound=_Row)


class FamilyRow(_Row):
    family: str = Field(min_length=1)
    breadth: Breadth
    transport: str = Field(min_length=1)
    state: State
    part_of: str = ""
    sorting_residue: bool = False


class ModeRow(_Row):
    transport: str = Field(min_length=1)
    mode: str = Field(min_length=1)
    max_km: float = Field(gt=0)
    eur_per_t_km: float | None = Field(default=None, ge=0)
    name_nl: str
    name_en: str
    basis: str = Field(min_length=1)

    @field_validator("eur_per_t_km", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        return None if value == "" else value


class NameFamilyRow(_Row):
    term: str = Field(min_length=1)
    family: str = Field(min_length=1)
    head_only: bool = False
    """A one-word term that counts inside a longer word only as its head, the end of a Dutch
    compound ("fluorsiliciumzuur" is an acid, "zuurstof" is not)."""
    basis: str = ""

    @field_validator("term")
    @classmethod
    def _folded(cls, value: str) -> str:
        return value.strip().casefold()


class UseRow(_Row):
    term: str = Field(min_length=1)
    route: str = Field(min_length=1)
    basis: str = ""


def _terms(value: object) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise ValueError("give terms as text separated by |")
    return tuple(t.strip().casefold() for t in value.split("|") if t.strip())


class SpecRow(_Row):
    spec: str = Field(min_length=1)
    want_terms: tuple[str, ...]
    allowed_ewc: tuple[str, ...] = ()
    required_have_terms: tuple[str, ...] = ()
    excluded_have_terms: tuple[str, ...] = ()
    excluded_states: tuple[str, ...] = ()
    met_have_terms: tuple[str, ...] = ()
    families_meet: tuple[str, ...] = ()
    """Families whose streams meet ``required_have_terms`` without naming them (a spent
    pickling bath is an acid, the family says so)."""
    required_families: tuple[str, ...] = ()
    """A supply of known family must be of one of these (feed takes food, plant and animal
    materials, never a plastic that happens to name calcium)."""
    excluded_ewc_words: tuple[str, ...] = ()
    """Words of the official (English) text of an EWC entry that rule out a supply filed
    under it ("containing chromium")."""
    label_nl: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    gap_nl: str = Field(min_length=1)
    gap_en: str = Field(min_length=1)
    basis: str = Field(min_length=1)

    _split = field_validator(
        "want_terms",
        "allowed_ewc",
        "required_have_terms",
        "excluded_have_terms",
        "excluded_states",
        "met_have_terms",
        "families_meet",
        "required_families",
        "excluded_ewc_words",
        mode="before",
    )(_terms)


def _read(name: str, model: type[T], folder: Path | None = None) -> list[T]:
    path = (folder or data_dir("knowledge")) / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise RegisterError(f"Could not read {path}: {error.strerror or error}.") from error
    found: list[T] = []
    for line, row in enumerate(rows, start=2):
        try:
            found.append(model.model_validate(row))
        except ValidationError as error:
            problem = error.errors()[0]
            column = ".".join(str(p) for p in problem["loc"])
            raise RegisterError(f"{path}:{line}: column {column}: {problem['msg']}") from error
    return found


@dataclass(frozen=True)
class MatchData:
    """The five files, indexed the way matching asks."""

    families: dict[str, FamilyRow]
    modes: dict[str, tuple[ModeRow, ...]]
    uses: tuple[UseRow, ...]
    specs: tuple[SpecRow, ...]
    name_families: tuple[NameFamilyRow, ...] = ()
    """Words in a stream's name that say which family it is besides its codes."""


def load_match_data(folder: Path | None = None) -> MatchData:
    """Read and check the files; a family or transport that is not defined is refused."""
    families = {r.family: r for r in _read("match_families.csv", FamilyRow, folder)}
    modes: dict[str, list[ModeRow]] = {}
    for row in _read("transport_modes.csv", ModeRow, folder):
        modes.setdefault(row.transport, []).append(row)
    for family in families.values():
        if family.part_of and family.part_of not in families:
            raise RegisterError(
                f"match_families.csv: family {family.family!r} is part of {family.part_of!r}, "
                "which the file does not define."
            )
        if family.transport not in modes:
            raise RegisterError(
                f"match_families.csv: family {family.family!r} travels as {family.transport!r}, "
                f"which transport_modes.csv does not define (known: {', '.join(sorted(modes))})."
            )
    named = tuple(_read("name_families.csv", NameFamilyRow, folder))
    for line, name_row in enumerate(named, start=2):
        if name_row.family not in families:
            raise RegisterError(
                f"name_families.csv:{line}: family {name_row.family!r} is not in "
                "match_families.csv."
            )
    specs = tuple(_read("want_specs.csv", SpecRow, folder))
    for line, spec in enumerate(specs, start=2):
        unknown = [f for f in (*spec.required_families, *spec.families_meet) if f not in families]
        if unknown:
            raise RegisterError(
                f"want_specs.csv:{line}: required family {unknown[0]!r} is not in "
                "match_families.csv."
            )
    return MatchData(
        families=families,
        modes={k: tuple(sorted(v, key=lambda m: m.max_km)) for k, v in modes.items()},
        uses=tuple(_read("want_uses.csv", UseRow, folder)),
        specs=specs,
        name_families=named,
    )


@lru_cache(maxsize=1)
def match_data() -> MatchData:
    """The installed files, read once per process."""
    return load_match_data()
