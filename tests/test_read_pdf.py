"""The PDF reader (conceptdiff/read/pdf.py): layout, furniture, audit, bounds, and real documents.

The small PDFs under fixtures/quirks/pdf_*.pdf are written by
fixtures/quirks/make_pdf_fixtures.py, one quirk each; the Chromium prints
(fixtures/documents/*/as-pdf.pdf) and the real pdfTeX document
(shared-mime-info-spec/document.pdf) are scored against their hand-written
expected.json.
"""

from __future__ import annotations

import sys
import tracemalloc
import zlib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

pytest.importorskip("pypdfium2")

from conceptdiff.errors import InputTooLargeError, NotTextError
from conceptdiff.options import Options
from conceptdiff.read import BlockKind, Document, read_bytes
from conceptdiff.read import pdf as pdf_module
from conceptdiff.read.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
QUIRKS = ROOT / "fixtures" / "quirks"
DOCUMENTS = ROOT / "fixtures" / "documents"


def read(name: str, **options: object) -> Document:
    return read_pdf((QUIRKS / name).read_bytes(), path=name, options=Options(**options))  # type: ignore[arg-type]


def texts(document: Document) -> list[str]:
    return [block.text for block in document.blocks]


def minimal_pdf(content: bytes, *, compress: bool = False) -> bytes:
    """A one-page PDF whose content stream is ``content`` (deflated when ``compress``)."""
    data = zlib.compress(content, 9) if compress else content
    flate = b" /Filter /FlateDecode" if compress else b""
    font = b"<</Font <</F1 <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>>>>>"
    return b"\n".join(
        [
            b"%PDF-1.4",
            b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj",
            b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj",
            b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources " + font + b">>"
            b" endobj",
            b"4 0 obj <</Length " + str(len(data)).encode() + flate + b">> stream",
            data,
            b"endstream endobj",
            b"trailer <</Root 1 0 R>>",
            b"%%EOF",
        ]
    )


# -- layout ----------------------------------------------------------------------------


def test_two_columns_are_read_column_by_column_and_a_paragraph_runs_on_into_the_next_column() -> None:
    document = read("pdf_two_columns.pdf")
    found = texts(document)
    assert found[0] == "Terms of Use in Two Columns"
    assert document.blocks[0].kind.value == "heading"
    carried = [text for text in found if text.startswith("The Licensor shall not be liable")]
    assert carried == [
        "The Licensor shall not be liable for any damage arising from the use of the Work, except where the law "
        "provides otherwise for damage caused by intent or gross negligence. Any notice under this Licence shall be "
        "given in writing to the address the other party has last made known, and takes effect on the day it is "
        "received there."
    ]
    assert found[-1] == "The right column ends with this short paragraph of its own."
    assert len(found) == 6


def test_running_headers_and_page_numbers_are_dropped_and_a_paragraph_goes_on_over_the_page_break() -> None:
    document = read("pdf_running_header_and_page_numbers.pdf")
    reasons = Counter(span.reason for span in document.dropped)
    assert reasons == {"running-header": 8, "page-number": 4}
    assert {span.text for span in document.dropped if span.reason == "page-number"} == {
        "- 1 -",
        "Page 2 of 4",
        "- 3 -",
        "Page 4 of 4",
    }
    assert not any("ACME" in text or "Edition 2024" in text for text in texts(document))
    broken = [block for block in document.blocks if block.text.startswith("This paragraph starts")]
    assert len(broken) == 1
    assert broken[0].text.endswith("where it ends with a full stop.")
    assert len(broken[0].spans) == 2  # its second part after the page's furniture


def test_a_manuals_chapter_headers_title_page_and_courier_items() -> None:
    # As TeX sets a manual: running headers that name the chapter (each only twice) and carry the
    # page's number, a title page of authors, items set in Courier, a sentence going on in Courier.
    document = read("pdf_chapter_headers_and_title_page.pdf")
    found = texts(document)
    assert not any(text.startswith("Chapter ") for text in found)
    headers = {span.text for span in document.dropped if span.reason == "running-header"}
    assert {"Chapter 1: Introduction", "Chapter 2: Structures", "Chapter 3: Utilities"} <= headers
    assert found[:4] == ["Libnote", "Ada Lovelace", "Charles Babbage", "Mary Somerville"]
    items = [(block.kind, block.text) for block in document.blocks if block.text.endswith((";", "STRING."))]
    assert items == [
        (BlockKind.LIST_ITEM, "INTEGER;"),
        (BlockKind.LIST_ITEM, "BOOLEAN;"),
        (BlockKind.LIST_ITEM, "OCTET STRING."),
    ]
    assert any(text.endswith("declared as in 'char description[MAX_SIZE];').") for text in found)
    assert not any(block.kind is BlockKind.CODE for block in document.blocks)


def test_a_listing_ends_where_the_next_term_starts_left_of_it_after_an_empty_line() -> None:
    # As TeX sets a list of commands: a listing set in one character from the names; the
    # next name, an empty line below it and left of every line of it, is no line of it.
    found = [(block.kind, block.text) for block in read("pdf_listing_between_terms.pdf").blocks]
    assert (BlockKind.CODE, "\\ifluatex\n  luatex specific code\n\\else\n  code for other engines\n\\fi") in found
    assert (BlockKind.CODE, "\\ifxetex") in found
    assert len(found) == 7


def test_a_default_set_flush_right_stays_on_its_options_line() -> None:
    # TeX's \\hfill pushes "(default: ...)" to the right margin: one line with the option's
    # name, not two cells, nor a right column when the descriptions leave a white band.
    found = texts(read("pdf_defaults_set_flush_right.pdf"))
    lines = ["mode = view | list (default: view)", "max_lines = <number> (default: 20)",
             "rm_file = <command> (default: rm -f)", "fuzzy_level = <number> (no default)"]  # fmt: skip
    assert [text for text in found if text in lines] == lines * 2
    assert found[-1] == "Sets the level."
    assert not any(text.startswith(("(default", "(no default")) for text in found)


def test_a_logos_lowered_letter_and_a_footnotes_set_in_first_line_do_not_cut_their_paragraphs() -> None:
    # LaTeX's logo lowers its "E" by half an ex: the line stays where most of its letters stand.
    # A footnote's first line is set in after its raised mark, the next at the margin.
    found = texts(read("pdf_logo_and_footnote.pdf"))
    assert len(found) == 2
    assert found[0].startswith("MakeIndex is a program") and found[0].endswith("run the formatter again.")
    assert "generated with LATEX. The first step" in found[0]
    assert found[1].startswith("1 To avoid any ambiguity") and found[1].endswith("instead of putting it between words.")


def test_a_description_set_in_whole_stays_one_paragraph_where_paragraphs_set_their_first_line_in() -> None:
    # TeX Live's guide: paragraphs justified, their first lines set in, and a list of options whose
    # descriptions are set in whole. A line set in as far as the line above opens the next paragraph
    # only under a line that stopped short; under one run to the margin, the description goes on.
    found = texts(read("pdf_description_list_in_indented_text.pdf"))
    assert len(found) == 12  # the heading, seven paragraphs, two names and their two descriptions
    # (and a one-line paragraph that ends its sentence short of the edge ends there: the next is set in)
    assert found[1] == (
        "The first paragraph after a heading is not set in, and this one is a line long, short of the edge."
    )
    assert found[2].startswith("The Licensee may reproduce the Work")
    assert found[8:] == [
        "-init-from-profile",
        "The Licensee may reproduce the Work in any medium, provided that every copy carries this notice and "
        "the name of the original author, and that no fee beyond the cost of the medium is charged for it. "
        "Nothing in this Licence restricts the rights the Licensee holds under the law of the country where "
        "the Work is used, including the right to quote short passages for criticism and review.",
        "-no-interaction",
        "Each Contributor grants the Licensee a perpetual, worldwide, royalty-free licence to modify the Work "
        "and to distribute the modified version under the same terms as the original one. The Licensor shall "
        "not be liable for any damage arising from the use of the Work, except where the law provides "
        "otherwise for damage caused by intent or gross negligence.",
    ]
    # (and the paragraphs above them keep their own first lines)
    assert sum(1 for text in found if text.startswith("Each Contributor grants")) == 2


def test_a_description_beside_its_term_goes_on_under_its_first_word_or_at_the_margin() -> None:
    # Texinfo's table (TeX Live's build manual: "texk/lib   TEX-specific libraries ... (The other one" +
    # "is texk/ptexenc.)") and dvipdfmx's run-in terms ("pdf:obj @name object   creates a named" + "object
    # that can be referenced ..."): each description was cut after its first line.
    found = texts(read("pdf_descriptions_beside_terms.pdf"))
    assert len(found) == 12  # the heading, three paragraphs, two and two terms with descriptions, three entries
    assert found[2].startswith("texk/lib Nothing in this Licence") and found[2].endswith("criticism and review.")
    assert found[3].startswith("xpdfopen The Licensor") and found[3].endswith("intent or gross negligence.")
    assert found[5:9] == [
        "pdf:obj @name object",
        "The Licensee may reproduce the Work in any medium, provided that every copy carries this notice and "
        "the name of the original author, and that no fee beyond the cost of the medium is charged for it.",
        "pdf:close @name",
        "Each Contributor grants the Licensee a perpetual, worldwide, royalty-free licence to modify the Work "
        "and to distribute the modified version under the same terms as the original one.",
    ]
    # LaTeX's description list (TeX Live's guide): an entry of one line filling the measure, its term in
    # bold, does not run into the next entry, whose term is in bold too ("TeX Live  A complete ..." +
    # "MacTeX  for Mac OS X ..."); each entry's lines hung under it go on with it.
    assert found[9] == "TeX Live A complete system to be installed to disk, with its manager and all of its packages."
    assert found[10].startswith("MacTeX for Mac OS X") and found[10].endswith("intent or gross negligence.")
    assert found[11].startswith("proTeXt An enhancement") and found[11].endswith("it is received there.")


def test_a_tables_next_row_is_no_description_going_on() -> None:
    # LuaTeX's manual: "\\luatexversion   116   a combination of major and minor number" (its last cell run to
    # the margin) over "\\luatexrevision 0   the revision number, ...": the next row's first cell stands at
    # the term's edge as a description's next line would, but shares its row with other cells.
    cell = _line_of(("a", _ROMAN), ("combination", _ROMAN), ("of", _ROMAN), ("major", _ROMAN), ("number", _ROMAN))
    next_row = _line_of(("\\luatexrevision", _TT), ("0", _ROMAN))
    alone = _line_of(("object", _ROMAN), ("that", _ROMAN), ("can", _ROMAN), ("be", _ROMAN), ("referenced", _ROMAN))
    for line in (cell, next_row, alone):
        line.left = 72.0
    cell.x0 = 320.0  # the third cell of its row, the row's first at the margin
    layout = object.__new__(pdf_module._Layout)  # (only the rows' relations are asked of it)
    layout.beside, layout.shared = {id(cell): 72.0}, {id(cell), id(next_row)}
    assert not pdf_module._description_goes_on(cell, next_row, layout, 10.0)
    assert pdf_module._description_goes_on(cell, alone, layout, 10.0)  # a line alone on its row goes on


def test_a_definitions_tag_set_flush_right_stays_on_its_line_and_its_description_apart() -> None:
    # TeX Live's build manual: Texinfo pushes each macro's "[Macro]" to the right margin. With most
    # descriptions a line long, the tags stood in a column read after the page; and a definition's
    # line, once whole, ran into its description. A prototype whose parentheses are open goes on.
    found = texts(read("pdf_definitions_with_tags.pdf"))
    names = ["KPSE_CHECK_LATEX", "KPSE_CHECK_PDFLATEX", "KPSE_CHECK_PERL", "KPSE_PROG_LEX", "KPSE_CXX_HACK"]
    assert [text for text in found if text.startswith("KPSE")] == [f"{name} [Macro]" for name in names]
    assert "[Macro]" not in found
    perl = found.index("KPSE_CHECK_PERL [Macro]")
    assert found[perl + 1] == "Check for perl or perl5 in the path and set its variable."
    latex = found[found.index("KPSE_CHECK_LATEX [Macro]") + 1]
    assert latex.startswith("The Licensee may reproduce") and latex.endswith("as the original one.")
    assert found[-2] == "int kpse_find (const char * name, [Function] int must_exist)"
    assert found[-1].startswith("The Licensor shall not be liable")


def test_a_running_header_opening_with_its_sections_number_is_told_by_the_page_number_at_its_end() -> None:
    # TeX Live's guide heads its pages "5 TLMGR: MANAGING YOUR INSTALLATION      20": the section's number
    # was taken for the page's, and the headers of sections two pages long, recurring twice, were kept
    # (and cut the paragraph that ran over their page's break).
    document = read("pdf_numbered_chapter_headers.pdf")
    found = texts(document)
    assert (
        len(found) == 1
        and found[0].startswith("The Licensee may")
        and found[0].endswith("on the day it is received there.")
    )
    headers = sorted(span.text for span in document.dropped if span.reason == "running-header")
    sections = ["1 INTRODUCTION", "2 INSTALLATION", "3 USAGE"]
    assert headers == sorted([*(str(number) for number in range(1, 7)), *sections, *sections])


def test_furniture_is_kept_when_not_dropped() -> None:
    document = read("pdf_running_header_and_page_numbers.pdf", drop_page_furniture=False)
    assert document.dropped == ()
    assert "ACME Policy Handbook" in texts(document)


def test_the_header_and_footer_a_browser_prints_are_dropped() -> None:
    document = read("pdf_browser_print_header_footer.pdf")
    dropped = {(span.reason, span.text) for span in document.dropped}
    assert dropped == {
        ("running-header", "12/6/26, 4:28 AM"),
        ("running-header", "Site Terms | Example Reading Room"),
        ("running-header", "file:///home/user/site-terms.html"),
        ("page-number", "1/2"),
        ("page-number", "2/2"),
    }
    assert texts(document)[0] == "Site Terms"
    assert len(document.blocks) == 6


def test_words_hyphenated_at_a_line_end_are_mended_and_real_compounds_keep_their_hyphen() -> None:
    (text,) = texts(read("pdf_hyphenation.pdf"))
    assert "follow the procedures of this section" in text  # "proce-" + "dures": the document writes "procedures"
    assert "and the well-known rules" in text  # the document writes "well-known" elsewhere
    assert "of the MIME-Info registry" in text  # the next part starts with a capital
    assert "the proce-dures of" in read("pdf_hyphenation.pdf", join_lines=False).blocks[0].text  # kept as printed


def test_headings_lists_code_and_a_ruled_table() -> None:
    document = read("pdf_lists_code_and_table.pdf")
    found = [(block.kind.value, block.level, block.text) for block in document.blocks]
    assert found == [
        ("heading", 1, "Licence Terms"),
        ("heading", 2, "1. Scope"),  # the label stays in the text: the segmenter takes it off
        ("paragraph", 0, "This Licence applies to the Work and to every copy of it:"),
        ("list_item", 0, "copies in any medium;"),  # the bullet glyph is taken off
        ("list_item", 0, "modified versions of the Work, however small the change."),
        ("list_item", 0, "(a) the Licensee keeps this notice;"),
        ("list_item", 0, "(b) the Licensee names the author."),
        ("heading", 2, "2. Configuration"),
        ("code", 0, "[licence]\nname = EUPL\n    version = 1.2\n\n[work]"),
        ("table_row", 0, "Term | Meaning"),
        ("table_row", 0, "Work | the program as a whole"),
        ("table_row", 0, "Licensee | whoever uses the Work"),
        ("paragraph", 0, "The table above defines the terms of this Licence."),
    ]
    rows = [block for block in document.blocks if block.kind.value == "table_row"]
    assert [row.context for row in rows] == [None, "Term | Meaning", "Term | Meaning"]


def test_spaced_out_letters_are_rejoined_and_a_table_of_contents_is_dropped() -> None:
    document = read("pdf_spaced_out_letters_and_contents.pdf")
    assert texts(document)[0] == "NATIONAL SECURITY"
    toc = [span.text for span in document.dropped if span.reason == "table-of-contents"]
    assert toc[0] == "Contents" and len(toc) == 4
    kept = read("pdf_spaced_out_letters_and_contents.pdf", drop_table_of_contents=False, repair_spacing=False)
    assert any(text.startswith("1. Scope") for text in texts(kept))
    assert texts(kept)[0] != "NATIONAL SECURITY"


def test_a_paragraph_the_page_breaks_goes_on_over_the_footnote_at_the_foot_of_the_page() -> None:
    # groff's ms (fixtures/quirks/pdf_footnote_across_page_break.ms): the footnote of page 1, in a smaller
    # type, sits between the two halves of part eight; it follows the part, whole, as its own block.
    found = texts(read("pdf_footnote_across_page_break.pdf"))
    part = next(text for text in found if text.startswith("Part eight:"))
    assert part.endswith("Sentence eight of the paragraph that the page breaks goes on here.")
    note = found.index("1 The footnote, set at the foot of the page in a smaller type.")
    assert found[note - 1] is part and found[note + 1].startswith("Part nine:")
    assert not any(text.startswith("breaks goes on") for text in found)


_STYLES = [pdf_module._Style("Serif", size, bold, mono, True) for size in (0.0, 8.0, 10.0, 15.0)
           for bold in (False, True) for mono in (False, True)]  # fmt: skip
# Where text stands on a page: a text's edges and a two-column gutter's, and anywhere (past the page too).
_XS = st.one_of(st.sampled_from([34.0, 49.0, 295.0, 317.0, 332.0]), st.floats(-60.0, 700.0))
_YS = st.one_of(st.integers(0, 48).map(lambda n: 740.0 - 15.0 * n), st.floats(-60.0, 900.0))


@st.composite
def _page(draw: st.DrawFn) -> tuple[list[pdf_module._Word], pdf_module._Marks]:
    words = []
    for _ in range(draw(st.integers(1, 60))):
        x0, y0, style = draw(_XS), draw(_YS), draw(st.sampled_from(_STYLES))
        width = draw(st.floats(0.0, 300.0))
        text = draw(st.sampled_from(["a", "word", "1.", "(b)", "•", "proce-", "Title"]))
        words.append(pdf_module._Word(text, x0, x0 + width, y0, y0 + style.size, style, True))
    marks = pdf_module._Marks()
    boxes = st.tuples(_XS, _YS, st.floats(4.0, 600.0), st.floats(2.0, 400.0))
    for x0, y0, width, height in draw(st.lists(boxes, max_size=6)):
        marks.boxes.append((x0, y0, x0 + width, y0 + height))
        marks.vrules.append((x0, y0, y0 + height))
        marks.hrules.append((y0, x0, x0 + width))
    return words, marks


_COURIER = pdf_module._Style("Courier", 10.0, False, True, True)
# Found by the thorough profile: monospace glyphs the width of the smallest float made a line's
# indent infinite (an OverflowError); counts are now bounded whatever the file sets.
_SUBNORMAL = (
    [
        pdf_module._Word("ab", 0.0, 1e-322, 700.0, 710.0, _COURIER, True),
        pdf_module._Word("c", 200.0, 200.0, 700.0, 710.0, _COURIER, True),
    ],
    pdf_module._Marks(),
)


@settings(max_examples=200, deadline=None)
@given(page=_page(), hint=st.none() | st.floats(0.0, 612.0))
@example(page=_SUBNORMAL, hint=None)
def test_every_word_of_a_page_is_read_into_exactly_one_line_whatever_its_layout(
    page: tuple[list[pdf_module._Word], pdf_module._Marks], hint: float | None
) -> None:
    # Columns, spanning headings, tables in a column, boxes across the gutter, another page's gutter:
    # however the page is cut up and ordered, no word is lost or read twice.
    words, marks = page
    lines = pdf_module._page_lines(0, words, marks, 612.0, hint)
    assert Counter(id(word) for line in lines for word in line.words) == Counter(id(word) for word in words)


@settings(max_examples=100, deadline=None)
@given(pages=st.lists(_page(), min_size=1, max_size=4))
def test_every_character_of_random_pages_is_in_one_block_or_one_dropped_span(
    pages: list[tuple[list[pdf_module._Word], pdf_module._Marks]],
) -> None:
    # The audit contract through the whole layout: columns, furniture, footnotes moved after the
    # paragraph they interrupt, tables; no span overlaps another, none is missing.
    read_pages = []
    for number, (words, marks) in enumerate(pages):
        pdf_module._find_monospace(words)
        lines = pdf_module._page_lines(number, words, marks, 612.0)
        read_pages.append(pdf_module._Page(number, 612.0, 792.0, lines, marks.boxes))
    pdf_module._mark_furniture(read_pages, Options())
    document = pdf_module._build(read_pages, Options())
    covered = bytearray(len(document.source))
    for start, end in [span for block in document.blocks for span in block.spans] + [
        (dropped.start, dropped.end) for dropped in document.dropped
    ]:
        assert not any(covered[start:end])
        covered[start:end] = b"\x01" * (end - start)
    assert all(covered[i] or char.isspace() for i, char in enumerate(document.source))


def test_read_bytes_dispatches_a_pdf_by_its_signature() -> None:
    data = (QUIRKS / "pdf_hyphenation.pdf").read_bytes()
    assert read_bytes(data).format == "pdf"


# -- the audit contract ------------------------------------------------------------------

AUDITED = (
    sorted(QUIRKS.glob("pdf_*.pdf"))
    + sorted(DOCUMENTS.glob("*/as-pdf.pdf"))
    + [DOCUMENTS / "shared-mime-info-spec" / "document.pdf"]
)
UNREADABLE = {"pdf_encrypted.pdf", "pdf_no_text_layer.pdf"}


@pytest.mark.parametrize(
    "path", [p for p in AUDITED if p.name not in UNREADABLE], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_character_of_the_source_is_in_exactly_one_block_or_dropped_span(path: Path) -> None:
    document = read_pdf(path.read_bytes(), path=str(path))
    source = document.source
    spans = [span for block in document.blocks for span in block.spans]
    spans += [(dropped.start, dropped.end) for dropped in document.dropped]
    owner = [0] * len(source)
    for start, end in spans:
        assert 0 <= start < end <= len(source)
        for index in range(start, end):
            owner[index] += 1
    assert max(owner, default=0) <= 1, "spans overlap"
    uncovered = [i for i, char in enumerate(source) if not char.isspace() and owner[i] == 0]
    assert not uncovered, repr(source[uncovered[0] - 20 : uncovered[0] + 20])
    assert all(block.text.strip() for block in document.blocks)
    starts = [block.start for block in document.blocks]
    assert starts == sorted(starts)
    for dropped in document.dropped:
        assert source[dropped.start : dropped.end] == dropped.text


# -- bad input and bounds -------------------------------------------------------------


def test_text_set_past_the_page_edges_is_read() -> None:
    # Found by fuzz/fuzz_readers.py: the gutter between two columns was looked for past the
    # page's width (an IndexError); the text is read, every character accounted for (above).
    document = read("pdf_text_past_the_page_edge.pdf")
    assert document.blocks and all(block.text.strip() for block in document.blocks)


def test_a_page_declared_a_billion_points_wide_is_read_in_bounded_memory() -> None:
    # The gutter of two columns was counted x by x over the page's declared width: a 3 KB file
    # declaring "/MediaBox [0 0 999999999 792]" took 15 GB and a minute.
    data = (QUIRKS / "pdf_two_columns.pdf").read_bytes()
    wide = data.replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 999999999 792]")
    assert wide != data
    tracemalloc.start()
    try:
        document = read_pdf(wide, path="wide.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20
    assert [b.text for b in document.blocks] == [b.text for b in read("pdf_two_columns.pdf").blocks]


def test_a_listing_line_set_far_past_the_page_edge_is_not_indented_by_millions_of_spaces() -> None:
    data = (QUIRKS / "pdf_lists_code_and_table.pdf").read_bytes()
    line = b"BT /F3 10 Tf 96.00 514.00 Td (version = 1.2) Tj ET"
    assert line in data
    far = read_pdf(data.replace(line, line.replace(b"96.00", b"96000000.00")), path="far.pdf")
    # (so far out, the reader's character positions lose their precision: "ve  rsio  n  =  1  .2")
    (listing,) = [b.text for b in far.blocks if b.kind is BlockKind.CODE]
    assert listing.startswith("[licence]\nname = EUPL\n") and listing.endswith("[work]")
    assert len(listing) < 1000


_TT = pdf_module._Style("LMMono10-Regular", 10.0, False, True, True)
_SLANT = pdf_module._Style("LMRomanSlant10-Regular", 10.0, False, False, True)
_ROMAN = pdf_module._Style("LMRoman10-Regular", 10.0, False, False, True)


def _line_of(*pieces: tuple[str, pdf_module._Style]) -> pdf_module._Line:
    words, x = [], 72.0
    for text, style in pieces:
        words.append(pdf_module._Word(text, x, x + 5.0 * len(text), 700.0, 710.0, style, True))
        x += 5.0 * len(text) + 5.0
    return pdf_module._Line(0, words, (0,), 0)


def test_a_command_with_a_placeholder_in_a_slanted_face_is_a_listing_line() -> None:
    # TeX Live's guide: "cd /your/texmf/root && \ls -1LAR ./ >ls-R", the directory a slanted placeholder,
    # set as a display inside a sentence; read as prose it ran into the sentence's next line.
    assert pdf_module._Style("LMRomanSlant10-Regular", 10.0, False, False, True).slanted
    placeholder = ("/your/texmf/root", _SLANT)
    command = _line_of(("cd", _TT), placeholder, ("&&", _TT), ("\\ls", _TT), ("-1LAR", _TT), ("./", _TT))
    assert command.mono
    assert command.text == "cd /your/texmf/root && \\ls -1LAR ./"
    # Placeholders as many as half the monospace words: a Texinfo prototype's types, no listing line.
    assert not _line_of(("definitions", _TT), ("char", _SLANT), ("error_desc", _TT)).mono
    # A word in the roman face is a sentence's ("presuming your system's ls produces ...").
    assert not _line_of(("cd", _TT), ("the", _ROMAN), ("&&", _TT), ("ls", _TT), ("-R", _TT), ("./", _TT)).mono
    # A sentence in italics opening with a command's name is no listing either.
    assert not _line_of(("ls", _TT), ("lists", _SLANT), ("the", _SLANT), ("files", _SLANT)).mono


def test_a_pdf_without_a_text_layer_is_not_text() -> None:
    with pytest.raises(NotTextError, match="no text layer"):
        read("pdf_no_text_layer.pdf")


def test_an_encrypted_pdf_is_not_text() -> None:
    with pytest.raises(NotTextError, match="encrypted") as raised:
        read("pdf_encrypted.pdf")
    assert raised.value.path == "pdf_encrypted.pdf"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 20, b"not a pdf at all", (QUIRKS / "pdf_hyphenation.pdf").read_bytes()[:300]],
    ids=["garbage", "no-signature", "truncated"],
)
def test_a_corrupt_file_is_not_text_and_never_a_library_traceback(data: bytes) -> None:
    with pytest.raises(NotTextError, match="PDF") as raised:
        read_pdf(data, path="broken.pdf")
    assert str(raised.value).startswith("broken.pdf: ")


def test_a_decompression_bomb_is_refused_before_pdfium_sees_it(monkeypatch: pytest.MonkeyPatch) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n" + b" " * 5_000_000
    bomb = minimal_pdf(content, compress=True)
    assert len(bomb) < 20_000
    monkeypatch.setattr(pdf_module, "_read_pages", lambda *args: pytest.fail("PDFium was called"))
    with pytest.raises(InputTooLargeError, match="inflates") as raised:
        read_pdf(bomb, path="bomb.pdf", options=Options(max_input_bytes=1_000_000))
    assert raised.value.path == "bomb.pdf"


def test_a_compressed_stream_within_the_limit_is_read() -> None:
    document = read_pdf(minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Hello there.) Tj ET", compress=True))
    assert texts(document) == ["Hello there."]


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "_MAX_PAGES", 2)
    with pytest.raises(InputTooLargeError, match="pages"):
        read("pdf_running_header_and_page_numbers.pdf")


def test_too_many_characters_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "_MAX_CHARACTERS", 500)
    with pytest.raises(InputTooLargeError, match="more than 500 characters"):
        read("pdf_two_columns.pdf")


def test_without_pypdfium2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(NotTextError, match=r"conceptdiff\[pdf\]"):
        read_pdf(minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Hi) Tj ET"), path="x.pdf")


# -- real LaTeX manuals' layouts (iftex's and Texdoc's manuals, tests/test_documents.py) ---------------

_SERIF = pdf_module._Style("CMR10", 10.9, False, False, True)
_SMALL = pdf_module._Style("CMR9", 9.0, False, False, True)
_TINY = pdf_module._Style("CMR6", 6.0, False, False, True)
_SYMBOL = pdf_module._Style("CMSY10", 10.9, False, False, True)
_HEADING = pdf_module._Style("CMBX12", 14.3, True, False, True)


def _words(text: str, x: float, baseline: float, style: pdf_module._Style) -> list[pdf_module._Word]:
    """``text``'s words set from ``x`` on a baseline, 5 points a character (the box from the
    descent below the baseline to the size above it)."""
    words = []
    for word in text.split():
        words.append(pdf_module._Word(word, x, x + 5.0 * len(word), baseline - 0.25 * style.size,
                                      baseline + 0.75 * style.size, style, True))  # fmt: skip
        x += 5.0 * len(word) + 3.5
    return words


def _read_words(pages: list[list[pdf_module._Word]]) -> Document:
    read_pages = []
    for number, words in enumerate(pages):
        marks = pdf_module._Marks()
        lines = pdf_module._page_lines(number, words, marks, 612.0)
        read_pages.append(pdf_module._Page(number, 612.0, 792.0, lines, marks.boxes))
    pdf_module._mark_furniture(read_pages, Options())
    return pdf_module._build(read_pages, Options())


_PROSE = [
    "Texdoc has several modes that determine how results will be returned and the default",
    "is the view mode which opens the first result that is supposed to be the best one with",
    "a viewer that suits the type of document found and it is rather handy when you know",
    "what you want to read while there may be other relevant documents for the names",
    "that you gave on the command line which the view mode ignores in any case.",
]


def test_a_line_holding_a_symbol_fonts_deep_glyph_is_not_taken_for_a_line_and_a_half_down() -> None:
    # TeX's "⟨name⟩": the symbol font's box reaches far below the baseline; measured from its
    # bottom, the line seemed 21 points under the one above (13.6 apart) and the paragraph was cut.
    words: list[pdf_module._Word] = []
    for number, text in enumerate(_PROSE):
        baseline = 700.0 - 13.6 * number
        line = _words(text, 90.0, baseline, _SERIF)
        words += line
        if number == 2:
            x = line[-1].x1 + 3.5
            words.append(pdf_module._Word("⟨", x, x + 3.0, baseline - 8.0, baseline + 8.0, _SYMBOL, True))
    found = [block.text for block in _read_words([words]).blocks]
    assert len(found) == 1 and found[0].startswith(_PROSE[0]) and found[0].endswith(_PROSE[-1]), found


def test_a_contents_entry_whose_page_number_stands_far_right_is_set_aside() -> None:
    # A LaTeX contents list: a chapter's entry has no dot leaders, its page number far right;
    # the numbers were read as a column of their own and every entry kept as a paragraph.
    words = _words("Contents", 134.0, 700.0, _HEADING)
    entries = ["1 Introduction", "2 Loading the package", "3 Engine test conditionals", "4 Requiring specific engines",
               "5 Output mode conditional", "6 Additional packages", "7 Compatibility with scrbase"]  # fmt: skip
    for number, entry in enumerate(entries):
        baseline = 680.0 - 21.9 * number
        words += _words(entry, 134.0, baseline, _SERIF) + _words(str(number + 1), 472.0, baseline, _SERIF)
    for number, text in enumerate(_PROSE):
        words += _words(text, 90.0, 500.0 - 13.6 * number, _SERIF)
    document = _read_words([words])
    assert [block.text for block in document.blocks] == [" ".join(_PROSE)]
    assert {dropped.reason for dropped in document.dropped} == {"table-of-contents"}


def test_a_footnotes_lines_after_its_raised_mark_are_one_paragraph() -> None:
    # The mark is set small and raised, the note's text after it; its next line starts under
    # the text, not at the mark: read as an item's hanging indent, the note was cut in two.
    words: list[pdf_module._Word] = []
    for number, text in enumerate(_PROSE):
        words += _words(text, 90.0, 700.0 - 13.6 * number, _SERIF)
    words.append(pdf_module._Word("1", 96.9, 100.7, 177.5, 183.5, _TINY, True))  # as Texdoc's manual sets it
    words += _words("Old names of environment variables, namely TEXDOCVIEW_html and its kind,", 102.7, 175.2, _SMALL)
    words += _words("are deprecated but still work in this version.", 102.7, 164.2, _SMALL)
    found = [block.text for block in _read_words([words]).blocks]
    assert found[-1].endswith(
        "Old names of environment variables, namely TEXDOCVIEW_html and its kind, "
        "are deprecated but still work in this version."
    )


def test_a_table_without_rules_between_its_columns_is_read_by_row() -> None:
    # Texdoc's manual: a table whose columns are told by where their cells start (booktabs,
    # a word processor's table): each cell was a paragraph of its own.
    words: list[pdf_module._Word] = []
    for number, text in enumerate(_PROSE[:3]):
        words += _words(text, 90.0, 700.0 - 13.6 * number, _SERIF)
    table = [("Variable", "Use for", "Configuration item"), ("BROWSER", "HTML files", "viewer_html"),
             ("DVIVIEWER", "DVI files", "viewer_dvi"), ("PAGER", "Text files", "viewer_txt")]  # fmt: skip
    for number, cells in enumerate(table):
        baseline = 640.0 - 13.6 * number
        styles = (_SERIF, _SERIF, _SERIF) if number == 0 else (_COURIER, _SERIF, _COURIER)  # names in typewriter
        for x, cell, style in zip((164.0, 235.0, 329.0), cells, styles, strict=True):
            words += _words(cell, x, baseline, style)
    for number, text in enumerate(_PROSE[3:]):
        words += _words(text, 90.0, 560.0 - 13.6 * number, _SERIF)
    found = [(block.kind, block.text) for block in _read_words([words]).blocks]
    rows = [text for kind, text in found if kind is BlockKind.TABLE_ROW]
    assert rows == [" | ".join(cells) for cells in table]
    assert found[0] == (BlockKind.PARAGRAPH, " ".join(_PROSE[:3]))
    assert found[-1] == (BlockKind.PARAGRAPH, " ".join(_PROSE[3:]))


def test_lines_whose_pieces_do_not_line_up_are_no_table() -> None:
    # A title page's two authors side by side, then prose: pieces far apart, but no columns.
    words = _words("Manuel Pégourié-Gonnard", 134.0, 700.0, _SERIF) + _words("Takuto Asakura", 353.0, 700.0, _SERIF)
    words += _words("v3.4.1", 226.0, 680.0, _SERIF) + _words("2022-03-19", 300.0, 680.0, _SERIF)
    words += _words("Quick", 90.0, 660.0, _SERIF) + _words("Guide", 180.0, 660.0, _SERIF)
    found = [block.kind for block in _read_words([words]).blocks]
    assert BlockKind.TABLE_ROW not in found


def _set(text: str, x0: float, baseline: float, x1: float | None = None) -> list[pdf_module._Word]:
    """``text`` set from ``x0``, justified to end at ``x1`` when given (its spaces widened)."""
    words = _words(text, x0, baseline, _SERIF)
    if x1 is not None and len(words) > 1:
        extra = (x1 - words[-1].x1) / (len(words) - 1)
        for number, word in enumerate(words):
            word.x0 += extra * number
            word.x1 += extra * number
    return words


def test_a_paragraphs_first_line_set_in_at_a_pages_foot_goes_on_at_the_head_of_the_next() -> None:
    # TeX sets a paragraph's first line in: alone at the foot of a column, it was taken for a
    # paragraph of its own, since the next column's lines start at the edge.
    full = [
        "Permission to use, copy, modify and distribute this software for all",
        "purposes and its documentation is hereby granted without any fee, as",
    ]
    page: list[pdf_module._Word] = []
    baseline = 740.0
    for _paragraph in range(6):
        page += _set(full[0], 66.0, baseline, 430.0)
        page += _set(full[1], 56.0, baseline - 12.0, 430.0)
        page += _set("long as the notice is kept.", 56.0, baseline - 24.0)
        baseline -= 36.0
    page += _set("The above copyright notice and this permission notice shall be", 66.0, baseline, 430.0)
    following = _set("included in all copies or substantial portions of the Software, as", 56.0, 740.0, 430.0)
    following += _set("well as in all of the documentation that comes with the Software and", 56.0, 728.0, 430.0)
    following += _set("its copies.", 56.0, 716.0)
    found = [block.text for block in _read_words([page, following]).blocks]
    assert found[0] == f"{full[0]} {full[1]} long as the notice is kept."
    assert found[-1] == (
        "The above copyright notice and this permission notice shall be included in all copies or "
        "substantial portions of the Software, as well as in all of the documentation that comes with "
        "the Software and its copies."
    )
