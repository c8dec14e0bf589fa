"""Every shipped replay, run headless, renders in every format and language."""

from __future__ import annotations

import json
import re
from io import BytesIO

import pytest
from openpyxl import load_workbook

from interviews import make_interview
from isassist.dossier import Dossier
from isassist.interview.replay import run_replay
from isassist.knowledge import get_knowledge
from isassist.paths import data_dir
from isassist.report import FORMATS, ReportError, render_report

REPLAYS = sorted((data_dir("dialogs") / "replays").glob("*.yaml"))


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dossier]:
    found: dict[str, Dossier] = {}
    for path in REPLAYS:
        result = run_replay(path, make_interview)
        assert result.dossier is not None, result.failures
        found[path.stem] = result.dossier
    return found


def test_replays_ship() -> None:
    assert REPLAYS


@pytest.mark.parametrize("name", [p.stem for p in REPLAYS])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("anonymise", [False, True])
def test_every_format_renders(
    dossiers: dict[str, Dossier], name: str, lang: str, anonymise: bool
) -> None:
    dossier = dossiers[name]
    streams = dossier.streams
    html = render_report(dossier, "html", lang, anonymise)
    md = render_report(dossier, "md", lang, anonymise)
    book = render_report(dossier, "xlsx", lang, anonymise)
    data = render_report(dossier, "json", lang, anonymise)
    assert isinstance(html, str) and isinstance(md, str) and isinstance(book, bytes)
    assert isinstance(data, str)

    # self-contained HTML: inline CSS and SVG, nothing fetched, nothing run
    assert "<style>" in html and "<svg" in html and "@media print" in html
    assert not re.search(r"<script|<link|<img|src=|https?://[^\s\"<]*\.(css|js)", html)
    scored = [s for s in streams if {"feasibility", "impact"} <= set(s.properties)]
    assert html.count("<circle") == len(scored)
    heading = "Inventaris" if lang == "nl" else "Inventory"
    assert f"## {heading}" in md
    for stream in streams:
        shown = stream.name.split()[0]
        assert shown in md or anonymise

    sheet = load_workbook(BytesIO(book)).worksheets[0]
    assert sheet.title == heading
    assert sheet.max_row == 1 + len(streams)

    reread = Dossier.model_validate(json.loads(data))
    assert reread.schema_version == 1 and len(reread.streams) == len(streams)


def test_code_texts_follow_the_report_language(dossiers: dict[str, Dossier]) -> None:
    dossier = next(d for d in dossiers.values() if any(s.ewc for s in d.streams))
    code = next(c for s in dossier.streams for c in s.ewc)
    entry = get_knowledge().ewc[code]
    nl, en = render_report(dossier, "html", "nl"), render_report(dossier, "html", "en")
    assert isinstance(nl, str) and isinstance(en, str)
    assert entry.text_nl in nl and entry.text_nl not in en
    assert entry.text_en in en


def test_the_flowchart_path_and_canvas_grid_are_in_the_report(
    dossiers: dict[str, Dossier],
) -> None:
    dossier = dossiers["01_brewery_spent_grain_nl"]
    html = render_report(dossier, "html", "nl")
    assert isinstance(html, str)
    path = dossier.streams[0].path
    for step in path:
        assert step.title in html
    assert 'class="outcome-attention"' in html  # partnership: new partner
    assert html.count('<div class="key_') == 3  # partners, activities, resources blocks
    assert "Volgende stappen" in html and "Partner en vertrouwen" in html


def test_valorisation_options_carry_maestri_references(dossiers: dict[str, Dossier]) -> None:
    md = render_report(dossiers["01_brewery_spent_grain_nl"], "md", "en")
    assert isinstance(md, str)
    assert "MAESTRI exchange 27-9-5" in md
    assert "exchanges in the MAESTRI database" in md


def test_unknown_format_or_language_is_refused_with_the_choices(
    dossiers: dict[str, Dossier],
) -> None:
    dossier = next(iter(dossiers.values()))
    with pytest.raises(ReportError, match="md, html, xlsx, json"):
        render_report(dossier, "pdf")
    with pytest.raises(ReportError, match="nl or en"):
        render_report(dossier, "md", "fr")
    assert set(FORMATS) == {"md", "html", "xlsx", "json"}


def test_what_the_company_looks_for_is_in_the_report(dossiers: dict[str, Dossier]) -> None:
    dossier = dossiers["13_wants_feed_mill_nl"]
    wanted = dossier.wants["wants_materials"]
    for fmt in ("md", "html"):
        text = render_report(dossier, fmt, "nl")
        assert isinstance(text, str)
        assert "Wat het bedrijf zelf zoekt" in text
        assert wanted.split(";")[0].strip() in text


def test_conclusions_about_a_want_name_what_is_wanted(dossiers: dict[str, Dossier]) -> None:
    # review R43: the reasoning about wants was filed under "alle stromen"
    dossier = dossiers["13_wants_feed_mill_nl"]
    assert any(c.stream_id and c.stream_id.startswith("w") for c in dossier.conclusions)
    text = render_report(dossier, "md", "nl")
    assert isinstance(text, str)
    assert "| gevraagd: " in text
    assert "| alle stromen |" not in text


def _gap_rows(md: str, heading: str) -> list[str]:
    part = md.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    main = part.split("\n### ", 1)[0]
    return [line for line in main.splitlines() if line.startswith("| ") and "---" not in line][1:]


@pytest.mark.parametrize("name", [p.stem for p in REPLAYS])
def test_the_gaps_shown_are_the_top_few_per_stream(dossiers: dict[str, Dossier], name: str) -> None:
    # review R82: "4 stromen · 44 lacunes" after a complete interview; the keep-figure is
    # at most 5 gaps shown per stream, the rest one section (or a search) away
    from isassist.session.digest import digest

    dossier = dossiers[name]
    # company-level gaps (where the company is, ...) count as one more "stream"
    assert digest(dossier, "nl").counts.gaps <= 5 * (len(dossier.streams) + 1)
    md = render_report(dossier, "md", "nl")
    assert isinstance(md, str)
    rows = _gap_rows(md, "Kennislacunes")
    per_stream: dict[str, int] = {}
    for row in rows:
        stream = row.split("|")[1].strip()
        per_stream[stream] = per_stream.get(stream, 0) + 1
    assert all(count <= 5 for count in per_stream.values()), per_stream
    hidden = len(dossier.knowledge_gaps) + sum(1 for g in dossier.ranked_gaps if not g.top)
    assert ("### Overige kennislacunes" in md) == (hidden > 0)
