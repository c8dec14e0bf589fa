"""One browser connection's app process: ``python -m isassist.server.child``.

The web server starts it with a launch ticket in the environment; the ticket is the only
thing it believes. It redeems the ticket in the database (one time, valid for seconds),
learns whom it serves, and runs the assistant as that user: a broker gets the whole app on
the team's database, an invited SME only its own self-assessment (``isassist.session.scope``
is entered before the app starts, so the session door refuses everything else). Without a
valid ticket it exits at once, before the app paints anything.
"""

from __future__ import annotations

import os
import sys

TICKET_ENV = "ISASSIST_LAUNCH_TICKET"
DB_URL_ENV = "ISASSIST_DB_URL"
EXPORT_ENV = "ISASSIST_EXPORT_DIR"
REFUSED_EXIT = 3


def main() -> int:
    ticket = os.environ.pop(TICKET_ENV, "")
    url = os.environ.get(DB_URL_ENV)
    if not ticket or not url:
        sys.stderr.write("isassist.server.child: started without a launch ticket; refused\n")
        return REFUSED_EXIT
    from isassist.server.accounts import Accounts

    accounts = Accounts(url)
    identity = accounts.redeem_ticket(ticket)
    if identity is None:
        accounts.close()
        sys.stderr.write("isassist.server.child: the launch ticket is not valid; refused\n")
        return REFUSED_EXIT
    from isassist.config import active
    from isassist.tui.app import make_app

    if identity.role == "broker":
        accounts.close()
        make_app(store_url=url, lang=active().language).run()
        return 0

    from isassist.session.scope import Scope, enter

    invitation = identity.invitation_id
    assert invitation is not None

    def bind(interview_id: str) -> str:
        return accounts.bind_interview(invitation, interview_id)

    enter(Scope(identity.name, identity.language, identity.interview_id, bind))
    app = make_app(store_url=url, lang=identity.language, interview_id=identity.interview_id)
    if identity.interview_id is None:
        app.call_later(app.run_worker, app.new_interview("self", identity.language))
    app.run()
    accounts.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
