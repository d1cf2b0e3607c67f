# frozen_string_literal: true

require_relative "test_helper"

# Error mapping (403, 404, 409, 429 with retry, timeout) and bad input.
class TestErrorMapping < EmulatorTest
  def test_403_wrong_secret
    bad = OpenTok::OpenTok.new(API_KEY, "f" * 40, api_url: Emulator.url)
    err = assert_raises(OpenTok::OpenTokAuthenticationError) { bad.create_session }
    assert_kind_of OpenTok::OpenTokError, err
    assert_equal 403, err.status
    assert_equal :auth, err.kind
    assert err.server_message
    assert_raises(OpenTok::OpenTokError) { bad.archives.find("x") }
  end

  def test_404_and_409_raise_the_area_class
    err = assert_raises(OpenTok::OpenTokArchiveError) { @opentok.archives.find("no-such-archive") }
    assert_equal [404, :not_found], [err.status, err.kind]
    assert_match(/not found/i, err.server_message)
    assert_raises(OpenTok::OpenTokBroadcastError) { @opentok.broadcasts.stop("no-such-broadcast") }
    assert_raises(OpenTok::OpenTokRenderError) { @opentok.renders.find("no-such-render") }

    relayed = @opentok.create_session.session_id
    err = assert_raises(OpenTok::OpenTokArchiveError) { @opentok.archives.create(relayed) }
    assert_equal 409, err.status
    sid = routed_session
    @opentok.archives.create(sid)
    err = assert_raises(OpenTok::OpenTokError) { @opentok.archives.create(sid) }
    assert_kind_of OpenTok::OpenTokArchiveError, err
    assert_equal [409, :conflict], [err.status, err.kind]
    assert_raises(OpenTok::OpenTokSipError) { @opentok.sip.dial(relayed, @opentok.generate_token(relayed), "sip:a@b") }
    assert_raises(OpenTok::OpenTokWebSocketError) { @opentok.websocket.connect(relayed, "tok", "wss://a.b/c") }
  end

  def test_429_is_retried_for_idempotent_requests
    sid = routed_session
    archive = @opentok.archives.create(sid)
    Emulator.fault(path: "/v2/project/#{API_KEY}/archive/#{archive.id}", method: "GET", status: 429, retryAfter: 0, count: 2)
    Emulator.clear_requests
    assert_equal archive.id, @opentok.archives.find(archive.id).id
    assert_equal 3, Emulator.requests.size

    Emulator.fault(path: "/v2/project/#{API_KEY}/archive", method: "GET", status: 429, retryAfter: 0, count: 50)
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, max_retries: 1)
    err = assert_raises(OpenTok::OpenTokArchiveError) { ot.archives.all }
    assert_equal [429, :rate_limited], [err.status, err.kind]
    assert_equal 0, err.retry_after
  end

  def test_timeout
    Emulator.fault(path: "/v2/project/#{API_KEY}/archive", latencyMs: 2000, count: 1)
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, request_timeout: 0.3, max_retries: 0)
    started = Time.now
    err = assert_raises(OpenTok::OpenTokArchiveError) { ot.archives.all }
    assert_equal :timeout, err.kind
    assert_nil err.status
    assert_operator Time.now - started, :<, 1.5
  end

  def test_network_error_when_nothing_listens
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: "http://127.0.0.1:9", timeout_length: 2, max_retries: 0)
    err = assert_raises(OpenTok::OpenTokError) { ot.create_session }
    assert_equal :network, err.kind
  end
end

class TestBadInput < EmulatorTest
  # The class the official gem raises for that check: ArgumentError, or RuntimeError where it does
  # `raise "..."`; every one is an OpenTok::InvalidArgument naming the field.
  def assert_field(field, klass = ArgumentError, &block)
    err = assert_raises(klass, &block)
    assert_kind_of OpenTok::InvalidArgument, err
    assert_equal field, err.field
    assert_includes err.message, field.split(".").last
  end

  def test_wrong_types
    sid = routed_session
    assert_field("session_id") { @opentok.archives.create(12_345) }
    assert_field("session_id") { @opentok.archives.create(nil) }
    assert_field("options") { @opentok.archives.create(sid, "name") }
    assert_field("has_audio") { @opentok.archives.create(sid, has_audio: "yes") }
    assert_field("count") { @opentok.archives.all(count: "ten") }
    assert_field("archive_id") { @opentok.archives.find([1]) }
    assert_field("role", RuntimeError) { @opentok.generate_token(sid, role: 3) }
    assert_field("expire_time", RuntimeError) { @opentok.generate_token(sid, expire_time: "tomorrow") }
    assert_field("data", RuntimeError) { @opentok.generate_token(sid, data: 42) }
    assert_field("initial_layout_class_list", RuntimeError) { @opentok.generate_token(sid, initial_layout_class_list: [1]) }
    assert_field("session_id", RuntimeError) { @opentok.generate_token(:"") }
    # as in the official gem, the constructor validates nothing; the first call does
    no_secret = OpenTok::OpenTok.new(API_KEY, nil, api_url: Emulator.url)
    assert_field("api_secret") { no_secret.create_session }
    assert_field("timeout_length") { OpenTok::OpenTok.new(API_KEY, API_SECRET, timeout_length: -1).archives.all }
    assert_field("digits") { @opentok.sip.play_dtmf_to_session(sid, 123) }
    assert_field("location", RuntimeError) { @opentok.create_session(location: "not-an-ip") }
  end

  def test_unknown_symbols_and_options
    sid = routed_session
    assert_field("archive_mode", RuntimeError) { @opentok.create_session(media_mode: :routed, archive_mode: :sometimes) }
    assert_field("archive_mode", RuntimeError) { @opentok.create_session(archive_mode: :always) }
    assert_field("e2ee") { @opentok.create_session(e2ee: true) }
    assert_field("role", RuntimeError) { @opentok.generate_token(sid, role: :admin) }
    assert_field("token_type", RuntimeError) { @opentok.generate_token(sid, token_type: :T2) }
    assert_field("output_mode") { @opentok.archives.create(sid, output_mode: :mixed) }
  end

  # What the official gem lets through is sent: unknown media modes mean relayed, unknown
  # create_session/archives.create keys and unknown token options are ignored.
  def test_official_leniency
    s = @opentok.create_session(media_mode: :p2p, colour: "red")
    assert_equal :relayed, s.media_mode
    assert_equal "relayed", Emulator.session(s.session_id)["mediaMode"]
    sid = routed_session
    Emulator.clear_requests
    archive = @opentok.archives.create(sid, colour: "red", name: "n")
    refute JSON.parse(last_request["body"]).key?("colour")
    assert_equal "n", archive.name
    assert @opentok.generate_token(sid, bogus: 1).start_with?("ey")
  end

  def test_out_of_range
    sid = routed_session
    assert_field("count") { @opentok.archives.all(count: 5000) }
    assert_field("expire_time", RuntimeError) { @opentok.generate_token(sid, expire_time: Time.now.to_i + (31 * 86_400)) }
    assert_field("expire_time", RuntimeError) { @opentok.generate_token(sid, expire_time: Time.now.to_i - 10) }
    assert_field("expire_time", RuntimeError) { @opentok.generate_token(sid, expire_time: 2**70) }
    assert_field("data", RuntimeError) { @opentok.generate_token(sid, data: "x" * 1001) }
  end

  # Ranges the official gem does not check: refused while the core still checks them (before its
  # stage 2), sent afterwards.
  def test_ranges_only_the_service_judges
    sid = routed_session
    cases = [
      ["offset", "list_archives", { "offset" => -1 }, -> { @opentok.archives.all(offset: -1) }],
      ["max_duration", "start_broadcast", { "session_id" => sid, "outputs" => { "hls" => {} }, "maxDuration" => 59 },
       -> { @opentok.broadcasts.create(sid, outputs: { hls: {} }, maxDuration: 59) }],
      ["max_bitrate", "start_archive", { "session_id" => sid, "max_bitrate" => 1 }, -> { @opentok.archives.create(sid, max_bitrate: 1) }],
      ["layout.type", "start_archive", { "session_id" => sid, "layout" => { "type" => "grid" } },
       -> { @opentok.archives.create(sid, layout: { type: :grid }) }],
      ["audio_rate", "connect_audio", { "session_id" => sid, "token" => "t", "uri" => "wss://a.b/c", "audio_rate" => 44_100 },
       -> { @opentok.websocket.connect(sid, "t", "wss://a.b/c", audio_rate: 44_100) }],
      ["max_duration", "start_captions", { "session_id" => sid, "token" => "t", "max_duration" => 10 },
       -> { @opentok.captions.start(sid, "t", max_duration: 10) }]
    ]
    cases.each do |field, op, args, call|
      core_checks = begin
        OpenTok::Native.build_request(op, JSON.generate(args), API_KEY)
        false
      rescue OpenTok::Native::Error
        true
      end
      Emulator.clear_requests
      if core_checks
        err = assert_raises(ArgumentError, field) { call.call }
        assert_includes [field, OpenTok::Internal.camelize(field), "layout.type"], err.field
      else
        begin
          call.call
        rescue OpenTok::OpenTokError
          nil
        end
        refute_empty Emulator.requests, "#{op} #{field} is sent"
      end
    end
  end

  def test_malformed_session_ids
    ["", "garbage", "1_!!!!", "2_", "1_\u00e9\u00e9", "a/b", "x" * 10_000].each do |bad|
      assert_field("session_id", RuntimeError) { @opentok.generate_token(bad) }
    end
    assert_field("session_id", RuntimeError) { @opentok.generate_token("1_abc".b + "\xff".b) }
    refute OpenTok::Session.belongs_to_api_key?("garbage", API_KEY)
    assert_empty Emulator.requests
  end

  # The checks the official gem makes before sending (ArgumentError), and only those.
  def test_official_checks
    sid = routed_session
    Emulator.clear_requests
    assert_field("archive_name") { @opentok.create_session(media_mode: :routed, archive_name: "x") }
    assert_field("archive_resolution") { @opentok.create_session(media_mode: :routed, archive_resolution: "1280x720") }
    assert_field("resolution") { @opentok.archives.create(sid, output_mode: :individual, resolution: "640x480") }
    assert_field("count") { @opentok.archives.all(count: 1001) }
    assert_field("count") { @opentok.broadcasts.all(count: -1) }
    assert_field("stylesheet") { @opentok.archives.layout("A", type: "custom") }
    assert_field("stylesheet") { @opentok.broadcasts.layout("B", type: "bestFit", stylesheet: "x") }
    assert_field("type") { @opentok.archives.layout("A", type: "grid") }
    assert_field("type") { @opentok.archives.layout("A", {}) }
    assert_field("screenshare_type") { @opentok.archives.layout("A", type: "pip", screenshare_type: "bestFit") }
    assert_field("screenshare_type") { @opentok.archives.layout("A", type: "bestFit", screenshare_type: "custom") }
    assert_field("has_audio") { @opentok.archives.add_stream("A", "S", has_audio: false, has_video: false) }
    assert_field("has_audio") { @opentok.broadcasts.add_stream("B", "S", has_audio: false, has_video: false) }
    assert_field("options") { @opentok.broadcasts.create(sid, {}) }
    assert_field("digits") { @opentok.sip.play_dtmf_to_session(sid, "12a") }
    assert_field("digits") { @opentok.sip.play_dtmf_to_connection(sid, "C", "") }
    assert_field("token") { @opentok.renders.start(sid, url: "https://x.y/z") }
    assert_field("url") { @opentok.renders.start(sid, token: "t") }
    assert_empty Emulator.requests
    # the official sip.dial checks nothing: an empty token is sent and the service answers (while
    # the core still checks it, before its stage 2, the core refuses it)
    core_checks = begin
      OpenTok::Native.build_request("dial", JSON.generate(session_id: sid, token: "", uri: "sip:a@b"), API_KEY)
      false
    rescue OpenTok::Native::Error
      true
    end
    if core_checks
      assert_field("token") { @opentok.sip.dial(sid, "", "sip:a@b") }
    else
      begin
        @opentok.sip.dial(sid, "", "sip:a@b")
      rescue OpenTok::OpenTokSipError
        nil
      end
      refute_empty Emulator.requests
    end
    # what the official gem lets through is sent
    assert_equal true, @opentok.archives.layout(@opentok.archives.create(sid).id, type: "bestFit", screenshare_type: "pip")
  end

  # Binary strings and cyclic hashes are the invalid-argument error naming the field, not
  # JSON::GeneratorError / SystemStackError.
  def test_binary_and_cyclic_input
    sid = routed_session
    assert_field("name") { @opentok.archives.create(sid, name: "\xff\xfe".b) }
    assert_field("outputs.hls.x") { @opentok.broadcasts.create(sid, outputs: { hls: { x: "\xc3".b } }) }
    cyclic = { type: "custom" }
    cyclic[:self] = cyclic
    assert_field("layout.self") { @opentok.archives.create(sid, layout: cyclic) }
    list = ["a"]
    list << list
    assert_field("headers.X-A[1]") { @opentok.sip.dial(sid, "t", "sip:a@b", headers: { "X-A" => list }) }
    assert_field("archive_id") { @opentok.archives.find("\xff".b) }
    assert_field("max_duration") { @opentok.broadcasts.create(sid, outputs: { hls: {} }, max_duration: Float::NAN) }
    assert_field("layout.x") { @opentok.archives.create(sid, layout: { type: "bestFit", x: Float::INFINITY }) }
    # valid UTF-8 in a binary String is fine
    assert_equal "caf\u00e9", @opentok.archives.create(sid, name: "caf\u00e9".b).name
  end
end
