"""Check that every question a rule names is a question the interview really asks.

Rules and dialogs are edited by different people. A rule that tests ``unanswered:
[stream.animal_origin]`` when the dialog id is ``animal_origin`` always holds, and a knowledge
gap whose ``question:`` names no dialog question is never offered: both fail silently at run
time. This check makes them load-time problems with the file, the rule and a "did you mean".

Deriving never needs the dialog (rules reason over facts only), so this check lives in a layer
of its own above both isassist.rules and isassist.interview: the rules package never imports
the interview.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from isassist.interview.loader import load_dialog
from isassist.rules.loader import RuleBase, RuleProblem
from isassist.rules.model import AnyRule, RuleFile
from isassist.rules.vocabulary import did_you_mean

# ``then`` extras that name a dialog question (knowledge gaps and follow-ups).
QUESTION_KEYS = ("question", "question_id", "follow_up")


def dialog_question_ids(dialogs_dir: Path | None = None) -> set[str]:
    """Every question id of the dialog in ``dialogs_dir`` (default: the shipped dialogs/)."""
    dialog = load_dialog(dialogs_dir)
    return {q.id for section in dialog.sections for q in section.questions}


def check_question_ids(
    rulebase: RuleBase, dialogs_dir: Path | None = None, known: Collection[str] | None = None
) -> list[RuleProblem]:
    """One problem per question id that no dialog question carries.

    ``known`` replaces the dialog look-up (for tests and for callers that loaded it already).
    """
    ids = set(known) if known is not None else dialog_question_ids(dialogs_dir)
    problems: list[RuleProblem] = []
    for file_name, rule_file in rulebase.files.items():
        for rule in rule_file.rules:
            line = rulebase.origin[rule.id].line if rule.id in rulebase.origin else None
            problems += [
                RuleProblem(file_name, line, rule.id, f"{where}: {_problem(named, ids)}")
                for where, named in _named_in_rule(rule)
                if named not in ids
            ]
        problems += [
            RuleProblem(file_name, None, label, f"{where}: {_problem(named, ids)}")
            for label, where, named in _named_in_examples(rule_file)
            if named not in ids
        ]
    return problems


def _named_in_rule(rule: AnyRule) -> Iterator[tuple[str, str]]:
    for index, answer in enumerate(rule.when.answers):
        yield f"when.answers[{index}].question", answer.question
    for question in rule.when.unanswered:
        yield "when.unanswered", question
    extras = rule.then.model_dump(mode="json", exclude={"nl", "en"})
    for key in QUESTION_KEYS:
        named = extras.get(key)
        if isinstance(named, str):
            yield f"then.{key}", named


def _named_in_examples(rule_file: RuleFile) -> Iterator[tuple[str, str, str]]:
    for example in rule_file.examples:
        for index, answer in enumerate(example.answers):
            yield f'example "{example.name}"', f"answers[{index}].question", answer.question


def _problem(named: str, ids: set[str]) -> str:
    """Why ``named`` is not a dialog question, and the id that was probably meant."""
    bare = named.rsplit(".", 1)[-1]
    if bare != named and bare in ids:
        hint = f' (did you mean "{bare}"? answer facts carry the bare dialog id, no prefix)'
    else:
        hint = did_you_mean(bare, ids)
    return f'"{named}" is not a question of the dialog{hint}'
