"""The opportunity pipeline and its impact figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from isassist.register import NewCompany, NewStream, Pipeline, Register, RegisterError
from isassist.register.impact import impact_of, load_co2_factors
from isassist.register.models import Stream


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Pipeline, int, int]:
    reg = Register(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    _, [supply] = reg.add_company_with_streams(
        NewCompany(name="Brouwerij", postcode="9000"),
        [
            NewStream(
                side="have",
                name="bostel",
                families=("spent_grain",),
                amount_per_year=800,
                current_route="landfill",
                disposal_cost_eur_per_t=60,
            )
        ],
    )
    _, [demand] = reg.add_company_with_streams(
        NewCompany(name="Veevoeder", postcode="9900"),
        [
            NewStream(
                side="want",
                name="voeder",
                families=("spent_grain",),
                amount_per_year=500,
                market_price_eur_per_t=40,
            )
        ],
    )
    return Pipeline(reg), supply.id, demand.id


def test_stages_move_forward_with_dated_notes(setup: tuple[Pipeline, int, int]) -> None:
    pipe, supply, demand = setup
    opp = pipe.open_pair(supply, demand, amount_per_year=500, distance_km=20, note="gezien")
    pipe.move(opp.id, "contacted", "gebeld", on=date(2026, 3, 2))
    pipe.note(opp.id, "staal opgestuurd")
    pipe.move(opp.id, "agreed", "contract")  # skipping feasibility is allowed
    history = pipe.history(opp.id)
    assert [(e.stage, e.note) for e in history] == [
        ("idea", "gezien"),
        ("contacted", "gebeld"),
        ("contacted", "staal opgestuurd"),
        ("agreed", "contract"),
    ]
    assert history[1].at.date() == date(2026, 3, 2)
    assert pipe.get(opp.id).stage == "agreed"


def test_backward_moves_and_moves_after_the_end_are_refused(
    setup: tuple[Pipeline, int, int],
) -> None:
    pipe, supply, demand = setup
    opp = pipe.open_pair(supply, demand)
    pipe.move(opp.id, "feasibility")
    with pytest.raises(RegisterError, match="only move forward"):
        pipe.move(opp.id, "contacted")
    pipe.move(opp.id, "dropped", "te nat")
    with pytest.raises(RegisterError, match="revived as 'idea'"):
        pipe.move(opp.id, "agreed")
    pipe.move(opp.id, "idea", "nieuwe droger")
    pipe.move(opp.id, "implemented")
    with pytest.raises(RegisterError, match="final"):
        pipe.move(opp.id, "dropped")


def test_an_opportunity_starts_from_a_have_and_goes_to_a_want(
    setup: tuple[Pipeline, int, int],
) -> None:
    pipe, supply, demand = setup
    with pytest.raises(RegisterError, match="is a want"):
        pipe.open_pair(demand, supply)


def test_impact_counts_diverted_tonnes_co2_and_euros(setup: tuple[Pipeline, int, int]) -> None:
    pipe, supply, demand = setup
    factors = load_co2_factors()
    landfill = factors.get("disposal.landfill", ("spent_grain",))
    truck = factors.get("transport", ("truck",))
    assert landfill is not None and truck is not None and landfill.applies_to != "*"
    opp = pipe.open_pair(supply, demand, amount_per_year=500, distance_km=20)
    pipe.move(opp.id, "implemented")
    report = pipe.register_impact()
    realised = report["realised"]
    assert realised["tonnes_diverted"] == 500
    expected_co2 = 500 * landfill.kg_co2e / 1000 - 500 * 20 * truck.kg_co2e / 1000
    assert realised["co2e_avoided_t"] == pytest.approx(expected_co2, abs=0.1)
    assert realised["eur_saved"] == pytest.approx(500 * 60 + 500 * 40 - 500 * 20 * 0.12, abs=1)
    assert report["potential"]["tonnes_diverted"] == 0


def test_a_recycled_stream_diverts_nothing_and_missing_prices_are_named(
    setup: tuple[Pipeline, int, int],
) -> None:
    pipe, supply, _ = setup
    stream = pipe.register.stream(supply).model_copy(
        update={"current_route": "recycling", "market_price_eur_per_t": None}
    )
    found = impact_of(stream, None, 100, 0, load_co2_factors())
    assert found.tonnes_diverted == 0
    assert "price of the virgin material replaced" in found.missing


def test_heat_impact_uses_the_gas_boiler_factor() -> None:
    factors = load_co2_factors()
    boiler = factors.get("heat", ("natural_gas_boiler",))
    assert boiler is not None
    heat = Stream(
        id=1, company_id=1, side="have", kind="heat", name="rookgas", amount_per_year=1000
    )
    found = impact_of(heat, None, None, 3, factors)
    assert found.co2e_avoided_t == pytest.approx(1000 * boiler.kg_co2e / 1000)


def test_a_broken_factor_file_names_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "co2_factors.csv"
    bad.write_text(
        "factor,applies_to,kg_co2e,per,status,source,note\n"
        "substitute,ash,600,t,approximate,GCCA GNR,\n"
        "substitute,glass,-3,t,approximate,FEVE cullet,\n",
        encoding="utf-8",
    )
    with pytest.raises(RegisterError, match=r"co2_factors.csv:3: column kg_co2e"):
        load_co2_factors(bad)
