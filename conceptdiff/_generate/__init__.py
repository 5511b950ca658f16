"""The generator of edition pairs with a known answer (private; public through :mod:`conceptdiff.strategies`).

One generator core builds an old edition (a tuple of clause strings), applies
a set of non-overlapping edits to it, and records the exact answer that
:func:`conceptdiff.compare` should give, as :class:`ExpectedChange` records.
The core never calls a random number generator itself: every decision goes
through a :class:`Chooser` (:mod:`~conceptdiff._generate.choosers`).
:class:`RandomChooser` drives it for the benchmarks; the Hypothesis
strategies of :mod:`conceptdiff.strategies` drive it with ``draw``.

The answer follows the semantics of :class:`conceptdiff.ChangeKind` under the
default :class:`conceptdiff.Options`, whose thresholds the generator reads
(:mod:`~conceptdiff._generate.limits`), and the generator leaves out every
edit whose answer could be read two ways:

* every old clause index is in exactly one change's ``old`` and every new
  clause index in exactly one change's ``new``; no clause is touched by two
  edits;
* only clauses whose normalized text, and whose word sequence, is unique in
  the old edition are edited, because repeated clauses pair n-th copy with
  n-th copy;
* a reworded clause keeps word-level similarity ``2 * LCS / (len(a) +
  len(b))`` >= 0.6 to its original (``reworded_threshold`` + 0.1), and beats
  its similarity to any other old clause by 0.15, so it is unambiguously
  "the same clause"; an inserted clause stays below 0.3 against every old
  clause (``positional_threshold`` - 0.15);
* a split makes at most 3 pieces (a merge joins at most 3 clauses), within
  ``max_split_parts``, each piece a verbatim run of the whole;
* a duplicated clause's copy is inserted shortly AFTER it (the copy is the
  ADDED one), and no move starts, ends or passes between the two;
* moves carry a block of ``b`` clauses over at least ``3 * b`` matched
  units, with no two moves overlapping, and the MOVED set is computed as
  the engine does: the matched units (a split or merge group is one unit)
  that are not on the maximum increasing subsequence of new positions.
  The generator rejects any move for which that subsequence is not unique.

Same text, same words and similarity are the engine's own notions
(:mod:`conceptdiff.segment` and :mod:`conceptdiff.normalize`), so the answer
follows the documented normalization exactly.

Modules: :mod:`~conceptdiff._generate.pairs` (the public types),
:mod:`~conceptdiff._generate.choosers`, :mod:`~conceptdiff._generate.limits`,
:mod:`~conceptdiff._generate.text`, :mod:`~conceptdiff._generate.vocabulary`
(synthetic editions), :mod:`~conceptdiff._generate.edits` (rewordings,
splits, merges, relabelling) and :mod:`~conceptdiff._generate.builder` (the
pair builder).

>>> old = generate_edition(RandomChooser(1), min_size=30, max_size=30)
>>> pair = generate_pair(RandomChooser(2), old, mix="heavy")
>>> pair.old_texts == old
True
>>> sorted(i for c in pair.changes for i in c.old) == list(range(len(pair.old.clauses)))
True
>>> sorted(i for c in pair.changes for i in c.new) == list(range(len(pair.new.clauses)))
True
"""

from conceptdiff._generate.builder import generate_pair
from conceptdiff._generate.choosers import Chooser, RandomChooser
from conceptdiff._generate.pairs import EditedPair, ExpectedChange, Mix, PairEdit, RewordStrength
from conceptdiff._generate.vocabulary import generate_edition, synth_clause

__all__ = [
    "Chooser",
    "EditedPair",
    "ExpectedChange",
    "Mix",
    "PairEdit",
    "RandomChooser",
    "RewordStrength",
    "generate_edition",
    "generate_pair",
    "synth_clause",
]
