"""Derive ``knowledge/terms/maestri.csv`` from the MAESTRI exchanges database.

The MAESTRI exchanges are the only sizeable set of residual-stream descriptions written by
people who documented real exchanges, each with the EWC code they chose. Turning every usable
description into a colloquial term (plus a Dutch rendering, because most of our users type
Dutch) teaches the classifier words that the official EWC texts never use ("BFS", "vinasse",
"filter mud"). The donor's NACE code becomes the term's ``sectors``: "sludge" from a pulp mill
means something else than "sludge" from a waterworks.

The source records codes as it found them; a few contradict their own description (a gas
coded as slag, printed circuit boards coded as PCB-containing transformers). Those codes are
dropped with a reason, because a wrong code taught as a synonym does more harm than a missing
one. Run from the repository root::

    uv run python scripts/derive_terms.py [--sources ../shared/knowledge-sources]

It prints what it kept and skipped; rerunning it rewrites the file identically.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = ROOT.parent / "shared" / "knowledge-sources"
OUTPUT = ROOT / "knowledge" / "terms" / "maestri.csv"
FAMILIES = ROOT / "knowledge" / "families.csv"
COLUMNS = ["term", "lang", "ewc", "cpa", "cas", "sectors", "family", "source", "note"]

# (description in lower case, EWC code) pairs whose code contradicts the description.
PCB_BOARDS = "PCB here means printed circuit boards"
IMPLAUSIBLE: dict[tuple[str, str], str] = {
    ("exhaust gas", "100299"): "a gas is not a solid iron-and-steel waste",
    ("waste coolant", "140601"): "cooling water is not a CFC refrigerant",
    ("hydrogen", "160903"): "hydrogen is a product gas, not a peroxide",
    ("hydrogen", "050199"): "hydrogen is a product gas, not a refinery waste",
    ("hydrogen", "061002"): "hydrogen is a product gas, not a fertiliser waste",
    ("cog", "100202"): "coke oven gas is not slag",
    ("bfg (blast furnace gas)", "100202"): "blast furnace gas is not slag",
    ("sour gas", "010506"): "a gas stream is not a drilling mud",
    ("septic sludges", "061002"): "septic tank sludge is 20 03 04",
    ("sewage sludge", "190902"): "sewage sludge is 19 08 05, not water clarification sludge",
    ("waste pcb / copper foil / sludge containing copper", "160209"): PCB_BOARDS,
    ("waste pcb / copper foil / sludge containing copper", "160210"): PCB_BOARDS,
    ("waste pcb / sludge containing copper", "160209"): PCB_BOARDS,
    ("waste pcb / sludge containing copper", "160210"): PCB_BOARDS,
    ("silica fume", "100329"): "silica fume is not a salt-slag treatment waste",
    ("blast furnace slag", "101003"): "blast furnace slag is 10 02 02, not casting slag",
    ("off-spec lime", "160306"): "lime is inorganic; 16 03 06 is for organic off-spec batches",
    ("ammonium sulphate", "060602"): "ammonium sulphate contains no sulphide",
    ("bauxite residue", "100304"): "bauxite residue (red mud) is 01 03 09",
    ("refractories", "170604"): "refractories from a steelworks are 16 11, not insulation",
    ("refractory materials", "100322"): "refractory materials are 16 11, not dust",
    ("etp sludge", "100121"): "effluent sludge of a paper mill is 03 03 11",
}

# Our own Dutch renderings of the usable English descriptions (lower case key).
DUTCH: dict[str, str] = {
    "mill scales": "walshuid",
    "bf slag": "hoogovenslak",
    "coal fly ash": "vliegas van steenkool",
    "construction and demolition waste": "bouw- en sloopafval",
    "marc and dregs": "draf en droesem",
    "oil mill waste water": "afvalwater van de oliemolen",
    "bfs/bosf": "hoogovenslak en oxystaalslak",
    "bosf": "oxystaalslak",
    "bfs": "hoogovenslak (BFS)",
    "bofs as aggregate": "LD-slak als granulaat",
    "fly ash": "vliegas",
    "sodium hydroxide": "natronloog",
    "bark": "schors",
    "sludge": "slib",
    "urban waste": "stedelijk afval",
    "ash": "as",
    "food waste": "voedselafval",
    "sulfur": "zwavel",
    "scrubber sludge": "slib van de rookgaswasser",
    "organic residues": "organische resten",
    "yeast slurry and sludge": "gistslurry en gistslib",
    "gypsum": "gips",
    "dry organic pellets": "gedroogde organische korrels",
    "organic waste": "organisch afval",
    "polystyrene waste": "piepschuimafval",
    "offal": "slachtafval",
    "steel slag": "staalslak",
    "spent cell linings": "afgedankte kathodebekleding",
    "waste solvent materials": "afgewerkte oplosmiddelen",
    "spent shale": "uitgeloogde olieschalie",
    "old tyres": "oude banden",
    "red mud": "rode modder",
    "barren liquor": "uitgeputte procesvloeistof",
    "metallurgical coke dust and fines": "cokesstof en cokesgruis",
    "bottom ash": "bodemas",
    "sulphuric acid": "zwavelzuur",
    "waste lubricants": "afgewerkte smeermiddelen",
    "vinesse": "vinasse",
    "residue": "residu",
    "white sludge": "wit slib",
    "green mud": "groenloogslib",
    "wood chips": "houtsnippers",
    "wood board": "plaatmateriaal van hout",
    "coal slag": "steenkoolslak",
    "seaweed residues": "zeewierresten",
    "waste residue": "oogstresten",
    "waste clay": "afvalklei",
    "leftovers": "textielresten",
    "scrap metal": "metaalschroot",
    "general organic waste": "gemengd organisch afval",
    "off-spec solvents": "afgekeurde oplosmiddelen",
    "waste water": "afvalwater",
    "filter mud": "filterslik",
    "alcohol residue": "alcoholresidu",
    "black liquor": "zwartloog",
    "fruit pulp waste": "fruitpulpafval",
    "pulper and sludges": "pulperafval en slib",
    "filter sludge": "filterslib",
    "black liquid": "zwarte loog",
    "paddy husk": "rijstkaf",
    "isopropyl alcohol": "isopropanol",
    "boiler and fly ashes": "ketelas en vliegas",
    "spent coffee grounds": "koffiedik",
    "dessiccated coffee grounds": "gedroogd koffiedik",
    "residual coconut": "kokosresten",
    "sawdust": "zaagsel",
    "boiler ash": "ketelas",
    "dusty organic materials": "stoffig organisch materiaal",
    '"glue like" waste': "lijmachtig afval",
    "plastic pellets": "kunststofkorrels",
    "glass waste": "glasafval",
    "ethanol": "ethanol",
    "boiler blow-down": "spuiwater van de stoomketel",
    "domestic organic waste": "huishoudelijk organisch afval",
    "concrete wastes": "betonafval",
    "cardboard": "karton",
    "sulphur": "zwavel",
    "spent catalysts": "afgewerkte katalysatoren",
    "ammonium chloride": "ammoniumchloride",
    "98% sulphuric acid": "zwavelzuur 98%",
    "80% sulphuric acid": "zwavelzuur 80%",
    "ammonium chloride solution": "ammoniumchlorideoplossing",
    "hydrochloric acid": "zoutzuur",
    "bio-sludge": "biologisch slib",
    "lime kiln dust": "kalkovenstof",
    "coal mine overburden": "deklaag van de kolenmijn",
    "process residue": "procesresidu",
    "poultry dejections": "pluimveemest",
    "hessian sacks": "jutezakken",
    "waste plastics (amp)": "kunststofafval",
    "dairy effluent": "zuivelafvalwater",
    "scrap wood": "afvalhout",
    "lignocellusic biomass": "lignocellulosehoudende biomassa",
    "food production scraps": "productieresten van voeding",
    "agricultural wastes, packaging and muds": "landbouwafval, verpakking en slib",
    "packaging": "verpakking",
    "muds": "slik",
    "agricultural wastes": "landbouwafval",
    "packaging and wood wastes": "verpakkings- en houtafval",
    "distillers dried grains with solubles, thin stillage, impurities": (
        "gedroogde spoeling (DDGS), dunne spoeling en afscheidingen"
    ),
    "thin stillage and filtered impurities": "dunne spoeling en uitgefilterde onzuiverheden",
    "digestate": "digestaat",
    "grains": "graanresten",
    "pastry waste": "gebakafval",
    "metals": "metalen",
    "glass": "glas",
    "plastics": "kunststoffen",
    "biodegradable kitchen and canteen waste": "keuken- en kantineafval",
    "newspaper": "krantenpapier",
    "shredded newspaper": "versnipperd krantenpapier",
    "wood pulp": "houtpulp",
    "end of life semiconductors": "afgedankte halfgeleiders",
    "waste steel": "staalschroot",
    "waste plastics": "kunststofafval",
    "slag": "slak",
    "phosphorous slag": "fosforslak",
    "coal gangue": "kolenmijnsteen",
    "coal flying ash": "vliegas van kolen",
    "ammonium sulfate": "ammoniumsulfaat",
    "waste plastic": "plasticafval",
    "scrap tire": "afvalband",
    "straw / food waste": "stro en voedselafval",
    "chromium slag": "chroomslak",
    "pruning": "snoeihout",
    "moist pomace": "natte olijfpulp",
    "bio-char": "biochar",
    "talcum powder contaminated with plastic": "talkpoeder vervuild met kunststof",
    "pvc waterproof tarpaulins": "waterdicht pvc-zeil",
    "paper fines": "papiersnippers",
    "linen and towel waste": "afgedankt linnen en handdoeken",
    "spent grain": "bierdraf",
    "spent mushroom substrate": "champost",
    "nutrient rich water": "nutriëntrijk water",
    "acetone": "aceton",
    "waste car": "autowrak",
    "discarded home appliances": "afgedankte huishoudtoestellen",
    "waste paper": "oud papier",
    "paper sludge": "papierslib",
    "paper and cardboard wastes": "papier- en kartonafval",
    "plastic wastes": "plasticafval",
    "wood and cardboard wastes": "hout- en kartonafval",
    "waste pcb / copper foil / sludge containing copper": (
        "afgedankte printplaten, koperfolie en koperhoudend slib"
    ),
    "waste pcb / sludge containing copper": "afgedankte printplaten en koperhoudend slib",
    "stones separated during sugar beet washing": "stenen uit de bietenwasserij",
    "soil separated during sugar beet washing": "tarragrond van de bietenwasserij",
    "calcium carbonate": "schuimaarde (calciumcarbonaat)",
    "waste residual resins from the sugar crystallization process": (
        "harsresten van de suikerkristallisatie"
    ),
    "waste sugar from resin separation": "afvalsuiker van de harsscheiding",
}


# A material named in the description decides the family before the code does: the code of
# "Gypsum" from a chemical plant (07 07 10) says filter cake, the word says gypsum.
FAMILY_WORDS: dict[str, str] = {
    "gypsum": "gypsum",
    "slag": "slag",
    "ash": "ash",
    "sulphur": "sulphur",
    "sulfur": "sulphur",
    "acid": "acid",
    "solvent": "solvent",
    "glass": "glass",
    "plastic": "plastic",
    "wood": "wood",
    "sawdust": "sawdust",
    "paper": "paper",
    "newspaper": "paper",
    "cardboard": "cardboard",
    "lime": "lime",
    "catalyst": "catalyst",
    "digestate": "digestate",
    "tyre": "tyres",
    "tire": "tyres",
    "spent grain": "spent_grain",
}

# Descriptions whose code belongs to no family, or to a misleading one.
FAMILY_OVERRIDES: dict[str, str] = {
    "organic waste": "food_waste",
    "pastry waste": "food_waste",
    "residue": "process_residue",
    "process residue": "dross",
    "bio-char": "carbon",
    "dusty organic materials": "vegetable_residue",
    "waste residue": "vegetable_residue",
    "distillers dried grains with solubles, thin stillage, impurities": "beverage_residue",
    "thin stillage and filtered impurities": "beverage_residue",
    "nutrient rich water": "aqueous_waste",
    "black liquor": "alkali",
    "black liquid": "alkali",
    "coal mine overburden": "tailings",
    "coal gangue": "tailings",
    "talcum powder contaminated with plastic": "dust",
    "ammonium chloride": "salt",
    "ammonium chloride solution": "salt",
    "ammonium sulfate": "salt",
    "food waste": "vegetable_residue",
    "chromium slag": "slag",
}


def family_of(description: str, ewc: tuple[str, ...], families: FamilyIndex) -> str:
    key = description.lower()
    if key in FAMILY_OVERRIDES:
        return FAMILY_OVERRIDES[key]
    words = re.findall(r"[a-z]+", key)
    for word, family in FAMILY_WORDS.items():
        if (" " in word and word in key) or word in words or f"{word}s" in words:
            return family
    return families.family(ewc)


@dataclass
class CodeLists:
    """The official code lists the derived rows are checked against."""

    ewc_entries: set[str]
    nace: set[str]
    cpa: set[str]


@dataclass
class Tally:
    """What happened to the source rows, for the report printed at the end."""

    rows: int = 0
    no_ewc: int = 0
    no_description: int = 0
    all_codes_dropped: int = 0
    codes_invalid: int = 0
    codes_implausible: int = 0
    cpa_invalid: int = 0
    cas_invalid: int = 0
    sectors_unknown: Counter[str] = field(default_factory=Counter)
    missing_dutch: list[str] = field(default_factory=list)


@dataclass
class Term:
    """One derived term; exchanges with the same description and codes merge into one."""

    description: str
    ewc: tuple[str, ...]
    source: str
    cpa: list[str] = field(default_factory=list)
    cas: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)


def load_code_lists(sources: Path) -> CodeLists:
    def read(name: str) -> list[dict[str, str]]:
        with (sources / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    return CodeLists(
        ewc_entries={r["code"] for r in read("ewc.csv") if r["level"] == "3"},
        nace={r["code"] for r in read("nace_rev2.csv")},
        cpa={r["code"] for r in read("cpa_2_1.csv")},
    )


def cas_is_valid(cas: str) -> bool:
    """The CAS check digit: the weighted sum of the other digits, modulo 10."""
    match = re.fullmatch(r"(\d{2,7})-(\d{2})-(\d)", cas)
    if not match:
        return False
    digits = (match.group(1) + match.group(2))[::-1]
    return sum((i + 1) * int(d) for i, d in enumerate(digits)) % 10 == int(match.group(3))


def dotted_cas(compact: str) -> str:
    return f"{compact[:-3]}-{compact[-3:-1]}-{compact[-1]}"


def dotted_cpa(compact: str) -> str:
    return f"{compact[:2]}.{compact[2:4]}.{compact[4:6]}"


def nace_codes(raw: str, known: set[str], tally: Tally) -> list[str]:
    """Donor NACE as the database writes it ("3511", "101/102", "0110 / 0120") -> dotted codes.

    A class that does not exist ("01.10") falls back to its group, then its division, so the
    sector survives a sloppy source cell.
    """
    codes: list[str] = []
    for part in re.split(r"[/,]", raw):
        digits = part.strip()
        if not digits.isdigit():
            continue
        candidates = [digits[:2]]
        if len(digits) >= 3:
            candidates.insert(0, f"{digits[:2]}.{digits[2]}")
        if len(digits) >= 4:
            candidates.insert(0, f"{digits[:2]}.{digits[2:4]}")
        chosen = next((c for c in candidates if c in known), None)
        if chosen is None:
            tally.sectors_unknown[digits] += 1
        elif chosen not in codes:
            codes.append(chosen)
    return codes


class FamilyIndex:
    """Picks the most specific material family for a set of EWC entries.

    An exact six-digit member beats a prefix, and among exact members the family with the
    fewest codes wins (``wood_packaging`` over ``wood`` over ``packaging`` for 15 01 03).
    """

    def __init__(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            self._members = {r["family"]: r["ewc"].split() for r in csv.DictReader(handle)}

    def family(self, ewc: tuple[str, ...]) -> str:
        """The family of the first code that has one: the source lists the main code first."""
        for code in ewc:
            ranks = [
                (6 - len(member), len(members), name)
                for name, members in self._members.items()
                for member in members
                if code.startswith(member)
            ]
            if ranks:
                return min(ranks)[2]
        return ""


def derive(sources: Path) -> tuple[list[Term], Tally]:
    lists = load_code_lists(sources)
    tally = Tally()
    merged: dict[tuple[str, tuple[str, ...]], Term] = {}
    with (sources / "maestri_exchanges.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            tally.rows += 1
            description = " ".join(row["waste_description"].split())
            if description.upper() in {"", "NA", "ND"}:
                tally.no_description += 1
                continue
            raw_codes = [c for c in re.split(r"[/\s]+", row["ewc_code"]) if c]
            raw_codes = [c for c in raw_codes if c.upper() not in {"NA", "ND"}]
            if not raw_codes:
                tally.no_ewc += 1
                continue
            key = description.lower()
            codes: list[str] = []
            for code in raw_codes:
                if code not in lists.ewc_entries:
                    tally.codes_invalid += 1
                elif (key, code) in IMPLAUSIBLE:
                    tally.codes_implausible += 1
                else:
                    codes.append(code)
            if not codes:
                tally.all_codes_dropped += 1
                continue
            term = merged.setdefault(
                (key, tuple(codes)),
                Term(description, tuple(codes), f"maestri:{row['exchange_id']}"),
            )
            cpa = row["cpa_code"].strip()
            if cpa.isdigit() and len(cpa) == 6:
                if dotted_cpa(cpa) in lists.cpa:
                    if dotted_cpa(cpa) not in term.cpa:
                        term.cpa.append(dotted_cpa(cpa))
                else:
                    tally.cpa_invalid += 1
            for cas in re.split(r"[/\s]+", row["cas_code"]):
                if not cas.isdigit():
                    continue
                if cas_is_valid(dotted_cas(cas)):
                    if dotted_cas(cas) not in term.cas:
                        term.cas.append(dotted_cas(cas))
                else:
                    tally.cas_invalid += 1
            for sector in nace_codes(row["donor_nace"], lists.nace, tally):
                if sector not in term.sectors:
                    term.sectors.append(sector)
    return list(merged.values()), tally


def rows_for(terms: list[Term], families: FamilyIndex, tally: Tally) -> list[list[str]]:
    rows: list[list[str]] = []
    for term in terms:
        base = [
            " ".join(term.ewc),
            " ".join(term.cpa),
            " ".join(term.cas),
            " ".join(term.sectors),
            family_of(term.description, term.ewc, families),
            term.source,
        ]
        rows.append([term.description, "en", *base, ""])
        dutch = DUTCH.get(term.description.lower())
        if dutch is None:
            tally.missing_dutch.append(term.description)
        else:
            rows.append([dutch, "nl", *base, "nl rendering"])
    unique: list[list[str]] = []
    for row in rows:
        if row not in unique:
            unique.append(row)
    return unique


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    terms, tally = derive(args.sources)
    rows = rows_for(terms, FamilyIndex(FAMILIES), tally)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"{tally.rows} exchanges read")
    print(f"  {tally.no_description} without a usable description")
    print(f"  {tally.no_ewc} without an EWC code (heat, water, energy, products): not terms")
    print(f"  {tally.codes_invalid} EWC codes not in the List of Waste, dropped")
    print(f"  {tally.codes_implausible} EWC codes contradicting their description, dropped")
    print(f"  {tally.all_codes_dropped} exchanges skipped because no valid code was left")
    print(f"  {tally.cpa_invalid} CPA codes and {tally.cas_invalid} CAS numbers invalid, dropped")
    if tally.sectors_unknown:
        print(f"  unknown donor NACE: {dict(tally.sectors_unknown)}")
    print(f"{len(terms)} distinct descriptions -> {len(rows)} rows in {args.output}")
    if tally.missing_dutch:
        print(f"no Dutch rendering for: {tally.missing_dutch}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
