"""Debian machine-readable copyright files (DEP-5) -> blocks.

A ``debian/copyright`` file in the format of
https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/ is a list
of stanzas of fields: a field starts at the margin with its name and a colon
(``Files:``, ``Copyright:``, ``License:``), its continuation lines are
indented, and a continuation line holding only ``.`` stands for a blank line
inside the field's text.  Read as a careful reader reads it:

* a field and its continuation lines are one paragraph (``Copyright: 2001-2018,
  Xiph.Org 2001-2018, Skype Limited``), the field's name kept in its text;
* a ``License:``, ``Comment:`` or ``Disclaimer:`` field that carries a text
  below its first line is that line, then the text's paragraphs (split at the
  ``.`` lines; a paragraph whose lines open with a bullet or a number label
  is one list item per marker); a ``Comment:`` or ``Disclaimer:`` has no
  synopsis, so its first line opens its first paragraph (unless it ends a
  sentence, leads in with a colon, or is one word).  A stanza that is a
  licence's text alone (its first field ``License:``) is titled by that first
  line, a heading;
* the ``.`` lines are markup, and so are the rules ("-----") that set a
  comment's parts apart; nothing else is set aside.  A file repeats
  ``License: BSD-2-clause`` in every stanza it applies to: the repeats are its
  text, not a scraper's copies.

>>> text = '''Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
... Upstream-Name: opus
...
... Files: *
... Copyright: 2001-2018, Xiph.Org
...  2001-2018, Skype Limited
... License: BSD-3-clause
...
... License: BSD-3-clause
...  Redistribution and use are permitted provided that the following
...  conditions are met:
...  .
...  - Redistributions of source code must retain the above copyright
...    notice.
...  - Neither the name of the Foundation nor its contributors may be used.
... '''
>>> for block in read_debian_copyright(text).blocks:
...     print(block.kind.value, repr(block.text))
paragraph 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/'
paragraph 'Upstream-Name: opus'
paragraph 'Files: *'
paragraph 'Copyright: 2001-2018, Xiph.Org 2001-2018, Skype Limited'
paragraph 'License: BSD-3-clause'
heading 'License: BSD-3-clause'
paragraph 'Redistribution and use are permitted provided that the following conditions are met:'
list_item 'Redistributions of source code must retain the above copyright notice.'
list_item 'Neither the name of the Foundation nor its contributors may be used.'
"""

from __future__ import annotations

import re

from conceptdiff.read._document import Block, BlockKind, Document, fill_gaps
from conceptdiff.read._labels import bullet_length, split_label

__all__ = ["looks_like_debian_copyright", "read_debian_copyright"]

_FORMAT_RE = re.compile(
    r"\A(?:[ \t]*\r?\n)*Format(?:-Specification)?:[ \t]*\S*(?:copyright-format|dep5|DEP-5|/dep/5)", re.IGNORECASE
)
_FIELD_RE = re.compile(r"([!-9;-~][!-9;-~]*):(?:[ \t]|$)")
# Fields whose continuation lines are a text of paragraphs: "License" under a first-line synopsis
# (the licence's name), the others with none (their first line opens the text, DEP-5's "formatted
# text, no synopsis").
_TEXT_FIELDS = frozenset({"license", "comment", "disclaimer"})
_NO_SYNOPSIS = frozenset({"comment", "disclaimer"})
_HYPHENATED_RE = re.compile(r"([A-Za-z]+)-$")
_RULE_RE = re.compile(r"([-=_*~#])\1{3,}")  # "----------" setting a text's parts apart
_WORD_START_RE = re.compile(r"[A-Za-z]+")


def _marker(text: str) -> tuple[str | None, int] | None:
    """The list marker opening ``text``: its label (``None`` for a bullet) and
    length, or ``None`` when the line opens no item (the readers' shared
    patterns, :mod:`conceptdiff.read._labels`)."""
    length = bullet_length(text)
    if length:
        return None, length
    label, _, length = split_label(text)
    return (label, length) if label is not None else None


_CLAUSE_END_RE = re.compile(r"(?:[.;:!?][\"'”’)]*|[;,][ \t]+(?:and|or))$")


def _opens_item(text: str, previous: str) -> bool:
    """Does line ``text`` of a list paragraph open the next item?  A bullet
    always does; a number label only after a line that ended a clause ("...
    directive); and" + "7. other similar rights"; a wrapped "... under
    Section" + "2.1 of this License" goes on)."""
    marker = _marker(text)
    if marker is None:
        return False
    return marker[0] is None or _CLAUSE_END_RE.search(previous) is not None


def looks_like_debian_copyright(text: str) -> bool:
    """Does ``text`` open with a DEP-5 ``Format:`` field?

    >>> looks_like_debian_copyright("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\\n")
    True
    >>> looks_like_debian_copyright("Format: A4 paper\\n")
    False
    """
    return _FORMAT_RE.match(text[:300]) is not None


class _Line:
    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def read_debian_copyright(source: str) -> Document:
    """Read a DEP-5 copyright file (see the module's rules)."""
    reader = _Reader(source)
    reader.run()
    blocks = sorted(reader.blocks, key=lambda block: block.start)
    dropped = fill_gaps(source, [span for block in blocks for span in block.spans], "markup")
    return Document(source, "debian-copyright", tuple(blocks), tuple(dropped))


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.words = {word.casefold() for word in re.findall(r"[A-Za-z][A-Za-z-]*", source)}

    def run(self) -> None:
        field: list[_Line] = []  # the current field: its first line, then its continuation lines
        first_in_stanza = True
        stanza_opens_with_license = False
        offset = 0
        for raw in self.source.splitlines(keepends=True):
            content = raw.rstrip("\r\n")
            stripped = content.strip()
            start = offset + len(content) - len(content.lstrip())
            line = _Line(start, start + len(stripped), stripped)
            offset += len(raw)
            if not stripped:  # a blank line ends the field and the stanza
                self.field(field, stanza_opens_with_license)
                field, first_in_stanza = [], True
                continue
            if content[:1] in (" ", "\t") and field:
                field.append(line)
                continue
            self.field(field, stanza_opens_with_license)
            field = [line]
            match = _FIELD_RE.match(stripped)
            if first_in_stanza:
                stanza_opens_with_license = match is not None and match.group(1).casefold() == "license"
                first_in_stanza = False
        self.field(field, stanza_opens_with_license)

    def field(self, lines: list[_Line], licence_stanza: bool) -> None:
        if not lines:
            return
        first, rest = lines[0], lines[1:]
        match = _FIELD_RE.match(first.text)
        name = match.group(1).casefold() if match else ""
        if name not in _TEXT_FIELDS or not rest:
            self.paragraphs([[line for line in lines if line.text != "."]], BlockKind.PARAGRAPH)
            return
        heading = name == "license" and licence_stanza
        value = first.text[match.end() :].strip() if match else ""
        # A text with no synopsis opens on the field's line ("Comment: This is the Debian GNU/Linux
        # packaged version of the GNU core" + "utilities."), or under its name alone; a first line that
        # ends a sentence or leads in ("Written by:"), or is one word (a licence's name put there),
        # stands apart.
        opens = name in _NO_SYNOPSIS and (not value or (" " in value and not value.endswith((".", "!", "?", ":"))))
        paragraphs: list[list[_Line]] = [[first] if opens else []]
        if not opens:
            self.emit([first], BlockKind.HEADING if heading else BlockKind.PARAGRAPH)
        for line in rest:
            # A blank line; in a comment, a rule setting its parts apart (a licence's text keeps its
            # rules: MPL 2.0 frames its disclaimers with them, its headings are underlined).
            if line.text == "." or (name in _NO_SYNOPSIS and _RULE_RE.fullmatch(line.text)):
                paragraphs.append([])
            else:
                paragraphs[-1].append(line)
        self.paragraphs(paragraphs, BlockKind.PARAGRAPH)

    def paragraphs(self, paragraphs: list[list[_Line]], kind: BlockKind) -> None:
        """Each paragraph a block; one whose lines open with list markers, one item per marker."""
        for paragraph in paragraphs:
            if not paragraph:
                continue
            if _marker(paragraph[0].text) is None:
                self.emit(paragraph, kind)
                continue
            item: list[_Line] = []
            for line in paragraph:
                if item and _opens_item(line.text, item[-1].text):
                    self.emit(item, BlockKind.LIST_ITEM)
                    item = []
                item.append(line)
            self.emit(item, BlockKind.LIST_ITEM)

    def emit(self, lines: list[_Line], kind: BlockKind) -> None:
        if not lines:
            return
        texts = [line.text for line in lines]
        label = None
        marker = _marker(texts[0]) if kind is BlockKind.LIST_ITEM else None
        if marker is not None:
            label, length = marker
            texts[0] = texts[0][length:]
        text = texts[0]
        for piece in texts[1:]:
            text = self.joined(text, piece)
        text = " ".join(text.split())
        if not text:
            return
        span = (lines[0].start, lines[-1].end)
        level = 1 if kind is BlockKind.HEADING else 0
        self.blocks.append(Block(kind, text, (span,), level=level, label=label))

    def joined(self, text: str, piece: str) -> str:
        """``text`` and its next line, a word hyphenated across them mended
        unless the document writes the compound elsewhere ("fur-" + "nished")."""
        hyphen = _HYPHENATED_RE.search(text[-40:])
        head = _WORD_START_RE.match(piece)
        if hyphen and head and head.group(0)[:1].islower():
            left, right = hyphen.group(1), head.group(0)
            if f"{left}-{right}".casefold() not in self.words or (left + right).casefold() in self.words:
                return text[:-1] + piece
        return f"{text} {piece}"
