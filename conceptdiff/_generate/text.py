"""Text helpers of the generator: labels, and the engine's notions of a clause.

"Same text" and "same words" are the engine's own notions
(:mod:`conceptdiff.segment` takes the label off, :mod:`conceptdiff.normalize`
folds the rest), so the answer follows the documented normalization exactly
instead of a second copy of it.  Similarity is the engine's measure too:
``2 * LCS / (len(a) + len(b))`` over case-folded words.

>>> split_label("(b) The Licensee shall pay.")
('(b) ', 'The Licensee shall pay.')
>>> normalized("3. The \u201cWork\u201d."), clause_words("3. The \u201cWork\u201d.")
('The "Work".', ('the', 'work'))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs
from rapidfuzz.distance import Indel

from conceptdiff.normalize import words as normalize_words
from conceptdiff.segment import clause_from_string

__all__ = [
    "RENUMBERABLE",
    "ClauseInfo",
    "bag_dice",
    "clause_words",
    "from_roman",
    "is_heading",
    "normalized",
    "split_label",
    "to_roman",
    "word_similarity",
]

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
RENUMBERABLE: Final = re.compile(
    r"^(?:(?P<num>\d{1,3})\.|\((?P<letter>[a-y])\)|Article (?P<article>\d{1,3})|(?P<roman>[IVX]{1,6})\.)(?=\s+\S)"
)

_ROMAN_VALUES: Final = (
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN_VALUES:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int | None:
    for n in range(1, 40):
        if to_roman(n) == s:
            return n
    return None


def split_label(text: str) -> tuple[str, str]:
    """Split ``text`` into its leading label or bullet (with its space) and the rest."""
    m = _ANY_LABEL.match(text)
    if m is None:
        return "", text
    return text[: m.end()], text[m.end() :]


def normalized(text: str) -> str:
    """The engine's normalized text of one clause (label off, case kept)."""
    return clause_from_string(text).normalized


def clause_words(text: str) -> tuple[str, ...]:
    """The engine's case-folded words of one clause (label off, punctuation out)."""
    return tuple(normalize_words(clause_from_string(text).text))


def word_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word-level similarity 2 * LCS / (len(a) + len(b)), the engine's measure."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


def bag_dice(a: Counter[str], len_a: int, b: Counter[str], len_b: int) -> float:
    """Upper bound of :func:`word_similarity`: word multiset overlap, order ignored."""
    if len_a + len_b == 0:
        return 1.0
    return 2.0 * sum((a & b).values()) / (len_a + len_b)


def is_heading(text: str) -> bool:
    words = normalized(text).split()
    return 0 < len(words) <= 10 and not words[-1].endswith((".", ";", ":", ",", "?", "!", '"'))


@attrs.frozen
class ClauseInfo:
    text: str
    fold: str
    words: tuple[str, ...]
    bag: Counter[str] = attrs.field(eq=False)

    @classmethod
    def of(cls, text: str) -> ClauseInfo:
        words = clause_words(text)
        return cls(text, normalized(text), words, Counter(words))
