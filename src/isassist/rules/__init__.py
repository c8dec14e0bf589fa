"""The rule base: rule files -> validated models -> durable_rules -> explained conclusions.

The public API is re-exported here; ``get_engine`` imports the durable_rules adapter only when
called, so checking or listing rules never pays for (or depends on) the C extension.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from isassist.rules.conclusion import Conclusion, why
from isassist.rules.loader import RuleBase, RuleBaseError, RuleProblem, load_rulebase

if TYPE_CHECKING:
    from isassist.rules.engine import RuleEngine

__all__ = [
    "Conclusion",
    "RuleBase",
    "RuleBaseError",
    "RuleProblem",
    "get_engine",
    "get_rulebase",
    "installed_engine",
    "installed_rulebase",
    "load_rulebase",
    "why",
]


@lru_cache(maxsize=1)
def installed_rulebase() -> RuleBase:
    """The installed rule base, loaded once per process (from the cache when unchanged)."""
    from isassist.paths import data_dir
    from isassist.rules.cache import cached_rulebase

    return cached_rulebase(data_dir("rules"))


@lru_cache(maxsize=1)
def installed_engine() -> RuleEngine:
    """The installed rules' engine: read from the engine cache when the rules are unchanged,
    without loading the rule base (loaded when the engine first needs it), else compiled."""
    from isassist.paths import data_dir
    from isassist.rules.engine import folder_engine

    return folder_engine(data_dir("rules"), installed_rulebase)


def get_rulebase() -> RuleBase:
    """The process's rule base: its composition root's (``isassist.root``, which sits above
    this package and so injects it through ``isassist.provided``), else the installed one."""
    from isassist.provided import provided

    found = provided("rulebase")
    return found if isinstance(found, RuleBase) else installed_rulebase()


def get_engine(rules_dir: Path | str | None = None) -> RuleEngine:
    """The process-wide engine for ``rules_dir`` (default: the installed rules/)."""
    from isassist.rules.engine import engine_for

    rulebase = get_rulebase() if rules_dir is None else load_rulebase(rules_dir)
    return engine_for(rulebase)
