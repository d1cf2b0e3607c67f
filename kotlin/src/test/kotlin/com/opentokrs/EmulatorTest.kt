package com.opentokrs

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Every operation against a live emulator, error mapping, bad input and concurrency. */
class EmulatorTest {
    private val ot = emulatorClient()

    @BeforeEach
    fun reset() = Emulator.reset()

    private suspend fun routed(): String = ot.createSession(SessionProperties(mediaMode = MediaMode.ROUTED)).sessionId

    @Test
    fun `sessions and tokens`(): Unit = runBlocking {
        val s = ot.createSession(SessionProperties(mediaMode = MediaMode.ROUTED, location = "10.1.200.30"))
        assertEquals(MediaMode.ROUTED, s.mediaMode)
        assertEquals(ArchiveMode.MANUAL, s.archiveMode)
        assertEquals("10.1.200.30", s.location)
        assertEquals(API_KEY, OpenTok.decodeSessionId(s.sessionId).apiKey)
        val relayed = ot.createSessionBlocking()
        assertEquals(MediaMode.RELAYED, relayed.mediaMode)
        val token = ot.generateToken(s.sessionId, TokenOptions(role = Role.MODERATOR, data = "name=Ann", initialLayoutClassList = listOf("focus")))
        val claims = jwtPart(token, 1)
        assertEquals("moderator", claims.getString("role"))
        assertEquals("name=Ann", claims.getString("connection_data"))
        assertEquals("focus", claims.getString("initial_layout_class_list"))
        assertTrue(ot.generateToken(s.sessionId, TokenOptions(tokenType = TokenType.T1)).startsWith("T1=="))
        assertEquals(40, OpenTok.operations().size)
    }

    @Test
    fun `archives lifecycle`(): Unit = runBlocking {
        val sid = routed()
        val stream = Emulator.seedStream(sid)
        val a = ot.startArchive(
            sid,
            ArchiveProperties(name = "Class", streamMode = StreamMode.MANUAL, layout = ArchiveLayout(LayoutType.BEST_FIT, screenshareType = LayoutType.PIP)),
        )
        assertEquals("started", a.status)
        assertEquals("Class", a.name)
        assertEquals(sid, a.sessionId)
        assertEquals(a.id, ot.getArchive(a.id).id)
        val list = ot.listArchives(sessionId = sid)
        assertEquals(1L, list.totalCount)
        assertEquals(a.id, list.items[0].id)
        ot.setArchiveLayout(a.id, ArchiveLayout(LayoutType.CUSTOM, stylesheet = "stream { width: 100% }"))
        ot.addArchiveStream(a.id, stream, hasVideo = false)
        assertEquals(listOf(stream), ot.getArchive(a.id).streams?.map { it.streamId })
        ot.removeArchiveStream(a.id, stream)
        assertEquals("stopped", ot.stopArchive(a.id).status)
        val done = ot.getArchive(a.id)
        assertEquals("available", done.status)
        assertEquals(ArchiveStatus.AVAILABLE, done.archiveStatus)
        assertEquals(null, ArchiveStatus.of("some-future-state"))
        ot.deleteArchive(a.id)
        // blocking twins
        val b = ot.startArchiveBlocking(sid)
        assertEquals(b.id, ot.getArchiveBlocking(b.id).id)
        assertTrue(ot.listArchivesBlocking(sid, 0, 10).items.any { it.id == b.id })
        ot.stopArchiveBlocking(b.id)
    }

    @Test
    fun `broadcasts lifecycle`(): Unit = runBlocking {
        val sid = routed()
        val stream = Emulator.seedStream(sid)
        val b = ot.startBroadcast(
            sid,
            BroadcastProperties(
                outputs = BroadcastOutputs(hls = Hls(lowLatency = true), rtmp = listOf(Rtmp("rtmp://example.com/app", "key", id = "foo"))),
                streamMode = StreamMode.MANUAL,
                maxDuration = 5400,
            ),
        )
        assertEquals("started", b.status)
        assertNotNull(b.broadcastUrls?.hls)
        assertEquals(b.id, ot.getBroadcast(b.id).id)
        assertTrue(ot.listBroadcasts(sessionId = sid).items.any { it.id == b.id })
        ot.setBroadcastLayout(b.id, BroadcastLayout(LayoutType.PIP))
        ot.addBroadcastStream(b.id, stream)
        ot.removeBroadcastStream(b.id, stream)
        assertEquals(BroadcastStatus.STOPPED, ot.stopBroadcast(b.id).broadcastStatus)
        assertEquals("stopped", ot.getBroadcastBlocking(b.id).status)
    }

    @Test
    fun `streams, connections, signals and moderation`(): Unit = runBlocking {
        val sid = routed()
        val conn = Emulator.seedConnection(sid)
        val s1 = Emulator.seedStream(sid, JSONObject().put("videoType", "camera").put("name", "cam"))
        val s2 = Emulator.seedStream(sid, JSONObject().put("videoType", "screen"))
        assertEquals("cam", ot.getStream(sid, s1).name)
        assertEquals(2L, ot.listStreams(sid).totalCount)
        ot.setStreamLayouts(sid, listOf(StreamClassList(s1, listOf("full")), StreamClassList(s2, listOf("focus"))))
        assertEquals(listOf("full"), ot.getStream(sid, s1).layoutClassList)
        ot.setStreamLayout(sid, s2, listOf("a", "b"))
        assertEquals(listOf("a", "b"), ot.getStreamBlocking(sid, s2).layoutClassList)
        val conns = ot.listConnections(sid)
        assertTrue(conns.items.any { it.connectionId == conn && it.state == ConnectionState.CONNECTED })
        ot.signal(sid, SignalProperties(data = "hello", type = "chat"))
        ot.signal(sid, conn, SignalProperties(data = "hi"))
        ot.signalBlocking(sid, SignalProperties(data = "again"))
        ot.forceMuteStream(sid, s1)
        ot.forceMuteAll(sid, listOf(s2))
        ot.disableForceMute(sid)
        ot.forceDisconnect(sid, conn)
        assertFalse(ot.listConnections(sid).items.any { it.connectionId == conn && it.connectionState == "Connected" })
        val view = Emulator.session(sid)
        assertTrue(view.toString().contains("hello"), "signals recorded by the emulator: $view")
    }

    @Test
    fun `sip and dtmf`(): Unit = runBlocking {
        val sid = routed()
        val token = ot.generateToken(sid, TokenOptions(role = Role.MODERATOR))
        val auth = SipAuth("user", "s3cret-pass")
        assertFalse(auth.toString().contains("s3cret-pass"))
        val call = ot.dial(
            sid, token,
            SipProperties(uri = "sip:user@sip.example.com;transport=tls", from = "from@example.com", headers = mapOf("X-Foo" to "bar"), auth = auth, secure = true),
        )
        assertNotNull(call.connectionId)
        ot.playDTMF(sid, "1p2#")
        ot.playDTMF(sid, call.connectionId!!, "9")
        ot.playDTMFBlocking(sid, "*")
    }

    @Test
    fun `experience composer renders`(): Unit = runBlocking {
        val sid = routed()
        val token = ot.generateToken(sid)
        val r = ot.startRender(sid, token, RenderProperties(url = "https://webapp.example.com/composer", name = "Composed stream", maxDuration = 1800))
        assertEquals(r.id, ot.getRender(r.id).id)
        assertTrue(ot.listRenders().items.any { it.id == r.id })
        ot.stopRender(r.id)
        assertTrue(ot.listRendersBlocking(0, 10).totalCount!! >= 1)
    }

    @Test
    fun `audio connector and captions`(): Unit = runBlocking {
        val sid = routed()
        val token = ot.generateToken(sid, TokenOptions(role = Role.MODERATOR))
        val stream = Emulator.seedStream(sid)
        val ac = ot.connectAudioStream(
            sid, token,
            AudioConnectorProperties(
                uri = "wss://service.example.com/ws", streams = listOf(stream), headers = mapOf("X-Id" to "1"), audioRate = 16000,
                audioTransport = AudioTransport(transport = "json", encoding = "base64", staticFields = mapOf("k" to staticField(1))),
            ),
        )
        ot.stopAudioConnector(ac.connectionId!!)
        val c = ot.startCaptions(sid, token, CaptionProperties(languageCode = "en-US", maxDuration = 1800))
        assertEquals("started", ot.getCaptions(c.captionsId).status)
        ot.stopCaptions(c.captionsId)
        assertThrows<ConflictException> {
            ot.startCaptionsBlocking(sid, token)
            ot.startCaptionsBlocking(sid, token)
        }
    }

    @Test
    fun `project callbacks`(): Unit = runBlocking {
        val cb = ot.registerCallback("archive", "status", "https://hooks.example.com/archive")
        assertEquals("archive", cb.group)
        assertTrue(ot.listCallbacks().any { it.id == cb.id })
        ot.unregisterCallback(cb.id)
        assertFalse(ot.listCallbacksBlocking().any { it.id == cb.id })
    }

    // ---- paging -----------------------------------------------------------------------------------

    @Test
    fun `listAll pages through every archive`(): Unit = runBlocking {
        val sid = routed()
        val ids = (1..5).map { i -> ot.startArchive(sid, ArchiveProperties(multiArchiveTag = "t$i")).id }
        Emulator.clearRequests()
        val all = ot.listAllArchives(sid, pageSize = 2).toList()
        assertEquals(ids.toSet(), all.map { it.id }.toSet())
        assertEquals(3, Emulator.requests().length(), "pages of 2, 2 and 1")
        assertEquals(ids.toSet(), ot.listAllArchivesBlocking(sid, 2).map { it.id }.toSet())
        assertThrows<IllegalArgumentException> { ot.listAllArchives(pageSize = 0) }
    }

    // ---- pass-through -----------------------------------------------------------------------------

    @Test
    fun `unknown options are sent as given and unknown answer members are kept in extra`(): Unit = runBlocking {
        val sid = routed()
        Emulator.reset()
        // answered by a canned 200, so the emulator's own checks do not matter: the request is what is checked
        Emulator.fault(JSONObject().put("status", 200).put("body", "{\"id\":\"A\",\"status\":\"started\",\"newField\":{\"x\":1},\"size\":1.5}").put("count", 1))
        val a = ot.startArchive(
            sid,
            ArchiveProperties(
                name = "x",
                layout = ArchiveLayout(LayoutType.BEST_FIT, extra = mapOf("future" to "1")),
                extra = mapOf("futureOption" to "{\"a\":[1,2]}", "note" to "\"n\"", "gone" to "null"),
            ),
        )
        val body = JSONObject(Emulator.requests().getJSONObject(0).getString("body"))
        assertTrue(jsonEquals(JSONObject("{\"a\":[1,2]}"), body.getJSONObject("futureOption")), body.toString())
        assertEquals("n", body.getString("note"))
        assertTrue(body.has("gone") && body.isNull("gone"), body.toString())
        assertEquals(1, body.getJSONObject("layout").getInt("future"))
        assertEquals("x", body.getString("name"))
        // the answer: unknown members and values a typed field cannot hold exactly are kept as JSON text
        assertEquals("A", a.id)
        assertEquals("{\"x\":1}", a.extra["newField"])
        assertEquals(1L, a.size)
        assertEquals("1.5", a.extra["size"])
        assertEquals(null, a.streams)
        assertEquals(null, a.outputMode)
        // an extra value that is not JSON text is refused, naming its key, before anything is sent
        Emulator.reset()
        val e = assertThrows<InvalidArgumentException> {
            runBlocking { ot.startArchive(sid, ArchiveProperties(extra = mapOf("bad" to "not json"))) }
        }
        assertEquals("extra.bad", e.field)
        assertEquals(0, Emulator.requests().length())
    }

    // ---- errors -----------------------------------------------------------------------------------

    @Test
    fun `403 for a wrong secret carries status and server message`() {
        val bad = OpenTok(API_KEY, "f".repeat(40), OpenTokOptions(apiUrl = Emulator.url))
        val e = assertThrows<AuthenticationException> { bad.listArchivesBlocking() }
        assertEquals(403, e.status)
        assertTrue(e.serverMessage.isNotEmpty())
        assertFalse(e.message!!.contains("f".repeat(40)))
    }

    @Test
    fun `404 and 409`(): Unit = runBlocking {
        val nf = assertThrows<NotFoundException> { ot.getArchiveBlocking("00000000-0000-4000-8000-000000000000") }
        assertEquals(404, nf.status)
        val relayed = ot.createSession().sessionId
        val c = assertThrows<ConflictException> { runBlocking { ot.startArchive(relayed) } }
        assertEquals(409, c.status)
        assertTrue(c.serverMessage.contains("relayed"), c.serverMessage)
    }

    @Test
    fun `429 is retried, then reported with retryAfter`(): Unit = runBlocking {
        Emulator.fault(JSONObject().put("status", 429).put("count", 1).put("method", "GET"))
        assertEquals(0L, ot.listArchives().totalCount)
        val quick = emulatorClient(OpenTokOptions(maxRetries = 1, retryBaseDelaySeconds = 0.01, retryMaxDelaySeconds = 0.02))
        Emulator.fault(JSONObject().put("status", 429).put("count", 5).put("retryAfter", 0).put("method", "GET"))
        val e = assertThrows<RateLimitedException> { quick.listArchivesBlocking() }
        assertEquals(429, e.status)
        assertTrue(Emulator.requests().length() >= 3)
    }

    @Test
    fun `timeouts and network errors`() {
        val slow = emulatorClient(OpenTokOptions(requestTimeoutSeconds = 0.2, maxRetries = 0))
        Emulator.fault(JSONObject().put("latencyMs", 2000).put("count", 1))
        assertThrows<RequestTimeoutException> { slow.listArchivesBlocking() }
        val nowhere = OpenTok(API_KEY, API_SECRET, OpenTokOptions(apiUrl = "http://127.0.0.1:9", maxRetries = 0, connectTimeoutSeconds = 1.0))
        assertThrows<NetworkException> { nowhere.getArchiveBlocking("A") }
    }

    @Test
    fun `bad input is rejected before sending`(): Unit = runBlocking {
        // what the core refuses for every language (tests/vectors/requests.json `checked_by: core`); the
        // other checks of the vectors are asserted by VectorsTest as they move
        assertEquals("session_id", assertThrows<InvalidArgumentException> { runBlocking { ot.startArchive("") } }.field)
        assertEquals("archive_id", assertThrows<InvalidArgumentException> { ot.getArchiveBlocking("..") }.field)
        assertEquals("connection_id", assertThrows<InvalidArgumentException> { ot.playDTMFBlocking("S", ".", "1") }.field)
        assertEquals("session_id", assertThrows<InvalidArgumentException> { ot.generateToken("not-a-session") }.field)
        assertEquals("operation", assertThrows<InvalidArgumentException> { ot.callBlocking("no_such_operation", "{}") }.field)
        assertEquals(0, Emulator.requests().length())
        assertThrows<InvalidArgumentException> { OpenTok("", API_SECRET) }
    }

    @Test
    fun `secrets stay out of toString`() {
        val options = OpenTokOptions(proxy = "http://user:hunter2@proxy.example.com:3128")
        assertFalse(options.toString().contains("hunter2"))
        assertFalse(ot.toString().contains(API_SECRET))
    }

    // ---- concurrency ------------------------------------------------------------------------------

    @Test
    fun `100 coroutines call concurrently`(): Unit = runBlocking {
        val sid = routed()
        val archive = ot.startArchive(sid)
        val results = coroutineScope {
            (1..100).map { i ->
                async(Dispatchers.Default) {
                    when (i % 3) {
                        0 -> ot.getArchive(archive.id).id
                        1 -> ot.listArchives(sessionId = sid).items.single().id
                        else -> ot.getArchiveBlocking(archive.id).id
                    }
                }
            }.awaitAll()
        }
        assertEquals(List(100) { archive.id }, results)
        val sessions = withContext(Dispatchers.IO) {
            (1..100).map { async { ot.createSession(SessionProperties(mediaMode = MediaMode.ROUTED)).sessionId } }.awaitAll()
        }
        assertEquals(100, sessions.toSet().size)
    }
}
