"""The one frozen options object that travels through the pipeline.

Every threshold that decides a result lives here, with its default, its range
and the reason for its value (see ``docs/alignment.md`` for how they were
chosen from ``benchmarks/quality.py``).

>>> from conceptdiff import Options
>>> Options().reworded_threshold
0.5
>>> import attrs
>>> attrs.evolve(Options(), detect_moves=False).detect_moves
False
"""

from __future__ import annotations

from typing import Any

import attrs

from conceptdiff._validators import at_least_two, boolean, positive_int, unit_interval
from conceptdiff.errors import InvalidOptionsError

__all__ = ["Options"]


@attrs.frozen(kw_only=True)
class Options:
    """How two editions are read and aligned.

    Similarities are word-level: the share of words two clauses have in common,
    in order (``2 * LCS / (len(a) + len(b))`` over case-folded words).

    Attributes:
        reworded_threshold: two clauses are "the same clause, reworded" when
            their similarity is at least this (default 0.5: at least half of
            the words carried over).  Below it they are reported as one clause
            removed and another added.
        positional_threshold: a lower bar for the one old and one new clause
            left unmatched between the same two matched neighbours, which are
            paired as a rewording when at least this similar; in a gap of up
            to eight unmatched clauses a side, clauses of one kind are paired
            in order at this bar too, most similar first.
        in_place_threshold: a lower bar still for such a pair when both
            neighbours are unchanged or matched in order (or the edition's
            edge; a split or merge here needs unchanged neighbours) and the
            two clauses are of one kind: a clause rewritten in place, reported
            as reworded with a low confidence (only below ``positional_threshold``,
            which pairs the rest; 1 switches the rule off).  Half of it when
            the two clauses bear the same number label, which confirms the place.
        split_threshold: a clause split into several consecutive clauses (or
            several merged into one) must reach this similarity between the
            one text and the joined others.
        piece_containment: each piece of a split (each part of a merge) must
            have at least this share of its words in the whole.
        max_split_parts: the most clauses one split or merge may cover.
        detect_moves: report clauses matched out of order as MOVED; when
            False, out-of-order pairs are left as REMOVED + ADDED.
        detect_splits: look for splits and merges.
        in_place_bonus: when candidate pairs are ranked, a pair whose clauses
            sit between the same two in-order neighbours gets this bonus, so a
            clause reworded in place beats a near-duplicate far away (which
            would be reported as MOVED).  Ranking only: similarities reported
            are never changed.
        candidates_per_clause: how many fuzzy candidates each clause keeps from
            the index (bounds the work on documents with many similar clauses).
        word_diff_budget: the largest product of token counts that one word
            diff may work on before the diff falls back to a coarser
            (sentence-level, then clause-level) but still deterministic plan.
        max_input_bytes: the largest input read, in bytes; a larger one
            raises :class:`~conceptdiff.InputTooLargeError` before it is read.

    Reading editions (the rule families of ``docs/reading.md``; each
    can be switched off, and what a rule sets aside is recorded in
    :attr:`Edition.dropped`):
        repair_mojibake: repair text decoded with the wrong code page
            (``RussiaÃ¢â‚¬â„¢s`` -> ``Russia’s``) when the repair is unambiguous
            (needs the ``ftfy`` package, extra ``conceptdiff[clean]``).
        strip_markup: Markdown/reST/HTML markup off clause texts (``**bold**``,
            ``[link](url)``, ````code````, ``<br>``, rules, fences).
        join_lines: rejoin hard-wrapped lines, words hyphenated across lines,
            and paragraphs broken by a page break.
        repair_spacing: rejoin spaced-out letters (``F E B R U A R Y 2 0 1 5``
            -> ``FEBRUARY 2015``).
        drop_page_furniture: drop running headers/footers (any capitalization)
            and page numbers.
        running_header_repeats: how many times a short line must recur, spread
            through the text, to count as a running header or footer.
        drop_table_of_contents: drop a table of contents (dot leaders, page
            numbers after a "Contents" heading).
        drop_boilerplate: drop date lines, photo credits, share/comment
            footers and similar web-page boilerplate standing alone.
        drop_off_topic: in a text where boilerplate was found, also drop
            furniture no rule names: a short line that is no sentence and
            shares no word with the lines around it and few with the text
            (recorded as ``"off-topic"``), and a line mostly off the text's
            topic that a learned model of web furniture scores as furniture
            (``"likely-boilerplate"``; :mod:`conceptdiff.read._furniture`).
            A heading whose words the text never uses can be taken for one:
            switch off to keep them.
        split_glued_headings: split a heading glued to the end or the start of
            a paragraph into a clause of its own.
        drop_duplicates: drop a clause that repeats one at most
            ``duplicate_window`` clauses before it (same label, same normalized
            text), or the tail of a list item that repeats the next item, in
            plain text and web pages (the forms a scraper's copy comes in; a
            Markdown file, a Word document and a PDF keep what their authors
            wrote twice); when False, such clauses are kept and flagged
            ``"duplicate"``.
        duplicate_window: how many clauses back a duplicate is looked for.
        flag_languages: flag clauses written in another language than the
            edition's main one with ``"language:xx"`` (ISO 639-1; needs
            ``py3langid``, extra ``conceptdiff[lang]``; skipped without it).
    """

    reworded_threshold: float = attrs.field(default=0.5, validator=unit_interval)
    positional_threshold: float = attrs.field(default=0.45, validator=unit_interval)
    in_place_threshold: float = attrs.field(default=0.3, validator=unit_interval)
    split_threshold: float = attrs.field(default=0.6, validator=unit_interval)
    piece_containment: float = attrs.field(default=0.6, validator=unit_interval)
    max_split_parts: int = attrs.field(default=4, validator=at_least_two)
    detect_moves: bool = attrs.field(default=True, validator=boolean)
    detect_splits: bool = attrs.field(default=True, validator=boolean)
    in_place_bonus: float = attrs.field(default=0.1, validator=unit_interval)
    candidates_per_clause: int = attrs.field(default=12, validator=positive_int)
    word_diff_budget: int = attrs.field(default=4_000_000, validator=positive_int)
    max_input_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=positive_int)
    repair_mojibake: bool = attrs.field(default=True, validator=boolean)
    strip_markup: bool = attrs.field(default=True, validator=boolean)
    join_lines: bool = attrs.field(default=True, validator=boolean)
    repair_spacing: bool = attrs.field(default=True, validator=boolean)
    drop_page_furniture: bool = attrs.field(default=True, validator=boolean)
    running_header_repeats: int = attrs.field(default=3, validator=at_least_two)
    drop_table_of_contents: bool = attrs.field(default=True, validator=boolean)
    drop_boilerplate: bool = attrs.field(default=True, validator=boolean)
    drop_off_topic: bool = attrs.field(default=True, validator=boolean)
    split_glued_headings: bool = attrs.field(default=True, validator=boolean)
    drop_duplicates: bool = attrs.field(default=True, validator=boolean)
    duplicate_window: int = attrs.field(default=8, validator=positive_int)
    flag_languages: bool = attrs.field(default=True, validator=boolean)

    def __attrs_post_init__(self) -> None:
        if self.positional_threshold > self.reworded_threshold:
            raise InvalidOptionsError(
                "positional_threshold",
                self.positional_threshold,
                f"must not exceed reworded_threshold={self.reworded_threshold!r}",
            )

    def keeping(self, *what: str) -> Options:
        """These options with some set-aside text kept as clauses instead.

        ``what`` names families (a name may hold several, comma-separated):
        ``"boilerplate"`` (web boilerplate and off-topic lines:
        ``drop_boilerplate``, ``drop_off_topic``), ``"duplicates"``
        (``drop_duplicates``: kept and flagged ``"duplicate"``) and
        ``"furniture"`` (running headers, page numbers and tables of contents:
        ``drop_page_furniture``, ``drop_table_of_contents``).  The command
        line's ``--keep`` is this.

        >>> kept = Options().keeping("boilerplate,duplicates")
        >>> kept.drop_boilerplate, kept.drop_duplicates, kept.drop_page_furniture
        (False, False, True)
        """
        switches: dict[str, bool] = {}
        for item in what:
            for name in str(item).split(","):
                key = name.strip().lower()
                if key not in _KEEP:
                    raise InvalidOptionsError("keep", name, f"must be one of {', '.join(_KEEP)}")
                switches.update(dict.fromkeys(_KEEP[key], False))
        return attrs.evolve(self, **switches)

    def to_dict(self) -> dict[str, Any]:
        """The options as a JSON-safe dict (used by ``Comparison.to_dict``)."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Options:
        """Rebuild options from :meth:`to_dict`; unknown keys raise."""
        known = {field.name for field in attrs.fields(cls)}
        for key in data:
            if key not in known:
                raise InvalidOptionsError(key, data[key], "unknown option")
        return cls(**data)


#: The families of set-aside text :meth:`Options.keeping` keeps, and the switches each turns off.
_KEEP = {
    "boilerplate": ("drop_boilerplate", "drop_off_topic"),
    "duplicates": ("drop_duplicates",),
    "furniture": ("drop_page_furniture", "drop_table_of_contents"),
}
