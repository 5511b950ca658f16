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


class Mix(enum.Enum):
    """How much of an edition :func:`generate_pair` edits, and how hard.

    Counting each removed, reworded, moved, split, merged or added clause,
    ``light`` edits about 8 % of the clauses of an edition, mostly with light
    rewordings; ``medium`` about 20 %; ``heavy`` about 40 %, with mostly heavy
    rewordings and several (block) moves.

    >>> Mix("heavy") is Mix.HEAVY
    True
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


class RewordStrength(enum.Enum):
    """How hard a rewording is.

    ``light`` changes one or two words; ``medium`` up to about 20 % of the words (similarity >= 0.7);
    ``heavy`` up to about 40 %, keeping word-level similarity >= 0.6.

    >>> RewordStrength("light").value
    'light'
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


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
}
# Largest number of each move-like op (and renumbered runs), per mix.
_CAPS: Final[dict[Mix, dict[EditOp, int]]] = {
    Mix.LIGHT: {EditOp.MOVE: 1, EditOp.MOVE_BLOCK: 0, EditOp.MOVE_SECTION: 0, EditOp.RENUMBER: 1},
    Mix.MEDIUM: {EditOp.MOVE: 2, EditOp.MOVE_BLOCK: 1, EditOp.MOVE_SECTION: 1, EditOp.RENUMBER: 1},
    Mix.HEAVY: {EditOp.MOVE: 3, EditOp.MOVE_BLOCK: 2, EditOp.MOVE_SECTION: 1, EditOp.RENUMBER: 2},
}
_STRENGTHS: Final[dict[Mix, tuple[RewordStrength, ...]]] = {
    Mix.LIGHT: (RewordStrength.LIGHT, RewordStrength.LIGHT, RewordStrength.MEDIUM),
    Mix.MEDIUM: (RewordStrength.LIGHT, RewordStrength.MEDIUM, RewordStrength.HEAVY),
    Mix.HEAVY: (RewordStrength.MEDIUM, RewordStrength.HEAVY, RewordStrength.HEAVY),
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

    def renumber(self) -> None:
        numbered = [i for i in range(len(self.base)) if self.free(i) and _RENUMBERABLE.match(self.base[i])]
        if not numbered:
            return
        first = self.c.integer(0, len(numbered) - 1)
        run = numbered[first : first + self.c.integer(1, 5)]
        shift = self.c.choice((1, -1, 2))
        relabelled = [_relabel(self.base[i], shift) for i in run]
        if any(t is None for t in relabelled):
            relabelled = [_relabel(self.base[i], 1) for i in run]
        for i, text in zip(run, relabelled, strict=True):
            if text is None or text == self.base[i]:
                return
        for i, text in zip(run, relabelled, strict=True):
            assert text is not None
            self.take(i, changed=False)
            self.by_old[i].texts = [text]

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

    def plan_move(self, op: EditOp, moves: list[_Move]) -> None:
        items = self.items
        if op is EditOp.MOVE:
            size_choices = [1]
        elif op is EditOp.MOVE_BLOCK:
            size_choices = [self.c.integer(2, 4)]
        else:
            size_choices = list(range(2, 7))
        taken = [False] * len(items)
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
        if not starts:
            return
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
            if prefix[hi] - prefix[lo] < need:
                continue
            span_lo, span_hi = min(s, g), max(s + b, g)
            if any(taken[k] for k in range(span_lo, min(span_hi, len(items)))):
                continue
            gaps.append(g)
        if not gaps:
            return
        move = _Move(s, s + b, self.c.choice(gaps))
        trial = [*moves, move]
        _, placed = _flatten(_apply_moves(items, trial))
        off = _out_of_order(placed)
        expected = {id(items[k]) for m in trial for k in range(m.start, m.stop)}
        if off is None or off != expected:
            return
        moves.append(move)
        for k in range(s, s + b):
            items[k].plain = False
        old_index = items[s].old[0]
        if op is EditOp.MOVE and self.c.boolean(_MOVE_REWORD_P) and self.unlike(old_index, self.duplicated):
            text = _reword(self.c, self.base[old_index], self.c.choice(_STRENGTHS[self.mix]))
            if text is not None and self.closest_is_self(old_index, text) and self.new_text_ok(text):
                items[s].texts = [text]
                self.changed.add(old_index)

    # -- driver -------------------------------------------------------------

    def build(self, ops: frozenset[EditOp]) -> EditedPair:
        c, mix = self.c, self.mix
        editable = sum(self.editable)

        def count(op: EditOp) -> int:
            return _op_count(c, mix, op, editable) if op in ops else 0

        for _ in range(count(EditOp.RENUMBER)):
            self.renumber()
        for _ in range(count(EditOp.MERGE)):
            self.merge()
        for _ in range(count(EditOp.SPLIT)):
            self.split()
        for _ in range(count(EditOp.REWORD)):
            self.reword(c.choice(_STRENGTHS[mix]))
        for _ in range(count(EditOp.DELETE)):
            self.delete()
        for _ in range(count(EditOp.DUPLICATE)):
            self.duplicate()
        for _ in range(count(EditOp.INSERT)):
            self.insert()
        # Merged-away items carry nothing; drop them before moves.
        self.items = [it for it in self.items if it.old or it.texts]
        moves: list[_Move] = []
        for op in (EditOp.MOVE_SECTION, EditOp.MOVE_BLOCK, EditOp.MOVE):
            for _ in range(count(op)):
                self.plan_move(op, moves)
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
    :class:`EditOp` kinds may be used (default: all).  Inserted clauses come
    from ``insert_pool`` when given (entries too similar to an old clause
    are skipped), else from the built-in vocabulary.  No clause is touched by
    two edits, and only clauses whose normalized text is unique in ``base``
    are edited, so the answer in :attr:`EditedPair.changes` is exact.

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
    base = tuple(base)
    return _Builder(chooser, base, Mix(mix), insert_pool).build(_as_ops(ops))


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
        return _Builder(_DrawChooser(draw), old, mix, insert_pool).build(chosen_ops)

    return _pairs()
