"""Run the ``examples:`` of rule files: facts in, expected rule ids out.

An expert's example is the cheapest test of a rule and the best documentation of what it is
for; running them in ``isassist rules check`` and in pytest keeps both honest.
"""

from __future__ import annotations

from isassist.facts import Answer, Company, Property, Stream, _Fact
from isassist.rules.conclusion import Conclusion
from isassist.rules.engine import FactError, RuleEngine
from isassist.rules.loader import RuleBase, RuleProblem
from isassist.rules.model import Example


def example_facts(example: Example) -> list[_Fact]:
    """The facts an interview would produce for this example.

    The interview derives ``ewc_chapter`` and ``ewc_subchapter`` from ``ewc``; examples get
    the same, so an expert writes the codes once.
    """
    facts: list[_Fact] = [Company.model_validate(example.company)]
    for stream_id, stream in example.streams.items():
        facts.append(Stream(id=stream_id, name=stream.name, kind=stream.kind, role=stream.role))
        values = dict(stream.properties)
        codes = values.get("ewc")
        if codes is not None:
            codes = codes if isinstance(codes, list) else [str(codes)]
            values.setdefault("ewc_chapter", sorted({c[:2] for c in codes}))
            values.setdefault("ewc_subchapter", sorted({c[:4] for c in codes}))
        facts += [
            Property(id=f"{stream_id}.{name}", stream=stream_id, name=name, value=value)
            for name, value in values.items()
        ]
    for answer in example.answers:
        answer_id = answer.question + (f".{answer.stream}" if answer.stream else "")
        facts.append(Answer(id=answer_id, **answer.model_dump()))
    return facts


def run_example(engine: RuleEngine, file: str, index: int, example: Example) -> list[RuleProblem]:
    """Problems with one example; empty when it holds."""
    label = f'example "{example.name}"'
    session = f"example:{file}:{index}"
    try:
        conclusions = engine.derive(session, example_facts(example))
    except (FactError, ValueError) as exc:
        return [RuleProblem(file, None, label, f"its facts are not valid: {exc}")]
    finally:
        engine.close(session)
    fired = {c.rule_id for c in conclusions} | {f"{c.rule_id}@{c.stream_id}" for c in conclusions}
    problems = [
        RuleProblem(file, None, label, f"expected {want} to fire; fired: {_listing(conclusions)}")
        for want in example.expect
        if want not in fired
    ]
    problems += [
        RuleProblem(file, None, label, f"expected {unwanted} not to fire, but it did")
        for unwanted in example.expect_not
        if unwanted in fired
    ]
    return problems


def _listing(conclusions: list[Conclusion]) -> str:
    keys = sorted(f"{c.rule_id}@{c.stream_id}" if c.stream_id else c.rule_id for c in conclusions)
    return ", ".join(keys) or "nothing"


def run_examples(engine: RuleEngine, rulebase: RuleBase | None = None) -> list[RuleProblem]:
    """Problems with every example of ``rulebase`` (default: the engine's own).

    The engine is shared by every load of the same rules, so a freshly loaded rule base may
    carry edited examples that the engine's copy does not have: pass it.
    """
    files = (rulebase or engine.rulebase).files
    problems: list[RuleProblem] = []
    for file, rule_file in files.items():
        for index, example in enumerate(rule_file.examples):
            problems += run_example(engine, file, index, example)
    return problems
