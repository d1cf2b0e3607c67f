// The idiomatic Swift surface of the OpenTok package: a thin wrapper over the UniFFI-generated
// `OpenTokClient` (opentok_uniffi.swift, generated — do not edit that file by hand).
//
// Option structs (`SessionProperties`, `ArchiveProperties`, `BroadcastProperties`, `TokenOptions`, …)
// and result structs (`Session`, `Archive`, `Broadcast`, …) are the generated records: public
// structs whose initialisers default every optional field.

import Foundation

/// Every error the SDK throws.
public enum OpenTokError: Error, CustomStringConvertible, Equatable {
    /// An argument failed validation; nothing was sent. `field` is the snake_case option name.
    case invalidArgument(field: String, reason: String)
    /// 401/403: the credentials were rejected.
    case authentication(status: Int, code: String?, message: String, requestId: String?)
    /// 404: the resource does not exist.
    case notFound(status: Int, code: String?, message: String, requestId: String?)
    /// 409: the request conflicts with the resource's state.
    case conflict(status: Int, code: String?, message: String, requestId: String?)
    /// 429 after the retries; `retryAfter` in seconds when the server said.
    case rateLimited(status: Int, code: String?, message: String, requestId: String?, retryAfter: Int64?)
    /// Any other error status (400, 405, 413, 5xx…).
    case api(status: Int, code: String?, message: String, requestId: String?)
    /// The request did not complete in time.
    case timeout(String)
    /// The connection failed.
    case network(String)
    /// The server's answer was not what the API documents.
    case decode(String)

    init(_ e: NativeError) {
        switch e {
        case let .InvalidArgument(field, reason):
            self = .invalidArgument(field: field, reason: reason)
        case let .Auth(status, code, serverMessage, requestId, _):
            self = .authentication(status: Int(status), code: code, message: serverMessage, requestId: requestId)
        case let .NotFound(status, code, serverMessage, requestId, _):
            self = .notFound(status: Int(status), code: code, message: serverMessage, requestId: requestId)
        case let .Conflict(status, code, serverMessage, requestId, _):
            self = .conflict(status: Int(status), code: code, message: serverMessage, requestId: requestId)
        case let .RateLimited(status, code, serverMessage, requestId, retryAfter, _):
            self = .rateLimited(status: Int(status), code: code, message: serverMessage, requestId: requestId, retryAfter: retryAfter)
        case let .Api(status, code, serverMessage, requestId, _):
            self = .api(status: Int(status), code: code, message: serverMessage, requestId: requestId)
        case let .Timeout(detail):
            self = .timeout(detail)
        case let .Network(detail):
            self = .network(detail)
        case let .Decode(detail):
            self = .decode(detail)
        }
    }

    /// HTTP status, for errors the server answered.
    public var status: Int? {
        switch self {
        case let .authentication(s, _, _, _), let .notFound(s, _, _, _), let .conflict(s, _, _, _),
             let .rateLimited(s, _, _, _, _), let .api(s, _, _, _):
            return s
        default:
            return nil
        }
    }

    public var description: String {
        switch self {
        case let .invalidArgument(field, reason): return "invalid argument `\(field)`: \(reason)"
        case let .authentication(s, _, m, _): return "authentication failed (HTTP \(s)): \(m)"
        case let .notFound(s, _, m, _): return "not found (HTTP \(s)): \(m)"
        case let .conflict(s, _, m, _): return "conflict (HTTP \(s)): \(m)"
        case let .rateLimited(s, _, m, _, _): return "rate limited (HTTP \(s)): \(m)"
        case let .api(s, _, m, _): return "request failed (HTTP \(s)): \(m)"
        case let .timeout(m): return "request timed out: \(m)"
        case let .network(m): return "network error: \(m)"
        case let .decode(m): return "could not decode the response: \(m)"
        }
    }
}

/// Client settings. `description` never shows proxy credentials.
public struct OpenTokOptions: CustomStringConvertible {
    /// Base URL (default `https://api.opentok.com`, or the Vonage URL for application credentials).
    public var apiUrl: String?
    /// Request timeout in seconds (default 20).
    public var requestTimeout: TimeInterval?
    /// Connect timeout in seconds (default 5).
    public var connectTimeout: TimeInterval?
    /// Proxy URL, e.g. `http://user:pass@proxy:3128`.
    public var proxy: String?
    /// Appended to the User-Agent.
    public var userAgentAddendum: String?
    /// Retries of idempotent requests on 429/502/503/504 and connection errors.
    public var maxRetries: UInt32?
    /// First retry delay in seconds.
    public var retryBaseDelay: TimeInterval?
    /// Longest retry delay in seconds.
    public var retryMaxDelay: TimeInterval?
    /// The host clock used for client tokens (`Date()` by default); replace it to freeze time in tests.
    public var now: () -> Date

    public init(
        apiUrl: String? = nil, requestTimeout: TimeInterval? = nil, connectTimeout: TimeInterval? = nil,
        proxy: String? = nil, userAgentAddendum: String? = nil, maxRetries: UInt32? = nil,
        retryBaseDelay: TimeInterval? = nil, retryMaxDelay: TimeInterval? = nil, now: @escaping () -> Date = { Date() }
    ) {
        self.apiUrl = apiUrl
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.proxy = proxy
        self.userAgentAddendum = userAgentAddendum
        self.maxRetries = maxRetries
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.now = now
    }

    public var description: String {
        let p = proxy.map { $0.replacingOccurrences(of: "//[^/@]*@", with: "//[redacted]@", options: .regularExpression) }
        return "OpenTokOptions(apiUrl: \(apiUrl ?? "default"), proxy: \(p ?? "none"))"
    }

    var config: ClientConfig {
        ClientConfig(
            apiUrl: apiUrl, timeout: requestTimeout, connectTimeout: connectTimeout, proxy: proxy,
            uaAddendum: userAgentAddendum, language: "swift/5", maxRetries: maxRetries,
            retryBaseDelay: retryBaseDelay, retryMaxDelay: retryMaxDelay
        )
    }
}

private func mapped<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let e as NativeError {
        throw OpenTokError(e)
    }
}

private func mappedSync<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as NativeError {
        throw OpenTokError(e)
    }
}

/// The OpenTok / Vonage Video server API: client tokens and every REST operation as `async throws`
/// methods. Thread-safe; share one instance.
///
/// ```swift
/// let opentok = try OpenTok(apiKey: "123456", apiSecret: secret)
/// let session = try await opentok.createSession(SessionProperties(mediaMode: .routed))
/// let token = try opentok.generateToken(sessionId: session.sessionId, options: TokenOptions(role: .moderator))
/// let archive = try await opentok.startArchive(sessionId: session.sessionId, properties: ArchiveProperties(name: "Class"))
/// ```
public final class OpenTok: CustomStringConvertible, @unchecked Sendable {
    private let client: OpenTokClient
    private let options: OpenTokOptions

    /// A client for project credentials (api key + secret).
    public init(apiKey: String, apiSecret: String, options: OpenTokOptions = OpenTokOptions()) throws {
        self.client = try mappedSync { try OpenTokClient(apiKey: apiKey, apiSecret: apiSecret, config: options.config) }
        self.options = options
    }

    /// A client for project credentials with the numeric api key of the Java and .NET SDKs.
    public convenience init(apiKey: Int, apiSecret: String, options: OpenTokOptions = OpenTokOptions()) throws {
        try self.init(apiKey: String(apiKey), apiSecret: apiSecret, options: options)
    }

    /// A client for Vonage application credentials (application id + RSA private key PEM).
    public init(applicationId: String, privateKey: String, options: OpenTokOptions = OpenTokOptions()) throws {
        self.client = try mappedSync {
            try OpenTokClient.withApplication(applicationId: applicationId, privateKey: privateKey, config: options.config)
        }
        self.options = options
    }

    /// The base URL requests go to.
    public var apiUrl: String { client.apiUrl() }

    /// The api key (or application id) used in request paths.
    public var apiKey: String { client.projectId() }

    public var description: String { "OpenTok(apiKey: \(apiKey), apiUrl: \(apiUrl))" }

    // MARK: tokens (no I/O)

    /// Mints a client token using the configured clock.
    public func generateToken(sessionId: String, options: TokenOptions = TokenOptions()) throws -> String {
        let now = Int64(self.options.now().timeIntervalSince1970)
        return try mappedSync { try client.generateToken(sessionId: sessionId, options: options, nowSeconds: now, nonce: nil) }
    }

    /// Decodes the api key, location and creation time encoded in a session id.
    public static func decodeSessionId(_ sessionId: String) throws -> SessionIdInfo {
        try mappedSync { try OpenTok_decodeSessionId(sessionId) }
    }

    // MARK: sessions

    /// Creates a session (relayed and manually archived unless `properties` say otherwise).
    public func createSession(_ properties: SessionProperties = SessionProperties()) async throws -> Session {
        try await mapped { try await client.createSession(properties: properties) }
    }

    // MARK: archives

    /// Starts recording a session.
    public func startArchive(sessionId: String, properties: ArchiveProperties = ArchiveProperties()) async throws -> Archive {
        try await mapped { try await client.startArchive(sessionId: sessionId, properties: properties) }
    }

    /// Starts recording `sessionId` into an archive called `name` (Java SDK `startArchive(sessionId, name)`).
    public func startArchive(sessionId: String, name: String) async throws -> Archive {
        try await startArchive(sessionId: sessionId, properties: ArchiveProperties(name: name))
    }

    /// Stops a recording archive.
    public func stopArchive(archiveId: String) async throws -> Archive {
        try await mapped { try await client.stopArchive(archiveId: archiveId) }
    }

    /// Reads an archive.
    public func getArchive(archiveId: String) async throws -> Archive {
        try await mapped { try await client.getArchive(archiveId: archiveId) }
    }

    /// Lists archives (one page, newest first), optionally of one session.
    public func listArchives(sessionId: String? = nil, offset: Int? = nil, count: Int? = nil) async throws -> ArchiveList {
        try await mapped { try await client.listArchives(offset: offset.map(Int64.init), count: count.map(Int64.init), sessionId: sessionId) }
    }

    /// Deletes an archive.
    public func deleteArchive(archiveId: String) async throws {
        try await mapped { try await client.deleteArchive(archiveId: archiveId) }
    }

    /// Changes a composed archive's layout.
    public func setArchiveLayout(archiveId: String, layout: Layout) async throws {
        try await mapped { try await client.setArchiveLayout(archiveId: archiveId, layout: layout) }
    }

    /// Adds a stream to a manual-mode archive.
    public func addArchiveStream(archiveId: String, streamId: String, hasAudio: Bool = true, hasVideo: Bool = true) async throws {
        try await mapped {
            try await client.addArchiveStream(archiveId: archiveId, streamId: streamId, hasAudio: hasAudio, hasVideo: hasVideo)
        }
    }

    /// Removes a stream from a manual-mode archive.
    public func removeArchiveStream(archiveId: String, streamId: String) async throws {
        try await mapped { try await client.removeArchiveStream(archiveId: archiveId, streamId: streamId) }
    }

    // MARK: broadcasts

    /// Starts a live-streaming broadcast (HLS and/or RTMP).
    public func startBroadcast(sessionId: String, properties: BroadcastProperties) async throws -> Broadcast {
        try await mapped { try await client.startBroadcast(sessionId: sessionId, properties: properties) }
    }

    /// Stops a broadcast.
    public func stopBroadcast(broadcastId: String) async throws -> Broadcast {
        try await mapped { try await client.stopBroadcast(broadcastId: broadcastId) }
    }

    /// Reads a broadcast.
    public func getBroadcast(broadcastId: String) async throws -> Broadcast {
        try await mapped { try await client.getBroadcast(broadcastId: broadcastId) }
    }

    /// Lists broadcasts (one page), optionally of one session.
    public func listBroadcasts(sessionId: String? = nil, offset: Int? = nil, count: Int? = nil) async throws -> BroadcastList {
        try await mapped { try await client.listBroadcasts(offset: offset.map(Int64.init), count: count.map(Int64.init), sessionId: sessionId) }
    }

    /// Changes a broadcast's layout.
    public func setBroadcastLayout(broadcastId: String, layout: Layout) async throws {
        try await mapped { try await client.setBroadcastLayout(broadcastId: broadcastId, layout: layout) }
    }

    /// Adds a stream to a manual-mode broadcast.
    public func addBroadcastStream(broadcastId: String, streamId: String, hasAudio: Bool = true, hasVideo: Bool = true) async throws {
        try await mapped {
            try await client.addBroadcastStream(broadcastId: broadcastId, streamId: streamId, hasAudio: hasAudio, hasVideo: hasVideo)
        }
    }

    /// Removes a stream from a manual-mode broadcast.
    public func removeBroadcastStream(broadcastId: String, streamId: String) async throws {
        try await mapped { try await client.removeBroadcastStream(broadcastId: broadcastId, streamId: streamId) }
    }

    // MARK: streams and connections

    /// Reads a stream of a session.
    public func getStream(sessionId: String, streamId: String) async throws -> StreamInfo {
        try await mapped { try await client.getStream(sessionId: sessionId, streamId: streamId) }
    }

    /// Lists the streams of a session.
    public func listStreams(sessionId: String) async throws -> StreamList {
        try await mapped { try await client.listStreams(sessionId: sessionId) }
    }

    /// Changes the layout classes of several streams at once.
    public func setStreamLayouts(sessionId: String, streams: [StreamClassList]) async throws {
        try await mapped { try await client.setStreamClassLists(sessionId: sessionId, items: streams) }
    }

    /// Changes one stream's layout classes.
    public func setStreamLayout(sessionId: String, streamId: String, layoutClassList: [String]) async throws {
        try await mapped { try await client.setStreamClassList(sessionId: sessionId, streamId: streamId, layoutClassList: layoutClassList) }
    }

    /// Lists the connections of a session.
    public func listConnections(sessionId: String) async throws -> ConnectionList {
        try await mapped { try await client.listConnections(sessionId: sessionId) }
    }

    // MARK: signals and moderation

    /// Sends a signal to every client of the session, or to one connection.
    public func signal(sessionId: String, connectionId: String? = nil, properties: SignalProperties) async throws {
        try await mapped { try await client.sendSignal(sessionId: sessionId, connectionId: connectionId, properties: properties) }
    }

    /// Disconnects a client.
    public func forceDisconnect(sessionId: String, connectionId: String) async throws {
        try await mapped { try await client.forceDisconnect(sessionId: sessionId, connectionId: connectionId) }
    }

    /// Force-mutes one stream's audio.
    public func forceMuteStream(sessionId: String, streamId: String) async throws {
        try await mapped { try await client.muteStream(sessionId: sessionId, streamId: streamId) }
    }

    /// Force-mutes every stream (and later publishers) except the excluded ones.
    public func forceMuteAll(sessionId: String, excludedStreamIds: [String] = []) async throws {
        try await mapped { try await client.muteAll(sessionId: sessionId, excludedStreamIds: excludedStreamIds) }
    }

    /// Ends a mute-all.
    public func disableForceMute(sessionId: String) async throws {
        try await mapped { try await client.disableForceMute(sessionId: sessionId) }
    }

    // MARK: SIP

    /// Dials a SIP endpoint into a routed session.
    public func dial(sessionId: String, token: String, properties: SipProperties) async throws -> SipCall {
        try await mapped { try await client.dial(sessionId: sessionId, token: token, properties: properties) }
    }

    /// Plays DTMF digits (`0-9`, `*`, `#`, `p`) to every SIP participant, or to one connection.
    public func playDTMF(sessionId: String, connectionId: String? = nil, digits: String) async throws {
        try await mapped { try await client.playDtmf(sessionId: sessionId, connectionId: connectionId, digits: digits) }
    }

    // MARK: Experience Composer

    /// Starts an Experience Composer render of a web page into the session.
    public func startRender(sessionId: String, token: String, properties: RenderProperties) async throws -> Render {
        try await mapped { try await client.startRender(sessionId: sessionId, token: token, properties: properties) }
    }

    /// Reads a render.
    public func getRender(renderId: String) async throws -> Render {
        try await mapped { try await client.getRender(renderId: renderId) }
    }

    /// Stops a render.
    public func stopRender(renderId: String) async throws {
        try await mapped { try await client.stopRender(renderId: renderId) }
    }

    /// Lists renders (one page).
    public func listRenders(offset: Int? = nil, count: Int? = nil) async throws -> RenderList {
        try await mapped { try await client.listRenders(offset: offset.map(Int64.init), count: count.map(Int64.init)) }
    }

    // MARK: Audio Connector

    /// Streams session audio to a WebSocket.
    public func connectAudioStream(sessionId: String, token: String, properties: AudioConnectorProperties) async throws -> AudioConnection {
        try await mapped { try await client.connectAudio(sessionId: sessionId, token: token, properties: properties) }
    }

    /// Stops an Audio Connector, given the connection id `connectAudioStream` returned.
    public func stopAudioConnector(connectionId: String) async throws {
        try await mapped { try await client.stopAudioConnector(connectionId: connectionId) }
    }

    // MARK: live captions

    /// Starts live captions (the token must be a moderator token).
    public func startCaptions(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties()) async throws -> Captions {
        try await mapped { try await client.startCaptions(sessionId: sessionId, token: token, properties: properties) }
    }

    /// Stops live captions.
    public func stopCaptions(captionsId: String) async throws {
        try await mapped { try await client.stopCaptions(captionsId: captionsId) }
    }

    /// Reads live caption status.
    public func getCaptions(captionsId: String) async throws -> CaptionStatus {
        try await mapped { try await client.getCaptions(captionsId: captionsId) }
    }

    // MARK: project callbacks

    /// Registers a project callback.
    public func registerCallback(group: String, event: String, url: String) async throws -> ProjectCallback {
        try await mapped { try await client.registerCallback(group: group, event: event, url: url) }
    }

    /// Lists project callbacks.
    public func listCallbacks() async throws -> [ProjectCallback] {
        try await mapped { try await client.listCallbacks() }
    }

    /// Unregisters a project callback.
    public func unregisterCallback(callbackId: String) async throws {
        try await mapped { try await client.unregisterCallback(callbackId: callbackId) }
    }

    // MARK: low level

    /// Runs any operation by its core name (`start_archive`, …) with snake_case JSON arguments;
    /// returns the camelCase JSON answer.
    public func call(operation: String, argsJson: String) async throws -> String {
        try await mapped { try await client.callJson(operation: operation, argsJson: argsJson) }
    }
}

/// The generated free function, reachable under a name the `OpenTok` class does not shadow.
private func OpenTok_decodeSessionId(_ sessionId: String) throws -> SessionIdInfo {
    try decodeSessionId(sessionId: sessionId)
}
