"""The benchmark's scoring (benchmarks/scoring.py) and its peer adapters (benchmarks/quality.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conceptdiff
from benchmarks import quality, tune
from benchmarks.hard_mix import edited_pairs
from benchmarks.scoring import KINDS, Change, Count, Scores, changes_from_dicts, partition_problems, score
from conceptdiff.strategies import EditedPair

pairs = st.sampled_from(["light", "medium", "heavy", "hard"]).flatmap(lambda mix: edited_pairs(mix=mix))


def truth_of(pair: EditedPair) -> list[Change]:
    return [Change(c.kind.value, c.old, c.new) for c in pair.changes]


# --------------------------------------------------------------------------
# Perfect and known-bad predictions.
# --------------------------------------------------------------------------


@given(pairs)
def test_a_perfect_prediction_scores_one_wherever_a_score_is_defined(pair: EditedPair) -> None:
    truth = truth_of(pair)
    s = score(truth, truth, n_old=len(pair.old_texts), n_new=len(pair.new_texts))
    counts = [s.links, s.edit_links, s.added, s.removed, *s.kinds]
    for c in counts:
        assert c.tp == c.predicted == c.expected
        for ratio in (c.precision, c.recall, c.f1):
            assert ratio is None or ratio == 1.0
    # A pair links something unless the hard mix replaced every clause (a random run found a
    # two-clause base whose clauses were both replaced): then no link score is defined.
    assert s.links.f1 == (1.0 if s.links.expected else None)
    assert s.invalid == 0


# Old edition: 5 clauses, new edition: 6 clauses.  The answer:
#   unchanged 0->0, reworded 1->1, split 2->(2,3), removed 3, moved 4->5, added 4.
# A line-diff-like prediction that knows no split or move:
#   unchanged 0->0, reworded 1->1, reworded 2->2, added 3, removed 3,
#   added 4, removed 4, added 5.
TRUTH = [
    Change("unchanged", (0,), (0,)),
    Change("reworded", (1,), (1,)),
    Change("split", (2,), (2, 3)),
    Change("removed", (3,), ()),
    Change("moved", (4,), (5,)),
    Change("added", (), (4,)),
]
GUESS = [
    Change("unchanged", (0,), (0,)),
    Change("reworded", (1,), (1,)),
    Change("reworded", (2,), (2,)),
    Change("added", (), (3,)),
    Change("removed", (3,), ()),
    Change("added", (), (4,)),
    Change("removed", (4,), ()),
    Change("added", (), (5,)),
]


def test_a_known_bad_prediction_scores_what_it_should() -> None:
    s = score(TRUTH, GUESS, n_old=5, n_new=6)
    # Links.  Truth: (0,0) (1,1) (2,2) (2,3) (4,5) = 5.  Guess: (0,0) (1,1) (2,2) = 3,
    # all true.  P = 3/3, R = 3/5, F1 = 2*3/(3+5) = 0.75.
    assert (s.links.tp, s.links.predicted, s.links.expected) == (3, 3, 5)
    assert (s.links.precision, s.links.recall, s.links.f1) == (1.0, 0.6, 0.75)
    # Edit links drop (0,0) on both sides.  Truth 4, guess (1,1) (2,2): tp 2.
    # P = 1, R = 2/4, F1 = 2*2/(2+4) = 2/3.
    assert (s.edit_links.tp, s.edit_links.predicted, s.edit_links.expected) == (2, 2, 4)
    assert s.edit_links.f1 == pytest.approx(2 / 3)
    # Added: truth {4}, guess {3, 4, 5}: P = 1/3, R = 1, F1 = 2/(3+1) = 0.5.
    assert s.added.precision == pytest.approx(1 / 3)
    assert (s.added.recall, s.added.f1) == (1.0, 0.5)
    # Removed: truth {3}, guess {3, 4}: P = 1/2, R = 1, F1 = 2/3.
    assert (s.removed.precision, s.removed.recall) == (0.5, 1.0)
    assert s.removed.f1 == pytest.approx(2 / 3)
    # Per kind: unchanged found; reworded 1->1 found but 2->2 is not in the
    # answer (P 1/2); the split and the move are missed (R 0, P undefined);
    # added 4 found among 3 guesses; removed 3 found among 2; no merge anywhere.
    assert s.kind("unchanged").f1 == 1.0
    assert (s.kind("reworded").precision, s.kind("reworded").recall) == (0.5, 1.0)
    for kind in ("split", "moved"):
        assert (s.kind(kind).precision, s.kind(kind).recall, s.kind(kind).f1) == (None, 0.0, 0.0)
    assert (s.kind("added").tp, s.kind("added").predicted, s.kind("added").expected) == (1, 3, 1)
    assert (s.kind("removed").tp, s.kind("removed").predicted, s.kind("removed").expected) == (1, 2, 1)
    assert s.kind("merged") == Count(0, 0, 0)
    assert s.kind("merged").f1 is None
    assert s.invalid == 0  # the guess is wrong but well formed


def test_scores_add_up_counts_not_ratios() -> None:
    # Micro-average: 3/5 recall on one pair and 5/5 on another is 8/10 overall,
    # not the mean of 0.6 and 1.0.
    total = score(TRUTH, GUESS) + score(TRUTH, TRUTH)
    assert (total.links.tp, total.links.predicted, total.links.expected) == (8, 8, 10)
    assert total.links.recall == 0.8
    assert total.pairs == 2
    assert Scores() + total == total


def test_an_empty_prediction_has_no_precision_and_zero_recall() -> None:
    s = score(TRUTH, [])
    assert s.links.precision is None and s.links.recall == 0.0 and s.links.f1 == 0.0


# --------------------------------------------------------------------------
# Well-formedness checks and records.
# --------------------------------------------------------------------------


def test_partition_problems_name_each_fault() -> None:
    assert partition_problems(TRUTH, 5, 6) == []
    missing_and_doubled = [*TRUTH[:-1], Change("added", (), (0,))]
    problems = partition_problems(missing_and_doubled, 5, 6)
    assert "new clause 0 is in 2 changes" in problems
    assert "new clause 4 is in 0 changes" in problems
    assert partition_problems([Change("split", (0,), (0,))], 1, 1) == ["split change with 1 old and 1 new clauses"]
    assert partition_problems([Change("removed", (7,), ())], 1, 0)[0] == "old index 7 out of range 0..0"
    assert score(TRUTH, missing_and_doubled, n_old=5, n_new=6).invalid == 1


def test_unknown_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="'renamed'"):
        Change("renamed", (0,), (0,))


def test_engine_output_reads_back_into_changes() -> None:
    old = conceptdiff.Edition.from_clauses(["1. Members may vote.", "2. Fees are due."])
    new = conceptdiff.Edition.from_clauses(["1. Fees are due.", "2. Members shall vote.", "3. New rule here."])
    result = conceptdiff.compare(old, new)
    changes = changes_from_dicts(result.to_dict()["changes"])
    assert {(c.kind, c.old, c.new) for c in changes} == {(c.kind.value, c.old, c.new) for c in result.changes}
    assert partition_problems(changes, 2, 3) == []
    assert set(KINDS) == {k.value for k in conceptdiff.ChangeKind}


# --------------------------------------------------------------------------
# The peers of the benchmark.
# --------------------------------------------------------------------------


@pytest.mark.parametrize("peer", [quality.run_difflib, quality.run_dmp])
@given(pair=pairs)
def test_peer_outputs_tile_both_editions_and_never_move_split_or_merge(peer: quality.System, pair: EditedPair) -> None:
    changes = peer(pair.old_texts, pair.new_texts)
    assert partition_problems(changes, len(pair.old_texts), len(pair.new_texts)) == []
    assert {c.kind for c in changes} <= {"unchanged", "reworded", "added", "removed"}
    # Peers report in order: their links never cross.
    links = sorted((c.old[0], c.new[0]) for c in changes if c.old and c.new)
    assert [n for _, n in links] == sorted(n for _, n in links)


@pytest.mark.parametrize("peer", [quality.run_difflib, quality.run_dmp])
def test_peers_pair_a_rewording_and_keep_a_renumbered_clause(peer: quality.System) -> None:
    old = ["1. Scope", "2. The members may vote on any matter put to them.", "3. Fees are due in January."]
    new = ["1. Scope", "3. The members shall vote on any matter put to them.", "4. Fees are due in January."]
    changes = peer(old, new)
    assert sorted((c.kind, c.old, c.new) for c in changes) == [
        ("reworded", (1,), (1,)),
        ("unchanged", (0,), (0,)),
        ("unchanged", (2,), (2,)),
    ]


@pytest.mark.parametrize("peer", [quality.run_difflib, quality.run_dmp])
def test_peers_leave_unlike_clauses_unpaired(peer: quality.System) -> None:
    old = ["Scope", "The members may vote on any matter put to them.", "End"]
    new = ["Scope", "Fees are payable in advance each January.", "End"]
    assert sorted((c.kind, c.old, c.new) for c in peer(old, new)) == [
        ("added", (), (1,)),
        ("removed", (1,), ()),
        ("unchanged", (0,), (0,)),
        ("unchanged", (2,), (2,)),
    ]


def test_the_benchmark_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "q.json"
    assert quality.main(["--pairs", "2", "--size", "20", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    for system in quality.SYSTEMS:
        assert system in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["config"]["pairs_per_mix"] == 2
    assert set(figures["results"]) == {"light", "medium", "heavy", "hard", "overall"}
    overall = figures["results"]["overall"]
    assert {s: overall[s]["pairs"] for s in quality.SYSTEMS} == dict.fromkeys(quality.SYSTEMS, 8)
    assert all(overall[s]["invalid"] == 0 for s in quality.SYSTEMS)
    assert set(overall["conceptdiff"]["kinds"]) == set(KINDS)


def test_the_benchmark_runs_chosen_mixes_and_groups_misses_by_cause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.json"
    assert quality.main(["--pairs", "3", "--size", "40", "--mixes", "hard", "--examples", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "by likely cause" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["config"]["mixes"] == ["hard"]
    assert set(figures["results"]) == {"hard", "overall"}
    conceptdiff_scores = figures["results"]["hard"]["conceptdiff"]
    missed = sum(k["expected"] - k["tp"] for k in conceptdiff_scores["kinds"].values())
    assert sum(figures["misses"].values()) == missed


def test_an_unknown_mix_is_refused() -> None:
    with pytest.raises(SystemExit):
        quality.main(["--mixes", "light,extreme"])


def _pair(old: list[str], new: list[str]) -> EditedPair:
    return EditedPair(tuple(old), tuple(new), ())


def test_a_replacement_paired_by_position_is_blamed_on_the_positional_rule() -> None:
    pair = _pair(
        ["Scope.", "The members may vote on any matter put to them at the meeting.", "End."],
        ["Scope.", "The members may elect a treasurer every second year by ballot.", "End."],
    )
    got = [{"kind": "reworded", "old": [1], "new": [1], "method": "positional", "similarity": 0.4}]
    cause = quality.classify_miss(pair, Change("removed", (1,), ()), got)
    assert "positional" in cause


def test_a_split_missed_for_a_reworded_piece_is_blamed_on_piece_containment() -> None:
    whole = "Each party shall keep the records for five years and shall make them available to the authority."
    pair = _pair(
        [whole],
        ["Each party shall keep the records for five years.", "And must give them promptly to every regulator."],
    )
    got = [
        {"kind": "reworded", "old": [0], "new": [0], "method": "fuzzy", "similarity": 0.7},
        {"kind": "added", "old": [], "new": [1], "method": "none", "similarity": 0.0},
    ]
    cause = quality.classify_miss(pair, Change("split", (0,), (0, 1)), got)
    assert "piece_containment" in cause


def _row(f1_tp: int, **setting: float) -> tune.Row:
    base = tune.defaults()
    scores = Scores(edit_links=Count(f1_tp, 1000, 1000))
    return tune.Row("test", {**base, **setting}, {"overall": scores})


def test_tuning_picks_the_best_and_breaks_ties_towards_the_defaults() -> None:
    base = tune.defaults()
    far = _row(990, reworded_threshold=0.4, positional_threshold=0.4)
    near = _row(990, positional_threshold=0.4)
    worse = _row(900)
    assert tune.choose([worse, far, near], base) is near  # equal F1: fewer steps from the defaults
    better = _row(995, reworded_threshold=0.4, positional_threshold=0.4)
    assert tune.choose([worse, near, better], base) is better  # beyond the tie margin the best wins
    assert tune.choose([worse], base) is worse


def test_tuning_never_proposes_options_that_contradict_each_other() -> None:
    base = tune.defaults()
    assert not tune.valid({**base, "positional_threshold": 0.6, "reworded_threshold": 0.5})
    for name, values in tune.GRID.items():
        for value in values:
            setting = {**base, name: value}
            if tune.valid(setting):
                with tune.configured(setting) as options:
                    assert isinstance(options, conceptdiff.Options)


def test_the_sweep_runs_end_to_end_on_disjoint_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.json"
    assert tune.main(["--pairs", "1", "--size", "25", "--json", str(out)]) == 0
    assert "Held-out" in capsys.readouterr().out
    figures = json.loads(out.read_text(encoding="utf-8"))
    tuning_docs = set(figures["config"]["tuning"]["documents"])
    held_docs = set(figures["config"]["held_out"]["documents"])
    assert tuning_docs and held_docs and not tuning_docs & held_docs
    assert figures["config"]["tuning"]["seed"] != figures["config"]["held_out"]["seed"]
    assert set(figures["chosen"]) == set(tune.THRESHOLDS)
    assert figures["chosen"] in [row["setting"] for row in figures["tuning"]]
    best = max(row["results"]["overall"]["edit_links"]["f1"] for row in figures["tuning"])
    chosen = next(row for row in figures["tuning"] if row["setting"] == figures["chosen"])
    assert chosen["results"]["overall"]["edit_links"]["f1"] >= best - tune.TIE
    assert figures["held_out"][0]["setting"] == figures["config"]["defaults"]


def test_the_benchmark_runs_conceptdiff_with_changed_options(tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    args = ["--pairs", "1", "--size", "20", "--mixes", "light", "--json", str(out)]
    assert quality.main([*args, "--option", "positional_threshold=0.4", "--option", "detect_moves=false"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["config"]["options"] == {
        "positional_threshold": 0.4,
        "detect_moves": False,
    }
    for bad in ("no_such_option=1", "positional_threshold=0.9", "positional_threshold"):
        with pytest.raises(SystemExit):
            quality.main([*args, "--option", bad])
