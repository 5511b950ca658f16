"""The pipeline's front door: two editions in, a :class:`Comparison` out."""

from __future__ import annotations

from conceptdiff._coerce import EditionLike, as_edition, warn_if_empty
from conceptdiff._gc import paused_gc
from conceptdiff._validators import options_or_default
from conceptdiff.align import align, similarity
from conceptdiff.model import (
    Change,
    ChangeKind,
    Clause,
    Comparison,
    Edition,
    EditOp,
    MatchMethod,
    SetAsideChange,
    WordEdit,
    _reading_order,
    _set_aside_order,
)
from conceptdiff.normalize import normalize_text
from conceptdiff.options import Options
from conceptdiff.worddiff import word_edits

__all__ = ["compare", "set_aside_changes"]


def compare(old: EditionLike, new: EditionLike, *, options: Options | None = None) -> Comparison:
    """Compare two editions clause by clause.

    Each edition is an :class:`Edition`, its text (``str``), a file
    (``os.PathLike``, e.g. :class:`pathlib.Path`) or a sequence of clause
    strings (the contract of :mod:`conceptdiff._coerce`); any other value
    raises :class:`~conceptdiff.InputTypeError`.  An edition without clauses
    gives a :class:`~conceptdiff.ConceptDiffWarning`.

    >>> import conceptdiff
    >>> result = conceptdiff.compare("1. Members may vote.\\n\\n2. Fees are due.\\n",
    ...                              "1. Members shall vote.\\n\\n2. Fees are due.\\n\\n3. Notices.\\n")
    >>> [(c.kind.value, c.old, c.new) for c in result.changes]
    [('reworded', (0,), (0,)), ('unchanged', (1,), (1,)), ('added', (), (2,))]
    >>> "".join(f"[-{e.text}-]" if e.op.value == "delete" else f"{{+{e.text}+}}" if e.op.value == "insert" else e.text
    ...         for e in result.changes[0].edits)
    'Members [-may-]{+shall+} vote.'
    """
    options = options_or_default(options, Options)
    old_edition = as_edition(old, side="old", options=options)
    new_edition = as_edition(new, side="new", options=options)
    warn_if_empty(old_edition, "old")
    warn_if_empty(new_edition, "new")
    with paused_gc():  # many small acyclic objects: see conceptdiff._gc
        return _compare(old_edition, new_edition, options)


def _joined(clauses: tuple[Clause, ...], indices: tuple[int, ...]) -> str:
    """The text of a change's clauses on one side, one per line."""
    if len(indices) == 1:
        return clauses[indices[0]].text
    return "\n".join([clauses[k].text for k in indices])


def _links(clauses: tuple[Clause, ...], indices: tuple[int, ...]) -> tuple[str, ...]:
    if len(indices) == 1:
        return clauses[indices[0]].links
    return tuple(target for k in indices for target in clauses[k].links)


def _compare(old_edition: Edition, new_edition: Edition, options: Options) -> Comparison:
    old_clauses, new_clauses = old_edition.clauses, new_edition.clauses
    changes = []
    budget = options.word_diff_budget
    for link in align(old_clauses, new_clauses, options):
        kind, olds, news = link.kind, link.old, link.new
        if link.method is MatchMethod.EXACT:  # the same text: no edits (the most common case, kept short)
            edits: tuple[WordEdit, ...] = ()
        elif kind is ChangeKind.ADDED:
            edits = (WordEdit(EditOp.INSERT, _joined(new_clauses, news)),)
        elif kind is ChangeKind.REMOVED:
            edits = (WordEdit(EditOp.DELETE, _joined(old_clauses, olds)),)
        else:
            edits = word_edits(_joined(old_clauses, olds), _joined(new_clauses, news), budget=budget)
        # A group is relabeled when its first clauses' labels differ, relinked when its link targets do.
        relabeled = bool(olds and news) and old_clauses[olds[0]].label != new_clauses[news[0]].label
        relinked = bool(olds and news) and _links(old_clauses, olds) != _links(new_clauses, news)
        # Positional: kind, old, new, similarity, edits, method, confidence, relabeled, relinked.
        changes.append(
            Change(kind, olds, news, link.similarity, edits, link.method, link.confidence, relabeled, relinked)
        )
    return Comparison(
        old=old_edition,
        new=new_edition,
        changes=_reading_order(changes),
        options=options,
        set_aside=set_aside_changes(old_edition, new_edition, options),
    )


#: Set-aside reasons that hold no text of their own: markup (tags, fences) and
#: a clause's continuation after page furniture (its words are in the clause).
_NOT_TEXT = frozenset({"markup", "continuation"})


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def set_aside_changes(old: Edition, new: Edition, options: Options) -> tuple[SetAsideChange, ...]:
    """How what ``old`` set aside differs from what ``new`` set aside.

    Set-aside spans are matched by reason and normalized text, in order, so
    that a page number or a duplicate found in both is no difference.  Of
    those left, a removed and an added span with the same reason are paired
    as REWORDED when at least :attr:`Options.reworded_threshold` similar (a
    dateline whose day changed), the most similar pairs first; the rest are
    REMOVED or ADDED.  The quadratic pairing is bounded by the number of
    set-aside spans that differ, not by the editions' sizes.
    Spans of markup and continuations carry no text of their own and are
    not compared.

    >>> from conceptdiff import Edition, Options
    >>> old = Edition.from_text("Saturday, 1 April 2023\\n\\nThe Council met.\\n\\nShare this article\\n")
    >>> new = Edition.from_text("Sunday, 2 April 2023\\n\\nThe Council met.\\n\\nShare this article\\n")
    >>> [(c.kind.value, c.reason, c.old_text, c.new_text) for c in set_aside_changes(old, new, Options())]
    [('reworded', 'boilerplate', 'Saturday, 1 April 2023', 'Sunday, 2 April 2023')]
    """
    if not old.dropped and not new.dropped:
        return ()
    old_items = [(k, d.reason, _collapsed(d.text)) for k, d in enumerate(old.dropped) if d.reason not in _NOT_TEXT]
    new_items = [(k, d.reason, _collapsed(d.text)) for k, d in enumerate(new.dropped) if d.reason not in _NOT_TEXT]
    waiting: dict[tuple[str, str], list[int]] = {}
    for k, reason, text in old_items:
        waiting.setdefault((reason, normalize_text(text)), []).append(k)
    added: list[tuple[int, str, str]] = []
    for k, reason, text in new_items:
        found = waiting.get((reason, normalize_text(text)))
        if found:
            found.pop(0)
        else:
            added.append((k, reason, text))
    kept_old = {k for ks in waiting.values() for k in ks}
    removed = [item for item in old_items if item[0] in kept_old]

    # Pair a removed and an added span of the same reason, most similar first
    # (ties: nearest in position), each at most once.
    candidates = []
    for j, reason, old_text in removed:
        for k, added_reason, new_text in added:
            if reason == added_reason:
                score = similarity(old_text, new_text)
                if score >= options.reworded_threshold:
                    candidates.append((-score, abs(j - k), j, k, reason, old_text, new_text))
    candidates.sort()
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    changes: list[SetAsideChange] = []
    for _, _, j, k, reason, old_text, new_text in candidates:
        if j in paired_old or k in paired_new:
            continue
        paired_old.add(j)
        paired_new.add(k)
        edits = word_edits(old_text, new_text, budget=options.word_diff_budget)
        changes.append(SetAsideChange(ChangeKind.REWORDED, reason, j, k, edits))
    for k, reason, text in added:
        if k not in paired_new:
            changes.append(SetAsideChange(ChangeKind.ADDED, reason, None, k, (WordEdit(EditOp.INSERT, text),)))
    for j, reason, text in removed:
        if j not in paired_old:
            changes.append(SetAsideChange(ChangeKind.REMOVED, reason, j, None, (WordEdit(EditOp.DELETE, text),)))
    return _set_aside_order(changes)
