"""Real edition pairs with hand-checked answers: edit-link F1 per pair, conceptdiff against its peers.

    .venv/bin/python -m benchmarks.real_pairs          # the table
    .venv/bin/python -m benchmarks.real_pairs --misses # and conceptdiff's wrong links, pair by pair

Each ``benchmarks/real_pairs/*.json`` holds two real editions of one
document from ``fixtures/corpus/`` (EUPL 1.1 and 1.2, three GitHub privacy
statements, two PEP 8 revisions) or from the system's common-licenses
folder (LGPL 2.0 and 2.1, GFDL 1.2 and 1.3: GNU texts, verbatim copies
allowed; their answers were written after the alignment rules of the other
four, and conceptdiff was measured on them once, before anyone looked at
its output there) or from Debian's doc-debian package (the Debian
Constitution v1.7 and v1.8, the Social Contract v1.1 and v1.2: measured
once at 0.731 and 0.333 when their answers were written, 2026-12-07; 0.704
for the first against its answer as written, before a split and a merge its
reader had made of clauses apart were scored on their consecutive clauses,
the others as added and removed), as
clause lists, frozen (conceptdiff's
reading of each file, so that the pair measures alignment, not reading), and
``changes``: the answer, **written by hand** by a reader who ran no diff or
alignment tool (how, and the hard calls, in each file's ``review``).  Every
system compares the same clause lists; the scores are those of
``benchmarks/scoring.py`` (edit links: the links of changed clauses, the
measure of issue 14), micro-averaged over the pairs.  It also reports the
longest reach of a split or merge conceptdiff made, as a share of the
document (the issue's bound: a quarter).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.peers import systems
from benchmarks.scoring import Change, Scores, score

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "benchmarks" / "real_pairs"


def load_pairs() -> list[tuple[str, dict[str, Any]]]:
    """The pairs whose answer is written (``changes`` not empty), by name."""
    out = []
    for path in sorted(PAIRS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["changes"]:
            out.append((path.stem, data))
    return out


def truth(data: dict[str, Any]) -> list[Change]:
    return [Change(c["kind"], tuple(c["old"]), tuple(c["new"])) for c in data["changes"]]


def reach(changes: Sequence[Change], n_old: int, n_new: int) -> float:
    """The longest distance, as a share of the document, between the two sides of a split or merge."""
    longest = 0.0
    for change in changes:
        if change.kind in ("split", "merged") and change.old and change.new:
            old_at = sum(change.old) / len(change.old) / max(1, n_old)
            new_at = sum(change.new) / len(change.new) / max(1, n_new)
            longest = max(longest, abs(old_at - new_at))
    return longest


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list conceptdiff's wrong and missed links")
    args = parser.parse_args(argv)
    found, notes = systems()
    pairs = load_pairs()
    names = list(found)
    totals = {name: Scores() for name in names}
    rows = []
    reaches = []
    for pair, data in pairs:
        answer = truth(data)
        cells = []
        for name, run in found.items():
            predicted = run(data["old"], data["new"])
            result = score(answer, predicted, n_old=len(data["old"]), n_new=len(data["new"]))
            totals[name] += result
            cells.append(_f(result.edit_links.f1))
            if name == "conceptdiff":
                reaches.append((pair, reach(predicted, len(data["old"]), len(data["new"]))))
                if args.misses:
                    _show_misses(pair, data, answer, predicted)
        rows.append(f"| {pair} | {len(data['old'])}/{len(data['new'])} | " + " | ".join(cells) + " |")
    print("| pair | clauses old/new | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    print("\n".join(rows))
    overall = " | ".join(f"**{_f(totals[name].edit_links.f1)}**" for name in names)
    print(f"| all ({len(pairs)} pairs) | | {overall} |")
    print()
    print("edit-link F1 (links between changed clauses, hand-checked answers).  " + "; ".join(notes))
    print("longest split/merge reach (share of the document): " + ", ".join(f"{p} {r:.2f}" for p, r in reaches))
    return 0


def _show_misses(pair: str, data: dict[str, Any], answer: Sequence[Change], predicted: Sequence[Change]) -> None:
    def links(changes: Sequence[Change]) -> dict[tuple[int, int], str]:
        changed = [c for c in changes if c.kind not in ("unchanged", "added", "removed")]
        return {(o, n): c.kind for c in changed for o in c.old for n in c.new}

    want, got = links(answer), links(predicted)
    print(f"## {pair}")
    for (o, n), kind in sorted(got.items()):
        if (o, n) not in want:
            print(f"  + {kind:9} old {o} -> new {n}: {data['old'][o][:70]!r} -> {data['new'][n][:70]!r}")
    for (o, n), kind in sorted(want.items()):
        if (o, n) not in got:
            print(f"  - {kind:9} old {o} -> new {n}: {data['old'][o][:70]!r} -> {data['new'][n][:70]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
