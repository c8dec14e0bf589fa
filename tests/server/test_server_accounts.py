"""Accounts, sessions, invitations and launch tickets: what the server decides, headless."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from isassist.server.accounts import (
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_ADDRESS,
    AccountError,
    Accounts,
    LoginRefused,
    digest,
)
from isassist.server.tables import (
    invitations,
    launch_tickets,
    login_attempts,
    users,
    web_sessions,
)
from teamserver import PASSWORD


def test_a_broker_logs_in_with_the_right_password_only(accounts: Accounts) -> None:
    session = accounts.login("Jan", PASSWORD, "10.0.0.1")
    who = accounts.identity(session)
    assert who is not None and who.role == "broker" and who.name == "jan"
    with pytest.raises(LoginRefused):
        accounts.login("jan", PASSWORD + "x", "10.0.0.1")
    with pytest.raises(LoginRefused):
        accounts.login("piet", PASSWORD, "10.0.0.1")


def test_passwords_and_session_ids_are_stored_hashed(accounts: Accounts) -> None:
    session = accounts.login("jan", PASSWORD, "10.0.0.1")
    with accounts.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
        ids = list(conn.execute(select(web_sessions.c.id_hash)).scalars())
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert ids == [digest(session)]


def test_too_many_failures_lock_the_account_even_for_the_right_password(
    accounts: Accounts,
) -> None:
    for _ in range(MAX_FAILURES_PER_ACCOUNT):
        with pytest.raises(LoginRefused):
            accounts.login("jan", "wrong password", "10.0.0.1")
    with pytest.raises(LoginRefused):
        accounts.login("jan", PASSWORD, "10.0.0.2")  # another address: the account is locked
    with accounts.engine.begin() as conn:  # fifteen minutes later
        conn.execute(update(login_attempts).values(at=datetime.now(UTC) - timedelta(hours=1)))
    assert accounts.identity(accounts.login("jan", PASSWORD, "10.0.0.2")) is not None


def test_too_many_failures_from_one_address_lock_that_address(accounts: Accounts) -> None:
    for number in range(MAX_FAILURES_PER_ADDRESS):
        with pytest.raises(LoginRefused):
            accounts.login(f"nobody{number}", "wrong password", "10.9.9.9")
    with pytest.raises(LoginRefused):
        accounts.login("jan", PASSWORD, "10.9.9.9")
    assert accounts.identity(accounts.login("jan", PASSWORD, "10.0.0.3")) is not None


def test_disabling_or_a_new_password_ends_the_sessions(accounts: Accounts) -> None:
    session = accounts.login("jan", PASSWORD, "10.0.0.1")
    accounts.set_disabled("jan", True)
    assert accounts.identity(session) is None
    with pytest.raises(LoginRefused):
        accounts.login("jan", PASSWORD, "10.0.0.1")
    accounts.set_disabled("jan", False)
    session = accounts.login("jan", PASSWORD, "10.0.0.1")
    accounts.reset_password("jan", "another long password")
    assert accounts.identity(session) is None
    assert accounts.identity(accounts.login("jan", "another long password", "10.0.0.1"))


def test_account_mistakes_say_what_would_be_right(accounts: Accounts) -> None:
    with pytest.raises(AccountError, match="already an account"):
        accounts.add_user("JAN", "long enough password")
    with pytest.raises(AccountError, match="at least 10 characters"):
        accounts.add_user("piet", "short")
    with pytest.raises(AccountError, match="not a usable account name"):
        accounts.add_user("piet jansen", "long enough password")
    with pytest.raises(AccountError, match="no account"):
        accounts.set_disabled("piet", True)


def test_an_invitation_opens_a_session_for_its_company_only(
    accounts: Accounts, invite_token: str
) -> None:
    session = accounts.open_invite(invite_token)
    assert session is not None
    who = accounts.identity(session)
    assert who is not None
    assert (who.role, who.name, who.language, who.interview_id) == (
        "invitee",
        "Brouwerij De Klok",
        "en",
        None,
    )
    assert accounts.open_invite("forged" + invite_token) is None
    with accounts.engine.connect() as conn:
        assert conn.execute(select(invitations.c.token_hash)).scalar_one() == digest(invite_token)


def test_expired_and_revoked_invitations_fail_closed(accounts: Accounts, invite_token: str) -> None:
    session = accounts.open_invite(invite_token)
    assert session is not None
    with accounts.engine.begin() as conn:
        conn.execute(update(invitations).values(expires_at=datetime.now(UTC) - timedelta(1)))
    assert accounts.open_invite(invite_token) is None
    assert accounts.identity(session) is None  # an open session ends with its link

    number, token = accounts.invite("Metaal NV", language="nl", expires=timedelta(days=1), by=None)
    session = accounts.open_invite(token)
    accounts.revoke_invite(number)
    assert accounts.open_invite(token) is None
    assert session is not None and accounts.identity(session) is None
    with pytest.raises(AccountError, match="no open invitation"):
        accounts.revoke_invite(number)


def test_a_launch_ticket_serves_once_and_only_while_fresh(accounts: Accounts) -> None:
    session = accounts.login("jan", PASSWORD, "10.0.0.1")
    ticket = accounts.issue_ticket(session)
    assert ticket is not None
    who = accounts.redeem_ticket(ticket)
    assert who is not None and who.name == "jan"
    assert accounts.redeem_ticket(ticket) is None  # used
    stale = accounts.issue_ticket(session)
    assert stale is not None
    with accounts.engine.begin() as conn:
        conn.execute(update(launch_tickets).values(expires_at=datetime.now(UTC) - timedelta(1)))
    assert accounts.redeem_ticket(stale) is None
    assert accounts.redeem_ticket("made-up") is None
    accounts.logout(session)
    assert accounts.issue_ticket(session) is None


def test_an_invitation_binds_the_first_interview_only(
    accounts: Accounts, invite_token: str, db_url: str
) -> None:
    from isassist.store import InterviewMeta, Store

    with Store(db_url) as store:
        first = store.create_interview(InterviewMeta(dialog_version="1", mode="self"))
        second = store.create_interview(InterviewMeta(dialog_version="1", mode="self"))
    (number,) = [row.id for row in accounts.list_invites()]
    assert accounts.bind_interview(number, first) == first
    assert accounts.bind_interview(number, second) == first
    session = accounts.open_invite(invite_token)
    assert session is not None
    who = accounts.identity(session)
    assert who is not None and who.interview_id == first
