// Typed, verified callbacks (webhooks) from the OpenTok / Vonage Video service; beyond the official
// SDKs. A thin wrapper over the generated `parseWebhook` (opentok_uniffi.swift).

import Foundation

/// Parses (and, with a signature secret, verifies) the callbacks the service sends to your server.
///
/// ```swift
/// let event = try Webhooks.parse(body: request.body, headers: request.headers, secret: signatureSecret)
/// if event.kind == "archive" && event.status == "available" { save(event.id, event.url) }
/// ```
///
/// With `secret`, the Authorization header's JWT must be HS256-signed with the signature secret,
/// within exp/iat (with `leewaySeconds` of skew), and its payload_hash (when present) must be the
/// SHA-256 of the body; otherwise `WebhookException.Verification` is thrown (its `code` says why).
public enum Webhooks {
    public static func parse(
        body: Data,
        headers: [String: String] = [:],
        secret: String? = nil,
        leewaySeconds: UInt64 = 60,
        now: Int64? = nil
    ) throws -> CallbackEvent {
        try parseWebhook(body: body, headers: headers, secret: secret, leewaySeconds: leewaySeconds, now: now)
    }
}
