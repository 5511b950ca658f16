"""History benchmark: a series of editions, timed against its own comparisons.

Usage::

    python -m benchmarks.history [--editions 10] [--size 1000] [--seed 0] [--repeat 3]

The series is generated: a first edition of ``--size`` synthetic clauses
(``generate_edition``), then each next edition a ``medium`` edit of the one
before (``generate_pair``: rewordings, insertions, deletions, moves, splits,
merges, renumbering), so every step's answer is known; the benchmark checks
that ``history`` finds every step's true changes.

Timed, in this one process, on one core (``workers=1``), median of
``--repeat`` rounds:

* **history**: ``conceptdiff.history(series, workers=1)`` (reading the
  clause lists, the comparisons, the lineages), then ``blame()`` and
  ``timeline()``;
* **compares**: the same consecutive comparisons, ``compare(a, b)`` by hand
  (the floor any history must pay), so the ratio history/compares is what
  following the clauses costs on top.

The issue's target: 10 editions of 1,000 clauses in under 3 s on one core.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Sequence

import conceptdiff
from conceptdiff.strategies import RandomChooser, generate_edition, generate_pair


def build_series(editions: int, size: int, seed: int) -> tuple[list[tuple[str, ...]], list[set[tuple[object, ...]]]]:
    """The clause lists of the series and each step's true changes."""
    texts = [generate_edition(RandomChooser(seed), min_size=size, max_size=size)]
    truth: list[set[tuple[object, ...]]] = []
    for step in range(editions - 1):
        pair = generate_pair(RandomChooser(seed * 1000 + step + 1), texts[-1], mix="medium")
        texts.append(pair.new_texts)
        truth.append({(c.kind, c.old, c.new) for c in pair.changes})
    return texts, truth


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--editions", type=int, default=10)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    texts, truth = build_series(args.editions, args.size, args.seed)
    series = [list(t) for t in texts]
    history_times, compare_times = [], []
    result = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = conceptdiff.history(series, workers=1)
        result.blame()
        result.timeline()
        history_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for old, new in itertools.pairwise(series):
            conceptdiff.compare(old, new)
        compare_times.append(time.perf_counter() - start)
    assert result is not None
    found = [{(c.kind, c.old, c.new) for c in comparison.changes} for comparison in result.comparisons]
    exact = sum(f == t for f, t in zip(found, truth, strict=True))
    clauses = sum(len(t) for t in texts)
    h, c = statistics.median(history_times), statistics.median(compare_times)
    print("| series | clauses | history (s) | compares (s) | history / compares | steps exact |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {args.editions} editions x {args.size} | {clauses} | {h:.2f} | {c:.2f} | {h / c:.2f} | "
        f"{exact}/{len(truth)} |"
    )
    print(
        f"\ntarget: under 3 s for 10 editions of 1,000 clauses on one core: {'met' if h < 3 else 'NOT met'} ({h:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
