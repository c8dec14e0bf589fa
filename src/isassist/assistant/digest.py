"""The dossier at a glance (panel counts and groups) and in full (the summary's Markdown).

Both read the versioned dossier document, never engine internals, so the summary screen can
become the report preview without change. User text is escaped for Markdown: a company
called "<script>" or "[bold]x[/]" must show as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from isassist.assistant.i18n import ui
from isassist.interview.dossier import ConclusionOut, Dossier, StreamOut

# conclusion kind -> heading key of the panel, in display order
KIND_HEADINGS: dict[str, str] = {
    "barrier": "barriers",
    "knowledge_gap": "gaps",
    "valorisation": "options",
    "canvas": "canvas",
    "legal": "legal",
    "classification": "classification",
    "heat": "heat",
    "follow_up": "follow_up",
}
CodeLabel = Callable[[str, str, str], str | None]
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text: str) -> str:
    """``text`` safe inside Markdown: every markup character is shown, not interpreted."""
    return _MD_SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True)
class Counts:
    streams: int
    barriers: int
    gaps: int
    options: int
    canvas: int


@dataclass
class Digest:
    """What the dossier panel shows: counts, stream lines and conclusions per heading."""

    counts: Counts
    streams: list[str] = field(default_factory=list)
    groups: dict[str, list[ConclusionOut]] = field(default_factory=dict)


def stream_line(stream: StreamOut, lang: str) -> str:
    """ "s1 bostel (material) 02 07 02 · 200 t/year"."""
    codes = [_ewc_display(c) for c in stream.ewc] + stream.cpa
    parts = [f"{stream.id} {stream.name} ({stream.kind})"]
    if codes:
        parts.append(" ".join(codes))
    if stream.quantity_per_year is not None:
        q = stream.quantity_per_year
        parts.append(f"{q.value:g} {q.unit}/{'jaar' if lang == 'nl' else 'year'}")
    return " · ".join(parts)


def _ewc_display(code: str) -> str:
    return " ".join(code[i : i + 2] for i in range(0, len(code), 2)) if len(code) == 6 else code


def digest(dossier: Dossier, lang: str) -> Digest:
    groups: dict[str, list[ConclusionOut]] = {}
    for conclusion in dossier.conclusions:
        groups.setdefault(KIND_HEADINGS.get(conclusion.kind, "follow_up"), []).append(conclusion)
    canvas_blocks = sum(len(s.canvas) for s in dossier.streams)
    gaps = len(dossier.knowledge_gaps) + len(groups.get("gaps", []))
    counts = Counts(
        streams=len(dossier.streams),
        barriers=len(groups.get("barriers", [])),
        gaps=gaps,
        options=len(groups.get("options", [])),
        canvas=canvas_blocks or len(groups.get("canvas", [])),
    )
    ordered = {key: groups[key] for key in KIND_HEADINGS.values() if key in groups}
    return Digest(
        counts=counts, streams=[stream_line(s, lang) for s in dossier.streams], groups=ordered
    )


def counts_line(counts: Counts, lang: str) -> str:
    return ui(
        "counts",
        lang,
        streams=counts.streams,
        barriers=counts.barriers,
        gaps=counts.gaps,
        options=counts.options,
        canvas=counts.canvas,
    )


def _conclusion_md(conclusion: ConclusionOut, lang: str) -> str:
    where = f"[{conclusion.stream_id}] " if conclusion.stream_id else ""
    return f"- {md(where)}{md(conclusion.text.get(lang, ''))} _({md(conclusion.rule_id)})_"


def dossier_markdown(dossier: Dossier, lang: str, code_label: CodeLabel | None = None) -> str:
    """The whole dossier as Markdown, read-only, in ``lang``; codes with their official texts."""
    company = dossier.company
    out = [f"# {md(ui('summary_title', lang))}", "", f"## {ui('company', lang)}", ""]
    place = company.location
    where = " ".join(p for p in (place.postcode, place.locality) if p)
    out.append(f"- **{md(company.name or ui('untitled', lang))}**")
    if company.nace:
        label = code_label("nace", company.nace, lang) if code_label else None
        out.append(f"- NACE {company.nace}" + (f": {md(label)}" if label else ""))
    if where:
        out.append(f"- {md(where)}")
    if dossier.value_map:
        out += ["", f"## {ui('value_map', lang)}", ""]
        out += [f"- {md(k)}: {md(v)}" for k, v in dossier.value_map.items()]
    out += ["", f"## {ui('streams', lang)}", ""]
    if not dossier.streams:
        out.append(f"- {ui('none', lang)}")
    for stream in dossier.streams:
        out += _stream_md(stream, lang, code_label)
    groups = digest(dossier, lang).groups
    for key, conclusions in groups.items():
        out += ["", f"## {ui(key, lang)} ({len(conclusions)})", ""]
        out += [_conclusion_md(c, lang) for c in conclusions]
    if dossier.knowledge_gaps:
        out += ["", f"## {ui('gaps', lang)} ({len(dossier.knowledge_gaps)})", ""]
        out += [
            f"- {md(g.question)}" + (f" ({md(g.stream)})" if g.stream else "")
            for g in dossier.knowledge_gaps
        ]
    if dossier.notes:
        out += ["", f"## {ui('notes', lang)}", ""]
        out += [f"- {md(n.question)}: {md(n.text)}" for n in dossier.notes]
    return "\n".join(out) + "\n"


def _stream_md(stream: StreamOut, lang: str, code_label: CodeLabel | None) -> list[str]:
    out = ["", f"### {md(stream.id)} {md(stream.name)} ({md(stream.kind)})", ""]
    for system, codes in (("ewc", stream.ewc), ("cpa", stream.cpa), ("cas", stream.cas)):
        for code in codes:
            label = code_label(system, code, lang) if code_label else None
            shown = _ewc_display(code) if system == "ewc" else code
            text = label.removeprefix(shown).strip() if label else ""
            out.append(f"- {system.upper()} {shown}" + (f": {md(text)}" if text else ""))
    if stream.quantity_per_year is not None:
        q = stream.quantity_per_year
        out.append(f"- {ui('quantity', lang)}: {q.value:g} {md(q.unit)}")
    if stream.hazardous is not None:
        out.append(f"- {ui('hazardous', lang)}: {md(stream.hazardous)}")
    decided = [p for p in stream.path if p.outcome != "open"]
    if decided:
        out.append(f"- {ui('path', lang)}:")
        out += [f"  - {md(p.title)}: {p.outcome} ({md(p.why)})" for p in decided]
    if stream.canvas:
        out.append(f"- {ui('canvas', lang)}:")
        out += [f"  - {md(b.block)} ({b.status}): {md(b.text)}" for b in stream.canvas]
    return out
