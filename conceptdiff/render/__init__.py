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

import importlib
from typing import TYPE_CHECKING, Any

from conceptdiff.model import Comparison

if TYPE_CHECKING:
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

# Each renderer's module is imported on first use: a program (the command
# line) that writes one format does not load the others (nor, for JSON, the
# report model and its significance rules).
_RENDERERS = {
    "Context": "conceptdiff.render._report",
    "ReportOptions": "conceptdiff.render._report",
    "render_html": "conceptdiff.render.html",
    "render_html_fragment": "conceptdiff.render.html",
    "render_json": "conceptdiff.render.json",
    "render_markdown": "conceptdiff.render.markdown",
    "render_stat": "conceptdiff.render.text",
    "render_text": "conceptdiff.render.text",
}


def __getattr__(name: str) -> Any:
    if name in _RENDERERS:
        return getattr(importlib.import_module(_RENDERERS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(comparison: Comparison, format: str = "text", **options: Any) -> str:
    """Render ``comparison`` in one of :data:`FORMATS`; ``options`` go to that renderer."""
    from conceptdiff.errors import InvalidOptionsError

    if format not in FORMATS:
        raise InvalidOptionsError("format", format, f"must be one of {', '.join(FORMATS)}")
    renderer: Any = __getattr__(f"render_{format}")
    return str(renderer(comparison, **options))
