"""Debian machine-readable copyright files (DEP-5): fields, stanzas, licence texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conceptdiff import Edition, Options
from conceptdiff.read import detect_format, read_text
from conceptdiff.read.dep5 import looks_like_debian_copyright

from .test_read_html import audit, spans_of

HEADER = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: opus\n"
COPYRIGHT = f"""{HEADER}
Files: *
Copyright: 2001-2018, Xiph.Org
 2001-2018, Skype Limited
License: BSD-3-clause

Files: celt/arm/*
Copyright: 2013, Parrot
License: BSD-3-clause

License: BSD-3-clause
 Redistribution and use in source and binary forms, with or without
 modification, are permitted provided that the following conditions are met:
 .
 - Redistributions of source code must retain the above copyright notice,
   this list of conditions and the following disclaimer.
 - Neither the name of the Foundation nor the names of its contributors may
   be used to endorse products derived from this software.
 .
 THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 AND ANY EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.
"""


def test_a_copyright_file_is_told_by_its_format_field() -> None:
    assert detect_format("copyright", text=COPYRIGHT) == "debian-copyright"
    assert detect_format(text="Format: A4 portrait\n\nThe page size of the report.\n") == "text"
    assert looks_like_debian_copyright("\n" + HEADER)


def test_fields_are_clauses_and_a_licence_text_is_read_by_paragraph_and_item() -> None:
    document = read_text(COPYRIGHT)
    assert document.format == "debian-copyright"
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("paragraph", "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"),
        ("paragraph", "Upstream-Name: opus"),
        ("paragraph", "Files: *"),
        ("paragraph", "Copyright: 2001-2018, Xiph.Org 2001-2018, Skype Limited"),
        ("paragraph", "License: BSD-3-clause"),
        ("paragraph", "Files: celt/arm/*"),
        ("paragraph", "Copyright: 2013, Parrot"),
        ("paragraph", "License: BSD-3-clause"),
        ("heading", "License: BSD-3-clause"),
        ("paragraph", "Redistribution and use in source and binary forms, with or without modification, "
                      "are permitted provided that the following conditions are met:"),
        ("list_item", "Redistributions of source code must retain the above copyright notice, this list of "
                      "conditions and the following disclaimer."),
        ("list_item", "Neither the name of the Foundation nor the names of its contributors may be used to "
                      "endorse products derived from this software."),
        ("paragraph", 'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY '
                      "EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED."),
    ]  # fmt: skip
    assert {d.text for d in document.dropped} == {"."}  # the separators, as markup
    audit(COPYRIGHT, spans_of(document))


def test_a_field_repeated_in_every_stanza_is_the_files_text_not_a_copy() -> None:
    # Read as plain text, the repeats would be set aside as a scraper's duplicates.
    edition = Edition.from_text(COPYRIGHT, options=Options(flag_languages=False))
    assert [c.text for c in edition.clauses].count("License: BSD-3-clause") == 3
    assert not edition.dropped or {d.reason for d in edition.dropped} == {"markup"}


def test_a_word_hyphenated_across_continuation_lines_is_mended() -> None:
    licence = " Permission is granted to any person to deal in the Software, sub-\n license and fur-\n nish it.\n"
    text = f"{HEADER}\nLicense: Expat\n{licence}"
    blocks = read_text(text).blocks
    assert blocks[-1].text == "Permission is granted to any person to deal in the Software, sublicense and furnish it."


_WORDS = st.text(alphabet="abcdefgh XYZ.,;:-*()0123\t", min_size=0, max_size=30)
_LINES = st.lists(
    st.one_of(
        st.builds(lambda name, value: f"{name}: {value}", st.sampled_from(["Files", "Copyright", "License", "Comment"]),
                  _WORDS),
        st.builds(lambda value: f" {value}", _WORDS),
        st.just(" ."),
        st.just(""),
        _WORDS,
    ),
    max_size=25,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(_LINES)
def test_any_copyright_file_reads_without_error_every_character_accounted_for(lines: list[str]) -> None:
    text = HEADER + "\n".join(lines) + "\n"
    document = read_text(text, format="debian-copyright")
    assert all(block.text.strip() for block in document.blocks)
    audit(text, spans_of(document))


def test_an_item_starts_at_a_marker_after_a_finished_clause_not_at_a_wrapped_number() -> None:
    text = (
        f"{HEADER}\nLicense: MPL-2.0\n"
        " 5.1. The rights granted to You under Section\n"
        " 2.1 of this License shall terminate.\n"
        " 5.2. If You initiate litigation, the rights end; and\n"
        " 5.3. all end user licenses survive.\n"
        " .\n"
        " o We don't promise that this software works.\n"
        " o You can use this software for whatever you want.\n"
    )
    items = [(b.label, b.text) for b in read_text(text).blocks if b.kind.value == "list_item"]
    assert items == [
        ("5.1", "The rights granted to You under Section 2.1 of this License shall terminate."),
        ("5.2", "If You initiate litigation, the rights end; and"),
        ("5.3", "all end user licenses survive."),
        (None, "We don't promise that this software works."),
        (None, "You can use this software for whatever you want."),
    ]


def test_a_comment_has_no_synopsis_its_first_line_opens_its_text() -> None:
    # DEP-5's Comment and Disclaimer are "formatted text, no synopsis": coreutils' "Comment: This is the
    # Debian GNU/Linux packaged version of the GNU core" + " utilities." was cut after "core"; a comment
    # under its name alone was a clause "Comment:". A licence's first line is its name: it stays apart.
    text = f"""{HEADER}Comment: This is the Debian GNU/Linux packaged version of the GNU core
 utilities.
 This package is maintained by its team.

Files: *
Copyright: 2001-2018, Xiph.Org
License: BSD-3-clause
Comment:
 On Debian systems, the complete text of the licence is in the
 common-licenses folder.
 ----------------------------------------
 The test data was extracted from the Unicode Character Database.

Files: debian/*
Copyright: 2020, Jane Doe
License: GPL-2+
Comment: Written by:
 Jane Doe and John Roe.
"""
    document = read_text(text, name="copyright")
    found = [block.text for block in document.blocks]
    assert found[2] == (
        "Comment: This is the Debian GNU/Linux packaged version of the GNU core utilities. "
        "This package is maintained by its team."
    )
    assert found[6:8] == [
        "Comment: On Debian systems, the complete text of the licence is in the common-licenses folder.",
        "The test data was extracted from the Unicode Character Database.",  # (the rule between is markup)
    ]
    assert found[-2:] == ["Comment: Written by:", "Jane Doe and John Roe."]  # a lead-in stands apart
    assert [span.text for span in document.dropped if span.text.startswith("---")] == ["-" * 40]
    audit(text, spans_of(document))
