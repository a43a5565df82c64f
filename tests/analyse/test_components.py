"""The analysers as components run from a list, reading their models and tables from the
`Resources` passed in (kabar.analyse.components, kabar.analyse.resources, kabar.pipeline.analyse)."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from kabar import pipeline
from kabar.analyse.components import DEFAULT, ENTITIES, QUOTES, TIMEX, Component, check_order
from kabar.analyse.resources import Resources
from kabar.lang.id.aliases import AliasEntry, alias_table
from kabar.records import Article

TEXT = (
    "Presiden Joko Widodo bertemu Presiden China Xi Jinping di Beijing, Senin (25/7/2022).",
    '"Kami sepakat memperkuat kerja sama," kata Joko Widodo kepada wartawan di Kota Pahlawan.',
)


def _article() -> Article:
    return Article(id="a1", source="test.txt", body=TEXT, published="2022-07-27")


def _boom():
    raise RuntimeError("no model here")


def test_components_default_order_is_valid_and_is_todays_analysers():
    check_order(DEFAULT)
    assert [c.name for c in DEFAULT] == ["entities", "timex", "quotes"]


@pytest.mark.parametrize(
    ("components", "message"),
    [
        ((QUOTES, ENTITIES), "needs ['entities', 'mentions']"),
        ((ENTITIES, ENTITIES), "adds ['entities', 'mentions'] again"),
        ((Component("events", ("events",), (), lambda a, r: a),), "no such field ['events']"),
    ],
)
def test_components_check_order_refuses_what_cannot_run(components, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_order(components)
    with pytest.raises(ValueError):
        pipeline.analyse(_article(), components)


def test_components_default_list_gives_what_the_analysers_give_alone():
    from kabar.analyse import entities, quotes, timex

    article = _article()
    analysed = pipeline.analyse(article).analysed
    found, mentions = entities.annotate(article)
    assert analysed.entities == found and analysed.mentions == mentions
    assert analysed.timexes == timex.annotate(article)
    assert analysed.quotes == quotes.annotate(article, found, mentions)
    assert {m.text for m in mentions} >= {"Joko Widodo", "Xi Jinping", "Beijing"}
    assert [q.speaker for q in analysed.quotes] == ["Joko Widodo"]


def test_components_a_shorter_list_runs_only_its_analysers_and_loads_no_model():
    # the NER loader would raise: a list without entities never asks for the model
    analysis = pipeline.analyse(_article(), (TIMEX,), Resources(ner=_boom))
    assert analysis.failures == ()
    assert analysis.analysed.entities == () and analysis.analysed.quotes == ()
    assert [t.value for t in analysis.analysed.timexes] == ["2022-07-25"]


def test_components_a_failing_resource_fails_its_component_and_the_others_keep_their_results():
    analysis = pipeline.analyse(_article(), DEFAULT, Resources(ner=_boom))
    assert [(f.stage, f.reason) for f in analysis.failures] == [("analyse.entities", "RuntimeError: no model here")]
    assert analysis.analysed.entities == () and analysis.analysed.mentions == ()
    assert analysis.analysed.timexes and analysis.analysed.quotes  # quotes read the speaker from the text alone
    assert analysis.analysed.quotes[0].speaker_entity_id is None


def test_components_entities_read_the_alias_table_they_are_given():
    # "Kota Pahlawan" (the city of heroes) is Surabaya only in a table that says so
    shipped = alias_table()
    table = replace(
        shipped, folded={**shipped.folded, "kota pahlawan": AliasEntry("Surabaya", "LOC")}, scan=shipped.scan | {"kota pahlawan"}
    )

    def canonicals(resources: Resources | None) -> set[str]:
        return {e.canonical for e in pipeline.analyse(_article(), (ENTITIES,), resources).analysed.entities}

    assert "Surabaya" not in canonicals(None)
    assert "Surabaya" in canonicals(Resources(aliases=lambda: table))


def test_resources_load_once_and_travel_to_other_processes_without_what_they_loaded():
    calls = []

    def table():
        calls.append(1)
        return alias_table()

    resources = Resources(aliases=table)
    assert resources.aliases is resources.aliases and calls == [1]
    copy = pickle.loads(pickle.dumps(Resources()))
    assert "ner" not in vars(copy) and "aliases" not in vars(copy)
    assert copy.aliases is alias_table()
