// Quick start: a session, a moderator token, an archive, a signal and a broadcast.
//
// Runs against the real OpenTok API when OPENTOK_API_KEY and OPENTOK_API_SECRET are set, otherwise
// against a local emulator it starts ($OPENTOK_EMULATOR_BIN, default ../target/release/opentok-emulator).
// `make demo-kotlin` builds and runs it.
package com.opentokrs.examples

import com.opentokrs.ArchiveLayout
import com.opentokrs.ArchiveProperties
import com.opentokrs.BroadcastOutputs
import com.opentokrs.BroadcastProperties
import com.opentokrs.Hls
import com.opentokrs.LayoutType
import com.opentokrs.MediaMode
import com.opentokrs.OpenTok
import com.opentokrs.OpenTokException
import com.opentokrs.OpenTokOptions
import com.opentokrs.Role
import com.opentokrs.SessionProperties
import com.opentokrs.SignalProperties
import com.opentokrs.TokenOptions
import kotlinx.coroutines.runBlocking
import java.io.File

fun main() = runBlocking {
    val key = System.getenv("OPENTOK_API_KEY")
    val secret = System.getenv("OPENTOK_API_SECRET")
    var emulator: Process? = null
    val opentok = if (!key.isNullOrBlank() && !secret.isNullOrBlank()) {
        println("Using the OpenTok API with api key $key")
        OpenTok(key, secret)
    } else {
        val bin = System.getenv("OPENTOK_EMULATOR_BIN")?.takeIf { it.isNotBlank() } ?: File("../target/release/opentok-emulator").path
        emulator = ProcessBuilder(bin, "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start()
        val url = emulator.inputStream.bufferedReader().readLine().trim()
        println("Using the emulator at $url")
        OpenTok("123456", "0123456789abcdef0123456789abcdef01234567", OpenTokOptions(apiUrl = url))
    }
    try {
        val session = opentok.createSession(SessionProperties(mediaMode = MediaMode.ROUTED))
        println("session   ${session.sessionId}")

        val token = opentok.generateToken(session.sessionId, TokenOptions(role = Role.MODERATOR, data = "name=Quickstart"))
        println("token     ${token.take(40)}…")

        val archive = opentok.startArchive(
            session.sessionId,
            ArchiveProperties(name = "Quickstart", layout = ArchiveLayout(LayoutType.BEST_FIT, screenshareType = LayoutType.PIP)),
        )
        println("archive   ${archive.id} ${archive.status}")
        println("archives  ${opentok.listArchives(sessionId = session.sessionId).totalCount} in this session")

        opentok.signal(session.sessionId, SignalProperties(data = "hello from Kotlin", type = "chat"))
        println("signal    sent")

        val broadcast = opentok.startBroadcast(session.sessionId, BroadcastProperties(outputs = BroadcastOutputs(hls = Hls())))
        println("broadcast ${broadcast.id} ${broadcast.broadcastUrls?.hls}")
        opentok.stopBroadcast(broadcast.id)

        val stopped = opentok.stopArchiveBlocking(archive.id) // every operation has a blocking twin
        println("archive   ${stopped.id} ${stopped.status}")
    } catch (e: OpenTokException) {
        println("OpenTok error: ${e.message}")
        throw e
    } finally {
        opentok.close()
        emulator?.destroy()
    }
}
