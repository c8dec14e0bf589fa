"""The headless core must never pull in Textual: replays, the CLI and tests depend on it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import isassist

# Everything except the faces that are allowed to use Textual.
_FACE_PREFIXES = ("isassist.tui", "isassist.cli.tui_cmd")


def _headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(isassist.__path__, prefix="isassist."):
        if not info.name.startswith(_FACE_PREFIXES) and info.name != "isassist.__main__":
            names.append(info.name)
    return names


@pytest.mark.slow
def test_headless_modules_do_not_import_textual() -> None:
    modules = _headless_modules()
    assert "isassist.facts" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"headless modules imported Textual: {out.stdout.strip()}"
