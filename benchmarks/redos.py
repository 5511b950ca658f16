"""Regular-expression safety: ``Edition.from_text`` on adversarial inputs.

    .venv/bin/python -m benchmarks.redos              # 10k, 100k and 1M characters
    .venv/bin/python -m benchmarks.redos --max 100000 # stop at 100k

Each input is a long run of one shape that backtracking regular expressions
choke on (dots, spaces, brackets, digits, ``a.`` repeated, dot leaders, bullets
without text, an unclosed tag ...).  For each it prints the time at 10k, 100k
and 1M characters and the growth factor from one size to the next: linear
work gives about 10x, quadratic about 100x (catastrophic backtracking far
more).  The figures are ratios measured in one process; no timed assertion.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable

from conceptdiff import Edition

SHAPES: dict[str, Callable[[int], str]] = {
    "dots": lambda n: "." * n,
    "spaces": lambda n: " " * (n - 1) + "x",
    "brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "parens": lambda n: "(" * n,
    "digits": lambda n: "1" * n,
    "dotted-digits": lambda n: "1." * (n // 2),
    "a.": lambda n: "a." * (n // 2),
    "dot-leader": lambda n: "Scope " + ". " * (n // 2 - 8) + " 12",
    "elision": lambda n: "[…] " * (n // 4),
    "bullets": lambda n: "- \n" * (n // 3),
    "hyphen-lines": lambda n: "word-\n" * (n // 6),
    "roman": lambda n: "IV" * (n // 2),
    "tag": lambda n: "<p" + " a=b" * (n // 4),
    "words-no-stop": lambda n: "word " * (n // 5),
    "underscore-groups": lambda n: "____ " * (n // 5),
    "ellipsis-groups": lambda n: "…… " * (n // 3),
    "unclosed-tables": lambda n: "<table a=b " * (n // 11),
}


def _time(text: str) -> float:
    start = time.perf_counter()
    Edition.from_text(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=1_000_000, help="largest input, in characters")
    args = parser.parse_args()
    _time("1. Warm up.\n\n2. Imports and caches.")
    sizes = [n for n in (10_000, 100_000, 1_000_000) if n <= args.max]
    print(f"{'shape':<15}" + "".join(f"{n:>12,}" for n in sizes) + "   growth")
    for name, make in SHAPES.items():
        times = [_time(make(n)) for n in sizes]
        growth = " ".join(f"{b / max(a, 1e-6):.0f}x" for a, b in itertools.pairwise(times))
        print(f"{name:<15}" + "".join(f"{t:>11.3f}s" for t in times) + f"   {growth}")


if __name__ == "__main__":
    main()
