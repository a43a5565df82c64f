"""Training the CNN student (`kabar.analyse.ner.cnn`) in PyTorch (train.py) and shipping it beside the CRF
(ship.py); the run time tags with numpy alone."""
