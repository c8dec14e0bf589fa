"""The team server's tables: accounts, browser sessions, invitations, launch tickets, attempts.

Secrets are never stored: session ids, invitation tokens and launch tickets are kept as their
SHA-256 (they are long random values, so a plain hash is enough to make a stolen database
useless for logging in), passwords as argon2 hashes. Created by migration 0003.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from isassist.store.tables import UTCDateTime, interviews

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("password_changed_at", UTCDateTime, nullable=False),
)

invitations = Table(
    "invitations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("company", Text, nullable=False),
    Column("language", String(8), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column(
        "interview_id",
        String(64),
        ForeignKey(interviews.c.id, ondelete="SET NULL"),
        nullable=True,
    ),
    CheckConstraint("language IN ('nl', 'en')", name="ck_invitations_language"),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=True),
    Column(
        "invitation_id",
        Integer,
        ForeignKey("invitations.id", ondelete="CASCADE"),
        nullable=True,
    ),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    CheckConstraint(
        "(user_id IS NULL) <> (invitation_id IS NULL)", name="ck_web_sessions_one_owner"
    ),
)

launch_tickets = Table(
    "launch_tickets",
    metadata,
    Column("ticket_hash", String(64), primary_key=True),
    Column(
        "session_hash",
        String(64),
        ForeignKey("web_sessions.id_hash", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("expires_at", UTCDateTime, nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

Index("ix_login_attempts_key_at", login_attempts.c.key, login_attempts.c.at)
