"""The generator's bars, read from the engine's own thresholds.

A generated answer is only exact if every edit stays clearly on one side of
the thresholds :func:`conceptdiff.compare` uses, so the bars below are read
from ``Options()`` (the defaults a user compares with) plus a safety margin,
never typed in a second time.  ``round(..., 6)`` keeps each bar the exact
decimal it names (0.5 + 0.1 is 0.6, not 0.6000000000000001), so the same
options give the same pairs on every machine.

>>> SAME_CLAUSE_FLOOR, INSERT_CEILING, MAX_PARTS
(0.6, 0.3, 3)
"""

from __future__ import annotations

from typing import Final

from conceptdiff.options import Options

__all__ = ["CLOSEST_MARGIN", "INSERT_CEILING", "MAX_PARTS", "OPTIONS", "SAME_CLAUSE_FLOOR", "SAME_CLAUSE_MARGIN"]

#: The options whose thresholds the generated answers follow (the defaults).
OPTIONS: Final = Options()

#: How far above ``reworded_threshold`` (0.5, "the same clause, reworded") a
#: rewording of the light, medium and heavy mixes stays.
SAME_CLAUSE_MARGIN: Final = 0.1
#: A reworded clause keeps at least this word similarity to its original (0.6).
SAME_CLAUSE_FLOOR: Final = round(OPTIONS.reworded_threshold + SAME_CLAUSE_MARGIN, 6)
#: A reworded clause beats its similarity to any other old clause by this much.
CLOSEST_MARGIN: Final = 0.15
#: An inserted clause stays below this similarity to every old clause (0.3):
#: ``CLOSEST_MARGIN`` under ``positional_threshold`` (the lone pair left between
#: two anchors), and no higher than ``in_place_threshold``, the lowest bar at
#: which the engine pairs two clauses (a clause rewritten in place).
INSERT_CEILING: Final = round(min(OPTIONS.positional_threshold - CLOSEST_MARGIN, OPTIONS.in_place_threshold), 6)
#: ... and below this one to every old clause of its number label (0.15): the engine pairs a
#: clause rewritten in place under the same number at half of ``in_place_threshold``.
LABELLED_INSERT_CEILING: Final = round(INSERT_CEILING / 2, 6)
#: The most clauses a split of the light, medium and heavy mixes makes (or a
#: merge joins): 3, or ``max_split_parts`` if that is lower.
MAX_PARTS: Final = min(3, OPTIONS.max_split_parts)
