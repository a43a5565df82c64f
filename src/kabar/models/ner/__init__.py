"""Kabar's Indonesian NER model: model.crfsuite, lexicon.tsv.gz and its card (meta.json, README.md, NOTICE)."""
