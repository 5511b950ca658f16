"""Coverage-guided fuzz target for the text pipeline (atheris).

bytes -> ``conceptdiff.load.decode`` -> ``Edition.from_text`` -> ``compare``
-> every renderer.  Only :class:`conceptdiff.ConceptDiffError` is an expected
outcome; any other exception is a finding.  Each input is split in two at the
first ``\\xff\\xfe`` pair (old and new edition); the rendered JSON must load and
the comparison must rebuild the new edition's texts from the old.

Run (see fuzz/README.md)::

    pip install atheris && python fuzz/fuzz_pipeline.py -max_total_time=60
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    from conceptdiff import ConceptDiffError, Edition, compare
    from conceptdiff.load import decode
    from conceptdiff.render import FORMATS, render

SEPARATOR = b"\xff\xfe"


def _edition(data: bytes) -> Edition | None:
    try:
        text = decode(data, path="fuzz.txt")
        return Edition.from_text(text)
    except ConceptDiffError:
        return None


def test_one_input(data: bytes) -> None:
    """One fuzz iteration: raises (a finding) on anything undocumented."""
    old_bytes, _, new_bytes = data.partition(SEPARATOR)
    old, new = _edition(old_bytes), _edition(new_bytes)
    if old is None or new is None:
        return
    result = compare(old, new)
    if result.apply(old.texts) != new.texts:
        raise AssertionError("the comparison does not rebuild the new edition")
    for fmt in FORMATS:
        out = render(result, fmt)
        if fmt == "json":
            json.loads(out)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
