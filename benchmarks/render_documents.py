"""Render a real document's hand-written clause list as a web page, a Word document and a printed PDF.

    .venv/bin/python -m benchmarks.render_documents                    # every text/markdown folder
    .venv/bin/python -m benchmarks.render_documents gpl-3.0 mpl-2.0    # these folders (any format)
    .venv/bin/python -m benchmarks.render_documents --formats html,docx gpl-3.0

For each folder ``fixtures/documents/<name>/`` that holds an ``expected.json``
(see ``fixtures/documents/README.md``), the same clauses, in the same order,
are written as:

* ``as-html.html``: a standalone, browser-ready web page: a ``<header>`` with a
  site name and a ``<nav>`` of five links, the document in
  ``<main><article>``, a ``<footer>`` with a copyright line and links.
  Headings are ``<hN>`` (N = level) with their label before the text
  ("3. Scope"), paragraphs ``<p>``, runs of list items ``<ul>`` (labelled items
  carry their label in their text, "(b) text", in a ``list-style: none`` list,
  so the label shows exactly once), runs of table rows one ``<table>`` each
  (first row of the run in ``<thead>``), code ``<pre><code>``.  The site's
  header, navigation and footer texts (and the page title) are written to
  ``as-html.noise.json``, a JSON list of strings that are no clause.
* ``as-docx.docx``: a Word document written with python-docx: built-in
  "Heading N" styles (label typed before the text), "Normal" paragraphs,
  "List Bullet" for unlabelled items and "List Paragraph" with the label typed
  at the start for labelled ones, one real Word table per run of table rows
  (first row bold), code as one monospace paragraph with a line break between
  its lines.  No header or footer.
* ``as-pdf.pdf``: ``as-html.html`` printed by headless Chromium with its default
  header and footer (date and title at the top, the file:// URL and "n/N" page
  numbers at the foot).  The strings Chromium printed there, read back with
  pypdf, are written with the page's own noise to ``as-pdf.noise.json``.
* ``as-pdf-columns.pdf``: the same page printed as a report is set, in two
  justified columns (``COLUMNS_CSS``: headings of the first two levels, tables
  of four cells or more and code across both columns, the other tables inside
  a column), with Chromium's header and footer; its noise in
  ``as-pdf-columns.noise.json``.

Default folders: every folder with an ``expected.json`` whose ``format`` is
``text`` or ``markdown`` (the HTML and PDF documents are real renderings
already; name them to render them anyway).  The HTML and DOCX outputs are
byte-for-byte deterministic; the PDF carries what Chromium stamps (date, path).

Needs (benchmark tools, not conceptdiff dependencies):

* python-docx: ``.venv/bin/pip install python-docx``;
* pypdf (conceptdiff's ``pdf``/``test`` extra);
* Debian's Chromium: ``apt-get update && apt-get install -y chromium``
  (or ``--chromium PATH``).

This script never imports conceptdiff: its outputs are the benchmark's inputs.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
DEFAULT_FORMATS = ("text", "markdown")
OUTPUTS = ("html", "docx", "pdf", "pdf-columns")

SITE_NAME = "Clausewise Reading Room"
NAV_LINKS = (
    "Reading room home",
    "Browse the collection",
    "Recently added texts",
    "How we transcribe",
    "Write to the editors",
)
COPYRIGHT_LINE = "© 2024 Clausewise Reading Room. Each text is reproduced under its own licence."
FOOTER_LINKS = ("Site privacy notice", "Site terms of use", "Accessibility statement")
FOOTER_SEPARATOR = " · "
TITLE_SUFFIX = " | Clausewise Reading Room"

CSS = """\
body { margin: 0; font-family: Georgia, "DejaVu Serif", serif; line-height: 1.5; color: #1b1b1b; }
header.site, footer.site { background: #24364b; color: #f3f3f3; padding: 0.6em 1.5em; }
header.site a, footer.site a { color: #f3f3f3; }
.site-name { font-family: "DejaVu Sans", sans-serif; font-weight: bold; font-size: 1.2em; margin: 0; }
nav ul { list-style: none; margin: 0.3em 0 0; padding: 0; }
nav li { display: inline; margin-right: 1.2em; font-family: "DejaVu Sans", sans-serif; font-size: 0.9em; }
main { max-width: 46em; margin: 0 auto; padding: 1em 1.5em 2em; }
ul.labelled { list-style: none; padding-left: 1.5em; }
article li { margin: 0.3em 0; }
pre { background: #f4f4f0; border: 1px solid #ddd; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eceae4; }
footer.site { font-family: "DejaVu Sans", sans-serif; font-size: 0.85em; }
footer.site p { margin: 0.3em 0; }
"""

#: The page of ``as-pdf-columns.pdf``: the text set as a report is, in two justified
#: columns at 10 points, its first two levels of headings, its wide tables (four
#: cells or more) and its code (as a figure: a listing wrapped in a column would
#: no longer be its lines) over both columns.
COLUMNS_CSS = """\
main { max-width: none; margin: 0; padding: 0 0.5em; }
article { column-count: 2; column-gap: 2.2em; text-align: justify; font-size: 10pt; }
article h1, article h2, article table.wide, article pre { column-span: all; }
article pre { text-align: left; white-space: pre-wrap; }
article table { max-width: 100%; }
"""

Clause = dict[str, Any]


# --- clauses ----------------------------------------------------------------


def load(folder: Path) -> dict[str, Any]:
    """The folder's expected.json."""
    with (folder / "expected.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def labelled(label: str | None, text: str) -> str:
    """A clause's text with its label typed before it, as a reader sees it.

    Labels are stored without their trailing "." or ")": a number ("3", "1.2")
    or a word label ("Article 12") gets its dot back ("3. Scope"), a letter or
    roman numeral ("a", "iv") a closing parenthesis ("a) text"), a label that
    carries its own parentheses ("(b)") only a space.
    """
    if not label:
        return text
    if label.endswith((")", "]", ".", ":")):
        return f"{label} {text}"
    if re.fullmatch(r"[A-Za-z]{1,2}|[ivxlcdmIVXLCDM]{1,6}", label):
        return f"{label}) {text}"
    return f"{label}. {text}"


def runs(clauses: Sequence[Clause]) -> Iterator[tuple[str, list[Clause]]]:
    """Group consecutive clauses: ("list", items), ("labelled_list", items), ("table", rows), (kind, [one])."""
    group: list[Clause] = []
    group_key = ""
    for clause in clauses:
        kind = clause["kind"]
        if kind == "list_item":
            key = "labelled_list" if clause.get("label") else "list"
        elif kind == "table_row":
            key = "table"
        else:
            key = ""
        if group and key != group_key:
            yield group_key, group
            group = []
        if key:
            group.append(clause)
            group_key = key
        else:
            yield kind, [clause]
    if group:
        yield group_key, group


def running_title(clauses: Sequence[Clause]) -> str:
    """The title a typeset page's running header repeats: the first heading, cut to 40 characters."""
    title = next((c["text"] for c in clauses if c["kind"] == "heading"), "Document")
    return title if len(title) <= 40 else title[:37].rsplit(" ", 1)[0] + " ..."


def margin_noise(printed: Sequence[str], clauses: Sequence[Clause]) -> list[str]:
    """What a typesetter printed in the margins that no clause holds (a noise sidecar's strings)."""
    return [text for text in printed if not any(text.casefold() in c["text"].casefold() for c in clauses)]


def cells(row: Clause) -> list[str]:
    # "a | | b": an empty cell between two (collapsed white space leaves one space in it).
    return [cell.strip() for cell in re.split(r" \|(?= )", row["text"])]


def check_clauses(name: str, clauses: Sequence[Clause]) -> None:
    for clause in clauses:
        if clause.get("label") and clause["kind"] in ("code", "table_row"):
            raise ValueError(f"{name}: a labelled {clause['kind']} cannot be rendered: {clause!r}")
        if clause["kind"] == "heading" and not 1 <= int(clause["level"]) <= 6:
            raise ValueError(f"{name}: heading level out of 1-6: {clause!r}")


def check_noise(name: str, noise: Sequence[str], clauses: Sequence[Clause]) -> None:
    """A noise string must not be (part of) any clause, or the benchmark could not tell them apart."""
    for string in noise:
        for clause in clauses:
            if string.casefold() in labelled(clause.get("label"), clause["text"]).casefold():
                raise ValueError(f"{name}: noise string {string!r} occurs in clause {clause['text'][:80]!r}")


# --- web page ---------------------------------------------------------------


def page_title(document: dict[str, Any]) -> str:
    return f"{document['document']}{TITLE_SUFFIX}"


def html_noise(document: dict[str, Any]) -> list[str]:
    footer_links = FOOTER_SEPARATOR.join(FOOTER_LINKS)
    return [page_title(document), SITE_NAME, *NAV_LINKS, COPYRIGHT_LINE, *FOOTER_LINKS, footer_links]


def render_html(document: dict[str, Any], *, columns: bool = False) -> str:
    """The web page; ``columns``: the page printed to ``as-pdf-columns.pdf`` (``COLUMNS_CSS``)."""
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(page_title(document))}</title>",
        "<style>",
        CSS.rstrip("\n"),
        *([COLUMNS_CSS.rstrip("\n")] if columns else []),
        "</style>",
        "</head>",
        "<body>",
        '<header class="site">',
        f'<p class="site-name"><a href="#">{esc(SITE_NAME)}</a></p>',
        '<nav aria-label="Site">',
        "<ul>",
        *(f'<li><a href="#">{esc(link)}</a></li>' for link in NAV_LINKS),
        "</ul>",
        "</nav>",
        "</header>",
        "<main>",
        "<article>",
    ]
    for key, group in runs(document["clauses"]):
        if key == "heading":
            clause = group[0]
            level = int(clause["level"])
            out.append(f"<h{level}>{esc(labelled(clause.get('label'), clause['text']))}</h{level}>")
        elif key == "paragraph":
            clause = group[0]
            out.append(f"<p>{esc(labelled(clause.get('label'), clause['text']))}</p>")
        elif key == "code":
            out.append(f"<pre><code>{esc(group[0]['text'])}</code></pre>")
        elif key == "list":
            out.append("<ul>")
            out.extend(f"<li>{esc(item['text'])}</li>" for item in group)
            out.append("</ul>")
        elif key == "labelled_list":
            out.append('<ul class="labelled" style="list-style: none">')
            out.extend(f"<li>{esc(labelled(item['label'], item['text']))}</li>" for item in group)
            out.append("</ul>")
        elif key == "table":
            out.append('<table class="wide">' if columns and len(cells(group[0])) >= 4 else "<table>")
            out.append("<thead>")
            out.append("<tr>" + "".join(f"<th>{esc(cell)}</th>" for cell in cells(group[0])) + "</tr>")
            out.append("</thead>")
            if len(group) > 1:
                out.append("<tbody>")
                for row in group[1:]:
                    out.append("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in cells(row)) + "</tr>")
                out.append("</tbody>")
            out.append("</table>")
        else:
            raise ValueError(f"unknown clause kind {key!r}")
    out += [
        "</article>",
        "</main>",
        '<footer class="site">',
        f"<p>{esc(COPYRIGHT_LINE)}</p>",
        "<p>" + FOOTER_SEPARATOR.join(f'<a href="#">{esc(link)}</a>' for link in FOOTER_LINKS) + "</p>",
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


# --- Word document ----------------------------------------------------------


def render_docx(document: dict[str, Any]) -> bytes:
    try:
        import docx
        from docx.shared import Pt
    except ImportError:
        sys.exit("python-docx is needed for as-docx.docx: .venv/bin/pip install python-docx")
    word = docx.Document()
    word.core_properties.title = document["document"]
    word.core_properties.author = SITE_NAME
    table_style = "Table Grid" if any(s.name == "Table Grid" for s in word.styles) else None
    for key, group in runs(document["clauses"]):
        if key == "heading":
            clause = group[0]
            word.add_heading(labelled(clause.get("label"), clause["text"]), level=int(clause["level"]))
        elif key == "paragraph":
            clause = group[0]
            word.add_paragraph(labelled(clause.get("label"), clause["text"]), style="Normal")
        elif key == "code":
            paragraph = word.add_paragraph(style="Normal")
            lines = group[0]["text"].split("\n")
            for number, line in enumerate(lines):
                run = paragraph.add_run(line)
                run.font.name = "Courier New"
                run.font.size = Pt(9)
                if number < len(lines) - 1:
                    run.add_break()
        elif key == "list":
            for item in group:
                word.add_paragraph(item["text"], style="List Bullet")
        elif key == "labelled_list":
            for item in group:
                word.add_paragraph(labelled(item["label"], item["text"]), style="List Paragraph")
        elif key == "table":
            rows = [cells(row) for row in group]
            width = max(len(row) for row in rows)
            table = word.add_table(rows=len(rows), cols=width)
            if table_style:
                table.style = table_style
            for row_number, row in enumerate(rows):
                for column, text in enumerate(row):
                    cell = table.cell(row_number, column)
                    run = cell.paragraphs[0].add_run(text)
                    run.bold = row_number == 0 or None
        else:
            raise ValueError(f"unknown clause kind {key!r}")
    buffer = io.BytesIO()
    word.save(buffer)
    return deterministic_zip(buffer.getvalue())


def deterministic_zip(data: bytes) -> bytes:
    """The same archive with every member stamped 1980-01-01 (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return buffer.getvalue()


# --- printed PDF ------------------------------------------------------------


def find_chromium(explicit: str | None) -> str:
    for candidate in (explicit, "chromium", "chromium-browser", "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    sys.exit("Chromium is needed for as-pdf.pdf: apt-get update && apt-get install -y chromium (or --chromium PATH)")


def print_pdf(chromium: str, page: Path, target: Path) -> None:
    """Print the page with Chromium's default header and footer (no --no-pdf-header-footer)."""
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="render-documents-chromium-") as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={target}",
            page.resolve().as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    if not target.exists() or target.stat().st_size == 0:
        raise RuntimeError(f"Chromium printed nothing (exit {result.returncode}): {result.stderr[-2000:]}")


def margin_lines(page: Any) -> list[list[tuple[float, str]]]:
    """The text pieces (x, text) drawn in a pypdf page's top and bottom 25 pt, one list a line, left to right."""
    height = float(page.mediabox.height)
    lines: dict[int, list[tuple[float, str]]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text.strip():
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        if y > height - 25 or y < 25:
            lines.setdefault(round(y), []).append((x, text))

    page.extract_text(visitor_text=visit)
    return [sorted(pieces) for _, pieces in sorted(lines.items(), reverse=True)]


def printed_furniture(pdf: Path) -> list[str]:
    """The strings Chromium printed in the page margins: date, title, file URL, "n/N".

    Chromium draws its header (date at the left, title in the middle) and
    footer (URL at the left, page number at the right) inside the top and
    bottom margins, where the page body never reaches; text drawn there is
    read back with pypdf, one string per side of each line.
    """
    try:
        import pypdf
    except ImportError:
        sys.exit("pypdf is needed to read the printed header and footer: .venv/bin/pip install pypdf")
    found: list[str] = []
    for page in pypdf.PdfReader(pdf).pages:
        for pieces in margin_lines(page):
            left = pieces[0][1].strip()
            rest = "".join(text for _, text in pieces[1:]).strip()
            for string in (left, rest):
                if string and string not in found:
                    found.append(string)
    # a ligature in the extracted URL ("ﬁle://") is given in its plain form too
    for string in list(found):
        plain = unicodedata.normalize("NFKC", string)
        if plain != string and plain not in found:
            found.append(plain)
    return found


# --- driver -----------------------------------------------------------------


def write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def render(folder: Path, formats: Sequence[str], chromium: str | None) -> None:
    document = load(folder)
    name = folder.name
    clauses = document["clauses"]
    check_clauses(name, clauses)
    noise = html_noise(document)
    check_noise(name, noise, clauses)
    page = folder / "as-html.html"
    page.write_text(render_html(document), encoding="utf-8")
    write_json(folder / "as-html.noise.json", noise)
    print(f"{name}: as-html.html ({len(clauses)} clauses)")
    if "docx" in formats:
        (folder / "as-docx.docx").write_bytes(render_docx(document))
        print(f"{name}: as-docx.docx")
    if "pdf" in formats:
        target = folder / "as-pdf.pdf"
        print_pdf(find_chromium(chromium), page, target)
        furniture = printed_furniture(target)
        clean = [s for s in furniture if not any(s.casefold() in c["text"].casefold() for c in clauses)]
        for skipped in sorted(set(furniture) - set(clean)):
            print(f"{name}: printed {skipped!r} also occurs in a clause: not listed as noise")
        write_json(folder / "as-pdf.noise.json", noise + [s for s in clean if s not in noise])
        print(f"{name}: as-pdf.pdf ({', '.join(furniture[:4])}, ...)")
    if "pdf-columns" in formats:
        target = folder / "as-pdf-columns.pdf"
        with tempfile.TemporaryDirectory(prefix="render-documents-columns-") as tmp:
            columns_page = Path(tmp) / "as-html.html"
            columns_page.write_text(render_html(document, columns=True), encoding="utf-8")
            print_pdf(find_chromium(chromium), columns_page, target)
        furniture = printed_furniture(target)
        clean = [s for s in furniture if not any(s.casefold() in c["text"].casefold() for c in clauses)]
        write_json(folder / "as-pdf-columns.noise.json", noise + [s for s in clean if s not in noise])
        print(f"{name}: as-pdf-columns.pdf")


def default_folders() -> list[Path]:
    folders = []
    for expected in sorted(DOCUMENTS.glob("*/expected.json")):
        if load(expected.parent).get("format") in DEFAULT_FORMATS:
            folders.append(expected.parent)
    return folders


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", help="folder names under fixtures/documents (default: text/markdown)")
    parser.add_argument("--formats", default=",".join(OUTPUTS), help="which of html,docx,pdf to write (html always)")
    parser.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH)")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = set(formats) - set(OUTPUTS)
    if unknown:
        parser.error(f"unknown formats: {', '.join(sorted(unknown))}")
    folders = [DOCUMENTS / name for name in args.folders] if args.folders else default_folders()
    for folder in folders:
        if not (folder / "expected.json").is_file():
            parser.error(f"{folder} has no expected.json")
    for folder in folders:
        render(folder, formats, args.chromium)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
