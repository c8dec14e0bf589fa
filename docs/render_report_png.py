"""Render one HTML report to a PNG with headless Chromium, for the README.

The report is made exactly as a user would get it: a shipped replay runs headless through the
interview engine and ``isassist.report.render_report`` lays out its dossier as HTML. Chromium
then takes a screenshot of that file; nothing is fetched from the network (the report is
self-contained).

Setup (Debian/Ubuntu; Chromium is not a Python package)::

    sudo apt-get install chromium fonts-dejavu-core

Run from the checkout::

    uv run python docs/render_report_png.py                      # brewery replay, Dutch
    uv run python docs/render_report_png.py --lang en --anonymise \
        --replay dialogs/replays/02_foundry_flue_gas_heat_nl.yaml -o docs/img/report-foundry-en.png

``--chromium`` names another browser binary (``chromium-browser``, ``google-chrome``).
``--height`` sets how much of the page the screenshot shows (pixels at 1280 wide).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPLAY = ROOT / "dialogs" / "replays" / "01_brewery_spent_grain_nl.yaml"


def render_html(replay: Path, lang: str, anonymise: bool) -> str:
    from isassist.interview.adapters import live_services
    from isassist.interview.engine import Interview
    from isassist.interview.loader import shipped_dialog
    from isassist.interview.replay import Replay, run_replay
    from isassist.report import render_report

    def make(spec: Replay) -> Interview:
        return Interview.start(shipped_dialog(), live_services(), spec.mode, spec.language)

    result = run_replay(replay, make)
    if result.dossier is None:
        sys.exit(f"{replay}: the replay produced no dossier: {result.failures}")
    html = render_report(result.dossier, "html", lang, anonymise)
    assert isinstance(html, str)
    return html


def screenshot(html: str, output: Path, chromium: str, width: int, height: int) -> None:
    binary = shutil.which(chromium)
    if binary is None:
        sys.exit(
            f"{chromium} not found. Install it first, e.g. `sudo apt-get install chromium "
            "fonts-dejavu-core`, or pass --chromium with the browser's name."
        )
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        command = [
            binary,
            "--headless",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={width},{height}",
            f"--screenshot={output.resolve()}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with it
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 or not output.is_file():
            sys.exit(f"chromium failed ({done.returncode}):\n{done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replay", type=Path, default=DEFAULT_REPLAY)
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--anonymise", action="store_true")
    parser.add_argument(
        "-o", "--output", type=Path, default=ROOT / "docs/img/report-brewery-nl.png"
    )
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2600)
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    html = render_html(args.replay, args.lang, args.anonymise)
    screenshot(html, args.output, args.chromium, args.width, args.height)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
