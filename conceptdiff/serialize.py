"""JSON-safe forms of comparisons (schema: ``docs/schema/comparison.schema.json``).

The dict holds everything needed to rebuild both editions' clause lists, the
changes, the differences in set-aside text and the options, so that
``Comparison.from_dict(c.to_dict()) == c``.  It also carries what a reader of
the JSON alone needs and could not easily recompute: ``has_changes``, and for
each change ``is_change`` (:attr:`Change.is_change`), its ``section`` path and
its ``significance`` (:mod:`conceptdiff.significance`).  These are derived:
:func:`comparison_from_dict` does not read them.

Schema versions: ``conceptdiff.comparison/2`` is written; ``/1`` (without
set-aside differences and the derived fields) is still read.
Keys are written in a fixed order and floats are rounded when computed, so
the same comparison gives byte-identical ``json.dumps`` output everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from conceptdiff.errors import ConceptDiffError, InvalidComparisonError
from conceptdiff.model import (
    Change,
    ChangeKind,
    Clause,
    ClauseKind,
    Comparison,
    DroppedSpan,
    Edition,
    EditOp,
    MatchMethod,
    SetAsideChange,
    WordEdit,
)
from conceptdiff.options import Options
from conceptdiff.significance import assess

__all__ = ["SCHEMA", "comparison_from_dict", "comparison_to_dict", "edition_from_dict", "edition_to_dict"]

#: The schema identifier written in every serialized comparison.
SCHEMA = "conceptdiff.comparison/2"
#: Every schema identifier :func:`comparison_from_dict` reads.
READABLE_SCHEMAS = ("conceptdiff.comparison/1", SCHEMA)

_E = TypeVar("_E")


def _clause_to_dict(clause: Clause) -> dict[str, Any]:
    return {
        "text": clause.text,
        "normalized": clause.normalized,
        "kind": clause.kind.value,
        "label": clause.label,
        "level": clause.level,
        "section": list(clause.section),
        "span": list(clause.span) if clause.span is not None else None,
        "flags": list(clause.flags),
        "links": list(clause.links),
    }


def edition_to_dict(edition: Edition) -> dict[str, Any]:
    """An edition as a JSON-safe dict."""
    return {
        "label": edition.label,
        "clauses": [_clause_to_dict(clause) for clause in edition.clauses],
        "dropped": [{"start": d.start, "end": d.end, "reason": d.reason, "text": d.text} for d in edition.dropped],
    }


def _section(change: Change, comparison: Comparison) -> list[str]:
    """The headings a change sits under: of its new clause, or its old one when removed."""
    if change.new:
        return list(comparison.new.clauses[change.new[0]].section)
    return list(comparison.old.clauses[change.old[0]].section) if change.old else []


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """See :meth:`Comparison.to_dict`."""
    return {
        "schema": SCHEMA,
        "has_changes": comparison.has_changes,
        "old": edition_to_dict(comparison.old),
        "new": edition_to_dict(comparison.new),
        "options": comparison.options.to_dict(),
        "counts": {kind.value: count for kind, count in comparison.counts.items()},
        "changes": [
            {
                "kind": change.kind.value,
                "old": list(change.old),
                "new": list(change.new),
                "similarity": change.similarity,
                "method": change.method.value,
                "confidence": change.confidence,
                "relabeled": change.relabeled,
                "relinked": change.relinked,
                "edits": [[edit.op.value, edit.text] for edit in change.edits],
                "is_change": change.is_change,
                "section": _section(change, comparison),
                "significance": assess(change, comparison).significance.value,
            }
            for change in comparison.changes
        ],
        "set_aside": [
            {
                "kind": change.kind.value,
                "reason": change.reason,
                "old": change.old,
                "new": change.new,
                "edits": [[edit.op.value, edit.text] for edit in change.edits],
            }
            for change in comparison.set_aside
        ],
    }


# -- reading back -------------------------------------------------------------


def _get(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(data, Mapping):
        raise InvalidComparisonError(f"expected an object, got {type(data).__name__}", where=where)
    if key not in data:
        raise InvalidComparisonError(f"missing key {key!r}", where=where)
    value = data[key]
    if not isinstance(value, kind) or (
        isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,))
    ):
        raise InvalidComparisonError(f"{key!r} has the wrong type ({type(value).__name__})", where=where)
    return value


def _enum(enum: Callable[[str], _E], value: Any, where: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise InvalidComparisonError(f"unknown value {value!r}", where=where) from None


def _indices(value: Any, where: str) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in value):
        raise InvalidComparisonError("expected a list of clause indices", where=where)
    return tuple(value)


def _clause_from_dict(data: Mapping[str, Any], where: str) -> Clause:
    span = data.get("span") if isinstance(data, Mapping) else None
    if span is not None and (not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) for x in span)):
        raise InvalidComparisonError("'span' must be null or [start, end]", where=where)
    section = _get(data, "section", list, where)
    flags = _get(data, "flags", list, where)
    if not all(isinstance(s, str) for s in section + flags):
        raise InvalidComparisonError("'section' and 'flags' must hold strings", where=where)
    label = data.get("label")
    if label is not None and not isinstance(label, str):
        raise InvalidComparisonError("'label' must be a string or null", where=where)
    links = data.get("links", [])  # absent in comparisons written before links were kept
    if not isinstance(links, list) or not all(isinstance(s, str) for s in links):
        raise InvalidComparisonError("'links' must be a list of strings", where=where)
    return Clause(
        text=_get(data, "text", str, where),
        normalized=_get(data, "normalized", str, where),
        kind=_enum(ClauseKind, _get(data, "kind", str, where), f"{where}.kind"),
        label=label,
        level=_get(data, "level", int, where),
        section=tuple(section),
        span=(span[0], span[1]) if span is not None else None,
        flags=tuple(flags),
        links=tuple(links),
    )


def edition_from_dict(data: Mapping[str, Any], where: str = "edition") -> Edition:
    """Rebuild an edition from :func:`edition_to_dict`."""
    label = data.get("label") if isinstance(data, Mapping) else None
    if label is not None and not isinstance(label, str):
        raise InvalidComparisonError("'label' must be a string or null", where=where)
    clauses = _get(data, "clauses", list, where)
    dropped = _get(data, "dropped", list, where)
    return Edition(
        clauses=tuple(_clause_from_dict(c, f"{where}.clauses[{n}]") for n, c in enumerate(clauses)),
        label=label,
        dropped=tuple(
            DroppedSpan(
                start=_get(d, "start", int, f"{where}.dropped[{n}]"),
                end=_get(d, "end", int, f"{where}.dropped[{n}]"),
                reason=_get(d, "reason", str, f"{where}.dropped[{n}]"),
                text=_get(d, "text", str, f"{where}.dropped[{n}]"),
            )
            for n, d in enumerate(dropped)
        ),
    )


def _edits(data: Mapping[str, Any], where: str) -> tuple[WordEdit, ...]:
    edits = []
    for n, item in enumerate(_get(data, "edits", list, where)):
        if not isinstance(item, list) or len(item) != 2 or not isinstance(item[1], str):
            raise InvalidComparisonError("an edit must be [op, text]", where=f"{where}.edits[{n}]")
        edits.append(WordEdit(_enum(EditOp, item[0], f"{where}.edits[{n}]"), item[1]))
    return tuple(edits)


def _dropped_index(data: Mapping[str, Any], key: str, edition: Edition, where: str) -> int | None:
    value = data.get(key) if isinstance(data, Mapping) else None
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(edition.dropped):
        raise InvalidComparisonError(f"{key!r} must be null or an index of the {key} edition's dropped", where=where)
    return value


# Which sides (old, new) a set-aside difference of each kind has.
_SET_ASIDE_SIDES = {
    ChangeKind.ADDED: (False, True),
    ChangeKind.REMOVED: (True, False),
    ChangeKind.REWORDED: (True, True),
}


def _set_aside_from_dict(data: Mapping[str, Any], old: Edition, new: Edition, where: str) -> SetAsideChange:
    kind = _enum(ChangeKind, _get(data, "kind", str, where), f"{where}.kind")
    if kind not in _SET_ASIDE_SIDES:
        raise InvalidComparisonError(f"a set-aside difference cannot be {kind.value!r}", where=f"{where}.kind")
    old_index = _dropped_index(data, "old", old, where)
    new_index = _dropped_index(data, "new", new, where)
    if ((old_index is not None), (new_index is not None)) != _SET_ASIDE_SIDES[kind]:
        raise InvalidComparisonError(f"'old' and 'new' do not fit the kind {kind.value!r}", where=where)
    return SetAsideChange(kind, _get(data, "reason", str, where), old_index, new_index, _edits(data, where))


def _change_from_dict(data: Mapping[str, Any], where: str) -> Change:
    edits = _edits(data, where)
    return Change(
        kind=_enum(ChangeKind, _get(data, "kind", str, where), f"{where}.kind"),
        old=_indices(_get(data, "old", list, where), f"{where}.old"),
        new=_indices(_get(data, "new", list, where), f"{where}.new"),
        similarity=float(_get(data, "similarity", (int, float), where)),
        edits=edits,
        method=_enum(MatchMethod, _get(data, "method", str, where), f"{where}.method"),
        confidence=float(_get(data, "confidence", (int, float), where)),
        relabeled=_get(data, "relabeled", bool, where),
        relinked=_relinked(data, where),
    )


def _relinked(data: Mapping[str, Any], where: str) -> bool:
    value = data.get("relinked", False)  # absent in comparisons written before links were kept
    if not isinstance(value, bool):
        raise InvalidComparisonError("'relinked' must be true or false", where=where)
    return value


def _check_partition(changes: tuple[Change, ...], old: Edition, new: Edition) -> None:
    for side, size in (("old", len(old.clauses)), ("new", len(new.clauses))):
        seen = sorted(i for change in changes for i in getattr(change, side))
        if seen != list(range(size)):
            raise InvalidComparisonError(f"the changes do not cover each {side} clause exactly once", where="changes")


def comparison_from_dict(data: Mapping[str, Any]) -> Comparison:
    """See :meth:`Comparison.from_dict`."""
    schema = _get(data, "schema", str, "comparison")
    if schema not in READABLE_SCHEMAS:
        raise InvalidComparisonError(
            f"unsupported schema {schema!r} (expected one of {', '.join(READABLE_SCHEMAS)})", where="schema"
        )
    old = edition_from_dict(_get(data, "old", dict, "comparison"), "old")
    new = edition_from_dict(_get(data, "new", dict, "comparison"), "new")
    try:
        options = Options.from_dict(dict(_get(data, "options", dict, "comparison")))
    except ConceptDiffError as error:
        raise InvalidComparisonError(str(error), where="options") from None
    except TypeError as error:
        raise InvalidComparisonError(str(error), where="options") from None
    changes = tuple(
        _change_from_dict(c, f"changes[{n}]") for n, c in enumerate(_get(data, "changes", list, "comparison"))
    )
    _check_partition(changes, old, new)
    set_aside = data.get("set_aside", [])  # absent in schema 1
    if not isinstance(set_aside, list):
        raise InvalidComparisonError("'set_aside' must be a list", where="set_aside")
    return Comparison(
        old=old,
        new=new,
        changes=changes,
        options=options,
        set_aside=tuple(_set_aside_from_dict(d, old, new, f"set_aside[{n}]") for n, d in enumerate(set_aside)),
    )
