"""Everything a report shows, worked out once from a dossier, for every format to lay out.

The templates only arrange what this module computed (texts already in the report language,
figures already formatted), so Markdown, HTML and XLSX cannot disagree about the content and
no template needs logic beyond loops.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from isassist.dossier import NETWORK_QUESTIONS, ConclusionOut, Dossier, StreamOut
from isassist.facts import value_label
from isassist.interview.dialog import Dialog
from isassist.interview.wantfacts import listed_wants
from isassist.knowledge import Knowledge
from isassist.lang import Lang
from isassist.report.inventory import COLUMNS, Cell, inventory_row, spell
from isassist.report.labels import CANVAS_BLOCKS, how_to_close, word
from isassist.units.display import format_day, format_number

WANT_KEYS = ("wants_materials", "wants_utilities")
VALUE_MAP_KEYS = ("value_captured", "value_destroyed", "value_missed", "value_opportunity")
LEGAL_KINDS = ("legal", "classification", "heat")
CORE_COLUMNS = frozenset({"id", "name", "kind", "ewc", "quantity", "unit", "route", "missing"})


@dataclass(frozen=True)
class Item:
    """One conclusion as a line in the report."""

    stream: str
    category: str
    title: str
    text: str
    source: str
    extra: str = ""


@dataclass(frozen=True)
class ItemGroup:
    title: str
    items: list[Item]


@dataclass(frozen=True)
class Gap:
    stream: str
    question: str
    how: str


@dataclass(frozen=True)
class CaseExample:
    text: str
    reference: str


@dataclass(frozen=True)
class RouteOption:
    stream: str
    title: str
    route: str
    hierarchy: str
    text: str
    source: str
    receivers: list[str]
    evidence: str
    examples: list[CaseExample]
    suppliers: list[str] = field(default_factory=list)  # a want's sourcing route


@dataclass(frozen=True)
class Partners:
    """With whom one stream could be exchanged, and on what terms, as the company said."""

    stream: str
    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class PathRow:
    title: str
    outcome: str
    outcome_label: str
    why: str


@dataclass(frozen=True)
class StreamPath:
    stream: str
    steps: list[PathRow]


@dataclass(frozen=True)
class Block:
    key: str
    label: str
    text: str
    status: str
    status_label: str


@dataclass(frozen=True)
class Canvas:
    stream: str
    blocks: dict[str, Block]


@dataclass(frozen=True)
class Point:
    """A stream on the 4-quadrant view (feasibility x, impact y, both 1-5)."""

    label: str
    feasibility: float
    impact: float


@dataclass
class ReportView:
    lang: Lang
    anonymised: bool
    interview_id: str
    company: list[tuple[str, str]]
    value_map: list[tuple[str, str]]
    wants: list[tuple[str, str]]
    points: list[Point]
    unscored: list[str]
    columns: list[str]
    rows: list[list[str]]
    raw_rows: list[dict[str, Cell]]
    barriers: list[ItemGroup]
    legal: list[Item]
    gaps: list[Gap]
    """The gaps that matter, at most a few per stream."""
    options: list[RouteOption]
    partners: list[Partners]
    paths: list[StreamPath]
    canvases: list[Canvas]
    next_steps: list[str]
    notes: list[str] = field(default_factory=list)
    more_gaps: list[Gap] = field(default_factory=list)
    """Lower-ranked gaps and questions answered "don't know": one section further."""

    def word(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)


def number(value: float, lang: Lang) -> str:
    """A figure as people in the report language write it (12.000,5 / 12,000.5): the one
    number format of the interface (``isassist.units.display``), so chat and report agree."""
    return format_number(value, lang, digits=2)


def show(cell: Cell, lang: Lang) -> str:
    if cell is None:
        return ""
    return number(cell, lang) if isinstance(cell, float) else cell


def _company(dossier: Dossier, knowledge: Knowledge, lang: Lang) -> list[tuple[str, str]]:
    company = dossier.company
    nace = knowledge.nace.get(company.nace) if company.nace else None
    title = ((nace.title_nl or nace.title_en) if lang == "nl" else nace.title_en) if nace else ""
    where = company.location
    place = " ".join(p for p in (where.postcode, where.locality) if p)
    rows = [
        (word("company_name", lang), company.name or "-"),
        (word("sector", lang), f"{company.nace} {title}".strip() if company.nace else "-"),
        (word("location", lang), place or "-"),
        (word("region", lang), ", ".join(p for p in (where.region, where.country) if p)),
        (word("mode", lang), word(f"mode_{dossier.mode}", lang)),
        (word("boundary", lang), dossier.value_map.get("boundary", "-")),
        (word("interview", lang), dossier.interview_id),
    ]
    if company.activity:
        rows.insert(2, (word("activity", lang), company.activity))
    rows += [
        (word(key, lang), _date(when, lang))
        for key, when in (("started", dossier.created), ("last_changed", dossier.updated))
        if when is not None
    ]
    return rows


def _date(when: datetime, lang: Lang) -> str:
    """A day as readers of ``lang`` write it ("28 nov 2025", "28 Nov 2025"), as everywhere."""
    return format_day(when, lang)


def _stream_names(dossier: Dossier, lang: Lang) -> dict[str | None, str]:
    """What a conclusion's stream is called: a stream by its id and name, a want by what is
    sought ("gevraagd: gips als bindtijdregelaar"), never "alle stromen" (review R43)."""
    names: dict[str | None, str] = {s.id: f"{s.id} {s.name}" for s in dossier.streams}
    for want, name, _, _ in listed_wants(dossier.wants):
        names[want] = f"{word('wanted', lang)}: {name}"
    return names


def _text(conclusion: ConclusionOut, lang: Lang) -> str:
    return conclusion.text.get(lang) or next(iter(conclusion.text.values()), "")


def _title(conclusion: ConclusionOut, lang: Lang) -> str:
    """The rule's own title; dossiers written before titles were kept fall back to the
    category word."""
    return conclusion.title.get(lang) or word(conclusion.category, lang)


def _mitigation(conclusion: ConclusionOut, lang: Lang) -> str:
    mitigation = conclusion.data.get("mitigation")
    if isinstance(mitigation, dict):
        return str(mitigation.get(lang, ""))
    return str(mitigation) if mitigation else ""


def _items(dossier: Dossier, kinds: tuple[str, ...], lang: Lang) -> list[Item]:
    names = _stream_names(dossier, lang)
    return [
        Item(
            stream=names.get(c.stream_id, word("all_streams", lang)),
            category=word(c.category, lang),
            title=_title(c, lang),
            text=_text(c, lang),
            source=c.source,
            extra=_mitigation(c, lang),
        )
        for c in dossier.conclusions
        if c.kind in kinds
    ]


def _barriers(dossier: Dossier, lang: Lang) -> list[ItemGroup]:
    groups: dict[str, list[Item]] = {}
    for item in _items(dossier, ("barrier",), lang):
        groups.setdefault(item.category, []).append(item)
    return [ItemGroup(title, items) for title, items in sorted(groups.items())]


def _gaps(dossier: Dossier, dialog: Dialog, lang: Lang) -> tuple[list[Gap], list[Gap]]:
    """The gaps that matter (the top few per stream, ranked by what closing them unlocks)
    and, one section further, the rest: lower-ranked gaps and every question answered
    "don't know" (issue 12: the summary shows the top few, the rest one section away)."""
    names = _stream_names(dossier, lang)
    kinds = {s.id: s.kind for s in dossier.streams}
    top = {(g.rule_id, g.stream) for g in dossier.ranked_gaps if g.top}
    rank = {(g.rule_id, g.stream): g.rank for g in dossier.ranked_gaps}
    shown: list[tuple[int, Gap]] = []
    more: list[Gap] = []
    for conclusion in dossier.conclusions:
        if conclusion.kind != "knowledge_gap":
            continue
        gap = Gap(
            stream=names.get(conclusion.stream_id, word("all_streams", lang)),
            question=_text(conclusion, lang),
            how=conclusion.source,
        )
        key = (conclusion.rule_id, conclusion.stream_id or None)
        # a dossier written before gaps were ranked shows them all, as it did
        if key in top or not dossier.ranked_gaps:
            shown.append((rank.get(key, 0), gap))
        else:
            more.append(gap)
    for answered in dossier.knowledge_gaps:
        question = dialog.question(answered.question)
        section = dialog.section_of(answered.question)
        more.append(
            Gap(
                stream=names.get(answered.stream, word("all_streams", lang)),
                question=question.text.get(lang).replace("'{stream}'", "").replace("{stream}", "")
                if question
                else answered.question,
                how=how_to_close(
                    section.step if section else None,
                    section.sub if section else None,
                    lang,
                    kinds.get(answered.stream) if answered.stream else None,
                ),
            )
        )
    shown.sort(key=lambda ranked: (ranked[1].stream, ranked[0]))
    return [gap for _, gap in shown], more


def _receivers(codes: list[Any], knowledge: Knowledge, lang: Lang) -> list[str]:
    shown = []
    for code in codes:
        nace = knowledge.nace.get(str(code))
        title = (
            ((nace.title_nl or nace.title_en) if lang == "nl" else nace.title_en) if nace else ""
        )
        shown.append(f"{code} {title}".strip())
    return shown


def _evidence(conclusion: ConclusionOut, lang: Lang) -> tuple[str, list[CaseExample]]:
    """The exchanges the rule engine found for the route when it concluded it (the dossier
    keeps them), so a report shows what the broker saw, not a look-up redone later."""
    evidence = conclusion.data.get("evidence")
    if not isinstance(evidence, dict):  # a route without evidence, or a dossier from before
        return "", []
    count = int(evidence.get("count", 0))
    found = [x for x in evidence.get("examples", []) if isinstance(x, dict)]
    examples = [
        CaseExample(
            text=f"{x.get('donor_business') or '?'} -> {x.get('receiver_business') or '?'}: "
            f"{x.get('description', '')}" + (f" ({x['final_use']})" if x.get("final_use") else ""),
            reference=str(x.get("reference", "")),
        )
        for x in found
    ]
    return word("evidence_count", lang, count=count), examples


def _options(dossier: Dossier, knowledge: Knowledge, lang: Lang) -> list[RouteOption]:
    names = _stream_names(dossier, lang)
    options = []
    for c in dossier.conclusions:
        if c.kind != "valorisation":
            continue
        evidence, examples = _evidence(c, lang)
        receivers = c.data.get("receiver_nace")
        options.append(
            RouteOption(
                stream=names.get(c.stream_id, word("all_streams", lang)),
                title=_title(c, lang),
                route=value_label(str(c.data.get("route", "")), lang).replace("_", " "),
                hierarchy=word(c.category, lang),
                text=_text(c, lang),
                source=c.source,
                receivers=_receivers(
                    receivers if isinstance(receivers, list) else [], knowledge, lang
                ),
                evidence=evidence,
                examples=examples,
                suppliers=_receivers(
                    sources if isinstance(sources := c.data.get("source_nace"), list) else [],
                    knowledge,
                    lang,
                ),
            )
        )
    return options


def _partners(dossier: Dossier, dialog: Dialog, lang: Lang) -> list[Partners]:
    """The network answers of step 3 and the terms of step 4, worded as the dialog words
    their options."""
    found = []
    for stream in dossier.streams:
        if stream.network is None:
            continue
        given = stream.network.model_dump(exclude_none=True)
        rows = [
            (word(f"net_{name}", lang), str(spell(dialog.question(qid), value, lang)))
            for name, qid in NETWORK_QUESTIONS.items()
            if (value := given.get(name)) is not None
        ]
        found.append(Partners(f"{stream.id} {stream.name}", rows))
    return found


def _paths(dossier: Dossier, lang: Lang) -> list[StreamPath]:
    return [
        StreamPath(
            stream=f"{s.id} {s.name}",
            steps=[PathRow(p.title, p.outcome, word(p.outcome, lang), p.why) for p in s.path],
        )
        for s in dossier.streams
        if s.path
    ]


def _canvases(dossier: Dossier, lang: Lang) -> list[Canvas]:
    canvases = []
    for stream in dossier.streams:
        given = {b.block: b for b in stream.canvas}
        if not given:
            continue
        blocks = {}
        for key in CANVAS_BLOCKS:
            block = given.get(key)
            status = block.status if block else "pending"
            blocks[key] = Block(
                key=key,
                label=word(key, lang),
                text=block.text if block else "",
                status=status,
                status_label=word(status, lang),
            )
        canvases.append(Canvas(f"{stream.id} {stream.name}", blocks))
    return canvases


def _score(stream: StreamOut, name: str) -> float | None:
    value = stream.properties.get(name)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 5:
        return float(value)
    return None


def _quadrant(dossier: Dossier) -> tuple[list[Point], list[str]]:
    points, unscored = [], []
    for stream in dossier.streams:
        x, y = _score(stream, "feasibility"), _score(stream, "impact")
        if x is None or y is None:
            unscored.append(f"{stream.id} {stream.name}")
        else:
            points.append(Point(f"{stream.id} {stream.name}", x, y))
    return points, unscored


def _next_steps(view: ReportView, dossier: Dossier) -> list[str]:
    lang = view.lang
    steps: list[str] = []
    for stream_path in view.paths:
        for row in stream_path.steps:
            if row.outcome == "stop":
                steps.append(
                    word("step_stop", lang, stream=stream_path.stream, title=row.title, why=row.why)
                )
    for stream_path in view.paths:
        for row in stream_path.steps:
            if row.outcome == "attention":
                steps.append(
                    word(
                        "step_attention",
                        lang,
                        stream=stream_path.stream,
                        title=row.title,
                        why=row.why,
                    )
                )
    if view.gaps:
        steps.append(word("step_gaps", lang, count=len(view.gaps)))
    seen: set[str] = set()
    for option in view.options:
        if option.stream in seen or not option.receivers:
            continue
        seen.add(option.stream)
        steps.append(
            word(
                "step_receivers",
                lang,
                route=option.route,
                receivers=", ".join(option.receivers),
                stream=option.stream,
            )
        )
    for stream_path in view.paths:
        open_nodes = [r for r in stream_path.steps if r.outcome == "open"]
        if open_nodes:
            steps.append(word("step_open", lang, stream=stream_path.stream, count=len(open_nodes)))
    for canvas in view.canvases:
        pending = [b.label for b in canvas.blocks.values() if b.status == "pending"]
        if pending:
            steps.append(word("step_canvas", lang, stream=canvas.stream, blocks=", ".join(pending)))
    names = _stream_names(dossier, lang)
    steps += [
        f"{names.get(c.stream_id, word('all_streams', lang))}: {_text(c, lang)}"
        for c in dossier.conclusions
        if c.kind == "follow_up"
    ]
    return steps


def build_view(
    dossier: Dossier, dialog: Dialog, knowledge: Knowledge, lang: Lang, anonymised: bool
) -> ReportView:
    """The report of ``dossier`` in ``lang``, ready to lay out."""
    raw_rows = [inventory_row(dossier, s, dialog, knowledge, lang) for s in dossier.streams]
    points, unscored = _quadrant(dossier)
    # the document leaves out columns nobody filled in; the XLSX template keeps them all
    shown = [c for c in COLUMNS if c.key in CORE_COLUMNS or any(r.get(c.key) for r in raw_rows)]
    gaps, more_gaps = _gaps(dossier, dialog, lang)
    view = ReportView(
        lang=lang,
        anonymised=anonymised,
        interview_id=dossier.interview_id,
        company=_company(dossier, knowledge, lang),
        value_map=[
            (word(k, lang), dossier.value_map[k]) for k in VALUE_MAP_KEYS if k in dossier.value_map
        ],
        wants=[(word(k, lang), dossier.wants[k]) for k in WANT_KEYS if k in dossier.wants],
        points=points,
        unscored=unscored,
        columns=[c.label(lang) for c in shown],
        rows=[[show(row.get(c.key), lang) for c in shown] for row in raw_rows],
        raw_rows=raw_rows,
        barriers=_barriers(dossier, lang),
        legal=_items(dossier, LEGAL_KINDS, lang),
        gaps=gaps,
        more_gaps=more_gaps,
        options=_options(dossier, knowledge, lang),
        partners=_partners(dossier, dialog, lang),
        paths=_paths(dossier, lang),
        canvases=_canvases(dossier, lang),
        next_steps=[],
        notes=[n.text for n in dossier.notes],
    )
    view.next_steps = _next_steps(view, dossier)
    return view
