# Two commands: `make run` and `make test`. Both set everything up on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: run test lint eval bench browser pdf-libs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock requirements-pipeline.txt
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-pipeline.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

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
pdf-libs:
	@ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' && ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' \
	  && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || \
	  { if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	      echo "Installing Debian's Pango for the PDF exports..."; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null) \
	        || echo "warning: could not install Pango; PDF exports will fail"; \
	    else echo "warning: Pango (libpango-1.0-0) is missing: PDF exports need it"; fi; }

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) browser pdf-libs
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q $(ARGS)

eval: $(STAMP)
	$(BIN)/python scripts/eval.py $(ARGS)

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
