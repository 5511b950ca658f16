"""The Word reader (conceptdiff.read.docx): structure from the document's own
markup, the audit contract, bounds and bad input, and the quality of the
reading on the rendered documents of fixtures/documents.

The small .docx fixtures are written by fixtures/quirks/make_docx_fixtures.py,
whose builders the tests below also use for the documents they make.
"""

from __future__ import annotations

import importlib.util
import io
import tracemalloc
import zipfile
from collections.abc import Callable
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conceptdiff.errors import InputError, InputTooLargeError, NotTextError
from conceptdiff.options import Options
from conceptdiff.read import BlockKind, Document, read_bytes, read_path
from conceptdiff.read import docx as docx_module
from conceptdiff.read.docx import read_docx

from .conftest import FIXTURES

QUIRKS = FIXTURES / "quirks"
DOCUMENTS = FIXTURES / "documents"
MB = 1 << 20


def _load_maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_docx_fixtures", QUIRKS / "make_docx_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _load_maker()


def read(name: str, **options: Any) -> Document:
    return read_docx((QUIRKS / name).read_bytes(), path=name, options=Options(**options))


def shown(document: Document) -> list[tuple[str, str, str | None]]:
    return [(block.kind.value, block.text, block.label) for block in document.blocks]


def assert_audit(document: Document) -> None:
    """The audit contract of conceptdiff.read, checked in full."""
    source = document.source
    spans = [(start, end, "block") for block in document.blocks for start, end in block.spans]
    spans += [(span.start, span.end, "dropped") for span in document.dropped]
    covered = [0] * len(source)
    for start, end, _ in spans:
        assert 0 <= start < end <= len(source)
        for index in range(start, end):
            covered[index] += 1
    for index, char in enumerate(source):
        assert covered[index] == (0 if char.isspace() and covered[index] == 0 else 1), (index, char)
    for span in document.dropped:
        assert span.text == source[span.start : span.end]
    for block in document.blocks:
        assert block.text.strip(), block
        assert block.kind is BlockKind.CODE or block.text == " ".join(block.text.split())
    starts = [block.start for block in document.blocks]
    assert starts == sorted(starts)


# -- the fixtures ---------------------------------------------------------------------------


def test_the_fixtures_are_what_their_script_writes() -> None:
    for name, write in make.FIXTURES.items():
        assert (QUIRKS / name).read_bytes() == write(), f"{name}: run fixtures/quirks/make_docx_fixtures.py"


REFUSED = ("docx_not_a_word_document.docx", "docx_malformed_xml.docx", "docx_password_protected.docx",
           "docx_entity_expansion.docx")  # fmt: skip


@pytest.mark.parametrize("name", [name for name in make.FIXTURES if name not in REFUSED])
def test_every_fixture_keeps_the_audit_contract(name: str) -> None:
    assert_audit(read(name))


# -- structure ------------------------------------------------------------------------------


def test_word_numbering_gives_labels_as_printed_with_restarts_and_levels() -> None:
    document = read("docx_word_numbering.docx")
    assert [(b.kind.value, b.label, b.depth) for b in document.blocks] == [
        ("heading", "Article 1", 0),  # numbered through its style; lvlText "Article %1"
        ("list_item", "1", 0),
        ("list_item", "1.1", 1),  # "%1.%2."
        ("list_item", "1.2", 1),
        ("list_item", "(a)", 2),  # "(%3)" keeps its parentheses
        ("list_item", "(b)", 2),
        ("list_item", "i", 3),  # "%4)" loses its closing one
        ("list_item", "ii", 3),
        ("list_item", "A", 4),
        ("list_item", "I", 5),
        ("list_item", "2", 0),
        ("list_item", "2.1", 1),  # the deeper level restarted
        ("list_item", "3", 0),  # another w:num of the same list continues it
        ("heading", "Article 2", 0),
        ("heading", "2.1", 0),
        ("list_item", "1", 0),  # startOverride: a list of its own, from 1
        ("list_item", "2", 0),
        ("list_item", None, 0),  # a bullet
        ("list_item", "5", 0),  # w:start 5
        ("list_item", "6", 0),
        ("list_item", None, 0),  # "List Paragraph" with numId 0: an item without a number
    ]
    assert document.blocks[0].level == 1 and document.blocks[14].level == 2
    assert document.blocks[2].text == "“Work” means the program."


def _numbered(levels: str, paragraphs: list[tuple[int, int]], nums: dict[int, str] | None = None) -> list[str | None]:
    numbering_xml = make.numbering({1: levels}, nums or {1: "1"})
    body = "".join(make.paragraph(f"item {n}", num=num, ilvl=ilvl) for n, (num, ilvl) in enumerate(paragraphs))
    document = read_docx(make.package(body, numbering_xml=numbering_xml, styles_xml=make.styles()))
    return [block.label for block in document.blocks]


def test_legal_numbering_prints_every_level_as_a_decimal() -> None:
    levels = make.level(0, "upperRoman", "%1.") + make.level(1, "lowerLetter", "%1.%2", extra="<w:isLgl/>")
    assert _numbered(levels, [(1, 0), (1, 1), (1, 1)]) == ["I", "1.1", "1.2"]


def test_a_level_with_lvl_restart_zero_never_restarts() -> None:
    levels = make.level(0, "decimal", "%1.") + make.level(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>')
    assert _numbered(levels, [(1, 0), (1, 1), (1, 0), (1, 1)]) == ["1", "a", "2", "b"]


def test_letters_past_z_double_and_a_level_override_replaces_the_level() -> None:
    levels = make.level(0, "lowerLetter", "%1.", start=26)
    override = '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">' + make.level(0, "upperRoman", "[%1]", start=4)
    override += "</w:lvlOverride>"
    assert _numbered(levels, [(1, 0), (1, 0), (2, 0)], {1: "1", 2: override}) == ["z", "aa", "[IV]"]


def test_a_list_started_at_a_billion_in_letters_prints_a_decimal() -> None:
    # A billion in Word's letters would be 38 million of them; letters stop at 780 (thirty z's).
    assert _numbered(make.level(0, "lowerLetter", "%1.", start=780), [(1, 0), (1, 0)]) == ["z" * 30, "781"]
    assert _numbered(make.level(0, "upperLetter", "%1.", start=999_999_999), [(1, 0)]) == ["999999999"]


def test_heading_styles_by_name_outline_level_and_based_on_chain() -> None:
    document = read("docx_localized_heading_styles.docx")
    assert [(b.kind.value, b.level, b.text) for b in document.blocks] == [
        ("heading", 1, "Datenschutzrichtlinie"),  # Title
        ("heading", 1, "Geltungsbereich"),  # "Überschrift 1": its outline level
        ("heading", 1, "Allgemeines"),  # a custom style based on it
        ("heading", 2, "Begriffe"),  # based on "heading 2"
        ("paragraph", 0, "Diese Richtlinie gilt für alle Daten."),  # outline level 9 is body text
        ("heading", 3, "Ausnahmen"),  # the paragraph's own outline level
        ("quote", 0, "Daten sind kein Rohstoff."),
    ]
    assert document.blocks[-1].flags == {"quote"}


def test_a_style_id_without_styles_xml_still_names_a_heading() -> None:
    body = make.paragraph("Scope", style="Heading2") + make.paragraph("Text.")
    document = read_docx(make.package(body))
    assert [(b.kind.value, b.level) for b in document.blocks] == [("heading", 2), ("paragraph", 0)]


def test_tables_give_one_row_each_with_the_header_as_context() -> None:
    document = read("docx_tables_with_header_rows.docx")
    rows = [(b.text, b.context) for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        ("Term | Meaning", None),
        ("Work | the program and its documentation", "Term | Meaning"),  # a cell's paragraphs joined
        ("Nested | outer inner a inner b", "Term | Meaning"),  # the nested table flattened; the empty row skipped
        ("Data | Retention", None),
        ("(in months) | (maximum)", None),  # both rows marked w:tblHeader
        ("Logs | 12", "Data | Retention | (in months) | (maximum)"),
    ]
    assert "deleted row" not in document.source


def test_monospace_paragraphs_and_code_styles_are_code_blocks() -> None:
    document = read("docx_code_in_monospace.docx")
    assert shown(document) == [
        ("paragraph", "Run the command:", None),
        ("code", "def main():\n    print('hello')\n\nmain()", None),
        ("paragraph", "Or the shell:", None),
        ("code", "pyenv install 3.11\n    pyenv global 3.11", None),  # w:br ends a line; a tab is 4 spaces
        ("paragraph", "Call main() to start.", None),  # one word in Courier is not code
    ]


def test_a_character_style_in_a_monospace_font_makes_code() -> None:
    styles_xml = make.styles(make.style("VerbatimChar", "Verbatim Char", kind="character", font="Menlo"))
    body = make.paragraph(markup=make.run("ls -l", style="VerbatimChar")) + make.paragraph("Plain.")
    document = read_docx(make.package(body, styles_xml=styles_xml))
    assert shown(document) == [("code", "ls -l", None), ("paragraph", "Plain.", None)]


def test_a_monospace_default_style_does_not_make_everything_code() -> None:
    styles_xml = make.styles(make.style("Normal", "Normal", default=True, font="Courier New"))
    document = read_docx(make.package(make.paragraph("A typewritten letter."), styles_xml=styles_xml))
    assert shown(document) == [("paragraph", "A typewritten letter.", None)]


def test_tracked_changes_fields_links_controls_and_special_characters() -> None:
    document = read("docx_tracked_changes_fields_and_links.docx")
    assert [b.text for b in document.blocks] == [
        "The Licensee shall keep the notices.",  # w:del out, w:ins in
        "Kept, and Moved sentence.",  # w:moveFrom out (its paragraph left empty: no block), w:moveTo in
        "Version 2.0 of 1 January 2024.",  # field results, never instructions
        "See the licence, section Scope and the FAQ.",
        "Nested result",  # a field nested in another's instruction shows nothing
        "The party is ACME Ltd.",  # block and inline content controls
        "non-exclusive, worldwide licence for all uses.",  # no-break hyphen, soft hyphen, symbol, tab, breaks, hidden
    ]
    assert document.blocks[3].links == ("https://example.org/licence", "#scope", "https://example.org/faq")
    assert "may" not in document.source and "DATE" not in document.source and "hidden" not in document.source


def test_headers_and_footers_are_audited_furniture_and_notes_follow_the_body() -> None:
    document = read("docx_headers_footers_and_footnotes.docx")
    assert [(b.text, sorted(b.flags)) for b in document.blocks] == [
        ("Purpose", []),
        ("Personal data is processed lawfully. It is kept safe.", []),  # the reference marks are not text
        ("Records are kept.", []),
        ("See Regulation (EU) 2016/679.", ["footnote"]),  # in the order the body refers to them
        ("As defined in Article 4.", ["footnote"]),
        ("Records are kept for five years.", ["footnote"]),  # the endnote
    ]
    assert [(d.reason, d.text) for d in document.dropped] == [
        ("running-header", "ACME DATA PROTECTION POLICY"),
        ("page-number", "Page 1 of 3"),
        ("running-header", "Confidential"),
        ("page-number", "2"),
    ]


def test_furniture_is_kept_as_flagged_paragraphs_when_asked() -> None:
    document = read("docx_headers_footers_and_footnotes.docx", drop_page_furniture=False)
    kept = [b.text for b in document.blocks if "running-header" in b.flags]
    assert kept == ["ACME DATA PROTECTION POLICY", "Page 1 of 3", "Confidential", "2"]
    assert document.dropped == ()


def test_a_text_box_is_read_once_though_written_twice() -> None:
    document = read("docx_text_box_alternate_content.docx")
    assert [b.text for b in document.blocks] == [
        "Review",
        "Boxed note: the policy is reviewed yearly.",  # after the paragraph it is anchored in
        "After the box.",
        "Old note: kept in a VML box.",
    ]


def test_a_word_table_of_contents_is_set_aside() -> None:
    document = read("docx_table_of_contents.docx")
    assert shown(document) == [("heading", "Purpose", None), ("heading", "Scope", None)]
    assert [(d.reason, d.text) for d in document.dropped] == [
        ("table-of-contents", "Contents"),
        ("table-of-contents", "Purpose 1"),
        ("table-of-contents", "Scope 2"),
    ]
    kept = read("docx_table_of_contents.docx", drop_table_of_contents=False)
    assert [b.text for b in kept.blocks] == ["Contents", "Purpose 1", "Scope 2", "Purpose", "Scope"]


def test_strict_open_xml_namespaces_are_read() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    body = make.paragraph("Scope", style="Heading1") + make.paragraph("Strict text.")
    data = make.package(body, styles_xml=make.styles())
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name).replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                                 strict.encode()) for name in source.namelist()}  # fmt: skip
    document = read_docx(make.zipped(parts))
    assert [(b.kind.value, b.text) for b in document.blocks] == [("heading", "Scope"), ("paragraph", "Strict text.")]


def test_a_docx_is_read_through_read_bytes_and_read_path() -> None:
    data = (QUIRKS / "docx_word_numbering.docx").read_bytes()
    assert read_bytes(data, name="policy.docx").format == "docx"
    assert read_bytes(data).format == "docx"  # told by its signature
    document = read_path(QUIRKS / "word_document.docx")
    assert (document.blocks[0].kind, document.blocks[0].text) == (BlockKind.HEADING, "Data Protection Policy")


# -- the audit property on random documents ----------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\u2028\u2029"),
    min_size=1,
    max_size=30,
)
_CODE_LINE = st.text(st.characters(codec="ascii", categories=("L", "N", "P")), min_size=1, max_size=12)
_ELEMENTS = st.one_of(
    st.tuples(st.just("heading"), st.integers(1, 3), _TEXT),
    st.tuples(st.just("paragraph"), _TEXT),
    st.tuples(st.just("bullet"), _TEXT),
    st.tuples(st.just("numbered"), _TEXT),
    st.tuples(st.just("table"), st.lists(st.lists(_TEXT, min_size=2, max_size=2), min_size=1, max_size=3)),
    st.tuples(st.just("code"), st.lists(_CODE_LINE, min_size=1, max_size=3)),
    st.tuples(st.just("empty")),
)


def _random_document(elements: list[tuple[Any, ...]]) -> tuple[bytes, list[tuple[str, str, str | None, str | None]]]:
    """A package of ``elements`` and the blocks it must give: (kind, text, label, context)."""
    body: list[str] = []
    expected: list[tuple[str, str, str | None, str | None]] = []
    numbered = 0
    code: list[str] = []

    def flush() -> None:
        if code:
            expected.append(("code", "\n".join(code), None, None))
            code.clear()

    for element in elements:
        kind = element[0]
        if kind != "code":
            flush()
        if kind == "heading":
            body.append(make.paragraph(element[2], style=f"Heading{element[1]}"))
            text = " ".join(element[2].split())
            if text:
                expected.append(("heading", text, None, None))
        elif kind in ("paragraph", "bullet", "numbered"):
            options: dict[str, Any] = {"style": "ListBullet"} if kind == "bullet" else {}
            if kind == "numbered":
                options, numbered = {"num": 1, "ilvl": 0}, numbered + 1
            body.append(make.paragraph(element[1], **options))
            text = " ".join(element[1].split())
            if text:
                label = str(numbered) if kind == "numbered" else None
                expected.append(("paragraph" if kind == "paragraph" else "list_item", text, label, None))
        elif kind == "table":
            body.append(make.table(element[1]))
            rows = [" | ".join(" ".join(cell.split()) for cell in row).strip() for row in element[1]]
            nonempty = [row for row, cells in zip(rows, element[1], strict=True) if any(c.strip() for c in cells)]
            expected += [("table_row", row, None, None if i == 0 else nonempty[0]) for i, row in enumerate(nonempty)]
        elif kind == "code":
            body.append("".join(make.paragraph(line, font="Consolas") for line in element[1]))
            code.extend(element[1])
        else:
            body.append("<w:p/>")
    flush()
    numbering_xml = make.numbering({1: make.level(0, "decimal", "%1.")}, {1: "1"})
    return make.package("".join(body), styles_xml=make.styles(), numbering_xml=numbering_xml), expected


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ELEMENTS, max_size=12))
def test_random_documents_give_their_blocks_and_keep_the_audit_contract(elements: list[tuple[Any, ...]]) -> None:
    data, expected = _random_document(elements)
    document = read_docx(data)
    assert_audit(document)
    assert [(b.kind.value, b.text, b.label, b.context) for b in document.blocks] == expected


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_packages_are_read_or_refused_never_a_traceback(data: st.DataObject) -> None:
    original = bytearray((QUIRKS / "docx_tracked_changes_fields_and_links.docx").read_bytes())
    damaged = original[: data.draw(st.integers(0, len(original)), label="cut")]
    for position in data.draw(st.lists(st.integers(0, max(len(damaged) - 1, 0)), max_size=6), label="flips"):
        if damaged:
            damaged[position] ^= data.draw(st.integers(1, 255))
    try:
        document = read_docx(bytes(damaged), path="damaged.docx")
    except InputError as error:
        assert "damaged.docx" in str(error)
    else:
        assert_audit(document)


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("docx_password_protected.docx", r"docx_password_protected\.docx: an OLE compound file.*password-protected"),
        ("docx_not_a_word_document.docx", r"not a Word document: .* no word/document\.xml .*Excel"),
        ("docx_malformed_xml.docx", r"malformed XML in word/document\.xml, line 4, column \d+: mismatched tag"),
        ("docx_entity_expansion.docx", r"word/document\.xml declares a DTD"),
    ],
)
def test_what_is_not_a_readable_word_document_is_refused_with_its_name(name: str, message: str) -> None:
    with pytest.raises(NotTextError, match=message):
        read(name)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "an empty file"),
        (b"PK\x03\x04 but not a ZIP archive at all", "not a readable .docx file"),
        (b"plain text, not a package", "not a readable .docx file"),
    ],
)
def test_bytes_that_are_no_package_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(NotTextError, match=rf"broken\.docx: {message}"):
        read_docx(data, path="broken.docx")


def test_a_truncated_package_is_refused() -> None:
    data = (QUIRKS / "docx_word_numbering.docx").read_bytes()
    with pytest.raises(NotTextError, match=r"cut\.docx: not a readable \.docx file"):
        read_docx(data[: len(data) // 2], path="cut.docx")


def test_an_encrypted_zip_entry_is_refused() -> None:
    data = bytearray(make.package(make.paragraph("Secret.")))
    # Set bit 0 (encrypted) of the general purpose flags of every entry, in both headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 1
            start += 4
    with pytest.raises(NotTextError, match=r"secret\.docx: .*encrypted"):
        read_docx(bytes(data), path="secret.docx")


def test_the_xml_parser_neither_expands_nor_fetches_entities() -> None:
    """What docx._checked's comment relies on, besides its own refusal of any DTD."""
    laughs = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(ElementTree.ParseError, match="amplification"):
        ElementTree.fromstring(f"<!DOCTYPE x [{laughs}]><x>&i;</x>")
    with pytest.raises(ElementTree.ParseError, match="undefined entity"):
        ElementTree.fromstring('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')


# -- bounds ---------------------------------------------------------------------------------


def _bomb(size: int, *, name: str = "word/document.xml") -> bytes:
    """A package whose ``name`` inflates to ``size`` bytes of paragraphs from a few hundred KB."""
    chunk = (b"<w:p><w:r><w:t>lol</w:t></w:r></w:p>" * (MB // 36 + 1))[:MB]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "_rels/.rels", "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'/>"
        )
        with archive.open(name, "w") as part:
            part.write(f"<w:document {make.NAMESPACES}><w:body>".encode())
            for _ in range(size // MB):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb(200 * MB)


def _peak(call: Callable[[], object]) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        call()
    except InputError as error:
        return error, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return None, 0


def test_a_zip_bomb_is_refused_before_it_is_inflated(bomb: bytes) -> None:
    error, peak = _peak(lambda: read_docx(bomb, path="bomb.docx", options=Options(max_input_bytes=8 * MB)))
    assert isinstance(error, InputTooLargeError)
    assert "bomb.docx" in str(error) and "word/document.xml" in str(error)
    assert peak < 8 * MB  # nothing inflated: the declared sizes were enough


def test_a_zip_bomb_under_a_large_limit_is_refused_by_its_ratio(bomb: bytes) -> None:
    error, peak = _peak(lambda: read_docx(bomb, path="bomb.docx", options=Options(max_input_bytes=1 << 30)))
    assert isinstance(error, InputTooLargeError)
    assert "ZIP bomb" in str(error)
    assert peak < 8 * MB


def test_a_zip_bomb_whose_sizes_lie_is_refused_by_the_bytes_inflated(
    bomb: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the checks of declared sizes switched off, the count of bytes
    actually inflated still stops the part at the limit."""
    monkeypatch.setattr(docx_module._Package, "declared", lambda self, names: None)
    error, peak = _peak(lambda: read_docx(bomb, path="bomb.docx", options=Options(max_input_bytes=8 * MB)))
    assert isinstance(error, InputTooLargeError)
    assert "word/document.xml expands past the limit" in str(error)
    assert peak < 24 * MB


def test_a_part_declared_smaller_than_it_inflates_is_refused_as_corrupt() -> None:
    data = bytearray(_bomb(20 * MB))
    entry = data.rfind(b"PK\x01\x02")  # the central directory entry of word/document.xml, the last one written
    data[entry + 24 : entry + 28] = (1000).to_bytes(4, "little")  # its uncompressed size: 1,000 bytes
    with pytest.raises(NotTextError, match=r"liar\.docx: .*corrupt"):
        read_docx(bytes(data), path="liar.docx", options=Options(max_input_bytes=8 * MB))


def test_parts_larger_together_than_the_limit_are_refused() -> None:
    data = make.package(make.paragraph("x" * 5000), styles_xml=make.styles())
    with pytest.raises(InputTooLargeError, match=r"big\.docx: its parts expand to \d+ bytes"):
        read_docx(data, path="big.docx", options=Options(max_input_bytes=4000))


def test_an_archive_of_too_many_entries_is_refused() -> None:
    parts: dict[str, str | bytes] = {f"media/{n}.bin": b"" for n in range(20_001)}
    with pytest.raises(NotTextError, match="more than 20000 files"):
        read_docx(make.zipped(parts), path="many.docx")
