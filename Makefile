# Shortcuts for the scripts in scripts/; the scripts are the reference (see README.md).
.PHONY: run test bench lint format messages

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

# makemessages for nl en tr ar pl (--ignore=.venv), then compiles the .mo files.
messages:
	scripts/setup
	scripts/makemessages
