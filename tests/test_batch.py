"""compare_many: the same answers as one-by-one compare, in input order, errors per pair; the batch command."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import Comparison, Edition, InvalidOptionsError, Options, compare, compare_many
from conceptdiff.batch import PairFailedError, PairResult, read_pairs
from conceptdiff.cli import main
from conceptdiff.strategies import EditedPair, edited_pairs

from .conftest import CORPUS, PAIRS

CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def one_by_one(pairs: list[tuple[Any, Any]], options: Options | None = None) -> list[Comparison]:
    def edition(side: Any) -> Edition | str:
        return Edition.from_path(side) if isinstance(side, Path) else side

    return [compare(edition(old), edition(new), options=options) for old, new in pairs]


def file_pairs() -> list[tuple[Path, Path]]:
    return read_pairs(PAIRS)


class _Killer:
    """Unpickling this kills the process that does it (a worker that dies mid-batch)."""

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return (os._exit, (3,))


# -- same answers, same order -------------------------------------------------------


@settings(max_examples=15)
@given(st.lists(edited_pairs(mix="heavy"), min_size=1, max_size=4))
def test_serial_batch_is_one_by_one_compare(generated: list[EditedPair]) -> None:
    pairs = [(p.old, p.new) for p in generated]
    results = list(compare_many(pairs, executor="serial"))
    assert [r.index for r in results] == list(range(len(pairs)))
    assert [r.unwrap() for r in results] == one_by_one(pairs)


def test_process_pool_gives_the_one_by_one_comparisons_of_files_and_texts() -> None:
    texts = [(CORPUS_FILES[0].read_text(encoding="utf-8"), CORPUS_FILES[1].read_text(encoding="utf-8"))]
    pairs: list[tuple[Any, Any]] = [*file_pairs(), *texts]
    options = Options(detect_moves=False)
    results = list(compare_many(pairs, options=options, workers=2))
    assert [r.index for r in results] == list(range(len(pairs)))
    assert all(r.ok for r in results), [r.error for r in results]
    assert [r.comparison for r in results] == one_by_one(pairs, options)
    assert all(r.unwrap().options == options for r in results)


def test_results_come_in_input_order_whatever_finishes_first() -> None:
    # The big pairs first: on a thread pool the small ones behind them finish earlier.
    big = (CORPUS_FILES[-1], CORPUS_FILES[-2])
    small = ("1. Members may vote.", "1. Members shall vote.")
    pairs: list[tuple[Any, Any]] = [big, small, big, small, small, small]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(compare_many(pairs, executor=pool, workers=4))
    assert [r.index for r in results] == list(range(len(pairs)))
    assert [r.comparison for r in results] == one_by_one(pairs)


def test_results_stream_from_an_endless_input() -> None:
    endless: Iterator[tuple[str, str]] = itertools.repeat(("Fees are due.", "Fees are due now."))
    first = list(itertools.islice(compare_many(endless, executor="serial"), 3))
    assert [r.index for r in first] == [0, 1, 2]
    assert all(r.unwrap().counts[conceptdiff.ChangeKind.REWORDED] == 1 for r in first)


# -- errors stay with their pair ------------------------------------------------------


def test_a_bad_pair_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    pairs: list[Any] = [
        ("a b c", "a b d"),
        (missing, CORPUS_FILES[0]),
        ("text", 42),
        "not a pair",
        ("x y", "x y"),
    ]
    results = list(compare_many(pairs, executor="serial"))
    assert [r.ok for r in results] == [True, False, False, False, True]
    assert results[1].error is not None and results[1].error.type == "FileReadError"
    assert results[1].error.path == str(missing) and str(missing) in results[1].error.message
    assert results[2].error is not None and results[2].error.type == "InputTypeError"
    assert results[3].error is not None and "pair 3" in results[3].error.message
    with pytest.raises(PairFailedError, match="pair 1: FileReadError") as raised:
        results[1].unwrap()
    assert raised.value.index == 1 and isinstance(raised.value, conceptdiff.ConceptDiffError)
    assert results[4].unwrap() == compare("x y", "x y")


def test_errors_are_the_same_on_a_process_pool(tmp_path: Path) -> None:
    pairs: list[Any] = [(tmp_path / "missing.txt", CORPUS_FILES[0]), ("a", "b")]
    serial = list(compare_many(pairs, executor="serial"))
    pooled = list(compare_many(pairs, workers=2))
    assert pooled == serial
    assert [r.ok for r in pooled] == [False, True]


def test_a_worker_that_dies_fails_only_its_own_pair() -> None:
    pairs: list[Any] = [("a b", "a c"), (_Killer(), "x"), ("d e", "d f"), ("g h", "g i")]
    results = list(compare_many(pairs, workers=2))
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert [r.ok for r in results] == [True, False, True, True]
    assert results[1].error is not None and results[1].error.type == "BrokenProcessPool"
    assert [r.comparison for i, r in enumerate(results) if i != 1] == one_by_one([pairs[0], pairs[2], pairs[3]])


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"workers": 0}, "workers"),
        ({"workers": True}, "workers"),
        ({"executor": 42}, "executor"),
        ({"options": {"reworded_threshold": 0.5}}, "options"),
        ({"progress": "yes"}, "progress"),
    ],
)
def test_invalid_arguments_raise_at_once(arguments: dict[str, Any], argument: str) -> None:
    with pytest.raises(InvalidOptionsError) as raised:
        compare_many([("a", "b")], **arguments)
    assert raised.value.argument == argument


def test_pairs_must_be_an_iterable_of_pairs() -> None:
    with pytest.raises(InvalidOptionsError, match="pairs"):
        compare_many("old new")  # type: ignore[arg-type]  # the mistake under test


# -- progress -------------------------------------------------------------------


def test_progress_goes_to_stderr_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    list(compare_many([("a", "b"), ("c", "d")], executor="serial", progress=True))
    shown = capsys.readouterr()
    assert "2/2" in shown.err and shown.out == ""
    list(compare_many([("a", "b")], executor="serial"))  # stderr is not a terminal here: no bar
    assert capsys.readouterr().err == ""


# -- Dask -----------------------------------------------------------------------


def test_a_local_dask_cluster_gives_the_one_by_one_comparisons(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pairs: list[Any] = [*file_pairs()[:4], (tmp_path / "missing.txt", "x"), ("a b", "a c")]
    expected = list(compare_many(pairs, executor="serial"))
    with (
        distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=2, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert list(compare_many(pairs, executor=client)) == expected
        by_address = list(compare_many(pairs, executor=cluster.scheduler_address))
        assert by_address == expected
        assert client.status == "running"  # a client passed in is left open
    assert [r.ok for r in expected] == [True, True, True, True, False, True]


# -- reading pair lists -----------------------------------------------------------


def test_read_pairs_from_a_list_a_folder_and_consecutive_editions(tmp_path: Path) -> None:
    listing = tmp_path / "pairs.tsv"
    listing.write_text("# old\tnew\n\nv1.txt\tv2.txt\n/abs/a.txt\tb.txt\n", encoding="utf-8")
    assert read_pairs(listing) == [(tmp_path / "v1.txt", tmp_path / "v2.txt"), (Path("/abs/a.txt"), tmp_path / "b.txt")]
    folder = read_pairs(PAIRS)
    assert [old.parent.name for old, _ in folder] == sorted(p.name for p in PAIRS.iterdir() if p.is_dir())
    assert all(old.parent == new.parent and old.stem == "old" and new.stem == "new" for old, new in folder)
    editions = tmp_path / "editions"
    editions.mkdir()
    for name in ("2021.txt", "2019.txt", "2020.txt", ".notes"):
        (editions / name).write_text("text", encoding="utf-8")
    assert [(a.name, b.name) for a, b in read_pairs(editions, consecutive=True)] == [
        ("2019.txt", "2020.txt"),
        ("2020.txt", "2021.txt"),
    ]


def test_read_pairs_errors_name_the_file_and_line(tmp_path: Path) -> None:
    listing = tmp_path / "pairs.tsv"
    listing.write_text("a.txt\tb.txt\nonly-one-path.txt\n", encoding="utf-8")
    with pytest.raises(conceptdiff.InputError, match="only-one-path") as raised:
        read_pairs(listing)
    assert raised.value.path == str(listing) and raised.value.line == 2
    (tmp_path / "pair" / "x").mkdir(parents=True)
    with pytest.raises(conceptdiff.InputError, match="old"):
        read_pairs(tmp_path / "pair")
    with pytest.raises(conceptdiff.FileReadError):
        read_pairs(tmp_path / "nowhere.tsv")


# -- the batch command ------------------------------------------------------------


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_command_writes_one_json_line_per_pair_like_compare(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    status = main(["batch", str(PAIRS), "--jsonl", str(out), "-j", "1"])
    records = _lines(out)
    pairs = file_pairs()
    assert status == 1  # some pairs differ
    assert [r["index"] for r in records] == list(range(len(pairs)))
    assert [(r["old"], r["new"]) for r in records] == [(str(a), str(b)) for a, b in pairs]
    expected = one_by_one(list(pairs))
    assert [r["comparison"] for r in records] == [json.loads(json.dumps(c.to_dict())) for c in expected]
    assert [r["has_changes"] for r in records] == [c.has_changes for c in expected]


def test_batch_command_reports_a_failed_pair_and_exits_2(tmp_path: Path) -> None:
    listing = tmp_path / "pairs.tsv"
    listing.write_text(f"missing.txt\t{CORPUS_FILES[0]}\n{CORPUS_FILES[0]}\t{CORPUS_FILES[0]}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["batch", str(listing), "--jsonl", str(out), "--summary", "-j", "2"])
    first, second = _lines(out)
    assert status == 2
    assert first["ok"] is False and first["error"]["type"] == "FileReadError"
    assert first["error"]["path"] == str(tmp_path / "missing.txt")
    assert second["ok"] is True and second["has_changes"] is False and "comparison" not in second
    assert second["counts"]["unchanged"] == len(Edition.from_path(CORPUS_FILES[0]).clauses)


def test_batch_command_without_changes_exits_0_and_writes_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same = PAIRS / "identical"
    listing = tmp_path / "pairs.tsv"
    listing.write_text(f"{same / 'old.txt'}\t{same / 'new.txt'}\n", encoding="utf-8")
    status = main(["batch", str(listing), "--summary", "-j", "1", "--no-progress"])
    shown = capsys.readouterr()
    [record] = [json.loads(line) for line in shown.out.splitlines()]
    assert status == 0 and shown.err == ""
    assert record["ok"] is True and record["has_changes"] is False


def test_batch_command_on_a_missing_list_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "/no/such/pairs.tsv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/no/such/pairs.tsv" in err


def test_result_records_round_trip_through_comparison_from_dict() -> None:
    from conceptdiff.batch import result_to_dict

    [result] = list(compare_many([("1. Members may vote.", "1. Members shall vote.")], executor="serial"))
    record = json.loads(json.dumps(result_to_dict(result)))
    assert Comparison.from_dict(record["comparison"]) == result.unwrap()
    assert isinstance(result, PairResult)
