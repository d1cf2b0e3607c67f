package com.opentokrs

import com.opentokrs.ffi.WebhookException
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Webhooks.parse against the shared callback vectors. */
class WebhooksTest {
    private val v = vectors("callbacks.json")

    @Test
    fun eventVectorsParseToTheirKindAndFields() {
        val events = v.getJSONArray("events")
        for (idx in 0 until events.length()) {
            val e = events.getJSONObject(idx)
            val got = Webhooks.parse(e.getString("body").toByteArray())
            assertEquals(e.getString("type"), got.kind, e.getString("name"))
            val fields = JSONObject(got.fieldsJson)
            val expect = e.getJSONObject("expect")
            for (path in expect.keySet()) {
                if (path.startsWith("extra.")) {
                    assertEquals(expect.get(path).toString(), JSONObject(got.extraJson).opt(path.removePrefix("extra.")).toString(), path)
                    continue
                }
                var cur: Any? = fields
                for (p in path.split(".")) cur = (cur as? JSONObject)?.opt(p)
                val want = expect.get(path)
                if (want == JSONObject.NULL) assertTrue(cur == null || cur == JSONObject.NULL, "${e.getString("name")}: $path")
                else assertEquals(want.toString(), cur.toString(), "${e.getString("name")}: $path")
            }
        }
    }

    @Test
    fun signedVectorsHaveTheirOutcome() {
        val signed = v.getJSONArray("signed")
        for (idx in 0 until signed.length()) {
            val s = signed.getJSONObject(idx)
            val h = s.getJSONObject("headers")
            val headers = h.keySet().associateWith { h.getString(it) }
            val run = {
                Webhooks.parse(s.getString("body").toByteArray(), headers, s.getString("secret"),
                    s.getLong("leeway"), s.getLong("now"))
            }
            if (s.getString("outcome") == "ok") {
                val e = run()
                assertEquals("archive", e.kind)
                assertEquals("available", e.status)
                assertTrue(e.verified)
                assertTrue(e.size!! > 0)
            } else {
                val err = assertThrows<WebhookException.Verification>(s.getString("name")) { run() }
                assertEquals(s.getString("outcome"), err.code)
                assertTrue(!err.detail.contains(s.getString("secret")))
                assertTrue(!(err.message ?: "").contains(s.getString("secret")))
            }
        }
        assertThrows<WebhookException.InvalidBody> { Webhooks.parse("{no".toByteArray()) }
        assertNull(Webhooks.parse("{\"event\":\"x\"}".toByteArray()).status)
    }
}
