"""Where the interview database lives when the caller names no URL.

Interviews are the user's own work, so they go into the per-user data directory that the
platform expects (``~/.local/share/isassist`` on Linux, ``%LOCALAPPDATA%`` on Windows) rather
than next to the code. ``ISASSIST_DATA_DIR`` moves it, so tests and portable installs never
touch the real one.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_ENV = "ISASSIST_DATA_DIR"
DATABASE_FILE = "interviews.sqlite3"


def data_home() -> Path:
    """The folder for user data: ``$ISASSIST_DATA_DIR`` if set, else the platform's choice."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("isassist", appauthor=False))


def default_url() -> str:
    """The SQLAlchemy URL of the default interview database, creating its folder if needed."""
    folder = data_home()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / DATABASE_FILE).as_posix()}"
