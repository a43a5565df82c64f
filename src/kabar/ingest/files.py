"""Paths to byte sources: directory walking, stdin, and the size limit."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20_000_000  # a news page is well under 20 MB; anything bigger is not one page
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path or standard input."""

    name: str  # the path as given (or "-")
    path: Path | None  # None for stdin


def walk(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Files in the order given, directories walked recursively and sorted, hidden files skipped."""
    for raw in paths:
        name = str(raw)
        if name == STDIN:
            yield Source(STDIN, None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield Source(str(child), child)
        else:
            yield Source(name, path)


class ReadError(OSError):
    """A source that cannot be read, with a reason fit for the user."""


def read_limited(source: Source, max_bytes: int = MAX_BYTES) -> bytes:
    """All bytes of a source, refusing anything above `max_bytes` without reading it whole."""
    if source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        size = _size(source.path)
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


def _size(path: Path) -> int:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ReadError("no such file or directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise ReadError("not a regular file")
    return stat.st_size
