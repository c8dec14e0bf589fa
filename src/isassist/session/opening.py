"""The question a new interview opens with, read straight from the first dialog file.

Loading the whole interview (pydantic models of every dialog file, the knowledge base, the
rules, the SQLite store) takes most of a second; the first question needs none of it. Reading
only the intake file takes a few milliseconds (its parsed copy is cached by its content,
``isassist.cachefile``, so a start imports no YAML parser either), so the face can ask
question 1 while the rest loads and hand over to the engine once it is ready. The engine stays
the authority: the face replaces this preview by the engine's own first question, and a test
checks that both agree for every mode and language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isassist.paths import data_dir

# questions Interview.start answers itself from the chosen mode and language
ANSWERED_AT_START = frozenset({"mode", "language"})


@dataclass(frozen=True)
class Opening:
    """The first question as a chat face shows it before the engine is loaded."""

    id: str
    type: str
    text: str
    help: str | None
    options: list[str]


def _pick(text: Any, lang: str) -> str | None:
    if isinstance(text, dict):
        value = text.get(lang) or text.get("nl")
        return str(value) if value is not None else None
    return None


def _first_file(folder: Path) -> Path | None:
    files = sorted(p for p in folder.glob("*.yaml") if p.name[:2].isdigit())
    return files[0] if files else None


def _intake(path: Path) -> object:
    """The intake file as YAML reads it (None when it cannot be read), from the cache when
    the file is unchanged."""
    from isassist.cachefile import cache_file, content_key, read_cached, write_cached

    try:
        cached = cache_file("intake", content_key(f"intake|{path}", [(path.parent, (path.name,))]))
    except OSError:
        return None
    found = read_cached(cached, dict)
    if found is not None:
        return found
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError):
        return None
    if isinstance(data, dict):
        write_cached(cached, data)
    return data


def opening_question(mode: str, lang: str, folder: Path | None = None) -> Opening | None:
    """Question 1 of a new interview, or None when the first file cannot say it simply.

    None (a conditional first question, an unreadable file) makes the face wait for the
    engine instead; a wrong preview would be worse than a short wait.
    """
    path = _first_file(folder if folder is not None else data_dir("dialogs"))
    if path is None:
        return None
    data = _intake(path)
    if not isinstance(data, dict) or data.get("scope") != "company" or "when" in data:
        return None
    for question in data.get("questions") or []:
        if not isinstance(question, dict) or question.get("id") in ANSWERED_AT_START:
            continue
        if question.get("when") is not None or question.get("follow_up_only"):
            return None
        broker = question.get("broker_text") if mode == "broker" else None
        text = _pick(broker, lang) or _pick(question.get("text"), lang)
        if text is None or "{" in text:
            return None
        shown_help = _pick(question.get("help"), lang) if mode == "self" else None
        options = [_pick(o.get("label"), lang) or "" for o in question.get("options") or []]
        return Opening(str(question["id"]), str(question.get("type")), text, shown_help, options)
    return None
