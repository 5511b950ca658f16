"""Loading: encodings detected, mojibake repaired, formats read (conceptdiff.load)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conceptdiff import Edition, NotTextError, Options
from conceptdiff.load import decode, repair_mojibake
from conceptdiff.read import read_path

from .conftest import FIXTURES

QUIRKS = FIXTURES / "quirks"


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("encoding_utf_8_bom.txt", "Russia’s new concept – approved."),
        ("encoding_utf_16.txt", "The Licensor grants the Licensee a worldwide licence."),
        ("encoding_windows_1251.txt", "Концепция внешней политики Российской Федерации."),
        ("encoding_latin_1.txt", "Les États membres coopèrent de bonne foi."),
    ],
)
def test_encodings_are_detected(name: str, first: str) -> None:
    edition = Edition.from_path(QUIRKS / name, options=Options(flag_languages=False))
    assert edition.clauses[0].text == first
    assert len(edition.clauses) == 2


def test_utf8_without_a_bom_is_read_as_such() -> None:
    assert decode("Russia’s “new” concept".encode()) == "Russia’s “new” concept"


def test_mojibake_is_repaired_when_reading_a_file() -> None:
    pytest.importorskip("ftfy")
    raw = (QUIRKS / "mojibake_utf8_read_as_cp1252.txt").read_text(encoding="utf-8")
    assert "Russiaâ€™s" in raw
    edition = Edition.from_path(QUIRKS / "mojibake_utf8_read_as_cp1252.txt")
    assert edition.clauses[0].text.startswith("Russia’s new foreign policy concept – “a document")
    assert edition.clauses[1].text == "Moscow’s attitude is determined by the policy of other states."


def test_mojibake_repair_can_be_switched_off() -> None:
    options = Options(repair_mojibake=False, flag_languages=False)
    edition = Edition.from_path(QUIRKS / "mojibake_utf8_read_as_cp1252.txt", options=options)
    assert edition.clauses[0].text.startswith("Russiaâ€™s")


@given(
    st.text(
        alphabet=st.characters(codec="utf-8", max_codepoint=0x7F)
        | st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ’“”–—…"),
        max_size=80,
    )
)
def test_text_without_mojibake_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


def test_html_pages_have_their_main_text_extracted(tmp_path: Path) -> None:
    edition = Edition.from_path(QUIRKS / "html_page.html", options=Options(flag_languages=False))
    texts = [c.text for c in edition.clauses]
    assert texts[0] == "New Foreign Policy Concept Approved"
    assert "Home" not in texts and not any("window.track" in t or "color:" in t for t in texts)
    assert not any("Related" in t or "All rights reserved" in t for t in texts)
    items = [c for c in edition.clauses if c.kind.value == "list_item"]
    assert [c.text.split()[0] for c in items] == ["the", "maintaining"]
    assert [c.text for c in edition.clauses if c.kind.value == "heading"] == [
        "New Foreign Policy Concept Approved",
        "National Interests",
    ]


def test_html_is_sniffed_without_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((QUIRKS / "html_page.html").read_bytes())
    document = read_path(path)
    assert document.format == "html" and not any("<" in block.text for block in document.blocks)


def test_docx_files_are_read_with_headings_and_list_paragraphs() -> None:
    edition = Edition.from_path(QUIRKS / "word_document.docx", options=Options(flag_languages=False))
    assert [(c.kind.value, c.text) for c in edition.clauses] == [
        ("heading", "Data Protection Policy"),
        ("paragraph", "The controller shall keep a record of processing activities."),
        ("list_item", "the name of the controller;"),
        ("list_item", "the purposes of the processing."),
    ]


def test_pdf_files_are_read_page_by_page_and_their_furniture_dropped() -> None:
    pytest.importorskip("pypdfium2")
    edition = Edition.from_path(QUIRKS / "pdf_document.pdf", options=Options(flag_languages=False))
    # The title line recurs at the top of every page in the same type: a running
    # header on every page, the first one included (tests/test_read_pdf.py has the rest).
    assert [c.text for c in edition.clauses] == [
        "Our national security rests on a strong economy and on alliances with free nations.",
        "We will deepen cooperation with our partners in trade and in research.",
        "The strategy will be reviewed every four years.",
    ]
    assert sorted(d.reason for d in edition.dropped) == ["page-number"] * 3 + ["running-header"] * 3


def test_a_broken_docx_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(NotTextError, match=r"broken\.docx"):
        Edition.from_path(path)


def test_a_broken_pdf_is_refused_with_its_name(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(NotTextError, match=r"broken\.pdf"):
        Edition.from_path(path)


def test_the_size_limit_holds_for_every_format(tmp_path: Path) -> None:
    from conceptdiff import InputTooLargeError

    with pytest.raises(InputTooLargeError):
        Edition.from_path(QUIRKS / "word_document.docx", options=attrs.evolve(Options(), max_input_bytes=10))


# --- Mojibake repair: only the lines that can hold mojibake go through ftfy ---


def test_no_lone_character_outside_the_pre_check_looks_like_mojibake_to_ftfy() -> None:
    # repair_mojibake skips every line without two non-ASCII characters side
    # by side or a character of its short list; that is exact only if ftfy's
    # heuristic never fires on such a line.  Each character of the Basic
    # Multilingual Plane, alone among ASCII characters of every kind:
    pytest.importorskip("ftfy")
    from ftfy.badness import is_bad

    from conceptdiff.load import _MAYBE_MOJIBAKE_RE

    lone = [chr(code) for code in range(0x80, 0x10000) if not _MAYBE_MOJIBAKE_RE.search(chr(code))]
    lone = [c for c in lone if not 0xD800 <= ord(c) <= 0xDFFF]
    assert len(lone) > 60_000
    for context in ("{}", "a{} ", "A{}a", ". {} .", "\n{}\n", "x {}1", "a{}.b", "?{}\t", "{}'s", '"{}"'):
        text = "\n".join(context.format(c) for c in lone)
        assert not is_bad(text), context


def _mojibake(text: str, encoding: str) -> str:
    return text.encode("utf-8").decode(encoding, errors="replace")


_LINES = st.sampled_from(
    [
        "Russia’s new foreign policy concept – “a document of the time”.",
        "Les États membres coopèrent de bonne foi.",
        "Концепция внешней политики Российской Федерации.",
        "Plain ASCII line, nothing to repair.",
        "Ã la carte — œuvre",
        "naïve café au lait, déjà vu",
        "",
    ]
)


@given(
    st.lists(
        st.tuples(_LINES, st.sampled_from([None, "cp1252", "latin-1", "cp1251", "mac_roman", "cp1253"])),
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_repairing_the_lines_that_can_hold_mojibake_is_repairing_the_whole_text(
    lines: list[tuple[str, str | None]], newline: str
) -> None:
    ftfy = pytest.importorskip("ftfy")
    from conceptdiff.load import _fixer_config

    text = newline.join(line if encoding is None else _mojibake(line, encoding) for line, encoding in lines)
    assert repair_mojibake(text) == ftfy.fix_text(text, _fixer_config())


def test_a_text_that_cannot_hold_mojibake_does_not_load_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    from conceptdiff import load

    def refuse() -> None:
        raise AssertionError("ftfy was loaded")

    monkeypatch.setattr(load, "_ftfy", refuse)
    text = "Russia’s new concept, approved in Moscow – “a document”.\nLes États membres coopèrent.\n"
    assert repair_mojibake(text) == text
