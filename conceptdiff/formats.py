"""Formats: HTML pages, .docx and .pdf files -> text the segmenter reads.

The output is plain text in light Markdown (``#`` headings, ``-`` and ``1.``
list items, blank lines between blocks), which :mod:`conceptdiff.segment`
reads with the document's structure intact.

* **HTML**: the page's main text is extracted with ``trafilatura`` (extra
  ``conceptdiff[html]``): a maintained main-content extractor that drops
  navigation, scripts, styles, comment sections and link lists, and keeps
  headings and list items as such.  Without it, or when it finds no main text,
  a small standard-library reader drops ``script``/``style``/``nav``/
  ``header``/``footer``/``aside``/``form`` and keeps every other block.
* **.docx**: read with the standard library (``zipfile`` + XML); heading and
  list paragraph styles become ``#`` and ``-``.
* **.pdf**: text extracted with ``pypdf`` (extra ``conceptdiff[pdf]``), pages
  separated by form feeds, so that page furniture is recognized as such.

>>> print(html_to_text("<nav>Home</nav><h2>Scope</h2><ul><li>one</li><li>two</li></ul>", main_text=False))
## Scope
<BLANKLINE>
- one
<BLANKLINE>
- two
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree

from conceptdiff.errors import NotTextError

__all__ = ["docx_to_text", "html_to_text", "looks_like_html", "pdf_to_text"]

_HTML_START_RE = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Does ``text`` start like an HTML document?

    >>> looks_like_html("<!DOCTYPE html><html>..."), looks_like_html("1. Scope <b>bold</b>")
    (True, False)
    """
    return _HTML_START_RE.match(text[:4096]) is not None


_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "option",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "head",
        "title",
        "menu",
        "dialog",
    ]
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "address",
        "hr",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "td",
        "th",
    ]
)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


class _Reader(HTMLParser):
    """A forgiving HTML -> light-Markdown reader (the fallback without trafilatura)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.skipping: list[str] = []
        self.lists: list[list[int]] = []  # one counter per open list; [-1] for bullets
        self.pre = 0

    def flush(self) -> None:
        text = "".join(self.current)
        text = text.strip("\n") if self.pre else " ".join(text.split())
        if text:
            self.blocks.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIP:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _BLOCKS:
            self.flush()
        if tag in ("ul", "ol"):
            self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            if self.lists and self.lists[-1][0] >= 0:
                self.lists[-1][0] += 1
                self.prefix = "    " * (len(self.lists) - 1) + f"{self.lists[-1][0]}. "
            else:
                self.prefix = "    " * max(0, len(self.lists) - 1) + "- "
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.prefix = "#" * int(tag[1]) + " "
        elif tag == "pre":
            self.pre += 1
        elif tag in ("td", "th"):
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "pre" and self.pre:
            self.pre -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def _fallback(markup: str) -> str:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader.flush()
    return "\n\n".join(reader.blocks) + ("\n" if reader.blocks else "")


def html_to_text(markup: str, *, main_text: bool = True) -> str:
    """The text of an HTML page, headings as ``#``, list items as ``-``/``1.``.

    With ``main_text`` (and ``trafilatura`` installed), only the page's main
    content is kept; otherwise every block outside navigation, scripts,
    styles, headers, footers, asides and forms.
    """
    if main_text:
        try:
            import trafilatura
        except ImportError:  # the extra conceptdiff[html] is not installed
            pass
        else:
            extracted = trafilatura.extract(
                markup,
                output_format="markdown",
                include_formatting=True,
                include_links=False,
                include_images=False,
                include_comments=False,
                include_tables=True,
                favor_recall=True,
                deduplicate=False,
            )
            if extracted and extracted.strip():
                return html.unescape(extracted).rstrip() + "\n"
    return _fallback(markup)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_to_text(data: bytes, *, path: str | None = None) -> str:
    """The paragraphs of a ``.docx`` file, headings as ``#``, list paragraphs as ``-``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise NotTextError(f"not a readable .docx file ({error})", path=path) from None
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError as error:
        raise NotTextError(f"not a readable .docx file ({error})", path=path) from None
    blocks: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        name = (style.get(f"{_W}val") or "") if style is not None else ""
        listed = paragraph.find(f"{_W}pPr/{_W}numPr") is not None
        parts: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_W}tab", f"{_W}br"):
                parts.append(" ")
        text = " ".join("".join(parts).split())
        if not text:
            continue
        level = re.fullmatch(r"(?i)heading ?([1-6])|title", name)
        if level:
            text = "#" * int(level.group(1) or 1) + " " + text
        elif listed or name.lower().startswith("list"):
            text = "- " + text
        blocks.append(text)
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def pdf_to_text(data: bytes, *, path: str | None = None) -> str:
    """The text of a PDF, pages separated by form feeds (needs ``pypdf``)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise NotTextError(
            "a PDF file: install the extra conceptdiff[pdf] (pypdf) to read it, or extract its text first",
            path=path,
        ) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise NotTextError(f"not a readable PDF file ({error})", path=path) from None
    return "\n\f".join(page.rstrip("\n") for page in pages) + "\n"
