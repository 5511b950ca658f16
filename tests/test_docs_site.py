"""The documentation site: it builds in strict mode, its references are generated, its pages tell the truth.

The build needs the `docs` tools (mkdocs, mkdocstrings[python], mkdocs-click); without them the
build tests are skipped, except under CI=true, where a missing tool is a failure.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

DOCS = ROOT / "docs"
#: The pages written for the site whose examples print what the page shows after them.
PAGES_WITH_OUTPUT = [
    "getting-started.md",
    "concepts.md",
    "schemas.md",
    "how-to/web-pages.md",
    "how-to/pdf-extracts.md",
    "how-to/scraped-article.md",
    "how-to/pytest.md",
    "how-to/dask-corpus.md",
    "how-to/history.md",
]
#: A ```python block, and the ```text block right after it: what the example prints.
EXAMPLE = re.compile(r"```python\n(.*?)```\n(?:\n```text\n(.*?)```\n)?", re.S)
#: A ```sh block holding one `conceptdiff` command, and the ```text block right after it: its output.
COMMAND = re.compile(r"```sh\n(conceptdiff [^\n]*)\n```\n\n```text\n(.*?)```\n", re.S)
TOOLS = ["mkdocs", "mkdocstrings", "mkdocstrings_handlers.python", "mkdocs_click"]


def _missing_tools() -> list[str]:
    return [name for name in TOOLS if importlib.util.find_spec(name.split(".")[0]) is None or _absent(name)]


def _absent(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except ModuleNotFoundError:
        return True


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with `mkdocs build --strict` into a temporary folder."""
    missing = _missing_tools()
    if missing:
        message = f"the docs tools are not installed ({', '.join(missing)}): pip install -e '.[docs]'"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, f"mkdocs build --strict failed:\n{built.stderr}"
    return out


def test_the_site_builds_in_strict_mode_with_every_page(site: Path) -> None:
    for page in ["getting-started", "concepts", "case-study", "schemas", "how-to/pdf-extracts", "reference/model"]:
        assert (site / page / "index.html").is_file(), page
    for schema in (DOCS / "schema").glob("*.json"):
        assert (site / "schema" / schema.name).read_bytes() == schema.read_bytes()


def test_the_api_reference_is_generated_from_the_docstrings(site: Path) -> None:
    compare_page = (site / "reference" / "compare" / "index.html").read_text(encoding="utf-8")
    assert 'id="conceptdiff.compare.compare"' in compare_page
    assert "Compare two editions clause by clause." in compare_page  # compare's docstring
    model_page = (site / "reference" / "model" / "index.html").read_text(encoding="utf-8")
    for name in ["Edition", "Clause", "Change", "ChangeKind", "Comparison", "SetAsideChange"]:
        assert f'id="conceptdiff.model.{name}"' in model_page, name
    # A reST role of a docstring became a link to its entry: compare's `:class:`Edition``.
    assert re.search(r'<a [^>]*href="[^"]*model/#conceptdiff\.model\.Edition"', compare_page)
    entries = {
        "series": "conceptdiff.series.history",
        "quotes": "conceptdiff.quotes.check_quotes",
        "batch": "conceptdiff.batch.compare_many",
        "testing": "conceptdiff.testing.assert_same_content",
        "strategies": "conceptdiff.strategies.edited_pairs",
        "options": "conceptdiff.options.Options",
        "errors": "conceptdiff.errors.ConceptDiffError",
        "read": "conceptdiff.read.read_path",
        "render": "conceptdiff.render.render_markdown",
        "significance": "conceptdiff.significance.assess",
    }
    for page, name in entries.items():
        assert f'id="{name}"' in (site / "reference" / page / "index.html").read_text(encoding="utf-8"), name


def test_the_cli_reference_is_generated_from_the_command(site: Path) -> None:
    page = (site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    for command in ["compare", "history", "blame", "quotes", "batch"]:
        assert f'id="conceptdiff-{command}"' in page, command
        assert f"conceptdiff {command} [OPTIONS]" in page, command
    assert "--ignore" in page and "--scheduler" in page  # options of compare and batch
    assert "OLD&lt;TAB&gt;NEW" in page  # a placeholder of the help text is shown, not dropped as a tag


def test_the_api_overview_links_every_exported_name() -> None:
    import conceptdiff

    overview = (DOCS / "reference" / "index.md").read_text(encoding="utf-8")
    missing = [name for name in conceptdiff.__all__ if f"[`{name}`][" not in overview]
    assert not missing, f"docs/reference/index.md does not list {missing}"


def test_the_case_study_is_what_the_code_gives_today() -> None:
    spec = importlib.util.spec_from_file_location("gen_case_study", DOCS / "gen_case_study.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    committed = (DOCS / "case-study.md").read_text(encoding="utf-8")
    assert generator.build() == committed, "docs/case-study.md is stale: run `python docs/gen_case_study.py`"


@pytest.mark.parametrize("page", PAGES_WITH_OUTPUT)
def test_the_examples_print_what_the_page_shows(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    examples = EXAMPLE.findall(text)
    assert examples, f"docs/{page} has no example"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs/{page}"}
    for number, (code, shown) in enumerate(examples, 1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"docs/{page} example {number}", "exec"), namespace)
        if shown:
            assert printed.getvalue() == shown, f"docs/{page} example {number} printed something else"


@pytest.mark.parametrize("page", ["getting-started.md"])
def test_the_commands_print_what_the_page_shows(page: str) -> None:
    commands = COMMAND.findall((DOCS / page).read_text(encoding="utf-8"))
    assert commands
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "FORCE_COLOR"}} | {"NO_COLOR": "1"}
    for command, shown in commands:
        ran = subprocess.run(
            [sys.executable, "-m", "conceptdiff", *shlex.split(command)[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert ran.returncode in (0, 1), ran.stderr
        assert ran.stdout == shown, f"docs/{page}: `{command}` prints something else"
