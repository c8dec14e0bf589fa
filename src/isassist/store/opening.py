"""A store still being opened, in another thread, that an interview can already be started on.

Opening the store costs a quarter of a second or more (SQLAlchemy's import, creating the
schema on a first start) and nothing of the first question needs it. The TUI therefore starts
a new interview as soon as its engine is loaded and opens the store right after; this holder
is what the interview's writer (``isassist.interview.persistence``) gets in the meantime.
Nothing typed is ever acted on before it is stored: a writer that has an event to store
waits here until the store is open, and gets the ``StoreError`` when it could not be opened.

Layer: part of ``isassist.store``; it imports no SQLAlchemy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from isassist.store.errors import StoreError

if TYPE_CHECKING:
    from isassist.store.store import Store

__all__ = ["OpeningStore"]


class OpeningStore:
    """The store an opening thread will hand over (``opened``) or fail to open (``failed``)."""

    def __init__(self) -> None:
        self._future: Future[Store] = Future()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[Store | None, StoreError | None], None]] = []

    # -- the opening thread --------------------------------------------------------------

    def opened(self, store: Store) -> None:
        """The store is open: waiting writers go on, and the callbacks run (in this thread)."""
        self._settle(store, None)

    def failed(self, error: StoreError) -> None:
        """The store cannot be opened: every writer, waiting or later, gets ``error``."""
        self._settle(None, error)

    def _settle(self, store: Store | None, error: StoreError | None) -> None:
        with self._lock:
            if self._future.done():
                return
            if store is not None:
                self._future.set_result(store)
            else:
                self._future.set_exception(error or StoreError("The store could not be opened."))
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(store, error)

    # -- the writers ---------------------------------------------------------------------

    @property
    def settled(self) -> bool:
        """Whether the store was opened or failed to open."""
        return self._future.done()

    def wait(self) -> Store:
        """The open store, waiting for it if it is still opening; raises ``StoreError``."""
        return self._future.result()

    def when_settled(self, callback: Callable[[Store | None, StoreError | None], None]) -> None:
        """Run ``callback(store, error)`` once the store is open or failed: at once (in this
        thread) when that has happened, else in the opening thread."""
        with self._lock:
            if not self._future.done():
                self._callbacks.append(callback)
                return
        error = self._future.exception()
        if error is None:
            callback(self._future.result(), None)
        else:
            callback(None, error if isinstance(error, StoreError) else StoreError(str(error)))
