"""The sector map rows that apply to one NACE code, the most specific first.

A class (11.05) may have its own row; if not, its group (11.0) or division (11) speaks for it.
Both the sector boost and the no-word fallback walk up the same way, so they always agree on
which row is "the sector's".
"""

from __future__ import annotations

from collections.abc import Mapping


def sector_rows(
    sector_map: Mapping[str, tuple[str, ...]], sector: str
) -> list[tuple[str, tuple[str, ...]]]:
    """(NACE code, EWC prefixes) of every row from ``sector`` up to its division."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    code = sector
    while code:
        if code in sector_map:
            rows.append((code, sector_map[code]))
        code = code[:-1].rstrip(".")
    return rows
