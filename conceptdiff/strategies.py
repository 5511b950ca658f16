"""Generated edition pairs with a known answer, for tests and benchmarks.

One generator core builds an old edition (a tuple of clause strings), applies
a set of non-overlapping edits to it, and records the exact answer that
:func:`conceptdiff.compare` should give, as :class:`ExpectedChange` records.
The core never calls a random number generator itself: every decision goes
through a :class:`Chooser`.  Two drivers exist:

* :class:`RandomChooser` wraps ``random.Random(seed)``.  It is deterministic
  on every machine and is what ``benchmarks/quality.py`` uses.
* The Hypothesis strategies below (:func:`clause_texts`, :func:`editions`,
  :func:`edited_pairs`) drive the same core with ``draw(st.integers(...))``,
  so failing examples shrink towards the first candidate of every choice,
  fewer edits and shorter editions.

The answer follows the semantics of :class:`conceptdiff.ChangeKind`, and
the generator leaves out every edit whose answer could be read two ways:

* every old clause index is in exactly one change's ``old`` and every new
  clause index in exactly one change's ``new``; no clause is touched by two
  edits;
* only clauses whose normalized text, and whose word sequence, is unique in
  the old edition are edited, because repeated clauses pair n-th copy with
  n-th copy;
* a reworded clause keeps at least 60 % of its words (word-level similarity
  ``2 * LCS / (len(a) + len(b))`` to its original stays >= 0.6, and beats its
  similarity to any other old clause by 0.15), so it is unambiguously "the
  same clause"; an inserted clause stays below 0.3 against every old clause;
* a duplicated clause's copy is inserted shortly AFTER it (the copy is the
  ADDED one), and no move starts, ends or passes between the two;
* moves carry a block of ``b`` clauses over at least ``3 * b`` matched
  units, with no two moves overlapping, and the MOVED set is computed as
  the engine does: the matched units (a split or merge group is one unit)
  that are not on the maximum increasing subsequence of new positions.
  The generator rejects any move for which that subsequence is not unique.

Same text, same words and similarity are the engine's own notions
(:mod:`conceptdiff.segment` and :mod:`conceptdiff.normalize`), so the answer
follows the documented normalization exactly.

The ``hard`` mix (:attr:`Mix.HARD`) drops those safety margins and generates
the cases near the thresholds instead, each still with one answer:

* "the same clause" means similarity >= 0.5 (``docs/alignment.md``):
  rewordings go down to 0.51; a clause replaced in place by a different
  clause on its topic stays below 0.45 to it and to every old clause
  (REMOVED + ADDED); two clauses the answer does not link stay below 0.45,
  unless one has a 1:1 partner that beats the pair by a margin (0.12 in
  place, 0.15 for a moved clause), so that best-first selection can only
  give the answer;
* a split's pieces (a merge's parts) each keep at least 60 % of their words
  in the whole and, joined, stay >= 0.7 similar to it; a piece rewritten to
  keep 42-55 % is no longer a piece (ADDED beside the split); verbatim
  excerpts that, joined, are 0.3-0.48 similar to a clause do not carry its
  text (REMOVED + ADDED);
* unless one of them has a 1:1 partner, no clause the answer leaves unlinked
  lies >= 60 % inside another (no split or merge can be read into them);
* two rivals are settled by the documented in-gap bonus (0.1), with 0.03 to
  spare on either side: a clause reworded in place beats a deleted copy of
  it in another gap that is up to 0.07 MORE similar, and a moved clause
  beats a deleted copy beside its new place that is 0.13 to 0.15 less
  similar (the clauses deciding the gaps are pinned: no move passes them);
* a deleted copy of a repeated clause is REMOVED by the documented rule
  (n-th copy with n-th copy within the gaps between unique anchors): every
  two copies have a pinned unique clause between them;
* short moves (a clause or two crossing 2 or 3 units) are allowed; the unique
  longest increasing run still decides which units are MOVED.

The hard mix plants clauses in the old edition (varied copies of clauses,
and a repeated boilerplate clause), so its :attr:`EditedPair.old` is
``base`` with clauses inserted.

Example:

>>> from conceptdiff.strategies import RandomChooser, generate_edition, generate_pair
>>> old = generate_edition(RandomChooser(1), min_size=30, max_size=30)
>>> pair = generate_pair(RandomChooser(2), old, mix="heavy")
>>> pair.old == old
True
>>> sorted(i for c in pair.changes for i in c.old) == list(range(len(pair.old)))
True
>>> sorted(i for c in pair.changes for i in c.new) == list(range(len(pair.new)))
True
"""

from __future__ import annotations

import enum
import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Final, Protocol, TypeVar

import attrs
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from conceptdiff import ChangeKind
from conceptdiff.normalize import words as normalize_words
from conceptdiff.segment import clause_from_string

__all__ = [
    "Chooser",
    "EditOp",
    "EditedPair",
    "ExpectedChange",
    "Mix",
    "RandomChooser",
    "RewordStrength",
    "clause_texts",
    "edited_pairs",
    "editions",
    "generate_edition",
    "generate_pair",
]

_T = TypeVar("_T")


# --------------------------------------------------------------------------
# Choosers: the only source of decisions for the generator core.
# --------------------------------------------------------------------------


class Chooser(Protocol):
    """Where the generator gets every decision from.

    Implementations must be deterministic functions of their own state, so
    that the same state gives the same edition pair.  ``integer`` is the
    primitive; the simplest answer of a chooser that shrinks (Hypothesis) is
    ``lo``, so the core lists candidates simplest first.

    >>> c = RandomChooser(0)
    >>> 1 <= c.integer(1, 6) <= 6
    True
    >>> c.choice("abc") in "abc"
    True
    >>> c.boolean(0.0), c.boolean(1.0)
    (False, True)
    """

    def integer(self, lo: int, hi: int) -> int:
        """Return an integer ``n`` with ``lo <= n <= hi``."""
        ...

    def choice(self, seq: Sequence[_T]) -> _T:
        """Return one item of the non-empty sequence ``seq``."""
        ...

    def boolean(self, p: float = 0.5) -> bool:
        """Return True with probability ``p`` (exactly False for 0, True for 1)."""
        ...


class RandomChooser:
    """A :class:`Chooser` backed by ``random.Random(seed)``.

    The same seed gives the same choices on every machine and Python run
    (integer seeds do not depend on hash randomization).

    >>> a, b = RandomChooser(42), RandomChooser(42)
    >>> [a.integer(0, 100) for _ in range(5)] == [b.integer(0, 100) for _ in range(5)]
    True
    """

    __slots__ = ("_rng",)

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        if lo > hi:
            raise ValueError(f"empty integer range: lo={lo!r} > hi={hi!r}")
        return self._rng.randint(lo, hi)

    def choice(self, seq: Sequence[_T]) -> _T:
        if not seq:
            raise ValueError("choice from an empty sequence")
        return seq[self.integer(0, len(seq) - 1)]

    def boolean(self, p: float = 0.5) -> bool:
        if p <= 0.0:
            return False
        if p >= 1.0:
            return True
        return self._rng.random() < p


class _DrawChooser:
    """A :class:`Chooser` backed by a Hypothesis ``draw``.

    Everything is drawn as a bounded integer, which Hypothesis shrinks towards
    ``lo``: the first candidate of a choice, ``False`` for a boolean.
    """

    __slots__ = ("_draw",)

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, lo: int, hi: int) -> int:
        if lo > hi:
            raise ValueError(f"empty integer range: lo={lo!r} > hi={hi!r}")
        if lo == hi:
            return lo
        return self._draw(st.integers(lo, hi))

    def choice(self, seq: Sequence[_T]) -> _T:
        if not seq:
            raise ValueError("choice from an empty sequence")
        return seq[self.integer(0, len(seq) - 1)]

    def boolean(self, p: float = 0.5) -> bool:
        if p <= 0.0:
            return False
        if p >= 1.0:
            return True
        # Shrinks towards 0, i.e. towards False.
        return self.integer(0, 999) >= 1000 - round(p * 1000)


# --------------------------------------------------------------------------
# Public vocabulary: ops, mixes, results.
# --------------------------------------------------------------------------


class EditOp(enum.Enum):
    """The edits :func:`generate_pair` can apply to an old edition.

    >>> EditOp("split") is EditOp.SPLIT
    True
    """

    DELETE = "delete"
    """Remove a clause (REMOVED)."""
    INSERT = "insert"
    """Insert a clause unlike any old clause (ADDED)."""
    REWORD = "reword"
    """Reword a clause in place at a light, medium or heavy strength (REWORDED)."""
    MOVE = "move"
    """Move one clause far away, sometimes also rewording it (MOVED)."""
    MOVE_BLOCK = "move_block"
    """Move a run of 2 to 4 clauses far away (each MOVED)."""
    MOVE_SECTION = "move_section"
    """Move a heading and its clauses far away (each MOVED)."""
    SPLIT = "split"
    """Split a clause into 2 or 3 consecutive clauses (SPLIT)."""
    MERGE = "merge"
    """Merge 2 or 3 consecutive clauses into one (MERGED)."""
    RENUMBER = "renumber"
    """Change the number labels of a run of numbered clauses (UNCHANGED)."""
    DUPLICATE = "duplicate"
    """Insert a copy of a clause shortly after it (the copy is ADDED)."""
    REPLACE = "replace"
    """Hard mix only: replace a clause in place by a different clause on the
    same topic, similarity 0.2 to 0.45 to it (REMOVED + ADDED)."""
    NEAR_DUPLICATE = "near_duplicate"
    """Hard mix only: near-duplicate clauses competing for one match (a clause
    and a lightly varied copy, one or both of them edited; or a reworded
    clause with a varied copy of its original inserted beside it)."""
    REPEAT = "repeat"
    """Hard mix only: a boilerplate clause repeated in the old edition, one
    copy deleted (REMOVED by the n-th-within-gaps rule) and a clause beside
    another copy edited."""


class Mix(enum.Enum):
    """How much of an edition :func:`generate_pair` edits, and how hard.

    Counting each removed, reworded, moved, split, merged or added clause,
    ``light`` edits about 8 % of the clauses of an edition, mostly with light
    rewordings; ``medium`` about 20 %; ``heavy`` about 40 %, with mostly heavy
    rewordings and several (block) moves.  These three leave out every edit
    whose answer is close to a threshold.

    ``hard`` (about 35 %) is made of the cases the other mixes avoid, each
    still with one answer under the documented rules: rewordings down to
    similarity 0.5, clauses replaced in place by a different clause on the
    same topic, near-duplicate clauses competing for one match, splits and
    merges of up to 4 clauses with reworded or very short pieces, reworded
    and short moves, edits beside repeated clauses, renumbering plus
    rewording.  Its old edition is ``base`` with near-duplicates and a
    repeated boilerplate clause planted in it (see :func:`generate_pair`).
    It is a benchmark of the aligner's thresholds: with its default options
    conceptdiff does not yet give every hard answer
    (``docs/benchmark-quality.md``), so a property test that expects the
    exact answer from ``compare`` should draw from the other mixes.

    >>> Mix("heavy") is Mix.HEAVY
    True
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    HARD = "hard"


class RewordStrength(enum.Enum):
    """How hard a rewording is.

    ``light`` changes one or two words; ``medium`` up to about 20 % of the words (similarity >= 0.7);
    ``heavy`` up to about 40 %, keeping word-level similarity >= 0.6; ``edge``
    (hard mix only) lands between 0.51 and 0.6, just above the definition's
    0.5.

    >>> RewordStrength("light").value
    'light'
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    EDGE = "edge"


def _as_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


@attrs.frozen
class ExpectedChange:
    """One change of the known answer: a kind and the clause indices it covers.

    ``old`` and ``new`` are increasing tuples of indices into
    :attr:`EditedPair.old` and :attr:`EditedPair.new`; their shape follows the
    kind (``ADDED`` has no old index, ``SPLIT`` one old and several new, ...).

    >>> from conceptdiff import ChangeKind
    >>> ExpectedChange(ChangeKind.SPLIT, [4], [5, 6])
    ExpectedChange(kind=<ChangeKind.SPLIT: 'split'>, old=(4,), new=(5, 6))
    """

    kind: ChangeKind
    old: tuple[int, ...] = attrs.field(converter=_as_tuple)
    new: tuple[int, ...] = attrs.field(converter=_as_tuple)


@attrs.frozen
class EditedPair:
    """Two editions and the exact answer comparing them should give.

    ``changes`` tile both editions: every index of ``old`` appears in exactly
    one change's ``old``, every index of ``new`` in exactly one change's
    ``new``.  They are listed in the order of the new edition, a removed
    clause after the change that precedes it.

    >>> pair = generate_pair(RandomChooser(3), ["Scope", "1. Alpha beta gamma delta."], mix="light",
    ...                      ops=[EditOp.RENUMBER])
    >>> pair.new[1] in ("1. Alpha beta gamma delta.", "2. Alpha beta gamma delta.", "3. Alpha beta gamma delta.")
    True
    >>> [(c.kind.value, c.old, c.new) for c in pair.changes]
    [('unchanged', (0,), (0,)), ('unchanged', (1,), (1,))]
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    changes: tuple[ExpectedChange, ...]

    def of_kind(self, kind: ChangeKind) -> tuple[ExpectedChange, ...]:
        """The changes of one kind, in order.

        >>> from conceptdiff import ChangeKind
        >>> pair = generate_pair(RandomChooser(0), ["Some words here today."], mix="light", ops=[])
        >>> len(pair.of_kind(ChangeKind.UNCHANGED))
        1
        """
        return tuple(c for c in self.changes if c.kind is kind)


# --------------------------------------------------------------------------
# Text helpers.  "Same text" and "same words" are the engine's own notions
# (conceptdiff.segment takes the label off, conceptdiff.normalize folds the
# rest), so the answer follows the documented normalization exactly instead
# of a second copy of it.  Similarity is the engine's measure too:
# 2 * LCS / (len(a) + len(b)) over case-folded words.
# --------------------------------------------------------------------------

# Where a clause's body starts, for edits that must leave the label alone.
# Broader than the engine's label rule on purpose: leaving a little more
# untouched costs nothing, editing a label would change the answer.
_ANY_LABEL: Final = re.compile(
    r"""^(?:
        \#{1,6}                              # Markdown heading
      | \d{1,3}(?:\.\d{1,3})*[.)]?           # 3  3.  3)  3.1  3.1.2.
      | \([A-Za-z0-9]{1,6}\)                 # (b) (iv) (12)
      | [A-Za-z0-9]{1,3}\)                   # b) 12)
      | (?:Article|ARTICLE|Art\.|Section|SECTION|Sec\.|Chapter|CHAPTER|Part|PART|Rule|Paragraph|\u00a7{1,2})
        \s?[0-9IVXLCDM]{1,7}[a-z]?(?:\.[0-9]{1,3}){0,4}\.?
      | [IVXLCDMivxlcdm]{1,6}[.)]             # IV.  iv)
      | [a-zA-Z][.)]                         # a.
      | [-*+\u2022\u25e6\u25aa\u25ab\u2023\u25cf\u25cb\u25a0\u25a1\u25c6\u25c7\u25ba\u25b6]  # bullets
      | [\u2013\u2014\u00b7\u2043\u2219\u27a2\u27a4\u2713\u2714]
    )\s+(?=\S)""",
    re.VERBOSE,
)

# Labels the RENUMBER op rewrites: only the forms the engine contract names.
_RENUMBERABLE: Final = re.compile(
    r"^(?:(?P<num>\d{1,3})\.|\((?P<letter>[a-y])\)|Article (?P<article>\d{1,3})|(?P<roman>[IVX]{1,6})\.)(?=\s+\S)"
)

_ROMAN_VALUES: Final = (
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _to_roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN_VALUES:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _from_roman(s: str) -> int | None:
    for n in range(1, 40):
        if _to_roman(n) == s:
            return n
    return None


def _split_label(text: str) -> tuple[str, str]:
    """Split ``text`` into its leading label or bullet (with its space) and the rest."""
    m = _ANY_LABEL.match(text)
    if m is None:
        return "", text
    return text[: m.end()], text[m.end() :]


def _fold(text: str) -> str:
    """The engine's normalized text of one clause (label off, case kept)."""
    return clause_from_string(text).normalized


def _words(text: str) -> tuple[str, ...]:
    """The engine's case-folded words of one clause (label off, punctuation out)."""
    return tuple(normalize_words(clause_from_string(text).text))


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """Word-level similarity 2 * LCS / (len(a) + len(b)), the engine's measure."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


def _bag_dice(a: Counter[str], len_a: int, b: Counter[str], len_b: int) -> float:
    """Upper bound of :func:`_ratio`: word multiset overlap, order ignored."""
    if len_a + len_b == 0:
        return 1.0
    return 2.0 * sum((a & b).values()) / (len_a + len_b)


def _is_heading(text: str) -> bool:
    words = _fold(text).split()
    return 0 < len(words) <= 10 and not words[-1].endswith((".", ";", ":", ",", "?", "!", '"'))


@attrs.frozen
class _ClauseInfo:
    text: str
    fold: str
    words: tuple[str, ...]
    bag: Counter[str] = attrs.field(eq=False)

    @classmethod
    def of(cls, text: str) -> _ClauseInfo:
        words = _words(text)
        return cls(text, _fold(text), words, Counter(words))


# --------------------------------------------------------------------------
# Built-in vocabulary: policy-like clauses with no data files needed.
# --------------------------------------------------------------------------

_SUBJECTS: Final = (
    "The Controller",
    "The Processor",
    "The Licensor",
    "The Licensee",
    "Each Member State",
    "The Commission",
    "The supervisory authority",
    "The service provider",
    "The Contractor",
    "The Board",
    "The data protection officer",
    "Each party",
    "The Agency",
    "The Secretariat",
    "The competent authority",
    "The account holder",
    "The operator",
    "The recipient",
    "The applicant",
    "The Council",
)
_MODALS: Final = ("shall", "must", "may", "should", "will", "shall not", "may not")
_VERBS: Final = (
    "notify",
    "inform",
    "provide",
    "retain",
    "disclose",
    "process",
    "review",
    "publish",
    "maintain",
    "transfer",
    "suspend",
    "assess",
    "document",
    "restrict",
    "report",
    "verify",
    "establish",
    "update",
    "delete",
    "protect",
)
_OBJECTS: Final = (
    "personal data",
    "the records of processing activities",
    "any security incident",
    "the terms of this Licence",
    "all relevant information",
    "a written notice",
    "the annual report",
    "the source code of the Work",
    "the list of authorised recipients",
    "any request for access",
    "the results of the assessment",
    "its internal procedures",
    "the contact details of the representative",
    "any changes to the service",
    "the technical and organisational measures",
    "a copy of the agreement",
    "the categories of data subjects",
    "the applicable fees",
    "the register of decisions",
    "the information referred to in paragraph 2",
)
_TAILS: Final = (
    "",
    " without undue delay",
    " within thirty days",
    " in accordance with this Article",
    " where necessary",
    " on a regular basis",
    " to the extent permitted by law",
    " at the request of the data subject",
    " in a clear and accessible form",
    " for a period not exceeding five years",
    " prior to any transfer",
    " in writing",
    " unless otherwise agreed",
    " by electronic means",
    " under the conditions laid down in Article 6",
)
_CODAS: Final = (
    "",
    "",
    " and shall keep a record thereof",
    ", provided that the rights of others are not affected",
    " so that the objectives of this Policy are met",
    ", taking into account the state of the art",
    ", having regard to the nature of the processing",
    " and shall cooperate with the authorities concerned",
)
_OPENERS: Final = (
    "",
    "",
    "",
    "Where appropriate, ",
    "Subject to paragraph 3, ",
    "Without prejudice to Article 9, ",
    "In exceptional cases, ",
    "For the purposes of this Policy, ",
)
_HEADINGS: Final = (
    "Definitions",
    "Scope",
    "Data retention",
    "Security of processing",
    "Rights of the data subject",
    "Transfers to third countries",
    "Obligations of the Licensee",
    "Term and termination",
    "Liability",
    "Governing law",
    "Final provisions",
    "Transparency",
    "Cooperation with authorities",
    "Complaints",
    "Amendments",
    "Entry into force",
    "Confidentiality",
    "Audit",
    "Records",
    "Notifications",
    "General principles",
    "Sanctions",
    "Reporting",
    "Access to information",
)
_HEADING_STYLES: Final = ("number", "article", "roman", "plain")
_ITEM_STYLES: Final = ("letter", "dash", "star", "number")

_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "shall": ("must", "will"),
    "must": ("shall",),
    "may": ("can", "might"),
    "should": ("ought to", "must"),
    "notify": ("inform", "alert"),
    "inform": ("notify", "tell"),
    "provide": ("supply", "give"),
    "retain": ("keep", "store"),
    "disclose": ("reveal", "share"),
    "review": ("examine", "reassess"),
    "publish": ("make public", "release"),
    "maintain": ("keep", "preserve"),
    "transfer": ("send", "transmit"),
    "assess": ("evaluate", "review"),
    "document": ("record",),
    "restrict": ("limit",),
    "report": ("declare",),
    "verify": ("check", "confirm"),
    "establish": ("set up", "create"),
    "update": ("revise",),
    "delete": ("erase", "remove"),
    "protect": ("safeguard", "secure"),
    "data": ("information",),
    "information": ("data", "details"),
    "any": ("every", "each"),
    "all": ("every",),
    "relevant": ("pertinent",),
    "request": ("application",),
    "regular": ("periodic",),
    "period": ("term",),
    "written": ("formal",),
    "changes": ("modifications", "amendments"),
    "measures": ("steps", "safeguards"),
    "without": ("with no",),
    "within": ("inside",),
    "accordance": ("conformity",),
    "necessary": ("required", "needed"),
    "permitted": ("allowed",),
    "clear": ("plain",),
    "accessible": ("readable",),
    "prior": ("before",),
    "unless": ("except where",),
    "agreed": ("decided",),
    "conditions": ("terms", "requirements"),
    "rights": ("entitlements",),
    "use": ("usage", "apply"),
    "work": ("act",),
    "we": ("GitHub",),
    "our": ("the",),
    "national": ("federal",),
    "security": ("safety",),
    "states": ("nations", "countries"),
    "world": ("globe",),
    "freedom": ("liberty",),
    "support": ("back", "assist"),
    "help": ("assist", "aid"),
    "strengthen": ("reinforce",),
    "promote": ("advance", "foster"),
    "important": ("essential", "vital"),
    "new": ("fresh", "novel"),
    "code": ("source",),
    "line": ("row",),
    "licence": ("license",),
    "license": ("licence",),
    "copy": ("duplicate",),
    "terms": ("conditions",),
    "including": ("such as",),
    "personal": ("individual",),
    "collect": ("gather", "obtain"),
    "service": ("platform",),
    "user": ("person",),
    "users": ("people",),
}
_FILLERS: Final = (
    "relevant",
    "applicable",
    "appropriate",
    "specific",
    "general",
    "competent",
    "particular",
    "such",
    "certain",
    "respective",
    "additional",
    "overall",
)
_INSERTIONS: Final = (
    "also",
    "generally",
    "in particular",
    "where appropriate",
    "promptly",
    "duly",
    "in principle",
    "expressly",
    "at least",
    "as a rule",
    "fully",
    "normally",
)


def _synth_sentence(c: Chooser) -> str:
    opener = c.choice(_OPENERS)
    subject = c.choice(_SUBJECTS)
    if opener and subject.startswith(("The ", "Each ")):
        subject = subject[0].lower() + subject[1:]
    sentence = (
        f"{opener}{subject} {c.choice(_MODALS)} {c.choice(_VERBS)} "
        f"{c.choice(_OBJECTS)}{c.choice(_TAILS)}{c.choice(_CODAS)}."
    )
    return sentence[0].upper() + sentence[1:]


def _synth_paragraph(c: Chooser) -> str:
    return " ".join(_synth_sentence(c) for _ in range(c.integer(1, 3)))


def _synth_heading(c: Chooser) -> str:
    heading = c.choice(_HEADINGS)
    if c.boolean(0.3):
        other = c.choice(_HEADINGS)
        if other != heading:
            heading = f"{heading} and {other[0].lower()}{other[1:]}"
    return heading


def _heading_label(style: str, n: int) -> str:
    if style == "number":
        return f"{n}. "
    if style == "article":
        return f"Article {n} "
    if style == "roman":
        return f"{_to_roman(n)}. "
    return ""


def _item_label(style: str, n: int) -> str:
    if style == "letter":
        return f"({'abcdefghijklmnopqrstuvwxy'[min(n, 25) - 1]}) "
    if style == "dash":
        return "- "
    if style == "star":
        return "* "
    return f"{n}. "


def _synth_clause(c: Chooser) -> str:
    """One clause of any shape: heading, numbered item, bullet or paragraph."""
    shape = c.integer(0, 3)
    if shape == 0:
        return _synth_paragraph(c)
    if shape == 1:
        return _heading_label(c.choice(_HEADING_STYLES), c.integer(1, 12)) + _synth_heading(c)
    return _item_label(c.choice(_ITEM_STYLES), c.integer(1, 8)) + _synth_sentence(c)


_MAX_SYNTHETIC: Final = 5000  # below the 8,000 fallback sentences, see generate_edition


def generate_edition(
    chooser: Chooser,
    *,
    min_size: int = 1,
    max_size: int = 30,
    pool: Sequence[str] | None = None,
) -> tuple[str, ...]:
    """Build one edition: a tuple of clause strings.

    Without ``pool`` the edition is a synthetic policy document: headings
    ("3. Data retention", "Article 2 Scope", "IV. Audit"), paragraphs of one to
    three sentences, and lists of items labelled "(a)", "1.", "-" or "*".
    Clause texts are unique after normalization, and so are their word
    sequences (a clause drawn twice is replaced by one from a fixed
    enumeration of 8,000 distinct sentences, so an edition always has the
    drawn size; at most 5,000 clauses).  With ``pool`` the edition is a run of
    consecutive pool entries, so real documents keep their order.

    >>> ed = generate_edition(RandomChooser(5), min_size=10, max_size=10)
    >>> len(ed), len({_fold(t) for t in ed})
    (10, 10)
    >>> generate_edition(RandomChooser(5), min_size=2, max_size=2, pool=["a", "b", "c"]) in [("a", "b"), ("b", "c")]
    True
    """
    if min_size < 0 or max_size < min_size:
        raise ValueError(f"need 0 <= min_size <= max_size, got {min_size!r} and {max_size!r}")
    if pool is not None:
        pool = tuple(pool)
        if len(pool) < min_size:
            raise ValueError(f"pool has {len(pool)} clauses, fewer than min_size={min_size!r}")
        size = chooser.integer(min_size, min(max_size, len(pool)))
        start = chooser.integer(0, len(pool) - size)
        return pool[start : start + size]

    if max_size > _MAX_SYNTHETIC:
        raise ValueError(f"synthetic editions have at most {_MAX_SYNTHETIC} clauses, got max_size={max_size!r}")
    size = chooser.integer(min_size, max_size)
    heading_style = chooser.choice(_HEADING_STYLES)
    clauses: list[str] = []
    seen: set[str | tuple[str, ...]] = set()
    section = 0
    item_style: str | None = None
    item_no = 0
    spare = 0  # next fallback sentence, see below
    while len(clauses) < size:
        if item_style is not None and chooser.boolean(0.75) and item_no < 8:
            item_no += 1
            text = _item_label(item_style, item_no) + _synth_sentence(chooser)
        else:
            item_style = None
            if not clauses or chooser.boolean(0.2):
                section += 1
                text = _heading_label(heading_style, section) + _synth_heading(chooser)
            elif chooser.boolean(0.25):
                item_style, item_no = chooser.choice(_ITEM_STYLES), 0
                text = _synth_sentence(chooser)[:-1] + ":"
            else:
                text = _synth_paragraph(chooser)
        while _fold(text) in seen or _words(text) in seen:
            # Taken already (Hypothesis shrinks every draw to the same first
            # choice): fall back on an enumeration of distinct sentences.
            text = _fallback_sentence(spare)
            spare += 1
        seen.add(_fold(text))
        seen.add(_words(text))
        clauses.append(text)
    return tuple(clauses)


def _fallback_sentence(k: int) -> str:
    """The k-th of len(_SUBJECTS) * len(_VERBS) * len(_OBJECTS) distinct sentences."""
    subject = _SUBJECTS[k % len(_SUBJECTS)]
    k //= len(_SUBJECTS)
    verb = _VERBS[k % len(_VERBS)]
    k //= len(_VERBS)
    obj = _OBJECTS[k % len(_OBJECTS)]
    return f"{subject} shall {verb} {obj}."


# --------------------------------------------------------------------------
# Edits.
# --------------------------------------------------------------------------

_TOKEN: Final = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)

_REWORD_FLOOR: Final = {
    RewordStrength.LIGHT: 0.75,
    RewordStrength.MEDIUM: 0.7,
    RewordStrength.HEAVY: 0.6,
}
# Absolute floor: the engine calls two clauses "the same" at about 0.5.
_SAME_CLAUSE_FLOOR: Final = 0.6
# A reworded clause must beat every other old clause by this much.
_CLOSEST_MARGIN: Final = 0.15
# An inserted clause must stay below this similarity to every old clause.
# (Below the engine's bar for a lone pair left between two anchors, 0.34.)
_INSERT_CEILING: Final = 0.3


def _split_token(token: str) -> tuple[str, str, str]:
    m = _TOKEN.match(token)
    assert m is not None  # the pattern matches every string
    return m.group(1), m.group(2), m.group(3)


def _match_case(word: str, like: str) -> str:
    if like[:1].isupper() and word:
        return word[0].upper() + word[1:]
    return word


def _edit_substitute(c: Chooser, tokens: list[str]) -> list[str] | None:
    cores = [_split_token(t) for t in tokens]
    candidates = [i for i, (_, core, _) in enumerate(cores) if core.isalpha()]
    if not candidates:
        return None
    with_synonym = [i for i in candidates if cores[i][1].casefold() in _SYNONYMS]
    if with_synonym and c.boolean(0.8):
        i = c.choice(with_synonym)
        replacement = c.choice(_SYNONYMS[cores[i][1].casefold()])
    else:
        i = c.choice(candidates)
        replacement = c.choice(_FILLERS)
    pre, core, post = cores[i]
    if replacement.casefold() == core.casefold():
        return None
    out = list(tokens)
    out[i] = pre + _match_case(replacement, core) + post
    return out


def _edit_insert(c: Chooser, tokens: list[str]) -> list[str] | None:
    if len(tokens) < 2:
        return None
    i = c.integer(1, len(tokens) - 1)
    out = list(tokens)
    out.insert(i, c.choice(_INSERTIONS))
    return out


def _edit_delete(c: Chooser, tokens: list[str]) -> list[str] | None:
    candidates = [i for i, t in enumerate(tokens) if _split_token(t)[1]]
    if len(candidates) < 4:
        return None
    i = c.choice(candidates)
    _, core, post = _split_token(tokens[i])
    out = list(tokens)
    del out[i]
    if i == len(out) and post and out:
        # Keep the clause's final punctuation on the new last word.
        p2, c2, _ = _split_token(out[-1])
        out[-1] = p2 + c2 + post
    if i == 0 and out and core[:1].isupper():
        p2, c2, s2 = _split_token(out[0])
        out[0] = p2 + _match_case(c2, core) + s2
    return out


def _edit_swap(c: Chooser, tokens: list[str]) -> list[str] | None:
    """Local reordering: swap the words around "and"/"or", else two neighbours."""
    cores = [_split_token(t) for t in tokens]
    coordinated = [
        i
        for i in range(1, len(tokens) - 1)
        if cores[i][1] in ("and", "or")
        and not cores[i - 1][2]
        and not cores[i][2]
        and cores[i - 1][1].isalpha()
        and cores[i + 1][1].isalpha()
        and cores[i - 1][1].casefold() != cores[i + 1][1].casefold()
    ]
    if coordinated and c.boolean(0.7):
        i = c.choice(coordinated)
        (p1, left, s1), (p2, right, s2) = cores[i - 1], cores[i + 1]
        out = list(tokens)
        out[i - 1] = p1 + _match_case(right.lower() if right[1:].islower() else right, left) + s1
        out[i + 1] = p2 + (left.lower() if left[1:].islower() else left) + s2
        return out
    candidates = [
        i
        for i in range(len(tokens) - 1)
        if cores[i][1].isalpha()
        and cores[i + 1][1].isalpha()
        and cores[i][1].casefold() != cores[i + 1][1].casefold()
        and not cores[i][2]
        and not cores[i + 1][0]
    ]
    if not candidates:
        return None
    i = c.choice(candidates)
    (p1, first, s1), (p2, second, s2) = cores[i], cores[i + 1]
    if i == 0 and first[:1].isupper() and first[1:].islower():
        # Keep the sentence capitalized: "Each party" -> "Party each".
        first, second = first.lower(), second[0].upper() + second[1:]
    out = list(tokens)
    out[i] = p1 + second + s1
    out[i + 1] = p2 + first + s2
    return out


_Edit = Callable[[Chooser, list[str]], "list[str] | None"]
_EDITS: Final[dict[RewordStrength, tuple[_Edit, ...]]] = {
    RewordStrength.LIGHT: (_edit_substitute, _edit_substitute, _edit_insert, _edit_delete),
    RewordStrength.MEDIUM: (_edit_substitute, _edit_substitute, _edit_insert, _edit_delete, _edit_swap),
    RewordStrength.HEAVY: (_edit_substitute, _edit_insert, _edit_delete, _edit_swap),
}


def _edit_count(c: Chooser, strength: RewordStrength, n_words: int) -> int:
    if strength is RewordStrength.LIGHT:
        return c.integer(1, 2)
    if strength is RewordStrength.MEDIUM:
        return max(2, round(0.2 * n_words))
    return max(3, round(0.4 * n_words))


def _reword(c: Chooser, text: str, strength: RewordStrength) -> str | None:
    """Reword the body of ``text`` (label kept), or None if it is too short.

    Edits are applied one at a time; one that would take the word similarity
    below the strength's floor is skipped.  At least one word always changes.
    """
    if strength is RewordStrength.EDGE:
        return _reword_band(c, text, _EDGE_BAND[0], _EDGE_BAND[1])
    label, body = _split_label(text)
    tokens = body.split()
    original = _words(text)
    if len(original) < 4:
        return None
    floor = _REWORD_FLOOR[strength]
    applied = 0
    for _ in range(_edit_count(c, strength, len(original))):
        edit = c.choice(_EDITS[strength])
        candidate = edit(c, tokens)
        if candidate is None:
            continue
        words = _words(label + " ".join(candidate))
        if words == original:
            continue
        if applied and _ratio(words, original) < floor:
            continue
        if _ratio(words, original) < _SAME_CLAUSE_FLOOR:
            continue
        tokens = candidate
        applied += 1
    if not applied:
        candidate = _edit_substitute(c, tokens)
        if candidate is None:
            return None
        tokens = candidate
    result = label + " ".join(tokens)
    if _words(result) == original:
        return None
    return result


def _relabel(text: str, shift: int) -> str | None:
    m = _RENUMBERABLE.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    if m.group("num") is not None:
        n = int(m.group("num")) + shift
        return f"{n}.{rest}" if n >= 1 else None
    if m.group("letter") is not None:
        o = ord(m.group("letter")) + shift
        return f"({chr(o)}){rest}" if ord("a") <= o <= ord("z") else None
    if m.group("article") is not None:
        n = int(m.group("article")) + shift
        return f"Article {n}{rest}" if n >= 1 else None
    value = _from_roman(m.group("roman"))
    if value is None or not 1 <= value + shift < 40:
        return None
    return f"{_to_roman(value + shift)}.{rest}"


def _split_points(tokens: Sequence[str], pieces: int) -> list[list[int]]:
    """Candidate cut positions (token indices where a new piece starts)."""
    n = len(tokens)
    min_piece = max(3, math.ceil(0.2 * n))
    sentence_ends = [i + 1 for i in range(n - 1) if tokens[i].endswith((".", ";", ":", "?", "!"))]
    comma_ends = [i + 1 for i in range(n - 1) if tokens[i].endswith(",")]
    plain = list(range(1, n))
    for cuts_pool in (sentence_ends, comma_ends, plain):
        options: list[list[int]] = []
        if pieces == 2:
            options = [[a] for a in cuts_pool if a >= min_piece and n - a >= min_piece]
        else:
            options = [
                [a, b]
                for a in cuts_pool
                for b in cuts_pool
                if a >= min_piece and b - a >= min_piece and n - b >= min_piece
            ]
        if options:
            return options
    return []


def _split_text(c: Chooser, text: str) -> list[str] | None:
    label, body = _split_label(text)
    tokens = body.split()
    if len(_words(text)) < 8:
        return None
    pieces = c.integer(2, 3) if len(tokens) >= 18 else 2
    options = _split_points(tokens, pieces)
    if not options:
        return None
    cuts = c.choice(options)
    bounds = [0, *cuts, len(tokens)]
    parts: list[str] = []
    for k in range(len(bounds) - 1):
        chunk = list(tokens[bounds[k] : bounds[k + 1]])
        if k < len(bounds) - 2 and not chunk[-1].endswith((".", ";", ":", "?", "!")):
            chunk[-1] = chunk[-1].rstrip(",") + "."
        if k > 0:
            pre, core, post = _split_token(chunk[0])
            chunk[0] = pre + core[:1].upper() + core[1:] + post
        parts.append(" ".join(chunk))
    parts[0] = label + parts[0]
    long_parts = [k for k, part in enumerate(parts) if len(_words(part)) >= 8]
    if long_parts and c.boolean(0.3):
        # Only a long piece is reworded: one changed word in a short piece
        # would leave too little of it recognisably inside the original.
        k = c.choice(long_parts)
        lab, body_k = _split_label(parts[k])
        changed = _edit_substitute(c, body_k.split())
        if changed is not None:
            parts[k] = lab + " ".join(changed)
    return parts


def _merge_texts(texts: Sequence[str]) -> str:
    parts = [texts[0]]
    for t in texts[1:]:
        parts.append(_split_label(t)[1])
    return " ".join(parts)


# --------------------------------------------------------------------------
# Hard-mix text edits: rewordings to a similarity band, replacements on the
# same topic, splits into up to four pieces.
# --------------------------------------------------------------------------

# Similarity band of an "edge" rewording: just above the definition's 0.5.
_EDGE_BAND: Final = (0.51, 0.6)
# A reworded split piece or merge part keeps this share of its words (the
# share of its words found, in order, in its original text).
_PIECE_KEEP: Final = (0.6, 0.8)
# A split's pieces, joined, stay at least this similar to the whole.
_JOINED_FLOOR: Final = 0.7
# A piece rewritten so that it keeps only this share of its words is no
# longer a piece: it is ADDED beside the split.
_LOST_PIECE_KEEP: Final = (0.42, 0.55)
# Verbatim excerpts that, joined, carry only this much of a clause do not
# carry its text: the clause is REMOVED and the excerpts ADDED.
_EXCERPTS_JOINED: Final = (0.3, 0.48)
# A replacement is this similar to the clause it replaces, and at most the
# upper end to any old clause.
_REPLACE_BAND: Final = (0.2, 0.449)  # below 0.45, never on it
_PHRASES: Final = (
    "as appropriate",
    "in each case",
    "where relevant",
    "for that purpose",
    "as the case may be",
    "in good time",
    "to that end",
    "on request",
    "in practice",
    "as a general rule",
)


def _edit_replace_span(c: Chooser, tokens: list[str]) -> list[str] | None:
    """Replace two or three consecutive words by a stock phrase."""
    if len(tokens) < 5:
        return None
    k = c.integer(2, 3)
    i = c.integer(0, len(tokens) - k)
    pre, first, _ = _split_token(tokens[i])
    post = _split_token(tokens[i + k - 1])[2]
    phrase = c.choice(_PHRASES).split()
    phrase[0] = pre + _match_case(phrase[0], first)
    phrase[-1] = phrase[-1] + post
    return [*tokens[:i], *phrase, *tokens[i + k :]]


_BAND_EDITS: Final[tuple[_Edit, ...]] = (
    _edit_substitute,
    _edit_substitute,
    _edit_insert,
    _edit_delete,
    _edit_swap,
    _edit_replace_span,
)


def _keep(new: Sequence[str], original: Sequence[str]) -> float:
    """Share of the words of ``new`` found, in order, in ``original``."""
    if not new:
        return 0.0
    common = (len(new) + len(original) - Indel.distance(new, original)) / 2
    return common / len(new)


def _kept_of_original(new: Sequence[str], original: Sequence[str]) -> float:
    """Share of the words of ``original`` found, in order, in ``new``."""
    return _keep(original, new)


def _reword_band(
    c: Chooser,
    text: str,
    lo: float,
    hi: float,
    measure: Callable[[Sequence[str], Sequence[str]], float] = _ratio,
) -> str | None:
    """Reword the body of ``text`` (label kept) until ``measure(new, old)`` is in [lo, hi].

    Edits are applied one at a time; one that would go below ``lo`` is
    skipped.  None if the band was not reached (or the clause is too short).
    """
    label, body = _split_label(text)
    tokens = body.split()
    original = _words(text)
    if len(original) < 4:
        return None
    value = 1.0
    for _ in range(4 * len(original) + 8):
        candidate = c.choice(_BAND_EDITS)(c, tokens)
        if candidate is None:
            continue
        words = _words(label + " ".join(candidate))
        if not words or words == original:
            continue
        v = measure(words, original)
        if v < lo:
            continue
        tokens, value = candidate, v
        if value <= hi:
            return label + " ".join(tokens)
    return None


def _sentence(tokens: Sequence[str], end: str = ".") -> str:
    """Join tokens as one sentence: capital first letter, ``end`` as its last mark."""
    out = list(tokens)
    pre, core, _ = _split_token(out[0])
    out[0] = pre + core[:1].upper() + core[1:] + _split_token(out[0])[2]
    p2, c2, post = _split_token(out[-1])
    if not post.endswith((".", ";", ":", "?", "!")):
        out[-1] = p2 + c2 + post.rstrip(",;") + end
    return " ".join(out)


def _replacement(c: Chooser, text: str, donor: str) -> str | None:
    """A different clause on the topic of ``text``: a run of its words, then
    a continuation taken from ``donor``, aiming at similarity 0.22 to 0.43."""
    label, body = _split_label(text)
    tokens = body.split()
    n_words = len(_words(text))
    donor_tokens = _split_label(donor)[1].split()
    if n_words < 6 or len(tokens) < 6 or len(donor_tokens) < 4:
        return None
    target = c.integer(22, 43) / 100
    length = c.integer(max(6, round(0.6 * n_words)), max(7, round(1.3 * n_words)))
    kept = max(1, min(round(target * (n_words + length) / 2), length - 3, len(tokens) - 2))
    start = 0 if c.boolean(0.6) else c.integer(0, len(tokens) - kept)
    head = list(tokens[start : start + kept])
    head[-1] = head[-1].rstrip(".;:,!?")
    more = min(len(donor_tokens), length - kept)
    d0 = c.integer(0, len(donor_tokens) - more)
    tail = [t.strip("()[]") or t for t in donor_tokens[d0 : d0 + more]]
    if not head[-1] or not tail:
        return None
    tail[0] = tail[0][:1].lower() + tail[0][1:] if tail[0][1:2].islower() else tail[0]
    return label + _sentence([*head, *tail])


def _cut_points(c: Chooser, tokens: Sequence[str], pieces: int, short: bool) -> list[int] | None:
    """Token positions where the 2nd, 3rd ... piece of a split starts.

    With ``short``, the first or last piece has 3 to 5 tokens; the others
    each have at least 15 % of the clause (and 3 tokens).
    """
    n = len(tokens)
    lo, hi, fixed = 0, n, []
    regular = pieces
    if short:
        size = c.integer(3, 5)
        if c.boolean(0.5):
            lo, fixed = size, [size]
        else:
            hi, fixed = n - size, [n - size]
        regular -= 1
    min_piece = max(3, math.ceil(0.15 * n))
    ends = [i + 1 for i in range(lo, hi - 1) if tokens[i].endswith((".", ";", ":", ",", "?", "!"))]
    for pool in (ends, list(range(lo + 1, hi))):
        if len(pool) < regular - 1:
            continue
        for _ in range(12):
            cuts = sorted(c.choice(pool) for _ in range(regular - 1))
            bounds = [lo, *cuts, hi]
            if all(b - a >= min_piece for a, b in itertools.pairwise(bounds)):
                return sorted([*fixed, *cuts])
    return None


def _pieces(tokens: Sequence[str], cuts: Sequence[int]) -> list[list[str]]:
    bounds = [0, *cuts, len(tokens)]
    return [list(tokens[bounds[k] : bounds[k + 1]]) for k in range(len(bounds) - 1)]


# --------------------------------------------------------------------------
# Mixes.
# --------------------------------------------------------------------------

# Expected fraction of the editable clauses each op touches, per mix.
_RATES: Final[dict[Mix, dict[EditOp, float]]] = {
    Mix.LIGHT: {
        EditOp.DELETE: 0.01,
        EditOp.INSERT: 0.01,
        EditOp.REWORD: 0.03,
        EditOp.SPLIT: 0.005,
        EditOp.MERGE: 0.005,
        EditOp.DUPLICATE: 0.003,
    },
    Mix.MEDIUM: {
        EditOp.DELETE: 0.025,
        EditOp.INSERT: 0.025,
        EditOp.REWORD: 0.07,
        EditOp.SPLIT: 0.012,
        EditOp.MERGE: 0.012,
        EditOp.DUPLICATE: 0.006,
    },
    Mix.HEAVY: {
        EditOp.DELETE: 0.05,
        EditOp.INSERT: 0.05,
        EditOp.REWORD: 0.14,
        EditOp.SPLIT: 0.025,
        EditOp.MERGE: 0.025,
        EditOp.DUPLICATE: 0.01,
    },
    Mix.HARD: {
        EditOp.DELETE: 0.03,
        EditOp.INSERT: 0.03,
        EditOp.REWORD: 0.08,
        EditOp.REPLACE: 0.04,
        EditOp.SPLIT: 0.025,
        EditOp.MERGE: 0.02,
        EditOp.DUPLICATE: 0.005,
    },
}
# Largest number of each move-like op (and renumbered runs), per mix.
_CAPS: Final[dict[Mix, dict[EditOp, int]]] = {
    Mix.LIGHT: {EditOp.MOVE: 1, EditOp.MOVE_BLOCK: 0, EditOp.MOVE_SECTION: 0, EditOp.RENUMBER: 1},
    Mix.MEDIUM: {EditOp.MOVE: 2, EditOp.MOVE_BLOCK: 1, EditOp.MOVE_SECTION: 1, EditOp.RENUMBER: 1},
    Mix.HEAVY: {EditOp.MOVE: 3, EditOp.MOVE_BLOCK: 2, EditOp.MOVE_SECTION: 1, EditOp.RENUMBER: 2},
    Mix.HARD: {
        EditOp.MOVE: 4,
        EditOp.MOVE_BLOCK: 1,
        EditOp.MOVE_SECTION: 1,
        EditOp.RENUMBER: 2,
        EditOp.NEAR_DUPLICATE: 4,
        EditOp.REPEAT: 1,
    },
}
_STRENGTHS: Final[dict[Mix, tuple[RewordStrength, ...]]] = {
    Mix.LIGHT: (RewordStrength.LIGHT, RewordStrength.LIGHT, RewordStrength.MEDIUM),
    Mix.MEDIUM: (RewordStrength.LIGHT, RewordStrength.MEDIUM, RewordStrength.HEAVY),
    Mix.HEAVY: (RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.HEAVY),
    Mix.HARD: (RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.EDGE, RewordStrength.EDGE),
}
_MOVE_REWORD_P: Final = 0.35


def _op_count(c: Chooser, mix: Mix, op: EditOp, editable: int) -> int:
    if op in _CAPS[mix]:
        return c.integer(0, _CAPS[mix][op])
    rate = _RATES[mix][op]
    hi = max(1, round(2 * rate * editable)) if editable else 0
    return c.integer(0, hi)


# --------------------------------------------------------------------------
# The pair builder.
# --------------------------------------------------------------------------


@attrs.define(eq=False)  # identity matters: items are tracked by id()
class _Item:
    """A unit of the new edition under construction (mutable while building)."""

    old: tuple[int, ...]
    texts: list[str]
    kind: ChangeKind
    plain: bool = False  # untouched 1:1 clause that may still be moved


def _unique_lis(values: Sequence[int]) -> frozenset[int] | None:
    """Positions of the unique longest strictly increasing subsequence, or None.

    O(n**2); the editions here have at most a few hundred units.
    """
    n = len(values)
    if n == 0:
        return frozenset()
    ending = [1] * n
    for i in range(n):
        for j in range(i):
            if values[j] < values[i] and ending[j] + 1 > ending[i]:
                ending[i] = ending[j] + 1
    starting = [1] * n
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if values[j] > values[i] and starting[j] + 1 > starting[i]:
                starting[i] = starting[j] + 1
    best = max(ending)
    on_some = [i for i in range(n) if ending[i] + starting[i] - 1 == best]
    levels = Counter(ending[i] for i in on_some)
    if any(count > 1 for count in levels.values()):
        return None
    return frozenset(on_some)


@attrs.frozen
class _Move:
    start: int  # first item of the block
    stop: int  # one past the last item of the block
    gap: int  # the block goes before item ``gap`` (len(items) for the end)

    @property
    def span(self) -> tuple[int, int]:
        return min(self.start, self.gap), max(self.stop, self.gap)


def _apply_moves(items: Sequence[_Item], moves: Sequence[_Move]) -> list[_Item]:
    moved = {i for m in moves for i in range(m.start, m.stop)}
    by_gap: dict[int, list[_Move]] = {}
    for m in moves:
        by_gap.setdefault(m.gap, []).append(m)
    out: list[_Item] = []
    for i in range(len(items) + 1):
        for m in by_gap.get(i, []):
            out.extend(items[m.start : m.stop])
        if i < len(items) and i not in moved:
            out.append(items[i])
    return out


def _flatten(order: Sequence[_Item]) -> tuple[tuple[str, ...], list[tuple[_Item, tuple[int, ...]]]]:
    new_texts: list[str] = []
    placed: list[tuple[_Item, tuple[int, ...]]] = []
    for item in order:
        idx = tuple(range(len(new_texts), len(new_texts) + len(item.texts)))
        new_texts.extend(item.texts)
        placed.append((item, idx))
    return tuple(new_texts), placed


def _out_of_order(placed: Sequence[tuple[_Item, tuple[int, ...]]]) -> frozenset[int] | None:
    """ids of matched items off the unique LIS (None if the LIS is not unique)."""
    units = sorted(
        ((item.old[0], new[0], id(item)) for item, new in placed if item.old and new),
    )
    lis = _unique_lis([u[1] for u in units])
    if lis is None:
        return None
    return frozenset(u[2] for k, u in enumerate(units) if k not in lis)


class _Builder:
    """Plans non-overlapping edits on one old edition and records the answer."""

    def __init__(self, c: Chooser, base: tuple[str, ...], mix: Mix, insert_pool: Sequence[str] | None) -> None:
        self.c = c
        self.base = base
        self.mix = mix
        self.insert_pool = tuple(insert_pool) if insert_pool is not None else None
        self.info = [_ClauseInfo.of(t) for t in base]
        # The engine pairs equal texts, then equal word sequences, n-th copy with
        # n-th copy: only a clause unique on both counts can be edited safely.
        folds = Counter(i.fold for i in self.info)
        words = Counter(i.words for i in self.info)
        self.editable = [bool(i.words) and folds[i.fold] == 1 and words[i.words] == 1 for i in self.info]
        self.touched = [False] * len(base)
        self.items: list[_Item] = [
            _Item((i,), [t], ChangeKind.UNCHANGED, plain=self.editable[i]) for i, t in enumerate(base)
        ]
        # The item of each old clause; unlike ``items``, not shifted by insertions.
        self.by_old = list(self.items)
        # Old clauses that do not stay UNCHANGED, and originals given a copy.
        self.changed: set[int] = set()
        self.duplicated: list[int] = []
        self.copies: list[tuple[_Item, _Item]] = []  # (original, inserted copy)
        self.folds: set[str] = {i.fold for i in self.info}
        self.word_keys: set[tuple[str, ...]] = {i.words for i in self.info}
        self.inserted_bags: list[tuple[Counter[str], int]] = []
        # Items no move may carry, pass over or land next to (see _HardBuilder).
        self.pinned: set[int] = set()

    # -- helpers ---------------------------------------------------------

    def free(self, i: int) -> bool:
        return self.editable[i] and not self.touched[i]

    def take(self, *indices: int, changed: bool = True) -> None:
        for i in indices:
            self.touched[i] = True
            self.by_old[i].plain = False
            if changed:
                self.changed.add(i)

    def closest_is_self(self, index: int, text: str) -> bool:
        """True if ``text`` is clearly closer to old clause ``index`` than to any other."""
        words = _words(text)
        own = _ratio(words, self.info[index].words)
        if own < _SAME_CLAUSE_FLOOR:
            return False
        bag, n = Counter(words), len(words)
        for j, other in enumerate(self.info):
            if j == index:
                continue
            if _bag_dice(bag, n, other.bag, len(other.words)) < own - _CLOSEST_MARGIN:
                continue
            if _ratio(words, other.words) >= own - _CLOSEST_MARGIN:
                return False
        return True

    def unlike_everything(self, text: str) -> bool:
        words = _words(text)
        if len(words) < 3 or _fold(text) in self.folds or words in self.word_keys:
            return False
        bag, n = Counter(words), len(words)
        if any(_bag_dice(bag, n, o.bag, len(o.words)) >= _INSERT_CEILING for o in self.info):
            return False
        return all(_bag_dice(bag, n, b, m) < _INSERT_CEILING for b, m in self.inserted_bags)

    def unlike(self, index: int, others: Iterable[int]) -> bool:
        """True if old clause ``index`` is unlike each of the old clauses ``others``."""
        me = self.info[index]
        return all(
            _bag_dice(me.bag, len(me.words), self.info[j].bag, len(self.info[j].words)) < _INSERT_CEILING
            for j in others
        )

    def new_text_ok(self, text: str) -> bool:
        """Claim a new clause text: False if it (or its words) already exists."""
        folded, words = _fold(text), _words(text)
        if not words or folded in self.folds or words in self.word_keys:
            return False
        self.folds.add(folded)
        self.word_keys.add(words)
        return True

    # -- in-place ops (on old indices) -------------------------------------

    def renumber(self) -> list[int]:
        """Relabel a run of numbered clauses; return their old indices (empty if none)."""
        numbered = [i for i in range(len(self.base)) if self.free(i) and _RENUMBERABLE.match(self.base[i])]
        if not numbered:
            return []
        first = self.c.integer(0, len(numbered) - 1)
        run = numbered[first : first + self.c.integer(1, 5)]
        shift = self.c.choice((1, -1, 2))
        relabelled = [_relabel(self.base[i], shift) for i in run]
        if any(t is None for t in relabelled):
            relabelled = [_relabel(self.base[i], 1) for i in run]
        for i, text in zip(run, relabelled, strict=True):
            if text is None or text == self.base[i]:
                return []
        for i, text in zip(run, relabelled, strict=True):
            assert text is not None
            self.take(i, changed=False)
            self.by_old[i].texts = [text]
        return run

    def merge(self) -> None:
        k = self.c.integer(2, 3)
        starts = []
        for s in range(len(self.base) - k + 1):
            if not all(self.free(i) for i in range(s, s + k)):
                continue
            lengths = [len(self.info[i].words) for i in range(s, s + k)]
            total = sum(lengths)
            if min(lengths) >= 3 and min(lengths) >= 0.2 * total:
                starts.append(s)
        if not starts:
            return
        s = self.c.choice(starts)
        group = tuple(range(s, s + k))
        text = _merge_texts([self.base[i] for i in group])
        if not self.new_text_ok(text):
            return
        self.take(*group)
        first = self.by_old[s]
        first.old, first.texts, first.kind = group, [text], ChangeKind.MERGED
        for i in group[1:]:
            self.by_old[i].old, self.by_old[i].texts = (), []

    def split(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 8]
        if not candidates:
            return
        i = self.c.choice(candidates)
        parts = _split_text(self.c, self.base[i])
        if parts is None or not all(self.new_text_ok(p) for p in parts):
            return
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = parts, ChangeKind.SPLIT

    def reword(self, strength: RewordStrength) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 4]
        if not candidates:
            return
        i = self.c.choice(candidates)
        text = _reword(self.c, self.base[i], strength)
        if text is None or not self.closest_is_self(i, text) or not self.new_text_ok(text):
            return
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [text], ChangeKind.REWORDED

    def delete(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i)]
        if not candidates:
            return
        i = self.c.choice(candidates)
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [], ChangeKind.REMOVED

    # -- insertions (on the item list) ---------------------------------------

    def duplicate(self) -> None:
        # The copy must not pass for a rewording of a clause that changed (the
        # engine could pair it with a removed clause, or with a reworded
        # clause's original).
        candidates = [i for i in range(len(self.base)) if self.free(i) and self.unlike(i, self.changed)]
        if not candidates:
            return
        i = self.c.choice(candidates)
        self.take(i, changed=False)
        self.duplicated.append(i)
        # The copy goes AFTER its original: the n-th copy pairs with the n-th
        # copy, so the inserted (ADDED) one must be the later one.
        position = next(k for k, it in enumerate(self.items) if it is self.by_old[i])
        at = position + 1 + self.c.integer(0, 2)
        copy = _Item((), [self.base[i]], ChangeKind.ADDED)
        self.items.insert(min(at, len(self.items)), copy)
        self.copies.append((self.by_old[i], copy))

    def insert(self) -> None:
        for _ in range(4):
            text = self.c.choice(self.insert_pool) if self.insert_pool else _synth_clause(self.c)
            if self.unlike_everything(text) and self.new_text_ok(text):
                words = _words(text)
                self.inserted_bags.append((Counter(words), len(words)))
                at = self.c.integer(0, len(self.items))
                self.items.insert(at, _Item((), [text], ChangeKind.ADDED))
                return

    # -- moves (on the item list, applied all at once) ------------------------

    def plan_move(
        self,
        op: EditOp,
        moves: list[_Move],
        *,
        size: int | None = None,
        crossing: tuple[int, int] | None = None,
        moving: _Item | None = None,
        beside: _Item | None = None,
    ) -> bool:
        """Plan one move of ``op``'s kind; return whether one was planned.

        A block of ``b`` clauses (``size``, else drawn for ``op``) crosses at
        least ``3 * b`` matched units, or, with ``crossing=(lo, hi)``, between
        ``lo`` and ``hi`` of them (short moves; the unique-LIS check still
        decides which units are MOVED).  With ``moving`` and ``beside``, that
        one item moves right before or after ``beside`` (and is not reworded
        here).
        """
        items = self.items
        if size is not None:
            size_choices = [size]
        elif op is EditOp.MOVE:
            size_choices = [1]
        elif op is EditOp.MOVE_BLOCK:
            size_choices = [self.c.integer(2, 4)]
        else:
            size_choices = list(range(2, 7))
        taken = [id(it) in self.pinned for it in items]
        # No move may start, end or pass between a clause and its inserted
        # copy: which copy is "the first" must not depend on how duplicates
        # are paired (n-th with n-th overall, or within gaps between anchors).
        position = {id(it): k for k, it in enumerate(items)}
        for original, copy in self.copies:
            for k in range(position[id(original)], position[id(copy)] + 1):
                taken[k] = True
        for m in moves:
            lo, hi = m.span
            for k in range(max(lo - 1, 0), min(hi + 1, len(items))):
                taken[k] = True
        starts: list[tuple[int, int]] = []
        for s in range(len(items)):
            for b in size_choices:
                block = range(s, s + b)
                if s + b > len(items) or not all(items[k].plain and not taken[k] for k in block):
                    continue
                if op is EditOp.MOVE_SECTION:
                    # A heading and the clauses up to the next heading (or the end).
                    if not _is_heading(items[s].texts[0]) or any(_is_heading(items[k].texts[0]) for k in block[1:]):
                        continue
                    after = items[s + b] if s + b < len(items) else None
                    if after is not None and not (after.texts and _is_heading(after.texts[0])):
                        continue
                starts.append((s, b))
        if moving is not None:
            starts = [(s, b) for s, b in starts if items[s] is moving and b == 1]
        if not starts:
            return False
        s, b = self.c.choice(starts)
        matched = [1 if (it.old and it.texts) else 0 for it in items]
        prefix = [0]
        for flag in matched:
            prefix.append(prefix[-1] + flag)
        need = 3 * b
        gaps = []
        for g in range(len(items) + 1):
            if s <= g <= s + b:
                continue
            lo, hi = (g, s) if g < s else (s + b, g)
            crossed = prefix[hi] - prefix[lo]
            if crossing is None and crossed < need:
                continue
            if crossing is not None and not crossing[0] <= crossed <= crossing[1]:
                continue
            span_lo, span_hi = min(s, g), max(s + b, g)
            if any(taken[k] for k in range(span_lo, min(span_hi, len(items)))):
                continue
            if (
                beside is not None
                and items[g - 1 if g == len(items) else g] is not beside
                and (g == 0 or items[g - 1] is not beside)
            ):
                continue
            gaps.append(g)
        if not gaps:
            return False
        move = _Move(s, s + b, self.c.choice(gaps))
        trial = [*moves, move]
        _, placed = _flatten(_apply_moves(items, trial))
        off = _out_of_order(placed)
        expected = {id(items[k]) for m in trial for k in range(m.start, m.stop)}
        if off is None or off != expected:
            return False
        moves.append(move)
        for k in range(s, s + b):
            items[k].plain = False
        if op is EditOp.MOVE and moving is None:
            self.reword_moved(items[s])
        return True

    def reword_moved(self, item: _Item) -> None:
        """Sometimes reword a clause that was just moved on its own."""
        old_index = item.old[0]
        if self.c.boolean(_MOVE_REWORD_P) and self.unlike(old_index, self.duplicated):
            text = _reword(self.c, self.base[old_index], self.c.choice(_STRENGTHS[self.mix]))
            if text is not None and self.closest_is_self(old_index, text) and self.new_text_ok(text):
                item.texts = [text]
                self.changed.add(old_index)

    # -- driver -------------------------------------------------------------

    def count(self, op: EditOp, ops: frozenset[EditOp]) -> int:
        return _op_count(self.c, self.mix, op, sum(self.editable)) if op in ops else 0

    def edit(self, ops: frozenset[EditOp]) -> None:
        """Apply every edit except moves, in a fixed order of ops."""
        c, mix = self.c, self.mix
        for _ in range(self.count(EditOp.RENUMBER, ops)):
            self.renumber()
        for _ in range(self.count(EditOp.MERGE, ops)):
            self.merge()
        for _ in range(self.count(EditOp.SPLIT, ops)):
            self.split()
        for _ in range(self.count(EditOp.REWORD, ops)):
            self.reword(c.choice(_STRENGTHS[mix]))
        for _ in range(self.count(EditOp.DELETE, ops)):
            self.delete()
        for _ in range(self.count(EditOp.DUPLICATE, ops)):
            self.duplicate()
        for _ in range(self.count(EditOp.INSERT, ops)):
            self.insert()

    def plan_moves(self, ops: frozenset[EditOp]) -> list[_Move]:
        moves: list[_Move] = []
        for op in (EditOp.MOVE_SECTION, EditOp.MOVE_BLOCK, EditOp.MOVE):
            for _ in range(self.count(op, ops)):
                self.plan_move(op, moves)
        return moves

    def build(self, ops: frozenset[EditOp]) -> EditedPair:
        self.edit(ops)
        # Merged-away items carry nothing; drop them before moves.
        self.items = [it for it in self.items if it.old or it.texts]
        moves = self.plan_moves(ops)
        new_texts, placed = _flatten(_apply_moves(self.items, moves))
        off = _out_of_order(placed)
        if off is None:  # pragma: no cover - plan_move only accepts unique orders
            raise AssertionError("generated moves have an ambiguous order")
        changes = []
        for item, new in placed:
            kind = item.kind
            if id(item) in off and kind in (ChangeKind.UNCHANGED, ChangeKind.REWORDED):
                kind = ChangeKind.MOVED
            changes.append(ExpectedChange(kind, item.old, new))
        return EditedPair(self.base, new_texts, tuple(changes))


# --------------------------------------------------------------------------
# The hard mix.
#
# Every clause the aligner still has to place after exact matching (removed,
# reworded, split, merged or added; a "free" clause) is registered with the
# true change it belongs to.  Any free old clause and free new clause that
# the answer does NOT link must stay clearly apart, so that the documented
# best-first rule can only give the answer:
#
# * their similarity stays at or below the higher of their two limits: a
#   clause with a 1:1 partner (reworded, moved) allows rivals up to its
#   partner's similarity minus a margin (0.12 in place; 0.15 for a moved
#   clause, because a rival inside its gap is ranked 0.1 higher), so the
#   partner is always taken first; any other clause stays below 0.45, under
#   the 0.5 that defines "the same clause";
# * unless one of them has a 1:1 partner and the other is not part of a
#   split or merge, the shorter (of 3 words or more) keeps at most 60 % of
#   its words in the longer, so no piece of a split or part of a merge can
#   be read into the pair.
# --------------------------------------------------------------------------

_HARD_MARGIN: Final = 0.12
_MOVED_MARGIN: Final = 0.15
_UNRELATED: Final = 0.449  # below 0.45, never on it
_CONTAINED: Final = 0.6
_BOILERPLATE: Final = (
    "Not applicable.",
    "This paragraph is intentionally left blank.",
    "No further provisions apply.",
    "Reserved for future use.",
    "See the explanatory note.",
)
# Near-duplicate scenarios: "a" one of a clause and its varied copy
# reworded, the other unchanged; "b" one reworded lightly, the other deleted;
# "c" both reworded lightly; "d" (no planting) a clause reworded lightly and
# a varied copy of its original inserted beside it (ADDED); "e" a clause
# reworded lightly in place and a lightly varied copy of it, planted far
# away, deleted: the copy may be up to _FAR_SLACK MORE similar to the new
# text, and the documented in-gap ranking bonus (0.1) keeps the pair in place.
# "f" a clause moved next to a varied copy of it (planted far from it) and
# reworded there, the copy deleted: the copy, inside the gap the clause moved
# to, may come within 0.13 to 0.15 of the new text's similarity to its
# original, and the documented 0.1 bonus still leaves the move.
_NEAR_SCENARIOS: Final = ("a", "b", "c", "d", "e", "e", "f", "f")
_FAR_SLACK: Final = 0.07  # "e": the far copy may be this much MORE similar
_BESIDE_GAP: Final = (0.13, 0.15)  # "f": the copy beside the moved clause is this much LESS similar
_FAR_DISTANCE: Final = 8


class _Role(enum.Enum):
    ONE = "one"  # 1:1 link: reworded, or moved with a new text
    GROUP = "group"  # split whole or piece, merge part or merged clause
    NONE = "none"  # removed or added


@attrs.frozen(eq=False)
class _Free:
    """A clause the aligner will still have to place after exact matching."""

    words: tuple[str, ...]
    bag: Counter[str]
    unit: int  # the true change it belongs to: the same unit means linked
    role: _Role
    limit: float  # the similarity a non-partner may reach (see _compatible)
    rival: int = -1  # unit of one rival allowed up to ``rival_cap`` (near-duplicate scenarios "e", "f")
    rival_cap: float = 0.0
    loose: int = -1  # unit whose clause this one may lie inside (excerpts of a replaced clause)

    @classmethod
    def of(
        cls,
        words: tuple[str, ...],
        unit: int,
        role: _Role,
        limit: float = _UNRELATED,
        *,
        rival: int = -1,
        rival_cap: float = 0.0,
        loose: int = -1,
    ) -> _Free:
        return cls(words, Counter(words), unit, role, limit, rival, rival_cap, loose)


def _compatible(x: _Free, y: _Free) -> bool:
    """True if free clauses ``x`` and ``y``, not linked by the answer, stay clearly apart."""
    nx, ny = len(x.words), len(y.words)
    if not nx or not ny:
        return True
    cap = max(x.limit, y.limit)
    if y.rival == x.unit:
        # A near-duplicate rival settled by the documented in-gap bonus.
        cap = max(cap, y.rival_cap)
    check_in = _Role.GROUP in (x.role, y.role) or x.role is y.role is _Role.NONE
    check_in = check_in and x.unit != y.loose
    shorter = min(nx, ny)
    overlap = sum((x.bag & y.bag).values())
    if 2 * overlap / (nx + ny) <= cap and (not check_in or shorter < 3 or overlap / shorter <= _CONTAINED):
        return True  # the multiset overlap bounds the LCS from above
    common = (nx + ny - Indel.distance(x.words, y.words)) / 2
    if 2 * common / (nx + ny) > cap:
        return False
    return not check_in or shorter < 3 or common / shorter <= _CONTAINED


def _plant(
    c: Chooser, base: tuple[str, ...], ops: frozenset[EditOp]
) -> tuple[tuple[str, ...], list[tuple[str, int, int]], list[int]]:
    """The hard mix's old edition: ``base`` with near-duplicates and a repeated
    boilerplate clause planted in it.

    Returns the edition, the near-duplicate scenarios ``(scenario, i, j)``
    (``j == i + 1`` is the varied copy of ``i``; ``-1, -1`` for scenario
    "d", which plants nothing) and the positions of the repeated clause.
    """
    texts = list(base)
    tags: list[tuple[int, str] | None] = [None] * len(texts)  # (near-duplicate number, "a"/"b"), "repeat"
    folds = Counter(_fold(t) for t in texts)
    keys = Counter(_words(t) for t in texts)
    unique = [folds[_fold(t)] == 1 and keys[_words(t)] == 1 for t in texts]
    scenarios: dict[int, str] = {}
    if EditOp.NEAR_DUPLICATE in ops:
        for k in range(c.integer(0, _CAPS[Mix.HARD][EditOp.NEAR_DUPLICATE])):
            scenario = c.choice(_NEAR_SCENARIOS)
            if scenario == "d":
                scenarios[k] = "d"
                continue
            candidates = [
                i
                for i, t in enumerate(texts)
                if tags[i] is None and (i == 0 or tags[i - 1] is None) and unique[i] and len(_words(t)) >= 6
            ]
            if not candidates:
                continue
            i = c.choice(candidates)
            strength = RewordStrength.LIGHT if scenario == "e" else RewordStrength.MEDIUM
            variant = _reword(c, texts[i], strength)
            if variant is None or folds[_fold(variant)] or keys[_words(variant)]:
                continue
            if scenario in ("e", "f"):
                # "f" keeps the copy within reach: no pinned clause may lie on the way.
                reach = len(texts) if scenario == "e" else 2 * _FAR_DISTANCE
                far = [q for q in range(len(texts) + 1) if _FAR_DISTANCE <= abs(q - i) <= reach]
                if not far:
                    continue
                at = c.choice(far)
            else:
                at = i + 1
            folds[_fold(variant)] += 1
            keys[_words(variant)] += 1
            scenarios[k] = scenario
            tags[i] = (k, "a")
            texts.insert(at, variant)
            unique.insert(at, True)
            tags.insert(at, (k, "b"))
    if EditOp.REPEAT in ops and c.integer(0, _CAPS[Mix.HARD][EditOp.REPEAT]):
        repeated = c.choice(_BOILERPLATE)
        m = c.integer(2, 4)
        while m >= 2 and len(texts) < 5 * m + 1:
            m -= 1
        if m >= 2 and not folds[_fold(repeated)] and not keys[_words(repeated)]:
            segment = len(texts) // m
            points = [c.integer(k * segment + 2, (k + 1) * segment - 2) for k in range(m)]
            for p in reversed(points):
                texts.insert(p, repeated)
                tags.insert(p, (-1, "repeat"))
    where = {tag: i for i, tag in enumerate(tags) if tag is not None}
    near = [
        (scenario, where[(k, "a")], where[(k, "b")]) if scenario != "d" else ("d", -1, -1)
        for k, scenario in sorted(scenarios.items())
    ]
    return tuple(texts), near, [i for i, tag in enumerate(tags) if tag == (-1, "repeat")]


class _HardBuilder(_Builder):
    """The hard mix: the cases the other mixes avoid, each with one answer."""

    def __init__(
        self, c: Chooser, base: tuple[str, ...], insert_pool: Sequence[str] | None, ops: frozenset[EditOp]
    ) -> None:
        planted, self.near, self.repeat_at = _plant(c, base, ops)
        super().__init__(c, planted, Mix.HARD, insert_pool)
        self.free_old: dict[int, _Free] = {}
        self.free_new: list[_Free] = []
        self.units = 0

    # -- the free-clause register ------------------------------------------

    def unit(self) -> int:
        self.units += 1
        return self.units

    def admit(self, olds: Sequence[tuple[int, _Free]], news: Sequence[_Free]) -> bool:
        """Register new free clauses if they stay apart from every other; else change nothing."""
        for i, x in olds:
            if i in self.free_old:
                return False
            for y in (*self.free_new, *news):
                if x.unit != y.unit and not _compatible(x, y):
                    return False
        for y in news:
            for x in self.free_old.values():
                if x.unit != y.unit and not _compatible(x, y):
                    return False
        self.free_old.update(olds)
        self.free_new.extend(news)
        return True

    def claimable(self, text: str) -> bool:
        words = _words(text)
        return bool(words) and _fold(text) not in self.folds and words not in self.word_keys

    def claim(self, text: str) -> None:
        self.folds.add(_fold(text))
        self.word_keys.add(_words(text))

    def position(self, item: _Item) -> int:
        return next(k for k, it in enumerate(self.items) if it is item)

    # -- edits ---------------------------------------------------------------

    def reworded_text(self, i: int, strength: RewordStrength, margin: float, source: str | None = None) -> str | None:
        """A rewording of old clause ``i`` (of ``source``, its relabelled text)
        that keeps similarity >= 0.51 and stays apart from every free clause."""
        for _ in range(3):
            text = _reword(self.c, self.base[i] if source is None else source, strength)
            if text is None:
                return None
            if not self.claimable(text):
                continue
            words = _words(text)
            sim = _ratio(words, self.info[i].words)
            if sim < _EDGE_BAND[0]:
                continue
            u = self.unit()
            old = _Free.of(self.info[i].words, u, _Role.ONE, sim - margin)
            if self.admit([(i, old)], [_Free.of(words, u, _Role.ONE, sim - margin)]):
                self.claim(text)
                return text
        return None

    def reword_at(self, i: int, strength: RewordStrength) -> bool:
        text = self.reworded_text(i, strength, _HARD_MARGIN)
        if text is None:
            return False
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [text], ChangeKind.REWORDED
        return True

    def delete_at(self, i: int) -> bool:
        if not self.admit([(i, _Free.of(self.info[i].words, self.unit(), _Role.NONE))], []):
            return False
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [], ChangeKind.REMOVED
        return True

    def replace_at(self, i: int) -> bool:
        """Replace old clause ``i`` in place by a different clause on its topic."""
        own = self.info[i].words
        for _ in range(4):
            donor = self.c.choice(self.insert_pool) if self.insert_pool else _synth_paragraph(self.c)
            text = _replacement(self.c, self.base[i], donor)
            if text is None or not self.claimable(text):
                continue
            words = _words(text)
            sim = _ratio(words, own)
            if not _REPLACE_BAND[0] <= sim <= _REPLACE_BAND[1]:
                continue
            bag, n = Counter(words), len(words)
            if any(
                _bag_dice(bag, n, o.bag, len(o.words)) > _UNRELATED and _ratio(words, o.words) > _UNRELATED
                for o in self.info
            ):
                continue
            old = _Free.of(own, self.unit(), _Role.NONE)
            if not self.admit([(i, old)], [_Free.of(words, self.unit(), _Role.NONE)]):
                continue
            self.claim(text)
            self.inserted_bags.append((bag, n))
            self.take(i)
            removed = self.by_old[i]
            removed.texts, removed.kind = [], ChangeKind.REMOVED
            self.items.insert(self.position(removed) + 1, _Item((), [text], ChangeKind.ADDED))
            return True
        return False

    def renumber(self) -> list[int]:
        run = super().renumber()
        for i in run:
            if len(self.info[i].words) >= 4 and self.c.boolean(0.5):
                strength = self.c.choice((RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.EDGE))
                text = self.reworded_text(i, strength, _HARD_MARGIN, source=self.by_old[i].texts[0])
                if text is not None:
                    self.by_old[i].texts, self.by_old[i].kind = [text], ChangeKind.REWORDED
                    self.changed.add(i)
        return run

    def near_duplicates(self) -> None:
        for scenario, a, b in self.near:
            if scenario == "d":
                self.near_copy()
                continue
            if not (self.free(a) and self.free(b)):
                continue
            if scenario == "e":
                self.far_copy(a, b)
                continue
            if scenario == "f":
                # A move (see plan_moves): keep both clauses from other edits.
                self.touched[a] = self.touched[b] = True
                continue
            first, second = (a, b) if self.c.boolean(0.5) else (b, a)
            if scenario == "a":
                strength = self.c.choice((RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.EDGE))
                if self.reword_at(first, strength):
                    self.take(second, changed=False)
            elif scenario == "b":
                if self.delete_at(second) and not self.reword_at(first, RewordStrength.LIGHT):
                    # The deletion alone is still a valid edit.
                    pass
            elif self.reword_at(first, RewordStrength.LIGHT):
                self.reword_at(second, RewordStrength.LIGHT)

    def far_copy(self, a: int, b: int) -> None:
        """Reword clause ``a`` lightly in place and delete its far copy ``b``.

        The new text may be up to ``_FAR_SLACK`` more similar to the copy than
        to ``a``: the documented in-gap bonus keeps the pair in place.  That
        needs ``a`` and its new text in one gap and the copy in another, so a
        unique unchanged clause between them and ``a`` itself are pinned (no
        move passes over them: each stays in order with every other unit, so
        it is on every longest increasing run).
        """
        between = [i for i in range(min(a, b) + 1, max(a, b)) if self.free(i)]
        if not between:
            return
        pin = self.c.choice(between)
        own, copy = self.info[a].words, self.info[b].words
        for _ in range(3):
            text = _reword(self.c, self.base[a] if self.c.boolean(0.5) else self.base[b], RewordStrength.LIGHT)
            if text is None:
                return
            words = _words(text)
            if not self.claimable(text) or words == copy:
                continue
            sim, rival = _ratio(words, own), _ratio(words, copy)
            if sim < _EDGE_BAND[0] or rival > sim + _FAR_SLACK:
                continue
            u, v = self.unit(), self.unit()
            limit = sim - _HARD_MARGIN
            olds = [(a, _Free.of(own, u, _Role.ONE, limit)), (b, _Free.of(copy, v, _Role.NONE))]
            new = _Free.of(words, u, _Role.ONE, limit, rival=v, rival_cap=sim + _FAR_SLACK)
            if not self.admit(olds, [new]):
                continue
            self.claim(text)
            self.take(a, b)
            self.take(pin, changed=False)
            self.by_old[a].texts, self.by_old[a].kind = [text], ChangeKind.REWORDED
            self.by_old[b].texts, self.by_old[b].kind = [], ChangeKind.REMOVED
            self.pinned.update((id(self.by_old[a]), id(self.by_old[pin])))
            return

    def near_copy(self) -> None:
        """Reword a clause lightly and insert a varied copy of its original beside it."""
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 6]
        if not candidates:
            return
        i = self.c.choice(candidates)
        own = self.info[i].words
        for _ in range(3):
            text = _reword(self.c, self.base[i], RewordStrength.LIGHT)
            copy = _reword(self.c, self.base[i], RewordStrength.MEDIUM)
            if text is None or copy is None or _fold(text) == _fold(copy):
                return
            if not (self.claimable(text) and self.claimable(copy)) or _words(text) == _words(copy):
                continue
            sim = _ratio(_words(text), own)
            if _ratio(_words(copy), own) < 0.5 or sim < _EDGE_BAND[0]:
                continue
            u = self.unit()
            news = [
                _Free.of(_words(text), u, _Role.ONE, sim - _HARD_MARGIN),
                _Free.of(_words(copy), self.unit(), _Role.NONE),
            ]
            if not self.admit([(i, _Free.of(own, u, _Role.ONE, sim - _HARD_MARGIN))], news):
                continue
            self.claim(text)
            self.claim(copy)
            self.take(i)
            item = self.by_old[i]
            item.texts, item.kind = [text], ChangeKind.REWORDED
            at = self.position(item) + self.c.integer(0, 1)
            self.items.insert(at, _Item((), [copy], ChangeKind.ADDED))
            return

    def repeat(self) -> None:
        """Pin the clauses that keep each copy of the repeated clause in its own
        gap, delete one copy, and edit a clause beside another copy."""
        copies = self.repeat_at
        if len(copies) < 2:
            return
        pins = []
        for a, b in itertools.pairwise(copies):
            between = [i for i in range(a + 1, b) if self.free(i)]
            if not between:
                return
            pins.append(self.c.choice(between))
        for i in pins:
            self.take(i, changed=False)
        self.pinned.update(id(self.by_old[i]) for i in (*copies, *pins))
        if self.c.boolean(0.75):
            i = self.c.choice(copies)
            if self.admit([(i, _Free.of(self.info[i].words, self.unit(), _Role.NONE))], []):
                self.touched[i] = True
                self.changed.add(i)
                self.by_old[i].texts, self.by_old[i].kind = [], ChangeKind.REMOVED
        survivors = [i for i in copies if self.by_old[i].texts]
        beside = sorted({j for i in survivors for j in (i - 1, i + 1) if 0 <= j < len(self.base) and self.free(j)})
        if not beside:
            return
        j = self.c.choice(beside)
        action = self.c.integer(0, 2)
        if action == 0:
            self.reword_at(j, self.c.choice((RewordStrength.HEAVY, RewordStrength.EDGE)))
        elif action == 1:
            self.delete_at(j)
        elif len(self.info[j].words) >= 6:
            self.replace_at(j)

    def reword(self, strength: RewordStrength) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 4]
        if candidates:
            self.reword_at(self.c.choice(candidates), strength)

    def delete(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i)]
        if candidates:
            self.delete_at(self.c.choice(candidates))

    def replace(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 6]
        if not candidates:
            return
        i = self.c.choice(candidates)
        if self.c.boolean(0.3) and len(self.info[i].words) >= 16:
            self.excerpts_at(i)
        else:
            self.replace_at(i)

    def excerpts_at(self, i: int) -> bool:
        """Replace clause ``i`` by 2 or 3 short verbatim excerpts of it, in order.

        Joined they are 0.3 to 0.48 similar to it: they do not carry its text
        (a split's pieces do), so it is REMOVED and they are ADDED, although
        each lies wholly inside it.
        """
        c = self.c
        tokens = _split_label(self.base[i])[1].split()
        own = self.info[i].words
        k = 3 if len(own) >= 30 and c.boolean(0.5) else 2
        target = c.integer(round(100 * _EXCERPTS_JOINED[0]), round(100 * _EXCERPTS_JOINED[1])) / 100
        total = max(3 * k, round(target * len(own) / (2 - target)))
        region = len(tokens) // k
        lengths: list[int] = []
        for m in range(k - 1):
            lengths.append(c.integer(3, max(3, total - sum(lengths) - 3 * (k - 1 - m))))
        lengths.append(total - sum(lengths))
        if min(lengths) < 3 or max(lengths) > region:
            return False
        spans = []
        for m, length in enumerate(lengths):
            start = c.integer(m * region, (m + 1) * region - length)
            spans.append(_sentence(tokens[start : start + length]))
        pieces = [_words(t) for t in spans]
        joined = tuple(w for p in pieces for w in p)
        if not _EXCERPTS_JOINED[0] <= _ratio(joined, own) <= _EXCERPTS_JOINED[1]:
            return False
        if len(set(pieces)) < k or not all(p and self.claimable(t) for p, t in zip(pieces, spans, strict=True)):
            return False
        u = self.unit()
        news = [_Free.of(p, self.unit(), _Role.NONE, loose=u) for p in pieces]
        if not self.admit([(i, _Free.of(own, u, _Role.NONE))], news):
            return False
        for t in spans:
            self.claim(t)
        self.take(i)
        removed = self.by_old[i]
        removed.texts, removed.kind = [], ChangeKind.REMOVED
        at = self.position(removed) + 1
        self.items[at:at] = [_Item((), [t], ChangeKind.ADDED) for t in spans]
        return True

    def split(self) -> None:
        """Split into 2 to 4 pieces, sometimes with a 3-to-5-token piece, sometimes
        with one or two pieces reworded (keeping 60-80 % of their words)."""
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 10]
        if not candidates:
            return
        c = self.c
        i = c.choice(candidates)
        label, body = _split_label(self.base[i])
        tokens = body.split()
        pieces = c.integer(2, 4) if len(tokens) >= 20 else 2
        short = pieces >= 3 and c.boolean(0.6)
        cuts = _cut_points(c, tokens, pieces, short)
        if cuts is None:
            return
        chunks = _pieces(tokens, cuts)
        parts = []
        for k, chunk in enumerate(chunks):
            if k == len(chunks) - 1:
                parts.append(" ".join(chunk) if k == 0 else _sentence(chunk))
            else:
                parts.append(_sentence(chunk, ":" if len(chunk) <= 5 and k == 0 else "."))
        parts[0] = label + parts[0]
        lost: tuple[int, str] | None = None  # a piece rewritten beyond recognition: ADDED
        if len(parts) >= 3 and c.boolean(0.5):
            k = c.choice((0, len(parts) - 1))
            if len(_words(parts[k])) >= 6:
                changed = _reword_band(c, parts[k], _LOST_PIECE_KEEP[0], _LOST_PIECE_KEEP[1], measure=_keep)
                if changed is None or not self.claimable(changed):
                    return
                lost = (k, changed)
                del parts[k]
        if c.boolean(0.6):
            long_parts = [k for k, part in enumerate(parts) if len(_words(part)) >= 6]
            for _ in range(c.integer(1, 2)):
                if not long_parts:
                    break
                k = c.choice(long_parts)
                long_parts.remove(k)
                changed = _reword_band(c, parts[k], _PIECE_KEEP[0], _PIECE_KEEP[1], measure=_keep)
                if changed is not None:
                    parts[k] = changed
        piece_words = [_words(part) for part in parts]
        if any(len(w) < 2 for w in piece_words) or len({_fold(p) for p in parts}) < len(parts):
            return
        if _ratio(tuple(w for ws in piece_words for w in ws), self.info[i].words) < _JOINED_FLOOR:
            return
        if not all(self.claimable(part) for part in parts):
            return
        u = self.unit()
        news = [_Free.of(w, u, _Role.GROUP) for w in piece_words]
        if lost is not None:
            if _fold(lost[1]) in {_fold(p) for p in parts}:
                return
            news.append(_Free.of(_words(lost[1]), self.unit(), _Role.NONE))
        if not self.admit([(i, _Free.of(self.info[i].words, u, _Role.GROUP))], news):
            return
        for part in parts:
            self.claim(part)
        self.take(i)
        item = self.by_old[i]
        item.texts, item.kind = parts, ChangeKind.SPLIT
        if lost is not None:
            self.claim(lost[1])
            at = self.position(item) + (0 if lost[0] == 0 else 1)
            self.items.insert(at, _Item((), [lost[1]], ChangeKind.ADDED))

    def merge(self) -> None:
        """Merge 2 to 4 consecutive clauses of 3 words or more, sometimes with one
        part reworded (keeping 60-80 % of its words)."""
        c = self.c
        k = c.integer(2, 4)
        starts = [
            s
            for s in range(len(self.base) - k + 1)
            if all(self.free(i) and len(self.info[i].words) >= 3 for i in range(s, s + k))
        ]
        if not starts:
            return
        s = c.choice(starts)
        group = tuple(range(s, s + k))
        texts = [self.base[i] for i in group]
        if c.boolean(0.6):
            long_parts = [m for m in range(k) if len(self.info[s + m].words) >= 6]
            if long_parts:
                m = c.choice(long_parts)
                # A merged part "keeps" the share of ITS words found in the merged text.
                changed = _reword_band(c, texts[m], _PIECE_KEEP[0], _PIECE_KEEP[1], measure=_kept_of_original)
                if changed is not None:
                    texts[m] = changed
        text = _merge_texts(texts)
        words = _words(text)
        joined = tuple(w for i in group for w in self.info[i].words)
        if _ratio(words, joined) < _JOINED_FLOOR or not self.claimable(text):
            return
        u = self.unit()
        olds = [(i, _Free.of(self.info[i].words, u, _Role.GROUP)) for i in group]
        if not self.admit(olds, [_Free.of(words, u, _Role.GROUP)]):
            return
        self.claim(text)
        self.take(*group)
        first = self.by_old[s]
        first.old, first.texts, first.kind = group, [text], ChangeKind.MERGED
        for i in group[1:]:
            self.by_old[i].old, self.by_old[i].texts = (), []

    def duplicate(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and self.unlike(i, self.changed)]
        if not candidates:
            return
        i = self.c.choice(candidates)
        # The inserted copy is left over after exact matching: a free clause.
        if not self.admit([], [_Free.of(self.info[i].words, self.unit(), _Role.NONE)]):
            return
        self.take(i, changed=False)
        self.duplicated.append(i)
        position = self.position(self.by_old[i])
        at = position + 1 + self.c.integer(0, 2)
        copy = _Item((), [self.base[i]], ChangeKind.ADDED)
        self.items.insert(min(at, len(self.items)), copy)
        self.copies.append((self.by_old[i], copy))

    def insert(self) -> None:
        for _ in range(4):
            text = self.c.choice(self.insert_pool) if self.insert_pool else _synth_clause(self.c)
            if not (self.unlike_everything(text) and self.claimable(text)):
                continue
            words = _words(text)
            if not self.admit([], [_Free.of(words, self.unit(), _Role.NONE)]):
                continue
            self.claim(text)
            self.inserted_bags.append((Counter(words), len(words)))
            self.items.insert(self.c.integer(0, len(self.items)), _Item((), [text], ChangeKind.ADDED))
            return

    # -- driver ----------------------------------------------------------------

    def edit(self, ops: frozenset[EditOp]) -> None:
        c = self.c
        for _ in range(self.count(EditOp.RENUMBER, ops)):
            self.renumber()
        self.near_duplicates()
        self.repeat()
        for _ in range(self.count(EditOp.MERGE, ops)):
            self.merge()
        for _ in range(self.count(EditOp.SPLIT, ops)):
            self.split()
        for _ in range(self.count(EditOp.REPLACE, ops)):
            self.replace()
        for _ in range(self.count(EditOp.REWORD, ops)):
            self.reword(c.choice(_STRENGTHS[Mix.HARD]))
        for _ in range(self.count(EditOp.DELETE, ops)):
            self.delete()
        for _ in range(self.count(EditOp.DUPLICATE, ops)):
            self.duplicate()
        for _ in range(self.count(EditOp.INSERT, ops)):
            self.insert()

    def plan_moves(self, ops: frozenset[EditOp]) -> list[_Move]:
        """Far moves of sections and blocks, and single moves that are short
        (a clause or two crossing 2 or 3 units) or far, often reworded."""
        c = self.c
        moves: list[_Move] = []
        for scenario, a, b in self.near:
            if scenario == "f" and EditOp.MOVE in ops and self.by_old[a].plain and self.by_old[b].plain:
                self.move_beside(a, b, moves)
        for op in (EditOp.MOVE_SECTION, EditOp.MOVE_BLOCK):
            for _ in range(self.count(op, ops)):
                self.plan_move(op, moves)
        for _ in range(self.count(EditOp.MOVE, ops)):
            if c.boolean(0.5):
                size = c.choice((1, 1, 2))
                self.plan_move(EditOp.MOVE if size == 1 else EditOp.MOVE_BLOCK, moves, size=size, crossing=(2, 3))
            else:
                self.plan_move(EditOp.MOVE, moves)
        return moves

    def move_beside(self, a: int, b: int, moves: list[_Move]) -> None:
        """Move clause ``a`` far, right beside its varied copy ``b``; reword it
        there and delete the copy.  The copy, in the gap the clause moved to,
        may come within 0.13 to 0.15 of the new text's similarity to ``a``
        (scenario "f"): the documented 0.1 in-gap bonus still leaves the move.
        """
        item, copy_item = self.by_old[a], self.by_old[b]
        if not self.plan_move(EditOp.MOVE, moves, moving=item, beside=copy_item):
            return
        own, copy = self.info[a].words, self.info[b].words
        options: list[tuple[bool, int, str, tuple[str, ...], float]] = []
        for k in range(8):
            text = _reword(self.c, self.base[a], self.c.choice((RewordStrength.LIGHT, RewordStrength.MEDIUM)))
            if text is None:
                return
            words = _words(text)
            if not self.claimable(text):
                continue
            sim, rival = _ratio(words, own), _ratio(words, copy)
            if sim >= _EDGE_BAND[0] and rival <= sim - _BESIDE_GAP[0]:
                # Prefer a copy that comes close (the case the bonus decides).
                options.append((rival <= sim - _BESIDE_GAP[1], k, text, words, sim))
        for _, _, text, words, sim in sorted(options):
            u, v = self.unit(), self.unit()
            limit = sim - _MOVED_MARGIN
            olds = [(a, _Free.of(own, u, _Role.ONE, limit)), (b, _Free.of(copy, v, _Role.NONE))]
            new = _Free.of(words, u, _Role.ONE, limit, rival=v, rival_cap=sim - _BESIDE_GAP[0])
            if not self.admit(olds, [new]):
                continue
            self.claim(text)
            self.take(b)
            item.texts = [text]
            self.changed.add(a)
            copy_item.texts, copy_item.kind = [], ChangeKind.REMOVED
            self.pinned.add(id(copy_item))
            return

    def reword_moved(self, item: _Item) -> None:
        i = item.old[0]
        if self.c.boolean(0.6) and self.unlike(i, self.duplicated):
            strength = self.c.choice((RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.EDGE))
            text = self.reworded_text(i, strength, _MOVED_MARGIN)
            if text is not None:
                item.texts = [text]
                self.changed.add(i)


def _as_ops(ops: Collection[EditOp | str] | None) -> frozenset[EditOp]:
    if ops is None:
        return frozenset(EditOp)
    return frozenset(EditOp(op) for op in ops)


def generate_pair(
    chooser: Chooser,
    base: Sequence[str],
    *,
    mix: Mix | str = Mix.MEDIUM,
    ops: Collection[EditOp | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> EditedPair:
    """Edit ``base`` into a new edition and return both with the exact answer.

    ``mix`` sets how many edits and how strong; ``ops`` restricts which
    :class:`EditOp` kinds may be used (default: all; ``replace``,
    ``near_duplicate`` and ``repeat`` are used by the hard mix only).
    Inserted clauses come from ``insert_pool`` when given (entries too
    similar to an old clause are skipped), else from the built-in vocabulary.
    No clause is touched by two edits, and only clauses whose normalized text
    is unique in ``base`` are edited, so the answer in
    :attr:`EditedPair.changes` is exact.  The hard mix may plant clauses in
    the old edition: its ``pair.old`` is ``base`` with clauses inserted.

    Timing: about ``O(n * e)`` word comparisons for ``n`` clauses and ``e``
    edits, plus ``O(n**2)`` per attempted move for the order check.

    >>> from conceptdiff import ChangeKind
    >>> base = generate_edition(RandomChooser(11), min_size=40, max_size=40)
    >>> pair = generate_pair(RandomChooser(12), base, mix="heavy", ops=["split"])
    >>> {c.kind for c in pair.changes} <= {ChangeKind.UNCHANGED, ChangeKind.SPLIT}
    True
    >>> generate_pair(RandomChooser(12), base, mix="heavy", ops=["split"]) == pair
    True
    """
    return _builder(chooser, tuple(base), Mix(mix), insert_pool, _as_ops(ops))


def _builder(
    c: Chooser, base: tuple[str, ...], mix: Mix, insert_pool: Sequence[str] | None, ops: frozenset[EditOp]
) -> EditedPair:
    if mix is Mix.HARD:
        return _HardBuilder(c, base, insert_pool, ops).build(ops)
    return _Builder(c, base, mix, insert_pool).build(ops)


# --------------------------------------------------------------------------
# Hypothesis strategies: the same core, driven by draw().
# --------------------------------------------------------------------------


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
        return _synth_clause(_DrawChooser(draw))

    return _clauses()


def editions(
    *, min_size: int = 1, max_size: int = 30, pool: Sequence[str] | None = None
) -> st.SearchStrategy[tuple[str, ...]]:
    """Strategy for an edition: a tuple of unique clause strings.

    See :func:`generate_edition` for the shape; ``pool`` draws a run of
    consecutive pool entries instead.

    >>> from hypothesis import given
    >>> @given(editions(min_size=2, max_size=5))
    ... def check(ed: tuple[str, ...]) -> None:
    ...     assert 2 <= len(ed) <= 5
    >>> check()
    """
    if min_size < 0 or max_size < min_size:
        raise ValueError(f"need 0 <= min_size <= max_size, got {min_size!r} and {max_size!r}")

    @st.composite
    def _editions(draw: st.DrawFn) -> tuple[str, ...]:
        return generate_edition(_DrawChooser(draw), min_size=min_size, max_size=max_size, pool=pool)

    return _editions()


def edited_pairs(
    *,
    base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None = None,
    mix: Mix | str = Mix.MEDIUM,
    ops: Collection[EditOp | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> st.SearchStrategy[EditedPair]:
    """Strategy for :class:`EditedPair`: an old edition, an edited new one, the answer.

    ``base`` is the old edition: a strategy (default ``editions(min_size=2,
    max_size=40)``) or a fixed clause sequence.  ``mix``, ``ops`` and
    ``insert_pool`` are as for :func:`generate_pair`.  Shrinking goes towards
    fewer, simpler edits on shorter editions.

    >>> from hypothesis import given
    >>> @given(edited_pairs(mix="heavy"))
    ... def check(pair: EditedPair) -> None:
    ...     assert sorted(i for c in pair.changes for i in c.new) == list(range(len(pair.new)))
    >>> check()
    """
    mix = Mix(mix)
    chosen_ops = _as_ops(ops)
    base_strategy: st.SearchStrategy[Sequence[str]]
    if base is None:
        base_strategy = editions(min_size=2, max_size=40)
    elif isinstance(base, st.SearchStrategy):
        base_strategy = base
    else:
        base_strategy = st.just(tuple(base))

    @st.composite
    def _pairs(draw: st.DrawFn) -> EditedPair:
        old = tuple(draw(base_strategy))
        return _builder(_DrawChooser(draw), old, mix, insert_pool, chosen_ops)

    return _pairs()
