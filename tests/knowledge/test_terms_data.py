"""knowledge/terms/*.csv: enough plant wording, in both languages, pointing only at real codes.

The classifier trusts a plant term more than the official EWC texts, so a term that names a code
which does not exist, a sector that does not exist or a family the rules do not know sends a
broker to a wrong or empty answer without any error. Read with the csv module, independent of
the loader, so a loader bug cannot hide a data bug.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from isassist.paths import data_dir

TermRow = tuple[str, int, dict[str, str]]  # file name, line, row

MIN_TERMS = 1500
MIN_DUTCH_SHARE = 0.40
# The List of Waste chapters that are chosen by the producer's activity (procedure step 1),
# plus 17 (construction) and 19 (waste treatment), which are activities too.
SECTOR_CHAPTERS = [f"{n:02d}" for n in range(1, 13)] + ["17", "19"]


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


@pytest.fixture(scope="module")
def knowledge() -> Path:
    return data_dir("knowledge")


@pytest.fixture(scope="module")
def terms(knowledge: Path) -> list[TermRow]:
    rows: list[TermRow] = []
    for path in sorted((knowledge / "terms").glob("*.csv")):
        rows.extend((path.name, line, row) for line, row in _read(path))
    return rows


@pytest.fixture(scope="module")
def ewc_entries(knowledge: Path) -> set[str]:
    return {row["code"] for _, row in _read(knowledge / "ewc.csv") if row["level"] == "3"}


@pytest.fixture(scope="module")
def families(knowledge: Path) -> dict[str, str]:
    return {row["family"]: row["ewc"] for _, row in _read(knowledge / "families.csv")}


def _where(row: TermRow) -> str:
    name, line, values = row
    return f"{name}:{line} {values['term']!r}"


def test_enough_plant_wording(terms: list[TermRow]) -> None:
    assert len(terms) >= MIN_TERMS


def test_dutch_is_at_least_forty_percent(terms: list[TermRow]) -> None:
    languages = Counter(values["lang"] for _, _, values in terms)
    assert set(languages) <= {"nl", "en"}
    assert languages["nl"] / len(terms) >= MIN_DUTCH_SHARE, languages


def _unknown_codes(terms: list[TermRow], column: str, known: set[str]) -> list[str]:
    return [
        f"{_where(row)}: {column} {code}"
        for row in terms
        for code in row[2][column].split()
        if code not in known
    ]


def test_every_ewc_code_is_a_real_entry(terms: list[TermRow], ewc_entries: set[str]) -> None:
    wrong = _unknown_codes(terms, "ewc", ewc_entries)
    assert not wrong, wrong


def test_every_sector_is_a_real_nace_code(terms: list[TermRow], knowledge: Path) -> None:
    nace = {row["code"] for _, row in _read(knowledge / "nace.csv")}
    wrong = _unknown_codes(terms, "sectors", nace)
    assert not wrong, wrong


def test_every_family_is_listed(terms: list[TermRow], families: dict[str, str]) -> None:
    wrong = [
        f"{_where(row)}: {row[2]['family']}"
        for row in terms
        if row[2]["family"] and row[2]["family"] not in families
    ]
    assert not wrong, wrong


def test_a_term_without_ewc_code_is_in_a_not_waste_family(
    terms: list[TermRow], families: dict[str, str]
) -> None:
    """Only heat, water, gas and the like may lack a code; anything else is a forgotten code."""
    not_waste = {family for family, codes in families.items() if not codes.strip()}
    assert not_waste, "families.csv lists no family without EWC codes"
    wrong = [
        _where(row)
        for row in terms
        if not row[2]["ewc"].strip() and row[2]["family"] not in not_waste
    ]
    assert not wrong, wrong


def test_no_row_is_written_twice(terms: list[TermRow]) -> None:
    seen: dict[tuple[str, ...], str] = {}
    twice: list[str] = []
    for row in terms:
        key = tuple(value.strip() for value in row[2].values())
        if key in seen:
            twice.append(f"{_where(row)} repeats {seen[key]}")
        else:
            seen[key] = _where(row)
    assert not twice, twice


def test_every_sector_chapter_is_reached_by_the_sector_map(knowledge: Path) -> None:
    reached = {
        code[:2] for _, row in _read(knowledge / "sector_map.csv") for code in row["ewc"].split()
    }
    missing = [chapter for chapter in SECTOR_CHAPTERS if chapter not in reached]
    assert not missing, f"no sector_map.csv row points into chapter(s) {missing}"
