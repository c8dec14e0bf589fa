"""Free text to ranked EWC (and CPA) suggestions with the reasons behind each one.

>>> result = classify("houtafval van paletten", sector="16.24")   # doctest: +SKIP
>>> result.suggestions[0].code, result.suggestions[0].why          # doctest: +SKIP

The first call builds the indexes over the installed knowledge base (tens of milliseconds);
later calls reuse them. Bad input raises ``ClassifyInputError`` with a message for the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from isassist.classify.inputs import ClassifyInputError
from isassist.classify.result import ClassificationResult, CpaSuggestion, Suggestion

if TYPE_CHECKING:
    from isassist.classify.service import Classifier


def __getattr__(name: str) -> Any:
    """The classifier (rapidfuzz, the catalogue) is imported on first use, not with the
    package: the TUI imports ``classify.learned`` while its engine loads, and must not pay
    for the whole classifier before it is ready."""
    if name == "Classifier":
        from isassist.classify import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ClassificationResult",
    "Classifier",
    "ClassifyInputError",
    "CpaSuggestion",
    "Suggestion",
    "classify",
    "suggest_cpa",
]


def classify(
    text: str,
    sector: str | None = None,
    lang: str | None = None,
    top: int = 5,
    hazardous: str | bool | None = None,
    state: str | None = None,
    kind: str | None = None,
) -> ClassificationResult:
    """Suggest EWC entries for ``text``; ``sector`` is the producer's dotted NACE code.

    ``hazardous`` is "yes", "no" or "unknown" (or a bool) and ``state`` a physical state such
    as "sludge" or "liquid"; both only re-weight candidates. ``kind`` (material, heat, water,
    gas, energy) is the stream kind the interview knows; it wins over the words.
    """
    from isassist.classify.service import default_classifier

    return default_classifier().classify(text, sector, lang, top, hazardous, state, kind)


def suggest_cpa(text: str, sector: str | None = None, top: int = 5) -> list[CpaSuggestion]:
    """Suggest CPA 2.1 codes (products, by-products, energy, water) for ``text``."""
    from isassist.classify.service import default_classifier

    return default_classifier().suggest_cpa(text, sector, top)
