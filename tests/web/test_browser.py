"""The web UI in a real browser: Debian's chromium driven by Playwright (never a browser download).

Clicks from the story list to a story to an article, checks that the
timeline and the highlights render and that a <script> in article text stays
inert, and saves a screenshot of each page into test-artifacts/.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from tests.store import factory

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from kabar.web.app import create_app

    db = factory.filled_db(tmp_path_factory.mktemp("browser") / "kabar.db")
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        yield pg
        context.close()
        browser.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_browser_story_to_article(server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Stories"
    assert page.locator(".story-card").count() == 2
    _shot(page, "01-stories")

    page.click("text=Hubungan China–Korea Utara")
    page.wait_for_url("**/stories/st-china-korut")
    chart = page.locator("figure.timeline svg")
    assert chart.count() == 1
    assert page.locator("figure.timeline .mark-event").count() == 2
    assert page.locator("figure.timeline .mark-article").count() == 2
    labels = page.locator("figure.timeline .lane-label").all_text_contents()
    assert "Kompas.com" in labels and "Sragen Update" in labels
    assert page.locator("figure.timeline .tick-label").count() >= 2
    _shot(page, "02-story")

    page.click("#event-ev-pesan-2021-03 ul a")
    page.wait_for_url("**/articles/" + factory.article_id("kompas"))
    body = page.locator(".reader .body")
    assert body.locator("a.ent-PER", has_text="Kim Jong Un").count() >= 1
    assert body.locator("span.timex", has_text="Selasa (23/3/2021)").count() == 1
    assert body.locator("span.quote", has_text="persatuan dan kerja sama").count() == 1
    assert body.locator("span.reuse").count() == 1
    assert page.locator(".side").get_by_text("Associated Press").count() >= 1
    _shot(page, "03-article")

    page.click("text=" + factory.META["sragen"]["title"])  # the reused passage links to the other article
    page.wait_for_url("**/articles/" + factory.article_id("sragen") + "*")
    assert page.locator("#cited").count() == 1

    page.goto(server + "/articles/" + factory.article_id("tribun"))
    assert page.locator(".reader .body script").count() == 0
    assert "<script>alert('x')</script>" in page.locator(".reader .body").inner_text()
    assert "<b>bold</b>" in page.locator("h1").inner_text()
    _shot(page, "04-article-untrusted")

    page.click(".reader .body a.ent-PER >> text=Siti Aminah")
    page.wait_for_url("**/entities/" + factory.entity_id("Siti Aminah"))
    assert page.locator("figure.bars svg rect.bar").count() >= 1
    assert page.locator(".quote-list li").count() == 1
    _shot(page, "05-entity")

    page.goto(server + "/search?q=" + "menyerukan persatuan")
    assert page.locator("ol.results li").count() == 1
    assert page.locator("ol.results mark").count() >= 1
    _shot(page, "06-search")

    page.goto(server + "/search?q=%3Cscript%3Ebanjir%3C%2Fscript%3E")
    assert page.locator("ol.results li").count() == 1
    assert dialogs == []


def test_browser_report_citations_open_the_sentence(tmp_path, page):
    from kabar.report import render_report

    items = factory.corpus()
    path = tmp_path / "report.html"
    path.write_text(render_report(items, factory.linking()), encoding="utf-8")
    page.goto(path.as_uri())
    refs = page.locator("sup.ref a")
    assert refs.count() >= 2
    assert page.locator("text=1 stories").count() == 0
    target = refs.first.get_attribute("href")  # "#c-ARTICLE-START"
    assert not page.locator(target).is_visible()  # inside the article's closed body
    refs.first.click()
    page.wait_for_function("location.hash.length > 1")
    assert page.locator(target).is_visible()  # the cited sentence, its <details> opened
    _shot(page, "07-report")


def test_browser_api_events_and_search_facets(server, page):
    page.goto(server + "/")
    page.click("nav >> text=API")
    page.wait_for_url("**/api")
    assert page.locator("table code", has_text="/api/search").count() >= 1
    _shot(page, "08-api")

    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)  # Swagger UI ran from this server's files
    assert page.locator(".swagger-ui .opblock").count() >= 10
    _shot(page, "09-docs")

    page.goto(server + "/")
    page.click("nav >> text=Events")
    page.wait_for_url("**/events")
    assert page.locator("table.grid-table tbody tr").count() == 3
    page.click("text=Banjir Jakarta Timur")
    page.wait_for_url("**/events/ev-banjir-2022-11")
    _shot(page, "10-event")

    page.goto(server + "/search?q=China%20OR%20banjir")
    assert page.locator("ol.results li").count() == 3
    assert page.locator("aside.facets").is_visible()
    page.click("aside.facets >> text=Sragen Update")
    assert page.locator("ol.results li").count() == 1
    _shot(page, "11-search-facets")

    page.goto(server + "/search?q=%22Kim%20Jong")
    assert "unbalanced quote" in page.locator("p.error").inner_text()
