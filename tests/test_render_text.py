"""The terminal view: 80 columns, colour only on a terminal and never alone, NO_COLOR, --stat."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import conceptdiff
from conceptdiff.cli import main
from conceptdiff.render import ReportOptions, render_stat, render_text
from conceptdiff.render._report import build_report

from .conftest import CORPUS, PAIRS

ANSI = re.compile(r"\x1b\[[0-9;]*m")
CORPUS_PAIRS = [
    ("eupl-1.1.en.txt", "eupl-1.2.en.txt"),
    ("python-pep8-2005-08-20.en.txt", "python-pep8-2005-12-15.en.txt"),
    ("github-privacy-statement-2022-12-15.en.txt", "github-privacy-statement-2023-10-10.en.txt"),
]


def cells(line: str) -> int:
    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in line
    )  # fmt: skip


def _pair(name: str) -> conceptdiff.Comparison:
    return conceptdiff.compare(
        conceptdiff.Edition.from_path(PAIRS / name / "old.txt"),
        conceptdiff.Edition.from_path(PAIRS / name / "new.txt"),
    )


@pytest.fixture(scope="module", params=CORPUS_PAIRS, ids=[p[0].split(".")[0] for p in CORPUS_PAIRS])
def corpus_comparison(request: pytest.FixtureRequest) -> conceptdiff.Comparison:
    old, new = request.param
    return conceptdiff.compare(conceptdiff.Edition.from_path(CORPUS / old), conceptdiff.Edition.from_path(CORPUS / new))


@pytest.mark.parametrize("width", [80, 60])
def test_real_reports_fit_the_width(corpus_comparison: conceptdiff.Comparison, width: int) -> None:
    for output in (render_text(corpus_comparison, width=width), render_stat(corpus_comparison, width=width)):
        too_wide = [line for line in output.splitlines() if cells(line) > width]
        assert too_wide == []


def test_stat_fits_one_screen(corpus_comparison: conceptdiff.Comparison) -> None:
    stat = render_stat(corpus_comparison)
    assert len(stat.splitlines()) <= 36
    report = build_report(corpus_comparison)
    assert f"{report.listed} changes" in stat


def test_colour_adds_style_and_nothing_else(corpus_comparison: conceptdiff.Comparison) -> None:
    """The rule: meaning is never carried by colour alone, so taking the colour off loses nothing."""
    for renderer in (render_text, render_stat):
        plain = renderer(corpus_comparison)
        coloured = renderer(corpus_comparison, color=True)
        assert "\x1b" not in plain and "\x1b[" in coloured
        assert ANSI.sub("", coloured) == plain


def test_every_change_is_listed_with_its_markers() -> None:
    comparison = _pair("reworded_obligation")
    text = render_text(comparison)
    for entry in build_report(comparison).changes:
        assert f"[{entry.number}] ~ reworded" in text
    assert "Members [-may-]{+shall+} report" in text and "shall {+not+} publish" in text
    assert "! substantive: modal (may → shall); number (30 days → 60 days)" in text


def test_control_characters_cannot_drive_the_terminal() -> None:
    old = conceptdiff.Edition.from_clauses(["Members may vote \x1b[2J\x1b]0;owned\x07 now."], label="a\x1b[31m")
    new = conceptdiff.Edition.from_clauses(["Members shall vote \x1b[2J\x1b]0;owned\x07 now."], label="b")
    comparison = conceptdiff.compare(old, new)
    for output in (render_text(comparison), render_stat(comparison)):
        assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[2J" in render_text(comparison)  # shown as an escape, as file names are
    assert ANSI.sub("", render_text(comparison, color=True)).count("\x1b") == 0


def test_wide_characters_are_wrapped_by_their_width() -> None:
    old = conceptdiff.Edition.from_clauses(["条約の締約国は" * 12 + "。"])
    new = conceptdiff.Edition.from_clauses(["条約の締約国は" * 12 + "、直ちに。"])
    output = render_text(conceptdiff.compare(old, new), width=50)
    assert all(cells(line) <= 50 for line in output.splitlines())


def test_whole_document_context() -> None:
    comparison = _pair("renumbered_sections")
    text = render_text(comparison, options=ReportOptions(context="document"))
    for clause in comparison.new.clauses:
        assert clause.display in text
    assert "This Regulation applies" not in render_text(comparison)


def test_hide_cosmetic() -> None:
    comparison = _pair("smart_quotes_vs_ascii")
    assert "[1] = cosmetic edit" in render_text(comparison)
    hidden = render_text(comparison, options=ReportOptions(hide_cosmetic=True))
    assert "[1]" not in hidden and "2 changes not shown (ignored: cosmetic)." in hidden


def test_stat_lists_what_touches_an_obligation_or_a_fact() -> None:
    stat = render_stat(_pair("reworded_obligation"))
    assert "Changes touching an obligation or a fact" in stat
    assert "[1] new #1  modal (may → shall); number (30 days → 60 days)" in stat
    assert "[2] new #2  negation (+ shall not)" in stat


# --- the command line -----------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CONCEPTDIFF_DEBUG")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "conceptdiff", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def _on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run the CLI with its standard output on a pseudo-terminal; what it printed."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CONCEPTDIFF_DEBUG")}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "80", **(env or {})})
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "conceptdiff", *args], stdout=follower, stderr=subprocess.PIPE, env=environment,
            timeout=120,
        )  # fmt: skip
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    assert done.returncode in (0, 1), done.stderr
    return b"".join(chunks).decode("utf-8")


OLD, NEW = str(PAIRS / "reworded_obligation" / "old.txt"), str(PAIRS / "reworded_obligation" / "new.txt")


def test_piped_output_is_plain() -> None:
    done = _cli("compare", OLD, NEW)
    assert done.returncode == 1 and "\x1b" not in done.stdout
    assert "[-may-]{+shall+}" in done.stdout


def test_a_terminal_gets_colour_unless_no_color() -> None:
    assert "\x1b[" in _on_a_terminal("compare", OLD, NEW)
    assert "\x1b" not in _on_a_terminal("compare", OLD, NEW, env={"NO_COLOR": "1"})
    assert "\x1b" not in _on_a_terminal("compare", OLD, NEW, env={"TERM": "dumb"})
    assert "\x1b" not in _on_a_terminal("compare", "--no-color", OLD, NEW)
    assert "\x1b[" in _cli("compare", "--color", OLD, NEW).stdout


def test_stat_and_width_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--stat", "--width", "60", OLD, NEW]) == 1
    out = capsys.readouterr().out
    assert "Changes touching an obligation or a fact" in out
    assert all(cells(line) <= 60 for line in out.splitlines())


@pytest.mark.parametrize(
    ("fmt", "marker"), [("markdown", "# What changed:"), ("html", "<!DOCTYPE html>"), ("json", '"schema"')]
)
def test_formats_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, marker: str) -> None:
    out = tmp_path / f"report.{fmt}"
    assert main(["compare", "--format", fmt, "--output", str(out), OLD, NEW]) == 1
    assert capsys.readouterr() == ("", "")
    assert marker in out.read_text(encoding="utf-8")


def test_identical_editions_exit_0_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    same = str(PAIRS / "identical" / "old.txt"), str(PAIRS / "identical" / "new.txt")
    for fmt in ("text", "markdown", "html", "json"):
        assert main(["compare", "--format", fmt, *same]) == 0


@pytest.mark.parametrize(
    "args",
    [("--stat", "--format", "html"), ("--all", "--format", "json"), ("--hide-cosmetic", "--format", "json"),
     ("--width", "10"), ("--terms", "-1")],
)  # fmt: skip
def test_contradictory_options_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    assert main(["compare", *args, OLD, NEW]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("conceptdiff: error:")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("eupl-1.1.en.txt", "eupl-1.2.en.txt"),
        ("us-nss-2002.en.txt", "us-nss-2006.en.txt"),
        ("github-privacy-statement-2022-09-01.en.txt", "github-privacy-statement-2022-12-15.en.txt"),
        ("python-pep8-2005-08-20.en.txt", "python-pep8-2005-12-15.en.txt"),
    ],
)
def test_stat_fits_one_screen_on_real_pairs(old: str, new: str) -> None:
    corpus = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
    result = conceptdiff.compare(corpus / old, corpus / new)
    stat = render_stat(result, width=80)
    lines = stat.splitlines()
    assert len(lines) <= 24 and all(cells(line) <= 80 for line in lines)
    assert " ".join(stat.split()).startswith(f"{old} → {new}: ")  # the headline first
    assert all(" old #" in line or " new #" in line for line in lines if line.startswith("  ["))  # sides named


def test_the_whole_document_marks_where_a_moved_clause_was() -> None:
    from conceptdiff.render import ReportOptions
    from conceptdiff.render.html import render_html
    from conceptdiff.render.markdown import render_markdown

    pair = Path(__file__).resolve().parent.parent / "fixtures" / "pairs" / "moved_and_reworded"
    result = conceptdiff.compare(pair / "old.txt", pair / "new.txt")  # Article 2 moved to the end
    options = ReportOptions(context="document", terms=0)
    text = render_text(result, options=options, width=200)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next(n for n, line in enumerate(lines) if line.startswith("Article 1 The organisation"))
    assert lines[first + 1].startswith("↕ [4] moved from here (old #2 (label Article 2) → new #5")
    assert text.count("moved from here") == 1
    markdown = render_markdown(result, options=options)
    assert (
        markdown.index("Article 1 The organisation")
        < markdown.index("Change 4 moved from here")
        < markdown.index("Renumbered")
    )
    assert render_html(result, options=options).count('class="ctx moved-from"') == 1


def test_a_move_inside_a_section_whose_heading_changed_is_no_change_of_section() -> None:
    old = (
        "# Policy of 2020\n\n## 1. Definitions\n\nAlpha clause about members and their rights.\n\n"
        "Beta clause about fees and when they are due.\n\nGamma clause about meetings of the board.\n\n"
        "## 2. Rules\n\nDelta clause about the rules of procedure.\n"
    )
    new = (
        "# Policy of 2024\n\n## 1. Definitions\n\nBeta clause about fees and when they are due.\n\n"
        "Gamma clause about meetings of the board.\n\nAlpha clause about members and their rights.\n\n"
        "## 2. Rules\n\nDelta clause about the rules of procedure.\n"
    )
    result = conceptdiff.compare(old, new)
    assert [c.kind for c in result.changes].count(conceptdiff.ChangeKind.MOVED) == 1
    assert "moved from" not in render_text(result, width=200)  # the same section, though its title's date changed
    elsewhere = new.replace("Alpha clause about members and their rights.\n\n## 2. Rules\n\n", "## 2. Rules\n\n") + (
        "\nAlpha clause about members and their rights.\n"
    )
    report = render_text(conceptdiff.compare(old, elsewhere), width=200)
    assert "moved from Policy of 2020 › 1 Definitions to Policy of 2024 › 2 Rules" in report


def test_section_names_in_the_stat_view_are_never_alike() -> None:
    from conceptdiff.render.text import _section_names

    sections = [("Chapter 1", "Introduction"), ("Appendix", "Introduction"), ("Chapter 2", "Scope"), ()]
    assert _section_names(sections, width=36) == [
        "Chapter 1 › Introduction",
        "Appendix › Introduction",
        "Scope",
        "(before the first heading)",
    ]
    long = [("A very long part title that goes on", f"Subsection number {n} of many") for n in (1, 2)]
    names = _section_names(long, width=20)
    assert len(set(names)) == 2 and all(len(name) <= 20 for name in names)
