"""The composition root builds each service once, on use, and lets a caller substitute one."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli
from isassist.knowledge import get_knowledge, load_knowledge
from isassist.register.routes import default_catalogue
from isassist.root import Root, root, use_root
from isassist.rules import get_rulebase
from isassist.rules.evidence import find_evidence, parse_evidence


def test_a_service_is_built_once_and_shared() -> None:
    fresh = Root()
    assert fresh.knowledge is fresh.knowledge
    assert fresh.interview_services is fresh.interview_services
    assert fresh.interview_services.knowledge is fresh.knowledge


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh Python process has imported after running ``code``."""
    probe = f"import sys\n{code}\nprint('LOADED', [m for m in {modules!r} if m in sys.modules])\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300
    )
    found: list[str] = ast.literal_eval(done.stdout.rsplit("LOADED", 1)[1].strip())
    return found


def test_classify_builds_no_rule_engine_and_loads_no_pydantic() -> None:
    """`isassist classify` pays only for the classifier (issue 14: start-up), once the
    knowledge cache exists as after the first use (on a cache miss the loader rebuilds it: the
    per-user cache is shared by every checkout on a machine, so another one may have replaced
    it since this test's process started)."""
    load_knowledge()  # writes the cache the probe reads, if it is missing or another's
    code = (
        "from isassist.cli import main\n"
        "try:\n"
        "    main(['classify', 'houtafval van paletten'])\n"
        "except SystemExit:\n"
        "    pass"
    )
    heavy = ("isassist.rules", "durable", "isassist.knowledge.loader", "sqlalchemy")
    assert _loaded_after(code, (*heavy, "isassist.interview")) == []


def test_a_substituted_knowledge_base_reaches_the_services_built_from_it(
    tmp_path: Path,
) -> None:
    knowledge = load_knowledge(use_cache=False)
    substitute = Root(knowledge=knowledge)
    assert substitute.interview_services.knowledge is knowledge
    assert substitute.interview_services is not root().interview_services
    with use_root(substitute):
        assert root() is substitute
    assert root() is not substitute


def test_each_cli_command_opens_the_store_its_environment_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    for name in ("one", "two"):
        monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path / name))
        result = runner.invoke(cli, ["interviews", "list"])
        assert result.exit_code == 0, result.output
        assert list((tmp_path / name).glob("*.sqlite3")), name


def test_lower_layers_handed_nothing_use_the_installed_roots_services() -> None:
    """The register and the rules' evidence sit below the root and may not import it; the
    root injects its knowledge base and rule base into their look-ups instead."""
    installed = get_knowledge()
    without_exchanges = dataclasses.replace(installed, exchanges=())
    spec = parse_evidence(["family:slag"])
    assert find_evidence(spec).count > 0
    substitute = Root(knowledge=without_exchanges)
    with use_root(substitute):
        assert get_knowledge() is without_exchanges
        assert get_rulebase() is substitute.rulebase
        assert find_evidence(spec).count == 0  # rules/evidence, handed no knowledge base
        assert default_catalogue().knowledge is without_exchanges  # the register's routes
    assert get_knowledge() is installed
    assert find_evidence(spec).count > 0
    assert default_catalogue().knowledge is installed


def test_the_tui_paints_its_start_screen_before_loading_pydantic_or_the_store() -> None:
    """What the TUI imports before its first paint (issue 14: start-up): the start screen and
    question 1 need no pydantic model, no SQLAlchemy and no interview engine; the loading
    thread imports those after the paint."""
    heavy = ("pydantic", "sqlalchemy", "isassist.dossier.schema", "isassist.interview.engine")
    assert _loaded_after("import isassist.tui.app", (*heavy, "isassist.rules", "alembic")) == []


def test_an_interview_starts_before_the_knowledge_base_is_loaded(tmp_path: Path) -> None:
    """The TUI's engine is ready without the knowledge base (issue 14: start-up): starting an
    interview loads neither it nor the rules' evidence; the first answer that needs a code
    look-up loads it and gets its answer."""
    code = (
        "import isassist.knowledge as k\n"
        "from isassist.session.resources import warm_up\n"
        "from isassist.session.saved import open_store, start_interview\n"
        f"store = open_store('sqlite:///{tmp_path / 'store.sqlite3'}')\n"
        "res = warm_up()\n"
        "iv = start_interview(store, res.services, mode='broker', language='nl',"
        " dialog=res.dialog)\n"
        "print('BEFORE', k._loaded is None)\n"
        "print('LABEL', res.services.code_label('nace', '16.10', 'nl'))\n"
        "print('AFTER', k._loaded is None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert "BEFORE True" in done.stdout
    assert "LABEL Zagen en schaven van hout" in done.stdout
    assert "AFTER False" in done.stdout


def test_the_interview_screen_loads_no_markdown_parser_until_a_help_text_shows() -> None:
    """The interview screen is imported on the way to "engine ready"; the Markdown parser
    (help texts) is imported by the warm-up or by the first help text (issue 14: start-up)."""
    assert _loaded_after("import isassist.tui.screens.interview", ("markdown_it",)) == []


def test_the_engine_is_ready_without_sqlalchemy_babel_or_a_yaml_parser() -> None:
    """What the TUI loads to start an interview (issue 14: start-up): the engine, the chat and
    the interview screen, but not the database library (the store opens after the interview
    screen is painted), not Babel (the first figure shown imports it) and no YAML parser (the
    dialog, the rules and question 1 come from their caches)."""
    load_knowledge()
    code = (
        "from isassist.session.opening import opening_question\n"
        "opening_question('broker', 'nl')\n"  # writes its cache on a first run
        "from isassist.session.resources import warm_up\n"
        "warm_up()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300, capture_output=True)
    code += (
        "import isassist.session.conversation, isassist.tui.screens.interview\n"
        "from isassist.interview.persistence import start_saved\n"
        "from isassist.session.saved import OpeningStore, start_interview\n"
        "res = warm_up()\n"
        "start_interview(OpeningStore(), res.services, mode='broker', language='nl',"
        " dialog=res.dialog)\n"
    )
    assert _loaded_after(code, ("sqlalchemy", "babel", "yaml", "alembic")) == []


def test_one_service_being_built_does_not_hold_up_another() -> None:
    """A service is built once, but building one (the engine) must not block asking for
    another (the knowledge base): with one lock for all builds, a thread building the engine
    and a thread deriving with evidence could wait on each other forever (review4 R136: the
    register screen stuck on "loading")."""
    import threading

    from isassist.root import Root

    root = Root()
    started, release = threading.Event(), threading.Event()
    built: list[int] = []

    def slow() -> int:
        started.set()
        release.wait(timeout=30)
        built.append(1)
        return 1

    first = threading.Thread(target=lambda: root._once("slow", slow))
    first.start()
    assert started.wait(timeout=30)
    other: list[int] = []
    second = threading.Thread(target=lambda: other.append(root._once("quick", lambda: 2)))
    second.start()
    second.join(timeout=10)
    finished_while_the_other_builds = not second.is_alive()
    release.set()
    first.join(timeout=30)
    assert finished_while_the_other_builds and other == [2]
    assert root._once("slow", lambda: 99) == 1 and built == [1]  # built once
