"""The location answer finds the country and the law area, never a silent Belgium: a broker
in Flanders also interviews Walloon, Brussels, Dutch and other companies, and the law the
dossier cites follows where the company is."""

from __future__ import annotations

import pytest

from isassist.facts import Company
from isassist.interview.adapters import live_services
from isassist.interview.loader import shipped_dialog
from isassist.interview.parsing import AnswerProblem, Parsed, parse_answer
from isassist.knowledge.places import jurisdiction, jurisdiction_of


def located(text: str, lang: str = "nl") -> Parsed:
    question = shipped_dialog().question("location")
    assert question is not None
    return parse_answer(question, text, lang, live_services())


@pytest.mark.parametrize(
    ("text", "country", "law"),
    [
        ("9000 Gent", "BE", "flanders"),
        ("B-4000 Liège", "BE", "wallonia"),
        ("1000 Brussel", "BE", "brussels"),
        ("NL-4791 Klundert", "NL", "netherlands"),
        ("5928 PN Venlo", "NL", "netherlands"),
        ("Venlo", "NL", "netherlands"),
        ("Luik", "BE", "wallonia"),
        ("D-52062 Aachen", "DE", "eu_other"),
        ("8000 Aarhus", "DK", "eu_other"),  # 8000 is Bruges in Belgium: the town decides
        ("8000 Brugge", "BE", "flanders"),
        ("2000 Antwerpen, België", "BE", "flanders"),
        ("Kopenhagen", "DK", "eu_other"),
    ],
)
def test_postcode_with_country_or_place_name(text: str, country: str, law: str) -> None:
    parsed = located(text)
    assert parsed.extra["country"] == country
    assert parsed.extra["jurisdiction"] == law


@pytest.mark.parametrize(
    ("text", "country", "law"),
    [
        ("55.40, 10.39", "DK", "eu_other"),  # Odense: once answered as Belgium
        ("51.05, 3.72", "BE", "flanders"),
        ("50.63, 5.57", "BE", "wallonia"),
        ("51.37, 6.17", "NL", "netherlands"),
        ("51.33, 3.83", "NL", "netherlands"),  # Terneuzen, across the border from Zelzate
        ("40.71, -74.00", "US", "non_eu"),
    ],
)
def test_coordinates_give_their_own_country(text: str, country: str, law: str) -> None:
    parsed = located(text)
    assert parsed.extra["country"] == country
    assert parsed.extra["jurisdiction"] == law


@pytest.mark.parametrize("text", ["2671 Naaldwijk", "8000 Aarhus"])
def test_a_foreign_town_behind_four_digits_keeps_its_coordinates(text: str) -> None:
    """A Dutch or Danish postcode without its letters or prefix is placed by the town, and
    the town's coordinates come with it (the register needs them for distances)."""
    found = live_services().locate(text)
    assert found is not None and found.country in ("NL", "DK")
    assert found.lat is not None and found.lon is not None


def test_coordinates_at_sea_tell_no_country() -> None:
    parsed = located("54.00, 3.00")  # the middle of the North Sea
    assert "country" not in parsed.extra
    assert parsed.extra["jurisdiction"] == "unknown"


def test_a_belgian_postcode_is_still_its_own_answer() -> None:
    parsed = located("9000 Gent")
    assert parsed.value == "9000" and parsed.extra["region"] == "Oost-Vlaanderen"
    assert located("5928 PN Venlo").value == "5928 PN (NL)"


def test_unknown_postcode_says_how_to_write_a_foreign_one() -> None:
    with pytest.raises(AnswerProblem) as caught:
        located("9999")
    assert "NL-4791" in caught.value.message and caught.value.example


def test_law_area_rules() -> None:
    assert jurisdiction(None) == "unknown"
    assert jurisdiction("BE") == "unknown"  # Belgium without region: three different laws
    assert jurisdiction("FR") == "eu_other" and jurisdiction("CH") == "non_eu"
    # interviews saved before the law area was recorded: from the province
    assert jurisdiction_of("BE", "West-Vlaanderen") == "flanders"
    assert jurisdiction_of("BE", "Henegouwen") == "wallonia"
    assert Company().country is None and Company().jurisdiction == "unknown"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("3195 Pernis, Nederland", "NL"),
        ("4400 Kalundborg, Denmark", "DK"),
        ("73100 Lecce, Italy", "IT"),
        ("PE33 9QG Wissington, United Kingdom", "GB"),
    ],
)
def test_a_named_country_wins_over_a_belgian_looking_postcode(text: str, country: str) -> None:
    assert located(text).extra["country"] == country


def _company_after(location: str) -> tuple[Company, set[str]]:
    from isassist.interview.engine import Interview

    interview = Interview.start(shipped_dialog(), live_services(), mode="broker", language="nl")
    table = {
        "company_name": "Proef",
        "activity": "bier brouwen",
        "nace": "11.05",
        "location": location,
    }
    while (question := interview.current_question()) is not None and question.id in table:
        assert interview.answer(table[question.id]).accepted, question.id
    return interview.facts.company, {c.rule_id for c in interview.conclusions}


def test_the_interview_records_the_law_area_and_cites_law_accordingly() -> None:
    company, conclusions = _company_after("4400 Kalundborg, Denmark")
    assert (company.country, company.jurisdiction) == ("DK", "eu_other")
    assert "legal.location.unknown" not in conclusions
    company, conclusions = _company_after("9000 Gent")
    assert company.jurisdiction == "flanders"
    company, conclusions = _company_after("weet niet")
    assert company.country is None and company.jurisdiction == "unknown"
    assert {"legal.location.unknown", "gap.network.location"} <= conclusions
