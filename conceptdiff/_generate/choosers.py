"""Choosers: the only source of decisions for the generator.

The generator never calls a random number generator itself: every decision
goes through a :class:`Chooser`.  :class:`RandomChooser` (``random.Random(seed)``)
is deterministic on every machine; the Hypothesis strategies of
:mod:`conceptdiff.strategies` drive the same generator with ``draw``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol, TypeVar

__all__ = ["Chooser", "ChooserBase", "RandomChooser"]

_T = TypeVar("_T")


class Chooser(Protocol):
    """Where the generator gets every decision from.

    Implementations must be deterministic functions of their own state, so
    that the same state gives the same edition pair.  ``integer`` is the
    primitive; the simplest answer of a chooser that shrinks (Hypothesis) is
    ``lo``, so the core lists candidates simplest first.

    >>> c = RandomChooser(0)
    >>> 1 <= c.integer(1, 6) <= 6
    True
    >>> c.choice("abc") in "abc"
    True
    >>> c.boolean(0.0), c.boolean(1.0)
    (False, True)
    """

    def integer(self, lo: int, hi: int) -> int:
        """Return an integer ``n`` with ``lo <= n <= hi``."""
        ...

    def choice(self, seq: Sequence[_T]) -> _T:
        """Return one item of the non-empty sequence ``seq``."""
        ...

    def boolean(self, p: float = 0.5) -> bool:
        """Return True with probability ``p`` (exactly False for 0, True for 1)."""
        ...


class ChooserBase:
    """What every chooser derives from its ``integer``: the range check and
    ``choice``.  Subclasses give ``integer`` (after :meth:`_check_range`) and
    ``boolean``."""

    __slots__ = ()

    @staticmethod
    def _check_range(lo: int, hi: int) -> None:
        if lo > hi:
            raise ValueError(f"empty integer range: lo={lo!r} > hi={hi!r}")

    def integer(self, lo: int, hi: int) -> int:
        raise NotImplementedError

    def choice(self, seq: Sequence[_T]) -> _T:
        if not seq:
            raise ValueError("choice from an empty sequence")
        return seq[self.integer(0, len(seq) - 1)]


class RandomChooser(ChooserBase):
    """A :class:`Chooser` backed by ``random.Random(seed)``.

    The same seed gives the same choices on every machine and Python run
    (integer seeds do not depend on hash randomization).

    >>> a, b = RandomChooser(42), RandomChooser(42)
    >>> [a.integer(0, 100) for _ in range(5)] == [b.integer(0, 100) for _ in range(5)]
    True
    """

    __slots__ = ("_rng",)

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        self._check_range(lo, hi)
        return self._rng.randint(lo, hi)

    def boolean(self, p: float = 0.5) -> bool:
        if p <= 0.0:
            return False
        if p >= 1.0:
            return True
        return self._rng.random() < p
