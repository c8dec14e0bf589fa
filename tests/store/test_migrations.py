"""One schema authority: every database is made by the shipped migrations, one the app made
before them is recognised and stamped, and `isassist db` reports and upgrades, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from click.testing import CliRunner
from sqlalchemy import create_engine, insert, inspect, select

from isassist.cli import cli
from isassist.register import Register
from isassist.store import InterviewMeta, Store
from isassist.store import tables as store_tables
from isassist.store.migrations import head, revision_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_db(db_url: str) -> str:
    """A database with nothing in it: a file, or a PostgreSQL database made for this test (the
    shared ``db_url`` fixture of tests/teamserver.py)."""
    return db_url


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = set(inspect(conn).get_table_names())
    engine.dispose()
    return found


def test_a_database_the_app_creates_is_made_by_the_migrations(empty_db: str) -> None:
    with Store(empty_db):
        pass
    assert revision_of(empty_db) == head()
    assert {"interviews", "register_companies", "alembic_version"} <= _tables(empty_db)
    # The complaint that started this: Alembic on a database the app made no longer fails.
    config = Config(str(ROOT / "migrations" / "alembic.ini"))
    config.cmd_opts = None
    os.environ["ISASSIST_DB_URL"] = empty_db
    try:
        command.upgrade(config, "head")
    finally:
        del os.environ["ISASSIST_DB_URL"]
    assert revision_of(empty_db) == head()


def _made_the_old_way(url: str) -> None:
    """What Store did before migrations: create_all of the store tables plus a meta row."""
    engine = create_engine(url)
    with engine.begin() as conn:
        store_tables.metadata.create_all(conn)
        conn.execute(insert(store_tables.meta).values(key="schema_version", value="1"))
        conn.execute(
            insert(store_tables.interviews).values(
                id="iv-20260101-abcd",
                title="Eerste gesprek",
                company="Brouwerij De Vrede",
                mode="broker",
                language="nl",
                dialog_version="1",
                status="open",
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
                updated_at=datetime(2026, 1, 1, tzinfo=UTC),
                event_count=0,
            )
        )
    engine.dispose()


def test_a_database_made_the_old_way_is_recognised_stamped_and_keeps_its_data(
    empty_db: str,
) -> None:
    _made_the_old_way(empty_db)
    assert revision_of(empty_db) is None
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", empty_db])
    assert result.exit_code == 0, result.output
    assert "recognised and stamped" in result.output
    assert revision_of(empty_db) == head()
    with Store(empty_db) as store:
        assert store.get("iv-20260101-abcd").company == "Brouwerij De Vrede"
    # The register tables, which the old store never made, exist and work.
    assert "register_companies" in _tables(empty_db)
    with Register(empty_db) as register:
        assert register.companies() == []
    engine = create_engine(empty_db)
    with engine.connect() as conn:
        query = select(store_tables.meta.c.key, store_tables.meta.c.value)
        rows = {key: value for key, value in conn.execute(query)}
    engine.dispose()
    assert rows == {"schema_version": "1", "register_schema_version": "1"}


def test_db_current_says_where_a_database_stands(empty_db: str) -> None:
    before = CliRunner().invoke(cli, ["db", "current", "--db", empty_db])
    assert before.exit_code == 0
    assert "revision none" in before.output
    CliRunner().invoke(cli, ["db", "upgrade", "--db", empty_db])
    after = CliRunner().invoke(cli, ["db", "current", "--db", empty_db])
    assert f"revision {head()}; newest shipped: {head()}" in after.output


def test_a_database_from_an_unknown_isassist_is_left_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        store_tables.meta.create(conn)
        conn.execute(insert(store_tables.meta).values(key="schema_version", value="7"))
    engine.dispose()
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", url])
    assert result.exit_code == 1
    assert "schema_version 7" in result.output
    assert _tables(url) == {"meta"}


def _contents(path: Path) -> tuple[set[str], dict[str, set[tuple[object, ...]]]]:
    """A SQLite file's schema (every CREATE statement) and every row of every table."""
    connection = sqlite3.connect(path)
    try:
        made = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
        rows = {
            name: set(connection.execute(f'SELECT * FROM "{name}"').fetchall())
            for kind, name, _ in made
            if kind == "table"
        }
    finally:
        connection.close()
    return {sql for _, _, sql in made}, rows


def test_a_new_sqlite_store_is_exactly_what_the_migrations_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new store file is made from the SQL the migrations produce (no Alembic at start-up);
    built once and then read from the cache, it must equal what Alembic itself makes."""
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path / "cache"))
    by_alembic = tmp_path / "alembic.sqlite3"
    config = Config(str(ROOT / "migrations" / "alembic.ini"))
    config.cmd_opts = None
    monkeypatch.setenv("ISASSIST_DB_URL", f"sqlite:///{by_alembic}")
    command.upgrade(config, "head")
    with Store(f"sqlite:///{tmp_path / 'built.sqlite3'}"):  # builds the cached SQL
        pass
    assert list((tmp_path / "cache").glob("sqlite-schema-*.pickle"))
    with Store(f"sqlite:///{tmp_path / 'cached.sqlite3'}") as cached:  # reads it
        cached.create_interview(InterviewMeta(company="Brouwerij X", dialog_version="1"))
    expected = _contents(by_alembic)
    assert expected[1]["alembic_version"] == {(head(),)}
    assert _contents(tmp_path / "built.sqlite3") == expected
    schema, rows = _contents(tmp_path / "cached.sqlite3")
    assert schema == expected[0]
    assert len(rows["interviews"]) == 1
