"""The pipeline's front door: two editions in, a :class:`Comparison` out."""

from __future__ import annotations

from conceptdiff._gc import paused_gc
from conceptdiff.align import align
from conceptdiff.errors import InputError, InvalidOptionsError
from conceptdiff.model import (
    Change,
    ChangeKind,
    Clause,
    Comparison,
    Edition,
    EditOp,
    MatchMethod,
    WordEdit,
    _reading_order,
)
from conceptdiff.options import Options
from conceptdiff.worddiff import word_edits

__all__ = ["compare"]


def _edition(value: Edition | str, side: str, options: Options) -> Edition:
    if isinstance(value, Edition):
        return value
    if isinstance(value, str):
        return Edition.from_text(value, label=side, options=options)
    raise InputError(f"{side} edition must be an Edition or str, not {type(value).__name__}")


def compare(old: Edition | str, new: Edition | str, *, options: Options | None = None) -> Comparison:
    """Compare two editions clause by clause.

    A plain ``str`` is read with :meth:`Edition.from_text`.

    >>> import conceptdiff
    >>> result = conceptdiff.compare("1. Members may vote.\\n\\n2. Fees are due.\\n",
    ...                              "1. Members shall vote.\\n\\n2. Fees are due.\\n\\n3. Notices.\\n")
    >>> [(c.kind.value, c.old, c.new) for c in result.changes]
    [('reworded', (0,), (0,)), ('unchanged', (1,), (1,)), ('added', (), (2,))]
    >>> "".join(f"[-{e.text}-]" if e.op.value == "delete" else f"{{+{e.text}+}}" if e.op.value == "insert" else e.text
    ...         for e in result.changes[0].edits)
    'Members [-may-]{+shall+} vote.'
    """
    if options is None:
        options = Options()
    elif not isinstance(options, Options):
        raise InvalidOptionsError("options", options, "must be a conceptdiff.Options")
    with paused_gc():  # many small acyclic objects: see conceptdiff._gc
        return _compare(_edition(old, "old", options), _edition(new, "new", options), options)


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
    return Comparison(old=old_edition, new=new_edition, changes=_reading_order(changes), options=options)
