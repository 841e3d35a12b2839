# Customer Service Study Hub.  `make site` and `make test` work on a fresh machine:
# each creates its own virtual environment in .venv and installs what it needs.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# ENGINE=zensical builds the same site from the same mkdocs.yml with Zensical (README, "Engines").
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs zensical),)
$(error ENGINE must be mkdocs or zensical, not '$(ENGINE)')
endif

.PHONY: site serve test test-zensical lint check offline bench clean venv browser tutors

# A centre's own site (docs/centres.md): CENTRE=path/to/centre.yml, or centre.yml when it
# exists.  The generator then writes mkdocs.centre.yml (and mkdocs.tutors.yml), which
# inherit mkdocs.yml; without a centre file the commands are exactly as before.
CENTRE ?= $(wildcard centre.yml)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	@# The GIFT export's tests read it back with pygiftparser, whose declared dependencies
	@# pin Markdown below 3.1 (README, "Dependencies"): install it and yattag, all it imports
	@# to parse, without them.
	$(PIP) install --quiet --no-deps pygiftparser==1.1 yattag==1.16.1
	touch $@

# Zensical is an optional extra, installed only when it is asked for.  It adds two small
# packages (deepmerge, tomli) and changes no version that mkdocs or mkdocs-material use.
$(VENV)/.installed-zensical: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[zensical]'
	touch $@

venv: $(VENV)/.installed

# axe-core for the accessibility tests (tests/test_axe.py), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## site: validate content, generate pages, build the site into site/
site: $(VENV)/.installed $(if $(filter zensical,$(ENGINE)),$(VENV)/.installed-zensical)
	$(PY) -m generator build$(if $(CENTRE), --centre $(CENTRE))
ifeq ($(ENGINE),zensical)
	$(if $(CENTRE),$(error ENGINE=zensical builds the full public site only; move $(CENTRE) aside first (docs/centres.md)))
	@# Zensical does not empty site/ itself: remove it so no MkDocs-built file lingers.
	rm -rf site
	$(VENV)/bin/zensical build --strict
else
	$(PY) -m mkdocs build --strict --clean$(if $(CENTRE), -f mkdocs.centre.yml)
endif

## tutors: the tutors' site, with the tutors' pages and answer keys, into site-tutors/
tutors: $(VENV)/.installed
	$(PY) -m generator build --tutors$(if $(CENTRE), --centre $(CENTRE))
	$(PY) -m mkdocs build --strict --clean -f mkdocs.tutors.yml

## offline: a copy that opens from index.html with no web server (site-offline/, and
## the same as one deterministic zip, site-offline.zip, for a shared drive or Moodle)
offline: $(VENV)/.installed
	$(if $(CENTRE),$(error make offline builds the full public site only; move $(CENTRE) aside first (docs/centres.md)))
	$(PY) -m generator build
	$(PY) -m mkdocs build --strict --clean -f mkdocs-offline.yml
	$(PY) -m generator.offline_zip --site site-offline --out site-offline.zip

## serve: preview on http://127.0.0.1:8000 and reload when content/ or quizzes/ change
serve: $(VENV)/.installed
	$(PY) -m generator build$(if $(CENTRE), --centre $(CENTRE))
	$(if $(CENTRE),CSH_CENTRE=$(CENTRE) )$(PY) -m mkdocs serve --strict -a 127.0.0.1:8000$(if $(CENTRE), -f mkdocs.centre.yml)

## check: validate all content and report every problem; writes nothing
check: $(VENV)/.installed
	$(PY) -m generator check$(if $(CENTRE), --centre $(CENTRE))
	$(PY) -m generator schema --check

## browser: install Debian's chromium for the browser tests (needs root or sudo)
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: present"; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; fi

## test: every test, browser tests included (quick loop: $(PY) -m pytest -m "not browser and not slow")
# No -m or -k here: the whole suite always runs, so pytest can never exit 5 ("no tests
# collected") and every non-zero exit fails the target (and .ci/run).
test: lint browser node_modules/.installed
	$(PY) -m pytest -q

## lint: ruff, the formatter check and mypy --strict (configuration in pyproject.toml)
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests
	$(VENV)/bin/mypy

## test-zensical: the whole browser suite and the link test against a Zensical build of the site
# CI runs it after `make test` (.ci/run); README, "Engines", lists what differs between the two.
test-zensical: $(VENV)/.installed-test $(VENV)/.installed-zensical browser node_modules/.installed
	@# Both runs always happen, so one report shows every difference; either failing fails.
	CSH_ENGINE=zensical $(PY) -m pytest -q -m browser tests/; browser=$$?; \
	CSH_ENGINE=zensical $(PY) -m pytest -q tests/test_links.py; links=$$?; \
	test $$browser = 0 && test $$links = 0

## bench: build time, growth at 10x content, page weight and mock-test script time;
## prints a table and writes bench.json (not part of the tests; needs Playwright and chromium)
bench: $(VENV)/.installed-test browser
	$(PY) -m generator.bench

clean:
	rm -rf site site-offline site-offline.zip site-tutors .pytest_cache .cache
