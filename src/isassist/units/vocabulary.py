"""The words people use for units, periods and vagueness, in Dutch and English.

Kept as plain tables so a broker who hears a new way of saying "per year" can add it in one
place. All keys are lower case and written after ``tokens.normalise`` (so "m³" is "m3" and
"p.j." is "pj").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

UnitKind = Literal["mass", "volume", "gas", "energy", "power", "time", "count", "events"]


@dataclass(frozen=True)
class UnitSpec:
    """A unit as the parser understands it: the symbol shown back and pint's name for it."""

    symbol: str
    kind: UnitKind
    pint_name: str | None = None


def _spec(symbol: str, kind: UnitKind, pint_name: str | None, *words: str) -> dict[str, UnitSpec]:
    spec = UnitSpec(symbol, kind, pint_name)
    return dict.fromkeys(words, spec)


UNITS: dict[str, UnitSpec] = {
    **_spec("t", "mass", "t", "t", "ton", "tons", "tonne", "tonnes", "tonnen", "mt", "tn"),
    **_spec("kt", "mass", "kilotonne", "kt", "kiloton", "kilotonne", "kilotonnes"),
    **_spec(
        "kg", "mass", "kg", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogrammen"
    ),
    **_spec("g", "mass", "g", "g", "gram", "grams"),
    **_spec("m3", "volume", "m**3", "m3", "kuub", "cbm", "cum"),
    **_spec("L", "volume", "liter", "l", "lt", "ltr", "liter", "liters", "litre", "litres", "dm3"),
    **_spec("hL", "volume", "hectoliter", "hl", "hectoliter", "hectoliters", "hectolitre"),
    **_spec("Nm3", "gas", "m**3", "nm3", "normkuub"),
    **_spec("Wh", "energy", "Wh", "wh"),
    **_spec("kWh", "energy", "kWh", "kwh"),
    **_spec("MWh", "energy", "MWh", "mwh"),
    **_spec("GWh", "energy", "GWh", "gwh"),
    **_spec("TWh", "energy", "TWh", "twh"),
    **_spec("kJ", "energy", "kJ", "kj"),
    **_spec("MJ", "energy", "MJ", "mj"),
    **_spec("GJ", "energy", "GJ", "gj"),
    **_spec("TJ", "energy", "TJ", "tj"),
    **_spec("W", "power", "W", "w", "watt"),
    **_spec("kW", "power", "kW", "kw", "kwth", "kwt", "kilowatt"),
    **_spec("MW", "power", "MW", "mw", "mwth", "mwt", "megawatt"),
    **_spec("GW", "power", "GW", "gw", "gigawatt"),
    **_spec(
        "h",
        "time",
        "hour",
        "h",
        "u",
        "uur",
        "uren",
        "hour",
        "hours",
        "hr",
        "hrs",
        "draaiuren",
        "bedrijfsuren",
        "vollasturen",
    ),
    **_spec("container", "count", None, "container", "containers", "rolcontainer", "rolcontainers"),
    **_spec("big bag", "count", None, "bigbag", "bigbags"),
    **_spec("zak", "count", None, "zak", "zakken", "bag", "bags", "sack", "sacks"),
    **_spec("pallet", "count", None, "pallet", "pallets", "palletten"),
    **_spec(
        "vracht",
        "count",
        None,
        "vracht",
        "vrachten",
        "vrachtwagen",
        "vrachtwagens",
        "truck",
        "trucks",
        "truckload",
        "truckloads",
        "load",
        "loads",
        "lading",
        "ladingen",
        "tankwagen",
        "tankwagens",
    ),
    **_spec("vat", "count", None, "vat", "vaten", "drum", "drums", "ibc", "ibcs"),
    **_spec("keer", "events", None, "keer", "maal", "x", "times"),
}

Period = Literal["year", "quarter", "month", "week", "day", "workday", "hour", "shift"]

# Tokens that carry a unit and a period at once ("tpa" = tonnes per annum).
UNIT_PERIOD_WORDS: dict[str, tuple[str, Period]] = {
    "tpa": ("t", "year"),
    "tpy": ("t", "year"),
    "tpj": ("t", "year"),
    "tpd": ("t", "day"),
    "tph": ("t", "hour"),
    "ktpa": ("kt", "year"),
}

PERIOD_WORDS: dict[str, Period] = {
    **dict.fromkeys(["jaar", "jaren", "j", "jr", "year", "years", "yr", "y", "annum", "a"], "year"),
    **dict.fromkeys(["kwartaal", "kwartalen", "quarter", "quarters", "q"], "quarter"),
    **dict.fromkeys(["maand", "maanden", "mnd", "month", "months", "mo", "mth"], "month"),
    **dict.fromkeys(["week", "weken", "wk", "w", "weeks"], "week"),
    **dict.fromkeys(["dag", "dagen", "d", "day", "days", "etmaal"], "day"),
    **dict.fromkeys(["werkdag", "werkdagen", "workday", "workdays"], "workday"),
    **dict.fromkeys(["uur", "uren", "u", "h", "hour", "hours", "hr"], "hour"),
    **dict.fromkeys(["shift", "shifts", "ploeg", "ploegen", "dienst"], "shift"),
}

# Words that are a period on their own ("jaarlijks 200 ton").
PERIOD_ADVERBS: dict[str, Period] = {
    **dict.fromkeys(["jaarlijks", "yearly", "annually", "pj", "pa", "perjaar"], "year"),
    **dict.fromkeys(["kwartaallijks", "quarterly"], "quarter"),
    **dict.fromkeys(["maandelijks", "monthly"], "month"),
    **dict.fromkeys(["wekelijks", "weekly", "pw"], "week"),
    **dict.fromkeys(["dagelijks", "daily", "pd"], "day"),
    **dict.fromkeys(["hourly"], "hour"),
}

# Words that introduce a period: "/", "per jaar", "a year", "elke week", "om de 2 weken".
PERIOD_CONNECTORS = frozenset(
    {"/", "per", "p", "a", "an", "each", "every", "elke", "iedere", "ieder", "elk", "om", "in"}
)
ARTICLES = frozenset({"een", "de", "het", "the", "a"})

# How often a period fits in a year. Hours and shifts depend on the plant, so they are absent.
PERIODS_PER_YEAR: dict[Period, float] = {
    "year": 1.0,
    "quarter": 4.0,
    "month": 12.0,
    "week": 52.0,
    "day": 365.0,
    "workday": 250.0,
}

HOURS_PER_PERIOD: dict[Period, float] = {
    "year": 8784.0,  # a leap year: the most hours any year has
    "quarter": 2208.0,
    "month": 744.0,
    "week": 168.0,
    "day": 24.0,
    "workday": 24.0,
}

PERIOD_NAMES: dict[Period, tuple[str, str]] = {
    "year": ("jaar", "year"),
    "quarter": ("kwartaal", "quarter"),
    "month": ("maand", "month"),
    "week": ("week", "week"),
    "day": ("dag", "day"),
    "workday": ("werkdag", "working day"),
    "hour": ("uur", "hour"),
    "shift": ("ploeg", "shift"),
}

APPROXIMATE_WORDS = frozenset(
    {
        "ongeveer",
        "ong",
        "ca",
        "circa",
        "zo'n",
        "zon",
        "plusminus",
        "pm",
        "rond",
        "rondom",
        "ruwweg",
        "grofweg",
        "schatting",
        "geschat",
        "about",
        "approximately",
        "approx",
        "around",
        "roughly",
        "some",
        "estimated",
        "est",
        "maximaal",
        "max",
        "hoogstens",
        "minstens",
        "minimaal",
    }
)

# Number words, so "een halve ton per dag" and "twee containers" read as numbers.
NUMBER_WORDS: dict[str, float] = {
    "een": 1,
    "één": 1,
    "eén": 1,
    "one": 1,
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "negen": 9,
    "nine": 9,
    "tien": 10,
    "ten": 10,
    "twaalf": 12,
    "twelve": 12,
    "twintig": 20,
    "twenty": 20,
    "honderd": 100,
    "hundred": 100,
    "duizend": 1000,
    "thousand": 1000,
    "anderhalf": 1.5,
    "anderhalve": 1.5,
    "half": 0.5,
    "halve": 0.5,
}
HALF_WORDS = frozenset({"half", "halve"})

# Vague amounts people say when they do not know the figure: never read as one number, but
# as the range they usually mean (the quantity parser takes the midpoint and says so).
# word -> (low, high); a word before a multiplier ("een paar honderd") scales the range.
VAGUE_WORDS: dict[str, tuple[float, float]] = {
    "paar": (2, 5),
    "couple": (2, 3),
    "few": (2, 5),
    "enkele": (2, 9),
    "enige": (2, 9),
    "several": (2, 9),
    "verscheidene": (2, 9),
    "meerdere": (2, 9),
    "tientallen": (20, 90),
    "tens": (20, 90),
    "dozens": (20, 90),
    "honderden": (200, 900),
    "hundreds": (200, 900),
    "duizenden": (2_000, 9_000),
    "thousands": (2_000, 9_000),
    "tienduizenden": (20_000, 90_000),
    "honderdduizenden": (200_000, 900_000),
    "miljoenen": (2_000_000, 9_000_000),
    "millions": (2_000_000, 9_000_000),
}
# "tens of thousands", "hundreds of thousands": the word after "of" multiplies the range
VAGUE_OF = frozenset({"of", "van"})

MULTIPLIER_WORDS: dict[str, float] = {
    "k": 1e3,
    "duizend": 1e3,
    "thousand": 1e3,
    "miljoen": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "million": 1e6,
}

RANGE_WORDS = frozenset({"-", "tot", "à", "a", "to", "á"})
RANGE_OPENERS = frozenset({"tussen", "between"})
RANGE_AND = frozenset({"en", "and"})

CONTINUOUS_WORDS = frozenset({"continu", "continuous", "continuously", "doorlopend", "nonstop"})
