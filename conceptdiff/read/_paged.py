"""Rules for paged text: what a printed page adds around its text.

Used by the plain-text and PDF readers: page numbers, running headers and
footers in any capitalization (keyed so that ``NaTIONal SeCurITy`` and
``N A T I O N A L`` agree), tables of contents, and spaced-out letters.
Every rule is a pure function; none alters the source text: readers only
decide which spans to set aside and why (:class:`~conceptdiff.DroppedSpan`).
Every regular expression is anchored or made of bounded runs without nested
quantifiers, so work stays linear.

>>> is_page_number("- 12 -"), is_page_number("Page 3 of 10"), is_page_number("2002 was")
(True, True, False)
>>> furniture_key("NaTIONal SeCurITy STraTegy 12") == furniture_key("National Security Strategy  iv")
True
>>> despace("F E B R U A R Y 2 0 1 5", set())
'FEBRUARY 2015'
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence, Set

__all__ = [
    "despace",
    "find_glued_headers",
    "find_running_headers",
    "furniture_key",
    "is_page_number",
    "is_toc_entry",
    "is_toc_heading",
    "odd_case",
    "spaced_run",
]

# -- page furniture ----------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"""
    (?:[Pp]age|PAGE|[Pp]\.)?[ \t]*[0-9]{1,4}(?:[ \t]*(?:/|of|OF)[ \t]*[0-9]{1,4})?
  | [-–—][ \t]*(?:[0-9]{1,4}|[ivxlcdm]{1,7})[ \t]*[-–—]
  | [ivxlcdm]{1,7}
  | \[[ \t]*[0-9]{1,4}[ \t]*\]
    """,
    re.VERBOSE,
)
_KEY_DROP_RE = re.compile(r"[\W\d_]+")
# A page number at either end: digits, or a roman numeral (one capital letter alone
# is not one: it is the first letter of "I N T R O D U C T I O N").
_EDGE_NUMBER_RE = re.compile(
    r"^(?:[0-9]{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{2,7})\b|\b(?:[0-9]{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{2,7})$"
)
_DIGIT_RE = re.compile(r"[0-9]")
_PAGE_AT_END_RE = re.compile(r"\s[0-9]{1,4}\s*$")


def is_page_number(line: str) -> bool:
    """Is ``line`` (stripped) a page number alone (``12``, ``- 12 -``, ``Page 3 of 10``, ``iv``)?"""
    return _PAGE_NUMBER_RE.fullmatch(line) is not None


_EDGE_NUMBER = r"(?:[0-9]{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{2,7})"
_LEADING_NUMBER_RE = re.compile(_EDGE_NUMBER + r"\b")  # _EDGE_NUMBER_RE's first half, with match()
_TRAILING_NUMBER_REVERSED_RE = re.compile(_EDGE_NUMBER + r"(?!\w)")  # its second half, on the reversed line
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def furniture_key(line: str) -> str:
    """The form under which running headers repeat: letters only, case-folded,
    page numbers at either end and all spacing removed (so that ``NaTIONal
    SeCurITy STraTegy 12`` and ``N A T I O N A L  S E C U R I T Y ...`` agree).

    Every line of a document is keyed, so this is a hot path: the number at
    the end is matched on the reversed line (a search for it would try every
    word), and an ASCII line drops its non-letters through ``bytes.translate``;
    the same key as ``_KEY_DROP_RE.sub("", _EDGE_NUMBER_RE.sub("", line.strip()).casefold())``
    (a property test checks it).
    """
    line = line.strip()
    leading = _LEADING_NUMBER_RE.match(line)
    if leading:
        line = line[leading.end() :]
    trailing = _TRAILING_NUMBER_REVERSED_RE.match(line[::-1])
    if trailing:
        line = line[: len(line) - trailing.end()]
    folded = line.casefold()
    if folded.isascii():
        return folded.encode("ascii").translate(None, _ASCII_NON_LETTERS).decode("ascii")
    return _KEY_DROP_RE.sub("", folded)


_TERMINAL_RE = re.compile(r"[.!?;:,][\"'”’)\]]*$")
# A heading's label: "5.", "B)", "IV.", and a section's number of several levels ("2.1.1.3.", "4.5"),
# which no page number is.
_LABELLED_RE = re.compile(r"(?:[0-9]{1,3}|[A-Z]|[IVXLC]{1,6})[.)][ \t]|[0-9]{1,3}(?:\.[0-9]{1,3})+\.?[ \t]")


_ODD_CASE_RE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")


def odd_case(line: str) -> bool:
    """Is ``line`` in the odd capitalization of a PDF's running header (``NaTIONal SeCurITy``)?

    >>> odd_case("NaTIONal SeCurITy STraTegy"), odd_case("National Security Strategy"), odd_case("McDonald")
    (True, False, True)
    """
    return _ODD_CASE_RE.search(line) is not None


def _page_numbers(lines: Sequence[str]) -> frozenset[int]:
    """The indexes of the lines that are a page number alone."""
    return frozenset(index for index, line in enumerate(lines) if line and is_page_number(line))


def _beside_page_number(numbers: frozenset[int], index: int) -> bool:
    """Is there a page number (``numbers``: :func:`_page_numbers`) within three lines of line ``index``?"""
    return any(near in numbers for near in range(index - 3, index + 4) if near != index)


_MIN_PAGE_LINES = 20  # running headers recur a page apart: at least this many lines on average


def find_running_headers(
    lines: Sequence[str], *, repeats: int, keys: dict[int, str] | None = None, page_breaks: int = 0
) -> set[str]:
    """The :func:`furniture_key` of lines that recur as running headers or footers.

    ``lines`` are the stripped lines of the text (blank ones included, so that
    positions are line numbers).  A key counts when its line is short, does
    not end like a sentence (unless it carries a page number), recurs at least
    ``repeats`` times, and its occurrences are spread through the text like
    pages are: either they carry page numbers, or stand next to a page number
    or a form feed, or their spacing is regular in a text that shows pages
    (page numbers, or ``page_breaks`` form feeds: a heading each section of a
    web page repeats, "Related Links", is no header).  ``keys``, when given, is
    filled with the key of each line keyed (by its index), for the caller to reuse.
    """
    if keys is None:
        keys = {}
    recurring: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if not line or len(line) > 120 or _has_toc_leader(line):
            continue
        key = keys[index] = furniture_key(line)
        if len(key) >= 3:
            recurring.setdefault(key, []).append(index)
    positions: dict[str, list[int]] = {}
    numbered: Counter[str] = Counter()
    numbers = _page_numbers(lines)
    # A key seen once cannot recur (repeats is two at least): only the others are looked at closely.
    for key, indexes in recurring.items():
        if len(indexes) < 2:
            continue
        if len(indexes) == 2 < repeats and (len(key) < 5 or not all(_beside_page_number(numbers, i) for i in indexes)):
            continue  # a key twice can only be a short document's header beside its page numbers (below)
        for index in indexes:
            has_number = _carries_number(lines[index])
            if has_number is None:
                continue  # sentences and labelled headings ("B. Current Context") are content
            positions.setdefault(key, []).append(index)
            numbered[key] += has_number
    found: set[str] = set()
    for key, where in positions.items():
        if len(where) == 2 < repeats and len(key) >= 5:
            # A short document has few pages: a line twice beside a page number,
            # each time at a page's edge, is a header too.
            if all(_beside_page_number(numbers, index) for index in where):
                found.add(key)
            continue
        if len(where) < repeats or (len(key) < 5 and numbered[key] < 0.5 * len(where)):
            continue
        beside = sum(1 for index in where if _beside_page_number(numbers, index))
        if beside >= 0.5 * len(where):
            found.add(key)
            continue
        gaps = [b - a for a, b in itertools.pairwise(where)]
        mean = sum(gaps) / len(gaps)
        if mean < _MIN_PAGE_LINES:
            continue  # pages are longer than this: numbered clauses in a row ("1. ...", "2. ...") are content
        if numbered[key] >= 0.5 * len(where):
            found.add(key)
            continue
        if len(numbers) < 2 and page_breaks < 2:
            continue  # regular spacing alone says pages only in a text that has pages
        spread = (sum((gap - mean) ** 2 for gap in gaps) / len(gaps)) ** 0.5
        if spread <= 0.25 * mean and _apart(lines, where) and not _repeated_passage(lines, where):
            found.add(key)
    return found


# A title-case phrase ("National Security Strategy", "Official Journal of the Union") and a page
# number beside it, at a line's start or end: a running header or footer glued to the text.
_PHRASE = r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|for|on|in|to)\s+)*[A-Z][\w'’-]*){1,7}"
_GLUED_AT_START_RE = re.compile(
    rf"^(?:(?P<a>[0-9]{{1,3}})\s+(?P<p>{_PHRASE})|(?P<q>{_PHRASE})\s+(?P<b>[0-9]{{1,3}}))(?=\s|$)"
)
_GLUED_AT_END_RE = re.compile(
    rf"(?:^|\s)(?:(?P<a>[0-9]{{1,3}})\s+(?P<p>{_PHRASE})|(?P<q>{_PHRASE})\s+(?P<b>[0-9]{{1,3}}))$"
)
_MIN_GLUED = 3  # a glued header is believed when it recurs this often, its page numbers rising,
_GLUED_APART = 5  # each time this many lines of text or more after the last


def find_glued_headers(lines: Sequence[str]) -> set[str]:
    """The :func:`furniture_key` of running headers or footers that never
    stand on a line of their own: a title-case phrase and a page number glued
    to the start or the end of text lines (a PDF extraction that lost the
    footer's line break: "... will be strengthened to manage not just 6
    National Security Strategy", "National Security Strategy 1 i. Overview").
    A phrase counts when it is so glued ``_MIN_GLUED`` times or more, each
    time with a page number (three digits at most: no year) and a page's
    worth of lines apart, the numbers rising through the text (the rows of a
    table, "0 DPMSModeOn", "1 DPMSModeStandby", are no pages; nor is a
    clause's "Article 5 Member States", whose numbers follow no such order).

    >>> lines = ["Text 1 Our Report", *["more text"] * 5, "Our Report 2 goes on", *["x"] * 5, "ends here 3 Our Report"]
    >>> sorted(find_glued_headers(lines))
    ['ourreport']
    """
    seen: dict[str, list[tuple[int, int]]] = {}
    text_lines = 0
    for line in lines:
        if not line:
            continue
        text_lines += 1
        if len(line) < 8 or _DIGIT_RE.search(line) is None:
            continue
        words = line.split()
        # A phrase of eight words at most and its number: the line's first and last nine words.
        head, tail = " ".join(words[:9]), " ".join(words[-9:])
        for match in (_GLUED_AT_START_RE.match(head), _GLUED_AT_END_RE.search(tail)):
            if match is None:
                continue
            phrase = match.group("p") or match.group("q")
            number = match.group("a") or match.group("b")
            key = furniture_key(phrase)
            if len(phrase.split()) >= 2 and len(key) >= 8:
                seen.setdefault(key, []).append((text_lines, int(number)))
    return {
        key
        for key, found in seen.items()
        if len(found) >= _MIN_GLUED
        and all(b - a >= _GLUED_APART and m < n for (a, m), (b, n) in itertools.pairwise(found))
    }


def _carries_number(line: str) -> bool | None:
    """Does ``line``, keyed like a running header, carry a page number at an
    edge?  ``None`` when it is content whatever its key: a sentence, or a
    labelled heading ("5. Termination", "B. Current Context") without a page
    number at its end, whose number is its label, not a page's."""
    labelled = _LABELLED_RE.match(line) is not None
    if labelled:
        has_number = _PAGE_AT_END_RE.search(line) is not None
    else:
        # _EDGE_NUMBER_RE.search(line), its two ends tried apart (an alternation of "^" and "$"
        # would be tried at every position of the line).
        edges = line.strip()
        edged = _LEADING_NUMBER_RE.match(edges) or _TRAILING_NUMBER_REVERSED_RE.match(edges[::-1])
        has_number = edged is not None and _DIGIT_RE.search(line) is not None
    if (_TERMINAL_RE.search(line[-12:]) or labelled) and not has_number:
        return None
    return has_number


def is_header_content(line: str) -> bool:
    """Is ``line`` content even where its key is a running header's: a
    sentence, or a heading whose number is its label ("1. Measuring Program
    Resource Use" under the running header "Measuring Program Resource Use")?

    >>> is_header_content("1. Measuring Program Resource Use"), is_header_content("Measuring Program Resource Use 12")
    (True, False)
    """
    return _carries_number(line.strip()) is None


def _apart(lines: Sequence[str], where: Sequence[int]) -> bool:
    """Do most of the lines ``where`` stand apart, a blank line (or the
    text's edge) beside them, as a header or footer does?  A line inside a
    paragraph each time it recurs ("DISCLAIMS ANY REPRESENTATION OR WARRANTY OF
    MERCHANTABILITY OR FITNESS" in three licences of one file) is its text."""
    last = len(lines) - 1
    alone = sum(1 for i in where if i == 0 or i == last or not lines[i - 1] or not lines[i + 1])
    return alone >= 0.5 * len(where)


def _repeated_passage(lines: Sequence[str], where: Sequence[int]) -> bool:
    """Are most of the lines ``where`` one line of a passage that recurs whole
    (a licence copied into a file of licences once per component) rather than
    a header over pages of different text?  So it is when most of them have
    the same line on either side, or the same two lines on one side: a
    header's neighbours are the pages' own text on one side at least."""
    both: Counter[tuple[str, ...]] = Counter()
    before: Counter[tuple[str, ...]] = Counter()
    after: Counter[tuple[str, ...]] = Counter()
    for index in where:
        above = [lines[i] for i in range(index - 1, max(-1, index - 12), -1) if lines[i]][:2]
        below = [lines[i] for i in range(index + 1, min(len(lines), index + 12)) if lines[i]][:2]
        both[(*above[:1], "\n", *below[:1])] += 1
        if len(above) == 2:
            before[tuple(above)] += 1
        if len(below) == 2:
            after[tuple(below)] += 1
    half = 0.5 * len(where)
    return any(counter and counter.most_common(1)[0][1] >= half for counter in (both, before, after))


# -- tables of contents -------------------------------------------------------

_TOC_HEADING_RE = re.compile(r"(?:table[ \t]+of[ \t]+)?contents|inhalt|sommaire|índice|indice|оглавление|содержание"
                             r"|list[ \t]+of[ \t]+(?:tables|figures|examples|illustrations)",
                             re.IGNORECASE)  # fmt: skip
# A title followed by a leader (dots, dashes or spaced dots) and a page number.
_TOC_LEADER_RE = re.compile(
    # Possessive runs, started only where a run starts: a line of dots is scanned once.
    r"(?<!\.)(?<!\.[ \t])(?:\.[ \t]?){4,}+[ \t]*+[0-9ivxlcdmIVXLCDM]{1,6}\b"
    r"|(?<!…)…{2,}+[ \t]*+[0-9]{1,4}\b|(?<!_)_{4,}+[ \t]*+[0-9]{1,4}\b"
)
_TOC_TRAILING_NUMBER_RE = re.compile(r"\S[ \t]+[0-9]{1,3}$")  # a page number, not a year


def _has_toc_leader(line: str) -> bool:
    """Does ``line`` hold a leader and a page number (:data:`_TOC_LEADER_RE`)?"""
    # Every leader holds four dots, two ellipses or four underscores: counted
    # first, the search (slow, with its look-behinds) is spared most lines.
    if line.count(".") < 4 and "……" not in line and "____" not in line:
        return False
    return _TOC_LEADER_RE.search(line) is not None


def is_toc_heading(line: str) -> bool:
    """Is ``line`` the heading of a table of contents?"""
    return _TOC_HEADING_RE.fullmatch(line.strip().strip("#=*: \t").strip()) is not None


# What every leader of _TOC_LEADER_RE holds: four dots (one space or tab at most between
# two) then a numeral, four underscores or two ellipses then a digit; searched in the whole
# text at once, so tried only where a run starts, its runs possessive (a text of 100,000
# dots took 45 s, every dot a start scanning to the end).
_LEADER_HINT_RE = re.compile(
    # (Each branch opens with its character, the look-behinds after it, so that the search skips
    # from one dot, underscore or ellipsis to the next: eleven times faster on plain texts.)
    r"\.(?<!\.\.)(?<!\.[ \t]\.)[ \t]?\.[ \t]?\.[ \t]?\.[. \t]*+[0-9ivxlcdmIVXLCDM]"
    r"|_(?<!__)___[_]*+[ \t]*+[0-9]|…(?<!……)…[…]*+[ \t]*+[0-9]"
)
# The words of _TOC_HEADING_RE, case-folded.
_TOC_WORDS = ("contents", "inhalt", "sommaire", "índice", "indice", "оглавление", "содержание", "list of tables",
              "list of figures", "list of examples", "list of illustrations")  # fmt: skip


def _folded(line: str) -> str:
    """``line`` case-folded as a case-insensitive match sees it ("İ" and "ı"
    match "i", which casefold does not give)."""
    return line.casefold().replace("\u0307", "").replace("ı", "i")


# What may stand beside a heading word on its line (besides spacing): the marks is_toc_heading
# strips, and, before "contents", the letters of "table of".
_MARKS = frozenset("#=*:")
_TABLE_OF = _MARKS | frozenset("tableof")


def _spacing_to_line_end(folded: str, position: int, step: int, allowed: frozenset[str]) -> bool:
    """From ``position`` on, in the direction ``step``, only spacing and ``allowed`` up to the line's end?"""
    while 0 <= position < len(folded) and folded[position] != "\n":
        if not (folded[position].isspace() or folded[position] in allowed):
            return False
        position += step
    return True


def _alone(folded: str, start: int, end: int) -> bool:
    """Is ``folded[start:end]`` (a heading word) alone on its line but for spacing,
    the marks :func:`is_toc_heading` strips and, before "contents", "table of"?
    (Any of those letters before it will do: a yes that may be wrong, never a no.)"""
    before = _TABLE_OF if folded.startswith("contents", start) else _MARKS
    return _spacing_to_line_end(folded, end, 1, _MARKS) and _spacing_to_line_end(folded, start - 1, -1, before)


def may_hold_toc(lines: Sequence[str]) -> bool:
    """Could one of ``lines`` head a table of contents (:func:`is_toc_heading`)
    or be one of its entries with a leader (:func:`is_toc_entry`)?  A cheap
    test that never says no wrongly: without either, a table of contents has
    nowhere to start, and the line by line search is spared."""
    joined = "\n".join(lines)
    if _LEADER_HINT_RE.search(joined):
        return True
    folded = _folded(joined)
    for word in _TOC_WORDS:
        at = folded.find(word)
        while at >= 0:
            if _alone(folded, at, at + len(word)):
                return True
            at = folded.find(word, at + 1)
    return False


def is_toc_entry(line: str, *, after_toc_heading: bool) -> bool:
    """Is ``line`` an entry of a table of contents (dot leaders and a page number,
    or, right after a "Contents" heading, a short title ending with a number)?"""
    if _has_toc_leader(line):
        return True
    return after_toc_heading and len(line) <= 160 and _TOC_TRAILING_NUMBER_RE.search(line) is not None


# -- spaced-out letters ---------------------------------------------------------

# A run of at least four single characters, each followed by one to three
# spaces (the last one by none); wider gaps separate words.
_TOKEN_RE = re.compile(r"\S+")
# Four single characters in a row, one to three spaces or tabs apart: a text
# without them has no run to rejoin.
_SPACED_RUN_RE = re.compile(r"(?<!\S)\S[ \t]{1,3}\S[ \t]{1,3}\S[ \t]{1,3}\S(?!\S)")
# What every run of _SPACED_RUN_RE holds, without its look-behind (which has the search
# try every position): its second and third letters, with the spacing around them.
_SPACED_HINT_RE = re.compile(r"[ \t]\S[ \t]{1,3}\S[ \t]")
_GAP_RE = re.compile(r"[ \t]{2,}")
_TRANSITION_RE = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def _segment_words(letters: str, vocabulary: Set[str]) -> list[str] | None:
    """Split ``letters`` into the fewest words of ``vocabulary`` (case-folded),
    or ``None``.  Quadratic in a run's length, which is bounded by a line."""
    lowered = letters.casefold()
    size = len(lowered)
    if size > 80:
        return None
    best: list[tuple[int, int] | None] = [None] * (size + 1)  # (words used, start of the last word)
    best[0] = (0, 0)
    for end in range(1, size + 1):
        for start in range(max(0, end - 20), end):
            previous = best[start]
            if previous is None or end - start < 2 or lowered[start:end] not in vocabulary:
                continue
            if best[end] is None or previous[0] + 1 < best[end][0]:  # type: ignore[index]
                best[end] = (previous[0] + 1, start)
    if best[size] is None:
        return None
    pieces: list[str] = []
    end = size
    while end > 0:
        entry = best[end]
        assert entry is not None
        pieces.append(letters[entry[1] : end])
        end = entry[1]
    return pieces[::-1]


def spaced_run(text: str) -> bool:
    """Does ``text`` hold a run of spaced-out letters for :func:`despace` to rejoin?

    >>> spaced_run("N A T I O N A L"), spaced_run("A national security")
    (True, False)
    """
    return _SPACED_HINT_RE.search(text) is not None and _SPACED_RUN_RE.search(text) is not None


def despace(text: str, vocabulary: Set[str]) -> str:
    """Rejoin spaced-out letters: ``F E B R U A R Y  2 0 1 5`` -> ``FEBRUARY 2015``.

    Wider gaps separate words; without them, letters and digits are told apart,
    and a long run of letters is split into words found elsewhere in the
    document (``vocabulary``, case-folded) when that is possible.

    >>> despace("N A T I O N A L  S E C U R I T Y", set())
    'NATIONAL SECURITY'
    >>> despace("T H E N A T I O N A L S E C U R I T Y", {"the", "national", "security"})
    'THE NATIONAL SECURITY'
    >>> despace("a b c", set())
    'a b c'
    """
    if not spaced_run(text):
        return text
    return _despace(text, vocabulary)


def _despace(text: str, vocabulary: Set[str]) -> str:
    """:func:`despace` without its quick test for a run (the reference for tests)."""

    def mend(run: str) -> str:
        words = []
        for group in _GAP_RE.split(run):
            joined = "".join(group.split())
            for part in _TRANSITION_RE.split(joined):
                split = (
                    _segment_words(part, vocabulary) if len(part) > 6 and part.casefold() not in vocabulary else None
                )
                words.extend(split or [part])
        return " ".join(words)

    # One pass over the tokens (a regular expression would backtrack on long
    # runs of single letters that end in a word): find the runs of at least
    # four one-character tokens, each one to three spaces from the next.
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    pieces: list[str] = []
    done = 0
    index = 0
    while index < len(tokens):
        end = index
        while (
            end + 1 < len(tokens)
            and tokens[end][1] - tokens[end][0] == 1
            and tokens[end + 1][1] - tokens[end + 1][0] == 1
            and 1 <= tokens[end + 1][0] - tokens[end][1] <= 3
            and text[tokens[end][1] : tokens[end + 1][0]].strip(" \t") == ""
        ):
            end += 1
        first, last = tokens[index], tokens[end]
        if end - index >= 3 and all(text[t[0]].isalnum() for t in tokens[index : end + 1]):
            pieces += [text[done : first[0]], mend(text[first[0] : last[1]])]
            done = last[1]
        index = end + 1
    pieces.append(text[done:])
    return "".join(pieces)
