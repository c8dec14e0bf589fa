"""The one schema authority: the Alembic migrations shipped with isassist.

Before, the app created its tables itself (``metadata.create_all``) while Alembic kept its own
history, so ``alembic upgrade head`` on a database the app had made failed with "table
interviews already exists". Now every database is created by running the migrations, the
same ones ``isassist db upgrade`` runs on a team's PostgreSQL, and a database made the old
way is recognised (it has the ``meta`` table but no ``alembic_version``) and stamped at the
revision that matches it, then upgraded like any other.

The scripts live in ``migrations/`` in a checkout and in ``isassist/_data/migrations`` in a
wheel (see :mod:`isassist.paths`).

A new, empty SQLite database (every user's first start, every new store file) is made by the
SQL the migrations produce rather than by Alembic itself: importing Alembic and the table
definitions of every package costs about a second, while the outcome is always the same. That
SQL is taken from a scratch in-memory database the migrations were run on, and kept in the cache
folder keyed by the migration scripts, SQLAlchemy and SQLite, so it is what running them makes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import sqlalchemy
from sqlalchemy import Connection, create_engine, insert, inspect, select, text
from sqlalchemy.engine import make_url

from isassist.cachefile import cache_file, content_key, read_cached, write_cached
from isassist.paths import data_dir
from isassist.store.errors import StoreError
from isassist.store.tables import meta as meta_table

# The revision whose schema equals what `metadata.create_all` made before migrations ruled:
# schema_version 1 of the store and register_schema_version 1 of the register.
OLD_WAY_REVISION = "0001"
OLD_WAY_VERSIONS = ("schema_version", "register_schema_version")
VERSION_TABLE = "alembic_version"

if TYPE_CHECKING:
    from alembic.config import Config


@dataclass(frozen=True)
class Upgrade:
    """What ``upgrade`` did: the revision before (None: empty or made the old way) and after."""

    before: str | None
    after: str
    stamped_old_way: bool


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(data_dir("migrations")))
    # env.py runs on this connection instead of opening its own (Alembic's documented way
    # to share a connection with the application).
    config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The newest revision this isassist ships.

    Asking Alembic means importing it (most of a second); every open asks, so the answer is
    kept in the cache folder, keyed by the content of the migration scripts.
    """
    folder = data_dir("migrations")
    path = cache_file("migrations-head", content_key("head", [(folder, ("**/*.py",))]))
    known = read_cached(path, str)
    if known is not None:
        return known
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(_config()).get_current_head()
    if found is None:
        raise StoreError("isassist ships no database migrations; reinstall isassist")
    write_cached(path, found)
    return found


def current(conn: Connection) -> str | None:
    """The revision the database is at, or None when it has no migration history."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def is_current(conn: Connection) -> bool:
    """Whether the database is at the head revision (the cheap check made on every open: a
    plain read of Alembic's version table, without importing Alembic)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return False
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return rows == [head()]


def _made_the_old_way(conn: Connection) -> bool:
    tables = inspect(conn)
    return tables.has_table(meta_table.name) and not tables.has_table(VERSION_TABLE)


def _stamp_old_way(conn: Connection) -> None:
    """Complete a database the app created itself and mark it as revision 0001.

    The old way created the store tables on first use and the register tables only when a
    register was opened, so the register's may be missing; they are created from the same
    table definitions revision 0001 was generated from (``alembic check`` finds no difference).
    """
    rows = {key: value for key, value in conn.execute(select(meta_table.c.key, meta_table.c.value))}
    for key in OLD_WAY_VERSIONS:
        found = rows.get(key)
        if found is not None and found != "1":
            raise StoreError(
                f"The database has {key} {found}, which no isassist migration knows; it was "
                "not made by this isassist. Leave it alone and open another database."
            )
    for key in OLD_WAY_VERSIONS:
        if key not in rows:
            conn.execute(insert(meta_table).values(key=key, value="1"))
    # env.py creates the tables revision 0001 has and the database lacks (it knows every
    # package's table definitions; the store does not import the register).
    from alembic import command

    config = _config(conn)
    config.attributes["create_missing_tables"] = True
    command.stamp(config, OLD_WAY_REVISION)


SchemaScript = tuple[tuple[str, tuple[Any, ...]], ...]
"""SQL statements with their parameters, run in order."""


def sqlite_schema() -> SchemaScript:
    """What the migrations make of an empty SQLite database, as SQL: its tables, indexes and
    triggers in the order they were made, then the rows they wrote (the version table, ...)."""
    folder = data_dir("migrations")
    key = content_key(
        f"sqlite-schema|{sqlalchemy.__version__}|{sqlite3.sqlite_version}",
        [(folder, ("**/*.py",))],
    )
    path = cache_file("sqlite-schema", key)
    known = read_cached(path, tuple)
    if known is not None:
        return known
    from isassist.store.engines import make_engine

    scratch = make_engine(make_url("sqlite://"))
    try:
        with scratch.begin() as conn:
            _migrate(conn)
            script = _dump(conn)
    finally:
        scratch.dispose()
    write_cached(path, script)
    return script


def _dump(conn: Connection) -> SchemaScript:
    made = conn.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).all()
    script: list[tuple[str, tuple[Any, ...]]] = [(sql, ()) for _, _, sql in made]
    for kind, name, _ in made:
        if kind != "table":
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        result = conn.exec_driver_sql(f"SELECT * FROM {quoted}")
        names = tuple(result.keys())
        columns = ", ".join('"' + c.replace('"', '""') + '"' for c in names)
        marks = ", ".join("?" for _ in names)
        for row in result.all():
            script.append((f"INSERT INTO {quoted} ({columns}) VALUES ({marks})", tuple(row)))
    return tuple(script)


def _is_empty_sqlite(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    found: int = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
    return found == 0


def _migrate(conn: Connection) -> None:
    from alembic import command

    command.upgrade(_config(conn), "head")


def upgrade_connection(conn: Connection) -> Upgrade:
    """Bring the database on ``conn`` to the head revision, inside the caller's transaction."""
    if _is_empty_sqlite(conn):
        for sql, parameters in sqlite_schema():
            conn.exec_driver_sql(sql, parameters)
        return Upgrade(before=None, after=head(), stamped_old_way=False)
    stamped = False
    if _made_the_old_way(conn):
        _stamp_old_way(conn)
        stamped = True
    before = current(conn)
    if before != head():
        _migrate(conn)
    return Upgrade(before=None if stamped else before, after=head(), stamped_old_way=stamped)


def upgrade(url: str) -> Upgrade:
    """``isassist db upgrade``: migrate the database at ``url`` to the head revision."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            return upgrade_connection(conn)
    finally:
        engine.dispose()


def revision_of(url: str) -> str | None:
    """``isassist db current``: the database's revision (None: no migration history)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return current(conn) if inspect(conn).has_table(VERSION_TABLE) else None
    finally:
        engine.dispose()
