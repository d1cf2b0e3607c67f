PYTHON ?= python3

# Generated files are checked (issue 13): the vectors, the Swift bindings and the result-type blocks of
# node/index.d.ts and python/opentok/_native.pyi (from the core's manifest).
#   make check-generated   regenerate everything into target/generated/ and diff against the tree
#                          (prints each diff and the command below; never modifies the tree). Uses the
#                          release build `make build` made (run by `make test` after it); builds only
#                          the core's `manifest` example.
#   make generate          rewrite every generated file in place (after a release build)
# scripts/gen/check_generated.py lists what is covered and what is not.

TEST_TARGETS += check-generated

.PHONY: check-generated generate

check-generated:
	@out=$$($(PYTHON) -m unittest discover -s scripts/gen -p 'test_*.py' 2>&1) || { echo "$$out"; exit 1; }; \
	  echo "scripts/gen/test_gen_types.py: $$(echo "$$out" | grep '^Ran') OK"
	@$(PYTHON) scripts/gen/check_generated.py

generate: build
	@$(PYTHON) scripts/gen/check_generated.py --write
