"""Paths to byte sources: directory walking, stdin, and the size limit.

A source is named by its canonical absolute path (symbolic links and "..",
resolved), so one file given as `news/a.txt` and as `/home/x/news/a.txt` is one
source with one article id. Whatever a walk meets that is not a readable
regular file (a symlink loop, a dangling link, a FIFO, a directory it may not
list) becomes a source with a `problem`, reported as a failure, never skipped
in silence.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20_000_000  # a news page is well under 20 MB; anything bigger is not one page
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path or standard input."""

    name: str  # the canonical absolute path, printable (or "-")
    path: Path | None  # None for stdin
    problem: str | None = None  # why this entry cannot be read (reported, not read)


def walk(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Files in the order given, directories walked recursively and sorted, hidden files skipped."""
    for raw in paths:
        if str(raw) == STDIN:
            yield Source(STDIN, None)
            continue
        path = Path(raw)
        try:
            path = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
            yield Source(printable(os.path.abspath(path)), path, "symbolic link loop")
            continue
        if path.is_dir():
            yield from sorted(_walk_dir(path), key=lambda s: s.path.parts if s.path else ())
        else:
            yield Source(printable(path), path)


def printable(path: str | Path) -> str:
    """A path as text: bytes of a file name that are not UTF-8 shown as \\xNN (they would fail any encoder)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _walk_dir(top: Path) -> Iterator[Source]:
    unreadable: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable.append, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in list(dirnames):
            if (here / name).is_symlink():  # os.walk does not follow these: say so
                yield Source(printable(here / name), here / name, "symbolic link to a directory: not followed")
        for name in filenames:
            if not name.startswith("."):
                yield _file_source(here / name)
    for error in unreadable:
        where = Path(error.filename) if error.filename else top
        yield Source(printable(where), where, f"cannot list directory: {error.strerror or error}")


def _file_source(path: Path) -> Source:
    """A directory entry that os.walk did not take for a directory: a file, a link, or something else."""
    try:
        info = path.stat()
    except OSError as exc:
        if path.is_symlink():
            if exc.errno == errno.ELOOP:
                return Source(printable(path), path, "symbolic link loop")
            return Source(printable(path), path, "dangling symbolic link (its target does not exist)")
        return Source(printable(path), path, f"cannot read: {exc.strerror or exc}")
    if path.is_symlink():
        path = path.resolve()  # a link to a file: named by its target, so a file linked twice is one source
    if stat.S_ISREG(info.st_mode):
        return Source(printable(path), path)
    return Source(printable(path), path, f"not a regular file ({_kind(info.st_mode)}): skipped")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


class ReadError(OSError):
    """A source that cannot be read, with a reason fit for the user."""


def read_limited(source: Source, max_bytes: int = MAX_BYTES) -> bytes:
    """All bytes of a source, refusing anything above `max_bytes` without reading it whole."""
    if source.problem is not None:
        raise ReadError(source.problem)
    if source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        size = regular_size(source.path)
        if size > max_bytes:
            raise ReadError(f"file too large: {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        try:
            with source.path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except PermissionError:
            raise ReadError("permission denied") from None
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError(f"input too large: over the {max_bytes / 1e6:.0f} MB limit")
    return data


def regular_size(path: Path) -> int:
    """The size of a regular file; a ReadError naming why anything else cannot be read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadError("no such file or directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise ReadError("not a regular file")
    return info.st_size
