# frozen_string_literal: true

require_relative "test_helper"
require "socket"
require "stringio"

# OpenTok::Webhooks: the shared callback vectors, the Rack middleware, and end to end with an emulator
# that calls a receiver inside the test.
class TestWebhooks < Minitest::Test
  V = vectors("callbacks.json")
  W = OpenTok::Webhooks

  def lookup(event, path)
    return event.extra[path.delete_prefix("extra.")] if path.start_with?("extra.")

    path.split(".").reduce(event) { |cur, part| cur.nil? ? nil : (cur.is_a?(Hash) ? cur[part] : cur.public_send(part)) }
  end

  def test_event_vectors
    V["events"].each do |v|
      e = W.parse(v["body"])
      assert_equal v["type"], e.type, v["name"]
      assert_equal JSON.parse(v["body"]), e.raw
      v["expect"].each do |path, want|
        if want.nil?
          assert_nil lookup(e, path), "#{v["name"]}: #{path}"
        else
          assert_equal want, lookup(e, path), "#{v["name"]}: #{path}"
        end
      end
      assert_kind_of W::UnknownEvent, e if v["type"] == "unknown"
    end
  end

  def test_signed_vectors
    V["signed"].each do |v|
      run = -> { W.parse(v["body"], v["headers"], secret: v["secret"], leeway: v["leeway"], now: v["now"]) }
      if v["outcome"] == "ok"
        e = run.call
        assert_kind_of W::ArchiveEvent, e, v["name"]
        assert e.verified?
        assert_equal "available", e.status
        assert_equal "Vonage", e.claims["iss"]
      else
        err = assert_raises(W::VerificationError, v["name"]) { run.call }
        assert_equal v["outcome"], err.code, v["name"]
        assert_kind_of OpenTok::OpenTokError, err
        refute_includes err.message, v["secret"]
      end
    end
    err = assert_raises(W::WebhookError) { W.parse("{nope") }
    assert_equal "invalid_body", err.code
  end

  def test_rack_middleware
    v = V["signed"][0]
    seen = []
    app = ->(env) { seen << env["opentok.event"]; [200, {}, ["ok"]] }
    mw = W::Middleware.new(app, secret: v["secret"], path: "/hook", leeway: 10**9)
    env = lambda do |body|
      { "REQUEST_METHOD" => "POST", "PATH_INFO" => "/hook", "rack.input" => StringIO.new(body),
        "HTTP_AUTHORIZATION" => v["headers"]["Authorization"], "CONTENT_TYPE" => "application/json" }
    end
    # leeway covers the vector's fixed clock
    status, = mw.call(env.call(v["body"]))
    assert_equal 200, status
    assert_kind_of W::ArchiveEvent, seen.first
    status, _, body = mw.call(env.call(v["body"].sub("available", "failed")))
    assert_equal [401, ["body_altered"]], [status, body]
    status, = mw.call(env.call(v["body"]).merge("PATH_INFO" => "/other"))
    assert_equal 200, status
    assert_nil seen.last
  end

  # A tiny HTTP receiver on 127.0.0.1 (no Rack server needed).
  def start_receiver(got)
    server = TCPServer.new("127.0.0.1", 0)
    thread = Thread.new do
      loop do
        sock = server.accept
        head = +""
        while (line = sock.gets) && line != "\r\n"
          head << line
        end
        headers = head.lines.drop(1).to_h { |l| k, val = l.split(":", 2); [k.strip, val.to_s.strip] }
        len = headers.find { |k, _| k.casecmp?("content-length") }&.last.to_i
        body = sock.read(len)
        got << [headers, body]
        sock.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        sock.close
      rescue IOError, Errno::EBADF
        break
      end
    end
    [server, thread, "http://127.0.0.1:#{server.addr[1]}/opentok/events"]
  end

  def test_end_to_end_emulator_calls_a_receiver
    secret = "ruby-e2e-signature-secret"
    got = Queue.new
    server, thread, hook = start_receiver(got)
    bin = ENV.fetch("OPENTOK_EMULATOR_BIN", File.join(ROOT, "target", "release", "opentok-emulator"))
    io = IO.popen([bin, "--port", "0", "--callback-url", hook, "--signature-secret", secret], "r")
    begin
      base = io.gets.strip
      assert_equal "#{base}/_emulator/", io.gets.strip
      ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: base, timeout_length: 10)
      sid = ot.create_session(media_mode: :routed).session_id
      admin = lambda do |path, body|
        uri = URI(base + path)
        req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json")
        req.body = JSON.generate(body)
        JSON.parse(Net::HTTP.start(uri.host, uri.port) { |h| h.request(req) }.body)
      end
      conn = admin.call("/_emulator/sessions/#{sid}/connections", { data: "name=rb" })
      admin.call("/_emulator/sessions/#{sid}/streams", { connectionId: conn["connectionId"], name: "cam" })
      archive = ot.archives.create(sid, name: "e2e")
      ot.archives.stop_by_id(archive.id)
      b = ot.broadcasts.create(sid, outputs: { hls: {} })
      ot.broadcasts.stop(b.id)

      deadline = Time.now + 15
      sleep 0.01 while got.size < 7 && Time.now < deadline # poll with a deadline
      received = []
      received << got.pop until got.empty?
      assert_equal 7, received.size
      events = received.map { |h, body| W.parse(body, h, secret: secret) }
      summary = events.map { |e| [e.class.name.split("::").last, e.respond_to?(:stream) || e.respond_to?(:connection) ? e.event : e.status] }
      assert_equal [%w[ConnectionEvent connectionCreated], %w[StreamEvent streamCreated], %w[ArchiveEvent started],
                    %w[ArchiveEvent stopped], %w[ArchiveEvent available], %w[BroadcastEvent started],
                    %w[BroadcastEvent stopped]], summary
      assert events.all?(&:verified?)
      assert_equal "name=rb", events[0].connection.data
      assert_equal sid, events[0].session_id
      assert_equal archive.id, events[4].id
      assert events[4].size.positive?
      assert_equal b.id, events[5].id
      headers, body = received[4]
      err = assert_raises(W::VerificationError) { W.parse(body.sub('"available"', '"failed"'), headers, secret: secret) }
      assert_equal "body_altered", err.code
      err = assert_raises(W::VerificationError) { W.parse(body, headers, secret: "other") }
      assert_equal "bad_signature", err.code
    ensure
      Process.kill("TERM", io.pid)
      Process.wait(io.pid)
      server.close
      thread.join(1)
    end
  end
end
