"""File names made safe to show: one line, valid UTF-8.

A file name on Linux is any bytes but ``/`` and NUL; Python hands the ones
that are not UTF-8 over as surrogate escapes (``os.fsdecode(b"bad\\xff")`` is
``"bad\\udcff"``), which no UTF-8 report or JSON can hold, and a name may hold
a newline or a terminal escape.  :func:`escape_name` is the one place such a
name becomes display text: it is used by the messages of
:class:`~conceptdiff.InputError`, by the command line, and (through
:func:`label_from_path`) for the label an edition read from a file gets.

Nothing else is changed: a backslash stays as it is, so escaping twice gives
the same text.

>>> escape_name("minutes\\n2024.txt"), escape_name("tab\\there"), escape_name("esc\\x1b[31m")
('minutes\\\\n2024.txt', 'tab\\\\there', 'esc\\\\x1b[31m')
>>> escape_name("bad\\udcff.txt"), escape_name("r\\u00e9sum\\u00e9 \\u202e.txt")
('bad\\\\xff.txt', 'résumé \\\\u202e.txt')
>>> label_from_path("/tmp/old\\nedition.txt")
'old\\\\nedition.txt'
"""

from __future__ import annotations

import os
from os import PathLike
from pathlib import PurePath

from conceptdiff._text import escape_controls

__all__ = ["escape_name", "label_from_path"]


def escape_name(name: str | PathLike[str]) -> str:
    """``name`` as one line of valid UTF-8: control characters as ``\\n``,
    ``\\t``, ``\\xNN``; bidirectional controls and separators as ``\\uXXXX``;
    the bytes of a name that were not UTF-8 as ``\\xNN``."""
    return escape_controls(os.fspath(name))


def label_from_path(path: str | PathLike[str]) -> str:
    """The label of an edition read from ``path``: its file name, escaped."""
    return escape_name(PurePath(path).name)
