"""The HTML reader (conceptdiff.read.html): blocks of a page, its furniture set aside, the audit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conceptdiff import Edition, Options
from conceptdiff.read import BlockKind, read_text
from conceptdiff.read.html import looks_like_html, read_html, read_html_fragment

from .conftest import FIXTURES

PAGE = (FIXTURES / "quirks" / "html_page.html").read_text(encoding="utf-8")


def audit(source: str, spans: list[tuple[int, int]]) -> None:
    """Every non-white-space character in exactly one span; spans disjoint."""
    covered = [0] * len(source)
    for start, end in spans:
        assert 0 <= start < end <= len(source)
        for i in range(start, end):
            covered[i] += 1
    assert all(count <= 1 for count in covered), "spans overlap"
    assert all(covered[i] or char.isspace() for i, char in enumerate(source)), "a character is in no span"


def spans_of(document: object) -> list[tuple[int, int]]:
    blocks = document.blocks  # type: ignore[attr-defined]
    dropped = document.dropped  # type: ignore[attr-defined]
    return [span for block in blocks for span in block.spans] + [(d.start, d.end) for d in dropped]


def test_a_page_reads_as_its_article_with_navigation_scripts_and_footer_set_aside() -> None:
    document = read_html(PAGE)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "New Foreign Policy Concept Approved"),
        ("paragraph", "President Vladimir Putin announced on Friday that he had signed a decree adopting the new "
                      "foreign policy concept of the country."),
        ("heading", "National Interests"),
        ("list_item", "the protection of the constitutional order, sovereignty and independence of the state;"),
        ("list_item", "maintaining strategic stability and strengthening international peace and security;"),
        ("paragraph", "The concept is legally based on the Constitution and on the generally recognized principles "
                      "of international law."),
    ]  # fmt: skip
    boilerplate = {d.text for d in document.dropped if d.reason == "boilerplate"}
    assert {"Home", "World", "The Daily Example", "Related: other stories you may like"} <= boilerplate
    assert not any("window.track" in b.text or "#333" in b.text for b in document.blocks)
    audit(PAGE, spans_of(document))


def test_heading_levels_ordered_list_labels_and_nesting() -> None:
    page = (
        "<h1>Act</h1><h3>Part 1</h3><ol start='3'><li>Third<ol type='a'><li>sub</li></ol></li>"
        "<li value='7'>Seventh</li></ol><ol type='I'><li>One</li><li>Two</li></ol>"
    )
    blocks = read_html(page).blocks
    assert [(b.kind.value, b.level, b.label, b.depth, b.text) for b in blocks] == [
        ("heading", 1, None, 0, "Act"),
        ("heading", 3, None, 0, "Part 1"),
        ("list_item", 0, "3", 0, "Third"),
        ("list_item", 0, "a", 1, "sub"),
        ("list_item", 0, "7", 0, "Seventh"),
        ("list_item", 0, "I", 0, "One"),
        ("list_item", 0, "II", 0, "Two"),
    ]


def test_tables_are_read_by_row_with_the_header_as_context() -> None:
    page = (
        "<table><thead><tr><th>Term</th><th>Meaning</th></tr></thead>"
        "<tbody><tr><td>Work</td><td>the <b>program</b><br>as a whole</td></tr>"
        "<tr><td>You</td><td><p>the licensee</p></td></tr></tbody></table>"
    )
    blocks = read_html(page).blocks
    assert [(b.kind, b.text, b.context) for b in blocks] == [
        (BlockKind.TABLE_ROW, "Term | Meaning", None),
        (BlockKind.TABLE_ROW, "Work | the program as a whole", "Term | Meaning"),
        (BlockKind.TABLE_ROW, "You | the licensee", "Term | Meaning"),
    ]


def test_pre_is_one_code_block_with_its_lines() -> None:
    page = "<p>Run:</p><pre><code>if x:\n    y()\n</code></pre><p>Then stop.</p>"
    blocks = read_html(page).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Run:"),
        (BlockKind.CODE, "if x:\n    y()"),
        (BlockKind.PARAGRAPH, "Then stop."),
    ]


def test_a_highlighted_codes_comments_are_code_not_a_pages_comments() -> None:
    # highlight.js marks a comment <span class="hljs-comment">: a highlighter's class, not the
    # page's comments section (Node's API pages lost every comment of their examples).
    page = (
        '<p>Use it:</p><pre><code class="language-bash">corepack use pnpm@7.x '
        '<span class="hljs-comment"># sets the latest 7.x version</span>\n'
        'corepack use yarn@* <span class="hljs-comment"># sets the latest version</span></code></pre>'
    )
    document = read_html(page)
    assert [b.text for b in document.blocks] == [
        "Use it:",
        "corepack use pnpm@7.x # sets the latest 7.x version\ncorepack use yarn@* # sets the latest version",
    ]
    audit(page, spans_of(document))


def test_a_footnotes_link_back_is_markup_and_a_figures_number_its_label() -> None:
    page = (
        '<p>Overflow checks are enabled.<sup><a href="#fn-1" id="fr-1-1">1</a></sup></p>'
        '<p><img src="fig1.png" alt="a shell"></p><p class="caption">Fig. 2.\u2003hello-rust-integer program.</p>'
        '<ol class="footnote-definition"><li id="fn-1"><p>See the u32 docs for more information. '
        '<a href="#fr-1-1">\u21a9</a></p></li></ol>'
    )
    document = read_html(page)
    assert [b.text for b in document.blocks][-1] == "See the u32 docs for more information."
    audit(page, spans_of(document))
    # The caption's number is its label, as a section's is ("Fig. 2", like "Article 12").
    clauses = Edition.from_text(f"<html><body>{page}</body></html>", options=Options(flag_languages=False)).clauses
    assert [(c.label, c.text) for c in clauses][1] == ("Fig. 2", "hello-rust-integer program.")


def test_br_ends_a_line_that_ends_a_sentence_and_joins_a_wrapped_one() -> None:
    page = "<div>The Licensee may use<br>the Work.<br>The Licensor keeps<br>\nits rights.<br><br>Notices</div>"
    assert [b.text for b in read_html(page).blocks] == [
        "The Licensee may use the Work.",
        "The Licensor keeps its rights.",
        "Notices",
    ]


def test_a_hard_wrapped_text_laid_out_with_br_and_nbsp_is_read_by_the_layout_model() -> None:
    # The Valgrind manual's GPL page: the licence as one <p>, a <br> at each line end, its
    # indents and centred lines in &nbsp;.
    nbsp = "&nbsp;"
    lines = [
        f"{nbsp * 20}GNU GENERAL PUBLIC LICENSE",
        f"{nbsp * 23}Version 2, June 1991",
        "",
        f"{nbsp * 2}To protect your rights, we need to make restrictions that forbid",
        "anyone to deny you these rights or to ask you to surrender the rights.",
        "These restrictions translate to certain responsibilities for you if you",
        "distribute copies of the software, or if you modify it.",
        "",
        f"{nbsp * 2}0. This License applies to any program or other work which contains",
        "a notice placed by the copyright holder saying it may be distributed",
        'under the terms of this General Public License.  The "Program", below,',
        'refers to any such program or work, and a "work based on the Program"',
        "means either the Program or any derivative work under copyright law:",
        "that is to say, a work containing the Program or a portion of it.",
    ]
    page = "<html><body><h1>1. The GNU General Public License</h1><p>" + "<br>\n".join(lines) + "</p></body></html>"
    document = read_html(page)
    assert [(b.kind.value, b.label, b.text[:40], b.level) for b in document.blocks] == [
        ("heading", None, "1. The GNU General Public License", 1),
        ("heading", None, "GNU GENERAL PUBLIC LICENSE", 2),
        ("paragraph", None, "Version 2, June 1991", 0),
        ("paragraph", None, "To protect your rights, we need to make ", 0),
        ("list_item", "0", "This License applies to any program or o", 0),
    ]
    assert document.blocks[-1].text.endswith("that is to say, a work containing the Program or a portion of it.")
    assert document.blocks[3].text.endswith("or if you modify it.")
    audit(page, spans_of(document))
    for block in document.blocks:  # each block's span holds its words, the entities around them outside it
        ((start, end),) = block.spans
        assert block.text.split()[-1] in page[start:end] and not page[start:end].startswith("&")


def test_br_in_an_item_ends_the_item_at_a_finished_line_and_its_other_lines_are_a_paragraph() -> None:
    page = (
        "<ul><li>Build system, portability:<br>Add CMake build files<br>Fix the link.</li></ul>"
        "<blockquote><ul><li>Quoted item:<br>its further line.</li></ul></blockquote><h2>Terms<br>of use</h2>"
    )
    assert [(b.kind.value, b.text, "quote" in b.flags) for b in read_html(page).blocks] == [
        ("list_item", "Build system, portability:", False),
        ("paragraph", "Add CMake build files Fix the link.", False),
        ("list_item", "Quoted item:", False),
        ("quote", "its further line.", True),
        ("heading", "Terms of use", False),
    ]


def test_entities_are_decoded_and_permalink_marks_and_hidden_text_dropped() -> None:
    page = (
        '<h2>Scope<a class="headerlink" href="#scope">¶</a></h2>'
        '<p>A&nbsp;&mdash;&nbsp;B &amp; C<span style="display: none">secret</span></p>'
    )
    assert [b.text for b in read_html(page).blocks] == ["Scope", "A — B & C"]


def test_links_are_kept_with_their_block_not_in_its_text() -> None:
    block = read_html('<p>See <a href="https://x.org/terms">the terms</a>.</p>').blocks[0]
    assert block.text == "See the terms." and block.links == ("https://x.org/terms",)


def test_blockquotes_are_quote_blocks() -> None:
    blocks = read_html("<blockquote><p>We will act.</p></blockquote><p>He said.</p>").blocks
    assert [(b.kind, "quote" in b.flags) for b in blocks] == [(BlockKind.QUOTE, True), (BlockKind.PARAGRAPH, False)]


_BODY = " ".join(
    f"Sentence {n} of the main text explains the rules that the members agreed to follow." for n in range(8)
)


def _page_without_landmarks(main: str, after: str = "") -> str:
    """A page with no <main>: a menu, the main text, perhaps a box after it, a footer."""
    return (
        "<html><body><div class='top'><a href='/'>Site</a> <a href='/a'>About</a></div>"
        f"<div><h1>The Rules</h1><p>{_BODY}</p>{main}</div>{after}"
        "<div>Copyright 2024 Example Media Group</div></body></html>"
    )


def test_a_page_without_landmarks_keeps_its_main_text_by_the_extractor() -> None:
    pytest.importorskip("trafilatura")
    page = _page_without_landmarks(
        f"<p>{_BODY.replace('Sentence', 'Clause')}</p>", "<div><span>Recommended for you</span></div>"
    )
    edition = Edition.from_text(page, options=Options(flag_languages=False))
    assert [c.text[:12] for c in edition.clauses] == ["The Rules", "Sentence 0 o", "Clause 0 of "]
    set_aside = " ".join(d.text for d in edition.dropped if d.reason == "boilerplate")
    assert all(text in set_aside for text in ("Site", "About", "Recommended for you", "Copyright 2024 Example"))


def test_a_short_heading_inside_the_main_text_of_a_page_without_landmarks_stays() -> None:
    pytest.importorskip("trafilatura")
    page = _page_without_landmarks(
        f"<h2>Preamble</h2><p>{_BODY.replace('Sentence', 'Clause')}</p>"
        f"<h2>No Warranty</h2><p>{_BODY.replace('Sentence', 'Article')}</p>"
    )
    edition = Edition.from_text(page, options=Options(flag_languages=False))
    assert [c.text[:12] for c in edition.clauses] == [
        "The Rules", "Sentence 0 o", "Preamble", "Clause 0 of ", "No Warranty", "Article 0 of"
    ]  # fmt: skip
    assert "Site" in " ".join(d.text for d in edition.dropped if d.reason == "boilerplate")


def test_boilerplate_is_kept_when_asked() -> None:
    document = read_html(PAGE, options=Options(drop_boilerplate=False))
    assert "The Daily Example" in [b.text for b in document.blocks]


def test_a_fragment_is_read_in_place() -> None:
    source = "intro\n<table><tr><td>a</td><td>b</td></tr></table>\noutro"
    blocks, _ = read_html_fragment(source, 6, 51)
    assert [(b.text, source[slice(*b.spans[0])]) for b in blocks] == [("a | b", "a</td><td>b")]


@pytest.mark.parametrize(
    ("text", "html"),
    [("<!DOCTYPE html><html>", True), ("  <html lang='en'>", True), ("<?xml version='1.0'?>\n<html>", True),
     ("1. Scope <b>bold</b>", False), ("# Title", False)],
)  # fmt: skip
def test_html_is_sniffed_from_its_opening(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_html_is_read_from_a_file_of_any_suffix(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "page.txt"
    path.write_bytes((FIXTURES / "quirks" / "html_page.html").read_bytes())
    edition = Edition.from_path(path, options=Options(flag_languages=False))
    assert edition.clauses[0].text == "New Foreign Policy Concept Approved"
    assert not any("<" in c.text for c in edition.clauses)


_TAGS = ["<div>", "</div>", "<p>", "</p>", "</li>", "<li>", "<ul>", "<ol>", "</ol>", "<script>", "</script>",
         "<nav>", "</nav>", "x", " ", "&amp;", "<br/>", "<h2>", "</h2>", "<pre>", "</pre>", "<table>", "<tr>",
         "<td>", "</td>", "<th>", "</tr>", "<!-- c -->", "<blockquote>", "y z.", "\n", "<b>", "</b>"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_TAGS), max_size=80).map("".join))
def test_any_markup_reads_without_error_and_keeps_the_audit(markup: str) -> None:
    document = read_html(markup)
    assert all(block.text.strip() for block in document.blocks), "no empty block"
    audit(markup, spans_of(document))
    starts = [block.start for block in document.blocks]
    assert starts == sorted(starts)


_LINE_PIECES = ["The Licensee may copy the Work", "and distribute it.", "&nbsp;&nbsp;", "&nbsp;", "&amp;", "1.",
                "a)", "<b>", "</b>", "NO WARRANTY", "  ", "Copyright (C) 1991", "&lt;x&gt;", "-", ";"]  # fmt: skip


@settings(max_examples=150)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join), min_size=10, max_size=30))
def test_a_paragraph_laid_out_with_br_reads_without_error_and_keeps_the_audit(lines: list[str]) -> None:
    # Ten lines or more ended by <br>: the plain-text layout model's path (when most are full).
    page = "<html><body><h2>Terms</h2><p>" + "<br>\n".join(lines) + "</p><p>After.</p></body></html>"
    document = read_html(page)
    assert all(block.text.strip() and "&nbsp;" not in block.text for block in document.blocks)
    audit(page, spans_of(document))
    starts = [block.start for block in document.blocks]
    assert starts == sorted(starts)
    for block in document.blocks:  # a block's span starts and ends on its own characters
        start, end = block.spans[0][0], block.spans[-1][1]
        assert not page[start].isspace() and not page[end - 1].isspace()


def test_html_inside_markdown_is_read_as_html() -> None:
    text = "# Terms\n\n<table>\n<tr><td>Fee</td><td>30 days</td></tr>\n</table>\n\n<!-- a note -->\n\nEnd.\n"
    document = read_text(text, format="markdown")
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "Terms"),
        ("table_row", "Fee | 30 days"),
        ("paragraph", "End."),
    ]
    assert "<!-- a note -->" in {d.text for d in document.dropped}
    audit(text, spans_of(document))


def test_markup_that_never_closes_is_read_as_text_in_one_pass() -> None:
    from conceptdiff.read.html import _LONE, _defused

    # The standard library's parser retries such a "<" at every later one (minutes on
    # 50,000 of them); defused, they are text, at the same offsets.
    assert _defused("<a <b> <!-- x") == f"{_LONE}a <b> {_LONE}!-- x"
    assert _defused("<p>ok</p><!-- c -->") == "<p>ok</p><!-- c -->"
    for hostile in ("<a " * 20_000, "<!--" * 20_000, "<p title='" * 20_000):
        document = read_html(hostile)
        assert len(_defused(hostile)) == len(hostile)
        audit(hostile, spans_of(document))
    assert read_html("1 <a 2 <b").blocks[0].text == "1 <a 2 <b"


def test_a_list_of_links_to_the_pages_headings_is_a_table_of_contents() -> None:
    items = "".join(f'<li><a href="#s{n}">{name}</a></li>' for n, name in enumerate(("Scope", "Rights", "Contact")))
    body = "".join(
        f'<h2 id="s{n}">{name}</h2><p>The {name.lower()} section says what it says in a full sentence.</p>'
        for n, name in enumerate(("Scope", "Rights", "Contact"))
    )
    page = f"<html><body><main><h1>Privacy</h1><ul>{items}</ul>{body}</main></body></html>"
    edition = Edition.from_text(page, format="html", options=Options(flag_languages=False))
    assert [c.text for c in edition.clauses][:3] == [
        "Privacy",
        "Scope",
        "The scope section says what it says in a full sentence.",
    ]
    assert [d.text for d in edition.dropped if d.reason == "table-of-contents"] == ["Scope", "Rights", "Contact"]
    # Led in by a sentence of the text, the same list is the text's own.
    led_in = page.replace("<ul>", "<p>The statement has three sections:</p><ul>")
    kept = Edition.from_text(led_in, format="html", options=Options(flag_languages=False))
    assert [c.text for c in kept.clauses].count("Rights") == 2


def test_a_layout_state_class_on_the_page_root_is_no_furniture() -> None:
    # mdBook: <html class="sidebar-visible">; the sidebar itself (<nav class="sidebar">) still is.
    page = (
        '<html class="light sidebar-visible"><body class="has-sidebar"><nav class="sidebar"><ol><li>Chapter one</li>'
        '<li>Chapter two</li></ol></nav><div class="content menu-open"><main><h1>Target Tier Policy</h1>'
        "<p>Rust provides three tiers of target support.</p></main></div></body></html>"
    )
    document = read_html(page)
    assert [b.text for b in document.blocks] == ["Target Tier Policy", "Rust provides three tiers of target support."]


def test_a_headings_permalink_mark_is_no_text_of_the_heading() -> None:
    page = '<h2>Policies<span><a class="mark" href="#policies" id="policies">#</a></span></h2><p>Moved.</p>'
    blocks = read_html_fragment(page)[0]
    assert [b.text for b in blocks] == ["Policies", "Moved."]
    # A "#" that is the heading's own text stays.
    assert [b.text for b in read_html_fragment('<h2><a href="#x">#</a></h2>')[0]] == ["#"]


def test_br_written_as_an_end_tag_breaks_the_line_and_br_slash_breaks_it_once() -> None:
    page = (
        '<p align="center"><b>Apache License</b></br>\nVersion 2.0, January 2004<br/>\n'
        "http://www.apache.org/licenses/<br/>\n</p><pre>int f(int a,<br/>      int b);</pre>"
    )
    blocks = read_html_fragment(page)[0]
    assert [b.text for b in blocks] == [
        "Apache License",
        "Version 2.0, January 2004",
        "http://www.apache.org/licenses/",
        "int f(int a,\n      int b);",
    ]


def test_a_sibling_label_after_a_br_starts_a_new_item() -> None:
    page = (
        '<p style="margin-left: 0.5in">a)\nin the case of the initial Contributor, the initial code, and'
        '<br clear="left">\nb) in the case of each subsequent Contributor:</p>'
    )
    edition = Edition.from_text(
        f"<html><body>{page}</body></html>", format="html", options=Options(flag_languages=False)
    )
    assert [(c.label, c.text) for c in edition.clauses] == [
        ("a", "in the case of the initial Contributor, the initial code, and"),
        ("b", "in the case of each subsequent Contributor:"),
    ]


def test_a_sentence_broken_before_an_address_is_not_a_title_block() -> None:
    page = "<p>If you find any problems please create a report at<br>https://bugs.example.org<br></p>"
    assert [b.text for b in read_html_fragment(page)[0]] == [
        "If you find any problems please create a report at https://bugs.example.org"
    ]


def test_a_sections_id_is_its_titles_slug_not_a_role() -> None:
    # Sphinx: <section id="file-menu-shell-and-editor">, "menu" in the slug of its title.
    page = (
        '<div class="body" role="main"><section id="file-menu-shell-and-editor"><h3 id="comments">File menu</h3>'
        "<dl><dt>New File</dt><dd><p>Create a new file editing window.</p></dd></dl></section></div>"
    )
    assert [b.text for b in read_html(page).blocks] == ["File menu", "New File", "Create a new file editing window."]
    # A container named for its role still is furniture.
    assert read_html('<div id="main-menu"><p>Home</p></div><p>Text of the page.</p>').blocks[0].text == (
        "Text of the page."
    )


def test_makeinfo_navigation_anchors_and_index_are_no_text() -> None:
    page = (
        '<html><body><main><div class="header"><p>Next: <a href="#Intro">Intro</a> &nbsp; '
        '[<a href="#SEC_Contents">Contents</a>]</p></div><h2 class="chapter" id="Intro">1 Introduction</h2>'
        "<dl><dt id='index-v'><span><code>-v</code><a href='#index-v' class='copiable-anchor'> &para;</a></span></dt>"
        "<dd><p>Be verbose.</p></dd></dl>"
        '<table class="index-cp"><tr><td><a href="#index-v">verbose:</a></td><td><a href="#Intro">Intro</a></td></tr>'
        '<tr><td><a href="#index-f">format:</a></td><td><a href="#Intro">Intro</a></td></tr>'
        '<tr><td><a href="#index-o">output:</a></td><td><a href="#Intro">Intro</a></td></tr></table>'
        "</main></body></html>"
    )
    edition = Edition.from_text(page, format="html", options=Options(flag_languages=False))
    assert [(c.label, c.text) for c in edition.clauses] == [("1", "Introduction"), (None, "-v"), (None, "Be verbose.")]
    assert "table-of-contents" in {d.reason for d in edition.dropped}


def test_a_title_pages_copyright_lines_are_the_documents() -> None:
    # A title, three authors, three copyright lines: the title page runs past the first five blocks.
    page = (
        "<html><body><main><h1>Users and Groups</h1><h3>Joey Hess</h3><h3>Colin Watson</h3><h3>David Mandelberg</h3>"
        "<p>Copyright &copy; 2001, 2002 Joey Hess</p><p>Copyright &copy; 2005 David Mandelberg</p>"
        "<p>Copyright &copy; 2001-2022 Colin Watson</p><p>This document is free; you can redistribute it and/or "
        "modify it under the terms of version 2 of the GNU General Public License.</p>"
        + "".join(f"<p>Group number {n} owns the files of service number {n} on the system.</p>" for n in range(6))
        + "</main></body></html>"
    )
    texts = [c.text for c in Edition.from_text(page, format="html", options=Options(flag_languages=False)).clauses]
    assert texts[4:7] == [
        "Copyright © 2001, 2002 Joey Hess",
        "Copyright © 2005 David Mandelberg",
        "Copyright © 2001-2022 Colin Watson",
    ]


# -- pages laid out with tables (found on the libxslt site and the Valgrind FAQ) ---------------------


def _laid_out_page(content: str) -> str:
    """An old site's page: a banner, a sidebar menu and the content, each in a cell of nested tables."""
    menu = "".join(f'<li><a href="{name.lower()}.html">{name}</a></li>' for name in ("Home", "News", "Help", "FAQ"))
    related = "".join(f'<li><a href="http://example.org/{n}">Related site {n}</a></li>' for n in range(4))
    return (
        '<html><body><table width="100%"><tr><td><h1>The Example Library</h1><h2>Getting help</h2></td></tr></table>'
        '<table><tr><td valign="top"><table><tr><td><center><b>Main Menu</b></center></td></tr><tr><td>'
        f'<form action="search.php"><input name="query"/></form><ul>{menu}</ul></td></tr></table>'
        f"<table><tr><td><b>Related links</b></td></tr><tr><td><ul>{related}</ul></td></tr></table></td>"
        f'<td valign="top"><table><tr><td bgcolor="#fffacd">{content}</td></tr></table></td></tr></table>'
        "</body></html>"
    )


def test_a_page_laid_out_with_tables_is_read_as_the_blocks_in_its_cells() -> None:
    content = (
        f"<p>{_BODY}</p><ul><li>Subscribe to the mailing list before you post.</li>"
        "<li>Check the archives for the same problem.</li></ul>"
        f"<p>{_BODY.replace('Sentence', 'Clause')}</p>"
    )
    edition = Edition.from_text(_laid_out_page(content), format="html", options=Options(flag_languages=False))
    kinds = [(c.kind.value, c.text[:14]) for c in edition.clauses]
    assert ("list_item", "Subscribe to t") in kinds and ("list_item", "Check the arch") in kinds
    assert not [c for c in edition.clauses if c.kind.value == "table_row"]
    assert ("heading", "Getting help") in kinds
    if pytest.importorskip("trafilatura"):
        # The sidebar's menus, between the banner and the text, are set aside.
        texts = [c.text for c in edition.clauses]
        assert not {"Home", "News", "Main Menu", "Related links", "Related site 2"} & set(texts)
        assert {"Home", "Related site 2"} <= {d.text for d in edition.dropped if d.reason == "boilerplate"}


def test_a_data_table_inside_a_layout_cell_is_still_read_by_row() -> None:
    data = "<table><tr><th>Term</th><th>Meaning</th></tr><tr><td>Work</td><td>the program</td></tr></table>"
    edition = Edition.from_text(_laid_out_page(f"<p>{_BODY}</p>{data}"), format="html",
                                options=Options(flag_languages=False))  # fmt: skip
    rows = [c.text for c in edition.clauses if c.kind.value == "table_row"]
    assert rows == ["Term | Meaning", "Work | the program"]


def test_a_number_in_a_cell_of_its_own_labels_the_question_beside_it() -> None:
    page = (
        "<html><body><h1>FAQ</h1><table><tr><td><h3>1. Background</h3></td></tr>"
        "<tr><td><b>1.1.</b></td><td><b>How do you pronounce the name?</b></td></tr>"
        "<tr><td></td><td><p>As in the word value.</p></td></tr></table></body></html>"
    )
    edition = Edition.from_text(page, format="html", options=Options(flag_languages=False))
    assert [(c.label, c.text) for c in edition.clauses] == [
        (None, "FAQ"),
        ("1", "Background"),
        ("1.1", "How do you pronounce the name?"),
        (None, "As in the word value."),
    ]


def test_a_contents_list_of_links_to_anchors_of_the_page_is_set_aside_whatever_its_element() -> None:
    # DocBook's contents: <dt>/<dd> entries linking to "faq.html#q1", anchors this page defines.
    entries = "".join(
        f'<dd>1.{n}. <a href="faq.html#q{n}">Question number {n} about the program?</a></dd>' for n in range(1, 5)
    )
    answers = "".join(
        f'<h3><a name="q{n}"></a>1.{n}. Question number {n} about the program?</h3><p>Answer {n} in a sentence.</p>'
        for n in range(1, 5)
    )
    page = f"<html><body><h1>Program FAQ</h1><dl><dt>1. <a href='faq.html#b'>Basics</a></dt>{entries}</dl>"
    page += f"<h2><a name='b'></a>1. Basics</h2>{answers}</body></html>"
    edition = Edition.from_text(page, format="html", options=Options(flag_languages=False))
    texts = [c.text for c in edition.clauses]
    assert texts[:3] == ["Program FAQ", "Basics", "Question number 1 about the program?"]
    assert texts.count("Question number 3 about the program?") == 1
    contents = [d.text for d in edition.dropped if d.reason == "table-of-contents"]
    assert len(contents) == 5 and "Basics" in contents[0]
    # Links to another page's anchors are no contents of this one.
    elsewhere = page.replace('href="faq.html#q', 'href="http://example.org/faq.html#q')
    kept = Edition.from_text(elsewhere, format="html", options=Options(flag_languages=False))
    assert [c.text for c in kept.clauses].count("Question number 3 about the program?") >= 1


def test_a_header_inside_the_text_heads_it_and_the_pages_own_banner_is_furniture() -> None:
    # npm's documentation: the page's banner outside the content, the text's title and subtitle in a
    # <header> inside its <section>, and a "Table of contents" heading over a contents box.
    page = (
        "<html><body><header><a href='/'>npm Docs</a> <span>Search</span></header>"
        "<section id='content'><header class='title'><h1>Organizations</h1>"
        "<span class='description'>Working with teams &amp; organizations</span></header>"
        "<section id='table_of_contents'><h2>Table of contents</h2>"
        "<div id='_table_of_contents'><ul><li><a href='#description'>Description</a></li>"
        "<li><a href='#teams'>Teams</a></li></ul></div></section>"
        "<div id='_content'><h3 id='description'>Description</h3><p>There are three levels of org users.</p>"
        "<h3 id='teams'>Teams</h3><p>Team admins create teams and manage their membership.</p></div>"
        "</section></body></html>"
    )
    document = read_html(page)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "Organizations"),
        ("paragraph", "Working with teams & organizations"),
        ("heading", "Description"),
        ("paragraph", "There are three levels of org users."),
        ("heading", "Teams"),
        ("paragraph", "Team admins create teams and manage their membership."),
    ]
    assert {"npm Docs", "Table of contents"} <= {d.text for d in document.dropped if d.reason != "markup"}
    audit(page, spans_of(document))


def test_items_naming_a_place_of_the_page_and_saying_more_are_the_texts_own() -> None:
    # The debian/copyright format's HTML: "<li><a href="#format-field">Format</a>: required.</li>" lists
    # each stanza's fields, each linking to the field's section further down: no table of contents.
    names = ("Format", "Upstream-Name", "Upstream-Contact", "Source", "Disclaimer")
    items = "".join(f'<li><a href="#f{n}">{name}</a>: optional.</li>' for n, name in enumerate(names))
    sections = "".join(
        f'<h3 id="f{n}">{name}</h3><p>The {name} field says what it says in a full sentence.</p>'
        for n, name in enumerate(names)
    )
    page = f"<html><body><main><h1>Header stanza</h1><ul>{items}</ul>{sections}</main></body></html>"
    edition = Edition.from_text(page, format="html", options=Options(flag_languages=False))
    assert [c.text for c in edition.clauses][1:3] == ["Format: optional.", "Upstream-Name: optional."]
    assert not [d for d in edition.dropped if d.reason == "table-of-contents"]


def test_a_part_whose_class_names_its_contents_is_no_table_of_contents() -> None:
    # DocBook wraps an example's body in <div class="example-contents">; a "toc" or "contents" box is furniture.
    page = (
        '<html><body><div class="toc"><p>Table of Contents</p><ul><li><a href="#ex">8. Examples</a></li></ul></div>'
        '<h2 id="ex">8. Examples</h2><div class="example"><p class="title">Example 3. Simple</p>'
        '<div class="example-contents"><p>A possible debian/copyright file for a program distributed in the '
        "Debian source package xsol:</p><pre>Format: https://www.debian.org/doc/packaging-manuals/</pre></div></div>"
        "</body></html>"
    )
    texts = [b.text for b in read_html(page).blocks]
    assert "Table of Contents" not in texts
    assert texts[-2:] == [
        "A possible debian/copyright file for a program distributed in the Debian source package xsol:",
        "Format: https://www.debian.org/doc/packaging-manuals/",
    ]
