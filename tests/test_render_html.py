"""The HTML redline and the notebook view: well-formed, self-contained, escaped, complete."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

import conceptdiff
from conceptdiff.model import ChangeKind, EditOp
from conceptdiff.render import ReportOptions, render_html, render_html_fragment
from conceptdiff.render._report import build_report

from .conftest import PAIRS

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})  # fmt: skip


class Document(HTMLParser):
    """Parses a page, checks that every element is closed in order, and keeps
    what the tests look at: elements with their attributes, and the text
    inside each kind of element."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"not closed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.stack.append(tag)
        if tag in self.raw:
            self.raw[tag].append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] in self.raw:
            self.raw[self.stack[-1]][-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def ids(self) -> list[str]:
        return [str(attrs["id"]) for _, attrs in self.elements if attrs.get("id")]


def well_formed(page: str) -> Document:
    document = Document(page)
    assert document.errors == [], document.errors[:5]
    return document


def _pair(name: str) -> conceptdiff.Comparison:
    return conceptdiff.compare(
        conceptdiff.Edition.from_path(PAIRS / name / "old.txt"),
        conceptdiff.Edition.from_path(PAIRS / name / "new.txt"),
    )


PLANTED = "<script>alert('pwned')</script>"


def _planted() -> conceptdiff.Comparison:
    old = conceptdiff.Edition.from_clauses(
        [f"Members may vote {PLANTED}.", "Fees & charges <b>apply</b>.", 'A "quoted" <img src=x onerror=alert(1)>.'],
        label="old <i>one</i>",
    )
    new = conceptdiff.Edition.from_clauses(
        [f"Members shall vote {PLANTED}.", 'A "quoted" <img src=x onerror=alert(2)>.', "New </p></article> clause."],
        label="new",
    )
    return conceptdiff.compare(old, new)


def test_the_page_is_well_formed_and_self_contained() -> None:
    page = render_html(_pair("moved_and_reworded"))
    document = well_formed(page)
    assert page.startswith("<!DOCTYPE html>")
    # No external asset of any kind: every link is to an anchor in the page.
    for tag, attrs in document.elements:
        assert "src" not in attrs, tag
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert not document.tags("link") and not document.tags("img") and not document.tags("iframe")
    style = document.raw["style"][0]
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"\b(?:https?:|//)", document.raw["script"][0])


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_content_security_policy_allows_only_the_page_s_own_style_and_script() -> None:
    document = well_formed(render_html(_pair("reworded_obligation")))
    [meta] = [m for m in document.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = {
        part.split()[0]: part.split()[1:] for part in str(meta["content"]).split(";") if part.strip()
    }  # directive -> sources
    assert policy["default-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    [style], [script] = document.raw["style"], document.raw["script"]
    assert policy["style-src"] == [f"'{_sha(style)}'"]
    assert policy["script-src"] == [f"'{_sha(script)}'"]
    assert all("unsafe" not in source for sources in policy.values() for source in sources)


def test_document_text_is_escaped() -> None:
    page = render_html(_planted())
    document = well_formed(page)
    assert len(document.tags("script")) == 1  # the page's own
    assert not document.tags("img") and not document.tags("b") and not document.tags("i")
    text = "".join(document.text)
    assert PLANTED in text and "<img src=x onerror=alert(2)>" in text and "</p></article>" in text
    assert "old <i>one</i>" in text  # the edition's label, shown as written
    assert "Fees & charges <b>apply</b>." in text


def test_every_change_has_an_article_and_a_link() -> None:
    for pair in sorted(p.name for p in PAIRS.iterdir()):
        comparison = _pair(pair)
        document = well_formed(render_html(comparison))
        numbers = [e.number for e in build_report(comparison).changes]
        articles = [a["id"] for a in document.tags("article")]
        links = [a["href"] for a in document.tags("a") if re.fullmatch(r"#c\d+", str(a.get("href")))]
        assert articles == [f"c{n}" for n in numbers], pair
        assert links == [f"#c{n}" for n in numbers], pair
        assert len(set(document.ids())) == len(document.ids()), f"duplicate ids in {pair}"


def test_edits_are_semantic_ins_and_del_in_both_views() -> None:
    comparison = _pair("reworded_obligation")
    page = render_html(comparison)
    inserts = sum(1 for c in comparison.changes for e in c.edits if e.op is EditOp.INSERT)
    deletes = sum(1 for c in comparison.changes for e in c.edits if e.op is EditOp.DELETE)
    document = well_formed(page)
    # Once in the inline view, once in the side-by-side view.
    assert len(document.tags("ins")) == 2 * inserts and len(document.tags("del")) == 2 * deletes
    assert "<del>may</del><ins>shall</ins>" in page and "<ins>not </ins>" in page


def test_kinds_and_flags_are_named_not_only_coloured() -> None:
    page = render_html(_pair("reworded_obligation"))
    text = "".join(well_formed(page).text)
    assert "Reworded" in text and "⚠ obligation" in text and "⚠ fact" in text and "substantive" in text
    assert "modal: may → shall" in text and "number: 30 days → 60 days" in text and "negation: + shall not" in text


def test_moves_say_where_from_and_where_to() -> None:
    comparison = _pair("moved_and_reworded")
    [move] = [c for c in comparison.changes if c.kind is ChangeKind.MOVED]
    text = "".join(well_formed(render_html(comparison)).text)
    assert f"Moved from old #{move.old[0] + 1}" in text and f"to new #{move.new[0] + 1}" in text


def test_options_hide_cosmetic_and_show_the_whole_document() -> None:
    comparison = _pair("smart_quotes_vs_ascii")
    hidden = well_formed(render_html(comparison, options=ReportOptions(hide_cosmetic=True)))
    assert not hidden.tags("article") and "2 changes not shown (ignored: cosmetic)." in "".join(hidden.text)
    comparison = _pair("renumbered_sections")
    whole = well_formed(render_html(comparison, options=ReportOptions(context="document")))
    text = "".join(whole.text)
    for clause in comparison.new.clauses:
        assert clause.display in text


def test_notebook_view() -> None:
    comparison = _planted()
    fragment = comparison._repr_html_()
    document = well_formed(fragment)
    assert fragment == render_html_fragment(comparison)
    assert fragment.startswith('<div class="cdiff">') and not document.tags("script")
    assert [a["id"] for a in document.tags("article")] == [f"c{e.number}" for e in build_report(comparison).changes]
    assert PLANTED in "".join(document.text)


def test_notebook_view_is_bounded() -> None:
    old = conceptdiff.Edition.from_clauses([f"Clause number {n} says {n} things." for n in range(30)])
    new = conceptdiff.Edition.from_clauses([f"Clause number {n} says {n + 1} things." for n in range(30)])
    fragment = render_html_fragment(conceptdiff.compare(old, new), limit=10)
    document = well_formed(fragment)
    assert len(document.tags("article")) == 10 and "… and 20 more entries" in "".join(document.text)


def test_no_changes() -> None:
    document = well_formed(render_html(_pair("identical")))
    assert not document.tags("article") and "No changes." in "".join(document.text)


@pytest.mark.parametrize("bad", ["everything", 3])
def test_bad_context_is_an_error(bad: object) -> None:
    with pytest.raises(conceptdiff.InvalidOptionsError, match="context"):
        ReportOptions(context=bad)  # type: ignore[arg-type]
