"""The example project in examples/external-project, set up as a new user would.

A fresh virtual environment, ``pip install`` of this checkout, ``pip install -e
'.[test]'`` of the example, then its tests (which pass) and its failure demo
(whose messages must read well).  It takes 20-40 s and needs the package index
(or a wheel cache) for conceptdiff's dependencies: deselect it with
``-m "not slow"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "external-project"
BIN = "Scripts" if os.name == "nt" else "bin"


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """A venv with conceptdiff and the example project installed; the project's folder."""
    base = tmp_path_factory.mktemp("external")
    # What an sdist of the checkout holds, copied so the build does not write into the working tree.
    source = base / "conceptdiff-src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "conceptdiff", source / "conceptdiff", ignore=shutil.ignore_patterns("__pycache__"))
    project = base / "policy-publisher"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", ".venv", "*.egg-info", "build"))

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS", "VIRTUAL_ENV", "CI")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    environment = base / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = str(environment / BIN / "python")
    for what in ([str(source)], ["-e", ".[test]"]):
        done = run([python, "-m", "pip", "install", "--quiet", *what], cwd=project, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    return environment, project, env


def test_the_example_projects_tests_pass(installed: tuple[Path, Path, dict[str, str]]) -> None:
    environment, project, env = installed
    before = sorted(p.relative_to(project) for p in project.rglob("*") if "__pycache__" not in p.parts)
    done = run([str(environment / BIN / "pytest")], cwd=project, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "plugins: conceptdiff-" in done.stdout  # loaded through the pytest11 entry point
    assert re.search(r"\b7 passed\b", done.stdout), done.stdout
    after = sorted(p.relative_to(project) for p in project.rglob("*") if "__pycache__" not in p.parts)
    assert [p for p in after if p not in before and ".hypothesis" not in p.parts] == []  # no snapshot written


def test_the_example_projects_failures_read_well(installed: tuple[Path, Path, dict[str, str]]) -> None:
    environment, project, env = installed
    done = run([str(environment / BIN / "pytest"), "failures"], cwd=project, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert re.search(r"\b4 failed\b", out), out
    expected = [
        # assert_same_content: what changed, word by word, and what was allowed
        "E       conceptdiff.testing.ContentMismatchError: 2 changes not allowed (2 rewordings) "
        "between old (12 clauses) and new (12 clauses)",
        "E         ~ reworded  old #4 (3) -> new #4 (3) [rewording]: Members [-may-]{+must+} vote at the general",
        "E       allowed: cosmetic",
        # Edition == Edition through the plugin
        "E       assert Edition(2 clauses) == Edition(3 clauses)",
        "E         1 clause-level change (conceptdiff):",
        "E           + added     new #2 (7) [addition]: A register is kept.",
        # assert_changes
        "E       conceptdiff.testing.ChangesMismatchError: 1 change not expected",
        "E         unexpected: ~ reworded  old #11 (8) -> new #12 (9) [rewording, renumbering]: "
        "… enters into force on 1 January [-2023-]{+2024+}.",
        # the summary snapshot, as a unified diff
        "E       -counts: 8 unchanged, 2 reworded, 1 moved, 1 added, 4 renumbered",
        "E       +counts: 7 unchanged, 3 reworded, 1 moved, 1 added, 4 renumbered",
        "E       +~ reworded  old #5 (4) -> new #5 (4): … the general assembly and is due by 31 [-March-]{+May+}.",
    ]
    lines = out.splitlines()
    for wanted in expected:
        assert any(line.startswith(wanted) for line in lines), f"{wanted!r} not in:\n{out}"
    # The failures point at the tests, not into conceptdiff's code.
    assert "site-packages/conceptdiff" not in out
    assert all(len(line) <= 250 for line in lines if line.startswith("E ")), out
