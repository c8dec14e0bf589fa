"""Register benchmark: top-20 matches of one stream, whole-register matching, memory.

    uv run python benchmarks/register_bench.py [--companies 10000] [--db URL] [--skip-all]

Without --db it uses a fresh SQLite file in a temporary folder; with ISASSIST_TEST_PG_URL set
it also runs on that PostgreSQL database (its register tables are emptied first). Targets:
one stream <= 200 ms, whole register <= 30 s, peak memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from isassist.knowledge import get_knowledge
from isassist.register import Register, match_all, match_stream
from isassist.register.demo import demo_entries
from isassist.register.tables import metadata as register_metadata


def _fresh_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        register_metadata.drop_all(conn)
    engine.dispose()


def bench(url: str, companies: int, skip_all: bool) -> None:
    print(f"== {url.split('://')[0]} ==")
    with Register(url) as reg:
        started = time.perf_counter()
        streams = reg.bulk_load(demo_entries(get_knowledge(), companies))
        print(
            f"load: {companies} companies, {streams} streams "
            f"in {time.perf_counter() - started:.1f} s"
        )
        ids = [s.id for s in reg.streams()]
        sample = random.Random(1).sample(ids, min(100, len(ids)))
        match_stream(reg, sample[0])  # warm the route catalogue and the knowledge base
        times = []
        for stream_id in sample:
            started = time.perf_counter()
            match_stream(reg, stream_id, top=20)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(
            f"top-20 for one stream: median {statistics.median(times):.1f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms"
        )
        if not skip_all:
            started = time.perf_counter()
            result = match_all(reg)
            print(
                f"whole register: {time.perf_counter() - started:.1f} s, "
                f"{result.pairs_assessed} pairs assessed, {len(result.matches)} matches kept, "
                f"{len(result.splits)} splits, {len(result.bundles)} bundles"
            )
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--db")
    parser.add_argument("--skip-all", action="store_true", help="skip whole-register matching")
    args = parser.parse_args()
    if args.db:
        bench(args.db, args.companies, args.skip_all)
        return
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", args.companies, args.skip_all)
    pg = os.environ.get("ISASSIST_TEST_PG_URL")
    if pg:
        _fresh_postgres(pg)
        bench(pg, args.companies, args.skip_all)
        _fresh_postgres(pg)


if __name__ == "__main__":
    main()
