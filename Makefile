# The only commands a newcomer needs: make site, make test (plus serve, check, lint, bench).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SYSTEM := $(VENV)/.system-packages
# Commands the tests need, each with the Debian package that brings it: chromium for Playwright,
# pdftotext, Java for the Nu HTML checker, npm for the test-only JavaScript (axe-core) and the
# bench-only Lighthouse.
SYSTEM_COMMANDS := chromium:chromium pdftotext:poppler-utils java:default-jre-headless npm:npm
AXE := tests/tooling/node_modules/axe-core/axe.min.js
# Lighthouse, for make bench's mobile scores (bench-only JavaScript, never in site/)
LIGHTHOUSE := scripts/tooling/node_modules/lighthouse/cli/index.js
# decap-server, the web editor's local backend (make edit, tests/test_editor_browser.py), at the
# version editor/package-lock.json pins (defined here: a rule's prerequisites are read at once)
DECAP_SERVER := editor/node_modules/.bin/decap-server
# Debian packages WeasyPrint needs to make the PDFs in `make site`: Pango, and the DejaVu fonts.
PDF_APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
PDF_SYSTEM := $(VENV)/.system-packages-pdf
# Material for MkDocs prints its end-of-life notice (maintenance ends 5 May 2027; Zensical is its
# authors' successor) at every build; README's "When Material reaches end of life" says what that
# means for familyhub. The notice says nothing about this build, so it is switched off.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve edit test check lint format bench bench-pdf clean vendor

site: $(INSTALLED) $(PDF_SYSTEM)
	$(BIN)/python -m familyhub.site.build

# PORT=8001 for a second preview; a port in use is said in plain words, before MkDocs starts
serve: $(INSTALLED)
	@$(BIN)/python -m familyhub.site.port $(PORT)
	$(BIN)/mkdocs serve --dirty$(if $(PORT), --dev-addr 127.0.0.1:$(PORT))

check: $(INSTALLED)
	$(BIN)/familyhub check

# issue 24: the web editor at http://127.0.0.1:8000/admin/ beside the preview, for one editor on
# their own computer. Decap's local backend (decap-server, pinned in editor/package-lock.json) writes the
# form's files straight into data/, and the preview rebuilds the page. Ctrl+C stops both.
EDITOR_PORT ?= 8081
edit: $(INSTALLED) $(DECAP_SERVER)
	@$(BIN)/python -m familyhub.site.port $(PORT)
	@echo "the editor: http://127.0.0.1:$(or $(PORT),8000)/admin/ (the preview: http://127.0.0.1:$(or $(PORT),8000)/)"
	@trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	BIND_HOST=127.0.0.1 PORT=$(EDITOR_PORT) GIT_REPO_DIRECTORY=$(CURDIR) LOG_LEVEL=warn \
	  $(DECAP_SERVER) & server=$$!; \
	$(BIN)/mkdocs serve --dirty$(if $(PORT), --dev-addr 127.0.0.1:$(PORT))

# Three workers on the two cores: while one waits (for a shared build, tests/conftest.py, or for
# a browser page), the other two keep both cores busy; with two, a run left a third of the
# machine idle. A test file per worker so that its module fixtures are made once, in the order
# conftest.py gives (a file of each shared build first, the quick ones last); the 15 slowest
# tests listed at the end. `make lint`'s commands run as tests (tests/test_lint.py), beside the
# others rather than before them.
test: $(INSTALLED) $(SYSTEM) $(PDF_SYSTEM) $(AXE) $(DECAP_SERVER)
	$(BIN)/pytest -n 3 --dist loadfile --no-loadscope-reorder --durations=15

# Seconds per whole-hub PDF (median of 3), target <= 15 s per language.
bench-pdf: $(INSTALLED) $(PDF_SYSTEM)
	$(BIN)/python scripts/bench_pdf.py

lint: $(INSTALLED)
	$(BIN)/ruff check familyhub scripts tests
	$(BIN)/ruff format --check familyhub scripts tests
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(INSTALLED)
	$(BIN)/ruff format familyhub scripts tests
	$(BIN)/ruff check --fix familyhub scripts tests

# uv installs the pinned packages in about a sixth of pip's time (10 s against 35 s in a fresh
# clone here, a fifth of the whole `make test` budget); it uses the system's certificates as pip
# does. Should uv itself fail to install or run, pip does the same work.
$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --constraint constraints.txt uv \
	  && $(BIN)/uv pip install --quiet --native-tls --python $(BIN)/python \
	    --constraint constraints.txt --editable '.[dev]' \
	  || $(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $@

# apt-get only when a command is missing, so a prepared machine is not touched.
$(SYSTEM): $(INSTALLED)
	@missing=""; for pair in $(SYSTEM_COMMANDS); do \
	  command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	touch $@

# apt-get for the libraries WeasyPrint loads, only when a package is missing.
$(PDF_SYSTEM): $(INSTALLED)
	@missing=""; for package in $(PDF_APT_PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	touch $@

# axe-core for the accessibility tests, from the npm registry at the version the lock file pins.
$(AXE): tests/tooling/package.json tests/tooling/package-lock.json $(SYSTEM)
	npm ci --prefix tests/tooling --no-audit --no-fund --loglevel=error
	touch $@

# decap-server (see DECAP_SERVER above): npm ci from the lock file; decap-cms is optional there,
# only `make vendor` needs it.
$(DECAP_SERVER): editor/package.json editor/package-lock.json $(SYSTEM)
	npm ci --prefix editor --omit=optional --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse for `make bench` (scripts/bench_lighthouse.py), at the version the lock file pins.
$(LIGHTHOUSE): scripts/tooling/package.json scripts/tooling/package-lock.json $(SYSTEM)
	npm ci --prefix scripts/tooling --no-audit --no-fund --loglevel=error
	touch $@

# Build times at 200 and 2,000 synthetic partnerships against a bare MkDocs build (issue 6);
# results in PERFORMANCE.md (the figures between its `make bench` markers). FAMILYHUB_DATA=folder measures that data set instead.
# Lighthouse's mobile scores of three curated pages (issue 15; alone, on a built site:
# $(BIN)/python scripts/bench_lighthouse.py site). Then the whole-hub PDFs of the curated data
# (issue 4; also alone: make bench-pdf).
bench: $(INSTALLED) $(PDF_SYSTEM) $(LIGHTHOUSE)
	$(BIN)/python scripts/bench.py --write PERFORMANCE.md
	$(BIN)/python scripts/bench_pdf.py --runs 1

clean:
	rm -rf site $(VENV)

# issue 22: ExcelJS writes the XLSX of the rows on screen in the reader's browser
# (overrides/assets/javascripts/table-download.js). Its minified file and licence are committed in
# overrides/assets/javascripts/vendor/, so that `make site` needs neither npm nor the registry;
# `make vendor` fetches the pinned version again (npm checks the registry's integrity hash) and
# puts it there: `git diff` then shows whether anything changed.
EXCELJS_VERSION := 4.4.0
VENDOR := overrides/assets/javascripts/vendor
# issue 24: Decap CMS (MIT), the web editor at /admin/: its prebuilt script, the chunks it loads
# beside it and the third-party licences it names, at the version editor/'s lock pins.
DECAP_VENDOR := $(VENDOR)/decap
DECAP_DIST := editor/node_modules/decap-cms/dist
vendor: $(SYSTEM)
	tmp=$$(mktemp -d) && cd $$tmp && npm pack exceljs@$(EXCELJS_VERSION) --silent >/dev/null \
	  && tar xzf exceljs-$(EXCELJS_VERSION).tgz && cd - >/dev/null \
	  && cp $$tmp/package/dist/exceljs.bare.min.js $(VENDOR)/exceljs.bare.min.js \
	  && cp $$tmp/package/LICENSE $(VENDOR)/exceljs.LICENSE.txt && rm -rf $$tmp
	npm ci --prefix editor --no-audit --no-fund --loglevel=error
	rm -rf $(DECAP_VENDOR) && mkdir -p $(DECAP_VENDOR)
	cp $(DECAP_DIST)/*decap-cms.js $(DECAP_DIST)/*.wasm $(DECAP_VENDOR)/
	cp $(DECAP_DIST)/decap-cms.js.LICENSE.txt $(DECAP_VENDOR)/
