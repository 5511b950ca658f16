"""JSON for machines: :meth:`Comparison.to_dict`, dumped deterministically."""

from __future__ import annotations

import json

from conceptdiff.model import Comparison

__all__ = ["render_json"]


def render_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    """The comparison as JSON text (UTF-8 safe, keys in schema order).

    >>> import conceptdiff, json
    >>> doc = json.loads(render_json(conceptdiff.compare("a b c", "a b d")))
    >>> doc["schema"], [c["kind"] for c in doc["changes"]]
    ('conceptdiff.comparison/2', ['reworded'])
    """
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"
