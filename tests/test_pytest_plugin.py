"""The pytest plugin, run on small test projects with pytest's own pytester."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

from conceptdiff import testing

pytest_plugins = ["pytester"]

V1 = "1. Members may vote.\n\n2. Fees are due in 30 days.\n\n3. The Board meets monthly.\n"
V2 = (
    "1. Members shall vote.\n\n2. Fees are due in 30 days.\n\n3. The Board meets monthly.\n\n4. Audits happen yearly.\n"
)


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A project with two editions in data/; pytest's explanation cut-off as on a developer's machine."""
    for variable in ("CI", "BUILD_NUMBER", testing.UPDATE_SNAPSHOTS_ENV):
        monkeypatch.delenv(variable, raising=False)
    data = pytester.path / "data"
    data.mkdir()
    (data / "v1.txt").write_text(V1, encoding="utf-8")
    (data / "v2.txt").write_text(V2, encoding="utf-8")
    return pytester


def test_the_plugin_is_registered_through_the_pytest11_entry_point() -> None:
    (plugin,) = entry_points(group="pytest11", name="conceptdiff")
    assert plugin.value == "conceptdiff.pytest_plugin"


def test_comparing_two_editions_explains_the_failure_clause_by_clause(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        def test_editions(edition):
            assert edition("data/v1.txt") == edition("data/v2.txt")
        """
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: assert Edition('v1.txt', 3 clauses) == Edition('v2.txt', 4 clauses)",
            "E         2 clause-level changes (conceptdiff):",
            "E           ~ reworded  old #1 (1) -> new #1 (1) [rewording]: Members [-may-]{+shall+} vote.",
            "E           + added     new #4 (4) [addition]: Audits happen yearly.",
        ]
    )
    assert not any("label" in line for line in result.outlines)  # labels are not part of equality


def test_editions_with_the_same_texts_name_the_kinds_that_differ(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from conceptdiff import Edition

        def test_kinds():
            heading = Edition.from_text("SCOPE\\n\\nThe rules apply.\\n", label="v1")
            assert heading == Edition.from_clauses(["SCOPE", "The rules apply."], label="other")
        """
    )
    result = project.runpytest()
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: assert Edition('v1', 2 clauses) == Edition('other', 2 clauses)",
            "E         the clauses' texts match; their kinds differ:",
            "E           clause #1: kind 'heading' != 'paragraph'",
        ]
    )


def test_an_edition_read_from_a_file_equals_its_clauses(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from conceptdiff import Edition

        def test_equal(edition):
            read = edition("data/v1.txt")
            assert read == Edition(read.clauses, label="another label", dropped=())
        """
    )
    project.runpytest().assert_outcomes(passed=1)


def test_minus_vv_shows_every_change_and_the_default_is_cut(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from conceptdiff import Edition

        OLD = Edition.from_clauses([f"Members of group {i} may vote on all matters." for i in range(30)])
        NEW = Edition.from_clauses([f"Members of group {i} may vote on some matters." for i in range(30)])

        def test_many():
            assert OLD == NEW
        """
    )
    short = project.runpytest()
    short.stdout.fnmatch_lines(["E         30 clause-level changes (conceptdiff):", "*use '-vv' to show"])
    assert sum("~ reworded" in line for line in short.outlines) < 10
    full = project.runpytest("-vv")
    assert sum(line.startswith("E ") and "[-all-]{+some+}" in line for line in full.outlines) == 30


def test_other_comparisons_keep_pytests_own_explanation(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from conceptdiff import Edition

        def test_lists():
            assert [1, 2] == [1, 3]

        def test_edition_and_text():
            assert Edition.from_text("Fees.") == "Fees."

        def test_not_equal():
            assert Edition.from_text("Fees.") != Edition.from_text("Fees.")
        """
    )
    result = project.runpytest()
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(["*At index 1 diff: 2 != 3*"])
    result.stdout.no_fnmatch_line("*clause-level*")


def test_the_edition_fixture_reads_paths_relative_to_the_test_file(project: pytest.Pytester) -> None:
    sub = project.path / "tests" / "sub"
    (sub / "data").mkdir(parents=True)
    (sub / "data" / "here.txt").write_text(V2, encoding="utf-8")
    (sub / "test_relative.py").write_text(
        "def test_found(edition):\n"
        "    assert len(edition('data/here.txt').clauses) == 4\n"
        "    assert edition('data/here.txt', label='2024').label == '2024'\n"
        "\n"
        "def test_missing(edition):\n"
        "    edition('data/nowhere.txt')\n",
        encoding="utf-8",
    )
    result = project.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([f"E * conceptdiff.errors.FileReadError: {sub / 'data' / 'nowhere.txt'}: no such file"])


def test_helper_failures_point_at_the_test_line_not_at_conceptdiff(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        from pathlib import Path
        from conceptdiff.testing import Difference, assert_same_content

        def test_content():
            assert_same_content(Path("data/v1.txt"), Path("data/v2.txt"), allow=Difference.COSMETIC)
        """
    )
    result = project.runpytest()
    result.stdout.fnmatch_lines(
        [
            ">       assert_same_content(Path(*",
            "E       conceptdiff.testing.ContentMismatchError: 2 changes not allowed (1 addition, 1 rewording) "
            "between old 'v1.txt' (3 clauses) and new 'v2.txt' (4 clauses)",
            "E         ~ reworded  old #1 (1) -> new #1 (1) [rewording]: Members [-may-]{+shall+} vote.",
            "E         + added     new #4 (4) [addition]: Audits happen yearly.",
            "E       allowed: cosmetic",
        ]
    )
    result.stdout.no_fnmatch_line("*def assert_same_content*")
    result.stdout.no_fnmatch_line("*conceptdiff/testing.py*")


SNAPSHOT_TESTS = """
from pathlib import Path
import pytest
from conceptdiff.testing import assert_summary_matches

def test_summary(summary_snapshot, edition):
    summary_snapshot(edition("data/v1.txt"), edition("data/v2.txt"))

@pytest.mark.parametrize("name", ["a/b", "c d"])
def test_param(summary_snapshot, edition, name):
    summary_snapshot(edition("data/v1.txt"), edition("data/v1.txt"))

class TestOne:
    def test_same_name(self, summary_snapshot, edition):
        summary_snapshot(edition("data/v1.txt"), edition("data/v2.txt"))

class TestTwo:
    def test_same_name(self, summary_snapshot, edition):
        summary_snapshot(edition("data/v2.txt"), edition("data/v1.txt"))

def test_plain_helper(edition):
    path = Path(__file__).parent / "snapshots" / "plain.txt"
    assert_summary_matches(edition("data/v1.txt"), edition("data/v2.txt"), snapshot=path)
"""


def test_summary_snapshots_fail_until_written_then_guard_the_summary(project: pytest.Pytester) -> None:
    project.makepyfile(test_snap=SNAPSHOT_TESTS)
    snapshots = project.path / "snapshots"

    first = project.runpytest()
    first.assert_outcomes(failed=6)
    first.stdout.fnmatch_lines(
        [
            "E       conceptdiff.testing.SnapshotMismatchError: no snapshot of the change summary yet at "
            "snapshots/test_snap/test_summary.txt",
            "E       to write it, rerun with pytest --conceptdiff-update or CONCEPTDIFF_UPDATE_SNAPSHOTS=1; *",
        ]
    )
    assert not snapshots.exists()

    project.runpytest("--conceptdiff-update").assert_outcomes(passed=6)
    assert sorted(str(p.relative_to(snapshots)) for p in snapshots.rglob("*.txt")) == [
        "plain.txt",
        "test_snap/TestOne.test_same_name.txt",
        "test_snap/TestTwo.test_same_name.txt",
        "test_snap/test_param_a_b.txt",
        "test_snap/test_param_c_d.txt",
        "test_snap/test_summary.txt",
    ]
    assert testing._update_from_plugin is False  # the inner session restored it

    project.runpytest().assert_outcomes(passed=6)

    (project.path / "data" / "v2.txt").write_text(V2.replace("monthly", "weekly"), encoding="utf-8")
    changed = project.runpytest("-k", "test_summary")
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(
        [
            "E       conceptdiff.testing.SnapshotMismatchError: the change summary differs from the snapshot "
            "snapshots/test_snap/test_summary.txt",
            "E       - snapshot, + now; to accept it, rerun with pytest --conceptdiff-update *",
            "E       -counts: 2 unchanged, 1 reworded, 1 added",
            "E       +counts: 1 unchanged, 2 reworded, 1 added",
            "E       +~ reworded  old #3 (3) -> new #3 (3): The Board meets [-monthly-]{+weekly+}.",
        ]
    )


def test_the_plugin_can_be_switched_off_by_its_name(project: pytest.Pytester) -> None:
    project.makepyfile("def test_x(edition):\n    pass\n")
    result = project.runpytest("-p", "no:conceptdiff")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'edition' not found*"])


def test_a_fresh_pytest_process_loads_the_plugin(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        def test_editions(edition):
            assert edition("data/v1.txt") == edition("data/v2.txt")
        """
    )
    result = project.runpytest_subprocess("--conceptdiff-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E         2 clause-level changes (conceptdiff):"])
    assert Path(project.path / "data" / "v1.txt").exists()
