"""The JSON form: schema-valid, lossless, and strict about what it reads back."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest

import conceptdiff
from conceptdiff import Comparison, Edition, InvalidComparisonError

from .conftest import CORPUS, PAIRS, ROOT

SCHEMA = json.loads((ROOT / "docs/schema/comparison.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real() -> Comparison:
    return conceptdiff.compare(
        Edition.from_path(CORPUS / "eupl-1.1.en.txt"), Edition.from_path(CORPUS / "eupl-1.2.en.txt")
    )


def test_real_comparison_validates_against_the_schema(real: Comparison) -> None:
    jsonschema.validate(real.to_dict(), SCHEMA)


def test_every_hand_made_pair_validates() -> None:
    for folder in sorted(PAIRS.iterdir()):
        result = conceptdiff.compare(Edition.from_path(folder / "old.txt"), Edition.from_path(folder / "new.txt"))
        jsonschema.validate(json.loads(json.dumps(result.to_dict())), SCHEMA)


def test_round_trip_through_json_text(real: Comparison) -> None:
    again = Comparison.from_dict(json.loads(json.dumps(real.to_dict())))
    assert again == real
    assert again.to_dict() == real.to_dict()  # spans, sections and set-aside text too, not only clause content


SEED = (ROOT / "fixtures/seed/news-article-ru-foreign-policy-concept-2023.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_edited() -> Comparison:
    """The seed article with its dateline changed and one of two identical bullets deleted."""
    lines = SEED.split("\n")
    assert lines[0] == "Saturday, 1 April 2023"
    duplicate = "  • forming a just and sustainable world order;"
    assert lines.count(duplicate) == 2
    edited = ["Sunday, 2 April 2023", *lines[1:]]
    edited.pop(len(edited) - 1 - edited[::-1].index(duplicate))
    return conceptdiff.compare(SEED, "\n".join(edited))


def test_set_aside_differences_are_in_the_json(seed_edited: Comparison) -> None:
    data = json.loads(json.dumps(seed_edited.to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert data["has_changes"] is True
    assert not any(change["is_change"] for change in data["changes"])
    found = [(d["kind"], d["reason"]) for d in data["set_aside"]]
    assert found == [("reworded", "boilerplate"), ("removed", "duplicate")]
    dateline = data["set_aside"][0]
    assert data["old"]["dropped"][dateline["old"]]["text"] == "Saturday, 1 April 2023"
    assert data["new"]["dropped"][dateline["new"]]["text"] == "Sunday, 2 April 2023"
    assert Comparison.from_dict(data) == seed_edited
    assert Comparison.from_dict(data).set_aside == seed_edited.set_aside


def test_each_change_carries_its_section_and_significance() -> None:
    old = "# Fees\n\nMembers may pay in 30 days.\n\nThe “Board” meets.\n"
    new = '# Fees\n\nMembers must pay in 60 days.\n\nThe "Board" meets.\n'
    changes = conceptdiff.compare(old, new).to_dict()["changes"]
    assert [(c["kind"], c["section"], c["significance"], c["is_change"]) for c in changes] == [
        ("unchanged", [], "none", False),
        ("reworded", ["Fees"], "substantive", True),
        ("unchanged", ["Fees"], "cosmetic", True),
    ]


def test_a_comparison_written_with_schema_1_is_still_read(real: Comparison) -> None:
    data: Any = json.loads(json.dumps(real.to_dict()))
    data["schema"] = "conceptdiff.comparison/1"
    for key in ("has_changes", "set_aside"):
        del data[key]
    for change in data["changes"]:
        for key in ("is_change", "section", "significance"):
            del change[key]
    schema_1 = json.loads((ROOT / "docs/schema/comparison-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema_1)
    assert Comparison.from_dict(data) == attrs.evolve(real, set_aside=())


def test_contract_keys(real: Comparison) -> None:
    change = real.to_dict()["changes"][0]
    assert {"kind", "old", "new", "similarity", "edits"} <= change.keys()
    assert change["kind"] == real.changes[0].kind.name.lower()


def broken(real: Comparison, path: list[Any], value: Any) -> dict[str, Any]:
    data: Any = json.loads(json.dumps(real.to_dict()))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    "path, value, message",
    [
        (["schema"], "conceptdiff.comparison/99", "unsupported schema"),
        (["changes", 0, "kind"], "rewritten", "unknown value 'rewritten'"),
        (["changes", 0, "old"], ["x"], "clause indices"),
        (["changes", 0, "similarity"], "high", "wrong type"),
        (["old", "clauses", 0, "text"], KeyError, "missing key 'text'"),
        (["options", "reworded_threshold"], 7, "reworded_threshold"),
        (["changes"], [], "exactly once"),
        (["set_aside"], {}, "'set_aside' must be a list"),
        (["set_aside"], [{"kind": "moved", "reason": "x", "old": None, "new": None, "edits": []}], "cannot be 'moved'"),
        (["set_aside"], [{"kind": "added", "reason": "x", "old": None, "new": 10**6, "edits": []}], "index"),
        (["set_aside"], [{"kind": "added", "reason": "x", "old": None, "new": None, "edits": []}], "do not fit"),
    ],
)
def test_malformed_input_raises_a_located_error(real: Comparison, path: list[Any], value: Any, message: str) -> None:
    with pytest.raises(InvalidComparisonError, match=message):
        Comparison.from_dict(broken(real, path, value))


def test_not_an_object_raises() -> None:
    with pytest.raises(InvalidComparisonError):
        Comparison.from_dict([])  # type: ignore[arg-type]
