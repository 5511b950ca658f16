"""Coverage-guided fuzz target for the format readers (atheris).

bytes -> ``conceptdiff.read.read_bytes`` with each format the first byte
chooses (text, Markdown, HTML, .docx, PDF) -> ``Edition`` -> ``compare``
with itself.  Only :class:`conceptdiff.ConceptDiffError` is an expected
outcome; any other exception is a finding.  Every character of the input
must still be in a clause or a dropped span: an edition compared with itself
has no change.

Run (see fuzz/README.md)::

    pip install atheris && python fuzz/fuzz_readers.py -max_total_time=60
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from conceptdiff import ConceptDiffError, Options, compare
    from conceptdiff.read import read_bytes
    from conceptdiff.segment import edition_from_document

FORMATS = ("text", "markdown", "html", "docx", "pdf")
OPTIONS = Options(flag_languages=False)


def test_one_input(data: bytes) -> None:
    """One fuzz iteration: raises (a finding) on anything undocumented."""
    if not data:
        return
    format = FORMATS[data[0] % len(FORMATS)]
    try:
        document = read_bytes(data[1:], format=format, name=f"fuzz.{format}", options=OPTIONS)
        edition = edition_from_document(document, options=OPTIONS)
    except ConceptDiffError:
        return
    if compare(edition, edition).has_changes:
        raise AssertionError("an edition compared with itself has changes")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
