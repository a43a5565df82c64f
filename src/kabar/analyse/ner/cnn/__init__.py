"""A small convolutional tagger, the student that learns the teacher's labels and runs on numpy.

The CRF (kabar.analyse.ner.model) saturates: trained on the teacher's silver
sentences it keeps little of what the teacher knows. This student reads each
word through embedding tables (the word, its affixes, shape, word clusters and
gazetteer match) and four convolution layers (±4 words of context), as spaCy's
CNN taggers do. It trains in PyTorch (`train`, training time only) and tags
with numpy alone (`network`), many sentences at once.
"""
