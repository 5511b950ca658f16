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
``table-of-contents``, ``markup``, ``boilerplate``, ``off-topic``,
``likely-boilerplate``, ``duplicate``,
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
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from os import PathLike
from typing import NamedTuple

import attrs

from conceptdiff._gc import paused_gc
from conceptdiff._names import label_from_path
from conceptdiff.errors import InputError, InputTypeError
from conceptdiff.model import Clause, ClauseKind, DroppedSpan, Edition
from conceptdiff.normalize import normalize_collapsed, normalize_text
from conceptdiff.options import Options
from conceptdiff.read import Block, BlockKind, Document, _furniture, read_path, read_text
from conceptdiff.read import _scraped as scraped
from conceptdiff.read._document import FIELD_RE, NOTICE_RE, field_runs
from conceptdiff.read._inline import collapse, strip_inline_markup
from conceptdiff.read._labels import BULLET_RE, BULLET_STARTS, LABEL_STARTS, split_label

__all__ = [
    "clause_from_string",
    "clauses_from_document",
    "edition_from_clauses",
    "edition_from_document",
    "edition_from_path",
    "edition_from_text",
    "segment",
    "split_label",
    "strip_inline_markup",
]

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
_READER_FLAGS = frozenset({"heading:inferred", "bullet", "centred", "term"})
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


# A heading's number printed without a mark before a capital ("1 Measuring Program Resource
# Use", "Appendix A GNU Free Documentation License"), or before a command's name and a colon
# ("5 tlmgr: Managing your installation"): a label in a heading only.
_HEADING_NUMBER_RE = re.compile(
    r"((?:Appendix|APPENDIX|Annex|ANNEX)[ \t]+(?:[A-Z]|[0-9]{1,2})|[0-9]{1,2}(?:\.[0-9]{1,2}){0,4})"
    r"[ \t]+(?=[A-Z\"“'‘(]|[a-z][\w.-]*:[ \t]+[A-Z])"
)


def _with_label(block: Block) -> Block:
    """The block with a leading number label taken off its text (see rule 1)."""
    if block.label is not None or block.kind not in _LABELLED or "bullet" in block.flags:
        return block  # a label given by the format, or a bullet item ("- 1.0 - Beta" has no label)
    label, depth, length = split_label(block.text)
    if label is None and block.kind is BlockKind.HEADING and (number := _HEADING_NUMBER_RE.match(block.text)):
        label = " ".join(number.group(1).split())
        depth, length = 1 + label.count("."), number.end()  # "1.2 Scope", "Appendix A GNU Free ..."
    rest = block.text[length:].strip() if label is not None else ""
    if label is None or not rest:
        return block
    kind = BlockKind.LIST_ITEM if block.kind is BlockKind.PARAGRAPH else block.kind
    return attrs.evolve(block, kind=kind, label=label, text=rest, depth=max(block.depth, depth - 1))


# A stray line with fewer than this share of its content words in the text's
# sentences is off its topic.  Two thirds set aside more furniture but also two
# headings of the benchmark's documents ("Comments on this policy"); one half
# none of them.
_ON_TOPIC = 1 / 2
# Scores of the furniture model (log-odds) above which a line is likely
# furniture, a sentence is, and a line among a text's opening lines is.  The
# model's fourth version was tried on the blind10/11 vocabularies trained
# without them (benchmarks/train_furniture.py; the segmentation benchmark's
# scraped renderings), as the values that set aside most of their lines
# without setting aside a clause of the benchmark's documents or more than one
# of six licences never read before (GPL-1, GPL-2, LGPL-2, LGPL-3, GFDL-1.3,
# dpkg's triggers specification).  Earlier versions asked 2, 4 (5 before the
# blind8/9 vocabularies) and 5, with no graded bars for the share of words a
# line shares with the text.
_LIKELY = 1.0
_SENTENCE = 2.0
_VERY_LIKELY = 5.0
# A text of fewer content words than this has no topic to be off.
_TOPIC_SIZE = 200
# Graded by the share of a line's content words the text's other lines use:
# half or more, a line must score above _SHARED; two thirds or more, above
# _MOSTLY_SHARED.  They were 5 and 7 (chosen on the model's fourth version);
# 3 and 3.5 were chosen on the blind16/17 vocabularies with the fifth version,
# as the lowest that set aside one clause of the benchmark's documents more
# ("An overview of available Node.js and JavaScript features for each configure
# option:", 4.5) and no line of the system's licences or of the corpus; in
# /usr/share/doc, they set aside one line more of 53 of 1,266 files (Debian
# copyright files: "Contributed by Gaius Mulley <...>.").
# Fewer than a quarter (two content words or more), above _OFF_TOPIC_BAR (0:
# more like furniture than like a document's words), _OFF_TOPIC_OPENING among
# the opening lines.
_MOSTLY_ON_TOPIC = 2 / 3
_SHARED = 3.0
_MOSTLY_SHARED = 3.5
_MOSTLY_SHARED_WORDS = 30
_OFF_TOPIC = 1 / 4
_OFF_TOPIC_BAR = 0.0
_OFF_TOPIC_OPENING = 2.0
# A field name given this many different values on lines of their own is a
# text's records' ("Examples: ...", "Stability: ...").
_RECORD_FIELDS = 3
# A run of this many terms or more, each followed by its definition, is a
# definition list (the terms at most _TERM_WORDS words), not a page's stray lines.
_DEFINITIONS = 4
_TERM_WORDS = 6
# As many titles led by an emoji, each with text after it, are a text's headings
# (a README's "✨ Installation", "🚀 Basic Usage"), not a page's widgets.
_EMOJI_HEADINGS = 3
# A page's footer: its last lines, where a line more like furniture than like
# a document's words (score above 0) is furniture, unless it is on the text's
# topic (then _SHARED or _MOSTLY_SHARED hold: "The archive inspects a sample of
# bodies each year ..." ending a records policy scores 2.2).
_FOOTER = 3
_FOOTER_BAR = 0.0
# A plain text no rule found furniture in shows some when the model scores
# this many lines past its opening as very likely furniture (only a text long
# enough to have a topic: a short news item's own sentences can score so).
_SHOWN = 2
# ... or one line that it scores above this, in a text of _TOPIC_SIZE content
# words or more (9 before the blind16/17 vocabularies, which kept a third of
# their lines in renderings no rule found furniture in; 6 shows it in eight
# more of /usr/share/doc's 1,266 files, none of them a licence of the system's
# or a document of the corpus: "Thanks to the many outside volunteers ..." of
# Python's copyright file, 6.6, is set aside).
_SURELY = 6.0
# A line sharing this many content words with the line before it and the two
# after is about what they are about, whatever it scores.
_NEIGHBOURS = 2
# At most this many blocks set aside since the text's stems were counted are
# taken off the count (more, and the text is counted anew).
_RECOUNT = 64
# A text's first and last blocks: its title page and its footer.
_EDGE = 5
# A title page of short lines (this many words at most) may run this far (blocks).
_TITLE_PAGE = 15
_TITLE_PAGE_WORDS = 12
# How many words a line of a page's chrome above its repeated headline may have.
_CHROME_WORDS = 40
# A repeated headline is this many words at most (a paragraph is no headline).
_HEADLINE_WORDS = 16
# Two or more spaces between words, not after a sentence's end (a typist's double space).
_COLUMNS_RE = re.compile(r"(?<=[^\s.!?:;])[ \t]{2,}(?=\S)")


class _Candidate(NamedTuple):
    """A line the furniture model may be asked about (``_SetAside._candidates``)."""

    text: str
    sentence: bool  # six words or more, ending like a sentence
    shared: float  # the share of its content words the text's other lines use
    words: int  # its content words (stems)
    measured: bool  # the text is long enough for the share to tell (``_TOPIC_SIZE``)


def _key(text: str) -> str:
    return " ".join(normalize_text(text).casefold().split())


class _SetAside:
    """Rule 2: boilerplate and duplicates, over the whole block list."""

    def __init__(self, document: Document, options: Options) -> None:
        self.document = document
        self.options = options
        self.dropped: list[DroppedSpan] = []
        # Asked for again and again by the passes below: each line's stems
        # (scraped.stem_counts, whose keys are scraped.topic_words), the
        # candidates of a block list (asked for twice when no rule found
        # furniture) and the furniture model's scores.
        self._stems: dict[str, Counter[str]] = {}
        self._found: tuple[tuple[Block, ...], dict[int, _Candidate]] | None = None
        self._scores: dict[str, float] = {}
        self._fields: set[int] = set()  # ids of the blocks that are a document's header fields (see boilerplate)
        self._text: tuple[list[Block], Counter[str]] | None = None  # see text_stems

    def text_stems(self, blocks: list[Block]) -> Counter[str]:
        """The stems of all ``blocks`` together (``scraped.stem_counts`` of
        their joined text).  Counted once; a later list that is the first one
        less a few blocks (the passes only set blocks aside) is counted by
        taking those blocks' stems off."""
        if self._text is not None:
            previous, counts = self._text
            if len(previous) - len(blocks) <= max(_RECOUNT, len(previous) // 2):
                present = {id(block) for block in blocks}
                gone = [block for block in previous if id(block) not in present]
                if len(gone) == len(previous) - len(blocks):
                    counts = counts.copy()
                    for block in gone:
                        counts.subtract(self.stems(block.text))
                    return counts
        counts = scraped.stem_counts("\n".join(block.text for block in blocks))
        self._text = (blocks, counts)
        return counts

    def stems(self, text: str) -> Counter[str]:
        """``scraped.stem_counts(text)``, computed once per text."""
        found = self._stems.get(text)
        if found is None:
            found = self._stems[text] = scraped.stem_counts(text)
        return found

    def drop(self, block: Block, reason: str) -> None:
        source = self.document.source
        for start, end in block.spans:
            self.dropped.append(DroppedSpan(start, end, reason, source[start:end]))

    def boilerplate(self, blocks: list[Block]) -> list[Block]:
        if not self.options.drop_boilerplate or self.document.format not in ("text", "html"):
            return blocks
        from conceptdiff.read._boilerplate import documentary, is_boilerplate  # imported only for the formats it reads

        tail = len(blocks) - _EDGE  # a page's footer: its last few lines
        # A text's opening lines: its first _EDGE blocks, or its title page's short lines before
        # its first long block (a title, three authors and three copyright lines).
        opening = next(
            (p for p, b in enumerate(blocks[:_TITLE_PAGE]) if len(b.text.split()) > _TITLE_PAGE_WORDS), _TITLE_PAGE
        )
        opening = max(_EDGE, opening)
        # A document's own header ("Created: 05-Jul-2001") is no web page's date line.
        field_texts = [b.text if b.label is None and FIELD_RE.match(b.text) else None for b in blocks]
        fields = field_runs(field_texts)
        # Of those, the fields whose name recurs (a copyright file's stanzas of "Files:",
        # "Copyright:", "License:") are the document's own to the passes below too: a
        # page's "Photo: Reuters" next to them is not.
        names = {position: blocks[position].text.split(":", 1)[0] for position in fields}
        uses = Counter(names.values())
        self._fields = {id(blocks[position]) for position, name in names.items() if uses[name] >= 2}
        # So are the fields of a text's records, a name it gives three different values or more on
        # lines of their own ("Examples: gimp, ..." under each menu section, "Stability: 2 - Stable"
        # under each interface): the model's passes leave them be, the rules still know "Photo: ...".
        named = [(block, text.split(":", 1)[0]) for block, text in zip(blocks, field_texts, strict=True) if text]
        values: dict[str, set[str]] = {}
        for block, name in named:
            values.setdefault(name, set()).add(_key(block.text))
        self._fields |= {id(block) for block, name in named if len(values[name]) >= _RECORD_FIELDS}
        self._fields |= _definition_runs(blocks)
        notices = _licence_notices(blocks)
        kept = []
        shown = False  # has a rule told a line that shows a page's furniture (not a notice, a date, an author)?
        for position, block in enumerate(blocks):
            if (
                block.label is None
                and position not in fields
                and position not in notices
                and len(block.text) <= 200  # furniture is short (is_boilerplate's own bound)
                and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM)
                # A line its author centred among a text's opening lines is its title block's
                # ("Written by  Ian A. Murdock" under the title), no page's byline.
                and not (position < opening and "centred" in block.flags)
                and "term" not in block.flags  # a definition list's term ("5.6.26"), no date line
                and not self._heads_prose(blocks, position)
                and is_boilerplate(self._as_laid_out(block), at_end=position >= tail, at_start=position < opening)
            ):
                self.drop(block, "boilerplate")
                shown = shown or not documentary(block.text)
            else:
                kept.append(block)
        # Lines off the text's topic are looked for only in a text that has shown
        # a page's furniture, to the rules, by a repeated headline or to the model: a licence's signature
        # block ("Ty Coon, President of Vice") shares no word with its sentences either. A notice, a date
        # or an author's line the rules set aside shows none (documentary): documents carry them too.
        headline = self._headline(kept)
        if not shown and headline is None and not self._shows_furniture(kept):
            return kept
        kept = self._above_headline(kept, headline)
        if not self.options.drop_off_topic:
            return kept
        kept = self._off_topic(kept)
        # An HTML page's furniture is told by its structure (conceptdiff.read.html); plain text has none.
        return self._likely_furniture(kept) if self.document.format == "text" else kept

    def _headline(self, blocks: list[Block]) -> int | None:
        """Where a scraped page repeats its headline (the page's title, then
        the article's: "Apache License" twice, side by side): the position of
        the page's copy among the text's first four blocks, or None.  A
        document repeats its title further on (a GNU licence above its terms),
        not on the next line, except as the field closing a stanza of fields
        (a Debian copyright file's "License: GPL-2+" over the licence's text),
        set under the line before it."""
        for first in range(min(4, len(blocks) - 1)):
            block = blocks[first]
            words = block.text.split()
            if (
                block.label is None
                and 0 < len(words) <= _HEADLINE_WORDS
                and block.text.rstrip()[-1:] not in ".!?:;,"  # a sentence is no headline
                and _key(block.text) == _key(blocks[first + 1].text)
                and not (first and self._attached(blocks[first - 1], block))
            ):
                return first
        return None

    def _above_headline(self, blocks: list[Block], headline: int | None) -> list[Block]:
        """A scraped page's lines above its repeated headline (``_headline``):
        the page's chrome ("Join the conversation (27)", "Tel: ... · info@...",
        a notice of the site's opening hours), when unnumbered and no longer
        than ``_CHROME_WORDS`` words."""
        if headline is None:
            return blocks
        kept = []
        for position, block in enumerate(blocks):
            if position < headline and block.label is None and len(block.text.split()) <= _CHROME_WORDS:
                self.drop(block, "boilerplate")
            else:
                kept.append(block)
        return kept

    def _off_topic(self, blocks: list[Block]) -> list[Block]:
        """A short line past a text's opening lines that is no sentence, shares
        no content word with the lines around it, and either shares few with
        the text's sentences or bears a widget's marks (an arrow, an emoji, a
        price, a count in brackets): a page's furniture that no rule names
        ("Independent journalism since 1887", "Accessibility tools ♿").

        A heading shares its words with the section it heads; lines sharing
        words with the stray line next to them (a signature block:
        "<signature of Ty Coon>, 1 April 1990", "Ty Coon, President of Vice")
        or set under a line of the text are let be, and so are a series of
        ``_EMOJI_HEADINGS`` titles or more each led by an emoji (a README's
        "✨ Installation") and the fields of a text's records (``_RECORD_FIELDS``).
        Looked for only in a text with furniture already told (``boilerplate``).
        """
        short = [
            position >= _EDGE
            and block.label is None
            and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
            and "bullet" not in block.flags
            and id(block) not in self._fields
            and scraped.stray_line(block.text)
            for position, block in enumerate(blocks)
        ]
        if not any(short):
            return blocks

        def words(position: int) -> Set[str]:
            return self.stems(blocks[position].text).keys()

        # A README's headings each led by an emoji ("✨ Installation", "🚀 Basic Usage"): a series of
        # them over the text is its sections, where a page's widget is one line.
        emoji_headings = {
            position
            for position, on in enumerate(short)
            if on and scraped.emoji_heading(blocks[position].text) and position + 1 < len(blocks)
        }
        if len(emoji_headings) < _EMOJI_HEADINGS:
            emoji_headings = set()
        short = [on and position not in emoji_headings for position, on in enumerate(short)]
        marked = [on and scraped.widget_marks(block.text) for block, on in zip(blocks, short, strict=True)]
        stray = [
            on and len(words(position)) >= (0 if marked[position] else 2) and not self._heads_prose(blocks, position)
            for position, on in enumerate(short)
        ]
        if not any(stray):
            return blocks
        # How often each stem is used by the text's other lines (one pass over them all).
        self.text_stems(blocks)  # counted whole once, for this pass and the next
        in_text = self.text_stems([b for b, s in zip(blocks, stray, strict=True) if not s])
        in_strays = Counter(word for position, s in enumerate(stray) if s for word in words(position))

        def grouped(position: int) -> bool:
            """Lines about one thing (a signature block, an address), or a line
            set under another with no blank line between ("President Bush" +
            "Berlin, Germany May 23, 2002")."""
            for other in (position - 1, position + 1):
                if not 0 <= other < len(blocks):
                    continue
                if stray[other] and words(position) & words(other):
                    return True
                first, second = sorted((position, other))
                if self._attached(blocks[first], blocks[second]):
                    return True
            return False

        def off_topic(position: int) -> bool:
            its = words(position)
            around = range(max(0, position - 1), min(len(blocks), position + 5))
            if any(its & words(other) for other in around if other != position) or grouped(position):
                return False
            # A word is the text's when its sentences use it, and twice besides this line.
            shared = sum(1 for word in its if in_text[word] and in_text[word] + in_strays[word] - 1 >= 2)
            return marked[position] or shared < _ON_TOPIC * len(its)

        kept = []
        for position, block in enumerate(blocks):
            if stray[position] and off_topic(position):
                self.drop(block, "off-topic")
            else:
                kept.append(block)
        return kept

    def _likely_furniture(self, blocks: list[Block]) -> list[Block]:
        """Drop the candidates of :meth:`_candidates` that the furniture model
        scores above their bar (:meth:`_bar`)."""
        drop = set()
        for position, candidate in self._candidates(blocks).items():
            if self._score(candidate.text) > self._bar(position, candidate, footer=position >= len(blocks) - _FOOTER):
                drop.add(position)
        kept = []
        for position, block in enumerate(blocks):
            if position in drop:
                self.drop(block, "likely-boilerplate")
            else:
                kept.append(block)
        return kept

    @staticmethod
    def _bar(position: int, candidate: _Candidate, *, footer: bool = False) -> float:
        """The score above which a candidate line is set aside: ``_LIKELY``, a
        sentence ``_SENTENCE``, a line among a text's opening lines (its title
        block: "Version 2.0, January 2004") ``_VERY_LIKELY``, a line of two
        content words or more among the text's last ``_FOOTER`` lines past its
        opening ones (``footer``: where a page's footer stands)
        ``_FOOTER_BAR``.  The more of its content words the text's other lines
        use, the more evidence is asked: half of them or more, at least
        ``_SHARED``; two thirds or more, at least ``_MOSTLY_SHARED``
        (:meth:`_candidates` leaves out such lines of one content word or of
        more than ``_MOSTLY_SHARED_WORDS`` words).  A line of two content words
        or more sharing fewer than a quarter of them needs only
        ``_OFF_TOPIC_BAR`` (``_OFF_TOPIC_OPENING`` among the opening lines).
        The footer's and the off-topic bars hold in a text long enough to have
        a topic (``measured``)."""
        opening = position < _EDGE
        bar = _VERY_LIKELY if opening else _SENTENCE if candidate.sentence else _LIKELY
        if footer and not opening and candidate.words >= 2 and candidate.measured:
            bar = _FOOTER_BAR
        if candidate.shared >= _MOSTLY_ON_TOPIC:
            return max(bar, _MOSTLY_SHARED)
        if candidate.shared >= _ON_TOPIC:
            return max(bar, _SHARED)
        if candidate.shared < _OFF_TOPIC and candidate.words >= 2 and candidate.measured:
            return min(bar, _OFF_TOPIC_OPENING if opening else _OFF_TOPIC_BAR)
        return bar

    def _shows_furniture(self, blocks: list[Block]) -> bool:
        """Does a plain text no rule found furniture in show some by the model:
        two lines past its opening, mostly off the text's topic (a sentence:
        nearly all off it, ``_OFF_TOPIC``, as a manual's own sentences may score
        high), that it scores as very likely furniture, or one it scores as
        surely so?  Only a text long enough to have a topic (``_TOPIC_SIZE``) can."""
        if self.document.format != "text" or not self.options.drop_off_topic:
            return False
        likely = 0
        for position, candidate in self._candidates(blocks).items():
            # Only in a text long enough to have a topic: a short one may be a news item, whose
            # sentences ("Officials declined to comment ...", 10.6) the model may take for a page's.
            if (
                position >= _EDGE
                and candidate.shared < (_OFF_TOPIC if candidate.sentence else _ON_TOPIC)
                and candidate.measured
            ):
                score = self._score(candidate.text)
                if score > _SURELY:
                    return True
                if score > _VERY_LIKELY:
                    likely += 1
                    if likely >= _SHOWN:
                        return True
        return False

    def _candidates(self, blocks: list[Block]) -> dict[int, _Candidate]:
        """The lines the furniture model may be asked about: unlabelled,
        unbulleted paragraphs and headings with a content word (two, and at
        most ``_MOSTLY_SHARED_WORDS`` words, if they share two thirds of them
        with the text), sharing fewer than two with the line before them and
        the two after; never a line of a group (a signature block, an address:
        lines with no blank line between), a signatory or a signature line."""
        key = tuple(blocks)  # compared item by item, each first by identity
        if self._found is not None and self._found[0] == key:
            return self._found[1]
        in_text = self.text_stems(blocks)
        measured = in_text.total() >= _TOPIC_SIZE
        found: dict[int, _Candidate] = {}
        for position, block in enumerate(blocks):
            if (
                block.label is not None
                or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING)
                or "bullet" in block.flags
                or id(block) in self._fields
                or len(block.text) > _furniture.MAX_CHARS
            ):
                continue
            its = self.stems(block.text)
            if not its:
                continue  # no content word: the rules' to tell
            shared = sum(1 for word, count in its.items() if in_text[word] > count) / len(its)
            if shared >= _MOSTLY_ON_TOPIC and (len(its) < 2 or len(block.text.split()) > _MOSTLY_SHARED_WORDS):
                continue  # on the text's topic, one word or longer than furniture is
            around = [p for p in range(max(0, position - 1), min(len(blocks), position + 3)) if p != position]
            if sum(len(its.keys() & self.stems(blocks[p].text).keys()) for p in around) >= _NEIGHBOURS:
                continue  # it speaks of what the lines next to it speak of
            if self._in_group(blocks, position):
                continue
            sentence = len(block.text.split()) >= 6 and scraped.ends_sentence(block.text)
            found[position] = _Candidate(block.text, sentence, shared, len(its), measured)
        self._found = (key, found)
        return found

    def _score(self, text: str) -> float:
        """The furniture model's score of ``text`` (:mod:`conceptdiff.read._furniture`), computed once."""
        score = self._scores.get(text)
        if score is None:
            score = self._scores[text] = _furniture.furniture_score(text)
        return score

    def _in_group(self, blocks: list[Block], position: int) -> bool:
        """A line set under or over another with no blank line between (a
        signature block, an address), a signatory, or a signature's placeholder."""
        if scraped.signature(blocks[position].text) or scraped.signatory(blocks[position].text):
            return True
        return (position > 0 and self._attached(blocks[position - 1], blocks[position])) or (
            position + 1 < len(blocks) and self._attached(blocks[position], blocks[position + 1])
        )

    def _attached(self, first: Block, second: Block) -> bool:
        """Are two blocks of a text file lines of one stretch, no blank line between?"""
        if self.document.format != "text" or not first.spans or not second.spans:
            return False
        between = self.document.source[first.spans[-1][1] : second.spans[0][0]]
        return between.count("\n") <= 1 and not between.strip()

    def _heads_prose(self, blocks: list[Block], position: int) -> bool:
        """A page's own heading (``<h2>``) over a paragraph of sentences heads a
        section of the text ("Feedback and ratings" in a privacy statement),
        however much its words sound like a widget's."""
        if self.document.format != "html" or blocks[position].kind is not BlockKind.HEADING:
            return False
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        return (
            following is not None
            and following.kind is BlockKind.PARAGRAPH
            and len(following.text.split()) >= 8
            and scraped.ends_sentence(following.text)
        )

    def _parted(self, blocks: list[Block], earlier: int, position: int) -> bool:
        """Do ``blocks[earlier]`` and ``blocks[position]`` stand in parts of
        their own, a heading, a copyright notice or a rule between them (each
        section of a reference says "Default: false" for itself, each licence
        of a file of several its conditions), or a list's lead-in ("URL-based,
        which is composed of:": each list introduced for itself repeats an item
        of the list before it), rather than a scraper's copy?"""
        between = blocks[earlier + 1 : position]
        if any(block.kind is BlockKind.HEADING or NOTICE_RE.match(block.text) or _leads_in(block) for block in between):
            return True
        start, end = blocks[earlier].spans[-1][1], blocks[position].spans[0][0]
        return start < end and _PART_RULE_RE.search(self.document.source, start, end) is not None

    def _as_laid_out(self, block: Block) -> str:
        """A one-line block of a text file with its columns kept: a menu laid
        out as "About Us   Press   Jobs" is a row of links, not a sentence."""
        if self.document.format != "text" or len(block.spans) != 1:
            return block.text
        start, end = block.spans[0]
        line = self.document.source[start:end].strip()
        if "\n" in line or _COLUMNS_RE.search(line) is None:
            return block.text
        return _COLUMNS_RE.sub(" | ", line)

    def duplicates(self, blocks: list[Block]) -> list[Block]:
        """A clause duplicates one at most ``duplicate_window`` clauses before it
        with the same normalized text and the same label (or no label on one
        side: a headline repeated above its numbered heading), and, unless they
        stand side by side, no heading, copyright notice or rule between them
        (``_parted``); a headline of eight to sixteen words among the first
        three is also a duplicate anywhere later.
        Of an unlabelled and a labelled copy, the unlabelled one is set aside.
        Table rows and code are never duplicates (a table repeats cells).
        Only in a copy a scraper may have made (plain text, a web page): a
        Markdown file, a Word document and a PDF repeat what their authors
        wrote twice.
        """
        if self.document.format not in _COPIED_FORMATS:
            return blocks  # a Markdown file, a Word document, a PDF repeat only what their authors wrote twice
        window = self.options.duplicate_window
        keys = [_key(block.text) for block in blocks]
        result: list[Block | None] = []
        recent: list[tuple[int, int]] = []  # (position in blocks, index in result) of kept blocks
        # A headline is no paragraph: eight to sixteen words (a licence notice opening a file is none).
        opening = {keys[p]: p for p in range(min(3, len(blocks))) if 8 <= len(keys[p].split()) <= _HEADLINE_WORDS}
        kept_at: dict[int, int] = {}
        for position, block in enumerate(blocks):
            key = keys[position]
            worth = block.kind not in (BlockKind.TABLE_ROW, BlockKind.CODE) and (
                len(key.split()) >= 2 or block.kind is BlockKind.HEADING or scraped.looks_like_heading(block.text)
            )
            twin: tuple[int, int] | None = None
            for earlier, index in reversed(recent[-window:] if worth else []):
                if keys[earlier] != key:
                    continue
                adjacent = all(keys[k] == key for k in range(earlier + 1, position))  # nothing else between
                if not adjacent and self._parted(blocks, earlier, position):
                    break  # each part of the document saying it for itself: the document's, not a copy
                if _repeats(blocks[earlier], block, adjacent=adjacent):
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


def _definition_runs(blocks: Sequence[Block]) -> set[int]:
    """The ids of the blocks of a definition list copied as text: ``_DEFINITIONS``
    terms or more in a row ("dialout", "Find Selection": a short unlabelled line
    ending no sentence, all in lower case or all titles), each followed by its
    definition (a sentence of four words or more).  A page's stray line between
    two paragraphs is one such pair, not a run of them."""

    def term(block: Block) -> bool:
        text = block.text.rstrip()
        return (
            block.label is None
            and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
            and 0 < len(text.split()) <= _TERM_WORDS
            and text[-1:] not in ".!?:;,"
        )

    def definition(block: Block) -> bool:
        return (
            block.kind is BlockKind.PARAGRAPH
            and len(block.text.split()) >= 4
            and scraped.ends_sentence(block.text.rstrip())
        )

    def shape(text: str) -> str:
        """Terms of one list look alike: all in lower case ("dialout") or all titles ("Find Selection")."""
        return "lower" if text[:1].islower() else "title" if scraped.looks_like_heading(text) else "other"

    found: set[int] = set()
    run: list[int] = []  # the positions of the current run's blocks, terms and definitions
    run_looks = ""
    position = 0
    while position + 1 < len(blocks):
        looks = shape(blocks[position].text)
        pair = looks != "other" and term(blocks[position]) and definition(blocks[position + 1])
        if pair and (not run or looks == run_looks):
            run.extend((position, position + 1))
            run_looks = looks
            position += 2
            continue
        if len(run) >= 2 * _DEFINITIONS:
            found.update(id(blocks[at]) for at in run)
        run = []
        position += 0 if pair else 1  # a term of another look may open a run of its own
    if len(run) >= 2 * _DEFINITIONS:
        found.update(id(blocks[at]) for at in run)
    return found


def _leads_in(block: Block) -> bool:
    """Does ``block`` introduce what follows it ("In addition:", "is
    equivalent to:"): two words or more ending in a colon?"""
    text = block.text.rstrip()
    return text.endswith(":") and len(text.split()) >= 2


# A rule on a line of its own (drawn, or spaced out: "= = = = ="), or an HTML page's <hr>.
_PART_RULE_RE = re.compile(
    r"^[ \t]*(?:([-=_*~#])\1{2,}|([-=*~#])(?:[ \t]+\2){2,})[ \t]*$|<hr\b", re.MULTILINE | re.IGNORECASE
)


# The grant of a licence that follows a program's or a file's copyright lines, near the
# start of one of the blocks after them ("WITHIN THAT CONSTRAINT, permission to use, copy"),
# or the line naming the licence ("License: https://...").
_GRANT_RE = re.compile(
    r"(?:This|The)[ \t]+(?:program|library|file|software|package|work|font|documentation)[ \t]+(?:is|are)[ \t]+"
    r"(?:free[ \t]+software|distributed|licen[cs]ed|released)"
    r"|[\w.+-]+[ \t]+is[ \t]+free[ \t]+software\b"  # "GnuTLS-extra is free software: ..."
    r"|Permission[ \t]+(?:is[ \t]+(?:hereby[ \t]+)?granted|to[ \t]+use,[ \t]+copy)"
    r"|(?:The[ \t]+)?Redistribution[ \t]+and[ \t]+use\b"
    r"|Licensed[ \t]+under[ \t]+the\b"
    r"|Everyone[ \t]+is[ \t]+permitted[ \t]+to[ \t]+copy"
    r"|You[ \t]+may[ \t]+(?:freely[ \t]+)?(?:use|copy|redistribute)\b"
    r"|For[ \t]+the[ \t]+purposes?[ \t]+of[ \t]+this[ \t]+(?:copyright|licen[cs]e)"
    r"|Use,[ \t]+(?:reproduction|modification|copying)\b"  # "Use, reproduction, and distribution ... is permitted"
    r"|Licen[cs]e(?:[ \t]+(?:&|and)[ \t]+terms[ \t]+of[ \t]+use)?:",  # "License & terms of use: https://..."
    re.IGNORECASE,
)
_GRANT_WINDOW = 60  # characters of a block's start a grant may begin within
_NOTICES_LISTED = 3  # different copyright lines that show a document listing notices (a page has one)...
_NOTICES_SHARE = 0.05  # ... and the share of its blocks they make at least (a licence has one or two)
_GRANT_REACH = 3  # blocks after a notice a grant may stand in (a warning or an export notice between)


# A copyright line ("Copyright (C) 2006 Red Hat, Inc.", "Portions copyright (C) 2006 ..."), and
# "All rights reserved." on a line of its own under it.
_NOTICE_LINE_RE = re.compile(
    r"(?:Portions[ \t]+)?(?:Copyright\b|©|\(C\)[ \t])"
    r"|.{0,60}?(?:\(C\)[ \t]+Copyright|Copyright[ \t]+(?:\(C\)|©)?[ \t]*[0-9]{4})",  # "Code and ... (c) Copyright 1990"
    re.IGNORECASE,
)
_RESERVED_RE = re.compile(r"All[ \t]+rights[ \t]+reserved\.?", re.IGNORECASE)


def _licence_notices(blocks: Sequence[Block]) -> set[int]:
    """The positions of copyright lines that a grant of a licence follows
    ("Copyright (C) 2012 Free Software Foundation, Inc." + "This program is
    free software ..."), a few blocks on at most (``_GRANT_REACH``: a
    licence file's "All rights reserved." or an export notice between): a
    program's notice, not a page's footer, wherever it stands (a README's
    last lines, a copyright file's every licence); and every copyright line
    of a document that lists ``_NOTICES_LISTED`` different ones or more, a
    twentieth of its blocks at least (a copyright file's notices, each over
    the files it covers)."""
    found: set[int] = set()
    run: list[int] = []
    listed = [p for p, block in enumerate(blocks) if _NOTICE_LINE_RE.match(block.text) and len(block.text) <= 200]
    if len({blocks[p].text.casefold() for p in listed}) >= max(_NOTICES_LISTED, _NOTICES_SHARE * len(blocks)):
        found.update(listed)  # a copyright file's list of notices: the document's own, each of them
    notice = set(listed)
    for position, block in enumerate([*blocks, None]):
        text = "" if block is None else block.text
        if position in notice or (run and _RESERVED_RE.fullmatch(text)):
            run.append(position)
            continue
        if run and any(
            _GRANT_RE.search(after.text, 0, _GRANT_WINDOW) for after in blocks[position : position + _GRANT_REACH]
        ):
            found.update(run)
        run = []
    return found


# The formats a scraper's copy comes in (a page's text pasted, a page saved): their repeats may
# be the copy's, not the author's.
_COPIED_FORMATS = frozenset({"text", "html"})


def _repeats(earlier: Block, block: Block, *, adjacent: bool) -> bool:
    """Is ``block``, with the same text as ``earlier``, a copy a scraper made
    rather than the document repeating itself?  Documents repeat short
    formulas ("Copyright (C) <year> <name of author>") and lists repeat items
    under the same label ("d) make other distribution arrangements ..."); a
    scraper repeats whole blocks: side by side, an unlabelled copy of a
    labelled heading, a bullet item a few items on, a long paragraph."""
    if "term" in block.flags:
        return False  # a definition list names a section again ("4.9" under two versions)
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


# -- Editions: what Edition.from_text, from_clauses, from_path and from_document call --------------

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogates(text: str, what: str) -> None:
    """Text with a lone surrogate cannot be written as UTF-8 (no report could
    be saved): refuse it where it comes in, naming the place."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")  # a C loop, faster than a search when (as nearly always) there is none
    except UnicodeEncodeError:
        pass
    else:
        return
    found = _SURROGATE_RE.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError(f"{what} holds a lone surrogate {found.group()!r} at line {line}", line=line)


def _checked_label(label: str | None) -> str | None:
    """A label must be text that a UTF-8 report can hold."""
    if label is not None:
        if not isinstance(label, str):
            raise InputTypeError(f"label must be a str or None, not {type(label).__name__}", argument="label")
        _refuse_lone_surrogates(label, "label")
    return label


def edition_from_document(document: Document, *, label: str | None = None, options: Options | None = None) -> Edition:
    """:meth:`Edition.from_document`: the document's blocks as clauses, and what was set aside."""
    label = _checked_label(label)
    _refuse_lone_surrogates(document.source, "text")
    with paused_gc():  # many small acyclic objects: see conceptdiff._gc
        clauses, dropped = clauses_from_document(document, options=options)
    return Edition(clauses=clauses, label=label, dropped=dropped)


def edition_from_text(
    text: str, *, label: str | None = None, options: Options | None = None, format: str | None = None
) -> Edition:
    """:meth:`Edition.from_text`: read ``text`` (:func:`conceptdiff.read.read_text`) and segment it."""
    if not isinstance(text, str):
        raise InputTypeError(f"expected text (str), got {type(text).__name__}", argument="text")
    _refuse_lone_surrogates(text, "text")
    with paused_gc():
        return edition_from_document(read_text(text, format=format, options=options), label=label, options=options)


def edition_from_path(
    path: str | PathLike[str],
    *,
    label: str | None = None,
    encoding: str | None = None,
    options: Options | None = None,
    format: str | None = None,
) -> Edition:
    """:meth:`Edition.from_path`: read the file (:func:`conceptdiff.read.read_path`) and segment it."""
    document = read_path(path, format=format, encoding=encoding, options=options)
    return edition_from_document(document, label=label_from_path(path) if label is None else label, options=options)


def edition_from_clauses(clauses: Iterable[str], *, label: str | None = None) -> Edition:
    """:meth:`Edition.from_clauses`: one clause a string, never re-split."""
    label = _checked_label(label)
    items = []
    with paused_gc():  # many small acyclic objects: see conceptdiff._gc
        for position, item in enumerate(clauses):
            if not isinstance(item, str):
                raise InputTypeError(f"clause {position} is {type(item).__name__}, not str", argument="clauses")
            if not item.isascii():
                _refuse_lone_surrogates(item, f"clause {position}")
            items.append(clause_from_string(item))
    return Edition(clauses=tuple(items), label=label)
