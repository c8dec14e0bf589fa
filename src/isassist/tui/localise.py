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
    """Replace ``node``'s bindings with ``keys`` labelled in ``lang``."""
    node._bindings = BindingsMap(bindings(keys, lang))
    node.refresh_bindings()
