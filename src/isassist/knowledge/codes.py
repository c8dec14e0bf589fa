"""Normalising and checking the code systems users type (EWC, NACE, CPA, CAS).

People copy codes from permits, invoices and safety data sheets in every spelling: "17 06 05*",
"170605", "7664939", "38.11". One small module that turns any of those into the canonical form of
knowledge/ keeps look-ups, the loader and the interview agreeing on what a valid code is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CAS = re.compile(r"(\d{2,7})-(\d{2})-(\d)")


class CodeError(ValueError):
    """A code that cannot be valid, with a message a user can act on."""


def compact_ewc(text: str) -> str | None:
    """ "17 06 05*" -> "170605"; None when the text is not shaped like an EWC code."""
    cleaned = re.sub(r"[\s.*\-]", "", text)
    if cleaned.isdigit() and len(cleaned) in (2, 4, 6):
        return cleaned
    return None


def display_ewc(code: str, hazardous: bool | None = None) -> str:
    """ "170605" -> "17 06 05*" as the legal text prints it.

    Every face (dossier panel, report, register, CLI, rule texts) writes an EWC code through
    this one function, so a hazardous entry never loses its asterisk. ``hazardous`` is what the
    caller already knows; left out, the List of Waste in knowledge/ decides.
    """
    compact = compact_ewc(code) or code
    if not compact.isdigit():
        return code
    if hazardous is None:
        hazardous = len(compact) == 6 and compact in hazardous_ewc_codes()
    spaced = " ".join(compact[i : i + 2] for i in range(0, len(compact), 2))
    return spaced + ("*" if hazardous else "")


def display_ewc_codes(value: object) -> str:
    """One code or a list of codes, as ``display_ewc`` writes each: "10 03 09*, 10 03 16"."""
    codes = value if isinstance(value, list | tuple) else [value]
    return ", ".join(display_ewc(str(code)) for code in codes)


@lru_cache(maxsize=1)
def hazardous_ewc_codes() -> frozenset[str]:
    """The entries the List of Waste marks with an asterisk (absolute and mirror)."""
    from isassist.knowledge import get_knowledge  # the package imports this module

    return frozenset(code for code, item in get_knowledge().ewc.items() if item.hazardous)


def dotted_nace(text: str) -> str | None:
    """ "3811", "38.11", "C" -> canonical NACE form; None when it is not shaped like one."""
    cleaned = text.strip().upper().replace(" ", "")
    if re.fullmatch(r"[A-U]", cleaned):
        return cleaned
    digits = cleaned.replace(".", "")
    if not digits.isdigit() or not 2 <= len(digits) <= 4:
        return None
    return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"


def dotted_cpa(text: str) -> str | None:
    """ "381151", "38.11.51", "38.11.5" -> dotted CPA form; None when not shaped like one."""
    cleaned = text.strip().upper().replace(" ", "")
    if re.fullmatch(r"[A-U]", cleaned):
        return cleaned
    digits = cleaned.replace(".", "")
    if not digits.isdigit() or not 2 <= len(digits) <= 6:
        return None
    parts = [digits[:2], digits[2:4], digits[4:]]
    if len(digits) == 3:
        parts = [digits[:2], digits[2:]]
    return ".".join(p for p in parts if p)


def looks_like_cas(text: str) -> bool:
    """True when the text is only digits and hyphens: the user meant a CAS number, not a name."""
    stripped = text.strip()
    return (
        bool(stripped)
        and bool(re.fullmatch(r"[\d\s\-]+", stripped))
        and any(c.isdigit() for c in stripped)
    )


def cas_check_digit(digits: str) -> int:
    """The CAS check digit of the digits before it (weights 1, 2, 3... from the right)."""
    return sum(int(d) * w for w, d in enumerate(reversed(digits), start=1)) % 10


def normalise_cas(text: str) -> str:
    """Return the canonical "NNNNNNN-NN-N" form or raise CodeError saying what is wrong."""
    stripped = text.strip()
    digits = re.sub(r"[\s\-]", "", stripped)
    if not digits.isdigit():
        raise CodeError(f"'{stripped}' is not a CAS number: use digits such as 7664-93-9")
    if not 5 <= len(digits) <= 10:
        raise CodeError(
            f"'{stripped}' has {len(digits)} digits; a CAS number has 5 to 10 (e.g. 7664-93-9)"
        )
    canonical = f"{digits[:-3]}-{digits[-3:-1]}-{digits[-1]}"
    if "-" in stripped and not _CAS.fullmatch(stripped.replace(" ", "")):
        raise CodeError(
            f"'{stripped}' is not written as a CAS number: the hyphens belong before the last "
            f"three digits and before the last one ({canonical})"
        )
    expected = cas_check_digit(digits[:-1])
    if expected != int(digits[-1]):
        raise CodeError(
            f"CAS {canonical} fails its check digit: the last digit should be {expected} "
            f"({digits[:-3]}-{digits[-3:-1]}-{expected}), so a digit is mistyped"
        )
    return canonical


def cas_check_digit_ok(text: str) -> bool:
    """True when ``text`` is a well-formed CAS number whose check digit is right."""
    try:
        normalise_cas(text)
    except CodeError:
        return False
    return True


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to index names ("Zwavelzuur" == "zwavelzuur")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())
