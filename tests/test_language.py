"""Language flags (conceptdiff.language)."""

from __future__ import annotations

import pytest

from conceptdiff import Edition, Options, language
from conceptdiff.model import Clause

from .conftest import CORPUS, FIXTURES

pytest.importorskip("py3langid")


def test_the_indonesian_line_of_the_seed_article_is_flagged() -> None:
    edition = Edition.from_path(FIXTURES / "seed" / "news-article-ru-foreign-policy-concept-2023.txt")
    flagged = [(c.text[:20], c.flags) for c in edition.clauses if any(f.startswith("language:") for f in c.flags)]
    assert flagged == [("“Dengan mempertimban", ("language:id",))]


def test_no_english_clause_of_the_corpus_is_flagged() -> None:
    for name in ("eupl-1.2.en.txt", "us-nss-2002.en.txt", "python-pep8-2005-12-15.en.txt"):
        edition = Edition.from_path(CORPUS / name)
        assert not [c.text for c in edition.clauses if any(f.startswith("language:") for f in c.flags)], name


def test_the_main_language_is_the_editions_own() -> None:
    texts = [
        "Россия проводит самостоятельный и многовекторный внешнеполитический курс в своих интересах.",
        "Внешняя политика России носит миролюбивый, открытый, предсказуемый и прагматичный характер.",
        "Russia pursues an independent and multi-faceted foreign policy course in line with its interests.",
    ]
    flagged = language.flag_languages([Clause(text=t, normalized=t) for t in texts])
    assert [c.flags for c in flagged] == [(), (), ("language:en",)]


def test_short_clauses_are_not_judged() -> None:
    clauses = [Clause(text=t, normalized=t) for t in ("Bonjour à tous", "The Licensee may modify the Work.")]
    assert [c.flags for c in language.flag_languages(clauses)] == [(), ()]


def test_flags_can_be_switched_off() -> None:
    edition = Edition.from_path(
        FIXTURES / "seed" / "news-article-ru-foreign-policy-concept-2023.txt", options=Options(flag_languages=False)
    )
    assert not any(f.startswith("language:") for c in edition.clauses for f in c.flags)


def test_without_an_identifier_nothing_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_identifier", lambda: None)
    clauses = [
        Clause(text=t, normalized=t) for t in ("Dengan mempertimbangkan tren jangka panjang dalam perkembangan",)
    ]
    assert language.flag_languages(clauses) == clauses


def test_an_edition_all_in_one_language_never_loads_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the language model was loaded")

    monkeypatch.setattr(language, "_identifier", refuse)
    edition = Edition.from_path(CORPUS / "us-nss-2006.en.txt")
    assert not any(f.startswith("language:") for c in edition.clauses for f in c.flags)
