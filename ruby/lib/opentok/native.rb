# frozen_string_literal: true

# Loads the compiled extension (opentok_native.so, built from bindings/ruby).
# Precompiled gems built for several Ruby versions (release workflow) carry one per version: 3.3/opentok_native.so.
begin
  begin
    require_relative "#{RUBY_VERSION[/\A\d+\.\d+/]}/opentok_native"
  rescue LoadError
    require_relative "opentok_native"
  end
rescue LoadError => e
  raise LoadError, "opentok-rs: the native extension is missing (#{e.message}). Build it with " \
                   "`cargo build --release -p opentok-ruby` and copy target/release/libopentok_native.so " \
                   "to #{__dir__}/opentok_native.so"
end
