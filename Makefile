# The two commands a fresh machine needs: `make demo` and `make test`.
# Only Python 3.12+ and make are required; everything else goes into .venv.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3); do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench install install-test clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "BorderDesk needs Python 3.12 or newer on PATH (python3.12, python3.13 or python3)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/borderdesk demo

test: install-test
	$(BIN)/python -m pytest -q -n 2

# The benchmarks use the test extras (the fake servers validate with jsonschema) and the
# labelled data in ../shared/data/ when it is there; each prints name=value figures.
bench: install-test
	$(BIN)/python bench/langid_bench.py
	$(BIN)/python bench/intent_bench.py
	$(BIN)/python bench/intent_calibration.py
	$(BIN)/python bench/shopper_eval.py
	$(BIN)/python bench/shopper_eval.py --set hard
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/facts_bench.py
	$(BIN)/python bench/digest_bench.py
	$(BIN)/python bench/flood.py
	$(BIN)/python bench/big_update.py
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) data/demo.sqlite3
