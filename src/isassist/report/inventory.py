"""The stream inventory in the MAESTRI characterisation layout: one row per stream.

The same column list drives the HTML/Markdown table, the XLSX sheet and the XLSX import, so a
sheet a company fills in is read back by exactly the columns it was written with. A column
that a dialog question fills is written in the words that question accepts (option labels,
'ja'/'nee', codes), which makes the round trip go through the interview's own parsing.
"""

from __future__ import annotations

from dataclasses import dataclass

from isassist.dossier import Dossier, StreamOut
from isassist.facts import Value
from isassist.interview.dialog import Dialog, Question
from isassist.knowledge import Knowledge
from isassist.knowledge.codes import display_ewc
from isassist.lang import Lang
from isassist.report.labels import word

Cell = str | float | None


@dataclass(frozen=True)
class Column:
    """One inventory column; ``questions`` fill it on import (the first that applies wins)."""

    key: str
    nl: str
    en: str
    prop: str | None = None
    questions: tuple[str, ...] = ()
    numeric: bool = False

    def label(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "ID"),
    Column("name", "Stroom", "Stream"),
    Column("kind", "Soort", "Kind", "kind", ("kind",)),
    Column("ewc", "EWC-code(s)", "EWC code(s)", "ewc", ("ewc",)),
    Column("ewc_text", "EWC-omschrijving", "EWC description"),
    Column("cpa", "CPA-code(s)", "CPA code(s)", "cpa", ("cpa",)),
    Column("cpa_text", "CPA-omschrijving", "CPA description"),
    Column("cas", "CAS-nummer(s)", "CAS number(s)", "cas", ("cas",)),
    Column("cas_text", "Stoffen", "Substances"),
    Column("state", "Toestand", "State", "state", ("state",)),
    Column(
        "quantity",
        "Hoeveelheid per jaar",
        "Quantity per year",
        "quantity_per_year",
        ("quantity", "heat_energy"),
        numeric=True,
    ),
    Column("unit", "Eenheid", "Unit", "quantity_unit"),
    Column("tonnes", "Ton per jaar", "Tonnes per year", "tonnes_per_year", numeric=True),
    Column("frequency", "Frequentie", "Frequency", "frequency", ("frequency",)),
    Column("quality", "Kwaliteit", "Quality", "quality_variability", ("quality",)),
    Column("availability", "Beschikbaarheid", "Availability", "availability", ("availability",)),
    Column("storage", "Opslag", "Storage", "storage", ("storage",)),
    Column(
        "storage_days",
        "Opslag (dagen)",
        "Storage (days)",
        "storage_days",
        ("storage_days",),
        numeric=True,
    ),
    Column(
        "temperature",
        "Temperatuur (°C)",
        "Temperature (°C)",
        "temperature_c",
        ("temperature",),
        numeric=True,
    ),
    Column("hazardous", "Gevaarlijk", "Hazardous", "hazardous"),
    Column("risks", "Risico's", "Risks", "health_safety_risks", ("health_safety_risks",)),
    Column("route", "Huidige route", "Current route", "current_route", ("current_route",)),
    Column(
        "cost",
        "Kosten (EUR/jaar)",
        "Cost (EUR/year)",
        "current_cost_eur_per_year",
        ("current_cost",),
        numeric=True,
    ),
    Column(
        "disposal_cost",
        "Verwerkingskost (EUR/t)",
        "Disposal cost (EUR/t)",
        "disposal_cost_eur_per_t",
        ("disposal_cost",),
        numeric=True,
    ),
    Column("missing", "Ontbrekende eigenschappen", "Missing properties"),
    # last, so the layout of sheets written before it was added stays the same
    Column("description", "Omschrijving", "Description", questions=("description",)),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}


def question_for(dialog: Dialog, column: Column) -> Question | None:
    """The first dialog question of the column (it decides how values are spelt)."""
    for qid in column.questions:
        question = dialog.question(qid)
        if question is not None:
            return question
    return None


def yes_no(value: object, lang: Lang) -> str:
    if value in (True, "yes"):
        return "yes" if lang == "en" else "ja"
    if value in (False, "no"):
        return "no" if lang == "en" else "nee"
    return word("unknown", lang).lower()


def spell(question: Question | None, value: Value, lang: Lang) -> Cell:
    """``value`` as its question would accept it typed back in ``lang``."""
    if question is None or question.type in ("text", "canvas", "location"):
        if isinstance(value, list):
            return ", ".join(value)
        return value if isinstance(value, str) else float(value)
    if question.type in ("choice", "multi"):
        labels = {o.value: o.label.get(lang) for o in question.options}
        values = value if isinstance(value, list) else [str(value)]
        return ", ".join(labels.get(v, v) for v in values)
    if question.type == "yesno":
        return yes_no(value, lang)
    if question.type == "code":
        codes = value if isinstance(value, list) else [str(value)]
        return "; ".join(codes)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value) if not isinstance(value, list) else ", ".join(value)
    return float(value)


def _ewc(stream: StreamOut, knowledge: Knowledge, lang: Lang) -> tuple[str, str]:
    codes, texts = [], []
    for code in stream.ewc:
        item = knowledge.ewc.get(code)
        codes.append(item.display if item is not None else display_ewc(code, False))
        if item is not None:
            text = item.text_en if lang == "en" else item.text_nl
            texts.append(f"{text} *" if item.hazardous else text)
    return "; ".join(codes), "; ".join(texts)


def _cpa_text(stream: StreamOut, knowledge: Knowledge) -> str:
    return "; ".join(item.title_en for c in stream.cpa if (item := knowledge.cpa.get(c)))


def _cas_text(stream: StreamOut, knowledge: Knowledge, lang: Lang) -> str:
    names = []
    for number in stream.cas:
        item = knowledge.cas.get(number)
        if item is not None:
            names.append(item.name_nl if lang == "nl" and item.name_nl else item.name)
    return "; ".join(names)


def missing_properties(dossier: Dossier, stream: StreamOut, dialog: Dialog, lang: Lang) -> str:
    """What is still unknown about the stream: gaps in its answers, no composition analysis."""
    missing: list[str] = []
    for gap in dossier.knowledge_gaps:
        section = dialog.section_of(gap.question)
        # later steps' gaps are research questions of their own, listed with the gaps
        if gap.stream == stream.id and section is not None and section.step == 2:
            question = dialog.question(gap.question)
            column = next((c for c in COLUMNS if gap.question in c.questions), None)
            if column is not None:
                missing.append(column.label(lang))
            elif question is not None:
                missing.append(question.wording(dossier.mode, lang))
            else:
                missing.append(gap.question)
    if stream.properties.get("composition_known") is False:
        missing.append(word("composition_unknown", lang))
    return "; ".join(missing)


def inventory_row(
    dossier: Dossier, stream: StreamOut, dialog: Dialog, knowledge: Knowledge, lang: Lang
) -> dict[str, Cell]:
    """The characterisation row of one stream, keyed by column key."""
    ewc, ewc_text = _ewc(stream, knowledge, lang)
    row: dict[str, Cell] = {
        "id": stream.id,
        "name": stream.name,
        "description": stream.description,
        "ewc": ewc,
        "ewc_text": ewc_text,
        "cpa_text": _cpa_text(stream, knowledge),
        "cas_text": _cas_text(stream, knowledge, lang),
        "missing": missing_properties(dossier, stream, dialog, lang),
    }
    props: dict[str, Value] = {**stream.properties, "kind": stream.kind}
    energy = props.get("energy_mwh_per_year")
    if "quantity_per_year" not in props and isinstance(energy, int | float):
        # a heat stream known by its power and hours: its yearly energy, never "kW per year"
        props["quantity_per_year"], props["quantity_unit"] = energy, "MWh"
    for column in COLUMNS:
        if column.key in row or column.prop is None:
            continue
        value = props.get(column.prop)
        if value is None or value == []:
            row[column.key] = None
        elif column.key == "hazardous":
            row[column.key] = yes_no(value, lang)
        else:
            row[column.key] = spell(question_for(dialog, column), value, lang)
    return row
