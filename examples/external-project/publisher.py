"""A tiny publishing pipeline: the code this example project tests with conceptdiff.

* :func:`typeset` turns a plain-text policy into its published form (curly
  quotes, dashes, lines wrapped at 60 columns, headings in title case).  It
  must never change what the policy says.
* :func:`scrape` reads the clauses back out of the policy's web page.
* :func:`amendments` lists the amendments that turn one edition into the next,
  the way a gazette prints them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from conceptdiff import ChangeKind, Edition, compare

__all__ = ["amendments", "scrape", "typeset"]

_ITEM = re.compile(r"^(?:[-*•]|\(?[0-9a-z]{1,3}[.)]|[IVX]{1,5}\.)\s+")
# A word that would read as a list marker or number at the start of a line.
_MARKER_LIKE = re.compile(r"^(?:[-*•]|\(?[0-9a-zA-Z]{1,4}[.)]|Article|Section|§+|#+)$")


def _smarten(text: str) -> str:
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
    return text.replace(" - ", " \u2014 ")


def _wrap(text: str, *, width: int, indent: str = "") -> list[str]:
    """Greedy wrapping that never starts a line with a word that looks like a list marker."""
    units: list[str] = []
    for word in text.split():
        if units and _MARKER_LIKE.match(word):
            units[-1] += " " + word  # keep it off the start of a line
        else:
            units.append(word)
    lines: list[str] = []
    current = ""
    for unit in units:
        if current and len(current) + 1 + len(unit) > width:
            lines.append(current)
            current = indent + unit
        else:
            current = f"{current} {unit}" if current else unit
    if current:
        lines.append(current)
    return lines


def typeset(text: str, *, width: int = 60) -> str:
    """The published form of a plain-text policy."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            marks, _, title = lines[0].partition(" ")
            blocks.append(f"{marks} {' '.join(w[:1].upper() + w[1:] for w in title.split())}")
            continue
        items: list[str] = []
        for line in lines:
            if _ITEM.match(line) or not items:
                items.append(line)
            else:
                items[-1] += " " + line
        out = []
        for item in items:
            marker = _ITEM.match(item)
            indent = " " * len(marker.group()) if marker else ""
            out.extend(_wrap(_smarten(item), width=width, indent=indent))
        blocks.append("\n".join(out))
    return "\n\n".join(blocks) + "\n"


class _Clauses(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.clauses: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "h1", "h2", "h3"):
            self._open = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li", "h1", "h2", "h3") and self._open is not None:
            text = " ".join("".join(self._open).split())
            if text:
                self.clauses.append(text)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def scrape(html: str) -> list[str]:
    """The clauses of a policy's web page: its headings, paragraphs and list items."""
    parser = _Clauses()
    parser.feed(html)
    return parser.clauses


def amendments(old: Edition, new: Edition) -> list[str]:
    """The amendments that turn ``old`` into ``new``, one line each, in reading order."""
    lines = []
    for change in compare(old, new).changes:
        first_old = change.old[0] + 1 if change.old else None
        if change.kind is ChangeKind.REMOVED:
            lines.append(f"Clause {first_old} is deleted.")
        elif change.kind is ChangeKind.ADDED:
            lines.append(f"Clause {change.new[0] + 1} is inserted: {new.clauses[change.new[0]].display}")
        elif change.kind is ChangeKind.REWORDED:
            lines.append(f"Clause {first_old} is replaced by: {new.clauses[change.new[0]].display}")
        elif change.kind is ChangeKind.MOVED:
            lines.append(f"Clause {first_old} becomes clause {change.new[0] + 1}.")
        elif change.kind is ChangeKind.SPLIT:
            lines.append(f"Clause {first_old} is divided into clauses {change.new[0] + 1} to {change.new[-1] + 1}.")
        elif change.kind is ChangeKind.MERGED:
            lines.append(f"Clauses {first_old} to {change.old[-1] + 1} are combined into clause {change.new[0] + 1}.")
    return lines
