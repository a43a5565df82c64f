from __future__ import annotations

import json

import pytest

from kabar.analyse.ner.model import load, model_dir, shipped


def test_model_shipped_loads_its_clusters_as_its_card_says():
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    model = shipped()
    assert bool(model.clusters.own) == meta["features"]["clusters"]
    assert not meta["features"].get("pos")  # the POS experiment was not shipped
    if meta["features"]["clusters"]:
        assert "clusters.tsv.gz" in meta["files"] and "IndoSum" in (model_dir() / "NOTICE.txt").read_text(encoding="utf-8")
        assert model.clusters.own_cap["jakarta"][0].startswith("Cc0=")


def test_model_card_names_no_local_data_path():
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert "--data DATA" in meta["command"] and "shared" not in meta["command"]


@pytest.mark.parametrize(
    ("sentence", "entity", "kind"),
    [
        ("Harga saham Telkom naik tajam pada perdagangan Senin .", "Telkom", "ORG"),
        ("Pertamina menaikkan harga BBM nonsubsidi mulai Sabtu .", "Pertamina", "ORG"),
        ("Kementerian Luar Negeri memanggil duta besar Australia di Jakarta .", "Kementerian Luar Negeri", "ORG"),
        ("menteri retno marsudi bertemu wartawan di bandung .", "retno marsudi", "PER"),
    ],
)
def test_model_tags_organisations_and_lower_cased_names(sentence, entity, kind):
    from kabar.analyse.ner.conll import bio_spans

    words = sentence.split()
    spans = {(" ".join(words[a:b]), t) for a, b, t in bio_spans(shipped().tag(words))}
    assert (entity, kind) in spans


def test_model_load_of_a_missing_directory_fails_clearly(tmp_path):
    with pytest.raises(FileNotFoundError):
        load(tmp_path)


def test_model_load_refuses_a_model_trained_with_pos_tags(tmp_path):
    """The POS experiment was not shipped: a model needing its tags would silently tag worse without them."""
    (tmp_path / "model.crfsuite").write_bytes((model_dir() / "model.crfsuite").read_bytes())
    (tmp_path / "meta.json").write_text(json.dumps({"features": {"pos": True}}), encoding="utf-8")
    with pytest.raises(ValueError, match="POS"):
        load(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"features": {"pos": False}}), encoding="utf-8")
    assert load(tmp_path).tag(["Presiden", "Joko", "Widodo", "tiba", "."])[1:3] == ["I-PER", "I-PER"]


def test_model_a_bare_title_is_no_name_but_a_titled_name_stays():
    from kabar.analyse.ner.checks import titles_are_not_names

    lexicon = shipped().lexicon
    words = "“ Dana sudah tersedia , ” ujar Menkeu kepada Menlu Retno Marsudi .".split()
    labels = ["O"] * 7 + ["B-PER", "O", "B-PER", "I-PER", "I-PER", "O"]
    out = titles_are_not_names(words, labels, lexicon)
    assert out[7] == "O"  # "Menkeu" alone: a title
    assert out[9:12] == labels[9:12]  # a span that holds a name as well is the tagger's to keep


def test_model_card_hides_the_silver_files_path():
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    if "--silver" in meta["command"]:
        assert "--silver SILVER" in meta["command"] and "kabar_train.ner.teacher" in (model_dir() / "NOTICE.txt").read_text(encoding="utf-8")
