"""The conceptdiff pytest plugin: clause-level assertion messages, edition fixtures, summary snapshots.

Installed with conceptdiff and loaded by pytest through the ``pytest11`` entry
point (``conceptdiff = "conceptdiff.pytest_plugin"``); nothing to configure.
Disable it with ``-p no:conceptdiff``.

* ``assert old == new`` on two :class:`~conceptdiff.Edition` objects explains
  a failure clause by clause (``-v`` shows up to 50 changes, ``-vv`` all;
  pytest itself cuts long explanations to 8 lines unless ``-vv`` or on CI).
* The ``edition`` fixture reads editions from paths relative to the test
  file: ``edition("data/2023.txt")``.
* The ``summary_snapshot`` fixture checks a comparison's
  :func:`~conceptdiff.testing.change_summary` against
  ``snapshots/<test module>/<test name>.txt`` beside the test file;
  ``pytest --conceptdiff-update`` writes the snapshots instead of failing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conceptdiff.testing import EditionLoader, SummarySnapshot

# Only pytest is imported here: the plugin is loaded into every pytest run of
# every project that has conceptdiff installed, most of which never compare an
# edition.  conceptdiff.testing (and what it needs) is imported on first use.

__all__ = [
    "edition",
    "pytest_addoption",
    "pytest_assertrepr_compare",
    "pytest_configure",
    "pytest_unconfigure",
    "summary_snapshot",
]

_PREVIOUS_UPDATE = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("conceptdiff", "conceptdiff: comparing document editions")
    group.addoption(
        "--conceptdiff-update",
        action="store_true",
        default=False,
        help="write change-summary snapshots (summary_snapshot, assert_summary_matches) instead of failing on them",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("conceptdiff_update", default=False):
        from conceptdiff import testing

        config.stash[_PREVIOUS_UPDATE] = testing._update_from_plugin
        testing._update_from_plugin = True


def pytest_unconfigure(config: pytest.Config) -> None:
    # Restored rather than cleared: pytest can run inside pytest (pytester).
    if _PREVIOUS_UPDATE in config.stash:
        from conceptdiff import testing

        testing._update_from_plugin = config.stash[_PREVIOUS_UPDATE]


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: object, right: object) -> list[str] | None:
    """Explain a failed ``assert left == right`` between two editions, clause by clause."""
    model = sys.modules.get("conceptdiff.model")  # not imported: no edition exists, nothing to explain
    if op != "==" or model is None or not isinstance(left, model.Edition) or not isinstance(right, model.Edition):
        return None
    from conceptdiff.testing import explain_edition_inequality

    verbosity = config.get_verbosity()
    limit = 10 if verbosity <= 0 else 50 if verbosity == 1 else None
    return explain_edition_inequality(left, right, limit=limit)


@pytest.fixture
def edition(request: pytest.FixtureRequest) -> EditionLoader:
    """Read an edition from a path relative to the test file's directory.

    ``edition("data/v1.txt", label=None, encoding=None, options=None)`` is
    :meth:`Edition.from_path` on ``<test dir>/data/v1.txt``; absolute paths
    are used as they are.
    """
    from conceptdiff.testing import EditionLoader

    return EditionLoader(request.path.parent)


@pytest.fixture
def summary_snapshot(request: pytest.FixtureRequest) -> SummarySnapshot:
    """Check the change summary of two editions against a committed snapshot.

    ``summary_snapshot(old, new, name=None, options=None)`` compares with
    ``snapshots/<test module>/<test name>[-<name>].txt`` beside the test file
    (a test in a class is named ``<Class>.<test>``)
    and returns the :class:`~conceptdiff.Comparison`.
    """
    from conceptdiff.testing import SummarySnapshot

    update = True if request.config.getoption("conceptdiff_update", default=False) else None
    directory = request.path.parent / "snapshots" / request.path.stem
    # "TestPolicy::test_x[a]" -> "TestPolicy.test_x[a]": same-named methods of two classes stay apart.
    name = ".".join(request.node.nodeid.split("::")[1:]) or request.node.name
    return SummarySnapshot(directory, name, update=update)
