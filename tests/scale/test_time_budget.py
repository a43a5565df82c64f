"""A time budget per page (issue 23): one pathological page cannot hold up the batch."""

from __future__ import annotations

import re
import time

import pytest

from kabar.records import Failure, RawPage
from kabar.scale import LocalExecutor

# the HTML sniffing regex as it was: exponential on comments followed by no <html> (n=40: over 120 s)
_OLD_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:html|head|body)\b", re.S)


def _sniff(page: RawPage) -> str:
    try:  # a stage's own error handling must not swallow the budget
        _OLD_SNIFF.match(page.content.encode())
    except Exception:
        return "swallowed"
    return page.source


PAGES = [RawPage(f"p{i}.html", "<p>x</p>" if i != 1 else "<!--c-->" * 40 + "<p>x</p>", "html") for i in range(4)]


@pytest.mark.parametrize("workers", [1, 2])
def test_page_over_budget_is_a_failure_and_the_rest_go_on(workers: int) -> None:
    start = time.perf_counter()
    out = list(LocalExecutor(workers=workers, batch_size=1, page_timeout=0.5).map(_sniff, PAGES))
    assert time.perf_counter() - start < 20
    assert out[0] == "p0.html" and out[2:] == ["p2.html", "p3.html"]
    assert isinstance(out[1], Failure) and out[1].source == "p1.html" and out[1].stage == "timeout"
    assert "0.5 s" in out[1].reason


def test_planned_items_name_their_page() -> None:
    out = list(LocalExecutor(page_timeout=0.3).map(lambda item: _sniff(item[0]), [(PAGES[1], frozenset())]))
    assert isinstance(out[0], Failure) and out[0].source == "p1.html"


def test_no_budget_when_none_and_timer_cleared_after() -> None:
    import signal

    assert list(LocalExecutor(page_timeout=None).map(_sniff, PAGES[:1])) == ["p0.html"]
    list(LocalExecutor(page_timeout=5).map(_sniff, PAGES[:1]))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_run_records_the_timeout_and_stores_the_others(tmp_path, sample_paths, monkeypatch) -> None:
    from kabar import pipeline
    from kabar.store import open_store

    slow = sample_paths[0].name
    real = pipeline.extract_page

    def stalls_on_one(page, repeated=frozenset()):
        if page.source.endswith(slow):
            time.sleep(60)
        return real(page, repeated)

    monkeypatch.setattr(pipeline, "extract_page", stalls_on_one)
    summary = pipeline.run(sample_paths, db=str(tmp_path / "k.db"), executor=LocalExecutor(page_timeout=2))
    assert summary.articles_stored == len(sample_paths) - 1
    (failure,) = [f for f in summary.failures if f.stage == "timeout"]
    assert failure.source.endswith(slow)
    with open_store(str(tmp_path / "k.db")) as store:
        assert len(list(store.analysed_articles())) == len(sample_paths) - 1


def test_ray_page_over_budget_is_a_failure_and_the_rest_go_on(ray_cluster) -> None:
    from kabar.scale.ray_executor import RayExecutor

    out = list(RayExecutor(batch_size=1, page_timeout=0.5).map(_sniff, PAGES))
    assert out[0] == "p0.html" and out[2:] == ["p2.html", "p3.html"]
    assert isinstance(out[1], Failure) and out[1].source == "p1.html" and out[1].stage == "timeout"
