"""Quote-check benchmark: an article of 200 clauses against a source of 2,000.

Usage::

    python -m benchmarks.quotes [--source-size 2000] [--article-size 200] [--seed 0] [--repeat 3]

The source is real text: the clauses of every edition in ``fixtures/corpus``
(US National Security Strategies, GitHub privacy statements, EUPL, PEP 8),
in turn, until ``--source-size`` clauses.  The article is built with a known
answer, as ``conceptdiff.strategies.quoted_articles`` builds them: each
paragraph a verbatim quotation of a source clause of eight words or more, an
altered one (one word replaced), an elided one (``[…]`` for two words or
more), or a sentence of the writer's own.

Timed, in this one process, median of ``--repeat`` rounds:

* **conceptdiff**: ``check_quotes(source, article)`` on the two editions
  (read once, outside the timing): the trigram index of the source, each
  article clause's candidates and alignment, the report's counts;
* **rapidfuzz all-pairs**: for each article clause, RapidFuzz's
  ``process.extractOne`` over every source clause (``fuzz.ratio``), the
  all-pairs search a script would do, with its answer read as verbatim when
  the ratio is 100, altered when at least 80, not in source otherwise.

It prints the time of each, the ratio, and the share of article clauses each
classes as built.  The issue's target: under 1 s for 200 against 2,000.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

import conceptdiff
from conceptdiff import Edition

ROOT = Path(__file__).resolve().parent.parent
WRITER = (
    "The minister spoke to reporters outside the building on Tuesday afternoon.",
    "Critics were quick to point out what the new text leaves unsaid.",
    "Officials declined to comment when asked about the timing of the announcement.",
    "Analysts in several capitals have been reading the document closely this week.",
)


def build(source_size: int, article_size: int, seed: int) -> tuple[Edition, Edition, list[str]]:
    """The source, the article (one clause a paragraph) and each article clause's kind."""
    texts: list[str] = []
    editions = [Edition.from_path(path) for path in sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))]
    while len(texts) < source_size:
        for edition in editions:
            texts.extend(clause.text for clause in edition.clauses)
    source = Edition.from_clauses(texts[:source_size], label="source")
    rng = random.Random(seed)
    quotable = [c.text for c in source.clauses if len(c.text.split()) >= 12]
    paragraphs, kinds = [], []
    for _ in range(article_size):
        kind = rng.choice(["verbatim", "verbatim", "altered", "elided", "not_in_source"])
        if kind == "not_in_source":
            paragraphs.append(rng.choice(WRITER))
        else:
            tokens = rng.choice(quotable).split()
            if kind == "altered":
                i = rng.choice([k for k, t in enumerate(tokens) if t.isalpha() and len(t) >= 4])
                tokens[i] = "seldom" if tokens[i] != "seldom" else "never"
            if kind == "elided":
                head = rng.randint(4, len(tokens) - 6)
                tail = rng.randint(head + 2, len(tokens) - 4)
                tokens = [*tokens[:head], "[…]", *tokens[tail:]]
            paragraphs.append(" ".join(tokens))
        kinds.append(kind)
    return source, Edition.from_clauses(paragraphs, label="article"), kinds


def all_pairs(source: Edition, article: Edition) -> list[str]:
    choices = [clause.normalized for clause in source.clauses]
    found = []
    for clause in article.clauses:
        _, score, _ = process.extractOne(clause.normalized, choices, scorer=fuzz.ratio)
        found.append("verbatim" if score == 100 else "altered" if score >= 80 else "not_in_source")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--source-size", type=int, default=2000)
    parser.add_argument("--article-size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    source, article, kinds = build(args.source_size, args.article_size, args.seed)
    ours, theirs = [], []
    check = None
    peer: list[str] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        check = conceptdiff.check_quotes(source, article)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        peer = all_pairs(source, article)
        theirs.append(time.perf_counter() - start)
    assert check is not None
    got = [q.kind.value for q in check.clauses]
    right = sum(g == k for g, k in zip(got, kinds, strict=True)) / len(kinds)
    peer_right = sum(g == k for g, k in zip(peer, kinds, strict=True)) / len(kinds)
    a, b = statistics.median(ours), statistics.median(theirs)
    print("| system | article x source | seconds | vs conceptdiff | clauses classed as built |")
    print("|---|---|---|---|---|")
    size = f"{len(article.clauses)} x {len(source.clauses)}"
    print(f"| conceptdiff check_quotes | {size} | {a:.3f} | 1.00 | {right:.1%} |")
    print(f"| rapidfuzz all-pairs extractOne | {size} | {b:.3f} | {b / a:.2f} | {peer_right:.1%} |")
    verdict = "met" if a < 1 else "NOT met"
    print(f"\ntarget: under 1 s for 200 article clauses against 2,000 source clauses: {verdict} ({a:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
