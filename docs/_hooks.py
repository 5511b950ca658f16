"""MkDocs hooks for the documentation site (mkdocs.yml: ``hooks``)."""

from __future__ import annotations

import re
from typing import Any

# A command's help names placeholders in angle brackets (``OLD<TAB>NEW``): Markdown passes them
# through as raw HTML, where a browser drops them as unknown tags.  Generated HTML tags are lower case.
PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_-]*)>")


def on_page_content(html: str, **kwargs: Any) -> str:
    """Show upper-case placeholders in angle brackets as text."""
    return PLACEHOLDER.sub(r"&lt;\1&gt;", html)
