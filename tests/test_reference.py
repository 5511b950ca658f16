"""The real aligner agrees with the slow reference wherever the answer is unambiguous."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import ChangeKind
from conceptdiff.strategies import EditedPair, edited_pairs

from .reference import longest_increasing_runs, reference_align, similarity

_OPS = ["delete", "insert", "reword", "move", "renumber", "duplicate"]


# About two pairs in three are ambiguous for the reference (a tie it refuses to break) and
# filtered out by design: not a health problem of the strategy.
@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.sampled_from(["light", "medium", "heavy"]).flatmap(lambda mix: edited_pairs(mix=mix, ops=_OPS)))
def test_aligner_agrees_with_reference_where_unambiguous(pair: EditedPair) -> None:
    expected = reference_align(pair.old_texts, pair.new_texts)
    assume(expected is not None)
    result = conceptdiff.compare(pair.old, pair.new)
    assert {(c.kind, c.old, c.new) for c in result.changes} == expected


def test_reference_helpers_on_hand_worked_cases() -> None:
    # "a b c d" vs "a x c d": LCS 3 of 4 + 4 words -> 2*3/8
    assert similarity(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == 0.75
    # 3 1 2: the only longest increasing run is positions {1, 2} (values 1, 2)
    assert longest_increasing_runs([3, 1, 2]) == (2, [{1, 2}])
    # 2 1: two runs of length one, ambiguous
    assert longest_increasing_runs([2, 1])[1] == [{0}, {1}]


def test_reference_answers_a_clear_case_and_refuses_an_ambiguous_one() -> None:
    old = ["Members may vote on the annual budget.", "The chair is elected for two years.", "Fees are due.", "End."]
    new = ["The chair is elected for two years.", "Fees are due.", "End.", "Members shall vote on the annual budget."]
    assert reference_align(old, new) == {
        (ChangeKind.MOVED, (0,), (3,)),
        (ChangeKind.UNCHANGED, (1,), (0,)),
        (ChangeKind.UNCHANGED, (2,), (1,)),
        (ChangeKind.UNCHANGED, (3,), (2,)),
    }
    # Two clauses swapped with nothing else to anchor them: which one moved is a tie.
    assert (
        reference_align(["Alpha beta gamma.", "Delta epsilon zeta."], ["Delta epsilon zeta.", "Alpha beta gamma."])
        is None
    )


@st.composite
def _pair_lists(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[int]]:
    """Pairs as the aligner makes them: mostly runs of consecutive pairs, a few moved."""
    size = draw(st.integers(0, 14))
    order = list(range(size))
    for _ in range(draw(st.integers(0, 4))):
        if size:
            moved = order.pop(draw(st.integers(0, size - 1)))
            order.insert(draw(st.integers(0, size - 1)), moved)
    kept = [k for k in range(size) if draw(st.booleans()) or draw(st.booleans())]  # holes in both sides
    firsts = sorted(draw(st.lists(st.integers(0, 40), min_size=len(kept), max_size=len(kept), unique=True)))
    pairs = [(first, order[k]) for first, k in zip(firsts, kept, strict=True)]
    ties = draw(st.lists(st.integers(0, 3), min_size=len(pairs), max_size=len(pairs)))
    return pairs, ties


@given(_pair_lists())
def test_weighted_run_is_a_heaviest_longest_run_and_the_pair_by_pair_one(
    case: tuple[list[tuple[int, int]], list[int]],
) -> None:
    from conceptdiff.align import _increasing

    from .reference import increasing_pair_by_pair

    pairs, ties = case
    positions = _increasing(pairs, ties)
    assert positions == sorted(positions)
    run = set(positions)
    assert run == increasing_pair_by_pair(pairs, ties)
    length, runs = longest_increasing_runs([second for _, second in pairs])
    assert len(run) == length
    assert run in runs or not pairs
    assert sum(ties[k] for k in run) == max((sum(ties[k] for k in r) for r in runs), default=0)
