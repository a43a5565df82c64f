from __future__ import annotations

from kabar.analyse.ner.features import Lexicon
from kabar_train.ner.train import build_lexicon, common_words, dev_overlap_free, readme


def test_ner_train_lexicon_round_trips_and_knows_cldr_countries(tmp_path):
    lexicon = build_lexicon(None)  # CLDR names only
    assert lexicon.names["korea utara"] == "L" and lexicon.names["north korea"] == "L"
    path = tmp_path / "lexicon.tsv.gz"
    lexicon.save(path)
    again = Lexicon.load(path)
    assert again.names == lexicon.names and "korea" in again.first_words
    lexicon.save(tmp_path / "b.tsv.gz")
    assert path.read_bytes() == (tmp_path / "b.tsv.gz").read_bytes()  # reproducible build


def test_ner_train_gazetteer_lines_are_cleaned(tmp_path):
    (tmp_path / "mdee.place.txt").write_bytes("Kedungpuji, Gombong, Kebumen\r\nReykjav\xedk\r\nChi?in?u\r\n".encode("cp1252"))
    (tmp_path / "mdee.person.txt").write_bytes(b"Joko Widodo\r\n")
    names = build_lexicon(tmp_path).names
    assert names["kedungpuji"] == "L" and names["reykjavík"] == "L" and names["joko widodo"] == "P"
    assert not any("?" in n for n in names)


def test_ner_train_common_words_leave_out_name_words():
    sentences = [
        (["Sementara", "itu", ",", "warga", "Bandung", "berkumpul"], ["O", "O", "O", "O", "B-LOC", "O"]),
        (["Menurut", "warga", "itu", "bandung", "sepi"], ["O", "O", "O", "B-LOC", "O"]),
    ] * 3
    common = common_words(sentences)
    assert "warga" in common and "itu" in common
    assert "bandung" not in common


def test_ner_train_drops_nerp_sentences_shared_with_dev():
    nerp = [(["jokowi", "tiba", "di", "solo"], ["B-PER", "O", "O", "B-LOC"]), (["hujan", "turun"], ["O", "O"])]
    dev = [(["Jokowi", "tiba", "di", "Solo"], ["B-PER", "O", "O", "B-LOC"])]
    assert dev_overlap_free(nerp, dev) == [nerp[1]]


def test_ner_train_readme_lists_scores_and_sources():
    meta = {
        "name": "kabar-ner-id", "version": "1.0.0", "description": "d", "task": "ner", "labels": ["PER"],
        "method": "crf", "files": ["model.crfsuite"], "size_bytes": 1_000_000, "layout": "package",
        "date": "2026-11-22", "command": "train", "train_seconds": 1, "train_sentences": 2,
        "sources": {"nergrit.train.tsv": "Apache-2.0"}, "evaluation_only": ["nerui.fold1.dev.tsv"],
        "dev_scores": {"nergrit.valid.tsv": {"types": "PER", "precision": 0.5, "recall": 0.5, "f1": 0.5}},
        "notes": ["n"],
    }
    text = readme(meta)
    assert "| nergrit.valid.tsv | PER | 0.500 | 0.500 | 0.500 |" in text and "Apache-2.0" in text


def _conll(path, sentences):
    path.write_text("\n\n".join("\n".join(f"{w}\t{l}" for w, l in zip(words, labels)) for words, labels in sentences) + "\n",
                    encoding="utf-8")


def test_ner_train_final_fit_adds_the_licensed_dev_files_only(tmp_path):
    from kabar_train.ner.train import load_training

    ner = tmp_path / "ner"
    ner.mkdir()
    train = [(["Jokowi", "tiba", "di", "Solo"], ["B-PER", "O", "O", "B-LOC"])]
    dev = [(["Prabowo", "ke", "Jeddah"], ["B-PER", "O", "B-LOC"])]
    for name in ("idner_news_2k.train.tsv", "nergrit.train.tsv", "ialfina_wiki_gold.tsv", "idner_news_2k.dev.tsv",
                 "nergrit.valid.tsv", "nerui.fold1.dev.tsv", "nerugm.fold1.dev.tsv"):
        _conll(ner / name, dev if "dev" in name or "valid" in name else train)
    held_out, sources = load_training(tmp_path, "none", 0.0)
    final, final_sources = load_training(tmp_path, "none", 0.0, final=True)
    assert dev[0] not in held_out and "idner_news_2k.dev.tsv" not in sources
    assert final.count(dev[0]) == 2  # idner dev and NERGrit valid
    assert set(final_sources) - set(sources) == {"idner_news_2k.dev.tsv", "nergrit.valid.tsv"}
    assert not any("nerui" in s or "nerugm" in s for s in final_sources)  # evaluation-only stays out


def test_ner_model_reads_which_dev_files_it_trained_on(tmp_path):
    import json

    from kabar.analyse.ner.model import trained_on_dev

    assert trained_on_dev(tmp_path) == {}  # no meta.json: nothing
    meta = {"trained_on_dev": ["nergrit.valid.tsv"], "dev_scores": {"nergrit.valid.tsv": {"f1": 0.76}, "nerui.fold1.dev.tsv": {"f1": 0.7}}}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert trained_on_dev(tmp_path) == {"nergrit.valid.tsv": 0.76}
    # with a student, the held-out score is its mixture's at the weight it ships with
    meta["student"] = {"weight": 0.6, "mixture_dev_scores": {"0.5": {"nergrit.valid.tsv": 0.78}, "0.6": {"nergrit.valid.tsv": 0.79}}}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert trained_on_dev(tmp_path) == {"nergrit.valid.tsv": 0.79}


def test_ner_train_lexicon_takes_the_alias_tables_names_and_titles():
    names = build_lexicon(None, aliases=True).names
    assert names["korut"] == "L" and names["negara tirai bambu"] == "L"  # abbreviation, epithet
    assert "T" in names["menlu"] and "T" in names["menteri luar negeri"]  # a short and a long title
    assert "ketua dpr" not in names  # a title naming its institution would hide the institution
    assert "korut" not in build_lexicon(None).names
