"""Number labels and bullets: what starts a list item or a numbered heading.

One home for the patterns every reader and the segmenter share: a label is
kept apart from its clause's text (``3.``, ``(b)``, ``IV.``, ``1.2.``,
``Article 12``), so that renumbering is never rewording; a bullet is dropped.

>>> split_label("(b) the Work"), split_label("2.1. Scope"), split_label("Article 12 Termination")
(('(b)', 1, 3), ('2.1', 2, 4), ('Article 12', 1, 10))
>>> split_label("Section 1 -- Definitions."), split_label("Fig. 2. hello-rust-integer program.")
(('Section 1', 1, 12), ('Fig. 2', 1, 7))
>>> split_label("Section 6 states the terms"), split_label("2002 was a year")
((None, 0, 0), (None, 0, 0))
>>> label_style("IV"), label_style("(b)"), label_style("1.2")
('roman-upper', 'letter-lower()', 'number')
"""

from __future__ import annotations

import re

__all__ = ["BULLET_RE", "BULLET_STARTS", "LABEL_STARTS", "bullet_length", "label_style", "split_label"]

# A word label ("Article 12") is a label only before a title or a mark, never
# before the rest of a sentence ("Section 6 states ..."): the look-ahead at the
# end asks for a period, colon or dash, the end, or a capital, digit or quote.
_LABEL_RE = re.compile(
    r"""
    (?:
        (?P<word>(?:Article|ARTICLE|Art\.|Section|SECTION|Sec\.|Chapter|CHAPTER|Part|PART|Rule|Paragraph|§{1,2}
            |Fig\.|Figure|FIGURE|Table|TABLE)
            [ \t]?[0-9IVXLCDM]{1,7}[a-z]?(?:\.[0-9]{1,3}){0,4}
          | (?:Appendix|APPENDIX|Annex|ANNEX)[ \t][A-Z0-9]{1,3}(?:\.[0-9]{1,3}){0,4})
            (?:\.|[ \t]*(?:[:–—-]|--)(?=\s)|(?=[ \t]*$)|(?=[ \t]+[A-Z0-9"“'‘(]))
      | \((?P<paren>[0-9]{1,3}|[a-z]{1,2}|[A-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\)
      | \[(?P<bracket>[0-9]{1,3})\]
      | (?P<multi>(?:[0-9]{1,3}|[A-Z])(?:\.[0-9]{1,3}){1,5})\.?
      | (?P<number>[0-9]{1,3})[.)]
      | (?P<roman>[IVXLCDM]{1,6}|[ivxlcdm]{1,6})[.)]
      | (?P<letter>[a-zA-Z])[.)]
    )
    (?=\s|$)
    """,
    re.VERBOSE,
)
_SPACE_RE = re.compile(r"\s+")
_VERSION_RE = re.compile(r"[ \t]+[0-9]+(?:\.[0-9]+)*[ \t]*")
_SIGN_AFTER_RE = re.compile(r"[ \t]+(?:[0-9]{4}\b|copyright\b)", re.IGNORECASE)
_ANOTHER_NUMBER_RE = re.compile(r"[ \t]*(?:&|and)[ \t]+[0-9]{1,3}(?:\.[0-9]{1,3})*\.?(?:[ \t]|$)|[ \t]*&[ \t]")

# Bullets of any glyph, including the Symbol/Wingdings private-use ones PDF extraction leaves, and
# the code PDFium gives TeX's math-symbol bullet where the font maps no Unicode (pdfLaTeX's default).
_BULLETS = "-*+•◦▪▫‣●○■□◆◇►▶–—·⁃∙➢➤✓✔❖➔→⦁\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\x88"
#: A bullet at the start of a (stripped) line: the glyph, then white space or the end.
BULLET_RE = re.compile(r"(?:[" + re.escape(_BULLETS) + r"]|o(?=[ \t]))(?=\s|$)")
#: A text starting with none of these has no bullet (a hot path's pre-check).
BULLET_STARTS = frozenset(_BULLETS + "o")
#: A label starts with one of these, or is one letter followed by "." or ")".
LABEL_STARTS = frozenset("ASCPRFT§([0123456789IVXLCDMivxlcdm")


def split_label(text: str) -> tuple[str | None, int, int]:
    """Find a leading number label in ``text`` (already stripped on the left).

    Returns ``(label, depth, length)``: the label as reported (``"3"``,
    ``"(b)"``, ``"IV"``, ``"Article 12"``, ``"1.2"``: its trailing ``.`` or
    ``)`` off), its depth (1 for a plain number, 2 for ``1.2`` ...) and how
    many characters it takes (the mark after a word label included), or
    ``(None, 0, 0)``.
    """
    if not (text[:1] in LABEL_STARTS or text[1:2] in (".", ")")):
        return None, 0, 0  # no alternative of the pattern can match: a hot path
    match = _LABEL_RE.match(text)
    if match is None or (match["paren"] in ("c", "C") and _SIGN_AFTER_RE.match(text, match.end())):
        return None, 0, 0  # "(c) 2024 Example Ltd.", "(c) Copyright 1995 ...": a copyright sign, no label
    if _ANOTHER_NUMBER_RE.match(text, match.end()):
        return None, 0, 0  # "6.5 & 6.6", "9.10 and 11.5", "10.4 & perl": sections named, no item's label
    if match["roman"] in ("V", "v") and _VERSION_RE.fullmatch(text, match.end()):
        return None, 0, 0  # "V. 1.1", "v. 2.0": a version, no fifth section's title
    if match["word"]:
        label = _SPACE_RE.sub(" ", match["word"])
        end = match.end()
        if text[match.start("word") + len(match["word"]) : end].strip() == "":
            end = match.start("word") + len(match["word"])  # only white space after it: not part of the label
        return label, 1 + label.rsplit(None, 1)[-1].count("."), end  # "Art. 5" is one deep, "Section 2.1" two
    if match["paren"]:
        return f"({match['paren']})", 1, match.end()
    if match["bracket"]:
        return f"[{match['bracket']}]", 1, match.end()  # a reference list's "[1]"
    if match["multi"]:
        return match["multi"], 1 + match["multi"].count("."), match.end()
    for group in ("number", "roman", "letter"):
        if match[group]:
            return match[group], 1, match.end()
    return None, 0, 0  # pragma: no cover - every alternative names a group


def bullet_length(text: str) -> int:
    """How many characters a leading bullet takes in ``text`` (0: none)."""
    if text[:1] not in BULLET_STARTS:
        return 0
    match = BULLET_RE.match(text)
    return match.end() if match else 0


def label_style(label: str) -> str:
    """The style of a number label, which decides how labelled headings nest
    (``I.`` > ``A.`` > ``1.`` in the order the styles first appear)."""
    if " " in label:
        return label.split()[0].casefold()
    core = label.strip("()[]").split(".")[0]
    if label.startswith("["):
        return "number[]"  # a reference list's "[1]"
    if core.isdigit():
        return "number" + ("()" if label.startswith("(") else "")
    kind = "roman" if set(core) <= set("IVXLCDMivxlcdm") and (len(core) > 1 or core in "IiVvXx") else "letter"
    return kind + ("-upper" if core.isupper() else "-lower") + ("()" if label.startswith("(") else "")
