"""`isassist rules check` and `isassist rules list`, as an expert runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from isassist.cli import cli
from isassist.paths import data_dir


def _working_copy(tmp_path: Path) -> Path:
    """An expert's working copy: the whole rules folder (examples may wait on conclusions of
    rules in another file, such as a legal rule on a route of valorisation.yaml)."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for source in data_dir("rules").glob("*.yaml"):
        shutil.copy(source, folder / source.name)
    return folder


def test_check_passes_on_a_sound_working_copy(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "check", "--rules-dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert "examples hold" in result.output


def test_check_fails_on_a_typo_with_file_rule_and_suggestion(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    heat = folder / "heat.yaml"
    heat.write_text(
        heat.read_text(encoding="utf-8").replace(
            'temperature_c: {">": 400}', 'temprature_c: {">": 400}', 1
        )
    )
    result = CliRunner().invoke(cli, ["rules", "check", "--rules-dir", str(folder)])
    assert result.exit_code != 0
    assert "heat.yaml:" in result.output
    assert "heat.band.power" in result.output
    assert 'did you mean "temperature_c"' in result.output


def test_check_fails_when_an_example_does_not_hold(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    heat = folder / "heat.yaml"
    heat.write_text(
        heat.read_text(encoding="utf-8").replace("temperature_c: 550", "temperature_c: 350")
    )
    result = CliRunner().invoke(cli, ["rules", "check", "--rules-dir", str(folder)])
    assert result.exit_code != 0
    assert 'example "four temperature bands": expected heat.band.power@s1 to fire' in result.output


def test_list_json_gives_id_kind_category_source(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "list", "--json", "--rules-dir", str(folder)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 42
    by_id = {row["id"]: row for row in rows}
    assert by_id["legal.shipment.notified"]["kind"] == "legal"
    assert by_id["legal.shipment.notified"]["category"] == "shipment"
    assert "2024/1157" in by_id["legal.shipment.notified"]["source"]


def test_list_table_shows_one_rule_per_line(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "list", "--rules-dir", str(folder)])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert any(line.startswith("heat.band.power ") and " heat " in line for line in lines)


def test_missing_rules_dir_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["rules", "list", "--rules-dir", str(tmp_path / "nope")])
    assert result.exit_code != 0
    assert "is not a folder" in result.output
    assert "Traceback" not in result.output


def test_check_names_a_rule_whose_question_id_the_dialog_does_not_have(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    legal = folder / "legal.yaml"
    legal.write_text(
        legal.read_text(encoding="utf-8").replace(
            "unanswered: [animal_origin]", "unanswered: [stream.animal_origin]", 1
        )
    )
    result = CliRunner().invoke(cli, ["rules", "check", "--rules-dir", str(folder)])
    assert result.exit_code != 0
    assert "legal.yaml:" in result.output
    assert "legal.animal_by_products.family" in result.output
    assert 'did you mean "animal_origin"' in result.output


def test_check_against_a_dialog_copy_without_that_question(tmp_path: Path) -> None:
    folder = _working_copy(tmp_path)
    dialogs = tmp_path / "dialogs"
    shutil.copytree(data_dir("dialogs"), dialogs)
    missing = dialogs / "35_step2f_missing.yaml"
    missing.write_text(
        missing.read_text(encoding="utf-8").replace("id: animal_origin", "id: animal_source")
    )
    args = ["rules", "check", "--rules-dir", str(folder), "--dialogs-dir", str(dialogs)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert '"animal_origin" is not a question of the dialog' in result.output


def test_an_unquoted_yes_in_a_rule_means_the_answer_yes(tmp_path: Path) -> None:
    # YAML 1.1 would read `hazardous: yes` as a boolean that never equals the answer "yes"
    folder = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), folder)
    barriers = (folder / "barriers.yaml").read_text(encoding="utf-8")
    (folder / "barriers.yaml").write_text(barriers.replace('hazardous: "yes"', "hazardous: yes"))
    assert 'hazardous: "yes"' not in (folder / "barriers.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "check", "--rules-dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert "examples hold" in result.output
