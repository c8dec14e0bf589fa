"""Alembic environment for the whole isassist database: interview store and broker register.

Both packages describe their tables in SQLAlchemy MetaData; migrations compare against the
two together, so a shared PostgreSQL register is created and upgraded in one step.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from isassist.register.tables import metadata as register_metadata
from isassist.server.tables import metadata as server_metadata
from isassist.store import default_url
from isassist.store.tables import metadata as store_metadata

target_metadata = [store_metadata, register_metadata, server_metadata]
# the tables revision 0001 has (a database made before migrations is completed with these)
OLD_WAY_METADATA = [store_metadata, register_metadata]


def database_url() -> str:
    given = context.get_x_argument(as_dictionary=True).get("url")
    return given or os.environ.get("ISASSIST_DB_URL") or default_url()


def run_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _migrate(connection: Connection) -> None:
    if context.config.attributes.get("create_missing_tables"):
        # A database an isassist made before migrations, being stamped at revision 0001:
        # complete it with the tables 0001 has (create_all skips those that exist).
        for metadata in OLD_WAY_METADATA:
            metadata.create_all(connection)
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    # isassist.store.migrations passes its own connection (inside the store's transaction);
    # the `alembic` command line opens one from the URL.
    shared = context.config.attributes.get("connection")
    if shared is not None:
        _migrate(shared)
        return
    engine = create_engine(database_url())
    with engine.connect() as connection:
        _migrate(connection)
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
