"""A package's names imported from their modules on first use (PEP 562).

A package that re-exports its parts makes every importer pay for all of them: importing
``isassist.store`` for its error class imported SQLAlchemy, ``isassist.dossier`` for a view
imported the dossier schema's pydantic models. With ``names_on_first_use`` the package lists
where each name lives and imports that module only when the name is first read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module


def names_on_first_use(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """The ``__getattr__`` of ``package``: each name of ``homes`` (name -> module, relative
    to the package) is imported from its module when first read, then kept."""

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
