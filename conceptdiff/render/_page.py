"""What the standalone HTML reports of histories and quote checks share: one
page with its style sheet inline, a Content-Security-Policy that allows that
style sheet (by its hash) and no script at all, escaped text, and word edits
as ``<del>``/``<ins>``.  (The comparison's redline, :mod:`conceptdiff.render.html`,
has a script of its own and its own page.)"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Sequence

from conceptdiff._version import __version__
from conceptdiff.model import EditOp, WordEdit

__all__ = ["edits_html", "escape", "standalone_page"]


def escape(text: str) -> str:
    """Document text as HTML text or attribute value."""
    return html.escape(text, quote=True)


def edits_html(edits: Sequence[WordEdit]) -> str:
    """Word edits as escaped text with ``<del>`` and ``<ins>``; clause breaks as ``¶``."""
    out = []
    for edit in edits:
        text = escape(edit.text).replace("\n", " ¶ ")
        if edit.op is EditOp.EQUAL:
            out.append(text)
        elif edit.op is EditOp.DELETE:
            out.append(f"<del>{text}</del>")
        else:
            out.append(f"<ins>{text}</ins>")
    return "".join(out)


def standalone_page(title: str, css: str, body: Sequence[str]) -> str:
    """One HTML document: ``body``'s lines (already HTML) under ``title``, ``css`` inline."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; script-src 'none'; base-uri 'none'; form-action 'none'"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="conceptdiff {escape(__version__)}">',
            f"<title>{escape(title)}</title>",
            f"<style>{css}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
