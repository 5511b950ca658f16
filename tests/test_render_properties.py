"""Properties of every renderer on generated edition pairs (conceptdiff.strategies):
every change appears in every format, and every output parses as its format."""

from __future__ import annotations

import html
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import conceptdiff
from conceptdiff.render import ReportOptions, render_html, render_json, render_markdown, render_stat, render_text
from conceptdiff.render._report import build_report
from conceptdiff.strategies import EditedPair, edited_pairs

from .test_render_html import well_formed
from .test_render_markdown import _ALLOWED_TAGS, MARKDOWN, Text

PLANTED = (
    "<script>document.title='pwned'</script> The board **shall** [meet](javascript:alert(1)) `weekly` <b>now</b>.",
    "Fees & <i>charges</i> ~~apply~~ | 30 days $x$ \\ #1 > quoted.",
)


def _comparison(pair: EditedPair) -> conceptdiff.Comparison:
    return conceptdiff.compare(
        conceptdiff.Edition.from_clauses(pair.old_texts, label="old <edition>"),
        conceptdiff.Edition.from_clauses(pair.new_texts, label="new <edition>"),
    )


pairs = edited_pairs(mix="heavy", insert_pool=PLANTED)


@settings(max_examples=25)
@given(pairs, st.sampled_from(["changes", "document"]), st.booleans())
def test_every_change_appears_in_every_format(pair: EditedPair, context: str, hide_cosmetic: bool) -> None:
    comparison = _comparison(pair)
    options = ReportOptions(context=context, hide_cosmetic=hide_cosmetic, terms=5)
    report = build_report(comparison, options)
    numbers = [entry.number for entry in report.changes]
    # Every listed change is numbered 1..N in reading order; only cosmetic ones may be hidden.
    listed = [c for c in comparison.changes if c.is_change]
    assert len(numbers) + report.hidden == len(listed) == report.listed
    assert numbers == sorted(numbers) and (hide_cosmetic or numbers == list(range(1, len(listed) + 1)))

    text = render_text(comparison, options=options)
    markdown = render_markdown(comparison, options=options)
    page = render_html(comparison, options=options)
    for number in numbers:
        assert re.search(rf"^\[{number}\] ", text, flags=re.M), number
        assert f"\n#### {number}. " in markdown, number
        assert '<article class="change k-' in page and f'id="c{number}"' in page and f'href="#c{number}"' in page
    assert text.count("\n[") == len(numbers)
    assert markdown.count("\n#### ") == len(numbers)
    assert page.count("<article ") == len(numbers)
    if context == "document":
        # Clauses shown as they are (context, or changes without word edits) appear verbatim.
        shown = html.unescape(page)
        for entry in report.entries:
            if entry.is_context or not entry.change.edits:
                for index in entry.change.new:
                    assert comparison.new.clauses[index].display in shown

    # JSON holds every change, with its kind and clauses.
    document = json.loads(render_json(comparison))
    assert [(c["kind"], c["old"], c["new"]) for c in document["changes"]] == [
        (c.kind.value, list(c.old), list(c.new)) for c in comparison.changes
    ]


@settings(max_examples=25)
@given(pairs)
def test_every_output_parses_and_planted_markup_stays_text(pair: EditedPair) -> None:
    comparison = _comparison(pair)
    page = render_html(comparison)
    document = well_formed(page)
    assert len(document.tags("script")) == 1 and not document.tags("b") and not document.tags("i")
    assert "<script>document" not in page
    fragment = well_formed(comparison._repr_html_())
    assert not fragment.tags("script") and not fragment.tags("b")

    markdown = render_markdown(comparison)
    assert "<script>" not in markdown and "<b>" not in markdown
    rendered = Text(MARKDOWN.render(markdown))
    assert set(rendered.tags) <= _ALLOWED_TAGS
    for planted in PLANTED:
        if any(planted in clause.display for clause in comparison.new.clauses if clause.display):
            assert re.sub(r"\s+", " ", planted) in rendered.text

    for output in (render_text(comparison), render_stat(comparison)):
        assert "\x1b" not in output
        assert all(len(line) <= 80 for line in output.splitlines())
    json.loads(render_json(comparison))
