"""Ingest under hostile input (issue 23): nothing a file holds may hang, crash or silently drop the batch."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from kabar.ingest import read_pages
from kabar.ingest.detect import sniff_kind
from kabar.records import Failure, RawPage

HTML = "<html><body><p>Para pemimpin China dan Korea Utara menegaskan hubungan aliansi mereka.</p></body></html>"


def _elapsed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def test_sniff_kind_many_comments_is_linear() -> None:
    # before the fix n=22 took 5 s and n=40 over 120 s (backtracking doubled per comment)
    small = min(_elapsed(sniff_kind, b"<!--c-->" * 20 + b"<p>text</p>", "x") for _ in range(3))
    large = min(_elapsed(sniff_kind, b"<!--c-->" * 2000 + b"<p>text</p>", "x") for _ in range(3))
    assert large < 0.5
    assert large < max(small, 1e-5) * 100 * 20  # 100 times the comments: within 20x linear growth


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!--a--> <!-- b -- c --><html><p>x</p>", "html"),
        (b"<!--c-->" * 40 + b"<!DOCTYPE html><p>x</p>", "html"),
        (b"<!--c-->" * 40 + b"plain words", "text"),
    ],
)
def test_sniff_kind_comments_before_html(head: bytes, kind: str) -> None:
    assert sniff_kind(head, "page") == kind


def _warc(gz: bool, *, without_uri: int | None = None) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://news.example.id/{i}", "response", payload=io.BytesIO(HTML.encode()), http_headers=headers)
        if i == without_uri:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_record_without_target_uri_is_a_failure_and_the_rest_is_read(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc(gz, without_uri=1))
    out = list(read_pages([path]))
    assert [p.url for p in out if isinstance(p, RawPage)] == ["https://news.example.id/0", "https://news.example.id/2"]
    (failure,) = [f for f in out if isinstance(f, Failure)]
    assert failure.source == f"{path}#2" and "WARC-Target-URI" in failure.reason


@pytest.mark.parametrize("gz", [False, True])
def test_warc_cut_in_a_record_is_reported(tmp_path: Path, gz: bool) -> None:
    data = _warc(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: len(data) - 40])
    out = list(read_pages([path]))
    assert [p.url for p in out if isinstance(p, RawPage)][:2] == ["https://news.example.id/0", "https://news.example.id/1"]
    failures = [f for f in out if isinstance(f, Failure)]
    assert failures and all("cut short" in f.reason for f in failures)


@pytest.mark.parametrize("gz", [False, True])
def test_warc_whole_is_not_reported_cut(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    path.write_bytes(_warc(gz))
    out = list(read_pages([path]))
    assert len(out) == 3 and all(isinstance(p, RawPage) for p in out)


def test_warc_garbage_after_header_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(_warc(False) + b"WARC/1.0\r\nContent-Length: zebra\r\n\r\n\x00\x01garbage")
    out = list(read_pages([path]))
    assert sum(isinstance(p, RawPage) for p in out) == 3


def _has_surrogate(text: str | None) -> bool:
    return text is not None and any("\ud800" <= ch <= "\udfff" for ch in text)


def test_jsonl_lone_surrogates_are_replaced_at_ingest(tmp_path: Path, sample_paths: list[Path]) -> None:
    import json

    from kabar.pipeline import process_page

    text = sample_paths[0].read_text(encoding="utf-8")
    cut = text.index(" ", len(text) // 2)
    escaped = json.dumps(text[:cut] + " \ud800" + text[cut:])  # json.dumps writes the escape "\ud800"
    assert "\\ud800" in escaped
    line = '{"text": %s, "url": "https://x.id/\\ud800", "id": "a\\udc00"}' % escaped
    path = tmp_path / "s.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (page,) = read_pages([path])
    assert isinstance(page, RawPage)
    assert not any(_has_surrogate(v) for v in (page.content, page.url, page.id_hint)) and "\ufffd" in page.content
    result = process_page(page)  # the CRF tagger raised SystemError on a lone surrogate
    assert not isinstance(result, Failure) and not result.failures
    assert not _has_surrogate(result.analysed.article.text)


def test_stable_id_survives_a_lone_surrogate() -> None:
    from kabar.ids import stable_id

    assert stable_id("a\ud800") != stable_id("a\ud801")
