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

from benchmarks.render_documents import labelled

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
DATE = "7 December 2026"


def escape(text: str) -> str:
    """``text`` as groff input: backslashes doubled, a leading dot or quote made inert."""
    text = text.replace("\\", "\\e")
    return "\\&" + text if text[:1] in ".'" else text


def title_of(clauses: Sequence[dict[str, Any]]) -> str:
    heading = next((c for c in clauses if c["kind"] == "heading"), None)
    return heading["text"] if heading else "Document"


def render(document: dict[str, Any]) -> str:
    clauses = document["clauses"]
    title = title_of(clauses)
    running = title if len(title) <= 40 else title[:37].rsplit(" ", 1)[0] + " ..."
    out = [
        f".ds LH {escape(running)}",
        ".ds CH",
        f".ds RH {DATE}",
        ".ds CF \\- \\\\n% \\-",
        ".nr PS 10",
        ".nr VS 12",
        ".2C",
    ]
    index = 0
    while index < len(clauses):
        clause = clauses[index]
        kind, label, text = clause["kind"], clause.get("label"), clause["text"]
        shown = labelled(label, text)
        if kind == "heading":
            out += [".SH", escape(shown)]
        elif kind == "paragraph":
            out += [".PP", escape(shown)]
        elif kind == "list_item":
            printed = labelled(label, "").strip() if label else ""
            mark = escape(printed) if label else "\\(bu"
            width = max(2, len(printed) + 1) if label else 2
            out += [f'.IP "{mark}" {width}', escape(text)]
        elif kind == "code":
            out += [
                ".DS L",
                ".ft CW",
                ".ps -2",
                *(escape(line) or "\\&" for line in text.split("\n")),
                ".ps",
                ".ft",
                ".DE",
            ]
        elif kind == "table_row":
            run = [clause]
            while index + 1 < len(clauses) and clauses[index + 1]["kind"] == "table_row":
                index += 1
                run.append(clauses[index])
            rows = [[cell.strip() for cell in row["text"].split(" | ")] for row in run]
            width = max(len(row) for row in rows)
            out += [".TS", "allbox;", " ".join(["lw(1i)"] * width) + "."]
            for row in rows:
                cells = row + [""] * (width - len(row))
                out.append("\t".join(f"T{{\n{escape(cell)}\nT}}" if cell else "" for cell in cells))
            out.append(".TE")
        else:
            raise ValueError(f"unknown clause kind {kind!r}")
        index += 1
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
        title = title_of(document["clauses"])
        running = title if len(title) <= 40 else title[:37].rsplit(" ", 1)[0] + " ..."
        typeset(render(document), folder / "as-groff-columns.pdf")
        noise = [running, DATE]
        noise = [n for n in noise if not any(n.casefold() in c["text"].casefold() for c in document["clauses"])]
        (folder / "as-groff-columns.noise.json").write_text(json.dumps(noise, ensure_ascii=False) + "\n")
        print(f"{name}: as-groff-columns.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
