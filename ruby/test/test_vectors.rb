# frozen_string_literal: true

require_relative "test_helper"
require_relative "public_ops"

# Every vector of tests/vectors/: native helpers for exact bytes, the public API for behaviour.
class TestTokenVectors < Minitest::Test
  V = vectors("tokens.json")

  def setup
    @opentok = OpenTok::OpenTok.new(API_KEY, API_SECRET)
    @native = @opentok.native
  end

  def native_token(sid, opts, now, nonce)
    layout = opts["initial_layout_class_list"] || []
    @native.generate_token(sid, opts["role"] || "publisher", opts["expire_time"], opts["data"], layout,
                           opts["token_type"] || "JWT", now, nonce)
  end

  def public_opts(opts)
    opts.to_h { |k, v| [k.to_sym, k == "role" ? v.to_sym : v] }
  end

  def jwt_claims(token)
    JSON.parse(Base64.urlsafe_decode64(token.split(".")[1] + ("=" * ((4 - (token.split(".")[1].length % 4)) % 4))))
  end

  V["valid"].each_with_index do |c, i|
    define_method("test_exact_token_#{i}") do
      assert_equal c["token"], native_token(c["session_id"], c["options"], c["now"], c["nonce"]), c["name"]
    end

    define_method("test_public_token_with_frozen_clock_#{i}") do
      token = Time.stub(:now, Time.at(c["now"])) { @opentok.generate_token(c["session_id"], public_opts(c["options"])) }
      if c["claims"]
        claims = jwt_claims(token)
        assert_kind_of Integer, claims.delete("nonce")
        assert_equal c["claims"].except("nonce"), claims, c["name"]
      else
        assert token.start_with?("T1==")
        data = Base64.strict_decode64(token[4..]).split(":", 2)[1]
        assert_equal c["t1_data"].sub(/nonce=\d+/, "nonce=N"), data.sub(/nonce=\d+/, "nonce=N"), c["name"]
      end
    end
  end

  V["invalid"].each_with_index do |c, i|
    define_method("test_invalid_token_#{i}") do
      # the official gem raises RuntimeError (`raise "..."`) for every token check
      err = assert_raises(RuntimeError, c["name"]) do
        Time.stub(:now, Time.at(1_700_000_000)) { @opentok.generate_token(c["session_id"], public_opts(c["options"])) }
      end
      assert_equal c["field"], err.field, c["name"]
      assert_includes err.message, c["field"]
    end
  end

  V["valid_edges"].each_with_index do |c, i|
    define_method("test_token_edge_#{i}") do
      if (c["refused_by"] || []).include?("ruby")
        # the official gem's limit differs (data must be shorter than 1000 characters)
        err = assert_raises(RuntimeError, c["name"]) { @opentok.generate_token(c["session_id"], public_opts(c["options"])) }
        assert_equal c["field"], err.field, c["name"]
        next
      end
      assert @opentok.generate_token(c["session_id"], public_opts(c["options"])).start_with?("ey"), c["name"]
    end
  end

  def test_application_credentials_reject_t1_natively
    c = V["application_invalid"][0]
    pem = File.read(File.join(VECTORS, V["credentials"]["private_key_file"]))
    native = OpenTok::Native::Client.new(JSON.generate(application_id: V["credentials"]["application_id"], private_key: pem))
    err = assert_raises(OpenTok::Native::Error) { native.generate_token(c["session_id"], "publisher", nil, nil, [], "T1", 1, nil) }
    assert_equal "token_type", JSON.parse(err.message)["field"]
    app = V["application"][0]
    tok = native.generate_token(app["session_id"], "moderator", nil, "d", ["focus"], "JWT", app["now"], nil)
    claims = jwt_claims(tok)
    claims.delete("jti")
    assert_equal app["claims_without_jti"], claims
  end
end

class TestSessionIdVectors < Minitest::Test
  V = vectors("session_ids.json")

  V["valid"].each_with_index do |c, i|
    define_method("test_decode_#{i}") do
      info = JSON.parse(OpenTok::Native.decode_session_id(c["session_id"]))
      assert_equal c.slice("api_key", "location", "create_time"), info
      assert OpenTok::Session.belongs_to_api_key?(c["session_id"], c["api_key"])
    end
  end

  V["malformed"].each_with_index do |sid, i|
    define_method("test_malformed_#{i}") do
      err = assert_raises(OpenTok::Native::Error) { OpenTok::Native.decode_session_id(sid) }
      assert_equal "session_id", JSON.parse(err.message)["field"]
      refute OpenTok::Session.belongs_to_api_key?(sid, API_KEY)
      ot = OpenTok::OpenTok.new(API_KEY, API_SECRET)
      e = assert_raises(RuntimeError) { ot.generate_token(sid) }
      assert_equal "session_id", e.field
    end
  end
end

class TestRequestVectors < EmulatorTest
  V = vectors("requests.json")

  def normalize(req)
    q = req["query"]
    q = URI.decode_www_form(q).to_h if q.is_a?(String)
    body = req["body"]
    if body.is_a?(String)
      body = if body.empty? then nil
             elsif req["headers"].to_h["content-type"].to_s.include?("form") then { "form" => URI.decode_www_form(body).to_h }
             else JSON.parse(body)
             end
    end
    { "method" => req["method"], "path" => req["path"], "query" => q || {}, "body" => body }
  end

  V["requests"].each_with_index do |c, i|
    define_method("test_native_request_#{i}") do
      got = JSON.parse(OpenTok::Native.build_request(c["op"], JSON.generate(c["args"]), API_KEY))
      assert_equal c["request"], got, c["name"]
    end

    define_method("test_public_request_#{i}") do
      call = PublicOps::OPS.fetch(c["op"])
      begin
        call.call(@opentok, c["args"])
      rescue OpenTok::OpenTokError
        nil # the emulator may refuse (unknown ids); the request it received is what is checked
      end
      sent = normalize(last_request)
      expected = c["request"]
      unless PublicOps.exact?(c)
        # the official method filters its options (or takes none): sent, without the extra keys
        assert_equal expected.values_at("method", "path"), sent.values_at("method", "path"), c["name"]
        next
      end
      expected = expected.merge("body" => nil) if expected["body"] == {} && sent["body"].nil?
      assert_equal expected, sent, c["name"]
    end
  end

  V["invalid"].each_with_index do |c, i|
    define_method("test_native_invalid_#{i}") do
      build = -> { OpenTok::Native.build_request(c["op"], JSON.generate(c["args"]), API_KEY) }
      if c["checked_by"] && !c["checked_by"].include?("core")
        # checked by the packages whose official SDK makes the check; the core sends it
        got = JSON.parse(build.call)
        assert_equal c["request"], got, c["name"] if c["request"]
        next
      end
      err = assert_raises(OpenTok::Native::Error) { build.call }
      assert_equal c["field"], JSON.parse(err.message)["field"], c["name"]
    end

    next unless PublicOps::OPS.key?(c["op"])

    define_method("test_public_invalid_#{i}") do
      Emulator.clear_requests
      call = -> { PublicOps::OPS[c["op"]].call(@opentok, c["args"]) }
      unless PublicOps.refused_by_ruby?(c)
        # the official gem makes no such check: the request goes out and the service decides
        begin
          call.call
        rescue OpenTok::OpenTokError
          nil
        end
        refute_empty Emulator.requests, "#{c["name"]} is sent"
        if c["request"] && PublicOps.exact?(c) && !PublicOps::RUBY_SENDS.include?(c["name"])
          assert_equal c["request"], normalize(last_request), c["name"]
        end
        next
      end
      err = assert_raises(OpenTok::InvalidArgument, c["name"]) { call.call }
      assert_kind_of PublicOps.error_class(c), err, c["name"]
      assert_equal c["field"], err.field, c["name"]
      assert_includes err.message, c["field"].split(".").last
      assert_empty Emulator.requests, "nothing is sent for #{c["name"]}"
    end
  end
end

class TestResponseVectors < Minitest::Test
  V = vectors("responses.json")
  OBJECTS = {
    "create_session" => lambda { |j|
      row = j.first
      raise "no Session" unless OpenTok::Session.new(API_KEY, API_SECRET, row["session_id"]).session_id == row["session_id"]

      j
    },
    "get_archive" => ->(j) { OpenTok::Archive.new(nil, j) },
    "list_archives" => ->(j) { OpenTok::ArchiveList.new(nil, j) },
    "start_broadcast" => ->(j) { OpenTok::Broadcast.new(nil, j) },
    "get_stream" => ->(j) { OpenTok::Stream.new(nil, j) },
    "list_streams" => ->(j) { OpenTok::StreamList.new(nil, j) },
    "list_connections" => ->(j) { OpenTok::ConnectionList.new(nil, j) },
    "start_render" => ->(j) { OpenTok::Render.new(nil, j) }
  }.freeze

  def dig(obj, path)
    path.split(".").reduce(obj) do |o, seg|
      case o
      when OpenTok::ResourceList
        seg.match?(/\A\d+\z/) ? o[Integer(seg)] : { "count" => o.total, "items" => o, "length" => o.size }.fetch(seg)
      when Array then seg == "length" ? o.size : o[Integer(seg)]
      when Hash then o.fetch(seg)
      else
        name = OpenTok::Internal.underscore(seg)
        o.respond_to?(name) ? o.public_send(name) : o.to_h.fetch(seg)
      end
    end
  end

  V["responses"].each_with_index do |c, i|
    define_method("test_response_#{i}_#{c["op"]}") do
      body = c["body"].nil? ? "" : JSON.generate(c["body"])
      json = OpenTok::Internal.parse(OpenTok::Native.decode_response(c["op"], JSON.generate(c["args"]), body))
      obj = OBJECTS.fetch(c["op"], ->(j) { j }).call(json)
      c["expect"].each do |path, want|
        got = dig(obj, path)
        got = got.to_s if got.is_a?(Symbol)
        if want.nil? then assert_nil got, path else assert_equal want, got, "#{c["op"]} #{path}" end
      end
      assert_nil json if c["body"].nil?
    end
  end

  V["malformed"].each_with_index do |c, i|
    define_method("test_malformed_response_#{i}") do
      err = assert_raises(OpenTok::Native::Error) { OpenTok::Native.decode_response(c["op"], JSON.generate(c["args"]), c["body_text"]) }
      assert_equal c["kind"], JSON.parse(err.message)["kind"], c["name"]
    end
  end

  CLASS_FOR = { "auth" => OpenTok::OpenTokAuthenticationError }.freeze

  V["status_mapping"].each do |c|
    define_method("test_status_#{c["status"]}") do
      payload = JSON.parse(OpenTok::Native.error_from_response(c["status"], JSON.generate(c["body"]), "req-1", nil))
      assert_equal c["kind"], payload["kind"]
      assert_equal c["status"], payload["status"]
      err = OpenTok::Internal.map_error(OpenTok::Native::Error.new(JSON.generate(payload)), "get_archive")
      assert_kind_of OpenTok::OpenTokError, err
      assert_kind_of CLASS_FOR.fetch(c["kind"], OpenTok::OpenTokArchiveError), err
      assert_equal c["status"], err.status
      assert_equal c["body"]["message"], err.server_message
      assert_equal "req-1", err.request_id
    end
  end
end
