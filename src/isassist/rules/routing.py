"""Where a fact can match: the discriminator tests of the compiled bindings, indexed.

durable_rules finds a fact's next condition nodes by the tested field's name only and stores
every fact it is handed, also one no binding can match. The engine therefore sends each fact
only to the rulesets whose bindings admit its ``type``, ``name``, ``question``, ``rule``,
``kind`` and ``category`` (``Router``), with only the fields those bindings read (``Sent``),
and replaces each binding's equalities on those fields by one test of a mark field
(``marked``). Pure data work on the compiled rule definitions: no durable_rules here
(``isassist.rules.engine`` is the one module that drives it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

# Fields that facts carry as strings and rules test for equality: a binding that tests one of
# them can only match facts with that value (used to send each fact only where it can match).
_DISCRIMINATORS = ("type", "name", "question", "rule", "kind", "category")
_ANY = object()  # a fact value that is not a string: equality left to durable
MARK = "dx"  # the start of a mark field's name (see marked)


def top_tests(condition: dict[str, Any]) -> dict[str, Any]:
    """The single-field tests at the top of a binding's condition, by field."""
    tests = condition.get("$and", [condition])
    return {key: test[key] for test in tests if len(test) == 1 for key in test}


def join_targets(condition: Any, bindings: set[str]) -> set[str]:
    """The fields a condition reads on the facts of other bindings (``{"stream":
    {"the_stream": "stream"}}`` reads the_stream's "stream")."""
    found: set[str] = set()
    stack = [condition]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in bindings and isinstance(value, str):
                    found.add(value)
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def named_fields(definition: Any) -> set[str]:
    """Every fact field a condition can read: each key and each string value in it. More than
    the condition reads (operators, binding names, tested values), never less."""
    found: set[str] = set()
    stack = [definition]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.update(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            found.add(item)
    return found


def _mark(tests: dict[str, str]) -> str:
    """The field that stands for a binding's discriminator equalities (see ``marked``)."""
    text = "\0".join(f"{field}={tests[field]}" for field in _DISCRIMINATORS if field in tests)
    return MARK + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:12]


def marked(binding: dict[str, Any]) -> dict[str, Any]:
    """The binding with its discriminator equalities (``type``, ``name``, ...) replaced by one
    test that a field named after them is true; ``Router`` sets that field on every fact
    whose values are equal.

    durable finds a fact's next condition nodes by the tested field's *name* only: the
    equalities ``name == "ewc"``, ``name == "hazardous"``, ... of a ruleset all sit under the
    field "name" and every one is compared with each property fact (a few dozen string
    comparisons per fact and ruleset). A field per combination of values is found with one
    look-up. A binding that tests one field twice keeps its tests as they are."""
    [(name, condition)] = binding.items()
    tests = condition.get("$and", [condition])
    kept, found = [], {}
    for test in tests:
        [(field, value)] = test.items() if len(test) == 1 else [("", None)]
        if field in _DISCRIMINATORS and isinstance(value, str):
            if field in found:
                return binding
            found[field] = value
        else:
            kept.append(test)
    if not found:
        return binding
    marked = [{_mark(found): True}, *kept]
    return {name: marked[0] if len(marked) == 1 else {"$and": marked}}


def binding_tests(binding: dict[str, Any]) -> dict[str, str]:
    """The string equalities on discriminator fields that one binding requires of its fact
    (tests under ``$or`` or a negation's inner structure are left out: that only admits more)."""
    [(_name, condition)] = binding.items()
    tests = condition.get("$and", [condition])
    return {
        key: test[key]
        for test in tests
        for key in _DISCRIMINATORS
        if len(test) == 1 and isinstance(test.get(key), str)
    }


class Routed(Protocol):
    """What the router reads of a ruleset in durable (``isassist.rules.engine``)."""

    index: int  # its position in the engine
    admits: list[dict[str, str]]  # per binding, the string equalities it requires
    fields: dict[str, set[str]]  # the fields a fact can be read on, by binding mark
    joined: set[str]  # the fields joins read on other facts


class Router:
    """The rulesets a fact can match in, found from its discriminator values (``route_key``).

    A fact whose type, name, question, ... differ from every binding's equality tests on them
    can take part in no match in a ruleset (durable would answer "not handled" and not even
    store it), so it is not sent there. The bindings' tests are indexed by the fields they
    test: a fact's rulesets are a few dictionary look-ups, with nothing to remember per value
    (testing every binding per fact, and remembering the answers, made the first derivation
    of an engine 15 ms slower than later ones).
    """

    def __init__(self, rulesets: Sequence[Routed]) -> None:
        tables: dict[tuple[int, ...], dict[tuple[str, ...], set[int]]] = {}
        for ruleset in rulesets:
            for tests in ruleset.admits:
                fields = tuple(i for i, name in enumerate(_DISCRIMINATORS) if name in tests)
                values = tuple(tests[_DISCRIMINATORS[i]] for i in fields)
                tables.setdefault(fields, {}).setdefault(values, set()).add(ruleset.index)
        self._tables: list[
            tuple[tuple[int, ...], dict[tuple[object, ...], tuple[frozenset[int], str]]]
        ] = [
            (
                fields,
                {
                    values: (
                        frozenset(found),
                        _mark({_DISCRIMINATORS[i]: v for i, v in zip(fields, values, strict=True)}),
                    )
                    for values, found in table.items()
                },
            )
            for fields, table in tables.items()
        ]
        # fields any fact keeps: its identity, and what joins read on it
        self._always = frozenset({"type", "id"}.union(*(rs.joined for rs in rulesets)))
        self._by_mark: dict[str, set[str]] = {}
        for ruleset in rulesets:
            for mark, read in ruleset.fields.items():
                if mark:
                    self._by_mark.setdefault(mark, set()).update(read)
        self._unmarked = [frozenset(rs.fields.get("", ())) for rs in rulesets]
        self._fields_of: dict[Route, frozenset[str]] = {}

    def fields(self, route: Route) -> frozenset[str]:
        """The fields durable can read on a fact with this route: those of the bindings that
        can match it (the ones with its marks, and those without a mark in its rulesets).
        Remembered per route: a few dozen, the same for every derivation."""
        found = self._fields_of.get(route)
        if found is None:
            found = self._fields_of[route] = self._always.union(
                *(self._by_mark.get(mark, ()) for mark in route.marks),
                *(self._unmarked[i] for i in route.rulesets),
                route.marks,
            )
        return found

    def routes(self, key: tuple[object, ...]) -> Route:
        """The rulesets that can match a fact with these discriminator values (positions),
        and the marks (``marked``) the fact carries for durable."""
        found: set[int] = set()
        marks: list[str] = []
        for fields, table in self._tables:
            values = tuple(key[i] for i in fields)
            if _ANY not in values:
                hit = table.get(values)
                if hit is not None:
                    found.update(hit[0])
                    marks.append(hit[1])
                continue
            for tested, (rulesets, _mark_name) in table.items():
                if all(v is _ANY or v == t for v, t in zip(values, tested, strict=True)):
                    found.update(rulesets)  # durable compares such a value itself
        return Route(tuple(sorted(found)), tuple(marks))


class Route(NamedTuple):
    rulesets: tuple[int, ...]  # positions of the rulesets a fact can match in
    marks: tuple[str, ...]  # the discriminator marks it carries


class Sent(NamedTuple):
    """A fact as durable gets it: the rulesets it can match in, and its JSON with only the
    fields those rulesets read. durable parses every field of a fact, walks its condition
    tree for each one and hands every field back in each firing; pattern tags, texts and the
    data of conclusions were most of that, read by no rule of the ruleset. A firing is read
    back through ``full``, the fact's identity (type, id) pointing at the whole fact."""

    routes: tuple[int, ...]
    text: str
    full: dict[str, Any]


def route_key(payload: dict[str, Any]) -> tuple[object, ...]:
    """The fact's discriminator values; a value that is not a string stands as ``_ANY``."""
    values = tuple(map(payload.get, _DISCRIMINATORS))
    if all(v is None or v.__class__ is str for v in values):
        return values
    return tuple(v if v is None or isinstance(v, str) else _ANY for v in values)
