# frozen_string_literal: true

# Source gem of opentok-rs: compiles the native extension from the Rust crates bundled next to this file
# (the same crates the platform gems are built from). Needs a Rust toolchain (https://rustup.rs) and
# libclang (Debian/Ubuntu: `apt-get install ruby-dev libclang-dev`). Machines without Rust install the
# precompiled platform gem instead (x86_64-linux, aarch64-linux, arm64-darwin, ...), which RubyGems
# prefers automatically when one exists for the platform.
require "rbconfig"

# With the rb_sys gem installed (the release workflow's cross-gem build has it), its makefile generator
# handles cross-compilation and Ruby's link flags; without it, the plain Makefile below does the same build.
begin
  require "mkmf"
  require "rb_sys/mkmf"
  create_rust_makefile("opentok/opentok_native") do |r|
    r.extra_cargo_args += ["--package", "opentok-ruby"]
  end
  return
rescue LoadError
  nil
end

cargo = ENV.fetch("CARGO", "cargo")
unless system(cargo, "--version", out: File::NULL, err: File::NULL)
  abort "opentok-rs: no prebuilt gem for #{RUBY_PLATFORM} and no `#{cargo}` to build the source gem. " \
        "Install Rust (https://rustup.rs) and libclang, then run `gem install opentok-rs` again."
end

host_os = RbConfig::CONFIG["host_os"]
built = if host_os.match?(/darwin/) then "libopentok_native.dylib"
        elsif host_os.match?(/mswin|mingw/) then "opentok_native.dll"
        else "libopentok_native.so"
        end
ext = "opentok_native.#{RbConfig::CONFIG['DLEXT']}"

# RubyGems runs `make clean`, `make` and `make install sitearchdir=<gem extension dir>`.
File.write("Makefile", <<~MAKE)
  CARGO ?= #{cargo}
  TARGET_DIR := $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(CURDIR)/target)
  # RubyGems sets sitearchdir through RbConfig while extconf.rb runs (siteconf), newer ones also on make's
  # command line; either way the extension lands where RubyGems copies it into the gem's lib/.
  sitearchdir ?= #{RbConfig::CONFIG["sitearchdir"]}

  all: #{ext}

  #{ext}:
  \tRUBY="#{RbConfig.ruby}" $(CARGO) build --release -p opentok-ruby --manifest-path "$(CURDIR)/Cargo.toml" --target-dir "$(TARGET_DIR)"
  \tcp "$(TARGET_DIR)/release/#{built}" #{ext}

  install: #{ext}
  \tmkdir -p "$(sitearchdir)/opentok"
  \tcp #{ext} "$(sitearchdir)/opentok/#{ext}"
  \t$(if $(CARGO_TARGET_DIR),,rm -rf "$(CURDIR)/target")

  clean:
  \trm -f #{ext}

  .PHONY: all install clean
MAKE
