# Medvind. `make run` and `make test` set up everything they need on a fresh machine.
SHELL := /bin/bash
PORT ?= 8000
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
MANAGE := $(UV) run --frozen python manage.py
PYTEST_ARGS ?= -n 2

.PHONY: run test install lint translations messages bench clean

install: .venv/.installed node_modules/.installed
	@mkdir -p var

.venv/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Medvind is running on http://127.0.0.1:$(PORT)/ (stop with Ctrl+C)"
	DEBUG=$${DEBUG:-0} $(UV) run --frozen gunicorn medvind.wsgi:application --pythonpath src \
		--bind 127.0.0.1:$(PORT) --workers 2 --threads 1 --access-logfile - --error-logfile -

lint: install
	$(UV) run --frozen ruff check src tests bench
	$(UV) run --frozen ruff format --check src tests bench
	$(UV) run --frozen mypy src
	$(UV) run --frozen djlint src/medvind --lint --quiet

translations: install
	$(MANAGE) check_translations

messages: install
	$(MANAGE) check_translations --update

test: install lint translations
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=medvind.settings.test $(UV) run --frozen pytest $(PYTEST_ARGS)

# The latency targets under many clients (live event, survey respondents) run first: the large data sets
# of run.py and surveys.py leave PostgreSQL and the disk busy for a while after they are dropped.
bench: install
	$(UV) run --frozen python bench/events.py
	$(UV) run --frozen python bench/survey_respondents.py
	$(UV) run --frozen python bench/run.py
	$(UV) run --frozen python bench/surveys.py
	$(UV) run --frozen python bench/knowledge.py

clean:
	rm -rf var/static .venv node_modules
