"""knowledge/glossary.yaml: every term usable in both languages, every look-up unambiguous."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from isassist.paths import data_dir


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    term_nl: str = Field(min_length=2)
    term_en: str = Field(min_length=2)
    aliases_nl: list[str]
    aliases_en: list[str]
    definition_nl: str = Field(min_length=80)
    definition_en: str = Field(min_length=80)
    related: list[str]
    source: str = Field(min_length=3)


@pytest.fixture(scope="module")
def entries() -> list[GlossaryEntry]:
    path: Path = data_dir("knowledge") / "glossary.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, list)
    return [GlossaryEntry.model_validate(item) for item in raw]


def _names(entry: GlossaryEntry) -> set[str]:
    words = [entry.term_nl, entry.term_en, *entry.aliases_nl, *entry.aliases_en]
    return {word.strip().lower() for word in words}


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text.strip()))


def test_at_least_seventy_terms(entries: list[GlossaryEntry]) -> None:
    assert len(entries) >= 70


def test_ids_are_unique_and_related_terms_exist(entries: list[GlossaryEntry]) -> None:
    ids = [entry.id for entry in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        missing = set(entry.related) - set(ids)
        assert not missing, f"{entry.id}: related terms without an entry: {missing}"


def test_no_alias_leads_to_two_terms(entries: list[GlossaryEntry]) -> None:
    counts = Counter(name for entry in entries for name in _names(entry))
    assert [name for name, count in counts.items() if count > 1] == []


def test_definitions_are_two_to_four_sentences(entries: list[GlossaryEntry]) -> None:
    for entry in entries:
        for text in (entry.definition_nl, entry.definition_en):
            assert 2 <= _sentences(text) <= 4, f"{entry.id}: {text!r}"


def test_dutch_and_english_definitions_differ(entries: list[GlossaryEntry]) -> None:
    for entry in entries:
        assert entry.definition_nl != entry.definition_en, entry.id


@pytest.mark.parametrize(
    "name",
    [
        "ewc-code",
        "eural",
        "cpa-code",
        "cas-nummer",
        "nace-code",
        "spiegelcode",
        "spiegelpost",
        "mirror entry",
        "absolute hazardous entry",
        "bijproduct",
        "end-of-waste",
        "grondstofverklaring",
        "vlarema",
        "ovam",
        "waste hierarchy",
        "r-code",
        "d-code",
        "value mapping",
        "value captured",
        "value destroyed",
        "value missed",
        "value opportunity",
        "4-quadrant view",
        "business model canvas",
        "value proposition",
        "customer segments",
        "customer relationships",
        "channels",
        "key activities",
        "key resources",
        "key partners",
        "cost structure",
        "revenue streams",
        "acid dew point",
        "district heating",
        "heat pump",
        "coefficient of performance",
        "industrial symbiosis",
        "kalundborg",
        "reststroom",
        "reststromenmakelaar",
        "maestri",
        "knowledge gap",
        "barrier",
        "valorisation",
        "cascading use",
        "green-listed waste",
        "notification procedure",
        "waste shipment regulation",
        "adr",
        "reach",
        "clp",
        "animal by-product",
        "feed material",
        "digestate",
        "calorific value",
        "fly ash",
        "bottom ash",
        "fgd gypsum",
        "mill scale",
        "spent grain",
        "gate fee",
    ],
)
def test_the_terms_brokers_ask_about_are_present(entries: list[GlossaryEntry], name: str) -> None:
    assert any(name in _names(entry) for entry in entries), name
