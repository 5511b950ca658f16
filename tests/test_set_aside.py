"""Set-aside text is part of the comparison: a change in it is a change.

The seed article (``fixtures/seed``) carries a dateline and a bullet listed
twice; the reader sets both aside (boilerplate, duplicate).  Changing the
dateline and deleting one of the two bullets changes no clause, yet the
editions differ, and every report and the exit status must say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import ChangeKind, Edition, Options, SetAsideChange
from conceptdiff.cli import main
from conceptdiff.compare import set_aside_changes
from conceptdiff.significance import Difference, has_changes

from .conftest import ROOT

SEED = ROOT / "fixtures/seed/news-article-ru-foreign-policy-concept-2023.txt"
DATELINE, NEW_DATELINE = "Saturday, 1 April 2023", "Sunday, 2 April 2023"
DUPLICATE = "  • forming a just and sustainable world order;"


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed with a changed dateline and the second copy of a duplicated bullet deleted."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert lines[0] == DATELINE and lines.count(DUPLICATE) == 2
    lines[0] = NEW_DATELINE
    del lines[len(lines) - 1 - lines[::-1].index(DUPLICATE)]
    path = tmp_path_factory.mktemp("seed") / "edited.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["compare", *args])
    return status, capsys.readouterr().out


def test_the_api_reports_both_differences(edited: Path) -> None:
    result = conceptdiff.compare(SEED, edited)
    assert not any(change.is_change for change in result.changes)  # no clause changed ...
    assert result.has_changes  # ... but the editions differ
    found = [(c.kind, c.reason, c.old_text, c.new_text) for c in result.set_aside]
    assert found == [
        (ChangeKind.REWORDED, "boilerplate", DATELINE, NEW_DATELINE),
        (ChangeKind.REMOVED, "duplicate", DUPLICATE.strip(), ""),
    ]


@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_every_report_shows_both_and_the_command_exits_1(
    edited: Path, capsys: pytest.CaptureFixture[str], format_: str
) -> None:
    status, out = run(capsys, str(SEED), str(edited), "--format", format_)
    assert status == 1
    assert "Set aside in both editions, but different".lower() in out.lower()
    assert "Saturday" in out and "Sunday" in out
    assert "forming a just and sustainable world order" in out
    assert "No changes." not in out


def test_json_has_them_and_the_exit_status_agrees(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, str(SEED), str(edited), "--format", "json")
    data = json.loads(out)
    assert status == 1 and data["has_changes"] is True
    assert [d["reason"] for d in data["set_aside"]] == ["boilerplate", "duplicate"]


def test_ignore_set_aside_relaxes_the_exit_status_and_the_report(
    edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(capsys, str(SEED), str(edited), "--ignore", "set-aside")
    assert status == 0
    assert "Sunday" not in out


def test_keep_makes_them_clauses(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, str(SEED), str(edited), "--keep", "boilerplate,duplicates")
    assert status == 1
    assert "1 reworded, 1 removed" in " ".join(out.split()) and "set-aside difference" not in out
    kept = Options().keeping("boilerplate", "duplicates")
    result = conceptdiff.compare(SEED, edited, options=kept)
    assert result.counts[ChangeKind.REWORDED] == 1 and result.counts[ChangeKind.REMOVED] == 1
    assert not result.set_aside


def test_a_bad_name_for_keep_or_ignore_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SEED), str(SEED), "--keep", "footers"]) == 2
    assert main(["compare", str(SEED), str(SEED), "--ignore", "typos"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "'footers'" in err[0] and "'typos'" in err[1]


def test_a_quotes_only_edit_is_a_change_unless_cosmetic_is_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("The “Licensor” grants the licence.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text('The "Licensor" grants the licence.\n', encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    status, out = run(capsys, *paths)
    assert status == 1 and "cosmetic" in out
    status, out = run(capsys, *paths, "--ignore", "cosmetic")
    assert status == 0 and "1 change not shown (ignored: cosmetic)" in out
    status, _ = run(capsys, *paths, "--hide-cosmetic")  # the report only: still a change
    assert status == 1


def test_the_same_edition_has_no_set_aside_differences() -> None:
    edition = Edition.from_path(SEED)
    assert edition.dropped and set_aside_changes(edition, edition, Options()) == ()


def test_page_numbers_found_in_both_editions_are_no_difference() -> None:
    def page(n: int) -> str:
        return f"Article {n}. The Council shall meet in public {n} times and publish its minutes.\n\n{n}\n\f"

    old = Edition.from_text("".join(page(n) for n in range(1, 6)))
    new = Edition.from_text("".join(page(n) for n in range(1, 7)))
    assert any(d.reason == "page-number" for d in old.dropped)
    found = set_aside_changes(old, new, Options())
    assert [(c.kind, c.reason, c.new_text) for c in found] == [(ChangeKind.ADDED, "page-number", "6")]


_FURNITURE = st.sampled_from(
    ["Share this article", "Saturday, 1 April 2023", "Sunday, 2 April 2023", "Photo: Reuters", "Print this page"]
)


@given(old=st.lists(_FURNITURE, max_size=4), new=st.lists(_FURNITURE, max_size=4))
def test_set_aside_differences_account_for_every_span_once_and_invert(old: list[str], new: list[str]) -> None:
    body = "The Council shall meet in public and publish its minutes within a week of each meeting."

    def edition(lines: list[str]) -> Edition:
        return Edition.from_text("\n\n".join([*lines, body]) + "\n")

    a, b = edition(old), edition(new)
    forward = conceptdiff.compare(a, b)
    backward = conceptdiff.compare(b, a)

    def seen(changes: tuple[SetAsideChange, ...]) -> list[tuple[object, ...]]:
        return [(c.kind, c.reason, c.old, c.new, c.old_text, c.new_text) for c in changes]

    assert seen(forward.inverse().set_aside) == seen(backward.set_aside)
    assert has_changes(forward, ignore=Difference.SET_ASIDE) is False
    # Each set-aside span is in at most one difference: matched ones in none.
    olds = [c.old for c in forward.set_aside if c.old is not None]
    news = [c.new for c in forward.set_aside if c.new is not None]
    assert len(olds) == len(set(olds)) and len(news) == len(set(news))
    unmatched = len(a.dropped) - len(olds)
    assert unmatched == len(b.dropped) - len(news)  # the rest are matched in pairs
