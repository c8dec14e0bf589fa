"""The composition root: the one place the faces and the CLI get the process-wide services.

A command should pay only for what it uses: `isassist classify` builds the classifier and
nothing else, `isassist interviews list` opens the store and loads no rule, the TUI builds
everything, in a worker thread after its first paint. So every service here is built on first
use, once, and shared (thread-safe: the TUI's loading thread and its painting thread may ask
at the same time). What a service needs it gets from this root, never from a global look-up of
its own: the interview services are bound to the root's knowledge base, the engine to its rule
base.

The default root (``root()``) serves the installed data, sharing the packages' own once-per-
process loaders (``installed_knowledge``, ``installed_rulebase``, ``default_classifier``,
``shipped_dialog``, ``live_services``). A test substitutes services by installing its own
root::

    with use_root(Root(knowledge=tiny_knowledge, store_url="sqlite:///...")):
        ...  # every CLI command and session function now uses these

Lower layers (the register, the rules' evidence, reports) sit below this module and may not
import it, so the root injects itself instead: while a root is installed, the packages' look-ups
``get_knowledge()`` and ``get_rulebase()``, which library code handed nothing calls, answer with
this root's knowledge base and rule base (``isassist.provided``).

Layer: above the packages it wires (register, report, interview, rules, classify, store,
knowledge), below the session and the faces that use it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from isassist.provided import provide

if TYPE_CHECKING:
    from isassist.classify import Classifier
    from isassist.interview.adapters import LiveServices
    from isassist.interview.dialog import Dialog
    from isassist.knowledge import Knowledge
    from isassist.register import Register
    from isassist.rules import RuleBase
    from isassist.rules.engine import RuleEngine
    from isassist.store import Store

T = TypeVar("T")

__all__ = ["Root", "command_root", "root", "use_root"]


class Root:
    """The process-wide services, each built on first use and then shared.

    Any service given to the constructor replaces the installed one (tests, an expert's edited
    copy); services built from it (the interview services from ``knowledge``, the engine from
    ``rulebase``) follow.
    """

    def __init__(
        self,
        *,
        knowledge: Knowledge | None = None,
        rulebase: RuleBase | None = None,
        dialog: Dialog | None = None,
        store_url: str | None = None,
    ) -> None:
        self._given = {"knowledge": knowledge, "rulebase": rulebase, "dialog": dialog}
        self.store_url = store_url
        self._built: dict[str, object] = {}
        self._building: dict[str, threading.RLock] = {}  # one lock per service being built
        self._lock = threading.RLock()

    def _once(self, name: str, build: Callable[[], T]) -> T:
        """The service ``name``, built by the first thread that asks; the others wait for
        that one service only. One lock for all builds made a deadlock possible: a thread
        building the engine (root lock held, waiting for the rule engine's lock) and one
        deriving (rule engine's lock held, asking the root for the knowledge base)."""
        with self._lock:
            if name in self._built:
                built: T = self._built[name]  # type: ignore[assignment]
                return built
            building = self._building.setdefault(name, threading.RLock())
        with building:
            with self._lock:
                if name in self._built:
                    done: T = self._built[name]  # type: ignore[assignment]
                    return done
            given = self._given.get(name)
            value = given if given is not None else build()
            with self._lock:
                self._built[name] = value
            return value  # type: ignore[return-value]

    def _substituted(self, *names: str) -> bool:
        return any(self._given.get(name) is not None for name in names)

    # -- data ------------------------------------------------------------------------------

    @property
    def knowledge(self) -> Knowledge:
        """knowledge/ validated and indexed (from the cache when nothing changed)."""

        def build() -> Knowledge:
            from isassist.knowledge import installed_knowledge

            return installed_knowledge()

        return self._once("knowledge", build)

    @property
    def rulebase(self) -> RuleBase:
        """rules/ validated (from the cache when nothing changed)."""

        def build() -> RuleBase:
            from isassist.rules import installed_rulebase

            return installed_rulebase()

        return self._once("rulebase", build)

    @property
    def dialog(self) -> Dialog:
        """The shipped interview (dialogs/)."""

        def build() -> Dialog:
            from isassist.interview.loader import shipped_dialog

            return shipped_dialog()

        return self._once("dialog", build)

    # -- services --------------------------------------------------------------------------

    @property
    def classifier(self) -> Classifier:
        """Free text to EWC/CPA suggestions (its built index comes from the cache)."""

        def build() -> Classifier:
            if self._substituted("knowledge"):
                from isassist.classify import Classifier
                from isassist.classify.source import catalogue_from_knowledge

                return Classifier(catalogue_from_knowledge(self.knowledge))
            from isassist.classify.service import default_classifier

            return default_classifier()

        return self._once("classifier", build)

    @property
    def engine(self) -> RuleEngine:
        """The rule engine of the root's rule base, compiled once."""

        def build() -> RuleEngine:
            if not self._substituted("rulebase"):
                from isassist.rules import installed_engine

                return installed_engine()  # from its cache: the rule base loads when needed
            from isassist.rules.engine import engine_for

            return engine_for(self.rulebase)

        return self._once("engine", build)

    @property
    def interview_services(self) -> LiveServices:
        """What the interview asks of the rest of the program (codes, units, rules)."""

        def build() -> LiveServices:
            if self._substituted("knowledge", "rulebase"):
                from isassist.interview.adapters import LiveServices

                return LiveServices(self.knowledge, engine=lambda: self.engine)
            from isassist.interview.adapters import LiveServices

            # the root's engine: read from its cache, it derives without loading the rule base
            return LiveServices(engine=lambda: self.engine)

        return self._once("interview_services", build)

    def store(self) -> Store:
        """The interview store at ``store_url`` (default: the user's), opened once."""

        def build() -> Store:
            from isassist.store.store import Store

            return Store(self.store_url)

        return self._once("store", build)

    def register(self, url: str | None = None) -> Register:
        """The broker register at ``url`` (default: the store's database), opened once per
        url."""

        def build() -> Register:
            from isassist.register import Register

            return Register(url if url is not None else self.store_url)

        return self._once(f"register:{url}", build)

    def close(self) -> None:
        """Close the databases this root opened (the data stays shared)."""
        with self._lock:
            names = [k for k in self._built if k == "store" or k.startswith("register:")]
            opened = [self._built.pop(name) for name in names]
        for database in opened:
            close: Callable[[], None] = database.close  # type: ignore[attr-defined]
            close()


_LOCK = threading.Lock()
_ROOT: Root | None = None
_INSTALLED = 0  # roots installed by use_root and not yet removed


def root() -> Root:
    """The process's root (the installed data), or the one a test installed."""
    global _ROOT
    with _LOCK:
        if _ROOT is None:
            _ROOT = Root()
        return _ROOT


@contextmanager
def use_root(replacement: Root) -> Iterator[Root]:
    """Install ``replacement`` as the process's root for the duration of the block: the
    CLI, the session and, through their injected look-ups, the lower layers use its
    services."""
    global _ROOT, _INSTALLED
    with _LOCK:
        before, _ROOT = _ROOT, replacement
        _INSTALLED += 1
        knowledge_before = provide("knowledge", lambda: replacement.knowledge)
        rulebase_before = provide("rulebase", lambda: replacement.rulebase)
    try:
        yield replacement
    finally:
        with _LOCK:
            _ROOT = before
            _INSTALLED -= 1
            provide("knowledge", knowledge_before)
            provide("rulebase", rulebase_before)


@contextmanager
def command_root() -> Iterator[Root]:
    """The root of one CLI command: a new one (so the command's options and environment
    decide its databases, also when a test runs many commands in one process), unless a
    caller installed its own; databases it opened are closed when the command ends."""
    if _INSTALLED:
        yield root()
        return
    fresh = Root()
    try:
        with use_root(fresh):
            yield fresh
    finally:
        fresh.close()
