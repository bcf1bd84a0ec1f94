# Second Look — two commands: `make run` and `make test`. Both create .venv from the lock when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench lock clean

$(STAMP): requirements-dev.txt requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .  # the `secondlook` command
	touch $(STAMP)

run: $(STAMP)  ## start the app on http://127.0.0.1:8501 (local mode, SQLite, demo workspace on first start)
	$(BIN)/python -m streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: $(STAMP)  ## ruff + the whole test suite (browser tests skip with a reason if Chromium is absent)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)  ## measure the parser and matcher on ../shared/eval (skips when absent)
	$(BIN)/python tools/eval_extract.py
	$(BIN)/python tools/eval_jd.py
	$(BIN)/python tools/eval_match.py

bench: $(STAMP)  ## performance benchmarks: print ratios measured in one run
	$(BIN)/python tools/bench_match.py
	$(BIN)/python tools/bench_scoring.py
	$(BIN)/python tools/bench_pdf.py
	$(BIN)/python tools/bench_pages.py
	$(BIN)/python tools/bench_startup.py

lock: $(STAMP)  ## regenerate the pinned lock files from pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras -o requirements.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --extra dev -o requirements-dev.txt pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
