# frozen_string_literal: true

# Written as a Rails app's test is: WebMock with net connect disabled, a stubbed OpenTok route.
require "minitest/autorun"
require "webmock/minitest"
require "json"
require "base64"
require "openssl"
require "opentok"

class WebMockUserTest < Minitest::Test
  KEY = "123456"
  SECRET = "0123456789abcdef0123456789abcdef01234567"
  SID = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjfn4"

  def setup
    WebMock.disable_net_connect!
    @opentok = OpenTok::OpenTok.new(KEY, SECRET)
  end

  def jwt_ok?(token)
    head, payload, sig = token.split(".")
    want = Base64.urlsafe_encode64(OpenSSL::HMAC.digest("SHA256", SECRET, "#{head}.#{payload}"), padding: false)
    claims = JSON.parse(Base64.urlsafe_decode64(payload + ("=" * ((4 - (payload.length % 4)) % 4))))
    sig == want && claims["iss"] == KEY && claims["ist"] == "project" && claims["exp"] > Time.now.to_i
  end

  def test_stubbed_archive_start
    url = "https://api.opentok.com/v2/project/#{KEY}/archive"
    stub_request(:post, url).to_return(
      status: 200, headers: { "Content-Type" => "application/json" },
      body: JSON.generate(id: "ARCHIVE-1", status: "started", sessionId: SID, outputMode: "composed", name: "Demo")
    )
    before = OpenTok::HostTransport::COUNTS.dup
    archive = @opentok.archives.create(SID, name: "Demo", output_mode: :composed)
    assert_equal ["ARCHIVE-1", "started", :composed, "Demo"], [archive.id, archive.status, archive.output_mode, archive.name]
    assert_equal before[:host] + 1, OpenTok::HostTransport::COUNTS[:host]
    assert_equal before[:native], OpenTok::HostTransport::COUNTS[:native]
    assert_requested(:post, url, times: 1) do |req|
      jwt_ok?(req.headers["X-Opentok-Auth"]) &&
        JSON.parse(req.body) == { "name" => "Demo", "outputMode" => "composed", "sessionId" => SID } &&
        req.headers["Content-Type"] == "application/json"
    end
  end

  def test_stubbed_sip_dial_returns_a_response
    stub_request(:post, "https://api.opentok.com/v2/project/#{KEY}/dial")
      .to_return(status: 200, body: '{"id":"C1","connectionId":"X","streamId":"S"}', headers: { "Content-Type" => "application/json" })
    res = @opentok.sip.dial(SID, "token", "sip:a@b.c", secure: true)
    assert_equal [200, "C1", true], [res.code, res["id"], res.success?]
  end

  def test_stubbed_errors_map_to_the_official_classes
    stub_request(:get, %r{/archive/missing\z}).to_return(status: 404, body: '{"message":"not found"}')
    err = assert_raises(OpenTok::OpenTokArchiveError) { @opentok.archives.find("missing") }
    assert_equal 404, err.status
  end

  def test_unstubbed_call_raises_webmocks_error
    assert_raises(WebMock::NetConnectNotAllowedError) { @opentok.archives.find("unstubbed") }
  end

  def test_env_forces_native_even_under_webmock
    ENV["OPENTOK_TRANSPORT"] = "native"
    ot = OpenTok::OpenTok.new(KEY, SECRET, api_url: "http://127.0.0.1:9", max_retries: 0)
    before = OpenTok::HostTransport::COUNTS[:native]
    assert_raises(OpenTok::OpenTokError) { ot.archives.all }
    assert_equal before + 1, OpenTok::HostTransport::COUNTS[:native]
  ensure
    ENV.delete("OPENTOK_TRANSPORT")
  end
end
