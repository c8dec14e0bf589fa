"""The rule engine read from the cache derives what a freshly compiled one derives (issue 14:
start-up; the cache saves compiling the rules on every start)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from isassist.facts import Company
from isassist.rules import get_rulebase
from isassist.rules.cache import cached_engine
from isassist.rules.engine import RuleEngine
from isassist.rules.examples import example_facts


def test_an_engine_read_back_concludes_what_the_compiled_one_concludes() -> None:
    rulebase = get_rulebase()
    compiled = RuleEngine(rulebase)
    read_back = pickle.loads(pickle.dumps(compiled)).with_rulebase(rulebase)
    compared = 0
    for index, (_file, example) in enumerate(rulebase.examples()):
        facts = example_facts(example)
        if not any(isinstance(f, Company) for f in facts):
            facts = [Company(), *facts]
        want = compiled.derive(f"fresh-{index}", facts)
        got = read_back.derive(f"read-{index}", facts)
        assert [c.model_dump() for c in got] == [c.model_dump() for c in want], example
        compared += bool(want)
    assert compared > 50  # the examples really fire rules


def test_the_cache_is_written_once_and_refused_for_another_rule_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path))
    rulebase = get_rulebase()
    built: list[RuleEngine] = []

    def build(rb: object) -> RuleEngine:
        built.append(RuleEngine(rulebase))
        return built[-1]

    first = cached_engine(rulebase, build, RuleEngine)
    assert len(built) == 1 and list(tmp_path.glob("engine-*.pickle"))
    again = cached_engine(rulebase, build, RuleEngine)
    assert len(built) == 1  # read from the cache, not compiled again
    assert again is not first and again.rulebase is rulebase
    assert again.ruleset_names == first.ruleset_names
    other = pickle.loads(pickle.dumps(first))
    other._rulesets[0].name = "isassist@another.stream.0"
    with pytest.raises(ValueError, match="another rule base"):
        other.with_rulebase(rulebase)


def test_the_installed_engine_starts_without_the_rule_base_and_loads_it_when_needed() -> None:
    """The TUI's start reads the engine from the cache and derives without the rule base
    (issue 14: start-up); the rule base is loaded when the engine first needs it."""
    import subprocess
    import sys

    code = (
        "from isassist.rules import installed_engine, installed_rulebase\n"
        "installed_engine()\n"  # writes the cache on a first run
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300, capture_output=True)
    code += (
        "import isassist.rules as r\n"
        "from isassist.facts import Company\n"
        "engine = r.installed_engine()\n"
        "engine.derive('x', [Company(mode='broker', language='nl')])\n"
        "print('LOADED', r.installed_rulebase.cache_info().currsize)\n"
        "print('RULES', len(engine.rulebase.rules) > 100)\n"
        "print('LOADED', r.installed_rulebase.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, timeout=300, capture_output=True, text=True
    )
    assert done.stdout.split() == ["LOADED", "0", "RULES", "True", "LOADED", "1"]
