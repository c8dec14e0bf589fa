"""Settings set once: option over environment over config file over default, each value
shown with where it came from; a wrong file or value is named, never half-applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist import config
from isassist.cli import cli


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("ISASSIST_CONFIG", str(path))
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ISASSIST_LOG_DIR", str(tmp_path / "log"))
    for key in config.KEYS:
        monkeypatch.delenv(key.env, raising=False)
    return path


def _shown(*args: str) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(cli, [*args, "config", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["settings"]  # type: ignore[no-any-return]


def test_option_beats_environment_beats_file_beats_default(
    config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file.write_text('language = "en"\nexport_dir = "/srv/file-exports"\n')
    monkeypatch.setenv("ISASSIST_EXPORT_DIR", "/srv/env-exports")
    shown = _shown()
    assert shown["language"] == {"value": "en", "source": f"config file {config_file}"}
    assert shown["export_dir"]["source"] == "environment ISASSIST_EXPORT_DIR"
    assert shown["db_url"]["source"] == "default"
    shown = _shown("--lang", "nl", "--export-dir", "/srv/option")
    assert shown["language"] == {"value": "nl", "source": "option --lang"}
    assert shown["export_dir"] == {"value": "/srv/option", "source": "option --export-dir"}


def test_database_password_is_never_printed(config_file: Path) -> None:
    config_file.write_text('db_url = "postgresql+psycopg://team:s3cret@db.local/isassist"\n')
    result = CliRunner().invoke(cli, ["config"])
    assert result.exit_code == 0
    assert "s3cret" not in result.output
    assert "team:***@db.local" in result.output


def test_the_configured_database_is_the_one_the_store_opens(
    config_file: Path, tmp_path: Path
) -> None:
    from isassist.store import Store

    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    config_file.write_text(f'db_url = "{url}"\n')
    with Store() as store:
        assert store.url == url
    assert (tmp_path / "team.sqlite3").exists()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('colour = "blue"\n', "unknown setting 'colour'"),
        ("language = \n", "not valid TOML"),
        ("language = 3\n", "language must be a non-empty text"),
        ('language = "fr"\n', "use one of: nl, en"),
    ],
)
def test_a_wrong_config_file_is_named_with_what_would_be_right(
    config_file: Path, text: str, fragment: str
) -> None:
    config_file.write_text(text)
    with pytest.raises(config.ConfigError, match=fragment) as caught:
        config.load()
    if "fr" not in text:
        assert str(config_file) in str(caught.value)


def test_config_lists_every_path_and_the_log_file_is_written(config_file: Path) -> None:
    result = CliRunner().invoke(cli, ["config", "--json"])
    paths = json.loads(result.output)["paths"]
    assert set(paths) == {"config file", "data", "cache", "exports", "log"}
    import logging

    logging.getLogger("isassist.test").warning("something a user could send us")
    log = Path(paths["log"])
    for handler in logging.getLogger("isassist").handlers:
        handler.flush()
    assert "something a user could send us" in log.read_text()
