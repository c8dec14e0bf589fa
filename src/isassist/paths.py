"""Where the editable data folders (knowledge/, rules/, dialogs/) live.

A domain expert edits these folders in a checkout; a wheel carries a copy of them inside the
package (``isassist/_data``). Looking in the package first and the checkout second lets the same
code run from ``pip install isassist`` and from ``uv run`` in a clone. ``ISASSIST_DATA`` points at
another root (a folder holding knowledge/, rules/ and dialogs/) so an expert can try edited data
without reinstalling.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

DataFolder = Literal["knowledge", "rules", "dialogs", "migrations"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: DataFolder) -> list[Path]:
    roots: list[Path] = []
    override = os.environ.get("ISASSIST_DATA")
    if override:
        roots.append(Path(override))
    roots.append(_PACKAGE_DIR / "_data")
    # src/isassist -> src -> checkout root
    roots.append(_PACKAGE_DIR.parent.parent)
    return [root / name for root in roots]


def data_dir(name: DataFolder) -> Path:
    """Return the folder ``name``, raising a readable error when no copy is found."""
    tried = _candidates(name)
    for path in tried:
        if path.is_dir():
            return path
    looked = ", ".join(str(p) for p in tried)
    raise FileNotFoundError(
        f"isassist cannot find its {name}/ folder (looked in: {looked}). "
        "Reinstall isassist or set ISASSIST_DATA to a folder that holds knowledge/, rules/ "
        "and dialogs/."
    )
