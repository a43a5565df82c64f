import re

import pytest

from kabar.crawl.sources import Outlet, SourcesError, load_sources, parse_sources, wants

# the contract's minimal SOURCES file (docs/interfaces.md, `kabar crawl`), verbatim
CONTRACT = '''
[[outlet]]
name = "Contoh News"
home = "http://127.0.0.1:8765/"                 # optional: feeds and sitemaps discovered from it
feeds = ["http://127.0.0.1:8765/rss.xml"]       # optional: RSS or Atom
sitemaps = ["http://127.0.0.1:8765/sitemap.xml"] # optional: sitemap, sitemap index or news sitemap
'''


def test_sources_contract_minimal_form_is_read(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(CONTRACT, encoding="utf-8")
    (outlet,) = load_sources(path).outlets
    assert outlet == Outlet(
        name="Contoh News",
        home="http://127.0.0.1:8765/",
        feeds=("http://127.0.0.1:8765/rss.xml",),
        sitemaps=("http://127.0.0.1:8765/sitemap.xml",),
    )


def test_sources_extensions_and_unknown_keys():
    import tomllib

    sources = parse_sources(tomllib.loads('''
contact = "mailto:redaksi@example.org"
[[outlet]]
name = "Antara"
feeds = ["https://www.antaranews.com/rss/terkini.xml"]
sections = ["/berita/"]
exclude = ["/berita/foto/"]
delay = 2.5
verified = false
language = "id"   # a key Kabar does not know: allowed
'''))
    (outlet,) = sources.outlets
    assert sources.contact == "mailto:redaksi@example.org"
    assert (outlet.sections, outlet.exclude, outlet.delay, outlet.verified) == (("/berita/",), ("/berita/foto/",), 2.5, False)


@pytest.mark.parametrize(
    "text, fault",
    [
        ("", "no [[outlet]]"),
        ('[[outlet]]\nhome = "https://a.id/"', "'name' is required"),
        ('[[outlet]]\nname = "A"', "at least one of"),
        ('[[outlet]]\nname = "A"\nfeeds = ["ftp://a.id/rss"]', "not http(s)"),
        ('[[outlet]]\nname = "A"\nhome = "https://a.id/"\ndelay = -1', "'delay'"),
        ("[[outlet]\nname =", "not valid TOML"),
    ],
)
def test_sources_faults_are_named(tmp_path, text, fault):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesError, match=re.escape(fault)):
        load_sources(path)


def test_sources_section_filters():
    outlet = Outlet("A", home="https://a.id/", sections=("/nasional/", "/dunia/"), exclude=("/nasional/foto/",))
    assert wants(outlet, "/nasional/2024/berita")
    assert not wants(outlet, "/olahraga/bola")
    assert not wants(outlet, "/nasional/foto/galeri")
    assert wants(Outlet("B", home="https://b.id/"), "/apa/saja")


def test_sources_the_shipped_outlet_list_loads_and_says_it_is_unverified():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "sources-id.toml"
    sources = load_sources(path)
    names = {o.name for o in sources.outlets}
    assert {"Kompas", "Detik", "CNN Indonesia", "Tempo", "Antara", "The Jakarta Post"} <= names
    assert all(o.home and not o.verified and o.delay >= 1.0 for o in sources.outlets)
    assert sources.contact is None  # left for the user to fill in
