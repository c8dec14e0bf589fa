"""Run the issue-15 probes against a source tree and print one line per probe.

    uv run python tests/hostile/run_probes.py [--src PATH] [--timeout S]

``--src`` points at another checkout's src/ (e.g. the commit before the hardening, unpacked
with `git archive`), so the same probes give the "before" and "after" columns of
tests/hostile/README.md. Each probe runs `python -m isassist ...` in a fresh process with its
own data folder; a probe that runs past the timeout is reported as a hang. Not a test: the
tests in this folder assert the behaviour; this prints what a user would see.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_inputs import ALIAS_BOMB, inventory_sheet, latin1_csv, zip_bomb


def _run(src: Path, home: Path, args: list[str], stdin: bytes | None, timeout: float) -> str:
    env = {**os.environ, "ISASSIST_DATA_DIR": str(home), "PYTHONPATH": str(src)}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "isassist", *args],
            input=stdin,
            capture_output=True,
            timeout=timeout,
            env=env,
            cwd=src.parent,
        )
    except subprocess.TimeoutExpired:
        return f"HANG (> {timeout:.0f} s)"
    err = done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8", "replace")
    if "Traceback" in err:
        return f"exit {done.returncode}, TRACEBACK {err.strip().splitlines()[-1][:90]}"
    text = (err.strip() or out.strip()).replace("\n", " ")
    return f"exit {done.returncode}: {text[:110]}"


def probes(work: Path) -> dict[str, tuple[list[str], bytes | None]]:
    bomb = work / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB)
    latin = work / "replay-latin1.yaml"
    latin.write_bytes("title: café\n".encode("latin-1"))
    dup = inventory_sheet(work / "dup.xlsx", 4, duplicate=True)
    zbomb = zip_bomb(work / "zipbomb.xlsx", inventory_sheet(work / "one.xlsx", 1), 1000)
    csv_inf = work / "inf.csv"
    csv_inf.write_text("company,side,name,families,amount_per_year\nX,have,hout,wood,inf\n")
    wrong = work / "wrong.json"
    wrong.write_text(json.dumps({"format": "isassist.register", "companies": {"a": 1}}))
    batch = b'{"id":1,"text":"glas"}\n{"id":2,"text":"hout\xff"}\n{"id":1e999,"text":"x"}\n'
    return {
        "replay: 367-byte YAML alias bomb": (["replay", str(bomb)], None),
        "replay: file not UTF-8": (["replay", str(latin)], None),
        "lookup nace: 20,000-character query": (["lookup", "nace", "brouwerij " * 2000], None),
        "classify --batch: invalid UTF-8 and 1e999 lines": (["classify", "--batch", "-"], batch),
        "import-inventory: duplicate stream names": (["import-inventory", str(dup)], None),
        "import-inventory: zip bomb (1 GB)": (["import-inventory", str(zbomb)], None),
        "register import: inf amount": (["register", "import", str(csv_inf)], None),
        "register import: Windows-1252 CSV": (
            ["register", "import", str(latin1_csv(work / "excel.csv"))],
            None,
        ),
        "register import: JSON of the wrong shape": (["register", "import", str(wrong)], None),
        "register add-want: refused want (unknown family), new company": (
            ["register", "add-want", "NewCo", "zand", "--family", "nonsense", "--nace", "10.91"],
            None,
        ),
        "register list --db mysql://": (["register", "list", "--db", "mysql://u@h/x"], None),
        "register add-want: unknown EWC code": (
            ["register", "add-want", "NewCo", "zand", "--ewc", "999999", "--nace", "10.91"],
            None,
        ),
        "register add-want --amount inf": (
            ["register", "add-want", "NewCo", "zand", "--family", "wood", "--amount", "inf"],
            None,
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[2] / "src")
    parser.add_argument("--timeout", type=float, default=60)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for number, (name, (args, stdin)) in enumerate(probes(work).items()):
            home = work / f"home{number}"
            print(f"{name}: {_run(options.src, home, args, stdin, options.timeout)}", flush=True)
        # stateful probes: an empty store file, a data folder that is a file
        empty = work / "empty"
        empty.mkdir()
        (empty / "interviews.sqlite3").write_bytes(b"")
        result = _run(options.src, empty, ["interviews", "list"], None, options.timeout)
        size = (empty / "interviews.sqlite3").stat().st_size
        print(f"0-byte store file: {result} (file now {size} bytes)")
        as_file = work / "afile"
        as_file.write_text("x")
        print(
            "ISASSIST_DATA_DIR is a file: "
            + _run(options.src, as_file, ["interviews", "list"], None, options.timeout)
        )
        print(
            "after the refused add-want, register list: "
            + _run(options.src, work / "home9", ["register", "list"], None, options.timeout)
        )


if __name__ == "__main__":
    main()
