"""Kabar's furniture model: model.json (logistic regression over kabar.extract.furniture_model.FEATURES)
and its card (README.md). Kept inside the package so importlib.resources finds it in any install."""
