"""The garbage collector is paused during a comparison and left as it was found."""

from __future__ import annotations

import gc
import importlib

import pytest

import conceptdiff
from conceptdiff._gc import paused_gc

compare_module = importlib.import_module("conceptdiff.compare")


@pytest.mark.parametrize("enabled", [True, False])
def test_compare_pauses_the_collector_and_leaves_it_as_found(enabled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    original = compare_module.align

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(compare_module, "align", spy)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        result = conceptdiff.compare("1. Members may vote.\n", "1. Members shall vote.\n")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    assert seen == [False]  # paused while aligning
    assert [c.kind.value for c in result.changes] == ["reworded"]


def test_the_collector_resumes_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_reading_an_edition_leaves_the_collector_on() -> None:
    assert gc.isenabled()
    edition = conceptdiff.Edition.from_clauses(["1. One.", "2. Two."])
    assert gc.isenabled()
    assert [c.label for c in edition.clauses] == ["1", "2"]
