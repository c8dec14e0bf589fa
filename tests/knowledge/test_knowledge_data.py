"""The shipped knowledge base holds the official lists completely and consistently."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from isassist.knowledge import Knowledge, load_knowledge
from isassist.knowledge.codes import cas_check_digit_ok
from isassist.paths import data_dir


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge(use_cache=False)


def test_official_counts(kb: Knowledge) -> None:
    stats = kb.stats()
    assert (stats["ewc_chapters"], stats["ewc_subchapters"], stats["ewc_entries"]) == (20, 111, 842)
    assert stats["ewc_hazardous"] == 408
    assert stats["nace_items"] == 996
    assert stats["cpa_items"] == 5522
    assert stats["cas_substances"] == 8191
    assert stats["exchanges"] == 425
    assert stats["cases"] == 56
    assert sum(1 for i in kb.nace.values() if i.level == 4) == 615


def test_2014_entries_are_hazardous_and_have_dutch_text(kb: Knowledge) -> None:
    for code in ("010310", "160307", "190308"):
        item = kb.ewc[code]
        assert item.hazardous is True
        assert item.text_nl and "2014/955/EU" in item.nl_note
    assert kb.ewc["160307"].text_nl == "metallisch kwik"
    assert "01 03 10" in kb.ewc["010309"].text_nl  # reworded after 2014, no longer 01 03 07


def test_mirror_partners_point_both_ways(kb: Knowledge) -> None:
    for item in kb.ewc.values():
        for partner in item.mirror_partners:
            assert item.code in kb.ewc[partner].mirror_partners, (item.code, partner)
            assert kb.ewc[partner].hazardous != item.hazardous
    assert "170503" in kb.ewc["170504"].mirror_partners
    assert "170504" in kb.ewc["170503"].mirror_partners


@pytest.mark.parametrize(
    ("code", "fragment", "typo"),
    [
        ("150105", "composietverpakking", "composietverapkking"),
        ("020501", "verwerking", "vewerking"),
        ("0202", "voedsel van dierlijke oorsprong", None),
        ("130501", "vaste stoffen", "stofffen"),
        ("180203", "niet zijn onderworpen", "zijin"),
        ("160507", "anorganische", None),
        ("161102", "koolstofhoudend ovenpuin", "waterig"),
    ],
)
def test_dutch_typos_are_mended_and_recorded(
    kb: Knowledge, code: str, fragment: str, typo: str | None
) -> None:
    item = kb.ewc[code]
    assert fragment in item.text_nl
    if typo:
        assert typo not in item.text_nl
    assert item.nl_note, "every mended text says why in nl_note"


def test_no_dutch_text_is_obviously_broken(kb: Knowledge) -> None:
    for item in kb.ewc.values():
        text = item.text_nl
        assert text.count("(") == text.count(")"), item.code
        assert "  " not in text and not text.endswith((" van", " dierlijk")), item.code


def test_every_cas_number_passes_its_check_digit(kb: Knowledge) -> None:
    numbers = [s.cas for s in kb.substances if s.cas] + [c for x in kb.exchanges for c in x.cas]
    assert numbers and all(cas_check_digit_ok(n) for n in numbers)


def test_curated_materials_cover_common_industrial_materials(kb: Knowledge) -> None:
    curated = {s.name: s for s in kb.substances if s.curated}
    assert len(curated) >= 40
    assert curated["polyethylene"].cas == "9002-88-4"
    assert curated["asphalt mix"].no_single_cas and curated["asphalt mix"].cas is None
    assert curated["fly ash"].no_single_cas
    assert curated["bitumen"].ec_number == "232-490-9"


def test_exchanges_are_normalised(kb: Knowledge) -> None:
    exchange = next(x for x in kb.exchanges if x.exchange_id == "1-12-1")
    assert exchange.donor_nace == ("35.11",) and exchange.receiver_nace == ("19.20",)
    assert exchange.cpa == ("36.00.12",)
    split = [x for x in kb.exchanges if len(x.ewc) > 1]
    assert split and all(len(code) == 6 for x in split for code in x.ewc)
    assert {x.status for x in kb.exchanges} == {"implemented", "planned", "feasibility_study"}
    assert kb.exchanges_by_ewc["100202"]


def test_cases_ship_no_prose() -> None:
    with (data_dir("knowledge") / "cases.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert not {"narrative", "main_barriers", "approach", "preconditions"} & set(header)


def test_postcodes_resolve_to_provinces(kb: Knowledge) -> None:
    assert kb.postcodes_by_code["9000"][0].province_nl == "Oost-Vlaanderen"
    assert kb.postcodes_by_code["3600"][0].region_en == "Flanders"
    assert kb.postcodes_by_code["1000"][0].region_nl == "Brussels Hoofdstedelijk Gewest"


def test_crosswalk_both_ways(kb: Knowledge) -> None:
    assert "38.11" in kb.cpa_for_nace["38.11"]
    assert "03.11" in kb.nace_for_cpa["03.00"]


def test_build_is_deterministic(tmp_path: Path) -> None:
    sources = Path(__file__).resolve().parents[3] / "shared" / "knowledge-sources"
    if not sources.is_dir():
        pytest.skip("the collected sources are not next to this checkout")
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_knowledge.py"
    spec = importlib.util.spec_from_file_location("build_knowledge", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "knowledge"
    out.mkdir()
    (out / "cas_curated.csv").write_bytes((data_dir("knowledge") / "cas_curated.csv").read_bytes())
    assert module.main(["--sources", str(sources), "--out", str(out)]) == 0
    for built in sorted(out.glob("*.csv")):
        shipped = data_dir("knowledge") / built.name
        assert built.read_bytes() == shipped.read_bytes(), built.name
