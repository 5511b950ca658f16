"""Quality benchmark: conceptdiff against difflib and diff-match-patch.

Usage::

    python benchmarks/quality.py [--pairs N] [--seed S] [--size N] [--json out.json]
                                 [--mixes light,medium,heavy,hard] [--examples K]

For each mix (light, medium, heavy, hard) it builds ``--pairs`` edition pairs
with a known answer (``benchmarks.hard_mix.generate_pair``: the generator of
``conceptdiff.strategies`` and the benchmark's hard mix, with the seeded
random driver) from windows of ``--size`` consecutive clauses of the real
documents in ``fixtures/corpus/``, inserting clauses taken from documents of
other families.  Every system sees the same pairs, in one process:

* **conceptdiff**: ``Edition.from_clauses`` + ``compare`` + ``to_dict()``.
* **difflib**: ``SequenceMatcher`` over the two clause lists.
* **dmp**: diff-match-patch in line mode (``diff_linesToChars``,
  ``Diff_Timeout = 0`` so that no clock changes a result).

The peers get a fair post-processing: they compare clauses normalized the
way conceptdiff does (NFKC, quotes and dashes folded, whitespace collapsed,
number label removed), equal runs become UNCHANGED, and inside each
replaced run old and new clauses are paired greedily by word-level difflib
ratio (>= 0.5, without crossing) as REWORDED, the rest REMOVED / ADDED.
Peers never report moves, splits or merges.  See docs/benchmark-quality.md
for what the figures mean.  The figures depend only on the arguments; the
timings are the only thing that varies between runs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

import attrs  # noqa: E402
import diff_match_patch  # noqa: E402
from rapidfuzz.distance import Indel  # noqa: E402

import conceptdiff  # noqa: E402
from benchmarks.hard_mix import BenchmarkMix, generate_pair  # noqa: E402
from benchmarks.scoring import KINDS, Change, Count, Scores, changes_from_dicts, score  # noqa: E402
from conceptdiff.align import similarity  # noqa: E402
from conceptdiff.normalize import words  # noqa: E402
from conceptdiff.segment import clause_from_string  # noqa: E402
from conceptdiff.strategies import EditedPair, RandomChooser, generate_edition  # noqa: E402

CORPUS: Final = ROOT / "fixtures" / "corpus"
# Documents used, by family: inserted clauses come from other families.
DOCUMENTS: Final = (
    ("us-nss", "us-nss-2002.en.txt"),
    ("eupl", "eupl-1.1.en.txt"),
    ("pep8", "python-pep8-2005-08-20.en.txt"),
    ("github-privacy", "github-privacy-statement-2022-09-01.en.txt"),
    ("us-nss", "us-nss-2006.en.txt"),
    ("eupl", "eupl-1.2.en.txt"),
    ("pep8", "python-pep8-2005-12-15.en.txt"),
    ("github-privacy", "github-privacy-statement-2023-10-10.en.txt"),
    ("github-privacy", "github-privacy-statement-2022-12-15.en.txt"),
    ("github-privacy", "github-global-privacy-practices-2020-07-22.en.txt"),
)
MIXES: Final = tuple(BenchmarkMix)  # light, medium, heavy, hard; appended: earlier mixes keep their seeds
PAIR_THRESHOLD: Final = 0.5

ChangeList = list[Change]
System = Callable[[Sequence[str], Sequence[str]], ChangeList]


# --------------------------------------------------------------------------
# Corpus.
# --------------------------------------------------------------------------


def _clause_string(clause: conceptdiff.Clause) -> str:
    """One clause as a string ``Edition.from_clauses`` reads back the same way.

    ``Clause.label`` is reported without its punctuation (``"3"`` for ``3.``);
    put a full stop back where the label rule needs one, and drop the label
    if the rebuilt string would not carry it.
    """
    if clause.label is None:
        return clause.text
    label = clause.label
    if re.fullmatch(r"[0-9]{1,3}|[IVXLCDMivxlcdm]{1,6}|[A-Za-z]", label):
        label += "."
    rebuilt = f"{label} {clause.text}"
    return rebuilt if clause_from_string(rebuilt).label == clause.label else clause.text


def split_clauses(text: str) -> list[str]:
    """Clause strings of a document, as conceptdiff segments it."""
    return [c for c in (_clause_string(clause) for clause in conceptdiff.Edition.from_text(text).clauses) if c]


Corpus = list[tuple[str, str, list[str]]]


def load_corpus(documents: Sequence[tuple[str, str]] = DOCUMENTS) -> Corpus:
    """(family, file name, clauses) for each ``(family, file name)`` of ``documents``."""
    out = []
    for family, name in documents:
        path = CORPUS / name
        if not path.exists():
            raise SystemExit(f"missing corpus file {path} (copy the corpus into fixtures/corpus/)")
        out.append((family, name, split_clauses(path.read_text(encoding="utf-8"))))
    return out


def build_pairs(
    corpus: Corpus, mix: BenchmarkMix, *, pairs: int, size: int, seed: int, insert_corpus: Corpus | None = None
) -> list[tuple[str, EditedPair]]:
    """``pairs`` edition pairs for one mix, documents taken in turn.

    Inserted clauses come from the documents of ``insert_corpus`` (default:
    ``corpus``) of another family than the edited document.
    """
    donors = corpus if insert_corpus is None else insert_corpus
    out = []
    for k in range(pairs):
        family, name, clauses = corpus[k % len(corpus)]
        pool = [c for f, _, cs in donors if f != family for c in cs]
        chooser = RandomChooser(seed * 1_000_003 + MIXES.index(mix) * 10_007 + k)
        n = min(size, len(clauses))
        base = generate_edition(chooser, min_size=n, max_size=n, pool=clauses)
        out.append((name, generate_pair(chooser, base, mix=mix, insert_pool=pool)))
    return out


# --------------------------------------------------------------------------
# Systems.
# --------------------------------------------------------------------------


def conceptdiff_rows(
    old: Sequence[str], new: Sequence[str], options: conceptdiff.Options | None = None
) -> list[dict[str, Any]]:
    """conceptdiff's changes as ``Comparison.to_dict()["changes"]`` rows (kind, indices, method, ...)."""
    a = conceptdiff.Edition.from_clauses(list(old), label="old")
    b = conceptdiff.Edition.from_clauses(list(new), label="new")
    rows: list[dict[str, Any]] = conceptdiff.compare(a, b, options=options).to_dict()["changes"]
    return rows


def run_conceptdiff(old: Sequence[str], new: Sequence[str], options: conceptdiff.Options | None = None) -> ChangeList:
    return list(changes_from_dicts(conceptdiff_rows(old, new, options)))


_FOLD: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
    }
)
_LABEL: Final = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|\([A-Za-z0-9]{1,5}\)|Article\s+\d{1,3}\.?|[IVXLC]{1,6}\.)\s+(?=\S)"
)


def peer_normalize(clause: str) -> str:
    """The text a peer compares: conceptdiff's normalization, approximately."""
    text = " ".join(unicodedata.normalize("NFKC", clause).translate(_FOLD).split())
    return _LABEL.sub("", text, count=1)


def greedy_pairs(old: Sequence[Any], new: Sequence[Any]) -> list[tuple[int, int]]:
    """The peers' fair post-processing: pair the items of one replaced run
    best first by ``SequenceMatcher.ratio() >= PAIR_THRESHOLD``, never crossing
    (items are word lists or strings).  Shared with ``benchmarks/speed.py``."""
    scored = []
    for a, x in enumerate(old):
        for b, y in enumerate(new):
            sm = SequenceMatcher(None, x, y, autojunk=False)
            if sm.real_quick_ratio() >= PAIR_THRESHOLD and sm.quick_ratio() >= PAIR_THRESHOLD:
                r = sm.ratio()
                if r >= PAIR_THRESHOLD:
                    scored.append((-r, a, b))
    scored.sort()
    pairs: list[tuple[int, int]] = []
    for _, a, b in scored:
        if all((a - pa) * (b - pb) > 0 for pa, pb in pairs):  # unused and not crossing
            pairs.append((a, b))
    return sorted(pairs)


def _pair_block(old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> ChangeList:
    """Greedy non-crossing pairing inside one replaced run; the rest removed/added."""
    pairs = greedy_pairs([old[i].split() for i in range(i1, i2)], [new[j].split() for j in range(j1, j2)])
    out: ChangeList = []
    paired_old = {a for a, _ in pairs}
    paired_new = {b for _, b in pairs}
    for a, b in pairs:
        kind = "unchanged" if old[i1 + a] == new[j1 + b] else "reworded"
        out.append(Change(kind, (i1 + a,), (j1 + b,)))
    out.extend(Change("removed", (i1 + a,), ()) for a in range(i2 - i1) if a not in paired_old)
    out.extend(Change("added", (), (j1 + b,)) for b in range(j2 - j1) if b not in paired_new)
    return out


def _from_opcodes(
    old: Sequence[str], new: Sequence[str], opcodes: Sequence[tuple[str, int, int, int, int]]
) -> ChangeList:
    out: ChangeList = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            out.extend(Change("unchanged", (i1 + k,), (j1 + k,)) for k in range(i2 - i1))
        else:  # "replace", "delete" and "insert" are all a replaced run
            out.extend(_pair_block(old, new, i1, i2, j1, j2))
    return out


def run_difflib(old: Sequence[str], new: Sequence[str]) -> ChangeList:
    a = [peer_normalize(c) for c in old]
    b = [peer_normalize(c) for c in new]
    return _from_opcodes(a, b, SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def run_dmp(old: Sequence[str], new: Sequence[str]) -> ChangeList:
    a = [peer_normalize(c) for c in old]
    b = [peer_normalize(c) for c in new]
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0  # no wall-clock budget: the result must not depend on speed
    chars_a, chars_b, _ = dmp.diff_linesToChars("".join(f"{c}\n" for c in a), "".join(f"{c}\n" for c in b))
    diffs = dmp.diff_main(chars_a, chars_b, False)
    # Each character stands for one clause; turn the diff into opcodes.
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    pending_i, pending_j = i, j
    for op, chars in diffs:
        if op == dmp.DIFF_EQUAL:
            if (pending_i, pending_j) != (i, j):
                opcodes.append(("replace", pending_i, i, pending_j, j))
            opcodes.append(("equal", i, i + len(chars), j, j + len(chars)))
            i += len(chars)
            j += len(chars)
            pending_i, pending_j = i, j
        elif op == dmp.DIFF_DELETE:
            i += len(chars)
        else:
            j += len(chars)
    if (pending_i, pending_j) != (i, j):
        opcodes.append(("replace", pending_i, i, pending_j, j))
    return _from_opcodes(a, b, opcodes)


SYSTEMS: Final[dict[str, System]] = {
    "conceptdiff": run_conceptdiff,
    "difflib": run_difflib,
    "dmp": run_dmp,
}


# --------------------------------------------------------------------------
# Running and reporting.
# --------------------------------------------------------------------------


def truth_changes(pair: EditedPair) -> list[Change]:
    """The known answer of a pair as scoring :class:`Change` records."""
    return [Change(c.kind.value, c.old, c.new) for c in pair.changes]


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _prf(c: Count) -> str:
    return f"{_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)}"


def print_summary(
    results: dict[str, dict[str, Scores]],
    seconds: dict[str, float],
    n_pairs: dict[str, int],
    groups: Sequence[str],
) -> None:
    header = (
        f"{'mix':8} {'system':12} | {'links  P    R    F1':19} | {'edit links P R F1':19} | "
        f"{'added':5} {'remov':5} | {'bad':>3}"
    )
    print("Links, edit links (P R F1); added / removed clause F1; bad = outputs that do not tile the editions")
    print(header)
    print("-" * len(header))
    for group in groups:
        for system in SYSTEMS:
            s = results[group][system]
            print(
                f"{group:8} {system:12} | {_prf(s.links):19} | {_prf(s.edit_links):19} | "
                f"{_fmt(s.added.f1):>5} {_fmt(s.removed.f1):>5} | {s.invalid:3d}"
            )
        print("-" * len(header))
    print()
    for group in groups:
        print(f"Per kind, {group} (P R F1; n = expected changes of that kind)")
        head = f"{'kind':10} {'n':>5} | " + " | ".join(f"{s:^14}" for s in SYSTEMS)
        print(head)
        for kind in KINDS:
            n = results[group]["conceptdiff"].kind(kind).expected
            cells = " | ".join(f"{_prf(results[group][s].kind(kind)):14}" for s in SYSTEMS)
            print(f"{kind:10} {n:5d} | {cells}")
        print()
    print("Time (all mixes)")
    for system in SYSTEMS:
        total = seconds[system]
        pairs = n_pairs[system]
        print(f"  {system:12} {total:7.2f} s total, {1000 * total / max(pairs, 1):8.1f} ms per pair")


# --------------------------------------------------------------------------
# Why conceptdiff missed an expected change.
# --------------------------------------------------------------------------


@attrs.frozen
class Miss:
    """An expected change conceptdiff did not report, with what it reported instead."""

    document: str
    mix: str
    pair: EditedPair
    expected: Change
    got: tuple[Mapping[str, Any], ...]  # overlapping predicted rows (to_dict form)
    cause: str


def _containment(piece: Sequence[str], whole: Sequence[str]) -> float:
    """Share of the words of ``piece`` found, in order, in ``whole``."""
    if not piece:
        return 0.0
    return (len(piece) + len(whole) - Indel.distance(piece, whole)) / 2 / len(piece)


def _words_of(text: str) -> list[str]:
    return words(clause_from_string(text).normalized)


def classify_miss(pair: EditedPair, expected: Change, got: Sequence[Mapping[str, Any]]) -> str:
    """A short label naming the aligner rule most likely responsible for a miss.

    Labels are heuristics over what was expected and what was reported
    (kinds, methods, similarities), meant to group failures for a reader.
    """
    kinds = {str(r["kind"]) for r in got}
    methods = {str(r["method"]) for r in got}
    links = [r for r in got if r["kind"] in ("reworded", "moved", "unchanged")]
    if expected.kind in ("removed", "added"):
        if "positional" in methods:
            return "replaced/removed+added read as REWORDED by the positional rule (lone pair in a gap)"
        if links:
            return "unrelated clauses paired by the fuzzy rule (similarity >= reworded_threshold)"
        if kinds & {"split", "merged"}:
            return "added/removed clause absorbed into a split or merge"
        return "other (added/removed)"
    if expected.kind in ("reworded", "moved"):
        old_i, new_j = expected.old[0], expected.new[0]
        same_pair = [r for r in links if list(r["old"]) == [old_i] and list(r["new"]) == [new_j]]
        if same_pair:
            return "right pair, wrong order decision (moved vs in place)"
        if kinds & {"split", "merged"}:
            return "rewording read as part of a split or merge"
        partners = [r for r in links if old_i in r["old"] or new_j in r["new"]]
        if partners:
            return "wrong partner: a near-duplicate or rival won the best-first selection"
        sim = similarity(pair.old_texts[old_i], pair.new_texts[new_j])
        if sim < 0.6:
            return "edge rewording (similarity < 0.6) not paired: REMOVED + ADDED"
        return "rewording not paired although similar (candidate lookup or order)"
    # split / merged
    whole_side, piece_side = (
        (pair.old_texts, pair.new_texts) if expected.kind == "split" else (pair.new_texts, pair.old_texts)
    )
    whole_at, piece_at = (expected.old, expected.new) if expected.kind == "split" else (expected.new, expected.old)
    whole = _words_of(whole_side[whole_at[0]])
    low = min(_containment(_words_of(piece_side[k]), whole) for k in piece_at)
    shortest = min(len(_words_of(piece_side[k])) for k in piece_at)
    if kinds & {"split", "merged"}:
        found = {
            k for r in got if r["kind"] in ("split", "merged") for k in r["new" if expected.kind == "split" else "old"]
        }
        missing = [k for k in piece_at if k not in found]
        if missing and min(_containment(_words_of(piece_side[k]), whole) for k in missing) < 0.7:
            return (
                f"{expected.kind} found without some pieces: a reworded piece keeps < 0.7 of its words "
                "and breaks the run of consecutive pieces (piece_containment)"
            )
        return f"{expected.kind} found with other pieces (window choice; shortest piece {shortest} words)"
    if low < 0.7:
        return f"{expected.kind} not found: a reworded piece keeps < 0.7 of its words (piece_containment)"
    if shortest <= 5:
        return f"{expected.kind} not found: very short piece"
    return f"{expected.kind} not found although every piece is contained (split_threshold or selection)"


def find_misses(
    document: str, mix: str, pair: EditedPair, truth: Sequence[Change], rows: Sequence[Mapping[str, Any]]
) -> list[Miss]:
    predicted = set(changes_from_dicts(rows))
    out = []
    for c in truth:
        if c in predicted:
            continue
        got = tuple(r for r in rows if set(r["old"]) & set(c.old) or set(r["new"]) & set(c.new))
        out.append(Miss(document, mix, pair, c, got, classify_miss(pair, c, got)))
    return out


def _clip(text: str, limit: int = 220) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def show_misses(misses: Sequence[Miss], per_cause: int) -> None:
    """Print the misses grouped by cause, most frequent first, with examples."""
    by_cause: dict[str, list[Miss]] = defaultdict(list)
    for m in misses:
        by_cause[m.cause].append(m)
    print(f"\nconceptdiff: {len(misses)} expected changes not reported, by likely cause")
    if not misses:
        print("  none")
    for cause, group in sorted(by_cause.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        mixes = Counter(m.mix for m in group)
        print(f"\n== {len(group):4d}  {cause}  ({', '.join(f'{k} {v}' for k, v in sorted(mixes.items()))})")
        for m in group[:per_cause]:
            e = m.expected
            print(f"  [{m.mix} {m.document}] expected {e.kind} old={list(e.old)} new={list(e.new)}")
            for i in e.old:
                print(f"      old[{i}]: {_clip(m.pair.old_texts[i])}")
            for j in e.new:
                print(f"      new[{j}]: {_clip(m.pair.new_texts[j])}")
            for r in m.got:
                print(
                    f"    got {r['kind']} old={list(r['old'])} new={list(r['new'])} "
                    f"method={r['method']} similarity={r['similarity']}"
                )
                for i in r["old"]:
                    if i not in e.old:
                        print(f"      old[{i}]: {_clip(m.pair.old_texts[i])}")
                for j in r["new"]:
                    if j not in e.new:
                        print(f"      new[{j}]: {_clip(m.pair.new_texts[j])}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, default=30, help="pairs per mix (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the pair generator (default 0)")
    parser.add_argument(
        "--size", type=int, default=100, help="clauses in each old edition, at most the document's (default 100)"
    )
    parser.add_argument(
        "--mixes",
        default=",".join(m.value for m in MIXES),
        help="comma-separated mixes to run (default: light,medium,heavy,hard)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--examples", type=int, default=0, help="print conceptdiff's misses grouped by cause, K examples per cause"
    )
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="run conceptdiff with this Options field changed (repeatable), e.g. positional_threshold=0.45",
    )
    args = parser.parse_args(argv)
    options = conceptdiff.Options()
    for item in args.option:
        name, _, value = item.partition("=")
        field = next((f for f in attrs.fields(conceptdiff.Options) if f.name == name.strip()), None)
        if field is None or not value:
            parser.error(f"--option: expected NAME=VALUE with an Options field name, got {item!r}")
        try:
            typed = json.loads(value.strip().lower() if value.strip().lower() in ("true", "false") else value)
            options = attrs.evolve(options, **{field.name: typed})
        except (ValueError, conceptdiff.ConceptDiffError) as error:
            parser.error(f"--option {item!r}: {error}")
    if args.pairs < 1 or args.size < 2:
        parser.error("--pairs must be >= 1 and --size >= 2")
    try:
        mixes = [BenchmarkMix(name.strip()) for name in args.mixes.split(",") if name.strip()]
    except ValueError as error:
        parser.error(f"--mixes: {error}")
    if not mixes:
        parser.error("--mixes: no mix given")

    corpus = load_corpus()
    groups = [m.value for m in mixes] + ["overall"]
    results: dict[str, dict[str, Scores]] = {g: {s: Scores() for s in SYSTEMS} for g in groups}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    n_pairs = dict.fromkeys(SYSTEMS, 0)
    misses: list[Miss] = []
    old_sizes: list[int] = []
    started = time.perf_counter()
    for mix in mixes:
        for name, pair in build_pairs(corpus, mix, pairs=args.pairs, size=args.size, seed=args.seed):
            truth = truth_changes(pair)
            old_sizes.append(len(pair.old_texts))
            for system, run in SYSTEMS.items():
                t0 = time.perf_counter()
                if system == "conceptdiff":
                    rows = conceptdiff_rows(pair.old_texts, pair.new_texts, options)
                    predicted = list(changes_from_dicts(rows))
                else:
                    predicted = run(pair.old_texts, pair.new_texts)
                seconds[system] += time.perf_counter() - t0
                n_pairs[system] += 1
                s = score(truth, predicted, n_old=len(pair.old_texts), n_new=len(pair.new_texts))
                results[mix.value][system] += s
                results["overall"][system] += s
                if system == "conceptdiff" and args.examples:
                    misses.extend(find_misses(name, mix.value, pair, truth, rows))
    elapsed = time.perf_counter() - started

    changed = {k: v for k, v in options.to_dict().items() if v != getattr(conceptdiff.Options(), k)}
    print(
        f"conceptdiff quality benchmark: {args.pairs} pairs per mix, old editions of up to {args.size} clauses "
        f"(mean {sum(old_sizes) / len(old_sizes):.0f}), seed {args.seed}, {len(corpus)} documents"
        + (f"; conceptdiff options changed: {changed}" if changed else "")
        + "\n"
    )
    print_summary(results, seconds, n_pairs, groups)
    print(f"  (whole run {elapsed:.1f} s, including pair generation)")
    if args.examples:
        show_misses(misses, args.examples)
    if args.json is not None:
        payload: dict[str, Any] = {
            "config": {
                "pairs_per_mix": args.pairs,
                "size": args.size,
                "seed": args.seed,
                "mixes": [m.value for m in mixes],
                "options": changed,
                "documents": [name for _, name, _ in corpus],
            },
            "results": {g: {s: sc.as_dict() for s, sc in by.items()} for g, by in results.items()},
            "timing": {
                s: {"seconds": seconds[s], "ms_per_pair": 1000 * seconds[s] / max(n_pairs[s], 1)} for s in SYSTEMS
            },
        }
        if args.examples:
            payload["misses"] = Counter(m.cause for m in misses)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
