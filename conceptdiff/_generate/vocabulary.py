"""Synthetic editions: policy-like clauses with no data files needed.

:func:`generate_edition` builds one edition (a tuple of clause strings) from
the built-in vocabulary, or takes a run of consecutive clauses of a pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from conceptdiff._generate.choosers import Chooser
from conceptdiff._generate.text import clause_words, normalized, to_roman

__all__ = ["generate_edition", "synth_clause", "synth_paragraph"]

_SUBJECTS: Final = (
    "The Controller",
    "The Processor",
    "The Licensor",
    "The Licensee",
    "Each Member State",
    "The Commission",
    "The supervisory authority",
    "The service provider",
    "The Contractor",
    "The Board",
    "The data protection officer",
    "Each party",
    "The Agency",
    "The Secretariat",
    "The competent authority",
    "The account holder",
    "The operator",
    "The recipient",
    "The applicant",
    "The Council",
)
_MODALS: Final = ("shall", "must", "may", "should", "will", "shall not", "may not")
_VERBS: Final = (
    "notify",
    "inform",
    "provide",
    "retain",
    "disclose",
    "process",
    "review",
    "publish",
    "maintain",
    "transfer",
    "suspend",
    "assess",
    "document",
    "restrict",
    "report",
    "verify",
    "establish",
    "update",
    "delete",
    "protect",
)
_OBJECTS: Final = (
    "personal data",
    "the records of processing activities",
    "any security incident",
    "the terms of this Licence",
    "all relevant information",
    "a written notice",
    "the annual report",
    "the source code of the Work",
    "the list of authorised recipients",
    "any request for access",
    "the results of the assessment",
    "its internal procedures",
    "the contact details of the representative",
    "any changes to the service",
    "the technical and organisational measures",
    "a copy of the agreement",
    "the categories of data subjects",
    "the applicable fees",
    "the register of decisions",
    "the information referred to in paragraph 2",
)
_TAILS: Final = (
    "",
    " without undue delay",
    " within thirty days",
    " in accordance with this Article",
    " where necessary",
    " on a regular basis",
    " to the extent permitted by law",
    " at the request of the data subject",
    " in a clear and accessible form",
    " for a period not exceeding five years",
    " prior to any transfer",
    " in writing",
    " unless otherwise agreed",
    " by electronic means",
    " under the conditions laid down in Article 6",
)
_CODAS: Final = (
    "",
    "",
    " and shall keep a record thereof",
    ", provided that the rights of others are not affected",
    " so that the objectives of this Policy are met",
    ", taking into account the state of the art",
    ", having regard to the nature of the processing",
    " and shall cooperate with the authorities concerned",
)
_OPENERS: Final = (
    "",
    "",
    "",
    "Where appropriate, ",
    "Subject to paragraph 3, ",
    "Without prejudice to Article 9, ",
    "In exceptional cases, ",
    "For the purposes of this Policy, ",
)
_HEADINGS: Final = (
    "Definitions",
    "Scope",
    "Data retention",
    "Security of processing",
    "Rights of the data subject",
    "Transfers to third countries",
    "Obligations of the Licensee",
    "Term and termination",
    "Liability",
    "Governing law",
    "Final provisions",
    "Transparency",
    "Cooperation with authorities",
    "Complaints",
    "Amendments",
    "Entry into force",
    "Confidentiality",
    "Audit",
    "Records",
    "Notifications",
    "General principles",
    "Sanctions",
    "Reporting",
    "Access to information",
)
_HEADING_STYLES: Final = ("number", "article", "roman", "plain")
_ITEM_STYLES: Final = ("letter", "dash", "star", "number")


def _synth_sentence(c: Chooser) -> str:
    opener = c.choice(_OPENERS)
    subject = c.choice(_SUBJECTS)
    if opener and subject.startswith(("The ", "Each ")):
        subject = subject[0].lower() + subject[1:]
    sentence = (
        f"{opener}{subject} {c.choice(_MODALS)} {c.choice(_VERBS)} "
        f"{c.choice(_OBJECTS)}{c.choice(_TAILS)}{c.choice(_CODAS)}."
    )
    return sentence[0].upper() + sentence[1:]


def synth_paragraph(c: Chooser) -> str:
    return " ".join(_synth_sentence(c) for _ in range(c.integer(1, 3)))


def _synth_heading(c: Chooser) -> str:
    heading = c.choice(_HEADINGS)
    if c.boolean(0.3):
        other = c.choice(_HEADINGS)
        if other != heading:
            heading = f"{heading} and {other[0].lower()}{other[1:]}"
    return heading


def _heading_label(style: str, n: int) -> str:
    if style == "number":
        return f"{n}. "
    if style == "article":
        return f"Article {n} "
    if style == "roman":
        return f"{to_roman(n)}. "
    return ""


def _item_label(style: str, n: int) -> str:
    if style == "letter":
        return f"({'abcdefghijklmnopqrstuvwxy'[min(n, 25) - 1]}) "
    if style == "dash":
        return "- "
    if style == "star":
        return "* "
    return f"{n}. "


def synth_clause(c: Chooser) -> str:
    """One clause of any shape: heading, numbered item, bullet or paragraph."""
    shape = c.integer(0, 3)
    if shape == 0:
        return synth_paragraph(c)
    if shape == 1:
        return _heading_label(c.choice(_HEADING_STYLES), c.integer(1, 12)) + _synth_heading(c)
    return _item_label(c.choice(_ITEM_STYLES), c.integer(1, 8)) + _synth_sentence(c)


_MAX_SYNTHETIC: Final = 5000  # below the 8,000 fallback sentences, see generate_edition


def generate_edition(
    chooser: Chooser,
    *,
    min_size: int = 1,
    max_size: int = 30,
    pool: Sequence[str] | None = None,
) -> tuple[str, ...]:
    """Build one edition: a tuple of clause strings.

    Without ``pool`` the edition is a synthetic policy document: headings
    ("3. Data retention", "Article 2 Scope", "IV. Audit"), paragraphs of one to
    three sentences, and lists of items labelled "(a)", "1.", "-" or "*".
    Clause texts are unique after normalization, and so are their word
    sequences (a clause drawn twice is replaced by one from a fixed
    enumeration of 8,000 distinct sentences, so an edition always has the
    drawn size; at most 5,000 clauses).  With ``pool`` the edition is a run of
    consecutive pool entries, so real documents keep their order.

    >>> from conceptdiff._generate.choosers import RandomChooser
    >>> ed = generate_edition(RandomChooser(5), min_size=10, max_size=10)
    >>> len(ed), len({normalized(t) for t in ed})
    (10, 10)
    >>> generate_edition(RandomChooser(5), min_size=2, max_size=2, pool=["a", "b", "c"]) in [("a", "b"), ("b", "c")]
    True
    """
    if min_size < 0 or max_size < min_size:
        raise ValueError(f"need 0 <= min_size <= max_size, got {min_size!r} and {max_size!r}")
    if pool is not None:
        pool = tuple(pool)
        if len(pool) < min_size:
            raise ValueError(f"pool has {len(pool)} clauses, fewer than min_size={min_size!r}")
        size = chooser.integer(min_size, min(max_size, len(pool)))
        start = chooser.integer(0, len(pool) - size)
        return pool[start : start + size]

    if max_size > _MAX_SYNTHETIC:
        raise ValueError(f"synthetic editions have at most {_MAX_SYNTHETIC} clauses, got max_size={max_size!r}")
    size = chooser.integer(min_size, max_size)
    heading_style = chooser.choice(_HEADING_STYLES)
    clauses: list[str] = []
    seen: set[str | tuple[str, ...]] = set()
    section = 0
    item_style: str | None = None
    item_no = 0
    spare = 0  # next fallback sentence, see below
    while len(clauses) < size:
        if item_style is not None and chooser.boolean(0.75) and item_no < 8:
            item_no += 1
            text = _item_label(item_style, item_no) + _synth_sentence(chooser)
        else:
            item_style = None
            if not clauses or chooser.boolean(0.2):
                section += 1
                text = _heading_label(heading_style, section) + _synth_heading(chooser)
            elif chooser.boolean(0.25):
                item_style, item_no = chooser.choice(_ITEM_STYLES), 0
                text = _synth_sentence(chooser)[:-1] + ":"
            else:
                text = synth_paragraph(chooser)
        while normalized(text) in seen or clause_words(text) in seen:
            # Taken already (Hypothesis shrinks every draw to the same first
            # choice): fall back on an enumeration of distinct sentences.
            text = _fallback_sentence(spare)
            spare += 1
        seen.add(normalized(text))
        seen.add(clause_words(text))
        clauses.append(text)
    return tuple(clauses)


def _fallback_sentence(k: int) -> str:
    """The k-th of len(_SUBJECTS) * len(_VERBS) * len(_OBJECTS) distinct sentences."""
    subject = _SUBJECTS[k % len(_SUBJECTS)]
    k //= len(_SUBJECTS)
    verb = _VERBS[k % len(_VERBS)]
    k //= len(_VERBS)
    obj = _OBJECTS[k % len(_OBJECTS)]
    return f"{subject} shall {verb} {obj}."
