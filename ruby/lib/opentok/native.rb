# frozen_string_literal: true

# Loads the compiled extension (opentok_native.so, built from bindings/ruby).
begin
  require_relative "opentok_native"
rescue LoadError => e
  raise LoadError, "opentok-rs: the native extension is missing (#{e.message}). Build it with " \
                   "`cargo build --release -p opentok-ruby` and copy target/release/libopentok_native.so " \
                   "to #{__dir__}/opentok_native.so"
end
