"""Shipping the CNN student: the mixture's dev scores are those of the tagger as it runs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kabar.analyse.ner.model import shipped
from kabar.evaluate.ner import dev_f1
from kabar_train.ner.cnn.ship import mixture_scores


@pytest.mark.shared
def test_ship_mixture_scores_are_the_scores_of_the_tagger_as_shipped(shared_dir):
    model = shipped()
    data = shared_dir / "data"
    scores = mixture_scores(model.student, replace(model, student=None), data, [model.student_weight, 1.0],
                            model.student_sure)
    assert scores[model.student_weight] == dev_f1(data, model.tag_many)
    # the student alone (weight 1) is another tagger, and the mixture beats it pooled (model card)
    assert scores[1.0] != scores[model.student_weight]
    assert scores[model.student_weight]["pooled"] > scores[1.0]["pooled"]
