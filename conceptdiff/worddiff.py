"""Word-level edits between two texts: the one diff-match-patch adapter.

Texts are cut into tokens (words, runs of white space, runs of punctuation;
a combining mark or joiner always stays with the character before it), each
distinct token is mapped to one character, the two strings are aligned on a
longest common subsequence (RapidFuzz's bit-parallel Indel, in C++: an exact
LCS, not a heuristic), and diff-match-patch's semantic clean-up turns that
into edits people read.  Edits therefore never cut a word or a grapheme in
two.

Why not ``diff_match_patch.diff_main``: its Myers bisection is pure Python
and, with ``Diff_Timeout = 0`` (the only deterministic setting), took most of
the time of a comparison on long clauses; the LCS it approximates is what
RapidFuzz computes exactly, 10-100x faster.

Determinism: no wall clock ever decides a result (``Diff_Timeout`` stays 0
for the clean-up).  The work is bounded instead by
:attr:`Options.word_diff_budget`: when the product of the two token counts
exceeds it, the texts are first aligned by sentences and only the differing
sentences are diffed by words (and if that is still too large, a differing
stretch is reported as deleted and inserted whole).

>>> [(e.op.value, e.text) for e in word_edits("Members may vote.", "Members shall vote.")]
[('equal', 'Members '), ('delete', 'may'), ('insert', 'shall'), ('equal', ' vote.')]
"""

from __future__ import annotations

import re
from typing import cast

import diff_match_patch
from rapidfuzz.distance import Indel

from conceptdiff._text import tokens
from conceptdiff.model import EditOp, WordEdit

__all__ = ["tokens", "word_edits"]

_SENTENCE_RE = re.compile(r"[^.!?;\n]*(?:[.!?;]+|\n|$)")
_OPS = {-1: EditOp.DELETE, 0: EditOp.EQUAL, 1: EditOp.INSERT}
DEFAULT_BUDGET = 4_000_000
_ENGINE = diff_match_patch.diff_match_patch()  # only its clean-ups are used; they keep no state
_ENGINE.Diff_Timeout = 0  # never let a clock decide a diff


def _code(number: int) -> str:
    return chr(number + 0x800 if number >= 0xD800 else number)  # never a surrogate


def _diff_tokens(a: list[str], b: list[str]) -> list[tuple[EditOp, str]]:
    """Diff two token lists: a longest-common-subsequence alignment of the
    tokens (RapidFuzz's bit-parallel Indel opcodes, exact and deterministic),
    then diff-match-patch's semantic clean-up so that people can read it."""
    distinct = dict.fromkeys(a + b)
    if len(distinct) < 0xD800:  # every code below the surrogates: map them at C speed
        codes = dict(zip(distinct, map(chr, range(1, len(distinct) + 1)), strict=True))
    else:
        codes = {token: _code(number) for number, token in enumerate(distinct, start=1)}
    ea, eb = "".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b))
    opcodes = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(ea, eb).as_list())
    diffs: list[tuple[int, str]] = [
        (0, ea[i1:i2]) if tag == "equal" else (-1, ea[i1:i2]) if tag == "delete" else (1, eb[j1:j2])
        for tag, i1, i2, j1, j2 in opcodes
    ]
    _ENGINE.diff_cleanupMerge(diffs)  # deletions before insertions, neighbours merged
    _ENGINE.diff_cleanupSemantic(diffs)
    # Each code stands for one token: walk both token lists to decode.
    out: list[tuple[EditOp, str]] = []
    at_a = at_b = 0
    for op, chars in diffs:
        size = len(chars)
        if not size:
            continue
        if op == 1:
            out.append((EditOp.INSERT, "".join(b[at_b : at_b + size])))
            at_b += size
        else:
            out.append((_OPS[op], "".join(a[at_a : at_a + size])))
            at_a += size
            if op == 0:
                at_b += size
    return out


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_RE.findall(text) if s]


def _bounded(a: str, b: str, budget: int) -> list[tuple[EditOp, str]]:
    ta, tb = tokens(a), tokens(b)
    if len(ta) * len(tb) <= budget:
        return _diff_tokens(ta, tb)
    sa, sb = _sentences(a), _sentences(b)
    if len(sa) * len(sb) > budget or (len(sa) <= 1 and len(sb) <= 1):
        return [(EditOp.DELETE, a), (EditOp.INSERT, b)]
    # Diff sentence by sentence, then words within each replaced stretch.
    out: list[tuple[EditOp, str]] = []
    pending_delete: list[str] = []
    pending_insert: list[str] = []

    def flush() -> None:
        deleted, inserted = "".join(pending_delete), "".join(pending_insert)
        if deleted == a and inserted == b:
            # No sentence in common (every one edited): no smaller stretch to diff as a
            # whole.  Sentence against sentence when they pair up, else the texts whole.
            if len(sa) == len(sb) > 1:
                for one, other in zip(sa, sb, strict=True):
                    out.extend(_bounded(one, other, budget))
            else:
                out.extend([(EditOp.DELETE, a), (EditOp.INSERT, b)])
        elif deleted and inserted:
            out.extend(_bounded(deleted, inserted, budget))
        elif deleted:
            out.append((EditOp.DELETE, deleted))
        elif inserted:
            out.append((EditOp.INSERT, inserted))
        pending_delete.clear()
        pending_insert.clear()

    for op, text in _diff_tokens(sa, sb):
        if op is EditOp.EQUAL:
            flush()
            out.append((op, text))
        elif op is EditOp.DELETE:
            pending_delete.append(text)
        else:
            pending_insert.append(text)
    flush()
    return out


def word_edits(old: str, new: str, *, budget: int = DEFAULT_BUDGET) -> tuple[WordEdit, ...]:
    """Word-level edits turning ``old`` into ``new`` (empty when they are equal).

    Keeping the EQUAL and DELETE pieces rebuilds ``old``; keeping EQUAL and
    INSERT rebuilds ``new``.
    """
    if old == new:
        return ()
    if not old:
        return (WordEdit(EditOp.INSERT, new),)
    if not new:
        return (WordEdit(EditOp.DELETE, old),)
    merged: list[WordEdit] = []
    for op, text in _bounded(old, new, budget):
        if not text:
            continue
        if merged and merged[-1].op is op:
            merged[-1] = WordEdit(op, merged[-1].text + text)
        else:
            merged.append(WordEdit(op, text))
    return tuple(merged)
