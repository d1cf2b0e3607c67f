# frozen_string_literal: true

# A VCR cassette as users record one: `record` runs the flow against the emulator, `replay` runs
# it again from the cassette with no network allowed. Usage: vcr_flow.rb record|replay URL DIR
require "vcr"
require "webmock"
require "opentok"

mode, url, dir = ARGV
VCR.configure do |c|
  c.cassette_library_dir = dir
  c.hook_into :webmock
  c.allow_http_connections_when_no_cassette = false
end
WebMock.enable!
WebMock.disable_net_connect!(allow_localhost: mode == "record")

opentok = OpenTok::OpenTok.new("123456", "0123456789abcdef0123456789abcdef01234567", api_url: url)
VCR.use_cassette("opentok_flow", record: mode == "record" ? :all : :none) do
  session = opentok.create_session(media_mode: :routed)
  archive = opentok.archives.create(session.session_id, name: "Recorded")
  found = opentok.archives.find(archive.id)
  raise "mismatch" unless found.id == archive.id && found.name == "Recorded"

  puts "#{mode == "record" ? "RECORDED" : "REPLAYED"} #{archive.id}"
end
