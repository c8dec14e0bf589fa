"""Fixtures and constants of the team server and register tests: a database (SQLite file, or
PostgreSQL when ISASSIST_TEST_PG_URL is set; a database of its own per test, so parallel
workers never share one) with its accounts, a broker and an invitation. Passwords are hashed
with argon2id at its lightest parameters there (see ``light_password_hashing``).

Kept beside the shared conftest.py, which imports the fixtures, so tests/server/ needs no
conftest of its own: mypy checks tests/ as one tree and allows one module named conftest."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from isassist.server import accounts as accounts_module
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
def light_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with one pass over 64 KiB in one lane instead of the shipped 3 passes over
    64 MiB in 4 lanes (about 0.25 s of CPU a hash): the account tests log in and fail to log in
    dozens of times, and what they check (who gets in, lock-outs, sessions, stored hashes) does
    not depend on the cost. The same calls run (hash, verify, check_needs_rehash); the server
    processes the browser tests start hash with the shipped parameters."""
    light = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    monkeypatch.setattr(accounts_module, "_hasher", light)
    monkeypatch.setattr(accounts_module, "_DUMMY_HASH", light.hash("no such account"))


@pytest.fixture
def accounts(db_url: str, light_password_hashing: None) -> Iterator[Accounts]:
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
