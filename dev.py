#!/usr/bin/env python3
"""Set everything up and run a job, on a machine that has only Python 3.11+.

    python3 dev.py demo    # a real comparison of two bundled editions, printed
    python3 dev.py test    # lint, type-check and the whole test suite
    python3 dev.py ruff …  # the venv's ruff (what the pre-commit hooks run)

It creates ``.venv`` beside this file (once; again when pyproject.toml
changes), installs conceptdiff into it with what the job needs, and runs the
job with that venv's Python.  Extra arguments go to the job (``dev.py test -k
align``; ``dev.py demo OLD NEW``).

``demo`` installs conceptdiff alone.  ``test`` installs it with every reading
extra and the ``dev`` dependency group of pyproject.toml (PEP 735: pytest,
ruff, mypy, the docs tools, pre-commit ...), which pip reads from 25.1 on: it
first upgrades the venv's pip to that (``pip install "pip>=25.1"``), then runs
``pip install -e ".[all]" --group pyproject.toml:dev``.  See CONTRIBUTING.md.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


#: pip reads dependency groups (``--group``) from 25.1 on.
PIP_WITH_GROUPS = "pip>=25.1"


def ensure_venv(extras: str = "", groups: tuple[str, ...] = ()) -> None:
    """Install conceptdiff with ``extras`` and the dependency ``groups`` into .venv,
    unless this install of this pyproject.toml is already there (a stamp file
    per pyproject.toml digest and install)."""
    if not PYTHON.exists():
        print(f"dev.py: creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    what = extras + "".join(f"+{group}" for group in groups)
    stamp = VENV / f".installed-{digest}{what}"
    if stamp.exists() or (not what and any(VENV.glob(f".installed-{digest}*"))):
        return  # every install holds conceptdiff itself: the plain one is a subset of any other
    print(f"dev.py: installing conceptdiff{what} into {VENV}", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", *([] if os.environ.get("CI") else ["--quiet"])]
    pip.append("--disable-pip-version-check")
    if groups:
        subprocess.run([*pip, PIP_WITH_GROUPS], check=True)
    command = [*pip, "-e", f"{ROOT}{extras}"]
    for group in groups:  # "path:group", so that dev.py may be run from any folder
        command += ["--group", f"{ROOT / 'pyproject.toml'}:{group}"]
    subprocess.run(command, check=True)
    for old in VENV.glob(".installed-*"):
        if not old.name.startswith(f".installed-{digest}"):
            old.unlink()
    stamp.touch()


def run(*command: str) -> int:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=ROOT).returncode


def demo(args: list[str]) -> int:
    ensure_venv("")
    old, new = args[:2] if len(args) >= 2 else ("fixtures/corpus/eupl-1.1.en.txt", "fixtures/corpus/eupl-1.2.en.txt")
    status = run(str(PYTHON), "-m", "conceptdiff", "compare", old, new, *args[2:])
    return 0 if status in (0, 1) else status  # 1 only says the editions differ


def ensure_chromium() -> None:
    """Install Debian's chromium for the HTML report's browser test when it is
    missing and we may (root, apt-get); idempotent.  When it cannot be
    installed the test is skipped with its reason (under CI=true it fails)."""
    if Path("/usr/bin/chromium").exists() or os.name != "posix" or os.geteuid() != 0:
        return
    if not Path("/usr/bin/apt-get").exists():
        return
    print("dev.py: installing Debian's chromium for tests/test_render_browser.py", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        if subprocess.run(command, env=env, stdin=subprocess.DEVNULL).returncode:
            print(f"dev.py: {' '.join(command)} failed; the browser test will say so", flush=True)
            return


#: What ruff lints and formats, mypy type-checks (pyproject.toml's [tool.mypy] files) and
#: the pre-commit hooks look at: every Python file of the project but the docs' and examples'.
PYTHON_PATHS = ("conceptdiff", "tests", "benchmarks", "fuzz", "dev.py")


def test(args: list[str]) -> int:
    ensure_venv("[all]", ("dev",))
    for command in (
        [str(PYTHON), "-m", "ruff", "check", *PYTHON_PATHS],
        [str(PYTHON), "-m", "ruff", "format", "--check", *PYTHON_PATHS],
        [str(PYTHON), "-m", "mypy"],  # strict, over the files pyproject.toml names
        [str(PYTHON), "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
    ):
        status = run(*command)
        if status:
            return status
    ensure_chromium()
    return run(str(PYTHON), "-m", "pytest", *args)


def ruff(args: list[str]) -> int:
    """The venv's ruff, for the pre-commit hooks (.pre-commit-config.yaml): the same
    ruff as ``dev.py test``, whether or not the venv is activated."""
    ensure_venv("[all]", ("dev",))
    return run(str(PYTHON), "-m", "ruff", *args)


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script is what tells users of older Pythons
        print(f"conceptdiff needs Python 3.11 or newer (this is {sys.version.split()[0]})")
        return 2
    jobs = {"demo": demo, "test": test, "ruff": ruff}
    if len(sys.argv) < 2 or sys.argv[1] not in jobs:
        print(__doc__)
        return 2
    return jobs[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
