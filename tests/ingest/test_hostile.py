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


def _sources(paths) -> list[tuple[str, str | None]]:
    return [(p.source, p.reason if isinstance(p, Failure) else None) for p in read_pages(paths)]


def test_walk_non_utf8_file_name_is_read_with_a_printable_name(tmp_path: Path) -> None:
    import os

    raw = os.fsencode(tmp_path) + b"/berita-\xff\xfe.txt"
    with open(raw, "wb") as handle:
        handle.write(PARAGRAPH_TEXT.encode())
    (page,) = read_pages([tmp_path])
    assert isinstance(page, RawPage) and page.source.endswith("berita-\\xff\\xfe.txt")
    page.source.encode("utf-8")  # the name reaches the store and the terminal


PARAGRAPH_TEXT = "Para pemimpin China dan Korea Utara menegaskan hubungan aliansi tradisional mereka."


def test_walk_reports_links_loops_and_fifos(tmp_path: Path) -> None:
    import os

    (tmp_path / "a.txt").write_text(PARAGRAPH_TEXT, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "linked-dir").symlink_to(tmp_path / "sub")
    os.mkfifo(tmp_path / "pipe.warc")  # opening a FIFO blocks: it must be refused before open()
    os.mkfifo(tmp_path / "pipe.txt")
    reasons = dict(_sources([tmp_path]))
    assert reasons[str(tmp_path / "a.txt")] is None
    assert "loop" in reasons[str(tmp_path / "loop")]
    assert "dangling" in reasons[str(tmp_path / "dangling")]
    assert "not followed" in reasons[str(tmp_path / "linked-dir")]
    assert "FIFO" in reasons[str(tmp_path / "pipe.warc")] and "FIFO" in reasons[str(tmp_path / "pipe.txt")]


def test_walk_given_a_loop_or_fifo_directly(tmp_path: Path) -> None:
    import os

    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    os.mkfifo(tmp_path / "pipe.warc.gz")
    out = _sources([tmp_path / "loop", tmp_path / "pipe.warc.gz"])
    assert len(out) == 2 and all(reason for _, reason in out)


def test_sources_named_by_canonical_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(PARAGRAPH_TEXT, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "news" / "a.txt")
    monkeypatch.chdir(tmp_path)
    spellings = ["news/a.txt", "./news/../news/a.txt", str(tmp_path / "news" / "a.txt"), "alias.txt", "news"]
    names = {source for spelling in spellings for source, _ in _sources([spelling])}
    assert names == {str((tmp_path / "news" / "a.txt").resolve())}
