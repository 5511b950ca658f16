"""What matters in a change: cosmetic or substantive, and the obligations and facts it touches.

A reader of a new edition first wants to know which changes matter.  This
module sorts each change's text difference into one of three
:class:`Significance` levels and, for substantive ones, lists
:class:`Finding` records of what an obligation or a fact lost or gained:

* **cosmetic**: the texts are equal once one or more of these is set aside
  (each a :class:`Cosmetic` reason): white space, quote marks (straight,
  curly, guillemets, apostrophes; added, removed or changed), letter case, other punctuation (dashes,
  commas, hyphens, thousands separators), and British/American spelling
  variants (``licence``/``license``, ``organise``/``organize``,
  ``colour``/``color``, ``centre``/``center``, ``travelled``/``traveled``,
  ``catalogue``/``catalog``, a short list of others).  A difference that
  changes a number's value (``1.5`` → ``15``), a modal verb or a negation is
  never cosmetic, even when it is only punctuation or white space.
* **substantive**: anything else.  Its findings flag (:class:`Flag`) modal
  verbs and other words of obligation or permission (may, shall, must, will,
  should, can, required, entitled, ...), negation (not, no, never, without,
  ``-n't``, the prefix "non" ...), numbers, dates and amounts (digits and
  English number words with their unit, so ``30 days`` → ``thirty days`` is
  no finding but ``30 days`` → ``60 days`` is), and named entities added or
  removed.
* **none**: the text is the same (an unchanged clause, a move or renumbering
  without edits, a split or merge at the same words).

Findings compare what each side *contains* (multisets), not where: a modal
verb that moves inside its clause is no finding.  Named entities are found
with a light heuristic (runs of capitalized words that do not open a
sentence, acronyms, words with inner capitals), not a trained model; it
works on English and other Latin- or Cyrillic-script text and misses
entities written in lower case.

>>> from conceptdiff.significance import assess_texts
>>> print(assess_texts("Members may report within 30 days.", "Members shall report within 60 days.").describe())
substantive: modal (may → shall); number (30 days → 60 days)
>>> print(assess_texts("The committee shall publish.", "The committee shall not publish.").describe())
substantive: negation (+ shall not)
>>> print(assess_texts("The “Licensor” grants", 'The "Licensor" grants').describe())
cosmetic: quotes
>>> print(assess_texts("The licence is organised", "The license is organized").describe())
cosmetic: spelling

:func:`term_shifts` ranks the words whose use changed most between the two
editions (log-likelihood keyness, which weighs both the size of the shift
and the sizes of the editions).

Timing: linear in the length of the texts; every regular expression here is
a fixed alternation or a run of one character class, with no nested
quantifier.
"""

from __future__ import annotations

import enum
import itertools
import math
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from conceptdiff.errors import InvalidOptionsError
from conceptdiff.model import Change, ChangeKind, ClauseKind, Comparison, EditOp
from conceptdiff.normalize import words

__all__ = [
    "Assessment",
    "Cosmetic",
    "Difference",
    "Finding",
    "Flag",
    "Significance",
    "TermShift",
    "assess",
    "assess_all",
    "assess_texts",
    "common_words",
    "defined_terms",
    "difference_names",
    "differences",
    "has_changes",
    "is_change",
    "parse_differences",
    "term_shifts",
]


def _word_list(text: str) -> list[str]:
    """The words of a word list written as prose (easier to read and review than a list literal)."""
    return text.split()


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


class Significance(enum.Enum):
    """How much a change's text difference matters."""

    NONE = "none"  #: the text is the same (moves, renumbering, splits at the same words)
    COSMETIC = "cosmetic"  #: only white space, quotes, case, punctuation or spelling variants
    SUBSTANTIVE = "substantive"  #: the words differ


class Cosmetic(enum.Enum):
    """One kind of cosmetic difference."""

    WHITESPACE = "whitespace"
    QUOTES = "quotes"
    CASE = "case"
    PUNCTUATION = "punctuation"
    SPELLING = "spelling"
    NUMERALS = "numerals"  #: a number written otherwise: "30" and "thirty", "21st" and "twenty-first"


class Flag(enum.Enum):
    """What a substantive change touches.  MODAL, NEGATION and DEFINED_TERM
    concern an obligation; the others a fact."""

    MODAL = "modal"  #: modal verbs (may, shall, must, will, should, can, could, might, would, ought, need not)
    NEGATION = "negation"
    NUMBER = "number"
    DATE = "date"
    AMOUNT = "amount"  #: money and percentages
    ENTITY = "entity"  #: named entities (organisations, places, people, acronyms)
    #: a term the document defines, changed in form or case ("distributes" -> "Distributes"
    #: where "Distribution" is defined): the text now says the defined thing, or no longer does
    DEFINED_TERM = "defined_term"

    @property
    def concerns(self) -> str:
        """``"obligation"`` or ``"fact"``."""
        return "obligation" if self in (Flag.MODAL, Flag.NEGATION, Flag.DEFINED_TERM) else "fact"


@attrs.frozen
class Finding:
    """One flagged difference: what the old text had that the new lacks
    (``removed``) and the reverse (``added``), as the texts write them.

    >>> print(Finding(Flag.MODAL, ("may",), ("shall",)))
    may → shall
    >>> print(Finding(Flag.NEGATION, (), ("not",)))
    + not
    """

    flag: Flag
    removed: tuple[str, ...]
    added: tuple[str, ...]

    def __str__(self) -> str:
        removed, added = _some(self.removed), _some(self.added)
        if removed and added:
            return f"{removed} → {added}"
        return f"+ {added}" if added else f"− {removed}"


def _some(items: Sequence[str], most: int = 6) -> str:
    """Up to ``most`` items for a reader; the rest counted."""
    shown = ", ".join(items[:most])
    return f"{shown} and {len(items) - most} more" if len(items) > most else shown


@attrs.frozen
class Assessment:
    """The verdict on one change.

    Attributes:
        significance: none, cosmetic or substantive.
        cosmetic: for a cosmetic change, the kinds of difference it has
            (the fewest that explain it); empty otherwise.
        findings: for a substantive change, what it does to obligations and
            facts, in :class:`Flag` order; empty otherwise.
    """

    significance: Significance
    cosmetic: tuple[Cosmetic, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def flags(self) -> tuple[Flag, ...]:
        """The distinct flags of the findings, in :class:`Flag` order."""
        return tuple(dict.fromkeys(f.flag for f in self.findings))

    @property
    def changes_obligation(self) -> bool:
        """A modal verb or a negation was added, removed or replaced."""
        return any(f.flag.concerns == "obligation" for f in self.findings)

    @property
    def changes_fact(self) -> bool:
        """A number, date, amount or named entity was added, removed or replaced."""
        return any(f.flag.concerns == "fact" for f in self.findings)

    @property
    def flagged(self) -> bool:
        """Substantive and touching an obligation or a fact."""
        return bool(self.findings)

    def describe(self) -> str:
        """One line for a report.

        >>> print(Assessment(Significance.COSMETIC, (Cosmetic.CASE, Cosmetic.QUOTES)).describe())
        cosmetic: case, quotes
        """
        if self.significance is Significance.COSMETIC:
            return "cosmetic: " + ", ".join(c.value for c in self.cosmetic) if self.cosmetic else "cosmetic"
        if self.significance is Significance.SUBSTANTIVE and self.findings:
            return "substantive: " + "; ".join(f"{f.flag.value} ({f})" for f in self.findings)
        return str(self.significance.value)


# --------------------------------------------------------------------------
# Cosmetic folds.  Each fold sets one kind of difference aside; a change is
# cosmetic when some set of folds makes both texts equal.
# --------------------------------------------------------------------------

_QUOTE_CHARS = "\"'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2039\u203a\u02bc\u00b4"
_QUOTES = str.maketrans(dict.fromkeys(_QUOTE_CHARS, '"'))
_SPACE_RE = re.compile(r"\s+")
_ALNUM_RUN_RE = re.compile(r"[^\W_]+")

# Spelling variants: British/Commonwealth forms mapped to one key.  CAUTION:
# the rules only ever compare two words that both occur, so a key need not be
# a real word; but two *different* real words must never share a key (for
# "four"/"for", "prised"/"prized"), hence the minimum stem lengths.
_SPELLING_WORDS = {
    "licence": "license", "licences": "licenses", "licenced": "licensed", "licencing": "licensing",
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "pretence": "pretense", "practise": "practice", "practised": "practiced", "practising": "practicing",
    "programme": "program", "programmes": "programs", "judgement": "judgment", "judgements": "judgments",
    "acknowledgement": "acknowledgment", "acknowledgements": "acknowledgments", "ageing": "aging",
    "grey": "gray", "enquiry": "inquiry", "enquiries": "inquiries", "enquire": "inquire",
    "towards": "toward", "amongst": "among", "whilst": "while", "afterwards": "afterward",
    "learnt": "learned", "spelt": "spelled", "aluminium": "aluminum", "plough": "plow",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "paediatric": "pediatric",
    "encyclopaedia": "encyclopedia", "anaemia": "anemia", "oestrogen": "estrogen",
    "fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment", "enrol": "enroll",
    "enrols": "enrolls", "enrolment": "enrollment", "instalment": "installment", "instalments": "installments",
    "skilful": "skillful", "wilful": "willful", "mould": "mold", "sceptical": "skeptical", "tyre": "tire",
    "tyres": "tires", "cheque": "check", "cheques": "checks", "storey": "story", "draught": "draft",
    "email": "e-mail", "online": "on-line",
}  # fmt: skip
_SPELLING_RULES = (
    re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers|able)$"),  # organise -> organize
    re.compile(r"^(\w{3,})ys(e|es|ed|ing|er|ers)$"),  # analyse -> analyze
    re.compile(r"^(\w{3,})our(s|ed|ing|able|ably|ite|ites|ful|less|ism)?$"),  # colour -> color
    re.compile(r"^(\w{3,}[tbg])re(s)?$"),  # centre -> center
    re.compile(r"^(\w{3,}[aeiou])ll(ed|ing|er|ers|ation)$"),  # travelled -> traveled
    re.compile(r"^(\w{4,})ogue(s)?$"),  # catalogue -> catalog
)
_SPELLING_REPLACEMENTS = (r"\1iz\2", r"\1yz\2", r"\1or\2", r"\1er\2", r"\1l\2", r"\1og\2")


def _spelling_key(word: str) -> str:
    lower = word.lower()
    key = _SPELLING_WORDS.get(lower)
    if key is None:
        key = lower
        for rule, replacement in zip(_SPELLING_RULES, _SPELLING_REPLACEMENTS, strict=True):
            if rule.match(lower):
                key = rule.sub(replacement, lower)
                break
    if key == lower:
        return word
    return key if word.islower() else key.capitalize() if word[:1].isupper() else key


class _DropPunctuation(dict[int, str | None]):
    """A ``str.translate`` table that drops punctuation and symbols except
    quote marks, filled in as characters are met (a category lookup per
    distinct character, not per character)."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if unicodedata.category(char)[0] in "PS" and char not in _QUOTE_CHARS else char
        if len(self) < 65536:
            self[code] = value
        return value


_DROP_PUNCTUATION = _DropPunctuation()


def _apply_folds(text: str, folds: frozenset[Cosmetic]) -> str:
    text = unicodedata.normalize("NFKC", text)
    if Cosmetic.NUMERALS in folds:
        text = _NUMERAL_RE.sub(_numeral, text)
    if Cosmetic.QUOTES in folds:
        text = text.translate(_QUOTES).replace('"', "")
    if Cosmetic.CASE in folds:
        text = text.casefold()
    if Cosmetic.SPELLING in folds:
        text = _ALNUM_RUN_RE.sub(lambda m: _spelling_key(m.group()), text)
    if Cosmetic.PUNCTUATION in folds:
        text = text.translate(_DROP_PUNCTUATION)  # co-operate == cooperate, 1,000 == 1000
    if Cosmetic.WHITESPACE in folds:
        return _SPACE_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def _trim_common(old: str, new: str) -> tuple[str, str]:
    """Drop the common prefix and suffix, but only at white space, so that
    the folds still see whole words (spelling works on words)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    while start > 0 and not old[start - 1].isspace():
        start -= 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    while end > 0 and not old[len(old) - end].isspace():
        end -= 1
    return old[start : len(old) - end], new[start : len(new) - end]


_FOLD_ORDER = (
    Cosmetic.WHITESPACE,
    Cosmetic.QUOTES,
    Cosmetic.CASE,
    Cosmetic.PUNCTUATION,
    Cosmetic.SPELLING,
    Cosmetic.NUMERALS,
)


def _cosmetic_reasons(old: str, new: str) -> tuple[Cosmetic, ...] | None:
    """The fewest folds that make the texts equal (``None``: no set does)."""
    every = frozenset(_FOLD_ORDER)
    # Every fold at once, and every fold but numerals: that one can part what spacing
    # joins ("every one" -> "every 1" against "everyone").
    if all(_apply_folds(old, folds) != _apply_folds(new, folds) for folds in (every, every - {Cosmetic.NUMERALS})):
        return None
    for size in range(len(_FOLD_ORDER) + 1):
        for subset in itertools.combinations(_FOLD_ORDER, size):
            folds = frozenset(subset)
            if _apply_folds(old, folds) == _apply_folds(new, folds):
                return subset
    return tuple(_FOLD_ORDER)  # pragma: no cover - the full set matched above


# --------------------------------------------------------------------------
# Obligations: modal verbs and negation.
# --------------------------------------------------------------------------

# Modal verbs, a closed list; "need" only as a modal ("need not").  Words of
# obligation that are no modal verb ("required", "permitted", "obligations")
# change an obligation only with the words around them: a rewording that
# swaps them is substantive, but not flagged as a modal.
_MODALS = _word_set("may shall must will should can could might would ought need")
_DETERMINERS = _word_set("the a an its their his her our your this that whose free good")
# "can", "will" and "must" are nouns too ("a can of paint", "the will of the
# members"): set before "of" or a preposition of place, where a modal verb's
# own verb stands, and not after a pronoun ("they will of course ...").  A
# "can" also before "by" ("the green can by the door"; but "git will by
# default ...").
_ALSO_NOUNS = _word_set("can will must")
_AFTER_NOUNS = _word_set("of near beside behind beneath underneath")
_PRONOUNS = _word_set("i you he she it we they who which that one")
_NEGATIONS = _word_set("not no never neither nor none nothing nobody nowhere without cannot")
_AUXILIARIES = _MODALS | _word_set("is are was were be been do does did has have had")
_CONTRACTIONS = {
    "can't": ("can", "not"), "cannot": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not"),
    "mustn't": ("must", "not"), "shouldn't": ("should", "not"), "couldn't": ("could", "not"),
    "wouldn't": ("would", "not"), "mightn't": ("might", "not"), "needn't": ("need", "not"),
    "isn't": ("is", "not"), "aren't": ("are", "not"), "wasn't": ("was", "not"), "weren't": ("were", "not"),
    "don't": ("do", "not"), "doesn't": ("does", "not"), "didn't": ("did", "not"), "hasn't": ("has", "not"),
    "haven't": ("have", "not"), "hadn't": ("had", "not"),
}  # fmt: skip
_FACT_TOKEN_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+(?:[.,]\d+)*\w*|\w+(?:['’]\w+)*|[^\w\s]")
_SENTENCE_END = frozenset(".!?:;")


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for token in _FACT_TOKEN_RE.findall(unicodedata.normalize("NFKC", text)):
        token = token.replace("’", "'")
        expanded = _CONTRACTIONS.get(token.lower())
        out.extend(expanded if expanded else (token,))
    return out


def _obligations(tokens: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    modals: Counter[str] = Counter()
    negations: Counter[str] = Counter()
    for i, token in enumerate(tokens):
        lower = token.lower()
        if lower in _MODALS:
            if lower == "may" and token[0].isupper() and _near_number(tokens, i):
                continue  # the month
            if i > 0 and tokens[i - 1].lower() in _DETERMINERS:
                continue  # the noun: "the will of the members", "a can", "a must"
            if lower in _ALSO_NOUNS and i + 1 < len(tokens) and _used_as_noun(tokens, i):
                continue  # the noun: "the green can by the door"
            if lower == "need" and (i + 1 >= len(tokens) or tokens[i + 1].lower() != "not"):
                continue  # "need to", "the needs": a modal only in "need not"
            modals[lower] += 1
        elif lower == "non":
            negations["non"] += 1  # "non-exclusive" (or "non exclusive") -> "exclusive": the negating prefix
        elif lower in _NEGATIONS:
            if lower == "no" and i + 1 < len(tokens) and tokens[i + 1] in (".", ":"):
                continue  # "No. 5", and "No:" labelling a wrong example
            before = tokens[i - 1].lower() if i > 0 else ""
            negations[f"{before} {lower}" if lower == "not" and before in _AUXILIARIES else lower] += 1
    return modals, negations


def _used_as_noun(tokens: Sequence[str], i: int) -> bool:
    """Is the ``can``, ``will`` or ``must`` at ``i`` a noun, by the words
    around it: no pronoun before it, and after it "of" or a preposition of
    place ("a can of paint", "the can beside it"), or "by" after a "can"
    ("the green can by the door", not "you can by calling us")?"""
    if i > 0 and tokens[i - 1].lower() in _PRONOUNS:
        return False
    after = tokens[i + 1].lower()
    return after in _AFTER_NOUNS or (after == "by" and tokens[i].lower() == "can")


def _near_number(tokens: Sequence[str], i: int) -> bool:
    return (i + 1 < len(tokens) and tokens[i + 1][:1].isdigit()) or (i > 0 and tokens[i - 1][:1].isdigit())


# --------------------------------------------------------------------------
# Facts: numbers, dates, amounts.
# --------------------------------------------------------------------------

_MONTHS = _word_list("january february march april may june july august september october november december")
_MONTH_SET = frozenset(_MONTHS)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        _word_list(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(_word_list("twenty thirty forty fifty sixty seventy eighty ninety"))}
_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        _word_list(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        )
    )
}
_ORDINAL_WORDS |= {
    w: 10 * (i + 2)
    for i, w in enumerate(_word_list("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"))
}
_ORDINAL_DIGITS_RE = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


_CARDINALS = _NUMBER_WORDS | _TENS
# A number written in words (up to ninety-nine) or an ordinal, in digits or words: what the
# numerals fold writes in digits ("thirty" -> "30", "twenty-first" and "21st" -> "21.").
_NUMERAL_RE = re.compile(
    rf"\b(?:(?P<tens>{_alternation(_TENS)})[- ]"
    rf"(?P<unit>{_alternation(w for w, v in _CARDINALS.items() if 1 <= v <= 9)}"
    rf"|{_alternation(w for w, v in _ORDINAL_WORDS.items() if v <= 9)})"
    rf"|(?P<ordinal>{_alternation(_ORDINAL_WORDS)})|(?P<word>{_alternation(_CARDINALS)})"
    rf"|(?P<digits>[0-9]+)(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


def _numeral(match: re.Match[str]) -> str:
    if match["tens"]:
        unit = match["unit"].lower()
        if unit in _ORDINAL_WORDS:
            return f"{_TENS[match['tens'].lower()] + _ORDINAL_WORDS[unit]}."
        return str(_TENS[match["tens"].lower()] + _NUMBER_WORDS[unit])
    if match["ordinal"]:
        return f"{_ORDINAL_WORDS[match['ordinal'].lower()]}."
    if match["word"]:
        return str(_CARDINALS[match["word"].lower()])
    return f"{int(match['digits'])}."


_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_UNITS = _word_set(
    "second seconds minute minutes hour hours day days week weeks month months year years time times "
    "member members person persons people percent per cent % euro euros eur dollar dollars usd pound "
    "pounds gbp rouble roubles ruble rubles rub franc francs chf yen jpy cent cents kilometre kilometres "
    "kilometer kilometers km metre metres meter meters page pages article articles section sections "
    "paragraph paragraphs"
)
_UNIT_QUALIFIERS = _word_set("working business calendar consecutive full clear")
_DATE_FACT_TOKEN_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_CURRENCY_CODES = {
    "$": "usd", "dollar": "usd", "dollars": "usd", "usd": "usd", "€": "eur", "euro": "eur", "euros": "eur",
    "eur": "eur", "£": "gbp", "pound": "gbp", "pounds": "gbp", "gbp": "gbp", "₽": "rub", "rouble": "rub",
    "roubles": "rub", "ruble": "rub", "rubles": "rub", "rub": "rub", "¥": "jpy", "yen": "jpy", "jpy": "jpy",
    "franc": "chf", "francs": "chf", "chf": "chf", "₹": "inr", "cent": "cent", "cents": "cent",
    "%": "%", "percent": "%", "per cent": "%",
}  # fmt: skip


@attrs.frozen
class _Fact:
    flag: Flag
    key: str
    shown: str


def _number_value(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    return None  # 1st, 10am, 3.1.2, 1,5: compared as written


def _word_number(tokens: Sequence[str], i: int) -> tuple[float, int] | None:
    """An English number written in words at ``tokens[i]``: (value, tokens used).
    An ordinal (``third``, ``twenty-first``) ends it; see :func:`_word_ordinal`."""
    total, current, used = 0, 0, 0
    j = i
    while j < len(tokens):
        word = tokens[j].lower()
        if word in _ORDINAL_WORDS:
            break
        if word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES and used:
            if _SCALES[word] == 100:
                current *= 100
            else:
                total += current * _SCALES[word]
                current = 0
        elif not (
            word in ("-", "and")
            and used
            and j + 1 < len(tokens)
            and (tokens[j + 1].lower() in _NUMBER_WORDS or tokens[j + 1].lower() in _TENS)
        ):
            break
        j += 1
        if word not in ("-", "and"):
            used = j - i
    if not used:
        return None
    return float(total + current), used


def _word_ordinal(tokens: Sequence[str], i: int) -> tuple[int, int] | None:
    """An ordinal at ``tokens[i]``: ``21st``, ``third``, ``twenty-first``,
    ``Twenty - First`` (value, tokens used)."""
    token = tokens[i]
    match = _ORDINAL_DIGITS_RE.fullmatch(token)
    if match:
        return int(match.group(1)), 1
    word = token.lower()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word], 1
    if word in _TENS and i + 2 < len(tokens) and tokens[i + 1] == "-":
        last = tokens[i + 2].lower()
        if last in _ORDINAL_WORDS and _ORDINAL_WORDS[last] < 10:
            return _TENS[word] + _ORDINAL_WORDS[last], 3
    return None


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _is_month(token: str) -> bool:
    return token[:1].isupper() and token.lower() in _MONTH_SET


def _is_day(token: str) -> bool:
    return token.isdecimal() and 1 <= int(token) <= 31 and len(token) <= 2


def _is_year(token: str) -> bool:
    return token.isdecimal() and len(token) == 4 and 1500 <= int(token) <= 2199


def _date_at(tokens: Sequence[str], i: int) -> int:
    """How many tokens a written date at ``tokens[i]`` takes (0: none).

    Forms: ``15 March 2023``, ``March 15, 2023``, ``March 2023``, ``15 March``,
    ``March`` alone (the month "May" only next to a number).
    """
    n = len(tokens)
    j = i
    if _is_day(tokens[j]) and j + 1 < n and _is_month(tokens[j + 1]):
        j += 2
    elif _is_month(tokens[j]):
        j += 1
        if j < n and _is_day(tokens[j]):
            j += 1
            if j + 1 < n and tokens[j] == "," and _is_year(tokens[j + 1]):
                j += 1
        elif tokens[i].lower() == "may" and not (j < n and _is_year(tokens[j])):
            return 0
    else:
        return 0
    if j < n and _is_year(tokens[j]):
        j += 1
    return j - i


def _facts(tokens: Sequence[str]) -> list[_Fact]:
    facts: list[_Fact] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token[:1].isdigit() and token.lower() not in _FACT_WORDS:
            i += 1  # most words: no date, number or ordinal starts with them
            continue
        used = _date_at(tokens, i)
        if used:
            shown = " ".join(tokens[i : i + used]).replace(" ,", ",")
            facts.append(_Fact(Flag.DATE, shown.casefold(), shown))
            i += used
            continue
        if _DATE_FACT_TOKEN_RE.fullmatch(token):
            facts.append(_Fact(Flag.DATE, token, token))
            i += 1
            continue
        ordinal = _word_ordinal(tokens, i)
        if ordinal is not None and ordinal[1] == 1 and _third_party(tokens, i):
            i += 1  # "a 3rd party", "third-party": an outsider, no count
            continue
        if ordinal is not None and (ordinal[1] > 1 or token[:1].isdigit() or _near_ordinal(tokens, i)):
            value_of, used = ordinal
            shown = " ".join(tokens[i : i + used]).replace(" - ", "-")
            facts.append(_Fact(Flag.NUMBER, f"{value_of}th", shown))
            i += used
            continue
        if token[:1].isdigit():
            value = _number_value(token)
            if value is None:
                facts.append(_Fact(Flag.NUMBER, token.lower(), token))
                i += 1
                continue
            used = 1
        else:
            parsed = _word_number(tokens, i)
            if parsed is None or (parsed[1] == 1 and token.lower() == "one" and not _followed_by_unit(tokens, i + 1)):
                i += 1  # "one" alone is usually a pronoun ("no one", "one of")
                continue
            value, used = parsed
        shown = " ".join(tokens[i : i + used]).replace(" - ", "-")
        # The unit after the number (with "working", "calendar" ...), a currency sign before it.
        end = i + used
        while end < len(tokens) and tokens[end].lower() in _UNIT_QUALIFIERS:
            end += 1
        unit = ""
        if end < len(tokens) and tokens[end].lower() in _UNITS:
            last = end + 1
            if tokens[end].lower() == "per" and last < len(tokens) and tokens[last].lower() == "cent":
                last += 1
            unit = " ".join(tokens[i + used : last])
            used = last - i
        before = tokens[i - 1].lower() if i > 0 else ""
        unit_key = " ".join(unit.lower().split()[-2:]) if unit.lower().endswith("per cent") else unit.lower()
        unit_last = unit_key.split(" ")[-1] if unit_key else ""
        currency = _CURRENCY_CODES.get(before) or _CURRENCY_CODES.get(unit_key) or _CURRENCY_CODES.get(unit_last)
        if currency:
            flag = Flag.AMOUNT
            qualifiers = unit_key.split(" ")[:-1] if unit_key and _CURRENCY_CODES.get(unit_last) else []
            key = " ".join([_format(value), *qualifiers, currency])
            if before in _CURRENCY_CODES:
                shown = tokens[i - 1] + ("" if len(before) == 1 else " ") + shown
        else:
            flag = Flag.DATE if not unit and _is_year(token) else Flag.NUMBER
            if unit_key.endswith("s") and len(unit_last) > 3:
                unit_key = unit_key[:-1]
            key = f"{_format(value)} {unit_key}".strip()
        facts.append(_Fact(flag, key, f"{shown}{unit}" if unit == "%" else f"{shown} {unit}".strip()))
        i += used
    return facts


#: The words a written date, number or ordinal can start with (others start with a digit).
_FACT_WORDS = _MONTH_SET | frozenset(_NUMBER_WORDS) | frozenset(_TENS) | frozenset(_ORDINAL_WORDS)


def _bare_ordinals(tokens: Sequence[str]) -> Counter[str]:
    """The fact keys of every ordinal word in ``tokens``, numbering or not."""
    return Counter(f"{_ORDINAL_WORDS[t.lower()]}th" for t in tokens if t.lower() in _ORDINAL_WORDS)


def _near_ordinal(tokens: Sequence[str], i: int) -> bool:
    """Is the ordinal word at ``tokens[i]`` a numbering ("the third edition",
    "second-hand") rather than an adverb or a unit ("first, ...", "one second")?
    Only after an article or a determiner, or before a hyphen (the "third"
    of "third party" is no count at all: :func:`_third_party`)."""
    before = tokens[i - 1].lower() if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in _ORDINAL_DETERMINERS or after == "-"


def _third_party(tokens: Sequence[str], i: int) -> bool:
    """Is the ordinal at ``tokens[i]`` the *third* of *third party* (or *3rd
    party*, *third-party*, *third parties*): an outsider, no count?"""
    if tokens[i].lower() not in _THIRD:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    following = tokens[i + 2] if after == "-" and i + 2 < len(tokens) else after
    return following.lower() in _PARTY


_THIRD = _word_set("third 3rd")
_PARTY = _word_set("party parties")


_ORDINAL_DETERMINERS = _word_set("the a an its their his her our your this that each every")


def _followed_by_unit(tokens: Sequence[str], j: int) -> bool:
    while j < len(tokens) and tokens[j].lower() in _UNIT_QUALIFIERS:
        j += 1
    return j < len(tokens) and tokens[j].lower() in _UNITS


# --------------------------------------------------------------------------
# Named entities: a heuristic, documented in the module docstring.
# --------------------------------------------------------------------------

_STOPWORDS = _word_set(
    "a about above after again against all also an and any are as at be because been before being below "
    "between both but by did do does doing down during each either every few for from further had has "
    "have having he her here hers herself him himself his how i if in into is it its itself just me more "
    "most my myself no nor not of off on once only or other our ours ourselves out over own same she so "
    "some such than that the their theirs them themselves then there these they this those through to too "
    "under until up upon very was we were what when where which while who whom why with within without "
    "you your yours yourself yourselves where whereas whether thereof therein hereby herein such shall "
    "may must will should can could might would per via its our us"
)
_CONNECTORS = _word_set("of for the de du la le von van der del di on")


_INITIALS_RE = re.compile(r"\b([A-Z])\. (?=[A-Z]\.)")
# Acronyms of formats and techniques: common nouns written in capitals ("(PDF)" added is no name).
_COMMON_ACRONYMS = _word_set("pdf html xml json csv url uri api faq pin sms usb http https ssl tls dns sdk cpu gps")
# Answers and labels of examples ("Yes: if greeting:", "OK", "Note") and the constants of
# code ("if x == True:"), capitalized wherever they stand.
_LABEL_WORDS = _word_set("yes ok okay note example examples true false none null")
_NOT_NAMES = (
    _MONTH_SET | frozenset(_CURRENCY_CODES) | _STOPWORDS | _MODALS | _NEGATIONS | _COMMON_ACRONYMS | _LABEL_WORDS
)


def _capitalized(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _entities(
    tokens: Sequence[str], defined: frozenset[str] = frozenset(), common: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Named-entity candidates: folded form -> form as written.  A run made
    only of defined terms' words ("Original Work", "Licensee"), or only of
    words the document also writes in small letters ("Users", "Privacy
    Concerns": common nouns given a capital), is no name."""
    content = [t for t in tokens if t[:1].isalpha() and t.lower() not in _STOPWORDS and t.lower() not in _CONNECTORS]
    if len(content) >= 2 and all(_capitalized(w) for w in content) and not any(t in _SENTENCE_END for t in tokens):
        return {}  # a title-case heading (no sentence punctuation): every word looks like a name
    shouted = [t for t in tokens if len(t) >= 2 and t.isalpha()]
    if len(shouted) >= 4 and sum(t.isupper() for t in shouted) >= 0.6 * len(shouted):
        return {}  # all-capitals text (a disclaimer): its capitals say nothing of names
    found: dict[str, str] = {}
    run: list[str] = []
    run_starts_sentence = False
    sentence_start = True

    def close() -> None:
        nonlocal run
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        # The capital that opens a sentence says nothing: the first word of a run that opens
        # a sentence is dropped (unless an acronym or an inner capital: EU, GitHub), and the
        # rest is judged alone ("Members of the European Union" -> "European Union").
        if run_starts_sentence and run and not _strong(run[0]):
            run = run[1:]
        while run and run[0].lower() in _CONNECTORS:
            run.pop(0)
        # One capitalized word that is a month, a currency, a function word ("No", "When") or a
        # single letter ("U" of "U.S.") is no name.
        if defined and run and all(_stem(w).startswith(tuple(defined)) or w.lower() in _CONNECTORS for w in run):
            run = []  # the document's defined terms: flagged as such, not as names
        if common and run and all(w.casefold() in common and not _strong(w) for w in run):
            run = []
        if len(run) == 1 and run[0].isupper() and len(run[0]) > _LONGEST_ACRONYM:
            run = []  # a word in capitals ("AUTOTITLE", "IMPORTANT"), too long for an acronym
        if run and not (len(run) == 1 and (run[0].lower() in _NOT_NAMES or len(run[0]) < 2)):
            name = _INITIALS_RE.sub(r"\1.", " ".join(run))
            found.setdefault(name.casefold(), name)
        run = []

    for token in tokens:
        if token == "." and run and len(run[-1]) == 1 and run[-1].isupper():
            run[-1] += "."  # an initial ("U.S."), not the end of a sentence
            continue
        if token[:1].isalpha() and (_capitalized(token) or (run and token.lower() in _CONNECTORS)):
            if not run:
                run_starts_sentence = sentence_start
            if token != "I":
                run.append(token)
            sentence_start = False
            continue
        close()
        if token in _SENTENCE_END or token in "\"'«“(":
            sentence_start = sentence_start or token in _SENTENCE_END
        else:
            sentence_start = False
    close()
    return found


# An acronym has at most this many letters ("UNESCO"); a longer word in capitals is shouted.
_LONGEST_ACRONYM = 7


def _initials(tokens: Sequence[str]) -> set[str]:
    """The initials of every stretch of two or more capitalized words ("This
    Eclipse Public License" -> "TEPL", "EPL", "PL", ...; connectors skipped)."""
    out: set[str] = set()
    run: list[str] = []
    for token in [*tokens, ""]:
        if token[:1].isalpha() and (_capitalized(token) or (run and token.lower() in _CONNECTORS)):
            if token.lower() not in _CONNECTORS:
                run.append(token[0].upper())
            continue
        out.update("".join(run[a:b]) for a in range(len(run)) for b in range(a + 2, len(run) + 1))
        run = []
    return out


def _strong(word: str) -> bool:
    """An acronym (EU, NATO) or a word with an inner capital (GitHub)."""
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or any(c.isupper() for c in word[1:])


# --------------------------------------------------------------------------
# The verdict.
# --------------------------------------------------------------------------


def _counter_finding(flag: Flag, old: Counter[str], new: Counter[str]) -> Finding | None:
    removed, added = old - new, new - old
    if not removed and not added:
        return None
    return Finding(flag, tuple(sorted(removed.elements())), tuple(sorted(added.elements())))


def _findings(
    old: str,
    new: str,
    *,
    entities: bool = True,
    negations: bool = True,
    defined: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> tuple[Finding, ...]:
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    old_modals, old_negations = _obligations(old_tokens)
    new_modals, new_negations = _obligations(new_tokens)
    findings = [
        _counter_finding(Flag.MODAL, old_modals, new_modals),
        _counter_finding(Flag.NEGATION, old_negations, new_negations) if negations else None,
    ]
    old_facts, new_facts = _facts(old_tokens), _facts(new_tokens)
    for flag in (Flag.NUMBER, Flag.DATE, Flag.AMOUNT):
        old_keys = Counter(f.key for f in old_facts if f.flag is flag)
        new_keys = Counter(f.key for f in new_facts if f.flag is flag)
        removed, added = old_keys - new_keys, new_keys - old_keys
        if flag is Flag.NUMBER:  # "3rd party" -> "third party": an ordinal written out, not another number
            removed -= _bare_ordinals(new_tokens)
            added -= _bare_ordinals(old_tokens)
        if removed or added:
            shown_old = {f.key: f.shown for f in old_facts}
            shown_new = {f.key: f.shown for f in new_facts}
            findings.append(
                Finding(
                    flag,
                    tuple(shown_old[k] for k in sorted(removed.elements(), key=_fact_order)),
                    tuple(shown_new[k] for k in sorted(added.elements(), key=_fact_order)),
                )
            )
    if not entities:
        return tuple(f for f in findings if f is not None)
    if defined:
        findings.append(_defined_term_finding(old_tokens, new_tokens, defined))
    old_entities, new_entities = _entities(old_tokens, defined, common), _entities(new_tokens, defined, common)
    # A name is added or removed when a word of the names is: the same names cut or written
    # otherwise ("GitHub Inc." -> "GitHub, Inc.", "GNU GPL" beside "GNU General Public
    # License" -> "GPL") change no word of them.
    # A name's words already written with a capital on the other side (at a sentence's start,
    # say) are no name added or removed.
    old_words = _name_words(old_entities) | {t.casefold() for t in old_tokens if _capitalized(t)}
    new_words = _name_words(new_entities) | {t.casefold() for t in new_tokens if _capitalized(t)}
    # An acronym of a name either side writes out ("Eclipse Public License" -> "... (EPL)") is that name.
    # ... and so is a name written out whose acronym the other side uses ("... Licence" -> "EUPL").
    gone = [k for k in old_entities.keys() - new_entities.keys() if _name_words([k]) - new_words]
    came = [k for k in new_entities.keys() - old_entities.keys() if _name_words([k]) - old_words]
    if gone or came:  # (the initials are spelled out only when some name is in question)
        spelled = _initials(old_tokens) | _initials(new_tokens)
        acronyms = {t for t in [*old_tokens, *new_tokens] if t.isupper() and t.isalpha() and len(t) >= 2}

        def same_name(name: str) -> bool:
            return name in spelled or bool(_initials(name.split()) & acronyms)

        gone = sorted(k for k in gone if not same_name(old_entities[k]))
        came = sorted(k for k in came if not same_name(new_entities[k]))
    if gone or came:
        findings.append(
            Finding(Flag.ENTITY, tuple(old_entities[k] for k in gone), tuple(new_entities[k] for k in came))
        )
    return tuple(sorted((f for f in findings if f is not None), key=lambda f: list(Flag).index(f.flag)))


def _name_words(names: Iterable[str]) -> set[str]:
    """The words (two letters or more) of the names."""
    return {word.strip(".,") for name in names for word in name.split() if len(word.strip(".,")) >= 2}


def _defined_uses(tokens: Sequence[str], defined: frozenset[str]) -> Counter[str]:
    """The capitalized words that are forms of a defined term, by stem."""
    uses: Counter[str] = Counter()
    for token in tokens:
        if _capitalized(token) and len(token) >= 4:
            stem = _stem(token)
            if any(stem.startswith(d) for d in defined):
                uses[stem] += 1
    return uses


def _defined_term_finding(old: Sequence[str], new: Sequence[str], defined: frozenset[str]) -> Finding | None:
    """A defined term used more or less often ("the Original Work" -> "the Work")."""
    old_uses, new_uses = _defined_uses(old, defined), _defined_uses(new, defined)
    if old_uses == new_uses:
        return None
    removed = [t for t in old if _capitalized(t) and _stem(t) in (old_uses - new_uses)]
    added = [t for t in new if _capitalized(t) and _stem(t) in (new_uses - old_uses)]
    return Finding(Flag.DEFINED_TERM, tuple(dict.fromkeys(removed)), tuple(dict.fromkeys(added)))


def _fact_order(key: str) -> tuple[float, str]:
    head = key.split(" ")[0].lstrip("$€£¥₽₹")
    try:
        return (float(head), key)
    except ValueError:
        return (math.inf, key)


def assess_texts(
    old: str,
    new: str,
    *,
    heading: bool = False,
    defined: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> Assessment:
    """Assess the difference between two texts (see the module docstring).

    Clause breaks (``"\\n"``, as in the joined texts of a split or merge) count
    as white space.  ``heading``: the texts are headings (a heading's capitals
    and its "No" say nothing of names or negation: no entity or negation
    finding).  ``defined``: the stems of the terms the document defines (see
    :func:`defined_terms`); a change of case of one of them is substantive.
    ``common``: the words the document writes in small letters (see
    :func:`common_words`); capitalized, they are no name.

    >>> assess_texts("Fees: 1,000 euros.", "Fees: 1000 euros.").describe()
    'cosmetic: punctuation'
    >>> assess_texts("Fees: 1.5 euros.", "Fees: 15 euros.").describe()
    'substantive: amount (1.5 euros → 15 euros)'
    >>> assess_texts("The Council decides.", "The Commission decides.").describe()
    'substantive: entity (Council → Commission)'
    >>> defined = defined_terms(["'Distribution': any act of selling or giving copies."])
    >>> assess_texts("Anyone who distributes it", "Anyone who Distributes it", defined=defined).describe()
    'substantive: defined_term (distributes → Distributes)'
    """
    old_flat, new_flat = old.replace("\n", " "), new.replace("\n", " ")
    if _SPACE_RE.sub(" ", old_flat).strip() == _SPACE_RE.sub(" ", new_flat).strip():
        return Assessment(Significance.NONE)
    old_part, new_part = _trim_common(old_flat, new_flat)
    # A text against nothing (an added or removed clause) is never cosmetic.
    reasons = _cosmetic_reasons(old_part, new_part) if old_flat.strip() and new_flat.strip() else None
    findings = _findings(
        old_flat, new_flat, entities=not heading, negations=not heading, defined=defined, common=common
    )
    recased = _recased_terms(old_part, new_part, defined) if defined and reasons and Cosmetic.CASE in reasons else None
    if recased is not None:  # the capital is the defined term's, not a name's
        names = set(recased.removed) | set(recased.added)

        def recased_only(finding: Finding) -> bool:
            """A name that is one only by the recased term ("Distribute the Work")."""
            return all(names & set(_WORD_TOKEN_RE.findall(item)) for item in (*finding.removed, *finding.added))

        kept = tuple(
            f
            for f in findings
            if f.flag is not Flag.DEFINED_TERM and (f.flag is not Flag.ENTITY or not recased_only(f))
        )
        return Assessment(Significance.SUBSTANTIVE, findings=(*kept, recased))
    if reasons is not None and Cosmetic.CASE in reasons and _recased_code_names(old_flat, new_flat):
        # "import MyClass" -> "import myclass": a name's case changed, no name came or went.
        return Assessment(Significance.SUBSTANTIVE, findings=tuple(f for f in findings if f.flag is not Flag.ENTITY))
    # Folds may not hide a changed modal, negation or number ("1.5" -> "15").  The guard
    # reads both texts case-folded: a changed capital may change what looks like a name
    # or a month ("may 30" -> "MAY 30"), and that stays cosmetic.
    if reasons is not None and not _findings(old_flat.casefold(), new_flat.casefold(), entities=False):
        return Assessment(Significance.COSMETIC, cosmetic=reasons)
    return Assessment(Significance.SUBSTANTIVE, findings=findings)


# A term a document defines (normalized text: quotes folded): quoted capitalized
# terms before "means", "shall mean", "refers to", "is defined as", "has the
# meaning" or a colon ("'The Licensee' or 'You': any person ..."), or a quoted
# term in parentheses ("(the 'Licensor')", "(collectively, the 'Services')").
_TERM = r"['\"]([A-Z][\w-]*(?:\(s\))?(?: [\w-]+(?:\(s\))?){0,4})['\"]"
_DEFINITION_RE = re.compile(
    rf"{_TERM}(?:\s*(?:,|or|and)\s*{_TERM}){{0,3}}\s*(?:means|shall mean|refers? to|is defined as|has the meaning|:)"
    rf"|\((?:the |hereinafter |collectively,? (?:the )?)?{_TERM}\)"
)
_QUOTED_TERM_RE = re.compile(_TERM)
# ... or, opening a clause, capitalized words (one to four, "or the" joining two
# names of one thing) and a colon before a definition in small letters: "The
# Original Work or the Software: the software distributed ..." ("Note: This
# ..." defines nothing).
_NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}"
_UNQUOTED_DEFINITION_RE = re.compile(rf"(?:(?:The|A|An) )?({_NAME})(?: or (?:the )?['\"]?({_NAME})['\"]?)?: (?=[a-z])")
_SUFFIXES = ("ions", "ion", "ing", "ed", "es", "s", "e")
_LEADING = _word_set("the this that these a an such")
# A text defines terms without quotation marks only in a list of at least this
# many (at most one other clause between two).
_UNQUOTED_TERMS = 3


def _term_stems(terms: Iterable[str]) -> set[str]:
    """The stems of the terms' words of four letters or more (a leading "The" left out)."""
    return {
        _stem(word)
        for term in terms
        for word in term.split()
        if len(word) >= 4 and word.casefold() not in _LEADING and word.casefold() not in _STOPWORDS
    }


def _stem(word: str) -> str:
    word = word.casefold().removesuffix("(s)")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def common_words(*texts: Iterable[str]) -> frozenset[str]:
    """The words (three letters or more) the texts write in small letters, as
    words, at least twice: common nouns, even where a capital dresses them up
    ("Users", "Privacy Concerns"), not names.  Once is not enough: a name is
    sometimes written small ("the python command").

    >>> sorted(common_words(["Our users may write.", "The users of GitHub may ask.", "guido@python.org"]))
    ['may', 'users']
    """
    counts: Counter[str] = Counter()
    for group in texts:
        for text in group:
            counts.update(_LOWER_WORD_RE.findall(text))
    return frozenset(w for w, n in counts.items() if n >= _COMMON_AT_LEAST)


_COMMON_AT_LEAST = 2
# A word in small letters standing as a word: not a piece of an address, a file
# name, an identifier or code ("guido@python.org", "bool.py", "do_blah").
_LOWER_WORD_RE = re.compile(r"(?<![\w'’@./_-])[a-z][a-z'’-]{2,}(?![\w'’@_(-]|\.\w)")


def defined_terms(*texts: Iterable[str]) -> frozenset[str]:
    """The stems of the words of the terms the texts define (four letters or
    more; a leading "The" left out): ``'Distribution'`` -> ``distribut``.
    Each argument is one text's clauses: quoted terms anywhere, and unquoted
    ones in a list of three definitions or more ("The Original Work or the
    Software: the software ...", at most one other clause between two).

    >>> sorted(defined_terms(["'The Licensee' or 'You': any person.", "The Work (the 'Program') is ..."]))
    ['license', 'program']
    """
    stems: set[str] = set()
    for group in texts:
        runs: list[list[set[str]]] = [[]]  # runs of unquoted definitions, each a list of their terms
        since = 0  # clauses since the last run's last definition
        for text in group:
            terms = [term for match in _DEFINITION_RE.finditer(text) for term in _QUOTED_TERM_RE.findall(match.group())]
            stems.update(_term_stems(terms))
            opening = _UNQUOTED_DEFINITION_RE.match(text)
            named = _term_stems(term for term in opening.groups() if term) if opening else set()
            if named:  # ("No:", "Yes:" name no term: words of four letters or more do)
                if since > 1:
                    runs.append([])
                runs[-1].append(named)
                since = 0
            else:
                since += 1
        for run in runs:
            if len(run) >= _UNQUOTED_TERMS:  # a list of definitions, not a "Note:" here and there
                stems.update(*run)
    return frozenset(stems)


_WORD_TOKEN_RE = re.compile(r"[^\W\d_]+")


def _recased_terms(old: str, new: str, defined: frozenset[str]) -> Finding | None:
    """A word whose case changed and that is a defined term's form."""
    old_words, new_words = _WORD_TOKEN_RE.findall(old), _WORD_TOKEN_RE.findall(new)
    if len(old_words) != len(new_words):
        return None
    removed, added = [], []
    for a, b in zip(old_words, new_words, strict=True):
        if a != b and a.casefold() == b.casefold() and any(_stem(a).startswith(stem) for stem in defined):
            removed.append(a)
            added.append(b)
    return Finding(Flag.DEFINED_TERM, tuple(removed), tuple(added)) if removed else None


# Names in code, whose case is part of the name: dotted names ("foo.bar.YourClass",
# parts of two characters or more, so not "e.g." or "U.S."), and the names an
# import statement brings in ("from myclass import MyClass").
_CODE_NAME_RE = re.compile(
    r"[A-Za-z_]\w+(?:\.[A-Za-z_]\w+)+|(?<=\bimport )[A-Za-z_]\w*|(?<=\bfrom )[A-Za-z_]\w*(?= import\b)"
)


def _recased_code_names(old: str, new: str) -> bool:
    """Did a name in code change its case (:data:`_CODE_NAME_RE`)?

    >>> _recased_code_names("from MyClass import MyClass", "from myclass import MyClass")
    True
    >>> _recased_code_names("See the Internet, e.g. here.", "See the internet, E.g. here.")
    False
    """
    old_names, new_names = Counter(_CODE_NAME_RE.findall(old)), Counter(_CODE_NAME_RE.findall(new))
    if old_names == new_names:
        return False
    folded = Counter(name.casefold() for name in old_names.elements())
    return bool(folded & Counter(name.casefold() for name in new_names.elements()))


@attrs.frozen
class _Context:
    """What assessing a change of a comparison needs beyond its text."""

    comparison: Comparison
    defined: frozenset[str]
    common: frozenset[str]


_CONTEXTS: list[tuple[weakref.ref[Comparison], _Context]] = []  # the last few comparisons' contexts


def _context(comparison: Comparison) -> _Context:
    for ref, context in _CONTEXTS:
        if ref() is comparison:
            return context
    old_texts = [c.normalized for c in comparison.old.clauses]
    new_texts = [c.normalized for c in comparison.new.clauses]
    context = _Context(comparison, defined_terms(old_texts, new_texts), common_words(old_texts, new_texts))
    _CONTEXTS[:] = [*_CONTEXTS[-7:], (weakref.ref(comparison), context)]
    return context


def _is_heading(change: Change, comparison: Comparison) -> bool:
    clauses = [comparison.old.clauses[i] for i in change.old] + [comparison.new.clauses[j] for j in change.new]
    return bool(clauses) and all(clause.kind is ClauseKind.HEADING for clause in clauses)


def assess(change: Change, comparison: Comparison | None = None) -> Assessment:
    """Assess one change from its word edits (added and removed clauses are
    substantive, compared with an empty text).  With the ``comparison`` it
    belongs to, headings are known as headings (no entity or negation
    finding from a heading's words) and the terms the editions define are
    known (a change of a defined term's case is substantive).

    >>> import conceptdiff
    >>> result = conceptdiff.compare("The fee is 30 euros.", "The fee is 60 euros.")
    >>> assess(result.changes[0], result).describe()
    'substantive: amount (30 euros → 60 euros)'
    """
    if not change.edits:
        return Assessment(Significance.NONE)
    if comparison is None:
        return assess_texts(change.old_text, change.new_text)
    context = _context(comparison)
    return assess_texts(
        change.old_text,
        change.new_text,
        heading=_is_heading(change, comparison),
        defined=context.defined,
        common=context.common,
    )


def assess_all(comparison: Comparison) -> tuple[Assessment, ...]:
    """:func:`assess` of every change, in the order of ``comparison.changes``."""
    return tuple(assess(change, comparison) for change in comparison.changes)


# --------------------------------------------------------------------------
# The kinds of difference a change shows, and relaxing "a change" by them.
# --------------------------------------------------------------------------


class Difference(enum.Flag):
    """The kinds of difference between two editions, for relaxing what counts
    as a change (``allow=`` of :mod:`conceptdiff.testing`, ``--ignore`` on
    the command line).

    A change is a change when :attr:`Change.is_change` says so: any textual
    difference at all, curly against straight quotes included.  Its kinds of
    difference (:func:`differences`) say what a caller may choose to ignore.
    Combine them with ``|``, or name them (:func:`parse_differences`)::

        allow=Difference.COSMETIC | Difference.RENUMBERING

    >>> Difference.COSMETIC in Difference.COSMETIC | Difference.MOVE
    True
    >>> parse_differences("cosmetic,renumbering") == Difference.COSMETIC | Difference.RENUMBERING
    True
    """

    NONE = 0
    #: The text changed, but only cosmetically (white space, quotes, case,
    #: punctuation, spelling variants: :attr:`Significance.COSMETIC`).
    COSMETIC = enum.auto()
    #: The text changed in its words.  Ignoring REWORDING ignores COSMETIC too.
    REWORDING = enum.auto()
    #: A clause's number label changed (``3.`` became ``4.``); see ``Change.relabeled``.
    RENUMBERING = enum.auto()
    #: A clause moved out of order (``ChangeKind.MOVED``).
    MOVE = enum.auto()
    #: A link's target changed, its text did not (``Change.relinked``).
    LINKS = enum.auto()
    #: One clause became several consecutive clauses (``ChangeKind.SPLIT``).
    SPLIT = enum.auto()
    #: Several consecutive clauses became one (``ChangeKind.MERGED``).
    MERGE = enum.auto()
    #: A clause only in the new edition (``ChangeKind.ADDED``).
    ADDITION = enum.auto()
    #: A clause only in the old edition (``ChangeKind.REMOVED``).
    REMOVAL = enum.auto()
    #: A difference in what the editions set aside (``Comparison.set_aside``).
    SET_ASIDE = enum.auto()


# In the order reports list them: what happened to the clause, then to its text and label.
_DIFFERENCE_ORDER = (
    Difference.ADDITION,
    Difference.REMOVAL,
    Difference.MOVE,
    Difference.SPLIT,
    Difference.MERGE,
    Difference.REWORDING,
    Difference.COSMETIC,
    Difference.RENUMBERING,
    Difference.LINKS,
    Difference.SET_ASIDE,
)
_DIFFERENCE_BY_NAME = {str(member.name).lower().replace("_", "-"): member for member in _DIFFERENCE_ORDER}
_KIND_DIFFERENCE = {
    ChangeKind.MOVED: Difference.MOVE,
    ChangeKind.SPLIT: Difference.SPLIT,
    ChangeKind.MERGED: Difference.MERGE,
    ChangeKind.ADDED: Difference.ADDITION,
    ChangeKind.REMOVED: Difference.REMOVAL,
}


def difference_names(found: Difference) -> tuple[str, ...]:
    """The names of the kinds in ``found``, in report order.

    >>> difference_names(Difference.RENUMBERING | Difference.MOVE)
    ('move', 'renumbering')
    """
    return tuple(name for name, member in _DIFFERENCE_BY_NAME.items() if member in found)


def parse_differences(value: Difference | str | Iterable[Difference | str]) -> Difference:
    """Read kinds of difference: a :class:`Difference`, a name, names joined
    with commas (``"cosmetic,renumbering"``), or an iterable of either.

    Names are the members' in lower case, ``-`` or ``_`` between words
    (``"set-aside"``); anything else raises :class:`~conceptdiff.InvalidOptionsError`.
    """
    items: Iterable[Difference | str] = (value,) if isinstance(value, (Difference, str)) else value
    result = Difference.NONE
    try:
        iterator = iter(items)
    except TypeError:
        raise InvalidOptionsError("allow", value, "must be a Difference, a name, or a set of them") from None
    for item in iterator:
        if isinstance(item, Difference):
            result |= item
            continue
        if not isinstance(item, str):
            raise InvalidOptionsError("allow", item, f"must be a Difference or one of {', '.join(_DIFFERENCE_BY_NAME)}")
        for name in item.split(","):
            key = name.strip().lower().replace("_", "-")
            if key not in _DIFFERENCE_BY_NAME:
                raise InvalidOptionsError("allow", name, f"must be one of {', '.join(_DIFFERENCE_BY_NAME)}")
            result |= _DIFFERENCE_BY_NAME[key]
    return result


def _structural(change: Change) -> Difference:
    """The kinds of difference a change shows apart from its text: its kind, label and links."""
    found = _KIND_DIFFERENCE.get(change.kind, Difference.NONE)
    if change.relabeled:
        found |= Difference.RENUMBERING
    if change.relinked:
        found |= Difference.LINKS
    return found


def differences(change: Change, comparison: Comparison | None = None) -> Difference:
    """The kinds of difference one change shows (NONE exactly when it is no
    change, :attr:`Change.is_change`).

    A change's text difference is COSMETIC or REWORDING as :func:`assess`
    classes it (a split or merge counts as a REWORDING only when its words
    changed, not when only the cut was re-punctuated).

    >>> import conceptdiff
    >>> result = conceptdiff.compare(["1. Fees are due.", "2. Members vote."], ["1. Members vote!", "2. Fees are due."])
    >>> [difference_names(differences(c)) for c in result.changes]
    [('move', 'cosmetic', 'renumbering'), ('renumbering',)]
    """
    found = _structural(change)
    if change.old and change.new and change.is_change and any(e.op is not EditOp.EQUAL for e in change.edits):
        old_text, new_text = change.old_text, change.new_text
        if change.kind in (ChangeKind.SPLIT, ChangeKind.MERGED):
            if words(old_text) != words(new_text):
                found |= Difference.REWORDING
        elif assess(change, comparison).significance is Significance.SUBSTANTIVE:
            found |= Difference.REWORDING
        else:  # cosmetic, or only white space (a clause break moved): still a textual difference
            found |= Difference.COSMETIC
    return found


def _ignored(ignore: Difference) -> Difference:
    return ignore | Difference.COSMETIC if Difference.REWORDING in ignore else ignore


def is_change(
    change: Change,
    *,
    ignore: Difference | str | Iterable[Difference | str] = Difference.NONE,
    comparison: Comparison | None = None,
) -> bool:
    """:attr:`Change.is_change`, relaxed: whether ``change`` shows a kind of
    difference not in ``ignore`` (ignoring REWORDING ignores COSMETIC too).

    >>> import conceptdiff
    >>> change = conceptdiff.compare(["The “Work”."], ["The 'Work'."]).changes[0]
    >>> change.is_change, is_change(change, ignore="cosmetic")
    (True, False)
    """
    if not change.is_change:
        return False
    relaxed = _ignored(parse_differences(ignore))
    if not relaxed:
        return True
    # What needs no assessment of the text first: the kind, the label, the links.
    if _structural(change) & ~relaxed:
        return True
    if Difference.COSMETIC not in relaxed and any(edit.op is not EditOp.EQUAL for edit in change.edits):
        return True  # a textual edit of either sort counts: no need to tell which
    return bool(differences(change, comparison) & ~relaxed)


def has_changes(
    comparison: Comparison, *, ignore: Difference | str | Iterable[Difference | str] = Difference.NONE
) -> bool:
    """:attr:`Comparison.has_changes`, relaxed: whether some change shows a
    kind of difference not in ``ignore``, or the set-aside text differs
    (unless ``ignore`` holds ``SET_ASIDE``).  The command line's exit status
    with ``--ignore``.

    >>> import conceptdiff
    >>> result = conceptdiff.compare(["(a) Scope.", "(b) Fees."], ["(b) Scope.", "(c) Fees."])
    >>> result.has_changes, has_changes(result, ignore="renumbering")
    (True, False)
    """
    relaxed = _ignored(parse_differences(ignore))
    if comparison.set_aside and Difference.SET_ASIDE not in relaxed:
        return True
    return any(is_change(change, ignore=relaxed, comparison=comparison) for change in comparison.changes)


# --------------------------------------------------------------------------
# Terms whose use shifted.
# --------------------------------------------------------------------------

_TERM_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@attrs.frozen
class TermShift:
    """A term counted in both editions; ``score`` is its log-likelihood (G²)
    keyness: larger when the shift is both large and unlikely by chance given
    the editions' sizes."""

    term: str
    old_count: int
    new_count: int
    score: float


def _term_counts(texts: Iterable[str]) -> Counter[str]:
    # One pass over the texts joined by line breaks: no term spans one, and
    # NFKC leaves one and what is around it as they are (it neither composes
    # with nor reorders across a line feed), so this counts text by text.
    # Words are counted as written first (at C speed), then folded.
    written = Counter(_TERM_RE.findall(unicodedata.normalize("NFKC", "\n".join(texts))))
    counts: Counter[str] = Counter()
    for word, count in written.items():
        term = word.casefold().replace("’", "'")
        if len(term) >= 3 and (term not in _STOPWORDS or term in _MODALS):
            counts[term] += count
    return counts


def term_shifts(comparison: Comparison, *, limit: int = 10, min_change: int = 2) -> tuple[TermShift, ...]:
    """The terms whose use shifted most between the editions, most first.

    Terms are case-folded words of three letters or more, common function
    words left out (modal verbs kept: ``shall`` going from 2 to 11 is news).
    A term is listed when its count changed by at least ``min_change``; the
    order is by keyness, then by term.

    >>> import conceptdiff
    >>> old = "Members may vote. Members may speak. The chair may close."
    >>> new = "Members shall vote. Members shall speak. The chair shall close."
    >>> [(t.term, t.old_count, t.new_count) for t in term_shifts(conceptdiff.compare(old, new))]
    [('may', 3, 0), ('shall', 0, 3)]
    """
    old = _term_counts(c.text for c in comparison.old.clauses)
    new = _term_counts(c.text for c in comparison.new.clauses)
    old_total, new_total = sum(old.values()), sum(new.values())
    if not old_total or not new_total:
        return ()
    shifts = []
    for term in sorted(old.keys() | new.keys()):
        a, b = old.get(term, 0), new.get(term, 0)
        if abs(a - b) < min_change:
            continue
        expected_a = (a + b) * old_total / (old_total + new_total)
        expected_b = (a + b) * new_total / (old_total + new_total)
        score = 2 * ((a * math.log(a / expected_a) if a else 0.0) + (b * math.log(b / expected_b) if b else 0.0))
        shifts.append(TermShift(term, a, b, round(score, 6)))
    shifts.sort(key=lambda s: (-s.score, s.term))
    return tuple(shifts[: max(limit, 0)])
