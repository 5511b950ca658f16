"""A Markdown summary to read, paste into an issue or hand on.

A headline (editions, counts by kind, share of text changed, what the
changes touch), then the changes grouped by section, each with its number,
kind, place, significance, the word edits marked (deleted ``~~struck~~``,
inserted ``**emphasized**``) and its old and new text; moves say where from
and where to.  With ``ReportOptions(context="document")`` the whole new
edition is shown with the changes in place (removed clauses where they
stood).  A table of the terms whose use shifted most closes the report.

Document text is escaped: Markdown and HTML metacharacters are
backslash-escaped or written as entities, so a clause holding
``<script>``, ``**`` or ``[link](x)`` shows as written and never becomes
markup.  Word edits are marked a whole word at a time (``~~income.~~
**income;**``), because CommonMark does not open emphasis inside a word
next to punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conceptdiff._text import escape_controls
from conceptdiff.model import ChangeKind, Comparison, EditOp, WordEdit
from conceptdiff.render._report import (
    KIND_SIGNS,
    Context,
    Entry,
    Report,
    ReportOptions,
    build_report,
    edition_name,
    entry_title,
    kind_counts,
    link_targets,
    locate,
    percent,
    plural,
    set_aside_where,
)
from conceptdiff.significance import Significance

__all__ = ["escape_markdown", "render_markdown"]

_ESCAPE_RE = re.compile(r"([\\`*_\[\]~|$])")
_LINE_START_RE = re.compile(r"^(\s*)([-+=#]|\d+(?=[.)]))")
_CLOSING_HASHES_RE = re.compile(r"(?<!\S)#(?=#*$)")
_SPACE_RE = re.compile(r"\s+")


def escape_markdown(text: str, *, block: bool = False) -> str:
    """``text`` as literal Markdown (CommonMark and GitHub's dialect).

    ``block=True`` also escapes what would start a list, quote or heading at
    the start of a line.

    >>> escape_markdown("**bold** <script>x</script> [a](b) 2 * 3 ~ $x$")
    '\\\\*\\\\*bold\\\\*\\\\* &lt;script&gt;x&lt;/script&gt; \\\\[a\\\\](b) 2 \\\\* 3 \\\\~ \\\\$x\\\\$'
    >>> escape_markdown("1. First", block=True)
    '1\\\\. First'
    """
    text = escape_controls(text, keep="\t\n")
    text = _SPACE_RE.sub(" ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ESCAPE_RE.sub(r"\\\1", text)
    text = _CLOSING_HASHES_RE.sub(r"\\#", text)  # would close an ATX heading
    if block:
        text = _LINE_START_RE.sub(
            lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text
        )
    return text


def _merged(edits: Sequence[WordEdit]) -> list[tuple[EditOp, str]]:
    pieces: list[tuple[EditOp, str]] = []
    for edit in edits:
        text = edit.text.replace("\n", " ¶ ")
        if pieces and pieces[-1][0] is edit.op:
            pieces[-1] = (edit.op, pieces[-1][1] + text)
        elif text:
            pieces.append((edit.op, text))
    return pieces


def _tail(text: str) -> int:
    """Length of the run of non-space characters that ends ``text``."""
    return _run(text[::-1])


def _head(text: str) -> int:
    """Length of the run of non-space characters that starts ``text``."""
    return _run(text)


def _run(text: str) -> int:
    n = 0
    while n < len(text) and not text[n].isspace():
        n += 1
    return n


def _escape_inline(text: str) -> str:
    """Like :func:`escape_markdown`, keeping one leading and trailing space."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + escape_markdown(text) + trail


def redline(edits: Sequence[WordEdit]) -> str:
    """The word edits as Markdown: unchanged text plain, each changed word
    group once struck through (old) and once emphasized (new).

    A changed group takes in the rest of any word it cuts, so that the
    markers always stand next to white space (where CommonMark honours them).

    >>> from conceptdiff import compare
    >>> print(redline(compare("Members may report in 30 days.", "Members shall report in 60 days.").changes[0].edits))
    Members ~~may~~ **shall** report in ~~30~~ **60** days.
    >>> print(redline(compare("It is their income.", "It is their national income;").changes[0].edits))
    It is their ~~income.~~ **national income;**
    """
    pieces = _merged(edits)
    items: list[list[str]] = []  # ["eq", text] or ["run", old, new]
    i = 0
    while i < len(pieces):
        op, text = pieces[i]
        if op is EditOp.EQUAL:
            items.append(["eq", text])
            i += 1
            continue
        old = new = ""
        while i < len(pieces):
            op, text = pieces[i]
            if op is EditOp.EQUAL:
                if any(c.isspace() for c in text) or i + 1 == len(pieces):
                    break
                old, new = old + text, new + text  # glue inside one word group
            elif op is EditOp.DELETE:
                old += text
            else:
                new += text
            i += 1
        items.append(["run", old, new])
    for k, item in enumerate(items):
        if item[0] != "run":
            continue
        old, new = item[1], item[2]
        before = items[k - 1][1] if k > 0 and items[k - 1][0] == "eq" else ""
        after = items[k + 1][1] if k + 1 < len(items) and items[k + 1][0] == "eq" else ""
        # A boundary is glued when, in the old or the new text, the characters on either
        # side of it are not white space: the change then cuts a word, and the marked
        # group must take in the rest of that word.
        if before and not before[-1].isspace():
            firsts = [(side or after)[:1] for side in (old, new)]
            if any(first and not first.isspace() for first in firsts):
                take = _tail(before)
                items[k - 1][1] = before[: len(before) - take]
                old, new = before[len(before) - take :] + old, before[len(before) - take :] + new
        if after and not after[0].isspace():
            lasts = [(side or before)[-1:] for side in (old, new)]
            if any(last and not last.isspace() for last in lasts):
                take = _head(after)
                items[k + 1][1] = after[take:]
                old, new = old + after[:take], new + after[:take]
        item[1], item[2] = old, new
    out = "".join(_escape_inline(item[1]) if item[0] == "eq" else _mark(item[1], item[2]) for item in items)
    return re.sub(r" {2,}", " ", out).strip()


def _mark(old: str, new: str) -> str:
    lead = " " if old[:1].isspace() or new[:1].isspace() else ""
    trail = " " if old[-1:].isspace() or new[-1:].isspace() else ""
    marked = []
    if old.strip():
        marked.append(f"~~{escape_markdown(old)}~~")
    if new.strip():
        marked.append(f"**{escape_markdown(new)}**")
    return lead + " ".join(marked) + trail if marked else " "


def _texts(comparison: Comparison, indices: Sequence[int], side: str) -> list[str]:
    edition = comparison.old if side == "old" else comparison.new
    return [escape_markdown(edition.clauses[i].display) for i in indices]


def _section_name(section: tuple[str, ...]) -> str:
    return " › ".join(escape_markdown(s) for s in section) if section else "(before the first heading)"


def _significance_line(entry: Entry) -> str | None:
    assessment = entry.assessment
    if assessment.significance is Significance.NONE:
        return None
    if assessment.significance is Significance.COSMETIC:
        reasons = ", ".join(c.value for c in assessment.cosmetic)
        return f"Significance: cosmetic ({reasons})" if reasons else "Significance: cosmetic"
    if not assessment.findings:
        return "Significance: **substantive**"
    parts = []
    for finding in assessment.findings:
        parts.append(f"{finding.flag.value} ({escape_markdown(str(finding))})")
    concerns = []
    if assessment.changes_obligation:
        concerns.append("an obligation")
    if assessment.changes_fact:
        concerns.append("a fact")
    return f"Significance: **substantive**, changes {' and '.join(concerns)}: " + "; ".join(parts)


def _entry(report: Report, entry: Entry) -> list[str]:
    comparison = report.comparison
    change = entry.change
    if entry.moved_from:
        old_at, new_at = locate(change.old, comparison.old), locate(change.new, comparison.new)
        place = escape_markdown(f"(old {old_at}) to new {new_at}")
        return [f"*{KIND_SIGNS[change.kind]} Change {entry.number} moved from here {place}.*", ""]
    if entry.is_context:
        clause_index = change.new[0] if change.new else change.old[0]
        clause = comparison.new.clauses[clause_index] if change.new else comparison.old.clauses[clause_index]
        if clause.kind.value == "heading" and report.options.context is Context.DOCUMENT:
            return [f"{'#' * min(clause.level + 2, 6)} {escape_markdown(clause.display)}", ""]
        return [escape_markdown(clause.display, block=True), ""]
    title = entry_title(entry)
    sign = KIND_SIGNS[change.kind]
    old_at, new_at = locate(change.old, comparison.old), locate(change.new, comparison.new)
    place = f"old {old_at} → new {new_at}" if old_at and new_at else f"old {old_at}" if old_at else f"new {new_at}"
    lines = [f"#### {entry.number}. {sign} {title.capitalize()} — {escape_markdown(place)}", ""]
    if change.kind is ChangeKind.MOVED:
        old_section, new_section = report.section_moves.get(entry.index, ((), ()))
        old_in = f" in *{_section_name(old_section)}*" if old_section else ""
        new_in = f" in *{_section_name(new_section)}*" if new_section else ""
        lines += [f"Moved from old {escape_markdown(old_at)}{old_in} to new {escape_markdown(new_at)}{new_in}.", ""]
    if change.relabeled:
        old_label = comparison.old.clauses[change.old[0]].label or "(none)"
        new_label = comparison.new.clauses[change.new[0]].label or "(none)"
        lines += [f"Number label: {escape_markdown(old_label)} → {escape_markdown(new_label)}", ""]
    if change.relinked:
        old_links = ", ".join(link_targets(comparison.old, change.old)) or "(none)"
        new_links = ", ".join(link_targets(comparison.new, change.new)) or "(none)"
        lines += [f"Link targets: {escape_markdown(old_links)} → {escape_markdown(new_links)}", ""]
    significance = _significance_line(entry)
    if significance and (entry.assessment.findings or change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED)):
        lines += [significance, ""]
    if change.kind is ChangeKind.ADDED:
        lines += [f"> {text}" for text in _texts(comparison, change.new, "new")] + [""]
    elif change.kind is ChangeKind.REMOVED:
        lines += [f"> {text}" for text in _texts(comparison, change.old, "old")] + [""]
    elif not change.edits:
        lines += [f"> {text}" for text in _texts(comparison, change.new, "new")] + [""]
    else:
        lines += [f"> {redline(change.edits)}", ""]
        for side, indices in (("Old", change.old), ("New", change.new)):
            texts = _texts(comparison, indices, side.lower())
            if len(texts) == 1:
                lines.append(f"- **{side}:** {texts[0]}")
            else:
                lines.append(f"- **{side}:**")
                lines += [f"  {n}. {text}" for n, text in enumerate(texts, 1)]
        lines.append("")
    return lines


def _headline(report: Report) -> list[str]:
    comparison = report.comparison
    old_name = escape_markdown(edition_name(comparison.old, "old"))
    new_name = escape_markdown(edition_name(comparison.new, "new"))
    counts = ", ".join(f"{n} {kind.value}" for kind, n in kind_counts(report)) or "no clauses"
    lines = [
        f"# What changed: {old_name} → {new_name}",
        "",
        f"**{len(comparison.old.clauses)} → {len(comparison.new.clauses)} clauses** · {counts}"
        + (f" · {report.renumbered} renumbered" if report.renumbered else "")
        + (f" · {plural(len(report.set_aside), 'set-aside difference')}" if report.set_aside else ""),
        "",
        f"**{percent(report.share_changed)} of the text changed** "
        f"({report.words_changed} words deleted or inserted, of {report.words_total} in both editions).",
        "",
    ]
    if report.listed:
        sig = report.significance
        lines += [
            f"**{plural(report.listed, 'change')}**: {sig[Significance.SUBSTANTIVE]} substantive "
            f"({report.obligation} touching an obligation, {report.fact} a fact), "
            f"{sig[Significance.COSMETIC]} cosmetic, {sig[Significance.NONE]} with the same words "
            "(moves, renumbering, splits and merges).",
            "",
            "| | kind | count |",
            "|---|---|---:|",
        ]
        lines += [f"| {KIND_SIGNS[kind]} | {kind.value} | {n} |" for kind, n in kind_counts(report)]
        lines.append("")
    elif report.set_aside:
        lines += [
            "**No clause changed**: the editions have the same clauses, in the same order, with the same words; "
            "the text they set aside differs (below).",
            "",
        ]
    else:
        lines += ["**No changes.** The editions have the same clauses, in the same order, with the same words.", ""]
    if report.hidden:
        lines += [f"*{report.hidden_note}.*", ""]
    return lines


def _set_aside(report: Report) -> list[str]:
    """The differences in set-aside text, as a section after the changes."""
    if not report.set_aside:
        return []
    lines = [
        "## Set aside in both editions, but different",
        "",
        "Text the reader set aside (boilerplate, duplicates, page furniture) is not compared clause by clause, "
        "but it differs:",
        "",
    ]
    for number, change in enumerate(report.set_aside, 1):
        where = escape_markdown(set_aside_where(report.comparison, change))
        lines += [
            f"{number}. {KIND_SIGNS[change.kind]} {change.kind.value.capitalize()} — {where}: {redline(change.edits)}"
        ]
    return [*lines, ""]


def _terms(report: Report) -> list[str]:
    if not report.terms:
        return []
    lines = [
        "## Terms whose use shifted most",
        "",
        "| term | old | new | shift |",
        "|---|---:|---:|---:|",
    ]
    for term in report.terms:
        delta = term.new_count - term.old_count
        lines.append(f"| {escape_markdown(term.term)} | {term.old_count} | {term.new_count} | {delta:+d} |")
    return [*lines, ""]


def render_markdown(comparison: Comparison, *, options: ReportOptions | None = None) -> str:
    """The comparison as a Markdown summary (see the module docstring).

    >>> import conceptdiff
    >>> old = "# Fees\\n\\nMembers may pay within 30 days.\\n"
    >>> new = "# Fees\\n\\nMembers shall pay within 60 days.\\n"
    >>> print(render_markdown(conceptdiff.compare(old, new), options=ReportOptions(terms=0)))
    # What changed: old → new
    <BLANKLINE>
    **2 → 2 clauses** · 1 reworded, 1 unchanged
    <BLANKLINE>
    **28.6% of the text changed** (4 words deleted or inserted, of 14 in both editions).
    <BLANKLINE>
    **1 change**: 1 substantive (1 touching an obligation, 1 a fact), 0 cosmetic, 0 with the same words
    (moves, renumbering, splits and merges).
    <BLANKLINE>
    | | kind | count |
    |---|---|---:|
    | ~ | reworded | 1 |
    | = | unchanged | 1 |
    <BLANKLINE>
    ## Changes
    <BLANKLINE>
    ### Fees
    <BLANKLINE>
    #### 1. ~ Reworded — old #2 → new #2
    <BLANKLINE>
    Significance: **substantive**, changes an obligation and a fact: modal (may → shall); number (30 days → 60 days)
    <BLANKLINE>
    > Members ~~may~~ **shall** pay within ~~30~~ **60** days.
    <BLANKLINE>
    - **Old:** Members may pay within 30 days.
    - **New:** Members shall pay within 60 days.
    <BLANKLINE>
    """
    report = build_report(comparison, options)
    lines = _headline(report)
    if report.options.context is Context.DOCUMENT:
        lines += ["## The document, changes marked", ""]
        for entry in report.entries:
            lines += _entry(report, entry)
    elif report.entries:
        lines += ["## Changes", ""]
        grouped = any(e.section for e in report.entries)  # a document without headings has no sections
        section: tuple[str, ...] | None = None
        for entry in report.entries:
            if grouped and entry.section != section:
                section = entry.section
                lines += [f"### {_section_name(section)}", ""]
            lines += _entry(report, entry)
    lines += _set_aside(report)
    lines += _terms(report)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
