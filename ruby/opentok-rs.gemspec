# frozen_string_literal: true

require_relative "lib/opentok/version"

# One gemspec, two kinds of gem (`make dist` builds both from a staged copy of ruby/):
# - platform gem (whenever lib/opentok/opentok_native.so is present): the precompiled extension for one
#   platform (OPENTOK_RS_GEM_PLATFORM, default this machine's, e.g. x86_64-linux) and the Ruby minor
#   version it was compiled against; installs without a compiler;
# - source gem (OPENTOK_RS_GEM=source, with ext/opentok_native/ staged by scripts/dist/rust_src.py):
#   platform "ruby", compiles the bundled Rust crates with cargo on install (ext/opentok_native/extconf.rb).
source_gem = ENV["OPENTOK_RS_GEM"] == "source" || !File.exist?(File.join(__dir__, "lib/opentok/opentok_native.so"))

Gem::Specification.new do |s|
  s.name = "opentok-rs"
  s.version = OpenTok::VERSION
  s.summary = "Drop-in replacement for the opentok gem (OpenTok / Vonage Video server SDK) on a Rust core"
  s.description = "The opentok 4.x gem's API (OpenTok::OpenTok, archives, broadcasts, streams, SIP, renders, " \
                  "captions, ...) implemented over opentok-core: fast client tokens, typed errors, timeouts, " \
                  "retries, and HTTP calls that release the GVL."
  s.authors = ["opentok-rs contributors"]
  s.license = "MIT"
  s.homepage = "https://example.invalid/opentok-rs"
  s.files = Dir["lib/**/*.rb"] + Dir["sig/**/*.rbs"] + Dir["examples/*.rb"] + ["README.md"]
  s.require_paths = ["lib"]
  if source_gem
    s.required_ruby_version = ">= 3.0"
    s.extensions = ["ext/opentok_native/extconf.rb"]
    s.files += Dir["ext/opentok_native/**/*"].reject { |f| File.directory?(f) || f.include?("/target/") }
  else
    # The extension is built beforehand (cargo) and shipped prebuilt in lib/opentok.
    minor = RUBY_VERSION[/\A\d+\.\d+/]
    s.platform = ENV["OPENTOK_RS_GEM_PLATFORM"] || Gem::Platform.local
    s.required_ruby_version = [">= #{minor}", "< #{minor.succ}.dev"]
    s.files += ["lib/opentok/opentok_native.so"]
  end
end
