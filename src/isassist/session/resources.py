"""Everything an interview needs loaded once: services, the dialog, the glossary, the rules.

Loading takes about a second (knowledge base, dialog files, compiled rules), longer than a
bare terminal app needs to paint. The face calls ``warm_up`` in a background thread as soon as
it starts, so the start screen shows at once, and ``warm_answers`` after it: the classifier
builds its index and the rule engine its first session on the first call, and without the
warm-up the first code question or stream answer would pay that (a few hundred ms).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from isassist.interview.dialog import Dialog
from isassist.interview.services import Services
from isassist.knowledge import GlossaryEntry


@dataclass(frozen=True)
class Resources:
    services: Services
    dialog: Dialog
    glossary: Mapping[str, GlossaryEntry]


class LazyGlossary(Mapping[str, GlossaryEntry]):
    """The glossary, read from the knowledge base when first looked into: a conversation
    holds it from its start, yet only a glossary question reads it, after the warm-up has
    loaded the knowledge base (or, asked sooner, waits for it)."""

    def __init__(self, entries: Callable[[], Mapping[str, GlossaryEntry]]) -> None:
        self._entries = entries

    def __getitem__(self, key: str) -> GlossaryEntry:
        return self._entries()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries())

    def __len__(self) -> int:
        return len(self._entries())


def warm_up() -> Resources:
    """Build what starting an interview needs (``isassist.root``: each once per process): the
    services, the dialog and the rule engine, not the knowledge base (``warm_answers``)."""
    from isassist.root import root

    services = root().interview_services
    dialog = root().dialog
    _ = root().engine  # compiled now, in the loading thread, not on the first answer
    glossary = LazyGlossary(lambda: services.knowledge.glossary)
    return Resources(services=services, dialog=dialog, glossary=glossary)


WARM_ID = "warm-up"
# one throw-away look-up per code system a question asks for, as a user would type it
WARM_LOOKUPS = (("ewc", "zaagsel van hout"), ("nace", "zagen van hout"), ("cpa", "houtpellets"))


def warm_answers(resources: Resources) -> None:
    """Load the knowledge base and the rules' evidence, then run each service once on a
    throw-away input, so no real answer pays a cold start."""
    from isassist.root import root

    _ = root().knowledge
    root().engine.prepare_evidence()
    services = resources.services
    for system, words in WARM_LOOKUPS:
        services.search_codes(system, words, "nl", None)
    services.parse_quantity("300 ton per jaar", "nl")
    services.locate("9000 Gent")  # the places index and the country patterns
    services.derive(WARM_ID, [])
    services.close(WARM_ID)
    # the first saved answer keeps the register current (isassist.session.register)
    import isassist.session.register  # noqa: F401

    # The knowledge base and indexes are millions of long-lived objects; without freezing them
    # an occasional full garbage collection scans them all during an answer (~100 ms).
    gc.freeze()


def learn_into(resources: Resources) -> None:
    """Suggestions rank the broker's earlier choices first (a file in the data folder)."""
    from isassist.classify.learned import LEARNED_FILE, LearnedTerms
    from isassist.store.location import data_home

    if hasattr(resources.services, "learned"):
        resources.services.learned = LearnedTerms(data_home() / LEARNED_FILE)
