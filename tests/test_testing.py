"""conceptdiff.testing: assert_same_content, assert_changes and their reports.

The properties lean on conceptdiff.strategies: an edited pair's known answer
says which kinds of difference the two editions show, so it says which
``allow`` sets must pass and which must fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from conceptdiff import (
    ChangeKind,
    ConceptDiffError,
    Edition,
    FileReadError,
    InputTypeError,
    InvalidOptionsError,
    compare,
)
from conceptdiff.segment import clause_from_string
from conceptdiff.strategies import EditedPair, clause_lists, edited_pairs
from conceptdiff.testing import (
    ChangesMismatchError,
    ContentMismatchError,
    Difference,
    as_edition,
    assert_changes,
    assert_same_content,
    differences_of,
    explain_edition_inequality,
    format_changes,
)

from .conftest import PAIRS

EVERYTHING = (
    Difference.COSMETIC
    | Difference.REWORDING
    | Difference.RENUMBERING
    | Difference.MOVE
    | Difference.SPLIT
    | Difference.MERGE
    | Difference.ADDITION
    | Difference.REMOVAL
)
# A change line: two spaces, a sign, the kind, where, the differences in brackets.
CHANGE_LINE = re.compile(r"^  [~>+\-<&=] \w+ +(old #\d+|new #\d+).* \[[a-z, ]+\]: ")
# What a report must never carry raw: C0/C1 controls but the line break, bidi overrides.
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def pair_paths(name: str) -> tuple[Path, Path]:
    return PAIRS / name / "old.txt", PAIRS / name / "new.txt"


def failure(old: object, new: object, **kwargs: object) -> ContentMismatchError:
    with pytest.raises(ContentMismatchError) as caught:
        assert_same_content(old, new, **kwargs)  # type: ignore[arg-type]
    return caught.value


# --------------------------------------------------------------------------
# The fixture pairs: what each one needs allowed.
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "needed"),
    [
        ("identical", Difference.NONE),
        ("smart_quotes_vs_ascii", Difference.COSMETIC),  # any textual difference is a change, quotes too
        ("renumbered_sections", Difference.RENUMBERING | Difference.ADDITION),
        ("added_and_removed", Difference.ADDITION | Difference.REMOVAL),
        ("clause_split_in_two", Difference.SPLIT),
        ("reworded_obligation", Difference.REWORDING),
        ("moved_and_reworded", Difference.MOVE | Difference.REWORDING | Difference.RENUMBERING),
    ],
)
def test_a_fixture_pair_passes_with_what_it_needs_and_fails_without_any_part_of_it(
    name: str, needed: Difference
) -> None:
    old, new = pair_paths(name)
    result = assert_same_content(old, new, allow=needed)
    assert result.old.label == "old.txt"
    for member in needed:
        error = failure(old, new, allow=needed & ~member)
        assert all(differences_of(c, error.comparison) & member for c in error.changes)
        assert str(member.name).lower() in str(error).split("\n")[0]


def test_a_merge_that_rewords_needs_rewording_too() -> None:
    old, new = pair_paths("clauses_merged_into_one")
    assert_same_content(old, new, allow=Difference.MERGE | Difference.REWORDING)
    error = failure(old, new, allow=Difference.MERGE)
    assert "[merge, rewording]" in str(error)


def test_the_report_marks_each_rewording_word_by_word() -> None:
    error = failure(*pair_paths("reworded_obligation"), allow=Difference.COSMETIC | Difference.RENUMBERING)
    lines = str(error).split("\n")
    assert (
        lines[0]
        == "2 changes not allowed (2 rewordings) between old 'old.txt' (2 clauses) and new 'new.txt' (2 clauses)"
    )
    assert "Members [-may-]{+shall+} report" in lines[1]
    assert "[-30-]{+60+} days" in lines[1]
    assert "shall {+not+} publish" in lines[2]
    assert lines[-1] == "allowed: cosmetic, renumbering"
    assert all(CHANGE_LINE.match(line) for line in lines[1:3])


# --------------------------------------------------------------------------
# Cosmetic against substantive.
# --------------------------------------------------------------------------


def test_a_change_of_case_or_punctuation_is_cosmetic() -> None:
    old = ["1. Members may vote, in person.", "2. Fees are due."]
    new = ["1. MEMBERS MAY VOTE in person!", "2. Fees are due."]
    error = failure(old, new)
    assert "1 cosmetic change" in str(error)
    assert "[cosmetic]" in str(error)
    assert_same_content(old, new, allow=Difference.COSMETIC)
    assert_same_content(old, new, allow=Difference.REWORDING)  # rewording allows cosmetic


def test_a_changed_word_is_not_cosmetic() -> None:
    error = failure(["Members may vote."], ["Members shall vote."], allow=Difference.COSMETIC)
    assert error.changes[0].kind is ChangeKind.REWORDED
    assert differences_of(error.changes[0], error.comparison) == Difference.REWORDING


def _cosmetic_variant(text: str, how: str) -> str:
    body = clause_from_string(text).text
    if not body or not text.endswith(body):
        return text
    prefix = text[: len(text) - len(body)]
    if how == "upper":
        body = body.upper()
    elif how == "lower":
        body = body.lower()
    elif how == "punctuation":
        body = body.replace(",", "").rstrip(".;:!?") + "!"
    return prefix + body


@given(clause_lists(min_size=1, max_size=15), st.data())
def test_case_and_punctuation_noise_passes_as_cosmetic_and_only_as_cosmetic(
    clauses: tuple[str, ...], data: st.DataObject
) -> None:
    hows = data.draw(
        st.lists(
            st.sampled_from(["keep", "upper", "lower", "punctuation"]), min_size=len(clauses), max_size=len(clauses)
        )
    )
    noisy = [_cosmetic_variant(text, how) for text, how in zip(clauses, hows, strict=True)]
    old, new = Edition.from_clauses(clauses), Edition.from_clauses(noisy)
    assume([c.label for c in old.clauses] == [c.label for c in new.clauses])
    assert_same_content(old, new, allow=Difference.COSMETIC)
    changed = sum(a.normalized != b.normalized for a, b in zip(old.clauses, new.clauses, strict=True))
    if changed == 0:
        assert_same_content(old, new)
    else:
        error = failure(old, new, allow=EVERYTHING & ~Difference.COSMETIC & ~Difference.REWORDING)
        assert len(error.changes) == changed
        assert {differences_of(c, error.comparison) for c in error.changes} == {Difference.COSMETIC}


# --------------------------------------------------------------------------
# Properties on edited pairs with a known answer.
# --------------------------------------------------------------------------

# Each edit family, the differences it may introduce, and the kinds of its answer.
FAMILIES = {
    "delete": (["delete"], Difference.REMOVAL, {ChangeKind.REMOVED}),
    "insert": (["insert", "duplicate"], Difference.ADDITION, {ChangeKind.ADDED}),
    "reword": (["reword"], Difference.REWORDING, {ChangeKind.REWORDED}),
    "move": (["move", "move_block", "move_section"], Difference.MOVE | Difference.REWORDING, {ChangeKind.MOVED}),
    "split": (["split"], Difference.SPLIT | Difference.REWORDING, {ChangeKind.SPLIT}),
    "merge": (["merge"], Difference.MERGE | Difference.REWORDING, {ChangeKind.MERGED}),
}


@pytest.mark.parametrize("family", list(FAMILIES))
@given(data=st.data())
def test_a_pair_passes_when_its_edits_are_allowed_and_fails_when_they_are_not(family: str, data: st.DataObject) -> None:
    ops, needed, kinds = FAMILIES[family]
    pair: EditedPair = data.draw(edited_pairs(mix="heavy", ops=ops))
    # The stated changes are what conceptdiff finds (the strategies' promise) ...
    assert_changes(pair.old, pair.new, pair.changes)
    # ... so the answer says what must be allowed.
    assert_same_content(pair.old, pair.new, allow=needed)
    edited = [c for c in pair.changes if c.kind in kinds]
    if edited:
        main = Difference.REWORDING if family == "reword" else needed & ~Difference.REWORDING
        error = failure(pair.old, pair.new, allow=EVERYTHING & ~main)
        assert len(error.changes) == len(edited)
        assert {(c.kind, c.old, c.new) for c in error.changes} == {(c.kind, c.old, c.new) for c in edited}
    else:
        assert_same_content(pair.old, pair.new, allow=EVERYTHING & ~needed)


@given(edited_pairs(mix="heavy", ops=["renumber"]))
def test_renumbering_passes_only_when_allowed(pair: EditedPair) -> None:
    assert_same_content(pair.old, pair.new, allow=Difference.RENUMBERING)
    relabeled = [a != b for a, b in zip(pair.old_texts, pair.new_texts, strict=True)]
    if any(relabeled):
        error = failure(pair.old, pair.new, allow=EVERYTHING & ~Difference.RENUMBERING)
        assert [c.new[0] for c in error.changes] == [j for j, r in enumerate(relabeled) if r]
        assert all(line.startswith("  = renumbered") for line in str(error).split("\n")[1:-1])
    else:
        assert_same_content(pair.old, pair.new)


@given(edited_pairs(mix="heavy"))
def test_allowing_everything_always_passes_and_allowing_nothing_passes_only_without_changes(pair: EditedPair) -> None:
    result = assert_same_content(pair.old, pair.new, allow=EVERYTHING)
    if result.has_changes:
        assert failure(pair.old, pair.new).comparison == result
    else:
        assert_same_content(pair.old, pair.new)


@given(clause_lists(min_size=0, max_size=30))
def test_an_edition_has_the_same_content_as_itself(clauses: tuple[str, ...]) -> None:
    result = assert_same_content(clauses, list(clauses))
    assert not result.has_changes


@given(edited_pairs(mix="heavy"), st.integers(0, 6))
def test_the_report_is_bounded_and_lists_the_first_changes(pair: EditedPair, limit: int) -> None:
    try:
        assert_same_content(pair.old, pair.new, limit=limit)
    except ContentMismatchError as error:
        lines = str(error).split("\n")
        shown = min(limit, len(error.changes))
        change_lines = [line for line in lines if CHANGE_LINE.match(line)]
        assert len(change_lines) == shown
        assert len(lines) == 1 + shown + (shown < len(error.changes)) + 1
        assert all(len(line) <= 400 for line in lines)
        expected = format_changes(error.comparison, changes=error.changes, limit=limit)
        assert lines[1 : 1 + len(expected)] == expected


# --------------------------------------------------------------------------
# Report details: bounds and escaping.
# --------------------------------------------------------------------------


def test_a_huge_clause_is_shortened_around_its_edit() -> None:
    words = [f"word{i}" for i in range(5000)]
    old = " ".join(words)
    new = " ".join([*words[:2500], "CHANGED", *words[2501:]])
    error = failure([old], [new])
    line = str(error).split("\n")[1]
    assert "[-word2500-]{+CHANGED+}" in line
    assert "word2494 word2495" in line and "word2505" in line  # some context either side
    assert "word10 " not in line and "word4990" not in line
    assert len(line) < 200


def test_a_long_run_of_changes_is_cut_with_a_mark() -> None:
    old = " ".join(f"a{i}" for i in range(400))
    new = " ".join(f"a{i}" if i % 2 else f"b{i}" for i in range(400))
    line = str(failure([old], [new], allow=Difference.NONE)).split("\n")[1]
    assert line.endswith("(cut)")
    assert len(line) < 400


def test_many_changes_are_cut_at_the_limit_with_a_count() -> None:
    old = [f"Clause number {i} says something quite different." for i in range(3)]
    new = old + [f"Added clause {i} about {'x' * i} matters." for i in range(30)]
    lines = str(failure(old, new)).split("\n")
    assert lines[0].startswith("30 changes not allowed (30 additions)")
    assert sum(1 for line in lines if line.startswith("  + added")) == 10
    assert lines[-2] == "  … and 20 more (showing 10 of 30)"
    everything = str(failure(old, new, limit=None)).split("\n")
    assert sum(1 for line in everything if line.startswith("  + added")) == 30
    with pytest.raises(InvalidOptionsError, match="limit"):
        assert_same_content(old, new, limit=-1)
    with pytest.raises(InvalidOptionsError, match="limit"):
        assert_same_content(old, old, limit="5")  # type: ignore[arg-type]  # refused even when nothing differs
    with pytest.raises(InvalidOptionsError, match="limit"):
        assert_changes(old, old, [], limit=-2)


NASTY = ["\x1b[31m", "\x00", "\x07", "\u202e", "\u2066", "\x9b", "\x85", "\r", "\t", "\x0b", "\u200f"]


@given(st.lists(st.sampled_from([*NASTY, "word", "x", " ", "é", "🙂"]), min_size=1, max_size=12))
def test_document_text_is_escaped_in_reports(pieces: list[str]) -> None:
    tail = "".join(pieces)
    error = failure([f"Members may vote {tail} here."], [f"Members shall vote {tail} here."])
    assert not RAW_CONTROL.search(str(error)), repr(str(error))
    for line in explain_edition_inequality(error.comparison.old, error.comparison.new):
        assert not RAW_CONTROL.search(line) and "\n" not in line


def test_clauses_joined_by_a_split_are_shown_with_a_pilcrow() -> None:
    error = failure(*pair_paths("clause_split_in_two"))
    line = str(error).split("\n")[1]
    assert line.startswith("  < split     old #1 -> new #1-2 [split]: ")
    assert "in the capital. {+¶+} Extraordinary sessions" in line  # the split inserted a clause boundary


# --------------------------------------------------------------------------
# Arguments.
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "allow",
    [
        Difference.RENUMBERING | Difference.ADDITION,
        {Difference.RENUMBERING, Difference.ADDITION},
        ["renumbering", "addition"],
        ("Renumbering", Difference.ADDITION),
    ],
)
def test_allow_takes_flags_sets_and_names(allow: object) -> None:
    assert_same_content(*pair_paths("renumbered_sections"), allow=allow)  # type: ignore[arg-type]


def test_a_single_name_is_one_difference() -> None:
    assert_same_content(["a b c d."], ["A B C D!"], allow="cosmetic")


@pytest.mark.parametrize("allow", ["cosmetics", ["moves"], 3, [None]])
def test_unknown_allowances_are_refused_by_name(allow: object) -> None:
    with pytest.raises(InvalidOptionsError, match="allow") as caught:
        assert_same_content("a", "a", allow=allow)  # type: ignore[arg-type]
    assert isinstance(caught.value, ConceptDiffError)


def test_editions_can_be_given_as_editions_text_paths_or_clause_lists() -> None:
    old_path, new_path = pair_paths("reworded_obligation")
    old_text = old_path.read_text(encoding="utf-8")
    forms = [Edition.from_path(old_path), old_text, old_path, list(Edition.from_text(old_text).texts)]
    for form in forms:
        assert as_edition(form).texts == Edition.from_path(old_path).texts
        error = failure(form, new_path)
        assert len(error.changes) == 2


def test_a_string_is_text_and_the_report_says_so_when_it_names_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PAIRS / "reworded_obligation")
    error = failure("old.txt", Path("new.txt"))
    assert error.comparison.old.texts == ("old.txt",)
    assert (
        str(error).split("\n")[-1]
        == "note: old 'old.txt' was read as text; pass pathlib.Path('old.txt') to read the file"
    )


def test_bad_editions_raise_located_conceptdiff_errors(tmp_path: Path) -> None:
    with pytest.raises(InputTypeError, match="new edition must be an Edition") as raised:
        assert_same_content("text", b"bytes")  # type: ignore[arg-type]
    assert isinstance(raised.value, TypeError) and isinstance(raised.value, ConceptDiffError)
    with pytest.raises(FileReadError, match=re.escape(str(tmp_path / "missing.txt"))):
        assert_same_content(tmp_path / "missing.txt", "text")
    with pytest.raises(InputTypeError, match="clause 1 is int"):
        assert_same_content(["fine", 3], "text")  # type: ignore[list-item]


def test_a_failure_is_an_assertion_error_carrying_the_comparison() -> None:
    error = failure(*pair_paths("added_and_removed"))
    assert isinstance(error, AssertionError)
    assert error.comparison == compare(
        Edition.from_path(pair_paths("added_and_removed")[0]), Edition.from_path(pair_paths("added_and_removed")[1])
    )
    assert [c.kind for c in error.changes] == [ChangeKind.REMOVED, ChangeKind.ADDED]


# --------------------------------------------------------------------------
# assert_changes
# --------------------------------------------------------------------------


def test_expected_changes_can_be_tuples_objects_or_changes() -> None:
    old, new = pair_paths("added_and_removed")
    result = assert_changes(old, new, [("removed", [1], []), (ChangeKind.ADDED, (), (2,))])
    assert_changes(old, new, result.changes)  # every change, the unchanged ones too
    assert_changes(old, new, [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED])


def test_missing_and_unexpected_changes_are_listed_with_their_text() -> None:
    old, new = pair_paths("reworded_obligation")
    with pytest.raises(ChangesMismatchError) as caught:
        assert_changes(old, new, [("reworded", [0], [0]), ("moved", [1], [1])])
    error = caught.value
    lines = str(error).split("\n")
    assert lines[0] == "1 expected change not found, 1 change not expected"
    assert lines[2].startswith(
        "  missing:    > moved     old #2 -> new #2: 'The committee shall publish its findings.'"
    )
    assert lines[3].startswith("  unexpected: ~ reworded  old #2 -> new #2 [rewording]: The committee shall {+not+}")
    assert error.missing == ((ChangeKind.MOVED, (1,), (1,)),)
    assert [c.kind for c in error.unexpected] == [ChangeKind.REWORDED]


def test_an_expected_unchanged_clause_is_checked_but_unlisted_ones_are_not_required() -> None:
    old, new = pair_paths("renumbered_sections")
    assert_changes(old, new, [("added", [], [2]), ("added", [], [3])])
    with pytest.raises(ChangesMismatchError, match="1 expected change not found"):
        assert_changes(old, new, [("added", [], [2]), ("added", [], [3]), ("unchanged", [0], [1])])


def test_expected_indices_out_of_range_are_reported_not_crashed_on() -> None:
    with pytest.raises(ChangesMismatchError, match="no such new clause"):
        assert_changes(["One two three."], ["One two three."], [("added", [], [7])])


@pytest.mark.parametrize("bad", [("added", [0]), ("exploded", [0], [0]), ("added", ["x"], [])])
def test_malformed_expectations_are_refused(bad: object) -> None:
    with pytest.raises(InvalidOptionsError, match=r"expected\[0\]"):
        assert_changes(["a"], ["a"], [bad])  # type: ignore[list-item]


# --------------------------------------------------------------------------
# Explaining Edition == Edition
# --------------------------------------------------------------------------


def test_editions_are_equal_by_clause_content_whatever_their_labels_and_spans() -> None:
    text = (PAIRS / "identical" / "old.txt").read_text(encoding="utf-8")
    read = Edition.from_text(text, label="a")
    assert read == Edition.from_text("\n\n" + text)  # other spans, no label
    assert read == Edition.from_path(PAIRS / "identical" / "old.txt")
    assert hash(read) == hash(Edition.from_text(text))
    assert read != Edition.from_text(text.replace("the", "a", 1))


def test_typographic_differences_are_clause_level_changes() -> None:
    old, new = pair_paths("smart_quotes_vs_ascii")
    lines = explain_edition_inequality(Edition.from_path(old, label="x"), Edition.from_path(new, label="x"))
    assert lines[1] == "2 clause-level changes (conceptdiff):"
    assert lines[2].startswith('  = unchanged old #1 -> new #1 [cosmetic]: The term [-“Licensor”-]{+"Licensor"+}')


def test_a_kind_that_differs_is_named_when_the_texts_match() -> None:
    heading = Edition.from_text("SCOPE\n\nThe rules apply.\n")
    paragraph = Edition.from_clauses(["SCOPE", "The rules apply."])
    assert heading != paragraph
    lines = explain_edition_inequality(heading, paragraph)
    assert lines[1:] == ["the clauses' texts match; their kinds differ:", "  clause #1: kind 'heading' != 'paragraph'"]


def test_clause_level_changes_come_first_and_are_limited() -> None:
    old = Edition.from_clauses([f"Clause {i} of the old text." for i in range(20)], label="v")
    new = Edition.from_clauses([f"Clause {i} of the new text." for i in range(20)], label="v")
    lines = explain_edition_inequality(old, new, limit=3)
    assert lines[0] == "Edition('v', 20 clauses) == Edition('v', 20 clauses)"
    assert lines[1] == "20 clause-level changes (conceptdiff):"
    assert all(line.startswith("  ~ reworded") for line in lines[2:5])
    assert lines[5] == "  … and 17 more (showing 3 of 20)"
    assert len(explain_edition_inequality(old, new, limit=None)) > 20
