"""Segmentation quality on scraped-style and PDF-style renderings.

    .venv/bin/python -m benchmarks.segmentation            # all documents, both styles
    .venv/bin/python -m benchmarks.segmentation --seeds 5  # renderings per document and style

Each document's true clause list (display strings with labels) comes from a
clean source: the clean corpus texts in ``fixtures/corpus`` (EUPL, GitHub
privacy statements, PEP 8; their clauses as conceptdiff reads the clean text)
and synthetic policy documents from :func:`conceptdiff.strategies.generate_edition`.
Documents come in three sets, all reported: *tuning* (the rules were tuned
looking at these), *held-out* (other corpus texts and seeds, looked at only to
check regressions) and *fresh* (synthetic documents of seeds never looked at).
Corpus truths are read from the clean texts by a simple rule independent of
the segmenter (blank-line blocks, bullets and numbers start items), so they
carry some oddities of their sources (code left out of PEP 8, EUPL's layout):
they cap the figures reachable on those documents.

The list is rendered as a real-world edition would arrive:

* **scraped**: one paragraph a line, runs of blank lines, bullets of any glyph
  and indentation, curly and straight quotes mixed, a date line, the headline
  repeated, a photo credit, share/comment footers, an advertisement, clauses
  duplicated next to each other and a few clauses apart, a list item whose
  tail repeats the next item, headings glued to the end or the start of a
  paragraph, items that lost their bullet;
* **pdf**: hard-wrapped at 60-95 columns, words hyphenated across lines,
  pages of 38-56 lines with a running header (odd capitalization or spaced-out
  letters, with or without the page number) and a page-number footer in several styles, form
  feeds or not, a table of contents with dot leaders, a spaced-out title,
  blank lines between paragraphs or none (then half the time a first-line indent).

Scores (a clause is recovered when its normalized text equals a true one,
counted as multisets): clause precision and recall; the share of injected
boilerplate blocks left in clauses; page furniture left in clauses; and
whether the audit property held (every non-white-space character in exactly
one clause span or dropped span).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs

from conceptdiff import ClauseKind, Edition, Options
from conceptdiff.clean import furniture_key
from conceptdiff.normalize import normalize_text
from conceptdiff.segment import split_label, strip_inline_markup
from conceptdiff.strategies import RandomChooser, generate_edition

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
TUNING = ("eupl-1.1.en.txt", "github-privacy-statement-2022-09-01.en.txt", "python-pep8-2005-08-20.en.txt")
HELD_OUT = (
    "eupl-1.2.en.txt",
    "github-privacy-statement-2023-10-10.en.txt",
    "python-pep8-2005-12-15.en.txt",
    "github-global-privacy-practices-2020-07-22.en.txt",
)
_OPTIONS = Options(flag_languages=False)


@attrs.frozen
class TrueClause:
    kind: ClauseKind
    label: str | None
    text: str

    @property
    def display(self) -> str:
        """The clause as printed: its label (with its dot: ``3.``, ``IV.``) and its text."""
        if not self.label:
            return self.text
        dot = "." if self.label[-1].isalnum() and not self.label.startswith("Article") else ""
        return f"{self.label}{dot} {self.text}"


@attrs.frozen
class Rendering:
    text: str
    truth: tuple[TrueClause, ...]
    boilerplate: tuple[str, ...]  # normalized texts of injected boilerplate blocks
    duplicates: tuple[str, ...]  # normalized texts of injected duplicate clauses
    furniture: tuple[str, ...]  # furniture keys of running headers


@attrs.frozen
class Score:
    true_positives: int
    predicted: int
    expected: int
    boilerplate_total: int
    boilerplate_left: int
    furniture_left: int
    audit_ok: bool


# -- true clause lists --------------------------------------------------------------


_MARKER_RE = re.compile(r"\s*(?:[-*+•]|[0-9]{1,3}\.|\([a-z0-9]{1,3}\))\s")
_RULE_RE = re.compile(r"\s*(?:[-=~^*#`_]{3,}.*|<!--.*|```.*)")


def corpus_truth(name: str) -> tuple[TrueClause, ...]:
    """A clean text's clauses, read by a simple rule independent of the segmenter:
    blank lines separate blocks, a line starting with a bullet or a number
    starts an item, other lines join the one before; ``#`` lines and
    underlined lines are headings; markup-only lines and code are left out."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    result: list[TrueClause] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if len(lines) == 2 and re.fullmatch(r"\s*([=\-~^])\1{2,}\s*", lines[1]):
            result.append(TrueClause(ClauseKind.HEADING, None, lines[0].strip()))
            continue
        pieces: list[list[str]] = []
        for line in lines:
            if _RULE_RE.fullmatch(line) or (line.startswith(("    ", "\t")) and not _MARKER_RE.match(line)):
                continue  # markup, code
            after_heading = bool(pieces) and pieces[-1][0].startswith("#")  # a "#" heading is one line
            if line.lstrip().startswith("#") or _MARKER_RE.match(line) or not pieces or after_heading:
                pieces.append([line.strip()])
            else:
                pieces[-1].append(line.strip())
        for piece in pieces:
            raw = " ".join(piece)
            kind = ClauseKind.PARAGRAPH
            if raw.startswith("#"):
                kind, raw = ClauseKind.HEADING, raw.lstrip("#").strip()
            elif bullet := re.match(r"[-*+•]\s+", raw):
                kind, raw = ClauseKind.LIST_ITEM, raw[bullet.end() :]
            label, _, length = split_label(raw)
            body = strip_inline_markup(raw[length:] if label else raw)
            if not body or "|" in body or "<" in body or len(body) > 1500:
                continue
            if label and kind is ClauseKind.PARAGRAPH:
                kind = ClauseKind.LIST_ITEM
            if kind is ClauseKind.PARAGRAPH and len(body) < 80 and not re.search(r"[.:;!?,]$", body):
                kind = ClauseKind.HEADING
            result.append(TrueClause(kind, label, body))
    return tuple(result)


def synthetic_truth(seed: int, size: int = 80) -> tuple[TrueClause, ...]:
    clauses = generate_edition(RandomChooser(seed), min_size=size, max_size=size)
    result = []
    for raw in clauses:
        kind = ClauseKind.PARAGRAPH
        text = raw
        label = None
        match = re.match(r"(Article [0-9]+|[0-9]+\.|[IVXLC]+\.|\([a-z]\)|[-*])\s+", raw)
        if match:
            label = match.group(1).rstrip(".")
            text = raw[match.end() :]
            kind = ClauseKind.LIST_ITEM
            if label in "-*":
                label = None
        if not re.search(r"[.:;!?]$", text):
            kind = ClauseKind.HEADING
        result.append(TrueClause(kind, label, text))
    return tuple(result)


# -- renderers -------------------------------------------------------------------------

_BULLETS = ("•", "-", "*", "·", "▪", "●", "–", "◦", "➢", "■")
_DATES = (
    "Saturday, 1 April 2023",
    "April 1, 2023",
    "Published: 12 March 2021",
    "2023-04-01",
    "Updated 14:05 GMT, 3 May 2022",
)
_FOOTERS = ("No comments:", "Share this", "Share this article", "Posted by Admin at 10:31 AM", "Labels: policy, law",
            "Subscribe to: Post Comments (Atom)", "Tweet | Facebook | Email", "Read more: other stories")  # fmt: skip
_CREDITS = ("©AP Photo/Dmitry Lovetsky /", "Photo: Reuters", "(Photo by John Doe/Getty Images)", "Image: Shutterstock")


def _quotes(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return text.replace("'", "’") if rng.random() < 0.5 else text.replace("’", "'")
    return text


def _bullet_line(clause: TrueClause, glyph: str, rng: random.Random) -> str:
    indent = " " * rng.choice((0, 0, 2, 4))
    return f"{indent}{clause.display}" if clause.label else f"{indent}{glyph} {clause.text}"


def render_scraped(truth: Sequence[TrueClause], rng: random.Random) -> Rendering:
    lines: list[str] = []
    boilerplate: list[str] = []
    duplicates: list[str] = []
    headline = next((c.text for c in truth if c.kind is ClauseKind.HEADING), "News")

    def blank() -> None:
        lines.extend([""] * rng.choice((1, 1, 2, 2, 3, 5, 7)))

    def noise(text: str) -> None:
        lines.append(text)
        boilerplate.append(normalize_text(text))
        blank()

    noise(rng.choice(_DATES))
    for _ in range(rng.randint(1, 2)):
        noise(headline)  # the page's own headline: every copy is boilerplate
    noise(rng.choice(_CREDITS))
    glyph = rng.choice(_BULLETS)
    index = 0
    while index < len(truth):
        clause = truth[index]
        following = truth[index + 1] if index + 1 < len(truth) else None
        text = _quotes(clause.display if clause.kind is not ClauseKind.LIST_ITEM else "", rng)
        if clause.kind is ClauseKind.LIST_ITEM:
            line = _bullet_line(TrueClause(clause.kind, clause.label, _quotes(clause.text, rng)), glyph, rng)
            if (
                clause.label is None
                and rng.random() < 0.04
                and index > 0
                and truth[index - 1].kind is ClauseKind.LIST_ITEM
            ):
                line = clause.text  # lost its bullet
            if following is not None and following.kind is ClauseKind.LIST_ITEM and rng.random() < 0.03:
                line = f"{line} {following.text}"  # the tail repeats the next item
            text = line
        elif (
            clause.kind is ClauseKind.PARAGRAPH
            and following is not None
            and following.kind is ClauseKind.HEADING
            and not following.label
            and re.search(r"[.!?]$", clause.text)
            and rng.random() < 0.15
        ):
            text = f"{text} {following.text}"  # a heading glued to the end of a paragraph
            index += 1
        elif (
            clause.kind is ClauseKind.HEADING
            and not clause.label
            and following is not None
            and following.kind is ClauseKind.PARAGRAPH
            and rng.random() < 0.1
        ):
            text = f"{text} {following.text}"  # a heading glued to the start of a paragraph
            index += 1
        lines.append(text)
        if rng.random() < 0.04 and clause.kind is not ClauseKind.HEADING and len(clause.text.split()) >= 3:
            blank()
            lines.append(text)  # duplicated next to itself
            duplicates.append(normalize_text(clause.text))
        if rng.random() < 0.03 and index >= 3:
            earlier = truth[index - rng.randint(1, 3)]
            if earlier.kind is not ClauseKind.HEADING and len(earlier.text.split()) >= 3:
                blank()
                lines.append(
                    _bullet_line(earlier, glyph, rng) if earlier.kind is ClauseKind.LIST_ITEM else earlier.display
                )
                duplicates.append(normalize_text(earlier.text))
        if rng.random() < 0.01:
            blank()
            noise("Advertisement")
        blank()
        index += 1
    for footer in rng.sample(_FOOTERS, 2):
        noise(footer)
    return Rendering("\n".join(lines) + "\n", tuple(truth), tuple(boilerplate), tuple(duplicates), ())


def _odd_case(text: str, rng: random.Random) -> str:
    return "".join(ch.upper() if rng.random() < 0.45 else ch.lower() for ch in text)


def _wrap(text: str, width: int, first: str, rest: str, rng: random.Random, hyphenate: float) -> list[str]:
    lines: list[str] = []
    line = first
    for word in text.split():
        room = width - len(line) - (0 if line in (first, rest) else 1)
        if len(word) <= room or line in (first, rest):
            line = line + word if line in (first, rest) else f"{line} {word}"
            continue
        if len(word) >= 8 and word.isalpha() and room >= 4 and rng.random() < hyphenate:
            cut = rng.randint(3, min(room - 1, len(word) - 3))
            lines.append(f"{line} {word[:cut]}-")
            line = rest + word[cut:]
            continue
        lines.append(line)
        line = rest + word
    lines.append(line)
    return lines


def render_pdf(truth: Sequence[TrueClause], rng: random.Random) -> Rendering:
    width = rng.randint(60, 95)
    page_size = rng.randint(38, 56)
    title = next((c.text for c in truth if c.kind is ClauseKind.HEADING), "Policy")
    header_text = rng.choice(("National Security Strategy", title[:60], "Official Journal of the Union"))
    number_style = rng.choice(("{n}", "- {n} -", "Page {n}", "{n} | " + header_text, "Page {n} of 99"))
    header_numbered = rng.random() < 0.4
    spaced_header = rng.random() < 0.15  # "N A T I O N A L   S E C U R I T Y"
    form_feed = rng.random() < 0.5
    blank_between = rng.random() < 0.7
    # Without blank lines, paragraphs may show a first-line indent (pdftotext -layout).
    indent = " " * rng.choice((3, 4, 5)) if not blank_between and rng.random() < 0.5 else ""
    hyphenate = 0.6
    body: list[str] = []
    headings = [c for c in truth if c.kind is ClauseKind.HEADING][:25]
    if len(headings) >= 3:
        body += ["Table of Contents", ""]
        for n, heading in enumerate(headings):
            entry = heading.display[: width - 10]
            body.append(entry + " " + "." * max(3, width - len(entry) - 6) + f" {3 + 2 * n}")
        body.append("")
    for position, clause in enumerate(truth):
        if clause.kind is ClauseKind.HEADING:
            if not body or body[-1] != "":
                body.append("")
            shown = clause.display
            if position == 0 and not clause.label and rng.random() < 0.5:  # a spaced-out title
                shown = "   ".join(" ".join(word) for word in shown.split())
            body.append(shown)
            body.append("")
            continue
        if clause.kind is ClauseKind.LIST_ITEM:
            marker = clause.display[: -len(clause.text)] if clause.label else rng.choice(("• ", "- ", "● ", "▪ "))
            body += _wrap(clause.text, width, marker, " " * len(marker), rng, hyphenate)
        else:
            body += _wrap(clause.text, width, indent, "", rng, hyphenate)
        if blank_between:
            body.append("")
    # Paginate.
    lines: list[str] = []
    page = 1
    for start in range(0, len(body), page_size):
        header = _odd_case(header_text, rng) if rng.random() < 0.7 else header_text.upper()
        if spaced_header:
            header = "   ".join(" ".join(word) for word in header_text.upper().split())
        if header_numbered:
            header = f"{header} {page}" if page % 2 else f"{page} {header}"
        if page > 1:
            lines += [header, ""]
        lines += body[start : start + page_size]
        lines += ["", number_style.format(n=page)]
        lines.append("\f" if form_feed else "")
        page += 1
    text = "\n".join(lines).replace("\n\f\n", "\n\f")
    return Rendering(text + "\n", tuple(truth), (), (), (furniture_key(header_text),))


# -- scoring -----------------------------------------------------------------------


def audit_ok(text: str, edition: Edition) -> bool:
    spans = sorted([c.span for c in edition.clauses if c.span] + [(d.start, d.end) for d in edition.dropped])
    covered = bytearray(len(text))
    previous = 0
    for start, end in spans:
        if start < previous:
            return False
        previous = end
        covered[start:end] = b"\x01" * (end - start)
    return all(covered[i] or ch.isspace() for i, ch in enumerate(text))


def score(rendering: Rendering, options: Options = _OPTIONS) -> Score:
    edition = Edition.from_text(rendering.text, options=options)
    predicted = Counter(c.normalized for c in edition.clauses)
    expected = Counter(normalize_text(c.text) for c in rendering.truth)
    hits = sum((predicted & expected).values())
    surplus = predicted - expected
    left = sum(1 for block in rendering.boilerplate if surplus[block] > 0)
    extra = Counter(rendering.duplicates)
    left += sum(min(count, surplus[text]) for text, count in extra.items())

    def is_furniture(text: str) -> bool:
        key = furniture_key(text)
        header = any(h and h in key and len(key) <= len(h) + 12 for h in rendering.furniture)
        number = re.fullmatch(r"(?:page )?[0-9]{1,4}(?: of [0-9]+)?|- [0-9]+ -", normalize_text(text).casefold())
        return bool(header or number or re.search(r"\.{5,} ?[0-9]+$", text))

    # Furniture left: clauses that look like it, beyond true clauses that do (a title equal to the header).
    furniture = max(
        0,
        sum(is_furniture(c.text) for c in edition.clauses) - sum(is_furniture(c.text) for c in rendering.truth),
    )
    return Score(
        hits,
        sum(predicted.values()),
        sum(expected.values()),
        len(rendering.boilerplate) + len(rendering.duplicates),
        left,
        furniture,
        audit_ok(rendering.text, edition),
    )


def documents(half: str) -> list[tuple[str, tuple[TrueClause, ...]]]:
    """The documents of one half: "tuning" (rules were tuned looking at these),
    "held-out" (looked at twice during development, to check a regression) and
    "fresh" (never looked at: synthetic documents of other seeds)."""
    if half == "fresh":
        return [(f"synthetic-{seed}", synthetic_truth(seed, size=120)) for seed in range(200, 210)]
    names = TUNING if half == "tuning" else HELD_OUT
    docs = [(name.removesuffix(".en.txt"), corpus_truth(name)) for name in names]
    seeds = range(0, 4) if half == "tuning" else range(100, 104)
    docs += [(f"synthetic-{seed}", synthetic_truth(seed)) for seed in seeds]
    return docs


def run(seeds: int, *, verbose: bool = False) -> dict[tuple[str, str], Score]:
    totals: dict[tuple[str, str], list[Score]] = {}
    for half in ("tuning", "held-out", "fresh"):
        for name, truth in documents(half):
            for style, render in (("scraped", render_scraped), ("pdf", render_pdf)):
                for seed in range(seeds):
                    rng = random.Random(f"{name}/{style}/{seed}")
                    result = score(render(truth, rng))
                    totals.setdefault((half, style), []).append(result)
                    if verbose:
                        p = result.true_positives / max(1, result.predicted)
                        r = result.true_positives / max(1, result.expected)
                        audit = "ok" if result.audit_ok else "FAILED"
                        print(f"  {half:8} {style:7} {name:42} seed {seed}: P {p:.3f} R {r:.3f} "
                              f"boilerplate {result.boilerplate_left}/{result.boilerplate_total} "
                              f"furniture {result.furniture_left} audit {audit}")  # fmt: skip
    summary = {}
    for key, scores in totals.items():
        summary[key] = Score(
            sum(s.true_positives for s in scores),
            sum(s.predicted for s in scores),
            sum(s.expected for s in scores),
            sum(s.boilerplate_total for s in scores),
            sum(s.boilerplate_left for s in scores),
            sum(s.furniture_left for s in scores),
            all(s.audit_ok for s in scores),
        )
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=3, help="renderings per document and style")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per rendering")
    args = parser.parse_args(argv)
    summary = run(args.seeds, verbose=args.verbose)
    print(f"{'half':9} {'style':8} {'clauses':>8} {'precision':>10} {'recall':>8} {'boilerplate left':>17} "
          f"{'furniture left':>15} {'audit':>6}")  # fmt: skip
    for (half, style), s in summary.items():
        precision = s.true_positives / max(1, s.predicted)
        recall = s.true_positives / max(1, s.expected)
        share = s.boilerplate_left / max(1, s.boilerplate_total)
        print(f"{half:9} {style:8} {s.expected:8d} {precision:10.4f} {recall:8.4f} "
              f"{s.boilerplate_left:>6d}/{s.boilerplate_total:<5d} {share:5.1%} {s.furniture_left:>15d} "
              f"{'ok' if s.audit_ok else 'FAILED':>6}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
