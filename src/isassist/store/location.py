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
    """The database URL in force when the caller names none: ``isassist.config``'s
    ``db_url`` (option, ``ISASSIST_DB_URL``, config file), else the SQLite file in the data
    folder, whose folder is created here."""
    from isassist.config import active

    setting = active().get("db_url")
    if setting.source == "default":
        data_home().mkdir(parents=True, exist_ok=True)
    return setting.value
