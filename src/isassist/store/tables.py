"""The database schema, in one module so that Alembic can autogenerate migrations from it.

Only portable column types are used (no SQLite-only SQL): the broker register will share this
code path on PostgreSQL. ``interviews.event_count`` is the last sequence number handed out;
incrementing it with ``UPDATE ... RETURNING`` both allocates the next ``seq`` and locks the
interview row, which serialises concurrent appends on PostgreSQL the way ``BEGIN IMMEDIATE``
does on SQLite. ``interview_events`` is append-only: the store never updates a row of it and
deletes rows only together with their interview.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSION = 1
"""Bumped by every migration; a database with a higher number was written by a newer isassist."""

metadata = MetaData()


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that goes in as aware UTC and comes back as aware UTC on every backend.

    SQLite keeps no time zone, so values are normalised to UTC before storing and the zone is
    put back on reading; naive datetimes are refused because their zone would be a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"timestamp {value.isoformat()} has no time zone; give it in UTC")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

interviews = Table(
    "interviews",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("company", Text, nullable=False, default=""),
    Column("mode", String(16), nullable=False),
    Column("language", String(8), nullable=False),
    Column("dialog_version", String(64), nullable=False),
    Column("status", String(16), nullable=False, default="open"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("event_count", Integer, nullable=False, default=0),
    # the one progress measure (answered of applicable questions) as the engine last saw it,
    # so the start list and `interviews list` need not rebuild every interview; NULL until
    # the interview is next opened or listed (databases from before revision 0002)
    Column("progress_done", Integer, nullable=True),
    Column("progress_total", Integer, nullable=True),
    CheckConstraint("mode IN ('broker', 'self')", name="ck_interviews_mode"),
    CheckConstraint("language IN ('nl', 'en')", name="ck_interviews_language"),
    CheckConstraint("status IN ('open', 'closed')", name="ck_interviews_status"),
    CheckConstraint("event_count >= 0", name="ck_interviews_event_count"),
)

Index("ix_interviews_updated_at", interviews.c.updated_at)

interview_events = Table(
    "interview_events",
    metadata,
    Column(
        "interview_id",
        String(64),
        ForeignKey("interviews.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("seq", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("question_id", String(128), nullable=True),
    Column("stream_id", String(64), nullable=True),
    Column("raw_text", Text, nullable=False, default=""),
    Column("value", JSON(none_as_null=True), nullable=True),
    Column("status", String(16), nullable=False),
    CheckConstraint("seq >= 1", name="ck_interview_events_seq"),
    CheckConstraint(
        "kind IN ('answer', 'revise', 'withdraw', 'skip', 'note', 'command')",
        name="ck_interview_events_kind",
    ),
    CheckConstraint("status IN ('known', 'unknown', 'skipped')", name="ck_interview_events_status"),
)
