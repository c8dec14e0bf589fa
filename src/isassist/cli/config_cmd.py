"""``isassist config``: the settings in force, where each came from, and every path used."""

from __future__ import annotations

import json
from pathlib import Path

import click

from isassist import config
from isassist.applog import LOG_FILE


@click.command("config")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def config_command(as_json: bool) -> None:
    """Show the settings in force, where each came from, and the folders isassist uses."""
    current = config.active()
    shown = [(s.name, _hide_password(s.name, s.value), s.source) for s in current.settings]
    paths = {name: str(path) for name, path in _paths(current).items()}
    if as_json:
        settings = {name: {"value": value, "source": source} for name, value, source in shown}
        click.echo(json.dumps({"settings": settings, "paths": paths}, indent=2))
        return
    click.echo("Settings (option > environment > config file > default):")
    width = max(len(name) for name, _, _ in shown)
    for name, value, source in shown:
        click.echo(f"  {name:<{width}}  {value}  [{source}]")
    click.echo("Paths:")
    width = max(len(name) for name in paths)
    for name, path in paths.items():
        click.echo(f"  {name:<{width}}  {path}")


def _paths(current: config.Config) -> dict[str, Path]:
    """Every folder and file the app uses, for bug reports and backups."""
    from isassist.cachefile import cache_dir

    return {
        "config file": current.file,
        "data": config.data_home(),
        "cache": cache_dir(),
        "exports": current.export_dir,
        "log": config.log_dir() / LOG_FILE,
    }


def _hide_password(name: str, value: str) -> str:
    if name != "db_url":
        return value
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(value).render_as_string(hide_password=True)
    except ArgumentError:
        return value
