"""A MAESTRI exchange a route cites must show that route: the same kind of material going to
the same kind of receiver. A broker who looks up "16-30-54" under foundry sand and finds coal-mine
overburden stops trusting the rest, so every exchange id a valorisation rule names (in its
source or as an ``id:`` evidence item) is compared with the route's material families and
receiving sectors."""

from __future__ import annotations

import re

import pytest

from isassist.knowledge import Exchange, get_knowledge
from isassist.rules import get_rulebase
from isassist.rules.evidence import find_evidence, parse_evidence
from isassist.rules.model import Rule, ValorisationThen

_ID = re.compile(r"(?<![\d.-])(\d{1,2}-\d{1,2}-\d{1,3})(?![\d.])")
_STOP = frozenset({"and", "other", "waste", "with", "from", "residues", "material", "mixed"})
_HEAT_WORDS = ("heat", "steam", "hot water", "warm", "thermal", "cooling water")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _cited(rule: Rule) -> list[str]:
    """The ids in the source, and the examples the evidence spec shows next to the route."""
    ids = _ID.findall(rule.source)
    assert isinstance(rule.then, ValorisationThen)  # only route rules cite exchanges
    if rule.then.evidence:
        shown = find_evidence(parse_evidence(rule.then.evidence)).examples
        ids += [str(e["exchange_id"]) for e in shown]
    return list(dict.fromkeys(ids))


def _material_fits(rule: Rule, x: Exchange) -> str | None:
    """None when the exchange carries the route's material, else what does not fit."""
    stream = rule.when.stream
    text = f"{x.description} {x.final_use}".lower()
    if stream is None:
        return None
    if stream.family:
        families = get_knowledge().families
        covered = any(families[f].covers(code) for f in stream.family for code in x.ewc)
        keywords = set().union(
            *(_words(families[f].name_en) | _words(f.replace("_", " ")) for f in stream.family)
        )
        if covered or any(word in text for word in keywords):
            return None
        return f"material {x.description!r} is none of {stream.family}"
    if "heat" in stream.kind:
        if not (any(w in text for w in _HEAT_WORDS) or any(c.startswith("35.30") for c in x.cpa)):
            return f"{x.description!r} is not heat"
        below = stream.has.get("temperature_c")
        limit = getattr(below, "lt", None)
        if isinstance(limit, int | float) and limit <= 100 and "steam" in text:
            return f"{x.description!r} is steam, the route is for heat below {limit} °C"
    if stream.kind == ["water"] and "water" not in text:
        return f"{x.description!r} is not water"
    if stream.kind == ["gas"] and not re.search(r"co2|carbon dioxide", text):
        return f"{x.description!r} is not CO2"
    return None


def _receiver_fits(rule: Rule, x: Exchange) -> str | None:
    stream = rule.when.stream
    if stream is not None and getattr(stream, "role", None) == "want":
        # a want's sourcing route names where to source it (then.source_nace): an exchange
        # cited for it must come from one of those sectors, when its donor's NACE is known
        assert isinstance(rule.then, ValorisationThen)
        sources = rule.then.source_nace
        assert sources, f"{rule.id}: a want's sourcing route names its suppliers' sectors"
        assert not rule.then.receiver_nace, f"{rule.id}: suppliers' sectors in receiver_nace"
        if not x.donor_nace or any(
            code.startswith(s) or s.startswith(code) for code in x.donor_nace for s in sources
        ):
            return None
        return f"donor {x.donor_business!r} ({', '.join(x.donor_nace)}) is not in {sources}"
    assert isinstance(rule.then, ValorisationThen)
    wanted = rule.then.receiver_nace or []
    if not wanted or not x.receiver_nace:
        return None
    for code in x.receiver_nace:
        for want in wanted:
            if code.startswith(want) or want.startswith(code) or code[:4] == want[:4]:
                return None
    return f"receiver {x.receiver_business!r} ({', '.join(x.receiver_nace)}) is not in {wanted}"


def _routes() -> list[Rule]:
    return [r for r in get_rulebase().rules if r.kind == "valorisation"]


@pytest.mark.parametrize("rule", _routes(), ids=lambda r: r.id)
def test_each_cited_exchange_shows_the_route(rule: Rule) -> None:
    exchanges = {x.exchange_id: x for x in get_knowledge().exchanges}
    problems: list[str] = []
    for exchange_id in _cited(rule):
        x = exchanges.get(exchange_id)
        if x is None:
            problems.append(f"{exchange_id}: not in knowledge/exchanges.csv")
            continue
        for problem in (_material_fits(rule, x), _receiver_fits(rule, x)):
            if problem:
                problems.append(f"{exchange_id}: {problem}")
    assert not problems, problems


def test_the_known_misfits_are_caught() -> None:
    """The citations once found wrong (and a misfit want source) fail the comparison above."""
    exchanges = {x.exchange_id: x for x in get_knowledge().exchanges}
    rules = {r.id: r for r in _routes()}
    assert _material_fits(rules["valorisation.foundry_sand.cement_concrete"], exchanges["16-30-54"])
    assert _material_fits(rules["valorisation.whey.feed"], exchanges["11-4-2"])
    assert _receiver_fits(rules["valorisation.gypsum.cement_retarder"], exchanges["16-20-27"])
    # a want's sourcing route is checked on its suppliers' sectors (then.source_nace)
    assert _receiver_fits(rules["valorisation.want.gypsum_source"], exchanges["1-12-12"])
