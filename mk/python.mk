# Python package `opentok-rs` (import `opentok`): deps, tests, demo, benchmark.
PYTHON ?= python3
PY_DIR := $(ROOT)/python
PY_NATIVE := $(PY_DIR)/opentok/_native.abi3.so

DEPS_TARGETS += deps-python
TEST_TARGETS += test-python
DEMO_TARGETS += demo-python
BENCH_TARGETS += bench-python

.PHONY: deps-python py-native test-python demo-python bench-python

# Test-only dependencies: the HTTP mocking libraries users test with (issue 11) and PyJWT to verify the
# auth header they record. Never dependencies of the package itself.
PY_TEST_DEPS := pytest mypy "maturin>=1.16,<2" requests responses requests-mock httpretty vcrpy pyjwt cryptography

deps-python:
	@$(PYTHON) -c "import pytest, mypy, maturin, requests, responses, requests_mock, httpretty, vcr, jwt, cryptography" 2>/dev/null || \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PY_TEST_DEPS)

# The native module from the workspace build; if this interpreter cannot load a plain cargo
# build (libpython linking), build the extension with maturin instead and take it from the wheel.
py-native: build
	@cp $(ROOT)/target/release/libopentok_python.so $(PY_NATIVE)
	@cd $(PY_DIR) && $(PYTHON) -c "import opentok._native" 2>/dev/null || { \
	  echo "plain cargo build not loadable here; building the extension with maturin"; \
	  rm -f $(PY_NATIVE); rm -rf $(ROOT)/target/py-wheels; \
	  $(PYTHON) -m maturin build --release -m $(PY_DIR)/pyproject.toml -o $(ROOT)/target/py-wheels -q && \
	  $(PYTHON) -c "import zipfile,glob,sys; z=zipfile.ZipFile(glob.glob('$(ROOT)/target/py-wheels/*.whl')[0]); n=[x for x in z.namelist() if x.startswith('opentok/_native')][0]; open('$(PY_NATIVE)','wb').write(z.read(n))"; }

test-python: deps-python py-native
	cd $(PY_DIR) && $(PYTHON) -m mypy --strict examples/quickstart.py opentok
	cd $(PY_DIR) && $(PYTHON) -m pytest -q -p no:cacheprovider tests
	@echo "the same suite with every call on the host transport (requests):"
	cd $(PY_DIR) && OPENTOK_TRANSPORT=host $(PYTHON) -m pytest -q -p no:cacheprovider tests

demo-python: deps-python py-native
	@cd $(PY_DIR) && if [ -n "$$OPENTOK_API_KEY" ] && [ -n "$$OPENTOK_API_SECRET" ]; then \
	  PYTHONPATH=$(PY_DIR) $(PYTHON) examples/quickstart.py; \
	else \
	  $(OPENTOK_EMULATOR_BIN) --port 0 > $(ROOT)/target/py-demo-emulator.out & pid=$$!; \
	  for i in $$(seq 100); do [ -s $(ROOT)/target/py-demo-emulator.out ] && break; sleep 0.05; done; \
	  OPENTOK_API_URL=$$(head -1 $(ROOT)/target/py-demo-emulator.out) PYTHONPATH=$(PY_DIR) $(PYTHON) examples/quickstart.py; rc=$$?; \
	  kill $$pid; exit $$rc; \
	fi

bench-python: deps-python py-native
	$(PYTHON) $(ROOT)/bench/python/bench.py
