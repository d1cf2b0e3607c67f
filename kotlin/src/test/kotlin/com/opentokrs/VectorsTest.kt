package com.opentokrs

import com.opentokrs.ffi.OpenTokClient
import com.opentokrs.ffi.ClientConfig
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.nio.charset.StandardCharsets
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import java.util.Base64

/** Every vector of tests/vectors, through the native functions and through the public API. */
class VectorsTest {
    private val tokens = vectors("tokens.json")
    private val requests = vectors("requests.json")
    private val responses = vectors("responses.json")
    private val sessionIds = vectors("session_ids.json")

    private fun JSONArray.objects(): List<JSONObject> = (0 until length()).map { getJSONObject(it) }

    private fun frozen(now: Long) = OpenTokOptions(clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))

    private val appCreds = tokens.getJSONObject("credentials")
    private val privateKey = File(ROOT, "tests/vectors/" + appCreds.getString("private_key_file")).readText()

    // ---- tokens ---------------------------------------------------------------------------------

    @TestFactory
    fun `tokens - exact strings via the native function`(): List<DynamicTest> =
        tokens.getJSONArray("valid").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val native = OpenTokClient(API_KEY, API_SECRET, ClientConfig())
                val t = native.generateToken(
                    v.getString("session_id"), tokenOptionsOf(v.getJSONObject("options")), v.getLong("now"), v.getLong("nonce").toULong(),
                )
                assertEquals(v.getString("token"), t)
            }
        }

    @TestFactory
    fun `tokens - claims through the public API with the clock frozen`(): List<DynamicTest> =
        tokens.getJSONArray("valid").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val ot = OpenTok(API_KEY, API_SECRET, frozen(v.getLong("now")))
                val t = ot.generateToken(v.getString("session_id"), tokenOptionsOf(v.getJSONObject("options")))
                if (v.has("claims")) {
                    val claims = jwtPart(t, 1)
                    val expected = v.getJSONObject("claims")
                    assertTrue(claims.getLong("nonce") >= 0)
                    claims.remove("nonce"); expected.remove("nonce")
                    assertTrue(jsonEquals(expected, claims), "claims $claims != $expected")
                } else {
                    assertTrue(t.startsWith("T1=="))
                    val decoded = String(Base64.getDecoder().decode(t.removePrefix("T1==")), StandardCharsets.UTF_8)
                    val data = decoded.substringAfter(":")
                    val strip = { s: String -> s.replace(Regex("nonce=[0-9]+"), "nonce=N") }
                    assertEquals(strip(v.getString("t1_data")), strip(data))
                    assertTrue(decoded.startsWith("partner_id=$API_KEY&sig="))
                }
            }
        }

    @TestFactory
    fun `tokens - invalid options raise InvalidArgumentException naming the field`(): List<DynamicTest> =
        tokens.getJSONArray("invalid").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val ot = OpenTok(API_KEY, API_SECRET, frozen(v.optLong("now", 1_700_000_000)))
                val options = try {
                    tokenOptionsOf(v.getJSONObject("options"))
                } catch (e: Unrepresentable) {
                    // e.g. role "admin": the typed API (enum Role) cannot even express it.
                    return@dynamicTest
                }
                val e = assertThrows<InvalidArgumentException> { ot.generateToken(v.getString("session_id"), options) }
                assertEquals(v.getString("field"), e.field)
            }
        }

    @TestFactory
    fun `tokens - edge values are accepted`(): List<DynamicTest> =
        tokens.getJSONArray("valid_edges").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val ot = OpenTok(API_KEY, API_SECRET, frozen(v.optLong("now", 1_700_000_000)))
                assertTrue(ot.generateToken(v.getString("session_id"), tokenOptionsOf(v.getJSONObject("options"))).isNotEmpty())
            }
        }

    @TestFactory
    fun `tokens - application credentials (RS256)`(): List<DynamicTest> =
        tokens.getJSONArray("application").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val ot = OpenTok.withApplication(appCreds.getString("application_id"), privateKey, frozen(v.getLong("now")))
                val t = ot.generateToken(v.getString("session_id"), tokenOptionsOf(v.getJSONObject("options")))
                assertTrue(jsonEquals(v.getJSONObject("header"), jwtPart(t, 0)))
                val claims = jwtPart(t, 1)
                assertTrue(claims.getString("jti").isNotEmpty())
                claims.remove("jti")
                assertTrue(jsonEquals(v.getJSONObject("claims_without_jti"), claims), "claims $claims")
            }
        } + tokens.getJSONArray("application_invalid").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val ot = OpenTok.withApplication(appCreds.getString("application_id"), privateKey, frozen(1_700_000_000))
                val e = assertThrows<InvalidArgumentException> {
                    ot.generateToken(v.getString("session_id"), tokenOptionsOf(v.getJSONObject("options")))
                }
                assertEquals(v.getString("field"), e.field)
            }
        }

    // ---- session ids ----------------------------------------------------------------------------

    @TestFactory
    fun `session ids`(): List<DynamicTest> =
        sessionIds.getJSONArray("valid").objects().map { v ->
            dynamicTest("decode ${v.getString("session_id").take(24)}…") {
                val info = OpenTok.decodeSessionId(v.getString("session_id"))
                assertEquals(v.getString("api_key"), info.apiKey)
                assertEquals(v.getString("location"), info.location)
                assertEquals(v.getString("create_time"), info.createTime)
            }
        } + (0 until sessionIds.getJSONArray("malformed").length()).map { i ->
            val id = sessionIds.getJSONArray("malformed").getString(i)
            dynamicTest("malformed `$id`") {
                val e = assertThrows<InvalidArgumentException> { OpenTok.decodeSessionId(id) }
                assertEquals("session_id", e.field)
            }
        }

    // ---- requests -------------------------------------------------------------------------------

    @TestFactory
    fun `requests - native build_request`(): List<DynamicTest> =
        requests.getJSONArray("requests").objects().map { v ->
            dynamicTest(v.getString("name")) {
                val wire = JSONObject(com.opentokrs.ffi.buildRequest(v.getString("op"), v.getJSONObject("args").toString(), API_KEY))
                assertTrue(jsonEquals(v.getJSONObject("request"), wire), "got $wire")
            }
        }

    /** The typed call for a vector, or the raw `call` when the typed API has no place for an argument. */
    private fun publicCall(op: String, args: JSONObject): Pair<String, suspend (OpenTok) -> Any?> =
        try {
            "typed" to typedCall(op, args)
        } catch (e: Unrepresentable) {
            "raw call: ${e.message}" to sc { ot -> ot.call(op, args.toString()) }
        }

    @TestFactory
    fun `requests - the public method sends exactly the vector's request to the emulator`(): List<DynamicTest> {
        val ot = emulatorClient(OpenTokOptions(maxRetries = 0))
        return requests.getJSONArray("requests").objects().map { v ->
            val (how, call) = publicCall(v.getString("op"), v.getJSONObject("args"))
            dynamicTest("${v.getString("name")} ($how)") {
                Emulator.reset()
                runBlocking {
                    try {
                        call(ot)
                    } catch (e: RequestException) {
                        // The vector's ids do not exist in the emulator; the request is what matters.
                    }
                }
                assertSentExactly(v.getJSONObject("request"))
            }
        }
    }

    /** The emulator received exactly one request, and it is [want] (`method`, `path`, `query`, `body`). */
    private fun assertSentExactly(want: JSONObject) {
        val recorded = Emulator.requests()
        assertEquals(1, recorded.length(), "requests sent: $recorded")
        val r = recorded.getJSONObject(0)
        assertEquals(want.getString("method"), r.getString("method"))
        assertEquals(want.getString("path"), r.getString("path"))
        assertTrue(jsonEquals(want.getJSONObject("query"), formDecode(r.getString("query"))), "query ${r.getString("query")}")
        val body = r.getString("body")
        val wantBody = want.opt("body")
        val got: Any? = when {
            wantBody == null || wantBody == JSONObject.NULL -> if (body.isEmpty()) null else body
            wantBody is JSONObject && wantBody.has("form") -> JSONObject().put("form", formDecode(body))
            body.trimStart().startsWith("[") -> JSONArray(body)
            else -> JSONObject(body)
        }
        assertTrue(jsonEquals(wantBody, got), "body $body")
        assertTrue(r.getJSONObject("headers").has("x-opentok-auth"))
    }

    /**
     * Kotlin has no official SDK of its own: it refuses what the core refuses (`checked_by` absent or
     * naming `core`) and sends every argument only another language's official SDK checks.
     */
    private fun refusedByKotlin(v: JSONObject): Boolean {
        val by = v.optJSONArray("checked_by") ?: return true
        return (0 until by.length()).any { by.getString(it) == "core" }
    }

    @TestFactory
    fun `requests - invalid arguments raise InvalidArgumentException naming the field, nothing is sent`(): List<DynamicTest> {
        val ot = emulatorClient(OpenTokOptions(maxRetries = 0))
        return requests.getJSONArray("invalid").objects().map { v ->
            val typed = try { typedCall(v.getString("op"), v.getJSONObject("args")) } catch (e: Unrepresentable) { null }
            val how = if (typed == null) "raw call: the typed API cannot express it" else "typed"
            val call: suspend (OpenTok) -> Any? = typed ?: sc { it.call(v.getString("op"), v.getJSONObject("args").toString()) }
            if (refusedByKotlin(v)) {
                dynamicTest("${v.getString("name")} ($how)") {
                    Emulator.reset()
                    val e = assertThrows<InvalidArgumentException> { runBlocking { call(ot) } }
                    assertEquals(v.getString("field"), e.field)
                    assertEquals(0, Emulator.requests().length())
                }
            } else {
                dynamicTest("${v.getString("name")} is sent: only ${v.getJSONArray("checked_by")} check it ($how)") {
                    Emulator.reset()
                    runBlocking {
                        try { call(ot) } catch (e: RequestException) { /* the emulator may refuse it; it was sent */ }
                    }
                    val want = v.optJSONObject("request")
                    if (want != null) assertSentExactly(want) else assertEquals(1, Emulator.requests().length())
                }
            }
        }
    }

    @TestFactory
    fun `requests - unsafe api keys are refused as api_key`(): List<DynamicTest> =
        requests.optJSONArray("project_id_invalid")?.objects().orEmpty().map { v ->
            dynamicTest(v.getString("name")) {
                Emulator.reset()
                val e = assertThrows<InvalidArgumentException> {
                    val ot = OpenTok(v.getString("project_id"), API_SECRET, OpenTokOptions(apiUrl = Emulator.url, maxRetries = 0))
                    ot.callBlocking(v.getString("op"), v.getJSONObject("args").toString())
                }
                assertEquals(v.getString("field"), e.field)
                assertEquals(0, Emulator.requests().length())
            }
        }

    // ---- responses ------------------------------------------------------------------------------

    private fun serve(status: Int, body: String) {
        Emulator.reset()
        Emulator.fault(JSONObject().put("status", status).put("body", body).put("count", 1))
    }

    @TestFactory
    fun `responses - result objects expose the expected values`(): List<DynamicTest> {
        val ot = emulatorClient()
        return responses.getJSONArray("responses").objects().map { v ->
            dynamicTest("${v.getString("op")} ${v.getJSONObject("expect").keySet().take(3)}") {
                val body = v.opt("body")
                serve(v.getInt("status"), if (body == null || body == JSONObject.NULL) "" else body.toString())
                val result = runBlocking { typedCall(v.getString("op"), v.getJSONObject("args"))(ot) }
                val expect = v.getJSONObject("expect")
                for (k in expect.keySet()) {
                    // create_session's expectations read the raw answer `[{session_id, …}]`: the typed
                    // Session names its members in camelCase
                    val path = if (result is Session) camel(k.removePrefix("0.")) else k
                    if (result is Session && path == "length") continue
                    val actual = pathValue(result, path)
                    assertTrue(sameValue(actual, expect.get(k)), "$k: $actual != ${expect.get(k)}")
                }
                serve(v.getInt("status"), if (body == null || body == JSONObject.NULL) "" else body.toString())
                val raw = runBlocking { ot.call(v.getString("op"), v.getJSONObject("args").toString()) }
                assertTrue(jsonEquals(if (body == null) JSONObject.NULL else body, parseJson(raw)), "raw answer $raw")
            }
        }
    }

    /**
     * The service's answer as received: the raw `call` and `decode_response` give exactly the vector's
     * JSON; the typed result holds every member, by name or in `extra`, and nothing else.
     */
    @TestFactory
    fun `responses - pass through (raw JSON and typed records with extra)`(): List<DynamicTest> {
        val ot = emulatorClient()
        return responses.optJSONArray("passthrough")?.objects().orEmpty().flatMap { v ->
            val op = v.getString("op")
            val args = v.getJSONObject("args")
            val want = v.get("json")
            listOf(
                dynamicTest("${v.getString("name")}: raw") {
                    val decoded = com.opentokrs.ffi.decodeResponse(op, args.toString(), v.getString("body_text"))
                    assertTrue(jsonEquals(want, parseJson(decoded)), "decode_response gave $decoded")
                    serve(v.getInt("status"), v.getString("body_text"))
                    val raw = runBlocking { ot.call(op, args.toString()) }
                    assertTrue(jsonEquals(want, parseJson(raw)), "call gave $raw")
                },
                dynamicTest("${v.getString("name")}: typed") {
                    serve(v.getInt("status"), v.getString("body_text"))
                    val call = typedCall(op, args)
                    if (op == "create_session" && (want as? JSONArray)?.length() == 0) {
                        // an answer without a session is the typed API's one decode error (as in the Java SDK)
                        assertThrows<ResponseDecodeException> { runBlocking { call(ot) } }
                        return@dynamicTest
                    }
                    val result = runBlocking { call(ot) }
                    // operations the Java SDK types `void` return Unit whatever the body; `call` keeps it
                    if (result == Unit) return@dynamicTest
                    val problems = mutableListOf<String>()
                    matches(result, if (op == "create_session") (want as JSONArray).get(0) else want, "", problems)
                    assertTrue(problems.isEmpty(), problems.joinToString("\n"))
                },
            )
        }
    }

    @TestFactory
    fun `responses - malformed bodies raise ResponseDecodeException`(): List<DynamicTest> {
        val ot = emulatorClient()
        return responses.getJSONArray("malformed").objects().map { v ->
            dynamicTest(v.getString("name")) {
                serve(200, v.getString("body_text"))
                assertThrows<ResponseDecodeException> {
                    runBlocking { typedCall(v.getString("op"), v.getJSONObject("args"))(ot) }
                }
            }
        }
    }

    @TestFactory
    fun `responses - error statuses map to the exception hierarchy`(): List<DynamicTest> {
        val ot = emulatorClient(OpenTokOptions(maxRetries = 0))
        val classes = mapOf(
            "api" to ApiException::class.java, "auth" to AuthenticationException::class.java,
            "not_found" to NotFoundException::class.java, "conflict" to ConflictException::class.java,
            "rate_limited" to RateLimitedException::class.java,
        )
        return responses.getJSONArray("status_mapping").objects().map { v ->
            dynamicTest("${v.getInt("status")} -> ${v.getString("kind")}") {
                serve(v.getInt("status"), v.getJSONObject("body").toString())
                val e = assertThrows<RequestException> { ot.getArchiveBlocking("A") }
                assertEquals(classes.getValue(v.getString("kind")), e.javaClass)
                assertEquals(v.getInt("status"), e.status)
                assertEquals(v.getJSONObject("body").getString("message"), e.serverMessage)
            }
        }
    }
}
