"""`isassist match COMPANY | --all`: opportunities with their score, reason and barriers.

One line per opportunity (variants of the same have-want pair folded in). ``--all`` streams:
each receiving company's opportunities are written as soon as its wants are matched (JSON
Lines with ``--json``: one object per line, ``type`` opportunity, bundle, split or summary),
with progress on stderr when that is a terminal, so a 10,000-company register neither waits
in silence nor piles up in memory.
"""

from __future__ import annotations

import json
import math
import sys
import time
from typing import Any

import click

from isassist.cli.register_cmd import db_option, echo_json, open_register, sync_interviews_of
from isassist.register import RegisterError
from isassist.register.grouping import MatchGroup, group_matches
from isassist.register.matching import Match
from isassist.terminal import for_stream
from isassist.units.display import format_number


def _say(text: str) -> None:
    """A line for a person: control characters from register names are shown as escapes on
    a terminal (a company name must not retitle the window or hide a link)."""
    click.echo(for_stream(text, sys.stdout))


def _show(group: MatchGroup, lang: str) -> None:
    match = group.best
    _say(f"  {format_number(match.score, lang, digits=1):>5}  {match.reason[lang]}")
    for barrier in match.barriers:
        _say(f"         ! [{barrier.heading(lang)}] {barrier.text[lang]}")
    if group.variants:
        names = ", ".join(
            f"#{m.supply.stream.id} {m.supply.stream.name} → #{m.demand.stream.id}"
            for m in group.variants
        )
        label = "ook" if lang == "nl" else "also"
        _say(f"         + {len(group.variants)} {label}: {names}")


def _line(data: dict[str, Any]) -> None:
    click.echo(json.dumps(_finite(data), ensure_ascii=False, allow_nan=False))


def _finite(data: Any) -> Any:
    """``data`` with infinite or NaN numbers as null: a row stored before the door refused
    them must not turn the output into something that is not JSON."""
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


class _Progress:
    """Wants matched so far, on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.on = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.on and (now - self.last > 0.2 or done == total):
            self.last = now
            sys.stderr.write(f"\rmatching: {done}/{total} wants")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _match_all(reg: Any, top: int, as_json: bool, lang: str) -> None:
    from isassist.register.search import run_all

    run = run_all(reg, per_stream=top, progress=_Progress())
    opportunities = 0
    receiver: int | None = None
    pending: list[Match] = []

    def flush() -> None:
        nonlocal opportunities
        for group in group_matches(pending):
            opportunities += 1
            if as_json:
                _line({"type": "opportunity", **group.as_json()})
            else:
                _show(group, lang)
        pending.clear()

    for found in run.wants():
        if found.want.company.id != receiver:
            flush()
            receiver = found.want.company.id
            if not as_json:
                _say(f"{found.want.company.name}:")
        pending.extend(found.matches)
        if found.bundle is not None and as_json:
            _line({"type": "bundle", **found.bundle.as_json()})
    flush()
    splits = 0
    for split in run.splits():
        splits += 1
        if as_json:
            _line({"type": "split", **split.as_json()})
    summary = {"opportunities": opportunities, "splits": splits}
    summary["pairs_assessed"] = run.pairs_assessed
    if as_json:
        _line({"type": "summary", **summary})
    else:
        _say(
            f"{opportunities} opportunities, {splits} splits ({run.pairs_assessed} pairs assessed)"
        )


@click.command("match")
@db_option
@click.argument("company", required=False)
@click.option("--all", "everything", is_flag=True, help="Match the whole register (streamed).")
@click.option(
    "--top", type=click.IntRange(1, 100), help="Matches per stream (default 20; 5 with --all)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (JSON Lines with --all).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def match(
    url: str | None,
    company: str | None,
    everything: bool,
    top: int | None,
    as_json: bool,
    lang: str,
) -> None:
    """Find receivers for COMPANY's haves and suppliers for its wants (or --all)."""
    from isassist.register import match_company

    if everything == (company is not None):
        raise click.UsageError("Give a COMPANY (name or id) or --all, not both and not neither.")
    reg = open_register(url)
    try:
        sync_interviews_of(reg)
        if everything:
            _match_all(reg, top or 5, as_json, lang)
            return
        by_stream = match_company(reg, company or "", top=top or 20)
        if as_json:
            data: dict[str, Any] = {
                str(sid): [g.as_json() for g in group_matches(found)]
                for sid, found in by_stream.items()
            }
            echo_json(data)
            return
        for sid, found in by_stream.items():
            stream = reg.stream(sid)
            groups = group_matches(found)
            _say(f"#{sid} {stream.side} {stream.name}: {len(groups)} opportunities")
            for group in groups:
                _show(group, lang)
    except RegisterError as error:
        raise click.ClickException(str(error)) from error
    finally:
        reg.close()
