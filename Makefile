# Two commands for a newcomer: `make run` and `make test`. Needs only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.prod: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.prod

run: $(VENV)/.prod
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py set_site_address
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	@echo "Le portail : http://127.0.0.1:8000/  (administration : http://127.0.0.1:8000/admin/)"
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	mkdir -p var
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest

bench: $(VENV)/.prod
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var/static var/test-media
