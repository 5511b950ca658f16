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

__all__ = ["ELISION", "normalize_text", "words"]

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


def _fold(text: str) -> str:
    """``text.translate(_FOLD)``, faster: ``str.translate`` with a dict looks up
    every character, while a text holds few of these; a search for each is a
    fast scan of the string."""
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


# Bounded: each alternative is a fixed or linear run with no nested quantifier.
_ELISION_RE = re.compile(r"\[\s?(?:…|\.\.\.|…\.|\.…|\.{2,6})\s?\]|…|\.{3,}")
_WORD_RE = re.compile(r"\[…\]|\w+(?:['’]\w+)*")


def normalize_text(text: str) -> str:
    """The comparable form of ``text``: NFKC, quotes and dashes folded,
    invisible characters removed, elisions unified, white space collapsed."""
    # Fast paths (a hot loop on long editions): NFKC and the folding table
    # change no ASCII character, and every elision marker holds "…" or "..".
    folded = text if text.isascii() else _fold(unicodedata.normalize("NFKC", text))
    if "…" in folded or ".." in folded:
        folded = _ELISION_RE.sub(ELISION, folded)
    return " ".join(folded.split())


def words(text: str) -> list[str]:
    """Case-folded words of normalized text, the unit of similarity.

    Punctuation is left out; an elision marker is one word.
    """
    return _WORD_RE.findall(normalize_text(text).casefold())
