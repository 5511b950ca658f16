"""Reading real documents: clause lists against hand-written ones, per format.

    .venv/bin/python -m benchmarks.segmentation              # every document, every rendering
    .venv/bin/python -m benchmarks.segmentation --subset     # the small set CI runs
    .venv/bin/python -m benchmarks.segmentation -v           # one line per file, and what went wrong

The documents are the folders of ``fixtures/documents/`` (see its README):
real files (hard-wrapped licence texts, Markdown with tables and code, a real
HTML page, a real PDF) whose clauses were **written by hand from the source**
(``expected.json``), never accepted from conceptdiff's output.  Each is read
as published (``document.*``) and, where the folder has them, as the same
clauses rendered by ``benchmarks/render_documents.py``: a browser-ready web
page (``as-html.html``), a Word document with real styles and tables
(``as-docx.docx``) and that page printed to PDF by Chromium with its header and
footer (``as-pdf.pdf``), and in two justified columns as a report is set
(``as-pdf-columns.pdf``); twelve more documents are typeset in two columns by
GNU groff (``as-groff-columns.pdf``, ``benchmarks/render_groff.py``: filled
column after column, hyphenated, a running header and page numbers), and
twelve more by pdfLaTeX (``as-latex-columns.pdf``, ``benchmarks/render_latex.py``:
an article in two columns, paragraphs told by their first lines' indents).  Two
more renderings are generated here from the
hand-written clauses, ``--seeds`` of each per document:

* **scraped**: as text copied from a web page: one paragraph a line, or wrapped
  at 60-80 columns; runs of blank lines, bullets of any glyph, quotes straight
  or curly, a date line, the headline repeated, a photo credit, comment and
  share footers, an advertisement, clauses duplicated next to each other and a
  few clauses apart.  The noise lines are drawn from the seed article's kinds
  (``SEEN_NOISE``, ``UNSEEN_NOISE``); the same renderings are made again with
  the lines of ``benchmarks/noise_vocabulary*.json``, written by helpers who
  never saw the rules, reported apart as **written noise** (the lines that were
  looked at while improving the rules) and **held-out noise** (lines never
  looked at; see ``written_noise``; the furniture model of
  ``conceptdiff.read._furniture`` is trained on them), and with the lines of
  ``BLIND_VOCABULARIES``, written after that model and neither looked at nor
  trained on, as **blind noise**;
* **pdf-text**: as text extracted from a PDF: hard-wrapped at 60-95 columns,
  hyphenated words, pages with a running header (odd capitals or spaced
  letters) and a page number, form feeds or not, a table of contents, blank
  lines between paragraphs or none (then half the time a first-line indent).

Scores, per file, summed per rendering (a clause is recovered when its label
and its normalized text equal an expected clause's, counted as multisets; a
code block compares line by line, trailing spaces off):

* **P / R**: clause precision and recall;
* **bF1**: clause-boundary agreement, F1 over where clauses start (the label
  and first six words of each clause);
* **cut**: share of clauses that are a piece of an expected clause (a sentence
  cut mid-way, or a paragraph cut in two); **mid-sentence**: the share of them
  that end where the expected clause's sentence goes on (the text after them
  in it, and no sentence end of theirs: the issue's "sentences cut mid-way");
  **glued**: share that hold two or
  more expected clauses;
* **noise**: share of noise strings (page furniture, navigation, injected
  boilerplate and duplicates) still found in some clause;
* **markup**: clauses holding markup the expected text does not
  (``**``, ``](``, a tag, ``{#id}``, ``&mdash;``, a table rule, a ``#`` heading mark);
* **empty**: empty clauses (must be 0); **audit**: whether every
  non-white-space character of the source is in exactly one clause span or
  dropped span;
* **MB/s**: reading speed (file to clauses, language flags off).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs

from conceptdiff import ClauseKind, Edition, Options
from conceptdiff.normalize import normalize_text
from conceptdiff.read import read_bytes, read_path
from conceptdiff.segment import clauses_from_document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
#: The documents CI reads (tests/test_benchmarks.py): one of each kind.
SUBSET = ("gpl-3.0", "mpl-2.0", "nodejs-api-intl", "github-privacy-statement-2022-12-15")
_OPTIONS = Options(flag_languages=False)


@attrs.frozen
class TrueClause:
    kind: str
    label: str | None
    text: str

    @property
    def display(self) -> str:
        """The clause as printed: its label with its mark (``3.``, ``(b)``, ``IV.``, ``Article 12``), then its text."""
        if not self.label:
            return self.text
        return f"{self.printed_label} {self.text}"

    @property
    def printed_label(self) -> str:
        assert self.label is not None
        mark = "." if self.label[-1].isalnum() and " " not in self.label else ""
        return self.label + mark


@attrs.frozen
class Document:
    name: str
    truth: tuple[TrueClause, ...]
    files: tuple[tuple[str, Path], ...]  # (rendering, path)
    noise: dict[str, tuple[str, ...]]  # rendering -> noise strings


@attrs.frozen
class Reading:
    """What a reader gave for one file: the clauses' (kind, label, text), the source and its spans."""

    clauses: tuple[TrueClause, ...]
    audit_ok: bool
    seconds: float
    size: int


@attrs.frozen
class Score:
    expected: int = 0
    predicted: int = 0
    hits: int = 0
    starts_expected: int = 0
    starts_predicted: int = 0
    starts_hit: int = 0
    cut: int = 0
    mid_sentence: int = 0
    glued: int = 0
    noise_total: int = 0
    noise_kept: int = 0
    markup: int = 0
    empty: int = 0
    audit_failures: int = 0
    files: int = 0
    seconds: float = 0.0
    size: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))

    @property
    def precision(self) -> float:
        return self.hits / max(1, self.predicted)

    @property
    def recall(self) -> float:
        return self.hits / max(1, self.expected)

    @property
    def boundary_f1(self) -> float:
        p = self.starts_hit / max(1, self.starts_predicted)
        r = self.starts_hit / max(1, self.starts_expected)
        return 2 * p * r / max(1e-9, p + r)


# -- documents ------------------------------------------------------------------------


def load_documents(names: Sequence[str] | None = None) -> list[Document]:
    documents = []
    for folder in sorted(DOCUMENTS.iterdir()):
        expected = folder / "expected.json"
        if not expected.exists() or (names and folder.name not in names):
            continue
        data = json.loads(expected.read_text(encoding="utf-8"))
        truth = tuple(TrueClause(c["kind"], c.get("label"), c["text"]) for c in data["clauses"])
        files = [(data["format"], folder / data["file"])]
        noise = {data["format"]: tuple(data.get("noise", ()))}
        renderings = (
            ("html", "html"),
            ("docx", "docx"),
            ("pdf", "pdf"),
            ("pdf-columns", "pdf"),
            ("groff-columns", "pdf"),
            ("latex-columns", "pdf"),
        )
        for rendering, suffix in renderings:
            path = folder / f"as-{rendering}.{suffix}"
            if path.exists():
                files.append((f"as-{rendering}", path))
                sidecar = folder / f"as-{rendering}.noise.json"
                noise[f"as-{rendering}"] = tuple(json.loads(sidecar.read_text())) if sidecar.exists() else ()
        documents.append(Document(folder.name, truth, tuple(files), noise))
    return documents


# -- scoring --------------------------------------------------------------------------


def _key(clause: TrueClause) -> tuple[str, str]:
    if clause.kind == "code":
        return clause.label or "", "\n".join(line.rstrip() for line in clause.text.split("\n")).strip("\n")
    return clause.label or "", normalize_text(clause.text)


def _start(clause: TrueClause) -> tuple[str, ...]:
    return (clause.label or "", *normalize_text(clause.text).casefold().split()[:6])


_MARKUP_RE = re.compile(
    r"\*\*\S|\]\(|</?[a-zA-Z][a-zA-Z0-9]*[ />]|<!--|\{[#:][^}]*\}|&(?:[a-z]+|#[0-9]+);|\|[ \t]*:?-{3,}|^#{1,6} |^> "
)


#: A clause ending a sentence: a full stop, question or exclamation mark, colon
#: or semicolon, perhaps inside a closing quote or bracket.
_SENTENCE_END_RE = re.compile(r"[.!?:;][\"'’”)\]]*$")


def score(truth: Sequence[TrueClause], reading: Reading, noise: Sequence[str]) -> Score:
    predicted = Counter(_key(c) for c in reading.clauses)
    expected = Counter(_key(c) for c in truth)
    hits = sum((predicted & expected).values())
    starts_p = Counter(_start(c) for c in reading.clauses)
    starts_e = Counter(_start(c) for c in truth)
    expected_texts = [normalize_text(c.text) for c in truth if c.kind != "code"]
    joined = "\n".join(expected_texts)
    cut = mid_sentence = glued = 0
    for clause, count in (predicted - expected).items():
        text = clause[1]
        if not text or "\n" in text:
            continue
        pieces_of = [e for e in expected_texts if text != e and text in e]
        if pieces_of:
            cut += count
            if not _SENTENCE_END_RE.search(text) and all(not e.endswith(text) for e in pieces_of):
                mid_sentence += count
        elif sum(1 for e in expected_texts if e and e in text) >= 2 or (
            f"{text}" not in joined and any(len(e) > 20 and e in text for e in expected_texts)
        ):
            glued += count
    seen_noise = [n for n in dict.fromkeys(noise) if len(normalize_text(n)) >= 3]
    clause_texts = [normalize_text(c.display) for c in reading.clauses]
    kept = sum(
        1
        for n in seen_noise
        if any(normalize_text(n) in t for t in clause_texts) and not any(normalize_text(n) in e for e in expected_texts)
    )
    expected_markup = sum(1 for c in truth if c.kind != "code" and _MARKUP_RE.search(c.text))
    markup = max(0, sum(1 for c in reading.clauses if c.kind != "code" and _MARKUP_RE.search(c.text)) - expected_markup)
    return Score(
        expected=sum(expected.values()),
        predicted=sum(predicted.values()),
        hits=hits,
        starts_expected=sum(starts_e.values()),
        starts_predicted=sum(starts_p.values()),
        starts_hit=sum((starts_p & starts_e).values()),
        cut=cut,
        mid_sentence=mid_sentence,
        glued=glued,
        noise_total=len(seen_noise),
        noise_kept=kept,
        markup=markup,
        empty=sum(1 for c in reading.clauses if not c.text.strip()),
        audit_failures=0 if reading.audit_ok else 1,
        files=1,
        seconds=reading.seconds,
        size=reading.size,
    )


def audit_ok(source: str, edition: Edition) -> bool:
    """Every non-white-space character in exactly one clause span or dropped span."""
    spans = sorted([c.span for c in edition.clauses if c.span] + [(d.start, d.end) for d in edition.dropped])
    covered = bytearray(len(source))
    previous = 0
    for start, end in spans:
        if start < previous or end > len(source):
            return False
        previous = end
        covered[start:end] = b"\x01" * (end - start)
    return all(covered[i] or char.isspace() for i, char in enumerate(source))


def read(path: Path | None = None, *, text: str | None = None) -> Reading:
    started = time.perf_counter()
    if path is not None:
        document = read_path(path, options=_OPTIONS)
        size = path.stat().st_size
    else:
        assert text is not None
        document = read_bytes(text.encode("utf-8"), options=_OPTIONS, name="rendering.txt")
        size = len(text.encode("utf-8"))
    clauses, dropped = clauses_from_document(document, options=_OPTIONS)
    seconds = time.perf_counter() - started
    edition = Edition(clauses=clauses, dropped=dropped)
    found = tuple(
        TrueClause(
            {ClauseKind.TABLE_ROW: "table_row", ClauseKind.CODE: "code"}.get(c.kind, c.kind.value), c.label, c.text
        )
        for c in clauses
    )
    return Reading(found, audit_ok(document.source, edition), seconds, size)


# -- generated renderings ---------------------------------------------------------------

_BULLETS = ("•", "-", "*", "·", "▪", "●", "–", "◦", "➢", "■")
#: Noise the reading rules were written against (the seed article's kinds of line).
SEEN_NOISE = (
    "Saturday, 1 April 2023", "April 1, 2023", "Published: 12 March 2021", "Updated 14:05 GMT, 3 May 2022",
    "©AP Photo/Dmitry Lovetsky /", "Photo: Reuters", "(Photo by John Doe/Getty Images)", "No comments:",
    "Share this article", "Posted by Admin at 10:31 AM", "Labels: policy, law", "Subscribe to: Post Comments (Atom)",
    "Tweet | Facebook | Email", "Read more: other stories", "Advertisement",
)  # fmt: skip
#: Noise of the same kinds, written without looking at the rules.
UNSEEN_NOISE = (
    "Last modified on 2 February 2024", "5 min read", "Image credit: Wikimedia Commons", "Share on LinkedIn",
    "Print this page", "Sign in to comment", "Related articles", "Most popular", "Cookie settings",
    "We use cookies to improve your experience. Accept all", "Follow us on X", "Back to top",
    "Terms of Use | Privacy Policy | Contact", "Home > Policy > Documents", "Sponsored", "Recommended for you",
)  # fmt: skip


def wrap_words(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` hard-wrapped at ``width`` as a plain-text author does it:
    ``first`` opens its first line, ``rest`` the others."""
    lines: list[str] = []
    line = first
    for word in text.split():
        if line.strip() and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = rest + word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    lines.append(line)
    return lines


#: The vocabularies of web furniture written by helpers who never saw the
#: rules, oldest first.  Each was held out until measured; then it was looked
#: at, and the next one written.  Noise kept when each was first measured:
#: noise_vocabulary.json (second half) 5.6 %; noise_vocabulary_fresh.json
#: 52 % (first half; its second half, after rules were tuned on the first,
#: 42 %, then 32 % with the off-topic rule); noise_vocabulary_final.json
#: (second half) 16 %, whose first half only was looked at afterwards (its
#: second half, never looked at: 10.3 % kept with --seeds 10 before the rules
#: written on noise_vocabulary_blind4.json, 9.3 % after them);
#: noise_vocabulary_blind4.json (166 lines, 12 kinds) 26.6 % over the whole
#: file (ten renderings of each document, P 0.976 R 0.993), after which the
#: whole file, both halves, was looked at and rules written for its kinds of
#: line (0.9 % kept on the same renderings afterwards, P 0.992 R 0.993): its
#: held-out half below is therefore no longer unseen.
#: noise_vocabulary_blind5.json (168 lines, 12 kinds), written blind after
#: those rules, measured once over the whole file (ten renderings of each
#: document): 18.2 % kept (152/837, P 0.983 R 0.993).  Only the two lines kept
#: most often were seen (an editorial note about a corrected release, a
#: paywall price); no rule was written for it: its held-out half is unseen by
#: the rules, but the furniture model (benchmarks/train_furniture.py) is
#: trained on the whole file.  Its thresholds were chosen with a model
#: trained without that half (``--dev``): 12.4 % kept there with the final
#: model, 16.0 % on the blind vocabularies below (31.9 % with the rules alone).
NOISE_VOCABULARIES = (
    "noise_vocabulary.json",
    "noise_vocabulary_fresh.json",
    "noise_vocabulary_final.json",
    "noise_vocabulary_blind4.json",
    "noise_vocabulary_blind5.json",
)


#: Vocabularies the furniture model of conceptdiff.read._furniture is trained
#: on (benchmarks/train_furniture.py) besides the ones above; never injected
#: here.  Three were written for training only; blind6 and blind7 were the
#: "blind noise" of the model's first version (16.0 % kept, 31.9 % with the
#: rules alone), then looked at (the model's thresholds were checked on them)
#: and trained on; blind8 and blind9 (written to avoid stereotyped lines, a
#: third of them prose) were the blind noise of the second version (34.4 %
#: kept, 47.0 % with the rules alone), then looked at (the bar for sentences
#: and the model's own evidence of furniture were set on them) and trained on;
#: blind10 and blind11 were the blind noise of the third version (27.3 % kept,
#: 45.8 % with the rules alone), then looked at (which gate kept each line) and
#: trained on, with 1,200 more training lines (``noise_training_more.json``,
#: ``noise_training_short.json``); blind12 and blind13 were the blind noise of
#: the fourth version (17.7 % kept with the third, 13.6 % with the fourth,
#: 29.8 % with the former rules alone), then looked at (which gate kept each
#: line: one line scoring above 9 now shows a text's furniture), but not
#: trained on: a model trained on them too kept more of the written and
#: held-out noise (2.2 % and 9.7 % against 2.0 % and 9.4 %; and of blind14/15,
#: 9.4 % against 7.2 %).  600 more sentences of furniture
#: (``noise_training_prose.json``) are trained on.
TRAINING_ONLY_VOCABULARIES = (
    "noise_training_labels.json",
    "noise_training_sentences.json",
    "noise_training_policy_sites.json",
    "noise_training_more.json",
    "noise_training_short.json",
    "noise_training_prose.json",
    "noise_vocabulary_blind6.json",
    "noise_vocabulary_blind7.json",
    "noise_vocabulary_blind8.json",
    "noise_vocabulary_blind9.json",
    "noise_vocabulary_blind10.json",
    "noise_vocabulary_blind11.json",
)
#: Vocabularies written blind after the furniture model and its reading rule
#: were made, neither looked at nor trained on: the "blind noise" row.
#: blind14/15 were the blind noise of the fifth version (7.2 %, 9.6 % once a
#: footer line on the text's topic was asked for more evidence); blind16/17
#: were written for it next and kept 18.1 %, then looked at (which gate kept
#: each line) to choose the bars of lines on the text's topic and the one-line
#: evidence of furniture (``conceptdiff.segment._SHARED``, ``_MOSTLY_SHARED``,
#: ``_SURELY``): 13.5 % after.  blind18/19, written with blind16/17 but asked
#: for more prose that borrows a document's words, were measured once, after
#: that choice: 25.3 % kept (29.2 % with the former bars).  None of blind12 to
#: blind19 is trained on (a model trained also on blind14/15 and 480 lines of
#: prose furniture and interface labels kept 17.6 % of blind16/17 against
#: 18.1 %, and scored the documents' own sentences higher: "Copies are
#: printed or sent in an electronic format ..." -0.4 -> 2.5).  blind18/19
#: were then looked at (which gate kept each line): most kept lines are
#: candidates the model scores below their bar, the rest lines sharing words
#: with their neighbours; lowering every bar by one would set aside a tenth
#: more of them and a document's line for every three, so no bar moved, and
#: a model trained also on blind12 to blind19 was not shipped either (9.1 %
#: of blind20/21 kept against 11.3 % on other seeds than this benchmark's,
#: but it set aside two documents' own lines: "Most Unix system calls have
#: Windows analogues. ...").
#: blind20/21, written with this version in place by two helpers who read no
#: project file (a third of their lines full sentences, many in a hosted
#: document's words), were measured once: 13.5 % kept over this benchmark's
#: ten renderings of each document (P 0.985, R 0.990).  Their kept lines were
#: later counted by place, not trained on (25/180 above the repeated headline,
#: 62/414 between paragraphs, 41/359 in the footer); lines above a headline
#: printed twice are now the page's chrome, sentences too: 11.1 % kept.
#: blind22/23, written by two more helpers who read no project file after that
#: rule, were measured once: 15.7 % kept (P 0.984, R 0.990; 21.7 % with the
#: reader before the rule): the "blind noise" row now.
BLIND_VOCABULARIES = ("noise_vocabulary_blind22.json", "noise_vocabulary_blind23.json")


def vocabulary_lines(name: str) -> list[str]:
    """Every line of a vocabulary of ``benchmarks/``, kind by kind (kinds in name order)."""
    data = json.loads((ROOT / "benchmarks" / name).read_text(encoding="utf-8"))
    return [line for key, kind in sorted(data.items()) if key != "source" for line in kind]


def blind_noise() -> tuple[str, ...]:
    """The lines of :data:`BLIND_VOCABULARIES` that are not, word for word, a
    line of a vocabulary the rules were written on or the model trained on
    ("Back to top" is in several)."""
    seen = {line for name in (*NOISE_VOCABULARIES, *TRAINING_ONLY_VOCABULARIES) for line in vocabulary_lines(name)}
    seen |= {*SEEN_NOISE, *UNSEEN_NOISE}
    lines = [line for name in BLIND_VOCABULARIES for line in vocabulary_lines(name)]
    return tuple(line for line in dict.fromkeys(lines) if line not in seen)


def written_noise(held_out: bool) -> tuple[str, ...]:
    """Noise lines written by someone who never saw the reading rules.

    Held out (``True``): every other line of each kind of the newest
    vocabulary, never looked at nor used to tune the rules (only the
    benchmark's totals were seen).  Otherwise, every line that was looked
    at: the older vocabularies whole, and the newest one's other half.
    """
    lines: list[str] = []
    for name in NOISE_VOCABULARIES:
        data = json.loads((ROOT / "benchmarks" / name).read_text(encoding="utf-8"))
        kinds = [kind for key, kind in sorted(data.items()) if key != "source"]
        newest = name == NOISE_VOCABULARIES[-1]
        if held_out and newest:
            lines += [line for kind in kinds for line in kind[1::2]]
        elif not held_out:
            lines += [line for kind in kinds for line in (kind[0::2] if newest else kind)]
    return tuple(lines)


def render_scraped(
    truth: Sequence[TrueClause], rng: random.Random, vocabulary: Sequence[str] | None = None
) -> tuple[str, list[TrueClause], list[str]]:
    """A scraped page of ``truth`` (code and tables left out: a page's text copy
    has no one form for them); returns the text, its truth and its noise."""
    kept = [c for c in truth if c.kind not in ("code", "table_row")]
    width = rng.choice((0, 0, rng.randint(60, 80)))  # 0: one paragraph a line
    if vocabulary is None:
        vocabulary = SEEN_NOISE if rng.random() < 0.5 else UNSEEN_NOISE
    lines: list[str] = []
    noise: list[str] = []

    def blank() -> None:
        lines.extend([""] * rng.choice((1, 1, 2, 3)))

    def put(text: str, marker: str = "") -> None:
        lines.extend(wrap_words(text, width, marker, " " * len(marker)) if width else [marker + text])

    def add_noise(text: str) -> None:
        put(text)
        noise.append(text)
        blank()

    headline = next((c.text for c in kept if c.kind == "heading"), "News")
    add_noise(rng.choice([n for n in vocabulary if any(ch.isdigit() for ch in n)] or list(vocabulary)))
    put(headline)  # the headline repeated above the text: the copy is noise
    blank()
    glyph = rng.choice(_BULLETS)
    for position, clause in enumerate(kept):
        text = clause.text.replace("'", "’") if rng.random() < 0.3 else clause.text
        if clause.kind == "list_item":
            put(text, f"{clause.printed_label} " if clause.label else f"{glyph} ")
        else:
            put(f"{clause.printed_label} {text}" if clause.label else text)
        if rng.random() < 0.04 and clause.kind != "heading" and len(clause.text.split()) >= 4:
            blank()
            put(text, f"{glyph} " if clause.kind == "list_item" and not clause.label else "")
            noise.append("")  # a duplicate: counted by the clause count, not as a noise string
        if rng.random() < 0.03 and position > 2:
            blank()
            add_noise(rng.choice(vocabulary))
        blank()
    for footer in rng.sample(list(vocabulary), 2):
        add_noise(footer)
    return "\n".join(lines) + "\n", kept, [n for n in noise if n]


def _odd_case(text: str, rng: random.Random) -> str:
    return "".join(ch.upper() if rng.random() < 0.45 else ch.lower() for ch in text)


def render_pdf_text(truth: Sequence[TrueClause], rng: random.Random) -> tuple[str, list[TrueClause], list[str]]:
    """Text as a PDF extractor gives it (code and table rows left out)."""
    kept = [c for c in truth if c.kind not in ("code", "table_row")]
    width = rng.randint(60, 95)
    page_size = rng.randint(38, 56)
    title = next((c.text for c in kept if c.kind == "heading"), "Policy")[:50]
    header_text = rng.choice((title, "Official Journal of the Union", "National Security Strategy"))
    number_style = rng.choice(("{n}", "- {n} -", "Page {n}", "Page {n} of 99"))
    spaced = rng.random() < 0.15
    form_feed = rng.random() < 0.5
    blank_between = rng.random() < 0.7
    indent = " " * rng.choice((3, 4)) if not blank_between and rng.random() < 0.5 else ""
    body: list[str] = []
    for clause in kept:
        if clause.kind == "heading":
            body += ["", clause.display, ""] if body and body[-1] != "" else [clause.display, ""]
            continue
        if clause.kind == "list_item":
            marker = f"{clause.printed_label} " if clause.label else "• "
            body += wrap_words(clause.text, width, marker, " " * len(marker))
        else:
            body += wrap_words(clause.display, width, indent, "")
        if blank_between:
            body.append("")
    lines: list[str] = []
    noise: list[str] = []
    for page, start in enumerate(range(0, len(body), page_size), start=1):
        header = _odd_case(header_text, rng) if rng.random() < 0.6 else header_text.upper()
        if spaced:
            header = "   ".join(" ".join(word) for word in header_text.upper().split())
        if page > 1:
            lines += [header, ""]
            noise.append(header)
        lines += body[start : start + page_size]
        number = number_style.format(n=page)
        lines += ["", number, "\f" if form_feed else ""]
        if not number.isdigit():
            noise.append(number)
    return "\n".join(lines).replace("\n\f\n", "\n\f") + "\n", kept, noise


# -- running -----------------------------------------------------------------------------


def run(documents: Sequence[Document], *, seeds: int, verbose: bool = False) -> dict[str, Score]:
    totals: dict[str, Score] = {}
    blind = blind_noise()

    def record(rendering: str, name: str, truth: Sequence[TrueClause], reading: Reading, noise: Sequence[str]) -> None:
        result = score(truth, reading, noise)
        totals[rendering] = totals.get(rendering, Score()) + result
        if verbose:
            print(f"  {rendering:10} {name:40} P {result.precision:.3f} R {result.recall:.3f} "
                  f"bF1 {result.boundary_f1:.3f} cut {result.cut} mid {result.mid_sentence} glued {result.glued} "
                  f"noise {result.noise_kept}/{result.noise_total} markup {result.markup} "
                  f"{'' if result.audit_failures == 0 else 'AUDIT FAILED'}")  # fmt: skip
        if verbose and result.hits < max(result.expected, result.predicted):
            got = Counter(_key(c) for c in reading.clauses)
            want = Counter(_key(c) for c in truth)
            for label, text in list(got - want)[:4]:
                print(f"      + {label!r:8} {text[:110]!r}")
            for label, text in list(want - got)[:4]:
                print(f"      - {label!r:8} {text[:110]!r}")

    for document in documents:
        for rendering, path in document.files:
            record(rendering, document.name, document.truth, read(path), document.noise.get(rendering, ()))
        for seed in range(seeds):
            for style, render in (("scraped", render_scraped), ("pdf-text", render_pdf_text)):
                rng = random.Random(f"{document.name}/{style}/{seed}")
                text, truth, noise = render(document.truth, rng)
                record(style, f"{document.name} #{seed}", truth, read(text=text), noise)
            for held_out, style in ((False, "scraped, written noise"), (True, "scraped, held-out noise")):
                rng = random.Random(f"{document.name}/held-out/{seed}")
                text, truth, noise = render_scraped(document.truth, rng, written_noise(held_out))
                record(style, f"{document.name} #{seed}", truth, read(text=text), noise)
            rng = random.Random(f"{document.name}/blind/{seed}")
            text, truth, noise = render_scraped(document.truth, rng, blind)
            record("scraped, blind noise", f"{document.name} #{seed}", truth, read(text=text), noise)
    return totals


def table(totals: dict[str, Score]) -> str:
    rows = [
        "| rendering | files | clauses | P | R | bF1 | cut | mid-sentence | glued | noise kept | markup | empty "
        "| audit | MB/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    order = ["text", "markdown", "html", "pdf", "as-html", "as-docx", "as-pdf", "as-pdf-columns", "as-groff-columns",
             "as-latex-columns", "scraped", "scraped, written noise", "scraped, held-out noise", "scraped, blind noise",
             "pdf-text"]  # fmt: skip
    for rendering in sorted(totals, key=lambda r: order.index(r) if r in order else len(order)):
        s = totals[rendering]
        rows.append(
            f"| {rendering} | {s.files} | {s.expected} | {s.precision:.3f} | {s.recall:.3f} | {s.boundary_f1:.3f} "
            f"| {s.cut / max(1, s.predicted):.1%} | {s.mid_sentence / max(1, s.predicted):.1%} "
            f"| {s.glued / max(1, s.predicted):.1%} "
            f"| {s.noise_kept}/{s.noise_total} ({s.noise_kept / max(1, s.noise_total):.1%}) | {s.markup} "
            f"| {s.empty} | {'ok' if s.audit_failures == 0 else f'{s.audit_failures} failed'} "
            f"| {s.size / max(1e-9, s.seconds) / 1e6:.2f} |"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="document folders (default: all)")
    parser.add_argument("--subset", action="store_true", help=f"only {', '.join(SUBSET)} (what CI runs)")
    parser.add_argument("--seeds", type=int, default=3, help="generated renderings per document and style")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per file, with what differs")
    args = parser.parse_args(argv)
    names = list(args.names) or (list(SUBSET) if args.subset else None)
    documents = load_documents(names)
    totals = run(documents, seeds=1 if args.subset and not args.seeds else args.seeds, verbose=args.verbose)
    print(table(totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
