"""Fixtures shared by every test folder (tests/<package>/ mirrors src/isassist/<package>/).

This file's folder is on the import path, so test modules import the shared helpers with
``from interviews import BREWERY, DossierOf, run_answers``.
"""

from __future__ import annotations

import json

import pytest

from interviews import BREWERY, DossierOf, run_answers
from isassist.dossier import Dossier
from teamserver import accounts, db_url, invite_token

__all__ = ["accounts", "brewery_dossier", "db_url", "dossier_of", "invite_token"]


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
