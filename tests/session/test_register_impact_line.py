"""The register screen's impact line in the reader's number format (review R83)."""

from __future__ import annotations

from isassist.session.register_view import impact_line

TOTALS = {
    "realised": {"tonnes_diverted": 1234.5, "co2e_avoided_t": 12.25, "eur_saved": 12000.4},
    "potential": {},
}


def test_a_dutch_impact_line_has_dutch_figures_and_no_eur() -> None:
    line = impact_line(TOTALS, "nl")
    assert "gerealiseerd: 1.234,5 t" in line and "12.000 €" in line
    assert "EUR" not in line and "0.0" not in line


def test_an_english_impact_line_has_english_figures() -> None:
    assert "realised: 1,234.5 t" in impact_line(TOTALS, "en")
