"""The comparable form of a clause (conceptdiff.normalize)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conceptdiff import ClauseKind, Edition, Options
from conceptdiff.normalize import ELISION, normalize_text, words


@given(st.text())
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\n" not in once and once == once.strip()


@pytest.mark.parametrize("marker", ["[…]", "[...]", "[….]", "[ … ]", "[.…]", "…", "..."])
def test_every_elision_marker_is_one_token(marker: str) -> None:
    assert normalize_text(f"the document {marker} reflects") == f"the document {ELISION} reflects"
    assert words(f"the document {marker} reflects") == ["the", "document", ELISION, "reflects"]


def test_curly_and_straight_quotes_and_dashes_compare_equal() -> None:
    assert normalize_text("Russia’s “new” concept — approved") == normalize_text('Russia\'s "new" concept - approved')


def test_normalization_never_alters_the_text_reports_show() -> None:
    edition = Edition.from_text("Russia’s “new”   concept [...] approved.\n", options=Options(flag_languages=False))
    (clause,) = edition.clauses
    assert clause.text == "Russia’s “new” concept [...] approved."
    assert clause.normalized == 'Russia\'s "new" concept […] approved.'


@given(st.text(alphabet=st.sampled_from("ab .\n[]…’'\"“”-—"), max_size=60))
@example("[\n[")  # read as a code block (found by the thorough profile): it compares line by line
def test_clause_normalized_is_normalize_of_its_text(text: str) -> None:
    for clause in Edition.from_text(text, options=Options(flag_languages=False)).clauses:
        if clause.kind is ClauseKind.CODE:
            # a code block compares verbatim: its lines kept, only their trailing spaces folded
            assert clause.normalized == "\n".join(line.rstrip() for line in clause.text.splitlines())
        else:
            assert clause.normalized == normalize_text(clause.text)


_TRICKY = list(" a.…¨’“\u00ad\u200b\u2060\ufeff\u00a0\u2002ﬁ—[]")  # NFKC spaces, invisible characters, elisions


@given(st.text() | st.text(alphabet=st.sampled_from(_TRICKY), max_size=20))
def test_normalize_collapsed_is_normalize_text_on_collapsed_text(raw: str) -> None:
    from conceptdiff.normalize import normalize_collapsed

    text = " ".join(raw.split())
    assert normalize_collapsed(text) == normalize_text(text)
