"""An interview's wants reach the register and find suppliers there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isassist.dossier import Dossier
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.persistence import start_saved
from isassist.interview.replay import Replay, run_replay
from isassist.paths import data_dir
from isassist.register import NewCompany, NewStream, Register, match_stream
from isassist.register.importing import import_dossier, import_file
from isassist.register.wants import wants_answers_from_log, wants_from_answers
from isassist.store import Store, dumps_export

REPLAY = data_dir("dialogs") / "replays" / "13_wants_feed_mill_nl.yaml"


@pytest.fixture(scope="module")
def export_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The replay run into a store and exported the way `isassist interviews export` does."""
    folder = tmp_path_factory.mktemp("wants")
    store = Store(f"sqlite:///{folder / 'interviews.sqlite3'}")

    def make(spec: Replay) -> Interview:
        return start_saved(store, live_services(), spec.mode, spec.language)

    result = run_replay(REPLAY, make)
    assert result.passed, result.failures
    assert result.dossier is not None and result.interview_id is not None
    exported = store.export_interview(result.interview_id).model_copy(
        update={"dossier": result.dossier.model_dump(mode="json")}
    )
    path = folder / "export.json"
    path.write_text(dumps_export(exported), encoding="utf-8")
    store.close()
    return path


def test_an_imported_interview_brings_its_wants(export_file: Path, tmp_path: Path) -> None:
    with Register(f"sqlite:///{tmp_path / 'register.sqlite3'}") as reg:
        result = import_file(reg, export_file)
        company = reg.company("Veevoeders Eeklo")
        streams = reg.streams(company_id=company.id)
    haves = [s for s in streams if s.side == "have"]
    wants = {s.kind: s for s in streams if s.side == "want" and s.kind != "material"}
    materials = [s for s in streams if s.side == "want" and s.kind == "material"]
    assert [s.name for s in haves] == ["zeefstof"]
    assert result.streams == len(streams)
    grain = next(s for s in materials if s.name.startswith("bostel"))
    assert "spent_grain" in grain.families and grain.amount_per_year == 800
    assert grain.counted_in == "t"
    assert wants["heat"].temperature_c == 70 and wants["heat"].amount_per_year == 1500
    assert wants["heat"].counted_in == "MWh"
    assert wants["water"].amount_per_year == 3000 and wants["water"].counted_in == "m3"


def test_a_brewery_nearby_is_found_for_the_imported_want(export_file: Path, tmp_path: Path) -> None:
    with Register(f"sqlite:///{tmp_path / 'register.sqlite3'}") as reg:
        import_file(reg, export_file)
        reg.add_company_with_streams(
            NewCompany(name="Brouwerij Gent", nace="11.05", postcode="9000"),
            [NewStream(side="have", name="bostel", families=("spent_grain",), amount_per_year=900)],
        )
        grain = next(s for s in reg.streams(side="want") if s.name.startswith("bostel"))
        [found] = match_stream(reg, grain.id)
    assert found.supply.company.name == "Brouwerij Gent"
    assert found.assessment.coverage == 1.0


def test_importing_the_interview_again_replaces_its_wants(
    export_file: Path, tmp_path: Path
) -> None:
    with Register(f"sqlite:///{tmp_path / 'register.sqlite3'}") as reg:
        first = import_file(reg, export_file)
        again = import_file(reg, export_file)
        assert (first.companies, again.companies) == (1, 0)
        assert len(reg.streams()) == first.streams == again.streams


def test_the_log_gives_the_last_answer_and_forgets_withdrawn_ones(export_file: Path) -> None:
    events = json.loads(export_file.read_text(encoding="utf-8"))["events"]
    answers = wants_answers_from_log(events)
    assert answers["wants_materials"].startswith("bostel 800 ton")
    withdrawn = [*events, {"kind": "withdraw", "question_id": "wants_utilities"}]
    assert "wants_utilities" not in wants_answers_from_log(withdrawn)
    revised = [
        *events,
        {"kind": "answer", "question_id": "wants_materials", "raw_text": "gips", "status": "known"},
    ]
    assert wants_answers_from_log(revised)["wants_materials"] == "gips"


def test_none_and_unplaceable_entries_make_no_wants() -> None:
    read = wants_from_answers({"wants_materials": "geen", "wants_utilities": "none"})
    assert read.wants == [] and read.not_understood == []
    read = wants_from_answers({"wants_materials": "gips; qwxzy"}, "nl", "23.61")
    assert [w.name for w in read.wants] == ["gips"]
    assert read.not_understood == ["qwxzy"]
    english = wants_from_answers(
        {"wants_utilities": "steam at 150 °C; CO2 for the greenhouse"}, "en"
    )
    assert [(w.kind, w.temperature_c) for w in english.wants] == [("heat", 150.0), ("gas", None)]


def test_a_dossier_alone_brings_its_wants(export_file: Path, tmp_path: Path) -> None:
    dossier = json.loads(export_file.read_text(encoding="utf-8"))["dossier"]
    assert dossier["wants"]["wants_utilities"].startswith("warmte van 70")
    assert "wants_utilities" not in dossier["value_map"]  # the value map is step 1 only
    with Register(f"sqlite:///{tmp_path / 'register.sqlite3'}") as reg:
        import_dossier(reg, Dossier.model_validate(dossier))
        kinds = sorted(s.kind for s in reg.streams(side="want"))
    assert kinds == ["heat", "material", "material", "water"]


def test_an_older_dossier_with_wants_in_its_value_map_still_brings_them(
    export_file: Path, tmp_path: Path
) -> None:
    dossier = json.loads(export_file.read_text(encoding="utf-8"))["dossier"]
    dossier["value_map"].update(dossier.pop("wants"))
    with Register(f"sqlite:///{tmp_path / 'register.sqlite3'}") as reg:
        import_dossier(reg, Dossier.model_validate(dossier))
        kinds = sorted(s.kind for s in reg.streams(side="want"))
    assert kinds == ["heat", "material", "material", "water"]
