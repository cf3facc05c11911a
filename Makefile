# FaceAlbum — `make run` opens the app on the bundled local backend; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
APT_PACKAGES := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0 libegl1 libgl1 libfontconfig1 libdbus-1-3 \
	apertium apertium-eng-spa apertium-es-pt apertium-fr-es apertium-spa-ita cg3 \
	fonts-dejavu-core nginx wrk libmariadb-dev pkg-config
PYTEST_ARGS ?=

.PHONY: run serve test test-loaded test-cluster lint bench mutate dist setup system-deps clean

$(STAMP): pyproject.toml | system-deps
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[all,dev]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: system-deps $(STAMP)

# Debian packages: Qt's X11 libraries, Apertium (offline translation), fonts, nginx (cluster test),
# the MariaDB client library the MySQL driver (mysqlclient) is built against.
# Installed when we are root or have sudo; otherwise we say what is missing and go on.
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
		[ "$$(dpkg-query -W -f='$${db:Status-Status}' $$p 2>/dev/null)" = installed ] || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "note: not Debian/Ubuntu; install by hand: $$missing"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "note: cannot install system packages (no root/sudo): $$missing — translation and the Qt window may not work"; exit 0; fi; \
	echo "installing system packages: $$missing"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null

run: setup
	$(PY) -m desktop

serve: setup
	@echo "FaceAlbum service on http://127.0.0.1:8000 (data in ./data)"
	$(PY) -m server --host 127.0.0.1 --port 8000 --data-dir data

lint: $(STAMP)
	@if git grep -nI --untracked -e '\.\.[/]shared' -- . ':!.venv'; then \
		echo "error: the files above refer to a shared folder outside the checkout; the repository must stand alone (copy into tests/fixtures or docs)"; exit 1; fi
	$(VENV)/bin/ruff check server desktop tests
	$(VENV)/bin/ruff format --check server desktop tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: setup lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest $(PYTEST_ARGS)

# The suite three times in a row from fresh clones while stress-ng loads both cores (RUNS=N).
test-loaded:
	bash tests/stress/loaded_runs.sh

# The scale-out proof alone (also part of `make test`): nginx + 3 instances, MariaDB, S3.
test-cluster: setup
	$(VENV)/bin/pytest -m cluster tests/deploy

# Mutation testing (slow, not part of `make test`): one module at a time, each mutant running only
# that module's test files; resumes where a stopped run left off. MODULES="storage albums" to pick.
mutate: setup
	$(PY) tests/mutation/mutate.py $(MODULES)

bench: setup
	@for script in tests/bench/bench_*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; done

dist: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	./dist/FaceAlbum/FaceAlbum --self-test

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
