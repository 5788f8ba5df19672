# The only commands a newcomer needs: make site, make test (plus serve, check, lint, bench).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SYSTEM := $(VENV)/.system-packages
# Debian packages the browser tests and PDF checks need (chromium for Playwright, pdftotext).
APT_PACKAGES := chromium poppler-utils
# MkDocs 1.6 prints a banner about its successor at every build; it says nothing about ours.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check lint format bench clean

site: $(INSTALLED)
	$(BIN)/python -m familyhub.build

serve: $(INSTALLED)
	$(BIN)/mkdocs serve

check: $(INSTALLED)
	$(BIN)/familyhub check

test: $(INSTALLED) $(SYSTEM) lint
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check familyhub scripts tests
	$(BIN)/ruff format --check familyhub scripts tests
	$(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff format familyhub scripts tests
	$(BIN)/ruff check --fix familyhub scripts tests

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $@

# apt-get only when a package is missing, so a prepared machine is not touched.
$(SYSTEM): $(INSTALLED)
	@missing=""; for package in $(APT_PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	touch $@

# Build times at 200 and 2,000 synthetic partnerships against a bare MkDocs build (issue 6);
# results in docs/performance.md. FAMILYHUB_DATA=folder measures that data set instead.
bench: $(INSTALLED)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site $(VENV)
