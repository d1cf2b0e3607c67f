# frozen_string_literal: true

# A backend flow written only against the official `opentok` 4.x gem's documented API.
# It must run unchanged on opentok-rs. Usage: ruby scenario.rb API_URL SESSION_SEED_URL
require "opentok"

api_url = ARGV.fetch(0)
opentok = OpenTok::OpenTok.new "123456", "0123456789abcdef0123456789abcdef01234567", api_url: api_url,
                                                                                    timeout_length: 10

session = opentok.create_session media_mode: :routed
session_id = session.session_id
token = session.generate_token role: :moderator, expire_time: Time.now.to_i + (7 * 24 * 60 * 60),
                               data: "name=Johnny", initial_layout_class_list: ["focus"]
raise "bad token" unless token.is_a?(String) && !token.empty?

legacy = opentok.generate_token session_id, token_type: "T1"
raise "bad T1 token" unless legacy.start_with?("T1==")

archive = opentok.archives.create session_id, name: "Important Presentation", output_mode: :composed,
                                              resolution: "1280x720", layout: { type: "pip" }
archive_id = archive.id
archive = opentok.archives.find archive_id
puts "archive #{archive.id} is #{archive.status} (created #{archive.created_at})"
archive.layout type: "bestFit"
archives = opentok.archives.all offset: 0, count: 10
puts "#{archives.total} archive(s) in total"
archive.stop
opentok.archives.stop_by_id(archive_id) rescue OpenTok::OpenTokArchiveError
puts "stopped: #{archive.status}"

broadcast = opentok.broadcasts.create session_id, outputs: { hls: {} }, maxDuration: 5400, resolution: "640x480"
puts "broadcast hls url: #{broadcast.broadcast_urls['hls']}"
opentok.broadcasts.layout broadcast.id, type: "verticalPresentation"
broadcast = opentok.broadcasts.find broadcast.id
broadcast.stop

streams = opentok.streams.all session_id
puts "#{streams.total} stream(s)"
opentok.signals.send session_id, "", type: "chat", data: "Hello!"
opentok.streams.force_mute_all session_id, excluded_streams: []
opentok.streams.disable_force_mute session_id

begin
  opentok.archives.find "not-an-archive"
  raise "expected an error"
rescue OpenTok::OpenTokError => e
  puts "error handled: #{e.class}"
end

begin
  OpenTok::OpenTok.new("123456", "wrong" * 8, api_url: api_url).create_session
  raise "expected an authentication error"
rescue OpenTok::OpenTokAuthenticationError
  puts "authentication error handled"
end

raised = begin
  opentok.generate_token session_id, role: :overlord
  false
rescue RuntimeError
  puts "runtime error handled"
  true
end
raise "expected a RuntimeError" unless raised
puts "COMPAT OK"
