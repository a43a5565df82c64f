"""Leave one document out for a rule grammar: the parts of the grammar a match uses are named, and the
tagger can run with some switched off (how `kabar eval timex` scores a document without what was read
from it). Sentences of our own."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.analyse.timex import tag, tag_traced
from kabar.evaluate.timex import Doc, kabar_held_out, load_indosum, read_from, score_docs

TEXT = ("Kapal itu dibuat pada tahun 1988 silam. Kapal tenggelam Minggu (4/1/2015) pukul 06.12 WIB. "
        "Tim SAR tiba sekitar pukul 09.30 WIB.")


def _units(text: str, surface: str) -> frozenset[str]:
    return next(u for t, u in tag_traced(text, "2014-12-29") if t.text == surface)


def test_traced_tagging_finds_what_tag_finds():
    assert [t for t, _ in tag_traced(TEXT, "2015-01-05")] == tag(TEXT, "2015-01-05")


def test_a_match_names_its_path_words_cues_value_shape_and_anchoring():
    year = _units(TEXT, "tahun 1988 silam")
    assert {"word:silam", "word:tahun", "cue:pada"} <= year
    assert any(u.startswith("year(") for u in year)
    assert any(u.startswith("value:year(") and u.endswith("->DATE:9999") for u in year)
    clock = _units(TEXT, "sekitar pukul 09.30 WIB")
    assert {"word:sekitar", "word:pukul"} <= clock
    # an anchoring pass is named where it moved the clock off the grammar's day
    text = "Pesawat lepas landas pukul 05.36 WIB. Pesawat itu hilang kontak Minggu (28/12/2014)."
    assert "anchor:paragraph" in _units(text, "pukul 05.36 WIB")


def test_a_switched_off_word_cuts_the_match_back_to_what_remains():
    found = [t.text for t, _ in tag_traced(TEXT, "2015-01-05", disabled=frozenset({"word:silam"}))]
    assert "tahun 1988" in found and "tahun 1988 silam" not in found
    # the hedge opens the match: without it the clock is found from "pukul" on
    found = [t.text for t, _ in tag_traced(TEXT, "2015-01-05", disabled=frozenset({"word:sekitar"}))]
    assert "pukul 09.30 WIB" in found


def test_a_switched_off_anchoring_pass_leaves_the_clock_on_the_grammars_day():
    text = "Pesawat lepas landas pukul 05.36 WIB. Pesawat itu hilang kontak Minggu (28/12/2014)."
    assert tag(text, "2014-12-29")[0].value == "2014-12-28T05:36"  # the paragraph's day
    off = tag_traced(text, "2014-12-29", disabled=frozenset({"anchor:paragraph"}))
    assert off[0][0].value == "2014-12-29T05:36"  # the publication day


def test_read_from_keeps_parts_shared_with_another_document_or_unlabelled_news():
    dev = {"a": frozenset({"p", "q", "r"}), "b": frozenset({"q"}), "c": frozenset({"s"})}
    assert read_from(dev, frozenset({"r"})) == {"a": frozenset({"p"}), "b": frozenset(), "c": frozenset({"s"})}


def test_held_out_scoring_loses_what_only_that_document_exercised():
    text = "Kapal itu dibuat pada tahun 1988 silam."
    start = text.index("tahun")
    doc = Doc("d", text, "2015-01-05", ((start, start + len("tahun 1988 silam"), "DATE", "1988"),))
    inside = score_docs([doc], kabar_held_out({}))
    assert inside["strict_f1"] == 1.0
    cut = score_docs([doc], kabar_held_out({"d": frozenset({"word:silam"})}))
    assert cut["strict_f1"] == 0.0 and cut["relaxed_f1"] == 1.0  # "tahun 1988": overlapping, not the same span


def test_indosum_tokens_become_running_text_on_the_publication_day(tmp_path):
    row = {"id": "1420434000-kapal-tenggelam", "paragraphs": [[["Kapal", "tenggelam", "Minggu", "(", "4", "/", "1",
           ")", "pukul", "06.12", "WIB", "."]], [["Kapal", "itu", "dibuat", "era", "'", "90", "-", "an", "."]]]}
    path = tmp_path / "indosum.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    doc = load_indosum(path)[0]
    assert doc.text == "Kapal tenggelam Minggu (4/1) pukul 06.12 WIB.\nKapal itu dibuat era '90-an."
    assert doc.anchor == "2015-01-05"  # 1420434000 is 2015-01-05 12:00 WIB
    assert tag(doc.text, doc.anchor)[0].value == "2015-01-04T06:12"


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200), st.sets(st.sampled_from(sorted(set().union(*(u for _, u in tag_traced(TEXT, "2015-01-05")))))))
def test_any_text_with_any_parts_switched_off_gives_a_list(text, off):
    for t, _ in tag_traced(text + " " + TEXT, "2015-01-05", disabled=frozenset(off)):
        assert t.text and t.value
