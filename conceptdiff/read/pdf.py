"""PDF reader: characters with positions and fonts -> blocks.

A PDF holds no paragraphs, only glyphs placed on pages.  The reader asks
PDFium (through ``pypdfium2``, extra ``conceptdiff[pdf]``) for every
character's box, font size, weight and pitch, and rebuilds the layout a reader
sees, in four passes:

1. **words**: characters in content order, one style and no gap between them;
2. **lines**: words on one baseline, split where a gutter, a wide gap or a
   table rule runs between them, read in order: a two-column stretch column by
   column, each column read as a page of its own (its tables, its justified
   lines), a line over both columns (a heading beside nothing, a listing's box
   drawn across the gutter) between the stretch above it and the one below; a
   ruled table row by row (cells joined by ``" | "``);
3. **furniture**: running headers and footers (the outermost lines of a page
   that recur, modulo digits, at the same height on several pages), page
   numbers, the header and footer Chromium prints (date, title, URL, ``n/N``)
   and tables of contents are set aside as dropped spans;
4. **blocks**: lines joined into headings (larger or bold type, levels by
   size), paragraphs (split at wider line gaps, indents and lines that end
   before the next line's first word would have had to wrap), list items (a
   bullet glyph or drawn bullet, or a number label, at the start; the label is
   kept in the text, a bullet glyph is not), code (monospace lines, one block
   with its line breaks and indentation) and table rows.  A paragraph goes on
   across a page or column break when its last line runs to the margin; words
   hyphenated at a line end are mended unless the hyphen is a real one (a
   document whose typesetter hyphenates mends the doubtful ones);
   spaced-out letters are rejoined (:func:`conceptdiff.clean.despace`).

:attr:`Document.source` is the extracted text, one line of a page a line
(a table row's cells separated by tabs), furniture included: every line is in
one block's spans or one dropped span (the audit contract of
:mod:`conceptdiff.read`).

>>> content = b"BT /F1 18 Tf 72 720 Td (Terms) Tj /F1 11 Tf 0 -30 Td (1. The Licensee may use the Work.) Tj ET"
>>> font = b"<</Font <</F1 <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>>>>>"
>>> pdf = b"\\n".join([
...     b"%PDF-1.4",
...     b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj",
...     b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj",
...     b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R",
...     b"/Resources " + font + b">> endobj",
...     b"4 0 obj <</Length " + str(len(content)).encode() + b">> stream", content, b"endstream endobj",
...     b"trailer <</Root 1 0 R>>", b"%%EOF",
... ])
>>> [(b.kind.value, b.level, b.text) for b in read_pdf(pdf).blocks]
[('heading', 1, 'Terms'), ('list_item', 0, '1. The Licensee may use the Work.')]

Timing: linear in the characters (each one costs four calls into PDFium);
about 60 pages a second of dense text on one core.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import re
import statistics
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from typing import Any

from conceptdiff.errors import InputTooLargeError, NotTextError
from conceptdiff.options import Options
from conceptdiff.read._document import BlockKind, Document, SourceBuilder
from conceptdiff.read._labels import bullet_length, label_style, split_label
from conceptdiff.read._paged import despace, furniture_key, is_page_number, is_toc_entry, is_toc_heading
from conceptdiff.read._scraped import FUNCTION_WORDS

__all__ = ["read_pdf"]

#: The most pages read; a longer file is refused (each page costs PDFium a parse).
_MAX_PAGES = 20_000
#: The most characters read (and never more than ``max_input_bytes``): some 5,000 dense pages.
_MAX_CHARACTERS = 20_000_000
_CHUNK = 64 * 1024

# -- bounds on what the file inflates to ---------------------------------------

# "stream" after a dictionary, not the end of "endstream"; the keyword is
# followed by an end of line (PDF 32000-1, 7.3.8.1).
_STREAM_RE = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_FLATE_RE = re.compile(rb"/(?:FlateDecode|Fl)(?![A-Za-z])")
_IMAGE_RE = re.compile(rb"/Subtype\s*/Image(?![A-Za-z])")


def _check_inflated_size(data: bytes, limit: int, path: str | None) -> None:
    """Raise :class:`InputTooLargeError` when ``data`` inflates to more than ``limit`` bytes.

    Every ``stream`` ... ``endstream`` section whose dictionary names
    FlateDecode is inflated in chunks of at most 64 KiB (the output is
    counted, then discarded), so memory stays small whatever the ratio, and
    the count stops at the limit.  Image streams are counted as stored: text
    extraction never decodes them.  A stream that does not inflate counts
    what did (PDFium reports the damage).
    """
    total = len(data)
    if total > limit:
        raise InputTooLargeError(f"the file is larger than max_input_bytes={limit}", path=path)
    view = memoryview(data)
    position = 0
    while (match := _STREAM_RE.search(data, position)) is not None:
        start = match.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        head = data[max(0, match.start() - 2048) : match.start()]
        head = head[head.rfind(b"obj") + 1 :]  # the stream's own dictionary
        if _FLATE_RE.search(head) and not _IMAGE_RE.search(head):
            total += _inflated_size(view[start:end], limit - total + (end - start)) - (end - start)
            if total > limit:
                raise InputTooLargeError(
                    f"the file inflates to more than max_input_bytes={limit} bytes (a compressed stream at byte "
                    f"{start} expands too far)",
                    path=path,
                )
        position = end + len(b"endstream")


def _inflated_size(stream: memoryview, budget: int) -> int:
    """The size ``stream`` inflates to, counted up to a little over ``budget``."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        for offset in range(0, len(stream), _CHUNK):
            size += len(inflater.decompress(stream[offset : offset + _CHUNK], _CHUNK))
            # Each turn either yields output or consumes input; a turn that does
            # neither (the stream ended, the rest is trailing garbage) ends the loop.
            while inflater.unconsumed_tail and size <= budget and not inflater.eof:
                tail = inflater.unconsumed_tail
                produced = len(inflater.decompress(tail, _CHUNK))
                size += produced
                if not produced and len(inflater.unconsumed_tail) >= len(tail):
                    break
            if size > budget or inflater.eof:
                break
    except zlib.error:
        pass  # a damaged stream: what inflated is counted
    return size


# -- PDFium ------------------------------------------------------------------------


class _Pdfium:
    """The PDFium entry points the reader calls per character, as plain ctypes
    functions taking and returning addresses (the bindings' typed pointers
    cost a Python object per call: a third of the reading time)."""

    def __init__(self, module: Any, raw: Any) -> None:
        self.module = module
        self.raw = raw
        void = ctypes.c_void_p

        def fast(name: str, restype: Any, *argtypes: Any) -> Any:
            address = ctypes.cast(getattr(raw, name), void).value
            assert address is not None  # the bindings resolved every entry point when they loaded
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        self.count_chars = fast("FPDFText_CountChars", ctypes.c_int, void)
        self.unicode = fast("FPDFText_GetUnicode", ctypes.c_uint, void, ctypes.c_int)
        self.loose_box = fast(
            "FPDFText_GetLooseCharBox", ctypes.c_int, void, ctypes.c_int, ctypes.POINTER(raw.FS_RECTF)
        )
        self.text_object = fast("FPDFText_GetTextObject", void, void, ctypes.c_int)
        self.font_size = fast("FPDFText_GetFontSize", ctypes.c_double, void, ctypes.c_int)
        self.matrix = fast("FPDFText_GetMatrix", ctypes.c_int, void, ctypes.c_int, ctypes.POINTER(raw.FS_MATRIX))
        self.font_weight = fast("FPDFText_GetFontWeight", ctypes.c_int, void, ctypes.c_int)


def _load_pdfium(path: str | None) -> _Pdfium:
    try:
        import pypdfium2  # type: ignore[import-untyped]
        import pypdfium2.raw  # type: ignore[import-untyped]
    except ImportError:
        raise NotTextError(
            "a PDF file: install the extra conceptdiff[pdf] (pypdfium2) to read it, or extract its text first",
            path=path,
        ) from None
    return _Pdfium(pypdfium2, pypdfium2.raw)


# -- words -------------------------------------------------------------------------


class _Style:
    """How a run of characters is set: size in page units, bold, monospace; slanted
    (an italic or oblique face, by its name or its font's flags)."""

    __slots__ = ("bold", "mono", "name", "size", "slanted", "upright")

    def __init__(self, name: str, size: float, bold: bool, mono: bool, upright: bool, italic: bool = False) -> None:
        self.name = name
        self.size = size
        self.bold = bold
        self.mono = mono
        self.upright = upright
        self.slanted = italic or _SLANTED_NAME_RE.search(name) is not None


class _Word:
    """Characters of one style with no gap between them, on one line."""

    __slots__ = ("space_before", "style", "text", "x0", "x1", "y0", "y1")

    def __init__(
        self, text: str, x0: float, x1: float, y0: float, y1: float, style: _Style, space_before: bool
    ) -> None:
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.y0 = y0  # bottom of the font's box (below the baseline by the descent)
        self.y1 = y1  # top of the font's box
        self.style = style
        self.space_before = space_before


_SLANTED_NAME_RE = re.compile(r"ital|oblique|slant|cmti|cmsl|cmitt", re.IGNORECASE)
_MONO_NAME_RE = re.compile(r"mono|courier|typewriter|consol|menlo|cmtt|inconsolata|fixed|code|terminal", re.IGNORECASE)
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SPACES = frozenset([9, 32, 0xA0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
                     0x200A, 0x200B, 0x202F, 0x205F, 0x3000])  # fmt: skip
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
# Gaps, in units of the font size: wider than this between two glyphs is a space.
_SPACE_GAP = 0.12


class _PageReader:
    """Reads one page's characters into words, and its drawn marks."""

    def __init__(self, pdfium: _Pdfium, styles: dict[tuple[str, float, bool, bool, bool], _Style]) -> None:
        self.pdfium = pdfium
        self.styles = styles  # shared by the pages: equal styles are one object
        self.by_object: dict[int, _Style] = {}
        self.rect = pdfium.raw.FS_RECTF()
        self.rect_pointer = ctypes.pointer(self.rect)
        self.matrix = pdfium.raw.FS_MATRIX()
        self.matrix_pointer = ctypes.pointer(self.matrix)
        self.name = ctypes.create_string_buffer(256)

    def style(self, textpage: int, index: int, obj: int | None) -> _Style:
        if obj is not None and (known := self.by_object.get(obj)) is not None:
            return known
        pdfium, raw = self.pdfium, self.pdfium.raw
        pdfium.matrix(textpage, index, self.matrix_pointer)
        m = self.matrix
        scale = math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
        upright = abs(m.b) <= 0.01 * scale and abs(m.c) <= 0.01 * scale and m.a > 0 and m.d > 0
        size = round(pdfium.font_size(textpage, index) * scale, 1)
        weight = pdfium.font_weight(textpage, index)
        name, flags = "", 0
        if obj is not None:
            font = raw.FPDFTextObj_GetFont(ctypes.cast(obj, raw.FPDF_PAGEOBJECT))
            if font:
                length = raw.FPDFFont_GetBaseFontName(font, self.name, len(self.name))
                name = self.name.raw[: max(0, min(length, len(self.name)) - 1)].decode("latin-1")
                flags = raw.FPDFFont_GetFlags(font)
        name = name.rsplit("+", 1)[-1]  # "AAAAAA+DejaVuSans-Bold": the subset tag off
        bold = weight >= 600 or bool(_BOLD_NAME_RE.search(name)) or bool(flags & (1 << 18))
        mono = bool(flags & 1) or bool(_MONO_NAME_RE.search(name))
        key = (name, size, bold, mono, upright)
        style = self.styles.get(key)
        if style is None:
            italic = bool(flags & (1 << 6))  # the font's Italic flag
            style = self.styles[key] = _Style(name, size, bold, mono, upright, italic)
        if obj is not None:
            self.by_object[obj] = style
        return style

    def words(self, textpage: int, limit: int) -> list[_Word]:
        """The page's words in content order (at most ``limit`` characters read)."""
        pdfium = self.pdfium
        count = pdfium.count_chars(textpage)
        if count > limit:
            raise _TooManyCharacters
        unicode, loose_box, text_object = pdfium.unicode, pdfium.loose_box, pdfium.text_object
        rect, pointer = self.rect, self.rect_pointer
        words: list[_Word] = []
        chars: list[str] = []
        x0 = x1 = y0 = y1 = 0.0
        last_left = last_right = -1e9
        last_object: int | None = None
        style: _Style | None = None
        space_before = space = False
        for index in range(count):
            code = unicode(textpage, index)
            if code in _SPACES or code in (10, 13):
                space = True  # a real space, or one PDFium inferred (line ends too: geometry decides)
                continue
            if code == 2:
                code = 0x2D  # PDFium reports a hyphen at a line end as STX (FPDFText_IsHyphen)
            elif code < 32 or code in (0xFFFE, 0xFFFF):
                continue  # control characters PDFium reports for unmapped glyphs
            loose_box(textpage, index, pointer)
            left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            obj = text_object(textpage, index)
            current = self.by_object.get(obj) if obj is not None else None
            if current is None:
                current = self.style(textpage, index, obj)
            if not current.upright:
                continue  # rotated or mirrored text (margin notes, stamps) is not read
            char = _LIGATURES.get(code) or (chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")
            size = current.size or (top - bottom) or 1.0
            if style is not None and chars:
                if obj == last_object and left == last_left and right == last_right:
                    chars.append(char)  # a ligature's second letter: PDFium gives it the glyph's box again
                    continue
                gap = left - x1
                if (
                    current is style
                    and not space
                    and abs(bottom - y0) < 0.3 * size
                    and -0.3 * size < gap < _SPACE_GAP * size
                ):
                    chars.append(char)
                    x1 = max(x1, right)
                    last_left, last_right, last_object = left, right, obj
                    continue
                if char == chars[-1] and abs(left - last_left) < 0.15 * size and abs(bottom - y0) < 0.3 * size:
                    continue  # the same glyph struck again a hair to the side: a fake bold
                words.append(_Word("".join(chars), x0, x1, y0, y1, style, space_before))
                # a superscript or an overlapping glyph is glued to the word before it; a gap is a space
                space_before = space or gap >= _SPACE_GAP * size
            else:
                space_before = True
            chars = [char]
            x0, x1, y0, y1, style = left, right, bottom, top, current
            last_left, last_right, last_object = left, right, obj
            space = False
        if chars and style is not None:
            words.append(_Word("".join(chars), x0, x1, y0, y1, style, space_before))
        return words


class _TooManyCharacters(Exception):
    pass


class _Marks:
    """What a page draws besides text that tells its layout: small filled
    shapes (drawn bullets), thin vertical and horizontal rules (table cells),
    and filled boxes (the background of a code block)."""

    __slots__ = ("boxes", "bullets", "hrules", "vrules")

    def __init__(self) -> None:
        self.bullets: list[tuple[float, float, float, float]] = []
        self.vrules: list[tuple[float, float, float]] = []  # (x, bottom, top)
        self.hrules: list[tuple[float, float, float]] = []  # (y, left, right)
        self.boxes: list[tuple[float, float, float, float]] = []


_MAX_MARKS = 5000  # a page drawing more paths than this is a figure: its marks are not read


def _read_marks(raw: Any, page: Any) -> _Marks:
    marks = _Marks()
    count = raw.FPDFPage_CountObjects(page)
    if count > _MAX_MARKS:
        return marks
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(count):
        obj = raw.FPDFPage_GetObject(page, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        width, height = x1 - x0, y1 - y0
        if width <= 2.0 and height >= 4.0:
            marks.vrules.append(((x0 + x1) / 2, y0, y1))
        elif height <= 2.0 and width >= 4.0:
            marks.hrules.append(((y0 + y1) / 2, x0, x1))
        elif 1.5 <= width <= 9.0 and 1.5 <= height <= 9.0 and 0.6 <= width / height <= 1.7:
            marks.bullets.append((x0, y0, x1, y1))
        elif width >= 20.0 and height >= 10.0:
            marks.boxes.append((x0, y0, x1, y1))
    return marks


# -- lines -------------------------------------------------------------------------


class _Line:
    """One line of a page (or one row of a ruled table) in reading order."""

    __slots__ = ("bold", "box", "bullet", "cells", "char_width", "column", "cuts", "first_width", "furniture",
                 "labelled", "left", "mono", "open", "page", "right", "row", "size", "span", "tagged", "text",
                 "text_x0", "words", "x0", "x1", "y0", "y1")  # fmt: skip

    def __init__(self, page: int, words: Sequence[_Word], column: tuple[int, ...], row: int) -> None:
        self.page = page
        self.words = words
        self.column = column  # (page, zone, side): lines of one column read on from one another
        self.row = row  # lines of one row of the page share it (furniture is told row by row)
        self.tagged = False  # a tag in brackets pushed to the right margin (``_flush_right``: "[Macro]")
        self.x0 = words[0].x0
        self.x1 = max(word.x1 for word in words)
        # the line's size is its prose's: monospace words inside a sentence are often set smaller
        weights: Counter[_Style] = Counter()
        for word in words:
            weights[word.style] += len(word.text) if not word.style.mono else 0
        if not weights or not any(weights.values()):
            weights = Counter({word.style: len(word.text) for word in words})
        dominant = weights.most_common(1)[0][0]
        # Its height is its prose font's too: a symbol font's box reaches far below the baseline
        # (TeX's "⟨name⟩"), and the line would seem a line and a half below the one above it.
        # And of its prose, the place most of its letters stand: a letter of a logo lowered or
        # raised in the prose's font (LaTeX's "E") does not move the line.
        prose = [word for word in words if word.style is dominant] or words
        self.y0 = _most_letters(prose, lambda word: word.y0)
        self.y1 = _most_letters(prose, lambda word: word.y1)
        self.size = dominant.size or (self.y1 - self.y0)
        self.bold = sum(n for style, n in weights.items() if style.bold) >= 0.9 * sum(weights.values())
        # code: every word with a letter or digit in it is monospace (a path set in
        # monospace inside a sentence leaves the sentence's "and" in the body font)
        # (a smaller glyph raised or lowered in a listing, like pdfTeX's "ª" in cmr6, is allowed)
        # A command's placeholder set in a slanted face ("cd /your/texmf/root && ls -R") is the
        # listing's too, in a line that opens with monospace and holds more than twice as many words
        # of it as placeholders (a Texinfo prototype's slanted types and names are no listing).
        main = max(word.style.size for word in words if word.style.mono) if any(w.style.mono for w in words) else 0.0
        inked = [word for word in words if not _PUNCTUATION_RE.fullmatch(word.text)]
        others = [word for word in inked if not (word.style.mono or word.style.size < 0.8 * main)]
        self.mono = main > 0 and (
            not others
            or (
                inked[0].style.mono
                and all(word.style.slanted for word in others)
                and len(inked) - len(others) > 2 * len(others)
            )
        )
        mono_words = [word for word in words if word.style.mono and word.text]
        self.char_width = (
            sum(word.x1 - word.x0 for word in mono_words) / sum(len(word.text) for word in mono_words)
            if mono_words
            else 0.5 * self.size
        )
        self.text = _line_text(words, self.mono, self.char_width)
        # the width of the first word as a reader sees it (pieces of other fonts glued to it included)
        glued = 1
        while glued < len(words) and not words[glued].space_before and words[glued].x0 - words[glued - 1].x1 < 1.0:
            glued += 1
        self.first_width = words[glued - 1].x1 - words[0].x0
        # where the text after a leading bullet, label or footnote's mark (a superscript: set smaller,
        # raised) starts: a hanging indent's continuation lines start there
        first = words[0]
        marked = _is_bullet_word(first.text) or _is_label(first.text)
        raised = first.style.size < 0.8 * self.size and first.y0 > self.y0 + 0.15 * self.size
        self.text_x0 = words[1].x0 if len(words) > 1 and (marked or raised) else self.x0
        self.labelled = len(words) > 1 and marked  # a bullet or a label, not a footnote's raised mark
        self.bullet = False  # a drawn bullet before the line
        self.cells: tuple[tuple[str, ...], ...] | None = None  # a table row's cells, each its lines
        self.cuts: tuple[float, ...] = ()  # a table row's rules
        self.open = False  # a table row with no rule under it (the page broke it)
        self.left = self.right = 0.0  # the edges of the line's column (set once all pages are read)
        self.box: int | None = None  # the filled box the line sits in (a code block's background)
        self.furniture: str | None = None
        self.span = (0, 0)


_PUNCTUATION_RE = re.compile(r"[\W_]+")


def _is_bullet_word(text: str) -> bool:
    return bullet_length(text) == len(text) and text != "o"


def _is_glyph_bullet(text: str) -> bool:
    """A bullet no listing writes: a typeset glyph ("•", "◦"), not "*", "-", "+" or "o"."""
    return not text.isascii() and _is_bullet_word(text)


def _is_label(text: str) -> bool:
    return split_label(text)[0] is not None and split_label(text)[2] == len(text)


def _sibling_labels(first: str, text: str) -> bool:
    """Are ``first`` and ``text`` labels of one style and depth (``(a)`` and ``(b)``,
    ``2.1`` and ``2.2``; not ``(a)`` and ``2.1``, nor ``7.`` and ``1.6.1``, a version
    number a wrapped sentence put at a line's start)?

    >>> _sibling_labels("(a)", "(b)"), _sibling_labels("2.1", "2.2"), _sibling_labels("7.", "1.6.1")
    (True, True, False)
    """
    a, b = split_label(first), split_label(text)
    return (
        a[0] is not None
        and b[0] is not None
        and a[2] == len(first)
        and b[2] == len(text)
        and (label_style(a[0]) == label_style(b[0]))
        and a[0].count(".") == b[0].count(".")
    )


# Counts of characters or lines between two places of a page, at most (a file may set text anywhere,
# and its glyphs a billionth of a point wide: a count must stay an integer Python can make).
_MAX_STEPS = 1_000_000.0


def _steps(distance: float, unit: float) -> float:
    """``distance`` counted in ``unit`` lengths, finite and within ``_MAX_STEPS`` either way (0 without a number).

    >>> _steps(30.0, 6.0), _steps(100.0, 5e-324), _steps(float("nan"), 1.0), _steps(-1e300, 1e-300)
    (5.0, 1000000.0, 0.0, -1000000.0)
    """
    ratio = distance / unit if unit else 0.0
    if ratio != ratio:  # NaN
        return 0.0
    return max(-_MAX_STEPS, min(_MAX_STEPS, ratio))


def _line_text(words: Sequence[_Word], mono: bool, char_width: float) -> str:
    """The words of a line with the spaces their gaps make (a monospace line's
    gaps as so many spaces; in a spaced-out run, wider gaps as two spaces, so
    that :func:`despace` tells the words apart)."""
    parts = [words[0].text]
    singles = sum(1 for word in words if len(word.text) == 1)
    spaced = singles >= 4
    if spaced:
        gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words) if len(a.text) == len(b.text) == 1]
        small = min((gap for gap in gaps if gap > 0), default=0.0)
    for previous, word in itertools.pairwise(words):
        gap = word.x0 - previous.x1
        size = word.style.size or 1.0
        if mono and char_width > 0:
            count = min(_MAX_INDENT, round(_steps(gap, char_width)))  # bounded: a file may set a word anywhere
            parts.append(" " * max(count, 1 if word.space_before or gap > _SPACE_GAP * size else 0))
        elif word.space_before or gap > _SPACE_GAP * size:
            wide = spaced and small > 0 and gap > 1.6 * small and len(previous.text) == len(word.text) == 1
            parts.append("  " if wide else " ")
        parts.append(word.text)
    text = "".join(parts)
    return _ACCENT_RE.sub(_accented, text) if not text.isascii() else text


# An accent TeX sets as a glyph of its own before its letter ("Pievil¨ainen", "caf´e"): the letter
# with its accent.  Acute and grave only over a vowel (an acute between consonants is an apostrophe:
# "it´s"), and only where Unicode has the accented letter.
_ACCENT_RE = re.compile(r"(?<=\w)([\u00a8\u00b4\u0060\u02c6\u02dc\u02c7\u02d8\u02d9\u02da\u00af])([^\W\d_])")
_COMBINING = dict(
    zip(
        "\u00a8\u00b4\u0060\u02c6\u02dc\u02c7\u02d8\u02d9\u02da\u00af",
        "\u0308\u0301\u0300\u0302\u0303\u030c\u0306\u0307\u030a\u0304",
        strict=True,
    )
)


def _accented(match: re.Match[str]) -> str:
    """``match``'s letter with its accent, if Unicode has it (and, for an acute or a grave, if a vowel).

    >>> _ACCENT_RE.sub(_accented, "Tomi Pievil\u00a8ainen, caf\u00b4e, it\u00b4s")
    'Tomi Pieviläinen, café, it´s'
    """
    accent, letter = match.group(1), match.group(2)
    composed = unicodedata.normalize("NFC", letter + _COMBINING[accent])
    if len(composed) != 1 or (accent in "\u00b4\u0060" and letter.casefold() not in "aeiouy"):
        return match.group(0)
    return composed


def _most_letters(words: Sequence[_Word], place: Callable[[_Word], float]) -> float:
    """The ``place`` (a y) most of ``words``' characters stand at, to a tenth of a point."""
    weights: Counter[float] = Counter()
    for word in words:
        weights[round(place(word), 1)] += len(word.text) or 1
    return weights.most_common(1)[0][0]


# A glyph box taller than this many font sizes is a symbol font's deep box; rows count
# its top _DEEP sizes only.
_OVERSIZED = 1.5
_DEEP = 1.2


def _rows(words: Sequence[_Word]) -> list[list[_Word]]:
    """Words grouped into rows (top to bottom), each sorted left to right.

    A word joins the row above it when at least half its height (or half the
    row's) overlaps the row's: a superscript joins its line, the next line
    does not.  A glyph whose box is far taller than its font's size (a symbol
    font's bullet or "⟨", boxed far below the baseline) counts for its top
    part only, or it would join two lines into one row.
    """

    def bounds(word: _Word) -> tuple[float, float]:
        """The word's top and bottom; a box half as tall again as its size, cut to its top
        ``_DEEP`` sizes (a superscript's box is tall for its size, and left whole)."""
        size = word.style.size
        if size <= 0 or word.y1 - word.y0 <= _OVERSIZED * size:
            return word.y1, word.y0
        return word.y1, word.y1 - _DEEP * size

    placed = sorted(((*bounds(word), word) for word in words), key=lambda item: -(item[0] + item[1]))
    rows: list[list[_Word]] = []
    top = bottom = 0.0
    for upper, lower, word in placed:
        height = upper - lower
        overlap = min(top, upper) - max(bottom, lower)
        if rows and overlap >= 0.5 * min(height, top - bottom):
            rows[-1].append(word)
            top, bottom = max(top, upper), min(bottom, lower)
        else:
            rows.append([word])
            top, bottom = upper, lower
    for row in rows:
        row.sort(key=lambda word: word.x0)
    return rows


def _split(
    row: Sequence[_Word], gap: float, cuts: Sequence[float] = (), unit: float | None = None
) -> list[list[_Word]]:
    """``row`` cut where two words are more than ``gap`` font sizes (or ``unit`` lengths) apart,
    or a rule in ``cuts`` runs between them."""
    pieces = [[row[0]]]
    for previous, word in itertools.pairwise(row):
        size = unit or max(previous.style.size, word.style.size) or 1.0
        ruled = any(previous.x1 - 1.0 <= cut <= word.x0 + 1.0 for cut in cuts)
        if word.x0 - previous.x1 > gap * size or ruled:
            pieces.append([word])
        else:
            pieces[-1].append(word)
    return pieces


# Wider than this (in font sizes) between two words of a row: two pieces (cells, columns, header parts).
_PIECE_GAP = 1.4
# A listing's indent and its run of empty lines, at most (a file may set a line of a
# listing anywhere: past the page's edge, its indent would be millions of spaces).
_MAX_INDENT = 240
_MAX_LISTING_GAP = 60

_GUTTER_GAP = 0.8
_CODE_GAP = 40.0
# How many of a listing's last lines tell its pitch and its left edge.
_LISTING_WINDOW = 64


def _right_edge(rows: Sequence[Sequence[_Word]]) -> float | None:
    """Where the page's lines of text mostly end (a justified text's right margin), or None."""
    ends = Counter(round(row[-1].x1) for row in rows if len(row) >= 4)
    if not ends:
        return None
    edge, count = ends.most_common(1)[0]
    return float(edge) if count >= 3 else None


def _left_edge(rows: Sequence[Sequence[_Word]]) -> float | None:
    """The text's left edge: the leftmost place three lines of text (four words or more)
    start at (a note in the margin stands left of it), or None."""
    starts = Counter(round(row[0].x0) for row in rows if len(row) >= 4)
    return min((float(x) for x, count in starts.items() if count >= 3), default=None)


def _justified(row: Sequence[_Word], right_edge: float | None) -> bool:
    """A line of justified text: it ends at the page's right margin and its
    spaces, however wide, are nearly even (a table's gaps between cells are
    wider than those between the words of a cell)."""
    if right_edge is None or len(row) < 3 or abs(row[-1].x1 - right_edge) > 2.0:
        return False
    size = max(word.style.size for word in row) or 1.0
    # between two words; not between the pieces of one (a quotation mark, then a string in another font)
    spaced = [
        (previous, gap) for previous, word in itertools.pairwise(row) if (gap := word.x0 - previous.x1) > 0.15 * size
    ]
    if len(spaced) < 2:
        return False
    # TeX widens the space after a sentence's or a clause's end more than the others (its space factor)
    plain = [gap for previous, gap in spaced if not _CLAUSE_END_RE.search(previous.text)] or [gap for _, gap in spaced]
    widest = max(gap for _, gap in spaced)
    return max(plain) <= _JUSTIFIED_SPREAD * min(plain) and widest <= _PUNCTUATED_SPREAD * min(plain)


# The widest space of a justified line, in its narrowest ones (TeX stretches a space after a
# comma or a full stop more than the others: up to _PUNCTUATED_SPREAD there).
_JUSTIFIED_SPREAD = 2.0
_PUNCTUATED_SPREAD = 3.5
_CLAUSE_END_RE = re.compile(r"[.!?:;,][\"'’”)\]]*$")


def _crossing_rules(row: Sequence[_Word], vrules: Sequence[tuple[float, float, float]]) -> list[float]:
    """The x of the vertical rules that run through the middle of ``row``."""
    middle = sum((word.y0 + word.y1) / 2 for word in row) / len(row)
    return sorted({round(x, 1) for x, bottom, top in vrules if bottom <= middle <= top})


def _page_lines(
    page: int, words: Sequence[_Word], marks: _Marks, width: float, hint: float | None = None
) -> list[_Line]:
    """The lines of one page in reading order: a stretch set in two columns
    (``_column_zones``) column by column, each column read as a page of its own.
    ``hint``: the other pages' gutter, for a page too short to show its own."""
    rows = _rows(words)
    columns = [_crossing_rules(row, marks.vrules) if marks.vrules else [] for row in rows]
    tabled = [_tabled(row, cuts) for row, cuts in zip(rows, columns, strict=True)]
    zones = _column_zones(rows, tabled, columns, width, marks.boxes, hint)
    page_edge = _right_edge(rows)
    # where each column's lines end, over all the page's two-column stretches
    edges = [_right_edge([row for row in halves if row]) for halves in _halves(rows, zones)] if zones else []
    lines: list[_Line] = []
    rim = {0, len(rows) - 1}  # the page's first and last rows: where its header and footer stand
    index = 0
    while index < len(rows):
        zone = zones.get(index)
        if zone is None:
            stop = min((first for first in zones if first > index), default=len(rows))
            numbers = list(range(index, stop))
            lines.extend(_region_lines(page, [rows[n] for n in numbers], numbers, columns[index:stop],
                                       page_edge, marks, (page, -1, 0), rim))  # fmt: skip
            index = stop
            continue
        end, gutter = zone
        # Each column's words in rows of their own: the columns' lines need not share baselines.
        row_of = {id(word): number for number in range(index, end) for word in rows[number]}
        for side in (0, 1):
            kept = [word for number in range(index, end) for word in rows[number] if (word.x1 <= gutter) == (side == 0)]
            side_rows = _rows(kept)
            numbers = [min(row_of[id(word)] for word in row) for row in side_rows]
            low, high = (-math.inf, gutter) if side == 0 else (gutter, math.inf)
            cuts = [[x for x in _crossing_rules(row, marks.vrules) if low <= x <= high] for row in side_rows]
            column = (page, index, side)
            lines.extend(_region_lines(page, side_rows, numbers, cuts, edges[side], marks, column, rim))
        index = end
    _mark_bullets(lines, marks.bullets)
    _mark_boxes(lines, marks.boxes)
    return lines


def _halves(rows: Sequence[Sequence[_Word]], zones: dict[int, tuple[int, float]]) -> list[list[list[_Word]]]:
    """The left and the right parts of the rows of the two-column stretches ``zones``."""
    halves: list[list[list[_Word]]] = [[], []]
    for first, (end, gutter) in zones.items():
        for row in rows[first:end]:
            halves[0].append([word for word in row if word.x1 <= gutter])
            halves[1].append([word for word in row if word.x1 > gutter])
    return halves


def _gutter_of(lines: Sequence[_Line]) -> float | None:
    """Where a page's two columns meet (between its left columns' right edge and its
    right columns' left edge), or None on a page read in one column."""
    left = [line.x1 for line in lines if line.column[1] >= 0 and line.column[2] == 0]
    right = [line.x0 for line in lines if line.column[1] >= 0 and line.column[2] == 1]
    return (max(left) + min(right)) / 2 if left and right else None


def _tabled(row: Sequence[_Word], cuts: Sequence[float]) -> bool:
    """A row of a ruled table: three rules or more cross it, its words between the outermost."""
    return len(cuts) >= 3 and cuts[0] - 2 <= row[0].x0 and row[-1].x1 <= cuts[-1] + 2


def _region_lines(
    page: int,
    rows: Sequence[Sequence[_Word]],
    numbers: Sequence[int],
    columns: Sequence[Sequence[float]],
    right_edge: float | None,
    marks: _Marks,
    column: tuple[int, ...],
    rim: Set[int] = frozenset(),
) -> list[_Line]:
    """The lines of ``rows`` (a page, or one column of a two-column stretch): runs of
    ruled table rows as table rows, each other row cut into pieces where its words
    stand far apart, unless set flush right (``_flush_right``; not on the page's
    ``rim``, its first and last rows, where a running header's parts stand apart);
    ``numbers`` are the rows' places on the page, ``columns`` the rules crossing each."""
    lines: list[_Line] = []
    tabled = [_tabled(row, cuts) for row, cuts in zip(rows, columns, strict=True)]
    borderless = _borderless_tables(rows, columns, right_edge)
    left_edge = _left_edge(rows)
    index = 0
    while index < len(rows):
        if index in borderless:
            end, cuts = borderless[index]
            table_column = (page, -2, 0) if column[1] < 0 else column
            lines.extend(_table_lines(page, rows[index:end], cuts, (), numbers[index], table_column))
            index = end
            continue
        if tabled[index]:
            end = index
            while end + 1 < len(rows) and tabled[end + 1] and _same_cuts(columns[end + 1], columns[index]):
                end += 1
            table_column = (page, -2, 0) if column[1] < 0 else column
            lines.extend(
                _table_lines(page, rows[index : end + 1], columns[index], marks.hrules, numbers[index], table_column)
            )
            index = end + 1
            continue
        # a row of code is one line however far apart its words (aligned columns of a listing), and so is
        # a line of justified text, however wide its spaces
        row = rows[index]
        justified = not columns[index] and _justified(row, right_edge)
        gap = _CODE_GAP if justified or all(word.style.mono for word in row) else _PIECE_GAP
        pieces = _split(row, gap, columns[index])
        if numbers[index] not in rim and _flush_right(pieces, left_edge, right_edge):
            line = _Line(page, [word for piece in pieces for word in piece], column, numbers[index])
            line.tagged = _TAG_RE.fullmatch(" ".join(word.text for word in pieces[-1])) is not None
            lines.append(line)
        else:
            lines.extend(_Line(page, piece, column, numbers[index]) for piece in pieces)
        index += 1
    return lines


def _flush_right(pieces: Sequence[Sequence[_Word]], left_edge: float | None, right_edge: float | None) -> bool:
    """Is a row of two pieces a line whose end is pushed to the text's right edge (TeX's
    ``\\hfill``: "mode = view | list      (default: view)"), not two cells: the first
    piece starts at the text's left edge or in from it (not a note in the margin), the
    second ends at the right edge, holds words, ends with no page number (a contents
    list's, an index's) and is short: at most half the text's width (a term beside the
    first line of its description, as Texinfo sets a table, is two pieces)?"""
    if len(pieces) != 2 or left_edge is None or right_edge is None:
        return False
    first, last = pieces
    return (
        first[0].x0 >= left_edge - _FLUSH
        and abs(last[-1].x1 - right_edge) <= _FLUSH
        and last[-1].x1 - last[0].x0 <= 0.5 * (right_edge - left_edge)
        and any(_LETTERS_RE.search(word.text) for word in last)
        and not _PAGE_NUMBERS_RE.fullmatch(last[-1].text)
    )


_PAGE_NUMBERS_RE = re.compile(r"[0-9ivxlc]+(?:[,–-][0-9ivxlc]*)*[,.]?")
# A tag in brackets pushed to the margin: Texinfo's "[Macro]", an option's "(default: view)".
_TAG_RE = re.compile(r"\[[^\[\]]+\]|\([^()]+\)")
_FLUSH = 1.5  # points between a line's end and the text's right edge, at most, for it to be set flush right
_TABLE_ROWS = 3  # rows of cells aligned in columns a borderless table needs
_ALIGNED = 2.0  # points between the starts of one column's cells


def _borderless_tables(
    rows: Sequence[Sequence[_Word]], columns: Sequence[Sequence[float]], right_edge: float | None
) -> dict[int, tuple[int, list[float]]]:
    """Tables drawn without rules between their columns (booktabs', a word processor's):
    ``_TABLE_ROWS`` consecutive rows or more, each in two pieces or more far apart
    (``_PIECE_GAP``), every piece starting at one of the columns' starts, and the starts
    shared: each of them starts a cell in two rows or more, and the first and one more
    in every row.  By the first row's index: the end of the run and the cuts between
    the columns (a rule's place: just left of each column's start, and after the
    widest row).  A line of justified text, code, or a row crossed by rules is none;
    nor a contents list (the page number alone at the row's end, in every row)."""
    found: dict[int, tuple[int, list[float]]] = {}
    starts: list[list[float] | None] = []
    for row, cuts in zip(rows, columns, strict=True):
        if cuts or _justified(row, right_edge) or all(word.style.mono for word in row):
            starts.append(None)
            continue
        pieces = _split(row, _PIECE_GAP)
        numbered = pieces[-1][-1].text.isdigit() and len(pieces[-1]) == 1
        starts.append([piece[0].x0 for piece in pieces] if len(pieces) >= 2 and not numbered else None)
    index = 0
    while index < len(rows):
        end = index
        while end < len(rows) and starts[end] is not None:
            end += 1
        if end - index >= _TABLE_ROWS:
            aligned = _aligned_columns([starts[at] or [] for at in range(index, end)])
            if aligned is not None:
                right = max(word.x1 for row in rows[index:end] for word in row)
                found[index] = (end, [*aligned, right + 1.0])
        index = max(end, index + 1)
    return found


def _aligned_columns(starts: Sequence[Sequence[float]]) -> list[float] | None:
    """The cuts before the columns whose starts ``starts`` (of each row's pieces) share, or None."""
    columns: list[list[float]] = []
    for x in sorted(x for row in starts for x in row):
        if columns and x - columns[-1][-1] <= _ALIGNED:
            columns[-1].append(x)
        else:
            columns.append([x])
    if len(columns) < 2 or any(len(column) < 2 for column in columns):
        return None  # a piece that starts where no other row's does: no column of a table
    first = columns[0][0]
    if not all(abs(row[0] - first) <= _ALIGNED for row in starts):
        return None
    return [min(column) - 1.0 for column in columns]


def _same_cuts(a: Sequence[float], b: Sequence[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 2.0 for x, y in zip(a, b, strict=True))


def _same_shape(a: Sequence[float], b: Sequence[float]) -> bool:
    """The rules of one table, maybe set in another column (the same widths, shifted)."""
    return bool(a) and bool(b) and _same_cuts([x - a[0] for x in a], [x - b[0] for x in b])


def _column_zones(
    rows: Sequence[Sequence[_Word]],
    tabled: Sequence[bool],
    cuts: Sequence[Sequence[float]],
    width: float,
    boxes: Sequence[tuple[float, float, float, float]] = (),
    hint: float | None = None,
) -> dict[int, tuple[int, float]]:
    """Stretches of rows set in two columns: ``{first row: (end row, gutter x)}``.

    The gutter is the x in the middle half of the text that the fewest rows
    cross; a stretch of rows none of which crosses it is two columns when at
    least four rows have text on each side and each side's lines start at one
    left edge (two columns of text; a borderless table's cells start anywhere).
    A ruled table crosses it when one of its cells does (tables set in each
    column do not), and a row inside a box drawn across it (a listing's
    background over both columns) does, however short.  With a ``hint`` (the
    gutter of the document's other pages, for a page that shows none: its last,
    a few lines a column), the page is taken as set in two columns there.
    """
    if len(rows) < (2 if hint is not None else 8):
        return {}
    left = min(row[0].x0 for row in rows)
    right = max(row[-1].x1 for row in rows)
    if right - left < 100:
        return {}
    size = math.ceil(width) + 2
    spans = []  # the x stretch each piece of a row covers, on the page
    pieces_of = []
    # A gutter is as wide as the text's type says (LaTeX's is one em of it): measured in the body's size,
    # two headings side by side across it are two pieces.
    sizes = sorted(word.style.size for row in rows for word in row)
    body = sizes[len(sizes) // 2] or None
    for row, table in zip(rows, tabled, strict=True):
        pieces = _split(row, _GUTTER_GAP, unit=body)
        pieces_of.append(pieces)
        for piece in () if table else pieces:  # a ruled table's cells say nothing of the text's columns
            # Clamped to the page (a broken or hostile file may set text past its edges).
            start = min(size, max(0, int(piece[0].x0)))
            stop = min(size, max(0, math.ceil(max(w.x1 for w in piece))))
            spans.append((start, stop))
    low, high = int(left + 0.25 * (right - left)), int(left + 0.75 * (right - left))
    low, high = max(0, low), min(size, high)  # ... and the gutter is looked for on the page
    if low > high:
        return {}
    gutter = hint if hint is not None else _least_covered(spans, low, high, (left + right) / 2)
    # The space across the gutter, row by row: the gutter's width where two full lines face each
    # other (the narrowest spaces, bar a tenth); a heading's line with a much narrower space there
    # runs across it (a heading over both columns, its words spaced out to justify it).
    boxes = [box for box in boxes if box[0] < gutter < box[2]]  # drawn across the gutter
    spaces = [_space_across(row, gutter) for row in rows]
    found = sorted(space for space in spaces if space is not None)
    narrow = 0.7 * found[len(found) // 10] if found else 0.0
    heading = 1.15 * (body or 0.0)
    spaces = [
        space if all(word.style.size >= heading for word in row) else None
        for space, row in zip(spaces, rows, strict=True)
    ]
    stretches = []
    index = 0
    while index < len(rows):
        end = index
        while (
            end < len(rows)
            and not (tabled[end] and _table_crosses(rows[end], cuts[end], gutter))
            and not _crosses(pieces_of[end], gutter)
            and not _boxed_across(rows[end], boxes, gutter)
            and not ((space := spaces[end]) is not None and space < narrow)
        ):
            end += 1
        if end > index:
            stretches.append((index, end))
        index = max(end, index + 1)
    columned = [end - index >= 4 and _two_columns(rows[index:end], gutter) for index, end in stretches]
    # A page set in two columns, its stretches taken together (a listing or a heading across
    # both columns may leave each stretch only a few rows).
    paged = (
        hint is not None
        or any(columned)
        or (len(stretches) > 1 and _two_columns([row for index, end in stretches for row in rows[index:end]], gutter))
    )
    zones: dict[int, tuple[int, float]] = {}
    for (index, end), alone in zip(stretches, columned, strict=True):
        # On a page set in two columns, a stretch with text on both sides is two columns too
        # (a section's last lines balanced over both, under a heading across them).
        stretch = [word for row in rows[index:end] for word in row]
        both = any(word.x1 <= gutter for word in stretch) and any(word.x0 >= gutter for word in stretch)
        if not (alone or (paged and both)):
            continue
        start = index
        for spanner in _spanners(rows, index, end, gutter):
            if spanner > start:
                zones[start] = (spanner, float(gutter))
            start = spanner + 1
        if end > start:
            zones[start] = (end, float(gutter))
    return zones


def _spanners(rows: Sequence[Sequence[_Word]], index: int, end: int, gutter: float) -> list[int]:
    """The rows from ``index`` to ``end`` (two columns) that head both columns: a
    heading set on the left, larger than the text, with nothing beside it on the
    right for a line above and below (a browser's ``column-span: all``, a report's
    section title over its two columns).  The text above it is read, both
    columns, before it; the text under it after."""
    sizes = sorted(word.style.size for row in rows[index:end] for word in row)
    body = sizes[len(sizes) // 2]
    right = sorted((word.y0 + word.y1) / 2 for row in rows[index:end] for word in row if word.x0 >= gutter)
    found = []
    for number in range(index, end):
        row = rows[number]
        if row[-1].x1 > gutter or max(word.style.size for word in row) < 1.15 * body:
            continue
        top = max(word.y1 for word in row)
        bottom = min(word.y0 for word in row)
        reach = 1.2 * body
        first = bisect.bisect_left(right, bottom - reach)  # the right column's words beside it, if any
        if first == len(right) or right[first] > top + reach:
            found.append(number)
    return found


def _least_covered(spans: Sequence[tuple[int, int]], low: int, high: int, middle: float) -> int:
    """The whole x from ``low`` to ``high`` that the fewest ``spans`` (from
    start up to, not including, stop) cover, nearest ``middle`` (the first
    such).  Computed from where the count changes, not x by x: the work does
    not grow with the page's width, which a file may declare as large as it likes.

    >>> _least_covered([(0, 40), (60, 100)], 25, 75, 50.0)
    50
    >>> _least_covered([(0, 40), (45, 100)], 25, 75, 50.0)  # 40 to 44 are free
    44
    """
    changes: Counter[int] = Counter()
    for start, stop in spans:
        changes[start] += 1
        changes[stop] -= 1
    count = sum(value for x, value in changes.items() if x <= low)
    edges = [low, *sorted(x for x in changes if low < x <= high), high + 1]
    best, best_key = low, (math.inf, math.inf)
    for k in range(len(edges) - 1):
        if k:
            count += changes[edges[k]]
        first, last = edges[k], edges[k + 1] - 1  # the count is the same from first to last
        if middle <= first:
            x = first
        elif middle >= last:
            x = last
        else:
            x = math.floor(middle) if middle - math.floor(middle) <= 0.5 else math.floor(middle) + 1
        key = (count, abs(x - middle))
        if key < best_key:
            best, best_key = x, key
    return best


def _space_across(row: Sequence[_Word], x: float) -> float | None:
    """The space between the last word before ``x`` and the first after it, or None."""
    before = [word.x1 for word in row if word.x1 <= x]
    after = [word.x0 for word in row if word.x0 >= x]
    return min(after) - max(before) if before and after else None


def _boxed_across(row: Sequence[_Word], boxes: Sequence[tuple[float, float, float, float]], x: float) -> bool:
    """Is ``row`` inside a box drawn across ``x``?"""
    middle = sum((word.y0 + word.y1) / 2 for word in row) / len(row)
    return any(
        x0 < x < x1 and y0 <= middle <= y1 and x0 - 1.0 <= row[0].x0 and row[-1].x1 <= x1 + 1.0
        for x0, y0, x1, y1 in boxes
    )


def _table_crosses(row: Sequence[_Word], cuts: Sequence[float], x: float) -> bool:
    """Does a cell of a ruled table's row, with words in it, run across ``x``?
    (Two tables side by side, one in each column, have no cell there.)"""
    before = [cut for cut in cuts if cut <= x]
    after = [cut for cut in cuts if cut > x]
    if not before or not after:
        return False
    a, b = before[-1], after[0]
    return any(a < (word.x0 + word.x1) / 2 < b for word in row)


def _crosses(pieces: Sequence[Sequence[_Word]], x: float) -> bool:
    return any(piece[0].x0 < x < max(word.x1 for word in piece) for piece in pieces)


_LETTERS_RE = re.compile(r"[^\W\d_]{2}")


def _two_columns(rows: Sequence[Sequence[_Word]], gutter: float) -> bool:
    """Are ``rows`` two columns of text either side of ``gutter``?  Each side
    has four lines or more, half of them holding words, its lines start at one
    or two left edges (its text's and its items'), and its lines of prose mostly
    run across it, or enough of them to be wrapped text (a table's keys do not);
    a monospace listing's aligned fields are no columns, unless each side holds
    prose besides; a right side of lines set flush right is none
    (``_flush_right_side``), nor one holding one text on most of its lines (Texinfo's
    "[Macro]" beside each definition's name); rows of three aligned cells are a table, not two
    columns."""
    starts: list[list[float]] = [[], []]
    ends: list[list[float]] = [[], []]  # of the lines of prose (code lines are short by nature)
    worded = [0, 0]  # lines holding a word of letters
    right_ends: list[float] = []
    right_texts: Counter[str] = Counter()
    led = False  # does a line of the right side hold a leader (". . . ." in an index)?
    for row in rows:
        for side, kept in enumerate(([w for w in row if w.x1 <= gutter], [w for w in row if w.x0 >= gutter])):
            if kept:
                starts[side].append(kept[0].x0)
                if side:
                    right_ends.append(kept[-1].x1)
                    right_texts[" ".join(word.text for word in kept)] += 1
                    led = led or sum(1 for word in kept if word.text.strip(".…") == "") >= 3
                worded[side] += any(_LETTERS_RE.search(word.text) for word in kept)
                if 2 * sum(1 for word in kept if word.style.mono) < len(kept):
                    ends[side].append(kept[-1].x1)
    if min(len(starts[0]), len(starts[1])) < 4:
        return False
    if right_texts.most_common(1)[0][1] >= _ONE_EDGE * right_texts.total():
        return False  # one tag on most rows ("[Macro]", "[Function]" set flush right): no column's text
    if any(2 * count < len(begins) for count, begins in zip(worded, starts, strict=True)):
        return False  # a column of numbers is no text's (a contents list's page numbers, a table's figures)
    words = [word for row in rows for word in row]
    if sum(1 for word in words if word.style.mono) > 0.5 * len(words) and min(map(len, ends)) < 3:
        return False  # a listing's aligned fields, not columns of text
    size = sorted(word.style.size for word in words)[len(words) // 2]
    for begins, finishes in zip(starts, ends, strict=True):
        # The two edges most lines start at: the text's and its items' (a page's header or footer
        # line may start further out).
        edges = [x for x, _ in Counter(round(x) for x in begins).most_common(2)]
        if sum(1 for x in begins if any(abs(x - edge) < 0.8 * size for edge in edges)) < 0.6 * len(begins):
            return False  # a column of text has one left edge; a borderless table's cells start anywhere
        if len(finishes) < 3:
            continue  # a column of code: its lines end anywhere
        edge = min(edges)
        span = max(finishes) - edge
        finishes.sort()
        margin = finishes[int(0.9 * (len(finishes) - 1))]  # where its wrapped lines end
        full = sum(1 for x in finishes if margin - x < 1.5 * size)
        if finishes[len(finishes) // 2] - edge < 0.5 * span and full < max(3, 0.25 * len(finishes)):
            return False  # and most of its lines run across it, or enough to be wrapped text (not a table's keys)
    # Pieces pushed to the right edge ("(default: view)" after each option's name), ragged at
    # their left: a text's lines set flush right, no column (a column's lines share their left
    # edge; an index's entries, ragged for their subentries, end at its edge by their leaders).
    if not led and _flush_right_side(starts[1], right_ends):
        return False
    # Rows of three cells or more, aligned: a table without rules, not two columns.
    pieces = [[piece[0].x0 for piece in _split(row, _PIECE_GAP)] for row in rows]
    return 2 * sum(1 for starts in pieces if len(starts) >= 3) < len(rows) or _aligned_columns(pieces) is None


def _flush_right_side(starts: Sequence[float], ends: Sequence[float]) -> bool:
    """Are a side's lines set flush right: all ending at one right edge, and fewer than
    ``_ONE_EDGE`` of them starting at one left edge (a column's lines share theirs)?"""
    if not starts:
        return False
    edge = max(ends)
    if any(edge - x1 > _FLUSH for x1 in ends):
        return False
    common = max(sum(1 for x in starts if abs(x - start) <= _FLUSH) for start in starts)
    return common < _ONE_EDGE * len(starts)


_ONE_EDGE = 0.75  # the share of a column's lines that start at its left edge, at least


def _table_lines(
    page: int,
    rows: Sequence[Sequence[_Word]],
    cuts: Sequence[float],
    hrules: Sequence[tuple[float, float, float]],
    first_row: int,
    column: tuple[int, ...],
) -> list[_Line]:
    """The rows of a ruled table: text rows between two horizontal rules are one table row
    (a cell's text wraps), each cell's words read top to bottom."""
    groups: list[list[Sequence[_Word]]] = []
    for number, row in enumerate(rows):
        if groups:
            above = rows[number - 1]
            top, bottom = min(w.y0 for w in above), max(w.y1 for w in row)
            ruled = any(bottom - 1.0 <= y <= top + 1.0 and a < cuts[-1] and b > cuts[0] for y, a, b in hrules)
            if not ruled and hrules:
                groups[-1].append(row)
                continue
        groups.append([row])
    lines = []
    for number, group in enumerate(groups):
        words = [word for row in group for word in row]
        line = _Line(page, words, column, first_row + number)
        cells = []
        for a, b in itertools.pairwise(cuts):
            cell_rows = [[w for w in row if a - 1.0 <= (w.x0 + w.x1) / 2 <= b + 1.0] for row in group]
            cells.append(tuple(_line_text(r, False, 0.0) for r in cell_rows if r))
        line.cells = tuple(cells)
        line.cuts = tuple(cuts)
        # a row the page breaks has no rule under its part on this page
        lowest = group[-1]
        low, height = min(w.y0 for w in lowest), max(w.y1 - w.y0 for w in lowest)
        line.open = bool(hrules) and not any(
            low - height <= y <= low + 1.0 and a < cuts[-1] and b > cuts[0] for y, a, b in hrules
        )
        line.text = "\t".join(" ".join(cell) for cell in cells)
        lines.append(line)
    return lines


def _mark_bullets(lines: Sequence[_Line], bullets: Sequence[tuple[float, float, float, float]]) -> None:
    """A line has a drawn bullet when a small shape sits just left of its first word, within its height."""
    if not bullets:
        return
    for line in lines:
        size = line.size
        for x0, y0, x1, y1 in bullets:
            if line.x0 - 2.5 * size <= x0 and x1 <= line.x0 - 0.1 * size and line.y0 <= (y0 + y1) / 2 <= line.y1:
                line.bullet = True
                break


def _mark_boxes(lines: Sequence[_Line], boxes: Sequence[tuple[float, float, float, float]]) -> None:
    for line in lines:
        if not line.mono:
            continue
        middle_x, middle_y = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        for number, (x0, y0, x1, y1) in enumerate(boxes):
            if x0 <= middle_x <= x1 and y0 <= middle_y <= y1:
                line.box = number
                break


# -- reading the file --------------------------------------------------------------


def _find_monospace(words: Sequence[_Word]) -> None:
    """Mark as monospace the styles whose words all have one width per letter
    (a fixed-pitch font that does not say so: PDFium's flag and the font's
    name miss it, as for pdfTeX's NimbusMonL)."""
    widths: dict[_Style, list[float]] = {}
    for word in words:
        if not word.style.mono and len(word.text) >= 3 and word.text.isalpha():
            widths.setdefault(word.style, []).append((word.x1 - word.x0) / len(word.text))
    for style, found in widths.items():
        if len(found) >= 8 and max(found) <= 1.04 * min(found):
            style.mono = True


class _Page:
    __slots__ = ("boxes", "height", "lines", "number", "width")

    def __init__(
        self,
        number: int,
        width: float,
        height: float,
        lines: list[_Line],
        boxes: list[tuple[float, float, float, float]],
    ) -> None:
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
        self.boxes = boxes  # filled rectangles (x0, y0, x1, y1)


def _read_pages(data: bytes, path: str | None, options: Options) -> list[_Page]:
    pdfium = _load_pdfium(path)
    module, raw = pdfium.module, pdfium.raw
    try:
        document = module.PdfDocument(data)
    except module.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise NotTextError("the PDF file is encrypted (password-protected): decrypt it first", path=path) from None
        reason = {raw.FPDF_ERR_FORMAT: "not a PDF file, or a damaged one", raw.FPDF_ERR_FILE: "the file is unreadable"}
        raise NotTextError(f"not a readable PDF file ({reason.get(code, str(error).rstrip('.'))})", path=path) from None
    except Exception as error:  # PDFium may fail in ways its bindings do not name
        raise NotTextError(f"not a readable PDF file ({type(error).__name__}: {error})", path=path) from None
    read: list[tuple[int, float, float, list[_Word], _Marks]] = []
    styles: dict[tuple[str, float, bool, bool, bool], _Style] = {}
    budget = limit = min(options.max_input_bytes, _MAX_CHARACTERS)
    try:
        count = len(document)
        if count > _MAX_PAGES:
            raise InputTooLargeError(f"the PDF file has {count} pages; at most {_MAX_PAGES} are read", path=path)
        reader = _PageReader(pdfium, styles)
        for number in range(count):
            page = document[number]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    reader.by_object = {}
                    address = ctypes.cast(textpage.raw, ctypes.c_void_p).value
                    words = reader.words(address, budget) if address else []
                finally:
                    textpage.close()
                budget -= sum(len(word.text) for word in words)
                marks = _read_marks(raw, page.raw) if words else _Marks()
            finally:
                page.close()
            read.append((number, width, height, words, marks))
    except _TooManyCharacters:
        raise InputTooLargeError(f"the PDF file holds more than {limit} characters of text", path=path) from None
    except InputTooLargeError:
        raise
    except Exception as error:
        raise NotTextError(
            f"page {len(read) + 1} of the PDF file could not be read ({type(error).__name__}: {error})", path=path
        ) from None
    finally:
        document.close()
    _find_monospace([word for page in read for word in page[3]])
    pages = [_Page(number, width, height, _page_lines(number, words, marks, width), marks.boxes)
             for number, width, height, words, marks in read]  # fmt: skip
    gutters = [gutter for page in pages if (gutter := _gutter_of(page.lines)) is not None]
    # A page of a document set in two columns (half its pages or more) too short to show its columns:
    # its last, often.  (A manual's index in two columns says nothing of its other pages.)
    if gutters and 2 * len(gutters) >= sum(1 for page in pages if page.lines):
        gutter = sorted(gutters)[len(gutters) // 2]
        for position, (number, width, _, words, marks) in enumerate(read):
            if words and _gutter_of(pages[position].lines) is None:
                pages[position].lines = _page_lines(number, words, marks, width, gutter)
    if not any(page.lines for page in pages):
        raise NotTextError(
            "the PDF file has no text layer (a scanned document?): run OCR on it first, or extract its text", path=path
        )
    return pages


# -- page furniture ----------------------------------------------------------------

# The date and time a browser prints at the top left ("12/6/26, 4:29 AM", "06.12.26, 04:29").
_DATE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
_URL_RE = re.compile(r"(?:file|https?|ftp)://\S*|about:blank|data:\S*")


def _mark_furniture(pages: Sequence[_Page], options: Options) -> None:
    """Set ``furniture`` on the lines that are page furniture (outermost rows of a page only)."""
    if options.drop_page_furniture:
        page_rows = [_rows_of(page) for page in pages]
        recurring = _recurring_keys(page_rows, options.running_header_repeats)
        numbered = _numbered_headers(pages, page_rows, options.running_header_repeats)
        # The first page's first lines: a title a running header repeats, if only once in a short text.
        firsts = [line.text for line in pages[0].lines[:4]] if pages else []  # in reading order
        joined = " ".join(firsts)
        titles = [
            *map(_folded_title, firsts),
            _folded_title(joined),
            _folded_title(re.sub(r"(?<=\w)- (?=\w)", "", joined)),
        ]
        for page, rows in zip(pages, page_rows, strict=True):
            for ordered, top in ((rows, True), (rows[::-1], False)):
                for outermost, row in enumerate(ordered[:3]):
                    titled = top and outermost == 0 and page.number > pages[0].number and _repeats_title(row, titles)
                    reasons = [
                        "running-header" if id(line) in numbered or titled else
                        _furniture_reason(line, page, recurring, top, row, outermost == 0)
                        for line in row
                    ]  # fmt: skip
                    if not all(reasons):
                        break
                    for line, reason in zip(row, reasons, strict=True):
                        line.furniture = reason
    if options.drop_page_furniture:
        _mark_repeated_table_headers(pages)
    if options.drop_boilerplate and pages:
        _mark_site_banners(pages[0], top=True)
        _mark_site_banners(pages[-1], top=False)
        if len(pages) > 1 and all(line.furniture is not None for line in pages[-1].lines):
            _mark_site_banners(pages[-2], top=False)  # the footer broken over the last two pages
    if options.drop_table_of_contents:
        _mark_table_of_contents([line for page in pages for line in page.lines if line.furniture is None])


def _folded_title(text: str) -> str:
    return " ".join(text.casefold().removesuffix("...").split())


def _repeats_title(row: Sequence[_Line], titles: Sequence[str]) -> bool:
    """A page's first row that repeats the document's title (perhaps cut short
    and ended with "...") beside at most a few short words (a date, a page
    number, a chapter's name): a running header, however few pages repeat it."""
    repeated = [
        line
        for line in row
        if len(folded := _folded_title(line.text)) >= 12
        and any(title == folded or (len(folded) >= 20 and title.startswith(folded)) for title in titles)
    ]
    return bool(repeated) and all(line in repeated or len(line.text.split()) <= 4 for line in row)


def _mark_site_banners(page: _Page, *, top: bool) -> None:
    """A printed web page's banner (site name, navigation) and footer: the lines
    at the very top of its first page (or the very foot of its last) that sit in
    a filled box as wide as the paper, set aside as ``boilerplate``."""
    wide = [box for box in page.boxes if box[2] - box[0] >= 0.85 * page.width]
    rows = _rows_of(page)
    for row in rows if top else rows[::-1]:
        if all(line.furniture is not None for line in row):
            continue  # the browser's own header or footer, outside the banner
        inside = [
            any(x0 <= (line.x0 + line.x1) / 2 <= x1 and y0 <= (line.y0 + line.y1) / 2 <= y1 for x0, y0, x1, y1 in wide)
            for line in row
        ]
        if not all(inside) or any(line.mono for line in row):
            return  # out of the banner, or in a code block's box
        for line in row:
            if line.furniture is None:
                line.furniture = "boilerplate"


def _mark_repeated_table_headers(pages: Sequence[_Page]) -> None:
    """A table broken over pages has its header row printed again at the head of each page:
    the repeats are running headers."""
    header: _Line | None = None  # the first row of the table read last
    previous: _Line | None = None
    for page in pages:
        body = [line for line in page.lines if line.furniture is None]
        for number, line in enumerate(body):
            if line.cells is None:
                header = previous = None
                continue
            # the table goes on over a page break or a column break (at the head of the column)
            continued = (
                previous is not None
                and (previous.page != line.page or previous.column != line.column)
                and _same_shape(previous.cuts, line.cuts)
            )
            first = number == 0 or body[number - 1].column != line.column
            if continued and first and header is not None and line.text == header.text:
                line.furniture = "running-header"
                continue
            if not continued and (previous is None or not _same_cuts(previous.cuts, line.cuts)):
                header = line
            previous = line


def _rows_of(page: _Page) -> list[list[_Line]]:
    by_row: dict[int, list[_Line]] = {}
    for line in page.lines:
        if line.cells is None:
            by_row.setdefault(line.row, []).append(line)
    return [by_row[row] for row in sorted(by_row)]


def _numbered_headers(pages: Sequence[_Page], page_rows: Sequence[list[list[_Line]]], repeats: int) -> set[int]:
    """The ids of the lines of a page's very first or last row (``page_rows``) that carries the
    page's number, beside other words or alone ("Chapter 2: ASN.1 structure handling 3"):
    the number agrees with the page's place in the file (the page's index less
    the number is the same on ``repeats`` pages or more, or on every page of a
    shorter text of two pages or more; pages numbered by a number alone
    included), whatever the words (they change with the chapter)."""
    offsets: Counter[int] = Counter()
    found: list[tuple[int, _Line]] = []
    for page, rows in zip(pages, page_rows, strict=True):
        band = 0.15 * page.height
        here: set[int] = set()
        for row, top in ((rows[0], True), (rows[-1], False)) if rows else ():
            if not all(line.y0 >= page.height - band if top else line.y1 <= band for line in row):
                continue
            # The row's lines left to right: the number may be a line of its own beside the words.
            text = " ".join(line.text.strip() for line in sorted(row, key=lambda line: line.x0))
            # A number at either end may be the page's: "5 TLMGR: MANAGING YOUR INSTALLATION 20" opens
            # with its chapter's (each is tried; the one that agrees with the pages is kept below).
            numbers = {int(match.group(1)) for pattern in _EDGE_PAGE_NUMBER_RES if (match := pattern.fullmatch(text))}
            for number in numbers:
                offset = page.number - number
                here.add(offset)
                found.extend((offset, line) for line in row)
        offsets.update(here)
    if not offsets:
        return set()
    offset, count = offsets.most_common(1)[0]
    # A text of two pages numbered on both shows it on both (fewer pages than ``repeats``); a text of one
    # page shows it beside its title, the number at the row's far end ("Code of Conduct ........ 1").
    if len(pages) == 1 and offset == -1 and any(_far_number(pages[0], line) for other, line in found):
        return {id(line) for other, line in found}
    needed = min(repeats, max(2, len(pages)))
    return {id(line) for other, line in found if other == offset} if count >= needed else set()


def _far_number(page: _Page, line: _Line) -> bool:
    """A line that is a page number alone, in the outer fifth of the page's width (left or right)."""
    return line.text.strip().isdigit() and (line.x1 <= 0.2 * page.width or line.x0 >= 0.8 * page.width)


# A page's number at either end of its first or last row, beside words, or alone.
_EDGE_PAGE_NUMBER_RES = (
    re.compile(r"([0-9]{1,4})[ \t]+\D.{0,150}"),
    re.compile(r".{0,150}\D[ \t]+([0-9]{1,4})"),
    re.compile(r"([0-9]{1,4})"),
)


def _position_key(line: _Line) -> tuple[str, int]:
    return furniture_key(line.text), round(line.y0 / 4)


def _recurring_keys(page_rows: Sequence[list[list[_Line]]], repeats: int) -> set[tuple[str, int]]:
    """Keys of the lines that recur among the outermost rows (``page_rows``: each page's
    rows) of at least ``repeats`` pages, at one height."""
    seen: Counter[tuple[str, int]] = Counter()
    for rows in page_rows:
        for position in {_position_key(line) for row in rows[:2] + rows[-2:] for line in row}:
            if len(position[0]) >= 3:
                seen[position] += 1
    found = set()
    for (key, height), count in seen.items():
        near = count + seen.get((key, height - 1), 0) + seen.get((key, height + 1), 0)
        if near >= repeats:
            found.add((key, height))
    return found


def _furniture_reason(
    line: _Line, page: _Page, recurring: set[tuple[str, int]], top: bool, row: Sequence[_Line], outermost: bool
) -> str | None:
    """Why ``line`` (in ``row``, one of the three outermost rows of ``page``) is furniture, or ``None``."""
    text = line.text.strip()
    if outermost and len(row) == 1 and is_page_number(text):
        return "page-number"  # a number alone as a page's first or last line, wherever the page puts it
    band = 0.15 * page.height
    if not (line.y0 >= page.height - band if top else line.y1 <= band):
        return None
    if is_page_number(text):
        return "page-number"
    key, height = _position_key(line)
    if any((key, height + shift) in recurring for shift in (-1, 0, 1)):
        return "running-header"
    if not outermost:
        return None
    # The header and footer a browser prints: date and title at the top, URL and "n/N" at the foot.
    others = [other.text.strip() for other in row if other is not line]
    if top and (_DATE_RE.fullmatch(text) or any(_DATE_RE.fullmatch(other) for other in others)):
        return "running-header"
    if not top and (_URL_RE.match(text) or any(_URL_RE.match(other) for other in others)):
        return "running-header"
    return None


def _mark_table_of_contents(lines: Sequence[_Line]) -> None:
    """Set aside a table of contents: its heading and its entries (leaders and a page
    number, or a title and its number right after the heading), an entry whose page
    number stands far right of its title (a piece of its own) read as one row."""
    groups: dict[tuple[tuple[int, ...], int], list[_Line]] = {}
    for line in lines:
        groups.setdefault((line.column, line.row), []).append(line)
    rows = list(groups.values())
    texts = [" ".join(line.text.strip() for line in row) for row in rows]
    after_heading = False
    for index, (row, text) in enumerate(zip(rows, texts, strict=True)):
        if is_toc_heading(text) and index + 1 < len(rows) and is_toc_entry(texts[index + 1], after_toc_heading=True):
            after_heading = True
        elif not is_toc_entry(text, after_toc_heading=after_heading):
            after_heading = False
            continue
        for line in row:
            line.furniture = "table-of-contents"
    for index, line in enumerate(lines[:-1]):
        if (
            line.furniture is None
            and lines[index + 1].furniture == "table-of-contents"
            and _INDEX_LETTER_RE.fullmatch(line.text.strip())
        ):
            line.furniture = "table-of-contents"  # an index's letter over its entries


_INDEX_LETTER_RE = re.compile(r"[A-Z]|[0-9]|Symbols")


# -- blocks ------------------------------------------------------------------------


class _Layout:
    """What the document's body text looks like: its size, line pitch, margins,
    heading sizes, and where a page's text starts and ends."""

    def __init__(self, pages: Sequence[_Page]) -> None:
        lines = [line for page in pages for line in page.lines if line.furniture is None]
        sizes: Counter[float] = Counter()
        for line in lines:
            if not line.mono and line.cells is None:
                sizes[round(line.size, 1)] += len(line.text)
        self.body = sizes.most_common(1)[0][0] if sizes else 10.0
        pitches: Counter[float] = Counter()
        code_pitches: Counter[float] = Counter()
        for previous, line in itertools.pairwise(lines):
            if previous.column != line.column:
                continue
            step = previous.y0 - line.y0
            if self.is_body(line) and self.is_body(previous) and 0.9 * self.body < step < 2.5 * self.body:
                pitches[round(step * 2) / 2] += 1
            elif line.mono and previous.mono and 0.9 * line.size < step < 2.5 * line.size:
                code_pitches[round(step * 2) / 2] += 1
        self.pitch = _line_pitch(pitches) if pitches else 1.2 * self.body
        self.indents = False  # paragraphs' first lines set in (``_first_line_indents``, once edges are known)
        # The lines set beside another on their row in their column, right of it (a description
        # beside its term), by id, with where their row's first line starts.
        # And the lines that share their row with another (a table's cells).
        self.beside: dict[int, float] = {}
        self.shared: set[int] = set()
        for body in self._bodies(pages):
            rows: dict[tuple[tuple[int, ...], int], list[_Line]] = {}
            for line in body:
                rows.setdefault((line.column, line.row), []).append(line)
            for row in rows.values():
                leftmost = min(line.x0 for line in row)
                self.beside.update((id(line), leftmost) for line in row if line.x0 > leftmost)
                if len(row) > 1:
                    self.shared.update(id(line) for line in row)
        self.code_pitch = code_pitches.most_common(1)[0][0] if code_pitches else self.pitch
        headings = {self.heading_key(line) for line in lines if self.is_heading(line)}
        ranked = sorted(headings, key=lambda key: (-key[0], not key[1]))
        self.levels = {key: min(6, number + 1) for number, key in enumerate(ranked)}
        # Where code starts and ends on a full page: a listing broken across pages at an
        # empty line leaves the next page's first line (or the page's last) a line short.
        firsts = [body[0].y1 for body in self._bodies(pages) if body[0].mono]
        lasts = [body[-1].y0 for body in self._bodies(pages) if body[-1].mono]
        self.code_top = max(firsts, default=math.inf)
        self.code_bottom = min(lasts, default=-math.inf)

    @staticmethod
    def _bodies(pages: Sequence[_Page]) -> list[list[_Line]]:
        bodies = ([line for line in page.lines if line.furniture is None] for page in pages)
        return [body for body in bodies if body]

    def is_body(self, line: _Line) -> bool:
        return not line.mono and line.cells is None and abs(line.size - self.body) <= 0.1 * self.body

    def is_heading(self, line: _Line) -> bool:
        if line.mono or line.cells is not None:
            return False
        return line.size >= 1.15 * self.body or (line.bold and line.size >= 0.6 * self.body and len(line.text) < 200)

    @staticmethod
    def heading_key(line: _Line) -> tuple[float, bool]:
        return round(line.size * 2) / 2, line.bold

    def kind(self, line: _Line) -> BlockKind:
        if line.cells is not None:
            return BlockKind.TABLE_ROW
        if line.mono and not (line.bullet or _is_glyph_bullet(line.words[0].text)):
            return BlockKind.CODE  # an item set in monospace ("• INTEGER;") is an item; "* 2.7.6" is code
        if self.is_heading(line):
            return BlockKind.HEADING
        return BlockKind.PARAGRAPH

    def pitch_of(self, line: _Line) -> float:
        if line.mono:
            return self.code_pitch
        return self.pitch * line.size / self.body if self.body else self.pitch

    def empty_lines(self, previous: _Line, line: _Line) -> int:
        """How many empty lines of a listing lie between ``previous`` and ``line``."""
        pitch = self.code_pitch
        if previous.column == line.column:
            return max(0, round(_steps(previous.y0 - line.y0, pitch)) - 1)
        # across a page break: room left at the foot of the page (a whole line), or at the head of the next
        bottom = int(_steps(previous.y0 - self.code_bottom, pitch) + 0.1) if previous.page != line.page else 0
        top = int(_steps(self.code_top - line.y1, pitch) + 0.25) if previous.page != line.page else 0
        return max(0, bottom) + max(0, top)


def _set_in(line: _Line, size: float) -> bool:
    """Is ``line`` set in from its column's edge as a paragraph's first line is (by one to three sizes)?"""
    return 0.8 * size <= line.x0 - line.left <= 3 * size


def _full(line: _Line, size: float) -> bool:
    """Does ``line`` run to its column's right edge (within a size): a wrapped line, no paragraph's last?"""
    return line.right - line.x1 <= size


_RUNS_ON = 20  # sizes: a line at least this long (forty letters or so), not a narrow column's entry
_NO_EXTRA_SPACE = 0.03  # sizes: a step this much longer than the pitch holds no space between paragraphs
_JUSTIFIED_END = 0.25  # sizes: a justified line ends this near its column's right edge (a short last line does not)
_CLOSED_RE = re.compile(r"[.:;!?)\]][\"'”’]*$")
_SENTENCE_CLOSED_RE = re.compile(r"[^\W\d_]{2}[.!?][\"'”’)]*$")  # a word, then a sentence's end ("Unix.")


def _runs_on(line: _Line, size: float) -> bool:
    """Does ``line`` run on into the next: a long line of a wide column justified to its right edge,
    ending with no mark that closes a sentence or an entry (a list's "\\lastlinefit (... times 1000)")?"""
    return (
        line.right - line.x1 <= _JUSTIFIED_END * size
        and line.x1 - line.x0 >= _RUNS_ON * size
        and _CLOSED_RE.search(line.text) is None
    )


_DESCRIPTION_WORDS = 3
_TERM_WORDS = 4  # words of a run-in term, at most


def _run_in_term(line: _Line) -> bool:
    """Does ``line`` open with a term in bold, run into its text in the body face: one to
    ``_TERM_WORDS`` bold words of letters, then a word that is not bold ("TEX Live  A complete")?"""
    bold = 0  # (a line is asked this on its way into a paragraph: its first words tell)
    for word in line.words:
        if not _LETTER_WORD_RE.search(word.text):
            continue
        if not word.style.bold:
            return bold > 0
        bold += 1
        if bold > _TERM_WORDS:
            return False
    return False  # bold to its end: a heading's line, no term run into its text


def _description_goes_on(previous: _Line, line: _Line, layout: _Layout, size: float) -> bool:
    """Does ``line`` go on with a description whose first line, ``previous``, stands beside its
    term?  Either under the description's first word, the term apart from it on their line by a
    wide gap ("texk/lib   TEX-specific libraries ..." + "is texk/ptexenc.)"), or far left of it,
    at the term's edge (or a little in from it) or the column's, the term a line of its own on
    their row ("pdf:obj @name   creates a named" + "object that can be referenced ...").  The
    caller has seen ``previous`` run to its column's edge without ending a sentence."""
    term = layout.beside.get(id(previous))
    if (
        term is not None
        and id(line) not in layout.shared  # (a table's next row: its cells share it)
        and previous.x0 - line.x0 > 5 * size
        and (-0.5 * size < line.x0 - term < 3 * size or abs(line.x0 - line.left) < 0.5 * size)
    ):
        # (and words, three at least: a contents list's page number beside its title is no description)
        return sum(1 for word in previous.words if _LETTER_WORD_RE.search(word.text)) >= _DESCRIPTION_WORDS
    for before, word in itertools.pairwise(previous.words):
        if abs(word.x0 - line.x0) < 0.5 * size:
            return word.x0 - before.x1 >= 0.8 * size  # the gap a term leaves: most of a size, no word space
    return False


def _first_line_indents(lines: Sequence[_Line], layout: _Layout) -> bool:
    """Does the text set its paragraphs' first lines in (a book's, TeX's convention)?
    Five times or more, a line of body text set in by one to three of its sizes is
    followed, a line lower in its column, by one at the column's edge (not a list's
    next item hung from the edge); and more often than a block set in whole opens
    (a quotation's first two lines: full, unmarked, the line above not set in as
    far; a list's items and one-line paragraphs set in are no such block)."""
    opened = kept = 0
    for index in range(1, len(lines)):
        previous, line = lines[index - 1], lines[index]
        if previous.column != line.column or not (layout.is_body(previous) and layout.is_body(line)):
            continue
        if not 0 < previous.y0 - line.y0 <= 1.15 * layout.pitch_of(line):
            continue
        size = previous.size
        if not _set_in(previous, size):
            continue
        if abs(line.x0 - line.left) < 0.5 * size:
            # (the next item of a list hung from the edge is no paragraph's second line)
            opened += not (line.bullet or line.text_x0 != line.x0 or _is_label(line.words[0].text))
            continue
        above = lines[index - 2] if index >= 2 else None
        if (
            abs(line.x0 - previous.x0) < 0.5 * size
            and _full(previous, size)  # (not one-line paragraphs set in)
            and previous.text_x0 == previous.x0  # no item's bullet or label: a list is set in by itself
            and not _is_label(previous.words[0].text)
            and not (above is not None and above.column == previous.column and abs(above.x0 - previous.x0) < 0.5 * size)
        ):
            kept += 1  # the first two lines of a block set in whole (a quotation)
    return opened >= 5 and opened > kept


def _line_pitch(steps: Counter[float]) -> float:
    """The step from one line of a paragraph to the next: the most common step
    near the shortest ones (a text of one-line paragraphs steps from paragraph
    to paragraph more often than from line to line).

    >>> _line_pitch(Counter({12.0: 40, 15.5: 90, 30.0: 5}))
    12.0
    >>> _line_pitch(Counter({12.0: 1, 14.0: 60, 15.0: 2}))
    14.0
    """
    ordered = sorted(steps.elements())
    shortest = ordered[len(ordered) // 20]
    near = {step: count for step, count in steps.items() if shortest <= step <= 1.15 * shortest}
    return max(near, key=lambda step: (near[step], -step))


def _column_edges(pages: Sequence[_Page], layout: _Layout) -> None:
    """Set each line's ``left`` and ``right``: the edges of the text of its column
    (the most common left edge, and the right edge nine lines in ten stay within)."""
    lefts: dict[tuple[int, ...], Counter[int]] = {}
    rights: dict[tuple[int, ...], list[float]] = {}
    for page in pages:
        for line in page.lines:
            if line.furniture is None and layout.is_body(line):
                column = _edges_key(line)
                lefts.setdefault(column, Counter())[round(line.x0)] += 1
                rights.setdefault(column, []).append(line.x1)
    edges: dict[tuple[int, ...], tuple[float, float]] = {}
    for column, found in rights.items():
        found.sort()
        starts = lefts[column]
        left = starts.most_common(1)[0][0]
        if len(column) == 2:  # a column of a two-column stretch: its text's edge, left of its items'
            left = min(x for x, count in starts.items() if count >= 0.1 * starts.total())
        edges[column] = (float(left), found[int(0.9 * (len(found) - 1))])
    for column in list(edges):
        if len(column) == 2 and column[1] == 0 and (column[0], 1) in edges:
            # Two columns are as wide as each other: where one's lines mostly start further in (a
            # column of list items), its text's edge is where the other's width puts it.
            (left0, right0), (left1, right1) = edges[column], edges[column[0], 1]
            width = max(right0 - left0, right1 - left1)
            edges[column], edges[column[0], 1] = (right0 - width, right0), (right1 - width, right1)
    for page in pages:
        for line in page.lines:
            line.left, line.right = edges.get(_edges_key(line), edges.get((-1,), (line.x0, line.x1)))


def _edges_key(line: _Line) -> tuple[int, ...]:
    """One-column pages share their margins; the left (right) columns of the
    two-column stretches share theirs (a stretch between two headings over both
    columns may hold a line or two)."""
    return (-1,) if line.column[1] < 0 else (0, line.column[2])


class _Pending:
    """A block being read: its lines, and the empty lines before each (code)."""

    __slots__ = ("blank_lines", "kind", "lines")

    def __init__(self, kind: BlockKind, line: _Line) -> None:
        self.kind = kind
        self.lines = [line]
        self.blank_lines = [0]


_ENDINGS = tuple(".!?:;)]\"'”’»…")
_OPENINGS = frozenset("\"'“‘«([¿¡")


def _ended(line: _Line, following: _Line) -> bool:
    """Did ``line`` end where its writer broke it, not where it wrapped?

    It did when it stops short of its column's right edge by more than
    ``following``'s first word (which would have fit), and either ends like a
    sentence or an item (``.``, ``:``, ``)`` ...) or ``following`` starts like
    one (a capital, a digit, a bullet, an opening quote); a line cut short
    before a long URL or path (``... and`` / ``~/.local/...``) goes on.
    """
    room = line.right - line.x1
    if room <= following.first_width + 0.85 * line.size or _HYPHENATED_END_RE.search(line.text):
        return False  # the next word would not have fit, or this one goes on after its hyphen
    start = following.text[:1]
    return (
        line.text.endswith(_ENDINGS)
        or start.isupper()
        or start.isdigit()
        or start in _OPENINGS
        or _is_bullet_word(following.words[0].text)
    )


def _mid_sentence(previous: _Line, line: _Line, layout: _Layout) -> bool:
    """Does a paragraph's line, run to its column's edge or stopped on a word
    that carries a sentence on, without ending a sentence or a clause, go on in
    the monospace line under it?"""
    return (
        previous.column == line.column
        and 0 < previous.y0 - line.y0 <= 1.15 * layout.pitch_of(previous)
        and not previous.text.rstrip().endswith((*_ENDINGS, ":", ";"))
        and (
            previous.right - previous.x1 <= line.first_width + 0.85 * previous.size
            or previous.text.rsplit(None, 1)[-1].casefold() in FUNCTION_WORDS  # "... as in"
        )
    )


def _listing_pitch(lines: Sequence[_Line], layout: _Layout) -> float:
    """The distance between a listing's ``lines``: the document's code pitch, or the median
    step between them in a column if less (a listing set smaller)."""
    steps = [a.y0 - b.y0 for a, b in itertools.pairwise(lines) if a.column == b.column and a.y0 > b.y0]
    return min(layout.code_pitch, statistics.median(steps)) if steps else layout.code_pitch


def _continues(block: _Pending, line: _Line, layout: _Layout, options: Options) -> bool:
    """Does ``line`` go on with ``block``, whose last line is the line before it in reading order?"""
    previous = block.lines[-1]
    kind = layout.kind(line)
    if kind is BlockKind.CODE and block.kind is BlockKind.PARAGRAPH and _mid_sentence(previous, line, layout):
        return True  # a sentence going on in monospace ("... as in" + "'char description[...];')."
    if kind is not block.kind:
        return False
    if kind is BlockKind.TABLE_ROW:
        # a row the page (or the column) broke: its rest heads the next part of the table, its first cell empty
        return (
            options.join_lines
            and (previous.page != line.page or previous.column != line.column)
            and _same_shape(previous.cuts, line.cuts)
            and (previous.open or not any(line.cells[0] if line.cells else ()))
        )
    same_column = previous.column == line.column
    step = previous.y0 - line.y0  # positive: ``line`` is below ``previous``
    if kind is BlockKind.CODE:
        if not same_column:
            return options.join_lines  # a listing goes on over a page break
        # one box (a code block's background, when there is one), and at most two empty lines between
        recent = block.lines[-_LISTING_WINDOW:]  # bounded: a listing may run for pages
        if step > 1.5 * _listing_pitch(recent, layout) and (
            min(other.x0 for other in recent) - line.x0 >= 0.5 * line.char_width
        ):
            return False  # after an empty line, left of the listing: the text's next term or line
        return previous.box == line.box and 0 < step <= 3.2 * layout.code_pitch
    if abs(line.size - previous.size) > 0.1 * previous.size:
        return False
    if previous.tagged and previous.text.count("(") <= previous.text.count(")"):
        # A definition's header, its tag pushed to the margin ("KPSE_CHECK_LATEX      [Macro]"), stands
        # alone, unless its brackets are still open ("int f (const char * file,      [Function]").
        return False
    size = line.size
    if kind is BlockKind.HEADING:
        # Lines set flush left that stop well short of the edge, the next one's first word fitting,
        # are lines of their own (a title page's authors), not a heading wrapped.
        flush = abs(line.x0 - previous.x0) < 0.5 * size
        short = previous.right - previous.x1 > line.first_width + 0.85 * size + 0.5 * (previous.right - previous.left)
        return (
            same_column
            and line.bold == previous.bold
            and 0 < step <= 1.6 * size
            and abs(line.x0 - previous.x0) < 2 * size
            and not (flush and short)
        )
    if line.bullet or _is_bullet_word(line.words[0].text):
        return False
    first = block.lines[0]
    if _run_in_term(line) and _run_in_term(first) and abs(line.x0 - first.x0) < 0.5 * size:
        return False  # the next entry of a description list: its term in bold, as the first's ("MacTEX for ...")
    if _sibling_labels(first.words[0].text, line.words[0].text) and (
        abs((line.x0 - line.left) - (first.x0 - first.left)) < 0.5 * size
    ):
        return False  # the next item of a numbered list (in its column: at the head of the next one)
    if _ended(previous, line):
        return False
    if same_column:
        if step <= 0 or step > 1.15 * layout.pitch_of(line):
            return False
        if len(block.lines) > 1:
            return abs(line.x0 - previous.x0) < 0.5 * size
        # The second line: under the first, under the first's text after its label, or (a first-line
        # indent, or a hanging indent: a bibliography entry, a definition) a little left or right of it.
        # (a footnote's raised mark is no label: its first line is set in, its next at the margin)
        marked = previous.labelled or _is_label(line.words[0].text)
        if (
            _full(previous, size)
            and _CLOSED_RE.search(previous.text) is None
            and _description_goes_on(previous, line, layout, size)
        ):
            return True
        if (
            layout.indents
            and _set_in(previous, size)
            and not (_runs_on(previous, size) and step <= layout.pitch_of(line) + _NO_EXTRA_SPACE * size)
            and abs(line.x0 - previous.x0) < 0.5 * size
        ):
            # Where a paragraph's first line is set in, a line set in as far opens the next, unless
            # the line above runs on and the line stands a line's pitch under it (no space a
            # paragraph's end adds): a block set in whole goes on (a description list's body, read
            # line by line before, each of its lines a paragraph).
            return False
        if (
            layout.indents
            and abs(previous.x0 - previous.left) < 0.5 * size
            and _set_in(line, size)
            and not _full(previous, size)
            and _SENTENCE_CLOSED_RE.search(previous.text) is not None
        ):
            return False  # a one-line paragraph ending its sentence short of the edge, the next set in
        return (
            abs(line.x0 - previous.x0) < 0.5 * size
            or abs(line.x0 - previous.text_x0) < 0.5 * size
            or 0.8 * size <= line.x0 - previous.x0 <= 5 * size
            or (0.8 * size <= previous.x0 - line.x0 <= 5 * size and not marked)
        )
    # A page or column break: the paragraph goes on when its last line ran to the margin
    # (so ``_ended`` said no) and the next line is set like its lines (not indented further).
    if not options.join_lines:
        return False
    offset = line.x0 - line.left
    if len(block.lines) == 1 and layout.indents and _set_in(previous, size) and _full(previous, size):
        # a paragraph's first line, set in, at a column's foot: its second line heads the next column
        return abs(offset) < 0.5 * size or abs(offset - (previous.x0 - previous.left)) < 0.5 * size
    return abs(offset - (previous.x0 - previous.left)) < 0.5 * size


_LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_COMPOUND_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_HYPHENATED_END_RE = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]$")
_LEADING_LETTER_WORD_RE = re.compile(r"[^\W\d_]+")


class _Vocabulary:
    """The words of the document (case-folded, with counts), its hyphenated
    compounds, and whether its typesetter hyphenates words at line ends
    (``hyphenates``: two line ends or more, a quarter of them at least, break
    a word the document writes whole elsewhere, "proce-" + "dures"; a browser
    breaks lines at a compound's own hyphen only).

    >>> _Vocabulary(["the proce-", "dures and other procedures of", "an accept-", "able form"]).hyphenates
    False
    >>> _Vocabulary(["the proce-", "dures and other procedures; its sec-", "tions and sections"]).hyphenates
    True
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self.words: Counter[str] = Counter()
        self.compounds: set[str] = set()
        lines = list(texts)
        for text in lines:
            folded = text.casefold()
            self.words.update(_LETTER_WORD_RE.findall(folded))
            if "-" in folded:
                self.compounds.update(_COMPOUND_RE.findall(folded))
        broken = mended = 0
        for text, following in itertools.pairwise(lines):
            end, start = _HYPHENATED_END_RE.search(text), _LEADING_LETTER_WORD_RE.match(following)
            if end is None or start is None or not start.group(0)[0].islower():
                continue
            broken += 1
            first, second = end.group(1).casefold(), start.group(0)
            if self.words[first + second] > 0 and f"{first}-{second}" not in self.compounds:
                mended += 1
        self.hyphenates = mended >= 2 and 4 * mended >= broken


def _join_lines(texts: Sequence[str], vocabulary: _Vocabulary | None) -> str:
    """Lines of a paragraph joined with spaces, a word hyphenated across a line end mended.

    The hyphen stays when the next part starts with a capital (``MIME-`` +
    ``Info``), when the document writes the compound with its hyphen elsewhere
    and never the joined word, or when both parts are words the document uses
    on their own elsewhere and the joined word is not (``comma-`` +
    ``separated``: a browser never hyphenates, so its line-end hyphens are
    real ones); otherwise the word is mended (``proce-`` + ``dures``).  A soft
    hyphen always goes.  Without a ``vocabulary`` nothing is mended.

    >>> vocabulary = _Vocabulary(["procedures apply", "a comma and words separated by a comma", "separated"])
    >>> _join_lines(["the proce-", "dures apply"], vocabulary), _join_lines(["comma-", "separated"], vocabulary)
    ('the procedures apply', 'comma-separated')

    A capital after the hyphen keeps it unless the document writes the word
    whole; an identifier broken after its underscore is joined:

    >>> vocabulary = _Vocabulary(["an OPTIONAL element", "the MIME type"])
    >>> _join_lines(["is OP-", "TIONAL here"], vocabulary), _join_lines(["the MIME-", "Info file"], vocabulary)
    ('is OPTIONAL here', 'the MIME-Info file')
    >>> _join_lines(["at most ASN1_MAX_", "NAME_SIZE bytes"], vocabulary)
    'at most ASN1_MAX_NAME_SIZE bytes'
    """
    if not texts:
        return ""
    out = texts[0]
    for text in texts[1:]:
        match = _HYPHENATED_END_RE.search(out)
        following = _LEADING_LETTER_WORD_RE.match(text)
        if match is None or following is None or vocabulary is None:
            # a dash ending a line inside a word ("--" + "with-icu", "policy—" + "and") glues it to the next,
            # and so does an identifier's underscore ("ASN1_MAX_" + "NAME_SIZE")
            glued = (out[-1:] in ("-", "—", "\u2010") and not out[-2:-1].isspace() and len(out) > 1) or (
                out[-1:] == "_" and out[-2:-1].isalnum() and text[:1].isalnum()
            )
            out = out + text if glued or not out or not text else f"{out} {text}"
            continue
        first, second = match.group(1), following.group(0)
        joined, compound = (first + second).casefold(), f"{first}-{second}".casefold()
        words = vocabulary.words
        if out[-1] == "\u00ad":
            keep = False
        elif words[joined] > 0 and compound not in vocabulary.compounds:
            keep = False  # the document writes the word whole ("OP-" + "TIONAL": "OPTIONAL")
        elif compound in vocabulary.compounds:
            keep = True
        else:
            # each part is counted once at this very line end: "elsewhere" is a second time
            both = len(first) > 1 and words[first.casefold()] > 1 and words[second.casefold()] > 1
            if second[0].isupper():
                # a capital goes on a compound ("MIME-" + "Info"), unless the typesetter hyphenates and a
                # word in capitals breaks where no two words meet ("REP-" + "RESENTATIONS")
                keep = not (vocabulary.hyphenates and first.isupper() and second.isupper() and not both)
            else:
                # where the typesetter hyphenates, a doubtful line-end hyphen is its own ("accept-" + "able")
                keep = both and not vocabulary.hyphenates
        out = out + text if keep else out[:-1] + text
    return out


def _code_text(block: _Pending) -> str:
    """A listing's lines: each indented by its offset from the leftmost line in
    character widths, trailing spaces off, its empty lines kept (both bounded:
    ``_MAX_INDENT``, ``_MAX_LISTING_GAP``)."""
    left = min(line.x0 for line in block.lines)
    width = min(line.char_width for line in block.lines) or 1.0
    rows: list[str] = []
    for line, blank in zip(block.lines, block.blank_lines, strict=True):
        rows.extend([""] * min(blank, _MAX_LISTING_GAP))
        indent = min(_MAX_INDENT, max(0, round(_steps(line.x0 - left, width))))
        rows.append((" " * indent + line.text).rstrip())
    return "\n".join(rows).strip("\n")


def _block_text(block: _Pending, vocabulary: _Vocabulary, options: Options) -> tuple[str, bool]:
    """The block's text, and whether its first line started with a bullet glyph (taken off)."""
    if block.kind is BlockKind.CODE:
        return _code_text(block), False
    if block.kind is BlockKind.TABLE_ROW:
        vocabulary_or_none = vocabulary if options.join_lines else None
        width = max(len(line.cells or ()) for line in block.lines)
        cells = [[text for line in block.lines for part in (line.cells or ())[column : column + 1] for text in part]
                 for column in range(width)]  # fmt: skip
        joined = (" ".join(_join_lines(cell, vocabulary_or_none).split()) for cell in cells)
        return " | ".join(joined), False
    texts = [line.text for line in block.lines]
    glyph = _is_bullet_word(block.lines[0].words[0].text)
    if glyph:
        texts[0] = texts[0][bullet_length(texts[0]) :]
    text = _join_lines(texts, vocabulary if options.join_lines else None)
    if options.repair_spacing:
        text = despace(text, vocabulary.words.keys())
    return " ".join(text.split()), glyph


class _Emitter:
    """Turns finished blocks into the builder's blocks: kind, level, list depth, table context."""

    def __init__(self, builder: SourceBuilder, layout: _Layout, vocabulary: _Vocabulary, options: Options) -> None:
        self.builder = builder
        self.layout = layout
        self.vocabulary = vocabulary
        self.options = options
        self.indents: list[float] = []  # left edges of the open list levels
        self.header: str | None = None  # the current table's first row

    def emit(self, block: _Pending) -> None:
        text, glyph = _block_text(block, self.vocabulary, self.options)
        first = block.lines[0]
        spans = _merged_spans([line.span for line in block.lines])
        if not text:
            for span in spans:  # a bullet with nothing after it: set aside, never an empty block
                self.builder.drop(span, "empty-item")
            return
        kind, level, depth = block.kind, 0, 0
        context: str | None = None
        flags: list[str] = []
        if kind is BlockKind.TABLE_ROW:
            if self.header is None:
                self.header = text
            else:
                context = self.header
        else:
            self.header = None
        if kind is BlockKind.HEADING:
            level = self.layout.levels.get(self.layout.heading_key(first), 1)
            flags.append("heading:inferred")
            self.indents.clear()
        elif kind is BlockKind.PARAGRAPH and (first.bullet or glyph or split_label(text)[0] is not None):
            kind = BlockKind.LIST_ITEM
            margin = 0.5 * first.size
            while self.indents and self.indents[-1] > first.x0 + margin:
                self.indents.pop()
            if not self.indents or first.x0 > self.indents[-1] + margin:
                self.indents.append(first.x0)
            depth = len(self.indents) - 1
        elif kind is BlockKind.PARAGRAPH and (not self.indents or first.x0 <= self.indents[0] + 0.5 * first.size):
            self.indents.clear()  # a paragraph at the list's margin ends it
        self.builder.block(kind, text, spans, level=level, depth=depth, context=context, flags=flags)


def _merged_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of consecutive source lines merged into one (only line breaks between them)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start - merged[-1][1] <= 2:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _build(pages: Sequence[_Page], options: Options) -> Document:
    """The document: every line appended to the source (furniture dropped), blocks from the rest."""
    builder = SourceBuilder()
    for page in pages:
        for number, line in enumerate(page.lines):
            # an empty line after each page, so that the source shows where pages end
            line.span = builder.append(line.text, separator="\n\n" if number == len(page.lines) - 1 else "\n")
            if line.furniture is not None:
                builder.drop(line.span, line.furniture)
    layout = _Layout(pages)
    _column_edges(pages, layout)
    body = [line for page in pages for line in page.lines if line.furniture is None]
    layout.indents = _first_line_indents(body, layout)
    emitter = _Emitter(builder, layout, _Vocabulary(line.text for line in body), options)
    notes = _footnotes(pages, layout)
    set_aside = {id(line) for lines in notes.values() for line in lines}
    for group in _blocks([line for line in body if id(line) not in set_aside], layout, options, notes):
        emitter.emit(group)
    return builder.build("pdf")


def _blocks(
    body: Sequence[_Line], layout: _Layout, options: Options, notes: dict[int, list[_Line]]
) -> Iterator[_Pending]:
    """The lines' blocks in reading order; a page's footnotes (``notes``: by the id of the
    line they follow) after the block that runs on past them (a paragraph the page broke
    goes on over its footnotes)."""
    block: _Pending | None = None
    waiting: list[_Line] = []
    for line in body:
        if block is not None and _continues(block, line, layout, options):
            block.blank_lines.append(layout.empty_lines(block.lines[-1], line) if block.kind is BlockKind.CODE else 0)
            block.lines.append(line)
        else:
            if block is not None:
                yield block
            if waiting:
                yield from _blocks(waiting, layout, options, {})
                waiting = []
            block = _Pending(layout.kind(line), line)
        waiting.extend(notes.get(id(line), ()))
    if block is not None:
        yield block
    if waiting:
        yield from _blocks(waiting, layout, options, {})


def _footnotes(pages: Sequence[_Page], layout: _Layout) -> dict[int, list[_Line]]:
    """Each page's footnotes, by the id of the body line they follow: the run of lines
    ending the page (furniture aside) set smaller than the text (a tenth or more),
    under a line of the text's size, none of them a table's or code."""
    notes: dict[int, list[_Line]] = {}
    for page in pages:
        lines = [line for line in page.lines if line.furniture is None]
        start = len(lines)
        while start > 0 and _small_print(lines[start - 1], layout):
            start -= 1
        if 0 < start < len(lines) and layout.is_body(lines[start - 1]):
            notes[id(lines[start - 1])] = lines[start:]
    return notes


def _small_print(line: _Line, layout: _Layout) -> bool:
    return not line.mono and line.cells is None and line.size <= 0.9 * layout.body


# -- entry point -------------------------------------------------------------------


def read_pdf(data: bytes, *, path: str | None = None, options: Options | None = None) -> Document:
    """Read a PDF file's bytes into a :class:`Document` (format ``"pdf"``).

    Raises :class:`~conceptdiff.InputTooLargeError` when the file inflates to
    more than :attr:`Options.max_input_bytes` (checked before PDFium sees it)
    or holds more pages or characters than that allows, and
    :class:`~conceptdiff.NotTextError` when pypdfium2 is missing, or the file
    is encrypted, damaged or has no text layer.
    """
    options = options or Options()
    _check_inflated_size(data, options.max_input_bytes, path)
    pages = _read_pages(data, path, options)
    _mark_furniture(pages, options)
    return _build(pages, options)
