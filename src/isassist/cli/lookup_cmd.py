"""`isassist lookup {ewc|nace|cpa|cas} QUERY`: codes and names from the knowledge base.

Other tools and the team's scripts read the ``--json`` form, so its keys are a contract: every
object has ``code`` and the Dutch/English title or name where known, plus the fields specific to
its kind. Exit codes: 0 found, 1 nothing found, 2 a malformed query (a CAS number that cannot
be right) or a usage error.
"""

from __future__ import annotations

import json
from typing import Any

import click

from isassist.knowledge import CasSubstance, CpaItem, EwcItem, KnowledgeError, NaceItem
from isassist.knowledge.codes import CodeError

KINDS = ("ewc", "nace", "cpa", "cas")
MAX_QUERY_CHARS = 200
"""Longest query: a code or an activity in words is far shorter; the fuzzy search grows with it."""


def _ewc(item: EwcItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "display": item.display,
        "level": item.level,
        "title_nl": item.text_nl,
        "title_en": item.text_en,
        "hazardous": item.hazardous,
        "entry_type": item.entry_type,
        "mirror_partners": list(item.mirror_partners),
    }


def _nace(item: NaceItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "level": item.level,
        "title_nl": item.title_nl or None,
        "title_en": item.title_en,
    }


def _cpa(item: CpaItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "level": item.level,
        "title_nl": None,
        "title_en": item.title_en,
        "nace": item.nace or None,
    }


def _cas(item: CasSubstance) -> dict[str, Any]:
    return {
        "code": item.cas,
        "cas": item.cas,
        "name_en": item.name,
        "name_nl": item.name_nl or (item.synonyms_nl[0] if item.synonyms_nl else None),
        "formula": item.formula or None,
        "ec_number": item.ec_number or None,
        "hazards": list(item.hazard_statements),
        "hazard_classes": list(item.hazard_classes),
        "kind": item.kind,
        "no_single_cas": item.no_single_cas,
        "synonyms_nl": list(item.synonyms_nl),
        "synonyms_en": list(item.synonyms_en),
    }


def _search(kind: str, query: str, top: int) -> list[dict[str, Any]]:
    from isassist.knowledge import lookup as lk
    from isassist.root import root

    knowledge = root().knowledge
    rows: list[dict[str, Any]] = []
    if kind == "ewc":
        rows = [
            _ewc(h.item) | {"score": round(h.score, 1)}
            for h in lk.lookup_ewc(knowledge, query, top)
        ]
    elif kind == "nace":
        rows = [
            _nace(h.item) | {"score": round(h.score, 1), "why": h.why}
            for h in lk.lookup_nace(knowledge, query, top)
        ]
    elif kind == "cpa":
        rows = [
            _cpa(h.item) | {"score": round(h.score, 1)}
            for h in lk.lookup_cpa(knowledge, query, top)
        ]
    else:
        rows = [
            _cas(h.item) | {"score": round(h.score, 1)}
            for h in lk.lookup_cas(knowledge, query, top)
        ]
    return rows


def _table(kind: str, rows: list[dict[str, Any]]) -> str:
    lines = []
    for row in rows:
        if kind == "ewc":
            flags = "hazardous" if row["hazardous"] else ""
            if row["entry_type"] == "mirror":
                partners = " ".join(row["mirror_partners"])
                flags += (", " if flags else "") + (
                    f"mirror of {partners}" if partners else "mirror entry"
                )
            lines.append(f"{row['display']:<10} {row['title_nl']}")
            lines.append(f"{'':<10} {row['title_en']}" + (f"  [{flags}]" if flags else ""))
        elif kind == "cas":
            code = row["cas"] or "(no single CAS)"
            name = row["name_en"] + (f" / {row['name_nl']}" if row["name_nl"] else "")
            extra = " ".join(
                filter(None, [row["ec_number"] and f"EC {row['ec_number']}", *row["hazards"]])
            )
            lines.append(f"{code:<14} {name}" + (f"  [{extra}]" if extra else ""))
        else:
            why = f"  ({row['why']})" if row.get("why") and row["why"] != "code" else ""
            lines.append(f"{row['code']:<10} {row['title_nl'] or row['title_en']}{why}")
            if row["title_nl"]:
                lines.append(f"{'':<10} {row['title_en']}")
    return "\n".join(lines)


@click.command()
@click.argument("kind", type=click.Choice(KINDS, case_sensitive=False))
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option(
    "--top", default=10, show_default=True, type=click.IntRange(1, 200), help="Most hits."
)
@click.pass_context
def lookup(ctx: click.Context, kind: str, query: tuple[str, ...], as_json: bool, top: int) -> None:
    """Look up an EWC, NACE, CPA or CAS code, or search their texts in Dutch or English.

    \b
    Examples:
      isassist lookup ewc "17 06 05*"
      isassist lookup cas zwavelzuur
      isassist lookup nace "inzameling van afval" --top 5
      isassist lookup nace brouwerij
    """
    text = " ".join(query).strip()
    kind = kind.lower()
    if len(text) > MAX_QUERY_CHARS:
        click.echo(
            f"Error: the query is {len(text):,} characters long; a code or a name of at most "
            f"{MAX_QUERY_CHARS} characters finds it (e.g. 'brouwerij').",
            err=True,
        )
        ctx.exit(2)
    try:
        rows = _search(kind, text, top)
    except CodeError as error:
        click.echo(f"Error: {error}", err=True)
        ctx.exit(2)
    except KnowledgeError as error:
        click.echo(f"Error: the knowledge base is broken: {error}", err=True)
        ctx.exit(1)
    if not rows:
        click.echo(f"No {kind.upper()} match for '{text}'.", err=True)
        ctx.exit(1)
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2) if as_json else _table(kind, rows))
