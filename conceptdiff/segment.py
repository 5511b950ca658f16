"""Segmentation: raw text -> clauses, following the document's own structure.

A clause is a heading, a paragraph or a list item (bulleted or numbered).
Hard-wrapped lines are joined (words hyphenated across a line break are
mended), a paragraph broken mid-sentence by a blank line is rejoined, number
labels are kept apart from the text, and each clause knows the headings it
sits under.  Whatever is set aside is recorded as a :class:`DroppedSpan`, so
that clauses and dropped spans together account for every non-white-space
character of the input, in order.

Work is linear in the input: one pass over the lines, every regular
expression anchored and free of nested quantifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from conceptdiff.model import Clause, ClauseKind, DroppedSpan
from conceptdiff.normalize import normalize_text

__all__ = ["clause_from_string", "segment", "split_label"]

_LABEL_RE = re.compile(
    r"""
    (?:
        (?P<word>(?:Article|ARTICLE|Art\.|Section|SECTION|Sec\.|Chapter|CHAPTER|Part|PART|Rule|Paragraph|§{1,2})
            [ \t]?[0-9IVXLCDM]{1,7}[a-z]?(?:\.[0-9]{1,3}){0,4})\.?
      | \((?P<paren>[0-9]{1,3}|[a-z]{1,2}|[A-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\)
      | (?P<multi>[0-9]{1,3}(?:\.[0-9]{1,3}){1,5})\.?
      | (?P<number>[0-9]{1,3})[.)]
      | (?P<roman>[IVXLCDM]{1,6}|[ivxlcdm]{1,6})[.)]
      | (?P<letter>[a-zA-Z])[.)]
    )
    (?=\s|$)
    """,
    re.VERBOSE,
)
_BULLET_RE = re.compile(r"[-*+•◦▪▫‣●○■□◆◇►▶–—·⁃∙➢➤✓✔](?=\s|$)")
_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]+(?=\S)")
_UNDERLINE_RE = re.compile(r"([=\-~^\"'`#*+_])\1{2,}")
_PAGE_NUMBER_RE = re.compile(r"(?:[Pp]age[ \t]+)?[0-9]{1,4}(?:[ \t]*(?:/|of)[ \t]*[0-9]{1,4})?")
_TERMINAL_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_SPACE_RE = re.compile(r"\s+")
_HYPHEN_END_RE = re.compile(r"(\w+)-$")
_WORD_START_RE = re.compile(r"[a-z]\w*")


def split_label(text: str) -> tuple[str | None, int, int]:
    """Find a leading number label in ``text`` (already stripped on the left).

    Returns ``(label, depth, length)``: the label as reported (``"3"``,
    ``"(b)"``, ``"IV"``, ``"Article 12"``, ``"1.2"``), its depth (1 for a plain
    number, 2 for ``1.2`` ...) and how many characters it takes, or
    ``(None, 0, 0)``.

    >>> split_label("(b) the Work")
    ('(b)', 1, 3)
    >>> split_label("2.1. Scope")
    ('2.1', 2, 4)
    >>> split_label("Article 12 Termination")
    ('Article 12', 1, 10)
    >>> split_label("2002 was a year")
    (None, 0, 0)
    """
    match = _LABEL_RE.match(text)
    if match is None:
        return None, 0, 0
    if match["word"]:
        label = _SPACE_RE.sub(" ", match["word"])
        return label, 1 + label.count("."), match.end()
    if match["paren"]:
        return f"({match['paren']})", 1, match.end()
    if match["multi"]:
        return match["multi"], 1 + match["multi"].count("."), match.end()
    for group in ("number", "roman", "letter"):
        if match[group]:
            return match[group], 1, match.end()
    return None, 0, 0  # pragma: no cover - every alternative names a group


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def clause_from_string(item: str) -> Clause:
    """One clause from one string, never re-split (see ``Edition.from_clauses``)."""
    text = item.strip()
    kind = ClauseKind.PARAGRAPH
    level = 0
    heading = _MD_HEADING_RE.match(text)
    if heading:
        kind, level = ClauseKind.HEADING, len(heading.group(1))
        text = text[heading.end() :].rstrip("#").strip()
    elif bullet := _BULLET_RE.match(text):
        kind = ClauseKind.LIST_ITEM
        text = text[bullet.end() :].strip()
    label, _, length = split_label(text)
    if label is not None:
        text = text[length:].strip()
        if kind is ClauseKind.PARAGRAPH:
            kind = ClauseKind.LIST_ITEM
    text = _collapse(text)
    return Clause(text=text, normalized=normalize_text(text), kind=kind, label=label, level=level)


@attrs.define
class _Item:
    """A clause being built: its source span, its lines' text, its role."""

    start: int
    end: int
    parts: list[str]
    kind: ClauseKind
    label: str | None = None
    depth: int = 0
    level: int = 0
    opened_block: bool = False  # began right after a blank line (or at the top)
    closed_block: bool = False  # ended at a blank line (or at the bottom)

    @property
    def text(self) -> str:
        return _collapse(" ".join(self.parts))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line's start offset and content, any line ending (LF, CRLF, CR ...)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        offset += len(line)


def _wrap_width(lengths: list[int]) -> float:
    """The width the text was hard-wrapped at, or ``inf`` when it was not.

    A wrapped text has many lines close to one width; an unwrapped one (one
    paragraph a line) has lengths all over the place.
    """
    if len(lengths) < 4:
        return float("inf")
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    near = sum(1 for length in lengths if length >= 0.8 * width)
    if width <= 130 and near >= 0.35 * len(lengths):
        return float(width)
    return float("inf")


class _Segmenter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[_Item] = []
        self.dropped: list[DroppedSpan] = []
        self.current: _Item | None = None
        self.after_blank = True
        self.last_line = ""
        self._vocabulary: set[str] | None = None
        self.underline_levels: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------
    def vocabulary(self) -> set[str]:
        if self._vocabulary is None:
            self._vocabulary = set(re.findall(r"\w+(?:-\w+)*", self.text.lower()))
        return self._vocabulary

    def drop(self, start: int, end: int, reason: str) -> None:
        self.dropped.append(DroppedSpan(start, end, reason, self.text[start:end]))

    def close(self, *, at_blank: bool) -> None:
        if self.current is not None:
            self.current.closed_block = at_blank
            self.items.append(self.current)
            self.current = None

    def open(self, item: _Item) -> None:
        self.close(at_blank=False)
        item.opened_block = self.after_blank
        self.current = item

    def join(self, item: _Item, start: int, end: int, content: str) -> None:
        """Join a wrapped line to ``item``, mending a word hyphenated across it."""
        if item.parts:
            previous = item.parts[-1]
            hyphen = _HYPHEN_END_RE.search(previous)
            head = _WORD_START_RE.match(content)
            if hyphen and head:
                compound = f"{hyphen.group(1)}-{head.group(0)}".lower()
                if compound not in self.vocabulary():
                    item.parts[-1] = previous[:-1] + content
                    item.end = end
                    return
                item.parts[-1] = previous + content
                item.end = end
                return
        item.parts.append(content)
        item.end = end

    # -- the pass ---------------------------------------------------------
    def run(self) -> tuple[list[_Item], list[DroppedSpan]]:
        lines = list(_lines(self.text))
        width = _wrap_width([len(content.strip()) for _, content in lines if content.strip()])
        for index, (offset, content) in enumerate(lines):
            stripped = content.strip()
            if not stripped:
                self.close(at_blank=True)
                self.after_blank = True
                continue
            start = offset + (len(content) - len(content.lstrip()))
            end = start + len(stripped)
            next_blank = index + 1 >= len(lines) or not lines[index + 1][1].strip()
            self.line(stripped, start, end, width, next_blank)
            self.after_blank = False
            self.last_line = stripped
        self.close(at_blank=True)
        return self.items, self.dropped

    def line(self, stripped: str, start: int, end: int, width: float, next_blank: bool) -> None:
        current = self.current
        if _UNDERLINE_RE.fullmatch(stripped):
            if (
                current is not None
                and len(current.parts) == 1
                and current.kind is not ClauseKind.HEADING
                and len(stripped) >= 0.6 * len(current.parts[0])
            ):
                char = stripped[0]
                level = self.underline_levels.setdefault(char, len(self.underline_levels) + 1)
                current.kind, current.level, current.end = ClauseKind.HEADING, level, end
                self.close(at_blank=False)
            else:
                self.close(at_blank=False)
                self.drop(start, end, "markup")
            return
        if self.after_blank and next_blank and _PAGE_NUMBER_RE.fullmatch(stripped):
            self.close(at_blank=True)
            self.drop(start, end, "page-number")
            return
        heading = _MD_HEADING_RE.match(stripped)
        if heading:
            body = stripped[heading.end() :].rstrip("#").strip()
            item = _Item(start, end, [], ClauseKind.HEADING, level=len(heading.group(1)))
            self.open(item)
            self.add_labelled(item, body, start, end)
            self.close(at_blank=False)
            return
        bullet = _BULLET_RE.match(stripped)
        if bullet:
            item = _Item(start, end, [], ClauseKind.LIST_ITEM)
            self.open(item)
            self.add_labelled(item, stripped[bullet.end() :].strip(), start, end)
            return
        label, depth, length = split_label(stripped)
        if label is not None:
            item = _Item(start, end, [], ClauseKind.LIST_ITEM, label=label, depth=depth)
            self.open(item)
            rest = stripped[length:].strip()
            if rest:
                item.parts.append(rest)
            return
        if current is not None and self.continues(current, width):
            self.join(current, start, end, stripped)
            return
        if (
            current is None
            and self.after_blank
            and self.items
            and self.items[-1].kind is ClauseKind.PARAGRAPH
            and self.items[-1].parts
            and not _TERMINAL_RE.search(self.items[-1].parts[-1])
            and stripped[0].islower()
        ):
            # A paragraph broken mid-sentence by a blank line (PDF page breaks).
            self.current = self.items.pop()
            self.join(self.current, start, end, stripped)
            return
        self.open(_Item(start, end, [stripped], ClauseKind.PARAGRAPH))

    def add_labelled(self, item: _Item, body: str, start: int, end: int) -> None:
        label, depth, length = split_label(body)
        if label is not None:
            item.label, item.depth = label, depth
            body = body[length:].strip()
        if body:
            item.parts.append(body)

    def continues(self, item: _Item, width: float) -> bool:
        """Does the line after ``item``'s last line continue it (a wrapped line)?"""
        if item.kind is ClauseKind.HEADING:
            return False
        if not item.parts:
            return True  # a label or bullet alone on its line
        previous = self.last_line
        if not _TERMINAL_RE.search(previous):
            return True
        return len(previous) >= 0.75 * width


def _is_heading(item: _Item, following: _Item | None) -> bool:
    """A stand-alone short line without closing punctuation reads as a heading."""
    if item.kind is ClauseKind.HEADING:
        return True
    if not (item.opened_block and item.closed_block) or len(item.parts) != 1:
        return False
    if item.kind is ClauseKind.LIST_ITEM and item.label is None:
        return False  # a bullet stays a list item
    text = item.parts[0]
    if len(text) > 90 or len(text.split()) > 12 or text[-1] in ".,;:" or not any(c.isalpha() for c in text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return following is not None


def segment(text: str) -> tuple[tuple[Clause, ...], tuple[DroppedSpan, ...]]:
    """Split ``text`` into clauses and the spans set aside.

    >>> clauses, dropped = segment("Intro\\n=====\\n\\n- one\\n- two\\n\\n12\\n\\nLast words.\\n")
    >>> for clause in clauses:
    ...     print(clause.kind.value, repr(clause.text), clause.section)
    heading 'Intro' ()
    list_item 'one' ('Intro',)
    list_item 'two' ('Intro',)
    paragraph 'Last words.' ('Intro',)
    >>> [(d.reason, d.text) for d in dropped]
    [('page-number', '12')]
    """
    items, dropped = _Segmenter(text).run()
    clauses: list[Clause] = []
    stack: list[tuple[int, str]] = []
    for position, item in enumerate(items):
        body = item.text
        if not body and item.label is None:
            dropped.append(DroppedSpan(item.start, item.end, "empty-item", text[item.start : item.end]))
            continue
        following = items[position + 1] if position + 1 < len(items) else None
        kind, level = item.kind, item.level
        if kind is not ClauseKind.HEADING and _is_heading(item, following):
            kind, level = ClauseKind.HEADING, max(item.depth, 1)
        if kind is ClauseKind.HEADING:
            level = max(level, 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            section = tuple(title for _, title in stack)
            heading_text = f"{item.label} {body}".strip() if item.label else body
            stack.append((level, heading_text))
        else:
            section = tuple(title for _, title in stack)
        clauses.append(
            Clause(
                text=body,
                normalized=normalize_text(body),
                kind=kind,
                label=item.label,
                level=level if kind is ClauseKind.HEADING else 0,
                section=section,
                span=(item.start, item.end),
            )
        )
    dropped.sort(key=lambda span: span.start)
    return tuple(clauses), tuple(dropped)
