"""Every command answers, also when it cannot do what was asked.

Walks the whole command registry (isassist.interview.commands.COMMANDS) through the chat, in
both languages, with the argument it expects, a wrong one and none, before any stream exists
and with one: each line gets a reply a user can read (what was done, or what is wrong and
what would be right), none is silent, none crashes, and a Dutch reply names the Dutch words.
"""

from __future__ import annotations

import re

import pytest

from isassist.interview.commands import COMMANDS, CommandSpec
from isassist.interview.engine import Interview
from isassist.session.conversation import Conversation, Reply
from isassist.session.resources import Resources, warm_up

INTAKE = {"nl": ["Brouwerij X", "bier brouwen", "11.05", "9000 Gent"], "en": []}
INTAKE["en"] = INTAKE["nl"]
WRONG = "zzz-onbekend"
# commands whose argument is free text: any words are a name or a note
FREE_TEXT = {"add", "note", "stream"}


@pytest.fixture(scope="module")
def res() -> Resources:
    return warm_up()


def chat(res: Resources, lang: str, with_stream: bool) -> Conversation:
    interview = Interview.start(res.dialog, res.services, mode="broker", language=lang)
    c = Conversation(interview, res.glossary)
    if with_stream:
        for line in INTAKE[lang]:
            c.handle(line)
        c.handle(f"{'/stroom' if lang == 'nl' else '/stream'} bostel")
    return c


def words_of(reply: Reply) -> str:
    """Everything the chat shows for a reply."""
    parts = [reply.text, reply.title]
    turn = reply.turn
    if turn is not None:
        parts += [turn.problem or "", turn.acknowledgement or "", *turn.said, turn.example or ""]
        if turn.question is not None:
            parts.append(turn.question.text)
    return "\n".join(p for p in parts if p)


def refused(reply: Reply) -> bool:
    return reply.kind == "info" or (reply.turn is not None and not reply.turn.accepted)


ENGLISH_ONLY = {w for c in COMMANDS for w in c.words_en if w not in c.words_nl and " " not in w}


def example_arg(spec: CommandSpec, lang: str) -> str:
    example = spec.example(lang)
    return example.split(" ", 1)[1] if " " in example else ""


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("with_stream", [False, True], ids=["no-stream", "one-stream"])
@pytest.mark.parametrize("spec", COMMANDS, ids=[c.name for c in COMMANDS])
def test_every_command_answers_with_any_argument(
    res: Resources, spec: CommandSpec, with_stream: bool, lang: str
) -> None:
    for arg in ("", example_arg(spec, lang), WRONG):
        c = chat(res, lang, with_stream)
        line = f"{spec.word(lang)} {arg}".strip()
        reply = c.handle(line)
        shown = words_of(reply)
        assert shown.strip() or reply.kind in ("report", "help"), f"{line!r} said nothing"
        if lang == "nl":
            used = set(re.findall(r"/([\w-]+)", shown)) & ENGLISH_ONLY
            assert not used, f"{line!r}: English command words on a Dutch screen: {used}"
        if arg == WRONG and spec.argument != "optional" and spec.name not in FREE_TEXT:
            assert refused(reply), f"{line!r} ran with a wrong argument"
            assert WRONG in shown, f"{line!r} does not say what is wrong: {shown}"
        if not arg and spec.argument == "required":
            assert refused(reply), f"{line!r} ran without its argument"
            assert spec.example(lang) in shown, f"{line!r} does not say what is right: {shown}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("line", "says"),
    [
        # a stream that does not exist: which ones do
        ({"nl": "/stroom verwijder s7", "en": "/stream remove s7"}, "bostel"),
        ({"nl": "/verwijder s7", "en": "/remove s7"}, "bostel"),
        ({"nl": "/hernoem s7 = glas", "en": "/rename s7 = glass"}, "bostel"),
        ({"nl": "/uitwerken s7", "en": "/work-out s7"}, "bostel"),
        # a question that does not exist, or not for this stream
        ({"nl": "/wijzig kleur s1", "en": "/revise colour s1"}, "kleur|colour"),
        ({"nl": "/trek-in ewc s1", "en": "/withdraw ewc s1"}, "ewc"),
        # a step that does not exist, or cannot be reached yet
        ({"nl": "/spring stap9", "en": "/jump step9"}, "stap1|step1"),
        ({"nl": "/spring canvas s1", "en": "/jump canvas s1"}, "canvas"),
        ({"nl": "/spring stap4 s7", "en": "/jump step4 s7"}, "bostel|s7"),
        # nothing to go back to, no conclusion of that number, no such language
        ({"nl": "/waarom 99", "en": "/why 99"}, "99"),
        ({"nl": "/taal fr", "en": "/lang fr"}, "nl"),
        ({"nl": "/voeg-toe ...", "en": "/add ..."}, r"\.\.\."),
    ],
    ids=lambda value: value["en"] if isinstance(value, dict) else None,
)
def test_a_command_that_cannot_apply_says_why_and_what_would(
    res: Resources, line: dict[str, str], says: str, lang: str
) -> None:
    c = chat(res, lang, with_stream=True)
    before = [s.id for s in c.interview.state.active_streams]
    reply = c.handle(line[lang])
    shown = words_of(reply)
    assert refused(reply), f"{line[lang]!r} was carried out: {shown}"
    assert re.search(says, shown, re.IGNORECASE), f"{line[lang]!r}: {shown}"
    assert [s.id for s in c.interview.state.active_streams] == before
    if lang == "nl":
        assert not set(re.findall(r"/([\w-]+)", shown)) & ENGLISH_ONLY, shown


def test_an_unknown_command_lists_the_ones_that_exist(res: Resources) -> None:
    for lang, expected in (("nl", "/terug"), ("en", "/back")):
        reply = chat(res, lang, with_stream=False).handle("/vlieg s1")
        shown = words_of(reply)
        assert refused(reply) and "vlieg" in shown and expected in shown
