"""The Business Model Canvas reviewed in one step instead of nine questions.

The rules draft the nine blocks per opportunity; the broker reads them on one screen and
answers once: "ok" takes every draft, "verwerp" rejects them all, and "kosten: transport 8
euro per ton; kanalen: verwerp" changes or rejects single blocks while the rest is taken.
The answer keeps each block's status (and edited text) in ``Answered.extra``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from isassist.facts import Scalar
from isassist.interview.messages import say
from isassist.interview.parsing import (
    CONFIRM_WORDS,
    REJECT_WORDS,
    AnswerProblem,
    Parsed,
)

REVIEW_TYPE = "canvas_review"
Status = Literal["confirmed", "edited", "rejected", "pending"]

# block -> (nl label, en label, other words people use for it)
BLOCKS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "key_partners": ("Sleutelpartners", "Key partners", ("partners", "partner")),
    "key_activities": ("Kernactiviteiten", "Key activities", ("activiteiten", "activities")),
    "key_resources": ("Kernmiddelen", "Key resources", ("middelen", "resources")),
    "value_proposition": (
        "Waardepropositie",
        "Value proposition",
        ("waarde", "value", "propositie"),
    ),
    "customer_relationships": (
        "Klantrelaties",
        "Customer relationships",
        ("relaties", "relationships"),
    ),
    "channels": ("Kanalen", "Channels", ("kanaal", "channel")),
    "customer_segments": (
        "Klantsegmenten",
        "Customer segments",
        ("klanten", "segmenten", "afnemers", "customers", "segments"),
    ),
    "cost_structure": ("Kostenstructuur", "Cost structure", ("kosten", "costs", "cost")),
    "revenue_streams": (
        "Inkomstenstromen",
        "Revenue streams",
        ("inkomsten", "opbrengsten", "revenue", "revenues", "income"),
    ),
}
_PART = re.compile(r"\s*[;\n]\s*")


def block_label(block: str, lang: str) -> str:
    nl, en, _ = BLOCKS.get(block, (block, block, ()))
    return nl if lang == "nl" else en


def find_block(word: str) -> str | None:
    wanted = word.strip().lower()
    for block, (nl, en, others) in BLOCKS.items():
        if wanted in (block, block.replace("_", " "), nl.lower(), en.lower(), *others):
            return block
    return None


def parse_review(text: str, lang: str) -> Parsed:
    """Read a review answer: 'ok', 'verwerp', or 'block: text' parts (others confirmed).

    ``text`` is a checked line; "weet niet" was read before (the answer check reads it for
    every question type, isassist.interview.answer_check)."""
    words = " ".join(text.lower().split()).rstrip(".!")
    if words in CONFIRM_WORDS:
        return Parsed(value="confirmed", extra={b: "confirmed" for b in BLOCKS})
    if words in REJECT_WORDS:
        return Parsed(value="rejected", extra={b: "rejected" for b in BLOCKS})
    extra: dict[str, Scalar] = {}
    for part in _PART.split(text.strip()):
        if not part:
            continue
        head, colon, body = part.partition(":")
        block = find_block(head) if colon else None
        if block is None:
            names = ", ".join(block_label(b, lang).lower() for b in BLOCKS)
            raise AnswerProblem(
                say("canvas_bad_block", lang, text=head.strip() if colon else part, blocks=names)
                + " "
                + say("canvas_review_how", lang),
                "kosten: transport 8 euro per ton" if lang == "nl" else "costs: transport 8 EUR/t",
            )
        body = body.strip()
        lowered = body.lower().rstrip(".!")
        if lowered in REJECT_WORDS:
            extra[block] = "rejected"
        elif lowered in CONFIRM_WORDS or not body:
            extra[block] = "confirmed"
        else:
            extra[block] = "edited"
            extra[f"{block}.text"] = body[:2000]
    for block in BLOCKS:
        extra.setdefault(block, "confirmed")
    return Parsed(value="reviewed", extra=extra)


def review_view_lines(lang: str, draft_of: Callable[[str], str | None]) -> list[str]:
    """The nine drafts (``draft_of(block)``) as the review question shows them, then how to
    answer."""
    lines = []
    for block in BLOCKS:
        draft = draft_of(block)
        empty = "(nog geen ontwerp)" if lang == "nl" else "(no draft yet)"
        lines.append(f"- {block_label(block, lang)}: {draft or empty}")
    lines.append(say("canvas_review_how", lang))
    return lines


def reviewed_block(extra: dict[str, Scalar], block: str, draft: str) -> tuple[Status, str] | None:
    """A block's status and text from a review answer, or None when it does not say."""
    status = extra.get(block)
    if status not in ("confirmed", "edited", "rejected") or (status == "confirmed" and not draft):
        return None  # an empty draft cannot be taken over
    text = extra.get(f"{block}.text", draft) if status == "edited" else draft
    return status, str(text)  # type: ignore[return-value]
