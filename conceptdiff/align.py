"""Alignment: which old clauses became which new clauses, and how.

The aligner works in passes, each cheaper and surer than the next:

1. **Anchors.**  Clauses with the same normalized text are paired, the n-th
   copy of a text in the old edition with its n-th copy in the new; then
   clauses with the same words once case and punctuation are folded; then
   clauses that are one template filled in with other numbers and dates,
   each template found once on each side (a title block's version lines).
2. **Backbone.**  The longest increasing run of anchors (by old and new
   position) splits both editions into *gaps*: stretches between two anchors
   that kept their order.
3. **Candidates.**  Every clause still unmatched looks up clauses on the other
   side that share its rarest words (an inverted index; words found in too
   many clauses are not indexed), plus the unmatched clauses of its own gap
   when the gap is small.  No pair of clauses is compared unless the index
   proposes it, so the work grows with the number of clauses, not its square.
4. **Scoring.**  Similarity is word-level, ``2 * LCS / (len(a) + len(b))``
   over case-folded words (RapidFuzz's Indel on words mapped to characters).
   A run of consecutive clauses that each lie mostly inside one clause on the
   other side (``Options.piece_containment``) and together match it
   (``Options.split_threshold``) is a split or merge candidate.
5. **Selection.**  Candidates are taken best first (a small bonus for pairs in
   the same gap keeps near-duplicates in place), each clause at most once.
6. **Positional and by-number pairs.**  In a gap left with exactly one old and
   one new clause, the two are paired at a lower bar
   (``Options.positional_threshold``), or when they carry the same label.
7. **Order.**  The longest increasing run of all pairs decides what stayed in
   order; a single pair outside it is MOVED.

Timing: O(n log n) in the number of clauses plus the index look-ups, bounded
by ``Options.candidates_per_clause`` per clause.  The order searches (2 and 7)
run over *blocks* of pairs left in place, which a longest run takes whole, so
a long edition with few changes costs little more than reading it.
"""

from __future__ import annotations

import bisect
import operator
import re
import zlib
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from itertools import chain, combinations, compress, repeat

import attrs
from rapidfuzz.distance import Indel

from conceptdiff._text import WORD_RE
from conceptdiff.model import ChangeKind, Clause, ClauseKind, MatchMethod
from conceptdiff.normalize import ELISION, normalize_text
from conceptdiff.options import Options

__all__ = ["Link", "align", "similarity"]

_QUERY_TOKENS = 12  # rarest words of a clause used to look up candidates
_ELIDED = "\x01"  # the code of the elision marker "[…]" among encoded words
_MIN_QUOTED_WORDS = 3  # a quotation with elisions must keep this many words to match by containment
_LCS_BUDGET = 400_000_000  # word pairs an exact LCS may cover (about 0.05 s); see _common
_DF_CAP = 32  # a word in more free clauses than this is too common to propose pairs (keeps look-ups O(1))
_SMALL_GAP = 8  # gaps up to this size compare all their unmatched pairs
_MIN_MOVED_PIECE = 3  # content words a piece made of words a split left out must hold to join it
# Words any rewording leaves behind: not counted as the words of a piece (``_left_out``).
_FUNCTION_WORDS = frozenset(
    "a an the this that these those of to in on at by for with from into as and or nor but if than then "
    "it its is are be been was were not no any all each such which who whom whose".split()
)
_DISPLACEMENT = 2**34  # a step of displacement outweighs any sum of two checksums (< 2**33)
_RANK_REACH = 2  # in larger gaps, a clause meets the clauses within this many ranks of its own
# The term a clause defines, at its start: a quoted term before "means" (or the like, or a
# colon), or a name of code before a colon ("__double_leading_underscore: ...").
_DEFINES_RE = re.compile(
    r"[\"'“‘`]([^\"'”’`\n]{1,60})[\"'”’`]\s*(?:means|shall mean|refers? to|is defined as|has the meaning|:)"
    r"|`?([A-Za-z_][\w.]*_[\w.]*|[A-Za-z_][\w.]*\(\))`?:\s"
)


@attrs.frozen
class Link:
    """One aligned unit: the clauses on each side, the kind and the why."""

    kind: ChangeKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    method: MatchMethod
    confidence: float


def _common(a: str, b: str) -> float:
    """Length of the longest common subsequence of two encoded word strings.

    Exact (RapidFuzz's bit-parallel Indel, O(len(a) * len(b) / 64)) up to
    ``_LCS_BUDGET``; beyond it (clauses of tens of thousands of words) the
    size of the multiset intersection, an upper bound computed in linear
    time, so that one huge clause cannot stall a comparison.  Either way the
    answer depends only on the two strings.
    """
    if len(a) * len(b) <= _LCS_BUDGET:
        return (len(a) + len(b) - Indel.distance(a, b)) / 2
    return float(sum((Counter(a) & Counter(b)).values()))


def _similarity(a: str, b: str) -> float:
    """Word similarity of two encoded word strings, ``2 * LCS / (len(a) + len(b))``."""
    return 2 * _common(a, b) / (len(a) + len(b)) if a or b else 1.0


def _elided_similarity(quote: str, full: str) -> float:
    """How much of ``quote`` (words, with elision markers) is found, in order,
    in ``full``: an elision marker means "text left out here", so a faithful
    quotation with ``[…]`` is as similar to its source as it can be (1.0)."""
    if _ELIDED not in quote:
        return 0.0
    core = quote.replace(_ELIDED, "")
    if len(core) < _MIN_QUOTED_WORDS:
        return 0.0
    return _common(core, full) / len(core)


def _heading_apart(a: ClauseKind, b: ClauseKind) -> bool:
    """Is one of two kinds a heading and the other not?"""
    return (a is ClauseKind.HEADING) is not (b is ClauseKind.HEADING)


def _terms(clauses: Sequence[Clause], indices: Sequence[int]) -> dict[str, int]:
    """The terms the clauses at ``indices`` define at their start
    (:data:`_DEFINES_RE`), case-folded, each to its clause's index; a term
    defined twice is left out."""
    found: dict[str, int] = {}
    twice: set[str] = set()
    for index in indices:
        match = _DEFINES_RE.match(clauses[index].text)
        if match is None:
            continue
        term = " ".join((match.group(1) or match.group(2)).casefold().split())
        if term in found:
            twice.add(term)
        found[term] = index
    return {term: index for term, index in found.items() if term not in twice}


class _Codes(dict[str, str]):
    """Word -> one character; a word not seen before gets the next code."""

    def __missing__(self, word: str) -> str:
        number = len(self) + 1
        code = self[word] = chr(number + 0x800 if number >= 0xD800 else number)  # never a surrogate
        return code


class _Words:
    """Case-folded words of every clause, each word mapped to one character."""

    def __init__(self) -> None:
        self.codes = _Codes({ELISION: _ELIDED})

    def encode(self, normalized: str) -> str:
        # New words get the next codes, in order of appearance.
        return "".join(map(self.codes.__getitem__, WORD_RE.findall(normalized.casefold())))


# What a template sets aside: a word holding a digit ("1.2", "26th", "v1", "2022") or a month's
# name (not "may": a modal verb far more often than a month).
_FILLED_RE = re.compile(r"\w*\d\w*|january|february|march|april|june|july|august|september|october|november|december")
_TEMPLATE_WORDS = 3  # words a template must hold besides what it sets aside


def _template(normalized: str) -> str | None:
    """The words of a clause with its numbers and dates set aside (each run of
    them one ``#``), or ``None`` when it holds none or fewer than
    ``_TEMPLATE_WORDS`` other words (a bare "Section 4" is no template)."""
    words = WORD_RE.findall(normalized.casefold())
    marked = ["#" if _FILLED_RE.fullmatch(word) else word for word in words]
    if "#" not in marked or len(marked) - marked.count("#") < _TEMPLATE_WORDS:
        return None
    return " ".join(word for k, word in enumerate(marked) if word != "#" or k == 0 or marked[k - 1] != "#")


def similarity(a: str, b: str) -> float:
    """Word-level similarity of two texts, 0..1.

    >>> similarity("Members may vote.", "members shall vote")
    0.666667
    """
    words = _Words()
    return round(_similarity(words.encode(normalize_text(a)), words.encode(normalize_text(b))), 6)


def _block_levels(firsts: Sequence[int], sizes: Sequence[int]) -> tuple[list[int], int]:
    """Patience sorting over *blocks* of consecutive values.

    Block ``b`` stands for the values ``firsts[b], firsts[b] + 1, ...,
    firsts[b] + sizes[b] - 1`` in that order, and no other block holds any of
    them.  Returns, for each block, the length (minus one) of the longest
    strictly increasing run ending at its first value, and the longest run's
    length.  The values of a block then sit on consecutive levels (no pile
    top lies between them), so one slice assignment places a whole block.
    """
    tails: list[int] = []
    levels = []
    for first, size in zip(firsts, sizes, strict=True):
        level = bisect.bisect_left(tails, first)
        tails[level : level + size] = range(first, first + size)
        levels.append(level)
    return levels, len(tails)


def _increasing(pairs: Sequence[tuple[int, int]], ties: Sequence[int] | None = None) -> list[int]:
    """Positions, in order, (in ``pairs``, sorted by first item, first items distinct and
    second items distinct) of a longest run whose second items increase;
    among the longest runs, the one with the largest sum of ``ties``.

    The aligner's ties are computed from both texts of a pair symmetrically,
    so the run chosen does not depend on which edition is called old (a
    property test swaps them).

    O(n + b log b) for ``b`` *blocks*: maximal stretches of pairs whose items
    both go up by one (clauses left in place).  A longest run takes a block
    whole or not at all (were it to take a pair of a block but not the next,
    inserting that one would make the run longer), so the search runs over
    blocks: patience sorting gives every block the length of the longest run
    ending at its first pair and starting from its last; only blocks on some
    longest run take part in the weighted choice, and a block's possible
    predecessors (blocks whose last pair sits one level below its first pair)
    form one contiguous slice (a level's second items decrease as its first
    items increase).  Among equally good predecessors the first wins, and
    among equally good runs the one ending first: the same run the pair-by-
    pair algorithm picks (tests/test_reference.py checks it against that one).
    """
    n = len(pairs)
    if not n:
        return []
    values = [second for _, second in pairs]
    weight = ties if ties is not None else [0] * n
    firsts = [first for first, _ in pairs]
    diagonal = list(map(operator.sub, firsts, values))
    # Pair k starts a block unless it is one step on from pair k - 1 on both sides (C-speed iteration).
    steps = map(operator.sub, firsts[1:], firsts)
    breaks = map(operator.or_, map((1).__ne__, steps), map(operator.ne, diagonal[1:], diagonal))
    starts = [0, *compress(range(1, n), breaks)]
    ends = [*starts[1:], n]  # exclusive
    sizes = [stop - start for start, stop in zip(starts, ends, strict=True)]
    end_level, length = _block_levels([values[start] for start in starts], sizes)
    # From the right, with values negated, a block's last pair comes first.
    reverse_level = _block_levels([-values[stop - 1] for stop in reversed(ends)], sizes[::-1])[0][::-1]
    by_first: dict[int, list[int]] = defaultdict(list)  # blocks on a longest run, by first pair's level
    by_last: dict[int, list[int]] = defaultdict(list)  # ... by last pair's level
    for b, size in enumerate(sizes):
        start_level = reverse_level[b] + size - 1  # of the block's first pair
        if end_level[b] + start_level + 1 == length:
            by_first[end_level[b]].append(b)
            by_last[end_level[b] + size - 1].append(b)
    best: dict[int, int] = {}
    back: dict[int, int] = {}
    for level, members in sorted(by_first.items()):
        previous = by_last.get(level - 1, [])
        negated = [-values[ends[c] - 1] for c in previous]  # increasing along ``previous``
        last_at = [ends[c] - 1 for c in previous]
        for b in members:
            first = starts[b]
            lo = bisect.bisect_right(negated, -values[first])
            hi = bisect.bisect_left(last_at, first)
            chosen, top = -1, 0
            for c in previous[lo:hi]:
                if chosen == -1 or best[c] > top:
                    chosen, top = c, best[c]
            best[b] = top + sum(weight[first : ends[b]])
            back[b] = chosen
    block = max(by_last[length - 1], key=lambda c: (best[c], -ends[c]))
    blocks: list[int] = []  # the run's blocks, last first
    while block != -1:
        blocks.append(block)
        block = back[block]
    return [k for block in reversed(blocks) for k in range(starts[block], ends[block])]


def _nearest(items: Sequence[int], here: int, count: int) -> list[int]:
    """The ``count`` items of sorted ``items`` nearest to ``here``; of two at
    the same distance, the smaller first (two pointers from ``here`` out)."""
    right = bisect.bisect_left(items, here)
    left = right - 1
    out: list[int] = []
    while len(out) < count and (left >= 0 or right < len(items)):
        if right >= len(items) or (left >= 0 and here - items[left] <= items[right] - here):
            out.append(items[left])
            left -= 1
        else:
            out.append(items[right])
            right += 1
    return out


def _free(keys: Sequence[str | None], used: Sequence[bool]) -> tuple[Sequence[int], list[str]]:
    """The indices of the clauses not yet used that have a key, and their keys."""
    if not any(used) and None not in keys:
        return range(len(keys)), list(keys)  # type: ignore[arg-type]
    index = [k for k, key in enumerate(keys) if key is not None and not used[k]]
    return index, [keys[k] for k in index]  # type: ignore[misc]


def _weight(similarity: float, tie: int) -> int:
    """A link's weight in the order search: similarity first (to 0.001), then
    the checksum sum ``tie`` of its texts.  A one-to-one link's ``tie`` is below
    2 * 2**32 < 10**10; a split or merge of 3+ clauses can pass 10**10 and so
    outweigh a 0.001 step of similarity (a known imprecision, kept: changing it
    would change which run wins some ties)."""
    return int(similarity * 1000) * 10**10 + tie


def _checksum(text: str) -> int:
    """A stable (hash-seed independent) checksum; summed over a pair's texts it
    breaks ties the same way whichever edition is called old."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


@attrs.define
class _Gaps:
    """Stretches between in-order links: gap ``g`` lies just before the
    ``g``-th of them (``old_marks[g]``, ``new_marks[g]``); and the gap of every
    clause still free (``old``, ``new``: index -> gap)."""

    old_marks: list[int]
    new_marks: list[int]
    old: dict[int, int]
    new: dict[int, int]


#: How far (as a share of each edition) a split or merge outside its gap may reach, unless
#: it stays within a few clauses of its place (in a short edition a quarter is two clauses).
_GROUP_REACH = 0.25
_GROUP_NEAR = 8
#: A repeated text's copies are re-paired by their neighbourhood (``_Aligner.repair_repeated``)
#: when paired at most this many times; at most this many swaps are tried in all.
_REPAIR_COPIES = 6
_REPAIR_BUDGET = 64


class _Aligner:
    def __init__(self, old: Sequence[Clause], new: Sequence[Clause], options: Options) -> None:
        self.old, self.new, self.options = old, new, options
        # Words are encoded only for the clauses exact matching leaves free.
        self.old_words = [""] * len(old)
        self.new_words = [""] * len(new)
        self.old_used = [False] * len(old)
        self.new_used = [False] * len(new)
        self.links: list[Link] = []
        self.link_weights: list[int] = []  # ``weight`` of each link, in step with ``links``
        self.link_firsts: list[tuple[int, int]] = []  # (old[0], new[0]) of each link, in step with ``links``
        self.old_sums = list(map(_checksum, [c.normalized for c in old]))
        self.new_sums = list(map(_checksum, [c.normalized for c in new]))
        self.kept: set[tuple[int, int]] = set()  # the in-order run, once positional pairs are in
        self.old_counts: Counter[str] = Counter()  # how often each text recurs (set by ``order``)
        self.new_counts: Counter[str] = Counter()
        self.pair_of: dict[int, int] = {}  # old -> new of one-to-one links (set by ``order``)
        self.function_codes: frozenset[str] = frozenset()  # the codes of _FUNCTION_WORDS (set by ``run``)

    # -- passes -------------------------------------------------------------
    def run(self) -> list[Link]:
        self.anchor_exact()
        words = _Words()
        for side, clauses, used in (
            (self.old_words, self.old, self.old_used),
            (self.new_words, self.new, self.new_used),
        ):
            for index, clause in enumerate(clauses):
                if not used[index]:
                    side[index] = words.encode(clause.normalized)
        self.function_codes = frozenset(words.codes[word] for word in _FUNCTION_WORDS if word in words.codes)
        self.anchor_loose()
        self.anchor_template()
        self.fuzzy()
        self.positional()
        if self.options.detect_splits:
            self.grow()
        return self.order()

    def take(
        self,
        old: tuple[int, ...],
        new: tuple[int, ...],
        kind: ChangeKind,
        sim: float,
        method: MatchMethod,
        confidence: float,
    ) -> None:
        for i in old:
            self.old_used[i] = True
        for j in new:
            self.new_used[j] = True
        link = Link(kind, old, new, round(sim, 6), method, round(confidence, 6))
        self.links.append(link)
        self.link_weights.append(self.weight(link))
        self.link_firsts.append((old[0], new[0]))

    def anchor_exact(self) -> None:
        old, new = self.old, self.new
        pairs = self.anchor([c.normalized for c in old], [c.normalized for c in new])
        exact, normalized, unchanged = MatchMethod.EXACT, MatchMethod.NORMALIZED, ChangeKind.UNCHANGED
        links = [
            Link(unchanged, (i,), (j,), 1.0, exact if old[i].text == new[j].text else normalized, 1.0) for i, j in pairs
        ]
        self.take_pairs(pairs, links)

    def anchor_loose(self) -> None:
        """Pair free clauses with the same words (case and punctuation aside),
        a heading only with a heading: "Prevent Our Enemies ..." as a section's
        title and as an item of the overview's list are two clauses."""

        def keys(codes: list[str], clauses: Sequence[Clause]) -> list[str | None]:
            heading = ClauseKind.HEADING
            return [
                (code + "\x01" if c.kind is heading else code) if code else None
                for code, c in zip(codes, clauses, strict=True)
            ]

        pairs = self.anchor(keys(self.old_words, self.old), keys(self.new_words, self.new))
        reworded, normalized = ChangeKind.REWORDED, MatchMethod.NORMALIZED
        self.take_pairs(pairs, [Link(reworded, (i,), (j,), 1.0, normalized, 0.98) for i, j in pairs])

    def anchor_template(self) -> None:
        """Pair free clauses that are one template filled in with other numbers
        and dates ("Version 1.1 ratified on April 26th, 2004." and "Version 1.2
        ratified on October 1st, 2022."), where each template is found once on
        each side and holds words enough besides its numbers: an edition's
        title block, whose lines share words across each other as much as with
        their own counterparts."""

        def keys(clauses: Sequence[Clause], used: Sequence[bool]) -> list[str | None]:
            found: list[str | None] = []
            for clause, taken in zip(clauses, used, strict=True):
                key = None if taken else _template(clause.normalized)
                found.append(key + "\x01" if key and clause.kind is ClauseKind.HEADING else key)
            return found

        old_keys, new_keys = keys(self.old, self.old_used), keys(self.new, self.new_used)
        old_count, new_count = Counter(old_keys), Counter(new_keys)
        new_at = {key: j for j, key in enumerate(new_keys) if key}
        pairs = [
            (i, new_at[key])
            for i, key in enumerate(old_keys)
            if key and old_count[key] == 1 and new_count.get(key) == 1
        ]
        reworded, method = ChangeKind.REWORDED, MatchMethod.TEMPLATE
        for i, j in pairs:
            sim = _similarity(self.old_words[i], self.new_words[j])
            self.take((i,), (j,), reworded, sim, method, round(0.8 + 0.15 * sim, 6))

    def take_pairs(self, pairs: Sequence[tuple[int, int]], links: Sequence[Link]) -> None:
        """``take`` for many one-to-one links of similarity 1.0 at once."""
        old_used, new_used = self.old_used, self.new_used
        for i, j in pairs:
            old_used[i] = new_used[j] = True
        self.links += links
        self.link_firsts += pairs
        old_sums, new_sums, same = self.old_sums, self.new_sums, _weight(1.0, 0)
        self.link_weights += [same + old_sums[i] + new_sums[j] for i, j in pairs]

    def anchor(
        self,
        old_keys: Sequence[str | None],
        new_keys: Sequence[str | None],
    ) -> list[tuple[int, int]]:
        """Pair free clauses with equal keys (the pairs are returned, not taken).

        Keys found once on each side are paired first; their longest
        increasing run splits the editions into gaps, and a key found several
        times is paired n-th copy with n-th copy *within each gap*, then
        whatever is left n-th with n-th over the whole edition.  The gaps keep
        a repeated clause ("[Reserved]", "Not applicable.") in place when one
        of its copies is deleted far away, and within a gap the rule is the
        plain n-th with n-th.
        """

        old_index, old_free = _free(old_keys, self.old_used)
        new_index, new_free = _free(new_keys, self.new_used)
        old_count, new_count = Counter(old_free), Counter(new_free)
        new_last = dict(zip(new_free, new_index, strict=True))  # a key's only index, for keys found once
        unique = [
            (i, new_last[key])
            for i, key in zip(old_index, old_free, strict=True)
            if old_count[key] == 1 and new_count.get(key) == 1
        ]
        pairs = list(unique)
        repeated = [key for key, count in old_count.items() if key in new_count and (count > 1 or new_count[key] > 1)]
        if not repeated:
            return pairs  # no repeated key: nothing more to pair
        wanted = set(repeated)
        old_at: dict[str, list[int]] = defaultdict(list)
        new_at: dict[str, list[int]] = defaultdict(list)
        for i, key in zip(old_index, old_free, strict=True):
            if key in wanted:
                old_at[key].append(i)
        for j, key in zip(new_index, new_free, strict=True):
            if key in wanted:
                new_at[key].append(j)
        # Equal-length runs are settled by how far their pairs moved (the run that leaves the clause
        # that jumped out of it: "15. Applicable Law" moved to the top, not "14." and all after it),
        # then by the texts, whichever side is "old".
        ties = [self.old_sums[i] + self.new_sums[j] - abs(i - j) * _DISPLACEMENT for i, j in unique]
        kept = [unique[p] for p in _increasing(unique, ties)]
        old_marks, new_marks = [i for i, _ in kept], [j for _, j in kept]
        leftovers: list[tuple[list[int], list[int]]] = []
        for key in repeated:
            olds, news = old_at[key], new_at[key]
            by_gap_old: dict[int, deque[int]] = defaultdict(deque)
            for i in olds:
                by_gap_old[bisect.bisect_left(old_marks, i)].append(i)
            rest_new = []
            for j in news:
                queue = by_gap_old.get(bisect.bisect_left(new_marks, j))
                if queue:
                    pairs.append((queue.popleft(), j))
                else:
                    rest_new.append(j)
            rest_old = sorted(i for queue in by_gap_old.values() for i in queue)
            leftovers.append((rest_old, rest_new))
        for rest_old, rest_new in leftovers:
            pairs.extend(zip(rest_old, rest_new, strict=False))
        return pairs

    def weight(self, link: Link) -> int:
        """Among runs of equal length, the one keeping more similar pairs in
        order wins; the texts' checksums settle the rest symmetrically."""
        tie = sum(self.old_sums[i] for i in link.old) + sum(self.new_sums[j] for j in link.new)
        return _weight(link.similarity, tie)

    def in_order(self) -> list[tuple[int, int]]:
        """First old and new index of each link on the chosen longest in-order run, in order."""
        firsts = self.link_firsts
        order = sorted(range(len(firsts)), key=firsts.__getitem__)
        units = [firsts[k] for k in order]
        weights = self.link_weights
        return [units[p] for p in _increasing(units, [weights[k] for k in order])]

    def gaps(self, marks: Sequence[tuple[int, int]]) -> _Gaps:
        """The gaps between the in-order links ``marks`` (in order), and the gap of each free clause."""
        old_marks = [o for o, _ in marks]
        new_marks = [n for _, n in marks]
        free_old = [i for i, used in enumerate(self.old_used) if not used]
        free_new = [j for j, used in enumerate(self.new_used) if not used]
        return _Gaps(
            old_marks,
            new_marks,
            {i: bisect.bisect_left(old_marks, i) for i in free_old},
            {j: bisect.bisect_left(new_marks, j) for j in free_new},
        )

    def candidates(self, gaps: _Gaps) -> set[tuple[int, int]]:
        old_gap, new_gap = gaps.old, gaps.new
        free_old, free_new = list(old_gap), list(new_gap)
        distinct_old = {i: set(self.old_words[i]) for i in free_old}
        distinct_new = {j: set(self.new_words[j]) for j in free_new}
        df = Counter(chain.from_iterable(distinct_old.values()))
        df.update(chain.from_iterable(distinct_new.values()))
        # Words found in more clauses than this are too common to propose pairs.
        cap = _DF_CAP
        # Each clause's rare words, rarest first (ties by code): its look-up words.  A word
        # of one clause only proposes no pair: it never takes a look-up word's place (a
        # clause reworded in its rarest words is still found by the words it kept).
        rarity = {
            code: r for r, code in enumerate(sorted((c for c in df if 2 <= df[c] <= cap), key=lambda c: (df[c], c)))
        }
        in_rank = rarity.__contains__
        by_rank = rarity.__getitem__
        rare_old = {i: sorted(filter(in_rank, codes), key=by_rank) for i, codes in distinct_old.items()}
        rare_new = {j: sorted(filter(in_rank, codes), key=by_rank) for j, codes in distinct_new.items()}
        postings_old: dict[str, list[int]] = defaultdict(list)
        postings_new: dict[str, list[int]] = defaultdict(list)
        for rare, postings in ((rare_old, postings_old), (rare_new, postings_new)):
            for index, rare_codes in rare.items():
                for code in rare_codes:
                    postings[code].append(index)
        limit = self.options.candidates_per_clause
        pairs: set[tuple[int, int]] = set()

        def lookup(
            codes: list[str], postings: dict[str, list[int]], here: int, marks: list[int], gap: int
        ) -> list[int]:
            """The clauses sharing most of ``codes`` (at most ``limit``): most shared
            rare words first, then same gap, then nearest to ``here``, then index."""
            hits = Counter(chain.from_iterable([postings.get(code, ()) for code in codes[:_QUERY_TOKENS]]))
            if len(hits) <= limit:
                return list(hits)  # all of them: no ranking needed
            floor = sorted(hits.values(), reverse=True)[limit - 1]  # what the limit-th best shares
            chosen = [o for o, count in hits.items() if count > floor]  # fewer than ``limit``
            level = sorted(o for o, count in hits.items() if count == floor)
            # Same gap first: the gap's clauses are one stretch of indices.
            lo = bisect.bisect_right(level, marks[gap - 1]) if gap else 0
            hi = bisect.bisect_left(level, marks[gap]) if gap < len(marks) else len(level)
            room = limit - len(chosen)
            inside = _nearest(level[lo:hi], here, room)
            chosen += inside
            if len(inside) < room:
                chosen += _nearest(level[:lo] + level[hi:], here, room - len(inside))
            return chosen

        for i in free_old:
            pairs.update(zip(repeat(i), lookup(rare_old[i], postings_new, i, gaps.new_marks, old_gap[i])))
        for j in free_new:
            pairs.update(zip(lookup(rare_new[j], postings_old, j, gaps.old_marks, new_gap[j]), repeat(j)))
        # Within a gap: every pair when the gap is small, else the clauses at
        # about the same rank in the gap (a run of clauses reworded in place,
        # even in words too common to index).
        by_gap_old: dict[int, list[int]] = defaultdict(list)
        by_gap_new: dict[int, list[int]] = defaultdict(list)
        for i in free_old:
            by_gap_old[old_gap[i]].append(i)
        for j in free_new:
            by_gap_new[new_gap[j]].append(j)
        for gap, olds in by_gap_old.items():
            news = by_gap_new.get(gap, [])
            if not news:
                continue
            if len(olds) <= _SMALL_GAP and len(news) <= _SMALL_GAP:
                pairs.update((i, j) for i in olds for j in news)
                continue
            for rank, i in enumerate(olds):
                middle = rank * len(news) // len(olds)
                pairs.update((i, j) for j in news[max(0, middle - _RANK_REACH) : middle + _RANK_REACH + 1])
        return pairs

    def fuzzy(self) -> None:
        gaps = self.gaps(self.in_order())
        old_gap, new_gap = gaps.old, gaps.new
        pairs = self.candidates(gaps)
        options = self.options
        scored: list[tuple[float, int, tuple[int, ...], tuple[int, ...], float]] = []
        best_old: dict[int, list[float]] = defaultdict(list)
        best_new: dict[int, list[float]] = defaultdict(list)
        pieces_of_old: dict[int, list[int]] = defaultdict(list)  # old i -> new pieces inside it
        parts_of_new: dict[int, list[int]] = defaultdict(list)  # new j -> old parts inside it
        # Clauses with a rewording of their own kind on the other side: such a heading
        # is no piece of a paragraph's split (nor a part of its merge).
        kin_old: set[int] = set()
        kin_new: set[int] = set()
        old, new, reworded = self.old, self.new, options.reworded_threshold
        old_words, new_words = self.old_words, self.new_words
        bar, containment, splits = options.positional_threshold, options.piece_containment, options.detect_splits
        # A rival less similar than this never lowers a confidence (see below): not kept.
        rival_floor = options.reworded_threshold - 0.2
        distance = Indel.distance
        # The hot loop: one C call per pair, the rest kept lean.  The pairs' order
        # does not matter: rivals and pieces are sorted before use, and two
        # candidates that tie on the sort key below never share a clause.
        for i, j in pairs:
            a, b = old_words[i], new_words[j]
            if not a or not b:
                continue
            size_a, size_b = len(a), len(b)
            # _common(a, b), its exact branch inlined (a function call per pair costs as much as the C call).
            common = (size_a + size_b - distance(a, b)) / 2 if size_a * size_b <= _LCS_BUDGET else _common(a, b)
            sim = 2 * common / (size_a + size_b)
            if _ELIDED in a or _ELIDED in b:
                sim = max(sim, _elided_similarity(a, b), _elided_similarity(b, a))
            if sim >= rival_floor:
                best_old[i].append(sim)
                best_new[j].append(sim)
            if sim >= bar:
                bonus = options.in_place_bonus if old_gap[i] == new_gap[j] else 0.0
                scored.append((sim + bonus, 0, (i,), (j,), sim))
                if sim >= reworded and old[i].kind is new[j].kind:
                    kin_old.add(i)
                    kin_new.add(j)
            if splits:
                if size_b < size_a and common / size_b >= containment:
                    pieces_of_old[i].append(j)
                elif size_a < size_b and common / size_a >= containment:
                    parts_of_new[j].append(i)
        if options.detect_splits:
            for i, pieces in pieces_of_old.items():
                self.group_candidates(
                    scored, i, pieces, split=True, gap_ok=lambda j, i=i: old_gap[i] == new_gap[j], kin=kin_new
                )
            for j, parts in parts_of_new.items():
                self.group_candidates(
                    scored, j, parts, split=False, gap_ok=lambda i, j=j: old_gap[i] == new_gap[j], kin=kin_old
                )
        # Best first; equal scores in an order that does not depend on which side is "old".
        scored.sort(
            key=lambda item: (
                -item[0],
                item[1],
                min((item[2], item[3]), (item[3], item[2])),
                max((item[2], item[3]), (item[3], item[2])),
            )
        )
        for _, _, olds, news, sim in scored:
            if any(self.old_used[i] for i in olds) or any(self.new_used[j] for j in news):
                continue
            if len(olds) == 1 and len(news) == 1:
                if sim < options.reworded_threshold:
                    continue
                rivals = sorted(best_old[olds[0]] + best_new[news[0]], reverse=True)
                runner_up = rivals[2] if len(rivals) > 2 else 0.0  # both lists hold this pair once
                ambiguity = min(1.0, max(0.0, runner_up - (sim - 0.2)) / 0.2)
                self.take(olds, news, ChangeKind.REWORDED, sim, MatchMethod.FUZZY, sim * (1 - 0.5 * ambiguity))
            else:
                kind = ChangeKind.SPLIT if len(olds) == 1 else ChangeKind.MERGED
                self.take(olds, news, kind, sim, MatchMethod.FUZZY, sim)

    def group_candidates(
        self,
        scored: list[tuple[float, int, tuple[int, ...], tuple[int, ...], float]],
        whole: int,
        members: list[int],
        *,
        split: bool,
        gap_ok: object,
        kin: set[int],
    ) -> None:
        """Windows of consecutive unmatched clauses that together make ``whole``.

        A heading that has a rewording of its own kind on the other side
        (``kin``) is no member of a paragraph's group, nor a paragraph of a
        heading's: a reworded heading stays the old heading's, however many of
        its words the paragraph below it repeats.  A paragraph that continues
        a list item stays a member whatever it rewords elsewhere.
        """
        used = self.new_used if split else self.old_used
        words = self.new_words if split else self.old_words
        target = self.old_words[whole] if split else self.new_words[whole]
        clauses, kind = (self.new, self.old[whole].kind) if split else (self.old, self.new[whole].kind)
        members = sorted(
            m for m in set(members) if not used[m] and (m not in kin or not _heading_apart(clauses[m].kind, kind))
        )
        best: tuple[float, tuple[int, ...]] | None = None
        run: list[int] = []
        runs: list[list[int]] = []
        for m in members:
            if run and m == run[-1] + 1:
                run.append(m)
            else:
                if len(run) >= 2:
                    runs.append(run)
                run = [m]
        if len(run) >= 2:
            runs.append(run)
        limit = self.options.max_split_parts
        for run in runs:
            for start in range(len(run)):
                for stop in range(start + 2, min(len(run), start + limit) + 1):
                    window = tuple(run[start:stop])
                    sim = _similarity(target, "".join(words[k] for k in window))
                    if best is None or sim > best[0]:
                        best = (sim, window)
        if best is not None and best[0] >= self.options.split_threshold:
            sim, window = best
            in_place = gap_ok(window[0])  # type: ignore[operator]
            # A split or merge outside its gap must stay near its place: the titles of an edition
            # are not merged into an entry of its appendix (a quarter of the document away).
            whole_side, group_side = (len(self.old), len(self.new)) if split else (len(self.new), len(self.old))
            reach = abs(whole / max(1, whole_side) - window[0] / max(1, group_side))
            if not in_place and reach > _GROUP_REACH and reach * max(whole_side, group_side) > _GROUP_NEAR:
                return
            bonus = self.options.in_place_bonus if in_place else 0.0
            if split:
                scored.append((sim + bonus, 1, (whole,), window, sim))
            else:
                scored.append((sim + bonus, 1, window, (whole,), sim))

    def positional(self) -> None:
        """Pair the leftovers of a gap at a lower bar: a lone pair, a group
        (:meth:`rewritten_as_group`), or the clauses of a small gap in their
        order (:meth:`paired_in_gap`).

        A pair made here sits between two in-order neighbours, so the in-order
        run grows by it and stays a longest one: ``order`` reuses it.
        """
        run = self.repair_repeated()
        self.kept = set(run)
        gaps = self.gaps(run)
        lone_old: dict[int, list[int]] = defaultdict(list)
        lone_new: dict[int, list[int]] = defaultdict(list)
        for i, gap in gaps.old.items():  # free clauses, in index order
            lone_old[gap].append(i)
        for j, gap in gaps.new.items():
            lone_new[gap].append(j)
        for gap, olds in sorted(lone_old.items()):
            news = lone_new.get(gap, [])
            if olds and news and self.paired_by_term(olds, news):
                olds = [i for i in olds if not self.old_used[i]]
                news = [j for j in news if not self.new_used[j]]
            if self.options.detect_splits and self.rewritten_as_group(olds, news):
                continue
            if len(olds) != 1 or len(news) != 1:
                if olds and news and max(len(olds), len(news)) <= _SMALL_GAP:
                    self.paired_in_gap(olds, news)
                continue
            i, j = olds[0], news[0]
            sim = _similarity(self.old_words[i], self.new_words[j])
            bar = self.options.in_place_threshold
            label = self.old[i].label
            if label is not None and label == self.new[j].label and bar < 1:
                bar /= 2  # its number confirms its place: "5. Propose draft General Resolutions and amendments."
            if bar <= sim < self.options.positional_threshold and self.held_in_place(i, j):
                # Rewritten beyond the usual bar but kept in its place, both neighbours in order:
                # a reader still recognises it; said with a low confidence.
                self.take((i,), (j,), ChangeKind.REWORDED, sim, MatchMethod.POSITIONAL, sim * 0.6)
                self.kept.add((i, j))
                continue
            if sim >= self.options.positional_threshold:
                label = self.old[i].label
                if label is not None and label == self.new[j].label:  # its number confirms the place
                    self.take((i,), (j,), ChangeKind.REWORDED, sim, MatchMethod.NUMBER, sim * 0.95)
                else:
                    self.take((i,), (j,), ChangeKind.REWORDED, sim, MatchMethod.POSITIONAL, sim * 0.9)
                self.kept.add((i, j))

    def repair_repeated(self) -> list[tuple[int, int]]:
        """Re-pair the copies of a repeated text where their neighbourhood
        says which went where; return the longest in-order run after it
        (:meth:`in_order`).

        :meth:`anchor` pairs the copies of a text found several times ("Without
        prejudice to specific agreement between parties," opening two sections)
        n-th with n-th within the gaps of the texts found once, which a moved
        heading can mislead: its section's stock sentence goes with it, the
        other section's is stranded.  Two copies' partners are swapped when
        that makes the longest in-order run longer, the swap that lengthens it
        most first, until none does; a swap that ties with another is not made
        (neither edition's order may choose).  A text paired more than
        ``_REPAIR_COPIES`` times is left as it is, and the swaps tried are
        bounded (``_REPAIR_BUDGET``): the work stays bounded and the same on
        any machine.
        """
        groups: dict[str, list[int]] = defaultdict(list)  # text -> positions in self.links
        for k, link in enumerate(self.links):
            if len(link.old) == 1 and len(link.new) == 1:
                i, j = link.old[0], link.new[0]
                if self.old[i].normalized == self.new[j].normalized:
                    groups[self.old[i].normalized].append(k)
        run = self.in_order()
        candidates = [t for t, ks in groups.items() if 2 <= len(ks) <= _REPAIR_COPIES]
        budget = _REPAIR_BUDGET
        for text in sorted(candidates, key=_checksum):
            members = groups[text]
            in_run = set(run)
            if all(self.link_firsts[k] in in_run for k in members):
                continue  # every copy in order already
            length = len(run)
            while budget > 0:
                best, chosen, tied = length, None, False
                for a, b in combinations(members, 2):
                    if budget <= 0:
                        break
                    budget -= 1
                    self.swap_partners(a, b)
                    swapped = len(self.in_order())
                    self.swap_partners(a, b)
                    if swapped > best:
                        best, chosen, tied = swapped, (a, b), False
                    elif swapped == best and chosen is not None:
                        tied = True
                if chosen is None or tied:
                    break
                self.swap_partners(*chosen)
                length = best
                run = self.in_order()
        return run

    def swap_partners(self, a: int, b: int) -> None:
        """Swap the new clauses of one-to-one links ``a`` and ``b`` (of one text)."""
        for k, j in ((a, self.links[b].new[0]), (b, self.links[a].new[0])):
            link = self.links[k]
            i = link.old[0]
            method = MatchMethod.EXACT if self.old[i].text == self.new[j].text else MatchMethod.NORMALIZED
            self.links[k] = attrs.evolve(link, new=(j,), method=method)
            self.link_firsts[k] = (i, j)
            self.link_weights[k] = self.weight(self.links[k])

    def paired_by_term(self, olds: Sequence[int], news: Sequence[int]) -> bool:
        """Pair the free clauses of a gap that define one term ("'Licensor' means
        ...", "__double_leading_underscore: ..."), each term once a side, of
        one kind and in order: a definition rewritten in its place, however
        far.  Said with the similarity's confidence, at least 0.4.  Says
        whether it paired any."""
        old_terms, new_terms = _terms(self.old, olds), _terms(self.new, news)
        pairs = [(i, new_terms[term]) for term, i in old_terms.items() if term in new_terms]
        taken = False
        for i, j in pairs:
            if self.old[i].kind is not self.new[j].kind or any((a - i) * (b - j) < 0 for a, b in pairs):
                continue  # a pair crossing another: neither edition's order may choose
            sim = _similarity(self.old_words[i], self.new_words[j])
            self.take((i,), (j,), ChangeKind.REWORDED, sim, MatchMethod.POSITIONAL, max(0.4, sim * 0.8))
            self.kept.add((i, j))
            taken = True
        return taken

    def paired_in_gap(self, olds: Sequence[int], news: Sequence[int]) -> None:
        """Pair the free clauses of a small gap in their order, most similar
        first, each pair of one kind and at least ``positional_threshold``
        similar: clauses rewritten in place among others added or removed.
        Two crossing pairs equally similar are both left (neither edition's
        order may decide between them)."""
        bar = self.options.positional_threshold
        scored = []
        for i in olds:
            for j in news:
                if self.old[i].kind is not self.new[j].kind:
                    continue
                sim = _similarity(self.old_words[i], self.new_words[j])
                if sim >= bar:
                    scored.append((sim, i, j))
        scored.sort(key=lambda t: -t[0])
        taken: list[tuple[int, int]] = []
        for sim, i, j in scored:
            if any((a - i) * (b - j) <= 0 for a, b in taken):
                continue  # crosses or shares a clause with a pair taken
            if any(t == sim and (a - i) * (b - j) < 0 for t, a, b in scored):
                continue  # a crossing pair exactly as similar: neither edition's order may choose
            taken.append((i, j))
            self.take((i,), (j,), ChangeKind.REWORDED, sim, MatchMethod.POSITIONAL, sim * 0.8)
            self.kept.add((i, j))

    def grow(self) -> None:
        """Grow an in-order rewording into a split or merge with its free neighbours.

        A clause rewritten into several sentences is often matched to one of
        them (the most similar), its other pieces left as added; a heading run
        into its paragraph ("Compatibility clause:" + "If the Licensee
        Distributes ...") is matched to the paragraph, the heading left as
        removed.  A free clause next to the matched one joins it when most of
        its words come from the other side (:attr:`Options.piece_containment`)
        and the group is more similar to the other side than the matched clause
        alone.  Proposals are taken most similar first, one side's order never
        mattering (comparing the editions the other way round gives the
        inverse); said with a lower confidence.
        """
        limit = self.options.max_split_parts
        proposals: list[tuple[float, tuple[int, ...], tuple[int, ...], int]] = []
        for k, link in enumerate(self.links):
            if link.kind is not ChangeKind.REWORDED or len(link.old) != 1 or len(link.new) != 1:
                continue
            i, j = link.old[0], link.new[0]
            if (i, j) not in self.kept:
                continue
            split = self._grown(self.old_words[i], j, (self.new_words, self.new, self.new_used), limit)
            if split is not None:
                proposals.append((split[1], (i,), split[0], k))
            merge = self._grown(self.new_words[j], i, (self.old_words, self.old, self.old_used), limit)
            if merge is not None:
                proposals.append((merge[1], merge[0], (j,), k))
        proposals.sort(key=lambda p: (-p[0], min(p[1], p[2]), max(p[1], p[2])))
        done: set[int] = set()
        for sim, olds, news, k in proposals:
            link = self.links[k]
            if k in done or any(self.old_used[m] for m in olds if m not in link.old):
                continue
            if any(self.new_used[m] for m in news if m not in link.new):
                continue
            done.add(k)
            for m in olds:
                self.old_used[m] = True
            for m in news:
                self.new_used[m] = True
            kind = ChangeKind.SPLIT if len(olds) == 1 else ChangeKind.MERGED
            grown = Link(kind, olds, news, round(sim, 6), link.method, round(sim * 0.8, 6))
            self.links[k] = grown
            self.link_weights[k] = self.weight(grown)
            self.link_firsts[k] = (olds[0], news[0])

    def _grown(
        self, whole: str, start: int, side: tuple[list[str], Sequence[Clause], list[bool]], limit: int
    ) -> tuple[tuple[int, ...], float] | None:
        """The run around ``start`` (one side's clause matched to ``whole``)
        grown by free neighbours while each makes the run more like ``whole``
        or is made of words the run left out of it (:meth:`_left_out`), with
        its similarity to ``whole``; ``None`` when no neighbour joins.
        ``side`` is that side's encoded words, clauses and used flags."""
        words, clauses, used = side
        group = [start]
        best: float | None = None  # the run's similarity, computed once a neighbour qualifies
        left: Counter[str] | None = None  # the words of ``whole`` the run does not hold yet
        grew = True
        while grew and len(group) < limit:
            grew = False
            for candidate in (group[0] - 1, group[-1] + 1):
                if not 0 <= candidate < len(words) or used[candidate] or not words[candidate]:
                    continue
                piece = words[candidate]
                if _common(whole, piece) < self.options.piece_containment * len(piece):
                    continue
                if best is None or left is None:
                    best = _similarity(whole, words[start])
                    left = Counter(whole) - Counter(words[start])
                trial = sorted([*group, candidate])
                sim = _similarity(whole, "".join(words[m] for m in trial))
                # A piece joins when the run grows more like ``whole``, or when its words are
                # mostly ones the run left out (a sentence of ``whole`` made a clause of its own
                # and moved: "Use inline comments sparingly." before the rest).
                if self._left_out(piece, left, clauses[candidate].kind is clauses[start].kind):
                    sim = max(sim, best)
                elif sim <= best:
                    continue
                group, best, grew = trial, sim, True
                left = left - Counter(piece)
                break
        return (tuple(group), best) if len(group) > 1 and best is not None else None

    def _left_out(self, piece: str, left: Counter[str], same_kind: bool) -> bool:
        """Is ``piece`` (a clause of the kind of the run it would join:
        ``same_kind``) made of words its run left out of the whole (``left``):
        ``_MIN_MOVED_PIECE`` content words at least, ``piece_containment`` of
        them among those left out?  Function words ("to", "the") are left out
        of the count: any rewording leaves some of them behind."""
        if not same_kind:
            return False
        content = Counter(code for code in piece if code not in self.function_codes)
        size = content.total()
        return size >= _MIN_MOVED_PIECE and (content & left).total() >= self.options.piece_containment * size

    def rewritten_as_group(self, olds: Sequence[int], news: Sequence[int]) -> bool:
        """One clause rewritten into consecutive ones, all alone in their place
        between two unchanged neighbours ("Class-based exceptions are always
        preferred ..." -> "Use class-based exceptions." + "Modules ... prefer
        them ..."), or several into one: a split or merge, its pieces each
        reworded beyond the usual bars, when the group is at least
        ``positional_threshold`` similar, its pieces taken in the order they
        stand or, when that falls short, in the whole's order (the sentences
        reordered too: :meth:`in_order_of`); said with a low confidence.
        Takes the group and says whether it did."""
        if min(len(olds), len(news)) != 1 or not 2 <= max(len(olds), len(news)) <= self.options.max_split_parts:
            return False
        if olds[-1] - olds[0] != len(olds) - 1 or news[-1] - news[0] != len(news) - 1:
            return False
        if not self.rewritten_in_place(olds[0], news[0], last=(olds[-1], news[-1])):
            return False
        split = len(olds) == 1
        whole = self.old_words[olds[0]] if split else self.new_words[news[0]]
        pieces = [self.new_words[j] for j in news] if split else [self.old_words[i] for i in olds]
        sim = _similarity(whole, "".join(pieces))
        if sim < self.options.positional_threshold:
            # The pieces may have been reordered too: compared in the order of the whole.
            sim = _similarity(whole, "".join(self.in_order_of(whole, pieces)))
        if sim < self.options.positional_threshold:
            return False
        kind = ChangeKind.SPLIT if len(olds) == 1 else ChangeKind.MERGED
        self.take(tuple(olds), tuple(news), kind, sim, MatchMethod.POSITIONAL, sim * 0.6)
        return True

    def in_order_of(self, whole: str, pieces: Sequence[str]) -> list[str]:
        """``pieces`` (encoded clauses) in the order their content words first
        appear in ``whole`` (the median of those places; a piece with none of
        them last), ties kept in their order: the sentences of a paragraph
        rewritten and reordered, put back in the paragraph's order.

        >>> _Aligner([], [], Options()).in_order_of("abcdef", ["ef", "ab", "xy", "cd"])
        ['ab', 'cd', 'ef', 'xy']
        """
        first: dict[str, int] = {}
        for at, code in enumerate(whole):
            first.setdefault(code, at)

        def place(piece: str) -> float:
            found = sorted(first[code] for code in piece if code in first and code not in self.function_codes)
            return found[len(found) // 2] if found else len(whole)

        return sorted(pieces, key=place)

    def rewritten_in_place(self, i: int, j: int, last: tuple[int, int] | None = None) -> bool:
        """Clause ``i`` and clause ``j`` (or the runs from them to ``last``)
        stand between the same two clauses, each unchanged (or the edition's
        edge), and are of one kind."""
        if self.old[i].kind is not self.new[j].kind:
            return False
        end_i, end_j = last if last is not None else (i, j)
        before = (i == 0 and j == 0) or (
            i > 0
            and j > 0
            and self.old_sums[i - 1] == self.new_sums[j - 1]
            and self.old[i - 1].normalized == self.new[j - 1].normalized
        )
        after = (end_i == len(self.old) - 1 and end_j == len(self.new) - 1) or (
            end_i + 1 < len(self.old)
            and end_j + 1 < len(self.new)
            and self.old_sums[end_i + 1] == self.new_sums[end_j + 1]
            and self.old[end_i + 1].normalized == self.new[end_j + 1].normalized
        )
        return before and after

    def held_in_place(self, i: int, j: int) -> bool:
        """Clause ``i`` and clause ``j`` are of one kind and stand between the
        same two clauses, each unchanged or matched in order (reworded too), or
        the edition's edge: "Version 2, June 1991" -> "Version 2.1, February 1999"
        between a reworded title and a reworded copyright line."""
        if self.rewritten_in_place(i, j):
            return True
        if self.old[i].kind is not self.new[j].kind:
            return False
        kept = self.kept
        before = (i == 0 and j == 0) or (i - 1, j - 1) in kept
        after = (i == len(self.old) - 1 and j == len(self.new) - 1) or (i + 1, j + 1) in kept
        return before and after

    def unsupported(self, i: int, j: int) -> bool:
        """A move of a clause whose text recurs ("This section is informative.", a second
        "Introduction") that no neighbour confirms: its text alone does not say which copy
        went where, so the link is not made (the clauses stay removed and added)."""
        text = self.old[i].normalized
        if self.old_counts[text] < 2 and self.new_counts[self.new[j].normalized] < 2:
            return False
        pairs = self.pair_of
        return pairs.get(i - 1) != j - 1 and pairs.get(i + 1) != j + 1

    def order(self) -> list[Link]:
        """Decide what stayed in order; everything else is moved or unmatched."""
        self.old_counts = Counter(c.normalized for c in self.old)
        self.new_counts = Counter(c.normalized for c in self.new)
        self.pair_of = {link.old[0]: link.new[0] for link in self.links if len(link.old) == 1 and len(link.new) == 1}
        self.links.sort(key=lambda link: link.old[0])  # first old indices are distinct
        old, new, kept, detect_moves = self.old, self.new, self.kept, self.options.detect_moves
        unchanged, reworded, moved = ChangeKind.UNCHANGED, ChangeKind.REWORDED, ChangeKind.MOVED
        out: list[Link] = []
        for link in self.links:
            kind = link.kind
            if len(link.old) == 1 and len(link.new) == 1:
                i, j = link.old[0], link.new[0]
                kind = unchanged if old[i].normalized == new[j].normalized else reworded
                if (i, j) not in kept:
                    if not detect_moves or self.unsupported(i, j):
                        self.old_used[i] = self.new_used[j] = False
                        continue
                    kind = moved
            out.append(link if kind is link.kind else attrs.evolve(link, kind=kind))
        for i, used in enumerate(self.old_used):
            if not used:
                out.append(Link(ChangeKind.REMOVED, (i,), (), 0.0, MatchMethod.NONE, 1.0))
        for j, used in enumerate(self.new_used):
            if not used:
                out.append(Link(ChangeKind.ADDED, (), (j,), 0.0, MatchMethod.NONE, 1.0))
        return out


def align(old: Sequence[Clause], new: Sequence[Clause], options: Options | None = None) -> list[Link]:
    """Align two clause lists; every clause ends up in exactly one link.

    >>> from conceptdiff import Edition
    >>> old = Edition.from_clauses(["Intro.", "The members may vote on any matter.", "Fees."])
    >>> new = Edition.from_clauses(["Intro.", "Fees.", "The members shall vote on any matter."])
    >>> [(link.kind.value, link.old, link.new, link.method.value) for link in align(old.clauses, new.clauses)]
    [('unchanged', (0,), (0,), 'exact'), ('moved', (1,), (2,), 'fuzzy'), ('unchanged', (2,), (1,), 'exact')]
    """
    return _Aligner(old, new, options or Options()).run()
