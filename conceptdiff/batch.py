"""Many comparisons at once: on a local process pool, or on a Dask cluster.

:func:`compare_many` takes an iterable of ``(old, new)`` pairs and yields one
:class:`PairResult` per pair, **in input order**, each as soon as it and every
pair before it are done.  A result holds either the :class:`Comparison` that
``compare(old, new, options=options)`` gives for that pair on its own, or the
:class:`PairError` that stopped it: one bad pair never stops the batch.

Each side of a pair is what :func:`conceptdiff.compare` accepts: an
:class:`Edition`, a ``str`` (the edition's *text*), a sequence of clause
strings, or an ``os.PathLike`` such as :class:`pathlib.Path` (a file, read
with :meth:`Edition.from_path` *where the comparison runs*, so a cluster's
workers must see the same files).

>>> from conceptdiff import ChangeKind, compare_many
>>> pairs = [("1. Members may vote.", "1. Members shall vote."), ("Same.", "Same."), ("Text", 42)]
>>> for result in compare_many(pairs, executor="serial"):
...     if result.ok:
...         print(result.index, result.comparison.counts[ChangeKind.REWORDED])
...     else:
...         print(result.index, result.error.type)
0 1
1 0
2 InputTypeError

Executors (``executor=``):

* ``"process"`` (the default): a :class:`concurrent.futures.ProcessPoolExecutor`
  of ``workers`` processes (default: the CPUs this process may use), started
  with ``spawn`` so that behaviour is the same on every platform; with
  ``workers=1`` the pairs are compared in this process.
* ``"serial"``: one after the other in this process.
* a :class:`concurrent.futures.Executor` you made (it is not shut down).
* a ``dask.distributed.Client``, or a scheduler address such as
  ``"tcp://scheduler:8786"`` (a client is opened and closed for the batch);
  needs the ``dask`` extra: ``pip install "conceptdiff[dask]"``.

At most a few pairs per worker are read from ``pairs`` ahead of the one
being yielded, so a generator of millions of pairs is never held in memory.
A progress bar (``tqdm``, the ``progress`` extra) is drawn on stderr when
``progress=True``, or by default when stderr is a terminal; without tqdm a
one-line counter is drawn instead.

Errors: a pair whose editions cannot be read or compared gives a result with
:attr:`PairResult.error` set (the exception's class name, its message and the
file it names); :meth:`PairResult.unwrap` raises it as a
:class:`PairFailedError`.  A worker process that dies (killed, out of memory)
breaks the local pool: each pair that was in it is run again, alone, on a
fresh pool, and only a pair that kills its worker again is reported as an
error (``type="BrokenProcessPool"``).  Invalid arguments to :func:`compare_many` itself
raise :class:`~conceptdiff.InvalidOptionsError` at once.
"""

from __future__ import annotations

import collections
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from pathlib import Path
from typing import Any, TypeAlias

import attrs

from conceptdiff._validators import optional_boolean, options_or_default, whole_number
from conceptdiff.errors import ConceptDiffError, InputError, InvalidOptionsError
from conceptdiff.model import Comparison, Edition
from conceptdiff.options import Options

__all__ = [
    "EditionSource",
    "PairError",
    "PairFailedError",
    "PairResult",
    "compare_many",
    "read_pairs",
    "result_to_dict",
]

#: What one side of a pair may be: an edition, its text, or a path to its file.
EditionSource: TypeAlias = "Edition | str | os.PathLike[str] | Sequence[str]"  # as compare() reads them

_AHEAD = 4  # pairs read ahead of the one being yielded, per worker
_MAX_RENEWALS = 3  # pools in a row that may die without completing a pair before the batch gives up on them
_DIED = (
    "the worker process died while comparing this pair (killed, out of memory, or the main script "
    "starts the pool without an `if __name__ == '__main__':` guard)"
)


@attrs.frozen
class PairError:
    """Why one pair of a batch has no comparison.

    Attributes:
        type: the exception's class name (``"FileReadError"``, ``"InputError"``;
            ``"BrokenProcessPool"`` when the worker process died).
        message: the exception's message, naming the file when there is one.
        path: the file the error is about, when known.
    """

    type: str
    message: str
    path: str | None = None

    @classmethod
    def from_exception(cls, error: BaseException) -> PairError:
        path = getattr(error, "path", None)
        return cls(type=type(error).__name__, message=str(error), path=path if isinstance(path, str) else None)


class PairFailedError(ConceptDiffError, RuntimeError):
    """A pair of a batch failed; raised by :meth:`PairResult.unwrap`.

    ``index`` is the pair's position in the input, ``error`` the :class:`PairError`.
    """

    def __init__(self, index: int, error: PairError) -> None:
        self.index = index
        self.error = error
        super().__init__(f"pair {index}: {error.type}: {error.message}")


@attrs.frozen
class PairResult:
    """The outcome of one pair of :func:`compare_many`: a comparison or an error.

    Attributes:
        index: the pair's position in the input (results come in this order).
        comparison: what ``compare(old, new, options=options)`` returns, or
            ``None`` when the pair failed.
        error: why the pair failed, or ``None``.
    """

    index: int
    comparison: Comparison | None = None
    error: PairError | None = None

    @property
    def ok(self) -> bool:
        """True when the pair was compared."""
        return self.error is None

    def unwrap(self) -> Comparison:
        """The comparison, or :class:`PairFailedError` when the pair failed."""
        if self.comparison is None:
            raise PairFailedError(self.index, self.error or PairError("Error", "no comparison"))
        return self.comparison


def _compare_pair(index: int, old: object, new: object, options: Options) -> PairResult:
    """Compare one pair, turning any error into a :class:`PairResult` (runs in a worker)."""
    from conceptdiff.compare import compare

    try:
        comparison = compare(old, new, options=options)  # type: ignore[arg-type]  # checked by compare's contract
    except Exception as error:  # one pair's failure, whatever it is, must not stop the batch
        return PairResult(index=index, error=PairError.from_exception(error))
    return PairResult(index=index, comparison=comparison)


# -- executors -----------------------------------------------------------------


class _Serial(Executor):
    """Runs each call at once in this process; its futures are done when returned."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to the caller through the future, as executors do
            future.set_exception(error)
        return future


class _Runner:
    """An executor, how many calls to keep in flight, and whether it is ours to close or renew."""

    def __init__(self, executor: Executor, window: int, *, make: Callable[[], Executor] | None, close: Any) -> None:
        self.executor = executor
        self.window = window
        self.make = make  # makes a fresh pool after a worker died (only for pools we own)
        self.close_hook = close
        self.failed_pools = 0  # pools in a row that died without completing a pair

    @property
    def renewable(self) -> bool:
        """Whether a fresh pool may replace a dead one (ours, and not dying over and over)."""
        return self.make is not None and self.failed_pools < _MAX_RENEWALS

    def succeeded(self) -> None:
        self.failed_pools = 0

    def renew(self) -> bool:
        if not self.renewable:
            return False
        assert self.make is not None  # renewable says so
        self.failed_pools += 1
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self.make()
        return True

    def close(self) -> None:
        self.close_hook(self)


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _is_dask_client(value: object) -> bool:
    distributed = sys.modules.get("distributed")
    return distributed is not None and isinstance(value, distributed.Client)


def _dask_runner(client: Any, workers: int | None, *, owned: bool) -> _Runner:
    threads = sum(client.nthreads().values()) if workers is None else workers
    window = max(2, 2 * (threads or 4))

    def close(runner: _Runner) -> None:
        if owned:
            client.close()

    return _Runner(client.get_executor(pure=False), window, make=None, close=close)


def _runner(executor: object, workers: int | None) -> _Runner:
    if isinstance(executor, str) and executor == "serial":
        return _Runner(_Serial(), 1, make=None, close=lambda runner: None)
    if isinstance(executor, str) and executor == "process":
        count = workers or _cpus()
        if count == 1:
            return _Runner(_Serial(), 1, make=None, close=lambda runner: None)

        def make() -> Executor:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor  # imported here: it loads multiprocessing

            return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"))

        def shutdown(runner: _Runner) -> None:
            runner.executor.shutdown(wait=True, cancel_futures=True)

        return _Runner(make(), 2 * count, make=make, close=shutdown)
    if isinstance(executor, str):  # a Dask scheduler's address
        try:
            from distributed import Client
        except ImportError:
            raise InvalidOptionsError(
                "executor", executor, "a scheduler address needs Dask: pip install 'conceptdiff[dask]'"
            ) from None
        try:
            client = Client(executor)  # type: ignore[no-untyped-call]  # distributed's constructor is untyped
        except (OSError, ValueError, TypeError) as error:
            raise InvalidOptionsError("executor", executor, f"cannot reach the Dask scheduler: {error}") from None
        return _dask_runner(client, workers, owned=True)
    if _is_dask_client(executor):
        return _dask_runner(executor, workers, owned=False)
    if isinstance(executor, Executor):
        count = workers or getattr(executor, "_max_workers", None) or _cpus()
        return _Runner(executor, 2 * count, make=None, close=lambda runner: None)
    raise InvalidOptionsError(
        "executor",
        executor,
        "must be 'process', 'serial', a concurrent.futures.Executor, a dask.distributed.Client or a scheduler address",
    )


# -- progress ------------------------------------------------------------------


class _Counter:
    """A one-line counter on stderr, for when tqdm is not installed."""

    def __init__(self, total: int | None) -> None:
        self.total, self.done = total, 0

    def update(self, count: int) -> None:
        self.done += count
        of = f"/{self.total}" if self.total is not None else ""
        sys.stderr.write(f"\rconceptdiff: {self.done}{of} pairs")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _progress(enabled: bool | None, total: int | None) -> Any:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]  # tqdm ships no type hints
    except ImportError:
        return _Counter(total)
    return tqdm(total=total, unit="pair", desc="conceptdiff", file=sys.stderr, dynamic_ncols=True)


# -- the batch -----------------------------------------------------------------


def compare_many(
    pairs: Iterable[tuple[EditionSource, EditionSource]],
    *,
    options: Options | None = None,
    workers: int | None = None,
    executor: object = "process",
    progress: bool | None = None,
) -> Iterator[PairResult]:
    """Compare many ``(old, new)`` pairs; yield a :class:`PairResult` per pair, in input order.

    See the module documentation for the executors, the sides a pair may hold
    and how errors are reported.  ``options`` apply to every pair; ``workers``
    sets the size of the local pool (and how many pairs are kept in flight on
    another executor).  The batch starts when the first result is asked for;
    closing the iterator early cancels the pairs not yet started.
    """
    options = options_or_default(options, Options)
    whole_number("workers", workers, minimum=1, optional=True)
    optional_boolean("progress", progress)
    if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
        raise InvalidOptionsError("pairs", type(pairs).__name__, "must be an iterable of (old, new) pairs")
    runner = _runner(executor, workers)
    total = len(pairs) if isinstance(pairs, collections.abc.Sized) else None
    return _stream(iter(pairs), options, runner, _progress(progress, total))


def _stream(pairs: Iterator[Any], options: Options, runner: _Runner, bar: Any) -> Iterator[PairResult]:
    ready: dict[int, PairResult] = {}
    # In flight: future -> (index, old, new, alone); "alone" pairs run one at a time after a pool died.
    in_flight: dict[Future[PairResult], tuple[int, object, object, bool]] = {}
    suspects: list[tuple[int, object, object]] = []  # pairs that were in a pool when it died
    next_index = 0  # the next pair to read from the input
    next_out = 0  # the next result to yield
    exhausted = False

    def submit(index: int, old: object, new: object, alone: bool) -> None:
        try:
            future = runner.executor.submit(_compare_pair, index, old, new, options)
        except BrokenExecutor as error:  # the pool died before this pair went in: handled as below
            future = Future()
            future.set_exception(error)
        in_flight[future] = (index, old, new, alone)

    def finish(result: PairResult) -> None:
        ready[result.index] = result
        if bar is not None:
            bar.update(1)

    try:
        while True:
            if suspects:
                # After a worker died, every pair that was in its pool runs alone on a fresh
                # pool: the one that kills it again is reported, the others are compared.
                if not in_flight:
                    index, old, new = suspects.pop(0)
                    submit(index, old, new, True)
            else:
                # Read ahead while few pairs are in flight and few results wait to be yielded.
                while (
                    not exhausted and len(in_flight) < runner.window and next_index - next_out < _AHEAD * runner.window
                ):
                    try:
                        item = next(pairs)
                    except StopIteration:
                        exhausted = True
                        break
                    index, next_index = next_index, next_index + 1
                    if not isinstance(item, (tuple, list)) or len(item) != 2:
                        error = InputError(f"pair {index} must be an (old, new) pair, not {type(item).__name__}")
                        finish(PairResult(index=index, error=PairError.from_exception(error)))
                        continue
                    submit(index, item[0], item[1], False)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            if not in_flight:
                if exhausted and not suspects:
                    return
                continue
            done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
            pool_died = False
            for future in done:
                index, old, new, alone = in_flight.pop(future)
                try:
                    result = future.result()
                except BrokenExecutor as error:
                    pool_died = True
                    if alone or not runner.renewable:
                        finish(PairResult(index=index, error=PairError(type(error).__name__, _DIED)))
                    else:
                        suspects.append((index, old, new))
                except Exception as error:  # cancelled, lost worker, unpicklable input: this pair's error
                    finish(PairResult(index=index, error=PairError.from_exception(error)))
                else:
                    runner.succeeded()
                    finish(result)
            if pool_died:
                for future in list(in_flight):  # they were in the dead pool too
                    index, old, new, _ = in_flight.pop(future)
                    suspects.append((index, old, new))
                suspects.sort(key=lambda suspect: suspect[0])
                if not runner.renew():
                    for index, _, _ in suspects:
                        finish(PairResult(index=index, error=PairError("BrokenProcessPool", _DIED)))
                    suspects.clear()
    finally:
        for future in in_flight:
            future.cancel()
        runner.close()
        if bar is not None:
            bar.close()


# -- pair lists and JSON Lines (the ``conceptdiff batch`` command) ----------------


def read_pairs(source: str | os.PathLike[str], *, consecutive: bool = False) -> list[tuple[Path, Path]]:
    """The ``(old, new)`` file pairs a pair list or a folder names.

    * A **file** is a pair list: one pair a line, the two paths separated by a
      tab, relative paths taken from the list's folder; blank lines and lines
      starting with ``#`` are skipped.
    * A **folder** holds one sub-folder per pair, each with one ``old.*`` and
      one ``new.*`` file (the layout of ``fixtures/pairs/``), in name order;
      with ``consecutive=True`` it holds editions of one document instead,
      each compared with the next in name order.

    Errors raise :class:`~conceptdiff.InputError` naming the file and line.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "pairs.tsv").write_text("# old\\tnew\\nv1.txt\\tv2.txt\\n", encoding="utf-8")
    >>> [(old.name, new.name) for old, new in read_pairs(folder / "pairs.tsv")]
    [('v1.txt', 'v2.txt')]
    """
    from conceptdiff.errors import FileReadError

    path = Path(source)
    if path.is_dir():
        if consecutive:
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            return list(itertools.pairwise(files))
        pairs = []
        for folder in sorted(p for p in path.iterdir() if p.is_dir()):
            olds, news = sorted(folder.glob("old.*")), sorted(folder.glob("new.*"))
            if len(olds) != 1 or len(news) != 1:
                raise InputError("needs exactly one old.* and one new.* file", path=str(folder))
            pairs.append((olds[0], news[0]))
        return pairs
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileReadError("no such file or folder", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise FileReadError(f"cannot read the pair list: {error}", path=str(path)) from None
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(f.strip() for f in fields):
            raise InputError(f"expected two paths separated by a tab, got {line!r}", path=str(path), line=number)
        old, new = (path.parent / f.strip() for f in fields)
        pairs.append((old, new))
    return pairs


def result_to_dict(result: PairResult, *, summary: bool = False) -> dict[str, Any]:
    """One JSON Lines record of a batch: ``index``, ``ok``, then ``comparison``
    (:meth:`Comparison.to_dict`; with ``summary=True`` only its ``counts`` and
    ``has_changes``) or ``error`` (``type``, ``message``, ``path``).

    >>> [record] = [result_to_dict(r, summary=True) for r in compare_many([("a b", "a c")], executor="serial")]
    >>> record["index"], record["ok"], record["has_changes"], record["counts"]["reworded"]
    (0, True, True, 1)
    """
    record: dict[str, Any] = {"index": result.index, "ok": result.ok}
    if result.comparison is not None:
        record["has_changes"] = result.comparison.has_changes
        if summary:
            record["counts"] = {kind.value: n for kind, n in result.comparison.counts.items()}
        else:
            record["comparison"] = result.comparison.to_dict()
    elif result.error is not None:
        record["error"] = attrs.asdict(result.error)
    return record
