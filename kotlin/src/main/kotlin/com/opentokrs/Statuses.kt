@file:JvmName("Statuses")

package com.opentokrs

// Enums of the Java SDK for values the service sends as strings. The result records keep the
// string (an unknown value from the service is never an error); these give the constant when it is
// one this version knows: `archive.archiveStatus` in Kotlin, `ArchiveStatus.of(archive.getStatus())`
// in Java.

/** An archive's state (Java SDK `Archive.Status`). */
enum class ArchiveStatus(val value: String) {
    AVAILABLE("available"),
    EXPIRED("expired"),
    FAILED("failed"),
    PAUSED("paused"),
    STARTED("started"),
    STOPPED("stopped"),
    UPLOADED("uploaded"),
    DELETED("deleted"),
    ;

    override fun toString(): String = value

    companion object {
        /** The constant for [value], or null when it is absent or unknown. */
        @JvmStatic
        fun of(value: String?): ArchiveStatus? = entries.firstOrNull { it.value == value }
    }
}

/** A broadcast's state. */
enum class BroadcastStatus(val value: String) {
    STARTED("started"),
    STOPPED("stopped"),
    ;

    override fun toString(): String = value

    companion object {
        /** The constant for [value], or null when it is absent or unknown. */
        @JvmStatic
        fun of(value: String?): BroadcastStatus? = entries.firstOrNull { it.value == value }
    }
}

/** An Experience Composer render's state (Java SDK `RenderStatus`). */
enum class RenderStatus(val value: String) {
    STARTING("starting"),
    STARTED("started"),
    STOPPED("stopped"),
    FAILED("failed"),
    ;

    override fun toString(): String = value

    companion object {
        /** The constant for [value], or null when it is absent or unknown. */
        @JvmStatic
        fun of(value: String?): RenderStatus? = entries.firstOrNull { it.value == value }
    }
}

/** A client connection's state (Java SDK `Connection.ConnectionState`). */
enum class ConnectionState(val value: String) {
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    DISCONNECTED("Disconnected"),
    ;

    override fun toString(): String = value

    companion object {
        /** The constant for [value] (case-insensitive), or null when it is absent or unknown. */
        @JvmStatic
        fun of(value: String?): ConnectionState? = entries.firstOrNull { it.value.equals(value, ignoreCase = true) }
    }
}

/** Archive, broadcast and render resolutions (Java SDK `Resolution`); pass [value] as a `resolution` option. */
enum class Resolution(val value: String) {
    SD_HORIZONTAL("640x480"),
    SD_VERTICAL("480x640"),
    HD_HORIZONTAL("1280x720"),
    HD_VERTICAL("720x1280"),
    FHD_HORIZONTAL("1920x1080"),
    FHD_VERTICAL("1080x1920"),
    ;

    override fun toString(): String = value

    companion object {
        /** The constant for [value], or null when it is absent or unknown. */
        @JvmStatic
        fun of(value: String?): Resolution? = entries.firstOrNull { it.value == value }
    }
}

/** [Archive.status] as an [ArchiveStatus] (null when absent or unknown; the string stays in `status`). */
val Archive.archiveStatus: ArchiveStatus? get() = ArchiveStatus.of(status)

/** [Broadcast.status] as a [BroadcastStatus]. */
val Broadcast.broadcastStatus: BroadcastStatus? get() = BroadcastStatus.of(status)

/** [Render.status] as a [RenderStatus]. */
val Render.renderStatus: RenderStatus? get() = RenderStatus.of(status)

/** [Connection.connectionState] as a [ConnectionState]. */
val Connection.state: ConnectionState? get() = ConnectionState.of(connectionState)

/** [Archive.resolution] as a [Resolution]. */
val Archive.resolutionValue: Resolution? get() = Resolution.of(resolution)
