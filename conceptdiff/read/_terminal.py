"""Text formatted for a terminal, as the terminal shows it.

A manual saved from ``man`` or ``groff -Tutf8`` keeps its formatting in the
text: ANSI escape sequences (``ESC[1m`` bold, ``ESC[4m`` underline,
``ESC[0m``) and, in the older style of ``nroff``, overstrikes (``N\\bN``
bold, ``_\\bN`` underline, ``+\\bo`` a bullet).  :func:`render` gives the
text a reader sees, and where each of its characters came from, so that the
plain-text reader can read the rendering and give its spans in the source:
the escape sequences and the overstruck characters are inside a clause's
span or set aside as markup, never lost.

>>> rendered = render("\\x1b[1mNAME\\x1b[0m\\n+\\bo  _\\bs_\\be_\\be")
>>> rendered.text
'NAME\\n•  see'
>>> rendered.source_span(0, 4), rendered.source_span(5, 6)
((4, 8), (13, 16))
"""

from __future__ import annotations

import bisect
import re
from array import array

import attrs

__all__ = ["Rendered", "looks_formatted", "render"]

# A control sequence (CSI: "ESC[1m", "ESC[22m", "ESC[0K"), or another escape of two characters.
_ESCAPE_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
_BULLETS = frozenset({("+", "o"), ("o", "+")})
# What a terminal does not show as it stands: an escape sequence, a character struck over with
# others ("N\bN" bold, "_\bN" underline, "+\bo" a bullet), a stray backspace.
_EVENT_RE = re.compile(rf"{_ESCAPE_RE.pattern}|(?P<strike>[^\n\b\x1b](?:\x08[^\n\b\x1b])+)|\x08")


def looks_formatted(text: str) -> bool:
    """Does ``text`` carry a terminal's formatting (escape sequences or overstrikes)?"""
    return ("\x1b" in text and _ESCAPE_RE.search(text) is not None) or "\b" in text


@attrs.frozen
class Rendered:
    """``text`` as a terminal shows it, and where its characters came from:
    most characters follow the one before them in the source too, so only
    the exceptions are kept (memory grows with the formatting, not the
    text).  From each of ``moves`` (a rendered index) on, character ``i``
    starts at ``source_starts[k] + i - moves[k]``; the characters of
    ``wide`` (a rendered index) stand for ``widths`` source characters (an
    overstrike).  ``gaps`` are the source's stretches that show nothing
    (escape sequences, stray backspaces)."""

    text: str
    moves: array[int]
    source_starts: array[int]
    wide: array[int]
    widths: array[int]
    gaps: tuple[tuple[int, int], ...]

    def source_start(self, index: int) -> int:
        """Where the rendered character ``index`` starts in the source."""
        at = bisect.bisect_right(self.moves, index) - 1
        return index if at < 0 else self.source_starts[at] + index - self.moves[at]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source stretch of the rendered ``text[start:end]`` (``end > start``)."""
        last = end - 1
        at = bisect.bisect_left(self.wide, last)
        width = self.widths[at] if at < len(self.wide) and self.wide[at] == last else 1
        return self.source_start(start), self.source_start(last) + width


def render(source: str) -> Rendered:
    """``source`` as a terminal shows it (see the module's docstring).

    Only the formatting is looked at one piece at a time; the text between
    is copied as it stands."""
    pieces: list[str] = []
    shown = 0  # the length of the rendering so far
    moves, source_starts, wide, widths = array("q"), array("q"), array("q"), array("q")
    gaps: list[tuple[int, int]] = []
    expected = 0  # where the text after the last event starts
    for event in _EVENT_RE.finditer(source):
        start, end = event.span()
        if start > expected:  # plain text since the last event: its characters follow one another
            moves.append(shown)
            source_starts.append(expected)
            pieces.append(source[expected:start])
            shown += start - expected
        if event.group("strike") is None:
            gaps.append((start, end))  # an escape sequence, or a backspace with nothing to strike over
            expected = end
            continue
        moves.append(shown)
        source_starts.append(start)
        wide.append(shown)
        widths.append(end - start)
        pieces.append(_shown(event.group("strike")[::2]))  # the characters struck over one another
        shown += 1
        expected = end
    if expected < len(source):
        moves.append(shown)
        source_starts.append(expected)
        pieces.append(source[expected:])
    return Rendered("".join(pieces), moves, source_starts, wide, widths, tuple(gaps))


def _shown(struck: str) -> str:
    """The character a pile of overstruck ones shows: a bullet for "+" and
    "o", the letter under an underscore, the one letter of a bold one."""
    if (struck[0], struck[-1]) in _BULLETS:
        return "•"
    letters = [char for char in struck if char != "_"]
    return letters[-1] if letters else "_"
