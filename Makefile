# Two commands do the work on a fresh Debian machine with Python 3.11:
#   make demo   the kiosk with a sample conference election and simulated devices
#   make test   the whole suite
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.isoloir-installed

.PHONY: demo test lint system venv bench clean translations

system:
	@bash scripts/setup-system.sh

$(STAMP): pyproject.toml scripts/system-packages.txt
	@bash scripts/setup-system.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	@bash scripts/demo.sh

test: $(STAMP)
	@bash scripts/setup-system.sh
	@$(VENV)/bin/ruff check
	@$(VENV)/bin/mypy
	@QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n 2 --dist loadfile --timeout 600

lint: $(STAMP)
	@$(VENV)/bin/ruff check
	@$(VENV)/bin/mypy

bench: $(STAMP)
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# The booth's texts: new strings from the QML into the .ts files (for translators, e.g. with
# pyside6-linguist), then the compiled .qm files the booth loads (committed; a test checks them).
translations: $(STAMP)
	@cd kiosk/ui && ../../$(VENV)/bin/pyside6-lupdate qml/*.qml -no-obsolete \
		-ts translations/booth_fr.ts translations/booth_es.ts
	@cd kiosk/ui && ../../$(VENV)/bin/pyside6-lrelease translations/booth_fr.ts translations/booth_es.ts

clean:
	rm -rf $(VENV) build dist *.egg-info
