"""Typeset a real document's hand-written clause list with groff in two columns, as a PDF.

    .venv/bin/python -m benchmarks.render_groff cc-by-sa-4.0 eupl-1.2 ...

For each folder ``fixtures/documents/<name>/`` named, the clauses of its
``expected.json`` are written as groff ``ms`` markup and typeset by GNU groff
(``groff -ms -t -Tpdf``) into ``as-groff-columns.pdf``: a title block over
the page, then the text in two columns (``.2C``), justified and hyphenated
by groff's own rules, a running header (the title at the left, a date at the
right) and the page number at the foot of every page.  Headings are ``.SH``
(their label typed before their text, as ``render_documents.labelled``
prints it), paragraphs ``.PP``, list items ``.IP`` (their label, or a bullet), runs of table rows one boxed ``tbl``
table, code a display in a monospace font.  The strings groff prints in the
margins are written to ``as-groff-columns.noise.json``.

A second engine for the two-column reader: Chromium's columns
(``as-pdf-columns.pdf``, ``benchmarks/render_documents.py``) are balanced by a
browser; groff fills one column, then the next, and breaks words at line ends
with a hyphen.

Needs (a benchmark tool, not a conceptdiff dependency): GNU groff with its PDF
device, ``apt-get install -y groff``.  This script never imports conceptdiff.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.render_documents import cells, labelled, margin_noise, running_title, runs

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
DATE = "7 December 2026"


def escape(text: str) -> str:
    """``text`` as groff input: backslashes doubled, a leading dot or quote made inert."""
    text = text.replace("\\", "\\e")
    return "\\&" + text if text[:1] in ".'" else text


def render(document: dict[str, Any]) -> str:
    clauses = document["clauses"]
    out = [
        f".ds LH {escape(running_title(clauses))}",
        ".ds CH",
        f".ds RH {DATE}",
        ".ds CF \\- \\\\n% \\-",
        ".nr PS 10",
        ".nr VS 12",
        ".2C",
    ]
    for key, group in runs(clauses):
        if key in ("list", "labelled_list"):
            for item in group:
                printed = labelled(item["label"], "").strip() if item.get("label") else ""
                mark = escape(printed) if printed else "\\(bu"
                out += [f'.IP "{mark}" {max(2, len(printed) + 1)}', escape(item["text"])]
        elif key == "table":
            rows = [cells(row) for row in group]
            width = max(len(row) for row in rows)
            out += [".TS", "allbox;", " ".join(["lw(1i)"] * width) + "."]
            for row in rows:
                padded = row + [""] * (width - len(row))
                out.append("\t".join(f"T{{\n{escape(cell)}\nT}}" if cell else "" for cell in padded))
            out.append(".TE")
        else:
            (clause,) = group
            shown = labelled(clause.get("label"), clause["text"])
            if key == "heading":
                out += [".SH", escape(shown)]
            elif key == "paragraph":
                out += [".PP", escape(shown)]
            elif key == "code":
                out += [".DS L", ".ft CW", ".ps -2", *(escape(line) or "\\&" for line in clause["text"].split("\n"))]
                out += [".ps", ".ft", ".DE"]
            else:
                raise ValueError(f"unknown clause kind {key!r}")
    return "\n".join(out) + "\n"


def typeset(source: str, target: Path) -> None:
    groff = shutil.which("groff")
    if groff is None:
        sys.exit("GNU groff is needed: apt-get install -y groff")
    result = subprocess.run(
        [groff, "-ms", "-t", "-Tpdf", "-Kutf8"], input=source.encode("utf-8"), capture_output=True, timeout=120
    )
    if result.returncode != 0 or not result.stdout.startswith(b"%PDF"):
        raise RuntimeError(f"groff failed: {result.stderr.decode('utf-8', 'replace')[-2000:]}")
    target.write_bytes(result.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folder names under fixtures/documents")
    args = parser.parse_args(argv)
    for name in args.folders:
        folder = DOCUMENTS / name
        document = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        typeset(render(document), folder / "as-groff-columns.pdf")
        noise = margin_noise([running_title(document["clauses"]), DATE], document["clauses"])
        (folder / "as-groff-columns.noise.json").write_text(json.dumps(noise, ensure_ascii=False) + "\n")
        print(f"{name}: as-groff-columns.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
