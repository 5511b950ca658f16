"""Hostile inputs and files, as a new user hits them (issue 13).

Each case states what happens, through the Python API and the command line:

* a file conceptdiff cannot or will not read: the API raises the documented
  :class:`~conceptdiff.ConceptDiffError` subclass, its message one line of
  valid UTF-8 naming the file (escaped: ``conceptdiff._names.escape_name``);
  ``conceptdiff compare`` exits 2 with exactly one line on stderr,
  ``conceptdiff: error: <file>: ...``, nothing on stdout, no traceback;
* a file it reads: the command exits 0 or 1, the report is valid UTF-8 in
  every format asked (text, markdown, html, json), anything on stderr is a
  ``conceptdiff: warning:`` line, and ``Comparison.to_dict()`` encodes as
  JSON and as UTF-8, the edition's label one clean line.

The command runs in this process (``conceptdiff.cli.main``) except where the
process itself is the point (stderr bytes, a pipe that must not hang).  The
text-level robustness tests (characters, shapes of text, fuzzing) are in
``tests/test_robustness.py``.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import socket
import stat
import subprocess
import sys
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conceptdiff import (
    ConceptDiffError,
    ConceptDiffWarning,
    DecodeError,
    Edition,
    FileReadError,
    InputError,
    InputTooLargeError,
    NotTextError,
    compare,
)
from conceptdiff._names import escape_name
from conceptdiff.cli import main

from .conftest import FIXTURES

QUIRKS = FIXTURES / "quirks"
GOOD = "1. Members may vote.\n\n2. Fees are due each year.\n"
FORMATS = ("text", "markdown", "html", "json")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
LIMIT = 64 * 1024 * 1024  # Options().max_input_bytes


def _has_pdf_reader() -> bool:
    try:
        import pypdfium2  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


needs_pdf = pytest.mark.skipif(not _has_pdf_reader(), reason="the pdf extra (pypdfium2) is not installed")
needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes, sockets and modes are POSIX")


# --- what every case checks ---------------------------------------------------------------------


def one_clean_line(text: str) -> str:
    """``text`` is one line (with its newline) of printable, UTF-8-encodable characters."""
    lines = text.splitlines()
    assert len(lines) == 1 and text.endswith("\n"), repr(text)
    line = lines[0]
    line.encode("utf-8")  # no surrogate: valid UTF-8
    assert escape_name(line) == line, repr(line)  # no control character left
    return line


def assert_one_error_line(err: str, path: Path | str) -> str:
    assert "Traceback" not in err
    line = one_clean_line(err)
    assert line.startswith("conceptdiff: error: "), line
    assert "internal error" not in line
    assert escape_name(str(path)) in line, (line, str(path))
    return line


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """``conceptdiff compare ARGS`` in this process: (status, stdout, stderr)."""
    capsys.readouterr()
    status = main(["compare", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def assert_refused(
    capsys: pytest.CaptureFixture[str], bad: Path, good: Path, *options: str, says: str = "", both: bool = False
) -> None:
    """On either side, ``bad`` makes the command exit 2 with one line naming it
    (``both``: an error of both files, that names the first)."""
    for args in ((bad, good),) if both else ((bad, good), (good, bad)):
        status, out, err = run(capsys, *options, *args)
        assert status == 2, (status, err)
        assert out == ""
        line = assert_one_error_line(err, bad)
        assert says.lower() in line.lower(), line


def assert_reported(
    capsys: pytest.CaptureFixture[str], path: Path, good: Path, *options: str, formats: tuple[str, ...] = FORMATS
) -> None:
    """The command compares ``path`` and writes a valid UTF-8 report in each format."""
    report = good.parent / "report.out"
    for fmt in formats:
        status, out, err = run(capsys, *options, "--format", fmt, "-o", report, path, good)
        assert status in (0, 1), (status, err)
        assert out == ""
        for line in err.splitlines():
            assert line.startswith("conceptdiff: warning: "), err
            one_clean_line(line + "\n")
        text = report.read_bytes().decode("utf-8")  # strict: valid UTF-8
        if fmt == "json":
            json.loads(text)
        report.unlink()
    status, out, err = run(capsys, *options, path, good)  # to stdout
    assert status in (0, 1), (status, err)
    out.encode("utf-8")


def assert_reads(path: Path, good: Path, *, encoding: str | None = None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConceptDiffWarning)  # an empty edition says so; tested below
        edition = Edition.from_path(path, encoding=encoding)
        result = compare(edition, Edition.from_path(good))
    assert edition.label is not None
    assert edition.label == escape_name(edition.label) and edition.label.strip()
    json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")


# --- the cases: a file and what conceptdiff does with it ----------------------------------------


def zip_of(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def utf16_without_bom(big_endian: bool) -> bytes:
    return GOOD.encode("utf-16-be" if big_endian else "utf-16-le")


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]  # builds the input under a temporary folder
    error: type[ConceptDiffError] | None  # what the API raises; None: it reads
    says: str = ""  # words of the error's message
    encoding: str | None = None  # given to the API and as --encoding
    formats: tuple[str, ...] = FORMATS  # the report formats checked when it reads
    both: bool = False  # the error is about both files (a codec): the command names the first


def file(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / (os.fsdecode(name) if isinstance(name, bytes) else name)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return make


def named(name: str | bytes, data: bytes | str = GOOD) -> Callable[[Path], Path]:
    """A file whose name is any bytes (``bytes``: not UTF-8, as Linux hands it to Python)."""
    return file(os.fsdecode(name) if isinstance(name, bytes) else name, data)


def missing(name: str | bytes) -> Callable[[Path], Path]:
    return lambda folder: folder / (os.fsdecode(name) if isinstance(name, bytes) else name)


def fixture(name: str) -> Callable[[Path], Path]:
    return file(name, (QUIRKS / name).read_bytes())


def folder(tmp: Path) -> Path:
    (tmp / "a-folder").mkdir()
    return tmp / "a-folder"


def symlink(target: str, name: str = "link.txt") -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        (tmp / name).symlink_to(target)
        return tmp / name

    return make


def fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe.txt")
    return tmp / "pipe.txt"


def unix_socket(tmp: Path) -> Path:
    path = tmp / "socket.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def sparse(size: int) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        with open(tmp / "huge.txt", "wb") as handle:
            handle.truncate(size)
        return tmp / "huge.txt"

    return make


def through_a_file(tmp: Path) -> Path:
    (tmp / "plain.txt").write_text(GOOD, encoding="utf-8")
    return tmp / "plain.txt" / "inside.txt"


def pdf_cut_in_half(tmp: Path) -> Path:
    data = (QUIRKS / "pdf_document.pdf").read_bytes()
    (tmp / "cut.pdf").write_bytes(data[: len(data) // 2])
    return tmp / "cut.pdf"


def docx_cut_in_half(tmp: Path) -> Path:
    data = (QUIRKS / "word_document.docx").read_bytes()
    (tmp / "cut.docx").write_bytes(data[: len(data) // 2])
    return tmp / "cut.docx"


def zip_bomb(tmp: Path) -> Path:
    # 80 MiB of markup that deflates to under 100 KB: over max_input_bytes once inflated.
    body = b"<w:document><w:body>" + b" " * (80 * 1024 * 1024) + b"</w:body></w:document>"
    path = tmp / "bomb.docx"
    path.write_bytes(zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": body}))
    assert path.stat().st_size < 1024 * 1024
    return path


NESTED = 100_000

CASES: dict[str, Case] = {
    # Files that cannot be opened, or are no file.
    "missing file": Case(missing("no-such-file.txt"), FileReadError, "no such file"),
    "directory": Case(folder, FileReadError, "directory"),
    "dangling symlink": Case(symlink("nowhere.txt"), FileReadError, "no such file"),
    "symlink loop": Case(symlink("link.txt"), FileReadError, "symbolic links"),
    "a file used as a folder": Case(through_a_file, FileReadError, "not a directory"),
    "name too long for the system": Case(missing("n" * 300 + ".txt"), FileReadError, "too long"),
    "FIFO without a writer": Case(fifo, FileReadError, "named pipe"),
    "a device (/dev/zero)": Case(symlink("/dev/zero", "zero.txt"), FileReadError, "device"),
    "a socket": Case(unix_socket, FileReadError, "cannot read"),
    "/dev/null reads as empty, as for diff": Case(symlink(os.devnull, "null.txt"), None),
    # Not text.
    "NUL bytes": Case(file("nul.txt", b"1. First clause.\n\n2. Sec\x00ond clause.\n"), NotTextError, "NUL"),
    "PNG image": Case(file("image.png", PNG), NotTextError, "PNG"),
    "PNG image named .txt": Case(file("image.txt", PNG), NotTextError, "PNG"),
    "JPEG image": Case(file("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64)), NotTextError, "JPEG"),
    "ELF executable": Case(file("program", b"\x7fELF\x02\x01\x01" + bytes(120)), NotTextError, "executable"),
    "gzip archive": Case(file("notes.txt.gz", gzip.compress(GOOD.encode())), NotTextError, "gzip"),
    "bzip2 archive": Case(file("notes.bz2", bz2.compress(GOOD.encode())), NotTextError, "bzip2"),
    "xz archive": Case(file("notes.xz", lzma.compress(GOOD.encode())), NotTextError, "xz"),
    "zip that is not a docx": Case(file("archive.zip", zip_of({"inside.txt": GOOD})), NotTextError, "ZIP"),
    "zip named .txt": Case(file("archive.txt", zip_of({"inside.txt": GOOD})), NotTextError, "ZIP"),
    # Word documents that are not.
    "docx that is not a zip": Case(file("letter.docx", b"PK\x03\x04 not really a zip"), NotTextError, "docx"),
    "docx of plain text": Case(file("letter.docx", GOOD), NotTextError, "docx"),
    "empty docx": Case(file("empty.docx", b""), NotTextError, "docx"),
    "docx cut in half": Case(docx_cut_in_half, NotTextError, "docx"),
    "docx without document.xml": Case(
        file("parts.docx", zip_of({"[Content_Types].xml": "<Types/>", "word/styles.xml": "<styles/>"})),
        NotTextError,
        "document.xml",
    ),
    "docx zip bomb": Case(zip_bomb, InputTooLargeError, "max_input_bytes"),
    "docx malformed XML": Case(fixture("docx_malformed_xml.docx"), NotTextError),
    "docx entity expansion": Case(fixture("docx_entity_expansion.docx"), NotTextError),
    "docx password protected": Case(fixture("docx_password_protected.docx"), NotTextError),
    # PDF files that are not (the reader needs the pdf extra).
    "malformed PDF": Case(file("broken.pdf", b"%PDF-1.4\n garbage"), NotTextError, "PDF"),
    "PDF cut in half": Case(pdf_cut_in_half, NotTextError, "PDF"),
    "empty PDF": Case(file("empty.pdf", b""), NotTextError, "PDF"),
    "PDF without a text layer": Case(fixture("pdf_no_text_layer.pdf"), NotTextError, "text"),
    "encrypted PDF": Case(fixture("pdf_encrypted.pdf"), NotTextError),
    "PDF named .txt reads as a PDF": Case(file("paper.txt", (QUIRKS / "pdf_document.pdf").read_bytes()), None),
    # Encodings.
    "invalid UTF-8 with the encoding declared": Case(
        file("broken.txt", b"1. Members may vote.\n2. Bad \xc3\x28 byte.\n"), DecodeError, ":2:", encoding="utf-8"
    ),
    "UTF-8 cut inside a character, declared": Case(
        file("cut.txt", "1. Members may vote. Caf\u00e9".encode()[:-1]), DecodeError, "inside a character", "utf-8"
    ),
    "UTF-16 declared as UTF-8": Case(file("wide.txt", GOOD.encode("utf-16")), DecodeError, "utf-8", "utf-8"),
    "unknown codec name": Case(file("plain.txt", GOOD), DecodeError, "unknown encoding", "no-such-codec", both=True),
    "codec that is not a text encoding": Case(file("plain.txt", GOOD), DecodeError, "not a text", "base64", both=True),
    "codec that fails without a position": Case(
        file("plain.txt", GOOD), DecodeError, "punycode", "punycode", both=True
    ),
    "codec that gives a lone surrogate": Case(
        file("escaped.txt", b"1. Members \\ud800 vote.\n"), DecodeError, "surrogate", encoding="unicode_escape"
    ),
    "UTF-16 LE with BOM": Case(file("le.txt", b"\xff\xfe" + GOOD.encode("utf-16-le")), None),
    "UTF-16 BE with BOM": Case(file("be.txt", b"\xfe\xff" + GOOD.encode("utf-16-be")), None),
    "UTF-16 LE without BOM": Case(file("le.txt", utf16_without_bom(False)), None),
    "UTF-16 BE without BOM": Case(file("be.txt", utf16_without_bom(True)), None),
    "UTF-16 cut short": Case(file("cut.txt", utf16_without_bom(False)[:-1]), DecodeError, "inside a character"),
    "UTF-16 with a lone surrogate": Case(
        file("lone.txt", b"\xff\xfe" + "1. Members ".encode("utf-16-le") + b"\x00\xd8" + "vote.\n".encode("utf-16-le")),
        DecodeError,
        "utf-16",
    ),
    "UTF-32 with BOM": Case(file("wide.txt", GOOD.encode("utf-32")), None),
    "UTF-8 BOM alone": Case(file("bom.txt", b"\xef\xbb\xbf"), None),
    "UTF-16 BOM alone": Case(file("bom.txt", b"\xff\xfe"), None),
    "cp1251 without a declaration": Case(
        file("ru.txt", "1. Концепция внешней политики.\n\n2. Члены голосуют.\n".encode("cp1251")), None
    ),
    # Empty and degenerate shapes.
    "empty file": Case(file("empty.txt", b""), None),
    "blank file": Case(file("blank.txt", "  \n\n\t \r\n   \n" * 50), None),
    "huge single line": Case(file("line.txt", "Members may vote and fees are due. " * 90_000), None, formats=("json",)),
    "HTML nested 10^5 deep": Case(
        file("deep.html", "<html><body>" + "<div>" * NESTED + "<p>Deep clause.</p>" + "</div>" * NESTED), None
    ),
    "HTML opened 10^5 deep, never closed": Case(file("open.html", "<div><span>" * NESTED + "Deep clause."), None),
    "Markdown quotes nested 10^5 deep": Case(file("quotes.md", ">" * NESTED + " Deep clause.\n"), None),
    "Markdown lists nested 10^5 deep": Case(file("lists.md", "- " * NESTED + "Deep clause.\n"), None),
    "Markdown emphasis and links 10^5 deep": Case(
        file("marks.md", "*" * NESTED + "x" + "*" * NESTED + "\n\n" + "[" * NESTED + "\n"), None
    ),
    "HTML with <script> only": Case(
        file("script.html", "<html><head><script>alert(1)</script></head><body><script>x=1</script></body></html>"),
        None,
    ),
    "over max_input_bytes": Case(sparse(LIMIT + 1), InputTooLargeError, "max_input_bytes"),
    # File names of any bytes: the file is fine, its name is not.
    "name with a newline": Case(named("old\nedition.txt"), None),
    "name with a tab": Case(named("old\tedition.txt"), None),
    "name with ESC": Case(named("old\x1b[31medition.txt"), None),
    "name with a byte that is not UTF-8": Case(named(b"old\xffedition.txt"), None),
    "name of Latin-1 bytes": Case(named("r\u00e9sum\u00e9.txt".encode("latin-1")), None),
    "name with CR, DEL, NEL and a bidi override": Case(named("a\rb\x7fc\x85d\u202eexe.txt"), None),
    "name with spaces": Case(named("  my old  edition .txt"), None),
    "name of 255 bytes": Case(named("\u00e9" * 125 + ".txt"), None),
    "name that is only a newline": Case(named("\n"), None),
    # ... and the same names when the file is bad: one line, the name escaped.
    "missing, name with a newline": Case(missing("gone\n.txt"), FileReadError, "no such file"),
    "missing, name not UTF-8": Case(missing(b"gone\xfe\xff.txt"), FileReadError, "no such file"),
    "image, name with ESC and a newline": Case(named("\x1b[2J\nimage.txt", PNG), NotTextError, "PNG"),
    "bad UTF-8, name not UTF-8": Case(named(b"bad\xe9.txt", b"1. Bad \xc3\x28.\n"), DecodeError, "", "utf-8"),
}

PDF_CASES = {name for name in CASES if "PDF" in name}


def case_params() -> Iterator[object]:
    for name, case in CASES.items():
        marks = [needs_pdf] if name in PDF_CASES else []
        if name in ("FIFO without a writer", "a socket"):
            marks.append(needs_posix)
        yield pytest.param(case, id=name, marks=marks)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    (tmp_path / "good").mkdir()
    path = tmp_path / "good" / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(case_params()))
def test_api(case: Case, tmp_path: Path, good: Path) -> None:
    path = case.make(tmp_path)
    if case.error is None:
        assert_reads(path, good, encoding=case.encoding)
        return
    with pytest.raises(case.error) as caught:
        Edition.from_path(path, encoding=case.encoding)
    assert isinstance(caught.value, InputError) and caught.value.path == str(path)
    assert isinstance(caught.value, ValueError)  # code written against the builtins keeps working
    message = one_clean_line(str(caught.value) + "\n")
    assert escape_name(str(path)) in message
    assert case.says.lower() in message.lower()


@pytest.mark.parametrize("case", list(case_params()))
def test_cli(case: Case, tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case.make(tmp_path)
    options = ("--encoding", case.encoding) if case.encoding else ()
    if case.error is None:
        assert_reported(capsys, path, good, *options, formats=case.formats)
    else:
        assert_refused(capsys, path, good, *options, says=case.says, both=case.both)


# --- more than a file: the API, the process, the command's own arguments -------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: Edition.from_text("1. Members \ud800 may vote.\n"), id="lone surrogate in text"),
        pytest.param(
            lambda: Edition.from_clauses(["Members vote.", "Fees \udcff due."]), id="lone surrogate in clause"
        ),
    ],
)
def test_lone_surrogates_given_to_the_api_are_refused(build: Callable[[], Edition]) -> None:
    with pytest.raises(InputError, match="lone surrogate") as caught:
        build()
    one_clean_line(str(caught.value) + "\n")


def test_no_read_permission(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("this user can read a file without read permission (root)")
    with pytest.raises(FileReadError, match="permission denied"):
        Edition.from_path(path)
    assert_refused(capsys, path, good, says="permission denied")


@needs_posix
def test_the_process_writes_utf8_for_names_that_are_not(tmp_path: Path, good: Path) -> None:
    # The real process, names passed as bytes: stderr and the report are UTF-8.
    name = tmp_path / os.fsdecode(b"old\xff\nedition.txt")
    name.write_text(GOOD.replace("may", "shall"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CONCEPTDIFF_DEBUG"}
    for fmt in FORMATS:
        argv: list[str | bytes] = [
            sys.executable,
            "-m",
            "conceptdiff",
            "compare",
            "--format",
            fmt,
            os.fsencode(name),
            os.fsencode(good),
        ]
        done = subprocess.run(argv, capture_output=True, env=env, timeout=120)
        assert done.returncode == 1, done.stderr
        report = done.stdout.decode("utf-8")
        assert "old\\xff\\nedition.txt" in report or "old\\\\xff\\\\nedition.txt" in report, fmt
    gone = os.fsencode(tmp_path / os.fsdecode(b"gone\xff\n.txt"))
    done = subprocess.run(
        [sys.executable, "-m", "conceptdiff", "compare", gone, os.fsencode(good)], capture_output=True, env=env
    )
    assert done.returncode == 2 and done.stdout == b""
    line = one_clean_line(done.stderr.decode("utf-8"))
    assert line.endswith("gone\\xff\\n.txt: no such file"), line


@needs_posix
def test_fifo_refused_by_a_process_that_does_not_hang(tmp_path: Path, good: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    env = {k: v for k, v in os.environ.items() if k != "CONCEPTDIFF_DEBUG"}
    argv = [sys.executable, "-m", "conceptdiff", "compare", str(tmp_path / "pipe.txt"), str(good)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert_one_error_line(done.stderr, tmp_path / "pipe.txt")


@needs_posix
def test_a_pipe_something_writes_to_is_read(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As `conceptdiff compare <(command) new.txt` gives it: a writer, data to come.
    read_end, write_end = os.pipe()

    def writer() -> None:
        with os.fdopen(write_end, "wb") as out:
            out.write(GOOD.encode())

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        status, _, err = run(capsys, f"/dev/fd/{read_end}", good)
    finally:
        thread.join()
        os.close(read_end)
    assert status == 0, err
    assert err == ""


def test_a_name_with_a_leading_dash(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "-x.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "-x.txt", good)  # taken for an option: one line saying what to do
    assert status == 2 and out == ""
    line = assert_one_error_line(err, "-x.txt")
    assert "put -- before the file names" in line
    status, out, err = run(capsys, "--", "-x.txt", good)
    assert status == 0, err
    assert_reported(capsys, tmp_path / "-x.txt", good)


# --- the report file (--output) ----------------------------------------------------------------


def write_report(capsys: pytest.CaptureFixture[str], output: Path, good: Path, *options: str) -> tuple[int, str]:
    status, out, err = run(capsys, "--format", "json", *options, "-o", output, good, good)
    assert out == ""
    return status, err


def test_output_into_a_missing_folder(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "report.json"
    status, err = write_report(capsys, target, good)
    assert status == 2
    assert "no such folder" in assert_one_error_line(err, target)
    assert not target.parent.exists()


def test_output_to_a_directory(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "reports"
    target.mkdir()
    status, err = write_report(capsys, target, good)
    assert status == 2
    assert_one_error_line(err, target)
    assert list(target.iterdir()) == []


@needs_posix
@pytest.mark.parametrize("mode", [0o644, 0o600, 0o640, 0o664])
def test_output_keeps_the_mode_of_an_existing_file(
    mode: int, tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous report", encoding="utf-8")
    target.chmod(mode)
    assert write_report(capsys, target, good) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert json.loads(target.read_text(encoding="utf-8"))["schema"].startswith("conceptdiff.comparison/")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good", "report.json"]  # no temporary file left


@needs_posix
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_new_file_honours_the_umask(
    mask: int, mode: int, tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new-report.json"
    previous = os.umask(mask)
    try:
        assert write_report(capsys, target, good) == (0, "")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_output_through_a_symlink_replaces_the_target(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real" / "report.json"
    real.parent.mkdir()
    real.write_text("previous report", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert write_report(capsys, link, good) == (0, "")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert json.loads(real.read_text(encoding="utf-8"))["has_changes"] is False
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.json"]


def test_output_through_a_dangling_symlink_creates_its_target(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to("first.json")
    assert write_report(capsys, link, good) == (0, "")
    assert link.is_symlink() and (tmp_path / "first.json").is_file()


def test_output_to_a_symlink_loop(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to("loop.json")
    status, err = write_report(capsys, loop, good)
    assert status == 2
    assert "symbolic links" in assert_one_error_line(err, loop)
    assert loop.is_symlink()


@needs_posix
def test_output_to_a_pipe_is_written_not_replaced(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    status, err = 2, ""
    for _ in range(200):  # until the reader has its end open (before that: refused, as tested below)
        status, err = write_report(capsys, pipe, good)
        if status == 0:
            break
        time.sleep(0.05)
    reader.join(timeout=60)
    assert status == 0, err
    assert json.loads(received[0].decode("utf-8"))["has_changes"] is False
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@needs_posix
def test_output_to_a_pipe_nothing_reads_is_refused(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    status, err = write_report(capsys, pipe, good)
    assert status == 2
    assert "nothing reads" in assert_one_error_line(err, pipe)


def test_output_name_with_a_newline_and_bytes_that_are_not_utf8(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / os.fsdecode(b"report\n\xff.json")
    assert write_report(capsys, target, good) == (0, "")
    json.loads(target.read_bytes().decode("utf-8"))


def test_failed_run_leaves_the_previous_report(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(PNG)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("previous report", encoding="utf-8")
    status, _, err = run(capsys, "--format", "json", "-o", report, bad, good)
    assert status == 2
    assert_one_error_line(err, bad)
    assert report.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.json"]


# --- warnings on the command line -------------------------------------------------------------


def test_an_empty_edition_is_one_warning_line(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty\n.txt"
    empty.write_bytes(b"")
    status, _, err = run(capsys, empty, good)
    assert status == 1  # the warning leaves the exit status alone
    line = one_clean_line(err)
    assert line.startswith("conceptdiff: warning: ") and "empty\\" in line and "n.txt" in line
    assert "Traceback" not in err and ".py" not in err
    status, _, err = run(capsys, empty, empty)
    assert status == 0
    assert len(err.splitlines()) == 2 and all(x.startswith("conceptdiff: warning: ") for x in err.splitlines())


@pytest.mark.parametrize("same", [True, False])
def test_a_library_warning_is_one_line_and_keeps_the_exit_status(
    same: bool, tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    compare_module = sys.modules["conceptdiff.compare"]
    real = compare_module.compare

    def warning_compare(*args: object, **kwargs: object) -> object:
        warnings.warn("something to know:\nsecond line \x1b[31m", ConceptDiffWarning, stacklevel=2)
        return real(*args, **kwargs)

    monkeypatch.setattr(compare_module, "compare", warning_compare)
    other = good if same else tmp_path / "other.txt"
    other.write_text(GOOD if same else GOOD.replace("may", "shall"), encoding="utf-8")
    status, _, err = run(capsys, good, other)
    assert status == (0 if same else 1)
    assert one_clean_line(err) == "conceptdiff: warning: something to know:\\nsecond line \\x1b[31m"
