"""The one exception the store raises.

Callers (the interview engine, the CLI, the Textual face) show ``str(error)`` to the user as
it is, so every message says what went wrong and what would be right instead. Database and
validation errors from the libraries underneath are translated into it at the store's edge:
nobody above the store has to know SQLAlchemy or pydantic exceptions.
"""

from __future__ import annotations


class StoreError(Exception):
    """An interview could not be stored, found, exported or imported; the message says why."""


def unknown_interview(interview_id: str) -> StoreError:
    """The error for an id that is not in the store, pointing to the command that lists ids."""
    return StoreError(
        f"There is no interview with id {interview_id!r}. "
        "Run `isassist interviews list` to see the ids of the stored interviews."
    )


class StaleInterviewError(StoreError):
    """Another process (a second window, a colleague on the shared database) changed the
    interview after this one read it; the answer was not saved so neither overwrites the other."""


def stale_interview(interview_id: str, expected: int, found: int) -> StaleInterviewError:
    return StaleInterviewError(
        f"Interview {interview_id} was changed elsewhere (another window or process) since it "
        f"was opened here: it has {found} events, this window knew {expected}. This answer was "
        "NOT saved. Close this window and open the interview again to continue with the latest "
        "answers; only one window should answer an interview at a time."
    )
