# frozen_string_literal: true

# Quick start for opentok-rs. Against the real service:
#   OPENTOK_API_KEY=... OPENTOK_API_SECRET=... ruby examples/quickstart.rb
# Against a local emulator (what `make demo-ruby` does):
#   OPENTOK_API_URL=http://127.0.0.1:PORT ruby examples/quickstart.rb
require "opentok"

api_key = ENV.fetch("OPENTOK_API_KEY", "123456")
api_secret = ENV.fetch("OPENTOK_API_SECRET", "0123456789abcdef0123456789abcdef01234567")
options = ENV["OPENTOK_API_URL"] ? { api_url: ENV["OPENTOK_API_URL"] } : {}
opentok = OpenTok::OpenTok.new(api_key, api_secret, **options)
puts "client: #{opentok.inspect}"

session = opentok.create_session(media_mode: :routed)
puts "session: #{session.session_id}"

token = session.generate_token(role: :moderator, data: "name=Quickstart", expire_time: Time.now.to_i + 3600)
puts "token: #{token[0, 40]}..."

begin
  archive = opentok.archives.create(session.session_id, name: "quickstart")
  puts "archive #{archive.id}: #{archive.status}"
  archive.stop
  puts "archive #{archive.id}: #{archive.status}"
  puts "archives in project: #{opentok.archives.all(count: 5).total}"
rescue OpenTok::OpenTokArchiveError => e
  # the real service refuses to archive a session nobody has joined yet
  puts "archive not started: #{e.message}"
end

begin
  opentok.archives.find("no-such-archive")
rescue OpenTok::OpenTokError => e
  puts "typed error: #{e.class} (status #{e.status.inspect})"
end
puts "quickstart done"
