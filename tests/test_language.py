"""Language flags (conceptdiff.language)."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conceptdiff import Edition, Options, language, strategies
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


# --- Identifying only the suspect clauses gives the flags of identifying them all ---

_FOREIGN = {
    "fr": (
        "Le présent accord entre en vigueur le premier jour du mois suivant sa signature par les parties.",
        "Les données personnelles sont conservées pendant la durée nécessaire aux finalités du traitement.",
        "Cliquez ici pour obtenir la version française de la déclaration de confidentialité.",
        "Chaque partie peut résilier le contrat par lettre recommandée avec un préavis de trois mois.",
        "Les parties conviennent de la durée et de la portée des obligations de la présente convention.",
        "La présente convention est régie par le droit de la République et les parties en acceptent les termes.",
    ),
    "de": (
        "Die Vertragsparteien verpflichten sich, alle erforderlichen Maßnahmen unverzüglich zu ergreifen.",
        "Personenbezogene Daten werden nur so lange gespeichert, wie es für den Zweck erforderlich ist.",
        "Diese Vereinbarung tritt am ersten Tag des auf die Unterzeichnung folgenden Monats in Kraft.",
    ),
    "id": (
        "Dengan mempertimbangkan tren jangka panjang dalam perkembangan global, kepentingan nasional Rusia.",
        "Perjanjian ini mulai berlaku pada hari pertama bulan berikutnya setelah ditandatangani oleh para pihak.",
    ),
    "ru": (
        "Россия проводит самостоятельный и многовекторный внешнеполитический курс в своих интересах.",
        "Внешняя политика России носит миролюбивый, открытый, предсказуемый и прагматичный характер.",
    ),
}


def _most_likely(probabilities: dict[str, float]) -> str:
    return min(probabilities, key=lambda code: (-probabilities[code], code))


def _flags_identifying_every_clause(clauses: list[Clause]) -> list[tuple[str, ...]]:
    """The rule of the module's docstring applied to every judged clause (the slow reference)."""
    judged: dict[int, dict[str, float]] = {}
    weight: dict[str, int] = {}
    for index, clause in enumerate(clauses):
        count = len(clause.text.split())
        if count >= language.MIN_WORDS:
            found = language.identify(clause.text)
            assert found is not None
            judged[index] = found
            top = _most_likely(found)
            weight[top] = weight.get(top, 0) + count
    main = min(weight, key=lambda code: (-weight[code], code))
    flags = [clause.flags for clause in clauses]
    for index, found in judged.items():
        top = _most_likely(found)
        if top != main and found.get(main, 0.0) <= language.MAX_MAIN_PROBABILITY:
            flags[index] = tuple(sorted({*flags[index], f"language:{top}"}))
    return flags


@functools.cache
def _corpus_clauses() -> tuple[str, ...]:
    texts = (CORPUS / name for name in ("github-privacy-statement-2023-10-10.en.txt", "us-nss-2002.en.txt"))
    clauses = [c.text for path in texts for c in Edition.from_path(path, options=Options(flag_languages=False)).clauses]
    return tuple(dict.fromkeys(clauses))


@st.composite
def _editions_with_foreign_lines(draw: st.DrawFn) -> list[Clause]:
    english = list(
        draw(
            st.one_of(
                strategies.clause_lists(min_size=3, max_size=40),
                strategies.clause_lists(min_size=3, max_size=80, pool=_corpus_clauses()),
            )
        )
    )
    foreign = _FOREIGN[draw(st.sampled_from(sorted(_FOREIGN)))]
    for line in draw(st.lists(st.sampled_from(foreign), min_size=0, max_size=len(foreign), unique=True)):
        english.insert(draw(st.integers(0, len(english))), line)
    return [Clause(text=text, normalized=text) for text in english]


# Found by this property on a random run (CI runs it derandomized): in an English
# edition of 17 clauses, three French clauses sharing "de" and "la" were taken for
# the main language (only the French clause without those words was identified);
# the example below keeps it.
@given(_editions_with_foreign_lines())
def test_identifying_the_suspects_flags_what_identifying_every_clause_flags(clauses: list[Clause]) -> None:
    flagged = [clause.flags for clause in language.flag_languages(clauses)]
    if sum(len(c.text.split()) >= language.MIN_WORDS for c in clauses) >= 3:
        assert flagged == _flags_identifying_every_clause(clauses)
    else:
        assert flagged == [clause.flags for clause in clauses]


def test_three_french_lines_sharing_words_in_a_short_english_edition_are_all_flagged() -> None:
    # The example the property above found: "de" and "la", used by three French lines of
    # seventeen, were common words, so that two of the three were no suspects.
    pool = list(_corpus_clauses())
    start = pool.index(next(text for text in pool if text.startswith("In compliance with the EU-U.S. DPF")))
    french = [_FOREIGN["fr"][4], _FOREIGN["fr"][2], _FOREIGN["fr"][0]]
    clauses = [Clause(text=t, normalized=t) for t in [*french, *pool[start : start + 14]]]
    flagged = [c.text[:20] for c in language.flag_languages(clauses) if "language:fr" in c.flags]
    assert flagged == [t[:20] for t in french] + ["Cliquez ici pour obt"]  # the last: the statement's own
    assert [c.flags for c in language.flag_languages(clauses)] == _flags_identifying_every_clause(clauses)


def test_a_long_edition_identifies_a_few_clauses_not_all(monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []
    seen = 0

    def counting(text: str) -> dict[str, float] | None:
        nonlocal seen
        seen += 1
        texts.append(text)
        return identify(text)

    identify = language.identify
    monkeypatch.setattr(language, "identify", counting)
    edition = Edition.from_path(CORPUS / "github-privacy-statement-2023-10-10.en.txt")
    flagged = [c.text[:20] for c in edition.clauses if "language:fr" in c.flags]
    assert flagged == ["Cliquez ici pour obt"]
    judged = sum(len(c.text.split()) >= language.MIN_WORDS for c in edition.clauses)
    assert seen < judged / 10
    assert max(len(text) for text in texts) <= 2 * language.SAMPLE_CHARS


def test_lines_in_one_foreign_language_are_all_flagged_though_they_share_words() -> None:
    # The French lines share "de", "la", "les", "par"...: used in three clauses
    # or more, these look like the edition's common words, so only some of
    # the lines are suspects at first (three have 42-50 % "common" words);
    # once those are found French, the others are identified too.
    english = _corpus_clauses()[:40]
    texts = [*english[:10], *_FOREIGN["fr"][:3], *english[10:30], *_FOREIGN["fr"][3:], *english[30:]]
    clauses = [Clause(text=t, normalized=t) for t in texts]
    flagged = [c.text for c in language.flag_languages(clauses) if "language:fr" in c.flags]
    assert flagged == list(_FOREIGN["fr"])
    assert [c.flags for c in language.flag_languages(clauses)] == _flags_identifying_every_clause(clauses)


# --- Loading the model ---


def test_the_model_read_in_one_step_is_py3langids() -> None:
    import numpy as np
    from py3langid import langid  # type: ignore[import-untyped]

    ours = language._read_model(langid.MODEL_DIR / langid.MODEL_FILE)
    theirs = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    assert np.array_equal(ours.nb_ptc, theirs.nb_ptc) and ours.nb_ptc.dtype == theirs.nb_ptc.dtype
    assert np.array_equal(ours.nb_pc, theirs.nb_pc) and ours.nb_pc.dtype == theirs.nb_pc.dtype
    assert ours.nb_classes == theirs.nb_classes
    assert (ours.tk_nextmove, ours.tk_row, ours.tk_output) == (theirs.tk_nextmove, theirs.tk_row, theirs.tk_output)
    for text in [*_FOREIGN["fr"], *_FOREIGN["ru"], "The Licensee may modify the Work.", ""]:
        assert ours.rank(text) == theirs.rank(text)


def test_a_model_of_another_layout_is_read_by_py3langid_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(path: object) -> None:
        raise LookupError("another layout")

    monkeypatch.setattr(language, "_read_model", unexpected)
    identifier = language._load.__wrapped__()
    assert identifier.rank(_FOREIGN["fr"][0])[0][0] == "fr"


def test_the_model_starts_loading_for_a_text_with_a_line_in_another_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_loader", None)
    text = (FIXTURES / "seed" / "news-article-ru-foreign-policy-concept-2023.txt").read_text(encoding="utf-8")
    language.prefetch(text)
    loader = language._loader
    assert loader is not None
    loader.join()
    assert language.available()


def test_the_model_does_not_start_loading_for_a_text_in_one_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_loader", None)
    language.prefetch((CORPUS / "eupl-1.2.en.txt").read_text(encoding="utf-8"))
    assert language._loader is None


def test_foreign_clauses_sharing_their_own_common_words_are_still_identified() -> None:
    # Found by the property above: three French clauses share "de" and "la", which
    # makes those the edition's common words, so the pre-check took the French
    # clauses for the main language; the clauses left unidentified read, together,
    # as French while the edition is English, so each is identified.
    texts = [
        "Les parties conviennent de la durée et de la portée des obligations de la présente convention.",
        "Cliquez ici pour obtenir la version française de la déclaration de confidentialité.",
        "Le présent accord entre en vigueur le premier jour du mois suivant sa signature par les parties.",
        "This Privacy Statement is licensed under this Creative Commons Zero license. For details, see our "
        "site-policy repository.",
        "Contacting GitHub",
        "Questions regarding GitHub's Privacy Statement or information practices should be directed to our "
        "Privacy contact form.",
        "Translations",
        "Below are translations of this document into other languages. In the event of any conflict, "
        "uncertainty, or apparent inconsistency between any of those versions and the English version, this "
        "English version is the controlling version.",
        "French",
        "Cliquez ici pour obtenir la version française: Déclaration de confidentialité de GitHub (PDF)",
    ]
    clauses = [Clause(text=text, normalized=text) for text in texts]
    flagged = [index for index, clause in enumerate(language.flag_languages(clauses)) if clause.flags]
    assert flagged == [0, 1, 2, 9]
