"""Reading speed and memory: file to clauses, per format, beside the library each reader builds on.

    .venv/bin/python -m benchmarks.reading_speed              # every format, the CLI pair
    .venv/bin/python -m benchmarks.reading_speed --long-pdf   # also a ~300-page PDF (needs Chromium)

Each input is read with ``Edition.from_path`` (language flags off: they are
measured by the CLI row) ``--repeat`` times; the best CPU time counts (the
machines are shared: the best run is the one least disturbed).  Inputs are
built from the bundled fixtures only:

* **text**: every plain-text document of ``fixtures/documents`` (licences,
  the two US National Security Strategies as extracted from their PDFs,
  standards, a manual formatted for a terminal, notes), each read as the
  file it is (until 2026-12 the texts were joined into one file, which read
  as a text of no wrap width once the documents' layouts mixed: a figure of
  no document's);
* **markdown**: the four GitHub privacy statements of ``fixtures/corpus``;
* **html**, **docx**, **pdf**: the renderings in ``fixtures/documents`` (a
  browser-ready page, a Word document, the page printed by Chromium), and the
  real PDF there.

Peers, run in the same process on the same bytes, give the ratio column
(conceptdiff's time over the peer's): markdown-it-py's own parse for Markdown
(conceptdiff reads Markdown with it), trafilatura's main-text extraction for
HTML, pypdfium2's plain page text for PDF; text and ``.docx`` have no peer that
reads them into clauses.

The **CLI** row runs ``conceptdiff compare OLD NEW --format json`` on two
Markdown editions of about 175 KB and 235 KB (privacy statements in English,
concatenated) in a fresh process, as an installed package runs (its bytecode
written by a first run, as pip writes it at install): the best wall time of
three runs and the peak resident memory, the language model included when it
loads (it should not: no clause is a plausible foreign-language candidate).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from conceptdiff import Edition, Options

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
CORPUS = ROOT / "fixtures" / "corpus"
_OPTIONS = Options(flag_languages=False)
PRIVACY = [
    "github-privacy-statement-2022-09-01.en.txt",
    "github-privacy-statement-2022-12-15.en.txt",
    "github-global-privacy-practices-2020-07-22.en.txt",
    "github-privacy-statement-2023-10-10.en.txt",
]


def _best(function: Callable[[], object], repeat: int) -> float:
    function()  # warm: imports, compiled patterns
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
    return best


def _inputs(folder: Path) -> dict[str, list[Path]]:
    markdown = folder / "privacy.md"
    markdown.write_text("\n".join((CORPUS / name).read_text(encoding="utf-8") for name in PRIVACY), encoding="utf-8")
    return {
        "text": sorted(DOCUMENTS.glob("*/document.txt")),
        "markdown": [markdown],
        "html": sorted(DOCUMENTS.glob("*/as-html.html")) + sorted(DOCUMENTS.glob("*/document.html")),
        "docx": sorted(DOCUMENTS.glob("*/as-docx.docx")),
        "pdf": sorted(DOCUMENTS.glob("*/as-pdf.pdf")) + sorted(DOCUMENTS.glob("*/document.pdf")),
    }


def _peer(format: str) -> Callable[[Path], object] | None:
    if format == "markdown":
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark").enable("table")
        return lambda path: parser.parse(path.read_text(encoding="utf-8"))
    if format == "html":
        try:
            import trafilatura
        except ImportError:
            return None
        return lambda path: trafilatura.extract(path.read_text(encoding="utf-8"), include_tables=True)
    if format == "pdf":
        try:
            import pypdfium2  # type: ignore[import-untyped]
        except ImportError:
            return None

        def pdfium_text(path: Path) -> object:
            document = pypdfium2.PdfDocument(str(path))
            texts = []
            for page in document:
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            document.close()
            return texts

        return pdfium_text
    return None


def measure(format: str, paths: Sequence[Path], repeat: int) -> tuple[int, float, float | None]:
    """(bytes, conceptdiff seconds, peer seconds or None) over ``paths``."""
    size = sum(path.stat().st_size for path in paths)
    # mypy cannot type a lambda with a default argument (each binds its own path).
    seconds = sum(_best(lambda p=path: Edition.from_path(p, options=_OPTIONS), repeat) for path in paths)  # type: ignore[misc]
    peer = _peer(format)
    peer_seconds = sum(_best(lambda p=path: peer(p), repeat) for path in paths) if peer else None  # type: ignore[misc]
    return size, seconds, peer_seconds


_CLI_RUNS = 3
# Runs the command given after it, then writes its wall seconds and peak resident kilobytes to stderr
# (the command alone: no other child of the benchmark's process counts).
_TIMED = (
    "import resource, subprocess, sys, time; started = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def cli_pair(folder: Path) -> tuple[float, float, int, int]:
    """Wall seconds and peak memory (MB) of the command on an English Markdown pair, and the two sizes."""
    texts = [(CORPUS / name).read_text(encoding="utf-8") for name in PRIVACY]
    old, new = folder / "old.md", folder / "new.md"
    old.write_text("\n".join(texts), encoding="utf-8")
    new.write_text("\n".join([texts[1], texts[3], texts[2], texts[0], texts[3]]), encoding="utf-8")
    command = [sys.executable, "-c", _TIMED, sys.executable, "-m", "conceptdiff", "compare", str(old), str(new),
               "--format", "json"]  # fmt: skip
    # As an installed package runs: its bytecode compiled once (pip compiles it at install; an
    # environment that sets PYTHONDONTWRITEBYTECODE would otherwise compile every module at every run).
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    wall, peak_kb = float("inf"), 0
    for run in range(1 + _CLI_RUNS):  # the first run writes the bytecode; the best of the others counts
        done = subprocess.run(command, capture_output=True, check=False, env=environment)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr.decode(errors="replace"))
        seconds, kilobytes = done.stderr.decode().split()[-2:]
        if run:
            wall, peak_kb = min(wall, float(seconds)), max(peak_kb, int(kilobytes))
    return wall, peak_kb / 1024, old.stat().st_size, new.stat().st_size


def long_pdf(folder: Path) -> tuple[int, float] | None:
    """A PDF of about 300 pages (the renderings' pages printed together), read: (pages, seconds)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return None
    bodies = []
    for page in sorted(DOCUMENTS.glob("*/as-html.html")):
        text = page.read_text(encoding="utf-8")
        bodies.append(text[text.find("<main") : text.rfind("</main>") + 7])
    html = folder / "long.html"
    html.write_text("<!DOCTYPE html><html><body>" + "".join(bodies * 5) + "</body></html>", encoding="utf-8")
    out = folder / "long.pdf"
    profile = tempfile.mkdtemp()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}"]  # fmt: skip
    subprocess.run([chromium, *flags, f"--print-to-pdf={out}", html.as_uri()], capture_output=True, check=False)
    if not out.exists():
        return None
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(str(out)))
    started = time.perf_counter()
    Edition.from_path(out, options=_OPTIONS)
    return pages, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per input (the best counts)")
    parser.add_argument("--long-pdf", action="store_true", help="also print and read a ~300-page PDF")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("| format | files | KB | conceptdiff MB/s | peer | peer MB/s | conceptdiff / peer |")
        print("|---|---|---|---|---|---|---|")
        peers = {"markdown": "markdown-it-py parse", "html": "trafilatura extract", "pdf": "pypdfium2 text"}
        for format, paths in _inputs(folder).items():
            size, seconds, peer_seconds = measure(format, paths, args.repeat)
            peer_cells = (
                f"{peers[format]} | {size / peer_seconds / 1e6:.2f} | {seconds / peer_seconds:.2f}"
                if peer_seconds
                else "- | - | -"
            )
            print(f"| {format} | {len(paths)} | {size // 1024} | {size / seconds / 1e6:.2f} | {peer_cells} |")
        wall, peak, old_size, new_size = cli_pair(folder)
        print(f"\nCLI `compare --format json` on {old_size // 1024} KB + {new_size // 1024} KB of English Markdown: "
              f"{wall:.2f} s, peak {peak:.0f} MB")  # fmt: skip
        if args.long_pdf:
            result = long_pdf(folder)
            if result is None:
                print("long PDF: skipped (no Chromium)")
            else:
                pages, seconds = result
                print(f"long PDF: {pages} pages read in {seconds:.1f} s ({pages / seconds:.0f} pages/s)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
