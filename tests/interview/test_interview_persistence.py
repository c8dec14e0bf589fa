"""Saved interviews survive a killed process, and travel as export files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from isassist.interview.adapters import live_services
from isassist.interview.persistence import resume, start_saved
from isassist.store import Store, read_export, write_export

DRIVER = textwrap.dedent(
    """
    import sys
    from isassist.interview.adapters import live_services
    from isassist.interview.persistence import start_saved
    from isassist.store import Store

    interview = start_saved(Store(sys.argv[1]), live_services(), "broker", "nl", "kill test")
    print(interview.id, flush=True)
    for number, line in enumerate(sys.stdin, 1):
        turn = interview.answer(line.rstrip("\\n"))
        print("ok" if turn.accepted else "refused", number, flush=True)
    """
)
ANSWERS = [
    "Brouwerij De Klok",
    "bier brouwen",
    "11.05",
    "9000 Gent",
    "brouwzaal",
    "bier",
    "bostel",
    "warmte",
    "veevoer",
    "bostel; rookgas",
    "materiaal",
    "200 ton per jaar",
    "4 4",
    "warmte",
    "3000 MWh per jaar",
    "180",
    "4 4",
    "natte bostel",
]


@pytest.mark.slow
def test_sigkill_mid_interview_loses_at_most_the_answer_being_typed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'interviews.sqlite3'}"
    env = dict(os.environ)
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    interview_id = process.stdout.readline().strip()
    confirmed = 12
    for text in ANSWERS[:confirmed]:
        process.stdin.write(text + "\n")
        process.stdin.flush()
        assert process.stdout.readline().startswith("ok")
    # the next answer is "being typed": half a line, then the process dies
    process.stdin.write(ANSWERS[confirmed][:3])
    process.stdin.flush()
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    process.stdin.close()
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    resumed = resume(Store(url), interview_id, live_services())
    dossier = resumed.dossier()
    assert dossier.company.name == "Brouwerij De Klok" and dossier.company.nace == "11.05"
    assert [s.name for s in dossier.streams] == ["bostel", "rookgas"]
    assert resumed.facts.streams["s1"].kind == "material"
    question = resumed.current_question()
    assert question is not None and (question.id, question.stream) == ("feasibility", "s1")
    assert resumed.state.answers[("quantity", "s1")].text == "200 ton per jaar"
    # and the resumed interview goes on writing to the same log
    assert resumed.answer("4 3").accepted
    again = resume(Store(url), interview_id, live_services())
    assert again.state.answers[("impact", "s1")].value == 3


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Store, str]:
    store = Store(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    interview = start_saved(store, live_services(), "self", "en", "export test")
    for text in ANSWERS[:10]:
        interview.answer(text)
    interview.answer("/add warm cooling water")
    interview.answer("/note ask for the lab report")
    interview.answer("/back")
    return store, interview.id


def test_resume_rebuilds_streams_notes_and_position(saved: tuple[Store, str]) -> None:
    store, interview_id = saved
    resumed = resume(store, interview_id, live_services())
    assert [s.name for s in resumed.state.active_streams] == [
        "bostel",
        "rookgas",
        "warm cooling water",
    ]
    assert resumed.dossier().notes[0].text == "ask for the lab report"
    assert resumed.mode == "self" and resumed.lang == "en"
    assert resumed.state.focus is not None  # /back is remembered


def test_export_and_import_round_trip(saved: tuple[Store, str], tmp_path: Path) -> None:
    store, interview_id = saved
    original = resume(store, interview_id, live_services()).dossier()
    exported = store.export_interview(interview_id).model_copy(
        update={"dossier": original.model_dump(mode="json")}
    )
    path = tmp_path / "export.json"
    write_export(exported, path)
    other = Store(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    new_id = other.import_interview(read_export(path))
    assert resume(other, new_id, live_services()).dossier() == original


def test_the_listed_progress_is_the_dossiers_and_follows_every_answer(
    saved: tuple[Store, str],
) -> None:
    """The start list and `interviews list` read the progress saved with the interview; it
    is the dossier's own pair after every answer, command and resume, with no rebuild."""
    from isassist.interview.messages import progress_words
    from isassist.interview.persistence import progress_of

    store, interview_id = saved
    listed = store.list_interviews()[0]
    resumed = resume(store, interview_id, live_services())
    dossier = resumed.dossier()
    assert dossier.progress is not None
    assert (listed.progress_done, listed.progress_total) == (
        dossier.progress.done,
        dossier.progress.total,
    )
    assert 0 < dossier.progress.done < dossier.progress.total
    resumed.answer("4 4")  # the next answer (here: scoring opens step 2) moves the pair along
    after = store.list_interviews()[0]
    assert (after.progress_done, after.progress_total) == (
        resumed.progress().done,
        resumed.progress().total,
    )
    assert (after.progress_done, after.progress_total) != (
        listed.progress_done,
        listed.progress_total,
    )
    # a store written before progress was kept: counted once by rebuilding, then kept
    store.set_progress(interview_id, 0, 0)
    with store._writer.begin() as conn:  # what revision 0002 leaves in older rows
        from sqlalchemy import update

        from isassist.store.tables import interviews

        conn.execute(update(interviews).values(progress_done=None, progress_total=None))
    uncounted = store.list_interviews()[0]
    assert progress_words(uncounted.progress_done, None, "nl").startswith("Voortgang: nog niet")
    counted = progress_of(store, uncounted)
    assert (counted.done, counted.total) == (after.progress_done, after.progress_total)
    kept = store.list_interviews()[0]
    assert (kept.progress_done, kept.progress_total) == (counted.done, counted.total)
    assert progress_words(kept.progress_done, kept.progress_total, "nl") == (
        f"Voortgang {counted.done}/{counted.total}"
    )
