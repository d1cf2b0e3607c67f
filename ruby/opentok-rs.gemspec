# frozen_string_literal: true

require_relative "lib/opentok/version"

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
  s.required_ruby_version = ">= 3.0"
  # The native extension is built beforehand (cargo) and shipped prebuilt in lib/opentok.
  s.platform = Gem::Platform.local
  s.files = Dir["lib/**/*.rb"] + Dir["lib/opentok/opentok_native.so"] + Dir["sig/**/*.rbs"] +
            Dir["examples/*.rb"] + ["README.md"]
  s.require_paths = ["lib"]
end
