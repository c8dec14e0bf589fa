"""The fact vocabulary shared by the interview (which produces facts) and the rule base
(which reasons over them).

Data flows one way: answers -> facts -> rules -> dossier. Keeping the vocabulary in one small
module, with no knowledge of durable_rules or of the dialog, lets rule authors and dialog
authors agree on names without reading each other's code. Rule files are validated against
``FACT_TYPES`` and ``STREAM_PROPERTIES``: a misspelt property in a rule is an error with a
"did you mean", not a rule that silently never fires.

Every fact is a flat JSON object with ``type`` (the discriminator) and ``id`` (unique within
one interview). Values are JSON scalars or lists of strings; "unknown" answers are recorded as
facts of their own (``Answer.status == "unknown"``) so rules can raise knowledge gaps on them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

StreamKind = Literal["material", "heat", "water", "energy", "gas", "capacity"]
# The law area the company is in: it decides which regional law a conclusion cites (Flemish,
# Walloon, Brussels, Dutch, only EU law for another member state, none of it outside the EU).
Jurisdiction = Literal[
    "flanders", "wallonia", "brussels", "netherlands", "eu_other", "non_eu", "unknown"
]
Scalar = str | int | float | bool
Value = Scalar | list[str]


class _Fact(BaseModel):
    # defer_build: each validator is built the first time its model is used, not at import
    # (sixty models' validators were a tenth of a second of the TUI's start)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Company(_Fact):
    """The company being interviewed (one per interview)."""

    type: Literal["company"] = "company"
    id: str = "company"
    name: str = ""
    nace: str | None = None  # dotted NACE Rev. 2 code, e.g. "11.05"
    nace_division: str | None = None  # "11"
    postcode: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2; None while the location is not known
    region: str | None = None  # Belgian province, e.g. "Oost-Vlaanderen"
    jurisdiction: Jurisdiction = "unknown"
    mode: Literal["broker", "self"] = "broker"
    language: Literal["nl", "en"] = "nl"


class Stream(_Fact):
    """A residual stream of the company. Its characteristics are ``Property`` facts."""

    type: Literal["stream"] = "stream"
    id: str  # "s1", "s2", ...; "w1", "w2", ... for wants
    name: str
    kind: StreamKind = "material"
    # "have": the company's own residual stream; "want": an input it looks for (section wants),
    # reasoned over by rules that say `stream: {role: want}` and invisible to all others
    role: Literal["have", "want"] = "have"


class Property(_Fact):
    """One known characteristic of one stream (name from ``STREAM_PROPERTIES``)."""

    type: Literal["property"] = "property"
    id: str  # f"{stream}.{name}"
    stream: str
    name: str
    value: Value
    unit: str | None = None


class Answer(_Fact):
    """A raw interview answer, for rules that reason about what was (not) answered."""

    type: Literal["answer"] = "answer"
    id: str  # question id, suffixed with the stream id for per-stream questions
    question: str
    stream: str | None = None
    value: Value | None = None
    status: Literal["known", "unknown", "skipped"] = "known"


Fact = Annotated[Company | Stream | Property | Answer, Field(discriminator="type")]

FACT_TYPES: dict[str, type[_Fact]] = {
    "company": Company,
    "stream": Stream,
    "property": Property,
    "answer": Answer,
}

# name -> (value type, meaning). The rule loader checks property names in conditions against
# this table; the interview writes only these names. Quantities are normalised per year.
STREAM_PROPERTIES: dict[str, tuple[str, str]] = {
    "ewc": ("list", "EWC codes, six digits without spaces"),
    "ewc_chapter": ("list", "two-digit EWC chapters of the codes in ewc"),
    "ewc_subchapter": ("list", "four-digit EWC sub-chapters of the codes in ewc"),
    "cpa": ("list", "CPA 2.1 codes, dotted"),
    "cas": ("list", "CAS registry numbers of components"),
    "family": ("list", "material families (ash, gypsum, wood, organic_sludge, ...)"),
    "hazardous": ("str", "yes | no | unknown"),
    "mirror": ("bool", "one of the EWC codes is a mirror entry"),
    "state": ("str", "solid | liquid | sludge | gas | paste | mixed"),
    "legal_status": ("str", "waste | by_product | end_of_waste | product | unknown"),
    "quantity_per_year": ("number", "amount per year in quantity_unit"),
    "quantity_unit": ("str", "t | m3 | MWh | kWh | GJ | Nm3 | h"),
    "tonnes_per_year": ("number", "mass per year in tonnes, where known or derivable"),
    "frequency": ("str", "continuous | daily | weekly | monthly | batch | seasonal | one_off"),
    "quality_variability": ("str", "stable | variable | unknown"),
    "availability": ("str", "year_round | seasonal | irregular"),
    "storage": ("str", "none | limited | ample | unknown"),
    "storage_days": ("number", "days the stream can be stored on site"),
    "composition_known": ("bool", "a composition analysis exists"),
    "contaminated": ("str", "yes | no | unknown"),
    "moisture_pct": ("number", "moisture content, % by mass"),
    "calorific_value_mj_kg": ("number", "lower heating value, MJ/kg"),
    "temperature_c": ("number", "temperature of a heat, water or gas stream, degC"),
    "power_kw": ("number", "thermal power of a heat stream, kW"),
    "hours_per_year": ("number", "operating hours per year"),
    "energy_mwh_per_year": ("number", "energy per year, MWh"),
    "medium": ("str", "flue_gas | steam | hot_water | cooling_water | air | oil | other"),
    "sulphur_in_fuel": ("str", "yes | no | unknown (flue gas only)"),
    "current_route": (
        "str",
        "landfill | incineration | recycling | recovery | sewer | sold | reused | stored | other",
    ),
    "current_cost_eur_per_year": ("number", "what the current route costs per year, EUR"),
    "disposal_cost_eur_per_t": ("number", "gate fee or disposal cost per tonne, EUR"),
    "market_price_eur_per_t": ("number", "price of the virgin material it could replace, EUR/t"),
    "destination_country": ("str", "ISO country code of a candidate receiver"),
    "cross_border": ("bool", "the receiver is in another country than the company"),
    "distance_km": ("number", "distance to a candidate receiver, km"),
    "receiver_known": ("bool", "a candidate receiver has been named"),
    "receiver_nace": ("list", "NACE codes of candidate receivers"),
    "pretreatment_needed": ("str", "yes | no | unknown"),
    "health_safety_risks": ("list", "flammable | corrosive | toxic | dust | biological | ..."),
    "feasibility": ("number", "perceived feasibility 1-5 (4-quadrant view)"),
    "impact": ("number", "perceived positive impact 1-5 (4-quadrant view)"),
    "value_type": ("str", "destroyed | missed"),
    "animal_origin": ("bool", "contains or comes from animal material"),
    "food_grade": ("bool", "handled to food or feed hygiene standards"),
    "catering_waste": (
        "bool",
        "kitchen or table waste of a food-service company (NACE 55, 56): never feed",
    ),
    "note": ("str", "free note"),
}

# name -> (Dutch, English) label, for explanations a broker reads ("why"): the raw key is a
# programmer's word, and the meaning in STREAM_PROPERTIES is English only.
PROPERTY_LABELS: dict[str, tuple[str, str]] = {
    "ewc": ("EWC-code(s)", "EWC code(s)"),
    "ewc_chapter": ("EWC-hoofdstuk", "EWC chapter"),
    "ewc_subchapter": ("EWC-subhoofdstuk", "EWC sub-chapter"),
    "cpa": ("CPA-code(s)", "CPA code(s)"),
    "cas": ("CAS-nummer(s)", "CAS number(s)"),
    "family": ("materiaalfamilie", "material family"),
    "hazardous": ("gevaarlijk", "hazardous"),
    "mirror": ("spiegelcode", "mirror entry"),
    "state": ("toestand", "physical state"),
    "legal_status": ("juridisch statuut", "legal status"),
    "quantity_per_year": ("hoeveelheid per jaar", "quantity per year"),
    "quantity_unit": ("eenheid van de hoeveelheid", "quantity unit"),
    "tonnes_per_year": ("ton per jaar", "tonnes per year"),
    "frequency": ("frequentie", "frequency"),
    "quality_variability": ("wisselende kwaliteit", "quality variability"),
    "availability": ("beschikbaarheid", "availability"),
    "storage": ("opslagmogelijkheid", "storage"),
    "storage_days": ("opslag (dagen)", "storage (days)"),
    "composition_known": ("samenstelling geanalyseerd", "composition analysed"),
    "contaminated": ("verontreinigd", "contaminated"),
    "moisture_pct": ("vochtgehalte (%)", "moisture content (%)"),
    "calorific_value_mj_kg": ("stookwaarde (MJ/kg)", "calorific value (MJ/kg)"),
    "temperature_c": ("temperatuur (°C)", "temperature (°C)"),
    "power_kw": ("thermisch vermogen (kW)", "thermal power (kW)"),
    "hours_per_year": ("bedrijfsuren per jaar", "operating hours per year"),
    "energy_mwh_per_year": ("energie per jaar (MWh)", "energy per year (MWh)"),
    "medium": ("draagmedium", "medium"),
    "sulphur_in_fuel": ("zwavel in de brandstof", "sulphur in the fuel"),
    "current_route": ("huidige verwerking", "current route"),
    "current_cost_eur_per_year": ("huidige kost (EUR/jaar)", "current cost (EUR/year)"),
    "disposal_cost_eur_per_t": ("verwerkingskost (EUR/t)", "disposal cost (EUR/t)"),
    "market_price_eur_per_t": ("marktprijs grondstof (EUR/t)", "virgin material price (EUR/t)"),
    "destination_country": ("land van bestemming", "destination country"),
    "cross_border": ("grensoverschrijdend", "cross-border"),
    "distance_km": ("afstand (km)", "distance (km)"),
    "receiver_known": ("afnemer gekend", "receiver known"),
    "receiver_nace": ("NACE-code(s) van afnemers", "receiver NACE code(s)"),
    "pretreatment_needed": ("voorbehandeling nodig", "pre-treatment needed"),
    "health_safety_risks": ("gezondheids- en veiligheidsrisico's", "health and safety risks"),
    "feasibility": ("haalbaarheid (1-5)", "feasibility (1-5)"),
    "impact": ("positief effect (1-5)", "positive impact (1-5)"),
    "value_type": ("soort waarde", "value type"),
    "animal_origin": ("dierlijke oorsprong", "animal origin"),
    "food_grade": ("voedsel- of voederhygiëne", "food or feed hygiene"),
    "catering_waste": ("keuken- of etensafval (catering)", "catering (kitchen) waste"),
    "note": ("notitie", "note"),
}


def property_label(name: str, lang: str) -> str:
    """The ``lang`` (nl or en) label of a stream property; an unlabelled name shows as itself
    with spaces, so a new property never breaks an explanation."""
    pair = PROPERTY_LABELS.get(name)
    if pair is None:
        return name.replace("_", " ")
    return pair[1] if lang == "en" else pair[0]


# Coded values (choices, routes) as words: a conclusion text says "continu" or "warmtenet",
# never the slug "continuous" or "district_heating" the facts carry.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "yes": ("ja", "yes"),
    # stream kinds (the dossier panel and the why dialog name them)
    "material": ("materiaal", "material"),
    "heat": ("warmte", "heat"),
    "energy": ("energie", "energy"),
    "capacity": ("vrije capaciteit", "spare capacity"),
    "no": ("nee", "no"),
    "unknown": ("onbekend", "unknown"),
    # frequency, availability
    "continuous": ("continu", "continuous"),
    "daily": ("dagelijks", "daily"),
    "weekly": ("wekelijks", "weekly"),
    "monthly": ("maandelijks", "monthly"),
    "batch": ("per batch", "in batches"),
    "seasonal": ("seizoensgebonden", "seasonal"),
    "one_off": ("eenmalig", "one-off"),
    "year_round": ("het hele jaar", "all year"),
    "irregular": ("onregelmatig", "irregular"),
    # quality, storage
    "stable": ("stabiel", "stable"),
    "variable": ("wisselend", "variable"),
    "none": ("geen", "none"),
    "limited": ("beperkt", "limited"),
    "ample": ("ruim", "ample"),
    # legal status
    "waste": ("afvalstof", "waste"),
    "by_product": ("bijproduct", "by-product"),
    "end_of_waste": ("einde-afvalstatus", "end-of-waste"),
    "product": ("product", "product"),
    # current route
    "landfill": ("storten", "landfill"),
    "incineration": ("verbranden", "incineration"),
    "recycling": ("recyclage", "recycling"),
    "recovery": ("nuttige toepassing", "recovery"),
    "sewer": ("riool", "sewer"),
    "sold": ("verkocht", "sold"),
    "reused": ("hergebruikt", "reused"),
    "stored": ("opgeslagen", "stored"),
    "other": ("anders", "other"),
    # valorisation routes (rules/valorisation.yaml `route:`)
    "acid_reuse": ("hergebruik van het zuur", "acid reuse"),
    "aggregate": ("granulaat", "aggregate"),
    "alternative_fuel": ("alternatieve brandstof", "alternative fuel"),
    "anaerobic_digestion": ("vergisting", "anaerobic digestion"),
    "animal_feed": ("diervoeder", "animal feed"),
    "biofuel": ("biobrandstof", "biofuel"),
    "biomass_fuel": ("biomassabrandstof", "biomass fuel"),
    "building_materials": ("bouwmaterialen", "building materials"),
    "cement_additive": ("toeslagstof voor cement", "cement additive"),
    "cement_raw_material": ("grondstof voor cement", "cement raw material"),
    "chemical_feedstock": ("chemische grondstof", "chemical feedstock"),
    "co2_use": ("gebruik van CO2", "CO2 use"),
    "cullet": ("glasscherven voor de glasoven", "cullet"),
    "district_heating": ("warmtenet", "district heating"),
    "fertiliser": ("meststof", "fertiliser"),
    "greenhouse_heat": ("warmte voor serres", "greenhouse heat"),
    "heat_pump_upgrade": ("opwaarderen met een warmtepomp", "heat-pump upgrade"),
    "internal_reuse": ("hergebruik in het eigen bedrijf", "reuse in the own company"),
    "metal_recycling": ("metaalrecyclage", "metal recycling"),
    "mushroom_substrate": ("substraat voor champignons", "mushroom substrate"),
    "neutralising_agent": ("neutralisatiemiddel", "neutralising agent"),
    "oil_rerefining": ("herraffinage van olie", "oil re-refining"),
    "paper_recycling": ("papierrecyclage", "paper recycling"),
    "particleboard": ("spaanplaat", "particleboard"),
    "pellets": ("pellets", "pellets"),
    "plasterboard": ("gipsplaat", "plasterboard"),
    "plastic_recycling": ("kunststofrecyclage", "plastic recycling"),
    "process_heat": ("proceswarmte", "process heat"),
    "process_water": ("proceswater", "process water"),
    "road_construction": ("wegenbouw", "road construction"),
    "sinter_feed": ("grondstof voor de sinterfabriek", "sinter feed"),
    "solvent_regeneration": ("regeneratie van oplosmiddel", "solvent regeneration"),
    "textile_recycling": ("textielrecyclage", "textile recycling"),
}


def value_label(value: str, lang: str) -> str:
    """A coded value in words in ``lang``; free text and unknown codes come back as typed
    (a code's underscores turned into spaces)."""
    pair = VALUE_LABELS.get(value)
    if pair is not None:
        return pair[1] if lang == "en" else pair[0]
    if value.replace("_", "").isalnum() and "_" in value and value == value.lower():
        return value.replace("_", " ")
    return value
