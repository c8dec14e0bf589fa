"""The law on a pair: what may never be proposed, and the barriers of both sides and the pair.

Bans leave a pair out (a broker must never be told to feed catering waste to pigs); the other
legal facts become barriers next to the match, because a permit or a registration can be
obtained. The receiver's region decides the law cited, as in the dossier: its jurisdiction is
derived from country and postcode the same way for register companies. An energy exchange
(heat, steam) hands over no waste, so no waste barrier is raised on it.

Texts cite: Regulation (EC) No 1069/2009 (animal by-products) art. 8-10 (categories), art. 11(1)(b)
(no catering waste to farmed animals), art. 35 (raw materials of petfood); Regulation (EC)
No 999/2001 art. 7 and Annex IV (feed ban on animal protein); Regulation (EC) No 183/2005 art. 9
(registration of feed business operators); Regulation (EU) 2024/1157 (shipments of waste,
applying from 21 May 2026); Regulation (EU) No 142/2011, Annex X, Chapter II, Section 4
(milk, milk-based and milk-derived products as feed: allowed under its conditions, so milk
products to a pig farm carry a barrier instead of the ban on other animal by-products).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from isassist.facts import Jurisdiction
from isassist.knowledge import get_knowledge
from isassist.knowledge.places import jurisdiction as jurisdiction_of_place
from isassist.register.fit import Fit, uses_of, words
from isassist.register.models import NewCompany, NewStream

_FEED_NACE = ("01.4", "10.91")
_PETFOOD_NACE = ("10.92",)
_CATERING_NACE = ("55", "56")
_CATERING_WORDS: tuple[str, ...] = (
    *("keukenafval", "etensresten", "catering", "swill", "restaurant", "frituurolie"),
    *("kitchen", "leftovers"),
)
_ABP_WORDS: tuple[str, ...] = (
    *("slachtbijproducten", "slachtafval", "bloed", "dierlijk", "dierlijke", "categorie"),
    *("kadavers", "maagdarminhoud", "animal", "blood"),
)
_ABP_FAMILIES = {"animal_byproduct", "manure"}
_MILK_WORDS: tuple[str, ...] = (
    *("wei", "melk", "karnemelk", "kaas", "kaaskorsten", "zuivel", "boter"),
    *("room", "yoghurt", "whey", "milk", "cheese", "dairy", "butter", "buttermilk"),
)
"""Milk products: category 3 (1069/2009 art. 10(e)/(f)) that farmed animals may eat under the
conditions of Regulation (EU) No 142/2011, Annex X, Chapter II, Section 4."""


def jurisdiction(company: NewCompany) -> Jurisdiction:
    """Whose law applies where the company is: Belgian regions by postcode, else by country."""
    return _jurisdiction(company.country, company.postcode)


@lru_cache(maxsize=4096)
def _jurisdiction(country_code: str | None, postcode: str | None) -> Jurisdiction:
    """The law area by the one rule the dossier uses (isassist.knowledge.places); a Belgian
    region is read from the postcode's range (1000-1299 Brussels, 1300-1499 and 4000-7999
    Wallonia, the rest Flanders)."""
    country = (country_code or "").upper() or None
    region: str | None = None
    if country == "BE":
        code = (postcode or "").strip()
        if not code.isdigit() or len(code) != 4:
            return "unknown"
        number = int(code)
        if 1000 <= number <= 1299:
            region = "Brussels-Capital"
        elif 1300 <= number <= 1499 or 4000 <= number <= 7999:
            region = "Wallonia"
        else:
            region = "Flanders"
    return jurisdiction_of_place(country, region)


def is_catering_waste(stream: NewStream, nace: str | None) -> bool:
    """Food waste from restaurants, canteens and kitchens, used cooking oil included
    (Regulation (EU) No 142/2011, Annex I point 22)."""
    if stream.kind != "material":
        return False
    return _catering(stream.name, stream.families, stream.ewc, nace)


@lru_cache(maxsize=65536)
def _catering(name: str, families: tuple[str, ...], ewc: tuple[str, ...], nace: str | None) -> bool:
    said = set(words(name))
    named = any(w.startswith(c) for w in said for c in _CATERING_WORDS)
    food = bool({"food_waste", "edible_oil"} & set(families)) or "200108" in ewc
    kitchen = bool(nace and nace.startswith(_CATERING_NACE))
    return named or (food and kitchen) or (kitchen and "frituurolie" in said)


def abp_category(stream: NewStream) -> int | None:
    """The animal by-product category the name states (1-3), 3 when an ABP says none."""
    return _abp(stream.name, stream.families)


@lru_cache(maxsize=65536)
def _abp(name: str, families: tuple[str, ...]) -> int | None:
    said = " ".join(words(name))
    for category in (1, 2, 3):
        if (
            f"categorie {category}" in said
            or f"cat. {category}" in said
            or f"category {category}" in said
        ):
            return category
    if _ABP_FAMILIES & set(families) or any(w in said.split() for w in _ABP_WORDS):
        return 2 if "mest" in said.split() or "manure" in said.split() else 3
    return None


def is_milk_product(stream: NewStream) -> bool:
    """Whey, cheese, milk: animal by-products that may be fed to farmed animals under
    conditions, unlike other animal by-products."""
    return _milk(stream.name, stream.families)


@lru_cache(maxsize=65536)
def _milk(name: str, families: tuple[str, ...]) -> bool:
    said = words(name)
    if "zoete" in said or "zure" in said:
        return "wei" in said or any(w.startswith(("melk", "room")) for w in said)
    return "whey" in families or any(
        w in _MILK_WORDS or w.startswith(("kaas", "melk", "zuivel")) for w in said
    )


def feeds_animals(want: NewStream, nace: str | None) -> Literal["farmed", "pets", "no"]:
    """Whether the receiver feeds it to farmed animals, to pets, or not at all."""
    if (nace and nace.startswith(_PETFOOD_NACE)) or "petfood" in words(want.name):
        return "pets"
    if "animal_feed" in uses_of(want.name) or (nace and nace.startswith(_FEED_NACE)):
        return "farmed"
    return "no"


@lru_cache(maxsize=65536)
def _never_hazardous(codes: tuple[str, ...]) -> bool:
    """Whether every code is an absolute non-hazardous entry of the list of waste (whey,
    spent grain): whether such a stream is hazardous is then no open question."""
    ewc = get_knowledge().ewc
    found = [ewc.get(c) for c in codes]
    return bool(found) and all(
        i is not None and i.hazardous is False and i.entry_type == "absolute" for i in found
    )


@dataclass(frozen=True)
class Legal:
    """The barrier codes of a pair, or why it is banned."""

    barriers: tuple[str, ...] = ()
    banned: str | None = None


def pair_law(
    supply: NewStream,
    supplier: NewCompany,
    want: NewStream,
    receiver: NewCompany,
    fit: Fit | None,
) -> Legal:
    """The legal side of one pair; ``fit`` is None for an energy exchange."""
    law = stream_law(supply, supplier.nace, want, receiver.nace)
    if law.banned:
        return law
    return Legal(law.barriers + place_barriers(supply, supplier, receiver))


def stream_law(
    supply: NewStream, supplier_nace: str | None, want: NewStream, receiver_nace: str | None
) -> Legal:
    """What the two streams and the two sectors decide: animal by-products, catering waste,
    feed, hazard. Without the supplier's sector (None) it is the least any supplier of that
    stream meets: a kitchen's sector only makes food waste catering waste, which adds a
    barrier or a ban, so matching may bound a whole kind of stream by it."""
    if supply.kind != "material":
        return Legal()
    barriers: list[str] = []
    feed = feeds_animals(want, receiver_nace)
    catering = _catering(supply.name, supply.families, supply.ewc, supplier_nace)
    category = abp_category(supply)
    milk = is_milk_product(supply)
    if catering and feed != "no":
        return Legal(banned="catering_to_feed")
    if milk and category is None:
        barriers.append("abp_milk" if feed == "farmed" else "abp")
    elif category is not None and feed == "farmed":
        return Legal(banned="abp_to_feed")
    if category in (1, 2) and feed == "pets":
        return Legal(banned="abp_category_to_petfood")
    if milk and category is None:
        pass
    elif catering or category is not None:
        barriers.append("abp")
    elif feed != "no":
        barriers.append("feed_registration")
    if supply.hazardous == "yes":
        barriers.append("hazardous_permit")
    elif supply.hazardous == "unknown" and not _never_hazardous(supply.ewc):
        barriers.append("hazard_unknown")
    return Legal(tuple(barriers))


def place_barriers(
    supply: NewStream, supplier: NewCompany, receiver: NewCompany
) -> tuple[str, ...]:
    """What the two places add for a material: a border or a regional line crossed."""
    if supply.kind != "material":
        return ()
    here, there = jurisdiction(supplier), jurisdiction(receiver)
    if supplier.country != receiver.country:
        return ("border",)
    if here != there and "unknown" not in (here, there):
        return ("region",)
    return ()
