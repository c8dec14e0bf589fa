"""A want's name as the report and the register show it: the words, not the punctuation
that stood before the amount."""

from __future__ import annotations

import pytest

from isassist.interview.wantfacts import listed_wants


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("jute zakken hergebruiken, 5 ton per jaar", "jute zakken hergebruiken"),
        ("used jute bags, about 5 tonnes a year", "used jute bags"),
        ("houtsnippers: 500 ton per jaar", "houtsnippers"),
        ("gips als bindtijdregelaar", "gips als bindtijdregelaar"),
    ],
)
def test_a_want_name_loses_the_comma_before_its_amount(typed: str, name: str) -> None:
    # R107: "voor jute zakken hergebruiken,?" in the receiver question and the report
    wants = listed_wants({"wants_materials": typed})
    assert wants[0][1] == name
