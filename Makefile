# Everyday commands. Each one sets up the virtual environment first if needed.
PYTHON ?= python3.10
VENV := .venv
PY := $(VENV)/bin/python
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

export PATH := $(PATH):/usr/sbin

.PHONY: setup packages kb train run shell test lint bench lock clean

setup: $(VENV)/.installed web/node_modules/.package-lock.json

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund --loglevel=error

packages:          ## Debian packages the tests use: Chromium, PostgreSQL, Redis, nginx (root or sudo)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade "pip==23.3.2"
	$(VENV)/bin/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

kb: setup          ## build/refresh the knowledge base and its spaCy pipeline
	$(PY) -m bot kb

train: setup       ## kb, then train the Rasa model if it is missing or stale
	$(PY) -m bot train

run: setup         ## kb, train, then start the action server and the Rasa server (REST on 127.0.0.1:5005)
	$(PY) -m bot run

shell: setup       ## kb, train, then chat in the terminal
	$(PY) -m bot shell

test: setup packages ## everything above, then all tests (unit, NLU, stories, end-to-end, browser, scale-out)
	$(PY) -m bot train
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: setup       ## benchmark against a stock Rasa bot; prints a table, writes results/bench.json and .png
	$(PY) -m bench.run

lint: setup
	$(VENV)/bin/ruff check .

lock: setup        ## record the exact versions now installed
	( echo "# Exact versions of every dependency, used as pip constraints by \`make setup\` (regenerate: make lock)."; \
	  $(VENV)/bin/pip freeze --exclude-editable ) > requirements.lock

clean:
	rm -rf build models results .rasa tests/output web/node_modules
