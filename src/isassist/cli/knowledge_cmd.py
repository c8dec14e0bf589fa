"""`isassist knowledge`: inspect and check the knowledge base an expert is editing.

``stats`` shows counts computed from the files as loaded (so a lost row shows up as a changed
number); ``check`` reloads without the cache and reports the first broken file, line and
problem, which is what an expert wants after editing a CSV by hand.
"""

from __future__ import annotations

import json

import click

from isassist.knowledge import KnowledgeError


@click.group()
def knowledge() -> None:
    """Inspect the knowledge base."""


@knowledge.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of a table.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Count what the knowledge base holds."""
    from isassist.root import root

    try:
        counts = root().knowledge.stats()
    except KnowledgeError as error:
        click.echo(f"Error: {error}", err=True)
        ctx.exit(1)
    if as_json:
        click.echo(json.dumps(counts, indent=2))
        return
    width = max(len(name) for name in counts)
    for name, value in counts.items():
        click.echo(f"{name:<{width}}  {value:>7,}")


@knowledge.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate every knowledge file (bypassing the cache)."""
    from isassist.knowledge import load_knowledge

    try:
        loaded = load_knowledge(use_cache=False)
    except KnowledgeError as error:
        click.echo(f"Error: {error}", err=True)
        ctx.exit(1)
    click.echo(f"knowledge OK: {loaded.root}")
