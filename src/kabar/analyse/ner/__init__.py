"""Kabar's Indonesian NER: features (features.py), the shipped CRF model (model.py), training (train.py),
CoNLL files (conll.py), and the training-time teacher that tags silver sentences for it (teacher/)."""
