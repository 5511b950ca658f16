"""Markdown reader: CommonMark with GFM tables (markdown-it-py) -> blocks.

The text is parsed by markdown-it-py, a maintained CommonMark parser (with
its GFM table and strikethrough rules, and the front-matter and
definition-list plugins of mdit-py-plugins); the reader only maps its block
tokens to blocks, so Markdown is read exactly as a CommonMark renderer shows
it:

* ``#`` and underlined headings, with their level;
* paragraphs (block-quoted ones as ``quote`` blocks);
* list items: an item's first paragraph is the item (an ordered list's
  number is its label, its nesting its depth); further paragraphs in the item
  are paragraphs;
* **one block per table row**, cells joined by ``" | "``, the header row kept
  as each row's context;
* **one block per code block** (fenced or indented), its lines kept;
* HTML blocks read as HTML (:mod:`conceptdiff.read.html`); HTML comments,
  rules, front matter, reference definitions and table rules are markup;
* a list whose every item is only a link to a place in the page (three items
  or more: ``* [Scope](#scope)``), not introduced by a sentence ending in a
  colon, is a table of contents, set aside as ``table-of-contents``.

MyST, the Markdown of Sphinx sites, is read as its pages show it: a role
shows its title or content ({term}`specifier <target>` is "specifier",
{pep}`508` is "PEP 508"), an admonition fence (```{note}, ```{warning},
```{versionadded} 6.0) is its paragraphs and items, a version note under
Sphinx's words ("New in version 6.0: ..."), another directive fence is code,
and a ``(target)=`` line is markup.  A definition list's terms are
paragraphs, as its definitions are.

Inline markup never reaches a block's text: emphasis is dropped, a link
keeps its text (its target goes to :attr:`Block.links`), inline code keeps
every character between its backticks, entities are decoded, inline HTML
tags are dropped, and kramdown/Pandoc attribute lists (``{#id}``,
``{: .class}``, ``{:target="_blank"}``) are removed.

>>> document = read_markdown('''# Terms {#terms}
...
... | Term | Meaning |
... |------|---------|
... | `__all__` | the **public** names &mdash; see [docs](https://x.org) |
...
... 3. Third item
... ''')
>>> for block in document.blocks:
...     print(block.kind.value, block.label, repr(block.text))
heading None 'Terms'
table_row None 'Term | Meaning'
table_row None '__all__ | the public names — see docs'
list_item 3 'Third item'
>>> document.blocks[2].context, document.blocks[2].links
('Term | Meaning', ('https://x.org',))
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from conceptdiff.model import DroppedSpan
from conceptdiff.read._document import (
    MIN_CONTENTS_ENTRIES,
    Block,
    BlockKind,
    Document,
    code_text,
    contents_start,
    fill_gaps,
    trimmed,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["looks_like_markdown", "read_markdown"]


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return parser.use(front_matter_plugin).use(deflist_plugin)


# kramdown inline/block attribute lists and Pandoc attributes at the end of a heading.
_KRAMDOWN_ATTRIBUTES_RE = re.compile(r"\{:[^{}\n]{0,300}\}")
_TRAILING_ATTRIBUTES_RE = re.compile(r"[ \t]*\{[ \t]*[#.][^{}\n]{0,300}\}[ \t]*$")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


_HIDDEN_OPEN_RE = re.compile(r"<(script|style|template|noscript)\b", re.IGNORECASE)


def _inline_text(token: Token, links: list[str]) -> str:
    """The text a reader sees of an inline token (see the module's rules)."""
    parts: list[str] = []
    hidden: str | None = None  # inside an inline <script> or <style>: its content is no text
    for child in token.children or ():
        kind = child.type
        if hidden is not None:
            if kind == "html_inline" and child.content.lower().startswith(f"</{hidden}"):
                hidden = None
            continue
        if kind == "code_inline" and parts and (role := _ROLE_RE.search(parts[-1])):
            # A MyST/Sphinx role, {term}`requirement specifier <target>`: the text it shows.
            parts[-1] = parts[-1][: role.start()]
            parts.append(_role_text(role.group(1), child.content))
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "html_inline":
            if _BR_RE.fullmatch(child.content.strip()):
                parts.append(" ")
            elif opened := _HIDDEN_OPEN_RE.match(child.content):
                hidden = opened.group(1).lower()
        elif kind == "link_open":
            href = child.attrs.get("href")
            if href:
                links.append(str(href))
    text = "".join(parts)
    if "{" in text:
        text = _KRAMDOWN_ATTRIBUTES_RE.sub("", text)
        text = _TRAILING_ATTRIBUTES_RE.sub("", text)
    return " ".join(text.split())


# A MyST directive fence's info string, "{note}", "{versionadded} 6.0"; the directives
# whose content is text (an admonition box, a version note), read as Markdown.
_DIRECTIVE_RE = re.compile(r"\{([a-z][a-z0-9_:-]{0,40})\}")
_ADMONITIONS = frozenset(
    "admonition attention caution danger error hint important note seealso tip warning "
    "versionadded versionchanged deprecated".split()
)
_VERSION_NOTES = {
    "versionadded": "New in version",
    "versionchanged": "Changed in version",
    "deprecated": "Deprecated since version",
}
_DIRECTIVE_OPTION_RE = re.compile(r":[\w-]+:.*")  # ":class: tip" (a paragraph's text is one line)
_MYST_TARGET_RE = re.compile(r"\([^()\n]{1,200}\)=")
# A MyST role's name, right before its backticked content: "{term}", "{py:func}".
_ROLE_RE = re.compile(r"\{([a-z][a-z0-9_:-]{0,40})\}$")
_ROLE_TARGET_RE = re.compile(r"(.*?)\s*<[^<>]+>$", re.DOTALL)
# Roles that show their content under a prefix: {pep}`508` is "PEP 508".
_ROLE_PREFIXES = {"pep": "PEP", "rfc": "RFC"}


def _role_text(role: str, content: str) -> str:
    """What a Sphinx role shows: an explicit title before its ``<target>``,
    else its content (``~`` and ``!`` markers off), "PEP 508" for {pep}`508`.

    >>> _role_text("term", "requirement specifier <pypug:Requirement Specifier>"), _role_text("pep", "508")
    ('requirement specifier', 'PEP 508')
    """
    titled = _ROLE_TARGET_RE.match(content)
    if titled and titled.group(1):
        return titled.group(1)
    if role in _ROLE_PREFIXES:
        return f"{_ROLE_PREFIXES[role]} {content}"
    return content.lstrip("~!")


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)] + [len(source)]
        self.blocks: list[Block] = []
        self.dropped: list[DroppedSpan] = []

    def lines(self, token_map: Sequence[int] | None) -> tuple[int, int] | None:
        if not token_map:
            return None
        last = len(self.line_starts) - 1
        first, stop = min(token_map[0], last), min(token_map[1], last)
        return trimmed(self.source, self.line_starts[first], self.line_starts[stop])

    def add(self, kind: BlockKind, text: str, span: tuple[int, int] | None, **fields: Any) -> None:
        if text and span is not None:
            self.blocks.append(Block(kind, text, (span,), **fields))

    def run(self, tokens: list[Token], *, drop_contents: bool = True) -> Document:
        lists: list[bool] = []  # ordered?
        list_start = 0  # the first block of the outermost list being read
        contents_entries: set[int] = set()  # blocks that are an item holding only a link within the page
        item_label: list[str | None] = []  # per open list item: its label, until its first paragraph is read
        item_open: list[bool] = []  # per open list item: its first paragraph is still to come
        quote = 0
        header: str | None = None
        row: list[str] | None = None
        row_links: list[str] = []
        row_span: tuple[int, int] | None = None
        in_head = False
        index = 0
        count = len(tokens)
        while index < count:
            token = tokens[index]
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                if not lists:
                    list_start = len(self.blocks)
                lists.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
                if not lists and drop_contents:
                    self.contents(list_start, contents_entries)
            elif kind == "list_item_open":
                item_label.append(token.info or None if lists and lists[-1] else None)
                item_open.append(True)
            elif kind == "list_item_close":
                item_label.pop()
                item_open.pop()
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind == "heading_open":
                links: list[str] = []
                text = _inline_text(tokens[index + 1], links)
                self.add(BlockKind.HEADING, text, self.lines(token.map), level=int(token.tag[1]), links=tuple(links))
                index += 2
            elif kind == "dt_open" and index + 1 < count and tokens[index + 1].type == "inline":
                # A definition list's term: its line, a paragraph of its own (the plugin maps it to no line).
                links = []
                text = _inline_text(tokens[index + 1], links)
                line = token.map[0] if token.map else None
                span = None if line is None else self.lines((line, line + 1))
                self.add(BlockKind.PARAGRAPH, text, span, links=tuple(links), depth=max(0, len(lists) - 1))
                index += 2
            elif kind in ("paragraph_open", "dd_open"):
                inline = tokens[index + 1] if index + 1 < count else None
                if kind == "paragraph_open" and inline is not None and _MYST_TARGET_RE.fullmatch(inline.content):
                    span = self.lines(token.map)
                    if span is not None:  # "(Requirement Specifiers)=": a MyST target, no text of the page
                        self.dropped.append(DroppedSpan(span[0], span[1], "markup", self.source[span[0] : span[1]]))
                    index += 2
                elif kind == "paragraph_open" and inline is not None and inline.type == "inline":
                    links = []
                    text = _inline_text(inline, links)
                    fields: dict[str, Any] = {"links": tuple(links), "depth": max(0, len(lists) - 1)}
                    block_kind = BlockKind.PARAGRAPH
                    if item_open and item_open[-1]:
                        block_kind = BlockKind.LIST_ITEM
                        fields["label"] = item_label[-1]
                        if not lists[-1]:
                            fields["flags"] = frozenset({"bullet"})  # a bullet item: no label in its text either
                        item_open[-1] = False
                        if _in_page_link(inline):
                            contents_entries.add(len(self.blocks))
                    elif quote:
                        block_kind = BlockKind.QUOTE
                        fields["flags"] = frozenset({"quote"})
                    self.add(block_kind, text, self.lines(token.map), **fields)
                    index += 2
            elif kind == "table_open":
                header = None
            elif kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                row, row_links, row_span = [], [], self.lines(token.map)
            elif kind == "inline" and row is not None:
                row.append(_inline_text(token, row_links))
            elif kind == "tr_close" and row is not None:
                if any(row):
                    text = " | ".join(row)
                    self.add(BlockKind.TABLE_ROW, text, row_span, context=None if in_head else header,
                             links=tuple(row_links))  # fmt: skip
                    if in_head:
                        header = text
                row = None
            elif kind in ("fence", "code_block"):
                info = token.info.strip()
                directive = _DIRECTIVE_RE.match(info) if kind == "fence" else None
                if directive and directive.group(1) in _ADMONITIONS and token.map:
                    argument = info[directive.end() :].strip()
                    depth = max(0, len(lists) - 1)
                    self.admonition(directive.group(1), argument, token.content, token.map[0] + 1, depth=depth)
                else:  # any other directive fence ("{code-block} console") is code too
                    self.add(BlockKind.CODE, code_text(token.content), self.lines(token.map))
                if item_open and item_open[-1]:
                    item_open[-1] = False  # a code block that opens an item: the item's text is the code
            elif kind == "html_block":
                self.html(token)
            index += 1
        taken = [span for block in self.blocks for span in block.spans] + [(d.start, d.end) for d in self.dropped]
        self.dropped += [_checked(gap) for gap in fill_gaps(self.source, taken, "markup")]
        blocks = tuple(sorted(self.blocks, key=lambda block: block.start))
        return Document(self.source, "markdown", blocks, tuple(sorted(self.dropped, key=lambda span: span.start)))

    def admonition(self, directive: str, argument: str, content: str, first_line: int, *, depth: int) -> None:
        """A MyST admonition (```{note}, ```{versionadded} 6.0): its paragraphs
        and list items, read as Markdown, a version note's first one under the
        words Sphinx shows ("New in version 6.0: ..."); its options
        (``:class: tip``) are markup."""
        prefix = _VERSION_NOTES.get(directive)
        for position, token in enumerate(tokens := _parser().parse(content)):
            if token.type != "paragraph_open" or not token.map or position + 1 >= len(tokens):
                continue
            links: list[str] = []
            text = _inline_text(tokens[position + 1], links)
            if _DIRECTIVE_OPTION_RE.fullmatch(text):
                continue
            if prefix is not None:
                text, prefix = f"{prefix} {argument}: {text}" if argument else f"{prefix}: {text}", None
            span = self.lines((first_line + token.map[0], first_line + token.map[1]))
            inside_item = position > 0 and tokens[position - 1].type == "list_item_open"
            kind = BlockKind.LIST_ITEM if inside_item else BlockKind.PARAGRAPH
            self.add(kind, text, span, links=tuple(links), depth=depth)

    def contents(self, start: int, entries: set[int]) -> None:
        """Set aside the list just read (its blocks from ``start``) when it is a
        table of contents: ``MIN_CONTENTS_ENTRIES`` items or more, each only a
        link to a place in the page ("* [Triagers](#triagers)"), nothing else,
        and not introduced by a sentence of the text ("The most common
        subcommands are:" makes such a list the text's own); with its
        heading, when one names it ("## Table of contents")."""
        listed = range(start, len(self.blocks))
        if len(listed) < MIN_CONTENTS_ENTRIES or not all(position in entries for position in listed):
            return
        first = contents_start(self.blocks, start)
        if first is None:
            return
        for block in self.blocks[first:]:
            self.dropped += [DroppedSpan(a, b, "table-of-contents", self.source[a:b]) for a, b in block.spans]
        del self.blocks[first:]

    def html(self, token: Token) -> None:
        span = self.lines(token.map)
        if span is None:
            return
        fragment = self.source[span[0] : span[1]]
        if fragment.startswith("<!--") or "<" not in fragment:
            self.dropped.append(DroppedSpan(span[0], span[1], "markup", fragment))  # a comment
            return
        from conceptdiff.read.html import read_html_fragment

        blocks, dropped = read_html_fragment(self.source, span[0], span[1])
        self.blocks.extend(blocks)
        self.dropped.extend(dropped)


# The lines markup is made of, where no block holds them: link reference definitions,
# table rules, underlines and rules, fences, tags and comments, block quote marks,
# front matter, a MyST directive's options (":class: tip").  A gap with another line is
# text the parser gave no block (the nesting limit of deep block quotes and lists):
# reported as "unread", never as markup.
_MARKUP_LINE_RE = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,500}\]:.*|\|?[ \t:|-]*-{3,}[ \t:|-]*|[=*_~`#+-]{3,}.*|</?[A-Za-z!?][^\n]*|[>\s]*|"
    r"---|\.\.\.|[\w-]{1,100}:.*|:[\w-]{1,100}:.*|.*-->)[ \t]*"
)


def _checked(gap: DroppedSpan) -> DroppedSpan:
    lines = [line for line in gap.text.split("\n") if line.strip()]
    if all(_MARKUP_LINE_RE.fullmatch(line) for line in lines):
        return gap
    return DroppedSpan(gap.start, gap.end, "unread", gap.text)


def _in_page_link(inline: Token) -> bool:
    """Is an item's paragraph one link to a place in its page, and nothing else?"""
    children = [child for child in inline.children or () if not (child.type == "text" and not child.content.strip())]
    if len(children) < 2 or children[0].type != "link_open" or children[-1].type != "link_close":
        return False
    if any(child.type in ("link_open", "link_close") for child in children[1:-1]):
        return False
    return str(children[0].attrs.get("href") or "").startswith("#")


def read_markdown(source: str, *, drop_table_of_contents: bool = True) -> Document:
    """Read Markdown (see the module's rules); a list of links to places in
    the page is a table of contents, set aside when ``drop_table_of_contents``."""
    return _Reader(source).run(_parser().parse(source), drop_contents=drop_table_of_contents)


# -- telling Markdown from plain text ------------------------------------------------

_ATX_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_TABLE_RULE_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE)
_LINK_RE = re.compile(r"\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)")
_REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]\n]{1,100}\]:[ \t]+\S", re.MULTILINE)
_STRONG_STAR_RE = re.compile(r"\*\*\w[^*\n]{0,200}\w\*\*")
_STRONG_UNDERSCORE_RE = re.compile(r"__(?<!\w__)\w[^_\n]{0,200}\w__(?!\w)")
_INDENTED_RE = re.compile(r"^(?: {4}|\t)\S", re.MULTILINE)
_NONBLANK_RE = re.compile(r"^[ \t]*\S", re.MULTILINE)


def _headings(sample: str) -> int:
    """The ``#`` headings of ``sample``, leaving out runs of three lines or
    more that start with ``#`` (text set in comments) and a ``#`` line set
    between two lines of text with no blank line on either side (a shell
    comment among commands: "git branch textual" + "# spent here most of the
    effort" + "git push ...")."""
    count = run = headings_in_run = 0
    lines = sample.splitlines()
    for at, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            run += 1
            inside = 0 < at < len(lines) - 1 and lines[at - 1].strip() != "" and lines[at + 1].strip() != ""
            headings_in_run += _ATX_RE.match(line) is not None and not (inside and run == 1)
            continue
        count += headings_in_run if run < 3 else 0
        run = headings_in_run = 0
    return count + (headings_in_run if run < 3 else 0)


def _count(pattern: re.Pattern[str], sample: str, most: int, mark: str) -> int:
    """How many times ``pattern`` matches in ``sample``, counted up to ``most``;
    0 at once when ``mark`` (which every match holds) is nowhere in it."""
    if mark not in sample:
        return 0
    return sum(1 for _ in itertools.islice(pattern.finditer(sample), most))


def looks_like_markdown(text: str) -> bool:
    """Is ``text`` (from a ``.txt`` file, or given as text) clearly Markdown?

    Positive evidence is needed: ``#`` headings, fenced code, a table rule,
    inline links or reference definitions, strong emphasis; and a plain text
    laid out with indented paragraphs is never Markdown (its paragraphs would
    read as code blocks).

    >>> looks_like_markdown("# Terms\\n\\nSee [the docs](https://x.org).\\n\\n## Scope\\n")
    True
    >>> looks_like_markdown("1. Scope\\n\\n    The licensee may use the work.\\n")
    False
    """
    sample = text[:65_536]  # evidence shows early; a bounded sample keeps the test cheap
    headings = _headings(sample) if "#" in sample else 0
    # Each mark is looked for only where its characters are (a plain text has few), and counted
    # only as far as the score counts it.
    fences = len(_FENCE_RE.findall(sample)) if "```" in sample or "~~~" in sample else 0
    rule = "|" in sample and "---" in sample and _TABLE_RULE_RE.search(sample) is not None
    score = (
        min(headings, 4)
        + 3 * min(fences // 2, 1)
        + 3 * rule
        + _count(_LINK_RE, sample, 3, "](")
        + _count(_REFERENCE_RE, sample, 2, "]:")
        + min(_count(_STRONG_STAR_RE, sample, 2, "**") + _count(_STRONG_UNDERSCORE_RE, sample, 2, "__"), 2)
    )
    if score < 3:
        return False
    if fences:
        return True
    lines = len(_NONBLANK_RE.findall(sample))
    return len(_INDENTED_RE.findall(sample)) < 0.3 * max(1, lines)
