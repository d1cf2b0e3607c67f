# frozen_string_literal: true

# Shared setup: loads the gem from ../lib and starts one emulator for the whole run.
$LOAD_PATH.unshift File.expand_path("../lib", __dir__)
require "minitest/autorun"
require "net/http"
require "json"
require "base64"
require "opentok"

ROOT = File.expand_path("../..", __dir__)
VECTORS = File.join(ROOT, "tests", "vectors")
API_KEY = "123456"
API_SECRET = "0123456789abcdef0123456789abcdef01234567"

def vectors(name)
  JSON.parse(File.read(File.join(VECTORS, name)))
end

# One emulator per test run, on a random port of 127.0.0.1.
module Emulator
  class << self
    def url
      @url ||= start
    end

    def start
      bin = ENV.fetch("OPENTOK_EMULATOR_BIN", File.join(ROOT, "target", "release", "opentok-emulator"))
      raise "emulator binary not found: #{bin} (run `make build`)" unless File.executable?(bin)

      @io = IO.popen([bin, "--port", "0"], "r")
      line = @io.gets or raise "the emulator printed nothing"
      at_exit { stop }
      line.strip
    end

    def stop
      return unless @io

      Process.kill("TERM", @io.pid)
      Process.wait(@io.pid)
    rescue Errno::ESRCH, Errno::ECHILD
      nil
    ensure
      @io = nil
    end

    def http(method, path, body = nil)
      uri = URI(url + path)
      req = Net::HTTP.const_get(method.capitalize).new(uri)
      if body
        req["Content-Type"] = "application/json"
        req.body = JSON.generate(body)
      end
      res = Net::HTTP.start(uri.host, uri.port) { |h| h.request(req) }
      raise "admin #{method} #{path} -> #{res.code} #{res.body}" unless res.code.start_with?("2")

      res.body.nil? || res.body.empty? ? nil : JSON.parse(res.body)
    end

    def reset = http(:post, "/_emulator/reset")
    def requests = http(:get, "/_emulator/requests")
    def clear_requests = http(:delete, "/_emulator/requests")
    def fault(spec) = http(:post, "/_emulator/faults", spec)
    def session(sid) = http(:get, "/_emulator/sessions/#{sid}")
    def connection(sid, body = {}) = http(:post, "/_emulator/sessions/#{sid}/connections", body)
    def stream(sid, body = {}) = http(:post, "/_emulator/sessions/#{sid}/streams", body)
    def archive_state(id, status) = http(:post, "/_emulator/archives/#{id}", { status: status })
  end
end

# Base for tests that talk to the emulator: a fresh state and a client per test.
class EmulatorTest < Minitest::Test
  def setup
    Emulator.reset
    @opentok = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, timeout_length: 10)
  end

  def routed_session
    @opentok.create_session(media_mode: :routed).session_id
  end

  def last_request
    Emulator.requests.last
  end

  def decode_jwt(token)
    head, payload, = token.split(".")
    [JSON.parse(Base64.urlsafe_decode64(pad(head))), JSON.parse(Base64.urlsafe_decode64(pad(payload)))]
  end

  def pad(s)
    s + ("=" * ((4 - (s.length % 4)) % 4))
  end
end
