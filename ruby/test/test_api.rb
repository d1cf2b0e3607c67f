# frozen_string_literal: true

require_relative "test_helper"

# Every public method against the emulator.
class TestSessionsAndTokens < EmulatorTest
  def test_create_session_defaults_and_options
    s = @opentok.create_session
    assert_kind_of OpenTok::Session, s
    assert_equal :relayed, s.media_mode
    assert_equal :manual, s.archive_mode
    assert OpenTok::Session.belongs_to_api_key?(s.session_id, API_KEY)
    assert_equal s.session_id, s.to_s

    s = @opentok.create_session(media_mode: :routed, archive_mode: :always, location: "10.1.200.30",
                                archive_name: "Daily", archive_resolution: "1280x720")
    assert_equal [:routed, :always, "10.1.200.30"], [s.media_mode, s.archive_mode, s.location]
    assert_equal "Daily", s.archive_name
    assert_equal "1280x720", s.archive_resolution
    assert_equal "routed", Emulator.session(s.session_id)["mediaMode"]

    s = @opentok.create_session(media_mode: :routed, e2ee: true)
    assert_equal true, s.e2ee
  end

  def test_session_and_client_tokens
    s = @opentok.create_session(media_mode: :routed)
    t = s.generate_token(role: :moderator, data: "name=Jo", initial_layout_class_list: %w[focus full])
    _, claims = decode_jwt(t)
    assert_equal ["moderator", "name=Jo", "focus full", s.session_id],
                 claims.values_at("role", "connection_data", "initial_layout_class_list", "session_id")
    assert @opentok.generate_token(s.session_id, token_type: "T1").start_with?("T1==")
    assert @opentok.generate_token(s.session_id, initial_layout_class_list: "focus").start_with?("ey")
    # a Session built directly, as the official gem allows
    direct = OpenTok::Session.new(API_KEY, API_SECRET, s.session_id)
    assert direct.generate_token.start_with?("ey")
  end

  def test_frozen_clock_is_used_for_tokens
    sid = routed_session
    frozen = Time.at(1_500_000_000)
    token = Time.stub(:now, frozen) { @opentok.generate_token(sid, expire_time: 1_500_000_000 + 3600) }
    _, claims = decode_jwt(token)
    assert_equal 1_500_000_000, claims["iat"]
    assert_equal 1_500_003_600, claims["exp"]
    # relative to the real clock this expiry is long past, relative to the frozen one it is fine;
    # and an expiry valid now is rejected under a clock frozen 40 days earlier.
    valid_now = Time.now + 3600
    err = assert_raises(RuntimeError) do
      Time.stub(:now, Time.now - (40 * 86_400)) { @opentok.generate_token(sid, expire_time: valid_now) }
    end
    assert_equal "expire_time", err.field
  end

  def test_inspect_hides_the_secret
    [@opentok.inspect, @opentok.to_s, @opentok.create_session.inspect,
     @opentok.native.inspect].each do |text|
      refute_includes text, API_SECRET
    end
    assert_equal API_SECRET, @opentok.api_secret
  end
end

class TestArchives < EmulatorTest
  def test_archive_lifecycle
    sid = routed_session
    archive = @opentok.archives.create(sid, name: "Class", output_mode: :composed, resolution: "1280x720",
                                            layout: { type: "bestFit", screenshare_type: "pip" })
    assert_kind_of OpenTok::Archive, archive
    assert_equal ["started", "Class", sid, true], [archive.status, archive.name, archive.session_id, archive.has_audio]
    assert_kind_of Integer, archive.created_at
    assert_equal :composed, archive.output_mode
    assert_equal({ "type" => "bestFit", "screenshareType" => "pip" }, JSON.parse(last_request["body"])["layout"])

    found = @opentok.archives.find(archive.id)
    assert_equal archive.id, found.id
    assert_equal archive.id, JSON.parse(found.to_json)["id"]

    assert_equal true, @opentok.archives.layout(archive.id, type: "pip")
    assert_equal true, archive.layout(type: "custom", stylesheet: "s {}")

    list = @opentok.archives.all(offset: 0, count: 10)
    assert_kind_of OpenTok::ArchiveList, list
    assert_equal 1, list.total
    assert_equal archive.id, list.first.id
    assert_equal 1, @opentok.archives.all(sessionId: sid).total
    assert_equal "sessionId=#{sid}", last_request["query"]
    assert_equal 1, @opentok.archives.all(session_id: sid).total
    assert_equal 1, @opentok.archives.all_pages(count: 1).size

    archive.stop
    assert_equal "stopped", archive.status
    assert_equal "available", @opentok.archives.find(archive.id).status
    assert_equal true, archive.delete
    assert_equal 0, @opentok.archives.all(session_id: sid).count { |a| a.id == archive.id && a.status != "deleted" }

    second = @opentok.archives.create(sid)
    assert_equal "stopped", @opentok.archives.stop_by_id(second.id).status
    Emulator.archive_state(second.id, "available")
    assert_equal true, @opentok.archives.delete_by_id(second.id)
  end

  def test_manual_stream_mode
    sid = routed_session
    stream = Emulator.stream(sid)["id"]
    archive = @opentok.archives.create(sid, stream_mode: :manual, multi_archive_tag: "t1")
    assert_equal true, @opentok.archives.add_stream(archive.id, stream, has_audio: true, has_video: false)
    assert_equal({ "addStream" => stream, "hasAudio" => true, "hasVideo" => false }, JSON.parse(last_request["body"]))
    assert_equal true, @opentok.archives.remove_stream(archive.id, stream)
    assert_equal true, archive.add_stream(stream)
    assert_equal true, archive.remove_stream(stream)
    auto = @opentok.archives.create(routed_session)
    # the official gem refuses locally unless the archive's streamMode is "manual"
    Emulator.clear_requests
    assert_raises(OpenTok::OpenTokArchiveError) { auto.add_stream(stream) }
    assert_empty Emulator.requests
  end
end

class TestBroadcasts < EmulatorTest
  def test_broadcast_lifecycle
    sid = routed_session
    b = @opentok.broadcasts.create(sid, outputs: { hls: { low_latency: true },
                                                   rtmp: { id: "foo", serverUrl: "rtmp://a/b", streamName: "s" } },
                                        maxDuration: 5400, maxBitRate: 1_000_000, resolution: "1280x720",
                                        streamMode: "manual", multiBroadcastTag: "b-1")
    body = JSON.parse(last_request["body"])
    assert_equal({ "hls" => { "lowLatency" => true }, "rtmp" => [{ "id" => "foo", "serverUrl" => "rtmp://a/b", "streamName" => "s" }] },
                 body["outputs"])
    assert_equal [5400, 1_000_000, "manual", "b-1"], body.values_at("maxDuration", "maxBitrate", "streamMode", "multiBroadcastTag")
    refute body.key?("maxBitRate")
    assert_kind_of OpenTok::Broadcast, b
    assert_equal "started", b.status
    assert b.broadcast_urls.key?("hls")

    assert_equal b.id, @opentok.broadcasts.find(b.id).id
    list = @opentok.broadcasts.all(offset: 0, count: 5, sessionId: sid)
    assert_kind_of OpenTok::BroadcastList, list
    assert_equal 1, list.total
    assert_equal 1, @opentok.broadcasts.all_pages.size
    assert_equal true, @opentok.broadcasts.layout(b.id, type: "bestFit", screenshare_type: "pip")
    assert_equal true, b.layout(type: "horizontalPresentation")

    stream = Emulator.stream(sid)["id"]
    assert_equal true, @opentok.broadcasts.add_stream(b.id, stream, has_audio: false)
    assert_equal true, @opentok.broadcasts.remove_stream(b.id, stream)

    assert_equal "stopped", b.stop.status
    b2 = @opentok.broadcasts.create(sid, outputs: { hls: {} })
    assert_equal "stopped", @opentok.broadcasts.stop(b2.id).status
  end
end

class TestStreamsSignalsConnections < EmulatorTest
  def test_streams
    sid = routed_session
    s1 = Emulator.stream(sid, { streamId: "S1", name: "cam", layoutClassList: ["full"] })
    Emulator.stream(sid, { streamId: "S2", videoType: "screen" })
    stream = @opentok.streams.find(sid, "S1")
    assert_kind_of OpenTok::Stream, stream
    assert_equal ["S1", "camera", "cam", ["full"]], [stream.id, stream.video_type, stream.name, stream.layout_class_list]
    all = @opentok.streams.all(sid)
    assert_kind_of OpenTok::StreamList, all
    assert_equal 2, all.total
    assert_equal true, @opentok.streams.layout(sid, items: [{ id: "S1", layoutClassList: ["focus"] }, { id: "S2", layout_class_list: [] }])
    assert_equal({ "items" => [{ "id" => "S1", "layoutClassList" => ["focus"] }, { "id" => "S2", "layoutClassList" => [] }] },
                 JSON.parse(last_request["body"]))
    assert_equal ["focus"], @opentok.streams.find(sid, "S1").layout_class_list
    assert_equal true, @opentok.streams.layout_stream(sid, "S2", ["full"])
    res = @opentok.streams.force_mute(sid, s1["id"])
    assert_kind_of OpenTok::Response, res
    assert res.success?
    assert_includes [200, 204], res.code
    assert @opentok.streams.force_mute_all(sid, excluded_streams: ["S2"]).success?
    assert_equal({ "active" => true, "excludedStreamIds" => ["S2"] }, JSON.parse(last_request["body"]))
    assert @opentok.streams.force_mute_all(sid, excludedStreamIds: ["S1"]).success?
    assert_equal({ "active" => true, "excludedStreamIds" => ["S1"] }, JSON.parse(last_request["body"]))
    assert @opentok.streams.disable_force_mute(sid).success?
    assert_equal({ "active" => false }, JSON.parse(last_request["body"]))
  end

  def test_signals_and_connections
    sid = routed_session
    conn = Emulator.connection(sid)["connectionId"]
    assert_equal true, @opentok.signals.send(sid, "", type: "chat", data: "hello all")
    assert_equal "/v2/project/#{API_KEY}/session/#{sid}/signal", last_request["path"]
    assert_equal true, @opentok.signals.send(sid, conn, { type: "chat", data: "hi" })
    assert_equal "/v2/project/#{API_KEY}/session/#{sid}/connection/#{conn}/signal", last_request["path"]
    assert_equal true, @opentok.signals.send(sid, { type: "chat", data: "again" })

    list = @opentok.connections.list(sid)
    assert_kind_of OpenTok::ConnectionList, list
    assert_equal [1, conn, "Connected"], [list.total, list.first.connection_id, list.first.connection_state]
    assert_equal true, @opentok.connections.forceDisconnect(sid, conn)
    err = assert_raises(OpenTok::OpenTokConnectionError) { @opentok.connections.force_disconnect(sid, conn) }
    assert_equal 404, err.status
  end
end

class TestSipRendersWebsocketCaptions < EmulatorTest
  def test_sip
    sid = routed_session
    token = @opentok.generate_token(sid)
    call = @opentok.sip.dial(sid, token, "sip:user@sip.partner.com;transport=tls",
                             from: "from@example.com", headers: { "X-Foo": "bar" }, auth: { username: "u", password: "p" },
                             secure: true, video: false, observe_force_mute: true)
    assert_kind_of OpenTok::Response, call
    assert_equal 200, call.code
    assert call.success?
    assert call["id"] && call["connectionId"]
    assert_equal call["id"], call.parsed_response["id"]
    assert_equal call.parsed_response, JSON.parse(call.body)
    assert_equal "application/json", call.headers["Content-Type"].to_s.split(";").first
    sip = JSON.parse(last_request["body"])["sip"]
    assert_equal({ "X-Foo" => "bar" }, sip["headers"])
    assert_equal true, sip["observeForceMute"]
    assert @opentok.sip.play_dtmf_to_session(sid, "1p2#*").success?
    assert @opentok.sip.play_dtmf_to_connection(sid, call["connectionId"], "9").success?
  end

  def test_renders
    sid = routed_session
    token = @opentok.generate_token(sid, role: :moderator)
    r = @opentok.renders.start(sid, token: token, url: "https://webapp.customer.com/render", max_duration: 1800,
                                    resolution: "1280x720", properties: { name: "Composed" })
    assert_kind_of OpenTok::Render, r
    assert_equal sid, r.session_id
    assert_equal r.id, @opentok.renders.find(r.id).id
    assert_kind_of String, r.info.status
    list = @opentok.renders.list(offset: 0, count: 10)
    assert_kind_of OpenTok::RenderList, list
    assert_equal 1, list.total
    stopped = @opentok.renders.stop(r.id)
    assert_kind_of OpenTok::Render, stopped
    assert_equal r.id, stopped.id
    r2 = @opentok.renders.start(sid, token: token, url: "https://webapp.customer.com/render")
    assert_kind_of OpenTok::Render, r2.stop
  end

  def test_websocket
    sid = routed_session
    token = @opentok.generate_token(sid)
    Emulator.stream(sid, { streamId: "S1" })
    res = @opentok.websocket.connect(sid, token, "wss://service.com/ws", streams: ["S1"], headers: { "X-Id" => "1" },
                                                                        audio_rate: 16_000, bidirectional: true)
    assert_kind_of OpenTok::Response, res
    assert_equal 200, res.code
    assert res["id"] && res["connectionId"]
    ws = JSON.parse(last_request["body"])["websocket"]
    assert_equal [16_000, true, { "X-Id" => "1" }], ws.values_at("audioRate", "bidirectional", "headers")
    assert_equal true, @opentok.websocket.disconnect(res["connectionId"])
  end

  def test_captions_and_callbacks
    sid = routed_session
    token = @opentok.generate_token(sid, role: :moderator)
    res = @opentok.captions.start(sid, token, language_code: "en-US", max_duration: 1800, partial_captions: false)
    assert_kind_of OpenTok::Response, res
    assert res.success?
    id = res["captionsId"]
    assert_equal id, res.parsed_response["captionsId"]
    assert id
    assert_equal "started", @opentok.captions.status(id)["status"]
    assert @opentok.captions.stop(id).success?
    err = assert_raises(OpenTok::OpenTokCaptionsError) { @opentok.captions.stop("no-such-captions") }
    assert_equal 404, err.status

    cb = @opentok.callbacks.register("archive", "status", "https://hooks.customer.com/archive")
    assert_equal 1, @opentok.callbacks.all.size
    assert_equal true, @opentok.callbacks.unregister(cb["id"])
    assert_empty @opentok.callbacks.list
  end
end

# The official low-level client's REST methods (used by code that signs its own calls).
class TestLowLevelClient < EmulatorTest
  def test_client_rest_methods_return_responses
    client = OpenTok::Client.new(API_KEY, API_SECRET, Emulator.url)
    sid = routed_session
    started = client.start_archive(sid, name: "Low")
    assert_kind_of OpenTok::Response, started
    assert_equal [200, "Low"], [started.code, started["name"]]
    id = started["id"]
    assert_equal id, client.get_archive(id).parsed_response["id"]
    assert_equal 1, client.list_archives(0, 10, sid)["count"]
    assert_equal "stopped", client.stop_archive(id)["status"]
    Emulator.archive_state(id, "available")
    assert client.delete_archive(id).success?
    assert_raises(OpenTok::OpenTokArchiveError) { client.get_archive("no-such-archive") }
    assert client.dial(sid, OpenTok::OpenTok.new(API_KEY, API_SECRET).generate_token(sid), "sip:a@b.c")["id"]
  end
end
