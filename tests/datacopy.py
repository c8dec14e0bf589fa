"""A test's own copy of a shipped data folder, and edits to it as an expert would make them.

The copy lives in the test's temp dir and the cache folder is pointed there too, so a test
that edits data can never see (or leave behind) another test's cached copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from isassist.paths import DataFolder, data_dir


def data_copy(name: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / name
    shutil.copytree(data_dir(name), copy)
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path / "cache"))
    return copy


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the file (which must hold it) by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
