from __future__ import annotations

import pytest

from kabar.analyse.ner.clusters import load
from kabar_train.ner.clusters import build, save
from kabar.analyse.ner.features import Clusters, sentence_features

# companies follow "saham" and precede "naik"; cities follow "di" and precede "kemarin"
COMPANIES = ["telkom", "indofood", "antam", "unilever"]
CITIES = ["bandung", "medan", "surabaya", "makassar"]


def _corpus() -> list[list[str]]:
    out = []
    for _ in range(5):
        for c in COMPANIES:
            out += [["saham", c, "naik", "tajam", "hari", "ini"], ["laba", c, "turun", "tahun", "lalu"]]
        for c in CITIES:
            out += [["warga", "di", c, "kemarin", "berkumpul"], ["hujan", "turun", "di", c, "sore", "tadi"]]
    return out


def test_clusters_put_words_of_shared_contexts_together():
    table = build(_corpus(), min_count=3, n_contexts=50, dims=4, granularities=(4, 8))
    company_ids = {table[w][0] for w in COMPANIES}
    city_ids = {table[w][0] for w in CITIES}
    assert len(company_ids) == 1 and len(city_ids) == 1
    assert company_ids != city_ids


def test_clusters_table_round_trips_reproducibly(tmp_path):
    table = {"telkom": (3, 17), "bandung": (1, 9)}
    save(table, tmp_path / "a.tsv.gz")
    save(table, tmp_path / "b.tsv.gz")
    assert (tmp_path / "a.tsv.gz").read_bytes() == (tmp_path / "b.tsv.gz").read_bytes()
    assert load(tmp_path / "a.tsv.gz") == {"telkom": ("3", "17"), "bandung": ("1", "9")}


@pytest.mark.parametrize("words", [["Saham", "Telkom", "naik"], ["saham", "telkom", "naik"], ["SAHAM", "TELKOM", "NAIK"]])
def test_clusters_features_of_word_and_neighbours_ignore_case(words):
    clusters = Clusters.from_table({"telkom": ("3", "17", "250"), "naik": ("5", "40", "900")})
    feats = sentence_features(words, clusters=clusters)
    assert {"c0=3", "c1=17", "c2=250", "+1c0=5", "+1c1=40"} <= set(feats[1])
    assert {"+1c0=3", "+1c1=17"} <= set(feats[0]) and "c2=250" not in feats[0]
    assert {"-1c0=3", "-1c1=17"} <= set(feats[2])
