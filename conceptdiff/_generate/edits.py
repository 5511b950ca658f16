"""Text edits of the generator: rewordings, relabelling, splits and merges.

Every edit works on the body of a clause (its label left alone) and keeps
its result on the safe side of the engine's thresholds
(:mod:`conceptdiff._generate.limits`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Final

from conceptdiff._generate.choosers import Chooser
from conceptdiff._generate.limits import MAX_PARTS, SAME_CLAUSE_FLOOR
from conceptdiff._generate.pairs import RewordStrength
from conceptdiff._generate.text import RENUMBERABLE, clause_words, from_roman, split_label, to_roman, word_similarity
from conceptdiff.segment import clause_from_string

__all__ = [
    "TokenEdit",
    "edit_delete",
    "edit_insert",
    "edit_substitute",
    "edit_swap",
    "match_case",
    "merge_texts",
    "relabel",
    "reword_text",
    "split_text",
    "split_token",
]

# Rewording vocabulary: synonyms, filler adjectives, inserted adverbs.
_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "shall": ("must", "will"),
    "must": ("shall",),
    "may": ("can", "might"),
    "should": ("ought to", "must"),
    "notify": ("inform", "alert"),
    "inform": ("notify", "tell"),
    "provide": ("supply", "give"),
    "retain": ("keep", "store"),
    "disclose": ("reveal", "share"),
    "review": ("examine", "reassess"),
    "publish": ("make public", "release"),
    "maintain": ("keep", "preserve"),
    "transfer": ("send", "transmit"),
    "assess": ("evaluate", "review"),
    "document": ("record",),
    "restrict": ("limit",),
    "report": ("declare",),
    "verify": ("check", "confirm"),
    "establish": ("set up", "create"),
    "update": ("revise",),
    "delete": ("erase", "remove"),
    "protect": ("safeguard", "secure"),
    "data": ("information",),
    "information": ("data", "details"),
    "any": ("every", "each"),
    "all": ("every",),
    "relevant": ("pertinent",),
    "request": ("application",),
    "regular": ("periodic",),
    "period": ("term",),
    "written": ("formal",),
    "changes": ("modifications", "amendments"),
    "measures": ("steps", "safeguards"),
    "without": ("with no",),
    "within": ("inside",),
    "accordance": ("conformity",),
    "necessary": ("required", "needed"),
    "permitted": ("allowed",),
    "clear": ("plain",),
    "accessible": ("readable",),
    "prior": ("before",),
    "unless": ("except where",),
    "agreed": ("decided",),
    "conditions": ("terms", "requirements"),
    "rights": ("entitlements",),
    "use": ("usage", "apply"),
    "work": ("act",),
    "we": ("GitHub",),
    "our": ("the",),
    "national": ("federal",),
    "security": ("safety",),
    "states": ("nations", "countries"),
    "world": ("globe",),
    "freedom": ("liberty",),
    "support": ("back", "assist"),
    "help": ("assist", "aid"),
    "strengthen": ("reinforce",),
    "promote": ("advance", "foster"),
    "important": ("essential", "vital"),
    "new": ("fresh", "novel"),
    "code": ("source",),
    "line": ("row",),
    "licence": ("license",),
    "license": ("licence",),
    "copy": ("duplicate",),
    "terms": ("conditions",),
    "including": ("such as",),
    "personal": ("individual",),
    "collect": ("gather", "obtain"),
    "service": ("platform",),
    "user": ("person",),
    "users": ("people",),
}
_FILLERS: Final = (
    "relevant",
    "applicable",
    "appropriate",
    "specific",
    "general",
    "competent",
    "particular",
    "such",
    "certain",
    "respective",
    "additional",
    "overall",
)
_INSERTIONS: Final = (
    "also",
    "generally",
    "in particular",
    "where appropriate",
    "promptly",
    "duly",
    "in principle",
    "expressly",
    "at least",
    "as a rule",
    "fully",
    "normally",
)


_TOKEN: Final = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)

# The word similarity each strength keeps to the original; heavy goes down
# to the floor of "the same clause" (limits.SAME_CLAUSE_FLOOR).
_REWORD_FLOOR: Final = {
    RewordStrength.LIGHT: 0.75,
    RewordStrength.MEDIUM: 0.7,
    RewordStrength.HEAVY: SAME_CLAUSE_FLOOR,
}


def split_token(token: str) -> tuple[str, str, str]:
    m = _TOKEN.match(token)
    assert m is not None  # the pattern matches every string
    return m.group(1), m.group(2), m.group(3)


def match_case(word: str, like: str) -> str:
    if like[:1].isupper() and word:
        return word[0].upper() + word[1:]
    return word


def edit_substitute(c: Chooser, tokens: list[str]) -> list[str] | None:
    cores = [split_token(t) for t in tokens]
    candidates = [i for i, (_, core, _) in enumerate(cores) if core.isalpha()]
    if not candidates:
        return None
    with_synonym = [i for i in candidates if cores[i][1].casefold() in _SYNONYMS]
    if with_synonym and c.boolean(0.8):
        i = c.choice(with_synonym)
        replacement = c.choice(_SYNONYMS[cores[i][1].casefold()])
    else:
        i = c.choice(candidates)
        replacement = c.choice(_FILLERS)
    pre, core, post = cores[i]
    if replacement.casefold() == core.casefold():
        return None
    out = list(tokens)
    out[i] = pre + match_case(replacement, core) + post
    return out


def edit_insert(c: Chooser, tokens: list[str]) -> list[str] | None:
    if len(tokens) < 2:
        return None
    i = c.integer(1, len(tokens) - 1)
    out = list(tokens)
    out.insert(i, c.choice(_INSERTIONS))
    return out


def edit_delete(c: Chooser, tokens: list[str]) -> list[str] | None:
    candidates = [i for i, t in enumerate(tokens) if split_token(t)[1]]
    if len(candidates) < 4:
        return None
    i = c.choice(candidates)
    _, core, post = split_token(tokens[i])
    out = list(tokens)
    del out[i]
    if i == len(out) and post and out:
        # Keep the clause's final punctuation on the new last word.
        p2, c2, _ = split_token(out[-1])
        out[-1] = p2 + c2 + post
    if i == 0 and out and core[:1].isupper():
        p2, c2, s2 = split_token(out[0])
        out[0] = p2 + match_case(c2, core) + s2
    return out


def edit_swap(c: Chooser, tokens: list[str]) -> list[str] | None:
    """Local reordering: swap the words around "and"/"or", else two neighbours."""
    cores = [split_token(t) for t in tokens]
    coordinated = [
        i
        for i in range(1, len(tokens) - 1)
        if cores[i][1] in ("and", "or")
        and not cores[i - 1][2]
        and not cores[i][2]
        and cores[i - 1][1].isalpha()
        and cores[i + 1][1].isalpha()
        and cores[i - 1][1].casefold() != cores[i + 1][1].casefold()
    ]
    if coordinated and c.boolean(0.7):
        i = c.choice(coordinated)
        (p1, left, s1), (p2, right, s2) = cores[i - 1], cores[i + 1]
        out = list(tokens)
        out[i - 1] = p1 + match_case(right.lower() if right[1:].islower() else right, left) + s1
        out[i + 1] = p2 + (left.lower() if left[1:].islower() else left) + s2
        return out
    candidates = [
        i
        for i in range(len(tokens) - 1)
        if cores[i][1].isalpha()
        and cores[i + 1][1].isalpha()
        and cores[i][1].casefold() != cores[i + 1][1].casefold()
        and not cores[i][2]
        and not cores[i + 1][0]
    ]
    if not candidates:
        return None
    i = c.choice(candidates)
    (p1, first, s1), (p2, second, s2) = cores[i], cores[i + 1]
    if i == 0 and first[:1].isupper() and first[1:].islower():
        # Keep the sentence capitalized: "Each party" -> "Party each".
        first, second = first.lower(), second[0].upper() + second[1:]
    out = list(tokens)
    out[i] = p1 + second + s1
    out[i + 1] = p2 + first + s2
    return out


TokenEdit = Callable[[Chooser, list[str]], "list[str] | None"]
_EDITS: Final[dict[RewordStrength, tuple[TokenEdit, ...]]] = {
    RewordStrength.LIGHT: (edit_substitute, edit_substitute, edit_insert, edit_delete),
    RewordStrength.MEDIUM: (edit_substitute, edit_substitute, edit_insert, edit_delete, edit_swap),
    RewordStrength.HEAVY: (edit_substitute, edit_insert, edit_delete, edit_swap),
}


def _edit_count(c: Chooser, strength: RewordStrength, n_words: int) -> int:
    if strength is RewordStrength.LIGHT:
        return c.integer(1, 2)
    if strength is RewordStrength.MEDIUM:
        return max(2, round(0.2 * n_words))
    return max(3, round(0.4 * n_words))


def reword_text(c: Chooser, text: str, strength: RewordStrength) -> str | None:
    """Reword the body of ``text`` (label kept), or None if it is too short.

    Edits are applied one at a time; one that would take the word similarity
    below the strength's floor is skipped.  At least one word always changes.
    """
    label, body = split_label(text)
    tokens = body.split()
    original = clause_words(text)
    if len(original) < 4:
        return None
    floor = _REWORD_FLOOR[strength]
    applied = 0
    for _ in range(_edit_count(c, strength, len(original))):
        edit = c.choice(_EDITS[strength])
        candidate = edit(c, tokens)
        if candidate is None:
            continue
        words = clause_words(label + " ".join(candidate))
        if words == original:
            continue
        if applied and word_similarity(words, original) < floor:
            continue
        if word_similarity(words, original) < SAME_CLAUSE_FLOOR:
            continue
        tokens = candidate
        applied += 1
    if not applied:
        candidate = edit_substitute(c, tokens)
        if candidate is None:
            return None
        tokens = candidate
    result = label + " ".join(tokens)
    if clause_words(result) == original:
        return None
    return result


def relabel(text: str, shift: int) -> str | None:
    m = RENUMBERABLE.match(text)
    if m is None or clause_from_string(text).label is None:
        return None  # no number label as the engine reads it ("Article 6 so that ..." is a sentence)
    rest = text[m.end() :]
    if m.group("num") is not None:
        n = int(m.group("num")) + shift
        return f"{n}.{rest}" if n >= 1 else None
    if m.group("letter") is not None:
        o = ord(m.group("letter")) + shift
        return f"({chr(o)}){rest}" if ord("a") <= o <= ord("z") else None
    if m.group("article") is not None:
        n = int(m.group("article")) + shift
        return f"Article {n}{rest}" if n >= 1 else None
    value = from_roman(m.group("roman"))
    if value is None or not 1 <= value + shift < 40:
        return None
    return f"{to_roman(value + shift)}.{rest}"


def _split_points(tokens: Sequence[str], pieces: int) -> list[list[int]]:
    """Candidate cut positions (token indices where a new piece starts)."""
    n = len(tokens)
    min_piece = max(3, math.ceil(0.2 * n))
    sentence_ends = [i + 1 for i in range(n - 1) if tokens[i].endswith((".", ";", ":", "?", "!"))]
    comma_ends = [i + 1 for i in range(n - 1) if tokens[i].endswith(",")]
    plain = list(range(1, n))
    for cuts_pool in (sentence_ends, comma_ends, plain):
        options: list[list[int]] = []
        if pieces == 2:
            options = [[a] for a in cuts_pool if a >= min_piece and n - a >= min_piece]
        else:
            options = [
                [a, b]
                for a in cuts_pool
                for b in cuts_pool
                if a >= min_piece and b - a >= min_piece and n - b >= min_piece
            ]
        if options:
            return options
    return []


def split_text(c: Chooser, text: str) -> list[str] | None:
    label, body = split_label(text)
    tokens = body.split()
    if len(clause_words(text)) < 8:
        return None
    pieces = c.integer(2, MAX_PARTS) if len(tokens) >= 18 else 2
    options = _split_points(tokens, pieces)
    if not options:
        return None
    cuts = c.choice(options)
    bounds = [0, *cuts, len(tokens)]
    parts: list[str] = []
    for k in range(len(bounds) - 1):
        chunk = list(tokens[bounds[k] : bounds[k + 1]])
        if k < len(bounds) - 2 and not chunk[-1].endswith((".", ";", ":", "?", "!")):
            chunk[-1] = chunk[-1].rstrip(",") + "."
        if k > 0:
            pre, core, post = split_token(chunk[0])
            chunk[0] = pre + core[:1].upper() + core[1:] + post
        parts.append(" ".join(chunk))
    parts[0] = label + parts[0]
    long_parts = [k for k, part in enumerate(parts) if len(clause_words(part)) >= 8]
    if long_parts and c.boolean(0.3):
        # Only a long piece is reworded: one changed word in a short piece
        # would leave too little of it recognisably inside the original.
        k = c.choice(long_parts)
        lab, body_k = split_label(parts[k])
        changed = edit_substitute(c, body_k.split())
        if changed is not None:
            parts[k] = lab + " ".join(changed)
    return parts


def merge_texts(texts: Sequence[str]) -> str:
    parts = [texts[0]]
    for t in texts[1:]:
        parts.append(split_label(t)[1])
    return " ".join(parts)
