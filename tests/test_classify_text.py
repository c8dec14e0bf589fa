"""Normalisation and language detection that make Dutch and English wording comparable."""

from __future__ import annotations

from isassist.classify.language import detect_language
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
