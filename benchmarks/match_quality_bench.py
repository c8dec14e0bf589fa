"""Match quality on a labelled register: precision@5, recall@5 and forbidden pairs proposed.

    uv run python benchmarks/match_quality_bench.py [--details]
        [--dir DIR | --file REGISTER.csv --gold GOLD.csv]

A labelled register is two CSV files (see benchmarks/register_labelled/README.md):
``register.csv`` in the register's import format with a ``source_ref`` per stream, and
``gold.csv`` with ``want,have,label[,why]`` rows, label ``plausible`` or ``forbidden``.
The register is imported into a fresh SQLite file exactly as a broker's CSV is, so rows with
only a name go through the same classification a broker's rows do.

Figures (micro-averaged over all wants):

- precision@5: share of the suppliers proposed in a want's top 5 that are labelled plausible
  (an unlabelled proposal counts as not plausible);
- recall@5: plausible pairs found in the top 5, over min(5, plausible pairs) per want;
- forbidden: labelled-forbidden pairs proposed anywhere, in a want's top 5 or a have's top 5.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from isassist.register import Register, match_stream
from isassist.register.importing import import_file

TOP = 5
HERE = Path(__file__).parent / "register_labelled"


def _gold(path: Path) -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    plausible: dict[str, set[str]] = defaultdict(set)
    forbidden: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            label = (row.get("label") or "").strip()
            pair = (row["want"].strip(), row["have"].strip())
            if label == "plausible":
                plausible[pair[0]].add(pair[1])
            elif label == "forbidden":
                forbidden.add(pair)
            else:
                sys.exit(f"{path}:{line}: label {label!r} is neither 'plausible' nor 'forbidden'")
    return plausible, forbidden


def score(register_csv: Path, gold_csv: Path, details: bool = False) -> dict[str, float]:
    """Import the register, match every stream and compare with the gold labels."""
    plausible, forbidden = _gold(gold_csv)
    with tempfile.TemporaryDirectory() as folder:
        reg = Register(f"sqlite:///{Path(folder) / 'labelled.sqlite3'}")
        try:
            import_file(reg, register_csv)
            streams = reg.streams()
            ref = {s.id: s.source_ref or f"#{s.id}" for s in streams}
            proposed_for_want: dict[str, list[str]] = {}
            proposed_pairs: set[tuple[str, str]] = set()
            for stream in streams:
                found = match_stream(reg, stream.id, top=TOP)
                pairs = [(ref[m.demand.stream.id], ref[m.supply.stream.id]) for m in found]
                proposed_pairs.update(pairs)
                if stream.side == "want":
                    proposed_for_want[ref[stream.id]] = [have for _, have in pairs]
        finally:
            reg.close()
    hits = proposals = wanted = found_gold = 0
    for want, haves in sorted(proposed_for_want.items()):
        good = plausible.get(want, set())
        hit = [h for h in haves if h in good]
        hits += len(hit)
        proposals += len(haves)
        wanted += min(TOP, len(good))
        found_gold += len(hit)
        if details:
            wrong = [h for h in haves if h not in good]
            missed = sorted(good - set(haves))
            print(f"{want}: proposed {haves} wrong {wrong} missed {missed}")
    bad = sorted(proposed_pairs & forbidden)
    if details and bad:
        print("forbidden proposed:", bad)
    return {
        "precision_at_5": hits / proposals if proposals else 0.0,
        "recall_at_5": found_gold / wanted if wanted else 0.0,
        "forbidden_proposed": float(len(bad)),
        "proposals": float(proposals),
        "wants": float(len(proposed_for_want)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="folder with register.csv and gold.csv")
    parser.add_argument("--file", type=Path, help="the register CSV (with --gold)")
    parser.add_argument("--gold", type=Path, help="the gold labels CSV (with --file)")
    parser.add_argument("--details", action="store_true", help="print every want's top 5")
    args = parser.parse_args()
    if args.file is not None:
        if args.gold is None:
            parser.error("--file needs --gold")
        register_csv, gold_csv = args.file, args.gold
    else:
        folder = args.dir or HERE
        register_csv, gold_csv = folder / "register.csv", folder / "gold.csv"
    figures = score(register_csv, gold_csv, args.details)
    print(
        f"wants {figures['wants']:.0f}, proposals {figures['proposals']:.0f}: "
        f"precision@5 {figures['precision_at_5']:.1%}, recall@5 {figures['recall_at_5']:.1%}, "
        f"forbidden pairs proposed {figures['forbidden_proposed']:.0f}"
    )


if __name__ == "__main__":
    main()
