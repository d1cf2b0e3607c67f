package com.opentokrs

import com.opentokrs.ffi.CallbackEvent
import com.opentokrs.ffi.WebhookException
import com.sun.net.httpserver.HttpServer
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * End to end: an emulator started with `--callback-url` / `--signature-secret` calls a receiver in
 * this test (JDK HttpServer on 127.0.0.1) while a session goes through a client join, a stream, an
 * archive and a broadcast; every callback verifies and parses with [Webhooks.parse].
 */
class WebhooksEndToEndTest {
    private class Received(val headers: Map<String, String>, val body: ByteArray)

    private val secret = "kotlin-e2e-signature-secret"

    @Test
    fun `the emulator calls a receiver and every callback verifies`() {
        val got = LinkedBlockingQueue<Received>()
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/opentok/events") { ex ->
            ex.use {
                val body = it.requestBody.readAllBytes()
                val headers = it.requestHeaders.entries.associate { (k, v) -> k to v.joinToString(", ") }
                got.add(Received(headers, body))
                it.sendResponseHeaders(200, -1)
            }
        }
        server.start()
        val callbackUrl = "http://127.0.0.1:${server.address.port}/opentok/events"

        val bin = System.getenv("OPENTOK_EMULATOR_BIN")?.takeIf { it.isNotBlank() }
            ?: File(ROOT, "target/release/opentok-emulator").path
        val proc = ProcessBuilder(
            bin, "--port", "0", "--api-key", API_KEY, "--api-secret", API_SECRET,
            "--callback-url", callbackUrl, "--signature-secret", secret,
        ).redirectError(ProcessBuilder.Redirect.DISCARD).start()
        try {
            val out = proc.inputStream.bufferedReader()
            val base = out.readLine()?.trim() ?: error("the emulator ($bin) printed no URL")
            assertEquals("$base/_emulator/", out.readLine()?.trim())
            val http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
            fun admin(path: String, body: JSONObject): JSONObject {
                val req = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json").build()
                val resp = http.send(req, HttpResponse.BodyHandlers.ofString())
                assertTrue(resp.statusCode() < 300, "POST $path -> ${resp.statusCode()} ${resp.body()}")
                return JSONObject(resp.body())
            }

            val ot = OpenTok(API_KEY, API_SECRET, OpenTokOptions(apiUrl = base))
            val sid = ot.createSessionBlocking(SessionProperties(mediaMode = MediaMode.ROUTED)).sessionId
            val conn = admin("/_emulator/sessions/$sid/connections", JSONObject().put("data", "name=kt")).getString("connectionId")
            val stream = admin(
                "/_emulator/sessions/$sid/streams", JSONObject().put("connectionId", conn).put("name", "cam"),
            ).getString("id")
            val archive = ot.startArchiveBlocking(sid, "e2e")
            ot.stopArchiveBlocking(archive.id)
            val broadcast = ot.startBroadcastBlocking(sid, BroadcastProperties(outputs = BroadcastOutputs(hls = Hls())))
            ot.stopBroadcastBlocking(broadcast.id)

            // poll the receiver's queue with a deadline until the 7 expected callbacks are in
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15)
            val received = mutableListOf<Received>()
            while (received.size < 7) {
                val left = deadline - System.nanoTime()
                if (left <= 0) break
                received += got.poll(left, TimeUnit.NANOSECONDS) ?: break
            }
            assertEquals(7, received.size, "callbacks received: ${received.map { String(it.body) }}")

            val events: List<CallbackEvent> = received.map { Webhooks.parse(it.body, it.headers, secret) }
            val kinds = events.map { e -> e.kind to (if (e.kind == "connection" || e.kind == "stream") e.event else e.status) }
            assertEquals(
                listOf(
                    "connection" to "connectionCreated", "stream" to "streamCreated",
                    "archive" to "started", "archive" to "stopped", "archive" to "available",
                    "broadcast" to "started", "broadcast" to "stopped",
                ),
                kinds,
            )
            assertTrue(events.all { it.verified && it.claimsJson != null })
            assertEquals("Vonage", JSONObject(events[0].claimsJson!!).getString("iss"))
            assertTrue(events.all { it.sessionId == sid }, "session ids: ${events.map { it.sessionId }}")

            val joined = events[0]
            assertEquals(conn, joined.connectionId)
            assertEquals("name=kt", joined.connectionData)
            val published = events[1]
            assertEquals(stream, published.streamId)
            for (i in 2..4) assertEquals(archive.id, events[i].id)
            assertEquals("e2e", events[2].name)
            val available = events[4]
            assertNotNull(available.url)
            assertTrue((available.size ?: 0) > 0, "size ${available.size}")
            assertEquals(broadcast.id, events[5].id)
            assertEquals(broadcast.id, events[6].id)

            // one byte of the signed `available` body changed: the payload hash no longer matches
            val signed = received[4]
            val at = String(signed.body, Charsets.ISO_8859_1).indexOf("\"available\"") + 1
            assertTrue(at > 0)
            val tampered = signed.body.copyOf().also { it[at] = 'A'.code.toByte() }
            assertFalse(tampered.contentEquals(signed.body))
            val altered = assertThrows<WebhookException.Verification> { Webhooks.parse(tampered, signed.headers, secret) }
            assertEquals("body_altered", altered.code)
            val wrong = assertThrows<WebhookException.Verification> { Webhooks.parse(signed.body, signed.headers, "another-secret") }
            assertEquals("bad_signature", wrong.code)
            assertFalse(wrong.detail.contains(secret))
            // the untouched body still verifies
            assertArrayEquals(signed.body, received[4].body)
            assertEquals("available", Webhooks.parse(signed.body, signed.headers, secret).status)
        } finally {
            proc.destroy()
            if (!proc.waitFor(5, TimeUnit.SECONDS)) proc.destroyForcibly().waitFor()
            server.stop(0)
        }
    }
}
