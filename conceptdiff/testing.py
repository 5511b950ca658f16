"""Comparing editions inside test suites: assertions that fail with a clause-level report.

Four helpers, each usable from pytest, unittest or a plain script (this module
never imports pytest; the fixtures live in :mod:`conceptdiff.pytest_plugin`):

* :func:`assert_same_content` passes when two editions differ only in the
  ways the caller allows (:class:`Difference`), and otherwise raises an
  :class:`AssertionError` listing the clauses that differ;
* :func:`assert_changes` checks that comparing two editions finds exactly
  the changes a test expects (for instance the known answer of
  :func:`conceptdiff.strategies.edited_pairs`);
* :func:`change_summary` and :func:`assert_summary_matches` keep a committed
  snapshot of a comparison's summary and fail with a unified diff when it
  changes;
* :func:`format_changes` is the one-line-per-change report they all use.

An edition may be given as an :class:`~conceptdiff.Edition`, as text
(``str``, read with :meth:`Edition.from_text`), as a path
(:class:`os.PathLike`, read with :meth:`Edition.from_path`) or as a sequence
of clause strings (read with :meth:`Edition.from_clauses`).  A ``str`` is
always text: wrap a file name in :class:`pathlib.Path`.

>>> from conceptdiff.testing import Difference, assert_same_content
>>> old = ["1. Members may vote.", "2. Fees are due in 30 days."]
>>> new = ["1. MEMBERS MAY VOTE.", "2. Fees are due in 30 days."]
>>> _ = assert_same_content(old, new, allow=Difference.COSMETIC)
>>> assert_same_content(old, ["1. Members shall vote.", "2. Fees are due in 30 days."])
Traceback (most recent call last):
...
conceptdiff.testing.ContentMismatchError: 1 change not allowed (1 rewording) between old (2 clauses) and new (2 clauses)
  ~ reworded  old #1 (1) -> new #1 (1) [rewording]: Members [-may-]{+shall+} vote.
allowed: nothing

Reports escape document text: control characters are shown as ``\\uXXXX``,
the boundary between joined clauses as ``¶``, and long unchanged runs of
words are shortened to their first and last words around ``…``.
"""

from __future__ import annotations

import difflib
import enum
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final, Protocol, TypeAlias

from conceptdiff._coerce import EditionLike, _names_a_file, as_edition
from conceptdiff._text import escape_controls
from conceptdiff._validators import whole_number
from conceptdiff.compare import compare
from conceptdiff.errors import InputError, InvalidOptionsError
from conceptdiff.model import Change, ChangeKind, Clause, Comparison, Edition, EditOp
from conceptdiff.options import Options
from conceptdiff.significance import Difference, differences, parse_differences

__all__ = [
    "UPDATE_SNAPSHOTS_ENV",
    "ChangesMismatchError",
    "ContentMismatchError",
    "Difference",
    "EditionLike",
    "EditionLoader",
    "SnapshotMismatchError",
    "SummarySnapshot",
    "as_edition",
    "assert_changes",
    "assert_same_content",
    "assert_summary_matches",
    "change_summary",
    "differences_of",
    "explain_edition_inequality",
    "format_changes",
]


#: Set this environment variable to ``1`` to rewrite summary snapshots instead
#: of failing (the pytest plugin's ``--conceptdiff-update`` does the same).
UPDATE_SNAPSHOTS_ENV: Final = "CONCEPTDIFF_UPDATE_SNAPSHOTS"


# --------------------------------------------------------------------------
# What kinds of difference a change shows.
# --------------------------------------------------------------------------


# In the order reports list them: what happened to the clause, then to its text and label.
_NAMES: Final = {
    Difference.ADDITION: ("addition", "additions"),
    Difference.REMOVAL: ("removal", "removals"),
    Difference.MOVE: ("move", "moves"),
    Difference.SPLIT: ("split", "splits"),
    Difference.MERGE: ("merge", "merges"),
    Difference.REWORDING: ("rewording", "rewordings"),
    Difference.COSMETIC: ("cosmetic change", "cosmetic changes"),
    Difference.RENUMBERING: ("renumbering", "renumberings"),
    Difference.LINKS: ("link change", "link changes"),
    Difference.SET_ASIDE: ("set-aside difference", "set-aside differences"),
}


def _members(flags: Difference) -> list[Difference]:
    return [member for member in _NAMES if member in flags]


def _flag_names(flags: Difference) -> str:
    return ", ".join(str(member.name).lower() for member in _members(flags)) or "nothing"


def _clauses_text(edition: Edition, indices: Sequence[int]) -> str:
    return "\n".join(edition.clauses[i].text for i in indices)


def differences_of(change: Change, comparison: Comparison) -> Difference:
    """The kinds of difference one change of ``comparison`` shows: the same
    as :func:`conceptdiff.significance.differences` with the comparison (so
    that headings and the terms the editions define are known).

    >>> import conceptdiff
    >>> result = conceptdiff.compare(["1. Fees are due.", "2. Members vote."], ["1. Members vote!", "2. Fees are due."])
    >>> [_flag_names(differences_of(c, result)) for c in result.changes]
    ['move, cosmetic, renumbering', 'renumbering']
    """
    return differences(change, comparison)


def _effective(allow: Difference) -> Difference:
    return allow | Difference.COSMETIC if Difference.REWORDING in allow else allow


# --------------------------------------------------------------------------
# Reading editions.
# --------------------------------------------------------------------------


def _path_hint(value: object, side: str) -> str | None:
    """A note for a ``str`` that names a file: it was read as text, not as the file."""
    if isinstance(value, str) and _names_a_file(value):
        return f"note: {side} {value!r} was read as text; pass pathlib.Path({value!r}) to read the file"
    return None


# --------------------------------------------------------------------------
# The report: one line per change.
# --------------------------------------------------------------------------

_SIGNS: Final = {
    ChangeKind.UNCHANGED: "=",
    ChangeKind.REWORDED: "~",
    ChangeKind.MOVED: ">",
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "-",
    ChangeKind.SPLIT: "<",
    ChangeKind.MERGED: "&",
}
_SPACED_TOKEN_RE: Final = re.compile(r"\s+|\S+")
_CONTEXT_WORDS: Final = 6
_MAX_LINE_CHARS: Final = 240


def _escape(text: str) -> str:
    """Document text made safe for a one-line report (clause joins shown as ``¶``)."""
    return escape_controls(text.replace("\n", " ¶ "))


def _elide(text: str, *, head: int, tail: int) -> str:
    """Keep the first ``head`` and last ``tail`` words of ``text``, ``…`` between.

    White space at either end is kept: it separates the text from the edits
    around it.

    >>> _elide(" a b c d e f ", head=1, tail=2)
    ' a … e f '
    >>> _elide("a b c d ", head=0, tail=1)
    '… d '
    """
    tokens = _SPACED_TOKEN_RE.findall(text)
    word_positions = [k for k, token in enumerate(tokens) if not token.isspace()]
    if len(word_positions) <= head + tail + 1:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    before = "".join(tokens[: word_positions[head - 1] + 1]).strip() if head else ""
    after = "".join(tokens[word_positions[len(word_positions) - tail] :]).strip() if tail else ""
    return lead + " ".join(part for part in (before, "…", after) if part) + trail


def _where(edition: Edition, indices: Sequence[int], side: str) -> str:
    if not indices:
        return ""
    span = f"#{indices[0] + 1}" if len(indices) == 1 else f"#{indices[0] + 1}-{indices[-1] + 1}"
    label = edition.clauses[indices[0]].label
    if label:
        label = _escape(label)
        span += f" {label}" if label.startswith(("(", "[")) else f" ({label})"
    return f"{side} {span}"


def _runs(pieces: Sequence[tuple[EditOp, str]]) -> list[tuple[bool, str, str]]:
    """Group word edits into ``(False, equal text, "")`` and ``(True, deleted, inserted)`` runs."""
    runs: list[tuple[bool, str, str]] = []
    for op, text in pieces:
        if op is EditOp.EQUAL:
            runs.append((False, text, ""))
            continue
        if not runs or not runs[-1][0]:
            runs.append((True, "", ""))
        _, deleted, inserted = runs[-1]
        runs[-1] = (True, deleted + text, inserted) if op is EditOp.DELETE else (True, deleted, inserted + text)
    # A coarse edit (the word diff's fallback for very long clauses replaces
    # whole sentences) is shown with the words both sides share taken out of
    # the marks.  This is display only: each side's text stays the same.
    trimmed: list[tuple[bool, str, str]] = []
    for changed, deleted, inserted in runs:
        if changed and deleted and inserted:
            old_tokens, new_tokens = _SPACED_TOKEN_RE.findall(deleted), _SPACED_TOKEN_RE.findall(inserted)
            head = 0
            while head < min(len(old_tokens), len(new_tokens)) and old_tokens[head] == new_tokens[head]:
                head += 1
            tail = 0
            while (
                tail < min(len(old_tokens), len(new_tokens)) - head and old_tokens[-1 - tail] == new_tokens[-1 - tail]
            ):
                tail += 1
            parts = [
                (False, "".join(old_tokens[:head]), ""),
                (
                    True,
                    "".join(old_tokens[head : len(old_tokens) - tail]),
                    "".join(new_tokens[head : len(new_tokens) - tail]),
                ),
                (False, "".join(old_tokens[len(old_tokens) - tail :]), ""),
            ]
        else:
            parts = [(changed, deleted, inserted)]
        for part in parts:
            if not (part[1] or part[2]):
                continue
            if trimmed and not part[0] and not trimmed[-1][0]:
                trimmed[-1] = (False, trimmed[-1][1] + part[1], "")
            else:
                trimmed.append(part)
    return trimmed


def _body(change: Change, comparison: Comparison, *, context: int, max_chars: int | None) -> str:
    """The change's text, its word edits marked ``[-deleted-]{+inserted+}``.

    White space at the edge of an edit is shown outside the marks
    (``shall {+not+} publish``, not ``shall {+not +}publish``); unchanged
    runs longer than ``2 * context`` words keep ``context`` words next to
    each edit; past ``max_chars`` the text is cut and marked ``(cut)``.
    """
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) or not change.edits:
        edition, indices = (comparison.new, change.new) if change.new else (comparison.old, change.old)
        runs = [(False, _clauses_text(edition, indices), "")]
    else:
        runs = _runs([(edit.op, edit.text) for edit in change.edits])
    room = max_chars if max_chars is not None else -1
    cut = False

    def fit(text: str) -> str:
        nonlocal room, cut
        if room < 0:
            return text
        if len(text) > room:
            text, cut = text[:room].rstrip() + "…", True
        room = max(0, room - len(text))
        return text

    out = ""
    last = len(runs) - 1
    for position, (changed, first, second) in enumerate(runs):
        if not changed:
            text = _escape(first)
            if last == 0:
                text = _elide(text, head=2 * context, tail=2 * context)
            else:
                text = _elide(text, head=0 if position == 0 else context, tail=0 if position == last else context)
            piece = fit(text)
        else:
            deleted, inserted = _escape(first), _escape(second)
            lead = " " if deleted[:1].isspace() or inserted[:1].isspace() else ""
            trail = " " if deleted[-1:].isspace() or inserted[-1:].isspace() else ""
            deleted, inserted = fit(deleted.strip()), "" if cut else fit(inserted.strip())
            marked = (f"[-{deleted}-]" if deleted else "") + (f"{{+{inserted}+}}" if inserted else "")
            if room > 0:
                room = max(0, room - len(marked) + len(deleted) + len(inserted))  # the marks count too
            piece = lead + marked + trail
        if out[-1:].isspace():
            piece = piece.lstrip()
        out += piece
        if cut:
            out += " (cut)"
            break
    return out.strip()


def _change_line(
    change: Change,
    comparison: Comparison,
    *,
    tags: bool = True,
    context: int = _CONTEXT_WORDS,
    max_chars: int | None = _MAX_LINE_CHARS,
) -> str:
    kind = "renumbered" if change.kind is ChangeKind.UNCHANGED and change.relabeled else change.kind.value
    where = " -> ".join(
        part for part in (_where(comparison.old, change.old, "old"), _where(comparison.new, change.new, "new")) if part
    )
    line = f"{_SIGNS[change.kind]} {kind:<9} {where}"
    if tags:
        line += f" [{_flag_names(differences_of(change, comparison))}]"
    return f"{line}: {_body(change, comparison, context=context, max_chars=max_chars)}"


def _edition_name(edition: Edition, side: str) -> str:
    if edition.label is None or edition.label == side:
        return side
    return f"{side} {_escape(edition.label)!r}"


def _clauses(count: int) -> str:
    return f"{count} clause" if count == 1 else f"{count} clauses"


def _editions_line(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    return (
        f"{_edition_name(old, 'old')} ({_clauses(len(old.clauses))}) and "
        f"{_edition_name(new, 'new')} ({_clauses(len(new.clauses))})"
    )


def _check_limit(limit: int | None) -> None:
    whole_number("limit", limit, minimum=0, optional=True)


def format_changes(
    comparison: Comparison,
    *,
    changes: Iterable[Change] | None = None,
    limit: int | None = 10,
    indent: str = "  ",
) -> list[str]:
    """One line per change (by default every change but the unchanged ones).

    Each line reads ``<sign> <kind> old #i (label) -> new #j (label)
    [differences]: text``, positions counted from 1, word edits marked
    ``[-deleted-]{+inserted+}``.  At most ``limit`` lines (``None``: all),
    then one line saying how many were left out.

    >>> import conceptdiff
    >>> result = conceptdiff.compare("Members may vote.\\n\\nFees.\\n", "Members shall vote.\\n")
    >>> print("\\n".join(format_changes(result)))
      ~ reworded  old #1 -> new #1 [rewording]: Members [-may-]{+shall+} vote.
      - removed   old #2 [removal]: Fees.
    """
    _check_limit(limit)
    chosen = [c for c in comparison.changes if c.is_change] if changes is None else list(changes)
    shown = chosen if limit is None else chosen[:limit]
    lines = [indent + _change_line(change, comparison) for change in shown]
    if len(shown) < len(chosen):
        lines.append(f"{indent}… and {len(chosen) - len(shown)} more (showing {len(shown)} of {len(chosen)})")
    return lines


def _tally(found: Iterable[Difference]) -> str:
    counts: dict[Difference, int] = {}
    for flags in found:
        for member in _members(flags):
            counts[member] = counts.get(member, 0) + 1
    return ", ".join(f"{counts[m]} {_NAMES[m][0] if counts[m] == 1 else _NAMES[m][1]}" for m in _NAMES if m in counts)


# --------------------------------------------------------------------------
# assert_same_content
# --------------------------------------------------------------------------


class ContentMismatchError(AssertionError):
    """Raised by :func:`assert_same_content`; ``comparison`` is the full result,
    ``changes`` the changes that were not allowed."""

    def __init__(self, message: str, *, comparison: Comparison, changes: tuple[Change, ...]) -> None:
        super().__init__(message)
        self.comparison = comparison
        self.changes = changes


def assert_same_content(
    old: EditionLike,
    new: EditionLike,
    *,
    allow: Difference | str | Iterable[Difference | str] = Difference.NONE,
    options: Options | None = None,
    limit: int | None = 10,
) -> Comparison:
    """Fail unless ``old`` and ``new`` differ only in the ways ``allow`` names.

    Every change of :func:`conceptdiff.compare` is classed with
    :func:`differences_of`; the assertion passes when each change's
    differences are all allowed (REWORDING also allows COSMETIC), and then
    returns the comparison.  Otherwise it raises
    :class:`ContentMismatchError`, an :class:`AssertionError` whose message
    lists the offending changes, at most ``limit`` of them (``None``: all).

    >>> _ = assert_same_content(["(a) Scope.", "(b) Fees."], ["(b) Scope.", "(c) Fees."], allow={"renumbering"})
    >>> assert_same_content("Fees are due.", "Fees are due.\\n\\nA new clause here.", allow=Difference.COSMETIC)
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    conceptdiff.testing.ContentMismatchError: 1 change not allowed (1 addition) between old (1 clause) and ...
      + added     new #2 [addition]: A new clause here.
    allowed: cosmetic
    """
    __tracebackhide__ = True  # pytest shows the test's line, not this helper's source
    _check_limit(limit)
    allowed = parse_differences(allow)
    old_edition, new_edition = (
        as_edition(old, side="old", options=options),
        as_edition(new, side="new", options=options),
    )
    comparison = compare(old_edition, new_edition, options=options)
    permitted = _effective(allowed)
    offending: list[Change] = []
    found: list[Difference] = []
    for change in comparison.changes:
        flags = differences_of(change, comparison)
        if flags & ~permitted:
            offending.append(change)
            found.append(flags & ~permitted)
    if not offending:
        return comparison
    count = len(offending)
    lines = [
        f"{count} change{'s' if count != 1 else ''} not allowed ({_tally(found)}) between {_editions_line(comparison)}",
        *format_changes(comparison, changes=offending, limit=limit),
        f"allowed: {_flag_names(allowed)}",
    ]
    lines.extend(hint for hint in (_path_hint(old, "old"), _path_hint(new, "new")) if hint)
    raise ContentMismatchError("\n".join(lines), comparison=comparison, changes=tuple(offending))


# --------------------------------------------------------------------------
# assert_changes
# --------------------------------------------------------------------------


class _ChangeLike(Protocol):
    @property
    def kind(self) -> ChangeKind: ...
    @property
    def old(self) -> Sequence[int]: ...
    @property
    def new(self) -> Sequence[int]: ...


ExpectedLike: TypeAlias = "_ChangeLike | tuple[ChangeKind | str, Sequence[int], Sequence[int]]"
_Key: TypeAlias = tuple[ChangeKind, tuple[int, ...], tuple[int, ...]]


def _key(item: ExpectedLike, position: int) -> _Key:
    if isinstance(item, tuple):
        if len(item) != 3:
            raise InvalidOptionsError(f"expected[{position}]", item, "must be (kind, old indices, new indices)")
        kind, old, new = item
    else:
        kind, old, new = item.kind, item.old, item.new
    try:
        kind = kind if isinstance(kind, ChangeKind) else ChangeKind(str(kind).lower())
        return kind, tuple(int(i) for i in old), tuple(int(j) for j in new)
    except (ValueError, TypeError):
        raise InvalidOptionsError(
            f"expected[{position}]", item, "must have a ChangeKind and two sequences of clause indices"
        ) from None


class ChangesMismatchError(AssertionError):
    """Raised by :func:`assert_changes`; ``missing`` are expected changes not
    found (as ``(kind, old, new)``), ``unexpected`` found changes not expected."""

    def __init__(
        self,
        message: str,
        *,
        comparison: Comparison,
        missing: tuple[_Key, ...],
        unexpected: tuple[Change, ...],
    ) -> None:
        super().__init__(message)
        self.comparison = comparison
        self.missing = missing
        self.unexpected = unexpected


def _quote(edition: Edition, indices: Sequence[int]) -> str:
    if not indices:
        return ""
    text = _escape(_clauses_text(edition, indices))
    text = _elide(text, head=2 * _CONTEXT_WORDS, tail=_CONTEXT_WORDS)
    return repr(text if len(text) <= 120 else text[:119] + "…")


def _expected_line(key: _Key, comparison: Comparison) -> str:
    kind, old, new = key
    for side, edition, indices in (("old", comparison.old, old), ("new", comparison.new, new)):
        if any(not 0 <= i < len(edition.clauses) for i in indices):
            return f"{_SIGNS[kind]} {kind.value:<9} old {list(old)} -> new {list(new)}: no such {side} clause"
    where = " -> ".join(
        part for part in (_where(comparison.old, old, "old"), _where(comparison.new, new, "new")) if part
    )
    texts = " -> ".join(q for q in (_quote(comparison.old, old), _quote(comparison.new, new)) if q)
    return f"{_SIGNS[kind]} {kind.value:<9} {where}: {texts}"


def assert_changes(
    old: EditionLike,
    new: EditionLike,
    expected: Iterable[ExpectedLike],
    *,
    options: Options | None = None,
    limit: int | None = 10,
) -> Comparison:
    """Fail unless comparing ``old`` and ``new`` finds exactly the ``expected`` changes.

    ``expected`` holds changes as objects with ``kind``, ``old`` and ``new``
    (:class:`~conceptdiff.strategies.ExpectedChange`, :class:`~conceptdiff.Change`)
    or as tuples ``(kind, old_indices, new_indices)``, indices counted from 0.
    Every expected change must be found, and every change found must be
    expected, except UNCHANGED ones, which only need listing when a test
    wants to check them.  Returns the comparison; raises
    :class:`ChangesMismatchError` listing what is missing and what is unexpected.

    >>> _ = assert_changes(["Fees are due.", "Members may vote."], ["Fees are due.", "Members shall vote."],
    ...                    [("reworded", [1], [1])])
    >>> assert_changes(["Fees are due."], ["Fees are due.", "A new clause here."], [("added", [], [0])])
    Traceback (most recent call last):
    ...
    conceptdiff.testing.ChangesMismatchError: 1 expected change not found, 1 change not expected
      between old (1 clause) and new (2 clauses)
      missing:    + added     new #1: 'Fees are due.'
      unexpected: + added     new #2 [addition]: A new clause here.
    """
    __tracebackhide__ = True
    _check_limit(limit)
    comparison = compare(
        as_edition(old, side="old", options=options), as_edition(new, side="new", options=options), options=options
    )
    wanted = [_key(item, position) for position, item in enumerate(expected)]
    found = {(c.kind, c.old, c.new): c for c in comparison.changes}
    wanted_set = set(wanted)
    missing = tuple(key for key in dict.fromkeys(wanted) if key not in found)
    unexpected = tuple(
        change for key, change in found.items() if key not in wanted_set and change.kind is not ChangeKind.UNCHANGED
    )
    if not missing and not unexpected:
        return comparison
    counts = []
    if missing:
        counts.append(f"{len(missing)} expected change{'s' if len(missing) != 1 else ''} not found")
    if unexpected:
        counts.append(f"{len(unexpected)} change{'s' if len(unexpected) != 1 else ''} not expected")
    lines = [", ".join(counts), f"  between {_editions_line(comparison)}"]
    shown = missing if limit is None else missing[:limit]
    lines.extend(f"  missing:    {_expected_line(key, comparison)}" for key in shown)
    if len(shown) < len(missing):
        lines.append(f"  … and {len(missing) - len(shown)} more missing")
    lines.extend(
        "  unexpected: " + line.lstrip() for line in format_changes(comparison, changes=unexpected, limit=limit)
    )
    raise ChangesMismatchError("\n".join(lines), comparison=comparison, missing=missing, unexpected=unexpected)


# --------------------------------------------------------------------------
# Snapshots of change summaries.
# --------------------------------------------------------------------------

_SUMMARY_HEADER: Final = "# conceptdiff change summary (one line per change; see docs/testing.md)"
_MAX_DIFF_LINES: Final = 60

# Set by the pytest plugin for the length of a session run with --conceptdiff-update.
_update_from_plugin: bool = False


def change_summary(comparison: Comparison) -> str:
    """A stable, line-oriented summary of ``comparison``, made to be committed.

    It holds what a reviewer reads (the editions, the counts, one line per
    change with its word edits) and leaves out scores (similarity,
    confidence, match method), so tuning the aligner does not churn
    snapshots that still describe the same changes.

    >>> import conceptdiff
    >>> print(change_summary(conceptdiff.compare("1. Members may vote.\\n", "1. Members shall vote.\\n")))
    # conceptdiff change summary (one line per change; see docs/testing.md)
    old: 1 clause
    new: 1 clause
    counts: 1 reworded
    ~ reworded  old #1 (1) -> new #1 (1): Members [-may-]{+shall+} vote.
    """
    lines = [_SUMMARY_HEADER]
    for side, edition in (("old", comparison.old), ("new", comparison.new)):
        name = "" if edition.label in (None, side) else f"{_escape(edition.label or '')!r}, "
        lines.append(f"{side}: {name}{_clauses(len(edition.clauses))}")
    counts = comparison.counts
    parts = [f"{counts[kind]} {kind.value}" for kind in ChangeKind if counts[kind]]
    renumbered = sum(1 for c in comparison.changes if c.relabeled)
    if renumbered:
        parts.append(f"{renumbered} renumbered")
    lines.append(f"counts: {', '.join(parts) or 'no clauses'}")
    lines.extend(
        _change_line(change, comparison, tags=False, context=8, max_chars=None)
        for change in comparison.changes
        if change.is_change
    )
    return "\n".join(lines) + "\n"


class SnapshotMismatchError(AssertionError):
    """Raised by :func:`assert_summary_matches`; ``expected`` is ``None`` when
    the snapshot file does not exist yet."""

    def __init__(self, message: str, *, path: Path, expected: str | None, actual: str) -> None:
        super().__init__(message)
        self.path = path
        self.expected = expected
        self.actual = actual


def _update_requested(update: bool | None) -> bool:
    if update is not None:
        return update
    if _update_from_plugin:
        return True
    return os.environ.get(UPDATE_SNAPSHOTS_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def _shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def assert_summary_matches(
    old: EditionLike,
    new: EditionLike,
    *,
    snapshot: str | os.PathLike[str],
    update: bool | None = None,
    options: Options | None = None,
) -> Comparison:
    """Fail unless the :func:`change_summary` of ``old`` and ``new`` equals the file ``snapshot``.

    A missing snapshot fails too (nothing is written behind a test's back).
    In update mode the file is (re)written instead and the check passes.
    Update mode is ``update`` when given, else on when pytest runs with
    ``--conceptdiff-update`` or the environment sets
    ``CONCEPTDIFF_UPDATE_SNAPSHOTS=1``.  A mismatch raises
    :class:`SnapshotMismatchError` with a unified diff, snapshot as ``-``,
    current summary as ``+``.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "summary.txt"
    >>> _ = assert_summary_matches("Fees are due.", "Fees are payable.", snapshot=path, update=True)
    >>> _ = assert_summary_matches("Fees are due.", "Fees are payable.", snapshot=path)
    >>> assert_summary_matches("Fees are due.", "Fees are owed.", snapshot=path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    conceptdiff.testing.SnapshotMismatchError: the change summary differs from the snapshot .../summary.txt
    - snapshot, + now; to accept it, rerun with pytest --conceptdiff-update or CONCEPTDIFF_UPDATE_SNAPSHOTS=1
    @@ -4,2 +4,2 @@
     counts: 1 reworded
    -~ reworded  old #1 -> new #1: Fees are [-due-]{+payable+}.
    +~ reworded  old #1 -> new #1: Fees are [-due-]{+owed+}.
    """
    __tracebackhide__ = True
    path = Path(snapshot)
    comparison = compare(
        as_edition(old, side="old", options=options), as_edition(new, side="new", options=options), options=options
    )
    actual = change_summary(comparison)
    if path.is_dir():
        raise InputError("the snapshot path is a directory, not a file", path=str(path))
    expected: str | None = None
    if path.exists():
        try:
            expected = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read the snapshot: {error}", path=str(path)) from error
    if expected is not None and expected.rstrip("\n") == actual.rstrip("\n"):
        return comparison
    if _update_requested(update):
        _write_atomically(path, actual)
        return comparison
    how = "rerun with pytest --conceptdiff-update or CONCEPTDIFF_UPDATE_SNAPSHOTS=1"
    if expected is None:
        message = "\n".join(
            [
                f"no snapshot of the change summary yet at {_shown_path(path)}",
                f"to write it, {how}; the summary is:",
                *actual.rstrip("\n").split("\n")[:_MAX_DIFF_LINES],
            ]
        )
    else:
        diff = list(
            difflib.unified_diff(expected.rstrip("\n").split("\n"), actual.rstrip("\n").split("\n"), lineterm="", n=1)
        )[2:]  # the ---/+++ header lines say nothing the first line does not
        if len(diff) > _MAX_DIFF_LINES:
            diff = [*diff[:_MAX_DIFF_LINES], f"… and {len(diff) - _MAX_DIFF_LINES} more diff lines"]
        message = "\n".join(
            [
                f"the change summary differs from the snapshot {_shown_path(path)}",
                f"- snapshot, + now; to accept it, {how}",
                *diff,
            ]
        )
    raise SnapshotMismatchError(message, path=path, expected=expected, actual=actual)


_UNSAFE_NAME_RE: Final = re.compile(r"[^\w.-]+")


class SummarySnapshot:
    """Snapshot checks bound to one directory and test name (the plugin's
    ``summary_snapshot`` fixture).

    Calling it checks ``old`` against ``new`` with :func:`assert_summary_matches`
    on ``<directory>/<test name>.txt``; a second call in the same test uses
    ``<test name>-2.txt`` and so on, or ``<test name>-<name>.txt`` when
    ``name`` is given.
    """

    def __init__(self, directory: str | os.PathLike[str], test_name: str, *, update: bool | None = None) -> None:
        self.directory = Path(directory)
        self.test_name = _UNSAFE_NAME_RE.sub("_", test_name).strip("_.")[:120] or "snapshot"
        self.update = update
        self._calls = 0

    def __repr__(self) -> str:
        return f"SummarySnapshot({str(self.directory / self.test_name)!r})"

    def path_for(self, name: str | None = None) -> Path:
        """The file a call with this ``name`` uses (``None``: the next unnamed call)."""
        if name is not None:
            return self.directory / f"{self.test_name}-{_UNSAFE_NAME_RE.sub('_', name).strip('_.')}.txt"
        suffix = "" if self._calls == 0 else f"-{self._calls + 1}"
        return self.directory / f"{self.test_name}{suffix}.txt"

    def __call__(
        self, old: EditionLike, new: EditionLike, *, name: str | None = None, options: Options | None = None
    ) -> Comparison:
        __tracebackhide__ = True
        path = self.path_for(name)
        if name is None:
            self._calls += 1
        return assert_summary_matches(old, new, snapshot=path, update=self.update, options=options)


class EditionLoader:
    """Reads editions from paths relative to one directory (the plugin's ``edition`` fixture).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "v1.txt").write_text("1. Members may vote.\\n", encoding="utf-8")
    >>> EditionLoader(folder)("v1.txt").clauses[0].text
    'Members may vote.'
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def __repr__(self) -> str:
        return f"EditionLoader({str(self.directory)!r})"

    def __call__(
        self,
        path: str | os.PathLike[str],
        *,
        label: str | None = None,
        encoding: str | None = None,
        options: Options | None = None,
    ) -> Edition:
        return Edition.from_path(self.directory / path, label=label, encoding=encoding, options=options)


# --------------------------------------------------------------------------
# Explaining ``Edition == Edition`` (used by the pytest plugin).
# --------------------------------------------------------------------------


def _clause_differences(left: Clause, right: Clause, fields: Sequence[str]) -> list[str]:
    notes = []
    for field in fields:
        a, b = getattr(left, field), getattr(right, field)
        if a != b:
            shown_a = a.value if isinstance(a, enum.Enum) else a
            shown_b = b.value if isinstance(b, enum.Enum) else b
            notes.append(f"{field} {_escape(repr(shown_a))} != {_escape(repr(shown_b))}")
    return notes


def _edition_repr(edition: Edition) -> str:
    label = "" if edition.label is None else f"{_escape(edition.label)!r}, "
    return f"Edition({label}{_clauses(len(edition.clauses))})"


def explain_edition_inequality(left: Edition, right: Edition, *, limit: int | None = 10) -> list[str]:
    """Why ``left == right`` is false, clause by clause (for ``pytest_assertrepr_compare``).

    Editions are equal when their clauses have the same kinds, labels and
    texts (:class:`~conceptdiff.Edition`).  The first lines are the
    clause-level changes (as :func:`format_changes` shows them); then the
    clauses the comparison pairs whose kind differs (a heading against a
    paragraph of the same text).
    """
    comparison = compare(left, right)
    changes = [c for c in comparison.changes if c.is_change]
    lines = [f"{_edition_repr(left)} == {_edition_repr(right)}"]
    if changes:
        lines.append(f"{len(changes)} clause-level change{'s' if len(changes) != 1 else ''} (conceptdiff):")
    lines.extend(format_changes(comparison, changes=changes, limit=limit))
    notes: list[str] = []
    for change in comparison.changes:
        if change.is_change:
            continue
        i, j = change.old[0], change.new[0]
        a, b = left.clauses[i], right.clauses[j]
        if a.kind is not b.kind:
            where = f"clause #{i + 1}" if i == j else f"old #{i + 1} / new #{j + 1}"
            notes.append(f"{where}: " + "; ".join(_clause_differences(a, b, ("kind",))))
    if notes:
        lines.append("other differences:" if changes else "the clauses' texts match; their kinds differ:")
        shown = notes if limit is None else notes[:limit]
        lines.extend(f"  {note}" for note in shown)
        if len(shown) < len(notes):
            lines.append(f"  … and {len(notes) - len(shown)} more")
    return lines
