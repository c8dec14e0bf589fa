"""Checks on what a user typed, so bad input gets a message instead of a traceback.

Every message says what is wrong and what would be right, in the user's language where it is
known, because the same text is shown in the CLI, in batch error objects and in the interview.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from isassist.classify.procedure import HazardHint

MAX_TEXT_CHARS = 2000
_NACE_SHAPE = re.compile(r"^\d{2}(\.\d{1,2})?$")
_ALLOWED_CONTROLS = {"\n", "\t", "\r"}


class ClassifyInputError(ValueError):
    """Input the classifier cannot work with; the message is meant for the user."""


def check_text(text: object) -> str:
    """Return the stripped description or raise with a message a broker understands."""
    if not isinstance(text, str):
        raise ClassifyInputError(
            'the stream description must be text, e.g. "houtafval van paletten"'
        )
    if any(unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS for ch in text):
        raise ClassifyInputError(
            'the description contains control characters; type plain words such as "betonpuin"'
        )
    stripped = " ".join(text.split())
    if not stripped:
        raise ClassifyInputError(
            "the description is empty; describe the stream in a few words, "
            'e.g. "slib van de waterzuivering"'
        )
    if len(stripped) > MAX_TEXT_CHARS:
        raise ClassifyInputError(
            f"the description is {len(stripped)} characters long; keep it under {MAX_TEXT_CHARS} "
            "(a few words naming the material and where it comes from)"
        )
    return stripped


def check_sector(sector: object, nace_titles: Mapping[str, object]) -> str | None:
    """Return a known dotted NACE code (or None) or raise, naming the expected form."""
    if sector is None or sector == "":
        return None
    if not isinstance(sector, str):
        raise ClassifyInputError('the sector must be a NACE code as text, e.g. "11.05"')
    code = sector.strip()
    if re.fullmatch(r"\d{4}", code):  # "1105" as some databases write it
        code = f"{code[:2]}.{code[2:]}"
    if not _NACE_SHAPE.match(code):
        raise ClassifyInputError(
            f'"{sector}" is not a NACE code; '
            "use a division, group or class such as 11, 11.0 or 11.05"
        )
    if nace_titles and code not in nace_titles:
        raise ClassifyInputError(
            f'unknown NACE code "{code}"; check it with `isassist lookup {code[:2]}`'
        )
    return code


def check_lang(lang: object) -> str | None:
    if lang is None or lang == "":
        return None
    if lang not in ("nl", "en"):
        raise ClassifyInputError(f'unknown language "{lang}"; use nl or en')
    return str(lang)


def check_hazard(hazardous: object) -> HazardHint:
    if hazardous is None:
        return "unknown"
    if hazardous is True or hazardous in ("yes", "ja"):
        return "yes"
    if hazardous is False or hazardous in ("no", "nee"):
        return "no"
    if hazardous == "unknown":
        return "unknown"
    raise ClassifyInputError(f'hazardous must be yes, no or unknown, not "{hazardous}"')
