"""The cached rule base is the validated one, follows every edit, and never hides a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from datacopy import data_copy, edit_once
from isassist.rules import RuleBaseError, load_rulebase
from isassist.rules.cache import cached_rulebase, rulebase_cache_path


@pytest.fixture()
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return data_copy("rules", tmp_path, monkeypatch)


def test_the_cached_rule_base_equals_the_files(rules: Path) -> None:
    first = cached_rulebase(rules)
    assert rulebase_cache_path(rules).is_file()
    again = cached_rulebase(rules)
    fresh = load_rulebase(rules)
    assert again.rules == fresh.rules and again.origin == fresh.origin
    assert again.version == fresh.version == first.version


def test_an_edit_is_read_through_the_cache(rules: Path) -> None:
    cached_rulebase(rules)
    edit_once(rules / "heat.yaml", "Restwarmte boven 400 °C", "Restwarmte boven vierhonderd °C")
    edited = cached_rulebase(rules)
    assert any(r.title.nl == "Restwarmte boven vierhonderd °C" for r in edited.rules)


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(rules: Path) -> None:
    cached_rulebase(rules)
    edit_once(rules / "heat.yaml", "kind: heat", "kind: heet")
    with pytest.raises(RuleBaseError, match=r"heat\.yaml"):
        cached_rulebase(rules)


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(rules: Path) -> None:
    cached_rulebase(rules)
    path = rulebase_cache_path(rules)
    path.write_bytes(b"not a pickle")
    assert cached_rulebase(rules).rules == load_rulebase(rules).rules
    assert path.read_bytes() != b"not a pickle"
