"""The cleaning rules one by one (conceptdiff.clean)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conceptdiff.read import _boilerplate as boilerplate
from conceptdiff.read import _paged as paged
from conceptdiff.read import _scraped as scraped


@pytest.mark.parametrize(
    "line",
    ["12", "- 12 -", "— 7 —", "Page 3", "page 3 of 10", "PAGE 4", "iv", "xii", "[12]", "3/40"],
)
def test_page_numbers_are_recognized(line: str) -> None:
    assert paged.is_page_number(line)


@pytest.mark.parametrize("line", ["2002 was a year", "12 members", "Article 3", "IV. Scope", "Page three", ""])
def test_text_is_no_page_number(line: str) -> None:
    assert not paged.is_page_number(line)


@pytest.mark.parametrize(
    "line",
    [
        "NaTIONal SeCurITy STraTegy",
        "NATIONAL SECURITY STRATEGY 12",
        "iv National Security Strategy",
        "N A T I O N A L  S E C U R I T Y  S T R A T E G Y",
    ],
)
def test_running_headers_share_one_key_whatever_their_capitals_spacing_and_page_number(line: str) -> None:
    assert paged.furniture_key(line) == "nationalsecuritystrategy"


def test_a_line_recurring_on_every_page_is_a_running_header() -> None:
    page = ["Body text of the page goes on here.", "and more of it, line after line,", ""] * 4
    lines: list[str] = []
    for number in range(1, 6):
        lines += [f"NaTIONal SeCurITy {number}", "", *page, str(number), ""]
    assert paged.find_running_headers(lines, repeats=3) == {"nationalsecurity"}


def test_the_lines_of_a_passage_that_recurs_whole_are_no_running_header() -> None:
    # A file of licences, one copy per component: every line recurs at a regular spacing,
    # but with the same lines around it each time (a header has the pages' text on a side).
    licence = [
        "Redistribution and use in source and binary forms, with or without",
        "modification, are permitted provided that the following conditions",
        "are met:",
        "",
        "  may be used to endorse or promote products derived from this software",
        "  without specific prior written permission.",
        "",
        *[f"filler line {n} of the licence, the same in every copy." for n in range(20)],
    ]
    lines: list[str] = []
    for component in ("zlib", "libpng", "expat", "pcre", "harfbuzz"):
        lines += [f"{component} is licensed as follows:", "", *licence, ""]
    assert paged.find_running_headers(lines, repeats=3) == set()
    # A two-line header over pages of different text is still one, where the text shows pages
    # (page numbers, form feeds); without them, lines recurring as regularly are a section's own
    # titles ("Related Links" under each message of a web page).
    pages: list[str] = []
    for number in range(1, 6):
        body = [f"Page {number} says thing {n} of its own." for n in range(24)]
        pages += ["ACME data protection policy", "internal use only", "", *body, "", f"- {number} -", ""]
    assert paged.find_running_headers(pages, repeats=3) == {"acmedataprotectionpolicy", "internaluseonly"}
    unnumbered = [line for line in pages if not line.startswith("- ")]
    assert paged.find_running_headers(unnumbered, repeats=3) == set()
    assert paged.find_running_headers(unnumbered, repeats=3, page_breaks=5) == {
        "acmedataprotectionpolicy",
        "internaluseonly",
    }


def test_a_line_inside_a_paragraph_each_time_it_recurs_is_no_running_header() -> None:
    # Python's LICENSE: three licences share a disclaimer line, mid-sentence each time, at a
    # regular spacing, with different lines around it.
    lines: list[str] = []
    for owner in ("PSF", "BEOPEN", "CNRI", "CWI"):
        lines += [
            f"4. {owner} is making the software available on an AS IS basis. {owner} MAKES NO AND",
            "DISCLAIMS ANY REPRESENTATION OR WARRANTY OF MERCHANTABILITY OR FITNESS",
            f"FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE {owner} SOFTWARE WILL NOT",
            "",
            *[f"{owner} filler line {n} of its licence." for n in range(24)],
            "",
        ]
    assert paged.find_running_headers(lines, repeats=3) == set()


def test_a_sentence_or_a_labelled_heading_repeated_is_no_running_header() -> None:
    lines = (["The parties agree.", "", "B. Current Context", "", "Body.", ""] + ["filler line"] * 10) * 4
    assert paged.find_running_headers(lines, repeats=3) == set()


def test_headings_repeated_irregularly_without_page_numbers_are_no_running_header() -> None:
    filler = ["We fight, as we always fight, for a just peace."] * 3
    lines = ["President Bush", *filler, "President Bush", *filler * 4, "President Bush", "", "Text goes on."]
    assert paged.find_running_headers(lines, repeats=3) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Saturday, 1 April 2023",
        "April 1, 2023",
        "Published: 12 March 2021",
        "Updated 14:05 GMT, 3 May 2022",
        "2023-04-01",
        "©AP Photo/Dmitry Lovetsky /",
        "Photo: Reuters",
        "(Photo by John Doe/Getty Images)",
        "No comments:",
        "12 comments",
        "Share this",
        "Share this article",
        "Tweet | Facebook | Email",
        "Posted by Admin at 10:31 AM",
        "Labels: policy, law",
        "Subscribe to: Post Comments (Atom)",
        "Read more: other stories",
        "Advertisement",
    ],
)
def test_web_boilerplate_is_recognized(text: str) -> None:
    assert boilerplate.is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Comments",
        "Copyright",
        "old.txt",
        "Email",
        "It was first reported by Reuters",
        "by the parties concerned",
        "Members may vote by post.",
        "Share capital shall be paid in full before the first meeting of the board.",
        "1 January 2020 is the date on which this Regulation applies.",
        # A web address is no agency's photo credit ("/ap" in "/api/", "/reuters/" in a path).
        "https://nodejs.org/api/test.html",
        "https://example.com/reuters/feed",
    ],
)
def test_content_is_no_boilerplate(text: str) -> None:
    assert not boilerplate.is_boilerplate(text)


@pytest.mark.parametrize(
    ("line", "heading", "entry"),
    [
        ("Table of Contents", True, False),
        ("CONTENTS", True, False),
        ("I. Overview of the Strategy ........ 1", False, True),
        ("Against Us and Our Friends......................8", False, True),
        ("Overview   3", False, False),
    ],
)
def test_tables_of_contents(line: str, heading: bool, entry: bool) -> None:
    assert paged.is_toc_heading(line) is heading
    assert paged.is_toc_entry(line, after_toc_heading=False) is entry


# Pieces of lines that make or nearly make tables of contents' headings and leaders.
_TOC_PIECES = st.sampled_from(
    ["Contents", "CONTENTS", "contentſ", "Table", "of", "table\tof", "İNDICE", "ındice", "Índice", "Inhalt",
     "sommaire", "Содержание", "оглавление", "the", "3", "iv", "12", ".", ". ", "....", "…", "……", "____", "_",
     " ", "\t", "  ", "#", "##", "=", "*", ":", "\u00a0", "\u2003", "x"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.lists(_TOC_PIECES, max_size=8).map("".join).map(str.strip), max_size=6))
def test_the_cheap_test_for_a_table_of_contents_never_says_no_wrongly(lines: list[str]) -> None:
    if not paged.may_hold_toc(lines):
        assert not any(paged.is_toc_heading(line) for line in lines)
        assert not any(paged.is_toc_entry(line, after_toc_heading=False) for line in lines)


# The leader hint as first written, look-behinds first: the reference for the reordered search.
_LEADER_REFERENCE_RE = re.compile(
    r"(?<!\.)(?<!\.[ \t])\.[ \t]?\.[ \t]?\.[ \t]?\.[. \t]*+[0-9ivxlcdmIVXLCDM]"
    r"|(?<!_)____[_]*+[ \t]*+[0-9]|(?<!…)……[…]*+[ \t]*+[0-9]"
)


@settings(max_examples=500)
@given(st.text(st.sampled_from(". \t_…4ivXa"), max_size=40))
def test_the_leader_hint_finds_what_its_first_form_found(text: str) -> None:
    # Each branch now opens with its character (the search skips to it), its look-behinds after it.
    found = paged._LEADER_HINT_RE.search(text)
    assert (found is not None) == (_LEADER_REFERENCE_RE.search(text) is not None)


def test_a_text_without_a_contents_heading_or_leader_is_spared_the_search() -> None:
    licence = ["The contents of this file are subject to the Licence.", "Version 2.0", "Portions created by ____"]
    assert not paged.may_hold_toc(licence)
    assert paged.may_hold_toc([*licence, "## Table of  Contents"])
    assert paged.may_hold_toc([*licence, "Definitions . . . . 4"])


def test_after_a_contents_heading_a_title_with_a_page_number_is_an_entry_but_not_a_year() -> None:
    assert paged.is_toc_entry("Overview   3", after_toc_heading=True)
    assert not paged.is_toc_entry("EUPL © the European Community 2007", after_toc_heading=True)


@pytest.mark.parametrize(
    ("spaced", "vocabulary", "joined"),
    [
        ("F E B R U A R Y   2 0 1 5", set(), "FEBRUARY 2015"),
        ("N A T I O N A L  S E C U R I T Y", set(), "NATIONAL SECURITY"),
        ("T H E N A T I O N A L S E C U R I T Y", {"the", "national", "security"}, "THE NATIONAL SECURITY"),
        ("items a, b and c", set(), "items a, b and c"),
        ("a b c", set(), "a b c"),
    ],
)
def test_spaced_out_letters(spaced: str, vocabulary: set[str], joined: str) -> None:
    assert paged.despace(spaced, vocabulary) == joined


@given(st.text(alphabet=st.characters(codec="ascii", exclude_characters="\n\r"), max_size=60))
def test_despacing_keeps_every_character_but_spaces(text: str) -> None:
    assert "".join(paged.despace(text, set()).split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ('Its attitude is determined by their policy towards Russia." Russia’s National Interests, Strategic Goals',
         "Russia’s National Interests, Strategic Goals"),
        ("You can learn more about it here. Your choices regarding your personal data",
         "Your choices regarding your personal data"),
        ("We will act. Today, that task", None),
        ("It was approved by the U.S. Government", None),
        ("We keep it up to the state of the art. Data retention and records", "Data retention and records"),
        ("See Art. 5 Paragraph", None),
    ],
)  # fmt: skip
def test_headings_glued_to_the_end_of_a_paragraph(text: str, heading: str | None) -> None:
    cut = scraped.glued_heading_at_end(text)
    assert (text[cut:] if cut is not None else None) == heading


@pytest.mark.parametrize(
    ("text", "labelled", "sentence"),
    [
        ("On Use of Armed Forces Russia proceeds from the fact that it may act.", False,
         "Russia proceeds from the fact that it may act."),
        ("Summary of National Security Strategy 2002 The United States must defend liberty and justice.", True,
         "The United States must defend liberty and justice."),
        ("East Asia East Asia is a region of great opportunities and lingering tensions.", True,
         "East Asia is a region of great opportunities and lingering tensions."),
        ("Middle East The Broader Middle East continues to command the world's attention.", True,
         "The Broader Middle East continues to command the world's attention."),
        ("The Russian Security Council earlier stressed that the new concept reflects a new approach.", False, None),
        ("The United States will act now and will act again tomorrow.", False, None),
        ("Prevent Our Enemies from Threatening Us, Our Allies, and Our Friends today.", True, None),
    ],
)  # fmt: skip
def test_headings_glued_to_the_start_of_a_paragraph(text: str, labelled: bool, sentence: str | None) -> None:
    lowercase = {
        "on", "use", "of", "armed", "forces", "proceeds", "from", "the", "summary", "national", "security",
        "strategy", "must", "defend", "council", "earlier", "united", "states", "east", "middle", "broader",
        "region", "prevent", "enemies", "allies", "friends",
    }  # fmt: skip
    names = {"Russia", "Asia", "East", "Middle"}
    start = scraped.glued_heading_at_start(text, lowercase, names, labelled=labelled)
    assert (text[start:] if start is not None else None) == sentence


@pytest.mark.parametrize(
    ("text", "end"),
    [("We act.", True), ("by the U.S.", False), ("e.g.", False), ("see Art.", True), ("Mr.", False)],
)
def test_sentence_ends_and_abbreviations(text: str, end: bool) -> None:
    assert scraped.ends_sentence(text) is end
    assert scraped.ends_sentence(text + " 5 and more", len(text)) is (end and not text.endswith("Art."))


def test_a_short_document_shows_its_header_twice_beside_page_numbers() -> None:
    body = ["A line of the body of the page.", "Another line of the same page."] * 6
    lines = [
        *body,
        "",
        "1",
        "offICIAL JoUrnAl oF THe union",
        "",
        *body,
        "",
        "2",
        "OfFicIal jouRNAL oF The Union",
        "",
        *body,
    ]
    assert paged.find_running_headers(lines, repeats=3) == {"officialjournaloftheunion"}
    # In plain capitals too: twice at a page's edge, beside its number.
    plain = [line if "union" not in line.casefold() else "Official Journal of the Union" for line in lines]
    assert paged.find_running_headers(plain, repeats=3) == {"officialjournaloftheunion"}
    # Twice in the body, away from any page number, a line is the text's own.
    inside = [*body[:4], "Official Journal of the Union", *body, "Official Journal of the Union", *body, "", "1"]
    assert paged.find_running_headers(inside, repeats=3) == set()


_TOKENS = st.sampled_from(["a", "b", "1", "N", "x", "7", "ab", "-", "."])
_GAPS = st.sampled_from([" ", "  ", "   ", "    ", "\t", " \t", "\u00a0", "\n"])


@settings(max_examples=300)  # cheap; runs of four single characters are rare draws
@given(
    st.lists(st.tuples(_TOKENS, _GAPS), max_size=12).map(lambda pairs: "".join(t + g for t, g in pairs)),
    st.sets(st.sampled_from(["ab", "nab"])),
)
def test_despace_skips_only_texts_without_a_spaced_run(text: str, vocabulary: set[str]) -> None:
    # despace first looks for four single characters in a row; without them
    # the full pass would change nothing either.
    assert paged.despace(text, vocabulary) == paged._despace(text, vocabulary)
    # ... and that look, a cheap hint first, says what the full pattern says.
    assert paged.spaced_run(text) == (paged._SPACED_RUN_RE.search(text) is not None)


@settings(max_examples=300)  # cheap; leaders are rare draws
@given(st.lists(st.sampled_from([".", ".", ". ", ".\t", "…", "…", "_", "_", " ", "1", "12", "iv", "a"]), max_size=16))
@example([". ", ". ", ". ", ".", "12"])
@example(["Title", "…", "…", "3"])
@example(["_", "_", "_", "_", "7"])
def test_a_leader_is_searched_only_where_its_dots_can_be(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert paged._has_toc_leader(line) == (paged._TOC_LEADER_RE.search(line) is not None)


@given(st.text(alphabet=st.sampled_from(list("0123456789ivxlcdmIVXLCDMabz _-.\n\t²½ßİⅣé١")), max_size=14) | st.text())
def test_furniture_key_is_its_regex_definition(line: str) -> None:
    """The fast key (reversed-line match, bytes.translate) equals the plain two-regex definition."""
    from conceptdiff.read._paged import _EDGE_NUMBER_RE, _KEY_DROP_RE

    assert paged.furniture_key(line) == _KEY_DROP_RE.sub("", _EDGE_NUMBER_RE.sub("", line.strip()).casefold())


@pytest.mark.parametrize(
    "text",
    [
        "Last updated 4 March 2024, 10:05 CET",  # a dateline with its meta words
        "7 min read",  # reading time
        "Photo courtesy of the Ministry of Defence",  # a credit
        "File photo: Jane Roe/AFP",
        "Copy link",  # share widgets
        "Save to reading list",
        "Most viewed",  # "related" boxes
        "More from Europe",
        "Newsletter: get the daily briefing in your inbox",  # newsletter prompts
        "Accept all cookies",  # cookie banners
        "Manage preferences",
        "By continuing to use this site you consent to our use of cookies",
        "Previous page",  # navigation and pagination
        "1 2 3 … 8 Next »",
        "Back to all reports",
        "Promoted by Example Bank",  # advertising
        "Story continues below advertisement",
        "Home › Publications › Reports",  # breadcrumbs and link rows
        "About | Careers | Press | Contact",
        "© 2024 Example Media Ltd | All rights reserved",  # a site's footer, anywhere
        "Registered charity number 123456",
        "Do Not Sell or Share My Personal Information",
        "Andrea Novak, Reuters",  # agency credits and bylines under a label or with a newsroom role
        "Contributors: J. Lee, M. Ortiz",
        "Tom Reyes — Senior Correspondent",
        "Was this article helpful? Yes | No",  # feedback, player, app and paywall widgets
        "Listen to this article · 4 min",
        "Watch: The minister's statement (1:52)",
        "Open in the app",
        "Already a member? Log in",
        "You have 3 free articles left",
        "Select language | English · Français",  # language switchers and translation notices
        "This page was translated automatically",
        "Filed under: Trade, Energy",  # a page's tags and its download lines
        "Download the report (PDF, 2.4 MB)",
        "Stay informed — Subscribe",  # a short phrase and a button
    ],
)
def test_page_furniture_is_told_by_its_kind(text: str) -> None:
    assert boilerplate.is_boilerplate(text)


@pytest.mark.parametrize(
    ("text", "at_start"),
    [
        ("Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>", True),  # a licence's notice
        ("Copyright (c) The Regents of the University of California.", True),
        ("All rights reserved.", True),
        ("Copyright (C) <year> <name of author>", False),  # a sample notice in an appendix
        ("© European Union 2007, 2016", True),
        ("or with your consent.", False),  # one widget word inside a sentence
        ("Cookies and tracking technologies", False),  # a privacy policy's own headings
        ("Most favoured nation", False),
        ("Version 3, 29 June 2007", False),
        ("FEBRUARY 2015", False),  # a cover's month
        ("Effective date: December 15, 2022", False),
        ("Sponsored by the Ministry of Finance, the programme shall run until 2030.", False),
        ("Feedback and ratings", False),  # headings of GitHub's privacy statement
        ("Other translations", False),
        ("Accessibility statement", False),
        ("[6] PEP 20, The Zen of Python", False),  # a reference, not a dateline
        ("Section 3 — Download", False),  # a numbered heading is no button's caption
        ("Translations are available in French and Spanish.", False),
        ("Files larger than 10 MB are refused.", False),
    ],
)
def test_a_documents_own_lines_are_no_furniture(text: str, at_start: bool) -> None:
    assert not boilerplate.is_boilerplate(text, at_start=at_start)


@pytest.mark.parametrize(
    ("text", "marked"),
    [("Share ↗", True), ("👍 38  ❤ 12", True), ("Comments (27)", True), ("Follow @example", True),
     ("[Accept] [Reject]", True), ("Only $1/week", True), ("Powered by Hugo", True),
     ("Article 27", False), ("Section (2)(a)", False), ("Email privacy@example.com", False), ("[Reserved]", False)],
)  # fmt: skip
def test_widget_marks(text: str, marked: bool) -> None:
    assert scraped.widget_marks(text) is marked


def test_topic_words_are_content_words_cut_to_a_stem() -> None:
    assert scraped.topic_words("The Terms of the Licence") == scraped.topic_words("terms licences")
    assert scraped.topic_words("of the and to with") == frozenset()


# Families of web furniture told by their form and their kind's words, not by
# known lines: each family's lines (written with other names, numbers and
# phrasings than the benchmark's vocabularies) are set aside, and a document's
# sentence sharing the family's words is kept.
_FAMILIES = {
    "registration": ["ACN 123 456 789", "Company No. 08123456 | VAT No. 123 4567 89", "Tax ID: 12-3456789",
                     "GST Reg. No. 123456789RT0001"],
    "counter": ["42 likes", "Shares: 1,204", "3.4k views", "Upvote 17 | Reply | Share", "SHARE 0"],
    "widget label": ["Photo 4 of 9", "Slide 2/6", "Showing 1–10 of 84 results", "A- A A+", "0/280 characters",
                     "Words left: 120", "Open menu ☰", "Search 🔍", "IMG_2071.jpeg"],
    "navigation": ["On this page", "In this section", "Toggle menu", "Skip navigation", "Mobile navigation",
                   "Careers Newsroom About Us Our Work Contact"],
    "sponsorship": ["Sponsored by", "In association with", "This series is generously supported by",
                    "Powered by Ghost", "Advertorial content"],
    "recirculation": ["You might also like", "Explore our latest research", "See all stories",
                      "View all articles by Jane Smith", "Read next: The housing crisis explained",
                      "1 Budget passes 2 Storm warning issued 3 Mayor resigns 4 Rail strike called off"],
    "bio": ["Tomás Reyes is a staff reporter covering housing for the Daily Courier.",
            "Dr Amara Singh is an associate professor of economics at Westmoor. She tweets at @amarasingh.",
            "Follow him on Twitter @jdoe"],
    "editorial note": ["This story has been updated to include a response from the council.",
                       "An earlier version of this story incorrectly stated the date of the hearing.",
                       "This interview has been edited for length and clarity.",
                       "This article originally appeared on The Conversation.",
                       "Clarification: The figures in this piece refer to 2022, not 2023.",
                       "This podcast is part of our series on the future of work.",
                       "This page is no longer maintained.",
                       "The opinions expressed in this commentary are solely those of the author.",
                       "This newsletter does not constitute investment advice.",
                       "Disclosure: The author owns shares in two of the companies named."],
    "paywall": ["You have read 2 of your 3 free articles this month.", "You've reached your free article limit.",
                "This story is available to subscribers only.", "Become a member to read this story",
                "Register to keep reading. It's free.", "Your free trial expires today. See plans"],
    "consent": ["We and our 812 vendors use cookies and similar technologies.",
                "You've rejected additional cookies. You can change your cookie settings at any time.",
                "We would like to use analytics cookies to understand how you use the site."],
    "appeal, affiliate, fallback": ["Support our journalism today.", "Donate monthly",
                                    "We may earn a commission when you buy through links on our site.",
                                    "This post contains affiliate links.",
                                    "Your browser does not support the audio element.",
                                    "Please enable JavaScript to view the comments."],
    "caption": ["Firefighters at the scene on Monday. Photo: Lee Park/Valley Times"],
    "sentences as parts": ["Remove ads. Go Premium", "Audio generated by AI voice. Report an issue",
                           "Reporting by Ana Ruiz; additional reporting by Li Wei in Taipei; editing by Tom Lutz",
                           "Example Partners LLP is registered in England and Wales under number OC123456. "
                           "Attorney Advertising."],
}  # fmt: skip


@pytest.mark.parametrize(("family", "line"), [(family, line) for family, lines in _FAMILIES.items() for line in lines])
def test_furniture_is_told_by_its_family(family: str, line: str) -> None:
    assert boilerplate.is_boilerplate(line), family


@pytest.mark.parametrize(
    "text",
    [
        # a privacy statement's and a cookie policy's own sentences
        "We may update this Privacy Statement from time to time.",
        "This website uses cookies to distinguish you from other users of our website.",
        "We and our partners use cookies to provide our services.",
        "If you have accepted cookies, you can withdraw your consent at any time.",
        "You can change your cookie settings at any time.",
        "We will never sell your personal information.",
        "Records are kept for reference for seven years.",
        "The data controller is Example Ltd, a company registered in England and Wales under number 01234567.",
        "For more information, see this article on the European Commission website.",
        "Contact us",
        "Your choices",
        "Advertising partners",
        # a law's, a licence's, a report's, a contract's
        "This Article was amended by Regulation (EU) 2016/679.",
        "This article was amended by Act 12 of 2020.",
        "Originally published in 1997, this policy was revised in 2005.",
        "First published in March 2020, this strategy sets out our aims.",
        "The views expressed by respondents were considered in the review.",
        "The Agent earns a commission of 5% on each sale.",
        "Subscriptions cost $10 per month. Cancel anytime.",
        "Every contribution to the Project is licensed under the Apache License.",
        "Disclaimer: The author is not responsible for any damage.",
        "The contents of the NOTICE file are for informational purposes only and do not modify the License.",
        "This review was commissioned by the Department.",
        "This feature was removed in version 12.",
        "This page is for users of the legacy API.",
        "Sign in with your GitHub account to access the settings.",
        "Jane Doe is the Data Protection Officer.",
        "Comment 5",
        "Report 2",
        "In this section, we describe how we use data.",
    ],
)
def test_a_documents_sentence_sharing_a_familys_words_is_kept(text: str) -> None:
    assert not boilerplate.is_boilerplate(text)


def test_furniture_of_the_new_families_is_set_aside_with_its_reason() -> None:
    from conceptdiff.segment import segment

    lines = ["This article was amended on 2 May 2024 to correct a quote.", "SHARE 12", "VAT Reg. No. GB 123 4567 89"]
    text = "\n\n".join(["Terms of Use", "The Licensee may copy the Work.", *lines, "The Licensor keeps its rights."])
    clauses, dropped = segment(text + "\n", format="text")
    assert [clause.text for clause in clauses] == [
        "Terms of Use",
        "The Licensee may copy the Work.",
        "The Licensor keeps its rights.",
    ]
    assert [(span.reason, span.text) for span in dropped] == [("boilerplate", line) for line in lines]
