"""Quotation fidelity: each article clause classed against answers written by hand."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import conceptdiff
from conceptdiff import ConceptDiffWarning, Edition, QuoteCheck, QuoteKind, check_quotes
from conceptdiff.strategies import QuotedArticle, quoted_articles

from .conftest import ROOT

SCHEMA = json.loads((ROOT / "docs/schema/quotes.schema.json").read_text(encoding="utf-8"))
QUOTES = ROOT / "fixtures" / "quotes"


def _expected(name: str) -> dict[str, object]:
    return json.loads((QUOTES / f"{name}.expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def eupl() -> QuoteCheck:
    expected = _expected("eupl-article")
    return check_quotes(ROOT / str(expected["source"]), ROOT / str(expected["article"]))


def test_the_six_cases_of_an_article_on_a_real_licence(eupl: QuoteCheck) -> None:
    """Verbatim, "shall" made "may", elided, invented, Indonesian, the writer's own opening."""
    expected = _expected("eupl-article")["clauses"]
    assert isinstance(expected, list)
    assert len(eupl.clauses) == len(expected)
    for quoted, want in zip(eupl.clauses, expected, strict=True):
        text = eupl.article.clauses[quoted.clause].text
        assert text.startswith(want["starts"]), text
        assert quoted.kind.value == want["kind"], text
        for start in want.get("source_starts", []):
            assert any(eupl.source.clauses[i].text.startswith(start) for i in quoted.source), (text, quoted.source)
    altered = eupl.clauses[2]
    changed = [(e.op.value, e.text) for e in altered.edits if e.op.value != "equal"]
    assert changed == [("delete", "shall"), ("insert", "may")]
    assert altered.significance is not None and altered.significance.value == "substantive"
    elided = eupl.clauses[3]
    assert [(e.op.value, e.text) for e in elided.edits if e.op.value != "equal"] == [("delete", ", material or moral,")]
    assert 0 < eupl.fidelity < 1


def test_the_seed_article_against_its_official_style_source() -> None:
    expected = _expected("seed-article")
    check = check_quotes(ROOT / str(expected["source"]), ROOT / str(expected["article"]))
    clauses = expected["clauses"]
    assert isinstance(clauses, list)
    got = [(check.article.clauses[q.clause].text, q.kind.value) for q in check.clauses]
    assert len(got) == len(clauses)
    for (text, kind), (starts, want) in zip(got, clauses, strict=True):
        assert text.startswith(starts) and kind == want, (text[:60], kind, want)
    groups = [[check.article.clauses[i].text for i in group] for group in check.duplicates]
    wanted = expected["duplicates"]
    assert isinstance(wanted, list) and len(groups) == len(wanted)
    for group, (starts,) in zip(groups, wanted, strict=True):
        assert len(group) == 2 and all(text.startswith(starts) for text in group)


def test_the_source_left_out_is_grouped_by_section(eupl: QuoteCheck) -> None:
    left_out = {i for _, indices in eupl.uncovered for i in indices}
    drawn = {i for q in eupl.clauses for i in q.source}
    assert left_out.isdisjoint(drawn) and left_out | drawn == set(range(len(eupl.source.clauses)))
    for section, indices in eupl.uncovered:
        assert all(eupl.source.clauses[i].section == section for i in indices)


def test_json_is_schema_valid_and_round_trips(eupl: QuoteCheck) -> None:
    data = json.loads(json.dumps(eupl.to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert data["counts"] == {
        "verbatim": 1,
        "altered": 1,
        "elided": 1,
        "paraphrase": 0,
        "not_in_source": 2,
        "other_language": 1,
    }
    again = QuoteCheck.from_dict(data)
    assert again.to_dict() == data
    with pytest.raises(conceptdiff.InvalidComparisonError):
        QuoteCheck.from_dict({**data, "schema": "conceptdiff.quotes/0"})


def test_joined_and_out_of_order_passages_and_a_quotation_inside_a_sentence() -> None:
    source = [
        "1. Every member may vote at the general meeting of the association.",
        "2. The board publishes its accounts once a year on the website.",
        "3. Disputes go to an arbiter chosen by both parties to the dispute.",
    ]
    article = (
        "The board publishes its accounts once a year on the website. Every member may vote at the general meeting"
        " of the association.\n\n"
        'The rules say that "disputes go to an arbiter chosen by both parties to the dispute", our reporter notes.\n'
    )
    check = check_quotes(source, article)
    assert [(q.kind, q.source) for q in check.clauses] == [(QuoteKind.VERBATIM, (1, 0)), (QuoteKind.VERBATIM, (2,))]
    assert check.clauses[1].quoted_words == 12  # the quotation's words, not the reporter's


def test_a_paraphrase_draws_on_its_clause_and_no_words_are_verbatim() -> None:
    source = ["The commission shall publish an annual report describing enforcement actions, complaints and budgets."]
    article = ["Enforcement actions, budgets and complaints appear in the annual report the commission must publish."]
    (quoted,) = check_quotes(source, article).clauses
    assert (quoted.kind, quoted.source, quoted.verbatim_words) == (QuoteKind.PARAPHRASE, (0,), 0)


def test_the_quotes_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conceptdiff.cli import main

    expected = _expected("eupl-article")
    paths = [str(ROOT / str(expected["source"])), str(ROOT / str(expected["article"]))]
    assert main(["quotes", *paths, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert [c["kind"] for c in data["clauses"]] == [c["kind"] for c in expected["clauses"]]  # type: ignore[attr-defined]
    for format_ in ("text", "markdown", "html"):
        assert main(["quotes", *paths, "--format", format_, "-o", str(tmp_path / f"q.{format_}")]) == 0
        report = (tmp_path / f"q.{format_}").read_text(encoding="utf-8")
        assert "fidelity 98.9%" in report  # 92 of the 93 quoted words: "shall" became "may"
    assert main(["quotes", paths[0], str(tmp_path / "missing.txt")]) == 2


def test_html_report_escapes_document_text() -> None:
    from conceptdiff.render.quotes import render_quotes

    check = check_quotes(["The <script>alert(1)</script> clause says what it says."], ["<b>Bold</b> claims."])
    page = render_quotes(check, format="html")
    assert "<script>alert" not in page and "<b>Bold" not in page and "script-src 'none'" in page


@settings(max_examples=60, deadline=None)  # the first example loads the language model
@given(quoted_articles())
def test_generated_articles_are_classed_as_they_were_built(article: QuotedArticle) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConceptDiffWarning)
        check = check_quotes(article.source, article.article_text)
    assert [q.kind.value for q in check.clauses] == list(article.kinds)
    for quoted, origin in zip(check.clauses, article.origins, strict=True):
        if quoted.kind is QuoteKind.VERBATIM:
            # The quotation's words are in the clauses it is said to draw on.
            words = conceptdiff.normalize.words(check.article.clauses[quoted.clause].text)
            held = conceptdiff.normalize.words(" ".join(check.source.clauses[i].text for i in quoted.source))
            assert " ".join(words) in " ".join(held)
        if origin and quoted.kind is not QuoteKind.VERBATIM:
            assert quoted.source  # it draws on something
    assert 0 <= check.fidelity <= 1
    quoting = [q for q in check.clauses if q.kind.value in ("verbatim", "elided")]
    if quoting and len(quoting) == sum(q.kind.value in ("verbatim", "elided", "altered") for q in check.clauses):
        assert check.fidelity == 1.0


def test_checking_a_text_against_itself_is_all_verbatim() -> None:
    text = (ROOT / "fixtures/corpus/eupl-1.2.en.txt").read_text(encoding="utf-8")
    edition = Edition.from_text(text)
    check = check_quotes(edition, edition)
    assert {q.kind for q in check.clauses} == {QuoteKind.VERBATIM} and check.fidelity == 1.0
    # Only a clause the text holds twice can be left out: its quotation is credited to the first copy.
    texts = [clause.normalized for clause in edition.clauses]
    left_out = [i for _, indices in check.uncovered for i in indices]
    assert all(texts.count(texts[i]) > 1 for i in left_out)
