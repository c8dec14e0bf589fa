"""Fixtures shared by every test folder (tests/<package>/ mirrors src/isassist/<package>/),
and the order in which pytest-xdist hands the tests to its workers.

This file's folder is on the import path, so test modules import the shared helpers with
``from interviews import BREWERY, DossierOf, run_answers``.
"""

from __future__ import annotations

import json

import pytest

from interviews import BREWERY, DossierOf, run_answers
from isassist.dossier import Dossier
from teamserver import accounts, db_url, invite_token, light_password_hashing

__all__ = [
    "accounts",
    "brewery_dossier",
    "db_url",
    "dossier_of",
    "invite_token",
    "light_password_hashing",
]


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Hand the workers the long tests first, and a module with a shared fixture as one unit.

    The suite runs with ``--dist loadgroup --no-loadscope-reorder`` (pyproject.toml): tests are
    handed out one at a time in this order, so the tests marked ``slow`` (a whole company visit
    through the TUI, the scenario bench, a browser session) start while the short ones can
    still fill in around them, instead of one worker finishing a long file alone at the end.
    Tests of a module that share a module-scoped fixture (a running team server, a replayed
    interview) form one group, so the fixture is built once and not once per worker.
    """
    for item in items:
        if _shares_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.path.stem))  # test file names are unique
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: else as found


def _shares_a_module_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(defs and defs[-1].scope == "module" for defs in info.name2fixturedefs.values())


@pytest.fixture(scope="session")
def dossier_of(tmp_path_factory: pytest.TempPathFactory) -> DossierOf:
    """The dossier after answering ``answers`` to the end (see ``interviews.run_answers``).

    Each distinct set of answers runs once per test session; every caller gets its own copy,
    so a test that changes its dossier cannot change another's.
    """
    made: dict[str, Dossier] = {}

    def make(
        answers: dict[str, str], *, notes: tuple[str, ...] = (), language: str = "nl"
    ) -> Dossier:
        key = json.dumps([answers, notes, language], sort_keys=True)
        if key not in made:
            folder = tmp_path_factory.mktemp("interview")
            made[key] = run_answers(folder, answers, notes=notes, language=language)
        return made[key].model_copy(deep=True)

    return make


@pytest.fixture(scope="module")
def brewery_dossier(dossier_of: DossierOf) -> Dossier:
    """The brewery interview (``interviews.BREWERY``) answered to the end."""
    return dossier_of(BREWERY)
