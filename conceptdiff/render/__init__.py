"""Renderers: a :class:`~conceptdiff.Comparison` as text people or machines read.

Each renderer is a function ``render_<format>(comparison, *, options=None, ...)
-> str``; :func:`render` picks one by name.  The human-readable ones (text,
Markdown, HTML) take a :class:`ReportOptions` and tell the same story: the
same changes, numbered the same way, with the same significance
(:mod:`conceptdiff.significance`).  Every renderer escapes document text for
its format.

>>> import conceptdiff
>>> result = conceptdiff.compare("Members may vote.", "Members shall vote.")
>>> print(render(result, "markdown").splitlines()[0])
# What changed: old → new
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conceptdiff.model import Comparison
from conceptdiff.render._report import Context, ReportOptions
from conceptdiff.render.html import render_html, render_html_fragment
from conceptdiff.render.json import render_json
from conceptdiff.render.markdown import render_markdown
from conceptdiff.render.text import render_stat, render_text

__all__ = [
    "FORMATS",
    "Context",
    "ReportOptions",
    "render",
    "render_html",
    "render_html_fragment",
    "render_json",
    "render_markdown",
    "render_stat",
    "render_text",
]

FORMATS = ("text", "markdown", "html", "json")


def render(comparison: Comparison, format: str = "text", **options: Any) -> str:
    """Render ``comparison`` in one of :data:`FORMATS`; ``options`` go to that renderer."""
    from conceptdiff.errors import InvalidOptionsError

    renderers: dict[str, Callable[..., str]] = {
        "text": render_text,
        "markdown": render_markdown,
        "html": render_html,
        "json": render_json,
    }
    renderer = renderers.get(format)
    if renderer is None:
        raise InvalidOptionsError("format", format, f"must be one of {', '.join(FORMATS)}")
    return renderer(comparison, **options)
