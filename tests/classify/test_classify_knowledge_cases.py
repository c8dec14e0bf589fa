"""Codes a broker would check at once (issue 10): each case is the List of Waste's own wording.

- pressed beet pulp is not 02 04 01 "soil from cleaning and washing beet": several terms of
  02 04 99 cover the description, one half-matched term of 02 04 01 does not;
- aluminium dross skimmed from the melt is "skimmings" (10 03 15*/10 03 16); 10 03 09* "black
  drosses from secondary production" is the salt-bearing residue of a recycling smelter;
- gypsum from neutralising sulphuric acid is not 06 01 01* "sulphuric and sulphurous acid":
  the acid was used up.
"""

from __future__ import annotations

import pytest

from isassist.classify import classify


def _first(text: str, sector: str, lang: str, hazardous: str | None = None) -> str:
    return classify(text, sector=sector, lang=lang, top=3, hazardous=hazardous).suggestions[0].code


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("pressed beet pulp: exhausted beet cossettes pressed to 25 % dry matter", "en"),
        ("geperste pulp van suikerbieten na de diffusie", "nl"),
    ],
)
def test_pressed_beet_pulp_is_not_beet_soil(text: str, lang: str) -> None:
    assert _first(text, "10.81", lang) in ("020499", "020304")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("aluminiumdross: afgeroomde dross van de smeltovens met metallisch aluminium", "nl"),
        ("aluminium dross skimmed from the holding furnace", "en"),
    ],
)
def test_dross_skimmed_from_the_melt_is_skimmings(text: str, lang: str) -> None:
    assert _first(text, "24.53", lang, "yes") == "100315"
    assert _first(text, "24.53", lang, "no") == "100316"


def test_black_dross_of_a_salt_furnace_is_black_dross() -> None:
    assert _first("black dross from the rotary salt furnace", "24.42", "en") == "100309"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("gips uit de neutralisatie van zwavelzuur met kalk", "nl"),
        ("gypsum from the neutralisation of sulphuric acid with lime", "en"),
    ],
)
def test_neutralisation_gypsum_is_not_the_acid_it_came_from(text: str, lang: str) -> None:
    codes = [s.code for s in classify(text, sector="20.14", lang=lang, top=3).suggestions]
    assert "060101" not in codes


def test_sour_whey_is_whey_and_no_acid_follows_it() -> None:
    """ "zure wei" is sour whey (02 05); the acids of chapters 05, 06 and 20 are noise behind a
    strong whey match, and the tank it is kept in is no waste tank (16 01 16)."""
    for text in (
        "zure wei van de kaasmakerij",
        "de wei die overblijft na het wrongelen, wordt in een tank van 200 m3 opgevangen",
    ):
        codes = [s.code for s in classify(text, sector="10.51", lang="nl").suggestions]
        assert codes[0] == "020501"
        assert not {"200114", "060106", "050112", "160116"} & set(codes), codes


def test_a_nickel_molybdenum_catalyst_is_coded_by_its_transition_metals() -> None:
    """The List of Waste counts nickel and molybdenum as transition metals (footnote to
    16 08 02): a NiMo hydrotreating catalyst is the 16 08 02*/16 08 03 pair before 16 08 07*."""
    text = "uitgewerkte hydrotreating-katalysator met nikkel en molybdeen"
    codes = [s.code for s in classify(text, sector="19.20", lang="nl", top=3).suggestions]
    assert codes[:2] == ["160802", "160803"], codes
