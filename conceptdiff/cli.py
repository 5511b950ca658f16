"""The ``conceptdiff`` command.

``conceptdiff compare OLD NEW`` exits like ``diff``: 0 when the editions have
no changes, 1 when they differ, 2 on error (one line on stderr, never a
traceback; set ``CONCEPTDIFF_DEBUG=1`` to see one).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO, TypeVar

import click

from conceptdiff import __version__
from conceptdiff._names import escape_name
from conceptdiff.errors import ConceptDiffError, ConceptDiffWarning, FileReadError

if TYPE_CHECKING:
    from conceptdiff.model import Edition
    from conceptdiff.options import Options
    from conceptdiff.series import History

__all__ = ["main"]


def _write_atomic(path: str, text: str) -> None:
    """Write the report ``text`` (UTF-8) to ``path``.

    A regular file is written through a temporary file in its folder and
    renamed over it, so that an error never leaves a partial report behind.
    It keeps its permission bits (and its owner and group where the system
    allows); a new file gets ``0o666`` less the umask, as a shell's ``>``
    would give it.  A symbolic link is followed: the file it points to gets
    the report and the link stays (a loop of links is refused).  A path that
    is not a regular file (``/dev/stdout``, ``/dev/null``, a named pipe) is
    written to as it is, never replaced.
    """
    data = text.encode("utf-8")
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        target = os.path.realpath(path)  # a new file (or a link to one)
    except OSError as error:
        raise _write_error(error, path) from None
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise _write_error(error, path) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise FileReadError("cannot write: is a directory", path=path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_through(target, data, path=path)
        return
    directory = os.path.dirname(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temporary = os.path.join(directory, f".conceptdiff-{secrets.token_hex(8)}.tmp")
        try:
            handle = os.open(temporary, flags, 0o666)  # the umask applies, as for any new file
            break
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
        except OSError as error:
            raise _write_error(error, path, folder=True) from None
    try:
        with os.fdopen(handle, "wb") as out:
            if existing is not None:
                if hasattr(os, "fchown") and (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
                    with contextlib.suppress(OSError):  # only root may give a file away
                        os.fchown(out.fileno(), existing.st_uid, existing.st_gid)
                os.chmod(out.fileno(), stat.S_IMODE(existing.st_mode))
            out.write(data)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _write_error(error, path) from None
        raise


def _write_through(target: str, data: bytes, *, path: str) -> None:
    """Write to a device or a pipe in place (a pipe without a reader is refused, not waited on)."""
    try:
        handle = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise FileReadError("cannot write: a named pipe that nothing reads", path=path) from None
        raise _write_error(error, path) from None
    try:
        os.set_blocking(handle, True)
        with os.fdopen(handle, "wb", closefd=False) as out:
            out.write(data)
    except OSError as error:
        raise _write_error(error, path) from None
    finally:
        os.close(handle)


def _write_error(error: OSError, path: str, *, folder: bool = False) -> FileReadError:
    """The one-line error for a report that cannot be written to ``path``."""
    if folder and isinstance(error, FileNotFoundError):
        reason = "no such folder"
    elif isinstance(error, PermissionError):
        reason = "permission denied"
    elif isinstance(error, IsADirectoryError):
        reason = "is a directory"
    else:
        reason = (error.strerror or str(error)).lower()
    return FileReadError(f"cannot write: {reason}", path=path)


def _editions(old: str, new: str, *, encoding: str | None, options: Options) -> tuple[Edition, Edition]:
    """``Edition.from_path`` of both files, with the language model loading on
    a thread (when a text may need it) while both documents are segmented.

    Language flags are the last step of segmentation (:mod:`conceptdiff.segment`),
    so segmenting without them and flagging afterwards gives the same editions.
    """
    import attrs

    from conceptdiff import language
    from conceptdiff._names import label_from_path
    from conceptdiff.model import Edition
    from conceptdiff.read import read_path

    unflagged = attrs.evolve(options, flag_languages=False)
    editions = []
    for path in (old, new):
        document = read_path(path, encoding=encoding, options=unflagged)
        language.prefetch(document.source)
        editions.append(Edition.from_document(document, label=label_from_path(path), options=unflagged))
    first, second = (attrs.evolve(e, clauses=tuple(language.flag_languages(e.clauses))) for e in editions)
    return first, second


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="conceptdiff")
def cli() -> None:
    """Compare editions of long documents clause by clause."""


# The options every report-writing command shares.
_FORMAT = click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default="text",
    show_default=True,
    help="Report format: text (terminal), markdown, html (one standalone file), json.",
)
_OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Write the report to this file (atomically) instead of stdout.",
)


@cli.command()
@click.argument("old", type=click.Path(dir_okay=True, path_type=str))
@click.argument("new", type=click.Path(dir_okay=True, path_type=str))
@_FORMAT
@_OUTPUT
@click.option("--encoding", default=None, help="Encoding of both files (detected when not given).")
@click.option(
    "--all", "show_all", is_flag=True, help="Show the whole document with the changes marked, not only the changes."
)
@click.option(
    "--hide-cosmetic",
    is_flag=True,
    help="Leave out of the report changes of punctuation, case, quotes, spacing or spelling only "
    "(they still count for the exit status; --ignore cosmetic does both).",
)
@click.option(
    "--ignore",
    "ignore",
    default="",
    metavar="KINDS",
    help="Kinds of difference that are not changes, for the report and the exit status (comma-separated): "
    "cosmetic, renumbering, links, move, split, merge, rewording, addition, removal, set-aside.",
)
@click.option(
    "--keep",
    "keep",
    default="",
    metavar="WHAT",
    help="Keep as clauses what the reader sets aside (comma-separated): boilerplate, duplicates, furniture.",
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
    ignore: str,
    keep: str,
    stat: bool,
    terms: int,
    color: bool | None,
    width: int | None,
) -> None:
    """Compare the editions OLD and NEW (files).

    Exits 0 when they do not differ, 1 when they do (any textual difference,
    set-aside text included, unless --ignore names its kind), 2 on error.
    """
    if stat and format_ != "text":
        raise click.UsageError(f"--stat is a summary for the terminal; it does not go with --format {format_}")
    if format_ == "json" and (show_all or hide_cosmetic):
        raise click.UsageError("--all and --hide-cosmetic shape human-readable reports; JSON always has every change")
    from conceptdiff.errors import InvalidOptionsError
    from conceptdiff.options import Options
    from conceptdiff.significance import has_changes, parse_differences

    try:
        ignored = parse_differences(ignore) if ignore.strip() else parse_differences(())
        reading = Options().keeping(keep) if keep.strip() else Options()
    except InvalidOptionsError as error:
        option = "--ignore" if error.argument == "allow" else "--keep"
        reason = str(error).split(": ", 1)[-1]
        raise click.BadParameter(f"{error.value!r}: {reason}", param_hint=option) from None
    old_edition, new_edition = _editions(old, new, encoding=encoding, options=reading)

    from conceptdiff.compare import compare as run_compare

    result = run_compare(old_edition, new_edition, options=reading)
    if format_ == "json":
        from conceptdiff.render.json import render_json  # not the report model: JSON has everything

        report = render_json(result)
    else:
        from conceptdiff.render import ReportOptions

        options = ReportOptions(
            context="document" if show_all else "changes", hide_cosmetic=hide_cosmetic, ignore=ignored, terms=terms
        )
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
    sys.exit(1 if has_changes(result, ignore=ignored) else 0)


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
                "old": escape_name(old),  # file names of any bytes: the JSON Lines stay UTF-8
                "new": escape_name(new),
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


def _series(editions: Sequence[str], labels: Sequence[str], encoding: str | None, workers: int | None) -> History:
    """The history of files, each read once (labels: ``--label``, else the file names)."""
    from conceptdiff.model import Edition
    from conceptdiff.series import history

    if labels and len(labels) != len(editions):
        raise click.UsageError(f"give one --label per edition ({len(editions)}), or none; got {len(labels)}")
    read = [Edition.from_path(path, encoding=encoding) for path in editions]
    return history(read, labels=list(labels) or None, workers=workers)


def _emit(report: str, output: str | None) -> None:
    if output is None:
        click.echo(report, nl=False)
    else:
        _write_atomic(output, report)


_SERIES_LABEL = click.option(
    "--label", "labels", multiple=True, metavar="NAME", help="Name the editions, in order (default: the file names)."
)
_SERIES_ENCODING = click.option("--encoding", default=None, help="Encoding of every file (detected when not given).")
_SERIES_WORKERS = click.option(
    "--workers", "-j", type=click.IntRange(min=1), default=None, help="Worker processes for the comparisons."
)
_Command = TypeVar("_Command", bound=Callable[..., object])


def _series_options(command: _Command) -> _Command:
    """The arguments and options of every command over a series of editions
    (``history``, ``blame``): the files, the report's format and output, labels,
    encoding and workers, in that order in the help."""
    for decorator in reversed(
        (
            click.argument("editions", nargs=-1, required=True, type=click.Path(dir_okay=True, path_type=str)),
            _FORMAT,
            _OUTPUT,
            _SERIES_LABEL,
            _SERIES_ENCODING,
            _SERIES_WORKERS,
        )
    ):
        command = decorator(command)
    return command


@cli.command()
@_series_options
def history(
    editions: tuple[str, ...],
    format_: str,
    output: str | None,
    labels: tuple[str, ...],
    encoding: str | None,
    workers: int | None,
) -> None:
    """The history of EDITIONS (files, oldest first): a timeline of each
    edition's changes, and the clauses removed and added along the way.

    Exits 0 when the report was written, 2 on error.
    """
    from conceptdiff.render.history import render_history

    _emit(render_history(_series(editions, labels, encoding, workers), format=format_), output)


@cli.command()
@_series_options
@click.option(
    "--edition",
    "which",
    type=int,
    default=0,
    metavar="N",
    help="Annotate the Nth edition (1 is the oldest; default: the last).",
)
def blame(
    editions: tuple[str, ...],
    format_: str,
    output: str | None,
    labels: tuple[str, ...],
    encoding: str | None,
    workers: int | None,
    which: int,
) -> None:
    """Annotate the last of EDITIONS (files, oldest first): each clause with
    the edition its text first appeared in and the last edition that changed it.

    Exits 0 when the report was written, 2 on error.
    """
    from conceptdiff.render.history import render_blame

    if not 0 <= which <= len(editions):
        raise click.BadParameter(f"{which}: there are {len(editions)} editions", param_hint="--edition")
    series = _series(editions, labels, encoding, workers)
    _emit(render_blame(series, edition=which - 1 if which else -1, format=format_), output)


@cli.command()
@click.argument("source", type=click.Path(dir_okay=True, path_type=str))
@click.argument("article", type=click.Path(dir_okay=True, path_type=str))
@_FORMAT
@_OUTPUT
@_SERIES_ENCODING
def quotes(source: str, article: str, format_: str, output: str | None, encoding: str | None) -> None:
    """Check how ARTICLE quotes SOURCE (files): each article clause verbatim,
    altered, elided, paraphrase, not in source or in another language, with
    the source passage beside it; the fidelity (share of quoted words
    verbatim); the source left out, by section.

    Exits 0 when the report was written, 2 on error.
    """
    import attrs

    from conceptdiff.model import Edition
    from conceptdiff.options import Options
    from conceptdiff.quotes import check_quotes
    from conceptdiff.render.quotes import render_quotes

    reading = Options()
    source_edition = Edition.from_path(source, encoding=encoding, options=reading)
    # The article keeps its repeated clauses: quoting a passage twice is part of the answer.
    article_edition = Edition.from_path(
        article, encoding=encoding, options=attrs.evolve(reading, drop_duplicates=False)
    )
    _emit(render_quotes(check_quotes(source_edition, article_edition, options=reading), format=format_), output)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Errors are one line on stderr (``conceptdiff: error: ...``, exit 2), and
    each :class:`~conceptdiff.ConceptDiffWarning` is one line
    (``conceptdiff: warning: ...``) that leaves the exit status alone; file
    names in both are escaped (:func:`conceptdiff._names.escape_name`).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("always", ConceptDiffWarning)
        if not os.environ.get("CONCEPTDIFF_DEBUG"):
            warnings.showwarning = _show_warning
        return _run(argv)


def _dash_hint(error: click.ClickException, args: Sequence[str]) -> str:
    """For a file whose name starts with ``-`` taken for an option: how to name it."""
    if not isinstance(error, click.NoSuchOption):
        return ""
    for arg in args:
        if arg.startswith(error.option_name) and arg != "--" and os.path.lexists(arg):
            return f" ('{escape_name(arg)}' is a file: put -- before the file names, or write ./{escape_name(arg)})"
    return ""


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one line on stderr, without the Python source it came from."""
    kind = "" if issubclass(category, ConceptDiffWarning) else f"{category.__name__}: "
    click.echo(f"conceptdiff: warning: {kind}{escape_name(str(message))}", err=True)


def _run(argv: Sequence[str] | None) -> int:
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        cli.main(args=args, prog_name="conceptdiff", standalone_mode=False)
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 2
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.ClickException as error:
        click.echo(f"conceptdiff: error: {escape_name(error.format_message())}{_dash_hint(error, args)}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("conceptdiff: aborted", err=True)
        return 2
    except ConceptDiffError as error:
        click.echo(f"conceptdiff: error: {escape_name(str(error))}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as error:  # never a traceback for users; CONCEPTDIFF_DEBUG shows it
        if os.environ.get("CONCEPTDIFF_DEBUG"):
            raise
        click.echo(f"conceptdiff: internal error: {type(error).__name__}: {escape_name(str(error))}", err=True)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
