"""The data model: editions made of clauses, and comparisons made of changes.

Everything here is immutable (``attrs.frozen`` holding tuples): results can be
hashed, cached, pickled and compared.  Change a value with ``attrs.evolve``.

The contract of a comparison's changes, in the manner of difflib's opcodes:

* every old clause index ``0 <= i < len(old.clauses)`` is in exactly one
  change's ``old``, and every new clause index in exactly one change's ``new``;
* a change's ``old`` and ``new`` are each sorted and consecutive
  (``SPLIT``/``MERGED`` cover a run of clauses; the other kinds at most one);
* ``changes`` are in reading order of the new edition, a removed clause
  standing just after the change that holds the old clause before it.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from os import PathLike
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from conceptdiff.options import Options
    from conceptdiff.read import Document

__all__ = [
    "Change",
    "ChangeKind",
    "Clause",
    "ClauseKind",
    "Comparison",
    "DroppedSpan",
    "EditOp",
    "Edition",
    "MatchMethod",
    "SetAsideChange",
    "WordEdit",
]


class _ValueEnum(enum.Enum):
    """An enum that prints as its value (``str(ChangeKind.REWORDED) == "reworded"``)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class ChangeKind(_ValueEnum):
    """What happened to a clause between the two editions."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"
    SPLIT = "split"
    MERGED = "merged"

    def inverse(self) -> ChangeKind:
        """The kind seen from the other edition (ADDED <-> REMOVED, SPLIT <-> MERGED)."""
        return _INVERSE.get(self, self)


_INVERSE = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}


class ClauseKind(_ValueEnum):
    """The structural role of a clause in its edition."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"  #: one row of a table, cells joined by " | "
    CODE = "code"  #: a code block, its line breaks kept and compared verbatim


class MatchMethod(_ValueEnum):
    """How the aligner paired the clauses of a change (its *why*)."""

    EXACT = "exact"  #: same text
    NORMALIZED = "normalized"  #: same text once quotes, dashes, case, punctuation are folded
    FUZZY = "fuzzy"  #: similar enough (see Options.reworded_threshold)
    NUMBER = "number"  #: same number label in the same place, text less similar
    POSITIONAL = "positional"  #: the only unmatched pair between two matched neighbours
    TEMPLATE = "template"  #: the same words once numbers and dates are set aside, found once on each side
    NONE = "none"  #: not paired (ADDED / REMOVED)


class EditOp(_ValueEnum):
    """One word-level edit operation."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@attrs.frozen
class Clause:
    """One clause of an edition.

    Attributes:
        text: the clause as found in the source, its number label taken off and
            white space collapsed to single spaces (what reports show).
        normalized: the form used for comparison: Unicode NFKC, quotes and
            dashes folded, elision markers unified as ``[…]``, white space
            collapsed.  Case is kept: a change of case is a (cosmetic) rewording.
        kind: heading, paragraph or list item.
        label: the clause's number label (``"3"``, ``"(b)"``, ``"IV"``,
            ``"Article 12"``) or ``None``.
        level: a heading's level (1 is top); 0 for other clauses.
        section: the headings the clause sits under, outermost first.
        span: ``(start, end)`` character offsets of the clause in the source
            text, or ``None`` for clauses given one by one.
        flags: sorted notes on the clause: ``"duplicate"`` (kept although it
            repeats a clause, see ``Options.drop_duplicates``),
            ``"language:xx"`` (written in another language than the edition,
            ISO 639-1 code), ``"elision"`` (holds an elision marker ``[…]``:
            text left out), ``"quote"`` (a block quote), ``"footnote"``.
        links: the targets of the clause's links, in order (a link's text is
            in :attr:`text`, its target here, so that a changed target is a
            change of its own: :attr:`Change.relinked`).
    """

    text: str
    normalized: str
    kind: ClauseKind = ClauseKind.PARAGRAPH
    label: str | None = None
    level: int = 0
    section: tuple[str, ...] = ()
    span: tuple[int, int] | None = None
    flags: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """The clause with its label, as a reader would quote it."""
        if self.label is None:
            return self.text
        return f"{self.label} {self.text}" if self.text else self.label


@attrs.frozen
class DroppedSpan:
    """A span of the source the normalizer set aside, kept for audit.

    ``reason`` is one of a documented set (``"markup"``, ``"page-number"``,
    ``"running-header"``, ``"boilerplate"``, ``"off-topic"``, ``"likely-boilerplate"``, ``"duplicate"``,
    ``"table-of-contents"``, ``"empty-item"``, ``"unread"`` for text a
    format's parser gave no block (Markdown nested beyond its limit), and
    ``"continuation"`` for a stretch of a clause's text after page furniture:
    its words are in the clause before it); ``text`` is ``source[start:end]``.
    Clause spans and dropped spans are disjoint and cover every
    non-white-space character of the source, which is the file's text for
    plain text, Markdown and HTML, and the extracted text for PDF and
    ``.docx`` files (``docs/reading.md``).
    """

    start: int
    end: int
    reason: str
    text: str


def _content(clauses: tuple[Clause, ...]) -> tuple[tuple[ClauseKind, str | None, str], ...]:
    return tuple((clause.kind, clause.label, clause.text) for clause in clauses)


@attrs.frozen
class Edition:
    """One edition of a document: its clauses, in reading order.

    Build one with :meth:`from_text`, :meth:`from_clauses` or :meth:`from_path`.

    Two editions are equal when their clauses have the same content: the
    same kinds, labels and texts in the same order.  Where the clauses came
    from (spans, sections, flags), the edition's label and what it set aside
    do not count: an edition read from a file equals the same clauses built
    with :meth:`from_clauses`.

    >>> from conceptdiff import Edition
    >>> edition = Edition.from_clauses(["1. Scope.", "(b) The “Work”."], label="v1")
    >>> [(c.label, c.text, c.normalized) for c in edition.clauses]
    [('1', 'Scope.', 'Scope.'), ('(b)', 'The “Work”.', 'The "Work".')]
    """

    clauses: tuple[Clause, ...] = attrs.field(eq=_content)
    label: str | None = attrs.field(default=None, eq=False)
    dropped: tuple[DroppedSpan, ...] = attrs.field(default=(), eq=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        label: str | None = None,
        options: Options | None = None,
        format: str | None = None,
    ) -> Edition:
        """Read raw text into clauses.

        ``format`` is ``"text"``, ``"markdown"``, ``"html"`` or
        ``"debian-copyright"``; by default it is told from the content (a text
        that is clearly Markdown is read as Markdown, one that opens with
        DEP-5's ``Format:`` field as a Debian copyright file, see
        :func:`conceptdiff.read.detect_format`).  Plain text is
        read with a layout model: paragraphs (however they are wrapped),
        bullets, numbered items and headings become clauses.  Page furniture,
        tables of contents, web boilerplate and duplicates are set aside and
        recorded in :attr:`dropped` (rules and switches: ``docs/reading.md``
        and the reading fields of :class:`~conceptdiff.Options`).

        >>> edition = Edition.from_text("SCOPE\\n\\n1. The first rule.\\n2. The second\\nrule.\\n")
        >>> [(c.kind.value, c.label, c.text) for c in edition.clauses]
        [('heading', None, 'SCOPE'), ('list_item', '1', 'The first rule.'), ('list_item', '2', 'The second rule.')]
        >>> edition.clauses[1].section
        ('SCOPE',)
        """
        from conceptdiff.segment import edition_from_text

        return edition_from_text(text, label=label, options=options, format=format)

    @classmethod
    def from_clauses(cls, clauses: Iterable[str], *, label: str | None = None) -> Edition:
        """An edition from one string per clause; items are never re-split.

        A leading number label (``3.``, ``(b)``, ``IV.``, ``Article 12``) is
        taken off into :attr:`Clause.label`.
        """
        from conceptdiff.segment import edition_from_clauses

        return edition_from_clauses(clauses, label=label)

    @classmethod
    def from_path(
        cls,
        path: str | PathLike[str],
        *,
        label: str | None = None,
        encoding: str | None = None,
        options: Options | None = None,
        format: str | None = None,
    ) -> Edition:
        """Read a file (encoding detected when not given) and segment it.

        The format comes from the suffix, else from the content
        (:func:`conceptdiff.read.detect_format`): plain text, Markdown, HTML,
        ``.pdf`` (extra ``conceptdiff[pdf]``) and ``.docx``; ``format=``
        forces one.  The label defaults to the file's name.  Errors name the
        file: :class:`~conceptdiff.FileReadError`, :class:`~conceptdiff.DecodeError`,
        :class:`~conceptdiff.NotTextError`, :class:`~conceptdiff.InputTooLargeError`.
        """
        from conceptdiff.segment import edition_from_path

        return edition_from_path(path, label=label, encoding=encoding, options=options, format=format)

    @classmethod
    def from_document(cls, document: Document, *, label: str | None = None, options: Options | None = None) -> Edition:
        """Segment a document a reader of :mod:`conceptdiff.read` gave (its
        blocks become clauses, :mod:`conceptdiff.segment`).

        >>> from conceptdiff.read import read_text
        >>> edition = Edition.from_document(read_text("| Term | Meaning |\\n|---|---|\\n| Work | the program |\\n"))
        >>> [(c.kind.value, c.text) for c in edition.clauses]
        [('table_row', 'Term | Meaning'), ('table_row', 'Work | the program')]
        """
        from conceptdiff.segment import edition_from_document

        return edition_from_document(document, label=label, options=options)

    @property
    def texts(self) -> tuple[str, ...]:
        """The clauses' texts (labels off), in order."""
        return tuple(clause.text for clause in self.clauses)


@attrs.frozen
class WordEdit:
    """One word-level edit: ``op`` applied to ``text``.

    Applying a change's edits to its old text (``"\\n".join`` of its old
    clauses) keeps EQUAL and INSERT pieces and drops DELETE pieces; the result
    is its new text.  Edits never cut a word (or a grapheme) in two.
    """

    op: EditOp
    text: str


@attrs.frozen
class Change:
    """One change: a set of old clauses and the new clauses they became.

    Attributes:
        kind: what happened (see :class:`ChangeKind`).
        old: indices of the old edition's clauses, sorted.
        new: indices of the new edition's clauses, sorted.
        similarity: word-level similarity of the old and new text (1.0 when
            the normalized texts are equal, 0.0 for ADDED / REMOVED).
        edits: word-level edits from the old text to the new text; empty when
            the texts are equal.  Old and new texts of several clauses are
            joined with ``"\\n"``.
        method: how the clauses were matched.
        confidence: how sure the aligner is of the match, 0..1.
        relabeled: the clauses' number labels differ (renumbering is recorded
            here, never counted as rewording).
        relinked: the clauses' link targets differ (the same words linking
            elsewhere: recorded here, never hidden in the text).
    """

    kind: ChangeKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float = 1.0
    edits: tuple[WordEdit, ...] = ()
    method: MatchMethod = MatchMethod.EXACT
    confidence: float = 1.0
    relabeled: bool = False
    relinked: bool = False

    @property
    def is_change(self) -> bool:
        """Whether this is a change at all: the one meaning of "a change" that
        :attr:`Comparison.has_changes`, the command line's exit status, every
        report and :mod:`conceptdiff.testing` share.

        Anything but an UNCHANGED clause with the same label, the same link
        targets and the very same text is a change, a cosmetic edit (quotes,
        case, punctuation) included.  Callers relax it explicitly by kind of
        difference (:func:`conceptdiff.significance.differences`,
        ``--ignore cosmetic,renumbering`` on the command line).

        >>> Change(ChangeKind.UNCHANGED, (0,), (0,)).is_change
        False
        >>> Change(ChangeKind.UNCHANGED, (0,), (0,), relabeled=True).is_change
        True
        """
        return (
            self.kind is not ChangeKind.UNCHANGED
            or self.relabeled
            or self.relinked
            or any(edit.op is not EditOp.EQUAL for edit in self.edits)
        )

    @property
    def old_text(self) -> str:
        """The old side's text, rebuilt from the edits: the old clauses'
        texts joined with ``"\\n"`` (labels off).  ``""`` when the change has
        no edits (its texts are equal: read them from the editions)."""
        return "".join(edit.text for edit in self.edits if edit.op is not EditOp.INSERT)

    @property
    def new_text(self) -> str:
        """The new side's text, rebuilt from the edits: the new clauses'
        texts joined with ``"\\n"``; ``""`` when the change has no edits."""
        return "".join(edit.text for edit in self.edits if edit.op is not EditOp.DELETE)

    def inverse(self) -> Change:
        """The same change seen from the other edition."""
        return attrs.evolve(self, kind=self.kind.inverse(), old=self.new, new=self.old, edits=_inverted(self.edits))


@attrs.frozen
class SetAsideChange:
    """A difference between what the two editions set aside.

    Text the reader set aside (web boilerplate, duplicates, page furniture,
    a table of contents: :attr:`Edition.dropped`) is not aligned as clauses,
    but a change in it is still a change: a dateline that changed, a
    duplicate item added or removed, a new footer.

    Attributes:
        kind: ADDED (only the new edition sets it aside), REMOVED (only the
            old one), or REWORDED (the same kind of set-aside text, changed).
        reason: the :attr:`DroppedSpan.reason` (``"boilerplate"``,
            ``"duplicate"``, ``"page-number"`` ...).
        old: index into the old edition's ``dropped``, or ``None``.
        new: index into the new edition's ``dropped``, or ``None``.
        edits: word edits from the old text to the new one.
    """

    kind: ChangeKind
    reason: str
    old: int | None
    new: int | None
    edits: tuple[WordEdit, ...] = ()

    @property
    def old_text(self) -> str:
        """The old set-aside text (``""`` when added)."""
        return "".join(edit.text for edit in self.edits if edit.op is not EditOp.INSERT)

    @property
    def new_text(self) -> str:
        """The new set-aside text (``""`` when removed)."""
        return "".join(edit.text for edit in self.edits if edit.op is not EditOp.DELETE)

    def inverse(self) -> SetAsideChange:
        """The same difference seen from the other edition."""
        return SetAsideChange(self.kind.inverse(), self.reason, self.new, self.old, _inverted(self.edits))


def _inverted(edits: tuple[WordEdit, ...]) -> tuple[WordEdit, ...]:
    inverted = {EditOp.INSERT: EditOp.DELETE, EditOp.DELETE: EditOp.INSERT, EditOp.EQUAL: EditOp.EQUAL}
    return tuple(WordEdit(inverted[e.op], e.text) for e in edits)


@attrs.frozen(repr=False)
class Comparison:
    """The result of :func:`conceptdiff.compare`: two editions and their changes.

    >>> import conceptdiff
    >>> result = conceptdiff.compare(
    ...     conceptdiff.Edition.from_clauses(["Members may vote.", "Fees are due."]),
    ...     conceptdiff.Edition.from_clauses(["Fees are due.", "Members shall vote."]),
    ... )
    >>> [(c.kind.value, c.old, c.new) for c in result.changes]
    [('unchanged', (1,), (0,)), ('moved', (0,), (1,))]
    >>> result.apply(["Members may vote.", "Fees are due."])
    ('Fees are due.', 'Members shall vote.')
    """

    old: Edition
    new: Edition
    changes: tuple[Change, ...]
    options: Options
    #: Differences between what the two editions set aside (see :class:`SetAsideChange`).
    set_aside: tuple[SetAsideChange, ...] = ()

    @property
    def counts(self) -> Mapping[ChangeKind, int]:
        """How many changes of each kind (every kind present, zeros included)."""
        tally = Counter(change.kind for change in self.changes)
        return {kind: tally.get(kind, 0) for kind in ChangeKind}

    @property
    def has_changes(self) -> bool:
        """Whether the editions differ at all: some change :attr:`Change.is_change`,
        or some difference in what they set aside (:attr:`set_aside`)."""
        return bool(self.set_aside) or any(change.is_change for change in self.changes)

    def inverse(self) -> Comparison:
        """The comparison of the new edition with the old (same links, kinds inverted)."""
        changes = tuple(change.inverse() for change in self.changes)
        return Comparison(
            old=self.new,
            new=self.old,
            changes=_reading_order(changes),
            options=self.options,
            set_aside=_set_aside_order(change.inverse() for change in self.set_aside),
        )

    def __repr__(self) -> str:
        """One line: the editions' sizes and the changes by kind."""

        def side(edition: Edition) -> str:
            name = "" if edition.label is None else f"{edition.label!r} "
            return f"{name}({len(edition.clauses)} clauses)"

        tally = ", ".join(f"{n} {kind}" for kind, n in self.counts.items() if n)
        extra = f", {len(self.set_aside)} set aside" if self.set_aside else ""
        return f"<Comparison old={side(self.old)} new={side(self.new)}: {tally or 'no clauses'}{extra}>"

    def apply(self, old_texts: Iterable[str]) -> tuple[str, ...]:
        """Rebuild the new clause texts from the old ones and the changes alone.

        ``old_texts`` are the old clauses' texts (``self.old.texts``).  A change
        without edits carries its old text over unchanged.
        """
        old_list = list(old_texts)
        pieces: dict[int, str] = {}
        for change in self.changes:
            if not change.new:
                continue
            text = change.new_text if change.edits else "\n".join(old_list[i] for i in change.old)
            if len(change.new) == 1:
                pieces[change.new[0]] = text  # one clause: a code block's own line breaks stay in it
                continue
            for index, part in zip(change.new, text.split("\n"), strict=True):
                pieces[index] = part
        return tuple(pieces[i] for i in range(len(pieces)))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (schema in ``docs/schema/comparison.schema.json``)."""
        from conceptdiff.serialize import comparison_to_dict

        return comparison_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Comparison:
        """Rebuild a comparison from :meth:`to_dict`; malformed input raises
        :class:`~conceptdiff.InvalidComparisonError`."""
        from conceptdiff.serialize import comparison_from_dict

        return comparison_from_dict(data)

    def _repr_html_(self) -> str:
        """The report as HTML, so that a comparison displays itself in a
        notebook (see :func:`conceptdiff.render.render_html_fragment`)."""
        from conceptdiff.render.html import render_html_fragment

        return render_html_fragment(self)


def _set_aside_order(changes: Iterable[SetAsideChange]) -> tuple[SetAsideChange, ...]:
    """Set-aside differences in the new edition's order, removed ones after
    (in the old edition's order)."""

    def key(change: SetAsideChange) -> tuple[int, int]:
        return (0, change.new) if change.new is not None else (1, change.old if change.old is not None else -1)

    return tuple(sorted(changes, key=key))


def _reading_order(changes: Iterable[Change]) -> tuple[Change, ...]:
    """Sort changes in the new edition's reading order.

    A change with new clauses sorts at its first new clause; a REMOVED change
    sorts just after the change holding the nearest old clause before it (or
    first, when there is none), removed clauses in old order.
    """
    changes = list(changes)
    # Where each old clause landed in the new edition (-1: nowhere).
    landed: dict[int, int] = {}
    for change in changes:
        if change.new:
            for index in change.old:
                landed[index] = change.new[-1]

    size = 1 + max((change.old[-1] for change in changes if change.old), default=-1)  # ``old`` is sorted
    anchor_before = [-1] * size
    current = -1
    for index in range(size):
        anchor_before[index] = current
        current = landed.get(index, current)

    keys = [
        (change.new[0], 0, change.old[0] if change.old else -1)
        if change.new
        else (anchor_before[change.old[0]], 1, change.old[0])
        for change in changes
    ]
    return tuple(changes[k] for k in sorted(range(len(changes)), key=keys.__getitem__))
