# Two commands do the work on a fresh Debian machine with Python 3.11:
#   make demo   the kiosk with a sample conference election and simulated devices
#   make test   the whole suite
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.isoloir-installed

.PHONY: demo test lint system venv bench clean

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
	@QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n 2 --timeout 600

lint: $(STAMP)
	@$(VENV)/bin/ruff check
	@$(VENV)/bin/mypy

bench: $(STAMP)
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info
