"""Language flags: clauses written in another language than the edition's.

Language identification uses ``py3langid`` (the maintained fork of
``langid.py``: a compact naive-Bayes model over byte n-grams shipped inside the
package, 97 languages, no download at run time), installed with the extra
``conceptdiff[lang]``.  Without it, no clause is flagged.

Only clauses of at least :data:`MIN_WORDS` words are judged (short lines,
names and numbers say little about their language), and only in editions with
at least three of them (with fewer, no language is the main one).  The edition's main
language is the one most of its judged words are in.  A clause is flagged
``"language:xx"`` (ISO 639-1 code of its most likely language) when the
identifier gives the main language a probability of at most
:data:`MAX_MAIN_PROBABILITY`: asking "is this clause *not* in the main
language?" rather than "which language is it?" keeps close languages
(Indonesian and Malay) from splitting the vote.  On the bundled English
corpus (1,689 judged clauses) the English probability of every English clause
is above 0.007 and that of the Indonesian and French lines below 0.00002.

>>> from conceptdiff.model import Clause
>>> clauses = [Clause(text=t, normalized=t) for t in (
...     "The Russian Federation pursues an independent and multi-faceted foreign policy.",
...     "Russia seeks to create a system of international relations that would ensure security.",
...     "Dengan mempertimbangkan tren jangka panjang dalam perkembangan global, kepentingan nasional Rusia",
... )]
>>> [c.flags for c in flag_languages(clauses)] if available() else [(), (), ("language:id",)]
[(), (), ('language:id',)]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from conceptdiff.model import Clause

__all__ = ["MAX_COMMON_SHARE", "MAX_MAIN_PROBABILITY", "MIN_WORDS", "available", "flag_languages", "identify"]

#: Clauses shorter than this (in words) are not judged.
MIN_WORDS = 6
#: A clause is flagged when the main language is at most this likely.
MAX_MAIN_PROBABILITY = 0.001


@functools.cache
def _identifier() -> Any:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def available() -> bool:
    """Is a language identifier installed (``pip install conceptdiff[lang]``)?"""
    return _identifier() is not None


def identify(text: str) -> dict[str, float] | None:
    """Each language's probability for ``text``, or ``None`` when no
    identifier is installed."""
    identifier = _identifier()
    if identifier is None:
        return None
    return {str(language): float(probability) for language, probability in identifier.rank(text)}


_WORD_RE = re.compile(r"[^\W\d_]+")
#: A clause is worth identifying when fewer than this share of its words are
#: common in the edition (used in three clauses or more).  On the bundled
#: corpus every English clause of six words or more is above 0.16 and the
#: Indonesian line at 0.06, so the model (about a second to load) is loaded
#: only for editions that have such a clause.
MAX_COMMON_SHARE = 0.35


def _suspects(clauses: Sequence[Clause]) -> bool:
    """Has any clause few of the edition's common words (a cheap test before the model)?"""
    words = [[w.casefold() for w in _WORD_RE.findall(clause.text)] for clause in clauses]
    if sum(len(clause_words) >= MIN_WORDS for clause_words in words) < 3:
        return False  # too little text to tell a main language from another one
    frequency: Counter[str] = Counter()
    for clause_words in words:
        frequency.update(set(clause_words))
    common = {word for word, count in frequency.items() if count >= 3}
    return any(
        len(clause_words) >= MIN_WORDS and sum(w in common for w in clause_words) < MAX_COMMON_SHARE * len(clause_words)
        for clause_words in words
    )


def flag_languages(clauses: Sequence[Clause]) -> list[Clause]:
    """Add ``"language:xx"`` to the flags of clauses not in the main language."""
    if not _suspects(clauses) or not available():
        return list(clauses)
    judged: dict[int, dict[str, float]] = {}
    weight: Counter[str] = Counter()
    for index, clause in enumerate(clauses):
        count = len(clause.text.split())
        if count < MIN_WORDS:
            continue
        found = identify(clause.text)
        assert found is not None
        judged[index] = found
        weight[max(found, key=found.__getitem__)] += count
    if not weight:
        return list(clauses)
    main = min(weight, key=lambda language: (-weight[language], language))
    result = list(clauses)
    for index, probabilities in judged.items():
        language = min(probabilities, key=lambda code: (-probabilities[code], code))
        if language != main and probabilities.get(main, 0.0) <= MAX_MAIN_PROBABILITY:
            clause = result[index]
            flags = tuple(sorted({*clause.flags, f"language:{language}"}))
            result[index] = attrs.evolve(clause, flags=flags)
    return result
