# The two commands a new developer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
ADDR   ?= 127.0.0.1:8000

# A development install unless the caller says otherwise (production sets DEBUG=0).
export DEBUG ?= 1

.PHONY: run test install install-test migrate messages static seed lint check-migrations \
        system-test-deps pytest e2e vendor-frontend clean

run: install migrate messages static seed
	$(MANAGE) run_stack $(ADDR)

test: install-test system-test-deps lint check-migrations messages pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(MANAGE) migrate --noinput

# GNU gettext's msgfmt when the machine has it, else the pure-Python fallback.
messages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0; \
	else \
		$(MANAGE) compile_translations; \
	fi

static: install
	$(MANAGE) collectstatic --noinput -v0

seed: migrate
	$(MANAGE) seed_demo

# Debian's chromium for the browser tests; installed only when missing and we are root.
system-test-deps:
	@sh scripts/system_test_deps.sh

lint: install-test
	$(BIN)/ruff check .

check-migrations: install-test
	$(MANAGE) makemigrations --check --dry-run

pytest: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

e2e: install-test system-test-deps messages
	$(BIN)/pytest tests/e2e $(PYTEST_ARGS)

vendor-frontend:
	sh scripts/vendor_frontend.sh

clean:
	rm -rf $(VENV) var test-artifacts *.egg-info
