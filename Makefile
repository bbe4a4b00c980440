# Two commands: `make run` and `make test`. Both set everything up on first use.
# Three hashed locks, one per dependency group (regenerate with `make lock`): `make run` installs
# the runtime lock and the spaCy pipeline; `make test` adds the test tools on top. Every download
# is checked against its hash (--require-hashes). The one exception is the project itself,
# installed editable from this folder (a folder has no hash), with the build backend from
# requirements-build.lock rather than an unpinned isolated build.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip install --quiet --require-hashes
ARGS   ?=

.PHONY: run test test-fast lint typecheck lock eval group-model need-model bench browser pdf-libs clean

# The venv's own pip is first brought to the locked release: older pips (23.2 on Python 3.11.7)
# resolve an extra ("smart-open[http]" from weasel) past its pin and refuse the hashed install.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	sed -n '/^pip==/,/# via/p' requirements.lock > $(VENV)/pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(VENV)/pip.lock

$(STAMP): $(BIN)/python pyproject.toml requirements.lock requirements-build.lock requirements-pipeline.txt
	$(PIP) -r requirements.lock
	$(PIP) --no-deps -r requirements-pipeline.txt
	$(PIP) -r requirements-build.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The test tools (pytest, ruff, mypy...) go in only for the targets that need them.
$(TSTAMP): $(STAMP) requirements-test.lock
	$(PIP) -r requirements-test.lock
	touch $(TSTAMP)

run: $(STAMP) pdf-libs
	$(BIN)/needs-led $(ARGS)

# Debian's Chromium prints the HTML exports in tests; install it where it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	      echo "Installing Debian's chromium for the print tests..."; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	        || echo "warning: could not install chromium; browser tests will fail"; \
	    else echo "warning: chromium is missing and cannot be installed here"; fi; }

# WeasyPrint (the PDF exports) needs Pango from the system, and the golden PDFs were laid out
# with the DejaVu fonts; install them where they are missing (Chromium brings Pango, not DejaVu).
# Noto Color Emoji: a story quoting a child's message ("she texted 😢") prints as typed, not
# as empty boxes.
pdf-libs:
	@ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' && ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' \
	  && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] \
	  && [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || \
	  { if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	      echo "Installing Debian's Pango for the PDF exports..."; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-color-emoji >/dev/null) \
	        || echo "warning: could not install Pango; PDF exports will fail"; \
	    else echo "warning: Pango (libpango-1.0-0) is missing: PDF exports need it"; fi; }

lint: $(TSTAMP)
	$(BIN)/ruff check .

typecheck: $(TSTAMP)
	$(BIN)/python -m mypy

test: $(TSTAMP) browser pdf-libs
	$(BIN)/ruff check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q $(ARGS)

# For daily work: lint, types, then the tests not marked slow or browser, stopping at the first
# failure. `make test` (and CI) still runs everything.
test-fast: $(TSTAMP) pdf-libs
	$(BIN)/ruff check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q -x -m "not slow and not browser" $(ARGS)

# Regenerate the three hashed locks from pyproject.toml (keeps existing pins; see scripts/lock).
lock:
	PYTHON=$(PYTHON) scripts/lock $(ARGS)

eval: $(STAMP)
	$(BIN)/python scripts/eval.py $(ARGS)

# Retrain the learned Need Group reading (framework/needgroups-model.json) on
# eval/dev/needgroups.jsonl after adding labelled rows; prints the leave-sources-out table.
group-model: $(STAMP)
	$(BIN)/python scripts/train_group_model.py $(ARGS)

need-model: $(STAMP)
	$(BIN)/python scripts/train_need_model.py $(ARGS)

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
