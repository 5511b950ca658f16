"""The one exception hierarchy of conceptdiff.

Every error conceptdiff raises on purpose is a :class:`ConceptDiffError`.  The
subclasses also derive from the builtin that fits (``ValueError``, ``OSError``)
so that code written against the builtins keeps working, and each carries the
place it is about (``path``, ``line``, ``argument``) as attributes as well as in
its message.

>>> from conceptdiff import Options
>>> try:
...     Options(reworded_threshold=2.0)
... except InvalidOptionsError as error:
...     print(error)
invalid option reworded_threshold=2.0: must be between 0 and 1
"""

from __future__ import annotations

from conceptdiff._names import escape_name

__all__ = [
    "ConceptDiffError",
    "ConceptDiffWarning",
    "DecodeError",
    "FileReadError",
    "InputError",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidComparisonError",
    "InvalidOptionsError",
    "NotTextError",
]


class ConceptDiffError(Exception):
    """Root of every error conceptdiff raises on purpose."""


class InputError(ConceptDiffError, ValueError):
    """An edition could not be read.  ``path`` names the file (or ``None`` for text).

    The message is always one line of valid UTF-8: the file's name is shown
    escaped (a newline as ``\\n``, a byte that is not UTF-8 as ``\\xNN``,
    :func:`conceptdiff._names.escape_name`), while ``path`` keeps it as given.

    >>> print(InputError("no such file", path="minutes\\n2024\\udcff.txt"))
    minutes\\n2024\\xff.txt: no such file
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = escape_name(path)
            if line is not None:
                where += f":{line}"
            where += ": "
        super().__init__(escape_name(f"{where}{message}"))


class InputTypeError(ConceptDiffError, TypeError):
    """An edition was given as a value of no accepted type (see
    :func:`conceptdiff.compare`: an ``Edition``, text, a path, or a sequence
    of clause strings).  ``argument`` names the parameter."""

    def __init__(self, message: str, *, argument: str | None = None) -> None:
        self.argument = argument
        super().__init__(message)


class ConceptDiffWarning(UserWarning):
    """Something a user should know that does not stop the comparison: a
    ``str`` that is also the name of a file (read as text), an empty edition."""


class FileReadError(InputError):
    """The file is missing, a directory, or cannot be opened."""


class DecodeError(InputError):
    """The bytes cannot be decoded in the given or detected encoding."""


class NotTextError(InputError):
    """The file is not a text document (an image, an archive, NUL bytes ...)."""


class InputTooLargeError(InputError):
    """The input is larger than :attr:`Options.max_input_bytes`."""


class InvalidOptionsError(ConceptDiffError, ValueError):
    """An option has a value outside its documented range, or options contradict."""

    def __init__(self, argument: str, value: object, reason: str) -> None:
        self.argument = argument
        self.value = value
        super().__init__(f"invalid option {argument}={value!r}: {reason}")


class InvalidComparisonError(ConceptDiffError, ValueError):
    """A serialized comparison (``Comparison.from_dict``) is malformed."""

    def __init__(self, message: str, *, where: str = "") -> None:
        self.where = where
        prefix = f"{where}: " if where else ""
        super().__init__(f"invalid serialized comparison: {prefix}{message}")
