"""Clause history across many editions: lineages, blame, timeline, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import ChangeKind, Edition, History, InvalidComparisonError, compare
from conceptdiff.strategies import EditionSeries, edition_series

from .conftest import CORPUS, ROOT

HISTORY_SCHEMA = json.loads((ROOT / "docs/schema/history.schema.json").read_text(encoding="utf-8"))

# A three-edition series whose history is known (the case the issue names):
# "Audits" removed in the second edition, "Notices" in the third, "Appeals"
# added in the second and reworded in the third, "Fees" reworded in the second.
FIRST = [
    "Members of the association may vote at every general meeting.",
    "Fees are due within thirty days of the invoice being sent.",
    "Audits of the accounts are carried out every year by an external firm.",
    "Notices to members are sent by post to their registered address.",
    "The board meets at least four times in each calendar year.",
]
SECOND = [
    "Members of the association may vote at every general meeting.",
    "Fees are due within sixty days of the invoice being sent.",
    "Notices to members are sent by post to their registered address.",
    "Appeals against a decision of the board go to the general meeting.",
    "The board meets at least four times in each calendar year.",
]
THIRD = [
    "Members of the association may vote at every general meeting.",
    "Fees are due within sixty days of the invoice being sent.",
    "Appeals against a decision of the board go to an independent panel.",
    "The board meets at least four times in each calendar year.",
]


@pytest.fixture(scope="module")
def known() -> History:
    return conceptdiff.history([FIRST, SECOND, THIRD])


def test_blame_gives_each_clause_its_origin_and_last_change(known: History) -> None:
    blame = [(known.editions[-1].clauses[b.clause].text[:12], b.introduced, b.last_changed) for b in known.blame(-1)]
    assert blame == [
        ("Members of t", 0, 0),
        ("Fees are due", 0, 1),
        ("Appeals agai", 1, 2),
        ("The board me", 0, 0),
    ]


def test_the_removed_lineages_are_exactly_the_removed_clauses(known: History) -> None:
    removed = [(lineage.removed, FIRST[lineage.clauses[0][0]][:7]) for lineage in known.lineages if lineage.removed]
    assert sorted(removed) == [(1, "Audits "), (2, "Notices")]


def test_a_lineage_follows_its_clause_through_each_step(known: History) -> None:
    appeals = known.lineage_of(-1, 2)
    assert (appeals.introduced, appeals.removed, appeals.clauses) == (1, None, ((), (3,), (2,)))
    assert [step.kinds for step in appeals.steps] == [(ChangeKind.ADDED,), (ChangeKind.REWORDED,)]
    assert appeals.last_changed == 2
    assert known.lineage_of(0, 0) is known.lineage_of(2, 0)


def test_the_timeline_counts_each_edition(known: History) -> None:
    rows = [(t.clauses, t.added, t.removed, t.reworded, t.unchanged) for t in known.timeline()]
    assert rows == [(5, 0, 0, 0, 0), (5, 1, 1, 1, 3), (4, 0, 1, 1, 3)]
    shares = [t.first_edition_words for t in known.timeline()]
    assert shares[0] == 1.0 and shares[0] > shares[1] > shares[2] > 0.5


def test_history_of_two_editions_is_compare() -> None:
    (step,) = conceptdiff.history([FIRST, SECOND]).comparisons
    direct = compare(FIRST, SECOND)
    assert (step.changes, step.set_aside, step.options) == (direct.changes, direct.set_aside, direct.options)
    assert (step.old, step.new) == (direct.old, direct.new)


def test_json_is_schema_valid_and_round_trips(known: History) -> None:
    data = json.loads(json.dumps(known.to_dict()))
    jsonschema.validate(data, HISTORY_SCHEMA)
    again = History.from_dict(data)
    assert again.to_dict() == known.to_dict()
    with pytest.raises(InvalidComparisonError, match="schema"):
        History.from_dict({**data, "schema": "conceptdiff.history/9"})
    with pytest.raises(InvalidComparisonError, match="one step between"):
        History.from_dict({**data, "steps": data["steps"][:1]})


def test_labels_and_bad_arguments() -> None:
    h = conceptdiff.history([FIRST, SECOND], labels=["2020", "2021"])
    assert [e.label for e in h.editions] == ["2020", "2021"]
    assert [e.label for e in conceptdiff.history([FIRST, SECOND]).editions] == ["edition 1", "edition 2"]
    with pytest.raises(conceptdiff.InvalidOptionsError, match="labels"):
        conceptdiff.history([FIRST, SECOND], labels=["only one"])
    with pytest.raises(conceptdiff.InvalidOptionsError, match="editions"):
        conceptdiff.history("not a series")
    with pytest.raises(conceptdiff.InputTypeError):
        conceptdiff.history([FIRST, 42])  # type: ignore[list-item]
    with pytest.raises(IndexError):
        conceptdiff.history([FIRST]).blame(3)


def test_a_process_pool_gives_the_same_history() -> None:
    series = [FIRST, SECOND, THIRD, FIRST]
    serial = conceptdiff.history(series, workers=1)
    pooled = conceptdiff.history(series, workers=2)
    assert pooled.to_dict() == serial.to_dict()


# -- real editions ------------------------------------------------------------------

GITHUB = [CORPUS / f"github-privacy-statement-{date}.en.txt" for date in ("2022-09-01", "2022-12-15", "2023-10-10")]
LICENSE = (
    "This Privacy Statement is licensed under this Creative Commons Zero license. "
    "For details, see our site-policy repository."
)
FEEDBACK = "We collect any feedback or ratings you provide, including through written communications and via surveys."


@pytest.fixture(scope="module")
def github() -> History:
    return conceptdiff.history([Path(p) for p in GITHUB])


def test_github_privacy_statements_blame(github: History) -> None:
    """Hand-checked in the three files: the licence paragraph is the same in all
    three; the feedback sentence first appears in December 2022 (the Global
    Privacy Practices merged in) and is the same in October 2023."""
    assert [e.label for e in github.editions] == [p.name for p in GITHUB]
    last = github.editions[-1]
    blame = {last.clauses[b.clause].text: (b.introduced, b.last_changed) for b in github.blame()}
    assert blame[LICENSE] == (0, 0)
    assert blame[FEEDBACK] == (1, 1)


def test_github_privacy_statements_removed_sections(github: History) -> None:
    """The September 2022 headings "No selling of personal data" and
    "GitHub's notice to California residents" are gone in December 2022."""
    first = github.editions[0]
    for heading in ("No selling of personal data", "GitHub's notice to California residents"):
        (index,) = [i for i, c in enumerate(first.clauses) if c.text.replace("’", "'") == heading]
        assert github.lineage_of(0, index).removed == 1


# -- properties ---------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(edition_series(max_editions=4))
def test_history_is_the_chain_of_comparisons_and_finds_the_truth(series: EditionSeries) -> None:
    h = conceptdiff.history(series.editions)
    for k, (comparison, truth) in enumerate(zip(h.comparisons, series.steps, strict=True)):
        assert comparison.changes == compare(series.editions[k], series.editions[k + 1]).changes
        assert {(c.kind, c.old, c.new) for c in comparison.changes} == {(c.kind, c.old, c.new) for c in truth}


@settings(max_examples=40, deadline=None)
@given(edition_series(max_editions=4))
def test_lineages_partition_every_edition(series: EditionSeries) -> None:
    h = conceptdiff.history(series.editions)
    for k, edition in enumerate(h.editions):
        held = sorted(i for lineage in h.lineages for i in lineage.clauses[k])
        assert held == list(range(len(edition.clauses)))
    for lineage in h.lineages:
        present = [k for k in range(len(h.editions)) if lineage.present(k)]
        assert present == list(range(lineage.introduced, lineage.removed or len(h.editions)))  # no gaps


@settings(max_examples=40, deadline=None)
@given(edition_series(max_editions=4), st.data())
def test_blame_is_ordered_and_agrees_with_the_lineages(series: EditionSeries, data: st.DataObject) -> None:
    h = conceptdiff.history(series.editions)
    edition = data.draw(st.integers(0, len(h.editions) - 1), label="edition")
    for entry in h.blame(edition):
        assert entry.introduced <= entry.last_changed <= edition
        lineage = h.lineages[entry.lineage]
        assert entry.clause in lineage.clauses[edition]
        assert lineage.introduced <= entry.introduced


@settings(max_examples=40, deadline=None)
@given(edition_series(max_editions=4))
def test_reversing_the_series_swaps_introduced_and_removed(series: EditionSeries) -> None:
    forward = conceptdiff.history(series.editions)
    backward = conceptdiff.history(series.editions[::-1])
    n = len(series.editions)
    for lineage in forward.lineages:
        last = (lineage.removed or n) - 1
        mirror = backward.lineage_of(n - 1 - last, lineage.clauses[last][0])
        assert mirror.clauses == lineage.clauses[::-1]
        assert mirror.introduced == n - 1 - last
        assert mirror.removed == (None if lineage.introduced == 0 else n - lineage.introduced)


@settings(max_examples=25, deadline=None)
@given(edition_series(max_editions=3))
def test_history_json_round_trips(series: EditionSeries) -> None:
    h = conceptdiff.history(series.editions)
    data = json.loads(json.dumps(h.to_dict()))
    assert History.from_dict(data).to_dict() == data


def test_an_edition_alone_is_a_history() -> None:
    h = conceptdiff.history([Edition.from_clauses(FIRST)])
    assert not h.comparisons and len(h.lineages) == len(FIRST)
    assert all(b.introduced == b.last_changed == 0 for b in h.blame())


# -- views and the command line -----------------------------------------------------

HOSTILE = [*FIRST[:-1], "The board meets <script>alert(1)</script> at least four times in each calendar year."]


def test_every_view_of_the_history_and_the_blame(known: History) -> None:
    from conceptdiff.render.history import render_blame, render_history

    data = json.loads(render_history(known, format="json"))
    assert data == json.loads(json.dumps(known.to_dict()))
    text = render_history(known)
    assert "Removed along the way (2; [first–last edition]):" in text
    assert "  [1–1] Audits of the accounts are carried out every year by an external firm." in text
    assert "  [1–2] Notices to members are sent by post to their registered address." in text
    markdown = render_history(known, format="markdown")
    assert "| 2. edition 2 | 5 | 1 | 1 | 1 | 0 | 0 | 0 | 3 | 0 |" in markdown
    blame = render_blame(known)
    assert "    2     3  Appeals against a decision of the board go to an independent panel." in blame
    first = json.loads(render_blame(known, edition=0, format="json"))
    assert first["edition"] == 0 and [c["introduced"] for c in first["clauses"]] == [0] * 5


def test_html_views_escape_document_text_and_allow_no_script() -> None:
    from conceptdiff.render.history import render_blame, render_history

    h = conceptdiff.history([FIRST, HOSTILE])
    for page in (render_blame(h, format="html"), render_history(h, format="html")):
        assert "<script>" not in page and "script-src 'none'" in page
    page = render_blame(h, format="html")
    assert page.count("<details>") == len(HOSTILE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    with pytest.raises(conceptdiff.InvalidOptionsError, match="format"):
        render_history(h, format="pdf")


def test_the_history_and_blame_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conceptdiff.cli import main

    paths = []
    for n, clauses in enumerate((FIRST, SECOND, THIRD)):
        path = tmp_path / f"v{n + 1}.txt"
        path.write_text("\n\n".join(clauses) + "\n", encoding="utf-8")
        paths.append(str(path))
    assert main(["history", *paths, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, HISTORY_SCHEMA)
    assert [e["label"] for e in data["editions"]] == ["v1.txt", "v2.txt", "v3.txt"]
    assert main(["blame", *paths, "--label", "2019", "--label", "2020", "--label", "2021"]) == 0
    out = capsys.readouterr().out
    assert "Blame of 2021 (edition 3 of 3): 4 clauses" in out
    assert main(["blame", *paths, "--edition", "1", "--format", "markdown", "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# Blame of v1.txt (edition 1 of 3)")
    assert main(["history", *paths, "--label", "only"]) == 2
    assert main(["blame", *paths, "--edition", "9"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("conceptdiff: error: ") for line in err)


def test_the_national_security_strategies_history_is_their_comparison() -> None:
    """Two real editions (2002, 2006): the history is the comparison, and every
    2006 clause is blamed on 2002 when its lineage reaches back, else on 2006."""
    old, new = CORPUS / "us-nss-2002.en.txt", CORPUS / "us-nss-2006.en.txt"
    h = conceptdiff.history([old, new])
    direct = compare(old, new)
    assert h.comparisons[0].changes == direct.changes and h.comparisons[0].set_aside == direct.set_aside
    from_2002 = {j for change in direct.changes if change.old for j in change.new}
    for entry in h.blame():
        assert entry.introduced == (0 if entry.clause in from_2002 else 1)
