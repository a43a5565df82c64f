from __future__ import annotations

import pytest

from kabar.analyse.ner.features import capital_runs, run_features, sentence_features


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        ("Pejabat Kementerian Energi dan Sumber Daya Mineral tiba", ["Pejabat Kementerian Energi dan Sumber Daya Mineral"]),
        ("warga Bandung berkumpul di Gedung Sate kemarin", ["Gedung Sate"]),
        ("Presiden Joko Widodo dan Menteri Retno Marsudi", ["Presiden Joko Widodo dan Menteri Retno Marsudi"]),
        ("hujan turun di Bogor dan sekitarnya", []),
        ("polisi menangkap dua tersangka", []),
    ],
)
def test_features_capital_runs(sentence, runs):
    words = sentence.split()
    assert [" ".join(words[a:b]) for a, b in capital_runs(words)] == runs


def test_features_run_words_know_the_run_head():
    words = "Menurut Badan Pengatur Hilir Minyak dan Gas Bumi , harga naik".split()
    feats = run_features(words, [w.lower() for w in words])
    assert feats[4] == ("r0=menurut", "r1=badan", "rZ=bumi", "rI")
    assert feats[7][-1] == "rE" and feats[0][-1] == "rB"
    assert feats[8] == () and feats[10] == ()


def test_features_runs_only_when_asked():
    words = "Kementerian Luar Negeri menolak".split()
    assert "r0=kementerian" in sentence_features(words, runs=True)[1]
    assert not any(f.startswith("r0=") for f in sentence_features(words)[1])
