"""Fixtures and constants of the team server and register tests: a database (SQLite file, or
PostgreSQL when ISASSIST_TEST_PG_URL is set; a database of its own per test, so parallel
workers never share one) with its accounts, a broker and an invitation.

Kept beside the shared conftest.py, which imports the fixtures, so tests/server/ needs no
conftest of its own: mypy checks tests/ as one tree and allows one module named conftest."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from isassist.server.accounts import Accounts

PG_ENV = "ISASSIST_TEST_PG_URL"
PASSWORD = "correct horse battery"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'team.sqlite3'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set; run scripts/ci_postgres.sh to get a PostgreSQL URL")
    name = f"isassist_srv_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def accounts(db_url: str) -> Iterator[Accounts]:
    found = Accounts(db_url)
    found.add_user("jan", PASSWORD)
    yield found
    found.close()


@pytest.fixture
def invite_token(accounts: Accounts) -> str:
    _, token = accounts.invite(
        "Brouwerij De Klok", language="en", expires=timedelta(days=7), by="jan"
    )
    return token
