"""The benchmark's hard mix: edition pairs near the aligner's thresholds, each with one answer.

The library's generator (:mod:`conceptdiff.strategies`; its core is the
private ``conceptdiff._generate``) keeps every edit clearly away from the
thresholds of :class:`conceptdiff.Options`.  The hard mix, used by
``benchmarks/quality.py``, ``benchmarks/end_to_end.py`` and their tests, is a
benchmark of those thresholds instead: it drops the safety margins and
generates the cases near them, each still with one answer under the
documented rules (``docs/alignment.md``).  Its thresholds are read from
``Options()``:

* "the same clause" means similarity >= ``reworded_threshold`` (0.5):
  rewordings go down to 0.51; a clause replaced in place by a different
  clause on its topic stays below ``positional_threshold`` (0.45) to it and
  to every old clause (REMOVED + ADDED); two clauses the answer does not
  link stay below 0.45, unless one has a 1:1 partner that beats the pair by
  a margin (0.12 in place, ``in_place_bonus`` + 0.05 = 0.15 for a moved
  clause), so that best-first selection can only give the answer;
* a split's pieces (a merge's parts; up to ``max_split_parts``, 4) each keep
  at least ``piece_containment`` (60 %) of their words in the whole and,
  joined, stay >= ``split_threshold`` + 0.1 (0.7) similar to it; a piece
  rewritten to keep 42-55 % is no longer a piece (ADDED beside the split);
  verbatim excerpts that, joined, are 0.3-0.48 similar to a clause do not
  carry its text (REMOVED + ADDED);
* unless one of them has a 1:1 partner, no clause the answer leaves unlinked
  lies >= 60 % inside another (no split or merge can be read into them);
* two rivals are settled by the documented in-gap bonus (``in_place_bonus``,
  0.1), with 0.03 to spare on either side: a clause reworded in place beats a
  deleted copy of it in another gap that is up to 0.07 MORE similar, and a
  moved clause beats a deleted copy beside its new place that is 0.13 to
  0.15 less similar (the clauses deciding the gaps are pinned: no move
  passes them);
* a deleted copy of a repeated clause is REMOVED by the documented rule
  (n-th copy with n-th copy within the gaps between unique anchors): every
  two copies have a pinned unique clause between them;
* short moves (a clause or two crossing 2 or 3 units) are allowed; the unique
  longest increasing run still decides which units are MOVED.

The hard mix plants clauses in the old edition (varied copies of clauses,
and a repeated boilerplate clause), so its ``pair.old_texts`` is ``base``
with clauses inserted.  With its default options conceptdiff does not yet
give every hard answer (``docs/benchmark-quality.md``), which is why the
hard mix is a benchmark and not one of the library's mixes.

:func:`generate_pair` and :func:`edited_pairs` here take the four mixes of
the benchmarks (:class:`BenchmarkMix`): the library's three and ``hard``.

>>> from conceptdiff.strategies import RandomChooser, generate_edition
>>> base = generate_edition(RandomChooser(3), min_size=40, max_size=40)
>>> pair = generate_pair(RandomChooser(4), base, mix="hard")
>>> sorted(i for c in pair.changes for i in c.old) == list(range(len(pair.old_texts)))
True
>>> generate_pair(RandomChooser(4), base, mix="hard") == pair
True
"""

from __future__ import annotations

import enum
import itertools
import math
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from collections.abc import Set as AbstractSet
from typing import Final, Literal

import attrs
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from conceptdiff import ChangeKind, Options
from conceptdiff._generate.builder import Builder, Item, Move, op_count
from conceptdiff._generate.choosers import Chooser
from conceptdiff._generate.edits import (
    TokenEdit,
    edit_delete,
    edit_insert,
    edit_substitute,
    edit_swap,
    match_case,
    merge_texts,
    reword_text,
    split_token,
)
from conceptdiff._generate.text import (
    bag_dice,
    clause_words,
    normalized,
    split_label,
    word_similarity,
)
from conceptdiff._generate.vocabulary import synth_clause, synth_paragraph
from conceptdiff.strategies import (
    EditedPair,
    Mix,
    PairEdit,
    RewordStrength,
    _DrawChooser,
    clause_lists,
)
from conceptdiff.strategies import edited_pairs as library_edited_pairs
from conceptdiff.strategies import generate_pair as library_generate_pair

__all__ = [
    "EDGE",
    "BenchmarkMix",
    "HardEdit",
    "edited_pairs",
    "generate_hard_pair",
    "generate_pair",
    "hard_pairs",
]


class BenchmarkMix(enum.Enum):
    """The benchmarks' mixes: the library's :class:`~conceptdiff.strategies.Mix` and ``hard``.

    The order is the benchmarks' seed order (appended: earlier mixes keep
    their seeds).
    """

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    HARD = "hard"


class HardEdit(enum.Enum):
    """The edits only the hard mix makes (besides the library's :class:`~conceptdiff.strategies.PairEdit`)."""

    REPLACE = "replace"
    """Replace a clause in place by a different clause on the same topic,
    similarity 0.2 to 0.45 to it (REMOVED + ADDED)."""
    NEAR_DUPLICATE = "near_duplicate"
    """Near-duplicate clauses competing for one match (a clause and a lightly
    varied copy, one or both of them edited; or a reworded clause with a
    varied copy of its original inserted beside it)."""
    REPEAT = "repeat"
    """A boilerplate clause repeated in the old edition, one copy deleted
    (REMOVED by the n-th-within-gaps rule) and a clause beside another copy
    edited."""


#: The hard mix's own rewording strength: word similarity between 0.51 and
#: 0.6, just above ``reworded_threshold``.
EDGE: Final = "edge"
Strength = RewordStrength | Literal["edge"]
HardOp = PairEdit | HardEdit

_OPTIONS: Final = Options()

# --------------------------------------------------------------------------
# Hard-mix text edits: rewordings to a similarity band, replacements on the
# same topic, splits into up to max_split_parts pieces.
# --------------------------------------------------------------------------

# Similarity band of an "edge" rewording: just above reworded_threshold (0.51 to 0.6).
_EDGE_BAND: Final = (round(_OPTIONS.reworded_threshold + 0.01, 6), round(_OPTIONS.reworded_threshold + 0.1, 6))
# A reworded split piece or merge part keeps this share of its words (the
# share of its words found, in order, in its original text): from
# piece_containment (0.6) to 0.8.
_PIECE_KEEP: Final = (_OPTIONS.piece_containment, 0.8)
# A split's pieces, joined, stay at least this similar to the whole (0.7).
_JOINED_FLOOR: Final = round(_OPTIONS.split_threshold + 0.1, 6)
# A piece rewritten so that it keeps only this share of its words (0.42 to
# 0.55, under piece_containment) is no longer a piece: it is ADDED beside the split.
_LOST_PIECE_KEEP: Final = (0.42, round(_OPTIONS.piece_containment - 0.05, 6))
# Verbatim excerpts that, joined, carry only this much of a clause (0.3 to
# 0.48, under reworded_threshold) do not carry its text: the clause is
# REMOVED and the excerpts ADDED.
_EXCERPTS_JOINED: Final = (0.3, round(_OPTIONS.reworded_threshold - 0.02, 6))
# Two clauses the answer does not link stay at or below this (0.449): below
# positional_threshold, never on it.
_UNRELATED: Final = round(_OPTIONS.positional_threshold - 0.001, 6)
# A replacement is this similar to the clause it replaces, and at most the
# upper end to any old clause.
_REPLACE_BAND: Final = (0.2, _UNRELATED)

_PHRASES: Final = (
    "as appropriate",
    "in each case",
    "where relevant",
    "for that purpose",
    "as the case may be",
    "in good time",
    "to that end",
    "on request",
    "in practice",
    "as a general rule",
)


def _edit_replace_span(c: Chooser, tokens: list[str]) -> list[str] | None:
    """Replace two or three consecutive words by a stock phrase."""
    if len(tokens) < 5:
        return None
    k = c.integer(2, 3)
    i = c.integer(0, len(tokens) - k)
    pre, first, _ = split_token(tokens[i])
    post = split_token(tokens[i + k - 1])[2]
    phrase = c.choice(_PHRASES).split()
    phrase[0] = pre + match_case(phrase[0], first)
    phrase[-1] = phrase[-1] + post
    return [*tokens[:i], *phrase, *tokens[i + k :]]


_BAND_EDITS: Final[tuple[TokenEdit, ...]] = (
    edit_substitute,
    edit_substitute,
    edit_insert,
    edit_delete,
    edit_swap,
    _edit_replace_span,
)


def _keep(new: Sequence[str], original: Sequence[str]) -> float:
    """Share of the words of ``new`` found, in order, in ``original``."""
    if not new:
        return 0.0
    common = (len(new) + len(original) - Indel.distance(new, original)) / 2
    return common / len(new)


def _kept_of_original(new: Sequence[str], original: Sequence[str]) -> float:
    """Share of the words of ``original`` found, in order, in ``new``."""
    return _keep(original, new)


def _reword_band(
    c: Chooser,
    text: str,
    lo: float,
    hi: float,
    measure: Callable[[Sequence[str], Sequence[str]], float] = word_similarity,
) -> str | None:
    """Reword the body of ``text`` (label kept) until ``measure(new, old)`` is in [lo, hi].

    Edits are applied one at a time; one that would go below ``lo`` is
    skipped.  None if the band was not reached (or the clause is too short).
    """
    label, body = split_label(text)
    tokens = body.split()
    original = clause_words(text)
    if len(original) < 4:
        return None
    value = 1.0
    for _ in range(4 * len(original) + 8):
        candidate = c.choice(_BAND_EDITS)(c, tokens)
        if candidate is None:
            continue
        words = clause_words(label + " ".join(candidate))
        if not words or words == original:
            continue
        v = measure(words, original)
        if v < lo:
            continue
        tokens, value = candidate, v
        if value <= hi:
            return label + " ".join(tokens)
    return None


def _sentence(tokens: Sequence[str], end: str = ".") -> str:
    """Join tokens as one sentence: capital first letter, ``end`` as its last mark."""
    out = list(tokens)
    pre, core, _ = split_token(out[0])
    out[0] = pre + core[:1].upper() + core[1:] + split_token(out[0])[2]
    p2, c2, post = split_token(out[-1])
    if not post.endswith((".", ";", ":", "?", "!")):
        out[-1] = p2 + c2 + post.rstrip(",;") + end
    return " ".join(out)


def _replacement(c: Chooser, text: str, donor: str) -> str | None:
    """A different clause on the topic of ``text``: a run of its words, then
    a continuation taken from ``donor``, aiming at similarity 0.22 to 0.43."""
    label, body = split_label(text)
    tokens = body.split()
    n_words = len(clause_words(text))
    donor_tokens = split_label(donor)[1].split()
    if n_words < 6 or len(tokens) < 6 or len(donor_tokens) < 4:
        return None
    target = c.integer(22, 43) / 100
    length = c.integer(max(6, round(0.6 * n_words)), max(7, round(1.3 * n_words)))
    kept = max(1, min(round(target * (n_words + length) / 2), length - 3, len(tokens) - 2))
    start = 0 if c.boolean(0.6) else c.integer(0, len(tokens) - kept)
    head = list(tokens[start : start + kept])
    head[-1] = head[-1].rstrip(".;:,!?")
    more = min(len(donor_tokens), length - kept)
    d0 = c.integer(0, len(donor_tokens) - more)
    tail = [t.strip("()[]") or t for t in donor_tokens[d0 : d0 + more]]
    if not head[-1] or not tail:
        return None
    tail[0] = tail[0][:1].lower() + tail[0][1:] if tail[0][1:2].islower() else tail[0]
    return label + _sentence([*head, *tail])


def _cut_points(c: Chooser, tokens: Sequence[str], pieces: int, short: bool) -> list[int] | None:
    """Token positions where the 2nd, 3rd ... piece of a split starts.

    With ``short``, the first or last piece has 3 to 5 tokens; the others
    each have at least 15 % of the clause (and 3 tokens).
    """
    n = len(tokens)
    lo, hi, fixed = 0, n, []
    regular = pieces
    if short:
        size = c.integer(3, 5)
        if c.boolean(0.5):
            lo, fixed = size, [size]
        else:
            hi, fixed = n - size, [n - size]
        regular -= 1
    min_piece = max(3, math.ceil(0.15 * n))
    ends = [i + 1 for i in range(lo, hi - 1) if tokens[i].endswith((".", ";", ":", ",", "?", "!"))]
    for pool in (ends, list(range(lo + 1, hi))):
        if len(pool) < regular - 1:
            continue
        for _ in range(12):
            cuts = sorted(c.choice(pool) for _ in range(regular - 1))
            bounds = [lo, *cuts, hi]
            if all(b - a >= min_piece for a, b in itertools.pairwise(bounds)):
                return sorted([*fixed, *cuts])
    return None


def _pieces(tokens: Sequence[str], cuts: Sequence[int]) -> list[list[str]]:
    bounds = [0, *cuts, len(tokens)]
    return [list(tokens[bounds[k] : bounds[k + 1]]) for k in range(len(bounds) - 1)]


def _reword(c: Chooser, text: str, strength: Strength) -> str | None:
    """:func:`reword_text` of the library, and the hard mix's ``edge`` strength."""
    if strength == EDGE:
        return _reword_band(c, text, _EDGE_BAND[0], _EDGE_BAND[1])
    assert isinstance(strength, RewordStrength)
    return reword_text(c, text, strength)


# --------------------------------------------------------------------------
# How much the hard mix edits.
# --------------------------------------------------------------------------

# Expected fraction of the editable clauses each op touches.
_RATES: Final[dict[HardOp, float]] = {
    PairEdit.DELETE: 0.03,
    PairEdit.INSERT: 0.03,
    PairEdit.REWORD: 0.08,
    HardEdit.REPLACE: 0.04,
    PairEdit.SPLIT: 0.025,
    PairEdit.MERGE: 0.02,
    PairEdit.DUPLICATE: 0.005,
}
# Largest number of each move-like op (and renumbered runs, near-duplicate scenarios, repeated clauses).
_CAPS: Final[dict[HardOp, int]] = {
    PairEdit.MOVE: 4,
    PairEdit.MOVE_BLOCK: 1,
    PairEdit.MOVE_SECTION: 1,
    PairEdit.RENUMBER: 2,
    HardEdit.NEAR_DUPLICATE: 4,
    HardEdit.REPEAT: 1,
}
_STRENGTHS: Final[tuple[Strength, ...]] = (RewordStrength.MEDIUM, RewordStrength.HEAVY, EDGE, EDGE)
_MEDIUM_TO_EDGE: Final[tuple[Strength, ...]] = (RewordStrength.MEDIUM, RewordStrength.HEAVY, EDGE)
_HEAVY_OR_EDGE: Final[tuple[Strength, ...]] = (RewordStrength.HEAVY, EDGE)


# --------------------------------------------------------------------------
# The hard mix.
#
# Every clause the aligner still has to place after exact matching (removed,
# reworded, split, merged or added; a "free" clause) is registered with the
# true change it belongs to.  Any free old clause and free new clause that
# the answer does NOT link must stay clearly apart, so that the documented
# best-first rule can only give the answer:
#
# * their similarity stays at or below the higher of their two limits: a
#   clause with a 1:1 partner (reworded, moved) allows rivals up to its
#   partner's similarity minus a margin (0.12 in place; 0.15 for a moved
#   clause, because a rival inside its gap is ranked 0.1 higher), so the
#   partner is always taken first; any other clause stays below 0.45, under
#   the 0.5 that defines "the same clause";
# * unless one of them has a 1:1 partner and the other is not part of a
#   split or merge, the shorter (of 3 words or more) keeps at most 60 % of
#   its words in the longer, so no piece of a split or part of a merge can
#   be read into the pair.
# --------------------------------------------------------------------------

# A clause's 1:1 partner beats every rival by this much in place, and by
# in_place_bonus + 0.05 (0.15) when it moved (a rival inside its gap is ranked
# in_place_bonus higher).
_HARD_MARGIN: Final = 0.12
_MOVED_MARGIN: Final = round(_OPTIONS.in_place_bonus + 0.05, 6)
# The share of its words a clause may have inside another without being read as its piece.
_CONTAINED: Final = _OPTIONS.piece_containment
_BOILERPLATE: Final = (
    "Not applicable.",
    "This paragraph is intentionally left blank.",
    "No further provisions apply.",
    "Reserved for future use.",
    "See the explanatory note.",
)
# Near-duplicate scenarios: "a" one of a clause and its varied copy
# reworded, the other unchanged; "b" one reworded lightly, the other deleted;
# "c" both reworded lightly; "d" (no planting) a clause reworded lightly and
# a varied copy of its original inserted beside it (ADDED); "e" a clause
# reworded lightly in place and a lightly varied copy of it, planted far
# away, deleted: the copy may be up to _FAR_SLACK MORE similar to the new
# text, and the documented in-gap ranking bonus (0.1) keeps the pair in place.
# "f" a clause moved next to a varied copy of it (planted far from it) and
# reworded there, the copy deleted: the copy, inside the gap the clause moved
# to, may come within 0.13 to 0.15 of the new text's similarity to its
# original, and the documented 0.1 bonus still leaves the move.
_NEAR_SCENARIOS: Final = ("a", "b", "c", "d", "e", "e", "f", "f")
# The in-gap bonus settles scenarios "e" and "f" with 0.03 to spare on either side.
_FAR_SLACK: Final = round(_OPTIONS.in_place_bonus - 0.03, 6)  # "e": the far copy may be this much MORE similar
# "f": the copy beside the moved clause is this much LESS similar
_BESIDE_GAP: Final = (round(_OPTIONS.in_place_bonus + 0.03, 6), round(_OPTIONS.in_place_bonus + 0.05, 6))
_FAR_DISTANCE: Final = 8


class _Role(enum.Enum):
    ONE = "one"  # 1:1 link: reworded, or moved with a new text
    GROUP = "group"  # split whole or piece, merge part or merged clause
    NONE = "none"  # removed or added


@attrs.frozen(eq=False)
class _Free:
    """A clause the aligner will still have to place after exact matching."""

    words: tuple[str, ...]
    bag: Counter[str]
    unit: int  # the true change it belongs to: the same unit means linked
    role: _Role
    limit: float  # the similarity a non-partner may reach (see _compatible)
    rival: int = -1  # unit of one rival allowed up to ``rival_cap`` (near-duplicate scenarios "e", "f")
    rival_cap: float = 0.0
    loose: int = -1  # unit whose clause this one may lie inside (excerpts of a replaced clause)

    @classmethod
    def of(
        cls,
        words: tuple[str, ...],
        unit: int,
        role: _Role,
        limit: float = _UNRELATED,
        *,
        rival: int = -1,
        rival_cap: float = 0.0,
        loose: int = -1,
    ) -> _Free:
        return cls(words, Counter(words), unit, role, limit, rival, rival_cap, loose)


def _compatible(x: _Free, y: _Free) -> bool:
    """True if free clauses ``x`` and ``y``, not linked by the answer, stay clearly apart."""
    nx, ny = len(x.words), len(y.words)
    if not nx or not ny:
        return True
    cap = max(x.limit, y.limit)
    if y.rival == x.unit:
        # A near-duplicate rival settled by the documented in-gap bonus.
        cap = max(cap, y.rival_cap)
    check_in = _Role.GROUP in (x.role, y.role) or x.role is y.role is _Role.NONE
    check_in = check_in and x.unit != y.loose
    shorter = min(nx, ny)
    overlap = sum((x.bag & y.bag).values())
    if 2 * overlap / (nx + ny) <= cap and (not check_in or shorter < 3 or overlap / shorter <= _CONTAINED):
        return True  # the multiset overlap bounds the LCS from above
    common = (nx + ny - Indel.distance(x.words, y.words)) / 2
    if 2 * common / (nx + ny) > cap:
        return False
    return not check_in or shorter < 3 or common / shorter <= _CONTAINED


def _plant(
    c: Chooser, base: tuple[str, ...], ops: AbstractSet[HardOp]
) -> tuple[tuple[str, ...], list[tuple[str, int, int]], list[int]]:
    """The hard mix's old edition: ``base`` with near-duplicates and a repeated
    boilerplate clause planted in it.

    Returns the edition, the near-duplicate scenarios ``(scenario, i, j)``
    (``j == i + 1`` is the varied copy of ``i``; ``-1, -1`` for scenario
    "d", which plants nothing) and the positions of the repeated clause.
    """
    texts = list(base)
    tags: list[tuple[int, str] | None] = [None] * len(texts)  # (near-duplicate number, "a"/"b"), "repeat"
    folds = Counter(normalized(t) for t in texts)
    keys = Counter(clause_words(t) for t in texts)
    unique = [folds[normalized(t)] == 1 and keys[clause_words(t)] == 1 for t in texts]
    scenarios: dict[int, str] = {}
    if HardEdit.NEAR_DUPLICATE in ops:
        for k in range(c.integer(0, _CAPS[HardEdit.NEAR_DUPLICATE])):
            scenario = c.choice(_NEAR_SCENARIOS)
            if scenario == "d":
                scenarios[k] = "d"
                continue
            candidates = [
                i
                for i, t in enumerate(texts)
                if tags[i] is None and (i == 0 or tags[i - 1] is None) and unique[i] and len(clause_words(t)) >= 6
            ]
            if not candidates:
                continue
            i = c.choice(candidates)
            strength = RewordStrength.LIGHT if scenario == "e" else RewordStrength.MEDIUM
            variant = _reword(c, texts[i], strength)
            if variant is None or folds[normalized(variant)] or keys[clause_words(variant)]:
                continue
            if scenario in ("e", "f"):
                # "f" keeps the copy within reach: no pinned clause may lie on the way.
                reach = len(texts) if scenario == "e" else 2 * _FAR_DISTANCE
                far = [q for q in range(len(texts) + 1) if _FAR_DISTANCE <= abs(q - i) <= reach]
                if not far:
                    continue
                at = c.choice(far)
            else:
                at = i + 1
            folds[normalized(variant)] += 1
            keys[clause_words(variant)] += 1
            scenarios[k] = scenario
            tags[i] = (k, "a")
            texts.insert(at, variant)
            unique.insert(at, True)
            tags.insert(at, (k, "b"))
    if HardEdit.REPEAT in ops and c.integer(0, _CAPS[HardEdit.REPEAT]):
        repeated = c.choice(_BOILERPLATE)
        m = c.integer(2, 4)
        while m >= 2 and len(texts) < 5 * m + 1:
            m -= 1
        if m >= 2 and not folds[normalized(repeated)] and not keys[clause_words(repeated)]:
            segment = len(texts) // m
            points = [c.integer(k * segment + 2, (k + 1) * segment - 2) for k in range(m)]
            for p in reversed(points):
                texts.insert(p, repeated)
                tags.insert(p, (-1, "repeat"))
    where = {tag: i for i, tag in enumerate(tags) if tag is not None}
    near = [
        (scenario, where[(k, "a")], where[(k, "b")]) if scenario != "d" else ("d", -1, -1)
        for k, scenario in sorted(scenarios.items())
    ]
    return tuple(texts), near, [i for i, tag in enumerate(tags) if tag == (-1, "repeat")]


class HardBuilder(Builder):
    """The hard mix: the cases the other mixes avoid, each with one answer."""

    def __init__(
        self, c: Chooser, base: tuple[str, ...], insert_pool: Sequence[str] | None, ops: AbstractSet[HardOp]
    ) -> None:
        planted, self.near, self.repeat_at = _plant(c, base, ops)
        super().__init__(c, planted, insert_pool)
        self.free_old: dict[int, _Free] = {}
        self.free_new: list[_Free] = []
        self.units = 0

    # -- the free-clause register ------------------------------------------

    def unit(self) -> int:
        self.units += 1
        return self.units

    def admit(self, olds: Sequence[tuple[int, _Free]], news: Sequence[_Free]) -> bool:
        """Register new free clauses if they stay apart from every other; else change nothing."""
        for i, x in olds:
            if i in self.free_old:
                return False
            for y in (*self.free_new, *news):
                if x.unit != y.unit and not _compatible(x, y):
                    return False
        for y in news:
            for x in self.free_old.values():
                if x.unit != y.unit and not _compatible(x, y):
                    return False
        self.free_old.update(olds)
        self.free_new.extend(news)
        return True

    def claimable(self, text: str) -> bool:
        words = clause_words(text)
        return bool(words) and normalized(text) not in self.folds and words not in self.word_keys

    def claim(self, text: str) -> None:
        self.folds.add(normalized(text))
        self.word_keys.add(clause_words(text))

    def position(self, item: Item) -> int:
        return next(k for k, it in enumerate(self.items) if it is item)

    # -- edits ---------------------------------------------------------------

    def reworded_text(self, i: int, strength: Strength, margin: float, source: str | None = None) -> str | None:
        """A rewording of old clause ``i`` (of ``source``, its relabelled text)
        that keeps similarity >= 0.51 and stays apart from every free clause."""
        for _ in range(3):
            text = _reword(self.c, self.base[i] if source is None else source, strength)
            if text is None:
                return None
            if not self.claimable(text):
                continue
            words = clause_words(text)
            sim = word_similarity(words, self.info[i].words)
            if sim < _EDGE_BAND[0]:
                continue
            u = self.unit()
            old = _Free.of(self.info[i].words, u, _Role.ONE, sim - margin)
            if self.admit([(i, old)], [_Free.of(words, u, _Role.ONE, sim - margin)]):
                self.claim(text)
                return text
        return None

    def reword_at(self, i: int, strength: Strength) -> bool:
        text = self.reworded_text(i, strength, _HARD_MARGIN)
        if text is None:
            return False
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [text], ChangeKind.REWORDED
        return True

    def delete_at(self, i: int) -> bool:
        if not self.admit([(i, _Free.of(self.info[i].words, self.unit(), _Role.NONE))], []):
            return False
        self.take(i)
        self.by_old[i].texts, self.by_old[i].kind = [], ChangeKind.REMOVED
        return True

    def replace_at(self, i: int) -> bool:
        """Replace old clause ``i`` in place by a different clause on its topic."""
        own = self.info[i].words
        for _ in range(4):
            donor = self.c.choice(self.insert_pool) if self.insert_pool else synth_paragraph(self.c)
            text = _replacement(self.c, self.base[i], donor)
            if text is None or not self.claimable(text):
                continue
            words = clause_words(text)
            sim = word_similarity(words, own)
            if not _REPLACE_BAND[0] <= sim <= _REPLACE_BAND[1]:
                continue
            bag, n = Counter(words), len(words)
            if any(
                bag_dice(bag, n, o.bag, len(o.words)) > _UNRELATED and word_similarity(words, o.words) > _UNRELATED
                for o in self.info
            ):
                continue
            old = _Free.of(own, self.unit(), _Role.NONE)
            if not self.admit([(i, old)], [_Free.of(words, self.unit(), _Role.NONE)]):
                continue
            self.claim(text)
            self.inserted_bags.append((bag, n))
            self.take(i)
            removed = self.by_old[i]
            removed.texts, removed.kind = [], ChangeKind.REMOVED
            self.items.insert(self.position(removed) + 1, Item((), [text], ChangeKind.ADDED))
            return True
        return False

    def renumber(self) -> list[int]:
        run = super().renumber()
        for i in run:
            if len(self.info[i].words) >= 4 and self.c.boolean(0.5):
                strength = self.c.choice(_MEDIUM_TO_EDGE)
                text = self.reworded_text(i, strength, _HARD_MARGIN, source=self.by_old[i].texts[0])
                if text is not None:
                    self.by_old[i].texts, self.by_old[i].kind = [text], ChangeKind.REWORDED
                    self.changed.add(i)
        return run

    def near_duplicates(self) -> None:
        for scenario, a, b in self.near:
            if scenario == "d":
                self.near_copy()
                continue
            if not (self.free(a) and self.free(b)):
                continue
            if scenario == "e":
                self.far_copy(a, b)
                continue
            if scenario == "f":
                # A move (see plan_moves): keep both clauses from other edits.
                self.touched[a] = self.touched[b] = True
                continue
            first, second = (a, b) if self.c.boolean(0.5) else (b, a)
            if scenario == "a":
                strength = self.c.choice(_MEDIUM_TO_EDGE)
                if self.reword_at(first, strength):
                    self.take(second, changed=False)
            elif scenario == "b":
                if self.delete_at(second) and not self.reword_at(first, RewordStrength.LIGHT):
                    # The deletion alone is still a valid edit.
                    pass
            elif self.reword_at(first, RewordStrength.LIGHT):
                self.reword_at(second, RewordStrength.LIGHT)

    def far_copy(self, a: int, b: int) -> None:
        """Reword clause ``a`` lightly in place and delete its far copy ``b``.

        The new text may be up to ``_FAR_SLACK`` more similar to the copy than
        to ``a``: the documented in-gap bonus keeps the pair in place.  That
        needs ``a`` and its new text in one gap and the copy in another, so a
        unique unchanged clause between them and ``a`` itself are pinned (no
        move passes over them: each stays in order with every other unit, so
        it is on every longest increasing run).
        """
        between = [i for i in range(min(a, b) + 1, max(a, b)) if self.free(i)]
        if not between:
            return
        pin = self.c.choice(between)
        own, copy = self.info[a].words, self.info[b].words
        for _ in range(3):
            text = _reword(self.c, self.base[a] if self.c.boolean(0.5) else self.base[b], RewordStrength.LIGHT)
            if text is None:
                return
            words = clause_words(text)
            if not self.claimable(text) or words == copy:
                continue
            sim, rival = word_similarity(words, own), word_similarity(words, copy)
            if sim < _EDGE_BAND[0] or rival > sim + _FAR_SLACK:
                continue
            u, v = self.unit(), self.unit()
            limit = sim - _HARD_MARGIN
            olds = [(a, _Free.of(own, u, _Role.ONE, limit)), (b, _Free.of(copy, v, _Role.NONE))]
            new = _Free.of(words, u, _Role.ONE, limit, rival=v, rival_cap=sim + _FAR_SLACK)
            if not self.admit(olds, [new]):
                continue
            self.claim(text)
            self.take(a, b)
            self.take(pin, changed=False)
            self.by_old[a].texts, self.by_old[a].kind = [text], ChangeKind.REWORDED
            self.by_old[b].texts, self.by_old[b].kind = [], ChangeKind.REMOVED
            self.pinned.update((id(self.by_old[a]), id(self.by_old[pin])))
            return

    def near_copy(self) -> None:
        """Reword a clause lightly and insert a varied copy of its original beside it."""
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 6]
        if not candidates:
            return
        i = self.c.choice(candidates)
        own = self.info[i].words
        for _ in range(3):
            text = _reword(self.c, self.base[i], RewordStrength.LIGHT)
            copy = _reword(self.c, self.base[i], RewordStrength.MEDIUM)
            if text is None or copy is None or normalized(text) == normalized(copy):
                return
            if not (self.claimable(text) and self.claimable(copy)) or clause_words(text) == clause_words(copy):
                continue
            sim = word_similarity(clause_words(text), own)
            if word_similarity(clause_words(copy), own) < _OPTIONS.reworded_threshold or sim < _EDGE_BAND[0]:
                continue
            u = self.unit()
            news = [
                _Free.of(clause_words(text), u, _Role.ONE, sim - _HARD_MARGIN),
                _Free.of(clause_words(copy), self.unit(), _Role.NONE),
            ]
            if not self.admit([(i, _Free.of(own, u, _Role.ONE, sim - _HARD_MARGIN))], news):
                continue
            self.claim(text)
            self.claim(copy)
            self.take(i)
            item = self.by_old[i]
            item.texts, item.kind = [text], ChangeKind.REWORDED
            at = self.position(item) + self.c.integer(0, 1)
            self.items.insert(at, Item((), [copy], ChangeKind.ADDED))
            return

    def repeat(self) -> None:
        """Pin the clauses that keep each copy of the repeated clause in its own
        gap, delete one copy, and edit a clause beside another copy."""
        copies = self.repeat_at
        if len(copies) < 2:
            return
        pins = []
        for a, b in itertools.pairwise(copies):
            between = [i for i in range(a + 1, b) if self.free(i)]
            if not between:
                return
            pins.append(self.c.choice(between))
        for i in pins:
            self.take(i, changed=False)
        self.pinned.update(id(self.by_old[i]) for i in (*copies, *pins))
        if self.c.boolean(0.75):
            i = self.c.choice(copies)
            if self.admit([(i, _Free.of(self.info[i].words, self.unit(), _Role.NONE))], []):
                self.touched[i] = True
                self.changed.add(i)
                self.by_old[i].texts, self.by_old[i].kind = [], ChangeKind.REMOVED
        survivors = [i for i in copies if self.by_old[i].texts]
        beside = sorted({j for i in survivors for j in (i - 1, i + 1) if 0 <= j < len(self.base) and self.free(j)})
        if not beside:
            return
        j = self.c.choice(beside)
        action = self.c.integer(0, 2)
        if action == 0:
            self.reword_at(j, self.c.choice(_HEAVY_OR_EDGE))
        elif action == 1:
            self.delete_at(j)
        elif len(self.info[j].words) >= 6:
            self.replace_at(j)

    def reword(self, strength: Strength) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 4]
        if candidates:
            self.reword_at(self.c.choice(candidates), strength)

    def delete(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i)]
        if candidates:
            self.delete_at(self.c.choice(candidates))

    def replace(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 6]
        if not candidates:
            return
        i = self.c.choice(candidates)
        if self.c.boolean(0.3) and len(self.info[i].words) >= 16:
            self.excerpts_at(i)
        else:
            self.replace_at(i)

    def excerpts_at(self, i: int) -> bool:
        """Replace clause ``i`` by 2 or 3 short verbatim excerpts of it, in order.

        Joined they are 0.3 to 0.48 similar to it: they do not carry its text
        (a split's pieces do), so it is REMOVED and they are ADDED, although
        each lies wholly inside it.
        """
        c = self.c
        tokens = split_label(self.base[i])[1].split()
        own = self.info[i].words
        k = 3 if len(own) >= 30 and c.boolean(0.5) else 2
        target = c.integer(round(100 * _EXCERPTS_JOINED[0]), round(100 * _EXCERPTS_JOINED[1])) / 100
        total = max(3 * k, round(target * len(own) / (2 - target)))
        region = len(tokens) // k
        lengths: list[int] = []
        for m in range(k - 1):
            lengths.append(c.integer(3, max(3, total - sum(lengths) - 3 * (k - 1 - m))))
        lengths.append(total - sum(lengths))
        if min(lengths) < 3 or max(lengths) > region:
            return False
        spans = []
        for m, length in enumerate(lengths):
            start = c.integer(m * region, (m + 1) * region - length)
            spans.append(_sentence(tokens[start : start + length]))
        pieces = [clause_words(t) for t in spans]
        joined = tuple(w for p in pieces for w in p)
        if not _EXCERPTS_JOINED[0] <= word_similarity(joined, own) <= _EXCERPTS_JOINED[1]:
            return False
        if len(set(pieces)) < k or not all(p and self.claimable(t) for p, t in zip(pieces, spans, strict=True)):
            return False
        u = self.unit()
        news = [_Free.of(p, self.unit(), _Role.NONE, loose=u) for p in pieces]
        if not self.admit([(i, _Free.of(own, u, _Role.NONE))], news):
            return False
        for t in spans:
            self.claim(t)
        self.take(i)
        removed = self.by_old[i]
        removed.texts, removed.kind = [], ChangeKind.REMOVED
        at = self.position(removed) + 1
        self.items[at:at] = [Item((), [t], ChangeKind.ADDED) for t in spans]
        return True

    def split(self) -> None:
        """Split into 2 to 4 pieces, sometimes with a 3-to-5-token piece, sometimes
        with one or two pieces reworded (keeping 60-80 % of their words)."""
        candidates = [i for i in range(len(self.base)) if self.free(i) and len(self.info[i].words) >= 10]
        if not candidates:
            return
        c = self.c
        i = c.choice(candidates)
        label, body = split_label(self.base[i])
        tokens = body.split()
        pieces = c.integer(2, _OPTIONS.max_split_parts) if len(tokens) >= 20 else 2
        short = pieces >= 3 and c.boolean(0.6)
        cuts = _cut_points(c, tokens, pieces, short)
        if cuts is None:
            return
        chunks = _pieces(tokens, cuts)
        parts = []
        for k, chunk in enumerate(chunks):
            if k == len(chunks) - 1:
                parts.append(" ".join(chunk) if k == 0 else _sentence(chunk))
            else:
                parts.append(_sentence(chunk, ":" if len(chunk) <= 5 and k == 0 else "."))
        parts[0] = label + parts[0]
        lost: tuple[int, str] | None = None  # a piece rewritten beyond recognition: ADDED
        if len(parts) >= 3 and c.boolean(0.5):
            k = c.choice((0, len(parts) - 1))
            if len(clause_words(parts[k])) >= 6:
                changed = _reword_band(c, parts[k], _LOST_PIECE_KEEP[0], _LOST_PIECE_KEEP[1], measure=_keep)
                if changed is None or not self.claimable(changed):
                    return
                lost = (k, changed)
                del parts[k]
        if c.boolean(0.6):
            long_parts = [k for k, part in enumerate(parts) if len(clause_words(part)) >= 6]
            for _ in range(c.integer(1, 2)):
                if not long_parts:
                    break
                k = c.choice(long_parts)
                long_parts.remove(k)
                changed = _reword_band(c, parts[k], _PIECE_KEEP[0], _PIECE_KEEP[1], measure=_keep)
                if changed is not None:
                    parts[k] = changed
        piece_words = [clause_words(part) for part in parts]
        if any(len(w) < 2 for w in piece_words) or len({normalized(p) for p in parts}) < len(parts):
            return
        if word_similarity(tuple(w for ws in piece_words for w in ws), self.info[i].words) < _JOINED_FLOOR:
            return
        if not all(self.claimable(part) for part in parts):
            return
        u = self.unit()
        news = [_Free.of(w, u, _Role.GROUP) for w in piece_words]
        if lost is not None:
            if normalized(lost[1]) in {normalized(p) for p in parts}:
                return
            news.append(_Free.of(clause_words(lost[1]), self.unit(), _Role.NONE))
        if not self.admit([(i, _Free.of(self.info[i].words, u, _Role.GROUP))], news):
            return
        for part in parts:
            self.claim(part)
        self.take(i)
        item = self.by_old[i]
        item.texts, item.kind = parts, ChangeKind.SPLIT
        if lost is not None:
            self.claim(lost[1])
            at = self.position(item) + (0 if lost[0] == 0 else 1)
            self.items.insert(at, Item((), [lost[1]], ChangeKind.ADDED))

    def merge(self) -> None:
        """Merge 2 to 4 consecutive clauses of 3 words or more, sometimes with one
        part reworded (keeping 60-80 % of its words)."""
        c = self.c
        k = c.integer(2, _OPTIONS.max_split_parts)
        starts = [
            s
            for s in range(len(self.base) - k + 1)
            if all(self.free(i) and len(self.info[i].words) >= 3 for i in range(s, s + k))
        ]
        if not starts:
            return
        s = c.choice(starts)
        group = tuple(range(s, s + k))
        texts = [self.base[i] for i in group]
        if c.boolean(0.6):
            long_parts = [m for m in range(k) if len(self.info[s + m].words) >= 6]
            if long_parts:
                m = c.choice(long_parts)
                # A merged part "keeps" the share of ITS words found in the merged text.
                changed = _reword_band(c, texts[m], _PIECE_KEEP[0], _PIECE_KEEP[1], measure=_kept_of_original)
                if changed is not None:
                    texts[m] = changed
        text = merge_texts(texts)
        words = clause_words(text)
        joined = tuple(w for i in group for w in self.info[i].words)
        if word_similarity(words, joined) < _JOINED_FLOOR or not self.claimable(text):
            return
        u = self.unit()
        olds = [(i, _Free.of(self.info[i].words, u, _Role.GROUP)) for i in group]
        if not self.admit(olds, [_Free.of(words, u, _Role.GROUP)]):
            return
        self.claim(text)
        self.take(*group)
        first = self.by_old[s]
        first.old, first.texts, first.kind = group, [text], ChangeKind.MERGED
        for i in group[1:]:
            self.by_old[i].old, self.by_old[i].texts = (), []

    def duplicate(self) -> None:
        candidates = [i for i in range(len(self.base)) if self.free(i) and self.unlike(i, self.changed)]
        if not candidates:
            return
        i = self.c.choice(candidates)
        # The inserted copy is left over after exact matching: a free clause.
        if not self.admit([], [_Free.of(self.info[i].words, self.unit(), _Role.NONE)]):
            return
        self.take(i, changed=False)
        self.duplicated.append(i)
        position = self.position(self.by_old[i])
        at = position + 1 + self.c.integer(0, 2)
        copy = Item((), [self.base[i]], ChangeKind.ADDED)
        self.items.insert(min(at, len(self.items)), copy)
        self.copies.append((self.by_old[i], copy))

    def insert(self) -> None:
        for _ in range(4):
            text = self.c.choice(self.insert_pool) if self.insert_pool else synth_clause(self.c)
            if not (self.unlike_everything(text) and self.claimable(text)):
                continue
            words = clause_words(text)
            if not self.admit([], [_Free.of(words, self.unit(), _Role.NONE)]):
                continue
            self.claim(text)
            self.inserted_bags.append((Counter(words), len(words)))
            self.items.insert(self.c.integer(0, len(self.items)), Item((), [text], ChangeKind.ADDED))
            return

    # -- driver ----------------------------------------------------------------

    def count(self, op: HardOp, ops: AbstractSet[enum.Enum]) -> int:
        return op_count(self.c, op, sum(self.editable), _RATES, _CAPS) if op in ops else 0

    def edit(self, ops: AbstractSet[enum.Enum]) -> None:
        c = self.c
        for _ in range(self.count(PairEdit.RENUMBER, ops)):
            self.renumber()
        self.near_duplicates()
        self.repeat()
        for _ in range(self.count(PairEdit.MERGE, ops)):
            self.merge()
        for _ in range(self.count(PairEdit.SPLIT, ops)):
            self.split()
        for _ in range(self.count(HardEdit.REPLACE, ops)):
            self.replace()
        for _ in range(self.count(PairEdit.REWORD, ops)):
            self.reword(c.choice(_STRENGTHS))
        for _ in range(self.count(PairEdit.DELETE, ops)):
            self.delete()
        for _ in range(self.count(PairEdit.DUPLICATE, ops)):
            self.duplicate()
        for _ in range(self.count(PairEdit.INSERT, ops)):
            self.insert()

    def plan_moves(self, ops: AbstractSet[enum.Enum]) -> list[Move]:
        """Far moves of sections and blocks, and single moves that are short
        (a clause or two crossing 2 or 3 units) or far, often reworded."""
        c = self.c
        moves: list[Move] = []
        for scenario, a, b in self.near:
            if scenario == "f" and PairEdit.MOVE in ops and self.by_old[a].plain and self.by_old[b].plain:
                self.move_beside(a, b, moves)
        for op in (PairEdit.MOVE_SECTION, PairEdit.MOVE_BLOCK):
            for _ in range(self.count(op, ops)):
                self.plan_move(op, moves)
        for _ in range(self.count(PairEdit.MOVE, ops)):
            if c.boolean(0.5):
                size = c.choice((1, 1, 2))
                self.plan_move(PairEdit.MOVE if size == 1 else PairEdit.MOVE_BLOCK, moves, size=size, crossing=(2, 3))
            else:
                self.plan_move(PairEdit.MOVE, moves)
        return moves

    def move_beside(self, a: int, b: int, moves: list[Move]) -> None:
        """Move clause ``a`` far, right beside its varied copy ``b``; reword it
        there and delete the copy.  The copy, in the gap the clause moved to,
        may come within 0.13 to 0.15 of the new text's similarity to ``a``
        (scenario "f"): the documented 0.1 in-gap bonus still leaves the move.
        """
        item, copy_item = self.by_old[a], self.by_old[b]
        if not self.plan_move(PairEdit.MOVE, moves, moving=item, beside=copy_item):
            return
        own, copy = self.info[a].words, self.info[b].words
        options: list[tuple[bool, int, str, tuple[str, ...], float]] = []
        for k in range(8):
            text = _reword(self.c, self.base[a], self.c.choice((RewordStrength.LIGHT, RewordStrength.MEDIUM)))
            if text is None:
                return
            words = clause_words(text)
            if not self.claimable(text):
                continue
            sim, rival = word_similarity(words, own), word_similarity(words, copy)
            if sim >= _EDGE_BAND[0] and rival <= sim - _BESIDE_GAP[0]:
                # Prefer a copy that comes close (the case the bonus decides).
                options.append((rival <= sim - _BESIDE_GAP[1], k, text, words, sim))
        for _, _, text, words, sim in sorted(options):
            u, v = self.unit(), self.unit()
            limit = sim - _MOVED_MARGIN
            olds = [(a, _Free.of(own, u, _Role.ONE, limit)), (b, _Free.of(copy, v, _Role.NONE))]
            new = _Free.of(words, u, _Role.ONE, limit, rival=v, rival_cap=sim - _BESIDE_GAP[0])
            if not self.admit(olds, [new]):
                continue
            self.claim(text)
            self.take(b)
            item.texts = [text]
            self.changed.add(a)
            copy_item.texts, copy_item.kind = [], ChangeKind.REMOVED
            self.pinned.add(id(copy_item))
            return

    def reword_moved(self, item: Item) -> None:
        i = item.old[0]
        if self.c.boolean(0.6) and self.unlike(i, self.duplicated):
            strength = self.c.choice(_MEDIUM_TO_EDGE)
            text = self.reworded_text(i, strength, _MOVED_MARGIN)
            if text is not None:
                item.texts = [text]
                self.changed.add(i)


# --------------------------------------------------------------------------
# Entry points.
# --------------------------------------------------------------------------


def _hard_ops(ops: Collection[HardOp | str] | None) -> frozenset[HardOp]:
    if ops is None:
        return frozenset([*PairEdit, *HardEdit])
    out: set[HardOp] = set()
    for op in ops:
        if isinstance(op, (PairEdit, HardEdit)):
            out.add(op)
        elif op in {e.value for e in HardEdit}:
            out.add(HardEdit(op))
        else:
            out.add(PairEdit(op))
    return frozenset(out)


def generate_hard_pair(
    chooser: Chooser,
    base: Sequence[str],
    *,
    ops: Collection[HardOp | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> EditedPair:
    """A pair of the hard mix: ``base`` with clauses planted in it, edited, and the exact answer.

    ``ops`` restricts the edits (:class:`~conceptdiff.strategies.PairEdit` and
    :class:`HardEdit` members or values; default: all); ``insert_pool`` is as
    for :func:`conceptdiff.strategies.generate_pair`.
    """
    chosen = _hard_ops(ops)
    return HardBuilder(chooser, tuple(base), insert_pool, chosen).build(chosen)


def generate_pair(
    chooser: Chooser,
    base: Sequence[str],
    *,
    mix: BenchmarkMix | Mix | str = BenchmarkMix.MEDIUM,
    ops: Collection[HardOp | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> EditedPair:
    """:func:`conceptdiff.strategies.generate_pair` for the four benchmark mixes (``hard`` included)."""
    chosen = BenchmarkMix(mix.value if isinstance(mix, (Mix, BenchmarkMix)) else mix)
    if chosen is BenchmarkMix.HARD:
        return generate_hard_pair(chooser, base, ops=ops, insert_pool=insert_pool)
    return library_generate_pair(chooser, base, mix=chosen.value, ops=_library_ops(ops), insert_pool=insert_pool)


def _library_ops(ops: Collection[HardOp | str] | None) -> frozenset[PairEdit] | None:
    """The library's edits among ``ops`` (the hard mix's own do nothing in the other mixes)."""
    if ops is None:
        return None
    return frozenset(op for op in _hard_ops(ops) if isinstance(op, PairEdit))


def hard_pairs(
    *,
    base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None = None,
    ops: Collection[HardOp | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> st.SearchStrategy[EditedPair]:
    """Hypothesis strategy for pairs of the hard mix (as :func:`conceptdiff.strategies.edited_pairs`)."""
    chosen = _hard_ops(ops)
    base_strategy: st.SearchStrategy[Sequence[str]]
    if base is None:
        base_strategy = clause_lists(min_size=2, max_size=40)
    elif isinstance(base, st.SearchStrategy):
        base_strategy = base
    else:
        base_strategy = st.just(tuple(base))

    @st.composite
    def _pairs(draw: st.DrawFn) -> EditedPair:
        old = tuple(draw(base_strategy))
        return HardBuilder(_DrawChooser(draw), old, insert_pool, chosen).build(chosen)

    return _pairs()


def edited_pairs(
    *,
    base: st.SearchStrategy[Sequence[str]] | Sequence[str] | None = None,
    mix: BenchmarkMix | Mix | str = BenchmarkMix.MEDIUM,
    ops: Collection[HardOp | str] | None = None,
    insert_pool: Sequence[str] | None = None,
) -> st.SearchStrategy[EditedPair]:
    """:func:`conceptdiff.strategies.edited_pairs` for the four benchmark mixes (``hard`` included)."""
    chosen = BenchmarkMix(mix.value if isinstance(mix, (Mix, BenchmarkMix)) else mix)
    if chosen is BenchmarkMix.HARD:
        return hard_pairs(base=base, ops=ops, insert_pool=insert_pool)
    return library_edited_pairs(base=base, mix=chosen.value, ops=_library_ops(ops), insert_pool=insert_pool)
