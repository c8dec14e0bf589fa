"""Accounts, browser sessions, invitation links and launch tickets, in the team's database.

Who may do what is decided here and only here, on the server side:

- a broker logs in with a name and a password (argon2id through argon2-cffi, parameters of
  RFC 9106's low-memory profile, rehashed when those change); failed attempts are counted
  per account and per client address in the database, so several server processes share
  the limit, and a locked-out account answers exactly like a wrong password;
- a browser session is a random id (``secrets.token_urlsafe``) in a cookie; the database
  keeps only its SHA-256, so a copy of the database logs nobody in;
- an invitation link carries a random token for one company; it expires, can be revoked, and
  opens a session that reaches that company's self-assessment and nothing else;
- each app process gets a launch ticket: one-time, valid for minutes, bound to a session; the
  child consumes it and learns whom it serves (:class:`Identity`) from the database.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, and_, delete, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from isassist.server.tables import invitations, launch_tickets, login_attempts, users, web_sessions
from isassist.store import Store
from isassist.store.engines import make_engine
from isassist.store.sqlite import WRITE_OPTION

SESSION_LIFETIME = timedelta(hours=12)
TICKET_LIFETIME = timedelta(minutes=5)  # 20 app processes starting at once on 2 cores take long
ATTEMPT_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
MIN_PASSWORD_LENGTH = 10
NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789._-@"

_hasher = PasswordHasher()
# verified against when the account does not exist, so a wrong name costs the same time
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(Exception):
    """A refused account action; the message says what is wrong and what would be right."""


class LoginRefused(AccountError):
    """Wrong name, wrong password, disabled account or too many attempts: one message for all."""


Role = Literal["broker", "invitee"]


@dataclass(frozen=True)
class Identity:
    """Whom a session (and the app process it starts) serves."""

    role: Role
    name: str  # the broker's account name, or the invited company
    user_id: int | None = None
    invitation_id: int | None = None
    language: str = "nl"
    interview_id: str | None = None


@dataclass(frozen=True)
class UserRow:
    name: str
    disabled: bool
    created_at: datetime


@dataclass(frozen=True)
class InvitationRow:
    id: int
    company: str
    language: str
    created_by: str | None
    expires_at: datetime
    revoked_at: datetime | None
    interview_id: str | None

    def state(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= now else "open"


def digest(secret: str) -> str:
    """SHA-256 of a random secret (session id, token, ticket), as stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def check_name(name: str) -> str:
    cleaned = name.strip().lower()
    if not cleaned or len(cleaned) > 64 or any(c not in NAME_CHARACTERS for c in cleaned):
        raise AccountError(
            f"{name!r} is not a usable account name: use 1 to 64 letters, digits and . _ - @."
        )
    return cleaned


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            f"The password is too short: use at least {MIN_PASSWORD_LENGTH} characters."
        )
    if len(password) > 1024:
        raise AccountError("The password is too long: use at most 1024 characters.")
    return password


class Accounts:
    """The server's tables on the team's database (the store's URL: migrated on open)."""

    def __init__(self, url: str) -> None:
        Store(url).close()  # creates or upgrades the schema through the migrations
        self.url = url
        self.engine: Engine = make_engine(make_url(url))
        # write transactions take SQLite's write lock up front (BEGIN IMMEDIATE), so twenty
        # app processes redeeming tickets at once wait their turn instead of failing with
        # "database is locked" on a read lock that cannot be upgraded
        self._writer = self.engine.execution_options(**{WRITE_OPTION: True})

    def close(self) -> None:
        self.engine.dispose()

    # -- users --------------------------------------------------------------------------------

    def add_user(self, name: str, password: str) -> None:
        name, now = check_name(name), _now()
        row = {
            "name": name,
            "password_hash": _hasher.hash(check_password(password)),
            "disabled": False,
            "created_at": now,
            "password_changed_at": now,
        }
        try:
            with self._writer.begin() as conn:
                conn.execute(insert(users).values(**row))
        except IntegrityError as error:
            raise AccountError(f"There is already an account {name!r}.") from error

    def _set(self, name: str, **values: object) -> None:
        with self._writer.begin() as conn:
            done = conn.execute(update(users).where(users.c.name == check_name(name)), values)
            if done.rowcount == 0:
                raise AccountError(f"There is no account {name!r} (see `isassist users list`).")
            if values.get("disabled") or "password_hash" in values:
                # a disabled account or a new password ends every open session of the account
                user_id = select(users.c.id).where(users.c.name == check_name(name))
                conn.execute(delete(web_sessions).where(web_sessions.c.user_id.in_(user_id)))

    def set_disabled(self, name: str, disabled: bool) -> None:
        self._set(name, disabled=disabled)

    def reset_password(self, name: str, password: str) -> None:
        hashed = _hasher.hash(check_password(password))
        self._set(name, password_hash=hashed, password_changed_at=_now())

    def list_users(self) -> list[UserRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(users.c.name, users.c.disabled, users.c.created_at).order_by(users.c.name)
            )
            return [UserRow(r.name, bool(r.disabled), r.created_at) for r in rows]

    # -- logging in ---------------------------------------------------------------------------

    def _failures(self, key: str, since: datetime) -> int:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(func.count())
                .select_from(login_attempts)
                .where(login_attempts.c.key == key, login_attempts.c.at > since)
            ).scalar_one()
            return int(found)

    def login(self, name: str, password: str, address: str) -> str:
        """A new session id for a correct name and password; LoginRefused otherwise.

        Refused without checking the password when the account or the address has had too
        many failures in the last 15 minutes; the message is the same as for a wrong password,
        so the lock tells an attacker nothing.
        """
        now = _now()
        cleaned = name.strip().lower()[:64]
        account_key, address_key = f"account:{cleaned}", f"address:{address[:150]}"
        since = now - ATTEMPT_WINDOW
        limited = (
            self._failures(account_key, since) >= MAX_FAILURES_PER_ACCOUNT
            or self._failures(address_key, since) >= MAX_FAILURES_PER_ADDRESS
        )
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users.c.id, users.c.password_hash, users.c.disabled).where(
                    users.c.name == cleaned
                )
            ).first()
        stored = row.password_hash if row is not None else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
            correct = row is not None
        except (VerificationError, InvalidHashError):
            correct = False
        if limited or not correct or row is None or row.disabled:
            with self._writer.begin() as conn:
                conn.execute(
                    insert(login_attempts),
                    [{"key": account_key, "at": now}, {"key": address_key, "at": now}],
                )
            raise LoginRefused("Wrong name or password, or too many attempts; try again later.")
        if _hasher.check_needs_rehash(stored):
            with self._writer.begin() as conn:
                conn.execute(
                    update(users)
                    .where(users.c.id == row.id)
                    .values(password_hash=_hasher.hash(password))
                )
        with self._writer.begin() as conn:
            conn.execute(delete(login_attempts).where(login_attempts.c.key == account_key))
            conn.execute(delete(login_attempts).where(login_attempts.c.at <= since))
        return self._new_session(user_id=row.id)

    def _new_session(self, *, user_id: int | None = None, invitation_id: int | None = None) -> str:
        session_id, now = secrets.token_urlsafe(32), _now()
        with self._writer.begin() as conn:
            conn.execute(delete(web_sessions).where(web_sessions.c.expires_at <= now))
            conn.execute(
                insert(web_sessions).values(
                    id_hash=digest(session_id),
                    user_id=user_id,
                    invitation_id=invitation_id,
                    created_at=now,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
        return session_id

    def logout(self, session_id: str) -> None:
        with self._writer.begin() as conn:
            conn.execute(delete(web_sessions).where(web_sessions.c.id_hash == digest(session_id)))

    def identity(self, session_id: str) -> Identity | None:
        """Whom the session serves, or None: unknown, expired, disabled, revoked or expired link."""
        return self._identity_of(digest(session_id))

    def _identity_of(self, id_hash: str) -> Identity | None:
        now = _now()
        query = (
            select(
                web_sessions.c.user_id,
                users.c.name,
                users.c.disabled,
                invitations.c.id.label("invitation_id"),
                invitations.c.company,
                invitations.c.language,
                invitations.c.expires_at.label("invite_expires"),
                invitations.c.revoked_at,
                invitations.c.interview_id,
            )
            .select_from(
                web_sessions.outerjoin(users, users.c.id == web_sessions.c.user_id).outerjoin(
                    invitations, invitations.c.id == web_sessions.c.invitation_id
                )
            )
            .where(web_sessions.c.id_hash == id_hash, web_sessions.c.expires_at > now)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        if row.user_id is not None:
            if row.disabled:
                return None
            return Identity(role="broker", name=row.name, user_id=row.user_id)
        if row.revoked_at is not None or row.invite_expires <= now:
            return None
        return Identity(
            role="invitee",
            name=row.company,
            invitation_id=row.invitation_id,
            language=row.language,
            interview_id=row.interview_id,
        )

    # -- invitations --------------------------------------------------------------------------

    def invite(
        self, company: str, *, language: str, expires: timedelta, by: str | None
    ) -> tuple[int, str]:
        """(invitation id, token) for a self-assessment of ``company``; the token is shown once."""
        company = " ".join(company.split())
        if not company or len(company) > 200:
            raise AccountError("Name the company in 1 to 200 characters.")
        if language not in ("nl", "en"):
            raise AccountError(f"{language!r} is not a language of isassist: use nl or en.")
        if expires <= timedelta(0) or expires > timedelta(days=90):
            raise AccountError("An invitation expires after a positive time of at most 90 days.")
        token, now = secrets.token_urlsafe(32), _now()
        with self._writer.begin() as conn:
            creator = None
            if by is not None:
                creator = conn.execute(
                    select(users.c.id).where(users.c.name == check_name(by))
                ).scalar_one_or_none()
                if creator is None:
                    raise AccountError(f"There is no account {by!r} (see `isassist users list`).")
            new_id = conn.execute(
                insert(invitations)
                .values(
                    token_hash=digest(token),
                    company=company,
                    language=language,
                    created_by=creator,
                    created_at=now,
                    expires_at=now + expires,
                )
                .returning(invitations.c.id)
            ).scalar_one()
        return int(new_id), token

    def revoke_invite(self, invitation_id: int) -> None:
        with self._writer.begin() as conn:
            done = conn.execute(
                update(invitations)
                .where(invitations.c.id == invitation_id, invitations.c.revoked_at.is_(None))
                .values(revoked_at=_now())
            )
            if done.rowcount == 0:
                raise AccountError(
                    f"There is no open invitation {invitation_id} (see `isassist users invites`)."
                )
            conn.execute(delete(web_sessions).where(web_sessions.c.invitation_id == invitation_id))

    def list_invites(self) -> list[InvitationRow]:
        query = (
            select(invitations, users.c.name.label("creator"))
            .select_from(invitations.outerjoin(users, users.c.id == invitations.c.created_by))
            .order_by(invitations.c.id)
        )
        with self.engine.connect() as conn:
            return [
                InvitationRow(
                    id=r.id,
                    company=r.company,
                    language=r.language,
                    created_by=r.creator,
                    expires_at=r.expires_at,
                    revoked_at=r.revoked_at,
                    interview_id=r.interview_id,
                )
                for r in conn.execute(query)
            ]

    def open_invite(self, token: str) -> str | None:
        """A session id for a valid invitation token; None when unknown, expired or revoked."""
        now = _now()
        with self.engine.connect() as conn:
            found = conn.execute(
                select(invitations.c.id).where(
                    invitations.c.token_hash == digest(token),
                    invitations.c.revoked_at.is_(None),
                    invitations.c.expires_at > now,
                )
            ).scalar_one_or_none()
        return None if found is None else self._new_session(invitation_id=int(found))

    def bind_interview(self, invitation_id: int, interview_id: str) -> str:
        """Tie the invitation to its interview (first one wins); returns the bound interview."""
        with self._writer.begin() as conn:
            conn.execute(
                update(invitations)
                .where(invitations.c.id == invitation_id, invitations.c.interview_id.is_(None))
                .values(interview_id=interview_id)
            )
            bound = conn.execute(
                select(invitations.c.interview_id).where(invitations.c.id == invitation_id)
            ).scalar_one()
        return str(bound)

    # -- launch tickets -----------------------------------------------------------------------

    def issue_ticket(self, session_id: str) -> str | None:
        """A one-time ticket for an app process of this session; None if the session is gone."""
        if self.identity(session_id) is None:
            return None
        ticket, now = secrets.token_urlsafe(32), _now()
        with self._writer.begin() as conn:
            conn.execute(delete(launch_tickets).where(launch_tickets.c.expires_at <= now))
            conn.execute(
                insert(launch_tickets).values(
                    ticket_hash=digest(ticket),
                    session_hash=digest(session_id),
                    expires_at=now + TICKET_LIFETIME,
                )
            )
        return ticket

    def redeem_ticket(self, ticket: str) -> Identity | None:
        """Whom the app process serves; the ticket is gone afterwards, used or not."""
        now = _now()
        with self._writer.begin() as conn:
            session_hash = conn.execute(
                select(launch_tickets.c.session_hash).where(
                    launch_tickets.c.ticket_hash == digest(ticket)
                )
            ).scalar_one_or_none()
            done = conn.execute(
                delete(launch_tickets).where(
                    and_(
                        launch_tickets.c.ticket_hash == digest(ticket),
                        launch_tickets.c.expires_at > now,
                    )
                )
            )
            conn.execute(delete(launch_tickets).where(launch_tickets.c.expires_at <= now))
        if session_hash is None or done.rowcount != 1:
            return None
        return self._identity_of(str(session_hash))
