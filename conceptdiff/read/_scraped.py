"""Rules for text scraped from web pages, and for telling a heading from a sentence.

Used by the plain-text reader and the segmenter (for every format): sentence
ends that are not abbreviations, headings glued to the end or the start of a
paragraph, what a heading looks like, a text's topic words, and the marks of
a stray line, a signatory, a signature and a widget.  Every rule is a pure
function; every regular expression is anchored or made of bounded runs (a
repeated group is a bounded count of words, each word and the separator
before it of disjoint characters), so that no input makes one backtrack more
than linearly.

The rules that tell a line of a page's furniture (``is_boilerplate``) are in
:mod:`conceptdiff.read._boilerplate`, imported only when plain text or HTML is
read: compiling their patterns is most of the import time of these rules.

>>> ends_sentence("It was approved by the U.S."), ends_sentence("It was approved.")
(False, True)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence, Set

from conceptdiff.read._paged import _TERMINAL_RE

__all__ = [
    "ABBREVIATIONS",
    "FUNCTION_WORDS",
    "ends_sentence",
    "glued_heading_at_end",
    "glued_heading_at_start",
    "glued_sentence_case_heading",
    "looks_like_heading",
    "signatory",
    "signature",
    "stem_counts",
    "stray_line",
    "topic_words",
    "widget_marks",
]


def looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation, in title case or capitals.

    >>> looks_like_heading("Champion Aspirations for Human Dignity"), looks_like_heading("We will act now")
    (True, False)
    """
    words = line.split()
    if not words or len(words) > 16 or len(line) > 120 or _HEADING_END_RE.search(line) or line.endswith(","):
        return False
    if _INNER_SENTENCE_END_RE.search(line):
        return False  # "... the United Kingdom. And they continue to seek": two sentences, no title
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘«("):
        return False
    content = [bare for w in words if (bare := w.lstrip("\"'“‘«(")) and bare.casefold() not in FUNCTION_WORDS]
    capitals = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return capitals >= 0.6 * max(1, len(content))


_INNER_SENTENCE_END_RE = re.compile(r"[a-z]{2}[.!?][\"'”’]?[ \t]+[A-Z]")
_HEADING_END_RE = re.compile(r"[.!?:;][\"'”’»)\]*_]*$")


def _words(text: str) -> frozenset[str]:
    """The words of ``text`` (a list of words written as one string), as a set."""
    return frozenset(text.split())


# -- headings glued to paragraphs -----------------------------------------------

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "under",
        "with",
        "within",
        "without",
        "its",
        "their",
        "our",
        "your",
        "between",
        "against",
        "about",
        "among",
        "upon",
        "via",
        "vs",
        "versus",
        "per",
        "since",
        "than",
        "through",
        "during",
        "after",
        "before",
        "toward",
        "towards",
        "beyond",
        "across",
    ]
)
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "this",
        "these",
        "that",
        "those",
        "it",
        "its",
        "we",
        "our",
        "as",
        "for",
        "to",
        "with",
        "by",
        "at",
        "from",
        "when",
        "while",
        "if",
        "although",
        "since",
        "each",
        "every",
        "all",
        "any",
        "such",
        "there",
        "here",
        "both",
        "under",
        "over",
        "after",
        "before",
        "during",
        "through",
        "however",
        "moreover",
        "furthermore",
        "thus",
        "therefore",
    ]
)
_DETERMINERS = frozenset("each every any all no the this these that those a an such some".split())
_TITLE_LOWER = frozenset("the a an in on for to with by at from as of and or but".split())
_WORD_SPLIT_RE = re.compile(r"\S+")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’»)\]]*(?=\s)")
_WORD_CHARS_RE = re.compile(r"^[\"'“‘(]*(?P<word>[\w’'-]+?)[\"'”’),]*$")


def _bare(token: str) -> str | None:
    match = _WORD_CHARS_RE.match(token)
    return match.group("word") if match else None


def _is_title_case(words: Sequence[str]) -> bool:
    content = [w for w in words if w.casefold() not in FUNCTION_WORDS]
    if len(content) < 1:
        return False
    capitalized = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return capitalized >= 0.75 * len(content) and words[0][:1].isupper()


#: Words a full stop follows without ending a sentence ("Inc.", "e.g.").
ABBREVIATIONS = frozenset("mr mrs ms dr prof vs etc st jr sr inc ltd co corp eg ie cf".split())
# Abbreviations only before a number ("Art. 5", "No. 12"): "the state of the art." ends a sentence.
_NUMBERABBREVIATIONS = frozenset("no nos art arts sec para paras fig p pp vol".split())


def ends_sentence(text: str, end: int | None = None) -> bool:
    """Does the full stop (or ?/!) just before ``end`` close a sentence, not an abbreviation?"""
    stop = len(text) if end is None else end
    # A bounded window: the word before the stop is all that matters (and copying
    # the whole prefix for every full stop of a long paragraph would be quadratic).
    head = text[max(0, stop - 80) : stop].rstrip("\"'”’»)]").rstrip(".!?")
    word = head.rsplit(None, 1)[-1] if head.split() else ""
    word = word.lstrip("\"'“‘«([")
    if not word or (len(word) == 1 and word.isalpha()):
        return False  # initials
    if "." in word and all(len(part) <= 3 and part.isalpha() for part in word.split(".")):
        return False  # U.S., e.g., Ph.D.: a name with a dot inside ("sys.path", "pythonX.Y") ends one
    if "." in word and not any(char.isalpha() for char in word):
        return False  # "3.5.": a section's number, an address's digits
    if word.casefold() in _NUMBERABBREVIATIONS:
        return not text[stop : stop + 20].lstrip()[:1].isdigit()
    return word.casefold() not in ABBREVIATIONS


def glued_heading_at_end(text: str) -> int | None:
    """Where a heading glued to the end of a paragraph starts, or ``None``.

    The paragraph's last sentence must be complete; what follows it is a short
    run of words without closing punctuation: in title case, or in sentence
    case without commas (``... it here. Your choices regarding your data``).

    >>> text = 'Its attitude is determined by their policy." Foreign Policy-Related National Interests'
    >>> text[glued_heading_at_end(text):]
    'Foreign Policy-Related National Interests'
    >>> text = "You can learn more about it here. Your choices regarding your personal data"
    >>> text[glued_heading_at_end(text):]
    'Your choices regarding your personal data'
    >>> glued_heading_at_end("We will act. Today, that task") is None
    True
    >>> glued_heading_at_end("It was approved by the U.S. Government") is None
    True
    """
    # Only the tail matters: a glued heading has at most 15 words.
    window = max(0, len(text) - 300)
    ends = [m.end() + window for m in _SENTENCE_END_RE.finditer(text[window:]) if ends_sentence(text, m.end() + window)]
    if not ends:
        return None
    cut = ends[-1]
    tail = text[cut:].strip()
    if not tail or _TERMINAL_RE.search(tail) or tail.endswith(("-", "–", "—")) or not tail[0].isupper():
        return None
    tokens = tail.split()
    if not 1 <= len(tokens) <= 15 or len(text[:cut].split()) < 4:
        return None
    words = [_bare(t) for t in tokens]
    if any(w is None for w in words):
        return None
    clean = [w for w in words if w]
    if not clean or clean[-1].casefold() in FUNCTION_WORDS:
        return None
    if not _is_title_case(clean) and ("," in tail or len(tokens) > 10 or (len(tokens) == 1 and len(tail) < 4)):
        return None
    return cut + (len(text[cut:]) - len(text[cut:].lstrip()))


# How far into a paragraph a heading glued to its start is looked for (a
# heading is some twenty words at most; the sentence after it starts there).
_HEAD_CHARS = 200


def glued_heading_at_start(
    text: str, lowercase_words: Set[str], names: Container[str] | None = None, *, labelled: bool = False
) -> int | None:
    """Where the sentence after a heading glued to the start of a paragraph
    begins, or ``None``.

    ``lowercase_words`` are the words the document writes in lower case
    somewhere (so that ``Forces`` reads as a title-cased common word, and
    ``Russia``, never written in lower case, as a name); ``names`` are the
    capitalized words the document also uses after a lower-case word (so that
    ``Russia`` in "attack on Russia" is a name standing alone, while
    ``Council``, only ever seen in "Security Council", is not).  The heading is
    a run of title-case words ending with a common word or a number; the
    sentence starts with a capitalized function word (``The``, ``In`` ...) or
    with a name standing alone followed by a lower-case word.

    >>> vocabulary = {"on", "use", "of", "armed", "forces", "proceeds", "from", "the", "fact"}
    >>> text = "On Use of Armed Forces Russia proceeds from the fact that it can act."
    >>> text[glued_heading_at_start(text, vocabulary):]
    'Russia proceeds from the fact that it can act.'
    >>> glued_heading_at_start("The United States will act now.", {"united", "states"}) is None
    True
    """
    if not _TERMINAL_RE.search(text):
        return None
    head = text.split(None, 2)
    if len(head) < 3 or not (head[1][:1].isupper() or head[1][:1].isdigit() or head[1] in FUNCTION_WORDS):
        return None  # a heading is two title words or more ("On Use ..."); "It is ..." starts a sentence
    tokens = list(_WORD_SPLIT_RE.finditer(text[:_HEAD_CHARS]))
    words = [token.group(0) for token in tokens]
    repeated: int | None = None
    # The heading repeated as the subject of its first sentence: "East Asia East Asia is ...".
    for index in range(1, min(12, len(words) - 6)):
        run = 0
        while index + run < len(words) and run < index and words[index + run] == words[run]:
            run += 1
        after = words[index + run] if index + run < len(words) else ""
        if (
            run
            and words[0][:1].isupper()
            and after[:1].islower()
            and all(
                (w[:1].isupper() or w in FUNCTION_WORDS)
                and w.replace("-", "").replace("’", "").replace("'", "").isalnum()
                for w in words[:index]
            )
        ):
            repeated = tokens[index].start()
            break
    found = _sentence_after_heading(text, tokens, lowercase_words, names, labelled=labelled)
    candidates = [start for start in (repeated, found) if start is not None]
    return min(candidates) if candidates else None


# A sentence starts with one of these, never a heading in sentence case
# ("Data retention The Controller shall ..."); a phrase with one of the verbs is no heading.
_CAPITAL_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "Each",
        "Every",
        "Where",
        "When",
        "If",
        "Subject",
        "Without",
        "For",
        "In",
        "This",
        "These",
        "Such",
        "It",
        "We",
        "Our",
        "You",
        "Your",
        "Any",
        "All",
        "No",
        "Notwithstanding",
        "Unless",
        "Upon",
        "Under",
        "After",
        "Before",
    ]
)
# A sentence starting with one of these is a request, never a heading.
_IMPERATIVES = _words("Please See Note Read Visit Contact Click Refer Check Learn Find Go Use Ask Call Email Write")
# A phrase with one of these is a sentence, not a heading.
_VERBS = frozenset(
    "shall must may will should is are was were has have can could would does do that which who whom".split()
)


def glued_sentence_case_heading(text: str) -> int | None:
    """Where the sentence after a heading in sentence case starts, or ``None``.

    The heading is a short phrase without punctuation or verb; the sentence
    starts with a capitalized word that starts sentences, never headings.  Meant
    for a paragraph that is one line of a scraped page (where a heading and its
    paragraph lost the line break between them), not for wrapped text.

    >>> text = "Usage information If you use our Service, we collect information."
    >>> text[glued_sentence_case_heading(text):]
    'If you use our Service, we collect information.'
    >>> glued_sentence_case_heading("Members may vote. The board decides.") is None
    True
    """
    if not _TERMINAL_RE.search(text):
        return None
    tokens = list(_WORD_SPLIT_RE.finditer(text[:_HEAD_CHARS]))
    words = [token.group(0) for token in tokens]
    if len(words) < 6 or not words[0][:1].isupper() or words[0].casefold() in _DETERMINERS:
        return None  # "Each time ...", "The Licensor hereby ...": a sentence from its first word
    if words[0] in _CAPITAL_STARTERS or words[0] in _IMPERATIVES:
        return None  # "If You distribute ...", "Please see Your choices ...": a sentence from its first word too
    for index in range(1, min(7, len(words) - 4)):
        word = words[index - 1]
        if word[-1:] in ".,;:!?)\"”’'" or word.casefold() in _VERBS:
            return None  # the phrase has punctuation or a verb: a sentence already
        if words[index] in _CAPITAL_STARTERS:
            if word.casefold() in FUNCTION_WORDS or not words[index + 1][:1].isalpha():
                return None
            return tokens[index].start()
    return None


def _sentence_after_heading(
    text: str,
    tokens: Sequence[re.Match[str]],
    lowercase_words: Set[str],
    names: Container[str] | None,
    *,
    labelled: bool,
) -> int | None:
    capitals = 0
    # After a label ("5. Russia The United States ..."), one title word may do.
    least = 1 if labelled else 2
    for index, token in enumerate(tokens[:-5]):
        word = token.group(0)
        if word.endswith(":") and index < len(tokens) - 6:
            word = word[:-1]  # "Explaining the Goal: Ending Tyranny"
        if not word.replace("-", "").replace("’", "").replace("'", "").isalnum():
            return None
        lowered = word.casefold()
        if index >= least and capitals >= least and word[:1].isupper():
            previous = tokens[index - 1].group(0)
            following = tokens[index + 1].group(0)
            previous_ok = not previous.endswith(":") and (
                previous[:1].isdigit()
                or (
                    previous[:1].isupper()
                    and (labelled or previous.casefold() in lowercase_words)
                    and previous.casefold() not in FUNCTION_WORDS
                )
            )  # "Code of Conduct Compliance: All reports ...": a run-in title, no heading
            strict = index >= 2 and capitals >= 2  # else only a word title case writes in lower case
            starts = (
                (lowered in _SENTENCE_STARTERS if strict else lowered in _TITLE_LOWER)
                or word == previous
                or (
                    # A name starts the sentence ("... Armed Forces Russia proceeds"),
                    # unless the run began like a sentence ("Each Member State shall").
                    tokens[0].group(0).casefold() not in _DETERMINERS
                    and lowered not in lowercase_words
                    and (names is None or word in names)
                    and following[:1].islower()
                    and following.casefold() not in FUNCTION_WORDS
                    and following.isalpha()
                )
            )
            if previous_ok and starts and any(t[:1].islower() for t in text[token.start() :].split(None, 5)[1:5]):
                return token.start()
        if word[:1].isupper():
            capitals += 1
        elif not (lowered in FUNCTION_WORDS or word[:1].isdigit()):
            return None
    return None


# -- lines off the text's topic ---------------------------------------------------

_STOP_WORDS = _words(
    "a an the this that these those our your us you to on in at of for from with via by and or now all here it "
    "its more is are was were be been being has have had will shall may can could would should must not no yes as "
    "if so than then there their they them we i he she his her what which who whom how when where why about into "
    "over under any each other some such only own same also just do does did get got one new out up since until "
    "while like unless though although because whether either neither both very most many much well"
)
_NOT_TOPICAL = _STOP_WORDS | FUNCTION_WORDS
_TOPIC_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_SHORT = 2000  # characters: stem_counts' bound for counting a text word by word


def topic_words(text: str) -> frozenset[str]:
    """The stems of ``text``'s content words (their first five letters, case
    folded), for telling whether two stretches of text are about the same thing.

    >>> sorted(topic_words("Termination of the Licence")) == sorted(topic_words("the licence terminates"))
    True
    """
    return frozenset(word[:5] for word in set(_TOPIC_WORD_RE.findall(text.casefold())) if word not in _NOT_TOPICAL)


def stem_counts(text: str) -> Counter[str]:
    """How many times each stem of :func:`topic_words` is used in ``text``.

    >>> stem_counts("The licence; licences and the Licensee")["licen"]
    3
    """
    if len(text) <= _SHORT:  # a line: few repeated words, one pass over them is fastest
        return Counter([word[:5] for word in _TOPIC_WORD_RE.findall(text.casefold()) if word not in _NOT_TOPICAL])
    counts: Counter[str] = Counter()
    for token, count in Counter(text.casefold().split()).items():  # each distinct token once
        for word in (token,) if token.isalpha() else _TOPIC_WORD_RE.findall(token):
            if len(word) >= 3 and word not in _NOT_TOPICAL:
                counts[word[:5]] += count
    return counts


def stray_line(text: str) -> bool:
    """A short line that is no sentence: a heading, a caption, a widget, a
    slogan; the kind of line that is a page's furniture when none of its words
    is in the text around it.

    >>> stray_line("Independent journalism since 1887"), stray_line("The Licensee may copy the Work.")
    (True, False)
    """
    stripped = text.strip()
    if not stripped or len(stripped.split()) > 12 or stripped[-1:] in ".;:,":
        return False
    return not signature(stripped) and not signatory(stripped)


def signatory(text: str) -> bool:
    """A name and an office: "Jane Doe, Minister", "Ty Coon, President of Vice".

    >>> signatory("Jane Doe, Minister"), signatory("Jordan Pell, Staff Writer")
    (True, False)
    """
    match = _NAME_ROLE_RE.fullmatch(text.strip())
    return match is not None and any(w.casefold() in _OFFICES for w in _WIDGET_WORD_RE.findall(match["role"]))


_OFFICES = _words(
    "president vice-president minister secretary director chair chairman chairwoman chairperson governor "
    "ambassador commissioner chancellor mayor king queen premier general officer counsel attorney registrar "
    "clerk judge justice head dean rector provost"
)
# A name of two to four capitalized words, a separator and what follows it: a
# signatory's office here ("Jane Doe, Minister"), a byline's newsroom role in
# conceptdiff.read._boilerplate ("Ahmed Karimi — Research Fellow").
_NAME_ROLE_RE = re.compile(
    r"(?-i:[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3})[ \t]*(?:[,|·•]|[–—-][ \t])[ \t]*(?P<role>.{3,80})"
)
# A word: letters, with apostrophes or hyphens inside it.
_WIDGET_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def widget_marks(text: str) -> bool:
    """Does ``text`` bear the marks of a page's widget rather than a document's
    words: an arrow, a dingbat or an emoji, buttons in brackets, a price, a
    count in brackets after a word, a handle, a link's closing arrow, a "Powered by" credit?

    >>> widget_marks("Accessibility tools ♿"), widget_marks("Comments (27)"), widget_marks("Article 27")
    (True, True, False)
    """
    stripped = text.strip()
    return _WIDGET_MARK_RE.search(stripped) is not None


_WIDGET_MARK_RE = re.compile(
    r"[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]|[»›][ \t]*$|(?<!\S)@\w"
    r"|\[[^\]\n]{1,30}\][ \t]*\[[^\]\n]{1,30}\]"
    r"|[$£€¥][0-9][0-9.,]*[ \t]*(?:/|a[ \t]+|per[ \t]+)(?:week|month|year|day|wk|mo|yr)"
    r"|[^\W\d_][ \t]*\([0-9]{1,5}\)$"
    r"|\b(?:powered|made|designed|built|hosted)[ \t]+(?:by|with)\b",
    re.IGNORECASE,
)


def emoji_heading(text: str) -> bool:
    """Is ``text`` a title led by an emoji and nothing else of a widget
    ("✨ Installation", not "🖨 Print ✉ Email", "▶ Watch: 2:47")?

    >>> emoji_heading("🚀 Basic Usage"), emoji_heading("🖨 Print ✉ Email 🔖 Save"), emoji_heading("Usage 🚀")
    (True, False, False)
    """
    found = _EMOJI_LEAD_RE.match(text.strip())
    if found is None:
        return False
    title = text.strip()[found.end() :]
    return len(title.split()) <= _HEADING_WORDS and not widget_marks(title) and not _HEADING_END_RE.search(title)


_EMOJI_LEAD_RE = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?[ \t]+(?=[^\W\d_])")
_HEADING_WORDS = 8
_SIGNATURE_RE = re.compile(r"\b(?:signature|signed|sgd)\b", re.IGNORECASE)


def signature(text: str) -> bool:
    """Does ``text`` stand for a signature ("[POTUS SIGNATURE]", "(signed) ...", "<signature of Ty Coon>")?

    >>> signature("<signature of Ty Coon>, 1 April 1990"), signature("Sign up for our newsletter")
    (True, False)
    """
    return _SIGNATURE_RE.search(text) is not None
