"""Views of a :class:`~conceptdiff.History`: the timeline and the blame of an edition.

* :func:`render_history` (``text``, ``markdown``, ``html``, ``json``): the
  timeline (one row per edition: clauses, added, removed, reworded, moved,
  split, merged, unchanged, differences in set-aside text, and the share of
  the first edition's words still present), then the lineages that were
  removed and those that were added along the way.
* :func:`render_blame` (same formats): one edition (default the last), each
  clause with the edition its text first appeared in and the last edition
  that changed it.  The HTML view opens each clause's history on click
  (``<details>``, no script): its text in every edition and the word edits
  of each step.

Every piece of document text is escaped for its format (control characters
in text and Markdown, HTML entities in HTML); the HTML page carries a
Content-Security-Policy that allows no script at all.

>>> import conceptdiff
>>> h = conceptdiff.history([["Fees are due in 30 days."], ["Fees are due in 60 days."]], labels=["2020", "2021"])
>>> print(render_blame(h, format="text"), end="")
Blame of 2021 (edition 2 of 2): 1 clause
  edition 1: 2020
  edition 2: 2021
<BLANKLINE>
intro  last  clause
    1     2  Fees are due in 60 days.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from conceptdiff._text import escape_controls
from conceptdiff.errors import InvalidOptionsError
from conceptdiff.model import Edition
from conceptdiff.render import FORMATS
from conceptdiff.render._page import edits_html, standalone_page
from conceptdiff.render._page import escape as _e
from conceptdiff.render.markdown import escape_markdown

if TYPE_CHECKING:
    from conceptdiff.series import History, Lineage, TimelineEntry

__all__ = ["render_blame", "render_history"]


_COLUMNS = ("clauses", "added", "removed", "reworded", "moved", "split", "merged", "unchanged", "set_aside")


def _name(h: History, k: int) -> str:
    label = h.editions[k].label
    return label if label else f"edition {k + 1}"


def _first_text(h: History, lineage: Lineage, edition: int) -> str:
    return " ".join(h.editions[edition].clauses[i].display for i in lineage.clauses[edition])


def _short(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _check(format: str) -> None:
    if format not in FORMATS:
        raise InvalidOptionsError("format", format, f"must be one of {', '.join(FORMATS)}")


# -- history ----------------------------------------------------------------------------------


def render_history(h: History, *, format: str = "text") -> str:
    """The timeline of ``h`` and the lineages removed and added (see the module docstring)."""
    _check(format)
    if format == "json":
        return json.dumps(h.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    timeline = h.timeline()
    removed = [lineage for lineage in h.lineages if lineage.removed is not None]
    added = [lineage for lineage in h.lineages if lineage.introduced > 0]
    names = [_name(h, k) for k in range(len(h.editions))]
    if format == "markdown":
        return _history_markdown(h, names, timeline, removed, added)
    if format == "html":
        return _history_html(h, names, timeline, removed, added)
    safe = [escape_controls(name) for name in names]
    lines = [f"History of {len(h.editions)} editions"]
    lines += [f"  edition {n + 1}: {name}" for n, name in enumerate(safe)]
    lines.append("")
    header = "edition" + "".join(f"{c.replace('_', '-'):>10}" for c in _COLUMNS) + "  first-edition words"
    lines.append(header)
    for entry in timeline:
        row = f"{entry.edition + 1:>7}"
        row += "".join(f"{getattr(entry, c):>10}" for c in _COLUMNS)
        lines.append(row + f"  {entry.first_edition_words:>19.1%}")
    for title, group, removed_side in (("Removed along the way", removed, True), ("Added along the way", added, False)):
        lines += ["", f"{title} ({len(group)}; [first–last edition]):"]
        for lineage in group:
            k = (lineage.removed or 1) - 1 if removed_side else lineage.introduced
            span = f"{lineage.introduced + 1}–{lineage.removed or len(names)}"
            lines.append(f"  [{span}] {escape_controls(_short(_first_text(h, lineage, k)))}")
    return "\n".join(lines) + "\n"


def _history_markdown(
    h: History, names: list[str], timeline: Sequence[TimelineEntry], removed: list[Lineage], added: list[Lineage]
) -> str:
    lines = [f"# History of {len(h.editions)} editions", "", " → ".join(escape_markdown(n) for n in names), ""]
    lines.append("| edition | " + " | ".join(c.replace("_", "-") for c in _COLUMNS) + " | first-edition words |")
    lines.append("|---|" + "---:|" * (len(_COLUMNS) + 1))
    for entry in timeline:
        cells = " | ".join(str(getattr(entry, c)) for c in _COLUMNS)
        name = escape_markdown(names[entry.edition])
        lines.append(f"| {entry.edition + 1}. {name} | {cells} | {entry.first_edition_words:.1%} |")
    for title, group, removed_side in (("Removed along the way", removed, True), ("Added along the way", added, False)):
        lines += ["", f"## {title} ({len(group)})", ""]
        for lineage in group:
            k = (lineage.removed or 1) - 1 if removed_side else lineage.introduced
            when = f"removed in {names[lineage.removed or 0]}" if removed_side else f"added in {names[k]}"
            lines.append(f"- *{escape_markdown(when)}*: {escape_markdown(_short(_first_text(h, lineage, k)))}")
    return "\n".join(lines) + "\n"


# -- blame ------------------------------------------------------------------------------------


def render_blame(h: History, *, edition: int = -1, format: str = "text") -> str:
    """Each clause of ``edition`` with its origin (see the module docstring)."""
    _check(format)
    entries = h.blame(edition)
    k = entries[0].edition if entries else edition % max(len(h.editions), 1)
    names = [_name(h, e) for e in range(len(h.editions))]
    if format == "json":
        data = {
            "schema": "conceptdiff.blame/1",
            "edition": k,
            "label": h.editions[k].label,
            "editions": [e.label for e in h.editions],
            "clauses": [
                {
                    "clause": b.clause,
                    "text": h.editions[k].clauses[b.clause].display,
                    "introduced": b.introduced,
                    "last_changed": b.last_changed,
                    "lineage": b.lineage,
                }
                for b in entries
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if format == "html":
        return _blame_html(h, k, names)
    edition_ = h.editions[k]
    count = f"{len(entries)} clause" + ("" if len(entries) == 1 else "s")
    if format == "markdown":
        lines = [f"# Blame of {escape_markdown(names[k])} (edition {k + 1} of {len(h.editions)})", ""]
        lines += [f"{n + 1}. {escape_markdown(name)}" for n, name in enumerate(names)]
        lines += ["", "| # | introduced | last changed | clause |", "|---:|---:|---:|---|"]
        for b in entries:
            text = escape_markdown(edition_.clauses[b.clause].display)
            lines.append(f"| {b.clause + 1} | {b.introduced + 1} | {b.last_changed + 1} | {text} |")
        return "\n".join(lines) + "\n"
    safe = [escape_controls(name) for name in names]
    lines = [f"Blame of {safe[k]} (edition {k + 1} of {len(h.editions)}): {count}"]
    lines += [f"  edition {n + 1}: {name}" for n, name in enumerate(safe)]
    lines += ["", "intro  last  clause"]
    for b in entries:
        text = escape_controls(edition_.clauses[b.clause].display)
        lines.append(f"{b.introduced + 1:>5}  {b.last_changed + 1:>4}  {text}")
    return "\n".join(lines) + "\n"


# -- HTML -------------------------------------------------------------------------------------

_CSS = """
:root{--fg:#1b1b1b;--muted:#5c5c5c;--line:#d9d9d4;--del:#8f1d1d;--del-bg:#fde8e8;--ins:#14532d;--ins-bg:#dcf5e3}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);margin:0 auto;max-width:1000px;padding:16px}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:2px 8px}td.n{text-align:right}
.origin{color:var(--muted);font-size:.85em;white-space:nowrap;margin-right:8px}
details{border-bottom:1px solid var(--line);padding:4px 0}summary{cursor:pointer}
ol.steps{color:var(--fg)}ol.steps .kind{color:var(--muted)}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through}
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline}
""".strip()


def _history_html(
    h: History, names: list[str], timeline: Sequence[TimelineEntry], removed: list[Lineage], added: list[Lineage]
) -> str:
    head = "".join(f'<th scope="col">{_e(c.replace("_", "-"))}</th>' for c in _COLUMNS)
    rows = "".join(
        f'<tr><th scope="row">{entry.edition + 1}. {_e(names[entry.edition])}</th>'
        + "".join(f'<td class="n">{getattr(entry, c)}</td>' for c in _COLUMNS)
        + f'<td class="n">{entry.first_edition_words:.1%}</td></tr>'
        for entry in timeline
    )
    body = [
        f"<h1>History of {len(h.editions)} editions</h1>",
        "<p>" + " → ".join(_e(n) for n in names) + "</p>",
        f'<table><thead><tr><th scope="col">edition</th>{head}<th scope="col">first-edition words</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>",
    ]
    for title, group, removed_side in (("Removed along the way", removed, True), ("Added along the way", added, False)):
        items = []
        for lineage in group:
            k = (lineage.removed or 1) - 1 if removed_side else lineage.introduced
            when = f"removed in {names[lineage.removed or 0]}" if removed_side else f"added in {names[k]}"
            items.append(f'<li><span class="origin">{_e(when)}</span>{_e(_first_text(h, lineage, k))}</li>')
        body += [f"<h2>{title} ({len(group)})</h2>", "<ul>", *items, "</ul>"]
    return standalone_page(f"History of {len(h.editions)} editions", _CSS, body)


def _blame_html(h: History, k: int, names: list[str]) -> str:
    edition: Edition = h.editions[k]
    items = []
    for b in h.blame(k):
        lineage = h.lineages[b.lineage]
        steps = []
        for step in lineage.steps:
            if step.before >= k:
                break
            for change in step.changes:
                where = f"{names[step.before]} → {names[step.before + 1]}"
                text = edits_html(change.edits) if change.edits else _e(_first_text(h, lineage, step.before + 1))
                steps.append(f'<li><span class="kind">{_e(where)}: {_e(str(change.kind))}</span> {text}</li>')
        origin = f"{names[b.introduced]}" + (
            f" · changed {names[b.last_changed]}" if b.last_changed != b.introduced else ""
        )
        items.append(
            "<details><summary>"
            f'<span class="origin">{_e(origin)}</span>{_e(edition.clauses[b.clause].display)}</summary>'
            f'<ol class="steps"><li><span class="kind">{_e(names[lineage.introduced])}: first appears</span> '
            f"{_e(_first_text(h, lineage, lineage.introduced))}</li>{''.join(steps)}</ol></details>"
        )
    body = [
        f"<h1>Blame of {_e(names[k])} (edition {k + 1} of {len(h.editions)})</h1>",
        "<p>Each clause with the edition its text first appeared in and the last edition that changed it; "
        "open a clause for its history.</p>",
        *items,
    ]
    return standalone_page(f"Blame of {names[k]}", _CSS, body)
