"""Training and leave-one-outlet-out evaluation of the sentence furniture classifier
(`kabar.extract.furniture_model`) on labelled IndoSum sentences (labels.tsv, CC BY-SA 4.0)."""
