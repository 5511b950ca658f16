"""The terminal view: a full report and a one-screen ``--stat`` summary.

Word edits are shown as ``[-deleted-]`` and ``{+inserted+}`` (the notation of
``git diff --word-diff``).  With ``color=True`` they are also coloured (red,
struck through; green), kinds and significance too, never by colour alone:
the markers, signs and words stay.  Lines are wrapped to ``width`` display
columns (wide East Asian characters count two, combining marks none).
Control characters in document text are shown escaped (``\\u001b``) so a
document cannot drive the terminal.

Colour is the caller's choice; the CLI turns it on only when standard output
is a terminal and ``NO_COLOR`` is unset (https://no-color.org).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from conceptdiff._text import escape_controls
from conceptdiff.model import Change, ChangeKind, Comparison, EditOp, SetAsideChange
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
    percent,
    plural,
    set_aside_where,
    where,
)
from conceptdiff.significance import Significance

__all__ = ["headline", "render_stat", "render_text"]

# One set of signs for every report (text, Markdown, HTML): see conceptdiff.render._report.
_SIGNS = KIND_SIGNS
_KIND_STYLE = {
    ChangeKind.UNCHANGED: "2",
    ChangeKind.REWORDED: "33",
    ChangeKind.MOVED: "36",
    ChangeKind.ADDED: "32",
    ChangeKind.REMOVED: "31",
    ChangeKind.SPLIT: "35",
    ChangeKind.MERGED: "35",
}
_DELETE, _INSERT, _BOLD, _DIM, _FLAG = "31;9", "32", "1", "2", "1;33"
_SPACE_RE = re.compile(r"(\s+)")
_MIN_WIDTH = 40
_START = "(before the first heading)"

Span = tuple[str, str]  # (text, SGR style; "" for plain)


def _safe(text: str) -> str:
    return escape_controls(text, keep="\t\n")


def _cells(text: str) -> int:
    """Display width in terminal cells."""
    if text.isascii():
        return len(text)  # the common case, and a hot one: every word of every change
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _clip(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` cells, ending in "…" when cut."""
    if _cells(text) <= cells:
        return text
    out, used = "", 0
    for char in text:
        width = _cells(char)
        if used + width > cells - 1:
            break
        out += char
        used += width
    return out + "…"


def _paint(spans: Iterable[Span], color: bool) -> str:
    if not color:
        return "".join(text for text, _ in spans)
    merged: list[list[str]] = []
    for text, style in spans:
        if merged and merged[-1][1] == style:
            merged[-1][0] += text
        elif text:
            merged.append([text, style])
    return "".join(f"\x1b[{style}m{text}\x1b[0m" if style else text for text, style in merged)


def _word_groups(spans: Sequence[Span]) -> list[list[Span]]:
    """Split styled text at white space into words, each a list of styled pieces."""
    words: list[list[Span]] = []
    current: list[Span] = []
    for text, style in spans:
        for part in _SPACE_RE.split(text):
            if not part:
                continue
            if part.isspace():
                if current:
                    words.append(current)
                current = []
            else:
                current.append((part, style))
    if current:
        words.append(current)
    return words


def _break_word(word: list[Span], room: int) -> tuple[list[Span], list[Span]]:
    """Cut a word that is wider than a line: the first ``room`` cells, and the rest."""
    head: list[Span] = []
    used = 0
    for index, (text, style) in enumerate(word):
        for position, char in enumerate(text):
            width = _cells(char)
            if used + width > room and (head or position):
                head.append((text[:position], style))
                return head, [(text[position:], style), *word[index + 1 :]]
            used += width
        head.append((text, style))
    return head, []


def _wrap_plain(text: str, room: int) -> list[str] | None:
    """Without colour the styles do not show, and the words are the text's:
    wrap the text alone (ASCII, no word wider than a line), or ``None``."""
    if not text.isascii():
        return None
    words = text.split()
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in words:
        if len(word) > room:
            return None
        if line and used + 1 + len(word) > room:
            lines.append(" ".join(line))
            line, used = [], 0
        used += len(word) + (1 if line else 0)
        line.append(word)
    lines.append(" ".join(line))
    return lines


def wrap(
    spans: Sequence[Span], *, width: int, indent: str = "", hang: str | None = None, color: bool = False
) -> list[str]:
    """Wrap styled text into lines of at most ``width`` cells: the first starts
    with ``indent``, the others with ``hang`` (default: ``indent``).

    >>> wrap([("Members ", ""), ("[-may-]", "31"), ("{+shall+}", "32"), (" vote.", "")], width=20, indent="  ")
    ['  Members', '  [-may-]{+shall+}', '  vote.']
    """
    hang = indent if hang is None else hang
    room = max(width - max(_cells(indent), _cells(hang)), 10)
    if not color:
        plain = _wrap_plain("".join(text for text, _ in spans), room)
        if plain is not None:
            return [(hang if n else indent) + line for n, line in enumerate(plain)]
    lines: list[list[Span]] = []
    line: list[Span] = []
    used = 0
    for word in _word_groups(spans):
        size = sum(_cells(text) for text, _ in word)
        if line and used + 1 + size > room:
            lines.append(line)
            line, used = [], 0
        while size > room:  # a word longer than a line (a URL): cut it
            if line:
                lines.append(line)
                line, used = [], 0
            head, word = _break_word(word, room)
            lines.append(head)
            size -= sum(_cells(text) for text, _ in head)  # not the rest measured again: linear in the word
        if not word:
            continue
        if line:
            # The space between two words of one style takes that style (one colour run, not one per word).
            line.append((" ", word[0][1] if word[0][1] == line[-1][1] else ""))
            used += 1
        line.extend(word)
        used += size
    if line or not lines:
        lines.append(line)
    return [(hang if n else indent) + _paint(line, color) for n, line in enumerate(lines)]


def _edit_spans(change: Change | SetAsideChange) -> list[Span]:
    spans: list[Span] = []
    for edit in change.edits:
        text = _safe(edit.text).replace("\n", " ¶ ")
        if edit.op is EditOp.EQUAL:
            spans.append((text, ""))
        else:
            # White space at the edges goes outside the markers: "their {+national+} income".
            core = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            marked = f"[-{core}-]" if edit.op is EditOp.DELETE else f"{{+{core}+}}"
            spans += [
                (lead, ""),
                (marked if core else text, _DELETE if edit.op is EditOp.DELETE else _INSERT),
                (trail, ""),
            ]
    return spans


def headline(comparison: Comparison) -> str:
    """One line: the editions, their sizes and the counts of each kind of change.

    >>> import conceptdiff
    >>> print(headline(conceptdiff.compare("One.\\n\\nTwo.\\n", "One.\\n\\nThree.\\n")))
    old → new: 2 → 2 clauses; 1 added, 1 removed, 1 unchanged
    """
    return _headline_spans(build_report(comparison, ReportOptions(terms=0)))[0][0]


def _headline_spans(report: Report) -> list[Span]:
    comparison = report.comparison
    old, new = comparison.old, comparison.new
    counts = ", ".join(f"{n} {kind.value}" for kind, n in kind_counts(report)) or "no clauses"
    if report.renumbered:
        counts += f" ({report.renumbered} renumbered)"
    if report.set_aside:
        counts += f"; {plural(len(report.set_aside), 'set-aside difference')}"
    names = f"{_safe(edition_name(old, 'old'))} → {_safe(edition_name(new, 'new'))}"
    return [(f"{names}: {len(old.clauses)} → {len(new.clauses)} clauses; {counts}", _BOLD)]


def _summary_lines(report: Report, width: int, color: bool, *, stat: bool = False) -> list[str]:
    lines = wrap(_headline_spans(report), width=width, color=color)
    sig = report.significance
    text = (
        f"{percent(report.share_changed)} of the text changed ({report.words_changed} of "
        f"{report.words_total} words deleted or inserted)."
    )
    lines += wrap([(text, "")], width=width, color=color)
    if report.listed:
        text = (
            f"{plural(report.listed, 'change')}: {sig[Significance.SUBSTANTIVE]} substantive "
            f"({report.obligation} touching an obligation, {report.fact} a fact), "
            f"{sig[Significance.COSMETIC]} cosmetic, {sig[Significance.NONE]} with the same words."
        )
        lines += wrap([(text, "")], width=width, color=color)
    if report.set_aside:
        text = (
            f"{plural(len(report.set_aside), 'difference')} in the text the editions set aside "
            f"({', '.join(sorted({c.reason for c in report.set_aside}))})"
            + ("; the full report lists them." if stat else ", shown at the end.")
        )
        lines += wrap([(text, "")], width=width, color=color)
    if report.hidden:
        lines += wrap([(report.hidden_note + ".", _DIM)], width=width, color=color)
    return lines


def _set_aside_lines(report: Report, width: int, color: bool) -> list[str]:
    """The differences in set-aside text, after the changes."""
    if not report.set_aside:
        return []
    lines = ["", _rule("set aside in both editions, but different", width, color)]
    for number, change in enumerate(report.set_aside, 1):
        title = [
            (f"[S{number}] ", _BOLD),
            (f"{_SIGNS[change.kind]} {change.kind.value}", f"1;{_KIND_STYLE[change.kind]}"),
            (f" · {_safe(set_aside_where(report.comparison, change))}", ""),
        ]
        lines += ["", *wrap(title, width=width, hang="    ", color=color)]
        lines += wrap(_edit_spans(change), width=width, indent="    ", color=color)
    return lines


def _significance_spans(entry: Entry) -> list[Span]:
    assessment = entry.assessment
    if assessment.significance is Significance.NONE:
        return []
    if entry.change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) and not assessment.findings:
        return []
    if assessment.significance is Significance.COSMETIC:
        return [(_safe(assessment.describe()), _DIM)]
    if not assessment.findings:
        return [("substantive", "")]
    return [("! ", _FLAG), (_safe(assessment.describe()), _FLAG)]


def _rule(title: str, width: int, color: bool) -> str:
    title = _clip(_safe(title), width - 8)
    bar = "─" * max(width - _cells(title) - 4, 2)
    return _paint([(f"── {title} {bar}", _DIM)], color)


def _entry_lines(report: Report, entry: Entry, width: int, color: bool) -> list[str]:
    comparison = report.comparison
    change = entry.change
    if entry.moved_from:
        text = f"{_SIGNS[change.kind]} [{entry.number}] moved from here ({where(comparison, change)})"
        return wrap([(_safe(text), _DIM)], width=width, indent="    ", color=color)
    if entry.is_context:
        clause = comparison.new.clauses[change.new[0]] if change.new else comparison.old.clauses[change.old[0]]
        return wrap([(_safe(clause.display), "")], width=width, indent="    ", color=color)
    sign = _SIGNS[change.kind]
    title = [
        (f"[{entry.number}] ", _BOLD),
        (f"{sign} {entry_title(entry)}", f"1;{_KIND_STYLE[change.kind]}"),
        (f" · {_safe(where(comparison, change))}", ""),
    ]
    if change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED) and change.similarity < 1:
        title.append((f" · similarity {change.similarity:.2f}", _DIM))
    lines = wrap(title, width=width, hang="    ", color=color)
    significance = _significance_spans(entry)
    if significance:
        lines += wrap(significance, width=width, indent="    ", color=color)
    if change.kind is ChangeKind.MOVED:
        sections = report.section_moves.get(entry.index)
        if sections is not None:
            old_section, new_section = sections
            moved = f"moved from {' › '.join(old_section) or _START} to {' › '.join(new_section) or _START}"
            lines += wrap([(_safe(moved), _DIM)], width=width, indent="    ", color=color)
    if change.edits and change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
        body = _edit_spans(change)
    else:
        edition, indices = (
            (comparison.old, change.old) if change.kind is ChangeKind.REMOVED else (comparison.new, change.new)
        )
        style = _DELETE if change.kind is ChangeKind.REMOVED else _INSERT if change.kind is ChangeKind.ADDED else ""
        body = [(_safe(" ¶ ".join(edition.clauses[i].display for i in indices)), style)]
    return lines + wrap(body, width=width, indent="    ", color=color)


def render_text(
    comparison: Comparison, *, options: ReportOptions | None = None, width: int = 80, color: bool = False
) -> str:
    """The comparison as a report for the terminal.

    >>> import conceptdiff
    >>> print(render_text(conceptdiff.compare("Members may vote.", "Members shall vote."), width=60), end="")
    old → new: 1 → 1 clauses; 1 reworded
    33.3% of the text changed (2 of 6 words deleted or
    inserted).
    1 change: 1 substantive (1 touching an obligation, 0 a
    fact), 0 cosmetic, 0 with the same words.
    <BLANKLINE>
    [1] ~ reworded · old #1 → new #1 · similarity 0.67
        ! substantive: modal (may → shall)
        Members [-may-]{+shall+} vote.
    """
    width = max(width, _MIN_WIDTH)
    report = build_report(comparison, options)
    lines = _summary_lines(report, width, color)
    grouped = report.options.context is Context.CHANGES and any(e.section for e in report.entries)
    section: tuple[str, ...] | None = None
    for entry in report.entries:
        if grouped and entry.section != section:
            section = entry.section
            lines += ["", _rule(" › ".join(section) or _START, width, color)]
        lines.append("")
        lines += _entry_lines(report, entry, width, color)
    lines += _set_aside_lines(report, width, color)
    if report.terms:
        lines += ["", _rule("terms whose use shifted most", width, color)]
        lines += _term_lines(report, width, color)
    return "\n".join(lines) + "\n"


def _term_lines(report: Report, width: int, color: bool, limit: int | None = None) -> list[str]:
    terms = report.terms[:limit] if limit else report.terms
    if not terms:
        return []
    size = min(max(_cells(_safe(t.term)) for t in terms), 24)
    lines = []
    for term in terms:
        name = _clip(_safe(term.term), size)
        delta = term.new_count - term.old_count
        style = _INSERT if delta > 0 else _DELETE.split(";")[0]
        lines.append(
            "  "
            + name
            + " " * (size - _cells(name) + 2)
            + _paint([(f"{term.old_count:>5} → {term.new_count:<5} ({delta:+d})", style)], color)
        )
    return lines


def _bar(parts: Sequence[tuple[int, str, str]], scale: float, color: bool) -> str:
    """A bar made of a run of each sign, ``count * scale`` long (at least 1 for a non-zero count)."""
    return _paint([(sign * max(1, round(n * scale)), style) for n, sign, style in parts if n], color)


def render_stat(
    comparison: Comparison, *, options: ReportOptions | None = None, width: int = 80, color: bool = False
) -> str:
    """A one-screen summary, like ``git diff --stat``: counts by kind with bars,
    what the changes touch, the sections with most changes, the changes that
    touch an obligation or a fact, and the terms whose use shifted most.

    >>> import conceptdiff
    >>> stat = render_stat(conceptdiff.compare("# Fees\\n\\nMembers may pay.\\n", "# Fees\\n\\nMembers shall pay.\\n"))
    >>> print(stat, end="")
    old → new: 2 → 2 clauses; 1 reworded, 1 unchanged
    25.0% of the text changed (2 of 8 words deleted or inserted).
    1 change: 1 substantive (1 touching an obligation, 0 a fact), 0 cosmetic, 0 with
    the same words.
    <BLANKLINE>
      ~ reworded    1  ~
    <BLANKLINE>
    Sections with most changes
      Fees   1  ~
    <BLANKLINE>
    Changes touching an obligation or a fact
      [1] new #2  modal (may → shall)
    """
    width = max(width, _MIN_WIDTH)
    report = build_report(comparison, options)
    lines = _summary_lines(report, width, color, stat=True)
    changes = report.changes
    by_kind = Counter(e.change.kind for e in changes)
    rows = [(kind, by_kind[kind]) for kind in ChangeKind if by_kind[kind] and kind is not ChangeKind.UNCHANGED]
    relabeled = sum(1 for e in changes if e.change.kind is ChangeKind.UNCHANGED)
    label_width = 14
    bar_room = max(width - label_width - 8, 10)
    biggest = max([n for _, n in rows] + [relabeled, 1])
    scale = min(1.0, bar_room / biggest)
    if rows or relabeled:
        lines.append("")
    for kind, n in rows:
        sign = _SIGNS[kind]
        label = f"  {sign} {kind.value}"
        lines.append(f"{label:<{label_width}}{n:>3}  " + _bar([(n, sign, _KIND_STYLE[kind])], scale, color))
    if relabeled:
        label = "  = unchanged"
        lines.append(
            f"{label:<{label_width}}{relabeled:>3}  " + _paint([("(renumbered or cosmetic only)", _DIM)], color)
        )
    # The three lists share what is left of one screen: each gets its title and as many
    # rows as fit (at most five), with "… and N more" for the rest; terms go first when short.
    blocks = [block for block in (_section_block, _flag_block, _terms_block) if block(report, width, color, 1)]
    room = STAT_LINES - len(lines)
    limits = [5] * len(blocks)

    def size() -> int:  # a blank line and the block, for each
        return sum(1 + len(block(report, width, color, limit)) for block, limit in zip(blocks, limits, strict=True))

    while blocks and size() > room:
        if max(limits) > 1:
            limits[limits.index(max(limits))] -= 1  # the longest list gives a row first
        else:
            blocks.pop()  # one row each is still too much: the last list goes
            limits.pop()
    for block, limit in zip(blocks, limits, strict=True):
        lines += ["", *block(report, width, color, limit)]
    return "\n".join(lines) + "\n"


#: The most lines ``render_stat`` writes: one terminal screen.
STAT_LINES = 24


def _section_block(report: Report, width: int, color: bool, limit: int) -> list[str]:
    """The sections with most changes: a title, ``limit`` rows at most, and "… and N more"."""
    sections: dict[tuple[str, ...], Counter[ChangeKind]] = {}
    for entry in report.changes:
        sections.setdefault(entry.section, Counter())[entry.change.kind] += 1
    if not any(sections):  # a document without headings has no sections to compare
        return []
    top = sorted(sections.items(), key=lambda item: (-sum(item[1].values()), list(sections).index(item[0])))[:limit]
    lines = [_paint([("Sections with most changes", _BOLD)], color)]
    names = _section_names([section for section, _ in top], width=min(36, max(width - 30, 12)))
    name_width = max(_cells(name) for name in names)
    room = max(width - name_width - 10, 10)
    most = max(sum(c.values()) for _, c in top)
    section_scale = min(1.0, room / most)
    for name, (_, counter) in zip(names, top, strict=True):
        parts = [(counter[kind], _SIGNS[kind], _KIND_STYLE[kind]) for kind in ChangeKind]
        lines.append(
            f"  {name}{' ' * (name_width - _cells(name))} {sum(counter.values()):>3}  "
            + _bar(parts, section_scale, color)
        )
    if len(sections) > len(top):
        lines.append(_paint([(f"  … and {plural(len(sections) - len(top), 'other section')}", _DIM)], color))
    return lines


def _section_names(sections: Sequence[tuple[str, ...]], *, width: int) -> list[str]:
    """Names for sections side by side, each at most ``width`` cells and no two
    alike: the innermost heading (its number with it), then as many headings
    above it as tell it from the others; a name cut short keeps its end."""
    names = []
    for section in sections:
        depth = 1
        while True:
            name = _safe(" › ".join(section[-depth:]) or _START)
            rivals = [other for other in sections if other != section and other[-depth:] == section[-depth:]]
            if not rivals or depth >= len(section):
                break
            depth += 1
        names.append(name if _cells(name) <= width else "…" + name[-(width - 1) :])
    for n, name in enumerate(names):  # cut alike: say which is which
        if names.count(name) > 1:
            names[n] = f"{name[: max(1, width - 5)]} ({n + 1})"
    return names


def _flag_block(report: Report, width: int, color: bool, limit: int) -> list[str]:
    """The changes touching an obligation or a fact, each with the side its clause number counts."""
    flagged = [e for e in report.changes if e.assessment.flagged]
    if not flagged:
        return []
    lines = [_paint([("Changes touching an obligation or a fact", _BOLD)], color)]
    for entry in flagged[:limit]:
        at = entry.change.new or entry.change.old
        side = "new" if entry.change.new else "old"
        head = f"  [{entry.number}] {side} #{at[0] + 1}  "
        detail = "; ".join(f"{f.flag.value} ({f})" for f in entry.assessment.findings)
        text = _clip(_safe(detail), width - _cells(head))
        lines.append(head + _paint([(text, _FLAG)], color))
    if len(flagged) > limit:
        lines.append(_paint([(f"  … and {len(flagged) - limit} more", _DIM)], color))
    return lines


def _terms_block(report: Report, width: int, color: bool, limit: int) -> list[str]:
    if not report.terms:
        return []
    lines = [_paint([("Terms whose use shifted most", _BOLD)], color), *_term_lines(report, width, color, limit=limit)]
    if len(report.terms) > limit:
        lines.append(_paint([(f"  … and {len(report.terms) - limit} more", _DIM)], color))
    return lines
