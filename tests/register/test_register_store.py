"""Storage and matching of the broker register, on SQLite and (when CI provides it) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.config import main as alembic_main

from isassist.register import (
    MatchSettings,
    NewCompany,
    NewStream,
    Register,
    RegisterError,
    match_all,
    match_company,
    match_stream,
    network,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def reg(db_url: str) -> Iterator[Register]:
    register = Register(db_url)
    yield register
    register.close()


def have(name: str, **fields: object) -> NewStream:
    return NewStream.model_validate({"side": "have", "name": name, **fields})


def want(name: str, **fields: object) -> NewStream:
    return NewStream.model_validate({"side": "want", "name": name, **fields})


def company(reg: Register, name: str, streams: list[NewStream], **fields: object) -> int:
    stored, _ = reg.add_company_with_streams(
        NewCompany.model_validate({"name": name, **fields}), streams
    )
    return stored.id


# -- storage ---------------------------------------------------------------------------------


def test_a_company_is_placed_at_its_postcode_and_found_by_name_in_any_case(reg: Register) -> None:
    company(reg, "Brouwerij Gent", [], nace="11.05", postcode="9000")
    found = reg.company("  brouwerij   GENT ")
    assert found.postcode == "9000"
    assert found.lat == pytest.approx(51.05, abs=0.05)
    assert found.lon == pytest.approx(3.72, abs=0.05)


def test_a_second_company_with_the_same_name_is_refused_readably(reg: Register) -> None:
    company(reg, "Brouwerij Gent", [], postcode="9000")
    with pytest.raises(RegisterError, match="already in the register"):
        company(reg, "BROUWERIJ GENT", [], postcode="9000")
    assert reg.counts()["companies"] == 1


def test_an_unknown_company_name_suggests_close_names(reg: Register) -> None:
    company(reg, "Brouwerij Gent", [], postcode="9000")
    with pytest.raises(RegisterError, match="Did you mean: Brouwerij Gent"):
        reg.company("brouwerij")


def test_families_come_from_ewc_codes_and_heat_is_its_own_family(reg: Register) -> None:
    cid = company(
        reg,
        "Centrale",
        [have("vliegas", ewc="100102"), have("rookgas", kind="heat", temperature_c=150)],
        postcode="9000",
    )
    ash, heat = reg.streams(company_id=cid)
    assert "ash" in ash.families
    assert heat.families == ("heat",)


def test_an_unknown_family_names_the_family_and_stores_nothing(reg: Register) -> None:
    with pytest.raises(RegisterError, match="unknown material family 'ashes'"):
        company(reg, "Centrale", [have("as", families="ashes")], postcode="9000")
    assert reg.counts() == {"companies": 0, "haves": 0, "wants": 0, "opportunities": 0}


def test_the_register_lives_next_to_the_interviews(db_url: str) -> None:
    from isassist.store import InterviewMeta, Store

    with Register(db_url) as register:
        company(register, "Brouwerij Gent", [], postcode="9000")
    with Store(db_url) as store:
        store.create_interview(InterviewMeta(company="Brouwerij Gent", dialog_version="1"))
        assert len(store.list_interviews()) == 1
    with Register(db_url) as register:
        assert register.counts()["companies"] == 1


# -- matching --------------------------------------------------------------------------------


def _brewery_and_feed_mill(reg: Register) -> tuple[int, int]:
    brewery = company(
        reg,
        "Brouwerij Gent",
        [have("bostel", families="spent_grain", amount_per_year=800, current_route="incineration")],
        nace="11.05",
        postcode="9000",
    )
    mill = company(
        reg,
        "Veevoeder Eeklo",
        [want("natte veevoedergrondstof", families="spent_grain", amount_per_year=500)],
        nace="10.91",
        postcode="9900",
    )
    return brewery, mill


def test_a_match_names_its_route_distance_and_reason_in_both_languages(reg: Register) -> None:
    _brewery_and_feed_mill(reg)
    [[found]] = match_company(reg, "Brouwerij Gent").values()
    assert found.assessment.route is not None
    assert found.assessment.route.rule_id == "valorisation.spent_grain.feed"
    assert 15 < found.assessment.distance_km < 25
    assert "Veevoeder Eeklo" in found.reason["nl"] and "Veevoeder Eeklo" in found.reason["en"]
    assert "500 t" in found.reason["en"] and "Covers 100%" in found.reason["en"]
    assert found.assessment.amount == 500


def test_a_want_beyond_the_material_limit_is_no_match(reg: Register) -> None:
    company(reg, "Brouwerij Gent", [have("bostel", families="spent_grain")], postcode="9000")
    company(reg, "Veevoeder Luik", [want("voeder", families="spent_grain")], postcode="4000")
    assert not any(match_company(reg, "Brouwerij Gent").values())
    wider = MatchSettings(distance_scale=2.0)
    assert any(match_company(reg, "Brouwerij Gent", settings=wider).values())


def test_hazardous_and_cross_border_streams_carry_legal_barriers(reg: Register) -> None:
    company(
        reg,
        "Chemie Zelzate",
        [have("afgewerkt zuur", families="acid", hazardous="yes", amount_per_year=100)],
        postcode="9060",
    )
    company(
        reg,
        "Zuurverwerker Terneuzen",
        [want("zuur", families="acid", amount_per_year=100)],
        country="NL",
        lat=51.33,
        lon=3.83,
    )
    [[found]] = match_company(reg, "Chemie Zelzate").values()
    codes = {b.code: b for b in found.barriers}
    assert codes["hazardous_permit"].category == "regulatory"
    assert "permit covers that code" in codes["hazardous_permit"].text["en"]
    assert "the Netherlands" in codes["hazardous_permit"].text["en"]  # the receiver's law
    assert "BE → NL" in codes["border"].text["en"]
    assert "2024/1157" in codes["border"].text["en"]


def test_heat_reach_grows_with_power(reg: Register) -> None:
    # two sources 6 km from the greenhouse: a small one and a large one
    company(reg, "Serre", [want("warmte", kind="heat", temperature_c=60)], lat=51.0, lon=3.80)
    company(
        reg,
        "Bakkerij",
        [have("oven", kind="heat", temperature_c=180, power_kw=500)],
        lat=51.054,
        lon=3.80,
    )
    company(
        reg,
        "Staalwerk",
        [have("koelwater", kind="heat", temperature_c=180, power_kw=30000)],
        lat=50.946,
        lon=3.80,
    )
    [[found]] = match_company(reg, "Serre").values()
    assert found.supply.company.name == "Staalwerk"
    assert found.assessment.temperature == "fits"


def test_heat_too_cold_needs_a_heat_pump_or_does_not_match(reg: Register) -> None:
    company(reg, "Serre", [want("warmte", kind="heat", temperature_c=70)], lat=51.0, lon=3.80)
    company(
        reg,
        "Lauw",
        [have("lauw", kind="heat", temperature_c=45, power_kw=5000)],
        lat=51.0,
        lon=3.81,
    )
    company(
        reg,
        "Koud",
        [have("koud", kind="heat", temperature_c=20, power_kw=5000)],
        lat=51.0,
        lon=3.79,
    )
    [[found]] = match_company(reg, "Serre").values()
    assert found.supply.company.name == "Lauw"
    assert "heat_pump" in [b.code for b in found.barriers]


def test_closer_and_better_fitting_suppliers_rank_first(reg: Register) -> None:
    company(
        reg, "Gips Gent", [want("gips", families="gypsum", amount_per_year=1000)], postcode="9000"
    )
    company(reg, "Near", [have("gips", families="gypsum", amount_per_year=1000)], postcode="9050")
    company(reg, "Far", [have("gips", families="gypsum", amount_per_year=1000)], postcode="9200")
    company(reg, "Tiny", [have("gips", families="gypsum", amount_per_year=50)], postcode="9050")
    [ranked] = match_company(reg, "Gips Gent").values()
    assert [m.supply.company.name for m in ranked] == ["Near", "Far", "Tiny"]
    assert "small_supply" in {b.code for b in ranked[-1].barriers}


def test_whole_register_splits_a_large_stream_and_bundles_small_ones(reg: Register) -> None:
    company(reg, "Groot", [have("gips", families="gypsum", amount_per_year=900)], postcode="9000")
    for name in ("Beton A", "Beton B", "Beton C"):
        company(reg, name, [want("gips", families="gypsum", amount_per_year=300)], postcode="9050")
    company(reg, "Cement", [want("gips", families="gypsum", amount_per_year=2000)], postcode="8500")
    for name in ("Klein 1", "Klein 2"):
        company(reg, name, [have("gips", families="gypsum", amount_per_year=400)], postcode="8500")
    result = match_all(reg)
    split = next(s for s in result.splits if s.stream.company.name == "Groot")
    assert sum(amount for _, amount in split.partners) == pytest.approx(900)
    bundle = next(b for b in result.bundles if b.stream.company.name == "Cement")
    assert {p.company.name for p, _ in bundle.partners} >= {"Klein 1", "Klein 2"}
    assert bundle.covered < 1.0


def test_one_stream_and_whole_register_agree_on_scores(reg: Register) -> None:
    _brewery_and_feed_mill(reg)
    [(want_id, [from_all])] = match_all(reg).by_demand.items()
    [from_one] = match_stream(reg, want_id)
    assert from_all.score == pytest.approx(from_one.score)
    assert from_all.reason == from_one.reason


def test_network_shows_same_complementary_and_interested_neighbours(reg: Register) -> None:
    company(reg, "Centrale", [have("REA-gips", families="gypsum")], postcode="9000")
    company(
        reg,
        "Andere centrale",
        [have("rookgasgips", families="gypsum"), have("gips (tweede silo)", families="gypsum")],
        postcode="9050",
    )
    company(reg, "Verbrander", [have("bodemas", families="ash")], postcode="9050")
    company(reg, "Staal", [have("hoogovenslak", families="slag")], postcode="9042")
    company(reg, "Cementfabriek", [], nace="23.51", postcode="9040")
    company(reg, "Gipsplaten", [want("gips", families="gypsum")], postcode="9030")
    view = network(reg, "Centrale")
    # one line per partner, with both of its streams; bottom ash is not the same material
    [same] = view.partners("same")
    assert same.company.name == "Andere centrale" and len(same.streams) == 2
    assert "Staal" in [p.company.name for p in view.partners("complementary")]
    interested = {p.company.name for p in view.partners("interested")}
    assert {"Gipsplaten", "Cementfabriek"} <= interested


# -- migrations ------------------------------------------------------------------------------


def test_alembic_builds_the_schema_the_code_expects(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def alembic(*args: str) -> int:
        """The `alembic` command line, run in this process (its exit status; 0 when it ends
        without one): the command reads the same alembic.ini and env.py as from a shell."""
        try:
            alembic_main(["-c", str(ROOT / "migrations/alembic.ini"), "-x", f"url={db_url}", *args])
        except SystemExit as stop:
            return stop.code if isinstance(stop.code, int) else 1
        return 0

    upgraded = alembic("upgrade", "head")
    assert upgraded == 0, capsys.readouterr()
    checked = alembic("check")
    assert checked == 0, capsys.readouterr()
    with Register(db_url) as register:
        _brewery_and_feed_mill(register)
        assert any(match_company(register, "Brouwerij Gent").values())
