"""The ``conceptdiff`` command.

``conceptdiff compare OLD NEW`` exits like ``diff``: 0 when the editions have
no changes, 1 when they differ, 2 on error (one line on stderr, never a
traceback; set ``CONCEPTDIFF_DEBUG=1`` to see one).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from conceptdiff import __version__
from conceptdiff.errors import ConceptDiffError, FileReadError

if TYPE_CHECKING:
    from conceptdiff.model import Edition

__all__ = ["main"]


def _write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so that an error
    never leaves a partial report behind."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".conceptdiff-", suffix=".tmp")
    except OSError as error:
        raise FileReadError(f"cannot write: {error.strerror or error}", path=path) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _editions(old: str, new: str, *, encoding: str | None) -> tuple[Edition, Edition]:
    """``Edition.from_path`` of both files, with the language model loading on
    a thread (when a text may need it) while both documents are segmented.

    Language flags are the last step of segmentation (:mod:`conceptdiff.segment`),
    so segmenting without them and flagging afterwards gives the same editions.
    """
    from pathlib import Path

    import attrs

    from conceptdiff import language
    from conceptdiff.model import Edition
    from conceptdiff.options import Options
    from conceptdiff.read import read_path

    unflagged = Options(flag_languages=False)
    editions = []
    for path in (old, new):
        document = read_path(path, encoding=encoding, options=unflagged)
        language.prefetch(document.source)
        editions.append(Edition.from_document(document, label=Path(path).name, options=unflagged))
    first, second = (attrs.evolve(e, clauses=tuple(language.flag_languages(e.clauses))) for e in editions)
    return first, second


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="conceptdiff")
def cli() -> None:
    """Compare editions of long documents clause by clause."""


@cli.command()
@click.argument("old", type=click.Path(dir_okay=True, path_type=str))
@click.argument("new", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default="text",
    show_default=True,
    help="Report format: text (terminal), markdown, html (one standalone file), json.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Write the report to this file (atomically) instead of stdout.",
)
@click.option("--encoding", default=None, help="Encoding of both files (detected when not given).")
@click.option(
    "--all", "show_all", is_flag=True, help="Show the whole document with the changes marked, not only the changes."
)
@click.option(
    "--hide-cosmetic", is_flag=True, help="Leave out changes of punctuation, case, quotes, spacing or spelling only."
)
@click.option("--stat", is_flag=True, help="A one-screen summary instead of the full report (text format).")
@click.option(
    "--terms",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Rows in the table of terms whose use shifted most (0: none).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: when stdout is a terminal and NO_COLOR is unset).",
)
@click.option(
    "--width",
    type=click.IntRange(min=40),
    default=None,
    help="Wrap the text report at this many columns (default: the terminal's width, 80 when piped).",
)
def compare(
    old: str,
    new: str,
    format_: str,
    output: str | None,
    encoding: str | None,
    show_all: bool,
    hide_cosmetic: bool,
    stat: bool,
    terms: int,
    color: bool | None,
    width: int | None,
) -> None:
    """Compare the editions OLD and NEW (files)."""
    if stat and format_ != "text":
        raise click.UsageError(f"--stat is a summary for the terminal; it does not go with --format {format_}")
    if format_ == "json" and (show_all or hide_cosmetic):
        raise click.UsageError("--all and --hide-cosmetic shape human-readable reports; JSON always has every change")
    old_edition, new_edition = _editions(old, new, encoding=encoding)

    from conceptdiff.compare import compare as run_compare

    result = run_compare(old_edition, new_edition)
    if format_ == "json":
        from conceptdiff.render.json import render_json  # not the report model: JSON has everything

        report = render_json(result)
    else:
        from conceptdiff.render import ReportOptions

        options = ReportOptions(context="document" if show_all else "changes", hide_cosmetic=hide_cosmetic, terms=terms)
        if format_ == "markdown":
            from conceptdiff.render.markdown import render_markdown

            report = render_markdown(result, options=options)
        elif format_ == "html":
            from conceptdiff.render.html import render_html

            report = render_html(result, options=options)
        else:
            from conceptdiff.render.text import render_stat, render_text

            terminal = output is None and sys.stdout.isatty()
            if color is None:
                color = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
            if width is None:
                import shutil

                width = max(shutil.get_terminal_size((80, 24)).columns, 40) if terminal else 80
            renderer = render_stat if stat else render_text
            report = renderer(result, options=options, width=width, color=color)
    if output is None:
        click.echo(report, nl=False, color=True if color else None)  # click would strip asked-for colour
    else:
        _write_atomic(output, report)
    sys.exit(1 if result.has_changes else 0)


@cli.command()
@click.argument("pairs", type=click.Path(path_type=str))
@click.option("--jsonl", "output", default="-", show_default=True, help="Write the JSON Lines here ('-': stdout).")
@click.option("--consecutive", is_flag=True, help="PAIRS is a folder of editions of one document: each vs the next.")
@click.option("--summary", is_flag=True, help="Write each pair's counts only, not the whole comparison.")
@click.option(
    "--workers", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: one a CPU)."
)
@click.option(
    "--scheduler", default=None, metavar="ADDRESS", help="Run on this Dask scheduler (needs conceptdiff[dask])."
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: if stderr is a terminal)."
)
def batch(
    pairs: str,
    output: str,
    consecutive: bool,
    summary: bool,
    workers: int | None,
    scheduler: str | None,
    progress: bool | None,
) -> None:
    """Compare many pairs of editions; write one JSON line per pair, in order.

    PAIRS is a list of OLD<TAB>NEW paths, one pair a line (relative to the
    list's folder), or a folder with one sub-folder per pair holding old.* and
    new.* files.  Each line is {"index", "old", "new", "ok", "has_changes",
    "comparison"} (the JSON of `compare --format json`), or {..., "ok": false,
    "error": {"type", "message", "path"}} for a pair that failed.  Exits 0 when
    no pair differs, 1 when some differ, 2 when a pair failed or on error.
    """
    import json

    from conceptdiff.batch import compare_many, read_pairs, result_to_dict

    todo = read_pairs(pairs, consecutive=consecutive)
    results = compare_many(todo, workers=workers, executor=scheduler or "process", progress=progress)
    try:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as error:
        raise FileReadError(f"cannot write: {error.strerror or error}", path=output) from None
    failed = changed = False
    try:
        for result in results:
            old, new = todo[result.index]
            record = {
                "index": result.index,
                "old": str(old),
                "new": str(new),
                **result_to_dict(result, summary=summary),
            }
            out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
            out.flush()
            failed = failed or not result.ok
            changed = changed or bool(record.get("has_changes"))
    finally:
        if out is not sys.stdout:
            out.close()
    sys.exit(2 if failed else 1 if changed else 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="conceptdiff", standalone_mode=False)
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 2
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.ClickException as error:
        click.echo(f"conceptdiff: error: {error.format_message()}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("conceptdiff: aborted", err=True)
        return 2
    except ConceptDiffError as error:
        click.echo(f"conceptdiff: error: {error}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as error:  # never a traceback for users; CONCEPTDIFF_DEBUG shows it
        if os.environ.get("CONCEPTDIFF_DEBUG"):
            raise
        click.echo(f"conceptdiff: internal error: {type(error).__name__}: {error}", err=True)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
