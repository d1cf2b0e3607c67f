package com.opentokrs

import com.opentokrs.ffi.ClientConfig
import com.opentokrs.ffi.OpenTokClient
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
data class OpenTokOptions(
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
        fun decodeSessionId(sessionId: String): SessionIdInfo = mapped { com.opentokrs.ffi.decodeSessionId(sessionId) }

        /** Names of every REST operation of the native core (`create_session`, `start_archive`, …). */
        @JvmStatic
        fun operations(): List<String> = com.opentokrs.ffi.operations()
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
    @JvmOverloads
    fun generateToken(sessionId: String, options: TokenOptions = TokenOptions()): String =
        mapped { client.generateToken(sessionId, options, this.options.clock.millis() / 1000, null) }

    // ---- sessions -----------------------------------------------------------------------------

    /** Creates a session (relayed and manually archived unless [properties] say otherwise). */
    suspend fun createSession(properties: SessionProperties = SessionProperties()): Session =
        mapped { client.createSession(properties) }

    /** Blocking [createSession]. */
    @JvmOverloads
    fun createSessionBlocking(properties: SessionProperties = SessionProperties()): Session =
        mapped { client.createSessionBlocking(properties) }

    // ---- archives -----------------------------------------------------------------------------

    /** Starts recording [sessionId]. */
    suspend fun startArchive(sessionId: String, properties: ArchiveProperties = ArchiveProperties()): Archive =
        mapped { client.startArchive(sessionId, properties) }

    /** Blocking [startArchive]. */
    @JvmOverloads
    fun startArchiveBlocking(sessionId: String, properties: ArchiveProperties = ArchiveProperties()): Archive =
        mapped { client.startArchiveBlocking(sessionId, properties) }

    /** Stops a recording archive. */
    suspend fun stopArchive(archiveId: String): Archive = mapped { client.stopArchive(archiveId) }

    /** Blocking [stopArchive]. */
    fun stopArchiveBlocking(archiveId: String): Archive = mapped { client.stopArchiveBlocking(archiveId) }

    /** Reads an archive. */
    suspend fun getArchive(archiveId: String): Archive = mapped { client.getArchive(archiveId) }

    /** Blocking [getArchive]. */
    fun getArchiveBlocking(archiveId: String): Archive = mapped { client.getArchiveBlocking(archiveId) }

    /** Lists archives (one page, newest first), optionally of one session. */
    suspend fun listArchives(sessionId: String? = null, offset: Int? = null, count: Int? = null): ArchiveList =
        mapped { client.listArchives(offset?.toLong(), count?.toLong(), sessionId) }

    /** Blocking [listArchives]. */
    @JvmOverloads
    fun listArchivesBlocking(sessionId: String? = null, offset: Int? = null, count: Int? = null): ArchiveList =
        mapped { client.listArchivesBlocking(offset?.toLong(), count?.toLong(), sessionId) }

    /** Deletes an archive (it must be `available`, `uploaded` or `deleted`). */
    suspend fun deleteArchive(archiveId: String): Unit = mapped { client.deleteArchive(archiveId) }

    /** Blocking [deleteArchive]. */
    fun deleteArchiveBlocking(archiveId: String): Unit = mapped { client.deleteArchiveBlocking(archiveId) }

    /** Changes a composed archive's layout. */
    suspend fun setArchiveLayout(archiveId: String, layout: ArchiveLayout): Unit =
        mapped { client.setArchiveLayout(archiveId, layout) }

    /** Blocking [setArchiveLayout]. */
    fun setArchiveLayoutBlocking(archiveId: String, layout: ArchiveLayout): Unit =
        mapped { client.setArchiveLayoutBlocking(archiveId, layout) }

    /** Adds a stream to a manual-mode archive. */
    suspend fun addArchiveStream(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addArchiveStream(archiveId, streamId, hasAudio, hasVideo) }

    /** Blocking [addArchiveStream]. */
    @JvmOverloads
    fun addArchiveStreamBlocking(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addArchiveStreamBlocking(archiveId, streamId, hasAudio, hasVideo) }

    /** Removes a stream from a manual-mode archive. */
    suspend fun removeArchiveStream(archiveId: String, streamId: String): Unit =
        mapped { client.removeArchiveStream(archiveId, streamId) }

    /** Blocking [removeArchiveStream]. */
    fun removeArchiveStreamBlocking(archiveId: String, streamId: String): Unit =
        mapped { client.removeArchiveStreamBlocking(archiveId, streamId) }

    // ---- broadcasts ---------------------------------------------------------------------------

    /** Starts a live-streaming broadcast (HLS and/or RTMP). */
    suspend fun startBroadcast(sessionId: String, properties: BroadcastProperties): Broadcast =
        mapped { client.startBroadcast(sessionId, properties) }

    /** Blocking [startBroadcast]. */
    fun startBroadcastBlocking(sessionId: String, properties: BroadcastProperties): Broadcast =
        mapped { client.startBroadcastBlocking(sessionId, properties) }

    /** Stops a broadcast. */
    suspend fun stopBroadcast(broadcastId: String): Broadcast = mapped { client.stopBroadcast(broadcastId) }

    /** Blocking [stopBroadcast]. */
    fun stopBroadcastBlocking(broadcastId: String): Broadcast = mapped { client.stopBroadcastBlocking(broadcastId) }

    /** Reads a broadcast. */
    suspend fun getBroadcast(broadcastId: String): Broadcast = mapped { client.getBroadcast(broadcastId) }

    /** Blocking [getBroadcast]. */
    fun getBroadcastBlocking(broadcastId: String): Broadcast = mapped { client.getBroadcastBlocking(broadcastId) }

    /** Lists broadcasts (one page), optionally of one session. */
    suspend fun listBroadcasts(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        mapped { client.listBroadcasts(offset?.toLong(), count?.toLong(), sessionId) }

    /** Blocking [listBroadcasts]. */
    @JvmOverloads
    fun listBroadcastsBlocking(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        mapped { client.listBroadcastsBlocking(offset?.toLong(), count?.toLong(), sessionId) }

    /** Changes a broadcast's layout. */
    suspend fun setBroadcastLayout(broadcastId: String, layout: BroadcastLayout): Unit =
        mapped { client.setBroadcastLayout(broadcastId, layout) }

    /** Blocking [setBroadcastLayout]. */
    fun setBroadcastLayoutBlocking(broadcastId: String, layout: BroadcastLayout): Unit =
        mapped { client.setBroadcastLayoutBlocking(broadcastId, layout) }

    /** Adds a stream to a manual-mode broadcast. */
    suspend fun addBroadcastStream(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addBroadcastStream(broadcastId, streamId, hasAudio, hasVideo) }

    /** Blocking [addBroadcastStream]. */
    @JvmOverloads
    fun addBroadcastStreamBlocking(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true): Unit =
        mapped { client.addBroadcastStreamBlocking(broadcastId, streamId, hasAudio, hasVideo) }

    /** Removes a stream from a manual-mode broadcast. */
    suspend fun removeBroadcastStream(broadcastId: String, streamId: String): Unit =
        mapped { client.removeBroadcastStream(broadcastId, streamId) }

    /** Blocking [removeBroadcastStream]. */
    fun removeBroadcastStreamBlocking(broadcastId: String, streamId: String): Unit =
        mapped { client.removeBroadcastStreamBlocking(broadcastId, streamId) }

    // ---- streams and connections --------------------------------------------------------------

    /** Reads a stream of a session. */
    suspend fun getStream(sessionId: String, streamId: String): Stream = mapped { client.getStream(sessionId, streamId) }

    /** Blocking [getStream]. */
    fun getStreamBlocking(sessionId: String, streamId: String): Stream = mapped { client.getStreamBlocking(sessionId, streamId) }

    /** Lists the streams of a session. */
    suspend fun listStreams(sessionId: String): StreamList = mapped { client.listStreams(sessionId) }

    /** Blocking [listStreams]. */
    fun listStreamsBlocking(sessionId: String): StreamList = mapped { client.listStreamsBlocking(sessionId) }

    /** Changes the layout classes of several streams at once. */
    suspend fun setStreamLayouts(sessionId: String, streams: List<StreamClassList>): Unit =
        mapped { client.setStreamClassLists(sessionId, streams) }

    /** Blocking [setStreamLayouts]. */
    fun setStreamLayoutsBlocking(sessionId: String, streams: List<StreamClassList>): Unit =
        mapped { client.setStreamClassListsBlocking(sessionId, streams) }

    /** Changes one stream's layout classes. */
    suspend fun setStreamLayout(sessionId: String, streamId: String, layoutClassList: List<String>): Unit =
        mapped { client.setStreamClassList(sessionId, streamId, layoutClassList) }

    /** Blocking [setStreamLayout]. */
    fun setStreamLayoutBlocking(sessionId: String, streamId: String, layoutClassList: List<String>): Unit =
        mapped { client.setStreamClassListBlocking(sessionId, streamId, layoutClassList) }

    /** Lists the connections of a session. */
    suspend fun listConnections(sessionId: String): ConnectionList = mapped { client.listConnections(sessionId) }

    /** Blocking [listConnections]. */
    fun listConnectionsBlocking(sessionId: String): ConnectionList = mapped { client.listConnectionsBlocking(sessionId) }

    // ---- signals and moderation ---------------------------------------------------------------

    /** Sends a signal to every client of [sessionId]. */
    suspend fun signal(sessionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignal(sessionId, null, properties) }

    /** Sends a signal to one connection. */
    suspend fun signal(sessionId: String, connectionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignal(sessionId, connectionId, properties) }

    /** Blocking [signal] to every client. */
    fun signalBlocking(sessionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignalBlocking(sessionId, null, properties) }

    /** Blocking [signal] to one connection. */
    fun signalBlocking(sessionId: String, connectionId: String, properties: SignalProperties): Unit =
        mapped { client.sendSignalBlocking(sessionId, connectionId, properties) }

    /** Disconnects a client. */
    suspend fun forceDisconnect(sessionId: String, connectionId: String): Unit =
        mapped { client.forceDisconnect(sessionId, connectionId) }

    /** Blocking [forceDisconnect]. */
    fun forceDisconnectBlocking(sessionId: String, connectionId: String): Unit =
        mapped { client.forceDisconnectBlocking(sessionId, connectionId) }

    /** Force-mutes one stream's audio. */
    suspend fun forceMuteStream(sessionId: String, streamId: String): Unit = mapped { client.muteStream(sessionId, streamId) }

    /** Blocking [forceMuteStream]. */
    fun forceMuteStreamBlocking(sessionId: String, streamId: String): Unit =
        mapped { client.muteStreamBlocking(sessionId, streamId) }

    /** Force-mutes every stream (and later publishers) except [excludedStreamIds]. */
    suspend fun forceMuteAll(sessionId: String, excludedStreamIds: List<String> = emptyList()): Unit =
        mapped { client.muteAll(sessionId, excludedStreamIds) }

    /** Blocking [forceMuteAll]. */
    @JvmOverloads
    fun forceMuteAllBlocking(sessionId: String, excludedStreamIds: List<String> = emptyList()): Unit =
        mapped { client.muteAllBlocking(sessionId, excludedStreamIds) }

    /** Ends a mute-all. */
    suspend fun disableForceMute(sessionId: String): Unit = mapped { client.disableForceMute(sessionId) }

    /** Blocking [disableForceMute]. */
    fun disableForceMuteBlocking(sessionId: String): Unit = mapped { client.disableForceMuteBlocking(sessionId) }

    // ---- SIP ----------------------------------------------------------------------------------

    /** Dials a SIP endpoint into a routed session. */
    suspend fun dial(sessionId: String, token: String, properties: SipProperties): SipCall =
        mapped { client.dial(sessionId, token, properties) }

    /** Blocking [dial]. */
    fun dialBlocking(sessionId: String, token: String, properties: SipProperties): SipCall =
        mapped { client.dialBlocking(sessionId, token, properties) }

    /** Plays DTMF [digits] (`0-9`, `*`, `#`, `p`) to every SIP participant of the session. */
    suspend fun playDTMF(sessionId: String, digits: String): Unit = mapped { client.playDtmf(sessionId, null, digits) }

    /** Plays DTMF [digits] to one connection. */
    suspend fun playDTMF(sessionId: String, connectionId: String, digits: String): Unit =
        mapped { client.playDtmf(sessionId, connectionId, digits) }

    /** Blocking [playDTMF] to the session. */
    fun playDTMFBlocking(sessionId: String, digits: String): Unit = mapped { client.playDtmfBlocking(sessionId, null, digits) }

    /** Blocking [playDTMF] to one connection. */
    fun playDTMFBlocking(sessionId: String, connectionId: String, digits: String): Unit =
        mapped { client.playDtmfBlocking(sessionId, connectionId, digits) }

    // ---- Experience Composer ------------------------------------------------------------------

    /** Starts an Experience Composer render of a web page into the session. */
    suspend fun startRender(sessionId: String, token: String, properties: RenderProperties): Render =
        mapped { client.startRender(sessionId, token, properties) }

    /** Blocking [startRender]. */
    fun startRenderBlocking(sessionId: String, token: String, properties: RenderProperties): Render =
        mapped { client.startRenderBlocking(sessionId, token, properties) }

    /** Reads a render. */
    suspend fun getRender(renderId: String): Render = mapped { client.getRender(renderId) }

    /** Blocking [getRender]. */
    fun getRenderBlocking(renderId: String): Render = mapped { client.getRenderBlocking(renderId) }

    /** Stops a render. */
    suspend fun stopRender(renderId: String): Unit = mapped { client.stopRender(renderId) }

    /** Blocking [stopRender]. */
    fun stopRenderBlocking(renderId: String): Unit = mapped { client.stopRenderBlocking(renderId) }

    /** Lists renders (one page). */
    suspend fun listRenders(offset: Int? = null, count: Int? = null): RenderList =
        mapped { client.listRenders(offset?.toLong(), count?.toLong()) }

    /** Blocking [listRenders]. */
    @JvmOverloads
    fun listRendersBlocking(offset: Int? = null, count: Int? = null): RenderList =
        mapped { client.listRendersBlocking(offset?.toLong(), count?.toLong()) }

    // ---- Audio Connector ----------------------------------------------------------------------

    /** Streams session audio to a WebSocket (Audio Connector). */
    suspend fun connectAudioStream(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        mapped { client.connectAudio(sessionId, token, properties) }

    /** Blocking [connectAudioStream]. */
    fun connectAudioStreamBlocking(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        mapped { client.connectAudioBlocking(sessionId, token, properties) }

    /** Stops an Audio Connector, given the connection id [connectAudioStream] returned. */
    suspend fun stopAudioConnector(connectionId: String): Unit = mapped { client.stopAudioConnector(connectionId) }

    /** Blocking [stopAudioConnector]. */
    fun stopAudioConnectorBlocking(connectionId: String): Unit = mapped { client.stopAudioConnectorBlocking(connectionId) }

    // ---- live captions ------------------------------------------------------------------------

    /** Starts live captions (the token must be a moderator token). */
    suspend fun startCaptions(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties()): Captions =
        mapped { client.startCaptions(sessionId, token, properties) }

    /** Blocking [startCaptions]. */
    @JvmOverloads
    fun startCaptionsBlocking(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties()): Captions =
        mapped { client.startCaptionsBlocking(sessionId, token, properties) }

    /** Stops live captions. */
    suspend fun stopCaptions(captionsId: String): Unit = mapped { client.stopCaptions(captionsId) }

    /** Blocking [stopCaptions]. */
    fun stopCaptionsBlocking(captionsId: String): Unit = mapped { client.stopCaptionsBlocking(captionsId) }

    /** Reads live caption status. */
    suspend fun getCaptions(captionsId: String): CaptionStatus = mapped { client.getCaptions(captionsId) }

    /** Blocking [getCaptions]. */
    fun getCaptionsBlocking(captionsId: String): CaptionStatus = mapped { client.getCaptionsBlocking(captionsId) }

    // ---- project callbacks --------------------------------------------------------------------

    /** Registers a project callback for an event [group] (`archive`, `connection`, …) and [event]. */
    suspend fun registerCallback(group: String, event: String, url: String): Callback =
        mapped { client.registerCallback(group, event, url) }

    /** Blocking [registerCallback]. */
    fun registerCallbackBlocking(group: String, event: String, url: String): Callback =
        mapped { client.registerCallbackBlocking(group, event, url) }

    /** Lists project callbacks. */
    suspend fun listCallbacks(): List<Callback> = mapped { client.listCallbacks() }

    /** Blocking [listCallbacks]. */
    fun listCallbacksBlocking(): List<Callback> = mapped { client.listCallbacksBlocking() }

    /** Unregisters a project callback. */
    suspend fun unregisterCallback(callbackId: String): Unit = mapped { client.unregisterCallback(callbackId) }

    /** Blocking [unregisterCallback]. */
    fun unregisterCallbackBlocking(callbackId: String): Unit = mapped { client.unregisterCallbackBlocking(callbackId) }

    // ---- low level ----------------------------------------------------------------------------

    /**
     * Runs any operation by its core name (`start_archive`, …) with snake_case JSON arguments and
     * returns the camelCase JSON answer (`null` for operations without a result). For options this
     * package has no typed field for yet.
     */
    suspend fun call(operation: String, argsJson: String): String = mapped { client.callJson(operation, argsJson) }

    /** Blocking [call]. */
    fun callBlocking(operation: String, argsJson: String): String = mapped { client.callJsonBlocking(operation, argsJson) }
}
