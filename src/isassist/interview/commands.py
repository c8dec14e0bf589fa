"""Commands typed in the chat ("/terug", "/revise ewc s1") in Dutch or English."""

from __future__ import annotations

from dataclasses import dataclass

# typed word(s) -> canonical command; longer phrases are tried first
ALIASES: dict[str, str] = {
    "back": "back",
    "terug": "back",
    "vorige": "back",
    "skip": "skip",
    "overslaan": "skip",
    "sla over": "skip",
    "volgende": "skip",
    "revise": "revise",
    "change": "revise",
    "herzie": "revise",
    "wijzig": "revise",
    "withdraw": "withdraw",
    "intrekken": "withdraw",
    "trek in": "withdraw",
    "jump": "jump",
    "goto": "jump",
    "go to": "jump",
    "ga naar": "jump",
    "spring": "jump",
    "streams": "streams",
    "stromen": "streams",
    "list": "streams",
    "add stream": "add",
    "add": "add",
    "stroom toevoegen": "add",
    "nieuwe stroom": "add",
    "voeg toe": "add",
    "remove stream": "remove",
    "remove": "remove",
    "verwijder stroom": "remove",
    "verwijder": "remove",
    "note": "note",
    "notitie": "note",
    "noteer": "note",
}


@dataclass(frozen=True)
class Command:
    name: str
    arg: str


def parse_command(text: str) -> Command | None:
    """A command when ``text`` starts with '/', else None (then it is an answer)."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return None
    body = stripped[1:].strip()
    lowered = body.lower()
    for phrase in sorted(ALIASES, key=len, reverse=True):
        if lowered == phrase or lowered.startswith(phrase + " "):
            return Command(ALIASES[phrase], body[len(phrase) :].strip())
    head = lowered.split(" ", 1)[0]
    return Command(head or "?", body[len(head) :].strip())
