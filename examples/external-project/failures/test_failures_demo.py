"""Tests that fail on purpose, to show what each helper's failure reads like.

Run them with `pytest failures`; `pytest` alone runs only tests/.
"""

from pathlib import Path

from publisher import scrape, typeset

from conceptdiff import Edition
from conceptdiff.testing import Difference, assert_changes, assert_same_content

DATA = Path(__file__).parent.parent / "tests" / "data"


def careless_typeset(text):
    return typeset(text).replace(" may ", " must ")


def test_a_typesetter_that_changes_words():
    source = (DATA / "policy-2024.txt").read_text(encoding="utf-8")
    assert_same_content(source, careless_typeset(source), allow=Difference.COSMETIC)


def test_a_scraper_that_loses_a_clause():
    page = "<ol><li>6. Members may ask to see their data.</li><li>8. Data are kept for two years.</li></ol>"
    official = ["6. Members may ask to see their data.", "7. A register is kept.", "8. Data are kept for two years."]
    assert Edition.from_clauses(scrape(page)) == Edition.from_clauses(official)


def test_an_expected_change_that_did_not_happen(edition):
    assert_changes(
        edition("../tests/data/policy-2023.txt"),
        edition("../tests/data/policy-2024.txt"),
        [("reworded", [2], [2]), ("added", [], [5]), ("moved", [8], [7])],
    )


def test_a_summary_that_no_longer_matches_its_snapshot(edition, summary_snapshot):
    new = (DATA / "policy-2024.txt").read_text(encoding="utf-8").replace("31 March", "31 May")
    summary_snapshot(edition("../tests/data/policy-2023.txt"), Edition.from_text(new, label="policy-2024.txt"))
