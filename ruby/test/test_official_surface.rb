# frozen_string_literal: true

require_relative "test_helper"
require "open3"
require "yaml"

# The official gem's public surface that does not need the network: requirable paths, constants,
# Client, TokenGenerator, Session.new, constructors, dumps without the secret.
class TestOfficialSurface < Minitest::Test
  LIB = File.expand_path("../lib", __dir__)
  # Every file of the official gem's lib/ (4.13.0), with a constant it must define when required alone.
  OFFICIAL_PATHS = {
    "opentok" => "OpenTok::OpenTok", "opentok/opentok" => "OpenTok::OpenTok",
    "opentok/archive" => "OpenTok::Archive", "opentok/archive_list" => "OpenTok::ArchiveList",
    "opentok/archives" => "OpenTok::Archives", "opentok/broadcast" => "OpenTok::Broadcast",
    "opentok/broadcast_list" => "OpenTok::BroadcastList", "opentok/broadcasts" => "OpenTok::Broadcasts",
    "opentok/captions" => "OpenTok::Captions", "opentok/client" => "OpenTok::Client",
    "opentok/connection" => "OpenTok::Connection", "opentok/connection_list" => "OpenTok::ConnectionList",
    "opentok/connections" => "OpenTok::Connections", "opentok/constants" => "OpenTok::TOKEN_SENTINEL",
    "opentok/exceptions" => "OpenTok::OpenTokArchiveError", "opentok/extensions/hash" => "OpenTok::HashExtensions",
    "opentok/render" => "OpenTok::Render", "opentok/render_list" => "OpenTok::RenderList",
    "opentok/renders" => "OpenTok::Renders", "opentok/session" => "OpenTok::Session",
    "opentok/signals" => "OpenTok::Signals", "opentok/sip" => "OpenTok::Sip", "opentok/stream" => "OpenTok::Stream",
    "opentok/stream_list" => "OpenTok::StreamList", "opentok/streams" => "OpenTok::Streams",
    "opentok/token_generator" => "OpenTok::TokenGenerator", "opentok/version" => "OpenTok::VERSION",
    "opentok/websocket" => "OpenTok::WebSocket"
  }.freeze

  def test_every_official_path_is_requirable_alone
    script = OFFICIAL_PATHS.map do |path, const|
      "pid = fork { require #{path.inspect}; Object.const_get(#{const.inspect}); exit!(0) }; " \
        "Process.wait(pid); puts(#{path.inspect}) unless $?.success?"
    end.join("\n")
    out, status = Open3.capture2e(RbConfig.ruby, "-W0", "-I", LIB, "-e", script)
    assert status.success?, out
    assert_empty out.strip, "paths that fail when required alone:\n#{out}"
  end

  def test_require_opentok_opentok_alone_works_end_to_end
    code = <<~RUBY
      require "opentok/opentok"
      ot = OpenTok::OpenTok.new("123456", "#{API_SECRET}")
      sid = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjfn4"
      s = OpenTok::Session.new("123456", "#{API_SECRET}", sid)
      raise "token" unless ot.generate_token(sid).start_with?("ey") && s.generate_token.start_with?("ey")
      require "opentok/stream_list"
      raise "list" unless OpenTok::StreamList.new("count" => 1, "items" => [{ "id" => "S" }]).first.id == "S"
      puts "OK"
    RUBY
    out, status = Open3.capture2e(RbConfig.ruby, "-I", LIB, "-e", code)
    assert status.success?, out
    assert_includes out, "OK"
  end

  def test_constants
    assert_equal "T1==", OpenTok::TOKEN_SENTINEL
    assert_equal 300, OpenTok::AUTH_EXPIRE
    assert_equal "https://api.opentok.com", OpenTok::API_URL
    assert_equal Set[:always, :manual], OpenTok::ARCHIVE_MODES
    assert_equal %w[JWT T1], OpenTok::TokenGenerator::VALID_TOKEN_TYPES
    assert_kind_of Proc, OpenTok::TokenGenerator::GENERATE_JWT_LAMBDA
    assert_kind_of Proc, OpenTok::TokenGenerator::GENERATE_T1_TOKEN_LAMBDA
    assert OpenTok::OpenTok.include?(OpenTok::TokenGenerator)
    assert OpenTok::Session.include?(OpenTok::TokenGenerator)
  end

  def test_session_new_standalone_with_official_defaults
    sid = OpenTok::OpenTok.new(API_KEY, API_SECRET).generate_token("1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjfn4") && "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjfn4"
    s = OpenTok::Session.new(API_KEY, API_SECRET, sid)
    assert_equal [:relayed, :manual, :false, nil], [s.media_mode, s.archive_mode, s.e2ee, s.location] # rubocop:disable Lint/BooleanSymbol
    assert_equal API_SECRET, s.api_secret
    assert_equal sid, s.to_s
    s = OpenTok::Session.new(API_KEY, API_SECRET, sid, media_mode: :routed, archive_mode: :always, location: "1.2.3.4")
    assert_equal [:routed, :always, "1.2.3.4"], [s.media_mode, s.archive_mode, s.location]
    token = s.generate_token(role: :moderator, token_type: "T1")
    assert token.start_with?(OpenTok::TOKEN_SENTINEL)
    err = assert_raises(RuntimeError) { s.generate_token(role: :overlord) }
    assert_equal "role", err.field
  end

  def test_token_generator_in_a_user_class
    klass = Class.new do
      include OpenTok::TokenGenerator
      generates_tokens(api_key: ->(_) { API_KEY }, api_secret: ->(_) { API_SECRET })
    end
    sid = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjfn4"
    assert klass.new.generate_token(sid, role: :subscriber).start_with?("ey")
    assert OpenTok::TokenGenerator::GENERATE_T1_TOKEN_LAMBDA.call(API_KEY, API_SECRET, sid).start_with?("T1==")
  end

  def test_client_generate_jwt_and_headers
    client = OpenTok::Client.new(API_KEY, API_SECRET, OpenTok::API_URL)
    assert_equal 2, client.timeout_length
    headers = client.generate_headers("Content-Type" => "application/json")
    assert_equal "application/json", headers["Content-Type"]
    head, payload, = headers.fetch("X-OPENTOK-AUTH").split(".")
    pad = ->(s) { s + ("=" * ((4 - (s.length % 4)) % 4)) }
    assert_equal "HS256", JSON.parse(Base64.urlsafe_decode64(pad.call(head)))["alg"]
    claims = JSON.parse(Base64.urlsafe_decode64(pad.call(payload)))
    assert_equal [API_KEY, "project"], claims.values_at("iss", "ist")
    assert_operator claims["exp"] - claims["iat"], :<=, OpenTok::AUTH_EXPIRE # core signs for 180 s
    assert claims["jti"]
    assert_equal 3, client.generate_jwt("654321", "x" * 40).count(".") + 1
    refute_includes client.inspect + client.to_json + client.to_yaml, API_SECRET
  end

  def test_timeout_length_keeps_the_official_meaning
    assert_equal 2, OpenTok::OpenTok.new(API_KEY, API_SECRET).timeout_length
    assert_equal 5, OpenTok::OpenTok.new(API_KEY, API_SECRET, timeout_length: 5).timeout_length
  end

  def test_constructors_of_result_objects
    s = OpenTok::Stream.new("id" => "S1", "videoType" => "camera", "newField" => 1)
    assert_equal ["S1", "camera", 1], [s.id, s.video_type, s.new_field]
    list = OpenTok::StreamList.new("count" => 1, "items" => [{ "id" => "S1" }])
    assert_equal [1, "S1"], [list.total, list.first.id]
    a = OpenTok::Archive.new(nil, "id" => "A", "outputMode" => "individual", "futureField" => { "x" => 1 })
    assert_equal :individual, a.output_mode
    assert_equal({ "x" => 1 }, a.future_field)
    assert a.respond_to?(:future_field)
    assert_nil OpenTok::Archive.new(nil, "id" => "A").output_mode
  end

  def test_hash_extensions
    h = { max_duration: 1, "stream_mode" => "auto", outputs: { low_latency: true } }.extend(OpenTok::HashExtensions)
    assert_equal({ maxDuration: 1, "streamMode" => "auto", outputs: { low_latency: true } }, h.camelize_keys!)
  end

  def test_response_object
    r = OpenTok::Response.new(200, '{"id":"x"}', { "Content-Type" => "application/json" }, { "id" => "x" })
    assert_equal [200, '{"id":"x"}', "x", true], [r.code, r.body, r["id"], r.success?]
    assert_equal "application/json", r.headers["content-type"]
    assert_equal({ "id" => "x" }, r.parsed_response)
    assert_equal ["id"], r.keys # forwarded to the parsed JSON, as HTTParty::Response
    refute OpenTok::Response.new(404, "", {}, nil).success?
  end

  def test_dumps_never_include_the_secret
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: "http://127.0.0.1:1")
    s = OpenTok::Session.new(API_KEY, API_SECRET, "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjfn4")
    [ot, s].each do |obj|
      dumps = [obj.inspect, obj.to_s, obj.to_json, JSON.generate(obj.as_json), obj.to_yaml,
               obj.instance_variables.map { |v| obj.instance_variable_get(v).inspect }.join]
      dumps.each { |d| refute_includes d, API_SECRET, "#{obj.class}: #{d[0, 80]}" }
    end
    assert_equal API_KEY, JSON.parse(ot.to_json)["api_key"]
    with_password = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: "http://user:hunter2@127.0.0.1:1")
    [with_password.inspect, with_password.to_json, with_password.to_yaml].each { |d| refute_includes d, "hunter2" }
    assert_equal API_SECRET, ot.api_secret
  end
end
