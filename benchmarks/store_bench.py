"""How long the interview store takes for what the assistant does most.

Run: ``uv run python benchmarks/store_bench.py``. The per-answer budget of the assistant is
30 ms (parse, derive, render); one ``append`` should be a small part of it. The append is
timed with the store's own setting (``synchronous=FULL``: an fsync per answer) and, for
comparison, with ``NORMAL``, which the store does not use.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from isassist.store import InterviewMeta, NewEvent, Store

META = InterviewMeta(company="Brouwerij De Vrede", dialog_version="bench")


def _median_ms(action: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _answer(n: int) -> NewEvent:
    return NewEvent(
        kind="answer",
        question_id=f"stream.q{n % 40}",
        stream_id=f"s{n % 3 + 1}",
        raw_text=f"ongeveer {n} ton per jaar",
        value={"value": n, "unit": "t"},
    )


def _append_ms(folder: Path, synchronous: str | None) -> float:
    store = Store(f"sqlite:///{folder / f'append-{synchronous}.sqlite3'}")
    if synchronous is not None:

        @event.listens_for(store._engine, "connect")
        def _override(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA synchronous = {synchronous}")

        store._engine.dispose()
    interview_id = store.create_interview(META)
    counter = iter(range(10**9))
    result = _median_ms(lambda: store.append(interview_id, _answer(next(counter))), 500)
    store.close()
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"append (synchronous=FULL, as shipped): {_append_ms(folder, None):7.2f} ms median")
        print(
            f"append (synchronous=NORMAL, compare):  {_append_ms(folder, 'NORMAL'):7.2f} ms median"
        )

        with Store(f"sqlite:///{folder / 'read.sqlite3'}") as store:
            interview_id = store.create_interview(META)
            for n in range(150):
                store.append(interview_id, _answer(n))
            ms = _median_ms(lambda: store.events(interview_id), 200)
            print(f"events() of a 150-event interview:    {ms:7.2f} ms median")

            for _ in range(999):
                store.create_interview(META)
            assert len(store.list_interviews()) == 1000
            ms = _median_ms(store.list_interviews, 50)
            print(f"list_interviews() with 1,000:         {ms:7.2f} ms median")
            ms = _median_ms(store.latest, 200)
            print(f"latest() with 1,000:                  {ms:7.2f} ms median")
            ms = _median_ms(lambda: Store(store.url).close(), 50)
            print(f"open an existing store:               {ms:7.2f} ms median")


if __name__ == "__main__":
    main()
