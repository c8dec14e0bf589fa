"""One way to open a database engine, for the interview store and the register alike.

Bounded waiting: a PostgreSQL server that accepts the connection and then never answers (a
half-dead host, a firewall that swallows packets) would otherwise hang every command for
ever. libpq's ``connect_timeout`` bounds the connection and ``statement_timeout`` every
statement; SQLite waits at most the busy timeout for another process's lock. A URL may set
its own ``connect_timeout`` in the query string (``...?connect_timeout=3``), which wins.
Databases other than SQLite and PostgreSQL are refused with a message rather than a driver
traceback.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL

from isassist.store.errors import StoreError
from isassist.store.sqlite import BUSY_TIMEOUT_MS, configure_sqlite

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
CONNECT_TIMEOUT_S = 10
STATEMENT_TIMEOUT_MS = 120_000


def server_name(url: URL) -> str:
    """Where the database is, for a message: the file of a SQLite URL, else host:port/db."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{url.get_backend_name()} server {host}{port}/{url.database or ''}"


def make_engine(url: URL) -> Engine:
    """A SQLAlchemy engine for ``url`` with timeouts; StoreError for unsupported databases."""
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"{url.render_as_string(hide_password=True)}: isassist stores its data in SQLite or "
            f"PostgreSQL, not {backend}. Use sqlite:///path/file.sqlite3 or "
            "postgresql+psycopg://user@host/database."
        )
    if backend == "postgresql":
        connect_args: dict[str, object] = {
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        }
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        try:
            return create_engine(url, connect_args=connect_args)
        except ImportError as error:
            raise StoreError(
                f"No PostgreSQL driver is installed for {server_name(url)} ({error}); "
                "install isassist with its postgres extra."
            ) from error
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    configure_sqlite(engine)
    return engine


def timeout_hint(reason: str, url: URL) -> str | None:
    """A way out when ``reason`` says the server did not answer in time, else None."""
    lowered = reason.lower()
    if "timeout" in lowered or "timed out" in lowered or "canceling statement" in lowered:
        given = url.query.get("connect_timeout")
        seconds = given if isinstance(given, str) else CONNECT_TIMEOUT_S
        return (
            f"The {server_name(url)} did not answer within {seconds} s (statements "
            f"within {STATEMENT_TIMEOUT_MS // 1000} s). Check that the server is running and "
            "reachable, or use the local store (leave --db out)."
        )
    return None
