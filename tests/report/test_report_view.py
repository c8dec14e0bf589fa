"""The 4-quadrant placement and the Markdown escaping a reader relies on."""

from __future__ import annotations

from isassist.report.labels import how_to_close
from isassist.report.quadrant import geometry, place, quadrant_key
from isassist.report.text import md
from isassist.report.view import Point, number


def test_streams_sharing_a_score_stay_apart_and_inside_the_frame() -> None:
    placed = place([Point("s1 a", 4, 4), Point("s2 b", 4, 4), Point("s3 c", 1, 5)])
    frame = geometry()
    spots = {(p.cx, p.cy) for p in placed}
    assert len(spots) == 3
    for p in placed:
        assert frame["left"] < p.cx < frame["right"]  # type: ignore[operator]
        assert frame["top"] < p.cy < frame["bottom"]  # type: ignore[operator]
    # more feasible is further right, more impact is higher up (smaller y)
    assert placed[0].cx > placed[2].cx and placed[2].cy < placed[0].cy


def test_quadrants_follow_the_maestri_axes() -> None:
    keys = [
        quadrant_key(p)
        for p in place([Point("a", 5, 5), Point("b", 1, 5), Point("c", 5, 1), Point("d", 2, 2)])
    ]
    assert keys == ["q_quick_wins", "q_major", "q_fill_ins", "q_park"]


def test_markdown_escaping_keeps_text_readable_and_inert() -> None:
    assert md(
        "<b>x</b> | *y* [z](http://a)"
    ) == "&lt;b\\>x&lt;/b\\> \\| \\*y\\* \\[z\\](http://a)".replace("\\>", ">")
    assert md("A & B -> C") == "A & B -> C"
    assert md("&lt;") == "&amp;lt;"
    assert md("two\nlines") == "two lines"


def test_figures_are_written_the_way_each_language_writes_them() -> None:
    assert number(12000.5, "nl") == "12.000,5"
    assert number(12000.5, "en") == "12,000.5"
    assert number(230.0, "nl") == "230"


def test_current_route_of_heat_water_or_capacity_is_not_looked_up_at_the_waste_collector() -> None:
    # review R96: "Ask for the waste collector's invoices" beside idle washer capacity
    material = how_to_close(2, "E", "en", "material")
    assert "collector" in material
    assert how_to_close(2, "E", "en") == material
    for kind, word in (("capacity", "planning"), ("heat", "cooled away"), ("water", "sewer")):
        for lang in ("en", "nl"):
            text = how_to_close(2, "E", lang, kind)
            assert "collector" not in text and "inzamelaar" not in text, (kind, lang, text)
        assert word in how_to_close(2, "E", "en", kind)
