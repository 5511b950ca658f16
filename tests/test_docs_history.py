"""The examples of docs/history.md run, in page order, from the repository root."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

PAGE = ROOT / "docs" / "history.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 2


def test_every_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for number, block in enumerate(BLOCKS, 1):
        exec(compile(block, f"{PAGE.name} example {number}", "exec"), namespace)
    printed = capsys.readouterr().out.splitlines()
    timeline = [line.split() for line in printed[:3]]
    assert [row[0] for row in timeline] == ["2022-09", "2022-12", "2023-10"]
    assert timeline[0][2:] == ["0", "0", "0", "100%"]  # the first edition: nothing added, removed or reworded
