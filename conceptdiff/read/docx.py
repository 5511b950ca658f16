"""Word reader: a ``.docx`` file -> the blocks of its body, from its own markup.

A ``.docx`` is a ZIP package of XML parts.  Structure is read from the markup
Word wrote, never guessed from the text:

* **Headings**: a paragraph whose style (followed through ``w:basedOn``) is
  named ``heading 1`` ... ``heading 9`` or ``Title``, or carries an outline
  level (``w:outlineLvl`` 0-8, in the style or the paragraph: how localized
  and custom heading styles are told).  A numbered heading gets its number as
  ``label``.
* **Lists**: Word numbering (``numbering.xml``): ``numId`` -> abstract
  numbering, ``w:ilvl`` the depth, ``numFmt`` and ``lvlText`` print the number
  (``%1.`` -> ``3``, ``(%2)`` -> ``(b)``, ``%1.%2.`` -> ``1.2``), counters kept
  per list with deeper levels restarting, ``w:start``, ``w:lvlOverride`` and
  ``w:startOverride`` honoured.  ``label`` is the number as printed without a
  trailing ``.`` or ``)``; a bullet has none, nor has an item of a list
  ``numbering.xml`` does not define.  Paragraphs in a ``List ...`` style
  without numbering are list items too (their label, when typed, is still in
  the text).
* **Tables**: one ``table_row`` block per row, a cell's paragraphs joined by
  spaces and cells by ``" | "``; the first row (or the rows marked
  ``w:tblHeader``, their texts joined by ``" | "``) is the header and the
  ``context`` of the rows after it; a nested table is flattened into its
  cell, and a numbered paragraph keeps its number in the cell's text.
* **Code**: consecutive paragraphs in a monospace font (from the run's or the
  style's ``w:rFonts``) or in a code style (``HTML Preformatted``, ``Code``,
  ``Source`` ...) make one ``code`` block, one line per paragraph and per
  ``w:br``.
* **Text**: ``w:t``; a tab, a line break and a carriage return are spaces
  (line ends in code); a non-breaking hyphen is ``-``, a soft hyphen nothing;
  symbols (``w:sym``), hidden runs (``w:vanish``), tracked deletions and
  moves away, and field instructions are left out; insertions, moves here,
  field results, hyperlinks' text (their targets go to :attr:`Block.links`),
  content controls and text boxes (read once: of an ``mc:AlternateContent``
  only the first choice) are read.  Empty paragraphs are not blocks.
* **Outside the body**: headers and footers are page furniture: their text is
  in the source as ``running-header`` spans (``page-number`` for a paragraph
  that is only a page number field).  Footnotes and endnotes are read after
  the body, in the order the body refers to them, as blocks flagged
  ``"footnote"``: in a legal text a note says something of its own (a
  definition, a reservation) that an edition may change, and reading it
  where it is referred to would cut the sentence that refers to it in two.
  Comments are a reviewer's notes, not the document: they are not read.  A
  Word table of contents (``TOC`` field, ``toc N`` styles) is set aside as
  ``table-of-contents`` when :attr:`Options.drop_table_of_contents`.
* **Not read**: comments, ``w:altChunk`` (imported HTML or RTF), images and
  their alternative text.  A paragraph mark deleted with tracked changes
  leaves its paragraph apart from the next (Word would join them).

The source (:attr:`Document.source`) is the text read, one paragraph (one
table row, one code block) a line, page furniture included: headers, the body,
footnotes, endnotes, footers.  Every non-white-space character of it is in
exactly one block or one dropped span, each appended piece being one or the
other whole.

**Bounds.**  A package is bounded by what it expands to, not by its size:
before any part is inflated, the declared sizes of the parts to be read must
add up to at most :attr:`Options.max_input_bytes`, and a part declaring more
than :data:`_MAX_RATIO` times its compressed size is refused as a ZIP bomb;
each part is then inflated in chunks and refused as soon as the bytes actually
inflated go over the limit or that ratio (declared sizes can lie).  The main
part is parsed as a stream, one top-level block at a time, so the XML tree
held is one block's.

>>> import io, zipfile
>>> W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
>>> body = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Scope</w:t></w:r></w:p>'
...         '<w:p><w:r><w:t xml:space="preserve">The rules </w:t></w:r>'
...         '<w:del><w:r><w:delText>do not </w:delText></w:r></w:del><w:r><w:t>apply.</w:t></w:r></w:p>')
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as package:
...     package.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
>>> document = read_docx(buffer.getvalue(), path="rules.docx")
>>> [(b.kind.value, b.level, b.text) for b in document.blocks]
[('heading', 1, 'Scope'), ('paragraph', 0, 'The rules apply.')]
>>> document.source
'Scope\\nThe rules apply.\\n'
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from typing import Final, Literal
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

import attrs

from conceptdiff.errors import InputError, InputTooLargeError, NotTextError
from conceptdiff.options import Options
from conceptdiff.read._document import Block, BlockKind, Document, SourceBuilder, code_text

__all__ = ["read_docx"]

# -- XML names --------------------------------------------------------------------------

_W_URI: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_URI: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Strict Open XML (ISO 29500 strict) names the same vocabulary with other URIs:
# its parts are read as transitional ones by rewriting the URIs before parsing.
_STRICT_URIS: Final = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W_URI.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", _R_URI.encode()),
)
_W: Final = "{" + _W_URI + "}"
_VAL: Final = _W + "val"
_R_ID: Final = "{" + _R_URI + "}id"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE: Final = _MC + "AlternateContent"
_MATH: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_RELATIONSHIP: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

_P, _R, _T, _TBL, _TR, _TC = (_W + name for name in ("p", "r", "t", "tbl", "tr", "tc"))
_PPR, _RPR, _SDT, _SDT_CONTENT = (_W + name for name in ("pPr", "rPr", "sdt", "sdtContent"))
_HYPERLINK, _FLD_SIMPLE, _TXBX_CONTENT = (_W + name for name in ("hyperlink", "fldSimple", "txbxContent"))
# Tracked deletions and moves away: what the document no longer says.
_REMOVED: Final = frozenset(_W + name for name in ("del", "moveFrom", "delText", "delInstrText"))
# Inline elements that never hold text a reader sees (their children are not searched).
_NO_TEXT: Final = frozenset(
    _W + name
    for name in (
        "pPr", "rPr", "sectPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart", "commentRangeEnd",
        "permStart", "permEnd", "sdtPr", "sdtEndPr", "rt",
    )
)  # fmt: skip

# -- limits -----------------------------------------------------------------------------

#: A part inflating to more than this many times its compressed size is refused
#: as a ZIP bomb.  Word's XML deflates 5-20 times, a table of thousands of
#: identical rows about 50 times; a bomb 300 to 1,000 times.
_MAX_RATIO: Final = 200
#: Below this many inflated bytes a part may have any ratio (a tiny part of
#: repeated markup compresses well and harms no one).
_RATIO_FLOOR: Final = 1 << 20
#: Parts inflated and parsed this many bytes at a time.
_CHUNK: Final = 1 << 20
#: A .docx has tens of parts, hundreds with images; a central directory of more
#: entries is refused before :mod:`zipfile` builds an object for each.
_MAX_ENTRIES: Final = 20_000
_OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# -- fonts and style names --------------------------------------------------------------

_MONOSPACE: Final = frozenset(
    (
        "courier", "courier new", "consolas", "menlo", "monaco", "source code pro", "dejavu sans mono",
        "liberation mono", "lucida console", "lucida sans typewriter", "andale mono", "inconsolata", "fira code",
        "fira mono", "roboto mono", "ubuntu mono", "noto mono", "noto sans mono", "sf mono", "cascadia code",
        "cascadia mono", "jetbrains mono", "ibm plex mono", "pt mono", "droid sans mono", "hack", "fixedsys",
        "ocr a extended", "letter gothic", "prestige elite", "monospace",
    )
)  # fmt: skip
_MONOSPACE_RE: Final = re.compile(r"\bmono(?:space[d]?)?\b|mono$|\bcourier\b|typewriter|\bcode\b", re.IGNORECASE)
_HEADING_STYLE_RE: Final = re.compile(r"heading\s*([1-9])")
_CODE_STYLE_RE: Final = re.compile(
    r"(?:html )?preformatted(?: text)?|(?:source )?code(?: block| text)?|source(?: text)?|verbatim|macro(?: text)?"
    r"|plain text|html code|code \d"
)
_LIST_STYLE_RE: Final = re.compile(r"list ?(?:paragraph|bullet|number)?(?: ?([2-9]))?")
_QUOTE_STYLE_RE: Final = re.compile(r"(?:intense )?quote|block ?quote|block text")
_TOC_STYLE_RE: Final = re.compile(r"toc(?: heading|\s*\d)|table of (?:contents|figures)")
# What a header or footer paragraph may say around a page number field and still be only a page number.
_PAGE_WORDS_RE: Final = re.compile(r"\b(?:page|pages|pg|p|of)\b|[\W_]", re.IGNORECASE)
_PAGE_FIELDS: Final = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})
_HYPERLINK_FIELD_RE: Final = re.compile(r'HYPERLINK\s+(\\l\s+)?"([^"]*)"')


# -- the package ------------------------------------------------------------------------


class _Package:
    """The parts of one ``.docx``, each inflated through a bounded stream.

    Invariant: the bytes inflated so far, over all parts, never exceed
    ``limit`` by more than one chunk before :class:`InputTooLargeError` is raised.
    """

    def __init__(self, data: bytes, *, path: str | None, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.inflated = 0
        if data.count(b"PK\x01\x02") > _MAX_ENTRIES:  # central directory entries (a count never too low)
            raise NotTextError(f"not a Word document: a ZIP archive of more than {_MAX_ENTRIES} files", path=path)
        self.archive = zipfile.ZipFile(io.BytesIO(data))
        # Part names are case-insensitive (Open Packaging Conventions); the last entry of a name wins, as in zipfile.
        self.entries = {info.filename.lower(): info for info in self.archive.infolist() if not info.is_dir()}

    def has(self, name: str) -> bool:
        return name.lower() in self.entries

    def declared(self, names: list[str]) -> None:
        """Refuse, before inflating any of them, parts declared larger than the limit together."""
        infos = [self.entries[name.lower()] for name in names if name.lower() in self.entries]
        total = sum(info.file_size for info in infos)
        if total > self.limit - self.inflated:
            biggest = max(infos, key=lambda info: info.file_size)
            raise InputTooLargeError(
                f"its parts expand to {total} bytes ({biggest.filename}: {biggest.file_size}), over the limit of "
                f"{self.limit} bytes (Options.max_input_bytes)",
                path=self.path,
            )
        for info in infos:
            if info.file_size > _RATIO_FLOOR and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
                raise self._bomb(info.filename, info.file_size, info.compress_size)

    def read(self, name: str) -> bytearray:
        """The inflated bytes of part ``name`` (not copied into a ``bytes``: a part may be tens of MB)."""
        info = self.entries[name.lower()]
        self.declared([name])
        buffer = bytearray()
        # CAUTION: ``archive.read(name)`` would inflate the whole part before any
        # check; zipfile does stop at the declared size, but only a count of the
        # bytes actually inflated keeps the bound whatever the headers say.
        with self.archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                buffer += chunk
                if self.inflated + len(buffer) > self.limit:
                    raise InputTooLargeError(
                        f"{info.filename} expands past the limit of {self.limit} bytes (Options.max_input_bytes), "
                        f"though it declares {info.file_size}",
                        path=self.path,
                    )
                if len(buffer) > _RATIO_FLOOR and len(buffer) > _MAX_RATIO * max(info.compress_size, 1):
                    raise self._bomb(info.filename, len(buffer), info.compress_size)
        self.inflated += len(buffer)
        return buffer

    def _bomb(self, name: str, size: int, compressed: int) -> InputTooLargeError:
        return InputTooLargeError(
            f"{name} expands {size // max(compressed, 1)} times ({size} bytes from {compressed}), over "
            f"{_MAX_RATIO} times: refused as a ZIP bomb",
            path=self.path,
        )

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``rId -> (type, target)`` of ``part`` (``""`` for the package), targets as part names
        (or URLs for external ones)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels):
            return {}
        root = _parse(self.read(rels), rels, self.path)
        found: dict[str, tuple[str, str]] = {}
        for relation in root.iter(_RELATIONSHIP):
            target = relation.get("Target") or ""
            kind = (relation.get("Type") or "").rsplit("/", 1)[-1]
            if relation.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")
            found[relation.get("Id") or ""] = (kind, target)
        return found


def _checked(data: bytearray, part: str, path: str | None) -> bytearray:
    """The XML of ``part``, ready for the parser.

    Parsing is safe without a hardened parser: ElementTree never fetches an
    external entity (a ``SYSTEM`` entity is an "undefined entity" error), and
    the expat bundled with Python 3.11 (2.4+) refuses billion-laughs
    amplification.  Word never writes a DTD, so one is refused here before
    parsing at all: expat's amplification limit still lets a large part
    expand a hundred times.
    """
    for doctype in (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be")):
        if doctype in data:
            raise NotTextError(f"{part} declares a DTD (<!DOCTYPE>), which Word never writes: refused", path=path)
    for strict, transitional in _STRICT_URIS:
        if strict in data:
            data = data.replace(strict, transitional)
    return data


def _parse_error(error: ElementTree.ParseError, part: str, path: str | None) -> NotTextError:
    line, column = error.position
    reason = re.sub(r": line \d+, column \d+$", "", str(error))
    return NotTextError(f"malformed XML in {part}, line {line}, column {column}: {reason}", path=path)


def _parse(data: bytearray, part: str, path: str | None) -> Element:
    """The whole tree of a (small) part."""
    parser = ElementTree.XMLParser()
    try:
        parser.feed(_checked(data, part, path))
        return parser.close()
    except ElementTree.ParseError as error:
        raise _parse_error(error, part, path) from None


def _top_level(data: bytearray, part: str, path: str | None) -> Iterator[Element]:
    """The children of the main part's ``w:body``, each complete, one at a
    time: each is dropped from the tree once the caller has read it, so the
    tree held is one block's whatever the part's size."""
    data = _checked(data, part, path)
    parser: ElementTree.XMLPullParser[Element] = ElementTree.XMLPullParser(events=("start", "end"))
    depth = 0
    container: Element | None = None
    try:
        for offset in range(0, len(data) + _CHUNK, _CHUNK):
            if offset < len(data):
                parser.feed(data[offset : offset + _CHUNK])
            else:
                parser.close()
            for item in parser.read_events():
                event, element = item[0], item[-1]
                if not isinstance(element, Element):
                    continue  # only start and end events were asked for
                if event == "start":
                    depth += 1
                    if depth == 1 and element.tag != _W + "document":
                        raise NotTextError(
                            f"{part} is not a WordprocessingML document (its root is {element.tag!r})", path=path
                        )
                    if depth == 2 and element.tag == _W + "body":
                        container = element
                    continue
                if depth == 3 and container is not None:
                    yield element
                    # Invariant: at the end of a child of the body no other child is open,
                    # so clearing the body drops exactly the children already read.
                    container.clear()
                depth -= 1
    except ElementTree.ParseError as error:
        raise _parse_error(error, part, path) from None


# -- styles -----------------------------------------------------------------------------


@attrs.define
class _Styles:
    """Paragraph and character styles: ``styleId`` -> what they say."""

    names: dict[str, str] = attrs.Factory(dict)  # lower-cased name
    based_on: dict[str, str] = attrs.Factory(dict)
    outline: dict[str, int] = attrs.Factory(dict)
    numbering: dict[str, tuple[str | None, int | None]] = attrs.Factory(dict)  # (numId, ilvl)
    fonts: dict[str, str] = attrs.Factory(dict)
    default: str | None = None  # the default paragraph style (Normal)

    @classmethod
    def from_xml(cls, root: Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.iter(_W + "style"):
            ident = style.get(_W + "styleId")
            if not ident:
                continue
            name = _val(style.find(_W + "name"))
            styles.names[ident] = " ".join((name or ident).lower().split())
            if (based := _val(style.find(_W + "basedOn"))) is not None:
                styles.based_on[ident] = based
            if (outline := _int(_val(style.find(f"{_PPR}/{_W}outlineLvl")))) is not None:
                styles.outline[ident] = outline
            numbering = style.find(f"{_PPR}/{_W}numPr")
            if numbering is not None:
                styles.numbering[ident] = (
                    _val(numbering.find(_W + "numId")),
                    _int(_val(numbering.find(_W + "ilvl"))),
                )
            if (font := _font(style.find(_RPR))) is not None:
                styles.fonts[ident] = font
            if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true", "on"):
                styles.default = ident
        return styles

    def chain(self, ident: str | None) -> list[str]:
        """``ident`` and the styles it is based on, nearest first (cycles cut)."""
        chain: list[str] = []
        while ident is not None and ident not in chain and len(chain) < 16:
            chain.append(ident)
            ident = self.based_on.get(ident)
        return chain

    def name(self, ident: str) -> str:
        """The style's lower-cased name; a style ``styles.xml`` lacks is named by its id (``Heading1``)."""
        return self.names.get(ident, ident.lower())

    def font(self, chain: list[str]) -> str | None:
        """The font a chain of styles sets, the default paragraph style's left out: a
        font every paragraph has tells nothing about one of them."""
        return next((self.fonts[i] for i in chain if i in self.fonts and i != self.default), None)


def _val(element: Element | None) -> str | None:
    return None if element is None else element.get(_VAL)


def _child(element: Element | None, name: str) -> Element | None:
    """The ``w:name`` child of ``element`` (``None`` when either is missing)."""
    return None if element is None else element.find(_W + name)


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value.strip())
    except ValueError:
        return None


def _on_value(value: str | None) -> bool:
    return value is None or value.lower() not in ("0", "false", "off")


def _on(element: Element | None) -> bool:
    """A boolean property: present and not switched off (``w:val="0"``)."""
    return element is not None and _on_value(element.get(_VAL))


def _font(properties: Element | None) -> str | None:
    fonts = None if properties is None else properties.find(_W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi")


@functools.lru_cache(maxsize=256)  # bounded: font names come from the file
def _monospace(font: str | None) -> bool:
    if font is None:
        return False
    name = " ".join(font.lower().split())
    return name in _MONOSPACE or _MONOSPACE_RE.search(name) is not None


# -- numbering --------------------------------------------------------------------------


@attrs.frozen
class _Level:
    start: int = 1
    format: str = "decimal"
    text: str | None = None  # lvlText: "%1." ...
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0: never
    legal: bool = False  # isLgl: every level printed as a decimal
    style: str | None = None  # the paragraph style linked to this level


def _level(element: Element) -> _Level:
    start = _int(_val(element.find(_W + "start")))
    return _Level(
        start=1 if start is None else start,
        format=_val(element.find(_W + "numFmt")) or "decimal",
        text=_val(element.find(_W + "lvlText")),
        restart=_int(_val(element.find(_W + "lvlRestart"))),
        legal=_on(element.find(_W + "isLgl")),
        style=_val(element.find(_W + "pStyle")),
    )


class _Numbering:
    """Word numbering: prints the number of each numbered paragraph in document order.

    Counters are kept per list: the ``w:num`` instances of one abstract
    numbering share one list (Word continues it), unless an instance overrides a
    level's start, which makes it a list of its own, restarting there.  When a
    level is numbered, deeper levels restart (unless their ``lvlRestart`` says
    otherwise), and a level not numbered yet prints its start value.
    """

    def __init__(self, root: Element | None, styles: _Styles) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNumId -> numbering style (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.styles = styles
        self.counters: dict[str, dict[int, int]] = {}
        self.resolved: dict[str, dict[int, _Level]] = {}
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            ident = abstract.get(_W + "abstractNumId") or ""
            self.abstract[ident] = {
                level: _level(element)
                for element in abstract.iter(_W + "lvl")
                if (level := _int(element.get(_W + "ilvl"))) is not None
            }
            if (link := _val(abstract.find(_W + "numStyleLink"))) is not None:
                self.style_links[ident] = link
        for num in root.iter(_W + "num"):
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for override in num.iter(_W + "lvlOverride"):
                level = _int(override.get(_W + "ilvl"))
                if level is None:
                    continue
                if (start := _int(_val(override.find(_W + "startOverride")))) is not None:
                    starts[level] = start
                if (element := override.find(_W + "lvl")) is not None:
                    overrides[level] = _level(element)
            self.nums[num.get(_W + "numId") or ""] = (_val(num.find(_W + "abstractNumId")) or "", starts, overrides)

    def levels(self, num_id: str) -> dict[int, _Level]:
        """The levels of list ``num_id``: its abstract numbering's, with its level overrides."""
        if num_id not in self.resolved:
            self.resolved[num_id] = self._levels(num_id)
        return self.resolved[num_id]

    def _levels(self, num_id: str) -> dict[int, _Level]:
        abstract, _, overrides = self.nums[num_id]
        for _ in range(4):  # a numbering style points to the list that defines the levels
            link = self.style_links.get(abstract)
            if link is None or self.abstract.get(abstract):
                break
            linked = self.styles.numbering.get(link, (None, None))[0]
            if linked is None or linked not in self.nums:
                break
            abstract = self.nums[linked][0]
        return {**self.abstract.get(abstract, {}), **overrides}

    def level_of_style(self, num_id: str, chain: list[str]) -> int:
        """The level a style-numbered paragraph is at: the level linked to its style, else 0."""
        if num_id in self.nums:
            for level, definition in self.levels(num_id).items():
                if definition.style is not None and definition.style in chain:
                    return level
        return 0

    def number(self, num_id: str, ilvl: int) -> str | None:
        """Count a paragraph of list ``num_id`` at level ``ilvl`` and return its
        number as printed; ``None`` for a bullet, a level printing nothing, and
        a list or level ``numbering.xml`` does not define (the paragraph is
        still a list item: it only has no number)."""
        if num_id not in self.nums:
            return None
        levels = self.levels(num_id)
        if ilvl not in levels:
            return None
        abstract, starts, overrides = self.nums[num_id]
        key = f"num:{num_id}" if starts or overrides else f"abstract:{abstract}"

        def start(level: int) -> int:
            return starts.get(level, levels[level].start if level in levels else 1)

        counters = self.counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper in [level for level in counters if level > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart != 0 and ilvl < (deeper if restart is None else restart):
                del counters[deeper]
        definition = levels[ilvl]
        if definition.format in ("bullet", "none") or not definition.text:
            return None

        def printed(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = counters.get(level, start(level))
            style = "decimal" if definition.legal else (levels[level].format if level in levels else "decimal")
            return _format_number(value, style)

        return re.sub(r"%([1-9])", printed, definition.text).strip() or None


def _roman(number: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
    result = []
    for value, numeral in numerals:
        while number >= value:
            result.append(numeral)
            number -= value
    return "".join(result)


_MOST_LETTERS = 26 * 30


def _format_number(value: int, style: str) -> str:
    """A counter printed in a ``numFmt`` (Word's letters go a..z, aa..zz ...;
    formats not listed print as decimals; letters go as far as Word's, 780 as
    thirty z's, and a counter past them prints as a decimal: a file may start
    a list at any number, and a billion in letters would be 38 million of them)."""
    if style in ("lowerLetter", "upperLetter") and 1 <= value <= _MOST_LETTERS:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman") and 1 <= value <= 3999:
        roman = _roman(value)
        return roman.upper() if style == "upperRoman" else roman
    if style == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _label(printed: str) -> str:
    """The label as reported: the printed number without a trailing ``.`` or ``)``
    (``"3."`` -> ``"3"``, ``"b)"`` -> ``"b"``; ``"(b)"`` keeps its parentheses)."""
    if printed.endswith(")") and not printed.startswith("("):
        printed = printed[:-1]
    return printed.rstrip(".").strip() or printed


# -- reading ----------------------------------------------------------------------------


@attrs.define
class _Field:
    """A complex field being read: its instruction, and whether its result has begun."""

    instruction: list[str] = attrs.Factory(list)
    result: bool = False

    @property
    def name(self) -> str:
        words = "".join(self.instruction).split()
        return words[0].upper() if words else ""


@attrs.define
class _Text:
    """What one paragraph says, as it is read run by run."""

    parts: list[str] = attrs.Factory(list)  # "\n" for a line break, "\t" for a tab
    links: list[str] = attrs.Factory(list)
    boxes: list[Element] = attrs.Factory(list)  # text boxes anchored in the paragraph
    monospace: bool = True  # every run with text is in a monospace font
    page_field: bool = False  # a page number field shows in it
    other: list[str] = attrs.Factory(list)  # its text outside page number fields
    table_of_contents: bool = False  # some of its text is a TOC field's result

    @property
    def raw(self) -> str:
        return "".join(self.parts)


@attrs.frozen
class _Role:
    """What a paragraph is: its block kind and what goes with it."""

    kind: BlockKind
    level: int = 0
    label: str | None = None
    printed: str | None = None  # the number as Word prints it ("3.", "(b)")
    depth: int = 0
    table_of_contents: bool = False  # an entry of a table of contents to set aside
    bullet: bool = False  # a list item whose numbering prints a bullet: no label in its text either


Mode = Literal["body", "cell", "furniture"]


@attrs.define
class _Sink:
    """Where the paragraphs being read go: blocks of the body, the texts of one
    table cell, or page furniture."""

    mode: Mode
    flags: frozenset[str] = frozenset()
    texts: list[str] = attrs.Factory(list)
    links: list[str] = attrs.Factory(list)


class _Reader:
    """One pass over a document's parts in reading order, appending each piece
    read to the source as a block or a dropped span."""

    def __init__(self, styles: _Styles, numbering: _Numbering, options: Options) -> None:
        self.styles = styles
        self.numbering = numbering
        self.options = options
        self.builder = SourceBuilder()
        self.relationships: dict[str, tuple[str, str]] = {}
        self.fields: list[_Field] = []
        self.notes: dict[str, list[str]] = {"footnote": [], "endnote": []}  # ids in order of reference
        self.code: list[str] = []  # lines of the code block being read
        self.code_flags: frozenset[str] = frozenset()
        self.table_of_contents = 0  # depth of TOC content controls around the paragraph

    # -- blocks -----------------------------------------------------------------------

    def blocks(self, parent: Element, sink: _Sink) -> None:
        for child in parent:
            self.block(child, sink)

    def block(self, element: Element, sink: _Sink) -> None:
        tag = element.tag
        if tag == _P:
            self.paragraph(element, sink)
        elif tag == _TBL:
            self.table(element, sink)
        elif tag == _SDT:
            gallery = element.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
            toc = "table of contents" in (_val(gallery) or "").lower()
            self.table_of_contents += toc
            content = element.find(_SDT_CONTENT)
            if content is not None:
                self.blocks(content, sink)
            self.table_of_contents -= toc
        elif tag == _ALTERNATE:
            self.blocks(_chosen(element), sink)
        elif tag in (_W + "customXml", _W + "ins", _W + "moveTo", _W + "smartTag"):
            self.blocks(element, sink)
        # Anything else at block level holds no text of the document: section
        # properties, bookmarks, deletions, and altChunk (imported HTML/RTF, not read).

    def paragraph(self, element: Element, sink: _Sink) -> None:
        properties = element.find(_PPR)
        chain = self.styles.chain(_val(_child(properties, "pStyle")) or self.styles.default)
        text = _Text()
        self.inline(element, text, self.styles.font(chain))
        raw = text.raw
        if not raw.strip() and _child(_child(properties, "rPr"), "del") is not None:
            return  # a paragraph deleted whole, its mark too: not even counted in its list
        role = self.role(properties, chain, text, counted=sink.mode != "furniture")
        collapsed = " ".join(raw.split())
        if sink.mode == "cell":
            if role.printed is not None and collapsed:
                collapsed = f"{role.printed} {collapsed}"  # in a cell, the number is part of the text
            if collapsed:
                sink.texts.append(collapsed)
            sink.links.extend(text.links)
        elif sink.mode == "furniture":
            self.furniture(collapsed, page_number=text.page_field and _only_page_words(text.other))
        elif role.kind is BlockKind.CODE:
            # Invariant: a code block starts with a line of text; blank lines join one already begun.
            if raw.strip() or self.code:
                self.code_flags = self.code_flags if self.code else sink.flags
                self.code.extend(raw.replace("\r", "").split("\n"))
        else:
            self.flush_code()
            if collapsed and role.table_of_contents:
                self.builder.drop(self.builder.append(collapsed), "table-of-contents")
            elif collapsed:
                flags = sink.flags | {"quote"} if role.kind is BlockKind.QUOTE else sink.flags
                flags = flags | {"bullet"} if role.bullet else flags
                self.add(role.kind, collapsed, level=role.level, label=role.label, depth=role.depth,
                         links=text.links, flags=flags)  # fmt: skip
        for box in text.boxes:
            self.blocks(box, sink)

    def role(self, properties: Element | None, chain: list[str], text: _Text, *, counted: bool) -> _Role:
        """What a paragraph is, from its properties and its styles (counting it in its list when ``counted``)."""
        names = [self.styles.name(ident) for ident in chain]
        level = _heading_level(properties, chain, names, self.styles)
        numbered = self.list_number(properties, chain) if counted else None
        listed = next(filter(None, map(_LIST_STYLE_RE.fullmatch, names)), None)
        depth = 0 if listed is None or level else int(listed.group(1) or 1) - 1
        toc = bool(self.table_of_contents or text.table_of_contents or any(map(_TOC_STYLE_RE.fullmatch, names)))
        toc = toc and self.options.drop_table_of_contents
        if numbered is not None:
            ilvl, printed = numbered
            label = None if printed is None else _label(printed)
            if level:
                return _Role(BlockKind.HEADING, level, label, printed, table_of_contents=toc)
            return _Role(
                BlockKind.LIST_ITEM, 0, label, printed, max(depth, ilvl), table_of_contents=toc, bullet=printed is None
            )
        if level:
            return _Role(BlockKind.HEADING, level, table_of_contents=toc)
        if listed is not None:
            return _Role(BlockKind.LIST_ITEM, depth=depth, table_of_contents=toc)
        if any(map(_CODE_STYLE_RE.fullmatch, names)):
            code = True
        elif text.raw.strip():
            code = text.monospace
        else:  # an empty paragraph: the font of its mark
            code = _monospace(_font(_child(properties, "rPr")) or self.styles.font(chain))
        if code and not toc:
            return _Role(BlockKind.CODE)  # a line of a code block
        kind = BlockKind.QUOTE if any(map(_QUOTE_STYLE_RE.fullmatch, names)) else BlockKind.PARAGRAPH
        return _Role(kind, table_of_contents=toc)

    def list_number(self, properties: Element | None, chain: list[str]) -> tuple[int, str | None] | None:
        """``(ilvl, number as printed)`` of a paragraph in a list (the number is
        ``None`` for a bullet), counting it; ``None`` when the paragraph is in no
        list (no ``w:numPr``, in it or its style, or ``numId`` 0)."""
        numbering = _child(properties, "numPr")
        num_id = _val(_child(numbering, "numId"))
        ilvl = _int(_val(_child(numbering, "ilvl")))
        if num_id is None:
            for ident in chain:
                if ident in self.styles.numbering:
                    num_id, style_level = self.styles.numbering[ident]
                    ilvl = style_level if ilvl is None else ilvl
                    break
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, chain)
        return ilvl, self.numbering.number(num_id, ilvl)

    def table(self, element: Element, sink: _Sink) -> None:
        rows = list(_rows(element))
        marked = [row for row in rows if _on(row.find(f"{_W}trPr/{_W}tblHeader"))]
        header: str | None = None
        first = True
        for row in rows:
            if row.find(f"{_W}trPr/{_W}del") is not None:
                continue  # a tracked deletion of the row
            cells = []
            links: list[str] = []
            for cell in _cells(row):
                cell_sink = _Sink("cell")
                self.blocks(cell, cell_sink)
                cells.append(" ".join(cell_sink.texts))
                links.extend(cell_sink.links)
            if sink.mode == "cell":  # a nested table: flattened into the cell it is in
                sink.texts.extend(text for text in cells if text)
                sink.links.extend(links)
                continue
            text = " | ".join(cells).strip()  # an empty last (or first) cell leaves no space at the edge
            if not any(cells):
                continue
            is_header = row in marked if marked else first
            first = False
            if sink.mode == "furniture":
                self.furniture(text, page_number=False)
            else:
                self.flush_code()
                self.add(
                    BlockKind.TABLE_ROW, text, context=None if is_header else header, links=links, flags=sink.flags
                )
            if is_header:
                header = text if header is None or not marked else f"{header} | {text}"

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        label: str | None = None,
        depth: int = 0,
        context: str | None = None,
        links: Sequence[str] = (),
        flags: frozenset[str] = frozenset(),
    ) -> None:
        """Append ``text`` (not empty) to the source as one block."""
        span = self.builder.append(text)
        self.builder.blocks.append(Block(kind, text, (span,), level, label, depth, context, tuple(links), flags))

    def furniture(self, text: str, *, page_number: bool) -> None:
        if not text:
            return
        span = self.builder.append(text)
        if self.options.drop_page_furniture:
            self.builder.drop(span, "page-number" if page_number else "running-header")
        else:
            self.builder.blocks.append(Block(BlockKind.PARAGRAPH, text, (span,), flags=frozenset({"running-header"})))

    def flush_code(self) -> None:
        if not self.code:
            return
        lines, self.code = self.code, []
        text = code_text("\n".join(lines))
        if text:
            self.add(BlockKind.CODE, text, flags=self.code_flags)

    # -- text -------------------------------------------------------------------------

    def inline(self, parent: Element, text: _Text, style_font: str | None) -> None:
        """Read the runs under ``parent`` into ``text`` (recursive over wrappers)."""
        for child in parent:
            tag = child.tag
            if tag == _R:
                self.run(child, text, style_font)
            elif tag in _REMOVED or tag in _NO_TEXT:
                continue
            elif tag == _HYPERLINK:
                target = self.relationships.get(child.get(_R_ID) or "", ("", ""))[1]
                anchor = child.get(_W + "anchor")
                if target or anchor:
                    text.links.append(target or f"#{anchor}")
                self.inline(child, text, style_font)
            elif tag == _FLD_SIMPLE:
                self.fields.append(_Field([child.get(_W + "instr") or ""], result=True))
                self.field_begins_result(text)
                self.inline(child, text, style_font)
                self.fields.pop()
            elif tag == _ALTERNATE:
                self.inline(_chosen(child), text, style_font)
            elif tag in (_MATH + "oMath", _MATH + "oMathPara"):
                self.add_text(text, "".join(t.text or "" for t in child.iter(_MATH + "t")), monospace=None)
            elif tag == _TXBX_CONTENT:
                text.boxes.append(child)  # block content inside a paragraph: read after it
            else:
                # Wrappers of runs: insertions, moves here, content controls, smart tags, custom XML, ruby...
                self.inline(child, text, style_font)

    def run(self, run: Element, text: _Text, style_font: str | None) -> None:
        properties = run.find(_RPR)
        hidden = properties is not None and _on(properties.find(_W + "vanish"))
        font = _font(properties)
        if font is None and properties is not None:
            character_style = _val(properties.find(_W + "rStyle"))
            font = self.styles.font(self.styles.chain(character_style)) if character_style else None
        monospace = _monospace(font or style_font)
        for child in run:
            tag = child.tag
            if tag == _W + "fldChar":
                kind = child.get(_W + "fldCharType")
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind == "separate" and self.fields:
                    self.fields[-1].result = True
                    self.field_begins_result(text)
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif tag == _W + "instrText":
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instruction.append(child.text or "")
            elif hidden or tag in _REMOVED:
                continue
            elif tag == _T:
                self.add_text(text, child.text or "", monospace=monospace)
            elif tag in (_W + "tab", _W + "ptab"):
                self.add_text(text, "\t", monospace=None)
            elif tag in (_W + "br", _W + "cr"):
                self.add_text(text, "\n", monospace=None)
            elif tag == _W + "noBreakHyphen":
                self.add_text(text, "-", monospace=monospace)
            elif tag == _W + "pgNum":
                text.page_field = True
            elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
                note = "footnote" if tag == _W + "footnoteReference" else "endnote"
                ident = child.get(_W + "id")
                if ident is not None and ident not in self.notes[note]:
                    self.notes[note].append(ident)
            elif tag in (_W + "drawing", _W + "pict", _W + "object", _ALTERNATE):
                text.boxes.extend(_text_boxes(child))
            elif tag == _W + "ruby":
                base = child.find(_W + "rubyBase")
                if base is not None:
                    self.inline(base, text, style_font)
            # Else nothing a reader sees as text: soft hyphens, symbols, footnote marks, page break hints...

    def field_begins_result(self, text: _Text) -> None:
        field = self.fields[-1]
        instruction = "".join(field.instruction)
        if field.name == "HYPERLINK" and (match := _HYPERLINK_FIELD_RE.search(instruction)):
            text.links.append(("#" if match.group(1) else "") + match.group(2))

    def add_text(self, text: _Text, value: str, *, monospace: bool | None) -> None:
        """Add ``value`` to the paragraph, unless a field instruction is being read."""
        if not value or any(not field.result for field in self.fields):
            return
        text.parts.append(value)
        names = {field.name for field in self.fields}
        if names & _PAGE_FIELDS:
            text.page_field = True
        else:
            text.other.append(value)
        if "TOC" in names:
            text.table_of_contents = True
        if monospace is False and value.strip():
            text.monospace = False


def _chosen(alternate: Element) -> Element:
    """The one branch of an ``mc:AlternateContent`` read: its first choice, else its fallback
    (both hold the same content: reading both would read it twice)."""
    choice = alternate.find(_MC + "Choice")
    if choice is None:
        choice = alternate.find(_MC + "Fallback")
    return choice if choice is not None else Element("empty")


def _text_boxes(element: Element) -> Iterator[Element]:
    """The text box contents under ``element``, one branch of each ``mc:AlternateContent``."""
    if element.tag == _TXBX_CONTENT:
        yield element
    elif element.tag == _ALTERNATE:
        yield from _text_boxes(_chosen(element))
    else:
        for child in element:
            yield from _text_boxes(child)


def _rows(table: Element) -> Iterator[Element]:
    return _wrapped(table, _TR)


def _cells(row: Element) -> Iterator[Element]:
    return _wrapped(row, _TC)


def _wrapped(element: Element, tag: str) -> Iterator[Element]:
    """The children of ``element`` tagged ``tag``, also inside the wrappers
    Word puts around rows and cells (content controls, custom XML, tracked
    insertions and moves)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, _W + "customXml", _W + "ins", _W + "moveTo"):
            yield from _wrapped(child, tag)


def _heading_level(properties: Element | None, chain: list[str], names: list[str], styles: _Styles) -> int:
    """A paragraph's heading level (1 is the top), or 0: its own outline level,
    else the nearest style that is named a heading (or ``Title``) or sets one."""
    direct = _int(_val(_child(properties, "outlineLvl")))
    if direct is not None:
        return direct + 1 if 0 <= direct < 9 else 0
    for ident, name in zip(chain, names, strict=True):
        if match := _HEADING_STYLE_RE.fullmatch(name):
            return int(match.group(1))
        if name == "title":
            return 1
        if ident in styles.outline:
            outline = styles.outline[ident]
            return outline + 1 if 0 <= outline < 9 else 0
    return 0


def _only_page_words(parts: list[str]) -> bool:
    """Does the text around a page number field say no more than "Page ... of"?"""
    return not _PAGE_WORDS_RE.sub("", "".join(parts))


# -- the reader -------------------------------------------------------------------------


def read_docx(data: bytes, *, path: str | None = None, options: Options | None = None) -> Document:
    """Read a ``.docx`` file's bytes (see the module's rules).

    Raises :class:`~conceptdiff.errors.NotTextError` naming the file for what
    is not a readable Word document (a corrupt ZIP, an encrypted document, an
    old binary ``.doc``, malformed XML: the part and line), and
    :class:`~conceptdiff.errors.InputTooLargeError` for one that expands past
    :attr:`Options.max_input_bytes`.
    """
    options = options or Options()
    if data.startswith(_OLE_SIGNATURE):
        raise NotTextError(
            "an OLE compound file, not a .docx: a password-protected Word document or an old binary .doc; "
            "remove the password or save it as .docx",
            path=path,
        )
    if not data:
        raise NotTextError("an empty file, not a .docx", path=path)
    # Order matters: InputError is a ValueError, RecursionError and NotImplementedError are RuntimeErrors.
    try:
        return _read(data, path=path, options=options)
    except InputError:
        raise
    except RecursionError:
        raise NotTextError("not a readable .docx file (its XML is nested too deeply)", path=path) from None
    except NotImplementedError as error:  # zipfile: a compression method it cannot inflate
        raise NotTextError(f"not a readable .docx file ({error})", path=path) from None
    except RuntimeError as error:  # zipfile: an encrypted entry
        raise NotTextError(f"not a readable .docx file (encrypted ZIP entries: {error})", path=path) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise NotTextError(f"not a readable .docx file (corrupt ZIP archive: {error})", path=path) from None


def _read(data: bytes, *, path: str | None, options: Options) -> Document:
    package = _Package(data, path=path, limit=options.max_input_bytes)
    main = next(
        (target for kind, target in package.relationships("").values() if kind == "officeDocument"),
        "word/document.xml",
    )
    if not package.has(main):
        raise NotTextError(f"not a Word document: the ZIP archive has no {main}{_what_else(package)}", path=path)
    relationships = package.relationships(main)
    by_kind: dict[str, list[str]] = {}
    for kind, target in relationships.values():
        if package.has(target):
            by_kind.setdefault(kind, []).append(target)
    folder = posixpath.dirname(main)
    for kind in ("styles", "numbering", "footnotes", "endnotes"):  # conventional names when the rels lack them
        if kind not in by_kind and package.has(conventional := posixpath.join(folder, f"{kind}.xml")):
            by_kind[kind] = [conventional]
    parts = {kind: sorted(set(targets)) for kind, targets in by_kind.items()}
    notes = [*parts.get("footnotes", [])[:1], *parts.get("endnotes", [])[:1]]
    furniture = [*parts.get("header", []), *parts.get("footer", [])]
    to_read = [main, *parts.get("styles", [])[:1], *parts.get("numbering", [])[:1], *notes, *furniture]
    package.declared(
        to_read + [posixpath.join(posixpath.dirname(n), "_rels", posixpath.basename(n) + ".rels") for n in notes]
    )

    def tree(kind: str) -> Element | None:
        names = parts.get(kind)
        return _parse(package.read(names[0]), names[0], path) if names else None

    styles = _Styles.from_xml(tree("styles"))
    reader = _Reader(styles, _Numbering(tree("numbering"), styles), options)
    # Reading order: headers, the body, footnotes, endnotes, footers.
    for name in parts.get("header", []):
        reader.blocks(_parse(package.read(name), name, path), _Sink("furniture"))
        reader.fields.clear()  # a field never runs from one part into another
    reader.relationships = relationships
    for element in _top_level(package.read(main), main, path):
        reader.block(element, _Sink("body"))
    reader.flush_code()
    for kind in ("footnote", "endnote"):
        names = parts.get(kind + "s")
        if not names:
            continue
        reader.relationships = package.relationships(names[0])
        root = _parse(package.read(names[0]), names[0], path)
        reader.fields.clear()
        found = {
            note.get(_W + "id"): note for note in root.iter(_W + kind) if note.get(_W + "type") in (None, "normal")
        }
        for ident in reader.notes[kind]:
            if (note := found.get(ident)) is not None:
                reader.blocks(note, _Sink("body", flags=frozenset({"footnote"})))
        reader.flush_code()
    for name in parts.get("footer", []):
        reader.fields.clear()
        reader.blocks(_parse(package.read(name), name, path), _Sink("furniture"))
    return reader.builder.build("docx")


def _what_else(package: _Package) -> str:
    """A hint at what a ZIP archive without a Word document is."""
    for part, what in (
        ("xl/workbook.xml", "an Excel workbook"),
        ("ppt/presentation.xml", "a PowerPoint presentation"),
        ("content.xml", "an OpenDocument file"),
        ("META-INF/container.xml", "an EPUB book"),
    ):
        if package.has(part):
            return f" (it looks like {what})"
    return ""
