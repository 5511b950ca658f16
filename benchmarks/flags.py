"""Flags benchmark: precision and recall of each significance flag on rewordings labelled by hand.

Usage::

    python -m benchmarks.flags [--show-misses]

``benchmarks/flags_labelled.json`` holds 143 rewordings: 128 from real pairs
of editions in ``fixtures/corpus`` (EUPL 1.1/1.2, PEP 8, GitHub privacy
statements, US NSS 2002/2006; found with ``compare``) and 15 made by hand on
the edges, each labelled by a helper who read the two texts and never saw
what conceptdiff says (its ``source`` field gives the rules).  Each pair is
assessed as the reports assess it: :func:`conceptdiff.significance.assess_texts`
with ``heading`` when both sides are headings and the terms the pair's
editions define (:func:`~conceptdiff.significance.defined_terms` over both
editions; for the hand-made ones, the terms their ``definitions`` list) and
the words they write in small letters (:func:`~conceptdiff.significance.common_words`;
for the hand-made ones, those of the pair itself).

A label is compared with: ``modal`` → ``Flag.MODAL``; ``negation`` →
``Flag.NEGATION``; ``number`` → ``Flag.NUMBER``, ``DATE`` or ``AMOUNT``;
``entity`` → ``Flag.ENTITY``; ``defined_term`` → ``Flag.DEFINED_TERM``;
``cosmetic`` → ``Significance.COSMETIC``.  The goal (issue 14): precision
0.9 or more for every flag.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from conceptdiff import Edition
from conceptdiff.significance import Flag, Significance, assess_texts, common_words, defined_terms

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
EDITIONS = {
    "eupl-1.1→1.2": ("eupl-1.1.en.txt", "eupl-1.2.en.txt"),
    "github-privacy-2022-09-01→2022-12-15": (
        "github-privacy-statement-2022-09-01.en.txt",
        "github-privacy-statement-2022-12-15.en.txt",
    ),
    "github-privacy-2022-12-15→2023-10-10": (
        "github-privacy-statement-2022-12-15.en.txt",
        "github-privacy-statement-2023-10-10.en.txt",
    ),
    "pep8-2005-08-20→2005-12-15": ("python-pep8-2005-08-20.en.txt", "python-pep8-2005-12-15.en.txt"),
    "us-nss-2002→2006": ("us-nss-2002.en.txt", "us-nss-2006.en.txt"),
}
FLAGS = {
    "modal": {Flag.MODAL},
    "negation": {Flag.NEGATION},
    "number": {Flag.NUMBER, Flag.DATE, Flag.AMOUNT},
    "entity": {Flag.ENTITY},
    "defined_term": {Flag.DEFINED_TERM},
}


def _context(
    pair: str, cache: dict[str, tuple[frozenset[str], frozenset[str]]]
) -> tuple[frozenset[str], frozenset[str]]:
    """The terms the pair's editions define, and the words they write in small letters."""
    if pair not in cache:
        old, new = (Edition.from_path(CORPUS / name) for name in EDITIONS[pair])
        texts = ([c.normalized for c in old.clauses], [c.normalized for c in new.clauses])
        cache[pair] = (defined_terms(*texts), common_words(*texts))
    return cache[pair]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--show-misses", action="store_true", help="print every wrong answer")
    args = parser.parse_args(argv)
    data = json.loads((ROOT / "benchmarks" / "flags_labelled.json").read_text(encoding="utf-8"))
    cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    tally = {name: [0, 0, 0] for name in [*FLAGS, "cosmetic"]}  # true positives, false positives, false negatives
    for item in data["pairs"]:
        if item["pair"] == "hand-made":
            defined = defined_terms([f"'{term}': the thing so named." for term in item.get("definitions", [])])
            common = common_words([item["old"], item["new"]])
        else:
            defined, common = _context(item["pair"], cache)
        heading = item["old_kind"] == "heading" and item["new_kind"] == "heading"
        assessment = assess_texts(item["old"], item["new"], heading=heading, defined=defined, common=common)
        found = {name: bool(set(assessment.flags) & flags) for name, flags in FLAGS.items()}
        found["cosmetic"] = assessment.significance is Significance.COSMETIC
        for name, said in found.items():
            truth = bool(item["labels"][name])
            tally[name][0] += said and truth
            tally[name][1] += said and not truth
            tally[name][2] += truth and not said
            if args.show_misses and said != truth:
                print(f"{name:12} said {said!s:5} truth {truth!s:5} | {item['old'][:70]!r} -> {item['new'][:70]!r}")
    print(f"{len(data['pairs'])} labelled rewordings\n")
    print("| flag | labelled true | found | precision | recall |")
    print("|---|---|---|---|---|")
    for name, (tp, fp, fn) in tally.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"| {name} | {tp + fn} | {tp + fp} | {precision:.2f} | {recall:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
