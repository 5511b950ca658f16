"""End to end: two editions written as files, read, compared; edit-link F1 against the known answer.

    .venv/bin/python -m benchmarks.end_to_end                 # every rendering, 4 mixes
    .venv/bin/python -m benchmarks.end_to_end --pairs 4       # pairs per document and mix
    .venv/bin/python -m benchmarks.end_to_end --renderings scraped,wrapped

The quality benchmark (``benchmarks/quality.py``) gives the aligner clause
lists; users give conceptdiff files.  Here each edition pair is generated with
a known answer (``benchmarks.hard_mix.generate_pair``, the four mixes) from
the **hand-written clause lists** of the real documents in
``fixtures/documents/``, then both editions are written out as a reader would
get them, and read back:

* **scraped**: text copied from a web page (one paragraph a line, or wrapped
  at 60-80 columns; bullets of any glyph; a date line, credits and footers);
* **wrapped**: a hard-wrapped text file (blank lines between paragraphs,
  hanging indents for items);
* **pdf-text**: text extracted from a PDF (wrapped, paginated, running
  headers, page numbers, hyphenated words, blank lines or not);
* **markdown** and **html**: the clauses as a Markdown file and a web page.

Systems, on the same files: **conceptdiff** (``Edition.from_path`` +
``compare``) and **blank-line + greedy**: the file split at blank lines (HTML
at its block tags), each block compared after white-space folding, paired
best first by word-level similarity >= 0.5 (moves allowed), the rest added or
removed: what a careful script without a reader would do.  The reference row
**clause lists** gives conceptdiff the true clause lists (no reading).

A system's clauses are mapped back to the true ones by their normalized text
and label (in order, for repeated texts); a link whose clause does not map
(a clause cut or glued by the reader) is lost.  Edit links are the links of
every change but UNCHANGED (``benchmarks/scoring.py``).
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

import conceptdiff
from benchmarks.hard_mix import BenchmarkMix, generate_pair
from benchmarks.scoring import Change, Scores, score
from benchmarks.segmentation import SEEN_NOISE, UNSEEN_NOISE, TrueClause, load_documents, wrap_words
from conceptdiff.normalize import normalize_text
from conceptdiff.segment import clause_from_string
from conceptdiff.strategies import EditedPair, RandomChooser, generate_edition

MIXES = tuple(BenchmarkMix)  # light, medium, heavy, hard
RENDERINGS = ("scraped", "wrapped", "pdf-text", "markdown", "html")
_OPTIONS = conceptdiff.Options(flag_languages=False)
_BULLETS = ("•", "-", "*", "▪", "●", "◦")


def _key(text: str) -> tuple[str, str]:
    clause = clause_from_string(text)
    return clause.label or "", clause.normalized


# -- editions as files -------------------------------------------------------------------


def _kinds(pair: EditedPair, known: dict[str, str]) -> tuple[list[str], list[str]]:
    """The kind of every clause of both editions: known strings keep theirs, a new
    string takes the kind of the old clause it came from (paragraph otherwise)."""
    old = [known.get(text, "paragraph") for text in pair.old_texts]
    new = ["paragraph"] * len(pair.new_texts)
    for change in pair.changes:
        for j in change.new:
            text = pair.new_texts[j]
            new[j] = known.get(text) or (old[change.old[0]] if change.old else "paragraph")
    return old, new


def _marker(text: str, kind: str, glyph: str) -> tuple[str, str]:
    """How a clause starts in a text file: its own label, or a bullet for an unlabelled item."""
    if kind == "list_item" and clause_from_string(text).label is None:
        return f"{glyph} ", text
    return "", text


def render_text(texts: Sequence[str], kinds: Sequence[str], style: str, rng: random.Random) -> str:
    glyph = rng.choice(_BULLETS)
    width = rng.randint(60, 80) if style != "scraped" or rng.random() < 0.5 else 0
    lines: list[str] = []
    if style == "scraped":
        vocabulary = rng.choice((SEEN_NOISE, UNSEEN_NOISE))
        lines += [rng.choice([n for n in vocabulary if any(c.isdigit() for c in n)] or list(vocabulary)), ""]
    for text, kind in zip(texts, kinds, strict=True):
        marker, body = _marker(text, kind, glyph)
        if kind == "heading" or not width:
            lines.append(marker + body)
        else:
            lines += wrap_words(body, width, marker, " " * len(marker))
        lines.append("")
    if style == "scraped":
        lines += [rng.choice(vocabulary), "", rng.choice(vocabulary)]
    text = "\n".join(lines) + "\n"
    if style == "pdf-text":
        text = _paginate(lines, rng)
    return text


def _paginate(lines: list[str], rng: random.Random) -> str:
    """Pages with a running header and a page number; paragraphs apart by blank
    lines or, without them, by a first-line indent (a text with neither shows no
    paragraph boundary to any reader)."""
    header = rng.choice(("POLICY DOCUMENT", "Official Journal of the Union", "NaTIONal SeCurITy STraTegy"))
    size = rng.randint(38, 56)
    blank = rng.random() < 0.7
    if blank:
        body = lines
    else:
        body = []
        starts = True
        for line in lines:
            if line:
                body.append(("   " if starts and not line[:1].isspace() else "") + line)
            starts = not line
    return _pages(body, header, size, rng)


def _pages(body: list[str], header: str, size: int, rng: random.Random) -> str:
    out: list[str] = []
    for page, start in enumerate(range(0, len(body), size), start=1):
        if page > 1:
            out += [header, ""]
        out += body[start : start + size]
        out += ["", f"- {page} -" if rng.random() < 0.5 else str(page), "\f"]
    return "\n".join(out) + "\n"


def render_markdown(texts: Sequence[str], kinds: Sequence[str], rng: random.Random) -> str:
    lines: list[str] = []
    for text, kind in zip(texts, kinds, strict=True):
        clause = clause_from_string(text)
        if kind == "heading":
            lines.append(f"## {text}")
        elif kind == "list_item" and clause.label is None:
            lines.append(f"- {text}")
        elif kind == "list_item" and clause.label and clause.label.isdigit():
            lines.append(text)  # "3. text" is an ordered list item as it stands
        else:
            lines.append(text.replace("*", r"\*").replace("_", r"\_"))
        lines.append("")
    return "\n".join(lines)


def render_html(texts: Sequence[str], kinds: Sequence[str], rng: random.Random) -> str:
    parts = ["<!DOCTYPE html><html><head><title>Edition</title></head><body>",
             "<nav><a href='/'>Home</a> <a href='/docs'>Documents</a></nav><main>"]  # fmt: skip
    for text, kind in zip(texts, kinds, strict=True):
        escaped = html.escape(text)
        if kind == "heading":
            parts.append(f"<h2>{escaped}</h2>")
        elif kind == "list_item":
            parts.append(f"<ul style='list-style:none'><li>{escaped}</li></ul>")
        else:
            parts.append(f"<p>{escaped}</p>")
    parts.append("</main><footer><p>© 2024 Example Publishing</p></footer></body></html>")
    return "\n".join(parts)


def render(texts: Sequence[str], kinds: Sequence[str], rendering: str, rng: random.Random) -> tuple[str, str]:
    """The edition as a file: its text and its suffix."""
    if rendering == "markdown":
        return render_markdown(texts, kinds, rng), ".md"
    if rendering == "html":
        return render_html(texts, kinds, rng), ".html"
    return render_text(texts, kinds, rendering, rng), ".txt"


# -- systems ----------------------------------------------------------------------------------


def _mapping(found: Sequence[tuple[str, str]], truth: Sequence[str]) -> list[int | None]:
    """For each found clause key, the index of the true clause with that key (in order)."""
    places: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, text in enumerate(truth):
        places[_key(text)].append(index)
    taken: dict[tuple[str, str], int] = defaultdict(int)
    result: list[int | None] = []
    for key in found:
        candidates = places.get(key, [])
        position = taken[key]
        result.append(candidates[position] if position < len(candidates) else None)
        taken[key] += 1
    return result


def _mapped(changes: Sequence[Change], old_map: Sequence[int | None], new_map: Sequence[int | None]) -> list[Change]:
    out = []
    for change in changes:
        old = tuple(i for k in change.old if (i := old_map[k]) is not None)
        new = tuple(j for k in change.new if (j := new_map[k]) is not None)
        if old or new:
            out.append(Change(change.kind if old and new else ("removed" if old else "added"), old, new))
    return out


def run_conceptdiff(old_path: Path, new_path: Path, pair: EditedPair) -> list[Change]:
    old = conceptdiff.Edition.from_path(old_path, options=_OPTIONS)
    new = conceptdiff.Edition.from_path(new_path, options=_OPTIONS)
    comparison = conceptdiff.compare(old, new, options=_OPTIONS)
    changes = [Change(c.kind.value, c.old, c.new) for c in comparison.changes]
    old_keys = [(c.label or "", c.normalized) for c in old.clauses]
    new_keys = [(c.label or "", c.normalized) for c in new.clauses]
    return _mapped(changes, _mapping(old_keys, pair.old_texts), _mapping(new_keys, pair.new_texts))


_BLOCK_TAG_RE = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|div|main|nav|footer|body|html|head|title)\b[^>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")


def _blank_line_blocks(text: str, suffix: str) -> list[str]:
    if suffix == ".html":
        text = _BLOCK_TAG_RE.sub("\n\n", text)
        text = html.unescape(_TAG_RE.sub("", text))
    blocks = [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", text)]
    return [block for block in blocks if block]


def _words(text: str) -> list[str]:
    """A block's words as the baseline compares them: normalized, label off (renumbering is no rewording)."""
    return clause_from_string(text).normalized.casefold().split()


def greedy(old: Sequence[str], new: Sequence[str]) -> list[Change]:
    """Best-first pairing by word-level ratio >= 0.5, each block used once."""
    a, b = [_words(t) for t in old], [_words(t) for t in new]
    scored = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            sm = SequenceMatcher(None, x, y, autojunk=False)
            if sm.real_quick_ratio() >= 0.5 and sm.quick_ratio() >= 0.5 and (r := sm.ratio()) >= 0.5:
                scored.append((-r, i, j))
    scored.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j))
    pairs.sort()
    in_order = _longest_increasing([j for _, j in pairs])
    out = []
    for position, (i, j) in enumerate(pairs):
        kind = "reworded" if a[i] != b[j] else "unchanged" if position in in_order else "moved"
        out.append(Change(kind, (i,), (j,)))
    out += [Change("removed", (i,), ()) for i in range(len(a)) if i not in used_a]
    out += [Change("added", (), (j,)) for j in range(len(b)) if j not in used_b]
    return out


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Positions of one longest increasing run of ``values`` (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        place = bisect.bisect_left(tails, value)
        if place == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[place] = value
            tail_at[place] = position
        previous[position] = tail_at[place - 1] if place else -1
    chosen: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        chosen.add(position)
        position = previous[position]
    return chosen


def run_baseline(old_path: Path, new_path: Path, pair: EditedPair) -> list[Change]:
    old = _blank_line_blocks(old_path.read_text(encoding="utf-8"), old_path.suffix)
    new = _blank_line_blocks(new_path.read_text(encoding="utf-8"), new_path.suffix)
    changes = greedy(old, new)
    return _mapped(
        changes, _mapping([_key(t) for t in old], pair.old_texts), _mapping([_key(t) for t in new], pair.new_texts)
    )


def run_clause_lists(pair: EditedPair) -> list[Change]:
    comparison = conceptdiff.compare(pair.old_texts, pair.new_texts, options=_OPTIONS)
    return [Change(c.kind.value, c.old, c.new) for c in comparison.changes]


# -- running -----------------------------------------------------------------------------------


def _strings(truth: Sequence[TrueClause]) -> tuple[list[str], dict[str, str]]:
    texts, kinds = [], {}
    for clause in truth:
        if clause.kind in ("code", "table_row"):
            continue
        text = clause.display
        if _key(text) != (clause.label or "", normalize_text(clause.text)):
            text = clause.text  # a label the string form would not carry back
        texts.append(text)
        kinds[text] = clause.kind
    return texts, kinds


def run(*, pairs: int, size: int, renderings: Sequence[str], seed: int) -> dict[str, dict[str, Scores]]:
    documents = [d for d in load_documents() if len(d.truth) >= 20]
    results: dict[str, dict[str, Scores]] = defaultdict(lambda: defaultdict(Scores))
    systems: dict[str, Callable[[Path, Path, EditedPair], list[Change]]] = {
        "conceptdiff": run_conceptdiff,
        "blank-line + greedy": run_baseline,
    }
    with tempfile.TemporaryDirectory() as folder:
        for number, document in enumerate(documents):
            texts, known = _strings(document.truth)
            pool = [t for d in documents if d is not document for t in _strings(d.truth)[0]]
            for mix in MIXES:
                for k in range(pairs):
                    chooser = RandomChooser(seed * 1_000_003 + number * 10_007 + MIXES.index(mix) * 101 + k)
                    n = min(size, len(texts))
                    base = generate_edition(chooser, min_size=n, max_size=n, pool=texts)
                    pair = generate_pair(chooser, base, mix=mix, insert_pool=pool)
                    truth = [Change(c.kind.value, c.old, c.new) for c in pair.changes]
                    results["clause lists"][mix.value] += score(truth, run_clause_lists(pair))
                    old_kinds, new_kinds = _kinds(pair, known)
                    for rendering in renderings:
                        rng = random.Random(f"{document.name}/{mix.value}/{k}/{rendering}")
                        paths = []
                        for side, texts_, kinds_ in (
                            ("old", pair.old_texts, old_kinds),
                            ("new", pair.new_texts, new_kinds),
                        ):
                            content, suffix = render(texts_, kinds_, rendering, rng)
                            path = Path(folder) / f"{side}{suffix}"
                            path.write_text(content, encoding="utf-8")
                            paths.append(path)
                        for name, system in systems.items():
                            result = score(truth, system(paths[0], paths[1], pair))
                            results[f"{name} ({rendering})"][mix.value] += result
                            results[name]["all"] += result
    return results


def table(results: dict[str, dict[str, Scores]]) -> str:
    rows = ["| system | " + " | ".join(m.value for m in MIXES) + " | overall |", "|---" * (len(MIXES) + 2) + "|"]

    def f1(s: Scores) -> str:
        value = s.edit_links.f1
        return "-" if value is None else f"{value:.3f}"

    for name in sorted(results, key=lambda n: (n != "clause lists", "(" in n, n)):
        by_mix = results[name]
        total = sum(by_mix.values(), Scores()) if "all" not in by_mix else by_mix["all"]
        cells = [f1(by_mix[m.value]) if m.value in by_mix else "" for m in MIXES]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | **{f1(total)}** |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2, help="pairs per document and mix")
    parser.add_argument("--size", type=int, default=60, help="clauses per old edition")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--renderings", default=",".join(RENDERINGS))
    args = parser.parse_args(argv)
    renderings = [r for r in args.renderings.split(",") if r]
    print(table(run(pairs=args.pairs, size=args.size, renderings=renderings, seed=args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
