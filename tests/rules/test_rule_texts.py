"""What a broker reads in a conclusion is language, not codes: coded values ("continuous",
"district_heating") are written out in the reader's language, and no placeholder is left
empty."""

from __future__ import annotations

from isassist.facts import VALUE_LABELS
from isassist.rules import get_engine, get_rulebase
from isassist.rules.examples import example_facts

_SLUGS = sorted((k for k in VALUE_LABELS if "_" in k), key=len, reverse=True)


def _all_example_conclusions() -> list[tuple[str, str, str]]:
    engine = get_engine()
    texts = []
    for name, rule_file in get_rulebase().files.items():
        for index, example in enumerate(rule_file.examples):
            interview = f"texts-{name}-{index}"
            try:
                for c in engine.derive(interview, example_facts(example)):
                    texts += [(c.rule_id, lang, c.text[lang]) for lang in ("nl", "en")]
            finally:
                engine.close(interview)
    return texts


def test_conclusion_texts_carry_no_coded_values_or_empty_placeholders() -> None:
    texts = _all_example_conclusions()
    assert len(texts) > 200
    for rule_id, lang, text in texts:
        slug = next((s for s in _SLUGS if s in text), None)
        assert slug is None, f"{rule_id} ({lang}) shows the code {slug!r}: {text}"
        assert " ? " not in f" {text} ".replace("?)", "? ").replace("?,", "? "), (
            f"{rule_id} ({lang}) has an empty placeholder: {text}"
        )


def test_coded_values_read_in_the_readers_language() -> None:
    from isassist.facts import value_label

    assert value_label("district_heating", "nl") == "warmtenet"
    assert value_label("district_heating", "en") == "district heating"
    assert value_label("continuous", "nl") == "continu"
    assert value_label("some_new_route", "en") == "some new route"
    assert value_label("Brouwerij De_Klok", "nl") == "Brouwerij De_Klok"  # free text untouched
