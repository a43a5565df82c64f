"""Saved searches: a baseline when saved, then only articles that came to match later are new."""

from __future__ import annotations

import pytest

from kabar.records import Linking
from kabar.store import alerts, open_store
from tests.store import factory

KOMPAS, SRAGEN, TRIBUN = (factory.article_id(k) for k in ("kompas", "sragen", "tribun"))


@pytest.fixture
def store(tmp_path):
    s = factory.fill(open_store(tmp_path / "kabar.db"), [factory.analysed("kompas"), factory.analysed("sragen")], linked=Linking())
    yield s
    s.close()


def test_alerts_only_later_matches_are_new(store):
    _, baseline = alerts.add(store, "korea-banjir", "Korea OR banjir")
    assert baseline == 2  # Kompas and Sragen Update match already: not news
    assert alerts.refresh(store, "korea-banjir") == [] and alerts.new_hits(store, "korea-banjir") == []
    store.upsert_analysed(factory.analysed("tribun"))  # a later run brings the flood report
    assert alerts.refresh(store, "korea-banjir") == [TRIBUN]
    assert [h.article_id for h in alerts.new_hits(store, "korea-banjir")] == [TRIBUN]
    assert alerts.refresh(store, "korea-banjir") == []  # found once
    assert alerts.mark_seen(store, "korea-banjir") == 1
    assert alerts.new_hits(store, "korea-banjir") == []
    assert [h.article_id for h in alerts.recent_hits(store, "korea-banjir")] == [TRIBUN]  # the feed keeps it


def test_alerts_an_alert_that_does_not_match_finds_nothing(store):
    alerts.add(store, "gempa", "gempa bumi")
    store.upsert_analysed(factory.analysed("tribun"))
    assert alerts.refresh(store, "gempa") == []


@pytest.mark.parametrize(
    "name, query, says",
    [
        ("../etc", "china", "alert name"),
        ("", "china", "alert name"),
        ("ok", '"china', "unbalanced quote"),
        ("ok", "  ", "needs a query"),
    ],
)
def test_alerts_refuse_bad_names_and_queries(store, name, query, says):
    with pytest.raises(ValueError, match=says):
        alerts.add(store, name, query)
    assert alerts.list_alerts(store) == []


def test_alerts_names_are_unique_and_removable(store):
    alerts.add(store, "china", "china")
    with pytest.raises(ValueError, match="exists"):
        alerts.add(store, "china", "korea")
    assert [a.query for a in alerts.list_alerts(store)] == ["china"]
    assert alerts.remove(store, "china") and not alerts.remove(store, "china")
    assert alerts.list_alerts(store) == []
