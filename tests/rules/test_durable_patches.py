"""The crashes fixed in the vendored durable_rules (src/vendor/durable-rules/PATCHES.md).

Each case runs in a child process: before the patches, each one killed the process with a
segmentation fault, which would otherwise take the whole test run down with it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_RULE = """
rules:
  - id: t.warm
    kind: heat
    category: temperature
    title: {nl: warm, en: warm}
    when: {stream: {kind: heat, has: {temperature_c: {">=": 55}}}}
    then: {nl: "{stream.name} is warm", en: "{stream.name} is warm"}
    source: test rule
"""


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _crash(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode} (negative: killed by that signal)\n{result.stderr[-2000:]}"


def test_an_empty_batch_goes_through_the_engine_adapter_without_a_crash(tmp_path: Path) -> None:
    # Patch 5: assert_facts(handle, "[]") returned an uninitialised state offset, and taking
    # the rule firings of that state segfaulted.
    (tmp_path / "warm.yaml").write_text(_RULE, encoding="utf-8")
    result = _run(
        """
        import sys
        from isassist.facts import Property, Stream
        from isassist.rules import get_engine
        engine = get_engine(sys.argv[1])
        fired = []
        for ruleset in engine._rulesets:
            ruleset.run(False, [], fired)
            ruleset.run(True, [], None)
        facts = [
            Stream(id="s1", name="koelwater", kind="heat"),
            Property(id="s1.t", stream="s1", name="temperature_c", value=80.0),
        ]
        found = [c.key for c in engine.derive("after-empty", facts)]
        print(len(fired), found, engine.derive("no-facts", []), engine.held_facts())
        """,
        str(tmp_path),
    )
    assert result.returncode == 0, _crash(result)
    assert result.stdout.split() == ["0", "['t.warm@s1']", "[]", "[]"]


def test_deleting_a_session_with_a_half_matched_join_frees_it() -> None:
    # Patch 6: a session whose rules never fired kept an uninitialised action context, and
    # delete_state freed the garbage pointers in it. Freed text left on the heap (as in any
    # long-running process) made the garbage non-zero.
    result = _run(
        """
        import json
        import durable_rules_engine as d
        junk = ["customer_relationships " * (40 + n % 50) for n in range(2000)]
        del junk
        join = {"all": [{"a": {"type": "a"}}, {"b": {"$and": [{"type": "b"}, {"k": {"a": "k"}}]}}]}
        h = d.create_ruleset("half", json.dumps({"r0": join}))
        d.assert_facts(h, json.dumps([{"id": "a", "type": "a", "k": 1}]))
        d.delete_state(h, "0")
        code, state = d.assert_facts(h, json.dumps([{"id": "b", "type": "b", "k": 1}]))
        print(d.start_action_for_state(h, state))
        """
    )
    assert result.returncode == 0, _crash(result)
    # the deleted session forgot fact a: b alone completes no join
    assert result.stdout.split() == ["None"]


def test_sessions_deleted_out_of_creation_order_are_not_visited_again() -> None:
    # Patch 7: the list of sessions that durable walks to find pending rule firings kept
    # pointing at a deleted session.
    result = _run(
        """
        import json
        import durable_rules_engine as d
        join = {"all": [{"a": {"type": "a"}}, {"b": {"$and": [{"type": "b"}, {"k": {"a": "k"}}]}}]}
        h = d.create_ruleset("order", json.dumps({"r0": join}))
        found = set()
        for n in range(200):
            for sid in ("p", "q"):
                facts = [{"sid": sid, "id": "a", "type": "a", "k": 1},
                         {"sid": sid, "id": "b", "type": "b", "k": 1}]
                d.assert_facts(h, json.dumps(facts))
            d.delete_state(h, "p")
            started = d.start_action(h)  # walks every live session for a pending firing
            found.add(json.loads(started[0])["sid"])
            d.delete_state(h, "q")
        print(sorted(found))
        """
    )
    assert result.returncode == 0, _crash(result)
    assert result.stdout.split() == ["['q']"]  # the firing of the live session, every time
