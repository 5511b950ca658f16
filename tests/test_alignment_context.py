"""A link the neighbourhood does not support is not made (issue 14).

A clause whose text recurs ("This section is informative.", a second
"Introduction") is not *moved* across the document on its text alone, and a
split or merge does not reach across more than a quarter of the document.
"""

from __future__ import annotations

import conceptdiff
from conceptdiff import ChangeKind, Edition

BODY = [f"Clause {n} sets out rule number {n} of the standard in plain words." for n in range(1, 21)]


def test_a_recurring_sentence_is_not_moved_on_its_text_alone() -> None:
    stock = "This section is informative."
    old = Edition.from_clauses([*BODY[:5], stock, *BODY[5:15], stock, *BODY[15:]])
    # The new edition drops the first copy and adds one near the end, in another place.
    new = Edition.from_clauses([*BODY[:15], stock, *BODY[15:18], stock, *BODY[18:]])
    result = conceptdiff.compare(old, new)
    assert not [c for c in result.changes if c.kind is ChangeKind.MOVED]
    # The copy whose neighbours kept their place stays paired with its new copy.
    assert any(c.kind is ChangeKind.UNCHANGED and c.old == (16,) and c.new == (15,) for c in result.changes)


def test_a_unique_clause_still_moves() -> None:
    old = Edition.from_clauses(BODY)
    new = Edition.from_clauses([*BODY[:3], *BODY[4:17], BODY[3], *BODY[17:]])
    moved = [c for c in conceptdiff.compare(old, new).changes if c.kind is ChangeKind.MOVED]
    assert [(c.old, c.new) for c in moved] == [((3,), (16,))]


def test_a_merge_does_not_reach_across_the_document() -> None:
    old = Edition.from_clauses(["European Union Public Licence", "V. 1.1", *BODY, "Appendix", "- GNU GPL v. 2"])
    new = Edition.from_clauses(
        ["The licence of the Union", *BODY, "Appendix", "- GNU GPL v. 2", "- European Union Public Licence V. 1.1"]
    )
    result = conceptdiff.compare(old, new)
    for change in result.changes:
        if change.kind in (ChangeKind.MERGED, ChangeKind.SPLIT):
            reach = abs(change.old[0] / len(old.clauses) - change.new[0] / len(new.clauses))
            assert reach <= 0.25, change
    assert not any(c.kind is ChangeKind.MERGED and c.old == (0, 1) for c in result.changes)
