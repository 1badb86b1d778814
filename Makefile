# IDM Portal: `make run` serves the portal on http://127.0.0.1:8000, `make test` runs the checks.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
DEV_STAMP := $(VENV)/.installed-dev
RUN_STAMP := $(VENV)/.installed-run

.PHONY: run demo-totp test bench install install-dev migrate seed lint format messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(RUN_STAMP)

install: $(RUN_STAMP)

install-dev: $(DEV_STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility (axe-core) browser tests will be skipped"; fi

run: export DJANGO_DEBUG ?= 1
run: export IDM_SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(RUN_STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_idm --demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The current two-factor code of the demo staff account (after `make run`).
demo-totp: export DJANGO_DEBUG ?= 1
demo-totp: $(RUN_STAMP)
	@$(PY) manage.py demo_totp

test: $(DEV_STAMP) node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Benchmark on PostgreSQL under gunicorn with production settings (bench/README.md).
bench: $(DEV_STAMP)
	bash bench/run.sh $(BENCH_ARGS)

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(DEV_STAMP)
	$(PY) scripts/messages.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
