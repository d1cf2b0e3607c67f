package com.opentokrs

import com.opentokrs.ffi.CallbackEvent
import com.opentokrs.ffi.WebhookException
import com.opentokrs.ffi.parseWebhook

/**
 * Typed, verified callbacks (webhooks) from the OpenTok / Vonage Video service; beyond the official
 * SDKs. Works with any server framework: pass the raw body bytes and the request headers.
 *
 * ```
 * val event = Webhooks.parse(call.receive<ByteArray>(), headersOf(call), secret = signatureSecret)
 * if (event.kind == "archive" && event.status == "available") save(event.id, event.url)
 * ```
 *
 * With [secret], the Authorization header's JWT must be HS256-signed with the signature secret,
 * within exp/iat (with [leewaySeconds] of skew), and its payload_hash (when present) must be the
 * SHA-256 of the body; otherwise [WebhookException.Verification] is thrown (its `code` says why).
 */
object Webhooks {
    @JvmStatic
    @JvmOverloads
    @Throws(WebhookException::class)
    fun parse(
        body: ByteArray,
        headers: Map<String, String> = emptyMap(),
        secret: String? = null,
        leewaySeconds: Long = 60,
        nowEpochSeconds: Long? = null,
    ): CallbackEvent = parseWebhook(body, headers, secret, leewaySeconds.toULong(), nowEpochSeconds)

    /** Like [parse], for headers with several values per name (joined with ", "). */
    @JvmStatic
    @Throws(WebhookException::class)
    fun parseMulti(body: ByteArray, headers: Map<String, List<String>>, secret: String? = null): CallbackEvent =
        parse(body, headers.mapValues { it.value.joinToString(", ") }, secret)
}
