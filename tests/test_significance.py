"""Cosmetic or substantive, and what a substantive change does to obligations and facts."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conceptdiff
from conceptdiff import significance
from conceptdiff.significance import (
    Cosmetic,
    Flag,
    Significance,
    assess,
    assess_all,
    assess_texts,
    term_shifts,
)

from .conftest import PAIRS

# --- the hand-made cases the issue names -------------------------------------------


def test_may_to_shall_is_a_substantive_change_of_obligation() -> None:
    verdict = assess_texts("Members may report breaches.", "Members shall report breaches.")
    assert verdict.significance is Significance.SUBSTANTIVE
    assert verdict.flags == (Flag.MODAL,)
    assert verdict.changes_obligation and not verdict.changes_fact
    assert (verdict.findings[0].removed, verdict.findings[0].added) == (("may",), ("shall",))


def test_30_days_to_60_days_is_a_substantive_change_of_fact() -> None:
    verdict = assess_texts("Report within 30 days.", "Report within 60 days.")
    assert verdict.significance is Significance.SUBSTANTIVE
    assert verdict.flags == (Flag.NUMBER,)
    assert verdict.changes_fact and not verdict.changes_obligation
    assert (verdict.findings[0].removed, verdict.findings[0].added) == (("30 days",), ("60 days",))


def test_shall_to_shall_not_is_a_negation() -> None:
    verdict = assess_texts("The committee shall publish its findings.", "The committee shall not publish its findings.")
    assert verdict.significance is Significance.SUBSTANTIVE
    assert verdict.flags == (Flag.NEGATION,)
    assert verdict.findings[0].added == ("shall not",) and verdict.findings[0].removed == ()


def test_a_quotes_only_change_is_cosmetic() -> None:
    verdict = assess_texts("The term “Licensor” means the person.", 'The term "Licensor" means the person.')
    assert verdict.significance is Significance.COSMETIC
    assert verdict.cosmetic == (Cosmetic.QUOTES,)
    assert verdict.findings == ()


def test_the_hand_made_pairs_are_told_apart() -> None:
    def verdicts(pair: str) -> list[conceptdiff.Assessment]:
        old = conceptdiff.Edition.from_path(PAIRS / pair / "old.txt")
        new = conceptdiff.Edition.from_path(PAIRS / pair / "new.txt")
        result = conceptdiff.compare(old, new)
        return [assess(c) for c in result.changes if c.edits]

    obligation, negation = verdicts("reworded_obligation")
    assert set(obligation.flags) == {Flag.MODAL, Flag.NUMBER}
    assert negation.flags == (Flag.NEGATION,)
    quotes = verdicts("smart_quotes_vs_ascii")
    assert quotes and all(v.significance is Significance.COSMETIC for v in quotes)
    assert {reason for v in quotes for reason in v.cosmetic} <= {Cosmetic.QUOTES, Cosmetic.PUNCTUATION}


# --- cosmetic kinds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "reasons"),
    [
        ("The Members shall vote.", "The members shall vote.", (Cosmetic.CASE,)),
        ("Russia’s interests", "Russia's interests", (Cosmetic.QUOTES,)),
        ("the licence — and nobody else", "the licence - and nobody else", (Cosmetic.PUNCTUATION,)),
        ("Fees, as set, are due.", "Fees as set are due.", (Cosmetic.PUNCTUATION,)),
        ("co-operation between members", "cooperation between members", (Cosmetic.PUNCTUATION,)),
        ("The licence is organised by the centre.", "The license is organized by the center.", (Cosmetic.SPELLING,)),
        ("colour and behaviour", "color and behavior", (Cosmetic.SPELLING,)),
        ("travelled towards the catalogue", "traveled toward the catalog", (Cosmetic.SPELLING,)),
        ("every one of them", "everyone of them", (Cosmetic.WHITESPACE,)),
        ("A fee of 1,000 euros.", "A fee of 1000 euros.", (Cosmetic.PUNCTUATION,)),
        ("THE “Work”", 'the "Work"', (Cosmetic.QUOTES, Cosmetic.CASE)),
    ],
)
def test_cosmetic_kinds(old: str, new: str, reasons: tuple[Cosmetic, ...]) -> None:
    verdict = assess_texts(old, new)
    assert verdict.significance is Significance.COSMETIC, verdict
    assert verdict.cosmetic == reasons


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("A fee of 1.5 euros.", "A fee of 15 euros."),  # only a dot, but a different amount
        ("four members", "for members"),  # not a spelling variant
        ("prised open", "prized open"),
        ("Members may vote.", "Members may not vote."),
    ],
)
def test_differences_that_look_small_but_are_not_cosmetic(old: str, new: str) -> None:
    assert assess_texts(old, new).significance is Significance.SUBSTANTIVE


# --- findings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "flag", "removed", "added"),
    [
        ("Members must report.", "Members should report.", Flag.MODAL, ("must",), ("should",)),
        # "required" is no modal verb (a closed list): only the modal the new text adds is named.
        ("Members are required to report.", "Members may report.", Flag.MODAL, (), ("may",)),
        ("You can't appeal.", "You can appeal.", Flag.NEGATION, ("can not",), ()),
        ("Nobody shall be admitted.", "Members shall be admitted.", Flag.NEGATION, ("nobody",), ()),
        ("within thirty days", "within sixty days", Flag.NUMBER, ("thirty days",), ("sixty days",)),
        ("within 30 days", "within 30 working days", Flag.NUMBER, ("30 days",), ("30 working days",)),
        ("a fee of EUR 30", "a fee of EUR 45", Flag.AMOUNT, ("EUR 30",), ("EUR 45",)),
        ("costs $1,200 a year", "costs $1,500 a year", Flag.AMOUNT, ("$1,200",), ("$1,500",)),
        ("rates rise 5%", "rates rise 7 per cent", Flag.AMOUNT, ("5%",), ("7 per cent",)),
        ("by 15 March 2023", "by 1 April 2024", Flag.DATE, ("15 March 2023",), ("1 April 2024",)),
        ("effective May 1, 2023", "effective June 1, 2023", Flag.DATE, ("May 1, 2023",), ("June 1, 2023",)),
        ("In 2002 the strategy", "In 2006 the strategy", Flag.DATE, ("2002",), ("2006",)),
        ("The Council decides.", "The Commission decides.", Flag.ENTITY, ("Council",), ("Commission",)),
        ("Members of the European Union apply.", "Members of NATO apply.", Flag.ENTITY, ("European Union",), ("NATO",)),
        (
            "Ask the U.S. Department of State.",
            "Ask the U.K. Office.",
            Flag.ENTITY,
            ("U.S. Department of State",),
            ("U.K. Office",),
        ),
    ],
)
def test_findings(old: str, new: str, flag: Flag, removed: tuple[str, ...], added: tuple[str, ...]) -> None:
    verdict = assess_texts(old, new)
    assert verdict.significance is Significance.SUBSTANTIVE
    found = {f.flag: f for f in verdict.findings}
    assert flag in found, verdict
    assert (found[flag].removed, found[flag].added) == (removed, added)


def test_long_findings_are_shortened_for_reading() -> None:
    text = "Alpha Corp, Beta Corp, Gamma Corp, Delta Corp, Epsilon Corp, Zeta Corp, Eta Corp."
    [entities] = [f for f in assess_texts("", text).findings if f.flag is Flag.ENTITY]
    assert len(entities.added) == 7 and str(entities).endswith(" and 1 more")


def test_the_same_number_written_otherwise_is_cosmetic() -> None:
    for old, new in [
        ("Payment within thirty days.", "Payment within 30 days."),
        ("in the twenty-first century", "in the 21st century"),
        ("including 3rd party frameworks", "including third party frameworks"),
    ]:
        verdict = assess_texts(old, new)
        assert verdict.significance is Significance.COSMETIC and verdict.cosmetic == (Cosmetic.NUMERALS,), old
    # another value, or an ordinal for a cardinal, is not
    assert assess_texts("Payment within thirty days.", "Payment within 60 days.").flags == (Flag.NUMBER,)
    assert assess_texts("the third party", "the fourth party").flags == (Flag.NUMBER,)
    assert assess_texts("three parties", "third parties").significance is Significance.SUBSTANTIVE


def test_a_modal_moved_inside_its_clause_is_no_finding() -> None:
    verdict = assess_texts("Members may, in writing, vote.", "In writing, members may vote.")
    assert Flag.MODAL not in verdict.flags


def test_the_month_may_is_not_a_modal() -> None:
    verdict = assess_texts("The report is due on 3 May 2024.", "The report is due on 4 May 2024.")
    assert verdict.flags == (Flag.DATE,)


def test_sentence_initial_capitals_are_not_entities() -> None:
    verdict = assess_texts("Members pay fees.", "Officers pay fees.")
    assert Flag.ENTITY not in verdict.flags
    # nor are the labels of examples, wherever they stand (PEP 8 2005: "No: ... Yes: ..." -> the "Yes" form alone)
    verdict = assess_texts("No: if x == True: pass Yes: if x: pass", "if x: pass")
    assert Flag.ENTITY not in verdict.flags


def test_a_list_of_unquoted_definitions_defines_terms_and_a_note_does_not() -> None:
    # EUPL 1.1's form: "The Original Work or the Software: the software distributed ..."
    listed = [
        "Definitions",
        "The Licence: this Licence.",
        "The Original Work or the Software: the software distributed by the Licensor.",
        "Derivative Works: the works that could be created by the Licensee.",
        "The Licensor: the natural or legal person that distributes the Work.",
    ]
    assert {"softwar", "original", "derivativ", "licensor"} <= significance.defined_terms(listed)
    noted = ["Use four spaces per indentation level.", "Note: this is a convention.", "Tabs are not used."]
    assert significance.defined_terms(noted) == frozenset()
    # three such labels, each two clauses or more from the next, are no list either
    scattered = ["Note: this is one.", "Text.", "More.", "Warning: this too.", "Text.", "More.", "Caution: and this."]
    assert significance.defined_terms(scattered) == frozenset()
    # ... but side by side they are ("Caution" stemmed as "caut", its "ion" off)
    assert significance.defined_terms([scattered[0], scattered[3], scattered[6]]) == {"note", "warn", "caut"}
    old = "This Licence applies to the Work or Software."
    verdict = assess_texts(old, old.replace("Software", "software"), defined=significance.defined_terms(listed))
    assert Flag.DEFINED_TERM in verdict.flags


def test_the_third_of_a_third_party_is_no_number() -> None:
    # GitHub 2022-12: "... and share" -> "... and the categories of third-party recipients"
    old = "We share it with our partners."
    for new in ("We share it with third-party partners.", "We share it with a third party.", "Third parties get it.",
                "We share it with a 3rd party."):  # fmt: skip
        assert Flag.NUMBER not in assess_texts(old, new).flags
    # written out or in figures, it is the same outsider: a cosmetic change
    written = assess_texts("Share it with a 3rd party.", "Share it with a third party.")
    assert written.significance is Significance.COSMETIC
    assert assess_texts("In the second year.", "In the third year.").flags == (Flag.NUMBER,)


def test_a_negating_prefix_taken_off_is_a_negation_and_its_spelling_is_not() -> None:
    old = "The Licensor grants a non-exclusive licence to use the Work."
    assert assess_texts(old, old.replace("non-exclusive", "exclusive")).flags == (Flag.NEGATION,)
    assert Flag.NEGATION not in assess_texts(old, old.replace("non-exclusive", "non exclusive")).flags


def test_a_format_written_in_capitals_is_no_entity_but_an_organisation_is() -> None:
    old = "The annual report is published on the website of the Secretariat."
    assert Flag.ENTITY not in assess_texts(old, old.replace("website", "website (PDF)")).flags
    assert assess_texts(old, old.replace("website", "website of NATO")).flags == (Flag.ENTITY,)


def test_title_case_headings_report_no_entities() -> None:
    verdict = assess_texts("Obligations of the Licensee", "Obligations of the Licensor")
    assert Flag.ENTITY not in verdict.flags


# --- levels --------------------------------------------------------------------------


def test_changes_without_text_difference_have_no_significance() -> None:
    old = conceptdiff.Edition.from_clauses(["1. Alpha beta gamma.", "2. Delta epsilon zeta.", "3. Eta theta iota."])
    new = conceptdiff.Edition.from_clauses(["1. Delta epsilon zeta.", "2. Eta theta iota.", "3. Alpha beta gamma."])
    result = conceptdiff.compare(old, new)
    assert any(c.kind is conceptdiff.ChangeKind.MOVED for c in result.changes)
    assert all(v.significance is Significance.NONE for v in assess_all(result))


def test_a_split_at_the_same_words_has_no_significance() -> None:
    assert assess_texts("One sentence. Another one.", "One sentence.\nAnother one.").significance is Significance.NONE


def test_added_and_removed_clauses_are_substantive() -> None:
    result = conceptdiff.compare("Fees are due.\n\nThe chair is elected.\n", "Fees are due.\n")
    removed = [c for c in result.changes if c.kind is conceptdiff.ChangeKind.REMOVED]
    assert removed and assess(removed[0]).significance is Significance.SUBSTANTIVE


# --- properties ----------------------------------------------------------------------

_prose = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)


@given(_prose)
def test_a_text_against_itself_is_never_a_change(text: str) -> None:
    assert assess_texts(text, text).significance is Significance.NONE


@given(_prose, _prose)
def test_significance_is_symmetric_and_findings_swap(old: str, new: str) -> None:
    """Seen from the other edition, the verdict is the same and what was removed was added."""
    forward, backward = assess_texts(old, new), assess_texts(new, old)
    assert forward.significance is backward.significance
    assert set(forward.cosmetic) == set(backward.cosmetic)
    assert [(f.flag, Counter(f.removed), Counter(f.added)) for f in forward.findings] == [
        (f.flag, Counter(f.added), Counter(f.removed)) for f in backward.findings
    ]


_QUOTE_SWAP = str.maketrans({'"': "“", "'": "’"})


@given(st.lists(st.sampled_from(["Members", "may", "vote", "the", '"Work"', "fee's", "30", "days", "Council"]),
                min_size=1, max_size=12), st.data())  # fmt: skip
def test_quote_case_and_spacing_edits_are_cosmetic(words: list[str], data: st.DataObject) -> None:
    """The rule: a difference of quotes, case and white space only is never substantive."""
    old = " ".join(words)
    new_words = [
        data.draw(st.sampled_from([w, w.upper(), w.lower(), w.translate(_QUOTE_SWAP)]), label=f"form of {w!r}")
        for w in words
    ]
    new = "  ".join(new_words) if data.draw(st.booleans(), label="double spaces") else " ".join(new_words)
    assert assess_texts(old, new).significance in (Significance.NONE, Significance.COSMETIC)


# --- shifted terms ---------------------------------------------------------------------


def test_term_shifts_count_each_edition() -> None:
    old = conceptdiff.Edition.from_clauses(["The member may vote.", "A member may speak.", "The chair may close."])
    new = conceptdiff.Edition.from_clauses(
        ["The member shall vote.", "A member shall speak.", "The chair shall close.", "Each member shall pay."]
    )
    shifts = term_shifts(conceptdiff.compare(old, new), min_change=1)
    by_term = {s.term: (s.old_count, s.new_count) for s in shifts}
    assert by_term["shall"] == (0, 4) and by_term["may"] == (3, 0) and by_term["member"] == (2, 3)
    assert "the" not in by_term  # function words are left out
    assert {s.term for s in shifts[:2]} == {"shall", "may"}  # the biggest shifts first
    scores = [s.score for s in shifts]
    assert scores == sorted(scores, reverse=True)


@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "shall", "may"]), max_size=30),
       st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "shall", "may"]), max_size=30))  # fmt: skip
def test_term_shift_counts_are_the_true_counts(old_words: list[str], new_words: list[str]) -> None:
    old = conceptdiff.Edition.from_clauses([" ".join(old_words) or "x"])
    new = conceptdiff.Edition.from_clauses([" ".join(new_words) or "x"])
    shifts = term_shifts(conceptdiff.compare(old, new), limit=100, min_change=2)
    old_counts, new_counts = Counter(old_words), Counter(new_words)
    for shift in shifts:
        assert (shift.old_count, shift.new_count) == (old_counts[shift.term], new_counts[shift.term])
        assert abs(shift.old_count - shift.new_count) >= 2
    listed = {s.term for s in shifts}
    if old_words and new_words:
        for term in set(old_words) | set(new_words):
            if abs(old_counts[term] - new_counts[term]) >= 2:
                assert term in listed


def test_term_shifts_on_a_real_pair_are_words() -> None:
    result = conceptdiff.compare(
        conceptdiff.Edition.from_path(PAIRS / "renumbered_sections" / "old.txt"),
        conceptdiff.Edition.from_path(PAIRS / "renumbered_sections" / "new.txt"),
    )
    shifts = term_shifts(result)
    assert shifts and all(re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", s.term) for s in shifts)
    assert shifts[0].term == "purpose"


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("aéB’'-1 \ufb01\u0301\u1100\u1161\u2460ßİ\u00a0\n"), max_size=20), max_size=6
    )
)
def test_terms_are_counted_text_by_text(texts: list[str]) -> None:
    # _term_counts reads the texts joined by line breaks in one pass; the
    # reference normalizes and reads each text alone.
    import unicodedata

    from conceptdiff.significance import _MODALS, _STOPWORDS, _TERM_RE, _term_counts

    expected: Counter[str] = Counter()
    for text in texts:
        for match in _TERM_RE.finditer(unicodedata.normalize("NFKC", text)):
            term = match.group().casefold().replace("’", "'")
            if len(term) >= 3 and (term not in _STOPWORDS or term in _MODALS):
                expected[term] += 1
    assert _term_counts(texts) == expected


# -- flags a reader can rely on (issue 14) -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Members are permitted to vote.", "Members are allowed to vote."),  # no modal verb on either side
        ("The obligations of members are listed.", "The duties of members are listed."),
        ("This reflects the will of the members.", "This reflects the wish of the members."),  # "will" the noun
        ("Put the waste in the green can by the door.", "Put the waste in the green bin by the door."),
        ("Keep a can of paint near the exit.", "Keep a tin of paint near the exit."),
        ("You need to register first.", "You have to register first."),  # "need to": no modal
        ("Published in May 2023.", "Published in June 2023."),  # the month
    ],
)
def test_words_that_are_no_modal_verb_are_not_flagged_modal(old: str, new: str) -> None:
    assert Flag.MODAL not in assess_texts(old, new).flags


def test_a_name_in_code_that_changed_case_is_no_cosmetic_change() -> None:
    # PEP 8's 2005 revisions: module names went to small letters, the class names kept theirs.
    for old, new in [
        ("from MyClass import MyClass", "from myclass import MyClass"),
        ('and use "MyClass.MyClass" here', 'and use "myclass.MyClass" here'),
    ]:
        assessment = assess_texts(old, new)
        assert assessment.significance is Significance.SUBSTANTIVE and not assessment.flags
    # Case in prose, and dotted abbreviations, stay cosmetic.
    for old, new in [
        ("See the Internet, e.g. here.", "See the internet, E.g. here."),
        ("The U.S. law", "The u.s. law"),
    ]:
        assert assess_texts(old, new).significance is Significance.COSMETIC


def test_the_modal_verbs_are_flagged() -> None:
    assert assess_texts("Members may vote.", "Members shall vote.").flags == (Flag.MODAL,)
    # before "of" or "by", a modal verb still, after a pronoun or when "will" is
    assert assess_texts("They will of course vote.", "They shall of course vote.").flags == (Flag.MODAL,)
    assert assess_texts("You can by calling us opt out.", "You may by calling us opt out.").flags == (Flag.MODAL,)
    assert assess_texts("Git will by default pull.", "Git may by default pull.").flags == (Flag.MODAL,)
    assert Flag.MODAL in assess_texts("Members need not vote.", "Members must vote.").flags


def test_a_heading_gives_no_negation_or_entity_finding() -> None:
    old = conceptdiff.Edition.from_text("# No Abuse or Overuse of the API\n\nDo not overuse the API.\n")
    new = conceptdiff.Edition.from_text("# Fair Use of the Service\n\nDo not overuse the API.\n")
    result = conceptdiff.compare(old, new)
    (heading,) = [c for c in result.changes if c.old == (0,)]
    assessment = assess(heading, result)
    assert assessment.significance is Significance.SUBSTANTIVE and not assessment.flags
    assert Flag.NEGATION in assess(heading).flags  # without the comparison, the words alone decide


def test_all_capitals_and_sentence_starts_are_no_entities() -> None:
    old = "THE PROGRAM IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND."
    new = "THE PROGRAM IS PROVIDED AS IS AND WITHOUT ANY WARRANTY OF ANY KIND."
    assert Flag.ENTITY not in assess_texts(old, new).flags
    assert Flag.ENTITY not in assess_texts("Members may vote.", "Payment may be made.").flags  # sentence starts
    assert assess_texts("The Council decides.", "The Commission decides.").flags == (Flag.ENTITY,)


def test_the_case_of_a_defined_term_is_substantive_in_its_document() -> None:
    definitions = "- 'Distribution': any act of selling, giving or lending copies of the Work.\n\n"
    old = conceptdiff.compare(
        definitions + "Anyone who distributes copies keeps the notices.\n",
        definitions + "Anyone who Distributes copies keeps the notices.\n",
    )
    (changed,) = [c for c in old.changes if c.is_change]
    assessment = assess(changed, old)
    assert assessment.significance is Significance.SUBSTANTIVE and assessment.flags == (Flag.DEFINED_TERM,)
    assert assess(changed).significance is Significance.COSMETIC  # no document, no definitions
    # And the relaxed predicate agrees: ignoring cosmetic changes does not hide it.
    assert significance.has_changes(old, ignore="cosmetic")


def test_a_defined_term_recased_before_a_name_makes_no_new_name() -> None:
    # "distribute the Work" -> "Distribute the Work": the capital is the defined term's; the run of
    # capitalized words it now starts is no new name.
    defined = significance.defined_terms(['"Distribute" means to make copies available to anyone.'])
    recased = assess_texts("You may distribute the Work.", "You may Distribute the Work.", defined=defined)
    assert recased.flags == (Flag.DEFINED_TERM,)
    # a name that came with it is still one
    both = assess_texts("You may distribute the Work.", "You may Distribute the Work in Canada.", defined=defined)
    assert Flag.ENTITY in both.flags


def test_an_acronym_of_a_name_written_out_is_the_same_name() -> None:
    assert assess_texts("Eclipse Public License v. 1.0", "Eclipse Public License (EPL) v. 1.0").findings == ()
    assert assess_texts("The European Union Public Licence applies.", "The EUPL applies.").findings == ()
    # another name is another name, acronym or not
    assert assess_texts("The report is by the Council.", "The report is by NATO.").flags == (Flag.ENTITY,)
    licences = assess_texts("The European Union Public Licence applies.", "The Mozilla Public License applies.")
    assert licences.flags == (Flag.ENTITY,)


def test_a_long_word_in_capitals_is_no_acronym() -> None:
    assert Flag.ENTITY not in assess_texts("See the page on cookies.", "See AUTOTITLE on cookies.").flags
    assert assess_texts("Filed with the ministry.", "Filed with UNESCO.").flags == (Flag.ENTITY,)


def test_a_common_noun_given_a_capital_is_no_name_where_the_document_writes_it_small() -> None:
    old = conceptdiff.Edition.from_clauses(
        ["Our users may ask for their data.", "The users may also ask us to delete it.", "We answer within a month."]
    )
    new = conceptdiff.Edition.from_clauses(
        [
            "Our users may ask for their data.",
            "The users may also ask us to delete it.",
            "We answer Users within a month, through the Council.",
        ]
    )
    result = conceptdiff.compare(old, new)
    change = next(c for c in result.changes if c.kind is conceptdiff.ChangeKind.REWORDED)
    entity = next(f for f in assess(change, result).findings if f.flag is Flag.ENTITY)
    assert entity.added == ("Council",)  # "Users" is the document's common noun; "Council" a name
    assert significance.common_words(["the users", "our users", "Users"]) == frozenset({"users"})
