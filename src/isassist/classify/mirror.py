"""The question that decides between the two sides of a mirror entry.

A mirror pair ("17 05 03* soil containing hazardous substances" / "17 05 04 other soil") cannot
be settled from a name: only an analysis can. What to analyse for is written in the hazardous
side's own text ("containing PCBs", "containing coal tar", "containing oil", "flammable"),
so the question is derived from that text rather than kept in a second list that could drift
from the official one.
"""

from __future__ import annotations

import re

from isassist.classify.catalogue import Entry
from isassist.knowledge.codes import display_ewc

_EN_CLAUSES = (
    re.compile(r"\bconsisting of or containing (?P<what>.+)", re.I),
    re.compile(r"\bcontaining or contaminated (?:with|by) (?P<what>.+)", re.I),
    re.compile(r"\bcontaminated (?:with|by) (?P<what>.+)", re.I),
    re.compile(r"\bcontaining (?P<what>.+)", re.I),
    re.compile(r"\b(?:that|which) (?:are|is) (?P<what>.+)", re.I),
)
_NL_CLAUSES = (
    re.compile(r"\bmet (?P<what>.+?) (?:is|zijn) verontreinigd", re.I),
    re.compile(r"\b(?:die|dat) (?:uit )?(?P<what>.+?) (?:bevatten|bevat|bestaan)\b", re.I),
    re.compile(r"\b(?:die|dat) (?P<what>.+)", re.I),
)
_NL_HOUDEND = re.compile(r"\b(?P<what>[a-z]+)houdend", re.I)
_TAIL = re.compile(r",? (?:other than|including|except|from|in hazardous quantities).*$", re.I)
_GENERIC = ("hazardous substances", "gevaarlijke stoffen")


def substances(entry: Entry, lang: str) -> str:
    """What the hazardous side of a mirror names as its hazard, in ``lang``."""
    if lang == "nl" and entry.text_nl:
        text = entry.text_nl
        for pattern in _NL_CLAUSES:
            match = pattern.search(text)
            if match:
                return match.group("what").strip(" ,")
        houdend = _NL_HOUDEND.search(text)
        if houdend:
            return houdend.group("what").lower()
        return "gevaarlijke stoffen"
    text = entry.text_en
    for pattern in _EN_CLAUSES:
        match = pattern.search(text)
        if match:
            return _TAIL.sub("", match.group("what")).strip(" ,")
    return "hazardous substances"


def hazardous_side(entry: Entry, partners: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Split a mirror entry and its partners into (hazardous, non-hazardous) sides."""
    both = [entry, *partners]
    return [e for e in both if e.hazardous], [e for e in both if not e.hazardous]


def display(code: str, hazardous: bool) -> str:
    """Official way of writing a code: "17 05 03*"."""
    return display_ewc(code, hazardous)


def deciding_question(entry: Entry, partners: list[Entry], lang: str) -> str:
    """Ask what to establish so the broker can choose a side of the mirror pair: from process
    knowledge and safety data sheets first, by analysis where those are not enough (Commission
    notice on waste classification 2018/C 124/01, ch. 3), never 'only by analysis'."""
    hazardous, safe = hazardous_side(entry, partners)
    if not hazardous or not safe:
        return ""
    what = "; ".join(dict.fromkeys(substances(e, lang) for e in hazardous))
    yes = ", ".join(display(e.code, True) for e in hazardous)
    no = ", ".join(display(e.code, False) for e in safe)
    generic = what.lower() in _GENERIC
    if lang == "nl":
        test = (
            "ga de samenstelling na (proceskennis, veiligheidsinformatiebladen, en een analyse"
            " waar die niet volstaan) en toets aan de CLP-grenswaarden (HP1-HP15)"
            if generic
            else f"ga na uit proceskennis of veiligheidsinformatiebladen, of analyseer op: {what}"
        )
        return f"Spiegelcode: bevat de stroom {what}? {_capital(test)}. Ja: {yes}; nee: {no}."
    test = (
        "establish the composition (process knowledge, safety data sheets, and an analysis"
        " where those are not enough) and compare it with the CLP limits (HP1-HP15)"
        if generic
        else f"check process knowledge or safety data sheets, or have it tested for: {what}"
    )
    return f"Mirror entry: does the stream contain {what}? {_capital(test)}. Yes: {yes}; no: {no}."


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
