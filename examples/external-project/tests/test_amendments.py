"""The amendments printed for each new edition: assert_changes, summary snapshots, edited_pairs."""

from hypothesis import given, settings
from publisher import amendments

from conceptdiff import ChangeKind
from conceptdiff.strategies import EditedPair, edited_pairs
from conceptdiff.testing import assert_changes


def test_the_2024_edition_changes_what_the_assembly_voted(edition):
    # `edition` reads paths relative to this file.  Indices count from 0.
    assert_changes(
        edition("data/policy-2023.txt"),
        edition("data/policy-2024.txt"),
        [
            ("reworded", [2], [2]),  # decisions within 30 days, not 60
            ("added", [], [5]),  # unpaid fees suspend the right to vote
            ("moved", [8], [7]),  # the right of access comes first
            ("reworded", [10], [11]),  # entry into force
        ],
    )


def test_the_2024_change_summary_is_the_reviewed_one(edition, summary_snapshot):
    # Compared with tests/snapshots/test_amendments/<this test's name>.txt;
    # `pytest --conceptdiff-update` rewrites it after a review.
    summary_snapshot(edition("data/policy-2023.txt"), edition("data/policy-2024.txt"))


def test_the_2024_amendments_read_as_the_gazette_prints_them(edition):
    assert amendments(edition("data/policy-2023.txt"), edition("data/policy-2024.txt")) == [
        "Clause 3 is replaced by: 2 The Board decides on each application within 30 days and gives reasons "
        "for a refusal.",
        "Clause 6 is inserted: 5 Members who have not paid the fee by 30 June lose their right to vote until they pay.",
        "Clause 9 becomes clause 8.",
        "Clause 11 is replaced by: 9 This policy enters into force on 1 January 2024.",
    ]


@settings(max_examples=30, deadline=None)
@given(edited_pairs(mix="medium", ops=["delete", "insert", "reword", "move", "split", "merge", "renumber"]))
def test_every_edit_gets_one_amendment(pair: EditedPair):
    # Each generated pair is two Editions with their true list of changes.
    assert_changes(pair.old, pair.new, pair.changes)
    assert len(amendments(pair.old, pair.new)) == sum(1 for c in pair.changes if c.kind is not ChangeKind.UNCHANGED)
