"""The command line exits like diff: 0 same, 1 different, 2 error (one line, no traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conceptdiff import Edition, compare
from conceptdiff.cli import main
from conceptdiff.render import render_json

from .conftest import CORPUS, FIXTURES, PAIRS

SEED = FIXTURES / "seed" / "news-article-ru-foreign-policy-concept-2023.txt"
QUIRKS = FIXTURES / "quirks"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CONCEPTDIFF_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "conceptdiff", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def test_identical_files_exit_0() -> None:
    done = run("compare", str(PAIRS / "identical/old.txt"), str(PAIRS / "identical/new.txt"))
    assert done.returncode == 0, done.stderr
    assert "3 unchanged" in done.stdout


def test_different_files_exit_1_and_print_the_changes() -> None:
    done = run("compare", str(PAIRS / "reworded_obligation/old.txt"), str(PAIRS / "reworded_obligation/new.txt"))
    assert done.returncode == 1, done.stderr
    assert "[-may-]{+shall+}" in done.stdout
    assert done.stderr == ""


def test_bad_option_exits_2_with_one_line() -> None:
    done = run("compare", "--format", "pdf", "a", "b")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_json_format_is_the_comparison(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    status = main(
        [
            "compare",
            str(PAIRS / "added_and_removed/old.txt"),
            str(PAIRS / "added_and_removed/new.txt"),
            "--format",
            "json",
            "--output",
            str(out),
        ]
    )
    assert status == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(c["kind"] for c in data["changes"]) == ["added", "removed", "unchanged", "unchanged"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    status = main(["compare", str(tmp_path / "missing.txt"), str(PAIRS / "identical/new.txt"), "-o", str(out)])
    assert status == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_exit_0(flag: str) -> None:
    done = run(flag)
    assert done.returncode == 0
    assert "conceptdiff" in done.stdout or "Usage" in done.stdout


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (CORPUS / "github-privacy-statement-2022-12-15.en.txt", CORPUS / "github-privacy-statement-2023-10-10.en.txt"),
        (SEED, QUIRKS / "line_in_another_language.txt"),
        (PAIRS / "moved_and_reworded/old.txt", PAIRS / "moved_and_reworded/new.txt"),
    ],
)
def test_the_command_compares_the_editions_the_library_reads(old: Path, new: Path, tmp_path: Path) -> None:
    # The command segments both files while the language model loads, and
    # flags languages afterwards: the result must be Edition.from_path's.
    out = tmp_path / "report.json"
    assert main(["compare", str(old), str(new), "--format", "json", "-o", str(out)]) == 1
    expected = render_json(compare(Edition.from_path(old), Edition.from_path(new)))
    assert out.read_text(encoding="utf-8") == expected
    if old == SEED:
        assert '"language:id"' in expected
