"""The web page must carry the official clauses: `assert edition == edition` with the plugin."""

from publisher import scrape

from conceptdiff import Edition

PAGE = """
<html><body>
<nav><a href="/">Home</a></nav>
<h2>Data protection</h2>
<ol>
  <li>6. Members may ask to see the data held about them at any time.</li>
  <li>7. The secretariat keeps a register of members with their names
      and postal addresses.</li>
  <li>8. Personal data are kept for as long as the membership lasts and for two years after it ends.</li>
</ol>
</body></html>
"""

OFFICIAL = [
    "Data protection",
    "6. Members may ask to see the data held about them at any time.",
    "7. The secretariat keeps a register of members with their names and postal addresses.",
    "8. Personal data are kept for as long as the membership lasts and for two years after it ends.",
]


def test_the_page_carries_the_official_clauses():
    assert Edition.from_clauses(scrape(PAGE), label="2024") == Edition.from_clauses(OFFICIAL, label="2024")
