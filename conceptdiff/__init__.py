"""conceptdiff: what changed between two editions of a long document, clause by clause.

>>> import conceptdiff
>>> old = conceptdiff.Edition.from_clauses(["1. Members may vote.", "2. Fees are due."])
>>> new = conceptdiff.Edition.from_clauses(["1. Fees are due.", "2. Members shall vote."])
>>> for change in conceptdiff.compare(old, new).changes:
...     print(change.kind.value, change.old, change.new, change.relabeled)
unchanged (1,) (0,) True
moved (0,) (1,) True

The pipeline, one module a stage: :mod:`~conceptdiff.load` (bytes and files to
text), :mod:`~conceptdiff.normalize` (the comparable form),
:mod:`~conceptdiff.segment` (text to clauses), :mod:`~conceptdiff.align`
(clauses to links), :mod:`~conceptdiff.worddiff` (word edits) and the
renderers in :mod:`~conceptdiff.render`.
"""

from typing import TYPE_CHECKING, Any

from conceptdiff._version import __version__ as __version__
from conceptdiff.compare import compare
from conceptdiff.errors import (
    ConceptDiffError,
    ConceptDiffWarning,
    DecodeError,
    FileReadError,
    InputError,
    InputTooLargeError,
    InputTypeError,
    InvalidComparisonError,
    InvalidOptionsError,
    NotTextError,
)
from conceptdiff.model import (
    Change,
    ChangeKind,
    Clause,
    ClauseKind,
    Comparison,
    DroppedSpan,
    Edition,
    EditOp,
    MatchMethod,
    SetAsideChange,
    WordEdit,
)
from conceptdiff.options import Options

if TYPE_CHECKING:
    from conceptdiff.batch import compare_many
    from conceptdiff.quotes import QuoteCheck, QuoteKind, check_quotes
    from conceptdiff.render import ReportOptions
    from conceptdiff.series import History, history
    from conceptdiff.significance import Assessment, Flag, Significance, assess, term_shifts


__all__ = [
    "Assessment",
    "Change",
    "ChangeKind",
    "Clause",
    "ClauseKind",
    "Comparison",
    "ConceptDiffError",
    "ConceptDiffWarning",
    "DecodeError",
    "DroppedSpan",
    "EditOp",
    "Edition",
    "FileReadError",
    "Flag",
    "History",
    "InputError",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidComparisonError",
    "InvalidOptionsError",
    "MatchMethod",
    "NotTextError",
    "Options",
    "QuoteCheck",
    "QuoteKind",
    "ReportOptions",
    "SetAsideChange",
    "Significance",
    "WordEdit",
    "assess",
    "check_quotes",
    "compare",
    "compare_many",
    "history",
    "term_shifts",
]


def __getattr__(name: str) -> Any:
    # compare_many is imported on first use: its executors are not needed by most programs.
    if name == "compare_many":
        from conceptdiff.batch import compare_many

        return compare_many
    if name in _LAZY:  # reports and significance: imported on first use, to keep `import conceptdiff` light
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'conceptdiff' has no attribute {name!r}")


_LAZY = {
    "ReportOptions": "conceptdiff.render",
    "History": "conceptdiff.series",
    "QuoteCheck": "conceptdiff.quotes",
    "QuoteKind": "conceptdiff.quotes",
    "check_quotes": "conceptdiff.quotes",
    "history": "conceptdiff.series",
    **dict.fromkeys(["Assessment", "Flag", "Significance", "assess", "term_shifts"], "conceptdiff.significance"),
}
