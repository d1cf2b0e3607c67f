# Module import cycles (issue 13): `scripts/check_module_cycles.py` builds each crate's module import
# graph from `use crate::…`, `use super::…` and `crate::x::` paths and fails, printing the cycle, when
# modules import each other. It first proves on a planted cycle that it can fail.
#   make check-modules   self-test, then every crate in MODULE_CYCLE_CRATES
# core/src is checked since its api::dispatch <-> client cycle is gone (issue 13, item 2).

TEST_TARGETS += check-modules

.PHONY: check-modules

MODULE_CYCLE_CRATES ?= emulator/src core/src

check-modules:
	@pass=0; fail=0; \
	for c in --self-test $(MODULE_CYCLE_CRATES); do \
	  if python3 scripts/check_module_cycles.py $$c; then pass=$$((pass+1)); else fail=$$((fail+1)); fi; \
	done; \
	echo "module cycles: $$pass passed, $$fail failed"; test $$fail -eq 0
