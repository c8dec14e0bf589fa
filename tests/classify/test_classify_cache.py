"""The classifier read from the cache folder answers exactly as one built from the knowledge."""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.classify import Classifier
from isassist.classify.cache import cached_classifier, classifier_cache_path
from isassist.classify.source import catalogue_from_knowledge
from isassist.paths import data_dir

TEXTS = [("houtafval van paletten", "16.24"), ("bostel", "11.05"), ("waste heat 80 °C", None)]


def test_a_cached_classifier_answers_as_a_built_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path))
    built = Classifier(catalogue_from_knowledge())
    calls: list[str] = []

    def build() -> Classifier:
        calls.append("built")
        return built

    first = cached_classifier(Classifier, build)
    assert classifier_cache_path(data_dir("knowledge")).is_file()
    cached = cached_classifier(Classifier, build)
    assert calls == ["built"] and cached is not first  # the second one came from the file
    for text, sector in TEXTS:
        assert cached.classify(text, sector) == built.classify(text, sector)


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path))
    path = classifier_cache_path(data_dir("knowledge"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x80\x05truncated")
    built = Classifier(catalogue_from_knowledge())
    assert cached_classifier(Classifier, lambda: built) is built
