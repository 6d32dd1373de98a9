# Shortcuts for the scripts in scripts/; the scripts are the reference (see README.md).
.PHONY: run test bench lint format messages

PY := .venv/bin/python
LANGUAGES := nl en tr ar pl

run:
	scripts/run

test:
	scripts/test

bench:
	scripts/bench

lint:
	scripts/setup --dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djhtml --check templates

format:
	scripts/setup --dev
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
	.venv/bin/djhtml templates

messages:
	scripts/setup
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py makemessages --no-obsolete \
		$(addprefix -l ,$(LANGUAGES)) --ignore=.venv --ignore=var --ignore=node_modules
	$(PY) scripts/compile_messages.py
