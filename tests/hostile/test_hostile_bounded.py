"""Work stays bounded whatever a user hands in (issue 15 point 2): alias bombs, endless
queries and silent servers end with a message. A hang shows up as the generous subprocess
timeout expiring, which fails the test; no test claims a speed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hostile_inputs import ALIAS_BOMB

from isassist.cli import cli
from isassist.yamlfile import MAX_YAML_NODES, read_yaml

HANG = 300  # seconds: far above any honest run; reaching it means the command hung


def _isassist(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "isassist", *args],
        capture_output=True,
        text=True,
        timeout=HANG,
        env={**os.environ, **(env or {})},
    )


def test_an_alias_bomb_replay_fails_with_a_message(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB)
    assert len(ALIAS_BOMB.encode()) < 400
    done = _isassist("replay", str(bomb))
    assert done.returncode == 1
    assert f"{MAX_YAML_NODES:,}" in done.stdout + done.stderr


def test_alias_loops_and_deep_nesting_are_refused() -> None:
    with pytest.raises(yaml.YAMLError, match="nested more than"):
        read_yaml("a: " + "[" * 500 + "]" * 500)
    with pytest.raises(yaml.YAMLError):  # libyaml's own limit comes first here
        read_yaml("a: " + "[" * 50_000 + "]" * 50_000)
    with pytest.raises(yaml.YAMLError, match="loop"):
        read_yaml("a: &a [1, *a]")
    with pytest.raises(yaml.YAMLError, match="expands to more than"):
        read_yaml(ALIAS_BOMB)


def test_a_replay_that_is_not_utf8_gets_a_message(tmp_path: Path) -> None:
    replay = tmp_path / "latin1.yaml"
    replay.write_bytes("title: café\n".encode("latin-1"))
    result = CliRunner().invoke(cli, ["replay", str(replay)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output


def test_a_huge_lookup_query_is_refused() -> None:
    result = CliRunner().invoke(cli, ["lookup", "nace", "brouwerij " * 10_000])
    assert result.exit_code == 2
    assert "200 characters" in result.output


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server on loopback that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_a_silent_database_server_ends_with_a_message(silent_server: int, tmp_path: Path) -> None:
    url = f"postgresql+psycopg://user@127.0.0.1:{silent_server}/register?connect_timeout=2"
    done = _isassist("register", "list", "--db", url, env={"ISASSIST_DATA_DIR": str(tmp_path)})
    assert done.returncode == 1
    assert f"127.0.0.1:{silent_server}" in done.stderr
    assert "did not answer" in done.stderr


def test_an_unsupported_database_url_gets_a_message() -> None:
    result = CliRunner().invoke(cli, ["register", "list", "--db", "mysql://u@localhost/x"])
    assert result.exit_code == 1
    assert "SQLite or PostgreSQL" in result.output
