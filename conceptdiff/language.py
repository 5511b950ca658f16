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

Not every clause goes through the identifier (about 0.3 ms a clause, after a
model that takes about half a second to load).  A clause is a *suspect* when
it has :data:`MIN_WORDS` words of letters or more, fewer than
:data:`MAX_COMMON_SHARE` of them common in the edition (used in three clauses
or more).  An edition with no suspect has no flag, and the model is not
loaded.  Otherwise, in an edition of at most :data:`SMALL_EDITION` judged
clauses, every judged clause is identified (there, three lines of another
language can make common words of their own: "de", "la").  In a longer one
the judged suspects, and the judged clauses with fewer than
:data:`MIN_WORDS` words of letters (numbers, codes), are identified one by
one; the other judged clauses count, in the vote for the main language, as
written in the language of a sample of their text (whole clauses evenly
spaced through the edition, about :data:`SAMPLE_CHARS` characters, identified
once); when the sample reads as another language than the main one, or
less surely than :data:`MIN_SAMPLE_PROBABILITY` as any (it mixes lines of
two), those clauses are identified one by one too.  The words of the clauses
found foreign then stop counting as common (a run of lines in one other
language has common words of its own), which can make new suspects; they
are identified in turn, and the vote taken again, until none appears.  On
generated editions with planted foreign lines (4,000 random ones checked
when this was written) and on the bundled corpus this flags exactly the
clauses that identifying every judged clause flags
(``tests/test_language.py``), with about ten identifications instead of 230
in the 2023 GitHub privacy statement.  What it can still miss: in a long
edition, three lines or more of another language that share enough words
to look common, none of them a suspect and none in the sample.

The ``conceptdiff`` command starts loading the model on a thread as soon as
it has read a text that may need it (:func:`prefetch`), so that the load
overlaps the segmentation of both editions.

>>> from conceptdiff.model import Clause, ClauseKind
>>> clauses = [Clause(text=t, normalized=t) for t in (
...     "The Russian Federation pursues an independent and multi-faceted foreign policy.",
...     "Russia seeks to create a system of international relations that would ensure security.",
...     "Dengan mempertimbangkan tren jangka panjang dalam perkembangan global, kepentingan nasional Rusia",
... )]
>>> [c.flags for c in flag_languages(clauses)] if available() else [(), (), ("language:id",)]
[(), (), ('language:id',)]
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import itertools
import lzma
import math
import re
import struct
import threading
import zipfile
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

import attrs

from conceptdiff.model import Clause, ClauseKind

__all__ = [
    "MAX_COMMON_SHARE",
    "MAX_MAIN_PROBABILITY",
    "MIN_WORDS",
    "SAMPLE_CHARS",
    "available",
    "flag_languages",
    "identify",
    "prefetch",
]

#: Clauses shorter than this (in words) are not judged.
MIN_WORDS = 6
#: A clause is flagged when the main language is at most this likely.
MAX_MAIN_PROBABILITY = 0.001
#: The sample of the clauses not identified one by one reads as one language when
#: that language is at least this likely; otherwise (it mixes in lines of another
#: language) they are identified one by one.  Samples of the bundled documents
#: and the system's licences read as English at 0.9996 or more; a sample of
#: thirteen English clauses and three French ones, at 0.88.
MIN_SAMPLE_PROBABILITY = 0.99
#: An edition of at most this many judged clauses, once a suspect is found,
#: has every judged clause identified (at most about 30 ms once the model is
#: loaded): in so few clauses, three lines of another language sharing "de"
#: and "la" make those words common, and the lines no suspects.
SMALL_EDITION = 100


@functools.cache
def _load() -> Any:
    spec = importlib.util.find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        return _read_model(Path(spec.submodule_search_locations[0]) / "data" / "model.npz.xz")
    except Exception:  # another layout or version of the model: py3langid's own loader
        try:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]
        except ImportError:  # installed but broken (numpy missing ...): no identifier, as without it
            return None
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _read_model(path: Path) -> Any:
    """``LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)`` of
    py3langid 0.4, with the model decompressed in one call, which runs without
    the interpreter lock (py3langid streams it through a temporary file in
    8 KiB steps, each taking the lock again, so a :func:`prefetch` thread would
    crawl beside Python code), and its arrays read in place.  Raises on
    anything unexpected, for the caller to use py3langid's own loader;
    ``tests/test_language.py`` checks that both give the same model."""
    data = lzma.decompress(path.read_bytes())  # first, before numpy: most of the time, without the lock

    import py3langid  # type: ignore[import-untyped]
    from py3langid import langid, modelio

    if not str(py3langid.__version__).startswith("0.4.") or path != langid.MODEL_DIR / langid.MODEL_FILE:
        raise LookupError(f"not the model layout of py3langid 0.4: {path}")  # read by py3langid itself
    arrays = _npz_arrays(data)
    return langid.LanguageIdentifier(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        modelio._to_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=modelio._to_array(arrays["nextmove_row"]),
    )


def _npz_arrays(data: bytes) -> dict[str, Any]:
    """The arrays of an uncompressed ``.npz`` file, as read-only views of
    ``data`` (``numpy.load`` would copy them, checking a CRC the xz stream
    around them already checked)."""
    import numpy as np

    arrays: dict[str, Any] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if member.compress_type != zipfile.ZIP_STORED or not member.filename.endswith(".npy"):
                raise ValueError(f"unexpected member {member.filename!r}")
            # The local header: 30 bytes, then the name and an extra field of the lengths it gives.
            name_length, extra_length = struct.unpack_from("<HH", data, member.header_offset + 26)
            start = member.header_offset + 30 + name_length + extra_length
            header = io.BytesIO(data[start : start + min(member.file_size, 1 << 16)])
            version = np.lib.format.read_magic(header)
            if version == (1, 0):
                shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(header)
            else:
                shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(header)
            if dtype.hasobject:
                raise ValueError("object arrays")
            count = math.prod(shape)
            if header.tell() + count * dtype.itemsize != member.file_size:
                raise ValueError(f"{member.filename!r} is not one array")
            array = np.frombuffer(data, dtype=dtype, count=count, offset=start + header.tell())
            arrays[member.filename[:-4]] = array.reshape(shape, order="F" if fortran_order else "C")
    return arrays


_loader: threading.Thread | None = None


def _identifier() -> Any:
    if _loader is not None:
        _loader.join()  # _load is computed once: by the loader, then cached
    return _load()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):  # not cached: the caller's own _load() raises it again
        _load()


def prefetch(text: str) -> None:
    """Start loading the model on a background thread when ``text`` (a whole
    document, before segmentation) may need it: when one of its paragraphs
    (blocks between blank lines) is a suspect, the pre-check of
    :func:`flag_languages` applied to paragraphs instead of clauses.  The load
    (about half a second, mostly decompression, which runs beside Python code)
    then overlaps the segmentation.  The flags are the same with or without it;
    a wrong guess costs the load or the overlap, never a flag.

    For programs that own their process, such as the ``conceptdiff`` command:
    a thread loading the model when the process forks would leave the child
    waiting on its locks.

    >>> prefetch("Too little text to tell a main language from another one.")  # nothing to load
    """
    global _loader
    if _loader is not None:
        return
    # Case-folding the whole text first is quicker and, for a guess, close enough.
    paragraphs = _PARAGRAPH_BREAK_RE.split(text.casefold())
    if _common_if_suspects([_LETTER_RUN_RE.findall(paragraph) for paragraph in paragraphs]) is not None:
        _loader = threading.Thread(target=_load_quietly, name="conceptdiff-language-model", daemon=True)
        _loader.start()


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


_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_NOT_PROSE = frozenset({ClauseKind.CODE, ClauseKind.TABLE_ROW})
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
#: A clause is identified (a suspect) when fewer than this share of its words
#: are common in the edition (used in three clauses or more).  On the bundled
#: corpus every English clause of six words or more is above 0.16 and the
#: Indonesian line at 0.06.
MAX_COMMON_SHARE = 0.35
#: The main language is found on at most about this many characters of the
#: clauses not identified one by one (evenly spaced through the edition).
SAMPLE_CHARS = 3000


def _share_is_low(words: Sequence[str], common: AbstractSet[str]) -> bool:
    return sum(map(common.__contains__, words)) < MAX_COMMON_SHARE * len(words)


def _words(text: str) -> list[str]:
    """The words of ``text``, case-folded one by one (of ASCII text, lowered at once: the same)."""
    if text.isascii():
        return _LETTER_RUN_RE.findall(text.lower())
    return [word.casefold() for word in _LETTER_RUN_RE.findall(text)]


def _sample(texts: Sequence[str]) -> str:
    """About :data:`SAMPLE_CHARS` characters of ``texts``, whole texts taken evenly through them."""
    step = max(1, -(-sum(len(text) for text in texts) // SAMPLE_CHARS))
    return "\n".join(texts[::step])[: 2 * SAMPLE_CHARS]


def _top(probabilities: dict[str, float]) -> str:
    return min(probabilities, key=lambda code: (-probabilities[code], code))


def _common(words: Sequence[Sequence[str]]) -> set[str]:
    """The words used in three clauses or more."""
    frequency = Counter(itertools.chain.from_iterable(map(set, words)))
    return {word for word, count in frequency.items() if count >= 3}


def _common_if_suspects(words: Sequence[Sequence[str]]) -> set[str] | None:
    """The common words, when a clause (given by its words) is a suspect; else ``None``."""
    if sum(len(clause_words) >= MIN_WORDS for clause_words in words) < 3:
        return None  # too little text to tell a main language from another one
    common = _common(words)
    if any(len(clause_words) >= MIN_WORDS and _share_is_low(clause_words, common) for clause_words in words):
        return common
    return None


def flag_languages(clauses: Sequence[Clause]) -> list[Clause]:
    """Add ``"language:xx"`` to the flags of clauses not in the main language."""
    result = list(clauses)
    # Code and table rows are no prose in any language: they are neither judged nor evidence.
    prose = [clause.kind not in _NOT_PROSE for clause in clauses]
    words = [_words(clause.text) if keep else [] for clause, keep in zip(clauses, prose, strict=True)]
    common = _common_if_suspects(words)
    if common is None:
        return result  # every clause is mostly the edition's common words: one language
    counts = {index: len(clause.text.split()) for index, clause in enumerate(clauses) if prose[index]}
    judged = [index for index, count in counts.items() if count >= MIN_WORDS]
    todo = [i for i in judged if len(words[i]) < MIN_WORDS or _share_is_low(words[i], common)]
    if not todo or not available():
        return result
    if len(judged) <= SMALL_EDITION:
        todo = judged  # few clauses: a few lines of another language can make common words of their own
    found: dict[int, dict[str, float]] = {}
    flagged: dict[int, str] = {}
    sampled: str | None = None
    mixed = False
    while todo:
        for index in todo:
            probabilities = identify(clauses[index].text)
            assert probabilities is not None
            found[index] = probabilities
        weight: Counter[str] = Counter()
        for index, probabilities in found.items():
            weight[_top(probabilities)] += counts[index]
        rest = [index for index in judged if index not in found]
        if rest:
            if sampled is None:
                probabilities = identify(_sample([clauses[i].text for i in rest]))
                assert probabilities is not None
                sampled = _top(probabilities)
                # A sample of one language reads as it almost surely; one that mixes in lines of
                # another (which can share common words of their own) reads less surely.
                mixed = probabilities[sampled] < MIN_SAMPLE_PROBABILITY
            weight[sampled] += sum(counts[i] for i in rest)
        main = min(weight, key=lambda language: (-weight[language], language))
        flagged = {
            index: _top(probabilities)
            for index, probabilities in found.items()
            if _top(probabilities) != main and probabilities.get(main, 0.0) <= MAX_MAIN_PROBABILITY
        }
        # Words of the clauses found foreign are no evidence of the main
        # language: other clauses mostly made of them are identified too.  And
        # when the clauses not identified read, together, as another language
        # than the main one, the common words they share are no evidence either:
        # each is identified.
        if rest and (sampled != main or mixed):
            todo = rest
        else:
            evidence = common.difference(*(words[index] for index in flagged))
            todo = [i for i in rest if _share_is_low(words[i], evidence)] if flagged else []
    for index, language in flagged.items():
        clause = result[index]
        result[index] = attrs.evolve(clause, flags=tuple(sorted({*clause.flags, f"language:{language}"})))
    return result
