"""HTML reader: web pages and HTML fragments (inside Markdown) -> blocks.

The page is read with the standard library's :class:`html.parser.HTMLParser`
(forgiving, linear, no network, no entity expansion beyond HTML's own), and
every block keeps the offsets of its text in the page, so the audit contract
of :mod:`conceptdiff.read` holds on the HTML as written: tags between blocks,
comments, scripts and styles are ``markup`` spans; text in the page's
navigation, banner, footer, sidebars, forms, cookie and sharing widgets, and
in hidden elements, is set aside as ``boilerplate`` with its text.

Blocks: ``<h1>``-``<h6>`` headings; paragraphs (``<p>``, and text standing in
a ``<div>``, ``<section>`` ... between other blocks); list items with their
nesting depth and, in an ``<ol>``, their number as label (``start``,
``value`` and ``type`` honoured); one block per table row, cells joined by
``" | "`` and the header row as the rows' context (a table that lays out
the page rather than holding data, :func:`layout_tables`, is read as the
blocks in its cells); ``<pre>`` as one code
block, its line breaks kept; block quotes as ``quote`` blocks.  A ``<br>``
ends a line: lines that end a sentence (or are followed by another ``<br>``)
end their block, other lines go on (a paragraph laid out with ``<br>`` at
each line end); in a table cell a ``<br>`` is a space.

When the page has a ``<main>`` element (or ``role="main"``), or exactly one
``<article>``, text outside it is boilerplate too.

>>> page = '''<html><body><nav><a href="/">Home</a></nav><main>
... <h2>1. Scope</h2><p>The <b>rules</b>&nbsp;apply.</p>
... <table><tr><th>Term</th><th>Meaning</th></tr><tr><td>Work</td><td>the program</td></tr></table>
... </main><footer>© 2024</footer></body></html>'''
>>> document = read_html(page)
>>> for block in document.blocks:
...     print(block.kind.value, repr(block.text))
heading '1. Scope'
paragraph 'The rules apply.'
table_row 'Term | Meaning'
table_row 'Work | the program'
>>> sorted({(d.reason, d.text) for d in document.dropped if d.reason == "boilerplate"})
[('boilerplate', 'Home'), ('boilerplate', '© 2024')]
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from html.parser import HTMLParser

import attrs

from conceptdiff.model import DroppedSpan
from conceptdiff.options import Options
from conceptdiff.read._document import (
    MIN_CONTENTS_ENTRIES,
    TITLE_PAGE_DETAIL_RE,
    Block,
    BlockKind,
    Document,
    code_text,
    contents_start,
    fill_gaps,
    trimmed,
)
from conceptdiff.read._labels import label_style, split_label
from conceptdiff.read._paged import is_toc_heading
from conceptdiff.read._scraped import FUNCTION_WORDS, looks_like_heading

__all__ = ["looks_like_html", "read_html", "read_html_fragment"]

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


# Elements whose content is never text a reader sees.
_SKIP = frozenset(
    "script style noscript template head title svg math canvas iframe object embed select option datalist "
    "button audio video picture map textarea".split()
)
# Elements that hold a page's furniture rather than its document.
_FURNITURE = frozenset("nav header footer aside form menu dialog".split())
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog alert".split())
_FURNITURE_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:cookie|consent|gdpr|share|sharing|social|breadcrumbs?|sidebar|newsletter|subscribe|"
    r"comments?|related|advert|advertisement|ads?|promo|banner|skip-link|skiplink|navbar|nav|menu|footer|"
    r"masthead|toc|printindex)(?:$|[\s_-])"
    # A table of contents by name ("contents", "table-of-contents", "page-contents"); not a part's
    # body ("example-contents": DocBook's example, "entry-contents").
    r"|^[_-]*(?:table[_-]of[_-]|page[_-]|local[_-])?contents(?:$|[_-])",
    re.IGNORECASE,
)
# Sectioning elements: a <header> inside one heads that part, not the page (HTML's banner landmark
# is a <header> outside them).
_SECTIONING = frozenset("article section main".split())
# Elements whose class or id never makes them furniture: ``<html class="sidebar-visible">``
# (mdBook) says the sidebar is shown, not that the page is one.
_PAGE_ELEMENTS = frozenset("html body main article".split())
# A class naming a state of the layout, not a part of it: "has-sidebar", "menu-open", "toc-collapsed".
_STATE_CLASS_RE = re.compile(
    r"^(?:has|with|no|show|hide|is)-|-(?:visible|open|opened|closed|collapsed|expanded|hidden|active|enabled|disabled)$",
    re.IGNORECASE,
)
# Whole class names of furniture that as parts of a name say nothing ("section-header" heads a
# section): makeinfo's and DocBook's navigation lines.
_FURNITURE_CLASSES = frozenset("header navheader navfooter nav-panel".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements that end the block before them and start a new one.
_BLOCK = frozenset(
    "p div section article main body html blockquote pre table thead tbody tfoot tr td th caption ul ol "
    "dl dt dd li figure figcaption address hr h1 h2 h3 h4 h5 h6 details summary center fieldset legend "
    "header footer nav aside form menu dialog".split()
)
# Elements a <p> start tag closes (HTML's implied end tags, for the ones that matter here).
_CLOSES_P = frozenset("p div ul ol dl table pre blockquote h1 h2 h3 h4 h5 h6 section article hr address".split())
_SENTENCE_END_RE = re.compile(r"[.!?:;][\"'”’»)\]]*$")


# A tag's attributes never run past the next "<": each character is scanned once however
# many tags never close ("<table <table <table ...").
_TABLE_TAG_RE = re.compile(r"<(/?)(table|tr|td|th|h[1-6]|form|p|ul|ol|dl|pre|div|blockquote)\b([^<>]*)>", re.IGNORECASE)
_PRESENTATION_RE = re.compile(r"""\brole\s*=\s*["']?(?:presentation|none)\b""", re.IGNORECASE)
_LAYOUT_INSIDE = frozenset("h1 h2 h3 h4 h5 h6 form".split())


@attrs.define
class _TableScan:
    """What :func:`layout_tables` knows of an open table."""

    start: int
    layout: bool = False
    cells: int = 0  # in the current row
    widest: int = 0  # the most cells of a row
    blocks: bool = False  # a cell holds a paragraph, a list, a division ...


def layout_tables(source: str, start: int = 0, end: int | None = None) -> frozenset[int]:
    """The offsets of the ``<table>`` tags that lay out a page rather than
    hold data: a table marked ``role="presentation"``, one that holds another
    table, one that holds a heading or a form (an old site's banner, sidebar
    and content cell), and a table of one column whose cells hold paragraphs,
    lists or divisions (a frame drawn around the text).  Its cells are read
    as the blocks they hold.

    >>> page = '<table><tr><td><h1>Help</h1><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>'
    >>> sorted(layout_tables(page))
    [0]
    """
    layout: set[int] = set()
    open_tables: list[_TableScan] = []

    def close(table: _TableScan) -> None:
        table.widest = max(table.widest, table.cells)
        if table.layout or (table.blocks and table.widest <= 1):
            layout.add(table.start)

    for match in _TABLE_TAG_RE.finditer(source, start, len(source) if end is None else end):
        closing, tag = match.group(1), match.group(2).casefold()
        if tag == "table":
            if not closing:
                if open_tables:
                    open_tables[-1].layout = True  # a table inside a table: the outer one lays out
                presentation = _PRESENTATION_RE.search(match.group(3)) is not None
                open_tables.append(_TableScan(match.start(), layout=presentation))
            elif open_tables:
                close(open_tables.pop())
            continue
        if not open_tables or closing:
            continue
        table = open_tables[-1]
        if tag == "tr":
            table.widest, table.cells = max(table.widest, table.cells), 0
        elif tag in ("td", "th"):
            table.cells += 1
        elif tag in _LAYOUT_INSIDE:
            table.layout = True
        else:
            table.blocks = True
    for table in open_tables:  # tables left open at the end of the page
        close(table)
    return frozenset(layout)


@attrs.define
class _Open:
    tag: str
    furniture: bool = False
    skip: bool = False


@attrs.define
class _List:
    ordered: bool
    counter: int = 0
    style: str = "1"
    step: int = 1


@attrs.define
class _Pending:
    """A block being read: its text runs ``(text, start, end)`` in the page."""

    kind: BlockKind
    level: int = 0
    label: str | None = None
    depth: int = 0
    flags: frozenset[str] = frozenset()
    runs: list[tuple[str, int, int]] = attrs.Factory(list)
    links: list[str] = attrs.Factory(list)
    breaks: list[tuple[int, int]] = attrs.Factory(list)  # each <br>: (runs before it, its offset)


@attrs.define
class _Row:
    """A table row being read: its cells' runs, and whether it is a header row."""

    cells: list[list[tuple[str, int, int]]] = attrs.Factory(list)
    header_cells: int = 0
    in_head: bool = False
    cell: list[tuple[str, int, int]] | None = None
    links: list[str] = attrs.Factory(list)


def _roman(number: int) -> str:
    result = []
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while number >= value:
            result.append(numeral)
            number -= value
    return "".join(result)


def _list_label(number: int, style: str) -> str:
    if style in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if style == "A" else letter
    if style in ("i", "I") and 1 <= number <= 3999:
        roman = _roman(number)
        return roman.upper() if style == "I" else roman
    return str(number)


class _Reader(HTMLParser):
    """One pass over the markup; blocks are emitted as their elements close."""

    def __init__(self, source: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.stop = end
        self.line_starts = [start] + [m.end() + start for m in re.finditer("\n", source[start:end])]
        self.stack: list[_Open] = []
        self.lists: list[_List] = []
        self.blocks: list[Block] = []
        self.furniture: list[tuple[int, int]] = []
        self.pending: _Pending | None = None
        self.quote = 0
        self.row: _Row | None = None
        self.header: str | None = None  # the current table's header row
        self.layout = layout_tables(source, start, end)
        self.tables: list[bool] = []  # for each open table, whether it lays out the page
        self.data_start: int | None = None
        self.data_text = ""
        self.heading_level = 0  # the level of the last heading read

    def here(self) -> int:
        """The offset in ``source`` of the event being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1].skip

    @property
    def in_furniture(self) -> bool:
        return bool(self.stack) and self.stack[-1].furniture

    def depth(self) -> int:
        return max(0, len(self.lists) - 1)

    # -- blocks --------------------------------------------------------------------------

    def flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            return
        if pending.breaks:
            self.flush_lines(pending)
            return
        self.emit(pending)

    def flush_lines(self, pending: _Pending) -> None:
        """A block of lines ended by ``<br>``.  A paragraph laid out as a plain
        text (:data:`_LAID_OUT_LINES` lines or more, most of them full: a
        hard-wrapped text put on a page, its indents in ``&nbsp;``) is read by
        the plain-text layout model; otherwise a line that ends a sentence, or
        an empty line after it, ends its block and the others go on.  An item's
        lines after its first block are read as a paragraph of their own."""
        lines: list[list[tuple[str, int, int]]] = []
        first = 0
        for count, _ in pending.breaks:
            lines.append(pending.runs[first:count])
            first = count
        lines.append(pending.runs[first:])
        filled = [any(text.strip() for text, _, _ in line) for line in lines]
        laid_out = pending.kind is BlockKind.PARAGRAPH and sum(filled) >= _LAID_OUT_LINES and _wrapped(lines)
        if laid_out and self.laid_out(pending, lines):
            return
        texts = [" ".join("".join(text for text, _, _ in line).split()) for line in lines]
        runs: list[tuple[str, int, int]] = []
        for index, line in enumerate(lines):
            runs += line
            text = "".join(text for text, _, _ in runs).rstrip()
            empty_next = index + 1 < len(lines) and not filled[index + 1]
            if text and (empty_next or _SENTENCE_END_RE.search(text) or _ends_line_block(text, texts, index)):
                self.emit(attrs.evolve(pending, runs=runs, breaks=[]))
                runs = []
                if pending.kind is BlockKind.LIST_ITEM and index + 1 < len(lines):
                    base = pending.breaks[index][0]  # the runs before the rest's first line
                    kind, flags = (
                        (BlockKind.QUOTE, frozenset({"quote"})) if self.quote else (BlockKind.PARAGRAPH, frozenset())
                    )
                    rest = attrs.evolve(
                        pending, kind=kind, flags=flags, label=None, links=[], runs=pending.runs[base:],
                        breaks=[(count - base, offset) for count, offset in pending.breaks[index + 1 :]],
                    )  # fmt: skip
                    self.flush_lines(rest)
                    return
                pending = attrs.evolve(pending, links=[])
            elif runs and index < len(pending.breaks):
                offset = pending.breaks[index][1]
                runs.append((" ", offset, offset))
        if runs:
            self.emit(attrs.evolve(pending, runs=runs, breaks=[]))

    def laid_out(self, pending: _Pending, lines: list[list[tuple[str, int, int]]]) -> bool:
        """Read the lines with the plain-text reader; their blocks' spans are
        mapped back to the page.  Says whether it read them."""
        from conceptdiff.read.text import read_plain  # only pages laid out with <br> need it

        chars: list[str] = []
        offsets: list[tuple[int, int]] = []  # each character's (start, end) in the page
        collapsible: list[bool] = []  # a space HTML collapses (not a non-breaking one)
        for line in lines:
            line_start = len(chars)
            for text, start, end in line:
                for char, where in zip(text, _char_offsets(self.source, text, start, end), strict=True):
                    ascii_space = char in _ASCII_SPACE
                    if ascii_space and (len(chars) == line_start or collapsible[-1]):
                        continue  # HTML's white space: one space, none at a line's start
                    chars.append(" " if ascii_space or char == "\xa0" else char)
                    offsets.append(where)
                    collapsible.append(ascii_space)
            while len(chars) > line_start and chars[-1] == " ":
                chars.pop()
                offsets.pop()
                collapsible.pop()
            chars.append("\n")
            offsets.append(offsets[-1] if offsets else (0, 0))
            collapsible.append(False)
        starts = [start for start, _ in offsets]
        ends = [end for _, end in offsets]
        document = read_plain("".join(chars))
        if not document.blocks:
            return False
        base = self.heading_level
        for number, block in enumerate(document.blocks):
            spans = tuple(
                span
                for start, end in block.spans
                if end > start and (span := trimmed(self.source, starts[start], ends[end - 1])) is not None
            )
            if not spans:
                continue
            level = block.level + base if block.kind is BlockKind.HEADING else 0
            links = tuple(pending.links) if number == 0 else ()
            self.blocks.append(
                Block(block.kind, block.text, spans, level, block.label, pending.depth, None, links, block.flags)
            )
        return True

    def emit(self, pending: _Pending) -> None:
        """The block of ``pending``, if it holds any text."""
        if pending.kind is BlockKind.HEADING:
            self.heading_level = pending.level
            if any(link.startswith("#") for link in pending.links):
                pending = attrs.evolve(pending, runs=_without_permalink_mark(pending.runs))
        elif pending.kind is not BlockKind.CODE and any(link.startswith("#") for link in pending.links):
            pending = attrs.evolve(pending, runs=_without_permalink_mark(pending.runs, _BACKREF_MARK_RE))
        joined = "".join(text for text, _, _ in pending.runs)
        text = code_text(joined) if pending.kind is BlockKind.CODE else " ".join(joined.split())
        span = _span(self.source, pending.runs)
        if text and span is not None:
            self.blocks.append(
                Block(pending.kind, text, (span,), pending.level, pending.label, pending.depth, None,
                      tuple(pending.links), pending.flags)
            )  # fmt: skip

    def begin(self, kind: BlockKind, *, level: int = 0, label: str | None = None, depth: int = 0) -> None:
        pending = self.pending
        if (
            pending is not None
            and pending.kind is BlockKind.LIST_ITEM
            and kind is BlockKind.PARAGRAPH
            and not any(text.strip() for text, _, _ in pending.runs)
        ):
            return  # <li><p>: the item's first paragraph is the item
        self.flush()
        flags: frozenset[str] = frozenset()
        if self.quote and kind is BlockKind.PARAGRAPH:
            kind, flags = BlockKind.QUOTE, frozenset({"quote"})
        self.pending = _Pending(kind, level, label, depth, flags)

    def row_end(self) -> None:
        row, self.row = self.row, None
        if row is None:
            return
        if row.cell is not None:
            row.cells.append(row.cell)
        texts = [" ".join("".join(text for text, _, _ in cell).split()) for cell in row.cells]
        span = _span(self.source, [run for cell in row.cells for run in cell])
        if not any(texts) or span is None:
            return
        text = " | ".join(texts)
        header = row.in_head or (row.header_cells == len(row.cells) and self.header is None)
        context = None if header else self.header
        spans = _around(self.source, span, self.furniture)  # furniture inside a row is set aside on its own
        self.blocks.append(Block(BlockKind.TABLE_ROW, text, spans, context=context, links=tuple(row.links)))
        if header:
            self.header = text

    def line_break(self) -> None:
        """A ``<br>``: see the module's rule."""
        if self.row is not None:
            if self.row.cell is not None:
                self.row.cell.append((" ", self.here(), self.here()))
            return
        pending = self.pending
        if pending is None:
            return
        if pending.kind is BlockKind.CODE:
            pending.runs.append(("\n", self.here(), self.here()))
            return
        pending.breaks.append((len(pending.runs), self.here()))  # decided when the block ends (flush_lines)

    # -- events --------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.data_end()
        if tag in _VOID:
            if not self.skipping:
                if tag == "br":
                    self.line_break()
                elif tag == "hr" and self.row is None:
                    self.flush()
            return
        self.implied_ends(tag)
        attributes = dict(attrs_list)
        skip = self.skipping or tag in _SKIP or _hidden(attributes) or (tag == "a" and _is_anchor_mark(attributes))
        sectioned = tag == "header" and any(o.tag in _SECTIONING for o in self.stack)
        # Inside preformatted code, classes are a highlighter's ("hljs-comment"), never the page's parts.
        in_code = self.pending is not None and self.pending.kind is BlockKind.CODE
        furniture = self.in_furniture or (
            not skip and not in_code and _is_furniture(tag, attributes, sectioned=sectioned)
        )
        self.stack.append(_Open(tag, furniture, skip))
        if skip:
            return
        if tag == "a" and attributes.get("href"):
            href = str(attributes["href"])
            if self.row is not None:
                self.row.links.append(href)
            elif self.pending is not None:
                self.pending.links.append(href)
        if self.row is not None:
            if tag in ("td", "th"):
                if self.row.cell is not None:
                    self.row.cells.append(self.row.cell)
                self.row.cell = []
                self.row.header_cells += tag == "th"
            elif tag in _BLOCK and self.row.cell is not None:
                self.row.cell.append((" ", self.here(), self.here()))
            return
        if tag in _BLOCK:
            self.block_start(tag, attributes)

    def implied_ends(self, tag: str) -> None:
        """HTML's implied end tags that matter for blocks (``<p>`` before a block, ``<li>`` before ``<li>``...)."""
        if not self.stack:
            return
        top = self.stack[-1].tag
        if top == "p" and tag in _CLOSES_P:
            self.handle_endtag("p")
        elif tag == "li":
            inner = next((o.tag for o in reversed(self.stack) if o.tag in ("li", "ul", "ol", "menu")), "")
            if inner == "li":
                self.handle_endtag("li")
        elif tag in ("dt", "dd"):
            inner = next((o.tag for o in reversed(self.stack) if o.tag in ("dt", "dd", "dl")), "")
            if inner in ("dt", "dd"):
                self.handle_endtag(inner)
        elif tag in ("tr", "td", "th"):
            inner = next((o.tag for o in reversed(self.stack) if o.tag in ("td", "th", "tr", "table")), "")
            if tag == "tr" and inner in ("td", "th", "tr"):
                self.handle_endtag("tr")
            elif tag != "tr" and inner in ("td", "th"):
                self.handle_endtag(inner)

    def block_start(self, tag: str, attributes: dict[str, str | None]) -> None:
        if tag in ("ul", "ol", "menu"):
            self.flush()
            step = -1 if "reversed" in attributes else 1
            start = _int(attributes.get("start"), 1)
            self.lists.append(_List(tag == "ol", start - step, str(attributes.get("type") or "1"), step))
        elif tag == "li":
            label = None
            if self.lists and self.lists[-1].ordered:
                current = self.lists[-1]
                current.counter = _int(attributes.get("value"), current.counter + current.step)
                label = _list_label(current.counter, str(attributes.get("type") or current.style))
            self.begin(BlockKind.LIST_ITEM, label=label, depth=self.depth())
        elif tag in _HEADINGS:
            self.begin(BlockKind.HEADING, level=_HEADINGS[tag])
        elif tag == "pre":
            self.begin(BlockKind.CODE)
        elif tag == "blockquote":
            self.flush()
            self.quote += 1
        elif tag == "table":
            self.flush()
            self.header = None
            self.tables.append(self.here() in self.layout)
        elif tag in ("tr", "td", "th") and self.tables and self.tables[-1]:
            self.flush()  # a cell of a layout table: the blocks it holds
        elif tag == "tr":
            self.flush()
            self.row = _Row(in_head=any(o.tag == "thead" for o in self.stack))
        elif tag in ("td", "th"):
            # A cell outside a row (forgiving): read as a row of its own.
            self.flush()
            self.row = _Row(cell=[], header_cells=tag == "th")
        elif tag in ("dt", "dd", "p", "caption", "figcaption", "summary", "address", "legend"):
            self.begin(BlockKind.PARAGRAPH, depth=self.depth() if self.lists else 0)
        else:
            self.flush()

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        """``<br/>``: one element, opened and closed (the base class would also
        report an end tag, which for ``br`` is a second line break)."""
        self.handle_starttag(tag, attrs_list)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.data_end()
        if tag in _VOID:
            if tag == "br" and not self.skipping:
                self.line_break()  # "</br>": a line break to every browser (HTML's parsing rules)
            return
        # Close up to the matching open element (unmatched end tags are ignored).
        position = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), None)
        if position is None:
            return
        closing = self.stack[position:]
        del self.stack[position:]
        for element in reversed(closing):
            if not element.skip:
                self.element_end(element.tag)

    def element_end(self, tag: str) -> None:
        if self.row is not None:
            if tag in ("td", "th"):
                if self.row.cell is not None:
                    self.row.cells.append(self.row.cell)
                self.row.cell = None
            elif tag in ("tr", "table", "thead", "tbody", "tfoot"):
                self.row_end()
            if tag != "table":
                return
        if tag in ("ul", "ol", "menu"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag == "blockquote":
            self.flush()
            self.quote = max(0, self.quote - 1)
        elif tag == "table":
            self.flush()
            self.header = None
            if self.tables:
                self.tables.pop()
        elif tag in _BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        self.data_end()
        self.data_start = self.here()
        self.data_text = data

    def data_end(self, end: int | None = None) -> None:
        """The data run that began at ``data_start`` ends here, where the next event starts."""
        start = self.data_start
        if start is None:
            return
        self.data_start = None
        data = self.data_text
        stop = self.here() if end is None else end
        if _LONE in data:  # a defused "<" (see _defused): the page's own characters
            data = html.unescape(self.source[start:stop])
        if self.skipping or (not data.strip() and self.pending is None and self.row is None):
            return
        if self.in_furniture:
            self.furniture.append((start, stop))
            return
        if self.row is not None:
            if self.row.cell is None:
                if not data.strip():
                    return
                self.row.cell = []
            self.row.cell.append((data, start, stop))
            return
        if self.pending is None:
            self.begin(BlockKind.PARAGRAPH, depth=self.depth() if self.lists else 0)
        assert self.pending is not None
        self.pending.runs.append((data, start, stop))

    def handle_comment(self, data: str) -> None:
        self.data_end()

    def handle_decl(self, decl: str) -> None:
        self.data_end()

    def handle_pi(self, data: str) -> None:
        self.data_end()

    def unknown_decl(self, data: str) -> None:
        self.data_end()

    def finish(self) -> None:
        self.close()
        self.data_end(self.stop)
        while self.stack:
            self.handle_endtag(self.stack[-1].tag)
        self.row_end()
        self.flush()


_LAID_OUT_LINES = 10  # a paragraph of this many lines ended by <br>, most of them full: a plain text laid out


# A title page's line is short.
_TITLE_LINE_WORDS = 8


def _ends_line_block(text: str, lines: Sequence[str], index: int) -> bool:
    """Does the block read so far (``text``, ending with ``lines[index]``) end
    at the ``<br>`` after that line, though no sentence ends there?  When the
    next line opens with the next label of the block's own ("a) ... and" |
    "b) in the case of ..."), and in a title block: a short title and the
    version, date, address or copyright line under it, each short
    ("Apache License" | "Version 2.0, January 2004" | "http://www.apache.org/licenses/")."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if not following:
        return False
    label, _, _ = split_label(text.lstrip())
    after, _, _ = split_label(following)
    if label is not None and after is not None and after != label and label_style(after) == label_style(label):
        return True
    line = lines[index]
    if " ".join(text.split()) != line or not _title_line(line) or not _title_line(following):
        return False  # a title block's lines each stand alone: the block so far is this one line
    details = [bool(TITLE_PAGE_DETAIL_RE.search(each)) for each in (line, following)]
    # A title and its detail, or two details; a title reads as a heading ("Apache License").
    pairs = zip(details, (line, following), strict=True)
    return any(details) and all(detail or looks_like_heading(each) for detail, each in pairs)


def _title_line(line: str) -> bool:
    """A line of a title block: short, opening like a title, ending on no
    word or mark that carries a sentence on ("... the Original", "..., from")."""
    words = line.split()
    if not words or len(words) > _TITLE_LINE_WORDS or not (line[0].isupper() or line[0].isdigit() or "://" in words[0]):
        return False
    return line[-1] not in ",;:-–—(" and words[-1].casefold() not in FUNCTION_WORDS


def _wrapped(lines: list[list[tuple[str, int, int]]]) -> bool:
    """Are most of these lines (of ten or more) full, as a hard-wrapped text's are:
    60 % of the longest or more?  (A list of names and addresses is not.)"""
    lengths = [len(" ".join("".join(text for text, _, _ in line).split())) for line in lines]
    filled = [length for length in lengths if length]
    full = 0.6 * max(filled)
    return sum(length >= full for length in filled) >= 0.5 * len(filled)


_ASCII_SPACE = frozenset(" \t\n\r\f")
_CHARACTER_REFERENCE_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def _char_offsets(source: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where each character of ``text`` (the data the parser gave for
    ``source[start:end]``, character references decoded) stands in the page:
    a decoded reference's characters all stand for the whole reference; when
    the two cannot be lined up, the run's range stands for every character."""
    offsets: list[tuple[int, int]] = []
    position = start
    raw = source[start:end]
    for match in _CHARACTER_REFERENCE_RE.finditer(raw):
        plain_end = start + match.start()
        offsets += [(i, i + 1) for i in range(position, plain_end)]
        decoded = html.unescape(match.group())
        offsets += [(start + match.start(), start + match.end())] * len(decoded)
        position = start + match.end()
    offsets += [(i, i + 1) for i in range(position, end)]
    if len(offsets) != len(text):
        return [(start, end)] * len(text)
    return offsets


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value).strip()) if value is not None else default
    except ValueError:
        return default


def _hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


_ANCHOR_CLASS_RE = re.compile(
    r"(?:^|\s)(?:headerlink|anchor|anchor-link|anchorjs-link|heading-anchor|permalink|copiable-anchor|copiable-link)(?:\s|$)"
)


# The text of a heading's permalink: "#", "¶", "§", a link symbol.
_PERMALINK_MARK_RE = re.compile(r"[#¶§\U0001f517⚓]")


# The text of a footnote's link back to where it was cited: "↩", "↑", "^".
_BACKREF_MARK_RE = re.compile("[\u21a9\u2191\u2934^][\ufe0e\ufe0f]?")


def _without_permalink_mark(
    runs: list[tuple[str, int, int]], mark: re.Pattern[str] = _PERMALINK_MARK_RE
) -> list[tuple[str, int, int]]:
    """A heading's text runs without a permalink mark at their end (Node's
    ``<a class="mark" href="#policies">#</a>``), when other text remains; with
    ``mark`` :data:`_BACKREF_MARK_RE`, a footnote's without its link back ("↩")."""
    end = len(runs)
    while end and not runs[end - 1][0].strip():
        end -= 1
    if not end or not mark.fullmatch(runs[end - 1][0].strip()):
        return runs
    kept = runs[: end - 1]
    return kept if any(text.strip() for text, _, _ in kept) else runs


def _is_anchor_mark(attributes: dict[str, str | None]) -> bool:
    """A heading's permalink mark (Sphinx's "¶", GitHub's "#"): no text of the page."""
    return _ANCHOR_CLASS_RE.search(attributes.get("class") or "") is not None


def _is_furniture(tag: str, attributes: dict[str, str | None], *, sectioned: bool = False) -> bool:
    """Does the element hold a page's furniture?  ``sectioned``: a ``<header>``
    inside an article, a section or the main text, which introduces that part
    (its title, its subtitle) and is the page's banner only when it says so."""
    if tag in _FURNITURE and not sectioned:
        return True
    if (attributes.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    if tag in _PAGE_ELEMENTS:
        return False  # the page's root and its main text: their classes say the layout's state
    classes = attributes.get("class") or ""
    # A section's or a heading's id is its title's slug ("file-menu-shell-and-editor"), no role.
    slug = tag in _HEADINGS or tag == "section" or "section" in classes.split()
    names = f"{classes} {'' if slug else attributes.get('id') or ''}".split()
    if tag in ("div", "table", "p") and any(name.casefold() in _FURNITURE_CLASSES for name in names):
        return True  # not <a class="header"> (mdBook's heading link)
    return any(_FURNITURE_CLASS_RE.search(name) and not _STATE_CLASS_RE.search(name) for name in names)


def _around(source: str, span: tuple[int, int], holes: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """``span`` without the ``holes`` inside it (each piece trimmed, empty ones left out)."""
    start, end = span
    inside = sorted((a, b) for a, b in holes if a < end and b > start)
    if not inside:
        return (span,)
    pieces: list[tuple[int, int] | None] = []
    for a, b in inside:
        if a > start:
            pieces.append(trimmed(source, start, a))
        start = max(start, b)
    if start < end:
        pieces.append(trimmed(source, start, end))
    return tuple(piece for piece in pieces if piece is not None)


def _span(source: str, runs: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """The trimmed range from the first run with text to the last."""
    with_text = [(start, end) for text, start, end in runs if text.strip() and end > start]
    if not with_text:
        return None
    return trimmed(source, with_text[0][0], with_text[-1][1])


# A "<" that opens no markup the parser could close: stands for itself (see _defused).
_LONE = "\x1a"
_MARKUP_START_RE = re.compile(r"<(?=[a-zA-Z/!?])")


def _defused(markup: str) -> str:
    """``markup`` with every ``<`` that opens markup which never closes (a tag
    with no ``>`` before the next ``<``, a comment with no ``-->`` after it)
    replaced by a placeholder of the same length.

    CAUTION: the standard library's parser (in the Pythons this package
    supports) tries such a ``<`` again at every later one: ``"<a " * 50000``
    takes minutes, ``"<!--" * 50000`` seconds.  Browsers read these as text
    or as the rest of the page anyway.  The scan is linear: the next ``>`` is
    found once and reused until passed.  Offsets are unchanged, so the reader
    maps its text back to the page itself (tests/test_read_html.py times it).
    """
    if "<" not in markup:
        return markup
    comment_close = markup.rfind("-->")
    lone: list[int] = []
    next_close = -1
    starts = [match.start() for match in _MARKUP_START_RE.finditer(markup)]
    for number, position in enumerate(starts):
        if markup.startswith("<!--", position):
            if position > comment_close:
                lone.append(position)
            continue
        if next_close < position:
            next_close = markup.find(">", position)
        following = starts[number + 1] if number + 1 < len(starts) else len(markup)
        if next_close < 0 or next_close > following:
            lone.append(position)
    if not lone:
        return markup
    chars = list(markup)
    for position in lone:
        chars[position] = _LONE
    return "".join(chars)


def _read(source: str, start: int, end: int) -> tuple[list[Block], list[DroppedSpan]]:
    reader = _Reader(source, start, end)
    reader.feed(_defused(source[start:end]))
    reader.finish()
    dropped = [
        DroppedSpan(span[0], span[1], "boilerplate", source[span[0] : span[1]])
        for a, b in reader.furniture
        if (span := trimmed(source, a, b)) is not None
    ]
    return _labels_joined(reader.blocks), dropped


def _labels_joined(blocks: list[Block]) -> list[Block]:
    """A paragraph that is only a number label ("1.1." in the first cell of a
    question laid out in a table, a ``<dt>`` numbering its ``<dd>``) labels
    the block after it, when that block has no label of its own.

    >>> [b.text for b in _labels_joined(_read("<p>1.1.</p><p>How is it said?</p>", 0, 35)[0])]
    ['1.1. How is it said?']
    """
    out: list[Block] = []
    skip = False
    for position, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        after = blocks[position + 1] if position + 1 < len(blocks) else None
        if (
            after is not None
            and block.kind is BlockKind.PARAGRAPH
            and after.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM)
            and after.label is None
            and split_label(block.text)[2] == len(block.text)
            and split_label(after.text)[0] is None
        ):
            out.append(attrs.evolve(after, text=f"{block.text} {after.text}", spans=block.spans + after.spans))
            skip = True
            continue
        out.append(block)
    return out


def read_html_fragment(source: str, start: int = 0, end: int | None = None) -> tuple[list[Block], list[DroppedSpan]]:
    """Blocks of the HTML in ``source[start:end]`` and the text set aside in
    it, offsets in ``source`` (used for HTML blocks inside Markdown).  Markup
    between blocks is not reported: the caller fills the gaps."""
    return _read(source, start, len(source) if end is None else end)


def read_html(source: str, *, options: Options | None = None) -> Document:
    """Read an HTML page (see the module's rules)."""
    options = options or Options()
    blocks, dropped = _read(source, 0, len(source))
    if not options.drop_boilerplate:
        blocks += [
            Block(BlockKind.PARAGRAPH, " ".join(d.text.split()), ((d.start, d.end),), flags=frozenset({"boilerplate"}))
            for d in dropped
        ]
        dropped = []
    if options.drop_boilerplate:
        if _main_region(source) is not None:
            blocks, moved = _outside_main(source, blocks)
            dropped += moved
        elif looks_like_html(source) and len(blocks) >= 5:  # a whole page, not a fragment
            blocks, moved = _outside_main_text(source, blocks, _contents_entries(source, blocks))
            dropped += moved
    if options.drop_table_of_contents:
        blocks, moved = _contents(source, blocks)
        dropped += moved
    taken = [span for block in blocks for span in block.spans] + [(d.start, d.end) for d in dropped]
    dropped += fill_gaps(source, taken, "markup")
    blocks.sort(key=lambda block: block.start)
    dropped.sort(key=lambda span: span.start)
    return Document(source, "html", tuple(blocks), tuple(dropped))


_ANCHOR_RE = re.compile(r"""<[a-z][^<>]*?\s(?:id|name)\s*=\s*["']?([^"'\s<>]+)""", re.IGNORECASE)
_SCHEME_RE = re.compile(r"[a-z][a-z0-9+.-]*:|/", re.IGNORECASE)
# A link's end, then words of the item's own ("<a href="#format">Format</a>: required.").
_OWN_TEXT_RE = re.compile(r"</a\s*>(?:[^<\w]|<[^<>]*>)*[^\W\d_]{2}", re.IGNORECASE)
_CONTENTS_ENTRY_WORDS = 60  # a paragraph entry of a table of contents (a <dd>) is no longer


def _anchors(source: str) -> dict[str, int]:
    """The page's anchors (``id`` and ``name`` attributes) and where each is first defined."""
    found: dict[str, int] = {}
    for match in _ANCHOR_RE.finditer(source):
        found.setdefault(match.group(1), match.start())
    return found


def _contents(source: str, blocks: list[Block]) -> tuple[list[Block], list[DroppedSpan]]:
    """Set aside a page's table of contents and index (:func:`_contents_entries`)."""
    drop = _contents_entries(source, blocks)
    for position, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING or block.level < 2 or not is_toc_heading(block.text):
            continue  # an <h1> "Contents" titles the page's text (Sphinx's master document)
        following = next((blocks[k] for k in range(position + 1, len(blocks)) if k not in drop), None)
        if following is None or following.kind is BlockKind.HEADING:
            drop.add(position)  # "Table of contents" over nothing: its list was the page's furniture
    if not drop:
        return blocks, []
    dropped = [DroppedSpan(a, b, "table-of-contents", source[a:b]) for k in sorted(drop) for a, b in blocks[k].spans]
    return [block for k, block in enumerate(blocks) if k not in drop], dropped


def _contents_entries(source: str, blocks: list[Block]) -> set[int]:
    """Set aside a page's table of contents ("On this page"): a run of
    ``MIN_CONTENTS_ENTRIES`` entries or more (list items, or short paragraphs
    such as DocBook's ``<dt>``/``<dd>``), each one link to a place in the page
    (``href="#..."``, or ``faq.html#q1`` where the page defines ``q1``), most
    of them naming a heading of the page or pointing further down it, unless
    a sentence leads into it (``contents_start``; with its heading when one
    names it: "Contents").  So is an index: a run of as many table rows or
    more, three in five of them with links, every link into the page
    ("format: | Setting Format")."""
    headings = {" ".join(b.text.casefold().split()) for b in blocks if b.kind is BlockKind.HEADING}
    anchors = _anchors(source)

    def target(block: Block) -> int | None:
        """Where the one link of a table-of-contents entry points in the page (-1: a "#" link to no anchor)."""
        if len(block.links) != 1 or "#" not in block.links[0]:
            return None
        if block.kind is not BlockKind.LIST_ITEM and (
            block.kind is not BlockKind.PARAGRAPH or len(block.text.split()) > _CONTENTS_ENTRY_WORDS
        ):
            return None
        if block.spans and _OWN_TEXT_RE.search(source, block.spans[0][0], block.spans[-1][1]):
            return None  # words of its own after its link ("Format: required."): an item, no entry
        link = block.links[0]
        path, fragment = link.split("#", 1)
        if path and _SCHEME_RE.match(path):
            return None  # another site, or another place of this one
        if fragment in anchors:
            return anchors[fragment]
        return -1 if not path and block.kind is BlockKind.LIST_ITEM else None

    drop: set[int] = set()
    position = 0
    while position < len(blocks):
        end = _run(blocks, position, lambda block: target(block) is not None)
        if end - position >= MIN_CONTENTS_ENTRIES:
            named = sum(
                " ".join(blocks[k].text.casefold().split()) in headings or (target(blocks[k]) or -1) > blocks[k].start
                for k in range(position, end)
            )
            first = contents_start(blocks, position)
            if 2 * named >= end - position and first is not None:
                drop.update(range(first, end))
        elif end == position:
            end = _run(blocks, position, lambda block: block.kind is BlockKind.TABLE_ROW)
            linked = [row for row in blocks[position:end] if row.links]
            if (
                end - position >= MIN_CONTENTS_ENTRIES
                and 5 * len(linked) >= 3 * (end - position)
                and all(link.startswith("#") for row in linked for link in row.links)
            ):
                drop.update(range(position, end))
        position = max(end, position + 1)
    return drop


def _run(blocks: Sequence[Block], start: int, test: Callable[[Block], bool]) -> int:
    """The end of the run of blocks from ``start`` that pass ``test``."""
    end = start
    while end < len(blocks) and test(blocks[end]):
        end += 1
    return end


_SHINGLE = 4  # words per shingle when matching blocks against the main text


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    if len(words) <= _SHINGLE:
        return [tuple(words)] if words else []
    return [tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]


def _outside_main_text(source: str, blocks: list[Block], contents: set[int]) -> tuple[list[Block], list[DroppedSpan]]:
    """A page without landmarks: the blocks that a main-content extractor
    (trafilatura, extra ``conceptdiff[html]``) leaves out are boilerplate.

    The extractor's verdict is trusted at the page's edges (before the first
    and after the last block it keeps: banners, menus, footers) and for a
    menu in between (:func:`_menus`: a sidebar laid out beside the text); a
    block it leaves out in the middle of the text is otherwise kept, as an
    extractor's miss is likelier there than junk ("1. DEFINITIONS" in a bold
    paragraph), and so is a heading there (extractors often leave headings
    out of their text).  Without trafilatura, or when it finds little
    main text, nothing is set aside here (the structural rules still apply).
    """
    try:
        import trafilatura
    except ImportError:
        return blocks, []
    try:
        extracted = trafilatura.extract(
            source,
            output_format="txt",
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:
        return blocks, []
    main_words = (extracted or "").casefold().split()
    page_words = sum(len(block.text.split()) for block in blocks)
    if not main_words or len(main_words) < 0.4 * page_words:
        return blocks, []  # the extractor found little: no verdict to trust
    known = set(_shingles(main_words))
    inside = [
        sum(shingle in known for shingle in shingles) >= 0.5 * len(shingles)
        for block in blocks
        if (shingles := _shingles(block.text.casefold().split())) or True
    ]
    first = inside.index(True) if True in inside else len(blocks)
    last = len(inside) - 1 - inside[::-1].index(True) if True in inside else -1
    menus = _menus(blocks, inside, last)
    title = first
    while title > 0 and (
        blocks[title - 1].kind is BlockKind.HEADING
        or title - 1 in contents
        or title - 1 in menus
        or (title >= 2 and _subtitle(blocks[title - 1]) and blocks[title - 2].kind is BlockKind.HEADING)
    ):
        # The main text's title (extractors keep it as metadata, not as text), above its contents
        # or a sidebar laid out between them, and a subtitle under it ("Developers" + "Developer guide").
        title -= 1
        if (blocks[title].kind is BlockKind.HEADING or _subtitle(blocks[title])) and title not in menus:
            first = title
            inside[first] = True
    kept: list[Block] = []
    dropped: list[DroppedSpan] = []
    for position, (block, found) in enumerate(zip(blocks, inside, strict=True)):
        edge = position < first or position > last
        # A heading between blocks of the main text is its own ("Preamble", "No Warranty"): extractors
        # often leave headings out of their text.
        found = found or (not edge and block.kind is BlockKind.HEADING)
        if (found or not edge or block.kind is BlockKind.CODE) and position not in menus:
            kept.append(block)
        else:
            dropped.extend(DroppedSpan(a, b, "boilerplate", source[a:b]) for a, b in block.spans)
    return kept, dropped


def _subtitle(block: Block) -> bool:
    """A short line under a title that is no sentence ("Working with teams & organizations")."""
    return (
        block.kind is BlockKind.PARAGRAPH
        and not block.links
        and len(block.text.split()) <= _MENU_WORDS
        and not _SENTENCE_END_RE.search(block.text)
    )


#: A run of this many blocks or more the extractor left out, each of few words and no
#: sentence, most of them links, between blocks of the main text, is a menu (an old
#: site's sidebar); menus are never most of the page's words.
_MENU_BLOCKS = 5
_MENU_WORDS = 8


def _menus(blocks: Sequence[Block], inside: Sequence[bool], last: int) -> set[int]:
    """The positions of the blocks of menus up to ``last``:
    runs of ``_MENU_BLOCKS`` or more paragraphs and list items the
    extractor left out, each of ``_MENU_WORDS`` words or fewer and no
    sentence, three in four of them links ("Home", "Downloads", under "Main
    Menu"); the entry naming the page itself, which repeats one of its
    headings, goes with them.  A page that is mostly such a run (a book's
    table of contents as its own page) has no menu: it is the text."""
    headings = {block.text for block in blocks if block.kind is BlockKind.HEADING}
    found: set[int] = set()
    run: list[int] = []
    for position in range(last + 2):
        block = blocks[position] if position <= last else None
        if (
            block is not None
            and (not inside[position] or (block.kind is not BlockKind.HEADING and block.text in headings))
            and block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and len(block.text.split()) <= _MENU_WORDS
            and not _SENTENCE_END_RE.search(block.text)
        ):
            run.append(position)
            continue
        if len(run) >= _MENU_BLOCKS and 4 * sum(1 for k in run if blocks[k].links) >= 3 * len(run):
            found.update(run)
        run = []
    page_words = sum(len(block.text.split()) for block in blocks)
    if 2 * sum(len(blocks[k].text.split()) for k in found) > page_words:
        return set()
    return found


_MAIN_RE = re.compile(r"<main\b|role\s*=\s*[\"']?main\b", re.IGNORECASE)
_ARTICLE_RE = re.compile(r"<article\b", re.IGNORECASE)


def _outside_main(source: str, blocks: list[Block]) -> tuple[list[Block], list[DroppedSpan]]:
    """With one ``<main>`` (or one ``<article>``), blocks outside it are boilerplate."""
    region = _main_region(source)
    if region is None:
        return blocks, []
    start, end = region
    kept = [block for block in blocks if start <= block.start < end]
    if not kept:
        return blocks, []
    dropped = [
        DroppedSpan(a, b, "boilerplate", source[a:b]) for block in blocks if block not in kept for a, b in block.spans
    ]
    return kept, dropped


def _main_region(source: str) -> tuple[int, int] | None:
    for pattern, tag in ((_MAIN_RE, "main"), (_ARTICLE_RE, "article")):
        found = list(pattern.finditer(source))
        if len(found) != 1:
            continue
        begin = found[0].start()
        closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
        if tag == "main" and not found[0].group().lower().startswith("<main"):
            # role="main" on some element: its region runs to the end of the element, unknown here;
            # take up to the next furniture landmark.
            landmark = re.compile(r"<footer\b|role\s*=\s*[\"']?contentinfo", re.IGNORECASE).search(source, begin)
            return begin, landmark.start() if landmark else len(source)
        ends = [match.end() for match in closing.finditer(source, begin)]
        return begin, ends[-1] if ends else len(source)
    return None
