"""The command-line face of isassist.

Sub-commands are imported lazily: ``isassist classify`` must answer within a second from a cold
start, so a command never pays for the imports of another (Textual above all). Each entry of
``_COMMANDS`` names the module and the click command object inside it.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.util
import os
import sys
from typing import Any

import click

from isassist import __version__

# name -> (module, attribute, one-line help shown in `isassist --help`)
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "classify": ("isassist.cli.classify_cmd", "classify", "Suggest EWC codes for a stream."),
    "lookup": ("isassist.cli.lookup_cmd", "lookup", "Look up an EWC, NACE, CPA or CAS code."),
    "knowledge": ("isassist.cli.knowledge_cmd", "knowledge", "Inspect the knowledge base."),
    "rules": ("isassist.cli.rules_cmd", "rules", "Check and list the rule base."),
    "replay": ("isassist.cli.replay_cmd", "replay", "Run scripted interview replays."),
    "interviews": ("isassist.cli.interviews_cmd", "interviews", "List, export, import interviews."),
    "report": ("isassist.cli.report_cmd", "report", "Write the report of an interview."),
    "import-inventory": (
        "isassist.cli.import_inventory_cmd",
        "import_inventory",
        "Load an inventory sheet (XLSX) into an interview.",
    ),
    "tui": ("isassist.cli.tui_cmd", "tui", "Start the interactive assistant."),
    "terms": ("isassist.cli.terms_cmd", "terms", "Learned terms: list, export, forget."),
    "register": ("isassist.cli.register_cmd", "register", "The broker register: haves, wants."),
    "match": ("isassist.cli.match_cmd", "match", "Match haves and wants, with reasons."),
    "network": ("isassist.cli.network_cmd", "network", "Organisation network of a company."),
    "config": (
        "isassist.cli.config_cmd",
        "config_command",
        "Show the settings in force and the folders used.",
    ),
    "db": ("isassist.cli.db_cmd", "db", "Upgrade the database schema or show its revision."),
    "serve": ("isassist.cli.serve_cmd", "serve", "Serve the assistant to browsers (team)."),
    "users": ("isassist.cli.users_cmd", "users", "Accounts and invitation links for serve."),
    "demo-register": (
        "isassist.cli.demo_register_cmd",
        "demo_register",
        "Fill a register with synthetic companies.",
    ),
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported only when they run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, (module, _, _) in _COMMANDS.items() if _available(module))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = _COMMANDS.get(cmd_name)
        if entry is None or not _available(entry[0]):
            return None
        module = importlib.import_module(entry[0])
        command = getattr(module, entry[1])
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="isassist")
@click.option("--db", "db_url", default=None, help="Database URL (over ISASSIST_DB_URL, config).")
@click.option("--lang", "language", default=None, help="nl or en (over ISASSIST_LANG, config).")
@click.option(
    "--export-dir", default=None, help="Report folder (over ISASSIST_EXPORT_DIR, config)."
)
@click.pass_context
def cli(
    ctx: click.Context, db_url: str | None, language: str | None, export_dir: str | None
) -> None:
    """isassist: residual streams, a second life. Without a command it starts the assistant.

    Settings come from these options, else environment variables, else the config file
    (`isassist config` shows which and where).
    """
    from isassist import config
    from isassist.applog import start_logging

    try:
        config.activate({"db_url": db_url, "language": language, "export_dir": export_dir})
    except config.ConfigError as error:
        raise click.UsageError(str(error), ctx) from error
    ctx.call_on_close(lambda: config.activate({}))  # options hold for this command only
    start_logging()
    from isassist.root import command_root

    ctx.with_resource(command_root())  # services built on use, for this command
    if ctx.invoked_subcommand is None:
        tui = cli.get_command(ctx, "tui")
        if tui is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(tui)


_OUTPUT_ERRORS = (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, errno.EDQUOT)


def _output_failed(error: OSError) -> None:
    """Standard output could not be written (a full disk, a closed pipe): one line on stderr,
    exit 1, and no second traceback when Python flushes stdout on the way out."""
    with contextlib.suppress(OSError):
        sys.stderr.write(f"isassist: cannot write the output: {error.strerror or error}\n")
    # not a real file (a test runner's buffer): nothing left to flush
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point.

    Usage errors (a missing argument, an unknown option or choice) come out as one line on
    stderr with exit code 2, for every command alike, so scripts and people see what is wrong
    and where help is, without click's multi-line usage block.
    """
    args = argv if argv is not None else sys.argv[1:]
    try:
        result = cli.main(args=args, prog_name="isassist", standalone_mode=False)
    except click.UsageError as error:
        where = error.ctx.command_path if error.ctx is not None else "isassist"
        click.echo(f"{where}: {error.format_message()} (see '{where} --help')", err=True)
        sys.exit(2)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        _output_failed(error)
    if isinstance(result, int) and not isinstance(result, bool) and result:
        sys.exit(result)  # click returns ctx.exit(code) as a value when not standalone
    return result
