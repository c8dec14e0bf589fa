"""Quantities as people say them ("ongeveer 200 ton per jaar", "500 kW, 6000 h/j") turned into
a value, a unit and the per-year figure the rule base reasons with.

Every guess the parser makes (a period assumed, a range's midpoint, a density) is written into
``note`` so the broker sees it and can correct it; anything it cannot settle becomes a
``QuantityError`` that says what to type instead.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from isassist.lang import Lang
from isassist.units.densities import density_for
from isassist.units.errors import QuantityError, both, check_text, fmt, quantity_error
from isassist.units.registry import convert, pint_kind
from isassist.units.scan import AmountGroup, scan
from isassist.units.tokens import tidy, tokenize
from isassist.units.unknown import is_unknown_answer
from isassist.units.vocabulary import (
    HOURS_PER_PERIOD,
    PERIOD_NAMES,
    PERIODS_PER_YEAR,
    UNITS,
    Period,
    UnitSpec,
)

HOURS_PER_YEAR = 8760.0
MAX_TONNES_PER_YEAR = 1e8
MAX_M3_PER_YEAR = 1e9
MAX_NM3_PER_YEAR = 1e11
MAX_MWH_PER_YEAR = 1e8
MAX_POWER_KW = 1e7

# kind -> (unit of the per-year figure, pint name of that unit)
_PER_YEAR_UNITS = {
    "mass": ("t", "t"),
    "volume": ("m3", "m**3"),
    "gas": ("Nm3", "m**3"),
    "energy": ("MWh", "MWh"),
}
_LIMITS = {
    "t": (MAX_TONNES_PER_YEAR, "100 miljoen t/jaar", "100 million t/year"),
    "m3": (MAX_M3_PER_YEAR, "1 miljard m³/jaar", "1 billion m³/year"),
    "Nm3": (MAX_NM3_PER_YEAR, "100 miljard Nm³/jaar", "100 billion Nm³/year"),
    "MWh": (MAX_MWH_PER_YEAR, "100 TWh/jaar", "100 TWh/year"),
}


@dataclass(frozen=True)
class ParsedQuantity:
    """A typed quantity, as given and normalised per year.

    ``value``/``unit``/``period`` are what the user said (a range's midpoint for ``value``);
    ``per_year_value``/``per_year_unit`` the yearly figure in t, m3, Nm3, MWh or h, or ``None``
    when it needs something not given (the operating hours of a rate per hour).
    """

    value: float
    unit: str
    period: Period | None
    per_year_value: float | None
    per_year_unit: str | None
    tonnes_per_year: float | None
    power_kw: float | None
    hours_per_year: float | None
    approximate: bool
    note: str
    low: float | None = None
    high: float | None = None
    density_t_m3: float | None = None
    vague: str = ""
    """The vague words read as a range ("een paar", "several hundred"); empty for a figure."""


class _Notes:
    """Explanations in both languages; the result carries them in the user's language."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, nl: str, en: str) -> None:
        self.items.append((nl, en))

    def text(self, lang: Lang) -> str:
        return " ".join(nl if lang == "nl" else en for nl, en in self.items)


def parse_quantity(
    text: str,
    lang: Lang = "nl",
    *,
    family: str | None = None,
    density_t_m3: float | None = None,
    default_period: Period | None = "year",
    default_unit: str | None = None,
    hours_per_year: float | None = None,
    shifts_per_year: float | None = None,
) -> ParsedQuantity:
    """Read a quantity typed in Dutch or English.

    ``lang`` resolves "1,200" (1.2 in Dutch, 1200 in English) and picks the language of the
    note. ``family`` (or ``density_t_m3``) lets a volume become tonnes. ``default_period`` is
    assumed, and said so in the note, when the answer names none; ``None`` makes a missing
    period an error instead. ``default_unit`` serves answers to "how many tonnes?" that are a
    bare number. ``hours_per_year`` and ``shifts_per_year`` come from earlier answers.
    """
    cleaned = check_text(text, lang)
    if is_unknown_answer(cleaned):
        raise quantity_error("unknown_answer", lang, text=cleaned)
    found = scan(tokenize(cleaned), lang)
    if not found.groups:
        raise quantity_error("not_a_number", lang, text=cleaned)
    notes = _Notes()
    for group in found.groups:
        if group.negative:
            raise quantity_error("negative", lang, value=both(-group.value))
        try:
            _resolve_unit(group, default_unit, lang, notes, first=group is found.groups[0])
        except QuantityError as error:
            if error.kind != "missing_unit" or not found.vague:
                raise
            # "honderdduizenden" alone: say the words back, not a midpoint nobody typed
            raise quantity_error("missing_unit", lang, value=" ".join(found.vague)) from None
    main, hours_group, events = _roles(found.groups, lang)
    hours = _hours(hours_group, hours_per_year, found.continuous, lang, notes)
    if events is not None:
        _apply_events(main, events, lang, notes)
    approximate = found.approximate or main.high is not None
    vague = " ".join(found.vague)
    if vague and main.high is not None:
        notes.add(
            f"'{vague}' is geen getal: gelezen als {fmt(main.low, 'nl')}–{fmt(main.high, 'nl')};"
            " geef een getal zodra het bekend is.",
            f"'{vague}' is not a figure: read as {fmt(main.low, 'en')}–{fmt(main.high, 'en')};"
            " give a number once it is known.",
        )
    elif main.high is not None:
        notes.add(
            f"Midden van {fmt(main.low, 'nl')}–{fmt(main.high, 'nl')} genomen.",
            f"Took the midpoint of {fmt(main.low, 'en')}–{fmt(main.high, 'en')}.",
        )
    assert main.unit is not None
    spec = main.unit
    if spec.kind == "time":
        result = _hours_only(main, approximate, lang, notes)
    elif spec.kind == "power":
        result = _power(main, hours, approximate, lang, notes)
    else:
        result = _amount(
            main,
            hours,
            approximate,
            lang,
            notes,
            _density(family, density_t_m3),
            default_period,
            shifts_per_year,
        )
    return replace(result, vague=vague) if vague else result


def _resolve_unit(
    group: AmountGroup, default_unit: str | None, lang: Lang, notes: _Notes, *, first: bool
) -> None:
    if group.unit is not None:
        return
    if group.unit_word is not None:
        known = pint_kind(group.unit_word)
        if known is None:
            raise quantity_error("unknown_unit", lang, unit=group.unit_word)
        kind, pint_name = known
        group.unit = UnitSpec(pint_name, kind, pint_name)
        return
    if first and default_unit is not None:
        spec = UNITS.get(default_unit.lower())
        if spec is not None:
            group.unit = spec
            notes.add(
                f"Eenheid {spec.symbol} aangenomen.",
                f"Assumed the unit is {spec.symbol}.",
            )
            return
    raise quantity_error("missing_unit", lang, value=both(group.value))


def _roles(
    groups: list[AmountGroup], lang: Lang
) -> tuple[AmountGroup, AmountGroup | None, AmountGroup | None]:
    """Which group is the amount, which the operating hours, which a "2 keer per week"."""
    amounts = [g for g in groups if g.unit is not None and g.unit.kind not in ("time", "events")]
    hours = [g for g in groups if g.unit is not None and g.unit.kind == "time"]
    events = [g for g in groups if g.unit is not None and g.unit.kind == "events"]
    if len(hours) > 1 or len(events) > 1:
        raise _ambiguous(hours or events, lang)
    if amounts and amounts[0].unit is not None and amounts[0].unit.kind == "count":
        count = amounts[0]
        assert count.unit is not None
        size = amounts[1] if len(amounts) > 1 else None
        if size is None or size.unit is None or size.unit.kind == "count":
            raise quantity_error(
                "count_without_size",
                lang,
                unit=count.unit.symbol,
                value=both(count.value),
            )
        amounts = [_times_size(count, size), *amounts[2:]]
    if len(amounts) > 1:
        raise _ambiguous(amounts, lang)
    if amounts:
        return amounts[0], hours[0] if hours else None, events[0] if events else None
    if hours:
        return hours[0], None, events[0] if events else None
    raise quantity_error("missing_unit", lang, value=both(groups[0].value))


def _ambiguous(groups: list[AmountGroup], lang: Lang) -> QuantityError:
    listed = ", ".join(
        f"{fmt(g.value, lang)} {g.unit.symbol if g.unit else ''}".strip() for g in groups
    )
    return quantity_error("ambiguous", lang, amounts=listed)


def _times_size(count: AmountGroup, size: AmountGroup) -> AmountGroup:
    """ "2 containers van 30 m³" is 60 m³; the period may sit on either part."""
    high = None
    if count.high is not None or size.high is not None:
        high = (count.high or count.low) * (size.high or size.low)
    return AmountGroup(
        low=count.low * size.low,
        high=high,
        unit=size.unit,
        unit_word=size.unit_word,
        period=count.period or size.period,
        periods_per_count=count.periods_per_count if count.period else size.periods_per_count,
        negative=False,
    )


def _apply_events(main: AmountGroup, events: AmountGroup, lang: Lang, notes: _Notes) -> None:
    """ "3 ton, 2 keer per week" is 6 t per week."""
    if main.period is not None and events.period is not None:
        raise _ambiguous([main, events], lang)
    times = events.value
    main.low *= times
    main.high = main.high * times if main.high is not None else None
    if main.period is None:
        main.period, main.periods_per_count = events.period, events.periods_per_count
    notes.add(
        f"{fmt(times, 'nl')} keer genomen.",
        f"Counted {fmt(times, 'en')} times.",
    )


def _hours(
    group: AmountGroup | None, given: float | None, continuous: bool, lang: Lang, notes: _Notes
) -> float | None:
    """Operating hours per year from "6000 h/j", "16 u/dag", "continu" or an earlier answer."""
    if group is not None:
        period = group.period or "year"
        if period in ("hour", "shift"):
            raise quantity_error(
                "absurd",
                lang,
                amount=(f"{fmt(group.value, 'nl')} h", f"{fmt(group.value, 'en')} h"),
                limit="24 h",
            )
        most = HOURS_PER_PERIOD[period] * group.periods_per_count
        if group.value > most:
            name_nl, name_en = PERIOD_NAMES[period]
            raise QuantityError(
                f"{fmt(group.value, 'nl')} uur per {name_nl} kan niet: een {name_nl} telt er "
                f"hoogstens {fmt(most, 'nl')}.",
                f"{fmt(group.value, 'en')} hours per {name_en} is impossible: a {name_en} has "
                f"at most {fmt(most, 'en')}.",
                "6000 h/j" if lang == "nl" else "6000 h/year",
                "absurd",
            )
        hours = group.value * PERIODS_PER_YEAR[period] / group.periods_per_count
        return min(hours, HOURS_PER_YEAR)
    if given is not None:
        return given
    if continuous:
        notes.add("Continu: 8760 uur per jaar.", "Continuous: 8760 hours a year.")
        return HOURS_PER_YEAR
    return None


def _hours_only(main: AmountGroup, approximate: bool, lang: Lang, notes: _Notes) -> ParsedQuantity:
    hours = _hours(main, None, False, lang, notes)
    return ParsedQuantity(
        value=main.value,
        unit="h",
        period=main.period or "year",
        per_year_value=hours,
        per_year_unit="h",
        tonnes_per_year=None,
        power_kw=None,
        hours_per_year=hours,
        approximate=approximate,
        note=notes.text(lang),
        low=main.low if main.high is not None else None,
        high=main.high,
    )


def _power(
    main: AmountGroup, hours: float | None, approximate: bool, lang: Lang, notes: _Notes
) -> ParsedQuantity:
    assert main.unit is not None and main.unit.pint_name is not None
    if main.period is not None:
        raise quantity_error("power_with_period", lang)
    power_kw = convert(main.value, main.unit.pint_name, "kW")
    if power_kw > MAX_POWER_KW:
        raise quantity_error(
            "absurd",
            lang,
            amount=(
                f"{fmt(main.value, 'nl')} {main.unit.symbol}",
                f"{fmt(main.value, 'en')} {main.unit.symbol}",
            ),
            limit="10 GW",
        )
    per_year = None
    if hours is None:
        notes.add(
            "Hoeveel uur per jaar is dit vermogen beschikbaar? Dan volgt de energie per jaar.",
            "How many hours a year is this power available? That gives the energy per year.",
        )
    else:
        per_year = tidy(power_kw * hours / 1000.0)
        notes.add(
            f"{fmt(power_kw, 'nl')} kW × {fmt(hours, 'nl')} h = {fmt(per_year, 'nl')} MWh/jaar.",
            f"{fmt(power_kw, 'en')} kW × {fmt(hours, 'en')} h = {fmt(per_year, 'en')} MWh/year.",
        )
    return ParsedQuantity(
        value=main.value,
        unit=main.unit.symbol,
        period=None,
        per_year_value=per_year,
        per_year_unit="MWh" if per_year is not None else None,
        tonnes_per_year=None,
        power_kw=power_kw,
        hours_per_year=hours,
        approximate=approximate,
        note=notes.text(lang),
        low=main.low if main.high is not None else None,
        high=main.high,
    )


def _density(family: str | None, density_t_m3: float | None) -> tuple[float, str] | None:
    if density_t_m3 is not None and density_t_m3 > 0:
        return density_t_m3, ""
    if family:
        found = density_for(family)
        if found is not None:
            return found.density_t_m3, found.name
    return None


def _amount(
    main: AmountGroup,
    hours: float | None,
    approximate: bool,
    lang: Lang,
    notes: _Notes,
    density: tuple[float, str] | None,
    default_period: Period | None,
    shifts_per_year: float | None,
) -> ParsedQuantity:
    """Mass, volume, gas or energy over a period, scaled to one year."""
    spec = main.unit
    assert spec is not None and spec.pint_name is not None
    period = main.period
    if period is None:
        if default_period is None:
            raise quantity_error("missing_period", lang, value=both(main.value), unit=spec.symbol)
        period = default_period
        name_nl, name_en = PERIOD_NAMES[period]
        notes.add(f"Aangenomen: per {name_nl}.", f"Assumed: per {name_en}.")
    per_year_unit, per_year_pint = _PER_YEAR_UNITS[spec.kind]
    in_target = convert(main.value, spec.pint_name, per_year_pint)
    per_year: float | None
    power_kw = None
    if period == "hour":
        if spec.kind == "energy":
            power_kw = in_target * 1000.0 / main.periods_per_count
        _check_limit(in_target * HOURS_PER_YEAR / main.periods_per_count, per_year_unit, lang)
        if hours is None:
            per_year = None
            notes.add(
                "Per uur: geef de draaiuren per jaar voor een jaarcijfer.",
                "Per hour: give the operating hours per year for a yearly figure.",
            )
        else:
            per_year = in_target * hours / main.periods_per_count
    elif period == "shift":
        if shifts_per_year is None:
            raise quantity_error("needs_shifts", lang, value=both(main.value), unit=spec.symbol)
        per_year = in_target * shifts_per_year / main.periods_per_count
    else:
        per_year = in_target * PERIODS_PER_YEAR[period] / main.periods_per_count
        if period == "workday":
            notes.add("250 werkdagen per jaar gerekend.", "Counted 250 working days a year.")
    if per_year is not None:
        per_year = tidy(per_year)
        _check_limit(per_year, per_year_unit, lang)
    tonnes, used_density = _tonnes(spec, per_year, density, lang, notes)
    return ParsedQuantity(
        value=main.value,
        unit=spec.symbol,
        period=period,
        per_year_value=per_year,
        per_year_unit=per_year_unit,
        tonnes_per_year=tonnes,
        power_kw=power_kw,
        hours_per_year=hours,
        approximate=approximate,
        note=notes.text(lang),
        low=main.low if main.high is not None else None,
        high=main.high,
        density_t_m3=used_density,
    )


def _tonnes(
    spec: UnitSpec,
    per_year: float | None,
    density: tuple[float, str] | None,
    lang: Lang,
    notes: _Notes,
) -> tuple[float | None, float | None]:
    if per_year is None or spec.kind in ("gas", "energy"):
        return None, None
    if spec.kind == "mass":
        return per_year, None
    if density is None:
        notes.add(
            "Tonnen onbekend: geef het materiaal of de dichtheid (t/m³).",
            "Tonnes unknown: give the material or its density (t/m³).",
        )
        return None, None
    value, name = density
    tonnes = tidy(per_year * value)
    _check_limit(tonnes, "t", lang)
    label_nl = f" ({name})" if name else ""
    notes.add(
        f"Dichtheid {fmt(value, 'nl')} t/m³{label_nl}: {fmt(tonnes, 'nl')} t/jaar.",
        f"Density {fmt(value, 'en')} t/m³{label_nl}: {fmt(tonnes, 'en')} t/year.",
    )
    return tonnes, value


def _check_limit(per_year: float, unit: str, lang: Lang) -> None:
    limit, label_nl, label_en = _LIMITS[unit]
    if not per_year <= limit:  # also refuses inf and nan
        raise quantity_error(
            "absurd",
            lang,
            amount=(f"{fmt(per_year, 'nl')} {unit}/jaar", f"{fmt(per_year, 'en')} {unit}/year"),
            limit=(label_nl, label_en),
        )
