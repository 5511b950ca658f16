"""Typeset a real document's hand-written clause list with LaTeX in two columns, as a PDF.

    .venv/bin/python -m benchmarks.render_latex dateutil-license gpl-2.0 ...

For each folder ``fixtures/documents/<name>/`` named, the clauses of its
``expected.json`` are written as a LaTeX ``article`` in two columns
(``\\documentclass[twocolumn]{article}``) and typeset by ``pdflatex`` into
``as-latex-columns.pdf``: justified and hyphenated by TeX, the columns
filled one after the other, the title as a running header beside the page
number (``myheadings``).  Headings are unnumbered sections (their label typed
before their text, as ``render_documents.labelled`` prints it), paragraphs
TeX paragraphs (first-line indents, no space between), list items a
``description`` list's items (their label, or a bullet), code a ``verbatim``
display in a smaller type, runs of table rows one ruled ``tabular`` with
wrapping columns.  The strings LaTeX prints in the margins are written to
``as-latex-columns.noise.json``.

The third engine for the two-column reader, after Chromium's balanced columns
(``benchmarks/render_documents.py``) and groff's (``benchmarks/render_groff.py``).

Needs (a benchmark tool, not a conceptdiff dependency): ``pdflatex``,
``apt-get install -y --no-install-recommends texlive-latex-base``.  This script
never imports conceptdiff.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.render_documents import cells, labelled, margin_noise, running_title, runs

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"{\ttfamily\char95}",  # the typewriter font's glyph: "\_" draws a rule, which no extraction reads
    "-": "-{}",  # no "--" or "---" ligature: a dash typed as two hyphens stays two hyphens
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    '"': "''",
    "\u201c": "``",
    "\u201d": "''",
    "\u2018": "`",
    "\u2019": "'",
    "\u2013": "--",
    "\u2014": "---",
    "\u00a0": "~",
}


def escape(text: str) -> str:
    """``text`` as LaTeX: its special characters as commands (a straight double quote as
    closing quotes: the score folds quotes)."""
    return "".join(_SPECIAL.get(char, char) for char in text)


def render(document: dict[str, Any]) -> str:
    clauses = document["clauses"]
    out = [
        r"\documentclass[10pt,twocolumn]{article}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\pagestyle{myheadings}",
        rf"\markright{{{escape(running_title(clauses))}}}",
        r"\begin{document}",
    ]
    for key, group in runs(clauses):
        if key in ("list", "labelled_list"):
            out.append(r"\begin{description}")
            for item in group:
                mark = escape(labelled(item["label"], "").strip()) if item.get("label") else r"\textbullet"
                out.append(rf"\item[{{{mark}}}] {escape(item['text'])}")
            out += [r"\end{description}", ""]
        elif key == "table":
            rows = [cells(row) for row in group]
            width = max(len(row) for row in rows)
            spec = "|" + "|".join([rf"p{{{0.9 / width:.2f}\columnwidth}}"] * width) + "|"
            out += [r"\noindent\begin{tabular}{" + spec + r"}\hline"]
            for row in rows:
                out.append(" & ".join(escape(cell) for cell in row + [""] * (width - len(row))) + r" \\ \hline")
            out += [r"\end{tabular}", ""]
        else:
            (clause,) = group
            shown = labelled(clause.get("label"), clause["text"])
            if key == "heading":
                out += [rf"\section*{{{escape(shown)}}}", ""]
            elif key == "paragraph":
                out += [escape(shown), ""]
            elif key == "code":
                out += [r"{\small", r"\begin{verbatim}", clause["text"], r"\end{verbatim}", "}", ""]
            else:
                raise ValueError(f"unknown clause kind {key!r}")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def typeset(source: str, target: Path) -> None:
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        sys.exit("pdflatex is needed: apt-get install -y --no-install-recommends texlive-latex-base")
    with tempfile.TemporaryDirectory(prefix="render-latex-") as folder:
        tex = Path(folder) / "document.tex"
        tex.write_text(source, encoding="utf-8")
        for _ in range(2):  # twice, as LaTeX settles its running heads
            result = subprocess.run(
                [pdflatex, "-interaction=nonstopmode", "-halt-on-error", tex.name],
                cwd=folder,
                capture_output=True,
                timeout=300,
                check=False,
            )
        pdf = Path(folder) / "document.pdf"
        if result.returncode != 0 or not pdf.exists():
            log = re.findall(r"^!.*$", result.stdout.decode("utf-8", "replace"), re.MULTILINE)
            raise RuntimeError(f"pdflatex failed: {log[:5]}")
        target.write_bytes(pdf.read_bytes())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folder names under fixtures/documents")
    args = parser.parse_args(argv)
    for name in args.folders:
        folder = DOCUMENTS / name
        document = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        typeset(render(document), folder / "as-latex-columns.pdf")
        noise = margin_noise([running_title(document["clauses"])], document["clauses"])
        (folder / "as-latex-columns.noise.json").write_text(json.dumps(noise, ensure_ascii=False) + "\n")
        print(f"{name}: as-latex-columns.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
