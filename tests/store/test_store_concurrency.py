"""Two isassist processes on one store lose none of each other's answers, and an answer that
was acknowledged survives the process being killed.

The worker processes are this file run as a script (``python test_store_concurrency.py
append|loop ...``), so the test and the code it drives sit side by side.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from itertools import pairwise
from pathlib import Path

import pytest

from isassist.store import InterviewMeta, NewEvent, Store

EVENTS_PER_WORKER = 300


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as raw:
        return str(raw.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.mark.slow
def test_two_processes_appending_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    with Store(_url(path)) as store:
        meta = InterviewMeta(dialog_version="1")
        shared, own_a, own_b = (store.create_interview(meta) for _ in range(3))
    workers = {
        "a": _start("append", _url(path), shared, own_a, "a"),
        "b": _start("append", _url(path), shared, own_b, "b"),
    }
    # Both import and open the store first, then start appending together.
    for worker in workers.values():
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    for name, worker in workers.items():
        _out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, f"worker {name} failed: {err}"

    with Store(_url(path)) as store:
        shared_events = store.events(shared)
        assert [e.seq for e in shared_events] == list(range(1, 2 * EVENTS_PER_WORKER + 1))
        texts = [e.raw_text for e in shared_events]
        for name, own in (("a", own_a), ("b", own_b)):
            expected = [f"{name}-{i}" for i in range(0, 2 * EVENTS_PER_WORKER, 2)]
            # Each worker's writes are all there, in the order that worker made them.
            assert [t for t in texts if t.startswith(f"{name}-")] == expected
            own_events = store.events(own)
            assert [e.seq for e in own_events] == list(range(1, EVENTS_PER_WORKER + 1))
            assert [e.raw_text for e in own_events] == [
                f"{name}-{i}" for i in range(1, 2 * EVENTS_PER_WORKER, 2)
            ]
        counts = {s.id: s.event_count for s in store.list_interviews()}
        assert counts == {shared: 600, own_a: 300, own_b: 300}
        # The two workers really overlapped: their writes to the shared log interleave.
        switches = sum(1 for x, y in pairwise(texts) if x[0] != y[0])
        assert switches > 10
    assert _integrity(path) == "ok"


@pytest.mark.slow
def test_acknowledged_answers_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    with Store(_url(path)) as store:
        interview_id = store.create_interview(InterviewMeta(dialog_version="1"))
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    acknowledged: dict[int, str] = {}
    for _round in range(3):
        worker = _start("loop", _url(path), interview_id)
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
        for _ in range(chance.randint(5, 150)):
            line = worker.stdout.readline()
            assert line, f"worker stopped early: {worker.stderr.read() if worker.stderr else ''}"
            seq, text = line.rstrip("\n").split(" ", 1)
            acknowledged[int(seq)] = text
        time.sleep(chance.uniform(0, 0.005))  # land the kill anywhere in the next append
        os.kill(worker.pid, signal.SIGKILL)
        worker.communicate(timeout=30)
        assert worker.returncode == -signal.SIGKILL

        assert _integrity(path) == "ok", f"seed {seed}"
        with Store(_url(path)) as store:
            events = store.events(interview_id)
        seqs = [e.seq for e in events]
        assert seqs == list(range(1, len(seqs) + 1)), f"seed {seed}"
        stored = {e.seq: e.raw_text for e in events}
        missing = [seq for seq, text in acknowledged.items() if stored.get(seq) != text]
        assert missing == [], f"seed {seed}: acknowledged but lost: {missing}"


def _worker(argv: list[str]) -> None:
    mode, url, *rest = argv
    store = Store(url)
    print("ready", flush=True)
    if mode == "append":
        shared, own, name = rest
        sys.stdin.readline()
        for i in range(2 * EVENTS_PER_WORKER):
            target = shared if i % 2 == 0 else own
            store.append(target, NewEvent(kind="note", raw_text=f"{name}-{i}"))
            # A pause, as between a user's answers (much shorter): SQLite's busy handler
            # polls, so a writer looping without pause would keep the lock to itself.
            time.sleep(0.001)
    elif mode == "loop":
        (interview_id,) = rest
        for n in range(1_000_000):
            text = f"pid {os.getpid()} answer {n}"
            seq = store.append(interview_id, NewEvent(kind="note", raw_text=text))
            print(seq, text, flush=True)


if __name__ == "__main__":
    _worker(sys.argv[1:])
