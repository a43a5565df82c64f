from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kabar.analyse.ner.conll import bio_spans, read_sentences
from kabar.analyse.ner.features import Lexicon, lexicon_tags, sentence_features, shape
from kabar.analyse.ner.model import model_dir, tag_words
from kabar.cli import app


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Jong-un", "Xx-x"), ("KCNA", "X"), ("2021", "d"), ("Kompas.com", "Xx.x"), ("rudal", "x")],
)
def test_features_shape_collapses_character_classes(word, expected):
    assert shape(word) == expected


def test_features_window_and_lexicon_match():
    lexicon = Lexicon.from_pairs({"korea utara": "L", "xi jinping": "P"})
    words = "Xi Jinping mengunjungi Korea Utara".split()
    feats = sentence_features(words, lexicon)
    assert len(feats) == len(words)
    assert "w=mengunjungi" in feats[2] and "-1w=jinping" in feats[2] and "+1w=korea" in feats[2]
    assert "g=B:L" in feats[3] and "g=I:L" in feats[4] and "g=B:P" in feats[0]
    assert "BOS" in feats[0] and "EOS" in feats[-1]


def test_features_lexicon_prefers_the_longest_name():
    lexicon = Lexicon.from_pairs({"korea": "L", "korea utara": "L", "utara": "P"})
    assert lexicon_tags(["di", "korea", "utara"], lexicon) == [None, "B:L", "I:L"]


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["O", "I-ORG", "I-ORG"], {(1, 3, "ORG")}),  # a stray I- opens a span
        (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),
    ],
)
def test_conll_bio_spans(labels, spans):
    assert bio_spans(labels) == spans


def test_conll_reads_first_column_and_blank_lines():
    lines = ["Jokowi B-PER x", "tiba O", "", "", "Korut\tO", ""]
    assert [[r[0] for r in rows] for rows in read_sentences(lines)] == [["Jokowi", "tiba"], ["Korut"]]


@pytest.mark.parametrize(
    ("sentence", "entity", "kind"),
    [
        ("Presiden Joko Widodo meresmikan jalan tol di Semarang , Jawa Tengah .", "Joko Widodo", "PER"),
        ("Menteri Luar Negeri Retno Marsudi bertemu Xi Jinping di Beijing .", "Xi Jinping", "PER"),
        ("Pertemuan itu digelar di Jakarta pada Senin .", "Jakarta", "LOC"),
        ("Komisi Pemberantasan Korupsi menahan tersangka kasus suap .", "Komisi Pemberantasan Korupsi", "ORG"),
    ],
)
def test_model_tags_news_sentences(sentence, entity, kind):
    words = sentence.split()
    labels = tag_words(words)
    found = {(" ".join(words[s:e]), t) for s, e, t in bio_spans(labels)}
    assert (entity, kind) in found


def test_model_tags_empty_and_long_sentences():
    assert tag_words([]) == []
    words = ("Warga Bandung berkumpul di alun-alun ." * 60).split()
    assert len(tag_words(words)) == len(words)


def test_model_card_is_shipped_with_scores():
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["labels"] == ["PER", "ORG", "LOC"]
    assert "nerugm.fold1.dev.tsv" in meta["dev_scores"] and meta["command"]
    assert (model_dir() / "model.crfsuite").stat().st_size <= 30_000_000
    assert "DBpedia" in (model_dir() / "NOTICE.txt").read_text(encoding="utf-8")


def test_cli_ner_prints_token_tab_label(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text("Jokowi\tO\ntiba\ndi\nSurabaya\n.\n\nIa\npulang\n.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ner", str(path)])
    assert result.exit_code == 0, result.output
    blocks = result.output.rstrip("\n").split("\n\n")
    assert len(blocks) == 2
    rows = [line.split("\t") for line in blocks[0].splitlines()]
    assert [r[0] for r in rows] == ["Jokowi", "tiba", "di", "Surabaya", "."]
    assert all(r[1] == "O" or r[1][:2] in ("B-", "I-") and r[1][2:] in ("PER", "ORG", "LOC") for r in rows)
    assert rows[3][1] == "B-LOC"


def test_cli_ner_missing_file_fails_cleanly(tmp_path):
    result = CliRunner().invoke(app, ["ner", str(tmp_path / "nope.conll")])
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("words", "labels", "expected"),
    [
        # cased text: the lower-case word is cut off the name; a lone lower-case "name" goes
        ("Penyidik menyita harta Tenang Parulian kemarin".split(),
         ["O", "O", "B-PER", "I-PER", "I-PER", "O"], ["O", "O", "O", "B-PER", "I-PER", "O"]),
        ("Ia berkata seraya tersenyum kepada Budi".split(),
         ["O", "O", "B-PER", "O", "O", "B-PER"], ["O", "O", "O", "O", "O", "B-PER"]),
        # lower-cased text (NERP's kind): names in lower case stay
        ("warga sugiman tiba di solo".split(), ["O", "B-PER", "O", "O", "B-LOC"], ["O", "B-PER", "O", "O", "B-LOC"]),
        # places may open with a lower-case word ("desa Kramas"): only person names are cut
        ("Ia tinggal di desa Kramas".split(), ["O", "O", "O", "B-LOC", "I-LOC"], ["O", "O", "O", "B-LOC", "I-LOC"]),
        # a span without a capital or a digit is no name in cased text
        ("Kampus jangan jadi menara gading , kata Gus Ipul".split(),
         ["O", "O", "O", "B-LOC", "I-LOC", "O", "O", "B-PER", "I-PER"], ["O", "O", "O", "O", "O", "O", "O", "B-PER", "I-PER"]),
        ("Timnas U-23 menang".split(), ["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]),
        # lower-case words the tagger ran into a name: after it, or between two names
        ("Mobil Diogo Jota hangus terbakar".split(), ["O", "B-PER", "I-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "O", "O"]),
        ("Trump mengomentari penyesalan Musk".split(), ["B-PER", "I-PER", "I-PER", "I-PER"], ["B-PER", "O", "O", "B-PER"]),
        # name particles, Arabic articles and split hyphenated given names stay inside
        ("Putra Mahkota Mohammed bin Salman hadir".split(), ["O", "O", "B-PER", "I-PER", "I-PER", "O"],
         ["O", "O", "B-PER", "I-PER", "I-PER", "O"]),
        ("Presiden Abdel Fattah al-Sisi hadir".split(), ["O", "B-PER", "I-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "I-PER", "O"]),
        ("Aktor Choi Si - won hadir".split(), ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]),
    ],
)
def test_ner_names_are_capitalised_in_cased_text(words, labels, expected):
    from kabar.analyse.ner.checks import names_are_capitalised

    assert names_are_capitalised(words, labels) == expected
