"""conceptdiff against the tools people would otherwise use, on the same pairs, in one run.

Usage::

    python -m benchmarks.peers                     # quality + time on the benchmark pairs, real pairs, 10k clauses
    python -m benchmarks.peers --pairs 10 --sizes 0 # quicker: 10 pairs per mix, no generated large pair
    python -m benchmarks.peers --json peers.json

Systems (every one sees the same clause lists, in this one process):

* **conceptdiff**: ``Edition.from_clauses`` + ``compare`` (as ``benchmarks/speed.py``
  times it; ``benchmarks/quality.py`` also times ``to_dict()``).
* **difflib**, **diff-match-patch**: the peers of ``benchmarks/quality.py``, as
  they are there (clauses normalized the way conceptdiff does, the diff over
  clause lists, then a fair pairing inside each replaced run: greedy, best
  first, word-level ``SequenceMatcher.ratio() >= 0.5``, never crossing).
* **git diff --color-moved**: ``git diff --no-index -U0 --color-moved=plain``
  on two temporary files, one normalized clause per line (run as a
  subprocess; files and process start are in its time).  The lines git marks
  as moved are paired by their text as MOVED; the other lines of each hunk get
  the same fair pairing as difflib.
* **git diff --word-diff**: ``git diff --no-index -U0 --word-diff=porcelain``
  on the same files; inside each hunk, an old and a new line are paired when
  the words git's word diff matches between them are at least half of their
  words (Dice, best first, never crossing).
* **redlines** (``pip install redlines``; skipped when it is not installed):
  ``Redlines(old, new)`` on the two texts, one clause per paragraph; an old
  and a new paragraph are paired when the tokens its diff keeps equal between
  them are at least half of their tokens (Dice, best first).

No peer reports splits or merges; only git ``--color-moved`` reports moves
(of lines moved without an edit).

What is measured:

1. **Quality** on the pairs of ``benchmarks/quality.py`` (same generator,
   same arguments, same figures for the systems they share): edit-link F1 per
   mix and overall (``benchmarks/scoring.py``), the moves found (recall of
   MOVED changes), and each system's mean time per pair.
2. **Speed on the real fixture pairs** of ``benchmarks/speed.py`` (US NSS
   2002/2006, EUPL 1.1/1.2, PEP 8, GitHub privacy statements), segmented by
   ``Edition.from_text`` outside the timing: median of 3, a system still
   running after ``--limit`` seconds stopped.
3. **Speed at scale**: generated pairs of ``--sizes`` clauses (default
   10,000; ``benchmarks/speed.py``'s generator), median of 3 likewise.

The ratios (a system's time over conceptdiff's) are the figures to read: the
absolute times depend on the machine.  Quality figures depend only on the
arguments (and on the git and redlines versions, which are printed).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

import conceptdiff  # noqa: E402
from benchmarks import quality, speed  # noqa: E402
from benchmarks.scoring import Change, Scores, score  # noqa: E402

ChangeList = list[Change]
System = Callable[[Sequence[str], Sequence[str]], ChangeList]

_HUNK: Final = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ANSI: Final = re.compile(r"\x1b\[[0-9;]*m")
# Colours set for this run, so that a moved line is told from another by its escape code.
_GIT_COLOURS: Final = {
    "color.diff.old": "red",
    "color.diff.new": "green",
    "color.diff.oldMoved": "brightmagenta",
    "color.diff.newMoved": "brightcyan",
}
_OLD_MOVED: Final = "\x1b[95m"
_NEW_MOVED: Final = "\x1b[96m"


# --------------------------------------------------------------------------
# Pairing helpers shared by the peers.
# --------------------------------------------------------------------------


def _kind(old: str, new: str) -> str:
    return "unchanged" if old == new else "reworded"


def _dice_pairs(
    matched: dict[tuple[int, int], int], size_old: Sequence[int], size_new: Sequence[int]
) -> list[tuple[int, int]]:
    """Pairs (old, new) whose matched words are at least half of their words, best first, never crossing."""
    scored = []
    for (i, j), m in matched.items():
        total = size_old[i] + size_new[j]
        if total and 2 * m / total >= quality.PAIR_THRESHOLD:
            scored.append((-2 * m / total, i, j))
    scored.sort()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if all((i - a) * (j - b) > 0 for a, b in pairs):
            pairs.append((i, j))
    return pairs


def _tile(
    a: Sequence[str], b: Sequence[str], links: Iterable[tuple[str, int, int]], *, extra: ChangeList | None = None
) -> ChangeList:
    """Changes from links ``(kind, old, new)``; every clause left out is REMOVED or ADDED."""
    out: ChangeList = list(extra or [])
    used_old = {i for c in out for i in c.old}
    used_new = {j for c in out for j in c.new}
    for kind, i, j in links:
        out.append(Change(kind, (i,), (j,)))
        used_old.add(i)
        used_new.add(j)
    out.extend(Change("removed", (i,), ()) for i in range(len(a)) if i not in used_old)
    out.extend(Change("added", (), (j,)) for j in range(len(b)) if j not in used_new)
    return out


# --------------------------------------------------------------------------
# git diff.
# --------------------------------------------------------------------------


def git_version() -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    done = subprocess.run([git, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


def _git_diff(a: Sequence[str], b: Sequence[str], *flags: str) -> list[str]:
    """The output lines of ``git diff --no-index -U0 FLAGS old new``, one clause per line."""
    config = [arg for name, value in _GIT_COLOURS.items() for arg in ("-c", f"{name}={value}")]
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C"}
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, lines in (("old", a), ("new", b)):
            path = Path(folder) / name
            path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            paths.append(str(path))
        command = ["git", *config, "diff", "--no-index", "--no-ext-diff", "--no-textconv", "-U0", *flags, *paths]
        done = subprocess.run(command, capture_output=True, env=env, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"git diff failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout.decode("utf-8").splitlines()


def _hunks(lines: Sequence[str]) -> Iterable[tuple[int, int, int, int, list[str]]]:
    """``(old start, old count, new start, new count, body lines)`` of each hunk, starts 0-based."""
    current: list[str] | None = None
    header: tuple[int, int, int, int] | None = None
    for raw in lines:
        match = _HUNK.match(_ANSI.sub("", raw))
        if match:
            if header is not None and current is not None:
                yield (*header, current)
            o, oc, n, nc = match.groups()
            old_count = 1 if oc is None else int(oc)
            new_count = 1 if nc is None else int(nc)
            # A count of 0 gives the line *before* the gap.
            header = (int(o) - (1 if old_count else 0), old_count, int(n) - (1 if new_count else 0), new_count)
            current = []
        elif current is not None:
            current.append(raw)
    if header is not None and current is not None:
        yield (*header, current)


def _unchanged_between(hunks: Sequence[tuple[int, int, int, int]], n_old: int) -> list[tuple[str, int, int]]:
    """The lines outside every hunk: equal, in order."""
    links = []
    old_at = new_at = 0
    for old_start, old_count, new_start, new_count in [*hunks, (n_old, 0, -1, 0)]:
        while old_at < old_start:
            links.append(("unchanged", old_at, new_at))
            old_at += 1
            new_at += 1
        old_at, new_at = old_start + old_count, new_start + new_count
    return links


def run_git_moved(old: Sequence[str], new: Sequence[str]) -> ChangeList:
    a = [quality.peer_normalize(c) for c in old]
    b = [quality.peer_normalize(c) for c in new]
    output = _git_diff(a, b, "--color=always", "--color-moved=plain")
    hunks = list(_hunks(output))
    links = _unchanged_between([h[:4] for h in hunks], len(a))
    moved_old: dict[str, list[int]] = defaultdict(list)
    moved_new: list[int] = []
    blocks: list[tuple[list[int], list[int]]] = []
    for old_start, _, new_start, _, body in hunks:
        olds: list[int] = []
        news: list[int] = []
        i, j = old_start, new_start  # the hunk's lines, in order
        for raw in body:
            text = _ANSI.sub("", raw)
            if text.startswith("-"):
                if raw.startswith(_OLD_MOVED):
                    moved_old[a[i]].append(i)
                else:
                    olds.append(i)
                i += 1
            elif text.startswith("+"):
                if raw.startswith(_NEW_MOVED):
                    moved_new.append(j)
                else:
                    news.append(j)
                j += 1
        blocks.append((olds, news))
    for j in moved_new:  # a moved line and its counterpart have the same text
        if moved_old.get(b[j]):
            links.append(("moved", moved_old[b[j]].pop(0), j))
    for olds, news in blocks:
        pairs = quality.greedy_pairs([a[i].split() for i in olds], [b[j].split() for j in news])
        links.extend((_kind(a[olds[x]], b[news[y]]), olds[x], news[y]) for x, y in pairs)
    return _tile(a, b, links)


def run_git_words(old: Sequence[str], new: Sequence[str]) -> ChangeList:
    a = [quality.peer_normalize(c) for c in old]
    b = [quality.peer_normalize(c) for c in new]
    output = _git_diff(a, b, "--word-diff=porcelain")
    hunks = list(_hunks(output))
    links = _unchanged_between([h[:4] for h in hunks], len(a))
    old_words = [len(t.split()) for t in a]
    new_words = [len(t.split()) for t in b]
    for old_start, old_count, new_start, new_count, body in hunks:
        # Each word of the hunk's old text belongs to one old line; the same for the new text.
        old_owner = [i for i in range(old_start, old_start + old_count) for _ in range(old_words[i])]
        new_owner = [j for j in range(new_start, new_start + new_count) for _ in range(new_words[j])]
        matched: dict[tuple[int, int], int] = defaultdict(int)
        at_old = at_new = 0
        for token in body:
            marker, words = token[:1], len(token[1:].split())
            if marker == " ":
                for k in range(words):
                    matched[(old_owner[at_old + k], new_owner[at_new + k])] += 1
                at_old += words
                at_new += words
            elif marker == "-":
                at_old += words
            elif marker == "+":
                at_new += words
        if (at_old, at_new) != (len(old_owner), len(new_owner)):
            raise RuntimeError("git's word diff does not add up to the hunk's lines")
        for i, j in _dice_pairs(matched, old_words, new_words):
            links.append((_kind(a[i], b[j]), i, j))
    return _tile(a, b, links)


# --------------------------------------------------------------------------
# redlines.
# --------------------------------------------------------------------------


def redlines_version() -> str | None:
    try:
        return importlib.metadata.version("redlines")
    except importlib.metadata.PackageNotFoundError:
        return None


def run_redlines(old: Sequence[str], new: Sequence[str]) -> ChangeList:
    # Imported by name: redlines is an optional peer, not a dependency of conceptdiff.
    redlines = importlib.import_module("redlines")
    processor = importlib.import_module("redlines.processor")
    a = [quality.peer_normalize(c) for c in old]
    b = [quality.peer_normalize(c) for c in new]
    texts = ["\n\n".join(a), "\n\n".join(b)]
    owners: list[list[int | None]] = []  # the paragraph of each token (None: a paragraph mark)
    sizes: list[list[int]] = []
    for text, clauses in zip(texts, (a, b), strict=True):
        owner: list[int | None] = []
        paragraph = 0
        for token in processor.tokenize_text(processor.concatenate_paragraphs_and_add_chr_182(text)):
            if token.strip() == "¶":
                owner.append(None)
                paragraph += 1
            else:
                owner.append(paragraph)
        if paragraph + 1 != len(clauses) and clauses:
            raise RuntimeError("redlines read a different number of paragraphs than there are clauses")
        owners.append(owner)
        size = [0] * len(clauses)
        for p in owner:
            if p is not None:
                size[p] += 1
        sizes.append(size)
    matched: dict[tuple[int, int], int] = defaultdict(int)
    for tag, i1, i2, j1, _ in redlines.Redlines(texts[0], texts[1]).opcodes:
        if tag == "equal":
            for k in range(i2 - i1):
                i, j = owners[0][i1 + k], owners[1][j1 + k]
                if i is not None and j is not None:
                    matched[(i, j)] += 1
    links = [(_kind(a[i], b[j]), i, j) for i, j in _dice_pairs(matched, sizes[0], sizes[1])]
    return _tile(a, b, links)


# --------------------------------------------------------------------------
# Running.
# --------------------------------------------------------------------------


def run_conceptdiff(old: Sequence[str], new: Sequence[str]) -> ChangeList:
    """``Edition.from_clauses`` + ``compare``: what ``benchmarks/speed.py`` times (no JSON form)."""
    a = conceptdiff.Edition.from_clauses(list(old), label="old")
    b = conceptdiff.Edition.from_clauses(list(new), label="new")
    return [Change(c.kind.value, c.old, c.new) for c in conceptdiff.compare(a, b).changes]


def systems() -> tuple[dict[str, System], list[str]]:
    """The systems that can run here, and a note for each one that cannot."""
    found: dict[str, System] = {
        "conceptdiff": run_conceptdiff,
        "difflib": quality.run_difflib,
        "diff-match-patch": quality.run_dmp,
    }
    notes = []
    version = git_version()
    if version:
        found["git --color-moved"] = run_git_moved
        found["git --word-diff"] = run_git_words
        notes.append(version)
    else:
        notes.append("git not found: its rows are left out")
    version = redlines_version()
    if version:
        found["redlines"] = run_redlines
        notes.append(f"redlines {version}")
    else:
        notes.append("redlines not installed (pip install redlines): its row is left out")
    return found, notes


def _f1(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _ratio(mine: float | None, theirs: float | None) -> str:
    if mine is None or theirs is None or mine <= 0:
        return "-"
    return f"{theirs / mine:.2f}"


def bench_quality(found: dict[str, System], *, pairs: int, size: int, seed: int) -> dict[str, Any]:
    corpus = quality.load_corpus()
    mixes = [m.value for m in quality.MIXES]
    results: dict[str, dict[str, Scores]] = {g: {s: Scores() for s in found} for g in [*mixes, "overall"]}
    seconds = dict.fromkeys(found, 0.0)
    count = 0
    for mix in quality.MIXES:
        for _, pair in quality.build_pairs(corpus, mix, pairs=pairs, size=size, seed=seed):
            truth = quality.truth_changes(pair)
            count += 1
            for name, run in found.items():
                started = time.perf_counter()
                predicted = run(pair.old_texts, pair.new_texts)
                seconds[name] += time.perf_counter() - started
                s = score(truth, predicted, n_old=len(pair.old_texts), n_new=len(pair.new_texts))
                results[mix.value][name] += s
                results["overall"][name] += s
    print(
        f"Quality: {pairs} pairs per mix, old editions of up to {size} clauses, seed {seed} "
        "(the pairs of benchmarks/quality.py; edit-link F1, MOVED recall, mean time per pair)\n"
    )
    head = f"{'system':18} | {'light':>5} {'medium':>6} {'heavy':>5} {'hard':>5} | {'overall':>7} | "
    head += f"{'moves':>5} | {'split/merge':>11} | {'bad':>3} | {'ms/pair':>8} {'x cd':>6}"
    print(head)
    print("-" * len(head))
    mine = seconds["conceptdiff"] / max(count, 1)
    table = {}
    for name in found:
        overall = results["overall"][name]
        per_pair = seconds[name] / max(count, 1)
        found_sm = overall.kind("split").tp + overall.kind("merged").tp
        expected_sm = overall.kind("split").expected + overall.kind("merged").expected
        cells = " ".join(
            f"{_f1(results[m][name].edit_links.f1):>{w}}" for m, w in zip(mixes, (5, 6, 5, 5), strict=True)
        )
        print(
            f"{name:18} | {cells} | {_f1(overall.edit_links.f1):>7} | {_f1(overall.kind('moved').recall):>5} | "
            f"{f'{found_sm}/{expected_sm}':>11} | {overall.invalid:>3} | "
            f"{1000 * per_pair:8.1f} {_ratio(mine, per_pair):>6}"
        )
        table[name] = {
            "edit_link_f1": {m: results[m][name].edit_links.f1 for m in [*mixes, "overall"]},
            "moved_recall": overall.kind("moved").recall,
            "splits_merges_found": [found_sm, expected_sm],
            "invalid": overall.invalid,
            "ms_per_pair": 1000 * per_pair,
            "scores": {g: results[g][name].as_dict() for g in results},
        }
    print("(bad: outputs that do not tile the editions; x cd: time per pair over conceptdiff's)")
    return {"pairs_per_mix": pairs, "size": size, "seed": seed, "systems": table}


def _timed(run: System, old: Sequence[str], new: Sequence[str], *, repeat: int, limit: float) -> float | None:
    seconds: float | None = speed.measure(run, old, new, repeat=repeat, limit=limit)["seconds"]
    return seconds


def _print_speed(title: str, rows: Sequence[dict[str, Any]], names: Sequence[str], limit: float) -> None:
    print(f"\n{title}")
    head = f"{'pair':22} {'old/new':>11} | " + " | ".join(f"{n:>18}" for n in names)
    print(head)
    print("-" * len(head))
    for row in rows:
        mine = row["seconds"]["conceptdiff"]
        cells = []
        for n in names:
            s = row["seconds"][n]
            cell = (
                f">{limit:.0f} s"
                if s is None
                else f"{s:.3f}"
                if n == "conceptdiff"
                else f"{s:.3f} ({_ratio(mine, s)}x)"
            )
            cells.append(f"{cell:>18}")
        sizes = f"{row['old']}/{row['new']}"
        print(f"{row['pair']:22} {sizes:>11} | " + " | ".join(cells))
    print("(seconds; in brackets the time over conceptdiff's)")


def bench_fixtures(found: dict[str, System], *, limit: float) -> list[dict[str, Any]]:
    rows = []
    for name, old_file, new_file in speed.FIXTURE_PAIRS:
        old, new = (
            quality.split_clauses((quality.CORPUS / f).read_text(encoding="utf-8")) for f in (old_file, new_file)
        )
        seconds = {n: _timed(run, old, new, repeat=3, limit=limit) for n, run in found.items()}
        rows.append({"pair": name, "old": len(old), "new": len(new), "seconds": seconds})
    _print_speed(f"Real fixture pairs (median of 3; a system stopped after {limit:.0f} s)", rows, list(found), limit)
    return rows


def bench_sizes(found: dict[str, System], sizes: Sequence[int], *, seed: int, limit: float) -> list[dict[str, Any]]:
    generator = speed.Generator(speed.corpus_clauses(), seed)
    rows = []
    for n in sizes:
        pair = generator.pair(n)
        seconds = {
            name: _timed(run, pair.old_texts, pair.new_texts, repeat=3, limit=limit) for name, run in found.items()
        }
        rows.append(
            {"pair": f"generated, {n:,}", "old": len(pair.old_texts), "new": len(pair.new_texts), "seconds": seconds}
        )
    if rows:
        title = f"Generated pairs (benchmarks/speed.py's generator, medium mix, seed {seed}; median of 3; "
        title += f"stopped after {limit:.0f} s)"
        _print_speed(title, rows, list(found), limit)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, default=30, help="pairs per mix for the quality part (default 30)")
    parser.add_argument("--size", type=int, default=100, help="clauses in each old edition (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated pairs (default 0)")
    parser.add_argument(
        "--sizes",
        default="10000",
        help="comma-separated clause counts of generated pairs timed (default 10000; 0: none)",
    )
    parser.add_argument("--limit", type=float, default=30.0, help="stop a system on one pair after this many seconds")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.pairs < 1 or args.size < 2:
        parser.error("--pairs must be >= 1 and --size >= 2")
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip() and int(s) > 0]
    except ValueError:
        parser.error(f"--sizes: expected comma-separated numbers, got {args.sizes!r}")

    found, notes = systems()
    print(
        f"conceptdiff {conceptdiff.__version__} against its peers; Python {sys.version.split()[0]}; " + "; ".join(notes)
    )
    print()
    report: dict[str, Any] = {"versions": notes}
    report["quality"] = bench_quality(found, pairs=args.pairs, size=args.size, seed=args.seed)
    report["fixtures"] = bench_fixtures(found, limit=args.limit)
    report["generated"] = bench_sizes(found, sizes, seed=args.seed, limit=args.limit)
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
