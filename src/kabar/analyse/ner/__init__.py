"""Kabar's Indonesian NER as it runs: features (features.py), the shipped CRF model and its loader (model.py),
the CNN student mixed with it (cnn/), label tables (labels.py), word clusters (clusters.py) and CoNLL files
(conll.py). Training lives apart, in kabar_train.ner (not in the wheel)."""
