"""Clause history across many editions: lineages, blame and a timeline.

Policy documents live through many editions.  :func:`history` compares each
edition with the next (the same comparison :func:`conceptdiff.compare` makes)
and follows every clause through the series:

* a **lineage** is a clause's identity through the editions: its clauses in
  each edition where it exists, linked by the changes between consecutive
  editions (unchanged, reworded, moved, split, merged).  A split or a merge
  keeps the clauses involved in one lineage, so a lineage is a small graph,
  not only a chain; the lineages partition every edition's clauses.  A clause
  removed in one edition and a similar one added later are two lineages: the
  history only links what a comparison of consecutive editions links.
* **blame** annotates each clause of one edition with the edition where its
  text first appeared (``introduced``) and the last edition that changed it
  (``last_changed``: reworded, moved, split, merged or edited cosmetically;
  a renumbering or a changed link target alone does not count).
* the **timeline** counts, edition by edition, the clauses added, removed,
  reworded, moved and carried unchanged, and the share of the first edition's
  words still present.

Editions are numbered from 0 in the order given.

>>> import conceptdiff
>>> h = conceptdiff.history([
...     ["1. Members may vote.", "2. Fees are due.", "3. Audits are yearly."],
...     ["1. Members shall vote.", "2. Fees are due.", "3. Audits are yearly."],
...     ["1. Members shall vote.", "2. Fees are due.", "3. A board is elected."],
... ])
>>> [(b.clause, b.introduced, b.last_changed) for b in h.blame()]
[(0, 0, 1), (1, 0, 0), (2, 2, 2)]
>>> [(lineage.introduced, lineage.removed) for lineage in h.lineages]
[(0, None), (0, None), (0, 2), (2, None)]
"""

from __future__ import annotations

import itertools
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from conceptdiff._coerce import EditionLike, as_edition, warn_if_empty
from conceptdiff._validators import options_or_default, whole_number
from conceptdiff.compare import compare
from conceptdiff.errors import ConceptDiffError, ConceptDiffWarning, InvalidComparisonError, InvalidOptionsError
from conceptdiff.model import Change, ChangeKind, Comparison, Edition
from conceptdiff.normalize import words
from conceptdiff.options import Options
from conceptdiff.serialize import comparison_from_dict, comparison_to_dict, edition_from_dict, edition_to_dict
from conceptdiff.significance import Difference, is_change

__all__ = ["BlameEntry", "History", "Lineage", "Step", "TimelineEntry", "history"]

#: The schema identifier written in every serialized history.
SCHEMA = "conceptdiff.history/1"

#: What does not count as changing a clause's text for blame: its number label
#: or a link target changing alone.
_NOT_A_CHANGE_OF_TEXT = Difference.RENUMBERING | Difference.LINKS

# Below this many clauses in all, the editions are compared in this process:
# starting worker processes would cost more than it saves.
_SERIAL_BELOW = 4000


@attrs.frozen
class Step:
    """What happened to a lineage between edition ``before`` and the next.

    ``changes`` are the changes of that comparison
    (``History.comparisons[before]``) that touch the lineage: one in the
    common case, several when clauses of the lineage went different ways
    (one reworded, its sibling from an earlier split removed).
    """

    before: int
    changes: tuple[Change, ...]

    @property
    def kinds(self) -> tuple[ChangeKind, ...]:
        """The kinds of the step's changes, in order."""
        return tuple(change.kind for change in self.changes)

    @property
    def is_change(self) -> bool:
        """Whether the lineage changed at this step (:attr:`Change.is_change`)."""
        return any(change.is_change for change in self.changes)


@attrs.frozen
class Lineage:
    """One clause's identity through the series.

    Attributes:
        index: the lineage's position in :attr:`History.lineages`.
        clauses: for each edition, the indices of the lineage's clauses there
            (empty where it does not exist; several after a split).
        steps: what happened to it at each step where it exists on either
            side, in order (its ADDED step first when it was added, its
            REMOVED step last when it was removed).
        introduced: the first edition where it exists.
        removed: the first edition after it where it no longer exists, or
            ``None`` when it reaches the last edition.
    """

    index: int
    clauses: tuple[tuple[int, ...], ...]
    steps: tuple[Step, ...]
    introduced: int
    removed: int | None

    def present(self, edition: int) -> bool:
        """Whether the lineage has a clause in ``edition``."""
        return bool(self.clauses[edition])

    @property
    def last_changed(self) -> int:
        """The last edition in which the lineage's text changed (or where it was introduced)."""
        changed = [step.before + 1 for step in self.steps if _changes_text(step.changes)]
        return max([self.introduced, *changed])


@attrs.frozen
class BlameEntry:
    """One clause of an edition, with its origin (see :meth:`History.blame`)."""

    edition: int
    clause: int
    introduced: int
    last_changed: int
    lineage: int


@attrs.frozen
class TimelineEntry:
    """One edition in the series (see :meth:`History.timeline`).

    The counts are those of the comparison with the edition before (all zero
    for the first edition, whose clauses are all ``introduced``).
    ``first_edition_words`` is the share of the first edition's words still
    present in this edition: for each lineage, the words its clauses have in
    common (as multisets) in the first edition and in this one.
    """

    edition: int
    label: str | None
    clauses: int
    added: int
    removed: int
    reworded: int
    moved: int
    split: int
    merged: int
    unchanged: int
    set_aside: int
    first_edition_words: float


def _changes_text(changes: Iterable[Change]) -> bool:
    """Whether a step changes a lineage's text (its ADDED change introduces it: no change)."""
    return any(
        change.kind is not ChangeKind.ADDED and is_change(change, ignore=_NOT_A_CHANGE_OF_TEXT) for change in changes
    )


@attrs.frozen(repr=False)
class History:
    """The result of :func:`history`: the editions, the comparison of each
    with the next, and the lineages of their clauses."""

    editions: tuple[Edition, ...]
    comparisons: tuple[Comparison, ...]
    options: Options
    lineages: tuple[Lineage, ...] = attrs.field(init=False, eq=False)
    _where: Mapping[tuple[int, int], int] = attrs.field(init=False, eq=False)
    _by_new: tuple[dict[int, Change], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        lineages, where = _lineages(self.editions, self.comparisons)
        object.__setattr__(self, "lineages", lineages)
        object.__setattr__(self, "_where", where)
        # For each comparison: the change that holds each new clause (blame walks these back).
        by_new = tuple({j: change for change in c.changes for j in change.new} for c in self.comparisons)
        object.__setattr__(self, "_by_new", by_new)

    def __repr__(self) -> str:
        names = ", ".join(repr(e.label) if e.label is not None else "None" for e in self.editions)
        removed = sum(1 for lineage in self.lineages if lineage.removed is not None)
        return f"<History of {len(self.editions)} editions ({names}): {len(self.lineages)} lineages, {removed} removed>"

    def lineage_of(self, edition: int, clause: int) -> Lineage:
        """The lineage holding clause ``clause`` of edition ``edition`` (negative indices count from the end)."""
        edition = self._edition_index(edition)
        if not 0 <= clause < len(self.editions[edition].clauses):
            raise IndexError(f"edition {edition} has no clause {clause}")
        return self.lineages[self._where[edition, clause]]

    def _edition_index(self, edition: int) -> int:
        if isinstance(edition, bool) or not isinstance(edition, int):
            raise InvalidOptionsError("edition", edition, "must be an edition index")
        if not -len(self.editions) <= edition < len(self.editions):
            raise IndexError(f"the history has {len(self.editions)} editions, no edition {edition}")
        return edition % len(self.editions)

    def blame(self, edition: int = -1) -> tuple[BlameEntry, ...]:
        """Each clause of ``edition`` (default: the last) with the edition its
        text first appeared in and the last edition that changed it.

        Both follow the clause back through the comparisons: ``introduced``
        is the earliest edition any of its ancestors exists in (a clause
        merged from an old and a new one is as old as the old one), and
        ``last_changed`` the latest edition, up to ``edition``, whose
        comparison changed it or an ancestor (reworded, moved, split, merged,
        a cosmetic edit; not a renumbering or a link target alone).
        """
        edition = self._edition_index(edition)
        entries = []
        for clause in range(len(self.editions[edition].clauses)):
            introduced, last_changed = self._trace(edition, clause)
            entries.append(BlameEntry(edition, clause, introduced, last_changed, self._where[edition, clause]))
        return tuple(entries)

    def _trace(self, edition: int, clause: int) -> tuple[int, int]:
        current = {clause}
        last_changed: int | None = None
        at = edition
        while at > 0 and current:
            by_new = self._by_new[at - 1]
            changes = {id(by_new[j]): by_new[j] for j in current}.values()
            if last_changed is None and _changes_text(changes):
                last_changed = at
            before = {i for change in changes for i in change.old}
            if not before:
                break
            current, at = before, at - 1
        return at, at if last_changed is None else last_changed

    def timeline(self) -> tuple[TimelineEntry, ...]:
        """One entry per edition: what its comparison with the edition before counts."""
        first_words = [Counter(words(c.text)) for c in self.editions[0].clauses] if self.editions else []
        total = sum(sum(counter.values()) for counter in first_words)
        # The first edition's words of each lineage that has some.
        rooted = []
        for lineage in self.lineages:
            if lineage.clauses[0]:
                old = Counter[str]()
                for i in lineage.clauses[0]:
                    old += first_words[i]
                rooted.append((lineage, old))
        entries = []
        seen: dict[str, list[str]] = {}  # a clause's words, by its text (most clauses repeat edition to edition)
        for k, edition in enumerate(self.editions):
            counts = dict.fromkeys(ChangeKind, 0) if k == 0 else dict(self.comparisons[k - 1].counts)
            kept = 0
            for lineage, old in rooted:
                if lineage.clauses[k]:
                    new = Counter[str]()
                    for j in lineage.clauses[k]:
                        text = edition.clauses[j].text
                        if text not in seen:
                            seen[text] = words(text)
                        new.update(seen[text])
                    kept += sum((old & new).values())
            entries.append(
                TimelineEntry(
                    edition=k,
                    label=edition.label,
                    clauses=len(edition.clauses),
                    added=counts[ChangeKind.ADDED],
                    removed=counts[ChangeKind.REMOVED],
                    reworded=counts[ChangeKind.REWORDED],
                    moved=counts[ChangeKind.MOVED],
                    split=counts[ChangeKind.SPLIT],
                    merged=counts[ChangeKind.MERGED],
                    unchanged=counts[ChangeKind.UNCHANGED],
                    set_aside=0 if k == 0 else len(self.comparisons[k - 1].set_aside),
                    first_edition_words=round(kept / total, 6) if total else 1.0,
                )
            )
        return tuple(entries)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (schema ``docs/schema/history.schema.json``):
        the editions, each comparison's changes and set-aside differences,
        the options, and (derived, not read back) the lineages, the blame of
        the last edition and the timeline."""
        steps = []
        positions: list[dict[int, int]] = []  # per comparison: id(change) -> its index
        for comparison in self.comparisons:
            data = comparison_to_dict(comparison)
            steps.append({key: data[key] for key in ("has_changes", "counts", "changes", "set_aside")})
            positions.append({id(change): n for n, change in enumerate(comparison.changes)})
        return {
            "schema": SCHEMA,
            "editions": [edition_to_dict(edition) for edition in self.editions],
            "options": self.options.to_dict(),
            "steps": steps,
            "lineages": [
                {
                    "clauses": [list(indices) for indices in lineage.clauses],
                    "introduced": lineage.introduced,
                    "removed": lineage.removed,
                    "last_changed": lineage.last_changed,
                    "steps": [
                        {"before": step.before, "changes": [positions[step.before][id(c)] for c in step.changes]}
                        for step in lineage.steps
                    ],
                }
                for lineage in self.lineages
            ],
            "blame": [
                {"clause": b.clause, "introduced": b.introduced, "last_changed": b.last_changed, "lineage": b.lineage}
                for b in (self.blame() if self.editions else ())
            ],
            "timeline": [attrs.asdict(entry) for entry in self.timeline()],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> History:
        """Rebuild a history from :meth:`to_dict` (the lineages, blame and
        timeline are recomputed); malformed input raises
        :class:`~conceptdiff.InvalidComparisonError`."""
        if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
            found = data.get("schema") if isinstance(data, Mapping) else type(data).__name__
            raise InvalidComparisonError(f"unsupported history schema {found!r} (expected {SCHEMA!r})", where="schema")
        editions_data, steps = data.get("editions"), data.get("steps")
        if not isinstance(editions_data, list) or not editions_data or not isinstance(steps, list):
            raise InvalidComparisonError("'editions' (not empty) and 'steps' must be lists", where="history")
        if len(steps) != len(editions_data) - 1:
            raise InvalidComparisonError("there must be one step between each two editions", where="steps")
        try:
            options = Options.from_dict(dict(data.get("options") or {}))
        except (ConceptDiffError, TypeError) as error:
            raise InvalidComparisonError(str(error), where="options") from None
        editions = tuple(edition_from_dict(e, f"editions[{k}]") for k, e in enumerate(editions_data))
        comparisons = []
        for k, step in enumerate(steps):
            if not isinstance(step, Mapping):
                raise InvalidComparisonError("a step must be an object", where=f"steps[{k}]")
            one = {
                "schema": "conceptdiff.comparison/2",
                "old": editions_data[k],
                "new": editions_data[k + 1],
                "options": data.get("options"),
                "changes": step.get("changes"),
                "set_aside": step.get("set_aside", []),
            }
            # The editions were read once: every comparison holds the same objects.
            comparisons.append(attrs.evolve(comparison_from_dict(one), old=editions[k], new=editions[k + 1]))
        return cls(editions, tuple(comparisons), options)


def _lineages(
    editions: Sequence[Edition], comparisons: Sequence[Comparison]
) -> tuple[tuple[Lineage, ...], dict[tuple[int, int], int]]:
    """Connected components of the clauses linked by the comparisons' changes."""
    offsets = [0]
    for edition in editions:
        offsets.append(offsets[-1] + len(edition.clauses))
    parent = list(range(offsets[-1]))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for k, comparison in enumerate(comparisons):
        for change in comparison.changes:
            nodes = [offsets[k] + i for i in change.old] + [offsets[k + 1] + j for j in change.new]
            root = find(nodes[0])
            for node in nodes[1:]:
                other = find(node)
                if other != root:
                    parent[max(other, root)] = min(other, root)
                    root = min(other, root)
    # Components in the order of their first clause (edition by edition, clause by clause).
    order: dict[int, int] = {}
    members: list[list[list[int]]] = []
    where: dict[tuple[int, int], int] = {}
    for k, edition in enumerate(editions):
        for i in range(len(edition.clauses)):
            root = find(offsets[k] + i)
            if root not in order:
                order[root] = len(members)
                members.append([[] for _ in editions])
            number = order[root]
            members[number][k].append(i)
            where[k, i] = number
    steps: list[list[Step]] = [[] for _ in members]
    for k, comparison in enumerate(comparisons):
        touched: dict[int, list[Change]] = {}
        for change in comparison.changes:
            side, index = (k, change.old[0]) if change.old else (k + 1, change.new[0])
            touched.setdefault(where[side, index], []).append(change)
        for number, changes in touched.items():
            steps[number].append(Step(k, tuple(changes)))
    lineages = []
    for number, clauses in enumerate(members):
        present = [k for k, indices in enumerate(clauses) if indices]
        last = present[-1]
        lineages.append(
            Lineage(
                index=number,
                clauses=tuple(tuple(indices) for indices in clauses),
                steps=tuple(steps[number]),
                introduced=present[0],
                removed=None if last == len(editions) - 1 else last + 1,
            )
        )
    return tuple(lineages), where


def history(
    editions: Sequence[EditionLike],
    *,
    options: Options | None = None,
    labels: Sequence[str] | None = None,
    workers: int | None = None,
    executor: object = "process",
) -> History:
    """The clause history of a series of editions, oldest first.

    Each edition is anything :func:`conceptdiff.compare` accepts, read once;
    ``labels`` name them (default: the file name of a path, else ``edition 1``,
    ``edition 2`` ...).  Consecutive editions are compared with
    :func:`conceptdiff.compare_many`: on ``workers`` processes (or a Dask
    scheduler given as ``executor``, see :mod:`conceptdiff.batch`); a small
    series (fewer than 4,000 clauses in all) or ``workers=1`` is compared in
    this process.  The result does not depend on how the work was spread:
    ``history([a, b]).comparisons[0]`` is ``compare(a, b)``.
    """
    options = options_or_default(options, Options)
    whole_number("workers", workers, minimum=1, optional=True)
    if isinstance(editions, (str, bytes)) or not isinstance(editions, Sequence):
        raise InvalidOptionsError("editions", type(editions).__name__, "must be a sequence of editions, oldest first")
    if labels is not None and (isinstance(labels, str) or len(labels) != len(editions)):
        raise InvalidOptionsError("labels", labels, f"must be one label per edition ({len(editions)})")
    read = []
    for k, value in enumerate(editions):
        edition = as_edition(value, side=f"edition {k + 1}", options=options)
        if labels is not None:
            edition = attrs.evolve(edition, label=labels[k])
        warn_if_empty(edition, f"edition {k + 1}")
        read.append(edition)
    pairs = list(itertools.pairwise(read))
    size = sum(len(edition.clauses) for edition in read)
    if workers == 1 or len(pairs) < 2 or (workers is None and size < _SERIAL_BELOW):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConceptDiffWarning)  # each edition was checked once above
            comparisons = [compare(old, new, options=options) for old, new in pairs]
    else:
        from conceptdiff.batch import compare_many

        comparisons = [
            attrs.evolve(result.unwrap(), old=pairs[result.index][0], new=pairs[result.index][1])
            for result in compare_many(pairs, options=options, workers=workers, executor=executor)
        ]
    return History(tuple(read), tuple(comparisons), options)
