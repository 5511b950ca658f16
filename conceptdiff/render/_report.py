"""What every human-readable report shows, computed once: the shared view model.

The Markdown, HTML and terminal renderers differ only in markup; which changes
they list, how they number them, where each sits and what it means are
decided here, so that every format tells the same story.

Numbering: every *listed* change (one that :attr:`Change.is_change`: a
different kind, a renumbering, a changed link, or a cosmetic edit of an
unchanged clause) gets a number 1..N in reading order, whatever the report
options, so that "change 7" is the same change in every format and with
every filter.  Differences in what the editions set aside
(:attr:`Comparison.set_aside`) follow in a section of their own.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

import attrs

from conceptdiff._validators import boolean, non_negative, options_or_default
from conceptdiff.errors import InvalidOptionsError
from conceptdiff.model import Change, ChangeKind, ClauseKind, Comparison, Edition, EditOp, SetAsideChange
from conceptdiff.significance import (
    Assessment,
    Difference,
    Significance,
    TermShift,
    assess,
    difference_names,
    is_change,
    parse_differences,
    term_shifts,
)

__all__ = [
    "Context",
    "Entry",
    "Report",
    "ReportOptions",
    "build_report",
    "cosmetic_only",
    "link_targets",
    "set_aside_where",
]


class Context(enum.Enum):
    """How much of the document a report shows."""

    CHANGES = "changes"  #: only the changes
    DOCUMENT = "document"  #: the whole new edition, changes marked (removed clauses in place)


def _context(value: Context | str) -> Context:
    try:
        return Context(value)
    except ValueError:
        raise InvalidOptionsError("context", value, "must be 'changes' or 'document'") from None


@attrs.frozen(kw_only=True)
class ReportOptions:
    """What a human-readable report (text, Markdown, HTML) shows.

    Attributes:
        context: ``Context.CHANGES`` (default) lists the changes only;
            ``Context.DOCUMENT`` shows the whole document with the changes
            marked in place.  A string (``"changes"``, ``"document"``) is accepted.
        hide_cosmetic: leave out rewordings that are only cosmetic (white
            space, quotes, case, punctuation, spelling variants; see
            :mod:`conceptdiff.significance`).  Moves, splits and merges are
            always shown.  The same as adding ``Difference.COSMETIC`` to
            ``ignore``.
        ignore: kinds of difference not to show (a
            :class:`~conceptdiff.significance.Difference`, names such as
            ``"cosmetic,renumbering"``, or a set of either): a change is left
            out when it shows no other kind (:func:`~conceptdiff.significance.is_change`),
            and ``"set-aside"`` leaves out the differences in set-aside text.
        terms: how many rows the table of shifted terms has (0: no table).

    >>> ReportOptions(context="document").context
    <Context.DOCUMENT: 'document'>
    >>> ReportOptions(terms=-1)
    Traceback (most recent call last):
    ...
    conceptdiff.errors.InvalidOptionsError: invalid option terms=-1: must be a whole number >= 0
    """

    context: Context = attrs.field(default=Context.CHANGES, converter=_context)
    hide_cosmetic: bool = attrs.field(default=False, validator=boolean)
    ignore: Difference = attrs.field(default=Difference.NONE, converter=parse_differences)
    terms: int = attrs.field(default=10, validator=non_negative)

    @property
    def ignored(self) -> Difference:
        """Every kind of difference left out (``ignore``, and COSMETIC with ``hide_cosmetic``)."""
        return self.ignore | Difference.COSMETIC if self.hide_cosmetic else self.ignore


@attrs.frozen
class Entry:
    """One change as a report shows it.

    ``number`` is the change's number among listed changes (0 for an
    unchanged clause shown as context); ``index`` its position in
    ``Comparison.changes``; ``section`` the headings it sits under (of its
    new clause, or its old one when it was removed).  ``moved_from`` marks
    the place a moved clause left, in a report of the whole document: the
    entry stands there for the change shown at the clause's new place.
    """

    number: int
    index: int
    change: Change
    assessment: Assessment
    section: tuple[str, ...]
    moved_from: bool = False

    @property
    def anchor(self) -> str:
        """A stable identifier for links: ``c7`` for change 7, ``u12`` for context."""
        return f"c{self.number}" if self.number else f"u{self.index}"

    @property
    def is_context(self) -> bool:
        return self.number == 0


@attrs.frozen
class Report:
    """Everything a renderer needs, in order.

    Attributes:
        entries: what to show, in reading order.
        listed: how many changes are listed in all (before hiding cosmetic ones).
        hidden: how many listed changes the options hid (their kinds of
            difference all ignored).
        set_aside: the differences in set-aside text shown (none when
            ``"set-aside"`` is ignored).
        section_moves: for each moved change (by its index in
            ``Comparison.changes``) that left its section, the old and the new
            section's headings; a move inside one section (its heading paired
            with the new section's heading, whatever its words) is not here.
        counts: the comparison's count of each kind.
        renumbered: how many unchanged clauses only changed their number label.
        significance: how many listed changes are of each significance.
        obligation, fact: how many listed changes change an obligation, a fact.
        words_changed: words deleted plus words inserted, over all changes.
        words_total: words in both editions.
        terms: the shifted terms.
    """

    comparison: Comparison
    options: ReportOptions
    entries: tuple[Entry, ...]
    listed: int
    hidden: int
    set_aside: tuple[SetAsideChange, ...]
    section_moves: dict[int, tuple[tuple[str, ...], tuple[str, ...]]]
    counts: dict[ChangeKind, int]
    renumbered: int
    significance: dict[Significance, int]
    obligation: int
    fact: int
    words_changed: int
    words_total: int
    terms: tuple[TermShift, ...]

    @property
    def share_changed(self) -> float:
        """Words deleted or inserted, as a share of all words in both editions."""
        return self.words_changed / self.words_total if self.words_total else 0.0

    @property
    def changes(self) -> tuple[Entry, ...]:
        """The entries that are changes (not context)."""
        return tuple(e for e in self.entries if not e.is_context and not e.moved_from)

    @property
    def hidden_note(self) -> str:
        """``"3 changes not shown (ignored: cosmetic)"``, or ``""`` when none was hidden."""
        if not self.hidden:
            return ""
        names = ", ".join(difference_names(self.options.ignored))
        return f"{plural(self.hidden, 'change')} not shown (ignored: {names})"


_COUNTED_WORD_RE = re.compile(r"\w+")


def _word_count(text: str) -> int:
    return len(_COUNTED_WORD_RE.findall(text))


def section_of(comparison: Comparison, change: Change) -> tuple[str, ...]:
    """The section a change belongs to: the headings its first new clause sits
    under (its first old clause's when it has none); a heading belongs to the
    section it opens.

    >>> import conceptdiff
    >>> result = conceptdiff.compare("# Fees\\n\\nDue.\\n", "# Fees\\n\\nDue now.\\n\\n## Late\\n\\nA surcharge.\\n")
    >>> [section_of(result, change) for change in result.changes]
    [('Fees',), ('Fees',), ('Fees', 'Late'), ('Fees', 'Late')]
    """
    if change.new:
        clause = comparison.new.clauses[change.new[0]]
    elif change.old:
        clause = comparison.old.clauses[change.old[0]]
    else:
        return ()
    if clause.kind is ClauseKind.HEADING:
        return (*clause.section, clause.display)
    return clause.section


def build_report(comparison: Comparison, options: ReportOptions | None = None) -> Report:
    """The view model of ``comparison`` under ``options``.

    >>> import conceptdiff
    >>> report = build_report(conceptdiff.compare("A b c.\\n\\nD e f.\\n", "A b c!\\n\\nD e g.\\n"))
    >>> [(e.number, e.change.kind.value, e.assessment.significance.value) for e in report.entries]
    [(1, 'reworded', 'cosmetic'), (2, 'reworded', 'substantive')]
    >>> report.words_changed, report.words_total
    (2, 12)
    """
    options = options_or_default(options, ReportOptions)
    entries: list[Entry] = []
    significance = dict.fromkeys(Significance, 0)
    number = hidden = obligation = fact = renumbered = words_changed = 0
    ignored = options.ignored
    for index, change in enumerate(comparison.changes):
        listed = change.is_change
        assessment = assess(change, comparison)
        if listed:
            number += 1
            significance[assessment.significance] += 1
            obligation += assessment.changes_obligation
            fact += assessment.changes_fact
            if change.kind is ChangeKind.UNCHANGED and change.relabeled:
                renumbered += 1
        for edit in change.edits:
            if edit.op is not EditOp.EQUAL:
                words_changed += _word_count(edit.text)
        entry = Entry(number if listed else 0, index, change, assessment, section_of(comparison, change))
        if listed and ignored and not is_change(change, ignore=ignored, comparison=comparison):
            hidden += 1
            if options.context is Context.DOCUMENT:
                entries.append(attrs.evolve(entry, number=0))
            continue
        if listed or options.context is Context.DOCUMENT:
            entries.append(entry)
    if options.context is Context.DOCUMENT:
        entries = _with_old_places(entries)
    words_total = sum(_word_count(c.text) for c in comparison.old.clauses) + sum(
        _word_count(c.text) for c in comparison.new.clauses
    )
    return Report(
        comparison=comparison,
        options=options,
        entries=tuple(entries),
        listed=number,
        hidden=hidden,
        set_aside=() if Difference.SET_ASIDE in ignored else comparison.set_aside,
        section_moves=_section_moves(comparison),
        counts=dict(comparison.counts),
        renumbered=renumbered,
        significance=significance,
        obligation=obligation,
        fact=fact,
        words_changed=words_changed,
        words_total=words_total,
        terms=term_shifts(comparison, limit=options.terms) if options.terms else (),
    )


def _innermost_headings(edition: Edition) -> list[int | None]:
    """For each clause, the index of the heading of the section it sits in (a
    heading sits in its parent's section), or ``None`` before the first."""
    stack: list[tuple[int, int]] = []  # (level, heading index)
    out: list[int | None] = []
    for index, clause in enumerate(edition.clauses):
        if clause.kind is ClauseKind.HEADING:
            while stack and stack[-1][0] >= clause.level:
                stack.pop()
            out.append(stack[-1][1] if stack else None)
            stack.append((clause.level, index))
        else:
            out.append(stack[-1][1] if stack else None)
    return out


def _section_moves(comparison: Comparison) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The moved changes that left their section: sections are matched between the
    editions as their headings are (a heading reworded or renumbered is the same
    section), not by their words."""
    moved = [(n, c) for n, c in enumerate(comparison.changes) if c.kind is ChangeKind.MOVED]
    if not moved:
        return {}
    old_heads, new_heads = _innermost_headings(comparison.old), _innermost_headings(comparison.new)
    paired = {i: change.new[0] for change in comparison.changes if change.new for i in change.old}
    out = {}
    for n, change in moved:
        old_head, new_head = old_heads[change.old[0]], new_heads[change.new[0]]
        same = old_head == new_head if old_head is None or new_head is None else paired.get(old_head) == new_head
        if not same:
            old_clause, new_clause = comparison.old.clauses[change.old[0]], comparison.new.clauses[change.new[0]]
            out[n] = (
                _display_section(comparison.old, old_head, old_clause.section),
                _display_section(comparison.new, new_head, new_clause.section),
            )
    return out


def _display_section(edition: Edition, head: int | None, section: tuple[str, ...]) -> tuple[str, ...]:
    """A section as a reader knows it: its headings, the innermost with its number label."""
    if head is None or not section:
        return section
    return (*section[:-1], edition.clauses[head].display)


def _with_old_places(entries: list[Entry]) -> list[Entry]:
    """The entries of a whole-document report with a marker where each moved
    clause used to be: after the entry that holds the old clause before it."""
    position_of_old = {i: position for position, entry in enumerate(entries) for i in entry.change.old}
    markers: list[tuple[int, Entry]] = []
    for entry in entries:
        if entry.change.kind is ChangeKind.MOVED and entry.number:
            before = entry.change.old[0] - 1
            markers.append((position_of_old.get(before, -1), attrs.evolve(entry, moved_from=True)))
    out = list(entries)
    for after, marker in sorted(markers, key=lambda item: item[0], reverse=True):
        out.insert(after + 1, marker)
    return out


def cosmetic_only(entry: Entry) -> bool:
    """A change that ``hide_cosmetic`` leaves out: one whose only kind of
    difference is cosmetic (moves, splits, merges, renumberings and changed
    links stay), as :func:`~conceptdiff.significance.is_change` with
    ``ignore="cosmetic"`` says, from the entry's assessment."""
    change = entry.change
    return (
        change.is_change
        and change.kind in (ChangeKind.UNCHANGED, ChangeKind.REWORDED)
        and not change.relabeled
        and not change.relinked
        and entry.assessment.significance is not Significance.SUBSTANTIVE
    )


def set_aside_where(comparison: Comparison, change: SetAsideChange) -> str:
    """What and where a set-aside difference is: ``boilerplate, old #1 → new #1``.

    Numbers count the edition's set-aside spans (:attr:`Edition.dropped`) from 1.
    """
    old = f"old #{change.old + 1}" if change.old is not None else ""
    new = f"new #{change.new + 1}" if change.new is not None else ""
    return f"{change.reason}, " + (f"{old} → {new}" if old and new else old or new)


def link_targets(edition: Edition, indices: Sequence[int]) -> list[str]:
    """The link targets of clauses, in order (for a change whose links changed)."""
    return [target for index in indices for target in edition.clauses[index].links]


def locate(indices: Sequence[int], edition: Edition) -> str:
    """Where clauses are, for a reader: ``#3 (Article 5)``, ``#4-5``; ``""`` for none.

    Numbers are 1-based clause positions; the label, when there is one, is the
    first clause's own number label.

    >>> from conceptdiff import Edition
    >>> locate((1,), Edition.from_clauses(["Scope", "Article 5. Fees."]))
    '#2 (label Article 5)'
    """
    if not indices:
        return ""
    span = f"#{indices[0] + 1}" if len(indices) == 1 else f"#{indices[0] + 1}-{indices[-1] + 1}"
    label = edition.clauses[indices[0]].label
    return f"{span} (label {label})" if label else span


def edition_name(edition: Edition, side: str) -> str:
    return edition.label if edition.label else side


KIND_SIGNS = {
    ChangeKind.UNCHANGED: "=",
    ChangeKind.REWORDED: "~",
    ChangeKind.MOVED: "↕",
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "−",
    ChangeKind.SPLIT: "÷",
    ChangeKind.MERGED: "⊕",
}
#: Kinds in the order a summary lists them.
KIND_ORDER = (
    ChangeKind.REWORDED,
    ChangeKind.MOVED,
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.SPLIT,
    ChangeKind.MERGED,
    ChangeKind.UNCHANGED,
)


def entry_title(entry: Entry) -> str:
    """A short label for an entry: ``reworded``, ``moved, reworded``,
    ``renumbered``, ``cosmetic edit``, ``unchanged``."""
    change = entry.change
    if change.kind is ChangeKind.UNCHANGED:
        if entry.is_context:
            return "unchanged"
        parts = []
        if change.relabeled:
            parts.append("renumbered")
        if change.relinked:
            parts.append("link changed")
        if change.edits:
            parts.append("cosmetic edit")
        return ", ".join(parts)
    title = str(change.kind.value)
    if change.kind is ChangeKind.MOVED and change.edits:
        title += ", reworded"
    if change.relabeled:
        title += ", renumbered"
    if change.relinked:
        title += ", link changed"
    return title


def where(comparison: Comparison, change: Change) -> str:
    """``old #2 → new #5 (Article 5)`` style location of a change."""
    old = locate(change.old, comparison.old)
    new = locate(change.new, comparison.new)
    if old and new:
        return f"old {old} → new {new}"
    return f"old {old}" if old else f"new {new}"


def percent(share: float) -> str:
    """A share as a percentage a reader trusts: never "0%" for a non-zero share.

    >>> percent(0.0), percent(0.0004), percent(0.123), percent(1.0)
    ('0%', '<0.1%', '12.3%', '100%')
    """
    if share <= 0:
        return "0%"
    if share < 0.001:
        return "<0.1%"
    if share >= 1:
        return "100%"
    return f"{share * 100:.1f}%"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 change``, ``2 changes``.

    >>> plural(1, "change"), plural(3, "change"), plural(2, "entity", "entities")
    ('1 change', '3 changes', '2 entities')
    """
    return f"{n} {word if n == 1 else many or word + 's'}"


def kind_counts(report: Report) -> list[tuple[ChangeKind, int]]:
    """Non-zero counts of each kind, in :data:`KIND_ORDER`."""
    return [(kind, report.counts[kind]) for kind in KIND_ORDER if report.counts[kind]]
