"""The generator of edition pairs with a known answer (conceptdiff.strategies).

Each property quotes the rule of the engine contract it checks.  The checks
use their own small reference code (label rule, longest increasing run) so
that they do not just re-run the generator's logic.
"""

from __future__ import annotations

import bisect
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conceptdiff import ChangeKind
from conceptdiff.align import similarity
from conceptdiff.strategies import (
    EditedPair,
    EditOp,
    ExpectedChange,
    Mix,
    RandomChooser,
    clause_texts,
    edited_pairs,
    editions,
    generate_edition,
    generate_pair,
)

from .conftest import CORPUS

# --------------------------------------------------------------------------
# Reference helpers, written from the contract.
# --------------------------------------------------------------------------

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
# The label forms the contract names: "3.", "(b)", "Article 12", "IV.".
_CONTRACT_LABEL = re.compile(r"^(?:\d+\.|\([a-z]\)|Article \d+|[IVXLC]+\.)\s+")


def normalized(text: str) -> str:
    """NFKC, curly quotes and dashes folded, white space collapsed (case kept)."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).split())


def without_label(text: str) -> str:
    return _CONTRACT_LABEL.sub("", normalized(text), count=1)


def lis_length(values: Sequence[int]) -> int:
    tails: list[int] = []
    for v in values:
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
    return len(tails)


def paragraphs(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


REAL_CLAUSES = paragraphs("eupl-1.2.en.txt") + paragraphs("github-privacy-statement-2023-10-10.en.txt")
OTHER_CLAUSES = paragraphs("us-nss-2002.en.txt")

mixes = st.sampled_from(list(Mix))
synthetic_pairs = mixes.flatmap(lambda mix: edited_pairs(mix=mix))
real_pairs = mixes.flatmap(
    lambda mix: edited_pairs(
        base=editions(min_size=10, max_size=60, pool=REAL_CLAUSES), mix=mix, insert_pool=OTHER_CLAUSES
    )
)
any_pairs = st.one_of(synthetic_pairs, real_pairs)


def kinds(pair: EditedPair) -> Counter[ChangeKind]:
    return Counter(c.kind for c in pair.changes)


# --------------------------------------------------------------------------
# The answer tiles both editions and has the right shapes.
# --------------------------------------------------------------------------


@given(any_pairs)
def test_every_old_and_new_clause_is_in_exactly_one_expected_change(pair: EditedPair) -> None:
    # "every old clause is in exactly one change's old, every new clause in
    # exactly one change's new."
    assert sorted(i for c in pair.changes for i in c.old) == list(range(len(pair.old)))
    assert sorted(j for c in pair.changes for j in c.new) == list(range(len(pair.new)))


@given(any_pairs)
def test_each_change_has_the_shape_of_its_kind(pair: EditedPair) -> None:
    for c in pair.changes:
        shape = (len(c.old), len(c.new))
        if c.kind in (ChangeKind.UNCHANGED, ChangeKind.REWORDED, ChangeKind.MOVED):
            assert shape == (1, 1), c
        elif c.kind is ChangeKind.ADDED:
            assert shape == (0, 1), c
        elif c.kind is ChangeKind.REMOVED:
            assert shape == (1, 0), c
        elif c.kind is ChangeKind.SPLIT:
            # "1 old -> >= 2 consecutive new clauses"
            assert shape[0] == 1 and 2 <= shape[1] <= 3, c
            assert list(c.new) == list(range(c.new[0], c.new[0] + len(c.new)))
        else:
            # "MERGED: >= 2 consecutive old -> 1 new"
            assert c.kind is ChangeKind.MERGED
            assert 2 <= shape[0] <= 3 and shape[1] == 1, c
            assert list(c.old) == list(range(c.old[0], c.old[0] + len(c.old)))


# --------------------------------------------------------------------------
# The answer is consistent with the texts.
# --------------------------------------------------------------------------


@given(any_pairs)
def test_unchanged_pairs_have_the_same_normalized_text(pair: EditedPair) -> None:
    # "UNCHANGED: same normalized text (number label removed)"; the only edit
    # that keeps a clause unchanged is renumbering, which changes a label.
    for c in pair.of_kind(ChangeKind.UNCHANGED):
        old, new = pair.old[c.old[0]], pair.new[c.new[0]]
        if normalized(old) != normalized(new):
            assert _CONTRACT_LABEL.match(old) and _CONTRACT_LABEL.match(new), (old, new)
            assert without_label(old) == without_label(new)


@given(any_pairs)
def test_reworded_and_moved_clauses_keep_at_least_sixty_percent_of_their_words(pair: EditedPair) -> None:
    # "same clause means word-level similarity >= ~0.5 ... keep heavy
    # rewordings >= 55-60 % of words"
    for c in pair.changes:
        if c.kind in (ChangeKind.REWORDED, ChangeKind.MOVED):
            old, new = pair.old[c.old[0]], pair.new[c.new[0]]
            assert similarity(old, new) >= 0.6, (old, new)
        if c.kind is ChangeKind.REWORDED:
            assert without_label(old) != without_label(new), "a rewording changes the text"


@given(any_pairs)
def test_added_clauses_are_new_or_later_copies(pair: EditedPair) -> None:
    old_texts = Counter(normalized(t) for t in pair.old)
    for c in pair.of_kind(ChangeKind.ADDED):
        text = pair.new[c.new[0]]
        if normalized(text) in old_texts:
            # "the n-th copy pairs with the n-th copy. So a generated duplicate
            # must be inserted AFTER its original (the inserted copy is the ADDED one)."
            copies = [j for j, t in enumerate(pair.new) if normalized(t) == normalized(text)]
            assert old_texts[normalized(text)] == 1 and len(copies) == 2
            assert c.new[0] == copies[1]
        else:
            # An inserted clause could not pass for a rewording of any old clause.
            assert all(similarity(text, old) < 0.5 for old in pair.old), text


@given(any_pairs)
def test_removed_clauses_do_not_survive_in_the_new_edition(pair: EditedPair) -> None:
    new_texts = {without_label(t) for t in pair.new}
    for c in pair.of_kind(ChangeKind.REMOVED):
        assert without_label(pair.old[c.old[0]]) not in new_texts


@given(any_pairs)
def test_split_pieces_and_merged_parts_carry_the_text(pair: EditedPair) -> None:
    for c in pair.changes:
        if c.kind in (ChangeKind.SPLIT, ChangeKind.MERGED):
            old = " ".join(pair.old[i] for i in c.old)
            new = " ".join(pair.new[j] for j in c.new)
            assert similarity(old, new) >= 0.85, (old, new)


@given(any_pairs)
def test_moved_set_is_what_a_longest_increasing_run_leaves_out(pair: EditedPair) -> None:
    # "Order is decided by a maximum increasing subsequence over matched units
    # (a split/merge group counts as one unit at its first old / first new
    # index); matched units not in it are MOVED."
    units = sorted((c.old[0], c.new[0], c.kind) for c in pair.changes if c.old and c.new)
    in_order = [new for _, new, kind in units if kind is not ChangeKind.MOVED]
    assert in_order == sorted(in_order), "the units left in place keep their order"
    assert len(in_order) == lis_length([new for _, new, _ in units]), "and they are a longest such run"


# --------------------------------------------------------------------------
# Ops, mixes and strategies.
# --------------------------------------------------------------------------

KINDS_OF_OP = {
    EditOp.DELETE: {ChangeKind.REMOVED},
    EditOp.INSERT: {ChangeKind.ADDED},
    EditOp.REWORD: {ChangeKind.REWORDED},
    EditOp.MOVE: {ChangeKind.MOVED},
    EditOp.MOVE_BLOCK: {ChangeKind.MOVED},
    EditOp.MOVE_SECTION: {ChangeKind.MOVED},
    EditOp.SPLIT: {ChangeKind.SPLIT},
    EditOp.MERGE: {ChangeKind.MERGED},
    EditOp.RENUMBER: set(),
    EditOp.DUPLICATE: {ChangeKind.ADDED},
}


@pytest.mark.parametrize("op", list(EditOp))
def test_a_single_op_produces_only_its_kinds(op: EditOp) -> None:
    seen: set[ChangeKind] = set()
    for seed in range(12):
        base = generate_edition(RandomChooser(seed), min_size=60, max_size=60)
        pair = generate_pair(RandomChooser(seed + 500), base, mix=Mix.HEAVY, ops=[op])
        seen |= set(kinds(pair))
    assert seen - {ChangeKind.UNCHANGED} == KINDS_OF_OP[op]


def test_no_ops_gives_the_same_edition_all_unchanged() -> None:
    base = generate_edition(RandomChooser(1), min_size=20, max_size=20)
    pair = generate_pair(RandomChooser(2), base, mix="heavy", ops=[])
    assert pair.new == pair.old == base
    assert pair.changes == tuple(ExpectedChange(ChangeKind.UNCHANGED, (i,), (i,)) for i in range(20))


def test_renumbering_changes_labels_only() -> None:
    relabelled = 0
    for seed in range(10):
        base = generate_edition(RandomChooser(seed), min_size=40, max_size=40)
        pair = generate_pair(RandomChooser(seed), base, mix="heavy", ops=["renumber"])
        assert len(pair.new) == len(pair.old)
        for old, new in zip(pair.old, pair.new, strict=True):
            assert without_label(old) == without_label(new)
            relabelled += old != new
    assert relabelled > 0


def test_light_rewordings_change_at_least_one_word_and_little_else() -> None:
    checked = 0
    for seed in range(10):
        base = generate_edition(RandomChooser(seed), min_size=40, max_size=40)
        pair = generate_pair(RandomChooser(seed), base, mix="light", ops=["reword"])
        for c in pair.of_kind(ChangeKind.REWORDED):
            old, new = pair.old[c.old[0]], pair.new[c.new[0]]
            assert old.casefold().split() != new.casefold().split()
            assert similarity(old, new) >= 0.6
            checked += 1
    assert checked > 0


def test_heavier_mixes_edit_more() -> None:
    edited = {}
    for mix in Mix:
        total = 0
        for seed in range(15):
            base = generate_edition(RandomChooser(seed), min_size=80, max_size=80)
            pair = generate_pair(RandomChooser(seed), base, mix=mix)
            total += sum(1 for c in pair.changes if c.kind is not ChangeKind.UNCHANGED)
        edited[mix] = total
    assert edited[Mix.LIGHT] < edited[Mix.MEDIUM] < edited[Mix.HEAVY]


def blocks(moved: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of moved (old, new) units consecutive on both sides."""
    runs: list[list[tuple[int, int]]] = []
    for old, new in sorted(moved):
        if runs and runs[-1][-1] == (old - 1, new - 1):
            runs[-1].append((old, new))
        else:
            runs.append([(old, new)])
    return runs


@given(any_pairs)
def test_moved_blocks_travel_at_least_three_times_their_length(pair: EditedPair) -> None:
    # "generate moves of a block of b clauses over a distance clearly larger
    # than b (>= 3b)": every clause of a moved block jumps over at least 3b
    # units that stayed in order.
    moved = [(c.old[0], c.new[0]) for c in pair.of_kind(ChangeKind.MOVED)]
    staying = [(c.old[0], c.new[0]) for c in pair.changes if c.old and c.new and c.kind is not ChangeKind.MOVED]
    for block in blocks(moved):
        for old, new in block:
            jumped = sum(1 for o, n in staying if (o < old) != (n < new))
            assert jumped >= 3 * len(block), (block, jumped)


def test_every_kind_of_move_happens() -> None:
    for op in (EditOp.MOVE, EditOp.MOVE_BLOCK, EditOp.MOVE_SECTION):
        sizes: Counter[int] = Counter()
        for seed in range(15):
            base = generate_edition(RandomChooser(seed), min_size=80, max_size=80)
            pair = generate_pair(RandomChooser(seed), base, mix="heavy", ops=[op])
            sizes.update(len(b) for b in blocks([(c.old[0], c.new[0]) for c in pair.of_kind(ChangeKind.MOVED)]))
        if op is EditOp.MOVE:
            assert set(sizes) == {1}
        else:
            assert sizes and min(sizes) >= 2, (op, sizes)


def test_the_random_driver_is_deterministic() -> None:
    base = generate_edition(RandomChooser(7), min_size=50, max_size=50)
    assert generate_edition(RandomChooser(7), min_size=50, max_size=50) == base
    one = generate_pair(RandomChooser(8), base, mix="heavy")
    assert generate_pair(RandomChooser(8), base, mix="heavy") == one
    assert generate_pair(RandomChooser(9), base, mix="heavy") != one


_SCRIPT = """
from conceptdiff.strategies import RandomChooser, generate_edition, generate_pair
base = generate_edition(RandomChooser(3), min_size=40, max_size=40)
print(repr(generate_pair(RandomChooser(4), base, mix="heavy")))
"""


def test_the_random_driver_gives_the_same_pair_in_every_process() -> None:
    outputs = set()
    for hash_seed in ("0", "123"):
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED=hash_seed),
            check=True,
            timeout=120,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


@given(editions(min_size=3, max_size=25))
def test_editions_have_unique_clauses_within_bounds(edition: tuple[str, ...]) -> None:
    assert 3 <= len(edition) <= 25
    assert len({without_label(t) for t in edition}) == len(edition)
    assert all(t and t == t.strip() for t in edition)


@given(editions(min_size=2, max_size=6, pool=REAL_CLAUSES))
def test_editions_from_a_pool_are_runs_of_it(edition: tuple[str, ...]) -> None:
    n = len(edition)
    assert any(tuple(REAL_CLAUSES[start : start + n]) == edition for start in range(len(REAL_CLAUSES) - n + 1))


@given(clause_texts(pool=["(a) One.", "Two."]))
def test_clause_texts_from_a_pool_come_from_it(text: str) -> None:
    assert text in ("(a) One.", "Two.")


@given(edited_pairs(base=["1. Scope of the rules.", "2. The members may vote on any matter."], ops=["renumber"]))
def test_a_fixed_base_is_used_as_given(pair: EditedPair) -> None:
    assert pair.old == ("1. Scope of the rules.", "2. The members may vote on any matter.")


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="min_size"):
        generate_edition(RandomChooser(0), min_size=5, max_size=2)
    with pytest.raises(ValueError, match="'bogus'"):
        generate_pair(RandomChooser(0), ["a b c d"], mix="bogus")
    with pytest.raises(ValueError, match="'explode'"):
        generate_pair(RandomChooser(0), ["a b c d"], ops=["explode"])
    with pytest.raises(ValueError):
        RandomChooser(0).integer(3, 2)
    with pytest.raises(ValueError, match="pool"):
        generate_edition(RandomChooser(0), min_size=3, max_size=3, pool=["only one"])
