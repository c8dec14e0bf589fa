"""Finding a company's NACE code from the words people use for the business.

A broker types "brouwerij", "zuivelbedrijf" or "we make wooden pallets", not "Vervaardiging van
bier". These tests hold the look-up to how people talk (half Dutch, half English, with compounds,
sentences and typos), to the data rules of knowledge/nace_terms.csv, and to the places a user
meets it: `isassist lookup nace` and the interview intake.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from datacopy import data_copy
from isassist.cli import cli
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.knowledge import Knowledge, KnowledgeError, load_knowledge
from isassist.knowledge.cache import cache_path
from isassist.knowledge.lookup import lookup_nace

# (what a broker types, the NACE code a classifier would give); half Dutch, half English
DUTCH = [
    ("brouwerij", "11.05"),
    ("wij brouwen bier", "11.05"),
    ("zuivelonderneming", "10.51"),
    ("kaasmakerij in de Kempen", "10.51"),
    ("slachthuis voor varkens", "10.11"),
    ("pluimveeslachterij", "10.12"),
    ("gieterij van gietijzer", "24.51"),
    ("aluminiumgieterij", "24.53"),
    ("galvanisatiebedrijf", "25.61"),
    ("thermisch verzinken van staal", "25.61"),
    ("houtzagerij", "16.10"),
    ("zagerij en schaverij", "16.10"),
    ("drukkerij", "18.12"),
    ("offsetdrukkerij voor folders", "18.12"),
    ("betoncentrale", "23.63"),
    ("steenbakkerij", "23.32"),
    ("papierfabriek", "17.12"),
    ("RWZI", "37.00"),
    ("afvalverwerker", "38.21"),
    ("containerpark van de gemeente", "38.11"),
    ("serrebedrijf", "01.13"),
    ("tomaten in serres kweken", "01.13"),
    ("varkensbedrijf", "01.46"),
    ("varkenskweker", "01.46"),
    ("bakkerij", "10.71"),
    ("frietfabriek", "10.31"),
    ("aardappelverwerkend bedrijf", "10.31"),
    ("chocoladefabriek", "10.82"),
    ("pralines maken", "10.82"),
    ("mouterij", "11.06"),
    ("diepvriesgroenten produceren", "10.39"),
    ("koffiebranderij", "10.83"),
    ("meubelmakerij", "31.09"),
    ("palletbedrijf", "16.24"),
    ("houten paletten maken", "16.24"),
    ("carrosseriebedrijf", "45.20"),
    ("ziekenhuis", "86.10"),
    ("woonzorgcentrum", "87.10"),
    ("datacenter", "63.11"),
    ("transportbedrijf", "49.41"),
    ("koelhuis in de haven", "52.10"),
    ("wegenbouwer", "42.11"),
    ("sloopbedrijf", "43.11"),
    ("schrootverwerker", "38.32"),
    ("kunststofverwerker", "22.29"),
    ("spuitgieten van kunststof onderdelen", "22.29"),
    ("cementfabriek", "23.51"),
    ("staalbedrijf", "24.10"),
    ("melkveehouderij", "01.41"),
    ("voederfabriek", "10.91"),
    ("brouwrij", "11.05"),
    ("stookerij", "11.01"),
    ("wij maken frieten", "10.31"),
    ("groenten diepvriezen", "10.39"),
    ("huisvuil verbranden", "38.21"),
    ("ziekenhuizen en klinieken", "86.10"),
    ("tweedehandswinkel", "47.79"),
    ("we zijn een loonwerker", "01.61"),
]
ENGLISH = [
    ("brewery", "11.05"),
    ("craft beer brewery", "11.05"),
    ("dairy", "10.51"),
    ("abattoir", "10.11"),
    ("foundry", "24.5"),
    ("sawmill", "16.10"),
    ("galvaniser", "25.61"),
    ("print shop", "18.12"),
    ("data centre", "63.11"),
    ("hospital", "86.10"),
    ("car body shop", "45.20"),
    ("metalworking shop", "25.62"),
    ("incinerator", "38.21"),
    ("we make wooden pallets", "16.24"),
    ("paper mill", "17.12"),
    ("cement works", "23.51"),
    ("pig farm", "01.46"),
    ("greenhouse tomatoes", "01.13"),
    ("potato processing plant", "10.31"),
    ("frozen fries factory", "10.31"),
    ("chocolate maker", "10.82"),
    ("sewage treatment works", "37.00"),
    ("scrap metal recycling", "38.32"),
    ("ready-mix concrete plant", "23.63"),
    ("brickworks", "23.32"),
    ("steel works", "24.10"),
    ("plastic injection moulding", "22.29"),
    ("nursing home", "87.10"),
    ("haulage firm", "49.41"),
    ("manufacture of beer", "11.05"),
    ("brewry", "11.05"),
]
CASES = DUTCH + ENGLISH


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge(use_cache=False)


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return data_copy("knowledge", tmp_path, monkeypatch)


def _codes(kb: Knowledge, query: str, top: int = 3) -> list[str]:
    return [hit.item.code for hit in lookup_nace(kb, query, top=top)]


def test_the_phrasings_are_half_dutch_and_many() -> None:
    assert len(CASES) >= 60 and len(DUTCH) >= len(ENGLISH)


def test_activity_phrasings_find_their_nace_code(kb: Knowledge) -> None:
    misses, not_first = [], []
    for query, expected in CASES:
        codes = _codes(kb, query)
        if expected not in codes:
            misses.append((query, expected, codes))
        elif codes[0] != expected:
            not_first.append((query, expected, codes))
    top3 = 1 - len(misses) / len(CASES)
    top1 = top3 - len(not_first) / len(CASES)
    assert top3 >= 0.90, misses
    assert top1 >= 0.75, not_first + misses


def test_brouwerij_is_beer_not_site_preparation_and_says_why(kb: Knowledge) -> None:
    first = lookup_nace(kb, "brouwerij")[0]
    assert first.item.code == "11.05" and "brouwerij" in first.why
    assert _codes(kb, "brouwerij", top=10).index("43.12") > 0


def test_a_compound_with_another_business_word_finds_the_term(kb: Knowledge) -> None:
    hit = lookup_nace(kb, "zuivelonderneming")[0]
    assert hit.item.code == "10.51" and "like term" in hit.why


def test_a_term_inside_a_sentence_is_found(kb: Knowledge) -> None:
    hit = lookup_nace(kb, "wij zijn een kleine gieterij van gietijzer in Gent")[0]
    assert hit.item.code == "24.51"
    assert "gieterij" in hit.why and "ijzer" in hit.why


def test_official_title_words_still_work_without_a_term(kb: Knowledge) -> None:
    hit = lookup_nace(kb, "vervaardiging van sigaretten en tabak")[0]
    assert hit.item.code.startswith("12") and hit.why.startswith("title words")


def test_a_code_is_answered_exactly(kb: Knowledge) -> None:
    assert [(h.item.code, h.why) for h in lookup_nace(kb, "3811")] == [("38.11", "code")]


def test_nonsense_finds_no_term_evidence(kb: Knowledge) -> None:
    hits = lookup_nace(kb, "qqqq zzzz")
    assert all(h.score < 60 for h in hits)


def test_every_nace_section_has_terms_in_both_languages(kb: Knowledge) -> None:
    assert len(kb.nace_terms) >= 400
    sections = {i.section for i in kb.nace.values()}
    for lang in ("nl", "en"):
        covered = {kb.nace[t.nace].section for t in kb.nace_terms if t.lang == lang}
        missing = sections - covered - ({"T", "U"} if lang == "en" else set())
        assert not missing, (lang, missing)


# ------------------------------------------------------------------------- broken files


def _append(root: Path, row: str) -> int:
    path = root / "nace_terms.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def test_unknown_code_is_refused_with_file_and_line(root: Path) -> None:
    line = _append(root, "bierkelder,nl,11.99,")
    with pytest.raises(KnowledgeError, match=rf"nace_terms\.csv line {line}: nace: unknown NACE"):
        load_knowledge(root, use_cache=False)


def test_wrong_language_is_refused_with_file_and_line(root: Path) -> None:
    line = _append(root, "brasserie,fr,11.05,")
    with pytest.raises(KnowledgeError, match=rf"nace_terms\.csv line {line}: lang"):
        load_knowledge(root, use_cache=False)


def test_the_same_word_twice_is_refused_naming_both_lines(root: Path) -> None:
    line = _append(root, "Brouwerij,nl,11.06,")
    with pytest.raises(KnowledgeError, match=rf"line {line}: term: 'Brouwerij' .* already on"):
        load_knowledge(root, use_cache=False)


def test_a_renamed_column_is_refused(root: Path) -> None:
    path = root / "nace_terms.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("term,lang,nace,note", "term,lang,code,note", 1), "utf-8")
    with pytest.raises(KnowledgeError, match=r"nace_terms\.csv line 1: bad header"):
        load_knowledge(root, use_cache=False)


def test_without_the_file_titles_still_answer(root: Path) -> None:
    (root / "nace_terms.csv").unlink()
    kb = load_knowledge(root, use_cache=False)
    assert kb.nace_terms == () and _codes(kb, "vervaardiging van bier")[0] == "11.05"


def test_an_edited_file_is_picked_up_through_the_cache(root: Path) -> None:
    before = load_knowledge(root)
    assert "12.00" not in _codes(before, "snuifmakerij")
    old_key = cache_path(root)
    _append(root, "snuifmakerij,nl,12.00,snuiftabak")
    assert cache_path(root) != old_key
    after = load_knowledge(root)
    assert _codes(after, "snuifmakerij")[0] == "12.00"


# ---------------------------------------------------------------------- where users meet it


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout


def test_cli_lookup_answers_brouwerij_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path / "cache"))
    code, out = _run("lookup", "nace", "brouwerij", "--json", "--top", "3")
    rows = json.loads(out)
    assert code == 0 and rows[0]["code"] == "11.05" and "brouwerij" in rows[0]["why"]
    code, out = _run("lookup", "nace", "sawmill")
    assert code == 0 and out.splitlines()[0].startswith("16.10") and "sawmill" in out


def test_cli_stats_count_the_nace_terms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path / "cache"))
    code, out = _run("knowledge", "stats", "--json")
    assert code == 0 and json.loads(out)["nace_terms"] >= 400


def test_the_interview_intake_suggests_beer_for_a_brewery() -> None:
    interview = Interview.start(shipped_dialog(), live_services(), mode="broker", language="nl")
    answers = {"company_name": "Brouwerij De Klok", "activity": "brouwerij"}
    while (question := interview.current_question()) is not None and question.id in answers:
        assert interview.answer(answers[question.id]).accepted
    question = interview.current_question()
    assert question is not None and question.id == "nace"
    assert question.suggestions[0].code == "11.05"
    assert "brouwerij" in question.suggestions[0].why
    assert interview.answer("1").accepted
    assert interview.facts.company.nace == "11.05"
