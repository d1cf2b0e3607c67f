package com.opentokrs.fromjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.opentokrs.ArchiveStatus;
import com.opentokrs.ConflictException;
import com.opentokrs.InvalidArgumentException;
import com.opentokrs.MuteAllProperties;
import com.opentokrs.NetworkException;
import com.opentokrs.NotFoundException;
import com.opentokrs.OpenTok;
import com.opentokrs.OpenTokException;
import com.opentokrs.OpenTokOptions;
import com.opentokrs.RequestException;
import com.opentokrs.Session;
import com.opentokrs.ffi.Archive;
import com.opentokrs.ffi.ArchiveList;
import com.opentokrs.ffi.ArchiveProperties;
import com.opentokrs.ffi.MediaMode;
import com.opentokrs.ffi.Role;
import com.opentokrs.ffi.SessionProperties;
import com.opentokrs.ffi.TokenOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package as Java code written for the official Java SDK uses it: blocking calls under the
 * Java SDK's names, checked exceptions caught by name. This file compiling is half the proof: javac
 * rejects a {@code catch} of a checked exception that no call in the {@code try} declares.
 */
class JavaCallersTest {
    private static final String API_KEY = "123456";
    private static final String API_SECRET = "0123456789abcdef0123456789abcdef01234567";

    private static Process emulator;
    private static String url;

    @BeforeAll
    static void startEmulator() throws Exception {
        File cwd = new File(System.getProperty("user.dir")).getAbsoluteFile();
        File root = new File(cwd, "pom.xml").exists() ? cwd.getParentFile() : cwd;
        String bin = System.getenv("OPENTOK_EMULATOR_BIN");
        if (bin == null || bin.isEmpty()) {
            bin = new File(root, "target/release/opentok-emulator").getPath();
        }
        emulator = new ProcessBuilder(bin, "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        url = out.readLine();
        assertNotNull(url, "the emulator printed no URL");
        url = url.trim();
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.destroy();
            emulator.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Built as with the Java SDK's {@code OpenTok.Builder}. */
    private static OpenTok client() {
        return new OpenTok.Builder(Integer.parseInt(API_KEY), API_SECRET).apiUrl(url).requestTimeout(10).maxRetries(0).build();
    }

    @Test
    void sessionTokenAndArchiveLifecycle() throws OpenTokException {
        try (OpenTok opentok = client()) {
            SessionProperties props = new SessionProperties();
            props.setMediaMode(MediaMode.ROUTED);
            Session session = opentok.createSession(props);
            String sessionId = session.getSessionId();
            assertEquals(MediaMode.ROUTED, session.getMediaMode());
            assertEquals(API_KEY, OpenTok.decodeSessionId(sessionId).getApiKey());

            TokenOptions tokenOptions = new TokenOptions();
            tokenOptions.setRole(Role.MODERATOR);
            tokenOptions.setData("name=Ann");
            String token = opentok.generateToken(sessionId, tokenOptions);
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"role\":\"moderator\""), claims);
            assertFalse(session.generateToken().isEmpty());
            assertFalse(opentok.generateToken(sessionId).isEmpty());

            Archive archive = opentok.startArchive(sessionId, "From Java");
            assertEquals("started", archive.getStatus());
            assertEquals("From Java", archive.getName());
            assertEquals(archive.getId(), opentok.getArchive(archive.getId()).getId());
            ArchiveList page = opentok.listArchives(0, 10);
            assertEquals(1, page.getItems().size());
            assertEquals(1, opentok.listArchives(sessionId).getItems().size());
            assertEquals("stopped", opentok.stopArchive(archive.getId()).getStatus());
            assertEquals(ArchiveStatus.STARTED, ArchiveStatus.of(archive.getStatus()));

            opentok.forceMuteAll(sessionId, new MuteAllProperties.Builder().excludedStreamIds(java.util.List.of("S1")).build());
            opentok.disableForceMute(sessionId);

            ArchiveProperties archiveProps = new ArchiveProperties();
            archiveProps.setName("Second");
            Archive second = opentok.startArchive(sessionId, archiveProps);
            opentok.stopArchive(second.getId());
            assertEquals(2, opentok.listArchives().getItems().size());
        }
    }

    @Test
    void invalidArgumentIsCaughtByName() {
        OpenTok opentok = client();
        try {
            opentok.generateToken("not-a-session-id");
            fail("expected InvalidArgumentException");
        } catch (InvalidArgumentException e) {
            assertEquals("session_id", e.getField());
        } catch (OpenTokException e) {
            fail("expected InvalidArgumentException, got " + e);
        }
        try {
            opentok.deleteArchive("..");
            fail("expected InvalidArgumentException");
        } catch (InvalidArgumentException e) {
            assertEquals("archive_id", e.getField());
        } catch (OpenTokException e) {
            fail("expected InvalidArgumentException, got " + e);
        }
    }

    @Test
    void requestExceptionSubclassesAreCaughtByName() throws OpenTokException {
        OpenTok opentok = client();
        try {
            opentok.getArchive("00000000-0000-4000-8000-000000000000");
            fail("expected NotFoundException");
        } catch (NotFoundException e) {
            assertEquals(404, e.getStatus());
        }
        Session relayed = opentok.createSession();
        try {
            opentok.startArchive(relayed.getSessionId());
            fail("expected a RequestException");
        } catch (RequestException e) {
            assertTrue(e instanceof ConflictException, e.getClass().getName());
            assertEquals(409, e.getStatus());
        }
        // no answer at all is a RequestException too, as in the Java SDK
        OpenTok nowhere = new OpenTok(API_KEY, API_SECRET, new OpenTokOptions("http://127.0.0.1:9", null, 1.0, null, null, 0));
        try {
            nowhere.getArchive("A");
            fail("expected a RequestException");
        } catch (RequestException e) {
            assertTrue(e instanceof NetworkException, e.getClass().getName());
            assertEquals(0, e.getStatus());
        }
        // the base class catches everything, as with the Java SDK
        try {
            opentok.stopArchive("00000000-0000-4000-8000-000000000000");
            fail("expected an OpenTokException");
        } catch (OpenTokException e) {
            assertTrue(e instanceof RequestException);
        }
    }
}
