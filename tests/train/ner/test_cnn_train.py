"""The CNN student's PyTorch twin agrees with the numpy forward pass the run time uses, and training learns
(skipped without torch, which only training needs)."""

from __future__ import annotations

import numpy as np
import pytest

from kabar.analyse.ner.cnn.inputs import Vocabulary, sentence_values
from kabar.analyse.ner.cnn.network import Folded, packed, probabilities
from tests.analyse.ner.test_cnn import CLUSTERS, LEXICON, SENTENCES


def test_torch_network_and_numpy_forward_agree_and_training_learns():
    torch = pytest.importorskip("torch", reason="PyTorch is in the [train] extra (pip install -e '.[train]')")
    from kabar_train.ner.cnn.train import exported, fit, items_of, network

    sentences = [(SENTENCES[0], ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
                 (SENTENCES[2], ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-LOC", "O"])]
    vocabulary = Vocabulary.build((sentence_values(w, CLUSTERS, LEXICON) for w, _ in sentences), min_count=1)
    items = items_of(sentences, [sentence_values(w, CLUSTERS, LEXICON) for w, _ in sentences], vocabulary)
    torch.manual_seed(0)
    model = network(vocabulary.sizes()).eval()
    rows, real = packed([item.ids for item in items])
    with torch.no_grad():
        ours = torch.softmax(model(torch.from_numpy(rows.astype(np.int64)), torch.from_numpy(real)), -1).numpy()
    assert np.allclose(ours, np.concatenate(probabilities(Folded.of(exported(model, vocabulary)), [i.ids for i in items])), atol=1e-5)
    trained = fit(items * 4, vocabulary, epochs=20, budget=20, word_dropout=0.0)
    for item, probs in zip(items, probabilities(Folded.of(trained), [i.ids for i in items]), strict=True):
        assert (probs.argmax(1) == item.labels).all()
