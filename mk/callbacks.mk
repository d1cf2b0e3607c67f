# Callbacks (issue 14): the emulator's /_emulator/ page in headless chromium, and a demo step where the
# emulator's signed callbacks reach `opentok callback listen` and are verified.
#   make test-callbacks   chromium --dump-dom assertions + screenshot (target/ui/emulator-page.png)
#   make demo-callbacks   emulator -> local receiver, each event verified and printed as a JSON line

DEPS_TARGETS += deps-callbacks
TEST_TARGETS += test-callbacks
DEMO_TARGETS += demo-callbacks

.PHONY: deps-callbacks test-callbacks demo-callbacks

CB_OUT := $(ROOT)/target/callbacks-demo
CB_SECRET := demo-signature-secret
OT := $(ROOT)/target/release/opentok

# Debian's chromium for the page test (apt-get update only when it is missing).
deps-callbacks:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing: chromium"; \
	  (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	   (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1)) || \
	  echo "chromium could not be installed; the page test will say it was skipped"; }

test-callbacks: deps-callbacks build
	python3 emulator/tests/ui_chromium.py

# The listener exits by itself after 4 verified events; each process is stopped by its recorded PID.
demo-callbacks: build
	@mkdir -p $(CB_OUT); rm -f $(CB_OUT)/*
	@echo "== callbacks: the emulator calls a local receiver, which verifies each signed event"
	@$(OT) callback listen --port 0 --count 4 --signature-secret $(CB_SECRET) > $(CB_OUT)/listen.out & lpid=$$!; \
	for i in $$(seq 200); do [ -s $(CB_OUT)/listen.out ] && break; sleep 0.05; done; \
	hook=$$(head -1 $(CB_OUT)/listen.out); \
	$(OT) emulator --port 0 --callback-url $$hook --signature-secret $(CB_SECRET) > $(CB_OUT)/emulator.out & epid=$$!; \
	for i in $$(seq 200); do [ -s $(CB_OUT)/emulator.out ] && break; sleep 0.05; done; \
	url=$$(head -1 $(CB_OUT)/emulator.out); \
	ot="$(OT) --api-url $$url --api-key 123456 --api-secret 0123456789abcdef0123456789abcdef01234567"; \
	sid=$$(curl -s --noproxy '*' -X POST -H 'Content-Type: application/json' -d '{}' $$url/_emulator/sessions | python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionId"])'); \
	curl -s --noproxy '*' -X POST -H 'Content-Type: application/json' -d '{"data":"name=demo"}' $$url/_emulator/sessions/$$sid/connections > /dev/null; \
	aid=$$($$ot archive start $$sid | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'); \
	$$ot archive stop $$aid > /dev/null; \
	for i in $$(seq 400); do [ $$(wc -l < $(CB_OUT)/listen.out) -ge 5 ] && break; sleep 0.05; done; \
	kill $$epid 2>/dev/null; kill $$lpid 2>/dev/null; \
	n=$$(($$(wc -l < $(CB_OUT)/listen.out) - 1)); \
	tail -n +2 $(CB_OUT)/listen.out | python3 -c 'import json,sys; [print("  verified=%s %-10s %s" % (e["verified"], e["type"], e["fields"].get("event") if e["type"] in ("connection","stream") else e["fields"].get("status"))) for e in map(json.loads, sys.stdin)]'; \
	echo "  admin page: $$url/_emulator/ (while running)"; \
	test $$n -ge 4 || { echo "callbacks demo: expected verified events, got $$n"; exit 1; }; \
	echo "callbacks demo: $$n signed callbacks received and verified"
