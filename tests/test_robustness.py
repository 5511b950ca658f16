"""Robust and safe on bad input (issue 8): clear errors, bounded work, nothing lost.

Each hostile input goes through the Python API (the documented exception) and,
where it is a file, through the command line (exit 2, one line on stderr naming
the file, never a traceback).  See ``docs/robustness.md``.  Files that cannot
or will not be read (missing, folders, pipes, devices, images, archives,
broken documents, codecs, hostile file names) and the report file are in
``tests/test_hostile.py``.
"""

from __future__ import annotations

import html.parser
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import (
    Comparison,
    ConceptDiffError,
    DecodeError,
    Edition,
    InputTooLargeError,
    InvalidComparisonError,
    InvalidOptionsError,
    NotTextError,
    Options,
    compare,
)
from conceptdiff.load import decode, read_text
from conceptdiff.model import EditOp
from conceptdiff.render import FORMATS, render
from conceptdiff.worddiff import tokens

GOOD = "1. Members may vote.\n\n2. Fees are due each year.\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CONCEPTDIFF_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "conceptdiff", "compare", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def assert_cli_error(bad: Path, good: Path, *, named: str | None = None) -> str:
    """Run the CLI with ``bad`` on each side: exit 2, one stderr line naming the file."""
    lines = []
    for args in ((str(bad), str(good)), (str(good), str(bad))):
        done = cli(*args)
        assert done.returncode == 2, (done.returncode, done.stderr)
        assert "Traceback" not in done.stderr
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert (named or str(bad)) in lines[0]
        assert "internal error" not in lines[0]
    return lines[0]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


# --- unreadable files -------------------------------------------------------------------------


def test_empty_file_is_an_edition_without_clauses(tmp_path: Path, good: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    edition = Edition.from_path(empty)
    assert edition.clauses == ()
    against_good = compare(edition, Edition.from_path(good))
    assert against_good.has_changes
    assert {change.kind for change in against_good.changes} == {conceptdiff.ChangeKind.ADDED}
    assert not compare(edition, Edition.from_path(empty)).has_changes
    for fmt in FORMATS:
        assert isinstance(render(against_good, fmt), str)
    same = cli(str(empty), str(empty))
    assert same.returncode == 0, same.stderr
    differ = cli(str(empty), str(good))
    assert differ.returncode == 1, differ.stderr
    assert "Traceback" not in differ.stderr


# --- not text ----------------------------------------------------------------------------------


def test_nul_byte_names_its_line() -> None:
    with pytest.raises(NotTextError) as caught:
        decode(b"one\ntwo\nthr\x00ee\n", path="doc.txt")
    assert caught.value.line == 3
    assert "doc.txt:3" in str(caught.value)


# --- undecodable bytes -------------------------------------------------------------------------


def test_invalid_utf8_in_the_middle_names_the_line(tmp_path: Path, good: Path) -> None:
    data = "".join(f"{n}. Clause number {n} says ‘quoted’ text.\n" for n in range(1, 41)).encode()
    middle = data.index(b"\n21.") + 1
    broken = data[:middle] + b"21. Bad \xc3\x28 byte here.\n" + data[middle:]
    path = tmp_path / "broken.txt"
    path.write_bytes(broken)
    # With the encoding stated, the error is a DecodeError naming file and line.
    with pytest.raises(DecodeError) as caught:
        Edition.from_path(path, encoding="utf-8")
    assert caught.value.line == 21
    assert f"{path}:21" in str(caught.value)
    done = cli("--encoding", "utf-8", str(path), str(good))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{path}:21" in done.stderr and len(done.stderr.splitlines()) == 1
    # Without one, a fitting code page may be detected; then nothing is lost.
    try:
        text = read_text(path)
    except DecodeError as error:
        assert error.line == 21
    else:
        assert text.count("\n") == broken.count(b"\n")
        assert "Clause number 40 says" in text


# --- size ----------------------------------------------------------------------------------------


def test_over_the_size_limit(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "big.txt"
    words = ("members", "fees", "vote", "council", "term", "office", "rules", "year", "notice", "quorum", "seat")
    body = "".join(
        f"{n}. The {words[n % 11]} and {words[n % 7]} rule {n} of {words[n % 5]}.\n\n" for n in range(1, 400)
    )
    path.write_bytes(body.encode())
    size = path.stat().st_size
    with pytest.raises(InputTooLargeError) as caught:
        Edition.from_path(path, options=Options(max_input_bytes=size - 1))
    assert caught.value.path == str(path)
    assert "max_input_bytes" in str(caught.value)
    assert len(Edition.from_path(path, options=Options(max_input_bytes=size)).clauses) == 399


def test_over_the_size_limit_is_refused_before_reading(tmp_path: Path, good: Path) -> None:
    # A sparse file far over the default limit: refused on its size, in
    # constant memory (reading it would allocate gigabytes).
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError) as caught:
            Edition.from_path(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024**2
    assert caught.value.path == str(path)
    assert "over the limit" in assert_cli_error(path, good)


# --- line endings and degenerate shapes --------------------------------------------------------


def test_mixed_line_endings_give_the_same_clauses(tmp_path: Path) -> None:
    lines = ["# Scope", "", "1. The first rule", "runs on.", "", "2. The second rule.", "", "A paragraph."]
    base = Edition.from_text("\n".join(lines) + "\n")
    assert len(base.clauses) >= 3
    for ending in ("\r\n", "\r"):
        assert Edition.from_text(ending.join(lines) + ending).texts == base.texts
    mixed = "".join(line + ("\n", "\r\n", "\r")[i % 3] for i, line in enumerate(lines))
    assert Edition.from_text(mixed).texts == base.texts
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed.encode())
    assert Edition.from_path(path).texts == base.texts


def test_one_five_megabyte_line() -> None:
    words = ("alpha", "beta", "gamma", "delta.", "epsilon,")
    line = " ".join(words[i % 5] for i in range(5_000_000 // 6))
    assert len(line) > 4_500_000
    edition = Edition.from_text(line)
    assert edition.clauses
    # Nothing lost: every word survives in some clause.
    assert sum(clause.text.count("gamma") for clause in edition.clauses) == line.count("gamma")
    result = compare(edition, Edition.from_text(line + " zeta."))
    assert result.has_changes


def test_hundred_thousand_blank_lines() -> None:
    text = "1. First.\n" + "\n" * 100_000 + "2. Second.\n" + " \n\t\n" * 1000
    edition = Edition.from_text(text)
    assert edition.texts == ("First.", "Second.")
    assert not Edition.from_text("\n" * 100_000).clauses


def test_fifty_thousand_empty_bullets() -> None:
    text = "1. Real clause.\n" + "- \n" * 25_000 + "*\n" * 25_000 + "2. Another.\n"
    edition = Edition.from_text(text)
    assert "Real clause." in edition.texts and "Another." in edition.texts
    assert len(edition.clauses) < 100
    compare(edition, edition)


# Lines that differ only in their numbers are running headers only when they
# recur a page apart; on consecutive lines they are content.
@pytest.mark.parametrize("digit", ["²", "➀", "௩", "١"])
def test_digits_that_are_no_decimal_digits_are_read_without_error(digit: str) -> None:
    # Found by fuzzing (fuzz/fuzz_pipeline.py): "²" and "➀" pass str.isdigit() but int() refuses
    # them; a line of one alone among page numbers, or one before a month, raised ValueError.
    text = (
        f"First page of text here.\n\n1\n\nSecond page of text.\n\n2\n\nThird.\n\n3\n\nAnd\n\n{digit}\n\nEnd 4\n\n5\n"
    )
    old = Edition.from_text(text)
    assert any("Third." in c.text for c in old.clauses)
    new = Edition.from_text(text.replace("Third.", f"On {digit} May 2021 it ends."))
    result = compare(old, new)
    for fmt in ("text", "markdown", "html", "json"):
        assert render(result, fmt)


def test_numbered_items_differing_only_in_numbers_are_kept() -> None:
    text = "".join(f"{n}. Payment of {n * 100} euros is due.\n" for n in range(1, 12))
    assert len(Edition.from_text(text).clauses) == 11


def test_article_headings_are_kept() -> None:
    words = ("members", "fees", "vote", "council", "term", "office", "rules", "notice", "quorum", "seat", "year")
    text = "".join(f"Article {n}\n\nThe {words[n]} rule applies.\n\n" for n in range(1, 11))
    displays = " ".join(clause.display for clause in Edition.from_text(text).clauses)
    assert all(f"Article {n}" in displays for n in range(1, 11))


# --- HTML ----------------------------------------------------------------------------------------


def test_deeply_nested_html(tmp_path: Path, good: Path) -> None:
    depth = 5_000
    page = "<html><body>" + "<div>" * depth + "<p>Deep clause text.</p>" + "</div>" * depth + "</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    edition = Edition.from_path(path)
    assert any("Deep clause text." in text for text in edition.texts)
    done = cli(str(path), str(good))
    assert done.returncode == 1, done.stderr


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>Unclosed <b>bold <i>italic<p>Next para</div></span></body>",
        "<html><body><p>Text &#xFFFFFFF; &bogus; &#0; <<<>>> </p><p attr='x>y'>Second</p>",
        "<!DOCTYPE html><html><head><title>T</title><script>1 < 2 && alert(1)</script></head>"
        "<body><p>Visible text.</p><!-- unterminated comment",
        "<html><body>" + "<p>" * 3000 + "Many open paragraphs." + "<table><tr><td>" * 500,
        "<html>\x00\x01<body><p>\u202eControl and bidi</p></body>",
    ],
)
def test_malformed_html(tmp_path: Path, page: str) -> None:
    path = tmp_path / "bad.html"
    path.write_text(page, encoding="utf-8", errors="surrogatepass")
    try:
        edition = Edition.from_path(path)
    except ConceptDiffError as error:  # e.g. a NUL byte: refused, but clearly
        assert str(path) in str(error)
        return
    result = compare(edition, Edition.from_text("Visible text."))
    for fmt in FORMATS:
        assert isinstance(render(result, fmt), str)


# --- characters ----------------------------------------------------------------------------------


HOSTILE = [
    "Control \x01\x02\x07\x1b[31m chars\x7f and \x85 NEL \u2028 LS \u2029 PS.",
    "Right-to-left: \u05e9\u05dc\u05d5\u05dd \u202e reversed \u202c and \u0627\u0644\u0639\u0631\u0628\u064a\u0629.",
    "Combining: re\u0301gime, Zu\u0308rich, a\u0300\u0301\u0302\u0303 and \u0915\u094d\u0937 script.",
    "Emoji: 👍🏽 👨‍👩‍👧‍👦 🇪🇺 flags, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math and 𠜎 CJK.",
    "Zero width: a\u200bb\u200cc\u200dd\ufeffe \u00ad soft hyphen.",
]


def _assert_edits_respect_tokens(result: Comparison) -> None:
    old, new = result.old, result.new
    for change in result.changes:
        if not change.edits:
            continue
        old_text = "\n".join(old.clauses[i].text for i in change.old)
        new_text = "\n".join(new.clauses[i].text for i in change.new)
        assert change.old_text == old_text
        assert change.new_text == new_text
        for side_text, keep in ((old_text, EditOp.INSERT), (new_text, EditOp.DELETE)):
            boundaries = {0}
            position = 0
            for token in tokens(side_text):
                position += len(token)
                boundaries.add(position)
            position = 0
            for edit in change.edits:
                if edit.op is keep:
                    continue
                assert position in boundaries, (edit, side_text)
                position += len(edit.text)
            assert position == len(side_text)
        for edit in change.edits:
            # Never half a surrogate pair, never a piece starting with a combining mark
            # that belongs to the previous piece's character.
            assert not any(0xD800 <= ord(char) <= 0xDFFF for char in edit.text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_characters(tmp_path: Path, good: Path, text: str) -> None:
    old = Edition.from_text(f"1. {text}\n\n2. Fees are due.\n")
    assert old.clauses
    edited = text.replace("and", "or").replace(" ", "  ", 1) + " 👍🏽 e\u0301"
    new = Edition.from_text(f"1. {edited}\n\n2. Fees are due.\n")
    result = compare(old, new)
    _assert_edits_respect_tokens(result)
    for fmt in FORMATS:
        assert isinstance(render(result, fmt), str)
    path = tmp_path / "hostile.txt"
    path.write_text(f"1. {text}\n", encoding="utf-8")
    done = cli(str(path), str(good))
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr
    if done.returncode == 2:
        assert len(done.stderr.splitlines()) == 1 and str(path) in done.stderr


def test_emoji_edits_do_not_split_graphemes() -> None:
    old = Edition.from_clauses(["The family 👨‍👩‍👧 voted for re\u0301gime change 👍🏽."])
    new = Edition.from_clauses(["The family 👨‍👩‍👧‍👦 voted for re\u0301gimes change 👍🏿."])
    result = compare(old, new)
    _assert_edits_respect_tokens(result)
    for edit in (edit for change in result.changes for edit in change.edits):
        assert not edit.text.startswith(("\u0301", "\u200d", "\U0001f3fd", "\U0001f3ff", "\ufe0f"))


# --- options and serialized comparisons --------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reworded_threshold", 2.0),
        ("reworded_threshold", -0.1),
        ("max_input_bytes", 0),
        ("max_input_bytes", -5),
    ],
)
def test_invalid_options(field: str, value: Any) -> None:
    with pytest.raises(InvalidOptionsError) as caught:
        Options(**{field: value})
    assert caught.value.argument == field
    assert field in str(caught.value)


def test_invalid_render_format() -> None:
    result = compare("One.", "Two.")
    with pytest.raises(InvalidOptionsError, match="format"):
        render(result, "pdf")


def _valid_dict() -> dict[str, Any]:
    result = compare(GOOD, GOOD.replace("may", "shall") + "\n3. New clause.\n")
    data: dict[str, Any] = json.loads(json.dumps(result.to_dict()))
    return data


def _break_schema(data: dict[str, Any]) -> None:
    data["schema"] = "something/9"


def _drop_old(data: dict[str, Any]) -> None:
    del data["old"]


def _clause_text_number(data: dict[str, Any]) -> None:
    data["old"]["clauses"][0]["text"] = 42


def _bad_kind(data: dict[str, Any]) -> None:
    data["changes"][0]["kind"] = "teleported"


def _index_out_of_range(data: dict[str, Any]) -> None:
    data["changes"][0]["old"] = [999] if data["changes"][0]["old"] else []
    data["changes"][0]["new"] = [999]


def _clauses_not_a_list(data: dict[str, Any]) -> None:
    data["new"]["clauses"] = "nope"


def _bad_option(data: dict[str, Any]) -> None:
    data["options"]["reworded_threshold"] = 7


@pytest.mark.parametrize(
    "breaker",
    [_break_schema, _drop_old, _clause_text_number, _bad_kind, _index_out_of_range, _clauses_not_a_list, _bad_option],
)
def test_malformed_serialized_comparison(breaker: Any) -> None:
    data = _valid_dict()
    assert Comparison.from_dict(data).to_dict() == data
    breaker(data)
    with pytest.raises(InvalidComparisonError) as caught:
        Comparison.from_dict(data)
    assert str(caught.value).startswith("invalid serialized comparison")


@pytest.mark.parametrize("data", [None, [], "text", 3, {}])
def test_serialized_comparison_not_a_mapping(data: Any) -> None:
    with pytest.raises(InvalidComparisonError):
        Comparison.from_dict(data)


def test_malformed_serialized_comparison_names_the_place() -> None:
    data = _valid_dict()
    data["old"]["clauses"][1]["text"] = 42
    with pytest.raises(InvalidComparisonError) as caught:
        Comparison.from_dict(data)
    assert "old" in caught.value.where and "1" in caught.value.where


def test_text_api_rejects_non_text() -> None:
    with pytest.raises(ConceptDiffError):
        Edition.from_text(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(ConceptDiffError):
        Edition.from_clauses(["ok", 3])  # type: ignore[list-item]


# --- property: arbitrary Unicode through the whole pipeline ------------------------------------

PLANTED = "<script>alert('x')</script>"
INJECTED = st.sampled_from(
    ["\r", "\r\n", "\n\n", "\x00", "\u202e", "[…]", "[...]", "- ", "• ", "* ", "1. ", "(a) ", PLANTED, "&amp;", "# "]
)
PIECES = st.lists(st.one_of(st.text(max_size=30), INJECTED), max_size=12).map("".join)


class _Checker(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _check_renders(result: Comparison) -> None:
    for fmt in FORMATS:
        out = render(result, fmt)
        assert isinstance(out, str)
        if fmt == "json":
            loaded = json.loads(out)
            assert Comparison.from_dict(loaded).to_dict() == loaded
        elif fmt == "html":
            checker = _Checker()
            checker.feed(out)
            checker.close()
            assert not any("alert('x')" in script for script in checker.scripts)
            assert PLANTED not in out


def _assert_nothing_lost(text: str, edition: Edition) -> None:
    """Every non-white-space character is in exactly one clause span or dropped span."""
    spans = sorted(
        [c.span for c in edition.clauses if c.span is not None] + [(d.start, d.end) for d in edition.dropped]
    )
    end = 0
    covered = bytearray(len(text))
    for start, stop in spans:
        assert end <= start < stop <= len(text), "spans overlap or fall outside the text"
        covered[start:stop] = b"\x01" * (stop - start)
        end = stop
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=PIECES, new=PIECES)
def test_arbitrary_unicode_through_the_pipeline(old: str, new: str) -> None:
    try:
        old_edition = Edition.from_text(old)
        new_edition = Edition.from_text(new)
    except ConceptDiffError:
        return
    _assert_nothing_lost(old, old_edition)
    _assert_nothing_lost(new, new_edition)
    result = compare(old_edition, new_edition)
    assert result.apply(old_edition.texts) == new_edition.texts
    _assert_edits_respect_tokens(result)
    _check_renders(result)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_raise_documented(data: bytes) -> None:
    try:
        text = decode(data, path="fuzz.txt")
    except (DecodeError, NotTextError) as error:
        assert "fuzz.txt" in str(error)
        return
    Edition.from_text(text)
