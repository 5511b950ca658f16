"""The one input contract: what every entry point accepts as an edition.

:func:`conceptdiff.compare`, :func:`conceptdiff.compare_many`, the helpers of
:mod:`conceptdiff.testing` and every later entry point read their editions
through :func:`as_edition`, so that a value means the same everywhere:

* an :class:`~conceptdiff.Edition` is used as it is;
* a ``str`` is the edition's **text** (:meth:`Edition.from_text`); a ``str``
  that is exactly the name of an existing file, with no line break, is still
  read as text, with a :class:`~conceptdiff.ConceptDiffWarning` that names
  :class:`pathlib.Path` (the way to read the file);
* an ``os.PathLike`` (:class:`pathlib.Path`) is a **file**
  (:meth:`Edition.from_path`, its label the file's name);
* any other sequence of ``str`` is the edition's **clauses**, one string each
  (:meth:`Edition.from_clauses`);
* anything else raises :class:`~conceptdiff.InputTypeError`.

>>> as_edition(["1. Scope.", "2. Fees."], side="new").texts
('Scope.', 'Fees.')
>>> as_edition(42)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
conceptdiff.errors.InputTypeError: old edition must be an Edition, text (str), a path (os.PathLike) or ..., not int
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeAlias

from conceptdiff._text import escape_controls
from conceptdiff.errors import ConceptDiffWarning, InputTypeError
from conceptdiff.model import Edition

if TYPE_CHECKING:
    from conceptdiff.options import Options

__all__ = ["EditionLike", "as_edition", "warn_if_empty"]

#: What every entry point accepts as an edition.
EditionLike: TypeAlias = "Edition | str | os.PathLike[str] | Sequence[str]"

# A name longer than this is not looked up on disk (no file system has such names).
_MAX_NAME = 4096


def _names_a_file(text: str) -> bool:
    if not text or len(text) > _MAX_NAME or "\n" in text or "\r" in text or "\0" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):  # a name the platform cannot even look up
        return False


def as_edition(value: object, *, side: str = "old", options: Options | None = None) -> Edition:
    """Read one edition by the contract above.

    ``side`` (``"old"``, ``"new"``, ``"edition 3"`` ...) labels an edition
    made of text or clauses and names the argument in errors and warnings.
    """
    if isinstance(value, Edition):
        return value
    if isinstance(value, str):
        if _names_a_file(value):
            warnings.warn(
                f"{side} edition {value!r} is the name of a file but was read as text; "
                f"pass pathlib.Path({value!r}) to read the file",
                ConceptDiffWarning,
                stacklevel=3,
            )
        return Edition.from_text(value, label=side, options=options)
    if isinstance(value, os.PathLike):
        return Edition.from_path(value, options=options)
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray, memoryview)):
        for position, item in enumerate(value):
            if not isinstance(item, str):
                raise InputTypeError(
                    f"{side} edition: clause {position} is {type(item).__name__}, not str", argument=side
                )
        return Edition.from_clauses(value, label=side)
    hint = " (decode bytes to str first, or pass a pathlib.Path)" if isinstance(value, (bytes, bytearray)) else ""
    raise InputTypeError(
        f"{side} edition must be an Edition, text (str), a path (os.PathLike) or a sequence of clause strings, "
        f"not {type(value).__name__}{hint}",
        argument=side,
    )


def warn_if_empty(edition: Edition, side: str, *, stacklevel: int = 3) -> None:
    """Warn (:class:`~conceptdiff.ConceptDiffWarning`) when an edition has no
    clause: an empty or blank file, or one whose text was all set aside."""
    if edition.clauses:
        return
    label = edition.label
    name = f"{side} edition" if label is None or label == side else f"{side} edition '{escape_controls(label)}'"
    if edition.dropped:
        reason = f"all its text was set aside ({len(edition.dropped)} spans, see Edition.dropped)"
    else:
        reason = "it is empty or blank"
    warnings.warn(f"{name} has no clauses: {reason}", ConceptDiffWarning, stacklevel=stacklevel)
