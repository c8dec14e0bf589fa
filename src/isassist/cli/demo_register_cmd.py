"""`isassist demo-register --companies N`: fill a register with synthetic companies."""

from __future__ import annotations

import time

import click

from isassist.cli.progress import progress
from isassist.cli.register_cmd import db_option, open_register
from isassist.register import RegisterError


@click.command("demo-register")
@db_option
@click.option("--companies", default=100, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--streams", default=2.0, show_default=True, help="Streams per company, about (1-4).")
@click.option("--seed", default=7, show_default=True, help="Same seed, same register.")
def demo_register(url: str | None, companies: int, streams: float, seed: int) -> None:
    """Add N demo companies: Flemish sectors in their industrial clusters, with the streams
    and wants such companies have (the same seed gives the same register)."""
    from isassist.register.demo import demo_entries
    from isassist.root import root

    reg = open_register(url)
    try:
        if reg.counts()["companies"]:
            click.echo("Note: the register already holds companies; demo companies are added.")
        started = time.perf_counter()
        entries = demo_entries(root().knowledge, companies, streams, seed)
        with progress(entries, "Companies", length=companies) as shown:
            added = reg.bulk_load(shown)
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()
    click.echo(
        f"Added {companies} companies with {added} streams in "
        f"{time.perf_counter() - started:.1f} s."
    )
