"""Plain-text reader: a layout model of the page -> blocks.

Plain text carries its structure in its layout only, so this reader first
infers, per document, how the page was laid out, then reads every line
against that model.  It works in three passes, each linear in the input:

1. **Lines.**  The text is cut into lines (any line ending; a form feed is a
   page break).  Page furniture (running headers and footers in any
   capitalization, page numbers), tables of contents and the frames of boxed
   text (``*****`` rules, a ``*`` or ``|`` at both ends of each line) are set
   aside here, so that the next pass reads the text as if it had no pages and
   no frames.
2. **Blocks.**  The layout model: the width the text was wrapped at (none for
   one paragraph a line), whether paragraphs are separated by blank lines or
   by first-line indents.  **A line continues its block unless there is
   positive evidence of a boundary**: a blank line; a bullet or a number label
   at the block's indentation; a heading (Markdown ``#``, an underline, a
   short stand-alone line in title case or capitals, a centred title line);
   a line that ended well short of the wrap width after a sentence end; a
   first-line indent after a sentence end; the end of a hanging indent.  A
   sentence is never cut at a wrap, whatever its next line starts with
   (``... under this`` + ``License to anyone ...``); words hyphenated across
   a line end are mended unless the document writes the compound; a paragraph
   broken by a page break mid-sentence is rejoined.
3. **Repairs**, for text scraped from web pages (each on evidence only): a
   heading glued to the end or the start of a paragraph is split off, a list
   item whose tail repeats the next item is cut, an item that lost its bullet
   becomes an item again, spaced-out letters are rejoined; headings are told
   from their layout and nested by their label style.

In a reStructuredText file (``rst=True``), inline markup is taken off and
``::`` literal blocks and directives are read as code and markup.

>>> document = read_plain('''                 GNU LICENSE
...
...   1. You must license the entire work, as a whole, under this
... License to anyone who comes into possession of a copy.
...
...   2. NO WARRANTY.  THE PROGRAM IS PROVIDED "AS IS" WITHOUT
... WARRANTY OF ANY KIND.
... ''')
>>> for block in document.blocks:
...     print(block.kind.value, block.label, repr(block.text))
heading None 'GNU LICENSE'
list_item 1 'You must license the entire work, as a whole, under this License to anyone who comes into
             possession of a copy.'
list_item 2 'NO WARRANTY. THE PROGRAM IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND.'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator

import attrs

from conceptdiff.model import DroppedSpan
from conceptdiff.normalize import normalize_text
from conceptdiff.options import Options
from conceptdiff.read import _paged as paged
from conceptdiff.read import _scraped as scraped
from conceptdiff.read._document import (
    FIELD_RE,
    NOTICE_RE,
    TITLE_PAGE_DETAIL_RE,
    Block,
    BlockKind,
    Document,
    code_text,
    field_runs,
)
from conceptdiff.read._inline import collapse as collapse_space
from conceptdiff.read._inline import strip_rst_markup
from conceptdiff.read._labels import BULLET_RE, BULLET_STARTS, label_style, split_label
from conceptdiff.read._terminal import looks_formatted, render

__all__ = ["read_plain"]

_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]+(?=\S)")
_UNDERLINE_RE = re.compile(r"([=\-~^\"'`#*+_])\1{2,}")
_DRAWN_RE = re.compile(r"[-=+|]{3,}")  # a line drawn with rule characters only (tables read theirs first)
_SPACED_RULE_RE = re.compile(r"([-=~*_#])(?:[ \t]+\1){2,}")  # a rule spaced out: "= = = = =", "* * *"
# A title framed by rules on its line: "---- Full license text follows ----", "*** IMPORTANT ***".
_FRAMED_TITLE_RE = re.compile(r"([-=~*#])\1{2,}[ \t]+(\S(?:.*\S)?)[ \t]+\1{3,}")
_FENCE_RE = re.compile(r"(?:```|~~~)[\w+-]{0,20}")
_QUOTE_PREFIX_RE = re.compile(r"(?:>[ \t]?){1,6}")
#: A line starting with none of these is no fence, underline, quotation or heading (a hot path's pre-check).
_MARKUP_STARTS = frozenset("`~=-^\"'#*+_>|")
_TERMINAL_RE = re.compile(r"[.!?:;][\"'”’»)\]*_]*$")
_SENTENCE_END_RE = re.compile(r"[.!?;][\"'”’»)\]*_]*$")
_HYPHEN_END_RE = re.compile(r"(\w+)-$")
# A prefix English writes with its hyphen: a word broken after it keeps it ("self-" + "contained").
_HYPHEN_PREFIXES = frozenset({"self"})
_WORD_HYPHEN_END_RE = re.compile(r"\w-$")  # searched in a text's last 3 characters: "$" may stand before a "\n"
_ENDS_IN_NUMBER_RE = re.compile(r"(?:^|\s)[0-9]{1,4}$")
_STARTS_WITH_NUMBER_RE = re.compile(r"[0-9]{1,4}\s")
_WORD_START_RE = re.compile(r"[^\W\d_]\w*")
# A name broken at a hyphen after its version: a digit ("python3-") or a dotted part ("pythonX.Y-").
_VERSIONED_END_RE = re.compile(r"(?:[0-9]|\w\.\w+)-$")
# A path or an address ending a line with a slash ("/usr/share/", "https://example.org/docs/"), and
# the rest of it on the next line: a name's characters, up to white space.
_PATH_END_RE = re.compile(r"(?:^|\s)(?:~|\.{1,2}|[a-z][a-z0-9+.-]*:/|[\w.-]*)?/(?:[\w.+-]+/)*$")
_PATH_GOES_ON_RE = re.compile(r"[\w.-]+(?:/[\w.+-]*)*(?:[.,;:)]?(?:\s|$))")
_VOCABULARY_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Patterns anchored at the end ($) are searched in a text's last characters only
# (a search tries every position: on a whole line that is most of a line's cost).
# A label inside a line: " A. ", " 12. ", " IV. " (for headings glued into a heading line).
_INNER_LABEL_RE = re.compile(r"(?<=\s)([A-Z]|[0-9]{1,3}|[IVXLC]{1,6})\.[ \t]+(?=\S)")
_TRAILING_NUMBER_RE = re.compile(r"[^\s0-9][ \t]+([0-9]{1,4})$")
# A one-line block shorter than this share of the wrap width, the next line's first word fitting
# after it, ends before a capital: no wrap leaves three fifths of a line empty.
_TERM_SHARE = 0.4
# A definition list's term (of at most _TERM_WORDS words, in _TERM_RE's characters) has its
# definition set in under it by this many columns or more.
_DEFINITION_STEP = 3
# A line ending with one of these stops mid-sentence: the next line goes on with it.
_OPEN_END_WORDS = scraped.FUNCTION_WORDS | frozenset(
    "this that these those its their our your his her any each every such no some all both either neither "
    "is are was were be been being shall will may must can could would should not than".split()
)
# Editor settings kept in a file: Emacs's file variables block, a Vim modeline.
_EMACS_OPEN_RE = re.compile(r"(?:[#;%/*!.-]{1,3}[ \t]*)?Local [Vv]ariables:[ \t]*(?:[*/-]{1,3})?")
_EMACS_END_RE = re.compile(r"(?:[#;%/*!.-]{1,3}[ \t]*)?End:[ \t]*(?:[*/-]{1,3})?")
_VIM_MODELINE_RE = re.compile(
    r"(?:[#;%/*!.\"-]{1,3}[ \t]*)?vim?:[ \t]*(?:set?[ \t]+(?=[a-z])|(?=[^\n]*=))"
    r"[a-z]+(?:=\S+)?(?:[ \t:]+[a-z]+(?:=\S+)?)*:?[ \t]*(?:[*/-]{1,3})?"
)
# A line of code: a call, an assignment or comparison, a statement, a comment, a brace, a prompt.
# Read by _code_line, in two parts: what a line of code opens with (matched at its start) and the
# marks code leaves anywhere in a line (searched only in a line that holds one of their characters:
# searching every line of prose for them was a sixth of the time a plain text took to read).
_CODE_START_RE = re.compile(
    r"""
    [{}] | >>>[ \t] | \$[ \t]
    | (?:[A-Z][a-z]*:[ \t]+)?  # after a "Yes:" or "No:" that sets an example apart
      (?:def|class|import|from[ \t]+\S+[ \t]+import|return|raise|elif|else:|try:|except|finally:|while
         |for[ \t]+\w+[ \t]+in)\b
    | (?:[A-Z][a-z]*:[ \t]+)?(?:if|with)\b.*:$ | (?:\#|//|/\*)
    | (?:if|while|for|switch)[ \t]*\(.*\)[ \t]*\{?$  # a C-like condition on its line: "if (this)"
    | (?:struct|union|enum|const|static|extern|unsigned|int|char|long|short|float|double|void|size_t)[ \t]
      [^;]*;[ \t]*(?:/\*.*)?$  # a C declaration: "struct jpeg_error_mgr jerr;"
    | [A-Z][A-Z0-9_]+[ \t]+\*?[A-Za-z_]\w*(?:\[\w*\])?[ \t]*(?:=[^;]*)?;  # of a type in capitals: "FILE *outfile;"
    | \$[A-Za-z_{(] | \#! | \.\.?/[\w.-]+(?:[ \t]|$)  # a script run by its path
    | @[a-z]+[ \t]+\S  # a configuration's directive: "@include common-auth"
    | (?:case|esac|fi|then|done|else|exec|export|echo|printf|exit|sudo|make|cd|ls|cp|mv|rm|mkdir|chmod|tar
         |git|pip3?|npm|apt(?:-get)?|dpkg|python3?|perl|sh|bash|curl|wget)(?:[ \t]|$)
    | [a-z][\w.-]*(?:[ \t]+\S+){0,4}?[ \t]+(?:-[A-Za-z]\b|/[\w.-]+/\S*|<[\w-]+>)(?:[ \t]+\S+){0,4}[ \t]*$  # a command
    """,
    re.VERBOSE,
)
_CODE_MARK_RE = re.compile(
    r"""
    [A-Za-z_]\w*\([^()]*\)?\s*[:;{]?\s*(?:\#.*)?$   # a call or a signature ending its line
    | [\w\])\x27"][ \t]*(?:[-+*/%|&^]?=|==|!=|<=|>=|=>|->)[ \t]*[\w(\[{\x27"-]
    | [{}][ \t]*$ | \\$ | \"{3} | \x27{3} | [ \t]\#[ \t] | && | [ \t]--[a-z]
    """,
    re.VERBOSE,
)
# The characters and pairs one of _CODE_MARK_RE's marks needs (a line of prose mostly holds none).
_CODE_MARK_CHARS = frozenset("(=>{}#\\")
_CODE_MARK_PAIRS = ('"""', "'''", "&&", "--")


def _code_line(text: str) -> bool:
    """Does a line read as code: a call, an assignment or comparison, a statement, a comment, a brace,
    a prompt, a command?

    >>> _code_line("x = compute(y)"), _code_line("if (ready) {"), _code_line("Use it (see below) wisely.")
    (True, True, False)
    """
    if _CODE_START_RE.match(text) is not None:
        return True
    if _CODE_MARK_CHARS.isdisjoint(text) and not any(pair in text for pair in _CODE_MARK_PAIRS):
        return False
    return _CODE_MARK_RE.search(text) is not None


# A line of at most this many words, alone between blank lines and ending in no mark, is a term or a
# title, not the end of a sentence a blank line broke.
_TERM_WORDS = 4
# A definition list's term: words, none of code's marks ("#if X >= 1" is no term), or the numbers of
# sections ("3.8", "6.5 & 6.6").
_SECTIONS_TERM_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3})+(?:[ \t]*(?:&|and|,)[ \t]*[\w.]+)*")
_TERM_RE = re.compile(r"[^\W\d][\w.'’/+ -]*[^\W_]|" + _SECTIONS_TERM_RE.pattern)
# A text whose median line of prose is this long was not wrapped: its lines are paragraphs.
_LONG_LINE = 120
# A line opening a copyright notice ("Copyright (C) 2007", "Copyright 2008 John Smith",
# "COPYRIGHT NOTICE"), not one a wrap began with the word ("Copyright field, but ...").
_NOTICE_LINE_RE = re.compile(r"(?:Copyright|COPYRIGHT)\b(?![ \t]+[a-z])|©|\([Cc]\)[ \t]")
_RESERVED_LINE_RE = re.compile(r"All[ \t]+rights[ \t]+reserved\.?", re.IGNORECASE)
# A numbered line alone with the text under it set in further is a section's title of at most this many words.
_SECTION_TITLE_WORDS = 8
# A text with a blank line after this share of its lines or more sets every line
# apart (an extraction that wrote each run of a PDF's text as a paragraph of its
# own): its blank lines say little of where paragraphs end.
_SPACED_LINES = 0.9
# A bracketed abbreviation opening a line ("(IMF), and the private sector ...")
# goes on with the line before it ("... the International Monetary Fund").
_BRACKETED_ABBREVIATION_RE = re.compile(r"\([A-Z][A-Za-z.&-]*[A-Z]\)(?=[,;:.]?(?:\s|$))")
_FIELD_LINE_RE = FIELD_RE  # a header's field: "Status: Active"
# A field whose name is a few words ("Bug reports: https://bugs.gnupg.org"), its value on its line.
_NAMED_FIELD_RE = re.compile(r"[A-Z][\w-]*(?:[ \t][\w()-]+){0,3}:[ \t]+\S")
# A field with its value on its line; not a licence's name, whose text under it is the licence.
_FIELD_VALUE_RE = re.compile(r"(?!Licen[cs]e:)[A-Z][\w-]*:[ \t]+\S")
_POSSESSIVE_RE = re.compile(r"\w['’]s$")
# An entry of a list of terms (a function's arguments): a term of up to three words, a colon, its text.
_TERM_ENTRY_RE = re.compile(r"[A-Za-z_][\w*.-]*(?: [\w*.-]+){0,2}:[ \t]+\S")
# An item of a list ends with the list's conjunction: "...; and" + blank + "(d) ..." or a new paragraph.
_LIST_CONJUNCTION_RE = re.compile(r"[;,][ \t]+(?:and|or)$")


def _open_word(word: str) -> bool:
    """Does a line ending in ``word`` leave its phrase open: a function word
    ("the", "of", "shall") or a possessive ("America's" + "International
    Strategy")?"""
    return word.casefold() in _OPEN_END_WORDS or _POSSESSIVE_RE.search(word) is not None


# reStructuredText's explicit markup: a directive (its name in group 1), a comment, a target.
_RST_EXPLICIT_RE = re.compile(r"\.\.(?:[ \t]+([\w-]+)::|[ \t]|$)|__[ \t]+\S")  # "__ url": an anonymous target
_RST_OPTION_RE = re.compile(r":[\w-]+:(?:[ \t].*)?")
# The target of a toctree entry or of a reference: " </policy/CMP0142>" at the end of its title.
_TOCTREE_TARGET_RE = re.compile(r"[ \t]*<[^<>\s]+>$")
# A field of a reStructuredText field list: ":name: value" (a name may hold spaces).
_RST_FIELD_RE = re.compile(r":(?![ \t])[^:\n]{1,60}(?<![ \t]):(?:[ \t]|$)")
# A web address: it starts a line in lower case without continuing a sentence.
_URL_RE = re.compile(r"(?:https?://|www\.|ftp://)\S", re.IGNORECASE)
# A line inside a box: the same frame character at both ends, white space inside them.
# A line set in a comment: its indent (group 1) and leader (group 2), a space or nothing after it.
_COMMENTED_RE = re.compile(r"([ \t]*)(#|//)(?=[ \t]|$)")
# A block comment's lines: its opening "/*" (or "/**") and closing "*/" alone on their lines, and
# the star each line between them starts with (group 1: the star's column).
_BLOCK_COMMENT_OPEN_RE = re.compile(r"[ \t]*/\*+[ \t]*")
_BLOCK_COMMENT_CLOSE_RE = re.compile(r"[ \t]*\*+/[ \t]*")
_BLOCK_COMMENT_LINE_RE = re.compile(r"([ \t]*)\*(?=[ \t]|$)")


def _unstarred(line: str) -> str:
    """``line`` with its block comment's star (if it starts with one) made a space, in place."""
    return _BLOCK_COMMENT_LINE_RE.sub(r"\1 ", line, count=1)


# Prose: a few words of letters in a row (what a comment of code seldom holds).
_PROSE_RE = re.compile(r"[ \t]*(?:[^\W\d_]+[,;]?[ \t]+){5}[^\W\d_]")
# A field of a control file or a mail header shown as an example: "Build-Depends: python2.7",
# "Template: hostname", "Files:" (a capitalized name without spaces, a colon, its value or
# nothing; not a commit's "setup: fix ...").  Set in under a lead-in, a copyright file's own
# "Copyright: 1998 ..." lines are no example (``_Blocks.indented_code``).
_FIELD_CODE_RE = re.compile(r"[A-Z][\w.-]*:(?:[ \t]+\S|$)")
# A comment's frame: "#####", "/*****", "//////".
_COMMENT_FRAME_RE = re.compile(r"(?:#{3,}|/\*{3,}|/{3,}|\*{3,}/?)")
# A file's path alone on its line: "/usr/share/perl6", "~/.config/app/".
_PATH_LINE_RE = re.compile(r"~?/[\w.+-]+(?:/[\w.+-]+)*/?")
# A lead-in's end: a colon, perhaps a footnote's mark after it ("... build target: ^[7]").
_LEAD_IN_END_RE = re.compile(r":[ \t]*(?:\^?\[[0-9]{1,3}\])?$")
# A line of words leading into what follows it ("Alternatively using sudo and make:", "for example:").
_LEAD_IN_RE = re.compile(r"[^\W\d_]+(?:,?[ \t]+[^\W\d_][\w'’-]*){1,12}:")
# A capitalized word alone before a colon, nothing after it: "Example:", "Examples:" (a label, where
# "For example:" under a sentence goes on with its paragraph).
_LEAD_WORD_RE = re.compile(r"[A-Z][a-z]+:")
# The words that open a line of code which ends with a colon ("if x:", "class Foo:").
_CODE_OPENERS = frozenset("if elif else for while try except finally with class def case switch do".split())


def _reads_as_prose(text: str) -> bool:
    """Does a line read as prose rather than code: words in a row that no code
    marks, or a lead-in ending with a colon that no keyword opens?"""
    if _code_line(text):
        return False
    if _PROSE_RE.match(text):
        return True
    if _LEAD_IN_RE.fullmatch(text) is None:
        return False
    first = text.split(None, 1)[0].casefold()
    return first not in _CODE_OPENERS or (first == "for" and " in " not in text)  # "for example:"


_FRAMED_RE = re.compile(r"([ \t]*)([*|#])(?:[ \t]*|[ \t].*[ \t])\2[ \t]*")
# A capitalized word (where no word character stands before it: ``_Names``).
_CAPITALIZED_RE = re.compile(r"[A-Z][a-z]{1,30}\b")
_WORD_CHAR_RE = re.compile(r"\w")
_FIRST_WORD_RE = re.compile(r"\s*(\S+)")
_LETTER_RE = re.compile(r"[^\W\d_]")
_REFERENCE_WORDS = frozenset(
    "article articles section sections paragraph paragraphs chapter part point points item items annex "
    "clause clauses page pages no. number rule rules schedule appendix title and or of to in see under "
    "than by with on at from".split()
)
# -- pass 1: lines ---------------------------------------------------------------


@attrs.define
class _Line:
    """A line's content: ``text == source[start:end]``, stripped."""

    start: int
    end: int
    text: str
    page_break: bool = False  # page furniture or a form feed stood just before it
    indent: int = 0  # the column its text starts at on its physical line (tabs to every eighth column)
    lead: int = 0  # how many white-space characters stand before the text


# A title's number, and a "Chapter" word before it: "Chapter 1. ", "2.1 ", "IV. ".
_TITLE_NUMBER_RE = re.compile(
    r"(?:(?:chapter|section|part|appendix|annex|article|table|figure|example)[ \t\u00a0]+)?"
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[ivxlc]{1,6}|[a-z])[.)]?[ \t\u00a0]+",
    re.IGNORECASE,
)


# An entry of an outline: a section's number ("2.1.1.2.", "3.") and a short title, nothing after.
_OUTLINE_ENTRY_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3})*\.?[ \t]+\S.{0,70}(?<![.;:,])")
_MIN_OUTLINE = 5
_MIN_BULLETED_OUTLINE = 3


def _names_later_headings(entries: list[tuple[int, _Line]], lines: list[_Line | None]) -> bool:
    """Does each entry (``(index, line)``, in order) name a line further on,
    after the one the entry before it names, that stands alone between blank
    lines as a heading does?  (A licence quoted twice, its lines bulleted as
    a comment's, names its own wrapped lines, which stand in a paragraph.)"""
    at = entries[-1][0]
    for _, entry in entries:
        key = _title_key(entry.text)
        at = next(
            (
                j
                for j in range(at + 1, len(lines))
                if (line := lines[j]) is not None
                and lines[j - 1] is None
                and (j + 1 == len(lines) or lines[j + 1] is None)
                and _title_key(line.text) == key
            ),
            -1,
        )
        if at < 0:
            return False
    return True


def _bulleted_title(line: _Line | None) -> _Line | None:
    """A bulleted line that reads as a title ("* Closing bug reports"), as the
    line of its title alone (its span from its bullet on), or None."""
    if line is None or line.text[:1] not in BULLET_STARTS:
        return None
    bullet = BULLET_RE.match(line.text)
    if bullet is None:
        return None
    title = line.text[bullet.end() :].strip()
    if not title or len(title) > 80 or title[-1] in ".;:," or split_label(title)[0] is not None:
        return None
    return attrs.evolve(line, text=title)


_CODE_SAMPLE = 60  # the lines of a block set in that tell whether it is code


def _title_key(text: str) -> str:
    """A title as tables of contents and headings share it: its number off, case and spacing folded."""
    stripped = text.strip()
    match = _TITLE_NUMBER_RE.match(stripped)
    return " ".join(stripped[match.end() if match else 0 :].casefold().split())


def _physical_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """Each line's start offset, its content, and whether a form feed ends it."""
    offset = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        yield offset, content, "\x0c" in line[len(content) :]
        offset += len(line)


def _text(line: _Line | None) -> str:
    return "" if line is None else line.text


def _indent(line: _Line | None) -> int:
    return 0 if line is None else line.indent


class _Lines:
    """Pass 1: lines with page furniture and tables of contents set aside."""

    def __init__(self, text: str, options: Options) -> None:
        self.text = text
        self.options = options
        self.dropped: list[DroppedSpan] = []
        self._titles: dict[str, list[int]] | None = None  # see names_a_later_line
        self._numbered: dict[str, list[tuple[int, str]]] = {}  # a section's number -> its lines (at, title key)

    def drop(self, start: int, end: int, reason: str) -> None:
        if end > start:
            self.dropped.append(DroppedSpan(start, end, reason, self.text[start:end]))

    def run(self) -> list[_Line | None]:
        """Content lines, and ``None`` for each blank line."""
        raw: list[tuple[int, str, bool]] = list(_physical_lines(self.text))
        if "*" in self.text or "|" in self.text:
            raw = self.unframe(raw)
        if "#" in self.text or "//" in self.text:
            raw = self.uncomment(raw)
        if "*" in self.text:
            raw = self.unstar(raw)
        if "¶" in self.text:
            raw = self.permalinks(raw)
        stripped = [content.strip() for _, content, _ in raw]
        lines: list[_Line | None] = []
        for (offset, content, _), core in zip(raw, stripped, strict=True):
            if not core:
                lines.append(None)
                continue
            lead = len(content) - len(content.lstrip())
            # The column the text starts at, a tab stopping at every eighth: the layout's, not the characters'.
            column = len(content[:lead].expandtabs(8)) if "\t" in content[:lead] else lead
            lines.append(_Line(offset + lead, offset + lead + len(core), core, indent=column, lead=lead))
        breaks = {index + 1 for index, (_, _, form_feed) in enumerate(raw) if form_feed}
        removed = self.editor_settings(lines)
        if self.options.drop_page_furniture:
            removed |= self.furniture(lines, stripped, breaks)
        if self.options.drop_table_of_contents and paged.may_hold_toc(
            [line.text for line in lines if line is not None]
        ):
            removed |= self.table_of_contents(lines, removed)
        if self.options.drop_table_of_contents:
            removed |= self.outline(lines, removed)
        kept: list[_Line | None] = []
        pending_break = False
        for index, line in enumerate(lines):
            pending_break = pending_break or index in breaks
            if index in removed:
                pending_break = True
                continue
            if line is not None and pending_break:
                line.page_break = True
                pending_break = False
            kept.append(line)
        return kept

    def editor_settings(self, lines: list[_Line | None]) -> set[int]:
        """An editor's settings kept in the file, set aside as markup: Emacs's
        file variables at its end (``Local Variables:`` ... ``End:``, a comment
        leader before each line or not) and a Vim modeline among its first or
        last five lines (``vim: set ts=8 sw=4:``)."""
        content = [(index, line) for index, line in enumerate(lines) if line is not None]
        removed: dict[int, _Line] = {}
        tail = content[-40:]  # Emacs looks for the block in the file's last 3,000 characters
        opening = next((at for at, (_, line) in enumerate(tail) if _EMACS_OPEN_RE.fullmatch(line.text)), None)
        if opening is not None:
            closing = next((at for at in range(opening, len(tail)) if _EMACS_END_RE.fullmatch(tail[at][1].text)), None)
            if closing is not None:
                removed.update(tail[opening : closing + 1])
        removed.update(
            (index, line) for index, line in content[:5] + content[-5:] if _VIM_MODELINE_RE.fullmatch(line.text)
        )
        for index in sorted(removed):
            self.drop(removed[index].start, removed[index].end, "markup")
        return set(removed)

    def unframe(self, raw: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
        """Boxed text: a run of three lines or more that start and end with the
        same frame character (``*``, ``|``, ``#``) at the same columns loses its
        frame (set aside as markup), so that the text inside reads as text."""
        framed: list[tuple[int, int, str] | None] = []  # (left column, right column, char) of each line
        for _, content, _ in raw:
            match = _FRAMED_RE.fullmatch(content)
            framed.append((len(match.group(1)), len(content.rstrip()) - 1, match.group(2)) if match else None)
        result = list(raw)
        index = 0
        while index < len(raw):
            frame = framed[index]
            end = index
            while (
                end < len(raw)
                and (here := framed[end]) is not None
                and frame is not None
                and here[2] == frame[2]
                and abs(here[0] - frame[0]) <= 1
                and abs(here[1] - frame[1]) <= 1
            ):
                end += 1
            if frame is None or end - index < 3:
                index += 1
                continue
            if frame[2] == "|" and self.grid_row(raw, framed, index, end):
                index = end  # a grid's row of several lines ("|      | GNU Free ... |"): cells, no box
                continue
            for position in range(index, end):
                offset, content, form_feed = raw[position]
                left, right, _ = framed[position]  # type: ignore[misc]
                self.drop(offset + left, offset + left + 1, "markup")
                self.drop(offset + right, offset + right + 1, "markup")
                # The inner text keeps its place: the frame columns become spaces.
                result[position] = (offset, " " * (left + 1) + content[left + 1 : right], form_feed)
            index = end
        return result

    @staticmethod
    def grid_row(
        raw: list[tuple[int, str, bool]], framed: list[tuple[int, int, str] | None], index: int, end: int
    ) -> bool:
        """Are the framed lines ``raw[index:end]`` a grid's cells rather than a
        box: under a grid's rule (above them, no blank line between), with a
        bar inside at the same column on every line (the rule between two
        cells)?  A table of bars without rules, a box drawn around a title
        ("│ font server 1 │"), are read without their frame."""
        above = index - 1
        while above >= 0 and raw[above][1].strip() and not _GRID_BORDER_RE.fullmatch(raw[above][1].strip()):
            above -= 1
        if above < 0 or not raw[above][1].strip():
            return False
        columns: set[int] | None = None
        for position in range(index, end):
            content = raw[position][1]
            left, right, _ = framed[position]  # type: ignore[misc]
            bars = {at for at in range(left + 1, right) if content[at] == "|"}
            columns = bars if columns is None else columns & bars
            if not columns:
                return False
        return bool(columns)

    def permalinks(self, raw: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
        """A heading's permalink mark at the end of its line, as a page dumped to
        text keeps it (Sphinx's "¶": "2.1. Removal of the unversioned packages¶"),
        set aside as markup."""
        result = list(raw)
        for position, (offset, content, form_feed) in enumerate(raw):
            kept = content.rstrip()
            if kept.endswith("¶") and kept[:-1].strip():
                kept = kept[:-1].rstrip()
                self.drop(offset + len(kept), offset + len(content.rstrip()), "markup")
                result[position] = (offset, kept, form_feed)
        return result

    def uncomment(self, raw: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
        """Text set in comments: a run of three lines or more that start with
        the same comment leader (``#``, ``//``) at the same column, a line of
        prose among them, loses its leaders (set aside as markup), so that the
        text inside reads as text ("#  Redistribution and use in source and
        binary forms ..." in a licence copied from a source file); not the
        comments of an example set in under a lead-in ending with a colon, code
        under them ("# /etc/pam.d/other ..." over "@include common-auth")."""
        leaders: list[tuple[int, str] | None] = []
        for _, content, _ in raw:
            match = _COMMENTED_RE.match(content)
            leaders.append((len(match.group(1)), match.group(2)) if match else None)
        result = list(raw)
        index = 0
        while index < len(raw):
            leader = leaders[index]
            end = index
            while end < len(raw) and leader is not None and leaders[end] == leader:
                end += 1
            if leader is None or end - index < 3:
                index += 1
                continue
            column, mark = leader
            inner = [raw[position][1][column + len(mark) :] for position in range(index, end)]
            above = next((raw[at][1] for at in range(index - 1, -1, -1) if raw[at][1].strip()), "")
            below = next((raw[at][1] for at in range(end, len(raw)) if raw[at][1].strip()), "")
            if (
                above.rstrip().endswith(":")
                and len(above) - len(above.lstrip()) < column
                and len(below) - len(below.lstrip()) >= column
                and _code_line(below.strip())
                and _COMMENTED_RE.match(below) is None
            ):
                index = end  # an example's comments over its code, set in under a lead-in ("... fragments:")
                continue
            if any(_PROSE_RE.match(_unstarred(text)) for text in inner):
                for position, text in zip(range(index, end), inner, strict=True):
                    offset, content, form_feed = raw[position]
                    self.drop(offset + column, offset + column + len(mark), "markup")
                    result[position] = (offset, " " * (column + len(mark)) + text, form_feed)
            index = end
        return result

    def unstar(self, raw: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
        """Text set in a block comment: three lines or more that each start with a
        star, a third of them prose at least (two or more), either
        between a ``/*`` line and a ``*/`` line (each alone) or holding an empty
        comment line (a star alone) or its ``*/``: the stars, and the two lines,
        are set aside as markup, so that the text inside reads as text (a licence
        copied from a C source file's head: " * Redistribution and use in source
        and binary forms ..."; a copyright file quotes the comment's body), not as
        an item a line.  A list of items each marked with a star has no empty
        line in it.  A comment set in further than the text above it, or over
        code under a lead-in (an example's), keeps its stars: it is code."""
        result = list(raw)
        index = 0
        while index < len(raw):
            first = _BLOCK_COMMENT_LINE_RE.match(raw[index][1])
            if first is None:
                index += 1
                continue
            end = index
            while end < len(raw) and _BLOCK_COMMENT_LINE_RE.match(raw[end][1]) is not None:
                end += 1
            stars = range(index, end)
            opened = index > 0 and _BLOCK_COMMENT_OPEN_RE.fullmatch(raw[index - 1][1]) is not None
            closed = end < len(raw) and _BLOCK_COMMENT_CLOSE_RE.fullmatch(raw[end][1]) is not None
            empty = any(raw[at][1].strip() == "*" for at in stars)
            if len(stars) < 3 or not ((opened and closed) or empty):
                index = end
                continue
            inner = [_unstarred(raw[at][1]) for at in stars]
            prose = sum(1 for text in inner if _PROSE_RE.match(text))
            top = index - 1 if opened else index
            above = next((raw[at][1] for at in range(top - 1, -1, -1) if raw[at][1].strip()), "")
            below = next((raw[at][1] for at in range(end + closed, len(raw)) if raw[at][1].strip()), "")
            head = raw[top][1]
            # (a comment's star stands a space in from its "/*": no deeper than the text above it)
            set_in = bool(above) and len(head) - len(head.lstrip()) > len(above) - len(above.lstrip()) + 1
            example = set_in or (above.rstrip().endswith(":") and _code_line(below.strip()))
            if prose >= 2 and 3 * prose >= sum(1 for text in inner if text.strip()) and not example:
                for at in [index - 1] * opened + [end] * closed:
                    offset, content, form_feed = raw[at]
                    lead = len(content) - len(content.lstrip())
                    self.drop(offset + lead, offset + len(content.rstrip()), "markup")
                    result[at] = (offset, "", form_feed)
                for at, text in zip(stars, inner, strict=True):
                    offset, content, form_feed = raw[at]
                    star_at = len(content) - len(content.lstrip())
                    self.drop(offset + star_at, offset + star_at + 1, "markup")
                    result[at] = (offset, text, form_feed)
            index = end + closed
        return result

    def furniture(self, lines: list[_Line | None], stripped: list[str], breaks: set[int]) -> set[int]:
        keys: dict[int, str] = {}
        headers = paged.find_running_headers(
            stripped, repeats=self.options.running_header_repeats, keys=keys, page_breaks=len(breaks)
        )
        glued = paged.find_glued_headers(stripped)  # headers that never stand on a line of their own
        headers |= glued
        removed: set[int] = set()
        # The document's title may be what its running header repeats: its
        # first occurrence, on the first page and in plain capitalization, stays.
        first_page_end = min(
            [*breaks, *(i for i, text in enumerate(stripped) if text and paged.is_page_number(text))], default=0
        )
        seen: set[str] = set()
        lengths = {len(header) for header in headers}
        # A line holds a header at an edge only if its key starts or ends with a header's first or last
        # ``shortest`` letters: two set lookups tell most lines apart before cut_glued_header tries each length.
        shortest = min(lengths, default=0)
        starts = {header[:shortest] for header in headers}
        ends = {header[len(header) - shortest :] for header in headers}
        for index, line in enumerate(lines):
            if line is None:
                continue
            key = (keys.get(index) or paged.furniture_key(line.text)) if headers else ""
            if key in headers and key not in seen and not paged.is_toc_entry(line.text, after_toc_heading=False):
                seen.add(key)
                edges = line.text.split()
                numbered = any(paged.is_page_number(token) for token in (edges[0], edges[-1]))
                plain = not paged.odd_case(line.text) and not numbered
                if index < first_page_end and plain:
                    continue  # no page number, ordinary capitals: the title itself
            if key in headers:
                if not paged.is_header_content(line.text):  # "1. Measuring ..." under "Measuring ...": a heading
                    self.drop(
                        line.start, line.end, "page-number" if paged.is_page_number(line.text) else "running-header"
                    )
                    removed.add(index)
            elif headers and (key[:shortest] in starts or key[len(key) - shortest :] in ends):
                self.cut_glued_header(line, headers, key, lengths, glued)
        numbers: list[tuple[int, str]] = []
        for index, line in enumerate(lines):
            if line is None or index in removed or not paged.is_page_number(line.text):
                continue
            before = index == 0 or lines[index - 1] is None or (index - 1) in removed or index in breaks
            after = index + 1 >= len(lines) or lines[index + 1] is None or (index + 1) in removed
            after = after or (index + 1) in breaks
            styled = not line.text.isalnum()  # "- 12 -", "Page 3 of 10": never content
            if before or after or styled:
                self.drop(line.start, line.end, "page-number")
                removed.add(index)
                numbers.append((index, line.text))
        self.cut_glued_page_numbers(lines, numbers, removed)
        return removed

    def cut_glued_page_numbers(
        self, lines: list[_Line | None], numbers: list[tuple[int, str]], removed: set[int]
    ) -> None:
        """Cut a page number glued to the last line of its page (``... Heavily Indebted Poor 31``).

        Only a number the sequence of stand-alone page numbers leaves missing
        (23 between 21 and 25, by steps of 2) is cut, and only from a line
        followed by a blank line.
        """
        values = [(index, int(text)) for index, text in numbers if text.isdecimal()]
        if len(values) < 3:
            return
        steps = [b - a for (_, a), (_, b) in itertools.pairwise(values) if b > a]
        step = min(steps, default=0)
        if step not in (1, 2):
            return
        missing: dict[int, tuple[int, int]] = {}  # page number -> line range where it may stand
        for (first, a), (last, b) in itertools.pairwise(values):
            for value in range(a + step, b, step):
                missing[value] = (first, last)
        # One page before the first number found and one after the last.
        missing.setdefault(values[0][1] - step, (-1, values[0][0]))
        missing.setdefault(values[-1][1] + step, (values[-1][0], len(lines)))
        for index, line in enumerate(lines):
            if line is None or index in removed:
                continue
            if line.text.isdecimal() and int(line.text) in missing:
                # A page number alone between two lines of text (no blank line around it).
                if index < missing[int(line.text)][1]:
                    self.drop(line.start, line.end, "page-number")
                    removed.add(index)
                    del missing[int(line.text)]
                continue
            if index + 1 >= len(lines) or lines[index + 1] is not None:
                continue
            match = _TRAILING_NUMBER_RE.search(line.text[-12:])
            if match is None or int(match.group(1)) not in missing:
                continue
            first, last = missing[int(match.group(1))]
            if first < index < last:
                position = len(line.text) - len(line.text[-12:]) + match.start(1)
                self.drop(line.start + position, line.end, "page-number")
                line.text = line.text[:position].rstrip()
                line.end = line.start + len(line.text)
                del missing[int(match.group(1))]
                following = next((other for other in lines[index + 1 :] if other is not None), None)
                if following is not None:
                    following.page_break = True

    def cut_glued_header(self, line: _Line, headers: set[str], key: str, lengths: set[int], glued: set[str]) -> None:
        """Cut a running header with its page number glued to the start or the
        end of a content line (``National Security Strategy 12 iii. Title``).

        ``key`` is the line's :func:`~conceptdiff.read._paged.furniture_key`: it
        starts or ends with a header's key whenever the line holds one there (the
        key drops the page numbers), so that other lines cost a few set lookups
        (``lengths`` are the headers' keys' lengths).  A header of ``glued``
        (:func:`~conceptdiff.read._paged.find_glued_headers`) may also have its
        number first at the start of a line, or last at its end."""
        if not any(key[:length] in headers or key[-length:] in headers for length in lengths):
            return
        tokens = list(re.finditer(r"\S+", line.text[:160]))
        for count in range(2, min(len(tokens), 12)):
            head = line.text[: tokens[count - 1].end()]
            # The number must end the head: its last 8 characters decide (and a
            # false "^" there would need the whole slice to be that number); a
            # glued header (find_glued_headers) may have it first.
            numbered = _ENDS_IN_NUMBER_RE.search(head[-8:]) is not None
            if not (numbered or _STARTS_WITH_NUMBER_RE.match(head)) or count >= len(tokens):
                continue
            if paged.furniture_key(head) in (headers if numbered else glued):
                cut = tokens[count].start()
                self.drop(line.start, line.start + len(head), "running-header")
                line.start += cut
                line.text = line.text[cut:]
                line.page_break = True
                return
        tail_tokens = list(re.finditer(r"\S+", line.text[-160:]))
        shift = max(0, len(line.text) - 160)
        for count in range(2, min(len(tail_tokens), 12)):
            first = tail_tokens[-count]
            tail = line.text[shift + first.start() :]
            numbered = _STARTS_WITH_NUMBER_RE.match(tail) is not None
            if not (numbered or _ENDS_IN_NUMBER_RE.search(tail[-8:])) or count >= len(tail_tokens):
                continue
            if paged.furniture_key(tail) in (headers if numbered else glued):
                keep = line.text[: shift + first.start()].rstrip()
                self.drop(line.start + shift + first.start(), line.end, "running-header")
                line.text = keep
                line.end = line.start + len(keep)
                return

    def names_a_later_line(self, entry: _Line, index: int, lines: list[_Line | None]) -> bool:
        """Is ``entry`` (after a table of contents' heading, no page number) the
        title of a line further on, its number and a "Chapter" word aside
        ("1. Introduction" and "Chapter 1. Introduction" further on)?"""
        key = _title_key(entry.text)
        numbered = _SECTION_NUMBER_RE.match(entry.text)
        # (A sentence is no title; a numbered title may end with a full stop: "4.5. /usr/include : ... files.")
        if not key or len(entry.text) > 80 or (entry.text.rstrip()[-1:] in ".;," and numbered is None):
            return False
        if self._titles is None:
            self._titles, self._numbered = {}, {}
            for at, line in enumerate(lines):
                if line is not None and len(line.text) <= 80:
                    self._titles.setdefault(_title_key(line.text), []).append(at)
                if line is not None and (number := _SECTION_NUMBER_RE.match(line.text)) is not None:
                    self._numbered.setdefault(number.group(1), []).append((at, _title_key(line.text)))
        if numbered is None:
            return any(at > index for at in self._titles.get(key, ()))
        # A numbered entry names a later line of its number ("3.1. Purpose", not "3.3.1. Purpose"), its
        # title perhaps wrapped elsewhere than the heading's ("3.7.6. /etc/sgml : Configuration files
        # for SGML" + "(optional)"): that line begins as the entry does.
        return any(at > index and later.startswith(key) for at, later in self._numbered.get(numbered.group(1), ()))

    def outline(self, lines: list[_Line | None], removed: set[int]) -> set[int]:
        """A table of contents without a heading or page numbers: a run of
        ``_MIN_OUTLINE`` numbered titles or more, one a line with no blank line
        between ("0. Preface", "   0.1. Notices and Acknowledgements", ...),
        nearly all of which name a line further on (the sections' own
        headings); a numbered list of steps or terms names none.  Or a run of
        ``_MIN_BULLETED_OUTLINE`` bulleted titles or more, every one naming a
        line further on: a web page's list of links to its own sections, as a
        text browser prints it ("* Closing bug reports", "* Followup messages")."""
        found: set[int] = set()
        run: list[tuple[int, _Line]] = []
        bulleted: list[tuple[int, _Line]] = []
        for index, line in enumerate([*lines, None]):
            if index in removed:
                continue  # set aside already (a page's furniture): no break in the run
            if line is not None and line.text[:1].isdigit() and _OUTLINE_ENTRY_RE.fullmatch(line.text):
                run.append((index, line))
                continue
            title = _bulleted_title(line)
            if title is not None:
                bulleted.append((index, title))
                if not run:
                    continue
            if len(run) >= _MIN_OUTLINE:
                named = sum(self.names_a_later_line(entry, run[-1][0], lines) for _, entry in run)
                if named >= 0.8 * len(run):
                    found |= self.drop_entries(run)
            run = []
            if title is None:
                if len(bulleted) >= _MIN_BULLETED_OUTLINE and _names_later_headings(bulleted, lines):
                    found |= self.drop_entries(bulleted)
                bulleted = []
        return found

    def drop_entries(self, entries: list[tuple[int, _Line]]) -> set[int]:
        """Set aside the lines of a table of contents (``(index, line)``; a
        bulleted entry's line is its title alone, its bullet's span included)."""
        for _, entry in entries:
            self.drop(entry.start, entry.end, "table-of-contents")
        return {at for at, _ in entries}

    def table_of_contents(self, lines: list[_Line | None], removed: set[int]) -> set[int]:
        found: set[int] = set()
        content = [i for i, line in enumerate(lines) if line is not None and i not in removed]
        position = 0
        while position < len(content):
            index = content[position]
            line = lines[index]
            assert line is not None
            heading = paged.is_toc_heading(line.text)
            entries: list[int] = []
            scan = position + 1 if heading else position
            underline = heading and scan < len(content) and _RULE_RE.fullmatch(_text(lines[content[scan]])) is not None
            if underline:
                scan += 1  # the heading's underline ("TABLE OF CONTENTS" + "-----"): set aside with it
            pending: list[int] = []
            while scan < len(content):
                candidate = lines[content[scan]]
                assert candidate is not None
                # After an entry whose title wrapped onto lines set in deeper, the next entry may name
                # its section as the first did ("3.4. /bin : ... (for use by" + "all users)" + "3.4.1. Purpose").
                wrapped = bool(entries) and all(_deeper(lines[at], lines[entries[-1]]) for at in pending)
                # Or the lines before it are a group's label, the entries set in under it ("Overview:").
                wrapped = wrapped or (bool(pending) and all(_deeper(candidate, lines[at]) for at in pending))
                if (
                    paged.is_toc_entry(candidate.text, after_toc_heading=heading or bool(entries))
                    or (
                        heading
                        and (not pending or wrapped)
                        and self.names_a_later_line(candidate, content[scan], lines)
                    )
                    or (
                        heading
                        and (not pending or wrapped)
                        and len(entries) >= _MIN_NAMED_ENTRIES
                        and _goes_on(lines, content, scan, entries)
                    )
                ):
                    entries.extend(pending)
                    entries.append(content[scan])
                    pending = []
                elif (entries or heading) and len(pending) < 2 and len(candidate.text) <= 120:
                    pending.append(content[scan])  # a title wrapped onto two lines
                else:
                    break
                scan += 1
            leaders = sum(1 for i in entries if paged.is_toc_entry(_text(lines[i]), after_toc_heading=False))
            # Under its heading, one entry will do: a list of tables may hold one table.
            if (heading and entries) or leaders >= 2:
                for i in ([index] if heading else []) + ([content[position + 1]] if underline else []) + entries:
                    item = lines[i]
                    assert item is not None
                    self.drop(item.start, item.end, "table-of-contents")
                    found.add(i)
                position = scan - len(pending)
                continue
            if leaders == 1 and not heading:
                item = lines[entries[0]]
                assert item is not None
                if len(paged._TOC_LEADER_RE.findall(item.text)) >= 1 and item.text.count(".") >= 8:
                    self.drop(item.start, item.end, "table-of-contents")
                    found.add(entries[0])
            position += 1
        return found


#: Entries of a table of contents that name a line further on before one that names none may go on it.
_MIN_NAMED_ENTRIES = 2
_MAX_TOC_ENTRY = 60
_MAX_ENTRY_WORDS = 10
_MAX_GROUP_WORDS = 4


def _goes_on(lines: list[_Line | None], content: list[int], scan: int, entries: list[int]) -> bool:
    """Does a table of contents under its heading go on at ``content[scan]``, a
    line that names none further on (the contents of a part the file leaves
    out)?  Only with the shape of an entry (:func:`_entry_shaped`): set in
    under another entry as the entry before it is, or with an entry's shape on
    the line after it too and, at the entries' own column, a title that none of
    the entries so far names: the section those entries open ("Acknowledgements"
    under its own entry) ends it, as a chapter's own "Table of Contents" does."""
    line = lines[content[scan]]
    following = lines[content[scan + 1]] if scan + 1 < len(content) else None
    if line is None or not _entry_shaped(line) or paged.is_toc_heading(line.text):
        return False  # (a chapter's own "Table of Contents" under its heading)
    indents = [entry.indent for at in entries if (entry := lines[at]) is not None]
    if line.indent > min(indents) and line.indent == indents[-1]:
        return True  # an entry set in under another, as the one before ("Keyboards" under "B. Protocol Encoding")
    if following is None or not _entry_shaped(following, group=True):
        return False
    if line.indent > min(indents):
        return True
    return _title_key(line.text) not in {_title_key(_text(lines[at])) for at in entries}


def _entry_shaped(line: _Line, *, group: bool = False) -> bool:
    """A line shaped as a contents entry: a short title ("Connection Initiation",
    "12. Flow Control and Concurrency"), no sentence's end but a numbered
    title's full stop ("5. Changes to existing protocol."); with ``group``, or
    the label of a group of entries ("Advanced features:")."""
    text = line.text
    end = text[-1:]
    return (
        len(text) <= _MAX_TOC_ENTRY
        and len(text.split()) <= _MAX_ENTRY_WORDS
        and not _open_word(text.rsplit(None, 1)[-1])  # a sentence going on: "... is one of the"
        and (text[:1].isupper() or text[:1].isdigit())
        and (
            end not in ".:;,!?"
            or (end == "." and _TITLE_NUMBER_RE.match(text) is not None)
            or (group and end == ":" and len(text.split()) <= _MAX_GROUP_WORDS)
        )
    )


# -- pass 2: blocks ---------------------------------------------------------------


@attrs.define
class _Item:
    """A clause being built.

    ``pieces`` are ``(offset, content)`` with ``content == source[offset:offset +
    len(content)]``; ``glue[i]`` joins piece ``i - 1`` to piece ``i`` (``" "``
    or ``""`` after a mended hyphen).  ``start``/``end`` bound the whole item
    in the source (bullet and label included).
    """

    start: int
    end: int
    kind: BlockKind
    pieces: list[tuple[int, str]] = attrs.Factory(list)
    glue: list[str] = attrs.Factory(list)
    label: str | None = None
    depth: int = 0
    level: int = 0
    opened_block: bool = False  # began after a blank line (or at the top)
    closed_block: bool = False  # ended at a blank line (or at the bottom)
    lines: int = 0
    last_line: str = ""
    last_length: int = 0  # of the last line, indentation included
    indents: tuple[int, ...] = ()  # of its first two lines
    flags: set[str] = attrs.Factory(set)
    row: str | None = None  # a table row's cells, joined by " | "
    context: str | None = None  # a table row's header row

    def code_text(self) -> str:
        """A code block's lines as in the source, their common indentation off."""
        return code_text(self.text_source)

    text_source: str = ""  # a code block's source (its lines as written)
    label_source: tuple[int, str] | None = None  # where the label stands, as written
    cache: tuple[object, str] | None = None  # (pieces key, text): see text

    def add(self, offset: int, content: str, glue: str = " ") -> None:
        if content:
            self.glue.append(glue if self.pieces else "")
            self.pieces.append((offset, content))
            self.end = max(self.end, offset + len(content))

    def build(self, *, collapse: bool = True, upto: int | None = None) -> tuple[str, list[int]]:
        """The item's text (white space collapsed unless ``collapse`` is false)
        and, for each character, its source offset; with ``upto``, only as far
        as the first piece past character ``upto`` + 1 (a later piece's glue
        may take the last character back: a mended hyphen)."""
        chars: list[str] = []
        where: list[int] = []
        for (offset, content), glue in zip(self.pieces, self.glue, strict=True):
            if upto is not None and len(chars) > upto + 1:
                return "".join(chars), where  # (its trailing space is no concern of the characters before)
            if glue == _MEND:
                if chars and chars[-1] == "-":  # the hyphen that broke the word
                    chars.pop()
                    where.pop()
            elif glue:
                chars.append(glue)
                where.append(offset)
            if _PLAIN_SPACING_RE.search(content) is None and (content[:1] != " " or (chars and chars[-1] != " ")):
                # Nothing to collapse (single plain spaces, none after a space): as written.
                chars.extend(content)
                where.extend(range(offset, offset + len(content)))
                continue
            for position, char in enumerate(content):
                if char.isspace():
                    if not chars or (collapse and chars[-1] == " "):
                        continue
                    char = " "
                chars.append(char)
                where.append(offset + position)
        while chars and chars[-1] == " ":
            chars.pop()
            where.pop()
        return "".join(chars), where

    def joined(self, *, collapse: bool = True) -> str:
        """The item's text, as :meth:`build` gives it, without the offsets (fast)."""
        parts: list[str] = []
        for (_, content), glue in zip(self.pieces, self.glue, strict=True):
            if glue == _MEND:
                if parts and parts[-1].endswith("-"):  # the hyphen that broke the word
                    parts[-1] = parts[-1][:-1]
            elif glue:
                parts.append(glue)
            parts.append(content)
        joined = "".join(parts)
        return collapse_space(joined) if collapse else joined.strip()

    @property
    def text(self) -> str:
        # Asked for again and again by the repairs: kept until the pieces change (they
        # change by appending, by cutting the last ones off, or by trimming the first).
        key = (len(self.pieces), self.pieces[0], self.pieces[-1]) if self.pieces else None
        if self.cache is None or self.cache[0] != key:
            self.cache = (key, self.joined())
        return self.cache[1]

    def offset_of(self, index: int) -> int:
        """The source offset of character ``index`` of :attr:`text` (built on demand)."""
        return self.build(upto=index)[1][index]

    def split_at(self, offset: int) -> _Item:
        """Cut the item at source ``offset``; return the part from there on (self keeps the head)."""
        head: list[tuple[int, str]] = []
        head_glue: list[str] = []
        tail = _Item(offset, self.end, BlockKind.PARAGRAPH)
        for (start, content), glue in zip(self.pieces, self.glue, strict=True):
            end = start + len(content)
            if end <= offset:
                head.append((start, content))
                head_glue.append(glue)
            elif start >= offset:
                tail.add(start, content, glue)
            else:
                left = content[: offset - start].rstrip()
                if left:
                    head.append((start, left))
                    head_glue.append(glue)
                right = content[offset - start :]
                tail.add(offset + (len(right) - len(right.lstrip())), right.strip())
        self.pieces, self.glue = head, head_glue
        self.end = (head[-1][0] + len(head[-1][1])) if head else self.start
        tail.end = max(tail.end, tail.start)
        tail.closed_block = self.closed_block
        tail.lines = 1
        return tail


def _wrap_width(lines: list[_Line]) -> float:
    """The width the text was hard-wrapped at, or ``inf`` when it was not.

    A wrapped text has many lines close to one width; an unwrapped one (one
    paragraph a line) has lengths all over the place.  The width is that of
    the widest line of several words: a greedy wrap never makes a longer one,
    and a line of one word longer than the width (a URL) overflows it.
    """
    lengths = [line.indent + len(line.text) for line in lines]
    if len(lengths) < 6:
        return float("inf")
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    near = sum(1 for length in lengths if length >= 0.8 * width)
    if 30 <= width <= 130 and near >= 0.35 * len(lengths):
        # The widest length that many lines of several words come close to:
        # longer lines are rare and scattered (headings or addresses left
        # unwrapped, a URL that overflows).
        counts = Counter(line.indent + len(line.text) for line in lines if " " in line.text)
        enough = max(3, 0.02 * len(lengths))
        for length in sorted(counts, reverse=True):
            if sum(counts[length - step] for step in range(3)) >= enough:
                # No wrap at that width makes many longer lines of several words.
                longer = sum(count for other, count in counts.items() if other > length + 2)
                return float(length) if longer <= max(2, 0.05 * len(lengths)) else float("inf")
        return float(width)
    return float("inf")


def _furniture(item: _Item) -> bool:
    """Is a short item a page's furniture line, which ends where its line does
    ("© 2024 Example Media Ltd. Registered in England No. 045" + blank + "treematch ...")?"""
    from conceptdiff.read._boilerplate import is_boilerplate  # imported on first use: no other reader needs it

    return item.lines <= 3 and is_boilerplate(" ".join(piece for _, piece in item.pieces))


def _looks_like_heading(line: str) -> bool:
    return scraped.looks_like_heading(line)


def _paragraph_convention(lines: list[_Line | None]) -> tuple[bool, bool, int]:
    """Whether the text separates paragraphs with blank lines, whether it sets
    nearly every line apart by one (``_SPACED_LINES``, twenty lines or more: an
    extraction that wrote each run of a PDF's text as a paragraph), and the
    indent of its body text (the most common indent of a line that follows
    another).

    Blank lines are the convention when there is one for every eight lines of
    text or more (runs counted once); without them, a paragraph ends where a
    sentence ends on a short line, or at a first-line indent.
    """
    runs = sum(1 for a, b in itertools.pairwise(lines) if a is not None and b is None)
    content = sum(1 for line in lines if line is not None)
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if a is not None and b is not None]
    # The body's indent is that of lines that surely continue their paragraph (the line
    # before them stopped mid-sentence); failing those, of any line after another.
    follows = Counter(b.indent for a, b in pairs if not _TERMINAL_RE.search(a.text[-12:]))
    follows = follows or Counter(b.indent for _, b in pairs)
    body = follows.most_common(1)[0][0] if follows else 0
    return runs * 8 >= content, content >= 20 and runs >= _SPACED_LINES * content, body


# A section's number ("3.1. Purpose"), or a table's, a figure's or an example's after its word, as a
# list of tables names it ("4.1. Module to package mappings" for "Table 4.1. Module to ...").
_SECTION_NUMBER_RE = re.compile(
    r"(?:(?:Table|Figure|Example)[ \t\u00a0]+)?([0-9]{1,3}(?:\.[0-9]{1,3})+)\.?[ \t\u00a0]", re.IGNORECASE
)


def _example_line(text: str) -> bool:
    """Does a line of an example printed at the page's edge read as code, as a
    field or as a path alone (``/usr/share/perl6``)?"""
    return _code_line(text) or _FIELD_CODE_RE.match(text) is not None or _PATH_LINE_RE.fullmatch(text) is not None


def _unmarked(text: str) -> bool:
    """Does a line start with neither a bullet nor a number label?"""
    return BULLET_RE.match(text) is None and split_label(text)[0] is None


# A protocol's definitions (the X Window System's specifications): fields ("client_major_version:
# CARD16", "proxy-service  : STRING", "value-list LISTofVALUE"), the arrow between a request and its
# reply ("=>", "-->", "▶"), an encoding's lines (a byte count or a variable, a gap, a type or a value,
# a name: "1     CARD8         opcode"), and the name of what they define alone above them.
_PROTOCOL_FIELD_RE = re.compile(
    r"[a-z][\w-]*(?:[ \t]*:[ \t]+|[ \t]{2,}|[ \t](?=[A-Z]{2}|LISTof|\{))"
    r"(?:[A-Z][A-Z0-9_]+\b|[A-Z]\w*of\w+|LISTof\w+|\{)[^;]{0,70}(?<![a-z]\.)"
    # a type's definition ("COUNTER:               XID", "TRIGGER:  ["), a structure's member and end
    r"|[A-Z][A-Z0-9_]{2,}:[ \t]{2,}\S[^.]{0,70}|[a-z][\w-]*:[A-Z][\w]*,?|[\[\]]"
    r"|[A-Za-z][\w-]*(?:,[A-Za-z][\w-]*)+[}\]]?,?"  # an enumeration's further names: "PositiveComparison,Negative...}"
)
_PROTOCOL_ARROW_RE = re.compile(r"=>|-->|▶\+?")
_PROTOCOL_ENCODING_RE = re.compile(r"(?:[0-9]{1,3}|[a-z]|\?|#x[0-9A-Fa-f]+)(?:[ \t\u00a0]{2,}|\t)\S.{0,80}")
_PROTOCOL_NAME_RE = re.compile(r"[A-Za-z_][\w-]*[A-Z][\w-]*")
_PROTOCOL_TYPE_RE = re.compile(r"\b(?:CARD|INT)(?:8|16|32)\b|\bBOOL\b|\bSTRING(?:8|16)?\b|LISTof")
_MIN_ENCODING_LINES = 3


def _protocol_blocks(lines: list[_Line | None]) -> dict[int, int]:
    """A protocol's definitions as its specification lays them out: each run
    of lines between blank lines made of fields, arrows and encoding lines
    (the name of what they define may stand on the run's first line), two
    fields at least, or a field and an arrow, or three encoding lines naming a
    type or beside an arrow; runs one blank line apart that an arrow joins
    are one block (request, "-->", reply).  First line -> last line."""
    blocks: dict[int, int] = {}
    previous: tuple[int, int] | None = None  # the last block's first and last line
    for first, end in _runs(lines):
        if not _is_protocol_run([line for line in lines[first:end] if line is not None]):
            continue
        last = end - 1
        if (
            previous is not None
            and first == previous[1] + 2
            and (
                _PROTOCOL_ARROW_RE.fullmatch(_text(lines[first]))
                or _PROTOCOL_ARROW_RE.fullmatch(_text(lines[previous[1]]))
            )
        ):
            previous = (previous[0], last)  # "-->" between a request's fields and its reply's
        else:
            previous = (first, last)
        blocks[previous[0]] = last
    return blocks


def _runs(lines: list[_Line | None]) -> Iterator[tuple[int, int]]:
    """The stretches of lines between blank lines, as (first, end) indexes."""
    index = 0
    while index < len(lines):
        if lines[index] is None:
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end] is not None:
            end += 1
        yield index, end
        index = end


def _is_protocol_run(run: list[_Line]) -> bool:
    """See :func:`_protocol_blocks`."""
    fields = arrows = encodings = 0
    for number, line in enumerate(run):
        text = line.text
        if _PROTOCOL_ENCODING_RE.fullmatch(text):
            encodings += 1  # (first: "a  STRING  proxy-service" is an encoding's line, no field)
        elif _PROTOCOL_FIELD_RE.fullmatch(text):
            fields += 1
        elif _PROTOCOL_ARROW_RE.fullmatch(text):
            arrows += 1
        elif not (number == 0 and len(run) > 1 and _PROTOCOL_NAME_RE.fullmatch(text)):
            return False
    named = _PROTOCOL_NAME_RE.fullmatch(run[0].text) is not None
    if fields >= 2 or (fields and (arrows or named)) or (arrows and len(run) == 1):
        return not encodings
    typed = arrows or any(_PROTOCOL_TYPE_RE.search(line.text) for line in run)
    return encodings >= _MIN_ENCODING_LINES and bool(typed)


def _number_term(stripped: str, line: _Line, following: _Line | None) -> bool:
    """Is ``stripped``, the numbers of sections alone ("3.8", "11.8.4", "6.5 &
    6.6", "10.4 & perl": no full stop, no title), the term of a definition list,
    its definition set in under it (a Sphinx text build of a changelog naming
    sections)?"""
    return (
        stripped[:1].isdigit()
        and following is not None
        and following.indent >= line.indent + _DEFINITION_STEP
        and _SECTIONS_TERM_RE.fullmatch(stripped) is not None
    )


def _deeper(line: _Line | None, than: _Line | None) -> bool:
    """Is ``line`` set in deeper than ``than`` (a wrapped title's further line under its first)?"""
    return line is not None and than is not None and line.indent > than.indent


def _rst_explicit_blocks(lines: list[_Line | None]) -> set[int]:
    """The lines of a reStructuredText file's explicit markup blocks: each
    directive, comment or target line and the lines set in under it (a code
    block, a toctree's entries, a directive's options and body)."""
    found: set[int] = set()
    base: int | None = None
    for at, line in enumerate(lines):
        if line is None:
            continue
        if base is not None and line.indent > base:
            found.add(at)
            continue
        base = None
        if _RST_EXPLICIT_RE.match(line.text):
            found.add(at)
            base = line.indent
    return found


_GREEDY_PAIRS = 50  # lines that surely go on with the line before them, to call a wrap a tool's


def _greedy_wrap(lines: list[_Line | None], width: float) -> bool:
    """Was the text wrapped by a tool, filling each line as far as ``width``
    allows (a page dumped to text, a formatter's output)?  Then no line of a
    paragraph leaves room for the next line's first word: of the lines that
    surely go on with the one before (it stopped mid-sentence past half the
    width, at the same indent), at most one in a hundred could have taken it.  Authors who wrap by
    hand leave such room all the time."""
    if width == float("inf"):
        return False
    pairs = room = 0
    for a, b in itertools.pairwise(lines):
        if a is None or b is None or a.indent != b.indent or _TERMINAL_RE.search(a.text[-12:]):
            continue
        word = b.text.split(None, 1)[0]
        if not word[:1].isalpha() or a.indent + len(a.text) < 0.5 * width:
            continue  # a list's marker, a number; lines of code or fields, far short of any wrap
        pairs += 1
        room += a.indent + len(a.text) + 1 + len(word) <= width
    return pairs >= _GREEDY_PAIRS and room <= 0.01 * pairs


_SUCCESSORS = {"i": "ii", "ii": "iii", "iii": "iv", "iv": "v", "v": "vi", "vi": "vii", "vii": "viii", "viii": "ix",
               "ix": "x", "I": "II", "II": "III", "III": "IV", "IV": "V", "V": "VI"}  # fmt: skip


_PREDECESSORS = {after: before for before, after in _SUCCESSORS.items()}


def _step(label: str, forward: bool) -> str | None:
    """The label after (or before) ``label`` in its sequence, in its style (``(b)`` -> ``(c)``)."""
    core = label.strip("()[]")
    if core.isdecimal():
        value = int(core) + (1 if forward else -1)
        step = str(value) if value >= 0 else None
    elif core in (_SUCCESSORS if forward else _PREDECESSORS):
        step = (_SUCCESSORS if forward else _PREDECESSORS)[core]
    elif len(core) == 1 and core.isalpha() and core not in ("zZ" if forward else "aA"):
        step = chr(ord(core) + (1 if forward else -1))
    else:
        step = None
    if step is None:
        return None
    if label.startswith("["):
        return f"[{step}]"
    return f"({step})" if label.startswith("(") else step


def _successor(label: str) -> str | None:
    return _step(label, True)


def _predecessor(label: str) -> str | None:
    return _step(label, False)


_FIRST_LABELS = frozenset("0 1 a A i I".split())


def _may_follow(current: str, label: str) -> bool:
    """May ``label`` be the label of an item after one labelled ``current``:
    the next in its sequence, the next at a level above ("2.3" -> "3", "2.4"),
    one below it ("2" -> "2.1"), or the first of a list ("a", "(i)")?  Labels
    of another shape ("Section 4") may follow anything.

    >>> _may_follow("5", "6"), _may_follow("2.3", "3"), _may_follow("5", "a"), _may_follow("5", "1.6.1")
    (True, True, True, False)
    """
    parts = current.strip("()[]").split(".")
    if not all(part.isdecimal() for part in parts) or not label.strip("()[]").replace(".", "").isalnum():
        return True
    core = label.strip("()[]")
    if label == _successor(current) or core in _FIRST_LABELS or core.startswith(f"{current}."):
        return True
    for depth in range(len(parts)):
        following = ".".join([*parts[:depth], str(int(parts[depth]) + 1)])
        if core == following or core.startswith(f"{following}."):
            return True
    return False


def _holds_label(text: str, label: str) -> bool:
    """Does ``label`` stand inside ``text`` as an inline enumeration mark (``... and (2) ...``, ``; 2) ...``)?"""
    marks = (f" {label} ",) if label.startswith(("(", "[")) else (f" {label}) ", f" {label}. ")
    return any(mark in f" {text} " for mark in marks)


def _inline_successor(label: str, rest: str) -> bool:
    """Does the label after ``label`` stand inside ``rest`` (``(1) ..., and (2) ...``)?"""
    following = _successor(label)
    return following is not None and _holds_label(rest, following)


class _Vocabulary:
    """The document's words, compounds included ("well-known"), found once for every pass."""

    def __init__(self, text: str) -> None:
        # A word never spans white space: each distinct token is searched once.
        words = set(_VOCABULARY_RE.findall(" ".join(set(text.split()))))
        #: Case-folded: they decide hyphenation and spacing repair.
        self.folded = {w.casefold() for w in words}
        #: As written, those starting in lower case: they tell title-cased common words from names.
        self.lowercase = {w for w in words if w[:1].islower()}
        #: The pairs of words a compound joins with its hyphens ("python-dev-is-python": "dev-is",
        #: "is-python"): a compound broken at one of them keeps its hyphen.
        self.hyphen_pairs = {f"{a}-{b}" for w in self.folded if "-" in w for a, b in itertools.pairwise(w.split("-"))}


class _Blocks:
    """Pass 2: lines grouped into items."""

    def __init__(
        self, text: str, lines: list[_Line | None], options: Options, vocabulary: _Vocabulary, *, rst: bool
    ) -> None:
        self.text = text
        self.rst = rst
        self.lines = lines
        self.options = options
        self.items: list[_Item] = []
        self.dropped: list[DroppedSpan] = []
        self.current: _Item | None = None
        self.after_blank = True
        self.page_break = False
        self.underline_levels: dict[str, int] = {}
        self.vocabulary = vocabulary.folded
        self.hyphen_pairs = vocabulary.hyphen_pairs
        # Tables are laid out, not wrapped: their lines say nothing of the width.
        self.tables = (
            {
                **_dash_pairs(lines),
                **_spaced_tables(lines),
                **_headed_pairs(lines),
                **_pipe_tables(lines),
                **_tables(lines),
                **_simple_tables(lines),
                **_grid_tables(lines),
            }
            if options.join_lines
            else {}
        )
        #: A protocol's definitions and encodings (first line -> last line): code blocks, no table's rows.
        self.protocol = _protocol_blocks(lines) if options.join_lines and not rst else {}
        for first, last in self.protocol.items():
            for at in range(first, last + 1):
                self.tables.pop(at, None)
        # So are a reStructuredText file's directives and their bodies (code, a toctree's entries).
        unwrapped = set(self.tables) | (_rst_explicit_blocks(lines) if rst else set())
        content = [line for at, line in enumerate(lines) if line is not None and at not in unwrapped]
        self.width = _wrap_width(content)
        self.longest = max((line.indent + len(line.text) for line in content), default=0)
        #: spaced: a blank line after nearly every line; blank lines tell little there, their absence much.
        self.blank_convention, self.spaced, self.body_indent = _paragraph_convention(lines)
        # One paragraph a long line (an extraction that kept a PDF's paragraphs on one line each):
        # the median line of several words is longer than any wrap makes.
        prose = sorted(len(line.text) for line in content if line.text.count(" ") >= 3)
        self.long_lines = self.width == float("inf") and bool(prose) and prose[len(prose) // 2] >= _LONG_LINE
        #: Wrapped by a tool (see _greedy_wrap): a line after which the next word would have fitted was
        #: ended on purpose, and a line ending in a path's "/" was broken inside the path.
        self.greedy = _greedy_wrap([None if at in self.tables else line for at, line in enumerate(lines)], self.width)
        self.in_fence = False
        # reStructuredText: an indented block being read after "::" or a directive (what, base indent).
        self.indented: tuple[str, int] | None = None
        self.code: _Item | None = None
        self.code_lines: list[str] = []
        self.code_blanks = 0

    def drop(self, start: int, end: int, reason: str) -> None:
        self.dropped.append(DroppedSpan(start, end, reason, self.text[start:end]))

    def close(self, *, at_blank: bool) -> None:
        current = self.current
        if current is not None:
            current.closed_block = at_blank
            if (
                current.lines == 1
                and current.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
                and current.indents
                and self.centred(current.indents[0], len(current.last_line))
            ):
                current.flags.add("centred")  # a title block's line, as the author set it (see segment)
            self.items.append(current)
            self.current = None

    def open(self, item: _Item) -> None:
        self.close(at_blank=False)
        item.opened_block = self.after_blank
        self.current = item

    def join(self, item: _Item, line: _Line, content: str, offset: int) -> None:
        """Join a wrapped line to ``item``, mending a word hyphenated across it."""
        item.add(offset, content, self.glue(item.pieces[-1][1], content) if item.pieces else " ")
        item.end = line.end
        item.lines += 1
        item.last_line, item.last_length = line.text, line.indent + len(line.text)
        item.indents = (*item.indents, line.indent)[:2]

    def glue(self, previous: str, content: str) -> str:
        """What joins ``content`` to the ``previous`` piece of its item: a space;
        nothing after a path's slash that a tool's wrap broke ("/usr/bin/" +
        "python-config") or a hyphen that stays ("Asia-" + "Pacific"); or
        :data:`_MEND`, the hyphen of a word broken across lines taken back."""
        if previous[-1:] == "/":
            if self.greedy and _PATH_END_RE.search(previous[-80:]) and _PATH_GOES_ON_RE.match(content):
                return ""
            return " "
        hyphen = _HYPHEN_END_RE.search(previous[-80:]) if previous[-1:] == "-" else None
        head = _WORD_START_RE.match(content)
        if not (hyphen and head and len(previous) >= 2 and previous[-2] != "-"):
            return " "
        keep = (
            head.group(0)[0].isupper()
            # a compound's further part ("memory-to-" + "memory"): its word before came with a hyphen too
            or (previous[: -len(hyphen.group(0))].endswith("-") and self.keeps_chain(hyphen.group(1), head.group(0)))
            or hyphen.group(1).casefold() in _HYPHEN_PREFIXES  # "self-" + "contained"
            or (len(hyphen.group(1)) >= 2 and hyphen.group(1).isupper())  # "CC-" + "licensed", "PDF-" + "based"
            or _VERSIONED_END_RE.search(previous[-40:]) is not None  # "pythonX.Y-" + "minimal", "python3-" + "dev"
            or self.keeps_hyphen(hyphen.group(1), head.group(0))
        )
        return "" if keep else _MEND

    def keeps_chain(self, left: str, right: str) -> bool:
        """Is ``left-`` + ``right``, ``left`` itself after a hyphen, a compound's
        further part ("memory-to-" + "memory") rather than its last word broken
        ("integer-expres-" + "sion")?  A word of its own, joined into none."""
        return left.casefold() in self.vocabulary and (left + right).casefold() not in self.vocabulary

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Is ``left-`` + ``right`` a compound (keep the hyphen) rather than a
        word broken across lines (mend it)?  The document's own words decide."""
        joined = (left + right).casefold()
        if joined in self.vocabulary:
            return False
        # Only a compound the document writes elsewhere keeps its hyphen: two words that
        # also stand alone prove nothing ("some-" + "thing", "with-" + "out").
        compound = f"{left}-{right}".casefold()
        if compound in self.vocabulary:
            return True
        # ... or writes inside a longer compound ("python-dev-is-" + "python2", "python-dev-is-python3").
        letters = _WORD_START_RE.match(right)
        return compound in self.hyphen_pairs or (
            letters is not None and f"{left}-{letters.group(0)}".casefold().rstrip("0123456789") in self.hyphen_pairs
        )

    def run(self) -> tuple[list[_Item], list[DroppedSpan]]:
        tables = self.tables
        first = self.metadata() if self.rst and self.options.strip_markup else 0
        for index, line in enumerate(self.lines):
            if index < first:
                continue
            if self.indented is not None and self.inside_indented(line):
                continue
            if index in tables:
                self.table_row(index, tables[index])
                continue
            if line is None:
                self.close(at_blank=True)
                self.after_blank = True
                continue
            if line.page_break:
                self.page_break = True
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            if self.rst and self.options.strip_markup and self.rst_markup(line):
                self.after_blank = False
                continue
            if self.rst and self.options.strip_markup and self.rst_field(line):
                self.after_blank = False
                continue
            if index in self.protocol and self.current is None:
                self.close(at_blank=True)
                self.indented = ("until", self.lines[self.protocol[index]].end)  # type: ignore[union-attr]
                self.inside_indented(line)
                self.after_blank = False
                continue
            if not self.rst and (self.indented_code(index) or self.outdented_code(index) or self.code_paragraph(index)):
                self.after_blank = False
                continue
            self.line(line, following)
            if self.rst and self.options.strip_markup and line.text.endswith("::") and self.current is not None:
                self.literal_after(line)
            self.after_blank = False
            self.page_break = False
        self.end_indented()
        self.close(at_blank=True)
        return self.items, self.dropped

    def indented_code(self, index: int) -> bool:
        """A block set in deeper than the paragraph or item before it, after a
        blank line or under a line ending with a colon, whose lines read as
        code (calls, assignments, statements, comments, braces, commands) and
        seldom as prose: a code example of a plain text (PEP 8's
        ``    if foo == 'blah': do_blah_thing()``), read as a code block until a
        line comes back out of its first line's column.  A quotation or a
        sample notice set in is prose and stays paragraphs."""
        if not self.options.join_lines:
            return False
        if self.after_blank and self.current is None and self.items:
            last = self.items[-1]
        elif not self.after_blank and self.current is not None and self.current.last_line.endswith(":"):
            last = self.current  # "... may be activated explicitly with:" + "   dpkg-trigger <name>"
        else:
            return False
        if last.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not last.pieces:
            return False
        offset = last.pieces[0][0]
        # The column of its text, tabs to every eighth as the lines' indents are.
        base = len(self.text[self.text.rfind("\n", 0, offset) + 1 : offset].expandtabs(8))
        if last.kind is BlockKind.PARAGRAPH:
            base = min(base, *last.indents)
        if last.lines == 1 and not last.last_line.endswith(":") and _looks_like_heading(last.last_line):
            return False  # under a title: a section set in, not an example
        line = self.lines[index]
        assert line is not None
        # Under a lead-in ending with a colon, commands may stand at its own column ("Alternatively
        # using sudo and make:" + blank + "$ make check-programs"; an item's "... on kernel.org:" +
        # "git clone git://..." at its text's column): then every line must read as code.
        # Straight under it, no blank line between, the lead-in is a line that ended well short of
        # the width ("... just run:" + "make PREFIX=/usr", "* ... on kernel.org:" + "git clone ..."):
        # a full line's colon may be a wrap's ("... (e.g. Depends:" + "python3 (>= 3.5) ...)", "...
        # colon, as in:" + "\"if x == 4 : print x\"").
        level = (
            line.indent >= base
            and last.last_line.endswith(":")
            and (self.after_blank or (self.short(last.last_length) and len(last.last_line.split()) >= 3))
        )  # (a field's "URL:" + its address is no lead-in and its command)
        # Under a lead-in ("... may be one of the following:"), fields set in are an example's too.
        fields = last.last_line.endswith(":") and line.indent >= base + 2

        def reads_as_code(text: str) -> bool:
            field = fields and _FIELD_CODE_RE.match(text) is not None and NOTICE_RE.match(text) is None
            return _code_line(text) or field

        if (line.indent < base + 2 and not level) or not reads_as_code(line.text) or _PROSE_RE.search(line.text):
            return False  # a code block opens with code
        texts: list[str] = []
        # At the lead-in's column straight under it, the example ends at a blank line (the item's
        # text goes on after it: "... on kernel.org:" + "git clone ..." + blank + "We use ...").
        inline = not self.after_blank and line.indent < base + 2
        for other in self.lines[index:]:
            if other is None and inline:
                break
            if other is not None and other.indent < line.indent:
                break  # code is never set out of its first line's column
            if other is not None:
                if len(texts) == _CODE_SAMPLE:
                    break  # a long stretch set in: its first lines tell (below)
                texts.append(other.text)
        code = sum(1 for text in texts if reads_as_code(text))
        prose = sum(1 for text in texts if _PROSE_RE.search(text) and not reads_as_code(text))
        if 2 * code < len(texts) or 3 * prose > len(texts):
            return False
        if len(texts) == _CODE_SAMPLE and (3 * code < 2 * len(texts) or prose):
            return False  # a long stretch set in reads as code throughout, or is a quotation, a section set in
        if line.indent < base + 2 and code < len(texts):
            return False  # at the lead-in's own column, code only
        self.close(at_blank=True)
        self.indented = ("inline-code" if inline else "plain-code", line.indent - 1)
        return self.inside_indented(line)

    def code_paragraph(self, index: int) -> bool:
        """A block between blank lines at the text's own column whose lines,
        two or more, all read as code and none as prose: commands a plain text
        sets between its paragraphs without setting them in (``cd ~/projects`` +
        ``git clone git://...``), one code block up to the next blank line."""
        if not self.options.join_lines or not self.after_blank or self.current is not None:
            return False
        first = self.lines[index]
        assert first is not None
        if not _code_line(first.text):
            return False  # (most blocks: their first line tells, and the run is not gathered)
        run = self.block_lines(index)
        if len(run) < 2 or len(run) == _CODE_SAMPLE:
            return False
        if any(
            other.indent < first.indent
            or not _code_line(other.text)
            or _PROSE_RE.match(other.text) is not None
            or not _unmarked(other.text)
            or _COMMENT_FRAME_RE.fullmatch(other.text) is not None  # a banner framed with "#####": a title's
            for other in run
        ):
            return False
        self.close(at_blank=True)
        self.indented = ("inline-code", first.indent - 1)
        return self.inside_indented(first)

    def outdented_code(self, index: int) -> bool:
        """A block set *out* from the text's body column whose lines read as
        code or fields (no bullet, no number): an example a text browser
        printed near the page's edge while the text stands indented
        (``Template: hostname`` at column 1 under text at column 3).

        After a blank line, it stands under a title, a lead-in ending with a
        colon (a footnote's mark after it: ``target: ^[7]``) or, when every
        line at its column reads as code (not only as fields), under any
        paragraph; all its lines at its own column read so.  Straight under a
        line of the body, with no blank line between (:meth:`pre_under_body`),
        less is asked.  Its lines set in further (a field's continuation) are
        its own; after a blank line it goes on only with a line at its column
        that reads so (a second stanza), never with the text's body."""
        if not self.options.join_lines:
            return False
        line = self.lines[index]
        assert line is not None
        if not self.after_blank:
            return self.pre_under_body(index, line)
        if self.current is not None or not self.items:
            return False
        last = self.items[-1]
        if not 1 <= line.indent < self.body_indent or not last.indents or last.indents[0] <= line.indent:
            return False  # (a control file's fields at the margin, continued a column in, are the document)
        title = last.kind is BlockKind.HEADING or (last.lines == 1 and not _TERMINAL_RE.search(last.last_line[-12:]))
        lead_in = title or _LEAD_IN_END_RE.search(last.text[-40:]) is not None
        texts = [text for text, indent in self.outdented_block(index) if indent == line.indent]
        if not texts or not all(_example_line(text) and _unmarked(text) for text in texts):
            return False
        if not lead_in and not (last.kind is BlockKind.PARAGRAPH and all(_code_line(t) for t in texts)):
            return False  # an example stands under its title or a lead-in ("Here is an example:")
        return self.open_outdented(line, at_blank=True)

    def pre_under_body(self, index: int, line: _Line) -> bool:
        """:meth:`outdented_code` straight under a paragraph of the body, no
        blank line between: a text browser prints a ``<pre>`` block so, and no
        wrapped line of the body steps out of its column.  Its first line reads
        as code or a field, and half its lines up to a blank line (a session's
        output under its commands: ``$ which apt-get`` + ``/usr/bin/apt-get``);
        never a field at the margin under lines set in by one (a control
        file's field and its continuation)."""
        last = self.current
        if (
            last is None
            or last.kind is not BlockKind.PARAGRAPH
            or not last.pieces
            or len(set(last.indents)) != 1
            or not 0 <= line.indent < min(self.body_indent, last.indents[0])
            or (line.indent == 0 and last.indents[0] == 1)
            or not (_example_line(line.text) and _unmarked(line.text))
        ):
            return False
        run = self.block_lines(index)
        if 2 * sum(1 for other in run if _example_line(other.text)) < len(run):
            return False
        return self.open_outdented(line, at_blank=False)

    def block_lines(self, index: int) -> list[_Line]:
        """The lines from ``index`` up to the next blank line, ``_CODE_SAMPLE`` at most."""
        run: list[_Line] = []
        for other in self.lines[index : index + _CODE_SAMPLE]:
            if other is None:
                break
            run.append(other)
        return run

    def open_outdented(self, line: _Line, *, at_blank: bool) -> bool:
        """Start the code block of :meth:`outdented_code` at ``line``."""
        self.close(at_blank=at_blank)
        self.indented = ("outdented-code", line.indent)
        return self.inside_indented(line)

    def outdented_block(self, index: int) -> Iterator[tuple[str, int]]:
        """The lines (text, indent) of the block :meth:`outdented_code` would read from ``index``."""
        start = self.lines[index]
        assert start is not None
        column = start.indent
        blank = False
        for count, other in enumerate(self.lines[index:]):
            if count == _CODE_SAMPLE:
                return
            if other is None:
                blank = True
                continue
            if other.indent < column or (blank and other.indent != column):
                return
            blank = False
            yield other.text, other.indent

    def table_row(self, index: int, row: _TableLine) -> None:
        """A line of a plain-text table: a row (its header row the context),
        or a header line after the first (read into the header row)."""
        line = self.lines[index]
        assert line is not None
        self.close(at_blank=False)
        if row.rule:
            self.drop(line.start, line.end, "markup")
            return
        if row.cells is None:  # a further line of the header: the header row holds it
            header = self.items[-1]
            header.end = line.end
            header.pieces.append((line.start, line.text))
            header.glue.append(" ")
            return
        item = _Item(line.start, line.end, BlockKind.TABLE_ROW, lines=1, last_line=line.text,
                     last_length=line.indent + len(line.text), indents=(line.indent,))  # fmt: skip
        item.pieces.append((line.start, line.text))
        item.glue.append("")
        item.row, item.context = row.cells, row.header
        self.items.append(item)
        self.after_blank = False

    # -- reStructuredText: literal blocks, directives, comments -------------------------

    def literal_after(self, line: _Line) -> None:
        """A paragraph ending with ``::``: the indented block after it is code.
        The marker reads as ``:`` ("Example::"), or as nothing after a space or alone."""
        current = self.current
        assert current is not None
        offset, content = current.pieces[-1]
        keep = content[:-2].rstrip() if content == "::" or content.endswith(" ::") else content[:-1]
        current.pieces[-1] = (offset, keep)
        current.end = offset + len(keep)  # the marker is markup, outside the paragraph's span
        self.drop(offset + len(keep), offset + len(content), "markup")
        if not keep and len(current.pieces) == 1:
            self.current = None  # "::" alone: no paragraph
            current.pieces.clear()
        self.indented = ("code", current.indents[0] if current.indents else line.indent)

    def metadata(self) -> int:
        """A field list that opens a reStructuredText file (":title: ...",
        ":category: ..."): the file's metadata, which a documentation builder
        does not show (Markdown's front matter); its lines are markup.  Returns
        the index of the first line after it."""
        index = 0
        while index < len(self.lines) and self.lines[index] is None:
            index += 1
        fields = index
        while index < len(self.lines):
            line = self.lines[index]
            if line is None or not (_RST_FIELD_RE.match(line.text) or (index > fields and line.indent > 0)):
                break
            index += 1
        if index == fields:
            return 0
        for line in self.lines[fields:index]:
            if line is not None:
                self.drop(line.start, line.end, "markup")
        return index

    def rst_field(self, line: _Line) -> bool:
        """A field of a field list (":Author: David Goodger", a document's
        bibliographic fields under its title): one clause, read as a processor
        shows it, "Author: David Goodger" (its leading colon is markup)."""
        if _RST_FIELD_RE.match(line.text) is None or line.indent > 0:
            return False
        self.close(at_blank=False)
        self.new_item(line, BlockKind.PARAGRAPH, line.text[1:], line.start + 1, labelled=False)
        self.drop(line.start, line.start + 1, "markup")
        return True

    def rst_markup(self, line: _Line) -> bool:
        """A directive or a comment line (``.. code-block:: python``, ``.. note::``,
        ``.. _target:``, ``.. a comment``): markup.  After a code directive the
        indented block is code; after a comment the indented lines are comment."""
        match = _RST_EXPLICIT_RE.match(line.text)
        if match is None:
            return False
        self.close(at_blank=False)
        self.drop(line.start, line.end, "markup")
        name = (match.group(1) or "").casefold()
        if name in ("code-block", "code", "sourcecode", "literalinclude"):
            self.indented = ("code", line.indent)
        elif name == "toctree":
            self.indented = ("toctree", line.indent)  # its options, then its entries: a list of links
        elif not name:
            self.indented = ("comment", line.indent)  # a comment, a target, a substitution
        else:
            self.indented = ("options", line.indent)  # a directive's options; its body is text
        return True

    def inside_indented(self, line: _Line | None) -> bool:
        """Collect a line of the literal block or comment being read; False when the block has ended."""
        assert self.indented is not None
        what, base = self.indented
        if line is None:
            if what == "inline-code":
                self.end_indented()  # an example straight under its lead-in, a code paragraph: a blank line ends it
                return False
            if self.code is not None:
                self.code_blanks += 1
            return True
        if what == "until":
            if line.start > base:
                self.end_indented()  # past a protocol block's last line
                return False
        elif what == "outdented-code":
            after_blank = self.code is not None and self.code_blanks > 0
            if line.indent < base or (after_blank and (line.indent != base or not _example_line(line.text))):
                self.end_indented()
                return False
        elif line.indent <= base:
            self.end_indented()
            return False
        if what == "plain-code" and self.code is not None and self.code_blanks and _reads_as_prose(line.text):
            # After a blank line, prose at the code's column ends a plain text's example:
            # "$ ./run.sh [options]" + blank + "Alternatively using sudo and make:".
            self.end_indented()
            return False
        option = _RST_OPTION_RE.fullmatch(line.text) is not None
        if what == "options" and not option:
            self.indented = None  # the directive's body ("This is a note."), read as text
            return False
        if what == "comment" or (what in ("code", "toctree", "options") and self.code is None and option):
            self.drop(line.start, line.end, "markup")  # a comment's lines, a directive's options
            return True
        if what == "toctree":
            self.toctree_entry(line)
            return True
        raw_start = line.start - line.lead
        raw = self.text[raw_start : line.end]
        if self.code is None:
            self.close(at_blank=True)
            self.code = _Item(line.start, line.end, BlockKind.CODE, lines=1, opened_block=True, indents=(line.indent,))
            self.code_lines = []
        self.code_lines.extend([""] * self.code_blanks)
        self.code_blanks = 0
        self.code_lines.append(raw)
        self.code.add(line.start, line.text)
        self.code.end = line.end
        return True

    def toctree_entry(self, line: _Line) -> None:
        """An entry of a ``toctree`` directive: a list item of the link's title
        ("CMP0142: The Xcode generator ... </policy/CMP0142>"), its target set
        aside as markup; an entry that is a target alone keeps it as its text."""
        self.close(at_blank=True)
        match = _TOCTREE_TARGET_RE.search(line.text)
        text = line.text[: match.start()].rstrip() if match and match.start() else line.text
        item = _Item(line.start, line.start + len(text), BlockKind.LIST_ITEM, lines=1, indents=(line.indent,))
        item.add(line.start, text)
        item.last_line, item.last_length = text, line.indent + len(text)
        item.closed_block = True
        self.items.append(item)
        if len(text) < len(line.text):
            self.drop(line.start + len(text), line.end, "markup")

    def end_indented(self) -> None:
        if self.code_blanks:
            self.after_blank = True  # the blank lines the block held at its end stand before what follows
        if self.code is not None:
            self.code.text_source = "\n".join(self.code_lines).expandtabs(8)  # a plain text's tab stops
            self.code.closed_block = True
            self.items.append(self.code)
        self.code = None
        self.code_lines = []
        self.code_blanks = 0
        self.indented = None

    def new_item(
        self, line: _Line, kind: BlockKind, body: str, body_offset: int, *, labelled: bool = True, level: int = 0
    ) -> _Item:
        item = _Item(
            line.start,
            line.end,
            kind,
            level=level,
            lines=1,
            last_line=line.text,
            last_length=line.indent + len(line.text),
            indents=(line.indent,),
        )
        self.open(item)
        label, depth, length = split_label(body) if labelled else (None, 0, 0)
        if label is not None:
            item.label, item.depth = label, depth
            item.label_source = (body_offset, body[:length])
            rest = body[length:]
            body_offset += length + (len(rest) - len(rest.lstrip()))
            body = rest.strip()
        item.add(body_offset, body)
        return item

    def line(self, line: _Line, following: _Line | None) -> None:
        current = self.current
        stripped = line.text
        if stripped[:1] not in _MARKUP_STARTS:  # most lines: no fence, underline, quotation mark or heading mark
            self.text_line(line, following, stripped, line.start)
            return
        if self.options.strip_markup and _FENCE_RE.fullmatch(stripped):
            self.close(at_blank=False)
            self.drop(line.start, line.end, "markup")
            return
        if _UNDERLINE_RE.fullmatch(stripped):
            if (
                current is not None
                and current.lines == 1
                and current.kind is not BlockKind.HEADING
                and len(stripped) >= 0.6 * len(current.last_line)
                and not BULLET_RE.match(current.last_line)
                and any(char.isalnum() for char in current.last_line)  # not a comment's close "*/"
            ):
                char = stripped[0]
                level = self.underline_levels.setdefault(char, len(self.underline_levels) + 1)
                current.kind, current.level = BlockKind.HEADING, level
                self.close(at_blank=False)
                self.drop(line.start, line.end, "markup")  # the underline: the heading's span is its text
            else:
                self.close(at_blank=False)
                self.drop(line.start, line.end, "markup")
            return
        if _DRAWN_RE.fullmatch(stripped) or _SPACED_RULE_RE.fullmatch(stripped):
            self.close(at_blank=False)
            self.drop(line.start, line.end, "markup")  # a border drawn alone ("+---+", "──┆" read as "--|")
            return
        if stripped == "--" and self.after_blank and following is not None:
            # A signature's delimiter ("--" alone after a blank line, its author's name under it).
            self.close(at_blank=False)
            self.drop(line.start, line.end, "markup")
            return
        framed = _FRAMED_TITLE_RE.fullmatch(stripped)
        if framed and any(char.isalnum() for char in framed.group(2)):
            level = self.underline_levels.setdefault(framed.group(1), len(self.underline_levels) + 1)
            self.new_item(line, BlockKind.HEADING, framed.group(2), line.start + framed.start(2), level=level)
            self.close(at_blank=False)
            return
        offset = line.start
        if self.options.strip_markup and (quote := _QUOTE_PREFIX_RE.match(stripped)):
            rest = stripped[quote.end() :]
            offset += quote.end() + (len(rest) - len(rest.lstrip()))
            stripped = rest.strip()
            if not stripped:
                self.close(at_blank=True)
                self.drop(line.start, line.end, "markup")
                return
        heading = _MD_HEADING_RE.match(stripped)
        if heading:
            body = stripped[heading.end() :].rstrip("#").rstrip()
            self.new_item(line, BlockKind.HEADING, body, offset + heading.end(), level=len(heading.group(1)))
            self.close(at_blank=False)
            return
        self.text_line(line, following, stripped, offset)

    def text_line(self, line: _Line, following: _Line | None, stripped: str, offset: int) -> None:
        """A line that is no markup: an item, a paragraph's continuation, or a new paragraph."""
        current = self.current
        bullet = BULLET_RE.match(stripped) if stripped[:1] in BULLET_STARTS else None
        if bullet and not self.dash_continues(current, stripped):
            rest = stripped[bullet.end() :]
            item = self.new_item(
                line,
                BlockKind.LIST_ITEM,
                rest.strip(),
                offset + bullet.end() + len(rest) - len(rest.lstrip()),
                labelled=False,  # "• 1.0 - Early development": the bullet is the item's mark
            )
            item.flags.add("bullet")
            return
        label, _, _ = split_label(stripped)
        if _number_term(stripped, line, following):
            # "3.8" alone over its definition set in: the definition list's term, no item's label
            self.new_item(line, BlockKind.LIST_ITEM, stripped, offset, labelled=False).flags.add("term")
            return
        if label is not None and not self.label_continues(current, stripped, line):
            self.new_item(line, BlockKind.LIST_ITEM, stripped, offset)
            return
        if current is not None and self.continues(current, stripped, line.indent):
            self.join(current, line, stripped, offset)
            return
        if current is None and self.rejoins(stripped, following, line.indent):
            self.current = self.items.pop()
            self.join(self.current, line, stripped, offset)
            return
        item = _Item(
            line.start,
            line.end,
            BlockKind.PARAGRAPH,
            lines=1,
            last_line=line.text,
            last_length=line.indent + len(line.text),
            indents=(line.indent,),
        )
        self.open(item)
        item.add(offset, stripped)

    def dash_continues(self, current: _Item | None, stripped: str) -> bool:
        """A dash at the start of a wrapped line that continues a sentence (``freedom -\\n- and``)."""
        if current is None or current.kind is not BlockKind.PARAGRAPH or not self.options.join_lines:
            return False
        if stripped[0] not in "-–—" or len(stripped) < 3 or not stripped[2:3].islower():
            return False
        previous = current.last_line
        if _TERMINAL_RE.search(previous[-12:]):
            return False
        if self.width == float("inf"):
            # Unwrapped text: an en or em dash after an unfinished sentence goes on with it
            # ("... create new ones" + "– including forging ..."); a hyphen is a bullet.
            return stripped[0] in "–—"
        return len(previous) >= 0.7 * self.width

    def label_continues(self, current: _Item | None, stripped: str, line: _Line) -> bool:
        """A number at the start of a wrapped line that continues a sentence
        (``... under Article\\n5. The parties``; ``two steps:\\n(1) assert ...,
        and (2) offer ...``) rather than labelling an item."""
        if current is None or current.kind is BlockKind.HEADING or not self.options.join_lines:
            return False
        previous = current.last_line
        if self.after_blank:
            return False
        label, _, length = split_label(stripped)
        if label is None:
            return False
        if current.label is not None and _successor(current.label) == label:
            return False  # "vi." ... "vii.": the next item of the list
        if _inline_successor(label, stripped[length:]):
            return True  # "(1) assert ..., and (2) offer ...": an enumeration inside a sentence
        predecessor = _predecessor(label)
        if predecessor is not None and _holds_label(current.text, predecessor):
            return True  # "... granted: 1) for ...; 2) separate ...;" + "3) for infringements ...": the same run
        hanging = current.kind is BlockKind.LIST_ITEM and len(current.indents) == 2
        if hanging and current.indents[1] > current.indents[0] and line.indent <= current.indents[0]:
            return False  # a label where the item's own label stands: the next item
        if (
            current.label is not None
            and not _TERMINAL_RE.search(previous[-12:])
            and not _may_follow(current.label, label)
        ):
            return True  # "5. ... OTHER USERS OF PYTHON" + "1.6.1 FOR ANY ...": no label that may come after "5"
        if _TERMINAL_RE.search(previous[-12:]) and not previous.endswith(","):
            return False
        if self.width != float("inf") and previous.endswith(","):
            # "... remember your preferences," + "(iii) identify your device ...": a list
            # inside a sentence, when the line before was full (its label did not fit).
            label_width = len(stripped.split(None, 1)[0])
            return current.last_length + 1 + label_width > self.width
        if previous.endswith(","):
            return False
        last_word = previous.rsplit(None, 1)[-1].casefold()
        return last_word in _REFERENCE_WORDS or (
            # A full line ending mid-sentence: the next line's number is part of the sentence.
            self.width != float("inf") and current.last_length + 1 + len(stripped.split(None, 1)[0]) > self.width
        )

    def continues(self, item: _Item, line: str, indent: int) -> bool:
        """Does ``line`` (indented by ``indent``) continue ``item``?  Yes, unless
        there is positive evidence of a boundary (see the module's rules)."""
        if item.kind is BlockKind.HEADING:
            return False
        if not item.pieces:
            return True  # a label or bullet alone on its line
        if not self.options.join_lines:
            return False
        previous = item.last_line
        first = line[:1]
        if previous[-1:] == "-" and first.islower() and _HYPHEN_END_RE.search(previous[-80:]):
            return True
        if " " not in previous and _URL_RE.match(previous) and not (first.islower() and not _URL_RE.match(line)):
            return False  # an address alone on its line ("http://www.apache.org/licenses/" + "TERMS AND ...")
        if _URL_RE.match(line):
            first = "U"  # an address starts a line in lower case without continuing a sentence
        if indent <= item.indents[0] and _FIELD_LINE_RE.match(line) and _FIELD_LINE_RE.match(item.pieces[0][1]):
            return False  # a run of header fields, one a line: "Author: a,\n    b" + "Status: Active"
        if (
            item.lines == 1
            and indent == item.indents[0]
            and _NAMED_FIELD_RE.match(line)
            and _NAMED_FIELD_RE.match(previous)
        ):
            return False  # fields named in words, one a line: "Bug reports: https://..." + "Maintainer: ..."
        if _LEAD_WORD_RE.fullmatch(line) and previous[-1:] in ".!?)" and scraped.ends_sentence(previous.rstrip(")")):
            return False  # "... the default command (run.sh)." + "Example:": a lead-in to what follows
        if "\t" in line and "\t" in item.last_line:
            return False  # rows laid out with tabs ("gcc\t\t: gcc-12" + "g++\t\t: g++-12"): nobody wraps prose so
        if (
            item.lines == 1
            and indent > item.indents[0]
            and _FIELD_VALUE_RE.match(item.pieces[0][1])
            and not _FIELD_LINE_RE.match(line)
        ):
            return True  # a field's value set in under it: "Copyright: (C) 2007 Red Hat" + "    LIBERATION is ..."
        # A field's values one a line, each under the first: "Developed by: <GROUP>" + "   <INSTITUTION>".
        value = _NAMED_FIELD_RE.match(item.pieces[0][1]) if indent > item.indents[0] else None
        if value is not None and indent == item.indents[0] + value.end() - 1:
            return True
        if self.spaced:
            return True  # every line set apart but these two: one block ("President Bush" + "West Point, ...")
        ended = (
            _SENTENCE_END_RE.search(previous[-12:]) is not None
            and previous[-1:] != ";"
            and scraped.ends_sentence(previous)
        )
        hanging = item.kind is BlockKind.LIST_ITEM and len(item.indents) == 2 and item.indents[1] > item.indents[0]
        if hanging and indent < item.indents[1] and not first.islower() and _TERMINAL_RE.search(previous[-12:]):
            return False  # back out of a hanging indent after a finished sentence: the item ended
        open_end = previous[-1:] in ",-–—(" or _open_word(previous.rsplit(None, 1)[-1])
        # (A signature line, a centred title line: never a bullet's or a label's item, "* add a Signed-off-by
        # line.", "[1] These are for little endian instruction encoding.")
        marked = "bullet" in item.flags or item.label is not None
        if (_NOTICE_LINE_RE.match(line) or _RESERVED_LINE_RE.fullmatch(line)) and (
            NOTICE_RE.match(item.pieces[0][1]) and previous[-1:] != "-"
        ):
            # A notice, or "All Rights Reserved" on its own line, under a notice, however the first ends
            # ("Maynard, Massachusetts," + "Copyright 1994 by FUJITSU LIMITED").
            return False
        if not open_end and not first.islower():
            if _NOTICE_LINE_RE.match(line) or (
                NOTICE_RE.match(item.pieces[0][1])
                and not first.isdigit()
                and not (previous[-1:].isalnum() and self.overflowed(item, line) and not _FIELD_LINE_RE.match(line))
            ):
                # A copyright notice stands alone: "Copyright (C) ..." + "Everyone is permitted ...";
                # unless a wrap broke its last word off, the line full ("... Information" + "Sciences Institute").
                return False
            if item.lines == 1 and not marked and self.short(item.last_length) and scraped.signature(previous):
                return False  # a signature line: "<signature of Ty Coon>, 1 April 1989" + "Ty Coon, President of Vice"
            if (
                item.lines == 1
                and not marked
                and first != "("  # ("... the current Perl version" + "($Config{version}).": a sentence going on)
                and self.centred(item.last_length - len(previous), len(previous))
            ):
                return False  # a centred title line: "GNU GENERAL PUBLIC LICENSE" + "Version 3, 29 June 2007"
        if (
            not open_end
            and not marked
            and item.lines == 1
            and self.centred(item.last_length - len(previous), len(previous))
            and self.centred(indent, len(line))
        ):
            return False  # two centred lines: "Version 2.0, January 2004" + "http://www.apache.org/licenses/"
        if self.hangs_on(item, indent, line):
            return True
        if self.width != float("inf"):
            return self.continues_wrapped(item, line, indent, ended)
        if ended:
            # A width too uncertain to name: the longest line stands for it.  In a text that
            # sets its paragraphs apart by blank lines, a line that ended a sentence near it
            # was no paragraph's end (no blank line followed): the next line goes on.
            near_full = self.blank_convention and item.last_length >= max(30, 0.8 * self.longest)
            # Where paragraphs are long lines set apart by blank lines, a block's long line that
            # ended a sentence, no blank line after it, was broken by the extraction (a PDF's line,
            # a page's end): "... is not inevitable." + "Without support from free nations ...".
            # (Headings never reach here; an item's next label or bullet starts the next item.)
            broken = (
                self.blank_convention
                and self.long_lines
                and len(previous) >= 0.5 * _LONG_LINE
                and len(line) >= 0.5 * _LONG_LINE
                and not _looks_like_heading(line)
            )
            near_full = near_full or broken
            # After an indented first line, a line less indented goes on with its paragraph (and, where
            # paragraphs are told by their first-line indent, so does a line at its other lines' indent).
            dedented = (
                item.kind is BlockKind.PARAGRAPH
                and indent < item.indents[0]
                and (item.lines == 1 or (not self.blank_convention and max(item.indents[1:]) <= indent))
            )
            return first.islower() or near_full or dedented
        if _TERMINAL_RE.search(previous[-12:]) and previous[-1:] in ";:" and not first.islower():
            return False  # one item a line: "... Middle East;" + "Increasing ..."
        if open_end:
            return True  # "... Free Trade Agreement –" + "Dominican Republic (CAFTA-DR) ..."
        # One paragraph a line: a long line that stops mid-sentence was broken
        # (an extraction's stray line break: "... the plot's mastermind" +
        # "Khalid Shaykh Muhammad, have been ..."); a short one is a line of its
        # own (a title, a name, an address line), unless the sentence plainly
        # goes on ("... the" + "Union", a lower-case start).
        if first.islower():
            return True
        if item.lines == 1 and _looks_like_heading(previous):
            # A long numbered title broken in two: "VI. Ignite a New Era ... Free Markets and Free" + "Trade".
            return len(previous) >= 60 and (item.label is not None or _looks_like_heading(line))
        return len(previous) >= 60

    def short(self, length: int) -> bool:
        """Did a line of ``length`` end well short of the text's width (or of 60 without one)?"""
        return length < (0.75 * self.width if self.width != float("inf") else 60)

    def centred(self, indent: int, length: int) -> bool:
        """Is a line set in the middle of the page (a title block's line)?"""
        if self.width == float("inf") or indent < 8 or length > 0.75 * self.width:
            return False
        if indent <= self.body_indent <= 8:
            return False  # at the body's own indent (a text set in by a tab throughout): no title's
        right = self.width - indent - length
        return abs(indent - right) <= max(6.0, 0.15 * self.width)

    def overflowed(self, item: _Item, line: str) -> bool:
        """In a hard-wrapped text, would the first word of ``line`` have overflowed
        the item's last line (which is then full: the wrap, not the author, ended it)?"""
        return self.width != float("inf") and item.last_length + 1 + len(line.split(None, 1)[0]) > self.width

    def hangs_on(self, item: _Item, indent: int, line: str) -> bool:
        """In a text whose blocks stand between blank lines, does a line at
        ``indent`` go on with a bullet's or a label's item, at its text's column
        ("* one patch per email." + "  See Email Format.", a footnote's "[1] These
        are ..." + "    This must not ...")?  Where the item's own wrapped lines
        stand or, on its first line, where the text's body does (not a
        paragraph's first-line indent that happens to fall there), or a label's
        text hangs."""
        # (A label's item only in a plain text a tool did not wrap, where a line that left room for the
        # next word ends its block: "2. We will give back to the free software community" + "We will ...";
        # and not over a command: "... package:" + "$ wmname LG3D".)
        if not self.blank_convention:
            return False
        labelled = (
            "bullet" not in item.flags
            and item.kind is BlockKind.LIST_ITEM
            and item.label is not None
            and not self.rst
            and not self.greedy
            and not _code_line(line)
        )
        if not ("bullet" in item.flags or labelled):
            return False
        column = self.text_column(item)
        if indent != column or item.indents[1:] not in ((), (column,)):
            return False
        # On the item's first line: at the body's column, or (a label's) set in deeper than its label.
        return len(item.indents) > 1 or column == self.body_indent or (labelled and column > item.indents[0])

    def text_column(self, item: _Item) -> int:
        """The column where ``item``'s text begins on its first line (after its
        bullet or label), tabs to every eighth as the lines' indents are."""
        offset = item.pieces[0][0]
        return len(self.text[self.text.rfind("\n", 0, offset) + 1 : offset].expandtabs(8))

    def continues_wrapped(self, item: _Item, line: str, indent: int, ended: bool) -> bool:
        """:meth:`continues` in a text hard-wrapped at :attr:`width`.

        Hand-wrapped texts fill their lines unevenly (a licence wrapped "at 72"
        has lines of 60 to 78 characters), so that a next word that would have
        fitted proves little: a line ends its block only when it ended a
        sentence *well* short of the width, or by the layout's own marks."""
        previous = item.last_line
        first = line[:1]
        width = self.width
        fits = not self.overflowed(item, line)
        well_short = fits and item.last_length < 0.75 * width
        last_word = previous.rsplit(None, 1)[-1].casefold()
        stop = ended or (
            previous[-1:] in ".!?" and previous.rsplit(None, 1)[-1][:-1].casefold() not in scraped.ABBREVIATIONS
        )  # "... sys.path." ends a sentence for this rule; "... Inc." does not
        if (
            stop
            and item.kind is BlockKind.PARAGRAPH
            and indent > self.body_indent
            and indent > min(item.indents[1:] or (0,))
        ):
            return False  # a first-line indent after a finished sentence ("... sys.path.") starts a paragraph
        # A one-line block far short of the width, the next word fitting after it: a term above its
        # definition ("root" + "Root is (typically) the superuser."), no wrap leaves so much room.
        term = (
            item.lines == 1
            and fits
            and item.last_length < _TERM_SHARE * width
            and any(char.isalnum() for char in previous)  # not a Debian copyright file's " ." line
        )
        if term and item.kind is BlockKind.PARAGRAPH and indent > self.body_indent and indent == item.indents[0]:
            return False  # ... the definition set with the same first-line indent ("kmem" + "   /dev/kmem and ...")
        if (
            term
            and (item.kind is BlockKind.PARAGRAPH or "term" in item.flags)
            and indent >= item.indents[0] + _DEFINITION_STEP
            and len(previous.split()) <= _TERM_WORDS
            and _TERM_RE.fullmatch(previous) is not None
        ):
            # ... or set in under it, in whatever case it opens ("critical" + "      makes unrelated
            # software on the system ... break"): a definition list as a text browser prints it.
            return False
        if ended:
            if first.islower():
                return True
            return not (well_short or (fits and (self.greedy or not self.blank_convention)))
        parenthesis = first == "(" and len(previous.split()) >= 3 and not previous.isupper() and previous[-1:] != ":"
        if first.islower() or first.isdigit() or parenthesis or previous[-1:] in ",-–—(" or _open_word(last_word):
            # "... under this" + "License to anyone ...", "... Perl version" + "($Config{version})."
            return True  # never cut a sentence at a wrap
        if previous.endswith(":") and well_short:
            return False  # "... the following:" + "Attribution right: ..."
        if self.greedy and fits and first.isupper() and not _NAMED_FIELD_RE.match(line):
            # Wrapped by a tool, a line that left room for the next word was ended on purpose,
            # with or without a full stop: an item's title above its text ("2. We will give back
            # to the free software community" + "When we write new components ..."); not before a
            # field ("... ranges: LISTofRECORDRANGE" + "Errors: Match, Value"), which runs have their rules for.
            return False
        if well_short and first.isupper() and _URL_RE.match(previous.rsplit(None, 1)[-1]):
            # An address ends a notice's line, the next word would have fitted: the next line is a
            # statement of its own ("... website at https://www.npmjs.com" + "Operated by npm, Inc.").
            return False
        if (
            item.lines == 1
            and item.last_length < 0.7 * width
            and _looks_like_heading(previous)
            and not (previous.isupper() and item.last_length >= 0.5 * width)
        ):
            return False  # a heading line above its text, no blank line between
        if term and first.isupper():
            return False
        # "• Europe: European Digital Advertising Alliance" + "These choices ...": a short item ended.
        return not (item.kind is BlockKind.LIST_ITEM and well_short and item.last_length < 0.6 * width)

    def rejoins(self, stripped: str, following: _Line | None, indent: int = 0) -> bool:
        """Does ``stripped``, after a blank line or page break, continue the last item?"""
        if not self.options.join_lines or not self.items or (not self.after_blank and not self.page_break):
            return False
        last = self.items[-1]
        if last.kind in (BlockKind.HEADING, BlockKind.CODE) or not last.pieces:
            return False
        if not self.page_break and indent < max(last.indents) + 4 and self.broken_off(last.pieces[-1][1], stripped):
            return not _furniture(last)
        if not self.page_break:
            if indent >= max(last.indents) + 4:
                return False  # a line displayed apart ("... a copy of the License at" + the address, indented)
            previous_line = last.last_line
            long_enough = (
                last.last_length >= 0.6 * self.width if self.width != float("inf") else len(previous_line) >= 60
            )
            if not long_enough or (last.lines == 1 and _looks_like_heading(previous_line)):
                return False  # a short line, then a blank line: it ended ("Thomas Leonard" + "tal197 at ...")
            if (
                not _TERMINAL_RE.search(previous_line[-12:])
                and _open_word(previous_line.rsplit(None, 1)[-1])
                and not (_LIST_CONJUNCTION_RE.search(previous_line[-8:]) and not stripped[:1].islower())
                and not _FIELD_LINE_RE.match(stripped)
                and indent <= last.indents[-1]
            ):
                # A long line that stopped on "of": an extraction's stray blank line inside
                # a sentence ("... to a total of" + "$4.5 billion ..."); not before a field
                # ("License: GPL-2" under a licence text cut short) nor before a block set in
                # (an address, a quotation displayed: "... return to" + "   Software Distribution ...").
                return not _furniture(last)
        previous = last.pieces[-1][1]
        # An address is no sentence going on.  Where every line is set apart, a quoted word may go on
        # ("... creating a healthy" + '"network" between ...'); elsewhere it opens an entry ('"yes" - ...').
        first = "U" if _URL_RE.match(stripped) else self.opening(stripped)
        if previous[-1:] == "-" and first.islower() and _HYPHEN_END_RE.search(previous[-80:]):
            return True  # a word hyphenated across a page break
        # "U.S." does not close a sentence.
        closed = _TERMINAL_RE.search(previous[-12:]) is not None and scraped.ends_sentence(previous)
        if _TERM_ENTRY_RE.match(stripped) and _TERM_ENTRY_RE.match(last.text):
            return False  # entries of a list of terms: "definitions: return the pointer ..." + "errorDescription: ..."
        if not self.page_break and indent < min(last.indents) - 1:
            return False  # back out of a line set in (a command, a message quoted) to the text's column
        if not closed and first.islower() and not previous.endswith(":"):
            if following is None and len(stripped.split()) <= _TERM_WORDS and not _TERMINAL_RE.search(stripped):
                return False  # a term alone between blank lines ("type", "needs rebase or merge"): no sentence's end
            return not _furniture(last)  # a paragraph broken mid-sentence, not a page's furniture line
        dangling = previous[-1:] in ",–—" or _WORD_HYPHEN_END_RE.search(previous[-3:]) is not None
        if dangling and _FIELD_LINE_RE.match(stripped) and _FIELD_LINE_RE.match(last.text):
            return False  # a field's list of names ends with a comma, the next field is its own ("License: ...")
        if dangling and not (last.kind is BlockKind.PARAGRAPH and last.lines == 1 and _looks_like_heading(previous)):
            return not _furniture(last)  # "... Free Trade Agreement –" + blank + "Dominican Republic ..."
        # A heading stands alone: a wrapped line followed by more of its paragraph is none.
        wrapped = following is not None and len(stripped) >= 0.6 * self.width
        heading = _looks_like_heading(stripped) and not wrapped
        if not self.page_break or heading:
            return False
        if last.lines == 1 and _looks_like_heading(previous):
            return False
        # A sentence that ends at a page break ends its paragraph too, as far as
        # anyone can tell (joining when the last line is full gained nothing on
        # benchmarks/segmentation.py); an unfinished one goes on.
        if closed or previous.endswith((":", ";")):
            return False
        if previous.rsplit(None, 1)[-1].casefold() in scraped.FUNCTION_WORDS:
            return True  # "... in the Official Journal of the" + "Union together with ..."
        if last.label is not None and last.lines == 1 and len(previous.split()) < 12:
            return False  # "1. Security of processing" at the foot of a page is a heading
        if self.width != float("inf"):
            return last.last_length >= 0.6 * self.width  # a short last line ended its block
        # One paragraph a line: a short line without closing punctuation may be a heading.
        return len(previous.split()) >= 12

    def opening(self, stripped: str) -> str:
        """The character a line opens with, for telling whether it goes on with a
        sentence: where every line is set apart, the one after an opening
        quotation mark ("... creating a healthy" + '"network" between ...');
        elsewhere a quoted word opens an entry ('"yes" - ...')."""
        return (stripped.lstrip("\"“‘'") if self.spaced else stripped)[:1]

    def broken_off(self, previous: str, stripped: str) -> bool:
        """Was a sentence broken off, however short its last line, at a blank
        line a converter put between the lines of a paragraph?  The next line
        starts in lower case (where every line is set apart, perhaps after a
        quotation mark: :attr:`spaced`) and the previous
        one ends with a word cut at a hyphen ("moment of influ-" + "ence into
        decades"), a dash, a comma, an abbreviation ("U.S.") or a function word
        ("threatening us," + "our allies"); or the next line opens with a
        bracketed abbreviation ("... the European Union" + "(EU), our partner");
        or, in a text that sets every line apart (:attr:`spaced`), the previous
        line ends with a comma before a line of words ("Africa," + "Central
        Asia, and the Caspian region.")."""
        if _URL_RE.match(stripped):
            return False  # an address is no sentence going on
        if _BRACKETED_ABBREVIATION_RE.match(stripped) and not _TERMINAL_RE.search(previous[-12:]):
            return True  # "... the International Monetary Fund" + "(IMF), and the private sector ..."
        if not self.opening(stripped).islower():
            # Every line set apart: a comma goes on to a sentence of words whatever its case
            # ("... the Western Hemisphere, Africa," + "Central Asia, and the Caspian region.").
            return (
                self.spaced
                and previous[-1:] == ","
                and not _looks_like_heading(previous)  # "THE WHITE HOUSE," (its date line set aside)
                and split_label(stripped)[0] is None
                and len(stripped.split()) >= _GOING_ON_WORDS
            )
        if previous[-1:] == "-":
            # A word cut at its hyphen ("influ-", "self-"), or a dash between spaces ("unprecedented -").
            return _WORD_HYPHEN_END_RE.search(previous[-3:]) is not None or previous[-2:] == " -"
        # The weaker signs: only before a line that is more than a label or a
        # title ("pyenv install", after a paragraph whose example was lost).
        if split_label(stripped)[0] is not None or len(stripped.split()) < _GOING_ON_WORDS:
            return False
        if previous[-1:] == ",":
            return True
        if previous[-1:] == "." and not scraped.ends_sentence(previous):
            return True  # "ensure U.S." + "access to distant theaters"
        last_word = previous.rsplit(None, 1)[-1]
        return last_word.islower() and last_word in scraped.FUNCTION_WORDS


_MEND = "\x00"  # glue: drop the hyphen at the end of the previous piece
# White space _Item.build would change: any but a plain space, or two in a row.
_PLAIN_SPACING_RE = re.compile(r"[^\S ]| {2}")
# A quotation's end: a closing quotation mark, perhaps after its full stop, perhaps before a bracket.
_QUOTE_END_RE = re.compile(r"[\"”’»]\)?$")
# After a quotation, its attribution: a speaker alone (this many words), a few
# words with a line under them, or (a scraper's one line) the two run together.
_SPEAKER_WORDS = 3
_ATTRIBUTION_WORDS = 5
_ATTRIBUTION_LINE_WORDS = 12
# A line of fewer words after a comma and a blank line may be a title or a
# label of its own (_Blocks.broken_off).
_GOING_ON_WORDS = 5

# -- pass 3: repairs and blocks -------------------------------------------------------


@attrs.frozen
class _TableLine:
    """A line of a plain-text table: its cells joined by ``" | "`` (``None``
    for a header's further line) and its header row."""

    cells: str | None
    header: str | None = None
    rule: bool = False  # a rule under the header: markup


_RULE_RE = re.compile(r"[-=_+|: ]{3,}")
_WORD_RUN_RE = re.compile(r"\S+")
_CELL_GAP_RE = re.compile(r"\S(?: {2,}|\t[ \t]*)(?=\S)")
_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_CELL_GLUED = (",", ";", ")")  # a cell's line that begins so goes on from the last word above, no space
_MIN_TABLE_ROWS = 3
_MIN_PAIR_ROWS = 2  # under its header, a two-column table of two rows is one (``_headed_pairs``)
_MIN_ALIGNED_PAIR_ROWS = 1  # or of one row whose second cell starts under the header's, after a gap
_MIN_TABLE_COLUMNS = 3
_MAX_HEADER_LINES = 3
_MAX_KEY_WORDS = 3  # a row's first cell in a table of rows between blank lines (``_spaced_tables``)


def _tables(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """The plain-text tables of ``lines``: three rows or more in a row, each
    of three cells or more set apart by two spaces or more, at columns that are
    blank in every row (so a cell may be empty); the lines just above (a blank
    line between at most), whose words stand in those columns, are their
    header row ("Derived" over "from": "Derived from"; "GPL-" over
    "compatible": "GPL-compatible").  By line index."""
    found: dict[int, _TableLine] = {}
    gaps = [0] * len(lines)
    for index, line in enumerate(lines):
        if line is None or ("  " not in line.text and "\t" not in line.text):
            continue
        # A stripped line with one run of two or three spaces (a sentence's double space) has one gap:
        # the regular expression counts the others.
        seen = line.text.count("  ") + line.text.count("\t")
        gaps[index] = seen if seen < 2 else len(_CELL_GAP_RE.findall(line.text))
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and gaps[end]:
            end += 1
        first, last = index, end
        while first < last and gaps[first] < 2:
            first += 1  # a row of two cells inside a table, not at its edges ("D   gdc-12")
        while last > first and gaps[last - 1] < 2:
            last -= 1
        rows = sum(gap >= 2 for gap in gaps[first:last])
        # (Two rows will do under a header of cells and its rule: "what  length  ..." + "-----".)
        ruled = first >= 2 and _RULE_RE.fullmatch(_text(lines[first - 1])) is not None and gaps[first - 2] >= 2
        if rows >= _MIN_TABLE_ROWS or (ruled and rows >= _MIN_PAIR_ROWS):
            found.update(_table(lines, first, last))
        index = max(end, index + 1)
    return found


def _dash_pairs(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """Two-column lists of names and what they are, a dash between, the names
    padded so that the dashes stand in one column ("AUTHORS         - the
    authors of the library", a README's list of its distribution's files):
    ``_MIN_TABLE_ROWS`` lines or more in a row at one indent, two thirds of
    them with their dash at the same column after a gap.  Each a row, "name |
    what it is" (a description's own dash kept: "bugs in MPFR - please read").
    By line index."""
    found: dict[int, _TableLine] = {}
    for first, end in _runs(lines):
        # Within a stretch, the lines that read so, one indent, one after the other.
        numbered = [(at, lines[at], _DASH_PAIR_RE.fullmatch(_text(lines[at]))) for at in range(first, end)]
        for (matched, _), group in itertools.groupby(numbered, key=lambda t: (t[2] is not None, _indent(t[1]))):
            run = [(at, match, _indent(line) + match.start(2)) for at, line, match in group if match is not None]
            if not matched or len(run) < _MIN_TABLE_ROWS:
                continue
            column = Counter(dash for _, _, dash in run).most_common(1)[0][0]
            aligned = [match for _, match, dash in run if dash == column and "  " in match.group(0)[: match.start(2)]]
            if 3 * len(aligned) >= 2 * len(run):
                for at, match, _ in run:
                    found[at] = _TableLine(f"{match.group(1)} | {' '.join(match.group(3).split())}")
    return found


# A name, a gap, a dash, what it is: "AUTHORS         - the authors of the library".
_DASH_PAIR_RE = re.compile(r"(\S+)[ \t]+(-)[ \t]+(\S.*)")


def _spaced_tables(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """Tables whose rows stand between blank lines: a header of three cells or
    more, each a capitalized word or two, two spaces or more apart ("Version
    Date          Description"), a blank line, then rows one blank line apart,
    each a line that starts its cells at the header's columns, further lines going on in one of its later columns
    (a description wrapped under "Description"); two rows at least, a first
    cell of a few words (``_MAX_KEY_WORDS``).  By line index."""
    found: dict[int, _TableLine] = {}
    index = 0
    while index + 2 < len(lines):
        header = lines[index]
        if header is None or lines[index + 1] is not None or "  " not in header.text:
            index += 1
            continue
        padded = _padded(header)
        columns = [header.indent] + [gap.end() for gap in _GAP_RE.finditer(padded)]
        cells = [padded[a:b].strip() for a, b in zip(columns, [*columns[1:], len(padded)], strict=True)]
        if len(columns) < _MIN_TABLE_COLUMNS or not all(_HEADER_CELL_RE.fullmatch(cell) for cell in cells):
            index += 1
            continue
        rows: list[tuple[list[int], list[str]]] = []
        at = index + 2
        while at < len(lines) and lines[at] is not None:
            block = []
            while at < len(lines) and lines[at] is not None:
                block.append(at)
                at += 1
            row = _spaced_row(lines, block, columns)
            if row is None:
                break
            rows.append((block, row))
            at += 1  # the blank line after the row
        if len(rows) < _MIN_PAIR_ROWS:
            index += 1
            continue
        head = _joined_cells(cells)
        found[index] = _TableLine(head)
        for block, row in rows:
            found[block[0]] = _TableLine(_joined_cells(row), head)
            for continued in block[1:]:
                found[continued] = _TableLine(None)
        index = rows[-1][0][-1] + 1
    return found


def _spaced_row(lines: list[_Line | None], block: list[int], columns: list[int]) -> list[str] | None:
    """The cells of a row of :func:`_spaced_tables` over the lines ``block``, or ``None``:
    its first line at the first column with its first two cells filled, no word
    across a column's start, further lines in a later column."""
    cells = [""] * len(columns)
    for number, at in enumerate(block):
        line = lines[at]
        assert line is not None
        padded = _padded(line)
        if (line.indent != columns[0]) if number == 0 else (line.indent not in columns[1:]):
            return None
        if any(padded[column - 1 : column + 1].strip() and padded[column - 1] != " " for column in columns[1:]):
            return None  # a word across a column's start
        bounds = [*columns[1:], len(padded)]
        for k, (a, b) in enumerate(zip(columns, bounds, strict=True)):
            cells[k] = " ".join(f"{cells[k]} {padded[a:b]}".split())
        if (number == 0 and not (cells[0] and cells[1])) or len(cells[0].split()) > _MAX_KEY_WORDS:
            return None
    return cells


# A cell of a header over rows between blank lines: a capitalized word or two ("Version", "Check name").
_HEADER_CELL_RE = re.compile(r"[A-Z][\w-]*(?: [\w-]+)?")


def _headed_pairs(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """Two-column tables without rules: under a header line of two cells of a
    word or two, capitalized ("Directory Description"), rows at its indent, no
    blank line between, each a first cell and a second that opens with a word,
    no bullet before: two rows or more (``_MIN_PAIR_ROWS``), or one whose
    second cell starts under the header's after a gap ("opt       Configuration
    for /opt").  Where most rows align their second
    cell under the header's (two spaces or more before it: "bin       Essential
    command binaries"), every row is cut at that column; where they do not (a
    text browser's narrow rendering: "home User home directories"), after its
    first word.  A line set in deeper, or a bracketed note alone ("(optional)"),
    goes on with the row's second cell.  By line index."""
    found: dict[int, _TableLine] = {}
    index = 0
    while index + _MIN_ALIGNED_PAIR_ROWS < len(lines):
        header = lines[index]
        if header is None or not _HEADER_PAIR_RE.fullmatch(" ".join(header.text.split())):
            index += 1
            continue
        body = []
        end = index + 1
        while end < len(lines) and (line := lines[end]) is not None and line.indent >= header.indent:
            body.append(end)
            end += 1
        rows = _pair_rows(lines, header, body)
        longest = max((len(_text(lines[ats[0]])) for ats, _ in rows[1:]), default=0)
        if not rows or 3 * len(header.text) > 2 * longest:
            index += 1  # (a header is short beside its rows: a paragraph's line of capitals is none)
            continue
        head = " | ".join(rows.pop(0)[1])
        found[index] = _TableLine(head)
        for ats, cells in rows:
            found[ats[0]] = _TableLine(" | ".join(cells), head)
            for at in ats[1:]:
                found[at] = _TableLine(None)
        index = rows[-1][0][-1] + 1  # past the last row's last line
    return found


def _pair_rows(lines: list[_Line | None], header: _Line, body: list[int]) -> list[tuple[list[int], list[str]]]:
    """The header's cells and the rows of ``body`` under it (see :func:`_headed_pairs`), as
    (line indexes, [first cell, second cell]); fewer than ``_MIN_PAIR_ROWS`` rows: not a table."""
    spaces = [at for at, char in enumerate(header.text) if char == " "]
    rows = [line for at in body if (line := lines[at]) is not None and line.indent == header.indent]

    padded_header = _padded(header)

    def aligned(column: int, loose: bool = False) -> int:
        """How many rows have a gap of two spaces or more, then a cell, at ``column``; or,
        ``loose`` and where the header has such a gap, a one-word first cell ending a space
        before it ("words List of English words" under "File  Description")."""
        loose = loose and padded_header.startswith("  ", column - 2)
        count = 0
        for row in rows:
            padded = _padded(row)
            if not padded[column : column + 1].strip():
                continue
            count += padded.startswith("  ", column - 2) or (
                loose and padded[column - 1] == " " and " " not in padded[:column].strip()
            )
        return count

    # The header's second cell starts after one of its spaces: where most rows align theirs
    # (loosely if need be), or after its first word.
    columns = [header.indent + at + 1 for at in spaces]
    best = max(columns, key=aligned, default=None)
    if best is None:
        return []
    split_aligned = 3 * aligned(best) >= 2 * max(1, len(rows))
    if not split_aligned:
        best = max(columns, key=lambda column: aligned(column, loose=True))
        split_aligned = 3 * aligned(best, loose=True) >= 2 * max(1, len(rows))
    if not split_aligned:
        best = header.indent + header.text.index(" ") + 1
    result: list[tuple[list[int], list[str]]] = [([], [padded_header[:best].strip(), padded_header[best:].strip()])]
    for at in body:
        line = lines[at]
        assert line is not None
        note = _NOTE_RE.fullmatch(line.text) is not None
        if not split_aligned and len(result) > 1 and not result[-1][1][1].endswith(")"):
            # Cut after its first word, a row's cell wrapped onto a line that ends with its note:
            # "ld.so.conf List of extra directories to search for shared" + "libraries (optional)".
            note = note or _WRAPPED_NOTE_RE.fullmatch(line.text) is not None
        if line.indent > header.indent or (note and len(result) > 1):
            if len(result) == 1:
                return []
            result[-1][0].append(at)
            result[-1][1][1] += " " + " ".join(line.text.split())  # the second cell wrapped
            continue
        padded = _padded(line)
        if split_aligned:
            first, second = padded[:best].strip(), padded[best:].strip()
            # (A first cell of words must end before a gap: "lib<qual> Alternate ..." is cut by words.)
            if padded[best - 1 : best] != " " or not first or (" " in first and not padded.startswith("  ", best - 2)):
                break
        else:
            # (A row whose first cell is short may still align its second cell after a gap:
            # "ld*       The execution time linker" under "libc.so.* The dynamically-linked ...".)
            parts = line.text.split(None, 1)
            if len(parts) < 2:
                break
            first, second = parts[0], parts[1]
        if (
            not _PAIR_ROW_RE.match(second)
            or "  " in second  # a third cell: a table of more columns (``_tables``), or none
            or BULLET_RE.match(line.text)
            or first.endswith((":", ".", ","))
        ):
            break
        result.append(([at], [first, second]))
    if len(result) - 1 < (_MIN_ALIGNED_PAIR_ROWS if split_aligned else _MIN_PAIR_ROWS):
        return []
    if not split_aligned:
        # Cut after a first word, the rows must read as names and what they name: identifiers, half
        # of them at least ("home", "lib<qual>", "csh.login"; "Xmodmap"), over descriptions of
        # three words or more, not a list of people ("Adam Sampson") or an address's lines.
        named = [cells for _, cells in result[1:]]
        identifiers = sum(1 for first, _ in named if first[:1].islower() or _IDENTIFIER_MARK_RE.search(first))
        described = sorted(len(second.split()) for _, second in named)[len(named) // 2]
        if 2 * identifiers < len(named) or described < 3:
            return []
    return result


# A two-column table's header: two cells of a word or two, capitalized, no mark ("Directory Description").
_HEADER_PAIR_RE = re.compile(r"[A-Z][\w-]*(?: [A-Za-z][\w-]*)? [A-Z][\w-]*(?: [A-Za-z][\w-]*)?")
# A row's second cell opens with a word, not a mark ("= xmlto", "# returns ...", "- list of ...").
_PAIR_ROW_RE = re.compile(r"[^\W_]")
# What marks a word as a name in a system (a path, a file, a placeholder): "lib<qual>", "csh.login".
_IDENTIFIER_MARK_RE = re.compile(r"[./<_]")
# A bracketed note alone on its line, a wrapped cell's end: "(optional)"; or after the cell's last word.
_NOTE_RE = re.compile(r"\([^()]{1,40}\)")
_WRAPPED_NOTE_RE = re.compile(r"[^\s()]+ \([^()]{1,40}\)")


def _simple_tables(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """reStructuredText's simple tables: rows framed by rules of ``=`` runs
    (two columns or more, the runs giving the columns), a header row between
    the first two rules when a third closes the table; ``-`` rules between rows
    are markup, and a line whose first column is blank goes on with the row
    above (its cells joined to that row's).  By line index."""
    found: dict[int, _TableLine] = {}
    rule_of = [_simple_rule(line) for line in lines]
    index = 0
    while index < len(lines):
        columns = rule_of[index]
        if columns is None:
            index += 1
            continue
        rules = [index]
        end = index + 1
        while end < len(lines):
            if lines[end] is None:
                if end + 1 >= len(lines) or rule_of[end + 1] is None:
                    break  # a blank line ends the table unless a rule follows it
                end += 1
                continue
            if rule_of[end] == columns:
                rules.append(end)
                end += 1
                if len(rules) == 3:
                    break
                continue
            end += 1
        if len(rules) < 2:
            index += 1
            continue
        header_end = rules[1] if len(rules) == 3 else None
        rows: list[tuple[list[int], list[str]]] = []  # the lines of each row, its cells
        for at in range(rules[0] + 1, rules[-1]):
            current = lines[at]
            if current is None or at in rules:
                continue
            padded = _padded(current)
            if _SIMPLE_SEPARATOR_RE.fullmatch(padded.strip()):
                found[at] = _TableLine(None, rule=True)
                continue
            bounds = [(start, columns[k + 1][0] if k + 1 < len(columns) else len(padded)) for k, (start, _) in
                      enumerate(columns)]  # fmt: skip
            cells = [" ".join(padded[a:b].split()) for a, b in bounds]
            if rows and not cells[0] and (header_end is None or (at > header_end) == (rows[-1][0][0] > header_end)):
                lines_of, before = rows[-1]
                rows[-1] = ([*lines_of, at], [" ".join(f"{x} {y}".split()) for x, y in zip(before, cells, strict=True)])
            else:
                rows.append(([at], cells))
        header = None
        for lines_of, cells in rows:
            text = _joined_cells(cells)
            is_header = header_end is not None and lines_of[0] < header_end
            found[lines_of[0]] = _TableLine(text, None if is_header else header)
            for at in lines_of[1:]:
                found[at] = _TableLine(None)
            if is_header:
                header = text
        for at in rules:
            found[at] = _TableLine(None, rule=True)
        index = rules[-1] + 1
    return found


def _pipe_tables(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """Tables whose cells are set apart by ``|`` (a database client's output,
    a hand-made list of allocations, a table whose frame was read off as a
    box's): a header row, a rule of dashes under it crossed where the bars
    stand (``------+------``), then two rows or more with as many bars at the
    same columns; or, without a rule, three rows or more so.  One row a block,
    the first row the others' context; the rule is markup.  By line index."""
    found: dict[int, _TableLine] = {}
    index = 0
    while index + 2 < len(lines):
        bars = _bars(lines[index])
        if not bars:
            index += 1
            continue
        rule = lines[index + 1]
        ruled = rule is not None and _PIPE_RULE_RE.fullmatch(rule.text) is not None
        end = index + (2 if ruled else 1)
        while end < len(lines) and _same_bars(_bars(lines[end]), bars):
            end += 1
        if end - index < (4 if ruled else _MIN_TABLE_ROWS):
            index += 1
            continue
        header = _bar_cells(lines[index])
        found[index] = _TableLine(header)
        if ruled:
            found[index + 1] = _TableLine(None, rule=True)
        for at in range(index + (2 if ruled else 1), end):
            found[at] = _TableLine(_bar_cells(lines[at]), header)
        index = end
    return found


_BAR_RE = re.compile(r"(?<=\s)\|(?=\s)")
_PIPE_RULE_RE = re.compile(r"[-=]{2,}(?:[+|][-=]{2,})+[+|]?")


def _bars(line: _Line | None) -> list[int]:
    """The columns of the bars between a frameless row's cells (none for a framed row, "| a |")."""
    if line is None or "|" not in line.text or line.text[:1] == "|" or line.text[-1:] == "|":
        return []
    return [match.start() for match in _BAR_RE.finditer(_padded(line))]


def _same_bars(bars: list[int], header: list[int]) -> bool:
    return len(bars) == len(header) and all(abs(a - b) <= 1 for a, b in zip(bars, header, strict=True))


def _bar_cells(line: _Line | None) -> str:
    assert line is not None
    return _joined_cells([" ".join(part.split()) for part in line.text.split("|")])


def _grid_tables(lines: list[_Line | None]) -> dict[int, _TableLine]:
    """Tables drawn in a grid (``+----+----+`` borders or ``|----+----|`` rules,
    ``|`` between cells, a row on one line or several between two borders, or,
    under a header, one a line where no line leaves its first cell empty): one row a block, the
    first row the others' header; the borders are markup.  By line index."""
    found: dict[int, _TableLine] = {}
    index = 0
    while index < len(lines):
        if not _is_grid_border(lines[index]):
            index += 1
            continue
        end = index + 1
        rows: list[list[int]] = []
        current: list[int] = []
        closed = False
        while end < len(lines):
            line = lines[end]
            if _is_grid_border(line):
                if current:
                    rows.append(current)
                    current = []
                closed = True
                end += 1
                continue
            if line is None or not _GRID_ROW_RE.fullmatch(line.text):
                break
            current.append(end)
            closed = False
            end += 1
        if not closed or not rows:
            index += 1
            continue
        if len(rows) == 2:  # ruled under its header and at its foot only: perhaps a row a line
            rows = [rows[0], *_grid_rows(lines, rows[1])]
        header: str | None = None
        for number, row in enumerate(rows):
            cells: list[str] = []
            for at in row:
                line = lines[at]
                assert line is not None
                parts = [" ".join(part.split()) for part in line.text.strip()[1:-1].split("|")]
                # (A cell wrapped at its edge may go on with the comma after its last word: "East" + ", South".)
                cells = [
                    f"{a}{b}" if b[:1] in _CELL_GLUED else f"{a} {b}".strip()
                    for a, b in itertools.zip_longest(cells, parts, fillvalue="")
                ]
            text = _joined_cells(cells)
            found[row[0]] = _TableLine(text, header)
            for at in row[1:]:
                found[at] = _TableLine(None)
            if number == 0 and len(rows) > 1:
                header = text
        for at in range(index, end):
            if at not in found and lines[at] is not None:
                found[at] = _TableLine(None, rule=True)
        index = end
    return found


def _grid_rows(lines: list[_Line | None], group: list[int]) -> list[list[int]]:
    """The rows of the lines ``group`` under a grid's header: one row whose
    cells wrap, unless every line fills its first cell (a row a line)."""
    firsts = []
    for at in group:
        line = lines[at]
        assert line is not None
        firsts.append(line.text.strip()[1:].split("|", 1)[0].strip())
    if len(group) > 1 and all(firsts):
        return [[at] for at in group]
    return [group]


def _is_grid_border(line: _Line | None) -> bool:
    """A grid's border: ``+----+----+``, or a rule between rows drawn inside the
    outer bars (``|-------+-------|``, as a text browser draws a table)."""
    return line is not None and line.text[:1] in "+|" and _GRID_BORDER_RE.fullmatch(line.text) is not None


_GRID_BORDER_RE = re.compile(r"\+[-=+]*-[-=+]*\+|\|[-=]*-[-=]*(?:\+[-=]*)+\|")
_GRID_ROW_RE = re.compile(r"\|.*\|")


def _simple_rule(line: _Line | None) -> list[tuple[int, int]] | None:
    """The columns a simple table's ``=`` rule gives (two or more), or None."""
    if line is None or line.text[:1] != "=" or not _SIMPLE_RULE_RE.fullmatch(line.text):
        return None
    padded = _padded(line)
    return [(match.start(), match.end()) for match in re.finditer("=+", padded)]


_SIMPLE_RULE_RE = re.compile(r"=+(?:[ \t]+=+)+")
_SIMPLE_SEPARATOR_RE = re.compile(r"-+(?:[ \t]+-+)*")


def _padded(line: _Line) -> str:
    """The line as laid out: its columns, a tab stopping at every eighth."""
    padded = " " * line.indent + line.text
    return padded.expandtabs(8) if "\t" in line.text else padded


def _table(lines: list[_Line | None], first: int, end: int) -> dict[int, _TableLine]:
    rows = [_padded(line) for line in lines[first:end] if line is not None]
    width = max(map(len, rows))
    occupied = bytearray(width)  # marked where a row has a character: linear in the rows' length
    for padded in rows:
        for run in _WORD_RUN_RE.finditer(padded):
            occupied[run.start() : run.end()] = b"\x01" * (run.end() - run.start())
    blank = [not mark for mark in occupied]
    # A column one space wide is a gutter too where every row starts a word just after it and
    # a third of the rows have a wider gap there: a long cell may come a space short of the next
    # ("Japanese Japan", "UJIS (or EUC-J) /usr" among "French   Canada", "ISO 646         /usr").
    starts = [0] * (width + 1)
    gutter = [0] * width
    for padded in rows:
        for run in _WORD_RUN_RE.finditer(padded):
            starts[run.start()] += 1
        for gap in _GAP_RE.finditer(padded):
            gutter[gap.start() : gap.end()] = [count + 1 for count in gutter[gap.start() : gap.end()]]
    wide = [starts[column + 1] == len(rows) and 3 * gutter[column] >= len(rows) for column in range(width)]
    columns: list[tuple[int, int]] = []
    column = 0
    while column < width:
        if blank[column]:
            column += 1
            continue
        start = column
        while column < width and not (blank[column] and (column + 1 >= width or blank[column + 1] or wide[column])):
            column += 1  # a cell's words may be one space apart; columns are two or more
        columns.append((start, column))
    if len(columns) < _MIN_TABLE_COLUMNS:
        return {}
    cells = [[" ".join(row[a:b].split()) for a, b in columns] for row in rows]
    if any(sum(1 for cell in row if cell) < 2 for row in cells):
        return {}
    header_lines = _header_lines(lines, first, columns)
    header: str | None = None
    result: dict[int, _TableLine] = {}
    if header_lines:
        parts = [""] * len(columns)
        for line in header_lines:
            pieces: dict[int, list[str]] = {}
            for start, word in _header_words(line, columns):
                pieces.setdefault(start, []).append(word)
            for position, words in pieces.items():
                glue = "" if parts[position].endswith("-") or not parts[position] else " "
                parts[position] += glue + " ".join(words)
        header = _joined_cells(parts)
        indexes = sorted(i for i in range(max(0, first - 2 - _MAX_HEADER_LINES), first) if lines[i] in header_lines)
        result[indexes[0]] = _TableLine(header)
        for i in indexes[1:]:
            result[i] = _TableLine(None)
        for i in range(indexes[-1] + 1, first):
            if lines[i] is not None:
                result[i] = _TableLine(None, rule=True)  # the rule under the header
    for offset, row in enumerate(cells):
        result[first + offset] = _TableLine(_joined_cells(row), header)
    return result


def _joined_cells(cells: list[str]) -> str:
    """Cells joined by ``" | "``, an empty one kept as ``"| |"``."""
    return " ".join(" | ".join(cells).split())


def _header_lines(lines: list[_Line | None], first: int, columns: list[tuple[int, int]]) -> list[_Line]:
    """The lines just above a table's rows (a blank line between at most) whose
    words all stand inside its columns, none across a column's start, and fill
    two of them at least."""
    index = first - 1
    if index >= 0 and (line := lines[index]) is not None and _RULE_RE.fullmatch(line.text):
        index -= 1  # a rule under the header
    if index >= 0 and lines[index] is None:
        index -= 1
    found: list[_Line] = []
    starts = [a for a, _ in columns[1:]]
    while index >= 0 and len(found) < _MAX_HEADER_LINES and (line := lines[index]) is not None:
        if len(_header_words(line, columns)) != len(line.text.split()):
            break
        if any(a in range(run.start() + 1, run.end()) for run in _WORD_RUN_RE.finditer(_padded(line)) for a in starts):
            break  # a word across a column's start: a sentence, not a header ("The following names have")
        found.insert(0, line)
        index -= 1
    if index >= 0 and lines[index] is not None:
        return []  # the lines above run on from a paragraph: no header
    filled = {position for line in found for position, _ in _header_words(line, columns)}
    return found if len(filled) >= 2 else []


def _header_words(line: _Line, columns: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """The words of a header line, each with the column it starts in (a
    header's word may reach past its column's rows: "compatible? (1)" over
    "yes"); words that start between columns are left out."""
    words: list[tuple[int, str]] = []
    for match in re.finditer(r"\S+", _padded(line)):
        start = match.start()
        position = bisect.bisect_right([a for a, _ in columns], start) - 1
        if position < 0:
            continue
        _, b = columns[position]
        following = columns[position + 1][0] if position + 1 < len(columns) else len(_padded(line)) + 1
        if start <= b or (words and words[-1][0] == position and start < following):
            words.append((position, match.group()))
    return words


def _key(text: str) -> str:
    return " ".join(normalize_text(text).casefold().split())


def _first_word(text: str, start: int = 0) -> str:
    """The first word of ``text[start:]`` (``""`` if none), without copying the rest."""
    found = _FIRST_WORD_RE.match(text, start)
    return found.group(1) if found else ""


def _after_quotation(previous: _Item | None) -> bool:
    """Does ``previous`` end a quotation (its last line with a closing quotation mark)?"""
    return previous is not None and _QUOTE_END_RE.search(previous.last_line[-4:]) is not None


def _is_heading(item: _Item, following: _Item | None, previous: _Item | None = None) -> bool:
    """A stand-alone short line without closing punctuation reads as a heading;
    not a quotation's attribution: after a paragraph ending with a closing
    quotation mark, a speaker alone ("President Bush") or a few words with the
    next line under them ("Washington, D.C. (The National Cathedral)" +
    "September 14, 2001")."""
    if item.kind is BlockKind.HEADING:
        return True
    if item.lines != 1 or following is None:
        return False
    words = len(item.text.split())
    if _after_quotation(previous) and (
        words <= _SPEAKER_WORDS or (words <= _ATTRIBUTION_WORDS and not item.closed_block)
    ):
        return False
    if item.kind is BlockKind.LIST_ITEM and item.label is None:
        return False  # a bullet stays a list item
    if _NAMED_FIELD_RE.match(item.text) and any(
        other is not None
        and _NAMED_FIELD_RE.match(other.last_line)
        and other.last_line.split(":", 1)[0] != item.text.split(":", 1)[0]  # a headline repeated is no field
        for other in (previous, following)
    ):
        return False  # one of a run of fields ("Maintainer: ..." + "License: GPL-3.0-or-later")
    # A title page's date or version line, a copyright notice, an address is no section's title.
    return _reads_as_heading(item, words, following) and TITLE_PAGE_DETAIL_RE.search(item.text) is None


def _reads_as_heading(item: _Item, words: int, following: _Item | None = None) -> bool:
    """``_is_heading``'s reading of the line's ``words`` (how many) and its place, title-page lines aside."""
    text = item.text
    if item.label is not None and item.kind is BlockKind.LIST_ITEM and text.endswith(".") and words <= 8:
        # "16. Limitation of Liability." alone between blank lines: a numbered title, its full stop its style.
        return _looks_like_heading(text[:-1]) and item.opened_block and item.closed_block
    if text.endswith("?") and words <= 12 and _looks_like_heading(text[:-1]):
        return item.opened_block and item.closed_block
    if words > 12 and _looks_like_heading(text):
        return item.opened_block and item.closed_block
    if (
        not text
        or len(text) > 100
        or words > 12
        or text.rstrip("\"'”’»)")[-1:] in ".,;:!?"  # a quoted sentence ends at its full stop
        or not any(c.isalpha() for c in text)
    ):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘«"):
        return False
    last_word = text.rsplit(None, 1)[-1]
    if _open_word(last_word) or last_word.casefold() == "like":
        return False  # a sentence going on past its line: "If "make test" produces something like"
    if item.label is not None and item.kind is BlockKind.LIST_ITEM:
        if not (item.opened_block and item.closed_block):
            return False
        # A numbered title in sentence case stands alone, the text under it set in further:
        # "1. Introduction" + "   The Debian Project is ...", "  2.1. General rules" + "    1. Nothing ...".
        set_in = following is not None and bool(following.indents) and following.indents[0] > item.indents[0]
        return _looks_like_heading(text) or (set_in and words <= _SECTION_TITLE_WORDS)
    return item.opened_block or item.closed_block or _looks_like_heading(text)


class _Names:
    """The document's names: capitalized words also used after a lower-case
    word, or used once only.  Found on first use: most texts never ask."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self.found is None:
            self.found = self._find()
        return word in self.found

    def _find(self) -> set[str]:
        """One pass over the capitalized words: those used once, and those set
        after a lower-case word of 2 to 20 letters (spaces or tabs between)."""
        text = self.text
        counts: Counter[str] = Counter()
        after_lower: set[str] = set()
        word_char = _WORD_CHAR_RE.match
        for match in _CAPITALIZED_RE.finditer(text):
            start = match.start()
            if start and word_char(text, start - 1):
                continue  # inside a word
            name = match.group()
            counts[name] += 1
            if start and text[start - 1] in " \t" and name not in after_lower:
                gap = start - 1  # where the spaces before the name start
                while gap > 0 and text[gap - 1] in " \t":
                    gap -= 1
                first = gap  # where the lower-case word before them starts
                while first > 0 and gap - first <= 20 and "a" <= text[first - 1] <= "z":
                    first -= 1
                if 2 <= gap - first <= 20 and not (first and _LETTER_RE.match(text, first - 1)):
                    after_lower.add(name)
        return after_lower | {name for name, count in counts.items() if count == 1}


class _Repairs:
    """Pass 3: the repairs scraped text needs, then one block per item."""

    def __init__(
        self, text: str, items: list[_Item], dropped: list[DroppedSpan], options: Options, vocabulary: _Vocabulary,
        *, rst: bool, wrapped: bool,
    ) -> None:  # fmt: skip
        self.text = text
        self.vocabulary = vocabulary
        self.items = items
        self.dropped = dropped
        self.options = options
        self.rst = rst
        self.wrapped = wrapped
        self.boundaries = sorted(d.start for d in dropped)

    def drop_item(self, item: _Item, reason: str) -> None:
        for start, end in self.runs(item):
            self.dropped.append(DroppedSpan(start, end, reason, self.text[start:end]))

    def runs(self, item: _Item) -> list[tuple[int, int]]:
        """The item's stretches of source between dropped spans (page furniture)."""
        runs: list[tuple[int, int]] = []
        start = item.start
        # Its label or bullet first: a label alone on its line, page furniture, then the text.
        if item.label_source is not None:
            previous_end = item.label_source[0] + len(item.label_source[1])
        else:
            previous_end = item.start + ("bullet" in item.flags)
        for offset, content in item.pieces:
            if offset > previous_end:
                position = bisect.bisect_left(self.boundaries, previous_end)
                if position < len(self.boundaries) and self.boundaries[position] < offset:
                    runs.append((start, previous_end))
                    start = offset
            previous_end = max(previous_end, offset + len(content))
        runs.append((start, max(previous_end, item.end)))
        return [(a, b) for a, b in runs if b > a]

    def run(self) -> Document:
        items = [item for item in self.items if self.keep_nonempty(item)]
        if self.options.split_glued_headings and not self.wrapped:
            # A heading shares a line with its text when a scraper or an extractor lost the
            # line break: in one-paragraph-a-line text.  Wrapped text sets run-in titles so.
            items = self.split_glued(items)
        self.repeated_tails(items)
        self.restore_bullets(items)
        blocks = self.build(items)
        return Document(self.text, "text", tuple(blocks), tuple(sorted(self.dropped, key=lambda span: span.start)))

    def keep_nonempty(self, item: _Item) -> bool:
        if item.pieces:
            return True
        if item.label_source is not None:
            # A label alone ("Article 12" over nothing): its text is the label, so
            # that no clause is empty and the number is still compared.
            item.add(*item.label_source)
            item.label = None
            return True
        self.drop_item(item, "empty-item")  # a bullet alone, with no text after it
        return False

    def split_glued(self, items: list[_Item]) -> list[_Item]:
        lowercase = self.vocabulary.lowercase
        names = _Names(self.text)
        # Headings the document also sets on a line of their own ("C. The Way Ahead").
        # Looked up by label and first word, so that the work stays linear.
        known: dict[tuple[str | None, str], set[str]] = {}
        for item in items:
            text = item.text
            if item.lines == 1 and len(text.split(None, 1)) >= 2 and _looks_like_heading(text):
                known.setdefault((item.label, text.split(None, 1)[0]), set()).add(text)
        result: list[_Item] = []
        for position, item in enumerate(items):
            if item.kind in (BlockKind.HEADING, BlockKind.CODE) or (
                item.kind is BlockKind.LIST_ITEM and item.label is None
            ):
                result.append(item)
                continue
            text = item.text
            words = len(text.split(None, _ATTRIBUTION_LINE_WORDS))  # as many, or one more than the bound
            if position and _after_quotation(items[position - 1]) and words <= _ATTRIBUTION_LINE_WORDS:
                result.append(item)  # a quotation's attribution: "President Bush West Point, New York ..."
                continue
            inner = self.embedded_heading(item, text, known)
            if inner is not None:
                result.append(item)
                item = inner
                text = item.text
            start = scraped.glued_heading_at_start(text, lowercase, names, labelled=item.label is not None)
            if start is None and item.lines == 1 and item.label is None and item.kind is BlockKind.PARAGRAPH:
                start = scraped.glued_sentence_case_heading(text)
            first_word = _first_word(text)
            for heading in sorted(known.get((item.label, first_word), ())) if start is None else ():
                if text.startswith(heading + " ") and text[len(heading) + 1 : len(heading) + 2].isupper():
                    start = len(heading) + 1
                    break
            if start is not None and start < len(text):
                rest = item.split_at(item.offset_of(start))
                item.kind = BlockKind.HEADING
                item.flags.add("glued-heading")
                result.append(item)
                item = rest
                text = item.text
            cut = scraped.glued_heading_at_end(text) if position + 1 < len(items) and item.label is None else None
            if cut is not None and cut < len(text):
                glued = item.split_at(item.offset_of(cut))
                glued.kind = BlockKind.HEADING
                glued.flags.add("glued-heading")
                result.extend([item, glued])
                continue
            result.append(item)
        return result

    def embedded_heading(self, item: _Item, text: str, known: dict[tuple[str | None, str], set[str]]) -> _Item | None:
        """A labelled heading the document also sets alone, found inside ``item``
        (``III. Strengthen Alliances ... Friends A. Summary of ... 2002 Defeating ...``):
        cut ``item`` before it, make ``item`` a heading, and return the rest,
        labelled, for the glued-heading rules to split again."""
        for match in _INNER_LABEL_RE.finditer(text[:400]):
            label, begin = match.group(1), match.end()
            word = _first_word(text, begin)
            heading = next(
                (
                    h
                    for h in sorted(known.get((label, word), ()))
                    if text.startswith(h, begin) and text[begin + len(h) : begin + len(h) + 1] in ("", " ")
                ),
                None,
            )
            found = match.start()
            if heading is None or found <= 0 or not _looks_like_heading(text[:found].rstrip()):
                continue
            rest = item.split_at(item.offset_of(found))
            item.kind = BlockKind.HEADING
            item.flags.add("glued-heading")
            # The rest starts with the label: keep it in the span, take it off the text.
            offset, content = rest.pieces[0]
            skip = len(label) + 2
            rest.pieces[0] = (offset + skip, content[skip:].lstrip())
            rest.label, rest.depth = label, 1
            return rest
        return None

    def repeated_tails(self, items: list[_Item]) -> None:
        """List items whose tail repeats the next item (``... East; increasing X;`` + ``increasing X;``).

        From the end: in "A B" + "B C" + "C", the second item is cut before the first is compared.
        """
        for position in range(len(items) - 2, -1, -1):
            item, following = items[position], items[position + 1]
            if item.kind is BlockKind.LIST_ITEM and item.label is None and following.kind is not BlockKind.HEADING:
                self.trim_repeated_tail(item, _key(following.text))

    def trim_repeated_tail(self, item: _Item, following: str) -> None:
        """A list item whose end repeats the next item: ``... East; increasing X;`` + ``increasing X;``."""
        if len(following.split()) < 3:
            return
        text = item.text
        key = _key(text)
        if not key.endswith(" " + following) or len(key) < len(following) + 12:
            return
        # Find where the repeated tail starts in the text: the same number of words from the end.
        tokens = list(re.finditer(r"\S+", text))
        count = len(following.split())
        if count >= len(tokens):
            return
        cut = tokens[-count].start()
        if _key(text[cut:]) != following or not _TERMINAL_RE.search(text[:cut].rstrip()):
            return  # the item proper ends like an item ("... Middle East;") before the repeat
        if self.options.drop_duplicates:
            tail = item.split_at(item.offset_of(cut))
            self.drop_item(tail, "duplicate")
        else:
            item.flags.add("duplicate")

    def restore_bullets(self, items: list[_Item]) -> None:
        """A lower-case paragraph between list items is an item that lost its bullet."""
        for position, item in enumerate(items):
            if item.kind is not BlockKind.PARAGRAPH or item.label is not None or position == 0:
                continue
            before = items[position - 1]
            text = item.text
            if before.kind is BlockKind.LIST_ITEM and before.label is None and text[:1].islower():
                item.kind = BlockKind.LIST_ITEM

    def build(self, items: list[_Item]) -> list[Block]:
        vocabulary = self.vocabulary.folded
        blocks: list[Block] = []
        styles: dict[str, int] = {}
        # Numbered headings under an unnumbered one above them all (a document's title, a
        # "TERMS AND CONDITIONS"): they nest under it, one level down.
        fields = field_runs(  # a header's fields, none of them a section's title
            [
                item.text if item.label is None and item.lines <= 2 and _FIELD_LINE_RE.match(item.text) else None
                for item in items
            ]
        )
        headings = [
            i not in fields
            and _is_heading(item, items[i + 1] if i + 1 < len(items) else None, items[i - 1] if i else None)
            for i, item in enumerate(items)
        ]
        first_labelled = next((i for i, item in enumerate(items) if item.label is not None and headings[i]), None)
        offset = int(
            first_labelled is not None and any(items[i].label is None and headings[i] for i in range(first_labelled))
        )
        for position, item in enumerate(items):
            if item.kind is BlockKind.CODE:
                blocks.append(Block(BlockKind.CODE, item.code_text(), tuple(self.runs(item))))
                continue
            if item.row is not None:
                blocks.append(Block(BlockKind.TABLE_ROW, item.row, tuple(self.runs(item)), context=item.context))
                continue
            body = item.text
            if self.options.repair_spacing and paged.spaced_run(body):
                # On the text as spaced in the source: wider gaps separate words.
                # (A run of spaced-out letters there is one in the collapsed text too.)
                body = collapse_space(paged.despace(item.joined(collapse=False), vocabulary))
            if self.rst and self.options.strip_markup:
                body = strip_rst_markup(body)
            if not body:
                self.drop_item(item, "markup")
                continue
            kind, level = item.kind, item.level
            if kind is not BlockKind.HEADING and headings[position]:
                kind, level = BlockKind.HEADING, max(item.depth, 1)
            if kind is BlockKind.HEADING:
                if item.label is not None and not item.level:
                    # Label styles nest in the order they first appear (I. > A. > 1.),
                    # dotted numbers by their depth (1.2 under 1).
                    level = styles.setdefault(label_style(item.label), len(styles) + 1) + max(item.depth, 1) - 1
                    level += offset
                level = max(level, 1)
            flags = {flag for flag in item.flags if flag != "glued-heading"}
            blocks.append(
                Block(kind, body, tuple(self.runs(item)) or ((item.start, item.end),),
                      level if kind is BlockKind.HEADING else 0, item.label, 0, None, (), frozenset(flags))
            )  # fmt: skip
        return blocks


# reStructuredText's own marks: explicit markup (a directive, a hyperlink target, a footnote,
# a substitution), a reference ("`Public Domain Dedication`_", "exceptions_", "`local copy <...>`__"),
# an interpreted text role (":command:`cmake_policy`"), an inline literal ("``NEW``").
_RST_MARKS = (
    re.compile(r"^\.\.[ \t]+(?:[\w-]+::|_[^:\n]+:|\[[#*\w-]*\]|\|[^|\n]+\|)", re.MULTILINE),
    # (A reference "exceptions_": an underscore after a letter or digit, before a space, a stop or
    # the line's end; the literal first, so that the search skips to the underscores.)
    re.compile(r"`[^`\n]+`__?(?![\w`])|_(?<=[^\W_]_)(?=[ \t.,;:)]|$)", re.MULTILINE),
    re.compile(r"(?<![\w`]):[\w-]+:`[^`\n]+`"),
    re.compile(r"``[^`\n]+``"),
)


def looks_like_restructuredtext(text: str) -> bool:
    r"""Is ``text`` (a ``.txt`` file's) clearly reStructuredText?  Two kinds of
    its marks at least, one of them explicit markup or a reference: a plain
    text may quote a ``literal``, not also set ``.. _targets:`` and
    ``references_``.

    >>> looks_like_restructuredtext("See the `Public Domain Dedication`_.\n\n.. _Public Domain Dedication: #pdd\n")
    True
    >>> looks_like_restructuredtext("Use ``tabs`` only.\n"), looks_like_restructuredtext("my_var_ = 1\n")
    (False, False)
    """
    sample = text[:65_536]
    # The cheap marks first, each looked for only where its characters are (a plain text has
    # none): a reference's search is the dear one, made only when it can still decide.
    explicit = _RST_MARKS[0].search(sample) is not None
    role = ":`" in sample and _RST_MARKS[2].search(sample) is not None
    literal = "``" in sample and _RST_MARKS[3].search(sample) is not None
    if explicit and (role or literal):
        return True
    if not explicit and not (role or literal):
        return False  # a reference alone is one kind of mark
    return ("_" in sample or "`" in sample) and _RST_MARKS[1].search(sample) is not None


def read_plain(text: str, *, options: Options | None = None, rst: bool = False) -> Document:
    """Read plain text (see the module's rules); ``rst`` reads reStructuredText markup off it.

    Box-drawing characters (``┌─┬─┐``, ``│``, ``━━━``) are read as their ASCII
    forms (``+-+-+``, ``|``, ``---``), one character for one, so that a boxed
    table or a rule drawn with them is read as one drawn with ASCII; the
    document keeps the original text."""
    options = options or Options()
    if looks_formatted(text):
        return _read_rendered(text, options=options, rst=rst)
    return _read_laid_out(text, options=options, rst=rst)


def _read_laid_out(text: str, *, options: Options, rst: bool) -> Document:
    """:func:`read_plain` of a text without a terminal's formatting."""
    source = text
    if _BOX_DRAWING_RE.search(text):
        text = _drawing_as_ascii(text)
    lines_pass = _Lines(text, options)
    lines = lines_pass.run()
    vocabulary = _Vocabulary(text)
    blocks = _Blocks(text, lines, options, vocabulary, rst=rst)
    items, dropped = blocks.run()
    wrapped = blocks.width != float("inf")
    document = _Repairs(text, items, lines_pass.dropped + dropped, options, vocabulary, rst=rst, wrapped=wrapped).run()
    if text is source:
        return document
    spans = tuple(DroppedSpan(d.start, d.end, d.reason, source[d.start : d.end]) for d in document.dropped)
    return attrs.evolve(document, source=source, dropped=spans)


def _read_rendered(source: str, *, options: Options, rst: bool) -> Document:
    """A text formatted for a terminal (:mod:`conceptdiff.read._terminal`): read
    as the terminal shows it, its spans given in the source; the escape
    sequences no clause's span holds are set aside as markup."""
    rendered = render(source)
    document = _read_laid_out(rendered.text, options=options, rst=rst)  # rendered once: no escape is read twice
    blocks = tuple(
        attrs.evolve(block, spans=tuple(rendered.source_span(start, end) for start, end in block.spans))
        for block in document.blocks
    )
    dropped = [
        DroppedSpan(*(span := rendered.source_span(d.start, d.end)), d.reason, source[span[0] : span[1]])
        for d in document.dropped
    ]
    covered = sorted([span for block in blocks for span in block.spans] + [(d.start, d.end) for d in dropped])
    starts = [start for start, _ in covered]
    # The escape sequences, and the overstrikes that show white space ("_\b " underlines a space).
    shown = [rendered.source_span(index, index + 1) for index in rendered.wide]
    for start, end in sorted([*rendered.gaps, *shown]):
        at = bisect.bisect_right(starts, start) - 1
        if at < 0 or covered[at][1] < end:  # no span holds it
            dropped.append(DroppedSpan(start, end, "markup", source[start:end]))
    return attrs.evolve(document, source=source, blocks=blocks, dropped=tuple(dropped))


def _drawing_as_ascii(text: str) -> str:
    """``text`` with the box-drawing characters of its drawn lines as ASCII, one
    for one: a line made of them (a border, a rule) or set between two of them
    (a table's row) beside another drawn line; a line of prose keeps any it
    holds ("a ┆ b"), and so does a line framed alone ("│ a │")."""
    lines = text.splitlines(keepends=True)
    kinds: list[str] = []  # "drawn", "framed" or ""
    for line in lines:
        stripped = line.strip()
        if not stripped or not _BOX_DRAWING_RE.search(stripped):
            kinds.append("")
        elif _BOX_LINE_RE.fullmatch(stripped) is not None:
            kinds.append("drawn")
        elif stripped[0] in _BOX_VERTICALS and stripped[-1] in _BOX_VERTICALS and len(stripped) > 2:
            kinds.append("framed")
        else:
            kinds.append("")
    for number, kind in enumerate(kinds):
        beside = (number and kinds[number - 1]) or (number + 1 < len(kinds) and kinds[number + 1])
        if kind == "drawn" or (kind == "framed" and beside):
            lines[number] = lines[number].translate(_BOX_TO_ASCII)
    return "".join(lines)


_BOX_DRAWING_RE = re.compile("[\u2500-\u257f]")
_BOX_LINE_RE = re.compile("[\u2500-\u257f \t]{3,}")
_BOX_VERTICALS = "│┃┆┇┊┋║╎╏"
# Box drawing as ASCII: horizontals "-" (doubles "="), verticals "|", corners, tees and crosses "+".
_BOX_TO_ASCII = {
    code: "=" if chr(code) in "═╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬"[:1] else
    "|" if chr(code) in "│┃┆┇┊┋║╎╏╽╿" else
    "-" if chr(code) in "─━┄┅┈┉╌╍╴╶╸╺╼╾" else "+"
    for code in range(0x2500, 0x2580)
}  # fmt: skip
