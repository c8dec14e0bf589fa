"""``isassist serve``: the assistant in the browser for a broker team (see docs/SERVER.md)."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--db", "url", default=None, help="Database URL (default: the `db_url` setting).")
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Send the session cookie over plain http too (only for http://127.0.0.1 tests).",
)
@click.option(
    "--same-site",
    type=click.Choice(["Strict", "Lax"]),
    default="Strict",
    show_default=True,
    help="SameSite attribute of the session cookie.",
)
@click.option(
    "--trust-forwarded-for",
    is_flag=True,
    help="Rate-limit by X-Forwarded-For (only behind a reverse proxy that sets it).",
)
def serve(
    host: str,
    port: int,
    url: str | None,
    insecure_cookies: bool,
    same_site: str,
    trust_forwarded_for: bool,
) -> None:
    """Serve the assistant to browsers: brokers log in, invited companies use their link."""
    from isassist.server.web import Settings, run
    from isassist.store import StoreError, default_url

    settings = Settings(
        db_url=url or default_url(),
        secure_cookies=not insecure_cookies,
        same_site=same_site,
        trust_forwarded_for=trust_forwarded_for,
    )
    if host not in ("127.0.0.1", "localhost", "::1") and insecure_cookies:
        raise click.UsageError("--insecure-cookies is only for a server bound to localhost.")
    click.echo(f"isassist serve: http://{host}:{port} (Ctrl+C stops)", err=True)
    try:
        run(settings, host, port)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
