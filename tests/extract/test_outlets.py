"""Outlet files: every shipped file validates; bad files are refused with a reason."""

from __future__ import annotations

import pytest

from kabar.extract.outlets import OutletFileError, OutletTable, domain_name, load_outlets, parse_outlet


def test_outlets_shipped_files_load() -> None:
    table = load_outlets()
    names = [o.name for o in table.outlets]
    assert {"Kompas.com", "Tribunnews.com", "CNBC Indonesia", "SINDOnews", "detikcom"} <= set(names)
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://nasional.kompas.com/read/2016/02/16/x", "Kompas.com"),
        ("https://www.cnbcindonesia.com/news/2021", "CNBC Indonesia"),
        ("https://inet.detik.com/security/d-3063869/x", "detikcom"),
        ("https://www.tribunnews.com/internasional/2022/11/26/x", "Tribunnews.com"),
        # An outlet on another outlet's subdomain is itself; the parent's other subdomains stay the parent's.
        ("https://sragenupdate.pikiran-rakyat.com/nasional/pr-01/x", "Sragen Update"),
        ("https://www.pikiran-rakyat.com/nasional/pr-01/x", "Pikiran Rakyat"),
        ("https://bandung.pikiran-rakyat.com/x", "Pikiran Rakyat"),
    ],
)
def test_outlets_by_url(url: str, name: str) -> None:
    outlet = load_outlets().by_url(url)
    assert outlet is not None and outlet.name == name


def test_outlets_longest_domain_wins_whatever_the_file_order() -> None:
    parent = parse_outlet({"name": "Pikiran Rakyat", "domains": ["pikiran-rakyat.com"]})
    child = parse_outlet({"name": "Sragen Update", "domains": ["sragenupdate.pikiran-rakyat.com"]})
    url = "https://sragenupdate.pikiran-rakyat.com/a"
    for order in ((parent, child), (child, parent)):
        assert OutletTable(order).by_url(url) is child
        assert OutletTable(order).by_url("https://pikiran-rakyat.com/a") is parent
    # a look-alike host is not a subdomain
    assert OutletTable((parent, child)).by_url("https://notpikiran-rakyat.com/a") is None


def test_outlets_unknown_site_has_no_entry() -> None:
    table = load_outlets()
    assert table.by_url("https://wartalembahhijau.id/a") is None
    assert domain_name("https://berita.wartalembahhijau.co.id/a") == "wartalembahhijau.co.id"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"domains": ["a.id"]}, "'name'"),
        ({"name": "A", "domains": []}, "'domains'"),
        ({"name": "A", "domains": ["a.id"], "zone": "WIB"}, "'zone'"),
        ({"name": "A", "domains": ["a.id"], "colour": "red"}, "unknown keys"),
    ],
)
def test_outlets_invalid_files_refused(data: dict, message: str) -> None:
    with pytest.raises(OutletFileError, match=message):
        parse_outlet(data, "bad.toml")
