"""Reports of a :class:`~conceptdiff.QuoteCheck`: text, Markdown, HTML and JSON.

Each report opens with the fidelity headline (the share of quoted words that
are verbatim, and how many article clauses are of each kind), lists every
article clause beside the source passage it draws on (with the word edits of
altered and elided quotations, and what a substantive change touches), the
passages quoted more than once, and the source clauses the article leaves
out, by section.  Document text is escaped for each format; the HTML page
allows no script.

>>> import conceptdiff
>>> check = conceptdiff.check_quotes(["Members shall vote at every meeting of the board."],
...                                  ["Members may vote at every meeting of the board."])
>>> print(render_quotes(check).splitlines()[0])
Quotations of source in article: fidelity 88.9% (8 of 9 quoted words verbatim)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from conceptdiff._text import escape_controls
from conceptdiff.errors import InvalidOptionsError
from conceptdiff.model import EditOp, WordEdit
from conceptdiff.render import FORMATS
from conceptdiff.render._page import edits_html, standalone_page
from conceptdiff.render._page import escape as _e
from conceptdiff.render.markdown import escape_markdown, redline
from conceptdiff.significance import assess_texts

if TYPE_CHECKING:
    from conceptdiff.quotes import QuoteCheck, QuotedClause

__all__ = ["render_quotes"]


_NAMES = {
    "verbatim": "verbatim",
    "altered": "altered",
    "elided": "elided",
    "paraphrase": "paraphrase",
    "not_in_source": "not in source",
    "other_language": "other language",
}


def _name(label: str | None, side: str) -> str:
    return label if label else side


def _headline(check: QuoteCheck) -> tuple[str, str]:
    quoted = sum(q.quoted_words for q in check.clauses if q.quoted_words)
    verbatim = sum(q.verbatim_words for q in check.clauses if q.quoted_words)
    first = (
        f"Quotations of {_name(check.source.label, 'source')} in {_name(check.article.label, 'article')}: "
        f"fidelity {check.fidelity:.1%} ({verbatim} of {quoted} quoted words verbatim)"
    )
    counts = ", ".join(f"{n} {_NAMES[kind.value]}" for kind, n in check.counts.items())
    return first, f"{len(check.clauses)} article clauses: {counts}"


def _detail(q: QuotedClause) -> str:
    """What an altered or elided quotation changes: ``substantive: modal (shall → may)``."""
    if not q.edits:
        return ""
    old = "".join(e.text for e in q.edits if e.op is not EditOp.INSERT)
    new = "".join(e.text for e in q.edits if e.op is not EditOp.DELETE)
    return assess_texts(old, new).describe()


def _source_text(check: QuoteCheck, q: QuotedClause) -> str:
    return " ¶ ".join(check.source.clauses[i].display for i in q.source)


def _where(check: QuoteCheck, q: QuotedClause) -> str:
    drawn = ", ".join(f"#{i + 1}" for i in q.source)
    return f"article #{q.clause + 1}" + (f" ← source {drawn}" if drawn else "")


def _plain_edits(edits: Sequence[WordEdit]) -> str:
    out = []
    for edit in edits:
        if edit.op is EditOp.EQUAL:
            out.append(edit.text)
        else:
            core = edit.text.strip()
            mark = f"[-{core}-]" if edit.op is EditOp.DELETE else f"{{+{core}+}}"
            out.append(edit.text.replace(core, mark, 1) if core else edit.text)
    return "".join(out)


def render_quotes(check: QuoteCheck, *, format: str = "text") -> str:
    """The quote check as a report (``text``, ``markdown``, ``html``, ``json``)."""
    if format not in FORMATS:
        raise InvalidOptionsError("format", format, f"must be one of {', '.join(FORMATS)}")
    if format == "json":
        return json.dumps(check.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if format == "markdown":
        return _markdown(check)
    if format == "html":
        return _html(check)
    first, second = _headline(check)
    lines = [escape_controls(first), second, ""]
    for q in check.clauses:
        kind = _NAMES[q.kind.value]
        detail = _detail(q)
        lines.append(f"[{q.clause + 1}] {kind}{f' ({detail})' if detail else ''} · {_where(check, q)}")
        text = _plain_edits(q.edits) if q.edits else check.article.clauses[q.clause].display
        lines.append(f"    {escape_controls(text)}")
        if q.source and not q.edits and q.kind.value != "verbatim":
            lines.append(f"    source: {escape_controls(_source_text(check, q))}")
    if check.duplicates:
        lines += ["", "Quoted more than once:"]
        lines += ["  " + ", ".join(f"article #{i + 1}" for i in group) for group in check.duplicates]
    left_out = sum(len(indices) for _, indices in check.uncovered)
    lines += ["", f"Source not quoted ({left_out} clauses), by section:"]
    for section, indices in check.uncovered:
        name = escape_controls(" › ".join(section) or "(before the first heading)")
        lines.append(f"  {name}: " + ", ".join(f"#{i + 1}" for i in indices))
    return "\n".join(lines) + "\n"


def _markdown(check: QuoteCheck) -> str:
    first, second = _headline(check)
    lines = [f"# {escape_markdown(first)}", "", escape_markdown(second), "", "## Article clauses", ""]
    for q in check.clauses:
        detail = _detail(q)
        lines.append(
            f"**{q.clause + 1}. {_NAMES[q.kind.value]}**"
            + (f" ({escape_markdown(detail)})" if detail else "")
            + f" — {escape_markdown(_where(check, q))}"
        )
        lines.append("")
        body = redline(q.edits) if q.edits else escape_markdown(check.article.clauses[q.clause].display)
        lines.append(f"> {body}")
        if q.source:
            lines += ["", f"Source: {escape_markdown(_source_text(check, q))}"]
        lines.append("")
    if check.duplicates:
        lines += ["## Quoted more than once", ""]
        lines += ["- " + ", ".join(f"article #{i + 1}" for i in group) for group in check.duplicates]
        lines.append("")
    lines += ["## Source not quoted, by section", ""]
    for section, indices in check.uncovered:
        name = escape_markdown(" › ".join(section) or "(before the first heading)")
        lines.append(f"- **{name}**: " + ", ".join(f"#{i + 1}" for i in indices))
    return "\n".join(lines) + "\n"


_CSS = """
body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;margin:0 auto;max-width:1100px;padding:16px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9d9d4;padding:4px 8px;vertical-align:top}
td.kind{white-space:nowrap}.k-verbatim{color:#14532d}.k-altered,.k-paraphrase{color:#7a4b00}
.k-not_in_source,.k-other_language{color:#5c5c5c}.detail{color:#5c5c5c;font-size:.9em}
del{color:#8f1d1d;background:#fde8e8;text-decoration:line-through}
ins{color:#14532d;background:#dcf5e3;text-decoration:underline}
""".strip()


def _html(check: QuoteCheck) -> str:
    first, second = _headline(check)
    rows = []
    for q in check.clauses:
        detail = _detail(q)
        article = edits_html(q.edits) if q.edits else _e(check.article.clauses[q.clause].display)
        rows.append(
            f'<tr><td class="kind k-{q.kind.value}">{q.clause + 1}. {_e(_NAMES[q.kind.value])}'
            + (f'<div class="detail">{_e(detail)}</div>' if detail else "")
            + f"</td><td>{article}</td><td>{_e(_source_text(check, q))}</td></tr>"
        )
    uncovered = "".join(
        f"<li><strong>{_e(' › '.join(section) or '(before the first heading)')}</strong>: "
        + _e(", ".join(f"#{i + 1}" for i in indices))
        + "</li>"
        for section, indices in check.uncovered
    )
    duplicates = "".join(
        "<li>" + _e(", ".join(f"article #{i + 1}" for i in group)) + "</li>" for group in check.duplicates
    )
    return standalone_page(
        first,
        _CSS,
        [
            f"<h1>{_e(first)}</h1>",
            f"<p>{_e(second)}</p>",
            '<table><thead><tr><th scope="col">kind</th><th scope="col">article</th>'
            '<th scope="col">source passage</th></tr></thead><tbody>',
            *rows,
            "</tbody></table>",
            *(["<h2>Quoted more than once</h2>", f"<ul>{duplicates}</ul>"] if check.duplicates else []),
            "<h2>Source not quoted, by section</h2>",
            f"<ul>{uncovered}</ul>",
        ],
    )
