# Two entry points: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-dev install-train eval bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

# the scale extra (Ray) and the postgres one (psycopg) too, so the Ray and PostgreSQL tests run rather than skip
# (the PostgreSQL server itself is already running on CI machines: nothing is started here)
install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,scale,postgres]"

# training (kabar_train, not in the wheel) runs from the checkout: PYTHONPATH=src .venv/bin/python -m kabar_train.ner.train …
install-train: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,train]"

demo: install
	$(BIN)/kabar run examples/samples --db kabar.db --report report.html
	@echo "Report: $(CURDIR)/report.html  (database: $(CURDIR)/kabar.db; browse it with: $(BIN)/kabar serve --db kabar.db)"

test: install-dev
	$(BIN)/python -m pytest

eval: install
	$(BIN)/kabar eval

bench: install-dev
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) kabar.db kabar.db-* report.html .pytest_cache build *.egg-info src/*.egg-info
