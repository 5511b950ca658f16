"""The peers of benchmarks/peers.py: git diff (--color-moved, --word-diff) and redlines, read fairly."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from benchmarks import peers
from benchmarks.scoring import Change, partition_problems

OLD = [
    "1. Members may vote at the general assembly.",
    "2. Fees are due in March each year for all members.",
    "3. The seat of the association is in Geneva.",
    "4. Disputes go to the panel of three arbiters.",
    "5. This clause will be removed entirely.",
]
NEW = [
    "1. Fees are due in March each year for all members.",  # moved up, unedited
    "2. The seat of the association is in Geneva.",
    "3. Disputes go to the panel of arbiters.",  # reworded in place
    "4. A clause about something else altogether.",  # added
    "5. Members may vote at the general assembly.",  # moved down, unedited
]

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
needs_redlines = pytest.mark.skipif(importlib.util.find_spec("redlines") is None, reason="redlines is not installed")
PEERS = [
    pytest.param(peers.run_git_moved, marks=needs_git, id="git --color-moved"),
    pytest.param(peers.run_git_words, marks=needs_git, id="git --word-diff"),
    pytest.param(peers.run_redlines, marks=needs_redlines, id="redlines"),
]


def _sorted(changes: list[Change]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return sorted((c.kind, c.old, c.new) for c in changes)


@pytest.mark.parametrize("peer", PEERS)
def test_every_peer_tiles_both_editions_and_pairs_the_rewording(peer: peers.System) -> None:
    changes = peer(OLD, NEW)
    assert partition_problems(changes, len(OLD), len(NEW)) == []
    assert ("reworded", (3,), (2,)) in _sorted(changes)
    assert ("removed", (4,), ()) in _sorted(changes)
    assert ("added", (), (3,)) in _sorted(changes)


@needs_git
def test_git_color_moved_finds_the_unedited_moved_line() -> None:
    changes = _sorted(peers.run_git_moved(OLD, NEW))
    assert ("moved", (0,), (4,)) in changes  # git pairs the moved line with its copy of the same text
    assert ("unchanged", (1,), (0,)) in changes


@pytest.mark.parametrize("peer", PEERS)
def test_a_peer_leaves_unlike_lines_unpaired_and_equal_editions_unchanged(peer: peers.System) -> None:
    assert _sorted(peer(["Scope", "Members may vote.", "End"], ["Scope", "Fees are payable in advance.", "End"])) == [
        ("added", (), (1,)),
        ("removed", (1,), ()),
        ("unchanged", (0,), (0,)),
        ("unchanged", (2,), (2,)),
    ]
    assert _sorted(peer(OLD, OLD)) == [("unchanged", (i,), (i,)) for i in range(len(OLD))]


def test_the_quality_part_runs_every_system_found(capsys: pytest.CaptureFixture[str]) -> None:
    found, notes = peers.systems()
    figures = peers.bench_quality(found, pairs=1, size=20, seed=0)
    printed = capsys.readouterr().out
    assert set(figures["systems"]) == set(found)
    for name, row in figures["systems"].items():
        assert name in printed
        assert row["invalid"] == 0
    f1 = figures["systems"]["conceptdiff"]["edit_link_f1"]
    assert f1["light"] == f1["medium"] == f1["heavy"] == 1.0
    # The hard mix's in-place replacements are removals and additions by the benchmark's
    # definition; conceptdiff calls a clause rewritten in place between neighbours in order
    # reworded (docs/alignment.md): those are the only links it is allowed to miss here.
    assert f1["hard"] >= 0.8 and f1["overall"] >= 0.95
    assert any("redlines" in note for note in notes)  # its version, or how to install it
