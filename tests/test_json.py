"""The JSON form: schema-valid, lossless, and strict about what it reads back."""

from __future__ import annotations

import json
from typing import Any

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
    ],
)
def test_malformed_input_raises_a_located_error(real: Comparison, path: list[Any], value: Any, message: str) -> None:
    with pytest.raises(InvalidComparisonError, match=message):
        Comparison.from_dict(broken(real, path, value))


def test_not_an_object_raises() -> None:
    with pytest.raises(InvalidComparisonError):
        Comparison.from_dict([])  # type: ignore[arg-type]
