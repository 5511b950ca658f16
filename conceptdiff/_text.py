"""Text helpers every stage shares: the comparison's word, diff tokens, and
control characters escaped for display.

One meaning each, defined once:

* :data:`WORD_RE`: a word as comparisons count it (letters, digits and
  apostrophes inside a word; an elision marker ``[…]`` is one word).
  :func:`conceptdiff.normalize.words` applies it to normalized text.
* :func:`tokens`: a text cut into diff tokens (runs of white space, of word
  characters, of other characters), a grapheme never cut in two.
* :func:`escape_controls`: text made safe to show on one line of a terminal
  or a report: control characters, bidirectional overrides and the bytes of
  a file name that were not UTF-8 become visible escapes.

>>> WORD_RE.findall("Russia's new concept […] in 2023")
["Russia's", 'new', 'concept', '[…]', 'in', '2023']
>>> tokens("Russia’s 👍🏽!")
['Russia', '’', 's', ' ', '👍🏽!']
>>> escape_controls("a\\x1b[31mb\\nc", keep="\\n")
'a\\\\x1b[31mb\\nc'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["WORD_RE", "escape_controls", "tokens"]

#: A word as comparisons count it (see the module docstring).  Bounded: no nested quantifier.
WORD_RE: Final = re.compile(r"\[…\]|\w+(?:['’]\w+)*")

_TOKEN_RE: Final = re.compile(r"\s+|\w+|[^\w\s]+")

# C0 and C1 controls (newline and tab included unless kept), DEL, the line and
# paragraph separators, the bidirectional marks, embeddings, overrides and
# isolates that could reorder a line on screen, and surrogates (bytes of a
# file name that were not UTF-8, or a lone surrogate).
_CONTROL_RE: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with each control character written as an escape: ``\\n``,
    ``\\t``, ``\\r``, ``\\xNN`` (C0, C1, and a non-UTF-8 byte of a file name),
    ``\\uXXXX`` (bidirectional controls, separators, lone surrogates).  The
    characters in ``keep`` (e.g. ``"\\t\\n"`` for a multi-line report) stay.

    A backslash is left as it is, so escaping twice gives the same text.
    """
    if text.isprintable() and not keep:
        return text  # the common case: nothing to escape (isprintable is False for every class above)
    if not keep:
        return _CONTROL_RE.sub(_escape_one, text)
    return _CONTROL_RE.sub(lambda m: m.group() if m.group() in keep else _escape_one(m), text)


def _attaches(char: str) -> bool:
    """Characters that must stay with the one before them (same grapheme)."""
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf", "Sk")
        or (0xFE00 <= ord(char) <= 0xFE0F)
    )


def tokens(text: str) -> list[str]:
    """Cut ``text`` into diff tokens; ``"".join(tokens(t)) == t``.

    >>> [len(token) for token in tokens("re\\u0301gime done")]  # the accent stays in its word
    [7, 1, 4]
    """
    if text.isascii() or not any(_attaches(char) for char in set(text) if ord(char) > 0x7F):
        return _TOKEN_RE.findall(text)  # nothing can attach: the regex alone is right
    out: list[str] = []
    word_open = False  # the last token is a word, possibly ending in combining marks
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        is_word = token[0].isalnum() or token[0] == "_"
        if out and (_attaches(token[0]) or (is_word and word_open)):
            out[-1] += token
            word_open = word_open or is_word
            if not _attaches(token[-1]) and not is_word:
                word_open = False
        else:
            out.append(token)
            word_open = is_word
    return out
