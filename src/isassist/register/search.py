"""Matching as the user asks for it: one stream, one company, or the whole register.

One stream asks the database for its few candidates (key index plus bounding box) and ranks
them; the whole register is loaded once and matched want by want in memory with a spatial
grid, as a stream (``run_all``) or collected (``match_all``). Both paths
score with the same ``Matcher``, so a pair gets the same score and reason either way.
"""

from __future__ import annotations

from isassist.register.matching import Match, Matcher
from isassist.register.routes import default_catalogue
from isassist.register.settings import MatchSettings
from isassist.register.store import Register
from isassist.register.whole import (
    Progress,
    RegisterMatches,
    RegisterRun,
    match_register,
    start_register,
)


def matcher_for(settings: MatchSettings | None = None) -> Matcher:
    return Matcher(default_catalogue(), settings or MatchSettings())


def match_stream(
    register: Register, stream_id: int, top: int = 20, settings: MatchSettings | None = None
) -> list[Match]:
    """The ``top`` best partners of one have (receivers) or one want (suppliers)."""
    matcher = matcher_for(settings)
    target = register.party(stream_id)
    points = matcher.gate(target)
    found = register.candidates(
        target, matcher.settings, accept=lambda s, nace: points(s, nace) is not None
    )
    return matcher.rank(target, found, top=top)


def match_company(
    register: Register, company: str | int, top: int = 20, settings: MatchSettings | None = None
) -> dict[int, list[Match]]:
    """Matches of every have and want of one company, by stream id."""
    found = register.company(company)
    return {
        stream.id: match_stream(register, stream.id, top=top, settings=settings)
        for stream in register.streams(company_id=found.id)
    }


def match_all(
    register: Register, settings: MatchSettings | None = None, per_stream: int = 5
) -> RegisterMatches:
    """Every want with its best suppliers, large streams split, small supplies bundled."""
    return match_register(matcher_for(settings), register.parties(), per_stream=per_stream)


def run_all(
    register: Register,
    settings: MatchSettings | None = None,
    per_stream: int = 5,
    progress: Progress | None = None,
) -> RegisterRun:
    """A whole-register run to iterate want by want (``match --all`` streams it)."""
    return start_register(matcher_for(settings), register.parties(), per_stream, progress)
