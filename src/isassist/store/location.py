"""Where the interview database lives when the caller names no URL.

Interviews are the user's own work, so they go into the per-user data directory that the
platform expects (``~/.local/share/isassist`` on Linux, ``%LOCALAPPDATA%`` on Windows) rather
than next to the code. ``ISASSIST_DATA_DIR`` moves it, so tests and portable installs never
touch the real one.
"""

from __future__ import annotations

from isassist.config import DATA_DIR_ENV, DATABASE_FILE, active, data_home

__all__ = ["DATABASE_FILE", "DATA_DIR_ENV", "data_home", "default_url"]


def default_url() -> str:
    """The database URL in force when the caller names none: ``isassist.config``'s
    ``db_url`` (option, ``ISASSIST_DB_URL``, config file), else the SQLite file in the data
    folder, whose folder is created here."""
    setting = active().get("db_url")
    if setting.source == "default":
        data_home().mkdir(parents=True, exist_ok=True)
    return setting.value
