"""Inline text helpers shared by the readers: white space, and the inline
markup of lightweight markup languages left in plain text.

>>> strip_inline_markup("The **Licensee** may [read](https://x.org) ``the code`` and *use* it.")
'The Licensee may read the code and use it.'
>>> strip_inline_markup("2 * 3 * 4 and snake_case_name stay")
'2 * 3 * 4 and snake_case_name stay'
>>> collapse("  one\\n two\\t three ")
'one two three'
"""

from __future__ import annotations

import re

__all__ = ["collapse", "strip_inline_markup", "strip_rst_markup"]


def collapse(text: str) -> str:
    r"""What ``\s+ -> " "`` and ``strip()`` give (a hot path: ASCII text with
    no white space but single inner spaces needs nothing, and is only searched,
    one fast scan per white-space character, not split and joined)."""
    if (
        text.isascii()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and "\n" not in text
        and "\t" not in text
        and "\r" not in text
        and "\x0b" not in text
        and "\x0c" not in text
        and "\x1c" not in text
        and "\x1d" not in text
        and "\x1e" not in text
        and "\x1f" not in text
    ):
        return text
    return " ".join(text.split())


# Inline markup (Markdown, reStructuredText, HTML tags left in text).  Each
# pattern's inner run excludes its own delimiter, so matching stays linear.
# Each comes with a string every match holds: a text without it is not
# searched (the replacements only keep matched text or put a space).
# Marks reStructuredText and the Markdown left in plain text share (each with a string every match holds).
_TITLED_REFERENCE = ("`", re.compile(r"`([^`\n]{1,300})[ \t]+<[^>\s]{1,500}>`_{1,2}"), r"\1")  # `copy <x.txt>`__
_LITERAL = ("``", re.compile(r"``([^`\n]{1,300})``"), r"\1")  # ``NEW``
_INTERPRETED = ("`", re.compile(r"(?<!`)`([^`\n]{1,300})`(?!`)_{0,2}"), r"\1")  # `Public Domain Dedication`_
_STRONG = ("**", re.compile(r"(?<![\w*])\*\*(?=\S)([^*\n]{1,300})(?<=\S)\*\*(?![\w*])"), r"\1")

_INLINE_MARKUP = (
    ("![", re.compile(r"!\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)"), r"\1"),
    ("](", re.compile(r"\[([^\]\n]{1,300})\]\((?:[^)\s]{0,500})(?:[ \t]+\"[^\"\n]{0,200}\")?\)"), r"\1"),
    _TITLED_REFERENCE,
    _LITERAL,
    ("`", re.compile(r":[a-z]{1,20}:`([^`\n]{1,300})`"), r"\1"),
    _INTERPRETED,
    _STRONG,
    ("__", re.compile(r"(?<![\w_])__(?=\S)([^_\n]{1,300})(?<=\S)__(?![\w_])"), r"\1"),
    ("*", re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300})(?<=[^\s*])\*(?![\w*])"), r"\1"),
    ("_", re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,300})(?<=[^\s_])_(?![\w_])"), r"\1"),
    ("~~", re.compile(r"(?<!~)~~(?=\S)([^~\n]{1,300})(?<=\S)~~(?!~)"), r"\1"),
    (
        "<",
        re.compile(r"</?(?:br|b|i|em|strong|u|span|sup|sub|a|small|mark|code|p|div)\b[^<>]{0,200}>", re.IGNORECASE),
        " ",
    ),
    ("&", re.compile(r"&nbsp;|&#160;"), " "),
)


def strip_inline_markup(text: str) -> str:
    """Take Markdown/reST emphasis, code and link markup off ``text`` (a
    reStructuredText file's inline markup; Markdown files are read by their
    own parser)."""
    for needed, pattern, replacement in _INLINE_MARKUP:
        if needed in text:
            text = pattern.sub(replacement, text)
    return " ".join(text.split())


# reStructuredText's inline markup: its own, not Markdown's ("__main__" and "_private_"
# are names there, not emphasis).  Each comes with a string every match holds.
_RST_INLINE = (
    _TITLED_REFERENCE,
    _LITERAL,
    ("`", re.compile(r":[\w-]{1,30}:`([^`\n]{1,300})`"), r"\1"),  # :command:`cmake_policy`
    _INTERPRETED,
    ("_", re.compile(r"(?<![\w`])(\w[\w.+-]{0,60}?)__?(?=[\s.,;:!?)\]'\"]|$)"), None),  # exceptions_, Sphinx_
    _STRONG,
    ("*", re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,300})(?<=[^\s*\\])\*(?![\w*])"), r"\1"),
    ("]_", re.compile(r"\[([#*]?[\w-]{0,30})\]_"), r"[\1]"),  # a footnote's or a citation's reference: [1]_
    ("\\", re.compile(r"\\([^\s\w])"), r"\1"),  # an escaped character: \*.py
)


def strip_rst_markup(text: str) -> str:
    """Take reStructuredText's inline markup off ``text``: roles, literals,
    references (`` `title <target>`_ ``, ``word_``), emphasis, footnote
    references, escapes.

    >>> strip_rst_markup("See the `Public Domain Dedication`_ and the exceptions_ ([#]_), ``NEW``.")
    'See the Public Domain Dedication and the exceptions ([#]), NEW.'
    >>> strip_rst_markup("docutils/__main__.py and \\*.py files, :command:`if(POLICY)`")
    'docutils/__main__.py and *.py files, if(POLICY)'
    """
    for needed, pattern, replacement in _RST_INLINE:
        if needed in text:
            text = pattern.sub(replacement or _reference, text)
    return " ".join(text.split())


def _reference(match: re.Match[str]) -> str:
    """A reference's name (``exceptions_``), not a name that only looks like one
    (``__version__``, ``_private_``, ``my_var_``: underscores inside it)."""
    name = match.group(1)
    return match.group(0) if "_" in name else name
