package com.opentokrs

import org.json.JSONArray
import org.json.JSONObject
import java.io.File
import java.net.ProxySelector
import java.net.URI
import java.net.URLDecoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.util.Base64
import java.util.concurrent.TimeUnit

const val API_KEY = "123456"
const val API_SECRET = "0123456789abcdef0123456789abcdef01234567"

/** The repository root (this file's Maven project is `<root>/kotlin`). */
val ROOT: File = File(System.getProperty("user.dir")).absoluteFile.let { if (File(it, "pom.xml").exists()) it.parentFile else it }

fun vectors(name: String): JSONObject = JSONObject(File(ROOT, "tests/vectors/$name").readText())

/** One emulator per test JVM: `$OPENTOK_EMULATOR_BIN --port 0`, URL on its first stdout line. */
object Emulator {
    private val process: Process
    val url: String
    private val http: HttpClient = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()

    init {
        val bin = System.getenv("OPENTOK_EMULATOR_BIN")?.takeIf { it.isNotBlank() }
            ?: File(ROOT, "target/release/opentok-emulator").path
        process = ProcessBuilder(bin, "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start()
        url = process.inputStream.bufferedReader().readLine()?.trim()
            ?: error("the emulator ($bin) printed no URL")
        Runtime.getRuntime().addShutdownHook(Thread { process.destroy(); process.waitFor(5, TimeUnit.SECONDS) })
    }

    private fun send(method: String, path: String, body: Any? = null): Pair<Int, String> {
        val b = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(body.toString())
        val req = HttpRequest.newBuilder(URI.create(url + path)).method(method, b).header("Content-Type", "application/json").build()
        val resp = http.send(req, HttpResponse.BodyHandlers.ofString())
        check(resp.statusCode() < 300) { "$method $path -> ${resp.statusCode()} ${resp.body()}" }
        return resp.statusCode() to resp.body()
    }

    fun reset() { send("POST", "/_emulator/reset") }
    fun fault(spec: JSONObject) { send("POST", "/_emulator/faults", spec) }
    fun requests(): JSONArray = JSONArray(send("GET", "/_emulator/requests").second)
    fun clearRequests() { send("DELETE", "/_emulator/requests") }
    fun session(sessionId: String): JSONObject = JSONObject(send("GET", "/_emulator/sessions/$sessionId").second)
    fun seedSession(mediaMode: String = "routed"): String =
        JSONObject(send("POST", "/_emulator/sessions", JSONObject().put("mediaMode", mediaMode)).second).getString("sessionId")
    fun seedConnection(sessionId: String): String =
        JSONObject(send("POST", "/_emulator/sessions/$sessionId/connections", JSONObject()).second).getString("connectionId")
    fun seedStream(sessionId: String, extra: JSONObject = JSONObject()): String =
        JSONObject(send("POST", "/_emulator/sessions/$sessionId/streams", extra).second).getString("id")
    fun setArchiveStatus(archiveId: String, status: String) {
        send("POST", "/_emulator/archives/$archiveId", JSONObject().put("status", status))
    }
}

/** A client for the emulator. */
fun emulatorClient(options: OpenTokOptions = OpenTokOptions()): OpenTok =
    OpenTok(API_KEY, API_SECRET, options.copy(apiUrl = Emulator.url))

/** JSON equality that ignores key order and int/long/double representation. */
fun jsonEquals(a: Any?, b: Any?): Boolean {
    val x = if (a == null) JSONObject.NULL else a
    val y = if (b == null) JSONObject.NULL else b
    return when {
        x is JSONObject && y is JSONObject -> x.keySet() == y.keySet() && x.keySet().all { jsonEquals(x.get(it), y.get(it)) }
        x is JSONArray && y is JSONArray -> x.length() == y.length() && (0 until x.length()).all { jsonEquals(x.get(it), y.get(it)) }
        x is Number && y is Number -> x.toDouble() == y.toDouble()
        else -> x == y
    }
}

fun formDecode(s: String): JSONObject {
    val o = JSONObject()
    if (s.isEmpty()) return o
    for (pair in s.split("&")) {
        val (k, v) = pair.split("=", limit = 2).let { it[0] to it.getOrElse(1) { "" } }
        o.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8))
    }
    return o
}

/** The claims of a JWT, as JSON. */
fun jwtPart(token: String, index: Int): JSONObject =
    JSONObject(String(Base64.getUrlDecoder().decode(token.split(".")[index]), StandardCharsets.UTF_8))

/** Thrown by the vector converter when an argument has no typed equivalent in the Kotlin API. */
class Unrepresentable(why: String) : Exception(why)

/** `snake_case` -> `camelCase`. */
fun camel(k: String): String = k.split("_").let { p -> p[0] + p.drop(1).joinToString("") { it.replaceFirstChar(Char::uppercase) } }

/**
 * Reads vector arguments (each known key in snake_case or camelCase; `null` is absent), tracking
 * which keys were used; [extras] hands the others to an option record's `extra` map.
 */
class Args(private val o: JSONObject) {
    private val used = mutableSetOf<String>()

    private fun raw(vararg keys: String): Any? {
        for (k in keys.flatMap { listOf(it, camel(it)) }.distinct()) if (o.has(k)) {
            used += k
            val v = o.get(k)
            return if (v == JSONObject.NULL) null else v
        }
        return null
    }

    /** The keys not read so far, as an option record's `extra` map (JSON name -> JSON text); marks them used. */
    fun extras(): Map<String, String> {
        val rest = o.keySet() - used
        used += rest
        return rest.associateWith { JSONObject.valueToString(o.get(it)) }
    }

    fun strOpt(vararg k: String): String? = raw(*k)?.let { it as? String ?: throw Unrepresentable("${k[0]} is not a string") }
    fun str(vararg k: String): String = strOpt(*k) ?: throw Unrepresentable("${k[0]} is required by the typed API")
    fun boolOpt(vararg k: String): Boolean? = raw(*k)?.let { it as? Boolean ?: throw Unrepresentable("${k[0]} is not a boolean") }
    fun longOpt(vararg k: String): Long? = raw(*k)?.let {
        if (it is Int || it is Long) (it as Number).toLong() else throw Unrepresentable("${k[0]} is not an integer")
    }
    fun intOpt(vararg k: String): Int? = longOpt(*k)?.toInt()
    fun obj(vararg k: String): Args? = raw(*k)?.let { Args(it as? JSONObject ?: throw Unrepresentable("${k[0]} is not an object")) }
    fun list(vararg k: String): List<Any?>? = raw(*k)?.let { v ->
        val arr = v as? JSONArray ?: throw Unrepresentable("${k[0]} is not a list")
        (0 until arr.length()).map { arr.get(it) }
    }
    fun strList(vararg k: String): List<String>? = list(*k)?.map { it as? String ?: throw Unrepresentable("${k[0]} has a non-string") }
    fun strMap(vararg k: String): Map<String, String>? = raw(*k)?.let { v ->
        val m = v as? JSONObject ?: throw Unrepresentable("${k[0]} is not an object")
        m.keySet().associateWith { m.get(it) as? String ?: throw Unrepresentable("${k[0]}.$it is not a string") }
    }
    fun rawMap(vararg k: String): JSONObject? = raw(*k)?.let { it as? JSONObject ?: throw Unrepresentable("${k[0]} is not an object") }
    fun <E : Enum<E>> enumOpt(values: Array<E>, vararg k: String): E? = strOpt(*k)?.let { s ->
        val norm = s.replace("_", "").lowercase()
        values.firstOrNull { it.name.replace("_", "").lowercase() == norm } ?: throw Unrepresentable("`$s` is not a ${values[0]::class.simpleName}")
    }

    /** Fails when a key was not read (the typed API has no such option). */
    fun done() {
        val extra = o.keySet() - used
        if (extra.isNotEmpty()) throw Unrepresentable("no typed option for $extra")
    }
}

fun layoutOf(a: Args): Layout {
    val l = Layout(
        type = a.enumOpt(LayoutType.entries.toTypedArray(), "type") ?: throw Unrepresentable("layout.type is required"),
        stylesheet = a.strOpt("stylesheet"),
        screenshareType = a.enumOpt(LayoutType.entries.toTypedArray(), "screenshare_type", "screenshareType", "screenShareType"),
        extra = a.extras(),
    )
    a.done()
    return l
}

/**
 * Turns a vector (`op` + snake_case JSON args) into a call of the public typed API. Every argument is
 * read before anything is sent; [Unrepresentable] means the typed API cannot express the arguments.
 */
fun typedCall(op: String, json: JSONObject): suspend (OpenTok) -> Any? {
    val a = Args(json)
    val call: suspend (OpenTok) -> Any? = when (op) {
        "create_session" -> {
            val p = SessionProperties(
                mediaMode = a.enumOpt(MediaMode.entries.toTypedArray(), "media_mode"),
                archiveMode = a.enumOpt(ArchiveMode.entries.toTypedArray(), "archive_mode"),
                location = a.strOpt("location"),
                archiveName = a.strOpt("archive_name"),
                archiveResolution = a.strOpt("archive_resolution"),
                e2ee = a.boolOpt("e2ee"),
                extra = a.extras(),
            );
            { it.createSession(p) }
        }
        "start_archive" -> {
            val sid = a.str("session_id")
            val p = ArchiveProperties(
                name = a.strOpt("name"),
                hasAudio = a.boolOpt("has_audio"),
                hasVideo = a.boolOpt("has_video"),
                outputMode = a.enumOpt(OutputMode.entries.toTypedArray(), "output_mode"),
                resolution = a.strOpt("resolution"),
                layout = a.obj("layout")?.let(::layoutOf),
                streamMode = a.enumOpt(StreamMode.entries.toTypedArray(), "stream_mode"),
                multiArchiveTag = a.strOpt("multi_archive_tag"),
                maxBitrate = a.longOpt("max_bitrate"),
                quantizationParameter = a.longOpt("quantization_parameter"),
                hasTranscription = a.boolOpt("has_transcription"),
                transcriptionProperties = a.obj("transcription_properties")?.let { t ->
                    TranscriptionProperties(t.strOpt("primary_language_code"), t.boolOpt("has_summary"), t.extras())
                },
                extra = a.extras(),
            );
            { it.startArchive(sid, p) }
        }
        "stop_archive" -> a.str("archive_id").let { id -> sc { ot -> ot.stopArchive(id) } }
        "get_archive" -> a.str("archive_id").let { id -> sc { ot -> ot.getArchive(id) } }
        "delete_archive" -> a.str("archive_id").let { id -> sc { ot -> ot.deleteArchive(id) } }
        "list_archives" -> {
            val (o, c, s) = Triple(a.intOpt("offset"), a.intOpt("count"), a.strOpt("session_id"));
            { it.listArchives(s, o, c) }
        }
        "set_archive_layout" -> {
            val id = a.str("archive_id")
            val l = layoutOf(a.obj("layout") ?: throw Unrepresentable("layout is required"));
            { it.setArchiveLayout(id, l) }
        }
        "add_archive_stream" -> {
            val id = a.str("archive_id"); val s = a.str("stream_id")
            val au = a.boolOpt("has_audio") ?: true; val vi = a.boolOpt("has_video") ?: true;
            { it.addArchiveStream(id, s, au, vi) }
        }
        "remove_archive_stream" -> { val id = a.str("archive_id"); val s = a.str("stream_id"); { it.removeArchiveStream(id, s) } }
        "start_broadcast" -> {
            val sid = a.str("session_id")
            val out = a.obj("outputs")
            val outputs = BroadcastOutputs(
                hls = out?.obj("hls")?.let { h -> Hls(h.boolOpt("dvr"), h.boolOpt("low_latency"), h.extras()) },
                rtmp = out?.list("rtmp")?.map { r ->
                    val ra = Args(r as? JSONObject ?: throw Unrepresentable("rtmp item is not an object"))
                    Rtmp(ra.str("server_url"), ra.str("stream_name"), ra.strOpt("id"), ra.extras())
                } ?: emptyList(),
                extra = out?.extras() ?: emptyMap(),
            )
            val p = BroadcastProperties(
                outputs = outputs,
                layout = a.obj("layout")?.let(::layoutOf),
                maxDuration = a.longOpt("max_duration"),
                maxBitrate = a.longOpt("max_bitrate", "maxBitRate", "maxBitrate", "max_bit_rate"),
                resolution = a.strOpt("resolution"),
                streamMode = a.enumOpt(StreamMode.entries.toTypedArray(), "stream_mode"),
                multiBroadcastTag = a.strOpt("multi_broadcast_tag"),
                hasAudio = a.boolOpt("has_audio"),
                hasVideo = a.boolOpt("has_video"),
                extra = a.extras(),
            );
            { it.startBroadcast(sid, p) }
        }
        "stop_broadcast" -> a.str("broadcast_id").let { id -> sc { ot -> ot.stopBroadcast(id) } }
        "get_broadcast" -> a.str("broadcast_id").let { id -> sc { ot -> ot.getBroadcast(id) } }
        "list_broadcasts" -> {
            val (o, c, s) = Triple(a.intOpt("offset"), a.intOpt("count"), a.strOpt("session_id"));
            { it.listBroadcasts(s, o, c) }
        }
        "set_broadcast_layout" -> {
            val id = a.str("broadcast_id")
            val l = layoutOf(a.obj("layout") ?: throw Unrepresentable("layout is required"));
            { it.setBroadcastLayout(id, l) }
        }
        "add_broadcast_stream" -> {
            val id = a.str("broadcast_id"); val s = a.str("stream_id")
            val au = a.boolOpt("has_audio") ?: true; val vi = a.boolOpt("has_video") ?: true;
            { it.addBroadcastStream(id, s, au, vi) }
        }
        "remove_broadcast_stream" -> { val id = a.str("broadcast_id"); val s = a.str("stream_id"); { it.removeBroadcastStream(id, s) } }
        "get_stream" -> { val s = a.str("session_id"); val st = a.str("stream_id"); { it.getStream(s, st) } }
        "list_streams" -> a.str("session_id").let { s -> sc { ot -> ot.listStreams(s) } }
        "set_stream_class_lists" -> {
            val s = a.str("session_id")
            val items = (a.list("items") ?: throw Unrepresentable("items is required")).map { i ->
                val ia = Args(i as? JSONObject ?: throw Unrepresentable("item is not an object"))
                StreamClassList(ia.str("id"), ia.strList("layout_class_list") ?: emptyList(), ia.extras())
            };
            { it.setStreamLayouts(s, items) }
        }
        "set_stream_class_list" -> {
            val s = a.str("session_id"); val st = a.str("stream_id"); val l = a.strList("layout_class_list", "layoutClassList") ?: emptyList();
            { it.setStreamLayout(s, st, l) }
        }
        "list_connections" -> a.str("session_id").let { s -> sc { ot -> ot.listConnections(s) } }
        "send_signal" -> {
            val s = a.str("session_id"); val c = a.strOpt("connection_id")
            val p = SignalProperties(data = a.strOpt("data") ?: "", type = a.strOpt("type"), extra = a.extras());
            { if (c == null) it.signal(s, p) else it.signal(s, c, p) }
        }
        "force_disconnect" -> { val s = a.str("session_id"); val c = a.str("connection_id"); { it.forceDisconnect(s, c) } }
        "mute_stream" -> { val s = a.str("session_id"); val st = a.str("stream_id"); { it.forceMuteStream(s, st) } }
        "mute_all" -> {
            val s = a.str("session_id"); val ex = a.strList("excluded_stream_ids", "excluded_streams", "excludedStreamIds") ?: emptyList();
            { it.forceMuteAll(s, ex) }
        }
        "disable_force_mute" -> a.str("session_id").let { s -> sc { ot -> ot.disableForceMute(s) } }
        "dial" -> {
            val s = a.str("session_id"); val t = a.str("token")
            val p = SipProperties(
                uri = a.str("uri", "sip_uri"),
                from = a.strOpt("from"),
                headers = a.strMap("headers") ?: emptyMap(),
                auth = a.obj("auth")?.let { au -> SipAuth(au.str("username"), au.str("password")).also { au.done() } },
                secure = a.boolOpt("secure"),
                video = a.boolOpt("video"),
                observeForceMute = a.boolOpt("observe_force_mute", "observeForceMute"),
                streams = a.strList("streams") ?: emptyList(),
                extra = a.extras(),
            );
            { it.dial(s, t, p) }
        }
        "play_dtmf" -> {
            val s = a.str("session_id"); val c = a.strOpt("connection_id"); val d = a.strOpt("digits") ?: "";
            { if (c == null) it.playDTMF(s, d) else it.playDTMF(s, c, d) }
        }
        "start_render" -> {
            val s = a.str("session_id"); val t = a.str("token")
            // `properties.name` is the typed `name`; other members of `properties` travel in `extra`
            val props = a.rawMap("properties")
            val name = props?.opt("name") as? String
            val propsRest = props?.let { JSONObject(it.toString()).apply { remove("name") } }?.takeIf { it.length() > 0 }
            val p = RenderProperties(
                url = a.str("url"),
                maxDuration = a.longOpt("max_duration"),
                resolution = a.strOpt("resolution"),
                statusCallbackUrl = a.strOpt("status_callback_url"),
                name = name,
                extra = a.extras() + (propsRest?.let { mapOf("properties" to it.toString()) } ?: emptyMap()),
            );
            { it.startRender(s, t, p) }
        }
        "get_render" -> a.str("render_id").let { id -> sc { ot -> ot.getRender(id) } }
        "stop_render" -> a.str("render_id").let { id -> sc { ot -> ot.stopRender(id) } }
        "list_renders" -> { val o = a.intOpt("offset"); val c = a.intOpt("count"); { it.listRenders(o, c) } }
        "connect_audio" -> {
            val s = a.str("session_id"); val t = a.str("token")
            val p = AudioConnectorProperties(
                uri = a.str("uri"),
                streams = a.strList("streams") ?: emptyList(),
                headers = a.strMap("headers") ?: emptyMap(),
                audioRate = a.longOpt("audio_rate", "audioRate"),
                bidirectional = a.boolOpt("bidirectional"),
                audioTransport = a.obj("audio_transport", "audioTransport")?.let { t2 ->
                    AudioTransport(
                        transport = t2.strOpt("transport"),
                        encoding = t2.strOpt("encoding"),
                        audioField = t2.strOpt("audio_field", "audioField"),
                        receiveAudioField = t2.strOpt("receive_audio_field", "receiveAudioField"),
                        staticFields = t2.rawMap("static_fields", "staticFields")?.let { m ->
                            m.keySet().associateWith { k ->
                                when (val v = m.get(k)) {
                                    is String -> staticField(v)
                                    is Int, is Long -> staticField((v as Number).toLong())
                                    is Number -> staticField(v.toDouble())
                                    is Boolean -> staticField(v)
                                    else -> throw Unrepresentable("static field $k")
                                }
                            }
                        } ?: emptyMap(),
                        extra = t2.extras(),
                    )
                },
                extra = a.extras(),
            );
            { it.connectAudioStream(s, t, p) }
        }
        "stop_audio_connector" -> a.str("connection_id").let { c -> sc { ot -> ot.stopAudioConnector(c) } }
        "start_captions" -> {
            val s = a.str("session_id"); val t = a.str("token")
            val p = CaptionProperties(a.strOpt("language_code"), a.longOpt("max_duration"), a.boolOpt("partial_captions"), a.strOpt("status_callback_url"), a.extras());
            { it.startCaptions(s, t, p) }
        }
        "stop_captions" -> a.str("captions_id").let { id -> sc { ot -> ot.stopCaptions(id) } }
        "get_captions" -> a.str("captions_id").let { id -> sc { ot -> ot.getCaptions(id) } }
        "register_callback" -> { val g = a.str("group"); val e = a.str("event"); val u = a.str("url"); { it.registerCallback(g, e, u) } }
        "list_callbacks" -> sc { ot -> ot.listCallbacks() }
        "unregister_callback" -> a.str("callback_id").let { id -> sc { ot -> ot.unregisterCallback(id) } }
        else -> throw Unrepresentable("the typed API has no operation `$op`")
    }
    a.done()
    return call
}

/** A suspend lambda (helps type inference in [typedCall]). */
fun sc(f: suspend (OpenTok) -> Any?): suspend (OpenTok) -> Any? = f

/** Typed token options from a vector. */
fun tokenOptionsOf(o: JSONObject): TokenOptions {
    val a = Args(o)
    val t = TokenOptions(
        role = a.enumOpt(Role.entries.toTypedArray(), "role"),
        expireTime = a.longOpt("expire_time"),
        data = a.strOpt("data"),
        initialLayoutClassList = a.strList("initial_layout_class_list") ?: emptyList(),
        tokenType = a.enumOpt(TokenType.entries.toTypedArray(), "token_type"),
    )
    a.done()
    return t
}

/** Reads `a.b.0.c` (wire names) from a typed result through its getters. */
fun pathValue(root: Any?, path: String): Any? {
    var cur: Any? = root
    for (seg in path.split(".")) {
        cur = when {
            cur is List<*> && seg == "length" -> cur.size
            cur is List<*> -> cur[seg.toInt()]
            cur == null -> return null
            else -> {
                val names = listOf(seg, if (seg == "count") "totalCount" else seg)
                val m = names.firstNotNullOfOrNull { n ->
                    val cap = n.replaceFirstChar { it.uppercase() }
                    cur!!.javaClass.methods.firstOrNull { it.parameterCount == 0 && (it.name == "get$cap" || it.name == "is$cap") }
                } ?: error("${cur!!.javaClass.simpleName} has no property for `$seg`")
                m.invoke(cur)
            }
        }
    }
    return cur
}

/** Compares a typed value with a vector's expected JSON value. */
fun sameValue(actual: Any?, expected: Any?): Boolean = when {
    expected == null || expected == JSONObject.NULL -> actual == null
    actual is Enum<*> && expected is String -> actual.name.replace("_", "").lowercase() == expected.replace("_", "").lowercase()
    actual is Number && expected is Number -> actual.toDouble() == expected.toDouble()
    // project ids are numbers or strings on the wire; the typed API always gives a String
    actual is String && expected is Number -> actual == expected.toString()
    actual is List<*> && expected is JSONArray -> actual.size == expected.length() && actual.indices.all { sameValue(actual[it], expected.get(it)) }
    else -> actual == expected
}

/** Any JSON text as org.json values (`JSONObject.NULL` for `null`). */
fun parseJson(text: String): Any {
    val t = text.trim()
    return when {
        t.startsWith("{") -> JSONObject(t)
        t.startsWith("[") -> JSONArray(t)
        else -> JSONObject("{\"v\":$t}").get("v")
    }
}

private fun getter(obj: Any, wire: String): java.lang.reflect.Method? {
    val name = if (wire == "count") "totalCount" else wire
    val cap = name.replaceFirstChar { it.uppercase() }
    return obj.javaClass.methods.firstOrNull { it.parameterCount == 0 && (it.name == "get$cap" || it.name == "is$cap") }
}

@Suppress("UNCHECKED_CAST")
private fun extraOf(obj: Any): Map<String, String>? =
    obj.javaClass.methods.firstOrNull { it.name == "getExtra" && it.parameterCount == 0 }?.invoke(obj) as? Map<String, String>

/**
 * Checks a typed result against the service's JSON: every member is either the property of that
 * name (recursively) or kept in `extra` with the same JSON value, and every property the answer
 * does not have is null (or empty). Differences go to [problems].
 */
fun matches(actual: Any?, expected: Any?, path: String, problems: MutableList<String>) {
    val exp = expected ?: JSONObject.NULL
    when {
        actual is Session && exp is JSONObject -> {
            val named = mapOf(
                "session_id" to actual.sessionId, "project_id" to actual.projectId, "partner_id" to actual.projectId,
                "create_dt" to actual.createDt, "media_server_url" to actual.mediaServerUrl,
            )
            for (k in exp.keySet()) {
                if (k in named) {
                    if (!sameValue(named[k], exp.get(k))) problems += "$path$k: ${named[k]} != ${exp.get(k)}"
                } else if (actual.extra[k]?.let { jsonEquals(exp.get(k), parseJson(it)) } != true) {
                    problems += "$path$k: not kept in extra ${actual.extra}"
                }
            }
        }
        exp is JSONObject && actual != null && extraOf(actual) != null -> {
            val extra = extraOf(actual)!!
            for (k in exp.keySet()) {
                val e = exp.get(k)
                val kept = extra[k]
                if (kept != null) {
                    if (!jsonEquals(e, parseJson(kept))) problems += "$path$k: extra holds $kept, the answer $e"
                    continue
                }
                val g = getter(actual, k)
                if (g == null) {
                    problems += "$path$k: neither a property nor kept in extra"
                    continue
                }
                matches(g.invoke(actual), e, "$path$k.", problems)
            }
            for (f in actual.javaClass.declaredFields) {
                if (java.lang.reflect.Modifier.isStatic(f.modifiers) || f.name == "extra") continue
                val wire = if (f.name == "totalCount") "count" else f.name
                if (exp.has(wire)) continue
                val value = getter(actual, wire)?.invoke(actual)
                if (value != null && value != "" && !(value is List<*> && value.isEmpty())) {
                    problems += "$path$wire: absent from the answer but $value"
                }
            }
        }
        exp is JSONObject && actual is List<*> -> {
            // a list the service sent as an object keyed by id
            if (actual.size != exp.length()) problems += "${path}length: ${actual.size} != ${exp.length()}"
            for (k in exp.keySet()) {
                val item = actual.firstOrNull { it != null && getter(it, "id")?.invoke(it) == k }
                if (item == null) {
                    problems += "$path$k: no item with that id"
                    continue
                }
                val o = JSONObject(exp.getJSONObject(k).toString())
                if (!o.has("id")) o.put("id", k)
                matches(item, o, "$path$k.", problems)
            }
        }
        exp is JSONArray && actual is List<*> -> {
            if (actual.size != exp.length()) problems += "${path}length: ${actual.size} != ${exp.length()}"
            else actual.indices.forEach { matches(actual[it], exp.get(it), "$path$it.", problems) }
        }
        else -> if (!sameValue(actual, exp)) problems += "${path.removeSuffix(".")}: $actual != $exp"
    }
}
