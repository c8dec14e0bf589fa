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

from isassist.register.assessment import Party
from isassist.register.errors import RegisterError
from isassist.register.impact import Impact, ImpactSettings, impact_of, load_co2_factors
from isassist.register.matching import Match, Matcher
from isassist.register.models import NewCompany, NewStream, RegisterCompany, RegisterStream
from isassist.register.network import NetworkView, network
from isassist.register.pipeline import STAGES, Opportunity, Pipeline, PipelineEvent
from isassist.register.search import match_all, match_company, match_stream
from isassist.register.settings import MatchSettings
from isassist.register.store import Register
from isassist.register.texts import Barrier
from isassist.register.whole import Allocation, RegisterMatches

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
