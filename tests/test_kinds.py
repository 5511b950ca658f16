"""Each kind of change on a hand-made pair named after what it shows."""

from __future__ import annotations

import pytest

import conceptdiff
from conceptdiff import ChangeKind, Edition, MatchMethod

from .conftest import PAIRS


def compare_pair(name: str) -> conceptdiff.Comparison:
    return conceptdiff.compare(Edition.from_path(PAIRS / name / "old.txt"), Edition.from_path(PAIRS / name / "new.txt"))


def non_unchanged(result: conceptdiff.Comparison) -> list[tuple[ChangeKind, tuple[int, ...], tuple[int, ...]]]:
    return [(c.kind, c.old, c.new) for c in result.changes if c.kind is not ChangeKind.UNCHANGED]


def test_identical_editions_have_no_changes() -> None:
    result = compare_pair("identical")
    assert not result.has_changes
    assert {c.kind for c in result.changes} == {ChangeKind.UNCHANGED}


def test_curly_and_straight_quotes_are_the_same_text() -> None:
    result = compare_pair("smart_quotes_vs_ascii")
    assert [c.kind for c in result.changes] == [ChangeKind.UNCHANGED, ChangeKind.UNCHANGED]
    assert all(c.method is MatchMethod.NORMALIZED for c in result.changes)
    # The original text is kept: the edits still show the cosmetic difference.
    assert result.changes[0].edits
    assert "“Licensor”" in result.changes[0].old_text


def test_added_and_removed() -> None:
    result = compare_pair("added_and_removed")
    assert non_unchanged(result) == [
        (ChangeKind.REMOVED, (1,), ()),
        (ChangeKind.ADDED, (), (2,)),
    ]
    removed = result.changes[1]
    assert removed.old_text == "Members pay an annual fee of 30 euros."


def test_renumbering_alone_is_not_a_rewording() -> None:
    result = compare_pair("renumbered_sections")
    old, new = result.old.clauses, result.new.clauses
    by_old = {c.old: c for c in result.changes if c.old}
    definitions = by_old[(2,)]  # "2. Definitions" became "3. Definitions"
    assert (old[2].label, new[definitions.new[0]].label) == ("2", "3")
    assert definitions.kind is ChangeKind.UNCHANGED
    assert definitions.relabeled
    added = [new[c.new[0]].text for c in result.changes if c.kind is ChangeKind.ADDED]
    assert added == ["Purpose", "The purpose of this Regulation is to set common reporting rules."]


def test_split_in_two() -> None:
    result = compare_pair("clause_split_in_two")
    assert non_unchanged(result) == [(ChangeKind.SPLIT, (0,), (0, 1))]
    split = result.changes[0]
    assert split.similarity > 0.9
    assert split.new_text.split("\n") == [result.new.clauses[0].text, result.new.clauses[1].text]


def test_merged_into_one() -> None:
    result = compare_pair("clauses_merged_into_one")
    assert non_unchanged(result) == [(ChangeKind.MERGED, (0, 1), (0,))]
    assert result.changes[0].edits  # reworded while merged


def test_moved_and_reworded() -> None:
    result = compare_pair("moved_and_reworded")
    moved = [c for c in result.changes if c.kind is ChangeKind.MOVED]
    assert [(c.old, c.new) for c in moved] == [((1,), (4,))]
    assert moved[0].method is MatchMethod.FUZZY
    inserted = [e.text for e in moved[0].edits if e.op is conceptdiff.EditOp.INSERT]
    assert "shall" in " ".join(inserted) and "national" in " ".join(inserted)
    # The other articles were renumbered, not reworded.
    others = [c for c in result.changes if c.kind is ChangeKind.UNCHANGED]
    assert len(others) == 4
    assert sum(c.relabeled for c in others) == 3


def test_reworded_obligations_show_word_edits() -> None:
    result = compare_pair("reworded_obligation")
    assert [c.kind for c in result.changes] == [ChangeKind.REWORDED, ChangeKind.REWORDED]
    first = [(e.op.value, e.text) for e in result.changes[0].edits if e.op is not conceptdiff.EditOp.EQUAL]
    assert first == [("delete", "may"), ("insert", "shall"), ("delete", "30"), ("insert", "60")]
    second = [(e.op.value, e.text.strip()) for e in result.changes[1].edits if e.op is not conceptdiff.EditOp.EQUAL]
    assert second == [("insert", "not")]


def test_duplicates_pair_nth_with_nth() -> None:
    old = Edition.from_clauses(["Same text here.", "Other.", "Same text here."])
    new = Edition.from_clauses(["Same text here.", "Other.", "Inserted clause entirely new.", "Same text here."])
    result = conceptdiff.compare(old, new)
    links = sorted((c.old, c.new) for c in result.changes if c.old and c.new)
    assert links == [((0,), (0,)), ((1,), (1,)), ((2,), (3,))]


def test_string_arguments_are_read_as_text() -> None:
    result = conceptdiff.compare("One.\n\nTwo.\n", "One.\n\nTwo.\n")
    assert not result.has_changes
    assert (result.old.label, result.new.label) == ("old", "new")


def test_detect_moves_off_reports_removed_and_added() -> None:
    old = Edition.from_clauses(["Alpha clause one text.", "Beta clause two text.", "Gamma clause three text."])
    new = Edition.from_clauses(["Beta clause two text.", "Gamma clause three text.", "Alpha clause one text."])
    on = conceptdiff.compare(old, new)
    off = conceptdiff.compare(old, new, options=conceptdiff.Options(detect_moves=False))
    assert [c.kind for c in on.changes].count(ChangeKind.MOVED) == 1
    assert ChangeKind.MOVED not in {c.kind for c in off.changes}
    assert sorted(c.kind.value for c in off.changes if c.kind is not ChangeKind.UNCHANGED) == ["added", "removed"]


def test_reworded_threshold_decides_rewording() -> None:
    # 4 of 6 words shared in order: similarity 2*4/(5+6) = 0.73.
    old = Edition.from_clauses(["Intro.", "members may vote on budgets", "End."])
    new = Edition.from_clauses(["Intro.", "members shall vote on all budgets", "End."])
    low = conceptdiff.compare(old, new, options=conceptdiff.Options(reworded_threshold=0.5))
    strict = conceptdiff.Options(reworded_threshold=0.9, positional_threshold=0.9, in_place_threshold=0.9)
    high = conceptdiff.compare(old, new, options=strict)
    assert next(c for c in low.changes if 1 in c.old).kind is ChangeKind.REWORDED
    assert next(c for c in high.changes if 1 in c.old).kind is ChangeKind.REMOVED


def test_a_quotation_with_elisions_matches_its_full_source_clause() -> None:
    full = (
        "Russia pursues an independent foreign policy guided by its national interests and by the awareness "
        "of its special responsibility for maintaining peace and security at the global and regional levels."
    )
    quoted = "Russia pursues an independent foreign policy [...] for maintaining peace and security […]."
    old = Edition.from_clauses(["Introduction to the concept.", full, "Final provisions apply."])
    new = Edition.from_clauses(["Introduction to the concept.", quoted, "Final provisions apply."])
    middle = next(c for c in conceptdiff.compare(old, new).changes if c.old == (1,))
    assert (middle.kind, middle.new) == (ChangeKind.REWORDED, (1,))
    assert middle.similarity == 1.0  # every quoted word is in the source, in order


def test_a_run_of_clauses_reworded_alike_in_words_too_common_to_index() -> None:
    old = Edition.from_clauses([f"{n}. The secretariat shall inform all members." for n in range(1, 41)])
    new = Edition.from_clauses([f"{n}. The secretariat shall inform some members." for n in range(1, 41)])
    result = conceptdiff.compare(old, new)
    assert [(c.kind, c.old, c.new) for c in result.changes] == [(ChangeKind.REWORDED, (i,), (i,)) for i in range(40)]


def test_text_given_to_compare_is_read_with_the_comparisons_options() -> None:
    text = "A clause that is repeated.\n\nA clause that is repeated.\n\nThe end.\n"
    kept = conceptdiff.compare(text, text, options=conceptdiff.Options(drop_duplicates=False))
    dropped = conceptdiff.compare(text, text)
    assert len(kept.old.clauses) == len(dropped.old.clauses) + 1


def test_a_lone_pair_with_the_same_number_is_matched_by_number() -> None:
    # similarity 2 * 4 / (9 + 8) = 0.47: under reworded_threshold, over positional_threshold
    old = Edition.from_clauses(["1. Scope.", "2. Members may vote on the annual budget of the union.", "3. End."])
    new = Edition.from_clauses(["1. Scope.", "2. Only delegates vote on the annual accounts.", "3. End."])
    middle = next(c for c in conceptdiff.compare(old, new).changes if c.old == (1,))
    assert (middle.kind, middle.new, middle.method) == (ChangeKind.REWORDED, (1,), MatchMethod.NUMBER)
    unlabelled = conceptdiff.compare(
        Edition.from_clauses(["Scope.", "Members may vote on the annual budget of the union.", "End."]),
        Edition.from_clauses(["Scope.", "Only delegates vote on the annual accounts.", "End."]),
    )
    assert next(c for c in unlabelled.changes if c.old == (1,)).method is MatchMethod.POSITIONAL


def test_text_with_a_lone_surrogate_is_refused_where_it_comes_in() -> None:
    with pytest.raises(conceptdiff.InputError, match="lone surrogate"):
        Edition.from_text("One.\n\nTwo \ud800 three.\n")
    with pytest.raises(conceptdiff.InputError, match="clause 1"):
        Edition.from_clauses(["Fine.", "Not \udfff fine."])
