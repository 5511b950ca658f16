"""Renderers: a :class:`~conceptdiff.Comparison` as text people or machines read.

Each renderer is a function ``render_<format>(comparison, **options) -> str``;
:func:`render` picks one by name.  Every renderer escapes document text for
its format.
"""

from __future__ import annotations

from typing import Any

from conceptdiff.model import Comparison
from conceptdiff.render.json import render_json
from conceptdiff.render.text import render_text

__all__ = ["FORMATS", "render", "render_json", "render_text"]

FORMATS = ("text", "json")


def render(comparison: Comparison, format: str = "text", **options: Any) -> str:
    """Render ``comparison`` in one of :data:`FORMATS`."""
    from conceptdiff.errors import InvalidOptionsError

    if format == "text":
        return render_text(comparison, **options)
    if format == "json":
        return render_json(comparison, **options)
    raise InvalidOptionsError("format", format, f"must be one of {', '.join(FORMATS)}")
