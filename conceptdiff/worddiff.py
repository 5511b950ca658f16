"""Word-level edits between two texts: the one diff-match-patch adapter.

Texts are cut into tokens (words, runs of white space, runs of punctuation;
a combining mark or joiner always stays with the character before it), each
distinct token is mapped to one character, diff-match-patch diffs those
strings, and a semantic clean-up makes the result readable.  Edits therefore
never cut a word or a grapheme in two.

Determinism: ``Diff_Timeout`` is 0, so no wall clock ever decides a result.
The work is bounded instead by :attr:`Options.word_diff_budget`: when the
product of the two token counts exceeds it, the texts are first aligned by
sentences and only the differing sentences are diffed by words (and if that
is still too large, a differing stretch is reported as deleted and inserted
whole).

>>> [(e.op.value, e.text) for e in word_edits("Members may vote.", "Members shall vote.")]
[('equal', 'Members '), ('delete', 'may'), ('insert', 'shall'), ('equal', ' vote.')]
"""

from __future__ import annotations

import re
import unicodedata

import diff_match_patch

from conceptdiff.model import EditOp, WordEdit

__all__ = ["tokens", "word_edits"]

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]+")
_SENTENCE_RE = re.compile(r"[^.!?;\n]*(?:[.!?;]+|\n|$)")
_OPS = {-1: EditOp.DELETE, 0: EditOp.EQUAL, 1: EditOp.INSERT}
DEFAULT_BUDGET = 4_000_000


def _attaches(char: str) -> bool:
    """Characters that must stay with the one before them (same grapheme)."""
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf", "Sk")
        or (0xFE00 <= ord(char) <= 0xFE0F)
    )


def tokens(text: str) -> list[str]:
    """Cut ``text`` into diff tokens; ``"".join(tokens(t)) == t``.

    >>> tokens("Russia’s 👍🏽!")
    ['Russia', '’', 's', ' ', '👍🏽!']
    >>> [len(token) for token in tokens("re\\u0301gime done")]  # the accent stays in its word
    [7, 1, 4]
    """
    if text.isascii() or not any(_attaches(char) for char in set(text) if ord(char) > 0x7F):
        return _TOKEN_RE.findall(text)  # nothing can attach: the regex alone is right
    out: list[str] = []
    word_open = False  # the last token is a word, possibly ending in combining marks
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        is_word = token[0].isalnum() or token[0] == "_"
        if out and (_attaches(token[0]) or (is_word and word_open)):
            out[-1] += token
            word_open = word_open or is_word
            if not _attaches(token[-1]) and not is_word:
                word_open = False
        else:
            out.append(token)
            word_open = is_word
    return out
    return out


def _encode(pieces: list[list[str]]) -> tuple[list[str], list[str]]:
    """Map each distinct token to one character (skipping surrogates)."""
    table: dict[str, str] = {}
    alphabet: list[str] = []
    encoded: list[str] = []
    for sequence in pieces:
        chars = []
        for token in sequence:
            char = table.get(token)
            if char is None:
                code = len(alphabet) + 1
                if code >= 0xD800:
                    code += 0x800
                char = chr(code)
                table[token] = char
                alphabet.append(token)
            chars.append(char)
        encoded.append("".join(chars))
    return encoded, alphabet


def _diff_tokens(a: list[str], b: list[str]) -> list[tuple[EditOp, str]]:
    (ea, eb), alphabet = _encode([a, b])
    engine = diff_match_patch.diff_match_patch()
    engine.Diff_Timeout = 0  # never let the clock decide a diff
    diffs = engine.diff_main(ea, eb, False)
    engine.diff_cleanupSemantic(diffs)
    return [
        (_OPS[op], "".join(alphabet[ord(c) - 1 - (0x800 if ord(c) > 0xDFFF else 0)] for c in chars))
        for op, chars in diffs
    ]


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
        if deleted and inserted:
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
