"""The Python API (`import kabar`): docs/python.md runs as written; the names load lazily; real text in."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys

import pytest

import kabar
from tests.conftest import REPO, SAMPLES


def test_api_docs_python_md_examples_run(monkeypatch):
    monkeypatch.chdir(REPO)  # the page reads examples/samples from the checkout's root
    failed, attempted = doctest.testfile(
        str(REPO / "docs" / "python.md"), module_relative=False, optionflags=doctest.ELLIPSIS, report=True, verbose=False
    )
    assert attempted > 20
    assert failed == 0


def test_api_import_is_cheap():
    code = "import sys, kabar; print(sorted(m for m in sys.modules if m.startswith(('kabar.', 'sqlalchemy', 'numpy', 'fastapi'))))"
    env = os.environ | {"PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "[]"


def test_api_names_are_listed_and_do_not_shadow_subpackages():
    import kabar.analyse  # noqa: F401  (a subpackage; the API's names must not replace it)
    import kabar.link  # noqa: F401

    assert {"read", "analyse_text", "analyse_article", "link_articles", "Store", "code_events"} <= set(kabar.__all__)
    assert {"read", "Store"} <= set(dir(kabar))
    assert kabar.analyse.__name__ == "kabar.analyse" and callable(kabar.analyse_text)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        kabar.nothing_here  # noqa: B018


def test_api_read_a_page_given_as_a_string():
    html = (SAMPLES / "001_7cab8cf64f69f02b.txt").read_text(encoding="utf-8")
    [from_text] = kabar.read(html)
    [from_path] = kabar.read(str(SAMPLES / "001_7cab8cf64f69f02b.txt"))
    assert from_text.body == from_path.body and from_text.title == from_path.title
    page = (
        "<html><head><title>Banjir Rendam Jakarta Timur</title></head><body><article><h1>Banjir Rendam Jakarta Timur</h1>"
        "<p>JAKARTA - Banjir merendam ratusan rumah di Jakarta Timur pada Sabtu setelah hujan deras mengguyur sejak malam.</p>"
        "<p>Warga mengungsi ke masjid terdekat, kata petugas kelurahan kepada wartawan di lokasi.</p>"
        "</article></body></html>"
    )
    [article] = kabar.read(page, published="2022-11-26")
    assert article.published == "2022-11-26"
    assert any("ratusan rumah" in p for p in article.body)


def test_api_read_refuses_what_holds_no_article(tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(kabar.KabarError) as caught:
        kabar.read(str(empty))
    assert caught.value.failures[0].stage == "ingest"
    with pytest.raises(kabar.KabarError):
        kabar.analyse_text("   \n  ")


def test_api_analyse_text_spans_point_into_the_text():
    analysed = kabar.analyse_text(
        "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri China Wang Yi di Jakarta, Kamis (13/1/2022).\n"
        '"Kami membahas kerja sama vaksin," kata Retno.',
        published="2022-01-14",
        title="Retno bertemu Wang Yi",
    )
    text = analysed.article.text
    assert analysed.article.title == "Retno bertemu Wang Yi"
    for span in (*analysed.mentions, *analysed.timexes):
        assert text[span.start : span.end] == span.text
    people = {m.text: m.role for m in analysed.mentions if m.type == "PER"}
    assert people.get("Retno Marsudi") == "Menteri Luar Negeri"
    assert "Wang Yi" in people
    assert [(t.text, t.value) for t in analysed.timexes] == [("Kamis (13/1/2022)", "2022-01-13")]
    assert analysed.quotes[0].quote == "Kami membahas kerja sama vaksin"
