"""Scoring a predicted change list against a known answer.

A change is a :class:`Change` record: a kind (the ``.value`` of
``conceptdiff.ChangeKind``: ``"unchanged"``, ``"reworded"``, ``"moved"``,
``"added"``, ``"removed"``, ``"split"``, ``"merged"``) and the old and new
clause indices it covers.  Kinds are plain strings here on purpose: this
module scores the output of any system (the peers know nothing of
``ChangeKind``), so it works on the serialized form, which is
``Comparison.to_dict()["changes"]``.

Metrics (all micro-averaged: counts are summed over pairs before dividing):

* **links**: a link is an ``(old index, new index)`` pair implied by an
  UNCHANGED, REWORDED, MOVED, SPLIT or MERGED change (a split of old 3 into
  new 4 and 5 implies the links (3, 4) and (3, 5)).  Precision, recall, F1
  over the sets of links.
* **edit links**: the same, leaving out the links of UNCHANGED changes, on
  both sides.  It measures whether the clauses that did change were matched;
  a system calling an unchanged clause "reworded" loses precision here.
* **added** / **removed**: the sets of new indices in ADDED changes and of
  old indices in REMOVED changes.
* **per kind**: a change counts as found when the prediction holds a change
  of the same kind with exactly the same old and new index sets.

A ratio with a zero denominator is ``None`` ("not defined"), never a made-up
0 or 1: a system that predicts no MOVED change has no MOVED precision.

>>> truth = [Change("unchanged", (0,), (0,)), Change("split", (1,), (1, 2))]
>>> guess = [Change("unchanged", (0,), (0,)), Change("reworded", (1,), (1,)),
...          Change("added", (), (2,))]
>>> s = score(truth, guess)
>>> s.links.tp, s.links.predicted, s.links.expected
(2, 2, 3)
>>> s.kind("split").recall, s.kind("split").precision
(0.0, None)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

__all__ = [
    "KINDS",
    "LINK_KINDS",
    "Change",
    "Count",
    "Scores",
    "changes_from_dicts",
    "partition_problems",
    "score",
]

KINDS: Final = ("unchanged", "reworded", "moved", "added", "removed", "split", "merged")
"""Every change kind, as the ``.value`` strings of ``conceptdiff.ChangeKind``."""

LINK_KINDS: Final = frozenset({"unchanged", "reworded", "moved", "split", "merged"})
"""Kinds whose changes link old clauses to new clauses."""


def _index_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(int(i) for i in value))


@attrs.frozen
class Change:
    """One change: kind string and sorted old/new clause indices.

    >>> Change("merged", [5, 4], [3])
    Change(kind='merged', old=(4, 5), new=(3,))
    """

    kind: str = attrs.field()
    old: tuple[int, ...] = attrs.field(converter=_index_tuple)
    new: tuple[int, ...] = attrs.field(converter=_index_tuple)

    @kind.validator
    def _known_kind(self, _attribute: object, value: str) -> None:
        if value not in KINDS:
            raise ValueError(f"unknown change kind {value!r}; expected one of {KINDS!r}")

    def links(self) -> frozenset[tuple[int, int]]:
        """The (old, new) index pairs this change implies (none for ADDED/REMOVED).

        >>> sorted(Change("split", [3], [4, 5]).links())
        [(3, 4), (3, 5)]
        """
        if self.kind not in LINK_KINDS:
            return frozenset()
        return frozenset((o, n) for o in self.old for n in self.new)


def changes_from_dicts(rows: Iterable[Mapping[str, Any]]) -> tuple[Change, ...]:
    """Read ``Comparison.to_dict()["changes"]`` (extra keys are ignored).

    >>> changes_from_dicts([{"kind": "moved", "old": [2], "new": [0], "similarity": 1.0}])
    (Change(kind='moved', old=(2,), new=(0,)),)
    """
    return tuple(Change(str(r["kind"]), r["old"], r["new"]) for r in rows)


@attrs.frozen
class Count:
    """True positives, predicted and expected item counts; ratios derived.

    >>> c = Count(tp=3, predicted=4, expected=6)
    >>> c.precision, c.recall, c.f1
    (0.75, 0.5, 0.6)
    >>> Count(0, 0, 0).f1 is None
    True
    """

    tp: int
    predicted: int
    expected: int

    @classmethod
    def of(cls, expected: Iterable[object], predicted: Iterable[object]) -> Count:
        """Compare two sets of hashable items.

        >>> Count.of({1, 2, 3}, {2, 3, 4, 5})
        Count(tp=2, predicted=4, expected=3)
        """
        e, p = set(expected), set(predicted)
        return cls(len(e & p), len(p), len(e))

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) == 2tp/(predicted+expected) whenever both are defined, and
        # this form stays defined (as 0) when one side is empty and the other not.
        total = self.predicted + self.expected
        return 2 * self.tp / total if total else None

    def __add__(self, other: Count) -> Count:
        return Count(self.tp + other.tp, self.predicted + other.predicted, self.expected + other.expected)

    def as_dict(self) -> dict[str, float | int | None]:
        """Counts and ratios, for JSON."""
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "expected": self.expected,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


_ZERO: Final = Count(0, 0, 0)


@attrs.frozen
class Scores:
    """All metrics of one or more pairs; add two to aggregate (micro-average).

    >>> one = score([Change("added", (), (0,))], [Change("added", (), (0,))])
    >>> (one + one).added
    Count(tp=2, predicted=2, expected=2)
    """

    links: Count = _ZERO
    edit_links: Count = _ZERO
    added: Count = _ZERO
    removed: Count = _ZERO
    kinds: tuple[Count, ...] = tuple(_ZERO for _ in KINDS)  # in the order of KINDS
    pairs: int = 0
    invalid: int = 0  # predictions that do not tile both editions

    def kind(self, name: str) -> Count:
        """The per-kind count for ``name`` (one of :data:`KINDS`)."""
        return self.kinds[KINDS.index(name)]

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.links + other.links,
            self.edit_links + other.edit_links,
            self.added + other.added,
            self.removed + other.removed,
            tuple(a + b for a, b in zip(self.kinds, other.kinds, strict=True)),
            self.pairs + other.pairs,
            self.invalid + other.invalid,
        )

    def as_dict(self) -> dict[str, Any]:
        """All figures, for JSON."""
        return {
            "pairs": self.pairs,
            "invalid": self.invalid,
            "links": self.links.as_dict(),
            "edit_links": self.edit_links.as_dict(),
            "added": self.added.as_dict(),
            "removed": self.removed.as_dict(),
            "kinds": {k: c.as_dict() for k, c in zip(KINDS, self.kinds, strict=True)},
        }


def _links(changes: Iterable[Change], *, skip_unchanged: bool) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for c in changes:
        if skip_unchanged and c.kind == "unchanged":
            continue
        out |= c.links()
    return out


def partition_problems(changes: Sequence[Change], n_old: int, n_new: int) -> list[str]:
    """Ways ``changes`` fails to tile the editions (empty list: it tiles them).

    Every old index must be in exactly one change's ``old`` and every new
    index in exactly one change's ``new``; the index counts must fit the kind.

    >>> partition_problems([Change("unchanged", (0,), (0,))], 1, 2)
    ['new clause 1 is in 0 changes']
    """
    problems: list[str] = []
    for side, n in (("old", n_old), ("new", n_new)):
        seen = [0] * n
        for c in changes:
            for i in c.old if side == "old" else c.new:
                if not 0 <= i < n:
                    problems.append(f"{side} index {i} out of range 0..{n - 1}")
                else:
                    seen[i] += 1
        problems.extend(f"{side} clause {i} is in {k} changes" for i, k in enumerate(seen) if k != 1)
    shapes = {
        "unchanged": (1, 1, 1, 1),
        "reworded": (1, 1, 1, 1),
        "moved": (1, 1, 1, 1),
        "added": (0, 0, 1, 1),
        "removed": (1, 1, 0, 0),
        "split": (1, 1, 2, None),
        "merged": (2, None, 1, 1),
    }
    for c in changes:
        lo_old, hi_old, lo_new, hi_new = shapes[c.kind]
        if not (lo_old <= len(c.old) and (hi_old is None or len(c.old) <= hi_old)) or not (
            lo_new <= len(c.new) and (hi_new is None or len(c.new) <= hi_new)
        ):
            problems.append(f"{c.kind} change with {len(c.old)} old and {len(c.new)} new clauses")
    return problems


def score(
    expected: Sequence[Change],
    predicted: Sequence[Change],
    *,
    n_old: int | None = None,
    n_new: int | None = None,
) -> Scores:
    """Score one prediction against the answer of one edition pair.

    With ``n_old`` and ``n_new`` the prediction is also checked to tile both
    editions (:func:`partition_problems`); ``Scores.invalid`` counts failures.
    The figures are computed either way.

    >>> truth = [Change("reworded", (0,), (0,)), Change("removed", (1,), ())]
    >>> s = score(truth, truth)
    >>> s.links.f1, s.edit_links.f1, s.removed.f1, s.kind("reworded").f1
    (1.0, 1.0, 1.0, 1.0)
    """
    invalid = 0
    if n_old is not None and n_new is not None:
        invalid = int(bool(partition_problems(predicted, n_old, n_new)))

    def items(changes: Sequence[Change], kind: str) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
        return {(c.old, c.new) for c in changes if c.kind == kind}

    return Scores(
        links=Count.of(_links(expected, skip_unchanged=False), _links(predicted, skip_unchanged=False)),
        edit_links=Count.of(_links(expected, skip_unchanged=True), _links(predicted, skip_unchanged=True)),
        added=Count.of(
            (n for c in expected if c.kind == "added" for n in c.new),
            (n for c in predicted if c.kind == "added" for n in c.new),
        ),
        removed=Count.of(
            (o for c in expected if c.kind == "removed" for o in c.old),
            (o for c in predicted if c.kind == "removed" for o in c.old),
        ),
        kinds=tuple(Count.of(items(expected, k), items(predicted, k)) for k in KINDS),
        pairs=1,
        invalid=invalid,
    )
