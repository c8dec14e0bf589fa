"""The broker register: every company's haves and wants, matched, tracked and counted.

Headless API (the CLI and the TUI's register screen call only this)::

    from isassist.register import Register, NewCompany, NewStream, Matcher, MatchSettings
    from isassist.register import match_stream, match_company, match_all, network, Pipeline

    reg = Register()                         # default store; Register("postgresql+psycopg://...")
    co = reg.add_company(NewCompany(name="Brouwerij X", nace="11.05", postcode="9000"))
    reg.add_stream(co.id, NewStream(side="have", name="bostel", families=("spent_grain",),
                                    amount_per_year=800, current_route="incineration"))
    match_company(reg, "Brouwerij X")        # {stream id: [Match]}, each with reason and barriers
    match_all(reg)                           # RegisterMatches: matches, splits, bundles
    network(reg, "Brouwerij X")              # NetworkView: same, complementary, interested
    pipe = Pipeline(reg); opp = pipe.open(match); pipe.move(opp.id, "contacted", "called")
    pipe.register_impact()                   # tonnes diverted, CO2e avoided, euros saved

Failures a user can cause raise ``RegisterError`` with a message to show as it is.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from isassist.register.errors import RegisterError
    from isassist.register.impact import Impact, ImpactSettings, impact_of, load_co2_factors
    from isassist.register.matching import Match, Matcher, Party
    from isassist.register.models import NewCompany, NewStream, RegisterCompany, RegisterStream
    from isassist.register.network import NetworkView, network
    from isassist.register.pipeline import STAGES, Opportunity, Pipeline, PipelineEvent
    from isassist.register.search import match_all, match_company, match_stream
    from isassist.register.settings import MatchSettings
    from isassist.register.store import Register
    from isassist.register.texts import Barrier
    from isassist.register.whole import Allocation, RegisterMatches

# Imported on first use (PEP 562): the migrations import isassist.register.tables, and a
# store being opened must not load the matcher, the rules and the knowledge base with it.
_WHERE = {
    "RegisterError": "isassist.register.errors",
    "Impact": "isassist.register.impact",
    "ImpactSettings": "isassist.register.impact",
    "impact_of": "isassist.register.impact",
    "load_co2_factors": "isassist.register.impact",
    "Match": "isassist.register.matching",
    "Matcher": "isassist.register.matching",
    "Party": "isassist.register.matching",
    "NewCompany": "isassist.register.models",
    "NewStream": "isassist.register.models",
    "RegisterCompany": "isassist.register.models",
    "RegisterStream": "isassist.register.models",
    "NetworkView": "isassist.register.network",
    "network": "isassist.register.network",
    "STAGES": "isassist.register.pipeline",
    "Opportunity": "isassist.register.pipeline",
    "Pipeline": "isassist.register.pipeline",
    "PipelineEvent": "isassist.register.pipeline",
    "match_all": "isassist.register.search",
    "match_company": "isassist.register.search",
    "match_stream": "isassist.register.search",
    "MatchSettings": "isassist.register.settings",
    "Register": "isassist.register.store",
    "Barrier": "isassist.register.texts",
    "Allocation": "isassist.register.whole",
    "RegisterMatches": "isassist.register.whole",
}

__all__ = [
    "STAGES",
    "Allocation",
    "Barrier",
    "Impact",
    "ImpactSettings",
    "Match",
    "MatchSettings",
    "Matcher",
    "NetworkView",
    "NewCompany",
    "NewStream",
    "Opportunity",
    "Party",
    "Pipeline",
    "PipelineEvent",
    "Register",
    "RegisterCompany",
    "RegisterError",
    "RegisterMatches",
    "RegisterStream",
    "impact_of",
    "load_co2_factors",
    "match_all",
    "match_company",
    "match_stream",
    "network",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'isassist.register' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
