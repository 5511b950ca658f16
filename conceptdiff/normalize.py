"""Normalization: the comparable form of a clause's text.

The original text is never altered: reports show :attr:`Clause.text`, and the
aligner compares :func:`normalize_text` of it.  Normalization is idempotent:
``normalize_text(normalize_text(s)) == normalize_text(s)``.

>>> normalize_text("  Russia’s   “new”\\u00a0concept — [...] ")
'Russia\\'s "new" concept - […]'
>>> words("The Licensee's rights [...] (Article 5).")
['the', "licensee's", 'rights', '[…]', 'article', '5']
"""

from __future__ import annotations

import re
import unicodedata

from conceptdiff._text import WORD_RE

__all__ = ["ELISION", "normalize_collapsed", "normalize_text", "words"]

#: The one token every elision marker (``[…]``, ``[...]``, ``[….]``, ``…``) becomes.
ELISION = "[…]"

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    }
)  # fmt: skip

_FOLD_PAIRS = tuple((chr(code), replacement or "") for code, replacement in sorted(_FOLD.items()))


def _fold_typography(text: str) -> str:
    """``text.translate(_FOLD)``, faster: ``str.translate`` with a dict looks up
    every character, while a text holds few of these; a search for each is a
    fast scan of the string."""
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


# Bounded: each alternative is a fixed or linear run with no nested quantifier.
_ELISION_RE = re.compile(r"\[\s?(?:…|\.\.\.|…\.|\.…|\.{2,6})\s?\]|…|\.{3,}")


def normalize_text(text: str) -> str:
    """The comparable form of ``text``: NFKC, quotes and dashes folded,
    invisible characters removed, elisions unified, white space collapsed."""
    # Fast paths (a hot loop on long editions): NFKC and the folding table
    # change no ASCII character, and every elision marker holds "…" or "..".
    folded = text if text.isascii() else _fold_typography(unicodedata.normalize("NFKC", text))
    if "…" in folded or ".." in folded:
        folded = _ELISION_RE.sub(ELISION, folded)
    return " ".join(folded.split())


_DELETED = tuple(chr(code) for code, replacement in _FOLD.items() if replacement is None)


def normalize_collapsed(text: str) -> str:
    """:func:`normalize_text` of a text whose white space is already collapsed
    (single inner spaces, none at the ends), skipping what cannot change it: a
    hot path when reading editions.  NFKC can bring spaces in ("¨" is " ̈")
    and removing an invisible character can leave two spaces side by side, so
    such texts take the full path.

    >>> normalize_collapsed("Russia’s “new” concept [...]")
    'Russia\\'s "new" concept […]'
    """
    if text.isascii():
        if ".." not in text:
            return text
    elif unicodedata.is_normalized("NFKC", text) and not any(char in text for char in _DELETED):
        folded = _fold_typography(text)
        return _ELISION_RE.sub(ELISION, folded) if "…" in folded or ".." in folded else folded
    return normalize_text(text)


def words(text: str) -> list[str]:
    """Case-folded words of normalized text, the unit of similarity.

    Punctuation is left out; an elision marker is one word.
    """
    return WORD_RE.findall(normalize_text(text).casefold())
