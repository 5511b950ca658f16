"""Reading: a file or a text -> the blocks a reader of it sees.

One reader per format, one block stream (:class:`Block`: headings with their
level, paragraphs, list items with label and depth, table rows, code blocks,
quotes), which :mod:`conceptdiff.segment` turns into clauses:

========== ============================== ===========================================
format     reader                         how it knows the layout
========== ============================== ===========================================
text       :mod:`conceptdiff.read.text`      a layout model inferred per document: wrap
                                          width, paragraph convention, indentation,
                                          page furniture, boxes and title blocks
markdown   :mod:`conceptdiff.read.markdown`  CommonMark + GFM tables (markdown-it-py)
html       :mod:`conceptdiff.read.html`      the page's elements; navigation, banners
                                          and footers set aside
pdf        :mod:`conceptdiff.read.pdf`       characters with positions and fonts
                                          (extra ``conceptdiff[pdf]``)
docx       :mod:`conceptdiff.read.docx`      paragraph styles, numbering and tables
debian-    :mod:`conceptdiff.read.dep5`      a Debian machine-readable copyright file's
copyright                                 stanzas and fields (DEP-5)
========== ============================== ===========================================

The format comes from the file's suffix, else from its content (a PDF or a
``.docx`` by its signature, HTML by its opening tags, and a ``.txt`` that is
clearly Markdown is read as Markdown, one that opens with DEP-5's ``Format:``
field as a Debian copyright file: :func:`detect_format`).

Every reader keeps the audit contract of :class:`Document`: each
non-white-space character of its source is in exactly one block or one
dropped span.  Readers of containers (``.docx``, PDF) bound what they
decompress by :attr:`Options.max_input_bytes`, not by the file's size.

>>> document = read_text("TERMS\\n\\n1. The Licensee may use\\nthe Work.\\n")
>>> [(b.kind.value, b.text) for b in document.blocks]
[('heading', 'TERMS'), ('list_item', 'The Licensee may use the Work.')]
"""

from __future__ import annotations

import os
from os import PathLike
from pathlib import Path

from conceptdiff.errors import InputError, NotTextError
from conceptdiff.options import Options
from conceptdiff.read._document import Block, BlockKind, Document

__all__ = ["FORMATS", "Block", "BlockKind", "Document", "detect_format", "read_bytes", "read_path", "read_text"]

#: The formats a reader exists for.
FORMATS = ("text", "markdown", "html", "pdf", "docx", "debian-copyright")

_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".php": "html",
    ".asp": "html",
    ".aspx": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def detect_format(name: str | None = None, *, data: bytes | None = None, text: str | None = None) -> str:
    """The format to read a file (or a text) as.

    The suffix of ``name`` decides when it names a format; a ``.txt`` file,
    a file of another suffix and a text without a name are told by their
    content: a PDF or a ZIP (``.docx``) by its signature, HTML by its opening
    tags, a Debian copyright file by its opening ``Format:`` field
    (:func:`~conceptdiff.read.dep5.looks_like_debian_copyright`), Markdown by
    clear evidence (:func:`~conceptdiff.read.markdown.looks_like_markdown`),
    anything else is plain text.

    >>> detect_format("policy.md"), detect_format("notes.txt", text="# A\\n\\n## B\\n\\n[x](https://x.org)\\n")
    ('markdown', 'markdown')
    >>> detect_format(data=b"%PDF-1.7 ..."), detect_format(text="1. Scope\\n")
    ('pdf', 'text')
    """
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if data is not None:
        if data.startswith(b"%PDF"):
            return "pdf"
        if data.startswith(b"PK\x03\x04") and suffix in ("", ".docx", ".docm", ".dotx"):
            return "docx"
    if text is not None:
        from conceptdiff.read.dep5 import looks_like_debian_copyright
        from conceptdiff.read.html import looks_like_html
        from conceptdiff.read.markdown import looks_like_markdown

        if looks_like_html(text):
            return "html"
        if looks_like_debian_copyright(text):
            return "debian-copyright"
        if suffix not in (".rst", ".rest") and looks_like_markdown(text):
            return "markdown"
    return "text"


def read_text(
    text: str, *, format: str | None = None, options: Options | None = None, name: str | None = None
) -> Document:
    """Read a text already decoded (see :func:`detect_format` for ``format=None``).

    ``name`` (a file name, for its suffix) helps the detection; a ``.rst``
    name, or a ``.txt`` file's content that is clearly reStructuredText
    (:func:`~conceptdiff.read.text.looks_like_restructuredtext`), reads its
    markup off a plain text.
    """
    options = options or Options()
    chosen = format or detect_format(name, text=text)
    _check_format(chosen)
    if chosen in ("pdf", "docx"):
        raise InputError(f"a {chosen} document is read from its bytes (read_bytes or read_path), not from text")
    if chosen == "markdown":
        from conceptdiff.read.markdown import read_markdown

        return read_markdown(text, drop_table_of_contents=options.drop_table_of_contents)
    if chosen == "html":
        from conceptdiff.read.html import read_html

        return read_html(text, options=options)
    if chosen == "debian-copyright":
        from conceptdiff.read.dep5 import read_debian_copyright

        return read_debian_copyright(text)
    from conceptdiff.read.text import looks_like_restructuredtext, read_plain

    # A .rst name reads reStructuredText markup off the text; so does the content of a
    # .txt file (or a text without a name) that is clearly reStructuredText.
    suffix = Path(str(name)).suffix.lower() if name else ""
    rst = suffix in (".rst", ".rest") or (suffix in ("", ".txt") and looks_like_restructuredtext(text))
    return read_plain(text, options=options, rst=rst)


def read_bytes(
    data: bytes,
    *,
    format: str | None = None,
    encoding: str | None = None,
    options: Options | None = None,
    name: str | None = None,
) -> Document:
    """Read a file's bytes: containers by their reader, text decoded first
    (:func:`conceptdiff.load.decode`, mojibake repaired when
    :attr:`Options.repair_mojibake`)."""
    from conceptdiff.load import decode, repair_mojibake

    options = options or Options()
    chosen = format or detect_format(name, data=data)
    _check_format(chosen)
    if chosen == "pdf":
        from conceptdiff.read.pdf import read_pdf

        return read_pdf(data, path=name, options=options)
    if chosen == "docx":
        from conceptdiff.read.docx import read_docx

        return read_docx(data, path=name, options=options)
    text = decode(data, encoding=encoding, path=name)
    if options.repair_mojibake:
        text = repair_mojibake(text)
    return read_text(text, format=format or (None if chosen == "text" else chosen), options=options, name=name)


def read_path(
    path: str | PathLike[str],
    *,
    format: str | None = None,
    encoding: str | None = None,
    options: Options | None = None,
) -> Document:
    """Read a file (within :attr:`Options.max_input_bytes`); errors name the file."""
    from conceptdiff.load import read_bytes_limited

    name = os.fspath(path)
    data = read_bytes_limited(name, options=options)
    return read_bytes(data, format=format, encoding=encoding, options=options, name=name)


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise NotTextError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
