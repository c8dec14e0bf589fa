"""The dossier at a glance: the panel's counts, stream lines and conclusions per heading.

It reads the versioned dossier document, never engine internals, like the report the summary
screen previews (``isassist.report``), so panel and report cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from isassist.dossier import ConclusionOut, Dossier, StreamOut
from isassist.facts import value_label
from isassist.knowledge.codes import display_ewc
from isassist.session.i18n import ui
from isassist.units.display import format_amount, format_power

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
    """ "s1 bostel (materiaal) 02 07 02 · 1.200 t/jaar": words and figures in ``lang``."""
    codes = [_ewc_display(c) for c in stream.ewc] + stream.cpa
    parts = [f"{stream.id} {stream.name} ({value_label(stream.kind, lang)})"]
    if codes:
        parts.append(" ".join(codes))
    if stream.quantity_per_year is not None:
        q = stream.quantity_per_year
        parts.append(format_amount(q.value, q.unit, lang, per_year=True))
    elif isinstance(power := stream.properties.get("power_kw"), int | float):
        hours = stream.properties.get("hours_per_year")
        energy = stream.properties.get("energy_mwh_per_year")
        parts.append(
            format_power(
                float(power),
                float(hours) if isinstance(hours, int | float) else None,
                float(energy) if isinstance(energy, int | float) else None,
                lang,
            )
        )
    return " · ".join(parts)


def _ewc_display(code: str) -> str:
    return display_ewc(code) if len(code) == 6 else code


def digest(dossier: Dossier, lang: str) -> Digest:
    groups: dict[str, list[ConclusionOut]] = {}
    for conclusion in dossier.conclusions:
        groups.setdefault(KIND_HEADINGS.get(conclusion.kind, "follow_up"), []).append(conclusion)
    canvas_blocks = sum(len(s.canvas) for s in dossier.streams)
    # the gaps shown by default: the top few per stream (issue 12), the rest a search away;
    # a dossier written before gaps were ranked counts them all, as it did
    top = sum(1 for g in dossier.ranked_gaps if g.top)
    gaps = top if dossier.ranked_gaps else len(dossier.knowledge_gaps) + len(groups.get("gaps", []))
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


def _escape(text: str) -> str:
    """User words as literal Markdown: "*", "[", "<" and friends shown, never interpreted."""
    return re.sub(r"([\\`*_\[\]<>#|!])", r"\\\1", " ".join(text.split()))


def summary_markdown(dossier: Dossier, lang: str) -> str:
    """A short Markdown summary shown the moment the report opens, while the full report is
    written in the background: the company, the counts and one line per stream."""
    summary = digest(dossier, lang)
    name = _escape(dossier.company.name or ui("untitled", lang))
    lines = [f"# {ui('summary_title', lang)}: {name}", "", counts_line(summary.counts, lang), ""]
    lines += [f"- {_escape(line)}" for line in summary.streams] or [ui("no_streams_yet", lang)]
    lines += ["", f"*{ui('report_loading', lang)}*"]
    return "\n".join(lines)
