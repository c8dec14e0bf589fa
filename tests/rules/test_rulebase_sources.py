"""Every source a broker can show a client must be public: the "why?" screen and the reports
print it, and a client cannot look up the team's research notes. These tests fail when a rule,
a rule file's description or a glossary entry cites an internal file, or gives no real source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isassist.knowledge import get_knowledge
from isassist.rules import get_engine, get_rulebase, load_rulebase, why
from isassist.rules.examples import example_facts

# Names of the team's internal notes and folders; none of them is findable by a client.
INTERNAL = re.compile(
    r"DOMAIN\.md|METHOD\.md|MODEL_CODEBASES|DURABLE_RULES|notes/|shared/", re.IGNORECASE
)
SHORTEST_SOURCE = 8


def _source_problem(source: str) -> str | None:
    """Why ``source`` cannot be shown to a client, or None when it can."""
    found = INTERNAL.search(source)
    if found:
        return f"names the internal file {found.group(0)!r}"
    if len(source.strip()) < SHORTEST_SOURCE:
        return f"is shorter than {SHORTEST_SOURCE} characters"
    return None


def _rule(rule_id: str, source: str) -> str:
    return f"""\
rules:
  - id: {rule_id}
    kind: heat
    category: temperature
    title: {{nl: Heet, en: Hot}}
    when:
      stream: {{kind: heat, has: {{temperature_c: {{">": 400}}}}}}
    then:
      nl: "{{stream.name}} is heet"
      en: "{{stream.name}} is hot"
    source: "{source}"
"""


def test_every_rule_cites_a_public_source() -> None:
    bad = [
        f"{rule.id}: source {problem}"
        for rule in get_rulebase().rules
        if (problem := _source_problem(rule.source))
    ]
    assert not bad, "\n".join(bad)


def test_rule_file_descriptions_name_no_internal_file() -> None:
    bad = [
        name
        for name, rule_file in get_rulebase().files.items()
        if rule_file.about and INTERNAL.search(rule_file.about)
    ]
    assert not bad, f"rule files whose about: cites an internal note: {bad}"


def test_glossary_sources_are_public() -> None:
    bad = [
        f"{entry.id}: source {problem}"
        for entry in get_knowledge().glossary.values()
        if entry.source and (problem := _source_problem(entry.source))
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("DOMAIN.md §3 (heat travels a few km)", "DOMAIN.md"),
        ("MAESTRI Toolkit-4 step 2C; METHOD.md step 4", "METHOD.md"),
        ("see notes/domain research", "notes/"),
        ("durable_rules.md, experiment 11", "DURABLE_RULES"),
        ("../shared/seed", "shared/"),
        ("Okkes", "shorter than 8"),
        ("       ", "shorter than 8"),
    ],
)
def test_a_rule_citing_internal_notes_or_nothing_is_caught(
    tmp_path: Path, source: str, problem: str
) -> None:
    """The check must catch what a rule writer would plausibly type, read from a real file."""
    (tmp_path / "heat.yaml").write_text(_rule("heat.test.hot", source), encoding="utf-8")
    (rule,) = load_rulebase(tmp_path).rules
    found = _source_problem(rule.source)
    assert found is not None and problem.lower() in found.lower()


def test_a_public_citation_passes(tmp_path: Path) -> None:
    source = "Jensen et al. 2011, Resour. Conserv. Recycl. 55(7):703"
    (tmp_path / "heat.yaml").write_text(_rule("heat.test.hot", source), encoding="utf-8")
    (rule,) = load_rulebase(tmp_path).rules
    assert _source_problem(rule.source) is None


def test_what_a_broker_reads_under_why_cites_no_internal_note() -> None:
    """Run every example dossier and read each conclusion's explanation as the TUI shows it."""
    engine = get_engine()
    seen: set[str] = set()
    for name, rule_file in get_rulebase().files.items():
        for index, example in enumerate(rule_file.examples):
            interview = f"sources-{name}-{index}"
            try:
                conclusions = engine.derive(interview, example_facts(example))
            finally:
                engine.close(interview)
            for conclusion in conclusions:
                seen.add(conclusion.rule_id)
                for lang in ("nl", "en"):
                    text = why(conclusion, lang=lang)
                    assert not INTERNAL.search(text), f"{conclusion.rule_id} ({lang}):\n{text}"
    assert len(seen) > 100, f"the examples fired only {len(seen)} rules"


@pytest.mark.parametrize("rule_id", ["heat.distance.too_far", "barrier.geographic.heat_too_far"])
def test_derived_heat_distance_is_not_presented_as_a_published_threshold(rule_id: str) -> None:
    """The 5-10 km limit is our reading of sEEnergies and Hotmaps; a client must see that."""
    source = get_rulebase().by_id[rule_id].source
    assert "rule of thumb" in source and "not a published threshold" in source
    assert "sEEnergies" in source and "Hotmaps" in source
