"""Legal sentences say what their article says, no more (review R60, R66).

A rule example checks that a rule fires; these tests check what the fired text claims, for
claims the reviewer found overstated: a mirror entry "cannot be shown non-hazardous without an
analysis" (the Commission notice on waste classification lets the holder use process knowledge
and safety data sheets first), and "treated wood is not biomass" (the IED excludes only wood
that may contain halogenated organics or heavy metals from preservatives or coatings).
"""

from __future__ import annotations

from collections.abc import Iterator

from isassist.rules import get_rulebase
from isassist.rules.model import AnyRule


def _texts(rule: AnyRule) -> Iterator[tuple[str, str]]:
    then = rule.then
    yield "nl", then.nl
    yield "en", then.en
    mitigation = getattr(then, "mitigation", None)
    if mitigation is not None:
        yield "nl", mitigation.nl
        yield "en", mitigation.en


def _rules_about(words: tuple[str, ...]) -> list[AnyRule]:
    return [
        rule
        for rule in get_rulebase().rules
        if any(word in f"{rule.id} {rule.source}".lower() for word in words)
    ]


def test_no_mirror_entry_text_says_only_an_analysis_can_show_the_hazard() -> None:
    rules = _rules_about(("mirror", "2018/c 124/01"))
    assert len(rules) >= 4
    only_analysis = (
        "without an analysis",
        "zonder analyse",
        "only by analysis",
        "alleen met een analyse",
    )
    for rule in rules:
        for lang, text in _texts(rule):
            claim = next((c for c in only_analysis if c in text.lower()), None)
            assert claim is None, f"{rule.id} ({lang}) says {claim!r}: {text}"


def test_the_mirror_notes_name_process_knowledge_before_an_analysis() -> None:
    ids = {"classification.mirror.no_composition", "barrier.regulatory.mirror_unassessed"}
    rules = [rule for rule in get_rulebase().rules if rule.id in ids]
    assert {rule.id for rule in rules} == ids
    for rule in rules:
        for lang, text in _texts(rule):
            lowered = text.lower()
            if "analys" in lowered:
                assert "proces" in lowered, f"{rule.id} ({lang}): {text}"


def test_the_ied_wood_exclusion_is_stated_as_halogenated_organics_or_heavy_metals() -> None:
    rules = [rule for rule in get_rulebase().rules if "3(31)(b)(v)" in rule.source]
    assert len(rules) >= 2
    for rule in rules:
        assert "halogenated" in rule.source, rule.id
        nl, en = rule.then.nl.lower(), rule.then.en.lower()
        assert "gehalogeneerde" in nl and "zware metalen" in nl, f"{rule.id} (nl): {nl}"
        assert "halogenated" in en and "heavy metals" in en, f"{rule.id} (en): {en}"
