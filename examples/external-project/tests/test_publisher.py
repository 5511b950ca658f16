"""Typesetting must not change what the policy says: assert_same_content."""

from pathlib import Path

from hypothesis import given, settings
from publisher import typeset

from conceptdiff.strategies import clause_lists
from conceptdiff.testing import Difference, assert_same_content

DATA = Path(__file__).parent / "data"


def test_typesetting_the_2024_policy_keeps_its_content():
    source = (DATA / "policy-2024.txt").read_text(encoding="utf-8")
    # Title-case headings are a cosmetic change; curly quotes, dashes and
    # line breaks are not differences at all.
    assert_same_content(source, typeset(source), allow=Difference.COSMETIC)


# deadline=None: one comparison can take longer than Hypothesis' default 200 ms
# on a busy CI machine; fewer examples than the default 100 keep the suite quick.
@settings(max_examples=30, deadline=None)
@given(clause_lists(min_size=1, max_size=25))
def test_typesetting_any_policy_keeps_its_content(clauses):
    # clause_lists() draws policy-like clauses, one string each: headings,
    # numbered and lettered items, bullets, paragraphs of one to three sentences.
    # (editions() draws the same as conceptdiff.Edition objects.)
    text = "\n\n".join(clauses)
    assert_same_content(text, typeset(text), allow=Difference.COSMETIC)
