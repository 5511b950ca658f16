"""One input contract for every entry point, and what the results print as."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import (
    ChangeKind,
    ClauseKind,
    ConceptDiffError,
    ConceptDiffWarning,
    Edition,
    EditOp,
    InputTypeError,
    MatchMethod,
    compare,
)
from conceptdiff.strategies import clause_lists
from conceptdiff.testing import assert_same_content

from .conftest import PAIRS

OLD, NEW = PAIRS / "renumbered_sections" / "old.txt", PAIRS / "renumbered_sections" / "new.txt"


def test_a_path_is_a_file() -> None:
    by_path = compare(OLD, NEW)
    by_hand = compare(Edition.from_path(OLD), Edition.from_path(NEW))
    assert by_path.to_dict() == by_hand.to_dict()
    assert (by_path.old.label, by_path.new.label) == ("old.txt", "old.txt".replace("old", "new"))


def test_a_sequence_of_strings_is_clauses() -> None:
    old, new = ["1. Members may vote.", "2. Fees are due."], ("1. Members shall vote.", "2. Fees are due.")
    result = compare(old, new)
    assert (
        result.to_dict()
        == compare(Edition.from_clauses(old, label="old"), Edition.from_clauses(new, label="new")).to_dict()
    )
    assert [c.kind for c in result.changes] == [ChangeKind.REWORDED, ChangeKind.UNCHANGED]


def test_a_string_is_text_and_one_that_names_a_file_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(OLD.parent)
    with pytest.warns(ConceptDiffWarning, match=r"pathlib\.Path\('old\.txt'\)"):
        result = compare("old.txt", "Some other text.")
    assert result.old.texts == ("old.txt",)  # read as the text it is
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare("old.txt\n", "old.txt and more")  # a line break: text, no warning
        compare("no-such-file.txt", "x y z")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (42, "not int"),
        (None, "not NoneType"),
        (b"bytes", "decode bytes to str first"),
        ((line for line in ["a", "b"]), "not generator"),
        ({"a": 1}, "not dict"),
        (["fine", 3], "clause 1 is int"),
    ],
)
def test_anything_else_is_a_type_error_naming_the_side(value: object, message: str) -> None:
    with pytest.raises(InputTypeError, match=message) as raised:
        compare("Some text.", value)  # type: ignore[arg-type]
    assert isinstance(raised.value, TypeError) and isinstance(raised.value, ConceptDiffError)
    assert str(raised.value).startswith("new edition")
    assert raised.value.argument == "new"


def test_every_entry_point_reads_editions_the_same_way() -> None:
    (result,) = list(conceptdiff.compare_many([(OLD, ["1. Scope."])], executor="serial"))
    assert result.ok and result.unwrap().old.label == "old.txt" and result.unwrap().new.texts == ("Scope.",)
    (bad,) = list(conceptdiff.compare_many([(OLD, 42)], executor="serial"))  # type: ignore[list-item]
    assert bad.error is not None and bad.error.type == "InputTypeError"
    assert_same_content(OLD, OLD)
    with pytest.raises(InputTypeError):
        assert_same_content(OLD, 42)  # type: ignore[arg-type]


def test_an_edition_without_clauses_warns() -> None:
    with pytest.warns(ConceptDiffWarning, match="old edition has no clauses: it is empty or blank"):
        compare("  \n\n", "Text.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare("Text.", "Text.")


@given(clause_lists(), clause_lists())
def test_clause_lists_compare_as_the_editions_they_make(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConceptDiffWarning)  # an empty list makes an empty edition
        as_lists = compare(list(old), list(new))
        as_editions = compare(Edition.from_clauses(old), Edition.from_clauses(new))
    assert as_lists.changes == as_editions.changes


@given(clause_lists(), st.text(max_size=10))
def test_editions_are_equal_by_clause_content(texts: tuple[str, ...], label: str) -> None:
    edition = Edition.from_clauses(texts, label="a")
    relabeled = Edition(edition.clauses, label=label, dropped=())
    assert edition == relabeled and hash(edition) == hash(relabeled)
    if texts:
        changed = Edition.from_clauses((*texts[:-1], texts[-1] + " more"))
        assert changed != edition


def test_equality_across_text_and_clauses() -> None:
    text = "Members may vote.\n\nFees are due within 30 days.\n\n(a) Notices are in writing.\n"
    assert Edition.from_text(text) == Edition.from_clauses(
        ["Members may vote.", "Fees are due within 30 days.", "(a) Notices are in writing."]
    )


def test_enums_print_as_their_value() -> None:
    assert str(ChangeKind.REWORDED) == "reworded" and f"{ChangeKind.MOVED}" == "moved"
    assert f"{ClauseKind.LIST_ITEM:>10}" == " list_item"
    assert (str(EditOp.INSERT), str(MatchMethod.FUZZY)) == ("insert", "fuzzy")
    assert repr(ChangeKind.ADDED) == "<ChangeKind.ADDED: 'added'>"  # repr still says what it is


def test_a_comparison_reprs_on_one_line() -> None:
    result = compare(Edition.from_clauses(["A.", "B."], label="v1\nbad"), ["A.", "C is new."])
    shown = repr(result)
    assert "\n" not in shown
    assert shown == "<Comparison old='v1\\nbad' (2 clauses) new='new' (2 clauses): 1 unchanged, 1 added, 1 removed>"
