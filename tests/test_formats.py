"""Formats: HTML main text, .docx, .pdf (conceptdiff.formats)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conceptdiff.formats import docx_to_text, html_to_text, looks_like_html

from .conftest import FIXTURES

PAGE = (FIXTURES / "quirks" / "html_page.html").read_text(encoding="utf-8")


def test_the_standard_library_reader_drops_navigation_scripts_and_styles() -> None:
    text = html_to_text(PAGE, main_text=False)
    assert "window.track" not in text and "color: #333" not in text
    assert "Home" not in text and "The Daily Example" not in text  # nav and header
    assert "Related" not in text and "All rights reserved" not in text  # aside and footer
    assert "# New Foreign Policy Concept Approved" in text
    assert "## National Interests" in text
    assert "- the protection of the constitutional order, sovereignty and independence of the state;" in text


def test_ordered_lists_keep_their_numbers() -> None:
    text = html_to_text("<ol><li>First rule.</li><li>Second rule.</li></ol>", main_text=False)
    assert text.split("\n\n") == ["1. First rule.", "2. Second rule.\n"]


def test_main_text_extraction_with_trafilatura() -> None:
    pytest.importorskip("trafilatura")
    text = html_to_text(PAGE)
    assert "New Foreign Policy Concept Approved" in text
    assert "Home" not in text.split() and "window.track" not in text


@pytest.mark.parametrize(
    ("text", "html"),
    [("<!DOCTYPE html><html>", True), ("  <html lang='en'>", True), ("<?xml version='1.0'?>\n<html>", True),
     ("1. Scope <b>bold</b>", False), ("# Title", False)],
)  # fmt: skip
def test_html_is_sniffed_from_its_opening(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


_TAGS = ["<div>", "</div>", "<p>", "</li>", "<li>", "<ul>", "<script>", "</script>", "<nav>", "x", " ", "&amp;",
         "<br/>", "<h2>", "</h2>", "<ol>", "</ol>", "<pre>"]  # fmt: skip


@given(st.lists(st.sampled_from(_TAGS), max_size=60).map("".join))
def test_malformed_html_never_raises(markup: str) -> None:
    assert isinstance(html_to_text(markup, main_text=False), str)


def test_docx_without_a_document_part_is_refused() -> None:
    import io
    import zipfile

    from conceptdiff import NotTextError

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.xml", "<x/>")
    with pytest.raises(NotTextError, match=r"word\.docx"):
        docx_to_text(buffer.getvalue(), path="word.docx")
