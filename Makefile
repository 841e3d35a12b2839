# Customer Service Study Hub.  `make site` and `make test` work on a fresh machine:
# each creates its own virtual environment in .venv and installs what it needs.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site serve test check offline bench clean venv browser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# axe-core for the accessibility tests (tests/test_axe.py), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## site: validate content, generate pages, build the site into site/
site: $(VENV)/.installed
	$(PY) -m generator build
	$(PY) -m mkdocs build --strict --clean

## offline: a copy that opens from index.html with no web server (site-offline/)
offline: $(VENV)/.installed
	$(PY) -m generator build
	$(PY) -m mkdocs build --strict --clean -f mkdocs-offline.yml

## serve: preview on http://127.0.0.1:8000 and reload when content/ or quizzes/ change
serve: $(VENV)/.installed
	$(PY) -m generator build
	$(PY) -m mkdocs serve --strict -a 127.0.0.1:8000

## check: validate all content and report every problem; writes nothing
check: $(VENV)/.installed
	$(PY) -m generator check
	$(PY) -m generator schema --check

## browser: install Debian's chromium for the browser tests (needs root or sudo)
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: present"; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; fi

## test: every test, browser tests included (quick loop: $(PY) -m pytest -m "not browser and not slow")
# No -m or -k here: the whole suite always runs, so pytest can never exit 5 ("no tests
# collected") and every non-zero exit fails the target (and .ci/run).
test: $(VENV)/.installed-test browser node_modules/.installed
	$(PY) -m pytest -q

## bench: time and size of a full build (not part of the tests)
bench: $(VENV)/.installed
	$(PY) -m generator.bench

clean:
	rm -rf site site-offline .pytest_cache
