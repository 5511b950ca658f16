"""Quotation fidelity: does a text quote a source document faithfully?

A news article, a report or a brief quotes passages of an official text, with
its own sentences in between, items repeated, ``[…]`` elisions, passages out
of order or joined, and now and then a line in another language.
:func:`check_quotes` reads both and classes every clause of the article:

* ``verbatim``: its text is in the source as it is (typography folded: curly
  and straight quotes, dashes, white space; the punctuation at its two ends
  and the case of its first letter aside, as quoting conventions allow),
  within one source clause or across several, or joined from passages found
  in different places;
* ``elided``: the parts on each side of ``[…]``, ``[...]``, ``…`` or
  ``(...)`` are each in the source verbatim, in that order;
* ``altered``: it matches a source passage closely (at least
  :attr:`Options.reworded_threshold` of its words in order) but not exactly:
  its word edits say how, and whether the change is cosmetic or substantive
  (:mod:`conceptdiff.significance`, as for comparisons);
* ``paraphrase``: not a quotation, but most of its content words (words of
  four letters or more) come from one source clause;
* ``not_in_source``: none of the above (the writer's own sentences, and
  sentences attributed to the source that it does not hold);
* ``other_language``: written in another language than the article (its
  ``language:xx`` flag, which needs the ``lang`` extra); never matched.

A clause of the writer's own words that holds a quotation in quotation marks
("the concept “reflects a new approach”") is judged by its quotation when
the whole clause is no quote.

Candidates are found through an index of the source's word trigrams (and,
for paraphrases, of its content words), never by comparing every article
clause with every source clause.

>>> import conceptdiff
>>> source = ["1. Each Party shall publish its report within thirty days.", "2. Reports are public."]
>>> article = [
...     "The agreement is short.",
...     "Each Party shall publish its report within thirty days.",
...     "Each Party may publish its report within thirty days.",
... ]
>>> check = conceptdiff.check_quotes(source, article)
>>> [(q.kind.value, q.source) for q in check.clauses]
[('not_in_source', ()), ('verbatim', (0,)), ('altered', (0,))]
>>> round(check.fidelity, 2)  # 17 of the 18 quoted words as in the source
0.94
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from rapidfuzz.distance import Indel

from conceptdiff._coerce import EditionLike, as_edition, warn_if_empty
from conceptdiff._text import WORD_RE
from conceptdiff._validators import options_or_default
from conceptdiff.errors import InvalidComparisonError
from conceptdiff.model import Clause, ClauseKind, Edition, EditOp, WordEdit, _ValueEnum
from conceptdiff.normalize import ELISION
from conceptdiff.options import Options
from conceptdiff.serialize import edition_from_dict, edition_to_dict
from conceptdiff.significance import Significance, assess_texts
from conceptdiff.worddiff import word_edits

__all__ = ["QuoteCheck", "QuoteKind", "QuotedClause", "check_quotes"]

#: The schema identifier written in every serialized quote check.
SCHEMA = "conceptdiff.quotes/1"


class QuoteKind(_ValueEnum):
    """How an article clause stands to the source (see the module docstring)."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    ELIDED = "elided"
    PARAPHRASE = "paraphrase"
    NOT_IN_SOURCE = "not_in_source"
    OTHER_LANGUAGE = "other_language"


#: The kinds that draw on the source (their words are "quoted words").
QUOTING = frozenset({QuoteKind.VERBATIM, QuoteKind.ALTERED, QuoteKind.ELIDED, QuoteKind.PARAPHRASE})


@attrs.frozen
class QuotedClause:
    """One article clause, and what it draws on in the source.

    Attributes:
        clause: the article clause's index.
        kind: how it stands to the source.
        source: the source clauses it draws on, in the order it quotes them
            (several when it spans or joins passages; empty when none).
        edits: word edits from the source passage to the article's text,
            for ``altered`` and ``elided`` clauses (an elision shows as the
            source words it leaves out, deleted); empty otherwise.
        similarity: how much of the quoted text matches its source passage,
            in order (1.0 for verbatim; 0.0 when nothing was found).
        significance: for ``altered`` and ``elided`` clauses, whether the
            difference is cosmetic or substantive; ``None`` otherwise.
        quoted_words: the words of the clause that quote the source (all of
            them, or those of its quotation marks when only they match).
        verbatim_words: of those, the words found in the source as they are.
    """

    clause: int
    kind: QuoteKind
    source: tuple[int, ...] = ()
    edits: tuple[WordEdit, ...] = ()
    similarity: float = 0.0
    significance: Significance | None = None
    quoted_words: int = 0
    verbatim_words: int = 0


@attrs.frozen
class QuoteCheck:
    """The result of :func:`check_quotes`.

    Attributes:
        source, article: the two editions as read.
        clauses: one :class:`QuotedClause` per article clause, in order.
        uncovered: the source clauses the article does not draw on, grouped
            by the section they sit in: ``((section headings, (clause
            indices)), ...)`` in source order.
        duplicates: groups of article clauses that quote the same passage
            (the same words) more than once.
    """

    source: Edition
    article: Edition
    clauses: tuple[QuotedClause, ...]
    uncovered: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]
    duplicates: tuple[tuple[int, ...], ...]
    options: Options

    @property
    def counts(self) -> Mapping[QuoteKind, int]:
        """How many article clauses of each kind (every kind present)."""
        tally = Counter(quoted.kind for quoted in self.clauses)
        return {kind: tally.get(kind, 0) for kind in QuoteKind}

    @property
    def fidelity(self) -> float:
        """The share of quoted words that are verbatim (1.0 when nothing is quoted)."""
        quoted = sum(q.quoted_words for q in self.clauses if q.kind in QUOTING)
        verbatim = sum(q.verbatim_words for q in self.clauses if q.kind in QUOTING)
        return verbatim / quoted if quoted else 1.0

    def __repr__(self) -> str:
        tally = ", ".join(f"{n} {kind}" for kind, n in self.counts.items() if n)
        return f"<QuoteCheck {len(self.article.clauses)} clauses: {tally or 'none'}; fidelity {self.fidelity:.1%}>"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (schema ``docs/schema/quotes.schema.json``)."""
        return {
            "schema": SCHEMA,
            "source": edition_to_dict(self.source),
            "article": edition_to_dict(self.article),
            "options": self.options.to_dict(),
            "fidelity": round(self.fidelity, 6),
            "counts": {kind.value: n for kind, n in self.counts.items()},
            "clauses": [
                {
                    "clause": q.clause,
                    "kind": q.kind.value,
                    "source": list(q.source),
                    "edits": [[edit.op.value, edit.text] for edit in q.edits],
                    "similarity": q.similarity,
                    "significance": None if q.significance is None else q.significance.value,
                    "quoted_words": q.quoted_words,
                    "verbatim_words": q.verbatim_words,
                }
                for q in self.clauses
            ],
            "uncovered": [{"section": list(section), "clauses": list(indices)} for section, indices in self.uncovered],
            "duplicates": [list(group) for group in self.duplicates],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuoteCheck:
        """Rebuild a check from :meth:`to_dict`; malformed input raises
        :class:`~conceptdiff.InvalidComparisonError`."""
        if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
            found = data.get("schema") if isinstance(data, Mapping) else type(data).__name__
            raise InvalidComparisonError(f"unsupported quotes schema {found!r} (expected {SCHEMA!r})", where="schema")
        try:
            clauses = tuple(
                QuotedClause(
                    clause=int(q["clause"]),
                    kind=QuoteKind(q["kind"]),
                    source=tuple(int(i) for i in q["source"]),
                    edits=tuple(WordEdit(EditOp(op), str(text)) for op, text in q["edits"]),
                    similarity=float(q["similarity"]),
                    significance=None if q["significance"] is None else Significance(q["significance"]),
                    quoted_words=int(q["quoted_words"]),
                    verbatim_words=int(q["verbatim_words"]),
                )
                for q in data["clauses"]
            )
            uncovered = tuple(
                (tuple(str(s) for s in u["section"]), tuple(int(i) for i in u["clauses"])) for u in data["uncovered"]
            )
            duplicates = tuple(tuple(int(i) for i in group) for group in data["duplicates"])
            options = Options.from_dict(dict(data["options"]))
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidComparisonError(f"malformed quote check: {error}", where="clauses") from None
        return cls(
            source=edition_from_dict(data["source"], "source"),
            article=edition_from_dict(data["article"], "article"),
            clauses=clauses,
            uncovered=uncovered,
            duplicates=duplicates,
            options=options,
        )


# -- the source's index -----------------------------------------------------------------

_N = 3  # word n-grams that find candidate passages
_MAX_HITS = 64  # an n-gram found more often than this (boilerplate) votes for no place
_MIN_CONTENT = 4  # letters in a content word (for paraphrases)
_MIN_COVERAGE = 0.7  # of a quotation's words found, in order, in its passage
_PARAPHRASE_SHARE = 0.6  # content words of a paraphrase found in one source clause
_PARAPHRASE_MIN = 6  # ... and at least this many of them (a heading is never a paraphrase)
_EDGE = " \t.,;:!?\"'()[]{}«»‹›-–—/*•·|"
_QUOTED_RE = re.compile(r'"([^"]{12,})"')  # a quotation in (folded) quotation marks, of a few words at least


class _Source:
    """The source's words, in reading order across clauses, and an n-gram index."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.words: list[str] = []  # case-folded
        self.clause_of: list[int] = []  # the clause of each word
        self.spans: list[tuple[int, int]] = []  # each word's characters in its clause's normalized text
        self.content: defaultdict[str, set[int]] = defaultdict(set)  # content word -> clauses
        for number, clause in enumerate(edition.clauses):
            for match in WORD_RE.finditer(clause.normalized):
                word = match.group().casefold()
                self.words.append(word)
                self.clause_of.append(number)
                self.spans.append(match.span())
                if len(word) >= _MIN_CONTENT and word.isalpha():
                    self.content[word].add(number)
        self.grams: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        for start in range(len(self.words) - _N + 1):
            self.grams[tuple(self.words[start : start + _N])].append(start)

    def text(self, start: int, end: int) -> str:
        """The normalized source text of words ``start``..``end`` (exclusive), clauses joined by a space."""
        pieces = []
        at = start
        while at < end:
            clause = self.clause_of[at]
            last = at
            while last + 1 < end and self.clause_of[last + 1] == clause:
                last += 1
            normalized = self.edition.clauses[clause].normalized
            # A clause the passage runs into or out of is taken from or to its
            # edge, punctuation included ("... Middle East; increasing ...").
            begin = self.spans[at][0] if at == start else 0
            finish = self.spans[last][1] if last == end - 1 else len(normalized)
            while begin > 0 and not normalized[begin - 1].isspace():  # "(LiLiQ-R+)": what clings to the words
                begin -= 1
            while finish < len(normalized) and not normalized[finish].isspace():
                finish += 1
            pieces.append(normalized[begin:finish])
            at = last + 1
        return " ".join(pieces)

    def whole(self, start: int, end: int) -> bool:
        """Whether words ``start``..``end`` begin and end a clause each."""
        first = start == 0 or self.clause_of[start - 1] != self.clause_of[start]
        last = end == len(self.words) or self.clause_of[end] != self.clause_of[end - 1]
        return first and last

    def clauses(self, start: int, end: int) -> tuple[int, ...]:
        return tuple(dict.fromkeys(self.clause_of[start:end]))


@attrs.frozen
class _Match:
    """A part of an article clause and the source words it matches."""

    start: int  # in the source's words
    end: int
    similarity: float
    exact: bool  # the same text, typography folded, ends' punctuation aside
    words: int  # the part's words
    whole: bool = False  # the passage is whole clauses


def _strip(text: str) -> str:
    return text.strip(_EDGE)


def _same(passage: str, part: str) -> bool:
    """The quotation's text is the passage's: typography folded (both are
    normalized), the punctuation at the two ends aside, and the case of the
    first letter too (a quotation starts its own sentence or runs on in the
    writer's: "[d]isputes go to ...")."""
    a, b = _strip(passage), _strip(part)
    return a[:1].casefold() == b[:1].casefold() and a[1:] == b[1:]


@attrs.frozen
class _Block:
    """Words ``src_start:src_end`` of a query equal to ``dest_start:dest_end`` of a source window."""

    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def _trimmed(blocks: Sequence[Any]) -> list[_Block]:
    """Matched blocks without the stray words at either end: a block of one
    or two words set apart from the rest by a longer gap in the source than
    in the query (a "the" of the clause before, an "of this Licence" after)
    is no part of the passage."""
    kept = [_Block(b.src_start, b.src_end, b.dest_start, b.dest_end) for b in blocks]

    def stray(block: _Block, neighbour: _Block, before: bool) -> bool:
        if block.src_end - block.src_start > 2:
            return False
        if before:
            return neighbour.dest_start - block.dest_end > neighbour.src_start - block.src_end
        return block.dest_start - neighbour.dest_end > block.src_start - neighbour.src_end

    while len(kept) > 1 and stray(kept[0], kept[1], before=True):
        kept.pop(0)
    while len(kept) > 1 and stray(kept[-1], kept[-2], before=False):
        kept.pop()
    return kept


def _rank(match: _Match, after: int | None) -> tuple[bool, float, bool, bool, int]:
    """Exact first, then more similar, then after the part before (for the
    later parts of an elided quotation), then whole clauses (a heading quoted
    is the heading, not the same words inside a sentence), then earlier."""
    return (match.exact, match.similarity, after is None or match.start >= after, match.whole, -match.start)


def _find(source: _Source, part: str, threshold: float, after: int | None = None) -> _Match | None:
    """The source passage that ``part`` (normalized text) quotes best, or
    ``None``; among equally good ones, the first after word ``after``."""
    query = [w.casefold() for w in WORD_RE.findall(part)]
    if not query or not source.words:
        return None
    n = min(_N, len(query))
    votes: Counter[int] = Counter()
    if n == _N:
        for i in range(len(query) - n + 1):
            hits = source.grams.get(tuple(query[i : i + n]), ())
            if len(hits) <= _MAX_HITS:
                votes.update(p - i for p in hits)
    else:  # one or two words: their places, as they are
        for p in range(len(source.words) - n + 1):
            if source.words[p : p + n] == query:
                votes[p] += 1
                if len(votes) > _MAX_HITS:
                    break
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    # The same words where the votes say: the quotation as it is, if its text is too.
    same = [
        _Match(o, o + len(query), 1.0, True, len(query), source.whole(o, o + len(query)))
        for o, _ in ranked[:_MAX_HITS]
        if source.words[o : o + len(query)] == query and _same(source.text(o, o + len(query)), part)
    ]
    if same:
        return max(same, key=lambda match: _rank(match, after))
    offsets = [offset for offset, _ in ranked[:4]]
    if after is not None:  # a later part of an elided quotation: its places after the part before, too
        offsets += [offset for offset, _ in ranked if offset >= after][:4]
    best: _Match | None = None
    for offset in dict.fromkeys(offsets):
        slack = max(5, len(query) // 2)
        low, high = max(0, offset - slack), min(len(source.words), offset + len(query) + slack)
        window = source.words[low:high]
        if window[offset - low : offset - low + len(query)] == query:  # the words as they are, where the votes say
            blocks = [_Block(0, len(query), offset - low, offset - low + len(query))]
        else:
            blocks = _trimmed([b for b in Indel.opcodes(query, window) if b.tag == "equal"])
        if not blocks:
            continue
        start, end = low + blocks[0].dest_start, low + blocks[-1].dest_end
        matched = sum(b.src_end - b.src_start for b in blocks)
        if matched < _MIN_COVERAGE * len(query):
            continue  # a few shared words (a title quoted in a sentence of its own) make no quotation
        similarity = 2 * matched / (len(query) + (end - start))
        exact = _same(source.text(start, end), part)
        candidate = _Match(
            start, end, 1.0 if exact else round(similarity, 6), exact, len(query), source.whole(start, end)
        )
        if best is None or _rank(candidate, after) > _rank(best, after):
            best = candidate
    if best is None or best.similarity < threshold:
        return None
    return best


_SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+(?=[\"(\[]?[A-Z0-9])")


def _parts(text: str) -> list[str]:
    """The parts of a normalized text cut at its elision markers."""
    return [part for part in (_strip(p) for p in text.split(ELISION)) if WORD_RE.search(part)]


def _match_parts(source: _Source, parts: Sequence[str], threshold: float) -> list[_Match] | None:
    """Each part's passage; a part that matches as a whole no better than its
    sentences do is matched sentence by sentence (joined passages)."""
    found: list[_Match] = []
    for part in parts:
        whole = _find(source, part, threshold, found[-1].end if found else None)
        sentences = [s for s in _SENTENCE_RE.split(part) if WORD_RE.search(s)]
        if len(sentences) > 1 and (whole is None or not whole.exact):
            pieces = [_find(source, sentence, threshold) for sentence in sentences]
            if all(p is not None for p in pieces) and (whole is None or all(p.exact for p in pieces if p)):
                found.extend(p for p in pieces if p is not None)
                continue
        if whole is None:
            return None
        found.append(whole)
    return found


def _judge(source: _Source, text: str, options: Options) -> tuple[QuoteKind, list[_Match]] | None:
    """The kind of quotation ``text`` (normalized) is, and its passages;
    ``None`` when it quotes nothing."""
    elided = ELISION in text
    parts = _parts(text)
    matches = _match_parts(source, parts, options.reworded_threshold) if parts else None
    if not matches:
        return None
    in_order = all(a.end <= b.start for a, b in itertools.pairwise(matches))
    if not all(m.exact for m in matches):
        kind = QuoteKind.ALTERED
    elif elided:  # every part as in the source: elided if in the source's order
        kind = QuoteKind.ELIDED if in_order else QuoteKind.ALTERED
    else:  # joined passages, in any order, each as in the source
        kind = QuoteKind.VERBATIM
    return kind, matches


def _paraphrase(source: _Source, text: str) -> tuple[int, float] | None:
    """The source clause most of ``text``'s content words come from, and the share."""
    content = {w.casefold() for w in WORD_RE.findall(text) if len(w) >= _MIN_CONTENT and w.isalpha()}
    if len(content) < _PARAPHRASE_MIN:
        return None
    tally: Counter[int] = Counter()
    for word in content:
        clauses = source.content.get(word)
        if clauses and len(clauses) <= _MAX_HITS:
            tally.update(clauses)
    if not tally:
        return None
    clause, shared = min(tally.items(), key=lambda item: (-item[1], item[0]))
    share = shared / len(content)
    if shared >= _PARAPHRASE_MIN and share >= _PARAPHRASE_SHARE:
        return clause, round(share, 6)
    return None


def _count_words(text: str) -> int:
    return sum(1 for w in WORD_RE.findall(text) if w != ELISION)


def _edits(source: _Source, matches: Sequence[_Match], text: str, options: Options) -> tuple[WordEdit, ...]:
    """Word edits from the passages (joined in the order quoted) to the article's words (markers off)."""
    if all(a.end <= b.start for a, b in itertools.pairwise(matches)):
        passage = source.text(matches[0].start, matches[-1].end)  # the words an elision leaves out, shown deleted
    else:
        passage = " ".join(source.text(m.start, m.end) for m in matches)
    quoted = " ".join(_parts(text))
    return word_edits(_strip(passage), quoted, budget=options.word_diff_budget)


def _verbatim_words(edits: Sequence[WordEdit]) -> int:
    return sum(_count_words(edit.text) for edit in edits if edit.op is EditOp.EQUAL)


def _classify(number: int, clause: Clause, source: _Source, options: Options) -> QuotedClause:
    text, flags = clause.normalized, clause.flags
    if any(flag.startswith("language:") for flag in flags):
        return QuotedClause(number, QuoteKind.OTHER_LANGUAGE)
    whole = _judge(source, text, options)
    quoted_text = text
    if whole is None:
        # The writer's own sentence around a quotation: judge the quotation.
        quotations = [m.group(1) for m in _QUOTED_RE.finditer(text)]
        judged = [_judge(source, q, options) for q in quotations]
        if quotations and all(j is not None for j in judged):
            matches = [m for j in judged if j is not None for m in j[1]]
            kinds = {j[0] for j in judged if j is not None}
            kind = QuoteKind.ALTERED if QuoteKind.ALTERED in kinds else min(kinds, key=lambda k: k.value)
            whole = (kind, matches)
            quoted_text = f" {ELISION} ".join(quotations)
    if whole is None:
        found = None if clause.kind is ClauseKind.HEADING else _paraphrase(source, text)
        if found is None:
            return QuotedClause(number, QuoteKind.NOT_IN_SOURCE)
        origin, share = found
        return QuotedClause(number, QuoteKind.PARAPHRASE, (origin,), similarity=share, quoted_words=_count_words(text))
    kind, matches = whole
    drawn = tuple(dict.fromkeys(c for m in matches for c in source.clauses(m.start, m.end)))
    words = _count_words(quoted_text)
    similarity = round(sum(m.similarity * m.words for m in matches) / max(1, sum(m.words for m in matches)), 6)
    if kind is QuoteKind.VERBATIM:
        return QuotedClause(number, kind, drawn, (), 1.0, None, words, words)
    edits = _edits(source, matches, quoted_text, options)
    # What the quotation changes or leaves out, as for a comparison: an elision
    # that drops a "not" is substantive.
    old_side = "".join(e.text for e in edits if e.op is not EditOp.INSERT)
    new_side = "".join(e.text for e in edits if e.op is not EditOp.DELETE)
    significance = assess_texts(old_side, new_side).significance
    verbatim = words if kind is QuoteKind.ELIDED else min(words, _verbatim_words(edits))
    return QuotedClause(number, kind, drawn, edits, similarity, significance, words, verbatim)


def _duplicates(article: Edition, clauses: Sequence[QuotedClause]) -> tuple[tuple[int, ...], ...]:
    groups: dict[str, list[int]] = {}
    for quoted in clauses:
        if quoted.kind in QUOTING:
            key = " ".join(w.casefold() for w in WORD_RE.findall(article.clauses[quoted.clause].normalized))
            groups.setdefault(key, []).append(quoted.clause)
    return tuple(tuple(group) for group in groups.values() if len(group) > 1)


def _uncovered(source: Edition, drawn: Iterable[int]) -> tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]:
    used = set(drawn)
    groups: dict[tuple[str, ...], list[int]] = {}
    for number, clause in enumerate(source.clauses):
        if number not in used:
            groups.setdefault(clause.section, []).append(number)
    return tuple((section, tuple(indices)) for section, indices in groups.items())


def check_quotes(source: EditionLike, article: EditionLike, *, options: Options | None = None) -> QuoteCheck:
    """Class every clause of ``article`` by how it quotes ``source`` (see the
    module docstring).  Both are anything :func:`conceptdiff.compare`
    accepts; an article given as text or a file keeps its repeated clauses
    (``drop_duplicates`` off), so that quoting a passage twice is seen.
    """
    options = options_or_default(options, Options)
    source_edition = as_edition(source, side="source", options=options)
    article_edition = as_edition(article, side="article", options=attrs.evolve(options, drop_duplicates=False))
    warn_if_empty(source_edition, "source")
    warn_if_empty(article_edition, "article")
    index = _Source(source_edition)
    clauses = tuple(_classify(number, clause, index, options) for number, clause in enumerate(article_edition.clauses))
    return QuoteCheck(
        source=source_edition,
        article=article_edition,
        clauses=clauses,
        uncovered=_uncovered(source_edition, (c for q in clauses for c in q.source)),
        duplicates=_duplicates(article_edition, clauses),
        options=options,
    )
