# opentok-rs — the only entry points people type.
#   make demo   quick-start of every language against the embedded emulator (or the real API when
#               OPENTOK_API_KEY and OPENTOK_API_SECRET are set)
#   make test   installs what is missing (apt, pip, npm, maven) and runs every test suite
#   make bench  side-by-side benchmarks (writes figures under bench/results/)
# Each language adds its targets in mk/<lang>.mk by appending to the lists below.

SHELL := /bin/bash
.DEFAULT_GOAL := help
ROOT := $(abspath .)
CARGO ?= cargo
export CARGO_TERM_COLOR ?= never
# Every suite uses the release build made once by `build`.
export OPENTOK_EMULATOR_BIN ?= $(ROOT)/target/release/opentok-emulator

DEPS_TARGETS :=
TEST_TARGETS :=
DEMO_TARGETS :=
BENCH_TARGETS :=

-include mk/*.mk

.PHONY: help deps build test test-all test-rust demo bench fuzz fmt lint clean

help:
	@echo "make demo    run the quick-start in every language against the embedded emulator"
	@echo "make test    install what is missing and run every test suite"
	@echo "make bench   run the benchmarks"
	@echo "make fuzz    run the cargo-fuzz targets for a while (not in CI)"

# System packages shared by several languages are installed once here.
deps: $(DEPS_TARGETS)

# The workspace is built once per run, in release; every language reuses target/release.
build:
	$(CARGO) build --release --workspace

test-rust: build
	$(CARGO) test --release --workspace

# Runs every suite, keeping a log, and ends with one line adding up every runner's summary.
test:
	@mkdir -p target
	@set -o pipefail; $(MAKE) --no-print-directory test-all 2>&1 | tee target/test.log; status=$$?; \
	  python3 scripts/test_summary.py target/test.log || status=1; exit $$status

test-all: deps build test-rust $(TEST_TARGETS)
	@echo "all test suites passed"

demo: deps build
	./target/release/opentok demo
	@$(MAKE) --no-print-directory $(DEMO_TARGETS)

bench: build $(BENCH_TARGETS)
	$(CARGO) bench -p opentok-core --bench tokens

FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	cd core/fuzz && for t in session_id token_decode response_decode id_url; do \
	  $(CARGO) fuzz run $$t --sanitizer none -- -max_total_time=$(FUZZ_SECONDS) || exit 1; done

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

clean:
	$(CARGO) clean
