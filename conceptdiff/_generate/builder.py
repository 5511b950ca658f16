"""The pair builder: plans non-overlapping edits on an old edition and records the answer.

:class:`Builder` holds the edits and the bookkeeping every mix shares;
:class:`MixBuilder` runs the light, medium and heavy mixes (the benchmarks'
hard mix, ``benchmarks/hard_mix.py``, is another subclass).
"""

from __future__ import annotations

import abc
import enum
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Final, TypeVar

import attrs

from conceptdiff._generate.choosers import Chooser
from conceptdiff._generate.edits import merge_texts, relabel, reword_text, split_text
from conceptdiff._generate.limits import (
    CLOSEST_MARGIN,
    INSERT_CEILING,
    LABELLED_INSERT_CEILING,
    MAX_PARTS,
    SAME_CLAUSE_FLOOR,
)
from conceptdiff._generate.pairs import EditedPair, ExpectedChange, Mix, PairEdit, RewordStrength
from conceptdiff._generate.text import (
    RENUMBERABLE,
    ClauseInfo,
    bag_dice,
    clause_words,
    is_heading,
    normalized,
    word_similarity,
)
from conceptdiff._generate.vocabulary import synth_clause
from conceptdiff.model import ChangeKind
from conceptdiff.segment import clause_from_string

__all__ = ["Builder", "Item", "MixBuilder", "Move", "as_ops", "generate_pair", "op_count"]

_K = TypeVar("_K")


# Expected fraction of the editable clauses each op touches, per mix.
_RATES: Final[dict[Mix, dict[PairEdit, float]]] = {
    Mix.LIGHT: {
        PairEdit.DELETE: 0.01,
        PairEdit.INSERT: 0.01,
        PairEdit.REWORD: 0.03,
        PairEdit.SPLIT: 0.005,
        PairEdit.MERGE: 0.005,
        PairEdit.DUPLICATE: 0.003,
    },
    Mix.MEDIUM: {
        PairEdit.DELETE: 0.025,
        PairEdit.INSERT: 0.025,
        PairEdit.REWORD: 0.07,
        PairEdit.SPLIT: 0.012,
        PairEdit.MERGE: 0.012,
        PairEdit.DUPLICATE: 0.006,
    },
    Mix.HEAVY: {
        PairEdit.DELETE: 0.05,
        PairEdit.INSERT: 0.05,
        PairEdit.REWORD: 0.14,
        PairEdit.SPLIT: 0.025,
        PairEdit.MERGE: 0.025,
        PairEdit.DUPLICATE: 0.01,
    },
}
# Largest number of each move-like op (and renumbered runs), per mix.
_CAPS: Final[dict[Mix, dict[PairEdit, int]]] = {
    Mix.LIGHT: {PairEdit.MOVE: 1, PairEdit.MOVE_BLOCK: 0, PairEdit.MOVE_SECTION: 0, PairEdit.RENUMBER: 1},
    Mix.MEDIUM: {PairEdit.MOVE: 2, PairEdit.MOVE_BLOCK: 1, PairEdit.MOVE_SECTION: 1, PairEdit.RENUMBER: 1},
    Mix.HEAVY: {PairEdit.MOVE: 3, PairEdit.MOVE_BLOCK: 2, PairEdit.MOVE_SECTION: 1, PairEdit.RENUMBER: 2},
}
_STRENGTHS: Final[dict[Mix, tuple[RewordStrength, ...]]] = {
    Mix.LIGHT: (RewordStrength.LIGHT, RewordStrength.LIGHT, RewordStrength.MEDIUM),
    Mix.MEDIUM: (RewordStrength.LIGHT, RewordStrength.MEDIUM, RewordStrength.HEAVY),
    Mix.HEAVY: (RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.HEAVY),
}
_MOVE_REWORD_P: Final = 0.35


def op_count(c: Chooser, op: _K, editable: int, rates: Mapping[_K, float], caps: Mapping[_K, int]) -> int:
    """How many times to try ``op``: up to its cap, else about twice its rate of the editable clauses."""
    if op in caps:
        return c.integer(0, caps[op])
    hi = max(1, round(2 * rates[op] * editable)) if editable else 0
    return c.integer(0, hi)


# --------------------------------------------------------------------------
# The pair builder.
# --------------------------------------------------------------------------


@attrs.define(eq=False)  # identity matters: items are tracked by id()
class Item:
    """A unit of the new edition under construction (mutable while building)."""

    old: tuple[int, ...]
    texts: list[str]
    kind: ChangeKind
    plain: bool = False  # untouched 1:1 clause that may still be moved


def _unique_lis(values: Sequence[int]) -> frozenset[int] | None:
    """Positions of the unique longest strictly increasing subsequence, or None.

    O(n**2); the editions here have at most a few hundred units.
    """
    n = len(values)
    if n == 0:
        return frozenset()
    ending = [1] * n
    for i in range(n):
        for j in range(i):
            if values[j] < values[i] and ending[j] + 1 > ending[i]:
                ending[i] = ending[j] + 1
    starting = [1] * n
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if values[j] > values[i] and starting[j] + 1 > starting[i]:
                starting[i] = starting[j] + 1
    best = max(ending)
    on_some = [i for i in range(n) if ending[i] + starting[i] - 1 == best]
    levels = Counter(ending[i] for i in on_some)
    if any(count > 1 for count in levels.values()):
        return None
    return frozenset(on_some)


@attrs.frozen
class Move:
    start: int  # first item of the block
    stop: int  # one past the last item of the block
    gap: int  # the block goes before item ``gap`` (len(items) for the end)

    @property
    def span(self) -> tuple[int, int]:
        return min(self.start, self.gap), max(self.stop, self.gap)


def _apply_moves(items: Sequence[Item], moves: Sequence[Move]) -> list[Item]:
    moved = {i for m in moves for i in range(m.start, m.stop)}
    by_gap: dict[int, list[Move]] = {}
    for m in moves:
        by_gap.setdefault(m.gap, []).append(m)
    out: list[Item] = []
    for i in range(len(items) + 1):
        for m in by_gap.get(i, []):
            out.extend(items[m.start : m.stop])
        if i < len(items) and i not in moved:
            out.append(items[i])
    return out


def _flatten(order: Sequence[Item]) -> tuple[tuple[str, ...], list[tuple[Item, tuple[int, ...]]]]:
    new_texts: list[str] = []
    placed: list[tuple[Item, tuple[int, ...]]] = []
    for item in order:
        idx = tuple(range(len(new_texts), len(new_texts) + len(item.texts)))
        new_texts.extend(item.texts)
        placed.append((item, idx))
    return tuple(new_texts), placed


def _out_of_order(placed: Sequence[tuple[Item, tuple[int, ...]]]) -> frozenset[int] | None:
    """ids of matched items off the unique LIS (None if the LIS is not unique)."""
    units = sorted(
        ((item.old[0], new[0], id(item)) for item, new in placed if item.old and new),
    )
    lis = _unique_lis([u[1] for u in units])
    if lis is None:
        return None
    return frozenset(u[2] for k, u in enumerate(units) if k not in lis)


class Builder(abc.ABC):
    """Plans non-overlapping edits on one old edition and records the answer.

    A mix says how many edits of each kind (:meth:`edit`, :meth:`plan_moves`)
    and how a moved clause is reworded (:meth:`reword_moved`).
    """

    def __init__(self, c: Chooser, base: tuple[str, ...], insert_pool: Sequence[str] | None) -> None:
        self.c = c
        self.base = base
        self.insert_pool = tuple(insert_pool) if insert_pool is not None else None
        self.info = [ClauseInfo.of(t) for t in base]
        self.labels = [clause_from_string(t).label for t in base]
        # The engine pairs equal texts, then equal word sequences, n-th copy with
        # n-th copy: only a clause unique on both counts can be edited safely.
        folds = Counter(i.fold for i in self.info)
        words = Counter(i.words for i in self.info)
        self.editable = [bool(i.words) and folds[i.fold] == 1 and words[i.words] == 1 for i in self.info]
        self.touched = [False] * len(base)
        self.items: list[Item] = [
            Item((i,), [t], ChangeKind.UNCHANGED, plain=self.editable[i]) for i, t in enumerate(base)
        ]
        # The item of each old clause; unlike ``items``, not shifted by insertions.
        self.by_old = list(self.items)
        # Old clauses that do not stay UNCHANGED, and originals given a copy.
        self.changed: set[int] = set()
        self.duplicated: list[int] = []
        self.copies: list[tuple[Item, Item]] = []  # (original, inserted copy)
        self.folds: set[str] = {i.fold for i in self.info}
        self.word_keys: set[tuple[str, ...]] = {i.words for i in self.info}
        self.inserted_bags: list[tuple[Counter[str], int]] = []
        # Items no move may carry, pass over or land next to (see _HardBuilder).
        self.pinned: set[int] = set()

    # -- helpers ---------------------------------------------------------

    def free(self, i: int) -> bool:
        return self.editable[i] and not self.touched[i]

    def take(self, *indices: int, changed: bool = True) -> None:
        for i in indices:
            self.touched[i] = True
            self.by_old[i].plain = False
            if changed:
                self.changed.add(i)

    def closest_is_self(self, index: int, text: str) -> bool:
        """True if ``text`` is clearly closer to old clause ``index`` than to any other."""
        words = clause_words(text)
        own = word_similarity(words, self.info[index].words)
        if own < SAME_CLAUSE_FLOOR:
            return False
        bag, n = Counter(words), len(words)
        for j, other in enumerate(self.info):
            if j == index:
                continue
            if bag_dice(bag, n, other.bag, len(other.words)) < own - CLOSEST_MARGIN:
                continue
            if word_similarity(words, other.words) >= own - CLOSEST_MARGIN:
                return False
        return True

    def unlike_everything(self, text: str) -> bool:
        words = clause_words(text)
        if len(words) < 3 or normalized(text) in self.folds or words in self.word_keys:
            return False
        bag, n = Counter(words), len(words)
        if any(bag_dice(bag, n, o.bag, len(o.words)) >= INSERT_CEILING for o in self.info):
            return False
        label = clause_from_string(text).label
        if label is not None and any(
            old == label and bag_dice(bag, n, o.bag, len(o.words)) >= LABELLED_INSERT_CEILING
            for o, old in zip(self.info, self.labels, strict=True)
        ):
            return False  # under an old clause's number, the engine pairs a clause at half the bar
        return all(bag_dice(bag, n, b, m) < INSERT_CEILING for b, m in self.inserted_bags)

    def unlike(self, index: int, others: Iterable[int]) -> bool:
        """True if old clause ``index`` is unlike each of the old clauses ``others``."""
        me = self.info[index]
        return all(
            bag_dice(me.bag, len(me.words), self.info[j].bag, len(self.info[j].words)) < INSERT_CEILING for j in others
        )

    def new_text_ok(self, text: str) -> bool:
        """Claim a new clause text: False if it (or its words) already exists."""
        folded, words = normalized(text), clause_words(text)
        if not words or folded in self.folds or words in self.word_keys:
            return False
        self.folds.add(folded)
        self.word_keys.add(words)
        return True

    # -- in-place ops (on old indices) -------------------------------------

    def renumber(self) -> list[int]:
        """Relabel a run of numbered clauses; return their old indices (empty if none)."""
        numbered = [i for i in range(len(self.base)) if self.free(i) and RENUMBERABLE.match(self.base[i])]
        if not numbered:
            return []
        first = self.c.integer(0, len(numbered) - 1)
        run = numbered[first : first + self.c.integer(1, 5)]
        shift = self.c.choice((1, -1, 2))
        relabelled = [relabel(self.base[i], shift) for i in run]
        if any(t is None for t in relabelled):
            relabelled = [relabel(self.base[i], 1) for i in run]
        for i, text in zip(run, relabelled, strict=True):
            if text is None or text == self.base[i]:
                return []
        for i, text in zip(run, relabelled, strict=True):
            assert text is not None
            self.take(i, changed=False)
            self.by_old[i].texts = [text]
        return run

    def merge(self) -> None:
        k = self.c.integer(2, MAX_PARTS)
        starts = []
        for s in range(len(self.base) - k + 1):
            if not all(self.free(i) for i in range(s, s + k)):
                continue
            lengths = [len(self.info[i].words) for i in range(s, s + k)]
            total = sum(lengths)
            if min(lengths) >= 3 and min(lengths) >= 0.2 * total:
                starts.append(s)
        if not starts:
            return
        s = self.c.choice(starts)
        group = tuple(range(s, s + k))
        text = merge_texts([self.base[i] for i in group])
        if not self.new_text_ok(text):
            return
        self.take(*group)
        first = self.by_old[s]
        first.old, first.texts, first.kind = group, [text], ChangeKind.MERGED
        for i in group[1:]:
            self.by_old[i].old, self.by_old[i].texts = (), []

    def split(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 8]
        if not candidates:
            return
        i = self.c.choice(candidates)
        parts = split_text(self.c, self.base[i])
        if parts is None or not all(self.new_text_ok(p) for p in parts):
            return
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = parts, ChangeKind.SPLIT

    def reword(self, strength: RewordStrength) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 4]
        if not candidates:
            return
        i = self.c.choice(candidates)
        text = reword_text(self.c, self.base[i], strength)
        if text is None or not self.closest_is_self(i, text) or not self.new_text_ok(text):
            return
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [text], ChangeKind.REWORDED

    def delete(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i)]
        if not candidates:
            return
        i = self.c.choice(candidates)
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [], ChangeKind.REMOVED

    # -- insertions (on the item list) ---------------------------------------

    def duplicate(self) -> None:
        # The copy must not pass for a rewording of a clause that changed (the
        # engine could pair it with a removed clause, or with a reworded
        # clause's original).
        candidates = [i for i in range(len(self.base)) if self.free(i) and self.unlike(i, self.changed)]
        if not candidates:
            return
        i = self.c.choice(candidates)
        self.take(i, changed=False)
        self.duplicated.append(i)
        # The copy goes AFTER its original: the n-th copy pairs with the n-th
        # copy, so the inserted (ADDED) one must be the later one.
        position = next(k for k, it in enumerate(self.items) if it is self.by_old[i])
        at = position + 1 + self.c.integer(0, 2)
        copy = Item((), [self.base[i]], ChangeKind.ADDED)
        self.items.insert(min(at, len(self.items)), copy)
        self.copies.append((self.by_old[i], copy))

    def insert(self) -> None:
        for _ in range(4):
            text = self.c.choice(self.insert_pool) if self.insert_pool else synth_clause(self.c)
            if self.unlike_everything(text) and self.new_text_ok(text):
                words = clause_words(text)
                self.inserted_bags.append((Counter(words), len(words)))
                at = self.c.integer(0, len(self.items))
                self.items.insert(at, Item((), [text], ChangeKind.ADDED))
                return

    # -- moves (on the item list, applied all at once) ------------------------

    def plan_move(
        self,
        op: PairEdit,
        moves: list[Move],
        *,
        size: int | None = None,
        crossing: tuple[int, int] | None = None,
        moving: Item | None = None,
        beside: Item | None = None,
    ) -> bool:
        """Plan one move of ``op``'s kind; return whether one was planned.

        A block of ``b`` clauses (``size``, else drawn for ``op``) crosses at
        least ``3 * b`` matched units, or, with ``crossing=(lo, hi)``, between
        ``lo`` and ``hi`` of them (short moves; the unique-LIS check still
        decides which units are MOVED).  With ``moving`` and ``beside``, that
        one item moves right before or after ``beside`` (and is not reworded
        here).
        """
        items = self.items
        if size is not None:
            size_choices = [size]
        elif op is PairEdit.MOVE:
            size_choices = [1]
        elif op is PairEdit.MOVE_BLOCK:
            size_choices = [self.c.integer(2, 4)]
        else:
            size_choices = list(range(2, 7))
        taken = [id(it) in self.pinned for it in items]
        # No move may start, end or pass between a clause and its inserted
        # copy: which copy is "the first" must not depend on how duplicates
        # are paired (n-th with n-th overall, or within gaps between anchors).
        position = {id(it): k for k, it in enumerate(items)}
        for original, copy in self.copies:
            for k in range(position[id(original)], position[id(copy)] + 1):
                taken[k] = True
        for m in moves:
            lo, hi = m.span
            for k in range(max(lo - 1, 0), min(hi + 1, len(items))):
                taken[k] = True
        starts: list[tuple[int, int]] = []
        for s in range(len(items)):
            for b in size_choices:
                block = range(s, s + b)
                if s + b > len(items) or not all(items[k].plain and not taken[k] for k in block):
                    continue
                if op is PairEdit.MOVE_SECTION:
                    # A heading and the clauses up to the next heading (or the end).
                    if not is_heading(items[s].texts[0]) or any(is_heading(items[k].texts[0]) for k in block[1:]):
                        continue
                    after = items[s + b] if s + b < len(items) else None
                    if after is not None and not (after.texts and is_heading(after.texts[0])):
                        continue
                starts.append((s, b))
        if moving is not None:
            starts = [(s, b) for s, b in starts if items[s] is moving and b == 1]
        if not starts:
            return False
        s, b = self.c.choice(starts)
        matched = [1 if (it.old and it.texts) else 0 for it in items]
        prefix = [0]
        for flag in matched:
            prefix.append(prefix[-1] + flag)
        need = 3 * b
        gaps = []
        for g in range(len(items) + 1):
            if s <= g <= s + b:
                continue
            lo, hi = (g, s) if g < s else (s + b, g)
            crossed = prefix[hi] - prefix[lo]
            if crossing is None and crossed < need:
                continue
            if crossing is not None and not crossing[0] <= crossed <= crossing[1]:
                continue
            span_lo, span_hi = min(s, g), max(s + b, g)
            if any(taken[k] for k in range(span_lo, min(span_hi, len(items)))):
                continue
            if (
                beside is not None
                and items[g - 1 if g == len(items) else g] is not beside
                and (g == 0 or items[g - 1] is not beside)
            ):
                continue
            gaps.append(g)
        if not gaps:
            return False
        move = Move(s, s + b, self.c.choice(gaps))
        trial = [*moves, move]
        _, placed = _flatten(_apply_moves(items, trial))
        off = _out_of_order(placed)
        expected = {id(items[k]) for m in trial for k in range(m.start, m.stop)}
        if off is None or off != expected:
            return False
        moves.append(move)
        for k in range(s, s + b):
            items[k].plain = False
        if op is PairEdit.MOVE and moving is None:
            self.reword_moved(items[s])
        return True

    # -- what a mix decides ---------------------------------------------------

    @abc.abstractmethod
    def edit(self, ops: AbstractSet[enum.Enum]) -> None:
        """Apply every edit of ``ops`` except moves."""

    @abc.abstractmethod
    def plan_moves(self, ops: AbstractSet[enum.Enum]) -> list[Move]:
        """Plan the moves of ``ops`` (applied all at once by :meth:`build`)."""

    @abc.abstractmethod
    def reword_moved(self, item: Item) -> None:
        """Sometimes reword a clause that :meth:`plan_move` just moved on its own."""

    # -- driver -------------------------------------------------------------

    def build(self, ops: AbstractSet[enum.Enum]) -> EditedPair:
        self.edit(ops)
        # Merged-away items carry nothing; drop them before moves.
        self.items = [it for it in self.items if it.old or it.texts]
        moves = self.plan_moves(ops)
        new_texts, placed = _flatten(_apply_moves(self.items, moves))
        off = _out_of_order(placed)
        if off is None:  # pragma: no cover - plan_move only accepts unique orders
            raise AssertionError("generated moves have an ambiguous order")
        changes = []
        for item, new in placed:
            kind = item.kind
            if id(item) in off and kind in (ChangeKind.UNCHANGED, ChangeKind.REWORDED):
                kind = ChangeKind.MOVED
            changes.append(ExpectedChange(kind, item.old, new))
        return EditedPair(self.base, new_texts, tuple(changes))


class MixBuilder(Builder):
    """The light, medium and heavy mixes."""

    def __init__(self, c: Chooser, base: tuple[str, ...], mix: Mix, insert_pool: Sequence[str] | None) -> None:
        super().__init__(c, base, insert_pool)
        self.mix = mix

    def count(self, op: PairEdit, ops: AbstractSet[enum.Enum]) -> int:
        if op not in ops:
            return 0
        return op_count(self.c, op, sum(self.editable), _RATES[self.mix], _CAPS[self.mix])

    def edit(self, ops: AbstractSet[enum.Enum]) -> None:
        """Apply every edit except moves, in a fixed order of ops."""
        c, mix = self.c, self.mix
        for _ in range(self.count(PairEdit.RENUMBER, ops)):
            self.renumber()
        for _ in range(self.count(PairEdit.MERGE, ops)):
            self.merge()
        for _ in range(self.count(PairEdit.SPLIT, ops)):
            self.split()
        for _ in range(self.count(PairEdit.REWORD, ops)):
            self.reword(c.choice(_STRENGTHS[mix]))
        for _ in range(self.count(PairEdit.DELETE, ops)):
            self.delete()
        for _ in range(self.count(PairEdit.DUPLICATE, ops)):
            self.duplicate()
        for _ in range(self.count(PairEdit.INSERT, ops)):
            self.insert()

    def plan_moves(self, ops: AbstractSet[enum.Enum]) -> list[Move]:
        moves: list[Move] = []
        for op in (PairEdit.MOVE_SECTION, PairEdit.MOVE_BLOCK, PairEdit.MOVE):
            for _ in range(self.count(op, ops)):
                self.plan_move(op, moves)
        return moves

    def reword_moved(self, item: Item) -> None:
        old_index = item.old[0]
        if self.c.boolean(_MOVE_REWORD_P) and self.unlike(old_index, self.duplicated):
            text = reword_text(self.c, self.base[old_index], self.c.choice(_STRENGTHS[self.mix]))
            if text is not None and self.closest_is_self(old_index, text) and self.new_text_ok(text):
                item.texts = [text]
                self.changed.add(old_index)


def as_ops(ops: Collection[PairEdit | str] | None) -> frozenset[PairEdit]:
    """The edits named by ``ops`` (members or their values); None means all of them."""
    if ops is None:
        return frozenset(PairEdit)
    return frozenset(PairEdit(op) for op in ops)


def generate_pair(
    chooser: Chooser,
    base: Sequence[str],
    *,
    mix: Mix | str = Mix.MEDIUM,
    ops: Collection[PairEdit | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> EditedPair:
    """Edit ``base`` into a new edition and return both with the exact answer.

    ``mix`` sets how many edits and how strong; ``ops`` restricts which
    :class:`PairEdit` kinds may be used (default: all).  Inserted clauses
    come from ``insert_pool`` when given (entries too similar to an old
    clause are skipped), else from the built-in vocabulary.  No clause is
    touched by two edits, and only clauses whose normalized text is unique in
    ``base`` are edited, so the answer in :attr:`EditedPair.changes` is
    exact.  ``pair.old_texts`` is ``base``.

    Timing: about ``O(n * e)`` word comparisons for ``n`` clauses and ``e``
    edits, plus ``O(n**2)`` per attempted move for the order check.

    >>> from conceptdiff import ChangeKind
    >>> from conceptdiff.strategies import RandomChooser, generate_edition
    >>> base = generate_edition(RandomChooser(11), min_size=40, max_size=40)
    >>> pair = generate_pair(RandomChooser(12), base, mix="heavy", ops=["split"])
    >>> {c.kind for c in pair.changes} <= {ChangeKind.UNCHANGED, ChangeKind.SPLIT}
    True
    >>> generate_pair(RandomChooser(12), base, mix="heavy", ops=["split"]) == pair
    True
    >>> pair.old_texts == base
    True
    """
    return MixBuilder(chooser, tuple(base), Mix(mix), insert_pool).build(as_ops(ops))
