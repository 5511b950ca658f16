"""The block stream every reader produces, and the helpers readers share to build it.

A :class:`Document` is a reader's view of one file: the text its offsets
point into (:attr:`Document.source`), its blocks in reading order, and the
spans it set aside.  The audit contract (``docs/reading.md``) is stated
here once, for every reader:

* block spans and dropped spans are disjoint, lie inside ``source`` and, taken
  together, cover every non-white-space character of ``source``;
* a block's first span starts where the block starts; its further spans (text
  of the block found after page furniture) are reported as ``continuation``
  spans of the clause built from it;
* blocks are in reading order of their first span, and no block is empty.

What ``source`` is depends on the format: the decoded file for plain text,
Markdown and HTML (offsets point into the file as written, markup included),
and for PDF and ``.docx`` files the text the reader extracted, one line of the
page (one paragraph of the document) a line, furniture included.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence

import attrs

from conceptdiff.model import DroppedSpan
from conceptdiff.read._paged import is_toc_heading

__all__ = [
    "FIELD_RE",
    "MIN_CONTENTS_ENTRIES",
    "NOTICE_RE",
    "TITLE_PAGE_DETAIL_RE",
    "Block",
    "BlockKind",
    "Document",
    "SourceBuilder",
    "code_text",
    "contents_start",
    "field_runs",
    "fill_gaps",
]

#: A table of contents of links into the page (Markdown, HTML) has at least this many entries.
MIN_CONTENTS_ENTRIES = 3

#: What a title page says besides its title: a version or a date, a copyright notice, an address.
TITLE_PAGE_DETAIL_RE = re.compile(
    r"\b(?:version|revision|v\.)[ \t]*[0-9]|(?:^|\s)(?:copyright|©|\([Cc]\)[ \t])|@|(?:https?|ftp)://|www\.|"
    r"\ball[ \t]+rights[ \t]+reserved\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?[ \t]+(?:[0-9]{1,2},?[ \t]+)?[0-9]{4}\b",
    re.IGNORECASE,
)


class BlockKind(enum.Enum):
    """The structural role of a block (what a reader of the page sees)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    CODE = "code"
    QUOTE = "quote"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Block:
    """One block of a document.

    Attributes:
        kind: what the block is.
        text: its text as a reader sees it: markup off, entities decoded,
            white space collapsed to single spaces (a ``CODE`` block keeps its
            line breaks and indentation; a ``TABLE_ROW`` joins its cells with
            ``" | "``).
        spans: ``(start, end)`` ranges of :attr:`Document.source` the block
            was read from, in order (more than one when page furniture
            interrupts it).
        level: a heading's level (1 is the top); 0 for other blocks.
        label: a number label the format gave (an ordered list's number, Word
            numbering); ``None`` when the text may still start with one.
        depth: list nesting depth (0 for a top-level item).
        context: a table row's header row (its cells joined like the row's).
        links: link targets of the block, in order (they are not in ``text``).
        flags: notes on the block (``"quote"`` for a block-quoted paragraph,
            ``"heading:inferred"`` for a heading told by layout alone,
            ``"duplicate"`` ...).
    """

    kind: BlockKind
    text: str
    spans: tuple[tuple[int, int], ...]
    level: int = 0
    label: str | None = None
    depth: int = 0
    context: str | None = None
    links: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@attrs.frozen
class Document:
    """A file as its reader saw it: source text, blocks, what was set aside.

    >>> from conceptdiff.read import read_text
    >>> document = read_text("# Scope\\n\\nThe rules\\napply.\\n", format="markdown")
    >>> [(b.kind.value, b.level, b.text) for b in document.blocks]
    [('heading', 1, 'Scope'), ('paragraph', 0, 'The rules apply.')]
    >>> document.source[slice(*document.blocks[1].spans[0])]
    'The rules\\napply.'
    """

    source: str
    format: str
    blocks: tuple[Block, ...]
    dropped: tuple[DroppedSpan, ...] = ()


def code_text(text: str) -> str:
    """A code block's text as every reader gives it: its lines as written,
    tabs expanded, their common indentation, trailing spaces and blank first
    and last lines off (blank lines inside are kept).

    >>> code_text("\\n    if x:\\n        y()  \\n")
    'if x:\\n    y()'
    """
    lines = text.expandtabs(4).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:].rstrip() for line in lines)


def trimmed(source: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed to its first and last non-white-space
    characters, or ``None`` when it holds none."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def fill_gaps(
    source: str, taken: Iterable[tuple[int, int]], reason: str, *, start: int = 0, end: int | None = None
) -> list[DroppedSpan]:
    """Dropped spans for the non-white-space stretches of ``source[start:end]``
    that no span of ``taken`` covers (markup between a structured format's
    blocks: table rules, fences, reference definitions, tags).

    ``taken`` must be disjoint; it may be unsorted.

    >>> [(d.reason, d.text) for d in fill_gaps("ab\\n---\\ncd", [(0, 2), (7, 9)], "markup")]
    [('markup', '---')]
    """
    stop = len(source) if end is None else end
    spans: list[DroppedSpan] = []
    position = start
    for a, b in [*sorted(taken), (stop, stop)]:
        if a > position:
            gap = trimmed(source, position, min(a, stop))
            if gap is not None:
                spans.append(DroppedSpan(gap[0], gap[1], reason, source[gap[0] : gap[1]]))
        position = max(position, b)
        if position >= stop:
            break
    return spans


class SourceBuilder:
    """Builds the source text of a format whose file is not text (PDF,
    ``.docx``): each piece of extracted text is appended as its own line(s),
    and blocks and dropped spans point into what was appended.

    >>> builder = SourceBuilder()
    >>> span = builder.append("Page 3")
    >>> builder.drop(span, "page-number")
    >>> builder.block(BlockKind.PARAGRAPH, "Text.", [builder.append("Text.")])
    >>> document = builder.build("pdf")
    >>> document.source, [b.text for b in document.blocks], [d.reason for d in document.dropped]
    ('Page 3\\nText.\\n', ['Text.'], ['page-number'])
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.dropped: list[DroppedSpan] = []
        self.appended: dict[int, str] = {}  # start offset -> what was appended there

    def append(self, text: str, *, separator: str = "\n") -> tuple[int, int]:
        """Append ``text`` (then ``separator``) to the source; return its span."""
        start = self.length
        self.parts.append(text)
        self.parts.append(separator)
        self.length += len(text) + len(separator)
        self.appended[start] = text
        return start, start + len(text)

    def drop(self, span: tuple[int, int], reason: str) -> None:
        """Record ``span`` (one piece appended earlier, or part of one) as set aside for ``reason``."""
        if span[1] > span[0]:
            owner = (
                max(start for start in self.appended if start <= span[0]) if span[0] not in self.appended else span[0]
            )
            text = self.appended[owner][span[0] - owner : span[1] - owner]
            self.dropped.append(DroppedSpan(span[0], span[1], reason, text))

    def block(
        self,
        kind: BlockKind,
        text: str,
        spans: Sequence[tuple[int, int]],
        *,
        level: int = 0,
        label: str | None = None,
        depth: int = 0,
        context: str | None = None,
        flags: Iterable[str] = (),
    ) -> None:
        """Add a block read from ``spans`` (appended earlier); an empty one is not added."""
        kept = tuple(span for span in spans if span[1] > span[0])
        if text and kept:
            self.blocks.append(Block(kind, text, kept, level, label, depth, context, (), frozenset(flags)))

    def build(self, format: str) -> Document:
        source = "".join(self.parts)
        blocks = tuple(sorted(self.blocks, key=lambda block: block.start))
        dropped = tuple(sorted(self.dropped, key=lambda span: span.start))
        return Document(source, format, blocks, dropped)


#: A field of a header, one a line: its name (one word), a colon, its value or the line's end.
FIELD_RE = re.compile(r"[A-Z][\w-]*:(?:\s|$)")
#: The start of a copyright notice ("Copyright (C) 2007 ...", "© 2024 ...", "(c) 1995 ..."): a
#: block of its own to the text reader, a program's notice to segmentation when a grant follows it.
NOTICE_RE = re.compile(r"(?:Copyright|COPYRIGHT)\b|©|\([Cc]\)[ \t]")


def field_runs(fields: Sequence[str | None]) -> set[int]:
    """The positions of a document's header fields: runs of consecutive
    fields (``None``: no field) of three names or more ("PEP: 8", "Status:
    Active", "Created: 05-Jul-2001"); a headline printed three times ("Lavrov:
    ...") is no header.  The text and segmentation passes both ask it.

    >>> sorted(field_runs(["PEP: 8", "Status: Active", "Created: 2001", None, "Note: x"]))
    [0, 1, 2]
    """
    found: set[int] = set()
    start = 0
    for position in range(len(fields) + 1):
        if position < len(fields) and fields[position] is not None:
            continue
        if len({str(fields[at]).split(":", 1)[0] for at in range(start, position)}) >= 3:
            found.update(range(start, position))
        start = position + 1
    return found


def contents_start(blocks: Sequence[Block], start: int) -> int | None:
    """Where a list of links into the page that begins at ``blocks[start]``
    starts as a table of contents: ``start``, or the heading before it when
    that heading names one ("Table of Contents"); ``None`` when a sentence of
    the text leads into the list ("The most common subcommands are:"), which
    makes it the text's own.  Markdown's and HTML's readers both ask it."""
    before = blocks[start - 1] if start else None
    if before is None:
        return start
    if before.kind is not BlockKind.HEADING:
        return None if before.text.endswith(":") else start
    return start - 1 if is_toc_heading(before.text) else start
