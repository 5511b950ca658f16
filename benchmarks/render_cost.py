"""What a report costs on top of the comparison: each format against JSON.

Usage::

    python -m benchmarks.render_cost [--rounds 9] [OLD NEW]

Times ``compare(old, new)`` followed by each renderer (JSON, Markdown, HTML,
the terminal's text) on two editions read once beforehand (default: the US
National Security Strategies of 2002 and 2006, the longest real pair in
``fixtures/corpus``), in rounds that run every format in turn, and prints each
format's median time as a ratio to the JSON one.  The goal (issue 14): no
report above 1.25x.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import conceptdiff
from conceptdiff.model import Comparison
from conceptdiff.render.html import render_html
from conceptdiff.render.json import render_json
from conceptdiff.render.markdown import render_markdown
from conceptdiff.render.text import render_text

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("old", nargs="?", default=str(CORPUS / "us-nss-2002.en.txt"))
    parser.add_argument("new", nargs="?", default=str(CORPUS / "us-nss-2006.en.txt"))
    args = parser.parse_args(argv)
    old, new = conceptdiff.Edition.from_path(args.old), conceptdiff.Edition.from_path(args.new)
    renderers: dict[str, Callable[[Comparison], str]] = {
        "json": render_json,
        "markdown": render_markdown,
        "html": render_html,
        "text": render_text,
    }
    times: dict[str, list[float]] = {name: [] for name in renderers}
    for _ in range(args.rounds):
        for name, render in renderers.items():
            start = time.perf_counter()
            render(conceptdiff.compare(old, new))
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["json"])
    print(f"| format | compare + render (s) | vs JSON |  ({Path(args.old).name} → {Path(args.new).name})")
    print("|---|---|---|")
    for name in renderers:
        median = statistics.median(times[name])
        print(f"| {name} | {median:.3f} | {median / base:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
