"""Place the streams on the MAESTRI 4-quadrant view (x feasibility, y impact, scores 1-5).

Scores are small integers, so several streams often share a spot; they are fanned out around
it so every one stays visible and numbered, and the legend names them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from isassist.report.view import Point

WIDTH, HEIGHT = 420, 340
LEFT, RIGHT, TOP, BOTTOM = 50, 20, 20, 50
SPREAD = 11.0
MIDDLE = 2.5  # scores 1-2 are low, 3-5 high


@dataclass(frozen=True)
class Placed:
    number: int
    label: str
    cx: float
    cy: float
    feasibility: float
    impact: float


def x_of(score: float) -> float:
    return LEFT + (score - 0.5) / 5 * (WIDTH - LEFT - RIGHT)


def y_of(score: float) -> float:
    return HEIGHT - BOTTOM - (score - 0.5) / 5 * (HEIGHT - TOP - BOTTOM)


def place(points: list[Point]) -> list[Placed]:
    """Each stream at its scores; streams sharing a spot sit on a small circle around it."""
    by_spot: dict[tuple[float, float], list[int]] = {}
    for i, point in enumerate(points):
        by_spot.setdefault((point.feasibility, point.impact), []).append(i)
    placed: list[Placed] = []
    for i, point in enumerate(points):
        shared = by_spot[(point.feasibility, point.impact)]
        dx = dy = 0.0
        if len(shared) > 1:
            angle = 2 * math.pi * shared.index(i) / len(shared)
            dx, dy = SPREAD * math.cos(angle), SPREAD * math.sin(angle)
        placed.append(
            Placed(
                number=i + 1,
                label=point.label,
                cx=round(x_of(point.feasibility) + dx, 1),
                cy=round(y_of(point.impact) + dy, 1),
                feasibility=point.feasibility,
                impact=point.impact,
            )
        )
    return placed


def geometry() -> dict[str, object]:
    """The frame the template draws: plot edges and the midline between low and high."""
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "mid_x": x_of(MIDDLE),
        "mid_y": y_of(MIDDLE),
        "ticks": [(s, x_of(s), y_of(s)) for s in range(1, 6)],
    }


def quadrant_key(point: Placed) -> str:
    """The report word of the quadrant the stream falls in."""
    high_x, high_y = point.feasibility > MIDDLE, point.impact > MIDDLE
    if high_x:
        return "q_quick_wins" if high_y else "q_fill_ins"
    return "q_major" if high_y else "q_park"
