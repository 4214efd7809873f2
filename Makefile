# Everyday commands. Each one sets up the virtual environment first if needed.
PYTHON ?= python3.10
VENV := .venv
PY := $(VENV)/bin/python
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

export PATH := $(PATH):/usr/sbin

.PHONY: setup packages kb train run shell test test-fast lint report eval bench lock clean

setup: $(VENV)/.installed web/node_modules/.package-lock.json /usr/share/wordnet/data.noun

# WordNet's noun database (Debian's wordnet-base): the KB builder decides which headings name an occupation with it.
/usr/share/wordnet/data.noun:
	@echo "Installing Debian's wordnet-base (WordNet's database, for finding careers in documents) ..."
	@SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wordnet-base ) \
	  > /dev/null || { echo "Could not install wordnet-base: run 'apt-get install wordnet-base' as root."; exit 1; }

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	@echo "Installing the widget's socket.io client (npm ci) ..."
	@npm ci --prefix web --no-audit --no-fund --loglevel=error --silent

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
	@mkdir -p build/logs
	@echo "Installing Python packages into $(VENV) (a few minutes the first time; log: build/logs/install.log) ..."
	@( $(PYTHON) -m venv $(VENV) && \
	   $(VENV)/bin/pip install --upgrade "pip==23.3.2" && \
	   $(VENV)/bin/pip install -c requirements.lock -e ".[dev]" ) > build/logs/install.log 2>&1 \
	  || { tail -n 30 build/logs/install.log; echo "Installing failed; see build/logs/install.log"; exit 1; }
	@touch $@

kb: setup          ## build/refresh the knowledge base and the vocabulary the NLU tags mentions with
	@$(PY) -m bot kb

train: setup       ## kb, then train the Rasa model if it is missing or stale
	@$(PY) -m bot train

run: setup         ## kb, train, then start the action server and the Rasa server (REST on 127.0.0.1:5005)
	@$(PY) -m bot run

shell: setup       ## kb, train, then chat in the terminal
	@$(PY) -m bot shell

test: setup packages ## ruff, then all tests: unit, end-to-end (NLU, stories, servers), browser, scale-out
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

test-fast: setup   ## the unit layer only (no servers, no training): under a minute
	$(PY) -m pytest -m unit -q

report: setup      ## the questions the documents could not answer, most frequent first: which document to add next
	@$(PY) -m bot report

eval: setup        ## the bot on the whole test corpus holds every conversation of tests/eval over REST; prints scores per document and latency
	RASA_TELEMETRY_ENABLED=false $(PY) -m pytest -q -s -p no:cacheprovider tests/eval

bench: setup packages ## benchmark against a stock Rasa bot (checks what it needs first); prints a table, writes results/bench.json (figure by figure) and .png
	$(PY) -m bench.run

lint: setup
	$(VENV)/bin/ruff check .

lock: setup        ## record the exact versions now installed
	( echo "# Exact versions of every dependency, used as pip constraints by \`make setup\` (regenerate: make lock)."; \
	  $(VENV)/bin/pip freeze --exclude-editable ) > requirements.lock

clean:
	rm -rf build models results .rasa tests/output web/node_modules
