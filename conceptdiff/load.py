"""Loading: files and bytes -> text.

The encoding is taken from a byte-order mark, else UTF-8 when the bytes are
valid UTF-8, else detected by ``charset-normalizer``.  Files that are not text
(images, archives, NUL bytes) are refused with :class:`NotTextError`, files
over :attr:`Options.max_input_bytes` with :class:`InputTooLargeError` before
they are read, and bytes that cannot be decoded with :class:`DecodeError`
naming the line.

:func:`repair_mojibake` repairs text that was decoded with the wrong code
page (``Russiaâ€™s``) when ``ftfy`` is installed (extra ``conceptdiff[clean]``)
and the repair is unambiguous.  The readers of :mod:`conceptdiff.read` read
files through this module.

>>> repair_mojibake("Russiaâ€™s new concept") if _ftfy() else "Russia’s new concept"
'Russia’s new concept'
>>> decode("caf\\u00e9".encode("cp1252") + b" au lait", path="menu.txt")
'café au lait'
"""

from __future__ import annotations

import codecs
import errno
import functools
import os
import re
import stat
from os import PathLike
from typing import Any, BinaryIO

from conceptdiff.errors import DecodeError, FileReadError, InputTooLargeError, NotTextError
from conceptdiff.options import Options

__all__ = ["decode", "read_bytes_limited", "read_text", "repair_mojibake"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx is read by its suffix; save others as text)"),
    (b"%PDF", "a PDF file (read by its .pdf suffix with conceptdiff[pdf], or extract its text first)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x7fELF", "an executable"),
)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")

# Code pages documents are commonly written in, most common first.
_PREFERRED = ("cp1252", "cp1251", "latin_1", "iso8859_15", "cp1250", "koi8_r", "iso8859_2", "cp1253", "cp1254")


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode(data: bytes, *, encoding: str | None = None, path: str | None = None) -> str:
    """Decode bytes to text (see the module's rules)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotTextError(f"not a text document: looks like {what}", path=path)
    if encoding is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding = name
                break
    if encoding is None and b"\x00" in data:
        # UTF-16 without a BOM shows NULs on every other byte of ASCII text
        # (an odd count of bytes: UTF-16 cut short, refused as such below).
        even, odd = data[0::2].count(0), data[1::2].count(0)
        whole = len(data) % 2 == 0 or len(data) > 16
        if whole and max(even, odd) > 0.3 * len(data) / 2 and min(even, odd) < 0.05 * len(data) / 2:
            encoding = "utf-16-le" if odd > even else "utf-16-be"
        else:
            raise NotTextError(
                f"not a text document: NUL byte at line {_line_of(data, data.index(0))}",
                path=path,
                line=_line_of(data, data.index(0)),
            )
    if encoding is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            encoding = _detect(data, path=path, error=error)
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}", path=path) from None
    if not getattr(codec, "_is_text_encoding", True):  # base64, rot13, zlib ...: bytes to bytes, or str to str
        raise DecodeError(f"{encoding!r} is not a text encoding", path=path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        if error.reason in ("truncated data", "unexpected end of data"):
            raise DecodeError(
                f"the text ends inside a character at line {line} ({encoding})", path=path, line=line
            ) from None
        raise DecodeError(
            f"cannot decode byte {data[error.start : error.start + 1]!r} at line {line} as {encoding}",
            path=path,
            line=line,
        ) from None
    except (UnicodeError, LookupError) as error:  # a codec that fails without saying where (punycode ...)
        raise DecodeError(f"cannot decode as {encoding}: {error}", path=path) from None
    if not codec.name.startswith(("utf-8", "utf-16", "utf-32")):  # those are strict about surrogates
        surrogate = _SURROGATE_RE.search(text)
        if surrogate is not None:  # utf-7, unicode_escape ... can give one, which no report can hold
            line = text.count("\n", 0, surrogate.start()) + 1
            raise DecodeError(
                f"decoded as {encoding}, the text holds a lone surrogate {surrogate.group()!r} at line {line}",
                path=path,
                line=line,
            )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise NotTextError(f"not a text document: NUL character at line {line}", path=path, line=line)
    return text


def _detect(data: bytes, *, path: str | None, error: UnicodeDecodeError) -> str:
    """Guess the encoding of bytes that are not UTF-8 (charset-normalizer)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: 1 << 20]))
    if not matches:
        line = _line_of(data, error.start)
        raise DecodeError(
            f"not UTF-8 (invalid byte {data[error.start : error.start + 1]!r} at line {line}) "
            "and no other encoding fits; pass encoding=",
            path=path,
            line=line,
        )
    # On short texts many single-byte code pages decode without "chaos"; among
    # those that fit equally well, prefer the ones documents are written in.
    least = min(match.chaos for match in matches)
    fitting = [match for match in matches if match.chaos <= least + 0.02]
    for preferred in _PREFERRED:
        for match in fitting:
            if preferred in match.could_be_from_charset:
                return preferred
    return str(fitting[0].encoding)


def read_text(path: str | PathLike[str], *, encoding: str | None = None, options: Options | None = None) -> str:
    """Read a file as text, within :attr:`Options.max_input_bytes`."""
    return decode(read_bytes_limited(path, options=options), encoding=encoding, path=os.fspath(path))


@functools.cache
def _ftfy() -> Any:
    try:
        import ftfy
    except ImportError:
        return None
    return ftfy


# Every pattern of ftfy's mojibake heuristic (``ftfy.badness``) holds two
# non-ASCII characters side by side, or one of the characters below (C1
# controls, "Œ"/"œ", and the "Ã"/"Â" that UTF-8 read as cp1252 begins
# with).  ftfy repairs line by line and leaves a line alone when that
# heuristic finds nothing in it, so only the lines this expression finds can
# change.  CAUTION: a cheaper test (non-ASCII letters, say) would miss
# "Ã " and "œ" on their own; tests/test_load.py checks the claim against
# the installed ftfy for every character of the Basic Multilingual Plane.
_MAYBE_MOJIBAKE_RE = re.compile(r"[^\x00-\x7f]{2}|[\x80-\x9f\u0152\u0153\u00c2\u00c3]")


@functools.cache
def _fixer_config() -> Any:
    """ftfy's encoding repair alone (ftfy is installed)."""
    return _ftfy().TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair_mojibake(text: str) -> str:
    """Undo a wrong decoding (UTF-8 read as cp1252/latin-1 ...) when ``ftfy``
    finds one unambiguously; otherwise return ``text`` unchanged.

    Only the encoding repair of ``ftfy`` is applied (its other "fixes", such
    as curling or uncurling quotes, would alter the document's own text), and
    only to the lines that can hold mojibake: the result is that of
    ``ftfy.fix_text`` on the whole text, which also works line by line, and a
    text with none such lines is returned without loading ``ftfy``.
    """
    found = None if text.isascii() else _MAYBE_MOJIBAKE_RE.search(text)
    if found is None:
        return text
    ftfy = _ftfy()
    if ftfy is None:
        return text
    config = _fixer_config()
    pieces: list[str] = []
    fixed: dict[str, str] = {}  # a drawn rule or a table's border repeats: each line is fixed once
    done = 0
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end + 1
        pieces.append(text[done:start])
        line = text[start:end]
        if line not in fixed:
            fixed[line] = str(ftfy.fix_text(line, config))
        pieces.append(fixed[line])
        done = end
        found = _MAYBE_MOJIBAKE_RE.search(text, end)
    pieces.append(text[done:])
    return "".join(pieces)


def _open_binary(name: str) -> tuple[BinaryIO, bytes]:
    """Open ``name`` for reading: a regular file, or a pipe that something
    writes to (``<(command)``, ``/dev/stdin`` in a pipeline); returns the file
    and the bytes already read from it (a pipe's first chunk).

    Anything else is refused with :class:`FileReadError` instead of being
    read: a named pipe nothing writes to (it would block forever, or read as
    an empty edition), a device (``/dev/zero`` never ends, a terminal waits
    for typing) other than ``/dev/null`` (empty, as for ``diff``), a socket.
    """
    nonblock = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0) | nonblock)
    try:
        mode = os.fstat(fd).st_mode
        head = b""
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", name)
        if stat.S_ISFIFO(mode) and nonblock:
            try:
                head = os.read(fd, 1 << 16)
            except BlockingIOError:  # a writer, that has not written yet
                pass
            else:
                if not head:  # end of file at once: nothing writes to it
                    raise FileReadError("not a regular file: a named pipe that nothing writes to", path=name)
        elif not stat.S_ISREG(mode) and not stat.S_ISFIFO(mode) and not _is_devnull(mode, fd):
            what = "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket or other special file"
            raise FileReadError(f"not a regular file: {what}", path=name)
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), head
    except BaseException:
        os.close(fd)
        raise


def _is_devnull(mode: int, fd: int) -> bool:
    if not stat.S_ISCHR(mode):
        return False
    try:
        null = os.stat(os.devnull)
    except OSError:  # pragma: no cover
        return False
    return stat.S_ISCHR(null.st_mode) and os.fstat(fd).st_rdev == null.st_rdev


def read_bytes_limited(path: str | PathLike[str], *, options: Options | None = None) -> bytes:
    """The bytes of a file, refused with :class:`InputTooLargeError` over
    :attr:`Options.max_input_bytes` (before reading when its size is known);
    :class:`FileReadError` names the file when it cannot be read, and refuses
    what is not a regular file or a pipe being written to (:func:`_open_binary`)."""
    limit = (options or Options()).max_input_bytes
    name = os.fspath(path)
    try:
        handle, head = _open_binary(name)
        with handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise InputTooLargeError(
                    f"file is {size} bytes, over the limit of {limit} (Options.max_input_bytes)", path=name
                )
            data = head + handle.read(max(limit + 1 - len(head), 0))
    except IsADirectoryError:
        raise FileReadError("is a directory, not a file", path=name) from None
    except FileNotFoundError:
        raise FileReadError("no such file", path=name) from None
    except PermissionError:
        raise FileReadError("permission denied", path=name) from None
    except OSError as error:
        raise FileReadError(f"cannot read: {error.strerror or error}", path=name) from None
    if len(data) > limit:
        raise InputTooLargeError(f"input is over the limit of {limit} bytes (Options.max_input_bytes)", path=name)
    return data
