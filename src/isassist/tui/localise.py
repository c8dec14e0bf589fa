"""Key bindings whose footer labels follow the interview language.

Textual reads a node's bindings once, from BINDINGS; switching language at run time (/lang)
must relabel the footer too, so the bindings are rebuilt from one spec list per node.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from isassist.session.i18n import ui


@dataclass(frozen=True)
class Key:
    key: str
    action: str
    label: str
    show: bool = True
    priority: bool = False


def bindings(keys: list[Key], lang: str) -> list[Binding]:
    return [
        Binding(
            k.key,
            k.action,
            ui(k.label, lang),
            show=k.show,
            priority=k.priority,
            id=k.action,
            tooltip=ui(k.label, lang),
        )
        for k in keys
    ]


def relabel(node: DOMNode, keys: list[Key], lang: str) -> None:
    """Give ``node`` the bindings of ``keys`` labelled in ``lang``, over those its class
    inherits: a screen keeps Textual's Tab / Shift+Tab (focus the next or previous field) and
    copy keys, which a bare replacement lost (a broker could not reach the register's search
    box from the keyboard). A key in ``keys`` replaces an inherited binding of the same key."""
    own = BindingsMap(bindings(keys, lang)).key_to_bindings
    inherited = type(node)._merge_bindings().key_to_bindings
    # inherited first, own keys after in their own order (the footer shows them in that order)
    merged = {key: found for key, found in inherited.items() if key not in own} | own
    node._bindings = BindingsMap.from_keys(merged)
    node.refresh_bindings()
