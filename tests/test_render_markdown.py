"""The Markdown summary, read back by a CommonMark parser (markdown-it-py, with
GitHub's strikethrough and tables) as a reader's tool would read it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import conceptdiff
from conceptdiff.model import ChangeKind
from conceptdiff.render import ReportOptions, render_markdown
from conceptdiff.render._report import build_report
from conceptdiff.render.markdown import escape_markdown, redline

from .conftest import PAIRS

# Raw HTML on, as on most Markdown sites: escaping must not rely on the site to sanitize.
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough", "table"])


class Text(HTMLParser):
    """The text of rendered HTML, leaving out the elements named in ``skip``; and the tags met."""

    def __init__(self, html: str, skip: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.skip, self.depth, self.parts, self.tags = skip, 0, [], []  # type: ignore[var-annotated]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.depth += tag in self.skip

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in self.skip

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()


def _pair(name: str) -> conceptdiff.Comparison:
    return conceptdiff.compare(
        conceptdiff.Edition.from_path(PAIRS / name / "old.txt"),
        conceptdiff.Edition.from_path(PAIRS / name / "new.txt"),
    )


def _shown(text: str) -> str:
    """What a clause's text looks like once printed: control characters escaped, spacing collapsed."""
    out = []
    for char in text:
        code = ord(char)
        if char in "\t\n":
            out.append(char)
        elif char == "\r":
            out.append("\\r")
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif char in "\u200e\u200f\u2028\u2029" or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return re.sub(r"\s+", " ", "".join(out)).strip()


_ALLOWED_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "em", "s", "blockquote", "ul", "ol", "li",
                           "table", "thead", "tbody", "tr", "th", "td"})  # fmt: skip


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_escaped_text_renders_as_itself(text: str) -> None:
    """The rule: a document's text, escaped, renders to exactly that text and to no markup at all."""
    shown = _shown(text)
    rendered = Text(MARKDOWN.render(escape_markdown(text, block=True)))
    assert set(rendered.tags) <= {"p"}
    assert rendered.text == re.sub(r"\s+", " ", shown).strip()


_WORDS = ["Members", "may", "shall", "vote", "30", "days", "*", "**", "_x_", "~~", "[a](b)", "<b>", "`c`", "#", "|",
          "\\", "$x$", "&amp;", "1.", "-", "“Work”", "co-op", "fee,", "income.", "not"]  # fmt: skip


@settings(max_examples=150)
@given(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14), st.data())
def test_redline_keeps_both_texts(words: list[str], data: st.DataObject) -> None:
    """Read without the struck words, a redline is the new text; without the emphasized ones, the old."""
    new_words = list(words)
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        at = data.draw(st.integers(0, len(new_words) - 1), label="at")
        action = data.draw(st.sampled_from(["replace", "insert", "delete", "glue"]), label="action")
        word = data.draw(st.sampled_from(_WORDS), label="word")
        if action == "replace":
            new_words[at] = word
        elif action == "insert":
            new_words.insert(at, word)
        elif action == "delete" and len(new_words) > 1:
            del new_words[at]
        elif action == "glue" and at + 1 < len(new_words):
            new_words[at : at + 2] = [new_words[at] + new_words[at + 1]]
    old_text, new_text = "x " + " ".join(words), "x " + " ".join(new_words)
    comparison = conceptdiff.compare(
        conceptdiff.Edition.from_clauses([old_text]), conceptdiff.Edition.from_clauses([new_text])
    )
    for change in comparison.changes:
        if not change.edits or change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            continue
        html = MARKDOWN.render(redline(change.edits))
        assert set(Text(html).tags) <= {"p", "s", "strong"}
        assert Text(html, skip=frozenset({"s"})).text == _shown(change.new_text)
        assert Text(html, skip=frozenset({"strong"})).text == _shown(change.old_text)


def test_headline_counts_and_share() -> None:
    comparison = _pair("reworded_obligation")
    report = build_report(comparison)
    markdown = render_markdown(comparison)
    text = Text(MARKDOWN.render(markdown)).text
    assert "What changed: old.txt → new.txt" in text
    assert f"{comparison.counts[ChangeKind.REWORDED]} reworded" in text
    share = f"{100 * report.words_changed / report.words_total:.1f}% of the text changed"
    assert share in text


def test_changes_are_grouped_by_section_in_reading_order() -> None:
    old = conceptdiff.Edition.from_text(
        "# Fees\n\nMembers may pay within 30 days.\n\n# Voting\n\nMembers vote by show of hands.\n"
    )
    new = conceptdiff.Edition.from_text(
        "# Fees\n\nMembers shall pay within 60 days.\n\n# Voting\n\nMembers vote by secret ballot today.\n"
    )
    markdown = render_markdown(conceptdiff.compare(old, new))
    headings = re.findall(r"^(#{3,4}) (.*)$", markdown, flags=re.M)
    assert [h for h in headings if h[0] == "###"] == [("###", "Fees"), ("###", "Voting")]
    assert markdown.index("### Fees") < markdown.index("Members ~~may~~ **shall**") < markdown.index("### Voting")


def test_moves_say_where_from_and_where_to() -> None:
    comparison = _pair("moved_and_reworded")
    [move] = [c for c in comparison.changes if c.kind is ChangeKind.MOVED]
    markdown = render_markdown(comparison)
    assert (
        f"Moved from old #{move.old[0] + 1} (label Article 2) to new #{move.new[0] + 1} (label Article 5)." in markdown
    )


def test_every_change_appears_with_old_and_new_text() -> None:
    for pair in sorted(p.name for p in PAIRS.iterdir()):
        comparison = _pair(pair)
        markdown = render_markdown(comparison)
        text = Text(MARKDOWN.render(markdown)).text
        for entry in build_report(comparison).changes:
            assert f"#### {entry.number}. " in markdown, pair
            for side, edition in (("old", comparison.old), ("new", comparison.new)):
                indices = getattr(entry.change, side)
                if side == "old" and not entry.change.edits:
                    continue  # same text: shown once, as it now reads
                for i in indices:
                    assert _shown(edition.clauses[i].display) in text, (pair, side, i)


def test_whole_document_context_shows_every_clause() -> None:
    comparison = _pair("renumbered_sections")
    text = Text(MARKDOWN.render(render_markdown(comparison, options=ReportOptions(context="document")))).text
    for clause in comparison.new.clauses:
        assert clause.display in text
    # Only the changes otherwise: an unchanged clause is not shown.
    changes_only = Text(MARKDOWN.render(render_markdown(comparison))).text
    assert "This Regulation applies to all member organisations" not in changes_only


def test_hide_cosmetic() -> None:
    comparison = _pair("smart_quotes_vs_ascii")
    shown = render_markdown(comparison)
    hidden = render_markdown(comparison, options=ReportOptions(hide_cosmetic=True))
    assert shown.count("#### ") == 2 and "cosmetic (quotes, punctuation)" in shown
    assert hidden.count("#### ") == 0 and "2 changes not shown (ignored: cosmetic)." in hidden
    # Substantive changes are never hidden.
    obligation = render_markdown(_pair("reworded_obligation"), options=ReportOptions(hide_cosmetic=True))
    assert obligation.count("#### ") == 2


def test_planted_markup_stays_text() -> None:
    old = conceptdiff.Edition.from_clauses(["Members may vote <script>alert(1)</script> **now** [x](javascript:y)."])
    new = conceptdiff.Edition.from_clauses(["Members shall vote <script>alert(1)</script> **now** [x](javascript:y)."])
    markdown = render_markdown(conceptdiff.compare(old, new), options=ReportOptions(terms=0))
    assert "<script>" not in markdown
    rendered = Text(MARKDOWN.render(markdown))
    assert set(rendered.tags) <= _ALLOWED_TAGS
    assert "<script>alert(1)</script> **now** [x](javascript:y)." in rendered.text


def test_the_table_of_shifted_terms() -> None:
    old = conceptdiff.Edition.from_clauses(["Members may vote.", "Members may speak.", "The chair may close."])
    new = conceptdiff.Edition.from_clauses(["Members shall vote.", "Members shall speak.", "The chair shall close."])
    markdown = render_markdown(conceptdiff.compare(old, new))
    assert "| may | 3 | 0 | -3 |" in markdown and "| shall | 0 | 3 | +3 |" in markdown
    assert "<table>" in MARKDOWN.render(markdown)
    assert "Terms whose use shifted" not in render_markdown(
        conceptdiff.compare(old, new), options=ReportOptions(terms=0)
    )
