"""The generator's vocabulary: its edits, its mixes, and the pairs it returns.

These are public through :mod:`conceptdiff.strategies`.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable

import attrs

from conceptdiff.model import ChangeKind, Edition

__all__ = ["EditedPair", "ExpectedChange", "Mix", "PairEdit", "RewordStrength"]


class PairEdit(enum.Enum):
    """The edits :func:`~conceptdiff.strategies.generate_pair` can apply to an old edition.

    Not to be confused with :class:`conceptdiff.EditOp`, the word-level
    edits (equal, delete, insert) of a reported change.

    >>> PairEdit("split") is PairEdit.SPLIT
    True
    """

    DELETE = "delete"
    """Remove a clause (REMOVED)."""
    INSERT = "insert"
    """Insert a clause unlike any old clause (ADDED)."""
    REWORD = "reword"
    """Reword a clause in place at a light, medium or heavy strength (REWORDED)."""
    MOVE = "move"
    """Move one clause far away, sometimes also rewording it (MOVED)."""
    MOVE_BLOCK = "move_block"
    """Move a run of 2 to 4 clauses far away (each MOVED)."""
    MOVE_SECTION = "move_section"
    """Move a heading and its clauses far away (each MOVED)."""
    SPLIT = "split"
    """Split a clause into 2 or 3 consecutive clauses (SPLIT)."""
    MERGE = "merge"
    """Merge 2 or 3 consecutive clauses into one (MERGED)."""
    RENUMBER = "renumber"
    """Change the number labels of a run of numbered clauses (UNCHANGED)."""
    DUPLICATE = "duplicate"
    """Insert a copy of a clause shortly after it (the copy is ADDED)."""


class Mix(enum.Enum):
    """How much of an edition :func:`~conceptdiff.strategies.generate_pair` edits, and how hard.

    Counting each removed, reworded, moved, split, merged or added clause,
    ``light`` edits about 8 % of the clauses of an edition, mostly with light
    rewordings; ``medium`` about 20 %; ``heavy`` about 40 %, with mostly heavy
    rewordings and several (block) moves.  All three leave out every edit
    whose answer is close to a threshold of :class:`~conceptdiff.Options`, so
    :func:`conceptdiff.compare` with its default options gives exactly the
    true answer.  (The benchmarks add a ``hard`` mix made of the cases near
    the thresholds: ``benchmarks/hard_mix.py``.)

    >>> Mix("heavy") is Mix.HEAVY
    True
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


class RewordStrength(enum.Enum):
    """How hard a rewording is.

    ``light`` changes one or two words (word similarity >= 0.75); ``medium``
    up to about 20 % of the words (similarity >= 0.7); ``heavy`` up to about
    40 %, keeping similarity >= 0.6, a margin of 0.1 above
    ``Options().reworded_threshold``.

    >>> RewordStrength("light").value
    'light'
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


def _as_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


@attrs.frozen
class ExpectedChange:
    """One change of the known answer: a kind and the clause indices it covers.

    ``old`` and ``new`` are increasing tuples of indices into the clauses of
    :attr:`EditedPair.old` and :attr:`EditedPair.new` (equally, into
    :attr:`EditedPair.old_texts` and :attr:`EditedPair.new_texts`); their
    shape follows the kind (``ADDED`` has no old index, ``SPLIT`` one old and
    several new, ...).  It reads like a :class:`conceptdiff.Change`: same
    ``kind``, ``old`` and ``new``.

    >>> from conceptdiff import ChangeKind
    >>> ExpectedChange(ChangeKind.SPLIT, [4], [5, 6])
    ExpectedChange(kind=<ChangeKind.SPLIT: 'split'>, old=(4,), new=(5, 6))
    """

    kind: ChangeKind
    old: tuple[int, ...] = attrs.field(converter=_as_tuple)
    new: tuple[int, ...] = attrs.field(converter=_as_tuple)


@attrs.frozen
class EditedPair:
    """Two editions and the exact answer comparing them should give.

    :attr:`old` and :attr:`new` are :class:`conceptdiff.Edition` objects,
    one clause per generated string (built with :meth:`Edition.from_clauses`
    when first used), so ``conceptdiff.compare(pair.old, pair.new)`` works as
    it is; :attr:`old_texts` and :attr:`new_texts` are the clause strings.

    ``changes`` tile both editions: every old clause index appears in exactly
    one change's ``old``, every new clause index in exactly one change's
    ``new``.  They are listed in the order of the new edition, a removed
    clause after the change that precedes it.  Two pairs are equal when their
    texts and changes are.

    >>> from conceptdiff import ChangeKind, compare
    >>> same = ExpectedChange(ChangeKind.UNCHANGED, [0], [0]), ExpectedChange(ChangeKind.UNCHANGED, [1], [1])
    >>> pair = EditedPair(("Scope", "1. Members may vote."), ("Scope", "2. Members may vote."), same)
    >>> [c.label for c in pair.new.clauses]
    [None, '2']
    >>> {(c.kind, c.old, c.new) for c in compare(pair.old, pair.new).changes} == {
    ...     (c.kind, c.old, c.new) for c in pair.changes}
    True
    """

    old_texts: tuple[str, ...]
    """The old edition's clauses, one string each."""
    new_texts: tuple[str, ...]
    """The new edition's clauses, one string each."""
    changes: tuple[ExpectedChange, ...]
    """The true answer, indexing the clauses of :attr:`old` and :attr:`new`."""

    @functools.cached_property
    def old(self) -> Edition:
        """The old edition: :attr:`old_texts` as an :class:`~conceptdiff.Edition`, one clause each."""
        return Edition.from_clauses(self.old_texts)

    @functools.cached_property
    def new(self) -> Edition:
        """The new edition: :attr:`new_texts` as an :class:`~conceptdiff.Edition`, one clause each."""
        return Edition.from_clauses(self.new_texts)

    def of_kind(self, kind: ChangeKind) -> tuple[ExpectedChange, ...]:
        """The changes of one kind, in order.

        >>> from conceptdiff import ChangeKind
        >>> pair = EditedPair(("Some words.",), (), (ExpectedChange(ChangeKind.REMOVED, [0], []),))
        >>> pair.of_kind(ChangeKind.REMOVED)
        (ExpectedChange(kind=<ChangeKind.REMOVED: 'removed'>, old=(0,), new=()),)
        """
        return tuple(c for c in self.changes if c.kind is kind)
