"""`isassist classify`: EWC suggestions for one description or for a JSON-lines batch.

Other tools parse this command's output, so the contract is strict: batch output has exactly
one JSON object per input line in input order, a bad line becomes an error object and never
stops the batch, and usage errors exit with code 2 and a single line on stderr. Only the
classifier and the knowledge cache are imported, so a cold start stays under a second.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from isassist.classify import ClassificationResult, ClassifyInputError
from isassist.cli.progress import progress
from isassist.root import root
from isassist.strictjson import StrictJsonError, loads_strict

_MAX_TOP = 50
_MAX_LINE_BYTES = 100_000
_MAX_ID_CHARS = 1_000


class OneLineError(click.ClickException):
    """A usage error shown as one line (``Error: ...``) with exit code 2."""

    exit_code = 2


class _OneLineCommand(click.Command):
    """Report click's own parse errors on one line too, so scripts can show them as-is."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            raise OneLineError(error.format_message()) from error


@click.command(cls=_OneLineCommand)
@click.argument("text", required=False)
@click.option("--sector", metavar="NACE", help="Producer's NACE code, e.g. 11.05.")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: detected).")
@click.option("--top", type=click.IntRange(1, _MAX_TOP), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of readable text.")
@click.option(
    "--batch",
    type=click.File("rb"),
    metavar="FILE",
    help='JSON lines {"id", "text", "sector", "lang"}; "-" reads stdin. Prints JSON lines.',
)
@click.option(
    "--hazardous",
    type=click.Choice(["yes", "no", "unknown"]),
    default="unknown",
    help="What is known about the hazard.",
)
@click.option("--state", metavar="STATE", help="Physical state: solid, liquid, sludge, ...")
def classify(
    text: str | None,
    sector: str | None,
    lang: str | None,
    top: int,
    as_json: bool,
    batch: IO[bytes] | None,
    hazardous: str,
    state: str | None,
) -> None:
    """Suggest EWC codes (and CPA codes) for a residual stream described in TEXT."""
    if batch is not None:
        if text is not None:
            raise OneLineError("give either TEXT or --batch FILE, not both")
        with progress(_batch(batch, top), "Streams", output_streams=True) as results:
            for line in results:
                click.echo(line)
        return
    if text is None:
        raise OneLineError('missing TEXT: describe the stream, e.g. isassist classify "betonpuin"')
    try:
        result = root().classifier.classify(
            text, sector=sector, lang=lang, top=top, hazardous=hazardous, state=state
        )
    except ClassifyInputError as error:
        raise OneLineError(str(error)) from error
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render(result))


def _batch(lines: IO[bytes], top: int) -> Iterator[str]:
    """One JSON text per non-blank input line, in order, whatever the line holds."""
    for number, raw in enumerate(_lines(lines), start=1):
        if not raw.strip():
            continue
        yield _dump(number, _batch_line(number, raw, top))


def _lines(source: IO[bytes]) -> Iterator[bytes]:
    """The input's lines as bytes, a line longer than _MAX_LINE_BYTES cut (and so refused)
    instead of read whole into memory."""
    while True:
        line = source.readline(_MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > _MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := source.readline(_MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield line


def _dump(number: int, item: dict[str, Any]) -> str:
    """``item`` as strict JSON (no NaN/Infinity, no lone surrogates); an error object when it
    cannot be written so."""
    try:
        return json.dumps(item, ensure_ascii=False, allow_nan=False).encode("utf-8").decode()
    except (ValueError, UnicodeEncodeError):
        return json.dumps(
            {"id": None, "error": f"line {number}: the result cannot be written as JSON"}
        )


def _valid_id(value: Any) -> bool:
    if value is None or isinstance(value, bool | int):
        return True
    return isinstance(value, str) and len(value) <= _MAX_ID_CHARS and _encodable(value)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _batch_line(number: int, raw: bytes, top: int) -> dict[str, Any]:
    if len(raw) > _MAX_LINE_BYTES:
        return {"id": None, "error": f"line {number}: longer than {_MAX_LINE_BYTES} bytes"}
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return {
            "id": None,
            "error": f"line {number}: not UTF-8 text (byte {error.start + 1}); save as UTF-8",
        }
    try:
        item = loads_strict(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"line {number}: not valid JSON ({error.msg})"}
    except StrictJsonError as error:
        return {"id": None, "error": f"line {number}: not valid JSON ({error})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object with id and text"}
    ident = item.get("id")
    if not _valid_id(ident):
        return {
            "id": None,
            "error": f"line {number}: the id must be a number or a text of at most "
            f"{_MAX_ID_CHARS} characters",
        }
    if "text" not in item:
        return {"id": ident, "error": f'line {number}: missing "text"'}
    fields = [item["text"], item.get("sector"), item.get("lang")]
    if any(isinstance(f, str) and not _encodable(f) for f in fields):
        return {"id": ident, "error": f"line {number}: the text holds an invalid character"}
    try:
        result = root().classifier.classify(
            item["text"], sector=item.get("sector"), lang=item.get("lang"), top=top
        )
    except ClassifyInputError as error:
        return {"id": ident, "error": f"line {number}: {error}"}
    return {"id": ident, "suggestions": [s.to_json() for s in result.suggestions]}


def render(result: ClassificationResult) -> str:
    """Readable output: rank, code with hazard marker, score, official text, why."""
    nl = result.lang == "nl"
    lines = [
        ("Taal" if nl else "Language")
        + f": {result.lang}"
        + (f"   Sector: {result.sector}" if result.sector else "")
    ]
    if not result.suggestions:
        lines.append("Geen EWC-code voorgesteld." if nl else "No EWC code suggested.")
    for rank, s in enumerate(result.suggestions, start=1):
        marker = ("GEVAARLIJK" if nl else "HAZARDOUS") if s.hazardous else ""
        lines.append(
            f"{rank:>2}. {s.display_code:<10} {s.score:4.2f}  {marker:<10} {s.description}"
        )
        lines.append(f"    {'waarom' if nl else 'why'}: {s.why}")
        if s.deciding_question:
            lines.append(f"    {s.deciding_question}")
    for note in result.notes:
        lines.append(f"{'Let op' if nl else 'Note'}: {note}")
    if result.cpa:
        # CPA 2.1 has no Dutch text: said once, never mixed into a Dutch line unannounced
        head = "CPA (omschrijving enkel in het Engels)" if nl else "CPA"
        lines.append(f"{head}: " + "; ".join(f"{c.code} {c.title}" for c in result.cpa))
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(classify())
