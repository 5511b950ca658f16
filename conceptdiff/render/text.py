"""A plain-text summary for the terminal: a headline, then each change.

Word edits are shown as ``[-deleted-]`` and ``{+inserted+}`` (the notation of
``git diff --word-diff``); with ``color=True`` they are also coloured, never
by colour alone.  Control characters in document text are shown escaped so a
document cannot drive the terminal.
"""

from __future__ import annotations

import re
import textwrap

from conceptdiff.model import Change, ChangeKind, Comparison, Edition, EditOp

__all__ = ["headline", "render_text"]

_SIGNS = {
    ChangeKind.UNCHANGED: " ",
    ChangeKind.REWORDED: "~",
    ChangeKind.MOVED: ">",
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "-",
    ChangeKind.SPLIT: "<",
    ChangeKind.MERGED: "&",
}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _safe(text: str) -> str:
    return _CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _name(edition: Edition, side: str) -> str:
    return _safe(edition.label) if edition.label else side


def headline(comparison: Comparison) -> str:
    """One line: the editions, their sizes and the counts of each kind of change.

    >>> import conceptdiff
    >>> print(headline(conceptdiff.compare("One.\\n\\nTwo.\\n", "One.\\n\\nThree.\\n")))
    old (2 clauses) -> new (2 clauses): 1 unchanged, 1 added, 1 removed
    """
    counts = comparison.counts
    parts = [f"{counts[kind]} {kind.value}" for kind in ChangeKind if counts[kind]]
    old, new = comparison.old, comparison.new
    return (
        f"{_name(old, 'old')} ({len(old.clauses)} clauses) -> {_name(new, 'new')} "
        f"({len(new.clauses)} clauses): {', '.join(parts) or 'no clauses'}"
    )


def _where(indices: tuple[int, ...], edition: Edition) -> str:
    if not indices:
        return "-"
    first = edition.clauses[indices[0]]
    span = f"{indices[0] + 1}" if len(indices) == 1 else f"{indices[0] + 1}-{indices[-1] + 1}"
    label = f" ({_safe(first.label)})" if first.label else ""
    return f"#{span}{label}"


def _marked(change: Change, color: bool) -> str:
    out = []
    for edit in change.edits:
        text = _safe(edit.text).replace("\n", " ¶ ")
        if edit.op is EditOp.EQUAL:
            out.append(text)
        elif edit.op is EditOp.DELETE:
            out.append(f"{_RED}[-{text}-]{_RESET}" if color else f"[-{text}-]")
        else:
            out.append(f"{_GREEN}{{+{text}+}}{_RESET}" if color else f"{{+{text}+}}")
    return "".join(out)


def render_text(comparison: Comparison, *, width: int = 80, color: bool = False, changes_only: bool = True) -> str:
    """The comparison as a readable plain-text report.

    >>> import conceptdiff
    >>> print(render_text(conceptdiff.compare("Members may vote.", "Members shall vote.")))
    old (1 clauses) -> new (1 clauses): 1 reworded
    <BLANKLINE>
    ~ reworded  old #1 -> new #1  similarity 0.67, fuzzy
        Members [-may-]{+shall+} vote.
    <BLANKLINE>
    """
    lines = [headline(comparison), ""]
    wrapper = textwrap.TextWrapper(
        width=max(width, 30),
        initial_indent="    ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    for change in comparison.changes:
        if changes_only and change.kind is ChangeKind.UNCHANGED and not change.relabeled:
            continue
        sign = _SIGNS[change.kind]
        where = f"old {_where(change.old, comparison.old)} -> new {_where(change.new, comparison.new)}"
        title = f"{sign} {change.kind.value:<9} {where}"
        if change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
            title += f"  similarity {change.similarity:.2f}, {change.method.value}"
        if change.relabeled:
            title += "  (renumbered)"
        lines.append(f"{_BOLD}{title}{_RESET}" if color else title)
        body = (
            _marked(change, color)
            if change.edits
            else _safe("\n".join(comparison.old.clauses[i].text for i in change.old))
        )
        lines.extend(wrapper.wrap(body) or ["    "])
        lines.append("")
    return "\n".join(lines)
