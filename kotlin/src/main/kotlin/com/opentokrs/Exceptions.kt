package com.opentokrs

import com.opentokrs.ffi.NativeException

/**
 * Every error the SDK raises. `when (e) { is NotFoundException -> … }` is exhaustive over:
 * [InvalidArgumentException] (nothing was sent) and the [RequestException] family: the server
 * answered with an error status ([AuthenticationException], [NotFoundException],
 * [ConflictException], [RateLimitedException], [ApiException]; with [RequestException.status] and
 * the server's message), or no usable answer came ([RequestTimeoutException], [NetworkException],
 * [ResponseDecodeException]; `status` 0) — as the Java SDK raises `RequestException` for all of them.
 *
 * Like `com.opentok.exception.OpenTokException` of the Java SDK it is a checked exception
 * (extends [Exception]); every method that throws it declares so (`@Throws`), so Java callers
 * catch [OpenTokException], [InvalidArgumentException] and [RequestException] by name exactly as
 * with the Java SDK. The constructors declare nothing, as the Java SDK's do; they throw
 * [InvalidArgumentException] only for an empty or path-unsafe api key.
 */
sealed class OpenTokException(message: String, cause: Throwable? = null) : Exception(message, cause)

/** An argument failed validation before anything was sent. [field] is the snake_case option name. */
class InvalidArgumentException(val field: String, val reason: String, cause: Throwable? = null) :
    OpenTokException("invalid argument `$field`: $reason", cause)

/** The request failed: the server refused it, or no usable answer came (then [status] is 0). */
sealed class RequestException(
    /** HTTP status; 0 when no HTTP answer was read (timeout, network failure, undecodable body). */
    val status: Int,
    /** The server's `code`, if any. */
    val code: String?,
    /** The server's message. */
    val serverMessage: String,
    /** The request id the server attached, if any. */
    val requestId: String?,
    message: String,
    cause: Throwable?,
) : OpenTokException(message, cause)

/** 401/403: the credentials were rejected. */
class AuthenticationException(status: Int, code: String?, serverMessage: String, requestId: String?, message: String, cause: Throwable? = null) :
    RequestException(status, code, serverMessage, requestId, message, cause)

/** 404: the archive, broadcast, session, stream… does not exist. */
class NotFoundException(status: Int, code: String?, serverMessage: String, requestId: String?, message: String, cause: Throwable? = null) :
    RequestException(status, code, serverMessage, requestId, message, cause)

/** 409: the request conflicts with the resource's state (e.g. archiving a relayed session). */
class ConflictException(status: Int, code: String?, serverMessage: String, requestId: String?, message: String, cause: Throwable? = null) :
    RequestException(status, code, serverMessage, requestId, message, cause)

/** 429 after the retries: too many requests. [retryAfter] is in seconds when the server said. */
class RateLimitedException(
    status: Int, code: String?, serverMessage: String, requestId: String?, val retryAfter: Long?, message: String, cause: Throwable? = null,
) : RequestException(status, code, serverMessage, requestId, message, cause)

/** Any other error status (400, 405, 413, 5xx…). */
class ApiException(status: Int, code: String?, serverMessage: String, requestId: String?, message: String, cause: Throwable? = null) :
    RequestException(status, code, serverMessage, requestId, message, cause)

/** The request did not complete within the configured timeout. */
class RequestTimeoutException(message: String, cause: Throwable? = null) :
    RequestException(0, null, "", null, message, cause)

/** The connection failed (DNS, refused, reset, TLS, proxy). */
class NetworkException(message: String, cause: Throwable? = null) :
    RequestException(0, null, "", null, message, cause)

/** The server's answer could not be read (a body that is not JSON, or not the documented shape). */
class ResponseDecodeException(message: String, cause: Throwable? = null) :
    RequestException(0, null, "", null, message, cause)

/** Maps the native error to the package's exception hierarchy. */
internal fun NativeException.toOpenTok(): OpenTokException = when (this) {
    is NativeException.InvalidArgument -> InvalidArgumentException(field, reason, this)
    is NativeException.Auth -> AuthenticationException(status, code, serverMessage, requestId, detail, this)
    is NativeException.NotFound -> NotFoundException(status, code, serverMessage, requestId, detail, this)
    is NativeException.Conflict -> ConflictException(status, code, serverMessage, requestId, detail, this)
    is NativeException.RateLimited -> RateLimitedException(status, code, serverMessage, requestId, retryAfter, detail, this)
    is NativeException.Api -> ApiException(status, code, serverMessage, requestId, detail, this)
    is NativeException.Timeout -> RequestTimeoutException(detail, this)
    is NativeException.Network -> NetworkException(detail, this)
    is NativeException.Decode -> ResponseDecodeException(detail, this)
}

/** Runs [block], turning native errors into [OpenTokException]s. */
internal inline fun <T> mapped(block: () -> T): T =
    try {
        block()
    } catch (e: NativeException) {
        throw e.toOpenTok()
    }
