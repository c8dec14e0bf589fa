"""Learns from the broker (issue 12.6): a chosen code ranks first next time, with the reason."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.classify.learned import LEARNED_FILE, TERMS_HEADER, LearnedTerms
from isassist.cli import cli as main
from isassist.interview.adapters import LiveServices
from isassist.interview.engine import Interview
from isassist.session.conversation import Conversation
from isassist.session.resources import Resources, warm_up


@pytest.fixture(scope="module")
def res() -> Resources:
    return warm_up()


@pytest.fixture
def memory(tmp_path: Path, res: Resources, monkeypatch: pytest.MonkeyPatch) -> LearnedTerms:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    learned = LearnedTerms(tmp_path / LEARNED_FILE)
    assert isinstance(res.services, LiveServices)
    monkeypatch.setattr(res.services, "learned", learned)
    return learned


def to_ewc(res: Resources, stream: str) -> Conversation:
    c = Conversation(Interview.start(res.dialog, res.services), res.glossary)
    for line in ["Brouwerij De Klok", "bier brouwen", "11.05", "9000 Gent"]:
        c.handle(line)
    for _ in range(5):
        c.handle("/skip")
    for line in [stream, "materiaal", "300 ton per jaar", "4", "4", "de afvalstroom", "verloren"]:
        c.handle(line)
    view = c.interview.current_question()
    assert view is not None and view.id == "ewc"
    return c


def test_a_code_other_than_the_first_is_remembered_and_ranked_first_next_time(
    res: Resources, memory: LearnedTerms
) -> None:
    c = to_ewc(res, "drank-residu")
    first = c.interview.current_question()
    assert first is not None and first.suggestions
    chosen = "020799"  # not the first suggestion: typed by the broker
    assert first.suggestions[0].code != chosen
    assert c.handle("02 07 99").turn is not None
    [term] = memory.all()
    assert (term.wording, term.code, term.sector) == ("drank residu", chosen, "11.05")
    again = to_ewc(res, "drank-residu").interview.current_question()
    assert again is not None
    assert again.suggestions[0].code == chosen
    assert again.suggestions[0].why == "geleerd uit uw eerdere keuze"


def test_picking_the_first_suggestion_teaches_nothing(res: Resources, memory: LearnedTerms) -> None:
    c = to_ewc(res, "bostel")
    c.handle("1")
    assert memory.all() == []


def test_a_learned_code_stays_in_its_sector(memory: LearnedTerms) -> None:
    memory.remember("koelwater", "ewc", "161002", "11.05", "nl")
    assert memory.codes_for("warm koelwater", "ewc", "11.05") == ["161002"]
    assert memory.codes_for("warm koelwater", "ewc", "24.10") == []
    assert memory.codes_for("afvalwater", "ewc", "11.05") == []


def test_cli_lists_exports_in_the_terms_format_and_forgets(
    memory: LearnedTerms, tmp_path: Path
) -> None:
    memory.remember("Bostel (nat)", "ewc", "020799", "11.05", "nl")
    runner = CliRunner()
    listed = runner.invoke(main, ["terms", "learned"])
    assert listed.exit_code == 0 and "bostel nat  ->  EWC 020799" in listed.output
    out = tmp_path / "learned.csv"
    exported = runner.invoke(main, ["terms", "learned", "--export", str(out)])
    assert exported.exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == TERMS_HEADER
    assert rows[1][:3] == ["bostel nat", "nl", "020799"] and rows[1][5] == "11.05"
    again = runner.invoke(main, ["terms", "learned", "--export", str(out)])
    assert again.exit_code == 1 and "exists" in again.output
    forgot = runner.invoke(main, ["terms", "learned", "--forget", "bostel nat"])
    assert forgot.exit_code == 0 and "Forgot 1" in forgot.output
    assert memory.all() == []


def test_a_damaged_file_is_reported_not_a_crash(memory: LearnedTerms) -> None:
    memory.path.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["terms", "learned"])
    assert result.exit_code == 1 and "learned-terms file" in result.output


def test_a_choice_written_by_another_process_is_seen_at_the_next_answer(tmp_path: Path) -> None:
    """The file is kept as last read, but an edit (another window, a colleague's import) is
    read again: the same object sees what a second object wrote."""
    path = tmp_path / LEARNED_FILE
    reader, writer = LearnedTerms(path), LearnedTerms(path)
    assert reader.codes_for("bostel van de brouwerij", "ewc", "11.05") == []
    writer.remember("bostel", "ewc", "020799", "11.05", "nl")
    assert reader.codes_for("bostel van de brouwerij", "ewc", "11.05") == ["020799"]
    writer.forget()
    assert reader.codes_for("bostel van de brouwerij", "ewc", "11.05") == []
