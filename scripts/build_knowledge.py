"""Convert the collected classification sources into the committed files of knowledge/.

The raw sources (../shared/knowledge-sources beside the checkout) are large, mixed in
format and carry typos; the assistant must run offline from small, checked, normalised files.
Doing the conversion in one reproducible script, instead of by hand, means a corrected source
can be re-imported and the result reviewed as a diff. The output is deterministic (sorted rows,
fixed line endings) so rerunning the build on the same sources changes nothing.

Usage: ``uv run python scripts/build_knowledge.py [--sources DIR] [--out DIR]``
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = Path("..") / "shared" / "knowledge-sources"

# ---------------------------------------------------------------------------------------------
# Dutch EWC texts: the Dutch source is the pre-2014 Eural and has typos. Every change is listed
# here with the reason that ends up in the `nl_note` column and in knowledge/SOURCES.md.
# ---------------------------------------------------------------------------------------------

NL_WRITTEN: dict[str, tuple[str, str]] = {
    "010310": (
        "niet onder 01 03 07 vallende rode modder van de aluminiumoxideproductie die "
        "gevaarlijke stoffen bevat",
        "entry added by 2014/955/EU, absent from the Dutch source: Dutch text written for isassist",
    ),
    "160307": (
        "metallisch kwik",
        "entry added by 2014/955/EU, absent from the Dutch source: Dutch text written for isassist",
    ),
    "190308": (
        "gedeeltelijk gestabiliseerd kwik",
        "entry added by 2014/955/EU, absent from the Dutch source: Dutch text written for isassist",
    ),
    "010309": (
        "niet onder 01 03 10 vallende rode modder van de aluminiumoxideproductie",
        "Dutch source predates 2014/955/EU (pointed to 01 03 07): rewritten to the 2014 wording",
    ),
    "190304": (
        "niet onder 19 03 08 vallend, als gevaarlijk ingedeeld afval dat gedeeltelijk "
        "gestabiliseerd is",
        "Dutch source predates 2014/955/EU (no exclusion of 19 03 08): rewritten to the 2014 "
        "wording",
    ),
}

# code -> (wrong fragment, right fragment, note). The fragment must occur in the source text:
# if the source is ever corrected upstream, the build says so instead of silently mis-editing.
NL_MENDS: list[tuple[str, str, str, str]] = [
    ("0202", "voedsel van dierlijk", "voedsel van dierlijke oorsprong", "truncated text completed"),
    ("0203", "fer-mentatie", "fermentatie", "typo mended (stray hyphen)"),
    ("0207", "(exclusief en cacao)", "(exclusief koffie, thee en cacao)", "words lost in source"),
    ("04", "Afval de leer-", "Afval van de leer-", "missing word 'van' added"),
    ("020501", "vewerking", "verwerking", "typo mended"),
    ("070217", "bevat dat die vermeld", "bevat dan die vermeld", "typo mended ('dat' -> 'dan')"),
    (
        "0802",
        "(inclusief keramisch materiaal",
        "(inclusief keramisch materiaal)",
        "closing bracket",
    ),
    ("080115", "gevaarlijke stoffen", "gevaarlijke stoffen bevat", "missing verb 'bevat' added"),
    ("080117", "andere gevaarlijk bevat", "andere gevaarlijke stoffen bevat", "missing word"),
    ("080119", "gevaarlijke bevatten", "gevaarlijke stoffen bevatten", "missing word 'stoffen'"),
    (
        "090113",
        "van ter plaatse uitgevoerde terug zilver",
        "van de terugwinning van zilver ter plaatse",
        "garbled text rewritten after the English",
    ),
    ("100125", "elektriciteitscentrale", "elektriciteitscentrales", "plural as in the English"),
    (
        "100214",
        "verkegen",
        "verkregen",
        "typo mended",
    ),
    (
        "100325",
        "bij met gasreiniging vrijkomende slib en filterkoek",
        "bij gasreiniging vrijkomende slib en filterkoek die gevaarlijke stoffen bevatten",
        "garbled and incomplete text rewritten after the English",
    ),
    ("100510", "gevaarlijke h brandbare", "gevaarlijke hoeveelheden brandbare", "truncated word"),
    ("100810", "gevaarlijke h brandbare", "gevaarlijke hoeveelheden brandbare", "truncated word"),
    ("101311", "composietmateriaal", "composietmaterialen", "plural agrees with 'cementhoudende'"),
    ("110504", "fluxbad afval", "fluxbadafval", "compound written as one word"),
    ("130306", "warmteoven", "warmteoverdracht", "truncated word"),
    ("1304", "bilge olie", "bilgeolie", "compound written as one word"),
    ("130401", "bilge olie", "bilgeolie", "compound written as one word"),
    ("130402", "bilge olie", "bilgeolie", "compound written as one word"),
    ("130403", "bilge olie", "bilgeolie", "compound written as one word"),
    ("130501", "stofffen", "stoffen", "typo mended"),
    (
        "130703",
        "overige brandstoffen uit zandvangers en olie/waterscheiders",
        "overige brandstoffen (inclusief mengsels)",
        "text copied from 13 05 08 in source: rewritten after the English",
    ),
    ("150105", "composietverapkking", "composietverpakking", "typo mended"),
    (
        "1601",
        "(met inbegrip van niet bestemde machines) en afval van de sloop van afgedankte "
        "voertuigen en het ond voertuigen",
        "(met inbegrip van niet voor de weg bestemde machines) en afval van de sloop van "
        "afgedankte voertuigen en van het onderhoud van voertuigen",
        "words lost in source restored after the English",
    ),
    ("160114", "antievriesvloeistoffen", "antivriesvloeistoffen", "spelling as in 16 01 15"),
    ("160210", "daarmee verontreinigd", "daarmee verontreinigd is", "missing verb 'is' added"),
    ("160507", "afgedankte organische", "afgedankte anorganische", "source repeated 16 05 08"),
    ("160802", "overgangs metalen", "overgangsmetalen", "compound written as one word"),
    ("160803", "overgangs metalen", "overgangsmetalen", "compound written as one word"),
    (
        "161102",
        "niet onder 16 10 01 vallend waterig vloeibaar afval",
        "niet onder 16 11 01 vallend koolstofhoudend ovenpuin van metallurgische processen",
        "source repeated 16 10 02: rewritten after the English",
    ),
    ("1604", "afval explosieven", "afval van explosieven", "missing word 'van' added"),
    (
        "170106",
        "mengsels van beton, stenen, tegels of keramische producten, of afzonderlijke fracties "
        "gevaarlijke stoffen bevatten",
        "mengsels of afzonderlijke fracties van beton, stenen, tegels of keramische producten "
        "die gevaarlijke stoffen bevatten",
        "garbled sentence rewritten after the English",
    ),
    ("170902", "vewerkt", "verwerkt", "typo mended"),
    ("180203", "zijin", "zijn", "typo mended"),
    ("190812", "industreel", "industrieel", "typo mended"),
    ("190813", "afvalwater gevaarlijke", "afvalwater dat gevaarlijke", "missing word 'dat'"),
    (
        "191003",
        "lichte fractie die en stof dat gevaarlijke stoffen bevat",
        "lichte fractie en stof die gevaarlijke stoffen bevatten",
        "garbled sentence mended",
    ),
    ("1912", "bre ,", "breken,", "truncated word"),
]

# ---------------------------------------------------------------------------------------------
# Belgian postcodes: the first digits give the province (bpost's ranges), needed to anonymise a
# company to its region without storing its address.
# ---------------------------------------------------------------------------------------------

# (first, last, province_nl, province_en, region_nl, region_en)
PROVINCE_RANGES: list[tuple[int, int, str, str, str, str]] = [
    (1000, 1299, "Brussel", "Brussels", "Brussels Hoofdstedelijk Gewest", "Brussels-Capital"),
    (1300, 1499, "Waals-Brabant", "Walloon Brabant", "Waals Gewest", "Wallonia"),
    (1500, 1999, "Vlaams-Brabant", "Flemish Brabant", "Vlaams Gewest", "Flanders"),
    (2000, 2999, "Antwerpen", "Antwerp", "Vlaams Gewest", "Flanders"),
    (3000, 3499, "Vlaams-Brabant", "Flemish Brabant", "Vlaams Gewest", "Flanders"),
    (3500, 3999, "Limburg", "Limburg", "Vlaams Gewest", "Flanders"),
    (4000, 4999, "Luik", "Liège", "Waals Gewest", "Wallonia"),
    (5000, 5999, "Namen", "Namur", "Waals Gewest", "Wallonia"),
    (6000, 6599, "Henegouwen", "Hainaut", "Waals Gewest", "Wallonia"),
    (6600, 6999, "Luxemburg", "Luxembourg", "Waals Gewest", "Wallonia"),
    (7000, 7999, "Henegouwen", "Hainaut", "Waals Gewest", "Wallonia"),
    (8000, 8999, "West-Vlaanderen", "West Flanders", "Vlaams Gewest", "Flanders"),
    (9000, 9999, "Oost-Vlaanderen", "East Flanders", "Vlaams Gewest", "Flanders"),
]

# Dutch names of the recovery and disposal operations (written for isassist, after the Dutch
# wording of Directive 2008/98/EC Annexes I and II).
WASTE_OPERATION_NL: dict[str, str] = {
    "R1": "hoofdzakelijk gebruik als brandstof of als andere wijze van energieopwekking",
    "R2": "terugwinning of regeneratie van oplosmiddelen",
    "R3": "recycling of terugwinning van organische stoffen die niet als oplosmiddel worden "
    "gebruikt (inclusief compostering en andere biologische omzetting)",
    "R4": "recycling of terugwinning van metalen en metaalverbindingen",
    "R5": "recycling of terugwinning van andere anorganische materialen",
    "R6": "regeneratie van zuren en basen",
    "R7": "terugwinning van bestanddelen die worden gebruikt om verontreiniging te bestrijden",
    "R8": "terugwinning van bestanddelen uit katalysatoren",
    "R9": "herraffinage van olie of ander hergebruik van olie",
    "R10": "uitspreiding op of in de bodem ten behoeve van de landbouw of de ecologie",
    "R11": "gebruik van afvalstoffen die bij een van de handelingen R1 tot en met R10 vrijkomen",
    "R12": "uitwisseling van afvalstoffen voor een van de handelingen R1 tot en met R11",
    "R13": "opslag van afvalstoffen in afwachting van een van de handelingen R1 tot en met "
    "R12 (met uitzondering van voorlopige opslag vóór inzameling op de plaats van "
    "productie)",
    "D1": "storten op of in de bodem (bv. stortplaats)",
    "D2": "behandeling in het milieu (bv. biologische afbraak van vloeibare afvalstoffen of "
    "slib in de bodem)",
    "D3": "injectie in de diepte (bv. van verpompbare afvalstoffen in putten, zoutkoepels "
    "of natuurlijke holten)",
    "D4": "opslag in oppervlakte-bekkens (bv. lozing van vloeibare afvalstoffen of slib in "
    "putten, vijvers of lagunes)",
    "D5": "speciaal ingerichte stortplaats (bv. in afgedekte, van elkaar en van het milieu "
    "gescheiden cellen)",
    "D6": "lozing in wateren, behalve zeeën en oceanen",
    "D7": "lozing in zeeën en oceanen, inclusief inbrengen in de zeebodem",
    "D8": "niet elders in deze bijlage genoemde biologische behandeling waarbij "
    "verbindingen of mengsels ontstaan die met een van de handelingen D1 tot en met D12 "
    "worden verwijderd",
    "D9": "niet elders in deze bijlage genoemde fysisch-chemische behandeling waarbij "
    "verbindingen of mengsels ontstaan die met een van de handelingen D1 tot en met D12 "
    "worden verwijderd (bv. indampen, drogen, calcineren)",
    "D10": "verbranding op het land",
    "D11": "verbranding op zee",
    "D12": "permanente opslag (bv. plaatsing van containers in een mijn)",
    "D13": "vermenging vóór een van de handelingen D1 tot en met D12",
    "D14": "herverpakking vóór een van de handelingen D1 tot en met D13",
    "D15": "opslag in afwachting van een van de handelingen D1 tot en met D14 (met "
    "uitzondering van voorlopige opslag vóór inzameling op de plaats van productie)",
}

# MAESTRI case prose -> barrier categories (the taxonomy of METHOD.md). Keyword stems are
# matched on the case's stated barriers and challenge; only the category, never the prose,
# is shipped.
BARRIER_KEYWORDS: dict[str, tuple[str, ...]] = {
    "economic": ("cost", "econom", "price", "invest", "financ", "profit", "market", "fund"),
    "technical": ("technic", "technolog", "quality", "standard", "infrastructure", "facilit"),
    "regulatory": ("regulat", "legislat", " law", "permit", "legal", "policy", "authoris"),
    "organisational": ("core business", "focus", "organi", "management", "operations"),
    "informational": ("aware", "information", "knowledge", "mapping", "identify", "data"),
    "social": ("trust", "confidential", "cooperat", "communit", "social", "relationship"),
    "geographic": ("distance", "transport", "locat", "proximity", "geograph"),
}

BENEFITS = {"economic", "environmental", "social"}
COMPLETION = {"C": "completed", "TBC": "to_be_confirmed", "FS": "feasibility_study"}
STATUS = {
    "Implemented": "implemented",
    "Planned": "planned",
    "Under feasibility study": "feasibility_study",
}
MISSING = {"", "NA", "ND", "N/A"}


class BuildError(Exception):
    """A source file does not have the shape the build relies on."""


# --------------------------------------------------------------------------------- helpers


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise BuildError(f"{path}: source file missing")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
            count += 1
    return count


def cas_check_digit(digits: str) -> int:
    """The CAS check digit of the digits before it (weights 1, 2, 3... from the right)."""
    return sum(int(d) * w for w, d in enumerate(reversed(digits), start=1)) % 10


def cas_ok(cas: str) -> bool:
    match = re.fullmatch(r"(\d{2,7})-(\d{2})-(\d)", cas)
    return bool(match) and cas_check_digit(match.group(1) + match.group(2)) == int(match.group(3))


def cas_from_compact(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    return f"{digits[:-3]}-{digits[-3:-1]}-{digits[-1]}"


def split_multi(raw: str, separators: str = r"[|/;,]") -> list[str]:
    return [part.strip() for part in re.split(separators, raw) if part.strip()]


def warn(message: str) -> None:
    print(f"  note: {message}", file=sys.stderr)


# ------------------------------------------------------------------------------------- EWC


def build_ewc(src: Path, out: Path) -> dict[str, dict[str, str]]:
    rows = read_rows(src / "ewc.csv")
    by_code = {row["code"]: row for row in rows}
    texts = {code: row["description_nl"] for code, row in by_code.items()}
    notes: dict[str, list[str]] = defaultdict(list)
    for code, (text, note) in NL_WRITTEN.items():
        texts[code] = text
        notes[code].append(note)
    for code, wrong, right, note in NL_MENDS:
        if wrong not in texts[code]:
            raise BuildError(f"ewc.csv {code}: expected '{wrong}' in Dutch text (source changed?)")
        texts[code] = texts[code].replace(wrong, right, 1)
        notes[code].append(f"{note}: '{wrong}' -> '{right}'")
    missing_nl = [code for code, text in texts.items() if not text.strip()]
    if missing_nl:
        raise BuildError(f"ewc.csv: no Dutch text for {', '.join(missing_nl)}")

    # "other than those mentioned in 01 04 07 and 01 04 11" also names a non-hazardous sibling
    # (01 04 11): only a hazardous/non-hazardous pair is a mirror, so same-flag codes are dropped.
    partners: dict[str, set[str]] = {
        code: {
            other
            for other in row["mirror_partners"].split()
            if by_code.get(other, {}).get("hazardous") != row["hazardous"]
        }
        for code, row in by_code.items()
    }
    # The source derives partners from the non-hazardous side; make the relation symmetric so
    # a look-up from either side shows the other.
    for code in list(partners):
        for other in partners[code]:
            if other not in by_code:
                raise BuildError(f"ewc.csv {code}: mirror partner {other} is not an EWC code")
            partners[other].add(code)

    levels = {"1": 1, "2": 2, "3": 3}
    out_rows = []
    for code in sorted(by_code, key=lambda c: (c.ljust(6, "0"), len(c))):
        row = by_code[code]
        level = levels[row["level"]]
        entry_type = row["entry_type"].split("_")[0] if level == 3 else ""
        hazardous = "" if level < 3 else ("true" if row["hazardous"] == "true" else "false")
        out_rows.append(
            [
                code,
                level,
                row["parent"],
                row["description_en"].strip(),
                texts[code].strip(),
                hazardous,
                entry_type,
                " ".join(sorted(partners[code])),
                "; ".join(notes[code]),
            ]
        )
    header = [
        "code",
        "level",
        "parent",
        "text_en",
        "text_nl",
        "hazardous",
        "entry_type",
        "mirror_partners",
        "nl_note",
    ]
    write_rows(out / "ewc.csv", header, out_rows)
    counts = Counter(r[1] for r in out_rows)
    hazardous_count = sum(1 for r in out_rows if r[5] == "true")
    print(
        f"ewc.csv: {counts[1]} chapters, {counts[2]} sub-chapters, {counts[3]} entries, "
        f"{hazardous_count} hazardous, {sum(1 for r in out_rows if r[8])} Dutch texts written "
        "or mended"
    )
    return by_code


# ------------------------------------------------------------------------------ NACE / CPA


def build_nace(src: Path, out: Path) -> set[str]:
    rows = read_rows(src / "nace_rev2.csv")
    header = ["code", "level", "parent", "section", "title_en", "title_nl", "isic_rev4"]
    out_rows = [
        [
            r["code"],
            r["level"],
            r["parent"],
            r["section"],
            r["title_en"],
            r["title_nl"],
            r["isic_rev4"],
        ]
        for r in rows
    ]
    write_rows(out / "nace.csv", header, out_rows)
    print(f"nace.csv: {len(out_rows)} items ({Counter(r[1] for r in out_rows)['4']} classes)")
    return {r["code"] for r in rows}


def build_cpa(src: Path, out: Path) -> set[str]:
    rows = read_rows(src / "cpa_2_1.csv")
    header = ["code", "level", "parent", "section", "title_en", "nace"]
    out_rows = [
        [r["code"], r["level"], r["parent"], r["section"], r["title_en"], r["nace_rev2"]]
        for r in rows
    ]
    write_rows(out / "cpa.csv", header, out_rows)
    print(f"cpa.csv: {len(out_rows)} items")
    return {r["code"] for r in rows}


def build_crosswalk(src: Path, out: Path, nace: set[str], cpa: set[str]) -> None:
    rows = read_rows(src / "crosswalk_nace_rev2_cpa_2_1.csv")
    out_rows = []
    for r in rows:
        if r["nace_rev2_class"] not in nace or r["cpa_2_1_class"] not in cpa:
            raise BuildError(
                f"crosswalk: unknown code in {r['nace_rev2_class']}/{r['cpa_2_1_class']}"
            )
        relation = "identical" if r["relation"].startswith("identical") else "spans"
        out_rows.append([r["nace_rev2_class"], r["cpa_2_1_class"], relation])
    out_rows.sort()
    n = write_rows(out / "nace_cpa.csv", ["nace", "cpa", "relation"], out_rows)
    print(f"nace_cpa.csv: {n} rows")


def build_waste_operations(src: Path, out: Path) -> None:
    rows = read_rows(src / "waste_operations_rd.csv")
    out_rows = []
    for r in rows:
        if r["code"] not in WASTE_OPERATION_NL:
            raise BuildError(f"waste_operations_rd.csv: no Dutch text for {r['code']}")
        out_rows.append(
            [r["code"], r["type"], r["name_en"], WASTE_OPERATION_NL[r["code"]], r["description_en"]]
        )
    header = ["code", "type", "name_en", "text_nl", "text_en"]
    n = write_rows(out / "waste_operations.csv", header, out_rows)
    print(f"waste_operations.csv: {n} operations")


def build_postcodes(src: Path, out: Path) -> None:
    rows = read_rows(src / "be_postcodes.csv")
    out_rows = []
    for r in rows:
        number = int(r["postcode"])
        place = next((p for p in PROVINCE_RANGES if p[0] <= number <= p[1]), None)
        if place is None:
            raise BuildError(f"be_postcodes.csv: postcode {number} outside the Belgian ranges")
        lon, lat = float(r["lon"]), float(r["lat"])
        if not (2.4 <= lon <= 6.5 and 49.4 <= lat <= 51.6):
            raise BuildError(f"be_postcodes.csv: {number} {r['locality']} lies outside Belgium")
        out_rows.append([r["postcode"], r["locality"], f"{lon:.5f}", f"{lat:.5f}", *place[2:]])
    out_rows.sort(key=lambda row: (row[0], row[1]))
    header = [
        "postcode",
        "locality",
        "lon",
        "lat",
        "province_nl",
        "province_en",
        "region_nl",
        "region_en",
    ]
    n = write_rows(out / "postcodes.csv", header, out_rows)
    print(f"postcodes.csv: {n} localities, {len({r[0] for r in out_rows})} postcodes")


# ------------------------------------------------------------------------------------- CAS


def _hazard_codes(raw: str) -> str:
    return " ".join(dict.fromkeys(re.findall(r"EUH\d{3}[A-Za-z]*|H\d{3}[A-Za-z]*", raw)))


def build_cas(src: Path, out: Path) -> set[str]:
    rows = read_rows(src / "cas_substances.csv")
    out_rows = []
    for r in rows:
        if not cas_ok(r["cas"]):
            raise BuildError(f"cas_substances.csv: CAS {r['cas']} fails its check digit")
        out_rows.append(
            [
                r["cas"],
                r["name"].strip(),
                r["formula"],
                r["ec_number"] if re.fullmatch(r"\d{3}-\d{3}-\d", r["ec_number"]) else "",
                r["clp_hazard_class_category"],
                _hazard_codes(r["clp_hazard_statements"]),
                r["synonyms_en"],
                r["synonyms_nl"],
            ]
        )
    out_rows.sort(key=lambda row: [int(part) for part in row[0].split("-")])
    header = [
        "cas",
        "name",
        "formula",
        "ec_number",
        "hazard_classes",
        "hazard_statements",
        "synonyms_en",
        "synonyms_nl",
    ]
    n = write_rows(out / "cas.csv", header, out_rows)
    print(f"cas.csv: {n} substances ({sum(1 for r in out_rows if r[7])} with Dutch synonyms)")
    return {r["cas"] for r in rows}


def check_curated_cas(src: Path, out: Path) -> None:
    """cas_curated.csv is written by hand: verify it against the EC inventory, never rewrite."""
    curated = read_rows(out / "cas_curated.csv")
    ec_by_cas: dict[str, str] = {}
    with (src / "ec_inventory.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            if r["cas"]:
                ec_by_cas.setdefault(r["cas"], r["ec_number"])
    single = 0
    for line, r in enumerate(curated, start=2):
        where = f"cas_curated.csv line {line} ({r['name_en']})"
        if r["no_single_cas"] == "true":
            if r["cas"]:
                raise BuildError(f"{where}: no_single_cas but a CAS number is given")
            continue
        single += 1
        if not cas_ok(r["cas"]):
            raise BuildError(f"{where}: CAS {r['cas']} fails its check digit")
        known = ec_by_cas.get(r["cas"], "")
        if known and r["ec_number"] != known:
            raise BuildError(f"{where}: EC number should be {known} (EC inventory)")
        if r["ec_number"] and not known:
            raise BuildError(f"{where}: EC {r['ec_number']} not found for {r['cas']}")
    print(
        f"cas_curated.csv: {len(curated)} materials checked, {single} with a CAS number, "
        f"{len(curated) - single} marked no_single_cas"
    )


# ------------------------------------------------------------------------------- MAESTRI


def _nace_codes(raw: str, nace: set[str], where: str) -> list[str]:
    codes = []
    for part in split_multi(raw):
        if part in MISSING:
            continue
        digits = re.sub(r"\D", "", part)
        candidates = [digits]
        if len(digits) == 4:
            # "0110" names group 01.1 and "2000" division 20 in the MAESTRI sheet
            candidates = [f"{digits[:2]}.{digits[2:]}", f"{digits[:2]}.{digits[2]}"]
            if digits.endswith("00"):
                candidates.append(digits[:2])
        elif len(digits) == 3:
            candidates = [f"{digits[:2]}.{digits[2]}"]
        found = next((c for c in candidates if c in nace), None)
        if found is None:
            warn(f"{where}: NACE '{part}' not in NACE Rev. 2, dropped")
        elif found not in codes:
            codes.append(found)
    return codes


def _ewc_codes(raw: str, ewc: dict[str, dict[str, str]], where: str) -> list[str]:
    codes = []
    for part in split_multi(raw):
        if part in MISSING:
            continue
        code = re.sub(r"\D", "", part)
        if code in ewc and ewc[code]["level"] == "3":
            codes.append(code)
        else:
            warn(f"{where}: EWC '{part}' is not an EWC entry, dropped")
    return codes


def _cpa_codes(raw: str, cpa: set[str], where: str) -> list[str]:
    codes = []
    for part in split_multi(raw):
        if part in MISSING:
            continue
        digits = re.sub(r"\D", "", part)
        dotted = ".".join(digits[i : i + 2] for i in range(0, len(digits), 2))
        # a sub-category missing from CPA 2.1 falls back to its category ("19.20.3")
        found = next((c for c in (dotted, dotted[:-1]) if c in cpa), None)
        if found:
            codes.append(found)
        else:
            warn(f"{where}: CPA '{part}' not in CPA 2.1, dropped")
    return codes


def _cas_codes(raw: str, where: str) -> list[str]:
    codes = []
    for part in split_multi(raw):
        if part in MISSING:
            continue
        cas = cas_from_compact(part)
        if cas_ok(cas):
            codes.append(cas)
        else:
            warn(f"{where}: CAS '{part}' fails its check digit, dropped")
    return codes


def _text(raw: str) -> str:
    return "" if raw.strip() in MISSING else " ".join(raw.split())


def build_exchanges(
    src: Path, out: Path, ewc: dict[str, dict[str, str]], nace: set[str], cpa: set[str]
) -> list[list[str]]:
    rows = read_rows(src / "maestri_exchanges.csv")
    out_rows = []
    for r in rows:
        parts = [p.strip() for p in r["exchange_id"].split(",")]
        exchange_id = "-".join(parts)
        where = f"maestri_exchanges.csv {exchange_id}"
        status = STATUS.get(r["status"])
        if status is None:
            raise BuildError(f"{where}: unknown status {r['status']!r}")
        out_rows.append(
            [
                exchange_id,
                "-".join(parts[:2]),
                _text(r["donor_business"]),
                " ".join(_nace_codes(r["donor_nace"], nace, where)),
                _text(r["receiver_business"]),
                " ".join(_nace_codes(r["receiver_nace"], nace, where)),
                _text(r["waste_description"]),
                " ".join(_ewc_codes(r["ewc_code"], ewc, where)),
                "true" if r["ewc_hazardous"] == "Yes" else "false",
                " ".join(_cpa_codes(r["cpa_code"], cpa, where)),
                " ".join(_cas_codes(r["cas_code"], where)),
                _text(r["final_use"]),
                _text(r["treatment_owner"]).lower().replace(" / ", "+").replace(" ", "_"),
                _text(r["treatment_description"]),
                _text(r["third_party_business"]),
                " ".join(_nace_codes(r["third_party_nace"], nace, where)),
                status,
                "true" if r["quantities_in_source"] == "Yes" else "false",
            ]
        )
    out_rows.sort(key=lambda row: [int(p) for p in row[0].split("-")])
    header = [
        "exchange_id",
        "case_id",
        "donor_business",
        "donor_nace",
        "receiver_business",
        "receiver_nace",
        "description",
        "ewc",
        "ewc_hazardous",
        "cpa",
        "cas",
        "final_use",
        "treatment_owner",
        "treatment",
        "third_party_business",
        "third_party_nace",
        "status",
        "quantities_in_source",
    ]
    write_rows(out / "exchanges.csv", header, out_rows)
    with_ewc = sum(1 for row in out_rows if row[7])
    print(f"exchanges.csv: {len(out_rows)} exchanges ({with_ewc} with EWC codes)")
    return out_rows


def _barrier_categories(text: str) -> list[str]:
    lowered = f" {text.lower()} "
    if lowered.strip() in {"nd", "na", ""}:
        return []
    return [cat for cat, stems in BARRIER_KEYWORDS.items() if any(s in lowered for s in stems)]


def build_cases(src: Path, out: Path, exchanges: list[list[str]]) -> None:
    rows = read_rows(src / "maestri_cases.csv")
    by_case: dict[str, list[list[str]]] = defaultdict(list)
    for exchange in exchanges:
        by_case[exchange[1]].append(exchange)
    out_rows = []
    for r in rows:
        case_id = f"{r['case_id']}-{r['source_id']}"
        own = by_case.get(case_id, [])
        divisions = sorted(
            {code[:2] for ex in own for field in (ex[3], ex[5]) for code in field.split()}
        )
        benefits = sorted(BENEFITS & {b.strip() for b in r["benefit_types"].split(";")})
        out_rows.append(
            [
                case_id,
                _text(r["authors"]),
                _text(r["year"]),
                _text(r["title"]),
                _text(r["link"]),
                _text(r["country"]),
                r["typology"].strip().lower().replace(" ", "_"),
                " ".join(benefits),
                COMPLETION.get(r["completion"], ""),
                " ".join(_barrier_categories(r["main_barriers"])),
                " ".join(divisions),
                len(own),
                sum(1 for ex in own if ex[16] == "implemented"),
            ]
        )
    out_rows.sort(key=lambda row: [int(p) for p in str(row[0]).split("-")])
    header = [
        "case_id",
        "authors",
        "year",
        "title",
        "link",
        "country",
        "typology",
        "benefit_types",
        "completion",
        "barrier_categories",
        "sectors",
        "exchanges",
        "implemented",
    ]
    write_rows(out / "cases.csv", header, out_rows)
    orphans = sorted({ex[1] for ex in exchanges} - {str(row[0]) for row in out_rows})
    print(
        f"cases.csv: {len(out_rows)} cases ({sum(1 for r in out_rows if r[9])} with barrier "
        f"categories); exchanges citing a source without a case row: {', '.join(orphans)}"
    )


# ------------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=REPO / DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=REPO / "knowledge")
    args = parser.parse_args(argv)
    src: Path = args.sources.resolve()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    try:
        ewc = build_ewc(src, out)
        nace = build_nace(src, out)
        cpa = build_cpa(src, out)
        build_crosswalk(src, out, nace, cpa)
        build_waste_operations(src, out)
        build_postcodes(src, out)
        build_cas(src, out)
        check_curated_cas(src, out)
        exchanges = build_exchanges(src, out, ewc, nace, cpa)
        build_cases(src, out, exchanges)
    except BuildError as error:
        print(f"build_knowledge: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
