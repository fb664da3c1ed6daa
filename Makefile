# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install bench clean-local

# The project virtualenv, reinstalled when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

install: $(BIN)/.installed

# Start Neo4j if NEO4J_URI is not set, apply the schema, load the bundled data,
# serve the API on 127.0.0.1:8000.
run: install
	$(BIN)/mergegraph run

# The whole test suite against a real Neo4j (its own, or NEO4J_URI's, wiped).
# Debian's chromium for the end-to-end tests of the web UI (tests/e2e), installed
# with apt when missing (as root, as in CI); Playwright drives that executable.
test: install
	command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)
	$(BIN)/python -m pytest

clean-local:
	-$(BIN)/mergegraph neo4j stop
	rm -rf .local
