"""Progress of long commands, on a terminal only.

A broker who fills a register of 10,000 companies or classifies a file of streams wants to
see that something happens; a script that pipes the output wants nothing but the output. So
the bar goes to stderr, and only when stderr is a terminal (and, for commands whose results
stream to stdout, only when stdout is not the same terminal the bar would tear up).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

T = TypeVar("T")


def on_terminal(*, output_streams: bool = False) -> bool:
    """Whether a progress bar should be drawn (see the module docstring)."""
    if not sys.stderr.isatty():
        return False
    return not (output_streams and sys.stdout.isatty())


@contextmanager
def progress(
    items: Iterable[T], label: str, length: int | None = None, *, output_streams: bool = False
) -> Iterator[Iterable[T]]:
    """``items`` as they are, or wrapped in a progress bar on stderr when on a terminal."""
    if not on_terminal(output_streams=output_streams):
        yield items
        return
    with click.progressbar(
        items, length=length, label=label, file=sys.stderr, show_pos=True
    ) as bar:
        yield bar


class Steps:
    """Named steps of one long piece of work (a large dossier's report): ``[2/3] label`` on
    one stderr line, on a terminal only, cleared when done."""

    def __init__(self, total: int, *, output_streams: bool = False) -> None:
        self.total = total
        self.done = 0
        self.shown = on_terminal(output_streams=output_streams)

    def step(self, label: str) -> None:
        self.done += 1
        if self.shown:
            sys.stderr.write(f"\r\x1b[K[{self.done}/{self.total}] {label}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
