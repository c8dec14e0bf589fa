"""Register benchmark: top-20 matches of one stream, whole-register matching, memory.

    uv run python benchmarks/register_bench.py [--companies 10000] [--db URL] [--skip-all]

Without --db it uses a fresh SQLite file in a temporary folder; with ISASSIST_TEST_PG_URL set
it also runs on that PostgreSQL database (its register tables are emptied first). Targets:
one stream's top 20 <= 200 ms; `match --all --json` on 10,000 companies <= 60 s and <= 1 GB
peak memory (its own process, measured as a user runs it).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from isassist.knowledge import get_knowledge
from isassist.register import Register, match_stream
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
        started = time.perf_counter()
        everything = reg.parties()
        read_s = time.perf_counter() - started
        print(f"baseline: read all {len(everything)} streams with companies in {read_s:.2f} s")
        del everything
        ids = [s.id for s in reg.streams()]
        sample = random.Random(1).sample(ids, min(100, len(ids)))
        match_stream(reg, sample[0])  # warm the route catalogue and the knowledge base
        times = []
        cpu = []
        for stream_id in sample:
            started, used = time.perf_counter(), time.process_time()
            match_stream(reg, stream_id, top=20)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
        times.sort()
        cpu.sort()
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"top-20 for one stream: median {median:.1f} ms, "
            f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
            f"(median {median / 1000 / read_s:.2f}x, p95 {p95 / 1000 / read_s:.2f}x the read-all); "
            f"CPU time median {statistics.median(cpu):.1f} ms, "
            f"p95 {cpu[int(len(cpu) * 0.95) - 1]:.1f} ms"
        )
    print(f"peak memory (load + lookups): {_peak_mb(resource.RUSAGE_SELF):.0f} MB")
    if not skip_all:
        _match_all_cli(url)


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _cli_seconds(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one isassist command in its own process, output discarded."""
    started, used = time.perf_counter(), _cpu_children()
    subprocess.run([sys.executable, "-m", "isassist", *args], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started, _cpu_children() - used


def _match_all_cli(url: str) -> None:
    """`isassist match --all --json` as a user runs it, in its own process: wall and CPU time,
    its peak memory and how much it writes; against `register list --json` of the same
    register in the same run (reading and printing every company), since the machine may be
    loaded (CPU time is what a loaded machine changes least)."""
    listing, listing_cpu = _cli_seconds(["register", "list", "--json", "--db", url])
    print(
        f"baseline: register list --json (every company, own process): {listing:.1f} s, "
        f"CPU {listing_cpu:.1f} s"
    )
    with tempfile.TemporaryFile() as out:
        started, used = time.perf_counter(), _cpu_children()
        subprocess.run(
            [sys.executable, "-m", "isassist", "match", "--all", "--json", "--db", url],
            stdout=out,
            check=True,
        )
        seconds = time.perf_counter() - started
        cpu = _cpu_children() - used
        size = out.tell()
        out.seek(0)
        last = out.read().splitlines()[-1].decode()
    print(
        f"match --all --json: {seconds:.1f} s, peak {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB, "
        f"{size / 1e6:.1f} MB of JSON Lines ({seconds / listing:.1f}x the listing); "
        f"CPU {cpu:.1f} s ({cpu / listing_cpu:.1f}x the listing's); "
        f"summary {last}"
    )


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
