"""Behaviour of the EWC/CPA classifier that a broker would notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isassist.classify import ClassifyInputError, classify, suggest_cpa

DEV_SET = Path(__file__).parents[1] / "data" / "classification_dev.jsonl"


def _cases() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]


def _codes(text: str, **kwargs: object) -> list[str]:
    return [s.code for s in classify(text, **kwargs).suggestions]  # type: ignore[arg-type]


def test_development_set_is_broad_enough() -> None:
    cases = _cases()
    assert len(cases) >= 120
    assert sum(1 for c in cases if c["lang"] == "nl") / len(cases) >= 0.4
    chapters = {str(code)[:2] for c in cases for code in c["expected"]}  # type: ignore[attr-defined]
    assert chapters >= {f"{n:02d}" for n in range(1, 21)}
    assert any("sector" not in c for c in cases) and any("sector" in c for c in cases)


def test_development_set_top3_at_least_90_percent() -> None:
    cases = _cases()
    top1 = top3 = 0
    for case in cases:
        codes = _codes(str(case["text"]), sector=case.get("sector"), lang=case.get("lang"))
        expected = set(case["expected"])  # type: ignore[call-overload]
        top1 += bool(codes[:1]) and codes[0] in expected
        top3 += bool(set(codes[:3]) & expected)
    assert top3 / len(cases) >= 0.90
    assert top1 / len(cases) >= 0.75


def test_suggestion_carries_code_text_hazard_score_and_reason() -> None:
    result = classify("walshuid van de warmwalserij", sector="24.10")
    best = result.suggestions[0]
    assert best.code == "100210"
    assert best.description == "walshuid"
    assert best.hazardous is False
    assert 0.0 < best.score <= 1.0
    assert "walshuid" in best.why
    assert result.lang == "nl"


def test_english_description_gets_english_official_text() -> None:
    best = classify("mill scale from the rolling mill", sector="24.10").suggestions[0]
    assert best.code == "100210"
    assert best.description == "Mill scales"


def test_packaging_goes_to_15_01_whatever_the_sector() -> None:
    for sector in ("24.10", "10.51", "20.14"):
        assert _codes("kartonnen dozen van de grondstoffen", sector=sector)[0] == "150101"
    best = classify("stretch film from incoming pallets", sector="24.10").suggestions[0]
    assert best.code == "150102"
    assert "15 01" in best.why


def test_office_and_canteen_waste_goes_to_chapter_20() -> None:
    best = classify("etensresten uit de kantine", sector="24.10").suggestions[0]
    assert best.code.startswith("20")
    assert "hoofdstuk 20" in best.why


def test_producer_sector_decides_between_look_alike_entries() -> None:
    text = "slib van afvalwaterbehandeling ter plaatse"
    assert _codes(text, sector="10.51")[0] == "020502"
    assert _codes(text, sector="11.05")[0] == "020705"


def test_99_codes_come_after_specific_entries() -> None:
    codes = _codes("afval van de zuivelindustrie", sector="10.51")
    specific = [c for c in codes if c.startswith("0205") and not c.endswith("99")]
    assert specific and "020599" in codes
    assert codes.index(specific[0]) < codes.index("020599")


def test_mirror_entry_returns_both_sides_and_the_deciding_question() -> None:
    result = classify("teerhoudend asfalt", sector="42.11")
    codes = [s.code for s in result.suggestions]
    assert "170301" in codes and "170302" in codes
    tar = next(s for s in result.suggestions if s.code == "170301")
    assert tar.hazardous
    assert tar.mirror_partners == ("170302",)
    assert "koolteer" in tar.deciding_question
    assert "17 03 01*" in tar.deciding_question and "17 03 02" in tar.deciding_question
    # the Commission notice (2018/C 124/01): process knowledge and data sheets first, an
    # analysis where those are not enough; never as if only an analysis could decide
    assert "proceskennis" in tar.deciding_question


def test_the_deciding_question_in_english_starts_from_process_knowledge() -> None:
    result = classify("old cables from the renovation", lang="en")
    mirrored = [s for s in result.suggestions if s.deciding_question]
    assert mirrored
    assert all("process knowledge" in s.deciding_question for s in mirrored)


def test_deciding_question_names_the_substances_of_the_hazardous_side() -> None:
    result = classify("old cables from the renovation", lang="en")
    cable = next(s for s in result.suggestions if s.code in ("170410", "170411"))
    assert "oil, coal tar" in cable.deciding_question
    soil = classify("excavated soil", lang="en").suggestions[0]
    assert soil.code in ("170504", "170503")
    assert "CLP" in soil.deciding_question


def test_hazard_hint_puts_the_matching_side_first() -> None:
    assert _codes("uitgegraven grond", hazardous="yes")[0] == "170503"
    assert _codes("uitgegraven grond", hazardous="no")[0] == "170504"
    assert _codes("uitgegraven grond, verontreinigd")[0] == "170503"
    assert _codes("uitgegraven grond, niet verontreinigd")[0] == "170504"


def test_negated_words_do_not_match() -> None:
    codes = _codes("asphalt without tar", lang="en")
    assert codes.index("170302") < codes.index("170301")


def test_heat_is_not_waste_and_points_to_cpa_35_30() -> None:
    result = classify("restwarmte van de oven, 180 graden")
    assert result.suggestions == ()
    assert any("CPA 35.30" in note for note in result.notes)
    assert result.cpa[0].code.startswith("35.30")
    english = classify("waste heat from the air compressors")
    assert any("no EWC code" in note for note in english.notes)


def test_by_product_wording_gets_a_note() -> None:
    result = classify("bostel, gaat als veevoeder naar boeren", sector="11.05")
    assert result.suggestions
    assert any("bijproduct" in note for note in result.notes)


def test_cpa_suggestions_from_terms_sector_and_titles() -> None:
    assert suggest_cpa("stoom van de ketel")[0].code.startswith("35.30")
    glass = [c.code for c in suggest_cpa("glass waste", None)]
    assert "38.11.51" in glass
    brewery = [c.code for c in suggest_cpa("bostel", "11.05")]
    assert any(code.startswith("11.05") for code in brewery)


@pytest.mark.parametrize(
    ("text", "sector", "fragment"),
    [
        ("", None, "empty"),
        ("   ", None, "empty"),
        ("x" * 100_000, None, "characters long"),
        ("beton\x00puin", None, "control characters"),
        ("betonpuin", "99.99", "unknown NACE"),
        ("betonpuin", "bakkerij", "not a NACE code"),
    ],
)
def test_bad_input_gets_a_message_not_a_crash(text: str, sector: str | None, fragment: str) -> None:
    with pytest.raises(ClassifyInputError, match=fragment):
        classify(text, sector=sector)


def test_language_is_detected_or_taken_as_given() -> None:
    assert classify("street sweepings").lang == "en"
    assert classify("walshuid").lang == "nl"
    assert classify("walshuid", lang="en").suggestions[0].description == "Mill scales"


def test_producer_sector_comes_before_chapter_20_for_bare_words() -> None:
    # Demolition scrap is the demolisher's own chapter 17, not municipal 20 01 40.
    assert _codes("ijzerschroot van de sloop", sector="43.11")[0].startswith("1704")
    assert _codes("plastic afval", sector="22.22")[0] == "070213"
    # Office wording still goes to chapter 20, whatever the sector.
    assert _codes("papier van het kantoor", sector="25.62")[0] == "200101"


def test_container_named_as_unit_is_not_packaging() -> None:
    assert _codes("houtkrullen, twee big bags per week", sector="16.10")[0].startswith("0301")
    assert _codes("houtkrullen in zakken", sector="16.10")[0].startswith("0301")
    # Discarded containers are packaging.
    assert _codes("lege vaten van de verfstraat", sector="25.61")[0].startswith("1501")


@pytest.mark.parametrize(
    ("text", "lang", "before", "after"),
    [
        ("isolatieolie uit een transformator, PCB-vrij", "nl", "130310", "130301"),
        ("insulating oil, free of PCBs", "en", "130310", "130301"),
        ("insulating oil with PCBs", "en", "130301", "130310"),
        ("autowrak, niet gedepollueerd", "nl", "160104", "160106"),
        ("autowrak, gedepollueerd", "nl", "160106", "160104"),
        ("halogeenvrije snijolie", "nl", "120107", "120106"),
    ],
)
def test_negations_are_read_both_ways(text: str, lang: str, before: str, after: str) -> None:
    codes = _codes(text, lang=lang, top=10)
    assert before in codes
    assert after not in codes or codes.index(before) < codes.index(after)


def test_denied_substance_is_named_in_the_reason() -> None:
    result = classify("insulating oil, free of PCBs", lang="en", top=10)
    pcb = next(s for s in result.suggestions if s.code == "130301")
    assert "contains what the description excludes" in pcb.why


def test_named_metal_decides_ferrous_or_non_ferrous() -> None:
    assert _codes("koperkrullen van de draaibank", sector="25.62")[0] == "120103"
    assert _codes("brass turnings", sector="25.62", lang="en")[0] == "120103"
    assert _codes("ijzervijlsel van de draaibank", sector="25.62")[0] == "120101"


def test_service_sectors_steer_to_their_chapter() -> None:
    assert _codes("gebruikte fixeer en ontwikkelaar", sector="74.20")[0].startswith("0901")
    assert _codes("afgewerkte perchloorethyleen", sector="96.01")[0].startswith("1406")
    assert _codes("gebruikte naalden", sector="75.00")[0] == "180201"
    assert _codes("gebruikte naalden", sector="86.10")[0] == "180101"


def test_generic_adjectives_and_apostrophes_do_not_steer() -> None:
    # "oude" must not pull in "oude olie"; the "s" of "foto's" is no word.
    assert "130205" not in _codes("oude ruiten van auto's", sector="45.20")[:3]
    assert _codes("oude röntgenfoto's")[0] == "090107"


def test_off_spec_batch_goes_to_the_producers_chapter_and_a_traders_to_16_03() -> None:
    """The List of Waste puts a producer's failed batch in its own chapter first."""
    producer = classify("mislukte productieuitval PP", sector="22.29")
    assert not producer.suggestions[0].code.startswith("1603")
    trader = classify("niet-conforme batch kunstmest", sector="46.75")
    assert any(s.code.startswith("1603") for s in trader.suggestions[:3])


@pytest.mark.parametrize(
    ("text", "sector", "sub_chapter"),
    [
        ("filterkoek", "20.20", "0704"),
        ("moederloog", "20.16", "0702"),
        ("destillatieresidu", "21.20", "0705"),
        ("spoelwater", "20.41", "0706"),
        ("filterkoek", "20.14", "0701"),
        ("moederloog", "20.59", "0707"),
        ("still bottoms", "20.20", "0704"),
        ("mother liquor", "20.41", "0706"),
        ("slib van afvalwaterbehandeling ter plaatse", "10.51", "0205"),
        ("slib van afvalwaterbehandeling", "11.05", "0207"),
    ],
)
def test_sector_picks_the_sub_chapter_among_parallel_entries(
    text: str, sector: str, sub_chapter: str
) -> None:
    """Every 07 (and 02) sub-chapter repeats the same entries; only the producer decides."""
    top = classify(text, sector=sector).suggestions[0]
    assert top.code.startswith(sub_chapter)


def test_borrowed_evidence_is_explained() -> None:
    result = classify("filterkoek van de productie van gewasbeschermingsmiddelen", sector="20.20")
    top = result.suggestions[0]
    assert top.code == "070410"
    assert "zelfde tekst als 07 01 10" in top.why and "sector" in top.why
    # Without a sector there is nothing to decide with, so nothing is borrowed.
    plain = classify("filterkoek van de productie van gewasbeschermingsmiddelen", top=10)
    assert plain.suggestions and not any("zelfde tekst" in s.why for s in plain.suggestions)


def test_unknown_word_with_a_sector_gives_that_sectors_common_codes_ranked_low() -> None:
    result = classify("grobbelspul", sector="11.05", lang="nl")
    codes = [s.code for s in result.suggestions]
    assert codes and all(c.startswith("0207") for c in codes)
    assert "020799" not in codes[:-1]  # the 99 entry only ever comes last
    assert all(s.score < 0.2 for s in result.suggestions)
    assert all("geen woord herkend" in s.why for s in result.suggestions)
    assert any("materiaal" in n and "proces" in n for n in result.notes)
    real = classify("bostel", sector="11.05", lang="nl").suggestions[0]
    assert real.score > result.suggestions[0].score


def test_unknown_word_puts_the_99_entry_last_when_the_list_reaches_it() -> None:
    codes = [s.code for s in classify("grobbelspul", sector="11.05", top=20).suggestions]
    assert codes[-1] == "020799"
    assert codes[:2] == ["020705", "020704"]  # wording the whole of chapter 02 shares


def test_unknown_word_without_a_sector_invents_no_code() -> None:
    for lang, words in (("nl", ("materiaal", "activiteit")), ("en", ("material", "activity"))):
        result = classify("grobbelspul", lang=lang)
        assert result.suggestions == ()
        assert any(all(w in n for w in words) for n in result.notes)


def test_unknown_word_in_a_sector_without_process_chapter_invents_no_code() -> None:
    result = classify("grobbelspul", sector="62.01", lang="en")
    assert result.suggestions == ()
    assert any("material" in n for n in result.notes)


def test_typo_in_the_tail_of_a_compound_still_finds_the_term() -> None:
    """ "bierborstel" is a brewer's "bostel" mistyped behind a known head word."""
    top = classify("bierborstel uit het brouwhuis", sector="11.05").suggestions[0]
    assert top.code.startswith("0207") and "bostel" in top.why


def test_a_word_for_what_happened_to_a_stream_brings_in_no_other_sectors_codes() -> None:
    """Review R38: "gebruikt" and "behandeld" are in the texts of foundry cores, pickling bases,
    coal tar and photographic waste; sharing only that word is no evidence, with or without
    the producer's sector."""
    for text in ("gebruikte kiezelgoer van de bierfiltratie", "gistroom, hittebehandeld"):
        for sector in (None, "11.05"):
            result = classify(text, sector=sector, lang="nl")
            codes = [s.code for s in result.suggestions]
            assert codes and codes[0].startswith("02"), (text, sector, codes)
            assert not [s.code for s in result.suggestions if s.hazardous], (text, sector)
            assert not [c for c in codes if c[:2] in ("09", "10", "11", "17")], (text, codes)


def test_solid_plates_never_get_the_liquid_developers_code() -> None:
    """Review R75: 09 01 02* is the spent developer SOLUTION; the aluminium plates it was used on
    are metal. The developer itself still gets it."""
    for text in ("gebruikte aluminium offsetplaten", "used aluminium printing plates"):
        codes = _codes(text, sector="18.12")
        assert codes[0] == "170402", codes
        assert not {"090101", "090102", "090103"} & set(codes), codes
    assert _codes("ontwikkelaar van de offsetplaten", sector="18.12")[0] == "090102"


def test_steel_turnings_put_the_non_ferrous_entry_behind_the_oils() -> None:
    """Review R33: "stalen" says steel; non-ferrous filings (12 01 03) may be listed, but never
    next to the ferrous entry. Copper turnings still get 12 01 03 first."""
    codes = _codes("stalen draaikrullen met snijolie", sector="25.62")
    assert codes[0] == "120101"
    assert "120103" not in codes[:2], codes
    assert _codes("koperkrullen", sector="25.62")[0] == "120103"


def test_slaughter_blood_is_material_unsuitable_for_consumption_not_tissue() -> None:
    """LoW 02 02 02 is animal-tissue waste; blood is not a tissue in the list's sense (the list
    names blood apart from body parts in 18 01 02). 02 02 03 first, in both languages."""
    assert _codes("bloed van het slachten", sector="10.11")[0] == "020203"
    assert _codes("slaughterhouse blood", sector="10.11")[0] == "020203"


def test_a_material_the_words_name_contradicts_the_entry_free_of_it() -> None:
    """Review3 R88: "slib ... met chroom" is not "chroomvrij slib" (04 01 07); the chromium
    entry 04 01 06 comes first, and "chroomvrij" still picks 04 01 07."""
    assert _codes("slib van de waterzuivering met chroom", sector="15.11")[0] == "040106"
    assert _codes("chroomvrij slib van de waterzuivering", sector="15.11")[0] == "040107"


def test_a_solid_named_after_the_acid_it_came_from_is_not_that_acid() -> None:
    """Review3 R85: phosphogypsum filtered from phosphoric acid is calcium-based reaction waste
    (06 09), the non-hazardous side first on a tie; the acid itself keeps 06 01 04*."""
    codes = _codes("fosfogips van de fosforzuurfilters", sector="20.13")
    assert codes[0] == "060904" and "060104" not in codes, codes
    assert _codes("fosforzuur met wat gips", sector="20.13")[0] == "060104"


def test_an_acid_the_list_does_not_name_is_other_acids() -> None:
    """Review3 R87: 06 01 names five acids; fluorosilicic acid is none of them (not 06 01 02*
    hydrochloric acid)."""
    assert _codes("fluorsiliciumzuur 20 %", sector="20.13")[0] == "060106"
    assert _codes("zoutzuur", sector="20.13")[0] == "060102"


def test_weak_fragments_from_other_chapters_give_way_to_the_sectors_common_codes() -> None:
    """Review3 R101: "branden" (roasting) is no fuel 13 07 03*, "zilver" of zilvervlies no
    photographic silver; only fragments matched, so the sector's usual codes come instead."""
    text = (
        "het dunne vliesje rond de boon dat tijdens het branden loskomt en in de cycloon wordt "
        "opgevangen"
    )
    result = classify(text, sector="10.83", lang="nl")
    assert result.suggestions and result.suggestions[0].code.startswith("02")
    assert not [s.code for s in result.suggestions if s.hazardous]


def test_a_compound_is_read_by_its_known_words_not_by_fragments() -> None:
    """Review3 R89: "aardappelzetmeel" is potato starch (02 03 04), not "aard" of schuimaarde
    (02 04 02, the sugar sub-chapter)."""
    assert _codes("aardappelzetmeel", sector="10.31")[0] == "020304"


def test_the_first_phrase_says_what_the_stream_is() -> None:
    """Review3 R109/R85: the plates are metal though "developed" and "ink" follow; phosphogypsum
    is gypsum though the phosphoric acid it was filtered from follows; the developer is still
    the developer."""
    plates = (
        "used aluminium printing plates, exposed and developed aluminium offset plates after "
        "the print run, with some ink on them"
    )
    assert _codes(plates, sector="18.12")[0] == "170402"
    gypsum = "fosfogips calciumsulfaat dihydraat van de filtratie van het fosforzuur, vochtig"
    assert _codes(gypsum, sector="20.13")[0] == "060904"
    assert _codes("offset plate developer, water-based", sector="18.12")[0] == "090102"


def test_a_producers_own_group_beats_a_sibling_groups_sub_chapter() -> None:
    """Review3 R93: division 23 lists glass (10 11), bricks (10 12) and cement (10 13); a brick
    works (23.32) gets the ceramics sub-chapter for its scrubber lime, not the glass one."""
    text = "gebruikte kalk van de rookgasreiniging, kalkhydraat uit de droge rookgaswasser"
    codes = _codes(text, sector="23.32")
    assert all(c.startswith("1012") for c in codes[:3]), codes


def test_tannery_fleshings_are_the_tannery_chapter() -> None:
    """Review3 R92: limed flesh and fat from fleshing hides at a tannery is 04 01 01."""
    assert _codes("gekalkt vleesafval van het ontvlezen van runderhuiden", sector="15.11")[0] == (
        "040101"
    )


def test_where_a_stream_arises_does_not_make_it_packaging() -> None:
    """Review3 R111: rejected tablets "van de verpakkingslijn" are the maker's solid waste
    (07 05 13*/07 05 14), not plastic packaging; film from that line still is packaging."""
    codes = _codes("afgekeurde tabletten en poeders van de verpakkingslijn", sector="21.20")
    assert set(codes[:2]) == {"070513", "070514"}, codes
    assert _codes("folie van de verpakkingslijn", sector="21.20")[0] == "150102"


def test_dressed_seed_is_agrochemical_waste_and_cocoa_shells_are_cocoa_processing() -> None:
    """Review3 R114/R115: treated seed is the agrochemical mirror pair 02 01 08*/09; cocoa
    bean shells at a chocolate maker are cocoa processing (02 03, its heading names cocoa)."""
    codes = _codes("overjarig zaaigoed met ontsmettingsmiddel", sector="01.13")
    assert set(codes[:2]) == {"020108", "020109"}, codes
    assert _codes("cacaodoppen van de bonenbranderij", sector="10.82")[0] == "020304"


def test_the_named_solvent_picks_aqueous_halogenated_or_other_organic() -> None:
    """Review3 R112: each 07 sub-chapter has aqueous (x1), halogenated (x3) and other organic
    (x4) washing liquids and mother liquors; methanol and acetone are other organic, DCM is
    halogenated, and only water words keep the aqueous entry first."""
    assert _codes("moederloog met methanol en aceton uit de API-synthese", sector="21.10")[0] == (
        "070504"
    )
    assert _codes("moederloog met dichloormethaan en methanol", sector="21.10")[0] == "070503"
    assert _codes("waterige moederloog met sporen methanol", sector="21.10")[0] == "070501"
    assert _codes("wasvloeistof met tolueen", sector="20.14")[0] == "070104"


def test_urban_sewage_sludge_only_for_a_sewage_works_or_urban_words() -> None:
    """Review3 R113: 19 08 05 is sludge of URBAN waste water (NACE 37); a laundry's own
    flotation sludge, with no effluent entry in its own chapter, is industrial waste-water
    sludge 19 08 13*/14; a food plant keeps its own on-site entry."""
    codes = _codes("wasserijslib uit de flotatie van het afvalwater", sector="96.01")
    assert set(codes[:2]) == {"190813", "190814"}, codes
    assert "190805" not in codes
    assert _codes("zuiveringsslib", sector="37.00")[0] == "190805"
    assert _codes("slib van de rwzi", sector="96.01")[0] == "190805"
    assert _codes("flotatieslib", sector="10.13")[0] == "020204"


def test_how_a_product_was_made_does_not_make_it_waste_treatment_output() -> None:
    """Review3 R90: "calcium-zink gestabiliseerd" PVC from an extruder (22.23) is plastic
    waste 07 02 13, not 19 03 05 stabilised waste of a waste-treatment plant; a treater of
    hazardous waste (38.22) still gets 19 03 for its stabilised waste."""
    codes = _codes(
        "zuivere witte PVC-zaagresten en opstartafval van de extrusie, calcium-zink gestabiliseerd",
        sector="22.23",
    )
    assert codes[0] == "070213", codes
    assert not any(c.startswith("19") for c in codes), codes
    assert _codes("gestabiliseerd afval", sector="38.22")[0] in {"190304", "190305"}


def test_a_99_code_only_when_the_sub_chapter_has_nothing_that_fits() -> None:
    """Review3 R115: trub and beer sediment are materials unsuitable for consumption or
    processing (02 07 04); 02 07 99 "not otherwise specified" only behind it."""
    codes = _codes("bierbezinksel en trub", sector="11.05")
    assert codes[:2] == ["020704", "020799"], codes
    assert _codes("hot trub from the wort kettle", sector="11.05")[0] == "020704"


def test_a_producers_own_effluent_sludge_is_not_waste_treatment_output() -> None:
    """Review3 R90 (general part): chapter 19 outside 19 08/19 09 is for waste-treatment
    facilities; a plater's (25.61) sludge of its own physico-chemical effluent treatment is
    its own chapter's 11 01 09*/10, not 19 02 05*/06."""
    codes = _codes("slib van de fysico-chemische waterzuivering", sector="25.61")
    assert set(codes[:2]) == {"110109", "110110"}, codes
    assert _codes("slib van fysisch-chemische behandeling", sector="38.22")[0] in {
        "190205",
        "190206",
    }
