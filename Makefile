# detente — two commands for a new user: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint bench clean install peers docs report fuzz browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/detente demo geneva-2022 --plot geneva-2022.png

# The flagship case report, committed in docs/ (a test checks it is regenerated identically).
report: $(STAMP)
	$(BIN)/detente report geneva-2022 --a USA --b RUS --as-of 2022-01-10 \
		-o docs/geneva-2022-report.html

lint: $(TEST_STAMP)
	$(BIN)/ruff check --no-cache src tests benchmarks
	$(BIN)/mypy src

# Peers (GPL/AGPL reference implementations) live in their own venvs under .peers/, beside the
# project, for cross-check tests and benchmarks only; detente never imports them.
peers:
	@for s in scripts/peers/*.sh; do [ -e "$$s" ] || continue; bash "$$s" || exit 1; done

# The documentation site (docs/, mkdocs.yml): --strict turns broken links and stale API names
# into errors.
docs: $(TEST_STAMP)
	$(BIN)/mkdocs build --strict

# Debian's chromium for the browser tests (Playwright drives it; its own browser download is not
# reachable here), and Pango for WeasyPrint (the report's PDF). Installed once by apt-get when
# missing.
browser:
	@{ command -v chromium >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2-1.0; } || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
		libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

test: lint docs peers browser
	$(BIN)/python -m pytest

# The long fuzz run (docs/hardening.md): ~10,000 mutated-file command runs, 8 processes on one
# record database, 30 kill -9 trials during an import. DETENTE_FUZZ_FILES / _SEED to vary it.
fuzz: $(TEST_STAMP)
	DETENTE_FUZZ=1 $(BIN)/python -m pytest -s tests/fuzz tests/record/test_store_concurrency.py

bench: $(TEST_STAMP) peers
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
