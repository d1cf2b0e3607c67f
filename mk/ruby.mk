# Ruby gem `opentok-rs` (require "opentok"): deps, tests, demo, benchmark.
RUBY ?= ruby
RB_DIR := $(ROOT)/ruby
RB_NATIVE := $(RB_DIR)/lib/opentok/opentok_native.so
RB_APT := ruby ruby-dev libclang-dev ruby-minitest ruby-jwt ruby-httparty ruby-webmock ruby-vcr

DEPS_TARGETS += deps-ruby
TEST_TARGETS += test-ruby
DEMO_TARGETS += demo-ruby
BENCH_TARGETS += bench-ruby

.PHONY: deps-ruby rb-native test-ruby gem-ruby demo-ruby bench-ruby

# Debian packages only (RubyGems is not needed); apt-get update runs only when something is missing.
deps-ruby:
	@missing=$$(for p in $(RB_APT); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The extension from the workspace build (crate bindings/ruby), named as Ruby looks it up.
rb-native: build
	@cp $(ROOT)/target/release/libopentok_native.so $(RB_NATIVE)

test-ruby: deps-ruby rb-native
	cd $(RB_DIR) && $(RUBY) -Ilib -Itest -e 'Dir["test/test_*.rb"].sort.each { |f| require_relative f }'
	@echo "ruby: the same suite with every call on the host transport (Net::HTTP)"
	cd $(RB_DIR) && OPENTOK_TRANSPORT=host $(RUBY) -Ilib -Itest -e 'Dir["test/test_*.rb"].sort.each { |f| require_relative f }'
	@$(MAKE) --no-print-directory gem-ruby

# `gem build` offline, `gem install --local` into a scratch directory, and load it from there.
gem-ruby: rb-native
	@rm -rf $(ROOT)/target/ruby-gem && mkdir -p $(ROOT)/target/ruby-gem
	cd $(RB_DIR) && gem build -q opentok-rs.gemspec -o $(ROOT)/target/ruby-gem/opentok-rs.gem
	gem install -q --local --no-document --install-dir $(ROOT)/target/ruby-gem/home $(ROOT)/target/ruby-gem/opentok-rs.gem
	cd /tmp && GEM_HOME=$(ROOT)/target/ruby-gem/home GEM_PATH=$(ROOT)/target/ruby-gem/home $(RUBY) -e \
	  'gem "opentok-rs"; require "opentok"; ot = OpenTok::OpenTok.new("123456", "s" * 40); \
	   raise "not the installed gem" unless $$LOADED_FEATURES.grep(/ruby-gem.home/).any?; puts "installed gem loads: #{ot.inspect}"'

demo-ruby: deps-ruby rb-native
	@cd $(RB_DIR) && if [ -n "$$OPENTOK_API_KEY" ] && [ -n "$$OPENTOK_API_SECRET" ]; then \
	  $(RUBY) -Ilib examples/quickstart.rb; \
	else \
	  $(RUBY) script/with_emulator.rb $(RUBY) -Ilib examples/quickstart.rb; \
	fi

bench-ruby: deps-ruby rb-native
	cd $(RB_DIR) && $(RUBY) -Ilib $(ROOT)/bench/ruby/bench.rb $(ROOT)/bench/results/ruby.md
