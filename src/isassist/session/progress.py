"""Where the interview stands in the MAESTRI steps: intake, 1, 2A-2F, 3, 4 and the canvas.

The dossier panel shows this as a row of stages with counts, and a jump goes to a stage's
first question. Counting follows the engine's own ordering and conditions, so a question
that does not apply (heat questions for a material stream) never shows as missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from isassist.interview.engine import Interview


@dataclass(frozen=True)
class Stage:
    """One stage of the interview with how far it got."""

    section: str
    label: str
    title: str
    done: int
    total: int
    current: bool

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total


def stage_label(step: int, sub: str | None) -> str:
    """The short name of a stage: "0" for intake, "2A" for step 2 sub-step A, "4BMC"."""
    if sub is None:
        return str(step)
    return f"{step}{'BMC' if sub == 'canvas' else sub.upper()}"


def progress(interview: Interview) -> list[Stage]:
    """Every section as a stage, with answered (or skipped) and applicable question counts."""
    lang = interview.lang
    done: dict[str, int] = {}
    total: dict[str, int] = {}
    for section, question, stream in interview.slots():
        answered = interview.state.done((question.id, stream))
        # the navigator's own test, so this row adds up to Interview.progress() everywhere
        if not answered and not interview.nav.asks(section, question, stream):
            continue
        total[section.id] = total.get(section.id, 0) + 1
        done[section.id] = done.get(section.id, 0) + int(answered)
    current = interview.current_question()
    return [
        Stage(
            section=section.id,
            label=stage_label(section.step, section.sub),
            title=section.title.get(lang),
            done=done.get(section.id, 0),
            total=total.get(section.id, 0),
            current=current is not None and current.section == section.id,
        )
        for section in interview.dialog.sections
    ]


def by_label(stages: list[Stage]) -> list[Stage]:
    """One stage per short label, in order: step 3 has two sections (valuation and what the
    company itself looks for) but is one step of the method on the progress row."""
    merged: dict[str, Stage] = {}
    for stage in stages:
        seen = merged.get(stage.label)
        merged[stage.label] = (
            stage
            if seen is None
            else Stage(
                section=seen.section,
                label=seen.label,
                title=seen.title,
                done=seen.done + stage.done,
                total=seen.total + stage.total,
                current=seen.current or stage.current,
            )
        )
    return list(merged.values())


def overall(stages: list[Stage]) -> tuple[int, int]:
    """Answered and applicable questions over the whole interview."""
    return sum(s.done for s in stages), sum(s.total for s in stages)
