"""Real documents against their hand-written clause lists (fixtures/documents/): one regression test
per document and rendering, and the benchmark's subset as CI runs it.

The floors are the precision and recall measured when each reader landed
(``python -m benchmarks.segmentation -v``); a reader change that loses a
clause on any of these documents fails here.  The clause lists were written
by hand from the sources (fixtures/documents/README.md), so a floor below 1
is a known disagreement, listed in the benchmark's verbose output.
"""

from __future__ import annotations

import random

import pytest

from benchmarks import segmentation
from benchmarks.segmentation import load_documents, read, score

# (precision, recall) floors, per document and rendering.
FLOORS: dict[tuple[str, str], tuple[float, float]] = {
    ("debian-python-policy", "html"): (0.99, 1.0),  # the "Index" link under "Indices and tables"
    ("gpl-3.0", "text"): (0.99, 0.98),  # the appendix's sample notice: two lines read as one paragraph
    ("lgpl-2.1", "text"): (0.985, 0.975),  # a copyright address line, the signature block
    ("nodejs-api-documentation", "as-html"): (0.95, 0.95),  # "1.0 - ..." items in a plain <ul>: read as labels
    ("nodejs-api-documentation", "as-pdf"): (0.95, 0.95),  # the same, printed
    ("epl-2.0", "text"): (0.985, 0.975),  # item ii's further paragraph read into the item
    ("epl-2.0", "as-pdf"): (0.985, 0.975),  # two definitions glued: the first one's last line is full
    # "Notwithstanding ..." (a sentence on a line of its own after item 7) read as a paragraph of its
    # own; "ACCEPT" and "BEOPEN ... VERSION 1" read as heading and paragraph the other way round.
    ("python-license", "text"): (0.965, 0.98),
    ("valgrind-gpl", "html"): (0.98, 0.96),  # a program's notice glued to its first line; a signature read as a heading
    ("gnu-time-manual", "html"): (1.0, 0.995),  # the title, repeated by chapter 1's numbered heading, kept once
    ("python-idle-help", "html"): (1.0, 0.995),  # the menu entry "Select All" read as a widget's label
    ("awscli-config-vars", "text"): (1.0, 0.99),  # an item repeated in the next list set aside as a duplicate
    ("nodejs-security-release", "markdown"): (0.99, 0.99),  # an image's alt text, which GitHub shows as no text
    # Protocol layouts (a request's arguments, "=>", its reply's; an encoding's bytes) are code blocks as
    # the lists' authors read them (0.845/0.896 and 0.427/0.736 before). Remains: title-page lines as
    # headings, a field list's table, an encoding whose first line is no byte count.
    ("x11-security-extension", "text"): (0.85, 0.9),
    ("x11-dpms-extension", "text"): (0.87, 0.86),
    # The appendices' sample notices, which the lists' authors wrote as code blocks (as the request to
    # them suggested) and the reader reads as paragraphs, as the gpl-3.0, lgpl-2.1 and valgrind-gpl lists do;
    # a copyright line and the address or web address under it read as one paragraph.
    ("gpl-2.0", "text"): (0.85, 0.94),
    ("gfdl-1.3", "text"): (0.94, 0.96),
    ("gpl-1.0", "text"): (0.81, 0.89),
    # A PDF-to-text extraction of the 2002 US National Security Strategy: a blank line after nearly every
    # line (paragraphs the list's author joined by their sense), section headings and their epigraphs printed
    # after their page's text, a letterhead glued into a sentence.
    ("us-nss-2002", "text"): (0.60, 0.73),
    # The same sample notices, written as code blocks by the lists' authors without being asked to.
    ("gfdl-1.2", "text"): (0.955, 0.97),
    ("lgpl-2.0", "text"): (0.905, 0.975),
    # Examples set at the column of the item's text or of the prose, not deeper ("class Rectangle(Blob):"),
    # read as paragraphs where the list has code blocks.
    ("python-pep8-2005", "text"): (0.935, 0.965),
    # A table whose header is wrapped inside its columns (another laid out with tabs, its columns given by a
    # "---+---" rule, read line by line), a state diagram drawn with box-drawing characters, a path displayed
    # mid-sentence without a colon.
    ("dpkg-triggers", "text"): (0.92, 0.915),
    ("dpkg-rootless-builds", "text"): (0.96, 0.98),  # "(See also ...)" on a line of its own, read apart
    # Texinfo's function definitions broken over two lines (a prototype, its arguments on a hanging
    # line) read as paragraphs where the list has code blocks; a copyright line and its address apart.
    # (A one-line definition's "[Function]" header apart from its description: 0.910/0.927.)
    ("libtasn1-manual", "pdf"): (0.905, 0.92),
    # The "See also" links at the page's end, which the main-text extractor leaves out (a news page's
    # "See also" box is furniture); "LICENSE / LICENCE" read as a breadcrumb; a last line off the topic.
    ("npm-developers-guide", "html"): (1.0, 0.90),
    ("npm-organizations", "html"): (1.0, 0.90),
    # A short line that ends a sentence, then the next sentence without a blank line, read as two
    # paragraphs (the layout model's evidence of a boundary; the list's author joined them).
    ("unzip-copyright", "text"): (0.875, 0.93),
    # A page dumped to text by a tool, no blank line between paragraphs: a paragraph whose last line is
    # full leaves no sign of its end (the list's author went by the sense, and by the policy's source); a
    # definition list's term read apart from its definition; code blocks read as fields, line by line;
    # the page's navigation kept. Its list was written after the rules for such dumps were made on it.
    ("debian-python-policy-text", "text"): (0.875, 0.885),
    # "Section 2(a)" + "(4)" broken at the wrap, which the list's author mended without a space.
    ("cc-by-sa-4.0", "text"): (0.985, 0.985),
    # reStructuredText in a .txt file: the Subversion keyword in the Date field, which a processor shortens to
    # the date; the auto-numbered footnote ("[#]", "[1]" once numbered); copyright lines of a bullet read apart;
    # a paragraph broken at a line that ends a sentence. The Date field is kept whole, keyword and all (the
    # furniture model, which set it aside until 2026-12, is no longer let loose by copyright lines). Its
    # copyright lines, read apart from the line after them, were set aside as a page's footers; a file
    # listing notices keeps them (0.800/0.750 before).
    ("docutils-copying", "text"): (0.69, 0.78),
    # "See below" (before a variable's name set in on its own line) read apart from its sentence.
    ("util-linux-howto-tests", "text"): (0.97, 0.985),
    # Measured once at 0.758/0.833. Remains: an example's caret line under its output, whose tabs the list
    # keeps and the reader expands (two code blocks).
    ("util-linux-howto-compilation", "text"): (0.93, 0.93),
    # Measured once at 0.846/0.913 (lines an extraction broke inside paragraphs read apart). Remains: a
    # bullet's text going on after ";" and a blank line, "failed-" + "state" mended to one word, the
    # table of contents' page footer and two stray file names kept (see NOISE_KEPT).
    ("us-nss-2006", "text"): (0.98, 0.98),
    # Measured once at 0.952/0.937. Remains: "(14) Disclaimer of Warranty:" read apart from the disclaimer
    # under it (the list's author read a run-in title).
    ("npm-license", "text"): (0.965, 0.98),
    # Measured once at 0.653/0.714. Remains: tables without borders (a version history whose cells wrap,
    # bit fields with a table inside a row), field layouts drawn as boxes read as table rows where the
    # list has code, property lists ("Filter ID:  0x21") read as paragraphs where it has two-cell rows, a
    # lead-in glued to its code line.
    ("xz-file-format", "text"): (0.83, 0.8),
    # Measured once at 0.944/0.944. Remains: the answers' first lines read as two paragraphs (a sentence
    # ends a short line), a two-line error message set in read as prose, "application-" + "provided"
    # mended to one word.
    ("zlib-faq", "text"): (0.96, 0.97),
    # Measured once at 0.286/0.291 (its terminal escape sequences and overstrikes read as text). Remains:
    # groff's layout: option lists (an option, its description set in under it), footnotes, commands
    # drawn in boxes of "|" and "_", tables of aligned columns, a page header kept once.
    ("man-db-manual", "text"): (0.82, 0.77),
    # Added 2026-12-07, each measured once with the code of the moment. The Debian Constitution (a text
    # browser's rendering: numbered sections, nested numbered lists), measured at 0.987/0.974. Remains:
    # three items whose title and text the rendering runs on without a blank line, the title's line full.
    ("debian-constitution", "text"): (0.985, 0.97),
    # The machine-readable debian/copyright format 1.0 (a standard, the same rendering), measured at
    # 0.518/0.737: grids ruled with "|----+----|" read as paragraphs of pipes, examples printed at the
    # page's edge under text set in read as fields. Remains: "Example 1." captions (the list's author
    # made "Example 1" a label), two copyright lines and two licence exceptions quoted as examples.
    ("debian-copyright-format", "text"): (0.94, 0.955),
    # The debconf specification (the same rendering), measured at 0.768/0.756 (the same grids and
    # examples). Remains: "Table 1." captions read as labels.
    ("debconf-specification", "text"): (0.965, 0.965),
    # The Filesystem Hierarchy Standard 3.0 (the same rendering), measured at 0.608/0.596: its tables of
    # contents (titles wrapped elsewhere than the headings) and two-column tables under a header read as
    # paragraphs. Remains: tables of one row, a table of three columns with empty cells, footnotes' labels
    # ("^[1]" read as part of the text), a symlink listing read as text.
    ("fhs-3.0", "text"): (0.97, 0.95),
    # Added 2026-12-07 (second session), each measured once with the code of the moment. The Debian Perl
    # Policy (a DocBook manual as a text browser rendered it), measured at 0.857/0.816: six of its
    # sentences set aside as a page's furniture (a bare date in its title block had let the furniture
    # model loose), examples printed at the page's edge under a description or a lead-in ending with a
    # footnote's mark read as prose, a one-entry list of tables kept. Remains: a repeated sentence set
    # aside as a duplicate, a description's last line "($Config{version})." read apart, the title
    # block's date set aside.
    ("perl-policy", "text"): (0.98, 0.97),
    # How to report a bug in Debian (a web page as a text browser dumped it), measured at 0.826/0.901:
    # examples printed straight under the text, no blank line between, read into its paragraphs.
    # Remains: the example mail's prose lines after its fields, one sentence after a field at the margin.
    ("debian-bug-reporting", "text"): (0.95, 0.97),
    # The Debian Menu sub-policy (the Perl Policy's rendering), measured at 1.000/0.995 after the Perl
    # Policy's fixes: the title block's date "2022-12-17" set aside as a dateline (a bare date past the
    # text's opening lines is one a page prints as often).
    ("menu-policy", "text"): (1.0, 0.99),
    # The Debian Linux Manifesto (1994; a framed title, a centred title block, underlined headings),
    # measured at 0.889/0.889: the centred byline "Written by  Ian A. Murdock" set aside as a page's
    # byline; the framed "Appendix" line the list's author had made a label (see its review).
    ("debian-manifesto", "text"): (1.0, 1.0),
    # util-linux's contribution policy (items set in by a tab, commands and options under them),
    # measured at 0.819/0.747: an item's second sentence at its text's column read apart ("one patch
    # per email." + "See Email Format."), a mail's header example set aside as a byline, which let the
    # furniture model drop four of its lines and a heading, commands under an item's lead-in read into
    # it. Remains: branch names and options aligned in columns ("master   - development ...") read as
    # one paragraph or code where the list has items and rows.
    ("util-linux-howto-contribute", "text"): (0.95, 0.9),
    # OpenSSL's HOWTO on certificates, measured at 0.964/0.964: its author's signature read with the
    # "--" delimiter above it.
    ("openssl-howto-certificates", "text"): (1.0, 1.0),
    # Information for Debian's package maintainers on the bug system (a web page as a text browser
    # dumped it), measured at 0.560/0.774, or 0.619/0.774 once its list was brought to the benchmark's
    # convention for definition lists (see its review): the page's own list of links to its sections
    # kept as items, a term's definition set in under it read into it when it opens in lower case.
    # Remains: a definition's second sentence read apart after a short line.
    ("debian-bug-maint-info", "text"): (0.96, 0.98),
    # util-linux's howto on pull requests, measured at 0.488/0.792: read as Markdown (its shell comments
    # among commands counted as "#" headings), commands set between paragraphs at the text's own column
    # read as paragraphs. Remains: a git log's output read as items, a cover letter's lines apart.
    ("util-linux-howto-pull-request", "text"): (0.63, 0.96),
    # The first 330 lines of the Debian Policy's upgrading checklist (Sphinx's text builder), measured
    # at 0.604/0.455: definition lists whose terms are the Policy's section numbers ("3.8", "6.5 & 6.6")
    # read as labelled items ("6.5" + "& 6.6"); now terms of their own, never dates or duplicates.
    # Remains: a wrapped path's hyphen ("/usr/bin/x" + "-window-manager").
    ("upgrading-checklist-excerpt", "text"): (0.99, 0.99),
    ("x11-protocol", "text"): (0.91, 0.98),  # measured once at 0.414/0.977 (its contents read as text)
    ("krb5-copyright", "text"): (0.95, 0.935),  # measured once at 0.967/0.866 (copyright lines set aside)
    ("libjpeg-usage", "text"): (0.93, 0.91),  # measured once at 0.826/0.880
    ("pam-minipolicy", "text"): (0.96, 0.96),  # measured once at 0.784/0.935 (its example's comments read as text)
    ("x11-pm-spec", "text"): (0.74, 0.85),  # measured once at 0.385/0.741 (definitions and encodings as text, rows)
    # measured once at 0.853/0.866; a Tektronix notice the list reads with its paragraph, now kept on its own
    ("libx11-copyright", "text"): (0.87, 0.91),
    ("git-relnotes-2.38", "text"): (1.0, 1.0),  # measured once at 1.000/1.000
    ("libpng-manual", "text"): (0.83, 0.83),  # measured once at 0.766/0.837 (its contents partly kept)
    ("x11-sync", "text"): (0.94, 0.96),  # measured once at 0.787/0.941 (its type definitions as paragraphs)
    ("libc6-copyright", "text"): (0.9, 0.98),  # measured once at 0.908/0.983 (an address set off in a sentence)
    ("mpfr-readme", "text"): (0.95, 0.97),  # measured once at 0.778/0.304 (its list of files read two lines a clause)
    # util-linux's release schedule, measured once at 0.812/0.722 (a table of tabs read as lines). Remains:
    # its underlined "See also" set aside as a page's "see also" box, then its "../README" by the model.
    ("util-linux-release-schedule", "text"): (1.0, 0.885),
    # The rendered documents printed in two justified columns by Chromium (as-pdf-columns), and twelve
    # documents typeset in two columns by groff (as-groff-columns; benchmarks/render_groff.py), 2026-12-07.
    # The reader of the session's start read them at 0.075/0.335 and 0.150/0.451 (every line a clause: the
    # columns read across); the groff ones were measured once at 0.930/0.937 before any rule was made on
    # them; twelve more typeset by pdfLaTeX (as-latex-columns; benchmarks/render_latex.py), measured once at
    # 0.581/0.618 (0.176/0.376 with the session's first reader): TeX's paragraphs told by first-line indents
    # only, its bullet without a Unicode map, its headings' justified spaces, its accents set before their
    # letters. Remains: one-line paragraphs in a short text (too few to show the indent convention),
    # justified headings of two words. In all three: a short line over a long address across a column break
    # read as one paragraph (the address would not have fitted), a justified line of two words read as two
    # pieces, a paragraph ending a column glued to the next one's, a running header that repeats a heading
    # other than the title on the only page that prints it, a word of a compound mended at a line end.
    ("apache-2.0", "as-pdf-columns"): (0.930, 0.880),
    ("cc-by-sa-4.0", "as-groff-columns"): (0.960, 0.970),
    ("cc0-1.0", "as-pdf-columns"): (0.950, 0.950),
    ("dateutil-license", "as-latex-columns"): (0.940, 0.940),  # 0.759 before lists stopped hiding the indents
    ("debian-manifesto", "as-latex-columns"): (0.890, 0.890),
    ("debian-social-contract", "as-groff-columns"): (0.870, 0.940),
    ("epl-2.0", "as-pdf-columns"): (0.970, 0.950),
    ("gfdl-1.3", "as-latex-columns"): (0.970, 0.980),
    ("git-relnotes-2.38", "as-groff-columns"): (0.900, 0.925),
    ("github-privacy-statement-2022-12-15", "as-pdf-columns"): (0.980, 0.970),
    ("gpl-2.0", "as-latex-columns"): (0.925, 0.925),
    ("gpl-3.0", "as-pdf-columns"): (0.985, 0.985),
    ("lgpl-2.1", "as-pdf-columns"): (0.980, 0.970),
    ("libx11-copyright", "as-latex-columns"): (0.820, 0.845),
    ("menu-policy", "as-groff-columns"): (0.975, 0.975),
    ("mpl-1.1", "as-pdf-columns"): (0.970, 0.980),
    ("mpl-2.0", "as-pdf-columns"): (0.970, 0.980),
    ("mypy-license", "as-latex-columns"): (0.890, 0.875),
    ("nodejs-api-documentation", "as-pdf-columns"): (0.935, 0.935),
    ("nodejs-api-intl", "as-pdf-columns"): (0.955, 0.980),
    ("nodejs-governance", "as-groff-columns"): (0.910, 0.975),
    ("nodejs-security-policy", "as-pdf-columns"): (0.985, 0.985),
    ("nodejs-technical-priorities", "as-groff-columns"): (0.965, 0.965),
    ("npm-license", "as-latex-columns"): (0.925, 0.880),
    ("pyenv-code-of-conduct", "as-latex-columns"): (0.925, 0.925),
    ("python-license", "as-pdf-columns"): (0.945, 0.960),
    ("sympy-license", "as-latex-columns"): (0.910, 0.910),
    ("systemd-distro-porting", "as-latex-columns"): (0.930, 0.930),
    ("upgrading-checklist-excerpt", "as-latex-columns"): (0.960, 0.960),
    ("us-nss-2006", "as-groff-columns"): (0.975, 0.980),
    # Measured once at 0.569/0.805 (licences in C block comments read a line an item); remains: the
    # Unicode notice's sentences each on a new line and its (a)/(b) as items, "." bullets, a misaligned star.
    ("icu-72-license", "text"): (0.84, 0.87),
    # Two real LaTeX manuals, measured once at 0.688/0.753 and 0.575/0.714: a contents list whose page numbers
    # stood apart (read as a column of their own), lines holding TeX's "⟨name⟩" (a symbol font's deep box)
    # taken for a line and a half down, footnotes cut after their first line, a definition's term run into
    # the listing above it, a description's "(default: ...)" set flush right on its term's line (read as a
    # right column). Remains: listings with metavariables in italic read as prose, a list of commands
    # (\RequireLuaTeX, ...) read as one listing, "user-documented" broken at its hyphen read as one word.
    ("iftex-manual", "pdf"): (0.96, 0.80),
    ("texdoc-manual", "pdf"): (0.91, 0.92),
    # Two more TeX manuals, measured once (after the rules above): hyph-utf8's (ConTeXt) 0.428/0.608 and
    # MakeIndex's (LaTeX 2.09) 0.423/0.476. hyph-utf8's misses are all its list of languages (154 of its
    # 204 clauses): a three-column table set twice side by side, read cell by cell across the page.
    # MakeIndex's: a bullet's deep box and the LaTeX logo's lowered "E" joined or parted lines, a
    # footnote's second line at the margin was cut off (all three mended); remain its nine example
    # displays (\index commands beside the index they make, read as paragraphs) and its error
    # messages' titles set in typewriter (read as code).
    ("hyph-utf8-manual", "pdf"): (0.42, 0.60),
    ("makeindex-manual", "pdf"): (0.49, 0.53),
}
# Noise strings the reading keeps, where the clause list's author judged otherwise.
NOISE_KEPT = {
    ("debian-python-policy", "html"): 1,  # the "Index" link ("Indices and tables" is off-topic)
    ("us-nss-2002", "text"): 3,  # page footers glued inside lines ("... and National Security Strategy 29 ix. ...")
    ("dpkg-triggers", "text"): 11,  # the table's rules and the diagram's lines, read into paragraphs
    ("debian-python-policy-text", "text"): 2,  # the note on the HTML version, the "Navigation" line
    ("us-nss-2006", "text"): 3,  # the contents page's footer, the extraction's "NSC A.pdf" and "NSS B.pdf"
    ("man-db-manual", "text"): 1,  # the page header on the title page, kept as its title's line (see FLOORS)
    ("docutils-copying", "text"): 1,  # the Date field's Subversion keyword, kept with its field (see FLOORS)
    # groff's running header on the one page that prints it, repeating a heading that is not the title
    ("debian-social-contract", "as-groff-columns"): 1,
    ("icu-72-license", "text"): 4,  # the four "----COPYING.* BEGIN/END----" marker lines, kept as paragraphs
}
# Clauses holding what the score takes for markup: the sample notices' "<year>" and "<name of author>",
# read as paragraphs where the lists have code blocks (see FLOORS).
MARKUP_KEPT = {("gpl-2.0", "text"): 3, ("gpl-1.0", "text"): 3, ("lgpl-2.0", "text"): 3}
# The manual's placeholders ("<sec>", "<name>") the score takes for tags, in clauses the list reads otherwise
# (groff's boxed commands, its option lists: see FLOORS).
MARKUP_KEPT[("man-db-manual", "text")] = 9
MARKUP_KEPT[("fhs-3.0", "text")] = 2  # the standard's placeholders ("/lib<qual>") the score takes for tags
DOCUMENTS = load_documents()
CASES = [(document, rendering, path) for document in DOCUMENTS for rendering, path in document.files]


def test_the_benchmark_has_fifteen_documents_in_five_formats() -> None:
    formats = {rendering.removeprefix("as-") for _, rendering, _ in CASES}
    assert len(DOCUMENTS) >= 15
    assert {"text", "markdown", "html", "pdf", "docx"} <= formats


@pytest.mark.parametrize(
    ("document", "rendering", "path"),
    CASES,
    ids=[f"{document.name}/{rendering}" for document, rendering, _ in CASES],
)
def test_document_reads_as_its_hand_written_clause_list(document: object, rendering: str, path: object) -> None:
    truth = document.truth  # type: ignore[attr-defined]
    reading = read(path)  # type: ignore[arg-type]
    result = score(truth, reading, document.noise.get(rendering, ()))  # type: ignore[attr-defined]
    floor_p, floor_r = FLOORS.get((document.name, rendering), (1.0, 1.0))  # type: ignore[attr-defined]
    assert result.precision >= floor_p and result.recall >= floor_r, (result.precision, result.recall)
    assert reading.audit_ok, "every character of the source in exactly one clause or dropped span"
    assert result.empty == 0 and result.markup <= MARKUP_KEPT.get((document.name, rendering), 0)  # type: ignore[attr-defined]
    assert result.noise_kept <= NOISE_KEPT.get((document.name, rendering), 0)  # type: ignore[attr-defined]


def test_the_score_tells_a_sentence_cut_mid_way_from_a_paragraph_cut_at_a_sentence_end() -> None:
    paragraph = "You must license the entire work under this License. It applies to the whole work."
    truth = [segmentation.TrueClause("paragraph", None, paragraph)]

    def scored(*pieces: str) -> segmentation.Score:
        clauses = tuple(segmentation.TrueClause("paragraph", None, piece) for piece in pieces)
        return score(truth, segmentation.Reading(clauses, True, 0.0, 0), ())

    at_a_wrap = scored("You must license the entire work under this", "License. It applies to the whole work.")
    at_a_sentence_end = scored("You must license the entire work under this License.", "It applies to the whole work.")
    assert (at_a_wrap.cut, at_a_wrap.mid_sentence) == (2, 1)  # one sentence cut: counted once, at its first piece
    assert (at_a_sentence_end.cut, at_a_sentence_end.mid_sentence) == (2, 0)
    assert scored(paragraph).cut == scored(paragraph).mid_sentence == 0


def test_the_benchmark_subset_runs_and_meets_its_goals() -> None:
    documents = load_documents(segmentation.SUBSET)
    totals = segmentation.run(documents, seeds=1)
    table = segmentation.table(totals)
    assert "| scraped |" in table and "| as-pdf |" in table
    for rendering, result in totals.items():
        assert result.audit_failures == 0 and result.empty == 0, rendering
        assert result.precision >= 0.95 and result.recall >= 0.95, (rendering, result.precision, result.recall)
        # The goal is 2 %.  Boilerplate written by someone who never saw the rules nor
        # trained the furniture model is kept far more often (the blind vocabularies: 27.3 %
        # over all documents), the lines the rules were shown or the model trained on less
        # (2.4 % and 12.4 %): floors that catch a regression, not the goal (docs/reading.md).
        allowed = {
            "scraped, blind noise": 0.45,
            "scraped, held-out noise": 0.3,
            "scraped, written noise": 0.1,
        }.get(rendering, 0.02)
        assert result.noise_kept <= allowed * max(1, result.noise_total), rendering


@pytest.mark.parametrize("seed", range(3))
def test_a_copyright_files_fields_copied_from_a_web_page_are_its_own(seed: int) -> None:
    # A page's copy of a Debian copyright file: each field its own paragraph, a dateline
    # and the title above them.  "Copyright:" recurs in every stanza, so the fields are
    # the file's; no field stands alone as a page's furniture line would.
    (document,) = load_documents(["libopus-copyright"])
    text, truth, _ = segmentation.render_scraped(document.truth, random.Random(f"libopus-copyright/scraped/{seed}"))
    fields = [c.text for c in truth if c.text.startswith("Copyright: ")]
    kept = {c.text for c in read(text=text).clauses}
    assert len(fields) >= 15 and [f for f in fields if f not in kept] == []


@pytest.mark.parametrize("name", ["lgpl-2.0", "gfdl-1.2"])
def test_a_gnu_licences_notice_copied_from_a_web_page_is_its_own(name: str) -> None:
    # "Copyright (C) 1991 Free Software Foundation, Inc. ..." then "Everyone is permitted to copy ...":
    # the licence's notice, not the page's copyright footer, wherever the page puts it.
    (document,) = load_documents([name])
    notice = next(c.text for c in document.truth if c.text.startswith("Copyright (C)"))
    for seed in range(4):
        text, _, _ = segmentation.render_scraped(document.truth, random.Random(f"{name}/scraped/{seed}"))
        assert notice in {c.text for c in read(text=text).clauses}, seed
