"""Codes the broker chose, remembered locally so the next suggestion starts from them.

When the broker picks a code other than the first suggestion for a stream, or types one, the
stream's wording is worth remembering together with the company's sector: the next time the
same words come up in that sector, that code is ranked first and says "learned from your
earlier choice". The memory is a small JSON file in the user's data folder (the caller names
it), never the shipped knowledge base; ``isassist terms learned`` lists it, exports it in the
knowledge/terms CSV format for a domain expert to review and share, and forgets entries.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

LEARNED_FILE = "learned_terms.json"
WHY = {"nl": "geleerd uit uw eerdere keuze", "en": "learned from your earlier choice"}
TERMS_HEADER = ("term", "lang", "ewc", "cpa", "cas", "sectors", "family", "source", "note")
_MAX_ENTRIES = 5000
_MAX_WORDING = 200


def wording_key(text: str) -> str:
    """Lower-case words without accents or punctuation: "Bostel (nat)" -> "bostel nat"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", plain))[:_MAX_WORDING]


@dataclass(frozen=True)
class LearnedTerm:
    """One remembered choice: the wording, the sector it was said in, the code chosen."""

    wording: str
    system: str
    code: str
    sector: str | None
    lang: str
    times: int
    last: str  # ISO date-time of the last choice

    def fits(self, words: set[str], sector: str | None) -> bool:
        """Every word of the wording is in the query, and the sector is the same (a NACE
        class also matches its group and division) or was not known then."""
        if not set(self.wording.split()) <= words:
            return False
        if self.sector is None or sector is None:
            return True
        return sector.startswith(self.sector) or self.sector.startswith(sector)


class LearnedTermsError(ValueError):
    """The learned-terms file cannot be read; the message names the file and the problem."""


class LearnedTerms:
    """The remembered choices in one JSON file (written whole, via a temporary file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # the file as last read, keyed by its modification time and size: code suggestions
        # consult it on every answer (a parked stream's family comes from its name)
        self._read: tuple[tuple[int, int], list[LearnedTerm]] | None = None

    def all(self) -> list[LearnedTerm]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise self._unreadable(error) from None
        key = (stat.st_mtime_ns, stat.st_size)
        if self._read is not None and self._read[0] == key:
            return list(self._read[1])
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            terms = [LearnedTerm(**row) for row in rows]
        except (OSError, ValueError, TypeError) as error:
            raise self._unreadable(error) from None
        self._read = (key, terms)
        return list(terms)

    def _unreadable(self, error: Exception) -> LearnedTermsError:
        return LearnedTermsError(
            f"{self.path}: not a learned-terms file ({error}); move it away to start afresh"
        )

    def remember(self, wording: str, system: str, code: str, sector: str | None, lang: str) -> None:
        """Note that ``code`` was chosen for ``wording`` (a repeat counts up)."""
        key = wording_key(wording)
        if not key or not code:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        kept: list[LearnedTerm] = []
        times = 1
        for term in self.all():
            if (term.wording, term.system, term.sector) == (key, system, sector):
                times = term.times + 1 if term.code == code else 1
                continue
            kept.append(term)
        kept.append(LearnedTerm(key, system, code, sector, lang, times, now))
        self._write(kept[-_MAX_ENTRIES:])

    def forget(self, wording: str | None = None) -> int:
        """Forget the entries for ``wording`` (all entries when None); return how many."""
        terms = self.all()
        key = wording_key(wording) if wording is not None else None
        kept = [t for t in terms if key is not None and t.wording != key]
        self._write(kept)
        return len(terms) - len(kept)

    def codes_for(self, text: str, system: str, sector: str | None) -> list[str]:
        """The codes learned for words in ``text``, the longest wording (most specific) first."""
        words = set(wording_key(text).split())
        found = [t for t in self.all() if t.system == system and t.fits(words, sector)]
        found.sort(key=lambda t: (-len(t.wording.split()), -t.times, t.last), reverse=False)
        codes: list[str] = []
        for term in found:
            if term.code not in codes:
                codes.append(term.code)
        return codes

    def export_csv(self) -> str:
        """The entries as knowledge/terms CSV rows, for review before they join the knowledge."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(TERMS_HEADER)
        for t in self.all():
            codes = {"ewc": "", "cpa": "", "cas": ""}
            codes[t.system if t.system in codes else "ewc"] = t.code
            note = f"learned from broker choices ({t.times}x, last {t.last[:10]}); review first"
            writer.writerow(
                (
                    t.wording,
                    t.lang,
                    codes["ewc"],
                    codes["cpa"],
                    codes["cas"],
                    t.sector or "",
                    "",
                    "hand",
                    note,
                )
            )
        return out.getvalue()

    def _write(self, terms: list[LearnedTerm]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps([asdict(t) for t in terms], ensure_ascii=False, indent=1)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, self.path)
