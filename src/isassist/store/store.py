"""The interview store: headers and append-only event logs in a SQL database.

One ``Store`` per process is enough; it is cheap to open and safe to share between threads
(SQLAlchemy pools the connections). Every ``append`` is its own transaction, so an answer is
on disk once the call returns, and two processes writing to one database serialise instead of
overwriting each other. The default database is a SQLite file in the user data directory; any
SQLAlchemy URL (PostgreSQL for the broker register) uses the same code.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from isassist.store import migrations
from isassist.store.engines import make_engine, server_name, timeout_hint
from isassist.store.errors import StoreError, stale_interview, unknown_interview
from isassist.store.ids import new_interview_id
from isassist.store.location import DATA_DIR_ENV, data_home, default_url
from isassist.store.models import (
    Event,
    InterviewExport,
    InterviewMeta,
    InterviewStatus,
    NewEvent,
    StoredInterview,
    Summary,
)
from isassist.store.sqlite import RELAXED_OPTION, WRITE_OPTION
from isassist.store.tables import SCHEMA_VERSION, interview_events, interviews
from isassist.store.tables import meta as meta_table

_log = logging.getLogger(__name__)

_EVENT_FIELDS = set(NewEvent.model_fields)
_ORDER_RECENT_FIRST = (
    interviews.c.updated_at.desc(),
    interviews.c.created_at.desc(),
    interviews.c.id.desc(),
)
# The header columns without event_count, which belongs to summaries only.
_LIST_ONLY = ("event_count", "progress_done", "progress_total")
_HEADER_COLUMNS = [c for c in interviews.c if c.name not in _LIST_ONLY]


def _now() -> datetime:
    return datetime.now(UTC)


def _hint(reason: str) -> str:
    if "locked" in reason or "busy" in reason:
        return "Another isassist process kept the database busy; close it or try again."
    if "not a database" in reason or "malformed" in reason:
        return (
            "The file is not an intact isassist interview store; move it away (a new one is "
            "created) or point ISASSIST_DATA_DIR at another folder."
        )
    if "disk" in reason or "full" in reason:
        return (
            "The disk may be full or the file too large: free some space (or move the store "
            "with ISASSIST_DATA_DIR) and try again; what was saved before is intact."
        )
    if "unable to open" in reason or "readonly" in reason:
        return "Check that the folder exists and that you may write to it."
    return "Check the database location and try again."


def _default_url() -> str:
    try:
        return default_url()
    except OSError as error:
        folder = data_home()
        raise StoreError(
            f"The data folder {folder} cannot be used ({error.strerror or error}): "
            f"{'it is a file, not a folder' if folder.is_file() else 'it cannot be created'}. "
            f"Point {DATA_DIR_ENV} at a folder, or unset it to use the default."
        ) from error


_SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """Refuse a store file that exists but cannot be an intact database, rather than let
    SQLite quietly start a new, empty store in it: a 0-byte file is usually an interrupted
    copy or sync, and the interviews are in the copy that was meant to arrive."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"The interview store {path} is a folder, not a database file.")
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if not head:
        raise StoreError(
            f"The interview store {path} is empty (0 bytes), probably left by an interrupted "
            "copy or sync; it was not touched. Put back the complete file (from the copy it "
            "came from or your backup), or move this empty file away to start a new store."
        )
    if head != _SQLITE_HEADER:
        raise StoreError(
            f"The interview store {path} is not a database: it is not an intact isassist "
            "interview store (damaged, or another kind of file) and was not touched. Restore "
            "it from your backup, or move it away to start a new store."
        )


class Store:
    """Interviews and their events, persisted through SQLAlchemy Core."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url if url is not None else _default_url()
        try:
            parsed = make_url(self.url)
        except ArgumentError as error:
            raise StoreError(
                f"{self.url!r} is not a database URL; use e.g. 'sqlite:///path/interviews.sqlite3'"
                " or leave it out to use the default store."
            ) from error
        self._url = parsed
        self.location = server_name(parsed)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            check_sqlite_file(Path(parsed.database))
        try:
            self._engine = make_engine(parsed)
        except ModuleNotFoundError as error:  # psycopg is the optional `postgres` extra
            raise StoreError(
                f"{self.location} needs the database driver {error.name!r}, which is not "
                "installed; install isassist with its PostgreSQL support: "
                "uv tool install 'isassist[postgres]' (or uv sync --extra postgres in a clone)."
            ) from error
        # A store dropped without close() still closes its connections when collected
        # (Python 3.13 warns about every SQLite connection left open).
        weakref.finalize(self, self._engine.dispose)
        # Same pool, but transactions on it take the write lock up front (BEGIN IMMEDIATE).
        self._writer = self._engine.execution_options(**{WRITE_OPTION: True})
        # derived data (the progress count): no fsync of its own (isassist.store.sqlite)
        self._relaxed = self._engine.execution_options(**{WRITE_OPTION: True, RELAXED_OPTION: True})
        try:
            self._ensure_schema()
        except BaseException:
            self._engine.dispose()
            raise

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Release the database connections (the store can be reopened any time)."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn database failures into a StoreError that names the store and a way out."""
        try:
            yield
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise StoreError(
                f"Could not {action} in the interview store {self.location}: {reason}. "
                + (timeout_hint(reason, self._url) or _hint(reason))
            ) from error

    def _ensure_schema(self) -> None:
        """Create or upgrade the database through the shipped migrations (the one schema
        authority, see ``isassist.store.migrations``); a database at head is only checked."""
        with self._guard("open the database"):
            with self._engine.begin() as conn:
                if migrations.is_current(conn):
                    self._check_version(conn)
                    return
            with self._writer.begin() as conn:
                # Another process may have migrated while we waited for the write lock.
                migrations.upgrade_connection(conn)
                self._check_version(conn)

    def _check_version(self, conn: Connection) -> int | None:
        found = conn.execute(
            select(meta_table.c.value).where(meta_table.c.key == "schema_version")
        ).scalar_one_or_none()
        if found is None:
            return None
        version = int(found)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The interview store {self.location} has schema version {version}, written by "
                f"a newer isassist; this one reads version {SCHEMA_VERSION}. Upgrade isassist."
            )
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"The interview store {self.location} has the old schema version {version}; "
                f"this isassist needs version {SCHEMA_VERSION}. Migrate it first."
            )
        return version

    # -- interviews --------------------------------------------------------------------------

    def create_interview(self, meta: InterviewMeta) -> str:
        """Start a new, open interview and return its fresh id."""
        now = _now()
        with self._guard("create an interview"), self._writer.begin() as conn:
            interview_id = self._free_id(conn, now)
            record = StoredInterview(
                id=interview_id, created_at=now, updated_at=now, **meta.model_dump()
            )
            conn.execute(insert(interviews).values(**record.model_dump(), event_count=0))
        return interview_id

    def get(self, interview_id: str) -> StoredInterview:
        """The header of one interview; StoreError if the id is unknown."""
        with self._guard("read an interview"), self._engine.begin() as conn:
            return self._header(conn, interview_id)

    def update(
        self,
        interview_id: str,
        *,
        title: str | None = None,
        company: str | None = None,
        status: InterviewStatus | None = None,
    ) -> StoredInterview:
        """Change the title, company name or status (open/closed) of an interview."""
        changes = {
            key: value
            for key, value in {"title": title, "company": company, "status": status}.items()
            if value is not None
        }
        with self._guard("update an interview"), self._writer.begin() as conn:
            current = self._header(conn, interview_id)
            changed = StoredInterview.model_validate(
                {**current.model_dump(), **changes, "updated_at": _now()}
            )
            conn.execute(
                update(interviews)
                .where(interviews.c.id == interview_id)
                .values(**changes, updated_at=changed.updated_at)
            )
        return changed

    def set_progress(self, interview_id: str, done: int, total: int) -> None:
        """Keep the interview's progress measure (answered of applicable questions) next to
        its header, so listing interviews never rebuilds them; not a change of the interview
        (``updated_at`` stays). An unknown id is ignored: the interview was deleted meanwhile."""
        with self._guard("save the progress"), self._relaxed.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            conn.execute(
                update(interviews)
                .where(interviews.c.id == interview_id)
                .values(progress_done=max(0, done), progress_total=max(0, total))
            )

    def list_interviews(self, limit: int | None = None) -> list[Summary]:
        """All interviews (or the ``limit`` most recent), most recently changed first."""
        query = select(interviews).order_by(*_ORDER_RECENT_FIRST).limit(limit)
        with self._guard("list interviews"), self._engine.begin() as conn:
            rows = conn.execute(query).mappings().all()
        return [Summary.model_validate(dict(row)) for row in rows]

    def latest(self) -> Summary | None:
        """The most recently changed interview, to offer "continue where you left off"."""
        found = self.list_interviews(limit=1)
        return found[0] if found else None

    def delete(self, interview_id: str) -> None:
        """Remove an interview and all its events for good."""
        with self._guard("delete an interview"), self._writer.begin() as conn:
            conn.execute(
                delete(interview_events).where(interview_events.c.interview_id == interview_id)
            )
            result = conn.execute(delete(interviews).where(interviews.c.id == interview_id))
            if result.rowcount == 0:
                raise unknown_interview(interview_id)

    # -- events ------------------------------------------------------------------------------

    def append(self, interview_id: str, event: NewEvent, *, expected: int | None = None) -> int:
        """Add one event in its own transaction and return its sequence number (1, 2, ...).

        The number is allocated inside the transaction by bumping the interview's counter,
        which also stamps the interview as changed. With ``expected`` (the sequence number the
        caller believes comes next) an interview changed by another process since the caller
        read it is refused with StaleInterviewError, and nothing is written.
        """
        now = _now()
        with self._guard("save the answer"), self._writer.begin() as conn:
            condition = interviews.c.id == interview_id
            if expected is not None:
                condition &= interviews.c.event_count == expected - 1
            seq = conn.execute(
                update(interviews)
                .where(condition)
                .values(event_count=interviews.c.event_count + 1, updated_at=now)
                .returning(interviews.c.event_count)
            ).scalar_one_or_none()
            if seq is None:
                found = conn.execute(
                    select(interviews.c.event_count).where(interviews.c.id == interview_id)
                ).scalar_one_or_none()
                if found is None or expected is None:
                    raise unknown_interview(interview_id)
                raise stale_interview(interview_id, expected - 1, int(found))
            conn.execute(
                insert(interview_events).values(
                    interview_id=interview_id, seq=seq, at=now, **self._event_fields(event)
                )
            )
        return int(seq)

    def add_events(
        self, interview_id: str, events: Sequence[NewEvent], *, after: int | None = None
    ) -> int:
        """Add several events in one transaction (all of them or none, e.g. an imported
        sheet) and return the sequence number of the last. With ``after`` (the last sequence
        number the caller read) a change by another process in between is refused."""
        now = _now()
        with self._guard("save the answers"), self._writer.begin() as conn:
            condition = interviews.c.id == interview_id
            if after is not None:
                condition &= interviews.c.event_count == after
            last = conn.execute(
                update(interviews)
                .where(condition)
                .values(
                    event_count=interviews.c.event_count + len(events),
                    updated_at=now,
                    # answers added outside the engine: counted again when next listed
                    progress_done=None,
                    progress_total=None,
                )
                .returning(interviews.c.event_count)
            ).scalar_one_or_none()
            if last is None:
                found = conn.execute(
                    select(interviews.c.event_count).where(interviews.c.id == interview_id)
                ).scalar_one_or_none()
                if found is None or after is None:
                    raise unknown_interview(interview_id)
                raise stale_interview(interview_id, after, int(found))
            self._insert_events(conn, interview_id, events, int(last) - len(events) + 1, now)
        return int(last)

    def create_interview_with_events(
        self, meta: InterviewMeta, events: Sequence[NewEvent], *, interview_id: str | None = None
    ) -> str:
        """A new interview with its first events, in one transaction: when anything fails no
        interview is left behind (not even an empty one). ``interview_id``: the id chosen
        before the store was open (``isassist.store.opening``; ``new_interview_id``), refused
        when another interview has it."""
        now = _now()
        with self._guard("create an interview"), self._writer.begin() as conn:
            if interview_id is None:
                interview_id = self._free_id(conn, now)
            elif self._exists(conn, interview_id):
                raise StoreError(
                    f"Interview {interview_id} already exists in {self.location}; this new "
                    "interview was not saved. Start it again (a new id is chosen)."
                )
            record = StoredInterview(
                id=interview_id, created_at=now, updated_at=now, **meta.model_dump()
            )
            conn.execute(insert(interviews).values(**record.model_dump(), event_count=len(events)))
            self._insert_events(conn, interview_id, events, 1, now)
        return interview_id

    def _insert_events(
        self,
        conn: Connection,
        interview_id: str,
        events: Sequence[NewEvent],
        first_seq: int,
        now: datetime,
    ) -> None:
        if events:
            conn.execute(
                insert(interview_events),
                [
                    {"interview_id": interview_id, "seq": seq, "at": now, **self._event_fields(e)}
                    for seq, e in enumerate(events, start=first_seq)
                ],
            )

    def events(self, interview_id: str) -> list[Event]:
        """The interview's events in the order they happened."""
        with self._guard("read the events"), self._engine.begin() as conn:
            self._header(conn, interview_id)
            return self._events(conn, interview_id)

    # -- exchange ----------------------------------------------------------------------------

    def export_interview(self, interview_id: str) -> InterviewExport:
        """A self-contained copy of the interview; write it with ``write_export``."""
        with self._guard("export an interview"), self._engine.begin() as conn:
            header = self._header(conn, interview_id)
            events = self._events(conn, interview_id)
        return InterviewExport(exported_at=_now(), interview=header, events=events)

    def import_interview(self, export: InterviewExport) -> str:
        """Store an exported interview and return its id in this store.

        Ids are kept, so a file that went to a colleague and back is recognisable. When the id
        is already taken the interview is stored under a fresh id: nothing is overwritten. The
        caller tells the user when the returned id differs from ``export.interview.id``.
        """
        wanted = export.interview.id
        with self._guard("import an interview"), self._writer.begin() as conn:
            taken = self._exists(conn, wanted)
            interview_id = self._free_id(conn, _now()) if taken else wanted
            header = export.interview.model_dump()
            conn.execute(
                insert(interviews).values(
                    {**header, "id": interview_id, "event_count": len(export.events)}
                )
            )
            if export.events:
                conn.execute(
                    insert(interview_events),
                    [
                        {
                            "interview_id": interview_id,
                            "seq": event.seq,
                            "at": event.at,
                            **self._event_fields(event),
                        }
                        for event in export.events
                    ],
                )
        if taken:
            _log.info("interview %s already exists; imported as %s", wanted, interview_id)
        return interview_id

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _event_fields(event: NewEvent) -> dict[str, Any]:
        return event.model_dump(include=_EVENT_FIELDS)

    @staticmethod
    def _exists(conn: Connection, interview_id: str) -> bool:
        found = conn.execute(select(interviews.c.id).where(interviews.c.id == interview_id))
        return found.first() is not None

    def _free_id(self, conn: Connection, now: datetime) -> str:
        while True:
            candidate = new_interview_id(now)
            if not self._exists(conn, candidate):
                return candidate

    @staticmethod
    def _header(conn: Connection, interview_id: str) -> StoredInterview:
        row = (
            conn.execute(select(*_HEADER_COLUMNS).where(interviews.c.id == interview_id))
            .mappings()
            .first()
        )
        if row is None:
            raise unknown_interview(interview_id)
        return StoredInterview.model_validate(dict(row))

    @staticmethod
    def _events(conn: Connection, interview_id: str) -> list[Event]:
        rows = conn.execute(
            select(interview_events)
            .where(interview_events.c.interview_id == interview_id)
            .order_by(interview_events.c.seq)
        ).mappings()
        return [
            Event.model_validate({k: v for k, v in row.items() if k != "interview_id"})
            for row in rows
        ]
