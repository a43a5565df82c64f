"""JSON Lines input: one page a line, `{text|html, url?, id?, published?}`."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kabar.ingest.text import scrub
from kabar.records import Failure, RawPage


def read_jsonl(text: str, source: str, *, url: str | None = None) -> Iterator[RawPage | Failure]:
    """Each non-blank line becomes a page (`source#line`) or a Failure with the line number.

    A file holding one JSON document (an object, or a list of objects) is read as
    if each object were a line.
    """
    whole = _whole_document(text)
    lines = [json.dumps(obj, ensure_ascii=False) for obj in whole] if whole is not None else text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Failure(where, "ingest", f"invalid JSON on line {number}: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "ingest", f"line {number} is not a JSON object")
            continue
        html, plain = obj.get("html"), obj.get("text")
        content = html if isinstance(html, str) and html.strip() else plain
        if not isinstance(content, str) or not content.strip():
            yield Failure(where, "ingest", f"line {number} has no 'text' or 'html'")
            continue
        kind = "html" if content is html else "text"
        yield RawPage(
            source=where,
            content=scrub(content),
            kind=kind,
            url=_str(obj.get("url")) or url,
            id_hint=_str(obj.get("id")),
            published_hint=_str(obj.get("published")),
            encoding="utf-8",
        )


def _whole_document(text: str) -> list | None:
    stripped = text.strip()
    if "\n" not in stripped:
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data
    return None


def _str(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = scrub(str(value)).strip()
    return text or None
