"""Bytes to text: BOM, then the HTML meta charset, then UTF-8, then charset detection.

Binary content (NUL bytes, many control characters) is refused with a reason
instead of being decoded into noise.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF = 4096  # bytes looked at for binary content
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or more than 10% control characters in the first 4 KB (and no UTF-16/32 BOM)."""
    head = data[:_SNIFF]
    if not head or bom_encoding(head) in {"utf-16", "utf-32"}:
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.10


_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii"})


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises DecodeError for binary or undecodable bytes."""
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    if looks_binary(data):
        raise DecodeError("binary content (NUL or control bytes), not a text or HTML page")
    declared = meta_charset(data)
    if declared and declared in _SINGLE_BYTE and not data.isascii() and _is_utf8(data):
        # A Latin-1 declaration on bytes that are valid UTF-8 is a stale template: UTF-8 wins.
        return data.decode("utf-8"), "utf-8"
    if declared == "iso8859-1":
        declared = "cp1252"  # what browsers read for a Latin-1 declaration
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("unknown text encoding (charset detection found none)")
    return data.decode(best.encoding, errors="replace"), best.encoding
