"""Look-ups answer codes in any spelling and words in Dutch or English."""

from __future__ import annotations

import pytest

from isassist.knowledge import CodeError, Knowledge, cas_check_digit_ok, load_knowledge
from isassist.knowledge.lookup import lookup_cas, lookup_cpa, lookup_ewc, lookup_nace


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge(use_cache=False)


@pytest.mark.parametrize("query", ["17 06 05*", "170605", "17 06 05", "17.06.05"])
def test_ewc_by_code_in_any_spelling(kb: Knowledge, query: str) -> None:
    hits = lookup_ewc(kb, query)
    assert hits[0].item.code == "170605" and hits[0].item.hazardous


def test_ewc_subchapter_lists_its_entries(kb: Knowledge) -> None:
    codes = [h.item.code for h in lookup_ewc(kb, "17 05")]
    assert codes[0] == "1705" and "170504" in codes and "170503" in codes


@pytest.mark.parametrize(
    ("query", "expected"),
    [("vliegas", "1901"), ("fly ash", "1001"), ("asbesthoudend bouwmateriaal", "1706")],
)
def test_ewc_by_text_in_dutch_and_english(kb: Knowledge, query: str, expected: str) -> None:
    top = [h.item.code for h in lookup_ewc(kb, query, top=5)]
    assert any(code.startswith(expected) for code in top), top


def test_unknown_ewc_code_finds_nothing(kb: Knowledge) -> None:
    assert lookup_ewc(kb, "99 99 99") == []


def test_nace_by_code_and_text(kb: Knowledge) -> None:
    assert lookup_nace(kb, "3811")[0].item.title_nl == "Inzameling van ongevaarlijk afval"
    assert lookup_nace(kb, "bier")[0].item.code == "11.05"
    assert lookup_nace(kb, "manufacture of beer")[0].item.code == "11.05"


def test_cpa_by_code_and_text(kb: Knowledge) -> None:
    assert lookup_cpa(kb, "381151")[0].item.code == "38.11.51"
    assert any("scrap" in h.item.title_en.lower() for h in lookup_cpa(kb, "scrap", top=3))


@pytest.mark.parametrize(
    ("query", "cas"),
    [
        ("zwavelzuur", "7664-93-9"),
        ("sulphuric acid", "7664-93-9"),
        ("7664939", "7664-93-9"),
        ("piepschuim", "9003-53-6"),
        ("ongebluste kalk", "1305-78-8"),
        ("Toluene", "108-88-3"),
    ],
)
def test_cas_by_number_name_or_synonym(kb: Knowledge, query: str, cas: str) -> None:
    assert lookup_cas(kb, query, top=3)[0].item.cas == cas


def test_cas_name_search_lists_no_substance_that_is_only_a_fragment_of_the_query(
    kb: Knowledge,
) -> None:
    """review3 R99: "fluor" inside "fluorsiliciumzuur" is fluorine (H270 H330), not the acid."""
    found = [h.item.cas for h in lookup_cas(kb, "fluorsiliciumzuur")]
    assert found[0] == "16961-83-4"
    assert "7782-41-4" not in found
    # a whole-word name inside a longer query is still an answer
    assert lookup_cas(kb, "zwavelzuur oplossing")[0].item.cas == "7664-93-9"


def test_mixture_without_single_cas_is_found_by_name(kb: Knowledge) -> None:
    hit = lookup_cas(kb, "vliegas")[0].item
    assert hit.no_single_cas and hit.cas is None


def test_wrong_check_digit_says_which_digit_is_expected(kb: Knowledge) -> None:
    with pytest.raises(CodeError, match=r"last digit should be 9 \(7664-93-9\)"):
        lookup_cas(kb, "7664-93-8")


@pytest.mark.parametrize("text", ["7664-9-39", "12", "7664-93-9-1"])
def test_malformed_cas_is_refused(kb: Knowledge, text: str) -> None:
    with pytest.raises(CodeError):
        lookup_cas(kb, text)


def test_cas_check_digit_ok() -> None:
    assert cas_check_digit_ok("7732-18-5") and cas_check_digit_ok("50-00-0")
    assert not cas_check_digit_ok("7732-18-6") and not cas_check_digit_ok("water")
