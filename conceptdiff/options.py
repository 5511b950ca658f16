"""The one frozen options object that travels through the pipeline.

Every threshold that decides a result lives here, with its default, its range
and the reason for its value (see ``docs/alignment.md`` for how they were
chosen from ``benchmarks/quality.py``).

>>> from conceptdiff import Options
>>> Options().reworded_threshold
0.5
>>> import attrs
>>> attrs.evolve(Options(), detect_moves=False).detect_moves
False
"""

from __future__ import annotations

from typing import Any

import attrs

from conceptdiff.errors import InvalidOptionsError

__all__ = ["Options"]


def _unit_interval(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise InvalidOptionsError(attribute.name, value, "must be between 0 and 1")


def _positive_int(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidOptionsError(attribute.name, value, "must be a whole number >= 1")


def _min_two(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    _positive_int(instance, attribute, value)
    if value < 2:
        raise InvalidOptionsError(attribute.name, value, "must be at least 2")


def _boolean(instance: Any, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise InvalidOptionsError(attribute.name, value, "must be True or False")


@attrs.frozen(kw_only=True)
class Options:
    """How two editions are read and aligned.

    Similarities are word-level: the share of words two clauses have in common,
    in order (``2 * LCS / (len(a) + len(b))`` over case-folded words).

    Attributes:
        reworded_threshold: two clauses are "the same clause, reworded" when
            their similarity is at least this (default 0.5: at least half of
            the words carried over).  Below it they are reported as one clause
            removed and another added.
        positional_threshold: a lower bar for the one old and one new clause
            left unmatched between the same two matched neighbours, which are
            paired as a rewording when at least this similar.
        split_threshold: a clause split into several consecutive clauses (or
            several merged into one) must reach this similarity between the
            one text and the joined others.
        piece_containment: each piece of a split (each part of a merge) must
            have at least this share of its words in the whole.
        max_split_parts: the most clauses one split or merge may cover.
        detect_moves: report clauses matched out of order as MOVED; when
            False, out-of-order pairs are left as REMOVED + ADDED.
        detect_splits: look for splits and merges.
        candidates_per_clause: how many fuzzy candidates each clause keeps from
            the index (bounds the work on documents with many similar clauses).
        word_diff_budget: the largest product of token counts that one word
            diff may work on before the diff falls back to a coarser
            (sentence-level, then clause-level) but still deterministic plan.
        max_input_bytes: the largest input read, in bytes; a larger one
            raises :class:`~conceptdiff.InputTooLargeError` before it is read.
    """

    reworded_threshold: float = attrs.field(default=0.5, validator=_unit_interval)
    positional_threshold: float = attrs.field(default=0.34, validator=_unit_interval)
    split_threshold: float = attrs.field(default=0.6, validator=_unit_interval)
    piece_containment: float = attrs.field(default=0.7, validator=_unit_interval)
    max_split_parts: int = attrs.field(default=4, validator=_min_two)
    detect_moves: bool = attrs.field(default=True, validator=_boolean)
    detect_splits: bool = attrs.field(default=True, validator=_boolean)
    candidates_per_clause: int = attrs.field(default=12, validator=_positive_int)
    word_diff_budget: int = attrs.field(default=4_000_000, validator=_positive_int)
    max_input_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive_int)

    def __attrs_post_init__(self) -> None:
        if self.positional_threshold > self.reworded_threshold:
            raise InvalidOptionsError(
                "positional_threshold",
                self.positional_threshold,
                f"must not exceed reworded_threshold={self.reworded_threshold!r}",
            )

    def to_dict(self) -> dict[str, Any]:
        """The options as a JSON-safe dict (used by ``Comparison.to_dict``)."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Options:
        """Rebuild options from :meth:`to_dict`; unknown keys raise."""
        known = {field.name for field in attrs.fields(cls)}
        for key in data:
            if key not in known:
                raise InvalidOptionsError(key, data[key], "unknown option")
        return cls(**data)
