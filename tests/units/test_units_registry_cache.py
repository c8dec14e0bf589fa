"""The unit registry survives a pint cache written by an installation that no longer exists.

pint keys its definitions cache by file content but keeps the absolute paths of the files the
definitions import; a cache left by a deleted virtual environment once made every conversion
fail with FileNotFoundError.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pint
import pytest

from isassist.units import registry as unit_registry


def test_a_cache_from_a_deleted_installation_does_not_break_conversions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_root = tmp_path / "cache"
    folder = unit_registry.pint_cache_folder(cache_root)
    # Another installation: the same definitions files at a path that is deleted afterwards.
    elsewhere = tmp_path / "old-venv" / "pint"
    shutil.copytree(Path(pint.__file__).parent, elsewhere)
    pint.UnitRegistry(filename=str(elsewhere / "default_en.txt"), cache_folder=folder)
    shutil.rmtree(tmp_path / "old-venv")

    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(cache_root))
    unit_registry.registry.cache_clear()
    try:
        assert unit_registry.convert(2, "tonne", "kg") == pytest.approx(2000)
    finally:
        unit_registry.registry.cache_clear()


def test_each_pint_installation_gets_its_own_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = unit_registry.pint_cache_folder(tmp_path)
    monkeypatch.setattr(pint, "__file__", str(tmp_path / "other-venv" / "pint" / "__init__.py"))
    other = unit_registry.pint_cache_folder(tmp_path)
    assert here.parent == other.parent == tmp_path / "pint"
    assert here != other
