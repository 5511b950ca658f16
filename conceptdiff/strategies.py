"""Hypothesis strategies for editions and for edited pairs with a known answer.

* :func:`clause_texts`: one clause (heading, numbered item, bullet or paragraph).
* :func:`clause_lists`: an edition's clauses, a tuple of unique clause strings.
* :func:`editions`: the same as a :class:`conceptdiff.Edition`, one clause per string.
* :func:`edited_pairs`: an :class:`EditedPair`, an old and a new
  :class:`~conceptdiff.Edition` with the true list of changes between them.
* :func:`edition_series`: an :class:`EditionSeries`, several editions in
  order, each edited from the one before, with the true changes of each step
  (for :func:`conceptdiff.history`).
* :func:`quoted_articles`: a :class:`QuotedArticle`, a source edition and an
  article that quotes it (verbatim, altered, elided), adds sentences of its
  own and a line in another language, with the true kind of each clause (for
  :func:`conceptdiff.check_quotes`).

The strategies drive a private generator (``conceptdiff._generate``) with
``draw``, so failing examples shrink towards the first candidate of every
choice, fewer edits and shorter editions.  The same generator is public here
with a seeded driver, for benchmarks and fixed examples:
:func:`generate_edition`, :func:`generate_pair` and :class:`RandomChooser`
(deterministic on every machine).  The true answer follows the semantics of
:class:`conceptdiff.ChangeKind` under the default :class:`conceptdiff.Options`,
whose thresholds the generator reads, and leaves out every edit whose answer
could be read two ways (``docs/testing.md``), so
``conceptdiff.compare(pair.old, pair.new)`` gives exactly the changes of
``pair.changes`` (a removed and an added clause side by side may be listed in
either order).

>>> import conceptdiff
>>> pair = generate_pair(RandomChooser(2), generate_edition(RandomChooser(1), min_size=30, max_size=30), mix="heavy")
>>> result = conceptdiff.compare(pair.old, pair.new)
>>> {(c.kind, c.old, c.new) for c in result.changes} == {(c.kind, c.old, c.new) for c in pair.changes}
True
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from conceptdiff._generate import (
    Chooser,
    EditedPair,
    ExpectedChange,
    Mix,
    PairEdit,
    RandomChooser,
    RewordStrength,
    generate_edition,
    generate_pair,
    synth_clause,
)
from conceptdiff._generate.builder import MixBuilder, as_ops
from conceptdiff._generate.choosers import ChooserBase
from conceptdiff.model import Clause, Edition
from conceptdiff.normalize import words
from conceptdiff.segment import clause_from_string

__all__ = [
    "Chooser",
    "EditedPair",
    "EditionSeries",
    "ExpectedChange",
    "Mix",
    "PairEdit",
    "QuotedArticle",
    "RandomChooser",
    "RewordStrength",
    "clause_lists",
    "clause_texts",
    "edited_pairs",
    "edition_series",
    "editions",
    "generate_edition",
    "generate_pair",
    "quoted_articles",
]

_T = TypeVar("_T")


class _DrawChooser(ChooserBase):
    """A :class:`Chooser` backed by a Hypothesis ``draw``.

    Everything is drawn as a bounded integer, which Hypothesis shrinks towards
    ``lo``: the first candidate of a choice, ``False`` for a boolean.
    """

    __slots__ = ("_draw",)

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, lo: int, hi: int) -> int:
        self._check_range(lo, hi)
        if lo == hi:
            return lo
        return self._draw(st.integers(lo, hi))

    def boolean(self, p: float = 0.5) -> bool:
        if p <= 0.0:
            return False
        if p >= 1.0:
            return True
        # Shrinks towards 0, i.e. towards False.
        return self.integer(0, 999) >= 1000 - round(p * 1000)


def clause_texts(*, pool: Sequence[str] | None = None) -> st.SearchStrategy[str]:
    """Strategy for one clause: heading, numbered item, bullet or paragraph.

    With ``pool``, draws one of the given clauses instead.

    >>> from hypothesis import given
    >>> @given(clause_texts())
    ... def check(text: str) -> None:
    ...     assert text.strip() == text and text
    >>> check()
    """
    if pool is not None:
        pool = tuple(pool)
        if not pool:
            raise ValueError("pool is empty")
        return st.sampled_from(pool)

    @st.composite
    def _clauses(draw: st.DrawFn) -> str:
        return synth_clause(_DrawChooser(draw))

    return _clauses()


def _check_sizes(min_size: int, max_size: int) -> None:
    if min_size < 0 or max_size < min_size:
        raise ValueError(f"need 0 <= min_size <= max_size, got {min_size!r} and {max_size!r}")


def clause_lists(
    *, min_size: int = 1, max_size: int = 30, pool: Sequence[str] | None = None
) -> st.SearchStrategy[tuple[str, ...]]:
    """Strategy for an edition's clauses: a tuple of unique clause strings.

    See :func:`generate_edition` for the shape; ``pool`` draws a run of
    consecutive pool entries instead.  :func:`editions` gives the same
    clauses as an :class:`~conceptdiff.Edition`.

    >>> from hypothesis import given
    >>> @given(clause_lists(min_size=2, max_size=5))
    ... def check(clauses: tuple[str, ...]) -> None:
    ...     assert 2 <= len(clauses) <= 5 and all(isinstance(c, str) for c in clauses)
    >>> check()
    """
    _check_sizes(min_size, max_size)

    @st.composite
    def _clause_lists(draw: st.DrawFn) -> tuple[str, ...]:
        return generate_edition(_DrawChooser(draw), min_size=min_size, max_size=max_size, pool=pool)

    return _clause_lists()


def editions(*, min_size: int = 1, max_size: int = 30, pool: Sequence[str] | None = None) -> st.SearchStrategy[Edition]:
    """Strategy for an :class:`~conceptdiff.Edition` of unique clauses.

    The clauses of :func:`clause_lists` (same parameters), one clause per
    string, built with :meth:`Edition.from_clauses`.

    >>> from hypothesis import given
    >>> from conceptdiff import Edition
    >>> @given(editions(min_size=2, max_size=5))
    ... def check(edition: Edition) -> None:
    ...     assert isinstance(edition, Edition) and 2 <= len(edition.clauses) <= 5
    >>> check()
    """
    return clause_lists(min_size=min_size, max_size=max_size, pool=pool).map(Edition.from_clauses)


def _clause_strings(base: object) -> tuple[str, ...]:
    if isinstance(base, (Edition, str)) or not isinstance(base, Sequence):
        raise TypeError(
            f"edited_pairs(base=...) takes clause strings (a sequence of str, or clause_lists()), "
            f"not {type(base).__name__}"
        )
    return tuple(base)


def _base_strategy(
    base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None, *, min_size: int, max_size: int
) -> st.SearchStrategy[Sequence[str]]:
    """The first edition's clauses: ``base`` as a strategy, a fixed sequence of
    strings, or by default ``clause_lists(min_size=..., max_size=...)``."""
    if base is None:
        return clause_lists(min_size=min_size, max_size=max_size)
    if isinstance(base, st.SearchStrategy):
        return base
    return st.just(_clause_strings(base))


def edited_pairs(
    *,
    base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None = None,
    mix: Mix | str = Mix.MEDIUM,
    ops: Collection[PairEdit | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> st.SearchStrategy[EditedPair]:
    """Strategy for :class:`EditedPair`: an old edition, an edited new one, the answer.

    ``base`` is the old edition's clauses, one string each: a strategy
    (default ``clause_lists(min_size=2, max_size=40)``) or a fixed sequence
    of strings.
    ``mix``, ``ops`` and ``insert_pool`` are as for :func:`generate_pair`.
    Shrinking goes towards fewer, simpler edits on shorter editions.

    >>> import conceptdiff
    >>> from hypothesis import given
    >>> @given(edited_pairs(mix="heavy"))
    ... def check(pair: EditedPair) -> None:
    ...     result = conceptdiff.compare(pair.old, pair.new)
    ...     assert {(c.kind, c.old, c.new) for c in result.changes} == {(c.kind, c.old, c.new) for c in pair.changes}
    >>> check()
    """
    chosen_mix = Mix(mix)
    chosen_ops = as_ops(ops)
    base_strategy = _base_strategy(base, min_size=2, max_size=40)

    @st.composite
    def _pairs(draw: st.DrawFn) -> EditedPair:
        return MixBuilder(_DrawChooser(draw), _clause_strings(draw(base_strategy)), chosen_mix, insert_pool).build(
            chosen_ops
        )

    return _pairs()


_STEP_ATTEMPTS = 6


def _distinct(clauses: Sequence[Clause]) -> bool:
    keys = [(clause.label, clause.normalized) for clause in clauses]
    return len(set(keys)) == len(keys)


@attrs.frozen
class EditionSeries:
    """Editions in order, each edited from the one before, and the true
    changes of each step: ``steps[k]`` are the changes from ``editions[k]``
    to ``editions[k + 1]`` (as :attr:`EditedPair.changes`)."""

    texts: tuple[tuple[str, ...], ...]
    steps: tuple[tuple[ExpectedChange, ...], ...]

    @property
    def editions(self) -> tuple[Edition, ...]:
        """The editions, one clause per string, labelled ``edition 1`` ..."""
        return tuple(Edition.from_clauses(texts, label=f"edition {k + 1}") for k, texts in enumerate(self.texts))


def edition_series(
    *,
    min_editions: int = 2,
    max_editions: int = 4,
    base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None = None,
    mix: Mix | str = Mix.MEDIUM,
    ops: Collection[PairEdit | str] | None = None,
) -> st.SearchStrategy[EditionSeries]:
    """Strategy for :class:`EditionSeries`: a first edition (``base``, as for
    :func:`edited_pairs`), then ``min_editions - 1`` to ``max_editions - 1``
    editions, each an :func:`edited_pairs` edit of the one before.  Every
    edition but the last has distinct clauses (a step that repeats a clause
    is drawn again; in the rare case it keeps doing so the series ends there,
    shorter than ``min_editions``), so each step's answer is exact.

    >>> import conceptdiff
    >>> from hypothesis import given
    >>> @given(edition_series(max_editions=3))
    ... def check(series: EditionSeries) -> None:
    ...     h = conceptdiff.history(series.editions)
    ...     for comparison, truth in zip(h.comparisons, series.steps):
    ...         assert {(c.kind, c.old, c.new) for c in comparison.changes} == {(c.kind, c.old, c.new) for c in truth}
    >>> check()
    """
    if isinstance(min_editions, bool) or not isinstance(min_editions, int) or min_editions < 1:
        raise ValueError(f"min_editions must be a whole number >= 1, not {min_editions!r}")
    if isinstance(max_editions, bool) or not isinstance(max_editions, int) or max_editions < min_editions:
        raise ValueError(f"max_editions must be a whole number >= min_editions, not {max_editions!r}")
    chosen_mix = Mix(mix)
    chosen_ops = as_ops(ops)
    base_strategy = _base_strategy(base, min_size=2, max_size=30)

    @st.composite
    def _series(draw: st.DrawFn) -> EditionSeries:
        texts = [_clause_strings(draw(base_strategy))]
        steps = []
        for _ in range(draw(st.integers(min_editions, max_editions), label="editions") - 1):
            # An edit may insert a copy of a clause: right for one pair, but the
            # next step's answer would then be ambiguous.  Such a step is drawn
            # again (a few times; then the series ends there).
            for _attempt in range(_STEP_ATTEMPTS):
                pair = MixBuilder(_DrawChooser(draw), texts[-1], chosen_mix, None).build(chosen_ops)
                if _distinct(pair.new.clauses):
                    break
            else:
                break
            texts.append(pair.new_texts)
            steps.append(pair.changes)
        return EditionSeries(tuple(texts), tuple(steps))

    return _series()


# -- quoted articles ---------------------------------------------------------------------

#: A writer's own sentences: news prose whose words the generated policy texts never use.
_WRITER_SENTENCES = (
    "The minister spoke to reporters outside the building on Tuesday afternoon.",
    "Critics were quick to point out what the new text leaves unsaid.",
    "Officials declined to comment when asked about the timing of the announcement.",
    "Analysts in several capitals have been reading the document closely this week.",
    "It is the first overhaul of its kind in almost seven years.",
    "Our correspondent followed the debate from the press gallery.",
)
#: Lines in other languages than the English of the generated texts.
_FOREIGN_LINES = (
    "Lisensi ini mengharuskan setiap pengguna untuk menyertakan salinan pemberitahuan hak cipta.",
    "Die Regierung hat am Montag einen neuen Bericht über die Lage im ganzen Land veröffentlicht.",
    "El gobierno publicó el lunes un nuevo informe sobre la situación económica del país.",
    "Le gouvernement a publié lundi un nouveau rapport sur la situation économique du pays.",
)
#: Words an altered quotation puts in place of one of the source's.
_SUBSTITUTES = ("seldom", "never", "always", "partly", "quietly")
_MIN_QUOTED_WORDS = 8  # a source clause is quoted when it has at least this many words
_MIN_ELIDED_WORDS = 12  # ... and elided when it has at least this many


@attrs.frozen
class QuotedArticle:
    """A source, an article that quotes it, and the true answer.

    ``article_text`` holds one paragraph per item; ``kinds[i]`` is the
    :class:`conceptdiff.QuoteKind` value of paragraph ``i`` and
    ``origins[i]`` the source clauses it draws on (empty for the article's
    own sentences and its line in another language).
    """

    source_texts: tuple[str, ...]
    article_text: str
    kinds: tuple[str, ...]
    origins: tuple[tuple[int, ...], ...]

    @property
    def source(self) -> Edition:
        """The source, one clause per string."""
        return Edition.from_clauses(self.source_texts, label="source")


def _inside(needle: Sequence[str], haystack: Sequence[str]) -> bool:
    size = len(needle)
    return any(haystack[k : k + size] == list(needle) for k in range(len(haystack) - size + 1))


def quoted_articles(
    *, base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None = None, max_items: int = 8
) -> st.SearchStrategy[QuotedArticle]:
    """Strategy for :class:`QuotedArticle`: a source (``base``, as for
    :func:`edited_pairs`; default ``clause_lists(min_size=4, max_size=30)``)
    and an article of 1 to ``max_items`` paragraphs, each one of:

    * a **verbatim** quotation of a source clause of eight words or more
      (label off), any clause, in any order, perhaps twice;
    * an **altered** one: one word of four letters or more replaced;
    * an **elided** one: of a clause of twelve words or more, the first and
      last words kept with ``[…]`` for at least two words between;
    * one of the writer's own sentences (**not_in_source**);
    * a sentence in Indonesian, German, Spanish or French
      (**other_language**; telling it needs the ``lang`` extra): at most one,
      and only among three English paragraphs or more (else the article's
      own language could not be told).

    An altered quotation that happens to be in the source as it is (another
    clause holds the new wording) is drawn as the writer's own sentence.

    >>> import conceptdiff
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)  # the first example loads the language model
    ... @given(quoted_articles())
    ... def check(article: QuotedArticle) -> None:
    ...     result = conceptdiff.check_quotes(article.source, article.article_text)
    ...     assert [q.kind.value for q in result.clauses] == list(article.kinds)
    >>> check()
    """
    if isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 1:
        raise ValueError(f"max_items must be a whole number >= 1, not {max_items!r}")
    base_strategy = _base_strategy(base, min_size=4, max_size=30)

    @st.composite
    def _articles(draw: st.DrawFn) -> QuotedArticle:
        texts = _clause_strings(draw(base_strategy))
        bodies = [clause_from_string(text) for text in texts]
        source_words = [w for clause in bodies for w in words(clause.text)]
        quotable = [k for k, c in enumerate(bodies) if c.kind.value != "heading" and len(c.text.split()) >= 8]
        elidable = [k for k in quotable if len(bodies[k].text.split()) >= _MIN_ELIDED_WORDS]
        choices = ["not_in_source", "other_language"]
        choices += ["verbatim", "altered"] if quotable else []
        choices += ["elided"] if elidable else []
        paragraphs: list[str] = []
        kinds: list[str] = []
        origins: list[tuple[int, ...]] = []
        for _ in range(draw(st.integers(1, max_items), label="items")):
            kind = draw(st.sampled_from(choices), label="kind")
            if kind == "other_language":
                paragraphs.append(draw(st.sampled_from(_FOREIGN_LINES)))
                kinds.append(kind)
                origins.append(())
                continue
            if kind in ("verbatim", "altered", "elided"):
                k = draw(st.sampled_from(elidable if kind == "elided" else quotable), label="clause")
                tokens = bodies[k].text.split()
                if kind == "verbatim":
                    text = " ".join(tokens)
                elif kind == "elided":
                    head = draw(st.integers(4, len(tokens) - 6), label="head")
                    tail = draw(st.integers(head + 2, len(tokens) - 4), label="tail")
                    text = f"{' '.join(tokens[:head])} […] {' '.join(tokens[tail:])}"
                else:
                    long_words = [i for i, token in enumerate(tokens) if sum(ch.isalpha() for ch in token) >= 4]
                    i = draw(st.sampled_from(long_words), label="word")
                    core = "".join(ch for ch in tokens[i] if ch.isalpha())
                    new = draw(st.sampled_from([w for w in _SUBSTITUTES if w != core.casefold()]), label="substitute")
                    tokens = [*tokens[:i], tokens[i].replace(core, new), *tokens[i + 1 :]]
                    text = " ".join(tokens)
                    if _inside(words(text), source_words):
                        kind = "not_in_source"  # the new wording is in the source: no alteration to find
                if kind != "not_in_source":
                    paragraphs.append(text)
                    kinds.append(kind)
                    origins.append((k,))
                    continue
            paragraphs.append(draw(st.sampled_from(_WRITER_SENTENCES), label="own sentence"))
            kinds.append("not_in_source")
            origins.append(())
        # A line is in another language only beside enough of the article's own
        # (English) text to tell which language that is: one such line, among
        # three English paragraphs or more; any other becomes the writer's sentence.
        english = sum(kind != "other_language" for kind in kinds)
        for n, kind in enumerate(kinds):
            if kind == "other_language" and (english < 3 or "other_language" in kinds[:n]):
                paragraphs[n] = _WRITER_SENTENCES[n % len(_WRITER_SENTENCES)]
                kinds[n] = "not_in_source"
        return QuotedArticle(tuple(texts), "\n\n".join(paragraphs) + "\n", tuple(kinds), tuple(origins))

    return _articles()
