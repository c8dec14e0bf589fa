"""Normalisation and language detection that make Dutch and English wording comparable."""

from __future__ import annotations

import pytest

from isassist.classify.language import detect_language
from isassist.classify.procedure import read_cues
from isassist.classify.text import Analyzer, fold, stem, words


def test_fold_removes_accents_case_and_punctuation() -> None:
    assert fold("Oliën & Vetten (afgewerkt)") == "olien vetten afgewerkt"


def test_plural_and_singular_meet() -> None:
    assert stem("slakken") == stem("slak")
    assert stem("sludges") == stem("sludge")
    assert stem("kunststoffen") == stem("kunststof")


def test_code_references_and_stop_words_are_dropped() -> None:
    assert words("niet onder 17 05 03 vallende grond en stenen") == ["grond", "stenen"]


def test_dutch_compounds_split_into_known_parts() -> None:
    analyzer = Analyzer({"hout", "afval", "bouw", "slib", "koek", "mest", "glas"})
    assert set(analyzer.tokens("houtafval")) >= {"houtafval", "hout", "afval"}
    assert set(analyzer.tokens("slibkoek")) >= {"slib", "koek"}
    assert "mest" in analyzer.tokens("varkensmest")
    assert "glas" in analyzer.tokens("glasscherven")
    assert analyzer.tokens("beton") == ["beton"]


def test_english_is_not_split_on_partial_matches() -> None:
    analyzer = Analyzer({"line", "alkal"})
    assert "line" not in analyzer.tokens("alkaline", dutch=False)


def test_language_detection() -> None:
    assert detect_language("slib van de waterzuivering") == "nl"
    assert detect_language("sludge from the waste water treatment") == "en"
    assert detect_language("zeefzand") == "nl"
    known = {"nl": frozenset({"veegvuil"}), "en": frozenset({"sweepings", "street"})}
    assert detect_language("street sweepings", known) == "en"


@pytest.mark.parametrize(
    ("text", "denied", "hazard"),
    [
        ("transformer oil, tested PCB-free", "pcb", "no"),
        ("grond vrij van olie", "olie", "no"),
        ("olievrij water", "olie", "no"),
        ("bouwpuin zonder asbest", "asbest", "no"),
        ("autowrak, niet gedepollueerd", "gedepollueerd", "yes"),
        ("no chlorine", "halogens", "no"),
    ],
)
def test_negations_name_what_is_denied_and_the_hazard_side(
    text: str, denied: str, hazard: str
) -> None:
    cues = read_cues(fold(text).split())
    assert stem(denied) in cues.negated
    assert cues.hazard == hazard


def test_container_as_unit_is_a_carrier_not_packaging() -> None:
    unit = read_cues(fold("zaagsel, drie big bags per maand").split())
    assert not unit.packaging and "bags" in unit.carriers
    assert read_cues(fold("lijmresten in vaten").split()).carriers == {"vaten"}
    assert read_cues(fold("lege vaten").split()).packaging
    assert read_cues(fold("kapotte paletten").split()).packaging


def test_broker_shorthand_is_written_out() -> None:
    assert words("afgw. olie") == ["afgewerkt", "olie"]
    assert words("inhoud KWS-afscheider", "nl") == ["inhoud", "koolwaterstof", "afscheider"]
    # "roestvrij" (stainless) names a steel; it denies no rust and no hazard.
    assert read_cues(fold("roestvrij staal").split()).hazard == "unknown"


def test_compound_inside_a_compound_meets_its_inner_words() -> None:
    """ "gipsplaatresten" is gipsplaat + resten, and gipsplaat is gips + plaat."""
    analyzer = Analyzer({"gips", "plaat", "gipsplaat", "rest"})
    tokens = analyzer.tokens("gipsplaatresten")
    assert {stem("gips"), "plaat", "rest"} <= set(tokens)


def test_ash_ends_a_compound() -> None:
    """ "bodemas" and "vliegas" are kinds of ash, though "as" is a two-letter word."""
    analyzer = Analyzer({"bodem", "vlieg"})
    assert "as" in analyzer.tokens("bodemas")
    assert "as" in analyzer.tokens("vliegas")


def test_container_followed_by_its_contents_is_the_carrier_unless_empty() -> None:
    """ "big bags met zandstraalmiddel" is blasting grit; "lege drums met resten" is packaging."""
    full = read_cues(fold("big bags met gebruikt zandstraalmiddel").split())
    assert "bags" in full.carriers and not full.packaging
    empty = read_cues(fold("lege drums met resten van hars").split())
    assert empty.packaging


def test_vrij_before_a_degree_word_means_rather_not_free_of() -> None:
    # "met vrij veel olie" says the sludge is oily; it must not read as "free of sludge"
    from isassist.classify import classify

    rather = classify("slib met vrij veel olie uit de afscheider", sector="45.20", lang="nl")
    plain = classify("slib met veel olie uit de afscheider", sector="45.20", lang="nl")
    assert rather.suggestions[0].code == plain.suggestions[0].code == "130502"
    assert rather.suggestions[0].score == plain.suggestions[0].score
    free = classify("transformatorolie, PCB vrij", lang="nl")
    assert not free.suggestions[0].hazardous or "PCB" not in free.suggestions[0].description
