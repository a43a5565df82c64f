"""Kabar's Indonesian POS tagger (pos.crfsuite) and the nlp-id POS corpus it is trained on (MIT, see LICENSE.nlp-id.txt)."""
