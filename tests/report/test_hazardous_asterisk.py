"""A hazardous EWC code carries its asterisk on every face that shows it (issue 10 point 5).

The List of Waste writes hazardous entries as "10 03 09*"; a broker who sees "10 03 09" or
"100309" may ship the stream as ordinary waste. Every face writes codes through
``isassist.knowledge.codes.display_ewc``; this test looks at what each face prints.
"""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from interviews import BREWERY, DossierOf, xlsx_text
from isassist.cli import cli
from isassist.dossier import Dossier
from isassist.knowledge.codes import display_ewc, display_ewc_codes
from isassist.lang import Text
from isassist.register.models import NewStream
from isassist.register.naming import Classified
from isassist.report import render_report
from isassist.rules import get_engine
from isassist.rules.conclusion import Conclusion, why
from isassist.rules.examples import example_facts
from isassist.rules.model import Example, ExampleStream
from isassist.session.digest import stream_line

HAZARDOUS = "10 03 09*"  # black drosses from secondary production: an absolute entry
PLAIN = "10 03 16"  # skimmings other than 10 03 15*


def test_the_one_formatting_function_takes_the_asterisk_from_the_list_of_waste() -> None:
    assert display_ewc("100309") == HAZARDOUS
    assert display_ewc("10 03 09") == HAZARDOUS
    assert display_ewc("100316") == PLAIN
    assert display_ewc("1003") == "10 03"  # a sub-chapter has no asterisk
    assert display_ewc_codes(["100309", "100316"]) == f"{HAZARDOUS}, {PLAIN}"


@pytest.fixture(scope="module")
def dossier(dossier_of: DossierOf) -> Dossier:
    answers = {
        **BREWERY,
        "company_name": "Gieterij Asterisk",
        "activity": "aluminium omsmelten",
        "nace": "24.53",
        "streams": "zwarte dross",
        "description": "zwarte dross uit de zoutoven",
        "ewc": "10 03 09",
        "value_opportunity": "dross naar een terugwinner",
    }
    return dossier_of(answers)


def _stream(dossier: Dossier) -> Any:
    stream = next(s for s in dossier.streams if s.ewc)
    assert stream.ewc == ["100309"]
    return stream


def test_the_dossier_panel_line_shows_the_asterisk(dossier: Dossier) -> None:
    assert HAZARDOUS in stream_line(_stream(dossier), "nl")


@pytest.mark.parametrize("form", ["md", "html"])
def test_the_report_shows_the_asterisk(dossier: Dossier, form: str) -> None:
    _stream(dossier)
    text = render_report(dossier, form, "nl", False)
    assert isinstance(text, str)
    # Markdown escapes the asterisk so that it shows as one instead of starting emphasis
    assert (HAZARDOUS.replace("*", "\\*") if form == "md" else HAZARDOUS) in text
    assert "10 03 09 " not in text and "100309" not in text


def test_the_workbook_shows_the_asterisk(dossier: Dossier) -> None:
    _stream(dossier)
    data = render_report(dossier, "xlsx", "nl", False)
    assert isinstance(data, bytes)
    assert HAZARDOUS in xlsx_text(data)


def test_a_rule_text_naming_the_code_and_its_explanation_show_the_asterisk() -> None:
    said = Conclusion(
        rule_id="classification.test",
        kind="classification",
        category="hazardous",
        title=Text(nl="t", en="t"),
        text=Text(nl="x", en="x"),
        source="s",
        stream_id="s1",
        matched=[{"type": "property", "stream": "s1", "name": "ewc", "value": ["100309"]}],
    )
    assert HAZARDOUS in why(said, "en")


def test_a_rule_placeholder_for_the_code_shows_the_asterisk() -> None:
    # classification.chapter_order.chapter_16_after_sector names the code: "{prop.ewc}"
    example = Example(
        name="aqueous waste in chapter 16",
        streams={
            "s1": ExampleStream.model_validate(
                {"name": "spoelwater met solventen", "ewc": ["161001"]}
            )
        },
        expect=["classification.chapter_order.chapter_16_after_sector@s1"],
    )
    said = get_engine().derive("asterisk-test", example_facts(example))
    text = next(c for c in said if c.rule_id.endswith("chapter_16_after_sector")).text
    assert "16 10 01*" in text.en and "16 10 01*" in text.nl
    assert "161001" not in text.en


def test_the_register_reading_of_a_row_shows_the_asterisk() -> None:
    stream = NewStream(side="have", name="zwarte dross", kind="material", ewc=("100309",))
    line = Classified(stream=stream, changed=False, confidence=None, warning=None).summary("en")
    assert HAZARDOUS in line


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "ewc", "100309"],
        ["classify", "--sector", "24.42", "--lang", "en", "black dross from the salt furnace"],
    ],
)
def test_the_cli_shows_the_asterisk(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert HAZARDOUS in result.output
