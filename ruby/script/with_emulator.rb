# frozen_string_literal: true

# Runs a command with OPENTOK_API_URL pointing at a fresh emulator on 127.0.0.1:
#   ruby script/with_emulator.rb ruby examples/quickstart.rb
bin = ENV.fetch("OPENTOK_EMULATOR_BIN", File.expand_path("../../target/release/opentok-emulator", __dir__))
emulator = IO.popen([bin, "--port", "0"], "r")
url = emulator.gets.to_s.strip
abort "the emulator did not start (#{bin})" if url.empty?
begin
  ok = system({ "OPENTOK_API_URL" => url }, *ARGV)
ensure
  Process.kill("TERM", emulator.pid)
  Process.wait(emulator.pid)
end
exit(ok ? 0 : 1)
