"""docs/reading.md and docs/api.md: their Python examples run, in page order, from the repository root."""

from __future__ import annotations

import os
import re

import pytest

from .conftest import ROOT

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("page", ["reading.md", "api.md"])
def test_the_pages_python_examples_run(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = BLOCK.findall((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert blocks, page
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        namespace: dict[str, object] = {}
        for block in blocks:
            exec(compile(block, f"docs/{page}", "exec"), namespace)
    finally:
        os.chdir(here)
    assert capsys.readouterr().out  # the examples print what they show
