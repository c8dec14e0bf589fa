"""``isassist rules check|list``: let a domain expert validate and browse the rule base."""

from __future__ import annotations

import json
from pathlib import Path

import click

from isassist.rules.loader import RuleBase, RuleBaseError, load_rulebase

_RULES_DIR = click.option(
    "--rules-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A working copy of rules/ to use instead of the installed one.",
)


@click.group()
def rules() -> None:
    """Check and list the rule base."""


def _load(rules_dir: Path | None) -> RuleBase:
    try:
        return load_rulebase(rules_dir)
    except (RuleBaseError, FileNotFoundError) as exc:
        problems = exc.problems if isinstance(exc, RuleBaseError) else [exc]
        for problem in problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None


@rules.command()
@_RULES_DIR
@click.option(
    "--dialogs-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A working copy of dialogs/ whose question ids the rules must name.",
)
def check(rules_dir: Path | None, dialogs_dir: Path | None) -> None:
    """Validate every rule file, its question ids against the dialog, and run every example;
    exit 1 on any problem."""
    from isassist.crosscheck import check_question_ids
    from isassist.interview.loader import DataFileError
    from isassist.rules.engine import engine_for
    from isassist.rules.evidence import check_evidence
    from isassist.rules.examples import run_examples

    rulebase = _load(rules_dir)
    try:
        asked = check_question_ids(rulebase, dialogs_dir)
    except (DataFileError, FileNotFoundError) as exc:
        click.echo(f"the dialog cannot be read to check question ids: {exc}", err=True)
        raise SystemExit(1) from None
    problems = [
        *asked,
        *check_evidence(rulebase),
        *run_examples(engine_for(rulebase), rulebase),
    ]
    for problem in problems:
        click.echo(str(problem), err=True)
    examples = len(rulebase.examples())
    if problems:
        click.echo(f"{len(problems)} problem(s); {examples} examples run.", err=True)
        raise SystemExit(1)
    click.echo(
        f"{len(rulebase.rules)} rules in {len(rulebase.files)} files; {examples} examples hold."
    )


@rules.command(name="list")
@_RULES_DIR
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
def list_rules(rules_dir: Path | None, as_json: bool) -> None:
    """List every rule: id, kind, category, source."""
    rulebase = _load(rules_dir)
    rows = [
        {
            "id": rule.id,
            "kind": rule.kind,
            "category": rule.category,
            "level": getattr(rule, "severity", None) or getattr(rule, "priority", None),
            "title": rule.title.en,
            "title_nl": rule.title.nl,
            "source": rule.source,
            "file": rulebase.origin[rule.id].file,
        }
        for rule in rulebase.rules
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    widths = [max(len(str(r[k])) for r in rows) for k in ("id", "kind", "category")]
    for row in rows:
        cells = [
            str(row[k]).ljust(w) for k, w in zip(("id", "kind", "category"), widths, strict=True)
        ]
        click.echo("  ".join([*cells, str(row["source"])]))
