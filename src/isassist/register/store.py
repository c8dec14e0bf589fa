"""The register in the interview database: companies, haves, wants and opportunities.

It shares the database (SQLite file by default, PostgreSQL for a team) and the conventions of
``isassist.store``: SQLAlchemy Core only, so both backends run the same statements, and every
database failure becomes a ``RegisterError`` that names the way out. Matching needs two kinds
of reads: all streams at once (a whole-register run loads them into memory) and the few
candidates of one stream (``candidates`` asks the key index and a bounding box, so one
stream's matches cost milliseconds however large the register grows).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection, RowMapping, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from isassist.knowledge import Knowledge, get_knowledge
from isassist.register import tables as t
from isassist.register.assessment import Party
from isassist.register.errors import RegisterError
from isassist.register.fit import match_keys, search_keys
from isassist.register.geo import bounding_box, great_circle_km, postcode_place
from isassist.register.models import NewCompany, NewStream, RegisterCompany, RegisterStream
from isassist.register.naming import classify_name_only
from isassist.register.settings import MatchSettings
from isassist.register.transport import heat_mwh, mwh_of, reach_km_for
from isassist.store import Store, StoreError, default_url
from isassist.store.engines import make_engine
from isassist.store.sqlite import WRITE_OPTION
from isassist.store.tables import meta as store_meta

_STREAM_COLUMNS = [c for c in t.streams.c if c.name != "created_at"]
_STREAM_FIELDS = {c.name for c in _STREAM_COLUMNS}
Accept = Callable[[RegisterStream, str | None], bool]
"""Whether a found stream, of a company in a NACE sector, is worth turning into a party; it
may read only what the stream says of its material (``_SAID``), so rows that say the same
get one answer."""
_SAID: tuple[str, ...] = ("side", "kind", "name", "families", "ewc", "cpa", "hazardous")
_SAID += ("temperature_c", "availability")
_COMPANY_COLUMNS = [c for c in t.companies.c if c.name != "name_key"]
_CODE_FIELDS = ("families", "ewc", "cpa")
_NON_MATERIAL_FAMILY = {"heat", "water", "gas", "energy", "capacity"}


def now() -> datetime:
    return datetime.now(UTC)


def name_key(name: str) -> str:
    """Names are looked up without regard to case or extra spaces: brokers type them."""
    return " ".join(name.casefold().split())


class Register:
    """Companies with their haves and wants, and the opportunities found between them."""

    def __init__(self, url: str | None = None, knowledge: Knowledge | None = None) -> None:
        self.url = url if url is not None else default_url()
        try:
            parsed = make_url(self.url)
        except ArgumentError as error:
            raise RegisterError(
                f"{self.url!r} is not a database URL; use e.g. 'sqlite:///register.sqlite3' or "
                "'postgresql+psycopg://user@host/db', or leave --db out for the default store."
            ) from error
        self.location = parsed.render_as_string(hide_password=True)
        self.knowledge = knowledge or get_knowledge()
        try:
            # The store creates (or checks) the interview tables the way it always does.
            Store(self.url).close()
        except StoreError as error:
            raise RegisterError(str(error)) from error
        self.engine: Engine = make_engine(parsed)
        weakref.finalize(self, self.engine.dispose)  # closed even when dropped without close()
        self._writer = self.engine.execution_options(**{WRITE_OPTION: True})
        with self._guard("prepare the register tables"), self._writer.begin() as conn:
            t.metadata.create_all(conn)
            found = conn.execute(
                select(store_meta.c.value).where(store_meta.c.key == "register_schema_version")
            ).scalar_one_or_none()
            if found is None:
                conn.execute(
                    insert(store_meta).values(
                        key="register_schema_version", value=str(t.REGISTER_SCHEMA_VERSION)
                    )
                )
            elif int(found) > t.REGISTER_SCHEMA_VERSION:
                raise RegisterError(
                    f"The register in {self.location} has schema version {found}, written by a "
                    "newer isassist. Upgrade isassist."
                )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise RegisterError(
                f"Could not {action} in the register {self.location}: {reason}. Check that the "
                "database is reachable and that no other program holds it locked."
            ) from error

    # -- companies ---------------------------------------------------------------------------

    def add_company(self, company: NewCompany) -> RegisterCompany:
        """Store a new company, placed at its postcode when no coordinates are given."""
        with self._writer.begin() as conn:
            return self.insert_company(conn, company)

    def _placed(self, company: NewCompany) -> NewCompany:
        if company.lat is not None and company.lon is not None:
            return company
        place = postcode_place(self.knowledge, company.postcode, company.country)
        if place is None:
            return company
        return company.model_copy(update={"lat": place[0], "lon": place[1]})

    def insert_company(self, conn: Connection, company: NewCompany) -> RegisterCompany:
        placed = self._placed(company)
        row = {**placed.model_dump(), "name_key": name_key(placed.name), "created_at": now()}
        try:
            with self._guard("add a company"), conn.begin_nested():
                new_id = conn.execute(
                    insert(t.companies).values(**row).returning(t.companies.c.id)
                ).scalar_one()
        except RegisterError as error:
            if isinstance(error.__cause__, IntegrityError):
                raise RegisterError(
                    f"A company named {placed.name!r} is already in the register; add streams "
                    "to it, or give the new one a distinguishing name (e.g. with its town)."
                ) from error
            raise
        return RegisterCompany(id=new_id, created_at=row["created_at"], **placed.model_dump())

    def company(self, name_or_id: str | int) -> RegisterCompany:
        """A company by id or by name (case-insensitive); the error lists close names."""
        with self._guard("read a company"), self.engine.begin() as conn:
            query = select(*_COMPANY_COLUMNS)
            if isinstance(name_or_id, int) or str(name_or_id).isdigit():
                query = query.where(t.companies.c.id == int(name_or_id))
            else:
                query = query.where(t.companies.c.name_key == name_key(str(name_or_id)))
            row = conn.execute(query).mappings().first()
            if row is None:
                like = f"%{name_key(str(name_or_id))[:20]}%"
                close = conn.execute(
                    select(t.companies.c.name).where(t.companies.c.name_key.like(like)).limit(5)
                ).scalars()
                hint = ", ".join(close)
                raise RegisterError(
                    f"There is no company {name_or_id!r} in the register."
                    + (f" Did you mean: {hint}?" if hint else "")
                    + " Run `isassist register list` to see the companies."
                )
        return RegisterCompany.model_validate(dict(row))

    def companies(self) -> list[RegisterCompany]:
        with self._guard("list companies"), self.engine.begin() as conn:
            rows = conn.execute(select(*_COMPANY_COLUMNS).order_by(t.companies.c.name_key))
            return [RegisterCompany.model_validate(dict(r)) for r in rows.mappings()]

    def counts(self) -> dict[str, int]:
        """How many companies, haves, wants and opportunities the register holds."""
        with self._guard("count the register"), self.engine.begin() as conn:
            companies = conn.execute(select(func.count()).select_from(t.companies)).scalar_one()
            sides: dict[str, int] = dict(
                conn.execute(
                    select(t.streams.c.side, func.count()).group_by(t.streams.c.side)
                ).all()
            )
            opportunities = conn.execute(
                select(func.count()).select_from(t.opportunities)
            ).scalar_one()
        return {
            "companies": int(companies),
            "haves": int(sides.get("have", 0)),
            "wants": int(sides.get("want", 0)),
            "opportunities": int(opportunities),
        }

    # -- streams -----------------------------------------------------------------------------

    def normalised(self, stream: NewStream, nace: str | None = None) -> NewStream:
        """Families derived from the EWC codes, and the kind itself for heat, water, ...

        Matching compares keys; a stream typed with only an EWC code must still meet a want
        typed with only a family, and every heat offer must meet every heat want.
        """
        stream = classify_name_only(stream, nace, self.knowledge).stream
        families = set(stream.families)
        for code in stream.ewc:
            families.update(f.family for f in self.knowledge.families_for_ewc(code))
        if stream.kind in _NON_MATERIAL_FAMILY:
            families.add(stream.kind)
        unknown = sorted(f for f in families if f not in self.knowledge.families)
        if unknown:
            raise RegisterError(
                f"Stream {stream.name!r}: unknown material family {unknown[0]!r}. Use a family of "
                "knowledge/families.csv, e.g. ash, gypsum, wood, spent_grain, heat."
            )
        return NewStream.model_validate(
            {**stream.model_dump(), "families": tuple(sorted(families))}
        )

    def add_stream(self, company_id: int, stream: NewStream) -> RegisterStream:
        """Store one have or want of a company."""
        with self._guard("add a stream"), self._writer.begin() as conn:
            return self.insert_streams(conn, company_id, [stream])[0]

    def insert_streams(
        self, conn: Connection, company_id: int, new: Sequence[NewStream]
    ) -> list[RegisterStream]:
        stored: list[RegisterStream] = []
        stamp = now()
        nace = conn.execute(
            select(t.companies.c.nace).where(t.companies.c.id == company_id)
        ).scalar_one_or_none()
        for stream in new:
            ready = self.normalised(stream, nace)
            row = _stream_row(ready)
            stream_id = conn.execute(
                insert(t.streams)
                .values(**row, company_id=company_id, created_at=stamp)
                .returning(t.streams.c.id)
            ).scalar_one()
            self._insert_keys(conn, stream_id, ready)
            stored.append(RegisterStream(id=stream_id, company_id=company_id, **ready.model_dump()))
        return stored

    def add_company_with_streams(
        self, company: NewCompany, new: Sequence[NewStream]
    ) -> tuple[RegisterCompany, list[RegisterStream]]:
        """A company and its streams in one transaction: a half-imported company never stays."""
        with self._guard("add a company"), self._writer.begin() as conn:
            stored = self.insert_company(conn, company)
            return stored, self.insert_streams(conn, stored.id, new)

    def bulk_load(self, entries: Iterable[tuple[NewCompany, Sequence[NewStream]]]) -> int:
        """Insert many companies fast (the synthetic register); returns the streams added."""
        total = 0
        with self._guard("load companies"), self._writer.begin() as conn:
            next_company = _next_id(conn, t.companies.c.id)
            next_stream = _next_id(conn, t.streams.c.id)
            company_rows: list[dict[str, Any]] = []
            stream_rows: list[dict[str, Any]] = []
            key_rows: list[dict[str, Any]] = []
            stamp = now()
            for company, streams in entries:
                placed = self._placed(company)
                company_rows.append(
                    {
                        **placed.model_dump(),
                        "id": next_company,
                        "name_key": name_key(placed.name),
                        "created_at": stamp,
                    }
                )
                for stream in streams:
                    ready = self.normalised(stream, placed.nace)
                    stream_rows.append(
                        {
                            **_stream_row(ready),
                            "id": next_stream,
                            "company_id": next_company,
                            "created_at": stamp,
                        }
                    )
                    key_rows.extend(
                        {"stream_id": next_stream, "key": k, "side": ready.side, "kind": ready.kind}
                        for k in match_keys(ready)
                    )
                    next_stream += 1
                next_company += 1
            for table, rows in (
                (t.companies, company_rows),
                (t.streams, stream_rows),
                (t.stream_keys, key_rows),
            ):
                for start in range(0, len(rows), 5000):
                    conn.execute(insert(table), rows[start : start + 5000])
            total = len(stream_rows)
        self._sync_sequences()
        return total

    def _sync_sequences(self) -> None:
        """PostgreSQL sequences do not see explicit ids; move them past the loaded rows."""
        if self.engine.dialect.name != "postgresql":
            return
        with self._guard("update id sequences"), self._writer.begin() as conn:
            for table in (t.companies, t.streams):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                )

    def streams(
        self, company_id: int | None = None, side: str | None = None
    ) -> list[RegisterStream]:
        query = select(*_STREAM_COLUMNS).order_by(t.streams.c.id)
        if company_id is not None:
            query = query.where(t.streams.c.company_id == company_id)
        if side is not None:
            query = query.where(t.streams.c.side == side)
        with self._guard("list streams"), self.engine.begin() as conn:
            return [_stream(dict(r)) for r in conn.execute(query).mappings()]

    def stream(self, stream_id: int) -> RegisterStream:
        with self._guard("read a stream"), self.engine.begin() as conn:
            row = (
                conn.execute(select(*_STREAM_COLUMNS).where(t.streams.c.id == stream_id))
                .mappings()
                .first()
            )
        if row is None:
            raise RegisterError(
                f"There is no stream with id {stream_id}. `isassist register list` shows ids."
            )
        return _stream(dict(row))

    def update_company(self, conn: Connection, company_id: int, company: NewCompany) -> None:
        """Bring a company's sector and place up to date (an interview answers its postcode
        after its name, so the first save knows only the name); what it does not say yet stays."""
        placed = self._placed(company).model_dump()
        known = {
            name: placed[name]
            for name in ("nace", "postcode", "country", "lat", "lon", "interview_id")
            if placed[name] is not None
        }
        conn.execute(update(t.companies).where(t.companies.c.id == company_id).values(**known))

    def replace_interview_streams(
        self, conn: Connection, company_id: int, new: Sequence[NewStream]
    ) -> int:
        """Make a company's interview streams what ``new`` says, keeping each kept stream's id.

        A stream is the same stream when its side and its place in the interview (the dossier's
        stream id, the want's question and name) are: it is updated in place, so opportunities
        opened on it stay; a stream no longer in ``new`` (the broker removed it) is deleted
        with its opportunities; a new one is inserted. Returns how many streams were written.
        """
        rows = conn.execute(
            select(t.streams.c.id, t.streams.c.side, t.streams.c.source_ref, t.streams.c.name)
            .where(t.streams.c.company_id == company_id, t.streams.c.origin == "interview")
            .order_by(t.streams.c.id)
        ).all()
        current: dict[tuple[str, str], int] = {}
        for row in rows:
            current.setdefault(_interview_place(row.side, row.source_ref, row.name), row.id)
        nace = conn.execute(
            select(t.companies.c.nace).where(t.companies.c.id == company_id)
        ).scalar_one_or_none()
        fresh: list[NewStream] = []
        kept: set[int] = set()
        for stream in new:
            stream_id = current.get(_interview_place(stream.side, stream.source_ref, stream.name))
            if stream_id is None or stream_id in kept:
                fresh.append(stream)
                continue
            kept.add(stream_id)
            ready = self.normalised(stream, nace)
            conn.execute(
                update(t.streams).where(t.streams.c.id == stream_id).values(**_stream_row(ready))
            )
            conn.execute(delete(t.stream_keys).where(t.stream_keys.c.stream_id == stream_id))
            self._insert_keys(conn, stream_id, ready)
        gone = [row.id for row in rows if row.id not in kept]
        if gone:
            conn.execute(delete(t.stream_keys).where(t.stream_keys.c.stream_id.in_(gone)))
            conn.execute(delete(t.streams).where(t.streams.c.id.in_(gone)))
        return len(kept) + len(self.insert_streams(conn, company_id, fresh))

    def _insert_keys(self, conn: Connection, stream_id: int, ready: NewStream) -> None:
        keys = [
            {"stream_id": stream_id, "key": key, "side": ready.side, "kind": ready.kind}
            for key in match_keys(ready)
        ]
        if keys:
            conn.execute(insert(t.stream_keys), keys)

    # -- parties (streams placed on the map) -------------------------------------------------

    def _party_query(self) -> Any:
        return select(*_STREAM_COLUMNS, *[c.label(f"c_{c.name}") for c in _COMPANY_COLUMNS]).join(
            t.companies, t.companies.c.id == t.streams.c.company_id
        )

    def parties(self) -> list[Party]:
        """Every stream of every placed company (companies without a place cannot match)."""
        query = self._party_query().where(t.companies.c.lat.is_not(None))
        with self._guard("read the register"), self.engine.begin() as conn:
            companies: dict[int, RegisterCompany] = {}
            return [_party(dict(r), companies) for r in conn.execute(query).mappings()]

    def party(self, stream_id: int) -> Party:
        query = self._party_query().where(t.streams.c.id == stream_id)
        with self._guard("read a stream"), self.engine.begin() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            raise RegisterError(
                f"There is no stream with id {stream_id}. `isassist register list` shows ids."
            )
        found = _party(dict(row))
        if found.lat != found.lat:  # NaN: the company has no place
            raise RegisterError(
                f"Company {found.company.name!r} has no place: give it a Belgian postcode or "
                "coordinates so distances can be measured."
            )
        return found

    def candidates(
        self,
        target: Party,
        settings: MatchSettings | None = None,
        accept: Accept | None = None,
    ) -> list[tuple[float, Party]]:
        """Streams on the other side sharing a key with ``target`` that are close enough.

        For a have that is its own limit; for a want each supply's limit (hazard, power), so
        the database is asked only for what could ever be a match. ``accept`` (a stream and
        its company's NACE code) drops rows before they become records (``Matcher.gate``).
        """
        settings = settings or MatchSettings()
        stream = target.stream
        keys = match_keys(stream)
        need = heat_mwh(stream) if stream.kind == "heat" else None
        if stream.side == "have":
            return self.nearby(target, settings.limit_km(stream), "want", keys, accept=accept)
        return self.nearby(
            target,
            settings.reach_km(stream.kind),
            "have",
            search_keys(stream, target.company.nace, settings.weak_hints),
            reach=lambda row: reach_km_for(
                row["kind"],
                row["hazardous"],
                tuple(row["families"].split()),
                mwh_of(row["amount_per_year"], row["unit"], row["kind"], row["power_kw"]),
                need,
                settings.distance_scale,
            ),
            accept=accept,
        )

    def nearby(
        self,
        centre: Party,
        radius_km: float,
        side: str,
        keys: Sequence[str],
        extra: Any = None,
        reach: Callable[[RowMapping], float] | None = None,
        accept: Accept | None = None,
    ) -> list[tuple[float, Party]]:
        """(distance, party) for streams on ``side`` with one of ``keys``, of the same kind.

        ``extra`` narrows the query further; ``reach`` gives a row's own distance limit, tested
        before the row is turned into records (most rows of a wide search fail it).
        """
        if not keys:
            return []
        keyed = (
            select(t.stream_keys.c.stream_id)
            .where(
                t.stream_keys.c.key.in_(list(keys)),
                t.stream_keys.c.side == side,
                t.stream_keys.c.kind == centre.stream.kind,
            )
            .distinct()
        )
        condition: Any = t.streams.c.id.in_(keyed)
        if extra is not None:
            condition = and_(condition, extra)
        return self._within(centre, radius_km, condition, reach, accept)

    def companies_near(
        self, centre: Party, radius_km: float
    ) -> list[tuple[float, RegisterCompany]]:
        """Every placed company within ``radius_km`` of a stream's company."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(centre.lat, centre.lon, radius_km)
        query = select(*_COMPANY_COLUMNS).where(
            t.companies.c.lat.between(min_lat, max_lat),
            t.companies.c.lon.between(min_lon, max_lon),
        )
        found: list[tuple[float, RegisterCompany]] = []
        with self._guard("find companies"), self.engine.begin() as conn:
            for row in conn.execute(query).mappings():
                company = RegisterCompany.model_validate(dict(row))
                assert company.lat is not None and company.lon is not None
                distance = great_circle_km(centre.lat, centre.lon, company.lat, company.lon)
                if distance <= radius_km:
                    found.append((distance, company))
        return found

    def _within(
        self,
        centre: Party,
        radius_km: float,
        condition: Any,
        reach: Callable[[RowMapping], float] | None = None,
        accept: Accept | None = None,
    ) -> list[tuple[float, Party]]:
        min_lat, max_lat, min_lon, max_lon = bounding_box(centre.lat, centre.lon, radius_km)
        query = self._party_query().where(
            condition,
            t.companies.c.lat.between(min_lat, max_lat),
            t.companies.c.lon.between(min_lon, max_lon),
        )
        found: list[tuple[float, Party]] = []
        companies: dict[int, RegisterCompany] = {}
        said: dict[tuple[Any, ...], bool] = {}
        with self._guard("find candidates"), self.engine.begin() as conn:
            for row in conn.execute(query).mappings():
                distance = great_circle_km(centre.lat, centre.lon, row["c_lat"], row["c_lon"])
                if distance > radius_km or (reach is not None and distance > reach(row)):
                    continue
                # a wide look-up reads thousands of rows of a few hundred kinds: a kind that
                # was refused is skipped before it becomes a record
                kind = (*(row[name] for name in _SAID), row["c_nace"])
                known = said.get(kind)
                if known is False:
                    continue
                values = dict(row)
                stream = _stream({k: v for k, v in values.items() if not k.startswith("c_")})
                if accept is not None and known is None:
                    said[kind] = accept(stream, values["c_nace"])
                    if not said[kind]:
                        continue
                found.append((distance, _party(values, companies, stream)))
        return found

    # -- raw access for the pipeline ---------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        with self._guard("save the change"), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._guard("read the register"), self.engine.begin() as conn:
            yield conn


def _next_id(conn: Connection, column: Any) -> int:
    return int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()) + 1


def _interview_place(side: str, source_ref: str | None, name: str) -> tuple[str, str]:
    """Where a stream sits in its interview: a have by the dossier's stream id, a want by its
    question and its words (one answer may name several wants)."""
    if side == "have" and source_ref:
        return side, source_ref
    return side, f"{source_ref or ''}\x00{name}"


def _stream_row(stream: NewStream) -> dict[str, Any]:
    row = stream.model_dump()
    for name in _CODE_FIELDS:
        row[name] = " ".join(row[name])
    return row


def _stream(row: dict[str, Any]) -> RegisterStream:
    """A stored row as a record, without validating it again: it was validated on the way
    in, and a whole-register run or a wide look-up reads thousands of rows."""
    for name in _CODE_FIELDS:
        value = row.get(name)
        row[name] = tuple(value.split()) if isinstance(value, str) else tuple(value or ())
    return RegisterStream.model_construct(_STREAM_FIELDS, **row)


def _party(
    row: dict[str, Any],
    companies: dict[int, RegisterCompany] | None = None,
    stream: RegisterStream | None = None,
) -> Party:
    """A stream row joined with its company's columns (``c_``), as a placed party.

    ``companies`` shares one record per company over the rows of one query: a company's
    five streams then cost one validation instead of five.
    """
    company_id = row["c_id"]
    company = companies.get(company_id) if companies is not None else None
    if company is None:
        company = RegisterCompany.model_construct(
            **{c.name: row[f"c_{c.name}"] for c in _COMPANY_COLUMNS}
        )
        if companies is not None:
            companies[company_id] = company
    if stream is None:
        stream = _stream({k: v for k, v in row.items() if not k.startswith("c_")})
    nan = float("nan")
    return Party(
        stream=stream,
        company=company,
        lat=company.lat if company.lat is not None else nan,
        lon=company.lon if company.lon is not None else nan,
    )
