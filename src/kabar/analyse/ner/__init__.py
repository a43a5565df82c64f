"""Kabar's Indonesian NER: features (features.py), the shipped CRF model (model.py), training (train.py), CoNLL files (conll.py)."""
