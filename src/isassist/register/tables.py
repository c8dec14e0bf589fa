"""The register's tables, next to the interview store's tables in the same database.

They hang on a MetaData of their own (the store's package is not ours to edit) with the same
conventions: portable column types only, so one code path serves SQLite and PostgreSQL, and
UTC timestamps through the store's ``UTCDateTime``. ``migrations/`` (Alembic) creates both
sets of tables for a shared PostgreSQL register.

``register_stream_keys`` repeats each stream's families and codes one per row, indexed with
the side and kind: finding the offers that could serve one want is then an index look-up in
the database instead of a scan of every stream.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from isassist.store.tables import UTCDateTime

REGISTER_SCHEMA_VERSION = 1
"""Stored in the store's ``meta`` table as ``register_schema_version``."""

metadata = MetaData()

companies = Table(
    "register_companies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("name_key", String(200), nullable=False, unique=True),
    Column("nace", String(8), nullable=True),
    Column("postcode", String(16), nullable=True),
    Column("country", String(2), nullable=False),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("interview_id", String(64), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)
Index("ix_register_companies_place", companies.c.lat, companies.c.lon)
Index("ix_register_companies_interview", companies.c.interview_id)

streams = Table(
    "register_streams",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "company_id",
        Integer,
        ForeignKey("register_companies.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("side", String(8), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    Column("families", Text, nullable=False, default=""),
    Column("ewc", Text, nullable=False, default=""),
    Column("cpa", Text, nullable=False, default=""),
    Column("hazardous", String(8), nullable=False),
    Column("amount_per_year", Float, nullable=True),
    Column("unit", String(8), nullable=True),
    Column("temperature_c", Float, nullable=True),
    Column("power_kw", Float, nullable=True),
    Column("availability", String(16), nullable=False),
    Column("current_route", String(32), nullable=True),
    Column("disposal_cost_eur_per_t", Float, nullable=True),
    Column("market_price_eur_per_t", Float, nullable=True),
    Column("origin", String(16), nullable=False),
    Column("source_ref", String(64), nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("side IN ('have', 'want')", name="ck_register_streams_side"),
)
Index("ix_register_streams_company", streams.c.company_id)

stream_keys = Table(
    "register_stream_keys",
    metadata,
    Column(
        "stream_id",
        Integer,
        ForeignKey("register_streams.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("key", String(80), primary_key=True),
    Column("side", String(8), nullable=False),
    Column("kind", String(16), nullable=False),
)
Index("ix_register_stream_keys_lookup", stream_keys.c.key, stream_keys.c.side, stream_keys.c.kind)

opportunities = Table(
    "register_opportunities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "supply_id", Integer, ForeignKey("register_streams.id", ondelete="CASCADE"), nullable=False
    ),
    Column(
        "demand_id", Integer, ForeignKey("register_streams.id", ondelete="CASCADE"), nullable=True
    ),
    Column("receiver_id", Integer, ForeignKey("register_companies.id"), nullable=True),
    Column("stage", String(16), nullable=False),
    Column("amount_per_year", Float, nullable=True),
    Column("distance_km", Float, nullable=True),
    Column("score", Float, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint(
        "stage IN ('idea', 'contacted', 'feasibility', 'agreed', 'implemented', 'dropped')",
        name="ck_register_opportunities_stage",
    ),
)
Index("ix_register_opportunities_stage", opportunities.c.stage)

pipeline_events = Table(
    "register_pipeline_events",
    metadata,
    Column(
        "opportunity_id",
        Integer,
        ForeignKey("register_opportunities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("seq", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("stage", String(16), nullable=False),
    Column("note", Text, nullable=False, default=""),
)
