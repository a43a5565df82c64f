"""Kabar's Indonesian NER model: model.crfsuite, lexicon.tsv.gz, common.txt and its card
(meta.json, README.md, NOTICE.txt: the attributions the lexicon and training data require).
Kept inside the package so that editable and regular installs find it with importlib.resources."""
