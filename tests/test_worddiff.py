"""Word edits: they rebuild both texts, never cut a word or a grapheme, and stay bounded."""

from __future__ import annotations

import itertools
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from conceptdiff import EditOp
from conceptdiff.worddiff import tokens, word_edits

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)
wordy = st.lists(st.sampled_from(["shall", "may", "not", "the", "Member", "30", "days", ",", ".", " ", "é", "👍🏽"]))


def sides(edits: tuple) -> tuple[str, str]:  # type: ignore[type-arg]
    old = "".join(e.text for e in edits if e.op is not EditOp.INSERT)
    new = "".join(e.text for e in edits if e.op is not EditOp.DELETE)
    return old, new


@given(text, text)
def test_edits_rebuild_both_texts(a: str, b: str) -> None:
    assert sides(word_edits(a, b)) == ((a, b) if a != b else ("", ""))


@given(wordy.map("".join), wordy.map("".join))
def test_edits_rebuild_wordy_texts(a: str, b: str) -> None:
    edits = word_edits(a, b)
    assert sides(edits) == ((a, b) if a != b else ("", ""))
    assert all(e.text for e in edits)
    assert all(x.op is not y.op for x, y in itertools.pairwise(edits))


@given(text, text)
def test_edit_boundaries_fall_between_tokens(a: str, b: str) -> None:
    boundaries_a = {0}
    for token in tokens(a):
        boundaries_a.add(max(boundaries_a) + len(token))
    position = 0
    for edit in word_edits(a, b):
        if edit.op is not EditOp.INSERT:
            position += len(edit.text)
            assert position in boundaries_a


def test_a_word_is_never_cut() -> None:
    edits = word_edits("The Licensee shall comply.", "The Licensor shall comply.")
    assert [(e.op, e.text) for e in edits if e.op is not EditOp.EQUAL] == [
        (EditOp.DELETE, "Licensee"),
        (EditOp.INSERT, "Licensor"),
    ]


def test_combining_marks_and_emoji_stay_whole() -> None:
    old, new = "re\u0301gime 👍🏽 ok", "re\u0301gimes 👍🏿 ok"
    for edit in word_edits(old, new):
        assert not unicodedata.combining(edit.text[0])
        assert not re.match("[\U0001f3fb-\U0001f3ff]", edit.text)  # a skin tone never starts an edit


def test_over_budget_falls_back_to_sentences_then_whole_texts() -> None:
    old = " ".join(f"Sentence {n} says the same thing." for n in range(200))
    new = old.replace("Sentence 100 says", "Sentence 100 now says")
    edits = word_edits(old, new, budget=100_000)  # 1,400 x 1,400 tokens are over it, 200 x 200 sentences not
    assert sides(edits) == (old, new)
    assert [e.text.strip() for e in edits if e.op is not EditOp.EQUAL] == ["now"]
    tiny = word_edits(old, new, budget=10)  # even the sentences are over it
    assert [e.op for e in tiny] == [EditOp.DELETE, EditOp.INSERT]


def test_a_long_clause_with_every_sentence_edited_is_diffed_sentence_by_sentence() -> None:
    # Past the word budget, the diff goes sentence by sentence; with no sentence in
    # common it used to call itself on the same texts until Python's recursion limit.
    sentences = [f"Clause {n} binds the party number {n} to the terms of article {n}." for n in range(60)]
    old = " ".join(sentences)
    new = " ".join(s.replace("binds", "obliges") for s in sentences)
    edits = word_edits(old, new, budget=5000)  # more than 60 x 60 sentences, less than 720 x 720 words
    assert "".join(e.text for e in edits if e.op is not EditOp.INSERT) == old
    assert "".join(e.text for e in edits if e.op is not EditOp.DELETE) == new
    assert sum(e.op is EditOp.DELETE and e.text.strip() == "binds" for e in edits) == 60
