//! `GET /_emulator/`: a server-rendered page (no script, no framework) that refreshes itself and
//! shows the emulator's state — sessions with their connections and streams, archives, broadcasts,
//! Experience Composer renders, captions, SIP calls, Audio Connector connections, the recent request
//! log and every callback delivery.

use crate::state::{lock, AppState};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::fmt::Write as _;

/// A table of JSON items: section id, title, items, keys shown, column heads.
type ValueTable<'a> = (&'a str, &'a str, Vec<Value>, &'a [&'a str], &'a [&'a str]);

/// Requests shown in the log table (newest first).
const RECENT_REQUESTS: usize = 50;
/// Deliveries shown (newest first).
const RECENT_DELIVERIES: usize = 100;

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

struct Table<'a> {
    html: &'a mut String,
}

impl<'a> Table<'a> {
    fn start(html: &'a mut String, id: &str, title: &str, count: usize, heads: &[&str]) -> Self {
        let _ = write!(
            html,
            "<section id=\"{id}\"><h2>{} <span class=\"count\">({count})</span></h2>",
            esc(title)
        );
        if count == 0 {
            html.push_str("<p class=\"empty\">none</p>");
        }
        html.push_str("<table><thead><tr>");
        for h in heads {
            let _ = write!(html, "<th>{}</th>", esc(h));
        }
        html.push_str("</tr></thead><tbody>");
        Table { html }
    }

    fn row(&mut self, class: &str, cells: &[String]) {
        let _ = write!(self.html, "<tr class=\"{}\">", esc(class));
        for c in cells {
            let _ = write!(self.html, "<td>{}</td>", esc(c));
        }
        self.html.push_str("</tr>");
    }

    fn end(self) {
        self.html.push_str("</tbody></table></section>");
    }
}

/// Renders the page.
pub fn render(st: &AppState) -> String {
    let mut h = String::with_capacity(16 * 1024);
    h.push_str(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"refresh\" content=\"2\">\
         <title>OpenTok emulator</title><style>\
         body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}\
         h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.4em}\
         table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:3px 6px;\
         text-align:left;vertical-align:top;font-family:ui-monospace,monospace;font-size:12px}\
         th{background:#f0f0f0}.count{color:#777;font-weight:normal}.empty{color:#999}\
         tr.delivered td:nth-child(6){color:#080}tr.failed td:nth-child(6),\
         tr.refused td:nth-child(6){color:#b00}\
         </style></head><body><h1>OpenTok emulator</h1>",
    );
    let _ = write!(
        h,
        "<p>Project <code>{}</code> · refreshes every 2 s · JSON: \
         <a href=\"/_emulator/requests\">requests</a>, <a href=\"/_emulator/callbacks\">callbacks</a></p>",
        esc(&st.config.api_key)
    );
    {
        let data = lock(&st.data);
        let mut sessions: Vec<_> = data.sessions.values().collect();
        sessions.sort_by_key(|s| s.created_at);
        let mut t = Table::start(
            &mut h,
            "sessions",
            "Sessions",
            sessions.len(),
            &[
                "session id",
                "media",
                "archive mode",
                "connections",
                "streams",
            ],
        );
        for s in &sessions {
            let conns: Vec<String> = s
                .connections
                .iter()
                .map(|c| match &c.data {
                    Some(d) => format!("{} [{}] {}", c.id, c.kind, d),
                    None => format!("{} [{}]", c.id, c.kind),
                })
                .collect();
            let streams: Vec<String> = s
                .streams
                .iter()
                .map(|x| format!("{} {} {} ← {}", x.id, x.video_type, x.name, x.connection_id))
                .collect();
            t.row(
                "session",
                &[
                    s.id.clone(),
                    s.media_mode.as_str().to_string(),
                    s.archive_mode.clone(),
                    conns.join("\n"),
                    streams.join("\n"),
                ],
            );
        }
        t.end();

        let mut t = Table::start(
            &mut h,
            "archives",
            "Archives",
            data.archives.len(),
            &[
                "id", "status", "name", "session", "output", "size", "duration",
            ],
        );
        for a in &data.archives {
            t.row(
                "archive",
                &[
                    a.id.clone(),
                    a.status.clone(),
                    a.name.clone().unwrap_or_default(),
                    a.session_id.clone(),
                    a.output_mode.clone(),
                    a.size.to_string(),
                    a.duration.to_string(),
                ],
            );
        }
        t.end();

        let mut t = Table::start(
            &mut h,
            "broadcasts",
            "Broadcasts",
            data.broadcasts.len(),
            &["id", "status", "session", "resolution"],
        );
        for b in &data.broadcasts {
            t.row(
                "broadcast",
                &[
                    b.id.clone(),
                    b.status.clone(),
                    b.session_id.clone(),
                    b.resolution.clone(),
                ],
            );
        }
        t.end();

        let values: [ValueTable<'_>; 4] = [
            (
                "renders",
                "Experience Composer renders",
                data.renders.iter().map(|x| x.to_json()).collect(),
                &["id", "status", "sessionId", "url", "streamId"],
                &["id", "status", "session", "url", "stream"],
            ),
            (
                "captions",
                "Live captions",
                data.captions.iter().map(|x| x.to_json()).collect(),
                &["captionId", "status", "sessionId", "languageCode"],
                &["id", "status", "session", "language"],
            ),
            (
                "sip",
                "SIP calls",
                data.sip_calls.iter().map(|x| x.to_json()).collect(),
                &["id", "connectionId", "streamId", "sessionId"],
                &["id", "connection", "stream", "session"],
            ),
            (
                "audio",
                "Audio Connector",
                data.audio_connectors.iter().map(|x| x.to_json()).collect(),
                &["id", "connectionId", "sessionId", "uri", "active"],
                &["id", "connection", "session", "uri", "active"],
            ),
        ];
        for (id, title, items, keys, heads) in values {
            let mut t = Table::start(&mut h, id, title, items.len(), heads);
            for it in items {
                let cells: Vec<String> = keys.iter().map(|k| text(&it[*k])).collect();
                t.row(id, &cells);
            }
            t.end();
        }
    }
    {
        let log = lock(&st.requests);
        let recent: Vec<_> = log.iter().rev().take(RECENT_REQUESTS).collect();
        let mut t = Table::start(
            &mut h,
            "requests",
            "Recent requests",
            log.len(),
            &["method", "path", "query"],
        );
        for r in recent {
            t.row(
                "request",
                &[r.method.clone(), r.path.clone(), r.query.clone()],
            );
        }
        t.end();
    }
    let deliveries = st.deliveries.log();
    let mut t = Table::start(
        &mut h,
        "callbacks",
        "Callback deliveries",
        deliveries.len(),
        &[
            "#", "kind", "event", "session", "url", "status", "attempts", "answers", "signed",
        ],
    );
    for d in deliveries.iter().rev().take(RECENT_DELIVERIES) {
        t.row(
            d.status,
            &[
                d.id.to_string(),
                d.kind.clone(),
                d.event.clone(),
                d.session_id.clone(),
                d.url.clone(),
                d.status.to_string(),
                d.attempts.to_string(),
                d.answers.join(", "),
                if d.signed { "signed" } else { "unsigned" }.to_string(),
            ],
        );
    }
    t.end();
    h.push_str("</body></html>\n");
    h
}

/// `GET /_emulator/`.
pub async fn page(State(st): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        render(&st),
    )
        .into_response()
}
