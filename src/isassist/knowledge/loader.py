"""Read knowledge/ into validated records, failing with file, line and problem.

The files are edited by domain experts in a spreadsheet or text editor, so every mistake they
can make (a renamed column, a code that does not exist, a CAS number with a typo, a language
other than nl/en) must stop the load with a message that points at the exact place. Files that
other parts of the team add later (terms/, families, sector map, glossary, densities) may be
absent and then count as empty; a present file is always checked in full.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from isassist.knowledge.base import Knowledge
from isassist.knowledge.codes import cas_check_digit_ok, fold
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
from isassist.yamlfile import read_yaml_file

M = TypeVar("M", bound=BaseModel)
Row = dict[str, Any]


class KnowledgeError(Exception):
    """A knowledge file is missing or broken; the message names file, line and problem."""


@dataclass(frozen=True)
class _Spec:
    """How one CSV file maps onto a model: its columns and how to split multi-valued cells."""

    columns: tuple[str, ...]
    codes: frozenset[str] = frozenset()  # space-separated code lists
    texts: frozenset[str] = frozenset()  # " | "-separated text lists
    ints: frozenset[str] = frozenset()


def _spec(columns: str, codes: str = "", texts: str = "", ints: str = "") -> _Spec:
    return _Spec(
        tuple(columns.split()),
        frozenset(codes.split()),
        frozenset(texts.split()),
        frozenset(ints.split()),
    )


SPECS: dict[str, _Spec] = {
    "ewc.csv": _spec(
        "code level parent text_en text_nl hazardous entry_type mirror_partners nl_note",
        codes="mirror_partners",
        ints="level",
    ),
    "nace.csv": _spec("code level parent section title_en title_nl isic_rev4", ints="level"),
    "cpa.csv": _spec("code level parent section title_en nace", ints="level"),
    "nace_cpa.csv": _spec("nace cpa relation"),
    "cas.csv": _spec(
        "cas name formula ec_number hazard_classes hazard_statements synonyms_en synonyms_nl",
        codes="hazard_statements",
        texts="hazard_classes synonyms_en synonyms_nl",
    ),
    "cas_curated.csv": _spec(
        "cas name_en name_nl kind no_single_cas ec_number synonyms_en synonyms_nl note",
        texts="synonyms_en synonyms_nl",
    ),
    "exchanges.csv": _spec(
        "exchange_id case_id donor_business donor_nace receiver_business receiver_nace "
        "description ewc ewc_hazardous cpa cas final_use treatment_owner treatment "
        "third_party_business third_party_nace status quantities_in_source",
        codes="donor_nace receiver_nace ewc cpa cas third_party_nace",
    ),
    "cases.csv": _spec(
        "case_id authors year title link country typology benefit_types completion "
        "barrier_categories sectors exchanges implemented",
        codes="benefit_types barrier_categories sectors",
        ints="year exchanges implemented",
    ),
    "postcodes.csv": _spec("postcode locality lon lat province_nl province_en region_nl region_en"),
    "waste_operations.csv": _spec("code type name_en text_nl text_en"),
    "families.csv": _spec("family name_nl name_en ewc", codes="ewc"),
    "sector_map.csv": _spec("nace ewc note", codes="ewc"),
    "nace_terms.csv": _spec("term lang nace note"),
    "densities.csv": _spec("material family density_t_m3 low high note source"),
    "terms": _spec("term lang ewc cpa cas sectors family source note", codes="ewc cpa cas sectors"),
}

OPTIONAL = (
    "families.csv",
    "sector_map.csv",
    "nace_terms.csv",
    "glossary.yaml",
    "densities.csv",
    "terms/",
)


class _Reader:
    """Reads one knowledge root; keeps the root so messages show paths relative to it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def where(self, path: Path, line: int | None = None) -> str:
        try:
            name = path.relative_to(self.root.parent).as_posix()
        except ValueError:
            name = str(path)
        return f"{name} line {line}" if line is not None else name

    def rows(self, path: Path, spec: _Spec) -> list[tuple[int, Row]]:
        try:
            handle = path.open(encoding="utf-8", newline="")
        except FileNotFoundError:
            raise KnowledgeError(f"{self.where(path)}: file missing") from None
        with handle:
            try:
                reader = csv.reader(handle)
                header = next(reader, None)
                if header is None:
                    raise KnowledgeError(f"{self.where(path)}: empty file (no header row)")
                self._check_header(path, [h.strip() for h in header], spec)
                names = [h.strip() for h in header]
                out: list[tuple[int, Row]] = []
                for cells in reader:
                    line = reader.line_num
                    if not any(c.strip() for c in cells):
                        continue
                    if len(cells) != len(names):
                        raise KnowledgeError(
                            f"{self.where(path, line)}: {len(cells)} cells, the header has "
                            f"{len(names)} (a comma inside a text needs quotes)"
                        )
                    out.append((line, _convert(dict(zip(names, cells, strict=True)), spec)))
            except UnicodeDecodeError as error:
                raise KnowledgeError(f"{self.where(path)}: not UTF-8 ({error.reason})") from None
            except csv.Error as error:
                raise KnowledgeError(f"{self.where(path)}: malformed CSV ({error})") from None
        return out

    def _check_header(self, path: Path, header: list[str], spec: _Spec) -> None:
        missing = [c for c in spec.columns if c not in header]
        unknown = [c for c in header if c not in spec.columns]
        if missing or unknown or len(set(header)) != len(header):
            problems = []
            if missing:
                problems.append("missing " + ", ".join(missing))
            if unknown:
                problems.append("unknown " + ", ".join(unknown))
            if len(set(header)) != len(header):
                problems.append("a column appears twice")
            raise KnowledgeError(
                f"{self.where(path, 1)}: bad header ({'; '.join(problems)}); expected: "
                + ",".join(spec.columns)
            )

    def records(
        self,
        path: Path,
        model: type[M],
        spec: _Spec,
        adapt: Callable[[Row], Row] | None = None,
    ) -> list[tuple[int, M]]:
        out: list[tuple[int, M]] = []
        for line, row in self.rows(path, spec):
            out.append((line, self.validate(model, adapt(row) if adapt else row, path, line)))
        return out

    def validate(self, model: type[M], data: Row, path: Path, line: int | str) -> M:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            column = ".".join(str(p) for p in first["loc"]) or "row"
            value = data.get(str(first["loc"][0])) if first["loc"] else None
            shown = f" (value {value!r})" if value not in (None, "") else ""
            where = (
                self.where(path, line) if isinstance(line, int) else f"{self.where(path)} {line}"
            )
            raise KnowledgeError(f"{where}: {column}: {first['msg']}{shown}") from None


def _convert(row: dict[str, str], spec: _Spec) -> Row:
    out: Row = {}
    for key, raw in row.items():
        value = raw.strip()
        if not value:
            continue  # empty cell: the model's default
        if key in spec.codes:
            out[key] = tuple(value.split())
        elif key in spec.texts:
            out[key] = tuple(p.strip() for p in value.split("|") if p.strip())
        elif key in spec.ints and value.lstrip("-").isdigit():
            out[key] = int(value)
        else:
            out[key] = value
    return out


def _curated(row: Row) -> Row:
    out = dict(row)
    out["name"] = out.pop("name_en", "")
    out["curated"] = True
    return out


# --------------------------------------------------------------------------- cross checks


class _Checker:
    """Checks that codes named in a file exist in the reference lists."""

    def __init__(self, reader: _Reader, ewc: set[str], nace: set[str], cpa: set[str]) -> None:
        self.reader, self.ewc, self.nace, self.cpa = reader, ewc, nace, cpa

    def _fail(self, path: Path, line: int, message: str) -> None:
        raise KnowledgeError(f"{self.reader.where(path, line)}: {message}")

    def ewc_codes(self, path: Path, line: int, codes: Iterable[str], column: str = "ewc") -> None:
        for code in codes:
            if code not in self.ewc:
                self._fail(path, line, f"{column}: unknown EWC code {code!r} (compact digits)")

    def nace_codes(self, path: Path, line: int, codes: Iterable[str], column: str) -> None:
        for code in codes:
            if code not in self.nace:
                self._fail(path, line, f"{column}: unknown NACE code {code!r} (dotted, e.g. 10.51)")

    def cpa_codes(self, path: Path, line: int, codes: Iterable[str]) -> None:
        for code in codes:
            if code not in self.cpa:
                self._fail(path, line, f"cpa: unknown CPA code {code!r} (dotted, e.g. 38.11.51)")

    def cas_numbers(self, path: Path, line: int, numbers: Iterable[str | None]) -> None:
        for number in numbers:
            if number is not None and not cas_check_digit_ok(number):
                self._fail(path, line, f"cas: {number!r} fails the CAS check digit")


# ------------------------------------------------------------------------------- loading


def read_knowledge(root: Path) -> Knowledge:
    """Read and validate every file under ``root`` (no cache)."""
    reader = _Reader(root)
    ewc_records = reader.records(root / "ewc.csv", EwcItem, SPECS["ewc.csv"])
    ewc = {item.code: item for _, item in ewc_records}
    nace = {i.code: i for _, i in reader.records(root / "nace.csv", NaceItem, SPECS["nace.csv"])}
    cpa = {i.code: i for _, i in reader.records(root / "cpa.csv", CpaItem, SPECS["cpa.csv"])}
    check = _Checker(reader, set(ewc), set(nace), set(cpa))
    for line, item in ewc_records:
        check.ewc_codes(root / "ewc.csv", line, item.mirror_partners, "mirror_partners")
        if item.parent:
            check.ewc_codes(root / "ewc.csv", line, [item.parent], "parent")

    crosswalk = []
    for line, row in reader.rows(root / "nace_cpa.csv", SPECS["nace_cpa.csv"]):
        check.nace_codes(root / "nace_cpa.csv", line, [row.get("nace", "")], "nace")
        check.cpa_codes(root / "nace_cpa.csv", line, [row.get("cpa", "")])
        crosswalk.append((str(row["nace"]), str(row["cpa"])))

    substances: list[CasSubstance] = []
    for name, adapt in (("cas.csv", None), ("cas_curated.csv", _curated)):
        for line, substance in reader.records(root / name, CasSubstance, SPECS[name], adapt):
            check.cas_numbers(root / name, line, [substance.cas])
            if substance.no_single_cas == (substance.cas is not None):
                raise KnowledgeError(
                    f"{reader.where(root / name, line)}: give a CAS number or set "
                    "no_single_cas to true, not both or neither"
                )
            substances.append(substance)

    exchanges = []
    path = root / "exchanges.csv"
    for line, exchange in reader.records(path, Exchange, SPECS["exchanges.csv"]):
        check.ewc_codes(path, line, exchange.ewc)
        check.cpa_codes(path, line, exchange.cpa)
        check.cas_numbers(path, line, exchange.cas)
        for column in ("donor_nace", "receiver_nace", "third_party_nace"):
            check.nace_codes(path, line, getattr(exchange, column), column)
        exchanges.append(exchange)
    exchange_ids = {x.exchange_id for x in exchanges}

    cases = {c.case_id: c for _, c in reader.records(root / "cases.csv", Case, SPECS["cases.csv"])}
    postcodes = [
        p for _, p in reader.records(root / "postcodes.csv", Postcode, SPECS["postcodes.csv"])
    ]
    operations = {
        op.code: op
        for _, op in reader.records(
            root / "waste_operations.csv", WasteOperation, SPECS["waste_operations.csv"]
        )
    }

    families: dict[str, Family] = {}
    path = root / "families.csv"
    if path.exists():
        for line, family in reader.records(path, Family, SPECS["families.csv"]):
            check.ewc_codes(path, line, family.ewc)
            if family.family in families:
                raise KnowledgeError(f"{reader.where(path, line)}: family {family.family!r} twice")
            families[family.family] = family

    sector_map = []
    path = root / "sector_map.csv"
    if path.exists():
        for line, entry in reader.records(path, SectorMapEntry, SPECS["sector_map.csv"]):
            check.nace_codes(path, line, [entry.nace], "nace")
            check.ewc_codes(path, line, entry.ewc)
            sector_map.append(entry)

    nace_terms = _read_nace_terms(reader, check, root / "nace_terms.csv")

    path = root / "densities.csv"
    densities = _read_densities(reader, path) if path.exists() else {}

    terms = _read_terms(reader, check, root / "terms", families, exchange_ids)
    glossary = _read_glossary(reader, root / "glossary.yaml")

    return Knowledge(
        root=root,
        ewc=ewc,
        nace=nace,
        cpa=cpa,
        crosswalk=tuple(crosswalk),
        substances=tuple(substances),
        exchanges=tuple(exchanges),
        cases=cases,
        postcodes=tuple(postcodes),
        waste_operations=operations,
        terms=tuple(terms),
        sector_map=tuple(sector_map),
        nace_terms=tuple(nace_terms),
        families=families,
        glossary=glossary,
        densities=densities,
    )


def read_densities(path: Path) -> dict[str, Density]:
    """densities.csv alone, in file order by material (the one reader of that file: the
    knowledge base and the unit conversions both use it)."""
    return _read_densities(_Reader(path.parent), path)


def _read_densities(reader: _Reader, path: Path) -> dict[str, Density]:
    densities: dict[str, Density] = {}
    seen: dict[str, int] = {}
    for line, density in reader.records(path, Density, SPECS["densities.csv"]):
        if not density.low <= density.density_t_m3 <= density.high:
            raise KnowledgeError(
                f"{reader.where(path, line)}: density_t_m3 {density.density_t_m3} lies "
                f"outside its range {density.low}-{density.high}"
            )
        key = density.material.lower()
        if key in seen:
            raise KnowledgeError(
                f"{reader.where(path, line)}: material {density.material!r} appears twice "
                f"(first on line {seen[key]})"
            )
        seen[key] = line
        densities[density.material] = density
    return densities


def _read_terms(
    reader: _Reader,
    check: _Checker,
    folder: Path,
    families: dict[str, Family],
    exchange_ids: set[str],
) -> list[Term]:
    terms: list[Term] = []
    if not folder.is_dir():
        return terms
    for path in sorted(folder.glob("*.csv")):
        add_file = _with_file(path.name)
        for line, term in reader.records(path, Term, SPECS["terms"], add_file):
            check.ewc_codes(path, line, term.ewc)
            check.cpa_codes(path, line, term.cpa)
            check.cas_numbers(path, line, term.cas)
            check.nace_codes(path, line, term.sectors, "sectors")
            if term.family and families and term.family not in families:
                raise KnowledgeError(
                    f"{reader.where(path, line)}: family: unknown family {term.family!r} "
                    "(see knowledge/families.csv)"
                )
            kind, _, ref = term.source.partition(":")
            if kind == "maestri" and ref.replace(",", "-") not in exchange_ids:
                raise KnowledgeError(
                    f"{reader.where(path, line)}: source: no MAESTRI exchange {ref!r}"
                )
            if kind == "ewc":
                check.ewc_codes(path, line, [ref], "source")
            terms.append(term)
    return terms


def _read_nace_terms(reader: _Reader, check: _Checker, path: Path) -> list[NaceTerm]:
    """Business words and their NACE code; the same word twice in one language is refused,
    because a look-up must land on one code and an expert should choose which."""
    terms: list[NaceTerm] = []
    if not path.exists():
        return terms
    first_line: dict[tuple[str, str], int] = {}
    for line, term in reader.records(path, NaceTerm, SPECS["nace_terms.csv"]):
        check.nace_codes(path, line, [term.nace], "nace")
        key = (fold(term.term), term.lang)
        if key in first_line:
            raise KnowledgeError(
                f"{reader.where(path, line)}: term: {term.term!r} ({term.lang}) is already on "
                f"line {first_line[key]}; keep one row per word and language"
            )
        first_line[key] = line
        terms.append(term)
    return terms


def _with_file(name: str) -> Callable[[Row], Row]:
    def adapt(row: Row) -> Row:
        return {**row, "file": name}

    return adapt


def _read_glossary(reader: _Reader, path: Path) -> dict[str, GlossaryEntry]:
    if not path.exists():
        return {}
    try:
        _, data = read_yaml_file(path)  # bounded, and the C parser the rule files use
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{reader.where(path)}: not valid YAML ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, list):
        raise KnowledgeError(f"{reader.where(path)}: expected a list of entries at the top")
    entries: dict[str, GlossaryEntry] = {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise KnowledgeError(f"{reader.where(path)} item {number}: expected a mapping")
        label = f"item {number} ({item.get('id', '?')})"
        entry = reader.validate(GlossaryEntry, item, path, label)
        if entry.id in entries:
            raise KnowledgeError(f"{reader.where(path)} {label}: id appears twice")
        entries[entry.id] = entry
    owner: dict[str, str] = {}
    for entry in entries.values():
        for ref in entry.related:
            if ref not in entries:
                raise KnowledgeError(
                    f"{reader.where(path)} entry {entry.id}: related: unknown entry {ref!r}"
                )
        names = (entry.term_nl, entry.term_en, *entry.aliases_nl, *entry.aliases_en)
        for name in {fold(n) for n in names}:
            if owner.setdefault(name, entry.id) != entry.id:
                raise KnowledgeError(
                    f"{reader.where(path)} entry {entry.id}: {name!r} already names entry "
                    f"{owner[name]!r}; a look-up must land on one term"
                )
    return entries
