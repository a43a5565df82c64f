"""A small convolutional tagger, the student that learns the teacher's labels and runs on numpy.

The CRF (kabar.analyse.ner.model) saturates: trained on the teacher's silver
sentences it keeps little of what the teacher knows. This student reads each
word through embedding tables (the word, its affixes, shape, word clusters,
gazetteer match and the sentence's casing) and three convolution layers (±3
words of context), as spaCy's CNN taggers do. It trains in PyTorch at training time
(kabar_train.ner.cnn, on the silver sentences' label probabilities) and tags with
numpy alone (`network`, `tagger`), many sentences at once; the shipped model
mixes its probabilities with the CRF's (kabar.analyse.ner.model.NerModel.tag_many).
"""
