# frozen_string_literal: true

# opentok-rs vs the official gem's code paths, in one run against one emulator:
#   tokens: OpenTok#generate_token vs JWT.encode(claims, secret, "HS256") (Debian ruby-jwt)
#   REST:   archives.find sequentially vs HTTParty.get with an X-OPENTOK-AUTH JWT (ruby-httparty)
# Usage (from ruby/): ruby -Ilib ../bench/ruby/bench.rb [results.md]
require "opentok"
require "jwt"
require "httparty"
require "securerandom"

KEY = "123456"
SECRET = "0123456789abcdef0123456789abcdef01234567"
out_path = ARGV[0]

bin = ENV.fetch("OPENTOK_EMULATOR_BIN", File.expand_path("../../target/release/opentok-emulator", __dir__))
emulator = IO.popen([bin, "--port", "0"], "r")
url = emulator.gets.strip
at_exit do
  Process.kill("TERM", emulator.pid)
  Process.wait(emulator.pid)
end

def clock = Process.clock_gettime(Process::CLOCK_MONOTONIC)

def rate(n)
  yield # warm up
  best = 0.0
  3.times do
    t = clock
    n.times { yield }
    best = [best, n / (clock - t)].max
  end
  best
end

opentok = OpenTok::OpenTok.new(KEY, SECRET, api_url: url)
session_id = opentok.create_session(media_mode: :routed).session_id

# --- tokens: the same claims the official gem signs (role, session_id, data, layout, expiry)
n_tok = 20_000
ours_tok = rate(n_tok) do
  opentok.generate_token(session_id, role: :publisher, data: "name=Bench", expire_time: Time.now.to_i + 3600,
                                     initial_layout_class_list: ["focus"])
end
jwt_tok = rate(n_tok) do
  now = Time.now.to_i
  claims = { iss: KEY, ist: "project", iat: now, nonce: Random.rand, role: :publisher, scope: "session.connect",
             session_id: session_id, exp: now + 3600, connection_data: "name=Bench",
             initial_layout_class_list: "focus" }
  JWT.encode(claims, SECRET, "HS256", typ: "JWT")
end

# --- sequential REST: GET one archive
archive_id = opentok.archives.create(session_id).id
n_rest = 1_000
ours_rest = rate(n_rest) { opentok.archives.find(archive_id).status }
class Official
  include HTTParty
end
Official.base_uri url
ua = "OpenTok-Ruby-SDK/4.13.0-Ruby-Version-#{RUBY_VERSION}-p#{RUBY_PATCHLEVEL}"
httparty_rest = rate(n_rest) do
  now = Time.now.to_i
  auth = JWT.encode({ iss: KEY, iat: now, exp: now + 300, jti: SecureRandom.uuid }, SECRET, "HS256", ist: "project")
  res = Official.get("/v2/project/#{KEY}/archive/#{archive_id}",
                     headers: { "X-OPENTOK-AUTH" => auth, "User-Agent" => ua, "Content-Type" => "application/json" })
  raise "HTTP #{res.code}" unless res.code == 200

  res.parsed_response["status"]
end

rows = [
  ["client token (JWT HS256)", n_tok, ours_tok, jwt_tok, "ruby-jwt #{JWT::VERSION::STRING} `JWT.encode`", 10],
  ["sequential REST call (GET archive)", n_rest, ours_rest, httparty_rest, "ruby-httparty #{HTTParty::VERSION} + ruby-jwt header", 2]
]
lines = []
lines << "# Ruby benchmark: opentok-rs vs the official gem's code paths"
lines << ""
lines << "Command: `make bench-ruby` (runs `cd ruby && ruby -Ilib ../bench/ruby/bench.rb ../bench/results/ruby.md`)."
lines << "Ruby #{RUBY_VERSION}, #{`nproc`.strip} cores, emulator on 127.0.0.1 started by the script; best of 3 rounds after a warm-up."
lines << "RubyGems is not reachable here, so the official `opentok` gem itself is not installed: its token path"
lines << "(`JWT.encode(claims, secret, 'HS256')`) and its REST path (HTTParty GET with an `X-OPENTOK-AUTH` JWT) are"
lines << "reproduced with the same Debian `ruby-jwt`/`ruby-httparty` libraries it depends on."
lines << ""
lines << "| what | n | opentok-rs (ops/s) | official path (ops/s) | official path | ratio | target |"
lines << "|---|---:|---:|---:|---|---:|---:|"
rows.each do |name, n, ours, theirs, what, target|
  ratio = ours / theirs
  lines << format("| %s | %d | %.0f | %.0f | %s | %.1f× | ≥%d× %s |", name, n, ours, theirs, what, ratio, target,
                  ratio >= target ? "met" : "NOT met")
end
text = lines.join("\n") + "\n"
puts text
File.write(out_path, text) if out_path
