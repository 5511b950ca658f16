"""Segmentation of real-world editions: one test per quirk, the expected clause
lists of the seed article and of US NSS 2006, the audit property, and the
switches of each rule family (docs/reading.md)."""

from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conceptdiff import ClauseKind, Edition, Options
from conceptdiff.normalize import normalize_text
from conceptdiff.read._paged import furniture_key
from conceptdiff.read._terminal import render
from conceptdiff.segment import segment, split_label, strip_inline_markup
from conceptdiff.strategies import clause_lists

from .conftest import FIXTURES

QUIRKS = FIXTURES / "quirks"
EXPECTED = FIXTURES / "expected"
NO_LANGUAGE = Options(flag_languages=False)


def read(name: str, options: Options = NO_LANGUAGE) -> Edition:
    return Edition.from_path(QUIRKS / name, options=options)


def texts(edition: Edition) -> list[str]:
    return [clause.text for clause in edition.clauses]


def reasons(edition: Edition) -> Counter[str]:
    return Counter(span.reason for span in edition.dropped)


def assert_audit(text: str, edition: Edition) -> None:
    """The audit contract of conceptdiff.segment, checked in full."""
    spans = sorted(
        [(c.span, "clause") for c in edition.clauses if c.span is not None]
        + [((d.start, d.end), d.reason) for d in edition.dropped]
    )
    covered = [False] * len(text)
    end = 0
    for (start, stop), _ in spans:
        assert 0 <= start < stop <= len(text)
        assert start >= end, "spans overlap"
        end = stop
        for i in range(start, stop):
            covered[i] = True
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))
    clause_starts = [c.span[0] for c in edition.clauses if c.span is not None]
    assert clause_starts == sorted(clause_starts), "clauses in reading order"
    for span in edition.dropped:
        assert span.text == text[span.start : span.end]
    # Each clause's words come from its span and the continuations recorded after it.
    continuations = sorted((d.start, d.end) for d in edition.dropped if d.reason == "continuation")
    for clause in edition.clauses:
        assert clause.span is not None
        assert "\n" not in clause.text or clause.kind is ClauseKind.CODE, "line breaks only in code"
        start, stop = clause.span
        # As a terminal shows it (a no-op on a text without a terminal's formatting).
        source = " ".join(render(text[a:b]).text for a, b in [(start, stop), *continuations] if a >= start)
        if clause.kind is ClauseKind.CODE:  # verbatim: every line as written
            assert all(line.strip() in source for line in clause.text.split("\n")), clause.text
            continue
        squeezed = "".join(strip_inline_markup(source).split()).replace("-", "")
        raw = "".join(source.split()).replace("-", "")
        for word in clause.text.split():
            core = word.strip("*_`[]()<>").replace("-", "")
            assert core in squeezed or core in raw or not core, (word, clause.text)


# -- one test per quirk ------------------------------------------------------------------


def test_running_headers_in_any_capitalization_and_page_numbers_are_dropped() -> None:
    edition = read("running_header_odd_capitalization.txt")
    assert texts(edition) == [
        "The Strategy of the Union",
        "The Union will defend its members against every threat, in every domain, and at every level of "
        "escalation that an adversary may choose to attempt.",
        "Our partners are essential. We will deepen cooperation with them in trade, in research and in the "
        "protection of critical infrastructure.",
        "We will invest in the resilience of our societies and our economies.",
        "The Union will review this strategy every five years.",
    ]
    assert reasons(edition) == {"running-header": 3, "page-number": 4}
    assert {span.text for span in edition.dropped if span.reason == "running-header"} == {
        "NaTIONal SeCurITy STraTegy",
        "NATIONAL SECURITY STRATEGY",
        "national security strategy",
    }


def test_a_numbered_heading_keeps_its_place_where_the_running_header_repeats_its_title() -> None:
    # A chapter's running header is its title; the chapter's own heading,
    # numbered, is the document's ("2. Setting the Output Format" is no header).
    words = "format string output escape specifier resource command program memory signal".split()

    def paragraph(n: int) -> str:
        text = " ".join(
            f"Rule {k} says how the {words[(k + n) % 10]} of the {words[(k * n) % 10]} is shown." for k in range(5)
        )
        return textwrap.fill(text, 72)

    pages = []
    for n in range(1, 7):
        top = {1: "1. Measuring Resources", 2: "MEASURING RESOURCES", 3: "MEASURING RESOURCES"}
        middle = "\n\n2. Setting the Output Format" if n == 3 else ""
        note = paragraph(n).replace("Rule", "Note")
        pages.append(f"{top.get(n, 'SETTING THE OUTPUT FORMAT')}\n\n{paragraph(n)}{middle}\n\n{note}\n\n{n}\n")
    edition = Edition.from_text("\f".join(pages), options=NO_LANGUAGE)
    headings = [(c.label, c.text) for c in edition.clauses if c.kind is ClauseKind.HEADING]
    assert headings == [("1", "Measuring Resources"), ("2", "Setting the Output Format")]
    assert reasons(edition) == {"running-header": 5, "page-number": 6}


def test_page_numbers_in_several_styles_are_dropped() -> None:
    edition = read("page_numbers.txt")
    assert len(edition.clauses) == 4
    assert sorted(span.text for span in edition.dropped) == ["- 14 -", "12", "Page 13 of 40"]
    assert {span.reason for span in edition.dropped} == {"page-number"}


def test_spaced_out_letters_are_rejoined() -> None:
    edition = read("spaced_out_letters.txt")
    assert texts(edition)[:2] == ["NATIONAL SECURITY STRATEGY", "FEBRUARY 2015"]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    edition = read("hard_wrapped_paragraphs.txt")
    assert [text.split()[:3] for text in texts(edition)] == [
        ["The", "Licensor", "hereby"],
        ["The", "Licensee", "may"],
        ["Communication", "to", "the"],
    ]
    assert texts(edition)[0].endswith("and reproduce the Work.")


def test_words_hyphenated_across_lines_are_mended_and_compounds_kept() -> None:
    edition = read("hyphenated_across_lines.txt")
    first = texts(edition)[0]
    assert "procedures" in first and "annual" in first
    assert "well-known arrangements" in first  # the document writes "well-known" elsewhere
    assert "co-operation" in first


def test_table_of_contents_is_dropped_and_its_headings_stay_in_the_text() -> None:
    edition = read("table_of_contents.txt")
    assert [(c.kind, c.label, c.text) for c in edition.clauses if c.kind is ClauseKind.HEADING] == [
        (ClauseKind.HEADING, "I", "Overview of the Strategy"),
        (ClauseKind.HEADING, "II", "Champion Aspirations for Human Dignity"),
    ]
    assert reasons(edition) == {"table-of-contents": 4}


def test_a_paragraph_broken_by_a_page_break_is_rejoined_and_audited() -> None:
    path = QUIRKS / "paragraph_across_page_break.txt"
    edition = read(path.name)
    assert len(edition.clauses) == 2
    assert edition.clauses[0].text.endswith("in the Official Journal of the Union together with the names of the "
                                            "members of the Council and the dates of their appointment.")  # fmt: skip
    assert reasons(edition)["continuation"] == 1
    assert reasons(edition)["running-header"] == 3
    assert_audit(path.read_text(encoding="utf-8"), edition)


def test_a_repeated_headline_is_kept_once() -> None:
    edition = read("headline_repeated.txt")
    assert texts(edition)[0] == "Parliament Adopts New Data Protection Rules"
    assert texts(edition).count("Parliament Adopts New Data Protection Rules") == 1
    assert reasons(edition) == {"duplicate": 2}


def test_date_lines_and_photo_credits_are_boilerplate() -> None:
    edition = read("date_line_and_photo_credit.txt")
    assert len(edition.clauses) == 1 and edition.clauses[0].text.startswith("President Vladimir Putin")
    assert reasons(edition) == {"boilerplate": 4}


def test_comment_and_share_footers_are_boilerplate() -> None:
    edition = read("comment_and_share_footers.txt")
    assert len(edition.clauses) == 1
    assert reasons(edition) == {"boilerplate": 6}


# A scraped page: a date line above the headline (which is repeated), a page's
# furniture that no rule names between its paragraphs, a share footer below.
_PAGE = """\
Published 3 May 2024

Data Retention Rules Tightened

Data Retention Rules Tightened

The ministry will shorten the retention period for personal data held by public bodies.

The new rules apply from January and cover every register kept by a public body.

Bodies that keep data longer will have to give reasons to the data protection authority.

Independent journalism since 1887

Retention periods

Public bodies must delete personal data once the retention period has ended.

Jane Doe, Minister
Rue de la Loi 16, Brussels

Share this article
"""


def test_furniture_no_rule_names_is_set_aside_as_off_topic_on_a_page_with_boilerplate() -> None:
    edition = Edition.from_text(_PAGE, options=NO_LANGUAGE)
    assert_audit(_PAGE, edition)
    assert [d.text for d in edition.dropped if d.reason == "off-topic"] == ["Independent journalism since 1887"]
    # a heading whose words the text uses, and a line set under a line of the text, are kept
    assert "Retention periods" in texts(edition) and "Rue de la Loi 16, Brussels" in " ".join(texts(edition))
    assert texts(edition)[0] == "Data Retention Rules Tightened"
    # a signatory standing alone is no furniture either
    apart = Edition.from_text(_PAGE.replace("Jane Doe, Minister\n", "Jane Doe, Minister\n\n"), options=NO_LANGUAGE)
    assert "Jane Doe, Minister" in texts(apart)


def test_a_short_line_whose_words_the_text_uses_elsewhere_is_kept() -> None:
    # "Archive rules" shares no word with the lines next to it, but the text
    # speaks of archives and rules twice over: it is the text's, not the page's.
    page = _PAGE.replace(
        "Independent journalism since 1887\n",
        "Archive rules\n\nSchools may appeal within a month.\n\nHospitals may appeal within a month.\n\n"
        "Courts may appeal within a month.\n\nCouncils may appeal within a month.\n\n"
        "Archives keep their own rules. The rules on archives stay as they are.\n\n"
        "Independent journalism since 1887\n",
    )
    edition = Edition.from_text(page, options=NO_LANGUAGE)
    assert "Archive rules" in texts(edition)
    assert [d.text for d in edition.dropped if d.reason == "off-topic"] == ["Independent journalism since 1887"]


def test_off_topic_lines_are_looked_for_only_where_boilerplate_was_found_and_can_be_switched_off() -> None:
    # Without a page's marks (its dateline, its share button, its headline printed twice) ...
    plain = (
        _PAGE.replace("Published 3 May 2024\n", "")
        .replace("Share this article\n", "")
        .replace("Data Retention Rules Tightened\n\n", "", 1)
    )
    assert "Independent journalism since 1887" in texts(Edition.from_text(plain, options=NO_LANGUAGE))
    # ... the repeated headline alone shows a scraped page.
    headline_only = _PAGE.replace("Published 3 May 2024\n", "").replace("Share this article\n", "")
    assert "Independent journalism since 1887" not in texts(Edition.from_text(headline_only, options=NO_LANGUAGE))
    kept = Edition.from_text(_PAGE, options=attrs.evolve(NO_LANGUAGE, drop_off_topic=False))
    assert "Independent journalism since 1887" in texts(kept) and "off-topic" not in reasons(kept)


def test_lines_above_a_repeated_headline_are_the_pages_chrome() -> None:
    # Lines no rule names by their words: only their place above the headline tells them.
    page = "The Riverside Courier\n\nWestminster edition\n\n" + _PAGE
    edition = Edition.from_text(page, options=NO_LANGUAGE)
    assert texts(edition)[0] == "Data Retention Rules Tightened"
    chrome = [d.text for d in edition.dropped if d.reason == "boilerplate"]
    assert "The Riverside Courier" in chrome and "Westminster edition" in chrome


def test_a_notice_above_a_repeated_headline_is_chrome_on_a_page_no_rule_read() -> None:
    # A full sentence no rule names, on a page where nothing else is furniture: the
    # headline printed twice side by side is what shows a scraped page.
    page = (
        "Winter opening times: all libraries close at 4pm from 24 December to 2 January.\n\n"
        "About this documentation\n\nAbout this documentation\n\n"
        "The documentation covers every module the runtime ships.\n\n"
        "Each page names the module's stability and the version that added it.\n"
    )
    edition = Edition.from_text(page, options=NO_LANGUAGE)
    assert texts(edition) == [
        "About this documentation",
        "The documentation covers every module the runtime ships.",
        "Each page names the module's stability and the version that added it.",
    ]
    assert (edition.dropped[0].reason, edition.dropped[0].text.strip()) == (
        "boilerplate",
        "Winter opening times: all libraries close at 4pm from 24 December to 2 January.",
    )


def test_a_field_repeated_under_its_stanza_is_no_headline() -> None:
    # A Debian copyright file names a licence in its stanza, then again over the licence's text.
    text = (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: example\n\n"
        "Files: *\nCopyright: 2002-2017 Jane Doe\nLicense: GPL-2+\n\n"
        "License: GPL-2+\n This package is free software; you can redistribute it.\n"
    )
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    assert any(c.text.startswith("Format:") for c in edition.clauses)
    assert any(c.text.startswith("Copyright: 2002-2017") for c in edition.clauses)
    assert "boilerplate" not in reasons(edition)


def test_a_licences_copyright_line_at_the_end_of_a_short_file_is_its_own() -> None:
    # A short licence file is all "last lines": its copyright line, which a grant follows, is the
    # program's notice, not a page's footer (and a README's closing notice the same).
    licence = (
        "MIT License\n\nCopyright (c) 2012 Tim Caswell\n\n"
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software, "
        "to deal in the Software without restriction.\n\n"
        'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.\n'
    )
    edition = Edition.from_text(licence, options=NO_LANGUAGE)
    assert "Copyright (c) 2012 Tim Caswell" in texts(edition) and edition.dropped == ()
    readme = (
        "The Free Software Foundation is distributing this version of patch\n"
        "independently because as of this writing, Larry Wall has not released a\n"
        "new version of patch since mid-1988.  We have heard that he has been\n"
        "too busy working on other things, like Perl.  He has graciously agreed\n"
        "to let GNU `patch' be distributed under the terms of the GNU General\n"
        "Public License.\n\n------\n\n"
        "Copyright (C) 1984, 1985, 1986, 1987, 1988 Larry Wall\n\n"
        "Copyright (C) 1989-1993, 1997, 1999, 2002, 2009, 2011-2012 Free Software\nFoundation, Inc.\n\n"
        "This program is free software: you can redistribute it and/or modify\n"
        "it under the terms of the GNU General Public License.\n"
    )
    kept = texts(Edition.from_text(readme, options=NO_LANGUAGE))
    assert "Copyright (C) 1984, 1985, 1986, 1987, 1988 Larry Wall" in kept
    assert "Copyright (C) 1989-1993, 1997, 1999, 2002, 2009, 2011-2012 Free Software Foundation, Inc." in kept
    # Without a grant after it, a copyright line at a page's end is still its footer.
    page = licence.replace("Copyright (c) 2012 Tim Caswell\n\n", "") + "\nCopyright 2024 Example Media\n"
    assert "Copyright 2024 Example Media" not in texts(Edition.from_text(page, options=NO_LANGUAGE))


def test_a_notice_is_kept_when_its_grant_or_its_licence_line_follows_in_other_words() -> None:
    # ICU's and glibc's licence files: "Use, reproduction, and distribution ... is permitted",
    # "Permission is granted to anyone ...", "X is free software", "License & terms of use: ...".
    text = (
        "The dictionaries carry their own notices.\n\n"
        "Copyright 2000, 2001, 2002, 2003 Nara Institute of Science and Technology. All Rights Reserved.\n\n"
        "Use, reproduction, and distribution of this software is permitted.\n\n"
        "Copyright 1992, 1993, 1994, 1997 Henry Spencer. All rights reserved.\n\n"
        "Permission is granted to anyone to use this software for any purpose on any computer system.\n\n"
        "Copyright (c) 2002 Andrew McDonald\n\n"
        "GnuTLS-extra is free software: you can redistribute it and/or modify it.\n\n"
        "Copyright (C) 2016 and later: Unicode, Inc. and others.\n\n"
        "License & terms of use: http://www.unicode.org/copyright.html\n\n"
        "The word lists follow.\n"
    )
    kept = texts(Edition.from_text(text, options=NO_LANGUAGE))
    for notice in (
        "Copyright 2000, 2001, 2002, 2003 Nara Institute of Science and Technology. All Rights Reserved.",
        "Copyright 1992, 1993, 1994, 1997 Henry Spencer. All rights reserved.",
        "Copyright (c) 2002 Andrew McDonald",
        "Copyright (C) 2016 and later: Unicode, Inc. and others.",
    ):
        assert notice in kept


def test_a_copyright_files_list_of_notices_is_kept_whole() -> None:
    # xdg-user-dirs' copyright file: notices over the files each covers, no grant after them;
    # they were set aside as a page's copyright footers.
    text = "Copyright:\n\n" + "".join(
        f"  For po/{code}.po:\n  Copyright (C) 2007 {holder}\n\n"
        for code, holder in (("ru", "Google, Inc"), ("fr", "Free Software Foundation, Inc."), ("nb", "Karl Ove"))
    )
    kept = texts(Edition.from_text(text, options=NO_LANGUAGE))
    assert "Copyright (C) 2007 Google, Inc" in kept and "Copyright (C) 2007 Karl Ove" in kept
    # One notice among many paragraphs is still a page's footer when it ends the page.
    page = "".join(f"The Agency publishes report number {n} of the year on its pages.\n\n" for n in range(30))
    assert "© 2024 Example Media. All rights reserved." not in texts(
        Edition.from_text(page + "© 2024 Example Media. All rights reserved.\n", options=NO_LANGUAGE)
    )


def test_a_copyright_files_notices_are_kept_when_their_grant_follows_a_few_blocks_on() -> None:
    # MIT Kerberos's copyright file: each licence's copyright lines, "All rights reserved." on
    # a line of its own, then an export notice or a warning before the grant ("WITHIN THAT
    # CONSTRAINT, permission to use, copy ..."), or a grant in other words ("The redistribution
    # and use of this software ... is allowed", "You may freely use and distribute ...").
    text = (
        "Portions of the crypto library have the following copyright:\n\n"
        "   Copyright (C) 1998 by the FundsXpress, INC.\n\n"
        "   All rights reserved.\n\n"
        "      Export of this software from the United States of America may\n"
        "      require a specific license from the United States Government.\n\n"
        "   WITHIN THAT CONSTRAINT, permission to use, copy, modify, and\n"
        "   distribute this software and its documentation for any purpose is granted.\n\n"
        "======================================================================\n\n"
        "The implementation of the AES algorithm has the following copyright:\n\n"
        "   Copyright (C) 1998-2013, Brian Gladman, Worcester, UK.\n\n"
        "   All rights reserved.\n\n"
        "   The redistribution and use of this software (with or without\n"
        "   changes) is allowed without the payment of fees or royalties.\n\n"
        "======================================================================\n\n"
        "   Copyright, OpenVision Technologies, Inc., 1993-1996, All Rights\n"
        "   Reserved\n\n"
        "   WARNING:  Retrieving the source code indicates your acceptance of the\n"
        "   following terms.\n\n"
        "   You may freely use and distribute the Source Code and Object Code.\n"
    )
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    kept = texts(edition)
    assert kept.count("All rights reserved.") == 2
    assert "Copyright (C) 1998 by the FundsXpress, INC." in kept
    assert "Copyright (C) 1998-2013, Brian Gladman, Worcester, UK." in kept
    assert "Copyright, OpenVision Technologies, Inc., 1993-1996, All Rights Reserved" in kept
    assert "boilerplate" not in reasons(edition)
    # Four blocks on, a grant is another notice's: a page's footer stays a footer.
    page = (
        "The Agency publishes its report.\n\n© 2024 Example Media. All rights reserved.\n\n"
        "About us\n\nOne more line of the page.\n\nAnother line of it.\n\n"
        "Permission is hereby granted to quote this page.\n"
    )
    assert "© 2024 Example Media. All rights reserved." not in texts(Edition.from_text(page, options=NO_LANGUAGE))


def test_a_clause_each_section_repeats_is_no_duplicate_but_a_copy_next_to_it_is() -> None:
    # A manual's functions each say what they return: a heading between two copies makes
    # them the document's own; side by side, a copy is still a scraper's.
    text = (
        "Libtasn1 Reference\n\n"
        "The functions below create, read and delete the structures of a schema.\n\n"
        "Deleting a Structure\n\n"
        "Deletes the structure and sets the pointer to NULL.\n\n"
        "Returns: ASN1_SUCCESS if successful, ASN1_ELEMENT_NOT_FOUND if the structure was NULL.\n\n"
        "Deleting an Element\n\n"
        "Deletes the element named by its name inside the structure.\n\n"
        "Returns: ASN1_SUCCESS if successful, ASN1_ELEMENT_NOT_FOUND if the structure was NULL.\n\n"
        "Returns: ASN1_SUCCESS if successful, ASN1_ELEMENT_NOT_FOUND if the structure was NULL.\n"
    )
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    returns = [t for t in texts(edition) if t.startswith("Returns:")]
    assert len(returns) == 2 and reasons(edition) == {"duplicate": 1}


def test_an_item_each_list_repeats_under_its_own_lead_in_is_no_duplicate() -> None:
    # Two lists, each introduced for itself ("..., which is composed of:"), share an item:
    # the document says it twice; the same item a scraper copied is still dropped.
    text = (
        "A requirement specifier comes in two forms:\n\n"
        "• name-based, which is composed of:\n\n"
        "• a package name (eg: requests)\n\n"
        "• optionally, environment markers\n\n"
        "• URL-based, which is composed of:\n\n"
        "• a package name (eg: requests)\n\n"
        "• a URL for the package\n\n"
        "• optionally, environment markers\n\n"
        "• optionally, environment markers\n"
    )
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    assert texts(edition).count("a package name (eg: requests)") == 2
    assert texts(edition).count("optionally, environment markers") == 2
    assert reasons(edition) == {"duplicate": 1}


def _above_the_footer(*blocks: str) -> str:
    """:data:`_PAGE` with ``blocks`` (a blank line after each) set between its article and its share button."""
    return _PAGE.replace("Share this article\n", "".join(f"{block}\n\n" for block in blocks) + "Share this article\n")


def test_a_readmes_headings_led_by_emoji_are_no_widgets_but_a_lone_one_is() -> None:
    # A page's furniture marked by emoji is one line; a series of them over the text's
    # paragraphs is a README's sections.
    sections = {"✨ Installation": "bytes", "🚀 Basic Usage": "text", "😇 Why": "streams", "🍰 How": "pages"}
    page = _above_the_footer(
        *(text for title, words in sections.items()
          for text in (title, f"The library reads {words} from files of any encoding and reports the result."))
    )  # fmt: skip
    assert set(sections) <= set(texts(Edition.from_text(page, options=NO_LANGUAGE)))
    lone = _PAGE.replace("Independent journalism since 1887", "✨ Independent journalism")
    assert "✨ Independent journalism" not in texts(Edition.from_text(lone, options=NO_LANGUAGE))


def test_the_terms_of_a_definition_list_copied_as_text_are_its_own() -> None:
    # Short lines no sentence ends, each over its definition: one is a page's stray line,
    # four in a row that look alike are a menu's reference.
    entries = {
        "Find Selection": "Search for the currently selected string, if there is one.",
        "Go to Line": "Move the cursor to the beginning of the line requested.",
        "Show Completions": "Open a scrollable list allowing selection of existing names.",
        "Comment Out Region": "Insert two hashes in front of the selected lines.",
    }
    page = _above_the_footer(*(text for entry in entries.items() for text in entry))
    kept = texts(Edition.from_text(page, options=NO_LANGUAGE))
    assert set(entries) <= set(kept)
    assert "Independent journalism since 1887" not in kept


def test_a_field_a_text_gives_under_each_of_its_records_is_its_own() -> None:
    # "Examples: ..." under each menu section shares no word with the text: a page's
    # line by its words, the text's by the name it gives three values.
    records = [
        ("Applications/Amateur Radio", "Anything relating to radio amateurs and their stations.", "baken, twlog"),
        ("Applications/Mobile Devices", "Software that talks with phones and mobile devices.", "kandy, gnokii"),
        ("Applications/Project Management", "Timetables, task trackers and bug trackers.", "planner, gnotime"),
    ]
    page = _above_the_footer(*(text for section, what, examples in records
                               for text in (section, what, f"Examples: {examples}")))  # fmt: skip
    kept = texts(Edition.from_text(page, options=NO_LANGUAGE))
    assert {"Examples: baken, twlog", "Examples: kandy, gnokii", "Examples: planner, gnotime"} <= set(kept)


def test_a_name_and_its_version_or_a_year_beside_by_is_no_dateline() -> None:
    # "by" also joins a name to a number that is no date: a section's title, a copyright line.
    text = (
        "Policies Introduced by CMake 3.25\n\nThe policies below were added in 3.25.\n\n"
        "Policies Introduced by CMake 3.9\n\nThe policies below were added in 3.9.\n\n"
        "Copyright 1995 by Tom Lord\n\nPermission is hereby granted to use this software.\n\n"
        "Posted by Admin at 10:31 AM\n"
    )
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    assert [d.text.strip() for d in edition.dropped] == ["Posted by Admin at 10:31 AM"]
    assert "Policies Introduced by CMake 3.9" in texts(edition)


def test_a_menu_laid_out_in_columns_is_a_row_of_links() -> None:
    text = "The Agency publishes its annual report.\n\nAbout Us   Press   Advertise   Jobs\n"
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    assert texts(edition) == ["The Agency publishes its annual report."]
    assert [d.reason for d in edition.dropped] == ["boilerplate"]


def test_duplicated_items_next_to_each_other_and_a_few_apart_are_dropped() -> None:
    edition = read("duplicated_items_adjacent_and_apart.txt")
    items = [c.text for c in edition.clauses if c.kind is ClauseKind.LIST_ITEM]
    assert len(items) == len(set(items)) == 5
    assert reasons(edition) == {"duplicate": 2}


def test_duplicated_items_are_kept_and_flagged_when_asked() -> None:
    edition = read("duplicated_items_adjacent_and_apart.txt", attrs.evolve(NO_LANGUAGE, drop_duplicates=False))
    flagged = [c.text for c in edition.clauses if "duplicate" in c.flags]
    assert flagged == [
        "forming a just and sustainable world order;",
        "ensuring Russia’s security, territorial integrity and sovereignty in all spheres;",
    ]
    assert len(edition.clauses) == 8 and not edition.dropped


def test_an_item_whose_tail_repeats_the_next_item_is_cut() -> None:
    edition = read("item_tail_repeats_next_item.txt")
    assert texts(edition)[1:3] == [
        "supporting regional integration in Latin America, Africa and the Middle East;",
        "increasing the stability and progressive development of the international legal system;",
    ]
    (span,) = edition.dropped
    assert span.reason == "duplicate"
    assert span.text == "increasing the stability and progressive development of the international legal system;"


def test_a_heading_glued_to_the_end_of_a_paragraph_is_split_off() -> None:
    edition = read("heading_glued_to_paragraph_end.txt")
    assert [(c.kind, c.text) for c in edition.clauses[:2]] == [
        (
            ClauseKind.PARAGRAPH,
            'Moscow’s attitude towards other states is determined by the nature of their policy towards Russia."',
        ),
        (ClauseKind.HEADING, "Russia’s Foreign Policy-Related National Interests, Strategic Goals and Main Tasks"),
    ]
    assert edition.clauses[2].section == ("Russia’s Foreign Policy-Related National Interests, Strategic Goals "
                                          "and Main Tasks",)  # fmt: skip


def test_a_heading_glued_to_the_start_of_a_paragraph_is_split_off() -> None:
    edition = read("heading_glued_to_paragraph_start.txt")
    assert [(c.kind, c.text[:30]) for c in edition.clauses[1:3]] == [
        (ClauseKind.HEADING, "On Use of Armed Forces"),
        (ClauseKind.PARAGRAPH, "Russia proceeds from the fact "),
    ]


def test_an_item_that_lost_its_bullet_is_a_list_item() -> None:
    edition = read("item_lost_its_bullet.txt")
    kinds = [c.kind for c in edition.clauses]
    assert kinds == [ClauseKind.PARAGRAPH, *[ClauseKind.LIST_ITEM] * 3, ClauseKind.PARAGRAPH]


def test_elision_markers_become_one_token_and_are_flagged() -> None:
    edition = read("elision_markers.txt")
    assert all("[…]" in c.normalized and "elision" in c.flags for c in edition.clauses)
    assert "[...]" in edition.clauses[0].text  # the text reports show is the source's


def test_a_line_in_another_language_is_flagged() -> None:
    pytest.importorskip("py3langid")
    edition = Edition.from_path(QUIRKS / "line_in_another_language.txt")
    flagged = [(c.text.split()[0], c.flags) for c in edition.clauses if c.flags]
    assert flagged == [("“Dengan", ("language:id",))]


def test_bullets_of_any_glyph_start_list_items() -> None:
    edition = read("bullets_of_any_glyph.txt")
    # The last bullet is U+F0B7, the Symbol-font bullet PDF extraction leaves.
    assert [c.kind for c in edition.clauses] == [ClauseKind.PARAGRAPH, *[ClauseKind.LIST_ITEM] * 6]


def test_markdown_markup_is_read_as_structure() -> None:
    edition = read("markdown_markup.md")
    assert [(c.kind.value, c.label, c.level, c.text) for c in edition.clauses] == [
        ("heading", None, 1, "Privacy Statement"),
        ("heading", None, 2, "What we collect"),
        ("paragraph", None, 0, "We collect account information such as your user name and email address."),
        ("list_item", None, 0, "We never sell personal data."),
        ("list_item", None, 0, "We keep logs for 90 days."),
        ("list_item", "1", 0, "You may ask for a copy of your data."),
        ("list_item", "2", 0, "You may ask us to delete it."),
    ]
    assert edition.clauses[2].section == ("Privacy Statement", "What we collect")


def test_restructuredtext_markup_is_read_as_structure() -> None:
    edition = read("restructuredtext_markup.rst")
    assert [(c.kind.value, c.level, c.text) for c in edition.clauses] == [
        ("heading", 1, "Style Guide"),
        ("heading", 1, "Code lay-out"),
        ("paragraph", 0, "Use 4 spaces per indentation level, see PEP 7."),
        ("heading", 2, "Tabs or Spaces?"),
        (
            "paragraph",
            0,
            "Spaces are the preferred indentation method, and tabs should be used only to remain consistent.",
        ),
    ]


# -- expected clause lists ---------------------------------------------------------------


def _expected(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((EXPECTED / name).read_text(encoding="utf-8"))
    return data


def test_the_seed_article_gives_its_reviewed_clause_list() -> None:
    pytest.importorskip("py3langid")
    expected = _expected("news-article-ru-foreign-policy-concept-2023.json")
    edition = Edition.from_path(FIXTURES / str(expected["source"]))
    got = [
        {"kind": c.kind.value, "label": c.label, "level": c.level, "text": c.text, "flags": list(c.flags)}
        for c in edition.clauses
    ]
    assert got == expected["clauses"]
    assert [{"reason": d.reason, "text": d.text} for d in edition.dropped] == expected["dropped"]


def test_the_seed_article_quirks_each_handled() -> None:
    edition = Edition.from_path(FIXTURES / "seed" / "news-article-ru-foreign-policy-concept-2023.txt")
    all_texts = texts(edition)
    headline = "Lavrov: Moscow’s New Foreign Policy Concept Calls Out US as Main Instigator of Anti-Russian Crusade"
    assert all_texts.count(headline) == 1
    assert not any(t.startswith(("Saturday", "©AP", "No comments")) for t in all_texts)
    assert len(all_texts) == len({normalize_text(t) for t in all_texts}), "no duplicated clause left"
    assert "On Use of Armed Forces" in all_texts
    assert "Russia’s Foreign Policy-Related National Interests, Strategic Goals and Main Tasks" in all_texts
    bulletless = next(c for c in edition.clauses if c.text.startswith("creating a renewed international"))
    assert bulletless.kind is ClauseKind.LIST_ITEM
    assert sum("elision" in c.flags for c in edition.clauses) == 4
    assert_audit((FIXTURES / "seed" / "news-article-ru-foreign-policy-concept-2023.txt").read_text("utf-8"), edition)


def test_us_nss_2006_reads_its_structure_and_sets_its_page_furniture_aside() -> None:
    """The PDF extraction of the 2006 Strategy (its clause list, written by hand, is scored by
    tests/test_documents.py): section headings read as such, page numbers and the table of
    contents set aside, every character accounted for."""
    path = FIXTURES / "documents" / "us-nss-2006" / "document.txt"
    edition = Edition.from_path(path, options=NO_LANGUAGE)
    assert [c.text for c in edition.clauses if c.kind is ClauseKind.HEADING and c.label in ("I", "XI")] == [
        "Overview of America's National Security Strategy",
        "Conclusion",
    ]
    assert reasons(edition)["page-number"] == 25
    assert not [c for c in edition.clauses if "....." in c.text]
    # A line the extraction broke inside a paragraph goes on with it (no blank line after it).
    assert (
        "The human desire for freedom is universal, but the growth of freedom is not inevitable. "
        "Without support from free nations, freedom's spread could be hampered by the challenges we face:"
    ) in [c.text for c in edition.clauses]
    assert_audit(path.read_text("utf-8"), edition)


# -- properties ------------------------------------------------------------------------

_BULLETS = st.sampled_from(["•", "-", "*", "▪", "●", "–", "◦", "➢"])


@st.composite
def pdf_renderings(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str]:
    """An edition printed on pages: a running header in random capitalization
    and a page number on every page, blank lines between clauses."""
    per_page = draw(st.integers(min_value=1, max_value=4))
    # At least three page breaks: a line seen once or twice is no running header.
    clauses = draw(clause_lists(min_size=3 * per_page + 1, max_size=30))
    header = draw(st.sampled_from(["National Security Strategy", "Official Journal of the Union"]))
    style = draw(st.sampled_from(["{n}", "- {n} -", "Page {n}", "Page {n} of 99"]))
    lines: list[str] = []
    for index, clause in enumerate(clauses):
        if index % per_page == 0 and index:
            page = index // per_page
            caps = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in header)
            lines += ["", style.format(n=page), "\f" + caps, ""]
        lines += [clause, ""]
    return "\n".join(lines), clauses, furniture_key(header)


@given(pdf_renderings())
def test_page_furniture_never_survives_and_clauses_come_back(rendering: tuple[str, tuple[str, ...], str]) -> None:
    text, clauses, header = rendering
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    assert_audit(text, edition)
    for clause in edition.clauses:
        assert header not in furniture_key(clause.text) or len(furniture_key(clause.text)) > len(header) + 12
        assert not clause.normalized.casefold().startswith("page ") or len(clause.normalized) > 16
    # Every clause of the edition is recovered (labels apart), in order.
    expected = [normalize_text(strip_inline_markup(_unlabel(c))) for c in clauses]
    assert [c.normalized for c in edition.clauses] == expected


def _unlabel(clause: str) -> str:
    body = clause[2:] if clause[:2] in ("- ", "* ") else clause
    label, _, length = split_label(body)
    return body[length:].strip() if label else body


@st.composite
def scraped_renderings(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    """An edition as a scraped page: runs of blank lines, bullets of any glyph,
    indentation, a date line on top and a share footer below."""
    clauses = draw(clause_lists(min_size=2, max_size=20))
    lines = [draw(st.sampled_from(["Saturday, 1 April 2023", "April 1, 2023", "Published: 2023-04-01"])), ""]
    for clause in clauses:
        shown = clause
        if clause[:2] in ("- ", "* "):
            shown = " " * draw(st.integers(0, 4)) + draw(_BULLETS) + " " + clause[2:]
        lines += [shown] + [""] * draw(st.integers(1, 6))
    lines += [draw(st.sampled_from(["No comments:", "Share this", "Share this article"]))]
    return "\n".join(lines), clauses


@given(scraped_renderings())
def test_scraped_pages_give_back_their_clauses(rendering: tuple[str, tuple[str, ...]]) -> None:
    text, clauses = rendering
    # Generated clauses are not about one topic, as a real text is: the off-topic rule is tested below.
    edition = Edition.from_text(text, options=attrs.evolve(NO_LANGUAGE, drop_off_topic=False))
    assert_audit(text, edition)
    assert [c.normalized for c in edition.clauses] == [normalize_text(_unlabel(c)) for c in clauses]
    assert reasons(edition) == {"boilerplate": 2}


@given(scraped_renderings())
def test_what_the_off_topic_rule_sets_aside_is_a_reported_short_line(rendering: tuple[str, tuple[str, ...]]) -> None:
    text, clauses = rendering
    edition = Edition.from_text(text, options=NO_LANGUAGE)
    assert_audit(text, edition)
    off_topic = [normalize_text(" ".join(d.text.split())) for d in edition.dropped if d.reason == "off-topic"]
    likely = [normalize_text(" ".join(d.text.split())) for d in edition.dropped if d.reason == "likely-boilerplate"]
    kept = [c.normalized for c in edition.clauses]
    assert Counter(kept) + Counter(off_topic) + Counter(likely) == Counter(normalize_text(_unlabel(c)) for c in clauses)
    for line in off_topic:
        assert len(line.split()) <= 12 and line[-1] not in ".;:,", line


@given(st.text(max_size=300))
def test_the_audit_holds_on_any_text(text: str) -> None:
    assert_audit(text, Edition.from_text(text, options=NO_LANGUAGE))


_NOISY_LINES = ["Page 3", "- 4 -", "12", "NaTIONal SeCurITy", "• item;", "Title", "", "A sentence ends here.",
                "hyphen-", "ated word", "\f", "Share this", "[…]", "Table of Contents", "Intro ........ 3",
                "F E B R U A R Y"]  # fmt: skip


@given(st.lists(st.sampled_from(_NOISY_LINES), max_size=40))
def test_the_audit_holds_on_noisy_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert_audit(text, Edition.from_text(text, options=NO_LANGUAGE))


_TERMINAL_PIECES = ["Word", "a", " ", "\n", "\n\n", "1.", "* ", "x", "12", "\f", "\x85", "Title\n=====\n",
                    "\x1b[1m", "\x1b[0m", "\x1b[4m", "\x1b", "\x1bW", "N\bN", "_\bx", "+\bo", "_\b ", "\b"]  # fmt: skip


@given(st.lists(st.sampled_from(_TERMINAL_PIECES), max_size=60))
def test_the_audit_holds_on_text_formatted_for_a_terminal(pieces: list[str]) -> None:
    # Escape sequences, overstrikes, stray escapes and backspaces, labels and bullets alone before a page break.
    text = "".join(pieces)
    assert_audit(text, Edition.from_text(text, options=NO_LANGUAGE))


# -- switching rule families off -----------------------------------------------------------


def test_each_rule_family_can_be_switched_off() -> None:
    def dropped(name: str, **switch: bool) -> Counter[str]:
        return reasons(read(name, attrs.evolve(NO_LANGUAGE, **switch)))

    assert dropped("page_numbers.txt", drop_page_furniture=False) == {}
    assert dropped("table_of_contents.txt", drop_table_of_contents=False) == {}
    assert dropped("comment_and_share_footers.txt", drop_boilerplate=False) == {}
    assert dropped("headline_repeated.txt", drop_duplicates=False) == {}
    glued = read("heading_glued_to_paragraph_start.txt", attrs.evolve(NO_LANGUAGE, split_glued_headings=False))
    assert len(glued.clauses) == 3
    spaced = read("spaced_out_letters.txt", attrs.evolve(NO_LANGUAGE, repair_spacing=False))
    assert spaced.clauses[0].text.startswith("N A T I O N A L")
    wrapped = read("hard_wrapped_paragraphs.txt", attrs.evolve(NO_LANGUAGE, join_lines=False))
    assert len(wrapped.clauses) == 9
    # Markdown is read by its parser whatever the switch; reStructuredText markup in a text can stay.
    marked = read("restructuredtext_markup.rst", attrs.evolve(NO_LANGUAGE, strip_markup=False))
    assert "``tabs``" in marked.clauses[-1].text
    assert "``tabs``" not in read("restructuredtext_markup.rst").clauses[-1].text


def test_the_running_header_threshold_is_an_option() -> None:
    text = (QUIRKS / "running_header_odd_capitalization.txt").read_text("utf-8")
    strict = Edition.from_text(text, options=attrs.evolve(NO_LANGUAGE, running_header_repeats=4))
    assert reasons(strict)["running-header"] == 0


def test_segment_takes_the_options_object() -> None:
    clauses, dropped = segment("Intro\n\nShare this\n", options=attrs.evolve(NO_LANGUAGE, drop_boilerplate=False))
    assert [c.text for c in clauses] == ["Intro", "Share this"] and not dropped


def test_from_text_without_options_reads_with_the_defaults() -> None:
    text = (QUIRKS / "page_numbers.txt").read_text("utf-8")
    assert Edition.from_text(text).clauses == Edition.from_text(text, options=Options()).clauses


def test_bundled_corpus_texts_stay_whole(subtests: object = None) -> None:
    for path in sorted(Path(FIXTURES / "corpus").glob("*.txt")):
        text = path.read_text("utf-8")
        edition = Edition.from_text(text, options=NO_LANGUAGE)
        assert_audit(text, edition)
        assert edition.clauses, path.name


def test_a_first_line_indent_starts_a_paragraph() -> None:
    edition = read("paragraphs_with_first_line_indent.txt")
    assert [text.split()[:2] for text in texts(edition)] == [
        ["The", "Licensor"],
        ["The", "Licensee"],
        ["The", "Licensee"],
        ["This", "Licence"],
    ]
    assert texts(edition)[0].endswith("for all usage.")


def test_a_page_number_between_two_lines_of_a_paragraph_is_dropped_by_its_sequence() -> None:
    path = QUIRKS / "page_number_between_lines.txt"
    edition = read(path.name)
    assert texts(edition)[0].endswith("Official Journal of the Union together with the names of the members of "
                                      "the Council and the dates of their appointment.")  # fmt: skip
    assert [d.text for d in edition.dropped if d.reason == "page-number"] == ["12", "13", "14", "15"]
    assert_audit(path.read_text("utf-8"), edition)


_MARKUP_ALPHABET = st.sampled_from(
    ["a", "B", " ", "\t", "\n", "*", "**", "_", "__", "`", "``", "~~", "[", "]", "(", ")", "!", ":", "<", ">"]
)
_MARKUP_ALPHABET |= st.sampled_from(["&nbsp;", "&#160;", "<b>", "</i>", ":ref:", "\u00a0", "x.org", "`t <x.org>`_"])
_MARKUP_ALPHABET |= st.sampled_from(
    ["[read](x.org)", "![img](a.png)", "`code`", "``lit``", "**b**", "*i*", "_u_", "__s__", "~~d~~", ":ref:`x`"]
)


@settings(max_examples=300)  # cheap; a given piece of markup is a rare draw
@given(st.lists(_MARKUP_ALPHABET, max_size=40).map("".join))
def test_markup_patterns_run_only_on_text_that_can_match_them(text: str) -> None:
    # strip_inline_markup skips a pattern when its text lacks a string every
    # match holds; the reference runs every pattern.
    from conceptdiff.read._inline import _INLINE_MARKUP

    _SPACE_RE = re.compile(r"\s+")

    expected = text
    for _, pattern, replacement in _INLINE_MARKUP:
        expected = pattern.sub(replacement, expected)
    assert strip_inline_markup(text) == _SPACE_RE.sub(" ", expected).strip()


_BSD_CONDITIONS = (
    "Redistribution and use in source and binary forms, with or without\n"
    "modification, are permitted provided that the following conditions are met:\n"
)


def test_a_licence_file_of_several_parts_keeps_each_parts_own_copy_of_a_paragraph() -> None:
    # SymPy's LICENSE: each part (a rule between) has its notice and repeats the BSD conditions.
    parts = [
        f"Copyright (c) 20{n:02} Holder number {n}\nAll rights reserved.\n\n{_BSD_CONDITIONS}\n"
        "  a. Redistributions of source code must retain the above copyright notice.\n"
        for n in range(3)
    ]
    text = "\n" + "\n" + ("-" * 80 + "\n\n").join(parts)
    clauses, dropped = segment(text, options=NO_LANGUAGE, format="text")
    assert [c.text for c in clauses].count(" ".join(_BSD_CONDITIONS.split())) == 3
    assert [c.text for c in clauses].count("All rights reserved.") == 3  # part of each notice
    assert not [d for d in dropped if d.reason in ("duplicate", "boilerplate")]


def test_a_scrapers_copy_of_a_paragraph_side_by_side_is_still_set_aside() -> None:
    paragraph = "The ministry will shorten the retention period for personal data held by public bodies."
    text = f"Data Retention Rules Tightened\n\n{paragraph}\n\n{paragraph}\n\nThe rules apply from next year on.\n"
    clauses, dropped = segment(text, options=NO_LANGUAGE, format="text")
    assert [c.text for c in clauses].count(paragraph) == 1
    assert [d.reason for d in dropped] == ["duplicate"]


def test_a_long_paragraph_among_the_first_blocks_is_no_headline_repeated_later() -> None:
    # python-dateutil's LICENSE opens with the Apache notice and repeats it in the licence's appendix.
    notice = (
        'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file '
        "except in compliance with the License. You may obtain a copy of the License at"
    )
    text = (
        f"Copyright 2017- Paul Ganssle\n\n{notice}\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\n"
        + "".join(f"Paragraph {n} of the licence's terms runs on for a while, as terms do.\n\n" for n in range(20))
        + f"APPENDIX: How to apply the Apache License to your work.\n\n{notice}\n\n"
        "    http://www.apache.org/licenses/LICENSE-2.0\n"
    )
    clauses, _ = segment(text, options=NO_LANGUAGE, format="text")
    assert [c.text for c in clauses].count(notice) == 2


def test_a_headings_number_before_a_commands_name_and_a_colon_is_its_label() -> None:
    # TeX Live's guide: "5 tlmgr: Managing your installation" beside "4 Specialized installations";
    # kpathsea's "2 unixtex.ftp: Obtaining TEX". A number before a word in lower case that is no
    # command's name stays in the heading's text ("3 ways to install").
    text = "# 4 Specialized installations\n\nText.\n\n# 5 tlmgr: Managing your installation\n\nMore.\n\n"
    text += "# 3 ways to install\n"
    headings = [
        (c.label, c.text) for c in Edition.from_text(text, format="markdown").clauses if c.kind is ClauseKind.HEADING
    ]
    assert headings == [
        ("4", "Specialized installations"),
        ("5", "tlmgr: Managing your installation"),
        (None, "3 ways to install"),
    ]
