"""The package leans one way: each stage imports only the stages before it.

The pipeline's order (``README.md``, ``conceptdiff/__init__.py``) is
errors → options → model → normalize → read/segment → align → compare →
significance → render → the entry points (cli, batch, testing, strategies,
the pytest plugin).  This test reads every module's imports, the ones inside
functions included, and fails on any import of a later layer, except the few
written down in ``_BACKWARD`` with their reason.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "conceptdiff"

#: Layers, first to last; a module may import its own layer and earlier ones.
_LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "_gc", "_text", "_names"),  # leaves: no conceptdiff import but each other
    ("errors",),
    ("_validators", "options"),
    ("model",),
    ("normalize",),
    ("language",),
    ("load", "read", "segment"),
    ("align", "worddiff"),
    ("_coerce", "compare"),
    ("significance",),
    ("serialize", "render"),
    ("batch", "series", "quotes", "testing", "_generate", "strategies", "pytest_plugin", "cli", "__main__", ""),
)

#: Imports of a later layer, each inside a function, each for a reason.
_BACKWARD: dict[tuple[str, str], str] = {
    # Edition.from_text/from_clauses/from_path/from_document: one call each into the reading stage.
    ("model", "segment"): "the Edition constructors call their stage",
    # Comparison.to_dict/from_dict and the notebook view call their renderers.
    ("model", "serialize"): "Comparison.to_dict and from_dict",
    ("model", "render"): "Comparison._repr_html_ for notebooks",
}


def _layer_of(module: str) -> int:
    """The layer of ``conceptdiff.<module>`` ("" for the package itself)."""
    top = module.split(".")[0]
    for number, names in enumerate(_LAYERS):
        if top in names:
            return number
    raise AssertionError(f"conceptdiff.{module} has no layer: add it to _LAYERS")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(conceptdiff module imported, line, inside a function) for each import
    not under ``if TYPE_CHECKING``."""
    found: list[tuple[str, int, bool]] = []
    package = _module_name(path)
    is_package = path.name == "__init__.py"

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom):
                if child.level:  # relative: resolve against this module's package
                    base = package.split(".") if is_package else package.split(".")[:-1]
                    base = base[: len(base) - (child.level - 1)] if child.level > 1 else base
                    target = ".".join([*base, *([child.module] if child.module else [])])
                    found.append((target, child.lineno, inside))
                elif child.module and (child.module == "conceptdiff" or child.module.startswith("conceptdiff.")):
                    target = child.module.removeprefix("conceptdiff").removeprefix(".")
                    if target == "":  # "from conceptdiff import testing": the submodules named
                        names = [a.name for a in child.names if (PACKAGE / a.name).with_suffix(".py").exists()]
                        found.extend([(name, child.lineno, inside) for name in names] or [("", child.lineno, inside)])
                    else:
                        found.append((target, child.lineno, inside))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("conceptdiff."):
                        found.append((alias.name.removeprefix("conceptdiff."), child.lineno, inside))
            visit(child, inside)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) or "conceptdiff" for p in MODULES])
def test_each_module_imports_only_earlier_stages(path: Path) -> None:
    module = _module_name(path)
    here = _layer_of(module)
    wrong = []
    for target, line, inside in _imports(path):
        if _layer_of(target) <= here:
            continue
        key = (module.split(".")[0], target.split(".")[0])
        if inside and key in _BACKWARD:
            continue
        wrong.append(f"{path.relative_to(ROOT)}:{line} imports conceptdiff.{target} (a later stage)")
    assert not wrong, "\n".join(wrong)


def test_every_backward_import_written_down_is_still_there() -> None:
    used = set()
    for path in MODULES:
        module = _module_name(path).split(".")[0]
        used |= {(module, target.split(".")[0]) for target, _, inside in _imports(path) if inside}
    assert set(_BACKWARD) <= used, f"stale entries: {set(_BACKWARD) - used}"


def test_the_pytest_plugin_imports_only_pytest_at_module_level() -> None:
    tree = ast.parse((PACKAGE / "pytest_plugin.py").read_text(encoding="utf-8"))
    modules = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module != "__future__":
            modules.add(node.module.split(".")[0])
    assert modules <= {"pytest", "sys", "typing"}
    # And loading it leaves the helpers unloaded until a test uses them.
    script = (
        "import conceptdiff.pytest_plugin, sys; print(sorted(m for m in sys.modules if m.startswith('conceptdiff')))"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "conceptdiff.testing" not in loaded and "conceptdiff.significance" not in loaded


def test_import_conceptdiff_stays_light() -> None:
    script = "import conceptdiff, sys; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    )
    heavy = {"hypothesis", "click", "pypdfium2", "trafilatura", "dask", "rich", "markdown_it", "conceptdiff.render"}
    assert not heavy & loaded


def test_only_plain_text_and_html_load_the_boilerplate_rules() -> None:
    # Their patterns take most of the reading rules' import time: Markdown never needs them.
    script = (
        "import sys; from conceptdiff import Edition; loaded = lambda: 'conceptdiff.read._boilerplate' in sys.modules;"
        "Edition.from_text('# Terms\\n\\nThe Licensee may copy the Work.\\n', format='markdown'); print(loaded());"
        "Edition.from_text('Terms\\n\\nThe Licensee may copy the Work.\\n', format='text'); print(loaded())"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert loaded.split() == ["False", "True"]


def test_the_version_is_the_one_pyproject_declares() -> None:
    import conceptdiff

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert conceptdiff.__version__ == declared
