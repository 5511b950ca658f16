"""Golden outputs: each renderer on each hand-made fixture pair, compared with
reviewed output committed under ``tests/golden/``.

The renderers read the comparison of each pair as it was when the goldens were
made (``<pair>.comparison.json``, read back with ``Comparison.from_dict``), so
that these tests check the renderers alone: an improvement of the aligner or
the segmenter does not break them (the live pipeline is covered by the other
render tests).  When a renderer changes on purpose, or to take up the
pipeline's current answers, regenerate, then *read* the new files before
committing them (``git diff tests/golden``)::

    CONCEPTDIFF_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_golden.py
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import conceptdiff
from conceptdiff.render import ReportOptions, render_html, render_json, render_markdown, render_stat, render_text

from .conftest import PAIRS

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("CONCEPTDIFF_UPDATE_GOLDEN") == "1"

Renderer = Callable[[conceptdiff.Comparison], str]
RENDERERS: dict[str, Renderer] = {
    "txt": lambda c: render_text(c, width=80),
    "stat.txt": lambda c: render_stat(c, width=80),
    "md": lambda c: render_markdown(c),
    "html": lambda c: render_html(c),
    # The stored input itself: JSON read back and written again is byte for byte the same.
    "comparison.json": lambda c: render_json(c),
}
# A few option variants, on the pairs where they show something.
VARIANTS: dict[tuple[str, str], Renderer] = {
    ("renumbered_sections", "document.md"): lambda c: render_markdown(c, options=ReportOptions(context="document")),
    ("renumbered_sections", "document.txt"): lambda c: render_text(c, options=ReportOptions(context="document")),
    ("smart_quotes_vs_ascii", "hide-cosmetic.md"): lambda c: render_markdown(
        c, options=ReportOptions(hide_cosmetic=True)
    ),
    ("moved_and_reworded", "document.html"): lambda c: render_html(c, options=ReportOptions(context="document")),
}
PAIR_NAMES = sorted(p.name for p in PAIRS.iterdir() if (p / "old.txt").exists())
CASES = [(pair, suffix, RENDERERS[suffix]) for pair in PAIR_NAMES for suffix in RENDERERS] + [
    (pair, suffix, renderer) for (pair, suffix), renderer in VARIANTS.items()
]


def _comparison(pair: str) -> conceptdiff.Comparison:
    """The pair's comparison as stored beside the goldens (made afresh when updating)."""
    path = GOLDEN / f"{pair}.comparison.json"
    if UPDATE:
        old = conceptdiff.Edition.from_path(PAIRS / pair / "old.txt")
        new = conceptdiff.Edition.from_path(PAIRS / pair / "new.txt")
        path.write_text(render_json(conceptdiff.compare(old, new)), encoding="utf-8", newline="\n")
    assert path.exists(), f"no {path.name}: run with CONCEPTDIFF_UPDATE_GOLDEN=1, then review the goldens"
    return conceptdiff.Comparison.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _stable(text: str) -> str:
    """The output with the library version taken out (it is in the HTML footer)."""
    return re.sub(r"conceptdiff \d+(?:\.\d+)+(?:(?:a|b|rc|\.dev|\.post)\d+)*", "conceptdiff VERSION", text)


@pytest.mark.parametrize(("pair", "suffix", "renderer"), CASES, ids=[f"{p}.{s}" for p, s, _ in CASES])
def test_golden(pair: str, suffix: str, renderer: Renderer) -> None:
    actual = _stable(renderer(_comparison(pair)))
    path = GOLDEN / f"{pair}.{suffix}"
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path.name}: run with CONCEPTDIFF_UPDATE_GOLDEN=1, then review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs; if on purpose, regenerate and review (see module docstring)"


def test_every_golden_file_is_checked() -> None:
    checked = {f"{pair}.{suffix}" for pair, suffix, _ in CASES}
    on_disk = {p.name for p in GOLDEN.iterdir() if p.is_file()}
    assert on_disk <= checked, f"stale golden files: {sorted(on_disk - checked)}"
