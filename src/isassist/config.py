"""Settings set once: a config file, environment variables, command-line options.

A broker team shares one PostgreSQL register; typing its URL on every command is error-prone
and leaks the password into shell history. So every setting is looked up in this order, the
first that has it wins, and ``isassist config`` shows which one did:

1. a command-line option (``isassist --db URL ...``),
2. an environment variable (``ISASSIST_DB_URL``, ``ISASSIST_LANG``, ``ISASSIST_EXPORT_DIR``),
3. the config file ``config.toml`` in the platform's config folder (``ISASSIST_CONFIG`` names
   another file),
4. the built-in default.

This module is headless and small on purpose: the CLI activates its options for the run of
a command (:func:`activate`); the store, the register, the exporter and the TUI read the
settings through :func:`active`. Code run outside the CLI (tests, library use) gets the file
and environment without command-line options.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "isassist"
CONFIG_ENV = "ISASSIST_CONFIG"
LANGUAGES = ("nl", "en")


class ConfigError(Exception):
    """A setting is wrong; the message names where it came from and what would be right."""


@dataclass(frozen=True)
class Setting:
    """One value in force and where it came from ("option --db", "environment ...", ...)."""

    name: str
    value: str
    source: str


@dataclass(frozen=True)
class _Key:
    name: str
    env: str
    option: str
    help: str


# The settings a user can set, in the order `isassist config` shows them.
KEYS: tuple[_Key, ...] = (
    _Key("db_url", "ISASSIST_DB_URL", "--db", "database (SQLAlchemy URL): interviews + register"),
    _Key("language", "ISASSIST_LANG", "--lang", "language of the assistant and new interviews"),
    _Key("export_dir", "ISASSIST_EXPORT_DIR", "--export-dir", "folder reports are exported to"),
)
_BY_NAME = {key.name: key for key in KEYS}


def config_file() -> Path:
    """The config file: ``$ISASSIST_CONFIG`` or ``config.toml`` in the platform's folder."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def log_dir() -> Path:
    """Where the rotating log file lives (``ISASSIST_LOG_DIR`` moves it)."""
    override = os.environ.get("ISASSIST_LOG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


DATA_DIR_ENV = "ISASSIST_DATA_DIR"
DATABASE_FILE = "interviews.sqlite3"


def data_home() -> Path:
    """The folder for user data: ``$ISASSIST_DATA_DIR`` if set, else the platform's choice."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))


def _defaults() -> dict[str, str]:
    return {
        "db_url": f"sqlite:///{(data_home() / DATABASE_FILE).as_posix()}",
        "language": "nl",
        "export_dir": str(Path(platformdirs.user_documents_dir()) / APP),
    }


def _read_file(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            f'{path}: not valid TOML ({error}); write e.g. language = "en"'
        ) from error
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from error
    values: dict[str, str] = {}
    for name, value in data.items():
        if name not in _BY_NAME:
            known = ", ".join(_BY_NAME)
            raise ConfigError(f"{path}: unknown setting {name!r}; known settings: {known}")
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: {name} must be a non-empty text in quotes")
        values[name] = value.strip()
    return values


def _check(setting: Setting) -> Setting:
    if setting.name == "language" and setting.value not in LANGUAGES:
        raise ConfigError(
            f"language {setting.value!r} ({setting.source}) is not supported; "
            f"use one of: {', '.join(LANGUAGES)}"
        )
    if setting.name == "export_dir":
        return Setting(setting.name, str(Path(setting.value).expanduser()), setting.source)
    return setting


@dataclass(frozen=True)
class Config:
    """The settings in force, each with its source."""

    settings: tuple[Setting, ...]
    file: Path

    def get(self, name: str) -> Setting:
        for setting in self.settings:
            if setting.name == name:
                return setting
        raise KeyError(name)

    @property
    def db_url(self) -> str:
        return self.get("db_url").value

    @property
    def language(self) -> str:
        return self.get("language").value

    @property
    def export_dir(self) -> Path:
        return Path(self.get("export_dir").value)


def load(options: Mapping[str, str | None] | None = None) -> Config:
    """Resolve every setting: ``options`` (by setting name) over environment over file."""
    given = options or {}
    path = config_file()
    from_file = _read_file(path)
    defaults = _defaults()
    settings = []
    for key in KEYS:
        option = given.get(key.name)
        env = os.environ.get(key.env)
        if option:
            setting = Setting(key.name, option, f"option {key.option}")
        elif env:
            setting = Setting(key.name, env, f"environment {key.env}")
        elif key.name in from_file:
            setting = Setting(key.name, from_file[key.name], f"config file {path}")
        else:
            setting = Setting(key.name, defaults[key.name], "default")
        settings.append(_check(setting))
    return Config(tuple(settings), path)


_options: dict[str, str | None] = {}


def activate(options: Mapping[str, str | None]) -> Config:
    """Make command-line ``options`` count for this process (the CLI does it per command;
    ``activate({})`` ends it) and return the settings they give. Environment and file are
    read afresh by :func:`active`, so a changed environment is never shadowed."""
    resolved = load(options)
    _options.clear()
    _options.update(options)
    return resolved


def active() -> Config:
    """The settings in force: activated options over environment over file over default."""
    return load(_options)
