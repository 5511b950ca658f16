"""A standalone HTML redline: one file to open offline, print or hand on.

:func:`render_html` writes one self-contained document: inline CSS and a
small inline script, no external asset of any kind, and a restrictive
Content-Security-Policy (``default-src 'none'``; the one style sheet and the
one script are allowed by their SHA-256 hashes, so even if escaping failed a
planted ``<script>`` could not run).  Every piece of document text is escaped.

What a reader gets:

* a headline: the editions, counts by kind, the share of text changed, how
  many changes are substantive and how many touch an obligation or a fact;
* a clickable list of the changes (number, sign and kind, place, what it
  touches), with counts;
* each change with its kind in words and a sign, its place, its
  significance, and the word edits as semantic ``<del>``/``<ins>`` (struck
  through and underlined, announced to screen readers as "deleted"/"inserted"),
  in an inline view and a side-by-side view (switched without script);
* keyboard navigation: ``j``/``n`` next change, ``k``/``p`` previous;
* a print style: the inline view, no navigation, no change cut across pages.

Meaning is never carried by colour alone: kinds have signs and names,
deletions are struck through, insertions underlined, flags are words.

:func:`render_html_fragment` is the same content without the page around it
(scoped CSS, no script), which is what ``Comparison._repr_html_`` shows in a
notebook.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Sequence

from conceptdiff._version import __version__
from conceptdiff.model import Change, ChangeKind, Comparison, Edition, EditOp, SetAsideChange
from conceptdiff.render._report import (
    KIND_ORDER,
    KIND_SIGNS,
    Context,
    Entry,
    Report,
    ReportOptions,
    build_report,
    cosmetic_only,
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

__all__ = ["csp", "render_html", "render_html_fragment"]

_CSS = """
:root{--fg:#1b1b1b;--muted:#5c5c5c;--bg:#fff;--panel:#f5f5f3;--line:#d9d9d4;--del:#8f1d1d;--del-bg:#fde8e8;
--ins:#14532d;--ins-bg:#dcf5e3;--flag:#7a4b00;--flag-bg:#fff1cc;--accent:#1f4e99}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e6;--muted:#a8a8a4;--bg:#161616;--panel:#212121;--line:#3a3a38;
--del:#ffb4b4;--del-bg:#4a1c1c;--ins:#b6f0c6;--ins-bg:#173d24;--flag:#ffd88a;--flag-bg:#3d3014;--accent:#8db4ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans",sans-serif}
a{color:var(--accent)}
.skip{position:absolute;left:-999px;top:0}.skip:focus{left:8px;z-index:2;background:var(--bg);padding:4px 8px}
.vh,.view-toggle{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap;border:0}
header{padding:20px 24px 12px;border-bottom:1px solid var(--line)}
h1{font-size:1.45rem;margin:0 0 6px;line-height:1.3}
.ed{font-weight:600}
.summary{margin:4px 0;color:var(--muted)}
.counts{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:6px}
.counts li{border:1px solid var(--line);border-radius:999px;padding:1px 10px;background:var(--panel)}
.sign{display:inline-block;min-width:1.2em;text-align:center;font-weight:700}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:10px}
.controls label{border:1px solid var(--line);border-radius:6px;padding:3px 10px;cursor:pointer;user-select:none}
#view-inline:checked~header label[for=view-inline],#view-side:checked~header label[for=view-side],
#hide-cosmetic:checked~header label[for=hide-cosmetic]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
#view-inline:focus-visible~header label[for=view-inline],#view-side:focus-visible~header label[for=view-side],
#hide-cosmetic:focus-visible~header label[for=hide-cosmetic]{outline:3px solid var(--accent);outline-offset:2px}
#hide-cosmetic:checked~header label[for=hide-cosmetic]::before{content:"✓ "}
.keys{color:var(--muted);font-size:.9rem}
kbd{border:1px solid var(--line);border-bottom-width:2px;border-radius:4px;padding:0 5px;font-size:.85em;
background:var(--panel)}
.layout{display:grid;grid-template-columns:minmax(220px,320px) 1fr;align-items:start}
nav{position:sticky;top:0;max-height:100vh;overflow:auto;padding:12px 12px 24px 16px;
border-right:1px solid var(--line);font-size:.9rem}
nav h2{font-size:1rem;margin:4px 0 8px}
nav ol{list-style:none;margin:0;padding:0}
nav li a{display:block;padding:4px 6px;border-radius:4px;text-decoration:none;color:var(--fg)}
nav li a:hover,nav li a:focus-visible,nav li a[aria-current=true]{background:var(--panel);
outline:2px solid var(--accent)}
nav .num{font-variant-numeric:tabular-nums;color:var(--muted)}
nav .snip{display:block;color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
main{padding:8px 24px 48px;min-width:0;max-width:1100px}
h2.sec{font-size:1.05rem;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line);
color:var(--muted)}
article.change{border:1px solid var(--line);border-left-width:5px;border-radius:6px;padding:10px 14px;
margin:12px 0;scroll-margin-top:12px}
article.change:focus,article.change:target{outline:3px solid var(--accent);outline-offset:2px}
article h3{font-size:1rem;margin:0 0 4px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.where,.meta{color:var(--muted);font-weight:400;font-size:.92rem}
.k-reworded{border-left-color:#b7791f}.k-moved{border-left-color:#2b6cb0}.k-added{border-left-color:#2f855a}
.k-removed{border-left-color:#c53030}.k-split,.k-merged{border-left-color:#6b46c1}.k-unchanged{border-left-color:#888}
.badge{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:.82rem;
font-weight:600}
.badge.substantive{border-color:var(--fg)}
.badge.flag{background:var(--flag-bg);color:var(--flag);border-color:var(--flag)}
.sig{margin:4px 0;font-size:.92rem}
.text p{margin:6px 0;overflow-wrap:anywhere}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:2px}
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:2px;
text-underline-offset:2px}
del+ins{margin-left:.2em}
del::before,del::after,ins::before,ins::after{position:absolute;width:1px;height:1px;overflow:hidden;
clip-path:inset(100%);white-space:nowrap}
del::before{content:" [deleted: "}ins::before{content:" [inserted: "}del::after,ins::after{content:"] "}
.added-text{border-left:3px solid var(--ins);padding-left:8px}
.removed-text{border-left:3px dashed var(--del);padding-left:8px}
.side{display:none;grid-template-columns:1fr 1fr;gap:12px}
.side>div{background:var(--panel);border-radius:4px;padding:4px 10px;min-width:0}
.side h4{margin:4px 0 0;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
#view-side:checked~.layout .side{display:grid}#view-side:checked~.layout .inline{display:none}
#hide-cosmetic:checked~.layout .hideable{display:none}
.brk{color:var(--muted);padding:0 2px}
.ctx{color:var(--muted);margin:8px 0 8px 10px}.ctx.heading{font-weight:700;color:var(--fg)}
table{border-collapse:collapse;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:3px 12px;
text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.none{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.85rem;padding:12px 24px;border-top:1px solid var(--line)}
@media (max-width:760px){.layout{display:flex;flex-direction:column}.layout>*{min-width:0;max-width:100%}
nav{order:2;position:static;max-height:none;
border-right:0;border-top:1px solid var(--line)}.side{grid-template-columns:1fr}}
@media print{nav,.controls,.skip,.keys{display:none!important}.layout{display:block}main{max-width:none;padding:0}
.side{display:none!important}.inline{display:block!important}article.change{break-inside:avoid;
border-left-width:3px}body{font-size:11pt}header{padding:0 0 8px}a{color:inherit;text-decoration:none}
del,ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
""".strip()

# Keyboard navigation: j/n next change, k/p previous.  No eval, no document
# text: the script only moves the focus between the change articles.
_JS = """
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var links = {};
  Array.prototype.forEach.call(document.querySelectorAll("nav a[href^='#c']"), function (a) {
    links[a.getAttribute("href").slice(1)] = a;
  });
  function mark(id) {
    Object.keys(links).forEach(function (key) {
      if (key === id) {
        links[key].setAttribute("aria-current", "true");
      } else {
        links[key].removeAttribute("aria-current");
      }
    });
    if (links[id] && links[id].scrollIntoView) { links[id].scrollIntoView({block: "nearest"}); }
  }
  function visible(el) { return el.offsetParent !== null; }
  function go(step) {
    var shown = items.filter(visible);
    if (!shown.length) { return; }
    var at = shown.indexOf(document.activeElement), i;
    if (at >= 0) {
      i = at + step;
    } else if (step > 0) {
      for (i = 0; i < shown.length && shown[i].getBoundingClientRect().top <= 1; i++) {}
    } else {
      for (i = shown.length - 1; i >= 0 && shown[i].getBoundingClientRect().top >= -1; i--) {}
    }
    i = Math.max(0, Math.min(shown.length - 1, i));
    var target = shown[i];
    if (location.hash !== "#" + target.id) { location.hash = target.id; }
    target.scrollIntoView({block: "start"});
    target.focus({preventScroll: true});
    mark(target.id);
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var t = event.target;
    if (t && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) ||
        (t.tagName === "INPUT" && !/^(radio|checkbox)$/.test(t.type)))) { return; }
    var step = {j: 1, n: 1, k: -1, p: -1}[event.key];
    if (step) { event.preventDefault(); go(step); }
  });
  window.addEventListener("hashchange", function () { mark(location.hash.slice(1)); });
  if (location.hash) { mark(location.hash.slice(1)); }
  document.documentElement.setAttribute("data-nav", "ready");
})();
""".strip()


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def csp() -> str:
    """The Content-Security-Policy of :func:`render_html` documents.

    >>> policy = csp()
    >>> policy.startswith("default-src 'none'; ") and "'unsafe-inline'" not in policy
    True
    """
    return (
        f"default-src 'none'; style-src '{_hash(_CSS)}'; script-src '{_hash(_JS)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    """Escaped document text, clause breaks shown as a pilcrow."""
    return '<span class="brk" title="clause break">¶</span> '.join(_e(part) for part in text.split("\n"))


def _inline(change: Change | SetAsideChange) -> str:
    out = []
    for edit in change.edits:
        if edit.op is EditOp.EQUAL:
            out.append(_text(edit.text))
        elif edit.op is EditOp.DELETE:
            out.append(f"<del>{_text(edit.text)}</del>")
        else:
            out.append(f"<ins>{_text(edit.text)}</ins>")
    return "".join(out)


def _one_side(change: Change, keep: EditOp) -> str:
    tag = "del" if keep is EditOp.DELETE else "ins"
    out = []
    for edit in change.edits:
        if edit.op is EditOp.EQUAL:
            out.append(_e(edit.text).replace("\n", "<br>"))
        elif edit.op is keep:
            out.append(f"<{tag}>{_e(edit.text).replace(chr(10), '<br>')}</{tag}>")
    return "".join(out)


def _clauses(edition: Edition, indices: Sequence[int]) -> str:
    return "<br>".join(_e(edition.clauses[i].display) for i in indices)


def _snippet(entry: Entry, comparison: Comparison) -> str:
    change = entry.change
    if entry.assessment.findings:
        return "; ".join(f"{f.flag.value}: {f}" for f in entry.assessment.findings)
    if change.kind in (ChangeKind.REWORDED, ChangeKind.MOVED, ChangeKind.SPLIT, ChangeKind.MERGED) and change.edits:
        changed = [e.text.strip() for e in change.edits if e.op is not EditOp.EQUAL and e.text.strip()]
        if changed:
            return " · ".join(changed)[:90]
    edition, indices = (comparison.new, change.new) if change.new else (comparison.old, change.old)
    return edition.clauses[indices[0]].text[:90]


def _significance(entry: Entry) -> str:
    assessment = entry.assessment
    if assessment.significance is Significance.NONE:
        return ""
    if assessment.significance is Significance.COSMETIC:
        reasons = ", ".join(c.value for c in assessment.cosmetic)
        return f'<p class="sig"><span class="badge">cosmetic</span> {_e(reasons)}</p>'
    if entry.change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) and not assessment.findings:
        return ""
    parts = ['<span class="badge substantive">substantive</span>']
    if assessment.changes_obligation:
        parts.append('<span class="badge flag">⚠ obligation</span>')
    if assessment.changes_fact:
        parts.append('<span class="badge flag">⚠ fact</span>')
    details = "; ".join(f"{f.flag.value}: {_e(str(f))}" for f in assessment.findings)
    return f'<p class="sig">{" ".join(parts)} {details}</p>'


def _where(comparison: Comparison, change: Change) -> str:
    old, new = locate(change.old, comparison.old), locate(change.new, comparison.new)
    if old and new:
        return f"old {_e(old)} → new {_e(new)}"
    return f"old {_e(old)}" if old else f"new {_e(new)}"


def _entry(report: Report, entry: Entry, *, side_by_side: bool = True) -> str:
    comparison = report.comparison
    change = entry.change
    if entry.moved_from:
        return (
            f'<p class="ctx moved-from"><span class="sign" aria-hidden="true">{KIND_SIGNS[change.kind]}</span> '
            f'<a href="#{entry.anchor}">{entry.number}. Moved from here</a> ({_where(comparison, change)})</p>'
        )
    if entry.is_context:
        clause = comparison.new.clauses[change.new[0]] if change.new else comparison.old.clauses[change.old[0]]
        heading = " heading" if clause.kind.value == "heading" else ""
        return f'<p class="ctx{heading}" id="{entry.anchor}">{_e(clause.display)}</p>'
    kind = change.kind.value
    sig = entry.assessment.significance.value + (" hideable" if cosmetic_only(entry) else "")
    head = (
        f'<h3 id="{entry.anchor}-h"><span><span class="sign" aria-hidden="true">{KIND_SIGNS[change.kind]}</span> '
        f"{entry.number}. {_e(entry_title(entry).capitalize())}</span>"
        f'<span class="where">{_where(comparison, change)}'
        + (
            f" · similarity {change.similarity:.2f}"
            if change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED) and change.similarity < 1
            else ""
        )
        + "</span></h3>"
    )
    parts = [
        f'<article class="change k-{kind} sig-{sig}" id="{entry.anchor}" tabindex="-1" '
        f'aria-labelledby="{entry.anchor}-h">',
        head,
    ]
    if change.kind is ChangeKind.MOVED:
        sections = report.section_moves.get(entry.index, ((), ()))
        old_section, new_section = (" › ".join(section) for section in sections)
        old_in = f" (in {_e(old_section)})" if old_section else ""
        new_in = f" (in {_e(new_section)})" if new_section else ""
        parts.append(
            f'<p class="meta">Moved from old {_e(locate(change.old, comparison.old))}{old_in} '
            f"to new {_e(locate(change.new, comparison.new))}{new_in}.</p>"
        )
    if change.relabeled:
        old_label = comparison.old.clauses[change.old[0]].label or "none"
        new_label = comparison.new.clauses[change.new[0]].label or "none"
        parts.append(f'<p class="meta">Number label: {_e(old_label)} → {_e(new_label)}</p>')
    if change.relinked:
        old_links = ", ".join(link_targets(comparison.old, change.old)) or "none"
        new_links = ", ".join(link_targets(comparison.new, change.new)) or "none"
        parts.append(f'<p class="meta">Link targets: {_e(old_links)} → {_e(new_links)}</p>')
    parts.append(_significance(entry))
    if change.kind is ChangeKind.ADDED:
        text = _clauses(comparison.new, change.new)
        parts.append(f'<div class="text"><p class="added-text"><ins>{text}</ins></p></div>')
    elif change.kind is ChangeKind.REMOVED:
        text = _clauses(comparison.old, change.old)
        parts.append(f'<div class="text"><p class="removed-text"><del>{text}</del></p></div>')
    elif not change.edits:
        parts.append(f'<div class="text"><p>{_clauses(comparison.new, change.new)}</p></div>')
    else:
        parts.append(f'<div class="text inline"><p>{_inline(change)}</p></div>')
        if side_by_side:
            parts.append(
                '<div class="text side">'
                f'<div class="old"><h4>Old</h4><p>{_one_side(change, EditOp.DELETE)}</p></div>'
                f'<div class="new"><h4>New</h4><p>{_one_side(change, EditOp.INSERT)}</p></div>'
                "</div>"
            )
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def _header(report: Report, *, controls: bool) -> str:
    comparison = report.comparison
    old = _e(edition_name(comparison.old, "old"))
    new = _e(edition_name(comparison.new, "new"))
    counts = "".join(
        f'<li class="k-{kind.value}"><span class="sign" aria-hidden="true">{KIND_SIGNS[kind]}</span> '
        f"{n} {kind.value}</li>"
        for kind, n in kind_counts(report)
    )
    if report.renumbered:
        counts += f"<li>{plural(report.renumbered, 'clause')} renumbered</li>"
    if report.set_aside:
        counts += f'<li><a href="#set-aside">{plural(len(report.set_aside), "set-aside difference")}</a></li>'
    sig = report.significance
    lines = [
        "<header>",
        f'<h1>What changed: <span class="ed">{old}</span> → <span class="ed">{new}</span></h1>',
        f'<p class="summary">{len(comparison.old.clauses)} → {len(comparison.new.clauses)} clauses · '
        f"<strong>{percent(report.share_changed)}</strong> of the text changed "
        f"({report.words_changed} of {report.words_total} words deleted or inserted)</p>",
        f'<ul class="counts" aria-label="Clauses by kind of change">{counts}</ul>',
    ]
    if report.listed:
        lines.append(
            f'<p class="summary"><strong>{plural(report.listed, "change")}</strong>: '
            f"{sig[Significance.SUBSTANTIVE]} substantive ({report.obligation} touching an obligation, "
            f"{report.fact} a fact), {sig[Significance.COSMETIC]} cosmetic, "
            f"{sig[Significance.NONE]} with the same words (moves, renumbering, splits, merges)</p>"
        )
    elif report.set_aside:
        lines.append(
            '<p class="summary"><strong>No clause changed</strong> (same clauses, same order, same words), '
            'but <a href="#set-aside">the text the editions set aside differs</a>.</p>'
        )
    else:
        lines.append('<p class="summary"><strong>No changes.</strong> Same clauses, same order, same words.</p>')
    if report.hidden:
        lines.append(f'<p class="summary">{_e(report.hidden_note)}.</p>')
    if controls:
        lines.append(
            '<div class="controls"><span>View:</span>'
            '<label for="view-inline">Inline</label><label for="view-side">Side by side</label>'
            '<label for="hide-cosmetic">Hide cosmetic</label>'
            '<span class="keys">Keys: <kbd>j</kbd> or <kbd>n</kbd> next change, '
            "<kbd>k</kbd> or <kbd>p</kbd> previous</span></div>"
        )
    lines.append("</header>")
    return "\n".join(lines)


def _nav(report: Report) -> str:
    comparison = report.comparison
    changes = report.changes
    items = []
    for entry in changes:
        change = entry.change
        flags = ""
        if entry.assessment.changes_obligation:
            flags += ' <span class="badge flag">⚠ obligation</span>'
        if entry.assessment.changes_fact:
            flags += ' <span class="badge flag">⚠ fact</span>'
        items.append(
            f'<li class="sig-{entry.assessment.significance.value}{" hideable" if cosmetic_only(entry) else ""}">'
            f'<a href="#{entry.anchor}">'
            f'<span class="sign" aria-hidden="true">{KIND_SIGNS[change.kind]}</span> '
            f'<span class="num">{entry.number}.</span> {_e(entry_title(entry))} '
            f'<span class="where">{_where(comparison, change)}</span>{flags}'
            f'<span class="snip">{_e(_snippet(entry, comparison))}</span></a></li>'
        )
    by_kind = {kind: sum(1 for e in changes if e.change.kind is kind) for kind in KIND_ORDER}
    summary = ", ".join(f"{n} {kind.value}" for kind, n in by_kind.items() if n)
    if items:
        body = "\n".join(items)
    elif report.set_aside:
        body = '<li class="none">No clause changed: see <a href="#set-aside">set aside, but different</a>.</li>'
    else:
        body = '<li class="none">No changes.</li>'
    return (
        '<nav id="toc" aria-label="List of changes">'
        f"<h2>Changes ({len(changes)})</h2>"
        + (f'<p class="meta">{_e(summary)}</p>' if summary else "")
        + f"<ol>\n{body}\n</ol></nav>"
    )


def _set_aside(report: Report) -> str:
    """The differences in set-aside text, as a section after the changes."""
    if not report.set_aside:
        return ""
    items = "\n".join(
        f'<li class="k-{change.kind.value}"><span class="sign" aria-hidden="true">{KIND_SIGNS[change.kind]}</span> '
        f'{_e(change.kind.value.capitalize())} <span class="where">{_e(set_aside_where(report.comparison, change))}'
        f"</span>: {_inline(change)}</li>"
        for change in report.set_aside
    )
    return (
        '<section id="set-aside" aria-labelledby="set-aside-h">'
        '<h2 class="sec" id="set-aside-h">Set aside in both editions, but different</h2>'
        '<p class="meta">Text the reader set aside (boilerplate, duplicates, page furniture) is not compared '
        f"clause by clause, but it differs:</p><ol>\n{items}\n</ol></section>"
    )


def _terms(report: Report) -> str:
    if not report.terms:
        return ""
    rows = "".join(
        f'<tr><td>{_e(t.term)}</td><td class="n">{t.old_count}</td><td class="n">{t.new_count}</td>'
        f'<td class="n">{t.new_count - t.old_count:+d}</td></tr>'
        for t in report.terms
    )
    return (
        '<section aria-labelledby="terms-h"><h2 class="sec" id="terms-h">Terms whose use shifted most</h2>'
        '<table><thead><tr><th scope="col">term</th><th scope="col">old</th><th scope="col">new</th>'
        f'<th scope="col">shift</th></tr></thead><tbody>{rows}</tbody></table></section>'
    )


def _body(report: Report, *, side_by_side: bool, limit: int | None = None) -> str:
    parts = []
    grouped = report.options.context is Context.CHANGES and any(e.section for e in report.entries)
    section: tuple[str, ...] | None = None
    entries = report.entries if limit is None else report.entries[:limit]
    for entry in entries:
        if grouped and entry.section != section:
            section = entry.section
            parts.append(f'<h2 class="sec">{_e(" › ".join(section) or "Before the first heading")}</h2>')
        parts.append(_entry(report, entry, side_by_side=side_by_side))
    if len(entries) < len(report.entries):
        rest = plural(len(report.entries) - len(entries), "more entry", "more entries")
        parts.append(f'<p class="none">… and {rest}; conceptdiff.render.render_html shows them all.</p>')
    if not report.entries and not report.set_aside:
        parts.append('<p class="none">No changes to show.</p>')
    return "\n".join(parts)


def render_html(comparison: Comparison, *, options: ReportOptions | None = None) -> str:
    """The comparison as one standalone HTML document (see the module docstring).

    >>> from conceptdiff import Edition, compare
    >>> page = render_html(compare(Edition.from_clauses(["Pay <b>30</b> days."]),
    ...                            Edition.from_clauses(["Pay <b>60</b> days."])))
    >>> "&lt;b&gt;" in page and "<b>" not in page
    True
    >>> "<del>30</del><ins>60</ins>" in page
    True
    """
    report = build_report(comparison, options)
    old = edition_name(comparison.old, "old")
    new = edition_name(comparison.new, "new")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{csp()}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="conceptdiff {_e(__version__)}">',
            f"<title>What changed: {_e(old)} → {_e(new)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#changes">Skip to the changes</a>',
            '<input type="radio" name="view" id="view-inline" class="view-toggle" checked>',
            '<input type="radio" name="view" id="view-side" class="view-toggle">',
            '<input type="checkbox" id="hide-cosmetic" class="view-toggle">',
            _header(report, controls=True),
            '<div class="layout">',
            _nav(report),
            '<main id="changes" tabindex="-1">',
            _body(report, side_by_side=True),
            _set_aside(report),
            _terms(report),
            "</main>",
            "</div>",
            f"<footer>Made by conceptdiff {_e(__version__)}. Signs: "
            + ", ".join(f"{KIND_SIGNS[k]} {k.value}" for k in KIND_ORDER)
            + ". Deleted text is struck through, inserted text underlined.</footer>",
            f"<script>{_JS}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


_FRAGMENT_CSS = """
.cdiff{font:14px/1.5 system-ui,sans-serif;max-width:960px}
.cdiff h1{font-size:1.2em;margin:0 0 4px}.cdiff h2.sec{font-size:1em;margin:16px 0 4px;color:#666}
.cdiff .summary,.cdiff .where,.cdiff .meta{color:#666}.cdiff .counts{list-style:none;padding:0;display:flex;
flex-wrap:wrap;gap:6px}.cdiff .counts li{border:1px solid #ccc;border-radius:999px;padding:0 8px}
.cdiff article.change{border:1px solid #ccc;border-left-width:4px;border-radius:4px;padding:6px 10px;margin:8px 0}
.cdiff article h3{font-size:1em;margin:0}.cdiff .badge{border:1px solid #999;border-radius:3px;padding:0 4px;
font-size:.85em}.cdiff .badge.flag{background:#fff1cc;color:#7a4b00}
.cdiff del{color:#8f1d1d;background:#fde8e8;text-decoration:line-through}
.cdiff ins{color:#14532d;background:#dcf5e3;text-decoration:underline}
.cdiff .sign{font-weight:700}.cdiff .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.cdiff{position:relative}.cdiff article h3{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.cdiff del+ins{margin-left:.2em}.cdiff del::before,.cdiff del::after,.cdiff ins::before,.cdiff ins::after{
position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(100%);white-space:nowrap}
.cdiff del::before{content:" [deleted: "}.cdiff ins::before{content:" [inserted: "}
.cdiff del::after,.cdiff ins::after{content:"] "}
""".strip()


def render_html_fragment(comparison: Comparison, *, options: ReportOptions | None = None, limit: int = 200) -> str:
    """The report as an HTML fragment (scoped CSS, no script, at most
    ``limit`` entries), for notebooks: ``Comparison._repr_html_`` returns this.

    >>> from conceptdiff import Edition, compare
    >>> fragment = render_html_fragment(compare(Edition.from_clauses(["a <i>b</i> c"]),
    ...                                         Edition.from_clauses(["a <i>b</i> d"])))
    >>> fragment.startswith('<div class="cdiff">') and "<script" not in fragment and "&lt;i&gt;" in fragment
    True
    """
    report = build_report(comparison, options)
    return (
        '<div class="cdiff">'
        f"<style>{_FRAGMENT_CSS}</style>"
        f"{_header(report, controls=False)}"
        f"{_body(report, side_by_side=False, limit=limit)}"
        f"{_set_aside(report)}"
        f"{_terms(report)}"
        "</div>"
    )
