# Two commands do the work on a fresh Debian machine with Python 3.11:
#   make demo   the kiosk with a sample conference election and simulated devices
#   make test   the whole suite
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.isoloir-installed

.PHONY: demo demo-hall test lint system venv bench bench-peers fuzz clean translations package package-test fresh-test

system:
	@bash scripts/setup-system.sh

$(STAMP): pyproject.toml scripts/system-packages.txt
	@bash scripts/setup-system.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e '.[dev,verify-dask]'
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	@if [ -n "$(HALL)" ]; then DEMO_E2E="$(E2E)" bash scripts/demo-hall.sh; else bash scripts/demo.sh; fi

demo-hall: $(STAMP)
	@DEMO_E2E="$(E2E)" bash scripts/demo-hall.sh

test: $(STAMP)
	@bash scripts/setup-system.sh
	@$(VENV)/bin/ruff check
	@$(VENV)/bin/mypy
	@$(VENV)/bin/lint-imports --no-logo --no-cache
	@QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n 2 --dist loadfile --timeout 600

lint: $(STAMP)
	@$(VENV)/bin/ruff check
	@$(VENV)/bin/mypy
	@$(VENV)/bin/lint-imports --no-logo --no-cache

# ElectionGuard, the peer that bench/peers.py compares with, in a venv of its own: it pins
# pydantic 1.9.0 and does not import on Python 3.11, so it gets Python 3.10 (pyenv's, if present).
PEER_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.10.*/bin/python3.10) python3.10)
PEER_VENV := .venv-peers
PEER_STAMP := $(PEER_VENV)/.isoloir-installed

bench: $(STAMP)
	@$(MAKE) --no-print-directory $(PEER_STAMP) || echo "no peer venv: bench/peers.py says why"
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

$(PEER_STAMP):
	@$(PEER_PYTHON) --version >/dev/null 2>&1 || { echo "bench-peers needs Python 3.10 (ElectionGuard 1.4.0 does not run on 3.11): set PEER_PYTHON"; exit 1; }
	@$(PEER_PYTHON) -m venv $(PEER_VENV)
	@$(PEER_VENV)/bin/pip install -q electionguard==1.4.0 cryptography==50.0.2
	@touch $(PEER_STAMP)

bench-peers: $(STAMP) $(PEER_STAMP)
	@$(PY) bench/peers.py

# Coverage-guided fuzzing of the readers of hostile input (not in CI): FUZZ_SECONDS per harness.
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	@$(PY) -m pip install -q -e '.[fuzz]'
	@for harness in fuzz/fuzz_*.py; do echo "== $$harness"; \
		$(PY) $$harness -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 || exit 1; done

# The booth's texts: new strings from the QML into the .ts files (for translators, e.g. with
# pyside6-linguist), then the compiled .qm files the booth loads (committed; a test checks them).
translations: $(STAMP)
	@cd kiosk/ui && ../../$(VENV)/bin/pyside6-lupdate qml/*.qml -no-obsolete \
		-ts translations/booth_fr.ts translations/booth_es.ts
	@cd kiosk/ui && ../../$(VENV)/bin/pyside6-lrelease translations/booth_fr.ts translations/booth_es.ts

# The booth as a Debian package (dist/isoloir-booth_<version>_amd64.deb) and the project's wheel
# (station-admin); package-test installs it in a debootstrap chroot and screenshots it under cage.
package: $(STAMP)
	@bash packaging/build-deb.sh

package-test: package
	@bash packaging/test-package.sh

# The README's two commands on a fresh Debian 12 root (debootstrap), as a new user meets them:
# `make test` exactly as CI runs it, then `make demo` on Xvfb (as root; 15-25 minutes; not in CI).
fresh-test:
	@bash scripts/fresh-test.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
