"""Interviews flow into the register without export and import.

The dossier builder is replaced by a fixed one in most tests, so what is checked is the
register side (replace, remove, heat, missing quantity); one test drives a real saved
interview through the headless core.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_register_store import company, want

from isassist.dossier import Dossier
from isassist.interview.adapters import live_services
from isassist.interview.persistence import start_saved
from isassist.register import Register, match_company
from isassist.register.sync import sync_interviews
from isassist.store import InterviewMeta, NewEvent, Store


def _dossier(interview_id: str, streams: list[dict[str, Any]]) -> Dossier:
    return Dossier.model_validate(
        {
            "interview_id": interview_id,
            "mode": "broker",
            "language": "nl",
            "company": {
                "name": "Brouwerij Sync",
                "nace": "11.05",
                "location": {"postcode": "9000"},
            },
            "streams": streams,
            "wants": {"wants_utilities": "warmte 60 °C"},
        }
    )


GRAIN = {
    "id": "s1",
    "name": "bostel",
    "kind": "material",
    "ewc": ["020702"],
    "tonnes_per_year": 900,
}
HEAT = {
    "id": "s2",
    "name": "rookgas",
    "kind": "heat",
    "properties": {"energy_mwh_per_year": 4000, "temperature_c": 180},
}
YEAST = {"id": "s3", "name": "biergist", "kind": "material", "ewc": ["020799"]}


def test_saving_an_interview_updates_its_company_in_the_register(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    store = Store(url)
    interview_id = store.create_interview(
        InterviewMeta(title="t", mode="broker", language="nl", dialog_version="1")
    )
    store.update(interview_id, company="Brouwerij Sync")
    reg = Register(url)
    company(
        reg,
        "Varkens",
        [want("bostel voor varkens", families="spent_grain")],
        postcode="9030",
        nace="01.46",
    )
    version: dict[str, list[dict[str, Any]]] = {"streams": [GRAIN, HEAT, YEAST]}
    synced = sync_interviews(reg, lambda i: _dossier(i, version["streams"]))
    [done] = synced
    assert done.company == "Brouwerij Sync" and done.without_quantity == ("biergist",)
    streams = {s.name: s for s in reg.streams(company_id=reg.company("Brouwerij Sync").id)}
    assert streams["rookgas"].kind == "heat" and streams["rookgas"].temperature_c == 180
    assert streams["warmte 60 °C"].side == "want"
    assert streams["biergist"].amount_per_year is None
    # a stream without a quantity is matched, and the missing amount is flagged
    found = match_company(reg, "Brouwerij Sync")
    grain = next(m for ms in found.values() for m in ms if m.supply.stream.name == "bostel")
    assert grain.demand.company.name == "Varkens"
    # unchanged interview: nothing to do; the broker removes a stream: it leaves the register
    assert sync_interviews(reg, lambda i: _dossier(i, version["streams"])) == []
    store.append(
        interview_id,
        NewEvent(kind="note", raw_text="removed s3"),
    )
    version["streams"] = [GRAIN, HEAT]
    sync_interviews(reg, lambda i: _dossier(i, version["streams"]))
    names = {s.name for s in reg.streams(company_id=reg.company("Brouwerij Sync").id)}
    assert names == {"bostel", "rookgas", "warmte 60 °C"}
    reg.close()


def test_a_real_saved_interview_reaches_the_register(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    store = Store(url)
    interview = start_saved(store, live_services(), "broker", "nl", "sync")
    for text in ["Brouwerij De Klok", "bier brouwen", "11.05", "9000 Gent"]:
        interview.answer(text)
    reg = Register(url)
    [done] = sync_interviews(reg)
    assert done.problem is None and done.company == "Brouwerij De Klok"
    assert reg.company("Brouwerij De Klok").interview_id == interview.id
    reg.close()


def test_a_material_counted_in_cubic_metres_keeps_its_quantity(tmp_path: Path) -> None:
    """Whey of 25,000 m³/yr whose tonnes are not worked out reaches the register in m³, not
    as "quantity unknown" (review R22)."""
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    store = Store(url)
    interview_id = store.create_interview(
        InterviewMeta(title="t", mode="broker", language="nl", dialog_version="1")
    )
    store.update(interview_id, company="Brouwerij Sync")
    whey = {
        "id": "s1",
        "name": "zure wei",
        "kind": "material",
        "quantity_per_year": {"value": 25000, "unit": "m3"},
    }
    reg = Register(url)
    [done] = sync_interviews(reg, lambda i: _dossier(i, [whey]))
    assert done.without_quantity == ()
    [stored] = [s for s in reg.streams() if s.name == "zure wei"]
    assert (stored.amount_per_year, stored.counted_in) == (25000, "m3")
    reg.close()
