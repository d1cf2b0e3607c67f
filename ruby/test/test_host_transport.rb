# frozen_string_literal: true

require_relative "test_helper"
require "socket"
require "open3"
require_relative "canned_server"

# Both transports send the same request and return the same result for every vector.
class TestTransportsAgree < Minitest::Test
  REQUESTS = vectors("requests.json")["requests"]
  RESPONSES = vectors("responses.json")["responses"]

  def setup
    @server = CannedServer.new
  end

  def teardown
    @server.close
  end

  def client(transport)
    OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: @server.url, transport: transport, max_retries: 0)
  end

  # The request as the server saw it, without the per-request auth token.
  def exchange(transport, op, args, status, body, headers = {})
    @server.answer(status, body, headers)
    result = begin
      OpenTok::Internal.call(client(transport), op, args)
    rescue OpenTok::OpenTokError => e
      [e.class, e.kind, e.status, e.server_message, e.request_id, e.retry_after]
    end
    req = @server.take
    token = req["headers"].delete("x-opentok-auth")
    assert token&.count(".") == 2, "#{transport} sent the auth JWT"
    req["headers"].select! { |k, _| %w[content-type accept user-agent].include?(k) }
    [exact? ? req : unordered(req), result]
  end

  # Byte-exact once the core prepares host requests (native `prepare`); until then the host
  # transport re-encodes the core's request, and query/form fields may come in another order.
  def exact?
    OpenTok::Native::Client.method_defined?(:prepare)
  end

  def unordered(req)
    path, query = req["target"].split("?", 2)
    form = req["headers"]["content-type"].to_s.include?("form")
    req.merge("target" => [path, URI.decode_www_form(query.to_s).sort],
              "body" => form ? URI.decode_www_form(req["body"]).sort : req["body"])
  end

  REQUESTS.each_with_index do |c, i|
    define_method("test_request_#{i}_#{c["op"]}") do
      native = exchange(:native, c["op"], c["args"], 200, "{}")
      host = exchange(:host, c["op"], c["args"], 200, "{}")
      assert_equal native[0], host[0], c["name"]
      assert_equal native[1], host[1], c["name"]
    end
  end

  RESPONSES.each_with_index do |c, i|
    define_method("test_response_#{i}_#{c["op"]}") do
      body = c["body"].nil? ? "" : JSON.generate(c["body"])
      native = exchange(:native, c["op"], c["args"], c["status"] || 200, body)
      host = exchange(:host, c["op"], c["args"], c["status"] || 200, body)
      assert_equal native, host, c["op"]
    end
  end

  [[404, '{"message":"nope"}'], [409, '{"code":409,"message":"busy"}'], [429, ""], [500, "oops"], [403, "{}"]].each do |status, body|
    define_method("test_error_#{status}") do
      native = exchange(:native, "get_archive", { "archive_id" => "a" }, status, body, "X-Request-Id" => "r1", "Retry-After" => "0")
      host = exchange(:host, "get_archive", { "archive_id" => "a" }, status, body, "X-Request-Id" => "r1", "Retry-After" => "0")
      assert_equal native, host
    end
  end
end

# Which transport runs: native unless a mock library is active, overridden by the option and
# OPENTOK_TRANSPORT; counted through OpenTok::HostTransport::COUNTS.
class TestTransportChoice < EmulatorTest
  def counted
    before = OpenTok::HostTransport::COUNTS.dup
    yield
    OpenTok::HostTransport::COUNTS.to_h { |k, v| [k, v - before[k]] }
  end

  def with_env(value)
    old = ENV.fetch("OPENTOK_TRANSPORT", nil)
    ENV["OPENTOK_TRANSPORT"] = value
    yield
  ensure
    ENV["OPENTOK_TRANSPORT"] = old
  end

  def test_native_without_mocks_host_when_asked
    with_env(nil) do
      assert_equal({ native: 1, host: 0 }, counted { @opentok.create_session })
      host = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, transport: :host)
      assert_equal({ native: 0, host: 1 }, counted { host.create_session })
    end
    with_env("host") { assert_equal({ native: 0, host: 1 }, counted { @opentok.create_session }) }
    with_env("native") do
      host = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, transport: :host)
      assert_equal({ native: 0, host: 1 }, counted { host.create_session }, "the option wins over the variable")
      assert_equal({ native: 1, host: 0 }, counted { @opentok.create_session })
    end
  end

  def test_host_transport_applies_timeout_user_agent_and_retries
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, transport: :host, ua_addendum: "app/1")
    sid = ot.create_session(media_mode: :routed).session_id
    assert_match(%r{\AOpenTok-Rust-SDK/\S+ ruby/\S+ app/1\z}, last_request["headers"].to_h.transform_keys(&:downcase)["user-agent"].to_s)
    archive = ot.archives.create(sid)
    Emulator.fault(path: "/v2/project/#{API_KEY}/archive/#{archive.id}", method: "GET", status: 503, count: 2)
    Emulator.clear_requests
    assert_equal archive.id, ot.archives.find(archive.id).id
    assert_equal 3, Emulator.requests.size

    Emulator.fault(path: "/v2/project/#{API_KEY}/archive", latencyMs: 2000, count: 1)
    slow = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, transport: :host, request_timeout: 0.5, max_retries: 0)
    t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    err = assert_raises(OpenTok::OpenTokArchiveError) { slow.archives.all }
    assert_equal :timeout, err.kind
    assert_operator Process.clock_gettime(Process::CLOCK_MONOTONIC) - t, :<, 1.5
  end
end

# Users' own test suites: WebMock and VCR, each in a fresh interpreter (they patch Net::HTTP).
class TestUsersMocks < EmulatorTest
  def run_script(name, *args)
    script = File.join(__dir__, "host", name)
    out, status = Open3.capture2e({ "OPENTOK_TRANSPORT" => nil }, RbConfig.ruby, "-I", File.expand_path("../lib", __dir__),
                                  script, *args)
    assert status.success?, out
    out
  end

  def test_webmock_stub_request_and_disable_net_connect
    out = run_script("webmock_test.rb")
    assert_match(/(\d+) runs, \d+ assertions, 0 failures, 0 errors/, out)
  end

  def test_vcr_cassette_recorded_against_the_emulator_then_replayed_without_it
    dir = Dir.mktmpdir("opentok-vcr")
    run_script("vcr_flow.rb", "record", Emulator.url, dir)
    assert_operator Emulator.requests.size, :>=, 3
    Emulator.clear_requests
    out = run_script("vcr_flow.rb", "replay", Emulator.url, dir)
    assert_includes out, "REPLAYED"
    assert_empty Emulator.requests, "the replay reached the emulator"
  ensure
    FileUtils.rm_rf(dir) if dir
  end
end

# The host transport caps response bodies as the native one does.
class TestHostBodyCap < Minitest::Test
  def test_large_answers_are_refused_on_the_host_transport
    large_answer_refused(:host)
  end

  def test_large_answers_are_refused_on_the_native_transport
    skip "this core has no max_response_bytes" unless OpenTok::Internal.native_option?("max_response_bytes")

    large_answer_refused(:native)
  end

  def large_answer_refused(transport)
    server = CannedServer.new
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: server.url, transport: transport, max_retries: 0,
                                                   max_response_bytes: 1000)
    server.answer(200, JSON.generate(id: "A", pad: "x" * 5000))
    err = assert_raises(OpenTok::OpenTokArchiveError) { ot.archives.find("A") }
    assert_equal :decode, err.kind
    assert_match(/1000-byte limit/, err.message)
    server.take
    server.answer(200, JSON.generate(id: "A"))
    assert_equal "A", ot.archives.find("A").id
  ensure
    server&.close
  end
end

# The proxy option is applied on both transports (plain HTTP: the absolute URL goes to the proxy).
class TestProxy < Minitest::Test
  %i[native host].each do |transport|
    define_method("test_proxy_#{transport}") do
      proxy = CannedServer.new
      ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: "http://opentok.test", proxy: proxy.url,
                                                     transport: transport, max_retries: 0)
      proxy.answer(200, JSON.generate(id: "A1", status: "started"))
      assert_equal "A1", ot.archives.find("A1").id
      req = proxy.take
      assert_equal "http://opentok.test/v2/project/#{API_KEY}/archive/A1", req["target"]
    ensure
      proxy&.close
    end
  end
end

# A private CA given as ca_bundle is trusted on both transports; without it the call fails.
class TestPrivateCa < Minitest::Test
  def self.pki
    @pki ||= begin
      ca_key = OpenSSL::PKey::RSA.new(2048)
      ca = cert(ca_key.public_key, "/CN=opentok-rs test CA", nil, ca_key, ca: true)
      key = OpenSSL::PKey::RSA.new(2048)
      leaf = cert(key.public_key, "/CN=127.0.0.1", ca, ca_key, ca: false)
      { ca: ca, key: key, leaf: leaf }
    end
  end

  def self.cert(public_key, subject, issuer, signing_key, ca:)
    c = OpenSSL::X509::Certificate.new
    c.version = 2
    c.serial = rand(1 << 64)
    c.subject = OpenSSL::X509::Name.parse(subject)
    c.issuer = issuer ? issuer.subject : c.subject
    c.public_key = public_key
    c.not_before = Time.now - 60
    c.not_after = Time.now + 3600
    ef = OpenSSL::X509::ExtensionFactory.new
    ef.subject_certificate = c
    ef.issuer_certificate = issuer || c
    if ca
      c.add_extension(ef.create_extension("basicConstraints", "CA:TRUE", true))
      c.add_extension(ef.create_extension("keyUsage", "keyCertSign,cRLSign", true))
    else
      c.add_extension(ef.create_extension("basicConstraints", "CA:FALSE", true))
      c.add_extension(ef.create_extension("keyUsage", "digitalSignature,keyEncipherment", true))
      c.add_extension(ef.create_extension("extendedKeyUsage", "serverAuth", false))
      c.add_extension(ef.create_extension("subjectAltName", "IP:127.0.0.1", false))
    end
    c.sign(signing_key, OpenSSL::Digest.new("SHA256"))
    c
  end

  def setup
    ctx = OpenSSL::SSL::SSLContext.new
    ctx.cert = self.class.pki[:leaf]
    ctx.key = self.class.pki[:key]
    @server = CannedServer.new(tls: ctx)
  end

  def teardown
    @server.close
  end

  %i[native host].each do |transport|
    define_method("test_ca_bundle_#{transport}") do
      if transport == :native && !OpenTok::Internal.native_option?("ca_bundle")
        skip "this core has no ca_bundle"
      end
      untrusted = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: @server.url, transport: transport, max_retries: 0)
      assert_raises(OpenTok::OpenTokError) { untrusted.archives.find("A1") }
      trusted = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: @server.url, transport: transport, max_retries: 0,
                                                          ca_bundle: self.class.pki[:ca].to_pem)
      @server.answer(200, JSON.generate(id: "A1"))
      assert_equal "A1", trusted.archives.find("A1").id
    end
  end
end
