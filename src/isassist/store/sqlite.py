"""The SQLite-only part of the store: connection pragmas and how transactions begin.

This is the one place with SQLite-specific SQL, so a PostgreSQL register shares the rest.

- ``journal_mode=WAL``: readers never block the writer and a crash leaves the database intact.
- ``synchronous=FULL``: each commit is fsync'ed before ``append`` returns, so an answer that
  was acknowledged survives a power cut or a dying laptop battery, not just a crashed process
  (``NORMAL`` in WAL mode can lose the last commits on power loss). An answer is the user's
  work; the fsync costs a few milliseconds, well inside the 30 ms per-answer budget
  (``benchmarks/store_bench.py`` measures it).
  Only the progress count (derived data, ``Store.set_progress``) is written with
  ``synchronous=NORMAL`` (``RELAXED_OPTION``): it becomes durable with the next answer's
  fsync, and one fsync per answer instead of two halves the time an answer waits on the disk
  (pace: 301 commits of a 150-answer interview took half its time on a loaded machine).
- ``busy_timeout``: a second process (a broker with two windows open) waits for the lock
  instead of failing at once.
- ``foreign_keys=ON``: SQLite leaves foreign keys off unless asked, per connection.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and the
``begin`` hook emits ``BEGIN`` itself: ``BEGIN IMMEDIATE`` for connections marked as writers,
so two processes appending to one interview serialise at the start of the transaction
rather than failing halfway with "database is locked" when a read lock cannot be upgraded.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

WRITE_OPTION = "isassist_write"
"""Execution option that marks a connection whose transactions write (``BEGIN IMMEDIATE``)."""

RELAXED_OPTION = "isassist_relaxed"
"""Execution option that marks a write of derived data: committed without its own fsync."""

BUSY_TIMEOUT_MS = 10_000


def configure_sqlite(engine: Engine) -> None:
    """Install the pragma and BEGIN hooks on a SQLite engine."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        writes = options.get(WRITE_OPTION, False)
        if writes:  # set on every write: a pooled connection may come from a relaxed one
            relaxed = options.get(RELAXED_OPTION, False)
            connection.exec_driver_sql(f"PRAGMA synchronous = {'NORMAL' if relaxed else 'FULL'}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
