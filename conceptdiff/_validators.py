"""Every check of an option's value, in one place.

The attrs validators of :class:`~conceptdiff.Options` and
:class:`~conceptdiff.ReportOptions`, and the checks of the keyword arguments
of :func:`~conceptdiff.compare`, :func:`~conceptdiff.compare_many`, the
reports and :mod:`conceptdiff.testing`.  Each raises
:class:`~conceptdiff.InvalidOptionsError` naming the argument, its value and
what it must be.

>>> whole_number("limit", -1, minimum=0, optional=True)
Traceback (most recent call last):
...
conceptdiff.errors.InvalidOptionsError: invalid option limit=-1: must be None or a whole number >= 0
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from conceptdiff.errors import InvalidOptionsError

__all__ = [
    "at_least_two",
    "boolean",
    "non_negative",
    "optional_boolean",
    "options_or_default",
    "positive_int",
    "unit_interval",
    "whole_number",
]

_T = TypeVar("_T")


def whole_number(name: str, value: object, *, minimum: int, optional: bool = False) -> None:
    """``value`` is an ``int`` (not a ``bool``) of at least ``minimum`` (or ``None`` when ``optional``)."""
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        prefix = "None or " if optional else ""
        raise InvalidOptionsError(name, value, f"must be {prefix}a whole number >= {minimum}")


def optional_boolean(name: str, value: object) -> None:
    """``value`` is ``True``, ``False`` or ``None``."""
    if value is not None and not isinstance(value, bool):
        raise InvalidOptionsError(name, value, "must be True, False or None")


def options_or_default(value: _T | None, kind: type[_T], name: str = "options") -> _T:
    """``value``, or ``kind()`` when it is ``None``; anything but a ``kind`` raises."""
    if value is None:
        return kind()
    if not isinstance(value, kind):
        raise InvalidOptionsError(name, value, f"must be a conceptdiff.{kind.__name__}")
    return value


# -- attrs validators -------------------------------------------------------------


def unit_interval(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise InvalidOptionsError(attribute.name, value, "must be between 0 and 1")


def positive_int(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    whole_number(attribute.name, value, minimum=1)


def non_negative(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    whole_number(attribute.name, value, minimum=0)


def at_least_two(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    whole_number(attribute.name, value, minimum=1)
    if value < 2:
        raise InvalidOptionsError(attribute.name, value, "must be at least 2")


def boolean(instance: Any, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise InvalidOptionsError(attribute.name, value, "must be True or False")
