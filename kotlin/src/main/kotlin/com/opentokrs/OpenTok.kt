package com.opentokrs

import com.opentokrs.ffi.ClientConfig
import com.opentokrs.ffi.OpenTokClient
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import java.time.Clock

/**
 * Client settings. Every field is optional; `toString()` never shows proxy credentials.
 *
 * @property apiUrl base URL (default `https://api.opentok.com`, or the Vonage URL for application credentials)
 * @property requestTimeoutSeconds request timeout (default 20 s)
 * @property connectTimeoutSeconds connect timeout (default 5 s)
 * @property proxy proxy URL, e.g. `http://user:pass@proxy:3128`
 * @property userAgentAddendum appended to the User-Agent
 * @property maxRetries retries of idempotent requests (GET, DELETE) on 429/502/503/504 and connection errors
 * @property retryBaseDelaySeconds first retry delay
 * @property retryMaxDelaySeconds longest retry delay
 * @property clock the host clock used for client tokens; use `Clock.fixed(...)` to freeze time in tests
 */
data class OpenTokOptions @JvmOverloads constructor(
    val apiUrl: String? = null,
    val requestTimeoutSeconds: Double? = null,
    val connectTimeoutSeconds: Double? = null,
    val proxy: String? = null,
    val userAgentAddendum: String? = null,
    val maxRetries: Int? = null,
    val retryBaseDelaySeconds: Double? = null,
    val retryMaxDelaySeconds: Double? = null,
    val clock: Clock = Clock.systemUTC(),
) {
    override fun toString(): String =
        "OpenTokOptions(apiUrl=$apiUrl, requestTimeoutSeconds=$requestTimeoutSeconds, " +
            "connectTimeoutSeconds=$connectTimeoutSeconds, proxy=${proxy?.replace(Regex("//[^/@]*@"), "//[redacted]@")}, " +
            "userAgentAddendum=$userAgentAddendum, maxRetries=$maxRetries, retryBaseDelaySeconds=$retryBaseDelaySeconds, " +
            "retryMaxDelaySeconds=$retryMaxDelaySeconds, clock=$clock)"

    internal fun toConfig() = ClientConfig(
        apiUrl = apiUrl,
        timeout = requestTimeoutSeconds,
        connectTimeout = connectTimeoutSeconds,
        proxy = proxy,
        uaAddendum = userAgentAddendum,
        language = "kotlin/${KotlinVersion.CURRENT}",
        maxRetries = maxRetries?.toUInt(),
        retryBaseDelay = retryBaseDelaySeconds,
        retryMaxDelay = retryMaxDelaySeconds,
    )
}

/**
 * The OpenTok / Vonage Video server API: client tokens and every REST operation.
 *
 * Method names follow the official OpenTok Java SDK. Every REST operation is a `suspend` function
 * (safe to call from any dispatcher; the I/O runs on the native runtime) with a `…Blocking` twin for
 * plain threads. Errors are [OpenTokException]s. One instance is thread-safe and should be shared.
 *
 * From Java, the blocking twins carry the Java SDK's names (`createSession`, `startArchive`,
 * `listArchives`, …: `@JvmName`), and every method declares `throws OpenTokException`, so code
 * written against `com.opentok.OpenTok` keeps its `try { … } catch (OpenTokException e)` and
 * `catch (InvalidArgumentException e)` / `catch (RequestException e)` clauses. The `suspend`
 * functions are visible to Java only with a trailing `Continuation` argument.
 *
 * ```kotlin
 * val opentok = OpenTok(apiKey, apiSecret)
 * val session = opentok.createSession(SessionProperties(mediaMode = MediaMode.ROUTED))
 * val token = opentok.generateToken(session.sessionId, TokenOptions(role = Role.MODERATOR))
 * val archive = opentok.startArchive(session.sessionId, ArchiveProperties(name = "Class"))
 * ```
 */
class OpenTok private constructor(
    private val client: OpenTokClient,
    private val options: OpenTokOptions,
) : AutoCloseable {

    /** A client for project credentials (api key + secret). */
    constructor(apiKey: String, apiSecret: String, options: OpenTokOptions = OpenTokOptions()) :
        this(mapped { OpenTokClient(apiKey, apiSecret, options.toConfig()) }, options)

    /** A client for project credentials, with the numeric api key of the official Java SDK. */
    constructor(apiKey: Int, apiSecret: String, options: OpenTokOptions = OpenTokOptions()) :
        this(apiKey.toString(), apiSecret, options)

    companion object {
        /** A client for Vonage application credentials (application id + RSA private key PEM). */
        @JvmStatic
        @JvmOverloads
        fun withApplication(applicationId: String, privateKeyPem: String, options: OpenTokOptions = OpenTokOptions()): OpenTok =
            OpenTok(mapped { OpenTokClient.withApplication(applicationId, privateKeyPem, options.toConfig()) }, options)

        /** Decodes the api key, location and creation time encoded in a session id. */
        @JvmStatic
        @Throws(OpenTokException::class)
        fun decodeSessionId(sessionId: String): SessionIdInfo = mapped { com.opentokrs.ffi.decodeSessionId(sessionId) }

        /** Names of every REST operation of the native core (`create_session`, `start_archive`, …). */
        @JvmStatic
        fun operations(): List<String> = com.opentokrs.ffi.operations()
    }

    /**
     * Builds a client the way the Java SDK's `OpenTok.Builder` does:
     * `new OpenTok.Builder(apiKey, apiSecret).apiUrl(url).requestTimeout(10).build()`.
     */
    class Builder(private val apiKey: String, private val apiSecret: String) {
        /** Project credentials with the numeric api key of the Java SDK. */
        constructor(apiKey: Int, apiSecret: String) : this(apiKey.toString(), apiSecret)

        private var options = OpenTokOptions()

        /** Base URL of the API. */
        fun apiUrl(apiUrl: String): Builder = apply { options = options.copy(apiUrl = apiUrl) }

        /** Request timeout in seconds. */
        fun requestTimeout(seconds: Int): Builder = apply { options = options.copy(requestTimeoutSeconds = seconds.toDouble()) }

        /** Text appended to the User-Agent. */
        fun appendToUserAgent(addendum: String): Builder = apply { options = options.copy(userAgentAddendum = addendum) }

        /** An HTTP proxy (`Proxy.Type.HTTP`); `Proxy.NO_PROXY` clears it. */
        fun proxy(proxy: java.net.Proxy): Builder = apply {
            val address = proxy.address() as? java.net.InetSocketAddress
            options = options.copy(proxy = address?.let { "http://${it.hostString}:${it.port}" })
        }

        /** An HTTP proxy with basic credentials (never shown by `toString`). */
        fun proxy(proxy: java.net.Proxy, principal: String, password: String): Builder = apply {
            val address = proxy.address() as? java.net.InetSocketAddress
            val enc = { t: String -> java.net.URLEncoder.encode(t, Charsets.UTF_8).replace("+", "%20") }
            options = options.copy(proxy = address?.let { "http://${enc(principal)}:${enc(password)}@${it.hostString}:${it.port}" })
        }

        /** Retries of idempotent requests (0 turns them off). */
        fun maxRetries(retries: Int): Builder = apply { options = options.copy(maxRetries = retries) }

        /** The host clock used for client tokens. */
        fun clock(clock: Clock): Builder = apply { options = options.copy(clock = clock) }

        /** Every option at once. */
        fun options(options: OpenTokOptions): Builder = apply { this.options = options }

        /** The client. */
        fun build(): OpenTok = OpenTok(apiKey, apiSecret, options)

        override fun toString(): String = "OpenTok.Builder(apiKey=$apiKey, options=$options)"
    }

    /** The base URL requests go to. */
    val apiUrl: String get() = client.apiUrl()

    /** The api key (or application id) used in request paths. */
    val apiKey: String get() = client.projectId()

    override fun toString(): String = "OpenTok(apiKey=$apiKey, apiUrl=$apiUrl)"

    /** Frees the native client now instead of when it is garbage-collected. */
    override fun close() = client.close()

    // ---- tokens (no I/O) ----------------------------------------------------------------------

    /** Mints a client token for [sessionId], using the configured [OpenTokOptions.clock]. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun generateToken(sessionId: String, options: TokenOptions = TokenOptions()): String =
        mapped { client.generateToken(sessionId, options, this.options.clock.millis() / 1000, null) }

    // ---- sessions -----------------------------------------------------------------------------

    /** Creates a session (relayed and manually archived unless [properties] say otherwise). */
    @Throws(OpenTokException::class)
    suspend fun createSession(properties: SessionProperties = SessionProperties()): Session =
        Session(mapped { client.createSession(properties) }, properties, this)

    /** Blocking [createSession]. */
    @Throws(OpenTokException::class)
    @JvmName("createSession")
    @JvmOverloads
    fun createSessionBlocking(properties: SessionProperties = SessionProperties()): Session =
        Session(mapped { client.createSessionBlocking(properties) }, properties, this)

    // ---- archives -----------------------------------------------------------------------------

    /** Starts recording [sessionId]. */
    @Throws(OpenTokException::class)
    suspend fun startArchive(sessionId: String, properties: ArchiveProperties = ArchiveProperties()): Archive =
        mapped { client.startArchive(sessionId, properties) }

    /** Blocking [startArchive]. */
    @Throws(OpenTokException::class)
    @JvmName("startArchive")
    @JvmOverloads
    fun startArchiveBlocking(sessionId: String, properties: ArchiveProperties = ArchiveProperties()): Archive =
        mapped { client.startArchiveBlocking(sessionId, properties) }

    /** Starts recording [sessionId] into an archive called [name] (Java SDK `startArchive(sessionId, name)`). */
    @Throws(OpenTokException::class)
    suspend fun startArchive(sessionId: String, name: String): Archive = startArchive(sessionId, ArchiveProperties(name = name))

    /** Blocking [startArchive] with a name. */
    @Throws(OpenTokException::class)
    @JvmName("startArchive")
    fun startArchiveBlocking(sessionId: String, name: String): Archive = startArchiveBlocking(sessionId, ArchiveProperties(name = name))

    /** Stops a recording archive. */
    @Throws(OpenTokException::class)
    suspend fun stopArchive(archiveId: String): Archive = mapped { client.stopArchive(archiveId) }

    /** Blocking [stopArchive]. */
    @Throws(OpenTokException::class)
    @JvmName("stopArchive")
    fun stopArchiveBlocking(archiveId: String): Archive = mapped { client.stopArchiveBlocking(archiveId) }

    /** Reads an archive. */
    @Throws(OpenTokException::class)
    suspend fun getArchive(archiveId: String): Archive = mapped { client.getArchive(archiveId) }

    /** Blocking [getArchive]. */
    @Throws(OpenTokException::class)
    @JvmName("getArchive")
    fun getArchiveBlocking(archiveId: String): Archive = mapped { client.getArchiveBlocking(archiveId) }

    /** Lists archives (one page, newest first), optionally of one session. */
    @Throws(OpenTokException::class)
    suspend fun listArchives(sessionId: String? = null, offset: Int? = null, count: Int? = null): ArchiveList =
        mapped { client.listArchives(offset?.toLong(), count?.toLong(), sessionId) }

    /** Blocking [listArchives]. */
    @Throws(OpenTokException::class)
    @JvmName("listArchives")
    @JvmOverloads
    fun listArchivesBlocking(sessionId: String? = null, offset: Int? = null, count: Int? = null): ArchiveList =
        mapped { client.listArchivesBlocking(offset?.toLong(), count?.toLong(), sessionId) }

    /** Lists one page of archives of every session (Java SDK `listArchives(offset, count)`). */
    @Throws(OpenTokException::class)
    suspend fun listArchives(offset: Int, count: Int): ArchiveList = listArchives(null, offset, count)

    /** Blocking [listArchives] by page. */
    @Throws(OpenTokException::class)
    @JvmName("listArchives")
    fun listArchivesBlocking(offset: Int, count: Int): ArchiveList = listArchivesBlocking(null, offset, count)

    /** Deletes an archive (it must be `available`, `uploaded` or `deleted`). */
    @Throws(OpenTokException::class)
    suspend fun deleteArchive(archiveId: String): Unit = mapped { client.deleteArchive(archiveId) }

    /** Blocking [deleteArchive]. */
    @Throws(OpenTokException::class)
    @JvmName("deleteArchive")
    fun deleteArchiveBlocking(archiveId: String): Unit = mapped { client.deleteArchiveBlocking(archiveId) }

    /** Changes a composed archive's layout. */
    @Throws(OpenTokException::class)
    suspend fun setArchiveLayout(archiveId: String, layout: ArchiveLayout): Unit =
        mapped { client.setArchiveLayout(archiveId, layout) }

    /** Blocking [setArchiveLayout]. */
    @Throws(OpenTokException::class)
    @JvmName("setArchiveLayout")
    fun setArchiveLayoutBlocking(archiveId: String, layout: ArchiveLayout): Unit =
        mapped { client.setArchiveLayoutBlocking(archiveId, layout) }

    /** Adds a stream to a manual-mode archive. */
    @Throws(OpenTokException::class)
    suspend fun addArchiveStream(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addArchiveStream(archiveId, streamId, hasAudio, hasVideo) }

    /** Blocking [addArchiveStream]. */
    @Throws(OpenTokException::class)
    @JvmName("addArchiveStream")
    @JvmOverloads
    fun addArchiveStreamBlocking(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addArchiveStreamBlocking(archiveId, streamId, hasAudio, hasVideo) }

    /** Removes a stream from a manual-mode archive. */
    @Throws(OpenTokException::class)
    suspend fun removeArchiveStream(archiveId: String, streamId: String): Unit =
        mapped { client.removeArchiveStream(archiveId, streamId) }

    /** Blocking [removeArchiveStream]. */
    @Throws(OpenTokException::class)
    @JvmName("removeArchiveStream")
    fun removeArchiveStreamBlocking(archiveId: String, streamId: String): Unit =
        mapped { client.removeArchiveStreamBlocking(archiveId, streamId) }

    // ---- broadcasts ---------------------------------------------------------------------------

    /** Starts a live-streaming broadcast (HLS and/or RTMP). */
    @Throws(OpenTokException::class)
    suspend fun startBroadcast(sessionId: String, properties: BroadcastProperties): Broadcast =
        mapped { client.startBroadcast(sessionId, properties) }

    /** Blocking [startBroadcast]. */
    @Throws(OpenTokException::class)
    @JvmName("startBroadcast")
    fun startBroadcastBlocking(sessionId: String, properties: BroadcastProperties): Broadcast =
        mapped { client.startBroadcastBlocking(sessionId, properties) }

    /** Stops a broadcast. */
    @Throws(OpenTokException::class)
    suspend fun stopBroadcast(broadcastId: String): Broadcast = mapped { client.stopBroadcast(broadcastId) }

    /** Blocking [stopBroadcast]. */
    @Throws(OpenTokException::class)
    @JvmName("stopBroadcast")
    fun stopBroadcastBlocking(broadcastId: String): Broadcast = mapped { client.stopBroadcastBlocking(broadcastId) }

    /** Reads a broadcast. */
    @Throws(OpenTokException::class)
    suspend fun getBroadcast(broadcastId: String): Broadcast = mapped { client.getBroadcast(broadcastId) }

    /** Blocking [getBroadcast]. */
    @Throws(OpenTokException::class)
    @JvmName("getBroadcast")
    fun getBroadcastBlocking(broadcastId: String): Broadcast = mapped { client.getBroadcastBlocking(broadcastId) }

    /** Lists broadcasts (one page), optionally of one session. */
    @Throws(OpenTokException::class)
    suspend fun listBroadcasts(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        mapped { client.listBroadcasts(offset?.toLong(), count?.toLong(), sessionId) }

    /** Blocking [listBroadcasts]. */
    @Throws(OpenTokException::class)
    @JvmName("listBroadcasts")
    @JvmOverloads
    fun listBroadcastsBlocking(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        mapped { client.listBroadcastsBlocking(offset?.toLong(), count?.toLong(), sessionId) }

    /** Changes a broadcast's layout. */
    @Throws(OpenTokException::class)
    suspend fun setBroadcastLayout(broadcastId: String, layout: BroadcastLayout): Unit =
        mapped { client.setBroadcastLayout(broadcastId, layout) }

    /** Blocking [setBroadcastLayout]. */
    @Throws(OpenTokException::class)
    @JvmName("setBroadcastLayout")
    fun setBroadcastLayoutBlocking(broadcastId: String, layout: BroadcastLayout): Unit =
        mapped { client.setBroadcastLayoutBlocking(broadcastId, layout) }

    /** Adds a stream to a manual-mode broadcast. */
    @Throws(OpenTokException::class)
    suspend fun addBroadcastStream(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addBroadcastStream(broadcastId, streamId, hasAudio, hasVideo) }

    /** Blocking [addBroadcastStream]. */
    @Throws(OpenTokException::class)
    @JvmName("addBroadcastStream")
    @JvmOverloads
    fun addBroadcastStreamBlocking(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addBroadcastStreamBlocking(broadcastId, streamId, hasAudio, hasVideo) }

    /** Removes a stream from a manual-mode broadcast. */
    @Throws(OpenTokException::class)
    suspend fun removeBroadcastStream(broadcastId: String, streamId: String): Unit =
        mapped { client.removeBroadcastStream(broadcastId, streamId) }

    /** Blocking [removeBroadcastStream]. */
    @Throws(OpenTokException::class)
    @JvmName("removeBroadcastStream")
    fun removeBroadcastStreamBlocking(broadcastId: String, streamId: String): Unit =
        mapped { client.removeBroadcastStreamBlocking(broadcastId, streamId) }

    // ---- streams and connections --------------------------------------------------------------

    /** Reads a stream of a session. */
    @Throws(OpenTokException::class)
    suspend fun getStream(sessionId: String, streamId: String): Stream = mapped { client.getStream(sessionId, streamId) }

    /** Blocking [getStream]. */
    @Throws(OpenTokException::class)
    @JvmName("getStream")
    fun getStreamBlocking(sessionId: String, streamId: String): Stream = mapped { client.getStreamBlocking(sessionId, streamId) }

    /** Lists the streams of a session. */
    @Throws(OpenTokException::class)
    suspend fun listStreams(sessionId: String): StreamList = mapped { client.listStreams(sessionId) }

    /** Blocking [listStreams]. */
    @Throws(OpenTokException::class)
    @JvmName("listStreams")
    fun listStreamsBlocking(sessionId: String): StreamList = mapped { client.listStreamsBlocking(sessionId) }

    /** Changes the layout classes of several streams at once. */
    @Throws(OpenTokException::class)
    suspend fun setStreamLayouts(sessionId: String, streams: List<StreamClassList>): Unit =
        mapped { client.setStreamClassLists(sessionId, streams) }

    /** Blocking [setStreamLayouts]. */
    @Throws(OpenTokException::class)
    @JvmName("setStreamLayouts")
    fun setStreamLayoutsBlocking(sessionId: String, streams: List<StreamClassList>): Unit =
        mapped { client.setStreamClassListsBlocking(sessionId, streams) }

    /** Changes one stream's layout classes. */
    @Throws(OpenTokException::class)
    suspend fun setStreamLayout(sessionId: String, streamId: String, layoutClassList: List<String>): Unit =
        mapped { client.setStreamClassList(sessionId, streamId, layoutClassList) }

    /** Blocking [setStreamLayout]. */
    @Throws(OpenTokException::class)
    @JvmName("setStreamLayout")
    fun setStreamLayoutBlocking(sessionId: String, streamId: String, layoutClassList: List<String>): Unit =
        mapped { client.setStreamClassListBlocking(sessionId, streamId, layoutClassList) }

    /** Lists the connections of a session. */
    @Throws(OpenTokException::class)
    suspend fun listConnections(sessionId: String): ConnectionList = mapped { client.listConnections(sessionId) }

    /** Blocking [listConnections]. */
    @Throws(OpenTokException::class)
    @JvmName("listConnections")
    fun listConnectionsBlocking(sessionId: String): ConnectionList = mapped { client.listConnectionsBlocking(sessionId) }

    // ---- signals and moderation ---------------------------------------------------------------

    /** Sends a signal to every client of [sessionId]. */
    @Throws(OpenTokException::class)
    suspend fun signal(sessionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignal(sessionId, null, properties) }

    /** Sends a signal to one connection. */
    @Throws(OpenTokException::class)
    suspend fun signal(sessionId: String, connectionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignal(sessionId, connectionId, properties) }

    /** Blocking [signal] to every client. */
    @Throws(OpenTokException::class)
    @JvmName("signal")
    fun signalBlocking(sessionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignalBlocking(sessionId, null, properties) }

    /** Blocking [signal] to one connection. */
    @Throws(OpenTokException::class)
    @JvmName("signal")
    fun signalBlocking(sessionId: String, connectionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignalBlocking(sessionId, connectionId, properties) }

    /** Disconnects a client. */
    @Throws(OpenTokException::class)
    suspend fun forceDisconnect(sessionId: String, connectionId: String): Unit =
        mapped { client.forceDisconnect(sessionId, connectionId) }

    /** Blocking [forceDisconnect]. */
    @Throws(OpenTokException::class)
    @JvmName("forceDisconnect")
    fun forceDisconnectBlocking(sessionId: String, connectionId: String): Unit =
        mapped { client.forceDisconnectBlocking(sessionId, connectionId) }

    /** Force-mutes one stream's audio. */
    @Throws(OpenTokException::class)
    suspend fun forceMuteStream(sessionId: String, streamId: String): Unit = mapped { client.muteStream(sessionId, streamId) }

    /** Blocking [forceMuteStream]. */
    @Throws(OpenTokException::class)
    @JvmName("forceMuteStream")
    fun forceMuteStreamBlocking(sessionId: String, streamId: String): Unit =
        mapped { client.muteStreamBlocking(sessionId, streamId) }

    /** Force-mutes every stream (and later publishers) except [excludedStreamIds]. */
    @Throws(OpenTokException::class)
    suspend fun forceMuteAll(sessionId: String, excludedStreamIds: List<String> = emptyList()): Unit =
        mapped { client.muteAll(sessionId, excludedStreamIds) }

    /** Blocking [forceMuteAll]. */
    @Throws(OpenTokException::class)
    @JvmName("forceMuteAll")
    @JvmOverloads
    fun forceMuteAllBlocking(sessionId: String, excludedStreamIds: List<String> = emptyList()): Unit =
        mapped { client.muteAllBlocking(sessionId, excludedStreamIds) }

    /** Force-mutes every stream except those [properties] exclude (Java SDK `forceMuteAll(sessionId, MuteAllProperties)`). */
    @Throws(OpenTokException::class)
    suspend fun forceMuteAll(sessionId: String, properties: MuteAllProperties): Unit =
        forceMuteAll(sessionId, properties.excludedStreamIds)

    /** Blocking [forceMuteAll] with [MuteAllProperties]. */
    @Throws(OpenTokException::class)
    @JvmName("forceMuteAll")
    fun forceMuteAllBlocking(sessionId: String, properties: MuteAllProperties): Unit =
        forceMuteAllBlocking(sessionId, properties.excludedStreamIds)

    /** Ends a mute-all. */
    @Throws(OpenTokException::class)
    suspend fun disableForceMute(sessionId: String): Unit = mapped { client.disableForceMute(sessionId) }

    /** Blocking [disableForceMute]. */
    @Throws(OpenTokException::class)
    @JvmName("disableForceMute")
    fun disableForceMuteBlocking(sessionId: String): Unit = mapped { client.disableForceMuteBlocking(sessionId) }

    // ---- SIP ----------------------------------------------------------------------------------

    /** Dials a SIP endpoint into a routed session. */
    @Throws(OpenTokException::class)
    suspend fun dial(sessionId: String, token: String, properties: SipProperties): SipCall =
        mapped { client.dial(sessionId, token, properties) }

    /** Blocking [dial]. */
    @Throws(OpenTokException::class)
    @JvmName("dial")
    fun dialBlocking(sessionId: String, token: String, properties: SipProperties): SipCall =
        mapped { client.dialBlocking(sessionId, token, properties) }

    /** Plays DTMF [digits] (`0-9`, `*`, `#`, `p`) to every SIP participant of the session. */
    @Throws(OpenTokException::class)
    suspend fun playDTMF(sessionId: String, digits: String): Unit = mapped { client.playDtmf(sessionId, null, digits) }

    /** Plays DTMF [digits] to one connection. */
    @Throws(OpenTokException::class)
    suspend fun playDTMF(sessionId: String, connectionId: String, digits: String): Unit =
        mapped { client.playDtmf(sessionId, connectionId, digits) }

    /** Blocking [playDTMF] to the session. */
    @Throws(OpenTokException::class)
    @JvmName("playDTMF")
    fun playDTMFBlocking(sessionId: String, digits: String): Unit = mapped { client.playDtmfBlocking(sessionId, null, digits) }

    /** Blocking [playDTMF] to one connection. */
    @Throws(OpenTokException::class)
    @JvmName("playDTMF")
    fun playDTMFBlocking(sessionId: String, connectionId: String, digits: String): Unit =
        mapped { client.playDtmfBlocking(sessionId, connectionId, digits) }

    // ---- Experience Composer ------------------------------------------------------------------

    /** Starts an Experience Composer render of a web page into the session. */
    @Throws(OpenTokException::class)
    suspend fun startRender(sessionId: String, token: String, properties: RenderProperties): Render =
        mapped { client.startRender(sessionId, token, properties) }

    /** Blocking [startRender]. */
    @Throws(OpenTokException::class)
    @JvmName("startRender")
    fun startRenderBlocking(sessionId: String, token: String, properties: RenderProperties): Render =
        mapped { client.startRenderBlocking(sessionId, token, properties) }

    /** Reads a render. */
    @Throws(OpenTokException::class)
    suspend fun getRender(renderId: String): Render = mapped { client.getRender(renderId) }

    /** Blocking [getRender]. */
    @Throws(OpenTokException::class)
    @JvmName("getRender")
    fun getRenderBlocking(renderId: String): Render = mapped { client.getRenderBlocking(renderId) }

    /** Stops a render. */
    @Throws(OpenTokException::class)
    suspend fun stopRender(renderId: String): Unit = mapped { client.stopRender(renderId) }

    /** Blocking [stopRender]. */
    @Throws(OpenTokException::class)
    @JvmName("stopRender")
    fun stopRenderBlocking(renderId: String): Unit = mapped { client.stopRenderBlocking(renderId) }

    /** Lists renders (one page). */
    @Throws(OpenTokException::class)
    suspend fun listRenders(offset: Int? = null, count: Int? = null): RenderList =
        mapped { client.listRenders(offset?.toLong(), count?.toLong()) }

    /** Blocking [listRenders]. */
    @Throws(OpenTokException::class)
    @JvmName("listRenders")
    @JvmOverloads
    fun listRendersBlocking(offset: Int? = null, count: Int? = null): RenderList =
        mapped { client.listRendersBlocking(offset?.toLong(), count?.toLong()) }

    // ---- Audio Connector ----------------------------------------------------------------------

    /** Streams session audio to a WebSocket (Audio Connector). */
    @Throws(OpenTokException::class)
    suspend fun connectAudioStream(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        mapped { client.connectAudio(sessionId, token, properties) }

    /** Blocking [connectAudioStream]. */
    @Throws(OpenTokException::class)
    @JvmName("connectAudioStream")
    fun connectAudioStreamBlocking(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        mapped { client.connectAudioBlocking(sessionId, token, properties) }

    /** Stops an Audio Connector, given the connection id [connectAudioStream] returned. */
    @Throws(OpenTokException::class)
    suspend fun stopAudioConnector(connectionId: String): Unit = mapped { client.stopAudioConnector(connectionId) }

    /** Blocking [stopAudioConnector]. */
    @Throws(OpenTokException::class)
    @JvmName("stopAudioConnector")
    fun stopAudioConnectorBlocking(connectionId: String): Unit = mapped { client.stopAudioConnectorBlocking(connectionId) }

    // ---- live captions ------------------------------------------------------------------------

    /** Starts live captions (the token must be a moderator token). */
    @Throws(OpenTokException::class)
    suspend fun startCaptions(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties()): Captions =
        mapped { client.startCaptions(sessionId, token, properties) }

    /** Blocking [startCaptions]. */
    @Throws(OpenTokException::class)
    @JvmName("startCaptions")
    @JvmOverloads
    fun startCaptionsBlocking(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties()): Captions =
        mapped { client.startCaptionsBlocking(sessionId, token, properties) }

    /** Stops live captions. */
    @Throws(OpenTokException::class)
    suspend fun stopCaptions(captionsId: String): Unit = mapped { client.stopCaptions(captionsId) }

    /** Blocking [stopCaptions]. */
    @Throws(OpenTokException::class)
    @JvmName("stopCaptions")
    fun stopCaptionsBlocking(captionsId: String): Unit = mapped { client.stopCaptionsBlocking(captionsId) }

    /** Reads live caption status. */
    @Throws(OpenTokException::class)
    suspend fun getCaptions(captionsId: String): CaptionStatus = mapped { client.getCaptions(captionsId) }

    /** Blocking [getCaptions]. */
    @Throws(OpenTokException::class)
    @JvmName("getCaptions")
    fun getCaptionsBlocking(captionsId: String): CaptionStatus = mapped { client.getCaptionsBlocking(captionsId) }

    // ---- project callbacks --------------------------------------------------------------------

    /** Registers a project callback for an event [group] (`archive`, `connection`, …) and [event]. */
    @Throws(OpenTokException::class)
    suspend fun registerCallback(group: String, event: String, url: String): Callback =
        mapped { client.registerCallback(group, event, url) }

    /** Blocking [registerCallback]. */
    @Throws(OpenTokException::class)
    @JvmName("registerCallback")
    fun registerCallbackBlocking(group: String, event: String, url: String): Callback =
        mapped { client.registerCallbackBlocking(group, event, url) }

    /** Lists project callbacks. */
    @Throws(OpenTokException::class)
    suspend fun listCallbacks(): List<Callback> = mapped { client.listCallbacks() }

    /** Blocking [listCallbacks]. */
    @Throws(OpenTokException::class)
    @JvmName("listCallbacks")
    fun listCallbacksBlocking(): List<Callback> = mapped { client.listCallbacksBlocking() }

    /** Unregisters a project callback. */
    @Throws(OpenTokException::class)
    suspend fun unregisterCallback(callbackId: String): Unit = mapped { client.unregisterCallback(callbackId) }

    /** Blocking [unregisterCallback]. */
    @Throws(OpenTokException::class)
    @JvmName("unregisterCallback")
    fun unregisterCallbackBlocking(callbackId: String): Unit = mapped { client.unregisterCallbackBlocking(callbackId) }

    // ---- paging -------------------------------------------------------------------------------

    private fun <T> allPages(pageSize: Int, page: suspend (offset: Int, count: Int) -> Pair<Long?, List<T>>): Flow<T> {
        require(pageSize in 1..1000) { "pageSize must be within 1..1000" }
        return flow {
            var offset = 0
            while (true) {
                val (total, items) = page(offset, pageSize)
                for (item in items) emit(item)
                offset += items.size
                if (items.size < pageSize || (total != null && offset >= total)) break
            }
        }
    }

    /** Every archive (optionally of one session), requested page by page as the flow is collected. */
    @JvmOverloads
    fun listAllArchives(sessionId: String? = null, pageSize: Int = 1000): Flow<Archive> =
        allPages(pageSize) { o, c -> listArchives(sessionId, o, c).let { it.totalCount to it.items } }

    /** Every broadcast (optionally of one session), requested page by page as the flow is collected. */
    @JvmOverloads
    fun listAllBroadcasts(sessionId: String? = null, pageSize: Int = 1000): Flow<Broadcast> =
        allPages(pageSize) { o, c -> listBroadcasts(sessionId, o, c).let { it.totalCount to it.items } }

    /** Every render, requested page by page as the flow is collected. */
    @JvmOverloads
    fun listAllRenders(pageSize: Int = 1000): Flow<Render> =
        allPages(pageSize) { o, c -> listRenders(o, c).let { it.totalCount to it.items } }

    /** Blocking [listAllArchives]: a list of every archive (one request per page). */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listAllArchivesBlocking(sessionId: String? = null, pageSize: Int = 1000): List<Archive> =
        runBlocking { listAllArchives(sessionId, pageSize).toList() }

    /** Blocking [listAllBroadcasts]: a list of every broadcast (one request per page). */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listAllBroadcastsBlocking(sessionId: String? = null, pageSize: Int = 1000): List<Broadcast> =
        runBlocking { listAllBroadcasts(sessionId, pageSize).toList() }

    /** Blocking [listAllRenders]: a list of every render (one request per page). */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listAllRendersBlocking(pageSize: Int = 1000): List<Render> = runBlocking { listAllRenders(pageSize).toList() }

    // ---- low level ----------------------------------------------------------------------------

    /**
     * Runs any operation by its core name (`start_archive`, …) with JSON arguments (snake_case or
     * camelCase; unknown keys are sent as given) and returns the service's JSON answer as received
     * (`null` for operations without a body).
     */
    @Throws(OpenTokException::class)
    suspend fun call(operation: String, argsJson: String): String = mapped { client.callJson(operation, argsJson) }

    /** Blocking [call]. */
    @Throws(OpenTokException::class)
    @JvmName("call")
    fun callBlocking(operation: String, argsJson: String): String = mapped { client.callJsonBlocking(operation, argsJson) }
}
