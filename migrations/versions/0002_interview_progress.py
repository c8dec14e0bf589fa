"""Interview progress: the one progress measure kept with the interview header.

The start list and ``isassist interviews list`` show answered of applicable questions; counting
that means rebuilding the interview (rules included), so the engine saves the pair whenever it
changes and listing only reads it. Existing interviews get NULL, counted when next opened or
listed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


COLUMNS = ("progress_done", "progress_total")


def upgrade() -> None:
    # A database made before migrations is completed from today's table definitions when it
    # is stamped at 0001 (see isassist.store.migrations), so the columns may already exist.
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("interviews")}
    missing = [name for name in COLUMNS if name not in present]
    if not missing:
        return
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        for name in missing:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_column("progress_total")
        batch_op.drop_column("progress_done")
