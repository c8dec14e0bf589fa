"""A broken knowledge file is reported by file, line and problem; the cache follows edits."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from datacopy import data_copy, edit_once
from isassist.knowledge import KnowledgeError, load_knowledge
from isassist.knowledge.cache import cache_path


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return data_copy("knowledge", tmp_path, monkeypatch)


def _line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if fragment in line)


def test_optional_files_may_be_absent(root: Path) -> None:
    for name in ("families.csv", "sector_map.csv", "glossary.yaml", "densities.csv"):
        (root / name).unlink(missing_ok=True)
    shutil.rmtree(root / "terms", ignore_errors=True)
    kb = load_knowledge(root, use_cache=False)
    assert kb.terms == () and kb.families == {} and kb.stats()["ewc_entries"] == 842


def test_bad_header_names_the_columns(root: Path) -> None:
    edit_once(root / "sector_map.csv", "nace,ewc,note", "nace,ewc_codes,note")
    with pytest.raises(KnowledgeError, match=r"sector_map\.csv line 1: bad header") as error:
        load_knowledge(root, use_cache=False)
    assert "missing ewc" in str(error.value) and "unknown ewc_codes" in str(error.value)


def test_unknown_ewc_code_names_file_and_line(root: Path) -> None:
    path = root / "families.csv"
    line = _line_of(path, "ash,")
    edit_once(path, "100101 100102", "100101 999999")
    with pytest.raises(KnowledgeError, match=rf"families\.csv line {line}: .*999999"):
        load_knowledge(root, use_cache=False)


def test_unknown_nace_code_is_refused(root: Path) -> None:
    edit_once(root / "sector_map.csv", "\n01.1,", "\n01.9,")
    with pytest.raises(KnowledgeError, match=r"sector_map\.csv line \d+: nace: unknown NACE"):
        load_knowledge(root, use_cache=False)


def test_bad_cas_check_digit_is_refused(root: Path) -> None:
    path = root / "cas_curated.csv"
    line = _line_of(path, "9002-88-4")
    edit_once(path, "9002-88-4", "9002-88-5")
    with pytest.raises(KnowledgeError, match=rf"cas_curated\.csv line {line}: .*check digit"):
        load_knowledge(root, use_cache=False)


def test_wrong_lang_in_terms_is_refused(root: Path) -> None:
    path = root / "terms" / "extra.csv"
    path.write_text(
        "term,lang,ewc,cpa,cas,sectors,family,source,note\n"
        "houtkrullen,nl,030105,,,,,hand,\n"
        "copeaux,fr,030105,,,,,hand,\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"terms/extra\.csv line 3: lang"):
        load_knowledge(root, use_cache=False)


def test_broken_glossary_names_the_item(root: Path) -> None:
    (root / "glossary.yaml").write_text(
        "- id: mirror_entry\n  term_nl: spiegelcode\n  term_en: mirror entry\n"
        "  definition_nl: x\n  definition_en: y\n- id: by_product\n  term_nl: bijproduct\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"glossary\.yaml item 2 \(by_product\): term_en"):
        load_knowledge(root, use_cache=False)


def test_cache_is_used_then_rebuilt_when_a_file_changes(root: Path) -> None:
    first = load_knowledge(root)
    assert cache_path(root).is_file()
    assert load_knowledge(root).stats() == first.stats()
    path = root / "cas_curated.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(",slag wool,slakkenwol,mixture,true,,,,\n")
    later = time.time() + 5
    os.utime(path, (later, later))
    rebuilt = load_knowledge(root)
    assert rebuilt.stats()["cas_curated"] == first.stats()["cas_curated"] + 1
    assert "slakkenwol" in {s.name_nl for s in rebuilt.substances}


def test_a_broken_edit_is_not_hidden_by_the_cache(root: Path) -> None:
    load_knowledge(root)
    edit_once(root / "sector_map.csv", "nace,ewc,note", "nace,note")
    with pytest.raises(KnowledgeError, match="bad header"):
        load_knowledge(root)


def test_corrupt_cache_is_ignored_and_rebuilt(root: Path) -> None:
    load_knowledge(root)
    path = cache_path(root)
    path.write_bytes(b"not a pickle")
    assert load_knowledge(root).stats()["ewc_entries"] == 842
    assert path.read_bytes() != b"not a pickle"
