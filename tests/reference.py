"""A slow, obviously correct reference aligner for small inputs.

It compares every old clause with every new one (plain dynamic-programming
LCS over words, no index, no heuristics) and answers only where the answer is
unambiguous; everywhere else it returns ``None`` and the property test that
uses it (tests/test_reference.py) skips the example.

Unambiguous means:
* every clause left after exact and case/punctuation-insensitive matching is
  either *clearly paired* (its best partner is mutual, similarity well above
  ``Options.reworded_threshold``, every rival far below) or has no partner
  above ``reworded_threshold - 0.1``;
* no clause lies mostly inside a clause other than its partner (no split or
  merge could be read into the pair);
* the longest run of pairs in increasing order is unique (so which pairs
  moved is not a matter of tie-breaking);
* the one old and one new clause left alone between two in-order pairs (the
  documented positional rule) are not within 0.05 of
  ``Options.positional_threshold``.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict, deque
from collections.abc import Sequence

from conceptdiff import ChangeKind, Edition, Options
from conceptdiff.normalize import words

Answer = set[tuple[ChangeKind, tuple[int, ...], tuple[int, ...]]]


def lcs(a: Sequence[str], b: Sequence[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous_diagonal = 0
        for k, y in enumerate(b, start=1):
            current = row[k]
            row[k] = previous_diagonal + 1 if x == y else max(row[k], row[k - 1])
            previous_diagonal = current
    return row[-1]


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    return 2 * lcs(a, b) / (len(a) + len(b)) if a or b else 1.0


def longest_increasing_runs(values: Sequence[int]) -> tuple[int, list[set[int]]]:
    """Length of the longest strictly increasing subsequence and all of them (small inputs)."""
    best_length = [1] * len(values)
    for i in range(len(values)):
        for k in range(i):
            if values[k] < values[i]:
                best_length[i] = max(best_length[i], best_length[k] + 1)
    top = max(best_length, default=0)

    def runs_ending(i: int) -> list[set[int]]:
        if best_length[i] == 1:
            return [{i}]
        out: list[set[int]] = []
        for k in range(i):
            if values[k] < values[i] and best_length[k] == best_length[i] - 1:
                out.extend(run | {i} for run in runs_ending(k))
        return out

    runs = [run for i in range(len(values)) if best_length[i] == top for run in runs_ending(i)]
    return top, runs


def reference_align(
    old_texts: Sequence[str], new_texts: Sequence[str], options: Options | None = None
) -> Answer | None:
    options = options or Options()
    old, new = Edition.from_clauses(old_texts), Edition.from_clauses(new_texts)
    old_words = [words(c.normalized) for c in old.clauses]
    new_words = [words(c.normalized) for c in new.clauses]
    pairs: dict[int, int] = {}

    # 1. Same normalized text, then same words: the n-th copy with the n-th copy.
    for key_old, key_new in (
        ([c.normalized for c in old.clauses], [c.normalized for c in new.clauses]),
        ([" ".join(w) if w else None for w in old_words], [" ".join(w) if w else None for w in new_words]),
    ):
        waiting: dict[object, deque[int]] = defaultdict(deque)
        for j, key in enumerate(key_new):
            if j not in pairs.values() and key is not None:
                waiting[key].append(j)
        for i, key in enumerate(key_old):
            if i not in pairs and key is not None and waiting[key]:
                pairs[i] = waiting[key].popleft()

    # 2. The rest: clearly paired, or clearly not, else ambiguous.
    free_old = [i for i in range(len(old_words)) if i not in pairs]
    taken = set(pairs.values())
    free_new = [j for j in range(len(new_words)) if j not in taken]
    sims = {(i, j): similarity(old_words[i], new_words[j]) for i in free_old for j in free_new}
    high = options.reworded_threshold + 0.1
    below = options.reworded_threshold - 0.1
    for i in free_old:
        row = sorted(((sims[i, j], j) for j in free_new), reverse=True)
        if not row or row[0][0] < below:
            continue  # no partner by similarity (a positional one is looked for below)
        best, j = row[0]
        column = sorted((sims[k, j] for k in free_old), reverse=True)
        rival = max(row[1][0] if len(row) > 1 else 0.0, column[1] if len(column) > 1 else 0.0)
        if best < high or rival > best - 0.25 or rival >= below:
            return None
        pairs[i] = j

    # 3. No split or merge may be read in: no two neighbours that both lie mostly
    #    inside one clause of the other side.
    bar = options.piece_containment - 0.02
    inside_old: dict[int, set[int]] = defaultdict(set)  # old i -> new clauses mostly inside it
    inside_new: dict[int, set[int]] = defaultdict(set)  # new j -> old clauses mostly inside it
    for i in range(len(old_words)):
        for j in range(len(new_words)):
            if not old_words[i] or not new_words[j]:
                continue
            common = lcs(old_words[i], new_words[j])
            if common / len(new_words[j]) >= bar or pairs.get(i) == j:
                inside_old[i].add(j)
            if common / len(old_words[i]) >= bar or pairs.get(i) == j:
                inside_new[j].add(i)
    for groups in (inside_old, inside_new):
        for members in groups.values():
            if any(m + 1 in members for m in members):
                return None

    # 4. Order: the longest increasing run must be unique.
    ordered = sorted(pairs.items())
    _, runs = longest_increasing_runs([j for _, j in ordered])
    if len(runs) > 1:
        return None
    in_order = sorted(ordered[p] for p in (runs[0] if runs else set()))

    # 5. Positional pairs: the one old and one new clause left between two in-order pairs.
    taken = set(pairs.values())
    bounds = [(-1, -1), *in_order, (len(old_words), len(new_words))]
    for (lo_old, lo_new), (hi_old, hi_new) in itertools.pairwise(bounds):
        olds = [i for i in range(lo_old + 1, hi_old) if i not in pairs]
        news = [j for j in range(lo_new + 1, hi_new) if j not in taken]
        if len(olds) == 1 and len(news) == 1:
            sim = similarity(old_words[olds[0]], new_words[news[0]])
            if abs(sim - options.positional_threshold) < 0.05:
                return None
            if sim >= options.positional_threshold:
                pairs[olds[0]] = news[0]
    ordered = sorted(pairs.items())
    _, runs = longest_increasing_runs([j for _, j in ordered])
    if len(runs) != 1:
        return None
    in_order_positions = runs[0]

    answer: Answer = set()
    for position, (i, j) in enumerate(ordered):
        if position not in in_order_positions:
            kind = ChangeKind.MOVED
        elif old.clauses[i].normalized == new.clauses[j].normalized:
            kind = ChangeKind.UNCHANGED
        else:
            kind = ChangeKind.REWORDED
        answer.add((kind, (i,), (j,)))
    answer.update((ChangeKind.REMOVED, (i,), ()) for i in range(len(old_words)) if i not in pairs)
    taken = set(pairs.values())
    answer.update((ChangeKind.ADDED, (), (j,)) for j in range(len(new_words)) if j not in taken)
    return answer


def patience_levels(values: Sequence[int]) -> tuple[list[int], int]:
    """For each value, the length (minus one) of the longest strictly increasing
    run ending at it; and the longest run's length (patience sorting)."""
    tails: list[int] = []
    levels = []
    for value in values:
        level = bisect.bisect_left(tails, value)
        if level == len(tails):
            tails.append(value)
        else:
            tails[level] = value
        levels.append(level)
    return levels, len(tails)


def increasing_pair_by_pair(pairs: Sequence[tuple[int, int]], ties: Sequence[int]) -> set[int]:
    """The aligner's weighted longest increasing run, computed pair by pair
    (the aligner's first version, before it worked on blocks of consecutive
    pairs): the block version must pick exactly the same run, ties included."""
    n = len(pairs)
    if not n:
        return set()
    values = [second for _, second in pairs]
    end_level, length = patience_levels(values)
    start_level = patience_levels([-value for value in reversed(values)])[0][::-1]
    levels: list[list[int]] = [[] for _ in range(length)]
    for k in range(n):
        if end_level[k] + start_level[k] + 1 == length:
            levels[end_level[k]].append(k)
    best: dict[int, int] = {}
    back: dict[int, int] = {}
    previous: list[int] = []
    for members in levels:
        negated = [-values[k] for k in previous]
        for m in members:
            lo = bisect.bisect_right(negated, -values[m])
            hi = bisect.bisect_left(previous, m)
            chosen, top = -1, 0
            for k in previous[lo:hi]:
                if chosen == -1 or best[k] > top:
                    chosen, top = k, best[k]
            best[m] = top + ties[m]
            back[m] = chosen
        previous = members
    position = max(previous, key=lambda k: (best[k], -k))
    run: set[int] = set()
    while position != -1:
        run.add(position)
        position = back[position]
    return run
