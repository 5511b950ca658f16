"""Summary snapshots: change_summary, assert_summary_matches, SummarySnapshot, EditionLoader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

from conceptdiff import ChangeKind, Edition, InputError, compare
from conceptdiff.strategies import EditedPair, edited_pairs
from conceptdiff.testing import (
    UPDATE_SNAPSHOTS_ENV,
    EditionLoader,
    SnapshotMismatchError,
    SummarySnapshot,
    assert_summary_matches,
    change_summary,
)

from .conftest import PAIRS

OLD, NEW = PAIRS / "moved_and_reworded" / "old.txt", PAIRS / "moved_and_reworded" / "new.txt"


@pytest.fixture(autouse=True)
def _no_update_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE_SNAPSHOTS_ENV, raising=False)


# --------------------------------------------------------------------------
# change_summary
# --------------------------------------------------------------------------


@given(edited_pairs(mix="heavy"))
def test_the_summary_has_a_line_for_every_change_and_none_for_unchanged_clauses(pair: EditedPair) -> None:
    result = compare(pair.old, pair.new)
    lines = change_summary(result).rstrip("\n").split("\n")
    header, body = lines[:4], lines[4:]
    assert header[1] == f"old: {len(pair.old_texts)} clause{'s' if len(pair.old_texts) != 1 else ''}"
    assert header[2] == f"new: {len(pair.new_texts)} clause{'s' if len(pair.new_texts) != 1 else ''}"
    listed = [c for c in result.changes if c.kind is not ChangeKind.UNCHANGED or c.relabeled]
    assert len(body) == len(listed)
    for line, change in zip(body, listed, strict=True):
        word = "renumbered" if change.kind is ChangeKind.UNCHANGED else change.kind.value
        assert line.split()[1] == word
    assert change_summary(result) == change_summary(compare(pair.old, pair.new))


def test_the_summary_leaves_out_scores_so_tuning_does_not_churn_it() -> None:
    summary = change_summary(compare(Edition.from_path(OLD), Edition.from_path(NEW)))
    assert "similarity" not in summary and "0." not in summary and "fuzzy" not in summary
    # Article 2 moved to the end and reworded; Articles 3-5 became 2-4.
    assert "counts: 4 unchanged, 1 moved, 4 renumbered" in summary
    assert "> moved     old #2 (Article 2) -> new #5 (Article 5): Members {+shall+} contribute" in summary
    assert "= renumbered old #3 (Article 3) -> new #2 (Article 2): The official languages" in summary


_SCRIPT = """
import sys
from conceptdiff import Edition, compare
from conceptdiff.testing import change_summary
sys.stdout.write(change_summary(compare(Edition.from_path(sys.argv[1]), Edition.from_path(sys.argv[2]))))
"""


def test_the_summary_is_the_same_in_every_process() -> None:
    outputs = set()
    for seed in ("0", "4242"):
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(OLD), str(NEW)],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
            check=True,
            timeout=120,
        )
        outputs.add(done.stdout)
    assert outputs == {change_summary(compare(Edition.from_path(OLD), Edition.from_path(NEW)))}


# --------------------------------------------------------------------------
# assert_summary_matches
# --------------------------------------------------------------------------


def test_a_missing_snapshot_fails_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "snap" / "summary.txt"
    with pytest.raises(SnapshotMismatchError) as caught:
        assert_summary_matches(OLD, NEW, snapshot=path)
    message = str(caught.value)
    assert message.startswith(f"no snapshot of the change summary yet at {path}")
    assert "--conceptdiff-update" in message and "CONCEPTDIFF_UPDATE_SNAPSHOTS=1" in message
    assert caught.value.expected is None
    assert caught.value.actual in message + "\n"
    assert not path.exists() and not path.parent.exists()


def test_update_writes_the_snapshot_and_the_next_check_passes(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "summary.txt"
    result = assert_summary_matches(OLD, NEW, snapshot=path, update=True)
    assert path.read_text(encoding="utf-8") == change_summary(result)
    assert [p.name for p in path.parent.iterdir()] == ["summary.txt"]  # no temporary file left behind
    assert_summary_matches(OLD, NEW, snapshot=path)


def test_a_changed_summary_fails_with_a_unified_diff(tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    assert_summary_matches(OLD, NEW, snapshot=path, update=True)
    changed = NEW.read_text(encoding="utf-8").replace("Geneva", "Vienna")
    with pytest.raises(SnapshotMismatchError) as caught:
        assert_summary_matches(OLD, changed, snapshot=path)
    lines = str(caught.value).split("\n")
    assert lines[0] == f"the change summary differs from the snapshot {path}"
    assert lines[1].startswith("- snapshot, + now; to accept it, rerun with pytest --conceptdiff-update")
    assert lines[2].startswith("@@ ")
    removed = [line for line in lines if line.startswith("-") and not line.startswith("- snapshot")]
    added = [line for line in lines if line.startswith("+")]
    assert removed == [
        "-new: 'new.txt', 5 clauses",  # text, not a file, now
        "-counts: 4 unchanged, 1 moved, 4 renumbered",
        "-= renumbered old #4 (Article 4) -> new #3 (Article 3): The seat of the organisation is in Geneva.",
    ]
    assert added == [
        "+new: 5 clauses",
        "+counts: 3 unchanged, 1 reworded, 1 moved, 4 renumbered",
        "+~ reworded  old #4 (Article 4) -> new #3 (Article 3): "
        "The seat of the organisation is in [-Geneva-]{+Vienna+}.",
    ]
    assert path.read_text(encoding="utf-8") == caught.value.expected  # the snapshot is left alone


def test_the_environment_variable_turns_update_on_and_an_explicit_false_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "summary.txt"
    monkeypatch.setenv(UPDATE_SNAPSHOTS_ENV, "1")
    with pytest.raises(SnapshotMismatchError):
        assert_summary_matches(OLD, NEW, snapshot=path, update=False)
    assert not path.exists()
    assert_summary_matches(OLD, NEW, snapshot=path)
    assert path.exists()
    monkeypatch.setenv(UPDATE_SNAPSHOTS_ENV, "0")
    with pytest.raises(SnapshotMismatchError):
        assert_summary_matches(OLD, "something else entirely", snapshot=path)


def test_a_snapshot_checked_out_with_windows_line_endings_still_matches(tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    summary = change_summary(compare(Edition.from_path(OLD), Edition.from_path(NEW)))
    path.write_bytes(summary.replace("\n", "\r\n").encode("utf-8"))
    assert_summary_matches(OLD, NEW, snapshot=path)


def test_a_huge_diff_is_cut(tmp_path: Path) -> None:
    old = [f"Clause {i} is about subject number {i}." for i in range(200)]
    path = tmp_path / "summary.txt"
    assert_summary_matches(old, old, snapshot=path, update=True)
    with pytest.raises(SnapshotMismatchError) as caught:
        assert_summary_matches(old, [t.replace("subject", "topic") for t in old], snapshot=path)
    lines = str(caught.value).split("\n")
    assert len(lines) == 2 + 60 + 1
    assert lines[-1].startswith("… and ") and lines[-1].endswith(" more diff lines")


def test_a_directory_is_not_a_snapshot(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=str(tmp_path)):
        assert_summary_matches(OLD, NEW, snapshot=tmp_path)


# --------------------------------------------------------------------------
# SummarySnapshot and EditionLoader (the fixtures' engines)
# --------------------------------------------------------------------------


def test_each_call_in_a_test_gets_its_own_file(tmp_path: Path) -> None:
    snapshot = SummarySnapshot(tmp_path, "test_x[a/b c]", update=True)
    snapshot(OLD, NEW)
    snapshot(OLD, OLD)
    snapshot(NEW, NEW, name="third one")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "test_x_a_b_c-2.txt",
        "test_x_a_b_c-third_one.txt",
        "test_x_a_b_c.txt",
    ]
    again = SummarySnapshot(tmp_path, "test_x[a/b c]")
    again(OLD, NEW)
    with pytest.raises(SnapshotMismatchError, match=r"test_x_a_b_c-2\.txt"):
        again(OLD, NEW)


def test_the_loader_reads_paths_relative_to_its_directory(tmp_path: Path) -> None:
    loader = EditionLoader(PAIRS)
    assert loader("moved_and_reworded/old.txt") == Edition.from_path(OLD)
    assert loader(OLD).label == "old.txt"  # absolute paths are used as they are
    assert loader("moved_and_reworded/old.txt", label="1999").label == "1999"
    with pytest.raises(InputError, match=r"nowhere\.txt"):
        loader("nowhere.txt")
