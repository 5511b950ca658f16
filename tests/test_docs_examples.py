"""The Python examples of the user guides run, in page order, from the repository root."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

PAGES = ["history.md", "quotes.md", "api.md"]


def _blocks(page: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "docs" / page).read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("page", PAGES)
def test_every_example_of_the_page_runs(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks(page)
    assert blocks, f"docs/{page} has no example"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"docs/{page} example {number}", "exec"), namespace)


def test_the_history_example_prints_the_timeline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(_blocks("history.md")[0], "docs/history.md example 1", "exec"), {})
    timeline = [line.split() for line in capsys.readouterr().out.splitlines()[:3]]
    assert [row[0] for row in timeline] == ["2022-09", "2022-12", "2023-10"]
    assert timeline[0][2:] == ["0", "0", "0", "100%"]  # the first edition: nothing added, removed or reworded
