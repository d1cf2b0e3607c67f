//! `opentok demo`: a realistic session lifecycle, printed step by step.
//!
//! Runs against an embedded emulator, or against the real API when OPENTOK_API_KEY and
//! OPENTOK_API_SECRET are set (then the steps that need browsers or apps to join are explained and
//! skipped, and failures of later steps are reported without stopping the walk).

use std::time::Instant;

use opentok_core::{ApiError, Error, OpenTok, Role, TokenOptions};
use serde_json::{json, Value};

use crate::output::line;
use crate::Global;

/// Shortens a token for display: its head and tail only.
fn short(token: &str) -> String {
    let n = token.chars().count();
    if n <= 28 {
        return token.to_owned();
    }
    let head: String = token.chars().take(16).collect();
    let tail: String = token.chars().skip(n - 8).collect();
    format!("{head}...{tail} ({n} chars)")
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("-")
}

struct Demo {
    client: OpenTok,
    /// Base URL of an emulator whose admin routes stand in for clients joining.
    admin: Option<String>,
    http: reqwest::Client,
    /// Against the real API: report failures and go on.
    real: bool,
    step: usize,
}

impl Demo {
    fn step(&mut self, title: &str) {
        self.step += 1;
        line(&format!("\n[{}] {title}", self.step));
    }

    fn say(&self, text: &str) {
        line(&format!("    {text}"));
    }

    /// Runs an operation; against the real API a failure is reported and `None` returned.
    async fn op(&self, op: &str, args: Value) -> Result<Option<Value>, Error> {
        match opentok_core::call(&self.client, op, args).await {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.real => {
                self.say(&format!("! {op} failed: {e}"));
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// POSTs to an emulator admin route.
    async fn admin(&self, path: &str, body: Value) -> Result<Value, Error> {
        let base = self.admin.as_deref().unwrap_or_default();
        self.admin_req(
            self.http
                .post(format!("{base}{path}"))
                .body(body.to_string()),
        )
        .await
    }

    async fn admin_get(&self, path: &str) -> Result<Value, Error> {
        let base = self.admin.as_deref().unwrap_or_default();
        self.admin_req(self.http.get(format!("{base}{path}"))).await
    }

    async fn admin_req(&self, req: reqwest::RequestBuilder) -> Result<Value, Error> {
        let net = |e: reqwest::Error| Error::Network(format!("emulator admin route: {e}"));
        let resp = req
            .header("content-type", "application/json")
            .send()
            .await
            .map_err(net)?;
        let status = resp.status().as_u16();
        let text = resp.text().await.map_err(net)?;
        if !(200..300).contains(&status) {
            let error = ApiError {
                status,
                message: text,
                ..Default::default()
            };
            return Err(Error::from_status(error, None));
        }
        if text.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(&text).map_err(|e| Error::Decode(e.to_string()))
    }

    /// A client joins and publishes a camera stream (emulator only).
    async fn join(&self, sid: &str, name: &str) -> Result<(String, String), Error> {
        let c = self
            .admin(
                &format!("/_emulator/sessions/{sid}/connections"),
                json!({ "data": format!("name={name}") }),
            )
            .await?;
        let conn = s(&c, "connectionId").to_owned();
        let st = self
            .admin(
                &format!("/_emulator/sessions/{sid}/streams"),
                json!({ "connectionId": conn, "name": name, "videoType": "camera" }),
            )
            .await?;
        let stream = s(&st, "id").to_owned();
        self.say(&format!(
            "{name} joined: connection {conn}, publishing camera stream {stream}"
        ));
        Ok((conn, stream))
    }

    async fn list_connections(&self, sid: &str) -> Result<(), Error> {
        if let Some(v) = self
            .op("list_connections", json!({ "session_id": sid }))
            .await?
        {
            let items = v
                .get("items")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            self.say(&format!("{} connection(s)", items.len()));
            for c in &items {
                self.say(&format!(
                    "  {}  {}",
                    s(c, "connectionId"),
                    s(c, "connectionState")
                ));
            }
        }
        Ok(())
    }

    async fn emulator_view(&self, sid: &str) -> Option<Value> {
        self.admin.as_ref()?;
        self.admin_get(&format!("/_emulator/sessions/{sid}"))
            .await
            .ok()
    }
}

fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    if rest.starts_with("[::1]") {
        return true;
    }
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    matches!(host, "127.0.0.1" | "localhost")
}

/// Runs the demo.
pub async fn run(g: &Global) -> Result<(), Error> {
    let started = Instant::now();
    let real_creds = g.api_key.is_some() && g.api_secret.is_some();
    let mut _emulator = None;
    let (client, admin, real, target) = if real_creds {
        let client = g.client()?;
        let url = client.api_url().to_owned();
        let admin = is_loopback(&url).then(|| url.trim_end_matches('/').to_owned());
        let real = admin.is_none();
        let key = g.api_key.clone().unwrap_or_default();
        // printed: credentials in the URL are redacted
        let shown = client.display_url().to_owned();
        (client, admin, real, format!("{shown} with api key {key}"))
    } else {
        let emu = opentok_emulator::Emulator::start(opentok_emulator::Config::default())
            .await
            .map_err(|e| Error::Network(format!("cannot start the embedded emulator: {e}")))?;
        let url = emu.url();
        let mut opts = json!({
            "api_key": opentok_emulator::DEFAULT_API_KEY,
            "api_secret": opentok_emulator::DEFAULT_API_SECRET,
            "api_url": url,
            "language": format!("cli/{}", env!("CARGO_PKG_VERSION")),
        });
        if let (Some(t), Some(m)) = (g.timeout, opts.as_object_mut()) {
            m.insert("timeout".into(), t.into());
        }
        let client = OpenTok::from_json(opts)?;
        _emulator = Some(emu);
        let target = format!(
            "the embedded emulator at {url} (api key {})",
            opentok_emulator::DEFAULT_API_KEY
        );
        (client, Some(url), false, target)
    };
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|e| Error::Network(e.to_string()))?;
    let mut d = Demo {
        client,
        admin,
        http,
        real,
        step: 0,
    };

    line(&format!("OpenTok demo against {target}"));
    if real {
        line("(real API: OPENTOK_API_KEY and OPENTOK_API_SECRET are set; unset them to use the embedded emulator)");
    }

    d.step("Create a routed session (media goes through the OpenTok Media Router)");
    let session = opentok_core::call(
        &d.client,
        "create_session",
        json!({ "media_mode": "routed" }),
    )
    .await?;
    let sid = s(&session[0], "session_id").to_owned();
    d.say(&format!("session id: {sid}"));

    d.step("Mint a client token for each role (signed locally, no request)");
    for role in [
        Role::Subscriber,
        Role::Publisher,
        Role::Publisheronly,
        Role::Moderator,
    ] {
        let opts = TokenOptions {
            role,
            data: Some(format!("name=demo-{}", role.as_str())),
            ..Default::default()
        };
        let token = d.client.generate_token(&sid, &opts)?;
        d.say(&format!(
            "{:<14} {}  expires in 24 h",
            role.as_str(),
            short(&token)
        ));
    }

    d.step("Two clients join the session and publish a camera stream");
    let mut alice = None;
    let mut bob = None;
    if d.admin.is_some() {
        d.say("(the emulator's /_emulator admin routes stand in for browsers or apps using the tokens)");
        alice = Some(d.join(&sid, "Alice").await?);
        bob = Some(d.join(&sid, "Bob").await?);
    } else {
        d.say(
            "Against the real API, clients join from a browser or app (OpenTok.js, iOS, Android)",
        );
        d.say("with one of the tokens above; the server API cannot join for them, so this is skipped.");
        d.say(
            "Steps that need connected clients may fail below; the demo reports them and goes on.",
        );
    }

    d.step("List the session's connections");
    d.list_connections(&sid).await?;

    d.step("List the session's streams");
    if let Some(v) = d.op("list_streams", json!({ "session_id": sid })).await? {
        let items = v
            .get("items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        d.say(&format!("{} stream(s)", items.len()));
        for st in &items {
            d.say(&format!(
                "  {}  {:<6}  {}",
                s(st, "id"),
                s(st, "videoType"),
                s(st, "name")
            ));
        }
    }

    d.step("Start an archive (composed, best-fit layout)");
    let archive = d
        .op(
            "start_archive",
            json!({ "session_id": sid, "name": "Demo recording", "output_mode": "composed",
                    "layout": { "type": "bestFit" } }),
        )
        .await?;
    let archive_id = archive.as_ref().map(|a| s(a, "id").to_owned());
    if let Some(a) = &archive {
        d.say(&format!("archive {} is {}", s(a, "id"), s(a, "status")));
    }

    d.step("Stop the archive");
    if let Some(id) = &archive_id {
        if let Some(a) = d.op("stop_archive", json!({ "archive_id": id })).await? {
            d.say(&format!("archive {} is {}", s(&a, "id"), s(&a, "status")));
        }
    } else {
        d.say("skipped: no archive was started");
    }

    d.step("Read the archive back");
    if let Some(id) = &archive_id {
        if let Some(a) = d.op("get_archive", json!({ "archive_id": id })).await? {
            let num = |k: &str| {
                a.get(k)
                    .and_then(Value::as_i64)
                    .map_or("-".to_owned(), |n| n.to_string())
            };
            d.say(&format!(
                "status {}, duration {} s, size {} bytes, url {}",
                s(&a, "status"),
                num("duration"),
                num("size"),
                s(&a, "url")
            ));
        }
    } else {
        d.say("skipped: no archive was started");
    }

    d.step("Start an HLS broadcast");
    let broadcast = d
        .op(
            "start_broadcast",
            json!({ "session_id": sid, "outputs": { "hls": { "low_latency": true } },
                    "layout": { "type": "bestFit" }, "max_duration": 3600 }),
        )
        .await?;
    let broadcast_id = broadcast.as_ref().map(|b| s(b, "id").to_owned());
    if let Some(b) = &broadcast {
        let hls = b
            .pointer("/broadcastUrls/hls")
            .and_then(Value::as_str)
            .unwrap_or("-");
        d.say(&format!(
            "broadcast {} is {}; viewers watch {hls}",
            s(b, "id"),
            s(b, "status")
        ));
    }

    d.step("Send a signal to every client");
    if d.op(
        "send_signal",
        json!({ "session_id": sid, "type": "chat", "data": "Hello from the server" }),
    )
    .await?
    .is_some()
    {
        d.say("sent type=chat data=\"Hello from the server\"");
        if let Some(view) = d.emulator_view(&sid).await {
            let n = view
                .get("signals")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            d.say(&format!("the emulator recorded {n} signal(s)"));
        }
    }

    d.step("Mute every stream except Alice's");
    let exclude: Vec<String> = alice.iter().map(|(_, st)| st.clone()).collect();
    if d.op(
        "mute_all",
        json!({ "session_id": sid, "excluded_stream_ids": exclude }),
    )
    .await?
    .is_some()
    {
        d.say("mute-all is active (streams published later are muted too)");
        if let Some(view) = d.emulator_view(&sid).await {
            let streams = view
                .get("streams")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for st in &streams {
                let muted = st.get("muted").and_then(Value::as_bool).unwrap_or(false);
                d.say(&format!(
                    "  {:<6} {}",
                    s(st, "name"),
                    if muted { "muted" } else { "not muted" }
                ));
            }
        }
    }

    d.step("Force Bob to disconnect");
    if let Some((conn, _)) = &bob {
        if d.op(
            "force_disconnect",
            json!({ "session_id": sid, "connection_id": conn }),
        )
        .await?
        .is_some()
        {
            d.say(&format!("connection {conn} disconnected"));
        }
        d.list_connections(&sid).await?;
    } else {
        d.say("skipped: no client joined");
    }

    d.step("Stop the broadcast");
    if let Some(id) = &broadcast_id {
        if let Some(b) = d
            .op("stop_broadcast", json!({ "broadcast_id": id }))
            .await?
        {
            d.say(&format!("broadcast {} is {}", s(&b, "id"), s(&b, "status")));
        }
    } else {
        d.say("skipped: no broadcast was started");
    }

    d.step("List this session's archives");
    if let Some(v) = d.op("list_archives", json!({ "session_id": sid })).await? {
        let items = v
            .get("items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        d.say(&format!("{} archive(s)", items.len()));
        for a in &items {
            d.say(&format!(
                "  {}  {:<10}  {}",
                s(a, "id"),
                s(a, "status"),
                s(a, "name")
            ));
        }
    }

    line(&format!(
        "\nDone: {} steps in {:.2} s. Try `opentok --help`, or `opentok emulator` to keep a server running.",
        d.step,
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_tokens_and_detects_loopback() {
        assert_eq!(short("abc"), "abc");
        let t = "T1==".to_owned() + &"x".repeat(100) + "12345678";
        assert_eq!(short(&t), "T1==xxxxxxxxxxxx...12345678 (112 chars)");
        assert!(is_loopback("http://127.0.0.1:4000"));
        assert!(is_loopback("http://localhost/"));
        assert!(is_loopback("http://[::1]:80"));
        assert!(!is_loopback("https://api.opentok.com"));
    }
}
