"""A learned judge of web furniture: how much a short line reads like a page's
chrome (a share bar, a cookie notice, a byline, a footer) rather than a
document's own words.

The rules of :mod:`conceptdiff.read._boilerplate` name the kinds of furniture
one by one; every new site writes them differently.  This model generalises
from examples instead: a logistic regression over the line's words, word pairs,
word pieces (four letters) and shape (length, closing punctuation, digits,
symbols, separators), trained by ``benchmarks/train_furniture.py`` on lines of
furniture written by people who never saw the rules and on the clauses of
real policy documents (``fixtures/corpus/``).  The weights ship as
``furniture.json``, read once on first use; the same line gets the same score
on any machine.

>>> furniture_score("Share this article on WhatsApp") > 0 > furniture_score("The Licensee may copy the Work.")
True
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["MAX_CHARS", "features", "furniture_score"]

#: Lines longer than this are never scored: furniture is short, and the work stays bounded.
MAX_CHARS = 400

_MODEL_PATH = Path(__file__).with_name("furniture.json")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_DIGITS_RE = re.compile(r"[0-9]")
_EMAIL_RE = re.compile(r"\S@\S")
_URL_RE = re.compile(r"https?:|www\.|\.(?:com|org|gov|net|uk|in|au|eu|io)\b", re.IGNORECASE)
_PRICE_RE = re.compile(r"[$£€¥₹]")
_SYMBOLS = frozenset(("So", "Sk", "Sm", "Co"))  # other, modifier and maths symbols, private use
_ASCII_SYMBOL_RE = re.compile(r"[+<=>^`|~]")  # the ASCII characters of those categories
_TYPOGRAPHIC = frozenset(("Pd", "Pi", "Pf", "Po"))  # dashes, quotes, other punctuation (past U+2000)
_SEPARATOR_RE = re.compile(r"(?:^|\s)[|·•/›»>–—-](?:\s|$)")


def features(text: str) -> list[str]:
    """The features the model reads from one line (a list: a feature used twice counts twice).

    >>> [f for f in features("Share on X") if f.startswith(("w:", "s:end"))]
    ['w:share', 'w:on', 'w:x', 's:end=none']
    """
    line = " ".join(text.split())[:MAX_CHARS]
    words = _WORD_RE.findall(line)
    if line.isascii():  # the same words, folded in one pass (no word holds a space)
        folded = _DIGITS_RE.sub("0", " ".join(words).lower()).split(" ") if words else []
    else:
        folded = [_DIGITS_RE.sub("0", word.casefold()) for word in words]
    out = [f"w:{word}" for word in folded]
    out += [f"b:{first}_{second}" for first, second in zip(["^", *folded], [*folded, "$"], strict=True)]
    for word in folded:
        if len(word) >= 5 and not word[0].isdigit():
            padded = f"<{word}>"
            out += [f"c:{padded[i : i + 4]}" for i in range(len(padded) - 3)]
    out += _shape(line, words)
    return out


def _shape(line: str, words: list[str]) -> list[str]:
    count = len(words)
    size = "1" if count <= 1 else "2-3" if count <= 3 else "4-7" if count <= 7 else "8-15" if count <= 15 else "16+"
    last = line[-1:]
    end = "none" if not last else "." if last in ".!?" else ":" if last in ":;," else ")" if last in ")]" else "none"
    capitals = sum(1 for word in words if word[:1].isupper())
    ratio = capitals / count if count else 0.0
    case = "upper" if line.isupper() else "title" if ratio >= 0.6 else "some" if ratio > 0 else "lower"
    shape = [f"s:words={size}", f"s:end={end}", f"s:case={case}"]
    ascii = line.isascii()
    if _ASCII_SYMBOL_RE.search(line) if ascii else any(unicodedata.category(char) in _SYMBOLS for char in line):
        shape.append("s:symbol")
    if _DIGITS_RE.search(line):
        shape.append("s:digit")
    if _EMAIL_RE.search(line):
        shape.append("s:email")
    if _URL_RE.search(line):
        shape.append("s:url")
    if _PRICE_RE.search(line):
        shape.append("s:price")
    if _SEPARATOR_RE.search(line):
        shape.append("s:separator")
    if not ascii and any(ord(char) > 0x2000 and unicodedata.category(char) in _TYPOGRAPHIC for char in line):
        shape.append("s:typographic")
    return shape


class _Model:
    """A weight per feature (unseen ones weigh nothing) and a bias: the score is their sum."""

    def __init__(self, data: Mapping[str, object]) -> None:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise TypeError("a furniture model's weights are a mapping")
        self.weights: dict[str, float] = {str(k): float(v) for k, v in weights.items()}
        self.bias = float(str(data["bias"]))

    def score(self, items: Iterable[str]) -> float:
        get = self.weights.get
        return self.bias + math.fsum(map(get, items, itertools.repeat(0.0)))


@functools.cache
def _model() -> _Model:
    return _Model(json.loads(_MODEL_PATH.read_text(encoding="utf-8")))


def furniture_score(text: str) -> float:
    """How strongly ``text`` reads as a page's furniture: the model's
    log-odds, above 0 more like furniture than a document's words, below 0 less.

    >>> furniture_score("We use cookies. Accept all | Manage preferences") > 1
    True
    """
    return _model().score(features(text))
