"""Telling input kinds apart by content, with the file extension as a hint."""

from __future__ import annotations

import json
import re
from typing import Literal

InputKind = Literal["html", "text", "jsonl", "warc"]

# Each comment is matched atomically (its shortest close, never a longer one): without the atomic
# group, a head of n comments and then no <html> backtracked through 2^n ways to pair the marks.
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?>.*?-->)\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"</?(?:p|div|span|a|br|title|script|meta|article|h[1-6])\b", re.I)
_GZIP = b"\x1f\x8b"


def sniff_kind(head: bytes, name: str) -> InputKind:
    """The kind of an input from its first bytes and its file name."""
    lower = name.lower()
    if head.startswith(b"WARC/") or lower.endswith((".warc", ".warc.gz", ".arc.gz")) and (
        head.startswith(_GZIP) or head.startswith(b"WARC/")
    ):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith(b"{") and (lower.endswith((".jsonl", ".ndjson", ".json")) or _first_line_is_page(stripped)):
        return "jsonl"
    if stripped.startswith(b"[") and lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".html", ".htm", ".xhtml")) or len(_HTML_TAGS.findall(head[:8192])) >= 5:
        return "html"
    return "text"


def _first_line_is_page(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)
