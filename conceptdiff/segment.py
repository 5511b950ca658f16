"""Segmentation: a document's blocks -> clauses (stage 3 of the pipeline).

The readers of :mod:`conceptdiff.read` give every format the same block
stream; this stage turns blocks into :class:`~conceptdiff.Clause` objects,
the same way for every format:

1. **Labels.**  A leading number label (``3.``, ``(b)``, ``IV.``, ``1.2``,
   ``Article 12``) is taken off the text into :attr:`Clause.label`, unless
   the reader already gave one (an ordered list's number, Word numbering), so
   that renumbering is never rewording.
2. **Set aside.**  Web boilerplate standing alone (date lines, photo credits,
   share/comment footers; a copyright line only at the end of a text) and
   duplicated clauses (one repeating a clause at most ``duplicate_window``
   clauses before it, or the page's headline repeated later) are recorded as
   dropped spans, or kept and flagged when :attr:`Options.drop_duplicates`
   is off.
3. **Clauses.**  Each block becomes one clause with its kind, label, level,
   section path (the headings above it, nested by level: a plain paragraph is
   never a parent) and flags; block-quoted paragraphs are paragraphs flagged
   ``"quote"``; table rows and code blocks are clauses of their own kinds, a
   code block's text keeping its line breaks.  Finally, clauses in another
   language than the edition's are flagged (:mod:`conceptdiff.language`).

**The audit contract.**  Every non-white-space character of the source lies
either in exactly one clause's :attr:`~conceptdiff.Clause.span` or in exactly
one :class:`~conceptdiff.DroppedSpan`, and all these spans are disjoint; the
clause spans are in reading order.  A clause whose text runs across page
furniture keeps its first stretch as its span and records each later stretch
as a ``"continuation"`` span.  Reasons: ``page-number``, ``running-header``,
``table-of-contents``, ``markup``, ``boilerplate``, ``duplicate``,
``continuation``, ``empty-item``.  No clause is empty.

>>> clauses, dropped = segment("Intro\\n=====\\n\\n- one\\n- two\\n\\n12\\n\\nLast words.\\n")
>>> for clause in clauses:
...     print(clause.kind.value, repr(clause.text), clause.section)
heading 'Intro' ()
list_item 'one' ('Intro',)
list_item 'two' ('Intro',)
paragraph 'Last words.' ('Intro',)
>>> [(d.reason, d.text) for d in dropped]
[('markup', '====='), ('page-number', '12')]
"""

from __future__ import annotations

import re

import attrs

from conceptdiff.model import Clause, ClauseKind, DroppedSpan
from conceptdiff.normalize import normalize_collapsed, normalize_text
from conceptdiff.options import Options
from conceptdiff.read import Block, BlockKind, Document, read_text
from conceptdiff.read import _scraped as scraped
from conceptdiff.read._inline import collapse, strip_inline_markup
from conceptdiff.read._labels import BULLET_RE, BULLET_STARTS, LABEL_STARTS, split_label

__all__ = ["clause_from_string", "clauses_from_document", "segment", "split_label", "strip_inline_markup"]

_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]+(?=\S)")
_KINDS = {
    BlockKind.HEADING: ClauseKind.HEADING,
    BlockKind.PARAGRAPH: ClauseKind.PARAGRAPH,
    BlockKind.QUOTE: ClauseKind.PARAGRAPH,
    BlockKind.LIST_ITEM: ClauseKind.LIST_ITEM,
    BlockKind.TABLE_ROW: ClauseKind.TABLE_ROW,
    BlockKind.CODE: ClauseKind.CODE,
}
# Flags readers use among themselves, not clause flags.
_READER_FLAGS = frozenset({"heading:inferred", "bullet"})
_LABELLED = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE})


def clause_from_string(item: str) -> Clause:
    """One clause from one string, never re-split (see ``Edition.from_clauses``)."""
    text = item.strip()
    kind = ClauseKind.PARAGRAPH
    level = 0
    heading = _MD_HEADING_RE.match(text) if text[:1] == "#" else None
    if heading:
        kind, level = ClauseKind.HEADING, len(heading.group(1))
        text = text[heading.end() :].rstrip("#").strip()
    elif text[:1] in BULLET_STARTS and (bullet := BULLET_RE.match(text)):
        kind = ClauseKind.LIST_ITEM
        text = text[bullet.end() :].strip()
    if text[:1] in LABEL_STARTS or text[1:2] in (".", ")"):
        label, _, length = split_label(text)
    else:
        label, length = None, 0  # split_label would find none: a hot path
    if label is not None:
        text = text[length:].strip()
        if kind is ClauseKind.PARAGRAPH:
            kind = ClauseKind.LIST_ITEM
    text = collapse(text)
    return Clause(text, normalize_collapsed(text), kind, label, level)


def _with_label(block: Block) -> Block:
    """The block with a leading number label taken off its text (see rule 1)."""
    if block.label is not None or block.kind not in _LABELLED or "bullet" in block.flags:
        return block  # a label given by the format, or a bullet item ("- 1.0 - Beta" has no label)
    label, depth, length = split_label(block.text)
    rest = block.text[length:].strip() if label is not None else ""
    if label is None or not rest:
        return block
    kind = BlockKind.LIST_ITEM if block.kind is BlockKind.PARAGRAPH else block.kind
    return attrs.evolve(block, kind=kind, label=label, text=rest, depth=max(block.depth, depth - 1))


def _key(text: str) -> str:
    return " ".join(normalize_text(text).casefold().split())


class _SetAside:
    """Rule 2: boilerplate and duplicates, over the whole block list."""

    def __init__(self, document: Document, options: Options) -> None:
        self.document = document
        self.options = options
        self.dropped: list[DroppedSpan] = []

    def drop(self, block: Block, reason: str) -> None:
        source = self.document.source
        for start, end in block.spans:
            self.dropped.append(DroppedSpan(start, end, reason, source[start:end]))

    def boilerplate(self, blocks: list[Block]) -> list[Block]:
        if not self.options.drop_boilerplate or self.document.format not in ("text", "html"):
            return blocks
        tail = len(blocks) - 5  # a page's footer: its last few lines
        kept = []
        for position, block in enumerate(blocks):
            if (
                block.label is None
                and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM)
                and scraped.is_boilerplate(block.text, at_end=position >= tail, at_start=position < 5)
            ):
                self.drop(block, "boilerplate")
            else:
                kept.append(block)
        return kept

    def duplicates(self, blocks: list[Block]) -> list[Block]:
        """A clause duplicates one at most ``duplicate_window`` clauses before it
        with the same normalized text and the same label (or no label on one
        side: a headline repeated above its numbered heading); a long clause
        among the first three (a headline) is also a duplicate anywhere later.
        Of an unlabelled and a labelled copy, the unlabelled one is set aside.
        Table rows and code are never duplicates (a table repeats cells).
        """
        window = self.options.duplicate_window
        keys = [_key(block.text) for block in blocks]
        result: list[Block | None] = []
        recent: list[tuple[int, int]] = []  # (position in blocks, index in result) of kept blocks
        opening = {keys[p]: p for p in range(min(3, len(blocks))) if len(keys[p].split()) >= 8}
        kept_at: dict[int, int] = {}
        for position, block in enumerate(blocks):
            key = keys[position]
            worth = block.kind not in (BlockKind.TABLE_ROW, BlockKind.CODE) and (
                len(key.split()) >= 2 or block.kind is BlockKind.HEADING or scraped.looks_like_heading(block.text)
            )
            twin: tuple[int, int] | None = None
            for earlier, index in reversed(recent[-window:] if worth else []):
                adjacent = all(keys[k] == key for k in range(earlier + 1, position))  # nothing else between
                if keys[earlier] == key and _repeats(blocks[earlier], block, adjacent=adjacent):
                    twin = (earlier, index)
                    break
            if twin is None and worth and position >= 3 and key in opening and opening[key] in kept_at:
                twin = (opening[key], kept_at[opening[key]])
            if twin is not None and result[twin[1]] is not None:
                earlier, index = twin
                if blocks[earlier].label is None and block.label is not None:
                    # The unlabelled copy came first: it is the one set aside.
                    if self.options.drop_duplicates:
                        self.drop(blocks[earlier], "duplicate")
                        result[index] = None
                    else:
                        result[index] = _flagged(blocks[earlier], "duplicate")
                elif self.options.drop_duplicates:
                    self.drop(block, "duplicate")
                    continue
                else:
                    block = _flagged(block, "duplicate")
            recent.append((position, len(result)))
            kept_at[position] = len(result)
            result.append(block)
        return [block for block in result if block is not None]


def _repeats(earlier: Block, block: Block, *, adjacent: bool) -> bool:
    """Is ``block``, with the same text as ``earlier``, a copy a scraper made
    rather than the document repeating itself?  Documents repeat short
    formulas ("Copyright (C) <year> <name of author>") and lists repeat items
    under the same label ("d) make other distribution arrangements ..."); a
    scraper repeats whole blocks: side by side, an unlabelled copy of a
    labelled heading, a bullet item a few items on, a long paragraph."""
    if adjacent and (earlier.label == block.label or None in (earlier.label, block.label)):
        return True
    if (earlier.label is None) != (block.label is None):
        return True  # a headline repeated above its numbered heading
    if earlier.label is not None:
        return False
    return block.kind is BlockKind.LIST_ITEM or len(block.text.split()) >= 10


def _flagged(block: Block, flag: str) -> Block:
    return attrs.evolve(block, flags=block.flags | {flag})


def _code_normalized(text: str) -> str:
    """A code block compares verbatim: only trailing white space and the form
    of its line endings are folded."""
    return "\n".join(line.rstrip() for line in text.splitlines())


def clauses_from_document(
    document: Document, *, options: Options | None = None
) -> tuple[tuple[Clause, ...], tuple[DroppedSpan, ...]]:
    """The clauses of a document read by :mod:`conceptdiff.read`, and every span set aside."""
    options = options or Options()
    blocks = [_with_label(block) for block in document.blocks]
    aside = _SetAside(document, options)
    blocks = aside.duplicates(aside.boilerplate(blocks))
    dropped = list(document.dropped) + aside.dropped
    source = document.source
    clauses: list[Clause] = []
    stack: list[tuple[int, str]] = []
    for block in blocks:
        kind = _KINDS[block.kind]
        if kind is ClauseKind.HEADING:
            level = max(block.level, 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            section = tuple(title for _, title in stack)
            stack.append((level, f"{block.label} {block.text}" if block.label else block.text))
        else:
            level = 0
            section = tuple(title for _, title in stack)
        for start, end in block.spans[1:]:
            dropped.append(DroppedSpan(start, end, "continuation", source[start:end]))
        text = block.text
        if kind is ClauseKind.CODE:
            normalized = _code_normalized(text)
        else:
            text = collapse(text)
            normalized = normalize_text(text)
        flags = set(block.flags) - _READER_FLAGS
        if "[…]" in normalized:
            flags.add("elision")
        clauses.append(
            Clause(
                text, normalized, kind, block.label, level, section, block.spans[0], tuple(sorted(flags)), block.links
            )
        )
    if options.flag_languages:
        from conceptdiff.language import flag_languages

        clauses = flag_languages(clauses)
    return tuple(clauses), tuple(sorted(dropped, key=lambda span: span.start))


def segment(
    text: str, *, options: Options | None = None, format: str | None = None, name: str | None = None
) -> tuple[tuple[Clause, ...], tuple[DroppedSpan, ...]]:
    """Read ``text`` (:func:`conceptdiff.read.read_text`; ``format=None``
    detects it) and split it into clauses and the spans set aside."""
    options = options or Options()
    return clauses_from_document(read_text(text, format=format, options=options, name=name), options=options)
