# The two commands: `make run` and `make test`. Everything installs into .venv
# from the pinned lock file, so a fresh machine gets exactly what CI tested.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist); 0 runs the suite in this process.
PYTEST_WORKERS ?= 2

# A local .env (copied from .env.example) configures every command.
ifneq (,$(wildcard .env))
include .env
export $(shell sed -n 's/^\([A-Z_][A-Z0-9_]*\)=.*/\1/p' .env)
endif

.PHONY: run test serve install lint imports migrations-check pytest catalogues lock clean fuzz browser-deps clients-deps bench audit backup restore soak

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

install: $(VENV)/.installed

catalogues: install
	$(PY) manage.py compile_catalogues

# Absolute URLs (API, sitemap, feeds, e-mails) name the address served (core/origin.py),
# unless WAGTAILADMIN_BASE_URL is set (.env or the environment).
run: export WAGTAILADMIN_BASE_URL := $(or $(WAGTAILADMIN_BASE_URL),http://$(HOST):$(PORT))
run: catalogues
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py create_demo_admin
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production stack on this machine: gunicorn with several workers, whitenoise for static files.
serve: catalogues
	DJANGO_SETTINGS_MODULE=portal.settings.production $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=portal.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.production $(VENV)/bin/gunicorn -c site/portal/gunicorn.conf.py

# Benchmark of the production stack behind nginx (writes docs/performance.md); as root it
# installs nginx, wrk, PostgreSQL and Redis from Debian when missing. ARTICLES="1000 100000"
# by default; ARTICLES=1000 BENCH_DURATION=5 for a quick run (see bench/run.py).
bench: catalogues
	$(PY) bench/run.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The import contract ([tool.importlinter] in pyproject.toml): apps import downward only.
imports: install
	PYTHONPATH=site $(VENV)/bin/lint-imports --no-cache

migrations-check: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

# Browser tests (tests/browser) drive this Chromium; without it they are skipped.
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
AXE := tests/browser/node_modules/axe-core/axe.min.js

# axe-core for the accessibility audits, pinned by tests/browser/package-lock.json.
browser-deps: $(AXE)
$(AXE): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/browser --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility audits will be skipped"; fi

# The TypeScript client's compiler and type generator (clients/typescript/package-lock.json),
# for tests/clients/test_typescript_client.py.
TS_CLIENT := clients/typescript/node_modules/.package-lock.json
clients-deps: $(TS_CLIENT)
$(TS_CLIENT): clients/typescript/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix clients/typescript --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the TypeScript client's test will be skipped"; fi

# pytest exits with 5 when a selection holds no test: that is not a failure.
pytest: catalogues browser-deps clients-deps
	@if [ -x "$(CHROMIUM_PATH)" ]; then echo "== Browser tests: ON (Chromium at $(CHROMIUM_PATH))"; \
	else echo "== Browser tests: SKIPPED, no Chromium at $(CHROMIUM_PATH) (apt-get install chromium)"; fi
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ]

test: lint imports migrations-check audit pytest

# A longer schemathesis run over the OpenAPI document (random, FUZZ_EXAMPLES per operation
# and mode); results are recorded in docs/api.md.
FUZZ_EXAMPLES ?= 100
fuzz: catalogues
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_RANDOM=1 $(VENV)/bin/pytest -n 2 -s -q tests/api/test_fuzz.py

# Re-pin every dependency after changing pyproject.toml.
lock:
	$(PYTHON) -m venv /tmp/portal-lock-venv
	/tmp/portal-lock-venv/bin/pip install --quiet uv
	/tmp/portal-lock-venv/bin/uv pip compile --quiet --generate-hashes --extra dev --strip-extras \
		--python-version 3.11 --output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) staticfiles test-artifacts tests/browser/node_modules \
		clients/typescript/node_modules clients/typescript/dist

# Known advisories in requirements.lock (pip-audit, in its own virtual environment); skipped
# with a message when no package index or advisory database can be reached.
AUDIT_VENV := /tmp/portal-audit-venv
audit:
	@if [ -x $(AUDIT_VENV)/bin/pip-audit ] || { $(PYTHON) -m venv $(AUDIT_VENV) && \
		$(AUDIT_VENV)/bin/pip install --quiet --disable-pip-version-check pip-audit >/dev/null 2>&1; }; \
	then $(AUDIT_VENV)/bin/python .ci/audit.py; \
	else echo "== Dependency audit: SKIPPED, pip-audit could not be installed (no package index)"; fi
# Backups (core/backups.py): the database (pg_dump custom format, or a copy made with SQLite's
# backup API) and a tarball of the media files into backups/<timestamp>/ (BACKUP_ROOT).
# `make restore BACKUP=backups/<timestamp>` replaces both, after asking to confirm.
BACKUP_ROOT ?= backups
backup: install
	$(PY) manage.py backup --output $(BACKUP_ROOT)

restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/<timestamp>"; exit 2; }
	$(PY) manage.py restore $(BACKUP)

# Soak test of the production stack behind nginx: 50 readers and API consumers and an editor
# for SOAK_DURATION seconds (600); writes docs/reliability.md (see bench/soak.py). With
# SOAK_MODE=scale-out: two nodes, a replica and object storage, one node and the replica
# stopped during the run (bench/soak_scale_out.py).
soak: catalogues
	$(PY) bench/soak.py
