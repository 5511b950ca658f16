"""Speed benchmark: conceptdiff against difflib and diff-match-patch, in one process.

Usage::

    python benchmarks/speed.py [--sizes 1000,10000,50000] [--quick] [--seed S]
                               [--peer-limit SECONDS] [--mix medium] [--repeat N]
                               [--generated-only] [--json out.json]

Everything is measured in this one process, system after system on the same
inputs, so the *ratios* are comparable even on a busy machine (absolute times
are not).  Each generated size is run in ``--repeat`` rounds (default 3), a
round timing every system once in turn, and the medians are reported: a slow
drift of a shared machine then falls on every system alike, and one noisy
call does not decide a ratio.  What is timed:

* **conceptdiff**: ``Edition.from_clauses`` on both clause lists, then
  ``compare`` (anchors, fuzzy alignment, moves, splits/merges and word edits).
* **difflib**: ``SequenceMatcher`` (``autojunk=False``) over the two lists of
  normalized clauses; inside each non-equal block, old and new clauses are
  paired greedily best first (without crossing) when
  ``SequenceMatcher(None, old, new).ratio() >= 0.5`` on the clause strings
  (``real_quick_ratio``/``quick_ratio`` first: upper bounds, same result).
  This is the peer the issue's targets are stated against.
* **difflib-w**: the same diff, pairing by a *word-level* ratio, as
  ``benchmarks/quality.py`` does (faster, a tighter yardstick).
* **dmp**: diff-match-patch in line mode (``diff_linesToChars``, one character
  per clause, ``Diff_Timeout = 0`` so no clock changes a result), then the same
  pairing as *difflib*.

Peers see clauses normalized as conceptdiff does (NFKC, quotes and dashes
folded, white space collapsed, number label off); that normalization is in
their time, as conceptdiff's is in its time.

Inputs:

* **generated pairs** of 1k, 10k and 50k clauses: real clauses of
  ``fixtures/corpus/*.txt`` (as ``Edition.from_text`` segments them), repeated
  to reach the size, each repetition varied (about one word in twelve of a
  clause of four words or more replaced by a corpus word; shorter clauses such
  as headings repeat as they are, as they do in real codes).  The edits come
  from ``benchmarks.hard_mix.generate_pair`` (``--mix``, default ``medium``: rewordings,
  insertions, deletions, moves, splits, merges, renumbering; about 15 % of the
  clauses touched), applied to consecutive windows of 200 clauses, so each
  window's answer is exact; the benchmark also prints the share of that
  answer conceptdiff reproduces, so speed is never bought with quality
  unnoticed.
* **real fixture pairs** (US NSS 2002/2006, EUPL 1.1/1.2, PEP 8, GitHub privacy
  statements), segmented once with ``Edition.from_text`` outside the timing.
* **pathological inputs**: 10,000 identical clauses (one reworded); one 2 MB
  clause (a copy with 1 % of its words replaced on the other side); 5,000 vs
  5,000 clauses of different documents, no clause in common; 5,000 clauses
  that differ only in punctuation, every one of them.  ``--quick`` runs them
  at a tenth of that size and without the peers.
* ``import conceptdiff`` in a fresh interpreter (best of 7), and
  ``python -m conceptdiff compare A B`` on two ~20k-word editions (wall time
  of the subprocess, best of 3).

Memory is the peak resident set size of this process during one call, read
from Linux's ``VmHWM`` after resetting it (``/proc/self/clear_refs``), minus
the resident size before the call: C allocations (RapidFuzz) included, no
slow-down.  Where that is not available, ``tracemalloc``'s peak of Python
allocations is used in a second, untimed call (the output says which).

A peer that is predicted (from the two previous sizes) to need longer than
``--peer-limit`` seconds is skipped and the output says so; a peer still
running after the limit is stopped (SIGALRM) and reported as ``>limit``.
The scaling exponent is the least-squares slope of log(time) over log(size).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

import diff_match_patch  # noqa: E402

import conceptdiff  # noqa: E402
from benchmarks.hard_mix import BenchmarkMix, generate_pair  # noqa: E402
from benchmarks.quality import greedy_pairs, peer_normalize  # noqa: E402
from conceptdiff.segment import clause_from_string  # noqa: E402
from conceptdiff.strategies import EditedPair, ExpectedChange, RandomChooser, generate_edition  # noqa: E402

CORPUS: Final = ROOT / "fixtures" / "corpus"
WINDOW: Final = 200  # clauses per generate_pair window
FIXTURE_PEER_LIMIT: Final = 10.0  # seconds a peer may take on one real pair before it is stopped
PATHOLOGICAL_PEER_LIMIT: Final = 3.0  # the same for the pathological inputs
FIXTURE_PAIRS: Final = (
    ("us-nss 2002->2006", "us-nss-2002.en.txt", "us-nss-2006.en.txt"),
    ("eupl 1.1->1.2", "eupl-1.1.en.txt", "eupl-1.2.en.txt"),
    ("pep8 2005-08->12", "python-pep8-2005-08-20.en.txt", "python-pep8-2005-12-15.en.txt"),
    ("github 2022-09->12", "github-privacy-statement-2022-09-01.en.txt", "github-privacy-statement-2022-12-15.en.txt"),
    (
        "github 2022-12->2023",
        "github-privacy-statement-2022-12-15.en.txt",
        "github-privacy-statement-2023-10-10.en.txt",
    ),
)
TARGETS: Final = {
    "ratio_to_difflib": 0.25,
    "exponent": 1.15,
    "peak_mb_50k": 1024,
    "import_ms": 150,
    "cli_s": 1.0,
}

Opcodes = list[tuple[str, int, int, int, int]]


# --------------------------------------------------------------------------
# Inputs.
# --------------------------------------------------------------------------


def _clause_string(clause: conceptdiff.Clause) -> str:
    """A clause as a string that ``Edition.from_clauses`` reads back with its label."""
    if clause.label is None:
        return clause.text
    label = clause.label
    if re.fullmatch(r"[0-9]{1,3}|[IVXLCDMivxlcdm]{1,6}|[A-Za-z]", label):
        label += "."
    rebuilt = f"{label} {clause.text}"
    return rebuilt if clause_from_string(rebuilt).label == clause.label else clause.text


def corpus_clauses() -> list[str]:
    """Every clause of every corpus document, documents in name order."""
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no corpus in {CORPUS}")
    out: list[str] = []
    for path in paths:
        edition = conceptdiff.Edition.from_text(path.read_text(encoding="utf-8"))
        out.extend(s for s in (_clause_string(c) for c in edition.clauses) if s)
    return out


class Generator:
    """Generated edition pairs of any size, from the corpus, deterministic per seed.

    The old edition of size ``n`` is the first ``n`` clauses of one endless
    varied stream, and windows are edited independently, so sizes share their
    windows (generated once, cached).

    Every clause of the stream is unique (normalized): the corpus holds
    several editions of the same documents, so its exact repeats are dropped
    and each varied copy is varied until it is new.  Inserted clauses are
    synthetic policy sentences (``strategies.generate_edition``), unrelated to
    the corpus.  Without both, a window's answer ("this clause was added")
    would contradict a copy of the same text in another window, and the
    ``answer`` column would measure the generator, not conceptdiff.
    """

    def __init__(self, pool: Sequence[str], seed: int, mix: BenchmarkMix = BenchmarkMix.MEDIUM) -> None:
        unique: dict[str, str] = {}
        for clause in pool:
            unique.setdefault(clause_from_string(clause).normalized, clause)
        self.pool = list(unique.values())
        self.seen: set[str] = set()
        self.seed = seed
        self.mix = mix
        self.vocabulary = sorted({w for c in pool for w in c.split() if w.isalpha() and len(w) > 3})
        self.stream: list[str] = []
        self.rng = random.Random(seed)
        self.windows: dict[tuple[int, int], EditedPair] = {}
        self.inserts = list(generate_edition(RandomChooser(seed + 17), min_size=3000, max_size=3000))

    def _variant(self, clause: str, copy: int) -> str:
        words = clause.split(" ")
        if copy and len(words) >= 4:
            for _ in range(max(1, len(words) // 12)):
                k = self.rng.randrange(1, len(words))  # keep the label (first token)
                words[k] = self.rng.choice(self.vocabulary)
        return " ".join(words)

    def base(self, n: int) -> list[str]:
        copy = len(self.stream) // len(self.pool)
        while len(self.stream) < n:
            for clause in self.pool:
                text = self._variant(clause, copy)
                for _ in range(5):
                    if clause_from_string(text).normalized not in self.seen:
                        break
                    text = self._variant(clause, copy + 1)
                else:
                    text = f"{text} (copy {copy})"
                self.seen.add(clause_from_string(text).normalized)
                self.stream.append(text)
            copy += 1
        return self.stream[:n]

    def pair(self, n: int) -> EditedPair:
        base = self.base(n)
        old: list[str] = []
        new: list[str] = []
        changes: list[ExpectedChange] = []
        for start in range(0, n, WINDOW):
            stop = min(n, start + WINDOW)
            window = self.windows.get((start, stop))
            if window is None:
                chooser = RandomChooser(self.seed * 1_000_003 + start)
                window = generate_pair(chooser, base[start:stop], mix=self.mix, insert_pool=self.inserts)
                self.windows[(start, stop)] = window
            shift_old, shift_new = len(old), len(new)
            old.extend(window.old_texts)
            new.extend(window.new_texts)
            changes.extend(
                ExpectedChange(c.kind, tuple(i + shift_old for i in c.old), tuple(j + shift_new for j in c.new))
                for c in window.changes
            )
        return EditedPair(old_texts=tuple(old), new_texts=tuple(new), changes=tuple(changes))


def touched(pair: EditedPair) -> float:
    """Share of old clauses not left UNCHANGED by the answer (moves included)."""
    kept = sum(len(c.old) for c in pair.changes if c.kind is conceptdiff.ChangeKind.UNCHANGED)
    return 1 - kept / max(1, len(pair.old_texts))


def pathological(pool: Sequence[str], seed: int, *, scale: float = 1.0) -> list[tuple[str, list[str], list[str]]]:
    """(name, old clauses, new clauses) of the inputs that must stay bounded (``scale`` < 1: smaller)."""
    rng = random.Random(seed)
    count = max(10, int(10_000 * scale))  # clauses of the many-clause inputs
    size = int(2_000_000 * scale)  # characters of the one long clause
    long_clauses = [c for c in pool if len(c.split()) >= 8]
    # Identical clauses on both sides, one of them reworded in the middle.
    same = long_clauses[0]
    identical_new = [same] * count
    identical_new[count // 2] = same + " (as amended)"
    # One long clause against a copy with 1 % of its words replaced.
    corpus_words = " ".join(long_clauses).split()
    words: list[str] = []
    while sum(map(len, words)) + len(words) < size:
        words.extend(corpus_words)
    big = " ".join(words)[:size].rsplit(" ", 1)[0]
    big_words = big.split(" ")
    for _ in range(len(big_words) // 100):
        big_words[rng.randrange(len(big_words))] = rng.choice(corpus_words)
    # No clause in common: the first documents against the last ones (no shared text), varied to size.
    half = len(long_clauses) // 2
    left_texts = {clause_from_string(c).normalized for c in long_clauses[:half]}
    right = [c for c in long_clauses[half:] if clause_from_string(c).normalized not in left_texts]
    disjoint_old = Generator(long_clauses[:half], seed).base(count // 2)
    disjoint_new = Generator(right, seed + 1).base(count // 2)
    # Punctuation only, in every clause: commas <-> semicolons, full stops -> "!", brackets.
    base = [c for c in Generator(pool, seed).base(2 * count) if re.search(r"\w", c)][: count // 2]
    punctuated = [_repunctuate(c) for c in base]
    return [
        (f"{count:,} identical clauses", [same] * count, identical_new),
        (f"one {size / 1e6:g} MB clause", [big], [" ".join(big_words)]),
        (f"no clause in common ({len(disjoint_old):,}/{len(disjoint_new):,})", disjoint_old, disjoint_new),
        (f"punctuation only ({len(base):,} clauses)", base, punctuated),
    ]


_PUNCT: Final = str.maketrans({",": ";", ";": ",", ".": "!", ":": " -", "(": "[", ")": "]"})


def _repunctuate(clause: str) -> str:
    changed = clause.translate(_PUNCT)
    return changed if changed != clause else f"{clause}."


# --------------------------------------------------------------------------
# Systems.  Each takes two clause lists and returns something it computed.
# --------------------------------------------------------------------------


def run_conceptdiff(old: Sequence[str], new: Sequence[str]) -> conceptdiff.Comparison:
    a = conceptdiff.Edition.from_clauses(old, label="old")
    b = conceptdiff.Edition.from_clauses(new, label="new")
    return conceptdiff.compare(a, b)


def _pairings(
    a: Sequence[str], b: Sequence[str], opcodes: Sequence[tuple[str, int, int, int, int]], *, words: bool
) -> list[tuple[int, int]]:
    """Every (old, new) pair: the equal runs plus the pairs found in each other block."""
    out: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            out.extend((i1 + k, j1 + k) for k in range(i2 - i1))
        elif i1 < i2 and j1 < j2:
            olds = [a[i].split() for i in range(i1, i2)] if words else a[i1:i2]
            news = [b[j].split() for j in range(j1, j2)] if words else b[j1:j2]
            out.extend((i1 + x, j1 + y) for x, y in greedy_pairs(olds, news))
    return out


def _difflib(old: Sequence[str], new: Sequence[str], *, words: bool) -> list[tuple[int, int]]:
    a = [peer_normalize(c) for c in old]
    b = [peer_normalize(c) for c in new]
    return _pairings(a, b, SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), words=words)


def run_difflib(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    return _difflib(old, new, words=False)


def run_difflib_words(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    return _difflib(old, new, words=True)


def run_dmp(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    a = [peer_normalize(c) for c in old]
    b = [peer_normalize(c) for c in new]
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0  # no wall-clock budget: the result must not depend on speed
    chars_a, chars_b, _ = dmp.diff_linesToChars("".join(f"{c}\n" for c in a), "".join(f"{c}\n" for c in b))
    opcodes: Opcodes = []
    i = j = 0
    pending = (0, 0)
    for op, chars in dmp.diff_main(chars_a, chars_b, False):
        if op == dmp.DIFF_EQUAL:
            if pending != (i, j):
                opcodes.append(("replace", pending[0], i, pending[1], j))
            opcodes.append(("equal", i, i + len(chars), j, j + len(chars)))
            i += len(chars)
            j += len(chars)
            pending = (i, j)
        elif op == dmp.DIFF_DELETE:
            i += len(chars)
        else:
            j += len(chars)
    if pending != (i, j):
        opcodes.append(("replace", pending[0], i, pending[1], j))
    return _pairings(a, b, opcodes, words=False)


System = Callable[[Sequence[str], Sequence[str]], object]
PEERS: Final[dict[str, System]] = {"difflib": run_difflib, "difflib-w": run_difflib_words, "dmp": run_dmp}


# --------------------------------------------------------------------------
# Measuring.
# --------------------------------------------------------------------------


class _Stopped(Exception):
    """A run went over its time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Stopped` in this (main) thread after ``seconds`` (no limit: None)."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Stopped

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            match = re.search(rf"^{field}:\s+(\d+) kB", status.read(), re.MULTILINE)
    except OSError:
        return None
    return int(match.group(1)) if match else None


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


MEMORY_METHOD = "VmHWM" if _status_kb("VmHWM") is not None and _reset_peak() else "tracemalloc"


def measure(
    run: System, old: Sequence[str], new: Sequence[str], *, repeat: int = 1, limit: float | None = None
) -> dict[str, Any]:
    """Median seconds of ``repeat`` calls (with the fastest, ``best``) and the peak memory (MB).

    The median, not the minimum: a single call at a larger size is compared
    with it, and a minimum of several would bias small sizes downwards (and
    the fitted exponent upwards) on a busy machine.
    """
    times: list[float] = []
    peak_mb: float | None = None
    for _ in range(repeat):
        gc.collect()
        before = _status_kb("VmRSS") if MEMORY_METHOD == "VmHWM" else None
        if before is not None:
            _reset_peak()
        started = time.perf_counter()
        try:
            with time_limit(limit):
                run(old, new)
        except _Stopped:
            return {"seconds": None, "stopped_after": limit, "peak_mb": None}
        times.append(time.perf_counter() - started)
        if before is not None:
            peak = _status_kb("VmHWM") or before
            peak_mb = max(peak_mb or 0.0, (peak - before) / 1024)
    if MEMORY_METHOD == "tracemalloc":
        gc.collect()
        tracemalloc.start()
        run(old, new)
        peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return {"seconds": statistics.median(times), "best": min(times), "runs": len(times), "peak_mb": peak_mb}


def agreement(result: conceptdiff.Comparison, pair: EditedPair) -> float:
    """Share of the answer's changes (kind, old, new) that conceptdiff reported exactly."""
    got = {(c.kind, c.old, c.new) for c in result.changes}
    return sum((c.kind, c.old, c.new) in got for c in pair.changes) / max(1, len(pair.changes))


def exponent(points: Sequence[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(seconds) over log(size)."""
    points = [(n, t) for n, t in points if t and t > 0]
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else None


# The least a peer's time grows with the size, for predicting when to skip it.  diff-match-patch's
# line diff is Myers' O(N * D) and a fixed edit rate makes D grow with N; fixed costs hide
# that at small sizes, so the measured slope alone under-predicts it.
_MIN_EXPONENT: Final = {"dmp": 2.0}


def _predict(history: Sequence[tuple[int, float]], n: int, floor: float = 1.0) -> float | None:
    """Time at size ``n`` extrapolated from the last two sizes (exponent at least ``floor``)."""
    if not history:
        return None
    if len(history) == 1:  # one size says nothing about the growth: assume linear
        (n0, t0) = history[0]
        return t0 * n / n0
    (n0, t0), (n1, t1) = history[-2], history[-1]
    slope = math.log(t1 / t0) / math.log(n1 / n0) if t0 > 0 and t1 > 0 and n1 != n0 else floor
    return float(t1 * (n / n1) ** max(floor, slope))


def _fmt_s(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _fmt_ratio(mine: float | None, peer: dict[str, Any] | None) -> str:
    if peer is None or mine is None:
        return "skipped"
    if peer.get("seconds") is None:
        return f"<{mine / peer['stopped_after']:.3f}" if peer.get("stopped_after") else "skipped"
    return f"{mine / peer['seconds']:.3f}"


def _peer_cell(peer: dict[str, Any] | None) -> str:
    if peer is None:
        return "skipped"
    if peer.get("seconds") is None:
        return f">{peer['stopped_after']:.0f}s" if peer.get("stopped_after") else "skipped"
    return f"{_fmt_s(peer['seconds'])}s"


# --------------------------------------------------------------------------
# The sections of the report.
# --------------------------------------------------------------------------


def _combine(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One figure from several single-call ``measure`` results: median seconds, fastest, largest peak."""
    times = [r["seconds"] for r in results]
    peaks = [r["peak_mb"] for r in results if r["peak_mb"] is not None]
    return {
        "seconds": statistics.median(times),
        "best": min(times),
        "runs": len(times),
        "peak_mb": max(peaks) if peaks else None,
    }


def bench_generated(gen: Generator, sizes: Sequence[int], peer_limit: float, repeat: int = 3) -> dict[str, Any]:
    """Each size in ``repeat`` rounds; a round runs every system once, so slow
    drifts of a shared machine fall on all systems alike; medians are reported."""
    print(
        f"Generated pairs (mix={gen.mix.value}, windows of {WINDOW}); times in seconds, median of {repeat} rounds "
        "(each round runs every system once, in turn)"
    )
    print(
        f"{'clauses':>8} {'touched':>7} | {'conceptdiff':>11} {'clauses/s':>10} {'peak MB':>8} {'answer':>6} | "
        + " | ".join(f"{name:>9} {'cd/peer':>7}" for name in PEERS)
    )
    rows: list[dict[str, Any]] = []
    history: dict[str, list[tuple[int, float]]] = {name: [] for name in PEERS}
    for n in sizes:
        pair = gen.pair(n)
        old, new = list(pair.old_texts), list(pair.new_texts)
        answer = agreement(run_conceptdiff(old, new), pair) if n <= 10_000 else None
        notes = []
        runs: dict[str, list[dict[str, Any]]] = {"conceptdiff": []}
        stopped: dict[str, dict[str, Any]] = {}
        for name in PEERS:
            predicted = _predict(history[name], n, _MIN_EXPONENT.get(name, 1.0))
            if predicted is not None and predicted > peer_limit:
                notes.append(f"{name} skipped at {n}: predicted {predicted:.0f} s > --peer-limit {peer_limit:.0f} s")
            else:
                runs[name] = []
        for _ in range(repeat):
            runs["conceptdiff"].append(measure(run_conceptdiff, old, new))
            for name in [name for name in PEERS if name in runs]:
                result = measure(PEERS[name], old, new, limit=peer_limit)
                if result["seconds"] is None:
                    notes.append(f"{name} stopped at {n} after {peer_limit:.0f} s")
                    stopped[name] = result
                    del runs[name]
                else:
                    runs[name].append(result)
        mine = _combine(runs["conceptdiff"])
        row: dict[str, Any] = {
            "clauses": n,
            "new_clauses": len(new),
            "touched": touched(pair),
            "conceptdiff": mine,
            "answer_agreement": answer,
            "peers": {name: _combine(runs[name]) if name in runs else stopped.get(name) for name in PEERS},
        }
        for name in PEERS:
            if name in runs:
                history[name].append((n, row["peers"][name]["seconds"]))
        rows.append(row)
        secs = mine["seconds"]
        print(
            f"{n:>8} {row['touched']:>7.1%} | {_fmt_s(secs):>11} {n / secs:>10,.0f} {mine['peak_mb']:>8.1f} "
            f"{'-' if answer is None else f'{answer:.3f}':>6} | "
            + " | ".join(
                f"{_peer_cell(row['peers'][name]):>9} {_fmt_ratio(secs, row['peers'][name]):>7}" for name in PEERS
            )
        )
        for note in notes:
            print(f"{'':>8}   note: {note}")
    if len(rows) >= 2:
        span = f"{rows[0]['clauses']}..{rows[-1]['clauses']}"
        fitted = {"conceptdiff": exponent([(r["clauses"], r["conceptdiff"]["seconds"]) for r in rows])}
        for name in PEERS:
            fitted[name] = exponent(
                [(r["clauses"], r["peers"][name]["seconds"]) for r in rows if r["peers"].get(name) is not None]
            )
        print(
            f"scaling exponent over {span} clauses (time ~ n^k): "
            + ", ".join(f"{name} {'-' if k is None else f'{k:.2f}'}" for name, k in fitted.items())
        )
    else:
        fitted = {}
    print("answer = share of the generated answer's changes conceptdiff reports exactly (<= 10k clauses)")
    print("peak MB = growth of the process's peak resident memory during the call, over its size before")
    return {"rows": rows, "exponents": fitted}


def bench_fixtures() -> list[dict[str, Any]]:
    print(
        "\nReal fixture pairs (clauses segmented by Edition.from_text beforehand; seconds, median of 3; "
        f"peers stopped after {FIXTURE_PEER_LIMIT:.0f} s)"
    )
    print(
        f"{'pair':22} {'old/new':>9} | {'conceptdiff':>11} {'peak MB':>8} | "
        + " | ".join(f"{n:>9} {'cd/peer':>7}" for n in PEERS)
    )
    rows = []
    for name, old_file, new_file in FIXTURE_PAIRS:
        sides = []
        for file in (old_file, new_file):
            edition = conceptdiff.Edition.from_text((CORPUS / file).read_text(encoding="utf-8"))
            sides.append([s for s in (_clause_string(c) for c in edition.clauses) if s])
        old, new = sides
        mine = measure(run_conceptdiff, old, new, repeat=3)
        peers = {peer: measure(run, old, new, repeat=3, limit=FIXTURE_PEER_LIMIT) for peer, run in PEERS.items()}
        rows.append({"pair": name, "old": len(old), "new": len(new), "conceptdiff": mine, "peers": peers})
        print(
            f"{name:22} {f'{len(old)}/{len(new)}':>9} | {_fmt_s(mine['seconds']):>11} {mine['peak_mb']:>8.1f} | "
            + " | ".join(f"{_peer_cell(peers[p]):>9} {_fmt_ratio(mine['seconds'], peers[p]):>7}" for p in PEERS)
        )
    return rows


def bench_pathological(pool: Sequence[str], seed: int, peer_limit: float, scale: float) -> list[dict[str, Any]]:
    peers_note = f"peers stopped after {peer_limit:.0f} s" if peer_limit else "peers not run"
    print(f"\nPathological inputs (seconds; conceptdiff stopped after 120 s, {peers_note})")
    print(f"{'input':34} | {'conceptdiff':>11} {'peak MB':>8} | " + " | ".join(f"{n:>9}" for n in PEERS))
    rows = []
    for name, old, new in pathological(pool, seed, scale=scale):
        mine = measure(run_conceptdiff, old, new, limit=120)
        peers = {peer: measure(run, old, new, limit=peer_limit) for peer, run in PEERS.items()} if peer_limit else {}
        rows.append({"input": name, "conceptdiff": mine, "peers": peers})
        cell = _fmt_s(mine["seconds"]) if mine["seconds"] is not None else ">120s"
        peak = "-" if mine["peak_mb"] is None else f"{mine['peak_mb']:.1f}"
        print(f"{name:34} | {cell:>11} {peak:>8} | " + " | ".join(f"{_peer_cell(peers.get(p)):>9}" for p in PEERS))
    return rows


def bench_import(times: int = 7) -> dict[str, float]:
    code = "import time; t = time.perf_counter(); import conceptdiff; print(time.perf_counter() - t)"
    best = min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(times)
    )
    base = "import time; t = time.perf_counter(); print(time.perf_counter() - t)"
    start = min(_wall([sys.executable, "-c", base]) for _ in range(3))
    print(
        f"\nimport conceptdiff: {1000 * best:.0f} ms (best of {times}, fresh interpreter; "
        f"interpreter start-up alone {1000 * start:.0f} ms)"
    )
    return {"import_ms": 1000 * best, "interpreter_start_ms": 1000 * start}


def _wall(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - started


def bench_cli(gen: Generator) -> dict[str, Any]:
    """Two ~20k-word editions through ``python -m conceptdiff compare``."""
    old: list[str] = []
    words = 0
    for clause in gen.base(len(gen.pool)):
        if words >= 20_000:
            break
        old.append(clause)
        words += len(clause.split())
    pair = generate_pair(RandomChooser(gen.seed), old, mix=BenchmarkMix.MEDIUM, insert_pool=gen.pool)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for side, clauses in (("old", pair.old_texts), ("new", pair.new_texts)):
            path = Path(folder) / f"{side}.txt"
            path.write_text("\n\n".join(clauses) + "\n", encoding="utf-8")
            paths.append(str(path))
        command = [sys.executable, "-m", "conceptdiff", "compare", *paths]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"the CLI failed: {done.stderr.strip()}")
        best = min(_wall(command) for _ in range(3))
        json_best = min(_wall([*command, "--format", "json"]) for _ in range(3))
    new_words = sum(len(c.split()) for c in pair.new_texts)
    print(
        f"\nCLI, two editions of {words:,} / {new_words:,} words "
        f"({len(pair.old_texts)}/{len(pair.new_texts)} clauses): "
        f"compare {best:.2f} s, --format json {json_best:.2f} s (wall time of the subprocess, best of 3)"
    )
    return {"words": [words, new_words], "seconds": best, "json_seconds": json_best}


def summary(report: dict[str, Any]) -> None:
    print("\nTargets")
    rows = report["generated"]["rows"]
    for r in rows:
        if r["clauses"] < 10_000:
            continue
        peer = r["peers"].get("difflib")
        ratio = _fmt_ratio(r["conceptdiff"]["seconds"], peer)
        print(f"  {r['clauses']:>6} clauses: conceptdiff / difflib = {ratio} (target <= {TARGETS['ratio_to_difflib']})")
    fitted = report["generated"]["exponents"].get("conceptdiff")
    if fitted is not None:
        span = f"{rows[0]['clauses']}..{rows[-1]['clauses']}"
        print(f"  scaling exponent {fitted:.2f} over {span} clauses (target <= {TARGETS['exponent']})")
    if rows:
        print(
            f"  peak memory at {rows[-1]['clauses']} clauses: {rows[-1]['conceptdiff']['peak_mb']:.0f} MB "
            f"({MEMORY_METHOD}; target < {TARGETS['peak_mb_50k']} MB at 50k)"
        )
    if "import" in report:
        print(f"  import conceptdiff: {report['import']['import_ms']:.0f} ms (target < {TARGETS['import_ms']})")
    if "cli" in report:
        print(f"  CLI on two ~20k-word editions: {report['cli']['seconds']:.2f} s (target < {TARGETS['cli_s']})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated clause counts (default 1000,10000,50000; --quick 1000,5000)")
    parser.add_argument(
        "--quick", action="store_true", help="sizes 1000,5000; no fixtures; pathological inputs at 1/10, without peers"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated pairs (default 0)")
    parser.add_argument("--peer-limit", type=float, default=60.0, help="skip or stop a peer past this many seconds")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--mix",
        choices=[m.value for m in BenchmarkMix],
        default=BenchmarkMix.MEDIUM.value,
        help="edits of the generated pairs (default medium: ~15%% of clauses touched; light ~5%%, heavy ~30%%)",
    )
    parser.add_argument(
        "--generated-only", action="store_true", help="only the generated pairs (no fixtures, inputs, import, CLI)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds per generated size (default 3; --quick 1): medians reported"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in (args.sizes or ("1000,5000" if args.quick else "1000,10000,50000")).split(",")]
    if any(n < 10 for n in sizes):
        parser.error("--sizes must be at least 10 each")

    started = time.perf_counter()
    print(
        f"conceptdiff {conceptdiff.__version__} speed benchmark: Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, memory by {MEMORY_METHOD}, seed {args.seed}\n"
    )
    pool = corpus_clauses()
    gen = Generator(pool, args.seed, BenchmarkMix(args.mix))
    run_conceptdiff(pool[:50], pool[10:60])  # warm up: lazy imports, regex caches
    report: dict[str, Any] = {
        "config": {
            "sizes": sizes,
            "seed": args.seed,
            "quick": args.quick,
            "mix": args.mix,
            "repeat": args.repeat,
            "peer_limit": args.peer_limit,
            "memory": MEMORY_METHOD,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
    }
    report["generated"] = bench_generated(gen, sizes, args.peer_limit, 1 if args.quick else args.repeat)
    if not args.generated_only:
        if not args.quick:
            report["fixtures"] = bench_fixtures()
        report["pathological"] = bench_pathological(
            pool, args.seed, 0 if args.quick else PATHOLOGICAL_PEER_LIMIT, 0.1 if args.quick else 1.0
        )
        report["import"] = bench_import()
        report["cli"] = bench_cli(gen)
    summary(report)
    report["elapsed"] = time.perf_counter() - started
    print(f"\n(whole run {report['elapsed']:.0f} s, input generation included)")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
