"""The Markdown reader (conceptdiff.read.markdown): CommonMark as a renderer shows it, one block stream."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import ClauseKind, Edition, Options
from conceptdiff.read import BlockKind, detect_format, read_text
from conceptdiff.read.markdown import looks_like_markdown, read_markdown

from .test_read_html import audit, spans_of

NO_LANGUAGE = Options(flag_languages=False)


def kinds_and_texts(source: str) -> list[tuple[str, str | None, str]]:
    return [(b.kind.value, b.label, b.text) for b in read_markdown(source).blocks]


def test_a_table_is_read_row_by_row_with_its_header_as_context() -> None:
    source = "| Purpose | Data |\n|:--|--:|\n| **Payment** | You are responsible for `fees` |\n| Support | none |\n"
    blocks = read_markdown(source).blocks
    assert [(b.kind, b.text, b.context) for b in blocks] == [
        (BlockKind.TABLE_ROW, "Purpose | Data", None),
        (BlockKind.TABLE_ROW, "Payment | You are responsible for fees", "Purpose | Data"),
        (BlockKind.TABLE_ROW, "Support | none", "Purpose | Data"),
    ]


def test_code_blocks_are_one_block_each_with_their_lines() -> None:
    source = "Run:\n\n```python\ndef f():\n    return 1\n```\n\n    indented\n      more\n\nDone.\n"
    assert kinds_and_texts(source) == [
        ("paragraph", None, "Run:"),
        ("code", None, "def f():\n    return 1"),
        ("code", None, "indented\n  more"),
        ("paragraph", None, "Done."),
    ]


def test_an_unclosed_fence_runs_to_the_end_as_code_and_loses_nothing() -> None:
    source = "Intro.\n\n```\nline one\nline two\n"
    document = read_markdown(source)
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE]
    audit(source, spans_of(document))


def test_a_malformed_table_is_read_as_text_not_lost() -> None:
    source = "| a | b |\n| - |\n| c | d |\n"  # the rule has the wrong number of cells: no table
    document = read_markdown(source)
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH]
    assert "c | d" in document.blocks[0].text
    audit(source, spans_of(document))


def test_inline_markup_never_reaches_the_text_but_inline_code_keeps_its_characters() -> None:
    source = (
        "# Scope {#scope}\n\n"
        'The **Licensee** may use [the work](https://x.org/w){:target="_blank"} and `__all__` &mdash; '
        "see <span>here</span><br>now.<!-- note -->\n\n{: .note}\n"
    )
    document = read_markdown(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "Scope"),
        ("paragraph", "The Licensee may use the work and __all__ — see here now."),
    ]
    assert document.blocks[1].links == ("https://x.org/w",)
    audit(source, spans_of(document))


def test_lists_give_labels_depth_and_bullets() -> None:
    source = "3. Third\n4. Fourth\n   - nested one\n\n     Its second paragraph.\n\n- 1.0 - Early development\n"
    assert [(b.kind.value, b.label, b.depth, b.text) for b in read_markdown(source).blocks] == [
        ("list_item", "3", 0, "Third"),
        ("list_item", "4", 0, "Fourth"),
        ("list_item", None, 1, "nested one"),
        ("paragraph", None, 1, "Its second paragraph."),
        ("list_item", None, 0, "1.0 - Early development"),
    ]
    # A bullet item's text keeps a number it starts with: it is no label.
    clause = Edition.from_text(source, format="markdown", options=NO_LANGUAGE).clauses[-1]
    assert (clause.label, clause.text) == (None, "1.0 - Early development")


def test_front_matter_rules_and_reference_definitions_are_markup() -> None:
    source = "---\ntitle: Policy\n---\n\nText [x][1].\n\n***\n\n[1]: https://x.org\n"
    document = read_markdown(source)
    assert [b.text for b in document.blocks] == ["Text x."]
    assert {d.reason for d in document.dropped} == {"markup"}
    audit(source, spans_of(document))


def test_headings_nest_by_level_and_a_plain_line_is_no_parent() -> None:
    source = "## Policy\n\nEffective date: December 15, 2022\n\n### Scope\n\nText.\n\n### Data\n\nMore.\n"
    edition = Edition.from_text(source, format="markdown", options=NO_LANGUAGE)
    assert [(c.kind, c.text, c.section) for c in edition.clauses] == [
        (ClauseKind.HEADING, "Policy", ()),
        (ClauseKind.PARAGRAPH, "Effective date: December 15, 2022", ("Policy",)),
        (ClauseKind.HEADING, "Scope", ("Policy",)),
        (ClauseKind.PARAGRAPH, "Text.", ("Policy", "Scope")),
        (ClauseKind.HEADING, "Data", ("Policy",)),
        (ClauseKind.PARAGRAPH, "More.", ("Policy", "Data")),
    ]


def test_a_changed_link_target_is_a_change_and_the_text_stays_clean() -> None:
    old = Edition.from_text("See [the terms](https://x.org/v1).\n", format="markdown")
    new = Edition.from_text("See [the terms](https://x.org/v2).\n", format="markdown")
    result = conceptdiff.compare(old, new)
    assert [(c.kind.value, c.relinked) for c in result.changes] == [("unchanged", True)]
    assert result.has_changes
    assert old.clauses[0].text == new.clauses[0].text == "See the terms."
    from conceptdiff.render.markdown import render_markdown

    report = render_markdown(result)
    assert "https://x.org/v1" in report and "https://x.org/v2" in report


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# A\n\n## B\n\nSee [x](https://x.org).\n", True),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", True),
        ("Text\n\n```\ncode\n```\n", True),
        ("GNU GENERAL PUBLIC LICENSE\n\n  1. You may copy it.\n", False),
        ("PEP: 8\n\n    Indented paragraph of a PEP.\n\n    Another one.\n\n# A\n\n## B\n\n[x](y)\n", False),
        ("• a bullet of a scraped page\n• another\n", False),
        # Text set in comments (ICU's LICENSE): its '#' lines are no headings.
        (
            " # The Google Chrome software is licensed under\n # the BSD license.\n #\n # All rights reserved.\n"
            "\n # Redistribution and use in source and binary forms\n # are permitted.\n #\n"
            " # Neither the name of Google Inc. nor the names\n # of its contributors may be used.\n",
            False,
        ),
        ("# Terms\n\nText.\n\n# Scope\n## Parts\n\nMore text.\n\n# End\n", True),
    ],
)
def test_markdown_is_told_from_plain_text_by_evidence(text: str, markdown: bool) -> None:
    assert looks_like_markdown(text) is markdown
    assert detect_format("notes.txt", text=text) == ("markdown" if markdown else "text")


_PIECES = ["# ", "## ", "- ", "1. ", "> ", "| a | b |\n|---|---|\n", "```\n", "    ", "**", "`", "[x](y)", "<div>",
           "</div>", "<!-- c -->", "word", "Sentence.", "\n", "\n\n", "&amp;", "{: .c}", "---\n", "***"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_any_markdown_reads_with_no_empty_block_and_the_audit_kept(source: str) -> None:
    document = read_text(source, format="markdown")
    assert all(block.text.strip() for block in document.blocks), "no empty block"
    audit(source, spans_of(document))
    starts = [block.start for block in document.blocks]
    assert starts == sorted(starts)
    for block in document.blocks:
        assert block.kind is BlockKind.CODE or "\n" not in block.text


def test_text_beyond_the_parsers_nesting_limit_is_reported_unread_not_as_markup() -> None:
    source = "> " * 60 + "deep text\n\nnext\n"
    document = read_markdown(source)
    assert [b.text for b in document.blocks] == ["next"]
    assert [(d.reason, d.text.endswith("deep text")) for d in document.dropped] == [("unread", True)]
    audit(source, spans_of(document))


_CONTENTS = (
    "# Project Governance\n\n<!-- TOC -->\n\n* [Triagers](#triagers)\n* [Collaborators](#collaborators)\n"
    "  * [Activities](#activities)\n* [Meetings](#meetings)\n\n<!-- /TOC -->\n\n## Triagers\n\n"
    "Triagers assess newly opened issues.\n\n## Collaborators\n\nCollaborators review pull requests.\n"
)


def test_a_list_of_links_to_places_in_the_page_is_a_table_of_contents() -> None:
    document = read_markdown(_CONTENTS)
    assert [b.text for b in document.blocks] == [
        "Project Governance",
        "Triagers",
        "Triagers assess newly opened issues.",
        "Collaborators",
        "Collaborators review pull requests.",
    ]
    contents = [d.text for d in document.dropped if d.reason == "table-of-contents"]
    assert contents[0] == "* [Triagers](#triagers)" and len(contents) == 4
    audit(_CONTENTS, spans_of(document))
    # Kept when asked, and through the public entry point with the option.
    assert "Activities" in [b.text for b in read_markdown(_CONTENTS, drop_table_of_contents=False).blocks]
    kept = Edition.from_text(_CONTENTS, format="markdown", options=Options(flag_languages=False,
                             drop_table_of_contents=False))  # fmt: skip
    assert "Activities" in [c.text for c in kept.clauses]


@pytest.mark.parametrize(
    "source",
    [
        # introduced by a sentence of the text: the list is the text's own
        "The most common subcommands are:\n\n* [`help`](#help)\n* [`local`](#local)\n* [`global`](#global)\n",
        # two entries only, a link to another page, an item saying more than its link
        "# Guide\n\n* [Install](#install)\n* [Use](#use)\n",
        "# Guide\n\n* [Install](#install)\n* [Use](use.md)\n* [Remove](#remove)\n",
        "# Guide\n\n* [Install](#install) first\n* [Use](#use)\n* [Remove](#remove)\n",
    ],
)
def test_lists_of_links_that_are_no_table_of_contents_are_kept(source: str) -> None:
    document = read_markdown(source)
    assert not [d for d in document.dropped if d.reason == "table-of-contents"]
    assert sum(b.kind is BlockKind.LIST_ITEM for b in document.blocks) == source.count("* [")


def test_a_markdown_file_keeps_what_its_author_wrote_twice() -> None:
    # Two tiers share their requirements: a plain text's copy would set the second copies aside.
    source = (
        "## Tier 1\n\n* The tool must be open source.\n* The tool must be heavily depended on.\n\n"
        "## Tier 2\n\n* The tool must be open source.\n* The tool must be heavily depended on.\n"
    )
    edition = Edition.from_text(source, format="markdown", options=NO_LANGUAGE)
    assert [c.text for c in edition.clauses].count("The tool must be open source.") == 2
    assert not edition.dropped or "duplicate" not in {d.reason for d in edition.dropped}


def test_a_definition_lists_terms_are_read_as_paragraphs() -> None:
    # Found on pip's "Issue Triage" (MyST): every term of its label lists was set aside as "unread".
    source = "Labels:\n\n**C - Category**\n: which area of `pip` it concerns\n\nState\n\n: whether it is **open**\n"
    document = read_markdown(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("paragraph", "Labels:"),
        ("paragraph", "C - Category"),
        ("paragraph", "which area of pip it concerns"),
        ("paragraph", "State"),
        ("paragraph", "whether it is open"),
    ]
    assert not [d for d in document.dropped if d.reason == "unread"]


def test_myst_roles_directives_and_targets_read_as_the_page_shows_them() -> None:
    # Found on pip's documentation (MyST Markdown, built by Sphinx).
    source = (
        "(Requirement Specifiers)=\n\n# Requirement Specifiers\n\n"
        "pip installs a {term}`requirement specifier <pypug:Requirement Specifier>`; {pep}`508` has the format.\n\n"
        "```{versionadded} 6.0\nSupport for environment markers.\n```\n\n"
        "```{note}\n:class: tip\n\nUse a **constraints** file.\n\n- one item\n```\n\n"
        "```{code-block} console\n$ pip install requests\n```\n"
    )
    document = read_markdown(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "Requirement Specifiers"),
        ("paragraph", "pip installs a requirement specifier; PEP 508 has the format."),
        ("paragraph", "New in version 6.0: Support for environment markers."),
        ("paragraph", "Use a constraints file."),
        ("list_item", "one item"),
        ("code", "$ pip install requests"),
    ]
    assert "(Requirement Specifiers)=" in [d.text for d in document.dropped if d.reason == "markup"]
    assert not [d for d in document.dropped if d.reason == "unread"]
    # Plain CommonMark keeps its braces: "{x}" before inline code is no role unless it names one.
    plain = read_markdown("Format with `{}` and `str.format`.\n")
    assert plain.blocks[0].text == "Format with {} and str.format."
