# Node: npm package `opentok-rs` (node/) over the napi crate bindings/node (opentok-node).
#   make deps-node    npm install in node/ (only when node_modules is missing or older than package.json/lockfile;
#                     not `npm ci`: npm's lockfile check trips over @napi-rs/cli's optional platform packages)
#   make test-node    node --test (vectors, every method against the emulator, errors, concurrency) + tsc --noEmit
#   make demo-node    node/examples/quickstart.js (emulator it starts, or the real API with OPENTOK_API_KEY/SECRET)
#   make bench-node   side-by-side with the official `opentok` 2.23 -> bench/results/node.md

NODE_PKG := $(ROOT)/node
NODE_NATIVE := $(NODE_PKG)/native/opentok_rs.node
NODE_SO := $(ROOT)/target/release/libopentok_node.so

DEPS_TARGETS += deps-node
TEST_TARGETS += test-node
DEMO_TARGETS += demo-node
BENCH_TARGETS += bench-node

.PHONY: deps-node node-native test-node demo-node bench-node

deps-node:
	@command -v node >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
	@cd $(NODE_PKG) && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
	   || [ package.json -nt node_modules/.package-lock.json ]; then \
	  echo "npm install (node/)"; npm install --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "node/node_modules is up to date"; fi

# The release build (`make build`) produced the cdylib; the package loads it as native/opentok_rs.node.
node-native:
	@test -f $(NODE_SO) || $(CARGO) build --release -p opentok-node
	@mkdir -p $(NODE_PKG)/native
	@if [ ! -f $(NODE_NATIVE) ] || [ $(NODE_SO) -nt $(NODE_NATIVE) ]; then \
	  cp $(NODE_SO) $(NODE_NATIVE).tmp && mv $(NODE_NATIVE).tmp $(NODE_NATIVE) && echo "node/native/opentok_rs.node updated"; fi

test-node: build deps-node node-native
	cd $(NODE_PKG) && node --test test/*.test.js test/*.test.mjs
	cd $(NODE_PKG) && ./node_modules/.bin/tsc --noEmit -p tsconfig.json && echo "tsc --noEmit: index.d.ts and examples type-check"

demo-node: deps-node node-native
	cd $(NODE_PKG) && node examples/quickstart.js

bench-node: deps-node node-native
	node $(ROOT)/bench/node/run.js
