"""docs/testing.md: every example test file in it runs and passes as written.

A fenced ``python`` block whose first line is ``# tests/<name>.py`` is a
complete test file; they are written into a fresh project beside the example
policy editions and run with pytest (first with ``--conceptdiff-update`` to
write the summary snapshots a user would commit, then as they stand).
"""

from __future__ import annotations

import re
import shutil

import pytest

from conceptdiff import testing

from .conftest import ROOT

pytest_plugins = ["pytester"]

DOC = ROOT / "docs" / "testing.md"
DATA = ROOT / "examples" / "external-project" / "tests" / "data"
BLOCK = re.compile(r"```python\n# (tests/\w+\.py)\n(.*?)```", re.DOTALL)


def test_every_example_test_file_in_the_testing_docs_passes(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(testing.UPDATE_SNAPSHOTS_ENV, raising=False)
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 7
    shutil.copytree(DATA, pytester.path / "tests" / "data")
    tests = 0
    for name, body in blocks:
        path = pytester.path / name
        assert not path.exists(), f"two examples are both {name}"
        path.write_text(body, encoding="utf-8")
        tests += len(re.findall(r"^ *def test_", body, re.MULTILINE))

    first = pytester.runpytest("-p", "no:cacheprovider", "--conceptdiff-update")
    first.assert_outcomes(passed=tests)
    written = sorted(p.name for p in (pytester.path / "tests" / "snapshots").rglob("*.txt"))
    assert written == ["policy-2024.txt", "test_the_2024_changes_are_the_reviewed_ones.txt"]

    again = pytester.runpytest("-p", "no:cacheprovider")
    again.assert_outcomes(passed=tests)


def test_the_snapshot_shown_in_the_docs_is_what_change_summary_gives() -> None:
    from conceptdiff import Edition, compare

    text = DOC.read_text(encoding="utf-8")
    shown = re.search(r"```text\n(# conceptdiff change summary.*?)```", text, re.DOTALL)
    assert shown is not None
    old, new = Edition.from_path(DATA / "policy-2023.txt"), Edition.from_path(DATA / "policy-2024.txt")
    assert shown.group(1) == testing.change_summary(compare(old, new))
