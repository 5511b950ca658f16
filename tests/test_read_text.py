"""The plain-text reader (conceptdiff.read.text): the layout model on the quirks of real files."""

from __future__ import annotations

import os
import random
import textwrap
from typing import Any

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from conceptdiff import ClauseKind, Edition, Options
from conceptdiff.read import BlockKind, read_text
from conceptdiff.read.text import read_plain

from .test_read_html import audit, spans_of

NO_LANGUAGE = Options(flag_languages=False)


def texts(source: str, **kwargs: Any) -> list[str]:
    return [block.text for block in read_plain(source, **kwargs).blocks]


def table_rows(source: str) -> list[str]:
    return [block.text for block in read_plain(source).blocks if block.kind is BlockKind.TABLE_ROW]


def test_a_sentence_is_never_cut_at_a_wrap_whatever_its_next_line_starts_with() -> None:
    source = (
        "    c) You must license the entire work, as a whole, under this\n"
        "    License to anyone who comes into possession of a copy.  This\n"
        "    License will therefore apply to the whole of the work.\n"
        "\n"
        "    e) Convey the object code using peer-to-peer transmission, provided\n"
        "    you inform other peers where the object code and Corresponding\n"
        "    Source of the work are being offered to the general public.\n"
    )
    document = read_plain(source)
    assert [b.label for b in document.blocks] == ["c", "e"]
    assert document.blocks[0].text.endswith(
        "under this License to anyone who comes into possession of a copy. "
        "This License will therefore apply to the whole of the work."
    )
    assert "and Corresponding Source of the work" in document.blocks[1].text


def test_a_paragraph_a_converter_split_with_blank_lines_is_mended() -> None:
    # From the 2002 US National Security Strategy as a PDF converter gave it: a blank line after
    # every line of some paragraphs, whatever the line's length.
    source = (
        "This is also a time of opportunity for America.\n\n"
        "We will work to translate this moment of influ-\n\n"
        "ence into decades of peace, prosperity, and liberty.\n\n"
        "The United States possesses unprecedented -\n\n"
        "and unequaled - strength and influence in the world.\n\n"
        "* prevent our enemies from threatening us,\n\n"
        "our allies, and our friends, with weapons of mass destruction;\n\n"
        "* ignite a new era of global economic growth through free markets and free trade;\n"
    )
    assert texts(source) == [
        "This is also a time of opportunity for America.",
        "We will work to translate this moment of influence into decades of peace, prosperity, and liberty.",
        "The United States possesses unprecedented - and unequaled - strength and influence in the world.",
        "prevent our enemies from threatening us, our allies, and our friends, with weapons of mass destruction;",
        "ignite a new era of global economic growth through free markets and free trade;",
    ]


def test_in_a_text_that_sets_every_line_apart_blank_lines_do_not_end_a_sentence() -> None:
    # From the 2002 US National Security Strategy as a PDF converter gave it: every run of
    # the page's text a line of its own, a blank line after each (twenty lines and more).
    opening = "".join(f"Paragraph {n} of the strategy ends here.\n\n" for n in range(20))
    source = opening + (
        "We will work with the International Monetary Fund\n\n"
        "(IMF), and the private sector to implement the G-7 Action Plan.\n\n"
        "We will incorporate environmental concerns, creating a healthy\n\n"
        '"network" between multilateral environmental agreements.\n\n'
        "We will promote energy supplies in the Western Hemisphere, Africa,\n\n"
        "Central Asia, and the Caspian region.\n\n"
        '"We fight for a just peace."\n\n'
        "President Bush\n"
        "West Point, New York June 1, 2002\n\n"
        "The lessons of history are clear.\n"
    )
    assert texts(source)[20:] == [
        "We will work with the International Monetary Fund (IMF), and the private sector to implement the G-7 "
        "Action Plan.",
        'We will incorporate environmental concerns, creating a healthy "network" between multilateral environmental '
        "agreements.",
        "We will promote energy supplies in the Western Hemisphere, Africa, Central Asia, and the Caspian region.",
        '"We fight for a just peace."',
        "President Bush West Point, New York June 1, 2002",
        "The lessons of history are clear.",
    ]
    # In a text that does not set every line apart, a short line of its own after a comma
    # and a blank line still stands alone.
    assert texts("Dear members of the board,\n\nThe lessons of history are clear.\n") == [
        "Dear members of the board,",
        "The lessons of history are clear.",
    ]


def test_after_a_comma_and_a_blank_line_a_title_or_a_label_still_starts_anew() -> None:
    source = (
        "If you prefer 2.7.6 over 3.3.3,\n\npyenv install\n\nThe licensee may, at its option,\n\n(a) copy the work;\n"
    )
    assert texts(source) == [
        "If you prefer 2.7.6 over 3.3.3,",
        "pyenv install",
        "The licensee may, at its option,",
        "copy the work;",
    ]


def test_a_quotations_speaker_is_no_heading() -> None:
    source = (
        "Our Nation's cause has always been larger than our Nation's defense, and it remains so today.\n\n"
        '"We will defend the peace against the threats from terrorists and tyrants."\n\n'
        "President Bush\n\n"
        "The United States must defend liberty and justice because these principles are right.\n"
    )
    blocks = read_plain(source).blocks
    assert [(b.kind, b.text) for b in blocks][2] == (BlockKind.PARAGRAPH, "President Bush")
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert all(clause.section == () for clause in edition.clauses)  # it heads nothing


def test_an_all_capitals_paragraph_is_one_paragraph() -> None:
    source = (
        "  16. Limitation of Liability.\n\n"
        "  IN NO EVENT UNLESS REQUIRED BY APPLICABLE LAW OR AGREED TO IN WRITING\n"
        "WILL ANY COPYRIGHT HOLDER, OR ANY OTHER PARTY WHO MODIFIES AND/OR CONVEYS\n"
        "THE PROGRAM AS PERMITTED ABOVE, BE LIABLE TO YOU FOR DAMAGES.\n"
    )
    blocks = read_plain(source).blocks
    assert [(b.kind, b.label) for b in blocks] == [(BlockKind.HEADING, "16"), (BlockKind.PARAGRAPH, None)]
    assert blocks[1].text.endswith("BE LIABLE TO YOU FOR DAMAGES.")


def test_a_boxed_text_loses_its_frame_and_reads_as_paragraphs() -> None:
    source = (
        "************************************************************************\n"
        "*                                                                      *\n"
        "*  6. Disclaimer of Warranty                                           *\n"
        "*  -------------------------                                           *\n"
        "*                                                                      *\n"
        '*  Covered Software is provided under this License on an "as is"       *\n'
        "*  basis, without warranty of any kind, either expressed, implied, or  *\n"
        "*  statutory.                                                          *\n"
        "*                                                                      *\n"
        "************************************************************************\n"
    )
    document = read_plain(source)
    assert [(b.kind.value, b.label, b.text) for b in document.blocks] == [
        ("heading", "6", "Disclaimer of Warranty"),
        ("paragraph", None, 'Covered Software is provided under this License on an "as is" basis, without '
                            "warranty of any kind, either expressed, implied, or statutory."),
    ]  # fmt: skip
    assert all(d.reason == "markup" for d in document.dropped)
    audit(source, spans_of(document))


def test_centred_title_lines_and_a_copyright_notice_stand_apart() -> None:
    source = (
        "                    GNU GENERAL PUBLIC LICENSE\n"
        "                       Version 3, 29 June 2007\n"
        "\n"
        " Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n"
        " Everyone is permitted to copy and distribute verbatim copies\n"
        " of this license document, but changing it is not allowed.\n"
        "\n"
        "  The GNU General Public License is a free, copyleft license for\n"
        "software and other kinds of works, wrapped as the licence wraps them.\n"
        "  The licenses for most software are designed to take away your\n"
        "freedom to share and change the works; this one is not.\n"
    )
    assert texts(source) == [
        "GNU GENERAL PUBLIC LICENSE",
        "Version 3, 29 June 2007",
        "Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>",
        "Everyone is permitted to copy and distribute verbatim copies of this license document, but changing "
        "it is not allowed.",
        "The GNU General Public License is a free, copyleft license for software and other kinds of works, "
        "wrapped as the licence wraps them.",
        "The licenses for most software are designed to take away your freedom to share and change the works; "
        "this one is not.",
    ]


def test_text_set_in_comments_loses_its_leaders_and_reads_as_text() -> None:
    source = (
        "The following notice applies to the word lists:\n"
        "\n"
        "     #  Copyright (c) 2013, LeRoy Benjamin Sharon\n"
        "     #  All rights reserved.\n"
        "     #\n"
        "     #  Redistribution and use in source and binary forms, with or without\n"
        "     #  modification, are permitted provided that the following conditions\n"
        "     #  are met.\n"
        "\n"
        "    // Neither the name of the project nor the names of its\n"
        "    // contributors may be used to endorse or promote products derived\n"
        "    // from this software without specific prior written permission.\n"
    )
    document = read_plain(source)
    assert [block.text for block in document.blocks] == [
        "The following notice applies to the word lists:",
        "Copyright (c) 2013, LeRoy Benjamin Sharon",
        "All rights reserved.",
        "Redistribution and use in source and binary forms, with or without modification, are permitted provided "
        "that the following conditions are met.",
        "Neither the name of the project nor the names of its contributors may be used to endorse or promote "
        "products derived from this software without specific prior written permission.",
    ]
    assert sorted({d.text for d in document.dropped}) == ["#", "//"]
    audit(source, spans_of(document))


def test_text_in_a_block_comment_loses_its_stars_and_reads_as_text() -> None:
    # A licence copied from a C source file's head (Tcl's and GnuTLS's copyright files, ICU's
    # LICENSE, inside a "#" comment there): every line was an item of its own, "/*" a clause.
    notice = (
        "/*\n"
        " * Copyright (c) 1989 The Regents of the University of California.\n"
        " * All rights reserved.\n"
        " *\n"
        " * Redistribution and use in source and binary forms, with or without\n"
        " * modification, are permitted provided that the following conditions\n"
        " * are met:\n"
        " * 1. Redistributions of source code must retain the above copyright\n"
        " *    notice, this list of conditions and the following disclaimer.\n"
        " */\n"
    )
    expected = [
        "Copyright (c) 1989 The Regents of the University of California.",
        "All rights reserved.",
        "Redistribution and use in source and binary forms, with or without modification, are permitted "
        "provided that the following conditions are met:",
        "Redistributions of source code must retain the above copyright notice, this list of conditions and "
        "the following disclaimer.",
    ]
    for source in (notice, "\n".join(f" #  {line}".rstrip() for line in notice.splitlines()) + "\n"):
        document = read_plain(source)
        assert [block.text for block in document.blocks] == expected
        assert [block.kind for block in document.blocks][-1] is BlockKind.LIST_ITEM
        assert {d.text for d in document.dropped} <= {"/*", "*/", "*", "#"}
        audit(source, spans_of(document))


def test_a_comments_body_quoted_without_its_opening_loses_its_stars_but_a_starred_list_does_not() -> None:
    # GnuTLS's copyright file quotes the body of a source file's comment, its empty lines
    # a star alone: every line was an item of its own.
    body = (
        "License: Expat\n"
        " * Permission is hereby granted, free of charge, to any person obtaining a\n"
        " * copy of this software and associated documentation files, to deal in it.\n"
        " *\n"
        " * The above copyright notice and this permission notice shall be included\n"
        " * in all copies or substantial portions of the Software.\n"
    )
    document = read_plain(body)
    assert [block.text for block in document.blocks][-2:] == [
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
        "associated documentation files, to deal in it.",
        "The above copyright notice and this permission notice shall be included in all copies or substantial "
        "portions of the Software.",
    ]
    audit(body, spans_of(document))
    # A list marked with stars, one item a line, has no empty comment line: it stays a list.
    items = "The authors:\n\n* Adam Sampson of the project\n* Alexander von Gernler\n* Andrew McDonald\n"
    assert [block.kind for block in read_plain(items).blocks][1:] == [BlockKind.LIST_ITEM] * 3


def test_a_block_comment_of_code_keeps_its_stars() -> None:
    # Set in under a paragraph, the comment is an example's code, its stars its own.
    source = (
        "Each function opens with a comment in this form:\n"
        "\n"
        "    /*\n"
        "     * Return the number of entries in the table that is given as the argument.\n"
        "     * The count is kept in the table itself and read without walking it.\n"
        "     * A table that was never filled holds no entries at all.\n"
        "     */\n"
    )
    document = read_plain(source)
    assert not {"/*", "*/", "*"} & {d.text for d in document.dropped}  # nothing of it set aside as a frame
    assert "/*" in [block.text for block in document.blocks]
    audit(source, spans_of(document))


def test_a_signature_line_stands_apart_from_the_name_under_it_but_a_sentence_saying_signed_does_not() -> None:
    source = (
        "  Yoyodyne, Inc., hereby disclaims all copyright interest in the program\n"
        "  `Gnomovision' (which makes passes at compilers) written by James Hacker.\n"
        "\n"
        "  <signature of Ty Coon>, 1 April 1989\n"
        "  Ty Coon, President of Vice\n"
        "\n"
        "In a joint statement that the six parties signed on September 19, 2005, in the\n"
        "Six-Party Talks, the parties agreed to abandon the programs named in it.\n"
    )
    assert texts(source) == [
        "Yoyodyne, Inc., hereby disclaims all copyright interest in the program `Gnomovision' (which makes "
        "passes at compilers) written by James Hacker.",
        "<signature of Ty Coon>, 1 April 1989",
        "Ty Coon, President of Vice",
        "In a joint statement that the six parties signed on September 19, 2005, in the Six-Party Talks, the "
        "parties agreed to abandon the programs named in it.",
    ]


def test_an_inline_enumeration_is_no_list_and_the_next_label_of_a_list_is() -> None:
    source = (
        "  Developers that use the GNU GPL protect your rights with two steps:\n"
        "(1) assert copyright on the software, and (2) offer you this License.\n"
        "\n"
        "vi. database rights (such as those arising under Directive 96/9/EC), and\n"
        "     under any national implementation thereof; and\n"
        "vii. other similar, equivalent or corresponding rights throughout the\n"
        "     world based on applicable law or treaty.\n"
    )
    assert [(b.label, b.text[:30]) for b in read_plain(source).blocks] == [
        (None, "Developers that use the GNU GP"),
        ("vi", "database rights (such as those"),
        ("vii", "other similar, equivalent or c"),
    ]


def test_a_plain_text_table_is_read_by_row_with_its_header_as_context() -> None:
    # Python's LICENSE: a two-line header ("Derived" over "from", "GPL-" over "compatible"),
    # an empty cell, cells of words one space apart; GCC's copyright file: a rule under the
    # header and rows of two cells among rows of four.
    source = (
        "The table below summarizes the various releases.\n"
        "\n"
        "    Release         Derived     Year        Owner       GPL-\n"
        "                    from                                compatible? (1)\n"
        "\n"
        "    0.9.0 thru 1.2              1991-1995   CWI         yes\n"
        "    1.3 thru 1.5.2  1.2         1995-1999   CNRI        yes\n"
        "    2.2 and above   2.1.1       2001-now    PSF         yes\n"
        "\n"
        "Language      Compiler package  Library package   Documentation\n"
        "-------------------------------------------------------------\n"
        "Ada           gnat-12           libgnat-12        gnat-12-doc\n"
        "D             gdc-12\n"
        "Fortran 95    gfortran-12       libgfortran5      gfortran-12-doc\n"
        "Go            gccgo-12          libgo0\n"
        "\n"
        "Footnotes: two spaces  after a sentence  in prose make no table.\n"
        "Nor do they  when a few lines  have them.\n"
        "They never  line up  in columns.\n"
    )
    document = read_plain(source)
    rows = [(b.text, b.context) for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    python = "Release | Derived from | Year | Owner | GPL-compatible? (1)"
    gcc = "Language | Compiler package | Library package | Documentation"
    assert rows == [
        (python, None),
        ("0.9.0 thru 1.2 | | 1991-1995 | CWI | yes", python),
        ("1.3 thru 1.5.2 | 1.2 | 1995-1999 | CNRI | yes", python),
        ("2.2 and above | 2.1.1 | 2001-now | PSF | yes", python),
        (gcc, None),
        ("Ada | gnat-12 | libgnat-12 | gnat-12-doc", gcc),
        ("D | gdc-12 | |", gcc),
        ("Fortran 95 | gfortran-12 | libgfortran5 | gfortran-12-doc", gcc),
        ("Go | gccgo-12 | libgo0 |", gcc),
    ]
    assert [b.kind for b in document.blocks if "two spaces" in b.text] == [BlockKind.PARAGRAPH]
    assert [d.reason for d in document.dropped if set(d.text) == {"-"}] == ["markup"]
    audit(source, spans_of(document))


_CELLS = ["Ada", "gnat-12", "1991-1995", "2.1.1", "yes", "", "Fortran 95", "-", "CWI", "thru 1.2"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_CELLS), min_size=1, max_size=5), min_size=1, max_size=8),
    st.lists(st.integers(1, 14), min_size=5, max_size=5),
    st.booleans(),
)
# Found by the thorough profile: names padded to a dash ("Ada - Ada") read as a two-column table, whose
# last row's description kept the padding of cells run together ("AdaAda  Ada").
@example([["Ada", "-", "Ada"], ["Ada", "-", "Ada"], ["Ada", "-", "Ada", "Ada", "Ada"]], [4, 1, 1, 4, 1], False)
def test_any_column_layout_reads_without_error_and_keeps_the_audit(
    rows: list[list[str]], widths: list[int], ruled: bool
) -> None:
    lines = ["Name   Value   Year   Owner   Note", *(["-" * 30] if ruled else [])]
    for row in rows:
        lines.append("".join(cell.ljust(width + 1) for cell, width in zip(row, widths, strict=False)).rstrip())
    source = "Text before the table.\n\n" + "\n".join(lines) + "\n\nText after it.\n"
    document = read_plain(source)
    assert all(block.text.strip() for block in document.blocks)
    audit(source, spans_of(document))
    for block in document.blocks:
        if block.kind is BlockKind.TABLE_ROW:
            assert " | " in block.text and "  " not in block.text


def test_a_number_that_cannot_label_the_next_item_continues_the_sentence() -> None:
    source = (
        "4. CNRI is making Python 1.6.1 available to Licensee on an AS IS basis, and it\n"
        "makes no representations or warranties of any kind, whether express or implied.\n"
        "\n"
        "5. CNRI SHALL NOT BE LIABLE TO LICENSEE OR ANY OTHER USERS OF PYTHON\n"
        "1.6.1 FOR ANY INCIDENTAL, SPECIAL, OR CONSEQUENTIAL DAMAGES OR LOSS AS\n"
        "A RESULT OF MODIFYING, DISTRIBUTING, OR OTHERWISE USING PYTHON 1.6.1.\n"
    )
    assert [(b.label, b.text[:30]) for b in read_plain(source).blocks] == [
        ("4", "CNRI is making Python 1.6.1 av"),
        ("5", "CNRI SHALL NOT BE LIABLE TO LI"),
    ]
    # The next number of the list, a sub-item's or a first label still start an item.
    for following in ("6. This License", "5.1 This License", "a) This License"):
        blocks = read_plain(source.replace("1.6.1 FOR ANY", f"{following} FOR ANY")).blocks
        assert [b.label for b in blocks] == ["4", "5", following.split()[0].rstrip(".)")]


def test_paragraphs_without_blank_lines_are_told_by_their_first_line_indent() -> None:
    source = "\n".join(
        [
            "   The Union will defend its members against every threat, in every domain,",
            "and at every level of escalation that an adversary may choose to attempt.",
            "   Our partners are essential. We will deepen cooperation with them in trade,",
            "in research and in the protection of critical infrastructure of the union.",
            "   We will invest in the resilience of our societies and our economies, and",
            "in the skills of the people who run them.",
        ]
    )
    assert [text[:20] for text in texts(source)] == [
        "The Union will defen",
        "Our partners are ess",
        "We will invest in th",
    ]


def test_a_line_broken_mid_sentence_in_unwrapped_text_is_mended_and_short_lines_stand_alone() -> None:
    source = (
        "The al-Qaida network has been significantly degraded. Most of those responsible for the attacks, "
        "the plot's mastermind\n"
        "Khalid Shaykh Muhammad, have been captured or killed.\n"
        "\n"
        "Thomas Leonard\n"
        "Project Lead, X Desktop Group\n"
    )  # fmt: skip
    assert texts(source) == [
        "The al-Qaida network has been significantly degraded. Most of those responsible for the attacks, the "
        "plot's mastermind Khalid Shaykh Muhammad, have been captured or killed.",
        "Thomas Leonard",
        "Project Lead, X Desktop Group",
    ]


def test_words_hyphenated_at_a_wrap_are_mended_unless_the_document_writes_the_compound() -> None:
    source = (
        "The well-known arrangements of the Union apply to every annual proce-\n"
        "dure of the Member States, and to the well-\n"
        "known arrangements of their partners in the Union as a whole too.\n"
        "Other lines make the width of the text clear to the reader of it.\n"
        "More lines of the same width as the ones above them on this page.\n"
        "A sixth line so that the text is taken for a wrapped one at last.\n"
    )
    text = texts(source)[0]
    assert "procedure" in text and "the well-known arrangements of their" in text


def test_restructuredtext_literal_blocks_and_directives() -> None:
    source = (
        "Use this::\n\n    def f():\n        return 1\n\n.. note::\n\n   Notes are text.\n\n"
        ".. code-block:: python\n   :linenos:\n\n   x = 1\n\n.. a comment\n   of two lines\n\nEnd.\n"
    )
    document = read_text(source, name="guide.rst")
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("paragraph", "Use this:"),
        ("code", "def f():\n    return 1"),
        ("paragraph", "Notes are text."),
        ("code", "x = 1"),
        ("paragraph", "End."),
    ]
    audit(source, spans_of(document))


def test_restructuredtext_toctree_entries_are_a_list_and_directive_options_are_markup() -> None:
    # CMake's manual: a toctree's entries are links, one a list item, their targets set aside;
    # a directive's options (":maxdepth: 1") are never text, and its long lines say nothing of
    # the width the prose was wrapped at.
    prose = (
        "A policy is a deprecation mechanism and not a reliable feature toggle.\n"
        "A policy should almost never be set to ``OLD``, except to silence warnings\n"
        "in an otherwise frozen or stable codebase, or temporarily as part of a\n"
        "larger migration path.\n\n"
    )
    entry = "   CMP01{n:02}: The Xcode generator does not append per-config suffixes to paths. </policy/CMP01{n:02}>\n"
    entries = "".join(entry.format(n=n) for n in range(12))
    source = (
        "Introduction\n============\n\n" + prose + "Policies Introduced by CMake 3.25\n"
        "=================================\n\n.. toctree::\n   :maxdepth: 1\n\n"
        + entries
        + "\n.. note::\n   :class: small\n\n   Notes are text.\n"
    )
    document = read_text(source, name="cmake-policies.7.rst")
    blocks = [(b.kind.value, b.text) for b in document.blocks]
    assert blocks[:3] == [
        ("heading", "Introduction"),
        ("paragraph", " ".join(prose.replace("``", "").split())),
        ("heading", "Policies Introduced by CMake 3.25"),
    ]
    assert blocks[3] == (
        "list_item",
        "CMP0100: The Xcode generator does not append per-config suffixes to paths.",
    )
    assert len(blocks) == 3 + 12 + 1 and blocks[-1] == ("paragraph", "Notes are text.")
    assert not any(":maxdepth:" in text or ":class:" in text or "</policy/" in text for _, text in blocks)
    audit(source, spans_of(document))


def test_a_txt_file_written_in_restructuredtext_is_read_as_such() -> None:
    # Docutils' COPYING.txt: a .txt name, reStructuredText content (targets, references, a field list).
    source = (
        "==================\n Copying Docutils\n==================\n\n"
        ":Author: David Goodger\n:Copyright: This document has been placed in the public domain.\n\n"
        "Most of the files have been placed in the public domain; see the\n"
        "`Public Domain Dedication`_ below.  There are a few exceptions_, and\n"
        "docutils/__main__.py is one of them (`local copy <licenses/gpl-3-0.txt>`__).\n\n"
        ".. _Public Domain Dedication: #public-domain-dedication\n"
        ".. _exceptions: #exceptions\n"
        "__ licenses/gpl-3-0.txt\n"
    )
    document = read_text(source, name="COPYING.txt")
    assert [b.text for b in document.blocks] == [
        "Copying Docutils",
        "Author: David Goodger",
        "Copyright: This document has been placed in the public domain.",
        "Most of the files have been placed in the public domain; see the Public Domain Dedication below. "
        "There are a few exceptions, and docutils/__main__.py is one of them (local copy).",
    ]
    audit(source, spans_of(document))
    # A plain text that only quotes a ``literal`` stays plain text.
    assert read_text("Use ``tabs`` only, as PEP_8 says.\n", name="notes.txt").blocks[0].text.startswith("Use ``tabs``")


def test_restructuredtext_metadata_fields_at_the_top_are_markup() -> None:
    # A documentation builder's file-wide metadata (":title:", ":orphan:"), not shown on the page.
    source = (
        ":title: AWS CLI S3 Configuration\n:related command: s3 cp,\n    s3 sync\n\nThe transfer commands read it.\n"
    )
    document = read_text(source, name="topic.rst")
    assert [b.text for b in document.blocks] == ["The transfer commands read it."]
    assert [d.reason for d in document.dropped] == ["markup"] * 3
    audit(source, spans_of(document))
    # A field list further on is text, as a processor shows it (a document's bibliographic fields under
    # its title: "Author: Jane Doe"); a plain text's leading colon line is text as written.
    later = "Intro.\n\n:Author: Jane Doe\n:Contact: jane@example.org\n"
    assert [b.text for b in read_text(later, name="topic.rst").blocks] == [
        "Intro.",
        "Author: Jane Doe",
        "Contact: jane@example.org",
    ]
    assert read_text(source, name="topic.txt").blocks[0].text.startswith(":title:")


def test_plain_text_keeps_its_backticks_and_underscores() -> None:
    source = "This is free software; for details type `show w'.\n\nThe name __all__ lists it.\n"
    assert texts(source) == ["This is free software; for details type `show w'.", "The name __all__ lists it."]


def test_a_label_alone_is_kept_as_text_and_no_clause_is_empty() -> None:
    edition = Edition.from_text("Article 1\n\nThe members vote.\n\n-\n\n2.\n", options=NO_LANGUAGE)
    assert [(c.label, c.text) for c in edition.clauses] == [
        (None, "Article 1"),
        (None, "The members vote."),
        (None, "2."),
    ]
    assert [d.reason for d in edition.dropped] == ["empty-item"]


_WORDS = st.sampled_from(
    "the union shall keep its rules and members may vote on every matter before the council".split()
)
_SENTENCES = st.lists(_WORDS, min_size=4, max_size=14).map(lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + ".")
_PARAGRAPHS = st.lists(st.lists(_SENTENCES, min_size=1, max_size=4).map(" ".join), min_size=2, max_size=8, unique=True)


def _wrap(text: str, width: int, first: str) -> list[str]:
    lines, line = [], first
    for word in text.split():
        if line.strip() and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    return [*lines, line]


@settings(max_examples=int(os.environ.get("CONCEPTDIFF_EXAMPLES", "150")), deadline=None)
@given(_PARAGRAPHS, st.integers(45, 95), st.sampled_from(["blank", "indent"]))
# Found by a random run: too few wrapped lines to tell the width; the last line, a sentence at the
# other lines' indent after a line that ended one, goes on with its paragraph (it has no indent).
@example(
    ["The the the the.", "The the the the the.", "The the the the the the.", "The the the the the the the.",
     "The the the the. The the the the the the the the the the the the the.",
     "The the the the. The the the the the the the the the the the the the the. The the the the the the the "
     "the the the the the the the. The the the the."],
    67,
    "indent",
)  # fmt: skip
def test_wrapped_paragraphs_read_back_whole_at_any_width(paragraphs: list[str], width: int, convention: str) -> None:
    """The layout model's promise on its own kind of text: paragraphs greedily
    wrapped at any width, apart by blank lines or by a first-line indent, come
    back as they were written, never cut at a wrap and never glued."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += _wrap(paragraph, width, "   " if convention == "indent" else "")
        if convention == "blank":
            lines.append("")
    # The model infers the layout from the text: it needs enough lines to tell the width, and
    # paragraphs that wrap, to tell a first-line indent from an indented text.
    assume(len([line for line in lines if line]) >= 8 and sum(len(p) > width for p in paragraphs) >= 2)
    source = "\n".join(lines) + "\n"
    document = read_plain(source, options=NO_LANGUAGE)
    assert [block.text for block in document.blocks] == paragraphs
    audit(source, spans_of(document))


def test_a_copyright_notice_broken_at_the_wrap_goes_on_and_a_finished_one_stands_apart() -> None:
    # A notice whose last words the wrap pushed to the next line (cairo's copyright file) is one
    # line of text; one that ended ("... Triplett.", "... <https://fsf.org/>") stands apart, and
    # so does a field after it, whatever the width left ("License: GPL-2+").
    source = (
        "The cairo library is distributed under the terms of the licences below,\n"
        "and the files it was built from carry the notices of the people who\n"
        "wrote each of them; the notices are copied here as the files give them,\n"
        "one after the other, each with the names and the years it gives.\n"
        "\n"
        "Copyright 2002, 2003 University of Southern California, Information\n"
        "Sciences Institute (ISI)\n"
        "\n"
        "Copyright (C) 2001-2006 Bart Massey, Jamey Sharp, and Josh Triplett.\n"
        "All Rights Reserved.\n"
        "\n"
        "Copyright: 2004 Gurban Muhemmet Tewekgeli and Kakilik, Turkmen developers\n"
        "License: GPL-2+\n"
    )
    assert texts(source)[1:] == [
        "Copyright 2002, 2003 University of Southern California, Information Sciences Institute (ISI)",
        "Copyright (C) 2001-2006 Bart Massey, Jamey Sharp, and Josh Triplett.",
        "All Rights Reserved.",
        "Copyright: 2004 Gurban Muhemmet Tewekgeli and Kakilik, Turkmen developers",
        "License: GPL-2+",
    ]


def test_entries_of_a_list_of_terms_and_an_item_ending_with_and_are_not_rejoined_across_a_blank_line() -> None:
    # A function's arguments copied from a manual, one a paragraph (libtasn1's), and util-linux's
    # "what: ... why: ..." entries: a term and its colon start an entry, even in lower case.
    source = (
        "asn1 create element\n\n"
        'definitions: pointer to the structure returned by "parser asn1" function\n\n'
        "source name: the name of the type of the new structure (must be inside p structure).\n\n"
        "what: sfdisk --show-size\nwhy: this does not belong to fdisk\n\n"
        "what: sfdisk --unit\nwhy: unnecessary option, only sector unit is supported\n\n"
        # A licence's item ends with the list's "; and": a paragraph after it is its own.
        "(b) You must cause any modified files to carry prominent notices stating that You changed the files; and\n\n"
        "You must retain, in the Source form of any Derivative Works that You distribute, all copyright notices.\n"
    )
    assert texts(source) == [
        "asn1 create element",
        'definitions: pointer to the structure returned by "parser asn1" function',
        "source name: the name of the type of the new structure (must be inside p structure).",
        "what: sfdisk --show-size why: this does not belong to fdisk",
        "what: sfdisk --unit why: unnecessary option, only sector unit is supported",
        "You must cause any modified files to carry prominent notices stating that You changed the files; and",
        "You must retain, in the Source form of any Derivative Works that You distribute, all copyright notices.",
    ]


_DUMPED = (
    # A web page dumped to text by a tool (Debian's python-policy.txt): lines filled to 79
    # columns, no blank line between paragraphs, headings with their permalink mark.
    "2.2. Unversioned python commands\u00b6\n"
    "\n"
    "For the Debian 11 release (bullseye), the /usr/bin/python command is provided\n"
    "in the python-is-python2 package (pointing to /usr/bin/python2). The /usr/bin/\n"
    "python-config and /usr/bin/pydoc commands are provided in the python-dev-is-\n"
    "python2 package. These package are not installed by default for new\n"
    "installations, but only for upgrades from the Debian 10 release (buster).\n"
    "For any version, the main binary package must be called pythonX.Y, and the\n"
    "binary package pythonX.Y-minimal might exist; the binary package named python3-\n"
    "venv depends on it.\n"
    "The packages python-is-python3 and python-dev-is-python3 provide the /usr/bin/\n"
    "python, /usr/bin/python-config and /usr/bin/pydoc commands pointing to Python3.\n"
)


def test_a_page_dumped_to_text_by_a_tool_reads_by_its_layout() -> None:
    # Filled to the width by a tool, a line that ends a sentence with room left for the next
    # line's first word ended its paragraph; a path broken after its slash and a versioned
    # name broken after its hyphen are mended whole; the permalink mark is markup.
    filler = (
        "Debian has previously supported two Python stacks, one for Python 3 and one for\n"
        "Python 2 and the goal for Debian is to reduce this to one stack, dropping the\n"
    )
    source = _DUMPED + "\n" + filler * 26
    document = read_plain(source)
    assert [b.text for b in document.blocks][:4] == [
        "Unversioned python commands",
        "For the Debian 11 release (bullseye), the /usr/bin/python command is provided in the python-is-python2 "
        "package (pointing to /usr/bin/python2). The /usr/bin/python-config and /usr/bin/pydoc commands are "
        "provided in the python-dev-is-python2 package. These package are not installed by default for new "
        "installations, but only for upgrades from the Debian 10 release (buster).",
        "For any version, the main binary package must be called pythonX.Y, and the binary package "
        "pythonX.Y-minimal might exist; the binary package named python3-venv depends on it.",
        "The packages python-is-python3 and python-dev-is-python3 provide the /usr/bin/python, "
        "/usr/bin/python-config and /usr/bin/pydoc commands pointing to Python3.",
    ]
    assert [d.text for d in document.dropped if d.reason == "markup"] == ["\u00b6"]
    audit(source, spans_of(document))
    # Wrapped by hand (room left on many lines), the same lines keep the author's reading:
    # a full line ending a sentence does not end its paragraph, and "/usr/bin/" + "python"
    # at a line's end is two words.
    hand_wrapped = (
        "Debian has previously supported two Python stacks, one for\n"
        "Python 3 and one for Python 2, and the goal for Debian is to\n"
        "reduce this to one stack.\n\n"
    )
    by_hand = _DUMPED.replace("\u00b6", "") + "\n" + hand_wrapped * 20
    assert "(buster). For any version" in read_plain(by_hand).blocks[1].text


def test_an_abbreviations_hyphen_at_a_wrap_is_kept() -> None:
    source = (
        "Considerations for the public: By using one of our public licenses, a licensor\n"
        "grants the public permission to use the licensed material under specified terms\n"
        "and conditions. If the licensor's permission is not necessary for any reason, for\n"
        "example, because of any applicable exception or limitation to copyright, then that\n"
        "use is not regulated by the license. Our licenses grant only permissions under\n"
        "copyright and certain other rights that a licensor has authority to grant. Use of\n"
        "the licensed material may still be restricted for other reasons, including because\n"
        "others have copyright or other rights in the material. A licensor may make special\n"
        "requests, such as asking that all changes be marked or described. Although not\n"
        "required by our licenses, you are encouraged to respect those requests where\n"
        "reasonable, and to mark material that includes other CC-\n"
        "licensed material.\n"
    )
    assert texts(source)[0].endswith("includes other CC-licensed material.")


def test_commands_set_in_a_plain_text_and_the_prose_between_them() -> None:
    # util-linux's howto-tests.txt: prose at the commands' column after a blank line ends the
    # example; commands under a lead-in ending with a colon are code at its own column too;
    # "Example:" alone under a finished sentence leads into what follows.
    source = (
        "Running the tests\n"
        "-----------------\n"
        "\n"
        " The tests are run from the tests directory of the source tree:\n"
        "\n"
        "   # cd tests\n"
        "   # ./run.sh [options, see --help]\n"
        "\n"
        "   Alternatively using sudo and make:\n"
        "\n"
        "   $ make check-programs\n"
        '   $ sudo -E make check TS_OPTS="--parallel=1"\n'
        "\n"
        " TS_COMMAND\n"
        '       Evaluated by "make check" to override the default command (run.sh).\n'
        "       Example:\n"
        "\n"
        '         $ make check TS_COMMAND="true"\n'
    )
    document = read_plain(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "Running the tests"),
        ("paragraph", "The tests are run from the tests directory of the source tree:"),
        ("code", "# cd tests\n# ./run.sh [options, see --help]"),
        ("paragraph", "Alternatively using sudo and make:"),
        ("code", '$ make check-programs\n$ sudo -E make check TS_OPTS="--parallel=1"'),
        ("heading", "TS_COMMAND"),
        ("paragraph", 'Evaluated by "make check" to override the default command (run.sh).'),
        ("paragraph", "Example:"),
        ("code", '$ make check TS_COMMAND="true"'),
    ]
    audit(source, spans_of(document))


def test_a_title_pages_date_and_notice_are_no_sections_and_numbered_sections_nest_under_their_part() -> None:
    source = (
        "                    GNU GENERAL PUBLIC LICENSE\n"
        "                       Version 3, 29 June 2007\n\n"
        " Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n\n"
        "                       TERMS AND CONDITIONS\n\n"
        "  0. Definitions.\n\n"
        '  "This License" refers to version 3 of the GNU General Public License.\n\n'
        "  1. Source Code.\n\n"
        '  The "source code" for a work means the preferred form of the work.\n'
    )
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert [(c.kind.value, c.label, c.level, c.section) for c in edition.clauses] == [
        ("heading", None, 1, ()),
        ("paragraph", None, 0, ("GNU GENERAL PUBLIC LICENSE",)),
        ("paragraph", None, 0, ("GNU GENERAL PUBLIC LICENSE",)),
        ("heading", None, 1, ()),
        ("heading", "0", 2, ("TERMS AND CONDITIONS",)),
        ("paragraph", None, 0, ("TERMS AND CONDITIONS", "0 Definitions.")),
        ("heading", "1", 2, ("TERMS AND CONDITIONS",)),
        ("paragraph", None, 0, ("TERMS AND CONDITIONS", "1 Source Code.")),
    ]


def test_a_term_above_its_definition_stands_apart_without_a_blank_line() -> None:
    # Paragraphs set with a first-line indent, no blank line between (a PDF's text): a one-line
    # block leaving three fifths of its line empty, the next word fitting after it, is a term.
    intro = (
        "Many users have a corresponding group, and these pairs will be treated together when the "
        "document speaks of them below, each entry naming the user and the group that share its name, "
        "with the packages that use them and the files they own on a Debian system."
    )
    daemon = (
        "Some unprivileged daemons that need to be able to write to some files on disk run as daemon.daemon "
        "(portmap, atd, lambdamoo, mon, and others). Daemons that don't need to own any files sometimes run "
        "as nobody.nogroup instead."
    )
    lines = [*_wrap(intro, 79, "   "), "   root", "   Root is (typically) the superuser.", "   daemon",
             *_wrap(daemon, 79, "   ")]  # fmt: skip
    assert texts("\n".join(lines) + "\n") == [intro, "root", "Root is (typically) the superuser.", "daemon", daemon]
    # A wrapped sentence's short last line, or a line ending mid-sentence, does not.
    assert texts("The Licensee may copy and distribute the Work in any medium and\nform.\n") == [
        "The Licensee may copy and distribute the Work in any medium and form."
    ]


def test_a_restructuredtext_simple_table_is_read_by_row() -> None:
    source = (
        "The AWS CLI has a few general options that every command reads from its\n"
        "configuration, as this table shows.\n\n"
        "==================== =========== =====================\n"
        "Variable             Option      Description\n"
        "==================== =========== =====================\n"
        "profile              --profile   Default profile name\n"
        "-------------------- ----------- ---------------------\n"
        "region_name          --region    Default AWS Region\n"
        "                                 used by every command\n"
        "==================== =========== =====================\n\n"
        "The second column names the option.\n"
    )
    document = read_text(source, name="topic.rst")
    rows = [(b.text, b.context) for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [
        ("Variable | Option | Description", None),
        ("profile | --profile | Default profile name", "Variable | Option | Description"),
        ("region_name | --region | Default AWS Region used by every command",
         "Variable | Option | Description"),
    ]  # fmt: skip
    # Its long rule lines say nothing of the text's wrap width: the paragraph is one.
    assert document.blocks[0].text.endswith("from its configuration, as this table shows.")
    audit(source, spans_of(document))


def test_a_table_drawn_in_a_grid_is_read_by_row_in_ascii_or_box_drawing() -> None:
    ascii_table = (
        "The values are:\n\n+-----------+---------+\n|Attribute  |Default  |\n+-----------+---------+\n"
        "|timeout    |60       |\n+-----------+---------+\n|trust-level|Untrusted|\n|           |Client   |\n"
        "+-----------+---------+\n\nAfter the table.\n"
    )
    boxed = ascii_table.translate(str.maketrans("+-|", "┼─│"))
    for source in (ascii_table, boxed):
        document = read_text(source, format="text")
        assert [(b.kind.value, b.text) for b in document.blocks] == [
            ("paragraph", "The values are:"),
            ("table_row", "Attribute | Default"),
            ("table_row", "timeout | 60"),
            ("table_row", "trust-level | Untrusted Client"),
            ("paragraph", "After the table."),
        ]
        assert document.source == source  # the drawing characters stay the file's
        assert {d.reason for d in document.dropped} == {"markup"}
        audit(source, spans_of(document))
    # A rule drawn with box-drawing characters is markup, as one of hyphens.
    ruled = read_text("First paragraph here.\n\n━━━━━━━━━━\n\nSecond paragraph here.\n", format="text")
    assert [b.text for b in ruled.blocks] == ["First paragraph here.", "Second paragraph here."]


def test_a_table_of_contents_without_page_numbers_names_the_titles_further_on() -> None:
    source = (
        "Security Extension Specification\n\nTable of Contents\n\n1. Introduction\n2. Requests\n\n"
        "    SecurityQueryVersion\n\nChapter 1. Introduction\n\nThe extension adds protocol.\n\n"
        "Chapter 2. Requests\n\nSecurityQueryVersion\n\nThe request asks for the version.\n"
    )
    document = read_text(source, format="text")
    contents = [d.text for d in document.dropped if d.reason == "table-of-contents"]
    assert contents == ["Table of Contents", "1. Introduction", "2. Requests", "SecurityQueryVersion"]
    assert [b.text for b in document.blocks].count("SecurityQueryVersion") == 1
    # Lines after such a heading that name nothing further on are the text's.
    kept = read_text("Contents\n\nThe box holds a manual and a cable.\n", format="text")
    assert [b.text for b in kept.blocks][-1] == "The box holds a manual and a cable."


def test_box_drawing_in_a_line_of_prose_is_kept_as_written() -> None:
    # Only drawn lines (a border, a rule, a row between two verticals) are read as ASCII.
    for source in ("┆", "a ┆ b and the words after it\n", "The ─ sign stands alone here.\n"):
        document = read_text(source, format="text")
        assert "".join(b.text for b in document.blocks).replace(" ", "") == source.replace(" ", "").strip()
        audit(source, spans_of(document))


# -- found on a PDF-to-text extraction of the 2002 US National Security Strategy ----------------------

_STRATEGY_LINES = [
    f"Paragraph {n} of the strategy sets out {topic} in a sentence long enough to fill one printed line."
    for n, topic in enumerate(("trade", "alliances", "defence", "development", "energy", "health", "law", "aid"))
]


def test_a_page_footer_glued_to_the_text_is_cut_out_and_reported() -> None:
    # The footer "National Security Strategy <page>" lost its line: glued to a heading's
    # start, or to the end of a line whose sentence goes on over the page.
    body = "\n\n".join(_STRATEGY_LINES)
    source = (
        f"National Security Strategy 1 I. Overview of the Strategy\n\n{body}\n\n"
        f"The United States will work with its partners to manage not just 2 National Security Strategy\n\n"
        f"the threats of today but those of tomorrow.\n\n{body}\n\n"
        f"National Security Strategy 3 II. Champion Human Dignity\n\n{body}\n"
    )
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    texts = [c.text for c in edition.clauses]
    assert [(c.label, c.text) for c in edition.clauses if c.label] == [
        ("I", "Overview of the Strategy"),
        ("II", "Champion Human Dignity"),
    ]
    assert (
        "The United States will work with its partners to manage not just the threats of today but those of tomorrow."
        in texts
    )
    footers = [d.text for d in edition.dropped if d.reason == "running-header"]
    assert footers == ["National Security Strategy 1", "2 National Security Strategy", "National Security Strategy 3"]


def test_numbered_phrases_that_are_no_pages_are_text() -> None:
    # Table rows numbered 0, 1, 2 (no page apart) and copyright years (no page numbers).
    rows = "\n".join(f"{n}     DPMS Mode {name}" for n, name in enumerate(("On", "Standby", "Suspend", "Off")))
    years = "\n".join(f"Copyright {year} Paul Heil" for year in (2004, 2011, 2019))
    edition = Edition.from_text(f"{_STRATEGY_LINES[0]}\n\n{rows}\n\n{years}\n", options=NO_LANGUAGE)
    assert not [d for d in edition.dropped if d.reason == "running-header"]
    assert "DPMS Mode Standby" in " ".join(c.text for c in edition.clauses)


def test_a_line_ending_in_a_possessive_goes_on() -> None:
    source = f"{_STRATEGY_LINES[0]}\n\ni. Overview of America's\nInternational Strategy\n\n{_STRATEGY_LINES[1]}\n"
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert ("i", "Overview of America's International Strategy") in [(c.label, c.text) for c in edition.clauses]


def test_a_sentence_broken_by_a_stray_blank_line_goes_on() -> None:
    # One paragraph a line, an extraction's blank line after each: a long line that stops on
    # "of" is a sentence going on; a line set in under it (an address) or a field is not.
    source = (
        f"{_STRATEGY_LINES[0]}\n\n"
        "We will increase spending on research and new conservation technologies, to a total of\n\n"
        "$4.5 billion, the largest sum being spent on climate change by any country in the world.\n\n"
        "Carnegie Mellon requests users of this software to send their improvements to the attention of\n\n"
        "     Software Distribution Coordinator\n"
        "     Carnegie Mellon University\n\n"
        "THE SOFTWARE IS PROVIDED AS IS AND THE AUTHOR DISCLAIMS ALL WARRANTIES, ARISING OUT OF\n\n"
        "License: GPL-2\n"
    )
    texts = [c.text for c in Edition.from_text(source, options=NO_LANGUAGE).clauses]
    assert texts[1].endswith(
        "to a total of $4.5 billion, the largest sum being spent on climate change by any country in the world."
    )
    assert texts[2].endswith("to the attention of")
    assert "Software Distribution Coordinator" in texts[3]
    assert texts[-1] == "License: GPL-2"


def test_a_code_example_set_in_under_its_paragraph_is_one_code_block_with_its_lines() -> None:
    # PEP 8's plain-text layout: prose at four columns, its examples at eight.
    source = (
        "    Imports should usually be on separate lines, e.g.:\n"
        "\n"
        "        Yes: import os\n"
        "             import sys\n"
        "\n"
        "        No:  import sys, os\n"
        "\n"
        "    Don't use spaces around the '=' sign when used to indicate a\n"
        "    keyword argument or a default parameter value.\n"
        "\n"
        "        def complex(real, imag=0.0):\n"
        "            return magic(r=real, i=imag)\n"
        "\n"
        "    Use inline comments sparingly.\n"
    )
    document = read_plain(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("paragraph", "Imports should usually be on separate lines, e.g.:"),
        ("code", "Yes: import os\n     import sys\n\nNo:  import sys, os"),
        (
            "paragraph",
            "Don't use spaces around the '=' sign when used to indicate a keyword argument "
            "or a default parameter value.",
        ),
        ("code", "def complex(real, imag=0.0):\n    return magic(r=real, i=imag)"),
        ("paragraph", "Use inline comments sparingly."),
    ]
    audit(source, spans_of(document))


def test_commands_set_in_under_a_colon_are_code_and_the_sentence_after_them_a_paragraph() -> None:
    source = (
        "A trigger may be activated explicitly with:\n"
        "   dpkg-trigger [--by-package <package>] <name-of-trigger>\n"
        "   dpkg-trigger --no-await <name-of-trigger>\n"
        "There will be no output to stdout.\n"
    )
    assert [(b.kind.value, b.text) for b in read_plain(source).blocks] == [
        ("paragraph", "A trigger may be activated explicitly with:"),
        ("code", "dpkg-trigger [--by-package <package>] <name-of-trigger>\ndpkg-trigger --no-await <name-of-trigger>"),
        ("paragraph", "There will be no output to stdout."),
    ]


def test_text_set_in_that_reads_as_prose_is_no_code() -> None:
    # A sample notice and a quotation set in are paragraphs, even with an "=" or a call in them.
    source = (
        "To apply these terms, attach the following notices:\n"
        "\n"
        "    This program is free software: you can redistribute it and/or modify\n"
        "    it under the terms of the GNU General Public License as published by\n"
        "    the Free Software Foundation, either version 3 of the License, or\n"
        "    (at your option) any later version.\n"
        "\n"
        "The council decided:\n"
        "\n"
        "    Members shall vote in person; a proxy = a member present.\n"
    )
    kinds = [b.kind for b in read_plain(source).blocks]
    assert BlockKind.CODE not in kinds
    # A title over a section set in is no example either.
    section = "Pet Peeves\n\n    x = 1 is an assignment; write it with spaces.\n    Avoid extraneous whitespace.\n"
    assert BlockKind.CODE not in [b.kind for b in read_plain(section).blocks]


def test_a_headers_fields_are_one_a_clause_and_its_dates_are_kept() -> None:
    # A PEP's header: a field's continuation line joins it; "Created:" is no web page's date line.
    source = (
        "PEP: 8\n"
        "Title: Style Guide for Python Code\n"
        "Author: guido@python.org (Guido van Rossum),\n"
        "    barry@python.org (Barry Warsaw)\n"
        "Status: Active\n"
        "Created: 05-Jul-2001\n"
        "Post-History: 05-Jul-2001\n"
        "\n"
        "Introduction\n"
        "\n"
        "    This document gives coding conventions for the Python code.\n"
    )
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert [c.text for c in edition.clauses] == [
        "PEP: 8",
        "Title: Style Guide for Python Code",
        "Author: guido@python.org (Guido van Rossum), barry@python.org (Barry Warsaw)",
        "Status: Active",
        "Created: 05-Jul-2001",
        "Post-History: 05-Jul-2001",
        "Introduction",
        "This document gives coding conventions for the Python code.",
    ]
    # The fields are no sections: the document's own title is the first heading.
    assert [c.text for c in edition.clauses if c.kind.value == "heading"] == ["Introduction"]


def test_a_reference_lists_bracketed_numbers_are_labels() -> None:
    source = "References\n\n    [1] PEP 7, Style Guide for C Code, van Rossum\n\n    [2] PEP 20, The Zen of Python\n"
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert [(c.label, c.text) for c in edition.clauses[1:]] == [
        ("[1]", "PEP 7, Style Guide for C Code, van Rossum"),
        ("[2]", "PEP 20, The Zen of Python"),
    ]


def test_editor_settings_in_a_file_are_set_aside_as_markup() -> None:
    source = (
        "# vim: set ts=8 sw=4:\nThe rules.\n\n\f\nLocal Variables:\nmode: indented-text\nindent-tabs-mode: nil\nEnd:\n"
    )
    document = read_plain(source)
    assert [b.text for b in document.blocks] == ["The rules."]
    assert sorted(d.text for d in document.dropped if d.reason == "markup") == sorted(
        ["# vim: set ts=8 sw=4:", "Local Variables:", "mode: indented-text", "indent-tabs-mode: nil", "End:"]
    )
    audit(source, spans_of(document))
    # A line that only mentions an editor stays.
    mentions = "vi: the editor of choice.\n\nEnd: of the story.\n"
    assert texts(mentions) == ["vi: the editor of choice.", "End: of the story."]


def test_a_term_alone_after_a_blank_line_does_not_finish_the_sentence_before_it() -> None:
    # A definition list copied from a web page: a definition that ends without a full stop, then the
    # next term in lower case.  A blank line inside a sentence is mended only before more of a sentence.
    source = (
        "triage\n\n"
        "default label given to issues when they are created and waiting for a maintainer's look\n\n"
        "needs rebase or merge\n\n"
        "a pull request that cannot be merged as it is because its branch is behind the main one\n\n"
        "The report was sent to the committee on Friday morning and the chair read out the part of\n\n"
        "the text that concerned the budget.\n"
    )
    assert texts(source) == [
        "triage",
        "default label given to issues when they are created and waiting for a maintainer's look",
        "needs rebase or merge",
        "a pull request that cannot be merged as it is because its branch is behind the main one",
        "The report was sent to the committee on Friday morning and the chair read out the part of "
        "the text that concerned the budget.",
    ]


def test_a_tab_sets_text_in_to_the_next_eighth_column() -> None:
    # dpkg's specification: an item's text at column 7, its shell example set in with a tab and spaces.
    source = (
        "     - Provide a new wrapper script as scrollkeeper-update:\n"
        "\t   #!/bin/sh\n"
        "\t   set -e\n"
        '\t   exec scrollkeeper-update-now "$@"\n'
        "\n"
        "     - Existing packages should be modified.\n"
    )
    document = read_plain(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("list_item", "Provide a new wrapper script as scrollkeeper-update:"),
        ("code", '#!/bin/sh\nset -e\nexec scrollkeeper-update-now "$@"'),
        ("list_item", "Existing packages should be modified."),
    ]
    audit(source, spans_of(document))


def test_a_fields_value_set_in_under_it_goes_on_with_the_field() -> None:
    # fonts-liberation's copyright file: the Copyright field's second line set in with a tab.
    source = (
        "Upstream Author: Red Hat Inc.\n\n"
        "Copyright: (C) 2007 Red Hat, Inc. All rights reserved.\n"
        "\t       LIBERATION is a trademark of Red Hat, Inc.\n\n"
        "License: GPL-2\n"
        "Copyright: 2008 Another Holder\n"
    )
    assert texts(source) == [
        "Upstream Author: Red Hat Inc.",
        "Copyright: (C) 2007 Red Hat, Inc. All rights reserved. LIBERATION is a trademark of Red Hat, Inc.",
        "License: GPL-2",
        "Copyright: 2008 Another Holder",
    ]


def test_a_table_of_bars_under_a_crossed_rule_is_read_by_row() -> None:
    # base-passwd's README: cells set apart by "|", no frame, a "----+----" rule under the header.
    source = (
        "Reserved uids:\n"
        "    uid   | name              | description\n"
        "    ------+-------------------+---------------\n"
        "    63434 | netplan           | netplan\n"
        "    64000 | ftn               | fidogate\n"
        "    64010 | alias             | qmail alias\n"
    )
    document = read_plain(source)
    assert [(b.kind.value, b.text, b.context) for b in document.blocks] == [
        ("paragraph", "Reserved uids:", None),
        ("table_row", "uid | name | description", None),
        ("table_row", "63434 | netplan | netplan", "uid | name | description"),
        ("table_row", "64000 | ftn | fidogate", "uid | name | description"),
        ("table_row", "64010 | alias | qmail alias", "uid | name | description"),
    ]
    assert [d.reason for d in document.dropped] == ["markup"]
    audit(source, spans_of(document))
    # Rows kept as a table are no row of links to set aside.
    kept = Edition.from_text(source, options=NO_LANGUAGE)
    assert [c.text for c in kept.clauses][-1] == "64010 | alias | qmail alias"


def test_a_table_of_bars_without_a_rule_is_read_by_row_and_no_row_is_set_aside() -> None:
    # Three rows or more with their bars at the same columns, framed or not: a table, not rows of links.
    source = (
        "Fees\n\n"
        "| Service   | Price  | Notes        |\n"
        "| Basic     | 10 EUR | monthly      |\n"
        "| Premium   | 20 EUR | yearly       |\n\n"
        "Prices include taxes.\n"
    )
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert [(c.kind.value, c.text) for c in edition.clauses] == [
        ("heading", "Fees"),
        ("table_row", "Service | Price | Notes"),
        ("table_row", "Basic | 10 EUR | monthly"),
        ("table_row", "Premium | 20 EUR | yearly"),
        ("paragraph", "Prices include taxes."),
    ]
    assert all(d.reason == "markup" for d in edition.dropped)
    # A single row of links between blank lines is still a page's navigation.
    page = "Home | About | Contact\n\nThe text of the page goes here and is long enough to read.\n"
    assert [d.text for d in Edition.from_text(page, options=NO_LANGUAGE).dropped] == ["Home | About | Contact"]


def test_a_line_an_extraction_broke_inside_a_paragraph_goes_on_where_paragraphs_are_long_lines() -> None:
    # The 2006 US National Security Strategy as extracted from its PDF: one paragraph a long line,
    # blank lines between, and now and then a paragraph broken at one of the PDF's own lines.
    paragraph = "The human desire for freedom is universal, but the growth of freedom is not inevitable. " * 2
    source = (
        f"{paragraph.strip()}\n"
        "Without support from free nations, freedom's spread could be hampered by the challenges we face.\n\n"
        + "".join(
            f"Paragraph {n} says something of its own at length, as a policy text does, {paragraph}\n\n"
            for n in range(6)
        )
        + "A. Summary of the Strategy\n"
        "The United States has long championed freedom because doing so reflects our values and serves us.\n"
    )
    blocks = read_plain(source).blocks
    assert blocks[0].text.endswith(
        "is not inevitable. Without support from free nations, freedom's spread could be "
        "hampered by the challenges we face."
    )
    # A heading over its paragraph stays apart; a wrapped text is not affected (see the GPL's test above).
    assert [b.text for b in blocks[-2:]] == [
        "Summary of the Strategy",
        "The United States has long championed freedom because doing so reflects our values and serves us.",
    ]


def test_rules_spaced_out_are_markup_and_a_title_framed_by_rules_is_a_heading() -> None:
    source = (
        "Mypy is licensed under the terms of the MIT license, reproduced below.\n\n"
        "= = = = =\n\n"
        "---- LLVM Exceptions to the Apache 2.0 License ----\n\n"
        "   As an exception, you may redistribute such embedded portions.\n\n"
        " *** WARNING for root users ***\n\n"
        "The tests touch your /etc/fstab.\n"
    )
    document = read_plain(source)
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, "Mypy is licensed under the terms of the MIT license, reproduced below."),
        (BlockKind.HEADING, "LLVM Exceptions to the Apache 2.0 License"),
        (BlockKind.PARAGRAPH, "As an exception, you may redistribute such embedded portions."),
        (BlockKind.HEADING, "WARNING for root users"),
        (BlockKind.PARAGRAPH, "The tests touch your /etc/fstab."),
    ]
    assert [d.text for d in document.dropped] == ["= = = = ="]
    audit(source, spans_of(document))


def test_a_fields_values_one_a_line_under_the_first_are_one_field_and_fields_named_in_words_one_a_line() -> None:
    source = (
        "Developed by: <NAME OF DEVELOPMENT GROUP>\n"
        "              <NAME OF INSTITUTION>\n"
        "              <URL FOR DEVELOPMENT GROUP/INSTITUTION>\n\n"
        "Repository: git://git.gnupg.org/gnupg.git\n"
        "Bug reports: https://bugs.gnupg.org\n"
        "Security related bug reports: <security@gnupg.org>\n"
        "License: GPL-3.0-or-later\n\n"
        "GnuPG is free software.  See the files COPYING for copying conditions.\n"
    )
    document = read_plain(source)
    assert [(b.kind, b.text) for b in document.blocks] == [
        (
            BlockKind.PARAGRAPH,
            "Developed by: <NAME OF DEVELOPMENT GROUP> <NAME OF INSTITUTION> <URL FOR DEVELOPMENT GROUP/INSTITUTION>",
        ),
        (BlockKind.PARAGRAPH, "Repository: git://git.gnupg.org/gnupg.git"),
        (BlockKind.PARAGRAPH, "Bug reports: https://bugs.gnupg.org"),
        (BlockKind.PARAGRAPH, "Security related bug reports: <security@gnupg.org>"),
        (BlockKind.PARAGRAPH, "License: GPL-3.0-or-later"),  # the last field: no heading
        (BlockKind.PARAGRAPH, "GnuPG is free software. See the files COPYING for copying conditions."),
    ]


def test_a_notice_line_ending_in_an_address_ends_its_statement() -> None:
    # npm's LICENSE: each line of the notice says something of its own; a wrapped phrase goes on.
    source = (
        "The npm public registry at https://registry.npmjs.org\n"
        "and the npm website at https://www.npmjs.com\n"
        "Operated by npm, Inc.\n"
        "Use governed by terms published on https://www.npmjs.com\n\n"
        + "The Artistic License 2.0 is a licence that is wrapped at seventy-two columns as here,\n"
        * 8
    )
    assert texts(source)[:3] == [
        "The npm public registry at https://registry.npmjs.org and the npm website at https://www.npmjs.com",
        "Operated by npm, Inc.",
        "Use governed by terms published on https://www.npmjs.com",
    ]


_SECTIONS = ["Preface", "Notices and Acknowledgements", "Conventions", "Byte and Its Representation", "CRC32", "Index"]
_NUMBERS = ["0.", "0.1.", "1.", "1.1.", "1.1.1.", "2."]


def test_an_outline_of_numbered_titles_that_the_sections_repeat_is_a_table_of_contents() -> None:
    # The .xz format's specification: no "Contents" heading, no page numbers.
    outline = "".join(f"{'   ' * n.count('.')}{n} {title}\n" for n, title in zip(_NUMBERS, _SECTIONS, strict=True))
    body = "".join(
        f"\n{n} {title}\n\n        The text of section {n} says what {title.lower()} is about, at length.\n"
        for n, title in zip(_NUMBERS, _SECTIONS, strict=True)
    )
    document = read_plain(f"The .xz File Format\n===================\n\n{outline}{body}")
    assert [d.reason for d in document.dropped].count("table-of-contents") == len(_SECTIONS)
    headings = [(b.label, b.text) for b in document.blocks if b.kind is BlockKind.HEADING]
    # "1.1.1. CRC32" is a section's heading, never a running header (no page number has several levels).
    assert headings[1:] == [(n.rstrip("."), title) for n, title in zip(_NUMBERS, _SECTIONS, strict=True)]


def test_a_numbered_list_that_names_no_later_line_is_no_table_of_contents() -> None:
    steps = "".join(f"{n}. Step number {n} of the procedure\n" for n in range(1, 7))
    document = read_plain(f"Do this:\n\n{steps}\nThen you are done.\n")
    assert not [d for d in document.dropped if d.reason == "table-of-contents"]
    assert len([b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]) == 6


def test_a_long_program_set_in_is_one_code_block_and_the_text_comes_back_out_of_a_quoted_line() -> None:
    program = "\n".join(f"            x{n} = f(x{n - 1});" for n in range(1, 80))
    source = (
        "        The program below reads data from standard input:\n\n"
        f"            #include <stdio.h>\n\n{program}\n\n"
        '        If "make test" produces something like\n\n'
        "           example.o(.text+0x154): undefined reference to `gzputc'\n\n"
        "        check that you don't have old files libz.* in /usr/lib. So:\n\n"
        "        make distclean\n"
        "        ./configure\n"
        "        make\n"
    )
    blocks = read_plain(source).blocks
    assert [b.kind for b in blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
    ]
    assert blocks[1].text.count("\n") == 80  # the include, a blank line, 79 statements
    assert blocks[4].text.startswith("check that")
    assert blocks[5].text == "make distclean\n./configure\nmake"


_TERMINAL_PIECES = st.sampled_from(
    ["a", "B", " ", "\n", "1.", "\x1b[1m", "\x1b[0m", "\x1b[4m", "\x1b[22m", "N\bN", "_\bx", "+\bo", "\b", "\x1b"]
)


@given(st.lists(_TERMINAL_PIECES, max_size=60).map("".join))
def test_a_terminals_rendering_accounts_for_every_source_character(source: str) -> None:
    from conceptdiff.read._terminal import render

    rendered = render(source)
    assert "\b" not in rendered.text and "\x1b[" not in rendered.text
    covered = [False] * len(source)
    previous_end = 0
    for index, char in enumerate(rendered.text):
        start, end = rendered.source_span(index, index + 1)
        assert previous_end <= start < end
        previous_end = end
        piece = source[start:end]
        assert piece == char or "\b" in piece  # the character itself, or an overstrike showing it
        covered[start:end] = [True] * (end - start)
    for start, end in rendered.gaps:
        covered[start:end] = [True] * (end - start)
    assert all(covered)


def test_a_manual_formatted_for_a_terminal_reads_as_the_terminal_shows_it() -> None:
    # man-db's manual as groff wrote it: bold and underline as escape sequences, bullets overstruck.
    source = (
        "\x1b[1m1.2.  The Manual Page System\x1b[0m\n\n"
        "    The package provides the following \x1b[1mprograms\x1b[22m for the \x1b[4muser\x1b[24m:\n\n"
        " \x1b[1m+\bo man \x1b[22m- an interface to the system reference manuals\n"
        " \x1b[1m+\bo whatis \x1b[22m- search the manual page names\n\n"
        "N\bNA\bAM\bME\bE\n"
    )
    document = read_plain(source)
    assert [(b.kind, b.label, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, "1.2", "The Manual Page System"),
        (BlockKind.PARAGRAPH, None, "The package provides the following programs for the user:"),
        (BlockKind.LIST_ITEM, None, "man - an interface to the system reference manuals"),
        (BlockKind.LIST_ITEM, None, "whatis - search the manual page names"),
        (BlockKind.PARAGRAPH, None, "NAME"),
    ]
    assert document.source == source
    audit(source, spans_of(document))


# -- a text browser's rendering of a standard (the Debian constitution, copyright-format 1.0, debconf) --


def test_a_numbered_title_in_sentence_case_over_text_set_in_further_is_a_heading() -> None:
    source = (
        "1. Introduction\n\n"
        "   The Debian Project is an association of individuals who have made\n"
        "   common cause to create a free operating system.\n\n"
        "2. Decision-making bodies and individuals\n\n"
        "   Each decision in the Project is made by one or more of the following:\n"
        "    1. The Developers, by way of General Resolution or an election;\n"
        "    2. The Project Leader;\n\n"
        "  2.1. General rules\n\n"
        "    1. Nothing in this constitution imposes an obligation on anyone to do\n"
        "       work for the Project.\n"
    )
    blocks = read_plain(source).blocks
    headings = [(b.label, b.text) for b in blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("1", "Introduction"),
        ("2", "Decision-making bodies and individuals"),
        ("2.1", "General rules"),
    ]
    # A short numbered item among its siblings, nothing set in under it, stays an item.
    items = read_plain("Steps:\n\n1. Unpack the archive\n\n2. Run the installer\n").blocks
    assert [b.kind for b in items[1:]] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]


def test_a_wrapped_line_opening_with_the_word_copyright_is_no_copyright_notice() -> None:
    source = (
        "   It is valid to use License in the header stanza without an accompanying\n"
        "   Copyright field, but Copyright alone is not sufficient.\n\n"
        "   Copyright (C) 2007 Free Software Foundation, Inc.\n"
        "   Copyright 2010 Angela Watts\n"
    )
    assert texts(source)[0] == (
        "It is valid to use License in the header stanza without an accompanying "
        "Copyright field, but Copyright alone is not sufficient."
    )


def test_a_grid_ruled_inside_its_bars_reads_a_row_a_ruled_group_whatever_cell_is_empty() -> None:
    source = (
        "   +------------------------------------------------------+\n"
        "   | Keyword       | Meaning                              |\n"
        "   |---------------+--------------------------------------|\n"
        "   | Apache        | Apache license 1.0, 2.0.             |\n"
        "   |---------------+--------------------------------------|\n"
        "   |               | GNU Free Documentation License 1.0,  |\n"
        "   | GFDL          | 1.1, 1.2, or 1.3. Use GFDL-NIV       |\n"
        "   |               | instead if there are no Front-Cover. |\n"
        "   +------------------------------------------------------+\n"
    )
    document = read_plain(source)
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.TABLE_ROW, "Keyword | Meaning"),
        (BlockKind.TABLE_ROW, "Apache | Apache license 1.0, 2.0."),
        (
            BlockKind.TABLE_ROW,
            "GFDL | GNU Free Documentation License 1.0, 1.1, 1.2, or 1.3. Use GFDL-NIV instead if there are no "
            "Front-Cover.",
        ),
    ]
    audit(source, spans_of(document))


def test_a_grid_ruled_only_under_its_header_reads_a_row_a_line() -> None:
    source = (
        "+--------+--------------------------------------------+\n"
        "|Section |              Section contents              |\n"
        "+--------+--------------------------------------------+\n"
        "|   1    | user executable programs or shell commands |\n"
        "|   2    | system calls (functions provided by kernel) |\n"
        "|   3    | library calls (functions within libraries) |\n"
        "+--------+--------------------------------------------+\n"
    )
    assert texts(source) == [
        "Section | Section contents",
        "1 | user executable programs or shell commands",
        "2 | system calls (functions provided by kernel)",
        "3 | library calls (functions within libraries)",
    ]


def test_fields_set_in_under_a_lead_in_are_an_example() -> None:
    source = (
        "Declare Build-Depends on at least:\n\n"
        "  Build-Depends: python2.7\n"
        "  Build-Depends: python2.6 (>= 2.6-1)\n\n"
        "The keyword all is no longer to be used.\n"
    )
    blocks = read_plain(source).blocks
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH]
    assert blocks[1].text == "Build-Depends: python2.7\nBuild-Depends: python2.6 (>= 2.6-1)"
    # A commit's subject under an author's name ("Jeff King (2):") is no field.
    shortlog = read_plain("Jeff King (2):\n      shell: add basic tests\n      shell: limit size of commands\n")
    assert BlockKind.CODE not in [b.kind for b in shortlog.blocks]


def _set_in_paragraphs(what: str, count: int = 4) -> str:
    """Paragraphs of ``what``, hard-wrapped and set in three columns, as a text browser prints a
    page: enough lines for the reader to see the text's width and its body's column."""
    return "".join(
        f"   Paragraph {n} of {what}: the text stands three columns in, and its lines\n"
        "   go on under one another as the page's own do.\n\n"
        for n in range(count)
    )


def test_an_example_printed_at_the_page_edge_under_indented_text_is_one_code_block() -> None:
    body = _set_in_paragraphs("the specification")
    source = body + (
        "   This information is stored in a template file that consists of stanzas in\n"
        "   a rfc-822 compliant format, separated by blank lines. Here is an example:\n\n"
        " Template: hostname\n"
        " Type: string\n"
        " Description: unqualified hostname for this computer\n"
        "  This is the name by which this computer will be known on the network.\n\n"
        " Template: domain\n"
        " Type: string\n\n"
        "   For localization, the description field can be supplemented with versions\n"
        "   for other languages.\n"
    )
    document = read_plain(source)
    assert [b.kind for b in document.blocks][-3:] == [BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH]
    assert document.blocks[-2].text.split("\n") == [
        "Template: hostname",
        "Type: string",
        "Description: unqualified hostname for this computer",
        " This is the name by which this computer will be known on the network.",
        "",
        "Template: domain",
        "Type: string",
    ]
    audit(source, spans_of(document))
    # Bullets at the page's edge under indented text are a list, not an example.
    notes = (
        body + '   Fixes since v1.7.5:\n\n * "git diff --stat" used to count a binary file\n   with modified bits.\n'
    )
    assert BlockKind.CODE not in [b.kind for b in read_plain(notes).blocks]


def test_in_a_text_a_tool_wrapped_a_line_that_left_room_for_the_next_word_ended_its_block() -> None:
    # The Debian Social Contract as a text browser wrapped it: each item's title, then its text.
    words = "the project will keep its promises to the community of users and authors alike".split()
    wrap = textwrap.TextWrapper(74, initial_indent="   ", subsequent_indent="   ")
    # Enough lines for the text to show the tool's wrap (``_GREEDY_PAIRS``).
    filler = "".join(wrap.fill(" ".join((words[n:] + words[:n]) * 4)) + ".\n\n" for n in range(14))
    source = filler + (
        "    2. We will give back to the free software community\n"
        "       When we write new components of the Debian system, we will license\n"
        "       them in a manner consistent with the Debian Free Software\n"
        "       Guidelines.\n"
    )
    assert texts(source)[-2:] == [
        "We will give back to the free software community",
        "When we write new components of the Debian system, we will license them in a manner consistent with the "
        "Debian Free Software Guidelines.",
    ]


def test_a_long_row_of_a_drawn_grid_keeps_its_cells_however_its_lines_touch_the_bars() -> None:
    # The X11 protocol's types, drawn with box characters: a row of many lines, the first cell's
    # text against its bar ("│LISTofFOO   │is not ..."): the lines under it look like a box's,
    # three in a row, and are still the row's, one row of two cells.
    lines = ["elements of type FOO. The size of the length", "field may vary (it is not the same size as", "a FOO),"]
    lines += ["and in some cases it may be implicit. Except", "where noted, zero-length lists are legal."]
    row = "".join(f"│{'LISTofFOO' if n == 1 else '':12}│{text:48}│\n" for n, text in enumerate(lines))
    source = (
        f"┌{'─' * 12}┬{'─' * 48}┐\n│{'Name':12}│{'Value':48}│\n├{'─' * 12}┼{'─' * 48}┤\n{row}└{'─' * 12}┴{'─' * 48}┘\n"
    )
    assert texts(source) == ["Name | Value", "LISTofFOO | " + " ".join(lines)]


def test_a_table_of_contents_whose_titles_wrap_elsewhere_than_the_headings_is_set_aside() -> None:
    # The Filesystem Hierarchy Standard 3.0 as a text browser rendered it: each chapter's contents,
    # titles wrapped onto a line set in deeper, the headings printed whole further on.
    contents = (
        "   Table of Contents\n\n"
        "   3.1. Purpose\n"
        "   3.2. Requirements\n"
        "   3.3. /bin : Essential user command binaries (for use by\n"
        "           all users)\n\n"
        "        3.3.1. Purpose\n"
        "        3.3.2. Requirements\n\n"
        "   3.4. /etc/sgml : Configuration files for SGML\n"
        "           (optional)\n\n"
        "   3.5. /usr/include : Directory for standard include files.\n"
    )
    body = (
        "3.1. Purpose\n\n   The root filesystem holds what booting needs.\n\n"
        "3.2. Requirements\n\n   These directories are required in the root.\n\n"
        "3.3. /bin : Essential user command binaries (for use by all users)\n\n   Commands for everyone.\n\n"
        "3.3.1. Purpose\n\n   Binaries that users and administrators run.\n\n"
        "3.3.2. Requirements\n\n   No subdirectories in it.\n\n"
        "3.4. /etc/sgml : Configuration files for SGML (optional)\n\n   Generic configuration files.\n\n"
        "3.5. /usr/include : Directory for standard include files.\n\n   The system's include files.\n"
    )
    document = read_plain(contents + "\n" + body)
    assert document.blocks[0].text == "Purpose" and document.blocks[0].label == "3.1"
    assert all(d.reason == "table-of-contents" for d in document.dropped)
    assert [d.text for d in document.dropped][3:5] == [
        "3.3. /bin : Essential user command binaries (for use by",
        "all users)",
    ]
    assert len(document.dropped) == 10  # the heading, eight entries, two of them wrapped (their second lines)


def test_a_table_of_two_columns_under_a_header_reads_by_row_aligned_or_not() -> None:
    aligned = (
        "   The following directories are required in /.\n"
        "   Directory Description\n"
        "   bin       Essential command binaries\n"
        "   boot      Static files of the boot loader\n"
        "   dev       Device files\n"
    )
    assert texts(aligned) == [
        "The following directories are required in /.",
        "Directory | Description",
        "bin | Essential command binaries",
        "boot | Static files of the boot loader",
        "dev | Device files",
    ]
    # A narrow rendering cut each row after its first word, a cell wrapped onto "(optional)".
    narrow = (
        "   The following directories must be in /, if installed:\n"
        "   Directory Description\n"
        "   home User home directories (optional)\n"
        "   lib<qual> Alternate format essential shared libraries\n"
        "   (optional)\n"
        "   root Home directory for the root user (optional)\n"
    )
    assert texts(narrow)[1:] == [
        "Directory | Description",
        "home | User home directories (optional)",
        "lib<qual> | Alternate format essential shared libraries (optional)",
        "root | Home directory for the root user (optional)",
    ]
    # Two rows are enough under a header; a cell cut after its first word wraps with its note.
    files = (
        "   The following files must be in /etc if the corresponding subsystem is installed:\n"
        "   File Description\n"
        "   ld.so.conf List of extra directories to search for shared\n"
        "   libraries (optional)\n"
        "   motd Post-login message of the day file (optional)\n"
    )
    assert texts(files)[1:] == [
        "File | Description",
        "ld.so.conf | List of extra directories to search for shared libraries (optional)",
        "motd | Post-login message of the day file (optional)",
    ]
    # A list of people under a name is no table.
    people = "Ben Laenen\nAdam Sampson\nAlan Ott\nAlex Duggan\nAnita Kulshreshtha\n"
    assert table_rows(people) == []


def test_a_two_column_table_of_one_row_or_of_rows_a_space_short_of_the_column_reads_by_row() -> None:
    # The Filesystem Hierarchy Standard: a table of one row under its header, its cell
    # after a gap at the header's column; a one-word first cell that ends a space before the
    # column ("words List ...", "libc.so.* The ..."), the others after a gap.
    one = "   The following directories are required in /etc:\n   Directory Description\n"
    one += "   opt       Configuration for /opt\n"
    assert texts(one) == [
        "The following directories are required in /etc:",
        "Directory | Description",
        "opt | Configuration for /opt",
    ]
    short = "   The following files must be in /usr/share/dict:\n   File  Description\n   words List of English words\n"
    assert texts(short)[1:] == ["File | Description", "words | List of English words"]
    mixed = (
        "   At least one of each of the following filename patterns are\n"
        "   required (they may be files, or symbolic links):\n"
        "   File      Description\n"
        "   libc.so.* The dynamically-linked C library (optional)\n"
        "   ld*       The execution time linker/loader (optional)\n"
    )
    assert texts(mixed)[1:] == [
        "File | Description",
        "libc.so.* | The dynamically-linked C library (optional)",
        "ld* | The execution time linker/loader (optional)",
    ]
    # Half the rows' first cells read as names: "Xmodmap" beside "xorg.conf".
    x11 = (
        "   The following files must be in /etc/X11 if the corresponding subsystem is installed:\n"
        "   File Description\n"
        "   xorg.conf The configuration file for X.org versions 7 and later\n"
        "   (optional)\n"
        "   Xmodmap Global X11 keyboard modification file (optional)\n"
    )
    assert texts(x11)[1:] == [
        "File | Description",
        "xorg.conf | The configuration file for X.org versions 7 and later (optional)",
        "Xmodmap | Global X11 keyboard modification file (optional)",
    ]
    # A line of capitalized words alone over one sentence is no table.
    prose = "   Further Reading\n   See the manual for the details of each option.\n"
    assert table_rows(prose) == []


def test_a_table_whose_long_cells_come_a_space_short_of_the_next_column_keeps_its_columns() -> None:
    # Where every row starts a cell at a column and most rows leave two spaces or more
    # before it, one space is enough ("Japanese Japan", "UJIS (or EUC-J) /usr").
    source = (
        "   Various examples:\n"
        "   Language Territory      Character Set   Directory\n"
        "   English  United Kingdom Unicode UTF-8   /usr/share/man/en_GB.10646\n"
        "   French   Canada         ISO 8859-1      /usr/share/man/fr_CA.88591\n"
        "   German   Germany        ISO 646         /usr/share/man/de_DE.646\n"
        "   Japanese Japan          UJIS (or EUC-J) /usr/share/man/ja_JP.ujis\n"
        "   Japanese Japan          JIS             /usr/share/man/ja_JP.jis\n"
    )
    assert texts(source) == [
        "Various examples:",
        "Language | Territory | Character Set | Directory",
        "English | United Kingdom | Unicode UTF-8 | /usr/share/man/en_GB.10646",
        "French | Canada | ISO 8859-1 | /usr/share/man/fr_CA.88591",
        "German | Germany | ISO 646 | /usr/share/man/de_DE.646",
        "Japanese | Japan | UJIS (or EUC-J) | /usr/share/man/ja_JP.ujis",
        "Japanese | Japan | JIS | /usr/share/man/ja_JP.jis",
    ]
    # Cells of the same words in every row ("primary colour") keep their single space.
    colours = (
        "     red       #ff0000         primary colour\n"
        "     green     #00ff00         primary colour\n"
        "     orange    #ffa500         secondary colour\n"
    )
    assert texts(colours) == [
        "red | #ff0000 | primary colour",
        "green | #00ff00 | primary colour",
        "orange | #ffa500 | secondary colour",
    ]


def test_a_table_whose_rows_stand_between_blank_lines_reads_by_row() -> None:
    # The .xz format's version history: a header of three cells, each row a blank line apart,
    # its description wrapped under "Description".
    source = (
        "0.3. Version History\n\n"
        "        Version   Date          Description\n\n"
        "        1.1.0     2022-12-11    Added ARM64 filter and clarified 32-bit\n"
        "                                ARM endianness in Section 5.3.2\n\n"
        "        1.0.4     2009-08-27    Language improvements in Sections 1.2\n\n"
        "        1.0.0     2009-01-14    The first official version\n\n"
        "1. Conventions\n\n"
        "        The key words are to be read as described in RFC 2119.\n"
    )
    assert texts(source)[1:5] == [
        "Version | Date | Description",
        "1.1.0 | 2022-12-11 | Added ARM64 filter and clarified 32-bit ARM endianness in Section 5.3.2",
        "1.0.4 | 2009-08-27 | Language improvements in Sections 1.2",
        "1.0.0 | 2009-01-14 | The first official version",
    ]
    # Paragraphs set in under a line of capitalized words are no rows.
    prose = (
        "        Scope   Of   This   Part\n\n"
        "        The rules below apply to every member of the\n"
        "        association and to its staff.\n\n"
        "        A member who leaves keeps the rights earned.\n"
    )
    assert table_rows(prose) == []


def test_a_contents_list_goes_on_past_entries_the_excerpt_leaves_out_and_ends_at_its_first_section() -> None:
    # The X protocol cut after chapter 1: its contents name chapters the file no longer holds;
    # a line set in under a part's entry may repeat a chapter's name; the first section the
    # contents name ends them; a group's label ("Advanced features:") sets entries in under it.
    source = (
        "Table of Contents\n\n"
        "Acknowledgements\n"
        "1. Protocol Formats\n\n"
        "    Request Format\n"
        "    Reply Format\n\n"
        "2. Keyboards\n"
        "3. Connection Setup\n\n"
        "    Connection Initiation\n"
        "    Server Response\n\n"
        "A. Protocol Encoding\n\n"
        "    Keyboards\n"
        "    Requests\n\n"
        "Glossary\n"
        "Index\n\n"
        "Acknowledgements\n\n"
        "The primary contributors to the X11 protocol are named below.\n\n"
        "Chapter 1. Protocol Formats\n\n"
        "Request Format\n\n"
        "Every request contains an 8-bit major opcode.\n\n"
        "Reply Format\n\n"
        "Every reply contains a 32-bit length field.\n"
    )
    assert texts(source) == [
        "Acknowledgements",
        "The primary contributors to the X11 protocol are named below.",
        "Protocol Formats",
        "Request Format",
        "Every request contains an 8-bit major opcode.",
        "Reply Format",
        "Every reply contains a 32-bit length field.",
    ]
    grouped = (
        "TABLE OF CONTENTS\n-----------------\n\n"
        "Overview:\n"
        "        Functions provided by the library\n"
        "        Outline of typical usage\n"
        "Advanced features:\n"
        "        Compression parameter selection\n"
        "        Error handling\n\n"
        "You should read at least the overview before trying to program with the library.\n\n"
        "Functions provided by the library\n"
        "---------------------------------\n\n"
        "The library provides C code to read and write JPEG files.\n\n"
        "Outline of typical usage\n"
        "------------------------\n\n"
        "The rough outline of a compression is below.\n\n"
        "Error handling\n"
        "--------------\n\n"
        "The library reports errors through an error manager.\n"
    )
    assert texts(grouped) == [
        "You should read at least the overview before trying to program with the library.",
        "Functions provided by the library",
        "The library provides C code to read and write JPEG files.",
        "Outline of typical usage",
        "The rough outline of a compression is below.",
        "Error handling",
        "The library reports errors through an error manager.",
    ]


def test_c_declarations_set_in_under_prose_are_code() -> None:
    # libjpeg's manual: a lead-in without a colon, a blank line, declarations and calls set in.
    source = (
        "Typical code for this step, if you are using the default error handler, is\n\n"
        "        struct jpeg_compress_struct cinfo;\n"
        "        struct jpeg_error_mgr jerr;\n"
        "        ...\n"
        "        cinfo.err = jpeg_std_error(&jerr);\n\n"
        "The object is then ready.\n\n"
        "        FILE *outfile;\n"
        "        JSAMPROW row_pointer[1];        /* pointer to a single row */\n"
    )
    blocks = [(b.kind, b.text) for b in read_plain(source).blocks]
    assert blocks[1] == (
        BlockKind.CODE,
        "struct jpeg_compress_struct cinfo;\nstruct jpeg_error_mgr jerr;\n...\ncinfo.err = jpeg_std_error(&jerr);",
    )
    assert blocks[3][0] is BlockKind.CODE and blocks[3][1].startswith("FILE *outfile;\nJSAMPROW")


def test_a_numbered_title_after_a_code_block_and_a_blank_line_is_a_heading() -> None:
    # The blank line the code block held at its end stands before the title (S-Lang's manual:
    # a block with a blank line inside it had made "3.6. Lists" an item).
    source = (
        "3.5. Arrays\n\n"
        "  The language has arrays, as in the simplified C code:\n\n"
        "               x = 1;\n"
        "               y = 2;\n\n"
        "               n = (2 * PI) / 0.01 + 1;\n\n"
        "  3.6.  Lists\n\n"
        "  A list is like an array except that it may hold objects of any type.\n"
    )
    kinds = [(b.kind, b.label, b.text) for b in read_plain(source).blocks]
    assert (BlockKind.HEADING, "3.6", "Lists") in kinds


def test_a_compounds_further_part_keeps_its_hyphen_across_a_wrap() -> None:
    # "memory-to-" + "memory": the word before the hyphen is one of its own; "integer-expres-"
    # + "sion": a compound's last word broken, mended; "self-" + "contained" keeps its hyphen.
    source = (
        "Both can be done in an incremental memory-to-\n"
        "memory fashion.  The test involving integer-expres-\n"
        "sion and the integer-expression come after the self-\n"
        "contained block, a memory of its own to use.\n"
    )
    assert texts(source) == [
        "Both can be done in an incremental memory-to-memory fashion. The test involving integer-expression "
        "and the integer-expression come after the self-contained block, a memory of its own to use."
    ]


def test_a_box_tables_cell_wrapped_before_its_comma_goes_on_without_a_space() -> None:
    source = (
        "┌──────────┬──────────────────────────────────────────────┐\n"
        "│Name      │Value                                         │\n"
        "├──────────┼──────────────────────────────────────────────┤\n"
        "│WINGRAVITY│{ Unmap, Static, NorthWest, North, East       │\n"
        "│          │, SouthWest, South, SouthEast }               │\n"
        "├──────────┼──────────────────────────────────────────────┤\n"
        "│BOOL      │{ True, False }                               │\n"
        "└──────────┴──────────────────────────────────────────────┘\n"
    )
    assert texts(source) == [
        "Name | Value",
        "WINGRAVITY | { Unmap, Static, NorthWest, North, East, SouthWest, South, SouthEast }",
        "BOOL | { True, False }",
    ]


def test_a_sections_number_alone_over_its_definition_is_a_term_kept_however_often_it_recurs() -> None:
    # The Debian Policy's upgrading checklist (Sphinx's text build): each version's changes
    # under the numbers of the sections they touch; a number is no label of the definition,
    # no date ("5.6.26"), no duplicate when a later version names the section again.
    source = (
        "Version 4.6.2\n*************\n\n"
        "3.8\n   Essential packages are only required to provide their core\n   functionality.\n\n"
        "6.5 & 6.6\n   The new package version is provided as an additional argument.\n\n"
        "5.6.26\n   A package control file must not have more than one field.\n\n"
        "Version 4.6.1\n*************\n\n"
        '5.6.26\n   Permit "-b" in Vcs-Hg as well as Vcs-Git.\n\n'
        "10.4 & perl\n   The requirement on the shebang is relaxed.\n"
    )
    edition = Edition.from_text(source, options=NO_LANGUAGE)
    assert [(c.label, c.text) for c in edition.clauses if c.kind is not ClauseKind.HEADING] == [
        (None, "3.8"),
        (None, "Essential packages are only required to provide their core functionality."),
        (None, "6.5 & 6.6"),
        (None, "The new package version is provided as an additional argument."),
        (None, "5.6.26"),
        (None, "A package control file must not have more than one field."),
        (None, "5.6.26"),
        (None, 'Permit "-b" in Vcs-Hg as well as Vcs-Git.'),
        (None, "10.4 & perl"),
        (None, "The requirement on the shebang is relaxed."),
    ]
    assert [d.reason for d in edition.dropped] == ["markup", "markup"]
    # With a full stop, or a title after it, a number is an item's label as ever.
    assert read_plain("1.2. Scope\n\n   The rules apply.\n").blocks[0].label == "1.2"


def test_a_protocols_definitions_and_encodings_are_code_blocks() -> None:
    # The X extensions' specifications: a request's fields and its reply's, the arrow between
    # them (one blank line apart in the proxy management protocol), a field under its name,
    # an encoding's byte layout under its name; a column of bytes is no table.
    source = (
        "DPMSGetVersion\n\n"
        "client_major_version: CARD16\n"
        "client_minor_version: CARD16\n"
        "=>\n"
        "server_major_version: CARD16\n\n"
        "If supplied, the client_major_version indicates what version the client wants.\n\n"
        "GET_PROXY_ADDR\n"
        "  proxy-service  : STRING\n"
        "  auth-data      : LISTofCARD8 or None\n\n"
        "  -->\n\n"
        "  status         : CARD8\n"
        "  proxy-address  : STRING\n\n"
        "START_PROXY\n"
        '  proxy-service  : STRING   (name of proxy service, e.g. "LBX")\n\n'
        "DPMSCapable\n"
        "     1     CARD8         opcode\n"
        "     1     1             DPMS opcode\n"
        "     2     1             request length\n"
        "=>\n"
        "     1     BOOL          capable\n"
    )
    blocks = [(b.kind, b.text) for b in read_plain(source).blocks]
    code = [text for kind, text in blocks if kind is BlockKind.CODE]
    assert code == [
        "client_major_version: CARD16\nclient_minor_version: CARD16\n=>\nserver_major_version: CARD16",
        "GET_PROXY_ADDR\n  proxy-service  : STRING\n  auth-data      : LISTofCARD8 or None\n\n  -->\n\n"
        "  status         : CARD8\n  proxy-address  : STRING",
        'START_PROXY\n  proxy-service  : STRING   (name of proxy service, e.g. "LBX")',
        "DPMSCapable\n     1     CARD8         opcode\n     1     1             DPMS opcode\n"
        "     2     1             request length\n=>\n     1     BOOL          capable",
    ]
    assert not any(kind is BlockKind.TABLE_ROW for kind, _ in blocks)
    # Fields of a file's header ("License: MIT") or of a page are no protocol's.
    header = "Upstream-Name: FOO\nLicense: MIT\nSource: https://example.org/foo\n"
    assert not any(b.kind is BlockKind.CODE for b in read_plain(header).blocks)


def test_a_configuration_example_set_in_under_its_lead_in_keeps_its_comments_as_code() -> None:
    # Debian's PAM mini-policy: an /etc/pam.d file's comments, set in under "...:", are the
    # example's, its directives too, one block; the same leaders at a licence's column are a
    # source file's comments around text.
    source = (
        "Here is an example of a PAM configuration file that just includes the\n"
        "common module fragments:\n\n"
        "    #\n"
        "    # /etc/pam.d/other - specify the PAM fallback behaviour\n"
        "    #\n"
        "    # Note that this file is used for any unspecified service.\n\n"
        "    @include common-auth\n"
        "    @include common-account\n\n"
        "The name of this file is determined by the call to pam_start().\n"
    )
    blocks = [(b.kind, b.text) for b in read_plain(source).blocks]
    assert blocks[1] == (
        BlockKind.CODE,
        "#\n# /etc/pam.d/other - specify the PAM fallback behaviour\n#\n"
        "# Note that this file is used for any unspecified service.\n\n@include common-auth\n@include common-account",
    )
    assert blocks[2] == (BlockKind.PARAGRAPH, "The name of this file is determined by the call to pam_start().")
    licence = (
        "# Redistribution and use in source and binary forms, with or without\n"
        "# modification, are permitted provided that the following conditions\n"
        "# are met.\n"
    )
    assert texts(licence) == [
        "Redistribution and use in source and binary forms, with or without modification, are permitted "
        "provided that the following conditions are met."
    ]


def test_each_notice_of_a_stack_of_copyright_lines_stands_alone() -> None:
    # libX11's copyright file: a notice ending with a stray comma, "All Rights Reserved" on its own
    # line, "(c) Copyright" (a sign, no item's label).
    source = (
        "Copyright 1993 by Digital Equipment Corporation, Maynard, Massachusetts,\n"
        "Copyright 1994 by FUJITSU LIMITED\n"
        "Copyright 1994 by Sony Corporation\n"
        "All Rights Reserved\n\n"
        "(c) Copyright 1995 FUJITSU LIMITED\n"
    )
    blocks = [(b.label, b.text) for b in read_plain(source).blocks]
    assert blocks == [
        (None, "Copyright 1993 by Digital Equipment Corporation, Maynard, Massachusetts,"),
        (None, "Copyright 1994 by FUJITSU LIMITED"),
        (None, "Copyright 1994 by Sony Corporation"),
        (None, "All Rights Reserved"),
        (None, "(c) Copyright 1995 FUJITSU LIMITED"),
    ]


def test_a_labels_lines_set_at_its_texts_column_are_its_own_whatever_they_end_with() -> None:
    # The .xz format's footnotes, each sentence on a line of its own at the column where the text
    # after "[1]" starts; the Apache License's "(c) You must retain, in the Source form of any
    # Derivative Works" + "that You distribute, ..." (a line ended short, the sentence going on).
    source = (
        "        The filters below are for executables: each of them converts the\n"
        "        relative branch, call and jump addresses to absolute addresses, so\n"
        "        that the data compresses better; the decoder converts them back.\n\n"
        "              [1] These are for little endian instruction encoding.\n"
        "                  This must not be confused with data endianness.\n\n"
        "              (c) You must retain, in the Source form of any Derivative Works\n"
        "                  that You distribute, all copyright notices from the Source form.\n"
    )
    assert [(b.label, b.text) for b in read_plain(source).blocks][1:] == [
        ("[1]", "These are for little endian instruction encoding. This must not be confused with data endianness."),
        ("(c)", "You must retain, in the Source form of any Derivative Works that You distribute, all copyright "
         "notices from the Source form."),
    ]  # fmt: skip
    # A command at the label's text column under a lead-in is no part of its item.
    command = "Two ways to fix it:\n\n1. mask your window manager with the wmname tool:\n   $ wmname LG3D\n"
    assert texts(command)[-1] == "$ wmname LG3D"


def test_a_parenthesis_opening_the_next_line_goes_on_with_the_sentence() -> None:
    # The Perl Policy: a sentence set in under an example, its parenthesis wrapped onto the next
    # line; a title in capitals over a signature in brackets ("USAGE" + "(b,e) = frexp(x)") stays apart.
    source = (
        "     The module search path in the current Debian packages has been\n"
        "     ordered to include these locations in the following order, with\n"
        "     the local administrator's modules first and the packaged ones next,\n"
        "     so that a module installed locally hides the packaged one.\n\n"
        "           Where version indicates the current Perl version\n"
        "           ($Config{version}).\n\n"
        "  Kungliga Tekniska Hogskolan\n"
        "  (Royal Institute of Technology, Stockholm, Sweden).\n\n"
        " USAGE\n"
        "    (b,e) = frexp(x)\n"
    )
    assert texts(source)[1:3] == [
        "Where version indicates the current Perl version ($Config{version}).",
        "Kungliga Tekniska Hogskolan (Royal Institute of Technology, Stockholm, Sweden).",
    ]
    assert texts(source)[3] == "USAGE"


def test_names_padded_to_a_dash_and_a_table_of_tabs_under_its_rule_read_by_row() -> None:
    # GNU MPFR's README lists its files, each name padded to the dash before what it is;
    # util-linux's release schedule lays out two rows with tabs under a header and its rule.
    files = (
        "The GNU MPFR distribution contains the following files:\n\n"
        "AUTHORS         - the authors of the library\n"
        "BUGS            - bugs in MPFR - please read this file!\n"
        "COPYING         - the GNU General Public License, version 3\n"
        "doc/            - directory containing documentation (manual, FAQ, etc.)\n"
    )
    assert texts(files)[1:] == [
        "AUTHORS | the authors of the library",
        "BUGS | bugs in MPFR - please read this file!",
        "COPYING | the GNU General Public License, version 3",
        "doc/ | directory containing documentation (manual, FAQ, etc.)",
    ]
    schedule = (
        "  what\t length\t\twhat will be accepted into upstream\n"
        "  ---------------------------------------------------------\n"
        "  rc1\t 1-2 weeks\tbug fixes only\n"
        "  rc2\t 1-2 weeks\ttranslations, fatal/trivial bug fixes\n"
    )
    assert texts(schedule) == [
        "what | length | what will be accepted into upstream",
        "rc1 | 1-2 weeks | bug fixes only",
        "rc2 | 1-2 weeks | translations, fatal/trivial bug fixes",
    ]
    # Sentences with a dash are no such list: "foo - bar" once, the dashes nowhere aligned.
    prose = "The tool - a small one - reads files.\nIt writes them - when asked - to disk.\nThen it stops - always.\n"
    assert table_rows(prose) == []


def test_type_definitions_of_a_protocol_are_one_code_block() -> None:
    # The X Synchronization extension's types: a name, a colon, a gap, its definition; structures
    # in brackets over several lines; an enumeration wrapped onto a further line.
    source = (
        "The following new types are used by the extension.\n\n"
        "INT64:                 64-bit signed integer\n"
        "COUNTER:               XID\n"
        "TESTTYPE:              {PositiveTransition,NegativeTransition,\n"
        "                        PositiveComparison,NegativeComparison}\n"
        "TRIGGER:               [\n"
        "                        counter:COUNTER,\n"
        "                        test-type:TESTTYPE\n"
        "                       ]\n"
        "FENCE:                 XID\n\n"
        "The COUNTER type defines the client-side handle on a server Counter.\n"
    )
    blocks = [(b.kind, b.text) for b in read_plain(source).blocks]
    assert [kind for kind, _ in blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH]
    assert blocks[1][1].splitlines()[3] == "                        PositiveComparison,NegativeComparison}"
    # A warning in capitals over its text is no type's definition.
    warning = "WARNING:  Retrieving the source code indicates your acceptance of the\nfollowing terms.\n"
    assert [b.kind for b in read_plain(warning).blocks] == [BlockKind.PARAGRAPH]


def test_a_sentence_over_a_table_is_no_header_row() -> None:
    # The X protocol: a paragraph, a blank line, then three columns of names; its words run
    # across the columns' starts, so it is no header.
    source = (
        "The following names have predefined atom values. Note that uppercase and\n"
        "lowercase matter.\n"
        "\n"
        "ARC         ITALIC_ANGLE      STRING\n"
        "ATOM        MAX_SPACE         SUBSCRIPT_X\n"
        "BITMAP      MIN_SPACE         SUBSCRIPT_Y\n"
        "CAP_HEIGHT  NORM_SPACE        SUPERSCRIPT_X\n"
    )
    assert texts(source) == [
        "The following names have predefined atom values. Note that uppercase and lowercase matter.",
        "ARC | ITALIC_ANGLE | STRING",
        "ATOM | MAX_SPACE | SUBSCRIPT_X",
        "BITMAP | MIN_SPACE | SUBSCRIPT_Y",
        "CAP_HEIGHT | NORM_SPACE | SUPERSCRIPT_X",
    ]


def test_an_example_printed_straight_under_the_text_with_no_blank_line_is_code() -> None:
    # A web page as a text browser dumped it: the text three columns in, each <pre> block at the
    # page's edge right under the line before it; a wrapped line of the text never steps out.
    body = _set_in_paragraphs("the page")
    source = body + (
        "   To set tags, put a line like this one in the pseudo-header:\n"
        "Tags: <tags>\n\n"
        "   You can also find out which package installed it. For example:\n"
        "$ which apt-get\n"
        "/usr/bin/apt-get\n"
        "$ type apt-get\n"
        "apt-get is /usr/bin/apt-get\n\n"
        "   Replace <tags> with one or more of the available tags.\n"
    )
    document = read_plain(source)
    audit(source, spans_of(document))
    assert [(b.kind, b.text) for b in document.blocks][-5:] == [
        (BlockKind.PARAGRAPH, "To set tags, put a line like this one in the pseudo-header:"),
        (BlockKind.CODE, "Tags: <tags>"),
        (BlockKind.PARAGRAPH, "You can also find out which package installed it. For example:"),
        (BlockKind.CODE, "$ which apt-get\n/usr/bin/apt-get\n$ type apt-get\napt-get is /usr/bin/apt-get"),
        (BlockKind.PARAGRAPH, "Replace <tags> with one or more of the available tags."),
    ]
    # Prose stepping out of the column under the text stays prose; so does a field at the
    # margin under lines set in by one (a control file's field and its continuation).
    prose = body + "   The committee meets twice a year and reports to\nthe members in writing.\n"
    assert BlockKind.CODE not in [b.kind for b in read_plain(prose).blocks]
    control = body + " This work is licensed under the terms of the GPL.\n .\nLicense: GPL-2+\n"
    assert BlockKind.CODE not in [b.kind for b in read_plain(control).blocks]


def test_an_example_at_the_page_edge_after_a_lead_in_with_a_footnote_mark_or_of_paths_is_code() -> None:
    body = _set_in_paragraphs("the manual")
    source = body + (
        "   A module should use the following lines in the debian/rules build target:\n"
        "   ^[7]\n\n"
        " perl Makefile.PL INSTALLDIRS=vendor\n"
        ' $(MAKE) OPTIMIZE="-O2 -g -Wall"\n\n'
        "   It will use different directories for packaged modules to perl:\n\n"
        " /usr/lib/perl6\n"
        " /usr/share/perl6\n\n"
        "   This will allow both to co-exist.\n"
    )
    document = read_plain(source)
    audit(source, spans_of(document))
    code = [b.text for b in document.blocks if b.kind is BlockKind.CODE]
    assert code == [
        'perl Makefile.PL INSTALLDIRS=vendor\n$(MAKE) OPTIMIZE="-O2 -g -Wall"',
        "/usr/lib/perl6\n/usr/share/perl6",
    ]


def test_an_appendix_or_annex_number_is_a_label_and_a_one_entry_list_of_tables_is_no_text() -> None:
    source = (
        "   List of Tables\n\n"
        "   4.1. Module to package mappings\n\n"
        "Chapter 4. Packaged Modules\n\n"
        "   Perl module packages should be named for the primary module provided.\n\n"
        "   Table 4.1. Module to package mappings\n\n"
        "   The mapping is one to one.\n\n"
        "                               Appendix A. Perl 6\n\n"
        "   Appendix A contains notes on the next major revision.\n"
    )
    edition = Edition.from_text(source, options=Options(flag_languages=False))
    assert [(c.label, c.text) for c in edition.clauses] == [
        ("Chapter 4", "Packaged Modules"),
        (None, "Perl module packages should be named for the primary module provided."),
        ("Table 4.1", "Module to package mappings"),
        (None, "The mapping is one to one."),
        ("Appendix A", "Perl 6"),
        (None, "Appendix A contains notes on the next major revision."),
    ]
    assert [d.text for d in edition.dropped if d.reason == "table-of-contents"] == [
        "List of Tables",
        "4.1. Module to package mappings",
    ]


def test_a_bullets_item_goes_on_at_its_text_column_until_a_blank_line() -> None:
    # util-linux's contribution policy: items set in by a tab, their lines at the text's column.
    source = (
        "Sending Patches\n\n"
        "\t* many small patches are preferred over a single large patch. Split\n"
        "\t  patch sets based upon logical functionality.\n\n"
        "\t* one patch per email.\n"
        "\t  See Email Format.\n\n"
        "\t* add a Signed-off-by line.\n"
        "\t  Hint: use git commit -s\n\n"
        "\t* Primary repository is on kernel.org:\n"
        "\t  git clone git://git.kernel.org/pub/scm/utils/util-linux/util-linux.git\n\n"
        "\t  We use this repository for master and stable branches only.\n"
    )
    document = read_plain(source)
    audit(source, spans_of(document))
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, "Sending Patches"),
        (
            BlockKind.LIST_ITEM,
            "many small patches are preferred over a single large patch. Split patch sets based upon logical"
            " functionality.",
        ),
        (BlockKind.LIST_ITEM, "one patch per email. See Email Format."),
        (BlockKind.LIST_ITEM, "add a Signed-off-by line. Hint: use git commit -s"),
        (BlockKind.LIST_ITEM, "Primary repository is on kernel.org:"),
        (BlockKind.CODE, "git clone git://git.kernel.org/pub/scm/utils/util-linux/util-linux.git"),
        (BlockKind.PARAGRAPH, "We use this repository for master and stable branches only."),
    ]
    # A paragraph's first-line indent that falls at an item's text column, in a text whose items'
    # lines and body stand elsewhere (the benchmark's PDF extraction of the AWS CLI's S3 guide: first
    # lines set in by three, the others at the edge, items' lines at two), starts the paragraph.
    from benchmarks.segmentation import load_documents, render_pdf_text

    guide = load_documents(["awscli-s3-config"])[0]
    pdf, _, _ = render_pdf_text(guide.truth, random.Random("awscli-s3-config/pdf-text/1"))
    assert "\n   These are the configuration values that can be set for both aws s3 and aws s3api:" in pdf
    texts = [b.text for b in read_plain(pdf).blocks]
    assert "These are the configuration values that can be set for both aws s3 and aws s3api:" in texts
    assert (
        "max_bandwidth - The maximum bandwidth that will be consumed for uploading and downloading data to and"
        " from Amazon S3." in texts
    )


def test_a_signature_delimiter_is_markup_and_a_wrapped_colon_is_no_lead_in() -> None:
    source = (
        "By now, you have your certificate and your private key and can start\n"
        "using applications that depend on it.\n\n"
        "--\n"
        "Richard Levitte\n"
    )
    document = read_plain(source)
    audit(source, spans_of(document))
    assert [b.text for b in document.blocks][-1] == "Richard Levitte"
    # A colon that ends a full line inside a sentence leads into nothing: the next line goes on.
    wrapped = (
        "Programs that have private compiled extensions must either handle multiple\n"
        "version support themselves, or declare a tight dependency on the current\n"
        "Python version (e.g. Depends: python3 (>= 3.5), python3 (<< 3.6)), but the\n"
        "interpreter must be the one of the package that ships them, e.g. Depends:\n"
        "python3 (>= 3.5), python3 (<< 3.6).\n"
    )
    assert [b.kind for b in read_plain(wrapped).blocks] == [BlockKind.PARAGRAPH]
    # A short lead-in's command straight under it is one; its C-like condition reads as code.
    readme = "".join(
        f"Paragraph {n} of the README: a package of icons that the themes of the desktop\n"
        "fall back on, set out as its authors wrote it.\n\n"
        for n in range(3)
    )
    example = readme + (
        "To install this package in /usr just run:\n"
        "make PREFIX=/usr\n\n"
        "Do not use `else' after non-returning functions. For example:\n\n"
        "  if (this)\n"
        '          err(EXIT_FAIL, "this failed");\n'
        "  else\n"
        '          err(EXIT_FAIL, "that failed");\n'
    )
    assert [b.kind for b in read_plain(example).blocks][3:] == [
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
    ]


def test_a_pages_bulleted_list_of_its_own_sections_is_a_table_of_contents() -> None:
    # A web page as a text browser dumps it: its links to its own sections, bulleted, then the sections.
    sections = ("Closing bug reports", "Followup messages", "Severity levels")
    source = (
        "   Initially, a bug report is submitted by a user as an ordinary mail message.\n"
        + "".join(f"     * {name}\n" for name in sections)
        + "".join(
            f"\n{name}\n\n   What the page says of {name.lower()}, in a sentence of its own.\n" for name in sections
        )
    )
    edition = Edition.from_text(source, options=Options(flag_languages=False))
    assert [c.text for c in edition.clauses if c.kind is ClauseKind.HEADING] == list(sections)
    assert [d.text for d in edition.dropped if d.reason == "table-of-contents"] == [f"* {n}" for n in sections]
    # A licence quoted twice in a comment's bullets names its own wrapped lines, no headings: kept.
    notice = (
        " * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS\n"
        ' * "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT\n'
        " * LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS\n"
    )
    twice = notice + "\n" + notice.replace(" * ", "")
    assert "table-of-contents" not in {d.reason for d in read_plain(twice).dropped}


def test_a_terms_definition_set_in_under_it_is_read_apart_in_whatever_case_it_opens() -> None:
    body = "".join(
        f"   Paragraph {n} of the page on severity levels, wrapped by the text browser that dumped\n"
        "   it, its lines set three columns in.\n\n"
        for n in range(3)
    )
    source = body + (
        "   critical\n"
        "          makes unrelated software on the system (or the whole system)\n"
        "          break, or causes serious data loss.\n\n"
        "   #if PNG_LIBPNG_VER >= 10504\n"
        "          png_set_scale_16(png_ptr);\n"
    )
    document = read_plain(source)
    audit(source, spans_of(document))
    texts = [b.text for b in document.blocks]
    assert texts[3:5] == [
        "critical",
        "makes unrelated software on the system (or the whole system) break, or causes serious data loss.",
    ]
    assert not any(text == "#if PNG_LIBPNG_VER >= 10504" for text in texts)  # code's marks: no term


def test_commands_set_between_paragraphs_at_the_texts_column_are_code_and_no_markdown() -> None:
    # util-linux's howto: shell commands between the steps, a comment among them, no indent at all.
    source = (
        "Branches\n--------\n\n"
        "4. When done push your branch to your remote git server.\n\n"
        "git checkout master\n"
        "git branch textual\n"
        "# spent here most of the effort\n"
        "git push yourgit textual:textual\n\n"
        "5. Do not worry if you used a stupid branch name, it can be fixed before submission.\n\n"
        "git branch -m stupid-and-wrong brilliant\n"
        "git push yourgit brilliant:brilliant :stupid-and-wrong\n"
    )
    from conceptdiff.read import detect_format
    from conceptdiff.read.markdown import looks_like_markdown

    assert not looks_like_markdown(source)  # a shell comment among commands is no "#" heading
    assert detect_format("howto.txt", text=source) == "text"
    document = read_plain(source)
    audit(source, spans_of(document))
    assert [b.kind for b in document.blocks] == [
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.CODE,
        BlockKind.LIST_ITEM,
        BlockKind.CODE,
    ]
    # A banner framed with "#" lines is a title, and two lines of prose stay prose.
    banner = "#####################\n# BUILDING FROM SOURCE\n#####################\n\nRun make to build it.\n"
    assert BlockKind.CODE not in [b.kind for b in read_plain(banner).blocks]
    prose = "Make sure the package is installed.\nThen run the tests as the maintainer does.\n"
    assert BlockKind.CODE not in [b.kind for b in read_plain(prose).blocks]


def test_a_number_joined_to_another_by_and_is_no_label() -> None:
    from conceptdiff.read._labels import split_label

    assert split_label("6.5 & 6.6") == (None, 0, 0)
    assert split_label("9.10 and 11.5") == (None, 0, 0)
    assert split_label("2.1 Apples and pears")[0] == "2.1"


def test_a_version_under_a_title_is_no_fifth_sections_label() -> None:
    # EUPL 1.1's title block: "European Union Public Licence" over "V. 1.1" (Version 1.1).
    from conceptdiff.read._labels import split_label

    assert split_label("V. 1.1") == (None, 0, 0)
    assert split_label("v. 2.0") == (None, 0, 0)
    assert split_label("V. Scope of the licence")[0] == "V"
    assert split_label("a. 5")[0] == "a"
    edition = Edition.from_text("European Union Public Licence\n\nV. 1.1\n\nThe Licence applies to the Work.\n")
    assert [(clause.label, clause.text) for clause in edition.clauses][1] == (None, "V. 1.1")
