"""Ingest: every input kind, and every kind of bad input as a Failure with a reason."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from kabar.ingest import read_pages
from kabar.records import Failure, RawPage

PARAGRAPH = "PYONGYANG, KOMPAS.com - Para pemimpin China dan Korea Utara menegaskan hubungan aliansi tradisional mereka."
HTML = f"<!DOCTYPE html><html><head><title>Judul</title></head><body><p>{PARAGRAPH}</p></body></html>"


def _one(path: Path | str, **kwargs) -> list[RawPage | Failure]:
    return list(read_pages([path], **kwargs))


def test_read_pages_samples_are_text(sample_paths: list[Path]) -> None:
    pages = list(read_pages(sample_paths))
    assert len(pages) == 5
    assert all(isinstance(p, RawPage) and p.kind == "text" and p.encoding == "utf-8" for p in pages)


def test_read_pages_walks_directories_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "1.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PARAGRAPH, encoding="utf-8")
    sources = [p.source for p in read_pages([tmp_path])]
    assert sources == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.html", HTML, "html"),
        ("a.txt", HTML, "html"),  # content wins over the extension
        ("page", "<html><body><p>x</p></body></html>", "html"),
        ("a.txt", PARAGRAPH, "text"),
    ],
)
def test_read_pages_kind_by_content(tmp_path: Path, name: str, content: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (page,) = _one(path, url="https://example.com/a")
    assert isinstance(page, RawPage) and page.kind == kind and page.url == "https://example.com/a"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (HTML.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252"), "cp1252"),
        (PARAGRAPH.encode("utf-16"), "utf-16"),
        ("\ufeff".encode() + PARAGRAPH.encode(), "utf-8-sig"),
    ],
)
def test_read_pages_decodes_declared_and_bom_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    (page,) = _one(path)
    assert isinstance(page, RawPage) and page.encoding == encoding
    assert "Para pemimpin China" in page.content


def test_read_pages_detects_undeclared_latin1(tmp_path: Path) -> None:
    text = "Menteri itu berkata bahwa café dan résumé bukan kata Indonesia, tetapi dipakai di Jakarta. " * 5
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("latin-1"))
    (page,) = _one(path)
    assert isinstance(page, RawPage) and "café" in page.content


def test_read_pages_jsonl(tmp_path: Path) -> None:
    lines = [
        {"text": PARAGRAPH, "url": "https://kompas.com/a", "id": "x1", "published": "2021-03-23"},
        {"html": HTML},
        {"title": "tanpa isi"},
        "not json",
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines), encoding="utf-8")
    items = _one(path)
    first, second, third, fourth = items
    assert isinstance(first, RawPage) and first.published_hint == "2021-03-23" and first.id_hint == "x1"
    assert first.source.endswith("#1") and first.kind == "text"
    assert isinstance(second, RawPage) and second.kind == "html"
    assert isinstance(third, Failure) and "no 'text' or 'html'" in third.reason
    assert isinstance(fourth, Failure) and "invalid JSON" in fourth.reason


def _warc_bytes(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, ctype, body in [
        ("https://news.example.id/a", "text/html; charset=utf-8", HTML.encode()),
        ("https://news.example.id/logo.png", "image/png", b"\x89PNG\r\n"),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize(("name", "gz"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_read_pages_warc_html_responses(tmp_path: Path, name: str, gz: bool) -> None:
    path = tmp_path / name
    path.write_bytes(_warc_bytes(gz))
    (page,) = _one(path)
    assert isinstance(page, RawPage) and page.kind == "html" and page.url == "https://news.example.id/a"
    assert PARAGRAPH in page.content


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty page"),
        (bytes(range(256)) * 20, "binary"),
        (gzip.compress(PARAGRAPH.encode() * 50), "binary"),
    ],
)
def test_read_pages_bad_bytes_are_failures(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (failure,) = _one(path)
    assert isinstance(failure, Failure) and failure.source == str(path) and reason in failure.reason


def test_read_pages_size_limit_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: 200 MB of zeros that take no disk
        handle.truncate(200_000_000)
    (failure,) = _one(path)
    assert isinstance(failure, Failure) and "too large" in failure.reason and "20 MB" in failure.reason


def test_read_pages_missing_and_unreadable(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(PARAGRAPH, encoding="utf-8")
    locked.chmod(0)
    items = list(read_pages([tmp_path / "missing.html", locked]))
    assert isinstance(items[0], Failure) and "no such file" in items[0].reason
    if os.geteuid() != 0:  # root reads anything
        assert isinstance(items[1], Failure) and "permission denied" in items[1].reason
    locked.chmod(0o644)


def test_read_pages_truncated_html_reported_and_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(HTML[: HTML.index("</p>")], encoding="utf-8")
    failure, page = _one(path)
    assert isinstance(failure, Failure) and "truncated HTML" in failure.reason
    assert isinstance(page, RawPage) and page.kind == "html"


def test_read_pages_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(PARAGRAPH.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    (page,) = _one("-")
    assert isinstance(page, RawPage) and page.source == "-" and page.content == PARAGRAPH


@pytest.mark.parametrize(
    "document",
    [
        json.dumps({"text": PARAGRAPH, "url": "https://kompas.com/a"}, indent=2),
        json.dumps([{"text": PARAGRAPH}, {"html": HTML}], indent=2),
    ],
)
def test_read_pages_json_document(tmp_path: Path, document: str) -> None:
    path = tmp_path / "pages.json"
    path.write_text(document, encoding="utf-8")
    items = _one(path)
    assert items and all(isinstance(p, RawPage) for p in items)
    assert items[0].content == PARAGRAPH


def test_read_pages_wrong_declared_charset_falls_back(tmp_path: Path) -> None:
    text = "<html><head><meta charset='utf-8'></head><body><p>Menteri berkata café itu ditutup. " * 20
    path = tmp_path / "wrong.html"
    path.write_bytes((text + "</p></body></html>").encode("cp1252"))
    (page,) = _one(path)
    assert isinstance(page, RawPage) and "café" in page.content and page.encoding != "utf-8"


def test_read_pages_stale_latin1_declaration_on_utf8(tmp_path: Path) -> None:
    path = tmp_path / "stale.html"
    html = HTML.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    path.write_bytes(html.replace("Para", "Foto ©KapanLagi.com® Para").encode("utf-8"))
    (page,) = _one(path)
    assert isinstance(page, RawPage) and page.encoding == "utf-8" and "©KapanLagi.com®" in page.content
